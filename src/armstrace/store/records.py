"""Plain dataclasses that the repository returns: what is stored, read back without SQL types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from armstrace.models import OffsetMap

# What storing a document would do, as `Repository.document_state` tells it:
#   new        no document has this id or this content
#   unchanged  same id and content, extracted by the current extractor version: skip it
#   stale      same id and content, extracted by an older extractor version: re-extract it
#   changed    same id, different content: re-extract and replace it
#   duplicate  this content is stored under another id: skip it
DocumentState = Literal["new", "unchanged", "changed", "duplicate", "stale"]


@dataclass(frozen=True)
class DocumentMeta:
    """A stored document without its texts: cheap to list by the thousand."""

    id: str
    content_hash: str
    source: str
    input_format: str
    lang: str
    title: str | None
    url: str | None
    published: str | None
    removed_lines: int
    extractor_version: str
    first_run_id: int
    updated_run_id: int
    ingested_at: datetime


@dataclass(frozen=True)
class StoredDocument(DocumentMeta):
    """A stored document with its raw and cleaned texts and the map between them."""

    raw_text: str
    clean_text: str
    offsets: OffsetMap


@dataclass(frozen=True)
class RunRecord:
    """One stored `armstrace run`: its inputs and counters (`finished_at` is None while running)."""

    id: int
    started_at: datetime
    finished_at: datetime | None
    argv: list[str]
    inputs: list[str]
    extractor_version: str
    seen: int
    stored: int
    unchanged: int
    duplicates: int
    transfers: int
    rejected: int


@dataclass(frozen=True)
class StoreStats:
    """Counts over the whole database, for `armstrace stats` and the API's meta page."""

    documents: int
    by_language: dict[str, int]
    reports: int  # transfer records
    documents_with_transfers: int
    runs: int
    rejected: int  # rejected inputs over all runs
    last_run: RunRecord | None

    def to_dict(self) -> dict[str, Any]:
        """Plain counts for `armstrace stats --json` and the API."""
        last = self.last_run
        return {
            "documents": self.documents,
            "languages": dict(self.by_language),
            "transfer_reports": self.reports,
            "documents_with_transfers": self.documents_with_transfers,
            "runs": self.runs,
            "rejected_inputs": self.rejected,
            "last_run": None
            if last is None
            else {
                "id": last.id,
                "started_at": last.started_at.isoformat(),
                "finished_at": last.finished_at.isoformat() if last.finished_at else None,
                "seen": last.seen,
                "stored": last.stored,
                "unchanged": last.unchanged,
                "duplicates": last.duplicates,
                "transfers": last.transfers,
                "rejected": last.rejected,
            },
        }
