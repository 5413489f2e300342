"""Repository behaviour on SQLite and PostgreSQL: what is saved comes back, whole or not at all."""

from __future__ import annotations

import dataclasses
from datetime import UTC
from typing import cast

import pytest
import sqlalchemy as sa

from armstrace.models import ArticleReport, Rejection, RunSummary, Stage
from armstrace.store import Repository, StoreConstraintError

from .builders import EXTRACTOR_VERSION, make_article, make_document, make_transfer


def count_rows(db_url: str, table: str) -> int:
    """Rows of `table`, counted from outside the repository."""
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


def test_save_articles_round_trips_document_reports_and_evidence(repo: Repository) -> None:
    run_id = repo.begin_run(["in/a.txt"], EXTRACTOR_VERSION)
    document, report = make_article("a", transfers=2)
    repo.save_articles([(document, report)], run_id)

    stored = repo.get_document("a")
    assert stored is not None
    assert (stored.raw_text, stored.clean_text, stored.offsets) == (
        document.raw_text,
        document.text,
        document.offsets,
    )
    assert (stored.title, stored.url, stored.published, stored.lang) == (
        document.title,
        document.url,
        document.published,
        document.lang,
    )
    assert (stored.content_hash, stored.source, stored.removed_lines) == (
        document.content_hash,
        document.source,
        1,
    )
    assert (stored.first_run_id, stored.updated_run_id) == (run_id, run_id)
    assert stored.extractor_version == EXTRACTOR_VERSION
    assert stored.ingested_at.tzinfo == UTC
    assert repo.get_transfers("a") == report.transfers


def test_save_articles_keeps_offset_map_usable(repo: Repository) -> None:
    run_id = repo.begin_run([], EXTRACTOR_VERSION)
    document, report = make_article("a")
    repo.save_articles([(document, report)], run_id)
    stored = repo.get_document("a")
    assert stored is not None
    evidence = repo.get_transfers("a")[0].evidence[0]
    start, end = stored.offsets.span_to_raw(evidence.start, evidence.end)
    assert stored.raw_text[start:end] == evidence.text


def test_get_document_returns_none_when_missing(repo: Repository) -> None:
    assert repo.get_document("nope") is None
    assert repo.get_transfers("nope") == []


def test_document_state_follows_new_unchanged_stale_changed_duplicate(repo: Repository) -> None:
    document, report = make_article("a")
    assert repo.document_state("a", document.content_hash, "v1") == ("new", None)

    run_id = repo.begin_run([], "v1")
    repo.save_articles([(document, dataclasses.replace(report, extractor_version="v1"))], run_id)

    assert repo.document_state("a", document.content_hash, "v1") == ("unchanged", None)
    assert repo.document_state("a", document.content_hash, "v2") == ("stale", None)
    assert repo.document_state("a", "another-hash", "v1") == ("changed", None)
    assert repo.document_state("b", document.content_hash, "v1") == ("duplicate", "a")


def test_document_states_marks_repeated_content_in_one_call_as_duplicate(
    repo: Repository,
) -> None:
    states = repo.document_states([("x", "h1"), ("y", "h1"), ("z", "h2")], "v1")
    assert states == [("new", None), ("duplicate", "x"), ("new", None)]


def test_save_articles_refreshes_stale_document_and_its_reports(repo: Repository) -> None:
    first_run = repo.begin_run([], "v1")
    document, _ = make_article("a")
    _, old_report = make_article("a", transfers=1, extractor_version="v1")
    repo.save_articles([(document, old_report)], first_run)

    second_run = repo.begin_run([], "v2")
    _, new_report = make_article("a", transfers=3, extractor_version="v2")
    repo.save_articles([(document, new_report)], second_run)

    assert repo.document_state("a", document.content_hash, "v2") == ("unchanged", None)
    stored = repo.get_document("a")
    assert stored is not None
    assert (stored.first_run_id, stored.updated_run_id) == (first_run, second_run)
    assert len(repo.get_transfers("a")) == 3


def test_save_articles_replaces_reports_without_orphans(repo: Repository, db_url: str) -> None:
    run_id = repo.begin_run([], EXTRACTOR_VERSION)
    repo.save_articles([make_article("a", transfers=3), make_article("b", transfers=1)], run_id)
    assert count_rows(db_url, "evidence") == 8

    changed, report = make_article("a", transfers=1, raw_text="Banner\nFrance sold 2 jets.")
    repo.save_articles([(changed, report)], run_id)

    assert count_rows(db_url, "reports") == 2
    assert count_rows(db_url, "evidence") == 4
    stored = repo.get_document("a")
    assert stored is not None
    assert stored.clean_text == "France sold 2 jets."
    assert repo.get_transfers("a") == report.transfers


def test_save_articles_rolls_back_whole_batch_on_constraint_violation(
    repo: Repository, db_url: str
) -> None:
    run_id = repo.begin_run([], EXTRACTOR_VERSION)
    repo.save_articles([make_article("kept", transfers=2)], run_id)

    same_text = "Banner\nThe same article twice."
    bad_batch = [
        make_article("kept", transfers=1),  # would replace the stored reports
        make_article("fresh-1", raw_text=same_text),
        make_article("fresh-2", raw_text=same_text),  # content_hash is unique
    ]
    with pytest.raises(StoreConstraintError, match="not stored"):
        repo.save_articles(bad_batch, run_id)

    assert repo.get_document("fresh-1") is None
    assert len(repo.get_transfers("kept")) == 2
    assert count_rows(db_url, "documents") == 1
    assert count_rows(db_url, "evidence") == 4


