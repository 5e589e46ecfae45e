"""``graphkit build``: triples, graph and view in one output folder."""

from __future__ import annotations

from pathlib import Path

import typer

from graphkit.cli import options as shared
from graphkit.cli.app import app, handle_errors
from graphkit.cli.progress import document_progress, warn


@app.command("build")
@handle_errors
def build_cli(
    inputs: list[Path] = shared.INPUTS,
    outdir: Path = typer.Option(Path("out"), "-o", "--output", help="Output folder (created if missing)."),
    model: str = shared.MODEL,
    date: str = shared.DATE,
    title: str = typer.Option(None, "--title", help="Title of the HTML view."),
    strict: bool = shared.STRICT,
    jobs: int = shared.JOBS,
    cache: Path = typer.Option(None, "--cache", help="Cache folder (default: OUTDIR/.graphkit-cache)."),
    no_cache: bool = shared.NO_CACHE,
    dask: str = shared.DASK,
    prefilter: bool = shared.PREFILTER,
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
    neo4j_user: str = shared.NEO4J_USER,
    neo4j_password: str = shared.NEO4J_PASSWORD,
    database: str = shared.DATABASE,
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress or summary."),
) -> None:
    """Build the alliance graph: OUTDIR/triples.jsonl, OUTDIR/graph.json and OUTDIR/graph.html.

    With --neo4j-uri (or NEO4J_URI) the graph is also loaded into Neo4j, as
    `graphkit load` does.
    """
    from graphkit.ingest import count_inputs
    from graphkit.pipeline import build

    jobs = shared.jobs_or_default(jobs)
    view = shared.view_options(focus, depth, relations, polarity, min_count, since, until, level, max_nodes)
    with document_progress(count_inputs(inputs), quiet) as (on_document, on_skip):
        result = build(inputs, outdir, model=model, date=date, strict=strict, title=title,
                       on_document=on_document, on_skip=on_skip, jobs=jobs,
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
        same = " (unchanged: up to date)" if result.unchanged and name != "triples" else ""
        typer.echo(f"{name:<8} {path}{same}")
