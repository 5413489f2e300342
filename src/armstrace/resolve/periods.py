"""Partial dates ("2024", "2024-03", "2024-03-05") as periods of days, and gaps between them.

Articles and reports carry dates of varying precision; resolution compares them as the span of
days they cover, so "2024-03" and "2024-03-20" overlap and the gap between them is zero.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

Period = tuple[date, date]  # first and last day, both included

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def period_of(value: str | None) -> Period | None:
    """The days a partial ISO date covers, or None when it is missing or unreadable."""
    if not value:
        return None
    match = _PARTIAL_DATE.match(value.strip())
    if match is None:
        return None
    year = int(match.group(1))
    month_text, day_text = match.group(2), match.group(3)
    try:
        if month_text is None:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(month_text)
        if day_text is None:
            last_day = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last_day)
        day = date(year, month, int(day_text))
    except ValueError:
        return None
    return day, day


def gap_in_days(first: Period | None, second: Period | None) -> int:
    """Days between two periods: 0 when they overlap or when either is unknown."""
    if first is None or second is None:
        return 0
    if first[1] < second[0]:
        return (second[0] - first[1]).days
    if second[1] < first[0]:
        return (first[0] - second[1]).days
    return 0


def span_of(periods: list[Period]) -> Period | None:
    """The smallest period that holds every one of `periods` (None for none)."""
    if not periods:
        return None
    return min(p[0] for p in periods), max(p[1] for p in periods)
