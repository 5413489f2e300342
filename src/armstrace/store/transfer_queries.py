"""SQL of the read side of resolved transfers: filters, sorting, claims with their evidence.

Functions over an open connection; `TransferStore` (transfers.py) opens the connections.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from armstrace.models import STAGES, STATUSES, ActorSummary, Claim, Evidence, Flow, TransferFilter
from armstrace.store import rows
from armstrace.store import tables as t
from armstrace.store.transfer_rows import claim_from_row, day_bounds

# Bound on the values of one `IN (...)` list: SQLite caps the parameters of a statement.
MAX_IN_LIST = 500

_STAGE_RANK = sa.case({stage: rank for rank, stage in enumerate(STAGES)}, value=t.transfers.c.stage)
_STATUS_RANK = sa.case(
    {status: rank for rank, status in enumerate(STATUSES)}, value=t.transfers.c.status
)
# `--sort` names and what they sort by; "-name" sorts descending.
SORT_COLUMNS: dict[str, sa.ColumnElement[Any]] = {
    "id": t.transfers.c.id,
    "supplier": t.transfers.c.supplier,
    "recipient": t.transfers.c.recipient,
    "materiel": t.transfers.c.materiel,
    "status": _STATUS_RANK,
    "stage": _STAGE_RANK,
    "quantity": t.transfers.c.quantity_max,
    "first_reported": t.transfers.c.first_day,
    "last_reported": t.transfers.c.last_day,
    "n_documents": t.transfers.c.n_documents,
    "n_sources": t.transfers.c.n_sources,
    "n_claims": t.transfers.c.n_claims,
}
DEFAULT_SORT = "-last_reported"


def chunks(values: Sequence[Any], size: int = MAX_IN_LIST) -> list[Sequence[Any]]:
    """`values` cut into lists short enough for one `IN (...)`."""
    return [values[start : start + size] for start in range(0, len(values), size)]


def _code_variants(value: str) -> list[str]:
    # Actor codes are upper case (ISO3, EU, NATO, WEST) or lower-case slugs: accept either.
    return list(dict.fromkeys((value.strip(), value.strip().upper(), value.strip().lower())))


def filter_conditions(selection: TransferFilter) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `transfers` for a TransferFilter (None fields match anything).

    Raises ValueError for an unreadable date.
    """
    c = t.transfers.c
    conditions: list[sa.ColumnElement[bool]] = []
    if selection.supplier:
        conditions.append(c.supplier.in_(_code_variants(selection.supplier)))
    if selection.recipient:
        codes = _code_variants(selection.recipient)
        conditions.append(sa.or_(c.recipient.in_(codes), c.end_user.in_(codes)))
    if selection.materiel:
        # A category matches itself; a family name ("missiles", "ammunition") the whole family.
        value = selection.materiel.strip().lower()
        conditions.append(sa.or_(c.materiel == value, c.family == value))
    if selection.status:
        conditions.append(c.status == selection.status.strip().lower())
    if selection.since:
        bounds = _bounds_or_error(selection.since, "since")
        conditions.append(c.last_day >= bounds[0])
    if selection.until:
        bounds = _bounds_or_error(selection.until, "until")
        conditions.append(c.first_day <= bounds[1])
    return conditions


