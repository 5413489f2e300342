"""Groups of states as parties: EU, NATO and WEST ("Western allies and partners").

A group fills a role only where a sentence names it ("Allies and partners", "NATO allies",
"the Europeans", "together with our allies", a Western adjective on the materiel); it never
stands in for a party the sentence leaves out. Each case is a text written for this file (see
`engine_cases`); cases the engine gets wrong today are strict xfails saying what it does.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

WH_URL = "https://www.whitehouse.gov/briefing-room/statements-releases/2023/05/01/statement/"

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off
GROUP_NAMES = [
    case("en-allies-and-partners-agent", "en",
         "Ukraine has received weapons provided by our Allies and partners.",
         Flow("WEST", "UKR", "unspecified", "delivered", "asserted")),
    case("en-state-and-allies-and-partners", "en",
         "The weapons the United States and its Allies and partners have provided to Ukraine "
         "have been critical.",
         Flow("USA", "UKR", "unspecified", "delivered", "asserted"),
         Flow("WEST", "UKR", "unspecified", "delivered", "asserted")),
    case("en-nato-allies", "en", "NATO allies have sent tanks to Ukraine.",
         Flow("NATO", "UKR", "tanks", "delivered", "asserted")),
    case("en-the-europeans", "en", "The Europeans will deliver artillery shells to Ukraine.",
         Flow("EU", "UKR", "artillery_ammunition", "planned", "asserted")),
    case("fr-les-europeens", "fr", "Les Européens ont livré des obus à l'Ukraine.",
         Flow("EU", "UKR", "artillery_ammunition", "delivered", "asserted")),
    case("fr-allies-et-partenaires", "fr",
         "Les alliés et partenaires de Kiev ont livré des chars à l'Ukraine.",
         Flow("WEST", "UKR", "tanks", "delivered", "asserted")),
]

TOGETHER_WITH = [
    # The giver acting together with a group: the group gives (it includes the giver).
    case("en-together-with-we", "en",
         "Together with our Allies and partners, we have sent more than 3,000 armored vehicles "
         "to Ukraine.",
         Flow("WEST", "UKR", "armored_vehicles", "delivered", "asserted", quantity=3000,
              claimed_by=["USA"]),
         url=WH_URL),
    case("en-subject-together-with", "en",
         "The United States, together with its allies and partners, has delivered tanks to "
         "Ukraine.",
         Flow("WEST", "UKR", "tanks", "delivered", "asserted")),
    case("fr-avec-allies", "fr",
         "Avec ses alliés occidentaux, la France a livré des chars à l'Ukraine.",
         Flow("WEST", "UKR", "tanks", "delivered", "asserted")),
    case("fr-aux-cotes-de", "fr",
         "Aux côtés de ses partenaires occidentaux, la France a livré des chars à l'Ukraine.",
         Flow("WEST", "UKR", "tanks", "delivered", "asserted")),
    # A group named inside another phrase ("in cooperation with") does not give.
    case("en-in-cooperation-with", "en",
         "The United States will provide tanks to Ukraine in cooperation with NATO allies.",
         Flow("USA", "UKR", "tanks", "planned", "asserted")),
    case("fr-en-concertation-avec", "fr",
         "La France a livré des chars à l'Ukraine en concertation avec l'OTAN.",
         Flow("FRA", "UKR", "tanks", "delivered", "asserted")),
]

GROUP_ADJECTIVE = [
    # "Western" on the materiel names the group as supplier when no other giver is named.
    case("en-press-for-western-jets", "en",
         "Ukraine has pressed its allies for Western fighter jets.",
         Flow("WEST", "UKR", "aircraft", "requested", "asserted", claimed_by=["UKR"])),
    case("en-receive-western", "en", "Ukraine received Western tanks last year.",
         Flow("WEST", "UKR", "tanks", "delivered", "asserted")),
    case("fr-chars-occidentaux", "fr", "Kiev réclamait des chars occidentaux depuis l'automne.",
         Flow("WEST", "UKR", "tanks", "requested", "asserted", claimed_by=["UKR"])),
    case("de-westliche", "de", "Die Ukraine fordert westliche Kampfflugzeuge.",
         Flow("WEST", "UKR", "aircraft", "requested", "asserted", claimed_by=["UKR"])),
    # A giver the sentence names wins; "western" on a place names no party (a purchase with
    # no seller is no record).
    case("en-named-giver-beats-adjective", "en",
         "Western tanks were delivered to Ukraine by Germany.",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted")),
    case("en-western-place", "en", "Germany delivered tanks to Western Ukraine.",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted")),
    case("fr-europe-occidentale", "fr", "La Pologne a acheté des chars en Europe occidentale."),
]

GROUP_CLAIMS = [
    # A group that is no party to a flow alleges it, as a third state would.
    case("fr-les-occidentaux-affirment", "fr",
         "Les Occidentaux affirment que l'Iran a fourni des drones à la Russie.",
         Flow("IRN", "RUS", "drones", "delivered", "alleged", claimed_by=["WEST"])),
    case("en-western-officials-say", "en",
         "Western officials say Iran has supplied drones to Russia.",
         Flow("IRN", "RUS", "drones", "delivered", "alleged", claimed_by=["WEST"])),
    case("en-nato-says", "en", "NATO says North Korea has shipped shells to Russia.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "alleged", claimed_by=["NATO"])),
]

COUNTED_COUNTRIES = [
    # Many states giving together, unnamed, are the Western coalition; the number counts
    # states, not materiel.
    case("en-thirty-countries", "en",
         "At least 30 countries have provided weapons to Ukraine.",
         Flow("WEST", "UKR", "unspecified", "delivered", "asserted", quantity=None)),
    case("en-coalition-of-countries", "en",
         "We thank the coalition of more than 50 nations that continues to send artillery "
         "shells to Ukraine.",
         Flow("WEST", "UKR", "artillery_ammunition", "delivered", "asserted", quantity=None)),
    case("fr-onze-pays", "fr", "Onze pays ont livré des chars à l'Ukraine.",
         Flow("WEST", "UKR", "tanks", "delivered", "asserted", quantity=None)),
    # A few states left unnamed are not a coalition: no supplier, no record.
    case("en-two-countries", "en", "Two countries sold drones to Russia."),
]

MEMBERSHIP = [
    # A member of a group is one state, not the group; a group's own plan is the group's.
    case("fr-pays-membre-de-l-otan", "fr",
         "La Pologne va transférer à l'Ukraine quatre avions MiG-29, devenant le premier pays "
         "membre de l'OTAN à donner des avions de combat à Kiev.",
         Flow("POL", "UKR", "aircraft", "planned", "asserted", quantity=4)),
    case("fr-projet-de-l-ue", "fr",
         "Le projet de l'Union européenne de livrer des obus à l'Ukraine avance.",
         Flow("EU", "UKR", "artillery_ammunition", "planned", "asserted")),
]

NOT_FROM_DISCOURSE = [
    # The group that supplies one flow is not the supplier of the next one-sided flow.
    case("en-group-not-topic-supplier", "en",
         "The European Union delivered artillery shells to Ukraine. "
         "Poland also ordered new tanks.",
         Flow("EU", "UKR", "artillery_ammunition", "delivered", "asserted")),
]
# fmt: on


@pytest.mark.parametrize("item", GROUP_NAMES)
def test_engine_reads_group_names(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", TOGETHER_WITH)
def test_engine_makes_the_group_a_giver_acts_with_the_supplier(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", GROUP_ADJECTIVE)
def test_engine_reads_a_group_adjective_on_the_materiel(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", GROUP_CLAIMS)
def test_engine_reads_a_group_claim_about_others_as_an_allegation(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", COUNTED_COUNTRIES)
def test_engine_reads_many_unnamed_states_as_the_western_coalition(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", MEMBERSHIP)
def test_engine_tells_a_member_from_its_group(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", NOT_FROM_DISCOURSE)
def test_engine_never_fills_a_role_with_a_group_from_discourse(item: Case) -> None:
    check_case(item)
