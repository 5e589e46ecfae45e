"""Actor mentions in a parsed sentence, and the document context that resolves references.

A mention ties tokens to a canonical Actor: a gazetteer or NER entity, a
demonym, a noun phrase that stands for a state ("the Russian army", "North
Korea's government"), a pronoun or definite description ("it", "the two
countries", "the regime", "the secretary") resolved against the actors named
in the same or the previous sentence (SCHEMA.md, annotation conventions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace


from graphkit.actors import ActorBase, fold, form_key, make_actor
from graphkit.lexicon import Lexicon
from graphkit.modality import VISIT_NOUNS
from graphkit.nlp import HYPHENS
from graphkit.types import Actor

POSSESSIVE = re.compile(r"(?:['’]s?)$")
TITLE_WORDS = {"king", "queen", "prince", "princess", "sheikh", "emir", "sultan", "president", "pope", "general", "gen",
               "crown", "prime", "minister", "mr", "mrs", "ms", "dr", "sir", "lord", "marshal", "ayatollah"}
WORD_CAPITALS = {"Male"}  # capitals spelled like an English word (matched with a capital letter only)
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
# NER labels whose unknown entities may become actors of their own
NEW_ACTOR_LABELS = {"PERSON", "ORG"}
ORG_DESCRIPTIONS = {"alliance", "bloc", "organization", "organisation", "union", "grouping", "body", "club",
                    "coalition", "group", "community", "rebel", "militia", "insurgent", "militant", "paramilitary",
                    "faction"}
INSTITUTION_NAME = re.compile(r"\b(Court|Council|Union|Organi[sz]ation|Agency|Bank|Fund|Nations|Commission|Community|"
                              r"Forum|Assembly|Parliament|Treaty|Cooperation|Association|Group of|G\d+|BRICS|OPEC)\b")
ARMED_DESCRIPTIONS = {"rebel", "militia", "insurgent", "militant", "paramilitary", "faction"}
AMBIGUOUS_DEMONYMS = {"Korean": ("PRK", "KOR"), "Koreans": ("PRK", "KOR"), "Congolese": ("COD", "COG")}
# the reading when neither side was named: "Congolese", like "Congo" in the actor base, is the DRC
DEMONYM_DEFAULTS = {"Congolese": "COD"}
RULING_BODIES = {"junta", "regime", "government", "administration", "authorities", "leadership", "authority", "ministry"}
ARMED_SERVICES = {"military", "army", "navy"}  # "the two militaries train together"
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2, "either": 2}
PRONOUNS_STATE = {"it", "its", "itself"}
REPORT_NOUNS = {"report", "claim", "allegation", "accusation", "charge", "rumour", "rumor", "story", "article"}
PRONOUNS_PLURAL = {"they", "their", "them", "themselves", "theirs"}
PRONOUNS_PERSON = {"he", "his", "him", "himself", "she", "her", "hers", "herself"}
NOT_NEW_ACTORS = {"telegram", "twitter", "x", "facebook", "reuters", "ap", "afp", "bbc", "cnn", "state", "government"}
PROJECT_HEADS = {"road", "corridor", "railway", "railroad", "pipeline", "project", "programme", "program", "dam",
                 "bridge", "canal", "highway", "port", "terminal", "plant", "mine"}
# heads that make a capitalized chain a named body ("UN Multilateral Sanctions Monitoring Committee")
ORG_HEADS = {"council", "committee", "commission", "agency", "ministry", "staff", "guard", "guards", "corps",
             "party", "team", "office", "service", "court", "bureau", "authority", "forces", "command",
             "directorate", "assembly", "parliament", "congress", "senate", "cabinet", "board", "panel",
             "mission", "group", "organization", "organisation", "institute", "center", "centre", "front",
             "army", "navy", "police", "network", "union", "movement", "brigade", "brigades", "militia", "cartel"}
TITLE_HEADS = {"minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "chief", "adviser", "advisor",
               "envoy", "ambassador", "commander", "director", "chairman", "chairwoman", "head", "undersecretary"}
PERSON_TITLES = TITLE_HEADS | {"president", "leader"}  # a word that makes the name after it a person's
# lower-case parts of people's names ("Basim al-Awadi", "Ursula von der Leyen")
NAME_PARTICLES = {"al", "el", "bin", "bint", "ibn", "abu", "de", "da", "di", "del", "der", "van", "von", "la", "le",
                  "du", "ben", "ould", "ag", "dos", "das"}
BODY_HEADS_FOR_COUNTRY = {"government", "ministry", "army", "military", "navy", "parliament", "forces",
                          "junta", "cabinet", "administration", "presidency", "force", "congress", "senate",
                          "legislature"}


@dataclass(frozen=True)
class Mention:
    """Tokens ``start``..``end`` (exclusive, document token indices) that name ``actor``."""

    start: int
    end: int
    actor: Actor
    text: str
    via: str = "entity"  # entity | demonym | body | coref | role
    subject: bool = False  # the mention heads a clause subject
    sentence: int = 0  # the sentence's number in the document
    depth: int = 0  # how deep its head sits in the parse (0: the root's own dependents)


@dataclass
class DocumentContext:
    """What a document has said so far: mentions by sentence, people's roles, surnames."""

    base: ActorBase
    date: str | None = None
    history: list[list[Mention]] = field(default_factory=list)
    roles: dict[str, set[str]] = field(default_factory=dict)
    surnames: dict[str, Actor] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    # actors named together ("X and Y", "X, Y and Z"): (sentence number, actors)
    groups: list[tuple[int, list[Actor]]] = field(default_factory=list)
    # person id → the country their title says they act for ("Iran's top security official, X")
    affiliations: dict[str, str] = field(default_factory=dict)
    # hedged claims of the previous sentence, for "X denied these accusations"
    claims: list = field(default_factory=list)
    # relations the previous sentence asserted, for "Y condemned the strike" after "X struck Y"
    events: list = field(default_factory=list)
    # person id → the full name as this document first spells it ("George Gerapetritis" for Giorgos)
    spellings: dict[str, str] = field(default_factory=dict)
    # actor id → how often the document has named it so far (people count for their state)
    named: dict[str, int] = field(default_factory=dict)

    def new_story(self) -> None:
        """Forget what pronouns and descriptions may refer to (names, roles and spellings stay known)."""
        self.history, self.groups, self.claims, self.events, self.named = [], [], [], [], {}

    def remember(self, mentions: list[Mention], groups: list[list[Actor]] = ()) -> None:
        number = len(self.history)
        self.groups.extend((number, group) for group in groups)
        self.history.append(mentions)
        for m in mentions:
            self.actors.setdefault(m.actor.id, m.actor)
            state = self.state_of(m.actor)
            if state is not None:
                self.named[state.id] = self.named.get(state.id, 0) + 1
            if m.actor.kind == "person" and m.via == "entity":
                parts = m.actor.name.replace("-", " ").split()
                if len(parts) > 1:
                    self.surnames[parts[-1].lower()] = m.actor
                    self.surnames[parts[0].lower()] = m.actor
            if m.via == "entity" and m.actor.kind != "country" and m.actor.id not in self.spellings:
                spelled = _spelling(m)
                if spelled and not self.base.stands_in(m.actor.id, spelled):
                    self.spellings[m.actor.id] = spelled

    def governed(self, actor: Actor) -> Actor:
        """Whose government 'the X government' is: a person's state, or the country a ruling group or a
        state organ is of ('the Taliban government' is Afghanistan's; 'the Southern Theater Command' China's)."""
        if actor.kind in ("organization", "group") and actor.affiliation:
            country = self.base.get(actor.affiliation)
            return country if country is not None and country.kind == "country" else actor
        return self.state_of(actor) or actor

    def state_of(self, actor: Actor) -> Actor | None:
        """The state a person acts for (None if the knowledge base lacks it); any other actor itself."""
        if actor.kind == "person" and actor.affiliation:
            return self.base.get(actor.affiliation)
        return actor

    def acts_for(self, person: Actor, state: Actor) -> bool:
        """A person and the country they act for (from the knowledge base or their title in this document)."""
        return person.kind == "person" and state.id in (person.affiliation, self.affiliations.get(person.id))

    def name(self, actor: Actor) -> str:
        """How this document names ``actor``: a person's full name as first spelled here, else the canonical name."""
        return self.spellings.get(actor.id, actor.name)

    def window(self, current: list[Mention]) -> list[Mention]:
        """Mentions of the previous sentence, then the current one, in order."""
        previous = self.history[-1] if self.history else []
        return [m for m in previous if m.via != "coref"] + [m for m in current if m.via != "coref"]


