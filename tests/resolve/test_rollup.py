"""Roll-ups of a transfer from its claims: status, stage timeline, quantities (README §3)."""

from __future__ import annotations

from armstrace.models import StoredReport, Transfer
from armstrace.resolve import GroupKey, resolve_group, resolve_reports

from . import stories
from .builders import stored_report

SHELLS = GroupKey("BLR", "RUS", "ammunition")
SHELLS_FLOW = {"supplier": "BLR", "recipient": "RUS", "materiel": "artillery_ammunition"}


def only(transfers: list[Transfer]) -> Transfer:
    assert len(transfers) == 1, [t.id for t in transfers]
    return transfers[0]


def allegation() -> StoredReport:
    return stored_report("us", "2024-01-10", stance="alleged", claimed_by=("USA",), **SHELLS_FLOW)


def denial(published: str = "2024-01-12") -> StoredReport:
    return stored_report("deny", published, stance="denied", denied_by=("BLR",), **SHELLS_FLOW)


def confirmation(published: str = "2024-05-20") -> StoredReport:
    return stored_report("confirm", published, claimed_by=("BLR",), **SHELLS_FLOW)


def test_status_alleged_then_contested_then_confirmed() -> None:
    assert only(resolve_group(SHELLS, [allegation()])).status == "alleged"
    assert only(resolve_group(SHELLS, [allegation(), denial()])).status == "contested"
    everything = [allegation(), denial(), confirmation()]
    assert only(resolve_group(SHELLS, everything)).status == "confirmed"


def test_status_contested_when_denial_follows_confirmation() -> None:
    late_denial = denial("2024-06-01")
    assert only(resolve_group(SHELLS, [confirmation(), late_denial])).status == "contested"


def test_status_denied_reported_and_alleged_with_denied_by() -> None:
    assert only(resolve_group(SHELLS, [denial()])).status == "denied"
    third_party = stored_report("paper", "2024-02-01", claimed_by=("POL",), **SHELLS_FLOW)
    assert only(resolve_group(SHELLS, [third_party])).status == "reported"
    # One article alleging it and reporting the denial is already contested.
    both = stored_report(
        "both", stance="alleged", claimed_by=("USA",), denied_by=("BLR",), **SHELLS_FLOW
    )
    assert only(resolve_group(SHELLS, [both])).status == "contested"


def test_status_confirmed_by_the_recipient() -> None:
    recipient_says = stored_report("ru", "2024-02-01", claimed_by=("RUS",), **SHELLS_FLOW)
    assert only(resolve_group(SHELLS, [recipient_says])).status == "confirmed"


def test_stage_is_most_advanced_with_first_report_dates() -> None:
    flow = {"supplier": "DEU", "recipient": "UKR", "materiel": "tanks"}
    transfer = only(
        resolve_group(
            GroupKey("DEU", "UKR", "tanks"),
            [
                stored_report("ask", "2024-01-03", stage="requested", **flow),
                stored_report("pledge", "2024-01-20", stage="planned", **flow),
                stored_report("pledge-2", "2024-02-02", stage="planned", **flow),
                stored_report("arrived", "2024-04-11", stage="delivered", **flow),
                stored_report("undated", None, stage="delivered", **flow),
            ],
        )
    )
    assert transfer.stage == "delivered"
    assert transfer.stage_first_reported == {
        "requested": "2024-01-03",
        "planned": "2024-01-20",
        "delivered": "2024-04-11",
    }
    assert (transfer.first_reported, transfer.last_reported) == ("2024-01-03", "2024-04-11")
    assert [c.document_id for c in transfer.claims][-1] == "undated"


def test_stage_ignores_denials_when_something_supports_it() -> None:
    planned = stored_report("plan", "2024-01-10", stage="planned", **SHELLS_FLOW)
    denied_delivery = denial()
    assert denied_delivery.record.stage == "delivered"
    assert only(resolve_group(SHELLS, [planned, denied_delivery])).stage == "planned"


def test_quantity_range_and_latest_and_routes() -> None:
    # Growing intelligence estimates of one flow: one transfer with a range of figures.
    flow = {
        "supplier": "PRK",
        "recipient": "RUS",
        "materiel": "artillery_ammunition",
        "stance": "alleged",
    }
    transfer = only(
        resolve_group(
            GroupKey("PRK", "RUS", "ammunition"),
            [
                stored_report("a", "2023-10-01", quantity=1_000_000, via=["middle-east"], **flow),
                stored_report("b", "2024-02-27", quantity=3_000_000, via=["CHN"], **flow),
                stored_report("c", "2024-01-15", quantity=2_000_000, origin="PRK", **flow),
                stored_report("d", "2024-11-28", detail="152mm", **flow),
            ],
        )
    )
    assert (transfer.quantity_min, transfer.quantity_max) == (1_000_000, 3_000_000)
    assert transfer.quantity_latest == 3_000_000  # from the latest article that states one
    assert transfer.via == ["middle-east", "CHN"]
    assert transfer.origins == ["PRK"]
    assert transfer.details == ["152mm"]
    assert transfer.n_documents == 4


def test_materiel_prefers_the_most_frequent_then_specific_category() -> None:
    flow = {"supplier": "PRK", "recipient": "RUS"}
    transfer = only(
        resolve_group(
            GroupKey("PRK", "RUS", "ammunition"),
            [
                stored_report("a", materiel="other_ammunition", **flow),
                stored_report("b", materiel="artillery_ammunition", **flow),
            ],
        )
    )
    assert transfer.materiel == "artillery_ammunition"
    assert transfer.family == "ammunition"


def test_end_user_report_keeps_recipient_and_end_user() -> None:
    transfer = only(
        resolve_reports(
            [
                stored_report(
                    "a",
                    supplier="KOR",
                    recipient="USA",
                    end_user="UKR",
                    materiel="artillery_ammunition",
                ),
                stored_report(
                    "b",
                    supplier="KOR",
                    recipient="USA",
                    end_user="UKR",
                    materiel="artillery_ammunition",
                ),
                stored_report(
                    "c", supplier="KOR", recipient="UKR", materiel="artillery_ammunition"
                ),
            ]
        )
    )
    assert (transfer.supplier, transfer.recipient, transfer.end_user) == ("KOR", "USA", "UKR")
    assert transfer.end_users == ["UKR"]
    assert transfer.group_key == "KOR|UKR|ammunition"


def test_resolve_reports_on_stories_gives_one_transfer_per_story_and_tranche() -> None:
    articles = (
        stories.allegation_denial_confirmation()
        + stories.syndicated_story()
        + stories.two_tranches()
        + stories.translated_story()
    )
    transfers = resolve_reports(stories.stored(articles))
    summary = sorted((t.group_key, t.status, t.n_documents) for t in transfers)
    assert summary == [
        ("BLR|RUS|ammunition", "confirmed", 3),
        ("DEU|UKR|artillery_systems", "confirmed", 1),
        ("DEU|UKR|artillery_systems", "confirmed", 2),
        ("ITA|UKR|air_defense_systems", "confirmed", 2),
        ("NOR|UKR|air_defense_systems", "confirmed", 4),
    ]
    # Claims keep their evidence sentence.
    assert all(c.evidence and c.evidence[0].text for t in transfers for c in t.claims)
