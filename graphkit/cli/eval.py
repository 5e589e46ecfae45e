"""``graphkit eval``: precision, recall and F1 against a gold file (SCHEMA.md, Gold files)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import typer

from graphkit.cli.app import app, fail, handle_errors


@app.command("eval")
@handle_errors
def eval_cli(
    gold: Path = typer.Argument(..., help="Gold file (JSON Lines, one record per sentence)."),
    predictions: Path = typer.Option(None, "--predictions", "-p", help="Evidence from `graphkit extract`."),
    inputs: list[Path] = typer.Option(None, "--inputs", "-i", help="Documents to extract first (repeatable)."),
    affiliations: Path = typer.Option(None, "--affiliations", help="Person/body → country map for the state "
                                      "level (default: affiliations.json beside the gold file)."),
    model: str = typer.Option(None, "--model", help="spaCy pipeline for --inputs."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    errors: bool = typer.Option(False, "--errors", help="List false positives and misses, and a per-relation table."),
) -> None:
    """Score extracted triples against gold: typed, pair, polarity and state-level figures."""
    from graphkit import evaluate

    if (predictions is None) == (not inputs):
        fail("give either --predictions FILE or --inputs PATH (not both)", 2)
    gold_records = evaluate.load_gold(gold)
    if affiliations is None and (gold.parent / "affiliations.json").is_file():
        affiliations = gold.parent / "affiliations.json"
    table = evaluate.load_affiliations(affiliations) if affiliations else {}
    if predictions is not None:
        system = evaluate.load_system(predictions)
    else:
        from graphkit.ingest import iter_documents
        from graphkit.pipeline import extract_evidence, write_evidence

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "triples.jsonl"
            write_evidence(extract_evidence(iter_documents(inputs), model=model), path)
            system = evaluate.load_system(path)
    report = evaluate.score(gold_records, system, table)
    report["confidence"] = evaluate.confidence_ranking(gold_records, system, table)
    analysis = evaluate.error_analysis(gold_records, system, table) if errors else None
    if as_json:
        if analysis is not None:
            report = {**report, "errors": analysis}
        typer.echo(json.dumps(report, ensure_ascii=False))
    else:
        typer.echo(evaluate.format_report(report, analysis))
