"""`graphkit build --neo4j-uri`: build from text and load into a real Bolt server in one go."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit.cli import _register
from graphkit.cli.app import app
from graphkit.graph import read_graph

pytestmark = [pytest.mark.bolt, pytest.mark.model]
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
_register()


def test_build_loads_the_graph_it_writes(bolt_server, neo4j_store, tmp_path):
    uri, user, password = bolt_server
    neo4j_store.clear()
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(SAMPLES / "nk_russia_nato.txt"), "-o", str(out), "-j", "1",
                                      "--no-cache", "--neo4j-uri", uri, "--neo4j-user", user,
                                      "--neo4j-password", password])
    assert result.exit_code == 0, result.output
    graph = read_graph(out / "graph.json")
    counts = neo4j_store.counts()
    assert counts["actors"] == graph.number_of_nodes()
    assert counts["relationships"] == graph.number_of_edges()
    evidence = sum(len(d["evidence"]) for _, _, d in graph.edges(data=True))
    assert counts["evidence"] == evidence
    neo4j_store.clear()
