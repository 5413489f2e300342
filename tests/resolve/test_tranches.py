"""Grouping keys and tranches: which reports of one flow are one transfer (README §1-2)."""

from __future__ import annotations

from armstrace.models import StoredReport
from armstrace.resolve import GroupKey, key_of_record, quantities_match, split_tranches
from armstrace.resolve.periods import gap_in_days, period_of

from .builders import stored_report

HOWITZERS = GroupKey("DEU", "UKR", "artillery_systems")


def document_ids(tranches: list[list[StoredReport]]) -> list[list[str]]:
    return [[report.document_id for report in tranche] for tranche in tranches]


def test_key_of_record_uses_end_user_as_target_and_materiel_family() -> None:
    via_usa = stored_report(
        "a", supplier="KOR", recipient="USA", end_user="UKR", materiel="artillery_ammunition"
    )
    direct = stored_report("b", supplier="KOR", recipient="UKR", materiel="other_ammunition")
    assert key_of_record(via_usa.record) == key_of_record(direct.record)
    assert key_of_record(direct.record).text == "KOR|UKR|ammunition"


def test_key_of_record_keeps_unspecified_and_missile_families_apart() -> None:
    cruise = stored_report("a", materiel="cruise_missiles")
    generic = stored_report("b", materiel="missiles")
    weapons = stored_report("c", materiel="unspecified")
    assert key_of_record(cruise.record) == key_of_record(generic.record)
    assert key_of_record(weapons.record).family == "unspecified"
    assert key_of_record(cruise.record) != key_of_record(weapons.record)


def test_key_of_record_tolerates_an_unknown_category() -> None:
    odd = stored_report("a", materiel="space_lasers")
    key = key_of_record(odd.record)
    assert (key.family, key.categories) == ("space_lasers", ("space_lasers",))
    assert GroupKey("DEU", "UKR", "missiles").categories[-1] == "missiles"


def test_group_key_text_round_trips_with_unknown_actors() -> None:
    key = GroupKey(None, "UKR", "tanks")
    assert key.text == "?|UKR|tanks"
    assert GroupKey.parse(key.text) == key


def test_period_of_reads_partial_dates_and_gap_is_zero_on_overlap() -> None:
    march = period_of("2024-03")
    assert march is not None and (march[0].day, march[1].day) == (1, 31)
    assert gap_in_days(march, period_of("2024-03-20")) == 0
    assert gap_in_days(period_of("2024-03-05"), period_of("2024-03-07")) == 2
    assert gap_in_days(None, march) == 0
    assert period_of("someday") is None


def test_quantities_match_within_ten_percent() -> None:
    assert quantities_match(100_000, 95_000)
    assert not quantities_match(12, 14)


def test_split_tranches_merges_re_reports_of_one_announcement() -> None:
    reports = [
        stored_report("wire", "2024-03-05", quantity=12),
        stored_report("copy", "2024-03-06", quantity=12),
        stored_report("estimate", "2024-03-20", quantity=14),  # another figure, same weeks
        stored_report("mention", "2024-03-08"),
    ]
    tranches = split_tranches(HOWITZERS, reports)
    assert document_ids(tranches) == [["wire", "copy", "mention", "estimate"]]


def test_split_tranches_separates_tranches_months_apart_with_other_quantities() -> None:
    reports = [
        stored_report("march", "2024-03-05", quantity=12),
        stored_report("march-copy", "2024-03-07", quantity=12),
        stored_report("september", "2024-09-10", quantity=8),
    ]
    assert document_ids(split_tranches(HOWITZERS, reports)) == [
        ["march", "march-copy"],
        ["september"],
    ]


def test_split_tranches_reads_alleged_figures_as_estimates_of_one_flow() -> None:
    key = GroupKey("PRK", "RUS", "ammunition")
    flow = {"supplier": "PRK", "recipient": "RUS", "materiel": "artillery_ammunition"}
    reports = [
        stored_report("autumn", "2023-10-01", quantity=1_000_000, stance="alleged", **flow),
        stored_report("spring", "2024-02-27", quantity=3_000_000, stance="alleged", **flow),
    ]
    assert document_ids(split_tranches(key, reports)) == [["autumn", "spring"]]


def test_split_tranches_merges_same_quantity_months_apart() -> None:
    # Pledged in March, delivered in June: the same twelve guns.
    reports = [
        stored_report("pledge", "2024-03-05", quantity=12, stage="planned"),
        stored_report("delivery", "2024-06-20", quantity=12),
    ]
    assert document_ids(split_tranches(HOWITZERS, reports)) == [["pledge", "delivery"]]


def test_split_tranches_uses_event_date_before_publication_date() -> None:
    # A September article about the March delivery belongs to March.
    reports = [
        stored_report("march", "2024-03-05", quantity=12),
        stored_report("review", "2024-09-12", quantity=14, event_date="2024-03"),
        stored_report("september", "2024-09-10", quantity=8),
    ]
    assert document_ids(split_tranches(HOWITZERS, reports)) == [
        ["review", "march"],  # "2024-03" starts on the 1st
        ["september"],
    ]


def test_split_tranches_puts_unquantified_report_in_closest_tranche() -> None:
    reports = [
        stored_report("march", "2024-03-05", quantity=12),
        stored_report("september", "2024-09-10", quantity=8),
        stored_report("at-the-front", "2024-10-01"),
    ]
    assert document_ids(split_tranches(HOWITZERS, reports)) == [
        ["march"],
        ["september", "at-the-front"],
    ]


def test_split_tranches_keeps_an_unquantified_flow_whole_for_years() -> None:
    key = GroupKey("PRK", "RUS", "ammunition")
    reports = [
        stored_report(name, date, supplier="PRK", recipient="RUS", materiel="artillery_ammunition")
        for name, date in (
            ("a", "2022-11-02"),
            ("b", "2023-09-14"),
            ("c", "2024-11-28"),
            ("d", None),
        )
    ]
    assert len(split_tranches(key, reports)) == 1


def test_split_tranches_with_unknown_supplier_merges_only_within_window() -> None:
    key = GroupKey(None, "UKR", "ammunition")
    reports = [
        stored_report(name, date, supplier=None, materiel="artillery_ammunition")
        for name, date in (("jan", "2024-01-10"), ("jan-2", "2024-01-30"), ("jul", "2024-07-01"))
    ]
    assert document_ids(split_tranches(key, reports)) == [["jan", "jan-2"], ["jul"]]


def test_split_tranches_does_not_depend_on_input_order() -> None:
    reports = [
        stored_report("march", "2024-03-05", quantity=12),
        stored_report("march-copy", "2024-03-07", quantity=12),
        stored_report("september", "2024-09-10", quantity=8),
        stored_report("undated", None),
        stored_report("october", "2024-10-01"),
    ]
    forward = document_ids(split_tranches(HOWITZERS, reports))
    assert document_ids(split_tranches(HOWITZERS, list(reversed(reports)))) == forward
