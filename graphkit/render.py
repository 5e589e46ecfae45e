"""Graph → one self-contained HTML page: an interactive alliance map that opens from disk.

Two steps, kept apart:

* ``select_view(graph, options)`` is pure: it folds people and state bodies
  into their country (``level="state"``), filters edges (relation, polarity,
  minimum count, evidence dates), cuts an ego network around an actor, and
  keeps the strongest ``max_nodes`` actors. What it left out is recorded in
  ``view.graph["view"]``. ``graphkit build`` can reuse it with the same options.
* ``view_page(view, title=...)`` draws a selected view: pyvis holds the vis
  nodes and edges, and our own template (``templates/view.*``) inlines
  vis-network's JS/CSS (shipped inside pyvis, license header kept) and the
  data, so the page makes no network request. Every text from the graph
  reaches the page as JSON data and is put in the DOM with ``textContent``.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import html
import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from graphkit.errors import InputError
from graphkit.graph import edge_key
from graphkit.output import atomic_open, atomic_write_text
from graphkit.types import ACTOR_KINDS, STRUCTURAL_RELATIONS, relation_vocabulary

POLARITIES = {"cooperative": 1, "neutral": 0, "hostile": -1}
LEVELS = ("actor", "state")
DEFAULT_MAX_NODES = 500
BIG_GRAPH = 600  # above this many actors: layout computed in Python, no physics, no edge labels
EDGE_LABEL_LIMIT = 300  # edge labels are on by default up to this many edges
VIS_VERSION = "9.1.2"
SPRING = 170  # spring length (px) of the in-browser layout of small graphs
SEEDED_LAYOUT = 150  # above this many actors the in-browser layout starts from spread_layout

DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ].*)?)?)?$")




@lru_cache(maxsize=1)
def map_style() -> dict:
    """Colours and shapes of the map (``templates/view-style.json``, edited by people, not code)."""
    style = json.loads(resources.files("graphkit").joinpath("templates/view-style.json").read_text(encoding="utf-8"))
    style["kinds"] = {kind: tuple(value) for kind, value in style["kinds"].items()}
    style["polarity"] = {int(k): v for k, v in style["polarity"].items()}
    return style


# ---------------------------------------------------------------------------
# view selection (pure)


@dataclass(frozen=True)
class ViewOptions:
    """What part of a graph to show. Every field's default shows everything (up to ``max_nodes``).

    ``relations`` accepts a tuple or a comma-separated string; ``polarity`` is
    ``cooperative``, ``neutral`` or ``hostile``; ``since``/``until`` bound the
    evidence dates (ISO prefixes: ``2024``, ``2024-06``, ``2024-06-19``);
    ``level="state"`` folds people and state bodies into their affiliation;
    ``max_nodes=None`` (or 0) keeps every actor.
    """

    focus: str | None = None
    depth: int = 1
    relations: tuple[str, ...] = ()
    polarity: str | None = None
    min_count: int = 0
    since: str | None = None
    until: str | None = None
    level: str = "actor"
    max_nodes: int | None = DEFAULT_MAX_NODES

    def __post_init__(self) -> None:
        vocabulary = relation_vocabulary()
        relations = self.relations
        if isinstance(relations, str):
            relations = relations.split(",")
        relations = tuple(sorted({r.strip().upper() for r in relations or () if r.strip()}))
        unknown = [r for r in relations if r not in vocabulary]
        if unknown:
            raise InputError(
                f"unknown relation {', '.join(unknown)}; known: {', '.join(vocabulary)}"
            )
        object.__setattr__(self, "relations", relations)
        if self.polarity is not None:
            polarity = str(self.polarity).strip().lower()
            if polarity not in POLARITIES:
                raise InputError(f"polarity must be one of {', '.join(POLARITIES)}, not {self.polarity!r}")
            object.__setattr__(self, "polarity", polarity)
        level = str(self.level).strip().lower()
        if level not in LEVELS:
            raise InputError(f"level must be 'actor' or 'state', not {self.level!r}")
        object.__setattr__(self, "level", level)
        if self.depth < 0 or self.min_count < 0:
            raise InputError("depth and min-count cannot be negative")
        if self.max_nodes is not None and self.max_nodes < 0:
            raise InputError("max-nodes cannot be negative (0 keeps every actor)")
        object.__setattr__(self, "max_nodes", self.max_nodes or None)
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not DATE_PATTERN.match(str(value)):
                raise InputError(f"--{name} needs an ISO date (2024, 2024-06 or 2024-06-19), not {value!r}")
        if self.since and self.until and self.since[:len(self.until)] > self.until:
            raise InputError(f"--since {self.since} is after --until {self.until}")

    @property
    def filters_edges(self) -> bool:
        return bool(self.relations or self.polarity or self.min_count or self.since or self.until)

    def describe(self) -> list[str]:
        """The view in a few words each, for the page and the CLI."""
        parts = []
        if self.level == "state":
            parts.append("state level: people and state bodies folded into their country")
        if self.relations:
            parts.append("relations: " + ", ".join(self.relations))
        if self.polarity:
            parts.append(f"{self.polarity} relations only")
        if self.min_count:
            parts.append(f"at least {self.min_count} asserted mention{'s' if self.min_count > 1 else ''}")
        if self.since or self.until:
            parts.append(f"evidence dated {self.since or '…'} to {self.until or '…'}")
        return parts


def _date_in_range(date: str | None, since: str | None, until: str | None) -> bool:
    if not date:
        return False
    if since and date[:len(since)] < since:
        return False
    return not (until and date[:len(until)] > until)


# evidence items per relation carried in the page (the side panel lists 200); graph.json keeps them all
EVIDENCE_IN_PAGE = 200


def _edge_stats(evidence: list[dict]) -> dict:
    asserted = [e for e in evidence if not e.get("negated")]
    dates = sorted(e["date"] for e in evidence if e.get("date"))
    return {
        "count": len(asserted),
        "negated_count": len(evidence) - len(asserted),
        "hedged_count": sum(1 for e in asserted if e.get("hedged")),
        "sources": sorted({e["doc"] for e in evidence if e.get("doc")}),
        "confidence": round(max((e.get("confidence") or 0 for e in evidence), default=0), 3),
        "first_seen": dates[0] if dates else None,
        "last_seen": dates[-1] if dates else None,
    }


def find_actor(graph: nx.MultiDiGraph, query: str) -> str:
    """The id of the actor named ``query``: by id, then name, then alias, case-insensitive."""
    wanted = query.strip().casefold()
    for attribute in ("id", "name", "aliases"):
        found = []
        for node, data in graph.nodes(data=True):
            if attribute == "id":
                values = [node]
            elif attribute == "name":
                values = [data.get("name") or ""]
            else:
                values = list(data.get("aliases") or ()) + list(data.get("folded") or ())
            if any(str(v).casefold() == wanted for v in values):
                found.append(node)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise InputError(f"actor {query!r} is ambiguous: {', '.join(sorted(found))}; use an id")
    names = {str(d.get("name") or n): n for n, d in graph.nodes(data=True)}
    close = difflib.get_close_matches(query, list(names), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise InputError(f"no actor {query!r} in the graph{hint}")


def _country_name(code: str) -> str:
    try:
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
    except (ImportError, LookupError, KeyError):
        country = None
    return (getattr(country, "common_name", None) or country.name) if country else code


def _fold_to_states(graph: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, dict[str, str], int]:
    """People and state bodies merged into the country they act for; edges and evidence merged."""
    def state_of(node: str) -> str:
        seen = {node}
        while True:
            data = graph.nodes[node] if node in graph else {}
            parent = data.get("affiliation")
            if data.get("kind") == "country" or not parent or parent in seen:
                return node
            seen.add(parent)
            node = parent

    mapping = {node: state_of(node) for node in graph}
    folded = nx.MultiDiGraph(**graph.graph)
    for node, data in graph.nodes(data=True):
        state = mapping[node]
        if state == node:
            folded.add_node(node, **{**data, "folded": list(data.get("folded") or ())})
    for node, data in graph.nodes(data=True):
        state = mapping[node]
        if state != node:
            if state not in folded:
                folded.add_node(state, name=_country_name(state), kind="country", aliases=[],
                                affiliation=None, folded=[])
            folded.nodes[state]["folded"] = sorted({*folded.nodes[state]["folded"], data.get("name") or node})
    vocabulary = relation_vocabulary()
    merged: dict[tuple[str, str, str], dict] = {}
    inside = 0
    for source, target, relation, data in graph.edges(keys=True, data=True):
        new_source, new_target = mapping[source], mapping[target]
        if new_source == new_target and source != target:
            inside += 1
            continue
        if relation in vocabulary:
            new_source, _, new_target = edge_key(new_source, relation, new_target)
        evidence = list(data.get("evidence") or ())
        if (new_source, new_target) not in ((source, target), (target, source)):
            via = f"{graph.nodes[source].get('name', source)} → {graph.nodes[target].get('name', target)}"
            evidence = [{**item, "via": via} for item in evidence]
        key = (new_source, relation, new_target)
        if key not in merged:
            merged[key] = {**data, "evidence": evidence, "sources": list(data.get("sources") or ())}
            continue
        into = merged[key]
        for counter in ("count", "negated_count", "hedged_count"):
            into[counter] = into.get(counter, 0) + data.get(counter, 0)
        into["evidence"] = sorted(into["evidence"] + evidence, key=lambda e: (e.get("doc") or "", e.get("start") or 0))
        into["sources"] = sorted({*into["sources"], *(data.get("sources") or ())})
        into["confidence"] = max(into.get("confidence") or 0, data.get("confidence") or 0)
        seen = [d for d in (into.get("first_seen"), data.get("first_seen")) if d]
        into["first_seen"] = min(seen) if seen else None
        seen = [d for d in (into.get("last_seen"), data.get("last_seen")) if d]
        into["last_seen"] = max(seen) if seen else None
    for (source, relation, target), data in merged.items():
        if data["evidence"]:
            data["evidence"] = _merge_duplicates(data["evidence"])
            data.update(_edge_stats(data["evidence"]))
        folded.add_edge(source, target, key=relation, **data)
    return folded, mapping, inside


def _merge_duplicates(evidence: list[dict]) -> list[dict]:
    """One item per sentence and negation: two people of one state in one sentence are one state mention.

    The merged item is hedged only if every copy was, and lists every actor pair in ``via``.
    """
    merged: dict[tuple, dict] = {}
    for item in evidence:
        key = (item.get("doc"), item.get("start"), item.get("end"), bool(item.get("negated")))
        if key not in merged:
            merged[key] = dict(item)
            continue
        into = merged[key]
        into["hedged"] = bool(into.get("hedged")) and bool(item.get("hedged"))
        into["confidence"] = max(into.get("confidence") or 0, item.get("confidence") or 0)
        vias = [v for v in (into.get("via"), item.get("via")) if v]
        if vias:
            into["via"] = "; ".join(dict.fromkeys("; ".join(vias).split("; ")))
    return list(merged.values())


def _filter_edges(graph: nx.MultiDiGraph, options: ViewOptions, keep: set[str]) -> nx.MultiDiGraph:
    """Edges that pass the options; actors left with no edge of their own are dropped."""
    view = nx.MultiDiGraph(**graph.graph)
    view.add_nodes_from(graph.nodes(data=True))
    anchored: set[str] = set(keep)
    wanted_polarity = POLARITIES.get(options.polarity) if options.polarity else None
    for source, target, relation, data in graph.edges(keys=True, data=True):
        structural = relation in STRUCTURAL_RELATIONS
        if options.relations and relation not in options.relations:
            continue
        if wanted_polarity is not None and (structural or data.get("polarity", 0) != wanted_polarity):
            continue
        if not structural and (options.since or options.until):
            evidence = [e for e in data.get("evidence") or () if _date_in_range(e.get("date"), options.since, options.until)]
            if not evidence:
                continue
            data = {**data, **_edge_stats(evidence), "evidence": evidence}
        if not structural and data.get("count", 0) < options.min_count:
            continue
        view.add_edge(source, target, key=relation, **data)
        if not structural or options.relations:
            anchored.update((source, target))
    view.remove_nodes_from([n for n in graph if n not in anchored])
    return view


def actor_strength(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Weighted degree: every incident edge counts its asserted mentions, at least 1."""
    strength = dict.fromkeys(graph, 0)
    for source, target, data in graph.edges(data=True):
        mass = max(int(data.get("count") or 0), 1)
        strength[source] += mass
        if target != source:
            strength[target] += mass
    return strength


