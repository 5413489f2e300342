"""GET /api/documents/{id} and the document page: clean text with every evidence span."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

DOCUMENT = "en-01-us-says-north-korea-shipping-shells"


def test_document_spans_point_into_its_clean_text(client: TestClient) -> None:
    document = client.get(f"/api/documents/{DOCUMENT}").json()

    assert document["title"].startswith("US says North Korea")
    assert document["reports"]
    for report in document["reports"]:
        for span in report["evidence"]:
            assert document["text"][span["start"] : span["end"]] == span["text"]
    covered = {p for h in document["highlights"] for p in h["reports"]}
    assert covered == {r["position"] for r in document["reports"] if r["evidence"]}


def test_document_reports_link_to_the_transfer_holding_their_claim(client: TestClient) -> None:
    document = client.get(f"/api/documents/{DOCUMENT}").json()

    linked = [r for r in document["reports"] if r["transfer_id"]]
    assert linked
    for report in linked:
        transfer = client.get(f"/api/transfers/{report['transfer_id']}").json()
        assert any(c["document_id"] == DOCUMENT for c in transfer["claims"])
        assert transfer["supplier"] == report["supplier"]


def test_document_page_highlights_each_evidence_sentence(client: TestClient) -> None:
    document = client.get(f"/api/documents/{DOCUMENT}").json()
    page = BeautifulSoup(client.get(f"/documents/{DOCUMENT}").text, "html.parser")

    text = page.select_one("#doc-text")
    assert text is not None
    # BeautifulSoup folds whitespace-only strings between tags: compare the words.
    assert text.get_text().split() == document["text"].split()
    highlighted = " ".join(mark.get_text() for mark in text.select("mark"))
    for highlight in document["highlights"]:
        sentence = document["text"][highlight["start"] : highlight["end"]]
        assert sentence[:40] in highlighted
    assert len(page.select("ol.reports li")) == len(document["reports"])


def test_document_unknown_id_is_404_in_json_and_html(client: TestClient) -> None:
    api = client.get("/api/documents/nope")
    page = client.get("/documents/nope")

    assert api.status_code == page.status_code == 404
    assert api.json()["detail"] == "no document 'nope'"
    assert "No document with id" in page.text
