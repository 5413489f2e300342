"""Builds the rows of actors.tsv and reports surfaces that name more than one actor.

Hand-written rows (states' usual and short names, capitals, organisations, groups, non-state
actors, and the nationality adjectives and demonyms expanded by `inflection`) come first and
win. Derived rows add every ISO 3166 state under its pycountry English names and its CLDR
names in French, German and Spanish, and English variants from the CAMEO/Phoenix country
dictionary that look like names of the state itself (not its cities or provinces).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from armstrace.gazetteer.build.inflection import expand
from armstrace.gazetteer.build.references import (
    CountryNames,
    cameo_phrase,
    read_cameo_countries,
    read_manual_tsv,
)
from armstrace.gazetteer.build.tsv import Row, merge_languages, normalise_cell
from armstrace.gazetteer.surface_keys import ascii_key


def _words(text: str) -> list[str]:
    """A word list written as running text, which reads better than a list of strings."""
    return text.split()


# Nationality columns of nationalities.tsv: (column, language, kind, inflection rule).
_NATIONALITY_COLUMNS = (
    ("fr", "fr", "adjective", "fr_adjective"),
    ("fr", "fr", "demonym", "fr_demonym"),
    ("en", "en", "adjective", "en_adjective"),
    ("en_demonym", "en", "demonym", "en_demonym"),
    ("de", "de", "adjective", "de_adjective"),
    ("de_demonym", "de", "demonym", "de_demonym"),
    ("es", "es", "adjective", "es_adjective"),
)
# CLDR names that are administrative labels rather than names used in news.
_CLDR_LABELS = re.compile(r"\bSAR\b|R\.A\.S\.|\bRAE\b|Sonderverwaltungsregion|Outlying|Minor")
# Words shared by many state names: a CAMEO variant must share something more specific.
_GENERIC_WORDS = frozenset(
    _words(
        "republic republique democratic people peoples states state united kingdom islamic "
        "federal federation union north south east west central new saint island islands arab "
        "the and of socialist popular"
    )
)
# CAMEO variants for historical or hostile names, not for the state as news names it.
_CAMEO_STOPWORDS = frozenset(
    _words(
        "soviet communist red occupied colonial former empire dynasty yankee graveyard "
        "imperial ancient british spanish"
    )
)
# CAMEO lists regions, rivers and landmarks beside the state's names.
_CAMEO_PLACE_WORDS = frozenset(
    _words(
        "river desert canton city ville port wall shield alps bight peninsula borneo "
        "kurdistan proper country big little middle western eastern upper lower west east "
        "ciudad ile comte"
    )
)
_SMALL_WORDS = frozenset(_words("of and the de du la le y e van des del"))


def _flag(value: str) -> str:
    return "1" if value.strip() in ("1", "yes", "true") else "0"


def manual_actor_rows(manual: Path) -> list[Row]:
    """Rows of the hand-written lists, with nationality forms expanded."""
    exact_case = {r["surface"] for r in read_manual_tsv(manual / "exact_case.tsv")}
    rows: list[Row] = []
    for r in read_manual_tsv(manual / "states.tsv"):
        rows.append((r["surface"], r["code"], r["lang"], "state", _flag(r["case_sensitive"])))
    for r in read_manual_tsv(manual / "capitals.tsv"):
        rows.append((r["surface"], r["code"], r["lang"], "capital", "0"))
    for r in read_manual_tsv(manual / "organisations.tsv"):
        rows.append((r["surface"], r["code"], r["lang"], r["kind"], _flag(r["case_sensitive"])))
    rows.extend(_people_rows(manual / "people.tsv"))
    for r in read_manual_tsv(manual / "nationalities.tsv"):
        for column, lang, kind, rule in _NATIONALITY_COLUMNS:
            for form in expand(r[column], rule):
                rows.append((form, r["code"], lang, kind, "1" if form in exact_case else "0"))
    return [_clean(row, exact_case) for row in rows]


def _people_rows(path: Path) -> list[Row]:
    """Leaders, ministers and spokespeople as `person` actors of the state or group they
    speak for. A name that spoke for several (Rutte: the Netherlands, then NATO) keeps its
    latest office; names are matched with their exact case ("Borne", not "borne")."""
    latest: dict[str, tuple[int, str]] = {}
    for r in read_manual_tsv(path):
        until = int(r["to"]) if r["to"].strip() else 9999
        if r["surface"] not in latest or until > latest[r["surface"]][0]:
            latest[r["surface"]] = (until, r["code"])
    return [(surface, code, "*", "person", "1") for surface, (_, code) in latest.items()]


def _clean(row: Row, exact_case: set[str]) -> Row:
    surface = normalise_cell(row[0])
    flag = "1" if surface in exact_case else row[4]
    return (surface, row[1], row[2], row[3], flag)


def _cldr_variants(name: str) -> list[str]:
    """A CLDR or ISO name as news write it: "Myanmar (Burma)" → Myanmar, Burma."""
    name = normalise_cell(name).replace(" - ", "-")
    if _CLDR_LABELS.search(name) or "," in name:
        return []
    inner = re.findall(r"\(([^)]*)\)", name)
    outer = re.sub(r"\s*\([^)]*\)", "", name).strip()
    return [v for v in [outer, *inner] if v]


def _french_capital_e(surface: str) -> str | None:
    """French often drops the accent on capitals: "États-Unis" → "Etats-Unis"."""
    plain = surface.replace("É", "E")
    return plain if plain != surface else None


def state_name_rows(countries: list[CountryNames]) -> list[Row]:
    """Every state under its ISO English names and its CLDR names in four languages."""
    rows: list[Row] = []
    for country in countries:
        for name in country.iso_names:
            rows.extend((v, country.alpha3, "en", "state", "0") for v in _cldr_variants(name))
        for lang, name in country.cldr.items():
            for variant in _cldr_variants(name):
                rows.append((variant, country.alpha3, lang, "state", "0"))
                plain = _french_capital_e(variant) if lang == "fr" else None
                if plain:
                    rows.append((plain, country.alpha3, lang, "state", "0"))
    return rows


def _name_words(country: CountryNames) -> set[str]:
    words: set[str] = set()
    for name in (*country.iso_names, *country.cldr.values()):
        for word in re.findall(r"[^\W\d_]+", ascii_key(name)):
            if len(word) >= 4 and word not in _GENERIC_WORDS:
                words.add(word[:4])
    return words


def _initials(country: CountryNames) -> str:
    official = max(country.iso_names, key=len)
    return "".join(w[0] for w in re.findall(r"[^\W\d_]+", official)).upper()


def _is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(letter in remaining for letter in short)


def _title(phrase: str) -> str:
    """An upper-case CAMEO phrase in title case, small words in lower case."""
    words = phrase.title().replace("'S ", "'s ").split(" ")
    return " ".join(
        w.lower() if i and w.lower() in _SMALL_WORDS else w for i, w in enumerate(words)
    )


def _cameo_surface(phrase: str, country: CountryNames, common_words: set[str]) -> str | None:
    """The CAMEO phrase as a surface if it names the state itself, else None.

    Kept: acronyms of the official name (DPRK), and phrases sharing a specific word stem with
    the state's names (Ukrayina, Ukrainian), unless they add a place word (Namib Desert) or
    are one common English word (Male, the capital of the Maldives).
    """
    if any(c in phrase for c in ",()\ufffd") or not phrase:
        return None
    words = re.findall(r"[^\W\d_]+", ascii_key(phrase))
    if not words or any(w in _CAMEO_STOPWORDS or w in _CAMEO_PLACE_WORDS for w in words):
        return None
    if len(words) == 1 and words[0] in common_words and words[0] not in _own_names(country):
        return None
    letters = re.sub(r"[^A-Z]", "", phrase)
    if (
        2 <= len(letters) <= 5
        and " " not in phrase.strip(".")
        and letters[0] == _initials(country)[:1]
        and _is_subsequence(letters, _initials(country))
    ):
        return phrase  # an acronym: DPRK, USA, U.S.
    prefixes = _name_words(country)
    if any(len(w) >= 4 and w[:4] in prefixes for w in words if w not in _GENERIC_WORDS):
        return _title(phrase)
    return None


def _own_names(country: CountryNames) -> set[str]:
    return {ascii_key(name) for name in (*country.iso_names, *country.cldr.values())}


def cameo_rows(reference: Path, countries: list[CountryNames], common_words: set[str]) -> list[Row]:
    """English name variants of each state from the CAMEO/Phoenix country dictionary."""
    by_code = {c.alpha3: c for c in countries}
    rows: list[Row] = []
    for code, phrases in read_cameo_countries(reference):
        country = by_code.get(code)
        if country is None:
            continue
        for entry in phrases:
            surface = _cameo_surface(cameo_phrase(entry), country, common_words)
            if surface:
                rows.append((surface, code, "en", "state", "0"))
    return rows


def build_actor_rows(
    manual: Path, reference: Path, countries: list[CountryNames], common_words: set[str]
) -> tuple[list[Row], list[str]]:
    """The rows of actors.tsv and a report of surfaces that name several codes.

    `common_words` are English words too common to stand alone as a variant of a state.
    """
    manual_rows = manual_actor_rows(manual)
    exact_case = {r["surface"] for r in read_manual_tsv(manual / "exact_case.tsv")}
    excluded = {
        (ascii_key(r["surface"]), r["code"])
        for r in read_manual_tsv(manual / "excluded_surfaces.tsv")
    }
    # A derived state name is dropped when a hand-written state row has it already (that
    # row says its case and language), or when hand-written rows give it to other actors.
    # CAMEO variants are also dropped when a hand-written row of any kind has them, since
    # CAMEO lists adjectives ("Montenegrin") among the names of the state.
    manual_states = {(ascii_key(row[0]), row[1]) for row in manual_rows if row[3] == "state"}
    manual_any = {(ascii_key(row[0]), row[1]) for row in manual_rows}
    manual_codes: dict[str, set[str]] = defaultdict(set)
    for row in manual_rows:
        manual_codes[ascii_key(row[0])].add(row[1])
    cameo = cameo_rows(reference, countries, common_words)
    from_cameo = set(cameo)
    derived: list[Row] = []
    for row in state_name_rows(countries) + cameo:
        key = ascii_key(row[0])
        if (key, row[1]) in manual_states or (key, row[1]) in excluded:
            continue
        if row in from_cameo and (key, row[1]) in manual_any:
            continue
        if manual_codes.get(key) and row[1] not in manual_codes[key]:
            continue
        derived.append(_clean(row, exact_case))
    rows = merge_languages(manual_rows + _dedupe_variants(derived), lang_column=2)
    return rows, _conflicts(rows)


def _dedupe_variants(rows: list[Row]) -> list[Row]:
    """One derived row per (surface, code, lang) up to case: "NORTH KOREA" and "North Korea"
    are one. Accents count ("Égypte" and "Egypte" are both kept): the matcher compares
    lower-cased words, so each spelling needs its own row."""
    chosen: dict[tuple[str, str, str], Row] = {}
    for row in sorted(rows):
        chosen.setdefault((row[0].casefold(), row[1], row[2]), row)
    return list(chosen.values())


def _conflicts(rows: list[Row]) -> list[str]:
    codes: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        codes[ascii_key(row[0])].add(row[1])
    return sorted(
        f"actor surface {key!r} names {', '.join(sorted(found))}"
        for key, found in codes.items()
        if len(found) > 1
    )
