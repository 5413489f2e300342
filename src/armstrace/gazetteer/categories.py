"""Materiel categories, actor kinds and the scoring families of ANNOTATION.md.

Two predictions of different categories still match when they fall in the same family: every
kind of missile is one family, and artillery and other ammunition are one family. The family
names (`missiles`, `ammunition`) are the ones `armstrace.evaluate` uses.
"""

from __future__ import annotations

import re

from armstrace.models import MATERIEL_CATEGORIES

MISSILE_FAMILY = "missiles"
AMMUNITION_FAMILY = "ammunition"

MISSILE_CATEGORIES: frozenset[str] = frozenset(
    {
        "ballistic_missiles",
        "cruise_missiles",
        "air_defense_missiles",
        "antitank_missiles",
        "missiles",
    }
)
AMMUNITION_CATEGORIES: frozenset[str] = frozenset({"artillery_ammunition", "other_ammunition"})

ACTOR_KINDS: tuple[str, ...] = (
    "state",
    "adjective",
    "demonym",
    "capital",
    "org",
    "group",
    "nonstate",
    "person",
)
MATERIEL_KINDS: tuple[str, ...] = ("term", "system", "calibre")
LANGUAGES: tuple[str, ...] = ("fr", "en", "de", "es", "*")
GROUP_CODES: frozenset[str] = frozenset({"EU", "NATO", "WEST"})
# The `via` region slugs of ANNOTATION.md, and a few more regions that news name as routes
# (listing "Latin America" also keeps "America" inside it from being read as the USA).
REGION_CODES: frozenset[str] = frozenset(
    {
        "middle-east",
        "north-africa",
        "central-asia",
        "caucasus",
        "eastern-europe",
        "latin-america",
        "south-america",
        "central-america",
        "north-america",
        "southeast-asia",
        "balkans",
        "sahel",
        "horn-of-africa",
    }
)

# An actor code: an ISO 3166-1 alpha-3 code, a group of states, or the slug of a non-state
# group or a company.
ACTOR_CODE_PATTERN = re.compile(r"^([A-Z]{3}|EU|NATO|WEST|[a-z0-9][a-z0-9-]*)$")


def family_of(category: str) -> str:
    """The scoring family of a materiel category: `missiles`, `ammunition` or the category.

    >>> family_of("cruise_missiles"), family_of("other_ammunition"), family_of("tanks")
    ('missiles', 'ammunition', 'tanks')
    """
    if category not in MATERIEL_CATEGORIES:
        raise ValueError(f"unknown materiel category: {category!r}")
    if category in MISSILE_CATEGORIES:
        return MISSILE_FAMILY
    if category in AMMUNITION_CATEGORIES:
        return AMMUNITION_FAMILY
    return category


def is_state_code(code: str) -> bool:
    """An ISO 3166 alpha-3 state code ("PRK"), not a group ("EU", "NATO") or a slug."""
    return code.isupper() and len(code) == 3


def is_slug(code: str) -> bool:
    """A non-state actor's code: a company's or an armed group's lowercase slug ("anduril",
    "hezbollah")."""
    return code.islower()


def same_family(first: str, second: str) -> bool:
    """Whether two materiel categories would match each other under the scoring rules."""
    return family_of(first) == family_of(second)
