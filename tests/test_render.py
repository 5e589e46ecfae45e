"""View selection, page building and the ``graphkit render`` command (no browser needed)."""

from __future__ import annotations

import html
import json
import re

import networkx as nx
import pytest
from typer.testing import CliRunner

from graphkit.errors import InputError
from graphkit.graph import build_graph, to_node_link, write_graph
from graphkit.render import (
    GraphView,
    ViewOptions,
    actor_strength,
    find_actor,
    page_data,
    render_html,
    render_page,
    select_view,
    show,
)
from graphkit.types import Actor, Evidence, relation_vocabulary

PAYLOAD = '<script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=1">'

ACTORS = [
    Actor("PRK", "North Korea", "country", ("Pyongyang", "DPRK")),
    Actor("RUS", "Russia", "country", ("Moscow", "the Kremlin")),
    Actor("UKR", "Ukraine", "country", ("Kyiv",)),
    Actor("USA", "United States", "country", ("Washington",)),
    Actor("KOR", "South Korea", "country", ("Seoul",)),
    Actor("NATO", "NATO", "organization"),
    Actor("kim-jong-un", "Kim Jong Un", "person", ("Kim Jong-un",), "PRK"),
    Actor("sergei-shoigu", "Sergei Shoigu", "person", ("Shoigu",), "RUS"),
    Actor("RUS-SC", "Russian Security Council", "organization", (), "RUS"),
    Actor("WEST", "the West", "group"),
]
NAMES = {a.id: a.name for a in ACTORS}


def evidence(source, relation, target, sentence, *, doc="a.txt", date="2024-06-19", start=0,
             negated=False, hedged=False, predicate="x"):
    rel = relation_vocabulary()[relation]
    return Evidence(doc=doc, sentence=sentence, start=start, end=start + len(sentence), date=date,
                    source=NAMES[source], source_id=source, relation=relation, target=NAMES[target],
                    target_id=target, polarity=rel.polarity, weight=rel.weight, predicate=predicate,
                    negated=negated, hedged=hedged, confidence=0.8)


def small_graph() -> nx.MultiDiGraph:
    items = [
        evidence("PRK", "SUPPLY_ARMS", "RUS", "North Korea supplied shells to Russia.", start=0),
        evidence("PRK", "SUPPLY_ARMS", "RUS", "Pyongyang sent more missiles to Moscow.", doc="b.txt",
                 date="2024-09-01"),
        evidence("PRK", "SUPPLY_ARMS", "RUS", "Pyongyang denied supplying arms to Moscow.", start=50,
                 negated=True),
        evidence("PRK", "ALLY", "RUS", "North Korea and Russia signed a partnership.", start=100),
        evidence("PRK", "DEPLOY_TO", "RUS", "North Korea reportedly sent troops to Russia.", start=150,
                 hedged=True),
        evidence("RUS", "ATTACK", "UKR", "Russia struck Kyiv again.", start=200),
        evidence("USA", "CRITICIZE", "PRK", "Washington condemned Pyongyang. " + PAYLOAD, start=250),
        evidence("KOR", "SANCTION", "PRK", "Seoul imposed new sanctions on Pyongyang.", date="2023-11-02"),
        evidence("KOR", "SUPPORT", "UKR", "South Korea denied sending weapons to Ukraine.", negated=True),
        evidence("kim-jong-un", "MEET", "sergei-shoigu", "Kim Jong Un met Sergei Shoigu.", start=300),
        evidence("sergei-shoigu", "MEET", "kim-jong-un", "Shoigu held talks with Kim.", doc="b.txt"),
        evidence("RUS-SC", "SUPPORT", "PRK", "The Russian Security Council praised North Korea.", start=350),
        evidence("NATO", "CRITICIZE", "RUS", "NATO condemned Russia.", start=400),
        evidence("WEST", "SANCTION", "RUS", "The West sanctioned Russia.", start=450, hedged=True),
        evidence("sergei-shoigu", "MEET", "RUS-SC", "Shoigu chaired the Security Council.", start=500),
    ]
    return build_graph(items, ACTORS, structural=[("kim-jong-un", "LEADS", "PRK")])


