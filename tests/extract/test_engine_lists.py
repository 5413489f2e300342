"""Package lists, section headings and stated amounts.

A header sentence names supplier and recipient, bullet items below it inherit them; a heading
such as "DELIVERED" or "ANNONCÉ" sets the stage of its items, a country-name heading their
supplier. Amounts are kept as integers when a count is stated and as text when only a vague
or money amount is. Each case is a text written for this file (see `engine_cases`); cases the
engine gets wrong today are strict xfails whose reason says what it does instead.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import ANY_MISSILE, SOME_TEXT, Case, Flow, case, check_case

pytestmark = pytest.mark.model

WH_URL = "https://www.whitehouse.gov/briefing-room/statements-releases/2023/06/09/fact-sheet/"
DOD_URL = "https://www.defense.gov/News/Releases/Release/Article/3412345/new-package/"

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off
LISTS = [
    case("en-package-includes", "en",
         "The Netherlands announced a new military aid package for Ukraine. "
         "The package includes:\n- 20 armored vehicles\n- 1,000 artillery shells\n"
         "- anti-tank missiles",
         Flow("NLD", "UKR", "armored_vehicles", "planned", "asserted", quantity=20,
              claimed_by=["NLD"], evidence="- 20 armored vehicles"),
         Flow("NLD", "UKR", "artillery_ammunition", "planned", "asserted", quantity=1000,
              claimed_by=["NLD"], evidence="- 1,000 artillery shells"),
         Flow("NLD", "UKR", "antitank_missiles", "planned", "asserted",
              evidence="- anti-tank missiles")),
    case("en-fact-sheet-white-house", "en",
         "Today the United States is announcing new security assistance to Ukraine. "
         "The package includes:\n\n- 155mm artillery rounds;\n\n- Javelin anti-armor systems;\n\n"
         "- Bradley infantry fighting vehicles.",
         Flow("USA", "UKR", "artillery_ammunition", "planned", "asserted", claimed_by=["USA"],
              evidence="- 155mm artillery rounds;"),
         Flow("USA", "UKR", "antitank_missiles", "planned", "asserted", claimed_by=["USA"],
              evidence="- Javelin anti-armor systems;"),
         Flow("USA", "UKR", "armored_vehicles", "planned", "asserted", claimed_by=["USA"],
              evidence="- Bradley infantry fighting vehicles."),
         url=WH_URL),
    case("en-list-ends-at-paragraph", "en",
         "Britain announced new military aid for Ukraine. It includes:\n"
         "- Storm Shadow cruise missiles\n- Challenger 2 tanks\n\n"
         "Russia fired more missiles at Kyiv this week.",
         Flow("GBR", "UKR", "cruise_missiles", "planned", "asserted",
              evidence="- Storm Shadow cruise missiles"),
         Flow("GBR", "UKR", "tanks", "planned", "asserted", evidence="- Challenger 2 tanks")),
    case("en-header-names-no-materiel-pronoun", "en",
         "Norway will give Ukraine a new package. It includes:\n"
         "- 10 NASAMS launchers\n- 5,000 artillery shells",
         Flow("NOR", "UKR", "air_defense_systems", "planned", "asserted", quantity=10,
              evidence="- 10 NASAMS launchers"),
         Flow("NOR", "UKR", "artillery_ammunition", "planned", "asserted", quantity=5000,
              evidence="- 5,000 artillery shells"),
         gap="no transfer: the package sentence has no materiel word, so the list has no header"),
    case("en-header-official-url", "en",
         "The new package for Ukraine includes:\n- Bradley fighting vehicles\n- Stinger missiles",
         Flow("USA", "UKR", "armored_vehicles", "planned", "asserted",
              evidence="- Bradley fighting vehicles"),
         Flow("USA", "UKR", ANY_MISSILE, "planned", "asserted", evidence="- Stinger missiles"),
         url=DOD_URL),
    case("fr-qui-comprend", "fr",
         "La France a annoncé une nouvelle aide militaire à l'Ukraine, qui comprend :\n"
         "- 30 canons Caesar\n- des obus d'artillerie\n- des véhicules blindés",
         Flow("FRA", "UKR", "artillery_systems", "planned", "asserted", quantity=30,
              claimed_by=["FRA"], evidence="- 30 canons Caesar"),
         Flow("FRA", "UKR", "artillery_ammunition", "planned", "asserted",
              evidence="- des obus d'artillerie"),
         Flow("FRA", "UKR", "armored_vehicles", "planned", "asserted",
              evidence="- des véhicules blindés")),
    case("fr-item-named-cruise-missile", "fr",
         "La France a annoncé une nouvelle aide militaire à l'Ukraine, qui comprend :\n"
         "- des missiles SCALP\n- des véhicules blindés",
         Flow("FRA", "UKR", "cruise_missiles", "planned", "asserted",
              evidence="- des missiles SCALP"),
         Flow("FRA", "UKR", "armored_vehicles", "planned", "asserted",
              evidence="- des véhicules blindés")),
    case("fr-il-comprend", "fr",
         "La Norvège a promis à l'Ukraine un nouveau paquet d'aide. Il comprend :\n"
         "- 10 lanceurs NASAMS\n- 5 000 obus d'artillerie",
         Flow("NOR", "UKR", "air_defense_systems", "planned", "asserted", quantity=10,
              evidence="- 10 lanceurs NASAMS"),
         Flow("NOR", "UKR", "artillery_ammunition", "planned", "asserted", quantity=5000,
              evidence="- 5 000 obus d'artillerie"),
         gap="no transfer: the pledge sentence has no materiel word, so the list has no header"),
    case("de-umfasst", "de",
         "Deutschland hat der Ukraine ein neues Paket zugesagt. Es umfasst:\n"
         "- 10 Leopard Panzer\n- 20 Drohnen",
         Flow("DEU", "UKR", "tanks", "planned", "asserted", quantity=10,
              evidence="- 10 Leopard Panzer"),
         Flow("DEU", "UKR", "drones", "planned", "asserted", quantity=20,
              evidence="- 20 Drohnen"),
         gap="no transfer: the pledge sentence has no materiel word, so the list has no header"),
]

HEADINGS = [
    # Stage headings over bullet items; the same flow in two sections is one record.
    case("en-delivered-announced-sections", "en",
         "Germany's military aid to Ukraine\n\nDELIVERED\n- 18 Leopard 2 tanks\n"
         "- 3 IRIS-T systems\n\nANNOUNCED\n- 20 reconnaissance drones",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted", quantity=18,
              evidence="- 18 Leopard 2 tanks"),
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted", quantity=3,
              evidence="- 3 IRIS-T systems"),
         Flow("DEU", "UKR", "drones", "planned", "asserted", quantity=20,
              evidence="- 20 reconnaissance drones")),
    case("fr-deja-livre-annonce-sections", "fr",
         "Aide militaire de l'Allemagne à l'Ukraine\n\nDÉJÀ LIVRÉ\n\n- 18 chars de combat\n"
         "- 3 systèmes de défense aérienne\n\nANNONCÉ\n\n- 10 chars de combat\n"
         "- 20 drones de reconnaissance",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted", quantity=18,
              evidence="- 18 chars de combat"),
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted", quantity=3,
              evidence="- 3 systèmes de défense aérienne"),
         Flow("DEU", "UKR", "drones", "planned", "asserted", quantity=20,
              evidence="- 20 drones de reconnaissance")),
    case("fr-section-item-system-name", "fr",
         "Aide militaire de l'Allemagne à l'Ukraine\n\nDÉJÀ LIVRÉ\n\n- 18 chars Leopard 2",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted", quantity=18,
              evidence="- 18 chars Leopard 2")),
    case("en-sections-header-without-materiel", "en",
         "The United States has provided the following to Ukraine:\n\n"
         "DELIVERED\n- 31 Abrams tanks\n- HIMARS launchers\n\n"
         "ANNOUNCED\n- F-16 fighter jets",
         Flow("USA", "UKR", "tanks", "delivered", "asserted", quantity=31),
         Flow("USA", "UKR", "artillery_systems", "delivered", "asserted"),
         Flow("USA", "UKR", "aircraft", "planned", "asserted"),
         gap="no transfer: the header names no materiel and no flow precedes it"),
    # Country-name headings give their items a supplier.
    case("en-country-headings-caps", "en",
         "Allies have delivered the following weapons to Ukraine:\n\n"
         "GERMANY\n- 18 Leopard 2 tanks\n- IRIS-T air defense systems\n\n"
         "POLAND\n- 14 Leopard 2 tanks\n- MiG-29 fighter jets",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted", quantity=18,
              evidence="- 18 Leopard 2 tanks"),
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted"),
         Flow("POL", "UKR", "tanks", "delivered", "asserted", quantity=14,
              evidence="- 14 Leopard 2 tanks"),
         Flow("POL", "UKR", "aircraft", "delivered", "asserted")),
    case("en-country-headings-title-case", "en",
         "Allies have delivered the following weapons to Ukraine:\n\n"
         "Germany\n- 18 Leopard 2 tanks\n\nPoland\n- MiG-29 fighter jets",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted", quantity=18),
         Flow("POL", "UKR", "aircraft", "delivered", "asserted"),
         gap="title-case country headings are not read: the items get no supplier"),
    case("fr-country-headings-colon", "fr",
         "Les alliés ont livré les armes suivantes à l'Ukraine :\n\n"
         "Allemagne :\n- des chars\n- des systèmes de défense aérienne\n\n"
         "Pologne :\n- des avions de combat",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted"),
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted"),
         Flow("POL", "UKR", "aircraft", "delivered", "asserted"),
         gap="'Allemagne :' headings are not read: the items get supplier None"),
]

AMOUNTS = [
    case("fr-count-spaced-thousands", "fr", "La Corée du Nord a livré 100 000 obus à la Russie.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "asserted", quantity=100000)),
    case("fr-count-decimal-million", "fr",
         "La Corée du Nord a livré 1,5 million d'obus à la Russie.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "asserted",
              quantity=1500000)),
    case("en-count-decimal-million", "en",
         "North Korea has sent 1.5 million artillery shells to Russia.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "asserted",
              quantity=1500000)),
    case("en-dozens", "en", "Iran delivered dozens of drones to Russia.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted", quantity=None,
              quantity_text=SOME_TEXT)),
    case("en-hundreds", "en", "Russia has obtained hundreds of drones from Iran.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted", quantity=None,
              quantity_text=SOME_TEXT)),
    case("fr-des-dizaines", "fr", "L'Iran a livré des dizaines de drones à la Russie.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted", quantity=None,
              quantity_text=SOME_TEXT)),
    case("fr-une-douzaine", "fr",
         "La Slovaquie a livré une douzaine d'hélicoptères à l'Ukraine.",
         Flow("SVK", "UKR", "helicopters", "delivered", "asserted", quantity=12),
         gap="dual-use word ('hélicoptères') with no military word in the sentence is dropped"),
    case("fr-rate-per-month", "fr", "La Corée du Nord envoie 3 000 obus par mois à la Russie.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "asserted", quantity=None,
              quantity_text=SOME_TEXT)),
    case("en-all-of-its", "en", "Denmark donated all 19 of its Caesar howitzers to Ukraine.",
         Flow("DNK", "UKR", "artillery_systems", "delivered", "asserted", quantity=19)),
    case("en-around", "en", "Norway delivered around 50 armored vehicles to Ukraine.",
         Flow("NOR", "UKR", "armored_vehicles", "delivered", "asserted", quantity=50)),
    case("en-number-word", "en", "France delivered twelve Caesar howitzers to Armenia in March.",
         Flow("FRA", "ARM", "artillery_systems", "delivered", "asserted", quantity=12)),
    case("es-count", "es", "Estados Unidos envió 31 tanques Abrams a Ucrania.",
         Flow("USA", "UKR", "tanks", "delivered", "asserted", quantity=31)),
    case("de-count-compound", "de", "Deutschland lieferte 40 Marder-Schützenpanzer an die Ukraine.",
         Flow("DEU", "UKR", "armored_vehicles", "delivered", "asserted", quantity=40)),
    # One flow reported twice is one record with the largest stated count.
    case("en-same-flow-largest-count", "en",
         "North Korea has sent 300,000 shells to Russia. By the end of the year, it had shipped "
         "more than a million shells to Russia.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "asserted", quantity=1000000,
              evidence="North Korea has sent 300,000 shells to Russia.")),
    case("en-two-materiel-two-records", "en",
         "Sweden delivered CV90 vehicles to Ukraine. Sweden also delivered Archer howitzers to "
         "Ukraine.",
         Flow("SWE", "UKR", "armored_vehicles", "delivered", "asserted",
              evidence="Sweden delivered CV90 vehicles to Ukraine."),
         Flow("SWE", "UKR", "artillery_systems", "delivered", "asserted",
              evidence="Sweden also delivered Archer howitzers to Ukraine.")),
]
# fmt: on


@pytest.mark.parametrize("item", LISTS)
def test_engine_reads_package_lists(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", HEADINGS)
def test_engine_reads_section_and_country_headings(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", AMOUNTS)
def test_engine_reads_stated_amounts(item: Case) -> None:
    check_case(item)
