"""``graphkit query``: run a Cypher file or a library query on Neo4j or on graph.json."""

from __future__ import annotations

import csv
import io
import json
from enum import Enum
from pathlib import Path

import typer

from graphkit.cli import options as shared
from graphkit.cli.app import app, handle_errors
from graphkit.errors import InputError

CELL_WIDTH = 60


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def parse_params(pairs: list[str]) -> dict:
    """``key=value`` pairs; values are JSON literals when they parse, else text."""
    from graphkit.cypher import parse_param_value

    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key.isidentifier():
            raise InputError(f"--param takes key=value, not {pair!r}")
        params[key] = parse_param_value(value)
    return params


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else str(value)
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return " ".join(str(value).split())


def format_table(columns: list[str], rows: list[dict]) -> str:
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    cells = [[c if len(c) <= CELL_WIDTH else c[: CELL_WIDTH - 1] + "…" for c in line] for line in cells]
    widths = [max([len(c)] + [len(line[i]) for line in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip() for line in cells]
    return "\n".join(lines)


def format_csv(columns: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else
                         json.dumps(row[c], ensure_ascii=False) if isinstance(row[c], (list, dict))
                         else str(row[c]).lower() if isinstance(row[c], bool) else row[c]
                         for c in columns])
    return out.getvalue().rstrip("\n")


def format_json(columns: list[str], rows: list[dict]) -> str:
    return json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False,
                      indent=1)


def list_queries() -> str:
    from graphkit.cypher import library_queries

    lines = []
    for name, query in library_queries().items():
        lines.append(f"{name}: {query.purpose}")
        for param in query.params:
            lines.append(f"    --param {param.name}={json.dumps(param.default, ensure_ascii=False)}"
                         + (f"  ({param.description})" if param.description else ""))
    return "\n".join(lines)


@app.command("query")
@handle_errors
def query_cli(
    ctx: typer.Context,
    query: str = typer.Argument(None, metavar="FILE_OR_NAME",
                                help="A .cypher file, or the name of a library query (see --list)."),
    param: list[str] = typer.Option([], "--param", "-p", metavar="KEY=VALUE",
                                    help="A query parameter; repeat for more. Values are JSON "
                                         "literals (5, true, [\"a\"]) or plain text."),
    graph_path: Path = typer.Option(None, "--graph", metavar="GRAPH_JSON",
                                    help="Query this graph.json with the embedded engine."),
    neo4j_uri: str = typer.Option(None, "--neo4j-uri", envvar="NEO4J_URI",
                                  help="Query this Neo4j server over Bolt."),
    neo4j_user: str = shared.NEO4J_USER,
    neo4j_password: str = shared.NEO4J_PASSWORD,
    database: str = shared.DATABASE,
    output_format: Format = typer.Option(Format.table, "--format", "-f",
                                         help="table, json or csv."),
    list_library: bool = typer.Option(False, "--list", help="List the library queries and exit."),
) -> None:
    """Run a Cypher query on Neo4j (--neo4j-uri) or on a graph.json (--graph).

    The library in cypher/queries has: allies_adversaries, arms_suppliers,
    strongest_relations, edge_evidence, paths, blocs, timeline, central_actors
    and relation_counts; each takes parameters with defaults (see --list).
    """
    from graphkit.cypher import run_query
    from graphkit.store import open_store

    if list_library:
        typer.echo(list_queries())
        return
    if not query:
        raise InputError("give a query: a .cypher file or a library name (see --list)")
    source = getattr(ctx.get_parameter_source("neo4j_uri"), "name", "DEFAULT")
    uri_given, uri_on_command_line = source != "DEFAULT", source == "COMMANDLINE"
    if graph_path is not None and uri_on_command_line:
        raise InputError("give either --graph or --neo4j-uri, not both")
    if graph_path is None and not (uri_given and neo4j_uri):
        raise InputError("give --graph graph.json or --neo4j-uri (or set NEO4J_URI)")
    params = parse_params(param)
    with open_store(graph_path, neo4j_uri=None if graph_path is not None else neo4j_uri,
                    user=neo4j_user, password=neo4j_password, database=database) as store:
        _, rows = run_query(store, query, params)
    columns = getattr(rows, "columns", None) or (list(rows[0]) if rows else [])
    if output_format is Format.json:
        typer.echo(format_json(columns, rows))
    elif output_format is Format.csv:
        typer.echo(format_csv(columns, rows))
    else:
        typer.echo(format_table(columns, rows))
        typer.echo(f"({len(rows)} row{'' if len(rows) == 1 else 's'})", err=True)
