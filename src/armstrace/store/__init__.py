"""Storage of armstrace: the database of documents, transfer reports and runs.

Open it with `Repository.open(resolve_database_url(cli_value))`; SQLite and PostgreSQL behave
alike. Every other part of armstrace reads and writes the database through `Repository`.
"""

from armstrace.store.records import (
    DocumentMeta,
    DocumentState,
    RunRecord,
    StoredDocument,
    StoreStats,
)
from armstrace.store.repository import (
    DATABASE_ENV_VAR,
    DEFAULT_BATCH_SIZE,
    DEFAULT_DATABASE,
    Repository,
    StoreConstraintError,
    resolve_database_url,
)
from armstrace.store.transfers import PendingGroups, ReplaceCounts, TransferStore

__all__ = [
    "DATABASE_ENV_VAR",
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_DATABASE",
    "DocumentMeta",
    "DocumentState",
    "PendingGroups",
    "ReplaceCounts",
    "Repository",
    "RunRecord",
    "StoreConstraintError",
    "StoreStats",
    "StoredDocument",
    "TransferStore",
    "resolve_database_url",
]
