"""Alembic environment of armstrace: migrates the connection that `armstrace.store` hands over.

`armstrace.store.migrate.upgrade_database` puts its open connection in
`config.attributes["connection"]`. A developer running the `alembic` command instead (to write a
new revision) sets `sqlalchemy.url` in the config, and a connection is opened from it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from armstrace.store.tables import metadata


def _run_on(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things in place: later revisions need batch mode there.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations() -> None:
    """Run the pending migrations online; offline (SQL script) mode is not supported."""
    if context.is_offline_mode():
        raise RuntimeError("armstrace migrations run against a live database only")
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run_on(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("set sqlalchemy.url, or run migrations via Repository.open()")
    engine = sa.create_engine(url)
    try:
        with engine.begin() as own_connection:
            _run_on(own_connection)
    finally:
        engine.dispose()


run_migrations()
