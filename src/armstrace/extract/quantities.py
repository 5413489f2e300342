"""Stated amounts in article text (fr, en, de, es): counts, estimates, vague and other amounts.

The transfer record wants an integer when a number of items is stated ("100,000 shells"),
the integer of an approximate count ("une vingtaine", "around 50"), and nothing for plural
vague amounts ("des milliers"), rates ("3 000 par mois"), money, containers or tonnes
(ANNOTATION.md, `quantity`/`quantity_text`). `find_quantities` finds every amount of a text
with its kind and a short English paraphrase; which amount belongs to which transfer is the
caller's business (it knows where the materiel nouns are).

What is *not* an amount is as important: years, dates, times, calibres ("155 mm", "155-mm",
"7.62"), designations ("T-72", "Leopard 2", "F-16 Block 70"), percentages, ordinals,
distances and durations are skipped.

A quantity's span covers the words of the amount (with its qualifier, unit or currency) and
ends before the materiel noun wherever it can: for a rate it is the number alone ("3 000" in
"3 000 obus par mois"), for "a Patriot battery" the article alone (value 1).

Numbers themselves are read by `numerals` (words and digit shapes by language); the words
around them (qualifiers, vague amounts, units, currencies, rates) are the rule data of
`data/quantity_words.tsv`, compiled by `amount_lexicon`. This module holds the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from armstrace.extract.amount_lexicon import (
    CURRENCY_SIGNS,
    GLUED_SCALES,
    NOT_ALONE,
    WORTH_BEFORE,
    amount_patterns,
    entry,
    known_language,
)
from armstrace.extract.dates import date_phrase_spans
from armstrace.extract.numerals import (
    CONNECTORS,
    NumberWord,
    combine,
    connector_joins,
    format_value,
    parse_digits,
    word_pieces,
)

Kind = Literal["count", "approximate", "vague", "rate", "money", "containers", "weight"]


@dataclass(frozen=True)
class Quantity:
    """One stated amount: its integer (when it is a count of items), paraphrase and span."""

    value: int | None  # integer count of items, or None for vague/rate/money/... amounts
    text: str  # short English paraphrase: "100,000", "about 40", "thousands", "$400 million"
    start: int
    end: int
    kind: Kind


# --- context rules ---------------------------------------------------------------------------
# The article of a single unit, with "single" when it follows: the span of "a single battery".
_ARTICLE_WORDS = re.compile(r"\w+(?:\s+(?:single|seule?|einzige|sol[oa])(?![\w]))?", re.IGNORECASE)
# Words that end the filler between the article and the unit ("a lot of the system").
_FILLER_STOP = re.compile(
    r"\b(?:of|the|and|or|to|for|with|that|this|its|their|de|der|die|das|und|mit|von)\b", re.I
)
# "300m" is as often metres as millions: a glued m or b is a scale only with a currency
# sign or a decimal ("4.8m", "$300m").
_AMBIGUOUS_GLUED = frozenset(("m", "b"))
# A rate word in these contexts is a time span, not a rate ("in a year", "more than a month").
_NOT_RATE_BEFORE = re.compile(r"(?:\b(?:in|within|for|over|after|than|than\s+in))\s*$", re.I)
# Clause words that end the search for a rate after a number.
_RATE_STOP = re.compile(r"[.;:!?()\n]|,\s|\b(?:and|et|und|y|plus|sowie|ainsi)\b", re.I)
# "14:30", "16h00", "12/03/2024": numbers inside them are never amounts.
_NUMERIC_DATE_OR_TIME = re.compile(
    r"(?<!\d)(?:\d{1,2}[:h]\d{2}(?!\d)|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?!\d))"
)
# "divisé par deux", "multiplied by three": arithmetic, not an amount.
_OPERATION_BEFORE = re.compile(
    r"(?:divisée?s?|multipliée?s?|divided|multiplied|geteilt|multipliziert|dividid[oa]s?|"
    r"multiplicad[oa]s?)\s+(?:par|by|durch|mit|por)\s*$",
    re.IGNORECASE,
)
_RANGE_SECOND = re.compile(r"\s*(?:-|–|to|à|bis|a|or|ou|oder|o)\s*[^\s,;.]+", re.IGNORECASE)


def parse_number(text: str, lang: str) -> int | float | None:
    """The number written in `text` alone, or None.

    Reads digits in the language's conventions ("100 000", "100,000", "100.000", "1,5
    million", "4.8m", "1,5 Millionen"), number words ("twenty-five", "vingt-deux",
    "zweihundert", "doscientos") and approximate numerals ("a dozen", "une vingtaine").
    """
    lang = known_language(lang)
    stripped = text.strip()
    if not stripped:
        return None
    for quantity in _find(lang, stripped, keep_all=True):
        if quantity.start == 0 and quantity.end == len(stripped):
            return quantity.value if quantity.value is not None else _bare_value(stripped, lang)
    return _bare_value(stripped, lang)


def _bare_value(text: str, lang: str) -> int | float | None:
    """A number that is not an amount in context (a decimal such as "7.62", a lone year)."""
    m = amount_patterns(lang).digits.fullmatch(text)
    if not m or m.group("cur"):
        return None
    value = parse_digits(m.group("num"), lang, scaled=bool(m.group("scale")))
    if value is None:
        return None
    value *= _scale_factor(m, lang)
    return int(value) if value == int(value) else value


def _scale_factor(m: re.Match[str], lang: str) -> int:
    scale = m.group("scale")
    if scale:
        for pattern, factor in amount_patterns(lang).scales:
            if pattern.search(scale.lower().replace("\u00a0", " ")):
                return factor
    suffix = (m.group("suffix") or "").lower()
    return GLUED_SCALES.get(suffix, 1)


# --- finding amounts -----------------------------------------------------------------------------
@dataclass
class _Core:
    """A number, numeral or vague amount before its surroundings are read."""

    start: int
    end: int
    value: float | None  # None for vague amounts
    label: str  # the number part of the paraphrase
    approximate: bool = False  # an approximate numeral ("une vingtaine")
    currency: str | None = None
    scaled: bool = False


def _digit_cores(text: str, lang: str, blocked: list[tuple[int, int]]) -> Iterator[_Core]:
    pats = amount_patterns(lang)
    for m in pats.digits.finditer(text):
        start, end = m.start(), m.end()
        if _overlaps(start, end, blocked):
            continue
        suffix = (m.group("suffix") or "").lower()
        number = m.group("num")
        currency = CURRENCY_SIGNS.get(m.group("cur") or "")
        if suffix and re.search(r"[ \u00a0\u202f]\d{3}$", number):
            # "200 155mm": the last group is a calibre glued to its unit, not a thousands group
            number = re.split(r"[ \u00a0\u202f](?=\d{3}$)", number)[0]
            end = m.start("num") + len(number)
            suffix = ""
        elif suffix and (
            suffix not in GLUED_SCALES
            or (suffix in _AMBIGUOUS_GLUED and not currency and not re.search(r"[.,]", number))
        ):
            continue  # "155mm", "1er", "3rd", "2A6", "16h", "300m"
        has_scale = bool(m.group("scale")) and end == m.end()
        scaled = has_scale or bool(suffix)
        value = parse_digits(number, lang, scaled=scaled)
        if value is None:
            continue
        factor = _scale_factor(m, lang) if scaled else 1
        if not scaled and value != int(value) and not currency:
            continue  # "7.62", "12,7": a calibre or a measure, never a count
        full = value * factor
        yield _Core(
            start=start,
            end=end,
            value=full,
            label=format_value(full, factor if factor >= 10**6 else None),
            currency=currency,
            scaled=factor >= 10**6,
        )


def _word_cores(text: str, lang: str, blocked: list[tuple[int, int]]) -> Iterator[_Core]:
    """Runs of number words ("twenty-five", "deux cent", "zweihundert", "treinta y dos")."""
    pats = amount_patterns(lang)
    tokens = [(m.start(), m.end(), m.group(0)) for m in pats.word.finditer(text)]
    connector = CONNECTORS.get(lang)
    i = 0
    while i < len(tokens):
        run: list[tuple[int, int, str, list[NumberWord]]] = []
        j = i
        while j < len(tokens):
            start, end, token = tokens[j]
            if run and not re.fullmatch(r"[\s\u00a0\-]+", text[run[-1][1] : start]):
                break
            lowered = token.lower()
            if lowered == connector and run:
                if not connector_joins(lang, run[-1][3], tokens[j + 1 : j + 2]):
                    break
                run.append((start, end, token, [(0, "and")]))
                j += 1
                continue
            if lang == "en" and lowered in ("a", "an") and not run:
                following = tokens[j + 1][2].lower() if j + 1 < len(tokens) else ""
                if following in ("hundred", "thousand", "million", "billion"):
                    run.append((start, end, token, [(1, "add")]))
                    j += 1
                    continue
                break
            pieces = word_pieces(token, lang)
            if pieces is None or pieces == [(0, "and")]:
                break
            run.append((start, end, token, pieces))
            j += 1
        while run and run[-1][3] == [(0, "and")]:
            run.pop()
        if not run:
            i += 1
            continue
        i = max(j, i + 1)
        core = _word_run_core(text, lang, run)
        if core is not None and not _overlaps(core.start, core.end, blocked):
            yield core


# Number words that are often something else: (language, word, pattern of the words
# before it, pattern of the words after it); either pattern matching rejects the word.
_FALSE_FRIENDS: tuple[tuple[str, str, str | None, str | None], ...] = (
    # "the right one", "one of them", "no one": a pronoun
    (
        "en",
        "one",
        r"\b(?:no|any|every|each|the|this|that|which|some|only|right)\s+$",
        r"(?!\s+[^\W\d_])|\s*(?:of|another|day|time|way|side|thing|or|and|by|is|was|has|that|who)\b",
    ),
    ("fr", "neuf", r"\bà\s+$", r"(?!\s+[^\W\d_])|\s+et\b"),  # "un char neuf": new
    ("fr", "cent", r"\bpour\s+$", None),  # "pour cent"
    ("es", "ciento", r"\bpor\s+$", None),  # "por ciento"
    ("de", "acht", r"\b(?:außer|ausser|in)\s+$", None),  # "außer Acht lassen"
)


def _is_false_friend(text: str, lang: str, start: int, end: int, word: str) -> bool:
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 16]
    for friend_lang, friend, before_rx, after_rx in _FALSE_FRIENDS:
        if friend_lang == lang and friend == word:
            if before_rx and re.search(before_rx, before):
                return True
            if after_rx and re.match(after_rx, after):
                return True
    return False


def _word_run_core(
    text: str, lang: str, run: list[tuple[int, int, str, list[NumberWord]]]
) -> _Core | None:
    if len(run) == 1:
        start, end, token, _ = run[0]
        word = token.lower()
        if word in NOT_ALONE or _is_false_friend(text, lang, start, end, word):
            return None
    pieces = [piece for _, _, _, ps in run for piece in ps]
    value = combine(pieces)
    if not value:
        return None
    big = max((v for v, role in pieces if role == "big"), default=0)
    label_scale = big if big >= 10**6 else None
    approximate = any(v == 12 and role == "mul" for v, role in pieces)
    label = format_value(float(value), label_scale)
    if approximate:
        label = "a dozen" if value == 12 else f"about {label}"
    return _Core(
        start=run[0][0],
        end=run[-1][1],
        value=float(value),
        label=label,
        approximate=approximate,
        scaled=big >= 10**6,
    )


def _lexicon_cores(text: str, lang: str) -> Iterator[_Core]:
    """Approximate numerals, vague amounts and single units ("a Patriot battery")."""
    pats = amount_patterns(lang)
    for m in pats.approximate.finditer(text):
        end = m.end()
        amount = pats.approximate_values[entry(m)]
        more = pats.thousands_after.match(text, end)
        if more:  # "une dizaine de milliers"
            amount *= 1000
            end = more.end()
        label = {12: "a dozen", 6: "half a dozen"}.get(amount, f"about {amount:,}")
        yield _Core(m.start(), end, float(amount), label, approximate=True)
    for m in pats.vague.finditer(text):
        yield _Core(m.start(), m.end(), None, pats.vague_labels[entry(m)])
    for m in pats.single_units.finditer(text):
        if not _FILLER_STOP.search(m.group(0)):
            # The span is the article alone, so that it ends before the materiel words.
            article = _ARTICLE_WORDS.match(m.group(0))
            end = m.start() + (article.end() if article else len(m.group(0)))
            yield _Core(m.start(), end, 1.0, pats.single_unit_labels[entry(m)])


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def _blocked_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Dates, times and numeric dates: numbers inside them are never amounts."""
    spans = date_phrase_spans(text, lang)
    spans.extend((m.start(), m.end()) for m in _NUMERIC_DATE_OR_TIME.finditer(text))
    return spans


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """Every stated amount of `text`, in text order.

    Years, dates, calibres, designations, percentages, measures and durations are left out.
    """
    return _find(known_language(lang), text, keep_all=False)


