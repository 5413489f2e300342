"""Run-time settings, built once by the CLI (or a caller) and passed down; never at import time."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_DB_PATH = "armstrace.db"
DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_BATCH_SIZE = 200
SUPPORTED_LANGUAGES = ("fr", "en", "de", "es")


@dataclass(frozen=True)
class Settings:
    """What a run needs to know. Every field has a default; the CLI documents each option."""

    database_url: str = DEFAULT_DB_PATH  # a path or URL; see store.resolve_database_url
    max_bytes: int = DEFAULT_MAX_BYTES  # inputs larger than this are rejected, not read
    batch_size: int = DEFAULT_BATCH_SIZE  # documents written per database transaction
    lang: str | None = None  # force this language instead of detecting it
