"""Orchestration only: wires ingest, extraction and storage together for `armstrace run`.

The stages themselves are plain functions over plain dataclasses (`process_document` is one
document in, one cleaned document and report out), so a batch engine can map them unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from armstrace.config import Settings
from armstrace.extract import EXTRACTOR_VERSION, extract_report
from armstrace.ingest import clean_document, read_inputs
from armstrace.models import ArticleReport, CleanDocument, RawDocument, Rejection, RunSummary
from armstrace.store import Repository


def process_document(
    raw: RawDocument, *, lang: str | None = None
) -> tuple[CleanDocument, ArticleReport]:
    """Clean one raw document and extract its transfer report."""
    clean = clean_document(raw, lang=lang)
    return clean, extract_report(clean)


@dataclass
class RunEvents:
    """Callbacks through which a run reports progress (the CLI draws them; tests may record)."""

    on_document: Callable[[str, str], None] = lambda doc_id, state: None
    on_rejection: Callable[[Rejection], None] = lambda rejection: None
    notes: list[str] = field(default_factory=list)


def run_inputs(
    paths: Sequence[str],
    repo: Repository,
    settings: Settings,
    events: RunEvents | None = None,
) -> RunSummary:
    """Read, clean, extract and store every document under `paths`; return what happened.

    Documents already stored with the same content and extractor version are skipped without
    extraction, so a second run over the same inputs stores nothing new. Content already
    stored under another id counts as a duplicate and is not stored again.
    """
    events = events or RunEvents()
    run_id = repo.begin_run(list(paths), EXTRACTOR_VERSION)
    summary = RunSummary(run_id=run_id)
    pending: list[tuple[CleanDocument, ArticleReport]] = []
    hashes_this_run: dict[str, str] = {}

    def flush() -> None:
        if pending:
            repo.save_articles(pending, run_id)
            summary.stored += len(pending)
            pending.clear()

    try:
        for item in read_inputs(paths, max_bytes=settings.max_bytes):
            if isinstance(item, Rejection):
                summary.rejections.append(item)
                events.on_rejection(item)
                continue
            summary.seen += 1
            state = _process_one(item, repo, settings, hashes_this_run, pending, summary)
            events.on_document(item.id, state)
            if len(pending) >= settings.batch_size:
                flush()
        flush()
    finally:
        # Whatever happened, record the run with what was stored before the failure.
        repo.finish_run(summary)
    return summary


def _process_one(
    raw: RawDocument,
    repo: Repository,
    settings: Settings,
    hashes_this_run: dict[str, str],
    pending: list[tuple[CleanDocument, ArticleReport]],
    summary: RunSummary,
) -> str:
    clean = clean_document(raw, lang=settings.lang)
    earlier = hashes_this_run.get(clean.content_hash)
    if earlier is not None and earlier != clean.id:
        summary.duplicates += 1
        return "duplicate"
    if earlier == clean.id:
        # The same id and content twice in one run: the first copy is enough.
        summary.unchanged += 1
        return "unchanged"
    state, _other_id = repo.document_state(clean.id, clean.content_hash, EXTRACTOR_VERSION)
    if state == "unchanged":
        summary.unchanged += 1
        return state
    if state == "duplicate":
        summary.duplicates += 1
        return state
    hashes_this_run[clean.content_hash] = clean.id
    report = extract_report(clean)
    summary.transfers += len(report.transfers)
    pending.append((clean, report))
    return state


def iter_processed(
    raws: Iterable[RawDocument], *, lang: str | None = None
) -> Iterable[tuple[CleanDocument, ArticleReport]]:
    """Map `process_document` over documents: the unit a distributed engine would batch."""
    for raw in raws:
        yield process_document(raw, lang=lang)
