"""Splitting the reports of one grouping key into tranches: one tranche is one transfer.

The rule (also in README.md): two reports of one key belong to *different* tranches only when
both are asserted, both state a quantity, the quantities differ by more than
QUANTITY_TOLERANCE, and their dates lie more than TRANCHE_WINDOW_DAYS apart. (Alleged figures
are third parties' estimates, usually running totals that grow: "one million shells" in
autumn, "three million" in spring are one flow.) Quantified reports are placed first, in date order,
each into the closest tranche all of whose quantified reports it is compatible with; reports
without a quantity then join the closest tranche in time. When the supplier or the target is
unknown, the key says too little to call a flow ongoing, so a report without a quantity joins
a tranche only within the window, else starts its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from armstrace.models import StoredReport
from armstrace.resolve.keys import GroupKey
from armstrace.resolve.periods import Period, gap_in_days, period_of, span_of

# Reports of one announcement (and its re-reports) appear within days or weeks of each other;
# separate deliveries of one programme are usually announced months apart.
TRANCHE_WINDOW_DAYS = 45
# "About 100,000" and "100,000" are one figure; 12 and 14 howitzers are not.
QUANTITY_TOLERANCE = 0.10


def report_period(report: StoredReport) -> Period | None:
    """When a report places the transfer: its own event date, else the article's date."""
    return period_of(report.record.event_date) or period_of(report.published)


def quantities_match(first: int, second: int) -> bool:
    """Whether two stated quantities can be the same figure (within QUANTITY_TOLERANCE)."""
    return abs(first - second) <= QUANTITY_TOLERANCE * max(abs(first), abs(second))


def reports_compatible(first: StoredReport, second: StoredReport) -> bool:
    """Whether two reports of one key may describe the same tranche."""
    q1, q2 = first.record.quantity, second.record.quantity
    if q1 is None or q2 is None or quantities_match(q1, q2):
        return True
    if first.record.stance != "asserted" or second.record.stance != "asserted":
        return True  # an estimate, not an announced delivery: it may be a running total
    return gap_in_days(report_period(first), report_period(second)) <= TRANCHE_WINDOW_DAYS


@dataclass
class _Tranche:
    index: int
    members: list[StoredReport] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)

    def add(self, report: StoredReport) -> None:
        self.members.append(report)
        period = report_period(report)
        if period is not None:
            self.periods.append(period)

    def gap_to(self, report: StoredReport) -> int:
        return gap_in_days(span_of(self.periods), report_period(report))

    def states_quantity_of(self, report: StoredReport) -> bool:
        quantity = report.record.quantity
        return quantity is not None and any(
            m.record.quantity is not None and quantities_match(m.record.quantity, quantity)
            for m in self.members
        )

    def accepts(self, report: StoredReport) -> bool:
        return all(reports_compatible(member, report) for member in self.members)


def _date_order(report: StoredReport) -> tuple[date, str, int]:
    period = report_period(report)
    # Undated reports come last: they can be placed anywhere, so they should not decide.
    start = period[0] if period is not None else date.max
    return start, report.document_id, report.position


def split_tranches(key: GroupKey, reports: Sequence[StoredReport]) -> list[list[StoredReport]]:
    """The tranches of `reports` (all of one key), each in date order; never an empty one.

    The result depends only on the set of reports, not on their order, so resolving a key
    again after adding and removing articles gives what resolving it from scratch gives.
    """
    ordered = sorted(reports, key=_date_order)
    tranches: list[_Tranche] = []

    def closest(candidates: list[_Tranche], report: StoredReport) -> _Tranche:
        return min(
            candidates,
            key=lambda t: (t.gap_to(report), not t.states_quantity_of(report), t.index),
        )

    for report in (r for r in ordered if r.record.quantity is not None):
        candidates = [t for t in tranches if t.accepts(report)]
        if candidates:
            closest(candidates, report).add(report)
        else:
            tranches.append(_Tranche(len(tranches)))
            tranches[-1].add(report)
    for report in (r for r in ordered if r.record.quantity is None):
        candidates = tranches
        if key.has_unknown_actor:
            candidates = [t for t in tranches if t.gap_to(report) <= TRANCHE_WINDOW_DAYS]
        if candidates:
            closest(candidates, report).add(report)
        else:
            tranches.append(_Tranche(len(tranches)))
            tranches[-1].add(report)
    return [sorted(t.members, key=_date_order) for t in tranches]
