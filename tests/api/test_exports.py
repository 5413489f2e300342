"""CSV and JSON downloads of the current filter."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from armstrace.api.downloads import CSV_COLUMNS, csv_row
from armstrace.models import Claim, Transfer


def test_csv_export_has_one_row_per_matching_transfer(client: TestClient) -> None:
    response = client.get("/api/export/transfers.csv", params={"status": "confirmed"})
    total = client.get("/api/transfers", params={"status": "confirmed"}).json()["total"]

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert "status-confirmed" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == CSV_COLUMNS
    assert len(rows) == total
    assert {row["status"] for row in rows} == {"confirmed"}
    assert all(row["documents"] for row in rows)


def test_json_export_lists_transfers_with_claims_and_evidence(client: TestClient) -> None:
    response = client.get("/api/export/transfers.json", params={"supplier": "PRK"})
    total = client.get("/api/transfers", params={"supplier": "PRK"}).json()["total"]

    exported = response.json()
    assert len(exported) == total > 0
    for transfer in exported:
        assert transfer["supplier"] == "PRK"
        assert len(transfer["claims"]) == transfer["n_claims"]
        assert all(claim["evidence"] for claim in transfer["claims"])


def test_export_with_bad_filter_is_400_before_streaming(client: TestClient) -> None:
    response = client.get("/api/export/transfers.csv", params={"until": "2024-13"})

    assert response.status_code == 400
    assert "until" in response.json()["detail"]


def test_csv_cells_never_start_a_spreadsheet_formula() -> None:
    claim = Claim(
        document_id='=HYPERLINK("http://x")', report_id=1, stance="asserted", stage="delivered"
    )
    transfer = Transfer(
        id="t1",
        supplier="USA",
        recipient="UKR",
        materiel="tanks",
        status="reported",
        stage="delivered",
        claims=[claim],
    )

    row = csv_row(transfer)

    assert row["documents"] == '\'=HYPERLINK("http://x")'
    assert row["supplier"] == "USA"
