"""The words around stated amounts (fr, en, de, es), compiled per language for `quantities`.

The words are rule data kept in `data/quantity_words.tsv`: qualifiers ("about", "près de"),
vague amounts ("des milliers"), approximate numerals ("une vingtaine"), single units ("a
Patriot battery"), scale words, currencies, containers, weights, measure units, rates. Here
they become one compiled pattern set per language, built once and cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from armstrace.extract.word_tables import load_word_table

LANGUAGES = ("en", "fr", "de", "es")
_WORDS = load_word_table("quantity_words.tsv")


def _currency_label(meaning: str) -> str:
    """The paraphrase prefix of a currency: "$400 million", but "EUR 400 million"."""
    return meaning if meaning.endswith("$") else f"{meaning} "


CURRENCY_SIGNS: dict[str, str] = {
    row.phrase: _currency_label(row.meaning) for row in _WORDS.words("currency_sign")
}
# Scale letters glued to digits ("4.8m", "$300bn", "20k").
GLUED_SCALES: dict[str, int] = {row.phrase: int(row.meaning) for row in _WORDS.words("glued_scale")}
# Articles and scale words that are no amount alone, whatever the language of the text.
NOT_ALONE = frozenset(row.phrase for row in _WORDS.words("not_alone"))
# "pour 85,6 millions": a word before a sum whose currency is left implicit.
WORTH_BEFORE = re.compile(rf"(?:{_WORDS.alternation('worth')})\s*$", re.IGNORECASE)
_CURRENCY_CODES = "|".join(row.phrase for row in _WORDS.words("currency_code"))
# Up to three words between an article and a unit ("a Patriot battery").
_FILLER = r"(?:[^\W_][\w/-]*\s+){0,3}?"


@dataclass(frozen=True)
class AmountPatterns:
    """The compiled patterns of one language."""

    digits: re.Pattern[str]
    word: re.Pattern[str]
    # One alternation per lexicon (a named group per entry, see `entry`): one scan instead of
    # dozens; the tuple beside it gives each entry's meaning.
    vague: re.Pattern[str]
    vague_labels: tuple[str, ...]
    approximate: re.Pattern[str]
    approximate_values: tuple[int, ...]
    single_units: re.Pattern[str]
    single_unit_labels: tuple[str, ...]
    thousands_after: re.Pattern[str]
    qualifier: re.Pattern[str]
    qualifier_names: tuple[str, ...]
    scales: tuple[tuple[re.Pattern[str], int], ...]
    rate: tuple[tuple[re.Pattern[str], str], ...]
    measure: re.Pattern[str]
    model_before: re.Pattern[str]
    currency_after: tuple[tuple[re.Pattern[str], str], ...]
    currency_code_before: re.Pattern[str]
    container_after: tuple[tuple[re.Pattern[str], str], ...]
    weight_after: tuple[tuple[re.Pattern[str], str], ...]
    pound_after: re.Pattern[str]


def _alternation(regexes: Iterable[str]) -> re.Pattern[str]:
    """Whole-word alternation whose group `e<i>` tells which entry matched (first wins)."""
    parts = "|".join(f"(?P<e{i}>{rx})" for i, rx in enumerate(regexes))
    return re.compile(rf"(?<![\w])(?:{parts})(?![\w-])", re.IGNORECASE)


def entry(m: re.Match[str]) -> int:
    """The index of the entry that matched an alternation of `AmountPatterns`."""
    return int((m.lastgroup or "e0")[1:])


def known_language(lang: str) -> str:
    """`lang` if it has a lexicon, else English."""
    return lang if lang in LANGUAGES else "en"


@lru_cache(maxsize=8)
def amount_patterns(lang: str) -> AmountPatterns:
    """The compiled patterns of `lang` (one of LANGUAGES)."""
    separators = r"[,.\u00a0\u202f\u2009'’]" if lang == "en" else r"[ ,.\u00a0\u202f\u2009'’]"
    signs = "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=len, reverse=True))
    scales = [(rx, int(factor)) for factor, rx in _WORDS.entries(lang, "scale")]
    scale_words = "|".join(rx for rx, _ in scales)
    digits = re.compile(
        rf"(?<![\w.,/:+\-−–#°§$€£¥])(?:(?P<cur>{signs})\s?)?"
        rf"(?P<num>\d{{1,3}}(?:{separators}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
        rf"(?P<suffix>[^\W\d_]+)?"
        rf"(?:[\s\u00a0\u202f]+(?P<scale>(?i:{scale_words}))(?![\w]))?"
    )
    qualifiers = _WORDS.entries(lang, "qualifier")
    qualifier = "|".join(f"(?P<q{i}>{rx})" for i, (_, rx) in enumerate(qualifiers))
    vague = _WORDS.entries(lang, "vague")
    approximate = _WORDS.entries(lang, "approximate")
    single_units = [
        (label, rx.replace("{filler}", _FILLER))
        for label, rx in _WORDS.entries(lang, "single_unit")
    ]
    currencies = [
        *((_currency_label(label), rx) for label, rx in _WORDS.entries(lang, "currency")),
        ("", f"(?-i:{_CURRENCY_CODES})"),  # an ISO code: its own paraphrase
    ]
    return AmountPatterns(
        digits=digits,
        word=re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*"),
        vague=_alternation(rx for _, rx in vague),
        vague_labels=tuple(label for label, _ in vague),
        approximate=_alternation(rx for _, rx in approximate),
        approximate_values=tuple(int(value) for value, _ in approximate),
        single_units=_alternation(rx for _, rx in single_units),
        single_unit_labels=tuple(label for label, _ in single_units),
        thousands_after=re.compile(
            rf"(?:\s+{_WORDS.alternation('thousands', lang)})(?![\w])", re.IGNORECASE
        ),
        qualifier=re.compile(rf"(?<![\w])(?:{qualifier})\s*$", re.IGNORECASE),
        qualifier_names=tuple(name for name, _ in qualifiers),
        scales=tuple((re.compile(rf"(?:{rx})$", re.IGNORECASE), f) for rx, f in scales),
        rate=tuple(
            (re.compile(rf"(?<![\w])(?:{rx})(?![\w])", re.I), unit)
            for unit, rx in _WORDS.entries(lang, "rate")
        ),
        measure=re.compile(
            rf"^[\s\u00a0\u202f]*(?:(?:of|de|d['’])\s*)?(?:{_WORDS.alternation('measure', lang)})"
            r"(?![\w])",
            re.IGNORECASE,
        ),
        model_before=re.compile(rf"(?<![\w])(?:{_WORDS.alternation('model')})[\s\u00a0]*$"),
        currency_after=tuple(
            (re.compile(rf"^\s*(?:de\s+|d['’]|of\s+|en\s+)?(?:{rx})(?![\w])", re.I), label)
            for label, rx in currencies
        ),
        currency_code_before=re.compile(rf"(?<![\w])(?P<code>{_CURRENCY_CODES})\s*$"),
        container_after=tuple(
            (
                re.compile(
                    rf"^\s*(?:(?:de|d['’]|of)\s*)?(?:(?:shipping|cargo|freight|rail)\s+)?"
                    rf"(?:{rx})(?![\w-])",
                    re.I,
                ),
                unit,
            )
            for unit, rx in _WORDS.entries(lang, "container")
        ),
        # Pound words right after "lbs?" in the table extend the "pounds" weight entry.
        weight_after=tuple(
            (re.compile(rf"^\s*(?:{rx})(?![\w-])", re.I), unit)
            for unit, rx in _WORDS.entries(lang, "weight", "pound")
        ),
        pound_after=re.compile(
            rf"^\s*(?:de\s+|d['’]|of\s+)?(?:{_WORDS.alternation('pound')})(?![\w])", re.I
        ),
    )
