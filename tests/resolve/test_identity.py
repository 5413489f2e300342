"""Transfer ids: derived from key and first article, kept when articles come and go (README §5)."""

from __future__ import annotations

from armstrace.resolve import GroupKey, assign_ids, fresh_id, resolve_group

from .builders import stored_report

KEY = GroupKey("DEU", "UKR", "artillery_systems")


def test_fresh_id_is_readable_and_stable() -> None:
    first = fresh_id(KEY, "wire-1")
    assert first.startswith("DEU-UKR-artillery_systems-")
    assert first == fresh_id(KEY, "wire-1")
    assert first != fresh_id(KEY, "wire-2")
    assert fresh_id(GroupKey(None, "UKR", "tanks"), "a").startswith("unknown-UKR-tanks-")


def test_assign_ids_keeps_the_id_with_largest_overlap() -> None:
    previous = {"old-march": {"a", "b"}, "old-sept": {"c"}}
    ids = assign_ids(KEY, [["c", "d"], ["a", "b", "e"], ["f"]], previous)
    assert ids[:2] == ["old-sept", "old-march"]
    assert ids[2] == fresh_id(KEY, "f")


def test_assign_ids_never_gives_one_id_twice() -> None:
    # Both groups overlap the one stored transfer: only the larger overlap keeps its id.
    ids = assign_ids(KEY, [["a"], ["b", "c"]], {"old": {"a", "b", "c"}})
    assert ids[1] == "old"
    assert ids[0] == fresh_id(KEY, "a")
    # Two new transfers first reported by the same article.
    twins = assign_ids(KEY, [["x"], ["x"]], {})
    assert twins == [fresh_id(KEY, "x"), fresh_id(KEY, "x") + "-2"]


def test_resolve_group_id_survives_an_earlier_article() -> None:
    later = stored_report("later", "2024-03-07", quantity=12)
    (first,) = resolve_group(KEY, [later])
    earlier = stored_report("earlier", "2024-03-05", quantity=12)
    (again,) = resolve_group(KEY, [earlier, later], previous={first.id: {"later"}})
    assert again.id == first.id
    # From scratch, the id follows the first article.
    (scratch,) = resolve_group(KEY, [earlier, later])
    assert scratch.id == fresh_id(KEY, "earlier")
