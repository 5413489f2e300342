"""Conversions between `transfers`/`claims` rows and the Transfer and Claim dataclasses.

Pure functions without SQL, like `rows.py` for documents and reports.
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from armstrace.models import Claim, Evidence, StoredReport, Transfer
from armstrace.store import rows

# Columns of `transfers` that resolution decides; the rest (resolver version, time) are
# bookkeeping. Two rows equal on these describe the same transfer.
CONTENT_COLUMNS = (
    "group_key",
    "family",
    "supplier",
    "recipient",
    "end_user",
    "materiel",
    "status",
    "stage",
    "stage_first_reported",
    "quantity_min",
    "quantity_max",
    "quantity_latest",
    "via",
    "origins",
    "end_users",
    "details",
    "first_reported",
    "last_reported",
    "first_day",
    "last_day",
    "n_documents",
    "n_sources",
    "n_claims",
)

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def day_bounds(value: str | None) -> tuple[str, str] | None:
    """First and last day (YYYY-MM-DD) of a partial ISO date, or None if unreadable.

    The resolve stage has the same notion of a period; the store keeps its own few lines
    because it may depend on nothing but `armstrace.models`.
    """
    match = _PARTIAL_DATE.match(value.strip()) if value else None
    if match is None:
        return None
    year, month_text, day_text = match.groups()
    try:
        if month_text is None:
            return f"{year}-01-01", f"{year}-12-31"
        month = int(month_text)
        if not 1 <= month <= 12:
            return None
        if day_text is None:
            last = calendar.monthrange(int(year), month)[1]
            return f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last:02d}"
        day = datetime(int(year), month, int(day_text)).date().isoformat()
    except ValueError:
        return None
    return day, day


def transfer_row(
    transfer: Transfer, resolver_version: str, resolved_at: datetime
) -> dict[str, Any]:
    """The `transfers` row of a resolved transfer."""
    if not transfer.group_key or not transfer.family:
        raise ValueError(f"transfer {transfer.id} has no group key: resolve it first")
    first = day_bounds(transfer.first_reported)
    last = day_bounds(transfer.last_reported)
    return {
        "id": transfer.id,
        "group_key": transfer.group_key,
        "family": transfer.family,
        "supplier": transfer.supplier,
        "recipient": transfer.recipient,
        "end_user": transfer.end_user,
        "materiel": transfer.materiel,
        "status": transfer.status,
        "stage": transfer.stage,
        "stage_first_reported": dict(transfer.stage_first_reported),
        "quantity_min": transfer.quantity_min,
        "quantity_max": transfer.quantity_max,
        "quantity_latest": transfer.quantity_latest,
        "via": list(transfer.via),
        "origins": list(transfer.origins),
        "end_users": list(transfer.end_users),
        "details": list(transfer.details),
        "first_reported": transfer.first_reported,
        "last_reported": transfer.last_reported,
        "first_day": None if first is None else first[0],
        "last_day": None if last is None else last[1],
        "n_documents": transfer.n_documents,
        "n_sources": transfer.n_sources,
        "n_claims": len(transfer.claims),
        "resolver_version": resolver_version,
        "resolved_at": resolved_at,
    }


def claim_rows(transfer: Transfer) -> list[dict[str, Any]]:
    """The `claims` rows that link a transfer to its reports."""
    return [
        {
            "report_id": claim.report_id,
            "transfer_id": transfer.id,
            "document_id": claim.document_id,
            "duplicate_of": claim.duplicate_of,
        }
        for claim in transfer.claims
    ]


def content_of(row: dict[str, Any] | sa.Row[Any]) -> dict[str, Any]:
    """The resolution-decided part of a `transfers` row, to tell whether it changed."""
    mapping = row if isinstance(row, dict) else row._mapping
    return {name: mapping[name] for name in CONTENT_COLUMNS}


def transfer_from_row(row: sa.Row[Any], claims: list[Claim] | None = None) -> Transfer:
    """A `transfers` row (with its claims, when loaded) as a Transfer."""
    return Transfer(
        id=row.id,
        supplier=row.supplier,
        recipient=row.recipient,
        materiel=row.materiel,
        status=row.status,
        stage=row.stage,
        end_user=row.end_user,
        stage_first_reported=dict(row.stage_first_reported),
        quantity_min=row.quantity_min,
        quantity_max=row.quantity_max,
        quantity_latest=row.quantity_latest,
        via=list(row.via),
        origins=list(row.origins),
        end_users=list(row.end_users),
        details=list(row.details),
        first_reported=row.first_reported,
        last_reported=row.last_reported,
        n_documents=row.n_documents,
        n_sources=row.n_sources,
        claims=claims if claims is not None else [],
        family=row.family,
        group_key=row.group_key,
        n_claims=row.n_claims,
    )


def stored_report_from_row(row: sa.Row[Any], evidence: list[Evidence]) -> StoredReport:
    """A `reports` row joined with its document's metadata as a StoredReport."""
    return StoredReport(
        report_id=row.id,
        document_id=row.document_id,
        position=row.position,
        record=rows.transfer_from_row(row, evidence),
        published=row.doc_published,
        lang=row.doc_lang,
        title=row.doc_title,
        url=row.doc_url,
    )


def claim_from_row(row: sa.Row[Any], evidence: list[Evidence]) -> Claim:
    """A `claims` row joined with its report and document as a Claim."""
    return Claim.of_report(stored_report_from_row(row, evidence), row.duplicate_of)
