"""SIGKILL of a real FalkorDB server in the middle of ``graphkit load`` (issue #8).

Real processes only: a FalkorDB server of this module's own (never the
session's), started with ``persist=True`` so that after a SIGKILL and a
restart on the same ports it holds every write it had acknowledged, as Neo4j
does after a crash (see ``FalkorDBServer`` in bolt_server.py); ``graphkit
load`` as a subprocess; and a separate Bolt connection, through a
``BoltProxy``, that watches the evidence arrive and reads the database back.

The graph is synthetic and fixed: 600 evidence rows over 10 actors and 25
documents, with quotes, backslashes and a few sentences too long for one
FalkorDB statement, plus structural edges. It is loaded one evidence row per
transaction (``--batch-size 1``), which takes 3–5 s.

- Kill and stay down: the server is killed once 30% of the evidence is in. The
  load ends with one line and exit code 4 when its retries are spent. The
  restarted server holds a partial load whose counts agree with the evidence
  linked, and a re-run gives the database of an uninterrupted load.
- Kill and come back: the server is killed at 30% and started again once the
  load has failed to reconnect twice. The load completes by itself after
  retries with backoff, with the same database.

"The same database" is compared exactly with one uninterrupted load of the
same graph into a fresh server: every node with its labels and properties
(evidence ids included), every relationship with its type, its ends and its
properties. Run with ``-s`` to see the measured figures.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from graphkit.graph import build_graph, write_graph
from graphkit.neo4j_store import Neo4jStore
from graphkit.types import Actor, Document, Evidence, relation_vocabulary

pytestmark = pytest.mark.bolt

EVIDENCE_ROWS = 600
BATCH_SIZE = 1  # one evidence row per transaction: a load of 3–5 s, killed in mid-flight
KILL_AT = EVIDENCE_ROWS * 3 // 10  # kill once this much evidence is in
LOAD_DEADLINE = 120.0  # seconds any one load may take before the test gives up on it
ERROR_DEADLINE = 40.0  # a load whose server is gone must report within this (5 retries: ~15 s)
CLI_ERROR = re.compile(
    r"^graphkit: error: cannot reach a Bolt server at (?P<uri>\S+) while loading evidence: "
    r"connection refused \(is the server running, and is this its Bolt port\?\)$")
RETRIES = re.compile(r", (\d+) retries\)")


# ---------------------------------------------------------------- the graph


ACTORS = [
    Actor("PRK", "North Korea", "country", ("Pyongyang", "the DPRK")),
    Actor("RUS", "Russia", "country", ("Moscow", "the Kremlin")),
    Actor("UKR", "Ukraine", "country", ("Kyiv",)),
    Actor("USA", "United States", "country", ("Washington", "the US")),
    Actor("CHN", "China", "country", ("Beijing",)),
    Actor("IRN", "Iran", "country", ("Tehran",)),
    Actor("NATO", "NATO", "organization", ("the Alliance",)),
    Actor("kim-jong-un", "Kim Jong Un", "person", ("Kim",), "PRK"),
    Actor("vladimir-putin", "Vladimir Putin", "person", ("Putin",), "RUS"),
    Actor("coalition", "The 'Coalition' of the \"Willing\" \\ `x`", "group", ("O'Brien's \"coalition\"",)),
]
STRUCTURAL = [("kim-jong-un", "LEADS", "PRK"), ("vladimir-putin", "LEADS", "RUS"),
              ("USA", "MEMBER_OF", "NATO")]


def kill_test_graph() -> nx.MultiDiGraph:
    """600 evidence rows over the event relations, some with sentences over FalkorDB's 4 KB."""
    rng = random.Random(20240619)
    vocabulary = relation_vocabulary()
    relations = sorted(r for r in vocabulary if r not in {"LEADS", "REPRESENTS", "MEMBER_OF"})
    documents = [Document(id=f"doc-{d:02d}.txt", text="", title=f"Report {d}: 'shells' \\ \"drones\"",
                          date=f"2024-{d % 12 + 1:02d}-{d % 28 + 1:02d}",
                          url=f"https://example.org/{d}") for d in range(25)]
    rows = []
    for i in range(EVIDENCE_ROWS):
        source, target = rng.sample(ACTORS, 2)
        relation = vocabulary[rng.choice(relations)]
        document = documents[i % len(documents)]
        sentence = f"{source.name} and {target.name}: it's row {i} \\ \"quoted\" `{relation.name}`."
        if i % 97 == 0:  # longer than one FalkorDB statement: written in parts
            sentence += " Officials said the 'shipments' continued \\ again." * 90
        start = (i // len(documents)) * 5000
        rows.append(Evidence(
            doc=document.id, sentence=sentence, start=start, end=start + len(sentence),
            date=document.date, source=source.name, source_id=source.id,
            relation=relation.name, target=target.name, target_id=target.id,
            polarity=relation.polarity, weight=relation.weight, predicate=f"verb {i % 13}",
            negated=i % 11 == 0, hedged=i % 4 == 0,
            attributed_to="Seoul's \"officials\"" if i % 7 == 0 else None,
            confidence=round(0.5 + (i % 5) / 10, 2),
        ))
    return build_graph(rows, ACTORS, documents, STRUCTURAL)


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("kill") / "graph.json"
    write_graph(kill_test_graph(), path)
    return path


# ---------------------------------------------------------------- servers, loads, the database


def graphkit_command() -> list[str]:
    """The installed console script beside this Python, else the same entry point through ``-c``."""
    script = Path(sys.executable).with_name("graphkit")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from graphkit.cli import main; main()"]


def load_environment() -> dict[str, str]:
    """This process's environment without NEO4J_* settings, and the empty FalkorDB password."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return {**env, "NEO4J_PASSWORD": ""}


class Load:
    """``graphkit load`` as a subprocess, with its output and timings."""

    def __init__(self, graph_path: Path, uri: str):
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [*graphkit_command(), "load", str(graph_path), "--neo4j-uri", uri,
             "--neo4j-user", "falkordb", "--batch-size", str(BATCH_SIZE)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=load_environment(),
        )
        self.stdout = self.stderr = ""
        self.seconds = 0.0

    def running(self) -> bool:
        return self.process.poll() is None

    def finish(self, timeout: float = LOAD_DEADLINE) -> int:
        self.stdout, self.stderr = self.process.communicate(timeout=timeout)
        self.seconds = time.monotonic() - self.started
        return self.process.returncode

    def stop(self) -> None:
        if self.running():
            self.process.kill()
            self.process.communicate()


@pytest.fixture
def loads():
    """Start loads with ``loads(graph_path, uri)``; any still running at the end is killed."""
    started: list[Load] = []

    def start(graph_path: Path, uri: str) -> Load:
        started.append(Load(graph_path, uri))
        return started[-1]

    try:
        yield start
    finally:
        for load in started:
            load.stop()


def connect(uri: str) -> Neo4jStore:
    """A store that outlives restarts of its server (its driver reconnects; retries are short)."""
    return Neo4jStore(uri, "falkordb", "", retry_delay=0.05, max_retries=8)


def evidence_count(store: Neo4jStore) -> int:
    return store.query("MATCH (e:Evidence) RETURN count(e) AS n")[0]["n"]


def wait_for_evidence(store: Neo4jStore, load: Load, at_least: int) -> int:
    """Poll until ``at_least`` evidence nodes are in; the count seen."""
    deadline = time.monotonic() + LOAD_DEADLINE
    while time.monotonic() < deadline:
        count = evidence_count(store)
        if count >= at_least:
            assert count < EVIDENCE_ROWS, "the load finished before the kill: make it bigger"
            return count
        if not load.running():
            load.finish()
            pytest.fail(f"the load ended with {count} evidence rows in: {load.stderr}")
        time.sleep(0.02)
    pytest.fail(f"fewer than {at_least} evidence rows after {LOAD_DEADLINE:.0f} s")


def wait_until(condition, what: str, deadline: float = LOAD_DEADLINE) -> None:
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            pytest.fail(f"not reached in {deadline:.0f} s: {what}")
        time.sleep(0.01)


def _canonical(row: dict) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def database(store: Neo4jStore) -> dict[str, Counter]:
    """Everything stored: nodes (labels, properties) and relationships (ends, type, properties)."""
    nodes = store.query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties")
    relationships = store.query(
        "MATCH (a)-[r]->(b) RETURN labels(a) AS source_labels, a.id AS source, type(r) AS type, "
        "labels(b) AS target_labels, b.id AS target, properties(r) AS properties")
    return {"nodes": Counter(map(_canonical, nodes)),
            "relationships": Counter(map(_canonical, relationships))}


def evidence_ids(dump: dict[str, Counter]) -> set[str]:
    rows = (json.loads(n) for n in dump["nodes"])
    return {r["properties"]["id"] for r in rows if "Evidence" in r["labels"]}


def assert_counts_agree_with_linked_evidence(store: Neo4jStore) -> None:
    """Every relationship's counts are those of the evidence linked to it: whole statements only."""
    rows = store.query(
        "MATCH (a:Actor)-[r]->(b:Actor) WHERE r.count IS NOT NULL "
        "OPTIONAL MATCH (a)<-[:SOURCE]-(e:Evidence)-[:TARGET]->(b) WHERE e.relation = type(r) "
        "RETURN a.id AS source, type(r) AS relation, b.id AS target, "
        "r.count + r.negated_count AS counted, count(e) AS linked")
    assert rows
    assert [r for r in rows if r["counted"] != r["linked"]] == []


@pytest.fixture(scope="module")
def uninterrupted(graph_file, bolt_helpers) -> dict:
    """The database that one uninterrupted ``graphkit load`` of the graph gives on a fresh server."""
    with bolt_helpers.proxied_server(pytest.skip) as (_, proxy):
        load = Load(graph_file, proxy.uri)
        try:
            assert load.finish() == 0, load.stderr
        finally:
            load.stop()
        store = connect(proxy.uri)
        try:
            dump = database(store)
        finally:
            store.close()
    print(f"\nuninterrupted load: {load.seconds:.1f} s; {sum(dump['nodes'].values())} nodes, "
          f"{sum(dump['relationships'].values())} relationships")
    return {"database": dump, "seconds": load.seconds}


@pytest.fixture
def durable_server(bolt_helpers):
    """(server, proxy): a FalkorDB of this test's own that keeps acknowledged writes over a kill."""
    with bolt_helpers.proxied_server(pytest.skip, persist=True) as (server, proxy):
        yield server, proxy


# ---------------------------------------------------------------- the tests


def test_the_uninterrupted_load_holds_the_whole_graph(uninterrupted):
    graph = kill_test_graph()
    nodes = [json.loads(n) for n in uninterrupted["database"]["nodes"]]
    relationships = [json.loads(r) for r in uninterrupted["database"]["relationships"]]
    assert max(uninterrupted["database"]["nodes"].values()) == 1  # FalkorDB enforces no uniqueness
    assert Counter(label for n in nodes for label in n["labels"]) == {
        "Actor": len(ACTORS), "Document": 25, "Evidence": EVIDENCE_ROWS}
    between_actors = [r for r in relationships
                      if r["source_labels"] == r["target_labels"] == ["Actor"]]
    assert len(between_actors) == graph.number_of_edges()
    types = Counter(r["type"] for r in relationships)
    assert types["IN"] == types["SOURCE"] == types["TARGET"] == EVIDENCE_ROWS
    sentences = Counter(n["properties"]["sentence"] for n in nodes if "Evidence" in n["labels"])
    assert sentences == Counter(item["sentence"] for _, _, data in graph.edges(data=True)
                                for item in data.get("evidence", ()))
    assert sum(len(s) > 4000 for s in sentences) == len(range(0, EVIDENCE_ROWS, 97))


def test_a_server_killed_mid_load_gives_one_line_and_a_rerun_converges(
        graph_file, uninterrupted, durable_server, loads):
    server, proxy = durable_server
    watcher = connect(proxy.uri)
    try:
        # straight to the server: the failing run never closes a driver on a live server
        load = loads(graph_file, server.uri)
        seen = wait_for_evidence(watcher, load, KILL_AT)
        server.kill()
        killed = time.monotonic()
        code = load.finish()
        reported = time.monotonic() - killed

        assert code == 4, load.stderr
        lines = [line for line in load.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, load.stderr
        match = CLI_ERROR.match(lines[0])
        assert match and match["uri"] == server.uri, lines[0]
        assert "Traceback" not in load.stderr + load.stdout and load.stdout == ""
        assert reported < ERROR_DEADLINE

        server.restart()
        partial = database(watcher)
        kept = len(evidence_ids(partial))
        assert seen <= kept < EVIDENCE_ROWS  # everything acknowledged survived, and it is partial
        assert evidence_ids(partial) < evidence_ids(uninterrupted["database"])
        assert_counts_agree_with_linked_evidence(watcher)

        rerun = loads(graph_file, proxy.uri)  # a run that succeeds closes its driver: via the proxy
        assert rerun.finish() == 0, rerun.stderr
        assert database(watcher) == uninterrupted["database"]
    finally:
        watcher.close()
    print(f"\nkill and stay down: {seen} evidence rows seen before the kill, {kept} of "
          f"{EVIDENCE_ROWS} in the restarted server; error after {reported:.1f} s (load "
          f"{load.seconds:.1f} s): {lines[0]}\nre-run: {rerun.seconds:.1f} s, "
          f"{rerun.stdout.strip()}")


def test_a_server_restarted_mid_load_lets_the_load_finish_by_itself(
        graph_file, uninterrupted, durable_server, loads):
    server, proxy = durable_server
    watcher = connect(proxy.uri)
    try:
        load = loads(graph_file, proxy.uri)
        seen = wait_for_evidence(watcher, load, KILL_AT)
        refused = proxy.refused
        server.kill()
        killed = time.monotonic()
        # stay down until the load has tried, and failed, to reconnect twice
        wait_until(lambda: proxy.refused >= refused + 2 or not load.running(),
                   "two refused reconnections")
        if not load.running():
            load.finish()
            pytest.fail(f"the load gave up before the server came back: {load.stderr}")
        server.restart()
        downtime = time.monotonic() - killed
        code = load.finish()

        assert code == 0, load.stderr
        notes = [line for line in load.stderr.splitlines() if line.strip()]
        assert all(line.startswith("graphkit: note: ") for line in notes), load.stderr
        retries = RETRIES.search(load.stdout)
        assert retries and int(retries[1]) >= 2, load.stdout
        assert database(watcher) == uninterrupted["database"]
    finally:
        watcher.close()
    print(f"\nkill and come back: killed at {seen} evidence rows, down {downtime:.1f} s; load "
          f"{load.seconds:.1f} s (uninterrupted {uninterrupted['seconds']:.1f} s): "
          f"{load.stdout.strip()}")
