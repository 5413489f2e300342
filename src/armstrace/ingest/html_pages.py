"""HTML pages: the article's main text and metadata, extracted offline by trafilatura.

trafilatura finds the main text (no menus, footers, comments) and the metadata: title, date
and the page's own address (canonical link or og:url). Its plain-text output puts one newline
between paragraphs; we rebuild the text from its XML tree instead, with a blank line between
blocks, because paragraph breaks are the sentence boundaries the extractor trusts most. List
items become "- " lines and table rows "cell | cell" lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from armstrace.ingest.dates import normalise_date
from armstrace.ingest.input_errors import UnusableInput
from armstrace.ingest.language import normalise_language_code

NO_TEXT = "no article text found in the HTML page"

_HEAD_BYTES = 4096
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_]\w+)*)""", re.I)
# Dates from the page's metadata only: a date guessed from its running text would be the date
# of an event, not of publication.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass(frozen=True)
class HtmlArticle:
    """What an HTML page gives: the main text and the metadata trafilatura found."""

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    lang: str | None = None


def find_declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a meta tag near its start, if any."""
    match = _DECLARED_CHARSET.search(data[:_HEAD_BYTES])
    return match.group(1).decode("ascii") if match else None


def _inline_text(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag == "list":
            parts.append("\n" + _list_text(child))
        else:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _list_text(element: Any) -> str:
    items = (_inline_text(item).strip() for item in element if item.tag == "item")
    return "\n".join(f"- {item}" for item in items if item)


def _table_text(element: Any) -> str:
    rows = []
    for row in element.iter("row"):
        cells = (" ".join(_inline_text(cell).split()) for cell in row if cell.tag == "cell")
        rows.append(" | ".join(cell for cell in cells if cell))
    return "\n".join(row for row in rows if row)


def _block_text(element: Any) -> str:
    if element.tag == "list":
        return _list_text(element)
    if element.tag == "table":
        return _table_text(element)
    return _inline_text(element).strip()


def _body_text(body: Any) -> list[str]:
    blocks = [body.text.strip()] if body.text and body.text.strip() else []
    blocks.extend(text for text in (_block_text(child) for child in body) if text)
    return blocks


def extract_html_article(html: str) -> HtmlArticle:
    """The main text and metadata of the page `html`, or UnusableInput if it has none."""
    # Imported here: trafilatura and its lxml stack are only needed when a page is read.
    import trafilatura
    from trafilatura.settings import Document

    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        raise UnusableInput(f"malformed HTML: {error}") from None
    if not isinstance(document, Document) or document.body is None:
        raise UnusableInput(NO_TEXT)
    body = document.body
    title = (document.title or "").strip() or None
    blocks = _body_text(body)
    if blocks and title and blocks[0] == title:
        blocks = blocks[1:]  # the headline repeated as the first heading: it is the title
    text = "\n\n".join(blocks)
    if not text.strip():
        raise UnusableInput(NO_TEXT)
    lang_match = _HTML_LANG.search(html[:_HEAD_BYTES])
    return HtmlArticle(
        text=text,
        title=title,
        url=(document.url or "").strip() or None,
        published=normalise_date(document.date),
        lang=normalise_language_code(lang_match.group(1)) if lang_match else None,
    )
