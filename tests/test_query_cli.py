"""``graphkit query`` on graph.json (the embedded engine) and ``graphkit load``'s help and input errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

import graphkit.cli.load  # noqa: F401  (registers the command)
import graphkit.cli.query  # noqa: F401
from graphkit.cli.app import app
from graphkit.graph import write_graph


@pytest.fixture
def graph_file(alliance_graph, tmp_path):
    path = tmp_path / "graph.json"
    write_graph(alliance_graph, path)
    return path


def run(*args, env=None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env or {})


def test_table_output(graph_file):
    result = run("query", "arms_suppliers", "--graph", graph_file)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["supplier", "recipient", "reports", "hedged", "denied", "documents",
                                "first_seen", "last_seen"]
    assert lines[2].split()[:4] == ["North", "Korea", "Russia", "2"]
    assert "(3 rows)" in result.stderr


def test_json_and_csv_output_with_parameters(graph_file):
    result = run("query", "edge_evidence", "--graph", graph_file, "--format", "json",
                 "-p", "source=PRK", "--param", "relation=SUPPLY_ARMS", "-p", "target=Russia")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["negated"], r["hedged"]) for r in rows] == [(False, True), (True, False), (False, True)]
    assert rows[0]["attributed_to"] == "South Korea's Joint Chiefs of Staff"
    result = run("query", "allies_adversaries", "--graph", graph_file, "-f", "csv", "-p", "limit=2")
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(table) == 2 and json.loads(table[0]["relations"])


def test_a_query_file_with_parameters(graph_file, tmp_path):
    path = tmp_path / "mine.cypher"
    path.write_text("// Actors of a kind.\n// param: kind = \"person\"\n"
                    "MATCH (a:Actor) WHERE a.kind = $kind RETURN a.name AS name ORDER BY name\n")
    result = run("query", path, "--graph", graph_file, "-f", "json")
    assert json.loads(result.stdout) == [{"name": "Kim Jong Un"}, {"name": "Sergei Shoigu"},
                                         {"name": "Vladimir Putin"}]
    result = run("query", path, "--graph", graph_file, "-f", "json", "-p", "kind=organization")
    assert json.loads(result.stdout) == [{"name": "NATO"}]


def test_every_library_query_runs_with_its_defaults(graph_file):
    from graphkit.cypher import library_queries

    for name in library_queries():
        result = run("query", name, "--graph", graph_file, "-f", "json")
        assert result.exit_code == 0, (name, result.output)
        assert json.loads(result.stdout), f"{name} gives no rows"


def test_list_shows_every_query_and_its_parameters():
    result = run("query", "--list")
    assert result.exit_code == 0
    assert "edge_evidence: The evidence for an edge" in result.stdout
    assert '--param source="North Korea"' in result.stdout


def test_the_graph_wins_over_a_uri_from_the_environment(graph_file):
    result = run("query", "relation_counts", "--graph", graph_file, "-f", "json",
                 env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("args, message", [
    (["query", "nope"], "no query named 'nope'"),
    (["query", "central_actors", "-p", "limit=many"], "parameter limit takes a number"),
    (["query", "central_actors", "-p", "top=3"], "has no parameter top"),
    (["query", "central_actors", "-p", "limit"], "--param takes key=value"),
    (["query", "missing.cypher"], "query file not found"),
    (["query", "central_actors", "--neo4j-uri", "bolt://127.0.0.1:1"], "give either --graph or --neo4j-uri"),
    (["query"], "give a query"),
])
def test_input_errors_are_one_line(graph_file, args, message):
    result = run(*args, "--graph", graph_file)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"graphkit: error: {result.output.strip()[17:]}"]
    assert message in result.output


def test_a_query_error_is_one_line(graph_file, tmp_path):
    path = tmp_path / "bad.cypher"
    path.write_text("MATCH (a:Actor) DETACH DELETE a")
    result = run("query", path, "--graph", graph_file)
    assert result.exit_code == 4
    assert result.output.startswith("graphkit: error: the embedded engine runs read-only queries")
    assert len(result.output.strip().splitlines()) == 1


def test_no_store_given():
    result = run("query", "central_actors")
    assert result.exit_code == 2
    assert "give --graph graph.json or --neo4j-uri" in result.output


def test_load_needs_a_uri_and_a_readable_graph(tmp_path):
    result = run("load", tmp_path / "graph.json")
    assert result.exit_code == 2 and "--neo4j-uri" in result.output
    result = run("load", tmp_path / "graph.json", "--neo4j-uri", "bolt://127.0.0.1:1")
    assert result.exit_code == 4
    assert result.output.strip() == f"graphkit: error: graph file not found: {tmp_path / 'graph.json'}"


@pytest.mark.parametrize("command", ["load", "query"])
def test_commands_have_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert app.registered_commands and all(
        (c.callback.__doc__ or "").strip() for c in app.registered_commands if c.name == command)
    for flag in ("--neo4j-uri", "--neo4j-user", "--neo4j-password", "--database"):
        assert flag in result.stdout