def test_save_articles_refuses_report_of_another_document(repo: Repository) -> None:
    run_id = repo.begin_run([], EXTRACTOR_VERSION)
    document, _ = make_article("a")
    _, report_of_b = make_article("b")
    with pytest.raises(ValueError, match="paired with"):
        repo.save_articles([(document, report_of_b)], run_id)
    assert repo.get_document("a") is None


def test_delete_document_cascades_to_reports_and_evidence(repo: Repository, db_url: str) -> None:
    run_id = repo.begin_run([], EXTRACTOR_VERSION)
    repo.save_articles([make_article("a", transfers=2), make_article("b", transfers=1)], run_id)

    assert repo.delete_document("a") is True
    assert repo.delete_document("a") is False
    assert repo.get_document("a") is None
    assert count_rows(db_url, "reports") == 1
    assert count_rows(db_url, "evidence") == 2
    assert repo.get_document("b") is not None


def test_iter_reports_lists_every_document_in_id_order(repo: Repository) -> None:
    run_id = repo.begin_run([], EXTRACTOR_VERSION)
    articles = [make_article(f"doc-{i:02d}", transfers=i % 3) for i in range(7)]
    repo.save_articles(list(reversed(articles)), run_id)

    listed = list(repo.iter_reports(batch_size=3))

    assert [meta.id for meta, _ in listed] == [f"doc-{i:02d}" for i in range(7)]
    assert [len(transfers) for _, transfers in listed] == [i % 3 for i in range(7)]
    assert [transfers for _, transfers in listed] == [report.transfers for _, report in articles]
    assert not hasattr(listed[0][0], "raw_text")


def test_iter_reports_yields_nothing_for_empty_database(repo: Repository) -> None:
    assert list(repo.iter_reports()) == []


def test_stats_counts_documents_reports_runs_and_rejections(repo: Repository) -> None:
    first_run = repo.begin_run(["a.txt"], EXTRACTOR_VERSION)
    repo.finish_run(RunSummary(first_run, seen=1, rejections=[Rejection("x.pdf", "not text")]))
    run_id = repo.begin_run(["b/"], EXTRACTOR_VERSION, argv=["armstrace", "run", "b/"])
    repo.save_articles(
        [
            make_article("en-1", transfers=2),
            make_article("en-2", transfers=0),
            make_article("fr-1", transfers=1, lang="fr"),
        ],
        run_id,
    )
    summary = RunSummary(
        run_id,
        seen=5,
        stored=3,
        transfers=3,
        duplicates=1,
        rejections=[Rejection("b/empty.txt", "empty"), Rejection("b/bad.html", "no main text")],
    )
    repo.finish_run(summary)

    stats = repo.stats()

    assert stats.documents == 3
    assert stats.by_language == {"en": 2, "fr": 1}
    assert (stats.reports, stats.documents_with_transfers) == (3, 2)
    assert (stats.runs, stats.rejected) == (2, 3)
    assert stats.last_run is not None
    assert stats.last_run.id == run_id
    assert stats.last_run.argv == ["armstrace", "run", "b/"]
    assert (stats.last_run.seen, stats.last_run.stored, stats.last_run.rejected) == (5, 3, 2)
    assert stats.last_run.finished_at is not None


def test_finish_run_records_rejections_once(repo: Repository) -> None:
    run_id = repo.begin_run(["in/"], EXTRACTOR_VERSION)
    rejections = [Rejection("in/a.bin", "binary file"), Rejection("in/b.txt", "empty")]
    repo.finish_run(RunSummary(run_id, seen=2, rejections=rejections))
    repo.finish_run(RunSummary(run_id, seen=2, rejections=rejections))

    assert repo.list_rejections(run_id) == rejections
    run = repo.get_run(run_id)
    assert run is not None
    assert (run.inputs, run.rejected, run.extractor_version) == (["in/"], 2, EXTRACTOR_VERSION)


def test_finish_run_refuses_unknown_run(repo: Repository) -> None:
    with pytest.raises(ValueError, match="no run with id 42"):
        repo.finish_run(RunSummary(42))


def test_save_articles_needs_an_existing_run(repo: Repository) -> None:
    with pytest.raises(StoreConstraintError):
        repo.save_articles([make_article("a")], run_id=999)
    assert repo.get_document("a") is None


def test_save_articles_stores_large_quantity_and_unicode(repo: Repository) -> None:
    run_id = repo.begin_run([], EXTRACTOR_VERSION)
    document = make_document("ü", "Bannière\nL'Allemagne a livré 3 000 000 000 d'obus — énorme.")
    report = ArticleReport(
        "ü", EXTRACTOR_VERSION, [make_transfer(document, quantity=3_000_000_000)]
    )
    repo.save_articles([(document, report)], run_id)

    stored = repo.get_document("ü")
    assert stored is not None
    assert stored.clean_text == document.text
    assert repo.get_transfers("ü")[0].quantity == 3_000_000_000


def test_save_articles_refuses_unknown_stage(repo: Repository) -> None:
    run_id = repo.begin_run([], EXTRACTOR_VERSION)
    document, report = make_article("a")
    report.transfers[0].stage = cast(Stage, "shipped")
    with pytest.raises(StoreConstraintError, match="not stored"):
        repo.save_articles([(document, report)], run_id)
    assert repo.get_document("a") is None


def test_repository_open_in_memory_sqlite_keeps_data_between_calls() -> None:
    with Repository.open("sqlite://") as memory:
        run_id = memory.begin_run([], EXTRACTOR_VERSION)
        memory.save_articles([make_article("a")], run_id)
        assert memory.stats().documents == 1
        assert memory.backend == "sqlite"
