"""How records of one article relate: a denial's pronoun stands for its speaker, a generic word
repeats the named materiel of the same flow, the nationality of a transfer noun is a party,
and a ban or limit on transfers moves nothing.

Each case is a text written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# fmt: off
CASES = [
    # "il" is North Korea, who speaks, not the spokesman named before: the denial is Pyongyang's.
    case("fr-denial-pronoun-is-speaker", "fr",
         "Le porte-parole John Kirby a déclaré que la Corée du Nord fournit des obus à la "
         "Russie. La Corée du Nord a averti les États-Unis de cesser de répandre des "
         "allégations, affirmant qu'il n'avait jamais fourni de munitions à la Russie.",
         Flow("PRK", "RUS", "artillery_ammunition", "planned", "alleged",
              claimed_by={"USA"}, denied_by={"PRK"})),
    # "munitions" later in the article is the same flow as the shells: one record.
    case("en-generic-word-repeats-named-materiel", "en",
         "North Korea has sent artillery shells to Russia. North Korean supplies of munitions "
         "to Russia show how short Moscow is.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "asserted")),
    # Mortar rounds beside shells are no generic word: both records stay.
    case("en-mortar-rounds-beside-shells", "en",
         "The United States sent artillery shells and mortar rounds to Ukraine.",
         Flow("USA", "UKR", "artillery_ammunition", "delivered", "asserted"),
         Flow("USA", "UKR", "other_ammunition", "delivered", "asserted")),
    # The nationality adjective of a giving noun is the giver; of a buying noun the buyer.
    case("fr-adjective-on-delivery-noun", "fr",
         "Les livraisons américaines de chars à l'Ukraine ont commencé.",
         Flow("USA", "UKR", "tanks", "delivered", "asserted")),
    case("en-adjective-on-purchase-noun", "en",
         "Polish purchases of tanks from South Korea grew.",
         Flow("KOR", "POL", "tanks", "planned", "asserted")),
    # What a limit, ban or embargo bears on is not moved.
    case("fr-export-limits", "fr",
         "Les pénuries à Moscou viennent des limites d'exportation de munitions imposées par "
         "les États-Unis."),
    case("en-ban-on-arms-sales", "en",
         "Washington kept its ban on arms sales to Iran."),
    case("fr-embargo-on-deliveries", "fr",
         "L'Union européenne maintient son embargo sur les livraisons d'armes à la Chine."),
]
# fmt: on


@pytest.mark.parametrize("item", CASES)
def test_engine_links_records_of_one_article(item: Case) -> None:
    check_case(item)
