"""Graph stores: one interface, a NetworkX (graph.json) and a Neo4j implementation.

Both stores hold the same property-graph model, built from a graph by
``GraphRows.from_graph``:

- ``(:Actor {id, name, kind, aliases, affiliation})``
- one relationship per aggregated edge, typed by its relation (``:ALLY``,
  ``:SUPPLY_ARMS``, ``:LEADS``…), with ``count, negated_count, hedged_count,
  sources`` (number of documents), ``documents``, ``confidence, first_seen,
  last_seen, polarity, weight, symmetric``;
- ``(:Document {id, title, date, url})`` and ``(:Evidence {id, doc, date,
  sentence, start, end, predicate, negated, hedged, attributed_to,
  confidence, relation, edge})`` with ``(e)-[:IN]->(d)``, ``(e)-[:SOURCE]->(a)``,
  ``(e)-[:TARGET]->(b)``; ``edge`` is the key of the relationship the evidence
  backs (``edge_key``: ``["PRK","SUPPLY_ARMS","RUS"]``).

An event edge's aggregates are derived from its evidence (``aggregate_evidence``
here, the same computation in Cypher in the Neo4j store), so the two stores
answer the query library alike.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

import networkx as nx

from graphkit.errors import StoreError
from graphkit.graph import read_graph, write_graph
from graphkit.types import relation_vocabulary

EVIDENCE_PROPERTIES = (
    "doc", "date", "sentence", "start", "end", "predicate", "negated", "hedged",
    "attributed_to", "confidence", "relation",
)
PLAIN_EDGE_PROPERTIES = (
    "polarity", "weight", "symmetric", "count", "negated_count", "hedged_count",
    "confidence", "first_seen", "last_seen",
)


class QueryRows(list):
    """Query results: a list of ``{column: value}`` rows that also knows its columns."""

    def __init__(self, rows=(), columns=()):
        super().__init__(rows)
        self.columns = list(columns)


@dataclass(frozen=True)
class StoreReport:
    """What a store wrote: rows of each kind, and anything the user should know."""

    backend: str
    target: str
    actors: int = 0
    documents: int = 0
    evidence: int = 0
    relationships: int = 0
    seconds: float = 0.0
    notices: tuple[str, ...] = ()

    def summary(self) -> str:
        return (f"wrote {self.actors} actors, {self.relationships} relationships, "
                f"{self.evidence} evidence, {self.documents} documents to {self.target} "
                f"in {self.seconds:.2f} s")


@dataclass(frozen=True)
class LoadReport(StoreReport):
    """A Neo4j load: also batches, statements, retries and what the server created."""

    batches: int = 0
    statements: int = 0
    retries: int = 0
    nodes_created: int = 0
    relationships_created: int = 0

    def summary(self) -> str:
        return (f"loaded {self.actors} actors, {self.relationships} relationships, "
                f"{self.evidence} evidence, {self.documents} documents into {self.target} "
                f"in {self.seconds:.2f} s ({self.batches} batches, {self.statements} statements"
                f"{f', {self.retries} retries' if self.retries else ''}); created "
                f"{self.nodes_created} nodes and {self.relationships_created} relationships")


@runtime_checkable
class GraphStore(Protocol):
    """Where a graph is kept and queried with Cypher."""

    def write(self, graph: nx.MultiDiGraph) -> StoreReport: ...

    def query(self, cypher: str, params: dict | None = None) -> list[dict]: ...

    def close(self) -> None: ...


# ---------------------------------------------------------------- the model rows


def evidence_id(doc: str, start: int, end: int, source: str, relation: str, target: str,
                predicate: str, occurrence: int = 1) -> str:
    """A stable id for one piece of evidence (the same sentence gives the same id in any load)."""
    parts = [str(doc), str(start), str(end), source, relation, target, predicate or ""]
    if occurrence > 1:  # the same triple twice in one sentence: both count, as in graph.json
        parts.append(str(occurrence))
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def edge_key(source: str, relation: str, target: str) -> str:
    """The key an event relationship's evidence carries (``Evidence.edge``)."""
    return json.dumps([source, relation, target], ensure_ascii=False)


@dataclass(frozen=True)
class EdgeRow:
    source: str
    target: str
    relation: str
    evidence: tuple[str, ...] = ()
    properties: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return edge_key(self.source, self.relation, self.target)


