"""Arming verbs report weapons of no stated type handed to their object ("accused of arming
the RSF", "avoir armé les FSR"); "armed groups", "armed with missiles" describe, they move
nothing of their own.

Each case is a sentence written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# fmt: off

ARMING = [
    case("en-accused-of-arming-a-militia", "en",
         "Sudan's army says the United Arab Emirates is arming the RSF. The militia's drones "
         "now strike Port Sudan.",
         Flow("ARE", "rsf", "unspecified", "delivered", "alleged")),
    case("fr-avoir-arme-une-milice", "fr",
         "Le Soudan accuse les Émirats arabes unis d'avoir armé les Forces de soutien rapide. "
         "Les drones de la milice frappent désormais Port-Soudan.",
         Flow("ARE", "rsf", "unspecified", "delivered", "alleged")),
    case("en-armed-forces-no-transfer", "en",
         "Russia's armed forces fired drones at Kyiv overnight, and armed groups attacked "
         "villages near the border."),
    case("fr-groupes-armes-no-transfer", "fr",
         "Des groupes armés ont attaqué un convoi ; l'armée a répliqué avec des drones."),
]

# fmt: on


@pytest.mark.parametrize("item", ARMING)
def test_engine_reads_arming_a_party_as_weapons_handed_over(item: Case) -> None:
    check_case(item)
