"""Patterns of general news that name weapons without any transfer: naval patrols, trade
rows, companies and their sales, equipment fits. A stream of general news is mostly such
stories, so each of these must come out empty (or keep only the real flow).

Each case is a sentence written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off

# Trigger words that are part of another word or name an activity: "anti-ship",
# "shipping lanes", "oil shipments".
NOT_TRIGGERS = [
    case("en-anti-ship-missiles", "en",
         "Officials in Washington say Iran has new Chinese-made anti-ship missiles along the "
         "strait."),
    case("en-shipping-lanes", "en",
         "The United States will keep the shipping lanes open despite Iranian missiles."),
    case("en-oil-shipments", "en",
         "Washington will not let Iran use its missiles to choke off oil shipments from Kuwait."),
    case("fr-livraisons-de-petrole", "fr",
         "Les missiles iraniens menacent les livraisons de pétrole du Koweït."),
    case("en-vehicles-armed-with-missiles", "en",
         "The Chadian army captured hundreds of Libyan vehicles armed with anti-aircraft "
         "missiles."),
    case("en-sanctions-announced-against-chips", "en",
         "Tokyo protested against U.S. sanctions announced last week against Japanese military "
         "semiconductors."),
]

# A force sent to patrol or escort stays its sender's: a deployment.
OPERATIONS = [
    case("en-sending-battleship-to-patrol", "en",
         "The United States is sending the battleship Missouri to patrol outside the Strait "
         "of Hormuz."),
    case("en-offered-warships-to-escort", "en",
         "The United States has offered its warships to escort Kuwaiti tankers past Iranian "
         "missile batteries."),
    case("fr-fregate-pour-escorter", "fr",
         "La France a envoyé une frégate pour escorter les pétroliers koweïtiens."),
    # A destination that is a place and no party: the article's states do not fill it.
    case("en-sent-into-the-aegean", "en",
         "Turkey sent a survey ship into the Aegean, flanked by warships. Greece protested to "
         "Turkey, and Greece called its envoy home."),
    # A request whose object is something else ("press its case") asks for no weapons.
    case("en-to-press-its-case", "en",
         "A Turkish ship, escorted by warships, left for the Aegean to press Ankara's case in "
         "the row with Greece."),
    case("en-pressing-allies-for-jets", "en",
         "Ukrainian officials have begun pressing allies for Western fighter jets.",
         Flow("WEST", "UKR", "aircraft", "requested", "asserted")),
    # What the ships provide (protection) moves; the ships do not.
    case("en-protection-provided-by-destroyers", "en",
         "Kuwait asked whether protection for its tankers could be provided by three U.S. Navy "
         "destroyers."),
]

# A clause an announcing verb governs acts on its own: the announcer hands nothing over.
ANNOUNCED_CLAUSES = [
    case("en-announced-that-iran-had-emplaced", "en",
         "The United States announced that Iran had emplaced Chinese-made Silkworm missiles "
         "near the strait."),
    case("fr-annonce-que-ses-navires-ont-detruit", "fr",
         "Le Pentagone a annoncé que des navires de guerre américains avaient détruit une "
         "plateforme iranienne."),
    case("en-announced-it-will-send", "en",
         "Germany announced that it will send Leopard tanks to Ukraine.",
         Flow("DEU", "UKR", "tanks", "planned", "asserted")),
    case("en-announced-package-includes", "en",
         "The Pentagon announced that the new package for Ukraine includes Javelin missiles.",
         Flow("USA", "UKR", "antitank_missiles", "planned", "asserted")),
]

# Companies and markets: a company's name, a share sale, airliners, goods left out.
COMPANIES_AND_GOODS = [
    case("en-royal-dutch-shell", "en",
         "Royal Dutch/Shell offered 55 dlrs a share for the part of Shell Oil it did not own, "
         "and Britain agreed."),
    case("en-airline-buys-airbus", "en",
         "Swissair has an option to buy four Airbus A-310s from the consortium in France."),
    case("en-excluding-defence-equipment", "en",
         "The British loan to Zambia can be spent on goods supplied by British firms, excluding "
         "luxuries and defence equipment."),
    case("fr-tout-sauf-des-chars", "fr",
         "Le Royaume-Uni a livré à la Zambie des camions civils, à l'exception des blindés."),
    # The owner of "supplier" is the one supplied; the state it describes supplies.
    case("fr-principal-fournisseur-de-l-inde", "fr",
         "La Russie, principal fournisseur d'armes de l'Inde, a livré des chars à New Delhi.",
         Flow("RUS", "IND", "tanks", "delivered", "asserted")),
    case("en-which-is-india-s-main-supplier", "en",
         "The chips could end up in Moscow, which is India's main weapons "
         "supplier.",
         Flow("RUS", "IND", "unspecified", "delivered", "asserted")),
    # Seeking to sell is the seller's own aim: one flow, from the seller.
    case("en-seeking-to-sell", "en",
         "Northrop is seeking to sell F-5 fighter aircraft to Saudi Arabia.",
         Flow("northrop-grumman", "SAU", "aircraft", "planned", "asserted")),
]

# fmt: on


@pytest.mark.parametrize("item", NOT_TRIGGERS)
def test_engine_reads_no_trigger_in_compounds_and_activities(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", OPERATIONS)
def test_engine_reads_a_force_sent_on_an_operation_as_deployed(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", ANNOUNCED_CLAUSES)
def test_engine_leaves_an_announced_clause_to_its_own_verb(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", COMPANIES_AND_GOODS)
def test_engine_reads_companies_airliners_and_left_out_goods_as_no_transfer(item: Case) -> None:
    check_case(item)