def _bare_surname(word: str) -> str:
    return re.sub(r"^(?:al|el|ul)[-‐]", "", fold(word).lower())


def _spelling(mention: Mention) -> str | None:
    """The name a mention spells out in full for a person or body, if it is one of the actor's own
    names ("George Gerapetritis" for Giorgos, "UN Multilateral Sanctions Monitoring Committee" for
    the Team); never a titled or dotted form, and a body known by an acronym keeps it."""
    actor = mention.actor
    text = " ".join(mention.text.split())
    text = POSSESSIVE.sub("", text[4:] if text[:4].lower() == "the " else text)
    words = text.split()
    if not words or "." in text or words[0].lower() in TITLE_WORDS:
        return None
    if len(words) < len(actor.name.split()):
        return None  # "Tayyip Erdogan": a shorter form, not another spelling of the name
    if fold(form_key(text)).lower() not in {fold(form_key(n)).lower() for n in (actor.name, *actor.aliases)} and not (
            actor.kind == "person" and _bare_surname(words[-1]) == _bare_surname(actor.name.split()[-1])):
        return None  # neither one of its names nor the full name around its surname ("Abdel Fattah al-Sisi")
    if actor.kind != "person" and len(actor.name.split()) < 2:
        return None  # "IAEA", "NATO": the name the field uses
    links = NAME_PARTICLES if actor.kind == "person" else NAME_PARTICLES | {"of", "the", "for", "and", "on", "in"}
    full = len(words) > 1 and all(w[0].isupper() or w.lower() in links or w.lower().split("-")[0] in links
                                  for w in words)  # "al-Sisi"
    return fold(text) if full else None


# capitalised titles before a surname that are not in the role table ("Admiral Cooper", "Senator Rubio")
NAME_TITLES = TITLE_WORDS | {"admiral", "senator", "chancellor", "secretary", "ambassador", "envoy", "commander",
                             "governor", "mayor", "speaker", "colonel", "lieutenant", "captain", "major", "justice",
                             "chairman", "chairwoman", "premier", "vice", "deputy", "spokesman", "spokeswoman",
                             "director", "chief", "representative", "congressman", "congresswoman", "sen", "rep",
                             "adm", "col", "lt", "capt", "gov", "sec", "field", "air", "rear"}


CALENDAR_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                  "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                  "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _another_first_name(ent, actor: Actor, base: ActorBase) -> bool:
    """A bare surname the knowledge base knows, right after a capitalised name word that is none of the known
    person's names ("Admiral Brad Cooper", not Yvette Cooper): someone else of that surname."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    if before.pos_ != "PROPN" or not before.text[:1].isupper() or before.text.endswith(".") or before.ent_id_ or \
            before.ent_type_ not in ("", "PERSON") or len(before.text) < 2:
        return False
    word = before.lower_
    if word in CALENDAR_WORDS:  # "In May Petro went to Beijing"
        return False
    names = {fold(w).lower() for n in (actor.name, *actor.aliases) for w in n.replace("-", " ").split()}
    return word not in NAME_TITLES and fold(word) not in names and base.role(before.text) is None


def entity_actor(ent, ctx: DocumentContext, here: set[str] = frozenset()) -> tuple[Actor, str] | None:
    """The actor an entity span names, or None."""
    base = ctx.base
    text = ent.text.strip()
    if text in WORD_CAPITALS and ent.start == ent.sent.start and ent.end < len(ent.doc) and \
            ent.doc[ent.end].is_lower:
        return None  # "Male officers said …" opening a sentence: the word, not the Maldives' capital
    if ent.ent_id_:
        actor = base.get(ent.ent_id_)
        if actor is not None and actor.kind == "person" and len(ent) == 1 and _another_first_name(ent, actor, base):
            return None  # "Admiral Brad Cooper" is not Yvette Cooper
        if actor is not None:
            return actor, ("demonym" if ent.label_ == "NORP" and actor.kind == "country" else "entity")
    if ent.label_ not in ACTOR_LABELS:
        return None
    actor = base.resolve(text, date=ctx.date)
    if actor is not None:
        return actor, "entity"
    if ent.label_ == "NORP":
        actor = base.demonym(text)
        if actor is None and text in AMBIGUOUS_DEMONYMS:  # "Korean" after only North Korea was named
            named = [i for i in AMBIGUOUS_DEMONYMS[text] if i in ctx.actors or i in here]
            if not named and text in DEMONYM_DEFAULTS:
                named = [DEMONYM_DEFAULTS[text]]
            actor = base.get(named[0]) if len(named) == 1 else None
        return (actor, "demonym") if actor else None
    words = text.replace("’s", "").replace("'s", "").split()
    if len(words) == 1 and words[0][:1].isupper():  # a surname: "Putin"; "Kim" after "Kim Jong Un"
        if words[0].lower() in ctx.surnames:
            return ctx.surnames[words[0].lower()], "entity"
        people = base.surname_index().get(words[0], [])
        seen = [p for p in people if p.id in ctx.actors]
        if len(seen) == 1 or len(people) == 1:
            return (seen or people)[0], "entity"
        if ent.label_ == "PERSON" or people:
            return None  # a surname several people bear is nobody new ("Haftar" the NER calls a body)
    if ent.label_ in NEW_ACTOR_LABELS and _plausible_new_actor(ent):
        name = text[4:] if text.lower().startswith("the ") else text
        if base.role(name) is not None:
            return None  # "Secretary of State", "Foreign Secretary": a title, not a body
        from graphkit.places import city_country

        if city_country(name):
            return None  # "Khan Younis", "Kryvyi Rih": a city the NER took for a body; see places
        label = ent.label_
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if label == "ORG" and before is not None and before.lower_ in PERSON_TITLES and \
                len(name.split()) in (2, 3) and all(w[:1].isupper() for w in name.split()):
            label = "PERSON"  # "adviser Celso Amorim", "interior minister Diosdado Cabello": a titled name
        return make_actor(name, label), "entity"
    return None


# heads of state organs named with their country: "China's Southern Theater Command", "Russia's Foreign
# Intelligence Service", "the Philippine National Security Council" act for the country (SCHEMA: a ministry or
# an army is the country itself)
STATE_ORGANS = {"ministry", "department", "office", "command", "fleet", "guard", "corps", "service", "agency",
                "council", "directorate", "bureau", "committee", "staff"}

# the words of a body's name that do not say whose it is ("the Foreign Ministry", "the Supreme Court")
GENERIC_BODY_WORDS = BODY_HEADS_FOR_COUNTRY | STATE_ORGANS | {
    "foreign", "defence", "defense", "interior", "finance", "trade", "economy", "justice", "home", "assembly",
    "national", "air", "commission", "security", "state", "affairs", "external", "house", "court", "supreme",
    "constitutional", "coast", "general", "staff", "high", "joint", "chiefs"}

# what a state's "its" owns that others enter, violate or strike: never the intruder's own
OWN_GROUND = {"airspace", "territory", "waters", "water", "border", "zone", "soil", "sovereignty", "coast", "frontier"}
INTRUDING = {"enter", "violate", "breach", "cross", "penetrate", "intrude", "invade", "strike", "attack", "hit",
             "shell", "buzz", "fly", "sail"}


def intruded_ground(token):
    """The verb when "its" owns ground that verb's subject intrudes on ("Russian jets entered its airspace",
    "drones crossed into its territory"), else None: then "its" is not the subject's."""
    owned = token.head
    while owned.dep_ == "compound" and owned.head is not owned:  # "its air defence identification zone"
        owned = owned.head
    if owned.lemma_.lower() not in OWN_GROUND:
        return None
    verb = owned.head if owned.dep_ == "dobj" else owned.head.head if owned.dep_ == "pobj" else None
    return verb if verb is not None and verb.lemma_.lower() in INTRUDING else None

