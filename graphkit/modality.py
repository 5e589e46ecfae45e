"""Negation, hedging and attribution of a relation trigger (SCHEMA.md, Evidence).

``negated``: the sentence says it did not happen ("did not sign", "denied
supplying", "reluctant to cut ties"). ``hedged``: reported, alleged, modal,
future, conditional or planned. ``attributed_to``: who makes the claim
("according to KCNA", "X said").
"""

from __future__ import annotations

from dataclasses import dataclass

from graphkit.lexicon import Lexicon


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    opinion: bool = False  # "X should/must …", or asked for or threatened: no event is reported


OPINION_MODALS = {"should", "must", "ought"}
# governors through which a clause keeps its modality ("pledged to strengthen", "continues to sell")
CLAUSE_DEPS = ("xcomp", "aux", "conj", "dobj", "pobj", "prep", "attr", "acomp", "pcomp", "nsubj", "nsubjpass")
REQUESTED_BY = {"urge", "call", "ask", "press", "pressure", "demand", "request", "implore", "appeal", "encourage",
                "threaten", "invite", "push", "lobby", "beg", "petition"}
INTENT_NOUNS = {"intention", "plan", "desire", "interest", "wish", "appetite"}  # "no intention of …" negates
RANKS = {"first", "second", "third", "last", "only", "latest", "next"}  # "the first country to recognise X"
CANCELLING = frozenset({"cancel", "postpone", "scrap", "shelve", "scrub", "delay", "defer"})  # "cancelled his visit"
CANCELLED_EVENTS = {"signing", "visit", "trip", "meeting", "round", "ceremony", "summit"}
DENIED_BY_NONE = {"make", "be", "amount", "constitute", "turn", "mean"}
NO_SIGN = {"sign", "indication", "evidence", "proof", "hint"}
ASPECT_VERBS = {"continue", "keep", "begin", "start", "resume", "go", "help", "use", "stop", "cease"}


MODALS = {"would", "will", "could", "might", "may", "can", "should", "must", "shall"}


ASKING_NOUNS = frozenset({"bid", "application", "candidacy", "request"})  # a bid to join is a request made
OPEN_TO = frozenset({"open", "ready", "willing", "prepared", "available"})
VISIT_NOUNS = frozenset({"visit", "trip", "tour"})
VISIT_TIMES = frozenset({"on", "during", "after", "before", "following", "at"})


def clause_head(token, lex: Lexicon):
    """The head ``token``'s clause hangs from. A tensed verb the parser coordinated into a modal or
    perfect clause a speaker reports ("X warned that Y would not be safe and urged Z to …", "X said Y
    had never interfered and accused Z") cannot share that clause's auxiliary: it is the speaker's own
    act and hangs from the reporting verb."""
    head = token.head
    if token.dep_ == "conj" and head.dep_ == "ccomp" and token.tag_ in ("VBD", "VBZ") \
            and head.head.lemma_.lower() in lex.reporting_verbs \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children) \
            and (any(c.dep_ == "aux" and c.lower_ in MODALS for c in head.children)
                 or (token.tag_ == "VBD" and head.tag_ == "VBN")):  # "said Y had never … and accused Z"
        return head.head
    return head


