"""Stated amounts in article text (fr, en, de, es): counts, estimates, vague and other amounts.

The transfer record wants an integer when a number of items is stated ("100,000 shells"),
the integer of an approximate count ("une vingtaine", "around 50"), and nothing for plural
vague amounts ("des milliers"), rates ("3 000 par mois"), money, containers or tonnes
(ANNOTATION.md, `quantity`/`quantity_text`). `find_quantities` finds every amount of a text
with its kind and a short English paraphrase; which amount belongs to which transfer is the
caller's business (it knows where the materiel nouns are).

What is *not* an amount is as important: years, dates, times, calibres ("155 mm", "155-mm",
"7.62"), designations ("T-72", "Leopard 2", "F-16 Block 70"), percentages, ordinals,
distances and durations are skipped.

A quantity's span covers the words of the amount (with its qualifier, unit or currency) and
ends before the materiel noun wherever it can: for a rate it is the number alone ("3 000" in
"3 000 obus par mois"), for "a Patriot battery" the article alone (value 1).

Number shapes are read by language and by shape together: French and German group thousands
with spaces (also U+00A0/U+202F) or dots and use a decimal comma; English groups with commas.
A separator followed by exactly three digits is a thousands separator unless a scale word
follows and the separator is the language's decimal mark ("1,5 million" in French).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from armstrace.extract.dates import date_phrase_spans

Kind = Literal["count", "approximate", "vague", "rate", "money", "containers", "weight"]


@dataclass(frozen=True)
class Quantity:
    """One stated amount: its integer (when it is a count of items), paraphrase and span."""

    value: int | None  # integer count of items, or None for vague/rate/money/... amounts
    text: str  # short English paraphrase: "100,000", "about 40", "thousands", "$400 million"
    start: int
    end: int
    kind: Kind


# --- number words ---------------------------------------------------------------------------
# Each word is (value, role): "add" adds to the current group, "mul" multiplies the current
# group (hundred, dozen), "big" closes a group (thousand, million, billion).
_Word = tuple[int, str]


def _words(words: str, start: int = 1, step: int = 1, role: str = "add") -> dict[str, _Word]:
    """Number words of consecutive values: _words("vingt trente", 20, 10) -> 20, 30."""
    return {w: (start + i * step, role) for i, w in enumerate(words.split())}


_MILLIONS = _words("million millions", 10**6, 0, "big")
_NUMBER_WORDS: dict[str, dict[str, _Word]] = {
    "en": {
        **_words(
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen"
        ),
        **_words("twenty thirty forty fifty sixty seventy eighty ninety", 20, 10),
        **_words("hundred", 100, role="mul"),
        **_words("dozen", 12, role="mul"),
        **_words("thousand", 1000, role="big"),
        **_MILLIONS,
        **_words("billion billions", 10**9, 0, "big"),
    },
    "fr": {
        **_words("un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze"),
        **_words("quinze seize", 15),
        **_words("une", 1),
        **_words("vingt trente quarante cinquante soixante", 20, 10),
        **_words("quatre-vingt quatre-vingts", 80, 0),
        **_words("cent cents", 100, 0, "mul"),
        **_words("mille", 1000, role="big"),
        **_MILLIONS,
        **_words("milliard milliards", 10**9, 0, "big"),
    },
    "es": {
        **_words(
            "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
            "quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós "
            "veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve"
        ),
        **_words("un una", 1, 0),
        **_words("veintiún veintiun", 21, 0),
        **_words("dieciseis", 16),
        **_words("veintidos veintitres", 22),
        **_words("veintiseis", 26),
        **_words("treinta cuarenta cincuenta sesenta setenta ochenta noventa", 30, 10),
        **_words("cien ciento", 100, 0),
        **_words("doscientos trescientos cuatrocientos quinientos seiscientos", 200, 100),
        **_words("setecientos ochocientos novecientos", 700, 100),
        **_words("doscientas trescientas cuatrocientas quinientas seiscientas", 200, 100),
        **_words("setecientas ochocientas novecientas", 700, 100),
        **_words("mil", 1000, role="big"),
        **_words("millón millon millones", 10**6, 0, "big"),
        **_words("billón billones", 10**12, 0, "big"),
    },
    "de": {
        **_words("million millionen", 10**6, 0, "big"),
        **_words("milliarde milliarden", 10**9, 0, "big"),
    },
}
# German numbers are written as one word ("zweihundertfünfzig"): split into these pieces.
_GERMAN_PIECES: dict[str, _Word] = {
    **_words("eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf"),
    **_words("ein eine einen einem einer", 1, 0),
    **_words("zwo", 2),
    **_words("dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn", 13),
    **_words("zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig", 20, 10),
    **_words("dreissig", 30),
    **_words("hundert", 100, role="mul"),
    **_words("tausend", 1000, role="big"),
    **_words("und", 0, role="and"),
}
_GERMAN_PIECE_RE = re.compile(
    "|".join(sorted((re.escape(p) for p in _GERMAN_PIECES), key=len, reverse=True))
)
# Words that are articles far more often than numerals: a number only inside a longer number.
_ARTICLES = frozenset(_words("a an un une ein eine einen einem einer eines uno una"))
_PLURAL_BIG = frozenset(
    _words("millions billions milliards millones billones millionen milliarden")
)
# Connectors allowed inside a number: "two hundred and fifty", "vingt et un", "treinta y dos".
_CONNECTORS = {"en": "and", "fr": "et", "es": "y"}

# --- lexicons of the surroundings --------------------------------------------------------------
_QUALIFIERS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("just over", r"just\s+over|a\s+little\s+over|slightly\s+more\s+than"),
        (
            "about",
            r"about|around|approximately|roughly|some|an\s+estimated|estimated|approx\.|circa",
        ),
        ("nearly", r"nearly|almost|close\s+to|just\s+under|just\s+short\s+of"),
        ("more than", r"more\s+than|over|in\s+excess\s+of|upwards\s+of|well\s+over"),
        ("at least", r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of"),
        ("up to", r"up\s+to|as\s+many\s+as|a\s+maximum\s+of"),
        ("fewer than", r"fewer\s+than|less\s+than"),
        ("all", r"all|all\s+of\s+the"),
    ),
    "fr": (
        ("just over", r"un\s+peu\s+plus\s+d[e'’]|à\s+peine\s+plus\s+d[e'’]"),
        (
            "about",
            r"environ|quelque|autour\s+d[e'’]|approximativement|à\s+peu\s+près|"
            r"de\s+l['’]ordre\s+d[e'’]|grosso\s+modo|estimée?s?\s+à",
        ),
        (
            "nearly",
            r"près\s+d[e'’]|presque|quasiment|pas\s+loin\s+d[e'’]|un\s+peu\s+moins\s+d[e'’]",
        ),
        ("more than", r"plus\s+d[e'’]|au-delà\s+d[e'’]|bien\s+plus\s+d[e'’]"),
        ("at least", r"au\s+moins|pas\s+moins\s+d[e'’]|au\s+minimum"),
        ("up to", r"jusqu['’]à"),
        ("fewer than", r"moins\s+d[e'’]"),
        ("all", r"(?:tous|toutes)\s+les"),
    ),
    "de": (
        ("about", r"rund|etwa|ungefähr|circa|ca\.|zirka|annähernd|schätzungsweise|um\s+die"),
        ("nearly", r"fast|knapp|nahezu|beinahe"),
        ("more than", r"mehr\s+als|über|gut|weit\s+über"),
        ("at least", r"mindestens|wenigstens|zumindest"),
        ("up to", r"bis\s+zu"),
        ("fewer than", r"weniger\s+als"),
        ("all", r"alle|sämtliche"),
    ),
    "es": (
        (
            "about",
            r"unos|unas|alrededor\s+de|aproximadamente|cerca\s+de|en\s+torno\s+a|aprox\.|"
            r"del\s+orden\s+de",
        ),
        ("nearly", r"casi|prácticamente"),
        ("more than", r"más\s+de|por\s+encima\s+de"),
        ("at least", r"al\s+menos|por\s+lo\s+menos|como\s+mínimo"),
        ("up to", r"hasta"),
        ("fewer than", r"menos\s+de"),
        ("all", r"(?:todos|todas)\s+(?:los|las)"),
    ),
}
# Plural vague amounts, longest first: (paraphrase, regex).
_VAGUE: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("hundreds of millions", r"hundreds\s+of\s+millions"),
        ("tens of millions", r"tens\s+of\s+millions"),
        ("billions", r"billions"),
        ("tens of thousands", r"tens\s+of\s+thousands"),
        ("hundreds of thousands", r"hundreds\s+of\s+thousands"),
        ("several hundred", r"several\s+hundreds?"),
        ("several thousand", r"several\s+thousands?"),
        ("several dozen", r"several\s+dozens?"),
        ("a few hundred", r"a\s+few\s+hundreds?"),
        ("a few thousand", r"a\s+few\s+thousands?"),
        ("a few dozen", r"a\s+few\s+dozens?"),
        ("millions", r"millions"),
        ("thousands", r"thousands"),
        ("hundreds", r"hundreds"),
        ("dozens", r"dozens"),
        ("scores", r"scores(?=\s+of\b)"),
        ("a significant number", r"a\s+(?:significant|substantial|considerable)\s+number"),
        ("a large number", r"a\s+(?:large|great|huge|high)\s+number"),
        ("a limited number", r"a\s+limited\s+number"),
        ("a small number", r"a\s+small\s+number"),
        ("a handful", r"a\s+handful"),
        ("several", r"several"),
        ("a few", r"a\s+few"),
        ("numerous", r"numerous"),
    ),
    "fr": (
        ("hundreds of millions", r"(?:des|plusieurs)\s+centaines\s+de\s+millions"),
        ("tens of millions", r"(?:des|plusieurs)\s+dizaines\s+de\s+millions"),
        ("billions", r"des\s+milliards"),
        ("tens of thousands", r"(?:des|plusieurs)\s+dizaines\s+de\s+milliers"),
        ("hundreds of thousands", r"(?:des|plusieurs)\s+centaines\s+de\s+milliers"),
        ("millions", r"des\s+millions"),
        ("several thousand", r"plusieurs\s+milliers"),
        ("several hundred", r"plusieurs\s+centaines"),
        ("several dozen", r"plusieurs\s+dizaines"),
        ("a few thousand", r"quelques\s+milliers"),
        ("a few hundred", r"quelques\s+centaines"),
        ("a few dozen", r"quelques\s+dizaines"),
        ("thousands", r"(?:des|par)\s+milliers|milliers"),
        ("hundreds", r"(?:des|par)\s+centaines|centaines"),
        ("dozens", r"(?:des|par)\s+dizaines|dizaines"),
        (
            "a significant number",
            r"un\s+nombre\s+(?:[«\"“]\s*)?(?:significatif|important|considérable|conséquent)"
            r"(?:\s*[»\"”])?",
        ),
        ("a large number", r"un\s+grand\s+nombre|un\s+nombre\s+record"),
        ("a limited number", r"un\s+nombre\s+limité"),
        ("a small number", r"un\s+petit\s+nombre|un\s+faible\s+nombre"),
        ("several", r"plusieurs"),
        ("a few", r"quelques"),
        ("numerous", r"(?:de\s+)?nombreu(?:x|ses)"),
    ),
    "de": (
        ("hundreds of millions", r"hunderte\s+(?:von\s+)?millionen|mehrere\s+hundert\s+millionen"),
        ("billions", r"milliarden"),
        ("tens of thousands", r"zehntausende[n]?"),
        ("hundreds of thousands", r"hunderttausende[n]?"),
        ("several thousand", r"(?:mehrere|einige)\s+tausend"),
        ("several hundred", r"(?:mehrere|einige)\s+hundert"),
        ("several dozen", r"(?:mehrere|einige)\s+dutzend"),
        ("millions", r"millionen"),
        ("thousands", r"tausende[n]?"),
        ("hundreds", r"hunderte[n]?"),
        ("dozens", r"dutzende[n]?"),
        (
            "a significant number",
            r"eine\s+(?:erhebliche|beträchtliche|bedeutende|signifikante)\s+(?:an)?zahl",
        ),
        ("a large number", r"eine\s+(?:große|grosse|hohe)\s+(?:an)?zahl|eine\s+vielzahl"),
        ("a limited number", r"eine\s+begrenzte\s+(?:an)?zahl"),
        ("a small number", r"eine\s+(?:kleine|geringe)\s+(?:an)?zahl"),
        ("several", r"mehrere[n]?"),
        ("a few", r"einige[n]?|ein\s+paar"),
        ("numerous", r"zahlreiche[n]?"),
    ),
    "es": (
        ("hundreds of millions", r"(?:cientos|centenares)\s+de\s+millones"),
        ("tens of millions", r"decenas\s+de\s+millones"),
        ("billions", r"miles\s+de\s+millones"),
        ("tens of thousands", r"decenas\s+de\s+miles"),
        ("hundreds of thousands", r"(?:cientos|centenares)\s+de\s+miles"),
        ("several thousand", r"(?:varios|varias)\s+miles"),
        ("several hundred", r"(?:varios|varias)\s+(?:cientos|centenares)"),
        ("several dozen", r"varias\s+decenas"),
        ("millions", r"millones"),
        ("thousands", r"miles(?!\s+de\s+millones)"),
        ("hundreds", r"cientos|centenares"),
        ("dozens", r"decenas|docenas"),
        ("a significant number", r"un\s+número\s+(?:significativo|importante|considerable)"),
        ("a large number", r"un\s+gran\s+número"),
        ("a limited number", r"un\s+número\s+limitado"),
        ("a small number", r"un\s+pequeño\s+número"),
        ("several", r"varios|varias"),
        ("a few", r"algunos|algunas|unos\s+pocos|unas\s+pocas"),
        ("numerous", r"numerosos|numerosas"),
    ),
}
# Singular approximate numerals: "une vingtaine" is about 20 (ANNOTATION.md).
_APPROXIMATE: dict[str, tuple[tuple[int, str], ...]] = {
    "en": ((6, r"half\s+a\s+dozen"), (12, r"(?:a|one)\s+dozen"), (2, r"a\s+couple\s+of")),
    "fr": (
        (6, r"une\s+demi-douzaine"),
        (10, r"une\s+dizaine"),
        (12, r"une\s+douzaine"),
        (15, r"une\s+quinzaine"),
        (20, r"une\s+vingtaine"),
        (30, r"une\s+trentaine"),
        (40, r"une\s+quarantaine"),
        (50, r"une\s+cinquantaine"),
        (60, r"une\s+soixantaine"),
        (100, r"une\s+centaine"),
        (1000, r"un\s+millier"),
    ),
    "de": ((6, r"(?:ein|einem|einen)\s+halbes\s+dutzend"), (12, r"(?:ein|einem|einen)\s+dutzend")),
    "es": (
        (6, r"media\s+docena"),
        (10, r"una\s+decena"),
        (12, r"una\s+docena"),
        (20, r"una\s+veintena"),
        (30, r"una\s+treintena"),
        (40, r"una\s+cuarentena"),
        (50, r"una\s+cincuentena"),
        (100, r"un\s+centenar"),
        (1000, r"un\s+millar"),
    ),
}
# An article before a battery or a system counts one of it ("a Patriot battery" is 1).
_FILLER = r"(?:[^\W_][\w/-]*\s+){0,3}?"
_SINGLE_UNITS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("one battery", rf"(?:a|an|one|a\s+single)\s+{_FILLER}battery"),
        ("one system", rf"(?:a|an|one|a\s+single)\s+{_FILLER}system"),
    ),
    "fr": (
        ("one battery", r"une\s+(?:(?:seule|nouvelle|autre|deuxième|seconde)\s+)?batterie"),
        ("one system", r"un\s+(?:(?:seul|nouveau|autre|deuxième|second)\s+)?système"),
    ),
    "de": (
        ("one battery", rf"(?:eine|einer|einzige)\s+{_FILLER}[\w-]*batterie"),
        ("one system", rf"(?:ein|einem|einen)\s+{_FILLER}[\w-]*system"),
    ),
    "es": (
        ("one battery", r"una\s+(?:(?:sola|nueva|segunda)\s+)?batería"),
        ("one system", r"un\s+(?:(?:solo|nuevo|segundo)\s+)?sistema"),
    ),
}
_ARTICLE_WORDS = re.compile(r"\w+(?:\s+(?:single|seule?|einzige|sol[oa])(?![\w]))?", re.IGNORECASE)
# Words that end the filler between the article and the unit ("a lot of the system").
_FILLER_STOP = re.compile(
    r"\b(?:of|the|and|or|to|for|with|that|this|its|their|de|der|die|das|und|mit|von)\b", re.I
)
_APPROXIMATE_THOUSANDS = {
    "en": r"\s+thousand",
    "fr": r"\s+de\s+milliers",
    "de": r"\s+tausend",
    "es": r"\s+de\s+miles",
}

# Scale words after digits, with their factor; billion is 10**12 outside English.
_SCALES: dict[str, tuple[tuple[str, int], ...]] = {
    "en": (
        (r"trillions?", 10**12),
        (r"billions?|bn", 10**9),
        (r"millions?|mn|mln", 10**6),
        (r"thousand", 10**3),
    ),
    "fr": (
        (r"milliards?|mds?", 10**9),
        (r"billions?", 10**12),
        (r"millions?", 10**6),
        (r"mille", 10**3),
    ),
    "de": (
        (r"milliarden|milliarde|mrd\.?", 10**9),
        (r"billionen|billion", 10**12),
        (r"millionen|million|mio\.?", 10**6),
        (r"tausend", 10**3),
    ),
    "es": (
        (r"mil\s+millones", 10**9),
        (r"billones|billón", 10**12),
        (r"millones|millón|millon", 10**6),
        (r"millardos?", 10**9),
        (r"mil", 10**3),
    ),
}
_GLUED_SCALES: dict[str, int] = {
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "bn": 10**9,
    "b": 10**9,
    "mio": 10**6,
    "mrd": 10**9,
}
# "300m" is as often metres as millions: a glued m or b is a scale only with a currency
# sign or a decimal ("4.8m", "$300m").
_AMBIGUOUS_GLUED = frozenset(("m", "b"))
_SCALE_NAMES = {10**6: "million", 10**9: "billion", 10**12: "trillion"}

_CURRENCY_SIGNS: dict[str, str] = {
    "$": "$",
    "US$": "US$",
    "A$": "A$",
    "AU$": "A$",
    "C$": "C$",
    "CA$": "C$",
    "NZ$": "NZ$",
    "HK$": "HK$",
    "€": "EUR ",
    "£": "GBP ",
    "¥": "JPY ",
    "₽": "RUB ",
    "₩": "KRW ",
    "₪": "ILS ",
}
_CURRENCY_CODES = r"USD|EUR|GBP|CHF|JPY|AUD|CAD|CNY|RUB|KRW|ILS|UAH|SEK|NOK|PLN|INR"
_CURRENCY_WORDS: tuple[tuple[str, str], ...] = (
    (r"(?:us-?)?dollars?|dólares|dolares|dollar", "$"),
    (r"euros?", "EUR "),
    (r"livres\s+sterling|pounds\s+sterling|sterling|libras\s+esterlinas", "GBP "),
    (r"yuans?|renminbi", "CNY "),
    (r"roubles|rubles?|rubel|rublos", "RUB "),
    (r"wons?", "KRW "),
    (r"shekels?", "ILS "),
    (r"hryvnias?|hrywnja", "UAH "),
    (r"francs\s+suisses|swiss\s+francs|franken", "CHF "),
    (rf"(?-i:{_CURRENCY_CODES})", ""),
)
# Pounds are money after a scale word ("£"-less "500 million pounds"), else a weight.
_POUND_WORDS = r"pounds?|livres|pfund|libras"

_CONTAINER_WORDS: tuple[tuple[str, str], ...] = (
    (r"containers?|conteneurs?|contenedores?", "containers"),
    (r"wagons?|waggons?|vagones|railcars?|rail\s+cars?|carriages", "wagons"),
    (
        r"shipments?|cargaisons?|consignments?|cargoes|cargos|envíos|cargamentos|lieferungen",
        "shipments",
    ),
    (r"convoys?|convois|konvois?|convoyes", "convoys"),
    (r"trains?|trainloads?|züge|trenes", "trains"),
    (r"truckloads?|lorryloads?", "truckloads"),
    (r"(?:cargo\s+)?flights?|vols(?:\s+cargo)?|flüge|vuelos", "flights"),
    (r"crates?|caisses?|kisten|cajas|pallets?|palettes?|paletten", "crates"),
)
_WEIGHT_WORDS: tuple[tuple[str, str], ...] = (
    (r"tonnes?|tons?|tonnen|toneladas?|(?-i:t)", "tonnes"),
    (r"kg|kilos?|kilogrammes?|kilograms?|kilogramm|kilogramos?", "kg"),
    (r"lbs?|" + _POUND_WORDS, "pounds"),
)
# Units after which a number is a measure or a duration, never an amount of materiel.
_MEASURE_UNITS = (
    r"%|‰|per\s?cent|pour\s?cent|prozent|por\s+ciento|pct|percentage\s+points?|"
    r"points?\s+de\s+pourcentage|prozentpunkte|"
    r"km/h|km|kilomet(?:er|re)s?|kilomètres?|kilometern?|kilómetros?|millas|"
    r"nautical\s+miles|milles(?:\s+nautiques)?|seemeilen|"
    r"mm|millimet(?:er|re)s?|millimètres?|millimetern?|milímetros?|cm|m|met(?:er|re)s?|mètres?|"
    r"metern|metros?|inch(?:es)?|pouces?|zoll|pulgadas?|ft|feet|foot|pieds?|fuß|pies|"
    r"knots?|nœuds?|noeuds?|knoten|nudos?|mph|°|degrees?|degrés?|grad|grados?|kt|"
    r"calibre|caliber|kaliber|"
    r"days?|weeks?|months?|years?|hours?|minutes?|seconds?|decades?|centuries|"
    r"jours?|semaines?|mois|ans|années?|heures?|minutes?|décennies?|siècles?|"
    r"tagen?|tag|wochen?|monate[n]?|monat|jahre[n]?|jahr|stunden?|jahrzehnten?|"
    r"días?|dias?|semanas?|meses|mes|años?|horas?|minutos?|décadas?|"
    r"times|fois|mal|veces|year-olds?|-year-old"
)
_MILES_EN = r"miles?"
_MODEL_WORDS = (
    r"Leopard|Challenger|Mirage|Block|Blk|Type|Typ|Tipo|Tranche|Flight|Increment|Mk|Mark|Model|"
    r"Modèle|Modell|Modelo|Series|Série|Serie|Version|Phase|No\.?|Nr\.?|N°|n°|Nº|nº|#|number|"
    r"numéro|Nummer|número|Article|Artikel|Artículo|Resolution|Résolution|Resolución|Chapter|"
    r"Chapitre|Kapitel|Capítulo|Section|Page|Seite|Página|calibre|caliber|Kaliber|Kalibers|"
    r"calibre\s+de|de\s+calibre|del\s+calibre|COVID|Covid|G|Gen|Mod"
)
_RATES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        (r"(?:per|a|an|each|every)\s+day|daily", "day"),
        (r"(?:per|a|an|each|every)\s+week|weekly", "week"),
        (r"(?:per|a|an|each|every)\s+month|monthly", "month"),
        (r"(?:per|a|an|each|every)\s+year|per\s+annum|annually|yearly|a\s+year", "year"),
    ),
    "fr": (
        (r"(?:par|chaque)\s+jour|quotidiennement", "day"),
        (r"(?:par|chaque)\s+semaine|hebdomadairement", "week"),
        (r"(?:par|chaque)\s+mois|mensuellement", "month"),
        (r"(?:par|chaque)\s+an(?:née)?|annuellement|par\s+an", "year"),
    ),
    "de": (
        (r"(?:pro|je|jeden)\s+tag|am\s+tag|täglich", "day"),
        (r"(?:pro|je|jede)\s+woche|wöchentlich", "week"),
        (r"(?:pro|je|jeden|im)\s+monat|monatlich", "month"),
        (r"(?:pro|je|jedes)\s+jahr|im\s+jahr(?!\s*\d)|jährlich|jahresweise", "year"),
    ),
    "es": (
        (r"(?:al|por|cada)\s+día|diarios?|diariamente", "day"),
        (r"(?:a\s+la|por|cada)\s+semana|semanales|semanalmente", "week"),
        (r"(?:al|por|cada)\s+mes|mensuales|mensualmente", "month"),
        (r"(?:al|por|cada)\s+año|anuales|anualmente", "year"),
    ),
}
# A rate word in these contexts is a time span, not a rate ("in a year", "more than a month").
_NOT_RATE_BEFORE = re.compile(r"(?:\b(?:in|within|for|over|after|than|than\s+in))\s*$", re.I)
# Clause words that end the search for a rate after a number.
_RATE_STOP = re.compile(r"[.;:!?()\n]|,\s|\b(?:and|et|und|y|plus|sowie|ainsi)\b", re.I)
_WORTH_BEFORE = re.compile(
    r"(?:worth|valued\s+at|value\s+of|cost\s+of|costing|for|pour|d['’]un\s+montant\s+d[e'’]|"
    r"montant\s+d[e'’]|d['’]une\s+valeur\s+d[e'’]|im\s+wert\s+von|für|kosten\s+von|"
    r"por\s+valor\s+de|por\s+un\s+valor\s+de|por\s+un\s+importe\s+de|por)\s*$",
    re.IGNORECASE,
)
_NUMERIC_DATE_OR_TIME = re.compile(
    r"(?<!\d)(?:\d{1,2}[:h]\d{2}(?!\d)|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?!\d))"
)
# "divisé par deux", "multiplied by three": arithmetic, not an amount.
_OPERATION_BEFORE = re.compile(
    r"(?:divisée?s?|multipliée?s?|divided|multiplied|geteilt|multipliziert|dividid[oa]s?|"
    r"multiplicad[oa]s?)\s+(?:par|by|durch|mit|por)\s*$",
    re.IGNORECASE,
)
_RANGE_SECOND = re.compile(r"\s*(?:-|–|to|à|bis|a|or|ou|oder|o)\s*[^\s,;.]+", re.IGNORECASE)


# --- compiled per-language patterns --------------------------------------------------------------
@dataclass(frozen=True)
class _Patterns:
    digits: re.Pattern[str]
    word: re.Pattern[str]
    # One alternation per lexicon (a named group per entry): one scan instead of dozens.
    vague: re.Pattern[str]
    approximate: re.Pattern[str]
    single_units: re.Pattern[str]
    thousands_after: re.Pattern[str]
    qualifier: re.Pattern[str]
    qualifier_names: tuple[str, ...]
    scales: tuple[tuple[re.Pattern[str], int], ...]
    rate: tuple[tuple[re.Pattern[str], str], ...]
    measure: re.Pattern[str]
    model_before: re.Pattern[str]
    currency_after: tuple[tuple[re.Pattern[str], str], ...]
    currency_code_before: re.Pattern[str]
    container_after: tuple[tuple[re.Pattern[str], str], ...]
    weight_after: tuple[tuple[re.Pattern[str], str], ...]
    pound_after: re.Pattern[str]


def _alternation(regexes: Iterable[str]) -> re.Pattern[str]:
    """Whole-word alternation whose group `e<i>` tells which entry matched (first wins)."""
    parts = "|".join(f"(?P<e{i}>{rx})" for i, rx in enumerate(regexes))
    return re.compile(rf"(?<![\w])(?:{parts})(?![\w-])", re.IGNORECASE)


def _entry(m: re.Match[str]) -> int:
    return int((m.lastgroup or "e0")[1:])


def _lang(lang: str) -> str:
    return lang if lang in _QUALIFIERS else "en"


@lru_cache(maxsize=8)
def _patterns(lang: str) -> _Patterns:
    separators = r"[,.\u00a0\u202f\u2009'’]" if lang == "en" else r"[ ,.\u00a0\u202f\u2009'’]"
    signs = "|".join(re.escape(s) for s in sorted(_CURRENCY_SIGNS, key=len, reverse=True))
    scale_words = "|".join(rx for rx, _ in _SCALES[lang])
    digits = re.compile(
        rf"(?<![\w.,/:+\-−–#°§$€£¥])(?:(?P<cur>{signs})\s?)?"
        rf"(?P<num>\d{{1,3}}(?:{separators}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
        rf"(?P<suffix>[^\W\d_]+)?"
        rf"(?:[\s\u00a0\u202f]+(?P<scale>(?i:{scale_words}))(?![\w]))?"
    )
    names = tuple(name for name, _ in _QUALIFIERS[lang])
    qualifier = "|".join(f"(?P<q{i}>{rx})" for i, (_, rx) in enumerate(_QUALIFIERS[lang]))
    measure = _MEASURE_UNITS + (f"|{_MILES_EN}" if lang == "en" else "")
    return _Patterns(
        digits=digits,
        word=re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*"),
        vague=_alternation(rx for _, rx in _VAGUE[lang]),
        approximate=_alternation(rx for _, rx in _APPROXIMATE[lang]),
        single_units=_alternation(rx for _, rx in _SINGLE_UNITS[lang]),
        thousands_after=re.compile(rf"(?:{_APPROXIMATE_THOUSANDS[lang]})(?![\w])", re.IGNORECASE),
        qualifier=re.compile(rf"(?<![\w])(?:{qualifier})\s*$", re.IGNORECASE),
        qualifier_names=names,
        scales=tuple((re.compile(rf"(?:{rx})$", re.IGNORECASE), f) for rx, f in _SCALES[lang]),
        rate=tuple((re.compile(rf"(?<![\w])(?:{rx})(?![\w])", re.I), u) for rx, u in _RATES[lang]),
        measure=re.compile(
            rf"^[\s\u00a0\u202f]*(?:(?:of|de|d['’])\s*)?(?:{measure})(?![\w])", re.IGNORECASE
        ),
        model_before=re.compile(rf"(?<![\w])(?:{_MODEL_WORDS})[\s\u00a0]*$"),
        currency_after=tuple(
            (re.compile(rf"^\s*(?:de\s+|d['’]|of\s+|en\s+)?(?:{rx})(?![\w])", re.I), label)
            for rx, label in _CURRENCY_WORDS
        ),
        currency_code_before=re.compile(rf"(?<![\w])(?P<code>{_CURRENCY_CODES})\s*$"),
        container_after=tuple(
            (
                re.compile(
                    rf"^\s*(?:(?:de|d['’]|of)\s*)?(?:(?:shipping|cargo|freight|rail)\s+)?"
                    rf"(?:{rx})(?![\w-])",
                    re.I,
                ),
                label,
            )
            for rx, label in _CONTAINER_WORDS
        ),
        weight_after=tuple(
            (re.compile(rf"^\s*(?:{rx})(?![\w-])", re.I), label) for rx, label in _WEIGHT_WORDS
        ),
        pound_after=re.compile(rf"^\s*(?:de\s+|d['’]|of\s+)?(?:{_POUND_WORDS})(?![\w])", re.I),
    )


# --- parsing numbers -----------------------------------------------------------------------------
_DECIMAL_MARK = {"en": ".", "fr": ",", "de": ",", "es": ","}


def _parse_digits(number: str, lang: str, scaled: bool) -> float | None:
    """The value of a digit string such as "100 000", "1,5", "100.000" or "1,234.5"."""
    compact = re.sub(r"[\s\u00a0\u202f\u2009'’]", "", number)
    marks = [c for c in compact if c in ",."]
    if not marks:
        return float(compact) if compact.isdigit() else None
    if len(set(marks)) == 2:  # "1.234,5" or "1,234.5": the last mark is the decimal one
        decimal = compact[max(compact.rfind(","), compact.rfind(".")) :][0]
        group = "," if decimal == "." else "."
        compact = compact.replace(group, "").replace(decimal, ".")
    else:
        mark = marks[0]
        tail = compact.rsplit(mark, 1)[1]
        is_group = len(marks) > 1 or (
            len(tail) == 3 and not (scaled and mark == _DECIMAL_MARK.get(lang, "."))
        )
        compact = compact.replace(mark, "") if is_group else compact.replace(mark, ".")
    try:
        return float(compact)
    except ValueError:
        return None


def _split_german(word: str) -> list[_Word] | None:
    """The pieces of a German number word ("zweihundertfünfzig"), or None if it is not one."""
    pieces: list[_Word] = []
    position = 0
    lowered = word.lower()
    while position < len(lowered):
        m = _GERMAN_PIECE_RE.match(lowered, position)
        if not m:
            return None
        pieces.append(_GERMAN_PIECES[m.group(0)])
        position = m.end()
    return pieces


def _word_pieces(token: str, lang: str) -> list[_Word] | None:
    lowered = token.lower()
    table = _NUMBER_WORDS[lang]
    if lowered in table:
        return [table[lowered]]
    if lang == "de":
        return _split_german(lowered)
    if "-" in lowered:
        pieces: list[_Word] = []
        parts = lowered.split("-")
        i = 0
        while i < len(parts):
            pair = "-".join(parts[i : i + 2])
            if lang == "fr" and pair in table:  # "quatre-vingt(s)"
                pieces.append(table[pair])
                i += 2
                continue
            if parts[i] == _CONNECTORS.get(lang):
                pieces.append((0, "and"))
            elif parts[i] in table:
                pieces.append(table[parts[i]])
            else:
                return None
            i += 1
        return pieces
    return None


def _combine(pieces: Sequence[_Word]) -> int | None:
    """Add up number-word pieces: "deux cent mille" -> 200000, "mil millones" -> 10**9."""
    total = 0
    current = 0
    seen = False
    for value, role in pieces:
        if role == "and":
            continue
        seen = True
        if role == "add":
            current += value
        elif role == "mul":
            current = max(current, 1) * value
        else:
            if total and total < value and not current:
                total *= value  # "mil millones": the larger scale applies to what came before
            else:
                total += max(current, 1) * value
            current = 0
    return total + current if seen else None


def parse_number(text: str, lang: str) -> int | float | None:
    """The number written in `text` alone, or None.

    Reads digits in the language's conventions ("100 000", "100,000", "100.000", "1,5
    million", "4.8m", "1,5 Millionen"), number words ("twenty-five", "vingt-deux",
    "zweihundert", "doscientos") and approximate numerals ("a dozen", "une vingtaine").
    """
    lang = _lang(lang)
    stripped = text.strip()
    if not stripped:
        return None
    for quantity in _find(lang, stripped, keep_all=True):
        if quantity.start == 0 and quantity.end == len(stripped):
            return quantity.value if quantity.value is not None else _bare_value(stripped, lang)
    return _bare_value(stripped, lang)


def _bare_value(text: str, lang: str) -> int | float | None:
    """A number that is not an amount in context (a decimal such as "7.62", a lone year)."""
    m = _patterns(lang).digits.fullmatch(text)
    if not m or m.group("cur"):
        return None
    value = _parse_digits(m.group("num"), lang, scaled=bool(m.group("scale")))
    if value is None:
        return None
    value *= _scale_factor(m, lang)
    return int(value) if value == int(value) else value


def _scale_factor(m: re.Match[str], lang: str) -> int:
    scale = m.group("scale")
    if scale:
        for pattern, factor in _patterns(lang).scales:
            if pattern.search(scale.lower().replace("\u00a0", " ")):
                return factor
    suffix = (m.group("suffix") or "").lower()
    return _GLUED_SCALES.get(suffix, 1)


# --- finding amounts -----------------------------------------------------------------------------
@dataclass
class _Core:
    """A number, numeral or vague amount before its surroundings are read."""

    start: int
    end: int
    value: float | None  # None for vague amounts
    label: str  # the number part of the paraphrase
    approximate: bool = False  # an approximate numeral ("une vingtaine")
    currency: str | None = None
    scaled: bool = False


def _format_value(value: float, scale: int | None) -> str:
    """English digits: "100,000"; with a scale word "1.5 million", "2 billion"."""
    if scale and scale >= 10**6:
        scale = max(s for s in _SCALE_NAMES if s <= value) if value >= 10**6 else scale
        mantissa = value / scale
        shown = f"{mantissa:.3f}".rstrip("0").rstrip(".")
        return f"{shown} {_SCALE_NAMES[scale]}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _digit_cores(text: str, lang: str, blocked: list[tuple[int, int]]) -> Iterator[_Core]:
    pats = _patterns(lang)
    for m in pats.digits.finditer(text):
        start, end = m.start(), m.end()
        if _overlaps(start, end, blocked):
            continue
        suffix = (m.group("suffix") or "").lower()
        number = m.group("num")
        currency = _CURRENCY_SIGNS.get(m.group("cur") or "")
        if suffix and re.search(r"[ \u00a0\u202f]\d{3}$", number):
            # "200 155mm": the last group is a calibre glued to its unit, not a thousands group
            number = re.split(r"[ \u00a0\u202f](?=\d{3}$)", number)[0]
            end = m.start("num") + len(number)
            suffix = ""
        elif suffix and (
            suffix not in _GLUED_SCALES
            or (suffix in _AMBIGUOUS_GLUED and not currency and not re.search(r"[.,]", number))
        ):
            continue  # "155mm", "1er", "3rd", "2A6", "16h", "300m"
        has_scale = bool(m.group("scale")) and end == m.end()
        scaled = has_scale or bool(suffix)
        value = _parse_digits(number, lang, scaled=scaled)
        if value is None:
            continue
        factor = _scale_factor(m, lang) if scaled else 1
        if not scaled and value != int(value) and not currency:
            continue  # "7.62", "12,7": a calibre or a measure, never a count
        full = value * factor
        yield _Core(
            start=start,
            end=end,
            value=full,
            label=_format_value(full, factor if factor >= 10**6 else None),
            currency=currency,
            scaled=factor >= 10**6,
        )


def _word_cores(text: str, lang: str, blocked: list[tuple[int, int]]) -> Iterator[_Core]:
    """Runs of number words ("twenty-five", "deux cent", "zweihundert", "treinta y dos")."""
    pats = _patterns(lang)
    tokens = [(m.start(), m.end(), m.group(0)) for m in pats.word.finditer(text)]
    connector = _CONNECTORS.get(lang)
    i = 0
    while i < len(tokens):
        run: list[tuple[int, int, str, list[_Word]]] = []
        j = i
        while j < len(tokens):
            start, end, token = tokens[j]
            if run and not re.fullmatch(r"[\s\u00a0\-]+", text[run[-1][1] : start]):
                break
            lowered = token.lower()
            if lowered == connector and run:
                if not _connector_joins(lang, run[-1][3], tokens[j + 1 : j + 2]):
                    break
                run.append((start, end, token, [(0, "and")]))
                j += 1
                continue
            if lang == "en" and lowered in ("a", "an") and not run:
                following = tokens[j + 1][2].lower() if j + 1 < len(tokens) else ""
                if following in ("hundred", "thousand", "million", "billion"):
                    run.append((start, end, token, [(1, "add")]))
                    j += 1
                    continue
                break
            pieces = _word_pieces(token, lang)
            if pieces is None or pieces == [(0, "and")]:
                break
            run.append((start, end, token, pieces))
            j += 1
        while run and run[-1][3] == [(0, "and")]:
            run.pop()
        if not run:
            i += 1
            continue
        i = max(j, i + 1)
        core = _word_run_core(text, lang, run)
        if core is not None and not _overlaps(core.start, core.end, blocked):
            yield core


def _connector_joins(lang: str, before: list[_Word], after: list[tuple[int, int, str]]) -> bool:
    """Whether "and"/"et"/"y" continues a number ("vingt et un") rather than a list ("2 and 3")."""
    if not after or not before:
        return False
    following = _word_pieces(after[0][2], lang)
    if not following or following[0][1] != "add":
        return False
    last_value, last_role = before[-1]
    if lang == "en":
        return last_role in ("mul", "big")
    if lang == "fr":
        return last_value in (20, 30, 40, 50, 60) and after[0][2].lower() in ("un", "une", "onze")
    return last_value in range(30, 100, 10) and following[0][0] < 10


# Number words that are often something else: (language, word, pattern of the words
# before it, pattern of the words after it); either pattern matching rejects the word.
_FALSE_FRIENDS: tuple[tuple[str, str, str | None, str | None], ...] = (
    # "the right one", "one of them", "no one": a pronoun
    (
        "en",
        "one",
        r"\b(?:no|any|every|each|the|this|that|which|some|only|right)\s+$",
        r"(?!\s+[^\W\d_])|\s*(?:of|another|day|time|way|side|thing|or|and|by|is|was|has|that|who)\b",
    ),
    ("fr", "neuf", r"\bà\s+$", r"(?!\s+[^\W\d_])|\s+et\b"),  # "un char neuf": new
    ("fr", "cent", r"\bpour\s+$", None),  # "pour cent"
    ("es", "ciento", r"\bpor\s+$", None),  # "por ciento"
    ("de", "acht", r"\b(?:außer|ausser|in)\s+$", None),  # "außer Acht lassen"
)
_UNCOUNTED_ALONE = frozenset(
    (*_ARTICLES, *_PLURAL_BIG, "hundred", "thousand", "dozen", "million", "billion", "milliard")
    + ("millón", "millon", "billón")
)


def _is_false_friend(text: str, lang: str, start: int, end: int, word: str) -> bool:
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 16]
    for friend_lang, friend, before_rx, after_rx in _FALSE_FRIENDS:
        if friend_lang == lang and friend == word:
            if before_rx and re.search(before_rx, before):
                return True
            if after_rx and re.match(after_rx, after):
                return True
    return False


def _word_run_core(
    text: str, lang: str, run: list[tuple[int, int, str, list[_Word]]]
) -> _Core | None:
    if len(run) == 1:
        start, end, token, _ = run[0]
        word = token.lower()
        if word in _UNCOUNTED_ALONE or _is_false_friend(text, lang, start, end, word):
            return None
    pieces = [piece for _, _, _, ps in run for piece in ps]
    value = _combine(pieces)
    if not value:
        return None
    big = max((v for v, role in pieces if role == "big"), default=0)
    label_scale = big if big >= 10**6 else None
    approximate = any(v == 12 and role == "mul" for v, role in pieces)
    label = _format_value(float(value), label_scale)
    if approximate:
        label = "a dozen" if value == 12 else f"about {label}"
    return _Core(
        start=run[0][0],
        end=run[-1][1],
        value=float(value),
        label=label,
        approximate=approximate,
        scaled=big >= 10**6,
    )


def _lexicon_cores(text: str, lang: str) -> Iterator[_Core]:
    """Approximate numerals, vague amounts and single units ("a Patriot battery")."""
    pats = _patterns(lang)
    for m in pats.approximate.finditer(text):
        end = m.end()
        amount = _APPROXIMATE[lang][_entry(m)][0]
        more = pats.thousands_after.match(text, end)
        if more:  # "une dizaine de milliers"
            amount *= 1000
            end = more.end()
        label = {12: "a dozen", 6: "half a dozen"}.get(amount, f"about {amount:,}")
        yield _Core(m.start(), end, float(amount), label, approximate=True)
    for m in pats.vague.finditer(text):
        yield _Core(m.start(), m.end(), None, _VAGUE[lang][_entry(m)][0])
    for m in pats.single_units.finditer(text):
        if not _FILLER_STOP.search(m.group(0)):
            # The span is the article alone, so that it ends before the materiel words.
            article = _ARTICLE_WORDS.match(m.group(0))
            end = m.start() + (article.end() if article else len(m.group(0)))
            yield _Core(m.start(), end, 1.0, _SINGLE_UNITS[lang][_entry(m)][0])


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def _blocked_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Dates, times and numeric dates: numbers inside them are never amounts."""
    spans = date_phrase_spans(text, lang)
    spans.extend((m.start(), m.end()) for m in _NUMERIC_DATE_OR_TIME.finditer(text))
    return spans


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """Every stated amount of `text`, in text order.

    Years, dates, calibres, designations, percentages, measures and durations are left out.
    """
    return _find(_lang(lang), text, keep_all=False)


