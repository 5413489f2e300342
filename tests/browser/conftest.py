"""Fixtures of the browser tests: Debian's chromium through Playwright, against real servers.

    browser      (session) chromium from /usr/bin/chromium; Playwright never downloads one
    server       (session) `python -m armstrace.api.server` on a free loopback port, serving
                 a copy of the demo database, ingestion enabled with INGEST_TOKEN
    page         a fresh page that records console errors, page errors and dialogs

Without chromium the tests are skipped, unless ARMSTRACE_REQUIRE_BROWSER=1 (set by
`make test`), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, sync_playwright

from tests.api.demo_database import copy_demo_database
from tests.conftest import free_port

REQUIRE_BROWSER_ENV = "ARMSTRACE_REQUIRE_BROWSER"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INGEST_TOKEN = "browser-test-token"
SERVER_START_SECONDS = 90


def _browser_unavailable(reason: str) -> NoReturn:
    if os.environ.get(REQUIRE_BROWSER_ENV) == "1":
        pytest.fail(f"chromium is required ({REQUIRE_BROWSER_ENV}=1): {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless."""
    if not CHROMIUM.is_file():
        _browser_unavailable(f"{CHROMIUM} not found (apt-get install chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@dataclass
class Server:
    """A running `armstrace.api.server` process."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path


def start_server(database: Path, log: Path) -> Server:
    """Start the server on a free port and wait until it answers (or fail with its log)."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "armstrace.api.server",
        "--db",
        str(database),
        "--port",
        str(port),
        "--ingest-token",
        INGEST_TOKEN,
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if httpx.get(f"{url}/api/stats", timeout=2).status_code == 200:
                return Server(url=url, process=process, log=log)
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    stop_server(process)
    pytest.fail(f"server did not start:\n{log.read_text(errors='replace')[-3000:]}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop a server process started by `start_server`."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextmanager
def demo_server(factory: pytest.TempPathFactory, name: str) -> Iterator[Server]:
    """A server over its own copy of the demo database, in a fresh folder `name`, stopped
    and its folder removed on exit.
    """
    folder = factory.mktemp(name)
    database = copy_demo_database(factory, folder / "demo.db")
    running = start_server(database, folder / "server.log")
    try:
        yield running
    finally:
        stop_server(running.process)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over a copy of the demo database, for the whole session."""
    with demo_server(tmp_path_factory, "browser") as running:
        yield running


@dataclass
class PageEvents:
    """What a page reported while a test drove it."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def events() -> PageEvents:
    return PageEvents()


@pytest.fixture
def page(browser: Browser, events: PageEvents) -> Iterator[Page]:
    """A fresh page (own context) recording console errors, page errors and dialogs."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    new_page = context.new_page()
    new_page.set_default_timeout(15_000)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            events.console_errors.append(message.text)

    def on_dialog(dialog: Dialog) -> None:
        events.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    new_page.on("console", on_console)
    new_page.on("pageerror", lambda error: events.page_errors.append(str(error)))
    new_page.on("dialog", on_dialog)
    try:
        yield new_page
    finally:
        context.close()
