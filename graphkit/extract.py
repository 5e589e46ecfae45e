"""Relations over the dependency parse: generators that yield typed, sourced evidence.

``extract_document`` walks a document's sentences in order (keeping the
context that resolves "it", "the two countries", "the secretary"), finds
relation triggers from the lexicon (verbs, nouns, transfer frames), collects
the actors on each side, and yields one Evidence per (source, relation,
target) with negation, hedging, attribution and a confidence.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace

from graphkit.actors import ActorBase
from graphkit.arguments import Candidate, SentenceReader
from graphkit.lexicon import Lexicon, lemma_of, load_lexicon
from graphkit.mentions import LINE_ENDS, DocumentContext, dateline_length, sentence_mentions
from graphkit.modality import Modality, modality_of, set_off_claims
from graphkit.relations import RelationFinder
from graphkit.types import Document, Evidence, relation_vocabulary


def structural_from_titles(sent, reader: SentenceReader, ctx: DocumentContext, lex: Lexicon) -> Iterator[Candidate]:
    """'Russian security chief Sergei Shoigu' → Shoigu REPRESENTS Russia; 'French President X' → LEADS."""
    for m in reader.mentions:
        if m.actor.kind != "person":
            continue
        head = sent.doc[m.end - 1]
        words = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "appos")]
        words += [c for w in list(words) for c in w.children if c.dep_ in ("compound", "amod", "poss")]
        if head.dep_ == "appos":
            words.append(head.head)
            words += [c for c in head.head.children if c.dep_ in ("compound", "amod", "poss")]
        roles = {w.lemma_.lower() for w in words if w.lemma_.lower() in lex.person_role_words}
        if not roles:
            if not m.actor.affiliation:  # "Ivan Anusic of Croatia": an official named with the state
                states = [reader.by_token[p.i].actor for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj" and p.i in reader.by_token
                          and reader.by_token[p.i].actor.kind == "country"]
                for state in states[:1]:
                    ctx.affiliations.setdefault(m.actor.id, state.id)
                    yield Candidate(m.actor, "REPRESENTS", state, head.i, "of", False)
            continue
        ctx.roles.setdefault(m.actor.id, set()).update(roles)
        titled = [reader.by_token[w.i].actor for w in words if w.i in reader.by_token
                  and reader.by_token[w.i].actor.kind == "country"]
        if titled and not m.actor.affiliation:
            ctx.affiliations.setdefault(m.actor.id, titled[0].id)
        countries = [reader.by_token[w.i].actor for w in words if w.i in reader.by_token
                     and reader.by_token[w.i].actor.kind in ("country", "organization")]
        known = ctx.base.get(m.actor.affiliation) if m.actor.affiliation else None
        if known is not None and known.kind == "country":  # "Qatar's emir, Sheikh Tamim, the Iraqi leader …":
            countries = [c for c in countries if c.kind != "country" or c.id == known.id]  # a misparsed title
        for country in countries[:1]:
            heads = roles & lex.leading_roles and not roles & {"minister", "secretary", "foreign", "defence",
                                                                 "defense", "chief"}
            deputy = any(w.lemma_.lower() in ("deputy", "vice") for w in words)  # 'Deputy Prime Minister'
            relation = "LEADS" if (heads or "prime" in roles) and not deputy else "REPRESENTS"
            yield Candidate(m.actor, relation, country, head.i, " ".join(sorted(roles)), False)


def speaker_requests(sent, reader: SentenceReader, lex: Lexicon) -> Iterator[Candidate]:
    """'"X should do Y," he stressed' → the speaker REQUEST X (an urging reported as said)."""
    root = sent.root
    if root.lemma_.lower() not in lex.reporting_verbs:
        return
    speakers = [a for c in root.children if c.dep_ == "nsubj" for a in reader.actors_of(c)]
    if not speakers:
        return
    for t in sent:
        if t.pos_ in ("VERB", "AUX") and t.i != root.i and \
                any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in t.children):
            for subject in [c for c in t.children if c.dep_ == "nsubj"]:
                for target in reader.actors_of(subject):
                    for speaker in speakers:
                        if speaker.id != target.id:
                            yield Candidate(speaker, "REQUEST", target, t.i, t.text, True)


LOG = logging.getLogger("graphkit")

CLAIM_NOUNS = {"accusation", "claim", "allegation", "report", "charge", "suggestion", "assertion", "rumor", "rumour"}
NO_COMMENT = {"comment", "confirm", "discuss", "elaborate", "respond", "address", "say", "answer"}
CLAIM_CUES = CLAIM_NOUNS | {"accuse", "allege", "suspect", "say", "blame", "suggest", "assert"}


def denials(sent, reader: SentenceReader, ctx: DocumentContext, lex: Lexicon,
            here: list[Candidate]) -> Iterator[tuple[Candidate, bool]]:
    """'X have denied these accusations' → the claims about X in the previous sentence, negated;
    '…, a charge Tehran denies' → the claims of this sentence, negated (each with True); a claim reported
    by a speaker and so denied is the speaker's charge, CRITICIZE of the denier (with False)."""
    for verb in sent:
        if verb.lemma_.lower() not in lex.negating_verbs or verb.pos_ != "VERB" or any(
                c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT for c in verb.children) or any(
                c.dep_ == "neg" for c in verb.children):
            continue  # "a report the spokesman declined to comment on", "a claim India has not denied": no denial
        claims = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS
                  and any(d.lower_ in ("these", "this", "the", "such", "those") for d in c.children)]
        pool = ctx.claims
        if not claims and verb.dep_ == "relcl" and verb.head.lemma_.lower() in CLAIM_NOUNS:
            claims, pool = [verb.head], here  # "accused Iran of arming the Houthis, a charge Tehran denies"
        head = verb.head
        if not claims and head.i != verb.i and head.lemma_.lower() in CLAIM_NOUNS and head.i < verb.i and \
                head.i > 0 and sent.doc[head.i - 1].text == ",":  # "…, claims that X dismissed" ("claims" a verb)
            claims, pool = [head], here
        if not claims and verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ == "which" for c in verb.children) \
                and verb.doc[verb.left_edge.i - 1].text == ",":
            claims, pool = [verb], here  # "accuses Rwanda of backing the M23 rebels, which Kigali denies"
        if not claims:  # the same, parsed with "denied" on top and "a charge" its subject
            claims, pool = set_off_claims(verb, CLAIM_NOUNS, ("nsubj", "nsubjpass", "dobj")), here
        reported = [x for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS
                    for x in c.subtree if x.dep_ in ("acl", "ccomp", "relcl") and x.i > c.i
                    and x.left_edge.lower_ == "that" and any(m.dep_ == "nsubj" and m.lower_ != "that"
                                                             for m in x.children)]  # "a report (by i24) that …"
        if reported:  # "denied a report that Russia had delivered jets to Iran": what the report says, whoever did it
            inside = {t.i for x in reported for t in x.subtree}
            for claim in here:
                if claim.trigger in inside:
                    yield Candidate(claim.source, claim.relation, claim.target, verb.i, verb.text, True), True
            continue
        if claims and pool is ctx.claims:  # "accused China of …, and China rejected the charge": this sentence too
            pool = [*pool, *(c for c in here if c.trigger < verb.i)]
        if not claims:
            continue
        named = reader.agents(verb) or [reader.by_token[i].actor for i in range(claims[0].i + 1, verb.i)
                                        if i in reader.by_token]  # "a charge Nigeria denied", parsed apart
        deniers = {x for a in named for x in (a.id, a.affiliation, ctx.affiliations.get(a.id)) if x}
        # a spokesman's denial speaks for his state; "hosting French troops, a charge Abuja denied": the host too
        noun = next((x for x in claims[0].subtree if x.lemma_.lower() in CLAIM_NOUNS),
                    claims[0])  # "a charge Abu Dhabi denies": the charge, a compound of the name
        said = verb.text if noun.i == verb.i else f"{verb.text} {noun.text}"
        local = pool is here
        if local:  # only what the charge says: "visited Israel, and officials accuse him of signing a
            cues = [t.i for t in sent if t.i < noun.i and t.lemma_.lower() in CLAIM_CUES]  # deal, a charge he denies"
            if cues:
                pool = [c for c in pool if cues[-1] < c.trigger < noun.i]
        charged = set()
        for claim in pool:
            if claim.source.id in deniers or claim.source.affiliation in deniers or (  # the Taliban, denied by Kabul
                    (claim.relation == "DEPLOY_TO" or local) and claim.target.id in deniers):
                # "said Russia had armed Iran, a claim Tehran denied": the receiving side denies it too
                yield Candidate(claim.source, claim.relation, claim.target, verb.i, said, True), True
                if not local or claim.source.id in charged:
                    continue
                charged.add(claim.source.id)  # "X said China had given Pakistan data, a charge Beijing denied":
                for speaker in _reporters(sent.doc[claim.trigger], reader, lex):  # X's charge against China
                    if speaker.id != claim.source.id and not ctx.acts_for(speaker, claim.source):
                        yield Candidate(speaker, "CRITICIZE", claim.source, noun.i, noun.text, True), False


