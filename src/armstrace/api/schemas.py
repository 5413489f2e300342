"""Response and request schemas of the JSON API, as OpenAPI shows them at `/openapi.json`.

The endpoints build plain dicts (`queries.py`, on top of `armstrace.export`); these models
document and check their shape. They allow extra keys, so a field added to the export shapes
reaches clients without a schema change here.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class EvidenceContext(_Open):
    before: str
    text: str
    after: str


class EvidenceSpan(_Open):
    """A sentence of the article, by character offsets in its clean and raw text."""

    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    rule_ids: list[str]
    context: EvidenceContext | None = Field(
        default=None, description="The sentence with the text around it (transfer detail only)"
    )


class ClaimOut(_Open):
    """One article's report of the transfer."""

    document_id: str
    title: str | None
    url: str | None
    published: str | None
    lang: str | None
    stance: str
    stage: str
    claimed_by: list[str]
    denied_by: list[str]
    sources: list[str]
    quantity: int | None
    quantity_text: str | None
    duplicate_of: str | None
    evidence: list[EvidenceSpan]


class Quantity(BaseModel):
    min: int | None
    max: int | None
    latest: int | None


class TransferOut(_Open):
    """A resolved transfer (the objects of `armstrace transfers --json`, claims aside).

    Listings carry `claims` only with include_claims=true; `n_claims` always says how many.
    """

    id: str
    supplier: str | None
    supplier_name: str | None
    recipient: str | None
    recipient_name: str | None
    end_user: str | None
    materiel: str
    status: str
    stage: str
    quantity: Quantity
    n_documents: int
    n_sources: int
    n_claims: int
    first_reported: str | None
    last_reported: str | None


class TransferDetail(TransferOut):
    """A transfer with every claim, each evidence sentence with its context."""

    claims: list[ClaimOut]
    stances: dict[str, int] = Field(description="How many claims assert, allege and deny it")


class TransferPage(BaseModel):
    total: int = Field(description="How many transfers match the filter, over all pages")
    limit: int
    offset: int
    sort: str
    filter: dict[str, str | None]
    transfers: list[TransferOut]


class ActorOut(BaseModel):
    code: str
    name: str
    kind: str = Field(description="state, alliance or group (armed groups and companies)")
    lon: float | None
    lat: float | None
    home: str | None = Field(description="The state whose point a non-state actor is drawn at")
    numeric: str | None = Field(description="ISO 3166-1 numeric code (ids of the bundled map)")
    supplied: int
    received: int
    first_reported: str | None = None
    last_reported: str | None = None


class FlowOut(_Open):
    supplier: str
    recipient: str
    n_transfers: int
    n_documents: int
    quantity: int | None = Field(description="Sum of the latest stated quantities")
    statuses: dict[str, int]
    materiel: dict[str, int]
    first_reported: str | None
    last_reported: str | None


class FlowGraph(BaseModel):
    filter: dict[str, str | None]
    nodes: list[ActorOut]
    flows: list[FlowOut]
    unknown_party: int = Field(description="Transfers left out: supplier or recipient unknown")


class ReportOut(_Open):
    position: int
    transfer_id: str | None
    supplier: str | None
    recipient: str | None
    materiel: str
    stage: str
    stance: str
    evidence: list[EvidenceSpan]


class Highlight(BaseModel):
    start: int
    end: int
    reports: list[int] = Field(description="Positions of the reports this span is evidence for")


class DocumentOut(BaseModel):
    id: str
    title: str | None
    url: str | None
    published: str | None
    lang: str
    source: str
    input_format: str
    ingested_at: str
    text: str = Field(description="The cleaned text; evidence offsets refer to it")
    reports: list[ReportOut]
    highlights: list[Highlight]


class IngestText(BaseModel):
    """A text to ingest, as JSON (files go as multipart/form-data with a `file` part)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    id: str | None = Field(default=None, description="Default: derived from the text")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    lang: str | None = Field(default=None, description="fr, en, de or es; detected if absent")


class IngestedDocument(BaseModel):
    id: str
    state: str = Field(description="new, changed, stale, unchanged or duplicate")


class Rejected(BaseModel):
    source: str
    reason: str


class IngestResult(BaseModel):
    run_id: int
    documents: list[IngestedDocument]
    rejections: list[Rejected]
    transfer_reports: int
    transfers_updated: int


class ErrorOut(BaseModel):
    detail: str