VESSEL_NOUNS = {"carrier", "tanker", "vessel", "ship", "freighter", "destroyer", "frigate", "submarine", "warship",
                "ferry", "trawler", "boat", "yacht", "corvette", "cruiser", "aircraft"}


VENUE_WORDS = {"museum", "palace", "hall", "hotel", "stadium", "airport", "gallery", "centre", "center", "square",
               "cathedral", "library", "theatre", "theater", "park", "bridge", "tower", "castle", "gardens", "mosque",
               "church", "temple", "arena", "resort", "estate", "lodge", "villa", "manor", "abbey"}


def _plausible_new_actor(ent) -> bool:
    """An unknown name may be an actor unless it looks like a weapon, a product or a platform."""
    text = ent.text.strip()
    if text.lower() in NOT_NEW_ACTORS or len(text) < 2 or any(ch.isdigit() for ch in text):
        return False
    if "," in text:
        return False  # "Fordow, Natanz": a list the NER took for one name
    root = ent.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":  # "Iskander-M missile systems"
        return False
    if root.dep_ == "compound" and root.head.lower_ in TITLE_HEADS:  # "Deputy Defence Minister X": a title
        return False
    if root.lemma_.lower() in BODY_HEADS_FOR_COUNTRY | STATE_ORGANS and any(
            c.ent_type_ in ("GPE", "NORP") for c in root.subtree if c.i < root.i):
        return False  # "North Korea's Foreign Ministry", "the Russian Defence Ministry" act for their country
    words = {t.lower_ for t in ent if not t.is_punct and t.lower_ not in ("the", "of", "'s", "’s")}
    if words and words <= GENERIC_BODY_WORDS:  # "the Foreign Ministry", "the Senate", "the Commission": whose?
        return False
    if root.lower_ in VENUE_WORDS:
        return False  # "the Victoria and Albert Museum", "Lancaster House", "Akasaka Palace": where, not who
    if ent[-1].lower_ in PROJECT_HEADS:
        return False  # "the Development Road", "the Lobito Corridor", "the Renaissance Dam": a project, not who
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and (before.lemma_.lower() in VESSEL_NOUNS or before.lower_ in ("a", "an")):
        return False  # "the bulk carrier Eternity C", "a Typhon": a ship or a weapon, not an actor
    content = [t for t in ent if not t.is_punct and t.lower_ not in ("the", "of", "and", "'s", "’s")
               and not (ent.label_ == "PERSON" and t.lower_ in NAME_PARTICLES and t.i > ent.start)]
    return bool(content) and all(t.text[:1].isupper() or t.like_num for t in content)


# "MOSCOW, June 19 (Reuters) -", "CUCUTA, Colombia, Jan 24, 2025 (AFP) -": a place, maybe its country, a date
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'/-]+,(?:\s+[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?,)?\s+[A-Z][a-z]{2,}\.?\s+\d{1,2}"
                      r"(?:,\s+\d{4})?\s*(?:\([^)]{1,40}\))?\s*[-–—]")
# "RABAT — ", "PORT-AU-PRINCE – ", "JEDDAH, Saudi Arabia (AP) — ", "WASHINGTON - ": a place in capitals and a dash, no date
DASH_DATELINE = re.compile(r"^\s*[A-Z][A-Z'.]{2,}(?:[ /-][A-Z][A-Z'.]+){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?"
                           r"\s*(?:\([^)]{1,40}\)\s*)?(?:[—–]\s*|\s-\s+)(?=\S)")


LINE_ENDS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines ends a line


def dateline_length(text: str) -> int:
    """Characters a wire dateline takes at the start of a paragraph ("MOSCOW, June 19 (Reuters) -",
    "RABAT —"), with the spaces after it; 0 when there is none."""
    match = DATELINE.match(text) or DASH_DATELINE.match(text)
    if match is None:
        return 0
    end = match.end()
    while end < len(text) and text[end] in " \t":
        end += 1
    return end


def dateline_end(doc) -> int:
    """Characters taken by a wire dateline at the start of a parsed paragraph."""
    return dateline_length(doc.text)


def _whole_name(ent):
    """'Hassan Sheikh' + 'Mohamud': a person's name the NER cut short, up to its proper-noun head;
    'Revolutionary Armed Forces of' + 'Colombia': a body's name cut at its joining word."""
    doc, end = ent.doc, ent.end
    if ent.label_ == "ORG" and ent[-1].lower_ in ("of", "for", "and") and end < len(doc) and doc[end].ent_type_:
        while end < len(doc) and doc[end].ent_type_ and (end == ent.end or doc[end].ent_iob_ == "I"):
            end += 1
        return type(ent)(doc, ent.start, end, label=ent.label_)
    if ent.label_ != "PERSON":
        return ent
    if len(ent) > 2 and end < len(doc) and ent[-1].text in HYPHENS and not ent[-1].whitespace_ and \
            doc[end].pos_ == "PROPN":  # (not a bare "al-", whose surname stands alone)
        end += 1  # "Qassim al-" + "Araji": the NER split the name at its article
    while end < len(doc):
        if end + 1 < len(doc) and doc[end].text in HYPHENS and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].pos_ == "PROPN" and doc[end - 1].head.i > end:
            end += 2  # "Yunus-Bek Yevkurov": the NER stopped at the hyphen
        elif doc[end].pos_ == "PROPN" and doc[end - 1].dep_ == "compound" \
                and doc[end - 1].head.i >= end and doc[end].ent_type_ in ("", "PERSON"):
            end += 1
        else:
            break
    return ent if end == ent.end else type(ent)(doc, ent.start, end, label=ent.label_)


def sentence_mentions(sent, ctx: DocumentContext) -> list[Mention]:
    """Entity mentions of a sentence, with bodies folded into their names (a dateline names no actor)."""
    mentions = []
    doc = sent.doc
    skip_until = dateline_end(doc) if sent.start == 0 else 0
    here = {e.ent_id_ for e in sent.ents if e.ent_id_}
    covered: set[int] = set()
    ents = list(sent.ents)
    for ent, following in zip(ents, ents[1:]):
        if ent.label_ == "ORG" and not ent.ent_id_ and following.ent_id_ and following.start == ent.end \
                and all(t.head.i >= ent.start and t.head.i < following.end for t in ent):
            covered.update(range(ent.start, ent.end))  # "Peace and" + "Security Council": one name
    for ent in ents:
        if ent.start_char < skip_until or ent.start in covered:
            continue
        ent = _whole_name(ent)
        covered.update(range(ent.start, ent.end))
        if ent.end + 1 < len(doc) and doc[ent.end].text in ("-", "‑") and \
                doc[ent.end + 1].lower_ in ("flagged", "registered", "flag"):
            continue  # "the Liberian-flagged carrier": a ship's registry, not an actor in the story
        if ent.start >= 2 and doc[ent.start - 1].text in ("-", "‑") and doc[ent.start - 2].lower_ == "non":
            continue  # "a major non-NATO ally", "non-EU states"
        if any(m.start <= ent.start and ent.end <= m.end for m in mentions):
            continue  # "the Pakistani Foreign Office", already read as Pakistan's body
        found = entity_actor(ent, ctx, here)
        if found is None or (found[1] == "demonym" and _demonym_of_outsiders(ent)):
            continue
        actor, via = found
        owner = _possessing_state(ent, mentions, ctx) if actor.kind == "country" else None
        if owner is not None and owner.id != actor.id:
            actor = owner  # "Pakistan's Foreign Office": Pakistan's, though Britain's bears the name
        mention = _mention(doc, ent.start, ent.end, actor, ent.text, via, len(ctx.history))
        mentions.append(_extend_to_body(mention, sent, ctx) or _named_before(mention, sent, ctx) or mention)
    taken = covered | {i for m in mentions for i in range(m.start, m.end)}
    mentions += _known_names_missed(sent, ctx, taken, skip_until)
    mentions += _halves(sent, ctx, {i for m in mentions for i in range(m.start, m.end)}, here)
    mentions.sort(key=lambda m: m.start)
    mentions = _shared_seats(mentions, ctx)
    return [m for m in mentions if not _title_of_next(m, mentions, doc)]


