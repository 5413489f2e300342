"""Patterns of French and English news articles: phrases set beside a trigger's
words, whose actors are no party of the flow; equipment named after what it is for.

Each case is a sentence written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off

ASIDES = [
    # "colère de Pékin" is set beside the sale: Beijing reacts, it does not sell.
    case("fr-apposition-reaction", "fr",
         "Washington a approuvé vendredi une vente à Taïwan de missiles Harpoon de 355 millions "
         "de dollars, colère de Pékin.",
         Flow("USA", "TWN", "cruise_missiles", "planned", "asserted")),
    # An apposition with its own count is a list item: its "from" still names the seller.
    case("en-apposition-list-item", "en",
         "Poland plans to buy 1,000 K2 tanks, 672 K9 howitzers and 48 FA-50 aircraft from "
         "South Korea.",
         Flow("KOR", "POL", "tanks", "planned", "asserted"),
         Flow("KOR", "POL", "artillery_systems", "planned", "asserted"),
         Flow("KOR", "POL", "aircraft", "planned", "asserted")),
]

# "Equipment" named after air defence is air-defence systems, beside the missiles they fire.
AIR_DEFENCE_EQUIPMENT = [
    case("fr-equipements-de-defense-antiaerienne", "fr",
         "La Russie a fourni à la Corée du Nord des équipements de défense antiaérienne et des "
         "missiles sol-air.",
         Flow("RUS", "PRK", "air_defense_systems", "delivered", "asserted"),
         Flow("RUS", "PRK", "air_defense_missiles", "delivered", "asserted")),
    case("en-air-defence-equipment", "en",
         "Russia has supplied North Korea with air-defence equipment.",
         Flow("RUS", "PRK", "air_defense_systems", "delivered", "asserted")),
]

# Who announces a seizure caught the shipment: the sender is unnamed, the shipment was sent,
# and where it was going is the seizer's claim.
SEIZURES = [
    case("en-announced-seizures", "en",
         "Iraqi border guards announced a series of seizures: lorries loaded with rockets that "
         "were bound for the Houthis.",
         Flow(None, "houthis", "rockets", "delivered", "alleged", claimed_by=["IRQ"])),
    # An announcement with no seizure in it keeps its announcer as the supplier.
    case("en-announced-delivery", "en",
         "Norway announced the delivery of 20 rockets to Ukraine.",
         Flow("NOR", "UKR", "rockets", "planned", "asserted")),
]

# fmt: on


@pytest.mark.parametrize("item", ASIDES)
def test_engine_leaves_actors_of_an_aside_out_of_the_flow(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", AIR_DEFENCE_EQUIPMENT)
def test_engine_reads_air_defence_equipment_as_systems(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", SEIZURES)
def test_engine_reads_an_announced_seizure_as_an_unnamed_senders_shipment(item: Case) -> None:
    check_case(item)
