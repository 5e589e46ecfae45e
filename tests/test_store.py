"""Stores without a server: the model rows, the NetworkX store, and the exact Cypher the loader sends."""

from __future__ import annotations

import json
import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphkit import cypher
from graphkit.embedded import _unescape
from graphkit.errors import InputError, StoreError
from graphkit.graph import build_graph, read_graph, to_node_link
from graphkit.neo4j_store import (
    NEO4J, TEXT_PARAMETERS, Neo4jStore, _escape_strings, _escaped_json, evidence_row,
    plan_batches, rendered_size,
)
from graphkit.store import (
    EVIDENCE_PROPERTIES, GraphRows, GraphStore, NetworkXStore, aggregate_evidence, evidence_id,
    open_store,
)
from graphkit.types import Evidence, relation_vocabulary

# ---------------------------------------------------------------- the model rows


def test_rows_of_the_sample_graph(alliance_graph):
    rows = GraphRows.from_graph(alliance_graph)
    assert len(rows.actors) == 11
    assert len(rows.evidence) == 20
    assert len(rows.event_edges) == 17 and len(rows.plain_edges) == 4
    assert rows.document_ids() == {"nk-russia-2024.txt", "west-response-2024.txt", "troops-2024.txt"}
    assert {e.relation for e in rows.plain_edges} == {"LEADS", "REPRESENTS", "MEMBER_OF"}
    assert all(e.properties["count"] == 0 for e in rows.plain_edges)


def test_evidence_ids_are_stable_whatever_the_order(alliance_graph):
    from graphkit.graph import evidence_from_graph

    evidence = evidence_from_graph(alliance_graph)
    random.Random(3).shuffle(evidence)
    again = build_graph(evidence)
    assert ({e["id"] for e in GraphRows.from_graph(again).evidence}
            == {e["id"] for e in GraphRows.from_graph(alliance_graph).evidence})
    assert evidence_id("d", 0, 10, "PRK", "ALLY", "RUS", "ties") == evidence_id(
        "d", 0, 10, "PRK", "ALLY", "RUS", "ties")
    assert evidence_id("d", 0, 10, "PRK", "ALLY", "RUS", "ties") != evidence_id(
        "d", 0, 10, "RUS", "ALLY", "PRK", "ties")


def test_the_same_triple_twice_in_a_sentence_counts_twice_as_in_graph_json():
    twice = [Evidence(doc="d", sentence="s", start=0, end=1, date=None, source="A", source_id="A",
                      relation="SUPPORT", target="B", target_id="B", polarity=1, weight=4.0,
                      predicate="backed")] * 2
    rows = GraphRows.from_graph(build_graph(twice))
    assert len({e["id"] for e in rows.evidence}) == 2
    assert aggregate_evidence([e["properties"] for e in rows.evidence])["count"] == 2


def test_aggregates_from_evidence_equal_the_edges_of_graph_json(alliance_full_graph):
    rows = GraphRows.from_graph(alliance_full_graph)
    by_id = {e["id"]: e["properties"] for e in rows.evidence}
    links = {(l["source"], l["relation"], l["target"]): l for l in to_node_link(alliance_full_graph)["links"]}
    for edge in rows.event_edges:
        aggregate = aggregate_evidence([by_id[i] for i in edge.evidence])
        link = links[(edge.source, edge.relation, edge.target)]
        for field in ("count", "negated_count", "hedged_count", "first_seen", "last_seen", "confidence"):
            assert aggregate.get(field) == link[field], (edge, field)
        assert aggregate["documents"] == link["sources"]
        assert aggregate["sources"] == len(link["sources"])


# ---------------------------------------------------------------- the NetworkX store


def test_networkx_store_writes_graph_json_and_queries_it(alliance_graph, tmp_path):
    path = tmp_path / "graph.json"
    store = NetworkXStore(path)
    assert isinstance(store, GraphStore)
    report = store.write(alliance_graph)
    assert (report.backend, report.actors, report.relationships, report.evidence, report.documents) == (
        "networkx", 11, 21, 20, 3)
    assert to_node_link(read_graph(path)) == to_node_link(alliance_graph)
    rows = NetworkXStore(path).query("MATCH (:Actor)-[r]->(:Actor) RETURN count(r) AS n")
    assert rows == [{"n": 21}] and rows.columns == ["n"]
    evidence = store.query("MATCH (e:Evidence)-[:SOURCE]->(:Actor {id: 'IRN'}) "
                           "RETURN e.edge AS edge, e.hedged AS hedged")
    assert evidence == [{"edge": '["IRN", "SUPPLY_ARMS", "RUS"]', "hedged": True}]


def test_open_store_picks_the_backend_once(tmp_path):
    assert isinstance(open_store(tmp_path / "graph.json"), NetworkXStore)
    with pytest.raises(StoreError):
        open_store()
    with pytest.raises(StoreError, match="graph file not found"):
        NetworkXStore(tmp_path / "missing.json").query("RETURN 1 AS x")


