"""The transfer commands of the CLI (transfers, show, remove, resolve, export) over a SQLite file.

The database is filled with the hand-made reports of the example stories, so these tests do
not depend on the extractor; tests/resolve/test_end_to_end.py goes through `armstrace run`.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from armstrace.cli import cli
from armstrace.export import evidence_in_context
from armstrace.pipeline import update_transfers
from armstrace.resolve import centroid_of
from armstrace.store import Repository

from . import stories

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def fill(db: Path, *, resolve: bool = True) -> None:
    """Store the four stories (and a WEST → UKR transfer) in `db`."""
    articles = (
        stories.allegation_denial_confirmation()
        + stories.syndicated_story()
        + stories.two_tranches()
        + stories.translated_story()
    )
    doc = stories.document(
        "res-d1-italy-samp-t", id="west-tanks", text="Western allies will send tanks to Ukraine."
    )
    west = stories.record(
        doc, "Western allies", supplier="WEST", recipient="UKR", materiel="tanks", stage="planned"
    )
    articles.append(stories.article(doc, west))
    with Repository.open(str(db)) as repo:
        repo.save_articles(articles, repo.begin_run([], stories.EXTRACTOR_VERSION))
        if resolve:
            update_transfers(repo)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "stories.db"
    fill(path)
    return path


def invoke(db: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)], env=env, catch_exceptions=False)
    return result.exit_code, result.output


def transfer_id(db: Path, group_key: str) -> str:
    """The id of the one transfer of `group_key`."""
    code, output = invoke(db, "transfers", "--json")
    assert code == 0
    (found,) = [t["id"] for t in json.loads(output) if t["group_key"] == group_key]
    return str(found)


def test_transfers_json_lists_rollups_and_claims(db: Path) -> None:
    code, output = invoke(db, "transfers", "--json", "--supplier", "NOR")
    assert code == 0, output
    (transfer,) = json.loads(output)
    for key in (
        "id",
        "supplier",
        "recipient",
        "end_user",
        "materiel",
        "status",
        "stage",
        "quantity",
        "n_documents",
        "n_sources",
        "first_reported",
        "last_reported",
    ):
        assert key in transfer
    assert (transfer["n_documents"], transfer["n_sources"]) == (4, 2)
    assert transfer["quantity"] == {"min": 2, "max": 2, "latest": 2}
    claim = transfer["claims"][0]
    for key in ("document_id", "stance", "stage", "claimed_by", "denied_by", "sources"):
        assert key in claim
    assert claim["evidence"][0]["text"].startswith("OSLO, March 4")
    assert claim["evidence"][0]["rule_ids"] == ["hand.sentence"]


def test_transfers_table_filters_and_rejects_bad_dates(db: Path) -> None:
    code, output = invoke(db, "transfers", "--status", "confirmed", "--materiel", "ammunition")
    assert code == 0
    assert "1 transfers" in output and "BLR → RUS" in output
    code, output = invoke(db, "transfers", "--since", "2024-09", "--json")
    assert [t["quantity"]["latest"] for t in json.loads(output)] == [8]
    code, output = invoke(db, "transfers", "--since", "yesterday")
    assert code == 2 and "not a date" in output


def test_show_traces_each_claim_to_its_highlighted_sentence(db: Path) -> None:
    shells = transfer_id(db, "BLR|RUS|ammunition")
    code, output = invoke(db, "show", shells, env={"FORCE_COLOR": "1", "COLUMNS": "300"})
    assert code == 0, output
    assert "BLR → RUS · artillery_ammunition · confirmed · delivered" in output
    highlight = "\x1b[30;43m"  # rich's "black on yellow"
    for sentence in ("The United States said", "Belarus on Friday denied", "Belarus has delivered"):
        assert highlight + sentence in output
    assert "https://daily.example/world/belarus-denies-shells" in output
    assert "3 claims in 3 articles from 3 independent sources" in output


def test_show_marks_syndicated_copies(db: Path) -> None:
    code, output = invoke(db, "show", transfer_id(db, "NOR|UKR|air_defense_systems"))
    assert code == 0
    assert output.count("(copy of res-b1-wire-norway-nasams: one source with it)") == 2


def test_show_unknown_id_fails(db: Path) -> None:
    code, output = invoke(db, "show", "nope")
    assert code == 1 and "no transfer 'nope'" in output


def test_remove_retracts_claims_and_reports_missing_ids(db: Path) -> None:
    shells = transfer_id(db, "BLR|RUS|ammunition")
    code, output = invoke(db, "remove", "res-a3-belarus-confirms-shells", "ghost")
    assert code == 1
    assert f"removed res-a3-belarus-confirms-shells: claims retracted from {shells}" in output
    assert "no such document: ghost" in output
    code, output = invoke(db, "transfers", "--json", "--supplier", "BLR")
    (transfer,) = json.loads(output)
    assert (transfer["status"], transfer["n_documents"]) == ("contested", 2)


def test_resolve_command_resolves_unresolved_reports(tmp_path: Path) -> None:
    path = tmp_path / "unresolved.db"
    fill(path, resolve=False)
    assert invoke(path, "transfers", "--json")[1].strip() == "[]"
    code, output = invoke(path, "resolve")
    assert code == 0 and "6 transfers written" in output
    assert len(json.loads(invoke(path, "transfers", "--json")[1])) == 6
    assert "0 groups resolved" in invoke(path, "resolve")[1]


def test_export_transfers_writes_one_json_line_per_transfer(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "transfers.jsonl"
    code, _ = invoke(db, "export", "--format", "transfers", "-o", str(out))
    assert code == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 6
    assert sum(len(t["claims"]) for t in lines) == 13


def test_export_graphml_has_actors_as_nodes_and_transfers_as_edges(
    db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "transfers.graphml"
    code, _ = invoke(db, "export", "--format", "graphml", "-o", str(out))
    assert code == 0
    graph = ElementTree.parse(out).getroot().find(f"{GRAPHML}graph")
    assert graph is not None and graph.get("edgedefault") == "directed"
    nodes = {node.get("id") for node in graph.iter(f"{GRAPHML}node")}
    assert nodes == {"BLR", "RUS", "NOR", "UKR", "DEU", "ITA", "WEST"}
    edges = list(graph.iter(f"{GRAPHML}edge"))
    assert len(edges) == 6
    nasams = next(e for e in edges if e.get("source") == "NOR")
    data = {d.get("key"): d.text for d in nasams.iter(f"{GRAPHML}data")}
    assert (data["e_status"], data["e_n_sources"], data["e_weight"]) == ("confirmed", "2", "2.0")
    kinds = {
        node.get("id"): {d.get("key"): d.text for d in node.iter(f"{GRAPHML}data")}["n_kind"]
        for node in graph.iter(f"{GRAPHML}node")
    }
    assert (kinds["WEST"], kinds["UKR"]) == ("group", "state")


def test_export_geojson_draws_lines_between_centroids(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "transfers.geojson"
    result = CliRunner().invoke(
        cli, ["export", "--format", "geojson", "-o", str(out), "--db", str(db)]
    )
    assert result.exit_code == 0
    assert "1 transfers left out" in result.output  # WEST has no place on a map
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 5
    feature = next(f for f in collection["features"] if f["properties"]["supplier"] == "BLR")
    assert feature["geometry"]["type"] == "LineString"
    assert feature["geometry"]["coordinates"] == [
        list(centroid_of("BLR") or ()),
        list(centroid_of("RUS") or ()),
    ]
    assert len(feature["properties"]["documents"]) == 3


def test_centroids_are_bundled_for_states_only() -> None:
    lon, lat = centroid_of("UKR") or (0.0, 0.0)
    assert 22 < lon < 40 and 44 < lat < 53
    assert centroid_of("WEST") is None
    assert centroid_of("hezbollah") is None


def test_evidence_in_context_stays_in_the_paragraph() -> None:
    text = "First paragraph ends here.\nAlpha beta. The claim sentence. Gamma delta.\nNext."
    start = text.index("The claim")
    end = text.index("Gamma") - 1
    assert evidence_in_context(text, start, end) == (
        "Alpha beta. ",
        "The claim sentence.",
        " Gamma delta.",
    )
    before, _, after = evidence_in_context("word " * 200 + "X." + " word" * 200, 1000, 1002, 20)
    assert before.startswith("…") and after.endswith("…")
