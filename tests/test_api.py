"""The library API (graphkit.api): tables, evidence, views, compare, save/load, Cypher, builds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import graphkit
from graphkit import api
from graphkit.errors import InputError, StoreError
from graphkit.graph import build_graph
from graphkit.types import Actor, Document, Evidence, relation_vocabulary

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

ACTORS = [
    Actor("PRK", "North Korea", "country", ("Pyongyang",)),
    Actor("RUS", "Russia", "country", ("Moscow", "the Kremlin")),
    Actor("UKR", "Ukraine", "country", ("Kyiv",)),
    Actor("USA", "United States", "country", ("Washington",)),
    Actor("IRN", "Iran", "country", ("Tehran",)),
    Actor("kim-jong-un", "Kim Jong Un", "person", ("Kim",), "PRK"),
    Actor("vladimir-putin", "Vladimir Putin", "person", ("Putin",), "RUS"),
]
NAMES = {a.id: a.name for a in ACTORS}


def evidence(source, relation, target, *, doc="a.txt", start=0, date="2024-06-19", negated=False,
             hedged=False, sentence=None):
    rel = relation_vocabulary()[relation]
    sentence = sentence or f"{NAMES[source]} {relation.lower()} {NAMES[target]} ({start})."
    return Evidence(doc=doc, sentence=sentence, start=start, end=start + len(sentence), date=date,
                    source=NAMES[source], source_id=source, relation=relation, target=NAMES[target],
                    target_id=target, polarity=rel.polarity, weight=rel.weight,
                    predicate=relation.lower(), negated=negated, hedged=hedged, confidence=0.8)


def result_of(rows, structural=()) -> api.Result:
    docs = sorted({r.doc for r in rows})
    graph = build_graph(rows, ACTORS, [Document(id=d, text="", date="2024-06-19") for d in docs],
                        structural)
    return api.Result(graph=graph, evidence=tuple(rows), summary={"documents": len(docs)})


@pytest.fixture
def result() -> api.Result:
    return result_of([
        evidence("PRK", "SUPPLY_ARMS", "RUS", start=0),
        evidence("PRK", "SUPPLY_ARMS", "RUS", start=50, hedged=True),
        evidence("PRK", "SUPPLY_ARMS", "RUS", start=100, negated=True, doc="b.txt"),
        evidence("RUS", "ALLY", "PRK", start=150),
        evidence("RUS", "ATTACK", "UKR", start=200),
        evidence("USA", "SANCTION", "PRK", start=250, doc="b.txt"),
        evidence("USA", "CRITICIZE", "RUS", start=300, doc="b.txt"),
        evidence("kim-jong-un", "MEET", "vladimir-putin", start=350),
        evidence("IRN", "REQUEST", "UKR", start=400),
    ], structural=[("kim-jong-un", "LEADS", "PRK"), ("vladimir-putin", "LEADS", "RUS")])


# ---------------------------------------------------------------- the package


def test_import_graphkit_loads_nothing_heavy():
    code = ("import sys, graphkit; heavy = [m for m in ('graphkit.api', 'pandas', 'spacy', "
            "'networkx', 'neo4j') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_public_names_resolve_lazily():
    assert graphkit.__version__
    for name in graphkit.__all__:
        assert getattr(graphkit, name) is not None
    assert graphkit.build is api.build and graphkit.Result is api.Result
    assert graphkit.InputError is InputError
    assert set(graphkit.__all__) <= set(dir(graphkit))
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        graphkit.nope  # noqa: B018


def test_public_functions_have_docstrings():
    for name in graphkit.__all__:
        assert getattr(graphkit, name).__doc__, name
    for name in ("triples", "actors", "edges", "pairs", "evidence_for", "show", "select", "query",
                 "to_neo4j", "save"):
        assert getattr(api.Result, name).__doc__, name


# ---------------------------------------------------------------- tables


def test_result_is_frozen(result):
    with pytest.raises(AttributeError):
        result.graph = nx.MultiDiGraph()
    assert "9 evidence" in repr(result)


def test_triples_has_the_evidence_columns(result):
    triples = result.triples
    assert list(triples.columns) == list(Evidence.__dataclass_fields__)
    assert len(triples) == 9
    assert triples["negated"].sum() == 1


def test_actors_table(result):
    actors = result.actors.set_index("id")
    assert list(result.actors.columns) == list(api.ACTOR_COLUMNS)
    assert actors.loc["kim-jong-un", "affiliation"] == "PRK"
    assert actors.loc["PRK", "relations"] == 3  # SUPPLY_ARMS, ALLY, SANCTION; LEADS is structural
    assert actors.loc["PRK", "reports"] == 4  # the denial does not count
    assert result.actors.iloc[0]["id"] in ("PRK", "RUS")  # most reports first


def test_edges_table(result):
    edges = result.edges
    assert list(edges.columns) == list(api.EDGE_COLUMNS)
    row = edges[(edges.source_id == "PRK") & (edges.relation == "SUPPLY_ARMS")].iloc[0]
    assert (row.source, row.target, row["count"], row.negated_count, row.hedged_count, row.documents) == \
        ("North Korea", "Russia", 2, 1, 1, 2)
    assert edges.iloc[0].relation == "SUPPLY_ARMS"  # strongest first
    assert edges[edges.structural].relation.tolist() == ["LEADS", "LEADS"]
    assert not edges.iloc[-1]["count"]  # structural edges last


def test_tables_are_new_each_time(result):
    edges = result.edges
    edges["count"] = -1
    assert (result.edges["count"] >= 0).all()


def test_pairs_signed_table(result):
    pairs = result.pairs.set_index(["id_1", "id_2"])
    nk_russia = pairs.loc[("PRK", "RUS")]
    assert (nk_russia.stance, nk_russia.cooperative, nk_russia.hostile) == ("cooperative", 3, 0)
    assert nk_russia.relations == "ALLY, SUPPLY_ARMS →"
    assert nk_russia.score == 24.0
    assert pairs.loc[("RUS", "UKR")].stance == "hostile"
    assert pairs.loc[("RUS", "USA")].relations == "CRITICIZE ←"
    assert pairs.loc[("IRN", "UKR")].stance == "neutral"
    assert pairs.loc[("kim-jong-un", "vladimir-putin")].relations == "MEET"
    assert set(result.pairs.stance) <= set(api.STANCES)


def test_pairs_stance_mixed():
    mixed = result_of([evidence("RUS", "ALLY", "PRK"), evidence("RUS", "CRITICIZE", "PRK", start=9)])
    assert mixed.pairs.iloc[0].stance == "mixed"


# ---------------------------------------------------------------- evidence


def test_evidence_for_one_edge(result):
    rows = result.evidence_for("North Korea", "supply_arms", "Moscow")
    assert len(rows) == 3
    assert set(rows.columns) >= {"source", "relation", "target", "doc", "sentence", "negated", "hedged"}
    assert rows.negated.tolist() == [False, False, True]


def test_evidence_for_a_symmetric_edge_either_way_round(result):
    forward = result.evidence_for("Russia", "ALLY", "North Korea")
    backward = result.evidence_for("PRK", "ALLY", "RUS")
    assert forward.equals(backward) and len(forward) == 1


@pytest.mark.parametrize("args, message", [
    (("Atlantis", "ALLY", "Russia"), "Atlantis"),
    (("Russia", "FRIEND", "Ukraine"), "unknown relation"),
    (("Russia", "SUPPLY_ARMS", "North Korea"), "their edges: North Korea ALLY Russia; North Korea SUPPLY_ARMS"),
    (("Iran", "ALLY", "United States"), "no edge at all"),
])
def test_evidence_for_errors(result, args, message):
    with pytest.raises(InputError, match=message):
        result.evidence_for(*args)


# ---------------------------------------------------------------- views


def test_show_is_an_inline_view(result):
    view = result.show(focus="Russia", depth=1, title="Test")
    page = view._repr_html_()
    assert page.startswith("<iframe") and "srcdoc=" in page


def test_select_state_level_folds_people(result):
    states = result.select(level="state")
    assert "kim-jong-un" not in states.graph and states.graph.has_edge("PRK", "RUS", key="MEET")
    assert {e.source_id for e in states.evidence} <= set(states.graph)
    assert states.summary["documents"] == 2
    assert len(result.graph) == 7  # the original is unchanged


def test_select_by_date():
    rows = [evidence("RUS", "ALLY", "PRK", date="2023-05-01"),
            evidence("RUS", "ATTACK", "UKR", start=9, date="2024-02-01")]
    both = result_of(rows)
    assert both.select(until="2023-12-31").edges.relation.tolist() == ["ALLY"]
    assert both.select(since="2024").edges.relation.tolist() == ["ATTACK"]


# ---------------------------------------------------------------- compare


def test_compare_gained_lost_polarity_relations_same():
    before = result_of([
        evidence("RUS", "ALLY", "PRK"),                       # same
        evidence("RUS", "ATTACK", "UKR", start=1),            # lost
        evidence("USA", "SUPPORT", "RUS", start=2),           # turns hostile
        evidence("IRN", "MEET", "RUS", start=3),              # other relations, still cooperative
    ])
    after = result_of([
        evidence("RUS", "ALLY", "PRK"),
        evidence("USA", "SANCTION", "RUS", start=2),
        evidence("USA", "CRITICIZE", "RUS", start=3),
        evidence("IRN", "SUPPLY_ARMS", "RUS", start=4),
        evidence("IRN", "REQUEST", "UKR", start=5),           # gained
    ])
    diff = api.compare(before, after)
    by_pair = diff.set_index(["id_1", "id_2"])
    assert by_pair.loc[("IRN", "UKR")].change == "gained"
    assert by_pair.loc[("IRN", "UKR")].stance_a == "absent"
    assert by_pair.loc[("RUS", "UKR")].change == "lost"
    assert by_pair.loc[("RUS", "USA")].change == "changed polarity"
    assert (by_pair.loc[("RUS", "USA")].stance_a, by_pair.loc[("RUS", "USA")].stance_b) == ("cooperative", "hostile")
    assert by_pair.loc[("RUS", "USA")].gained_relations == "CRITICIZE ←, SANCTION ←"
    assert by_pair.loc[("RUS", "USA")].lost_relations == "SUPPORT ←"
    assert by_pair.loc[("IRN", "RUS")].change == "changed relations"
    assert by_pair.loc[("PRK", "RUS")].change == "same"
    assert diff.change.tolist() == ["gained", "lost", "changed polarity", "changed relations", "same"]


def test_compare_takes_graphs_and_state_level(result):
    same = api.compare(result.graph, result.graph)
    assert set(same.change) == {"same"}
    folded = api.compare(result, result, level="state")
    assert "kim-jong-un" not in set(folded.id_1) | set(folded.id_2)


def test_compare_empty():
    empty = api.Result(graph=nx.MultiDiGraph())
    assert api.compare(empty, empty).empty


# ---------------------------------------------------------------- files


def test_save_and_load(result, tmp_path):
    paths = result.save(tmp_path / "out", title="Saved")
    assert {p.name for p in paths.values()} == {"triples.jsonl", "graph.json", "graph.html"}
    assert len((tmp_path / "out" / "triples.jsonl").read_text().splitlines()) == 9
    for where in (paths["graph"], tmp_path / "out"):
        loaded = graphkit.load(where)
        assert loaded.edges.equals(result.edges)
        assert len(loaded.evidence) == 9 and loaded.summary["documents"] == 2
        assert loaded.outputs == {"graph": paths["graph"]}


def test_load_errors(tmp_path):
    with pytest.raises(StoreError, match="not found"):
        graphkit.load(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text(json.dumps({"x": 1}))
    with pytest.raises(StoreError, match="not a graphkit graph.json"):
        graphkit.load(tmp_path / "bad.json")


# ---------------------------------------------------------------- Cypher


def test_cypher_library_table():
    library = api.cypher_library()
    assert list(library.columns) == ["name", "purpose", "parameters"]
    assert {"central_actors", "allies_adversaries", "edge_evidence"} <= set(library.name)


def test_query_library_and_text(result):
    counts = result.query("relation_counts")
    assert isinstance(counts, pd.DataFrame) and "relation" in counts.columns
    rows = result.query("edge_evidence", source="North Korea", relation="SUPPLY_ARMS", target="Russia")
    assert len(rows) == 3
    text = result.query("MATCH (a:Actor {id: $id}) RETURN a.name AS name", id="PRK")
    assert text.to_dict("records") == [{"name": "North Korea"}]


def test_query_errors(result):
    with pytest.raises(InputError, match="no query named 'nope'"):
        result.query("nope")
    with pytest.raises(InputError, match="has no parameter"):
        result.query("central_actors", wrong=1)


def test_query_without_the_embedded_engine(result, monkeypatch):
    monkeypatch.setitem(sys.modules, "graphkit.embedded", None)
    with pytest.raises(StoreError, match="embedded Cypher engine"):
        result.query("relation_counts")


@pytest.mark.bolt
def test_neo4j_load_and_query_match_embedded(result, bolt_server):
    uri, user, password = bolt_server
    with graphkit.connect(uri, user, password) as db:
        db.clear()
        report = result.to_neo4j(uri, user, password)
        assert report.relationships == result.graph.number_of_edges()
        assert db.counts()["evidence"] == 9
        for name in ("central_actors", "arms_suppliers", "strongest_relations"):
            assert db.query(name).equals(result.query(name)), name
        db.clear()
        db.load(result)
        assert db.counts()["actors"] == len(result.graph)
        assert "Neo4jDatabase" in repr(db)
        db.clear()


def test_connect_refuses_a_bad_uri():
    with pytest.raises(StoreError, match="invalid Neo4j URI"):
        graphkit.connect("http://localhost:7474")


# ---------------------------------------------------------------- builds with the model


@pytest.mark.model
def test_build_in_memory_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    built = graphkit.build(str(SAMPLES / "aukus_china.txt"), date="15 March 2023")
    assert list(tmp_path.iterdir()) == [] and built.outputs == {}
    assert built.summary["documents"] == 1 and built.summary["seconds"] >= 0
    assert set(built.triples.date) == {"2023-03-15"}
    assert len(built.evidence) == built.summary["evidence"] > 0


@pytest.mark.model
def test_build_dates_by_document_and_outdir(tmp_path):
    dates = {"aukus_china.txt": "2023-03-15", "saudi_iran_detente.txt": "2023-04-07",
             "not_there.txt": "2020-01-01"}
    built = graphkit.build([SAMPLES / "aukus_china.txt", SAMPLES / "saudi_iran_detente.txt",
                            SAMPLES / "nk_russia_nato.txt"], date=dates, outdir=tmp_path / "out")
    by_doc = built.triples.groupby("doc").date.first().to_dict()
    assert by_doc["aukus_china.txt"] == "2023-03-15" and by_doc["saudi_iran_detente.txt"] == "2023-04-07"
    assert pd.isna(by_doc["nk_russia_nato.txt"])
    assert set(built.outputs) == {"triples", "graph", "view"}
    assert all(p.exists() for p in built.outputs.values())
    assert graphkit.load(built.outputs["graph"]).edges.equals(built.edges)


@pytest.mark.model
def test_build_errors(tmp_path):
    with pytest.raises(InputError, match="input not found"):
        graphkit.build(tmp_path / "missing")
    with pytest.raises(InputError, match="at least one"):
        graphkit.build([])
