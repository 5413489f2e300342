"""The read queries of the web app: one function per page, shared by the page and its JSON twin.

Every HTML page renders (or its script fetches) exactly what the matching `/api/...` endpoint
returns, so the two can never disagree. Functions take an open `Repository` and return plain
JSON-ready dicts built with `armstrace.export`, the same shapes `armstrace transfers --json`
prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from typing import Any

from armstrace.api.highlight import Piece, Span, split_highlights
from armstrace.api.places import Place, place_of
from armstrace.export import (
    claim_to_dict,
    evidence_in_context,
    evidence_spans,
    report_fields,
    transfer_to_dict,
)
from armstrace.models import STATUSES, Claim, Transfer, TransferFilter
from armstrace.store import Repository, StoredDocument
from armstrace.store.transfer_queries import DEFAULT_SORT, SORT_COLUMNS

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
SORT_NAMES = tuple(SORT_COLUMNS)
# Characters of the article shown either side of an evidence sentence on a transfer page.
CONTEXT_WIDTH = 280

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class QueryError(ValueError):
    """A query parameter the app cannot use; the message names the parameter."""


@dataclass(frozen=True)
class TransferQuery:
    """Filters, sort and page of a transfers listing, as given in a query string."""

    selection: TransferFilter = TransferFilter()
    sort: str = DEFAULT_SORT
    limit: int = DEFAULT_PAGE_SIZE
    offset: int = 0

    def params(self, **changes: Any) -> dict[str, str]:
        """The query string of this listing (only what differs from the defaults)."""
        query = replace(self, **changes) if changes else self
        params = {
            f.name: str(getattr(query.selection, f.name))
            for f in fields(TransferFilter)
            if getattr(query.selection, f.name)
        }
        if query.sort != DEFAULT_SORT:
            params["sort"] = query.sort
        if query.limit != DEFAULT_PAGE_SIZE:
            params["limit"] = str(query.limit)
        if query.offset:
            params["offset"] = str(query.offset)
        return params


def make_selection(
    *,
    supplier: str | None = None,
    recipient: str | None = None,
    materiel: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> TransferFilter:
    """A TransferFilter from query parameters; blank values mean "any"; bad ones raise."""

    def clean(value: str | None) -> str | None:
        value = (value or "").strip()
        return value or None

    selection = TransferFilter(
        supplier=clean(supplier),
        recipient=clean(recipient),
        materiel=clean(materiel.lower() if materiel else None),
        status=clean(status.lower() if status else None),
        since=clean(since),
        until=clean(until),
    )
    if selection.status and selection.status not in STATUSES:
        raise QueryError(f"status: {selection.status!r} is not one of {', '.join(STATUSES)}")
    for name in ("since", "until"):
        value = getattr(selection, name)
        if value and not _DATE.match(value):
            raise QueryError(f"{name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return selection


def make_query(
    selection: TransferFilter, sort: str | None, limit: int, offset: int
) -> TransferQuery:
    """A TransferQuery with a checked sort name and page bounds."""
    sort = (sort or DEFAULT_SORT).strip()
    if sort.lstrip("-+") not in SORT_COLUMNS:
        raise QueryError(
            f"sort: {sort!r} is not one of {', '.join(SORT_NAMES)} (prefix - to reverse)"
        )
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise QueryError(f"limit: must be between 1 and {MAX_PAGE_SIZE}")
    if offset < 0:
        raise QueryError("offset: must not be negative")
    return TransferQuery(selection=selection, sort=sort, limit=limit, offset=offset)


def filter_dict(selection: TransferFilter) -> dict[str, str | None]:
    """The filter as JSON, every field present."""
    return {f.name: getattr(selection, f.name) for f in fields(TransferFilter)}


def _names(data: dict[str, Any]) -> dict[str, Any]:
    for role in ("supplier", "recipient", "end_user"):
        code = data.get(role)
        data[f"{role}_name"] = place_of(code).name if code else None
    return data


def transfer_json(transfer: Transfer, *, with_claims: bool) -> dict[str, Any]:
    """A transfer as the API shows it: `export.transfer_to_dict` plus readable actor names."""
    data = _names(transfer_to_dict(transfer))
    if not with_claims:
        # An empty list would read as "no claims"; `n_claims` tells how many there are.
        del data["claims"]
    return data


def transfer_page(repo: Repository, query: TransferQuery, *, with_claims: bool) -> dict[str, Any]:
    """One page of matching transfers with the total, for the table and `GET /api/transfers`."""
    store = repo.transfers
    try:
        total = store.count_transfers(query.selection)
        found = store.list_transfers(
            query.selection,
            sort=query.sort,
            limit=query.limit,
            offset=query.offset,
            with_claims=with_claims,
        )
    except ValueError as error:  # a date the store cannot read
        raise QueryError(str(error)) from error
    return {
        "total": total,
        "limit": query.limit,
        "offset": query.offset,
        "sort": query.sort,
        "filter": filter_dict(query.selection),
        "transfers": [transfer_json(t, with_claims=with_claims) for t in found],
    }


def count_matching(repo: Repository, selection: TransferFilter) -> int:
    """How many transfers match; raises QueryError for a filter the store cannot use."""
    try:
        return repo.transfers.count_transfers(selection)
    except ValueError as error:
        raise QueryError(str(error)) from error


def iter_transfers_for_export(repo: Repository, selection: TransferFilter) -> Iterator[Transfer]:
    """Every matching transfer with its claims, in id order, read in batches."""
    try:
        yield from repo.transfers.iter_transfers(selection, with_claims=True)
    except ValueError as error:
        raise QueryError(str(error)) from error


def _claim_json(claim: Claim, document: StoredDocument | None) -> dict[str, Any]:
    data = claim_to_dict(claim)
    data["claimed_by_names"] = [place_of(code).name for code in claim.claimed_by]
    data["denied_by_names"] = [place_of(code).name for code in claim.denied_by]
    for span in data["evidence"]:
        if document is None:
            span["context"] = None
            continue
        before, text, after = evidence_in_context(
            document.clean_text, span["start"], span["end"], CONTEXT_WIDTH
        )
        span["context"] = {"before": before, "text": text, "after": after}
    return data


def transfer_detail(repo: Repository, transfer_id: str) -> dict[str, Any] | None:
    """One transfer with every claim, each evidence sentence in its article's context."""
    transfer = repo.transfers.get_transfer(transfer_id)
    if transfer is None:
        return None
    data = transfer_json(transfer, with_claims=False)
    documents: dict[str, StoredDocument | None] = {}
    for claim in transfer.claims:
        if claim.document_id not in documents:
            documents[claim.document_id] = repo.get_document(claim.document_id)
    data["claims"] = [_claim_json(c, documents[c.document_id]) for c in transfer.claims]
    data["stances"] = {
        stance: sum(1 for c in transfer.claims if c.stance == stance)
        for stance in ("asserted", "alleged", "denied")
    }
    return data


