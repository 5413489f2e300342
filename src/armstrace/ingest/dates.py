"""Publication dates as inputs give them, normalised to "YYYY-MM-DD", "YYYY-MM" or "YYYY".

Recognised: ISO dates and datetimes ("2024-01-19", "2024-01-19T10:00:00+01:00", "2024-01"),
Reuters' "26-FEB-1987 15:01:01.79", "17 March 2023", "1er novembre 2024", "5 de mayo de 2024",
"April 25, 2024", "Friday, January 4, 2019", e-mail style "Tue, 10 Jan 2025 14:00:00 GMT",
and numeric day-first dates ("17/03/2023", "17.03.2023"; a month-first date is recognised only
when its second number cannot be a month). Anything else gives None: a date is metadata,
never a reason to reject an article.
"""

from __future__ import annotations

import datetime as dt
import re

# fmt: off
MONTHS: dict[str, int] = {
    # English
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
    # French
    "janv": 1, "janvier": 1, "févr": 2, "fevr": 2, "février": 2, "fevrier": 2, "mars": 3,
    "avr": 4, "avril": 4, "mai": 5, "juin": 6, "juil": 7, "juillet": 7, "août": 8,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "déc": 12, "décembre": 12,
    "decembre": 12,
    # German
    "januar": 1, "jän": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6,
    "juli": 7, "okt": 10, "oktober": 10, "dez": 12, "dezember": 12,
    # Spanish
    "ene": 1, "enero": 1, "febrero": 2, "marzo": 3, "abr": 4, "abril": 4, "mayo": 5,
    "junio": 6, "julio": 7, "ago": 8, "agosto": 8, "septiembre": 9, "setiembre": 9,
    "octubre": 10, "noviembre": 11, "dic": 12, "diciembre": 12,
}
# fmt: on

_MIN_YEAR, _MAX_YEAR = 1000, 2999
_TIME_OR_END = r"(?=$|[T\s,]|\d{2}:)"

_ISO = re.compile(r"(?P<y>\d{4})(?:[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?)?" + _TIME_OR_END)
_COMPACT = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?=$|T)")
_DAY_MONTH_YEAR = re.compile(
    r"(?P<d>\d{1,2})(?:er|st|nd|rd|th|º|\.)?[\s./-]*(?:de\s+)?(?P<month>[^\W\d_]{3,})\.?"
    r"[\s./,-]*(?:de\s+)?(?P<y>\d{4})\b"
)
_MONTH_DAY_YEAR = re.compile(
    r"(?P<month>[^\W\d_]{3,})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b"
)
_MONTH_YEAR = re.compile(r"(?P<month>[^\W\d_]{3,})\.?\s+(?P<y>\d{4})$")
_NUMERIC = re.compile(r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b")
_WEEKDAY = re.compile(r"^[^\W\d_]+\.?,?\s+(?=\d|[^\W\d_]+\.?\s+\d)")


def _format(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _optional_int(text: str | None) -> int | None:
    return int(text) if text else None


def _parse(text: str) -> str | None:
    if match := _ISO.match(text):
        return _format(int(match["y"]), _optional_int(match["m"]), _optional_int(match["d"]))
    if match := _COMPACT.match(text):
        return _format(int(match["y"]), int(match["m"]), int(match["d"]))
    if match := _DAY_MONTH_YEAR.match(text):
        month = MONTHS.get(match["month"].lower())
        return _format(int(match["y"]), month, int(match["d"])) if month else None
    if match := _MONTH_DAY_YEAR.match(text):
        month = MONTHS.get(match["month"].lower())
        return _format(int(match["y"]), month, int(match["d"])) if month else None
    if match := _MONTH_YEAR.match(text):
        month = MONTHS.get(match["month"].lower())
        return _format(int(match["y"]), month) if month else None
    if match := _NUMERIC.match(text):
        first, second = int(match["a"]), int(match["b"])
        if second > 12 >= first:  # only a month-first reading is possible
            first, second = second, first
        return _format(int(match["y"]), second, first)
    return None


def normalise_date(value: object) -> str | None:
    """`value` (a string, or a year as an integer) as "YYYY-MM-DD", "YYYY-MM" or "YYYY"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _format(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    parsed = _parse(text)
    if parsed is None and (without_weekday := _WEEKDAY.sub("", text, count=1)) != text:
        parsed = _parse(without_weekday)
    return parsed
