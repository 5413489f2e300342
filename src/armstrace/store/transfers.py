"""Storage of resolved transfers: what resolution reads and writes, and what the app queries.

`Repository.transfers` hands out a `TransferStore` on the repository's engine. Writes replace
every transfer of a set of grouping keys in one transaction, rewriting only the transfers that
changed; reads return the dataclasses of `armstrace.models`.

The claims table holds one row per report (its primary key), so a report supports exactly one
transfer; deleting a document or re-extracting it deletes its reports and, by cascade, their
claims. `pending_groups` then sees the transfers whose claim count dropped and the reports
that no claim covers: the work an update has to do.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from armstrace.models import (
    ActorSummary,
    Flow,
    StoredReport,
    TextSignature,
    Transfer,
    TransferFilter,
)
from armstrace.store import tables as t
from armstrace.store.transfer_queries import (
    DEFAULT_SORT,
    actor_summaries,
    chunks,
    filter_conditions,
    flow_summaries,
    load_claims,
    order_by,
)
from armstrace.store.transfer_rows import (
    claim_rows,
    content_of,
    stored_report_from_row,
    transfer_from_row,
    transfer_row,
)

# (supplier, recipient-or-end-user, materiel categories): the reports of one grouping key.
ReportSelector = tuple[str | None, str | None, tuple[str, ...]]
# Selectors per statement: each adds a few parameters, and SQLite caps them per statement.
_SELECTORS_PER_QUERY = 40


@dataclass(frozen=True)
class PendingGroups:
    """What an update must resolve again."""

    # (supplier, recipient, end_user, materiel) of reports that no claim covers yet
    unclaimed: frozenset[tuple[str | None, str | None, str | None, str]] = frozenset()
    # group keys of transfers that lost claims or were resolved by another resolver version
    stale_keys: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.unclaimed or self.stale_keys)


@dataclass
class ReplaceCounts:
    """What `TransferStore.replace_groups` wrote."""

    written: list[str] = field(default_factory=list)  # ids inserted or changed
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)


class TransferStore:
    """Resolved transfers and their claims in one armstrace database."""

    def __init__(self, engine: sa.Engine) -> None:
        """Wrap the engine of an open, migrated `Repository`."""
        self._engine = engine

    # -- what resolution reads ----------------------------------------------------------------

    def pending_groups(self, resolver_version: str) -> PendingGroups:
        """Reports without a claim, and keys of transfers that are out of date."""
        reports, claims, transfers = t.reports.c, t.claims.c, t.transfers.c
        unclaimed = (
            sa.select(reports.supplier, reports.recipient, reports.end_user, reports.materiel)
            .distinct()
            .select_from(t.reports.outerjoin(t.claims, claims.report_id == reports.id))
            .where(claims.report_id.is_(None))
        )
        live_claims = (
            sa.select(sa.func.count()).where(claims.transfer_id == transfers.id).scalar_subquery()
        )
        stale = (
            sa.select(transfers.group_key)
            .distinct()
            .where(
                sa.or_(
                    transfers.resolver_version != resolver_version,
                    transfers.n_claims != live_claims,
                )
            )
        )
        with self._engine.connect() as connection:
            return PendingGroups(
                unclaimed=frozenset(
                    (row.supplier, row.recipient, row.end_user, row.materiel)
                    for row in connection.execute(unclaimed)
                ),
                stale_keys=frozenset(connection.execute(stale).scalars()),
            )

    def reports_for(self, selectors: Sequence[ReportSelector]) -> list[StoredReport]:
        """Every stored report of the given keys, without evidence, by article and position."""
        reports, documents = t.reports.c, t.documents.c
        target = sa.func.coalesce(reports.end_user, reports.recipient)
        base = sa.select(
            t.reports,
            documents.published.label("doc_published"),
            documents.lang.label("doc_lang"),
            documents.title.label("doc_title"),
            documents.url.label("doc_url"),
        ).join(t.documents, documents.id == reports.document_id)
        found: list[StoredReport] = []
        with self._engine.connect() as connection:
            for start in range(0, len(selectors), _SELECTORS_PER_QUERY):
                conditions = [
                    sa.and_(
                        reports.supplier.is_(None)
                        if supplier is None
                        else reports.supplier == supplier,
                        target.is_(None) if recipient is None else target == recipient,
                        reports.materiel.in_(categories),
                    )
                    for supplier, recipient, categories in selectors[
                        start : start + _SELECTORS_PER_QUERY
                    ]
                ]
                statement = base.where(sa.or_(*conditions)).order_by(
                    reports.document_id, reports.position
                )
                found.extend(
                    stored_report_from_row(row, []) for row in connection.execute(statement)
                )
        return found

    def claimed_documents(self, group_keys: Sequence[str]) -> dict[str, dict[str, set[str]]]:
        """For each key, its stored transfers' ids and the articles their claims come from."""
        transfers, claims = t.transfers.c, t.claims.c
        result: dict[str, dict[str, set[str]]] = {key: {} for key in group_keys}
        with self._engine.connect() as connection:
            for chunk in chunks(list(group_keys)):
                statement = (
                    sa.select(transfers.group_key, transfers.id, claims.document_id)
                    .select_from(
                        t.transfers.outerjoin(t.claims, claims.transfer_id == transfers.id)
                    )
                    .where(transfers.group_key.in_(chunk))
                )
                for row in connection.execute(statement):
                    documents = result[row.group_key].setdefault(row.id, set())
                    if row.document_id is not None:
                        documents.add(row.document_id)
        return result

    def signatures(self, document_ids: Sequence[str]) -> dict[str, TextSignature]:
        """Stored signatures of `document_ids` that match the articles' current content."""
        signatures, documents = t.text_signatures.c, t.documents.c
        found: dict[str, TextSignature] = {}
        with self._engine.connect() as connection:
            for chunk in chunks(list(document_ids)):
                statement = (
                    sa.select(t.text_signatures)
                    .join(t.documents, documents.id == signatures.document_id)
                    .where(
                        signatures.document_id.in_(chunk),
                        signatures.content_hash == documents.content_hash,
                    )
                )
                for row in connection.execute(statement):
                    found[row.document_id] = TextSignature(
                        row.document_id, row.content_hash, row.lang, tuple(row.minhash)
                    )
        return found

    def texts(self, document_ids: Sequence[str]) -> list[tuple[str, str, str, str]]:
        """`(id, content_hash, lang, clean_text)` of stored articles, to compute signatures."""
        documents = t.documents.c
        found: list[tuple[str, str, str, str]] = []
        with self._engine.connect() as connection:
            for chunk in chunks(list(document_ids)):
                statement = sa.select(
                    documents.id, documents.content_hash, documents.lang, documents.clean_text
                ).where(documents.id.in_(chunk))
                found.extend(
                    (row.id, row.content_hash, row.lang, row.clean_text)
                    for row in connection.execute(statement)
                )
        return found

    def save_signatures(self, signatures: Sequence[TextSignature]) -> None:
        """Store (or replace) the signatures of articles."""
        if not signatures:
            return
        ids = [s.document_id for s in signatures]
        with self._engine.begin() as connection:
            for chunk in chunks(ids):
                connection.execute(
                    t.text_signatures.delete().where(t.text_signatures.c.document_id.in_(chunk))
                )
            connection.execute(
                t.text_signatures.insert(),
                [
                    {
                        "document_id": s.document_id,
                        "content_hash": s.content_hash,
                        "lang": s.lang,
                        "minhash": list(s.minhash),
                    }
                    for s in signatures
                ],
            )

    # -- what resolution writes ---------------------------------------------------------------

    def replace_groups(
        self, group_keys: Sequence[str], transfers: Sequence[Transfer], resolver_version: str
    ) -> ReplaceCounts:
        """Make `transfers` the only transfers of `group_keys`, in one transaction.

        A transfer whose row and claims are already stored as given is left untouched (its
        `resolved_at` too); others are inserted or rewritten; transfers of these keys that are
        not in `transfers` are deleted with their claims.
        """
        keys = set(group_keys)
        for transfer in transfers:
            if transfer.group_key not in keys:
                raise ValueError(f"transfer {transfer.id} is not of the keys being replaced")
        now = datetime.now(UTC)
        counts = ReplaceCounts()
        with self._engine.begin() as connection:
            old_rows, old_claims = self._load_groups(connection, sorted(keys))
            changed: list[Transfer] = []
            for transfer in transfers:
                row = transfer_row(transfer, resolver_version, now)
                old = old_rows.get(transfer.id)
                same = (
                    old is not None
                    and old.resolver_version == resolver_version
                    and content_of(old) == content_of(row)
                    and old_claims.get(transfer.id, set()) == _claim_set(transfer)
                )
                if same:
                    counts.unchanged += 1
                else:
                    changed.append(transfer)
            new_ids = {transfer.id for transfer in transfers}
            counts.deleted = sorted(set(old_rows) - new_ids)
            counts.written = [transfer.id for transfer in changed]
            rewritten = [tid for tid in counts.written if tid in old_rows]
            for chunk in chunks(counts.deleted + rewritten):
                connection.execute(t.claims.delete().where(t.claims.c.transfer_id.in_(chunk)))
            for chunk in chunks(counts.deleted):
                connection.execute(t.transfers.delete().where(t.transfers.c.id.in_(chunk)))
            self._write(connection, changed, set(rewritten), resolver_version, now)
        return counts

    @staticmethod
    def _load_groups(
        connection: sa.Connection, keys: Sequence[str]
    ) -> tuple[dict[str, sa.Row[Any]], dict[str, set[tuple[Any, ...]]]]:
        old_rows: dict[str, sa.Row[Any]] = {}
        old_claims: dict[str, set[tuple[Any, ...]]] = {}
        for chunk in chunks(list(keys)):
            for row in connection.execute(
                sa.select(t.transfers).where(t.transfers.c.group_key.in_(chunk))
            ):
                old_rows[row.id] = row
        for chunk in chunks(list(old_rows)):
            for claim in connection.execute(
                sa.select(t.claims).where(t.claims.c.transfer_id.in_(chunk))
            ):
                old_claims.setdefault(claim.transfer_id, set()).add(
                    (claim.report_id, claim.document_id, claim.duplicate_of)
                )
        return old_rows, old_claims

    @staticmethod
    def _write(
        connection: sa.Connection,
        changed: Sequence[Transfer],
        rewritten: set[str],
        resolver_version: str,
        now: datetime,
    ) -> None:
        inserts = [transfer_row(x, resolver_version, now) for x in changed if x.id not in rewritten]
        updates = [transfer_row(x, resolver_version, now) for x in changed if x.id in rewritten]
        if inserts:
            connection.execute(t.transfers.insert(), inserts)
        for row in updates:
            transfer_id = row.pop("id")
            connection.execute(
                t.transfers.update().where(t.transfers.c.id == transfer_id).values(**row)
            )
        new_claims = [claim for transfer in changed for claim in claim_rows(transfer)]
        # A report that moved here from a transfer kept as it was cannot exist (that one
        # would have changed), but make sure no report is claimed twice whatever happens.
        for chunk in chunks([claim["report_id"] for claim in new_claims]):
            connection.execute(t.claims.delete().where(t.claims.c.report_id.in_(chunk)))
        if new_claims:
            connection.execute(t.claims.insert(), new_claims)

    # -- what the CLI and the app read --------------------------------------------------------

    def count_transfers(self, selection: TransferFilter | None = None) -> int:
        """How many transfers match `selection`."""
        statement = (
            sa.select(sa.func.count())
            .select_from(t.transfers)
            .where(*filter_conditions(selection or TransferFilter()))
        )
        with self._engine.connect() as connection:
            return int(connection.execute(statement).scalar_one())

    def list_transfers(
        self,
        selection: TransferFilter | None = None,
        *,
        sort: str = DEFAULT_SORT,
        limit: int | None = None,
        offset: int = 0,
        with_claims: bool = False,
    ) -> list[Transfer]:
        """One page of the transfers matching `selection`, sorted by `sort`.

        `sort` is a name of `transfer_queries.SORT_COLUMNS`, "-name" for descending (unknown
        values last either way; ties by id). Claims (with evidence) are loaded only when
        `with_claims`; `n_claims` is always set. Raises ValueError for a bad sort or date.
        """
        statement = (
            sa.select(t.transfers)
            .where(*filter_conditions(selection or TransferFilter()))
            .order_by(*order_by(sort))
            .offset(offset)
        )
        if limit is not None:
            statement = statement.limit(limit)
        with self._engine.connect() as connection:
            found = connection.execute(statement).all()
            claims = load_claims(connection, [row.id for row in found]) if with_claims else {}
        return [transfer_from_row(row, claims.get(row.id)) for row in found]

    def iter_transfers(
        self,
        selection: TransferFilter | None = None,
        *,
        with_claims: bool = True,
        batch_size: int = 200,
    ) -> Iterator[Transfer]:
        """Every matching transfer in id order, `batch_size` per query (for exports)."""
        conditions = filter_conditions(selection or TransferFilter())
        last_id: str | None = None
        while True:
            statement = (
                sa.select(t.transfers)
                .where(*conditions)
                .order_by(t.transfers.c.id)
                .limit(batch_size)
            )
            if last_id is not None:
                statement = statement.where(t.transfers.c.id > last_id)
            with self._engine.connect() as connection:
                found = connection.execute(statement).all()
                claims = load_claims(connection, [row.id for row in found]) if with_claims else {}
            yield from (transfer_from_row(row, claims.get(row.id)) for row in found)
            if len(found) < batch_size:
                return
            last_id = found[-1].id

    def get_transfer(self, transfer_id: str) -> Transfer | None:
        """One transfer with its claims and their evidence, or None."""
        with self._engine.connect() as connection:
            row = connection.execute(
                sa.select(t.transfers).where(t.transfers.c.id == transfer_id)
            ).first()
            if row is None:
                return None
            claims = load_claims(connection, [transfer_id])
        return transfer_from_row(row, claims[transfer_id])

    def transfer_ids_of_documents(self, document_ids: Sequence[str]) -> dict[str, list[str]]:
        """For each article, the ids of the transfers it supports (sorted)."""
        result: dict[str, list[str]] = {doc_id: [] for doc_id in document_ids}
        with self._engine.connect() as connection:
            for chunk in chunks(list(document_ids)):
                statement = (
                    sa.select(t.claims.c.document_id, t.claims.c.transfer_id)
                    .distinct()
                    .where(t.claims.c.document_id.in_(chunk))
                    .order_by(t.claims.c.document_id, t.claims.c.transfer_id)
                )
                for row in connection.execute(statement):
                    result[row.document_id].append(row.transfer_id)
        return result

    def list_actors(self, selection: TransferFilter | None = None) -> list[ActorSummary]:
        """Every actor of the matching transfers, with how many it supplies and receives."""
        with self._engine.connect() as connection:
            return actor_summaries(connection, selection or TransferFilter())

    def list_flows(self, selection: TransferFilter | None = None) -> list[Flow]:
        """Matching transfers aggregated by supplier → recipient (filter by time, materiel…)."""
        with self._engine.connect() as connection:
            return flow_summaries(connection, selection or TransferFilter())


def _equals(column: sa.ColumnElement[Any], value: str | None) -> sa.ColumnElement[bool]:
    return column.is_(None) if value is None else column == value


def _claim_set(transfer: Transfer) -> set[tuple[Any, ...]]:
    return {(c.report_id, c.document_id, c.duplicate_of) for c in transfer.claims}
