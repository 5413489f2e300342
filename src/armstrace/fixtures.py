"""The demo database: the real pipeline run over `examples/articles/` into a SQLite file.

Tests (API and browser), the `serve` demo and screenshots all look at this one database, so
what they show is what `armstrace run` produces, never hand-written rows.
"""

from __future__ import annotations

from pathlib import Path

from armstrace.config import Settings
from armstrace.pipeline import run_inputs
from armstrace.store import Repository, resolve_database_url

# The demo corpus lives in the source tree beside `src/`, not inside the installed package.
DEMO_ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def write_demo_database(path: str | Path, articles: str | Path | None = None) -> None:
    """Create (or refresh) the SQLite database at `path` from the demo articles.

    `articles` defaults to `examples/articles/` of the source tree. The run goes through
    `pipeline.run_inputs`, the same stages as `armstrace run`, resolution included.
    """
    source = Path(articles) if articles is not None else DEMO_ARTICLES
    if not source.is_dir():
        raise FileNotFoundError(f"no demo articles folder at {source}")
    url = resolve_database_url(str(path))
    settings = Settings(database_url=url)
    with Repository.open(url) as repo:
        run_inputs([str(source)], repo, settings)
