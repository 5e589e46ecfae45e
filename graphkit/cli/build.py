"""``graphkit build``: triples, graph and view in one output folder."""

from __future__ import annotations

from pathlib import Path

import typer

from graphkit.cli import options as shared
from graphkit.cli.app import app, fail, handle_errors
from graphkit.cli.progress import document_progress, warn


@app.command("build")
@handle_errors
def build_cli(
    inputs: list[Path] = typer.Argument(..., help="Files or folders (.txt .md .html .jsonl .csv), read recursively."),
    outdir: Path = typer.Option(Path("out"), "-o", "--output", help="Output folder (created if missing)."),
    model: str = typer.Option(None, "--model", help="spaCy pipeline: an installed package name or a path."),
    date: str = typer.Option(None, "--date", help="Date for documents that carry none (ISO 8601)."),
    title: str = typer.Option(None, "--title", help="Title of the HTML view."),
    strict: bool = typer.Option(False, "--strict", help="Fail on the first unreadable document or record."),
    jobs: int = typer.Option(None, "-j", "--jobs", help="Worker processes (default: the machine's cores)."),
    cache: Path = typer.Option(None, "--cache", help="Cache folder (default: OUTDIR/.graphkit-cache)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the cache."),
    dask: str = typer.Option(None, "--dask", metavar="SCHEDULER",
                             help="Run on a Dask cluster: its scheduler address (tcp://host:8786), or 'local'."),
    prefilter: bool = typer.Option(True, "--prefilter/--no-prefilter",
                                   help="Parse only sentences that can hold a relation (same output, faster)."),
    focus: str = shared.FOCUS,
    depth: int = shared.DEPTH,
    relations: str = shared.RELATIONS,
    polarity: str = shared.POLARITY,
    min_count: int = shared.MIN_COUNT,
    since: str = shared.SINCE,
    until: str = shared.UNTIL,
    level: str = shared.LEVEL,
    max_nodes: int = typer.Option(None, "--max-nodes", help="View: keep the N actors with the most evidence (0: all)."),
    neo4j_uri: str = typer.Option(None, "--neo4j-uri", envvar="NEO4J_URI",
                                  help="Also load the graph into Neo4j at this Bolt URI."),
    neo4j_user: str = typer.Option("neo4j", "--neo4j-user", envvar="NEO4J_USER", help="Neo4j user."),
    neo4j_password: str = typer.Option("", "--neo4j-password", envvar="NEO4J_PASSWORD", help="Neo4j password."),
    database: str = typer.Option(None, "--database", envvar="NEO4J_DATABASE", help="Neo4j database."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress or summary."),
) -> None:
    """Build the alliance graph: OUTDIR/triples.jsonl, OUTDIR/graph.json and OUTDIR/graph.html.

    With --neo4j-uri (or NEO4J_URI) the graph is also loaded into Neo4j, as
    `graphkit load` does.
    """
    from graphkit.ingest import count_inputs
    from graphkit.pipeline import build, default_jobs
    from graphkit.render import ViewOptions

    if jobs is not None and jobs < 1:
        fail("--jobs must be at least 1", 2)
    view = {"focus": focus, "depth": depth, "relations": relations or (), "polarity": polarity,
            "min_count": min_count, "since": since, "until": until, "level": level}
    if max_nodes is not None:
        view["max_nodes"] = max_nodes
    ViewOptions(**view)  # a bad option fails here, before any work
    with document_progress(count_inputs(inputs), quiet) as (on_document, on_skip):
        result = build(inputs, outdir, model=model, date=date, strict=strict, title=title,
                       on_document=on_document, on_skip=on_skip, jobs=jobs or default_jobs(),
                       prefilter=prefilter, cache=False if no_cache else (cache or True), dask=dask,
                       view_options=view, on_warning=None if quiet else warn)
    if neo4j_uri:
        from graphkit.neo4j_store import load_graph

        report = load_graph(result.graph, neo4j_uri, neo4j_user, neo4j_password, database)
        for notice in report.notices:
            typer.echo(f"graphkit: note: {notice}", err=True)
        if not quiet:
            typer.echo(report.summary())
    if quiet:
        return
    summary = result.summary()
    cached = f", {summary['cached']} from the cache" if summary.get("cached") else ""
    typer.echo(f"documents {summary['documents']}{cached}, sentences {summary['sentences']}, "
               f"evidence {summary['evidence']}, actors {summary['actors']}, edges {summary['edges']} "
               f"({summary['seconds']} s)")
    for relation, count in summary["edges_by_relation"].items():
        typer.echo(f"  {relation:<12} {count}")
    if result.stats.skipped:
        typer.echo(f"skipped {len(result.stats.skipped)} documents or records (reasons above)")
    for name, path in result.outputs.items():
        typer.echo(f"{name:<8} {path}")
