"""Sales, contracts, deals, purchases, arrivals and seizures as the extractor reads them.

Each case is a text written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked. Cases the engine
gets wrong today are strict xfails whose reason says what it does instead.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

WH_URL = "https://www.whitehouse.gov/briefing-room/statements-releases/2025/07/08/fact-sheet/"

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off

BUYING = [
    # A possessive buyer on a purchase noun is the recipient: "Qatar's acquisition of".
    case("en-possessive-buyer", "en",
         "Qatar's acquisition of MQ-9B drones from the United States was signed in May.",
         Flow("USA", "QAT", "drones", "planned", "asserted")),
    # The maker named on what is bought sells it: "Raytheon's Stinger", "Anduril vehicles";
    # a government text reports its industry's sales as fact.
    case("en-buy-makers-missiles", "en",
         "Denmark and Norway will buy Raytheon's Stinger missiles.",
         Flow("raytheon", "DNK", "family:missiles", "planned", "asserted"),
         Flow("raytheon", "NOR", "family:missiles", "planned", "asserted"),
         url=WH_URL),
    case("en-purchase-maker-compound", "en",
         "Japan agreed to purchase 40 Anduril unmanned underwater vehicles.",
         Flow("anduril", "JPN", "drones", "planned", "asserted", quantity=40)),
    case("en-received-us-tanks", "en", "Poland received U.S. tanks in March.",
         Flow("USA", "POL", "tanks", "delivered", "asserted")),
    # Taking or awaiting delivery: the subject receives; what is awaited is not yet there.
    case("en-took-delivery", "en", "Poland took delivery of 24 K2 tanks from South Korea.",
         Flow("KOR", "POL", "tanks", "delivered", "asserted", quantity=24)),
    case("en-take-delivery-tranche", "en",
         "Norway will take delivery of the first tranche of Apache helicopters from the "
         "United States.",
         Flow("USA", "NOR", "helicopters", "planned", "asserted")),
    case("fr-attend-la-livraison", "fr",
         "Taipei attend toujours la livraison des 66 chasseurs F-16 commandés aux États-Unis.",
         Flow("USA", "TWN", "aircraft", "planned", "asserted", quantity=66)),
    # The seller after a buying verb: "à/au/aux/chez", "bei", "a" in these languages.
    case("fr-commander-aux", "fr", "L'Arménie a commandé trois radars GM200 à la France.",
         Flow("FRA", "ARM", "air_defense_systems", "planned", "asserted", quantity=3)),
    case("de-bestellt-bei", "de", "Ungarn hat bei Rheinmetall 50 Panzer bestellt.",
         Flow("rheinmetall", "HUN", "tanks", "planned", "asserted", quantity=50)),
    # The maker's own state buying from it is domestic procurement (see test_engine_wire_news).
    case("de-bestellt-bei-heimischem-hersteller", "de",
         "Deutschland hat bei Rheinmetall 50 Panzer bestellt."),
    # A purchase the buyer already passes on has reached it; the onward taker is the end user.
    case("fr-commande-chez-remet", "fr",
         "L'Allemagne a commandé chez Rheinmetall des systèmes Skynex qu'elle remet ensuite "
         "à l'armée ukrainienne.",
         Flow("rheinmetall", "DEU", "air_defense_systems", "delivered", "asserted",
              end_user="UKR"),
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted")),
]

ARRIVALS = [
    # The place materiel arrives in is its recipient; an arrival is a delivery.
    case("en-arrived-in", "en",
         "The first Mirage 2000-5 fighter jets promised by France arrived in Ukraine last month.",
         Flow("FRA", "UKR", "aircraft", "delivered", "asserted")),
    case("en-pledged-which-arrived", "en",
         "In February, Britain pledged 14 Challenger 2 battle tanks, which arrived in Ukraine in "
         "late March.",
         Flow("GBR", "UKR", "tanks", "delivered", "asserted", quantity=14)),
    case("fr-sont-arrives-en", "fr", "Les chars Leopard 2 de l'Allemagne sont arrivés en Ukraine.",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted")),
    case("de-eingetroffen", "de", "Die ersten deutschen Panzer sind in der Ukraine eingetroffen.",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted")),
    # A traveller's arrival is no delivery.
    case("en-minister-arrived", "en",
         "When the minister arrived in Kyiv, Germany pledged tanks to Ukraine.",
         Flow("DEU", "UKR", "tanks", "planned", "asserted")),
]

# fmt: on


@pytest.mark.parametrize("item", BUYING)
def test_engine_reads_purchases(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", ARRIVALS)
def test_engine_reads_arrivals(item: Case) -> None:
    check_case(item)
