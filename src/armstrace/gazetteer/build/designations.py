"""Weapon designations from the reference tables, turned into matchable surfaces and categories.

SIPRI writes designations with calibres and type markers ("2S19 152mm", "Patriot SAMS",
"Cheongung MI"), Oryx with counts, calibres and descriptions ("1 155mm Caesar",
"'Orlan-20' reconnaissance UAV"), Kiel with descriptions and counts ("CAESAR artillery
howitzer (19)"). These functions strip that down to names people write in news, add the
code/name halves and the model family ("MIM-104A Patriot" → "MIM-104A", "Patriot", "MIM-104";
"Leopard-2A6" → "Leopard-2") and map each source's categories onto ours.
"""

from __future__ import annotations

import re

# SIPRI type markers written after a designation, and calibres ("152mm").
_SIPRI_MARKERS = re.compile(
    r"\s+(?:-+|SAMS|SAM|MI|AD|ADS|ATM|FIX|TUR|BOMB|ASM|EN|LWT|IFV|AIR|LAND|NAVAL|Land|Naval"
    r"|turret|not ATDB)$"
)
_CALIBRE_SUFFIX = re.compile(r"\s+\d+(?:\.\d+)?mm$")
_POWER_SUFFIX = re.compile(r"\s*\([\d-]+\)$")
# "Leopard-2A6" → "Leopard-2": a name or letter code, a number, then a variant suffix.
_FAMILY = re.compile(r"^([A-Za-z][A-Za-z]*(?:[-/ ][A-Za-z]+)*[- ]?\d+)([A-Z][A-Za-z0-9-]*)$")
_HAS_DIGIT = re.compile(r"\d")
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)")
_HAS_LETTER = re.compile(r"[^\W\d_]")


def clean_sipri_designation(designation: str) -> str | None:
    """A SIPRI designation without its type marker, calibre or power rating; None if generic."""
    text = designation.strip()
    if not text or text[0].islower():
        return None  # "aircraft engine 1001-2000": a size class, not a name
    text = _POWER_SUFFIX.sub("", text)
    for _ in range(2):  # "Barak-1 SAMS", "GDF 35mm": a marker and a calibre at most
        text = _SIPRI_MARKERS.sub("", text)
        text = _CALIBRE_SUFFIX.sub("", text)
    return text.strip() or None


def family_base(designation: str) -> str | None:
    """The model family of a variant designation ("T-72B3" → "T-72"), or None."""
    match = _FAMILY.match(designation)
    if not match:
        return None
    base = match.group(1)
    return base if _HAS_LETTER.search(base) and len(base) >= 3 else None


def split_code_and_name(designation: str) -> list[str]:
    """The code and the name of "<code> <Name>" designations ("9M723 Iskander").

    Returns [] when the designation is not of that shape.
    """
    parts = designation.split(" ")
    if len(parts) != 2:
        return []
    code, name = parts
    if _HAS_DIGIT.search(code) and _HAS_LETTER.search(code) and name[:1].isupper():
        return [code, name]
    return []


def tidy_designation(designation: str) -> str | None:
    """A designation without parenthesised parts; None for combined ones ("Mi-8/17").

    A slash between letters stays ("F/A-18", "SAMP/T"); elsewhere it joins two models.
    """
    text = " ".join(_PARENTHESIS.sub("", designation).split())
    if "/" in text and not re.fullmatch(r"[^/]*\b[A-Z]+/[A-Z][^/]*", text):
        return None
    return text or None


def designation_surfaces(designation: str) -> list[tuple[str, str]]:
    """(surface, detail) for the full designation, its halves and its families.

    The detail is the designation itself, except for a family, which is its own detail
    ("T-72B3" gives ("T-72B3", "T-72B3") and ("T-72", "T-72")).
    """
    surfaces = [designation, *split_code_and_name(designation)]
    found = dict.fromkeys(surfaces, designation)
    for surface in surfaces:
        base = family_base(surface)
        if base and base not in found:
            found[base] = base
    return list(found.items())


def is_single_word_name(surface: str) -> bool:
    """A name of letters only ("Patriot", "Club"): such names match only as written."""
    return bool(re.fullmatch(r"[^\W\d_]+", surface))


