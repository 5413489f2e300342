"""Country centroids for maps: where a line from supplier to recipient starts and ends.

The points are in data/country_centroids.tsv (built by build_centroids.py from the countryinfo
package's outlines; provenance in data/SOURCES.md), read once, no network. Only ISO 3166-1
alpha-3 codes have a point: groups of states (EU, NATO, WEST), regions and non-state actors
have none, and callers leave them off the map rather than place them somewhere misleading.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

CENTROIDS_FILE = Path(__file__).with_name("data") / "country_centroids.tsv"

LonLat = tuple[float, float]


@cache
def load_centroids() -> dict[str, LonLat]:
    """ISO3 code -> (longitude, latitude) in degrees (WGS 84, GeoJSON order)."""
    centroids: dict[str, LonLat] = {}
    with CENTROIDS_FILE.open(encoding="utf-8") as lines:
        next(lines)  # header
        for line in lines:
            code, lon, lat, *_ = line.rstrip("\n").split("\t")
            centroids[code] = (float(lon), float(lat))
    return centroids


def centroid_of(code: str | None) -> LonLat | None:
    """The centroid of a state's ISO3 code; None for anything else."""
    if code is None:
        return None
    return load_centroids().get(code)
