"""The script-injection probe: hostile titles, texts, URLs and ids never run in the browser.

Articles carrying `<script>`, `onerror=` and `javascript:` payloads are ingested through the
real POST /api/documents of a server of their own; then every page that shows them is
opened. Each payload would set `window.__pwned`, change the title or open a dialog if it ran.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import INGEST_TOKEN, PageEvents, Server, demo_server

pytestmark = pytest.mark.playwright

SCRIPT = '<script>window.__pwned = "script"; document.title = "pwned"; alert("script")</script>'
IMAGE = "<img src=x onerror=\"window.__pwned='img'; alert('img')\">"
SVG = "<svg onload=\"window.__pwned='svg'\"></svg>"
LINK = "javascript:window.__pwned='link';alert('link')"
HOSTILE_ID = "probe-<img src=x onerror=alert(1)>"

ARTICLES = [
    {
        "id": "probe-script",
        "title": f"Shipment {SCRIPT}",
        "url": LINK,
        "published": "2024-06-04",
        "text": f"{SCRIPT}\n\n{IMAGE} Norway delivered 14 K9 howitzers to Estonia on Tuesday, "
        f"the Norwegian defence ministry said. {SVG} More were to follow.",
    },
    {
        "id": HOSTILE_ID,
        "title": f"{IMAGE} denial",
        "url": "https://example.org/\"><script>window.__pwned='attr'</script>",
        "published": "2024-06-05",
        "text": f"Estonia said on Wednesday that Norway delivered 14 K9 howitzers {IMAGE} to "
        f'its army, according to Estonian officials. <a href="{LINK}">details</a>',
    },
]


@pytest.fixture(scope="module")
def probe_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own whose database holds the hostile articles."""
    with demo_server(tmp_path_factory, "probe") as running:
        for article in ARTICLES:
            response = httpx.post(
                f"{running.url}/api/documents",
                json=article,
                headers={"Authorization": f"Bearer {INGEST_TOKEN}"},
                timeout=60,
            )
            assert response.status_code == 201, response.text
        yield running


def _probe_transfer_id(server: Server) -> str:
    listing = httpx.get(
        f"{server.url}/api/transfers", params={"supplier": "NOR", "recipient": "EST"}
    ).json()
    [transfer] = listing["transfers"]
    return str(transfer["id"])


def _assert_nothing_ran(page: Page, events: PageEvents) -> None:
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.evaluate("() => document.title").endswith("armstrace")
    assert page.locator('a[href^="javascript:" i]').count() == 0
    assert page.locator("#doc-text img, .claims img, svg svg").count() == 0
    assert events.dialogs == []
    assert events.page_errors == []


def test_hostile_articles_show_as_text_and_never_run(
    page: Page, probe_server: Server, events: PageEvents
) -> None:
    transfer_id = _probe_transfer_id(probe_server)
    base = probe_server.url

    page.goto(f"{base}/transfers/{transfer_id}")
    claims = page.locator("li.claim")
    expect(claims).to_have_count(2)
    # The payloads are visible as the text they are.
    expect(page.locator("a.doc-link").first).to_contain_text("<script>window.__pwned")
    expect(page.locator("main")).to_contain_text("onerror=")
    _assert_nothing_ran(page, events)

    page.goto(f"{base}/documents/probe-script")
    expect(page.locator("h1")).to_contain_text("<script>")
    expect(page.locator("#doc-text")).to_contain_text('<img src=x onerror="window.__pwned')
    assert page.locator("a.external").count() == 0  # the javascript: URL is not a link
    _assert_nothing_ran(page, events)

    page.goto(f"{base}/documents/{quote(HOSTILE_ID, safe='')}")
    expect(page.locator("h1")).to_contain_text("<img src=x onerror=")
    _assert_nothing_ran(page, events)

    for path in ["/", "/network", "/timeline?supplier=NOR", "/transfers?supplier=NOR"]:
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
        _assert_nothing_ran(page, events)

    # The map's side panel and the timeline's marks render the payload titles as text too.
    page.goto(f"{base}/")
    expect(page.locator("#flow-map")).to_have_attribute("data-ready", "true")
    page.locator('#flow-list li[data-key="NOR>EST"]').click()
    expect(page.locator("#pair-transfers a.transfer-link")).to_have_count(1)
    _assert_nothing_ran(page, events)


def test_ingest_route_refuses_writes_without_the_token(probe_server: Server) -> None:
    before = httpx.get(f"{probe_server.url}/api/stats").json()["documents"]

    response = httpx.post(f"{probe_server.url}/api/documents", json=ARTICLES[0])

    assert response.status_code == 401
    assert httpx.get(f"{probe_server.url}/api/stats").json()["documents"] == before


def test_content_security_policy_blocks_inline_script(page: Page, probe_server: Server) -> None:
    page.goto(f"{probe_server.url}/transfers")
    # Even a script element added to the page by someone else would not run.
    page.evaluate(
        """() => {
            const s = document.createElement('script');
            s.textContent = 'window.__pwned = "inline"';
            document.body.append(s);
        }"""
    )

    assert page.evaluate("() => window.__pwned === undefined")
