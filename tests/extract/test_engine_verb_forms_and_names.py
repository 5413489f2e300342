"""News-article readings: verb forms the French lemmatiser leaves as they are,
group names spelled as a description ("rebelles yéménites"), and related readings.

Each case is a text written for this file (see `engine_cases`); cases the engine gets wrong
today are strict xfails saying what it does.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# fmt: off
UNLEMMATISED_VERBS = [
    # spaCy's French lemmatiser keeps "réclame" as its own lemma: read as "réclamer".
    case("fr-reclame-present", "fr", "Le Brésil réclame des chars à l'Allemagne.",
         Flow("DEU", "BRA", "tanks", "requested", "asserted")),
    case("fr-reclamait-imperfect", "fr", "Kiev réclamait des chars à l'Allemagne.",
         Flow("DEU", "UKR", "tanks", "requested", "asserted")),
]

DESCRIBED_GROUPS = [
    # "Yemeni rebels" is how news names the Houthis, not the state of Yemen.
    case("fr-rebelles-yemenites", "fr",
         "L'Iran a fourni des drones aux rebelles yéménites.",
         Flow("IRN", "houthis", "drones", "delivered", "asserted")),
    case("en-yemeni-rebels", "en", "Iran has supplied drones to Yemeni rebels.",
         Flow("IRN", "houthis", "drones", "delivered", "asserted")),
    case("de-jemenitische-rebellen", "de",
         "Der Iran hat Drohnen an die jemenitischen Rebellen geliefert.",
         Flow("IRN", "houthis", "drones", "delivered", "asserted")),
]

SPEECH_PLACE = [
    # Where a speaker speaks is no party to the flow the speech reports ("à Berlin").
    case("fr-dit-a-berlin-recu-livraisons", "fr",
         "Le ministre a dit mardi à Berlin que la Russie a reçu des livraisons de drones de "
         "l'Iran.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted")),
    case("fr-declare-a-rome-recu-livraisons", "fr",
         "La ministre a déclaré jeudi à Rome que l'Ukraine a reçu des livraisons de chars de "
         "l'Allemagne.",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted")),
]

CONDITIONAL_GOVERNOR = [
    # The reportative conditional on the verb that governs an infinitive trigger.
    case("fr-aurait-accepte-de-livrer", "fr",
         "La Chine aurait accepté de livrer des drones à la Russie.",
         Flow("CHN", "RUS", "drones", "planned", "alleged")),
    case("fr-ferait-parvenir", "fr", "L'Iran ferait parvenir des drones aux Houthis.",
         Flow("IRN", "houthis", "drones", "delivered", "alleged")),
    # A modal's conditional is a wish or a possibility, not hearsay.
    case("fr-voudrait-livrer", "fr", "L'Allemagne voudrait livrer des chars à l'Ukraine.",
         Flow("DEU", "UKR", "tanks", "planned", "asserted")),
]

BARE_PARTICIPLES = [
    # A bare participle on the materiel classifies it; it reports no flow.
    # (The headline names a giver the word-order fallback would otherwise lend it.)
    case("en-imported-drones", "en",
         "For Ukraine, the result is simple: fewer imported drones, more drones made at home.",
         title="Iran has supplied drones to Russia"),
    # With an agent of its own the participle still names the flow.
    case("en-supplied-by", "en", "The Ukrainian army now fields tanks supplied by Germany.",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted")),
]
# fmt: on


@pytest.mark.parametrize("item", UNLEMMATISED_VERBS)
def test_engine_reads_verbs_the_lemmatiser_leaves_unchanged(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", DESCRIBED_GROUPS)
def test_engine_reads_described_groups(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", SPEECH_PLACE)
def test_engine_leaves_the_place_of_a_speech_out_of_the_flow(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", CONDITIONAL_GOVERNOR)
def test_engine_reads_a_conditional_governor_as_hearsay(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", BARE_PARTICIPLES)
def test_engine_reads_no_flow_in_a_bare_participle(item: Case) -> None:
    check_case(item)
