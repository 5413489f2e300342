"""The demo database for API and browser tests: built once per test session, copied per use.

Building runs the whole pipeline over examples/articles (about 20 s), so the session builds
it once under pytest's base temporary folder and each test works on its own copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from armstrace.fixtures import write_demo_database


def demo_database_template(factory: pytest.TempPathFactory) -> Path:
    """The session's pristine demo database (never written to by a test)."""
    path = factory.getbasetemp() / "armstrace-demo" / "demo.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_demo_database(path)
    return path


def copy_demo_database(factory: pytest.TempPathFactory, target: Path) -> Path:
    """A private copy of the demo database at `target` (a .db path)."""
    source = demo_database_template(factory)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Closing the last connection checkpoints the WAL; copy one if a checkpoint left it.
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target