# One letter and a short number ("M-1", "G-5", "A-4E") names a motorway, a paper size or a
# summit as often as a weapon; the famous ones (F-16, T-72) are in the hand-written list.
_LETTER_AND_SHORT_NUMBER = re.compile(r"^[^\W\d_][- ]?\d{1,2}[^\W\d_]?$")


def is_matchable(surface: str) -> bool:
    """Whether a derived surface is specific enough to find in running text.

    It needs a letter, at least three characters, and either a digit or four letters; one
    letter with a one- or two-digit number is not enough.
    """
    letters = len(_HAS_LETTER.findall(surface))
    if letters == 0 or len(surface.replace(" ", "")) < 3:
        return False
    if _LETTER_AND_SHORT_NUMBER.match(surface):
        return False
    return bool(_HAS_DIGIT.search(surface)) or letters >= 4


# SIPRI armament category + description → our category. Descriptions are matched by the
# first rule whose words they contain; None drops the row.
_SIPRI_MISSILE_RULES: tuple[tuple[tuple[str, ...], str | None], ...] = (
    (("one-way attack drone", "loitering munition"), "drones"),
    (("guided shell",), "artillery_ammunition"),
    (("guided bomb", "guided glide bomb", "torpedo", "mine"), "other_ammunition"),
    (("guided rocket/air-to-surface",), "missiles"),
    (("guided rocket",), "rockets"),
    (("ballistic",), "ballistic_missiles"),
    (("anti-tank",), "antitank_missiles"),
    (("anti-ship missile/asm/sam",), "missiles"),
    (("air-to-air missile/sam",), "air_defense_missiles"),
    (("sam", "abm"), "air_defense_missiles"),
    (("anti-ship/surface-to-surface",), "missiles"),
    (("anti-ship", "land-attack"), "cruise_missiles"),
)


def sipri_category(armament_category: str, description: str) -> str | None:
    """Our materiel category for a SIPRI designation row, or None for what we do not code."""
    text = description.casefold()
    if armament_category == "Missiles":
        for words, category in _SIPRI_MISSILE_RULES:
            if any(word in text for word in words):
                return category
        return "missiles"  # air-to-air, air-to-surface, anti-radar, surface-to-surface
    if armament_category == "Artillery":
        return "components" if "turret" in text else "artillery_systems"
    if armament_category == "Air-defence systems":
        return "air_defense_systems"
    if armament_category == "Naval weapons":
        return "air_defense_systems" if "sam" in text else "components"
    if armament_category == "Sensors":
        # Radars count as air defence; radars and sensors built into aircraft are parts.
        if "radar" in text and "aircraft" not in text and "helicopter" not in text:
            return "air_defense_systems"
        return "components"
    if armament_category == "Armoured vehicles":
        if "chassis" in text:
            return "components"
        if text in ("tank", "light tank", "training tank"):
            return "tanks"
        return "armored_vehicles"
    if armament_category == "Aircraft":
        if "uav" in text:
            return "drones"
        if "helicopter" in text:
            return "helicopters"
        return "aircraft"
    if armament_category == "Ships":
        return "naval_vessels"
    if armament_category in ("Engines", "Other"):
        return "components"
    return None  # satellites


KIEL_CATEGORIES = {
    "Tanks": "tanks",
    "IFV": "armored_vehicles",
    "Howitzers": "artillery_systems",
    "MLRS": "artillery_systems",
    "Air Defense": "air_defense_systems",
}
_KIEL_ITEM = re.compile(r"^(?P<name>.+?)\s*\((?P<count>\d+)\)$")