def document_detail(repo: Repository, document_id: str) -> dict[str, Any] | None:
    """A stored article: its clean text, its reports and every evidence span in it."""
    document = repo.get_document(document_id)
    if document is None:
        return None
    records = repo.get_transfers(document_id)
    transfer_of_position = _transfer_ids_by_position(repo, document_id)
    reports = []
    highlights: dict[tuple[int, int], list[int]] = {}
    for position, record in enumerate(records):
        spans = evidence_spans(record.evidence)
        for span in spans:
            highlights.setdefault((span["start"], span["end"]), []).append(position)
        reports.append(
            _names(
                {
                    "position": position,
                    "transfer_id": transfer_of_position.get(position),
                    **report_fields(record),
                    "evidence": spans,
                }
            )
        )
    return {
        "id": document.id,
        "title": document.title,
        "url": document.url,
        "published": document.published,
        "lang": document.lang,
        "source": document.source,
        "input_format": document.input_format,
        "ingested_at": document.ingested_at.isoformat(),
        "text": document.clean_text,
        "reports": reports,
        "highlights": [
            {"start": start, "end": end, "reports": positions}
            for (start, end), positions in sorted(highlights.items())
        ],
    }


def _transfer_ids_by_position(repo: Repository, document_id: str) -> dict[int, str]:
    store = repo.transfers
    by_position: dict[int, str] = {}
    for transfer_id in store.transfer_ids_of_documents([document_id]).get(document_id, []):
        transfer = store.get_transfer(transfer_id)
        for claim in transfer.claims if transfer else []:
            if claim.document_id == document_id:
                by_position[claim.position] = transfer_id
    return by_position


