"""Date phrases in article text (fr, en, de, es), resolved to the precision they carry.

An event date in the transfer record is "YYYY", "YYYY-MM" or "YYYY-MM-DD" (ANNOTATION.md):
a full date or a weekday gives a day, "in September" or "last week" a month, "in 2022" a year.
Phrases relative to the article ("Thursday", "last month", "il y a un an") and dates without a
year ("le 2 novembre") are resolved against the publication date, and give nothing without it.

Candidate phrases are found with per-language regexes built from small lexicons; each kind of
phrase knows its precision and how it is resolved. The resolution is our own calendar
arithmetic, not `dateparser`: on these short phrases dateparser is slower and disagrees with the
annotation convention (a weekday equal to the publication weekday is the publication day, not a
week earlier; "le 12 juillet" in an article of 11 July is the next day, not the previous year)
and it does not read several forms we need ("am Donnerstag", "el jueves", "juillet dernier",
"l'an dernier", "hace dos semanas").

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

Relation = Literal["at", "since", "until"]
Precision = Literal["year", "month", "day"]

LANGUAGES = ("en", "fr", "de", "es")


@dataclass(frozen=True)
class DateMention:
    """A date phrase of the text and its value at the precision the phrase carries."""

    value: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    text: str
    start: int
    end: int
    relation: Relation = "at"  # "since"/"until": the phrase bounds a range


# --- lexicons ---------------------------------------------------------------------------------
# Month forms per language; an abbreviation must carry its dot ("sept." is a month, "sept"
# is the French seven). English names are matched with their capital ("May", not "may").
_MONTH_FORMS: dict[str, tuple[str, ...]] = {
    "en": (
        "January Jan.",
        "February Feb.",
        "March Mar.",
        "April Apr.",
        "May",
        "June Jun.",
        "July Jul.",
        "August Aug.",
        "September Sept. Sep.",
        "October Oct.",
        "November Nov.",
        "December Dec.",
    ),
    "fr": (
        "janvier janv.",
        "février fevrier févr. fév.",
        "mars",
        "avril avr.",
        "mai",
        "juin",
        "juillet juil.",
        "août aout",
        "septembre sept.",
        "octobre oct.",
        "novembre nov.",
        "décembre decembre déc.",
    ),
    "de": (
        "Januar Jänner Jan.",
        "Februar Feb.",
        "März Maerz Mär.",
        "April Apr.",
        "Mai",
        "Juni Jun.",
        "Juli Jul.",
        "August Aug.",
        "September Sept. Sep.",
        "Oktober Okt.",
        "November Nov.",
        "Dezember Dez.",
    ),
    "es": (
        "enero ene.",
        "febrero feb.",
        "marzo mar.",
        "abril abr.",
        "mayo may.",
        "junio jun.",
        "julio jul.",
        "agosto ago.",
        "septiembre setiembre sept. sep.",
        "octubre oct.",
        "noviembre nov.",
        "diciembre dic.",
    ),
}

_WEEKDAY_FORMS: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "de": (
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag Sonnabend",
        "Sonntag",
    ),
    "es": (
        "lunes",
        "martes",
        "miércoles miercoles",
        "jueves",
        "viernes",
        "sábado sabado",
        "domingo",
    ),
}

_SEASONS: dict[str, str] = {
    "en": r"summer|autumn|fall|winter|spring",
    "fr": r"été|automne|hiver|printemps",
    "de": r"Sommer|Herbst|Winter|Frühjahr|Frühling",
    "es": r"verano|otoño|invierno|primavera",
}

# Words that may stand before a month or a year without changing what it designates.
_MODIFIERS: dict[str, str] = {
    "en": r"(?:in\s+)?(?:early|late|mid-?|the\s+(?:end|beginning|start|middle)\s+of|"
    r"(?:end|beginning|start)\s+of)",
    "fr": r"(?:début|fin|mi-|courant|à\s+la\s+fin\s+d[e'’]|au\s+début\s+d[e'’]|à\s+la\s+mi-|"
    r"au\s+mois\s+d[e'’])",
    "de": r"(?:Anfang|Ende|Mitte|im\s+Laufe\s+des)",
    "es": r"(?:a\s+)?(?:principios|finales|fines|mediados)\s+de|en\s+el\s+mes\s+de",
}

# Prepositions that make a bare month ("en septembre") or a bare year ("in 2022") a date.
_MONTH_CUES: dict[str, str] = {
    "en": r"in|since|from|until|till|by|before|after|during|last|through|throughout",
    "fr": r"en|depuis|dès|jusqu['’]en|avant|après|pendant|d['’]ici",
    "de": r"im|seit|ab|bis|vor|nach|letzten|vergangenen|vorigen",
    "es": r"en|desde|hasta|antes\s+de|después\s+de|durante|el\s+pasado\s+mes\s+de|el\s+pasado",
}
_YEAR_CUES: dict[str, str] = {
    "en": r"in|since|from|until|till|by|before|after|during|of|throughout|the\s+year",
    "fr": r"en|depuis|dès|de|d['’]ici|jusqu['’]en|avant|après|pendant|l['’]an|l['’]année|"
    r"année|courant",
    "de": r"im\s+Jahr(?:e)?|im|seit|ab|bis|vor|nach|aus|von|des\s+Jahres",
    "es": r"en|desde|de|del|hasta|antes\s+de|después\s+de|durante|el\s+año|año",
}
# Words after a month that make it the last such month before publication ("juillet dernier").
_LAST_AFTER: dict[str, str] = {
    "en": r"(?!x)x",  # English puts "last" before the month: a month cue
    "fr": r"dernier|passé",
    "de": r"(?!x)x",
    "es": r"pasado",
}
_SINCE = re.compile(
    r"(?:\bsince|\bever\s+since|\bfrom|\bdepuis|\bà\s+partir\s+d[eu'’]\w*|\bseit|\bab|"
    r"\bdesde|\ba\s+partir\s+de)$",
    re.IGNORECASE,
)
_UNTIL = re.compile(
    r"(?:\buntil|\btill|\bby|\bbefore|\bjusqu['’](?:à|au|en)?|\bd['’]ici|\bavant|\bbis|\bhasta|"
    r"\bantes\s+de)$",
    re.IGNORECASE,
)
# Articles and modifiers that may sit between a since/until word and the date.
_LEFT_FILLER = re.compile(
    r"(?:\s*(?:\b(?:le|la|les|l['’]|the|dem|den|der|el|los|early|late|mid-?|début|fin|mi-|"
    r"Anfang|Ende|Mitte|principios\s+de|finales\s+de|mediados\s+de|end\s+of|beginning\s+of|"
    r"the\s+end\s+of|au|à|zum|zur))\s*)*$",
    re.IGNORECASE,
)
_PUBLISH_CUE = re.compile(
    r"(?:publié|publiée|published|posted|veröffentlicht|publicado|mis\s+en\s+ligne)\b[^\n]{0,12}$",
    re.IGNORECASE,
)

# Small number words for "il y a deux semaines", "vor zwei Wochen", "hace dos semanas".
_SMALL_NUMBERS: dict[str, int] = {
    **dict.fromkeys(("a", "an", "one", "un", "une", "ein", "einem", "einer", "uno", "una"), 1),
    **dict.fromkeys(("two", "deux", "zwei", "dos"), 2),
    **dict.fromkeys(("three", "trois", "drei", "tres"), 3),
    **dict.fromkeys(("four", "quatre", "vier", "cuatro"), 4),
    **dict.fromkeys(("five", "cinq", "fünf", "cinco"), 5),
    **dict.fromkeys(("six", "sechs", "seis"), 6),
    **dict.fromkeys(("seven", "sept", "sieben", "siete"), 7),
    **dict.fromkeys(("eight", "huit", "acht", "ocho"), 8),
    **dict.fromkeys(("nine", "neuf", "neun", "nueve"), 9),
    **dict.fromkeys(("ten", "dix", "zehn", "diez"), 10),
    **dict.fromkeys(("eleven", "onze", "elf", "once"), 11),
    **dict.fromkeys(("twelve", "douze", "zwölf", "doce"), 12),
}
_AGO_UNITS: dict[str, tuple[str, ...]] = {
    "day": ("day", "days", "jour", "jours", "tag", "tagen", "día", "días", "dia", "dias"),
    "week": ("week", "weeks", "semaine", "semaines", "woche", "wochen", "semana", "semanas"),
    "month": ("month", "months", "mois", "monat", "monaten", "mes", "meses"),
    "year": ("year", "years", "an", "ans", "année", "années", "jahr", "jahren", "año", "años"),
}
_UNIT_OF_WORD = {word: unit for unit, words in _AGO_UNITS.items() for word in words}
_AGO_N = r"(?P<n>\d{1,3}|[^\W\d_]+)"
_AGO: dict[str, str] = {
    "en": _AGO_N + r"\s+(?P<unit>days?|weeks?|months?|years?)\s+ago",
    "fr": r"il\s+y\s+a\s+" + _AGO_N + r"\s+(?P<unit>jours?|semaines?|mois|ans|an|années?)",
    "de": r"vor\s+" + _AGO_N + r"\s+(?P<unit>Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?)",
    "es": r"hace\s+" + _AGO_N + r"\s+(?P<unit>d[ií]as?|semanas?|mes(?:es)?|años?)",
}

# Fixed relative phrases: (regex, unit, offset). Weeks resolve to the month of the shifted day
# (the gold's "last week -> 2023-11"); day offsets give a day; months and years their own unit.
_RELATIVE: dict[str, tuple[tuple[str, str, int], ...]] = {
    "en": (
        (r"the\s+day\s+before\s+yesterday", "day", -2),
        (r"yesterday|last\s+night", "day", -1),
        (r"today|earlier\s+today|this\s+(?:morning|afternoon|evening)|tonight", "day", 0),
        (r"last\s+week(?:end)?|the\s+past\s+week", "week", -1),
        (r"(?:earlier\s+)?this\s+week", "week", 0),
        (r"last\s+month", "month", -1),
        (r"(?:earlier\s+|later\s+)?this\s+month", "month", 0),
        (r"last\s+year", "year", -1),
        (r"(?:earlier\s+|later\s+)?this\s+year", "year", 0),
    ),
    "fr": (
        (r"avant-hier", "day", -2),
        (r"hier(?:\s+(?:soir|matin|après-midi))?", "day", -1),
        (r"aujourd['’]hui|ce\s+(?:matin|soir)|cet\s+après-midi", "day", 0),
        (r"la\s+semaine\s+(?:dernière|passée)", "week", -1),
        (r"cette\s+semaine|en\s+début\s+de\s+semaine", "week", 0),
        (r"le\s+mois\s+(?:dernier|passé)", "month", -1),
        (r"(?:plus\s+tôt\s+)?ce\s+mois(?:-ci)?|en\s+début\s+de\s+mois", "month", 0),
        (r"l['’]an(?:née)?\s+(?:dernier|dernière|passé|passée)", "year", -1),
        (r"(?:plus\s+tôt\s+)?cette\s+année|en\s+début\s+d['’]année", "year", 0),
    ),
    "de": (
        (r"vorgestern", "day", -2),
        (r"gestern(?:abend|morgen|\s+Abend|\s+Morgen)?", "day", -1),
        (r"heute(?:\s+(?:Morgen|früh))?", "day", 0),
        (r"(?:in\s+der\s+)?(?:letzten|vergangenen|vorigen)\s+Woche|letzte\s+Woche", "week", -1),
        (r"(?:in\s+)?dieser\s+Woche|diese\s+Woche|Anfang\s+der\s+Woche", "week", 0),
        (r"(?:im\s+)?(?:letzten|vergangenen|vorigen)\s+Monat", "month", -1),
        (r"(?:in\s+)?diesem\s+Monat|diesen\s+Monat|Anfang\s+des\s+Monats", "month", 0),
        (
            r"(?:im\s+)?(?:letzten|vergangenen|vorigen)\s+Jahr|letztes\s+Jahr|vergangenes\s+Jahr"
            r"|im\s+Vorjahr",
            "year",
            -1,
        ),
        (r"(?:in\s+)?diesem\s+Jahr|dieses\s+Jahr|Anfang\s+des\s+Jahres", "year", 0),
    ),
    "es": (
        (r"anteayer|antes\s+de\s+ayer", "day", -2),
        (r"ayer", "day", -1),
        (r"hoy|esta\s+(?:mañana|tarde|noche)", "day", 0),
        (r"la\s+semana\s+pasada", "week", -1),
        (r"esta\s+semana", "week", 0),
        (r"el\s+mes\s+pasado", "month", -1),
        (r"(?:a\s+principios\s+de\s+)?este\s+mes", "month", 0),
        (r"el\s+año\s+pasado", "year", -1),
        (r"(?:a\s+principios\s+de\s+)?este\s+año", "year", 0),
    ),
}
_WEEKDAY_BEFORE: dict[str, str] = {
    "en": r"on|last|this|next|on\s+the",
    "fr": r"le|ce",
    "de": r"am|letzten|vergangenen|diesen|nächsten|kommenden",
    "es": r"el|este|pasado|próximo",
}
_WEEKDAY_AFTER: dict[str, str] = {
    "en": r"(?!x)x",
    "fr": r"dernier|passé|prochain",
    "de": r"(?!x)x",
    "es": r"pasado|próximo",
}
_LAST_WORDS = frozenset(("last", "dernier", "passé", "letzten", "vergangenen", "pasado"))
_NEXT_WORDS = frozenset(("next", "prochain", "nächsten", "kommenden", "próximo"))


# --- pattern building ---------------------------------------------------------------------------
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


def _index(forms_by_position: tuple[str, ...]) -> dict[str, int]:
    return {
        form.lower().rstrip("."): position + 1
        for position, forms in enumerate(forms_by_position)
        for form in forms.split()
    }


@dataclass(frozen=True)
class _Lexicon:
    lang: str
    months: dict[str, int]
    weekdays: dict[str, int]  # Monday = 0
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    # kind -> lowercase words of which one must occur for the kind to be worth a scan
    keywords: dict[str, tuple[str, ...]]


# Words that every relative phrase or "ago" phrase of a language contains one of.
_RELATIVE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "en": ("yesterday", "today", "tonight", "night", "this", "last", "past", "ago"),
    "fr": ("hier", "aujourd", "ce", "derni", "pass", "il y"),
    "de": ("gestern", "heute", "woche", "monat", "jahr", "vor"),
    "es": ("ayer", "hoy", "esta", "este", "pasad", "hace"),
}


@lru_cache(maxsize=8)
def _lexicon(lang: str) -> _Lexicon:
    """The compiled phrase patterns of a language (English for an unknown language)."""
    if lang not in LANGUAGES:
        lang = "en"
    title_case = lang == "en"
    month = (
        _alternation([f for forms in _MONTH_FORMS[lang] for f in forms.split()], title_case)
        + r"(?![\w])"
    )
    weekday = (
        _alternation([f for forms in _WEEKDAY_FORMS[lang] for f in forms.split()], title_case)
        + r"(?![\w])"
    )
    year = r"(?P<year>(?:19|20)\d{2})(?![\d])"
    day = r"(?<![\d.,/])(?P<day>[0-3]?\d)"
    weekday_prefix = rf"(?:(?P<wd>{weekday}),?\s+)?"
    article = r"(?:(?i:le|the|am|el|on|on\s+the)\s+)?"
    modifier = rf"(?:(?i:{_MODIFIERS[lang]})\s*)?"
    season = _SEASONS[lang]
    relative = "|".join(f"(?P<rel{i}>{rx})" for i, (rx, _, _) in enumerate(_RELATIVE[lang]))
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
            rf"(?:(?P<cue>(?i:{_MONTH_CUES[lang]}))\s+)?{modifier}(?P<month>{month})"
            rf"(?:\s+(?P<last>(?i:{_LAST_AFTER[lang]})))?(?!\s*[,.]?\s*(?:(?i:de|del)\s+)?\d)",
        ),
        (
            "year",
            rf"(?:(?P<cue>(?i:{_YEAR_CUES[lang]}))\s+|(?P<mod>(?i:{_MODIFIERS[lang]}))"
            rf"(?:(?<=-)|\s+)){year}(?!\s*[-–/]\s*\d|[.,]\d)",
        ),
        ("ago", rf"(?i:{_AGO[lang]})(?![\w])"),
        ("relative", rf"(?<![\w-])(?i:{relative})(?![\w])"),
        (
            "weekday",
            rf"(?:(?P<pre>(?i:{_WEEKDAY_BEFORE[lang]}))\s+)?(?P<wd>{weekday})"
            rf"(?:\s+(?P<post>(?i:{_WEEKDAY_AFTER[lang]}))(?![\w]))?",
        ),
    ]
    patterns = tuple(
        (kind, re.compile(rf"(?<![\w]){rx}" if not rx.startswith("(?<!") else rx))
        for kind, rx in specs
    )
    months = _index(_MONTH_FORMS[lang])
    weekdays = {k: v - 1 for k, v in _index(_WEEKDAY_FORMS[lang]).items()}
    month_words = tuple(months)
    relative_words = _RELATIVE_KEYWORDS[lang]
    keywords = {
        "dmy": month_words,
        "mdy": month_words,
        "my": month_words,
        "month": month_words,
        "season": tuple(season.lower() for season in _SEASONS[lang].split("|")),
        "weekday": tuple(weekdays),
        "ago": relative_words,
        "relative": relative_words,
    }
    return _Lexicon(lang, months, weekdays, patterns, keywords)


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
    lex = _lexicon(lang)
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
    lex = _lexicon(lang)
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
        strictly_before = bool(m.group("last")) or cue in _LAST_WORDS
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
        if words & _NEXT_WORDS:
            return None
        weekday = _lexicon(lang).weekdays[m.group("wd").lower()]
        offset = (published.day.weekday() - weekday) % 7
        if offset == 0 and words & _LAST_WORDS:
            offset = 7
        return _format(published.day - timedelta(days=offset), "day")
    if candidate.kind == "ago":
        raw = m.group("n").lower()
        amount = int(raw) if raw.isdigit() else _SMALL_NUMBERS.get(raw)
        unit = _UNIT_OF_WORD.get(m.group("unit").lower())
        if amount is None or unit is None:
            return None
        return _shifted(published, unit, -amount)
    for i, (_, unit, offset) in enumerate(_RELATIVE[_lexicon(lang).lang]):
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
    if cue and _SINCE.search(cue):
        return "since"
    if cue and _UNTIL.search(cue):
        return "until"
    left = text[max(0, candidate.start - 40) : candidate.start]
    filler = _LEFT_FILLER.search(left)
    head = left[: filler.start()] if filler else left
    head = head.rstrip()
    if _SINCE.search(head):
        return "since"
    if _UNTIL.search(head):
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
        if _PUBLISH_CUE.search(head[max(0, candidate.start - 30) : candidate.start]):
            return value
        full.append((candidate.start, value))
    if full:
        return full[0][1]
    return partial[0] if partial else None
