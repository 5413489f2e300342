"""Patterns of French and English news articles: transfers a sentence
names without reporting them as made or planned, and acts a state only permits.

Each case is a sentence written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off

# A negated verb governing the trigger: no interest in, must not, did not want to. A verb whose
# negation keeps the action going ("n'a pas cessé de", "did not hesitate to") still reports it.
NEGATED_GOVERNORS = [
    case("fr-aucun-interet-a-livrer", "fr",
         "Le Portugal n'a aucun intérêt à livrer des obus à l'Ukraine."),
    case("fr-interet-a-livrer", "fr",
         "Le Portugal a intérêt à livrer des obus à l'Ukraine.",
         Flow("PRT", "UKR", "artillery_ammunition", "delivered", "asserted")),
    case("fr-ne-doivent-pas-etre-reexpedies", "fr",
         "Le Japon a posé une condition : ces missiles ne doivent pas être réexpédiés vers "
         "l'Ukraine."),
    case("fr-doivent-etre-reexpedies", "fr",
         "Le Japon a posé une condition : ces missiles doivent être réexpédiés vers l'Ukraine.",
         Flow("JPN", "UKR", "missiles", "planned", "asserted")),
    case("fr-n-a-pas-cesse-de-livrer", "fr",
         "L'Iran n'a pas cessé de livrer des drones à la Russie.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted")),
    case("en-did-not-want-to-send", "en",
         "Spain did not want to send its Leopard tanks to Ukraine."),
    case("en-did-not-hesitate-to-supply", "en",
         "Iran did not hesitate to supply drones to Russia.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted")),
]

# Opposing a transfer ("s'opposer à céder") refuses it.
OPPOSED = [
    case("fr-s-opposer-a-ceder", "fr",
         "Berne s'est opposée à céder des obus à l'Allemagne."),
]

# What a weapon is aimed at ("contre", "against") is a target, not materiel that moves.
TARGETS = [
    case("fr-efficaces-contre-les-drones", "fr",
         "L'Allemagne a livré à l'Ukraine des blindés efficaces contre les drones iraniens.",
         Flow("DEU", "UKR", "armored_vehicles", "delivered", "asserted")),
    case("en-effective-against-drones", "en",
         "Germany delivered Gepard guns to Ukraine, which proved effective against Iranian "
         "drones.",
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted")),
]

# Sales someone is asked to stop are not made, and the appeal asks for no arms; training pilots
# on an aircraft moves no aircraft.
STOPPED_AND_TRAINING = [
    case("fr-exhorter-a-cesser-les-ventes", "fr",
         "Pékin a exhorté les États-Unis à cesser leurs ventes d'armes à Taïwan."),
    case("en-urged-to-halt-arms-sales", "en",
         "Beijing urged Washington to halt arms sales to Taiwan."),
    case("en-urged-to-send", "en",
         "Ukraine urged Germany to send Taurus missiles.",
         Flow("DEU", "UKR", "cruise_missiles", "requested", "asserted")),
    case("fr-former-des-pilotes-sur-f16", "fr",
         "Onze pays annoncent la création d'une coalition chargée de former des pilotes "
         "ukrainiens sur F-16."),
]

# A purchase told in a relative clause, with no seller named, is the history of what the
# sentence moves; with a seller named it is a flow of its own.
PURCHASE_HISTORY = [
    case("fr-systemes-que-l-armee-avait-achetes", "fr",
         "Le Pentagone a accepté de céder à Israël les deux systèmes Patriot que l'armée "
         "américaine avait achetés en 2019.",
         Flow("USA", "ISR", "air_defense_systems", "planned", "asserted")),
    case("fr-chars-achetes-a-la-coree", "fr",
         "La Pologne a livré à l'Ukraine les chars qu'elle avait achetés à la Corée du Sud.",
         Flow("POL", "UKR", "tanks", "delivered", "asserted"),
         Flow("KOR", "POL", "tanks", "planned", "asserted")),
    case("en-tanks-it-had-bought", "en",
         "Britain gave Ukraine the tanks it had bought in 2015.",
         Flow("GBR", "UKR", "tanks", "delivered", "asserted")),
]

# A permission verb grants the permitted party an act of its own: materiel under a
# non-trigger infinitive ("autoriser X à prélever") is not handed over by the permitting
# state. A permitted sale is still a planned flow.
PERMITTED_ACTS = [
    case("fr-autoriser-a-prelever-des-obus", "fr",
         "Israël a autorisé les forces américaines à prélever des obus dans ses stocks."),
    case("fr-autoriser-la-vente", "fr",
         "Washington a autorisé la vente de 40 F-16 à la Turquie.",
         Flow("USA", "TUR", "aircraft", "planned", "asserted")),
    case("en-approved-the-sale", "en",
         "The State Department approved the sale of 40 F-16 jets to Turkey.",
         Flow("USA", "TUR", "aircraft", "planned", "asserted")),
]

# fmt: on


@pytest.mark.parametrize("item", NEGATED_GOVERNORS)
def test_engine_reads_a_negated_governor_as_no_transfer(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", OPPOSED)
def test_engine_reads_an_opposed_transfer_as_refused(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", TARGETS)
def test_engine_leaves_a_weapons_target_out_of_the_flow(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", STOPPED_AND_TRAINING)
def test_engine_reads_stopped_sales_and_training_as_no_transfer(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", PURCHASE_HISTORY)
def test_engine_reads_a_purchase_in_a_relative_clause_as_history(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", PERMITTED_ACTS)
def test_engine_reads_a_permitted_act_as_the_permitted_partys_own(item: Case) -> None:
    check_case(item)
