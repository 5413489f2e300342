"""Materiel phrases whose category comes from the weapon they serve.

"munitions for NASAMS", "additional ammunition for HIMARS rocket launchers", "obus pour les
CAESAR": what moves is that weapon's ammunition, and the weapon named only qualifies it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from armstrace.nlp.mentions import Mention

# The ammunition a weapon of each category fires.
AMMUNITION_OF = {
    "air_defense_systems": "air_defense_missiles",
    "artillery_systems": "artillery_ammunition",
    "tanks": "other_ammunition",
    "armored_vehicles": "other_ammunition",
}
_ROCKET_LAUNCHER = re.compile(r"rocket|roquette|rakete|cohete|himars|mlrs|gmlrs|m270", re.I)
_FOR = frozenset({"for", "pour", "of", "de", "du", "des", "für", "para"})


def ammunition_for_system(sent: Span, materiel: list[Mention]) -> list[Mention]:
    """`materiel` with each "ammunition for <weapon>" read as that weapon's ammunition."""
    out = list(materiel)
    for ammunition in materiel:
        if ammunition.code != "other_ammunition" or ammunition.subkind != "term":
            continue
        root = sent.doc[ammunition.start : ammunition.end].root
        for prep in (c for c in root.children if c.lower_ in _FOR):
            inside = {t.i for t in prep.subtree}
            served = [m for m in materiel if m.start in inside and m.code in AMMUNITION_OF]
            if not served:
                continue
            weapon = served[0]
            phrase = sent.doc[weapon.start : max(m.end for m in served)].text
            code = (
                "rockets"
                if weapon.code == "artillery_systems" and _ROCKET_LAUNCHER.search(phrase)
                else AMMUNITION_OF[weapon.code]
            )
            out = [m for m in out if m not in served and m is not ammunition]
            out.append(replace(ammunition, code=code))
            break
    return sorted(out, key=lambda m: m.start)
