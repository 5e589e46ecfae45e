"""``build`` aggregates evidence as it streams: the same graph as aggregating a list (issue 7)."""

from __future__ import annotations

import json
import random

import networkx as nx

from graphkit.graph import to_node_link
from graphkit.pipeline import EdgeAggregator, graph_from_evidence
from graphkit.types import Document, Evidence, relation_vocabulary

ACTORS = [("RUS", "Russia"), ("PRK", "North Korea"), ("IRN", "Iran"), ("vladimir-putin", "Vladimir Putin"),
          ("NATO", "NATO"), ("wagner-group", "Wagner Group")]


def random_evidence(n: int, seed: int = 3) -> list[Evidence]:
    rng = random.Random(seed)
    vocabulary = relation_vocabulary()
    rows = []
    for i in range(n):
        (s, sn), (t, tn) = rng.sample(ACTORS, 2)
        relation = rng.choice(sorted(vocabulary))
        rel = vocabulary[relation]
        rows.append(Evidence(doc=f"d{i % 7}.txt", sentence=f"Sentence {i}.", start=i * 10, end=i * 10 + 12,
                             date=f"2024-0{1 + i % 9}-01", source=sn, source_id=s, relation=relation, target=tn,
                             target_id=t, polarity=rel.polarity, weight=rel.weight, predicate="p",
                             negated=rng.random() < 0.2, hedged=rng.random() < 0.3, confidence=0.8))
    return rows


def test_streamed_aggregation_equals_list_aggregation():
    rows = random_evidence(300)
    documents = [Document(id=f"d{i}.txt", text="", title=f"T{i}", date="2024-01-01") for i in range(7)]
    aggregator = EdgeAggregator()
    for document in documents:
        aggregator.add_document(Document(id=document.id, text="long text", title=document.title, date=document.date))
    for row in rows:
        aggregator.add(row)
    streamed, listed = aggregator.graph(), graph_from_evidence(rows, documents)
    assert json.dumps(to_node_link(streamed), sort_keys=True) == json.dumps(to_node_link(listed), sort_keys=True)
    assert nx.utils.graphs_equal(streamed, listed)
    assert all(d.text == "" for d in aggregator.documents)  # no document text is held


def test_streamed_graph_file_is_write_graph_byte_for_byte(tmp_path):
    from graphkit.graph import write_graph
    from graphkit.pipeline import write_graph_streaming

    graph = graph_from_evidence(random_evidence(120), [Document(id="d1.txt", text="", title="Été", date=None)])
    write_graph(graph, tmp_path / "a.json")
    write_graph_streaming(graph, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
