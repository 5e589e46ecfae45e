"""Relations over the dependency parse: generators that yield typed, sourced evidence.

``extract_document`` walks a document's sentences in order (keeping the
context that resolves "it", "the two countries", "the secretary"), finds
relation triggers from the lexicon (verbs, nouns, transfer frames), collects
the actors on each side, and yields one Evidence per (source, relation,
target) with negation, hedging, attribution and a confidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from graphkit.actors import ActorBase
from graphkit.lexicon import Lexicon, load_lexicon
from graphkit.mentions import DocumentContext, Mention, resolve_reference, sentence_mentions
from graphkit.modality import Modality, modality_of
from graphkit.types import Actor, Document, Evidence, relation_vocabulary

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CLIMB_DEPS = ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl", "relcl")
RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
BORDER_NOUNS = {"border", "frontier", "boundary"}
LOCATED_NOUNS = {"target", "site", "facility", "base", "position", "installation", "territory", "city",
                 "town", "village", "camp", "stronghold", "outpost", "port", "airport", "airfield"}
ROLE_NOUNS = {"ally", "partner", "lifeline", "supplier", "backer", "sponsor", "supporter", "defender"}


@dataclass(frozen=True)
class Candidate:
    """A relation found in a sentence before modality is applied."""

    source: Actor
    relation: str
    target: Actor
    trigger: int  # token index of the trigger
    predicate: str
    indirect: bool  # an end came from a reference or climbing
    presupposed: bool = False  # a noun phrase that names its own source ("Russia's invasion of Ukraine")


class SentenceReader:
    """Reads one sentence: maps noun phrases to actors and triggers to candidates."""

    def __init__(self, sent, mentions: list[Mention], ctx: DocumentContext, lexicon: Lexicon):
        self.sent = sent
        self.doc = sent.doc
        self.ctx = ctx
        self.lex = lexicon
        self.mentions = mentions
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m
        self.indirect = False

    def named_pairs(self) -> list[tuple[Actor, Actor]]:
        """Actors named together in this sentence: "X and Y", "between X and Y"."""
        pairs = []
        for m in self.mentions:
            head = self.doc[m.end - 1]
            for other in head.conjuncts:
                n = self.by_token.get(other.i)
                if n is not None and other.i > head.i and n.actor.id != m.actor.id:
                    pairs.append((m.actor, n.actor))
        return pairs

    # -- noun phrases to actors -------------------------------------------------
    def actors_of(self, token, depth: int = 0) -> list[Actor]:
        """The actors a noun phrase headed by ``token`` stands for (with its conjuncts)."""
        found: list[Actor] = []
        members = [token, *token.conjuncts]
        if token.i in self.by_token:  # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt"
            for child in token.children:
                if child.dep_ == "appos" and child.i in self.by_token:
                    members += [child, *child.conjuncts]
        for t in members:
            for actor in self._actor_of(t, depth):
                if actor.id not in {a.id for a in found}:
                    found.append(actor)
        return found

    def _actor_of(self, t, depth: int) -> list[Actor]:
        if depth > 3:
            return []
        lex = self.lex
        mention = self.by_token.get(t.i)
        if mention is not None:
            return [mention.actor]
        lemma = t.lemma_.lower()
        for child in t.subtree:  # "the secretary (of its Security Council), Sergei Shoigu"
            if child.dep_ == "appos" and child.i in self.by_token and child.head.i != t.i and \
                    lemma not in self.lex.person_role_words:
                continue
            if child.dep_ == "appos" and child.i in self.by_token and child.i - t.i < 12:
                actor = self.by_token[child.i].actor
                if actor.kind == "person" and lemma in self.lex.person_role_words:
                    self.ctx.roles.setdefault(actor.id, set()).add(lemma)
                return [actor]
        if t.pos_ == "PRON" or lemma in lex.state_descriptions or lemma in lex.person_role_words \
                or t.lower_ in ("pair", "duo") or lemma in ("country", "nation", "power", "side", "two"):
            if lemma == "country" and any(c.dep_ == "poss" for c in t.children):
                owners = [a for c in t.children if c.dep_ == "poss" for a in self.actors_of(c, depth + 1)]
                countries = [self._state_of(a) for a in owners]
                if countries:
                    self.indirect = True
                    return countries
            referred = resolve_reference(t, self.mentions, self.ctx, lex)
            if referred:
                self.indirect = True
                return referred
        if t.pos_ not in ("NOUN", "PROPN") or lemma in lex.non_actor_heads:
            return []
        doers = self._doers(t, depth)  # "the joint drills by the United States and South Korea"
        if doers:
            return doers
        if lemma in BORDER_NOUNS:  # "its border with Guyana" is Guyana's side
            beyond = self._pobj_actors(t, ("with",), depth)
            if beyond:
                return beyond
        if lemma in LOCATED_NOUNS:  # "targets in Iran", "its base in Qatar"
            inside = self._pobj_actors(t, ("in", "inside"), depth)
            if inside:
                return inside
        for child in t.children:
            if child.dep_ == "poss":
                owners = self.actors_of(child, depth + 1)
                if owners:
                    if lemma in lex.agent_nouns or lemma in lex.place_nouns:
                        return [self._state_of(a) for a in owners]
                    return owners
        modifiers = [a for c in t.children if c.dep_ in ("compound", "amod", "nmod")
                     for m in [c, *c.conjuncts] if m.i in self.by_token
                     for a in [self.by_token[m.i].actor] if a.kind != "person"]
        if modifiers:
            return list({a.id: a for a in modifiers}.values())
        if lemma not in lex.nouns and lemma not in lex.ties_nouns:
            of = self._pobj_actors(t, ("of",), depth)  # "the government of Iran", "assets of Russia's bank"
            if of:
                return of
        return []

    def _pobj_actors(self, token, preps: tuple[str, ...], depth: int) -> list[Actor]:
        return [a for c in token.children if c.dep_ == "prep" and c.lower_ in preps
                for p in c.children if p.dep_ == "pobj" for a in self.actors_of(p, depth + 1)]

    def _doers(self, noun, depth: int) -> list[Actor]:
        """'X by Y', 'a resolution drafted by Y': who does or made the thing."""
        found = self._pobj_actors(noun, ("by",), depth)
        for child in noun.children:
            if child.dep_ == "acl" and not found:
                found = [a for c in child.children if c.dep_ == "agent"
                         for p in c.children if p.dep_ == "pobj" for a in self.actors_of(p, depth + 1)]
        return found

    def _state_of(self, actor: Actor) -> Actor:
        if actor.kind == "person" and actor.affiliation:
            return self.ctx.base.get(actor.affiliation) or actor
        return actor

    # -- argument collection ---------------------------------------------------
    def agents(self, verb, depth: int = 0) -> list[Actor]:
        """Who does what ``verb`` says: its subject, or the subject it inherits."""
        if depth > 4:
            return []
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            out = []
            for s in subjects:
                if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    out.extend(self.actors_of(verb.head))
                else:
                    out.extend(self.actors_of(s))
            return out
        agent = self.by_agent(verb)
        if agent or any(c.dep_ == "nsubjpass" for c in verb.children):
            return agent
        head = verb.head
        if head.i == verb.i:
            return []
        if verb.dep_ == "relcl":
            return self.actors_of(head)
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
            owner = head.head  # "North Korea's role in supplying", "Iran's decision to ..."
            found = [a for c in owner.children if c.dep_ in ("poss", "compound", "amod")
                     for a in self.actors_of(c)]
            if found:
                self.indirect = True
                return found
        if verb.dep_ in ("xcomp", "advcl", "conj", "ccomp", "acomp") or \
                (verb.dep_ == "pcomp" and head.dep_ == "prep"):
            governor = head.head if verb.dep_ == "pcomp" else head
            if verb.dep_ == "acomp" or head.pos_ == "ADJ":
                governor = head.head if head.pos_ == "ADJ" else head
            # object control: "sent Shoigu to meet", "accused Iran of supplying", "urged X to"
            objects = [c for c in governor.children if c.dep_ in ("dobj",)]
            for obj in objects:
                actors = self.actors_of(obj)
                if actors and verb.dep_ in ("xcomp", "advcl", "pcomp"):
                    self.indirect = True
                    return actors
            self.indirect = True
            return self.agents(governor, depth + 1)
        return []

    def by_agent(self, verb) -> list[Actor]:
        for c in verb.children:
            if c.dep_ == "agent":
                return [a for p in c.children if p.dep_ == "pobj" for a in self.actors_of(p)]
        return []

    def slot_actors(self, head, slot: str) -> list[Actor]:
        """Actors standing in ``slot`` of ``head``: dobj, dative, or a preposition ('with', 'call on')."""
        out: list[Actor] = []
        if slot == "dobj":
            for c in head.children:
                if c.dep_ == "dobj":
                    out.extend(self.actors_of(c))
            return out
        if slot == "dative":
            for c in head.children:
                if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                    out.extend(self.actors_of(c))
            return out
        prep = slot.split()[-1] if " " in slot else slot
        particle = slot.split()[1] if slot.count(" ") == 2 else None
        for c in head.children:
            if c.dep_ in ("prep", "dative", "prt", "agent") and c.lower_ == prep and c.dep_ != "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.extend(self.actors_of(p))
                    if p.dep_ == "prep" and particle is None and p.lower_ in ("of",):
                        pass
            if particle and c.dep_ == "prt" and c.lower_ == particle:
                pass
        return out


def _pairs(sources: list[Actor], targets: list[Actor]) -> Iterator[tuple[Actor, Actor]]:
    for s in sources:
        for t in targets:
            if s.id != t.id:
                yield s, t


def _all_pairs(actors: list[Actor]) -> Iterator[tuple[Actor, Actor]]:
    for i, a in enumerate(actors):
        for b in actors[i + 1:]:
            if a.id != b.id:
                yield a, b


class RelationFinder:
    """Finds candidates for one sentence; one method per construction."""

    def __init__(self, reader: SentenceReader):
        self.r = reader
        self.lex = reader.lex
        self.vocabulary = relation_vocabulary()

    def find(self) -> Iterator[Candidate]:
        seen = set()
        for token in self.r.sent:
            for cand in self._at(token):
                key = (cand.source.id, cand.relation, cand.target.id)
                if key not in seen:
                    seen.add(key)
                    yield cand

    def _at(self, token) -> Iterator[Candidate]:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.tag_ == "VBN"):
            if lemma in self.lex.transfer_verbs:
                yield from self.transfer(token, lemma)
            if lemma in self.lex.criticizing_reporters:
                yield from self.accusation(token, lemma)
            for relation, slots in self.lex.verbs.get(lemma, ()):
                yield from self.verb(token, relation, slots)
        elif token.pos_ in ("NOUN", "PROPN"):
            if lemma in self.lex.ties_nouns:
                yield from self.ties(token)
                return
            for relation, preps in self.lex.nouns.get(lemma, ()):
                yield from self.noun(token, relation, preps)

    def _emit(self, sources, relation, targets, token, predicate, symmetric_fallback=(), presupposed=False):
        pairs = list(_pairs(sources, targets))
        if not pairs and symmetric_fallback and self.vocabulary[relation].symmetric:
            pairs = list(_all_pairs(symmetric_fallback))
        for s, t in pairs:
            yield Candidate(s, relation, t, token.i, predicate, self.r.indirect, presupposed)

    # -- verbs -----------------------------------------------------------------
    def verb(self, verb, relation: str, slots: tuple[str, ...]) -> Iterator[Candidate]:
        r = self.r
        r.indirect = False
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if passive:
            sources = r.by_agent(verb)
            targets = [a for c in verb.children if c.dep_ == "nsubjpass" for a in r.actors_of(c)] \
                if "dobj" in slots else []
            if not targets and verb.dep_ == "acl" and "dobj" in slots:
                targets = r.actors_of(verb.head)
        else:
            sources = r.agents(verb)
            targets = []
        for slot in slots:
            if slot != "dobj" or not passive:
                targets += [a for a in r.slot_actors(verb, slot) if a not in targets]
        predicate = _phrase(verb)
        yield from self._emit(sources, relation, targets, verb, predicate, symmetric_fallback=sources)

    def accusation(self, verb, lemma: str) -> Iterator[Candidate]:
        """'X warned Y (that …)' → X THREATEN Y; 'X warned/alleged that Y …' → X CRITICIZE Y."""
        r = self.r
        r.indirect = False
        sources = r.agents(verb)
        if lemma == "warn":
            objects = r.slot_actors(verb, "dobj")
            if objects:
                yield from self._emit(sources, "THREATEN", objects, verb, _phrase(verb))
                return
        if any(c.dep_ == "dobj" for c in verb.children):
            return
        for clause in [c for c in verb.children if c.dep_ == "ccomp"]:
            accused = [a for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for a in r.actors_of(c)]
            yield from self._emit(sources, "CRITICIZE", accused, verb, _phrase(verb))

    def transfer(self, verb, lemma: str) -> Iterator[Candidate]:
        """'supply X to Y', 'supply Y with X', 'send troops to', 'buy drones from'."""
        r = self.r
        r.indirect = False
        lex = self.lex
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass" if passive else "dobj")]
        if not objects and verb.dep_ == "acl":
            objects = [verb.head]
        targets: list[Actor] = []
        moved = None
        for obj in objects:
            actors = r.actors_of(obj) if obj.dep_ == "dobj" else []
            if actors and "with" in lex.transfer_verbs[lemma]:
                targets.extend(actors)  # "supply Y with X"
                continue
            if actors and all(a.kind == "person" for a in actors) and lemma in ("send", "dispatch"):
                destinations = r.slot_actors(verb, "to")
                yield from self._emit(actors, "MEET", destinations, verb, _phrase(verb))
                return
            moved = moved or self._object_class(obj)
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                for p in c.children:
                    if p.dep_ == "pobj":
                        moved = moved or self._object_class(p)
        if moved is None:
            return
        if passive:
            sources = r.by_agent(verb)
        elif verb.dep_ == "acl":
            sources = [a for c in verb.head.children if c.dep_ in ("poss", "compound", "amod")
                       for a in r.actors_of(c)] or r.by_agent(verb)
        else:
            sources = r.agents(verb)
        relation = lex.object_relations.get(moved)
        slots = lex.transfer_verbs[lemma]
        for slot in slots:
            if slot in ("with", "dobj"):
                continue
            found = r.slot_actors(verb, slot)
            if slot in ("near", "along") and moved == "troops":
                yield from self._emit(sources, "MOBILIZE", found, verb, _phrase(verb))
                continue
            if slot == "into" and moved == "troops":
                yield from self._emit(sources, "ATTACK", found, verb, _phrase(verb))
                continue
            targets.extend(a for a in found if a not in targets)
        if lemma in lex.reverse_transfer:
            sources, targets = r.slot_actors(verb, "from"), sources
        if relation:
            yield from self._emit(sources, relation, targets, verb, _phrase(verb))

    def _object_class(self, token) -> str | None:
        lex = self.lex
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        cls = lex.object_class(token.lemma_) or lex.object_class(token.lower_)
        modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound")}
        if cls == "aid" and modifiers & lex.weapon_modifiers:
            return "weapons"
        if cls is None:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for p in child.children:
                        if p.dep_ == "pobj":
                            return self._object_class(p)
            for m in modifiers:
                if lex.object_class(m) == "weapons":
                    return "weapons"
        return cls

    # -- nouns -----------------------------------------------------------------
    def noun(self, noun, relation: str, preps: tuple[str, ...]) -> Iterator[Candidate]:
        """'X's support for Y', 'the alliance between X and Y', 'the X-Y pact', 'held talks with Y'."""
        r = self.r
        r.indirect = False
        lemma = noun.lemma_.lower()
        sources, targets = [], []
        modifiers = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        modifier_actors = []
        for c in modifiers:
            for a in r.actors_of(c) if (c.i in r.by_token or c.dep_ == "poss") else []:
                if a not in modifier_actors:
                    modifier_actors.append(a)
        between = self._between(noun)
        if between:
            sources, targets = between[:1], between[1:]
            if len(between) > 2 and self.vocabulary[relation].symmetric:
                yield from self._emit(between, relation, between, noun, _phrase(noun), between)
                return
        elif lemma in ROLE_NOUNS:
            sources = self._predicated_of(noun)
            targets = modifier_actors + [a for p in preps for a in r.slot_actors(noun, p)]
        else:
            sources = modifier_actors or r.by_agent(noun) or \
                [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                 for p in c.children if p.dep_ == "pobj" for a in r.actors_of(p)]
            governor = self._light_verb(noun)
            if len(modifier_actors) >= 2 and not any(
                    any(c.dep_ == "prep" and c.lower_ == p for c in noun.children) for p in preps):
                # "the Russia-North Korea pact", "US-China talks"
                sources, targets = modifier_actors[:1], modifier_actors[1:]
            else:
                for p in preps:
                    targets += [a for a in r.slot_actors(noun, p) if a not in targets]
                if governor is not None:
                    if not sources:
                        sources = r.agents(governor)
                        r.indirect = r.indirect or False
                    for p in preps:
                        targets += [a for a in r.slot_actors(governor, p) if a not in targets]
        if relation in ("SUPPORT", "AID") and {c.lemma_.lower() for c in noun.children} & self.lex.weapon_modifiers:
            relation = "SUPPLY_ARMS"  # "military support for", "military aid to"
        if not sources and relation in ("DEPLOY_TO", "SUPPLY_ARMS", "AID"):
            sources = [a for p in r.slot_actors(noun, "of") for a in [p]]  # "the deployment of North Korean troops"
        if not targets and noun.dep_ == "pobj" and noun.head.dep_ == "agent":
            participle = noun.head.head  # "Isolated by Western sanctions, Moscow ..."
            if participle.dep_ == "advcl":
                targets = r.agents(participle.head)
            elif participle.dep_ == "acl":
                targets = r.actors_of(participle.head)
        presupposed = bool(between or (modifier_actors and lemma not in ROLE_NOUNS))
        yield from self._emit(sources, relation, targets, noun, _phrase(noun),
                              symmetric_fallback=sources if len(sources) > 1 else (), presupposed=presupposed)

    def ties(self, noun) -> Iterator[Candidate]:
        """'ties'/'relations' typed by the verb: strengthen ties → ALLY, cut ties → SANCTION."""
        governor = self._light_verb(noun) or (noun.head if noun.head.pos_ == "VERB" else None)
        relation = None
        if governor is not None:
            relation = self.lex.verb_noun_overrides.get((governor.lemma_.lower(), "ties"))
        lemma = noun.lemma_.lower()
        if relation is None:
            if lemma != "tie":
                return
            relation = "ALLY"
        if lemma != "tie" and relation == "ALLY" and governor is None:
            return
        yield from self.noun(noun, relation, ("with", "between", "to"))

    def _light_verb(self, noun):
        head = noun.head
        if noun.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            return head
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and \
                head.lower_ in ("in", "into", "for", "to"):
            return head.head
        if noun.dep_ == "conj":
            return self._light_verb(noun.head)
        return None

    def _between(self, noun) -> list[Actor]:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                return [a for p in c.children if p.dep_ == "pobj" for a in self.r.actors_of(p)]
        # "signed between Putin and Kim": the preposition hangs on the participle
        for c in noun.children:
            if c.dep_ == "acl":
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("between", "among"):
                        return [a for o in p.children if o.dep_ == "pobj" for a in self.r.actors_of(o)]
        return []

    def _predicated_of(self, noun) -> list[Actor]:
        """'China, North Korea's lifeline' → China; 'Russia is a key partner of X' → Russia."""
        r = self.r
        if noun.dep_ == "appos":
            return r.actors_of(noun.head)
        if noun.dep_ in ("attr", "dobj", "oprd") and noun.head.pos_ in ("AUX", "VERB"):
            return [a for c in noun.head.children if c.dep_ in ("nsubj",) for a in r.actors_of(c)]
        return []


