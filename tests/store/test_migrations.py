"""The Alembic migrations build exactly the schema of armstrace.store.tables, on both back ends."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from armstrace.errors import StorageError
from armstrace.store import Repository
from armstrace.store.migrate import make_alembic_config
from armstrace.store.tables import metadata

from .builders import make_article

EXPECTED_TABLES = {
    "alembic_version",
    "claims",
    "documents",
    "evidence",
    "rejections",
    "reports",
    "runs",
    "text_signatures",
    "transfers",
}


@pytest.fixture
def engine(db_url: str) -> Iterator[sa.Engine]:
    """A plain SQLAlchemy engine on the same database, to look at the schema from outside."""
    engine = sa.create_engine(db_url)
    yield engine
    engine.dispose()


def test_migrations_create_every_table(db_url: str, engine: sa.Engine) -> None:
    Repository.open(db_url).close()
    assert set(sa.inspect(engine).get_table_names()) == EXPECTED_TABLES


def test_migrations_match_table_definitions(db_url: str, engine: sa.Engine) -> None:
    Repository.open(db_url).close()
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_migrations_reopen_keeps_schema_and_data(db_url: str, engine: sa.Engine) -> None:
    with Repository.open(db_url) as first:
        run_id = first.begin_run(["a.txt"], "test-1")
        first.save_articles([make_article("a")], run_id)
    with Repository.open(db_url) as second:
        assert second.get_document("a") is not None
        assert second.stats().runs == 1
    with engine.connect() as connection:
        versions = connection.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    assert versions == [("0002",)]


def test_migrations_downgrade_to_base_drops_every_table(db_url: str, engine: sa.Engine) -> None:
    Repository.open(db_url).close()
    with engine.begin() as connection:
        command.downgrade(make_alembic_config(connection), "base")
    assert set(sa.inspect(engine).get_table_names()) == {"alembic_version"}


def test_repository_open_turns_on_wal_for_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    assert not path.exists()
    Repository.open(str(path)).close()
    assert path.exists()
    with sqlite3.connect(path) as connection:
        (mode,) = connection.execute("PRAGMA journal_mode").fetchone()
    connection.close()
    assert mode == "wal"


def test_repository_open_refuses_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no folder"):
        Repository.open(str(tmp_path / "missing" / "armstrace.db"))
