"""Run the web app with uvicorn: `serve(settings)`, or `python -m armstrace.api.server`.

The command line here is for tests and as a fallback; users run `armstrace serve`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

import uvicorn

from armstrace.api.app import create_app
from armstrace.config import Settings
from armstrace.store import resolve_database_url

INGEST_TOKEN_ENV_VAR = "ARMSTRACE_INGEST_TOKEN"


def serve(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8000,
    ingest_token: str | None = None,
) -> None:
    """Serve the app over `settings.database_url` until interrupted (loopback by default)."""
    app = create_app(settings, ingest_token=ingest_token)
    # One process: SQLite's single writer, and ingestion holds its own lock.
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def main(argv: Sequence[str] | None = None) -> None:
    """`python -m armstrace.api.server --db PATH [--host H] [--port N] [--ingest-token T]`."""
    parser = argparse.ArgumentParser(prog="python -m armstrace.api.server", description=__doc__)
    parser.add_argument("--db", default=None, help="SQLite path or postgresql:// URL")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--ingest-token",
        default=os.environ.get(INGEST_TOKEN_ENV_VAR),
        help="Enable POST /api/documents with this bearer token "
        f"(default: ${INGEST_TOKEN_ENV_VAR})",
    )
    args = parser.parse_args(argv)
    settings = Settings(database_url=resolve_database_url(args.db))
    serve(settings, host=args.host, port=args.port, ingest_token=args.ingest_token)


if __name__ == "__main__":
    main()
