"""Plain dataclasses passed between the stages of armstrace.

Nothing here imports spaCy, SQLAlchemy or any other stage: every stage is a plain function
from one of these types to another, so a batch engine can map it over documents unchanged.

    ingest.read_inputs(paths)      -> RawDocument | Rejection
    ingest.clean_document(raw)     -> CleanDocument
    extract.extract_report(clean)  -> ArticleReport (of TransferRecord with Evidence)
    store.Repository               <- all of the above
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Literal

Stage = Literal["requested", "planned", "delivered"]
Stance = Literal["asserted", "alleged", "denied"]

STAGES: tuple[Stage, ...] = ("requested", "planned", "delivered")
STANCES: tuple[Stance, ...] = ("asserted", "alleged", "denied")
MATERIEL_CATEGORIES: tuple[str, ...] = (
    "artillery_ammunition",
    "rockets",
    "ballistic_missiles",
    "cruise_missiles",
    "air_defense_missiles",
    "antitank_missiles",
    "missiles",
    "drones",
    "tanks",
    "armored_vehicles",
    "artillery_systems",
    "air_defense_systems",
    "aircraft",
    "helicopters",
    "naval_vessels",
    "small_arms",
    "small_arms_ammunition",
    "other_ammunition",
    "components",
    "unspecified",
)


@dataclass(frozen=True)
class RawDocument:
    """One article as read from an input, before any cleaning.

    `text` is the article's running text as the input gives it (for HTML, the main text that
    trafilatura extracted); evidence offsets into "the raw text" refer to this string.
    """

    id: str
    text: str
    source: str  # where it came from: a path, "path:line" for JSON Lines/CSV, or "<stdin>"
    title: str | None = None
    url: str | None = None
    published: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    lang: str | None = None  # language declared by the input, if any
    input_format: str = "txt"  # txt, md, html, jsonl, json, csv


@dataclass(frozen=True)
class Rejection:
    """An input that could not be used, and why. Recorded with the run, never only logged."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class OffsetMap:
    """Maps character offsets of the cleaned text back to the raw text.

    The cleaned text is a sequence of segments copied from the raw text, with inserted
    characters (a space between glued sentences, a paragraph break) between them. Each
    segment is `(clean_start, raw_start, length)`, sorted by `clean_start`. An offset that
    falls on an inserted character maps to the raw offset where the next segment starts.
    """

    segments: tuple[tuple[int, int, int], ...] = ()

    def to_raw(self, clean_offset: int) -> int:
        """Raw offset of the character at `clean_offset` (or of the end, for an end offset)."""
        if not self.segments:
            return clean_offset
        starts = [s[0] for s in self.segments]
        i = bisect.bisect_right(starts, clean_offset) - 1
        if i < 0:
            return self.segments[0][1]
        clean_start, raw_start, length = self.segments[i]
        if clean_offset <= clean_start + length:
            return raw_start + (clean_offset - clean_start)
        if i + 1 < len(self.segments):
            return self.segments[i + 1][1]
        return raw_start + length

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw `(start, end)` of the clean span `[start, end)`."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        raw_start = self.to_raw(start)
        # Map the last character, then step past it, so an end on a segment border stays
        # inside the segment that holds the span's text.
        raw_end = self.to_raw(end - 1) + 1
        return raw_start, max(raw_start, raw_end)


@dataclass(frozen=True)
class CleanDocument:
    """An article after junk removal, sentence un-gluing and language identification."""

    id: str
    raw_text: str
    text: str
    offsets: OffsetMap
    content_hash: str  # sha256 of the raw text with whitespace normalised
    source: str
    lang: str  # ISO 639-1 code, or "und" when unknown
    title: str | None = None
    url: str | None = None
    published: str | None = None
    input_format: str = "txt"
    removed_lines: int = 0  # how many junk lines the cleaner dropped


@dataclass(frozen=True)
class Evidence:
    """A sentence that supports a transfer, in the cleaned and in the raw text."""

    start: int
    end: int
    raw_start: int
    raw_end: int
    text: str
    rule_id: str  # the rule that used this sentence


@dataclass
class TransferRecord:
    """One transfer as one article reports it: the record of ../shared/spec/ANNOTATION.md."""

    supplier: str | None
    recipient: str | None
    materiel: str
    stage: Stage
    stance: Stance
    end_user: str | None = None
    origin: str | None = None
    via: list[str] = field(default_factory=list)
    detail: str | None = None
    quantity: int | None = None
    quantity_text: str | None = None
    claimed_by: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    event_date: str | None = None
    confidence: float = 0.5
    # field name -> ids of the rules that set it ("trigger", "supplier", "stage", ...)
    rule_ids: dict[str, list[str]] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        """The exported form: the schema's fields, then our own (evidence, rule ids)."""
        return {
            "supplier": self.supplier,
            "recipient": self.recipient,
            "end_user": self.end_user,
            "origin": self.origin,
            "via": list(self.via),
            "materiel": self.materiel,
            "detail": self.detail,
            "quantity": self.quantity,
            "quantity_text": self.quantity_text,
            "stage": self.stage,
            "stance": self.stance,
            "claimed_by": list(self.claimed_by),
            "denied_by": list(self.denied_by),
            "sources": list(self.sources),
            "event_date": self.event_date,
            "confidence": self.confidence,
            "rule_ids": {k: list(v) for k, v in self.rule_ids.items()},
            "evidence": [
                {
                    "start": e.start,
                    "end": e.end,
                    "raw_start": e.raw_start,
                    "raw_end": e.raw_end,
                    "text": e.text,
                    "rule_id": e.rule_id,
                }
                for e in self.evidence
            ],
        }


