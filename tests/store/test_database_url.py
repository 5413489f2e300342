"""Where the database is: `--db`, then $ARMSTRACE_DB, then ./armstrace.db."""

from __future__ import annotations

from pathlib import Path

import pytest

from armstrace.store import resolve_database_url


def test_resolve_database_url_prefers_cli_value(tmp_path: Path) -> None:
    env = {"ARMSTRACE_DB": str(tmp_path / "env.db")}
    assert resolve_database_url(str(tmp_path / "cli.db"), env) == f"sqlite:///{tmp_path}/cli.db"


def test_resolve_database_url_falls_back_to_environment(tmp_path: Path) -> None:
    env = {"ARMSTRACE_DB": str(tmp_path / "env.db")}
    assert resolve_database_url(None, env) == f"sqlite:///{tmp_path}/env.db"


def test_resolve_database_url_ignores_empty_values(tmp_path: Path) -> None:
    env = {"ARMSTRACE_DB": str(tmp_path / "env.db")}
    assert resolve_database_url("", env) == f"sqlite:///{tmp_path}/env.db"


def test_resolve_database_url_defaults_to_file_in_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_database_url(None, {}) == f"sqlite:///{tmp_path.resolve()}/armstrace.db"


def test_resolve_database_url_makes_relative_paths_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = resolve_database_url("data/news.db", {})
    assert url == f"sqlite:///{tmp_path.resolve()}/data/news.db"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:////var/lib/armstrace.db", "sqlite:////var/lib/armstrace.db"),
        ("sqlite:///relative.db", "sqlite:///relative.db"),
        ("postgresql://me@db.example:5432/arms", "postgresql+psycopg://me@db.example:5432/arms"),
        ("postgres://me@db.example/arms", "postgresql+psycopg://me@db.example/arms"),
        ("postgresql+psycopg://me@localhost/arms", "postgresql+psycopg://me@localhost/arms"),
    ],
)
def test_resolve_database_url_normalises_urls(given: str, expected: str) -> None:
    assert resolve_database_url(given, {}) == expected


def test_resolve_database_url_rejects_other_schemes_without_echoing_password() -> None:
    with pytest.raises(ValueError, match="'mysql'") as raised:
        resolve_database_url("mysql://me:s3cret@db/arms", {})
    assert "s3cret" not in str(raised.value)
