"""The rendered page in headless Chromium, with every network request blocked and recorded.

One browser for the module; each test opens its page in a fresh context. Screenshots of a
samples-like graph and of a focused view go to $GRAPHKIT_SCREENSHOTS (default: the temp folder)
as graphkit_view.png and graphkit_focus.png.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import networkx as nx
import pytest

from graphkit.graph import build_graph
from graphkit.render import render_html
from graphkit.types import Actor, Evidence, relation_vocabulary

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("GRAPHKIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(os.environ.get("GRAPHKIT_SCREENSHOTS", tempfile.gettempdir()))
GOLD = Path(__file__).parent / "data" / "dev-gold" / "seeds.gold.jsonl"
PAYLOAD = '<script>window.__pwned=1</script> then <img src=x onerror="window.__pwned=1">'

ACTORS = [
    Actor("PRK", "North Korea", "country", ("Pyongyang", "DPRK")),
    Actor("RUS", "Russia", "country", ("Moscow", "the Kremlin")),
    Actor("UKR", "Ukraine", "country", ("Kyiv",)),
    Actor("CHN", "China", "country", ("Beijing",)),
    Actor("USA", "United States", "country", ("Washington",)),
    Actor("KOR", "South Korea", "country", ("Seoul",)),
    Actor("JPN", "Japan", "country", ("Tokyo",)),
    Actor("FRA", "France", "country", ("Paris",)),
    Actor("NATO", "NATO", "organization"),
    Actor("UNMSMC", "UN Multilateral Sanctions Monitoring Committee", "organization"),
    Actor("kim-jong-un", "Kim Jong Un", "person", ("Kim Jong-un",), "PRK"),
    Actor("sergei-shoigu", "Sergei Shoigu", "person", ("Shoigu",), "RUS"),
    Actor("vladimir-putin", "Vladimir Putin", "person", ("Putin",), "RUS"),
    Actor("emmanuel-macron", "Emmanuel Macron", "person", ("Macron",), "FRA"),
    Actor("WEST", "the West", "group"),
]
BY_ID = {a.id: a for a in ACTORS}
BY_NAME = {a.name: a for a in ACTORS}


def evidence(source, relation, target, sentence, *, doc="report.txt", date="2024-06-19", start=0, **flags):
    rel = relation_vocabulary()[relation]
    return Evidence(doc=doc, sentence=sentence, start=start, end=start + len(sentence), date=date,
                    source=BY_ID[source].name, source_id=source, relation=relation,
                    target=BY_ID[target].name, target_id=target, polarity=rel.polarity, weight=rel.weight,
                    predicate=flags.pop("predicate", relation.lower()), confidence=0.8, **flags)


def hand_graph() -> nx.MultiDiGraph:
    """Ten actors, cooperative and hostile relations, a denied one, a hedged one, and markup in a sentence."""
    items = [
        evidence("PRK", "SUPPLY_ARMS", "RUS", "North Korea supplied artillery shells to Russia.", start=0),
        evidence("PRK", "SUPPLY_ARMS", "RUS", "Pyongyang shipped missiles to Moscow.", start=60, doc="b.txt"),
        evidence("PRK", "ALLY", "RUS", "North Korea and Russia signed a strategic partnership.", start=120),
        evidence("PRK", "DEPLOY_TO", "RUS", "Pyongyang allegedly sent troops to Russia.", start=180, hedged=True),
        evidence("RUS", "ATTACK", "UKR", "Russia struck Kyiv again.", start=240),
        evidence("CHN", "SUPPLY_ARMS", "RUS", "China denied supplying weapons to Russia.", start=300, negated=True),
        evidence("USA", "CRITICIZE", "PRK", "Washington condemned Pyongyang: " + PAYLOAD, start=360),
        evidence("KOR", "SANCTION", "PRK", "Seoul imposed new sanctions on Pyongyang.", start=420),
        evidence("JPN", "ALLY", "USA", "Japan and the United States reaffirmed their alliance.", start=480),
        evidence("NATO", "CRITICIZE", "RUS", "NATO condemned Russia's cooperation with Pyongyang.", start=540),
        evidence("kim-jong-un", "MEET", "sergei-shoigu", "Kim Jong Un met Sergei Shoigu.", start=600),
    ]
    return build_graph(items, [a for a in ACTORS if a.id in {i.source_id for i in items} | {i.target_id for i in items}],
                       structural=[("kim-jong-un", "LEADS", "PRK")])


def gold_graph() -> nx.MultiDiGraph:
    """The dev-gold triples of the two sample articles as a graph: what the samples should look like."""
    vocabulary = relation_vocabulary()
    items, offsets = [], {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        start = offsets.get(row["doc"], 0)
        offsets[row["doc"]] = start + len(row["text"]) + 1
        for t in row["triples"]:
            source, target = BY_NAME[t["source"]], BY_NAME[t["target"]]
            rel = vocabulary[t["relation"]]
            items.append(Evidence(
                doc=row["doc"], sentence=row["text"], start=start, end=start + len(row["text"]),
                date="2025-06-05" if row["doc"].startswith("nk_russia_nato") else "2025-06-19",
                source=source.name, source_id=source.id, relation=t["relation"], target=target.name,
                target_id=target.id, polarity=rel.polarity, weight=rel.weight, predicate=t["relation"].lower(),
                negated=t["negated"], hedged=t["hedged"], confidence=0.8))
    return build_graph(items, ACTORS, structural=[("kim-jong-un", "LEADS", "PRK"), ("vladimir-putin", "LEADS", "RUS")])


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class OpenPage:
    """A page opened from disk; every request is recorded, every non-file request aborted."""

    def __init__(self, browser, path: Path, width: int = 1400, height: int = 900):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                        else route.abort())
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_function("() => window.graphkit && window.graphkit.ready === true", timeout=20_000)

    def js(self, script: str, arg=None):
        return self.page.evaluate(script, arg)

    def counts(self) -> tuple[int, int]:
        return tuple(self.js("() => [network.body.data.nodes.length, network.body.data.edges.length]"))

    def edge_id(self, source: str, relation: str, target: str) -> str:
        return self.js("""([s, r, t]) => Object.keys(graphkit.data.relations).find(k => {
            const e = graphkit.data.relations[k]; return e.source === s && e.relation === r && e.target === t; })""",
                       [source, relation, target])

    def details(self) -> str:
        return self.page.inner_text("#gk-details")

    def close(self) -> None:
        assert self.requests == [self.url], f"unexpected requests: {self.requests}"
        assert self.errors == [], self.errors
        self.context.close()


@pytest.fixture()
def open_page(browser, tmp_path):
    pages = []

    def opener(graph, name="view.html", **options):
        path = render_html(graph, tmp_path / name, **options)
        pages.append(OpenPage(browser, path))
        return pages[-1]

    yield opener
    for page in pages:
        page.close()


def test_page_opens_offline_and_draws_the_whole_graph(open_page):
    graph = hand_graph()
    page = open_page(graph, title="Hand-made")
    assert page.js("() => typeof window.network === 'object' && window.network !== null")
    assert page.counts() == (graph.number_of_nodes(), graph.number_of_edges())
    assert page.js("() => Object.keys(network.body.nodes).length") == graph.number_of_nodes()
    assert page.page.title() == "Hand-made"
    # close() checks: the file was the only request, and no console error


def test_markup_in_evidence_is_text_and_never_runs(open_page):
    page = open_page(hand_graph())
    edge = page.edge_id("USA", "CRITICIZE", "PRK")
    page.js("(id) => graphkit.selectEdge(id)", edge)
    assert PAYLOAD in page.details()
    page.js("() => graphkit.showNode('PRK')")
    assert "<script>window.__pwned=1</script>" in page.details()
    # hover the line: the tooltip shows the sentence, as text
    page.js("(id) => network.body.emitter.emit('hoverEdge', {edge: id, pointer: {DOM: {x: 40, y: 40}}})", edge)
    assert "<img src=x" in page.page.inner_text("#gk-tooltip")
    page.page.wait_for_timeout(100)
    assert page.js("() => window.__pwned") is None
    assert page.js("() => document.querySelectorAll('#gk-app img, #gk-app iframe').length") == 0
    assert page.js("() => document.scripts.length") == 3  # data, vis-network, the page script


def test_denied_hedged_and_mutual_edges_are_drawn_differently(open_page):
    page = open_page(hand_graph())
    style = """(id) => { const o = network.body.edges[id].options;
        return {dashes: o.dashes, color: o.color.color, label: o.label, arrow: o.arrows.to.enabled}; }"""
    denied = page.js(style, page.edge_id("CHN", "SUPPLY_ARMS", "RUS"))
    hedged = page.js(style, page.edge_id("PRK", "DEPLOY_TO", "RUS"))
    asserted = page.js(style, page.edge_id("PRK", "SUPPLY_ARMS", "RUS"))
    mutual = page.js(style, page.edge_id("PRK", "ALLY", "RUS"))
    hostile = page.js(style, page.edge_id("RUS", "ATTACK", "UKR"))
    assert denied["dashes"] and denied["label"].startswith("denied") and denied["color"] != asserted["color"]
    assert hedged["dashes"] and hedged["dashes"] != denied["dashes"]
    assert asserted["dashes"] is False and asserted["arrow"] is True and asserted["label"] == "supply arms ×2"
    assert mutual["arrow"] is False
    assert hostile["color"] != asserted["color"]


def test_click_on_an_edge_lists_its_evidence(open_page):
    page = open_page(hand_graph())
    edge = page.edge_id("RUS", "ATTACK", "UKR")
    point = page.js("""(id) => { const e = network.body.edges[id];
        const mid = {x: (e.from.x + e.to.x) / 2, y: (e.from.y + e.to.y) / 2};
        const dom = network.canvasToDOM(mid), box = document.getElementById('gk-network').getBoundingClientRect();
        return [dom.x + box.left, dom.y + box.top]; }""", edge)
    page.page.mouse.click(*point)
    text = page.details()
    assert "Russia → attack → Ukraine" in text and "Russia struck Kyiv again." in text
    assert "report.txt" in text and "2024-06-19" in text
    assert page.js("() => network.getSelectedEdges()") == [edge]


def test_evidence_panel_flags_denied_and_hedged(open_page):
    page = open_page(hand_graph())
    page.js("(id) => graphkit.selectEdge(id)", page.edge_id("CHN", "SUPPLY_ARMS", "RUS"))
    assert "denied" in page.details() and "China denied supplying weapons" in page.details()
    page.js("(id) => graphkit.selectEdge(id)", page.edge_id("PRK", "DEPLOY_TO", "RUS"))
    assert "hedged" in page.details() and "all hedged" in page.details()


def test_filters_change_the_visible_set_without_reloading(open_page):
    graph = hand_graph()
    page = open_page(graph)
    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    page.page.uncheck("input[data-relation=SUPPLY_ARMS]")
    assert page.counts() == (nodes - 1, edges - 2)  # China's only edge is a denied SUPPLY_ARMS
    page.page.check("input[data-relation=SUPPLY_ARMS]")
    assert page.counts() == (nodes, edges)
    page.page.select_option("#gk-polarity", "hostile")
    hostile = [d for _, _, d in graph.edges(data=True) if d["polarity"] < 0]
    assert page.counts()[1] == len(hostile)
    assert set(page.js("() => graphkit.edgesView.get().map(e => e.relation)")) == {"ATTACK", "CRITICIZE", "SANCTION"}
    page.page.select_option("#gk-polarity", "all")
    page.page.fill("#gk-min-count", "2")
    assert page.counts() == (2, 1)  # North Korea supplies arms to Russia twice
    page.page.click("#gk-reset")
    assert page.counts() == (nodes, edges)
    assert "shown of" not in page.page.inner_text("#gk-status")
    page.page.click("#gk-none")
    assert page.counts() == (0, 0)


def test_search_finds_an_actor_by_alias(open_page):
    page = open_page(hand_graph())
    page.page.fill("#gk-search", "pyongyang")
    page.page.press("#gk-search", "Enter")
    assert page.js("() => network.getSelectedNodes()") == ["PRK"]
    assert page.page.inner_text("#gk-details h2") == "North Korea"
    page.page.fill("#gk-search", "Atlantis")
    page.page.press("#gk-search", "Enter")
    assert "No actor matches" in page.page.inner_text("#gk-search-message")


def test_left_out_actors_are_named_on_the_page(open_page):
    page = open_page(hand_graph(), max_nodes=4, level="state")
    assert page.counts()[0] == 4
    notes = page.page.inner_text("#gk-notes")
    assert "Left out" in notes and "--max-nodes" in notes and "state level" in notes


def test_an_empty_view_says_so(open_page):
    page = open_page(hand_graph(), relations="AID")
    assert page.counts() == (0, 0)
    assert "Nothing to show" in page.page.inner_text("#gk-loading")


def test_samples_like_view_screenshot(open_page):
    graph = gold_graph()
    page = open_page(graph, title="North Korea and Russia: the two sample articles (dev gold)")
    assert page.counts() == (graph.number_of_nodes(), graph.number_of_edges())
    page.js("(id) => graphkit.selectEdge(id)", page.edge_id("PRK", "SUPPLY_ARMS", "RUS"))
    assert "Military Informer" in page.details()
    shot = page.page.screenshot(path=str(SCREENSHOTS / "graphkit_view.png"))
    assert len(shot) > 50_000


def test_focused_view_screenshot(open_page):
    graph = gold_graph()
    page = open_page(graph, title="Around Kim Jong Un", focus="kim jong-un", depth=1)
    ego = nx.ego_graph(graph.to_undirected(as_view=True), "kim-jong-un", radius=1)
    assert page.counts() == (ego.number_of_nodes(), graph.subgraph(ego).number_of_edges())
    assert page.js("() => network.getSelectedNodes()") == ["kim-jong-un"]
    assert page.page.inner_text("#gk-details h2") == "Kim Jong Un"
    assert "Around Kim Jong Un (1 step)" in page.page.inner_text("#gk-notes")
    page.page.screenshot(path=str(SCREENSHOTS / "graphkit_focus.png"))


def test_big_page_opens_with_precomputed_positions(open_page):
    import random

    rng = random.Random(3)
    vocabulary = relation_vocabulary()
    actors = [Actor(f"a{i}", f"Actor {i}", "country") for i in range(650)]
    items = []
    for i in range(650):
        for target in {rng.randrange(650), (i + 1) % 650} - {i}:
            relation = rng.choice(["ALLY", "SUPPLY_ARMS", "ATTACK", "CRITICIZE"])
            items.append(Evidence(doc="d.txt", sentence=f"Actor {i} and Actor {target}.", start=i, end=i + 9,
                                  date=None, source=f"Actor {i}", source_id=f"a{i}", relation=relation,
                                  target=f"Actor {target}", target_id=f"a{target}",
                                  polarity=vocabulary[relation].polarity, weight=0, predicate="x"))
    graph = build_graph(items, actors)
    page = open_page(graph, max_nodes=0)
    assert page.counts() == (graph.number_of_nodes(), graph.number_of_edges())
    assert page.js("() => network.physics.options.enabled") is False
    edge = page.js("() => graphkit.data.edges[0].id")
    assert page.js("(id) => network.body.edges[id].options.label", edge) is None
    page.page.check("#gk-labels")  # labels come on demand on big pages
    assert page.js("(id) => network.body.edges[id].options.label", edge)
    page.page.select_option("#gk-polarity", "hostile")
    hostile = sum(1 for _, _, d in graph.edges(data=True) if d["polarity"] < 0)
    assert page.counts()[1] == hostile


def test_page_works_inside_a_srcdoc_iframe(browser, tmp_path):
    """What a notebook shows: the page in a sandboxed srcdoc iframe, still without requests."""
    from graphkit.render import show

    host = tmp_path / "notebook.html"
    host.write_text("<!DOCTYPE html><html><body>" + show(hand_graph(), height=600)._repr_html_() + "</body></html>",
                    encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 700})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    page.goto(host.resolve().as_uri())
    frame = page.frames[1]
    frame.wait_for_function("() => window.graphkit && window.graphkit.ready === true", timeout=20_000)
    assert frame.evaluate("() => network.body.data.nodes.length") == hand_graph().number_of_nodes()
    assert [u for u in requests if not u.startswith("about:")] == [host.resolve().as_uri()]
    assert errors == []
    context.close()

