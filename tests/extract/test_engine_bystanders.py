"""Actors that stand beside a transfer without taking part in it, and roles filled from the
sentence rather than the article: places of meetings, groups a state is a member of,
speakers of an accusation, arguments of another trigger, pronouns and nationality words.

Each case is a sentence written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import ANY_MISSILE, Case, Flow, case, check_case

pytestmark = pytest.mark.model

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off

BYSTANDERS = [
    # The place of a meeting is not the recipient: the headline names it.
    case("en-summit-place", "en", "At a summit in Brussels, Germany pledged more IRIS-T systems.",
         Flow("DEU", "UKR", "air_defense_systems", "planned", "asserted"),
         title="Military aid to Ukraine"),
    case("fr-lors-d-une-visite", "fr",
         "Lors d'une visite à Varsovie, l'Allemagne a promis des chars Leopard.",
         Flow("DEU", "UKR", "tanks", "planned", "asserted"),
         title="L'aide militaire à l'Ukraine"),
    # The subject of an opening "as/if/lorsque" clause is not the giver of the main clause
    # (which names none here: no transfer can be reported).
    case("en-leading-as-clause", "en",
         "As the Russian military repositions for the next phase of this war, more weapons "
         "were delivered to Ukraine."),
    # Where a weapon was made says nothing of who gives it.
    case("en-us-made-not-a-party", "en",
         "The Danish and Dutch governments are donating American-made F-16 jets to Ukraine.",
         Flow("DNK", "UKR", "aircraft", "delivered", "asserted"),
         Flow("NLD", "UKR", "aircraft", "delivered", "asserted")),
    # A member of a group acts, not the group.
    case("fr-membre-de-l-otan", "fr",
         "La Pologne est devenue le premier pays membre de l'OTAN à livrer des avions MiG-29 "
         "à l'Ukraine.",
         Flow("POL", "UKR", "aircraft", "delivered", "asserted")),
    # The accuser speaks; the accused gives.
    case("fr-accuser-speaker", "fr",
         "Washington accuse Pyongyang de fournir des obus à la Russie en cachant les envois.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "alleged")),
    # "Poland's purchase … was approved": Poland buys, it does not approve.
    case("en-purchase-approved", "en",
         "Poland's purchase of K2 tanks from South Korea was approved in July.",
         Flow("KOR", "POL", "tanks", "planned", "asserted")),
]

ROLES_IN_THE_SENTENCE = [
    # "sell it": the pronoun is the state named before, not the adjective "Russian".
    case("en-pronoun-not-adjective", "en",
         "To keep Turkey away from the Russian system, Washington offered to sell it Patriot "
         "batteries.",
         Flow("USA", "TUR", "air_defense_systems", "planned", "asserted")),
    # "Kyiv's requests": the possessive clitic is not a preposition.
    case("en-possessor-of-noun-trigger", "en",
         "Iran's deliveries of drones to Russia continued through the winter.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted")),
    # The seller of a French purchase stands after "à".
    case("fr-commander-a", "fr", "L'Arménie a commandé des radars à la France.",
         Flow("FRA", "ARM", "air_defense_systems", "planned", "asserted")),
    # A nationality word listed both as adjective and demonym is an adjective on the materiel.
    case("fr-adjective-demonym", "fr",
         "L'aide militaire française à l'Ukraine a été livrée en janvier.",
         Flow("FRA", "UKR", "unspecified", "delivered", "asserted")),
    # A nationality adjective on an institution is the state acting.
    case("en-adjective-on-government", "en",
         "The Danish and Dutch governments are in the process of donating F-16 jets to "
         "Ukraine.",
         Flow("DNK", "UKR", "aircraft", "delivered", "asserted"),
         Flow("NLD", "UKR", "aircraft", "delivered", "asserted")),
    case("fr-armee-francaise", "fr",
         "L'armée française a livré des canons César à l'Ukraine.",
         Flow("FRA", "UKR", "artillery_systems", "delivered", "asserted")),
    # A second trigger on the same materiel with one party is the same flow, not the topic's.
    case("fr-same-materiel-other-trigger", "fr",
         "Tokyo a assoupli ses règles d'exportation pour pouvoir renvoyer aux États-Unis des "
         "intercepteurs PAC-3.",
         Flow("JPN", "USA", "air_defense_missiles", "delivered", "asserted"),
         title="Des Patriot pour l'Ukraine"),
]

CONTROLLERS = [
    # Whoever turns down or grants a request is the one asked to supply.
    case("en-turned-down-request", "en",
         "Washington has so far turned down Kyiv's repeated requests for ATACMS missiles.",
         Flow("USA", "UKR", ANY_MISSILE, "requested", "asserted", claimed_by=["UKR"])),
    case("en-approved-request", "en",
         "The Pentagon approved Poland's request for Apache helicopters.",
         Flow("USA", "POL", "helicopters", "planned", "asserted")),
    # The subject of "continue to receive" receives; the adjective on the materiel it
    # receives names the giver, not the giver of what a later clause donates.
    case("en-continue-to-receive", "en",
         "Poland is continuing to receive South Korean tanks at record speed, as Warsaw "
         "hurries to refill its arsenal after donating equipment to Ukraine.",
         Flow("KOR", "POL", "tanks", "delivered", "asserted")),
]

# fmt: on


@pytest.mark.parametrize("item", BYSTANDERS + ROLES_IN_THE_SENTENCE + CONTROLLERS)
def test_engine_case(item: Case) -> None:
    check_case(item)
