"""Date phrases in article text (fr, en, de, es), resolved to the precision they carry.

An event date in the transfer record is "YYYY", "YYYY-MM" or "YYYY-MM-DD" (ANNOTATION.md):
a full date or a weekday gives a day, "in September" or "last week" a month, "in 2022" a year.
Phrases relative to the article ("Thursday", "last month", "il y a un an") and dates without a
year ("le 2 novembre") are resolved against the publication date, and give nothing without it.

Candidate phrases are found with per-language regexes that `date_lexicon` builds from the words
of `data/date_words.tsv`; each kind of phrase knows its precision and how it is resolved. The
resolution is our own calendar arithmetic, not `dateparser`: on these short phrases dateparser
is slower and disagrees with the annotation convention (a weekday equal to the publication
weekday is the publication day, not a week earlier; "le 12 juillet" in an article of 11 July is
the next day, not the previous year) and it does not read several forms we need ("am
Donnerstag", "el jueves", "juillet dernier", "l'an dernier", "hace dos semanas").

A phrase after "since", "depuis", "seit", "desde" (or "until", "jusqu'au", "bis", "hasta")
marks a range bound: it is kept as a mention with `relation` "since" or "until", and
`find_event_date` skips it (the annotators leave such ranges without an event date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from armstrace.extract.date_lexicon import (
    LAST_WORDS,
    LEFT_FILLER,
    NEXT_WORDS,
    PUBLISH_CUE,
    SINCE,
    SMALL_NUMBERS,
    UNIT_OF_WORD,
    UNTIL,
    date_lexicon,
)

Relation = Literal["at", "since", "until"]
Precision = Literal["year", "month", "day"]


@dataclass(frozen=True)
class DateMention:
    """A date phrase of the text and its value at the precision the phrase carries."""

    value: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    text: str
    start: int
    end: int
    relation: Relation = "at"  # "since"/"until": the phrase bounds a range


# --- candidates ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Candidate:
    kind: str
    match: re.Match[str]

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()


# Phrase kinds that always contain a digit: not worth scanning a text without one.
_KINDS_WITH_DIGITS = frozenset(("numeric", "iso", "dmy", "mdy", "my", "season", "year"))
_DIGIT = re.compile(r"\d")


def _candidates(text: str, lang: str) -> list[_Candidate]:
    """Non-overlapping date phrases, the longest one winning where two overlap."""
    lex = date_lexicon(lang)
    has_digit = _DIGIT.search(text) is not None
    lowered = text.lower()
    found = [
        _Candidate(kind, m)
        for kind, pattern in lex.patterns
        if (has_digit or kind not in _KINDS_WITH_DIGITS)
        and (kind not in lex.keywords or any(word in lowered for word in lex.keywords[kind]))
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Candidate] = []
    for candidate in found:
        if kept and candidate.start < kept[-1].end:
            continue
        if candidate.kind == "month" and not _month_is_date(candidate, lang):
            continue
        kept.append(candidate)
    return kept


def _month_is_date(candidate: _Candidate, lang: str) -> bool:
    """A bare month name is a date only after a preposition or a modifier, or before 'dernier'."""
    m = candidate.match
    if m.group("cue") or m.group("last"):
        return True
    return m.group("month") != m.group(0).strip()


def date_phrase_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of every date phrase of `text`, resolvable or not (for the quantity finder)."""
    return [(c.start, c.end) for c in _candidates(text, lang)]


# --- resolution ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Published:
    day: date  # the last day of the published period when it is not a full date
    precision: Precision


def _parse_published(published: str | None) -> _Published | None:
    if not published:
        return None
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published)
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            return _Published(date(year, int(m.group(2)), int(m.group(3))), "day")
        if m.group(2):
            month = int(m.group(2))
            return _Published(_shift_months(date(year, month, 1), 1) - timedelta(days=1), "month")
        return _Published(date(year, 12, 31), "year")
    except ValueError:
        return None


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _format(day: date, precision: Precision) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(
    candidate: _Candidate, lang: str, published: _Published | None, forward: bool = False
) -> str | None:
    """The value of one phrase, or None when it cannot be resolved.

    A date without a year is the most recent such date (at most one day after publication);
    with `forward` (an "until" bound) it is the next one instead.
    """
    lex = date_lexicon(lang)
    m = candidate.match
    kind = candidate.kind
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if kind in ("numeric", "iso"):
        first, second = int(m.group("a")), int(m.group("b"))
        # Slashed dates are month-first in English unless the first number cannot be a month.
        if kind == "numeric" and lang == "en" and "/" in m.group(0) and first <= 12:
            first, second = second, first
        found = _safe_date(year or 0, second, first)
        return _format(found, "day") if found else None
    if kind in ("dmy", "mdy"):
        month = lex.months.get(m.group("month").lower().rstrip("."), 0)
        day_number = int(m.group("day"))
        if year is not None:
            found = _safe_date(year, month, day_number)
            return _format(found, "day") if found else None
        if published is None:
            return None
        if forward:
            earliest = published.day - timedelta(days=1)
            found = _safe_date(earliest.year, month, day_number)
            if found is not None and found < earliest:
                found = _safe_date(earliest.year + 1, month, day_number)
            return _format(found, "day") if found else None
        # The most recent such day, allowing one day after publication (time zones, datelines).
        latest = published.day + timedelta(days=1)
        found = _safe_date(latest.year, month, day_number)
        if found is not None and found > latest:
            found = _safe_date(latest.year - 1, month, day_number)
        return _format(found, "day") if found else None
    if kind == "my":
        month = lex.months.get(m.group("month").lower().rstrip("."), 0)
        return f"{year:04d}-{month:02d}" if year and month else None
    if kind in ("season", "year"):
        return f"{year:04d}" if year else None
    if published is None:
        return None
    if kind == "month":
        month = lex.months.get(m.group("month").lower().rstrip("."), 0)
        cue = (m.group("cue") or "").lower()
        strictly_before = bool(m.group("last")) or cue in LAST_WORDS
        base = published.day
        if strictly_before:
            base = date(base.year, base.month, 1) - timedelta(days=1)
        if forward:
            found_year = base.year if month >= base.month else base.year + 1
        else:
            found_year = base.year if month <= base.month else base.year - 1
        return f"{found_year:04d}-{month:02d}"
    return _resolve_relative(candidate, lang, published)