def _induced_copy(graph: nx.MultiDiGraph, nodes: set) -> nx.MultiDiGraph:
    """``graph.copy()`` with only ``nodes`` and the edges among them, in the same order."""
    copy = graph.__class__()
    copy.graph.update(graph.graph)
    copy.add_nodes_from((n, data) for n, data in graph.nodes(data=True) if n in nodes)
    copy.add_edges_from((u, v, key, data) for u, v, key, data in graph.edges(keys=True, data=True)
                        if u in nodes and v in nodes)
    return copy


def select_view(graph: nx.MultiDiGraph, options: ViewOptions | None = None, *, shared: bool = False,
                **view_options) -> nx.MultiDiGraph:
    """The part of ``graph`` that ``options`` asks for, as a new graph (the input is not changed).

    ``shared``: when the options leave everything in, a read-only view of
    ``graph`` instead of a copy (what a page needs, for big graphs).

    ``view.graph["view"]`` reports the options, their description, and what was
    left out (actors and relations over ``max_nodes``, the largest of them by name).
    """
    if options is not None and view_options:
        raise TypeError("give either options or keyword view options, not both")
    options = options or ViewOptions(**view_options)
    total_nodes, total_edges = graph.number_of_nodes(), graph.number_of_edges()
    focus = find_actor(graph, options.focus) if options.focus else None
    view, inside = graph, 0
    if options.level == "state":
        view, mapping, inside = _fold_to_states(graph)
        focus = mapping.get(focus, focus)
    if options.filters_edges:
        view = _filter_edges(view, options, {focus} if focus else set())
    if focus:
        view = view.subgraph(nx.ego_graph(view.to_undirected(as_view=True), focus, radius=options.depth)).copy()
    omitted_nodes: list[tuple[str, int]] = []
    omitted_edges = 0
    if options.max_nodes and view.number_of_nodes() > options.max_nodes:
        strength = actor_strength(view)
        ranked = sorted(view, key=lambda n: (n != focus, -strength[n], str(n)))
        drop = ranked[options.max_nodes:]
        omitted_nodes = [(view.nodes[n].get("name") or n, strength[n]) for n in drop]
        before = view.number_of_edges()
        if view is graph:  # copy only what stays: a big graph is not copied whole
            view = _induced_copy(graph, set(ranked[:options.max_nodes]))
        else:
            view.remove_nodes_from(drop)
        omitted_edges = before - view.number_of_edges()
    if view is graph and shared:  # nothing left out: a read-only view of the same nodes and edges
        view = nx.graphviews.subgraph_view(graph)
        view.graph = dict(graph.graph)
    elif view is graph:
        view = graph.copy()
    view.graph["view"] = {
        "options": asdict(options),
        "description": options.describe(),
        "focus": focus,
        "depth": options.depth,
        "focus_name": view.nodes[focus].get("name", focus) if focus in view else None,
        "total_nodes": total_nodes,
        "total_edges": total_edges,
        "omitted_nodes": len(omitted_nodes),
        "omitted_edges": omitted_edges,
        "omitted_examples": [name for name, _ in omitted_nodes[:5]],
        "inside_state_dropped": inside,
    }
    return view


