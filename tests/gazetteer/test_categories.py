"""Scoring families of materiel categories (ANNOTATION.md)."""

from __future__ import annotations

import pytest

from armstrace.evaluate import materiel_family
from armstrace.gazetteer import family_of, same_family
from armstrace.models import MATERIEL_CATEGORIES


def test_family_of_groups_every_missile() -> None:
    missiles = ["ballistic_missiles", "cruise_missiles", "air_defense_missiles", "missiles"]
    assert {family_of(c) for c in [*missiles, "antitank_missiles"]} == {"missiles"}


def test_family_of_groups_artillery_and_other_ammunition() -> None:
    assert same_family("artillery_ammunition", "other_ammunition")
    assert not same_family("artillery_ammunition", "small_arms_ammunition")
    assert not same_family("air_defense_systems", "air_defense_missiles")


@pytest.mark.parametrize("category", MATERIEL_CATEGORIES)
def test_family_of_agrees_with_the_scorer(category: str) -> None:
    assert family_of(category) == materiel_family(category)


def test_family_of_rejects_unknown_category() -> None:
    with pytest.raises(ValueError, match="unknown materiel category"):
        family_of("spaceships")
