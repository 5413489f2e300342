"""Edits of a text that remember where every kept character came from.

The cleaner works in passes (markup, layout, glued sentences). Each pass lists `Edit`s of its
input; `apply_edits` performs them and returns how the output aligns with the input, as
segments `(output_start, input_start, length)` of characters copied unchanged. Characters of a
replacement belong to no segment: they are "inserted". `compose_segments` chains the
alignments of successive passes, so the final text maps straight back to the raw text (the
`OffsetMap` of `models.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

Segment = tuple[int, int, int]  # (output_start, input_start, length)


class Edit(NamedTuple):
    """Replace `text[start:end]` with `replacement` (an empty one deletes, start == end inserts).

    A named tuple rather than a dataclass: the layout pass makes one per line of a corpus.
    """

    start: int
    end: int
    replacement: str = ""


def _append(segments: list[Segment], output_start: int, input_start: int, length: int) -> None:
    """Add a segment, extending the last one when both sides continue it."""
    if length <= 0:
        return
    if segments:
        last_output, last_input, last_length = segments[-1]
        if last_output + last_length == output_start and last_input + last_length == input_start:
            segments[-1] = (last_output, last_input, last_length + length)
            return
    segments.append((output_start, input_start, length))


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Segment]]:
    """Perform `edits` (sorted, not overlapping) on `text`: the new text and its alignment.

    A replacement equal to the text it replaces is kept as a copy, so passes may ask for the
    separator they want without checking whether it is already there.
    """
    pieces: list[str] = []
    segments: list[Segment] = []
    output_length = 0
    position = 0
    # Two copies are always separated by a real edit (no-ops are skipped), so segments built
    # here never need merging.
    for start, end, replacement in edits:
        if start < position or end < start:
            raise ValueError(f"edits overlap or are out of order at {start}")
        if text[start:end] == replacement:
            continue  # a no-op: the span stays part of the surrounding copy
        if start > position:
            pieces.append(text[position:start])
            segments.append((output_length, position, start - position))
            output_length += start - position
        if replacement:
            pieces.append(replacement)
            output_length += len(replacement)
        position = end
    if position < len(text):
        pieces.append(text[position:])
        segments.append((output_length, position, len(text) - position))
    return "".join(pieces), segments


def compose_segments(outer: list[Segment], inner: list[Segment]) -> list[Segment]:
    """Alignment of C with A, from `outer` (C with B) and `inner` (B with A).

    A character of C maps to A only if it was copied at both steps; characters inserted at
    either step are inserted in the result.
    """
    # When B is a prefix of A copied unchanged (the usual case when a pass had nothing to do),
    # C aligns with A as it does with B; outer segments are sorted, so the last reaches furthest.
    copied_prefix = len(inner) == 1 and inner[0][0] == inner[0][1] == 0
    if copied_prefix and (not outer or outer[-1][1] + outer[-1][2] <= inner[0][2]):
        return list(outer)
    result: list[Segment] = []
    first = 0
    for outer_start, middle_start, length in outer:
        middle_end = middle_start + length
        while first < len(inner) and inner[first][0] + inner[first][2] <= middle_start:
            first += 1
        index = first
        while index < len(inner) and inner[index][0] < middle_end:
            inner_middle, inner_source, inner_length = inner[index]
            low = max(middle_start, inner_middle)
            high = min(middle_end, inner_middle + inner_length)
            if high > low:
                _append(
                    result,
                    outer_start + low - middle_start,
                    inner_source + low - inner_middle,
                    high - low,
                )
            index += 1
    return result
