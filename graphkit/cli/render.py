"""``graphkit render``: graph.json → one self-contained interactive HTML page."""

from __future__ import annotations

from pathlib import Path

import typer

from graphkit.cli.app import app, handle_errors
from graphkit.graph import read_graph
from graphkit.output import atomic_write_text
from graphkit.render import DEFAULT_MAX_NODES, ViewOptions, select_view, view_page


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


@app.command("render")
@handle_errors
def render_cli(
    graph_json: Path = typer.Argument(..., help="graph.json written by graphkit build", metavar="GRAPH_JSON"),
    output: Path = typer.Option(Path("view.html"), "-o", "--output", help="HTML file to write"),
    title: str = typer.Option(None, "--title", help="page title (default: Alliance map)"),
    focus: str = typer.Option(None, "--focus", help="show only the network around this actor (id, name or alias)"),
    depth: int = typer.Option(1, "--depth", help="steps around --focus"),
    relations: str = typer.Option(None, "--relations", help="comma-separated relations, e.g. SUPPLY_ARMS,ALLY"),
    polarity: str = typer.Option(None, "--polarity", help="cooperative, neutral or hostile"),
    min_count: int = typer.Option(0, "--min-count", help="keep relations with at least N asserted mentions"),
    since: str = typer.Option(None, "--since", help="keep evidence dated on or after (2024, 2024-06, 2024-06-19)"),
    until: str = typer.Option(None, "--until", help="keep evidence dated on or before"),
    level: str = typer.Option("actor", "--level", help="actor, or state: people and state bodies folded into their country"),
    max_nodes: int = typer.Option(DEFAULT_MAX_NODES, "--max-nodes", help="keep the N actors with the most evidence (0: all)"),
) -> None:
    """Draw a graph as an interactive map that opens from disk, with no network access."""
    options = ViewOptions(focus=focus, depth=depth, relations=relations or (), polarity=polarity,
                          min_count=min_count, since=since, until=until, level=level, max_nodes=max_nodes)
    view = select_view(read_graph(graph_json), options)
    atomic_write_text(output, view_page(view, title=title))
    report = view.graph["view"]
    line = f"wrote {output}: {_plural(view.number_of_nodes(), 'actor')}, {_plural(view.number_of_edges(), 'relation')}"
    if report["omitted_nodes"]:
        line += (f" (left out {_plural(report['omitted_nodes'], 'actor')} and "
                 f"{_plural(report['omitted_edges'], 'relation')} over --max-nodes {options.max_nodes})")
    typer.echo(line)
