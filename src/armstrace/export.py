"""Export formats: per-article records and CSV of the stored reports, and the resolved
transfers as JSON Lines, GraphML (Gephi) and GeoJSON (QGIS).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import IO, Any
from xml.etree import ElementTree

from armstrace.models import Claim, Evidence, Transfer, TransferFilter, TransferRecord
from armstrace.resolve import centroid_of
from armstrace.store import Repository

CSV_COLUMNS = [
    "article_id",
    "published",
    "url",
    "supplier",
    "recipient",
    "end_user",
    "origin",
    "via",
    "materiel",
    "detail",
    "quantity",
    "quantity_text",
    "stage",
    "stance",
    "claimed_by",
    "denied_by",
    "sources",
    "event_date",
    "confidence",
    "evidence",
    "rule_ids",
]


def iter_records(repo: Repository) -> Iterator[dict[str, Any]]:
    """One record per stored article, articles without transfers included."""
    for meta, transfers in repo.iter_reports():
        yield {
            "id": meta.id,
            "lang": meta.lang,
            "url": meta.url,
            "published": meta.published,
            "title": meta.title,
            "transfers": [t.to_record() for t in transfers],
        }


def iter_csv_rows(repo: Repository) -> Iterator[dict[str, Any]]:
    """One flat row per transfer; list fields joined with `;`, evidence as its sentences."""
    for meta, transfers in repo.iter_reports():
        for transfer in transfers:
            record = transfer.to_record()
            row: dict[str, Any] = {"article_id": meta.id, "published": meta.published}
            row["url"] = meta.url
            for key in CSV_COLUMNS[3:]:
                value = record.get(key)
                if key == "evidence":
                    value = " | ".join(e["text"] for e in record["evidence"])
                elif key == "rule_ids":
                    value = ";".join(
                        sorted({r for ids in record["rule_ids"].values() for r in ids})
                    )
                elif isinstance(value, list):
                    value = ";".join(value)
                row[key] = value
            yield row


# -- Resolved transfers --------------------------------------------------------------------


def evidence_spans(evidence: Iterable[Evidence]) -> list[dict[str, Any]]:
    """Evidence sentences, one entry per distinct span with every rule that used it."""
    spans: dict[tuple[int, int], dict[str, Any]] = {}
    for item in evidence:
        entry = spans.setdefault(
            (item.start, item.end),
            {
                "text": item.text,
                "start": item.start,
                "end": item.end,
                "raw_start": item.raw_start,
                "raw_end": item.raw_end,
                "rule_ids": [],
            },
        )
        if item.rule_id not in entry["rule_ids"]:
            entry["rule_ids"].append(item.rule_id)
    return [spans[key] for key in sorted(spans)]


def report_fields(report: TransferRecord | Claim) -> dict[str, Any]:
    """What one article says of a flow, as JSON: the fields a stored report and the claim
    made from it share (a resolved transfer's claims, a document page's reports).
    """
    return {
        "stance": report.stance,
        "stage": report.stage,
        "claimed_by": list(report.claimed_by),
        "denied_by": list(report.denied_by),
        "sources": list(report.sources),
        "supplier": report.supplier,
        "recipient": report.recipient,
        "end_user": report.end_user,
        "materiel": report.materiel,
        "detail": report.detail,
        "quantity": report.quantity,
        "quantity_text": report.quantity_text,
        "event_date": report.event_date,
    }


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """One claim as JSON: its article, what it says, and the sentences it rests on."""
    return {
        "document_id": claim.document_id,
        "report_id": claim.report_id,
        "title": claim.title,
        "url": claim.url,
        "published": claim.published,
        "lang": claim.lang,
        **report_fields(claim),
        "via": list(claim.via),
        "origin": claim.origin,
        "duplicate_of": claim.duplicate_of,
        "evidence": evidence_spans(claim.evidence),
    }


def transfer_to_dict(transfer: Transfer) -> dict[str, Any]:
    """One resolved transfer as JSON (`armstrace transfers --json`, `export --format transfers`)."""
    return {
        "id": transfer.id,
        "supplier": transfer.supplier,
        "recipient": transfer.recipient,
        "end_user": transfer.end_user,
        "materiel": transfer.materiel,
        "family": transfer.family,
        "group_key": transfer.group_key,
        "status": transfer.status,
        "stage": transfer.stage,
        "stage_first_reported": dict(transfer.stage_first_reported),
        "quantity": {
            "min": transfer.quantity_min,
            "max": transfer.quantity_max,
            "latest": transfer.quantity_latest,
        },
        "via": list(transfer.via),
        "origins": list(transfer.origins),
        "end_users": list(transfer.end_users),
        "details": list(transfer.details),
        "n_documents": transfer.n_documents,
        "n_sources": transfer.n_sources,
        "n_claims": transfer.n_claims,
        "first_reported": transfer.first_reported,
        "last_reported": transfer.last_reported,
        "claims": [claim_to_dict(claim) for claim in transfer.claims],
    }


def iter_transfer_records(
    repo: Repository, selection: TransferFilter | None = None
) -> Iterator[dict[str, Any]]:
    """Every (matching) resolved transfer with its claims, in id order, as JSON objects."""
    for transfer in repo.transfers.iter_transfers(selection, with_claims=True):
        yield transfer_to_dict(transfer)


# GraphML attributes of actors (nodes) and transfers (edges): name -> GraphML type.
_NODE_KEYS = {"label": "string", "kind": "string", "supplied": "int", "received": "int"}
_EDGE_KEYS = {
    "label": "string",
    "materiel": "string",
    "family": "string",
    "status": "string",
    "stage": "string",
    "end_user": "string",
    "via": "string",
    "quantity_min": "long",
    "quantity_max": "long",
    "quantity_latest": "long",
    "n_documents": "int",
    "n_sources": "int",
    "n_claims": "int",
    "first_reported": "string",
    "last_reported": "string",
    "weight": "double",  # Gephi's edge weight: the number of independent sources
}
_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def actor_kind(code: str) -> str:
    """`state` (ISO3 code), `group` (EU, NATO, WEST) or `nonstate` (a lowercase slug)."""
    if code in ("EU", "NATO", "WEST"):
        return "group"
    return "state" if code.isupper() else "nonstate"


def write_graphml(transfers: Iterable[Transfer], out: IO[str]) -> int:
    """Write a directed GraphML graph for Gephi: actors as nodes, transfers as edges.

    A transfer whose supplier or recipient is unknown has no edge. Returns the number of
    transfers left out for that reason.
    """
    root = ElementTree.Element("graphml", xmlns=_GRAPHML_NS)
    for prefix, scope, keys in (("n", "node", _NODE_KEYS), ("e", "edge", _EDGE_KEYS)):
        for name, kind in keys.items():
            ElementTree.SubElement(
                root,
                "key",
                {"id": f"{prefix}_{name}", "for": scope, "attr.name": name, "attr.type": kind},
            )
    graph = ElementTree.SubElement(root, "graph", id="armstrace", edgedefault="directed")
    supplied: Counter[str] = Counter()
    received: Counter[str] = Counter()
    edges: list[ElementTree.Element] = []
    skipped = 0
    for transfer in transfers:
        if transfer.supplier is None or transfer.recipient is None:
            skipped += 1
            continue
        supplied[transfer.supplier] += 1
        received[transfer.recipient] += 1
        edge = ElementTree.Element(
            "edge", id=transfer.id, source=transfer.supplier, target=transfer.recipient
        )
        values: dict[str, Any] = {
            "label": f"{transfer.materiel} ({transfer.status})",
            "materiel": transfer.materiel,
            "family": transfer.family,
            "status": transfer.status,
            "stage": transfer.stage,
            "end_user": transfer.end_user,
            "via": ";".join(transfer.via) or None,
            "quantity_min": transfer.quantity_min,
            "quantity_max": transfer.quantity_max,
            "quantity_latest": transfer.quantity_latest,
            "n_documents": transfer.n_documents,
            "n_sources": transfer.n_sources,
            "n_claims": transfer.n_claims,
            "first_reported": transfer.first_reported,
            "last_reported": transfer.last_reported,
            "weight": float(transfer.n_sources),
        }
        _add_data(edge, "e", values)
        edges.append(edge)
    for code in sorted(set(supplied) | set(received)):
        node = ElementTree.SubElement(graph, "node", id=code)
        _add_data(
            node,
            "n",
            {
                "label": code,
                "kind": actor_kind(code),
                "supplied": supplied[code],
                "received": received[code],
            },
        )
    graph.extend(edges)
    ElementTree.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ElementTree.tostring(root, encoding="unicode"))
    out.write("\n")
    return skipped


def _add_data(element: ElementTree.Element, prefix: str, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if value is not None:  # GraphML: a missing data element means "no value"
            ElementTree.SubElement(element, "data", key=f"{prefix}_{name}").text = str(value)


def geojson_collection(transfers: Iterable[Transfer]) -> tuple[dict[str, Any], int]:
    """A GeoJSON FeatureCollection of transfers as lines between country centroids.

    Each line runs from the supplier through the transit states (`via`) that have a centroid
    to the recipient. A transfer whose supplier or recipient is not a state (a group of
    states, a region, a non-state actor, unknown) has no line; the count of those comes back
    with the collection.
    """
    features: list[dict[str, Any]] = []
    skipped = 0
    for transfer in transfers:
        start, end = centroid_of(transfer.supplier), centroid_of(transfer.recipient)
        if start is None or end is None:
            skipped += 1
            continue
        route = [point for point in (centroid_of(code) for code in transfer.via) if point]
        coordinates = [list(point) for point in (start, *route, end)]
        properties = transfer_to_dict(transfer)
        del properties["claims"]
        properties["documents"] = sorted({claim.document_id for claim in transfer.claims})
        features.append(
            {
                "type": "Feature",
                "id": transfer.id,
                "geometry": {"type": "LineString", "coordinates": coordinates},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}, skipped


def evidence_in_context(text: str, start: int, end: int, width: int = 240) -> tuple[str, str, str]:
    """The text before a sentence (within its paragraph, at most `width` characters), the
    sentence, and the text after it: how `armstrace show` highlights a claim in its article.
    """
    start, end = max(0, start), min(len(text), end)
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    before_start = max(paragraph_start, start - width)
    after_end = min(paragraph_end, end + width)
    before = text[before_start:start]
    after = text[end:after_end]
    if before_start > paragraph_start:
        before = "…" + before.split(" ", 1)[-1]
    if after_end < paragraph_end:
        after = after.rsplit(" ", 1)[0] + "…"
    return before, text[start:end], after
