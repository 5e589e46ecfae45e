"""The relation table: >= 150 sentences of our own writing, every relation type and construction.

Each row of ``data/relation_table.jsonl`` is a sentence with its expected
triples (SCHEMA.md conventions). The extractor runs on every row once; each
relation type must reach F1 >= 0.5, and the whole table is scored like a
gold file (document = sentence).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphkit import evaluate
from graphkit.pipeline import extract_evidence
from graphkit.types import Document, event_relations

DATA = Path(__file__).resolve().parent / "data"
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def table_report():
    rows = [json.loads(line) for line in (DATA / "relation_table.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = [{**row, "doc": row["id"]} for row in rows]
    documents = [Document(id=row["id"], text=row["text"], date=row.get("date")) for row in rows]
    system = [e.to_dict() for e in extract_evidence(documents)]
    affiliations = evaluate.load_affiliations(DATA / "own-gold" / "affiliations.json")
    return rows, evaluate.score(gold, system, affiliations), evaluate.error_analysis(gold, system, affiliations)


def test_table_is_large_and_covers_every_relation(table_report):
    rows, _, _ = table_report
    assert len(rows) >= 150
    expected = {t["relation"] for row in rows for t in row["triples"]}
    assert expected == set(event_relations())
    assert sum(1 for row in rows if not row["triples"]) >= 40  # sentences that must give nothing


@pytest.mark.parametrize("relation", event_relations())
def test_relation_f1_at_least_half(table_report, relation):
    _, _, errors = table_report
    figures = errors["relations"][relation]
    assert figures["f1"] >= 0.5, figures


def test_table_overall(table_report):
    _, report, _ = table_report
    typed = report["actor"]["doc_typed"]
    assert typed["p"] >= 0.90 and typed["f1"] >= 0.80, typed
