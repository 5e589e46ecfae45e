"""The sentence pre-filter: what it keeps, and that it changes no evidence (issue 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphkit.prefilter import GAP, Sentence, SentenceFilter

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def sentence(**fields) -> Sentence:
    return Sentence(start=0, end=1, **fields)


def decide(*sentences: Sentence) -> list[bool]:
    SentenceFilter.decide(None, list(sentences))  # the decision needs no model
    return [s.keep for s in sentences]


@pytest.mark.parametrize("fields, kept", [
    (dict(names=2, trigger=True), True),  # "Russia supplied drones to Iran."
    (dict(names=1, trigger=True), False),  # "Russia held elections."
    (dict(names=2, known={"RUS", "IRN"}), True),  # two known actors, no trigger: kept for "the two countries"
    (dict(names=2, trigger=False), False),  # "Arsenal beat Chelsea 3-1."
    (dict(names=0, trigger=True), False),  # "The club signed a striker."
    (dict(names=1, claim=True), True),  # "Moscow denied the accusation."
])
def test_decide_one_sentence(fields, kept):
    assert decide(sentence(**fields)) == [kept]


def test_references_count_only_after_names():
    # "They signed a pact." alone: nobody to refer to
    assert decide(sentence(references=2, trigger=True)) == [False]
    # "Russia and Iran met. They signed a pact.": the pronoun sentence and its antecedent are kept
    assert decide(sentence(names=2, known={"RUS", "IRN"}), sentence(references=2, trigger=True)) == [True, True]


def test_previous_sentence_kept_for_a_reference():
    # "Kim Jong Un spoke in Pyongyang. He pledged support for Russia."
    first = sentence(names=2, person_words={"kim", "jong", "un"})
    second = sentence(names=1, references=1, trigger=True)
    assert decide(first, second) == [True, True]


def test_full_name_kept_for_a_later_surname():
    # "Sergei Shoigu arrived on Tuesday. … Shoigu met Kim."
    first = sentence(names=1, person_words={"sergei", "shoigu"})
    filler = sentence()
    later = sentence(names=2, trigger=True, surnames={"shoigu", "kim"})
    assert decide(first, filler, later) == [True, False, True]


def test_title_kept_for_a_later_role_word():
    # "Russian security chief Sergei Shoigu flew in. … The chief met Kim."
    first = sentence(names=2, person_words={"sergei", "shoigu"}, roles={"chief"})
    later = sentence(names=1, references=1, trigger=True, roles={"chief"})
    assert decide(first, sentence(), later) == [True, False, True]


@pytest.fixture(scope="module")
def sentence_filter():
    from graphkit.pipeline import _reader

    return _reader(None, True)[1]



@pytest.mark.model
def test_split_is_conservative(sentence_filter):
    text = ("Mr. Kim met U.S. Sen. J. Smith in St. Louis on Jan. 5. It rained. "
            "“We will help,” he said. Shares rose 3.5 percent. 2024 was warm.")
    doc = sentence_filter.tokenizer(text)
    spans = sentence_filter.split([t.text for t in doc], [t.is_space for t in doc])
    pieces = [doc[s:e].text for s, e in spans]
    assert pieces == ["Mr. Kim met U.S. Sen. J. Smith in St. Louis on Jan. 5.", "It rained.",
                      "“We will help,” he said.", "Shares rose 3.5 percent.", "2024 was warm."]


@pytest.mark.model
def test_plan_keeps_relations_and_drops_filler(sentence_filter):
    text = ("Temperatures reached 34 degrees in Lyon on Tuesday. North Korea supplied artillery shells to Russia. "
            "The two countries signed a defence pact. Arsenal beat Chelsea 3-1.")
    units, left_out = sentence_filter.plan([(10, text)])
    assert left_out == 2 and units[0] is GAP and units[2] is GAP and len(units) == 3
    kept = units[1]
    assert kept.text[kept.start:kept.end].strip() == ("North Korea supplied artillery shells to Russia. "
                                                      "The two countries signed a defence pact.")
    assert (" " * 10 + text)[kept.offset:kept.offset + len(kept.text)] == kept.text  # document offsets
    assert kept.text.startswith("on Tuesday.") or "Tuesday" in kept.text  # a few tokens of context


@pytest.mark.model
def test_context_sentence_before_a_reference_is_kept(sentence_filter):
    text = "Arsenal beat Chelsea 3-1. The two countries signed a defence pact."
    units, left_out = sentence_filter.plan([(0, text)])
    assert left_out == 0 and len(units) == 1 and units[0].whole


@pytest.mark.model
def test_prefiltered_evidence_equals_unfiltered_on_the_samples():
    from graphkit.ingest import iter_documents
    from graphkit.pipeline import RunStats, extract_evidence

    documents = list(iter_documents([SAMPLES]))
    full_stats, filtered_stats = RunStats(), RunStats()
    full = list(extract_evidence(documents, prefilter=False, stats=full_stats))
    filtered = list(extract_evidence(documents, prefilter=True, stats=filtered_stats))
    assert full and filtered == full
    assert filtered_stats.parsed_sentences <= full_stats.parsed_sentences
    texts = {d.id: d.text for d in documents}
    for row in filtered:
        assert texts[row.doc][row.start:row.end] == row.sentence


@pytest.mark.model
def test_prefiltered_evidence_equals_unfiltered_on_mixed_news():
    """Sample paragraphs among filler (weather, sports, markets): the same evidence, fewer sentences parsed."""
    from graphkit.pipeline import RunStats, extract_evidence
    from graphkit.types import Document

    filler = ["Temperatures are expected to reach 34 degrees in Lyon on Tuesday.",
              "Arsenal beat Benfica 3-1 on Saturday, with Maria Lopez scoring twice.",
              "Shares of Norwell Foods rose 4.2 percent after the company raised its forecast.",
              "The museum will reopen in March after a two-year renovation."]
    documents = []
    for number, path in enumerate(sorted(SAMPLES.glob("*.txt"))):
        lines = path.read_text(encoding="utf-8").splitlines()
        mixed = []
        for i, line in enumerate(lines):
            mixed.append(line)
            mixed.append(" ".join(filler[(i + k) % len(filler)] for k in range(1 + i % 3)))
        documents.append(Document(id=f"mixed-{number}", text="\n".join(mixed) + "\n", date="2024-06-20"))
    full_stats, filtered_stats = RunStats(), RunStats()
    full = list(extract_evidence(documents, prefilter=False, stats=full_stats))
    filtered = list(extract_evidence(documents, prefilter=True, stats=filtered_stats))
    assert filtered == full
    assert filtered_stats.parsed_sentences < 0.75 * full_stats.parsed_sentences