def governors(token, lex: Lexicon, limit: int = 8) -> list:
    """The trigger and the heads above it, up to the sentence root."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < limit:
        chain.append(clause_head(chain[-1], lex))
    return chain


def _span_text(token) -> str:
    words = [t for t in token.subtree if t.dep_ not in ("punct",) and not t.is_space]
    text = " ".join(t.text for t in words).replace(" 's", "'s").replace(" ’s", "’s")
    return text[4:] if text.lower().startswith("the ") else text


SUPPOSING_AUX = frozenset({"will", "would", "could", "might", "may", "'ll", "’ll", "should", "shall"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
CLAIMED = {"report", "claim", "allegation", "accusation", "charge", "rumor", "rumour", "suggestion", "speculation"}


def _has_rank(noun) -> bool:
    """'the first country', 'the only leader'."""
    return any(m.dep_ == "amod" and m.lower_ in RANKS for m in noun.children)


def _ranked(verb) -> bool:
    """'became the first country to recognise X', 'was the only leader to attend': the act happened."""
    return any(c.dep_ in ("attr", "nsubj") and _has_rank(c) for c in verb.children)


def _cancelling(verb) -> bool:
    """'cancelled', 'postponed', 'shelved', 'called off'."""
    lemma = verb.lemma_.lower()
    return lemma in CANCELLING or (lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children))


PLANNED = frozenset({"due", "set", "schedule", "expect", "plan"})
WITHDRAWING = frozenset({"pull", "withdraw", "stay", "drop"})  # "pulled out of the summit", "stayed away from"
SKIPPING = frozenset({"skip", "boycott", "miss", "snub"})  # "skipped the summit"


def _plan_called_off(trigger) -> bool:
    """A meeting someone was due to have, in a relative clause on the trip they cancelled or the summit they
    pulled out of: 'pulled out of the summit in Minsk, where he had been due to meet Putin'; 'Pena, who had been
    due to meet Lula, has cancelled the trip'."""
    path = [trigger]
    while path[-1].dep_ != "relcl" and path[-1].head.i != path[-1].i and len(path) < 5:
        path.append(path[-1].head)
    clause = path[-1]
    if clause.dep_ != "relcl" or not any(t.lemma_.lower() in PLANNED for t in path[1:]) and not any(
            c.lemma_.lower() in PLANNED for t in path[1:] for c in t.children if c.dep_ in ("acomp", "auxpass")):
        return False  # "had been due to meet", "was scheduled to meet"; not "where Putin met Lukashenko"
    noun = clause.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "the summit in Minsk, where …": the summit
    if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in WITHDRAWING | {"out"}:
        verb = noun.head.head if noun.head.head.pos_ in ("VERB", "AUX") else noun.head.head.head
        return verb.lemma_.lower() in WITHDRAWING
    if noun.dep_ in ("dobj", "nsubjpass"):  # "the summit, where he was due to …, was cancelled / he skipped"
        return _cancelling(noun.head) or noun.head.lemma_.lower() in SKIPPING
    # "Pena, who had been due to meet Lula, has cancelled the trip": the planner called it off
    return noun.dep_ == "nsubj" and _cancelling(noun.head) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in CANCELLED_EVENTS for c in noun.head.children)


def _after_nor(verb) -> bool:
    """A clause inverted after 'nor' (an auxiliary before the subject), which negates it: 'Nor did Moscow come',
    or a conjunct: 'did not help, nor did it send troops'."""
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not any(a.dep_ in ("aux", "auxpass") and a.i < s for a in verb.children for s in subjects):
        return False
    heads = [verb] + ([verb.head] if verb.dep_ == "conj" else [])
    return any(c.dep_ == "cc" and c.lower_ == "nor" and (h.i == verb.i or h.i < c.i) and c.i < verb.i
               for h in heads for c in h.children)


