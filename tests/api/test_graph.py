"""GET /api/flows and /api/actors: the aggregated graph behind the map and the network."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_flows_count_every_transfer_with_both_parties(client: TestClient) -> None:
    graph = client.get("/api/flows").json()
    total = client.get("/api/transfers").json()["total"]

    drawn = sum(flow["n_transfers"] for flow in graph["flows"])
    assert drawn + graph["unknown_party"] == total
    for flow in graph["flows"]:
        assert sum(flow["statuses"].values()) == flow["n_transfers"]
        assert sum(flow["materiel"].values()) == flow["n_transfers"]


def test_flows_nodes_place_states_and_name_every_actor(client: TestClient) -> None:
    graph = client.get("/api/flows").json()
    nodes = {node["code"]: node for node in graph["nodes"]}

    assert {f["supplier"] for f in graph["flows"]} | {
        f["recipient"] for f in graph["flows"]
    } == set(nodes)
    russia = nodes["RUS"]
    assert russia["name"] == "Russia"
    assert russia["numeric"] == "643"
    assert 30 < russia["lon"] < 140 and 45 < russia["lat"] < 75
    # Groups of states have no single place; armed groups borrow their home state's point.
    assert nodes["WEST"]["lon"] is None and nodes["WEST"]["kind"] == "alliance"
    assert nodes["hezbollah"]["home"] == "LBN" and nodes["hezbollah"]["lon"] is not None


def test_flows_follow_the_status_filter(client: TestClient) -> None:
    graph = client.get("/api/flows", params={"status": "contested"}).json()

    assert graph["filter"]["status"] == "contested"
    assert graph["flows"]
    assert all(set(flow["statuses"]) == {"contested"} for flow in graph["flows"])


def test_actors_counts_match_the_transfer_filters(client: TestClient) -> None:
    actors = client.get("/api/actors").json()
    by_code = {actor["code"]: actor for actor in actors}

    for code in ("UKR", "PRK", "RUS"):
        supplied = client.get("/api/transfers", params={"supplier": code}).json()["total"]
        received = client.get("/api/transfers", params={"recipient": code}).json()["total"]
        assert by_code[code]["supplied"] == supplied
        assert by_code[code]["received"] == received
    involvement = [a["supplied"] + a["received"] for a in actors]
    assert involvement == sorted(involvement, reverse=True)