def document_pieces(detail: dict[str, Any]) -> list[Piece]:
    """The document's text cut into plain and evidence pieces, for its page."""
    spans = [Span(h["start"], h["end"], tuple(h["reports"])) for h in detail["highlights"]]
    return split_highlights(detail["text"], spans)


def _place_json(place: Place) -> dict[str, Any]:
    return {
        "code": place.code,
        "name": place.name,
        "kind": place.kind,
        "lon": place.lon,
        "lat": place.lat,
        "home": place.home if place.home != place.code else None,
        "numeric": place.numeric,
    }


def flow_graph(repo: Repository, selection: TransferFilter) -> dict[str, Any]:
    """Matching transfers aggregated by supplier → recipient, with every actor's map point.

    Flows with an unknown supplier or recipient cannot be drawn and are counted apart.
    """
    try:
        flows = repo.transfers.list_flows(selection)
    except ValueError as error:
        raise QueryError(str(error)) from error
    drawn = [f for f in flows if f.supplier and f.recipient]
    supplied: dict[str, int] = {}
    received: dict[str, int] = {}
    for flow in drawn:
        assert flow.supplier and flow.recipient  # narrowed by the filter above
        supplied[flow.supplier] = supplied.get(flow.supplier, 0) + flow.n_transfers
        received[flow.recipient] = received.get(flow.recipient, 0) + flow.n_transfers
    codes = sorted(set(supplied) | set(received))
    nodes = [
        {
            **_place_json(place_of(code)),
            "supplied": supplied.get(code, 0),
            "received": received.get(code, 0),
        }
        for code in codes
    ]
    return {
        "filter": filter_dict(selection),
        "nodes": nodes,
        "flows": [
            _names(
                {
                    "supplier": f.supplier,
                    "recipient": f.recipient,
                    "n_transfers": f.n_transfers,
                    "n_documents": f.n_documents,
                    "quantity": f.quantity,
                    "statuses": dict(f.statuses),
                    "materiel": dict(f.materiel),
                    "first_reported": f.first_reported,
                    "last_reported": f.last_reported,
                }
            )
            for f in drawn
        ],
        "unknown_party": sum(f.n_transfers for f in flows if not (f.supplier and f.recipient)),
    }


def actor_list(repo: Repository, selection: TransferFilter) -> list[dict[str, Any]]:
    """Every actor of the matching transfers with its counts, most involved first."""
    try:
        actors = repo.transfers.list_actors(selection)
    except ValueError as error:
        raise QueryError(str(error)) from error
    return [
        {
            **_place_json(place_of(actor.code)),
            "supplied": actor.supplied,
            "received": actor.received,
            "first_reported": actor.first_reported,
            "last_reported": actor.last_reported,
        }
        for actor in actors
    ]


def database_stats(repo: Repository) -> dict[str, Any]:
    """Counts of the database (`armstrace stats`) and of resolved transfers by status."""
    data = repo.stats().to_dict()
    store = repo.transfers
    by_status = {
        status: store.count_transfers(TransferFilter(status=status)) for status in STATUSES
    }
    data["transfers"] = {"total": sum(by_status.values()), "by_status": by_status}
    data["backend"] = repo.backend
    return data
