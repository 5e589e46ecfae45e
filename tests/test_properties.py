"""Properties that must hold for any input (hypothesis): order does not matter, files round-trip.

- ``build_graph`` gives the same graph whatever the order of the evidence, the
  actors, the documents and the structural edges;
- ``evidence_from_graph`` is the inverse of ``build_graph``;
- ``write_graph``/``read_graph`` and ``write_evidence``/``read_evidence`` give
  back what was written, for any text (quotes, markup, control characters,
  any script);
- the error analysis and confidence ranking of ``graphkit eval`` do not depend
  on the order of the system rows (``score`` itself: tests/test_evaluate.py,
  test_figures_do_not_depend_on_order).

Two order dependences that the general property leaves out (it keeps one
surface name per actor id and one row per edge, document, offset, predicate
and flags) are pinned by the two examples at the end (they were xfail until the fix).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphkit.evaluate import confidence_ranking, error_analysis, load_affiliations, load_gold
from graphkit.graph import build_graph, edge_key, evidence_from_graph, read_graph, to_node_link, write_graph
from graphkit.pipeline import read_evidence, write_evidence
from graphkit.types import Actor, Document, Evidence, event_relations, relation_vocabulary

VOCABULARY = relation_vocabulary()
EVENTS = list(event_relations())
STRUCTURAL = ["LEADS", "REPRESENTS", "MEMBER_OF"]
DEV_GOLD = Path(__file__).parent / "data" / "dev-gold"

# text that may hold anything a document can: markup, quotes, control characters, any script
# (not lone surrogates: ingest never yields them once decoded; see test_faults.py for JSON escapes)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
HOSTILE = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "\"'`\\",
    "}) DETACH DELETE n //", "\u202eevil\u202c", "\x00\x1b[31m\x7f", "Ünïcödé — “quotes”", "\u2028\u2029", "",
])
NAME = st.one_of(TEXT, HOSTILE)

KNOWN = [
    Actor("PRK", "North Korea", "country", ("Pyongyang", "DPRK")),
    Actor("RUS", "Russia", "country", ("Moscow", "the Kremlin")),
    Actor("UKR", "Ukraine", "country", ("Kyiv",)),
    Actor("NATO", "NATO", "organization", ("the Alliance",)),
    Actor("kim-jong-un", "Kim Jong Un", "person", ("Kim",), "PRK"),
    Actor("vladimir-putin", "Vladimir Putin", "person", ("Putin",), "RUS"),
]
# ids the actor list does not know: their node takes the evidence's surface name
UNKNOWN = {"alert-front": "Alert Front", "x-script-x": "<script>alert(1)</script>", "wagner": "Wagner"}
NAMES = {**{a.id: a.name for a in KNOWN}, **UNKNOWN}
IDS = sorted(NAMES)
DOCS = ["a.txt", "b/c.txt", "<doc>&amp;.jsonl#3"]
DATES = {"a.txt": "2024-06-19", "b/c.txt": None, "<doc>&amp;.jsonl#3": "2025-01-02"}


@st.composite
def evidence_rows(draw, relations=EVENTS + STRUCTURAL):
    """An evidence row as the extractor makes them: one sentence, one date per (doc, start)."""
    source, target = draw(st.sampled_from(IDS)), draw(st.sampled_from(IDS))
    relation = draw(st.sampled_from(relations))
    doc, start = draw(st.sampled_from(DOCS)), draw(st.integers(0, 6)) * 50
    sentence = f"Sentence {start} of {doc}: {NAMES[source]} … {NAMES[target]}."
    rel = VOCABULARY[relation]
    return Evidence(
        doc=doc, sentence=sentence, start=start, end=start + len(sentence), date=DATES[doc],
        source=NAMES[source], source_id=source, relation=relation, target=NAMES[target], target_id=target,
        polarity=rel.polarity, weight=rel.weight, predicate=draw(st.sampled_from(["signed", "met", "sent", "x"])),
        negated=draw(st.booleans()), hedged=draw(st.booleans()),
        attributed_to=draw(st.sampled_from([None, "Seoul", "officials <b>"])),
        confidence=draw(st.sampled_from([0.5, 0.65, 0.8, 0.9])),
    )


def _row_key(e: Evidence) -> tuple:
    """What build_graph sorts an edge's evidence by (plus the edge)."""
    return edge_key(e.source_id, e.relation, e.target_id), e.doc, e.start, e.predicate, e.negated, e.hedged


