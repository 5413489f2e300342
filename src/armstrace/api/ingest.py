"""`POST /api/documents`: a text or a file, through the same pipeline as `armstrace run`.

The upload is written to a private temporary folder and handed to `pipeline.run_inputs`, so
it meets the same readers, size limit, cleaning, extraction, storage and resolution as a file
on the command line. One ingestion runs at a time (the single writer of the database).
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from armstrace.config import Settings
from armstrace.models import Rejection
from armstrace.pipeline import RunEvents, run_inputs
from armstrace.store import Repository

# The file types `armstrace run` reads (README "Inputs"), optionally gzip-compressed.
UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".json", ".csv")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# How the temporary folder is named in what the API reports back.
UPLOAD_PREFIX = "upload:"

_writer = threading.Lock()


class UploadError(ValueError):
    """The upload cannot be ingested at all (bad name, wrong type); nothing was run."""


@dataclass(frozen=True)
class IngestOutcome:
    """What one ingestion did: documents with their state, rejections, counts."""

    run_id: int
    documents: list[tuple[str, str]]  # (document id, state)
    rejections: list[Rejection]
    transfer_reports: int
    transfers_updated: int

    def to_dict(self) -> dict[str, object]:
        """The JSON body of the response."""
        return {
            "run_id": self.run_id,
            "documents": [{"id": doc_id, "state": state} for doc_id, state in self.documents],
            "rejections": [{"source": r.source, "reason": r.reason} for r in self.rejections],
            "transfer_reports": self.transfer_reports,
            "transfers_updated": self.transfers_updated,
        }

    @property
    def stored_any(self) -> bool:
        """True when at least one document was new or changed."""
        return any(state in ("new", "changed", "stale") for _, state in self.documents)


def safe_upload_name(filename: str) -> str:
    """The upload's base name with only letters, digits, `.`, `_` and `-` left.

    The name becomes the document id (as for `armstrace run`), and its extension picks the
    reader; anything else (folders, `..`, odd characters) is dropped or replaced.
    """
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_NAME.sub("_", base).strip("._")
    lowered = name.lower().removesuffix(".gz")
    if not name or not lowered.endswith(UPLOAD_SUFFIXES):
        raise UploadError(
            f"file name {filename!r}: expected one of {', '.join(UPLOAD_SUFFIXES)} (or .gz)"
        )
    return name[:200]


def text_record(
    text: str,
    *,
    doc_id: str | None,
    title: str | None,
    url: str | None,
    published: str | None,
    lang: str | None,
) -> dict[str, str]:
    """The JSON Lines record of a posted text; the id defaults to a hash of the text."""
    record = {"id": doc_id or f"api-{sha256(text.encode('utf-8')).hexdigest()[:16]}", "text": text}
    optional = {"title": title, "url": url, "published": published, "lang": lang}
    record.update({key: value for key, value in optional.items() if value})
    return record


def ingest_record(repo: Repository, settings: Settings, record: dict[str, str]) -> IngestOutcome:
    """Ingest one posted text (as a JSON Lines record)."""
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    return ingest_bytes(repo, settings, "posted-text.jsonl", data)


def ingest_bytes(repo: Repository, settings: Settings, name: str, data: bytes) -> IngestOutcome:
    """Ingest an uploaded file's bytes under its (already safe) name."""
    with _writer, tempfile.TemporaryDirectory(prefix="armstrace-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        states: list[tuple[str, str]] = []
        events = RunEvents(on_document=lambda doc_id, state: states.append((doc_id, state)))
        summary = run_inputs([str(path)], repo, settings, events)
    rejections = [
        Rejection(r.source.replace(folder + "/", UPLOAD_PREFIX), r.reason)
        for r in summary.rejections
    ]
    return IngestOutcome(
        run_id=summary.run_id,
        documents=states,
        rejections=rejections,
        transfer_reports=summary.transfers,
        transfers_updated=summary.transfers_updated,
    )
