"""GET /api/transfers and /api/transfers/{id}: filters, pagination, sorting, claims."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from armstrace.models import STATUSES


def test_transfers_page_reports_total_and_pages_do_not_overlap(client: TestClient) -> None:
    first = client.get("/api/transfers", params={"limit": 10}).json()
    second = client.get("/api/transfers", params={"limit": 10, "offset": 10}).json()
    everything = client.get("/api/transfers", params={"limit": 500}).json()

    assert first["total"] == everything["total"] == len(everything["transfers"]) > 20
    assert len(first["transfers"]) == 10
    first_ids = {t["id"] for t in first["transfers"]}
    second_ids = {t["id"] for t in second["transfers"]}
    assert not first_ids & second_ids
    assert [t["id"] for t in everything["transfers"][:20]] == [
        t["id"] for t in first["transfers"] + second["transfers"]
    ]


@pytest.mark.parametrize("status", STATUSES)
def test_transfers_status_filter_keeps_only_that_status(client: TestClient, status: str) -> None:
    page = client.get("/api/transfers", params={"status": status, "limit": 500}).json()

    assert page["filter"]["status"] == status
    assert page["total"] == len(page["transfers"])
    assert all(t["status"] == status for t in page["transfers"])


def test_transfers_statuses_partition_all_transfers(client: TestClient) -> None:
    total = client.get("/api/transfers").json()["total"]
    by_status = [
        client.get("/api/transfers", params={"status": s}).json()["total"] for s in STATUSES
    ]

    assert sum(by_status) == total
    assert by_status[STATUSES.index("contested")] >= 1


def test_transfers_supplier_and_recipient_filters(client: TestClient) -> None:
    page = client.get("/api/transfers", params={"supplier": "prk", "recipient": "RUS"}).json()

    assert page["total"] >= 2
    for transfer in page["transfers"]:
        assert transfer["supplier"] == "PRK"
        assert "RUS" in (transfer["recipient"], transfer["end_user"])
        assert transfer["supplier_name"] == "North Korea"
        assert "claims" not in transfer
        assert transfer["n_claims"] >= 1


def test_transfers_materiel_family_covers_its_categories(client: TestClient) -> None:
    family = client.get("/api/transfers", params={"materiel": "ammunition", "limit": 500}).json()
    category = client.get("/api/transfers", params={"materiel": "artillery_ammunition"}).json()

    assert {t["materiel"] for t in family["transfers"]} >= {"artillery_ammunition"}
    assert family["total"] > category["total"] > 0


def test_transfers_sort_by_documents_descending(client: TestClient) -> None:
    page = client.get("/api/transfers", params={"sort": "-n_documents", "limit": 500}).json()
    counts = [t["n_documents"] for t in page["transfers"]]

    assert page["sort"] == "-n_documents"
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1]


def test_transfers_time_window_excludes_transfers_reported_outside_it(
    client: TestClient,
) -> None:
    dated = client.get("/api/transfers", params={"since": "2024-05", "limit": 500}).json()

    assert dated["total"] >= 1
    assert all((t["last_reported"] or "") >= "2024-05" for t in dated["transfers"])


@pytest.mark.parametrize(
    ("params", "mentions"),
    [
        ({"status": "rumoured"}, "status"),
        ({"since": "last week"}, "since"),
        ({"sort": "colour"}, "sort"),
        ({"limit": "0"}, "limit"),
        ({"limit": "many"}, "limit"),
    ],
)
def test_transfers_bad_parameter_is_400_naming_it(
    client: TestClient, params: dict[str, str], mentions: str
) -> None:
    response = client.get("/api/transfers", params=params)

    assert response.status_code == 400
    assert mentions in response.json()["detail"]


def test_transfers_include_claims_adds_claims_with_evidence(client: TestClient) -> None:
    page = client.get("/api/transfers", params={"include_claims": "true", "limit": 5}).json()

    for transfer in page["transfers"]:
        assert len(transfer["claims"]) == transfer["n_claims"]
        assert all(claim["evidence"] for claim in transfer["claims"])


def test_transfer_detail_traces_each_claim_to_its_sentence_in_context(
    client: TestClient,
) -> None:
    listing = client.get(
        "/api/transfers",
        params={"supplier": "PRK", "recipient": "RUS", "materiel": "artillery_ammunition"},
    ).json()
    transfer_id = listing["transfers"][0]["id"]

    detail = client.get(f"/api/transfers/{transfer_id}").json()

    assert detail["status"] == "contested"
    assert len(detail["claims"]) == detail["n_claims"] >= 3
    assert detail["stances"]["denied"] >= 1
    for claim in detail["claims"]:
        document = client.get(f"/api/documents/{claim['document_id']}").json()
        for span in claim["evidence"]:
            assert document["text"][span["start"] : span["end"]] == span["text"]
            assert span["context"]["text"] == span["text"]
            around = span["context"]["before"] + span["text"] + span["context"]["after"]
            assert around.strip("…") in document["text"]


def test_transfer_detail_unknown_id_is_404(client: TestClient) -> None:
    response = client.get("/api/transfers/no-such-transfer")

    assert response.status_code == 404
    assert "no-such-transfer" in response.json()["detail"]
