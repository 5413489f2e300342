"""The HTML pages: each renders, links its JSON twin, and shares its query with it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

PAGES = ["/", "/network", "/timeline", "/transfers", "/stats", "/transfers?status=contested"]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_and_its_json_twin_answers(client: TestClient, path: str) -> None:
    response = client.get(path)
    page = BeautifulSoup(response.text, "html.parser")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    twin = page.select_one("a.twin")
    assert twin is not None
    twin_response = client.get(str(twin["href"]))
    assert twin_response.status_code == 200
    assert twin_response.headers["content-type"] == "application/json"
    # Scripts come from files of this server only: nothing inline.
    for script in page.select("script"):
        assert str(script.get("src", "")).startswith("/static/")
        assert not script.get_text().strip()


def test_transfers_table_shows_the_filtered_page_of_its_twin(client: TestClient) -> None:
    html = client.get("/transfers", params={"status": "reported", "limit": 5}).text
    twin = client.get("/api/transfers", params={"status": "reported", "limit": 5}).json()
    page = BeautifulSoup(html, "html.parser")

    rows = page.select("#transfers-table tbody tr")
    assert [row["data-status"] for row in rows] == ["reported"] * len(twin["transfers"])
    links = [str(row.select_one("a.row-link")["href"]) for row in rows]
    assert links == [f"/transfers/{t['id']}" for t in twin["transfers"]]
    count = page.select_one(".count strong")
    assert count is not None and count.get_text() == str(twin["total"])
    exports = [str(a["href"]) for a in page.select(".exports a")]
    assert exports == [
        "/api/export/transfers.csv?status=reported",
        "/api/export/transfers.json?status=reported",
    ]
    assert page.select_one('a[rel="next"]') is not None


def test_transfer_page_shows_each_claim_with_its_sentence_marked(client: TestClient) -> None:
    twin = client.get("/api/transfers", params={"sort": "-n_claims", "limit": 1}).json()
    transfer = client.get(f"/api/transfers/{twin['transfers'][0]['id']}").json()
    page = BeautifulSoup(client.get(f"/transfers/{transfer['id']}").text, "html.parser")

    claims = page.select("li.claim")
    assert len(claims) == len(transfer["claims"])
    for item, claim in zip(claims, transfer["claims"], strict=True):
        assert f"stance-{claim['stance']}" in item["class"]
        marks = [mark.get_text() for mark in item.select("blockquote.evidence mark")]
        assert marks == [span["text"] for span in claim["evidence"]]
        link = item.select_one("a.doc-link")
        assert link is not None and link["href"] == f"/documents/{claim['document_id']}"


def test_missing_page_is_an_html_404(client: TestClient) -> None:
    response = client.get("/transfers/does-not-exist")

    assert response.status_code == 404
    assert "No transfer with id" in response.text


def test_bad_filter_on_a_page_is_an_html_400(client: TestClient) -> None:
    response = client.get("/transfers", params={"status": "maybe"})

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert "status" in BeautifulSoup(response.text, "html.parser").select_one("main").get_text()


@pytest.mark.parametrize(
    "path",
    [
        "/static/vendor/d3-7.9.2.min.js",
        "/static/vendor/topojson-client-3.1.0.min.js",
        "/static/vendor/world-atlas-2.0.2-countries-110m.json",
        "/static/js/map.js",
        "/static/css/app.css",
    ],
)
def test_static_files_are_bundled(client: TestClient, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 200
    assert len(response.content) > 1000
