"""Export formats of stored reports: the per-article record of transfers.schema.json, and CSV."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from armstrace.store import Repository

CSV_COLUMNS = [
    "article_id",
    "published",
    "url",
    "supplier",
    "recipient",
    "end_user",
    "origin",
    "via",
    "materiel",
    "detail",
    "quantity",
    "quantity_text",
    "stage",
    "stance",
    "claimed_by",
    "denied_by",
    "sources",
    "event_date",
    "confidence",
    "evidence",
    "rule_ids",
]


def iter_records(repo: Repository) -> Iterator[dict[str, Any]]:
    """One record per stored article, articles without transfers included."""
    for meta, transfers in repo.iter_reports():
        yield {
            "id": meta.id,
            "lang": meta.lang,
            "url": meta.url,
            "published": meta.published,
            "title": meta.title,
            "transfers": [t.to_record() for t in transfers],
        }


def iter_csv_rows(repo: Repository) -> Iterator[dict[str, Any]]:
    """One flat row per transfer; list fields joined with `;`, evidence as its sentences."""
    for meta, transfers in repo.iter_reports():
        for transfer in transfers:
            record = transfer.to_record()
            row: dict[str, Any] = {"article_id": meta.id, "published": meta.published}
            row["url"] = meta.url
            for key in CSV_COLUMNS[3:]:
                value = record.get(key)
                if key == "evidence":
                    value = " | ".join(e["text"] for e in record["evidence"])
                elif key == "rule_ids":
                    value = ";".join(
                        sorted({r for ids in record["rule_ids"].values() for r in ids})
                    )
                elif isinstance(value, list):
                    value = ";".join(value)
                row[key] = value
            yield row
