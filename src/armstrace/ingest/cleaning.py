"""Cleaning: from a RawDocument to the CleanDocument that the extractor reads.

Three passes, each a list of edits of the previous text (see `text_edits.py`):

1. markup (`markup.py`): Markdown links, bold markers, escapes and inline tags deleted;
2. layout (`layout.py`): boilerplate lines dropped, lines stripped, wrapped lines joined,
   paragraphs separated by one blank line, runs of spaces reduced to one;
3. glued sentences (`glued_sentences.py`): a space inserted in "Pyongyang.A defense".

Every character of the clean text is either copied from the raw text, and then the OffsetMap
gives its raw offset, or inserted (a space, a newline). Characters are never substituted:
curly apostrophes and quotes stay as they are, so that a clean span and its raw span read the
same. Matching code that wants "l'Ukraine" for "l’Ukraine" folds them itself; the replacement
has the same length, so offsets survive it.
"""

from __future__ import annotations

import hashlib

from armstrace.ingest.glued_sentences import find_glue_points
from armstrace.ingest.language import (
    SUPPORTED_LANGUAGES,
    detect_language,
    normalise_language_code,
)
from armstrace.ingest.layout import plan_layout
from armstrace.ingest.markup import find_markup_edits
from armstrace.ingest.text_edits import Edit, apply_edits, compose_segments
from armstrace.models import CleanDocument, OffsetMap, RawDocument


def compute_content_hash(text: str) -> str:
    """sha256 (hex) of `text` with whitespace runs collapsed to one space and the ends stripped.

    The same article wrapped or indented differently hashes the same.
    """
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def clean_text(raw_text: str) -> tuple[str, OffsetMap, int]:
    """The clean text of `raw_text`, its map back to the raw text and the junk lines dropped."""
    text, segments = apply_edits(raw_text, find_markup_edits(raw_text))
    plan = plan_layout(text)
    text, layout_segments = apply_edits(text, plan.edits)
    segments = compose_segments(layout_segments, segments)
    glue_points = find_glue_points(text)
    if glue_points:
        text, glue_segments = apply_edits(text, [Edit(p, p, " ") for p in glue_points])
        segments = compose_segments(glue_segments, segments)
    return text, OffsetMap(tuple(segments)), plan.removed_lines


def _choose_language(raw: RawDocument, text: str, override: str | None) -> str:
    if override:
        return normalise_language_code(override) or override
    declared = normalise_language_code(raw.lang)
    if declared in SUPPORTED_LANGUAGES:
        return declared
    return detect_language(text)


def clean_document(raw: RawDocument, *, lang: str | None = None) -> CleanDocument:
    """Clean `raw`: junk removed, sentences unglued, layout normalised, language identified.

    `lang` overrides both the language the input declares and detection.
    """
    text, offsets, removed = clean_text(raw.text)
    return CleanDocument(
        id=raw.id,
        raw_text=raw.text,
        text=text,
        offsets=offsets,
        content_hash=compute_content_hash(raw.text),
        source=raw.source,
        lang=_choose_language(raw, text, lang),
        title=raw.title,
        url=raw.url,
        published=raw.published,
        input_format=raw.input_format,
        removed_lines=removed,
    )


__all__ = ["clean_document", "clean_text", "compute_content_hash"]
