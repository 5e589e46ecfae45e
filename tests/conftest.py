"""Shared pytest fixtures."""

# ---------------------------------------------------------------------------
# Graph stores and Bolt (tests/test_store*.py, test_neo4j*.py, test_query*.py).
#
# ``bolt_uri`` is a session-wide FalkorDB Bolt server behind a proxy that drops
# GOODBYE (see tests/bolt_server.py), or the server named by the environment
# variable GRAPHKIT_TEST_BOLT_URI (user GRAPHKIT_TEST_BOLT_USER, password
# GRAPHKIT_TEST_BOLT_PASSWORD) when set. Tests that use it are marked ``bolt``
# and are skipped when no server can be started.
# ``alliance_graph`` / ``alliance_update_graph``: a small hand-made graph (11
# actors, 3 documents, negated and hedged evidence) and a graph from two new
# documents plus one already seen, for incremental loads.
# ---------------------------------------------------------------------------

import os as _os

import pytest as _pytest


def _bolt_helpers():
    """tests/bolt_server.py, imported by path (whatever pytest's import mode)."""
    import importlib.util
    import sys
    from pathlib import Path

    name = "graphkit_tests_bolt_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("bolt_server.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@_pytest.fixture(scope="session")
def bolt_server():
    """(uri, user, password) of a Bolt server for the whole test session."""
    uri = _os.environ.get("GRAPHKIT_TEST_BOLT_URI")
    if uri:
        yield (uri, _os.environ.get("GRAPHKIT_TEST_BOLT_USER", "falkordb"),
               _os.environ.get("GRAPHKIT_TEST_BOLT_PASSWORD", ""))
        return
    helpers = _bolt_helpers()
    with helpers.proxied_server(_pytest.skip) as (_, proxy):
        yield (proxy.uri, helpers.BOLT_USER, helpers.BOLT_PASSWORD)


@_pytest.fixture(scope="session")
def bolt_uri(bolt_server):
    """The URI of the session's Bolt server (user ``falkordb``, empty password)."""
    return bolt_server[0]


@_pytest.fixture
def neo4j_store(bolt_server):
    """A Neo4jStore on the session's server, emptied before the test."""
    from graphkit.neo4j_store import Neo4jStore

    uri, user, password = bolt_server
    store = Neo4jStore(uri, user, password, retry_delay=0.01)
    store.clear()
    try:
        yield store
    finally:
        store.close()


def _alliance_evidence(documents):
    from graphkit.types import Evidence, relation_vocabulary

    vocabulary = relation_vocabulary()
    names = {a.id: a.name for a in _alliance_actors()}
    rows = []
    for doc, date, sentences in documents:
        offset = 0
        for sentence, triples in sentences:
            for source, relation, target, predicate, flags in triples:
                rel = vocabulary[relation]
                rows.append(Evidence(
                    doc=doc, sentence=sentence, start=offset, end=offset + len(sentence), date=date,
                    source=names[source], source_id=source, relation=relation,
                    target=names[target], target_id=target, polarity=rel.polarity,
                    weight=rel.weight, predicate=predicate, negated="negated" in flags,
                    hedged="hedged" in flags,
                    attributed_to=flags.get("by") if isinstance(flags, dict) else None,
                    confidence=flags.get("confidence", 0.8) if isinstance(flags, dict) else 0.8,
                ))
            offset += len(sentence) + 1
    return rows


def _alliance_actors():
    from graphkit.types import Actor

    return [
        Actor("PRK", "North Korea", "country", ("Pyongyang", "the DPRK", "North Korean")),
        Actor("RUS", "Russia", "country", ("Moscow", "the Kremlin", "Russian")),
        Actor("UKR", "Ukraine", "country", ("Kyiv", "Ukrainian")),
        Actor("USA", "United States", "country", ("Washington", "the US")),
        Actor("KOR", "South Korea", "country", ("Seoul",)),
        Actor("CHN", "China", "country", ("Beijing",)),
        Actor("IRN", "Iran", "country", ("Tehran",)),
        Actor("NATO", "NATO", "organization", ("the Alliance",)),
        Actor("kim-jong-un", "Kim Jong Un", "person", ("Kim Jong-un", "Kim"), "PRK"),
        Actor("vladimir-putin", "Vladimir Putin", "person", ("Putin",), "RUS"),
        Actor("sergei-shoigu", "Sergei Shoigu", "person", ("Shoigu",), "RUS"),
        Actor(EVIL_ID, EVIL_NAME, "group", ("O'Brien's \"coalition\"", "`x`}) RETURN 1 //")),
    ]


# an actor whose id, name and aliases hold quotes, backticks and a would-be injection
EVIL_ID = "coalition'`}) DETACH DELETE n //"
EVIL_NAME = "The 'Coalition' of the \"Willing\" `}) DETACH DELETE n //"


_DOC_A = ("nk-russia-2024.txt", "2024-06-19", [
    ("Russia and North Korea signed a comprehensive strategic partnership treaty in Pyongyang.",
     [("RUS", "AGREE", "PRK", "signed a comprehensive strategic partnership treaty", {}),
      ("RUS", "ALLY", "PRK", "comprehensive strategic partnership", {})]),
    ("Kim Jong Un hosted Vladimir Putin for talks on military cooperation.",
     [("kim-jong-un", "MEET", "vladimir-putin", "hosted for talks", {}),
      ("PRK", "COOPERATE", "RUS", "military cooperation", {})]),
    ("South Korea's Joint Chiefs of Staff said Pyongyang has shipped millions of artillery shells to Moscow.",
     [("PRK", "SUPPLY_ARMS", "RUS", "shipped millions of artillery shells",
       {"hedged": 1, "by": "South Korea's Joint Chiefs of Staff", "confidence": 0.7})]),
    ("Moscow and Pyongyang have denied that North Korea supplies weapons to Russia.",
     [("PRK", "SUPPLY_ARMS", "RUS", "supplies weapons", {"negated": 1, "confidence": 0.6})]),
    ("Russia continued its strikes on Ukraine.",
     [("RUS", "ATTACK", "UKR", "strikes", {})]),
])