def _find(lang: str, text: str, keep_all: bool) -> list[Quantity]:
    """The amounts of `text`; `keep_all` keeps what the context would reject (parse_number)."""
    blocked = [] if keep_all else _blocked_spans(text, lang)
    cores = sorted(
        [
            *_lexicon_cores(text, lang),
            *_digit_cores(text, lang, blocked),
            *_word_cores(text, lang, blocked),
        ],
        key=lambda c: (c.start, -(c.end - c.start)),
    )
    found: list[Quantity] = []
    last_end = -1
    for core in cores:
        if core.start < last_end:
            continue
        # A rejected core still hides the shorter ones inside it ("deux semaines").
        last_end = core.end
        quantity = _read_context(text, lang, core, keep_all)
        if quantity is not None:
            found.append(quantity)
            last_end = max(last_end, quantity.end)
    return found


def _read_context(text: str, lang: str, core: _Core, keep_all: bool) -> Quantity | None:
    """Turn a core into a quantity by reading the words around it, or reject it."""
    pats = amount_patterns(lang)
    left = text[max(0, core.start - 60) : core.start]
    right = text[core.end : core.end + 80]
    start = core.start

    qualifier_name = None
    qualifier = pats.qualifier.search(left)
    if qualifier:
        qualifier_name = next(
            name for i, name in enumerate(pats.qualifier_names) if qualifier.group(f"q{i}")
        )
        start -= len(left) - qualifier.start()
        left = left[: qualifier.start()]
    if keep_all:
        value = int(core.value) if core.value is not None else None
        return Quantity(value, core.label, start, core.end, "count")
    if _is_not_an_amount(text, lang, core, left, right, qualifier_name):
        return None
    prefix = f"{qualifier_name} " if qualifier_name else ""

    money = _money(lang, core, left, right)
    if money is not None:
        currency, money_start, money_end = money
        if core.value is None:
            label = f"{prefix}{core.label} of {_CURRENCY_NAMES.get(currency, currency.strip())}"
        else:
            label = f"{prefix}{currency}{core.label}"
        return Quantity(None, label.strip(), min(start, money_start), money_end, "money")

    rate = _rate_after(text, lang, core.end) or _rate_before(left, lang)
    if rate:
        # The span stays on the number: the "per month" often follows the materiel noun.
        return Quantity(None, f"{prefix}{core.label} per {rate}", start, core.end, "rate")

    for pattern, unit in pats.container_after:
        m = pattern.match(right)
        if m:
            joiner = " of " if core.value is None else " "
            label = f"{prefix}{core.label}{joiner}{unit}"
            return Quantity(None, label, start, core.end + m.end(), "containers")
    for pattern, unit in pats.weight_after:
        m = pattern.match(right)
        if m:
            joiner = " of " if core.value is None else " "
            label = f"{prefix}{core.label}{joiner}{unit}"
            return Quantity(None, label, start, core.end + m.end(), "weight")

    if core.value is None:
        return Quantity(None, core.label, start, core.end, "vague")
    return _count(core, qualifier_name, start, right)


