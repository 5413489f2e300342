"""Builds data/country_centroids.tsv from the country data of the countryinfo package.

Run once, by hand, when the data should change (the product only reads the TSV):

    python -m armstrace.resolve.build_centroids countryinfo-1.0.1-py3-none-any.whl

It reads the wheel as a zip file (countryinfo need not be installed). For each country with an
ISO 3166-1 alpha-3 code it takes the outline polygons of the package's GeoJSON and computes
the area centroid of the largest one (the mainland: overseas territories and islands would
pull a centroid of the whole into the sea); a country without an outline falls back to the
package's approximate `latlng` point. Provenance is written to data/SOURCES.md.
"""

from __future__ import annotations

import ast
import json
import math
import sys
import zipfile
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).with_name("data") / "country_centroids.tsv"
Ring = list[tuple[float, float]]


def _polygons(geojson: Any) -> list[Ring]:
    if isinstance(geojson, str):
        geojson = ast.literal_eval(geojson)  # some files hold it as a Python literal
    rings: list[Ring] = []
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            parts = [geometry["coordinates"]]
        elif geometry.get("type") == "MultiPolygon":
            parts = geometry["coordinates"]
        else:
            continue
        rings.extend([(float(x), float(y)) for x, y, *_ in part[0]] for part in parts)
    return rings


def _area_and_centroid(ring: Ring) -> tuple[float, float, float]:
    """Planar shoelace area (scaled by the cosine of the mean latitude) and centroid."""
    twice_area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        twice_area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if twice_area == 0:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    lon, lat = cx / (3 * twice_area), cy / (3 * twice_area)
    return abs(twice_area) / 2 * math.cos(math.radians(lat)), lon, lat


def centroid(country: dict[str, Any]) -> tuple[float, float, str] | None:
    """(lon, lat, method) of one country record, or None without outline nor point."""
    rings = _polygons(country["geoJSON"]) if country.get("geoJSON") else []
    if rings:
        _, lon, lat = max(_area_and_centroid(ring) for ring in rings)
        return lon, lat, "polygon"
    point = country.get("latlng")
    if point and len(point) == 2:
        return float(point[1]), float(point[0]), "latlng"
    return None


def build(wheel: Path) -> list[tuple[str, float, float, str, str]]:
    """Rows (code, lon, lat, method, name) of every country in the wheel, by code."""
    found: dict[str, tuple[str, float, float, str, str]] = {}
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if not (name.startswith("countryinfo/data/") and name.endswith(".json")):
                continue
            country = json.loads(archive.read(name))
            code = (country.get("ISO") or {}).get("alpha3")
            point = centroid(country) if code else None
            if code and point is not None:
                found[code] = (
                    code,
                    round(point[0], 3),
                    round(point[1], 3),
                    point[2],
                    country["name"],
                )
    return [found[code] for code in sorted(found)]


def main(argv: list[str]) -> int:
    """Write the TSV from the wheel named on the command line."""
    if len(argv) != 1:
        sys.stderr.write("usage: python -m armstrace.resolve.build_centroids WHEEL\n")
        return 2
    lines = ["code\tlon\tlat\tmethod\tname"]
    lines += [
        f"{c}\t{lon}\t{lat}\t{method}\t{name}" for c, lon, lat, method, name in build(Path(argv[0]))
    ]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
