"""Numbers written in words or in digits (fr, en, de, es): their pieces and their values.

Number words come from `data/number_words.tsv`. Each word is (value, role): "add" adds to the
current group, "mul" multiplies the current group (hundred, dozen), "big" closes a group
(thousand, million, billion), "and" joins two parts of one number ("vingt et un"). German
writes a number as one word ("zweihundertfünfzig"), read by splitting it into pieces.

Digit strings are read by language and by shape together: French and German group thousands
with spaces (also U+00A0/U+202F) or dots and use a decimal comma; English groups with commas.
A separator followed by exactly three digits is a thousands separator unless a scale word
follows and the separator is the language's decimal mark ("1,5 million" in French).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from armstrace.extract.word_tables import read_rows

NumberWord = tuple[int, str]  # (value, role)


def _load() -> tuple[dict[str, dict[str, NumberWord]], dict[str, str], dict[str, NumberWord]]:
    words: dict[str, dict[str, NumberWord]] = {}
    connectors: dict[str, str] = {}
    german_pieces: dict[str, NumberWord] = {}
    for row in read_rows("number_words.tsv"):
        lang, word, role = row["lang"], row["word"], row["role"]
        if row["form"] == "piece":
            german_pieces[word] = (int(row["value"]), role)
        elif role == "and":
            connectors[lang] = word
        else:
            words.setdefault(lang, {})[word] = (int(row["value"]), role)
    return words, connectors, german_pieces


_NUMBER_WORDS, CONNECTORS, _GERMAN_PIECES = _load()
_GERMAN_PIECE_RE = re.compile(
    "|".join(sorted((re.escape(p) for p in _GERMAN_PIECES), key=len, reverse=True))
)
_DECIMAL_MARK = {"en": ".", "fr": ",", "de": ",", "es": ","}
_SCALE_NAMES = {10**6: "million", 10**9: "billion", 10**12: "trillion"}


def _split_german(word: str) -> list[NumberWord] | None:
    """The pieces of a German number word ("zweihundertfünfzig"), or None if it is not one."""
    pieces: list[NumberWord] = []
    position = 0
    lowered = word.lower()
    while position < len(lowered):
        m = _GERMAN_PIECE_RE.match(lowered, position)
        if not m:
            return None
        pieces.append(_GERMAN_PIECES[m.group(0)])
        position = m.end()
    return pieces


def word_pieces(token: str, lang: str) -> list[NumberWord] | None:
    """The number-word pieces of one token ("vingt-deux", "zweihundert"), or None."""
    lowered = token.lower()
    table = _NUMBER_WORDS[lang]
    if lowered in table:
        return [table[lowered]]
    if lang == "de":
        return _split_german(lowered)
    if "-" in lowered:
        pieces: list[NumberWord] = []
        parts = lowered.split("-")
        i = 0
        while i < len(parts):
            pair = "-".join(parts[i : i + 2])
            if lang == "fr" and pair in table:  # "quatre-vingt(s)"
                pieces.append(table[pair])
                i += 2
                continue
            if parts[i] == CONNECTORS.get(lang):
                pieces.append((0, "and"))
            elif parts[i] in table:
                pieces.append(table[parts[i]])
            else:
                return None
            i += 1
        return pieces
    return None


def connector_joins(lang: str, before: list[NumberWord], after: list[tuple[int, int, str]]) -> bool:
    """Whether "and"/"et"/"y" continues a number ("vingt et un") rather than a list ("2 and 3")."""
    if not after or not before:
        return False
    following = word_pieces(after[0][2], lang)
    if not following or following[0][1] != "add":
        return False
    last_value, last_role = before[-1]
    if lang == "en":
        return last_role in ("mul", "big")
    if lang == "fr":
        return last_value in (20, 30, 40, 50, 60) and after[0][2].lower() in ("un", "une", "onze")
    return last_value in range(30, 100, 10) and following[0][0] < 10


def combine(pieces: Sequence[NumberWord]) -> int | None:
    """Add up number-word pieces: "deux cent mille" -> 200000, "mil millones" -> 10**9."""
    total = 0
    current = 0
    seen = False
    for value, role in pieces:
        if role == "and":
            continue
        seen = True
        if role == "add":
            current += value
        elif role == "mul":
            current = max(current, 1) * value
        else:
            if total and total < value and not current:
                total *= value  # "mil millones": the larger scale applies to what came before
            else:
                total += max(current, 1) * value
            current = 0
    return total + current if seen else None


def parse_digits(number: str, lang: str, scaled: bool) -> float | None:
    """The value of a digit string such as "100 000", "1,5", "100.000" or "1,234.5"."""
    compact = re.sub(r"[\s\u00a0\u202f\u2009'’]", "", number)
    marks = [c for c in compact if c in ",."]
    if not marks:
        return float(compact) if compact.isdigit() else None
    if len(set(marks)) == 2:  # "1.234,5" or "1,234.5": the last mark is the decimal one
        decimal = compact[max(compact.rfind(","), compact.rfind(".")) :][0]
        group = "," if decimal == "." else "."
        compact = compact.replace(group, "").replace(decimal, ".")
    else:
        mark = marks[0]
        tail = compact.rsplit(mark, 1)[1]
        is_group = len(marks) > 1 or (
            len(tail) == 3 and not (scaled and mark == _DECIMAL_MARK.get(lang, "."))
        )
        compact = compact.replace(mark, "") if is_group else compact.replace(mark, ".")
    try:
        return float(compact)
    except ValueError:
        return None


def format_value(value: float, scale: int | None) -> str:
    """English digits: "100,000"; with a scale word "1.5 million", "2 billion"."""
    if scale and scale >= 10**6:
        scale = max(s for s in _SCALE_NAMES if s <= value) if value >= 10**6 else scale
        mantissa = value / scale
        shown = f"{mantissa:.3f}".rstrip("0").rstrip(".")
        return f"{shown} {_SCALE_NAMES[scale]}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
