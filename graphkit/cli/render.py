"""``graphkit render``: graph.json → one self-contained interactive HTML page."""

from __future__ import annotations

from pathlib import Path

import typer

from graphkit.cli import options as shared
from graphkit.cli.app import app, handle_errors
from graphkit.graph import read_graph
from graphkit.render import DEFAULT_MAX_NODES, ViewOptions, select_view, write_page


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


@app.command("render")
@handle_errors
def render_cli(
    graph_json: Path = typer.Argument(..., help="graph.json written by graphkit build", metavar="GRAPH_JSON"),
    output: Path = typer.Option(Path("view.html"), "-o", "--output", help="HTML file to write"),
    title: str = typer.Option(None, "--title", help="page title (default: Alliance map)"),
    focus: str = shared.FOCUS,
    depth: int = shared.DEPTH,
    relations: str = shared.RELATIONS,
    polarity: str = shared.POLARITY,
    min_count: int = shared.MIN_COUNT,
    since: str = shared.SINCE,
    until: str = shared.UNTIL,
    level: str = shared.LEVEL,
    max_nodes: int = typer.Option(DEFAULT_MAX_NODES, "--max-nodes", help="keep the N actors with the most evidence (0: all)"),
) -> None:
    """Draw a graph as an interactive map that opens from disk, with no network access."""
    options = ViewOptions(**shared.view_options(focus, depth, relations, polarity, min_count, since, until, level,
                                                max_nodes))
    view = select_view(read_graph(graph_json), options)
    write_page(view, output, title=title)
    report = view.graph["view"]
    line = f"wrote {output}: {_plural(view.number_of_nodes(), 'actor')}, {_plural(view.number_of_edges(), 'relation')}"
    if report["omitted_nodes"]:
        line += (f" (left out {_plural(report['omitted_nodes'], 'actor')} and "
                 f"{_plural(report['omitted_edges'], 'relation')} over --max-nodes {options.max_nodes})")
    typer.echo(line)