_CURRENCY_NAMES = {"$": "dollars", "EUR ": "euros", "GBP ": "pounds", "": "money"}


def _money(lang: str, core: _Core, left: str, right: str) -> tuple[str, int, int] | None:
    """The currency of an amount of money, with the span its words add; None if not money."""
    pats = amount_patterns(lang)
    if core.currency is not None:
        return core.currency, core.start, core.end
    code = pats.currency_code_before.search(left)
    if code:
        currency = "$" if code.group("code") == "USD" else code.group("code") + " "
        return currency, core.start - (len(left) - code.start()), core.end
    for pattern, label in pats.currency_after:
        m = pattern.match(right)
        if m:
            if not label:  # an ISO code after the number
                code_text = m.group(0).split()[-1]
                label = "$" if code_text == "USD" else code_text + " "
            return label, core.start, core.end + m.end()
    if core.scaled:
        pound = pats.pound_after.match(right)
        if pound:
            return "GBP ", core.start, core.end + pound.end()
        noun_follows = re.match(r"\s*(?:de\s+|d['’]|of\s+)?[^\W\d_]{3,}", right)
        # "pour 85,6 millions", "67,4 milliards en 2030": a sum whose currency is implicit
        if (
            core.value is not None
            and not noun_follows
            and (WORTH_BEFORE.search(left) or core.value >= 10**9)
        ):
            return "", core.start, core.end
    return None


