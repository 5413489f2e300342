"""Runs the Alembic migrations from code: no alembic.ini is needed once armstrace is installed."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def make_alembic_config(connection: sa.Connection | None = None) -> Config:
    """An Alembic config whose scripts are the ones installed with this package."""
    config = Config()
    # ConfigParser interpolation treats "%" as special, and install paths may contain one.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade_database(connection: sa.Connection) -> None:
    """Bring the schema behind `connection` to the newest revision, inside its transaction."""
    command.upgrade(make_alembic_config(connection), "head")