def _find(lang: str, text: str, keep_all: bool) -> list[Quantity]:
    """The amounts of `text`; `keep_all` keeps what the context would reject (parse_number)."""
    blocked = [] if keep_all else _blocked_spans(text, lang)
    cores = sorted(
        [
            *_lexicon_cores(text, lang),
            *_digit_cores(text, lang, blocked),
            *_word_cores(text, lang, blocked),
        ],
        key=lambda c: (c.start, -(c.end - c.start)),
    )
    found: list[Quantity] = []
    last_end = -1
    for core in cores:
        if core.start < last_end:
            continue
        # A rejected core still hides the shorter ones inside it ("deux semaines").
        last_end = core.end
        quantity = _read_context(text, lang, core, keep_all)
        if quantity is not None:
            found.append(quantity)
            last_end = max(last_end, quantity.end)
    return found


def _read_context(text: str, lang: str, core: _Core, keep_all: bool) -> Quantity | None:
    """Turn a core into a quantity by reading the words around it, or reject it."""
    pats = _patterns(lang)
    left = text[max(0, core.start - 60) : core.start]
    right = text[core.end : core.end + 80]
    start = core.start

    qualifier_name = None
    qualifier = pats.qualifier.search(left)
    if qualifier:
        qualifier_name = next(
            name for i, name in enumerate(pats.qualifier_names) if qualifier.group(f"q{i}")
        )
        start -= len(left) - qualifier.start()
        left = left[: qualifier.start()]
    if keep_all:
        value = int(core.value) if core.value is not None else None
        return Quantity(value, core.label, start, core.end, "count")
    if _is_not_an_amount(text, lang, core, left, right, qualifier_name):
        return None
    prefix = f"{qualifier_name} " if qualifier_name else ""

    money = _money(lang, core, left, right)
    if money is not None:
        currency, money_start, money_end = money
        if core.value is None:
            label = f"{prefix}{core.label} of {_CURRENCY_NAMES.get(currency, currency.strip())}"
        else:
            label = f"{prefix}{currency}{core.label}"
        return Quantity(None, label.strip(), min(start, money_start), money_end, "money")

    rate = _rate_after(text, lang, core.end) or _rate_before(left, lang)
    if rate:
        # The span stays on the number: the "per month" often follows the materiel noun.
        return Quantity(None, f"{prefix}{core.label} per {rate}", start, core.end, "rate")

    for pattern, unit in pats.container_after:
        m = pattern.match(right)
        if m:
            joiner = " of " if core.value is None else " "
            label = f"{prefix}{core.label}{joiner}{unit}"
            return Quantity(None, label, start, core.end + m.end(), "containers")
    for pattern, unit in pats.weight_after:
        m = pattern.match(right)
        if m:
            joiner = " of " if core.value is None else " "
            label = f"{prefix}{core.label}{joiner}{unit}"
            return Quantity(None, label, start, core.end + m.end(), "weight")

    if core.value is None:
        return Quantity(None, core.label, start, core.end, "vague")
    return _count(core, qualifier_name, start, right)


