"""POST /api/documents: off without a token, then the `armstrace run` pipeline behind it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from armstrace.api import create_app
from armstrace.api.ingest import UploadError, safe_upload_name
from armstrace.config import Settings
from tests.api.conftest import INGEST_TOKEN

AUTH = {"Authorization": f"Bearer {INGEST_TOKEN}"}
ARTICLE = (
    "Norway delivered 14 K9 howitzers to Estonia on Tuesday, the Norwegian defence "
    "ministry said in Oslo."
)


def test_ingest_is_disabled_without_a_configured_token(client: TestClient) -> None:
    response = client.post("/api/documents", json={"text": ARTICLE}, headers=AUTH)

    assert response.status_code == 403
    assert "ARMSTRACE_INGEST_TOKEN" in response.json()["detail"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {INGEST_TOKEN}"}],
)
def test_ingest_without_the_right_token_is_401(
    token_client: TestClient, headers: dict[str, str]
) -> None:
    response = token_client.post("/api/documents", json={"text": ARTICLE}, headers=headers)

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert token_client.get("/api/stats").json()["runs"] == 1  # nothing was run


def test_ingest_text_stores_it_and_resolves_its_transfer(token_client: TestClient) -> None:
    body = {
        "text": ARTICLE,
        "id": "oslo-k9",
        "title": "Norway sends K9s",
        "published": "2024-06-04",
    }

    response = token_client.post("/api/documents", json=body, headers=AUTH)
    again = token_client.post("/api/documents", json=body, headers=AUTH)

    assert response.status_code == 201
    assert response.json()["documents"] == [{"id": "oslo-k9", "state": "new"}]
    assert response.json()["transfers_updated"] >= 1
    assert again.status_code == 200
    assert again.json()["documents"] == [{"id": "oslo-k9", "state": "unchanged"}]
    document = token_client.get("/api/documents/oslo-k9").json()
    assert document["title"] == "Norway sends K9s"
    transfer_id = document["reports"][0]["transfer_id"]
    transfer = token_client.get(f"/api/transfers/{transfer_id}").json()
    assert (transfer["supplier"], transfer["recipient"]) == ("NOR", "EST")
    assert transfer["claims"][0]["evidence"][0]["text"].startswith("Norway delivered 14")


def test_ingest_file_upload_takes_its_name_as_id(token_client: TestClient) -> None:
    files = {"file": ("oslo report.txt", ARTICLE.encode("utf-8"), "text/plain")}

    response = token_client.post("/api/documents", files=files, headers=AUTH)

    assert response.status_code == 201
    assert response.json()["documents"] == [{"id": "oslo_report", "state": "new"}]
    assert token_client.get("/api/documents/oslo_report").status_code == 200


def test_ingest_rejected_input_is_422_with_the_reason(token_client: TestClient) -> None:
    files = {"file": ("empty.txt", b"   \n", "text/plain")}

    response = token_client.post("/api/documents", files=files, headers=AUTH)

    assert response.status_code == 422
    [rejection] = response.json()["rejections"]
    assert rejection["source"] == "upload:empty.txt"
    assert rejection["reason"] == "empty"


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"json": {"text": ""}}, 422),
        ({"json": {"title": "no text"}}, 422),
        ({"json": {"text": "x", "colour": "red"}}, 422),
        ({"content": b"not json", "headers": {"Content-Type": "application/json"}}, 422),
        ({"content": b"text", "headers": {"Content-Type": "text/plain"}}, 415),
        ({"files": {"file": ("run.exe", b"MZ", "application/octet-stream")}}, 422),
    ],
)
def test_ingest_bad_request_is_refused(
    token_client: TestClient, kwargs: dict[str, object], status: int
) -> None:
    headers = {**AUTH, **kwargs.pop("headers", {})}  # type: ignore[dict-item]

    response = token_client.post("/api/documents", headers=headers, **kwargs)  # type: ignore[arg-type]

    assert response.status_code == status
    assert response.json()["detail"]


def test_ingest_over_the_size_limit_is_refused(writable_db: Path) -> None:
    app = create_app(Settings(database_url=str(writable_db), max_bytes=200), ingest_token="t")
    auth = {"Authorization": "Bearer t"}
    with TestClient(app) as small:
        # A body far over the limit is not even read; one a little over meets the readers'
        # limit, as on the command line.
        huge = small.post("/api/documents", json={"text": "x" * 100_000}, headers=auth)
        over = small.post("/api/documents", json={"text": ARTICLE * 3}, headers=auth)

    assert huge.status_code == 413
    assert over.status_code == 422
    assert "200" in over.json()["rejections"][0]["reason"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("report.txt", "report.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("a b?.html", "a_b_.html"),
        ("wire.jsonl.gz", "wire.jsonl.gz"),
    ],
)
def test_safe_upload_name_keeps_a_plain_base_name(name: str, expected: str) -> None:
    assert safe_upload_name(name) == expected


@pytest.mark.parametrize("name", ["notes", "payload.exe", "...", "x.txt.exe"])
def test_safe_upload_name_refuses_unreadable_types(name: str) -> None:
    with pytest.raises(UploadError):
        safe_upload_name(name)
