"""Supplier nouns ("fournisseur", "supplier"): who supplies and who is supplied; delivery
nouns giving the purpose of a movement; flows only a media outlet reports.

Each case is a text written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# fmt: off

SUPPLIER_NOUNS = [
    # The owner of a supplier noun, marked by "de" as well as by a possessive, is the one
    # supplied; the state the noun is said of supplies.
    case("fr-devenue-premier-fournisseur-de", "fr",
         "La Chine est devenue le premier fournisseur d'armes de la Russie.",
         Flow("CHN", "RUS", "unspecified", "delivered", "asserted")),
    # A subject relative ("qui est", "who is") describes the state before it.
    case("fr-qui-est-le-premier-fournisseur", "fr",
         "Selon Paris, la Russie, qui est le premier fournisseur d'armes de l'Inde, n'a pas "
         "réagi.",
         Flow("RUS", "IND", "unspecified", "delivered", "alleged", claimed_by=("FRA",))),
    case("en-who-is-main-supplier", "en",
         "Russia, who is India's main weapons supplier, did not comment.",
         Flow("RUS", "IND", "unspecified", "delivered", "asserted")),
]

ONWARD_AND_REPORTED = [
    # A delivery noun giving the purpose of a movement verb delivers that verb's object, even
    # when a long route stands between them; only an outlet reports it: alleged.
    case("en-flown-for-onward-delivery", "en",
         "Axios reported that the US military had flown around 90 Patriot interceptors out of "
         "storage in Israel to an air base in Poland, for onward delivery to Ukraine.",
         Flow("USA", "UKR", "air_defense_missiles", "delivered", "alleged", via=("POL",))),
    # The place the movement verb goes to is on the route; the delivery's taker receives.
    case("en-sent-to-place-for-onward-delivery", "en",
         "The US sent 90 interceptors to Poland for onward delivery to Ukraine.",
         Flow("USA", "UKR", "air_defense_missiles", "delivered", "asserted", via=("POL",))),
    case("fr-expedie-pour-livraison", "fr",
         "L'armée américaine a expédié 90 missiles Patriot jusqu'à Rzeszów en Pologne pour une "
         "livraison ultérieure à l'Ukraine.",
         Flow("USA", "UKR", "air_defense_missiles", "delivered", "asserted", via=("POL",))),
    case("en-the-intercept-reported", "en",
         "The Intercept reported that Pakistan had sold artillery ammunition to the United "
         "States.",
         Flow("PAK", "USA", "artillery_ammunition", "planned", "alleged")),
    case("fr-journal-a-rapporte", "fr",
         "Le Monde a rapporté que le Pakistan avait vendu des obus aux États-Unis.",
         Flow("PAK", "USA", "artillery_ammunition", "planned", "alleged")),
]

# fmt: on


@pytest.mark.parametrize("item", SUPPLIER_NOUNS)
def test_engine_reads_supplier_nouns(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", ONWARD_AND_REPORTED)
def test_engine_reads_onward_delivery_and_outlet_reports(item: Case) -> None:
    check_case(item)
