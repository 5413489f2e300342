"""Where an actor sits on the flow map, and what to call it.

States sit at their centroid, the same point the GeoJSON export uses
(`armstrace.resolve.centroid_of`). Armed groups and companies with one home state are drawn at
that state's point, marked as borrowed (`home`, from `data/actor_homes.tsv`); groups of states
(`EU`, `NATO`, `WEST`) and actors without a single home (`al-qaeda`, multinational firms) have
no point, and the map lists their flows apart rather than place them somewhere misleading.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

from armstrace.resolve import centroid_of

_DATA = Path(__file__).parent / "data"

# pycountry's official names are long ("Korea, Democratic People's Republic of"): readers
# of news know these states by their short names.
_SHORT_NAMES = {
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "COD": "DR Congo",
    "COG": "Congo",
    "CZE": "Czechia",
    "FSM": "Micronesia",
    "GBR": "United Kingdom",
    "IRN": "Iran",
    "KOR": "South Korea",
    "LAO": "Laos",
    "MDA": "Moldova",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SYR": "Syria",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "USA": "United States",
    "VEN": "Venezuela",
    "VNM": "Vietnam",
    "XKX": "Kosovo",
}

# Codes of groups and companies that are not written as the slug with capitals.
_GROUP_NAMES = {
    "EU": "European Union",
    "NATO": "NATO",
    "WEST": "Western partners",
    "aqim": "AQIM",
    "bae-systems": "BAE Systems",
    "cjng": "CJNG",
    "csg": "CSG",
    "edge-group": "EDGE Group",
    "eln": "ELN",
    "farc": "FARC",
    "fn-herstal": "FN Herstal",
    "hts": "HTS",
    "iai": "IAI",
    "isis": "Islamic State",
    "iswap": "ISWAP",
    "jnim": "JNIM",
    "kai": "KAI",
    "knds": "KNDS",
    "l3harris": "L3Harris",
    "lna": "LNA",
    "m23": "M23",
    "mbda": "MBDA",
    "pkk": "PKK",
    "pmf": "PMF",
    "rsf": "RSF",
    "sdf": "SDF",
    "tkms": "TKMS",
    "ypg": "YPG",
}

_ALLIANCES = frozenset({"EU", "NATO", "WEST"})


@dataclass(frozen=True)
class Place:
    """An actor as the map and the network draw it."""

    code: str
    name: str
    kind: str  # "state", "alliance" or "group" (armed groups and companies)
    lon: float | None
    lat: float | None
    home: str | None  # the state whose point a non-state actor borrows
    numeric: str | None  # ISO 3166-1 numeric code of a state: the map's country ids


@cache
def _actor_homes() -> dict[str, str]:
    with (_DATA / "actor_homes.tsv").open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["home"] for row in csv.DictReader(handle, delimiter="\t")}


def _is_state_code(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and code.isupper() and code not in _ALLIANCES


def actor_name(code: str) -> str:
    """A readable name for an actor code: "PRK" -> "North Korea", "lockheed-martin" -> ..."""
    if code in _SHORT_NAMES:
        return _SHORT_NAMES[code]
    if code in _GROUP_NAMES:
        return _GROUP_NAMES[code]
    if _is_state_code(code):
        country = pycountry.countries.get(alpha_3=code)
        if country is not None:
            return str(getattr(country, "common_name", None) or country.name)
        return code
    return " ".join(word.capitalize() for word in code.split("-"))


@cache
def place_of(code: str) -> Place:
    """The name, kind and map point of the actor `code` (no point when it has no home)."""
    home: str | None
    if _is_state_code(code):
        kind, home = "state", code
    else:
        kind = "alliance" if code in _ALLIANCES else "group"
        home = _actor_homes().get(code)
    point = centroid_of(home)
    country = pycountry.countries.get(alpha_3=code) if kind == "state" else None
    return Place(
        code=code,
        name=actor_name(code),
        kind=kind,
        lon=point[0] if point else None,
        lat=point[1] if point else None,
        home=home if point else None,
        numeric=str(country.numeric) if country is not None else None,
    )
