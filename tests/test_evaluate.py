"""graphkit.evaluate gives the same figures as the project's shared scorer (tests/data/reference_score.py).

Most tests run the reference script as a subprocess and ``score`` in process on
the same files, and compare the two reports whole.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphkit.errors import InputError
from graphkit.evaluate import (
    aliases, canonical_name, doc_key, error_analysis, format_report, load_affiliations, load_gold,
    load_system, score,
)
from graphkit.types import event_relations, relation_vocabulary

DATA = Path(__file__).parent / "data"
REFERENCE = DATA / "reference_score.py"
GOLD_PATH = DATA / "dev-gold" / "seeds.gold.jsonl"
AFFILIATIONS_PATH = DATA / "dev-gold" / "affiliations.json"
GOLD = load_gold(GOLD_PATH)
AFFILIATIONS = load_affiliations(AFFILIATIONS_PATH)
EVENTS = list(event_relations())

# spellings a system may emit, all canonicalized to the gold's names by the scorer
SPELLINGS = {
    "North Korea": ["DPRK", "the DPRK", "Democratic People\u2019s Republic of Korea", "PRK", " North\n Korea ",
                    "THE north korea", "Korea, Democratic People's Republic of"],
    "South Korea": ["Republic of Korea", "ROK", "Korea, Republic of", "KOR"],
    "Russia": ["Russian Federation", "RUS", "the Russian Federation"],
    "United States": ["the US", "U.S.", "USA", "United States of America", "The U.S."],
    "Kim Jong Un": ["Kim Jong-un", "Kim", "kim  jong un"],
    "China": ["PRC", "People's Republic of China", "CHN"],
    "Japan": ["JPN"],
    "Ukraine": ["UKR"],
    "the West": ["West", "The West"],
    "Vladimir Putin": ["Putin"],  # not an alias: stays a different actor
}


def flatten(gold: list[dict]) -> list[dict]:
    """The gold as system rows: one per triple, with its document and sentence."""
    return [{"doc": r["doc"], "sentence": r["text"], **t} for r in gold for t in r["triples"]]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def reference(tmp_path: Path, gold: list[dict], system: list[dict], affiliations: dict | None) -> dict:
    """The reference scorer's report on these inputs (run as a script, as users run it)."""
    args = [sys.executable, str(REFERENCE), str(write_jsonl(tmp_path / "gold.jsonl", gold)),
            str(write_jsonl(tmp_path / "system.jsonl", system)), "--json"]
    if affiliations is not None:
        aff = tmp_path / "aff.json"
        aff.write_text(json.dumps(affiliations), encoding="utf-8")
        args += ["--affiliations", str(aff)]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def assert_same_as_reference(tmp_path, gold, system, affiliations=AFFILIATIONS) -> dict:
    ours = score(gold, system, affiliations)
    assert ours == reference(tmp_path, gold, system, affiliations)
    errors = error_analysis(gold, system, affiliations)
    totals = [sum(r[k] for r in errors["relations"].values()) for k in ("tp", "fp", "fn")]
    typed = ours["actor"]["doc_typed"]
    assert totals == [typed["tp"], typed["fp"], typed["fn"]]
    assert (len(errors["false_positives"]), len(errors["misses"])) == (typed["fp"], typed["fn"])
    return ours


# ---------------------------------------------------------------- the data and tables


def test_alias_table_is_the_reference_table():
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert aliases() == module.ALIASES
    vocabulary = relation_vocabulary()
    assert set(EVENTS) == module.EVENT_RELATIONS
    assert {n for n in EVENTS if vocabulary[n].symmetric} == module.SYMMETRIC
    assert {n: vocabulary[n].polarity for n in EVENTS} == module.POLARITY


@pytest.mark.parametrize("name, canonical", [
    ("The DPRK", "north korea"),
    ("the  US", "united states"),
    ("Democratic People\u2019s Republic of Korea", "north korea"),
    ("Kim Jong-un", "kim jong un"),
    ("  North\tKorea ", "north korea"),
    ("the the US", "the us"),
    ("Theresa May", "theresa may"),
    (None, ""),
])
def test_canonical_name(name, canonical):
    assert canonical_name(name) == canonical


@pytest.mark.parametrize("doc, key", [
    ("nk_russia_nato.txt", "nk_russia_nato"), ("corpus/sub/nk_russia_nato.md", "nk_russia_nato"),
    ("news.jsonl#3", "news"), ("r1", "r1"), (None, "None"),
])
def test_doc_key_is_the_file_stem(doc, key):
    assert doc_key(doc) == key


# ---------------------------------------------------------------- same figures as the reference