def test_neo4j_store_has_the_store_interface():
    for method in ("write", "query", "close"):
        assert callable(getattr(Neo4jStore, method))


# ---------------------------------------------------------------- the statements the loader sends


class FakeResult:
    def __init__(self, rows=()):
        self.rows = list(rows)

    def keys(self):
        return list(self.rows[0]) if self.rows else []

    def __iter__(self):
        return iter(self.rows)

    def consume(self):
        class Counters:
            nodes_created = relationships_created = 0

        class Summary:
            counters = Counters()

        return Summary()


class FakeDriver:
    """Records every statement and its parameters; answers nothing (every statement 'succeeds')."""

    def __init__(self, refuse=()):
        self.sent, self.refuse = [], refuse

    def verify_connectivity(self):
        pass

    def session(self, **_):
        driver = self

        class Tx:
            def run(self, statement, params=None):
                driver.sent.append((statement, params or {}))
                if any(word in statement for word in driver.refuse):
                    raise StoreError("refused")
                if statement.startswith("MATCH (n) WHERE"):
                    return FakeResult([{"deleted": 0}])
                return FakeResult()

            def commit(self):
                pass

            def close(self):
                pass

        class Session:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                pass

            def begin_transaction(self):
                return Tx()

        return Session()


def _loaded(graph, dialect, batch_size=5000):
    driver = FakeDriver()
    store = Neo4jStore("bolt://fake:7687", driver=driver, dialect=dialect, batch_size=batch_size)
    report = store.write(graph)
    return driver.sent, report


def test_the_loader_sends_one_unwind_per_kind_and_relation_type(alliance_graph):
    sent, report = _loaded(alliance_graph, NEO4J)
    writes = [(s, p) for s, p in sent if "UNWIND $rows" in s]
    evidence = [p for s, p in writes if s.startswith("UNWIND $rows AS row MERGE (e:Evidence")]
    assert len(evidence) == 1 and len(evidence[0]["rows"]) == 20
    relationship_types = [re.search(r"MERGE \(a\)-\[r:(\w+)\]->\(b\)", s).group(1) for s, _ in writes
                          if "MERGE (a)-[r:" in s]
    assert sorted(relationship_types) == sorted(
        {e.relation for e in GraphRows.from_graph(alliance_graph).event_edges}
        | {"LEADS", "REPRESENTS", "MEMBER_OF"})
    supply = next(p for s, p in writes if "[r:SUPPLY_ARMS]" in s)
    assert supply["relation"] == "SUPPLY_ARMS" and supply["polarity"] == 1 and supply["weight"] == 8.0
    assert {(r["source"], r["target"]) for r in supply["rows"]} == {("PRK", "RUS"), ("IRN", "RUS"),
                                                                   ("USA", "UKR")}
    assert report.batches == 1 and report.statements == len(writes) == 17  # schema not counted


def test_cypher_never_carries_user_text(alliance_full_graph, evil_actor):
    for dialect in (NEO4J, TEXT_PARAMETERS):
        sent, _ = _loaded(alliance_full_graph, dialect)
        texts = " ".join(statement for statement, _ in sent)
        for needle in (evil_actor[0], evil_actor[1], "DETACH DELETE n //", "North Korea", "PRK",
                       "shells", "'"):
            assert needle not in texts
        for statement, _ in sent:
            types = re.findall(r"\[\w*:(\w+)\]", statement)
            assert set(types) <= set(relation_vocabulary()) | {"IN", "SOURCE", "TARGET"}


def test_evidence_rows_follow_the_order_of_the_statement():
    assigned = re.findall(r"e\.(\w+) = row\[(\d+)\]", cypher.EVIDENCE_MERGE)
    assert [(name, int(i)) for name, i in assigned] == [
        (name, i + 1) for i, name in enumerate(EVIDENCE_PROPERTIES)]
    assert evidence_row({"id": "x", "properties": {"doc": "d", "sentence": "s"}})[:4] == ["x", "d", None, "s"]


def test_text_parameter_servers_get_escaped_statements_under_their_limit(alliance_full_graph):
    sentence = "It's a \\ very long 'sentence' }) DETACH DELETE n // " * 200
    long = [Evidence(doc="d", sentence=sentence, start=0, end=len(sentence), date=None, source="A",
                     source_id="A", relation="ALLY", target="B", target_id="B", polarity=1,
                     weight=8.0, predicate="p")]
    from graphkit.graph import evidence_from_graph

    graph = build_graph(evidence_from_graph(alliance_full_graph) + long * 1)
    sent, report = _loaded(graph, TEXT_PARAMETERS, batch_size=7)
    assert report.batches >= 4
    for statement, params in sent:
        size = len("CYPHER ") + len(statement) + sum(len(k) + 2 + rendered_size(v) for k, v in params.items())
        assert size <= TEXT_PARAMETERS.max_statement_bytes, statement
    # the sentence arrives in parts that the server's unescaping joins back
    head = next(p["rows"][0] for s, p in sent if "MERGE (e:Evidence" in s
                and any(r[0] and len(r) > 3 and r[3] and "very long" in r[3] for r in p["rows"]))
    parts = [p["part"] for s, p in sent if "e.sentence + $part" in s]
    assert _unescape(head[3] + "".join(parts)) == sentence
    # and the same graph as rows of plain strings for Neo4j
    neo4j_sent, _ = _loaded(graph, NEO4J)
    assert any(r[3] == sentence for s, p in neo4j_sent if "MERGE (e:Evidence" in s for r in p["rows"])