# people who act against or outside their state: "Syrian rebels", "Iraqi militias", "Russian dissidents"
OUTSIDERS = frozenset({"rebel", "insurgent", "militant", "separatist", "opposition", "dissident", "exile", "defector",
                       "guerrilla", "guerilla", "jihadist", "militia", "opponent", "émigré", "emigre"})


def _demonym_of_outsiders(ent) -> bool:
    """'Congolese' in 'backs Congolese rebels': the demonym names the rebels' country, not an actor that the
    relation reaches (nor 'the Syrian and Iraqi militias')."""
    token = ent[-1]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in OUTSIDERS


SHARED_SEATS = {"brussels": ("EU", "BEL")}  # a seat of a bloc that is also a state's capital


def _shared_seats(mentions: list[Mention], ctx: DocumentContext) -> list[Mention]:
    """'Rwanda severed relations with Belgium, accusing Brussels of …': the capital of the state in view, not
    the bloc seated there, when the state is named here or just before and the bloc is not."""
    out = []
    for m in mentions:
        bloc, state = SHARED_SEATS.get(m.text.lower(), (None, None))
        if bloc is not None and m.actor.id == bloc:
            near = [x.actor.id for x in mentions if x is not m] + \
                [x.actor.id for past in ctx.history[-1:] for x in past]
            if state in near and bloc not in near and ctx.base.get(state) is not None:
                m = replace(m, actor=ctx.base.get(state))
        out.append(m)
    return out


TITLE_CHAIN_WORDS = TITLE_HEADS | {"prime", "president", "vice", "deputy", "foreign", "defence", "defense", "interior",
                             "finance", "crown", "prince", "king", "queen", "emir", "leader", "general", "state"}


def _title_of_next(mention: Mention, mentions: list[Mention], doc) -> bool:
    """'Cook Islands Prime Minister Mark Brown' parsed with the country as a subject of its own: the country
    only titles the person named next, so it is no actor of the clause."""
    if mention.actor.kind != "country":
        return False
    person = next((m for m in mentions if m.start >= mention.end), None)
    if person is None or person.actor.kind != "person" or person.start == mention.end:
        return False
    between = doc[mention.end:person.start]
    if not all(t.lower_ in TITLE_CHAIN_WORDS for t in between) or not any(t.lower_ in PERSON_TITLES for t in between):
        return False
    head = doc[mention.end - 1]
    return head.head.i < mention.start or head.head.i >= person.end or head.dep_ in ("nsubj", "npadvmod", "appos")


def _known_names_missed(sent, ctx: DocumentContext, taken: set[int], skip_until: int) -> list[Mention]:
    """People the document has already named whom the statistical NER misses here: "Celso Amorim" tagged
    once, then not in "Cabello accused Celso Amorim of meddling"."""
    found, doc, number = [], sent.doc, len(ctx.history)
    i = sent.start
    while i < sent.end:
        t = doc[i]
        if i in taken or t.idx < skip_until or t.pos_ != "PROPN" or t.ent_type_ or t.lower_ not in ctx.surnames:
            i += 1
            continue
        end = i + 1
        while end < sent.end and end not in taken and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ and \
                ctx.surnames.get(doc[end].lower_) is ctx.surnames[t.lower_]:
            end += 1
        actor = ctx.surnames[doc[end - 1].lower_]
        found.append(_mention(doc, i, end, actor, doc[i:end].text, "entity", number))
        i = end
    return found


HALVES = {"north": "PRK", "south": "KOR"}  # "the North", "the South" in a story about the two Koreas


def _halves(sent, ctx: DocumentContext, taken: set[int], here: set[str]) -> list[Mention]:
    """'urged the North to resume talks': North Korea, once the story (or the sentence) has named it, and so
    'the South' for South Korea; not 'the North Atlantic', 'the South China Sea'."""
    found, doc, number = [], sent.doc, len(ctx.history)
    for t in sent:
        actor_id = HALVES.get(t.lower_)
        if actor_id is None or t.i in taken or not t.text[:1].isupper() or t.i == sent.start or \
                doc[t.i - 1].lower_ != "the" or (t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper()) or \
                (actor_id not in ctx.actors and actor_id not in here):
            continue
        actor = ctx.base.get(actor_id)
        if actor is not None:
            found.append(_mention(doc, t.i, t.i + 1, actor, t.text, "entity", number))
    return found


def _named_before(mention: Mention, sent, ctx: DocumentContext) -> Mention | None:
    """'the African Union's Peace and Security Council' is not the UN Security Council: capitalized
    words before an organization's name that belong to it make another body."""
    if mention.actor.kind != "organization" or mention.via != "entity":
        return None
    doc = sent.doc
    start = mention.start
    while start > sent.start:
        word = doc[start - 1]
        if word.lower_ in ("and", "of") and start - 2 >= sent.start and doc[start - 2].text[:1].isupper() \
                and not doc[start - 2].ent_id_ and doc[start - 2].ent_type_ not in ("GPE", "NORP", "PERSON"):
            start -= 1
            continue
        gazetteer = bool(word.ent_id_) or word.ent_type_ in ("GPE", "NORP", "PERSON")
        if word.text[:1].isupper() and word.pos_ in ("PROPN", "ADJ", "NOUN") and not gazetteer \
                and word.head.i >= mention.start - 1:
            start -= 1
            continue
        break
    if start == mention.start or doc[start].lower_ in ("and", "of"):
        return None
    name = doc[start: mention.end].text
    known = ctx.base.resolve(name, date=ctx.date)
    owner = None
    if start - 2 >= sent.start and doc[start - 1].tag_ == "POS":  # "the African Union's"
        owner_token = doc[start - 2]
        resolved = ctx.base.resolve(doc[owner_token.left_edge.i: start - 1].text)
        owner = resolved.id if resolved else None
        if resolved is not None and resolved.kind == "organization" and not known:
            name = f"{resolved.name} {name}"  # "the African Union's Peace and Security Council"
    elif start - 1 >= sent.start and doc[start - 1].ent_type_ == "NORP":  # "the Philippine National …"
        resolved = ctx.base.demonym(doc[start - 1].text)
        if resolved is not None:
            owner, start = resolved.id, start - 1
            name = doc[start: mention.end].text
            known = ctx.base.resolve(name, date=ctx.date)
    actor = known or Actor(id=_slug(name), name=name, kind="organization", aliases=(name,), affiliation=owner)
    return Mention(start, mention.end, actor, name, "body", mention.subject, mention.sentence, mention.depth)


