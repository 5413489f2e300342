"""Fixtures of the API tests: an in-process client over a copy of the demo database.

demo_db       path of a private copy of the demo database (SQLite)
client        TestClient over `create_app` on that copy, ingestion disabled
token_client  the same with ingestion enabled by INGEST_TOKEN
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from armstrace.api import create_app
from armstrace.config import Settings
from tests.api.demo_database import copy_demo_database

INGEST_TOKEN = "test-token-7c1e"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo database shared by the read-only tests of one module."""
    return copy_demo_database(tmp_path_factory, tmp_path_factory.mktemp("api") / "demo.db")


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Iterator[TestClient]:
    """A client of the app over the module's demo database, without an ingest token."""
    with TestClient(create_app(Settings(database_url=str(demo_db)))) as test_client:
        yield test_client


@pytest.fixture
def writable_db(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    """A copy of the demo database for one test that writes."""
    return copy_demo_database(tmp_path_factory, tmp_path / "demo.db")


@pytest.fixture
def token_client(writable_db: Path) -> Iterator[TestClient]:
    """A client whose app accepts `INGEST_TOKEN` on POST /api/documents."""
    app = create_app(Settings(database_url=str(writable_db)), ingest_token=INGEST_TOKEN)
    with TestClient(app) as test_client:
        yield test_client
