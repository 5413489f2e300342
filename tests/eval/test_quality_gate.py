"""Extraction quality gate (after trafilatura's): scores on ../shared/dev must not fall below
the floors pinned in floors.json. Floors only go up: `scripts/eval_dev.py --update-floors`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armstrace.evaluate import EvalResult
from armstrace.quality import DevSet, default_dev_sets, evaluate_dev_set

SHARED = Path(__file__).resolve().parents[3] / "shared"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text("utf-8"))

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not (SHARED / "dev").is_dir(), reason="../shared/dev not present"),
]


@pytest.fixture(scope="module")
def results() -> dict[str, EvalResult]:
    return {d.name: evaluate_dev_set(d) for d in default_dev_sets(SHARED)}


def _dev_set_names() -> list[str]:
    return [d.name for d in default_dev_sets(SHARED)]


@pytest.mark.parametrize("name", _dev_set_names())
def test_quality_gate_f1_stance_stage_stay_above_floors(
    name: str, results: dict[str, EvalResult]
) -> None:
    result = results[name]
    floors = FLOORS[name]
    attributes = result.to_dict()["attributes"]
    measured = {
        "f1": result.f1,
        "stance": attributes["stance"]["accuracy"] or 0.0,
        "stage": attributes["stage"]["accuracy"] or 0.0,
    }
    below = {k: (round(v, 3), floors[k]) for k, v in measured.items() if v < floors[k]}
    assert not below, f"{name}: measured below floor (measured, floor): {below}"


def test_quality_gate_covers_every_gold_article(results: dict[str, EvalResult]) -> None:
    for dev_set in default_dev_sets(SHARED):
        assert _scored_ids(dev_set, results[dev_set.name]), dev_set.name


def _scored_ids(dev_set: DevSet, result: EvalResult) -> set[str]:
    gold_ids = {json.loads(line)["id"] for line in dev_set.gold.read_text("utf-8").splitlines()}
    scored = {a["article_id"] for a in result.to_dict()["articles"]}
    missing = gold_ids - scored
    assert not missing, f"{dev_set.name}: gold articles not scored: {sorted(missing)[:5]}"
    return scored
