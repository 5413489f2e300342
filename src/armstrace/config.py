"""Run-time settings, built once by the CLI (or a caller) and passed down; never at import time."""

from __future__ import annotations

from dataclasses import dataclass

from armstrace.ingest.language import SUPPORTED_LANGUAGES
from armstrace.ingest.readers import DEFAULT_MAX_BYTES
from armstrace.store.repository import DEFAULT_BATCH_SIZE, DEFAULT_DATABASE

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_DATABASE",
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_LANGUAGES",
    "Settings",
]


@dataclass(frozen=True)
class Settings:
    """What a run needs to know. Every field has a default; the CLI documents each option."""

    database_url: str = DEFAULT_DATABASE  # a path or URL; see store.resolve_database_url
    max_bytes: int = DEFAULT_MAX_BYTES  # inputs larger than this are rejected, not read
    batch_size: int = DEFAULT_BATCH_SIZE  # documents written per database transaction
    lang: str | None = None  # force this language instead of detecting it
