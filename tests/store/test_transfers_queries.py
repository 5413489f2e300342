"""The query side of resolved transfers (what the CLI and the web app call), on both back ends."""

from __future__ import annotations

import pytest

from armstrace.models import ActorSummary, Flow, TransferFilter
from armstrace.pipeline import update_transfers
from armstrace.store import Repository

from ..resolve import stories


@pytest.fixture
def resolved(repo: Repository) -> Repository:
    """A repository holding the four example stories, resolved (five transfers)."""
    articles = (
        stories.allegation_denial_confirmation()
        + stories.syndicated_story()
        + stories.two_tranches()
        + stories.translated_story()
    )
    # An end user: South Korean shells for Ukraine, through the United States.
    text = "South Korea will sell 100,000 shells to the United States, which will send them on."
    doc = stories.document(
        "res-c1-germany-12-howitzers", id="kor-shells", published="2024-04-02", text=text
    )
    end_user = stories.record(
        doc,
        "South Korea will sell",
        supplier="KOR",
        recipient="USA",
        end_user="UKR",
        materiel="artillery_ammunition",
        stage="planned",
        quantity=100_000,
    )
    articles.append(stories.article(doc, end_user))
    run_id = repo.begin_run([], stories.EXTRACTOR_VERSION)
    repo.save_articles(articles, run_id)
    update_transfers(repo)
    return repo


def keys(repo: Repository, selection: TransferFilter, **options: object) -> list[str]:
    found = repo.transfers.list_transfers(selection, **options)  # type: ignore[arg-type]
    return [t.group_key or "" for t in found]


def test_list_transfers_filters_by_actor_codes_in_any_case(resolved: Repository) -> None:
    assert keys(resolved, TransferFilter(supplier="blr")) == ["BLR|RUS|ammunition"]
    # The recipient filter matches end users too.
    ukraine = keys(resolved, TransferFilter(recipient="UKR"), sort="id")
    assert "KOR|UKR|ammunition" in ukraine
    assert len(ukraine) == 5
    assert keys(resolved, TransferFilter(recipient="USA")) == ["KOR|UKR|ammunition"]


def test_list_transfers_filters_by_materiel_category_or_family(resolved: Repository) -> None:
    family = keys(resolved, TransferFilter(materiel="ammunition"), sort="id")
    assert family == ["BLR|RUS|ammunition", "KOR|UKR|ammunition"]
    assert keys(resolved, TransferFilter(materiel="other_ammunition")) == []
    assert len(keys(resolved, TransferFilter(materiel="air_defense_systems"))) == 2


def test_list_transfers_filters_by_status_and_period(resolved: Repository) -> None:
    assert keys(resolved, TransferFilter(status="reported")) == ["KOR|UKR|ammunition"]
    # BLR→RUS is reported from January to May: it overlaps April.
    april = keys(resolved, TransferFilter(since="2024-04", until="2024-04"), sort="id")
    assert april == ["BLR|RUS|ammunition", "KOR|UKR|ammunition"]
    assert keys(resolved, TransferFilter(since="2024-09-01"), sort="id") == [
        "DEU|UKR|artillery_systems"
    ]
    assert keys(resolved, TransferFilter(until="2023")) == []
    with pytest.raises(ValueError, match="not a date"):
        resolved.transfers.list_transfers(TransferFilter(since="last week"))


def test_count_transfers_matches_list(resolved: Repository) -> None:
    assert resolved.transfers.count_transfers() == 6
    selection = TransferFilter(recipient="UKR", status="confirmed")
    assert resolved.transfers.count_transfers(selection) == len(
        resolved.transfers.list_transfers(selection)
    )


def test_list_transfers_sorts_and_pages(resolved: Repository) -> None:
    by_sources = resolved.transfers.list_transfers(sort="-n_sources")
    assert [t.n_sources for t in by_sources] == sorted(
        (t.n_sources for t in by_sources), reverse=True
    )
    by_id = resolved.transfers.list_transfers(sort="id")
    page = resolved.transfers.list_transfers(sort="id", limit=2, offset=2)
    assert [t.id for t in page] == [t.id for t in by_id[2:4]]
    latest = resolved.transfers.list_transfers()  # default: most recently reported first
    assert latest[0].last_reported == "2024-09-10"
    by_stage = resolved.transfers.list_transfers(sort="stage")
    assert by_stage[0].stage == "planned" and by_stage[-1].stage == "delivered"
    with pytest.raises(ValueError, match="cannot sort"):
        resolved.transfers.list_transfers(sort="colour")


def test_iter_transfers_streams_every_transfer_with_claims(resolved: Repository) -> None:
    streamed = list(resolved.transfers.iter_transfers(batch_size=2))
    assert [t.id for t in streamed] == [t.id for t in resolved.transfers.list_transfers(sort="id")]
    assert all(len(t.claims) == t.n_claims for t in streamed)


def test_list_actors_counts_supplied_and_received(resolved: Repository) -> None:
    actors = {a.code: a for a in resolved.transfers.list_actors()}
    assert actors["UKR"] == ActorSummary("UKR", 0, 5, "2024-03-04", "2024-09-10")
    assert (actors["USA"].supplied, actors["USA"].received) == (0, 1)
    assert (actors["DEU"].supplied, actors["DEU"].received) == (2, 0)
    assert resolved.transfers.list_actors()[0].code == "UKR"
    only_ammunition = resolved.transfers.list_actors(TransferFilter(materiel="ammunition"))
    assert {a.code for a in only_ammunition} == {"BLR", "RUS", "KOR", "USA", "UKR"}


def test_list_flows_aggregates_supplier_recipient_pairs(resolved: Repository) -> None:
    flows = {(f.supplier, f.recipient): f for f in resolved.transfers.list_flows()}
    assert flows[("DEU", "UKR")] == Flow(
        supplier="DEU",
        recipient="UKR",
        n_transfers=2,
        n_documents=3,
        quantity=20,
        statuses={"confirmed": 2},
        materiel={"artillery_systems": 2},
        first_reported="2024-03-05",
        last_reported="2024-09-10",
    )
    assert flows[("KOR", "USA")].statuses == {"reported": 1}
    march = resolved.transfers.list_flows(TransferFilter(until="2024-03-31"))
    assert {(f.supplier, f.recipient) for f in march} == {
        ("BLR", "RUS"),
        ("NOR", "UKR"),
        ("DEU", "UKR"),
    }
