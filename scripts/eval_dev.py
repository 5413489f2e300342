"""Scores the extractor on the annotated dev sets of ../shared/dev (`make eval`).

    .venv/bin/python scripts/eval_dev.py [--details] [--update-floors] [--allow-regression]

Prints, per dev set, precision/recall/F1 and the accuracy of each attribute, with `--details`
the per-article table and every miss and false alarm. `--update-floors` raises the floors the
quality gate (tests/eval/test_quality_gate.py) pins in tests/eval/floors.json to the measured
figures minus a small margin; floors never go down unless `--allow-regression` is given.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from armstrace.evaluate import format_report, match_transfers, score
from armstrace.quality import default_dev_sets, predict

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = ROOT / "tests" / "eval" / "floors.json"
MARGIN = 0.01  # slack under the measured figure, so floors do not fail on ties


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="per-article table and misses")
    parser.add_argument("--update-floors", action="store_true")
    parser.add_argument("--allow-regression", action="store_true")
    parser.add_argument("--only", help="score only this dev set (seeds, written, wh)")
    parser.add_argument(
        "--mismatches", metavar="FIELD", help="list matched pairs that disagree on FIELD"
    )
    args = parser.parse_args()

    floors = json.loads(FLOORS.read_text("utf-8")) if FLOORS.exists() else {}
    measured: dict[str, dict[str, float]] = {}
    for dev_set in default_dev_sets(SHARED):
        if args.only and dev_set.name != args.only:
            continue
        gold, predicted = predict(dev_set)
        result = score(gold, predicted)
        if args.mismatches:
            _print_mismatches(gold, predicted, args.mismatches)
        print(f"=== {dev_set.name} ===")
        print(format_report(result, show_articles=args.details))
        data = result.to_dict()
        attributes = data["attributes"]
        measured[dev_set.name] = {
            "f1": round(result.f1, 4),
            "stance": round(attributes["stance"]["accuracy"] or 0.0, 4),
            "stage": round(attributes["stage"]["accuracy"] or 0.0, 4),
        }
    print(json.dumps(measured, indent=2))
    if args.update_floors:
        for name, figures in measured.items():
            old = floors.setdefault(name, {})
            for key, value in figures.items():
                new = round(max(0.0, value - MARGIN), 2)
                if new >= old.get(key, 0.0) or args.allow_regression:
                    old[key] = new
        FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", "utf-8")
        print(f"floors written to {FLOORS}")


def _print_mismatches(
    gold: dict[str, list[dict[str, Any]]], predicted: dict[str, list[dict[str, Any]]], field: str
) -> None:
    for article_id, gold_transfers in gold.items():
        predicted_transfers = predicted.get(article_id, [])
        for g, p in match_transfers(gold_transfers, predicted_transfers):
            want, got = gold_transfers[g].get(field), predicted_transfers[p].get(field)
            if isinstance(want, list):
                want, got = sorted(want), sorted(got or [])
            if want != got:
                pair = f"{gold_transfers[g]['supplier']}->{gold_transfers[g]['recipient']}"
                print(f"{article_id[:60]:60} {pair:10} gold={want} predicted={got}")


if __name__ == "__main__":
    main()
