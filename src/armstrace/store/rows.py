"""Conversions between table rows and the dataclasses of armstrace.models and store.records.

Pure functions without SQL: the repository runs the statements, these shape what goes in and
what comes out.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from armstrace.models import ArticleReport, CleanDocument, Evidence, OffsetMap, TransferRecord
from armstrace.store.records import RunRecord, StoredDocument

# The columns of `documents` that make a DocumentMeta: everything but the texts.
META_COLUMNS = (
    "id",
    "content_hash",
    "source",
    "input_format",
    "lang",
    "title",
    "url",
    "published",
    "removed_lines",
    "extractor_version",
    "first_run_id",
    "updated_run_id",
    "ingested_at",
)


def as_utc(value: datetime) -> datetime:
    """`value` in UTC: SQLite hands back naive datetimes, and all of ours were written in UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def meta_fields(row: sa.Row[Any]) -> dict[str, Any]:
    """The DocumentMeta fields of a `documents` row."""
    fields = {name: getattr(row, name) for name in META_COLUMNS}
    fields["ingested_at"] = as_utc(fields["ingested_at"])
    return fields


def document_row(
    clean: CleanDocument, report: ArticleReport, run_id: int, now: datetime
) -> dict[str, Any]:
    """The `documents` row of a cleaned document and the report made from it."""
    return {
        "id": clean.id,
        "content_hash": clean.content_hash,
        "source": clean.source,
        "input_format": clean.input_format,
        "title": clean.title,
        "url": clean.url,
        "published": clean.published,
        "lang": clean.lang,
        "raw_text": clean.raw_text,
        "clean_text": clean.text,
        "offset_map": [list(segment) for segment in clean.offsets.segments],
        "removed_lines": clean.removed_lines,
        "extractor_version": report.extractor_version,
        "first_run_id": run_id,
        "updated_run_id": run_id,
        "ingested_at": now,
    }


def stored_document_from_row(row: sa.Row[Any]) -> StoredDocument:
    """A full `documents` row as a StoredDocument."""
    return StoredDocument(
        **meta_fields(row),
        raw_text=row.raw_text,
        clean_text=row.clean_text,
        offsets=OffsetMap(tuple((int(a), int(b), int(c)) for a, b, c in row.offset_map)),
    )


def report_row(report: ArticleReport, position: int, transfer: TransferRecord) -> dict[str, Any]:
    """The `reports` row of the transfer at `position` in `report`."""
    return {
        "document_id": report.document_id,
        "position": position,
        "supplier": transfer.supplier,
        "recipient": transfer.recipient,
        "end_user": transfer.end_user,
        "origin": transfer.origin,
        "via": list(transfer.via),
        "materiel": transfer.materiel,
        "detail": transfer.detail,
        "quantity": transfer.quantity,
        "quantity_text": transfer.quantity_text,
        "stage": transfer.stage,
        "stance": transfer.stance,
        "claimed_by": list(transfer.claimed_by),
        "denied_by": list(transfer.denied_by),
        "sources": list(transfer.sources),
        "event_date": transfer.event_date,
        "confidence": transfer.confidence,
        "rule_ids": {name: list(ids) for name, ids in transfer.rule_ids.items()},
        "extractor_version": report.extractor_version,
    }


def evidence_row(
    document_id: str, report_id: int, position: int, evidence: Evidence
) -> dict[str, Any]:
    """The `evidence` row of one evidence sentence of a stored report."""
    return {
        "report_id": report_id,
        "document_id": document_id,
        "position": position,
        "start": evidence.start,
        "end": evidence.end,
        "raw_start": evidence.raw_start,
        "raw_end": evidence.raw_end,
        "text": evidence.text,
        "rule_id": evidence.rule_id,
    }


def evidence_from_row(row: sa.Row[Any]) -> Evidence:
    """An `evidence` row as Evidence."""
    return Evidence(
        start=row.start,
        end=row.end,
        raw_start=row.raw_start,
        raw_end=row.raw_end,
        text=row.text,
        rule_id=row.rule_id,
    )


def transfer_from_row(row: sa.Row[Any], evidence: list[Evidence]) -> TransferRecord:
    """A `reports` row, with its evidence, as the TransferRecord that was saved."""
    return TransferRecord(
        supplier=row.supplier,
        recipient=row.recipient,
        end_user=row.end_user,
        origin=row.origin,
        via=list(row.via),
        materiel=row.materiel,
        detail=row.detail,
        quantity=row.quantity,
        quantity_text=row.quantity_text,
        stage=row.stage,
        stance=row.stance,
        claimed_by=list(row.claimed_by),
        denied_by=list(row.denied_by),
        sources=list(row.sources),
        event_date=row.event_date,
        confidence=row.confidence,
        rule_ids={name: list(ids) for name, ids in row.rule_ids.items()},
        evidence=evidence,
    )


def run_from_row(row: sa.Row[Any]) -> RunRecord:
    """A `runs` row as a RunRecord."""
    return RunRecord(
        id=row.id,
        started_at=as_utc(row.started_at),
        finished_at=None if row.finished_at is None else as_utc(row.finished_at),
        argv=list(row.argv),
        inputs=list(row.inputs),
        extractor_version=row.extractor_version,
        seen=row.seen,
        stored=row.stored,
        unchanged=row.unchanged,
        duplicates=row.duplicates,
        transfers=row.transfers,
        rejected=row.rejected,
    )
