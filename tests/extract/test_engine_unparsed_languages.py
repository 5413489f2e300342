"""German and Spanish, read without a parser: word order and function words carry the roles,
the negation and who says it.

Each case is a sentence written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# fmt: off
CASES = [
    # With a time phrase first, the German subject follows the verb.
    case("de-inverted-subject", "de", "Im März lieferte Deutschland der Ukraine Panzer.",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted")),
    # A dative article after a preposition is no recipient: Iran sells, Russia buys.
    case("de-aus-dem", "de", "Russland kaufte im Sommer Drohnen aus dem Iran.",
         Flow("IRN", "RUS", "drones", "planned", "asserted")),
    # The source phrase ends at its name when no comma closes it.
    case("de-laut-two-sources", "de",
         "Laut den USA und Großbritannien lieferte Iran Drohnen an Russland.",
         Flow("IRN", "RUS", "drones", "delivered", "alleged", claimed_by={"USA", "GBR"})),
    # A negation in the trigger's clause denies the flow, before or after the verb.
    case("de-keine", "de", "Deutschland lieferte Russland keine Panzer.",
         Flow("DEU", "RUS", "tanks", "delivered", "denied", denied_by={"DEU"})),
    case("de-nie-verb-final", "de", "Iran hat nie Drohnen an Russland geliefert.",
         Flow("IRN", "RUS", "drones", "delivered", "denied", denied_by={"IRN"})),
    case("es-no", "es", "Irán no envió drones a Rusia.",
         Flow("IRN", "RUS", "drones", "delivered", "denied", denied_by={"IRN"})),
    # "not only" adds; it denies nothing.
    case("de-nicht-nur", "de", "Deutschland lieferte nicht nur Panzer an die Ukraine.",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted")),
]
# fmt: on


@pytest.mark.parametrize("item", CASES)
def test_engine_reads_unparsed_languages_by_word_order(item: Case) -> None:
    check_case(item)


# fmt: off
COMPOUNDS = [
    # A name joined by hyphens to a generic noun: both parts are read.
    case("de-name-hyphen-noun", "de", "Deutschland lieferte IRIS-T-Systeme an die Ukraine.",
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted")),
    # A hyphen before digits stays inside the designation.
    case("es-designation-with-digits", "es", "Irán envió drones Shahed-136 a Rusia.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted")),
]
# fmt: on


@pytest.mark.parametrize("item", COMPOUNDS)
def test_engine_reads_hyphenated_compounds(item: Case) -> None:
    check_case(item)
