"""Who gives to whom: supplier, recipient, route and end user as the extractor reads them.

Each case is a sentence written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked. Cases the engine
gets wrong today are strict xfails whose reason says what it does instead.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import ANY_MISSILE, Case, Flow, case, check_case

pytestmark = pytest.mark.model

WH_URL = "https://www.whitehouse.gov/briefing-room/statements-releases/2023/05/01/statement/"
UK_URL = "https://www.gov.uk/government/news/support-for-ukraine"
ELYSEE_URL = "https://www.elysee.fr/emmanuel-macron/2024/01/16/conference-de-presse"
FR_SPLIT = "the French parser ends the sentence inside it, so the evidence is a fragment"

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off

DIRECTION = [
    # Active supply verbs: subject gives, "to"/"à"/"an"/"a" names the recipient.
    case("en-deliver", "en", "North Korea has delivered artillery shells to Russia.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "asserted", claimed_by=[])),
    case("en-supply-system-name", "en", "Iran supplied Shahed drones to Russia last year.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted")),
    case("en-provide-with", "en", "Britain has provided Ukraine with Challenger 2 tanks.",
         Flow("GBR", "UKR", "tanks", "delivered", "asserted")),
    case("en-two-recipients", "en", "Germany delivered IRIS-T systems to Ukraine and Slovakia.",
         Flow("DEU", "UKR", "air_defense_systems", "delivered", "asserted"),
         Flow("DEU", "SVK", "air_defense_systems", "delivered", "asserted")),
    case("en-non-state-supplier", "en", "Wagner delivered Pantsir air defense systems to Libya.",
         Flow("wagner", "LBY", "air_defense_systems", "delivered", "asserted")),
    case("en-noun-trigger", "en", "Iran's drone deliveries to Russia have continued this year.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted")),
    case("fr-expedier", "fr", "L'Iran a expédié des missiles balistiques au Yémen.",
         Flow("IRN", "YEM", "ballistic_missiles", "delivered", "asserted")),
    case("fr-noun-trigger-adjective", "fr",
         "Les livraisons de drones iraniens à la Russie se poursuivent.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted")),
    case("fr-livrer-system-name", "fr", "L'Allemagne a livré 18 chars Leopard 2 à l'Ukraine.",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted", quantity=18)),
    case("fr-royaume-uni", "fr", "Le Royaume-Uni a envoyé des chars à l'Ukraine.",
         Flow("GBR", "UKR", "tanks", "delivered", "asserted")),
    case("fr-named-cruise-missile", "fr", "La France a livré des missiles SCALP à l'Ukraine.",
         Flow("FRA", "UKR", "cruise_missiles", "delivered", "asserted")),
    case("de-schicken", "de", "Frankreich schickte Haubitzen an die Ukraine.",
         Flow("FRA", "UKR", "artillery_systems", "delivered", "asserted")),
    case("de-hyphenated-compound", "de", "Die USA lieferten Patriot-Raketen an Israel.",
         Flow("USA", "ISR", ANY_MISSILE, "delivered", "asserted")),
    case("es-enviar", "es", "España envió tanques Leopard a Ucrania.",
         Flow("ESP", "UKR", "tanks", "delivered", "asserted")),
    case("es-patriot-missiles", "es", "Estados Unidos entregó misiles Patriot a Ucrania.",
         Flow("USA", "UKR", "air_defense_missiles", "delivered", "asserted")),
    # Passive voice: the agent in by/par is the supplier.
    case("en-passive-by", "en", "Artillery shells were delivered to Russia by North Korea.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "asserted")),
    case("en-passive-recipient-subject", "en", "Ukraine was given Leopard tanks by Germany.",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted")),
    case("fr-passive-par", "fr",
         "Des obus d'artillerie ont été livrés à la Russie par la Corée du Nord.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "asserted")),
    case("fr-passive-par-capital", "fr", "Des drones ont été livrés par Moscou au Venezuela.",
         Flow("RUS", "VEN", "drones", "delivered", "asserted")),
    # Receiving and buying: the subject is the recipient, the seller follows from/auprès de.
    case("en-receive-from", "en", "Ukraine received 31 Abrams tanks from the United States.",
         Flow("USA", "UKR", "tanks", "delivered", "asserted", quantity=31)),
    case("en-obtain-non-state", "en", "The Houthis obtained cruise missiles from Iran.",
         Flow("IRN", "houthis", "cruise_missiles", "delivered", "asserted")),
    case("fr-recevoir-du", "fr", "L'Ukraine a reçu des missiles Storm Shadow du Royaume-Uni.",
         Flow("GBR", "UKR", ANY_MISSILE, "delivered", "asserted")),
    case("fr-obtenir-de", "fr", "La Russie a obtenu des missiles balistiques de l'Iran.",
         Flow("IRN", "RUS", "ballistic_missiles", "delivered", "asserted")),
    case("de-erhalten-aus", "de", "Die Ukraine erhielt Haubitzen aus Frankreich.",
         Flow("FRA", "UKR", "artillery_systems", "delivered", "asserted")),
    case("es-recibir-de", "es", "Ucrania recibió tanques de Alemania.",
         Flow("DEU", "UKR", "tanks", "delivered", "asserted")),
    case("en-buy-from", "en", "Poland bought 250 Abrams tanks from the United States.",
         Flow("USA", "POL", "tanks", "planned", "asserted", quantity=250)),
    case("en-order-from", "en", "Morocco ordered Apache helicopters from the United States.",
         Flow("USA", "MAR", "helicopters", "planned", "asserted")),
    case("fr-acquerir-aupres", "fr", "Le Maroc a acquis des drones auprès d'Israël.",
         Flow("ISR", "MAR", "drones", "planned", "asserted")),
    case("fr-commander-aupres", "fr",
         "La Pologne a commandé 96 hélicoptères Apache auprès des États-Unis.",
         Flow("USA", "POL", "helicopters", "planned", "asserted", quantity=96)),
    case("fr-acheter-a", "fr", "L'Arménie a acheté des obusiers César à la France.",
         Flow("FRA", "ARM", "artillery_systems", "planned", "asserted")),
    case("de-kaufen-von", "de", "Polen kauft Panzer von Südkorea.",
         Flow("KOR", "POL", "tanks", "planned", "asserted")),
    case("de-kaufte-aus", "de", "Russland kaufte Drohnen aus dem Iran.",
         Flow("IRN", "RUS", "drones", "planned", "asserted")),
    case("es-comprar-de", "es", "México compró helicópteros de Estados Unidos.",
         Flow("USA", "MEX", "helicopters", "planned", "asserted"),
         gap="dual-use word ('helicópteros') with no military word in the sentence is dropped"),
    case("es-comprar-a", "es", "Argentina compró aviones F-16 a Dinamarca.",
         Flow("DNK", "ARG", "aircraft", "planned", "asserted")),
    # Requests: the requester receives, the party asked supplies.
    case("en-ask-for", "en", "Ukraine asked Germany for Taurus cruise missiles.",
         Flow("DEU", "UKR", "cruise_missiles", "requested", "asserted", claimed_by=["UKR"])),
    case("en-ask-to-supply", "en", "Kyiv asked Berlin to supply Taurus cruise missiles.",
         Flow("DEU", "UKR", "cruise_missiles", "requested", "asserted", claimed_by=["UKR"])),
    case("en-thanked-giver", "en", "We thank Sweden for providing Leopard tanks to Ukraine.",
         Flow("SWE", "UKR", "tanks", "delivered", "asserted")),
    case("fr-remercier-de", "fr",
         "Nous remercions la Suède de livrer des chars Leopard à l'Ukraine.",
         Flow("SWE", "UKR", "tanks", "delivered", "asserted")),
    case("en-urge-titled-speaker", "en",
         "Ukrainian President Volodymyr Zelensky urged the United States to send more Patriot "
         "missiles.",
         Flow("USA", "UKR", ANY_MISSILE, "requested", "asserted", claimed_by=["UKR"])),
    case("en-ask-group", "en",
         "Ukraine's president asked NATO members to provide more air defense systems.",
         Flow("NATO", "UKR", "air_defense_systems", "requested", "asserted")),
    case("fr-demander-a", "fr", "Kiev a demandé des obus à l'Union européenne.",
         Flow("EU", "UKR", "artillery_ammunition", "requested", "asserted", claimed_by=["UKR"])),
    case("fr-demander-de-livrer", "fr", "Kiev a demandé à Berlin de livrer des missiles Taurus.",
         Flow("DEU", "UKR", ANY_MISSILE, "requested", "asserted", claimed_by=["UKR"])),
    case("fr-demander-de-vendre", "fr",
         "La Pologne a demandé aux États-Unis de lui vendre 500 lanceurs HIMARS.",
         Flow("USA", "POL", "artillery_systems", "requested", "asserted", quantity=500)),
    case("fr-appeler-a", "fr",
         "Le président ukrainien a appelé les pays occidentaux à livrer davantage de chars.",
         Flow("WEST", "UKR", "tanks", "requested", "asserted", claimed_by=["UKR"])),
    case("fr-reclamer", "fr", "L'Ukraine réclame des avions de combat à la France.",
         Flow("FRA", "UKR", "aircraft", "requested", "asserted", claimed_by=["UKR"])),
    case("de-fordern-von", "de", "Die Ukraine fordert Kampfflugzeuge von Deutschland.",
         Flow("DEU", "UKR", "aircraft", "requested", "asserted", claimed_by=["UKR"])),
    case("es-pedir-a", "es", "Ucrania pidió misiles a España.",
         Flow("ESP", "UKR", ANY_MISSILE, "requested", "asserted", claimed_by=["UKR"])),
    # One side named, the other implied by the article's headline.
    case("fr-recipient-from-headline", "fr", "La Norvège a livré huit obusiers automoteurs.",
         Flow("NOR", "UKR", "artillery_systems", "delivered", "asserted", quantity=8),
         title="Aide militaire à l'Ukraine : les livraisons d'armes s'accélèrent"),
    case("en-recipient-from-headline", "en",
         "Norway has delivered eight self-propelled howitzers.",
         Flow("NOR", "UKR", "artillery_systems", "delivered", "asserted", quantity=8),
         title="Military aid to Ukraine speeds up"),
    # Co-ordinated suppliers give one transfer each.
    case("en-coordinated-pledgers", "en",
         "The Netherlands and Denmark pledged F-16 jets to Ukraine.",
         Flow("NLD", "UKR", "aircraft", "planned", "asserted", claimed_by=["NLD"]),
         Flow("DNK", "UKR", "aircraft", "planned", "asserted", claimed_by=["DNK"])),
    case("fr-coordinated-pledgers", "fr",
         "Les Pays-Bas et l'Allemagne ont promis des chars à l'Ukraine.",
         Flow("NLD", "UKR", "tanks", "planned", "asserted"),
         Flow("DEU", "UKR", "tanks", "planned", "asserted"),
         gap=f"'Pays-Bas et l'Allemagne': {FR_SPLIT}; one record with supplier None"),
    # First person in an official text: "we" is the issuing government.
    case("en-we-white-house", "en",
         "We are sending Ukraine more Stinger missiles and 155mm artillery shells.",
         Flow("USA", "UKR", ANY_MISSILE, "delivered", "asserted", claimed_by=["USA"]),
         Flow("USA", "UKR", "artillery_ammunition", "delivered", "asserted", claimed_by=["USA"]),
         url=WH_URL),
    case("en-we-gov-uk", "en", "We will provide Ukraine with additional HIMARS launchers.",
         Flow("GBR", "UKR", "artillery_systems", "planned", "asserted", claimed_by=["GBR"]),
         url=UK_URL),
    case("fr-nous-elysee", "fr",
         "Nous allons livrer à l'Ukraine des canons Caesar supplémentaires.",
         Flow("FRA", "UKR", "artillery_systems", "planned", "asserted", claimed_by=["FRA"]),
         url=ELYSEE_URL),
    # End users: the recipient passes the materiel on.
    case("en-end-user-relay", "en",
         "South Korea sold 100,000 artillery shells to the United States, which will send them "
         "to Ukraine.",
         Flow("KOR", "USA", "artillery_ammunition", "planned", "asserted", quantity=100000,
              end_user="UKR"),
         gap="no end user; a second KOR->UKR record is made from the relative clause"),
    case("fr-end-user-relay", "fr",
         "La Corée du Sud a vendu 100 000 obus aux États-Unis, qui les enverront ensuite à "
         "l'Ukraine.",
         Flow("KOR", "USA", "artillery_ammunition", "planned", "asserted", quantity=100000,
              end_user="UKR"),
         gap="no end user; a second KOR->UKR record is made from the relative clause"),
    case("en-bought-for", "en", "Germany bought shells from South Africa for Ukraine.",
         Flow("ZAF", "DEU", "artillery_ammunition", "planned", "asserted", end_user="UKR"),
         gap="'for Ukraine' after a purchase is not read as the end user"),
]

ROUTES = [
    case("en-via", "en", "North Korea shipped rockets to Russia via China.",
         Flow("PRK", "RUS", "rockets", "delivered", "asserted", via=["CHN"])),
    case("en-via-region", "en", "North Korea shipped missiles to Russia via the Middle East.",
         Flow("PRK", "RUS", ANY_MISSILE, "delivered", "asserted", via=["middle-east"])),
    case("en-through", "en",
         "Western countries delivered Patriot systems to Ukraine through Poland.",
         Flow("WEST", "UKR", "air_defense_systems", "delivered", "asserted", via=["POL"])),
    case("en-through-two", "en", "Belarus sent tanks to Russia through Kazakhstan and Georgia.",
         Flow("BLR", "RUS", "tanks", "delivered", "asserted", via=["KAZ", "GEO"])),
    case("en-receive-through", "en", "Hezbollah received rockets from Iran through Syria.",
         Flow("IRN", "hezbollah", "rockets", "delivered", "asserted", via=["SYR"])),
    case("fr-via", "fr", "La Corée du Nord a livré des missiles à la Russie via l'Iran.",
         Flow("PRK", "RUS", ANY_MISSILE, "delivered", "asserted", via=["IRN"])),
    case("fr-passive-via", "fr",
         "Les obus nord-coréens ont été acheminés vers la Russie via la Chine.",
         Flow("PRK", "RUS", "artillery_ammunition", "delivered", "asserted", via=["CHN"])),
    case("fr-en-transitant-par", "fr",
         "L'Iran a livré des drones à la Russie en transitant par la Turquie.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted", via=["TUR"]),
         gap="'en transitant par' is not read as a route: via []"),
    case("de-ueber", "de", "Iran lieferte Drohnen über Armenien an Russland.",
         Flow("IRN", "RUS", "drones", "delivered", "asserted", via=["ARM"]),
         gap="word order makes Armenia the recipient and Russia the route"),
]

STOCKS = [
    # A place named on a stockpile is where the materiel comes from, not who gets it.
    case("fr-stocks-en-israel", "fr",
         "Les États-Unis ont transféré des obus des stocks d'armes en Israël vers l'Ukraine.",
         Flow("USA", "UKR", "artillery_ammunition", "delivered", "asserted")),
    case("en-stocks-in-korea", "en",
         "The United States sent shells from its stockpiles in South Korea to Ukraine.",
         Flow("USA", "UKR", "artillery_ammunition", "delivered", "asserted")),
]

NOT_TRANSFERS = [
    case("en-test-fire", "en",
         "North Korea test-fired two ballistic missiles into the sea on Tuesday."),
    case("en-launch-at", "en", "Russia launched dozens of cruise missiles at Kyiv overnight."),
    case("en-use-own", "en",
         "Ukraine used Storm Shadow missiles to strike a Russian base in Crimea."),
    case("en-fire-foreign-made", "en",
         "Russia fired Iranian-made drones at Ukrainian power plants."),
    case("en-deploy-own", "en", "Russia deployed S-400 air defense systems to Belarus."),
    case("en-send-own-warships", "en", "China has sent warships to the South China Sea."),
    case("en-own-equipment-exercise", "en",
         "The US Army sent its own HIMARS launchers to Romania for a NATO exercise.",
         gap="reported as a USA->ROU artillery_systems delivery"),
    case("en-domestic-production", "en",
         "India produces BrahMos cruise missiles at a new factory in Lucknow."),
    case("en-shot-down", "en", "Iranian-made drones were shot down over Kyiv."),
    case("en-figurative-football", "en",
         "The striker's transfer to Chelsea was the club's secret weapon this season."),
    case("en-figurative-economy", "en",
         "Rising exports were the government's main weapon against inflation, and the transfer "
         "of funds to Ukraine continued."),
    case("en-troops", "en", "Britain sent 500 troops to Estonia."),
    case("en-instructors", "en", "France will send military instructors to Ukraine."),
    case("en-training", "en", "Poland trained Ukrainian soldiers to operate Leopard tanks."),
    case("en-sanctions", "en", "The United States imposed sanctions on Iranian drone makers."),
    case("fr-tir", "fr", "La Corée du Nord a tiré deux missiles balistiques en mer du Japon."),
    case("fr-deploiement", "fr", "La Russie a déployé des missiles Iskander en Biélorussie."),
    case("fr-production", "fr", "La France produit des obus de 155 mm dans son usine de Bourges."),
    case("fr-abattus", "fr",
         "Des drones de fabrication iranienne ont été abattus au-dessus de Kiev."),
    case("fr-figurative-football", "fr",
         "Le transfert du joueur au Real Madrid a été l'arme secrète du club."),
    case("fr-soldats", "fr", "L'Allemagne a envoyé 300 soldats en Lituanie."),
    case("de-test", "de", "Nordkorea testete eine ballistische Rakete."),
    case("es-disparo", "es", "Corea del Norte disparó misiles balísticos al mar."),
    # Transfers only weighed, refused, supposed or asked about are not reported as made.
    case("en-considering", "en",
         "The Army has been considering buying British Rapier missiles from Britain."),
    case("fr-envisager", "fr", "Le Japon envisage de livrer des missiles Patriot à l'Ukraine."),
    case("en-refuses", "en", "Germany refused to send Taurus cruise missiles to Ukraine."),
    case("en-if-clause", "en", "If Russia supplied S-400 systems to Iran, Israel would respond."),
    case("en-question", "en", "Will the United States send F-16 jets to Ukraine?"),
]

# fmt: on


@pytest.mark.parametrize("item", DIRECTION)
def test_engine_assigns_supplier_and_recipient(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", ROUTES)
def test_engine_reads_transit_routes(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", STOCKS)
def test_engine_reads_stock_places_as_origins(item: Case) -> None:
    check_case(item)


@pytest.mark.parametrize("item", NOT_TRANSFERS)
def test_engine_reports_no_transfer_for_non_transfers(item: Case) -> None:
    check_case(item)
