"""Patterns behind missed transfers of news articles: capitals headings with a
verb that head a list, and other shapes that leave a flow unread.

Each case is a text written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off

HEADINGS = [
    # A capitals heading with a verb heads the items below: they take its supplier and stage;
    # the recipient is the article's.
    case("fr-caps-heading-verb", "fr",
         "La coopération militaire entre l'Iran et la Russie s'est accélérée.\n\n"
         "CE QUE TÉHÉRAN AURAIT ENVOYÉ\n\n"
         "• Drones – Des centaines de drones Shahed font partie des cargaisons.\n"
         "• Munitions – Des obus de 122 mm ont aussi été repérés.",
         Flow("IRN", "RUS", "drones", "delivered", "alleged"),
         Flow("IRN", "RUS", "artillery_ammunition", "delivered", "alleged")),
    case("en-caps-heading-verb", "en",
         "Military cooperation between Iran and Russia has grown.\n\n"
         "WHAT TEHRAN HAS SUPPLIED\n\n"
         "- Drones: hundreds of Shahed drones.\n"
         "- Shells: 122 mm artillery shells.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted"),
         Flow("IRN", "RUS", "artillery_ammunition", "delivered", "asserted")),
]

SPECIFIED = [
    # Materiel a specifying phrase singles out of what the trigger moves is what moves, though
    # a relative clause stands between.
    case("fr-en-particulier", "fr",
         "La Norvège continuera de fournir à la Pologne les armes dont elle a besoin, en "
         "particulier des obus d'artillerie.",
         Flow("NOR", "POL", "artillery_ammunition", "planned", "asserted")),
    case("en-especially", "en",
         "Norway will keep sending Poland the weapons it lacks, especially "
         "artillery shells.",
         Flow("NOR", "POL", "artillery_ammunition", "planned", "asserted")),
]

JOINT = [
    # A state the giving is done "jointly with" gives too, on the verb or on a participle
    # after the materiel.
    case("fr-fournie-conjointement", "fr",
         "La France a livré à l'Ukraine une batterie SAMP/T fournie conjointement avec l'Italie.",
         Flow("FRA", "UKR", "air_defense_systems", "delivered", "asserted"),
         Flow("ITA", "UKR", "air_defense_systems", "delivered", "asserted")),
    case("en-jointly-with", "en",
         "Denmark sent Ukraine a Patriot battery jointly with Germany.",
         Flow("DNK", "UKR", "air_defense_systems", "delivered", "asserted"),
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted")),
    # A mere "avec" names a partner of something else, not a giver.
    case("fr-accord-avec", "fr",
         "La France a signé un accord avec l'Italie et livré des obus à l'Ukraine.",
         Flow("FRA", "UKR", "artillery_ammunition", "delivered", "asserted")),
]

OWNERS = [
    # The owner of a plan noun right before the infinitive gives, not the subject of the
    # main verb the parse hangs the infinitive on; the transfer is only planned.
    case("fr-veto-projet-de", "fr",
         "Berne a opposé son veto au projet du Danemark de céder à Kiev des blindés Piranha.",
         Flow("DNK", "UKR", "armored_vehicles", "planned", "asserted")),
]

# fmt: on


@pytest.mark.parametrize("item", HEADINGS)
def test_engine_reads_a_capitals_heading_with_a_verb_as_a_list_header(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", SPECIFIED)
def test_engine_reads_specified_materiel_as_what_moves(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", JOINT)
def test_engine_reads_a_state_giving_jointly_as_a_supplier(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", OWNERS)
def test_engine_reads_the_owner_of_a_plan_noun_as_the_giver(item: Case) -> None:
    check_case(item)
