"""``graphkit extract``: evidence rows (one JSON line per piece of evidence)."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from graphkit.cli import options as shared
from graphkit.cli.app import app, handle_errors
from graphkit.cli.progress import document_progress, warn


@app.command("extract")
@handle_errors
def extract_cli(
    inputs: list[Path] = shared.INPUTS,
    output: Path = typer.Option(..., "-o", "--output", help="Where to write the evidence, as JSON Lines."),
    model: str = shared.MODEL,
    date: str = shared.DATE,
    strict: bool = shared.STRICT,
    jobs: int = shared.JOBS,
    cache: Path = typer.Option(None, "--cache", help="Cache folder (default: .graphkit-cache beside the output)."),
    no_cache: bool = shared.NO_CACHE,
    dask: str = shared.DASK,
    prefilter: bool = shared.PREFILTER,
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress or summary on stderr."),
) -> None:
    """Extract typed, sourced relations from text: one JSON line per piece of evidence.

    Each line has doc, sentence, start, end, date, source, source_id, relation,
    target, target_id, polarity, weight, predicate, negated, hedged,
    attributed_to, confidence.
    """
    from graphkit.ingest import count_inputs
    from graphkit.pipeline import CACHE_FOLDER, RunStats, corpus_evidence, write_evidence

    jobs = shared.jobs_or_default(jobs)
    started = time.perf_counter()
    stats = RunStats()
    folder = None if no_cache else (cache or (output.parent / CACHE_FOLDER))
    with document_progress(count_inputs(inputs), quiet) as (on_document, on_skip):
        rows = write_evidence(corpus_evidence(inputs, stats, date=date, strict=strict, on_skip=on_skip,
                                              on_warning=None if quiet else warn, on_document=on_document,
                                              model=model, jobs=jobs, prefilter=prefilter, cache=folder,
                                              dask=dask), output)
    if not quiet:
        cached = f", {stats.cached} from the cache" if stats.cached else ""
        typer.echo(f"{stats.documents} documents{cached}, {stats.sentences} sentences, {rows} evidence rows "
                   f"→ {output} ({time.perf_counter() - started:.1f} s)", err=True)