def _reporters(trigger, reader: SentenceReader, lex: Lexicon) -> list:
    """Who reports the clause ``trigger`` stands in ('X said Y had …'): the subject of the nearest reporting verb
    above it, only 'say'-like verbs (an accusation verb gives its own CRITICIZE)."""
    for head in list(trigger.ancestors)[:4]:
        if head.lemma_.lower() in ("say", "tell", "report", "claim", "assert", "insist", "state"):
            return [a for c in head.children if c.dep_ == "nsubj" for a in reader.actors_of(c)]
    return []


def _excepted(sent, mentions, actor) -> bool:
    """Every mention of ``actor`` here is a conjunct set apart by 'not': 'visited Tokyo and Seoul but not Beijing'."""
    heads = [sent.doc[m.start:m.end].root for m in mentions if m.actor.id == actor.id]
    return bool(heads) and all(h.dep_ == "conj" and any(c.dep_ == "neg" and c.i < h.i for c in h.children)
                               for h in heads)


def extract_sentence(sent, ctx: DocumentContext, lexicon: Lexicon):
    mentions = sentence_mentions(sent, ctx)
    reader = SentenceReader(sent, mentions, ctx, lexicon)
    found = []
    for cand in structural_from_titles(sent, reader, ctx, lexicon):
        found.append((cand, Modality()))
    # every sentence: one that names no actor may still refer to some ("it", "the two sides", "both governments")
    requests = list(speaker_requests(sent, reader, lexicon))
    candidates = [*RelationFinder(reader).find(), *requests]
    for cand in candidates:
        if ctx.acts_for(cand.source, cand.target) or ctx.acts_for(cand.target, cand.source):
            continue  # a person and the country they act for: not an event between two actors
        if _colleagues(cand, candidates, ctx):
            continue
        mod = modality_of(sent.doc[cand.trigger], sent, reader, lexicon, cand.presupposed)
        if mod.opinion and cand not in requests:
            continue  # "X should/must ..." is an opinion, not an event
        if cand.reverses_negation:
            mod = replace(mod, negated=False)
        if cand.denied:
            mod = replace(mod, negated=True, hedged=False)
        if not mod.negated and _excepted(sent, mentions, cand.target):
            mod = replace(mod, negated=True, hedged=False)  # "met Weidel but not Scholz"
        found.append((cand, mod))
    hedged_here = [cand for cand, mod in found if mod.hedged and not mod.negated]
    said = list(denials(sent, reader, ctx, lexicon, hedged_here))
    denied = [cand for cand, negated in said if negated]
    charges = [cand for cand, negated in said if not negated]  # the reporter's accusation: asserted
    gone = {(c.source.id, c.relation, c.target.id) for c in denied}
    # "accused X of arming Y, a charge X denies": the claim denied in its own sentence is negated only
    found = [(cand, mod) for cand, mod in found if not (
        mod.hedged and not mod.negated and (cand.source.id, cand.relation, cand.target.id) in gone)]
    found += [(cand, Modality(negated=True)) for cand in denied] + [(cand, Modality()) for cand in charges]
    found = _agreed_cooperation(found, sent.doc)
    found = [(cand, replace(mod, hedged=False) if mod.negated else mod) for cand, mod in found]  # denied, not hedged
    ctx.claims = [cand for cand, mod in found if mod.hedged and not mod.negated]
    ctx.events = [cand for cand, mod in found if not mod.negated and cand.relation not in ("LEADS", "REPRESENTS")]
    return mentions, reader.named_groups(), found


