"""Recall patterns of news prose: what moves is named outside the sentence that moves it, or
in a shape the plain trigger-and-object reading misses.

Each case is a sentence written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off

PLATFORM_OF_PREVIOUS = [
    # A bare platform noun in a sentence naming no materiel is the system just named.
    case("fr-battery-of-previous-system", "fr",
         "Le NASAMS norvégien a fait ses preuves. Oslo et Washington ont livré une batterie "
         "à l'Ukraine l'an dernier.",
         Flow("NOR", "UKR", "air_defense_systems", "delivered", "asserted"),
         Flow("USA", "UKR", "air_defense_systems", "delivered", "asserted")),
    case("en-batteries-of-previous-system", "en",
         "Kyiv has praised the IRIS-T system. Berlin sent two more batteries to Ukraine last "
         "month.",
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted")),
    # Two systems named before: which one the noun stands for is unclear, so nothing.
    case("en-platform-two-systems-before", "en",
         "Kyiv has praised the IRIS-T and HIMARS systems. Berlin sent two more units to "
         "Ukraine last month."),
    # A platform noun with no system named just before is no materiel.
    case("en-platform-no-antecedent", "en",
         "The German army is short of money. Berlin sent its payment system to Kyiv."),
]

# fmt: on


@pytest.mark.parametrize("c", PLATFORM_OF_PREVIOUS)
def test_recall_patterns(c: Case) -> None:
    check_case(c)