@dataclass
class ArticleReport:
    """Everything the extractor found in one article (possibly no transfer at all)."""

    document_id: str
    extractor_version: str
    transfers: list[TransferRecord] = field(default_factory=list)


@dataclass
class RunSummary:
    """What one `armstrace run` did; stored in the runs table."""

    run_id: int
    seen: int = 0
    stored: int = 0  # new or changed documents
    unchanged: int = 0  # same id and content already stored with the current extractor
    duplicates: int = 0  # same content already stored under another id
    transfers: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    transfers_updated: int = 0  # resolved transfers written or deleted (armstrace.resolve)


# -- Cross-article resolution (armstrace.resolve) ----------------------------------------------

Status = Literal["confirmed", "reported", "alleged", "contested", "denied"]
STATUSES: tuple[Status, ...] = ("confirmed", "reported", "alleged", "contested", "denied")


@dataclass
class Claim:
    """One article's report of a transfer, attached to the resolved transfer it supports."""

    document_id: str
    report_id: int  # row id of the per-article report
    stance: Stance
    stage: Stage
    claimed_by: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    quantity: int | None = None
    quantity_text: str | None = None
    event_date: str | None = None
    published: str | None = None  # the article's publication date
    title: str | None = None
    url: str | None = None
    lang: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    # The report's own view of the flow (added for `armstrace show` and the web app).
    supplier: str | None = None
    recipient: str | None = None
    end_user: str | None = None
    materiel: str | None = None
    detail: str | None = None
    via: list[str] = field(default_factory=list)
    origin: str | None = None
    position: int = 0  # order of the report within its article
    # Id of an earlier near-identical copy of this article among the transfer's claims
    # (a syndicated story), None when this article is the first or only copy.
    duplicate_of: str | None = None

    @classmethod
    def of_report(cls, report: StoredReport, duplicate_of: str | None = None) -> Claim:
        """The claim that one stored report makes, with its article's metadata."""
        record = report.record
        return cls(
            document_id=report.document_id,
            report_id=report.report_id,
            stance=record.stance,
            stage=record.stage,
            claimed_by=list(record.claimed_by),
            denied_by=list(record.denied_by),
            sources=list(record.sources),
            quantity=record.quantity,
            quantity_text=record.quantity_text,
            event_date=record.event_date,
            published=report.published,
            title=report.title,
            url=report.url,
            lang=report.lang,
            evidence=list(record.evidence),
            supplier=record.supplier,
            recipient=record.recipient,
            end_user=record.end_user,
            materiel=record.materiel,
            detail=record.detail,
            via=list(record.via),
            origin=record.origin,
            position=report.position,
            duplicate_of=duplicate_of,
        )


@dataclass
class Transfer:
    """One real-world flow, resolved from every article that reports it."""

    id: str  # stable: derived from the first report's key, see resolve/README.md
    supplier: str | None
    recipient: str | None
    materiel: str
    status: Status
    stage: Stage
    end_user: str | None = None
    stage_first_reported: dict[str, str | None] = field(default_factory=dict)  # stage -> date
    quantity_min: int | None = None
    quantity_max: int | None = None
    quantity_latest: int | None = None
    via: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    end_users: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    first_reported: str | None = None
    last_reported: str | None = None
    n_documents: int = 0
    n_sources: int = 0  # independent sources: syndicated copies of one story count once
    claims: list[Claim] = field(default_factory=list)
    # Added by armstrace.resolve: the grouping key and its parts (see resolve/README.md).
    family: str | None = None  # materiel family of the key (gazetteer.family_of)
    group_key: str | None = None  # "supplier|recipient-or-end-user|family", "?" for unknown
    n_claims: int = 0  # also known when `claims` was not loaded


@dataclass(frozen=True)
class TransferFilter:
    """Filters of `armstrace transfers` and `GET /api/transfers` (None means any)."""

    supplier: str | None = None
    recipient: str | None = None  # matches the recipient or the end user
    materiel: str | None = None  # a category, or a family ("missiles", "ammunition")
    status: str | None = None
    since: str | None = None  # first_reported/last_reported overlap [since, until]
    until: str | None = None


@dataclass(frozen=True)
class StoredReport:
    """A stored per-article report with what resolution needs of its article."""

    report_id: int
    document_id: str
    position: int
    record: TransferRecord
    published: str | None = None
    lang: str = "und"
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class TextSignature:
    """MinHash signature of an article's cleaned text, to find near-identical copies."""

    document_id: str
    content_hash: str  # of the text it was computed from: a changed article gets a new one
    lang: str
    minhash: tuple[int, ...]


@dataclass(frozen=True)
class ActorSummary:
    """An actor of the resolved transfers and how many it supplies and receives."""

    code: str
    supplied: int  # transfers with this supplier
    received: int  # transfers with this recipient or end user
    first_reported: str | None = None
    last_reported: str | None = None


@dataclass(frozen=True)
class Flow:
    """All resolved transfers from one supplier to one recipient, aggregated."""

    supplier: str | None
    recipient: str | None
    n_transfers: int
    n_documents: int  # summed over the transfers (an article reporting two counts twice)
    quantity: int | None  # sum of the latest stated quantities, None when none is stated
    statuses: dict[str, int] = field(default_factory=dict)
    materiel: dict[str, int] = field(default_factory=dict)
    first_reported: str | None = None  # earliest report day, YYYY-MM-DD
    last_reported: str | None = None
