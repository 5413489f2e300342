"""The one conftest of the armstrace tests: fixtures that every test folder may use.

Databases (never mocked):
    db_url_sqlite    URL of a fresh SQLite file in the test's tmp_path
    postgres_server  (session) a real PostgreSQL server started from Debian's package
    postgres_url     URL of an empty database on that server (its schema is reset per test)
    db_url           both of the above: tests using it run once per back end
    repo             a migrated `Repository` on `db_url`, closed after the test

Tests that use the PostgreSQL fixtures carry the `postgres` marker (added automatically through
`db_url` and `repo`; mark a test yourself if it asks for `postgres_url` directly). When the
server binaries are missing they are skipped, unless ARMSTRACE_REQUIRE_POSTGRES=1 (set by
`make test` and CI), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest

from armstrace.store import Repository

REQUIRE_POSTGRES_ENV = "ARMSTRACE_REQUIRE_POSTGRES"
POSTGRES_TEST_DATABASE = "armstrace_test"
_POSTGRES_SUPERUSER = "postgres"
_POSTGRES_SYSTEM_USER = "postgres"  # initdb refuses to run as root: we switch to this user
_SERVER_SETTINGS = (
    # Test data is thrown away: durability only costs time.
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
)


@dataclass(frozen=True)
class PostgresServer:
    """A running test server, reachable over TCP on 127.0.0.1 without a password."""

    port: int
    data_dir: Path

    def url(self, database: str = POSTGRES_TEST_DATABASE) -> str:
        """SQLAlchemy URL of `database` on this server (psycopg 3 driver)."""
        return f"postgresql+psycopg://{_POSTGRES_SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def connect(self, database: str = POSTGRES_TEST_DATABASE) -> psycopg.Connection[tuple[object]]:
        """A plain psycopg connection in autocommit mode, for setup work."""
        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=_POSTGRES_SUPERUSER,
            dbname=database,
            autocommit=True,
        )


def _postgres_unavailable(reason: str) -> NoReturn:
    if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
        pytest.fail(f"PostgreSQL is required ({REQUIRE_POSTGRES_ENV}=1): {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


def _find_postgres_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's newest version."""
    on_path = shutil.which("initdb")
    candidates = [Path(on_path).parent] if on_path else []

    def major_version(bin_dir: Path) -> int:
        name = bin_dir.parent.name
        return int(name) if name.isdigit() else 0

    debian_dirs = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(debian_dirs, key=major_version, reverse=True)
    for bin_dir in candidates:
        if (bin_dir / "initdb").is_file() and (bin_dir / "pg_ctl").is_file():
            return bin_dir
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now (another process may still take it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run_as_server_user(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    if os.geteuid() == 0:
        command = ["runuser", "-u", _POSTGRES_SYSTEM_USER, "--", *command]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def _start_server(bin_dir: Path, base_dir: Path) -> PostgresServer:
    data_dir = base_dir / "data"
    initdb = _run_as_server_user(
        [
            str(bin_dir / "initdb"),
            f"--pgdata={data_dir}",
            f"--username={_POSTGRES_SUPERUSER}",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        ],
        cwd=base_dir,
    )
    if initdb.returncode != 0:
        _postgres_unavailable(f"initdb failed: {initdb.stderr.strip()}")
    # Another process may take the free port between probe and start: try a few.
    for _attempt in range(3):
        port = free_port()
        options = f"-p {port} -k {base_dir} -c listen_addresses=127.0.0.1 {_SERVER_SETTINGS}"
        started = _run_as_server_user(
            [
                str(bin_dir / "pg_ctl"),
                "start",
                "-w",
                "-t",
                "60",
                "-D",
                str(data_dir),
                "-l",
                str(base_dir / "server.log"),
                "-o",
                options,
            ],
            cwd=base_dir,
        )
        if started.returncode == 0:
            return PostgresServer(port=port, data_dir=data_dir)
    log = (base_dir / "server.log").read_text(errors="replace")[-2000:]
    _postgres_unavailable(f"pg_ctl start failed: {started.stderr.strip()}\n{log}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole test session, with an empty `armstrace_test` database."""
    bin_dir = _find_postgres_bin_dir()
    if bin_dir is None:
        _postgres_unavailable("initdb/pg_ctl not found on PATH nor in /usr/lib/postgresql/*/bin")
    server_user: pwd.struct_passwd | None = None
    if os.geteuid() == 0:
        try:
            server_user = pwd.getpwnam(_POSTGRES_SYSTEM_USER)
        except KeyError:
            _postgres_unavailable(f"running as root and no {_POSTGRES_SYSTEM_USER!r} user exists")
        if shutil.which("runuser") is None:
            _postgres_unavailable("running as root and runuser is missing")
    # Not tmp_path_factory: its folders are private to root, and the server runs as postgres.
    base_dir = Path(tempfile.mkdtemp(prefix="armstrace-pg-"))
    server: PostgresServer | None = None
    try:
        if server_user is not None:
            os.chown(base_dir, server_user.pw_uid, server_user.pw_gid)
        server = _start_server(bin_dir, base_dir)
        with server.connect("postgres") as connection:
            connection.execute(f"CREATE DATABASE {POSTGRES_TEST_DATABASE}")
        yield server
    finally:
        if server is not None:
            _run_as_server_user(
                [str(bin_dir / "pg_ctl"), "stop", "-m", "fast", "-w", "-D", str(server.data_dir)],
                cwd=base_dir,
            )
        shutil.rmtree(base_dir, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """URL of the test database, emptied for this test (schema dropped and recreated)."""
    with postgres_server.connect() as connection:
        # A connection a previous test left open would make DROP SCHEMA wait for its locks.
        connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")
    return postgres_server.url()


@pytest.fixture
def db_url_sqlite(tmp_path: Path) -> str:
    """URL of a SQLite database file (not yet created) in this test's tmp_path."""
    return f"sqlite:///{tmp_path / 'armstrace.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """An empty database of each back end in turn."""
    fixture_name = "db_url_sqlite" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(fixture_name)
    return url


@pytest.fixture
def repo(db_url: str) -> Iterator[Repository]:
    """A migrated repository on `db_url`, closed when the test ends."""
    with Repository.open(db_url) as repository:
        yield repository
