"""Plain-text and Markdown articles: the headline line, and the text that follows it.

A saved article usually starts with its headline on a line of its own. The first line is taken
as the title when it is short (at most 200 characters), more text follows, it does not end like
a sentence or a clause (".", ",", ";", ":"; a question or an exclamation may be a headline),
and the next line does not continue it in lower case (a hard-wrapped first sentence). In
Markdown a leading "# " heading is the title whatever it ends with. Boilerplate lines before
the headline (breadcrumbs, ad markers) are skipped. Otherwise there is no title and the text
is the whole file.
"""

from __future__ import annotations

import re

from armstrace.ingest.boilerplate import find_junk_rule

MAX_TITLE_CHARS = 200
_MAX_LEADING_JUNK_LINES = 5
_CLAUSE_ENDINGS = (".", ",", ";", ":")
_BLANK_LINES = re.compile(r"(?:[ \t\u00a0]*(?:\r\n|\n|\r))*")
_LINE = re.compile(r"([^\r\n]*)(\r\n|\n|\r|$)")
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]+(?P<title>.*?)(?:[ \t]+#+)?[ \t]*$")


def _skip_blank_lines(text: str, position: int) -> int:
    match = _BLANK_LINES.match(text, position)
    return match.end() if match else position


def _is_title(line: str, next_line: str | None) -> bool:
    if next_line is None or len(line) > MAX_TITLE_CHARS or not any(c.isalpha() for c in line):
        return False
    if line.endswith(_CLAUSE_ENDINGS) and not line.endswith("..."):
        return False
    # A first line followed at once by a lowercase line is a wrapped sentence, not a headline.
    return not next_line or not next_line.lstrip()[:1].islower()


def split_title(text: str, *, markdown: bool = False) -> tuple[str | None, str]:
    """(title, body) of a plain-text or Markdown article; body is the raw text after the title.

    The body keeps the file's characters as they are, minus the blank lines that separated it
    from the title; without a title the body is `text` itself.
    """
    position = _skip_blank_lines(text, 0)
    for _ in range(_MAX_LEADING_JUNK_LINES + 1):
        line_match = _LINE.match(text, position)
        if line_match is None or not line_match.group(2):
            return None, text  # a single line: it is the article
        line = line_match.group(1).strip()
        after_line = line_match.end()
        next_match = _LINE.match(text, after_line)
        next_line = next_match.group(1) if next_match and after_line < len(text) else None
        heading = _MARKDOWN_HEADING.match(line) if markdown else None
        if heading and heading["title"] and len(heading["title"]) <= MAX_TITLE_CHARS:
            title = heading["title"].strip()
        elif find_junk_rule(line) is not None:
            position = _skip_blank_lines(text, after_line)
            continue
        elif _is_title(line, next_line):
            title = line
        else:
            return None, text
        return title, text[_skip_blank_lines(text, after_line) :]
    return None, text
