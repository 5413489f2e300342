"""The JSON API: `/api/...` endpoints, each the twin of a page (see docs/api.md)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from armstrace.api import queries, schemas
from armstrace.api.deps import RepoDep, SelectionDep, SettingsDep, TransferQueryDep
from armstrace.api.downloads import iter_csv, iter_json
from armstrace.api.ingest import (
    UploadError,
    ingest_bytes,
    ingest_record,
    safe_upload_name,
    text_record,
)
from armstrace.api.security import require_ingest_token
from armstrace.models import TransferFilter

router = APIRouter(prefix="/api", tags=["api"])

_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": schemas.ErrorOut}}
_BAD_QUERY: dict[int | str, dict[str, Any]] = {400: {"model": schemas.ErrorOut}}


@router.get("/transfers", response_model=schemas.TransferPage, responses=_BAD_QUERY)
def list_transfers(
    repo: RepoDep,
    query: TransferQueryDep,
    include_claims: Annotated[
        bool, Query(description="Add every transfer's claims with their evidence")
    ] = False,
) -> dict[str, Any]:
    """Resolved transfers matching the filters, one page at a time, with the total."""
    return queries.transfer_page(repo, query, with_claims=include_claims)


def _download_name(selection: TransferFilter, suffix: str) -> str:
    chosen = queries.filter_dict(selection)
    parts = [f"{key}-{value}" for key, value in chosen.items() if value]
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in "_".join(parts))
    return f"armstrace-transfers{'_' + safe if safe else ''}.{suffix}"[:120]


@router.get(
    "/export/transfers.csv",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}}, **_BAD_QUERY},
)
def export_csv(repo: RepoDep, selection: SelectionDep) -> StreamingResponse:
    """Every transfer matching the filters as CSV (one row per transfer, in id order)."""
    queries.count_matching(repo, selection)  # a bad filter fails before streaming starts
    name = _download_name(selection, "csv")
    return StreamingResponse(
        iter_csv(queries.iter_transfers_for_export(repo, selection)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/export/transfers.json",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/json": {}}}, **_BAD_QUERY},
)
def export_json(repo: RepoDep, selection: SelectionDep) -> StreamingResponse:
    """Every transfer matching the filters, with claims and evidence, as one JSON list."""
    queries.count_matching(repo, selection)
    name = _download_name(selection, "json")
    return StreamingResponse(
        iter_json(queries.iter_transfers_for_export(repo, selection)),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/transfers/{transfer_id}", response_model=schemas.TransferDetail, responses=_NOT_FOUND)
def get_transfer(repo: RepoDep, transfer_id: str) -> dict[str, Any]:
    """One transfer with every claim, each evidence sentence with its context."""
    detail = queries.transfer_detail(repo, transfer_id)
    if detail is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no transfer {transfer_id!r}")
    return detail


@router.get("/actors", response_model=list[schemas.ActorOut], responses=_BAD_QUERY)
def list_actors(repo: RepoDep, selection: SelectionDep) -> list[dict[str, Any]]:
    """Every actor of the matching transfers, with map point and counts."""
    return queries.actor_list(repo, selection)


@router.get("/flows", response_model=schemas.FlowGraph, responses=_BAD_QUERY)
def list_flows(repo: RepoDep, selection: SelectionDep) -> dict[str, Any]:
    """Matching transfers aggregated by supplier → recipient, for maps and graphs."""
    return queries.flow_graph(repo, selection)


@router.get(
    "/documents/{document_id:path}", response_model=schemas.DocumentOut, responses=_NOT_FOUND
)
def get_document(repo: RepoDep, document_id: str) -> dict[str, Any]:
    """A stored article: clean text, its transfer reports, and every evidence span in it."""
    detail = queries.document_detail(repo, document_id)
    if detail is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no document {document_id!r}")
    return detail


@router.get("/stats")
def get_stats(repo: RepoDep) -> dict[str, Any]:
    """Counts of documents, languages, reports, runs, rejections and transfers by status."""
    return queries.database_stats(repo)


_INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": schemas.IngestText.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
        },
    }
}


@router.post(
    "/documents",
    dependencies=[Depends(require_ingest_token)],
    response_model=schemas.IngestResult,
    status_code=status.HTTP_201_CREATED,
    openapi_extra=_INGEST_BODY,
    responses={
        200: {"model": schemas.IngestResult, "description": "Nothing new: already stored"},
        401: {"model": schemas.ErrorOut},
        403: {"model": schemas.ErrorOut},
        413: {"model": schemas.ErrorOut},
        422: {"model": schemas.IngestResult, "description": "Every input was rejected"},
    },
)
async def post_document(request: Request, repo: RepoDep, settings: SettingsDep) -> JSONResponse:
    """Ingest a text (JSON) or a file (multipart `file`) through the `armstrace run` pipeline.

    Needs `Authorization: Bearer <token>`; disabled (403) when the server has no token.
    """
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_bytes + 65536:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"body over the size limit of {settings.max_bytes} bytes",
        )
    if content_type == "application/json":
        payload = _parse_text_payload(await _read_limited(request, settings.max_bytes + 65536))
        record = text_record(
            payload.text,
            doc_id=payload.id,
            title=payload.title,
            url=payload.url,
            published=payload.published,
            lang=payload.lang,
        )
        outcome = await run_in_threadpool(ingest_record, repo, settings, record)
    elif content_type == "multipart/form-data":
        async with request.form(max_files=1, max_fields=8) as form:
            upload = form.get("file")
            if not isinstance(upload, UploadFile) or not upload.filename:
                raise HTTPException(
                    status.HTTP_422_UNPROCESSABLE_CONTENT, detail="no file part named 'file'"
                )
            try:
                name = safe_upload_name(upload.filename)
            except UploadError as error:
                raise HTTPException(
                    status.HTTP_422_UNPROCESSABLE_CONTENT, detail=str(error)
                ) from error
            data = await upload.read(settings.max_bytes + 1)
        if len(data) > settings.max_bytes:
            raise HTTPException(
                status.HTTP_413_CONTENT_TOO_LARGE,
                detail=f"file over the size limit of {settings.max_bytes} bytes",
            )
        outcome = await run_in_threadpool(ingest_bytes, repo, settings, name, data)
    else:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            detail="send application/json ({text, title?, …}) or multipart/form-data (file)",
        )
    if outcome.stored_any:
        code = status.HTTP_201_CREATED
    elif outcome.documents:
        code = status.HTTP_200_OK
    else:
        code = status.HTTP_422_UNPROCESSABLE_CONTENT
    return JSONResponse(outcome.to_dict(), status_code=code)


async def _read_limited(request: Request, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(
                status.HTTP_413_CONTENT_TOO_LARGE, detail="body over the size limit"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _parse_text_payload(body: bytes) -> schemas.IngestText:
    try:
        return schemas.IngestText.model_validate(json.loads(body))
    except (ValueError, ValidationError) as error:
        message = (
            "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}"
                for e in error.errors()
            )
            if isinstance(error, ValidationError)
            else f"body is not JSON: {error}"
        )
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=message) from error
