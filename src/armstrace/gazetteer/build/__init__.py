"""Build-time code: turns the reference tables and the hand-written lists into the TSV files.

Run through `scripts/build_gazetteers.py`. Nothing here runs when armstrace extracts: the
product reads only the built files. Babel (CLDR names) is needed here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from armstrace.gazetteer.build.actors import build_actor_rows
from armstrace.gazetteer.build.materiel import build_materiel_rows
from armstrace.gazetteer.build.references import (
    read_common_words,
    read_country_names,
    read_manual_tsv,
)
from armstrace.gazetteer.build.tsv import Row, normalise_cell, write_tsv
from armstrace.gazetteer.load import (
    ACTOR_COLUMNS,
    MAKER_COLUMNS,
    MATERIEL_COLUMNS,
    MEDIA_COLUMNS,
    REGION_COLUMNS,
)
from armstrace.gazetteer.surface_keys import ascii_key

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
MANUAL_DIR = DATA_DIR / "manual"


@dataclass
class BuildReport:
    """What a build wrote, and the disagreements it resolved on the way."""

    rows: dict[str, int] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)


def build_all(reference: Path, corpus: Path, out: Path, manual: Path = MANUAL_DIR) -> BuildReport:
    """Build actors.tsv, makers.tsv, materiel.tsv, media.tsv and regions.tsv into `out`.

    `reference` and `corpus` are shared/reference and shared/corpus.
    """
    report = BuildReport()
    countries = read_country_names()
    common_words = read_common_words(corpus)
    actor_rows, actor_conflicts = build_actor_rows(manual, reference, countries, common_words)
    media_rows: list[Row] = [
        (normalise_cell(r["surface"]), r["outlet"], r["case_sensitive"])
        for r in read_manual_tsv(manual / "media.tsv")
    ]
    region_rows: list[Row] = [
        (normalise_cell(r["surface"]), r["code"], r["lang"])
        for r in read_manual_tsv(manual / "regions.tsv")
    ]
    maker_rows = build_maker_rows(manual, actor_rows)
    names = {ascii_key(row[0]) for row in actor_rows + media_rows + region_rows}
    materiel_rows, materiel_conflicts = build_materiel_rows(manual, reference, names, common_words)
    report.rows["actors.tsv"] = write_tsv(out / "actors.tsv", ACTOR_COLUMNS, actor_rows)
    report.rows["makers.tsv"] = write_tsv(out / "makers.tsv", MAKER_COLUMNS, maker_rows)
    report.rows["materiel.tsv"] = write_tsv(out / "materiel.tsv", MATERIEL_COLUMNS, materiel_rows)
    report.rows["media.tsv"] = write_tsv(out / "media.tsv", MEDIA_COLUMNS, media_rows)
    report.rows["regions.tsv"] = write_tsv(out / "regions.tsv", REGION_COLUMNS, region_rows)
    report.conflicts = actor_conflicts + materiel_conflicts
    return report


def build_maker_rows(manual: Path, actor_rows: list[Row]) -> list[Row]:
    """(maker, home states) rows, checked against the actor gazetteer: every maker must be a
    non-state slug it knows, and every home state a state code it knows."""
    states = {row[1] for row in actor_rows if row[3] == "state"}
    makers = {row[1] for row in actor_rows if row[3] == "nonstate"}
    rows: list[Row] = []
    for number, entry in enumerate(read_manual_tsv(manual / "makers.tsv"), start=2):
        maker, homes = entry["maker"], entry["home_states"].split(",")
        if maker not in makers:
            raise ValueError(f"makers.tsv:{number}: {maker!r} is not a non-state actor slug")
        unknown = [home for home in homes if home not in states]
        if unknown:
            raise ValueError(f"makers.tsv:{number}: unknown state code {unknown[0]!r}")
        rows.append((maker, ",".join(homes)))
    return rows
