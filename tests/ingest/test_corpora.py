"""The real inputs in ../shared: seeds, development articles and corpora, read as they are.

Skipped where ../shared is absent (the product must run without it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from armstrace.ingest import clean_document, read_inputs
from armstrace.models import CleanDocument, RawDocument, Rejection

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
WRITTEN = SHARED / "dev" / "written"
CORPUS = SHARED / "corpus"
JUNK_MARKERS = ("[ad_1]", "[ad_2]", "A LIRE AUSSI", "REGARDER |", "Source link")

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not available")


def read_documents(path: Path) -> list[RawDocument]:
    items = list(read_inputs([str(path)]))
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert rejections == []
    return [item for item in items if isinstance(item, RawDocument)]


def clean_all(path: Path) -> Iterator[CleanDocument]:
    for document in read_documents(path):
        yield clean_document(document)


def test_seeds_are_read_cleaned_and_keep_their_ids() -> None:
    cleaned = {document.id: document for document in clean_all(SEEDS)}

    assert sorted(cleaned) == ["000_8c2f83ac9d879c15", "001_03a66a4b2797f454"]
    for document in cleaned.values():
        assert document.lang == "fr"
        assert not any(marker in document.text for marker in JUNK_MARKERS)
    assert cleaned["001_03a66a4b2797f454"].removed_lines == 7
    assert cleaned["001_03a66a4b2797f454"].title is not None


def test_seed_paragraphs_map_back_to_raw_paragraphs_with_the_same_words() -> None:
    for document in clean_all(SEEDS):
        for paragraph in re.finditer(r"[^\n]+", document.text):
            raw_start, raw_end = document.offsets.span_to_raw(paragraph.start(), paragraph.end())
            raw_span = document.raw_text[raw_start:raw_end]
            assert raw_span.split() == paragraph.group().split()


def test_written_dev_articles_lose_their_junk_and_keep_their_content() -> None:
    for document in clean_all(WRITTEN):
        assert not any(marker in document.text for marker in JUNK_MARKERS), document.id
        assert "cookies" not in document.text.lower(), document.id
        # Every clean paragraph is the same characters as its raw span, give or take spaces.
        for paragraph in re.finditer(r"[^\n]+", document.text):
            raw_start, raw_end = document.offsets.span_to_raw(paragraph.start(), paragraph.end())
            raw_span = document.raw_text[raw_start:raw_end]
            assert "".join(raw_span.split()) == "".join(paragraph.group().split()), document.id
    languages = {document.id[:2]: document.lang for document in clean_all(WRITTEN)}
    assert languages == {"de": "de", "en": "en", "fr": "fr"}


@pytest.mark.parametrize(("name", "count"), [("wikinews_2019", 171), ("wikinews_2020", 124)])
def test_wikinews_csv_records_are_numbered(name: str, count: int) -> None:
    documents = read_documents(CORPUS / f"{name}.csv")

    assert len(documents) == count
    assert documents[0].id == f"{name}-1"
    assert documents[-1].id == f"{name}-{count}"
    assert all(document.published and document.url for document in documents)


@pytest.mark.slow
def test_reuters_corpus_streams_every_story() -> None:
    documents = read_documents(CORPUS / "reuters21578.jsonl.gz")

    assert len(documents) == 19_043
    assert len({document.id for document in documents}) == 19_043
    assert documents[0].published == "1987-02-26"


@pytest.mark.slow
def test_white_house_corpus_streams_14323_documents_with_unique_ids() -> None:
    ids: set[str] = set()
    count = 0
    for item in read_inputs([str(CORPUS / "wh_briefings.jsonl.gz")]):
        assert isinstance(item, RawDocument), item
        count += 1
        ids.add(item.id)

    assert count == 14_323
    assert len(ids) == 14_323
    assert any("/" in document_id for document_id in ids)
