"""``graphkit load``: load a graph.json into Neo4j over Bolt."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from graphkit.cli import options as shared
from graphkit.cli.app import app, handle_errors

URI_HELP = "Bolt URI of the Neo4j server, e.g. bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io."


@app.command("load")
@handle_errors
def load_cli(
    graph_path: Path = typer.Argument(..., help="graph.json written by graphkit build.",
                                      metavar="GRAPH_JSON"),
    neo4j_uri: str = typer.Option(..., "--neo4j-uri", envvar="NEO4J_URI", help=URI_HELP),
    neo4j_user: str = shared.NEO4J_USER,
    neo4j_password: str = shared.NEO4J_PASSWORD,
    database: str = shared.DATABASE,
    batch_size: int = typer.Option(5000, "--batch-size", min=1,
                                   help="Evidence rows per transaction."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on success."),
) -> None:
    """Load a graph.json into Neo4j: actors, relationships, documents and evidence.

    Loading is idempotent (the same graph twice changes nothing) and
    incremental (a graph from new documents adds their evidence and updates the
    relationships' counts). An interrupted load leaves whole batches; run it
    again to complete it.
    """
    from graphkit.graph import read_graph
    from graphkit.neo4j_store import load_graph

    graph = read_graph(graph_path)
    progress = None
    if not quiet and sys.stderr.isatty():
        def progress(done: int, total: int) -> None:
            typer.echo(f"\rgraphkit: batch {done}/{total}", err=True, nl=done == total)
    report = load_graph(graph, neo4j_uri, neo4j_user, neo4j_password, database,
                        batch_size=batch_size, progress=progress)
    for notice in report.notices:
        typer.echo(f"graphkit: note: {notice}", err=True)
    if not quiet:
        typer.echo(report.summary())
