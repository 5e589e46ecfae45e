"""The embedded Cypher engine: Neo4j 5 semantics on a small hand-made property graph."""

from __future__ import annotations

import pytest

from graphkit.embedded import CypherEngine, CypherError, PropertyGraph, run_query
from graphkit.errors import StoreError


@pytest.fixture(scope="module")
def engine():
    graph = PropertyGraph()
    a = graph.add_node(["Actor"], {"id": "A", "name": "Alpha", "kind": "country", "aliases": ["a1", "a2"]})
    b = graph.add_node(["Actor"], {"id": "B", "name": "Beta", "kind": "country", "aliases": []})
    c = graph.add_node(["Actor"], {"id": "C", "name": "Gamma", "kind": "group", "aliases": []})
    graph.add_node(["Actor"], {"id": "D", "name": "Delta", "kind": "person", "aliases": [], "affiliation": "A"})
    e = graph.add_node(["Evidence"], {"id": "e1", "sentence": "Alpha backs Beta.", "date": None})
    graph.add_relationship("ALLY", a, b, {"count": 2, "polarity": 1, "weight": 8.0})
    graph.add_relationship("MEET", a, b, {"count": 1, "polarity": 1, "weight": 3.0})
    graph.add_relationship("ALLY", b, c, {"count": 1, "polarity": 1, "weight": 8.0})
    graph.add_relationship("ATTACK", a, c, {"count": 0, "polarity": -1, "weight": -10.0})
    graph.add_relationship("ATTACK", c, a, {"count": 3, "polarity": -1, "weight": -10.0})
    graph.add_relationship("SOURCE", e, a, {})
    graph.add_relationship("TARGET", e, b, {})
    return CypherEngine(graph)