def modality_of(trigger, sent, reader, lex: Lexicon, presupposed: bool = False) -> Modality:
    """Negation, hedging, attribution and opinion of the relation at ``trigger``.

    A ``presupposed`` relation (a noun phrase naming its own source, "Russia's
    invasion of Ukraine") is asserted whatever the clause around it says; only
    its own modifiers ("alleged", "no") count.
    """
    if not presupposed and trigger.dep_ in ("dobj", "nsubjpass") and _cancelling(trigger.head) and \
            any(relation == "MEET" for relation, _ in lex.nouns.get(trigger.lemma_.lower(), ())):
        return Modality(negated=True)  # "called off talks with Koo", "shelved a trip to Paraguay"
    if not presupposed and _plan_called_off(trigger):
        return Modality(negated=True)
    if presupposed:
        own = {c.lower_ for c in trigger.children}
        negated = "no" in own
        head = trigger.head  # "the agreement between X and Y has not been signed"
        if trigger.dep_ in ("nsubjpass", "dobj") and head.lemma_.lower() in lex.agreement_verbs:
            negated = negated or any(c.dep_ == "neg" for c in head.children)
        carrier = head.head if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in \
            CANCELLED_EVENTS else trigger  # "a planned signing of an aviation agreement … was postponed"
        if carrier.dep_ in ("dobj", "nsubjpass") and _cancelling(carrier.head):
            negated = True  # "cancelled his visit to Riyadh", "the visit was cancelled": it did not happen
        verb = head.head if trigger.dep_ == "pobj" and head.lower_ == "to" else head
        if trigger.dep_ in ("attr", "pobj") and verb.lemma_.lower() in ("be", "amount", "constitute"):
            negated = negated or any(c.dep_ == "neg" or (c.dep_ == "nsubj" and c.lower_ in ("none", "nothing"))
                                     for c in verb.children)  # "none of this amounts to an alliance between X and Y"
        hypothetical = "any" in own and not negated  # "any Israeli attack on Iraq would draw a response"
        return Modality(negated=negated, hedged=bool(own & lex.hedge_words) or hypothetical)
    chain = governors(trigger, lex)
    for depth, gov in enumerate(chain[1:], start=1):
        if gov.lemma_.lower() in lex.negating_verbs and set_off_claims(gov, CLAIMED, after=trigger.i):
            chain = chain[:depth]  # "X had accused Y of Z, a charge W denied", parsed with "denied" on top:
            break                  # the denial is of the charge, not of the accusation
    negated = hedged = opinion = False
    attributed_to = None
    if trigger.dep_ == "acl" and trigger.head.pos_ == "NOUN" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children) and not _has_rank(trigger.head) and \
            trigger.head.lemma_.lower() not in ASKING_NOUNS:  # "Indonesia's bid to join the OECD": made
        hedged = True  # "an agreement to buy jets": bought when delivered; not "the first country to recognise X"
    # the trigger's own clause: climb while the link keeps the clause (or is a purpose "to" clause)
    clause = [trigger]
    for gov in chain[1:]:
        link = clause[-1]
        purpose = link.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in link.children)
        if link.dep_ not in CLAUSE_DEPS and not purpose:
            break
        clause.append(gov)
    for position, gov in enumerate(clause):
        for c in gov.children:
            if c.dep_ == "aux" and c.lower_ in OPINION_MODALS:
                opinion = True
        if position > 0 and clause[position - 1].dep_ == "xcomp" and gov.lemma_.lower() in REQUESTED_BY:
            opinion = True  # "urged X to impose sanctions": only the request is an event
        if gov.lemma_.lower() == "need" and position > 0:
            opinion = True
        if position + 1 < len(clause) and gov.dep_ in ("xcomp", "advcl") and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in gov.children) and \
                clause[position + 1].lemma_.lower() not in ASPECT_VERBS and not _ranked(clause[position + 1]):
            hedged = True  # planned or purpose: "to meet", "pledged to strengthen"
    # the clause the trigger sits in: itself and its governors up to a reporting verb
    # "did not rule out sending troops", "refused to rule out strikes": a denial denied leaves it open
    cancelled = {depth for depth, gov in enumerate(chain) if depth > 0 and _denial_denied(gov, chain, depth, lex)}
    # "agreed to build a pipeline, a project that Croatia has criticised": a relative clause with a subject of
    # its own states its own fact; the plan above it does not make the criticism a plan
    own_fact = next((depth for depth, t in enumerate(chain) if t.dep_ == "relcl" and t.head.lemma_.lower() not in
                     CLAIMED and _own_subject(t) and not _complement_read_as_relative(t)), len(chain))
    for depth, gov in enumerate(chain):
        lemma = gov.lemma_.lower()
        if depth > 0 and lemma in lex.negating_verbs and set_off_claims(gov, CLAIMED):
            break  # "X accuses Y of Z, a charge Y denies", parsed with "denies" on top: the accusation stands
        if (depth in cancelled or depth - 1 in cancelled and chain[depth - 1].dep_ == "xcomp") and depth <= own_fact:
            hedged = True
            continue
        children = list(gov.children)
        if _after_nor(gov) and _negation_reaches(chain, depth):
            negated = True  # "Nor did Moscow come to Iran's aid", "Russia did not help, nor did it send troops"
        for c in children:
            word = c.lower_
            if c.dep_ == "neg" and _negation_reaches(chain, depth):
                negated = True
            if c.dep_ in ("nsubj", "nsubjpass") and gov.pos_ in ("VERB", "AUX") and any(
                    x.lower_ == "neither" and x.i == c.left_edge.i for x in c.subtree) and \
                    any(x.lower_ == "nor" for x in c.subtree) and _negation_reaches(chain, depth):
                negated = True  # "Neither Bamako nor Niamey has cut ties with Moscow"
            if c.dep_ == "det" and word == "no" and (depth <= 1 or lemma in INTENT_NOUNS):
                negated = True  # "no deal with X"; "has no intention / plans of going to war with X"
            if depth == 0 and gov.pos_ in ("VERB", "AUX") and c.dep_ in ("dobj", "nsubjpass", "nsubj") and (
                    any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) or word in ("none", "nothing")):
                negated = True  # "sent Tehran no weapons", "no troops were sent", "none of this amounts to …"
            if c.dep_ in ("aux", "auxpass") and word in lex.hedge_modals:
                hedged = True
            granted = word == "if" and c.i > 0 and c.doc[c.i - 1].lower_ == "even" and not any(
                a.dep_ == "aux" and a.lower_ in SUPPOSING_AUX for v in (gov, gov.head) for a in v.children)
            # "rivals, even if both now talk to Haftar": granted; not "will strike even if Washington objects"
            if c.dep_ in ("advmod", "amod", "mark", "npadvmod", "advcl", "prep", "acomp") and word in lex.hedge_words \
                    and not granted:
                hedged = True
            if c.dep_ == "mark" and word in ("if", "whether", "unless") and not granted:
                hedged = True
        if depth > 0:
            prev = chain[depth - 1]
            # "a report that X had shipped missiles was dismissed by Tehran": the passive of denying a report
            denied_report = prev.dep_ == "nsubjpass" and prev.lemma_.lower() in CLAIMED
            if lemma in lex.negating_verbs and (prev.dep_ in ("xcomp", "ccomp", "dobj", "pcomp", "prep", "advcl")
                                                or denied_report) and \
                    not (prev.dep_ == "advcl" and any(c.dep_ == "mark" for c in prev.children)) and \
                    not any(t.dep_ == "advcl" and _set_off(t) for t in chain[:depth]) and \
                    not any(t.dep_ == "relcl" and t.head.lemma_.lower() not in CLAIMED for t in chain[:depth]):
                # not "delayed the tariffs he had threatened"; but "denied a report that X had delivered …"
                negated = True  # not "refused X, although its officials hold talks with Y"
            if prev.dep_ in ("ccomp", "attr", "oprd", "xcomp", "acomp", "dobj") and lemma in DENIED_BY_NONE and any(
                    c.dep_ == "nsubj" and c.lower_ in ("none", "nothing") for c in children):
                negated = True  # "none of this makes Iran and Russia allies"
            if prev.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.lemma_.lower() in NO_SIGN and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in children):
                negated = True  # "has given no sign it would send troops", "showed no indication it would …"
            if gov.lower_ == "without" and prev.dep_ == "pcomp" and depth == 1:
                negated = True  # "signed the plan without first consulting Wellington"
            if prev.lower_ == "short" and lemma in ("stop", "fall", "come"):
                negated = True  # "stopped short of condemning", "fell short of recognising"
            if prev.dep_ == "xcomp" and lemma in ("have", "be") and any(
                    c.dep_ == "advmod" and c.lower_ == "yet" for c in gov.children) and \
                    not any(t.dep_ == "relcl" for t in chain[:depth]):  # not "… the treaty they initialled"
                negated = True  # "have yet to sign": not (yet) signed
            if lemma in OPEN_TO and gov.pos_ == "ADJ" and prev.dep_ == "prep" and prev.lower_ in ("to", "for"):
                if any(c.dep_ == "neg" for h in (gov, gov.head) for c in h.children):
                    negated = True  # "is not open to talks with the PKK": refused
                else:
                    hedged = True  # "open to talks with X", "ready for dialogue": a disposition, not a meeting
            if lemma in lex.negating_adjectives and prev.dep_ in ("xcomp", "acomp", "ccomp"):
                negated = True
            reported = lemma in lex.reporting_verbs or lemma in ("accuse", "suspect", "allege", "charge")
            if reported and prev.dep_ == "prep" and prev.lower_ in VISIT_TIMES and depth >= 2 and \
                    chain[depth - 2].lemma_.lower() in VISIT_NOUNS:
                reported = False  # "during a visit to Bhutan, Modi said …": the visit is the setting, not the news
            if lemma in lex.hedge_governors and depth <= own_fact and (prev.dep_ in ("xcomp", "ccomp", "pcomp", "dobj")
                                                 or (reported and prev.dep_ == "prep")) and \
                    not (prev.dep_ == "pcomp" and depth == 1):
                hedged = True
            if prev.dep_ == "acl" and gov.pos_ == "NOUN" and lemma in CLAIMED and \
                    any(c.dep_ == "mark" and c.lower_ == "that" for c in prev.children):
                hedged = True  # "reports that X supplied …", "claims that X arms …"
            if lemma in lex.reporting_verbs and prev.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "dobj"):
                subjects = [c for c in children if c.dep_ in ("nsubj",)]
                if subjects and attributed_to is None:
                    attributed_to = _speaker(subjects[0], reader)
                    hedged = True
        if gov.lower_ in lex.hedge_words and depth > 0 and gov.dep_ in ("amod", "advmod"):
            hedged = True
    # "according to X" anywhere in the sentence
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            pobj = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
            if pobj and attributed_to is None:
                attributed_to = _speaker(pobj[0], reader)
                hedged = True
    # quotation with a reporting verb outside it: "‘…,’ the Council told the agency."
    root = sent.root
    if attributed_to is None and root.lemma_.lower() in lex.reporting_verbs and trigger.i != root.i:
        subjects = [c for c in root.children if c.dep_ == "nsubj"]
        if subjects and trigger.i not in {t.i for t in subjects[0].subtree}:
            attributed_to = _speaker(subjects[0], reader)
    for gov in chain[:4]:
        for c in gov.children:
            if c.dep_ in ("amod",) and c.lower_ in lex.hedge_words:
                hedged = True
    return Modality(negated=negated, hedged=hedged, attributed_to=attributed_to, opinion=opinion)