def test_dev_gold_against_itself(tmp_path):
    report = assert_same_as_reference(tmp_path, GOLD, flatten(GOLD))
    assert report["gold_sentences"] == 72 and report["system_triples"] == 64
    for level in ("actor", "state"):
        assert all(report[level][v]["f1"] == 1.0 for v in ("doc_typed", "doc_pair", "doc_polarity", "sent_typed"))
    assert report["actor"]["doc_typed"]["tp"] == 27 and report["state"]["doc_typed"]["tp"] == 25
    assert report["negation_recall"] == 1.0 and report["negated_gold"] == 2


def test_gold_file_as_system_file_has_no_triples(tmp_path):
    report = assert_same_as_reference(tmp_path, GOLD, GOLD)
    assert report["system_triples"] == 0 and report["actor"]["doc_typed"]["fn"] == 27


def test_empty_system(tmp_path):
    report = assert_same_as_reference(tmp_path, GOLD, [])
    assert report["actor"]["doc_typed"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 27}
    assert report["negation_recall"] == 0.0


def test_without_affiliations_state_equals_actor(tmp_path):
    report = assert_same_as_reference(tmp_path, GOLD, flatten(GOLD)[::3], affiliations=None)
    assert report["state"] == report["actor"]


def test_hand_made_edge_cases(tmp_path):
    row = {"doc": "nk_russia_nato.txt", "source": "Russia", "relation": "ALLY", "target": "North Korea"}
    first, second = GOLD[0]["text"], GOLD[1]["text"]
    other_doc_text = next(r["text"] for r in GOLD if r["doc"] != "nk_russia_nato.txt")
    system = [
        dict(row, sentence=first),
        dict(row, sentence="  " + first + "  "),             # padded: same sentence
        dict(row, sentence=first[10:40]),                      # a fragment: aligned by containment
        dict(row, sentence="Before. " + second + " After."),   # contains a gold sentence
        dict(row, sentence=other_doc_text),                    # exact text of another document's sentence
        dict(row, sentence="Not in the gold at all."),
        dict(row, sentence=""), dict(row, sentence=None), dict(row),
        dict(row, doc="corpus/nk_russia_nato.md", source="the DPRK", target="Russian Federation"),
        dict(row, doc=None), {k: v for k, v in row.items() if k != "doc"},
        dict(row, doc="unknown.txt"),
        dict(row, relation="ally"), dict(row, relation="LEADS"), dict(row, relation="MEDIATE"),
        dict(row, target="Russia"),                            # self-loop
        dict(row, source="Kim Jong Un", relation="MEET", target="North Korea"),  # self-loop at state level
        dict(row, source="Sergei Shoigu", relation="MEET", target="Kim Jong-un", sentence=second),
        dict(row, relation="ATTACK", negated=True),
        dict(row, doc="nk_russia_opinion.txt", source="North Korea", relation="SUPPLY_ARMS", target="Russia",
             negated=True),
        dict(row, doc="nk_russia_opinion.txt", source="North Korea", relation="SUPPLY_ARMS", target="Russia",
             negated="false"),                                 # a non-empty string is true
        dict(row, hedged=True, extra={"any": "thing"}),
    ]
    assert_same_as_reference(tmp_path, GOLD, system)


def test_affiliation_table_quirks(tmp_path):
    affiliations = dict(AFFILIATIONS, **{"Kim Jong-un": "the DPRK", "Vladimir Putin": "None",
                                         "Sergei Shoigu": "", "Emmanuel Macron": "none"})
    assert_same_as_reference(tmp_path, GOLD, flatten(GOLD), affiliations)


def test_accept_lists_and_structural_gold(tmp_path):
    gold = copy.deepcopy(GOLD)
    gold[0]["triples"][0]["accept"] = ["COOPERATE", "AGREE"]
    gold[1]["triples"][1]["accept"] = ["SUPPORT"]            # MEET accepts SUPPORT, either direction
    gold[2]["triples"].append({"source": "Vladimir Putin", "relation": "LEADS", "target": "Russia"})
    gold[3]["triples"].append({"source": "Russia", "relation": "ALLY", "target": "the Russian Federation"})
    system = flatten(GOLD)
    system[0]["relation"] = "COOPERATE"
    system[1]["relation"] = "SUPPORT"
    system[1]["source"], system[1]["target"] = system[1]["target"], system[1]["source"]
    system[2]["relation"] = "SUPPORT"                          # not accepted for this pair
    assert_same_as_reference(tmp_path, gold, system)


# ---------------------------------------------------------------- generated system files