def _extend_to_body(mention: Mention, sent, ctx: DocumentContext) -> Mention | None:
    """'UN Multilateral Sanctions Monitoring Committee', 'Russian Security Council': a named body.

    A country or organization mention that is the compound/amod of a chain of
    capitalized nouns names a body: a government, ministry or military acts for
    the country (SCHEMA.md); other named bodies keep their own name.
    """
    doc = sent.doc
    last = doc[mention.end - 1]
    head = last.head
    if last.dep_ not in ("compound", "amod", "nmod") or head.i < mention.end or head.i > mention.end + 6:
        return None
    tail = doc[mention.end: head.i + 1]
    if not all(t.text[:1].isupper() for t in tail if not t.is_punct and t.lower_ not in ("of", "and")):
        return None
    if any(t.ent_type_ and t.ent_type_ != "ORG" for t in tail) or head.pos_ not in ("PROPN", "NOUN"):
        return None
    if head.lemma_.lower() in BODY_HEADS_FOR_COUNTRY or mention.actor.kind not in ("country", "organization"):
        return None
    if head.lower_ not in ORG_HEADS:
        return None
    name = doc[mention.start: head.i + 1].text
    known = ctx.base.resolve(name, date=ctx.date)
    affiliation = mention.actor.id if mention.actor.kind == "country" else mention.actor.affiliation
    actor = known or Actor(
        id=_slug(name), name=name, kind="organization", aliases=(name,), affiliation=affiliation,
    )
    return _mention(doc, mention.start, head.i + 1, actor, name, "body", mention.sentence)


def _slug(name: str) -> str:
    from graphkit.actors import slug

    return slug(name)


def _predicated_subject(token) -> set[int]:
    """Token positions of what a 'be' clause or an apposition says ``token``'s noun is ('X is its main supplier',
    'X, which is its ally', 'X, its largest trading partner'): a possessive there is not that subject's own."""
    noun = token.head
    verb = noun.head
    if noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN"):  # "China, its largest trading partner"
        return {t.i for t in (noun.head, *(x for x in noun.head.children if x.dep_ == "compound"))}
    if noun.dep_ != "attr" or verb.lemma_.lower() != "be":
        return set()
    described = described_by_relative(verb)
    subjects = [described] if described is not None else [c for c in verb.children if c.dep_ == "nsubj"]
    return _name_positions(subjects)


def _name_positions(heads) -> set[int]:
    """Token positions of names and their conjuncts with their compounds ('Greece and Cyprus', 'Saudi Arabia')."""
    return {t.i for s in heads for c in (s, *s.conjuncts)
            for t in (c, *(x for x in c.children if x.dep_ == "compound"))}


def described_by_relative(verb):
    """The noun a relative clause whose subject is 'which', 'that' or 'who' describes, also from a later conjunct
    ('Russia, which Algiers regards as a partner and which is its main supplier'); None for another clause."""
    if not any(c.dep_ == "nsubj" and c.lower_ in ("which", "that", "who") for c in verb.children):
        return None
    clause = verb
    while clause.dep_ == "conj":
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else None


def _governing_subject(token) -> set[int]:
    """For 'its' in the subject of a clause that hangs on another ('Iran shuns the Taliban, although its officials
    hold talks with Muttaqi'), the token positions of the governing clause's subject, who goes on as the topic
    and owns it, also across 'and' and a participle ('Hanoi denied it, saying its cooperation …'); else empty."""
    noun = token.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.dep_ not in ("advcl", "conj", "ccomp") or \
            noun.head.head.i == noun.head.i:
        return set()
    return _subject_positions(_inherited_subjects(noun.head.head, ("advcl", "conj")))


HOSTILE = frozenset({"ATTACK", "THREATEN", "SANCTION", "CRITICIZE", "REJECT", "MOBILIZE"})


def _doer_of_own_object(token, lexicon: Lexicon) -> set[int]:
    """For 'its' in the object of a verb that does nothing to another ('Indonesia joined BRICS and held its first
    naval exercise with Russia'), the token positions of that verb's subject (across 'and'), who owns it; empty for
    a hostile verb, whose object is often the other side's ('attacked Ukraine and destroyed its power grid')."""
    noun = token.head
    if noun.dep_ != "dobj":
        return set()
    verb = noun.head
    if any(rel in HOSTILE for rel, _ in lexicon.verbs.get(verb.lemma_.lower(), ())):
        return set()
    subjects = _inherited_subjects(verb, ("conj",))
    if any(c.conjuncts or c.tag_ in ("NNS", "NNPS") for c in subjects):
        return set()  # "Berlin and London have backed its bid": 'its' is no plural subject's
    return _subject_positions(subjects)


def _coordinated_subject(token) -> set[int]:
    """Token positions of a coordinated subject ('Greece and Cyprus') of the verb whose object holds ``token``:
    a singular 'its' there is none of theirs."""
    noun = token.head
    if noun.dep_ not in ("dobj", "pobj"):
        return set()
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    subjects = _inherited_subjects(verb, ("conj", "xcomp", "advcl"))  # "X, Y and Z are competing to finance its grid"
    return _name_positions([c for c in subjects if c.conjuncts])


def _verb_above(token):
    """The nearest verb above ``token``, or None."""
    return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _clause_of(token):
    """The verb whose clause holds ``token`` (the root when none)."""
    return _verb_above(token) or token.sent.root


