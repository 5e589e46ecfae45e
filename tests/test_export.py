"""GraphML, GEXF and neo4j-admin CSV export, read back with networkx and csv."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from graphkit.errors import InputError
from graphkit.export import (
    EDGE_COLUMNS,
    NODE_COLUMNS,
    export_graph,
    flatten_graph,
    guess_format,
    to_neo4j_csv,
)
from graphkit.graph import build_graph, write_graph
from graphkit.types import Actor, Document, Evidence, relation_vocabulary

ACTORS = [
    Actor("PRK", "North Korea", "country", ("Pyongyang", "DPRK")),
    Actor("RUS", "Russia", "country", ("Moscow",)),
    Actor("UKR", "Ukraine", "country"),
    Actor("NATO", "NATO", "organization"),
    Actor("kim-jong-un", "Kim Jong Un", "person", ("Kim Jong-un",), "PRK"),
]
NAMES = {a.id: a.name for a in ACTORS}
TRICKY = 'NATO said "enough", adding;\nthen left; <b>bold</b> & more'


def evidence(source, relation, target, sentence, *, start=0, negated=False, hedged=False, date="2024-06-19"):
    rel = relation_vocabulary()[relation]
    return Evidence(doc="a.txt", sentence=sentence, start=start, end=start + len(sentence), date=date,
                    source=NAMES[source], source_id=source, relation=relation, target=NAMES[target],
                    target_id=target, polarity=rel.polarity, weight=rel.weight, predicate="p",
                    negated=negated, hedged=hedged, confidence=0.9)


@pytest.fixture()
def graph() -> nx.MultiDiGraph:
    items = [
        evidence("PRK", "SUPPLY_ARMS", "RUS", "North Korea supplied shells to Russia."),
        evidence("PRK", "SUPPLY_ARMS", "RUS", "Pyongyang denied it.", start=40, negated=True),
        evidence("PRK", "ALLY", "RUS", "North Korea and Russia are allies.", start=80, hedged=True),
        evidence("RUS", "ATTACK", "UKR", "Russia attacked Ukraine.", start=120, date=None),
        evidence("NATO", "CRITICIZE", "RUS", TRICKY, start=160),
    ]
    return build_graph(items, ACTORS, [Document("a.txt", "text", title="A, \"quoted\" title")],
                       structural=[("kim-jong-un", "LEADS", "PRK")])


def test_flatten_graph_leaves_only_scalars(graph):
    flat = flatten_graph(graph)
    values = [*flat.graph.values()]
    values += [v for _, d in flat.nodes(data=True) for v in d.values()]
    values += [v for _, _, d in flat.edges(data=True) for v in d.values()]
    assert all(isinstance(v, (str, int, float, bool)) for v in values)
    assert flat.nodes["PRK"]["aliases"] == "DPRK; Pyongyang"
    assert "affiliation" not in flat.nodes["PRK"] and flat.nodes["kim-jong-un"]["affiliation"] == "PRK"
    edge = flat.get_edge_data("PRK", "RUS", "SUPPLY_ARMS")
    assert json.loads(edge["evidence"]) == graph.get_edge_data("PRK", "RUS", "SUPPLY_ARMS")["evidence"]
    assert graph.nodes["PRK"]["aliases"] == ["DPRK", "Pyongyang"]  # the input keeps its lists


def test_graphml_reads_back(graph, tmp_path):
    [path] = export_graph(graph, tmp_path / "g.graphml", "graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert isinstance(back, nx.MultiDiGraph)
    assert set(back) == set(graph) and back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["RUS"]["name"] == "Russia" and back.nodes["RUS"]["kind"] == "country"
    data = back.get_edge_data("PRK", "RUS", "SUPPLY_ARMS")
    assert data["count"] == 1 and data["negated_count"] == 1 and data["symmetric"] is False
    assert data["weight"] == 8.0 and data["sources"] == "a.txt"
    assert json.loads(data["evidence"])[1]["negated"] is True
    critic = back.get_edge_data("NATO", "RUS", "CRITICIZE")
    assert json.loads(critic["evidence"])[0]["sentence"] == TRICKY
    assert "first_seen" not in back.get_edge_data("RUS", "UKR", "ATTACK")  # None is left out
    assert json.loads(back.graph["documents"])[0]["title"] == 'A, "quoted" title'


def test_gexf_reads_back_for_gephi(graph, tmp_path):
    [path] = export_graph(graph, tmp_path / "g.gexf", "gexf")
    back = nx.read_gexf(path)
    assert set(back) == set(graph) and back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["kim-jong-un"]["label"] == "Kim Jong Un"
    edges = {data["id"]: data for _, _, data in back.edges(data=True)}
    supply = edges["PRK|SUPPLY_ARMS|RUS"]
    assert supply["label"] == "SUPPLY_ARMS" and supply["weight"] == 1.0 and supply["goldstein"] == 8.0
    assert edges["kim-jong-un|LEADS|PRK"]["weight"] == 1.0  # never 0 for Gephi
    assert edges["RUS|ATTACK|UKR"]["goldstein"] == -10.0
    assert json.loads(edges["NATO|CRITICIZE|RUS"]["evidence"])[0]["sentence"] == TRICKY


def test_neo4j_csv_headers_and_rows(graph, tmp_path):
    nodes_path, edges_path = export_graph(graph, tmp_path / "neo4j", "csv")
    assert (nodes_path.name, edges_path.name) == ("nodes.csv", "edges.csv")
    with nodes_path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        assert tuple(next(reader)) == NODE_COLUMNS
        nodes = {row[0]: dict(zip(NODE_COLUMNS, row)) for row in reader}
    assert NODE_COLUMNS[:3] == ("id:ID", "name", "kind") and NODE_COLUMNS[-1] == ":LABEL"
    assert set(nodes) == set(graph)
    assert nodes["PRK"][":LABEL"] == "Actor;Country" and nodes["NATO"][":LABEL"] == "Actor;Organization"
    assert set(nodes["PRK"]["aliases:string[]"].split(";")) == {"Pyongyang", "DPRK"}
    assert nodes["kim-jong-un"]["affiliation"] == "PRK"
    with edges_path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        assert tuple(next(reader)) == EDGE_COLUMNS
        edges = [dict(zip(EDGE_COLUMNS, row)) for row in reader]
    assert EDGE_COLUMNS[:5] == (":START_ID", ":END_ID", ":TYPE", "count:int", "negated_count:int")
    assert len(edges) == graph.number_of_edges()
    assert all(e[":START_ID"] in nodes and e[":END_ID"] in nodes for e in edges)
    supply = next(e for e in edges if e[":TYPE"] == "SUPPLY_ARMS")
    assert int(supply["count:int"]) == 1 and supply["symmetric:boolean"] == "false"
    assert float(supply["weight:float"]) == 8.0
    critic = next(e for e in edges if e[":TYPE"] == "CRITICIZE")
    assert json.loads(critic["evidence"])[0]["sentence"] == TRICKY  # JSON keeps the newline escaped
    raw = edges_path.read_text(encoding="utf-8")
    assert len(raw.strip().split("\n")) == graph.number_of_edges() + 1  # no multi-line fields


def test_neo4j_csv_is_deterministic(graph):
    assert to_neo4j_csv(graph) == to_neo4j_csv(graph.copy())


@pytest.mark.parametrize("path, expected", [("g.graphml", "graphml"), ("g.GEXF", "gexf"), ("out", "csv")])
def test_guess_format(path, expected):
    assert guess_format(path) == expected


def test_bad_formats(graph, tmp_path):
    with pytest.raises(InputError, match="unknown export format"):
        export_graph(graph, tmp_path / "g.xml", "xml")
    with pytest.raises(InputError, match="into a folder"):
        export_graph(graph, tmp_path / "g.csv", "csv")
    with pytest.raises(InputError, match="--format"):
        guess_format(tmp_path / "g.json")


@pytest.fixture()
def cli():
    import typer

    import graphkit.cli.export  # noqa: F401  (registers the command)
    from graphkit.cli.app import app

    test_app = typer.Typer(pretty_exceptions_enable=False)  # keeps ``export`` a subcommand
    test_app.registered_commands.extend(app.registered_commands)
    test_app.command("noop")(lambda: None)
    runner = CliRunner()
    return lambda *args: runner.invoke(test_app, [str(a) for a in args])


def test_export_command_each_format(cli, graph, tmp_path):
    write_graph(graph, tmp_path / "graph.json")
    result = cli("export", tmp_path / "graph.json", "--format", "graphml", "-o", tmp_path / "g.graphml")
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True).number_of_edges() == graph.number_of_edges()
    result = cli("export", tmp_path / "graph.json", "-o", tmp_path / "g.gexf")  # format from the suffix
    assert result.exit_code == 0, result.output
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == graph.number_of_nodes()
    result = cli("export", tmp_path / "graph.json", "--format", "csv", "-o", tmp_path / "neo4j")
    assert result.exit_code == 0, result.output
    assert "neo4j-admin database import full" in result.output
    assert sorted(p.name for p in (tmp_path / "neo4j").iterdir()) == ["edges.csv", "nodes.csv"]


def test_export_command_errors_are_one_line(cli, graph, tmp_path):
    result = cli("export", tmp_path / "missing.json", "-o", tmp_path / "g.graphml")
    assert result.exit_code == 4 and len(result.output.strip().splitlines()) == 1
    write_graph(graph, tmp_path / "graph.json")
    result = cli("export", tmp_path / "graph.json", "--format", "dot", "-o", tmp_path / "g.dot")
    assert result.exit_code == 2 and "unknown export format" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_export_command_has_help(cli):
    result = cli("export", "--help")
    assert result.exit_code == 0 and "--format" in result.output
