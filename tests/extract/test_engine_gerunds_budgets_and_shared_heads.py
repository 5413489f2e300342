"""Government briefing patterns: gerund triggers, possessive pronouns, budget purposes, the
stage of a clause of its own, modifiers sharing a head noun, dual-use goods after weapons.

Each case is a text written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off

OWNED_GERUNDS = [
    # A gerund the parser reads as a noun ("its providing of") is a trigger like "delivery";
    # a possessive "its" / "their" on it stands for the state named before, as a subject would.
    case("en-its-providing-of", "en",
         "Iran cannot deflect blame for its attacks. Its providing of drones to Russia should "
         "be condemned.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted", evidence="providing of drones")),
    case("en-their-supplying-of", "en",
         "North Korea keeps building missiles. Their supplying of shells to Russia prolongs "
         "the war.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "asserted",
              evidence="supplying of shells")),
]

OWN_CLAUSE_STAGE = [
    # A coordinated clause with its own subject keeps its own stage: the decision in the first
    # clause does not make the second clause's receipt a plan.
    case("en-decided-and-has-received", "en",
         "The President decided to prioritize exports for Ukraine, and as a result Ukraine has "
         "received hundreds of Stinger missiles from the United States.",
         Flow("USA", "UKR", "air_defense_missiles", "delivered", "asserted")),
    # Without a subject of its own the conjunct shares the governing plan.
    case("en-decided-to-buy-and-receive", "en",
         "Poland decided to buy and receive K2 tanks from South Korea.",
         Flow("KOR", "POL", "tanks", "planned", "asserted")),
]

FUNDED_PURPOSES = [
    # A sum set aside to buy or deliver something is a plan, also through a coordination.
    case("en-billion-to-buy-and-deliver", "en",
         "The Pentagon budget sets out $1 billion to buy and deliver artillery shells to Ukraine.",
         Flow("USA", "UKR", "artillery_ammunition", "planned", "asserted")),
    case("en-million-to-supply", "en",
         "The U.S. plan lists $400 million to supply Ukraine with HIMARS launchers.",
         Flow("USA", "UKR", "artillery_systems", "planned", "asserted")),
    # Money spent on a delivery that happened stays a delivery.
    case("en-delivered-worth", "en",
         "The United States delivered $500 million worth of artillery shells to Ukraine.",
         Flow("USA", "UKR", "artillery_ammunition", "delivered", "asserted")),
]

OWN_OBJECTS = [
    # A trigger with an object of its own that names no materiel does not borrow the materiel
    # another trigger of the sentence governs.
    case("en-replenish-and-provide-other", "en",
         "The United States will help replenish Israel's air defense and provide other "
         "critical support.",
         Flow("USA", "ISR", "air_defense_missiles", "planned", "asserted")),
    case("en-replenish-and-provide-relief", "en",
         "The United States will replenish Israel's Iron Dome interceptors and provide "
         "humanitarian relief to Gaza.",
         Flow("USA", "ISR", "air_defense_missiles", "planned", "asserted")),
]

SHARED_HEADS = [
    # A hyphenated modifier co-ordinated before a materiel phrase shares its head noun and is
    # an item of its own when that modifier with the head is a materiel term.
    case("en-anti-tank-and-anti-air-systems", "en",
         "The United States has supplied anti-tank and anti-air systems to Ukraine.",
         Flow("USA", "UKR", "antitank_missiles", "delivered", "asserted"),
         Flow("USA", "UKR", "air_defense_systems", "delivered", "asserted")),
    case("en-anti-armor-and-air-defense", "en",
         "The United States sent anti-armor and air defense systems to Ukraine.",
         Flow("USA", "UKR", "antitank_missiles", "delivered", "asserted"),
         Flow("USA", "UKR", "air_defense_systems", "delivered", "asserted")),
    # Along a chain; a last modifier no entry names ("anti-ship weapons") adds nothing.
    case("en-anti-chain-weapons", "en",
         "Poland sent anti-tank, anti-air and anti-ship weapons to Ukraine.",
         Flow("POL", "UKR", "antitank_missiles", "delivered", "asserted"),
         Flow("POL", "UKR", "air_defense_systems", "delivered", "asserted")),
    # A modifier that makes no materiel term with the head adds no item.
    case("en-short-and-long-range", "en",
         "Germany sent short-range and long-range air defense systems to Ukraine.",
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted")),
]

DUAL_USE_AFTER_ARMS = [
    # Helicopters, aircraft and boats need a military word, or a weapons flow in the sentence
    # just before: there the generic word names military materiel too.
    case("en-helicopters-after-shells", "en",
         "The United States will send artillery shells to Ukraine. The United States has also "
         "approved the transfer of additional helicopters to Ukraine.",
         Flow("USA", "UKR", "artillery_ammunition", "planned", "asserted",
              evidence="artillery shells"),
         Flow("USA", "UKR", "helicopters", "planned", "asserted",
              evidence="additional helicopters")),
    # An unrelated sentence in between: the helicopters stay civilian.
    case("en-helicopters-not-adjacent", "en",
         "The United States will send artillery shells to Ukraine. Exports of farm goods rose "
         "in May. The United States has also approved the transfer of additional helicopters "
         "to Ukraine.",
         Flow("USA", "UKR", "artillery_ammunition", "planned", "asserted",
              evidence="artillery shells")),
]

# fmt: on


@pytest.mark.parametrize("item", OWNED_GERUNDS)
def test_engine_reads_owned_gerunds(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", OWN_CLAUSE_STAGE)
def test_engine_keeps_stage_of_own_clause(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", FUNDED_PURPOSES)
def test_engine_reads_funded_purposes_as_plans(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", OWN_OBJECTS)
def test_engine_keeps_materiel_of_other_triggers(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", SHARED_HEADS)
def test_engine_reads_modifiers_sharing_a_head(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", DUAL_USE_AFTER_ARMS)
def test_engine_reads_dual_use_after_arms(item: Case) -> None:
    check_case(item)