# ---------------------------------------------------------------------------
# page


def _relation_words(relation: str) -> str:
    return relation.lower().replace("_", " ")


def _parallel_curves(edges: list[tuple[str, str, str]], spring: int) -> list[tuple[dict | bool, int | None]]:
    """Per edge: a curve, so that edges between the same two actors fan out instead of
    overlapping, and a longer spring, so that the fan has room for its labels."""
    groups: dict[tuple[str, str], list[int]] = {}
    for index, (source, target, relation) in enumerate(edges):
        groups.setdefault(tuple(sorted((str(source), str(target)))), []).append(index)
    shape: list[tuple[dict | bool, int | None]] = [(False, None)] * len(edges)
    for (low, _), members in groups.items():
        if len(members) < 2:
            continue
        length = int(spring * min(1 + 0.25 * (len(members) - 1), 3))
        step = min(0.3, 1.3 / (len(members) - 1))  # the outermost curves stay within roundness 0.65
        members.sort(key=lambda i: (edges[i][2], str(edges[i][0]) != low))
        for rank, index in enumerate(members):
            offset = rank - (len(members) - 1) / 2
            if offset == 0:
                shape[index] = (False, length)
                continue
            clockwise = (offset > 0) == (str(edges[index][0]) == low)
            shape[index] = ({"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                             "roundness": round(step * abs(offset), 3)}, length)
    return shape


def spread_layout(graph: nx.MultiDiGraph, *, iterations: int = 150, seed: int = 7, sample: int = 64,
                  spacing: float = 40.0) -> dict[str, tuple[float, float]]:
    """Positions (px) for a big graph, so that the browser needs no physics at all.

    ForceAtlas2-style forces (degree-weighted 1/d repulsion, linear attraction along
    edges, gravity towards the centre) with repulsion estimated from a random sample
    of ``sample`` actors per step: O(nodes × sample + edges) per step, ~2 s for
    5,000 actors and 20,000 relations. Deterministic for a given ``seed``.
    """
    import numpy as np

    nodes = list(graph)
    count = len(nodes)
    if count == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in graph.edges() if u != v})
    links = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    source, target = links[:, 0], links[:, 1]
    rng = np.random.default_rng(seed)
    mass = 1.0 + np.bincount(links.ravel(), minlength=count)
    position = rng.uniform(-1, 1, size=(count, 2)) * math.sqrt(count) * 4
    size = min(count, sample)
    temperature, cooling = math.sqrt(count) * 2, 0.01 ** (1 / iterations)
    for _ in range(iterations):
        chosen = rng.choice(count, size=size, replace=False)
        delta = position[:, None, :] - position[None, chosen, :]
        distance2 = np.einsum("ijk,ijk->ij", delta, delta) + 1.0
        force = np.einsum("ijk,ij->ik", delta, mass[chosen][None, :] / distance2) * ((count - 1) / size) * mass[:, None]
        stretch = position[source] - position[target]
        np.add.at(force, source, -stretch)
        np.add.at(force, target, stretch)
        force -= 0.02 * mass[:, None] * position
        length = np.linalg.norm(force, axis=1) + 1e-9
        position += force * (np.minimum(length, temperature * np.sqrt(mass)) / length)[:, None]
        temperature *= cooling
    position -= np.median(position, axis=0)
    radius = math.sqrt(float(np.mean((position ** 2).sum(axis=1)))) or 1.0
    position *= spacing * math.sqrt(count / math.pi) / radius
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, position)}


