"""Readers for the reference tables in shared/reference and for the country-name libraries.

Each reader returns plain tuples; deciding what to keep is `assemble`'s job. Sources:
SIPRI designations, Oryx system strings, Kiel weapons lists, the CAMEO/Phoenix country
dictionary, pycountry (ISO 3166 codes and English names) and CLDR territory names via Babel.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# Kosovo has no ISO 3166-1 code; XKX is the code the EU and the World Bank use.
KOSOVO = "XKX"
_CAMEO_TO_ISO = {"KSV": KOSOVO}
LANGUAGES = ("fr", "en", "de", "es")


@dataclass(frozen=True)
class Designation:
    """One weapon designation of a reference table, with our category for it."""

    designation: str
    category: str
    source: str  # sipri, oryx, kiel
    weight: int  # how many rows of the source support it


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_manual_tsv(path: Path) -> list[dict[str, str]]:
    """A hand-written TSV of `data/manual/`: header row, tab-separated, no quoting."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ValueError(f"{path.name}:{number}: expected {len(header)} columns")
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def read_sipri(reference: Path) -> list[tuple[str, str, str, int]]:
    """(designation, description, armament category, rows) of the SIPRI designation table."""
    rows = read_csv(reference / "sipri" / "weapon_designations_gazetteer.csv")
    return [
        (r["designation"], r["description"], r["armament_category"], int(r["n_rows"] or 1))
        for r in rows
    ]


def read_oryx(reference: Path) -> list[tuple[str, int]]:
    """(system string, loss records) of the Oryx system table."""
    rows = read_csv(reference / "oryx" / "system_origin_gazetteer.csv")
    return [(r["system"], int(r["n_loss_records"] or 1)) for r in rows]


def read_kiel(reference: Path) -> list[tuple[str, str]]:
    """(Kiel category, weapons-list item) of the Kiel heavy-weapons table."""
    items = []
    for row in read_csv(reference / "kiel" / "weapons.csv"):
        for item in row["weapons_list"].split(";"):
            if item.strip():
                items.append((row["category"], item.strip()))
    return items


def read_common_words(corpus: Path, min_count: int = 2) -> set[str]:
    """Words (case-folded, accents removed) seen at least `min_count` times in the Reuters
    corpus: general newswire of 1987 with almost no arms content, so a word common there is
    a common word or name, not a weapon's name."""
    from armstrace.gazetteer.surface_keys import strip_accents

    counts: Counter[str] = Counter()
    word = re.compile(r"[^\W\d_]+")
    with gzip.open(corpus / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text") or ""
            counts.update(w.casefold() for w in word.findall(text))
    return {strip_accents(w) for w, n in counts.items() if n >= min_count}


_CAMEO_CODE = re.compile(r"\[([A-Z]{3,6})(?:\s+([<>]?[\d-]+))?\]")


def read_cameo_countries(reference: Path) -> list[tuple[str, list[str]]]:
    """(ISO alpha-3 code, names) of each country block of Phoenix.Countries.actors.txt.

    A block is a name line, "+" synonym lines, and code lines; the country's current code is
    the three-letter one without an end date. Person entries (six-letter codes) are skipped.
    """
    path = reference / "cameo" / "Phoenix.Countries.actors.txt"
    blocks: list[tuple[str, list[str]]] = []
    names: list[str] = []
    codes: list[tuple[str, str | None]] = []

    def close() -> None:
        current = [c for c, date in codes if len(c) == 3 and (date is None or date[0] == ">")]
        if names and current:
            blocks.append((_CAMEO_TO_ISO.get(current[-1], current[-1]), list(names)))

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith(("\t", " ")) or line.lstrip().startswith("["):
            codes.extend((m.group(1), m.group(2)) for m in _CAMEO_CODE.finditer(line))
            continue
        if line.startswith("+"):
            names.append(line[1:].strip())
            continue
        close()
        names, codes = [], []
        inline = _CAMEO_CODE.search(line)
        if inline:
            codes.append((inline.group(1), inline.group(2)))
            line = line[: inline.start()]
        names.append(line.strip())
    close()
    return blocks


def cameo_phrase(entry: str) -> str:
    """A CAMEO phrase as text: underscores are spaces ("NORTH_KOREA_" → "NORTH KOREA")."""
    return " ".join(entry.replace("_", " ").split())


@dataclass(frozen=True)
class CountryNames:
    """Names of one state: ISO code, English names from pycountry, CLDR names per language."""

    alpha3: str
    alpha2: str
    iso_names: tuple[str, ...]
    cldr: dict[str, str]


def read_country_names() -> list[CountryNames]:
    """Every ISO 3166-1 state (and Kosovo) with its names. Needs pycountry and Babel."""
    import pycountry
    from babel import Locale

    territories = {lang: Locale(lang).territories for lang in LANGUAGES}
    countries = [(c.alpha_3, c.alpha_2, _pycountry_names(c)) for c in pycountry.countries]
    countries.append((KOSOVO, "XK", ("Kosovo",)))
    result = []
    for alpha3, alpha2, iso_names in sorted(countries):
        cldr = {
            lang: territories[lang][alpha2] for lang in LANGUAGES if alpha2 in territories[lang]
        }
        result.append(CountryNames(alpha3, alpha2, iso_names, cldr))
    return result


def _pycountry_names(country: object) -> tuple[str, ...]:
    names = []
    for attribute in ("name", "official_name", "common_name"):
        value = getattr(country, attribute, None)
        if isinstance(value, str) and value:
            names.append(value)
    return tuple(dict.fromkeys(names))