def _phrase(token) -> str:
    """The words that carry the relation: the trigger with its particles and object head."""
    words = [token]
    for c in token.children:
        if c.dep_ in ("prt", "neg") or (c.dep_ == "dobj" and c.pos_ == "NOUN"):
            words.append(c)
        if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN") and token.pos_ == "NOUN":
            words.append(c)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


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
            continue
        ctx.roles.setdefault(m.actor.id, set()).update(roles)
        countries = [reader.by_token[w.i].actor for w in words if w.i in reader.by_token
                     and reader.by_token[w.i].actor.kind in ("country", "organization")]
        for country in countries[:1]:
            relation = "LEADS" if roles & lex.leading_roles and not roles & {"minister", "secretary", "foreign",
                                                                             "defence", "defense", "chief"} \
                else "REPRESENTS"
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


CLAIM_NOUNS = {"accusation", "claim", "allegation", "report", "charge", "suggestion", "assertion", "rumor", "rumour"}


def denials(sent, reader: SentenceReader, ctx: DocumentContext, lex: Lexicon) -> Iterator[Candidate]:
    """'X have denied these accusations' → the claims about X in the previous sentence, negated."""
    for verb in sent:
        if verb.lemma_.lower() not in lex.negating_verbs or verb.pos_ != "VERB":
            continue
        claims = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS
                  and any(d.lower_ in ("these", "this", "the", "such", "those") for d in c.children)]
        if not claims:
            continue
        deniers = {a.id for a in reader.agents(verb)}
        for claim in ctx.claims:
            if claim.source.id in deniers:
                yield Candidate(claim.source, claim.relation, claim.target, verb.i, f"{verb.text} {claims[0].text}",
                                True)