def _vis_options(pyvis_net, node_count: int, edge_count: int) -> dict:
    """vis-network options: pyvis's defaults, then a bounded, deterministic layout."""
    options = json.loads(pyvis_net.options.to_json())
    big = node_count > BIG_GRAPH
    options["edges"] = {
        "smooth": False,
        "font": {"size": 11 if edge_count <= EDGE_LABEL_LIMIT and not big else 0, "color": "#37474f",
                 "strokeWidth": 3, "strokeColor": "#ffffff", "align": "top"},
        "selectionWidth": 2, "hoverWidth": 1.5,
        "scaling": {"label": {"drawThreshold": 8}},  # no unreadable specks of text when zoomed out
        "arrowStrikethrough": False,
    }
    options["edges"]["arrows"] = {"to": {"enabled": True, "scaleFactor": 0.7}}
    options["nodes"] = {"font": {"size": 15, "face": "system-ui, sans-serif", "strokeWidth": 4,
                                 "strokeColor": "#ffffff"}, "borderWidth": 1.5, "widthConstraint": {"maximum": 170}}
    options["groups"] = {
        kind: {"shape": shape, "color": {"background": fill, "border": border,
                                         "highlight": {"background": fill, "border": "#111111"},
                                         "hover": {"background": fill, "border": "#111111"}}}
        for kind, (fill, border, shape) in map_style()["kinds"].items()
    }
    options["layout"] = {"randomSeed": 7, "improvedLayout": node_count <= SEEDED_LAYOUT}
    options["interaction"] = {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                              "hideEdgesOnZoom": big, "multiselect": False, "navigationButtons": False,
                              "keyboard": False}
    if big:  # positions come from spread_layout: nothing to simulate in the browser
        physics = {"enabled": False, "stabilization": {"enabled": False}}
    else:
        physics = {"solver": "forceAtlas2Based",
                   "forceAtlas2Based": {"gravitationalConstant": -120, "centralGravity": 0.012,
                                        "springLength": SPRING, "springConstant": 0.06, "damping": 0.55,
                                        "avoidOverlap": 0.6},
                   "stabilization": {"enabled": True, "updateInterval": 25, "fit": True,
                                     "iterations": max(50, min(400, 120_000 // max(node_count + edge_count, 1)))},
                   "minVelocity": 0.75}
    options["physics"] = {"enabled": True, **physics}  # (big graphs override "enabled")
    options["configure"] = {"enabled": False}
    return options


def _compact(item: dict) -> dict:
    """An evidence item without its empty fields (the page reads a missing flag as false)."""
    return {k: v for k, v in item.items() if v is not None and v is not False and v != ""}


def page_data(view: nx.MultiDiGraph, *, title: str | None = None) -> dict:
    """Everything the page script needs, as JSON-ready data (vis nodes/edges built with pyvis)."""
    data = {}
    for key, value in _page_sections(view, title):
        data[key] = dict(value) if key in ("relations", "documents") else list(value) if key == "edges" else value
    return data


def _page_sections(view: nx.MultiDiGraph, title: str | None) -> Iterator[tuple[str, object]]:
    """(key, value) of the page data in page order; "edges", "relations" and "documents" come as
    iterators, made one item at a time, so that a big graph's page is written without all of it in memory."""
    from pyvis.network import Network

    nodes, actors = _node_entries(view)
    present = Counter(relation for _, _, relation in view.edges(keys=True))
    yield "title", title or "Alliance map"
    yield "nodes", nodes
    yield "edges", (options for _, options, _ in _edge_entries(view, panel=False))
    yield "actors", actors
    yield "relations", ((edge_id, relation) for edge_id, _, relation in _edge_entries(view))
    yield "legend", _legend(present)
    kind_style = map_style()["kinds"]
    yield "kinds", [{"kind": k, "fill": kind_style[k][0], "border": kind_style[k][1], "shape": kind_style[k][2]}
                    for k in ACTOR_KINDS if k in kind_style]
    report = dict(view.graph.get("view") or {})
    report.pop("options", None)
    yield "documents", _document_entries(view.graph.get("documents") or ())
    yield "view", report
    yield "big", view.number_of_nodes() > BIG_GRAPH
    yield "options", _vis_options(Network(directed=True), view.number_of_nodes(), view.number_of_edges())


def _document_entries(documents) -> Iterator[tuple[str, dict]]:
    """(id, compact document) pairs, an id once, with the last of the documents of that id (as a dict of
    them would have it; the graph's documents are in id order, so those of one id are together)."""
    last = None
    for document in documents:
        if not isinstance(document, dict):
            continue
        entry = (str(document.get("id")), _compact(document))
        if last is not None and last[0] != entry[0]:
            yield last
        last = entry
    if last is not None:
        yield last


def _node_entries(view: nx.MultiDiGraph) -> tuple[list[dict], dict[str, dict]]:
    """vis nodes (built with pyvis) and the side panel's actors."""
    from pyvis.network import Network

    kind_style = map_style()["kinds"]
    strength = actor_strength(view)
    # big graphs: final positions; medium ones: a start that the (capped) physics only polishes
    positions = spread_layout(view) if view.number_of_nodes() > SEEDED_LAYOUT else {}
    net = Network(directed=True)
    actors = {}
    focus = (view.graph.get("view") or {}).get("focus")
    for node, data in sorted(view.nodes(data=True), key=lambda item: str(item[0])):
        kind = data.get("kind") if data.get("kind") in kind_style else "group"
        name = str(data.get("name") or node)
        size = min(10 + 5 * math.log2(1 + strength[node]), 48) * (0.8 if kind == "person" else 1)
        extra = {"x": positions[node][0], "y": positions[node][1]} if positions else {}
        if node == focus:
            extra["borderWidth"] = 4
        net.add_node(str(node), label=name, shape=kind_style[kind][2], group=kind, size=round(size, 1), **extra)
        affiliation = data.get("affiliation")
        actors[str(node)] = _compact({
            "name": name, "kind": kind, "aliases": list(data.get("aliases") or ()),
            "affiliation": affiliation,
            "affiliation_name": view.nodes[affiliation].get("name") if affiliation in view else affiliation,
            "folded": list(data.get("folded") or ()), "strength": strength[node],
        })
    return net.nodes, actors


def _edge_entries(view: nx.MultiDiGraph, panel: bool = True) -> Iterator[tuple[str, dict, dict | None]]:
    """(edge id, vis edge options, side panel relation) for each edge, in a fixed order; without
    ``panel`` the relation is None and the edge's evidence is not read."""
    from pyvis.edge import Edge

    vocabulary = relation_vocabulary()
    style = map_style()
    relation_color = style["relations"]
    big = view.number_of_nodes() > BIG_GRAPH
    ordered = sorted(view.edges(keys=True), key=lambda e: (str(e[0]), str(e[1]), e[2]))
    curves = _parallel_curves(ordered, SPRING)
    for index, ((source, target, relation), (smooth, length)) in enumerate(zip(ordered, curves)):
        data = view.edges[source, target, relation]
        edge_id = f"e{index}"
        rel = vocabulary.get(relation)
        polarity = int(data.get("polarity", rel.polarity if rel else 0))
        symmetric = bool(data.get("symmetric", rel.symmetric if rel else False))
        count, negated = int(data.get("count") or 0), int(data.get("negated_count") or 0)
        hedged = int(data.get("hedged_count") or 0)
        structural = relation in STRUCTURAL_RELATIONS
        denied_only = count == 0 and negated > 0
        words = _relation_words(relation)
        color = style["denied"] if denied_only else relation_color.get(relation, style["polarity"].get(polarity, "#888"))
        options = dict(
            id=edge_id, relation=relation, polarity=polarity, count=count, color=color,
            text=f"denied: {words}" if denied_only else (f"{words} ×{count}" if count > 1 else words),
            width=1 if structural or denied_only else round(min(1.5 + 2 * math.log2(count), 9), 2),
        )
        if denied_only or (count and hedged == count):
            options["dashes"] = [2, 5] if denied_only else [10, 6]
        if symmetric:
            options["arrows"] = {"to": {"enabled": False}}
        if smooth:
            options["smooth"] = smooth
        if length and not big:
            options["length"] = length
        if not big:  # measuring 20,000 hidden labels would cost a big page seconds; it adds them on demand
            options["label"] = options["text"]
        vis_edge = Edge(str(source), str(target), True, **options).options
        if not panel:
            yield edge_id, vis_edge, None
            continue
        evidence = data.get("evidence") or ()
        yield edge_id, vis_edge, _compact({
            "relation": relation, "source": str(source), "target": str(target), "symmetric": symmetric,
            "polarity": polarity, "count": count, "negated_count": negated, "hedged_count": hedged,
            "sources": list(data.get("sources") or ()), "first_seen": data.get("first_seen"),
            "last_seen": data.get("last_seen"), "description": rel.description if rel else None,
            "evidence": [_compact(item) for item in evidence[:EVIDENCE_IN_PAGE]],
            "evidence_more": max(0, len(evidence) - EVIDENCE_IN_PAGE),
        })


def _legend(present: Counter) -> list[dict]:
    vocabulary = relation_vocabulary()
    relation_color = map_style()["relations"]
    legend = [
        {"relation": name, "color": relation_color.get(name, "#888"), "polarity": rel.polarity,
         "symmetric": rel.symmetric, "description": rel.description, "edges": present[name]}
        for name, rel in vocabulary.items() if present[name]
    ]
    return legend + [{"relation": name, "color": "#888", "polarity": 0, "symmetric": False,
                      "description": "", "edges": n} for name, n in present.items() if name not in vocabulary]


def _script_json(value) -> str:
    """JSON that is inert inside a <script type="application/json"> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        if raw in text:
            text = text.replace(raw, escaped)
    return text


def _data_json_parts(view: nx.MultiDiGraph, title: str | None) -> Iterator[str]:
    """``_script_json(page_data(view))`` in pieces, an edge at a time (escaping is per character, so
    escaping the pieces escapes the whole)."""
    for number, (key, value) in enumerate(_page_sections(view, title)):
        yield ("{" if number == 0 else ",") + _script_json(key) + ":"
        if key == "edges":
            yield "["
            for position, item in enumerate(value):
                yield ("" if position == 0 else ",") + _script_json(item)
            yield "]"
        elif key in ("relations", "documents"):
            yield "{"
            for position, (edge_id, item) in enumerate(value):
                yield ("" if position == 0 else ",") + _script_json(edge_id) + ":" + _script_json(item)
            yield "}"
        else:
            yield _script_json(value)
    yield "}"


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside pyvis (license header kept, source map line dropped)."""
    folder = resources.files("pyvis").joinpath(f"lib/vis-{VIS_VERSION}")
    script = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    style = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    script = re.sub(r"\n?//# sourceMappingURL=\S*\s*$", "\n", script)
    if "</script" in script.lower() or "</style" in style.lower():  # pragma: no cover - guards a pyvis upgrade
        raise RuntimeError("vis-network assets cannot be inlined")
    return script, style


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(loader=PackageLoader("graphkit", "templates"),
                              autoescape=select_autoescape(["html", "j2"]))
    return environment.get_template("view.html.j2")


def _template_text(name: str) -> str:
    return resources.files("graphkit").joinpath(f"templates/{name}").read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def view_page(view: nx.MultiDiGraph, *, title: str | None = None) -> str:
    """The HTML page of an already selected view (see ``select_view``)."""
    return "".join(view_page_parts(view, title=title))


def view_page_parts(view: nx.MultiDiGraph, *, title: str | None = None) -> Iterator[str]:
    """The page of ``view_page`` in pieces, to be written as they come (memory does not grow with the
    graph's evidence)."""
    vis_script, vis_style = _vis_assets()
    app_script, app_style = _template_text("view.js"), _template_text("view.css")
    # only our two scripts may run: injected markup could not execute even if it reached the DOM
    policy = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
              f"script-src {_csp_hash(vis_script)} {_csp_hash(app_script)}; base-uri 'none'; form-action 'none'")
    marker = "\x00graphkit-page-data\x00"
    page = _template().render(
        title=title or "Alliance map", policy=policy, vis_script=vis_script, vis_style=vis_style,
        app_script=app_script, app_style=app_style, data_json=marker, style=map_style(),
        vis_version=VIS_VERSION,
    )
    head, tail = page.split(marker)
    yield head
    yield from _data_json_parts(view, title)
    yield tail


def write_page(view: nx.MultiDiGraph, path: Path, *, title: str | None = None) -> Path:
    """Write the page of an already selected view to ``path`` atomically, piece by piece."""
    path = Path(path)
    with atomic_open(path) as handle:
        for part in view_page_parts(view, title=title):
            handle.write(part)
    return path


def render_page(graph: nx.MultiDiGraph, *, title: str | None = None, options: ViewOptions | None = None,
                **view_options) -> str:
    """The self-contained HTML page for ``graph`` (pure: nothing is written)."""
    return view_page(select_view(graph, options, shared=True, **view_options), title=title)


def render_html(graph: nx.MultiDiGraph, path: Path, *, title: str | None = None,
                options: ViewOptions | None = None, **view_options) -> Path:
    """Write the page for ``graph`` to ``path`` atomically and return the path."""
    return write_page(select_view(graph, options, shared=True, **view_options), path, title=title)


@dataclass(frozen=True)
class GraphView:
    """A rendered page that Jupyter (Lab, classic, VS Code) shows inline through an iframe ``srcdoc``."""

    html: str = field(repr=False)
    height: int = 640

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="allow-scripts" '
                f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd;border-radius:4px" '
                'title="graphkit alliance map"></iframe>')

    def save(self, path: Path) -> Path:
        path = Path(path)
        atomic_write_text(path, self.html)
        return path


def show(graph: nx.MultiDiGraph, *, title: str | None = None, height: int = 640,
         options: ViewOptions | None = None, **view_options) -> GraphView:
    """The map of ``graph`` for a notebook cell: ``show(graph, focus="North Korea", depth=1)``."""
    return GraphView(render_page(graph, title=title, options=options, **view_options), height=height)
