"""The `armstrace` command line: thin commands over the library.

Each command parses its options, builds `Settings`, calls the library and formats the result.
Library errors (`ArmstraceError`) become one-line messages with exit status 1.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar

import click
from rich.console import Console
from rich.panel import Panel
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from armstrace import __version__
from armstrace.config import DEFAULT_MAX_BYTES, SUPPORTED_LANGUAGES, Settings
from armstrace.errors import ArmstraceError
from armstrace.evaluate import format_report, load_gold, score
from armstrace.export import (
    CSV_COLUMNS,
    evidence_in_context,
    evidence_spans,
    geojson_collection,
    iter_csv_rows,
    iter_records,
    iter_transfer_records,
    transfer_to_dict,
    write_graphml,
)
from armstrace.models import STATUSES, Claim, Rejection, Transfer, TransferFilter
from armstrace.pipeline import RunEvents, remove_documents, run_inputs, update_transfers
from armstrace.store import Repository, StoredDocument, resolve_database_url
from armstrace.store.transfer_queries import DEFAULT_SORT, SORT_COLUMNS

# Exit status of `armstrace run` when it finished but rejected at least one input.
EXIT_INPUTS_REJECTED = 3

F = TypeVar("F", bound=Callable[..., Any])

err_console = Console(stderr=True)


def database_option(func: F) -> F:
    """The shared `--db` option: a SQLite path or a PostgreSQL URL."""
    return click.option(
        "--db",
        "db",
        metavar="URL_OR_PATH",
        default=None,
        help="Database: a SQLite file path or a postgresql:// URL. "
        "Default: $ARMSTRACE_DB, else ./armstrace.db.",
    )(func)


@contextmanager
def _open_repo(db: str | None) -> Iterator[Repository]:
    repo = Repository.open(resolve_database_url(db))
    try:
        yield repo
    finally:
        repo.close()


def _fail_on_library_error(func: F) -> F:
    """Turn library errors into `armstrace: message` and exit status 1."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ArmstraceError as exc:
            raise click.ClickException(str(exc)) from exc

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="armstrace")
def cli() -> None:
    """armstrace: turn news articles into a database of arms transfers.

    Typical use: `armstrace run articles/` then `armstrace export --format records`.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@database_option
@click.option(
    "--lang",
    type=click.Choice(SUPPORTED_LANGUAGES),
    default=None,
    help="Treat every document as this language instead of detecting it.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Reject input files (or records) larger than this many bytes.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, only rejections and summary.")
@_fail_on_library_error
def run(
    paths: tuple[str, ...], db: str | None, lang: str | None, max_bytes: int, quiet: bool
) -> None:
    """Ingest PATH... (files, directories, or - for stdin), extract transfers and store them.

    Reads .txt/.md, .html/.htm, .jsonl/.json and .csv files, also gzip-compressed. Running the
    same inputs again stores nothing new. Each rejected input is reported as `PATH: reason`.

    Exit status: 0 when every input was used, 3 when the run finished but rejected at least
    one input, 1 on an error that stopped the run.
    """
    settings = Settings(database_url=resolve_database_url(db), lang=lang, max_bytes=max_bytes)
    with _open_repo(db) as repo:
        progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.completed} documents"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=err_console,
            disable=quiet or not err_console.is_terminal,
        )
        with progress:
            task = progress.add_task("armstrace run", total=None, rate="")

            def on_document(doc_id: str, state: str) -> None:
                progress.advance(task)
                elapsed = progress.tasks[0].elapsed or 0.0
                done = progress.tasks[0].completed
                if elapsed > 0:
                    progress.update(task, rate=f"{done / elapsed:,.0f} docs/s")

            def on_rejection(rejection: Rejection) -> None:
                # One plain line per rejection, never wrapped, so it can be grepped.
                progress.console.print(
                    str(rejection), style="red", markup=False, highlight=False, soft_wrap=True
                )

            summary = run_inputs(
                list(paths),
                repo,
                settings,
                RunEvents(on_document=on_document, on_rejection=on_rejection),
            )
    click.echo(
        f"run {summary.run_id}: {summary.seen} documents read, {summary.stored} stored, "
        f"{summary.unchanged} unchanged, {summary.duplicates} duplicates, "
        f"{summary.transfers} transfer reports, {len(summary.rejections)} inputs rejected, "
        f"{summary.transfers_updated} resolved transfers updated",
        err=True,
    )
    if summary.rejections:
        sys.exit(EXIT_INPUTS_REJECTED)


EXPORT_FORMATS = {
    "records": "one JSON line per article (transfers.schema.json)",
    "csv": "one row per article and transfer report",
    "transfers": "one JSON line per resolved transfer, with its claims and evidence",
    "graphml": "actors as nodes and resolved transfers as edges, for Gephi",
    "geojson": "resolved transfers as lines between country centroids, for QGIS",
}


@cli.command()
@database_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(EXPORT_FORMATS)),
    default="records",
    show_default=True,
    help="; ".join(f"{name}: {what}" for name, what in EXPORT_FORMATS.items()) + ".",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    default="-",
    help="Write to this file instead of standard output.",
)
@_fail_on_library_error
def export(db: str | None, fmt: str, output: str) -> None:
    """Export the stored transfer reports, or the transfers resolved from them.

    graphml and geojson leave out transfers whose ends cannot be drawn (unknown actor; for
    geojson also groups of states, regions and non-state actors) and say how many.
    """
    with _open_repo(db) as repo, click.open_file(output, "w", encoding="utf-8") as out:
        skipped = 0
        if fmt == "records":
            _write_json_lines(out, iter_records(repo))
        elif fmt == "csv":
            _write_csv(out, iter_csv_rows(repo))
        elif fmt == "transfers":
            _write_json_lines(out, iter_transfer_records(repo))
        elif fmt == "graphml":
            skipped = write_graphml(repo.transfers.iter_transfers(with_claims=False), out)
        else:
            collection, skipped = geojson_collection(repo.transfers.iter_transfers())
            out.write(json.dumps(collection, ensure_ascii=False) + "\n")
    if skipped:
        click.echo(f"{skipped} transfers left out: an end has no place on a {fmt} map", err=True)


def _write_json_lines(out: IO[str], records: Iterator[dict[str, Any]]) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_csv(out: IO[str], rows: Iterator[dict[str, Any]]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@database_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--articles/--no-articles",
    default=True,
    show_default=True,
    help="Show the per-article table.",
)
@_fail_on_library_error
def eval_command(gold: Path, db: str | None, as_json: bool, articles: bool) -> None:
    """Score the stored articles against GOLD (JSON Lines, matched by article id).

    Prints precision, recall and F1, the accuracy of each attribute on matched transfers, and
    the misses and false alarms, following ../shared/spec/ANNOTATION.md.
    """
    gold_articles = load_gold(gold)
    with _open_repo(db) as repo:
        predicted = {
            record["id"]: record["transfers"]
            for record in iter_records(repo)
            if record["id"] in gold_articles
        }
    result = score(gold_articles, predicted)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(result, show_articles=articles))


@cli.command()
@database_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@_fail_on_library_error
def stats(db: str | None, as_json: bool) -> None:
    """Counts of documents, languages, transfer reports and rejected inputs."""
    with _open_repo(db) as repo:
        counts = repo.stats()
    data = counts.to_dict()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table(title="armstrace database", show_header=False)
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "-"
        table.add_row(key.replace("_", " "), str(value))
    Console().print(table)


@cli.command()
@database_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N rows.")
@_fail_on_library_error
def table(db: str | None, limit: int | None) -> None:
    """Print the stored transfer reports as a table (one row per article and transfer)."""
    with _open_repo(db) as repo:
        rows = list(iter_csv_rows(repo))
    if limit is not None:
        rows = rows[:limit]
    out = Table(title=f"{len(rows)} transfer reports")
    columns = ["article", "supplier", "recipient", "materiel", "quantity", "stage", "stance"]
    for col in columns:
        out.add_column(col)
    for row in rows:
        out.add_row(
            row["article_id"],
            row["supplier"] or "?",
            row["recipient"] or "?",
            row["materiel"],
            row["quantity_text"] or "",
            row["stage"],
            row["stance"],
        )
    Console(width=max(120, Console().width)).print(out)


@cli.command()
@database_option
@click.option("--supplier", metavar="CODE", help="Supplier code (PRK, USA, wagner…).")
@click.option("--recipient", metavar="CODE", help="Recipient or end user code.")
@click.option(
    "--materiel",
    metavar="CATEGORY",
    help="A materiel category (tanks, cruise_missiles…) or family (missiles, ammunition).",
)
@click.option("--status", type=click.Choice(STATUSES), help="Only transfers of this status.")
@click.option("--since", metavar="DATE", help="Last reported on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="First reported on or before DATE.")
@click.option(
    "--sort",
    default=DEFAULT_SORT,
    show_default=True,
    help=f"One of {', '.join(SORT_COLUMNS)}; prefix - for descending.",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip the first N.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, claims included.")
@_fail_on_library_error
def transfers(
    db: str | None,
    supplier: str | None,
    recipient: str | None,
    materiel: str | None,
    status: str | None,
    since: str | None,
    until: str | None,
    sort: str,
    limit: int | None,
    offset: int,
    as_json: bool,
) -> None:
    """List the transfers resolved across articles, one row per real-world transfer.

    Each transfer groups every article's report of one flow (see `armstrace show ID`).
    """
    selection = TransferFilter(supplier, recipient, materiel, status, since, until)
    with _open_repo(db) as repo:
        try:
            found = repo.transfers.list_transfers(
                selection, sort=sort, limit=limit, offset=offset, with_claims=as_json
            )
        except ValueError as error:
            raise click.UsageError(str(error)) from error
    if as_json:
        click.echo(json.dumps([transfer_to_dict(t) for t in found], ensure_ascii=False, indent=2))
        return
    out = Table(title=f"{len(found)} transfers")
    # Ids are what `armstrace show` takes: never cut them short.
    out.add_column("id", overflow="fold", min_width=20)
    for column in ("supplier → recipient", "materiel", "status", "stage", "quantity"):
        out.add_column(column)
    for column in ("docs", "sources"):
        out.add_column(column, justify="right")
    out.add_column("reported")
    for transfer in found:
        out.add_row(
            transfer.id,
            _route(transfer),
            transfer.materiel,
            transfer.status,
            transfer.stage,
            _quantity_text(transfer.quantity_min, transfer.quantity_max),
            str(transfer.n_documents),
            str(transfer.n_sources),
            _period_text(transfer.first_reported, transfer.last_reported),
            end_section=False,
        )
    Console(width=max(170, Console().width)).print(out)


def _route(transfer: Transfer) -> str:
    route = f"{transfer.supplier or '?'} → {transfer.recipient or '?'}"
    if transfer.end_user and transfer.end_user != transfer.recipient:
        route += f" → {transfer.end_user}"
    return route


def _quantity_text(low: int | None, high: int | None) -> str:
    if low is None or high is None:
        return ""
    return f"{low:,}" if low == high else f"{low:,}–{high:,}"


def _period_text(first: str | None, last: str | None) -> str:
    if first is None:
        return "undated"
    return first if first == last else f"{first} – {last}"


@cli.command()
@click.argument("transfer_id", metavar="ID")
@database_option
@_fail_on_library_error
def show(transfer_id: str, db: str | None) -> None:
    """Show transfer ID with every claim: its sentence highlighted in the article, its source."""
    with _open_repo(db) as repo:
        transfer = repo.transfers.get_transfer(transfer_id)
        if transfer is None:
            raise click.ClickException(f"no transfer {transfer_id!r} (see `armstrace transfers`)")
        documents = {c.document_id: repo.get_document(c.document_id) for c in transfer.claims}
    console = Console()
    console.print(_transfer_summary(transfer))
    for number, claim in enumerate(transfer.claims, start=1):
        console.print(_claim_panel(number, claim, documents.get(claim.document_id)))


def _transfer_summary(transfer: Transfer) -> Table:
    title = f"{_route(transfer)} · {transfer.materiel} · {transfer.status} · {transfer.stage}"
    summary = Table(title=title, show_header=False, title_style="bold", title_justify="left")
    summary.add_row("id", transfer.id)
    stages = [
        f"{stage} {date or 'undated'}" for stage, date in transfer.stage_first_reported.items()
    ]
    summary.add_row("stages first reported", "; ".join(stages))
    if transfer.quantity_latest is not None:
        low_high = _quantity_text(transfer.quantity_min, transfer.quantity_max)
        summary.add_row("quantity", f"{low_high} (latest {transfer.quantity_latest:,})")
    for label, values in (
        ("details", transfer.details),
        ("via", transfer.via),
        ("origins", transfer.origins),
        ("end users", transfer.end_users),
    ):
        if values:
            summary.add_row(label, ", ".join(values))
    summary.add_row("reported", _period_text(transfer.first_reported, transfer.last_reported))
    summary.add_row(
        "evidence",
        f"{_count(transfer.n_claims, 'claim')} in {_count(transfer.n_documents, 'article')} "
        f"from {_count(transfer.n_sources, 'independent source')}",
    )
    return summary


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _claim_panel(number: int, claim: Claim, document: StoredDocument | None) -> Panel:
    body = Text()
    if claim.title:
        body.append(claim.title + "\n", style="italic")
    if claim.duplicate_of:
        body.append(f"(copy of {claim.duplicate_of}: one source with it)\n", style="dim")
    said = [f"{claim.stance}, {claim.stage}"]
    if claim.claimed_by:
        said.append("claimed by " + ", ".join(claim.claimed_by))
    if claim.denied_by:
        said.append("denied by " + ", ".join(claim.denied_by))
    if claim.quantity_text or claim.quantity is not None:
        said.append(f"quantity {claim.quantity_text or claim.quantity}")
    if claim.sources:
        said.append("outlets cited: " + ", ".join(claim.sources))
    body.append("; ".join(said) + "\n", style="bold")
    for span in evidence_spans(claim.evidence):
        if document is not None:
            before, sentence, after = evidence_in_context(
                document.clean_text, span["start"], span["end"]
            )
        else:
            before, sentence, after = "", span["text"], ""
        body.append("\n" + before)
        body.append(sentence, style="black on yellow")
        body.append(after + "\n")
    if not claim.evidence:
        body.append("\n(no evidence sentence stored)\n", style="dim")
    source = [claim.url or (document.source if document else None), claim.lang, claim.published]
    title = f"{number}. {claim.document_id}"
    subtitle = " · ".join(part for part in source if part) or None
    return Panel(body, title=title, title_align="left", subtitle=subtitle, subtitle_align="left")


@cli.command()
@database_option
@_fail_on_library_error
def resolve(db: str | None) -> None:
    """Resolve stored reports into transfers where anything changed.

    `armstrace run` and `armstrace remove` do this themselves; run it after upgrading a
    database that holds reports from before resolution, or after an interrupted run.
    """
    with _open_repo(db) as repo:
        summary = update_transfers(repo)
    click.echo(
        f"{summary.keys} groups resolved: {len(summary.written)} transfers written, "
        f"{len(summary.deleted)} deleted, {summary.unchanged} unchanged",
        err=True,
    )


@cli.command()
@click.argument("document_ids", nargs=-1, required=True, metavar="ID...")
@database_option
@_fail_on_library_error
def remove(document_ids: tuple[str, ...], db: str | None) -> None:
    """Delete articles ID... with their reports; retract their claims from the transfers.

    Transfers left without any claim are deleted; the others are rolled up again. Exits with
    status 1 if an ID is not stored (the others are removed all the same).
    """
    with _open_repo(db) as repo:
        removal = remove_documents(repo, list(dict.fromkeys(document_ids)))
    for doc_id in removal.removed:
        touched = removal.claims_retracted.get(doc_id, [])
        what = f"claims retracted from {', '.join(touched)}" if touched else "no claims"
        click.echo(f"removed {doc_id}: {what}")
    resolution = removal.resolution
    click.echo(
        f"{len(resolution.written)} transfers updated, {len(resolution.deleted)} deleted",
        err=True,
    )
    if removal.missing:
        raise click.ClickException("no such document: " + ", ".join(removal.missing))


@cli.command()
@database_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--ingest-token",
    envvar="ARMSTRACE_INGEST_TOKEN",
    default=None,
    help="Enable POST /api/documents for clients sending this bearer token "
    "(default: $ARMSTRACE_INGEST_TOKEN; without it the write route is off).",
)
@_fail_on_library_error
def serve(db: str | None, host: str, port: int, ingest_token: str | None) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /openapi.json) over the database."""
    # Imported here: the web stack is only needed by this command.
    from armstrace.api.server import serve as serve_app

    settings = Settings(database_url=resolve_database_url(db))
    Repository.open(settings.database_url).close()  # fail early, with one clear line
    click.echo(f"armstrace: serving {host}:{port} - open http://{host}:{port}/", err=True)
    serve_app(settings, host=host, port=port, ingest_token=ingest_token)


def main() -> None:
    """Entry point of the `armstrace` script."""
    cli(prog_name="armstrace")
