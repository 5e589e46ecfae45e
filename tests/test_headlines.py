"""Title Case headlines are parsed in sentence case; evidence keeps the original words."""

from __future__ import annotations

import pytest

from graphkit.headlines import is_headline, sentence_case

NAMES = {"Israel", "Hezbollah", "Beirut", "Seoul", "Washington", "North Korea", "Russia", "US"}


@pytest.mark.parametrize("line, expected", [
    ("Israel Strikes Hezbollah Targets In Beirut Suburbs", "Israel strikes Hezbollah targets in Beirut suburbs"),
    ("Seoul, Washington Kick Off Joint Drills", "Seoul, Washington kick off joint drills"),
    ("North Korea's Deepening Ties With Russia", "North Korea's deepening ties with Russia"),
    ("US Approves $8 Billion Arms Sale", "US approves $8 billion arms sale"),
])
def test_sentence_case_keeps_names(line, expected):
    assert is_headline(line)
    cased = sentence_case(line, lambda span: span.rstrip("'s") in NAMES or span in NAMES)
    assert cased == expected and len(cased) == len(line)


@pytest.mark.parametrize("line", [
    "Russia and North Korea signed a defence pact on Wednesday.",
    "The rapprochement between Russia and North Korea worries NATO countries",
    "",
])
def test_running_text_is_not_a_headline(line):
    assert not is_headline(line)


@pytest.mark.model
def test_headline_relation_with_original_sentence(tmp_path):
    from graphkit.ingest import iter_documents
    from graphkit.pipeline import extract_evidence

    path = tmp_path / "h.txt"
    path.write_text("Israel Strikes Hezbollah Targets In Beirut Suburbs\nThe strikes came at night.\n")
    rows = list(extract_evidence(iter_documents([path])))
    assert [(r.source_id, r.relation, r.target_id) for r in rows] == [("ISR", "ATTACK", "HEZBOLLAH")]
    assert rows[0].sentence == "Israel Strikes Hezbollah Targets In Beirut Suburbs"
