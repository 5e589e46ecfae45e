"""``--dask``: extraction on a dask.distributed cluster gives the local evidence, in order (issue 7).

A LocalCluster of two worker processes on the loopback interface, dashboard off.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

import graphkit.parallel as parallel  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_dask_run_equals_local_run(scheduler, monkeypatch):
    from graphkit.ingest import iter_documents
    from graphkit.pipeline import RunStats, extract_evidence

    monkeypatch.setattr(parallel, "BATCH_DOCUMENTS", 2)  # several tasks, spread over both workers
    documents = list(iter_documents([SAMPLES]))
    local = list(extract_evidence(documents, jobs=1))
    stats = RunStats()
    remote = list(extract_evidence(documents, dask=scheduler, stats=stats))
    assert remote == local and stats.documents == len(documents)


def test_extract_cli_with_a_scheduler_address(scheduler, tmp_path):
    from typer.testing import CliRunner

    from graphkit.cli import _register
    from graphkit.cli.app import app

    _register()
    out = tmp_path / "t.jsonl"
    paths = [str(SAMPLES / "aukus_china.txt"), str(SAMPLES / "venezuela_us.txt")]
    result = CliRunner().invoke(app, ["extract", *paths, "-o", str(out), "--dask", scheduler, "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    local = tmp_path / "local.jsonl"
    assert CliRunner().invoke(app, ["extract", *paths, "-o", str(local), "-j", "1", "--no-cache", "-q"]).exit_code == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and out.read_text() == local.read_text()


def test_unreachable_scheduler_is_one_line_error(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from graphkit.cli import _register
    from graphkit.cli.app import app

    _register()
    monkeypatch.setattr(parallel, "DASK_CONNECT_TIMEOUT", 2)
    result = CliRunner().invoke(app, ["extract", str(SAMPLES / "aukus_china.txt"), "-o", str(tmp_path / "t.jsonl"),
                                      "--dask", "tcp://127.0.0.1:9", "--no-cache"])
    assert result.exit_code != 0 and "Dask scheduler" in result.output and "Traceback" not in result.output
