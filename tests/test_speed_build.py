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
    assert len(aggregator.documents) == 7 and all(d.text == "" for d in aggregator.documents)  # no text is held
    streamed, listed = aggregator.graph(), graph_from_evidence(rows, documents)
    assert json.dumps(to_node_link(streamed), sort_keys=True) == json.dumps(to_node_link(listed), sort_keys=True)
    assert nx.utils.graphs_equal(streamed, listed)
    assert not aggregator.documents and not aggregator.surface and not aggregator.groups  # handed to the graph


def test_graph_file_of_spilled_evidence_is_the_same_bytes(tmp_path):
    """The aggregator leaves evidence in a temporary file; graph.json is written from there, edge by edge,
    and is the file of the graph built in memory, byte for byte; read back, it is that graph."""
    from graphkit.graph import SpilledList, read_graph, write_graph

    rows = random_evidence(120)
    documents = [Document(id="d1.txt", text="", title="Été", date=None)]
    aggregator = EdgeAggregator()
    aggregator.add_document(documents[0])
    for row in rows:
        aggregator.add(row)
    spilled = aggregator.graph()
    assert any(isinstance(d["evidence"], SpilledList) for _, _, d in spilled.edges(data=True))
    assert isinstance(spilled.graph["documents"], SpilledList) and spilled.graph["documents"] == [
        {"id": "d1.txt", "title": "Été", "date": None, "url": None}]
    assert type(to_node_link(spilled)["graph"]["documents"]) is list
    write_graph(spilled, tmp_path / "a.json")
    write_graph(graph_from_evidence(rows, documents), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert to_node_link(read_graph(tmp_path / "a.json")) == to_node_link(spilled)


def test_spilled_evidence_reads_as_the_list_it_stands_for():
    import copy
    import pickle

    from graphkit.graph import EvidenceSpill

    items = [{"doc": f"d{i}", "sentence": f"Été {i} \u2028 “quoted”", "start": i, "confidence": 0.5} for i in range(5)]
    spill = EvidenceSpill()
    spilled = spill.keep(items)
    spill.keep([{"doc": "other"}])  # rows written after it do not disturb it
    assert len(spilled) == 5 and bool(spilled) and not spill.keep([])
    assert spilled == items and items == spilled and spilled != items[:4]
    assert list(spilled) == items and spilled[1] == items[1] and spilled[-1] == items[-1]
    assert spilled[1:3] == items[1:3] and spilled[::-2] == items[::-2]
    assert pickle.loads(pickle.dumps(spilled)) == items and type(pickle.loads(pickle.dumps(spilled))) is list
    assert copy.deepcopy(spilled) == items
    try:
        spilled[5]
    except IndexError:
        pass
    else:
        raise AssertionError("index 5 of 5 items must raise IndexError")
    assert json.dumps(to_node_link_of(spilled)) == json.dumps(to_node_link_of(items))


def to_node_link_of(evidence) -> dict:
    graph = nx.MultiDiGraph()
    graph.add_edge("A", "B", key="SUPPORT", relation="SUPPORT", evidence=evidence)
    return to_node_link(graph)


def test_graph_file_is_networkx_node_link_data(tmp_path):
    """graph.json's links are made one at a time, but the file is networkx's node-link data, the empty
    graph included."""
    from graphkit.graph import write_graph

    for graph in (graph_from_evidence(random_evidence(80)), nx.MultiDiGraph()):
        write_graph(graph, tmp_path / "g.json")
        assert json.loads((tmp_path / "g.json").read_text()) == json.loads(
            json.dumps(nx.node_link_data(graph, edges="links")))
        assert to_node_link(graph) == json.loads(json.dumps(nx.node_link_data(graph, edges="links")))


def test_view_trimmed_to_max_nodes_is_the_trimmed_copy():
    """A view over ``max_nodes`` copies only the actors kept; it equals copying all and removing the rest,
    in the same node and edge order, and the graph given is not changed."""
    from graphkit.render import actor_strength, select_view

    graph = graph_from_evidence(random_evidence(200))
    before = json.dumps(to_node_link(graph))
    view = select_view(graph, max_nodes=3)
    strength = actor_strength(graph)
    kept = sorted(graph, key=lambda n: (-strength[n], str(n)))[:3]
    expected = graph.copy()
    expected.remove_nodes_from([n for n in graph if n not in kept])
    assert list(view.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(view.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
    assert view.graph["view"]["omitted_edges"] == graph.number_of_edges() - expected.number_of_edges() > 0
    assert json.dumps(to_node_link(graph)) == before and "view" not in graph.graph


def test_page_documents_are_written_as_a_dict_of_them_would_be():
    """The page's documents are made one at a time; an id given twice keeps its first place and last value."""
    from graphkit.render import _document_entries, _compact

    documents = [{"id": "a", "title": "A1"}, {"id": "b", "title": "B"}, {"id": "b", "title": "B2"}, {"id": "c"}]
    assert list(_document_entries(documents)) == list({d["id"]: _compact(d) for d in documents}.items())
    assert list(_document_entries([])) == []
