"""Resolution through the real pipeline: `armstrace run` with the real extractor.

These tests measure the extractor and the resolver together, so they move with the
extractor's quality. The issue's "Done when" check is
`test_done_when_north_korea_russia_shells_is_one_contested_transfer`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from armstrace.cli import cli
from armstrace.gazetteer import family_of

from .stories import EXAMPLES

SHARED = Path(__file__).resolve().parents[3] / "shared"
pytestmark = [pytest.mark.model, pytest.mark.slow]


def invoke(db: Path, *args: str) -> tuple[int, str]:
    # Wide enough that `show` never wraps a sentence across panel lines.
    result = CliRunner().invoke(
        cli, [*args, "--db", str(db)], env={"COLUMNS": "1000"}, catch_exceptions=False
    )
    return result.exit_code, result.output


def transfers(db: Path, *filters: str) -> list[dict[str, Any]]:
    code, output = invoke(db, "transfers", "--json", *filters)
    assert code == 0, output
    found: list[dict[str, Any]] = json.loads(output)
    return found


def test_run_resolves_example_stories(tmp_path: Path) -> None:
    db = tmp_path / "stories.db"
    code, output = invoke(db, "run", "-q", str(EXAMPLES))
    assert code == 0, output

    (shells,) = transfers(db, "--supplier", "BLR", "--recipient", "RUS", "--materiel", "ammunition")
    assert shells["status"] == "confirmed"
    assert {c["document_id"] for c in shells["claims"]} == {
        "res-a1-us-alleges-belarus-shells",
        "res-a2-belarus-denies-shells",
        "res-a3-belarus-confirms-shells",
    }

    (nasams,) = transfers(db, "--supplier", "NOR", "--materiel", "air_defense_systems")
    assert (nasams["n_documents"], nasams["n_sources"]) == (4, 2)  # three copies count once

    howitzers = transfers(db, "--supplier", "DEU", "--materiel", "artillery_systems")
    assert sorted(t["quantity"]["latest"] for t in howitzers) == [8, 12]  # two tranches

    (samp_t,) = transfers(db, "--supplier", "ITA")
    assert (samp_t["n_documents"], samp_t["n_sources"]) == (2, 2)  # English and French

    # A second run stores nothing and changes no transfer.
    code, output = invoke(db, "run", "-q", str(EXAMPLES))
    assert "0 stored" in output and "0 resolved transfers updated" in output
    assert transfers(db, "--supplier", "BLR", "--materiel", "ammunition") == [shells]


def gold_articles(supplier: str, target: str, family: str) -> set[str]:
    """Ids of the seed and dev articles whose gold reports this flow."""
    found = set()
    for name in ("seeds.gold.jsonl", "written.gold.jsonl"):
        for line in (SHARED / "dev" / name).read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            for transfer in article["transfers"]:
                if (
                    transfer["supplier"] == supplier
                    and target in (transfer["recipient"], transfer["end_user"])
                    and family_of(transfer["materiel"]) == family
                ):
                    found.add(article["id"])
    return found


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not available")
def test_done_when_north_korea_russia_shells_is_one_contested_transfer(tmp_path: Path) -> None:
    db = tmp_path / "dev.db"
    code, output = invoke(db, "run", "-q", str(SHARED / "seeds"), str(SHARED / "dev" / "written"))
    assert code == 0, output
    expected = gold_articles("PRK", "RUS", "ammunition")
    assert len(expected) >= 5

    found = transfers(db, "--supplier", "PRK", "--recipient", "RUS", "--materiel", "ammunition")
    claimed = {c["document_id"] for t in found for c in t["claims"]}
    missing = sorted(expected - claimed)
    assert len(found) == 1 and not missing, (
        f"{len(found)} PRK→RUS ammunition transfers; articles without a claim: {missing}"
    )
    (shells,) = found
    assert shells["status"] == "contested"

    # `armstrace show` traces every claim to its sentence.
    code, output = invoke(db, "show", shells["id"])
    assert code == 0
    for claim in shells["claims"]:
        assert claim["evidence"], claim["document_id"]
        assert claim["evidence"][0]["text"] in output, claim["document_id"]
