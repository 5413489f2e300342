"""Cut a text into plain and highlighted pieces, for showing evidence in its article.

Pure functions over offsets: the templates render each piece as escaped text (highlighted
pieces inside `<mark>`), so no piece of an article ever reaches the page as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A highlighted range `[start, end)` of a text, tagged with what it is evidence for."""

    start: int
    end: int
    tags: tuple[int, ...]  # indexes of the reports (or claims) this range supports


@dataclass(frozen=True)
class Piece:
    """A run of text that is either plain (`tags` empty) or evidence for `tags`."""

    text: str
    start: int
    tags: tuple[int, ...] = ()

    @property
    def highlighted(self) -> bool:
        """True when this run is part of at least one evidence sentence."""
        return bool(self.tags)


def split_highlights(text: str, spans: Sequence[Span]) -> list[Piece]:
    """`text` as consecutive pieces; overlapping spans give pieces tagged with both."""
    length = len(text)
    valid = [
        Span(max(0, s.start), min(length, s.end), s.tags)
        for s in spans
        if s.end > s.start and s.start < length
    ]
    cuts = sorted({0, length} | {s.start for s in valid} | {s.end for s in valid})
    pieces: list[Piece] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        if right <= left:
            continue
        tags = sorted({tag for s in valid if s.start <= left and s.end >= right for tag in s.tags})
        chunk = text[left:right]
        if pieces and tuple(tags) == pieces[-1].tags:
            # Adjacent runs with the same tags read as one.
            last = pieces.pop()
            pieces.append(Piece(last.text + chunk, last.start, last.tags))
        else:
            pieces.append(Piece(chunk, left, tuple(tags)))
    return pieces
