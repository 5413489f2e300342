"""In the browser: from the map to a transfer to its evidence; filters; the other views."""

from __future__ import annotations

import csv
import io
import re

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PageEvents, Server

pytestmark = pytest.mark.playwright


def _assert_clean(events: PageEvents) -> None:
    # A CSP violation or a script error would show up here.
    assert events.console_errors == []
    assert events.page_errors == []


def test_map_to_transfer_to_its_evidence(page: Page, server: Server, events: PageEvents) -> None:
    page.goto(f"{server.url}/")
    expect(page.locator("#flow-map")).to_have_attribute("data-ready", "true")
    assert page.locator("path.country").count() > 150
    assert page.locator("path.arc").count() >= 20

    # An arc of the map opens its transfers in the side panel.
    page.locator('path.arc[data-key="PRK>RUS"]').first.dispatch_event("click")
    expect(page.locator("#pair-title")).to_have_text("North Korea → Russia")
    transfer_link = page.locator("#pair-transfers a.transfer-link", has_text="artillery ammunition")
    expect(transfer_link).to_have_count(1)
    transfer_link.click()

    expect(page).to_have_url(re.compile(r"/transfers/PRK-RUS-"))
    expect(page.locator("h1")).to_contain_text("North Korea")
    claims = page.locator("li.claim")
    assert claims.count() >= 3
    assert page.locator("li.claim.stance-denied").count() >= 1
    first_sentence = claims.first.locator("blockquote.evidence mark").first.inner_text()

    claims.first.locator("a.in-article").first.click()
    expect(page).to_have_url(re.compile(r"/documents/[^#]+#ev-\d+"))
    focused = page.locator("#doc-text mark.focus")
    expect(focused.first).to_be_visible()
    assert first_sentence[:30] in " ".join(focused.all_inner_texts())
    _assert_clean(events)


def test_flow_list_filters_the_arcs_it_selects(page: Page, server: Server) -> None:
    page.goto(f"{server.url}/")
    expect(page.locator("#flow-map")).to_have_attribute("data-ready", "true")

    page.locator('#flow-list li[data-key="KOR>POL"]').click()

    expect(page.locator("#pair-title")).to_have_text("South Korea → Poland")
    assert page.locator('path.arc.selected[data-key="KOR>POL"]').count() >= 1
    assert page.locator("path.arc.dimmed").count() > 0
    expect(page.locator("#pair-table-link")).to_have_attribute(
        "href", "/transfers?supplier=KOR&recipient=POL"
    )


def test_status_filter_on_the_table_and_the_map(
    page: Page, server: Server, events: PageEvents
) -> None:
    total = httpx.get(f"{server.url}/api/transfers", params={"status": "contested"}).json()["total"]
    page.goto(f"{server.url}/transfers")

    page.select_option('select[name="status"]', "contested")  # applies on change

    expect(page).to_have_url(f"{server.url}/transfers?status=contested")
    rows = page.locator("#transfers-table tbody tr")
    expect(rows).to_have_count(total)
    assert set(rows.evaluate_all("rows => rows.map(r => r.dataset.status)")) == {"contested"}

    page.goto(f"{server.url}/?status=contested")
    expect(page.locator("#flow-map")).to_have_attribute("data-ready", "true")
    arc_statuses = page.locator("path.arc").evaluate_all(
        "arcs => arcs.map(a => a.getAttribute('class'))"
    )
    assert arc_statuses and all("status-contested" in c for c in arc_statuses)
    _assert_clean(events)


def test_csv_export_downloads_the_current_filter(page: Page, server: Server) -> None:
    page.goto(f"{server.url}/transfers?supplier=USA")

    with page.expect_download() as download:
        page.locator(".exports a", has_text="CSV").click()

    text = download.value.path().read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    total = httpx.get(f"{server.url}/api/transfers", params={"supplier": "USA"}).json()["total"]
    assert len(rows) == total > 0
    assert {row["supplier"] for row in rows} == {"USA"}


def test_network_and_timeline_draw_their_twins(
    page: Page, server: Server, events: PageEvents
) -> None:
    graph = httpx.get(f"{server.url}/api/flows").json()
    page.goto(f"{server.url}/network")
    expect(page.locator("#actor-table tbody tr")).to_have_count(
        len(httpx.get(f"{server.url}/api/actors").json())
    )
    expect(page.locator("g.net-node")).to_have_count(len(graph["nodes"]))
    page.locator("g.net-node", has_text="Ukraine").first.dispatch_event("click")
    expect(page.locator("#actor-title")).to_have_text("Ukraine")
    expect(page.locator("#actor-receives-link")).to_have_attribute(
        "href", "/transfers?recipient=UKR"
    )

    page.goto(f"{server.url}/timeline?supplier=PRK")
    expect(page.locator("#timeline")).to_have_attribute("data-ready", "true")
    listing = httpx.get(
        f"{server.url}/api/transfers", params={"supplier": "PRK", "include_claims": "true"}
    ).json()
    assert page.locator("g.row").count() == listing["total"]
    assert page.locator("a.claim").count() == sum(t["n_claims"] for t in listing["transfers"])
    _assert_clean(events)
