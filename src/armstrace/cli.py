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
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from armstrace import __version__
from armstrace.config import DEFAULT_MAX_BYTES, SUPPORTED_LANGUAGES, Settings
from armstrace.errors import ArmstraceError
from armstrace.evaluate import format_report, load_gold, score
from armstrace.export import CSV_COLUMNS, iter_csv_rows, iter_records
from armstrace.models import Rejection
from armstrace.pipeline import RunEvents, run_inputs
from armstrace.store import Repository, resolve_database_url

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
        f"{summary.transfers} transfer reports, {len(summary.rejections)} inputs rejected",
        err=True,
    )
    if summary.rejections:
        sys.exit(EXIT_INPUTS_REJECTED)


@cli.command()
@database_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["records", "csv"]),
    default="records",
    show_default=True,
    help="records: one JSON line per article (transfers.schema.json); csv: one row per transfer.",
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
    """Export the stored transfer reports."""
    with _open_repo(db) as repo, click.open_file(output, "w", encoding="utf-8") as out:
        if fmt == "records":
            for record in iter_records(repo):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            _write_csv(out, iter_csv_rows(repo))


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


def main() -> None:
    """Entry point of the `armstrace` script."""
    cli(prog_name="armstrace")
