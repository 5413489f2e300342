"""Near-identical copies of one story (syndication, re-posts), found with MinHash.

A text becomes the set of its word 5-shingles (five consecutive lower-cased words). We use
the bottom-k variant of MinHash: one 60-bit hash per shingle, and the signature keeps the
SIGNATURE_SIZE smallest hashes. For two signatures A and B, take the SIGNATURE_SIZE smallest
values of A ∪ B; the share of them found in both A and B estimates the Jaccard similarity of
the two shingle sets (Broder's estimator). It costs one hash per shingle, where the
k-permutation variant costs k. Two articles of the same language whose estimate reaches
DUPLICATE_THRESHOLD are copies of one story. The hash is fixed (BLAKE2b), so a signature
stored today compares with one computed next year.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections.abc import Mapping, Sequence
from itertools import combinations

from armstrace.models import TextSignature

SHINGLE_WORDS = 5
SIGNATURE_SIZE = 128
# Copies that differ by a headline, a byline or a trimmed last paragraph stay well above this;
# two reporters' own accounts of one event, even quoting the same statement, stay far below.
DUPLICATE_THRESHOLD = 0.5

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The word `size`-shingles of `text` (the whole text when it has fewer words)."""
    words = [word.lower() for word in _WORD.findall(text)]
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _hash(shingle: str) -> int:
    digest = hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest()
    # 60 bits: exact as JSON numbers in any reader that uses 64-bit integers
    return int.from_bytes(digest, "big") >> 4


def minhash(text: str) -> tuple[int, ...]:
    """The bottom-k MinHash signature of `text`, ascending; empty for a text without words.

    A text with fewer than SIGNATURE_SIZE shingles keeps the hashes of all of them.
    """
    return tuple(sorted(heapq.nsmallest(SIGNATURE_SIZE, {_hash(s) for s in shingles(text)})))


def text_signature(document_id: str, content_hash: str, lang: str, text: str) -> TextSignature:
    """The signature of one article's cleaned text."""
    return TextSignature(document_id, content_hash, lang, minhash(text))


def estimated_similarity(first: Sequence[int], second: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures (0 if empty)."""
    if not first or not second:
        return 0.0
    in_both = set(first) & set(second)
    if not in_both:
        return 0.0
    size = max(len(first), len(second))
    union_bottom = heapq.nsmallest(size, set(first) | set(second))
    return sum(1 for value in union_bottom if value in in_both) / len(union_bottom)


def are_near_duplicates(first: TextSignature, second: TextSignature) -> bool:
    """Whether two articles are copies of one story: same language, similar enough."""
    if first.lang != second.lang:
        return False  # a translation is another document, and counts as another source
    return estimated_similarity(first.minhash, second.minhash) >= DUPLICATE_THRESHOLD


def _candidate_pairs(signed: Sequence[TextSignature]) -> set[tuple[int, int]]:
    """Index pairs of same-language signatures that share at least one hash value.

    Only those can have a non-zero estimate, so comparing them alone misses nothing, and
    unrelated articles rarely share one of their smallest hashes.
    """
    holders: dict[tuple[str, int], list[int]] = {}
    for index, signature in enumerate(signed):
        for value in signature.minhash:
            holders.setdefault((signature.lang, value), []).append(index)
    pairs: set[tuple[int, int]] = set()
    for indexes in holders.values():
        pairs.update(combinations(indexes, 2))
    return pairs


def story_representatives(
    document_ids: Sequence[str], signatures: Mapping[str, TextSignature]
) -> dict[str, str]:
    """For each document, the first document (in the given order) of its group of copies.

    Groups are the connected components of `are_near_duplicates`; a document without a
    signature is its own group. The number of distinct values is the number of independent
    sources.
    """
    parent = {doc_id: doc_id for doc_id in document_ids}
    order = {doc_id: i for i, doc_id in enumerate(document_ids)}

    def find(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    signed = [
        signatures[doc_id]
        for doc_id in document_ids
        if doc_id in signatures and signatures[doc_id].minhash
    ]
    for a, b in sorted(_candidate_pairs(signed)):
        first, second = signed[a], signed[b]
        root_a, root_b = find(first.document_id), find(second.document_id)
        if root_a != root_b and are_near_duplicates(first, second):
            # The root is always the earliest document of the group.
            keep, drop = (root_a, root_b) if order[root_a] < order[root_b] else (root_b, root_a)
            parent[drop] = keep
    return {doc_id: find(doc_id) for doc_id in document_ids}
