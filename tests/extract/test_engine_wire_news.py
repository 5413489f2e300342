"""Wire-service business and politics stories that name arms makers, weapons and states but
report no transfer between two of them: a maker's contract with its own government, a firm
whose name holds a country's, rebels named by their country, history, joint designs, and a
transfer whose giver is a firm we do not know. A general news stream is mostly such stories.

Each case is a sentence written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# fmt: off

# A maker selling to its own state's forces is domestic procurement; to another state, or to
# its own state for passing on, it is a transfer.
MAKERS_AND_HOME_STATES = [
    case("en-maker-supplies-own-navy", "en",
         "Lockheed Martin said it will provide 120 Trident missiles to the U.S. Navy under the "
         "new contract."),
    case("en-maker-sells-abroad", "en",
         "Lockheed Martin will sell 32 F-35 fighter jets to Poland.",
         Flow("lockheed-martin", "POL", "aircraft", "planned", "asserted")),
    case("fr-industriel-livre-sa-propre-armee", "fr",
         "Naval Group livrera deux frégates à la Marine nationale française d'ici 2027."),
    case("fr-achat-chez-industriel-pour-revendre", "fr",
         "L'Allemagne a commandé chez Rheinmetall des blindés qu'elle remettra à l'armée "
         "ukrainienne.",
         Flow("rheinmetall", "DEU", "armored_vehicles", "planned", "asserted", end_user="UKR"),
         Flow("DEU", "UKR", "armored_vehicles", "planned", "asserted")),
]

# The French future built on the infinitive, which the tagger sometimes reads as a present.
FRENCH_FUTURE = [
    case("fr-remettra-futur", "fr",
         "La Suède remettra douze obusiers Archer à l'Ukraine.",
         Flow("SWE", "UKR", "artillery_systems", "planned", "asserted")),
    case("fr-livra-passe-simple", "fr",
         "La Suède livra douze obusiers à l'Ukraine au printemps.",
         Flow("SWE", "UKR", "artillery_systems", "delivered", "asserted")),
]

# Words of a name that are a country's: a firm's legal name, a region's adjective, rebels
# named by the country they fight in, an affair named after a country.
NAMES_HOLDING_A_COUNTRY = [
    case("en-state-in-company-name", "en",
         "Kestrel Industries Norway AS said it would sell its stake in a rifle maker because of "
         "its weapons exports."),
    case("en-central-american-states", "en",
         "The committee approved 200 mln dlrs in economic aid for five Central American states "
         "and 30 mln dlrs in military aid for Honduras."),
    case("en-country-rebel-aid", "en",
         "Critics of Angola rebel military aid lost a vote in the Senate on Tuesday."),
    case("en-country-contra-affair", "en",
         "Despite the Iran-contra affair, Congress is expected to approve more military aid "
         "for the rebels."),
    case("en-city-based-magazine", "en",
         "The Berlin-based institute said the Omani navy had asked several Asian countries to "
         "supply four corvettes."),
    # A present participle on a noun describes it: the country it names is no party.
    case("en-states-neighbouring-a-country", "en",
         "Congress approved 20 mln dlrs for states bordering Angola and 40 mln dlrs in military "
         "assistance for Morocco."),
]

# A transfer noun whose owner is a firm names its giver: the sentence's states do not fill it.
UNKNOWN_GIVERS = [
    case("en-firm-owns-the-transfer", "en",
         "The Pentagon suspended its contracts with Japan's Hanamura Corp over a Hanamura "
         "subsidiary's sale of submarine sonar parts to China."),
    case("en-state-owns-the-transfer", "en",
         "Washington protested over Russia's delivery of S-400 missiles to Turkey.",
         Flow("RUS", "TUR", "air_defense_missiles", "delivered", "asserted")),
    case("en-date-owns-the-transfer", "en",
         "Last year's delivery of 40 tanks from Germany to Poland was late.",
         Flow("DEU", "POL", "tanks", "delivered", "asserted")),
]

# Background more than ten years before the article is history, not news (ANNOTATION.md);
# a law named with its year dates nothing.
HISTORY = [
    case("en-sale-effort-decades-ago", "en",
         "Northrop, trying to sell F-5 fighter aircraft to Saudi Arabia, hired the agent in "
         "1970.",
         published="1987-05-04"),
    case("en-recent-year-is-news", "en",
         "France sold 30 fighter aircraft to Iraq in 1984.",
         Flow("FRA", "IRQ", "aircraft", "planned", "asserted"),
         published="1987-05-04"),
    case("en-law-named-with-its-year", "en",
         "Under the Foreign Assistance Act of 1961, the United States will send 50 armored "
         "vehicles to Taiwan.",
         Flow("USA", "TWN", "armored_vehicles", "planned", "asserted"),
         published="2025-10-01"),
]

# What two governments agree on is a joint plan when it is a design or a concept, not a sale.
AGREEMENTS = [
    case("en-agreed-on-common-concept", "en",
         "The Italian and Spanish defence ministers agreed in principle on a common design for "
         "the new frigate."),
    case("en-agreed-to-send", "en",
         "Spain agreed to send 20 armored vehicles to Morocco.",
         Flow("ESP", "MAR", "armored_vehicles", "planned", "asserted")),
]

# Submarines, frigates and bombers are military by themselves; a plain ship or plane needs a
# military word in its sentence.
VESSELS_AND_PLANES = [
    case("en-supply-submarines", "en",
         "Britain will supply four submarines to Chile.",
         Flow("GBR", "CHL", "naval_vessels", "planned", "asserted")),
    case("fr-livrer-fregates", "fr",
         "L'Italie livrera deux frégates à l'Égypte.",
         Flow("ITA", "EGY", "naval_vessels", "planned", "asserted")),
    # "approached X to supply": X would give, the one who approached would take.
    case("en-approached-to-supply", "en",
         "Chile approached Britain to supply four submarines.",
         Flow("GBR", "CHL", "naval_vessels", "requested", "asserted")),
    case("en-approached-unnamed-to-supply", "en",
         "The Chilean navy approached several shipyards to supply four submarines."),
    case("en-sell-ferries", "en",
         "Finland will sell two ferries to Estonia."),
]

# fmt: on


@pytest.mark.parametrize("item", MAKERS_AND_HOME_STATES)
def test_engine_reads_a_maker_selling_to_its_own_state_as_domestic(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", FRENCH_FUTURE)
def test_engine_reads_the_french_future_as_planned(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", NAMES_HOLDING_A_COUNTRY)
def test_engine_reads_no_party_in_names_holding_a_country(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", UNKNOWN_GIVERS)
def test_engine_leaves_a_transfer_owned_by_an_unknown_firm_without_supplier(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", HISTORY)
def test_engine_leaves_out_history_older_than_ten_years(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", AGREEMENTS)
def test_engine_reads_an_agreed_design_as_no_transfer(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", VESSELS_AND_PLANES)
def test_engine_reads_warships_as_military_and_ferries_as_civil(item: Case) -> None:
    check_case(item)