def edges_of(view):
    return {(s, r, t) for s, t, r in view.edges(keys=True)}


# ---- ViewOptions ----

def test_view_options_normalize_relations_and_polarity():
    options = ViewOptions(relations="supply_arms, ALLY", polarity="Hostile", level="STATE", max_nodes=0)
    assert options.relations == ("ALLY", "SUPPLY_ARMS")
    assert options.polarity == "hostile" and options.level == "state" and options.max_nodes is None
    assert ViewOptions().filters_edges is False and options.filters_edges is True


@pytest.mark.parametrize("kwargs, message", [
    ({"relations": "ALLY,FRIENDS"}, "unknown relation FRIENDS"),
    ({"polarity": "friendly"}, "polarity must be"),
    ({"level": "galaxy"}, "level must be"),
    ({"since": "June 2024"}, "ISO date"),
    ({"since": "2024-07", "until": "2024-06"}, "is after"),
    ({"depth": -1}, "negative"),
    ({"max_nodes": -5}, "negative"),
])
def test_view_options_reject_bad_values(kwargs, message):
    with pytest.raises(InputError, match=message):
        ViewOptions(**kwargs)


# ---- select_view ----

def test_default_view_keeps_everything_and_does_not_touch_input():
    graph = small_graph()
    before = json.dumps(to_node_link(graph), sort_keys=True, default=str)
    view = select_view(graph)
    assert set(view) == set(graph) and view.number_of_edges() == graph.number_of_edges()
    assert view.graph["view"]["omitted_nodes"] == 0
    assert json.dumps(to_node_link(graph), sort_keys=True, default=str) == before


def test_relation_and_polarity_filters():
    graph = small_graph()
    view = select_view(graph, relations="SUPPLY_ARMS,ALLY")
    assert edges_of(view) == {("PRK", "SUPPLY_ARMS", "RUS"), ("PRK", "ALLY", "RUS")}
    assert set(view) == {"PRK", "RUS"}  # actors left with no edge are dropped
    hostile = select_view(graph, polarity="hostile")
    assert {r for _, r, _ in edges_of(hostile)} == {"ATTACK", "CRITICIZE", "SANCTION"}
    cooperative = select_view(graph, polarity="cooperative")
    assert all(d["polarity"] > 0 for _, _, d in cooperative.edges(data=True))
    assert "LEADS" not in {r for _, r, _ in edges_of(cooperative)}


def test_min_count_counts_asserted_mentions_only():
    view = select_view(small_graph(), min_count=2)
    # structural links (no evidence) between actors that stay are kept
    assert edges_of(view) == {("PRK", "SUPPLY_ARMS", "RUS"), ("kim-jong-un", "MEET", "sergei-shoigu"),
                              ("kim-jong-un", "LEADS", "PRK")}
    assert ("KOR", "SUPPORT", "UKR") not in edges_of(select_view(small_graph(), min_count=1))  # denied only


def test_date_window_filters_evidence_and_recounts():
    view = select_view(small_graph(), since="2024-06", until="2024-06")
    data = view.get_edge_data("PRK", "RUS", "SUPPLY_ARMS")
    assert data["count"] == 1 and data["negated_count"] == 1
    assert {e["date"] for e in data["evidence"]} == {"2024-06-19"}
    assert data["first_seen"] == data["last_seen"] == "2024-06-19"
    assert not view.has_edge("KOR", "PRK", "SANCTION")  # 2023
    assert select_view(small_graph(), since="2024-09").get_edge_data("PRK", "RUS", "SUPPLY_ARMS")["count"] == 1


