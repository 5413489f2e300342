"""Patterns of official English texts (briefings, fact sheets, joint statements): launcher
phrases named after what they fire, and roles a discourse fallback must not fill.

Each case is a sentence written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

WH_URL = "https://www.whitehouse.gov/briefing-room/statements-releases/2025/10/20/fact-sheet/"

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off

LAUNCHERS = [
    # "rocket systems" and "rocket launchers" are the launchers, artillery systems.
    case("en-multi-launch-rocket-systems", "en",
         "Canada has sent 12 advanced multi-launch rocket systems to Ukraine.",
         Flow("CAN", "UKR", "artillery_systems", "delivered", "asserted", quantity=12)),
    case("en-rocket-launchers", "en",
         "Norway is donating four rocket launchers to Ukraine.",
         Flow("NOR", "UKR", "artillery_systems", "delivered", "asserted", quantity=4)),
    # A participle inside the name's noun phrase does not split it into two items.
    case("en-remotely-piloted-aircraft-system", "en",
         "Poland will buy the MQ-9B remotely piloted aircraft system from the United States.",
         Flow("USA", "POL", "drones", "planned", "asserted")),
    # Weapon words co-ordinated before "rounds" say which rounds: no mortars move.
    case("en-shared-ammunition-head", "en",
         "The United States will send Ukraine over 1 million grenade, mortar, and artillery "
         "rounds.",
         Flow("USA", "UKR", "artillery_ammunition", "planned", "asserted", quantity=1000000)),
    # Munitions for rocket systems are rockets.
    case("en-munitions-for-rocket-systems", "en",
         "Sweden will send munitions for rocket systems to Ukraine.",
         Flow("SWE", "UKR", "rockets", "planned", "asserted")),
    # A bare launcher next to interceptors launches them: an air-defence system.
    case("en-launchers-and-interceptors", "en",
         "The United States will send Ukraine a new package of launchers and interceptors.",
         Flow("USA", "UKR", "air_defense_systems", "planned", "asserted"),
         Flow("USA", "UKR", "air_defense_missiles", "planned", "asserted")),
    # A missile's launchers belong to the missile system: one transfer, no artillery.
    case("en-missiles-and-launchers", "en",
         "Washington approved a sale of Javelin anti-tank missiles to Ukraine. "
         "The sale includes 150 missiles and two launchers.",
         Flow("USA", "UKR", "antitank_missiles", "planned", "asserted", quantity=150)),
]

FALLBACKS = [
    # A company named as the maker of one purchase is not the seller of the article's other
    # purchases: the helicopters have no seller the text names.
    case("en-company-not-usual-supplier", "en",
         "Australia agreed to purchase Anduril unmanned underwater vehicles. "
         "Australia will also take delivery of Apache helicopters in a separate deal.",
         Flow("anduril", "AUS", "drones", "planned", "asserted"),
         url=WH_URL),
    # Of states named alike, in a list of trading partners, none is the article's recipient.
    case("en-once-named-state-no-topic", "en",
         "The United States will export more drones. The new tariff applies to goods from "
         "Japan and Switzerland.",
         url=WH_URL),
]

SIDES = [
    # The subject of "received" takes the later deliveries too: it is no giver by word order.
    case("en-receiver-of-later-deliveries", "en",
         "Ukraine has received hundreds of air defense missiles from the United States, with "
         "more deliveries of missiles due next year.",
         Flow("USA", "UKR", "air_defense_missiles", "delivered", "asserted")),
]

TARGETS = [
    # What the weapons are given to destroy is no part of the transfer.
    case("en-purpose-clause-target", "en",
         "Germany sent Ukraine Gepard systems to shoot down Iranian drones.",
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted")),
]

TRADE = [
    # "provided that" supposes; it provides nothing.
    case("en-provided-that", "en",
         "The United States cut its levy on drones from Japan, provided that their components "
         "come from Japan."),
    # Money made from arms sales moves; the arms in the phrase do not.
    case("en-proceeds-of-arms-sales", "en",
         "The proceeds from arms sales to Iran were funneled to the rebels in Nicaragua."),
    # The same after an arms flow: the money verb takes no supplier from the article, and
    # the bank's country is no recipient.
    case("en-proceeds-funneled-after-a-shipment", "en",
         "Investigators said the United States had shipped weapons to Iran through middlemen. "
         "Later, proceeds from the Iran arms sales were being funneled to a bank account in "
         "Switzerland.",
         Flow("USA", "IRN", "unspecified", "delivered", "asserted")),
    case("fr-fonds-transferes", "fr",
         "Les fonds tirés de la vente d'armes ont été transférés vers un compte en Suisse."),
    # Money moved next to arms moved: the arms flow stays.
    case("en-shipped-drones-and-funneled-proceeds", "en",
         "Iran shipped drones to Russia, and the proceeds were funneled to a bank in Dubai.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted")),
    # Missiles a treaty would eliminate are the relative clause's object, no transfer's.
    case("en-treaty-relative-clause", "en",
         "The two leaders signed a treaty which would eliminate intermediate-range missiles."),
    # An airliner engine is no arm unless the sentence says military.
    case("en-civil-engine", "en",
         "The engines, CFM-56 turbofans, will be shipped to China next year."),
]
# fmt: on


@pytest.mark.parametrize("item", LAUNCHERS)
def test_engine_reads_launchers_named_after_what_they_fire(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", FALLBACKS)
def test_engine_fills_roles_from_the_article_only_with_likely_parties(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", TRADE)
def test_engine_reads_no_transfer_in_trade_grammar(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", SIDES)
def test_engine_keeps_a_taker_on_the_taking_side(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", TARGETS)
def test_engine_leaves_out_what_a_weapon_is_for(item: Case) -> None:
    check_case(item)
