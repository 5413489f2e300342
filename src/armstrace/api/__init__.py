"""The armstrace web app: a JSON API and browser pages over one armstrace database.

    from armstrace.api import create_app
    app = create_app(Settings(database_url="demo.db"), ingest_token=None)

`armstrace.api.server.serve` runs it with uvicorn. Endpoints and pages are listed in
docs/api.md; `/openapi.json` describes the API.
"""

from armstrace.api.app import create_app

__all__ = ["create_app"]