# (query, params, rows) with Neo4j 5 semantics. tests/test_neo4j.py runs them on the
# Bolt test server too; FALKORDB_DIFFERS lists where FalkorDB answers otherwise.
CASES = [
    # matching: labels, property maps, directions, types
    ("MATCH (a:Actor {id: 'A'})-[r]->(b:Actor) RETURN type(r) AS t, b.id AS b ORDER BY t, b",
     {}, [{"t": "ALLY", "b": "B"}, {"t": "ATTACK", "b": "C"}, {"t": "MEET", "b": "B"}]),
    ("MATCH (a:Actor)<-[:ATTACK]-(b) RETURN a.id AS a, b.id AS b ORDER BY a", {},
     [{"a": "A", "b": "C"}, {"a": "C", "b": "A"}]),
    ("MATCH (a:Actor {id: 'A'})-[r:ALLY|MEET]-(b) RETURN count(r) AS n", {}, [{"n": 2}]),
    ("MATCH (a {id: 'A'})--(b) RETURN count(*) AS n", {}, [{"n": 5}]),
    ("MATCH (x:Evidence)-[:SOURCE]->(a), (x)-[:TARGET]->(b) RETURN a.name AS a, b.name AS b", {},
     [{"a": "Alpha", "b": "Beta"}]),
    # variable-length paths, path functions, trail semantics
    ("MATCH p = (a:Actor {id: 'A'})-[:ALLY|MEET*1..2]-(c:Actor {id: 'C'}) "
     "RETURN [n IN nodes(p) | n.id] AS ids, [r IN relationships(p) | type(r)] AS ts, length(p) AS hops "
     "ORDER BY hops, ts", {},
     [{"ids": ["A", "B", "C"], "ts": ["ALLY", "ALLY"], "hops": 2},
      {"ids": ["A", "B", "C"], "ts": ["MEET", "ALLY"], "hops": 2}]),
    ("MATCH (a:Actor {id: 'A'})-[:ALLY|MEET*2]-(b) RETURN b.id AS b ORDER BY b", {},
     [{"b": "A"}, {"b": "A"}, {"b": "C"}, {"b": "C"}]),
    ("MATCH (a:Actor {id: 'C'})-[rs*1..3]->(b) RETURN size(rs) AS n, b.id AS b ORDER BY n, b", {},
     [{"n": 1, "b": "A"}, {"n": 2, "b": "B"}, {"n": 2, "b": "B"}, {"n": 2, "b": "C"},
      {"n": 3, "b": "C"}, {"n": 3, "b": "C"}]),
    # WHERE: null logic, IN, string predicates, label tests, pattern variables
    ("MATCH (a:Actor) WHERE a.affiliation = 'A' OR a.id IN ['B'] RETURN a.id AS id ORDER BY id", {},
     [{"id": "B"}, {"id": "D"}]),
    ("MATCH (a:Actor) WHERE NOT a.affiliation = 'A' RETURN count(*) AS n", {}, [{"n": 0}]),
    ("MATCH (a:Actor) WHERE a.affiliation IS NULL RETURN count(*) AS n", {}, [{"n": 3}]),
    ("MATCH (a:Actor) WHERE $alias IN a.aliases RETURN a.id AS id", {"alias": "a2"}, [{"id": "A"}]),
    ("MATCH (a:Actor) WHERE a.name STARTS WITH 'G' OR a.name ENDS WITH 'ta' AND a.name CONTAINS 'e' "
     "RETURN a.id AS id ORDER BY id", {}, [{"id": "B"}, {"id": "C"}, {"id": "D"}]),
    ("MATCH (n) WHERE n:Evidence RETURN n.id AS id", {}, [{"id": "e1"}]),
    ("MATCH (a:Actor)-[r]-(b:Actor) WHERE a <> b AND r.count > 0 AND a.id = 'A' "
     "RETURN b.id AS b, sum(r.count) AS reports ORDER BY b", {},
     [{"b": "B", "reports": 3}, {"b": "C", "reports": 3}]),
    # aggregation, grouping, DISTINCT, WITH … WHERE
    ("MATCH (a:Actor)-[r]->(:Actor) WITH a, count(r) AS out WHERE out > 1 RETURN a.id AS a, out", {},
     [{"a": "A", "out": 3}]),
    ("MATCH (:Actor)-[r]->(:Actor) RETURN count(*) AS n, count(DISTINCT type(r)) AS types, "
     "sum(r.count) AS reports, avg(r.weight) AS weight, min(r.count) AS low, max(r.count) AS high", {},
     [{"n": 5, "types": 3, "reports": 7, "weight": -0.2, "low": 0, "high": 3}]),
    ("MATCH (a:Actor) WHERE a.id = 'none' RETURN count(*) AS n, collect(a.id) AS ids, sum(1) AS s", {},
     [{"n": 0, "ids": [], "s": 0}]),
    ("MATCH (a:Actor) WHERE a.id = 'none' RETURN a.id AS id, count(*) AS n", {}, []),
    ("MATCH (a:Actor)-->(b:Actor) RETURN DISTINCT a.id AS a ORDER BY a DESC", {},
     [{"a": "C"}, {"a": "B"}, {"a": "A"}]),
    ("MATCH (a:Actor) OPTIONAL MATCH (a)-[r:ALLY]->(b) RETURN a.id AS a, b.id AS b, count(r) AS n "
     "ORDER BY a", {},
     [{"a": "A", "b": "B", "n": 1}, {"a": "B", "b": "C", "n": 1}, {"a": "C", "b": None, "n": 0},
      {"a": "D", "b": None, "n": 0}]),
    ("MATCH (a:Actor) WITH a ORDER BY a.id DESC LIMIT 2 RETURN collect(a.id) AS ids", {},
     [{"ids": ["D", "C"]}]),
    # expressions
    ("RETURN 7 / 2 AS i, -7 / 2 AS j, 7 % 3 AS m, -7 % 3 AS n, 7 / 2.0 AS f, 2 ^ 3 AS p, "
     "1 + 2 * 3 AS q", {}, [{"i": 3, "j": -3, "m": 1, "n": -1, "f": 3.5, "p": 8.0, "q": 7}]),
    ("RETURN null = null AS a, null IN [1] AS b, 2 IN [1, null] AS c, 1 IN [1, null] AS d, "
     "NOT null AS e, null OR true AS f, null AND false AS g", {},
     [{"a": None, "b": None, "c": None, "d": True, "e": None, "f": True, "g": False}]),
    ("RETURN CASE WHEN 1 > 2 THEN 'x' WHEN 2 > 1 THEN 'y' ELSE 'z' END AS g, "
     "CASE 'b' WHEN 'a' THEN 1 WHEN 'b' THEN 2 END AS s", {}, [{"g": "y", "s": 2}]),
    ("RETURN [x IN range(1, 5) WHERE x % 2 = 1 | x * 10] AS l, reduce(s = 0, x IN [1, 2, 3] | s + x) AS r, "
     "all(x IN [1, 2] WHERE x > 0) AS al, any(x IN [1, 2] WHERE x > 1) AS an, "
     "none(x IN [1, 2] WHERE x > 2) AS no, single(x IN [1, 2] WHERE x > 1) AS si", {},
     [{"l": [10, 30, 50], "r": 6, "al": True, "an": True, "no": True, "si": True}]),
    ("RETURN toInteger('42') AS i, toInteger(3.9) AS t, toFloat('1.5') AS f, toString(2) AS s, "
     "toLower('AbC') AS lo, toUpper('a') AS up, trim('  x ') AS tr, size('abc') AS sz, "
     "coalesce(null, 'd') AS co, split('a,b', ',') AS sp, substring('hello', 1, 3) AS su, "
     "replace('aXa', 'X', '-') AS re, round(2.5) AS ro, abs(-2) AS ab", {},
     [{"i": 42, "t": 3, "f": 1.5, "s": "2", "lo": "abc", "up": "A", "tr": "x", "sz": 3, "co": "d",
       "sp": ["a", "b"], "su": "ell", "re": "a-a", "ro": 3.0, "ab": 2}]),
    ("RETURN [1, 2, 3][0] AS h, [1, 2, 3][-1] AS t, [1, 2, 3][1..] AS s, {k: 'v'}.k AS m, "
     "'a' + 1 AS c, [1] + 2 AS l", {},
     [{"h": 1, "t": 3, "s": [2, 3], "m": "v", "c": "a1", "l": [1, 2]}]),
    ("UNWIND [3, null, 1] AS x RETURN x ORDER BY x", {}, [{"x": 1}, {"x": 3}, {"x": None}]),
    ("UNWIND [3, null, 1] AS x RETURN x ORDER BY x DESC", {}, [{"x": None}, {"x": 3}, {"x": 1}]),
    ("UNWIND [[2, 'b'], [1, 'z'], [2, 'a']] AS p RETURN p ORDER BY p", {},
     [{"p": [1, "z"]}, {"p": [2, "a"]}, {"p": [2, "b"]}]),
    ("UNWIND range(1, 10) AS x RETURN x SKIP $skip LIMIT $limit", {"skip": 2, "limit": 3},
     [{"x": 3}, {"x": 4}, {"x": 5}]),
    ("MATCH (a:Actor {id: 'A'}) RETURN a.id AS id UNION MATCH (a:Actor {id: 'A'}) RETURN a.id AS id", {},
     [{"id": "A"}]),
    ("MATCH (a:Actor {id: 'D'}) RETURN a", {},
     [{"a": {"id": "D", "name": "Delta", "kind": "person", "aliases": [], "affiliation": "A"}}]),
    ("MATCH (a:Actor {id: 'A'}) RETURN a.name, a.`id`, labels(a) AS l", {},
     [{"a.name": "Alpha", "a.`id`": "A", "l": ["Actor"]}]),
    ("// a comment\nMATCH (a:Actor) /* inline */ RETURN count(a) AS n;", {}, [{"n": 4}]),
]