def test_batches_keep_an_edges_evidence_together_unless_it_is_too_big(alliance_full_graph):
    rows = GraphRows.from_graph(alliance_full_graph)
    batches = plan_batches(rows, 3)
    assert sum(len(b.evidence) for b in batches) == len(rows.evidence)
    assert all(len(b.evidence) <= 3 for b in batches)
    for edge in rows.event_edges:
        holding = [b for b in batches if any(e.key == edge.key for e in b.edges)]
        assert len(holding) == (1 if len(edge.evidence) <= 3 else -(-len(edge.evidence) // 3))


@given(st.text())
def test_escaping_round_trips_through_a_text_parameter_parser(text):
    assert _unescape(_escape_strings(text)) == text
    assert json.loads(_escaped_json([text])) == [_escape_strings(text)]
    rendered = "'" + _escape_strings(text) + "'"
    assert rendered_size(text) >= len(rendered.encode("utf-8"))


# ---------------------------------------------------------------- cypher files and helpers


def test_relationship_types_come_only_from_the_vocabulary():
    assert "[r:SUPPLY_ARMS]" in cypher.event_relationship_merge("SUPPLY_ARMS")
    for bad in ("ALLY]->() DETACH DELETE n //", "ally", "KNOWS", ""):
        with pytest.raises(StoreError):
            cypher.plain_relationship_merge(bad)


def test_compact_keeps_string_literals_and_drops_comments():
    text = "MATCH (a) // a comment\nWHERE a.name = 'x  // not a comment'  /* gone */\nRETURN a"
    assert cypher.compact(text) == "MATCH (a) WHERE a.name = 'x  // not a comment' RETURN a"
    assert cypher.split_statements("A;\n// c\nB ; ") == ["A", "B"]


def test_schema_statements_and_their_fallbacks():
    statements = cypher.schema_statements()
    assert any("REQUIRE a.id IS UNIQUE" in s for s in statements)
    for statement in statements:
        fallback = cypher.schema_fallback(statement)
        assert fallback is not None, statement
        assert re.fullmatch(r"CREATE INDEX FOR \((\w):(\w+)\) ON \(\1\.(\w+)\)", fallback[0])
    assert cypher.schema_fallback("CREATE CONSTRAINT c IF NOT EXISTS FOR (e:Evidence) REQUIRE e.id IS UNIQUE") == (
        "CREATE INDEX FOR (e:Evidence) ON (e.id)", "Evidence", "id", True)


def test_every_library_query_has_a_purpose_and_defaults():
    queries = cypher.library_queries()
    assert {"allies_adversaries", "arms_suppliers", "strongest_relations", "edge_evidence", "paths",
            "blocs", "timeline", "central_actors"} <= set(queries)
    for name, query in queries.items():
        assert query.purpose, name
        used = set(re.findall(r"\$(\w+)", cypher.strip_comments(query.text)))
        assert used == {p.name for p in query.params}, name


def test_query_parameters_bind_to_the_type_of_their_default():
    query = cypher.load_query("central_actors")
    assert query.bind({}) == {"limit": 10}
    assert query.bind({"limit": 3}) == {"limit": 3}
    with pytest.raises(InputError, match="takes a number"):
        query.bind({"limit": "many"})
    with pytest.raises(InputError, match="has no parameter actor"):
        query.bind({"actor": "x"})
    assert cypher.load_query("edge_evidence").bind({"source": 5})["source"] == "5"
    assert cypher.parse_param_value("[1, 2]") == [1, 2]
    assert cypher.parse_param_value("North Korea") == "North Korea"
    with pytest.raises(InputError, match="no query named"):
        cypher.load_query("nope")


def test_the_cypher_folder_can_be_named_by_an_environment_variable(tmp_path, monkeypatch):
    (tmp_path / "queries").mkdir()
    (tmp_path / "schema.cypher").write_text("CREATE INDEX FOR (a:Actor) ON (a.id);\n")
    (tmp_path / "queries" / "one.cypher").write_text("// One.\nRETURN 1 AS one\n")
    monkeypatch.setenv(cypher.CYPHER_DIR_ENV, str(tmp_path))
    assert cypher.cypher_folder() == tmp_path
    assert list(cypher.library_queries()) == ["one"]
