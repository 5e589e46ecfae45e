"""The library API for notebooks and scripts: build or reopen a graph, then read it as tables.

    >>> import graphkit
    >>> result = graphkit.build("samples")                 # in memory, nothing written
    >>> result.edges.head()                                  # pandas DataFrames
    >>> result.evidence_for("North Korea", "SUPPLY_ARMS", "Russia")
    >>> result.show(focus="North Korea")                     # inline map in Jupyter / VS Code
    >>> result.query("central_actors", limit=5)              # the cypher/ library, embedded
    >>> result.save("out")                                   # triples.jsonl, graph.json, graph.html
    >>> graphkit.load("out/graph.json").pairs                # reopen a saved graph

``Result`` is frozen: ``graph`` is the aggregated networkx MultiDiGraph (see
SCHEMA.md), ``evidence`` the extracted triples. The tables are new DataFrames
on each access, so changing one does not change the result.

Errors are ``graphkit.errors`` classes: ``InputError`` (a path, an actor or a
relation that does not exist), ``ModelError`` (the spaCy pipeline),
``StoreError`` (files, Neo4j, the embedded Cypher engine).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Self

import networkx as nx
import pandas as pd

from graphkit.errors import InputError, StoreError
from graphkit.graph import EDGE_EVIDENCE_FIELDS, edge_key, summarize
from graphkit.types import STRUCTURAL_RELATIONS, Document, Evidence, relation_vocabulary

PathLike = str | os.PathLike
STANCES = ("cooperative", "hostile", "mixed", "neutral")
CHANGES = ("gained", "lost", "changed polarity", "changed relations", "same")

EDGE_COLUMNS = (
    "source", "relation", "target", "source_id", "target_id", "polarity", "weight", "symmetric",
    "structural", "count", "negated_count", "hedged_count", "documents", "confidence",
    "first_seen", "last_seen",
)
ACTOR_COLUMNS = ("id", "name", "kind", "affiliation", "aliases", "relations", "reports")
PAIR_COLUMNS = (
    "actor_1", "actor_2", "id_1", "id_2", "stance", "cooperative", "hostile", "neutral", "score",
    "relations",
)


# ---------------------------------------------------------------- the result


@dataclass(frozen=True, eq=False)
class Result:
    """An alliance graph and the evidence behind it (from ``build`` or ``load``).

    - ``graph``: the aggregated networkx MultiDiGraph, one edge per (source,
      relation, target), keyed by relation; node and edge fields as in SCHEMA.md.
    - ``evidence``: every extracted triple (``graphkit.types.Evidence``), negated
      and hedged ones included.
    - ``summary``: documents, sentences, evidence, actors, edges, edges by relation, seconds.
    - ``outputs``: the files written (``triples``, ``graph``, ``view``), empty for an
      in-memory build.
    - ``skipped``: ``(where, reason)`` for each input that could not be read.
    """

    graph: nx.MultiDiGraph
    evidence: tuple[Evidence, ...] = ()
    summary: dict = field(default_factory=dict)
    outputs: dict[str, Path] = field(default_factory=dict)
    skipped: tuple[tuple[str, str], ...] = ()

    def __repr__(self) -> str:
        return (f"<graphkit.Result: {self.summary.get('documents', '?')} documents, "
                f"{len(self.evidence)} evidence, {self.graph.number_of_nodes()} actors, "
                f"{self.graph.number_of_edges()} edges>")

    # -- tables

    @property
    def triples(self) -> pd.DataFrame:
        """One row per piece of evidence, the columns of ``triples.jsonl``.

        ``source``/``target`` are the words of the sentence for a fresh build, the
        canonical names for a loaded graph; ``source_id``/``target_id`` are the actor ids.
        """
        columns = list(Evidence.__dataclass_fields__)
        return pd.DataFrame([e.to_dict() for e in self.evidence], columns=columns)

    @property
    def actors(self) -> pd.DataFrame:
        """One row per actor: ``id, name, kind, affiliation, aliases``, with ``relations`` (event
        edges with asserted evidence it takes part in) and ``reports`` (their asserted evidence).
        """
        relations, reports = dict.fromkeys(self.graph, 0), dict.fromkeys(self.graph, 0)
        for source, target, relation, data in self.graph.edges(keys=True, data=True):
            if relation in STRUCTURAL_RELATIONS or not data.get("count"):
                continue
            for actor in {source, target}:
                relations[actor] += 1
                reports[actor] += data["count"]
        rows = [{"id": node, "name": data.get("name") or node, "kind": data.get("kind"),
                 "affiliation": data.get("affiliation"), "aliases": list(data.get("aliases") or ()),
                 "relations": relations[node], "reports": reports[node]}
                for node, data in self.graph.nodes(data=True)]
        frame = pd.DataFrame(rows, columns=list(ACTOR_COLUMNS))
        return frame.sort_values(["reports", "name"], ascending=[False, True], ignore_index=True)

    @property
    def edges(self) -> pd.DataFrame:
        """One row per aggregated edge (event and structural), strongest first.

        ``count`` is the asserted evidence, ``negated_count`` the denials,
        ``hedged_count`` the asserted evidence that is alleged or reported,
        ``documents`` the number of documents behind the edge.
        """
        rows = []
        for source, target, relation, data in self.graph.edges(keys=True, data=True):
            rows.append({
                "source": _name(self.graph, source), "relation": relation,
                "target": _name(self.graph, target), "source_id": source, "target_id": target,
                "polarity": data.get("polarity", 0), "weight": data.get("weight", 0.0),
                "symmetric": bool(data.get("symmetric")),
                "structural": relation in STRUCTURAL_RELATIONS,
                "count": data.get("count", 0), "negated_count": data.get("negated_count", 0),
                "hedged_count": data.get("hedged_count", 0),
                "documents": len(data.get("sources") or ()), "confidence": data.get("confidence"),
                "first_seen": data.get("first_seen"), "last_seen": data.get("last_seen"),
            })
        frame = pd.DataFrame(rows, columns=list(EDGE_COLUMNS))
        return frame.sort_values(["structural", "count", "source", "relation", "target"],
                                 ascending=[True, False, True, True, True], ignore_index=True)

    @property
    def pairs(self) -> pd.DataFrame:
        """The signed graph as a table: one row per pair of actors with asserted event relations.

        Direction is dropped (``actor_1`` sorts before ``actor_2`` by name).
        ``cooperative``, ``hostile`` and ``neutral`` add up the asserted reports of the
        pair's relations by polarity; ``stance`` is ``cooperative`` or ``hostile`` when
        those reports outnumber the others, ``mixed`` on a tie, ``neutral`` when the
        pair has only neutral relations (REQUEST). This is the rule of
        ``cypher/queries/allies_adversaries.cypher``. ``score`` is the Goldstein-style
        sum of weight × reports. ``relations`` lists the relation types, with an arrow
        for the direction of a directed one (``SUPPLY_ARMS →``: actor_1 supplies actor_2).
        """
        pairs: dict[tuple[str, str], dict] = {}
        for source, target, relation, data in self.graph.edges(keys=True, data=True):
            count = data.get("count") or 0
            if relation in STRUCTURAL_RELATIONS or not count or source == target:
                continue
            ends = sorted((source, target), key=lambda n: (_name(self.graph, n).casefold(), n))
            row = pairs.setdefault(tuple(ends), {"cooperative": 0, "hostile": 0, "neutral": 0,
                                                 "score": 0.0, "relations": set()})
            polarity = data.get("polarity", 0)
            row[{1: "cooperative", -1: "hostile"}.get(polarity, "neutral")] += count
            row["score"] += (data.get("weight") or 0.0) * count
            arrow = "" if data.get("symmetric") else (" →" if source == ends[0] else " ←")
            row["relations"].add(relation + arrow)
        rows = []
        for (first, second), row in pairs.items():
            rows.append({"actor_1": _name(self.graph, first), "actor_2": _name(self.graph, second),
                         "id_1": first, "id_2": second, "stance": _stance(row),
                         **{k: row[k] for k in ("cooperative", "hostile", "neutral")},
                         "score": round(row["score"], 2),
                         "relations": ", ".join(sorted(row["relations"]))})
        frame = pd.DataFrame(rows, columns=list(PAIR_COLUMNS))
        return frame.sort_values(["actor_1", "actor_2"], ignore_index=True)

    def evidence_for(self, source: str, relation: str, target: str) -> pd.DataFrame:
        """The sentences behind one edge, by actor name, alias or id.

        A symmetric relation (ALLY, AGREE, MEET, COOPERATE) is found whichever way
        round the actors are given. Raises ``InputError`` for an unknown actor or
        relation, or when the two actors have no such edge (the message lists the
        relations they do have).
        """
        from graphkit.render import find_actor

        source_id, target_id = find_actor(self.graph, source), find_actor(self.graph, target)
        relation = _relation(relation)
        key = edge_key(source_id, relation, target_id) if relation not in STRUCTURAL_RELATIONS \
            else (source_id, relation, target_id)
        if not self.graph.has_edge(key[0], key[2], key=relation):
            between = sorted({f"{_name(self.graph, s)} {r} {_name(self.graph, t)}"
                              for s, t, r in self.graph.edges(keys=True)
                              if {s, t} == {source_id, target_id}})
            raise InputError(
                f"no {relation} edge from {_name(self.graph, source_id)} to "
                f"{_name(self.graph, target_id)}; "
                + (f"their edges: {'; '.join(between)}" if between else "they have no edge at all")
            )
        data = self.graph.edges[key[0], key[2], relation]
        head = {"source": _name(self.graph, key[0]), "relation": relation,
                "target": _name(self.graph, key[2])}
        rows = [{**head, **{f: item.get(f) for f in EDGE_EVIDENCE_FIELDS}}
                for item in data.get("evidence") or ()]
        return pd.DataFrame(rows, columns=[*head, *EDGE_EVIDENCE_FIELDS])

    # -- views and other graphs

    def show(self, *, title: str | None = None, height: int = 640, **view_options):
        """The interactive alliance map, inline in JupyterLab, classic Jupyter and VS Code.

        ``view_options`` are those of ``graphkit render`` (``graphkit.render.ViewOptions``):
        ``focus``, ``depth``, ``relations``, ``polarity``, ``min_count``, ``since``,
        ``until``, ``level``, ``max_nodes``. The returned object has ``.save(path)``.
        """
        from graphkit.render import show

        return show(self.graph, title=title, height=height, **view_options)

    def select(self, **view_options) -> Result:
        """A new Result with the part of the graph ``view_options`` asks for (as ``show``).

        ``select(level="state")`` folds people and state bodies into their country;
        ``select(since="2024")`` keeps evidence dated 2024 or later; ``select(focus=
        "Iran", depth=1)`` keeps Iran and its neighbours. Every actor is kept unless
        ``max_nodes`` is given.
        """
        from graphkit.render import select_view

        view_options.setdefault("max_nodes", None)
        view = select_view(self.graph, **view_options)
        view.graph.pop("view", None)
        evidence = tuple(_evidence_from_graph(view))
        summary = {**self.summary, "evidence": len(evidence), **summarize(view)}
        return Result(graph=view, evidence=evidence, summary=summary, outputs={},
                      skipped=self.skipped)

    # -- Cypher and Neo4j

    @cached_property
    def _store(self):
        from graphkit.store import NetworkXStore

        return NetworkXStore(graph=self.graph)

    def query(self, cypher: str, **params) -> pd.DataFrame:
        """Run Cypher on the graph in memory (the embedded engine) and return the rows.

        ``cypher`` is a query text or the name of a query of the ``cypher/`` library
        (``"allies_adversaries"``; see ``graphkit.api.cypher_library()``), whose
        defaults ``params`` override. The model is the one Neo4j gets from
        ``to_neo4j``, so the same query gives the same answer in both places.
        """
        text, bound = _prepare_query(cypher, params)
        try:
            rows = self._store.query(text, bound)
        except ModuleNotFoundError as exc:
            if exc.name != "graphkit.embedded":
                raise
            raise StoreError(
                "the embedded Cypher engine (graphkit.embedded) is not part of this graphkit; "
                "load the graph into Neo4j with .to_neo4j(...) and query it there"
            ) from None
        return _frame(rows)

    def to_neo4j(self, uri: str, user: str = "neo4j", password: str = "",
                 database: str | None = None, **options):
        """Load the graph into Neo4j (or another Bolt server) and return the load report.

        Loading is batched, idempotent and incremental (see ``graphkit.neo4j_store``);
        ``options`` go to ``load_graph`` (``batch_size``, ``progress``).
        """
        from graphkit.neo4j_store import load_graph

        return load_graph(self.graph, uri, user, password, database, **options)

    # -- files

    def save(self, outdir: PathLike, *, title: str | None = None, **view_options) -> dict[str, Path]:
        """Write ``triples.jsonl``, ``graph.json`` and ``graph.html`` in ``outdir`` (as
        ``graphkit build``) and return their paths. Each file is written atomically.
        """
        from graphkit.graph import write_graph
        from graphkit.output import ensure_folder
        from graphkit.pipeline import output_paths, write_evidence
        from graphkit.render import render_html

        folder = ensure_folder(Path(outdir))
        outputs = output_paths(folder)
        write_evidence(self.evidence, outputs["triples"])
        write_graph(self.graph, outputs["graph"])
        render_html(self.graph, outputs["view"], title=title, **view_options)
        return outputs


# ---------------------------------------------------------------- building and loading


def build(
    paths: PathLike | Iterable[PathLike],
    *,
    model: str | None = None,
    date: str | Mapping[str, str] | None = None,
    outdir: PathLike | None = None,
    strict: bool = False,
    title: str | None = None,
    view_options: dict | None = None,
    on_document: Callable[[Document], None] | None = None,
    on_skip: Callable[[str, str], None] | None = None,
    jobs: int = 1,
    cache: PathLike | None = None,
) -> Result:
    """Extract evidence from ``paths`` (files and folders, as ``graphkit build``) and aggregate it.

    - ``model``: a spaCy pipeline package name or path (default: the pinned English model).
    - ``date``: the date of documents that carry none; or a mapping from document id
      or file name to date (``{"aukus_china.txt": "2023-03-15"}``), documents left out
      staying undated (keys that name no document are ignored, so one mapping
      serves builds of several subsets).
    - ``outdir``: when given, also write ``triples.jsonl``, ``graph.json`` and
      ``graph.html`` there (``Result.outputs``). When None, nothing is written: the
      result lives in memory (``Result.save`` writes it later).
    - ``strict``: fail on the first unreadable document instead of skipping it
      (skipped inputs are in ``Result.skipped`` and reported to ``on_skip``).
    - ``jobs``: worker processes for large corpora (1: this process);
      ``cache``: a folder that keeps each document's evidence by content hash, so a
      rebuild parses only new or changed documents (None: no cache, nothing written).

    The spaCy pipeline loads once per process, on the first build.
    """
    from graphkit.ingest import normalize_date
    from graphkit.pipeline import RunStats, corpus_evidence, graph_from_evidence

    started = time.perf_counter()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = [Path(p) for p in paths]
    if not paths:
        raise InputError("give at least one input file or folder")
    stats, seen = RunStats(), []
    by_document = None
    if isinstance(date, Mapping):
        by_document = {str(k): normalize_date(v) for k, v in date.items()}
        date = None

    def dated(documents: Iterable[Document]) -> Iterable[Document]:
        for document in documents:
            if by_document is not None and not document.date:
                for key in (document.id, Path(document.id).name):
                    if key in by_document:
                        document = replace(document, date=by_document[key])
                        break
            yield document

    def remember(document: Document) -> None:
        seen.append(replace(document, text=""))
        if on_document:
            on_document(document)

    evidence = list(corpus_evidence(paths, stats, date=date, strict=strict, on_skip=on_skip, adjust=dated,
                                    on_document=remember, model=model, jobs=jobs, cache=cache))
    graph = graph_from_evidence(evidence, seen)
    summary = {"documents": stats.documents, "sentences": stats.sentences,
               "evidence": stats.evidence, **summarize(graph)}
    result = Result(graph=graph, evidence=tuple(evidence), summary=summary,
                    skipped=tuple(stats.skipped))
    outputs = {} if outdir is None else result.save(outdir, title=title, **(view_options or {}))
    seconds = round(time.perf_counter() - started, 2)
    return replace(result, outputs=outputs, summary={**summary, "seconds": seconds})


def load(graph_json: PathLike) -> Result:
    """Reopen a saved ``graph.json`` (or a folder holding one) as a Result.

    The evidence comes from the edges of the graph; its ``source``/``target`` are
    the actors' canonical names.
    """
    from graphkit.graph import read_graph

    path = Path(graph_json)
    if path.is_dir():
        path = path / "graph.json"
    graph = read_graph(path)
    evidence = tuple(_evidence_from_graph(graph))
    documents = {d.get("id") for d in graph.graph.get("documents") or ()} | {e.doc for e in evidence}
    summary = {"documents": len(documents), "evidence": len(evidence), **summarize(graph)}
    return Result(graph=graph, evidence=evidence, summary=summary, outputs={"graph": path})


# ---------------------------------------------------------------- comparing


def compare(a: Result | nx.MultiDiGraph, b: Result | nx.MultiDiGraph, *,
            level: str = "actor") -> pd.DataFrame:
    """How graph ``b`` differs from graph ``a``, one row per pair of actors (see ``Result.pairs``).

    ``change`` is ``gained`` (a pair with relations in b only), ``lost`` (in a
    only), ``changed polarity`` (the pair's stance differs: cooperative, hostile,
    mixed, neutral; ``absent`` in the graph without the pair), ``changed relations`` (same stance, other relation types) or
    ``same``. ``gained_relations`` and ``lost_relations`` list the relation types
    that appear or disappear; ``stance_a``/``stance_b``, ``score_a``/``score_b``
    and ``relations_a``/``relations_b`` are the pair in each graph.
    ``level="state"`` first folds people and state bodies into their country.
    Rows are ordered by change, then by how much the score moved.
    """
    a, b = (x if isinstance(x, Result) else Result(graph=x) for x in (a, b))
    if level != "actor":
        a, b = a.select(level=level), b.select(level=level)
    keys = ["id_1", "id_2"]
    left = a.pairs.set_index(keys)
    right = b.pairs.set_index(keys)
    rows = []
    for key in sorted(set(left.index) | set(right.index)):
        one = left.loc[key] if key in left.index else None
        two = right.loc[key] if key in right.index else None
        named = two if two is not None else one
        relations_a = _split(one["relations"]) if one is not None else []
        relations_b = _split(two["relations"]) if two is not None else []
        if one is None:
            change = "gained"
        elif two is None:
            change = "lost"
        elif one["stance"] != two["stance"]:
            change = "changed polarity"
        elif relations_a != relations_b:
            change = "changed relations"
        else:
            change = "same"
        rows.append({
            "actor_1": named["actor_1"], "actor_2": named["actor_2"], "id_1": key[0], "id_2": key[1],
            "change": change,
            "stance_a": one["stance"] if one is not None else "absent",
            "stance_b": two["stance"] if two is not None else "absent",
            "score_a": one["score"] if one is not None else 0.0,
            "score_b": two["score"] if two is not None else 0.0,
            "gained_relations": ", ".join(r for r in relations_b if r not in relations_a),
            "lost_relations": ", ".join(r for r in relations_a if r not in relations_b),
            "relations_a": ", ".join(relations_a), "relations_b": ", ".join(relations_b),
        })
    columns = ["actor_1", "actor_2", "id_1", "id_2", "change", "stance_a", "stance_b", "score_a",
               "score_b", "gained_relations", "lost_relations", "relations_a", "relations_b"]
    frame = pd.DataFrame(rows, columns=columns)
    if frame.empty:
        return frame
    frame["_order"] = frame["change"].map(CHANGES.index)
    frame["_moved"] = -(frame["score_b"] - frame["score_a"]).abs()
    return (frame.sort_values(["_order", "_moved", "actor_1", "actor_2"], ignore_index=True)
            .drop(columns=["_order", "_moved"]))


# ---------------------------------------------------------------- Neo4j and the query library


def cypher_library() -> pd.DataFrame:
    """The queries of ``cypher/queries``: ``name``, ``purpose`` and ``parameters`` (with defaults)."""
    from graphkit.cypher import library_queries

    rows = [{"name": q.name, "purpose": q.purpose, "parameters": q.defaults()}
            for q in library_queries().values()]
    return pd.DataFrame(rows, columns=["name", "purpose", "parameters"])


class Neo4jDatabase:
    """A connection to Neo4j (or another Bolt server) that loads Results and answers Cypher.

        >>> with graphkit.connect("bolt://localhost:7687", "neo4j", "secret") as db:
        ...     db.load(result)
        ...     db.query("allies_adversaries", actor="Russia")
    """

    def __init__(self, uri: str, user: str = "neo4j", password: str = "",
                 database: str | None = None, **options):
        from graphkit.neo4j_store import Neo4jStore

        self.uri, self.database = uri, database or None
        self.store = Neo4jStore(uri, user, password, self.database, **options)

    def __repr__(self) -> str:
        return f"<graphkit.Neo4jDatabase {self.store.target}>"

    def load(self, graph: Result | nx.MultiDiGraph, **options):
        """Write a Result (or graph) into the database; returns the store's load report."""
        graph = graph.graph if isinstance(graph, Result) else graph
        return self.store.write(graph, **options)

    def query(self, cypher: str, **params) -> pd.DataFrame:
        """Run a Cypher text or a library query by name (as ``Result.query``); rows as a DataFrame."""
        text, bound = _prepare_query(cypher, params)
        return _frame(self.store.query(text, bound))

    def counts(self) -> dict[str, int]:
        """Actors, documents, evidence and relationships stored."""
        return self.store.counts()

    def clear(self) -> int:
        """Delete every graphkit node (Actor, Document, Evidence); returns how many."""
        return self.store.clear()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def connect(uri: str, user: str = "neo4j", password: str = "", database: str | None = None,
            **options) -> Neo4jDatabase:
    """Open a Neo4j (or other Bolt) database; raises ``StoreError`` when it cannot be reached."""
    return Neo4jDatabase(uri, user, password, database, **options)


