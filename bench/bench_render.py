"""How long a big alliance map takes to open and become interactive in headless Chromium.

    .venv/bin/python bench/bench_render.py [--actors 5000] [--edges 20000] [--runs 3] [--keep view.html]

Generates a random graph of that size (a few hub states, many minor actors; every
relation type; one to three evidence sentences per edge), renders it with
``--max-nodes`` high enough to keep every actor, opens the file in headless
Chromium with all network requests blocked, and prints the time from navigation
to "stabilized" (layout done, physics off), then the time until a click on an
actor fills the evidence panel. The goal is under 10 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from graphkit.graph import build_graph
from graphkit.render import render_html
from graphkit.types import Actor, Evidence, event_relations, relation_vocabulary

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
KINDS = ("country", "organization", "person", "group")


def big_graph(actors: int, edges: int, seed: int = 7) -> nx.MultiDiGraph:
    """A random graph with ``actors`` nodes and exactly ``edges`` distinct (source, relation, target) edges."""
    rng = random.Random(seed)
    vocabulary = relation_vocabulary()
    relations = event_relations()
    people = [Actor(f"a{i}", f"Actor {i}", rng.choices(KINDS, weights=(4, 2, 3, 1))[0]) for i in range(actors)]
    weights = [1 / (1 + i) ** 0.7 for i in range(actors)]  # a few hubs, a long tail
    ids = [a.id for a in people]
    seen: set[tuple[str, str, str]] = set()
    evidence: list[Evidence] = []
    def pick_pair(step: int) -> tuple[str, str]:
        if step < actors:  # first every actor once, tied to a hub-weighted partner, so none is missing
            return ids[step], rng.choices(ids, weights=weights, k=1)[0]
        source, target = rng.choices(ids, weights=weights, k=2)
        return source, target

    step = 0
    while len(seen) < edges:
        source, target = pick_pair(step)
        step += 1
        relation = rng.choice(relations)
        rel = vocabulary[relation]
        key = tuple(sorted((source, target))) if rel.symmetric else (source, target)
        if source == target or (key[0], relation, key[1]) in seen:
            continue
        seen.add((key[0], relation, key[1]))
        for n in range(rng.choice((1, 1, 2, 3))):
            sentence = f"Actor {source[1:]} and Actor {target[1:]}: {relation.lower()} reported (item {n})."
            evidence.append(Evidence(
                doc=f"doc{rng.randrange(500)}.txt", sentence=sentence, start=n * 100, end=n * 100 + len(sentence),
                date=f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", source=f"Actor {source[1:]}",
                source_id=source, relation=relation, target=f"Actor {target[1:]}", target_id=target,
                polarity=rel.polarity, weight=rel.weight, predicate=relation.lower(),
                negated=rng.random() < 0.05, hedged=rng.random() < 0.2, confidence=0.7))
    return build_graph(evidence, people)


def measure(path: Path, runs: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            blocked, errors = [], []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                       else (blocked.append(route.request.url), route.abort()))
            start = time.perf_counter()
            page.goto(path.resolve().as_uri())
            page.wait_for_function("() => window.graphkit && window.graphkit.ready === true",
                                   timeout=120_000, polling=50)
            stabilized = time.perf_counter() - start
            in_page = page.evaluate("() => graphkit.readyAt") / 1000
            counts = page.evaluate("() => [network.body.data.nodes.length, network.body.data.edges.length]")
            # interactive: a real click on the biggest actor fills the evidence panel
            point = page.evaluate("""() => { const id = graphkit.data.nodes.reduce((a, b) => a.size >= b.size ? a : b).id;
                const p = network.canvasToDOM(network.getPositions([id])[id]);
                const box = document.getElementById('gk-network').getBoundingClientRect();
                return [p.x + box.left, p.y + box.top, id]; }""")
            click = time.perf_counter()
            page.mouse.click(point[0], point[1])
            page.wait_for_function("(id) => graphkit.selected && graphkit.selected.node === id", arg=point[2],
                                   timeout=30_000, polling=20)
            interactive = time.perf_counter() - start
            results.append({"stabilized": stabilized, "in_page": in_page, "click": time.perf_counter() - click,
                            "interactive": interactive, "counts": counts, "blocked": blocked, "errors": errors})
            context.close()
        browser.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also keep the page at this path")
    args = parser.parse_args(argv)

    began = time.perf_counter()
    graph = big_graph(args.actors, args.edges)
    built = time.perf_counter() - began
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "big.html"
        began = time.perf_counter()
        render_html(graph, path, title=f"Benchmark: {args.actors:,} actors, {args.edges:,} relations",
                    max_nodes=args.actors)
        rendered = time.perf_counter() - began
        size = path.stat().st_size
        print(f"graph: {graph.number_of_nodes():,} actors, {graph.number_of_edges():,} relations "
              f"(built in {built:.1f} s); page {size / 1e6:.1f} MB rendered in {rendered:.1f} s")
        results = measure(path, args.runs)
    for n, r in enumerate(results, 1):
        print(f"run {n}: stabilized {r['stabilized']:.2f} s after navigation (in page {r['in_page']:.2f} s); "
              f"click → evidence panel {r['click'] * 1000:.0f} ms; interactive at {r['interactive']:.2f} s; "
              f"drawn {r['counts'][0]:,} actors / {r['counts'][1]:,} relations")
        if r["blocked"] or r["errors"]:
            print(f"  blocked requests: {r['blocked']}; console errors: {r['errors']}")
    median = statistics.median(r["interactive"] for r in results)
    print(f"median time to interactive: {median:.2f} s (goal < 10 s)")
    ok = median < 10 and all(r["counts"] == [graph.number_of_nodes(), graph.number_of_edges()] for r in results)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