def _bounds_or_error(value: str, name: str) -> tuple[str, str]:
    bounds = day_bounds(value)
    if bounds is None:
        raise ValueError(f"{name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return bounds


def order_by(sort: str) -> list[sa.ColumnElement[Any]]:
    """ORDER BY clauses for a sort name ("last_reported", "-n_sources"); ties by id."""
    descending = sort.startswith("-")
    name = sort.lstrip("-+")
    if name not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {name!r}; choose from {', '.join(SORT_COLUMNS)}")
    column = SORT_COLUMNS[name]
    # Unknowns last in both directions, on both back ends.
    primary = column.desc().nulls_last() if descending else column.asc().nulls_last()
    return [primary, t.transfers.c.id.asc()]


def load_claims(connection: sa.Connection, transfer_ids: Sequence[str]) -> dict[str, list[Claim]]:
    """The claims of `transfer_ids`, with evidence, each list in publication order."""
    reports, documents, claims = t.reports, t.documents, t.claims
    statement = (
        sa.select(
            reports,
            claims.c.transfer_id,
            claims.c.duplicate_of,
            documents.c.published.label("doc_published"),
            documents.c.lang.label("doc_lang"),
            documents.c.title.label("doc_title"),
            documents.c.url.label("doc_url"),
        )
        .join(claims, claims.c.report_id == reports.c.id)
        .join(documents, documents.c.id == reports.c.document_id)
    )
    found: list[sa.Row[Any]] = []
    for chunk in chunks(list(transfer_ids)):
        found.extend(connection.execute(statement.where(claims.c.transfer_id.in_(chunk))))
    evidence = load_evidence(connection, [row.id for row in found])
    # Publication order, undated articles last: the order resolution uses.
    found.sort(
        key=lambda row: (
            day_bounds(row.doc_published) is None,
            (day_bounds(row.doc_published) or ("", ""))[0],
            row.document_id,
            row.position,
        )
    )
    by_transfer: dict[str, list[Claim]] = {transfer_id: [] for transfer_id in transfer_ids}
    for row in found:
        by_transfer[row.transfer_id].append(claim_from_row(row, evidence.get(row.id, [])))
    return by_transfer


def load_evidence(
    connection: sa.Connection, report_ids: Sequence[int]
) -> dict[int, list[Evidence]]:
    """Evidence sentences by report id, in their stored order."""
    by_report: dict[int, list[Evidence]] = {}
    for chunk in chunks(list(report_ids)):
        statement = (
            sa.select(t.evidence)
            .where(t.evidence.c.report_id.in_(chunk))
            .order_by(t.evidence.c.report_id, t.evidence.c.position)
        )
        for row in connection.execute(statement):
            by_report.setdefault(row.report_id, []).append(rows.evidence_from_row(row))
    return by_report


def actor_summaries(connection: sa.Connection, selection: TransferFilter) -> list[ActorSummary]:
    """Every actor of the selected transfers, most involved first."""
    c = t.transfers.c
    where = filter_conditions(selection)
    counts: dict[str, list[Any]] = {}  # code -> [supplied, received, first day, last day]

    def tally(column: sa.ColumnElement[Any], slot: int, *extra: sa.ColumnElement[bool]) -> None:
        statement = (
            sa.select(
                column.label("code"),
                sa.func.count().label("n"),
                sa.func.min(c.first_day).label("first"),
                sa.func.max(c.last_day).label("last"),
            )
            .where(column.is_not(None), *where, *extra)
            .group_by(column)
        )
        for row in connection.execute(statement):
            entry = counts.setdefault(row.code, [0, 0, None, None])
            entry[slot] += int(row.n)
            entry[2] = min(filter(None, (entry[2], row.first)), default=None)
            entry[3] = max(filter(None, (entry[3], row.last)), default=None)

    tally(c.supplier, 0)
    tally(c.recipient, 1)
    # An end user counts as receiving, once per transfer.
    tally(c.end_user, 1, sa.or_(c.recipient.is_(None), c.end_user != c.recipient))
    summaries = [
        ActorSummary(code, supplied, received, first, last)
        for code, (supplied, received, first, last) in counts.items()
    ]
    return sorted(summaries, key=lambda a: (-(a.supplied + a.received), a.code))


def flow_summaries(connection: sa.Connection, selection: TransferFilter) -> list[Flow]:
    """Transfers aggregated by supplier → recipient, the busiest flow first."""
    c = t.transfers.c
    where = filter_conditions(selection)
    pair = (c.supplier, c.recipient)
    totals = connection.execute(
        sa.select(
            *pair,
            sa.func.count().label("n"),
            sa.func.sum(c.n_documents).label("documents"),
            sa.func.sum(c.quantity_latest).label("quantity"),
            sa.func.min(c.first_day).label("first"),
            sa.func.max(c.last_day).label("last"),
        )
        .where(*where)
        .group_by(*pair)
    ).all()
    breakdowns: dict[tuple[str | None, str | None], tuple[dict[str, int], dict[str, int]]] = {
        (row.supplier, row.recipient): ({}, {}) for row in totals
    }
    for slot, column in enumerate((c.status, c.materiel)):
        statement = (
            sa.select(*pair, column.label("value"), sa.func.count().label("n"))
            .where(*where)
            .group_by(*pair, column)
        )
        for row in connection.execute(statement):
            breakdowns[(row.supplier, row.recipient)][slot][row.value] = int(row.n)
    flows = [
        Flow(
            supplier=row.supplier,
            recipient=row.recipient,
            n_transfers=int(row.n),
            n_documents=int(row.documents or 0),
            quantity=None if row.quantity is None else int(row.quantity),
            statuses=dict(sorted(breakdowns[(row.supplier, row.recipient)][0].items())),
            materiel=dict(sorted(breakdowns[(row.supplier, row.recipient)][1].items())),
            first_reported=row.first,
            last_reported=row.last,
        )
        for row in totals
    ]
    return sorted(
        flows, key=lambda f: (-f.n_transfers, -f.n_documents, f.supplier or "", f.recipient or "")
    )