EVIDENCE = st.lists(evidence_rows(), max_size=30, unique_by=_row_key)
DOCUMENTS = [Document(id=d, text="", title=f"Title of {d}" if i else None, date=DATES[d], url=None)
             for i, d in enumerate(DOCS)]
STRUCTURAL_EDGES = [("kim-jong-un", "LEADS", "PRK"), ("vladimir-putin", "LEADS", "RUS"),
                    ("vladimir-putin", "REPRESENTS", "RUS"), ("UKR", "MEMBER_OF", "NATO")]


def canonical(graph: nx.MultiDiGraph) -> str:
    """Node-link JSON with nodes and links in a fixed order."""
    data = to_node_link(graph)
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["links"] = sorted(data["links"], key=lambda e: (e["source"], e["target"], e["key"]))
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


# ---------------------------------------------------------------- aggregation


@settings(max_examples=80, deadline=None)
@given(rows=EVIDENCE, data=st.data())
def test_build_graph_does_not_depend_on_order(rows, data):
    expected = canonical(build_graph(rows, KNOWN, DOCUMENTS, STRUCTURAL_EDGES))
    shuffled = build_graph(data.draw(st.permutations(rows)), data.draw(st.permutations(KNOWN)),
                           data.draw(st.permutations(DOCUMENTS)), data.draw(st.permutations(STRUCTURAL_EDGES)))
    assert canonical(shuffled) == expected


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(evidence_rows(relations=EVENTS), max_size=30))
def test_evidence_from_graph_inverts_build_graph(rows):
    graph = build_graph(rows, KNOWN, DOCUMENTS)
    again = build_graph(evidence_from_graph(graph), KNOWN, DOCUMENTS)
    assert canonical(again) == canonical(graph)
    assert sum(d["count"] + d["negated_count"] for _, _, d in graph.edges(data=True)) == len(rows)


# ---------------------------------------------------------------- files round-trip


@st.composite
def any_graph(draw) -> nx.MultiDiGraph:
    """A graph whose every name, alias, title, sentence and attribution may be hostile."""
    ids = draw(st.lists(st.one_of(st.sampled_from(IDS), TEXT.filter(bool)), min_size=1, max_size=6, unique=True))
    names = {i: draw(NAME) for i in ids}
    actors = [Actor(i, names[i], draw(st.sampled_from(["country", "organization", "person", "group"])),
                    tuple(draw(st.lists(NAME, max_size=3))), draw(st.one_of(st.none(), st.sampled_from(ids))))
              for i in ids if draw(st.booleans())]
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        source, target = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        relation = draw(st.sampled_from(EVENTS))
        rel, sentence = VOCABULARY[relation], draw(NAME)
        start = draw(st.integers(0, 10**9))
        rows.append(Evidence(
            doc=draw(NAME), sentence=sentence, start=start, end=start + len(sentence),
            date=draw(st.one_of(st.none(), st.dates().map(str), NAME)), source=names[source], source_id=source,
            relation=relation, target=names[target], target_id=target, polarity=rel.polarity, weight=rel.weight,
            predicate=draw(NAME), negated=draw(st.booleans()), hedged=draw(st.booleans()),
            attributed_to=draw(st.one_of(st.none(), NAME)),
            confidence=draw(st.floats(0, 1, allow_nan=False)),
        ))
    documents = [Document(id=draw(NAME), text="", title=draw(st.one_of(st.none(), NAME)),
                          date=draw(st.one_of(st.none(), NAME)), url=draw(st.one_of(st.none(), NAME)))
                 for _ in range(draw(st.integers(0, 3)))]
    return build_graph(rows, actors, documents)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(graph=any_graph())