def kiel_names(item: str) -> list[str]:
    """Names in one Kiel weapons-list item ("CAESAR artillery howitzer (19)" → ["CAESAR"])."""
    match = _KIEL_ITEM.match(item.strip())
    text = match.group("name") if match else item.strip()
    names: list[str] = []
    for inner in _PARENTHESIS.findall(text):
        if re.fullmatch(r"[A-Z][A-Za-z0-9-]+", inner):
            names.append(inner)  # an acronym: "(NASAMS)"
    text = _PARENTHESIS.sub("", text).strip()
    text = re.sub(r"\s+\d+(?:\.\d+)?mm\b", "", text)  # "FH70 155mm howitzer"
    words = [w for w in text.split() if w not in ("Modified",)]
    kept: list[str] = []
    for word in words:
        if word[:1].islower() or word in ("Howitzer", "Tank", "MLRS"):
            break  # descriptions follow the name: "artillery howitzer", "air defence system"
        kept.append(word)
    if kept:
        names.insert(0, " ".join(kept))
    return list(dict.fromkeys(names))


# Oryx strings: a description word → our category, in order.
_ORYX_KEYWORDS: tuple[tuple[str, str], ...] = (
    (r"\buav\b|drone|loitering munition|unmanned", "drones"),
    (r"radar", "air_defense_systems"),
    (r"\bsam\b|\bspaag\b|anti-aircraft|air defen[cs]e", "air_defense_systems"),
    (r"helicopter", "helicopters"),
    (r"aircraft|fighter|bomber|\bjet\b", "aircraft"),
    (r"\bboat\b|\bship\b|vessel|submarine|corvette|frigate|cruiser|landing craft", "naval_vessels"),
    (r"\btank\b", "tanks"),
    (
        r"howitzer|self-propelled gun|field gun|\bmrl\b|rocket launcher|mortar|gun-howitzer",
        "artillery_systems",
    ),
    (
        r"\bifv\b|\bapc\b|infantry fighting|armou?red|\bmrap\b|\bimv\b|vehicle|truck",
        "armored_vehicles",
    ),
)
# Designation prefixes whose family is known whatever the description says.
_ORYX_PREFIXES: tuple[tuple[str, str], ...] = (
    (r"^T-\d", "tanks"),
    (r"^(BMP|BMD|BTR|BRDM|MT-LB|BTR|BMO)\b", "armored_vehicles"),
    (r"^2S\d", "artillery_systems"),
    (r"^(Mi|Ka)-\d", "helicopters"),
    (r"^(Su|MiG|Tu|Il|Yak|An|Be)-\d", "aircraft"),
    (r"^(KamAZ|Ural|GAZ|UAZ|KrAZ|ZiL|MAZ)-\d", "armored_vehicles"),
)
_ORYX_COUNT = re.compile(r"^\d+\s+(?=\S)")
_ORYX_CALIBRE = re.compile(r"^\d+(?:\.\d+)?mm\s+")
_ORYX_STOP = re.compile(r"^(?:\(|with\b|and\b|for\b|of\b|UAV\b|MRAP\b|IFV\b|APC\b|SAM\b|MRL\b)")


def oryx_category(system: str) -> str | None:
    """Our category for an Oryx system string, from its description words or its prefix."""
    text = system.casefold()
    for pattern, category in _ORYX_KEYWORDS:
        if re.search(pattern, text):
            return category
    name = oryx_designation(system) or ""
    for pattern, category in _ORYX_PREFIXES:
        if re.search(pattern, name):
            return category
    return None


def oryx_designation(system: str) -> str | None:
    """The designation in an Oryx system string ("1 155mm AS-90 self-propelled howitzer" →
    "AS-90"), or None when it has no code-like designation (with a digit)."""
    text = _ORYX_COUNT.sub("", system.strip())
    text = _ORYX_CALIBRE.sub("", text)
    text = text.replace("''", "").replace("'", "").replace("“", "").replace("”", "")
    if text.startswith(("Unknown", "(Unknown)")):
        return None
    kept: list[str] = []
    for word in text.split():
        if word[:1].islower() or _ORYX_STOP.match(word) or word.endswith((":", ",")):
            if word.endswith((":", ",")) and not word[:1].islower():
                kept.append(word[:-1])
            break
        kept.append(word)
    if not kept or not _HAS_DIGIT.search(kept[0]) or not _HAS_LETTER.search(kept[0]):
        return None
    # A code and at most one name word after it: "Orlan-20 Kartograf", "M1117 Guardian".
    return " ".join(kept[:2]) if len(kept) > 1 and not _HAS_DIGIT.search(kept[1]) else kept[0]