def test_state_level_folds_people_and_bodies_into_their_country():
    graph = small_graph()
    view = select_view(graph, level="state")
    assert not {"kim-jong-un", "sergei-shoigu", "RUS-SC"} & set(view)
    assert set(view.nodes["RUS"]["folded"]) == {"Sergei Shoigu", "Russian Security Council"}
    meet = view.get_edge_data("PRK", "RUS", "MEET")
    assert meet["count"] == 2 and len(meet["evidence"]) == 2 and meet["sources"] == ["a.txt", "b.txt"]
    assert all(e["via"] for e in meet["evidence"])
    support = view.get_edge_data("RUS", "PRK", "SUPPORT")
    assert support["evidence"][0]["via"] == "Russian Security Council → North Korea"
    # Shoigu MEET Russian Security Council and Kim LEADS North Korea happen inside one state
    assert view.graph["view"]["inside_state_dropped"] == 2
    assert not any(s == t for s, t in view.edges())


def test_state_level_counts_one_sentence_once():
    sentence = "Kim Jong Un and North Korea praised Russia."
    graph = build_graph([
        evidence("kim-jong-un", "SUPPORT", "RUS", sentence, start=900, hedged=True),
        evidence("PRK", "SUPPORT", "RUS", sentence, start=900),
    ], ACTORS)
    actor_level = select_view(graph)
    assert actor_level.number_of_edges() == 2
    support = select_view(graph, level="state").get_edge_data("PRK", "RUS", "SUPPORT")
    assert support["count"] == 1 and support["hedged_count"] == 0 and len(support["evidence"]) == 1
    assert support["evidence"][0]["via"] == "Kim Jong Un → Russia"


def test_state_level_focus_on_a_person_means_their_country():
    view = select_view(small_graph(), level="state", focus="kim jong un", depth=1)
    assert view.graph["view"]["focus"] == "PRK"
    assert {"PRK", "RUS", "USA", "KOR"} <= set(view) and "UKR" not in view


@pytest.mark.parametrize("query, expected", [
    ("PRK", "PRK"), ("prk", "PRK"), ("north korea", "PRK"), ("Pyongyang", "PRK"), ("kim-jong-un", "kim-jong-un"),
])
def test_find_actor_by_id_name_or_alias(query, expected):
    assert find_actor(small_graph(), query) == expected


def test_find_actor_suggests_close_names():
    with pytest.raises(InputError, match="did you mean North Korea"):
        find_actor(small_graph(), "North Kore")


def test_focus_depth_gives_ego_network():
    graph = small_graph()
    one = select_view(graph, focus="Ukraine", depth=1)
    assert set(one) == {"UKR", "RUS", "KOR"}
    two = select_view(graph, focus="Ukraine", depth=2)
    assert {"PRK", "NATO", "WEST"} <= set(two)
    assert set(select_view(graph, focus="UKR", depth=0)) == {"UKR"}


def test_focus_survives_filters_that_remove_its_edges():
    view = select_view(small_graph(), focus="NATO", relations="ALLY")
    assert set(view) == {"NATO"}


def test_max_nodes_keeps_the_strongest_and_reports_the_rest():
    graph = small_graph()
    strength = actor_strength(graph)
    view = select_view(graph, max_nodes=3)
    assert view.number_of_nodes() == 3
    kept = sorted(graph, key=lambda n: (-strength[n], n))[:3]
    assert set(view) == set(kept)
    report = view.graph["view"]
    assert report["omitted_nodes"] == graph.number_of_nodes() - 3
    assert report["omitted_edges"] == graph.number_of_edges() - view.number_of_edges()
    assert report["omitted_examples"]
    focused = select_view(graph, max_nodes=2, focus="NATO", depth=2)
    assert "NATO" in focused and focused.number_of_nodes() == 2


# ---- page ----

def test_page_is_self_contained_and_keeps_the_vis_license():
    page = render_page(small_graph(), title="Test <map>")
    assert "<title>Test &lt;map&gt;</title>" in page
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=[\"']?(https?:)?//", page, re.I)
    assert "@license" in page and "vis.js is dual licensed" in page
    assert "sourceMappingURL" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in html.unescape(page)
    assert "window.network = network" in page