def _count(core: _Core, qualifier: str | None, start: int, right: str) -> Quantity:
    value = int(round(core.value or 0))
    approximate = core.approximate or qualifier not in (None, "all")
    label = core.label
    if qualifier:
        label = f"{qualifier} {label.removeprefix('about ')}"
    end = core.end
    odd = re.match(r"-odd(?![\w])", right)
    upper = re.match(r"\s?(?:-|–|to|à|bis|a)\s?(\d{1,6})(?![\d.,]|\s?\d{3})", right)
    if odd:  # "20-odd tanks"
        approximate = True
        end += odd.end()
        label = f"about {label}"
    elif upper and not core.scaled and value < int(upper.group(1)) < 100 * max(value, 1):
        # "10-15 tanks", "10 à 15 chars": a range stands for its upper bound
        approximate = True
        end += upper.end()
        label = f"{label}-{int(upper.group(1)):,}"
        value = int(upper.group(1))
    return Quantity(value, label, start, end, "approximate" if approximate else "count")


def _is_not_an_amount(
    text: str, lang: str, core: _Core, left: str, right: str, qualifier: str | None
) -> bool:
    """Years, calibres, designations, measures, ordinals, list markers, percentages."""
    pats = amount_patterns(lang)
    if pats.measure.match(right) and not (core.currency and re.match(r"\s*m\b", right)):
        return True  # "155 mm", "300 km", "deux ans", "quelques jours", "30 %"
    second = _RANGE_SECOND.match(right)
    if second and pats.measure.match(right[second.end() :]):
        return True  # "quatre à cinq jours", "10 to 15 km"
    if core.value is None:
        return False
    number_text = text[core.start : core.end]
    if re.fullmatch(r"(?:19|20)\d{2}", number_text) and qualifier is None and not core.currency:
        return True  # a year: "in 2023", "2024"
    if re.match(r"-(?!odd(?![\w]))[^\W\d_]", right):
        return True  # "155-mm", "2,000-pound", "30-day": a compound adjective
    if re.match(r"\s?[-–]\s?\d", right) and re.fullmatch(r"(?:19|20)\d{2}", number_text):
        return True  # "2024-2030"
    if not core.currency and pats.model_before.search(left):
        return True  # "Leopard 2", "Block 70", "Kalibers 155"
    if _OPERATION_BEFORE.search(left):
        return True
    if (
        lang == "de"
        and re.match(r"\.\s+[^\W\d_]", right)
        and (
            re.match(r"\.\s+[a-zäöüß]", right)
            or re.search(r"\b(?:der|die|das|den|dem|des|am|im|zum|zur|vom|beim)\s+$", left, re.I)
        )
    ):
        return True  # "die 3. Brigade", "der 2. größte": German ordinals
    line_start = text.rfind("\n", 0, core.start) + 1
    if re.fullmatch(r"[\s•*·\-–—]*", text[line_start : core.start]) and re.match(r"[.)]\s", right):
        return True  # "1. " or "2) " opening a list item
    return bool(re.match(r"\s*(?:st|nd|rd|th)\b", right))


def _rate_after(text: str, lang: str, position: int) -> str | None:
    window = text[position : position + 70]
    stop = _RATE_STOP.search(window)
    if stop:
        window = window[: stop.start()]
    for pattern, unit in amount_patterns(lang).rate:
        m = pattern.search(window)
        if m and not _NOT_RATE_BEFORE.search(window[: m.start()]):
            return unit
    return None


def _rate_before(left: str, lang: str) -> str | None:
    """A rate adverb just before the amount: "jährlich bis zu 200.000", "annually 50"."""
    tail = left[-25:]
    for pattern, unit in amount_patterns(lang).rate:
        m = pattern.search(tail)
        if m and not re.search(r"[.;:!?]", tail[m.end() :]) and len(tail[m.end() :].split()) <= 1:
            return unit
    return None


def largest_count(quantities: Sequence[Quantity]) -> Quantity | None:
    """The largest explicit count (exact or approximate), as ANNOTATION.md asks; else None."""
    counts = [q for q in quantities if q.value is not None and q.kind in ("count", "approximate")]
    if not counts:
        return None
    return max(counts, key=lambda q: q.value or 0)
