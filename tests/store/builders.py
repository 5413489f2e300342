"""Small builders of the stage dataclasses that the storage tests save and read back."""

from __future__ import annotations

from armstrace.ingest import compute_content_hash
from armstrace.models import ArticleReport, CleanDocument, Evidence, OffsetMap, TransferRecord

EXTRACTOR_VERSION = "test-1"


def make_document(
    doc_id: str,
    raw_text: str | None = None,
    *,
    lang: str = "en",
    title: str | None = None,
) -> CleanDocument:
    """A cleaned document whose clean text drops the raw text's first line (a scraper banner)."""
    body = f"Article {doc_id}. Germany delivered 12 howitzers to Ukraine.\nSecond paragraph."
    raw = raw_text if raw_text is not None else f"[ad_1]\n{body}"
    banner_end = raw.index("\n") + 1 if "\n" in raw else 0
    clean = raw[banner_end:]
    return CleanDocument(
        id=doc_id,
        raw_text=raw,
        text=clean,
        offsets=OffsetMap(((0, banner_end, len(clean)),)),
        content_hash=compute_content_hash(raw),
        source=f"/data/{doc_id}.txt",
        lang=lang,
        title=title if title is not None else f"Title of {doc_id}",
        url=f"https://news.example/{doc_id}",
        published="2024-03-05",
        input_format="txt",
        removed_lines=1 if banner_end else 0,
    )


def make_transfer(
    document: CleanDocument,
    *,
    supplier: str | None = "DEU",
    recipient: str | None = "UKR",
    materiel: str = "artillery_systems",
    quantity: int | None = 12,
) -> TransferRecord:
    """A delivered transfer with one evidence sentence: the first sentence of the clean text."""
    sentence_end = document.text.index(".") + 1
    raw_start, raw_end = document.offsets.span_to_raw(0, sentence_end)
    return TransferRecord(
        supplier=supplier,
        recipient=recipient,
        materiel=materiel,
        stage="delivered",
        stance="asserted",
        via=["POL"],
        detail="PzH 2000",
        quantity=quantity,
        quantity_text=None if quantity is None else str(quantity),
        claimed_by=["DEU"],
        denied_by=[],
        sources=["Bundeswehr"],
        event_date="2024-03",
        confidence=0.75,
        rule_ids={"trigger": ["transfer.deliver.verb.v1"], "supplier": ["role.nsubj.v1"]},
        evidence=[
            Evidence(
                start=0,
                end=sentence_end,
                raw_start=raw_start,
                raw_end=raw_end,
                text=document.text[:sentence_end],
                rule_id=rule_id,
            )
            for rule_id in ("transfer.deliver.verb.v1", "role.nsubj.v1")
        ],
    )


def make_article(
    doc_id: str,
    transfers: int = 1,
    *,
    raw_text: str | None = None,
    lang: str = "en",
    extractor_version: str = EXTRACTOR_VERSION,
) -> tuple[CleanDocument, ArticleReport]:
    """A document and its report with `transfers` transfer records (suppliers differ)."""
    document = make_document(doc_id, raw_text, lang=lang)
    suppliers = ["DEU", "FRA", "USA", "GBR", "POL"]
    records = [
        make_transfer(document, supplier=suppliers[i % len(suppliers)], quantity=12 + i)
        for i in range(transfers)
    ]
    return document, ArticleReport(doc_id, extractor_version, records)
