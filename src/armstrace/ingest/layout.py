"""The layout pass of the cleaner: boilerplate lines out, lines stripped, paragraphs normalised.

Output layout: paragraphs separated by exactly one blank line ("\\n\\n"), no blank lines or
spaces at either end, runs of spaces inside a line reduced to one space, invisible characters
(soft hyphen, zero-width space) removed. Lines that a hard-wrapping converter broke inside a
sentence are joined with a space, because a newline in mid-sentence misleads the sentence
splitter and the parser; lines that end a sentence, list items and time-stamped entries keep
their own line. An indented line under a list item continues the item (Markdown's rule).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from armstrace.ingest.boilerplate import find_junk_rule
from armstrace.ingest.text_edits import Edit

# Characters that end a line of text: a line is a maximal run of anything else.
_LINE = re.compile(r"[^\n\r\x0b\x0c\x85\u2028\u2029]+")
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Every character for which str.isspace() is true, and the invisible ones.
_STRIPPED = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + _INVISIBLE
)
# Inside a line: runs of two or more spaces, any other whitespace, invisible characters (a
# single plain space, by far the most common, does not match).
_UNUSUAL_SPACE = re.compile(f"[\\s{_INVISIBLE}]{{2,}}|[^\\S ]|[{_INVISIBLE}]")
# Whitespace and invisible characters outside ASCII (a quick test before `_space_edits`).
_NON_ASCII_SPACE = re.compile(f"[^\\S\\x00-\\x7f]|[{_INVISIBLE}]")

# A line that a wrapped sentence cannot have broken before: list items, table rows,
# time-stamped live-blog entries ("00:55 —"), enumerations ("(c)", "2.").
_STARTS_OWN_LINE = re.compile(
    r"(?:[-*•·–—▪►|>+]|\d{1,3}[.)]|\(?[a-zA-Z0-9]{1,3}\))(?:\s|$)|\d{1,2}[:h.]\d{2}\b"
)
_SENTENCE_END = frozenset(".!?:;…")
_CLOSERS = "'\"”’»)]"
# A line this long that does not end a sentence was broken by wrapping, even if the next line
# starts with a capital ("since early\nJanuary"); a shorter one may be a heading or a label.
# The length is that of the output line built so far (the lines already joined to it), so that
# cleaning a clean text changes nothing.
_MIN_WRAPPED_LINE = 50


@dataclass(frozen=True)
class LayoutPlan:
    """The edits of the layout pass and how many boilerplate lines they remove."""

    edits: list[Edit]
    removed_lines: int


def _is_soft_wrap(previous: str, line: str, previous_length: int) -> bool:
    """Whether the stripped `line` continues the sentence of the stripped `previous` line.

    `previous_length` is the length of the output line that `previous` ends; `line` is known
    not to start a line of its own (a list item, an entry).
    """
    if previous.rstrip(_CLOSERS)[-1:] in _SENTENCE_END:
        return False
    return line[0].islower() or previous_length >= _MIN_WRAPPED_LINE


def _space_edits(text: str, start: int, end: int) -> list[Edit]:
    edits: list[Edit] = []
    for match in _UNUSUAL_SPACE.finditer(text, start, end):
        run = match.group()
        if not any(char.isspace() for char in run):
            edits.append(Edit(match.start(), match.end()))  # only invisible characters
        elif run[0] == " ":
            edits.append(Edit(match.start() + 1, match.end()))  # keep the first space
        else:
            edits.append(Edit(match.start(), match.end(), " "))
    return edits


def plan_layout(text: str) -> LayoutPlan:
    """The edits that give `text` the clean layout, dropping boilerplate lines."""
    edits: list[Edit] = []
    removed = 0
    previous_end: int | None = None  # end of the last kept line's content
    previous_line = ""
    output_line_length = 0  # of the output line that the previous kept line ends
    in_list_item = False  # whether that output line is a list item
    paragraph_break = False
    last_chunk_end = 0
    for match in _LINE.finditer(text):
        chunk_start, chunk_end = match.span()
        if previous_end is not None and not paragraph_break:
            gap = chunk_start - last_chunk_end  # only line-break characters
            paragraph_break = gap >= 2 and (
                gap - text.count("\r\n", last_chunk_end, chunk_start) >= 2
            )
        last_chunk_end = chunk_end
        chunk = match.group()
        left_stripped = chunk.lstrip(_STRIPPED)
        line = left_stripped.rstrip(_STRIPPED)
        if not line:
            paragraph_break = True
            continue
        starts_own_line = _STARTS_OWN_LINE.match(line) is not None
        continues = (
            previous_end is not None
            and not paragraph_break
            and not starts_own_line
            and (
                _is_soft_wrap(previous_line, line, output_line_length)
                or (in_list_item and chunk.startswith(("  ", "\t")))
            )
        )
        # A wrapped line is part of a sentence: only a line that starts a unit can be junk.
        if not continues and find_junk_rule(line) is not None:
            removed += 1
            paragraph_break = True
            continue
        content_start = chunk_end - len(left_stripped)
        content_end = content_start + len(line)
        if previous_end is None:
            edits.append(Edit(0, content_start))
        else:
            separator = "\n\n" if paragraph_break else (" " if continues else "\n")
            edits.append(Edit(previous_end, content_start, separator))
        if "  " in line or "\t" in line or (not line.isascii() and _NON_ASCII_SPACE.search(line)):
            edits.extend(_space_edits(text, content_start, content_end))
        previous_end = content_end
        previous_line = line
        if continues:
            output_line_length += 1 + len(line)
        else:
            output_line_length = len(line)
            in_list_item = starts_own_line
        paragraph_break = False
    edits.append(Edit(0 if previous_end is None else previous_end, len(text)))
    return LayoutPlan(edits, removed)
