"""Noun phrases to actors, and the arguments of a trigger: who acts, who receives.

``SentenceReader`` maps a token heading a noun phrase to the actors it stands
for (a mention, a pronoun or description, "the Russian army", "X's
government", "the drills by X and Y"), and finds a verb's agents (subject,
passive agent, control, relative clauses) and the actors in its slots.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphkit.lexicon import Lexicon, lemma_of
from graphkit.mentions import (ARMED_SERVICES, BODY_HEADS_FOR_COUNTRY, ORG_DESCRIPTIONS, SEATED_ONLY, DocumentContext,
                               Mention, intruded_ground, resolve_reference)
from graphkit.modality import RELATIVE_PRONOUNS, clause_head
from graphkit.places import neighbours
from graphkit.types import Actor

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
WAR_EFFORTS = frozenset({"war", "conflict"})
SUMMIT_WORDS = frozenset({"summit", "ministerial"})
CLIMB_DEPS = ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl", "relcl")
MEDIATING_VERBS = {"mediate", "broker", "host", "facilitate", "sponsor", "organize", "organise", "chair",
                   "convene", "moderate", "arrange"}
SPEAKING_FOR = {"spokesman", "spokeswoman", "spokesperson"}  # "a spokesman for X" speaks for X
DRAFTING = {"draft", "sponsor", "propose", "author", "write", "table", "broker", "back", "push", "pen"}
WRITINGS = {"statement", "letter", "communique", "communiqué", "note", "text", "report", "decree", "law"}
AUTHORED = {"resolution", "proposal", "draft", "motion", "bill", "plan", "declaration"}  # "sponsored by X": X wrote it
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
NON_STATE_QUALIFIERS = {"business", "industry", "corporate", "company", "tech", "civil", "opposition",
                        "religious", "tribal", "student", "rebel", "exile", "diaspora", "private", "community"}
BORDER_NOUNS = {"border", "frontier", "boundary"}
PURPOSEFUL_VISITS = {"summon", "meet", "visit", "phone", "telephone"}  # "met Kiir to urge": the visitor urges
SAYINGS = {"claim", "claims"}  # a person's own; a state's territory, policy or war is the state's
MEMBER_NOUNS = {"ally", "member", "partner", "state", "country", "government", "nation"}  # "a NATO ally": one member
GOODS = {"good", "import", "export", "car", "vehicle", "ev", "steel", "aluminium", "aluminum", "textile", "canola",
         "beef", "pork", "seafood", "fish", "wine", "barley", "chip", "semiconductor", "solar", "panel", "battery",
         "shipment", "cargo", "commodity", "produce", "merchandise", "appliance", "pharmaceutical", "drug"}
LOCATED_NOUNS = {"target", "site", "facility", "base", "position", "installation", "territory", "city",
                 "town", "village", "camp", "stronghold", "outpost", "port", "airport", "airfield",
                 "mission", "operation", "presence"}
SEATED_BODIES = {"army", "military", "government", "authority", "administration", "regime", "junta"}
GROUP_NOUNS = {"ally", "neighbour", "neighbor", "capital", "partner", "rival",
               "man", "woman", *ARMED_SERVICES}  # plural, a reference to a group
ROLE_NOUNS = {"ally", "partner", "lifeline", "supplier", "backer", "sponsor", "supporter", "defender", "creditor", "lender",
              "donor", "patron", "protector", "bankroller", "financier", "benefactor"}
BUYER_NOUNS = {"customer", "buyer", "client", "importer", "borrower", "debtor"}  # roles the other way: "India,
# Russia's arms customer", "Venezuela, China's biggest borrower"


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
    reverses_negation: bool = False  # "will never abandon X" is SUPPORT, not a negated event
    denied: bool = False  # the words themselves say it did not happen: "stayed away from the summit"


CREDITING = frozenset({"thank", "praise", "commend", "congratulate", "applaud", "credit", "hail", "laud", "salute",
                       "accuse", "blame", "condemn", "criticise", "criticize", "denounce", "fault", "charge"})
RELATIONAL_NOUNS = frozenset({"neighbour", "neighbor", "rival", "enemy", "adversary", "foe"})
SUBJECT_CONTROL_PREPS = frozenset({"without", "after", "before", "while", "despite", "since", "by", "upon", "on"})
MEANS = frozenset({"phone", "telephone", "video", "videolink", "link", "letter", "email", "mail", "hotline",
                   "teleconference", "videoconference", "satellite", "radio", "post", "text", "message"})


def _by_means(agent) -> bool:
    """'spoke by phone', 'joined by video link': a 'by' phrase naming the means, not a passive's doer."""
    return any(p.dep_ == "pobj" and p.lemma_.lower() in MEANS for p in agent.children)


STANDING_BY = frozenset({"stand", "abide"})  # "stood by Dodik", "abided by the ruling"
SETTINGS = frozenset({"airport", "palace", "residence", "summit", "banquet", "parade", "ceremonies"})  # where a guest is received


def first_conjunct(verb):
    """The conjunct that holds the subject a later one shares: 'backed by the EU and armed by the US' → backed."""
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    return verb


