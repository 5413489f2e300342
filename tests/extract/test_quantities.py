"""Stated amounts in fr/en/de/es text: what is a count, what is vague, what is not an amount."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armstrace.extract.quantities import Quantity, find_quantities, largest_count, parse_number

SHARED = Path(__file__).resolve().parents[3] / "shared"


def only(text: str, lang: str) -> Quantity:
    """The single amount of `text`; fails if there are none or several."""
    found = find_quantities(text, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("lang", "text", "value", "paraphrase"),
    [
        ("en", "a separate sale of 100,000 rounds of 155 mm shells", 100000, "100,000"),
        ("en", "Australia will give Ukraine 49 of its retired tanks", 49, "49"),
        ("en", "the first 10 K2 were handed over", 10, "10"),
        ("en", "two batteries arrived", 2, "2"),
        ("en", "twenty-five tanks", 25, "25"),
        ("en", "two hundred and fifty drones", 250, "250"),
        ("en", "5 million rounds", 5000000, "5 million"),
        ("en", "4.8m shells", 4800000, "4.8 million"),
        ("en", "all 19 of its Caesar howitzers", 19, "all 19"),
        ("en", "an S-300 air defense system", 1, "one system"),
        ("en", "a Patriot battery", 1, "one battery"),
        ("fr", "une vente séparée de 100 000 obus d’artillerie", 100000, "100,000"),
        ("fr", "1\u00a0million d'obus d'artillerie", 1000000, "1 million"),
        ("fr", "300\u202f000 obus de 122 mm", 300000, "300,000"),
        ("fr", "quatorze chars Leopard 2A6", 14, "14"),
        ("fr", "trente-six canons automoteurs César", 36, "36"),
        ("fr", "vingt et un chars", 21, "21"),
        ("fr", "quatre-vingt-dix-sept blindés", 97, "97"),
        ("fr", "deux systèmes Crotale NG", 2, "2"),
        ("fr", "une batterie SAMP/T", 1, "one battery"),
        ("fr", "1,5 million de munitions", 1500000, "1.5 million"),
        ("de", "erhält Prag 14 Leopard 2A4", 14, "14"),
        ("de", "zwei Systeme", 2, "2"),
        ("de", "zweihundertfünfzig Panzer", 250, "250"),
        ("de", "einundzwanzig Haubitzen", 21, "21"),
        ("de", "100.000 Granaten", 100000, "100,000"),
        ("de", "1,5 Millionen Schuss", 1500000, "1.5 million"),
        ("es", "dos sistemas", 2, "2"),
        ("es", "veinticinco misiles", 25, "25"),
        ("es", "treinta y dos cañones", 32, "32"),
        ("es", "1.500 drones", 1500, "1,500"),
        ("es", "20 mil proyectiles", 20000, "20,000"),
        ("es", "1,5 millones de proyectiles", 1500000, "1.5 million"),
    ],
)
def test_find_quantities_reads_exact_counts(
    lang: str, text: str, value: int, paraphrase: str
) -> None:
    quantity = only(text, lang)
    assert (quantity.value, quantity.text, quantity.kind) == (value, paraphrase, "count")


@pytest.mark.parametrize(
    ("lang", "text", "value", "paraphrase"),
    [
        ("en", "up to 4.8 million shells", 4800000, "up to 4.8 million"),
        ("en", "more than 5,000 missiles", 5000, "more than 5,000"),
        ("en", "around 90 Patriot interceptors", 90, "about 90"),
        ("en", "nearly 300 tanks", 300, "nearly 300"),
        ("en", "at least 23 missiles", 23, "at least 23"),
        ("en", "a dozen jets", 12, "a dozen"),
        ("en", "20-odd howitzers", 20, "about 20"),
        ("en", "10-15 tanks", 15, "10-15"),
        ("fr", "une vingtaine de missiles", 20, "about 20"),
        ("fr", "une quarantaine de chars légers", 40, "about 40"),
        ("fr", "une douzaine commandés à l'industrie", 12, "a dozen"),
        ("fr", "une centaine de drones", 100, "about 100"),
        ("fr", "plus de 3 millions d'obus", 3000000, "more than 3 million"),
        ("fr", "quelque 500\u00a0000 obus", 500000, "about 500,000"),
        ("fr", "près d'1,5\u00a0million de munitions", 1500000, "nearly 1.5 million"),
        ("fr", "plus d'un million d'obus", 1000000, "more than 1 million"),
        ("fr", "environ 50 chars", 50, "about 50"),
        ("fr", "une dizaine de milliers d'obus", 10000, "about 10,000"),
        ("de", "rund 50 Panzer", 50, "about 50"),
        ("de", "mehr als 200 Raketen", 200, "more than 200"),
        ("de", "ein Dutzend Haubitzen", 12, "a dozen"),
        ("es", "unos 50 tanques", 50, "about 50"),
        ("es", "más de 1.500 drones", 1500, "more than 1,500"),
        ("es", "una docena de aviones", 12, "a dozen"),
        ("es", "una veintena de blindados", 20, "about 20"),
    ],
)
def test_find_quantities_keeps_the_integer_of_estimates(
    lang: str, text: str, value: int, paraphrase: str
) -> None:
    quantity = only(text, lang)
    assert (quantity.value, quantity.text, quantity.kind) == (value, paraphrase, "approximate")


@pytest.mark.parametrize(
    ("lang", "text", "paraphrase"),
    [
        ("en", "thousands of shells", "thousands"),
        ("en", "hundreds of Shahed-136 drones", "hundreds"),
        ("en", "tens of thousands of rounds", "tens of thousands"),
        ("en", "dozens of tanks", "dozens"),
        ("en", "several hundred bombs", "several hundred"),
        ("fr", "des milliers d’obus", "thousands"),
        ("fr", "des dizaines de milliers d'obus", "tens of thousands"),
        ("fr", "plusieurs centaines de bombes", "several hundred"),
        ("fr", "lancés par centaines", "hundreds"),
        ("fr", "un nombre « significatif » d’obus", "a significant number"),
        ("fr", "un nombre limité de drones", "a limited number"),
        ("de", "Dutzende T-72-Kampfpanzer", "dozens"),
        ("de", "Tausende Granaten", "thousands"),
        ("es", "miles de obuses", "thousands"),
        ("es", "cientos de drones", "hundreds"),
    ],
)
def test_find_quantities_leaves_plural_vague_amounts_without_value(
    lang: str, text: str, paraphrase: str
) -> None:
    quantity = only(text, lang)
    assert (quantity.value, quantity.text, quantity.kind) == (None, paraphrase, "vague")


@pytest.mark.parametrize(
    ("lang", "text", "kind", "paraphrase"),
    [
        ("fr", "3 000 obus de 155 mm par mois", "rate", "3,000 per month"),
        ("fr", "Environ 50 bombes guidées par mois", "rate", "about 50 per month"),
        ("en", "50 shells per month", "rate", "50 per month"),
        ("en", "1 million shells a year", "rate", "1 million per year"),
        ("de", "3.000 Granaten pro Monat", "rate", "3,000 per month"),
        ("de", "jährlich bis zu 200.000 Geschosse", "rate", "up to 200,000 per year"),
        ("es", "3.000 proyectiles al mes", "rate", "3,000 per month"),
        ("en", "a $400 million package", "money", "$400 million"),
        ("en", "worth roughly €800 million", "money", "about EUR 800 million"),
        ("en", "the £1.6 billion agreement", "money", "GBP 1.6 billion"),
        ("en", "valued at about A$245 million", "money", "about A$245 million"),
        ("en", "USD 400 million", "money", "$400 million"),
        ("fr", "400 millions de dollars", "money", "$400 million"),
        ("fr", "1,1 milliard de dollars", "money", "$1.1 billion"),
        ("fr", "des centaines de millions de dollars", "money", "hundreds of millions of dollars"),
        ("de", "2 Milliarden Euro", "money", "EUR 2 billion"),
        ("es", "2.000 millones de dólares", "money", "$2 billion"),
        ("en", "1,000 containers", "containers", "1,000 containers"),
        ("fr", "quelque 6 700 conteneurs de munitions", "containers", "about 6,700 containers"),
        ("fr", "des milliers de conteneurs d'obus", "containers", "thousands of containers"),
        ("en", "300 tonnes of ammunition", "weight", "300 tonnes"),
        ("fr", "2 000 livres", "weight", "2,000 pounds"),
    ],
)
def test_find_quantities_marks_rates_money_and_bulk_without_value(
    lang: str, text: str, kind: str, paraphrase: str
) -> None:
    quantity = only(text, lang)
    assert (quantity.value, quantity.kind, quantity.text) == (None, kind, paraphrase)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "delivered in 2023"),
        ("en", "2024 was a hard year"),
        ("en", "155 mm artillery"),
        ("en", "155-mm shells"),
        ("en", "155mm and 105mm rounds"),
        ("en", "6-inch guns"),
        ("en", "7.62 rounds"),
        ("en", "a range of 300 kilometers (190 miles)"),
        ("en", "5 percent of the stock"),
        ("en", "the 3rd brigade"),
        ("en", "On November 2, 2023"),
        ("en", "at 00:55 local time"),
        ("en", "T-72 and F-16 and Shahed-136 and K2"),
        ("en", "decision on Leopard 2 tanks"),
        ("en", "F-16 Block 70 jets"),
        ("en", "in 10 days"),
        ("en", "the right one"),
        ("en", "[ad_1] Source link -38"),
        ("en", "(GMT+2)"),
        ("fr", "30 % des stocks"),
        ("fr", "le 1er novembre"),
        ("fr", "mercredi 2 novembre"),
        ("fr", "à 08h32"),
        ("fr", "Mis à jour le 09/05/2024 à 18:02"),
        ("fr", "des obus de 155 mm"),
        ("fr", "la 7e brigade blindée"),
        ("fr", "un char neuf."),
        ("fr", "en quatre à cinq jours"),
        ("fr", "le délai a été divisé par deux"),
        ("fr", "pour 2024-2030"),
        ("de", "des Kalibers 155 Millimeter"),
        ("de", "am 2. November"),
        ("de", "die 3. Brigade"),
        ("de", "seit zwei Jahren"),
        ("es", "el 2 de noviembre"),
        ("es", "el 10 por ciento"),
    ],
)
def test_find_quantities_skips_what_is_not_an_amount(lang: str, text: str) -> None:
    assert find_quantities(text, lang) == []


def test_find_quantities_spans_end_before_the_materiel_words() -> None:
    text = (
        "Paris livrera une quarantaine de chars, une batterie SAMP/T, plus de 200 missiles "
        "et 3 000 obus de 155 mm par mois."
    )
    found = find_quantities(text, "fr")
    assert [(text[q.start : q.end], q.text) for q in found] == [
        ("une quarantaine", "about 40"),
        ("une", "one battery"),
        ("plus de 200", "more than 200"),
        ("3 000", "3,000 per month"),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("fr", "100 000", 100000),
        ("fr", "100\u202f000", 100000),
        ("en", "100,000", 100000),
        ("de", "100.000", 100000),
        ("es", "100.000", 100000),
        ("fr", "1,5 million", 1500000),
        ("en", "1.5 million", 1500000),
        ("de", "1,5 Millionen", 1500000),
        ("es", "1,5 millones", 1500000),
        ("en", "1,500 million", 1500000000),
        ("en", "4.8m", 4800000),
        ("en", "50k", 50000),
        ("en", "two", 2),
        ("fr", "deux", 2),
        ("de", "zwei", 2),
        ("es", "dos", 2),
        ("en", "twenty-five", 25),
        ("en", "one thousand two hundred", 1200),
        ("en", "three million", 3000000),
        ("fr", "vingt-deux", 22),
        ("fr", "soixante et onze", 71),
        ("fr", "deux cent mille", 200000),
        ("de", "dreitausendfünfhundert", 3500),
        ("es", "mil quinientos", 1500),
        ("es", "dos mil millones", 2000000000),
        ("en", "a dozen", 12),
        ("fr", "une douzaine", 12),
        ("de", "ein Dutzend", 12),
        ("es", "una docena", 12),
        ("fr", "une vingtaine", 20),
        ("en", "7.62", 7.62),
        ("fr", "7,62", 7.62),
    ],
)
def test_parse_number_reads_digits_words_and_numerals(lang: str, text: str, value: float) -> None:
    assert parse_number(text, lang) == value


@pytest.mark.parametrize("text", ["", "tanks", "thousands", "two tanks"])
def test_parse_number_rejects_what_is_not_one_number(text: str) -> None:
    assert parse_number(text, "en") is None


def test_largest_count_takes_the_largest_explicit_count() -> None:
    text = (
        "Kyiv got 18 guns from stocks, about 50 more ordered, thousands of shells and $2 billion."
    )
    best = largest_count(find_quantities(text, "en"))
    assert best is not None
    assert (best.value, best.text) == (50, "about 50")


def test_largest_count_ignores_vague_money_and_rates() -> None:
    text = "des milliers d'obus, 3 000 obus par mois et 400 millions de dollars"
    assert largest_count(find_quantities(text, "fr")) is None


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not available")
def test_find_quantities_finds_every_gold_count_of_the_dev_articles() -> None:
    articles = {
        path.stem: path.read_text(encoding="utf-8")
        for folder in (SHARED / "dev" / "written", SHARED / "seeds")
        for path in folder.glob("*.txt")
    }
    missing = []
    checked = 0
    for gold_file in ("written.gold.jsonl", "seeds.gold.jsonl"):
        for line in (SHARED / "dev" / gold_file).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = articles[record["id"]]
            lang = record.get("lang") or "fr"
            values = {q.value for q in find_quantities(text, lang)}
            for transfer in record["transfers"]:
                if transfer["quantity"] is not None:
                    checked += 1
                    if transfer["quantity"] not in values:
                        missing.append((record["id"], transfer["quantity"]))
    assert checked > 40
    assert missing == []