def test_graph_file_round_trip(tmp_path, graph):
    path = tmp_path / "graph.json"
    write_graph(graph, path)
    back = read_graph(path)
    assert canonical(back) == canonical(graph)
    assert back.graph == graph.graph
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True), key=repr) == sorted(graph.edges(keys=True, data=True), key=repr)
    first = path.read_bytes()
    write_graph(back, path)
    assert path.read_bytes() == first  # a second round trip changes nothing, byte for byte


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(graph=any_graph())
def test_triples_file_round_trip(tmp_path, graph):
    rows = evidence_from_graph(graph)
    path = tmp_path / "triples.jsonl"
    assert write_evidence(iter(rows), path) == len(rows)
    assert read_evidence(path) == rows
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") == len(rows)  # one line per row: U+2028, U+0085 and friends stay inside strings


# ---------------------------------------------------------------- eval: the order of system rows


GOLD = load_gold(DEV_GOLD / "seeds.gold.jsonl")
AFFILIATIONS = load_affiliations(DEV_GOLD / "affiliations.json")


def _system_rows(rng: random.Random) -> list[dict]:
    """A noisy system output from the gold: dropped, swapped, retyped, negated and invented rows."""
    rows = []
    for record in GOLD:
        for triple in record["triples"]:
            if rng.random() < 0.3:
                continue
            row = {"doc": record["doc"], "sentence": record["text"], "source": triple["source"],
                   "relation": triple["relation"], "target": triple["target"],
                   "negated": bool(triple.get("negated")), "confidence": rng.choice([0.5, 0.7, 0.9])}
            roll = rng.random()
            if roll < 0.15:
                row["relation"] = rng.choice(EVENTS)
            elif roll < 0.25:
                row["source"], row["target"] = row["target"], row["source"]
            elif roll < 0.3:
                row["negated"] = not row["negated"]
            rows.append(row)
    actors = sorted({t["source"] for r in GOLD for t in r["triples"]})
    for _ in range(rng.randint(0, 10)):
        record = rng.choice(GOLD)
        rows.append({"doc": record["doc"], "sentence": record["text"], "source": rng.choice(actors),
                     "relation": rng.choice(EVENTS), "target": rng.choice(actors),
                     "confidence": rng.choice([0.3, 0.6, 0.95])})
    return rows


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), data=st.data())
def test_error_analysis_and_ranking_do_not_depend_on_system_order(seed, data):
    system = _system_rows(random.Random(seed))
    shuffled = data.draw(st.permutations(system))
    for level in ("actor", "state"):
        assert error_analysis(GOLD, shuffled, AFFILIATIONS, level) == error_analysis(GOLD, system, AFFILIATIONS, level)
    assert confidence_ranking(GOLD, shuffled, AFFILIATIONS) == confidence_ranking(GOLD, system, AFFILIATIONS)


# ---------------------------------------------------------------- known order dependences


def _row(source_id, source, doc="a.txt", start=0, confidence=0.8, attributed_to=None):
    rel = VOCABULARY["ATTACK"]
    sentence = f"{source} attacked Ukraine."
    return Evidence(doc=doc, sentence=sentence, start=start, end=start + len(sentence), date=None,
                    source=source, source_id=source_id, relation="ATTACK", target="Ukraine", target_id="UKR",
                    polarity=rel.polarity, weight=rel.weight, predicate="attacked",
                    attributed_to=attributed_to, confidence=confidence)


def test_unknown_actor_name_does_not_depend_on_order():
    # NER gives one id (slug) to two spellings: "Alert Front" and "ALERT FRONT" are both alert-front
    rows = [_row("alert-front", "Alert Front"), _row("alert-front", "ALERT FRONT", doc="b.txt")]
    assert canonical(build_graph(rows, KNOWN)) == canonical(build_graph(rows[::-1], KNOWN))


def test_edge_evidence_order_does_not_depend_on_input_order():
    # one sentence read twice (two mentions of one actor), with different attribution and confidence
    rows = [_row("RUS", "Russia", confidence=0.8), _row("RUS", "Russia", confidence=0.6, attributed_to="Kyiv")]
    assert canonical(build_graph(rows, KNOWN)) == canonical(build_graph(rows[::-1], KNOWN))
