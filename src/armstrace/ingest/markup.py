"""The markup pass of the cleaner: Markdown and stray HTML left in article text.

Corpora converted from HTML (the White House briefings, for one) keep Markdown links, bold
markers, backslash escapes, headings and the odd inline tag. They split sentences for the
parser (`the\\n[brainchild](https://...)\\nof`) and put URLs where words should be. This pass
only *deletes* characters, so every remaining character still maps to the raw text: a link
keeps its label, an image disappears, `**bold**` keeps its words.
"""

from __future__ import annotations

import re

from armstrace.ingest.text_edits import Edit

# [label](target "optional title"); the label may wrap over lines, the target may hold one
# level of parentheses (Wikipedia-style URLs).
_LINK = re.compile(
    r"(?P<image>!)?\[(?P<label>[^\[\]]{0,500})\]"
    r"\((?P<target>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"\n]*\")?\)"
)
# "**" that opens or closes a bold run: it touches a non-space on its inner side (checked in
# `_bold_deletions`); a line of "***" is left for the separator rule.
_BOLD = re.compile(r"(?<!\*)\*\*(?!\*)")
# A backslash escaping a Markdown punctuation character: "\[Witkoff\]", "\###".
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|<>~])")
# Heading marks at the start of a line, and closing ones at its end.
_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+|[ \t]+#{1,6}[ \t]*$")
# Inline HTML tags that carry no text of their own (their style attributes can be long), and
# HTML comments ("<!-- -->" separates lists in converted pages).
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|br|em|font|i|mark|s|small|span|strong|sub|sup|u)\b[^<>]{0,2000}>"
    r"|<!--.{0,2000}?-->",
    re.IGNORECASE | re.DOTALL,
)
# <https://example.org>: keep the address, drop the angle brackets.
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")


def _link_deletions(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in _LINK.finditer(text):
        if match.group("image") is not None or not match.group("label").strip():
            spans.append((match.start(), match.end()))  # nothing readable: drop it all
            continue
        spans.append((match.start(), match.start("label")))
        spans.append((match.end("label"), match.end()))
    return spans


def _bold_deletions(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _BOLD.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isspace() or not after.isspace():
            spans.append((start, end))
    return spans


def find_markup_edits(text: str) -> list[Edit]:
    """Deletions that strip Markdown and inline HTML from `text`, sorted and merged."""
    spans = _link_deletions(text) if "](" in text else []
    if "**" in text:
        spans.extend(_bold_deletions(text))
    if "\\" in text:
        spans.extend((m.start(), m.end()) for m in _ESCAPE.finditer(text))
    if "#" in text:
        spans.extend((m.start(), m.end()) for m in _HEADING.finditer(text))
    if "<" in text:
        spans.extend((m.start(), m.end()) for m in _INLINE_TAG.finditer(text))
        for match in _AUTOLINK.finditer(text):
            spans.append((match.start(), match.start() + 1))
            spans.append((match.end() - 1, match.end()))
    if not spans:
        return []
    spans.sort()
    merged: list[list[int]] = [list(spans[0])]
    for start, end in spans[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [Edit(start, end) for start, end in merged if end > start]
