"""MinHash near-duplicate detection: syndicated copies are one source, translations are not."""

from __future__ import annotations

from armstrace.models import TextSignature
from armstrace.resolve import (
    DUPLICATE_THRESHOLD,
    GroupKey,
    are_near_duplicates,
    estimated_similarity,
    minhash,
    resolve_group,
    story_representatives,
    text_signature,
)
from armstrace.resolve.near_duplicates import shingles

from . import stories


def signature_of(doc_id: str) -> TextSignature:
    doc = stories.document(doc_id)
    return text_signature(doc.id, doc.content_hash, doc.lang, doc.text)


def test_minhash_keeps_the_smallest_hashes_deterministically() -> None:
    long_text = " ".join(f"word{i}" for i in range(400))
    signature = minhash(long_text)
    assert signature == minhash(long_text)
    assert len(signature) == 128 and list(signature) == sorted(signature)
    short = stories.document("res-b1-wire-norway-nasams").text
    assert len(minhash(short)) == len(shingles(short)) < 128  # every shingle kept
    assert minhash("") == ()
    assert shingles("Norway sends air defence") == {"norway sends air defence"}


def test_estimated_similarity_tracks_jaccard() -> None:
    words = [f"w{i}" for i in range(1000)]
    first = " ".join(words)
    half = " ".join(words[:500] + [f"x{i}" for i in range(500)])
    # Shingle sets share 496 of 1,496 shingles: Jaccard 0.33.
    assert abs(estimated_similarity(minhash(first), minhash(half)) - 0.33) < 0.1
    assert estimated_similarity(minhash(first), minhash(first)) == 1.0
    assert estimated_similarity(minhash(first), ()) == 0.0


def test_syndicated_copies_are_near_duplicates() -> None:
    wire = signature_of("res-b1-wire-norway-nasams")
    for copy in ("res-b2-portal-norway-nasams", "res-b3-aggregator-norway-nasams"):
        similarity = estimated_similarity(wire.minhash, signature_of(copy).minhash)
        assert similarity >= DUPLICATE_THRESHOLD, (copy, similarity)
        assert are_near_duplicates(wire, signature_of(copy))


def test_independent_report_and_translation_are_not_duplicates() -> None:
    wire = signature_of("res-b1-wire-norway-nasams")
    independent = signature_of("res-b4-kyiv-welcomes-nasams")
    assert estimated_similarity(wire.minhash, independent.minhash) < 0.2
    english, french = signature_of("res-d1-italy-samp-t"), signature_of("res-d2-italie-samp-t")
    assert not are_near_duplicates(english, french)
    # Even the same text is not a copy when declared in another language.
    relabelled = TextSignature("x", "h", "fr", english.minhash)
    assert not are_near_duplicates(english, relabelled)


def test_story_representatives_groups_copies_under_first_document() -> None:
    ids = [
        "res-b1-wire-norway-nasams",
        "res-b2-portal-norway-nasams",
        "res-b3-aggregator-norway-nasams",
        "res-b4-kyiv-welcomes-nasams",
        "unsigned",
    ]
    signatures = {doc_id: signature_of(doc_id) for doc_id in ids[:4]}
    representatives = story_representatives(ids, signatures)
    assert representatives == {
        "res-b1-wire-norway-nasams": "res-b1-wire-norway-nasams",
        "res-b2-portal-norway-nasams": "res-b1-wire-norway-nasams",
        "res-b3-aggregator-norway-nasams": "res-b1-wire-norway-nasams",
        "res-b4-kyiv-welcomes-nasams": "res-b4-kyiv-welcomes-nasams",
        "unsigned": "unsigned",
    }


def test_resolve_group_counts_syndicated_copies_once() -> None:
    reports = stories.stored(stories.syndicated_story())
    signatures = {r.document_id: signature_of(r.document_id) for r in reports}
    key = GroupKey("NOR", "UKR", "air_defense_systems")
    (transfer,) = resolve_group(key, reports, signatures=signatures)
    assert (transfer.n_documents, transfer.n_sources) == (4, 2)
    copies = {c.document_id: c.duplicate_of for c in transfer.claims}
    assert copies["res-b2-portal-norway-nasams"] == "res-b1-wire-norway-nasams"
    assert copies["res-b4-kyiv-welcomes-nasams"] is None
    # Without signatures every article is its own source.
    (unsigned,) = resolve_group(key, reports)
    assert unsigned.n_sources == 4


def test_resolve_group_counts_translation_as_another_source() -> None:
    reports = stories.stored(stories.translated_story())
    signatures = {r.document_id: signature_of(r.document_id) for r in reports}
    (transfer,) = resolve_group(
        GroupKey("ITA", "UKR", "air_defense_systems"), reports, signatures=signatures
    )
    assert (transfer.n_documents, transfer.n_sources) == (2, 2)
    assert {c.lang for c in transfer.claims} == {"en", "fr"}
