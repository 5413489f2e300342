"""Orchestration only: wires ingest, extraction, storage and resolution together.

The stages themselves are plain functions over plain dataclasses (`process_document` is one
document in, one cleaned document and report out; `resolve.resolve_group` is the reports of
one key in, transfers out), so a batch engine can map them unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from armstrace.config import Settings
from armstrace.extract import EXTRACTOR_VERSION, extract_report
from armstrace.extract.dates import find_publication_date
from armstrace.ingest import clean_document, read_inputs
from armstrace.models import (
    ArticleReport,
    CleanDocument,
    RawDocument,
    Rejection,
    RunSummary,
    TextSignature,
)
from armstrace.resolve import (
    RESOLVER_VERSION,
    GroupKey,
    group_by_key,
    key_of,
    resolve_group,
    text_signature,
)
from armstrace.store import Repository

# Grouping keys resolved per transaction: bounds memory on a first resolution of a big store.
RESOLUTION_BATCH_KEYS = 200


def prepare_document(raw: RawDocument, *, lang: str | None = None) -> CleanDocument:
    """Clean a raw document; an undated one takes the date of its byline or dateline
    ("Par la rédaction – 19 janvier 2024"), which relative event dates are resolved against."""
    clean = clean_document(raw, lang=lang)
    if clean.published is None:
        published = find_publication_date(clean.text, clean.lang)
        if published is not None:
            clean = replace(clean, published=published)
    return clean


def process_document(
    raw: RawDocument, *, lang: str | None = None
) -> tuple[CleanDocument, ArticleReport]:
    """Clean one raw document and extract its transfer report."""
    clean = prepare_document(raw, lang=lang)
    return clean, extract_report(clean)


@dataclass
class RunEvents:
    """Callbacks through which a run reports progress (the CLI draws them; tests may record)."""

    on_document: Callable[[str, str], None] = lambda doc_id, state: None
    on_rejection: Callable[[Rejection], None] = lambda rejection: None


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
            # Resolve after each batch, so a run that stops half-way leaves what it stored
            # resolved too.
            summary.transfers_updated += update_transfers(repo).changed

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
        # Reports stored before resolution existed, or left unresolved by an interrupted run.
        summary.transfers_updated += update_transfers(repo).changed
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
    clean = prepare_document(raw, lang=settings.lang)
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


@dataclass
class ResolutionSummary:
    """What one `update_transfers` did."""

    keys: int = 0  # grouping keys resolved again
    written: list[str] = field(default_factory=list)  # transfers created or changed
    deleted: list[str] = field(default_factory=list)  # transfers left without claims
    unchanged: int = 0

    @property
    def changed(self) -> int:
        """Transfers written or deleted."""
        return len(self.written) + len(self.deleted)


def update_transfers(repo: Repository) -> ResolutionSummary:
    """Resolve again every grouping key whose reports changed since the last update.

    A key is pending when one of its reports has no claim yet (new or re-extracted articles)
    or one of its transfers lost claims (a removed article) or was resolved by an older
    resolver version. Other keys are not read. Running it twice does nothing the second time.
    """
    transfers = repo.transfers
    pending = transfers.pending_groups(RESOLVER_VERSION)
    keys = {key_of(*report_key) for report_key in pending.unclaimed}
    keys.update(GroupKey.parse(text) for text in pending.stale_keys)
    summary = ResolutionSummary(keys=len(keys))
    ordered = sorted(keys, key=lambda k: k.text)
    for start in range(0, len(ordered), RESOLUTION_BATCH_KEYS):
        batch = ordered[start : start + RESOLUTION_BATCH_KEYS]
        reports = transfers.reports_for([(k.supplier, k.target, k.categories) for k in batch])
        by_key = group_by_key(reports)
        previous = transfers.claimed_documents([k.text for k in batch])
        signatures = _signatures(repo, sorted({r.document_id for r in reports}))
        resolved = [
            transfer
            for key in batch
            for transfer in resolve_group(
                key, by_key.get(key, []), signatures=signatures, previous=previous[key.text]
            )
        ]
        counts = transfers.replace_groups([k.text for k in batch], resolved, RESOLVER_VERSION)
        summary.written += counts.written
        summary.deleted += counts.deleted
        summary.unchanged += counts.unchanged
    return summary


def _signatures(repo: Repository, document_ids: list[str]) -> dict[str, TextSignature]:
    """Signatures of the articles, computing and storing those missing or out of date."""
    known = repo.transfers.signatures(document_ids)
    missing = [doc_id for doc_id in document_ids if doc_id not in known]
    computed = [
        text_signature(doc_id, content_hash, lang, text)
        for doc_id, content_hash, lang, text in repo.transfers.texts(missing)
    ]
    repo.transfers.save_signatures(computed)
    known.update((signature.document_id, signature) for signature in computed)
    return known


@dataclass
class Removal:
    """What removing articles did: which were missing, and the transfers that changed."""

    removed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    claims_retracted: dict[str, list[str]] = field(default_factory=dict)  # doc -> transfer ids
    resolution: ResolutionSummary = field(default_factory=ResolutionSummary)


def remove_documents(repo: Repository, document_ids: Sequence[str]) -> Removal:
    """Delete articles with their reports, retract their claims and update the transfers."""
    removal = Removal(claims_retracted=repo.transfers.transfer_ids_of_documents(document_ids))
    for doc_id in document_ids:
        if repo.delete_document(doc_id):
            removal.removed.append(doc_id)
        else:
            removal.missing.append(doc_id)
            removal.claims_retracted.pop(doc_id, None)
    removal.resolution = update_transfers(repo)
    return removal
