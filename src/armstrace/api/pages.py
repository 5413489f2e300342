"""The HTML pages: server-rendered Jinja (autoescaped), each with its JSON twin under `/api/`.

Pages that draw (map, network, timeline) ship an empty frame and a script that fetches the
twin; pages that read (transfers table, transfer, document, stats) are rendered here from the
same query function as their twin, so they work without JavaScript.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from armstrace import __version__
from armstrace.api import queries
from armstrace.api.deps import RepoDep, SelectionDep, TransferQueryDep
from armstrace.api.places import place_of
from armstrace.api.security import safe_link
from armstrace.models import MATERIEL_CATEGORIES, STANCES, STATUSES, TransferFilter

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "web" / "templates"
MATERIEL_FAMILIES = ("missiles", "ammunition")

router = APIRouter(include_in_schema=False)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        # Every value is escaped unless a template says otherwise, and none does.
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_link"] = safe_link
    env.filters["actor_name"] = lambda code: place_of(code).name if code else "unknown"
    env.filters["label"] = lambda value: str(value or "").replace("_", " ")
    env.filters["thousands"] = lambda value: "" if value is None else f"{int(value):,}"
    return env


templates = Jinja2Templates(env=_environment())


def _render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    base = {
        "version": __version__,
        "statuses": STATUSES,
        "stances": STANCES,
        "materiel_families": MATERIEL_FAMILIES,
        "materiel_categories": MATERIEL_CATEGORIES,
        "json_url": None,
        "selection": TransferFilter(),
    }
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status_code)


def error_page(request: Request, status_code: int, message: str) -> HTMLResponse:
    """An HTML error page (404 for a missing transfer, 400 for a bad filter…)."""
    return _render(
        request, "error.html", {"status_code": status_code, "message": message}, status_code
    )


def _query_string(params: dict[str, str]) -> str:
    return f"?{urlencode(params)}" if params else ""


def _selection_params(selection: TransferFilter) -> dict[str, str]:
    return {key: value for key, value in queries.filter_dict(selection).items() if value}


def _flows_url(selection: TransferFilter) -> str:
    # The map and the network draw the same twin: the flows of the page's filter.
    return f"/api/flows{_query_string(_selection_params(selection))}"


@router.get("/", response_class=HTMLResponse)
def map_page(
    request: Request,
    selection: SelectionDep,
    weight: Annotated[Literal["transfers", "quantity"], Query()] = "transfers",
) -> HTMLResponse:
    """The world flow map; its script draws `/api/flows`."""
    return _render(
        request,
        "map.html",
        {"nav": "map", "selection": selection, "weight": weight, "json_url": _flows_url(selection)},
    )


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, selection: SelectionDep) -> HTMLResponse:
    """The actor network; its script draws `/api/flows`."""
    return _render(
        request,
        "network.html",
        {"nav": "network", "selection": selection, "json_url": _flows_url(selection)},
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, selection: SelectionDep) -> HTMLResponse:
    """The claims timeline; its script draws `/api/transfers?include_claims=true`."""
    params = {**_selection_params(selection), "include_claims": "true", "limit": "200"}
    return _render(
        request,
        "timeline.html",
        {
            "nav": "timeline",
            "selection": selection,
            "json_url": f"/api/transfers{_query_string(params)}",
        },
    )


@router.get("/transfers", response_class=HTMLResponse)
def transfers_page(request: Request, repo: RepoDep, query: TransferQueryDep) -> HTMLResponse:
    """The filterable, sortable transfers table (twin: `/api/transfers`)."""
    page = queries.transfer_page(repo, query, with_claims=False)
    params = query.params()
    selection_only = _selection_params(query.selection)
    previous_offset = max(0, query.offset - query.limit)
    next_offset = query.offset + query.limit

    def sort_link(name: str) -> str:
        current = query.sort.lstrip("-+")
        descending = query.sort.startswith("-")
        # A click on the current column flips it; a new column starts descending for counts
        # and dates, ascending for names.
        if name == current:
            target = name if descending else f"-{name}"
        else:
            target = name if name in ("supplier", "recipient", "materiel", "id") else f"-{name}"
        return _query_string(query.params(sort=target, offset=0))

    return _render(
        request,
        "transfers.html",
        {
            "nav": "transfers",
            "selection": query.selection,
            "query": query,
            "page": page,
            "json_url": f"/api/transfers{_query_string(params)}",
            "csv_url": f"/api/export/transfers.csv{_query_string(selection_only)}",
            "export_json_url": f"/api/export/transfers.json{_query_string(selection_only)}",
            "previous_url": _query_string(query.params(offset=previous_offset))
            if query.offset > 0
            else None,
            "next_url": _query_string(query.params(offset=next_offset))
            if next_offset < page["total"]
            else None,
            "sort_link": sort_link,
            "sort_current": query.sort,
        },
    )


@router.get("/transfers/{transfer_id}", response_class=HTMLResponse)
def transfer_page(request: Request, repo: RepoDep, transfer_id: str) -> HTMLResponse:
    """One transfer and every claim, its sentence highlighted in context."""
    detail = queries.transfer_detail(repo, transfer_id)
    if detail is None:
        return error_page(request, 404, f"No transfer with id {transfer_id!r}.")
    return _render(
        request,
        "transfer.html",
        {"nav": "transfers", "t": detail, "json_url": f"/api/transfers/{transfer_id}"},
    )


@router.get("/documents/{document_id:path}", response_class=HTMLResponse)
def document_page(request: Request, repo: RepoDep, document_id: str) -> HTMLResponse:
    """A stored article with all its evidence highlighted."""
    detail = queries.document_detail(repo, document_id)
    if detail is None:
        return error_page(request, 404, f"No document with id {document_id!r}.")
    return _render(
        request,
        "document.html",
        {
            "nav": "transfers",
            "d": detail,
            "pieces": queries.document_pieces(detail),
            "json_url": f"/api/documents/{document_id}",
        },
    )


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request, repo: RepoDep) -> HTMLResponse:
    """What the database holds (twin: `/api/stats`)."""
    return _render(
        request,
        "stats.html",
        {"nav": "stats", "stats": queries.database_stats(repo), "json_url": "/api/stats"},
    )