FALKORDB_DIFFERS = {
    # without a relationship variable FalkorDB walks node pairs: parallel edges count once
    "MATCH (a {id: 'A'})--(b) RETURN count(*) AS n": "parallel edges collapse",
    "MATCH (a:Actor {id: 'A'})-[:ALLY|MEET*2]-(b) RETURN b.id AS b ORDER BY b": "parallel edges collapse",
    # FalkorDB cannot bind a variable-length relationship to a variable
    "MATCH (a:Actor {id: 'C'})-[rs*1..3]->(b) RETURN size(rs) AS n, b.id AS b ORDER BY n, b":
        "no variable on a variable-length relationship",
}

ENGINE_GRAPH_CYPHER = """
CREATE (a:Actor {id: 'A', name: 'Alpha', kind: 'country', aliases: ['a1', 'a2']}),
       (b:Actor {id: 'B', name: 'Beta', kind: 'country', aliases: []}),
       (c:Actor {id: 'C', name: 'Gamma', kind: 'group', aliases: []}),
       (d:Actor {id: 'D', name: 'Delta', kind: 'person', aliases: [], affiliation: 'A'}),
       (e:Evidence {id: 'e1', sentence: 'Alpha backs Beta.'}),
       (a)-[:ALLY {count: 2, polarity: 1, weight: 8.0}]->(b),
       (a)-[:MEET {count: 1, polarity: 1, weight: 3.0}]->(b),
       (b)-[:ALLY {count: 1, polarity: 1, weight: 8.0}]->(c),
       (a)-[:ATTACK {count: 0, polarity: -1, weight: -10.0}]->(c),
       (c)-[:ATTACK {count: 3, polarity: -1, weight: -10.0}]->(a),
       (e)-[:SOURCE]->(a), (e)-[:TARGET]->(b)
"""  # the graph of the ``engine`` fixture, for a Bolt server


