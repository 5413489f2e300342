"""Which materiel categories a flow gets.

One noun phrase is one item, its system name deciding the category ("Patriot missile
batteries" are air-defence systems, not missiles too); a generic launcher or ammunition word
co-ordinated right after a system's phrase is that system's; ammunition "for" a weapon is that
weapon's ammunition. Each case is a text written for this file (see `engine_cases`); cases the
engine gets wrong today are strict xfails whose reason says what it does instead.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import UNCHECKED, Case, Flow, case, check_case

pytestmark = pytest.mark.model

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off
PHRASES = [
    case("en-system-decides-phrase", "en",
         "Washington offered to sell Turkey Patriot missile batteries.",
         Flow("USA", "TUR", "air_defense_systems", "planned", "asserted")),
    case("en-system-over-generic-launcher", "en",
         "Norway will send NASAMS air-defence launchers to Ukraine.",
         Flow("NOR", "UKR", "air_defense_systems", "planned", "asserted")),
    case("en-conjuncts-share-system", "en",
         "The Netherlands is donating Patriot launchers and missiles to Ukraine.",
         Flow("NLD", "UKR", "air_defense_systems", "delivered", "asserted"),
         Flow("NLD", "UKR", "air_defense_missiles", "delivered", "asserted")),
    case("en-missile-name-over-generic-word", "en",
         "Britain has sent Storm Shadow missiles to Ukraine.",
         Flow("GBR", "UKR", "cruise_missiles", "delivered", "asserted")),
    case("fr-generic-noun-before-name", "fr",
         "La France a livré à l'Ukraine des chars légers AMX-10 RC.",
         Flow("FRA", "UKR", "armored_vehicles", "delivered", "asserted")),
    case("en-example-names-the-kind", "en",
         "The United States is delivering additional aircraft to Afghanistan, such as the "
         "UH-60 Black Hawk helicopters.",
         Flow("USA", "AFG", "helicopters", "delivered", "asserted")),
    case("en-anti-tank-is-no-tank", "en",
         "The United States supplied anti-tank and anti-aircraft systems and drones to Ukraine.",
         Flow("USA", "UKR", "antitank_missiles", "delivered", "asserted"),
         Flow("USA", "UKR", "air_defense_systems", "delivered", "asserted"),
         Flow("USA", "UKR", "drones", "delivered", "asserted")),
    case("fr-generic-launcher-before-name", "fr",
         "L'Allemagne a livré à l'Ukraine deux lanceurs Patriot supplémentaires.",
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted", quantity=2)),
]

AMMUNITION_FOR = [
    case("en-list-item-ammunition-for-launchers", "en",
         "The United States announced a new military aid package for Ukraine. It includes:\n"
         "- additional ammunition for HIMARS rocket launchers\n- 155mm artillery rounds",
         Flow("USA", "UKR", "rockets", "planned", "asserted"),
         Flow("USA", "UKR", "artillery_ammunition", "planned", "asserted")),
    case("en-munitions-for-rocket-systems", "en",
         "Germany will send Ukraine munitions for rocket systems.",
         Flow("DEU", "UKR", "rockets", "planned", "asserted")),
    case("fr-rockets-destined-for-launchers", "fr",
         "Pyongyang a livré à Moscou des roquettes destinées aux lance-roquettes multiples.",
         Flow("PRK", "RUS", "rockets", "delivered", "asserted")),
    case("fr-large-calibre-is-artillery", "fr",
         "La République tchèque a livré à l'Ukraine 1,5 million de munitions de gros calibre, "
         "dont 500 000 obus de 155 mm.",
         Flow("CZE", "UKR", "artillery_ammunition", "delivered", "asserted")),
    case("fr-rounds-for-named-tank", "fr",
         "Berlin a demandé au Brésil des obus de char pour les Leopard 1.",
         Flow("BRA", "DEU", "other_ammunition", "requested", "asserted")),
]

PARTS = [
    case("en-parts-to-sustain-tanks", "en",
         "The United States is giving Ukraine the parts and equipment necessary to sustain "
         "these tanks.",
         Flow("USA", "UKR", "components", "delivered", "asserted")),
    case("fr-pieces-for-making-arms", "fr",
         "La Russie a livré à Pyongyang des pièces entrant dans la fabrication d'armes.",
         Flow("RUS", "PRK", "components", "delivered", "asserted")),
    case("en-patriot-components", "en",
         "The Netherlands donated Patriot components to Ukraine.",
         Flow("NLD", "UKR", "components", "delivered", "asserted")),
]

ANAPHORA = [
    case("fr-demonstrative-takes-named-phrase", "fr",
         "Berlin cherche des obus pour les blindés antiaériens Gepard. "
         "L'Allemagne a livré une trentaine de ces blindés à l'Ukraine.",
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted", quantity=30)),
]

ATTACHMENT = [
    case("en-participle-governs-its-noun", "en",
         "Germany announced a new military aid package for Ukraine. It includes:\n"
         "- IRIS-T launchers, to be operated alongside the Gepard tanks already delivered by "
         "the Netherlands.",
         Flow("DEU", "UKR", "air_defense_systems", "planned", "asserted",
              evidence="- IRIS-T launchers"),
         Flow("NLD", "UKR", "air_defense_systems", "delivered", "asserted")),
    case("en-purpose-clause-is-no-materiel", "en",
         "The United States gave Ukraine Javelin missiles to take out all those tanks.",
         Flow("USA", "UKR", "antitank_missiles", "delivered", "asserted")),
    case("fr-participle-governs-its-noun", "fr",
         "La France a annoncé une nouvelle aide militaire à l'Ukraine, qui comprend :\n"
         "- des missiles Mistral et une batterie SAMP/T fournie avec l'Italie.",
         Flow("FRA", "UKR", "air_defense_missiles", "planned", "asserted"),
         Flow("FRA", "UKR", "air_defense_systems", UNCHECKED, "asserted"),
         Flow("ITA", "UKR", "air_defense_systems", UNCHECKED, "asserted"),
         gap="the SAMP/T frame of 'fournie' names no supplier and is dropped (no header parties)"),
    case("fr-unstated-missiles-are-the-named-kind", "fr",
         "L'Iran a livré à la Russie des missiles balistiques Fath-360. "
         "Plus de 200 missiles ont été livrés par l'Iran à la Russie.",
         Flow("IRN", "RUS", "ballistic_missiles", "delivered", "asserted", quantity=200)),
]
# fmt: on


@pytest.mark.parametrize("item", PHRASES)
def test_engine_gives_one_category_per_noun_phrase(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", AMMUNITION_FOR)
def test_engine_reads_ammunition_for_a_weapon(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", ATTACHMENT)
def test_engine_attaches_materiel_to_its_trigger(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", PARTS)
def test_engine_reads_parts_for_weapons_as_components(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", ANAPHORA)
def test_engine_gives_demonstratives_their_antecedent_category(item: Case) -> None:
    check_case(item)
