"""The date words of fr, en, de and es, compiled into date-phrase patterns per language.

The words are rule data kept in `data/date_words.tsv`: month and weekday names, seasons,
the words that make a bare month or year a date ("en septembre", "in 2022"), relative
phrases ("last week", "il y a deux ans") and the words of range bounds ("since", "jusqu'au").
Here they are combined into one pattern per kind of phrase (built once per language and
cached); `dates` finds and resolves the phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from armstrace.extract.word_tables import load_word_table, phrase_regex

LANGUAGES = ("en", "fr", "de", "es")
_WORDS = load_word_table("date_words.tsv")
_NEVER = r"(?!x)x"  # the alternation of a language without such words


def _words(kind: str, lang: str) -> str:
    return _WORDS.alternation(kind, lang) or _NEVER


_OPTIONAL_LEAD = re.compile(r"\(\?:[^()]*\)\?")  # "(?:in\s+)?" opening a phrase


def _modifiers(lang: str) -> str:
    """The modifier alternation, consecutive phrases sharing an optional lead written with it once.

    "(?:in )?early" and "(?:in )?late" become one group after one optional "in": the regex
    engine then tries the lead once per position instead of once per phrase (these patterns run
    on every text with a digit).
    """
    groups: list[tuple[str, list[str]]] = []
    for row in _WORDS.words("modifier", lang):
        regex = phrase_regex(row.phrase)
        lead = _OPTIONAL_LEAD.match(regex)
        prefix = lead.group(0) if lead else ""
        if groups and prefix and groups[-1][0] == prefix:
            groups[-1][1].append(regex[len(prefix) :])
        else:
            groups.append((prefix, [regex[len(prefix) :]]))
    parts = [f"{prefix}(?:{'|'.join(rest)})" if prefix else rest[0] for prefix, rest in groups]
    return "|".join(parts) or _NEVER


def _bound_words(kind: str) -> re.Pattern[str]:
    """Words of any language that end the text before a range-bound date."""
    words = "|".join(rf"\b{phrase_regex(row.phrase)}" for row in _WORDS.words(kind))
    return re.compile(rf"(?:{words})$", re.IGNORECASE)


SINCE = _bound_words("since")
UNTIL = _bound_words("until")
# Articles and modifiers that may sit between a since/until word and the date.
LEFT_FILLER = re.compile(
    rf"(?:\s*(?:\b(?:{_WORDS.alternation('left_filler')}))\s*)*$", re.IGNORECASE
)
PUBLISH_CUE = re.compile(rf"(?:{_WORDS.alternation('publish_cue')})\b[^\n]{{0,12}}$", re.IGNORECASE)
# Small number words for "il y a deux semaines", "vor zwei Wochen", "hace dos semanas".
SMALL_NUMBERS = {row.phrase: int(row.meaning) for row in _WORDS.words("ago_number")}
UNIT_OF_WORD = {row.phrase: row.meaning for row in _WORDS.words("ago_unit")}
LAST_WORDS = frozenset(row.phrase for row in _WORDS.words("last"))
NEXT_WORDS = frozenset(row.phrase for row in _WORDS.words("next"))
_AGO_N = r"(?P<n>\d{1,3}|[^\W\d_]+)"


def _alternation(forms: list[str], case_sensitive_title: bool) -> str:
    """A regex alternation of word forms, longest first, with the dot of abbreviations."""
    parts = []
    for form in sorted(set(forms), key=len, reverse=True):
        escaped = re.escape(form)
        if case_sensitive_title:
            parts.append(escaped)
            parts.append(re.escape(form.upper()))
        else:
            parts.append(f"(?i:{escaped})")
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class DateLexicon:
    """The compiled date-phrase patterns of one language, with the words to resolve them."""

    lang: str
    months: dict[str, int]  # lowercase form without its dot -> 1..12
    weekdays: dict[str, int]  # lowercase form -> Monday = 0
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    # kind -> lowercase words of which one must occur for the kind to be worth a scan
    keywords: dict[str, tuple[str, ...]]
    relative: tuple[tuple[str, int], ...]  # (unit, offset) of the group `rel<i>`


@lru_cache(maxsize=8)
def date_lexicon(lang: str) -> DateLexicon:
    """The compiled phrase patterns of a language (English for an unknown language)."""
    if lang not in LANGUAGES:
        lang = "en"
    title_case = lang == "en"
    month_rows = _WORDS.words("month", lang)
    weekday_rows = _WORDS.words("weekday", lang)
    month = _alternation([row.phrase for row in month_rows], title_case) + r"(?![\w])"
    weekday = _alternation([row.phrase for row in weekday_rows], title_case) + r"(?![\w])"
    year = r"(?P<year>(?:19|20)\d{2})(?![\d])"
    day = r"(?<![\d.,/])(?P<day>[0-3]?\d)"
    weekday_prefix = rf"(?:(?P<wd>{weekday}),?\s+)?"
    article = r"(?:(?i:le|the|am|el|on|on\s+the)\s+)?"
    modifiers = _modifiers(lang)
    modifier = rf"(?:(?i:{modifiers})\s*)?"
    season = _words("season", lang)
    relatives = _WORDS.entries(lang, "relative")
    relative = "|".join(f"(?P<rel{i}>{rx})" for i, (_, rx) in enumerate(relatives))
    ago = _words("ago", lang).replace("{n}", _AGO_N)
    month_cues, year_cues = _words("month_cue", lang), _words("year_cue", lang)
    last_after = _words("last_after_month", lang)
    weekday_before, weekday_after = _words("weekday_before", lang), _words("weekday_after", lang)
    specs: list[tuple[str, str]] = [
        (
            "numeric",
            r"(?<![\d./-])(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<year>(?:19|20)\d{2})(?![\d])",
        ),
        ("iso", r"(?<![\d-])(?P<year>(?:19|20)\d{2})-(?P<b>[01]\d)-(?P<a>[0-3]\d)(?![\d])"),
        (
            "dmy",
            rf"{weekday_prefix}{article}{day}(?:er|re|st|nd|rd|th|º|\.)?\s*(?:(?i:de|of)\s+)?"
            rf"(?P<month>{month})(?:,?\s*(?:(?i:de|del)\s+)?{year})?",
        ),
        (
            "mdy",
            rf"{weekday_prefix}(?P<month>{month})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
            rf"(?:,?\s+{year})?",
        ),
        ("my", rf"{modifier}(?P<month>{month})\s*(?:(?i:de|del)\s+|,\s*)?{year}"),
        (
            "season",
            rf"(?i:(?:the|l['’]|le|la|el|im|in|en|à|au|de|del)\s+)?(?i:{season})\s+"
            rf"(?i:(?:of|de|d['’]|del)\s*)?{year}",
        ),
        (
            "month",
            rf"(?:(?P<cue>(?i:{month_cues}))\s+)?{modifier}(?P<month>{month})"
            rf"(?:\s+(?P<last>(?i:{last_after})))?(?!\s*[,.]?\s*(?:(?i:de|del)\s+)?\d)",
        ),
        (
            "year",
            rf"(?:(?P<cue>(?i:{year_cues}))\s+|(?P<mod>(?i:{modifiers}))"
            rf"(?:(?<=-)|\s+)){year}(?!\s*[-–/]\s*\d|[.,]\d)",
        ),
        ("ago", rf"(?i:{ago})(?![\w])"),
        ("relative", rf"(?<![\w-])(?i:{relative})(?![\w])"),
        (
            "weekday",
            rf"(?:(?P<pre>(?i:{weekday_before}))\s+)?(?P<wd>{weekday})"
            rf"(?:\s+(?P<post>(?i:{weekday_after}))(?![\w]))?",
        ),
    ]
    patterns = tuple(
        (kind, re.compile(rf"(?<![\w]){rx}" if not rx.startswith("(?<!") else rx))
        for kind, rx in specs
    )
    months = {row.phrase.lower().rstrip("."): int(row.meaning) for row in month_rows}
    weekdays = {row.phrase.lower().rstrip("."): int(row.meaning) - 1 for row in weekday_rows}
    month_words = tuple(months)
    relative_words = tuple(row.phrase for row in _WORDS.words("keyword", lang))
    keywords = {
        "dmy": month_words,
        "mdy": month_words,
        "my": month_words,
        "month": month_words,
        "season": tuple(row.phrase.lower() for row in _WORDS.words("season", lang)),
        "weekday": tuple(weekdays),
        "ago": relative_words,
        "relative": relative_words,
    }
    offsets = tuple((unit, int(offset)) for offset, unit in (v.split() for v, _ in relatives))
    return DateLexicon(lang, months, weekdays, patterns, keywords, offsets)
