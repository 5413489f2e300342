"""`create_app`: the armstrace web app (JSON API, pages, static files) over one database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from armstrace import __version__
from armstrace.api import pages, routes
from armstrace.api.queries import QueryError
from armstrace.api.security import SecurityHeaders
from armstrace.config import Settings
from armstrace.store import Repository, resolve_database_url

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def create_app(settings: Settings, *, ingest_token: str | None = None) -> FastAPI:
    """The app over the database of `settings`, opened (and migrated) now.

    With `ingest_token`, `POST /api/documents` accepts that bearer token; without it the route
    answers 403. The repository is closed when the app shuts down.
    """
    repo = Repository.open(resolve_database_url(settings.database_url))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            repo.close()

    app = FastAPI(
        title="armstrace",
        version=__version__,
        summary="Arms transfers resolved from news articles, each claim traced to its sentence.",
        # The interactive docs pages load scripts from a CDN, which the CSP (and the offline
        # rule) forbid: the schema stays at /openapi.json and docs/api.md describes it.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.repo = repo
    app.state.settings = settings
    app.state.ingest_token = ingest_token or None
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(routes.router)
    app.include_router(pages.router)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, error: QueryError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": str(error)}, status_code=400)
        return pages.error_page(request, 400, str(error))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse(
                {"detail": error.detail}, status_code=error.status_code, headers=error.headers
            )
        return pages.error_page(request, error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        message = "; ".join(
            f"{'.'.join(str(part) for part in item['loc'][1:]) or 'request'}: {item['msg']}"
            for item in error.errors()
        )
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=400)
        return pages.error_page(request, 400, message)

    return app
