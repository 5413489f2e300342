"""Words that look like a party or a request but are none: what is needed may be a
permission (approval, green light, feu vert) to move materiel, not the materiel; a state that
is worried or fears that another will deliver claims that flow, it does not supply it; the
country where a state's own troops stand gets nothing when they are told to hand materiel on;
who "was first to provide" is the giver, not the one thanking for it; in an unparsed
exchange ("überließ … BMP-1 und soll dafür Leopard bekommen") each trigger moves the materiel
nearest to it.

Each case is a text written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# fmt: off
CASES = [
    # The approval is what is needed; the party whose approval it is supplies nothing.
    case("en-approval-needed-is-no-request", "en",
         "Because the howitzers are French-made, Paris's approval was needed before they could "
         "be re-exported."),
    case("en-needs-permission-is-no-request", "en",
         "Norway still needs permission from Washington for the missiles."),
    # A request for the materiel itself stays a request.
    case("en-needs-materiel-is-request", "en",
         "Ukraine needs more air defence systems from Germany.",
         Flow("DEU", "UKR", "air_defense_systems", "requested", "asserted")),
    # The worried state is the claimer of the feared flow, never its supplier.
    case("fr-worried-state-is-claimer", "fr",
         "Londres est préoccupé que Téhéran prévoit de livrer plus de drones au Hezbollah.",
         Flow("IRN", "hezbollah", "drones", "planned", "alleged", claimed_by={"GBR"})),
    case("fr-inquiet-state-is-claimer", "fr",
         "Paris est préoccupé que l'Iran prévoit de livrer des drones à la Russie.",
         Flow("IRN", "RUS", "drones", "planned", "alleged", claimed_by={"FRA"})),
    case("en-fearing-state-is-claimer", "en",
         "Washington fears that Iran will deliver more drones to Russia.",
         Flow("IRN", "RUS", "drones", "planned", "alleged", claimed_by={"USA"})),
    # The host country of the troops is no recipient; the onward flow stays.
    case("fr-own-troops-abroad-host-is-no-party", "fr",
         "Le Pentagone a demandé à ses troupes stationnées en Allemagne de céder une partie "
         "de leurs missiles Stinger pour qu'ils soient envoyés en Ukraine.",
         Flow("USA", "UKR", "air_defense_missiles", "planned", "asserted")),
    # The subject of "was first / quick to provide" gives; the thanking state receives.
    case("en-first-to-provide-subject-gives", "en",
         "President Zelensky thanked Prime Minister Rishi Sunak for the tanks that Britain was "
         "first to provide.",
         Flow("GBR", "UKR", "tanks", "delivered", "asserted")),
    case("en-quick-to-provide-subject-gives", "en",
         "Ukraine thanked Canada for the howitzers that Ottawa was quick to provide.",
         Flow("CAN", "UKR", "artillery_systems", "delivered", "asserted")),
    # The tanks received in exchange are not part of what was given.
    case("de-exchange-keeps-flows-apart", "de",
         "Polen überließ der Ukraine 40 Schützenpanzer BMP-1 und soll dafür 20 Leopard 2A4 "
         "bekommen.",
         Flow("POL", "UKR", "armored_vehicles", "delivered", "asserted")),
]
# fmt: on


@pytest.mark.parametrize("item", CASES)
def test_engine_ignores_non_transfer_patterns(item: Case) -> None:
    check_case(item)