def _agreed_cooperation(found: list, doc) -> list:
    """One event per agreement: 'X and Y agreed to work together on chips' is X AGREE Y; the cooperation agreed on
    is its content, not a second, hedged COOPERATE (as CAMEO codes an agreement to cooperate once)."""
    agreed = {frozenset((c.source.id, c.target.id)) for c, mod in found if c.relation == "AGREE" and not mod.negated}
    return [(c, mod) for c, mod in found if not (
        c.relation == "COOPERATE" and mod.hedged and not mod.negated and
        frozenset((c.source.id, c.target.id)) in agreed and
        any(lemma_of(a) == "agree" for a in list(doc[c.trigger].ancestors)[:4]))]


def _colleagues(cand: Candidate, candidates: list[Candidate], ctx: DocumentContext) -> bool:
    """Two officials of one state on the same side of a deal with a third: 'signed by Japan's foreign and defence
    ministers and their Philippine counterparts' is no agreement between the Japanese ministers."""
    if cand.relation not in ("AGREE", "MEET") or cand.source.kind != "person" or cand.target.kind != "person":
        return False
    state = ctx.state_of(cand.source)
    if state is None or state != ctx.state_of(cand.target):
        return False
    return any(other.relation == cand.relation and
               {other.source.id, other.target.id} & {cand.source.id, cand.target.id} and
               ctx.state_of(other.source) != ctx.state_of(other.target) for other in candidates)