def _inherited_subjects(verb, through: tuple[str, ...]) -> list:
    """The subjects of ``verb``, or of the verb it hangs on as one of ``through`` when it has none of its own
    ('Hanoi denied it, saying …', 'X joined BRICS and held …'), up to three clauses up."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ not in through or verb.head.i == verb.i:
            return subjects
        verb = verb.head
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _subject_positions(subjects: list) -> set[int]:
    """Token positions of subject phrases up to their heads ('Vietnam's foreign ministry': Vietnam too)."""
    return {t.i for c in subjects for t in c.subtree if t.i <= c.i}


def _own_subjects(token) -> set[int]:
    """Token positions of the subjects of the verb an object pronoun hangs on and of the verbs that control it."""
    verb, clause = token.head, [token.head]
    while verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i and len(clause) < 4 and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
        clause.append(verb)
    return {c.i for v in clause for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for c in c.subtree}


def resolve_reference(token, current: list[Mention], ctx: DocumentContext, lexicon: Lexicon) -> list[Actor]:
    """Actors a pronoun or definite description refers to (same or previous sentence), or []."""
    word = token.lower_
    number = len(ctx.history)
    doc = token.doc
    window = [m for m in ctx.window(current) if m.sentence < number or m.start < token.i and not (
        token.left_edge.i <= m.start and m.end < len(doc) and doc[m.end].text == "-")]  # not "the Iran-backed group"
    states = [m for m in window if m.actor.kind != "person"]
    people = [m for m in window if m.actor.kind == "person"]
    if word in ("its",):
        # "Israeli and American strikes on its sites": not the strikers, whose noun "its" hangs under
        doers = {x.i for a in list(token.ancestors)[:4] if a.pos_ in ("NOUN", "PROPN")
                 for c in a.children if c.dep_ in ("amod", "compound", "nmod") and token not in c.subtree
                 for x in c.subtree}
        states = [m for m in states if m.sentence < number or m.start not in doers]
        described = _predicated_subject(token)  # "Russia, which is its main arms supplier": not Russia's own supplier
        states = [m for m in states if m.sentence < number or not any(m.start <= i < m.end for i in described)]
        plural = _coordinated_subject(token)  # "Greece and Cyprus have blocked its participation": not theirs
        states = [m for m in states if m.sentence < number or m.start not in plural]
        if token.head.lemma_.lower() in BODY_HEADS_FOR_COUNTRY:  # "its army", "its government": a state's
            states = [m for m in states if m.actor.kind == "country"] or states
        verb = intruded_ground(token)
        if verb is not None:  # "X said Russian jets had entered its airspace": not the intruder's own
            intruders = {x.i for c in verb.children if c.dep_ == "nsubj" for x in c.subtree}
            owners = [(m, ctx.governed(m.actor)) for m in states if m.sentence < number or m.start not in intruders]
            owners = [(m, a) for m, a in owners if a.kind == "country"]  # airspace is a state's, not NATO's
            here = [a for m, a in owners if m.sentence == number]
            return (here or [a for _, a in owners])[-1:]
        here = [m for m in states if m.sentence == number]
        topics = [m for m in here if m.subject] if described else \
            [m for m in here if m.subject and m.start in _governing_subject(token)] or \
            [m for m in here if m.subject and m.start in _doer_of_own_object(token, lexicon)]
        if topics:  # "Vietnam … imports components from China, its largest trading partner": the subject's
            return [topics[-1].actor]
        clause = _clause_of(token)
        if here and doc[here[-1].end - 1].dep_ == "poss" and here[-1].start < token.i and \
                _clause_of(doc[here[-1].end - 1]) not in {clause, *clause.ancestors}:
            # "Turkey wants a share of the EU's loans, but Greece blocked its participation": the topic, not a
            # possessor named on the way in another clause (not "deposited $3bn in Pakistan's central bank to shore
            # up its reserves")
            subjects = [m for m in here if m.subject and m.start < here[-1].start]
            if subjects:
                return [subjects[-1].actor]
        return [(here or states)[-1].actor] if states else []
    if word in PRONOUNS_STATE and _refers_to_thing(token, current):
        return []  # "sank the carrier after attacking it": the ship, not a state
    if word in PRONOUNS_STATE and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ccomp" and \
            token.head.head.lemma_.lower() in lexicon.reporting_verbs:  # "NATO said it stood by X": the speaker
        speakers = [c for c in token.head.head.children if c.dep_ == "nsubj"]
        said_by = [m for m in current if any(m.start <= s.i < m.end for s in speakers) and m.actor.kind != "person"] \
            or [m for m in current if any(s.left_edge.i <= m.start and m.end - 1 <= s.i for s in speakers)
                and m.actor.kind == "country"]  # "China's Southern Theater Command said it …": the country
        if said_by:
            return [ctx.governed(said_by[0].actor)]
    if word in PRONOUNS_STATE and token.dep_ == "dobj" and token.head.dep_ == "conj":
        # "called Vietnam a colony of China and accused it of …": the object the first verb took
        first = [c for c in token.head.head.children if c.dep_ == "dobj"]
        taken = [m.actor for m in current if any(m.start <= c.i < m.end for c in first) and m.actor.kind != "person"]
        if taken:
            return taken[:1]
    if word == "it" and token.dep_ == "dobj":  # "Rabat cut ties with Tehran, accusing it of …": not the
        own_ids = {m.actor.id for m in states if m.sentence == number and m.start in _own_subjects(token)}
        others = [m for m in states if m.actor.id not in own_ids]  # subject of its own verb or of those above
        here = [m for m in others if m.sentence == number]
        topics = [m for m in here if m.subject and token.head.lemma_.lower() not in lexicon.label_verbs]
        # "Paraguay recognises Taipei, and Beijing urged it to …"; not "… the Israeli strike, and Iran called it …"
        if own_ids and (here or others):
            return [(topics or here or others)[-1].actor]
    if word in PRONOUNS_STATE:
        subject = sorted((m for m in states if m.subject and m.sentence == number), key=lambda m: -m.start)
        if not subject and _is_subject(token):  # "New Delhi has … . It has also deepened …": the topic goes on
            subject = sorted((m for m in states if m.subject and m.sentence == number - 1), key=lambda m: m.depth)[:1]
        pick = subject[:1] or states[-1:]
        if pick and pick[0].actor.kind != "country":  # in news on states, "it" is mostly a state
            countries = [m for m in states if m.sentence == number and m.actor.kind == "country"]
            pick = countries[-1:] or pick
        return [m.actor for m in pick]
    if word in PRONOUNS_PERSON:
        bound = _possessor_subject(token, people, number) or _visitor(token, current, ctx)
        if bound is not None:  # "Modi shared a ride with Putin and held his first talks with Xi": Modi's talks
            return [bound]
        if _is_subject(token):  # "X met Y, and he …": a subject pronoun continues the subject
            subjects = [m for m in people if m.subject]
            if subjects:
                return [subjects[-1].actor]
        else:  # "Xi received him": not the subject of its own verb, nor of the verbs that control it
            own = _own_subjects(token)  # "X, Y and Z were among the first to congratulate her"
            own_ids = {m.actor.id for m in people if m.sentence == number and m.start in own}
            people = [m for m in people if m.actor.id not in own_ids]
        return [people[-1].actor] if people else []
    size = _group_size(token, lexicon)
    if size is not None:
        return _last_group(token, size, window, ctx, lexicon)
    lemma = token.lemma_.lower()
    has_def = any(c.lower_ in ("the", "this", "that") for c in token.children if c.dep_ == "det")
    if lemma in ORG_DESCRIPTIONS and has_def:  # "the alliance", "the bloc" → the last organization named
        orgs = [m for m in window if m.actor.kind in ("organization", "group") and (
            lemma not in ARMED_DESCRIPTIONS or not INSTITUTION_NAME.search(m.actor.name))]  # "the paramilitaries":
        # an armed group, not the court or the council named last
        return [orgs[-1].actor] if orgs else []
    if (lemma in lexicon.state_descriptions or lemma in SEATED_ONLY) and has_def:
        seats = [p.i for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                 for p in c.children if p.dep_ == "pobj"]
        seats += [p.i for c in token.head.children if c.dep_ == "prep" and c.lower_ == "in"  # "asked the government
                  and c.i == token.right_edge.i + 1 for p in c.children if p.dep_ == "pobj"]  # in Minsk", "in" on the verb
        seats += [c.i for c in token.children if c.dep_ in ("amod", "compound", "poss") and c.i < token.i]
        seated = [m.actor for m in current if m.actor.kind == "country" and any(m.start <= i < m.end for i in seats)]
        if seated:  # "the junta in Bamako", "the government of Niger", "the Syrian defence ministry": the place named
            return seated[:1]
        from graphkit.places import city_country

        cities = [city_country(token.doc[i].text) for i in seats if token.doc[i].pos_ == "PROPN"]
        seated = [a for a in (ctx.base.get(c) for c in cities if c) if a is not None]
        if seated:  # "the ministry in Damascus": a capital the reader did not take for the state
            return seated[:1]
        if lemma in SEATED_ONLY and not any(c.dep_ == "amod" and c.lower_ in NEW_RULERS for c in token.children):
            return []  # "the authorities" alone may be anyone's; "the new authorities" rule the state in the news
        country = [m for m in states if m.actor.kind == "country"]
        if lemma == "kingdom":  # "denied that Riyadh was buying Chinese jets, saying the kingdom …": a monarchy
            country = [m for m in country if _kingdom(m.actor)] or country
        subject_ids = {m.actor.id for m in current if m.subject and m.start < token.i}
        if token.dep_ == "pobj":  # "American troops are stationed in the country": not the troops' own
            verb = _verb_above(token)
            doers = _subject_positions([c for c in (verb.children if verb is not None else ())
                                        if c.dep_ in ("nsubj", "nsubjpass") and token not in c.subtree])
            subject_ids |= {m.actor.id for m in current if m.start in doers}
        others = [m for m in country if m.actor.id not in subject_ids]
        if token.dep_ in ("nsubj", "nsubjpass"):  # the subject of what a claim or report says
            others = [m for m in others if not (m.sentence == number and _demonym_of_thing(doc[m.end - 1], current))] \
                or [m for m in country if m.actor.id in subject_ids and m.sentence == number] or others
        # "Azerbaijan rejected claims by Russian commentators that the country was supplying shells": not Russia
        pick = others[-1:] or country[-1:]
        if lemma in RULING_BODIES:  # "the junta": of the countries in view (or their people's), the one the
            counts = ctx.named      # document is most about; ties go to a subject, then to the latest
            in_view = [(a, m.subject) for m in window for a in [ctx.state_of(m.actor)]
                       if a is not None and a.kind == "country" and a.id not in subject_ids]
            if in_view:
                best = max((counts.get(a.id, 0), subject) for a, subject in in_view)
                return [[a for a, subject in in_view if (counts.get(a.id, 0), subject) == best][-1]]
        return [m.actor for m in pick]
    if lemma in lexicon.person_role_words and has_def and _has_modifier_actor(token):
        return _office_holder(token, current, ctx)  # "the Russian leader", "the Iranian foreign minister"
    if lemma in lexicon.person_role_words and has_def and not _has_modifier_actor(token):
        for m in reversed(people):
            if lemma in ctx.roles.get(m.actor.id, set()):
                return [m.actor]
    return []


def _possessing_state(ent, mentions: list[Mention], ctx: DocumentContext) -> Actor | None:
    """The country named as the owner of a state body ("Pakistan's Foreign Office"), or None."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ not in ("'s", "\u2019s") or not ctx.base.is_body(ent.text):
        return None
    owners = [m.actor for m in mentions if m.end == ent.start - 1 and m.actor.kind == "country"]
    return owners[0] if owners else None


SEATED_ONLY = {"authority", "authorities"}  # a state only with its place named: "the authorities in Minsk"
NEW_RULERS = {"new", "interim", "transitional", "caretaker"}


def _demonym_of_thing(token, current: list[Mention]) -> bool:
    """'Russian' in 'Russian commentators', 'Israeli media': a demonym qualifying people or things that are no
    actor, a weak antecedent for 'the country'."""
    if token.dep_ != "amod" or token.head.pos_ != "NOUN":
        return False
    return not any(m.start <= token.head.i < m.end for m in current)


def _kingdom(actor: Actor) -> bool:
    """A state whose name or official name calls it a kingdom (Saudi Arabia, Bahrain, the United Kingdom)."""
    return any("Kingdom" in form.split() for form in (actor.name, *actor.aliases))


def _refers_to_thing(token, current: list[Mention]) -> bool:
    """'it' as the object of a clause hung on one whose object names no actor ('sank the bulk carrier after
    attacking it'): the pronoun picks up that thing."""
    if token.dep_ not in ("dobj", "pobj"):
        return False
    verb = token.head if token.dep_ == "dobj" else token.head.head
    if verb.dep_ not in ("advcl", "conj", "xcomp", "pcomp"):
        return False
    main = verb.head.head if verb.dep_ == "pcomp" else verb.head
    starts = {m.start for m in current}
    things = [c for c in main.children if c.dep_ == "dobj" and c.i < token.i and c.pos_ == "NOUN"
              and not any(t.i in starts for t in _phrase_proper(c))]
    return bool(things)


def _phrase_proper(noun) -> list:
    """The words that make ``noun`` an actor or not. A report is a thing whoever its clause names and whoever
    published it: 'a report (in the Journal) that Tehran had shipped parts to the Houthis'."""
    if noun.lemma_.lower() not in REPORT_NOUNS:
        return list(noun.subtree)  # "ended the waiver that let Baghdad pay, urging it to …": Baghdad
    clauses = {t.i for c in noun.children if c.dep_ in ("acl", "relcl", "prep") for t in c.subtree}
    return [t for t in noun.subtree if t.i not in clauses]


def _office_holder(token, current: list[Mention], ctx: DocumentContext) -> list[Actor]:
    """Who holds the office a title with a country names: a person of that country just named in that
    role, else the office holder on the document's date."""
    countries = [m for m in current if token.left_edge.i <= m.start < token.i and m.actor.kind == "country"]
    if len(countries) != 1:
        return []
    country = countries[0]
    words = [t.text for t in token.subtree if country.end <= t.i <= token.i and t.dep_ not in ("det", "punct")]
    role = ctx.base.role(" ".join(words))
    if role is None:
        return []
    for m in reversed(ctx.window(current)):
        if m.actor.kind == "person" and m.actor.affiliation == country.actor.id and \
                role in {ctx.base.role(r) for r in ctx.roles.get(m.actor.id, ())}:
            return [m.actor]
    holder = ctx.base.office_holder(country.actor.id, role, ctx.date) if ctx.date else None
    return [holder] if holder is not None else []  # an undated text does not say who held it


def _possessor_subject(token, people: list[Mention], number: int) -> Actor | None:
    """The person named as subject of the clause whose object 'his'/'her' modifies, or None.

    A possessive in the object of a verb is bound by that verb's subject (shared through coordinated verbs):
    "X met Y and held his talks with Z" means X's talks. Only a named person in this sentence counts.
    """
    if token.dep_ != "poss" or token.lower_ not in ("his", "her") or token.head.dep_ not in ("dobj", "attr"):
        return None
    verb = token.head.head
    while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    subjects = [x.i for c in verb.children if c.dep_ == "nsubj" for x in c.subtree]
    named = [m for m in people if m.sentence == number and m.start in subjects]
    return named[0].actor if len(named) == 1 else None


def _visitor(token, current: list[Mention], ctx: DocumentContext) -> Actor | None:
    """The guest 'his'/'her' in 'during his visit to Z' refers to: of the people named in this sentence, the one who
    does not act for Z (the subject first, even after it: "During his visit to Mexico, Rubio said …"), or None.

    "Rubio held talks with Sheinbaum during his visit to Mexico" is Rubio's visit; "Putin held talks with Modi during
    his visit to Moscow" is Modi's.
    """
    noun = token.head
    if token.dep_ != "poss" or token.lower_ not in ("his", "her") or noun.lemma_.lower() not in VISIT_NOUNS:
        return None
    places = [p.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
              if p.dep_ == "pobj"]
    hosts = [m.actor for m in current if any(m.start <= i < m.end for i in places) and m.actor.kind == "country"]
    if not hosts:
        return None
    doc = token.doc
    here = sorted((m for m in current if m.actor.kind == "person" and doc[m.end - 1].dep_ != "poss"),
                  key=lambda m: (not m.subject, m.start))  # not "Aliyev's adviser", a man of his
    guests = [m.actor for m in here if m.actor.affiliation or ctx.affiliations.get(m.actor.id)]
    guests = list({a.id: a for a in guests if not any(ctx.acts_for(a, h) for h in hosts)}.values())
    return guests[0] if guests and (len(guests) == 1 or here[0].actor.id == guests[0].id) else None


def _mention(doc, start: int, end: int, actor: Actor, text: str, via: str, sentence: int) -> Mention:
    """A mention of ``doc[start:end]``, its subjecthood and depth read at its last token."""
    head = doc[end - 1]
    return Mention(start, end, actor, text, via, _is_subject(head), sentence, sum(1 for _ in head.ancestors))


def _is_subject(token) -> bool:
    while token.dep_ in ("compound", "flat", "conj") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "NOUN":
        return True  # "Lee's answer has been to …": the topic of the sentence is Lee
    return token.dep_ in ("nsubj", "nsubjpass")


def _has_modifier_actor(token) -> bool:
    return any(c.ent_type_ for c in token.children if c.dep_ in ("amod", "compound", "poss"))


def _group_size(token, lexicon: Lexicon) -> int | None:
    """How many actors a description names: 'the two countries' 2, 'the three nations' 3, 'the pair' 2;
    0 for a plural pronoun (any number); None when the token is no plural reference."""
    if token.lower_ in PRONOUNS_PLURAL:
        return 0
    if token.lower_ == "both" and token.pos_ == "PRON" and token.dep_ in ("nsubj", "nsubjpass"):
        return 2  # "Cairo and Ankara back rival camps, even if both now talk to Haftar"
    lemma = token.lemma_.lower()
    words = {c.lower_ for c in token.children if c.dep_ in ("nummod", "det", "predet", "amod", "quantmod")}
    for pattern in lexicon.pair_descriptions:
        if len(pattern) == 1 and lemma == pattern[0]:
            if any(c.lower_ == "the" for c in token.children) or token.lower_ == "pair":
                return 2
        if len(pattern) == 2 and lemma == pattern[1] and pattern[0] in words:
            return 2
    if lemma in lexicon.state_descriptions or lemma in lexicon.person_role_words or lemma in ARMED_SERVICES or \
            lemma in ("power", "side", "ally", "neighbour", "neighbor", "capital", "partner", "rival", "man", "woman"):
        sizes = [NUMBER_WORDS[w] for w in words if w in NUMBER_WORDS]
        if sizes:
            return sizes[0]
    return None


def _plural_subject_of(token, mentions: list[Mention]) -> list[Actor]:
    """The actors behind a plural subject named earlier in the sentence as 'the leaders / ministers / members of X'
    (the people of X that 'they' or 'their' then stands for), or none."""
    doc = token.doc
    for subject in (t for t in doc[token.sent.start: token.i] if t.dep_ == "nsubj" and t.tag_ == "NNS"):
        if token in subject.subtree:
            continue
        owners = [m.actor for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj" for p in [p, *p.conjuncts]
                  for m in mentions if m.start <= p.i < m.end]
        if owners:
            return list({a.id: a for a in owners}.values())
    return []


def _groups_before(token, mentions: list[Mention], governing: bool = False) -> list[list[Actor]]:
    """Coordinated actors ('X, Y and Z') named before ``token`` in its sentence, outside its own clause's
    subject, in order; with ``governing``, only the nearest subject above it ('Cairo and Ankara back rival
    camps, even if both talk to Haftar', not 'X and Y agreed, and Z met Y, where the two leaders …')."""
    doc = token.doc
    nearest = next(([c.i for c in a.children if c.dep_ in ("nsubj", "nsubjpass")] for a in token.ancestors
                    if any(c.dep_ in ("nsubj", "nsubjpass") and token not in c.subtree for c in a.children)),
                   []) if governing else []
    by_head = {doc[m.end - 1].i: m for m in mentions}
    verbs = [a for a in token.ancestors if a.pos_ in ("VERB", "AUX")][:1]
    own = {t.i for v in verbs for c in v.children if c.dep_ == "nsubj" and token not in c.subtree for t in c.subtree}
    groups = []
    for i, m in sorted(by_head.items()):
        head = doc[i]
        if head.dep_ == "conj" or i >= token.i or m.start in own:
            continue
        if governing and i not in nearest:
            continue
        members = [by_head[t.i].actor for t in [head, *head.conjuncts] if t.i in by_head]
        members = list({a.id: a for a in members}.values())
        if len(members) >= 2:
            groups.append(members)
    return groups


MADE = {"made", "built", "designed", "supplied", "manufactured", "produced", "origin"}


def _maker_of_thing(doc, mention: Mention) -> bool:
    """A mention that only says where a thing was made: 'a French-made Rafale', 'Chinese-built fighters'."""
    return mention.end + 1 < len(doc) and doc[mention.end].text == "-" and doc[mention.end + 1].lower_ in MADE


def _last_group(token, size: int, window: list[Mention], ctx: DocumentContext, lexicon: Lexicon) -> list[Actor]:
    """The actors a plural reference means: the last group named together ("X, Y and Z"), else the last ones."""
    number = len(ctx.history)
    lemma = token.lemma_.lower()
    if lemma in lexicon.person_role_words or lemma in ("man", "woman"):
        kinds = {"person"}
    elif lemma in lexicon.state_descriptions or lemma == "capital" or lemma in ARMED_SERVICES:
        kinds = {"country"}  # "the two militaries": their states
    elif lemma in ("power", "side", "neighbor", "neighbour", "ally", "rival", "partner"):
        kinds = {"country", "organization", "group"}
    else:
        kinds = {"country", "organization", "group", "person"}
    if size == 0 and window:  # "the Houthis ... their attacks": a plural-named group
        last = window[-1]
        if last.actor.kind in ("group", "organization") and last.text.rstrip().endswith("s") and \
                last.sentence == number:
            return [last.actor]
    def states(group: list[Actor]) -> list[Actor]:  # "Pashinyan and Aliyev … the two countries": their states
        if kinds != {"country"}:
            return group
        found = [ctx.state_of(a) for a in group]
        return list({a.id: a for a in found if a is not None}.values()) if all(found) else group

    recent = [(sentence, group) for sentence, group in ((s, states(g)) for s, g in ctx.groups)
              if sentence >= number - 1 and all(a.kind in kinds for a in group)
              and (size == 0 or len(group) == size)]
    if size == 0:  # "Britain, Spain and Slovenia imposed embargoes, and Israel accused them": named before it here
        here = _groups_before(token, [m for m in window if m.sentence == number])
        here = [g for g in (states(g) for g in here) if all(a.kind in kinds for a in g)]
        if here:
            return here[-1]
        members = _plural_subject_of(token, [m for m in window if m.sentence == number])
        if members:  # "Leaders of the Group of Seven agreed …, and their final communique condemned …"
            return members
        subjects = [m for m in window if m.sentence == number and m.subject and m.start < token.i and not (
            token.doc[m.end - 1].dep_ == "conj" or any(c.dep_ == "conj" for c in token.doc[m.end - 1].children))]
        topic = subjects[-1] if subjects and token.dep_ in ("nsubj", "nsubjpass") else None
        if topic is not None and topic.actor.kind in kinds & {"group", "organization"} and \
                topic.text.rstrip().endswith("s"):  # "The Houthis vowed to keep targeting Israel, although they …"
            return [topic.actor]  # a plural-named group alone, not in a coordination
    if size:  # "Cairo and Ankara back rival camps, even if both now talk to Haftar": named together before it here
        # any group named before it for "the three countries" ("Lithuania, Latvia and Estonia asked …, and Merz
        # pledged air defences to the three countries"); "the two leaders" only from the subject above it
        loose = size >= 3 or kinds == {"country"}
        here = [g for g in (states(g) for g in _groups_before(token, [m for m in window if m.sentence == number],
                                                              governing=not loose))
                if len(g) == size and all(a.kind in kinds for a in g)]
        if here:
            return here[-1]
    if recent:  # the first group of the latest sentence that names one (its topic)
        latest = max(sentence for sentence, _ in recent)
        return next(group for sentence, group in recent if sentence == latest)
    wanted = size or 2
    seen: list[Actor] = []
    people = [m.actor for m in window if m.actor.kind == "person"]
    verbs = [a for a in token.ancestors if a.pos_ in ("VERB", "AUX")]
    if not any(c.lower_ == "either" for c in token.children):  # "China urged both countries": its own clause;
        verbs = verbs[:1]  # "China says it never armed either side": every clause up
    doers = {t.i for verb in verbs for c in verb.children if c.dep_ == "nsubj" and token not in c.subtree
             for t in c.subtree}
    for m in reversed(window):
        if m.sentence == number and m.start in doers:
            continue  # "China urged both countries": not the urger
        if m.sentence == number and token.doc[m.end - 1].dep_ == "poss" and token.doc[m.end - 1].head.dep_ == "appos":
            continue  # "Maduro received Grenell, Trump's envoy, … the two men": not the envoy's master
        if m.sentence == number and _maker_of_thing(token.doc, m):
            continue  # "shot down Indian jets, including a French-made Rafale, … the two armies": not the maker
        actor = (ctx.state_of(m.actor) or m.actor) if kinds == {"country"} else m.actor  # "Mr Sisi … the three countries"
        if "person" in kinds and any(ctx.acts_for(p, actor) for p in people):
            continue  # "Mexican President Claudia Sheinbaum", "Xi in Beijing": the person is the side
        if actor.kind in kinds and actor.id not in {a.id for a in seen}:
            seen.append(actor)
        if len(seen) == wanted:
            break
    return list(reversed(seen)) if len(seen) == wanted else []