def test_page_data_never_carries_raw_markup():
    page = render_page(small_graph())
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    start = page.index('<script type="application/json" id="gk-data">') + 45
    blob = page[start:page.index("</script>", start)]
    data = json.loads(blob)
    sentences = [e["sentence"] for r in data["relations"].values() for e in r["evidence"]]
    assert any(PAYLOAD in s for s in sentences)


def test_page_data_styles_edges():
    data = page_data(select_view(small_graph()))
    by_relation = {(data["relations"][e["id"]]["source"], e["relation"], data["relations"][e["id"]]["target"]): e
                   for e in data["edges"]}
    denied = by_relation[("KOR", "SUPPORT", "UKR")]
    assert denied["text"] == denied["label"] == "denied: support" and denied["dashes"] == [2, 5]
    hedged = by_relation[("WEST", "SANCTION", "RUS")]
    assert hedged["dashes"] == [10, 6]
    assert "dashes" not in by_relation[("PRK", "SUPPLY_ARMS", "RUS")]
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True  # directed by default
    assert by_relation[("PRK", "ALLY", "RUS")]["arrows"]["to"]["enabled"] is False  # symmetric
    assert by_relation[("PRK", "SUPPLY_ARMS", "RUS")]["arrows"] == "to"  # pyvis marks directed edges
    assert by_relation[("PRK", "SUPPLY_ARMS", "RUS")]["color"] != by_relation[("RUS", "ATTACK", "UKR")]["color"]
    widths = {k: e["width"] for k, e in by_relation.items()}
    assert widths[("PRK", "SUPPLY_ARMS", "RUS")] > widths[("PRK", "ALLY", "RUS")]
    shapes = {n["id"]: (n["group"], n["shape"]) for n in data["nodes"]}
    assert shapes["PRK"] == ("country", "dot") and shapes["NATO"] == ("organization", "square")
    assert shapes["kim-jong-un"] == ("person", "triangle") and shapes["WEST"] == ("group", "hexagon")
    assert set(data["options"]["groups"]) == {"country", "organization", "person", "group"}
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    assert sizes["PRK"] > sizes["NATO"]


def test_big_graphs_come_with_positions_and_no_physics():
    graph = nx.MultiDiGraph()
    for i in range(700):
        graph.add_node(f"n{i}", name=f"N{i}", kind="country")
    for i in range(699):
        graph.add_edge(f"n{i}", f"n{(i * 7 + 1) % 700}", key="MEET", relation="MEET", symmetric=True,
                       polarity=1, count=1, negated_count=0, hedged_count=0, evidence=[])
    data = page_data(select_view(graph, max_nodes=None))
    assert data["big"] and data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert data["options"]["edges"]["font"]["size"] == 0  # labels off (the page can turn them on)
    small = page_data(select_view(small_graph()))
    assert small["options"]["physics"]["stabilization"]["iterations"] <= 500 and "x" not in small["nodes"][0]


def test_spread_layout_is_deterministic_and_separates_communities():
    from graphkit.render import spread_layout

    graph = nx.MultiDiGraph(nx.random_partition_graph([150, 150], 0.08, 0.002, seed=1))
    first, second = spread_layout(graph), spread_layout(graph)
    assert first == second and len(first) == 300
    centre = [tuple(sum(first[n][i] for n in block) / len(block) for i in (0, 1))
              for block in (range(0, 150), range(150, 300))]
    spread = sum(((first[n][0] - centre[0][0]) ** 2 + (first[n][1] - centre[0][1]) ** 2) ** 0.5
                 for n in range(150)) / 150
    gap = ((centre[0][0] - centre[1][0]) ** 2 + (centre[0][1] - centre[1][1]) ** 2) ** 0.5
    assert gap > spread  # the two communities sit apart


def test_render_html_writes_atomically(tmp_path):
    path = render_html(small_graph(), tmp_path / "view.html", title="T", focus="Russia")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]


