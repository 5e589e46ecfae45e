"""Runners: worker processes give the same evidence, in the same order, as one process (issue 7)."""

from __future__ import annotations

import random
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import graphkit.parallel as parallel
from graphkit.pipeline import DocumentResult
from graphkit.types import Document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


class ShuffledRunner:
    """Finishes batches in random order; a result's sentence count is its document's number."""

    slots = 3

    def __init__(self):
        self.pool = ThreadPoolExecutor(4)
        self.batches = []

    def submit(self, batch):
        self.batches.append([d.id for d in batch])

        def work():
            time.sleep(random.random() / 100)
            return [DocumentResult((), int(d.id)) for d in batch]

        return self.pool.submit(work)

    def close(self):
        self.pool.shutdown()


class DictCache:
    def __init__(self, known):
        self.known, self.stored = known, []

    def get(self, document):
        return self.known.get(document.id)

    def put_many(self, items):
        self.stored.extend(d.id for d, _ in items)


def test_results_come_in_input_order_with_cache_hits_between(monkeypatch):
    runner = ShuffledRunner()
    monkeypatch.setattr(parallel, "make_runner", lambda *a, **k: runner)
    monkeypatch.setattr(parallel, "BATCH_DOCUMENTS", 4)
    documents = [Document(id=str(n), text="x" * n) for n in range(200)]
    cache = DictCache({str(n): DocumentResult((), n) for n in range(0, 200, 3)})
    out = list(parallel.ordered_results(iter(documents), jobs=2, cache=cache))
    assert [d.id for d, _, _ in out] == [d.id for d in documents]
    assert all(r.sentences == int(d.id) for d, r, _ in out)
    assert [cached for _, _, cached in out] == [n % 3 == 0 for n in range(200)]
    assert sorted(cache.stored, key=int) == [str(n) for n in range(200) if n % 3]
    assert all(len(b) <= 4 for b in runner.batches)


def test_nothing_starts_when_everything_is_cached(monkeypatch):
    def no_runner(*args, **kwargs):
        raise AssertionError("a runner was started")

    monkeypatch.setattr(parallel, "make_runner", no_runner)
    documents = [Document(id=str(n), text="x") for n in range(10)]
    cache = DictCache({d.id: DocumentResult((), 1) for d in documents})
    assert len(list(parallel.ordered_results(documents, jobs=2, cache=cache))) == 10


def test_one_small_batch_runs_inline(monkeypatch):
    monkeypatch.setattr(parallel, "make_runner", lambda *a, **k: pytest.fail("workers started for one batch"))
    monkeypatch.setattr(parallel, "InlineRunner", lambda *a: ShuffledRunner())
    out = list(parallel.ordered_results([Document(id="1", text="x")], jobs=2))
    assert [r.sentences for _, r, _ in out] == [1]


@pytest.mark.model
def test_two_processes_give_the_evidence_of_one(monkeypatch):
    from graphkit.ingest import iter_documents
    from graphkit.pipeline import RunStats, extract_evidence

    monkeypatch.setattr(parallel, "BATCH_DOCUMENTS", 2)  # four batches: the workers really run
    documents = list(iter_documents([SAMPLES]))
    one = list(extract_evidence(documents, jobs=1))
    stats = RunStats()
    two = list(extract_evidence(documents, jobs=2, stats=stats))
    assert two == one and stats.documents == len(documents)
