"""The resolution stage: stored per-article reports in, transfers with their claims out.

    resolve_reports(reports)             every key at once (a whole database, or a test)
    resolve_group(key, reports)          one key: what an incremental update recomputes

Both are plain functions of their arguments. Evidence is carried into the claims when the
reports hold it; the store links claims to reports by id, so it does not need it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from armstrace.models import Claim, StoredReport, TextSignature, Transfer
from armstrace.resolve.identity import assign_ids
from armstrace.resolve.keys import GroupKey, key_of_record
from armstrace.resolve.near_duplicates import story_representatives
from armstrace.resolve.rollup import claim_order, roll_up
from armstrace.resolve.tranches import split_tranches

# Bump when a grouping or roll-up rule changes: stored transfers of an older version are
# resolved again on the next update.
RESOLVER_VERSION = "resolve-1"


def group_by_key(reports: Iterable[StoredReport]) -> dict[GroupKey, list[StoredReport]]:
    """Reports by grouping key, keys in sorted order."""
    groups: dict[GroupKey, list[StoredReport]] = {}
    for report in reports:
        groups.setdefault(key_of_record(report.record), []).append(report)
    return {key: groups[key] for key in sorted(groups, key=lambda k: k.text)}


def resolve_group(
    key: GroupKey,
    reports: Sequence[StoredReport],
    *,
    signatures: Mapping[str, TextSignature] | None = None,
    previous: Mapping[str, Collection[str]] | None = None,
) -> list[Transfer]:
    """The transfers of one key: its reports split into tranches and rolled up.

    `signatures` (by article id) let syndicated copies count as one source; `previous` maps
    the ids of the key's stored transfers to their article ids, so updates keep ids.
    """
    for report in reports:
        if key_of_record(report.record) != key:
            raise ValueError(f"report {report.report_id} is not of key {key.text}")
    tranche_claims = []
    for tranche in split_tranches(key, reports):
        claims = sorted((Claim.of_report(r) for r in tranche), key=claim_order)
        documents = list(dict.fromkeys(c.document_id for c in claims))
        representative = story_representatives(documents, signatures or {})
        for claim in claims:
            copy_of = representative[claim.document_id]
            claim.duplicate_of = None if copy_of == claim.document_id else copy_of
        tranche_claims.append(claims)
    ids = assign_ids(
        key,
        [list(dict.fromkeys(c.document_id for c in claims)) for claims in tranche_claims],
        previous or {},
    )
    transfers = [
        roll_up(transfer_id, key, claims)
        for transfer_id, claims in zip(ids, tranche_claims, strict=True)
    ]
    return sorted(transfers, key=lambda t: t.id)


def resolve_reports(
    reports: Iterable[StoredReport],
    *,
    signatures: Mapping[str, TextSignature] | None = None,
    previous: Mapping[str, Mapping[str, Collection[str]]] | None = None,
) -> list[Transfer]:
    """The transfers of every key of `reports`; `previous` is by key text, then transfer id."""
    transfers: list[Transfer] = []
    for key, group in group_by_key(reports).items():
        old = (previous or {}).get(key.text, {})
        transfers.extend(resolve_group(key, group, signatures=signatures, previous=old))
    return transfers
