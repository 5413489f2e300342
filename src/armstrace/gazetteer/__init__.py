"""Multilingual gazetteers of actors, materiel, news outlets and transit regions.

The data are TSV files in `data/` (built by `scripts/build_gazetteers.py` from the reference
tables and the hand-written lists in `data/manual/`; provenance in `data/SOURCES.md`). This
package depends only on `armstrace.models`.

    from armstrace.gazetteer import load_actors, load_materiel, family_of
    load_actors().normalise("nord-coréens")        # 'PRK'
    load_materiel().categorise("Shahed-136")        # 'drones'
    family_of("cruise_missiles")                    # 'missiles'
"""

from armstrace.gazetteer.calibre import Calibre, find_calibres, parse_calibre
from armstrace.gazetteer.categories import (
    ACTOR_CODE_PATTERN,
    ACTOR_KINDS,
    MATERIEL_KINDS,
    family_of,
    same_family,
)
from armstrace.gazetteer.load import (
    ActorEntry,
    ActorGazetteer,
    Gazetteer,
    GazetteerMatch,
    MaterielEntry,
    MaterielGazetteer,
    MediaEntry,
    MediaGazetteer,
    RegionEntry,
    RegionGazetteer,
    categorise_materiel,
    load_actors,
    load_materiel,
    load_media,
    load_regions,
    maker_home_states,
    normalise_actor,
)

__all__ = [
    "ACTOR_CODE_PATTERN",
    "ACTOR_KINDS",
    "MATERIEL_KINDS",
    "ActorEntry",
    "ActorGazetteer",
    "Calibre",
    "Gazetteer",
    "GazetteerMatch",
    "MaterielEntry",
    "MaterielGazetteer",
    "MediaEntry",
    "MediaGazetteer",
    "RegionEntry",
    "RegionGazetteer",
    "categorise_materiel",
    "family_of",
    "find_calibres",
    "load_actors",
    "load_materiel",
    "load_media",
    "load_regions",
    "maker_home_states",
    "normalise_actor",
    "parse_calibre",
    "same_family",
]
