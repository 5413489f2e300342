"""Keys under which gazetteer surfaces and pieces of text are compared.

A surface and a piece of text match when their keys are equal. Every key treats curly and
straight apostrophes alike, any run of hyphens, dashes, underscores or white space as one
space, ignores a final full stop ("U.S." = "U.S") and puts a space at every letter-digit
border, so "M777", "M-777" and "M 777" are one key, as are "Shahed-136" and "Shahed 136".

- `match_key`: case-folded, accents kept ("Corée" stays apart from "Coree").
- `ascii_key`: case-folded, accents removed: the fallback for text written without accents.
- `case_key`: accents removed but case kept, for surfaces that only match as written
  ("US" is a state, "us" a pronoun).
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼ`´′", "'"))
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―−_]+")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
# Text tokens as the mention finder walks them: runs of letters, or numbers (with decimals).
TOKEN_PATTERN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)?")


def fold_separators(text: str) -> str:
    """NFC text with one kind of apostrophe, single spaces and letter-digit borders spaced."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    text = _SEPARATORS.sub(" ", text).strip().rstrip(".").strip()
    return _LETTER_DIGIT.sub(" ", text)


def strip_accents(text: str) -> str:
    """`text` without combining marks ("Türkiye" → "Turkiye", "Pékin" → "Pekin")."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def match_key(text: str) -> str:
    """The case-insensitive, accent-sensitive key of a surface or a span of text."""
    return fold_separators(text).casefold()


def ascii_key(text: str) -> str:
    """The case-insensitive, accent-insensitive key."""
    return strip_accents(match_key(text))


def case_key(text: str) -> str:
    """The case-sensitive, accent-insensitive key."""
    return strip_accents(fold_separators(text))


def token_count(text: str) -> int:
    """How many finder tokens a surface spans."""
    return len(TOKEN_PATTERN.findall(text))


def first_token_key(text: str) -> str | None:
    """The accent-insensitive key of a surface's first token, or None if it has no token."""
    match = TOKEN_PATTERN.search(text)
    return ascii_key(match.group()) if match else None