def _set_off(verb) -> bool:
    """'denied that X had agreed, saying Egypt would consult Y' (with 'saying' hung on 'agreed'), 'denied the
    report, calling it baseless': a participle set off by a comma is the speaker's next statement, not what is
    denied."""
    return verb.tag_ == "VBG" and verb.i > verb.head.i and verb.left_edge.i > 0 and \
        verb.doc[verb.left_edge.i - 1].text == ","


def _own_subject(verb) -> bool:
    """A relative clause with a subject of its own ("the project that Croatia criticised")."""
    return any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children)


def _complement_read_as_relative(verb) -> bool:
    """'a report by i24 that Russia had delivered jets': a 'that' clause complete without the pronoun is the
    report's content, not a relative clause on the noun the parser hung it on."""
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(c.lower_ == "that" for c in verb.children) and \
        sum(c.lower_ not in RELATIVE_PRONOUNS for c in args) >= 2


def set_off_claims(verb, nouns, deps=("nsubj", "nsubjpass", "dobj"), after: int = -1) -> list:
    """'…, a charge Abuja denied', parsed with the denying ``verb`` on top: the claim nouns among its
    arguments that a comma sets off (after token ``after``)."""
    doc = verb.doc
    found = [c for c in verb.children if c.dep_ in deps and c.i > after and (
        c.lemma_.lower() in nouns or any(x.lemma_.lower() in nouns for x in doc[c.left_edge.i: c.left_edge.i + 2]))
             and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","]  # "a charge Kabul denies", "an
    # allegation Benin's government rejected": the claim noun opens the phrase, whatever the parser hangs it on
    if found or verb.dep_ in ("relcl", "acl"):
        return found
    # "…, a charge Nigeria denied" with the charge hung as an apposition far away: the words just before the verb
    for i in range(verb.i - 1, max(verb.i - 9, after, 0), -1):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX") or t.text in (";", ":") or t.lower_ in ("and", "but", "which", "while"):
            break
        opening = doc[i - 1] if doc[i - 1].dep_ == "det" else t
        if t.lemma_.lower() in nouns and t.pos_ == "NOUN" and opening.i > 0 and doc[opening.i - 1].text == ",":
            return [t]
    return []