def confidence(cand: Candidate, mod: Modality, headline: bool) -> float:
    score = 0.8
    if cand.indirect:
        score -= 0.15
    if cand.source.kind == "person" or cand.target.kind == "person":
        score -= 0.05
    if mod.hedged:
        score -= 0.05
    if headline:
        score -= 0.05
    if cand.source.id.islower() and cand.source.kind != "person":
        score -= 0.1
    return round(max(0.05, min(1.0, score)), 3)


def _dateline_before(text: str, start: int) -> int:
    """The length of the wire dateline that ends at ``start`` at the start of its line, or 0."""
    line = start
    while line > 0 and text[line - 1] not in LINE_ENDS and start - line < 80:
        line -= 1
    if line == start or (line > 0 and text[line - 1] not in LINE_ENDS):
        return 0
    return start - line if dateline_length(text[line: start + 1]) == start - line else 0


def extract_document(document: Document, docs: Iterable, base: ActorBase | None = None,
                     lexicon: Lexicon | None = None) -> Iterator[Evidence]:
    """Evidence from one document, given its parsed paragraphs as (offset, spaCy Doc) pairs."""
    base = base or ActorBase.default()
    lexicon = lexicon or load_lexicon()
    vocabulary = relation_vocabulary()
    ctx = DocumentContext(base=base, date=document.date)
    found_here = []
    for offset, doc in docs:
        if dateline_length(doc.text) or _dateline_before(document.text, offset):
            ctx.new_story()  # a digest item ("KYIV — …") is a story of its own: no pronoun reaches back into another
        for sent in doc.sents:
            try:
                mentions, groups, found = extract_sentence(sent, ctx, lexicon)
            except (RecursionError, IndexError, KeyError, ValueError, TypeError, AttributeError) as exc:
                # a rule that trips on one odd parse costs that sentence, not the run (and says so)
                LOG.warning("graphkit: %s: sentence at character %d skipped, an extraction rule failed (%s: %s)",
                            document.id, offset + sent.start_char, type(exc).__name__, exc)
                continue
            ctx.remember(mentions, groups)
            # the document's own words: headlines were parsed in sentence case (graphkit.headlines)
            start = offset + sent.start_char
            if sent.start == 0:  # a dateline cut off before parsing belongs to the first sentence
                start -= _dateline_before(document.text, start)
            text = document.text[start: offset + sent.end_char] or sent.text
            headline = not text.rstrip().endswith((".", "!", "?", "’", "”", "'", '"'))
            found_here.extend((text, start, offset + sent.end_char, headline, cand, mod) for cand, mod in found)
    # people are named as the document spells them, which may come after a headline names them
    for text, start, end, headline, cand, mod in found_here:
        rel = vocabulary[cand.relation]
        yield Evidence(
            doc=document.id, sentence=text, start=start, end=end, date=document.date,
            source=ctx.name(cand.source), source_id=cand.source.id,
            relation=cand.relation, target=ctx.name(cand.target), target_id=cand.target.id,
            polarity=rel.polarity, weight=rel.weight, predicate=cand.predicate,
            negated=mod.negated, hedged=mod.hedged, attributed_to=mod.attributed_to,
            confidence=confidence(cand, mod, headline),
        )