_CURRENCY_NAMES = {"$": "dollars", "EUR ": "euros", "GBP ": "pounds", "": "money"}


def _money(lang: str, core: _Core, left: str, right: str) -> tuple[str, int, int] | None:
    """The currency of an amount of money, with the span its words add; None if not money."""
    pats = _patterns(lang)
    if core.currency is not None:
        return core.currency, core.start, core.end
    code = pats.currency_code_before.search(left)
    if code:
        currency = "$" if code.group("code") == "USD" else code.group("code") + " "
        return currency, core.start - (len(left) - code.start()), core.end
    for pattern, label in pats.currency_after:
        m = pattern.match(right)
        if m:
            if not label:  # an ISO code after the number
                code_text = m.group(0).split()[-1]
                label = "$" if code_text == "USD" else code_text + " "
            return label, core.start, core.end + m.end()
    if core.scaled:
        pound = pats.pound_after.match(right)
        if pound:
            return "GBP ", core.start, core.end + pound.end()
        noun_follows = re.match(r"\s*(?:de\s+|d['’]|of\s+)?[^\W\d_]{3,}", right)
        # "pour 85,6 millions", "67,4 milliards en 2030": a sum whose currency is implicit
        if (
            core.value is not None
            and not noun_follows
            and (_WORTH_BEFORE.search(left) or core.value >= 10**9)
        ):
            return "", core.start, core.end
    return None


