"""A builder of the stored reports that the pure resolution tests feed to the resolver."""

from __future__ import annotations

from typing import Any

from armstrace.models import Stage, Stance, StoredReport, TransferRecord

_next_id = iter(range(1, 1_000_000))


def stored_report(
    document_id: str,
    published: str | None = "2024-03-05",
    *,
    supplier: str | None = "DEU",
    recipient: str | None = "UKR",
    materiel: str = "artillery_systems",
    quantity: int | None = None,
    stage: Stage = "delivered",
    stance: Stance = "asserted",
    claimed_by: tuple[str, ...] = (),
    denied_by: tuple[str, ...] = (),
    position: int = 0,
    lang: str = "en",
    **extra: Any,
) -> StoredReport:
    """One article's report of a transfer, as the store hands it to resolution."""
    return StoredReport(
        report_id=next(_next_id),
        document_id=document_id,
        position=position,
        record=TransferRecord(
            supplier=supplier,
            recipient=recipient,
            materiel=materiel,
            stage=stage,
            stance=stance,
            quantity=quantity,
            claimed_by=list(claimed_by),
            denied_by=list(denied_by),
            **extra,
        ),
        published=published,
        lang=lang,
        title=f"Title of {document_id}",
    )
