"""Evidence → graph: one edge per (source, relation, target), in a networkx MultiDiGraph.

The graph is the in-memory form every later stage reads (stores, views,
queries). Its file form is networkx node-link JSON with edges under ``links``
(``graph.json``); see ``to_node_link`` for the fields.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import networkx as nx

from graphkit import __version__
from graphkit.errors import StoreError
from graphkit.types import Actor, Document, Evidence, relation_vocabulary

GRAPH_FORMAT = "graphkit-graph/1"

# fields of an evidence item kept on an edge (source/target/relation live on the edge)
EDGE_EVIDENCE_FIELDS = (
    "doc", "sentence", "start", "end", "date", "predicate",
    "negated", "hedged", "attributed_to", "confidence",
)


def edge_key(source: str, relation: str, target: str) -> tuple[str, str, str]:
    """The aggregation key of an edge; symmetric relations are stored in id order."""
    if relation_vocabulary()[relation].symmetric and target < source:
        source, target = target, source
    return source, relation, target


def edge_items(evidence: list[Evidence]) -> list[dict]:
    """The items an edge keeps of its evidence: ``EDGE_EVIDENCE_FIELDS`` of each row."""
    return [{f: getattr(e, f) for f in EDGE_EVIDENCE_FIELDS} for e in evidence]


def build_graph(
    evidence: Iterable[Evidence],
    actors: Iterable[Actor] = (),
    documents: Iterable[Document] = (),
    structural: Iterable[tuple[str, str, str]] = (),
) -> nx.MultiDiGraph:
    """Aggregate evidence into a MultiDiGraph keyed by relation.

    ``actors`` gives names, kinds and aliases of the nodes (an evidence end with
    no Actor gets a node from the evidence's surface name). ``structural`` adds
    (source_id, relation, target_id) edges such as LEADS or REPRESENTS.
    The result does not depend on the order of ``evidence``.
    """
    grouped: dict[tuple[str, str, str], list[Evidence]] = {}
    surface: dict[str, dict[str, int]] = {}
    for ev in evidence:
        count_names(surface, ev)
        grouped.setdefault(edge_key(ev.source_id, ev.relation, ev.target_id), []).append(ev)
    return assemble_graph(surface, ((key, grouped[key]) for key in sorted(grouped)), actors, documents, structural)


def count_names(surface: dict[str, dict[str, int]], ev: Evidence) -> None:
    """Count the surface names of an evidence's two actors (an unknown actor is named by its most frequent)."""
    for actor_id, name in ((ev.source_id, ev.source), (ev.target_id, ev.target)):
        names = surface.setdefault(sys.intern(actor_id), {})
        names[name] = names.get(name, 0) + 1


def assemble_graph(
    surface: dict[str, dict[str, int]],
    groups: Iterable[tuple[tuple[str, str, str], list[Evidence]]],
    actors: Iterable[Actor] = (),
    documents: Iterable[Document] = (),
    structural: Iterable[tuple[str, str, str]] = (),
    keep: Callable[[list[dict]], Sequence[dict]] | None = None,
) -> nx.MultiDiGraph:
    """The graph of ``build_graph`` from evidence already grouped by edge key (in key order).

    An edge holds its evidence as ``edge_items``, a list of dicts, or what
    ``keep`` makes of that list (``EvidenceSpill.keep``); so does the graph its
    documents (``graph.graph["documents"]``).
    """
    vocabulary = relation_vocabulary()
    graph = nx.MultiDiGraph(format=GRAPH_FORMAT, generator=f"graphkit {__version__}")
    known = {a.id: a for a in actors}
    listed = sorted(({"id": sys.intern(d.id), "title": d.title, "date": d.date, "url": d.url} for d in documents),
                    key=lambda d: d["id"])
    graph.graph["documents"] = keep(listed) if keep else listed

    def add_node(actor_id: str, name: str) -> None:
        if actor_id in graph:
            return
        actor = known.get(actor_id) or Actor(id=actor_id, name=name, kind="group")
        graph.add_node(
            actor.id, name=actor.name, kind=actor.kind,
            aliases=sorted(set(actor.aliases)), affiliation=actor.affiliation,
        )

    for actor_id in sorted(surface):  # an unknown actor is named by its most frequent surface form
        add_node(actor_id, min(surface[actor_id].items(), key=lambda item: (-item[1], item[0]))[0])

    for (source, relation, target), items in groups:
        rel = vocabulary[relation]
        items = sorted(items, key=_evidence_order)
        asserted = [e for e in items if not e.negated]
        dates = sorted(e.date for e in items if e.date)  # ids and dates interned: a big graph repeats them
        graph.add_edge(
            source, target, key=relation,
            relation=relation,
            symmetric=rel.symmetric,
            polarity=rel.polarity,
            weight=rel.weight,
            count=len(asserted),
            negated_count=len(items) - len(asserted),
            hedged_count=sum(1 for e in asserted if e.hedged),
            sources=sorted({sys.intern(e.doc) for e in items}),
            confidence=round(max(e.confidence for e in items), 3),
            first_seen=sys.intern(dates[0]) if dates else None,
            last_seen=sys.intern(dates[-1]) if dates else None,
            evidence=keep(edge_items(items)) if keep else edge_items(items),
        )

    for source, relation, target in sorted(set(structural)):
        if source not in graph or target not in graph:
            for actor_id in (source, target):
                if actor_id in known:
                    add_node(actor_id, known[actor_id].name)
        if source in graph and target in graph and not graph.has_edge(source, target, key=relation):
            graph.add_edge(
                source, target, key=relation, relation=relation, symmetric=False,
                polarity=0, weight=0.0, count=0, negated_count=0, hedged_count=0,
                sources=[], confidence=1.0, first_seen=None, last_seen=None, evidence=[],
            )
    return graph


class EvidenceSpill:
    """Evidence kept in an unnamed temporary file instead of memory, for graphs of big corpora.

    ``append`` writes a row and gives its place; ``read`` gives it back;
    ``keep`` stores an edge's evidence items together and gives a
    ``SpilledList`` that reads them back when used. The file goes when the
    last user does.
    """

    def __init__(self) -> None:
        import tempfile

        self.file = tempfile.TemporaryFile(prefix="graphkit-evidence-")  # noqa: SIM115 - lives as long as the graph
        self.size = 0
        self.unflushed = False

    def append(self, row: dict | list | str) -> tuple[int, int]:
        """Write a row (JSON-able, or its JSON text) and give its place: (offset, length)."""
        text = row if isinstance(row, str) else json.dumps(row, ensure_ascii=False, separators=(",", ":"))
        data = text.encode("utf-8")
        self.file.write(data)
        self.unflushed = True
        place = (self.size, len(data))
        self.size += len(data)
        return place

    def read(self, offset: int, length: int):
        if self.unflushed:
            self.file.flush()
            self.unflushed = False
        return json.loads(os.pread(self.file.fileno(), length, offset))

    def keep(self, items: list[dict]) -> SpilledList:
        return SpilledList(self, *self.append(items), len(items))


class SpilledList(Sequence):
    """A list kept in an ``EvidenceSpill`` (an edge's evidence items, a graph's documents), read when used:
    a read-only list of dicts (equal to the list it stands for; pickled and copied as that list). It holds
    three numbers: where the items are in the spill, and how many."""

    __slots__ = ("count", "length", "offset", "spill")

    def __init__(self, spill: EvidenceSpill, offset: int, length: int, count: int):
        self.spill, self.offset, self.length, self.count = spill, offset, length, count

    def __len__(self) -> int:
        return self.count

    def _items(self) -> list[dict]:
        return self.spill.read(self.offset, self.length)

    def __getitem__(self, index):
        return self._items()[index]

    def __iter__(self):
        return iter(self._items())

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and not isinstance(other, str) and list(self) == list(other)

    __hash__ = None

    def __reduce__(self):
        return list, (list(self),)

    def __repr__(self) -> str:
        return f"<{len(self)} spilled items>"


def plain(value):
    """``json`` default: a spilled list as the list it stands for."""
    if isinstance(value, SpilledList):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _evidence_order(e: Evidence) -> tuple:
    return (e.doc, e.start, e.end, e.predicate, e.negated, e.hedged, e.sentence, e.date or "",
            e.attributed_to or "", e.confidence, e.source, e.target)


def to_node_link(graph: nx.MultiDiGraph) -> dict:
    """The JSON form of the graph (networkx node-link, edges under ``links``).

    Nodes: ``id, name, kind, aliases, affiliation``. Links: ``source, target,
    key, relation, symmetric, polarity, weight, count, negated_count,
    hedged_count, sources, confidence, first_seen, last_seen, evidence``.
    """
    data = node_link_items(graph)
    if isinstance(graph.graph.get("documents"), SpilledList):
        data["graph"] = {**graph.graph, "documents": list(graph.graph["documents"])}
    data["nodes"] = list(data["nodes"])
    data["links"] = [{**link, "evidence": list(link["evidence"])} if isinstance(link.get("evidence"), SpilledList)
                     else link for link in data["links"]]
    return data


def from_node_link(data: dict) -> nx.MultiDiGraph:
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    return graph


def write_graph(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write graph.json atomically, a node or a link a line, encoded as it goes."""
    from graphkit.output import atomic_open

    with atomic_open(Path(path)) as handle:  # evidence left in a spill is read an edge at a time
        dump_node_link(node_link_items(graph), handle)


def node_link_items(graph: nx.MultiDiGraph) -> dict:
    """``nx.node_link_data(graph, edges="links")`` with its nodes and links as generators, so that a big
    graph's links are not all copied at once."""
    return {
        "directed": graph.is_directed(),
        "multigraph": graph.is_multigraph(),
        "graph": graph.graph,
        "nodes": ({**graph.nodes[n], "id": n} for n in graph),
        "links": ({**d, "source": u, "target": v, "key": k} for u, v, k, d in graph.edges(keys=True, data=True)),
    }


def dump_node_link(data: dict, handle) -> None:
    """Write node-link JSON to a text handle: the top-level lists one item a line (greppable, and fast:
    each item goes through json's C encoder, which an ``indent`` would turn off). Lists may be iterators."""
    handle.write("{")
    for number, (key, value) in enumerate(data.items()):
        handle.write(("" if number == 0 else ",\n") + json.dumps(key) + ": ")
        if isinstance(value, (list, Iterator)):
            empty = True
            for item in value:
                handle.write(("[\n" if empty else ",\n") + json.dumps(item, ensure_ascii=False, default=plain))
                empty = False
            handle.write("[]" if empty else "\n]")
        else:
            handle.write(json.dumps(value, ensure_ascii=False, default=plain))
    handle.write("}\n")


def read_graph(path: Path) -> nx.MultiDiGraph:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"graph file not found: {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreError(f"cannot read graph file {path}: {exc}") from None
    if not isinstance(data, dict) or "nodes" not in data or "links" not in data:
        raise StoreError(f"{path} is not a graphkit graph.json (no 'nodes'/'links')")
    problem = node_link_problem(data)
    if problem:
        raise StoreError(f"{path} is not a valid graphkit graph.json: {problem}")
    return from_node_link(data)


NODE_FIELDS = {"id": (str,), "name": (str,), "kind": (str,), "aliases": (list,), "affiliation": (str, type(None))}
LINK_FIELDS = {"source": (str,), "target": (str,), "key": (str,), "relation": (str,), "count": (int,),
               "negated_count": (int,), "hedged_count": (int,), "evidence": (list,)}


def node_link_problem(data: dict) -> str | None:
    """What is wrong with a node-link dict, in one phrase, or None."""
    if data.get("directed") is not True or data.get("multigraph") is not True:
        return "it must be a directed multigraph"
    if not isinstance(data.get("graph", {}), dict):
        return "'graph' must be an object"
    documents = data.get("graph", {}).get("documents", [])
    if not isinstance(documents, list) or not all(isinstance(d, dict) for d in documents):
        return "'graph.documents' must be a list of objects"
    if not isinstance(data["nodes"], list) or not isinstance(data["links"], list):
        return "'nodes' and 'links' must be lists"
    for number, node in enumerate(data["nodes"]):
        if not isinstance(node, dict) or "id" not in node:
            return f"node {number} has no id"
        for name, types in NODE_FIELDS.items():
            if name in node and not isinstance(node[name], types):
                return f"node {node.get('id')!r}: {name!r} has the wrong type"
    vocabulary = relation_vocabulary()
    for number, link in enumerate(data["links"]):
        if not isinstance(link, dict):
            return f"link {number} is not an object"
        for name, types in LINK_FIELDS.items():
            if name not in link:
                return f"link {number} has no {name!r}"
            if not isinstance(link[name], types) or isinstance(link[name], bool) and int in types:
                return f"link {number}: {name!r} has the wrong type"
        if "polarity" in link and (not isinstance(link["polarity"], int) or isinstance(link["polarity"], bool)):
            return f"link {number}: 'polarity' must be -1, 0 or 1"
        if "weight" in link and not (isinstance(link["weight"], (int, float)) and not isinstance(link["weight"], bool)
                                     and math.isfinite(link["weight"])):
            return f"link {number}: 'weight' must be a finite number"
        if "sources" in link and not (isinstance(link["sources"], list)
                                      and all(isinstance(d, str) for d in link["sources"])):
            return f"link {number}: 'sources' must be a list of document ids"
        if link["relation"] not in vocabulary:
            return f"link {number}: unknown relation {link['relation']!r}"
        if not all(isinstance(item, dict) for item in link["evidence"]):
            return f"link {number}: evidence items must be objects"
    return None


def evidence_from_graph(graph: nx.MultiDiGraph) -> list[Evidence]:
    """The evidence rows behind a graph's event edges (the inverse of build_graph)."""
    vocabulary = relation_vocabulary()
    rows = []
    for source, target, relation, data in graph.edges(keys=True, data=True):
        rel = vocabulary[relation]
        for item in data.get("evidence", []):
            rows.append(Evidence(
                source=graph.nodes[source].get("name", source), source_id=source,
                target=graph.nodes[target].get("name", target), target_id=target,
                relation=relation, polarity=rel.polarity, weight=rel.weight, **item,
            ))
    return rows


def summarize(graph: nx.MultiDiGraph) -> dict:
    """Counts for a run summary: actors, edges, and edges by relation."""
    by_relation: dict[str, int] = {}
    for _, _, relation in graph.edges(keys=True):
        by_relation[relation] = by_relation.get(relation, 0) + 1
    return {
        "actors": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "edges_by_relation": dict(sorted(by_relation.items())),
    }