@dataclass
class GraphRows:
    """A graph as the rows the stores write: actors, documents, evidence, edges."""

    actors: list[dict]
    documents: list[dict]
    evidence: list[dict]  # {"id", "properties": {EVIDENCE_PROPERTIES}}
    event_edges: list[EdgeRow]  # with evidence: aggregates are derived from it
    plain_edges: list[EdgeRow]  # structural edges, and event edges without evidence

    @classmethod
    def from_graph(cls, graph: nx.MultiDiGraph) -> "GraphRows":
        vocabulary = relation_vocabulary()
        actors = []
        for node_id, data in sorted(graph.nodes(data=True), key=lambda item: str(item[0])):
            aliases = data.get("aliases") or []
            actors.append({
                "id": str(node_id), "name": data.get("name") or str(node_id),
                "kind": data.get("kind") or "group",
                "aliases": sorted({str(a) for a in aliases}),
                "affiliation": data.get("affiliation"),
            })
        documents = [
            {"id": str(d["id"]), "title": d.get("title"), "date": d.get("date"), "url": d.get("url")}
            for d in graph.graph.get("documents", []) if d.get("id") is not None
        ]
        evidence, event_edges, plain_edges = [], [], []
        for source, target, relation, data in sorted(
            graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), e[2], str(e[1]))
        ):
            if relation not in vocabulary:
                raise StoreError(f"edge {source} -> {target}: relation {relation!r} is not in "
                                 "the relation vocabulary")
            items = data.get("evidence") or []
            if not items:
                properties = {k: data.get(k) for k in PLAIN_EDGE_PROPERTIES}
                documents_ = sorted(data.get("sources") or [])
                properties.update(sources=len(documents_), documents=documents_)
                plain_edges.append(EdgeRow(str(source), str(target), relation,
                                           properties={k: v for k, v in properties.items()
                                                       if v is not None}))
                continue
            seen: dict[str, int] = {}
            ids = []
            for item in items:
                key = evidence_id(item["doc"], item["start"], item["end"], str(source), relation,
                                  str(target), item.get("predicate") or "")
                seen[key] = seen.get(key, 0) + 1
                if seen[key] > 1:
                    key = evidence_id(item["doc"], item["start"], item["end"], str(source),
                                      relation, str(target), item.get("predicate") or "", seen[key])
                ids.append(key)
                properties = {name: item.get(name) for name in EVIDENCE_PROPERTIES if name != "relation"}
                properties["relation"] = relation
                properties["doc"] = str(properties["doc"])
                evidence.append({"id": key, "properties": properties})
            event_edges.append(EdgeRow(str(source), str(target), relation, tuple(ids)))
        return cls(actors, documents, evidence, event_edges, plain_edges)

    @property
    def relationships(self) -> int:
        return len(self.event_edges) + len(self.plain_edges)

    def document_ids(self) -> set[str]:
        return {d["id"] for d in self.documents} | {e["properties"]["doc"] for e in self.evidence}


def cypher_round(value: float) -> float:
    """Cypher's ``round(x)``: half-way values round up."""
    return float(math.floor(value + 0.5))


def aggregate_evidence(items: list[dict]) -> dict:
    """An event relationship's aggregates from its evidence properties (as the loader's Cypher)."""
    asserted = [e for e in items if not e.get("negated")]
    dates = sorted(e["date"] for e in items if e.get("date") is not None)
    confidences = [e["confidence"] for e in items if e.get("confidence") is not None]
    documents = sorted({e["doc"] for e in items if e.get("doc") is not None})
    result = {
        "count": len(asserted),
        "negated_count": len(items) - len(asserted),
        "hedged_count": sum(1 for e in asserted if e.get("hedged")),
        "sources": len(documents),
        "documents": documents,
        "first_seen": dates[0] if dates else None,
        "last_seen": dates[-1] if dates else None,
        "confidence": cypher_round(max(confidences) * 1000) / 1000.0 if confidences else None,
    }
    return {k: v for k, v in result.items() if v is not None}


# ---------------------------------------------------------------- the NetworkX store


class NetworkXStore:
    """A graph kept as graph.json and queried with the embedded Cypher engine."""

    backend = "networkx"

    def __init__(self, path: Path | str | None = None, graph: nx.MultiDiGraph | None = None):
        self.path = Path(path) if path is not None else None
        self._graph = graph
        self._engine = None

    @property
    def graph(self) -> nx.MultiDiGraph:
        if self._graph is None:
            if self.path is None:
                raise StoreError("this NetworkX store has neither a graph nor a graph.json path")
            self._graph = read_graph(self.path)
        return self._graph

    def write(self, graph: nx.MultiDiGraph) -> StoreReport:
        started = time.perf_counter()
        rows = GraphRows.from_graph(graph)
        if self.path is not None:
            write_graph(graph, self.path)
        self._graph, self._engine = graph, None
        return StoreReport(
            backend=self.backend, target=str(self.path or "memory"),
            actors=len(rows.actors), documents=len(rows.document_ids()),
            evidence=len(rows.evidence), relationships=rows.relationships,
            seconds=time.perf_counter() - started,
        )

    def query(self, cypher: str, params: dict | None = None) -> QueryRows:
        from graphkit.embedded import CypherEngine

        if self._engine is None:
            self._engine = CypherEngine.from_graph(self.graph)
        columns, rows = self._engine.run(cypher, params or {})
        return QueryRows(rows, columns)

    def close(self) -> None:
        self._engine = None

    def __enter__(self) -> "NetworkXStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(
    graph_path: Path | str | None = None,
    *,
    neo4j_uri: str | None = None,
    user: str = "neo4j",
    password: str = "",
    database: str | None = None,
    **neo4j_options,
) -> GraphStore:
    """The store a command works with: Neo4j when a URI is given, else graph.json."""
    if neo4j_uri:
        from graphkit.neo4j_store import Neo4jStore

        return Neo4jStore(neo4j_uri, user, password, database, **neo4j_options)
    if graph_path is None:
        raise StoreError("give a graph.json path or a Neo4j URI")
    return NetworkXStore(graph_path)
