"""Builds the rows of materiel.tsv: category terms, calibres and weapon-system names.

Hand-written terms (four languages, with their plural and case forms) and hand-written
systems come first; a hand-written system decides its surfaces' category. Systems derived
from Kiel, SIPRI and Oryx fill in the long tail. When the derived sources disagree on a
surface, the category with the most supporting rows wins (ties go to the order of
`_CATEGORY_PRIORITY`) and the disagreement is reported. Derived names that are common words
(`designation_denylist.tsv`), that are also materiel terms, or that name an actor or an
outlet are left out; single-word names of letters only match as written.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from armstrace.gazetteer.build.designations import (
    KIEL_CATEGORIES,
    clean_sipri_designation,
    designation_surfaces,
    is_matchable,
    is_single_word_name,
    kiel_names,
    oryx_category,
    oryx_designation,
    sipri_category,
    tidy_designation,
)
from armstrace.gazetteer.build.references import (
    Designation,
    read_kiel,
    read_manual_tsv,
    read_oryx,
    read_sipri,
)
from armstrace.gazetteer.build.tsv import Row, normalise_cell
from armstrace.gazetteer.surface_keys import ascii_key
from armstrace.models import MATERIEL_CATEGORIES

_CATEGORY_PRIORITY = (
    "tanks",
    "armored_vehicles",
    "artillery_systems",
    "air_defense_systems",
    "aircraft",
    "helicopters",
    "drones",
    "naval_vessels",
    "ballistic_missiles",
    "cruise_missiles",
    "air_defense_missiles",
    "antitank_missiles",
    "missiles",
    "rockets",
    "artillery_ammunition",
    "other_ammunition",
    "small_arms",
    "small_arms_ammunition",
    "components",
    "unspecified",
)
_SOURCE_ORDER = {"kiel": 0, "sipri": 1, "oryx": 2}
# Single-word names of these derived categories are mostly names of people, places and
# ships' patrons (SIPRI ship classes, sensors, turrets): never matched alone.
_NO_SINGLE_WORD = frozenset({"naval_vessels", "components"})


def term_rows(manual: Path) -> list[Row]:
    """Category terms of materiel_terms.tsv, one row per written form."""
    rows: list[Row] = []
    for r in read_manual_tsv(manual / "materiel_terms.tsv"):
        for form in r["forms"].split("|"):
            surface = normalise_cell(form)
            rows.append((surface, r["category"], r["lang"], "term", "", r["case_sensitive"]))
    return rows


def calibre_rows(manual: Path) -> list[Row]:
    """Calibres with the category they usually belong to, as "155 mm" and "155mm"."""
    rows: list[Row] = []
    for r in read_manual_tsv(manual / "calibres.tsv"):
        size = r["millimetres"]
        detail = f"{size}mm"
        for surface in (f"{size} mm", detail):
            rows.append((surface, r["category"], "*", "calibre", detail, "0"))
    return rows


def manual_system_rows(manual: Path) -> list[Row]:
    """Weapon systems of systems.tsv, one row per surface."""
    rows: list[Row] = []
    for r in read_manual_tsv(manual / "systems.tsv"):
        for surface in r["surfaces"].split("|"):
            rows.append(
                (
                    normalise_cell(surface),
                    r["category"],
                    r["lang"],
                    "system",
                    r["detail"],
                    r["case_sensitive"],
                )
            )
    return rows


def derived_designations(reference: Path) -> list[Designation]:
    """Designations of the Kiel, SIPRI and Oryx tables with our categories."""
    found: list[Designation] = []
    for kiel_category, item in read_kiel(reference):
        for name in kiel_names(item):
            found.append(Designation(name, KIEL_CATEGORIES[kiel_category], "kiel", 1))
    for designation, description, armament, weight in read_sipri(reference):
        category = sipri_category(armament, description)
        cleaned = clean_sipri_designation(designation)
        if category and cleaned:
            found.append(Designation(cleaned, category, "sipri", weight))
    for system, weight in read_oryx(reference):
        oryx_name = oryx_designation(system)
        oryx = oryx_category(system)
        if oryx_name and oryx:
            found.append(Designation(oryx_name, oryx, "oryx", weight))
    return found


def derived_system_rows(
    designations: list[Designation], blocked_keys: set[str], common_words: set[str]
) -> tuple[list[Row], list[str]]:
    """One row per derived surface, its category decided by the weight of its sources.

    Surfaces in `blocked_keys` are left out, and so are single-word names that are
    `common_words` or belong to `_NO_SINGLE_WORD` categories.
    """
    # surface key → category → summed weight, and its best (source order, detail, surface)
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    forms: dict[str, dict[str, tuple[int, str, str]]] = defaultdict(dict)
    for item in designations:
        designation = tidy_designation(normalise_cell(item.designation))
        if designation is None:
            continue
        for surface, detail in designation_surfaces(designation):
            key = ascii_key(surface)
            if key in blocked_keys or not is_matchable(surface):
                continue
            if is_single_word_name(surface) and (
                key in common_words or item.category in _NO_SINGLE_WORD
            ):
                continue
            votes[key][item.category] += item.weight
            candidate = (_SOURCE_ORDER[item.source], detail, surface)
            best = forms[key].get(item.category)
            if best is None or candidate < best:
                forms[key][item.category] = candidate
    rows: list[Row] = []
    report: list[str] = []
    for key, by_category in votes.items():
        ranked = sorted(by_category, key=lambda c: (-by_category[c], _CATEGORY_PRIORITY.index(c)))
        winner = ranked[0]
        if len(ranked) > 1:
            others = ", ".join(f"{c} ({by_category[c]})" for c in ranked[1:])
            report.append(f"system {key!r}: {winner} ({by_category[winner]}) over {others}")
        _, detail, surface = forms[key][winner]
        exact = "1" if is_single_word_name(surface) else "0"
        rows.append((surface, winner, "*", "system", detail, exact))
    return rows, sorted(report)


def build_materiel_rows(
    manual: Path, reference: Path, other_surfaces: set[str], common_words: set[str]
) -> tuple[list[Row], list[str]]:
    """The rows of materiel.tsv and a report of category disagreements.

    `other_surfaces` are keys of actor and outlet names, which no derived system may take;
    `common_words` are words too common to be a weapon's name on their own.
    """
    terms = term_rows(manual)
    systems = manual_system_rows(manual)
    calibres = calibre_rows(manual)
    denylist = {
        ascii_key(r["surface"]) for r in read_manual_tsv(manual / "designation_denylist.tsv")
    }
    blocked = other_surfaces | denylist | {ascii_key(row[0]) for row in terms + systems + calibres}
    derived, report = derived_system_rows(derived_designations(reference), blocked, common_words)
    rows = terms + calibres + systems + derived
    for row in rows:
        if row[1] not in MATERIEL_CATEGORIES:
            raise ValueError(f"materiel row {row!r}: unknown category")
    report.extend(_term_conflicts(terms + systems))
    return rows, report


def _term_conflicts(rows: list[Row]) -> list[str]:
    categories: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows:
        categories[(ascii_key(row[0]), row[2])].add(row[1])
    return sorted(
        f"materiel surface {key!r} ({lang}) has {', '.join(sorted(found))}"
        for (key, lang), found in categories.items()
        if len(found) > 1
    )
