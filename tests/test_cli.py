"""End-to-end tests of the command line over a real SQLite file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from armstrace.cli import EXIT_INPUTS_REJECTED, cli

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCHEMA = SHARED / "spec" / "transfers.schema.json"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"

ARTICLE_EN = """Norway sends howitzers to Ukraine

Norway has delivered 22 M109 self-propelled howitzers to Ukraine, the Norwegian defence
ministry said on Monday.
"""
ARTICLE_FR = """La France livre des canons César

La France a livré 12 canons César à l'Ukraine, a annoncé le ministère des Armées.
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "no-howitzers.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (folder / "fr-cesar.txt").write_text(ARTICLE_FR, encoding="utf-8")
    with gzip.open(folder / "feed.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "feed-1", "text": "Markets rose on Tuesday.", "lang": "en"}))
        out.write("\n")
    return folder


def _run(runner: CliRunner, db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli, [*args, "--db", str(db)], catch_exceptions=False)
    return result.exit_code, result.output


def test_run_stores_documents_and_is_idempotent(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    code, output = _run(runner, db, "run", str(corpus))
    assert code == 0, output
    assert "3 documents read, 3 stored" in output
    code, output = _run(runner, db, "run", str(corpus))
    assert code == 0
    assert "3 documents read, 0 stored, 3 unchanged" in output
    code, output = _run(runner, db, "stats", "--json")
    stats = json.loads(output)
    assert stats["documents"] == 3
    assert stats["runs"] == 2


def test_export_records_validate_against_the_schema(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    _run(runner, db, "run", str(corpus))
    out = tmp_path / "records.jsonl"
    code, _ = _run(runner, db, "export", "--format", "records", "-o", str(out))
    assert code == 0
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["id"] for r in records} == {"no-howitzers", "fr-cesar", "feed-1"}
    for record in records:
        jsonschema.validate(record, schema)
    feed = next(r for r in records if r["id"] == "feed-1")
    assert feed["transfers"] == []


def test_export_csv_has_a_header_and_one_row_per_transfer(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    _run(runner, db, "run", str(corpus))
    code, output = _run(runner, db, "export", "--format", "csv")
    assert code == 0
    lines = output.splitlines()
    assert lines[0].startswith("article_id,published,url,supplier,recipient")
    records_code, records = _run(runner, db, "export")
    n_transfers = sum(len(json.loads(line)["transfers"]) for line in records.splitlines())
    assert len(lines) - 1 == n_transfers


def test_run_reports_bad_inputs_and_keeps_stored_data(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    _run(runner, db, "run", str(corpus))
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "broken.jsonl").write_text(
        '{"id": "ok-1", "text": "Fine."}\n{"id": \n', encoding="utf-8"
    )
    code, output = _run(runner, db, "run", str(bad))
    assert code == EXIT_INPUTS_REJECTED
    assert "binary.txt:" in output
    assert "empty.txt:" in output
    assert "broken.jsonl:2:" in output
    stats = json.loads(_run(runner, db, "stats", "--json")[1])
    assert stats["documents"] == 4  # the three earlier ones plus the good JSON line
    assert stats["rejected_inputs"] == 3


def test_eval_scores_stored_articles_against_gold(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    _run(runner, db, "run", str(corpus))
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "feed-1", "transfers": []})
        + "\n"
        + json.dumps(
            {
                "id": "no-howitzers",
                "transfers": [
                    {
                        "supplier": "NOR",
                        "recipient": "UKR",
                        "materiel": "artillery_systems",
                        "stage": "delivered",
                        "stance": "asserted",
                    }
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    code, output = _run(runner, db, "eval", str(gold), "--json")
    assert code == 0
    scores = json.loads(output)
    # Both gold articles are scored; the one gold transfer is either found or listed missed.
    assert {a["article_id"] for a in scores["articles"]} == {"feed-1", "no-howitzers"}
    assert scores["tp"] + scores["fn"] == 1
    assert scores["tp"] == 1 or scores["misses"][0]["supplier"] == "NOR"
    assert 0.0 <= scores["f1"] <= 1.0


def test_every_command_has_help(runner: CliRunner) -> None:
    for name, command in cli.commands.items():  # type: ignore[attr-defined]
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help, name


def test_unreachable_database_is_one_clear_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["stats", "--db", "postgresql://nobody@127.0.0.1:1/none"], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error:")
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="demo corpus not present")
def test_demo_corpus_runs_without_rejections(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    code, output = _run(runner, db, "run", str(EXAMPLES))
    assert code == 0, output
    code, output = _run(runner, db, "table")
    assert code == 0
    assert "transfer reports" in output
