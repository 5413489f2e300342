"""Weapons "from X" that another party uses or needs: a flow with no transfer word.

Each case is a text written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off

SOURCED_USE = [
    # The user of weapons from another state received them from it.
    case("en-using-drones-from", "en",
         "Russia is using drones from Iran to strike power plants across Ukraine.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted")),
    # A passive "enabled by" on a party's attacks: the attacker received the weapons.
    case("en-attacks-enabled-by", "en",
         "Drones hit Odesa again. Ukraine must hold out against Russia's attacks, which are "
         "enabled by shells and missiles from North Korea.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "asserted"),
         Flow("PRK", "RUS", "family:missiles", "delivered", "asserted")),
    # Needing weapons from a state asks it for them.
    case("en-needs-tanks-from", "en",
         "Poland needs more tanks from South Korea, its defence minister said.",
         Flow("KOR", "POL", "tanks", "requested", "asserted")),
]

NOT_SOURCED = [
    # "From" on a firing verb names the launch site, not a giver.
    case("en-fired-from-belarus", "en",
         "Russia fired missiles from Belarus at Kyiv overnight."),
    # A state using its own weapons made at home: no second party.
    case("en-uses-drones-from-own", "en",
         "Iran uses drones from Iran's own factories in its exercises."),
]


@pytest.mark.parametrize("item", SOURCED_USE)
def test_engine_reads_weapons_from_a_state_used_by_another(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", NOT_SOURCED)
def test_engine_reads_no_flow_from_launch_sites_or_own_weapons(item: Case) -> None:
    check_case(item)


# fmt: off
OTHER_PHRASE_ACTORS = [
    # A trigger whose clause has a subject of its own ("partners have pledged") does not
    # take an actor standing after that clause ("co-led by Germany") by word order.
    case("en-pledged-then-co-led-by", "en",
         "Air defense remains our priority. We are grateful to the group of 50 countries that "
         "continues to provide security assistance to Ukraine, as well as to the initiative – "
         "to which partners have pledged $1 billion in support of air defense for Ukraine – and "
         "the coalition, co-led by Germany and France.",
         Flow("WEST", "UKR", "unspecified", "delivered", "asserted")),
]
# fmt: on


@pytest.mark.parametrize("item", OTHER_PHRASE_ACTORS)
def test_engine_leaves_actors_of_other_phrases(item: Case) -> None:
    check_case(item)


# fmt: off
ANTI_SHIP = [
    # "Anti-ship systems" fire anti-ship missiles: the annotators' missiles family.
    case("en-anti-ship-systems", "en",
         "Norway has sent anti-ship systems to Ukraine to protect its ports.",
         Flow("NOR", "UKR", "family:missiles", "delivered", "asserted")),
    case("fr-systemes-antinavires", "fr",
         "La Norvège a livré des systèmes antinavires à l'Ukraine.",
         Flow("NOR", "UKR", "family:missiles", "delivered", "asserted")),
]
# fmt: on


@pytest.mark.parametrize("item", ANTI_SHIP)
def test_engine_reads_anti_ship_systems_as_missiles(item: Case) -> None:
    check_case(item)


# fmt: off
SEMICOLON_LISTS = [
    # A line that goes on with a list the line before left open with a semicolon: its bare
    # participles ("donated by Spain") have no tense and take the announced flow's stage.
    case("en-announced-list-continued", "en",
         "Today, we are announcing that we are providing Ukraine with new air defense systems, "
         "including NASAMS launchers donated by Norway;\n"
         "a SAMP-T system donated by Spain.",
         Flow("NOR", "UKR", "air_defense_systems", "planned", "asserted",
              evidence="donated by Norway"),
         Flow("ESP", "UKR", "air_defense_systems", "planned", "asserted",
              evidence="donated by Spain")),
]
# fmt: on


@pytest.mark.parametrize("item", SEMICOLON_LISTS)
def test_engine_carries_the_stage_of_a_semicolon_list(item: Case) -> None:
    check_case(item)


# fmt: off
PLEDGED_EFFORTS = [
    # Agreeing to work on a request promises an effort, not the weapons: still requested.
    case("en-agreed-to-work-to-find", "en",
         "Poland asked Germany for more Leopard tanks, and Germany agreed to work with Poland to "
         "find what was available.",
         Flow("DEU", "POL", "tanks", "requested", "asserted")),
    # Agreeing to send them is a pledge.
    case("en-agreed-to-send", "en",
         "Poland asked Germany for more Leopard tanks, and Germany agreed to send them.",
         Flow("DEU", "POL", "tanks", "planned", "asserted")),
]
# fmt: on


@pytest.mark.parametrize("item", PLEDGED_EFFORTS)
def test_engine_reads_pledged_efforts_as_no_pledge(item: Case) -> None:
    check_case(item)