def perturb(rng: random.Random, gold: list[dict]) -> list[dict]:
    """A plausible, imperfect system output derived from the gold."""
    rows = [row for row in flatten(gold) if rng.random() < 0.7]
    texts = [r["text"] for r in gold]
    for row in rows:
        roll = rng.random()
        if roll < 0.15:
            row["relation"] = rng.choice(EVENTS + ["LEADS", "ally"])
        elif roll < 0.25:
            row["source"], row["target"] = row["target"], row["source"]
        elif roll < 0.32:
            row["negated"] = not row.get("negated")
        elif roll < 0.37:
            row["doc"] = rng.choice(["other.txt", "corpus/" + row["doc"], "nk_russia_opinion.txt"])
        for end in ("source", "target"):
            if row[end] in SPELLINGS and rng.random() < 0.5:
                row[end] = rng.choice(SPELLINGS[row[end]])
        roll = rng.random()
        if roll < 0.1:
            row["sentence"] = rng.choice(["", None, "A sentence the gold does not have."])
        elif roll < 0.2:
            start = rng.randrange(len(row["sentence"]) // 2)
            row["sentence"] = row["sentence"][start:start + rng.randint(15, 60)]
        elif roll < 0.25:
            row["sentence"] = rng.choice(texts)
        elif roll < 0.3:
            del row["sentence"]
    actors = sorted({t["source"] for r in gold for t in r["triples"]} | {"NATO", "Iran", "Putin", "the US"})
    for _ in range(rng.randint(0, 12)):  # invented triples, some in sentences without gold triples
        record = rng.choice(gold)
        rows.append({"doc": record["doc"], "sentence": record["text"], "source": rng.choice(actors),
                     "relation": rng.choice(EVENTS), "target": rng.choice(actors),
                     "negated": rng.random() < 0.1})
    rng.shuffle(rows)
    return rows


@pytest.mark.parametrize("seed", range(30))
def test_generated_system_files(tmp_path, seed):
    rng = random.Random(seed)
    affiliations = None if seed % 7 == 3 else AFFILIATIONS
    assert_same_as_reference(tmp_path, GOLD, perturb(rng, GOLD), affiliations)


@pytest.mark.parametrize("seed", range(6))
def test_generated_gold_variants(tmp_path, seed):
    """Gold with accept lists, extra negations and self-loops, scored against perturbed systems."""
    rng = random.Random(1000 + seed)
    gold = copy.deepcopy(GOLD)
    for record in gold:
        for triple in record["triples"]:
            if rng.random() < 0.2:
                triple["accept"] = rng.sample(EVENTS, rng.randint(1, 2))
            if rng.random() < 0.1:
                triple["negated"] = True
        if rng.random() < 0.05:
            record["triples"].append({"source": "Russia", "relation": "MEET", "target": "Russian Federation"})
    assert_same_as_reference(tmp_path, gold, perturb(rng, gold))


# ---------------------------------------------------------------- order does not matter


PACT = "Russia and North Korea signed a pact."
AGREE = {"source": "Russia", "relation": "AGREE", "target": "North Korea"}


@pytest.mark.parametrize("gold, system, view", [
    (   # a sentence text shared by two documents aligns to the later gold record, whatever the row's doc
        [{"id": "a-1", "doc": "a.txt", "text": PACT, "triples": [AGREE]},
         {"id": "b-1", "doc": "b.txt", "text": PACT, "triples": []}],
        [dict(AGREE, doc="a.txt", sentence=PACT)],
        "sent_typed",
    ),
    (   # a fragment aligns to the first gold sentence of its document that contains it
        [{"id": "a-1", "doc": "a.txt", "text": PACT, "triples": [AGREE]},
         {"id": "a-2", "doc": "a.txt", "text": PACT[:-1] + " in June.", "triples": []}],
        [dict(AGREE, doc="a.txt", sentence="North Korea signed a pact")],
        "sent_typed",
    ),
    (   # two gold triples of one pair accepting the same relation: the later one wins
        [{"id": "a-1", "doc": "a.txt", "text": PACT,
          "triples": [dict(AGREE, relation="ALLY", accept=["COOPERATE"])]},
         {"id": "a-2", "doc": "a.txt", "text": "They denied signing anything.",
          "triples": [dict(AGREE, negated=True, accept=["COOPERATE"])]}],
        [dict(AGREE, doc="a.txt", relation="COOPERATE", sentence=PACT)],
        "doc_typed",
    ),
])
def test_where_the_reference_depends_on_gold_order(tmp_path, gold, system, view):
    """Behaviour of the shared scorer that ``score`` keeps: these figures change when
    the gold records are swapped. Gold sets should avoid these cases."""
    forward = assert_same_as_reference(tmp_path, gold, system)
    backward = assert_same_as_reference(tmp_path, gold[::-1], system)
    assert sorted([forward["actor"][view]["tp"], backward["actor"][view]["tp"]]) == [0, 1]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), data=st.data())