def _count(core: _Core, qualifier: str | None, start: int, right: str) -> Quantity:
    value = int(round(core.value or 0))
    approximate = core.approximate or qualifier not in (None, "all")
    label = core.label
    if qualifier:
        label = f"{qualifier} {label.removeprefix('about ')}"
    end = core.end
    odd = re.match(r"-odd(?![\w])", right)
    upper = re.match(r"\s?(?:-|–|to|à|bis|a)\s?(\d{1,6})(?![\d.,]|\s?\d{3})", right)
    if odd:  # "20-odd tanks"
        approximate = True
        end += odd.end()
        label = f"about {label}"
    elif upper and not core.scaled and value < int(upper.group(1)) < 100 * max(value, 1):
        # "10-15 tanks", "10 à 15 chars": a range stands for its upper bound
        approximate = True
        end += upper.end()
        label = f"{label}-{int(upper.group(1)):,}"
        value = int(upper.group(1))
    return Quantity(value, label, start, end, "approximate" if approximate else "count")


def _is_not_an_amount(
    text: str, lang: str, core: _Core, left: str, right: str, qualifier: str | None
) -> bool:
    """Years, calibres, designations, measures, ordinals, list markers, percentages."""
    pats = _patterns(lang)
    if pats.measure.match(right) and not (core.currency and re.match(r"\s*m\b", right)):
        return True  # "155 mm", "300 km", "deux ans", "quelques jours", "30 %"
    second = _RANGE_SECOND.match(right)
    if second and pats.measure.match(right[second.end() :]):
        return True  # "quatre à cinq jours", "10 to 15 km"
    if core.value is None:
        return False
    number_text = text[core.start : core.end]
    if re.fullmatch(r"(?:19|20)\d{2}", number_text) and qualifier is None and not core.currency:
        return True  # a year: "in 2023", "2024"
    if re.match(r"-(?!odd(?![\w]))[^\W\d_]", right):
        return True  # "155-mm", "2,000-pound", "30-day": a compound adjective
    if re.match(r"\s?[-–]\s?\d", right) and re.fullmatch(r"(?:19|20)\d{2}", number_text):
        return True  # "2024-2030"
    if not core.currency and pats.model_before.search(left):
        return True  # "Leopard 2", "Block 70", "Kalibers 155"
    if _OPERATION_BEFORE.search(left):
        return True
    if (
        lang == "de"
        and re.match(r"\.\s+[^\W\d_]", right)
        and (
            re.match(r"\.\s+[a-zäöüß]", right)
            or re.search(r"\b(?:der|die|das|den|dem|des|am|im|zum|zur|vom|beim)\s+$", left, re.I)
        )
    ):
        return True  # "die 3. Brigade", "der 2. größte": German ordinals
    line_start = text.rfind("\n", 0, core.start) + 1
    if re.fullmatch(r"[\s•*·\-–—]*", text[line_start : core.start]) and re.match(r"[.)]\s", right):
        return True  # "1. " or "2) " opening a list item
    return bool(re.match(r"\s*(?:st|nd|rd|th)\b", right))


def _rate_after(text: str, lang: str, position: int) -> str | None:
    window = text[position : position + 70]
    stop = _RATE_STOP.search(window)
    if stop:
        window = window[: stop.start()]
    for pattern, unit in _patterns(lang).rate:
        m = pattern.search(window)
        if m and not _NOT_RATE_BEFORE.search(window[: m.start()]):
            return unit
    return None


def _rate_before(left: str, lang: str) -> str | None:
    """A rate adverb just before the amount: "jährlich bis zu 200.000", "annually 50"."""
    tail = left[-25:]
    for pattern, unit in _patterns(lang).rate:
        m = pattern.search(tail)
        if m and not re.search(r"[.;:!?]", tail[m.end() :]) and len(tail[m.end() :].split()) <= 1:
            return unit
    return None


def largest_count(quantities: Sequence[Quantity]) -> Quantity | None:
    """The largest explicit count (exact or approximate), as ANNOTATION.md asks; else None."""
    counts = [q for q in quantities if q.value is not None and q.kind in ("count", "approximate")]
    if not counts:
        return None
    return max(counts, key=lambda q: q.value or 0)
