"""Resolved transfers in the store, on SQLite and PostgreSQL: incremental, idempotent updates.

The articles are the stories of examples/resolution with hand-made reports
(tests/resolve/stories.py), saved as `armstrace run` would save them, then resolved by
`pipeline.update_transfers`.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

import sqlalchemy as sa
from alembic import command

from armstrace.models import ArticleReport, Transfer
from armstrace.pipeline import remove_documents, update_transfers
from armstrace.resolve import text_signature
from armstrace.store import Repository
from armstrace.store.migrate import make_alembic_config

from ..resolve import stories
from ..resolve.stories import Article


def save(repo: Repository, articles: list[Article]) -> None:
    run_id = repo.begin_run([], stories.EXTRACTOR_VERSION)
    repo.save_articles(articles, run_id)


def transfers_of(repo: Repository, group_key: str) -> list[Transfer]:
    found = repo.transfers.list_transfers(sort="first_reported", with_claims=True)
    return [t for t in found if t.group_key == group_key]


def resolved_at(db_url: str) -> dict[str, datetime]:
    """`resolved_at` of every transfer, read from outside the repository."""
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT id, resolved_at FROM transfers")).all()
    finally:
        engine.dispose()
    return {row.id: row.resolved_at for row in rows}


def test_update_transfers_follows_allegation_denial_confirmation(repo: Repository) -> None:
    allegation, denial, confirmation = stories.allegation_denial_confirmation()
    statuses = []
    ids = set()
    for article in (allegation, denial, confirmation):
        save(repo, [article])
        update_transfers(repo)
        (transfer,) = transfers_of(repo, "BLR|RUS|ammunition")
        statuses.append(transfer.status)
        ids.add(transfer.id)
    assert statuses == ["alleged", "contested", "confirmed"]
    assert len(ids) == 1  # one transfer all along, under one id
    assert [c.document_id for c in transfer.claims] == [
        "res-a1-us-alleges-belarus-shells",
        "res-a2-belarus-denies-shells",
        "res-a3-belarus-confirms-shells",
    ]
    assert [c.stance for c in transfer.claims] == ["alleged", "denied", "asserted"]
    assert (transfer.first_reported, transfer.last_reported) == ("2024-01-10", "2024-05-20")
    assert transfer.stage_first_reported == {"delivered": "2024-01-10"}


def test_get_transfer_returns_claims_with_evidence_and_article(repo: Repository) -> None:
    articles = stories.allegation_denial_confirmation()
    save(repo, articles)
    update_transfers(repo)
    (listed,) = repo.transfers.list_transfers()
    transfer = repo.transfers.get_transfer(listed.id)
    assert transfer is not None
    assert listed.claims == []  # not loaded by default
    assert (listed.n_claims, transfer.n_claims) == (3, 3)
    claim = transfer.claims[1]
    doc, report = articles[1]
    assert (claim.document_id, claim.title, claim.url, claim.lang, claim.published) == (
        doc.id,
        doc.title,
        doc.url,
        "en",
        "2024-01-12",
    )
    assert claim.denied_by == ["BLR"]
    assert claim.evidence == report.transfers[0].evidence
    sentence = claim.evidence[0]
    assert doc.text[sentence.start : sentence.end].startswith("Belarus on Friday denied")
    assert repo.transfers.get_transfer("no-such-id") is None


def test_update_transfers_counts_syndicated_copies_once(repo: Repository) -> None:
    save(repo, stories.syndicated_story())
    update_transfers(repo)
    (transfer,) = transfers_of(repo, "NOR|UKR|air_defense_systems")
    assert (transfer.n_documents, transfer.n_sources) == (4, 2)
    assert transfer.status == "confirmed"
    assert transfer.stage == "planned"
    copies = {c.document_id: c.duplicate_of for c in transfer.claims}
    assert copies == {
        "res-b1-wire-norway-nasams": None,
        "res-b2-portal-norway-nasams": "res-b1-wire-norway-nasams",
        "res-b3-aggregator-norway-nasams": "res-b1-wire-norway-nasams",
        "res-b4-kyiv-welcomes-nasams": None,
    }


def test_update_transfers_keeps_tranches_apart(repo: Repository) -> None:
    save(repo, stories.two_tranches())
    update_transfers(repo)
    march, september = transfers_of(repo, "DEU|UKR|artillery_systems")
    assert (march.n_documents, march.quantity_latest, march.first_reported) == (2, 12, "2024-03-05")
    assert (september.n_documents, september.quantity_latest) == (1, 8)
    assert march.id != september.id


def test_update_transfers_adds_translation_as_document_and_source(repo: Repository) -> None:
    english, french = stories.translated_story()
    save(repo, [english])
    update_transfers(repo)
    (before,) = transfers_of(repo, "ITA|UKR|air_defense_systems")
    save(repo, [french])
    update_transfers(repo)
    (after,) = transfers_of(repo, "ITA|UKR|air_defense_systems")
    assert after.id == before.id
    assert (before.n_documents, before.n_sources) == (1, 1)
    assert (after.n_documents, after.n_sources) == (2, 2)
    assert [c.lang for c in after.claims] == ["en", "fr"]


def test_update_transfers_is_idempotent(repo: Repository, db_url: str) -> None:
    save(repo, stories.allegation_denial_confirmation() + stories.syndicated_story())
    first = update_transfers(repo)
    assert first.keys == 2 and len(first.written) == 2
    before = (repo.transfers.list_transfers(with_claims=True), resolved_at(db_url))
    second = update_transfers(repo)
    assert (second.keys, second.written, second.deleted) == (0, [], [])
    assert (repo.transfers.list_transfers(with_claims=True), resolved_at(db_url)) == before


def test_update_transfers_rewrites_only_affected_transfers(repo: Repository, db_url: str) -> None:
    march_and_copy = stories.two_tranches()
    september = march_and_copy.pop()
    save(repo, march_and_copy + stories.syndicated_story())
    update_transfers(repo)
    before = resolved_at(db_url)

    save(repo, [september])
    summary = update_transfers(repo)

    after = resolved_at(db_url)
    (new_id,) = set(after) - set(before)
    assert summary.written == [new_id]
    assert summary.unchanged == 1  # the March tranche of the same key, not rewritten
    assert {tid: after[tid] for tid in before} == before


def test_remove_documents_retracts_claims_and_updates_rollups(repo: Repository) -> None:
    save(repo, stories.allegation_denial_confirmation())
    update_transfers(repo)
    (transfer,) = repo.transfers.list_transfers()

    removal = remove_documents(repo, ["res-a3-belarus-confirms-shells", "not-stored"])
    assert removal.removed == ["res-a3-belarus-confirms-shells"]
    assert removal.missing == ["not-stored"]
    assert removal.claims_retracted == {"res-a3-belarus-confirms-shells": [transfer.id]}
    updated = repo.transfers.get_transfer(transfer.id)
    assert updated is not None
    assert (updated.status, updated.n_documents, updated.last_reported) == (
        "contested",
        2,
        "2024-01-12",
    )

    removal = remove_documents(
        repo, ["res-a1-us-alleges-belarus-shells", "res-a2-belarus-denies-shells"]
    )
    assert removal.resolution.deleted == [transfer.id]
    assert repo.transfers.count_transfers() == 0
    assert update_transfers(repo).keys == 0


def test_update_transfers_follows_re_extraction(repo: Repository) -> None:
    allegation, denial, confirmation = stories.allegation_denial_confirmation()
    save(repo, [allegation, denial, confirmation])
    update_transfers(repo)
    (before,) = repo.transfers.list_transfers()
    # A new extractor reads the confirmation as an allegation by a third party.
    doc, report = confirmation
    changed = dataclasses.replace(report.transfers[0], stance="alleged", claimed_by=["UKR"])
    save(repo, [(doc, ArticleReport(doc.id, "hand-2", [changed]))])
    summary = update_transfers(repo)
    (after,) = repo.transfers.list_transfers(with_claims=True)
    assert summary.written == [before.id]
    assert (before.status, after.status) == ("confirmed", "contested")
    assert after.id == before.id
    assert after.claims[-1].claimed_by == ["UKR"]


def test_update_transfers_moves_report_whose_key_changed(repo: Repository) -> None:
    english, french = stories.translated_story()
    save(repo, [english, french])
    update_transfers(repo)
    doc, report = french
    # Re-extracted: the French article now names Spain as the supplier.
    moved = dataclasses.replace(report.transfers[0], supplier="ESP")
    save(repo, [(doc, ArticleReport(doc.id, "hand-2", [moved]))])
    update_transfers(repo)
    italy = transfers_of(repo, "ITA|UKR|air_defense_systems")
    spain = transfers_of(repo, "ESP|UKR|air_defense_systems")
    assert [t.n_documents for t in italy + spain] == [1, 1]
    assert spain[0].claims[0].document_id == doc.id


def test_update_transfers_resolves_again_after_resolver_version_change(
    repo: Repository, db_url: str
) -> None:
    save(repo, stories.translated_story())
    update_transfers(repo)
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("UPDATE transfers SET resolver_version = 'resolve-0'"))
    finally:
        engine.dispose()
    summary = update_transfers(repo)
    assert summary.keys == 1 and len(summary.written) == 1
    assert update_transfers(repo).keys == 0


def test_text_signatures_are_stored_once_per_content(repo: Repository) -> None:
    save(repo, stories.syndicated_story())
    update_transfers(repo)
    ids = [doc.id for doc, _ in stories.syndicated_story()]
    stored = repo.transfers.signatures(ids)
    assert set(stored) == set(ids)
    doc = stories.syndicated_story()[0][0]
    assert stored[doc.id] == text_signature(doc.id, doc.content_hash, doc.lang, doc.text)
    # A changed text makes the stored signature out of date.
    doc, report = stories.syndicated_story()[3]
    changed = dataclasses.replace(doc, content_hash="changed", text=doc.text + " More.")
    save(repo, [(changed, report)])
    assert doc.id not in repo.transfers.signatures(ids)


def test_update_transfers_resolves_reports_stored_before_resolution(db_url: str) -> None:
    # A database of the first schema revision, filled by the foundation's code.
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as connection:
            command.upgrade(make_alembic_config(connection), "0001")
        old = Repository(engine)
        old.save_articles(stories.translated_story(), old.begin_run([], "hand-0"))
    finally:
        engine.dispose()
    with Repository.open(db_url) as repo:  # migrates to the newest revision
        assert repo.transfers.count_transfers() == 0
        summary = update_transfers(repo)
        (transfer,) = repo.transfers.list_transfers()
    assert summary.written == [transfer.id]
    assert transfer.n_documents == 2
