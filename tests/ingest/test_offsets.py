"""The OffsetMap of a clean text leads back to the same characters in the raw text."""

from __future__ import annotations

import random
import re

import pytest

from armstrace.ingest import clean_text
from armstrace.ingest.text_edits import Edit, apply_edits, compose_segments
from armstrace.models import OffsetMap

# Pieces that exercise every pass: words with curly apostrophes, glued sentences, junk lines,
# Markdown, odd whitespace, invisible characters, list items and line endings.
PIECES = [
    "word",
    "Ukraine",
    "l’Ukraine",
    "155 mm",
    "obus",
    ",",
    ".",
    " said.",
    " Pyongyang.A",
    " occidentaux.Les",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u00ad",
    "\u200b",
    "\n",
    "\n\n",
    "\n \n",
    "\r\n",
    "\n[ad_1]\n",
    "\nSource link\n",
    "\nA LIRE AUSSI | autre chose\n",
    " [label](https://example.org/x)",
    " **bold**",
    " \\[x\\]",
    "\n#### Heading\n",
    "\n- item",
    "…",
    " « quote » ",
    '<span class="u">',
    "</span>",
    "\n![](https://example.org/i.png)\n",
    "the long line that goes on and on well past fifty characters in all",
]
WORD = re.compile(r"\S+")


def random_text(seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 120)))


def assert_offsets_consistent(raw: str, clean: str, offsets: OffsetMap) -> None:
    covered = [False] * len(clean)
    previous_clean_end = previous_raw_end = 0
    for clean_start, raw_start, length in offsets.segments:
        assert length > 0
        assert clean_start >= previous_clean_end and raw_start >= previous_raw_end
        assert raw[raw_start : raw_start + length] == clean[clean_start : clean_start + length]
        covered[clean_start : clean_start + length] = [True] * length
        previous_clean_end, previous_raw_end = clean_start + length, raw_start + length
    inserted = {clean[i] for i in range(len(clean)) if not covered[i]}
    assert inserted <= {" ", "\n"}, inserted
    raw_offsets = [offsets.to_raw(i) for i in range(len(clean) + 1)]
    assert raw_offsets == sorted(raw_offsets)
    for word in WORD.finditer(clean):
        raw_start, raw_end = offsets.span_to_raw(word.start(), word.end())
        assert raw[raw_start] == word.group()[0]
        assert raw[raw_end - 1] == word.group()[-1]
        if all(covered[word.start() : word.end()]) and raw_end - raw_start == len(word.group()):
            assert raw[raw_start:raw_end] == word.group()


@pytest.mark.parametrize("seed", range(300))
def test_clean_text_offsets_lead_back_to_raw_characters(seed: int) -> None:
    raw = random_text(seed)

    clean, offsets, _ = clean_text(raw)

    assert_offsets_consistent(raw, clean, offsets)


@pytest.mark.parametrize("seed", range(0, 300, 7))
def test_clean_text_is_idempotent(seed: int) -> None:
    once = clean_text(random_text(seed))[0]

    assert clean_text(once)[0] == once


def test_clean_text_offsets_of_text_after_inserted_space() -> None:
    raw = "[ad_1]\n\nSeoul said it.A defense official confirmed."

    clean, offsets, _ = clean_text(raw)

    start = clean.index("A defense")
    raw_start, raw_end = offsets.span_to_raw(start, start + len("A defense official"))
    assert clean == "Seoul said it. A defense official confirmed."
    assert raw[raw_start:raw_end] == "A defense official"
    assert offsets.to_raw(start - 1) == raw.index("A defense")  # the inserted space


def test_clean_text_offsets_across_joined_lines_cover_the_raw_line_break() -> None:
    raw = "the cranes arrived\nin the port on Tuesday."

    clean, offsets, _ = clean_text(raw)

    raw_start, raw_end = offsets.span_to_raw(0, len(clean))
    assert clean == "the cranes arrived in the port on Tuesday."
    assert raw[raw_start:raw_end] == raw


def test_apply_edits_and_compose_segments_chain_two_passes() -> None:
    first, first_segments = apply_edits("ab**cd**ef", [Edit(2, 4), Edit(6, 8)])
    second, second_segments = apply_edits(first, [Edit(2, 2, " "), Edit(5, 6, "")])

    segments = compose_segments(second_segments, first_segments)

    assert (first, second) == ("abcdef", "ab cde")
    assert segments == [(0, 0, 2), (3, 4, 2), (5, 8, 1)]


def test_apply_edits_refuses_overlapping_edits() -> None:
    with pytest.raises(ValueError, match="overlap"):
        apply_edits("abcdef", [Edit(1, 4), Edit(3, 5)])