def test_show_embeds_an_escaped_srcdoc_iframe():
    view = show(small_graph(), focus="PRK", height=500)
    assert isinstance(view, GraphView)
    markup = view._repr_html_()
    assert markup.startswith("<iframe srcdoc=\"") and 'sandbox="allow-scripts"' in markup
    srcdoc = markup[len('<iframe srcdoc="'):markup.index('" sandbox=')]
    assert "<" not in srcdoc and '"' not in srcdoc
    assert html.unescape(srcdoc) == view.html
    assert "height:500px" in markup


# ---- command ----

@pytest.fixture()
def cli():
    import typer

    import graphkit.cli.render  # noqa: F401  (registers the command)
    from graphkit.cli.app import app

    # a copy of the app with a second command, so that ``render`` stays a subcommand even while
    # it is the only command registered (the lead lists it in graphkit.cli.COMMAND_MODULES)
    test_app = typer.Typer(pretty_exceptions_enable=False)
    test_app.registered_commands.extend(app.registered_commands)
    test_app.command("noop")(lambda: None)
    runner = CliRunner()
    return lambda *args: runner.invoke(test_app, [str(a) for a in args])


def test_render_command_writes_page(cli, tmp_path):
    write_graph(small_graph(), tmp_path / "graph.json")
    result = cli("render", tmp_path / "graph.json", "-o", tmp_path / "view.html", "--title", "Korea",
                 "--level", "state", "--relations", "supply_arms,ally", "--max-nodes", "10")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "view.html").read_text(encoding="utf-8")
    assert "<title>Korea</title>" in page
    assert "view.html" in result.output and "2 actors" in result.output


def test_render_command_focus_and_dates(cli, tmp_path):
    write_graph(small_graph(), tmp_path / "graph.json")
    result = cli("render", tmp_path / "graph.json", "-o", tmp_path / "v.html", "--focus", "ukraine",
                 "--depth", "1", "--since", "2024-01", "--until", "2024-12", "--min-count", "1",
                 "--polarity", "hostile")
    assert result.exit_code == 0, result.output
    assert "2 actors, 1 relation" in result.output


@pytest.mark.parametrize("content", [None, "{not json", '{"nodes": []}'])
def test_render_command_bad_graph_file_is_one_line(cli, tmp_path, content):
    path = tmp_path / "graph.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = cli("render", path, "-o", tmp_path / "view.html")
    assert result.exit_code == 4
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("graphkit: error:")
    assert not (tmp_path / "view.html").exists()


def test_render_command_bad_option_is_one_line(cli, tmp_path):
    write_graph(small_graph(), tmp_path / "graph.json")
    for args in (["--relations", "HUGS"], ["--focus", "Atlantis"], ["--since", "yesterday"]):
        result = cli("render", tmp_path / "graph.json", "-o", tmp_path / "v.html", *args)
        assert result.exit_code == 2, result.output
        assert len(result.output.strip().splitlines()) == 1


def test_render_command_has_help(cli):
    result = cli("render", "--help")
    assert result.exit_code == 0
    assert "--focus" in result.output and "--max-nodes" in result.output and "--level" in result.output


def test_page_carries_at_most_200_sentences_per_relation():
    from graphkit.graph import build_graph
    from graphkit.render import page_data, select_view
    from graphkit.types import Evidence

    rows = [Evidence(doc=f"d{i}", sentence=f"Iran shipped drones to Russia ({i}).", start=0, end=10, date=None,
                     source="Iran", source_id="IRN", relation="SUPPLY_ARMS", target="Russia", target_id="RUS",
                     polarity=1, weight=8, predicate="shipped") for i in range(250)]
    data = page_data(select_view(build_graph(rows)))
    (relation,) = [r for r in data["relations"].values() if r["relation"] == "SUPPLY_ARMS"]
    assert len(relation["evidence"]) == 200 and relation["evidence_more"] == 50 and relation["count"] == 250
