"""Headers, links and the OpenAPI document: what keeps untrusted text inert."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from armstrace.api.security import safe_link


@pytest.mark.parametrize(
    "path", ["/", "/transfers", "/api/stats", "/static/css/app.css", "/nowhere", "/api/nowhere"]
)
def test_every_response_carries_a_strict_content_security_policy(
    client: TestClient, path: str
) -> None:
    policy = client.get(path).headers["content-security-policy"]

    directives = dict(item.strip().split(" ", 1) for item in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_responses_forbid_sniffing_and_framing(client: TestClient) -> None:
    headers = client.get("/").headers

    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//evil.example", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_link_keeps_only_http_links(url: str | None, expected: str | None) -> None:
    assert safe_link(url) == expected


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]

    assert set(paths) >= {
        "/api/transfers",
        "/api/transfers/{transfer_id}",
        "/api/actors",
        "/api/flows",
        "/api/documents/{document_id}",
        "/api/documents",
        "/api/stats",
        "/api/export/transfers.csv",
        "/api/export/transfers.json",
    }
    assert "post" in paths["/api/documents"]
    assert "/" not in paths  # pages are not part of the API


def test_stats_count_documents_and_transfers_by_status(client: TestClient) -> None:
    stats = client.get("/api/stats").json()

    assert stats["documents"] >= 20
    assert stats["transfers"]["total"] == client.get("/api/transfers").json()["total"]
    assert sum(stats["transfers"]["by_status"].values()) == stats["transfers"]["total"]
