"""Transfer ids: readable, derived from the key and the first article, and kept over updates.

A new transfer's id is `SUPPLIER-TARGET-family-h`, where `h` is the first 8 hex digits of the
SHA-256 of the key and of the id of its first article (by publication date, then article id),
so resolving the same articles again gives the same ids. When a key is resolved again after
articles were added or removed, each new transfer keeps the id of the stored transfer of that
key with which it shares the most articles; only a transfer sharing none gets a new id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence

from armstrace.resolve.keys import GroupKey

_HASH_DIGITS = 8
_UNKNOWN_IN_ID = "unknown"


def fresh_id(key: GroupKey, anchor_document_id: str) -> str:
    """The id a transfer of `key` first reported by `anchor_document_id` gets when it is new."""
    digest = hashlib.sha256(f"{key.text}#{anchor_document_id}".encode()).hexdigest()
    supplier = key.supplier or _UNKNOWN_IN_ID
    target = key.target or _UNKNOWN_IN_ID
    return f"{supplier}-{target}-{key.family}-{digest[:_HASH_DIGITS]}"


def assign_ids(
    key: GroupKey,
    groups: Sequence[Sequence[str]],
    previous: Mapping[str, Collection[str]],
) -> list[str]:
    """One id per group of article ids (each in claim order, first article first).

    `previous` maps the ids of the key's stored transfers to their articles. Ids are handed
    out by largest overlap first (ties: the older id in text order, then the earlier group),
    so an update never gives one id to two transfers.
    """
    ids: list[str | None] = [None] * len(groups)
    overlaps = sorted(
        (
            (-len(set(documents) & set(old_documents)), old_id, index)
            for index, documents in enumerate(groups)
            for old_id, old_documents in previous.items()
        ),
    )
    taken: set[str] = set()
    for negative_overlap, old_id, index in overlaps:
        if negative_overlap == 0:
            break
        if ids[index] is None and old_id not in taken:
            ids[index] = old_id
            taken.add(old_id)
    result: list[str] = []
    for index, documents in enumerate(groups):
        chosen = ids[index]
        if chosen is None:
            chosen = fresh_id(key, documents[0])
            suffix = 2
            base = chosen
            # A kept id, or another new transfer first reported by the same article.
            while chosen in taken:
                chosen = f"{base}-{suffix}"
                suffix += 1
        taken.add(chosen)
        result.append(chosen)
    return result
