"""Graph → files other tools read: GraphML (yEd, Cytoscape), GEXF (Gephi), CSV for ``neo4j-admin import``.

Every writer takes the graph as ``build_graph`` makes it and writes atomically.
GraphML and GEXF hold only scalar attributes, so ``flatten_graph`` turns lists
of plain values into ``"; "``-joined text (aliases, sources), lists of records
and dicts into JSON text (evidence, the document list), and drops ``None``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx

from graphkit.errors import InputError
from graphkit.output import atomic_write_text, ensure_folder

EXPORT_FORMATS = ("graphml", "gexf", "csv")
LIST_SEPARATOR = "; "
NEO4J_ARRAY_DELIMITER = ";"  # neo4j-admin's default --array-delimiter

NODE_COLUMNS = ("id:ID", "name", "kind", "aliases:string[]", "affiliation", ":LABEL")
EDGE_COLUMNS = (
    ":START_ID", ":END_ID", ":TYPE", "count:int", "negated_count:int", "hedged_count:int",
    "polarity:int", "weight:float", "symmetric:boolean", "confidence:float",
    "first_seen", "last_seen", "sources:string[]", "evidence",
)


def _flat(value):
    """One attribute value as a GraphML/GEXF scalar, or None to leave it out."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
        if all(isinstance(v, (str, int, float, bool)) for v in items):
            return LIST_SEPARATOR.join(str(v) for v in items)
        return json.dumps(items, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _flat_attributes(data: dict) -> dict:
    flat = {key: _flat(value) for key, value in data.items()}
    return {key: value for key, value in flat.items() if value is not None}


def flatten_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` whose graph, node and edge attributes are all scalars."""
    flat = nx.MultiDiGraph(**_flat_attributes(graph.graph))
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **_flat_attributes(data))
    for source, target, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=key, **_flat_attributes(data))
    return flat


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """GraphML text; edge ids are the relation (the multigraph key)."""
    return "\n".join(nx.generate_graphml(flatten_graph(graph), prettyprint=True)) + "\n"


def to_gexf(graph: nx.MultiDiGraph) -> str:
    """GEXF 1.2 text for Gephi.

    Nodes are labelled with their name. Each edge has id ``source|relation|target``,
    label = relation, and Gephi's ``weight`` = asserted mentions (at least 1), because
    Gephi's layouts need a positive strength; the Goldstein score stays as ``goldstein``.
    """
    flat = flatten_graph(graph)
    for node, data in flat.nodes(data=True):
        data["label"] = data.get("name", str(node))
    for source, target, key, data in flat.edges(keys=True, data=True):
        data["id"] = f"{source}|{key}|{target}"
        data["label"] = str(key)
        if "weight" in data:
            data["goldstein"] = data.pop("weight")
        data["weight"] = max(int(data.get("count") or 0), 1)
    return "\n".join(nx.generate_gexf(flat, version="1.2draft", prettyprint=True)) + "\n"


def _neo4j_text(value) -> str:
    """A CSV cell neo4j-admin reads back as one value (no newline inside)."""
    if value is None:
        return ""
    return " ".join(str(value).split("\n")).replace("\r", " ")


def _neo4j_array(values) -> str:
    return NEO4J_ARRAY_DELIMITER.join(_neo4j_text(v).replace(NEO4J_ARRAY_DELIMITER, ",") for v in values or ())


def _csv_text(header: tuple[str, ...], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def to_neo4j_csv(graph: nx.MultiDiGraph) -> tuple[str, str]:
    """The text of ``nodes.csv`` and ``edges.csv`` with neo4j-admin import headers.

    Nodes get the labels ``Actor`` and their kind (``Actor;Country``); relationships
    have the relation as type. Evidence is one JSON string per relationship.
    """
    node_rows = []
    for node, data in sorted(graph.nodes(data=True), key=lambda item: str(item[0])):
        kind = str(data.get("kind") or "group")
        node_rows.append([
            _neo4j_text(node), _neo4j_text(data.get("name") or node), kind, _neo4j_array(data.get("aliases")),
            _neo4j_text(data.get("affiliation")), f"Actor{NEO4J_ARRAY_DELIMITER}{kind.capitalize()}",
        ])
    edge_rows = []
    for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), e[2])):
        edge_rows.append([
            _neo4j_text(source), _neo4j_text(target), _neo4j_text(data.get("relation") or key),
            int(data.get("count") or 0), int(data.get("negated_count") or 0), int(data.get("hedged_count") or 0),
            int(data.get("polarity") or 0), float(data.get("weight") or 0.0),
            "true" if data.get("symmetric") else "false", float(data.get("confidence") or 0.0),
            _neo4j_text(data.get("first_seen")), _neo4j_text(data.get("last_seen")),
            _neo4j_array(data.get("sources")),
            json.dumps(data.get("evidence") or [], ensure_ascii=False, separators=(",", ":")),
        ])
    return _csv_text(NODE_COLUMNS, node_rows), _csv_text(EDGE_COLUMNS, edge_rows)


def export_graph(graph: nx.MultiDiGraph, path: Path, format: str) -> list[Path]:
    """Write ``graph`` as ``format`` (graphml, gexf, csv) and return the files written.

    For ``csv`` the path is a folder (created if needed) that receives
    ``nodes.csv`` and ``edges.csv``; for the others it is the file.
    """
    format = format.strip().lower()
    path = Path(path)
    if format == "graphml":
        atomic_write_text(path, to_graphml(graph))
        return [path]
    if format == "gexf":
        atomic_write_text(path, to_gexf(graph))
        return [path]
    if format == "csv":
        if path.suffix.lower() == ".csv":
            raise InputError(f"csv export writes nodes.csv and edges.csv into a folder; give a folder, not {path}")
        folder = ensure_folder(path)
        nodes_text, edges_text = to_neo4j_csv(graph)
        atomic_write_text(folder / "nodes.csv", nodes_text)
        atomic_write_text(folder / "edges.csv", edges_text)
        return [folder / "nodes.csv", folder / "edges.csv"]
    raise InputError(f"unknown export format {format!r}; use one of {', '.join(EXPORT_FORMATS)}")


def guess_format(path: Path) -> str:
    """The export format an output path implies: its suffix, or csv for a folder."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in ("graphml", "gexf"):
        return suffix
    if suffix == "" or Path(path).is_dir():
        return "csv"
    raise InputError(f"cannot tell the export format from {path}; give --format {'|'.join(EXPORT_FORMATS)}")
