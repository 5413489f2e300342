"""Patterns of official English texts (briefings, fact sheets, joint statements):
lists that go on past semicolons, and other list and role shapes of such texts.

Each case is a sentence written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

WH_URL = "https://www.whitehouse.gov/briefing-room/statements-releases/2024/04/24/statement/"

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off

LISTS = [
    # Verbless stretches after semicolons go on with the list of what is sent.
    case("en-semicolon-list", "en",
         "Norway will send Ukraine air defense interceptors; artillery shells; and armored "
         "vehicles.",
         Flow("NOR", "UKR", "air_defense_missiles", "planned", "asserted"),
         Flow("NOR", "UKR", "artillery_ammunition", "planned", "asserted"),
         Flow("NOR", "UKR", "armored_vehicles", "planned", "asserted")),
    # A stretch with a verb of its own is another statement, not a list item.
    case("en-semicolon-new-clause", "en",
         "Norway will send Ukraine artillery shells; Russia keeps firing missiles at its cities.",
         Flow("NOR", "UKR", "artillery_ammunition", "planned", "asserted")),
]

NAMES = [
    # Plural of a vehicle's abbreviation, and anti-air weapons as air-defence systems.
    case("en-hmmwvs", "en",
         "The United States will send Ukraine 70 HMMWVs.",
         Flow("USA", "UKR", "armored_vehicles", "planned", "asserted", quantity=70)),
    case("en-anti-air-systems", "en",
         "Poland has sent anti-air systems to Ukraine.",
         Flow("POL", "UKR", "air_defense_systems", "delivered", "asserted")),
]

REFERENCES = [
    # "The provision of" is a transfer noun; "these systems" are the ones named before; every
    # state of a list joined by commas and "and the" gives; the later clause with a subject of
    # its own ("other partners") is no flow of the listed states.
    case("en-provision-of-these-systems", "en",
         "The United States will send Ukraine tactical air defense systems. Several Allies, "
         "including Canada, Norway, Spain, and the United Kingdom, will play a role in the "
         "provision of these systems, and other partners will assist in the provision of "
         "interceptors.",
         Flow("USA", "UKR", "air_defense_systems", "planned", "asserted"),
         Flow("CAN", "UKR", "air_defense_systems", "planned", "asserted"),
         Flow("NOR", "UKR", "air_defense_systems", "planned", "asserted"),
         Flow("ESP", "UKR", "air_defense_systems", "planned", "asserted"),
         Flow("GBR", "UKR", "air_defense_systems", "planned", "asserted"),
         url=WH_URL),
    # A clause with a subject of its own gives what its noun trigger moves: Canada, named in
    # the first clause, gives no interceptors.
    case("en-own-clause-subject", "en",
         "Canada will send Ukraine air defense systems, and many other supporters of Ukraine "
         "will assist in the provision of interceptors.",
         Flow("CAN", "UKR", "air_defense_systems", "planned", "asserted")),
]

CONTENTS = [
    # A relative clause on the package that lists what it holds gives the package its items.
    case("en-package-that-includes", "en",
         "Canada announced a new package that includes munitions for NASAMS and rifles for "
         "Ukraine.",
         Flow("CAN", "UKR", "air_defense_missiles", "planned", "asserted"),
         Flow("CAN", "UKR", "small_arms", "planned", "asserted")),
    # Other relative clauses still keep their objects: the treaty moves no missiles.
    case("en-treaty-relative-clause", "en",
         "Germany signed a treaty which would eliminate cruise missiles in Europe."),
]

# fmt: on


@pytest.mark.parametrize("item", LISTS + NAMES + REFERENCES + CONTENTS)
def test_engine_reads_lists_names_and_references_of_official_texts(item: Case) -> None:
    check_case(item)
