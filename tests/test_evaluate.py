"""Tests of the scorer (armstrace.evaluate) and of the demo corpus's gold file."""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from armstrace.errors import GoldFileError
from armstrace.evaluate import (
    EvalResult,
    format_report,
    load_gold,
    match_transfers,
    materiel_family,
    score,
    transfers_match,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
EXAMPLES_GOLD = EXAMPLES / "gold.jsonl"
DEV_GOLD_FILES = sorted((SHARED / "dev").glob("*.gold.jsonl"))


def transfer(
    supplier: str | None, recipient: str | None, materiel: str, **fields: Any
) -> dict[str, Any]:
    """A transfer record with the scored fields at their neutral values."""
    record: dict[str, Any] = {
        "supplier": supplier,
        "recipient": recipient,
        "end_user": None,
        "materiel": materiel,
        "stage": "delivered",
        "stance": "asserted",
        "quantity": None,
        "via": [],
        "claimed_by": [],
        "denied_by": [],
    }
    record.update(fields)
    return record


def brute_force_maximum(gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> int:
    """The size of a maximum one-to-one matching, by trying every assignment."""
    best = 0
    if len(gold) <= len(predicted):
        for chosen in itertools.permutations(range(len(predicted)), len(gold)):
            size = sum(transfers_match(gold[g], predicted[p]) for g, p in enumerate(chosen))
            best = max(best, size)
    else:
        for chosen in itertools.permutations(range(len(gold)), len(predicted)):
            size = sum(transfers_match(gold[g], predicted[p]) for p, g in enumerate(chosen))
            best = max(best, size)
    return best


def test_materiel_family_groups_missiles_and_ammunition() -> None:
    assert materiel_family("cruise_missiles") == materiel_family("air_defense_missiles")
    assert materiel_family("missiles") == materiel_family("ballistic_missiles")
    assert materiel_family("antitank_missiles") == "missiles"
    assert materiel_family("artillery_ammunition") == materiel_family("other_ammunition")
    assert materiel_family("small_arms_ammunition") == "small_arms_ammunition"
    assert materiel_family("rockets") != materiel_family("missiles")
    assert materiel_family("air_defense_systems") != materiel_family("air_defense_missiles")


def test_transfers_match_accepts_gold_end_user_as_recipient() -> None:
    gold = transfer("KOR", "USA", "artillery_ammunition", end_user="UKR")
    assert transfers_match(gold, transfer("KOR", "UKR", "artillery_ammunition"))
    assert transfers_match(gold, transfer("KOR", "USA", "other_ammunition"))
    assert not transfers_match(gold, transfer("USA", "UKR", "artillery_ammunition"))
    # The end user is not a wildcard in the other direction: a predicted end user is ignored.
    plain_gold = transfer("KOR", "USA", "artillery_ammunition")
    assert not transfers_match(
        plain_gold, transfer("KOR", "UKR", "artillery_ammunition", end_user="USA")
    )


def test_transfers_match_null_supplier_matches_only_null() -> None:
    unknown = transfer(None, "UKR", "drones")
    known = transfer("IRN", "UKR", "drones")
    assert transfers_match(unknown, transfer(None, "UKR", "drones"))
    assert not transfers_match(unknown, known)
    assert not transfers_match(known, unknown)


def test_transfers_match_rejects_other_family_and_other_recipient() -> None:
    gold = transfer("USA", "UKR", "air_defense_missiles")
    assert transfers_match(gold, transfer("USA", "UKR", "missiles"))
    assert not transfers_match(gold, transfer("USA", "UKR", "air_defense_systems"))
    assert not transfers_match(gold, transfer("USA", "POL", "air_defense_missiles"))


def test_score_counts_duplicate_predictions_one_to_one() -> None:
    gold = {"a": [transfer("PRK", "RUS", "artillery_ammunition")]}
    predicted = {
        "a": [
            transfer("PRK", "RUS", "artillery_ammunition"),
            transfer("PRK", "RUS", "other_ammunition"),
        ]
    }
    result = score(gold, predicted)
    assert (result.tp, result.fp, result.fn) == (1, 1, 0)
    assert result.precision == pytest.approx(0.5)
    assert result.recall == pytest.approx(1.0)
    # The exact-materiel prediction is the one paired; the other is the false alarm.
    assert [f.materiel for f in result.false_alarms] == ["other_ammunition"]


def test_match_transfers_is_maximal_where_greedy_fails() -> None:
    gold = [
        transfer("KOR", "USA", "artillery_ammunition", end_user="UKR"),
        transfer("KOR", "UKR", "other_ammunition"),
    ]
    # The first prediction fits both gold transfers, and best (exact materiel) the first one;
    # taking that pair greedily would leave the second prediction with no partner.
    predicted = [
        transfer("KOR", "UKR", "artillery_ammunition"),
        transfer("KOR", "USA", "other_ammunition"),
    ]
    assert match_transfers(gold, predicted) == [(0, 1), (1, 0)]
    result = score({"a": gold}, {"a": predicted})
    assert (result.tp, result.fp, result.fn) == (2, 0, 0)


def test_match_transfers_prefers_exact_materiel_among_maximum_matchings() -> None:
    gold = [
        transfer("USA", "UKR", "artillery_ammunition", stage="delivered"),
        transfer("USA", "UKR", "other_ammunition", stage="planned"),
    ]
    predicted = [
        transfer("USA", "UKR", "other_ammunition", stage="planned"),
        transfer("USA", "UKR", "artillery_ammunition", stage="delivered"),
    ]
    assert match_transfers(gold, predicted) == [(0, 1), (1, 0)]
    result = score({"a": gold}, {"a": predicted})
    assert result.attributes["stage"].accuracy == 1.0
    assert result.attributes["materiel_exact"].accuracy == 1.0


def test_match_transfers_pairs_equal_gold_records_by_stage_and_stance() -> None:
    # Two gold records of one flow kept apart by origin stock; one prediction merges them.
    gold = [
        transfer("USA", "UKR", "artillery_ammunition", stage="planned"),
        transfer("USA", "UKR", "artillery_ammunition", stage="delivered"),
    ]
    predicted = [transfer("USA", "UKR", "artillery_ammunition", stage="delivered")]
    assert match_transfers(gold, predicted) == [(1, 0)]
    result = score({"a": gold}, {"a": predicted})
    assert (result.tp, result.fp, result.fn) == (1, 0, 1)
    assert result.attributes["stage"].accuracy == 1.0


def test_match_transfers_prefers_exact_materiel_over_agreeing_stage() -> None:
    gold = [
        transfer("USA", "UKR", "artillery_ammunition", stage="planned"),
        transfer("USA", "UKR", "other_ammunition", stage="delivered"),
    ]
    predicted = [transfer("USA", "UKR", "artillery_ammunition", stage="delivered")]
    assert match_transfers(gold, predicted) == [(0, 0)]


def test_match_transfers_is_maximum_on_random_articles() -> None:
    rng = random.Random(20240304)
    actors = ["USA", "UKR", "RUS", None]
    categories = [
        "artillery_ammunition",
        "other_ammunition",
        "cruise_missiles",
        "missiles",
        "tanks",
    ]

    def random_transfer() -> dict[str, Any]:
        return transfer(
            rng.choice(actors),
            rng.choice(actors),
            rng.choice(categories),
            end_user=rng.choice([None, None, "UKR"]),
        )

    for _ in range(300):
        gold = [random_transfer() for _ in range(rng.randint(0, 5))]
        predicted = [random_transfer() for _ in range(rng.randint(0, 5))]
        pairs = match_transfers(gold, predicted)
        assert len({g for g, _ in pairs}) == len({p for _, p in pairs}) == len(pairs)
        assert all(transfers_match(gold[g], predicted[p]) for g, p in pairs)
        assert len(pairs) == brute_force_maximum(gold, predicted)
        assert match_transfers(gold, predicted) == pairs  # deterministic


def test_score_attribute_accuracy_over_matched_pairs() -> None:
    gold = {
        "a": [
            transfer(
                "PRK",
                "RUS",
                "artillery_ammunition",
                stage="delivered",
                stance="alleged",
                quantity=None,
                via=["middle-east", "north-africa"],
                claimed_by=["USA"],
                denied_by=["PRK"],
            ),
            transfer("IRN", "RUS", "drones", stage="delivered", quantity=100, claimed_by=["USA"]),
        ],
        "b": [transfer("USA", "UKR", "tanks", stage="planned", quantity=31)],
    }
    predicted = {
        "a": [
            transfer(
                "PRK",
                "RUS",
                "other_ammunition",
                stage="delivered",
                stance="alleged",
                quantity=None,
                via=["north-africa", "middle-east"],  # same set, other order
                claimed_by=["USA"],
                denied_by=[],
            ),
            transfer("IRN", "RUS", "drones", stage="planned", quantity=100, claimed_by=["USA"]),
        ],
        "b": [transfer("USA", "UKR", "tanks", stage="planned", quantity=None)],
    }
    result = score(gold, predicted)
    accuracy = {name: (a.correct, a.total) for name, a in result.attributes.items()}
    assert accuracy == {
        "stage": (2, 3),
        "stance": (3, 3),
        "quantity": (2, 3),  # None == None counts; 31 vs None does not
        "via": (3, 3),
        "claimed_by": (3, 3),
        "denied_by": (2, 3),
        "materiel_exact": (2, 3),
        "end_user": (3, 3),
    }
    assert result.attributes["stage"].accuracy == pytest.approx(2 / 3)


def test_score_missing_list_fields_count_as_empty() -> None:
    gold = {"a": [transfer("USA", "UKR", "tanks")]}
    predicted = {"a": [{"supplier": "USA", "recipient": "UKR", "materiel": "tanks"}]}
    result = score(gold, predicted)
    assert result.tp == 1
    for name in ("via", "claimed_by", "denied_by", "quantity", "end_user"):
        assert result.attributes[name].accuracy == 1.0
    assert result.attributes["stage"].accuracy == 0.0


@pytest.mark.parametrize(
    "gold_path",
    [*DEV_GOLD_FILES, EXAMPLES_GOLD],
    ids=lambda path: path.name,
)
def test_score_gold_against_itself_is_perfect(gold_path: Path) -> None:
    if not gold_path.exists():
        pytest.skip(f"{gold_path} is not available")
    gold = load_gold(gold_path)
    result = score(gold, gold)
    assert result.tp > 0
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert all(a.accuracy == 1.0 for a in result.attributes.values())
    assert not result.misses and not result.false_alarms


def test_score_empty_predictions_miss_everything() -> None:
    gold = load_gold(EXAMPLES_GOLD)
    result = score(gold, {})
    total = sum(len(transfers) for transfers in gold.values())
    assert (result.tp, result.fp, result.fn) == (0, 0, total)
    assert (result.precision, result.recall, result.f1) == (0.0, 0.0, 0.0)
    assert len(result.misses) == total
    assert all(a.accuracy is None for a in result.attributes.values())
    assert len(result.articles) == len(gold)


def test_score_all_negative_articles_with_no_prediction_is_perfect() -> None:
    result = score({"negative": []}, {"negative": []})
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)


def test_score_ignores_but_reports_articles_absent_from_gold() -> None:
    gold = {"a": [transfer("USA", "UKR", "tanks")]}
    predicted = {
        "a": [transfer("USA", "UKR", "tanks")],
        "zz-unknown": [transfer("FRA", "UKR", "aircraft")],
    }
    result = score(gold, predicted)
    assert (result.tp, result.fp, result.fn) == (1, 0, 0)
    assert result.ignored_article_ids == ["zz-unknown"]
    assert [a.article_id for a in result.articles] == ["a"]


def test_score_per_article_breakdown() -> None:
    gold = {
        "one": [transfer("USA", "UKR", "tanks"), transfer("DEU", "UKR", "tanks")],
        "two": [],
    }
    predicted = {
        "one": [transfer("USA", "UKR", "tanks")],
        "two": [transfer("FRA", "UKR", "aircraft")],
    }
    result = score(gold, predicted)
    rows = {a.article_id: (a.tp, a.fp, a.fn) for a in result.articles}
    assert rows == {"one": (1, 0, 1), "two": (0, 1, 0)}
    assert [(m.article_id, m.supplier) for m in result.misses] == [("one", "DEU")]
    assert [(f.article_id, f.supplier) for f in result.false_alarms] == [("two", "FRA")]


def test_result_to_dict_round_trips_through_json() -> None:
    gold = {"a": [transfer("USA", "UKR", "tanks", quantity=31)]}
    predicted = {"a": [transfer("USA", "UKR", "tanks"), transfer("GBR", "UKR", "tanks")]}
    data = json.loads(json.dumps(score(gold, predicted).to_dict()))
    assert (data["tp"], data["fp"], data["fn"]) == (1, 1, 0)
    assert data["precision"] == pytest.approx(0.5)
    assert data["attributes"]["quantity"] == {
        "name": "quantity",
        "correct": 0,
        "total": 1,
        "accuracy": 0.0,
    }
    assert data["false_alarms"][0]["supplier"] == "GBR"
    assert data["articles"] == [
        {"article_id": "a", "gold": 1, "predicted": 2, "tp": 1, "fp": 1, "fn": 0}
    ]


def test_format_report_shows_scores_table_misses_and_false_alarms() -> None:
    gold = {
        "en-01": [transfer("PRK", "RUS", "artillery_ammunition", stance="alleged")],
        "fr-02": [transfer("FRA", "UKR", "cruise_missiles", quantity=40)],
    }
    predicted = {"en-01": [transfer("RUS", "PRK", "artillery_ammunition")], "fr-02": gold["fr-02"]}
    result = score(gold, predicted)
    report = format_report(result, show_articles=True)
    assert "Precision 0.500   Recall 0.500   F1 0.500" in report
    assert "stage" in report and "(1/1)" in report
    assert "en-01" in report and "fr-02" in report
    assert "PRK -> RUS  artillery_ammunition  delivered/alleged" in report
    assert "RUS -> PRK  artillery_ammunition  delivered/asserted" in report
    short = format_report(result, show_articles=False)
    assert "Misses: 1   False alarms: 1" in short
    assert "PRK -> RUS" not in short


def test_format_report_with_no_match_shows_not_applicable() -> None:
    report = format_report(EvalResult(), show_articles=False)
    assert "Precision 1.000" in report
    report = format_report(score({"a": [transfer("USA", "UKR", "tanks")]}, {}), show_articles=True)
    assert "n/a" in report
    assert "Misses (gold transfers not found): 1" in report


def test_load_gold_reads_records_by_id(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    lines = [
        {"id": "a", "transfers": [transfer("USA", "UKR", "tanks")], "notes": "x"},
        {"id": "b", "transfers": []},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    gold = load_gold(path)
    assert list(gold) == ["a", "b"]
    assert gold["a"][0]["supplier"] == "USA"
    assert gold["b"] == []


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ('{"id": "b", "transfers": [', "not valid JSON"),
        ('["b", []]', "expected a JSON object"),
        ('{"transfers": []}', '"id"'),
        ('{"id": "b", "transfers": {"supplier": "USA"}}', '"transfers"'),
        ('{"id": "a", "transfers": []}', "duplicate id 'a'"),
    ],
)
def test_load_gold_malformed_line_names_file_and_line(
    tmp_path: Path, bad_line: str, message: str
) -> None:
    path = tmp_path / "broken.gold.jsonl"
    path.write_text('{"id": "a", "transfers": []}\n\n' + bad_line + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError) as caught:
        load_gold(path)
    assert f"{path}:3:" in str(caught.value)
    assert message in str(caught.value)


def test_load_gold_missing_file_is_a_gold_file_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFileError, match="cannot read gold file"):
        load_gold(tmp_path / "absent.jsonl")


def test_examples_gold_matches_schema() -> None:
    schema = json.loads((SHARED / "spec" / "transfers.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    lines = EXAMPLES_GOLD.read_text(encoding="utf-8").splitlines()
    assert lines
    for number, line in enumerate(lines, start=1):
        errors = [e.message for e in validator.iter_errors(json.loads(line))]
        assert not errors, f"gold.jsonl:{number}: {errors}"


def test_examples_gold_annotates_every_demo_article() -> None:
    articles = EXAMPLES / "articles"
    ids = {path.name.split(".")[0] for path in articles.iterdir() if path.suffix != ".jsonl"}
    for jsonl in articles.glob("*.jsonl"):
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert set(record) == {"id", "title", "url", "published", "lang", "text"}
            ids.add(record["id"])
    gold = load_gold(EXAMPLES_GOLD)
    assert set(gold) == ids
    # The corpus needs negatives and positives in both main languages.
    assert any(not gold[i] for i in ids if i.startswith("en-"))
    assert any(not gold[i] for i in ids if i.startswith("fr-"))
    assert sum(bool(gold[i]) for i in ids) >= 14
