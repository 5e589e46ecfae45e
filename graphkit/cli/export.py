"""``graphkit export``: graph.json → GraphML, GEXF, or CSV for neo4j-admin import."""

from __future__ import annotations

from pathlib import Path

import typer

from graphkit.cli.app import app, handle_errors
from graphkit.export import export_graph, guess_format
from graphkit.graph import read_graph


@app.command("export")
@handle_errors
def export_cli(
    graph_json: Path = typer.Argument(..., help="graph.json written by graphkit build", metavar="GRAPH_JSON"),
    output: Path = typer.Option(..., "-o", "--output", help="file to write (graphml, gexf), or folder (csv)"),
    format: str = typer.Option(None, "--format", "-f",
                               help="graphml, gexf or csv (default: from the output's suffix; a folder means csv)"),
) -> None:
    """Write a graph for Gephi (gexf), yEd/Cytoscape (graphml) or neo4j-admin import (csv)."""
    graph = read_graph(graph_json)
    written = export_graph(graph, output, format or guess_format(output))
    typer.echo(f"wrote {', '.join(str(p) for p in written)}: "
               f"{graph.number_of_nodes():,} actors, {graph.number_of_edges():,} relations")
    if len(written) == 2:
        typer.echo(f"load with: neo4j-admin database import full --nodes={written[0]} "
                   f"--relationships={written[1]} <database>")