NEGATION_LINKS = ("xcomp", "conj", "dobj", "attr", "nsubjpass", "auxpass", "aux")


def _denial_denied(gov, chain: list, depth: int, lex: Lexicon) -> bool:
    """'did not rule out' / 'refused to rule out' / 'would not exclude': a negating verb, itself negated, over
    the trigger's clause. Only 'rule out' and 'exclude', whose negation is an open possibility."""
    lemma = gov.lemma_.lower()
    if lemma not in ("rule", "exclude") or (lemma == "rule" and not any(
            c.dep_ == "prt" and c.lower_ == "out" for c in gov.children)):
        return False
    if any(c.dep_ == "neg" for c in gov.children):
        return True
    above = chain[depth + 1] if depth + 1 < len(chain) else None
    return above is not None and gov.dep_ == "xcomp" and above.lemma_.lower() in lex.negating_verbs


def _negation_reaches(chain: list, depth: int) -> bool:
    """A 'not' on the governor at ``depth`` scopes over the trigger: only through verb chains
    ("did not agree to supply") and a noun's light verb ("did not hold talks", "did not engage in talks")."""
    for position in range(depth):
        link = chain[position]
        if link.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in link.children):
            return False  # "X has not commented, but Y has met Z": a clause of its own
        if link.dep_ in NEGATION_LINKS:
            continue
        if link.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in link.children):
            continue  # "did not travel to Istanbul to meet X"
        if link.dep_ in ("pobj", "prep") and position < 2 and chain[0].pos_ in ("NOUN", "PROPN"):
            continue
        return False
    return True


def _speaker(token, reader) -> str:
    actors = reader.actors_of(token)
    if actors:
        return actors[0].name
    return _span_text(token)