_DOC_B = ("west-response-2024.txt", "2024-07-11", [
    ("NATO condemned the deepening military ties between Russia and North Korea.",
     [("NATO", "CRITICIZE", "RUS", "condemned", {}),
      ("NATO", "CRITICIZE", "PRK", "condemned", {}),
      ("RUS", "ALLY", "PRK", "deepening military ties", {})]),
    ("The United States imposed new sanctions on North Korean arms traders.",
     [("USA", "SANCTION", "PRK", "imposed new sanctions", {})]),
    ("Washington has sent air defence systems to Kyiv.",
     [("USA", "SUPPLY_ARMS", "UKR", "sent air defence systems", {})]),
    ("Iran is reported to have supplied drones to Russia.",
     [("IRN", "SUPPLY_ARMS", "RUS", "supplied drones", {"hedged": 1, "confidence": 0.65})]),
    ("Seoul warned Pyongyang against further missile tests.",
     [("KOR", "THREATEN", "PRK", "warned against", {})]),
])

_DOC_C = ("troops-2024.txt", "2024-10-18", [
    ("North Korea has sent thousands of troops to fight for Russia, Seoul said.",
     [("PRK", "DEPLOY_TO", "RUS", "sent thousands of troops", {"by": "Seoul"}),
      ("PRK", "SUPPLY_ARMS", "RUS", "sent", {"hedged": 1, "confidence": 0.75})]),
    ("China called on both sides to show restraint but did not criticize Moscow.",
     [("CHN", "CRITICIZE", "RUS", "did not criticize", {"negated": 1}),
      ("CHN", "SUPPORT", "RUS", "show restraint", {"hedged": 1, "confidence": 0.5})]),
    ("Ukraine's forces fought North Korean soldiers in the Kursk region.",
     [("UKR", "ATTACK", "PRK", "fought", {})]),
    ("Sergei Shoigu met Kim Jong Un in Pyongyang.",
     [("sergei-shoigu", "MEET", "kim-jong-un", "met", {})]),
])

_DOC_D = ("summit-2025.txt", "2025-01-20", [
    ("North Korea delivered more artillery shells to Russia in January.",
     [("PRK", "SUPPLY_ARMS", "RUS", "delivered more artillery shells", {"confidence": 0.9})]),
    ("Russia pledged aid to North Korea's economy.",
     [("RUS", "AID", "PRK", "pledged aid", {"hedged": 1})]),
    ("Kyiv's \"allies\" — the `West` — rejected Moscow's terms }) DETACH DELETE n //",
     [("UKR", "REJECT", "RUS", "rejected 'terms' }) DETACH DELETE n //", {})]),
    ("The 'Coalition' of the \"Willing\" backed Ukraine \\ again.",
     [(EVIL_ID, "SUPPORT", "UKR", "backed", {"by": "O'Brien `x` }) DETACH DELETE n //"})]),
])

_STRUCTURAL = [
    ("kim-jong-un", "LEADS", "PRK"),
    ("vladimir-putin", "LEADS", "RUS"),
    ("sergei-shoigu", "REPRESENTS", "RUS"),
    ("USA", "MEMBER_OF", "NATO"),
]


def _alliance_documents(docs):
    from graphkit.types import Document

    titles = {
        "nk-russia-2024.txt": "Putin and Kim sign a pact",
        "west-response-2024.txt": "The West responds",
        "troops-2024.txt": "North Korean troops in Russia",
        "summit-2025.txt": "More shells; Kyiv's 'terms'",
    }
    return [Document(id=d[0], text="", title=titles[d[0]], date=d[1],
                     url=f"https://example.org/{d[0]}") for d in docs]


def build_alliance_graph(docs=(_DOC_A, _DOC_B, _DOC_C)):
    """A graph from hand-made evidence of the given documents (default: the first three)."""
    from graphkit.graph import build_graph

    return build_graph(_alliance_evidence(docs), _alliance_actors(),
                       _alliance_documents(docs), _STRUCTURAL)


@_pytest.fixture
def alliance_graph():
    """11 actors (of 12 known), 3 documents, event relations with negated and hedged evidence, structural edges."""
    return build_alliance_graph()


@_pytest.fixture
def alliance_update_graph():
    """A graph from one new document (with quotes and backticks) and one already in alliance_graph."""
    return build_alliance_graph((_DOC_C, _DOC_D))


@_pytest.fixture
def alliance_full_graph():
    """The graph of all four documents: what the two above add up to."""
    return build_alliance_graph((_DOC_A, _DOC_B, _DOC_C, _DOC_D))


@_pytest.fixture
def evil_actor():
    """(id, name) of the actor whose id and name hold quotes, backticks and `}) DETACH DELETE n //`."""
    return EVIL_ID, EVIL_NAME


@_pytest.fixture(scope="session")
def bolt_helpers():
    """tests/bolt_server.py: FalkorDBServer, BoltProxy, ScriptedBoltServer, free_port."""
    return _bolt_helpers()