@pytest.mark.parametrize("query, params, expected", CASES, ids=[c[0][:60] for c in CASES])
def test_engine_answers_like_neo4j(engine, query, params, expected):
    assert engine.run(query, params)[1] == expected


@pytest.mark.parametrize("query, message", [
    ("MATCH (a) DETACH DELETE a", "read-only queries: DETACH is not supported"),
    ("CREATE (a:Actor)", "read-only queries: CREATE"),
    ("MERGE (a:Actor {id: 'x'}) RETURN a", "read-only"),
    ("CALL db.labels()", "read-only"),
    ("MATCH (a) RETURN nope(a)", "unknown function nope()"),
    ("MATCH (a) RETURN a.id AS x, a.name AS x", "duplicate column names"),
    ("MATCH (a) WHERE a.id = $missing RETURN a", "missing parameter $missing"),
    ("MATCH (a RETURN a", "expected ')' at line 1, column 10"),
    ("MATCH (a)\nRETURN b", "variable 'b' is not defined"),
    ("MATCH (a)", "must end with RETURN"),
    ("MATCH p = shortestPath((a)-[*]-(b)) RETURN p", "shortestPath is not supported"),
    ("RETURN 1 / 0 AS x", "/ by zero"),
    ("UNWIND [1] AS x RETURN x LIMIT -1", "LIMIT needs a non-negative integer"),
])
def test_engine_errors_are_clear(engine, query, message):
    with pytest.raises(CypherError, match=None) as caught:
        engine.run(query, {})
    assert message in str(caught.value)
    assert isinstance(caught.value, StoreError)


def test_run_query_on_a_graphkit_graph(alliance_graph):
    rows = run_query(alliance_graph, "MATCH (a:Actor)-[r:SUPPLY_ARMS]->(b:Actor) "
                     "RETURN a.id AS a, r.count AS n, r.negated_count AS denied ORDER BY a")
    assert rows == [{"a": "IRN", "n": 1, "denied": 0}, {"a": "PRK", "n": 2, "denied": 1},
                    {"a": "USA", "n": 1, "denied": 0}]