def _resolve_relative(candidate: _Candidate, lang: str, published: _Published) -> str | None:
    m = candidate.match
    if candidate.kind == "weekday":
        if published.precision != "day":
            return None
        words = {(m.group("pre") or "").lower(), (m.group("post") or "").lower()}
        if words & NEXT_WORDS:
            return None
        weekday = date_lexicon(lang).weekdays[m.group("wd").lower()]
        offset = (published.day.weekday() - weekday) % 7
        if offset == 0 and words & LAST_WORDS:
            offset = 7
        return _format(published.day - timedelta(days=offset), "day")
    if candidate.kind == "ago":
        raw = m.group("n").lower()
        amount = int(raw) if raw.isdigit() else SMALL_NUMBERS.get(raw)
        unit = UNIT_OF_WORD.get(m.group("unit").lower())
        if amount is None or unit is None:
            return None
        return _shifted(published, unit, -amount)
    for i, (unit, offset) in enumerate(date_lexicon(lang).relative):
        if m.group(f"rel{i}"):
            return _shifted(published, unit, offset)
    return None


def _shifted(published: _Published, unit: str, amount: int) -> str | None:
    base = published.day
    if unit == "day":
        if published.precision != "day":
            return None
        return _format(base + timedelta(days=amount), "day")
    if unit == "week":
        if published.precision != "day":
            return None
        return _format(base + timedelta(days=7 * amount), "month")
    if unit == "month":
        if published.precision == "year":
            return None
        return _format(_shift_months(base, amount), "month")
    return f"{base.year + amount:04d}"


def _relation(text: str, candidate: _Candidate) -> Relation:
    """Whether a since/until word stands just before the phrase (or opens it)."""
    cue = candidate.match.groupdict().get("cue") or ""
    if cue and SINCE.search(cue):
        return "since"
    if cue and UNTIL.search(cue):
        return "until"
    left = text[max(0, candidate.start - 40) : candidate.start]
    filler = LEFT_FILLER.search(left)
    head = left[: filler.start()] if filler else left
    head = head.rstrip()
    if SINCE.search(head):
        return "since"
    if UNTIL.search(head):
        return "until"
    return "at"


@lru_cache(maxsize=4096)
def _mentions(text: str, lang: str, published: str | None) -> tuple[DateMention, ...]:
    base = _parse_published(published)
    mentions = []
    for candidate in _candidates(text, lang):
        relation = _relation(text, candidate)
        value = _resolve(candidate, lang, base, forward=relation == "until")
        if value is None:
            continue
        mentions.append(
            DateMention(
                value=value,
                text=candidate.match.group(0),
                start=candidate.start,
                end=candidate.end,
                relation=relation,
            )
        )
    return tuple(mentions)


def find_date_mentions(text: str, lang: str, published: str | None) -> list[DateMention]:
    """Every date phrase of `text` that resolves, in text order.

    `published` ("YYYY", "YYYY-MM" or "YYYY-MM-DD") anchors relative phrases and dates
    without a year; without it only self-contained dates ("in 2022", "12 March 2024") resolve.
    """
    return list(_mentions(text, lang, published))


def find_event_date(text: str, lang: str, published: str | None) -> DateMention | None:
    """The first point date of `text` (no since/until bound, not after publication + 1 day)."""
    base = _parse_published(published)
    latest = base.day + timedelta(days=1) if base else None
    for mention in _mentions(text, lang, published):
        if mention.relation != "at":
            continue
        if latest is not None and _period_start(mention.value) > latest:
            continue
        return mention
    return None


def _period_start(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


_DATELINE_CHARS = 300


def find_publication_date(text: str, lang: str) -> str | None:
    """The date of a byline or dateline near the top of `text` ("19 janvier 2024", "May 11, 2023").

    A date right after "publié", "published", "veröffentlicht" or "publicado" wins; else the
    first full date; else the first month and year. Relative phrases are never used.
    """
    head = text[:_DATELINE_CHARS]
    line_end = text.find("\n", _DATELINE_CHARS)
    if line_end != -1 and line_end - _DATELINE_CHARS < 120:
        head = text[:line_end]
    full: list[tuple[int, str]] = []
    partial: list[str] = []
    for candidate in _candidates(head, lang):
        if candidate.kind not in ("numeric", "iso", "dmy", "mdy", "my"):
            continue
        if candidate.kind in ("dmy", "mdy") and not candidate.match.group("year"):
            continue
        value = _resolve(candidate, lang, None)
        if value is None:
            continue
        if candidate.kind == "my":
            partial.append(value)
            continue
        if PUBLISH_CUE.search(head[max(0, candidate.start - 30) : candidate.start]):
            return value
        full.append((candidate.start, value))
    if full:
        return full[0][1]
    return partial[0] if partial else None