def extract_sentence(sent, ctx: DocumentContext, lexicon: Lexicon):
    mentions = sentence_mentions(sent, ctx)
    reader = SentenceReader(sent, mentions, ctx, lexicon)
    found = []
    for cand in structural_from_titles(sent, reader, ctx, lexicon):
        found.append((cand, Modality()))
    if len({m.actor.id for m in mentions}) >= 1 or any(t.pos_ == "PRON" for t in sent):
        requests = list(speaker_requests(sent, reader, lexicon))
        for cand in [*RelationFinder(reader).find(), *requests]:
            mod = modality_of(sent.doc[cand.trigger], sent, reader, lexicon, cand.presupposed)
            if mod.opinion and cand not in requests:
                continue  # "X should/must ..." is an opinion, not an event
            found.append((cand, mod))
    for cand in denials(sent, reader, ctx, lexicon):
        found.append((cand, Modality(negated=True)))
    ctx.claims = [cand for cand, mod in found if mod.hedged and not mod.negated]
    return mentions, reader.named_pairs(), found


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


def extract_document(document: Document, docs: Iterable, base: ActorBase | None = None,
                     lexicon: Lexicon | None = None) -> Iterator[Evidence]:
    """Evidence from one document, given its parsed paragraphs as (offset, spaCy Doc) pairs."""
    base = base or ActorBase.default()
    lexicon = lexicon or load_lexicon()
    vocabulary = relation_vocabulary()
    ctx = DocumentContext(base=base, date=document.date)
    for offset, doc in docs:
        for sent in doc.sents:
            mentions, pairs, found = extract_sentence(sent, ctx, lexicon)
            ctx.remember(mentions, pairs)
            text = sent.text
            headline = not text.rstrip().endswith((".", "!", "?", "’", "”", "'", '"'))
            for cand, mod in found:
                rel = vocabulary[cand.relation]
                yield Evidence(
                    doc=document.id, sentence=text, start=offset + sent.start_char,
                    end=offset + sent.end_char, date=document.date,
                    source=cand.source.name, source_id=cand.source.id,
                    relation=cand.relation, target=cand.target.name, target_id=cand.target.id,
                    polarity=rel.polarity, weight=rel.weight, predicate=cand.predicate,
                    negated=mod.negated, hedged=mod.hedged, attributed_to=mod.attributed_to,
                    confidence=confidence(cand, mod, headline),
                )
