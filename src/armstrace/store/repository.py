"""The armstrace database: every read and write of documents, transfer reports and runs.

This is the only module of the project that holds SQL. It speaks SQLite (the default, a local
file) and PostgreSQL through the same SQLAlchemy Core statements, and takes and returns only
the dataclasses of `armstrace.models` and `armstrace.store.records`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa

from armstrace.errors import StorageError
from armstrace.models import (
    ArticleReport,
    CleanDocument,
    Evidence,
    Rejection,
    RunSummary,
    TransferRecord,
)
from armstrace.store import rows
from armstrace.store import tables as t
from armstrace.store.migrate import upgrade_database
from armstrace.store.records import (
    DocumentMeta,
    DocumentState,
    RunRecord,
    StoredDocument,
    StoreStats,
)
from armstrace.store.transfer_queries import chunks
from armstrace.store.transfers import TransferStore

DATABASE_ENV_VAR = "ARMSTRACE_DB"
DEFAULT_DATABASE = "./armstrace.db"
# Documents per transaction when writing, and per query when streaming: large enough to make
# round trips rare, small enough that a batch of ~10 KB articles stays a few MB in memory.
DEFAULT_BATCH_SIZE = 200
_SUPPORTED_SCHEMES = ("sqlite", "postgresql", "postgresql+psycopg")


class StoreConstraintError(ValueError):
    """A batch broke a rule of the schema (say, content stored twice); nothing was written."""


def resolve_database_url(cli_value: str | None, env: Mapping[str, str] = os.environ) -> str:
    """The database URL to use: `--db`, else `$ARMSTRACE_DB`, else `./armstrace.db`.

    A plain file path becomes an absolute `sqlite:///` URL; `postgresql://` (or `postgres://`)
    is rewritten to use the psycopg 3 driver; other schemes are refused with `ValueError`.
    """
    value = cli_value or env.get(DATABASE_ENV_VAR) or DEFAULT_DATABASE
    return _normalise_url(value)


def _normalise_url(value: str) -> str:
    scheme, separator, rest = value.partition("://")
    if not separator:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    scheme = scheme.lower()
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    if scheme in _SUPPORTED_SCHEMES:
        return value
    # Name only the scheme: the rest of a URL may hold a password.
    raise ValueError(
        f"unsupported database URL scheme {scheme!r}: give a file path, "
        "a sqlite:/// URL or a postgresql:// URL"
    )


def _create_engine(url: str) -> sa.Engine:
    parsed = sa.make_url(_normalise_url(url))
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(parsed)
    database = parsed.database or ""
    if database in ("", ":memory:"):
        # One shared connection, or every checkout would see its own empty database.
        engine = sa.create_engine(
            parsed, poolclass=sa.StaticPool, connect_args={"check_same_thread": False}
        )
        _configure_sqlite(engine, wal=False)
        return engine
    folder = Path(database).expanduser().parent
    if not folder.is_dir():
        raise FileNotFoundError(f"cannot create database {database}: no folder {folder}")
    engine = sa.create_engine(parsed)
    _configure_sqlite(engine, wal=True)
    return engine


def _configure_sqlite(engine: sa.Engine, *, wal: bool) -> None:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy, not the sqlite3 module, decides where transactions begin (the recipe of
        # SQLAlchemy's pysqlite notes): a batch is then one transaction from its first SELECT,
        # and migrations' DDL is transactional too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if wal:
            # Readers (the web UI) never block the writer; with WAL, synchronous=NORMAL still
            # cannot corrupt the file, it only risks the last commits on power loss.
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    def on_begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    sa.event.listen(engine, "connect", on_connect)
    sa.event.listen(engine, "begin", on_begin)


def _now() -> datetime:
    return datetime.now(UTC)


class Repository:
    """A connection pool to one armstrace database, migrated to the newest schema."""

    def __init__(self, engine: sa.Engine) -> None:
        """Wrap an engine whose schema is already migrated; use `Repository.open` instead."""
        self._engine = engine

    @classmethod
    def open(cls, url: str) -> Repository:
        """Open (and for SQLite create) the database at `url` and migrate it to head."""
        try:
            engine = _create_engine(url)
        except (ValueError, FileNotFoundError) as error:
            raise StorageError(str(error)) from error
        try:
            with engine.begin() as connection:
                upgrade_database(connection)
        except sa.exc.DBAPIError as error:
            engine.dispose()
            # The driver's first line says what failed (refused, no such database, auth).
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            safe_url = engine.url.render_as_string(hide_password=True)
            raise StorageError(f"cannot open database {safe_url}: {reason}") from error
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    @property
    def url(self) -> str:
        """The database URL, with any password hidden."""
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def backend(self) -> str:
        """`sqlite` or `postgresql`."""
        return self._engine.dialect.name

    @property
    def transfers(self) -> TransferStore:
        """The resolved transfers and their claims (`armstrace.store.transfers`)."""
        return TransferStore(self._engine)

    def close(self) -> None:
        """Close every pooled connection."""
        self._engine.dispose()

    def __enter__(self) -> Repository:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- runs ---------------------------------------------------------------------------------

    def begin_run(
        self, inputs: Sequence[str], extractor_version: str, *, argv: Sequence[str] = ()
    ) -> int:
        """Record the start of a run and return its id."""
        statement = t.runs.insert().values(
            started_at=_now(),
            argv=list(argv),
            inputs=list(inputs),
            extractor_version=extractor_version,
        )
        with self._engine.begin() as connection:
            key = connection.execute(statement).inserted_primary_key
        if key is None:  # pragma: no cover - both back ends report the new id
            raise RuntimeError("the database did not report the id of the new run")
        return int(key[0])

    def finish_run(self, summary: RunSummary) -> None:
        """Store the counters and rejections of a run and mark it finished (again if need be)."""
        finished_at = _now()
        with self._engine.begin() as connection:
            updated = connection.execute(
                t.runs.update()
                .where(t.runs.c.id == summary.run_id)
                .values(
                    finished_at=finished_at,
                    seen=summary.seen,
                    stored=summary.stored,
                    unchanged=summary.unchanged,
                    duplicates=summary.duplicates,
                    transfers=summary.transfers,
                    rejected=len(summary.rejections),
                )
            )
            if updated.rowcount != 1:
                raise ValueError(f"no run with id {summary.run_id}")
            # Finishing twice replaces the rejections rather than listing them twice.
            connection.execute(t.rejections.delete().where(t.rejections.c.run_id == summary.run_id))
            if summary.rejections:
                connection.execute(
                    t.rejections.insert(),
                    [
                        {
                            "run_id": summary.run_id,
                            "source": rejection.source,
                            "reason": rejection.reason,
                            "created_at": finished_at,
                        }
                        for rejection in summary.rejections
                    ],
                )

    def get_run(self, run_id: int) -> RunRecord | None:
        """The stored run `run_id`, or None."""
        with self._engine.connect() as connection:
            row = connection.execute(sa.select(t.runs).where(t.runs.c.id == run_id)).first()
        return None if row is None else rows.run_from_row(row)

    def list_rejections(self, run_id: int) -> list[Rejection]:
        """The inputs that run `run_id` could not use, in the order they were reported."""
        statement = (
            sa.select(t.rejections.c.source, t.rejections.c.reason)
            .where(t.rejections.c.run_id == run_id)
            .order_by(t.rejections.c.id)
        )
        with self._engine.connect() as connection:
            return [Rejection(row.source, row.reason) for row in connection.execute(statement)]

    # -- documents ----------------------------------------------------------------------------

    def document_state(
        self, doc_id: str, content_hash: str, extractor_version: str
    ) -> tuple[DocumentState, str | None]:
        """What storing this document would do; for `duplicate`, also the id that holds it.

        See `records.DocumentState` for the five states. The second item is None unless the
        state is `duplicate`.
        """
        return self.document_states([(doc_id, content_hash)], extractor_version)[0]

    def document_states(
        self, keys: Sequence[tuple[str, str]], extractor_version: str
    ) -> list[tuple[DocumentState, str | None]]:
        """`document_state` for many `(doc_id, content_hash)` pairs in two queries.

        A pair whose content an earlier pair of the same call also has is a `duplicate` of that
        earlier id, so a batch never tries to store one content twice.
        """
        ids = list(dict.fromkeys(doc_id for doc_id, _ in keys))
        hashes = list(dict.fromkeys(content_hash for _, content_hash in keys))
        documents = t.documents.c
        by_id: dict[str, tuple[str, str]] = {}
        id_by_hash: dict[str, str] = {}
        with self._engine.connect() as connection:
            for chunk in chunks(ids):
                statement = sa.select(
                    documents.id, documents.content_hash, documents.extractor_version
                ).where(documents.id.in_(chunk))
                for row in connection.execute(statement):
                    by_id[row.id] = (row.content_hash, row.extractor_version)
            for chunk in chunks(hashes):
                holders = sa.select(documents.content_hash, documents.id).where(
                    documents.content_hash.in_(chunk)
                )
                for holder_row in connection.execute(holders):
                    id_by_hash[holder_row.content_hash] = holder_row.id

        states: list[tuple[DocumentState, str | None]] = []
        for doc_id, content_hash in keys:
            stored = by_id.get(doc_id)
            holder = id_by_hash.get(content_hash)
            if stored is not None and stored[0] == content_hash:
                states.append(("unchanged" if stored[1] == extractor_version else "stale", None))
            elif holder is not None and holder != doc_id:
                states.append(("duplicate", holder))
            else:
                states.append(("changed" if stored is not None else "new", None))
                id_by_hash.setdefault(content_hash, doc_id)
        return states

    def save_articles(
        self, items: Sequence[tuple[CleanDocument, ArticleReport]], run_id: int
    ) -> None:
        """Store documents with their reports in one transaction: all of them, or none.

        A document already stored under the same id is updated in place (keeping the run that
        first stored it) and its reports and evidence are replaced, never merged.
        """
        for clean, report in items:
            if report.document_id != clean.id:
                raise ValueError(f"report of {report.document_id!r} paired with {clean.id!r}")
        if not items:
            return
        ids = [clean.id for clean, _ in items]
        now = _now()
        try:
            with self._engine.begin() as connection:
                stored_ids: set[str] = set()
                for chunk in chunks(ids):
                    stored_ids.update(
                        connection.execute(
                            sa.select(t.documents.c.id).where(t.documents.c.id.in_(chunk))
                        ).scalars()
                    )
                    # Evidence goes with its reports (ON DELETE CASCADE).
                    connection.execute(t.reports.delete().where(t.reports.c.document_id.in_(chunk)))
                new_rows: list[dict[str, Any]] = []
                updated_rows: list[dict[str, Any]] = []
                for clean, report in items:
                    row = rows.document_row(clean, report, run_id, now)
                    if clean.id in stored_ids:
                        del row["first_run_id"]  # keep the run that first stored it
                        row["key"] = row.pop("id")
                        updated_rows.append(row)
                    else:
                        new_rows.append(row)
                if new_rows:
                    connection.execute(t.documents.insert(), new_rows)
                if updated_rows:
                    connection.execute(
                        t.documents.update().where(t.documents.c.id == sa.bindparam("key")),
                        updated_rows,
                    )
                self._insert_reports(connection, [report for _, report in items])
        except sa.exc.IntegrityError as error:
            raise StoreConstraintError(
                f"batch of {len(items)} documents ({ids[0]} .. {ids[-1]}) not stored: {error.orig}"
            ) from error

    @staticmethod
    def _insert_reports(connection: sa.Connection, reports: Sequence[ArticleReport]) -> None:
        transfers = [
            (report, position, transfer)
            for report in reports
            for position, transfer in enumerate(report.transfers)
        ]
        if not transfers:
            return
        report_ids = connection.execute(
            t.reports.insert().returning(t.reports.c.id, sort_by_parameter_order=True),
            [
                rows.report_row(report, position, transfer)
                for report, position, transfer in transfers
            ],
        ).scalars()
        evidence_rows = [
            rows.evidence_row(report.document_id, report_id, position, item)
            for (report, _, transfer), report_id in zip(transfers, report_ids, strict=True)
            for position, item in enumerate(transfer.evidence)
        ]
        if evidence_rows:
            connection.execute(t.evidence.insert(), evidence_rows)

    def get_document(self, doc_id: str) -> StoredDocument | None:
        """The stored document `doc_id` with its texts, or None."""
        with self._engine.connect() as connection:
            row = connection.execute(
                sa.select(t.documents).where(t.documents.c.id == doc_id)
            ).first()
        return None if row is None else rows.stored_document_from_row(row)

    def get_transfers(self, doc_id: str) -> list[TransferRecord]:
        """The transfer records stored for `doc_id`, in the order the extractor gave them."""
        with self._engine.connect() as connection:
            return _load_transfers(connection, [doc_id]).get(doc_id, [])

    def iter_reports(
        self, batch_size: int = DEFAULT_BATCH_SIZE
    ) -> Iterator[tuple[DocumentMeta, list[TransferRecord]]]:
        """Every stored document, in id order, with its transfer records (maybe none).

        Reads `batch_size` documents per query, without their texts, and holds no connection
        between batches, so a slow consumer never blocks writers.
        """
        meta_columns = [t.documents.c[name] for name in rows.META_COLUMNS]
        last_id: str | None = None
        while True:
            statement = sa.select(*meta_columns).order_by(t.documents.c.id).limit(batch_size)
            if last_id is not None:
                statement = statement.where(t.documents.c.id > last_id)
            with self._engine.connect() as connection:
                metas = [
                    DocumentMeta(**rows.meta_fields(row)) for row in connection.execute(statement)
                ]
                transfers = _load_transfers(connection, [meta.id for meta in metas])
            for meta in metas:
                yield meta, transfers.get(meta.id, [])
            if len(metas) < batch_size:
                return
            last_id = metas[-1].id

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document with its reports and evidence; False if it was not stored."""
        with self._engine.begin() as connection:
            deleted = connection.execute(t.documents.delete().where(t.documents.c.id == doc_id))
        return deleted.rowcount > 0

    def stats(self) -> StoreStats:
        """Counts over the whole database."""
        count = sa.func.count()
        with self._engine.connect() as connection:

            def scalar(statement: sa.Select[Any]) -> int:
                return int(connection.execute(statement).scalar_one())

            by_language = {
                row.lang: int(row.n)
                for row in connection.execute(
                    sa.select(t.documents.c.lang, count.label("n"))
                    .group_by(t.documents.c.lang)
                    .order_by(t.documents.c.lang)
                )
            }
            last_run = connection.execute(
                sa.select(t.runs).order_by(t.runs.c.id.desc()).limit(1)
            ).first()
            return StoreStats(
                documents=sum(by_language.values()),
                by_language=by_language,
                reports=scalar(sa.select(count).select_from(t.reports)),
                documents_with_transfers=scalar(
                    sa.select(sa.func.count(sa.distinct(t.reports.c.document_id)))
                ),
                runs=scalar(sa.select(count).select_from(t.runs)),
                rejected=scalar(sa.select(count).select_from(t.rejections)),
                last_run=None if last_run is None else rows.run_from_row(last_run),
            )


def _load_transfers(
    connection: sa.Connection, doc_ids: Sequence[str]
) -> dict[str, list[TransferRecord]]:
    """The transfer records of `doc_ids`, by document id, with their evidence."""
    reports, evidence = t.reports.c, t.evidence.c
    evidence_by_report: dict[int, list[Evidence]] = {}
    report_rows: list[sa.Row[Any]] = []
    for chunk in chunks(doc_ids):
        report_rows.extend(
            connection.execute(
                sa.select(t.reports)
                .where(reports.document_id.in_(chunk))
                .order_by(reports.document_id, reports.position)
            )
        )
        for row in connection.execute(
            sa.select(t.evidence)
            .where(evidence.document_id.in_(chunk))
            .order_by(evidence.report_id, evidence.position)
        ):
            evidence_by_report.setdefault(row.report_id, []).append(rows.evidence_from_row(row))
    transfers: dict[str, list[TransferRecord]] = {}
    for row in report_rows:
        transfers.setdefault(row.document_id, []).append(
            rows.transfer_from_row(row, evidence_by_report.get(row.id, []))
        )
    return transfers
