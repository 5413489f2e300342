"""Integrity of the shipped TSV files: columns, codes, categories, duplicates, load time."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pycountry
import pytest

from armstrace.gazetteer import ACTOR_CODE_PATTERN, ACTOR_KINDS, MATERIEL_KINDS
from armstrace.gazetteer.categories import LANGUAGES, REGION_CODES
from armstrace.gazetteer.load import (
    ACTOR_COLUMNS,
    MAKER_COLUMNS,
    MATERIEL_COLUMNS,
    MEDIA_COLUMNS,
    REGION_COLUMNS,
    read_tsv,
)
from armstrace.models import MATERIEL_CATEGORIES

FILES = {
    "actors.tsv": ACTOR_COLUMNS,
    "makers.tsv": MAKER_COLUMNS,
    "materiel.tsv": MATERIEL_COLUMNS,
    "media.tsv": MEDIA_COLUMNS,
    "regions.tsv": REGION_COLUMNS,
}


@pytest.mark.parametrize(("name", "columns"), FILES.items())
def test_data_file_has_no_duplicate_or_empty_rows(name: str, columns: tuple[str, ...]) -> None:
    rows = [tuple(row) for row in read_tsv(name, columns)]
    assert rows, name
    duplicates = [row for row, count in Counter(rows).items() if count > 1]
    assert duplicates == []
    assert all(row[0].strip() == row[0] and row[0] for row in rows)
    assert all(all("\t" not in cell for cell in row) for row in rows)


@pytest.mark.parametrize(("name", "columns"), FILES.items())
def test_data_file_is_sorted(name: str, columns: tuple[str, ...]) -> None:
    rows = [tuple(row) for row in read_tsv(name, columns)]
    assert rows == sorted(rows, key=lambda row: (row[0].casefold(), row))


def test_actor_rows_have_valid_codes_kinds_and_languages() -> None:
    iso = {country.alpha_3 for country in pycountry.countries} | {"XKX"}
    for surface, code, lang, kind, case_sensitive in read_tsv("actors.tsv", ACTOR_COLUMNS):
        assert ACTOR_CODE_PATTERN.match(code), (surface, code)
        assert kind in ACTOR_KINDS, (surface, kind)
        assert lang in LANGUAGES, (surface, lang)
        assert case_sensitive in ("0", "1"), surface
        if kind in ("state", "demonym", "capital"):
            assert code in iso, (surface, code)
        if kind == "adjective":  # a state's, or a group's ("Western", "occidentaux")
            assert code in iso or code in ("EU", "NATO", "WEST"), (surface, code)
        if kind == "group":
            assert code in ("EU", "NATO", "WEST"), (surface, code)
        if kind == "nonstate":
            assert code == code.lower(), (surface, code)


def test_materiel_rows_have_valid_categories_and_details() -> None:
    for row in read_tsv("materiel.tsv", MATERIEL_COLUMNS):
        surface, category, lang, kind, detail, case_sensitive = row
        assert category in MATERIEL_CATEGORIES, row
        assert kind in MATERIEL_KINDS, row
        assert lang in LANGUAGES, row
        assert case_sensitive in ("0", "1"), row
        assert bool(detail) == (kind != "term"), row


def test_media_and_region_rows_are_valid() -> None:
    for surface, outlet, case_sensitive in read_tsv("media.tsv", MEDIA_COLUMNS):
        assert outlet and case_sensitive in ("0", "1"), surface
    for surface, code, lang in read_tsv("regions.tsv", REGION_COLUMNS):
        assert code in REGION_CODES and lang in LANGUAGES, surface


def test_every_language_and_category_is_covered() -> None:
    actors = read_tsv("actors.tsv", ACTOR_COLUMNS)
    materiel = read_tsv("materiel.tsv", MATERIEL_COLUMNS)
    for lang in ("fr", "en", "de", "es"):
        assert sum(row[2] == lang for row in actors) > 300, lang
        terms = {row[1] for row in materiel if row[2] == lang and row[3] == "term"}
        missing = set(MATERIEL_CATEGORIES) - terms
        assert missing == set(), (lang, missing)


def test_surfaces_use_straight_apostrophes() -> None:
    for name, columns in FILES.items():
        assert not any("’" in row[0] for row in read_tsv(name, columns)), name


def test_gazetteers_load_without_build_libraries() -> None:
    # A fresh interpreter: modules this test session imported would hide what loading needs.
    # (How fast loading is belongs to the benchmarks, not to a timed test.)
    script = (
        "import sys\n"
        "from armstrace.gazetteer import load_actors, load_materiel, load_media\n"
        "print(len(load_actors()), len(load_materiel()), len(load_media()))\n"
        "print('babel' in sys.modules, 'pycountry' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    sizes, imported = result.stdout.splitlines()
    assert all(int(n) > 0 for n in sizes.split())
    assert imported == "False False"


def test_french_state_names_keep_their_accents_beside_the_plain_spelling() -> None:
    # The matcher compares lower-cased words, so "l'Égypte" needs the accented row itself.
    rows = {(s, c, lg) for s, c, lg, _, _ in read_tsv("actors.tsv", ACTOR_COLUMNS)}
    for surface, plain, code in [("Égypte", "Egypte", "EGY"), ("Éthiopie", "Ethiopie", "ETH")]:
        assert (surface, code, "fr") in rows
        assert (plain, code, "fr") in rows


def test_every_maker_with_a_home_state_is_a_known_maker() -> None:
    actors = read_tsv("actors.tsv", ACTOR_COLUMNS)
    makers = {code for _, code, _, kind, _ in actors if kind == "nonstate"}
    states = {code for _, code, _, kind, _ in actors if kind == "state"}
    for maker, homes in read_tsv("makers.tsv", MAKER_COLUMNS):
        assert maker in makers
        assert set(homes.split(",")) <= states, maker
