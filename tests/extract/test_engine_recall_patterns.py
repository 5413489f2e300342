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

HOLDING_VERB_LISTS = [
    # A package noun subject of "comprend" moves every item the verb lists, however far the
    # parser hangs the later items; an air-to-air missile named by its system is a flow of its
    # own beside anti-ship missiles, not "missiles" of unstated type.
    case("fr-package-holds-two-missiles", "fr",
         "Washington a approuvé une vente d'armes à Manille. Le paquet comprend 40 missiles "
         "antinavires Harpoon, pour 200 millions de dollars, et 50 missiles air-air AIM-120 "
         "AMRAAM, pour 90 millions.",
         Flow("USA", "PHL", "cruise_missiles", "planned", "asserted", quantity=40),
         Flow("USA", "PHL", "missiles", "planned", "asserted", quantity=50)),
    case("en-package-holds-two-missiles", "en",
         "Washington will sell Manila a new arms package. The package includes 40 Harpoon "
         "anti-ship missiles, worth 200 million dollars, and 50 AIM-120 AMRAAM air-to-air "
         "missiles, worth 90 million dollars.",
         Flow("USA", "PHL", "cruise_missiles", "planned", "asserted"),
         Flow("USA", "PHL", "missiles", "planned", "asserted")),
    # "Missiles" of unstated type beside one named kind are still that kind.
    case("fr-unstated-missiles-join-named-kind", "fr",
         "L'Iran a livré des missiles balistiques Fath-360 à la Russie. Au total, 200 missiles "
         "ont été livrés à Moscou.",
         Flow("IRN", "RUS", "ballistic_missiles", "delivered", "asserted")),
]

GROUP_ADJECTIVE_SUPPLIER = [
    # A group adjective on what arrives names the giver; the state the sentence opens with,
    # a transit country, is no giver by word order.
    case("fr-western-arms-arrive", "fr",
         "La Roumanie est devenue une plaque tournante : la plupart des armes occidentales "
         "arrivent en Ukraine via la Roumanie.",
         Flow("WEST", "UKR", "unspecified", "delivered", "asserted")),
    case("en-western-tanks-arrive", "en",
         "Romania has become a hub: most Western tanks arrive in Ukraine through Romania.",
         Flow("WEST", "UKR", "tanks", "delivered", "asserted")),
]

PAID_FOR = [
    # The payer in a relative clause on the materiel is its recipient; a sale paid for and
    # never delivered is a flow still planned, not a denial.
    case("fr-paid-never-delivered", "fr",
         "Moscou n'a jamais livré les chars que l'Arménie avait payés.",
         Flow("RUS", "ARM", "tanks", "planned", "asserted", denied_by=[])),
    case("en-paid-never-delivered", "en",
         "Moscow never delivered the tanks Armenia had paid for.",
         Flow("RUS", "ARM", "tanks", "planned", "asserted", denied_by=[])),
    # A plain negated delivery with no payer stays a denial.
    case("en-never-delivered-no-payer", "en",
         "Moscow says it never delivered tanks to Armenia.",
         Flow("RUS", "ARM", "tanks", "delivered", "denied")),
]

# fmt: on


@pytest.mark.parametrize(
    "c", PLATFORM_OF_PREVIOUS + HOLDING_VERB_LISTS + GROUP_ADJECTIVE_SUPPLIER + PAID_FOR
)
def test_recall_patterns(c: Case) -> None:
    check_case(c)
