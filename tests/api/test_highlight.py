"""Cutting a text into plain and evidence pieces, and naming and placing actors."""

from __future__ import annotations

from armstrace.api.highlight import Span, split_highlights
from armstrace.api.places import actor_name, place_of


def test_split_highlights_tags_overlaps_with_both_reports() -> None:
    text = "One. Two three. Four."
    pieces = split_highlights(text, [Span(5, 15, (0,)), Span(9, 21, (1,))])

    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.tags) for p in pieces] == [
        ("One. ", ()),
        ("Two ", (0,)),
        ("three.", (0, 1)),
        (" Four.", (1,)),
    ]


def test_split_highlights_merges_touching_spans_of_one_report_and_clips() -> None:
    pieces = split_highlights("abcdef", [Span(0, 2, (3,)), Span(2, 4, (3,)), Span(5, 99, (4,))])

    assert [(p.text, p.start, p.tags) for p in pieces] == [
        ("abcd", 0, (3,)),
        ("e", 4, ()),
        ("f", 5, (4,)),
    ]


def test_actor_names_are_short_and_readable() -> None:
    assert actor_name("PRK") == "North Korea"
    assert actor_name("FRA") == "France"
    assert actor_name("lockheed-martin") == "Lockheed Martin"
    assert actor_name("WEST") == "Western partners"


def test_places_of_states_groups_and_alliances() -> None:
    assert place_of("UKR").kind == "state" and place_of("UKR").lon is not None
    hamas = place_of("hamas")
    assert (hamas.kind, hamas.home) == ("group", "PSE")
    assert place_of("NATO").lon is None
    assert place_of("al-qaeda").lon is None