# ---------------------------------------------------------------- helpers


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("name") or node) if node in graph else str(node)


def _relation(relation: str) -> str:
    name = str(relation).strip().upper()
    if name not in relation_vocabulary():
        raise InputError(f"unknown relation {relation!r}; known: {', '.join(relation_vocabulary())}")
    return name


def _stance(row: dict) -> str:
    if row["cooperative"] > row["hostile"]:
        return "cooperative"
    if row["hostile"] > row["cooperative"]:
        return "hostile"
    return "mixed" if row["cooperative"] else "neutral"


def _split(relations: str) -> list[str]:
    return [r for r in relations.split(", ") if r]


def _evidence_from_graph(graph: nx.MultiDiGraph) -> list[Evidence]:
    """The evidence rows on a graph's event edges (names for source and target)."""
    vocabulary = relation_vocabulary()
    rows = []
    for source, target, relation, data in graph.edges(keys=True, data=True):
        rel = vocabulary.get(relation)
        for item in data.get("evidence") or ():
            rows.append(Evidence(
                source=_name(graph, source), source_id=source,
                target=_name(graph, target), target_id=target, relation=relation,
                polarity=rel.polarity if rel else 0, weight=rel.weight if rel else 0.0,
                **{f: item.get(f) for f in EDGE_EVIDENCE_FIELDS},
            ))
    return sorted(rows, key=lambda e: (e.doc, e.start, e.source_id, e.relation, e.target_id))


def _prepare_query(cypher: str, params: dict) -> tuple[str, dict]:
    """A library query by name (its defaults overlaid with ``params``), or a Cypher text as given."""
    from graphkit.cypher import library_queries

    name = cypher.strip()
    if name.isidentifier():
        library = library_queries()
        if name in library:
            query = library[name]
            return query.text, query.bind(params)
        raise InputError(f"no query named {name!r}; the library has: {', '.join(sorted(library))}")
    return cypher, dict(params)


def _frame(rows) -> pd.DataFrame:
    columns = list(getattr(rows, "columns", None) or (rows[0].keys() if rows else []))
    return pd.DataFrame(list(rows), columns=columns)
