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
    """Build actors.tsv, materiel.tsv, media.tsv and regions.tsv into `out`.

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
    names = {ascii_key(row[0]) for row in actor_rows + media_rows + region_rows}
    materiel_rows, materiel_conflicts = build_materiel_rows(manual, reference, names, common_words)
    report.rows["actors.tsv"] = write_tsv(out / "actors.tsv", ACTOR_COLUMNS, actor_rows)
    report.rows["materiel.tsv"] = write_tsv(out / "materiel.tsv", MATERIEL_COLUMNS, materiel_rows)
    report.rows["media.tsv"] = write_tsv(out / "media.tsv", MEDIA_COLUMNS, media_rows)
    report.rows["regions.tsv"] = write_tsv(out / "regions.tsv", REGION_COLUMNS, region_rows)
    report.conflicts = actor_conflicts + materiel_conflicts
    return report
