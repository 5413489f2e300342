"""CSV and JSON downloads of the transfers matching a filter, streamed in batches.

The JSON download is a list of the objects `armstrace transfers --json` prints (claims and
evidence included); the CSV has one row per transfer. CSV cells that a spreadsheet would read
as a formula (article ids come from untrusted inputs) are prefixed with a quote.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from armstrace.api.queries import transfer_json
from armstrace.models import Transfer

CSV_COLUMNS = [
    "id",
    "supplier",
    "supplier_name",
    "recipient",
    "recipient_name",
    "end_user",
    "materiel",
    "family",
    "status",
    "stage",
    "quantity_min",
    "quantity_max",
    "quantity_latest",
    "via",
    "n_documents",
    "n_sources",
    "n_claims",
    "first_reported",
    "last_reported",
    "documents",
]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(transfer: Transfer) -> dict[str, Any]:
    """One transfer as a CSV row; lists are joined with `;`."""
    data = transfer_json(transfer, with_claims=False)
    row = {name: data.get(name) for name in CSV_COLUMNS}
    row["quantity_min"] = transfer.quantity_min
    row["quantity_max"] = transfer.quantity_max
    row["quantity_latest"] = transfer.quantity_latest
    row["via"] = ";".join(transfer.via)
    row["documents"] = ";".join(dict.fromkeys(claim.document_id for claim in transfer.claims))
    return {name: _cell(value) for name, value in row.items()}


def iter_csv(transfers: Iterable[Transfer]) -> Iterator[str]:
    """The CSV text, a header and then one line per transfer."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for transfer in transfers:
        writer.writerow(csv_row(transfer))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def iter_json(transfers: Iterable[Transfer]) -> Iterator[str]:
    """A JSON list of transfers with their claims, one element per chunk."""
    yield "["
    separator = "\n"
    for transfer in transfers:
        yield separator + json.dumps(transfer_json(transfer, with_claims=True), ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"
