"""Multi-article fixtures: the stories of examples/resolution/stories.jsonl with hand-made reports.

The texts are the example articles; the reports are written here by hand (what a perfect
extractor would store), so the resolution tests do not depend on the extractor. Each story
function returns `(CleanDocument, ArticleReport)` pairs ready for `Repository.save_articles`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from armstrace.ingest import compute_content_hash
from armstrace.models import (
    ArticleReport,
    CleanDocument,
    Evidence,
    OffsetMap,
    Stage,
    Stance,
    StoredReport,
    TransferRecord,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "resolution"
STORIES_FILE = EXAMPLES / "stories.jsonl"
EXTRACTOR_VERSION = "hand-1"

Article = tuple[CleanDocument, ArticleReport]


def load_records() -> dict[str, dict[str, Any]]:
    """The example articles by id."""
    with STORIES_FILE.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    return {record["id"]: record for record in records}


def document(doc_id: str, **changes: Any) -> CleanDocument:
    """The example article `doc_id` as a cleaned document (its text kept as it is)."""
    record = {**load_records()[doc_id], **changes}
    text = record["text"]
    return CleanDocument(
        id=record["id"],
        raw_text=text,
        text=text,
        offsets=OffsetMap(((0, 0, len(text)),)),
        content_hash=compute_content_hash(text),
        source=f"examples/resolution/stories.jsonl:{record['id']}",
        lang=record["lang"],
        title=record.get("title"),
        url=record.get("url"),
        published=record.get("published"),
        input_format="jsonl",
    )


def record(
    doc: CleanDocument,
    sentence_start: str,
    *,
    supplier: str | None,
    recipient: str | None,
    materiel: str,
    stage: Stage = "delivered",
    stance: Stance = "asserted",
    quantity: int | None = None,
    claimed_by: tuple[str, ...] = (),
    denied_by: tuple[str, ...] = (),
    **extra: Any,
) -> TransferRecord:
    """A transfer record whose evidence is the sentence of `doc` starting with `sentence_start`."""
    start = doc.text.index(sentence_start)
    full_stop, line_end = doc.text.find(". ", start), doc.text.find("\n", start)
    ends = [len(doc.text), full_stop + 1 if full_stop >= 0 else len(doc.text)]
    end = min(ends + ([line_end] if line_end >= 0 else []))
    evidence = Evidence(start, end, start, end, doc.text[start:end], "hand.sentence")
    return TransferRecord(
        supplier=supplier,
        recipient=recipient,
        materiel=materiel,
        stage=stage,
        stance=stance,
        quantity=quantity,
        quantity_text=None if quantity is None else str(quantity),
        claimed_by=list(claimed_by),
        denied_by=list(denied_by),
        evidence=[evidence],
        **extra,
    )


def article(doc: CleanDocument, *records: TransferRecord) -> Article:
    """A document with its report."""
    return doc, ArticleReport(doc.id, EXTRACTOR_VERSION, list(records))


def allegation_denial_confirmation() -> list[Article]:
    """Belarus → Russia shells: alleged by the US, denied by Belarus, confirmed by Belarus."""
    flow = {"supplier": "BLR", "recipient": "RUS", "materiel": "artillery_ammunition"}
    a1 = document("res-a1-us-alleges-belarus-shells")
    a2 = document("res-a2-belarus-denies-shells")
    a3 = document("res-a3-belarus-confirms-shells")
    return [
        article(
            a1, record(a1, "The United States said", stance="alleged", claimed_by=("USA",), **flow)
        ),
        article(
            a2, record(a2, "Belarus on Friday denied", stance="denied", denied_by=("BLR",), **flow)
        ),
        article(a3, record(a3, "Belarus has delivered", claimed_by=("BLR",), **flow)),
    ]


def syndicated_story() -> list[Article]:
    """Norway → Ukraine NASAMS: one wire story in three copies, and one independent report."""
    flow = {
        "supplier": "NOR",
        "recipient": "UKR",
        "materiel": "air_defense_systems",
        "stage": "planned",
        "quantity": 2,
        "claimed_by": ("NOR",),
    }
    copies = ["res-b1-wire-norway-nasams", "res-b2-portal-norway-nasams"]
    copies.append("res-b3-aggregator-norway-nasams")
    articles = []
    for doc_id in copies:
        doc = document(doc_id)
        articles.append(article(doc, record(doc, "OSLO, March 4", **flow)))
    independent = document("res-b4-kyiv-welcomes-nasams")
    articles.append(article(independent, record(independent, "Norway has pledged", **flow)))
    return articles


def two_tranches() -> list[Article]:
    """Germany → Ukraine howitzers: 12 in March (reported twice), 8 more in September."""
    flow = {"supplier": "DEU", "recipient": "UKR", "materiel": "artillery_systems"}
    c1 = document("res-c1-germany-12-howitzers")
    c2 = document("res-c2-ukraine-receives-howitzers")
    c3 = document("res-c3-germany-8-more-howitzers")
    return [
        article(
            c1, record(c1, "Germany has delivered 12", quantity=12, claimed_by=("DEU",), **flow)
        ),
        article(
            c2, record(c2, "Ukraine has received 12", quantity=12, claimed_by=("UKR",), **flow)
        ),
        article(
            c3, record(c3, "Germany has delivered eight", quantity=8, claimed_by=("DEU",), **flow)
        ),
    ]


def translated_story() -> list[Article]:
    """Italy → Ukraine SAMP/T: an English story and its French translation."""
    flow = {"supplier": "ITA", "recipient": "UKR", "materiel": "air_defense_systems"}
    d1 = document("res-d1-italy-samp-t")
    d2 = document("res-d2-italie-samp-t")
    return [
        article(d1, record(d1, "Italy has sent", claimed_by=("ITA",), **flow)),
        article(d2, record(d2, "L'Italie a envoyé", claimed_by=("ITA",), **flow)),
    ]


def stored(articles: list[Article]) -> list[StoredReport]:
    """The articles' reports as the store would hand them to resolution (ids 1, 2, …)."""
    reports: list[StoredReport] = []
    for doc, report in articles:
        for position, transfer in enumerate(report.transfers):
            reports.append(
                StoredReport(
                    report_id=len(reports) + 1,
                    document_id=doc.id,
                    position=position,
                    record=transfer,
                    published=doc.published,
                    lang=doc.lang,
                    title=doc.title,
                    url=doc.url,
                )
            )
    return reports