def _parallel_to_ancestor(token, conjunct) -> bool:
    """'Russia for its invasion of Ukraine and North Korea for its program': the conjunct
    'North Korea for …' parallels 'Russia for …' higher up, not 'Ukraine' (a misattached coordination)."""
    own = {c.lower_ for c in token.children if c.dep_ == "prep"}
    higher = {p.lower_ for a in token.ancestors if a.pos_ in ("NOUN", "PROPN")
              for p in a.children if p.dep_ == "prep"}
    return any(c.dep_ == "prep" and c.lower_ in higher and c.lower_ not in own for c in conjunct.children)


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

    def named_groups(self) -> list[list[Actor]]:
        """Actors named together in this sentence: "X and Y", "X, Y and Z", "between X and Y"."""
        groups, used = [], set()
        for m in self.mentions:
            head = self.doc[m.end - 1]
            if head.i in used:
                continue
            members = [head, *head.conjuncts]
            members += [c for t in list(members) for c in t.children if c.dep_ == "appos" and c.i in self.by_token]
            members += [c for t in list(members) for c in t.conjuncts]
            actors = []
            for t in members:
                used.add(t.i)
                n = self.by_token.get(t.i)
                if n is not None and n.actor.id not in {a.id for a in actors}:
                    actors.append(n.actor)
            if len(actors) >= 2:
                groups.append(actors)
        return groups

    # -- noun phrases to actors -------------------------------------------------
    def actors_of(self, token, depth: int = 0) -> list[Actor]:
        """The actors a noun phrase headed by ``token`` stands for (with its conjuncts)."""
        if token.lower_ in RELATIVE_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass") and \
                token.head.dep_ == "ccomp" and token.head.head.dep_ == "relcl" and token.i < token.head.head.i and \
                token.head.head.head.pos_ in ("PROPN", "NOUN") and depth < 3:
            # "the M23, which UN experts say is supported by Rwanda": the noun the saying clause hangs on
            return self.actors_of(token.head.head.head, depth + 1)
        found: list[Actor] = []
        members = [token, *(c for c in token.conjuncts if not _parallel_to_ancestor(token, c))]
        if token.i in self.by_token and self.by_token[token.i].actor.kind == "person":
            # "Kenya's William Ruto and Uganda's Yoweri Museveni", the first name hung on the last as a modifier
            members += [c for c in token.children if c.dep_ in ("nmod", "poss") and c.i in self.by_token
                        and self.by_token[c.i].actor.kind == "person" and self.by_token[c.i].actor.id !=
                        self.by_token[token.i].actor.id and any(x.dep_ == "cc" and x.lower_ == "and" for x in c.children)]
        if token.i in self.by_token:  # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt"
            for child in token.children:
                if child.dep_ == "appos" and child.i in self.by_token and not any(
                        m.lemma_.lower() == "counterpart" and m.right_edge.i + 2 == self.by_token[child.i].start
                        for m in members):  # "X and his counterpart, Y": Y is the counterpart, not a third party
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
        lemma = lemma_of(t)
        following = self.by_token.get(t.i + 1)
        if following is not None and following.actor.kind == "person" and following.start == t.i + 1 and \
                t.lower_ in self.lex.person_role_words | self.lex.leading_roles:
            span = range(following.start, following.end)
            root = next((self.doc[i] for i in span if self.doc[i].head.i not in span), None)
            if root is not None and not any(x.i == root.i for x in t.subtree):
                return []  # "Erdogan and Iraqi Prime Minister Sudani": the title of the name after it, parsed apart
        examples = self.examples(t, depth) if t.pos_ == "NOUN" and t.tag_ == "NNS" else []
        if examples:  # "militant groups such as Hezbollah", "its allies, including the Houthis"
            return examples
        for child in t.subtree:  # "the secretary (of its Security Council), Sergei Shoigu"
            if child.dep_ != "appos" or child.i not in self.by_token or child.i - t.i >= 12:
                continue
            if self.by_token[child.i].actor.kind != "person" or \
                    (child.head.i != t.i and lemma not in self.lex.person_role_words):
                continue
            if child.conjuncts:  # "his counterparts, Ishaq Dar and Amir Khan Muttaqi"
                named = [self.by_token[c.i].actor for c in [child, *child.conjuncts] if c.i in self.by_token]
                if len(named) > 1:
                    return named
            actor = self.by_token[child.i].actor
            if actor.kind == "person" and lemma in self.lex.person_role_words:
                self.ctx.roles.setdefault(actor.id, set()).add(lemma)
            return [actor]
        for child in t.children:  # "its Syrian offshoot, the YPG": the body named beside the description
            if child.dep_ == "appos" and child.i in self.by_token and t.pos_ == "NOUN" and (
                    self.by_token[child.i].actor.kind in ("organization", "group") or (
                        lemma in ROLE_NOUNS | BUYER_NOUNS and t.dep_ == "pobj" and self.doc[child.i - 1].text == ",")):
                return [self.by_token[child.i].actor]  # "condemned by its patron, Iran"
        if lemma in self.lex.person_role_words | self.lex.leading_roles:  # the name after ", " the parser hung
            after = t.right_edge.i + 1  # elsewhere: "X and his Indonesian counterpart, Y, agreed" (Y on X),
            named = self.by_token.get(after + 1) if after < len(self.doc) and self.doc[after].text == "," else None
            if named is not None and named.actor.kind == "person" and named.start == after + 1:  # "received by
                root = self.doc[named.end - 1]  # Brazil's president, Lula da Silva" (Lula on the verb)
                if lemma == "counterpart" or (root.dep_ in ("npadvmod", "appos", "dep")
                                              and root.head.i not in {x.i for x in t.subtree}):
                    return [named.actor]
        if t.lower_ in FIRST_PERSON:  # "‘I want to thank …,’ he told the media": the speaker
            speakers = self._speaker(t, depth)
            if t.lower_ == "our":  # "called Britain 'our closest ally'", "our partnership": the speaker's country
                speakers = list({a.id: a for a in map(self._state_of, speakers)}.values())
            return speakers
        if t.lower_ in ("its", "their") and t.dep_ == "poss":
            bound = self._bound_possessive(t, depth)
            if bound:
                self.indirect = True
                return bound
        named = [m for c in t.children if c.dep_ in ("compound", "amod") and c.i in self.by_token
                 for m in [c, *c.conjuncts] if m.i in self.by_token]  # "Russian and Belarusian forces"
        if lemma in BODY_HEADS_FOR_COUNTRY and t.pos_ == "NOUN" and not named:
            of = self._pobj_actors(t, ("of",), depth)  # "the government of Iraq", "the administration of
            if of:                                    # President Donald Trump": a state's, not a reference
                return list({a.id: a for a in (self._state_of(x) for x in of)}.values())
        if named and t.pos_ == "NOUN" and lemma in BODY_HEADS_FOR_COUNTRY:
            # "the Taliban government", "the Biden administration": the named modifier, not a reference
            return list({a.id: a for c in named for a in [self.ctx.governed(self.by_token[c.i].actor)]}.values())
        if t.pos_ == "PRON" or lemma in lex.state_descriptions or lemma in lex.person_role_words \
                or lemma in ORG_DESCRIPTIONS or lemma in SEATED_ONLY \
                or t.lower_ in ("pair", "duo") or lemma in ("country", "nation", "power", "side", "two") \
                or (lemma in GROUP_NOUNS and t.tag_ == "NNS"):  # "the two allies", "both capitals", "the two men"
            if lemma == "side":  # "either side in the war between Armenia and Azerbaijan"
                holders = [t, t.head.head] if t.dep_ == "pobj" else [t]  # "… to either side in the war": on the verb
                parties = [a for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                           for p in c.children if p.dep_ == "pobj" for b in p.children
                           if b.dep_ == "prep" and b.lower_ == "between"
                           for x in b.children if x.dep_ == "pobj" for a in self.actors_of(x, depth + 1)]
                if len(parties) > 1:
                    return parties
            if lemma == "counterpart" and not any(c.dep_ in ("amod", "compound") and c.i in self.by_token
                                                  for c in t.children):
                # "his counterparts from Samoa and Tonga": their states, not a reference; not "his Australian
                # and Indian counterparts in Washington"
                states = [self._state_of(a) for a in self._pobj_actors(t, ("from", "of", "in"), depth)]
                after = t.right_edge.i + 1  # "from" hung by the parser on the verb
                if not states and after < len(self.doc) and self.doc[after].lower_ == "from" and \
                        self.doc[after].dep_ == "prep" and self.doc[after].head.i == t.head.i:
                    states = [self._state_of(a) for p in self.doc[after].children if p.dep_ == "pobj"
                              for a in self.actors_of(p, depth + 1)]
                if states:
                    return unique_actors(states)
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
        if lemma in SUMMIT_WORDS and t.dep_ in ("nsubj", "nsubjpass"):  # "an Arab League summit endorsed X's plan":
            holders = [a for c in t.children if c.dep_ in ("compound", "nmod") for a in self.actors_of(c, depth + 1)
                       if a.kind == "organization"]  # the organization whose leaders met
            if holders:
                return holders
        if lemma in WAR_EFFORTS and t.dep_ == "pobj" and t.head.lower_ == "for":  # "support for Russia's war":
            owners = [a for c in t.children if c.dep_ == "poss" for a in self.actors_of(c, depth + 1)]  # for Russia
            if owners:
                return owners
        if t.pos_ not in ("NOUN", "PROPN") or lemma in lex.non_actor_heads:
            return []
        if lemma in BORDER_NOUNS:  # "its border with Guyana" is Guyana's side
            beyond = self._pobj_actors(t, ("with",), depth)
            if beyond:
                return beyond
        if lemma in LOCATED_NOUNS and not named:  # "targets in Iran", "its base in Qatar"
            inside = self._pobj_actors(t, ("in", "inside"), depth)
            if inside:
                return inside
        if lemma in ("ally", "partner") and t.tag_ == "NNS":  # "its allies in Seoul and Tokyo"
            named = [a for a in self._pobj_actors(t, ("in",), depth) if a.kind == "country"]
            if named:
                return named
        for child in t.children:
            if child.dep_ == "poss" and child.lower_ == "whose":  # "Russia, whose forces struck ..."
                clause = child.head.head
                while clause.dep_ not in ("relcl",) and clause.head.i != clause.i:
                    clause = clause.head
                if clause.dep_ == "relcl" and clause.head.i in self.by_token and child.head.tag_ != "NNS":
                    return [self.by_token[clause.head.i].actor]  # "X and Y, whose summit …": Y's, the name before
                    # it; not "Mali and Niger, whose juntas …"
                if clause.dep_ == "relcl":
                    return self.actors_of(clause.head, depth + 1)
            if child.dep_ == "poss" and child.pos_ == "PRON" and any(
                    c.dep_ in ("amod", "compound") and c.i in self.by_token for c in t.children):
                continue  # "my Korean friends": the named modifier, not the speaker
            if child.dep_ == "poss" and lemma in RELATIONAL_NOUNS and child.pos_ == "PRON":
                return self._neighbour(t, depth)  # "Russia's invasion of its neighbour": not Russia itself
            if child.dep_ == "poss":
                owners = self.actors_of(child, depth + 1)
                if owners:
                    said = any(c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                   for m in c.children) for c in t.children)
                    said = said or (lemma in SAYINGS and all(a.kind == "person" for a in owners))
                    # "Petro's claim to a river island", "Maduro's claim to have won": what the man claims
                    if (lemma in lex.agent_nouns or lemma in lex.place_nouns) and not said:
                        return [self._state_of(a) for a in owners]
                    return owners  # "Trump's claim that …" is what Trump said
        for c in t.children:  # "a Saudi-led coalition", "the Houthi-held port"
            if c.dep_ == "amod" and c.lower_.split("-")[-1] in ("led", "held", "controlled", "occupied", "run"):
                leaders = [self.by_token[x.i].actor for x in c.subtree if x.i in self.by_token]
                leaders += [self.by_token[c.i - 2].actor] if c.i >= 2 and c.doc[c.i - 1].text == "-" and \
                    c.i - 2 in self.by_token else []
                if leaders:
                    return leaders[:1]
        if lemma in lex.object_classes_of("agreement") or lemma in ("format", "process", "talk", "summit"):
            paired = [x for c in t.children if c.dep_ in ("compound", "amod", "nmod") and c.i in self.by_token
                      for group in [self.hyphen_group(c)] if len(group) > 1 for x in group]
            # "the Russia-Belarus treaty" names its parties; "the Ankara agreement", "the Minsk accords" a venue
            return list({a.id: a for x in paired for a in [self.by_token[x.i].actor]}.values())
        if any(c.lower_ in NON_STATE_QUALIFIERS for c in t.children if c.dep_ in ("compound", "amod")):
            return []  # "U.S. business leaders" are not the United States
        modifiers = [a for c in t.children if c.dep_ in ("compound", "amod", "nmod")
                     for m in [c, *c.conjuncts] if m.i in self.by_token
                     for x in self.hyphen_group(m)  # "the U.S.-Japanese draft"
                     for a in [self.by_token[x.i].actor] if a.kind != "person"]
        if modifiers and lemma in MEMBER_NOUNS and all(a.kind == "organization" for a in modifiers) and any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "another", "every", "each") for c in t.children):
            return []  # "a NATO ally", "an EU member" is one of its members, not the bloc
        if modifiers:
            return list({a.id: a for a in modifiers}.values())
        doers = self._doers(t, depth)  # "the joint drills by the United States and South Korea"
        if doers:
            return doers
        if lex.object_class(lemma) in ("weapons", "troops") and t.dep_ in ("nsubj", "nsubjpass"):
            # "three Russian MiG-31 fighter jets entered …": the doers are the makers' (not so as an object)
            makers = self.makers_of(t)
            if makers:
                return makers
        if lemma in SEATED_BODIES:  # "the army in Mali", "the government in Port Sudan", "the authorities in Kabul"
            seat = self._pobj_actors(t, ("in",), depth) or self.place_actors(t, ("in",))
            if seat:
                return [self._state_of(a) for a in seat]
        if lemma in lex.agent_nouns or lemma in ("negotiator", "delegate", "envoy"):
            # "negotiators from both sides", "a spokeswoman for Russia's foreign ministry"
            origin = self._pobj_actors(t, ("from", "for") if lemma in SPEAKING_FOR else ("from",), depth)
            if origin:
                return origin
        if lemma not in lex.nouns and lemma not in lex.ties_nouns:
            of = self._pobj_actors(t, ("of",), depth)  # "the government of Iran", "assets of Russia's bank"
            if of:
                return of
            if lemma not in lex.agent_nouns:  # "an oil refinery in Russia", "a hospital in Gaza"
                return self._pobj_actors(t, ("in", "inside"), depth)
        return []

    def _neighbour(self, t, depth: int) -> list[Actor]:
        """'accusing its neighbour of …', "Russia's invasion of its neighbour": the latest country named
        before, other than the one whose neighbour it is (the clause's doer or the owner of the act); one that
        borders it (``places.neighbours``) first."""
        verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        doers = list(self.agents(verb, depth + 1) if verb is not None and depth < 2 else [])
        doers += [self.by_token[c.i].actor for n in list(t.ancestors)[:4] if n.pos_ in ("NOUN", "PROPN")
                  for c in n.children if c.dep_ == "poss" and c.i in self.by_token]
        owners = {a.id for a in doers}
        before = [m.actor for m in self.mentions if m.end <= t.i and m.actor.kind == "country" and m.actor.id not in owners]
        states = {x.id for x in map(self.ctx.governed, doers) if x.kind == "country"}
        bordering = [a for a in before if any(a.id in neighbours(s) for s in states)]
        return (bordering or before)[-1:]  # "Russia's invasion of its neighbour", Ukraine named before the US

    def _bound_possessive(self, token, depth: int) -> list[Actor]:
        """'it staged its exercise' → its = the subject; 'support Ukraine in its fight' → the object."""
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return []
        held = token.head if token.head.head.i == verb.i else token.head.head if token.head.head.dep_ == "prep" else None
        if verb.dep_ == "pcomp" and verb.head.lower_ in ("for", "of") and lemma_of(verb.head.head) in CREDITING \
                and held is not None and held.head.i == verb.i and not any(c.lower_ == "own" for c in token.head.children) \
                and lemma_of(verb) not in self.lex.transfer_verbs:  # "blame Muscat for lending the talks its cover"
            # "Armenia thanked France for backing its bid", "Iran accused Israel of attacking its nuclear sites":
            # the thanker's or accuser's, in an argument of the act; not "of expanding its own settlements", nor
            # "of supplying Russia with parts for its war"
            owner = verb.head.head
            found = [a for c in owner.children if c.dep_ == "nsubj" for a in self.actors_of(c, depth + 1)
                     if token.lower_ == "their" or a.kind != "person"]
            if found:
                return found
        inside = {t.i for t in token.head.subtree}
        for dep in ("dobj",) if intruded_ground(token) is not None else ("dobj", "nsubj"):  # not the intruder's
            for arg in verb.children:
                if arg.dep_ == dep and arg.i not in inside and arg.i < token.i and arg.lower_ != token.lower_:
                    plural = token.lower_ == "their"
                    found = [a for a in self.actors_of(arg, depth + 1) if plural or a.kind != "person"]
                    if found and (len(found) > 1 or arg.tag_ == "NNS") == plural:
                        return found  # "Forum leaders ended their summit": a plural noun of one actor too
        if token.lower_ == "their" and verb.dep_ == "xcomp" and depth < 2 and \
                not any(c.dep_ in ("nsubj", "dobj") and c.i not in inside for c in verb.children):
            controllers = self.agents(verb, depth + 1)  # "X, Y and Z plan to answer with their trilateral drill"
            if len(controllers) > 1:
                return controllers
        return []

    def _speaker(self, token, depth: int) -> list[Actor]:
        root = token.sent.root
        reporters = [v for v in [root, *root.conjuncts] if v.lemma_.lower() in self.lex.reporting_verbs]
        subjects = [c for v in reporters for c in v.children
                    if c.dep_ == "nsubj" and c.lower_ not in FIRST_PERSON and c.i != token.i]
        subjects.sort(key=lambda c: (c.i < token.i, c.i))  # the attribution after the quote first
        for subject in subjects:
            found = self.actors_of(subject, depth + 1)
            if found:
                self.indirect = True
                return found
        return []

    def place_actors(self, head, slots: tuple[str, ...]) -> list[Actor]:
        """Countries of the cities in ``head``'s slots ('shelled Kharkiv', 'strikes on Haifa', 'targets in
        Belgorod'): a proper noun the knowledge base does not know as an actor that names a city."""
        from graphkit.places import city_country

        tokens = [c for c in head.children if c.dep_ == "dobj" and "dobj" in slots] + \
            [p for c in head.children if c.dep_ == "prep" and c.lower_ in slots for p in c.children if p.dep_ == "pobj"]
        tokens += [p for t in tokens if t.pos_ == "NOUN" for c in t.children  # "targets in Belgorod"
                   if c.dep_ == "prep" and c.lower_ in ("in", "near") for p in c.children if p.dep_ == "pobj"]
        found: list[Actor] = []
        for token in tokens:
            if token.i in self.by_token or token.pos_ != "PROPN":
                continue  # the small NER often calls a city a person or a facility: a proper noun will do here
            first = token.i
            while first > token.left_edge.i and self.doc[first - 1].dep_ == "compound" and \
                    self.doc[first - 1].pos_ == "PROPN":
                first -= 1
            code = city_country(self.doc[first: token.i + 1].text) or city_country(token.text)
            actor = self.ctx.base.get(code) if code else None
            if actor is not None and actor not in found:
                found.append(actor)
        return found

    def _pobj_actors(self, token, preps: tuple[str, ...], depth: int) -> list[Actor]:
        return [a for c in token.children if c.dep_ == "prep" and c.lower_ in preps
                for p in c.children if p.dep_ == "pobj" for a in self.actors_of(p, depth + 1)]

    def _doers(self, noun, depth: int) -> list[Actor]:
        """'X by Y', 'a resolution drafted by Y': who does or made the thing."""
        found = self._pobj_actors(noun, ("by",), depth)
        if not found and noun.lemma_.lower() in AUTHORED | WRITINGS:  # "a U.S.-drafted resolution", "French-sponsored text"
            found = [a for c in noun.children if c.dep_ == "amod" and c.lemma_.lower() in DRAFTING
                     for x in c.children if x.dep_ in ("npadvmod", "compound", "nmod", "amod") and x.i in self.by_token
                     for a in self.actors_of(x, depth + 1)]
        for child in noun.children:
            if child.dep_ == "acl" and not found and (child.lemma_.lower() not in MEDIATING_VERBS
                                                      or noun.lemma_.lower() in AUTHORED):
                found = [a for c in child.children if c.dep_ == "agent"
                         for p in c.children if p.dep_ == "pobj" for a in self.actors_of(p, depth + 1)]
        return found

    def hyphen_group(self, named) -> list:
        """A named modifier with the actors joined to it by a hyphen, in order: 'US' and 'China' in 'US-China
        talks', 'Russia' and 'North Korea' in 'the Russia-North Korea pact' (parsed as modifiers of the last)."""
        start = self.by_token[named.i].start
        return [*(x for x in named.children if x.dep_ in ("compound", "amod", "nmod") and x.i in self.by_token
                  and self.by_token[x.i].end + 1 == start and self.doc[self.by_token[x.i].end].text == "-"), named]

    def makers_of(self, obj) -> list[Actor]:
        """Actors named before a thing's head: 'Russian Yak-130 jets' → Russia; 'North Korean troops'."""
        return list({self.by_token[t.i].actor.id: self.by_token[t.i].actor for t in obj.subtree
                     if t.i < obj.i and t.i in self.by_token and self.by_token[t.i].actor.kind != "person"}.values())

    def _state_of(self, actor: Actor) -> Actor:
        return self.ctx.state_of(actor) or actor

    def own_side(self, actors: list[Actor]) -> set[Actor]:
        """The actors and the states they act for: what cannot be the other end of their own act."""
        return {x for a in actors for x in (a, self.ctx.state_of(a)) if x is not None}


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
                    out.extend(self.actors_of(verb.head, depth))
                else:
                    out.extend(self.actors_of(s, depth))  # the depth goes on: "its neighbour" asks for agents
            # "Brasilia, together with Bogota, refused …", "France, along with Germany, condemned …",
            # "Germany, like France, condemned …" (set off by commas: not "countries like Iran")
            companions = [w for h in (*subjects, verb) for c in h.children if c.dep_ == "prep" and (
                (c.lower_ == "with" and any(x.lower_ in ("together", "along") for x in c.children)) or
                c.lower_ in ("along", "together") or (c.lower_ == "like" and c.i > 0 and c.nbor(-1).text == ","))
                for w in (c, *c.children) if w.lower_ in ("with", "like")]
            out += [a for w in companions for p in w.children if p.dep_ == "pobj" for a in self.actors_of(p)
                    if a not in out]
            return out
        agent = self.by_agent(verb)
        passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if agent or passive_subjects:
            if not agent and depth > 0:  # control through a passive: "X is expected to meet", "are set to sign"
                return [a for c in passive_subjects for a in self.actors_of(c)]
            return agent
        misparsed = self.misparsed_subject(verb)
        if misparsed is not None:
            return self.actors_of(misparsed, depth)
        head = clause_head(verb, self.lex)
        if head.i == verb.i:
            return []
        if head.i != verb.head.i:
            self.indirect = True  # "X warned that Y would … and urged Z": X urged
            return self.agents(head, depth + 1)
        if verb.dep_ in ("relcl", "acl") and head.dep_ == "attr" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                         for c in verb.children):
            self.indirect = True  # "Moscow became the first capital to recognise X": the copula's subject
            return self.agents(head.head, depth + 1)
        if verb.dep_ == "relcl":
            return self.actors_of(head)
        if verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ == "PROPN" and verb.tag_ in ("VBD", "VBN") and \
                verb.i > 0 and verb.doc[verb.i - 1].text == "," and any(c.dep_ == "relcl" for c in head.children) and \
                not any(c.dep_ in ("agent", "auxpass") for c in verb.children):
            # "Costa Rica, which shelters exiles, protested to Managua": the verb the parser hung on its subject
            return self.actors_of(head)
        if verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ == "NOUN" and verb.tag_ == "VBD" and \
                verb.i > 0 and verb.doc[verb.i - 1].text == "," and any(
                    c.dep_ == "appos" and c.i in self.by_token and c.i < verb.i for c in head.children):
            # "The UN human rights chief, Volker Turk, called on Syria to …": the same, on a title and its name
            return self.actors_of(head)
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
            found = self.actors_of(head)  # "Rubio, visiting Guyana, …", "Russian troops fighting in Ukraine"
            if not found and head.dep_ in ("oprd", "dobj", "attr") and head.head.pos_ in ("VERB", "AUX") and (
                    (verb.i > 0 and verb.doc[verb.i - 1].text == ",") or head.lemma_.lower() in AUTHORED | WRITINGS):
                # "adopted a resolution calling on Tanzania to …": the adopter; "called China an enabler, accusing
                self.indirect = True                                    # Beijing of …" (attached to the noun)
                return self.agents(head.head, depth + 1)
            return found
        named = head.head if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "of" else None
        if named is not None and named.i in self.by_token and named.dep_ == "pobj" and \
                named.head.head.pos_ == "VERB" and depth < 4:
            # "accused Germany before the ICJ of enabling genocide": the "of" hung on the court, not its doer
            accused = [a for c in named.head.head.children if c.dep_ == "dobj" for a in self.actors_of(c)]
            if accused:
                self.indirect = True
                return accused
        # the noun a clause hangs on names its doer: "North Korea's role in supplying", "Trump's decision to …"
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
            owner, owning = head.head, ("poss", "compound", "amod")
        elif verb.dep_ == "acl" and head.lemma_.lower() in self.lex.control_nouns and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            owner, owning = head, ("poss",)
        else:
            owner, owning = None, ()
        found = [a for c in owner.children if c.dep_ in owning for a in self.actors_of(c)] if owner is not None else []
        if found:
            self.indirect = True
            return found
        owner = head.head if verb.dep_ == "pcomp" and head.dep_ == "prep" else head if verb.dep_ == "acl" else None
        controlling = owner is not None and owner.lemma_.lower() in self.lex.control_nouns
        if controlling and owner.dep_ == "pobj" and owner.head.lower_ == "of" and owner.head.head.pos_ == "NOUN":
            owner = owner.head.head  # "signed a letter of intent to buy": the letter's signer
        if controlling and owner.dep_ in ("dobj", "attr") \
                and not any(c.dep_ == "poss" for c in owner.children) and owner.head.pos_ in ("VERB", "AUX"):
            self.indirect = True  # "X has no intention of going to war with Y", "X has no plans to attack Y"
            return self.agents(owner.head, depth + 1)
        if verb.dep_ in ("xcomp", "advcl", "conj", "ccomp", "acomp") or \
                (verb.dep_ == "pcomp" and head.dep_ == "prep"):
            governor = head.head if verb.dep_ == "pcomp" else head
            if governor.pos_ in ("ADV", "ADJ") and governor.dep_ in ("advmod", "acomp") and \
                    governor.head.pos_ in ("VERB", "AUX"):
                governor = governor.head  # "X stopped short of condemning Y", "X fell short of recognising Y"
            if verb.dep_ == "acomp" or head.pos_ == "ADJ":
                governor = head.head if head.pos_ == "ADJ" else head
            # object control: "sent Shoigu to meet", "accused Iran of supplying", "urged X to"
            objects = [c for c in governor.children if c.dep_ in ("dobj",)]
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            if verb.dep_ == "advcl" and (not infinitive or any(c.dep_ == "mark" for c in verb.children)):
                objects = []  # "kept X while asking Y", "struck X, backing Y": the subject's own act
                if verb.tag_ == "VBG" and governor.dep_ == "xcomp" and verb.doc[verb.i - 1].text == ",":
                    governor = governor.head  # "urged X to act, warning X of …": the urging subject warns
            if (verb.dep_ == "advcl" and governor.lemma_.lower() in PURPOSEFUL_VISITS) or (
                    verb.dep_ == "xcomp" and infinitive and governor.lemma_.lower() in PURPOSEFUL_VISITS - {"summon"}):
                objects = []  # "summoned a Chinese diplomat to protest …", "met Kiir to urge …": the summoner protests
            if verb.dep_ == "pcomp" and head.lower_ == "in" and governor.lemma_.lower() == "join" and objects:
                self.indirect = True  # "Merz joined Zelensky in calling on Russia to …": both call
                return unique_actors(self.agents(governor, depth + 1) +
                                     [a for o in objects for a in self.actors_of(o)])
            if verb.dep_ == "pcomp" and head.lower_ in SUBJECT_CONTROL_PREPS:
                objects = []  # "struck Iran without warning X", "met Y after visiting Z": the subject's own act
            for obj in objects:
                actors = self.actors_of(obj)
                if actors and verb.dep_ in ("xcomp", "advcl", "pcomp"):
                    self.indirect = True
                    return actors
            self.indirect = True
            found = self.agents(governor, depth + 1)
            if not found and verb.dep_ == "conj" and governor.dep_ == "ccomp":
                found = self.agents(governor.head, depth + 1)  # "X said the meeting would go ahead and urged Y"
            return found
        return []

    def misparsed_subject(self, verb):
        """'Modi, on a visit to Bhutan, announced …': the parser took the subject for a clause of the verb."""
        return next((c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "PROPN" and c.i < verb.i
                     and c.i in self.by_token and c.i + 1 < len(c.doc) and c.nbor(1).text == ","), None)

    def participle_head(self, verb):
        """The noun a reduced relative clause describes, through conjuncts: "Hamas, funded by Qatar and armed
        by Iran", "Kataib Hezbollah, armed and funded by the Guards"; "The Houthis, trained by Iran, fired":
        the subject of the clause it opens. None when ``verb`` is no such participle."""
        holder = first_conjunct(verb)
        if holder.tag_ not in ("VBN", "JJ") or not holder.lower_.endswith("ed"):
            return None
        if holder.dep_ in ("acl", "amod") and holder.head.i < holder.i:
            return holder.head
        if holder.dep_ == "acomp" and holder.head.lemma_.lower() in ("be", "remain", "become", "get"):
            return next((c for c in holder.head.children if c.dep_ == "nsubj"), None)  # "X is armed and trained by Y"
        if holder.dep_ == "advcl" and not any(c.dep_ in ("mark", "advmod", "nsubj", "nsubjpass", "auxpass")
                                              for c in holder.children):
            return next((c for c in holder.head.children if c.dep_ == "nsubj" and c.i < holder.i), None)
        return None

    def is_passive(self, verb) -> bool:
        """'Y was armed by X', 'weapons supplied by X', 'Hamas, funded by Qatar and armed by Iran'."""
        if verb.lemma_.lower() in STANDING_BY and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return False  # "Orban has stood by Dodik": a phrasal verb the parser reads as a passive agent
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            verb.tag_ == "VBN" and any(c.dep_ == "agent" and not _by_means(c) for c in verb.children)) or (
            self.participle_head(verb) is not None and bool(self.by_agent(verb)))

    def examples(self, noun, depth: int = -1) -> list[Actor]:
        """The actors a plural noun lists as examples: 'militant groups such as Hezbollah', 'its allies,
        including the Houthis'."""
        return [a for c in noun.children if c.dep_ == "prep" and (c.lower_ == "including" or (
            c.lower_ == "as" and any(x.lower_ == "such" for x in c.children)))
            for p in c.children if p.dep_ == "pobj" for a in self.actors_of(p, depth + 1)]

    def by_agent(self, verb) -> list[Actor]:
        for c in verb.children:
            if c.dep_ == "agent" and not _by_means(c):  # "by Hezbollah and by its patron, Iran": both
                return [a for b in [c, *(x for x in c.children if x.dep_ == "conj" and x.lower_ == "by")]
                        for p in b.children if p.dep_ == "pobj" for a in self.actors_of(p)]
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        if passive:  # "was received at the ceremony by Pena": the parser hangs the agent on the setting
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in ("at", "in", "during"):
                    for setting in (p for p in c.children if p.dep_ == "pobj"
                                    and p.lemma_.lower() in self.lex.hosted_gatherings | SETTINGS):
                        for by in (x for x in setting.children if x.dep_ == "prep" and x.lower_ == "by"):
                            return [a for p in by.children if p.dep_ == "pobj" for a in self.actors_of(p)]
        if passive or verb.dep_ in ("acl", "amod", "advcl", "acomp"):
            for other in verb.conjuncts:  # "armed and funded by Iran": the agent of the last conjunct
                if other.i > verb.i and other.tag_ == "VBN" and not any(
                        c.dep_ in ("nsubj", "nsubjpass") for c in other.children):
                    return self.by_agent(other)
        return []

    def is_goods(self, token) -> bool:
        """'cars', 'steel', 'imports', 'Chinese goods': things traded (tariffs and bans fall on their makers)."""
        lemma = token.lemma_.lower()
        return lemma in self.lex.commodities or lemma in GOODS

    def slot_actors(self, head, slot: str) -> list[Actor]:
        """Actors standing in ``slot`` of ``head``: dobj, dative, or a preposition ('with', 'call on')."""
        out: list[Actor] = []
        if slot == "dobj":
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if not objects and head.pos_ in ("VERB", "AUX"):  # "attacked and occupied Crimea"
                objects = [c for v in head.conjuncts if v.i > head.i and not any(
                    x.dep_ in ("nsubj", "nsubjpass") for x in v.children) for c in v.children if c.dep_ == "dobj"]
            # "accused Japan and NATO of …": the second object parsed as a conjunct of the verb
            objects += [c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i in self.by_token
                        and objects and c.i > objects[-1].i and not any(x.dep_ in ("nsubj", "nsubjpass")
                                                                          for x in c.children)]
            for c in objects:
                if c.lower_ in ("which", "whom", "who", "that") and head.dep_ == "relcl" and c.i < head.i and \
                        head.head.dep_ != "pobj":  # "Kyiv, which Washington supports": the noun the clause is on
                    out.extend(self.actors_of(head.head))  # (not "sanctions on Iran, which Russia condemned")
                    continue
                out.extend(self.actors_of(c))
            return out
        if slot == "dative":
            for c in head.children:
                if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                    out.extend(self.actors_of(c))
            return out
        prep = slot.split()[-1]  # "call on": the particle is the preposition
        for c in head.children:
            if (c.dep_ in ("prep", "dative", "prt") or (c.dep_ == "agent" and head.lemma_.lower() in STANDING_BY)) \
                    and c.lower_ == prep:  # "stood by Dodik" parsed with an agent
                objects = [p for p in c.children if p.dep_ == "pobj"]
                if not objects:  # "called on President X to …", parsed with X as the verb's object
                    objects = [d for d in head.children if d.dep_ == "dobj" and d.i > c.i]
                for p in objects:  # "Putin, with whom he spoke": the relative pronoun stands for the noun
                    relative = p.lower_ in ("whom", "which") and head.dep_ == "relcl" and c.i < head.i
                    found = self.actors_of(head.head if relative else p)
                    if relative and not found and head.head.i < c.i:  # "turned to China, from which it has received
                        # drones", "ties with China, from which …": the clause hung above the actor it is on
                        found = next((self.actors_of(t) for t in reversed(self.doc[head.head.i: c.i])
                                      if t.i in self.by_token), [])
                    if not found and prep in ("on", "against") and (self.is_goods(p) or p.pos_ == "NOUN"):
                        # "tariffs on cars from China", "duties on brandy from the EU"
                        found = [a for x in [*p.children, *(x for x in head.children if x.i > p.i)]  # or on the verb
                                 if x.dep_ == "prep" and x.lower_ == "from"
                                 for o in x.children if o.dep_ == "pobj" for a in self.actors_of(o)]
                    out.extend(found)
        if not out and head.pos_ == "VERB" and prep in ("with", "from") and not any(
                c.dep_ == "prep" and c.lower_ == prep for c in head.children):
            # "discussed the trip with Fidan", "demanded explanations from Belgrade": the parser hangs the
            # verb's preposition on its object (not on a relation noun, which reads its own)
            for d in head.children:
                if d.dep_ == "dobj" and d.i not in self.by_token and not any(
                        prep in preps for _, preps in self.lex.nouns.get(d.lemma_.lower(), ())):
                    out += [a for c in d.children if c.dep_ == "prep" and c.lower_ == prep
                            for p in c.children if p.dep_ == "pobj" for a in self.actors_of(p)]
        return out


def unique_actors(actors: list[Actor]) -> list[Actor]:
    """The actors in order, each once (by id)."""
    return list({a.id: a for a in actors}.values())