def test_figures_do_not_depend_on_order(seed, data):
    """Reordering system rows or gold records leaves every figure as it was.

    (System sentences here are whole gold sentences or absent, and each pair's
    ``accept`` lists agree: see test_where_the_reference_depends_on_gold_order.)
    """
    rng = random.Random(seed)
    system = perturb(rng, GOLD)
    for row in system:
        if row.get("sentence") and row["sentence"] not in {r["text"] for r in GOLD}:
            row["sentence"] = None
    gold = copy.deepcopy(GOLD)
    gold[0]["triples"][0]["accept"] = ["COOPERATE"]
    expected = score(gold, system, AFFILIATIONS)
    shuffled_system = data.draw(st.permutations(system))
    shuffled_gold = data.draw(st.permutations(gold))
    assert score(gold, shuffled_system, AFFILIATIONS) == expected
    assert score(shuffled_gold, system, AFFILIATIONS) == expected
    assert score(shuffled_gold, shuffled_system, AFFILIATIONS) == expected


# ---------------------------------------------------------------- error analysis and report


def test_error_analysis_lists_false_positives_and_misses_with_sentences():
    system = [
        {"doc": "nk_russia_nato.txt", "sentence": GOLD[0]["text"], "source": "North Korea",
         "relation": "ALLY", "target": "Russia"},
        {"doc": "nk_russia_nato.txt", "sentence": "Made up.", "source": "Russia",
         "relation": "ATTACK", "target": "North Korea"},
    ]
    errors = error_analysis(GOLD, system, AFFILIATIONS)
    assert errors["false_positives"] == [{
        "doc": "nk_russia_nato", "triple": ["russia", "ATTACK", "north korea"], "sentences": ["Made up."],
        "same_pair": [["north korea", "ALLY", "russia"], ["north korea", "COOPERATE", "russia"],
                      ["north korea", "DEPLOY_TO", "russia"], ["north korea", "SUPPLY_ARMS", "russia"],
                      ["north korea", "SUPPORT", "russia"], ["russia", "AID", "north korea"],
                      ["russia", "SUPPLY_ARMS", "north korea"]],
    }]
    assert errors["relations"]["ALLY"]["tp"] == 1 and errors["relations"]["ATTACK"]["fp"] == 1
    miss = next(m for m in errors["misses"] if m["triple"] == ["emmanuel macron", "THREATEN", "china"])
    assert miss["doc"] == "nk_russia_nato" and miss["sentences"][0].startswith("In fact, French President")
    assert list(errors["relations"])[:2] == ["ALLY", "AGREE"]  # vocabulary order


def test_error_analysis_at_state_level():
    errors = error_analysis(GOLD, [], AFFILIATIONS, level="state")
    assert len(errors["misses"]) == 25
    with pytest.raises(ValueError):
        error_analysis(GOLD, [], level="country")


def test_format_report():
    system = flatten(GOLD)[:40]
    text = format_report(score(GOLD, system, AFFILIATIONS), error_analysis(GOLD, system, AFFILIATIONS))
    assert "actor  doc typed" in text and "state  sentence typed" in text
    assert "per relation (actor level, doc typed):" in text
    assert "misses (" in text and "negation recall:" in text
    empty = format_report(score([], []))
    assert "negation recall: n/a" in empty


# ---------------------------------------------------------------- loading


def test_load_gold_reports_bad_lines(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "s1", "doc": "a.txt", "text": "t", "triples": []}\n\n{"id": "s2", "doc": "a.txt"}\n')
    with pytest.raises(InputError, match=r"g.jsonl:3: missing 'text', 'triples'"):
        load_gold(path)
    path.write_text("{oops\n")
    with pytest.raises(InputError, match=r"g.jsonl:1: invalid JSON"):
        load_gold(path)
    with pytest.raises(InputError, match="gold file not found"):
        load_gold(tmp_path / "missing.jsonl")


def test_system_rows_without_ends_are_an_input_error(tmp_path):
    with pytest.raises(InputError, match="system row 2: missing 'target'"):
        score(GOLD, [{"relation": "LEADS"}, {"doc": "a", "source": "Russia", "relation": "ALLY"}])
    path = write_jsonl(tmp_path / "s.jsonl", flatten(GOLD)[:3])
    assert len(load_system(path)) == 3


def test_confidence_ranking_splits_by_confidence():
    gold = [{"id": "d-s1", "doc": "d.txt", "text": "A.", "triples": [
        {"source": "Russia", "relation": "ATTACK", "target": "Ukraine", "negated": False, "hedged": False}]}]
    system = [
        {"doc": "d.txt", "source": "Russia", "relation": "ATTACK", "target": "Ukraine", "confidence": 0.9},
        {"doc": "d.txt", "source": "Russia", "relation": "ATTACK", "target": "Ukraine", "confidence": 0.2},
        {"doc": "d.txt", "source": "Iran", "relation": "ATTACK", "target": "Israel", "confidence": 0.4},
    ]
    from graphkit.evaluate import confidence_ranking

    ranking = confidence_ranking(gold, system)
    assert ranking == {"triples": 2, "top_half_precision": 1.0, "bottom_half_precision": 0.0}
