"""The glued-sentence pass of the cleaner: "Pyongyang.A defense official" → "Pyongyang. A ...".

Scrapers that drop the whitespace between two paragraphs leave one sentence glued to the next;
the sentence splitter and NER then read "Pyongyang.A" as one token. A space is inserted where
a word of at least two characters ends with sentence punctuation and a capitalised word
follows at once, unless the pair is one name: initials and abbreviations (J.R.R., U.S.A,
Ph.D.), capitals on both sides (ASP.NET), web addresses, e-mail addresses and paths.
"""

from __future__ import annotations

import re

# Sentence punctuation with its closing quotes or brackets, right before a letter.
_CLOSERS = "\"'”’»)]"
_PUNCTUATION = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=[^\W\d_])")
_WORD_AT = re.compile(r"[^\W_]+")
_WORD_BEFORE = re.compile(r"[^\W_]+$")
_ADDRESS_MARKS = ("/", "@", "=", "\\", "://")
# Capitalised top-level domains ("Whitehouse.Gov") are rare but must not be split.
_TOP_LEVEL_DOMAINS = frozenset(
    ("com", "org", "net", "gov", "edu", "mil", "int", "info", "io", "eu", "fr", "de", "uk")
    + ("es", "it", "ru", "ua", "us", "ca", "co", "news", "tv")
)
# How far back to look for the start of the token before the punctuation.
_MAX_TOKEN_CHARS = 100


def _token_before(text: str, position: int) -> str:
    start = position
    limit = max(0, position - _MAX_TOKEN_CHARS)
    while start > limit and not text[start - 1].isspace():
        start -= 1
    return text[start:position]


def _is_one_name(text: str, punctuation: re.Match[str]) -> bool:
    """Whether the punctuation sits inside a name or an address rather than between sentences."""
    before = _token_before(text, punctuation.start())
    core = before.rstrip(_CLOSERS)
    word_before = _WORD_BEFORE.search(core)
    if word_before is None or len(word_before.group()) < 2:
        return True  # initials and abbreviations: "J.R.R.", "U.S.A", "e.g."
    if any(mark in before for mark in _ADDRESS_MARKS) or before.lower().startswith("www"):
        return True
    after = punctuation.end()
    word_after_match = _WORD_AT.match(text, after)
    word_after = word_after_match.group() if word_after_match else ""
    if len(word_after) == 1 and (
        text[after + 1 : after + 2] == "."
        or (len(word_before.group()) <= 2 and word_before.group().istitle())
        or core.isupper()
    ):
        return True  # "Ph.D.", "U.S.A.", "Ph.D", "Annex II.D"
    if len(word_after) > 1 and word_before.group().isupper() and word_after.isupper():
        return True  # "ASP.NET", "README.TXT"
    if punctuation.group() != ".":
        return False
    # A web address: the last dotted part of the whole token is a top-level domain
    # ("Whitehouse.Gov", "ReportFraud.FTC.gov").
    token_after = text[after : after + _MAX_TOKEN_CHARS].split(maxsplit=1)[0].rstrip(".,;:!?)")
    return token_after.rsplit(".", 1)[-1].lower() in _TOP_LEVEL_DOMAINS


def find_glue_points(text: str) -> list[int]:
    """Offsets in `text` where a space must be inserted between two glued sentences."""
    points: list[int] = []
    for match in _PUNCTUATION.finditer(text):
        if not text[match.end()].isupper() or match.start() == 0:
            continue
        if not text[match.start() - 1].isalnum() and text[match.start() - 1] not in _CLOSERS:
            continue
        if not _is_one_name(text, match):
            points.append(match.end())
    return points
