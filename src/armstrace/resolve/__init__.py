"""Cross-article resolution: per-article transfer reports grouped into real-world transfers.

Analysts want one transfer with every claim that supports or denies it, not one row per
article. This stage groups stored reports by supplier, recipient-or-end-user and materiel
family, splits each group into tranches by time and quantity, and rolls the claims of each
tranche up into a `models.Transfer` (status, stage timeline, quantities, routes, dates,
documents and independent sources). The rules are in README.md beside this file.

    from armstrace.resolve import resolve_reports
    transfers = resolve_reports(stored_reports, signatures=signatures)

It is a plain function of its inputs; `armstrace.pipeline.update_transfers` reads the inputs
from the store and writes the result back, for the keys that changed only.
"""

from armstrace.resolve.geography import centroid_of, load_centroids
from armstrace.resolve.identity import assign_ids, fresh_id
from armstrace.resolve.keys import GroupKey, categories_in_family, key_of, key_of_record
from armstrace.resolve.near_duplicates import (
    DUPLICATE_THRESHOLD,
    are_near_duplicates,
    estimated_similarity,
    minhash,
    story_representatives,
    text_signature,
)
from armstrace.resolve.resolver import (
    RESOLVER_VERSION,
    group_by_key,
    resolve_group,
    resolve_reports,
)
from armstrace.resolve.rollup import roll_up, status_of
from armstrace.resolve.tranches import (
    QUANTITY_TOLERANCE,
    TRANCHE_WINDOW_DAYS,
    quantities_match,
    split_tranches,
)

__all__ = [
    "DUPLICATE_THRESHOLD",
    "QUANTITY_TOLERANCE",
    "RESOLVER_VERSION",
    "TRANCHE_WINDOW_DAYS",
    "GroupKey",
    "are_near_duplicates",
    "assign_ids",
    "categories_in_family",
    "centroid_of",
    "estimated_similarity",
    "fresh_id",
    "group_by_key",
    "key_of",
    "key_of_record",
    "load_centroids",
    "minhash",
    "quantities_match",
    "resolve_group",
    "resolve_reports",
    "roll_up",
    "split_tranches",
    "status_of",
    "story_representatives",
    "text_signature",
]
