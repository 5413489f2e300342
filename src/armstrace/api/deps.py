"""Dependencies shared by the JSON endpoints and the pages: the repository and query parameters.

The pages and their JSON twins take their parameters through these same functions, so a
page URL's query string works unchanged on its `/api/...` twin.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from armstrace.api.queries import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    SORT_NAMES,
    TransferQuery,
    make_query,
    make_selection,
)
from armstrace.config import Settings
from armstrace.models import STATUSES, TransferFilter
from armstrace.store import Repository


def get_repo(request: Request) -> Repository:
    """The app's repository, opened once by `create_app`."""
    repo: Repository = request.app.state.repo
    return repo


def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def selection_params(
    supplier: Annotated[
        str | None, Query(description="Supplier actor code (USA, PRK, hezbollah…)")
    ] = None,
    recipient: Annotated[str | None, Query(description="Recipient or end-user actor code")] = None,
    materiel: Annotated[
        str | None,
        Query(description="A materiel category, or a family: missiles, ammunition"),
    ] = None,
    status: Annotated[str | None, Query(description=f"One of {', '.join(STATUSES)}")] = None,
    since: Annotated[
        str | None, Query(description="Reported on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    ] = None,
    until: Annotated[
        str | None, Query(description="Reported on or before (YYYY, YYYY-MM or YYYY-MM-DD)")
    ] = None,
) -> TransferFilter:
    """The filters of `armstrace transfers`, from the query string."""
    return make_selection(
        supplier=supplier,
        recipient=recipient,
        materiel=materiel,
        status=status,
        since=since,
        until=until,
    )


def transfer_query_params(
    selection: Annotated[TransferFilter, Depends(selection_params)],
    sort: Annotated[
        str | None,
        Query(description=f"One of {', '.join(SORT_NAMES)}; prefix - for descending"),
    ] = None,
    limit: Annotated[
        int, Query(description=f"Page size, at most {MAX_PAGE_SIZE}")
    ] = DEFAULT_PAGE_SIZE,
    offset: Annotated[int, Query(description="Transfers to skip")] = 0,
) -> TransferQuery:
    """Filters, sort and page of a transfers listing."""
    return make_query(selection, sort, limit, offset)


RepoDep = Annotated[Repository, Depends(get_repo)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
SelectionDep = Annotated[TransferFilter, Depends(selection_params)]
TransferQueryDep = Annotated[TransferQuery, Depends(transfer_query_params)]
