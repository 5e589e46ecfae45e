"""Relation constructions: each method of ``RelationFinder`` reads one kind of trigger.

Verbs with their frames ("attack X", "cooperate with X", "call on X", "turn
down X"), transfers typed by what moves ("supply X to Y", "send troops to"),
nouns ("X's support for Y", "the alliance between X and Y", "the X-Y pact",
"Tehran's supply of drones to Russia"), ties typed by their verb ("cut ties"
→ SANCTION), accusations and demands ("X warned that Y …", "X demanded that
Y …"), expulsions, requests to join, and mutual fighting ("X and Y clashed").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from graphkit.arguments import (BORDER_NOUNS, BUYER_NOUNS, PURPOSEFUL_VISITS, ROLE_NOUNS, SEATED_BODIES, SETTINGS,
                                WAR_EFFORTS, Candidate, SentenceReader, first_conjunct)
from graphkit.arguments import unique_actors as _unique
from graphkit.lexicon import lemma_of
from graphkit.modality import SUPPOSING_AUX, VISIT_NOUNS
from graphkit.mentions import described_by_relative
from graphkit.types import Actor, relation_vocabulary

BORDER_HEADS = {"border", "frontier", "boundary", "coast", "water", "waters", "airspace", "doorstep", "flank"}
MEET_NOUNS_WITH_CLAUSE_SOURCE = VISIT_NOUNS
MEETING_TIMES = {"after", "during", "following", "at", "before", "ahead", "in"}  # "said after talks with X"
FUNDING = frozenset({"pay", "fund", "finance", "bankroll"})  # verbs whose object is what they pay for
ACTS_CONDEMNED = {"launch", "test", "seizure", "shelling", "killing", "provocation", "firing", "detention", "arrest",
                  "execution", "annexation", "invasion"}  # with the lexicon's event_summaries (attack, strike, …)
RESTRAINING = {"refrain", "stop", "halt", "cease", "end", "abandon", "desist", "return", "comply", "respect",
               "withdraw", "abide", "exercise", "avoid"}  # what the doer of a condemned act is urged to do
QUOTED_PRAISE = {"step", "forward", "historic", "positive", "welcome", "good", "important", "victory", "breakthrough",
                 "milestone", "win", "progress", "success", "constructive", "great", "excellent", "significant",
                 "landmark", "encouraging", "right", "brave", "courageous", "worth", "useful", "basis", "promising",
                 "interesting", "serious", "balanced", "fair", "reasonable", "realistic", "pragmatic", "sincere"}  # "a move Caracas called 'a first step'"
MUTUAL_DEFENCE = {"defend", "assist", "protect", "aid", "help"}  # "… each other": what allies pledge
# verbs whose subject does the thing a relative clause describes: "the drills that X began", "sanctions X imposed"
DOING_VERBS = {"begin", "start", "launch", "hold", "conduct", "stage", "carry", "impose", "deploy", "send", "sign",
               "announce", "adopt", "pass", "build", "open", "order", "make", "take", "approve", "introduce", "issue",
               "propose", "plan", "resume", "run", "mount", "fire", "unveil", "install", "station", "lead", "host"}
NAMING_VERBS = {"call", "describe", "term", "dub", "label", "brand"}
PLACE_PREPOSITIONS = {"in", "near", "off", "over", "across", "around", "along", "at", "inside", "into"}
MULTI_PARTY = frozenset({"trilateral", "way", "tripartite", "quadrilateral", "multilateral", "joint"})  # "three-way"
ORDERING = frozenset({"order", "deliver"})  # with the lexicon's trade verbs: what is sold is no combatant
# what an actor authors or stages: "the initiative Rabat launched", "the elections Nepal will hold"
PROPOSING = frozenset({"launch", "propose", "draft", "unveil", "present", "table", "sponsor", "introduce", "devise",
                       "float", "author", "submit", "initiate", "spearhead", "champion", "put", "announce", "hold",
                       "organise", "organize", "stage", "call", "convene"})
FOUNDING = frozenset({"form", "found", "create", "establish", "launch"})
BLOC_NAME = re.compile(r"\b(Alliance|Confederation|Pact|League|Bloc|Axis|Union)\b")  # a bloc, not a bank or a forum
# relations whose nouns share giver and recipient across a list: "Chinese investment, loans and grants for X"
GIVEN_IN_LISTS = frozenset({"AID", "SUPPORT", "SUPPLY_ARMS", "COOPERATE"})
SUMMING_UP = {"CRITICIZE", "REJECT", "SUPPORT"}  # attitudes a relative clause takes to "a move", "a decision"
TRADE_WORDS = {"trading", "trade", "economic", "commercial", "business"}
GOALS_MET = frozenset({"target", "goal", "requirement", "demand", "need", "standard", "criterion", "criteria",
                       "deadline", "obligation", "commitment", "condition", "expectation", "benchmark", "threshold",
                       "quota", "pledge", "promise", "request", "cost", "test", "challenge", "objective", "term"})
OFFERING = frozenset({"offer", "propose", "volunteer", "ready", "willing", "prepared", "eager", "keen"})
PEACEMAKING = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "peace", "talk", "negotiation",
                         "end", "halt", "stop", "pause", "de-escalate", "deescalate", "withdraw", "disengage",
                         "agreement", "deal", "accord", "pact", "treaty", "demarcate", "reconcile", "normalise", "normalize"})
AIMING_VERBS = {"aim", "fire", "launch", "direct", "target", "shoot"}
AID_QUALIFIERS = {"free", "humanitarian", "emergency", "donated", "subsidised", "subsidized", "concessional",
                  "cheap", "gifted"}
JOINT_WORDS = {"joint", "trilateral", "bilateral", "combined", "multilateral", "quadrilateral", "multinational",
               "coordinated"}
ACCEPTABLE = frozenset({"proposal", "offer", "plan", "formula", "compromise"})  # accepting one is agreeing
ISSUING = frozenset({"issue", "release", "publish", "adopt", "answer", "respond", "unveil", "produce"})
NOT_JOINT = {"statement", "declaration", "communique", "communiqué", "conference", "press", "letter", "appeal"}
# "Iran-backed militias", "Saudi-led coalition": an actor, a hyphen, a participle, then the modified actor
HYPHEN_PARTICIPLES = {"backed": "SUPPORT", "aligned": "ALLY", "allied": "ALLY", "armed": "SUPPLY_ARMS",
                      "supplied": "SUPPLY_ARMS", "funded": "AID", "financed": "AID", "trained": "COOPERATE",
                      "sponsored": "SUPPORT", "supported": "SUPPORT", "linked": "ALLY", "affiliated": "ALLY"}


HARMS = frozenset({"incident", "sabotage", "violence", "killing", "death", "explosion", "blast", "crash", "downing",
                   "hack", "cyberattack", "unrest", "coup", "massacre", "atrocity", "crime", "abduction", "kidnapping",
                   "escalation", "sinking", "fire", "damage", "outage", "disruption", "interference"})
WRONG_VERBS = frozenset({"violate", "breach", "flout", "trample"})  # "said X had violated its borders"
# "said X was stoking tensions", "said Y was destabilising the region": the act is a wrong the speaker charges
STIRRED = frozenset({"increase", "raise", "fuel", "stoke", "heighten", "inflame", "escalate", "ratchet"})
UNSETTLED = frozenset({"destabilise", "destabilize", "undermine", "threaten", "endanger", "jeopardise", "jeopardize"})
ORDER = frozenset({"tension", "stability", "security", "peace", "region", "order", "continent"})
ACTS = frozenset({"act", "move", "step", "decision", "action", "policy", "behaviour", "behavior", "measure",
                  "attempt", "statement", "remark", "campaign", "conduct", "course"})  # "a hostile act", not "criminal groups"
REVEALING = frozenset({"show", "reveal", "expose", "prove", "demonstrate", "reflect", "confirm", "illustrate"})
CONSEQUENCES = frozenset({"consequence", "risk", "price", "retaliation", "response", "repercussion", "safe"})
DISPLEASED = frozenset({"unhappy", "angry", "furious", "alarmed", "dismayed", "disappointed", "outraged", "troubled",
                        "concerned", "incensed", "appalled"})
POSITIVE_LABELS = frozenset({"brotherly", "friend", "friendly", "reliable", "trusted", "valuable", "steadfast",
                             "partner", "ally", "brother", "pillar", "cornerstone", "respected", "esteemed",
                             "admired", "indispensable"})
WARS = frozenset({"war", "battle", "conflict", "skirmish", "clash"})  # "X and Y fought a border war"
NETWORKS = frozenset({"network", "system", "server", "computer", "email", "database", "website", "infrastructure"})
KEEPING = frozenset({"keep", "have", "maintain", "retain", "operate", "lead", "command", "run"})  # "keeps 2,500 troops in Iraq",
# "leads a NATO battlegroup in Latvia"
STATIONED = frozenset({"station", "base", "deploy", "post", "garrison", "position"})
SAYING = frozenset({"comment", "say", "discuss", "confirm", "elaborate", "rule", "speculate", "answer", "specify",
                    "disclose", "reveal", "name", "give", "provide", "identify"})  # "declined to comment"
SALES = frozenset({"sale", "export", "delivery", "transfer", "shipment"})
FLOWS = frozenset({"funding", "import", "supply", "flow", "payment", "loan", "credit", "investment"})  # what is cut off
BUYING = frozenset({"buy", "purchase", "acquire", "order", "procure"})
TRADING = BUYING | {"sell", "supply"}
PROVIDING = frozenset({"supply", "provide", "deliver", "sell", "furnish"})  # goods another holds: its supplier
GIVING = frozenset({"offer", "give", "extend", "lend", "pledge", "promise", "grant"})  # "offered Kyiv support"
RESCUES = frozenset({"aid", "rescue", "defence", "defense", "assistance", "help"})  # "came to X's aid"
TRAVELLING = frozenset({"fly", "travel", "go", "come", "head", "stay", "keep"})  # to a summit, or away from it
BUILDING = frozenset({"build", "develop", "construct"})  # COOPERATE with a partner: "is building a railway with X"
JOINTLY = frozenset({"together", "jointly"})
RELIEVING = frozenset({"write", "pay", "forgive", "forgave", "cancel", "settle", "clear", "waive"})  # a debt, for its
# debtor ("forgave": the small model leaves that past form as its own lemma)
DEBTS = frozenset({"debt", "arrears", "arrear", "loan", "liability"})
NOT_ALLOWING = frozenset({"accept", "allow", "tolerate", "permit"})  # "will not accept any move on Assab"
AGREED_ALREADY = frozenset({"AGREE", "SUPPLY_ARMS", "AID", "DEPLOY_TO", "MEET", "ALLY"})  # what an agreement to
# do something with another side may already say ("agreed to buy jets from France" is the sale)
DEMANDED_ACTS = frozenset({"withdrawal", "pullout", "pull-out", "departure", "exit", "surrender", "disarmament",
                           "compliance", "apology", "resignation", "retreat", "capitulation", "neutrality"})
DEFENCE_WORDS = frozenset({"defence", "defense"})
REACTIONS = frozenset({"response", "reaction", "retort"})
ANGRY = frozenset({"angry", "furious", "sharp", "stern", "scathing", "fierce", "indignant", "hostile", "irate"})
DRAWING = frozenset({"draw", "prompt", "spark", "trigger", "provoke", "earn", "attract", "elicit", "invite"})
TERROR_WORDS = frozenset({"terrorist", "terror", "terrorism"})
RECALLED = frozenset({"ambassador", "envoy", "diplomat", "commissioner", "charge", "chargé", "attaché", "attache",
                      "diplomats", "staff"})
CLOSED = frozenset({"airspace", "border", "embassy", "consulate", "port", "waters", "crossing", "market"})
RESPONSIBLE = frozenset({"responsible", "accountable", "culpable"})
BLAMING = frozenset({"hold", "bear", "be"})  # "held X responsible", "X bore responsibility", "X was behind"
WITHDRAWING = frozenset({"recall", "close", "shut", "seal", "withdraw", "pull"})  # and the lexicon's leave_verbs
DESIGNATING = frozenset({"designate", "list", "blacklist", "declare"})
# "barred entry to nationals of X", "stopped issuing visas to X citizens", "revoked Petro's visa"
BARRING = frozenset({"bar", "ban", "block", "deny", "restrict", "suspend", "halt", "stop", "limit", "curb", "freeze",
                     "cease", "end", "revoke", "cancel"})
MILITARY_MODIFIERS = frozenset({"air", "military", "bombing", "drone", "missile", "ground", "naval", "armed", "combat",
                                "targeted", "counterterrorism", "counter-terrorism", "counterinsurgency", "aerial",
                                "artillery", "punitive", "sabotage", "cyber", "hacking", "shelling", "strike",
                                "assassination", "terror"})  # "a sabotage campaign against Poland"
REGARDING = frozenset({"regard", "consider", "view", "see", "count", "treat"})  # "regards X as a partner"
PARTNER_NOUNS = frozenset({"ally", "partner", "friend"})
SHARED = frozenset({"intelligence", "information", "data", "technology", "know-how", "expertise", "experience",
                    "imagery", "intel"})  # "shared intelligence with X"
WINDING_UP = frozenset({"shut", "close", "suspend", "halt", "cease", "stop", "end", "evacuate", "vacate", "reduce",
                        "cut", "downgrade"})  # "ordered the embassy to suspend its work": a closure
CLOSING = frozenset({"close", "shut", "shutter", "order"})  # "ordered the closure of Russia's consulate"
REDUCING = frozenset({"cut", "reduce", "downgrade", "slash", "shrink", "curtail"})  # a diplomatic presence cut
MISSIONS = frozenset({"consulate", "embassy", "mission", "consulate-general", "legation"})
RETORTING = frozenset({"say", "warn", "vow", "threaten", "pledge", "insist", "promise", "reserve", "declare", "add"})
FUTURE_AUX = frozenset({"would", "will", "could", "may", "might", "'ll", "shall", "to", "can", "wo"})
RETALIATING = frozenset({"respond", "retaliate", "react", "reciprocate", "answer"})
COUNTERMEASURES = frozenset({"countermeasure", "retaliation", "reprisal", "countermeasures"})
RESPONSES = frozenset({"consequence", "response", "reprisal", "retribution"})  # "warned of consequences"
PROVOCATIONS = frozenset({"SUPPLY_ARMS", "DEPLOY_TO", "ATTACK", "MOBILIZE", "SANCTION", "THREATEN"})  # what is answered
DEFYING = frozenset({"reject", "dismiss", "defy", "ignore", "brush", "shrug"})  # "rejected Trump's threat"
THREATS = frozenset({"threat", "ultimatum"})
SITES = frozenset({"facility", "site", "plant", "installation", "infrastructure", "grid", "refinery", "depot",
                   "airfield", "airbase", "base", "port", "position", "reactor", "arsenal", "program", "programme"})
MEMBERSHIP_BIDS = frozenset({"bid", "application", "candidacy"})  # for a seat in or membership of a body
SEATS_IN = frozenset({"seat", "membership", "place", "entry", "accession", "admission"})
OPENNESS = frozenset({"open", "ready", "willing", "prepared", "available"})  # disposed to (talks): a hedge
GARRISONS = frozenset({"base", "airbase", "airfield", "airport", "port", "camp", "outpost", "garrison", "installation",
                       "facility", "station", "harbour", "harbor"})  # where forces are kept, not a front line
DELEGATES = frozenset({"negotiator", "delegation", "envoy", "emissary", "delegate", "diplomat", "mediator"})
CREDITING = frozenset({"blame", "punish", "sanction", "condemn", "criticize", "criticise", "praise", "thank",
                       "accuse", "fault", "reward", "credit", "commend", "fine"})  # "blamed X for …": X did it
LOWERING = frozenset({"cut", "lower", "reduce", "slash", "bring"})  # tariffs cut to zero are gone; to 15% are not
COPULAS = frozenset({"be", "remain", "become", "stay"})  # a role noun parsed as their object is said of the subject
RELEASES = frozenset({"release", "freeing", "freedom", "return"})  # "urged the release of X": X is not asked
QUANTITIES = frozenset({"hundred", "hundreds", "dozen", "dozens", "thousand", "thousands", "score", "scores",
                        "number", "couple"})  # "hundreds of strikes on Syria": the strikes are the event
BACKING = frozenset({"support", "solidarity", "backing", "help", "stance", "position", "loyalty"})  # thanked for
ENTRY_NOUNS = frozenset({"entry", "visa", "travel", "admission", "issuance", "arrival"})
TRAVELLERS = frozenset({"national", "citizen", "traveller", "traveler", "visitor", "holder", "resident", "tourist",
                        "people", "passenger"})
STATIONING = frozenset({"deploy", "redeploy", "station", "base", "position", "forward-deploy"})
WARSHIPS = frozenset({"warship", "ship", "vessel", "fleet", "frigate", "destroyer", "submarine", "corvette", "flotilla",
                      "navy", "carrier"})
RELYING = frozenset({"rely", "depend"})  # "relies on Moscow for its weapons"
LISTING = frozenset({"put", "place", "add", "return", "include"})  # "put X on the list of state sponsors of terrorism"
BLACKLISTS = frozenset({"sanction", "entity", "sponsor", "watch", "control", "blacklist"})
REFUSING = frozenset({"refuse", "decline"})
TIMES = frozenset({"DATE", "TIME"})
ANSWERS = RESPONSES | {"retaliation", "reply", "answer", "riposte", "punishment"}
ANSWERING_VERBS = frozenset({"meet", "face", "draw", "trigger", "provoke", "invite", "bring"})  # "would meet a response"
SHELTERING = frozenset({"shelter", "harbour", "harbor", "host"})
PEOPLE_IN_NEED = frozenset({"refugee", "migrant", "asylum", "civilian", "evacuee", "people", "family", "child",
                            "displaced", "survivor", "student", "worker", "exile", "dissident", "defector",
                            "opponent", "critic", "activist", "journalist"})  # sheltering a state's exiles backs no state
OFFERS = frozenset({"invitation", "offer", "proposal"})  # declining one to act is refusing to act
TIME_SPANS = frozenset({"day", "week", "month", "year", "hour", "decade"})
ELEVATING = frozenset({"raise", "elevate", "upgrade", "lift"})
SUFFERED = frozenset({"lose", "fall", "fail", "collapse", "suffer", "starve", "go", "be", "become", "freeze", "die"})
PROPPING = frozenset({"prop", "shore", "bolster", "stabilise", "stabilize", "rebuild"})  # "shore up X's reserves"
ECONOMY_NOUNS = frozenset({"economy", "budget", "reserve", "currency", "finances", "finance", "recovery",
                           "reconstruction", "grid", "balance"})  # what money props up: aid to its owner
MONEY_MODIFIERS = frozenset({"economic", "financial", "budgetary", "budget", "fiscal", "humanitarian", "monetary"})
DECLARING = frozenset({"declare", "proclaim", "form", "set", "establish", "announce", "install", "create"})
PHONING = frozenset({"call", "phone", "telephone", "ring"})
CALL_NOUNS = frozenset({"call", "phone", "telephone", "conversation", "videoconference", "videocall", "phonecall"})
DEVELOPING = frozenset({"build", "rebuild", "develop", "modernise", "modernize", "expand", "improve", "upgrade",
                        "restore", "repair", "reconstruct", "recover", "strengthen", "boost", "grow", "diversify"})
BACKING_VERBS = frozenset({"back", "support", "help", "assist", "aid", "bolster", "prop", "sustain"})
PARTS = frozenset({"part", "component", "spare", "kit", "upgrade"})
PORTIONS = frozenset({"most", "much", "some", "all", "part", "many", "bulk", "share", "majority", "half", "third",
                      "quarter", "percent", "cent", "portion"})  # "most of its gas", "nine per cent of its gas":
# the gas moves
REPRISALS = frozenset({"retaliate", "hit back", "strike back"})  # "vowed to retaliate against X"
VOWING = frozenset({"vow", "pledge", "promise", "swear"})
# verbs that answer what another said: its speaker said it to the answerer ("rejected a protest from X")
ANSWERING = frozenset({"reject", "dismiss", "turn", "brush", "rebuff", "spurn", "ignore", "deny", "receive", "answer",
                       "heed", "accept", "refute", "deflect", "refuse", "decline", "defy", "resist", "meet"})
RECEIVING = frozenset({"receive", "win", "get", "gain", "secure", "earn", "enjoy", "obtain"})  # "won backing from X"
WORDS_FROM = frozenset({"CRITICIZE", "REQUEST", "SUPPORT", "THREATEN"})  # said by the one it comes from
# words the rules of this module read that are no relation triggers of the lexicon, for the pre-filter
# (it adds the lexicon's leave_verbs and troops itself): blame, withdrawals, "refused to rule out",
# designations, refusals, phone calls, displeasure, troops stationed, reactions drawn
RULE_WORDS = WITHDRAWING | DESIGNATING | REFUSING | PHONING | RESPONSIBLE | WRONG_VERBS | DISPLEASED | STATIONED | \
    DRAWING | RELYING | ELEVATING | {"rule", "responsibility", "behind", "carpet"}
DEFINITE = frozenset({"the", "this", "that", "these", "those"})  # "the strike", "this move": said before
MISSION_NOUNS = {"mission", "operation", "force", "contingent", "deployment"}  # sent to one "in X": to X
THREAT_OBJECTS = ("on", "against")  # "threatened tariffs on X", "threatened military action against X"


def _pairs(sources: list[Actor], targets: list[Actor]) -> Iterator[tuple[Actor, Actor]]:
    for s in sources:
        for t in targets:
            if s.id != t.id:
                yield s, t


def _among_peacemaking(fighting) -> bool:
    """Whether the clause a fighting noun hangs in makes or seeks peace between its sides ('agreed to a ceasefire,
    ending days of fighting', 'resumed talks despite weeks of fighting'), not 'pledged to keep helping Ukraine after
    three years of fighting' (a war its subjects did not fight with each other)."""
    clause = next((a for a in fighting.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("pcomp", "acl")), None)
    return clause is not None and any(_lemma(t) in PEACEMAKING for t in clause.subtree)


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
        found = []
        for token in self.r.sent:
            for cand in self._at(token):
                key = self._key(cand)
                if key not in seen:
                    seen.add(key)
                    found.append(cand)
        for cand in list(found):  # "X and Y signed an agreement to build a railway": cooperation, planned
            purpose = self._cooperation_purpose(cand) if cand.relation == "AGREE" else None
            pair = {cand.source.id, cand.target.id}
            if purpose is None or any({c.source.id, c.target.id} == pair and c.relation in
                                      ("COOPERATE", "SUPPLY_ARMS", "AID", "DEPLOY_TO") for c in found):
                continue
            found.append(replace(cand, relation="COOPERATE", trigger=purpose.i, predicate=_phrase(purpose)))
        found = [self._warned(c) for c in found]
        open_threats = {(c.source.id, c.target.id) for c in found
                        if c.relation == "THREATEN" and _lemma(self.r.doc[c.trigger]) == "rule"}
        found = [c for c in found if not (  # "refused to rule out using force against X": the threat, no attack
            c.relation == "ATTACK" and (c.source.id, c.target.id) in open_threats)]
        # one event per refusal: "does not recognise Kosovo" and "refused to recognise X" are REJECT, not also a
        # recognition denied (the plain reading of the same trigger, or of the verb refused, gives way)
        refused = {(c.trigger, frozenset((c.source.id, c.target.id))) for c in found if c.reverses_negation}
        rejected = {(c.source.id, c.target.id) for c in found if c.relation == "REJECT"}
        found = [c for c in found if c.reverses_negation or not (
            (c.trigger, frozenset((c.source.id, c.target.id))) in refused or (
                c.relation == "SUPPORT" and (c.source.id, c.target.id) in rejected and _lemma(self.r.doc[c.trigger])
                in ("recognise", "recognize") and _lemma(self.r.doc[c.trigger].head) in REFUSING))]
        for cand in [*self._visits(found), *self._summits(found), *self._followed_suit(found), *self._joined(found),
                     *self._conditional_punishment(found),
                     *self._retaliation(found), *self._agreed_with(found)]:
            key = self._key(cand)
            if key not in seen:
                seen.add(key)
                found.append(cand)
        yield from found

    def _key(self, cand: Candidate) -> tuple[str, str, str]:
        """A candidate's triple; a symmetric relation's ends in id order (one row for "X–Y" and "Y–X")."""
        ends = (cand.source.id, cand.target.id)
        if self.vocabulary[cand.relation].symmetric:
            ends = tuple(sorted(ends))
        return ends[0], cand.relation, ends[1]

    def _retaliation(self, found: list[Candidate]) -> Iterator[Candidate]:
        """'warned that Pyongyang would take corresponding measures', 'said Moscow would respond in kind', 'warned
        of overwhelming countermeasures', 'reserved the right to respond' → THREATEN: against whom the response is
        named ('retaliate against X', 'if Washington raised tariffs'), or else whom the speaker criticized,
        sanctioned or rejected in the same sentence. 'Nigeria rejected Trump's threat' → Trump THREATEN Nigeria."""
        r = self.r
        r.indirect = False
        for verb in r.sent:
            lemma = _lemma(verb)
            if lemma in DEFYING and verb.pos_ == "VERB":
                for threat in [c for c in verb.children if c.dep_ == "dobj" and _lemma(c) in THREATS]:
                    makers = [a for c in threat.children if c.dep_ == "poss" for a in r.actors_of(c)]
                    yield from self._emit(makers, "THREATEN", r.agents(verb), verb, _phrase(verb))
            if lemma not in RETORTING or verb.pos_ != "VERB":
                continue
            speakers = r.agents(verb)
            own = r.own_side(speakers)
            acts = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
            acts += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" and lemma in ("warn", "threaten")
                     for p in c.children if p.dep_ == "pobj"]
            acts += [c for c in verb.children if c.dep_ == "dobj" and lemma in ("vow", "threaten", "promise", "pledge")
                     and _lemma(c) in RESPONSES]  # "vowed a forceful response"
            acts += [a for h in [verb, *(c for c in acts if _lemma(c) == "reserve")] for c in h.children
                     if c.dep_ == "dobj" and c.lower_ == "right"
                     for a in c.children if a.dep_ in ("acl", "relcl")]  # "(said it) reserved the right to respond"
            responses = [a for a in acts if _lemma(a) in RETALIATING or (
                a.pos_ == "NOUN" and _lemma(a) in COUNTERMEASURES | RESPONSES) or (_lemma(a) == "take" and any(
                    o.dep_ == "dobj" and _lemma(o) in COUNTERMEASURES | {"measure", "step", "action"}
                    for o in a.children))]
            responses = [a for a in responses if all(  # the speaker's own response, not another's
                x in own for c in a.children if c.dep_ == "nsubj" for x in r.actors_of(c)) and (
                a.pos_ == "NOUN" or any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in a.children))]
            # one to come ("would respond", "to respond"), not "had responded with restraint"
            if not responses or not speakers:
                continue
            targets = [x for a in responses for p in a.subtree if p.dep_ == "prep" and p.lower_ in ("against", "to")
                       and p.head.i == a.i for o in p.children if o.dep_ == "pobj" for x in r.actors_of(o)]
            targets += [x for a in responses for c in a.children if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless", "should") for m in c.children)
                for n in c.children if n.dep_ == "nsubj" for x in r.actors_of(n)]  # "… if Washington raised tariffs"
            if not targets:
                targets = [c.target for c in found if c.source in own and c.relation in ("CRITICIZE", "SANCTION")]
            if not targets:  # "Washington approved the sale to Taiwan, and Beijing vowed a forceful response"
                targets = [c.source for c in found if c.trigger < verb.i and c.relation in PROVOCATIONS
                           and c.source not in own]
            yield from self._emit(speakers, "THREATEN", [t for t in _unique(targets) if t not in own], verb,
                                  _phrase(verb))

    def _warned(self, cand: Candidate) -> Candidate:
        """'Rubio warned that the United States would not tolerate a Russian presence', 'Eritrea has warned that it
        will not accept any Ethiopian move': what a speaker warns their own side will not tolerate or accept is the
        speaker's threat, made by the warning (SCHEMA: THREATEN is a warning of force or punishment)."""
        r = self.r
        verb = r.doc[cand.trigger]
        if cand.relation not in ("THREATEN", "REJECT") or verb.dep_ != "ccomp" or _lemma(verb.head) != "warn":
            return cand
        if cand.relation == "REJECT" and not (_lemma(verb) in NOT_ALLOWING and any(
                c.dep_ == "neg" for c in verb.children) and any(
                c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)):
            return cand
        speakers = r.agents(verb.head)
        own = r.own_side(speakers)
        if not speakers or cand.source not in own or cand.target in own:
            return cand
        source = cand.source if cand.source in speakers else speakers[0]
        return replace(cand, relation="THREATEN", source=source, trigger=verb.head.i, predicate=_phrase(verb.head),
                       reverses_negation=False)

    def _conditional_punishment(self, found: list[Candidate]) -> Iterator[Candidate]:
        """'It said it could impose further sanctions if the military did not restore order': a punishment held
        out on a condition is a threat (SCHEMA: THREATEN), besides the punishment it may become."""
        for cand in found:
            if cand.relation not in ("SANCTION", "ATTACK"):
                continue
            trigger = self.r.doc[cand.trigger]
            verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head if trigger.dep_ == "dobj" else None
            if verb is None or not any(c.dep_ == "aux" and c.lower_ in SUPPOSING_AUX for c in verb.children):
                continue
            if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                   for c in verb.children):
                yield Candidate(cand.source, "THREATEN", cand.target, verb.i, _phrase(verb), cand.indirect)

    def _agreed_with(self, found: list[Candidate]) -> Iterator[Candidate]:
        """'Cairo had agreed to reopen embassies with Tehran', 'agreed to share radar data with Israel', 'agreed to
        sell uranium to Iran': agreeing to do something with or for another side is an agreement with it, unless
        what was agreed already names the tie as a transfer or a meeting ('agreed to buy jets from France')."""
        r = self.r
        r.indirect = False
        for verb in r.sent:
            if _lemma(verb) != "agree" or verb.pos_ != "VERB" or r.slot_actors(verb, "with"):
                continue
            sources = r.agents(verb)
            if not sources:
                continue
            for act in [c for c in verb.children if c.dep_ == "xcomp" and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]:
                heads = [act, *(c for c in act.children if c.dep_ == "dobj" and _lemma(c) not in BORDER_NOUNS)]  # not "open its border with X"
                partners = [a for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                            for p in c.children if p.dep_ == "pobj" and p.i in r.by_token for a in r.actors_of(p)]
                # a side named, not goods of some origin ("supply Ukraine with American gas")
                for partner in _unique(partners):
                    if partner in sources or any({c.source.id, c.target.id} == {partner.id, s.id} and c.relation in
                                                 AGREED_ALREADY for c in found for s in sources):
                        continue
                    yield from self._emit(sources, "AGREE", [partner], verb, _phrase(verb))

    def _followed_suit(self, found: list[Candidate]) -> Iterator[Candidate]:
        """'Mali cut ties with Kyiv; Niger followed suit', '…, as did Jordan', 'and so did Jordan',
        'Jordan did the same': the follower does what was said before."""
        r = self.r
        for verb in r.sent:
            pro = _pro_verb(verb)
            if not (pro or _follows(verb)):
                continue
            denied = pro and any(c.dep_ == "neg" for c in verb.children)
            followers = r.agents(verb)
            for cand in found:
                if cand.trigger < verb.i and cand.relation not in ("LEADS", "REPRESENTS") and not cand.presupposed:
                    for follower in followers:
                        if follower.id not in (cand.source.id, cand.target.id):
                            if pro and not denied:  # "…, as have X": as said (negated, hedged) of the first
                                yield replace(cand, source=follower, indirect=True, presupposed=False)
                            else:  # "…, but Jordan did not" (its own "not"); "Niger followed suit"
                                yield Candidate(follower, cand.relation, cand.target, verb.i,
                                                cand.predicate if pro else _phrase(verb), True)

    def _joined(self, found: list[Candidate]) -> Iterator[Candidate]:
        """'Australia will recognise Palestine, joining France, Britain and Canada': the states joined did the same
        before (not 'joining NATO', an organization joined as a member)."""
        r = self.r
        for verb in r.sent:
            if _lemma(verb) != "join" or verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj"):
                continue
            companions = [a for c in verb.children if c.dep_ == "dobj" for a in r.actors_of(c) if a.kind == "country"]
            if any(c.dep_ == "prep" and c.lower_ == "in" for c in verb.children):
                continue  # "joining France in condemning X": the condemning is its own event
            for cand in found:
                if cand.trigger < verb.i and cand.relation not in ("LEADS", "REPRESENTS") and \
                        r.doc[cand.trigger] in verb.head.subtree and not cand.presupposed:
                    for companion in companions:
                        if companion.id not in (cand.source.id, cand.target.id):
                            yield Candidate(companion, cand.relation, cand.target, verb.i, cand.predicate, True)

    def _summits(self, found: list[Candidate]) -> Iterator[Candidate]:
        """'X held talks with Y on the sidelines of the APEC summit', 'signed the deal at the ASEAN meeting':
        both sides met the organization whose gathering it was (SCHEMA: a summit is MEET)."""
        r = self.r
        for cand in found:
            if cand.relation not in ("MEET", "AGREE"):
                continue
            trigger = r.doc[cand.trigger]
            heads = {h.i: h for h in (trigger, trigger.head, *(c for c in trigger.children if c.dep_ == "dobj"))}
            owners = _unique([a for h in heads.values() for g in self._venues(h) for a in self._holders(g)
                              if a.kind == "organization"])
            for org in owners:
                for side in (cand.source, cand.target):
                    if side.id != org.id and not r.ctx.acts_for(side, org):
                        yield Candidate(side, "MEET", org, cand.trigger, cand.predicate, True)

    def _holders(self, gathering) -> list[Actor]:
        """Who holds a gathering: 'the APEC summit', "an ASEAN ministers' meeting", 'a summit of the AU'."""
        r = self.r
        named = [c for m in gathering.children if m.dep_ in ("compound", "poss", "amod")
                 for c in (m, *(x for x in m.children if x.dep_ in ("compound", "amod", "nmod"))) if c.i in r.by_token]
        return [*(a for c in named for a in r.actors_of(c)), *r._pobj_actors(gathering, ("of",), 0)]

    def _venues(self, head) -> list:
        """The gatherings ``head`` took place at: 'on the sidelines of the G20 summit', 'at a NATO meeting'."""
        out = []
        for c in head.children:
            if c.dep_ != "prep" or c.lower_ not in ("on", "at", "during"):
                continue
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if p.lemma_.lower() in ("sideline", "sidelines", "margin", "margins"):
                    out += [g for o in p.children if o.dep_ == "prep" and o.lower_ == "of"
                            for g in o.children if g.dep_ == "pobj" and self._gathering(g)]
                elif c.lower_ != "on" and self._gathering(p):
                    out.append(p)
        return out

    def _visits(self, found: list[Candidate]) -> Iterator[Candidate]:
        """'Araghchi held talks with Wang Yi in Beijing': a meeting in the other side's country is a visit
        to that country too (SCHEMA: a visit to a country's capital is MEET); not talks on neutral ground."""
        r = self.r
        for cand in found:
            if cand.relation != "MEET" and not (cand.relation == "AGREE" and cand.source.kind == "person"
                                                and cand.target.kind == "person"):
                continue  # "the accord Erdogan and Sudani agreed in Ankara": Sudani was in Turkey
            trigger = r.doc[cand.trigger]
            objects = [d for d in trigger.children if d.dep_ == "dobj"] + [  # "received by Sharaa in Damascus"
                o for d in trigger.children if d.dep_ == "agent" or (d.dep_ == "prep" and d.lower_ == "with")
                for o in d.children if o.dep_ == "pobj"]
            places = [p for c in [*trigger.children, *trigger.head.children, *(c for d in objects for c in d.children)]
                      if c.dep_ == "prep" and c.lower_ == "in"  # "signed the treaty in Canberra"
                      for p in c.children if p.dep_ == "pobj" and p.i in r.by_token]
            for place in places:
                country = r.by_token[place.i].actor
                if country.kind != "country":
                    continue
                seat = r.ctx.base.is_seat(r.by_token[place.i].text)  # "shook hands in the White House": both guests
                for guest, host in ((cand.source, cand.target), (cand.target, cand.source)):
                    hosts = country.id == host.id or r.ctx.acts_for(host, country) or (  # "X met Y in Tokyo": X's
                        seat and host.kind == "person" and not r.ctx.acts_for(host, country))  # visit when Y is Japan's
                    if guest.kind == "person" and hosts and not r.ctx.acts_for(guest, country):
                        yield Candidate(guest, "MEET", country, cand.trigger, cand.predicate, True)

    def _cooperation_purpose(self, cand):
        """The 'to build' of an agreement made to build, extend, trade … (None for a truce or a pact)."""
        trigger = self.r.doc[cand.trigger]
        heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
        if trigger.dep_ in ("dobj", "pobj") and trigger.head.pos_ in ("VERB", "ADP"):
            heads.append(trigger.head)
        for head in heads:
            for c in head.children:
                if c.dep_ in ("xcomp", "acl", "advcl", "relcl") and c.lemma_.lower() in self.lex.cooperation_purposes \
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    return c
        for head in heads:  # "a defence cooperation agreement", "a military cooperation accord"
            for c in head.children:
                if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in ("cooperation", "co-operation") \
                        and self.lex.object_class(head.lemma_) == "agreement":
                    return c
        return None

    def _at(self, token) -> Iterator[Candidate]:
        lex = self.lex
        lemma = token.lemma_.lower()
        if token.lower_ in ("due", "expected") and token.dep_ in ("acomp", "ROOT"):
            yield from self.due_in(token)
        if lemma in ("target", "act") and token.pos_ == "NOUN":
            yield from self.fair_target(token)
        if lemma in ANSWERS and token.pos_ == "NOUN":
            yield from self.answered(token)
        if token.lower_ == "persona" and token.i + 2 < token.sent.end and token.nbor(2).lower_ == "grata":
            yield from self.non_grata(token)
        if token.pos_ == "PROPN" and token.i in self.r.by_token and any(
                c.dep_ == "prep" and c.lower_ == "for" for c in token.children):
            yield from self.there_for(token)
        if lemma in MEMBERSHIP_BIDS and token.pos_ == "NOUN":
            yield from self.membership_bid(token)
        if token.pos_ == "ADJ" and token.tag_ == "JJ" and token.lower_.endswith("ed") and self.r.by_agent(token):
            token_is_participle = True  # "Kataib Hezbollah, armed and funded by the Guards": a reduced relative
        else:
            token_is_participle = token.tag_ == "VBN"
        if token.pos_ == "ADJ" and token_is_participle and lemma.endswith("ed") and lemma not in lex.verbs:
            lemma = next((stem for stem in (lemma[:-2], lemma[:-1]) if stem in lex.verbs or stem in lex.transfer_verbs),
                         lemma)  # "armed" → arm
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token_is_participle):
            if lemma in lex.transfer_verbs:
                yield from self.transfer(token, lemma)
            elif lemma == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() == "delivery" for c in token.children):
                yield from self.transfer(token, "receive")  # "took delivery of 180 K2s from South Korea"
            if lemma in lex.criticizing_reporters:
                yield from self.accusation(token, lemma)
            if lemma in lex.requesting_reporters:
                yield from self.demand(token)
            if lemma in lex.mutual_verbs or lemma in ("trade", "exchange"):
                yield from self.mutual(token, lemma)
            elif lemma == "fight" and not any((c.dep_ == "dobj" and c.lemma_.lower() not in WARS) or (
                    c.dep_ == "prep" and c.lower_ in ("against", "alongside", "for")) for c in token.children):
                yield from self.mutual(token, lemma)  # "Indian and Chinese soldiers fought"
            if lemma == "fight" and token.tag_ == "VBG" and token.dep_ == "pobj":
                yield from self.days_of_fighting(token)
            if lemma in lex.reversed_negatives:
                yield from self.reversed_negative(token, lemma)
            if lemma == "call":
                yield from self.courtesy_call(token)
            if lemma == "accept":
                yield from self.accepted_offer(token)
            if lemma == "join" and token.head.lemma_.lower() in lex.join_heads:
                yield from self.request_to_join(token)
            yield from self.expulsion(token)
            if lemma in WITHDRAWING or lemma in lex.leave_verbs:
                yield from self.withdrawal(token, lemma)
            if lemma in DESIGNATING:
                yield from self.designation(token)
            if lemma in BARRING:
                yield from self.entry_ban(token)
            if lemma in DRAWING:
                yield from self.angry_response(token)
            if lemma in RELIEVING:
                yield from self.debt_relief(token, lemma)
            if lemma == "thank":
                yield from self.thanked_for(token)
            if lemma in FOUNDING:
                yield from self.founded_bloc(token)
            if lemma in CLOSING or lemma in REDUCING:
                yield from self.mission_closed(token)
            if lemma == "share":
                yield from self.shared_with(token)
            if lemma in REGARDING:
                yield from self.regarded_as(token)
            if lemma in LISTING:
                yield from self.listed(token)
            if lemma in RELYING:
                yield from self.relied_on(token)
            if lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
                yield from self.not_ruled_out(token)
            yield from self.participation(token, lemma)
            if lemma in lex.attend_verbs or lemma in ("take", "participate") or lemma in TRAVELLING:
                yield from self.attendance(token, lemma)
            particles = [c.lower_ for c in token.children
                         if c.dep_ == "prt" or (c.dep_ == "advmod" and f"{lemma} {c.lower_}" in lex.verbs)
                         or (c.dep_ == "dobj" and f"{lemma} {c.lower_}" in lex.verbs)]  # "shook hands with"
            if lemma in lex.label_verbs:
                yield from self.labelled(token)
            if lemma in BLAMING:
                yield from self.responsibility(token, lemma)
            if lemma in ("be", "remain", "feel", "become") or token.lower_ in DISPLEASED:
                yield from self.displeased(token)
            if lemma in ("place", "put", "keep"):
                yield from self.placed_under(token)
            if lemma in PHONING:
                yield from self.phoned(token)
            if lemma in ELEVATING:
                yield from self.elevated(token)
            if lemma == "roll":
                yield from self.red_carpet(token)
            yield from self.on_the_phone(token)
            yield from self.side_by_side(token, lemma)
            if lemma == "be":
                yield from self.was_in(token)
            if lemma in REFUSING or any(relation == "REJECT" for relation, _ in lex.verbs.get(
                    " ".join([lemma, *particles[:1]]), lex.verbs.get(lemma, ()))):
                yield from self.refusal(token)
            if lemma in lex.reporting_verbs:
                yield from self.reported_wrong(token)
            hosting = lemma in ("welcome", "greet") and self._hosting(token)
            for key in [lemma, *(f"{lemma} {p}" for p in particles)]:
                for relation, slots in lex.verbs.get(key, ()):
                    if hosting:  # "welcomed Putin to Beijing" is a visit, not praise
                        relation, slots = "MEET", ("dobj",)
                    if key != lemma and any(c.dep_ == "advmod" and c.lower_ == key.split()[1]
                                            for c in token.children):
                        found = self.particle_frame(token, key.split()[1], relation, slots)
                    else:
                        found = self.verb(token, relation, slots)
                    back = any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in token.children)
                    if (key in REPRISALS or (back and f"{lemma} back" in REPRISALS)) and token.dep_ == "xcomp" \
                            and _lemma(token.head) in VOWING:
                        found = self.vowed(token, found)
                    yield from found
        elif token.pos_ in ("NOUN", "PROPN"):
            if lemma == "war" and token.dep_ == "compound" and token.head.lemma_.lower() == "game":
                return  # "war games" are drills, read at "games"
            if lemma == "game" and any(c.dep_ == "compound" and c.lower_ == "war" for c in token.children):
                lemma = "exercise"
            if token.dep_ == "compound" and (token.head.lemma_.lower() in lex.nouns
                                             or token.head.lemma_.lower() in lex.ties_nouns):
                return  # "trade agreement", "defence cooperation pact": the head noun carries the relation
            if lemma == "invitation" and token.dep_ == "dobj" and _lemma(token.head) == "accept":
                yield from self.invitation_accepted(token)
            if lemma == "invitation" and ((token.dep_ == "pobj" and token.head.lower_ in ("at", "on", "upon")) or (
                    token.dep_ == "dobj" and any(c.dep_ in ("poss", "compound") or (c.dep_ == "prep" and c.lower_ == "of")
                                                 for c in token.children))):  # "declined Switzerland's invitation"
                yield from self.at_invitation(token)
            if lemma == "presence" and token.dep_ == "pobj" and token.head.lower_ == "in":
                yield from self.in_presence_of(token)
            if token.dep_ == "dobj" and any(rel == "MEET" for rel, _ in lex.nouns.get(lemma, ())):
                yield from self.talks_in(token)
            if token.dep_ == "dobj" and any(rel == "AGREE" for rel, _ in lex.nouns.get(lemma, ())) and \
                    _lemma(token.head) in self.lex.agreement_verbs:
                yield from self.signed_in(token)
            if lemma in lex.ties_nouns:
                yield from self.ties(token)
                return
            if lemma in lex.transfer_nouns:
                yield from self.transfer_noun(token, lemma)
            if lemma in ("contract", "deal", "order", "agreement") and token.dep_ in ("dobj", "nsubjpass"):
                yield from self.arms_contract(token)
            if lex.object_class(lemma) == "troops" or (_lemma(token) == "base" and token.dep_ == "dobj"
                                                       and _lemma(token.head) in KEEPING) or (
                    lex.object_class(lemma) == "weapons" and token.dep_ in ("nsubj", "nsubjpass")
                    and _lemma(token.head) in STATIONED) or (  # "Chinese warships were based at Ream"
                    lemma == "presence" and any(c.lower_ in ("military", "naval", "troop") for c in token.children)):
                yield from self.stationed(token)
            if lex.object_class(lemma) == "weapons":
                yield from self.weapons_aimed(token)
            for relation, preps in lex.nouns.get(lemma, ()):
                found = list(self.noun(token, relation, preps))
                yield from found
                if lemma == "war" and relation == "ATTACK":
                    yield from self._war_with(token, found)
                if relation == "SANCTION":
                    yield from self.under_sanctions(token)
                if relation == "REQUEST":
                    yield from self.demand_noun(token)
            if lemma not in NOT_JOINT and lemma not in lex.object_classes_of("agreement") and \
                    not any(r == "MEET" for r, _ in lex.nouns.get(lemma, ())) and \
                    any(t.lower_ == "joint" or (t.lower_ in JOINT_WORDS and lemma in lex.joint_nouns)
                        for t in token.subtree if t.i < token.i):
                yield from self.joint(token)
            yield from self.hyphen_participle(token)

    def _emit(self, sources, relation, targets, token, predicate, symmetric_fallback=(), presupposed=False,
              reverses_negation=False):
        same_group = len(sources) > 1 and {a.id for a in sources} == {a.id for a in targets}
        if same_group and symmetric_fallback and self.vocabulary[relation].symmetric:
            pairs = list(_all_pairs(_unique(sources)))  # "A and B met": once, not once each way
        else:
            pairs = [] if same_group and not symmetric_fallback else list(_pairs(sources, targets))
        if not pairs and symmetric_fallback and self.vocabulary[relation].symmetric:
            pairs = list(_all_pairs(_unique(list(symmetric_fallback))))
        for s, t in pairs:
            yield Candidate(s, relation, t, token.i, predicate, self.r.indirect, presupposed, reverses_negation)

    # -- verbs -----------------------------------------------------------------
    def vowed(self, verb, found: Iterator[Candidate]) -> Iterator[Candidate]:
        """'vowed to retaliate against X', 'pledged to hit back at X': the vow is a threat, made now;
        'vowed to retaliate against the tariff that X plans to impose': X."""
        found = list(found)
        if not found:
            aimed = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("against", "at")
                     for p in c.children if p.dep_ == "pobj"]
            doers = [a for p in aimed for c in p.children if c.dep_ in ("relcl", "acl")
                     for a in (self.r.agents(c) if c.dep_ == "relcl" else self.r.by_agent(c))]
            found = list(self._emit(self.r.agents(verb), "THREATEN", _unique(doers), verb, _phrase(verb)))
        for cand in found:
            yield replace(cand, relation="THREATEN", trigger=verb.head.i)

    def verb(self, verb, relation: str, slots: tuple[str, ...]) -> Iterator[Candidate]:
        r = self.r
        r.indirect = False
        if relation == "ATTACK" and _lemma(verb) == "target" and verb.dep_ in ("acl", "advcl") and any(
                rel == "SANCTION" for t in verb.head.subtree if t.i < verb.i for rel, _ in self.lex.nouns.get(t.lemma_.lower(), ())):
            return  # "sanctions against Russia, targeting tankers": the sanctions' aim, not an attack
        if relation == "COOPERATE" and _lemma(verb) in BUILDING:
            built = [c for c in verb.children if c.dep_ == "dobj"] + ([verb.head] if verb.dep_ == "relcl" else [])
            if any(c.dep_ == "prt" for c in verb.children) or any(_lemma(b) in self.lex.ties_nouns for b in built):
                return  # "built up forces", "the security ties Tokyo has built with Washington": no joint project
            if not r.slot_actors(verb, "with") and not any(c.lower_ in JOINTLY for c in verb.children):
                return  # "the Baltic states are building a defence line": each its own; "building X with Y" is joint
        if relation == "MEET" and _lemma(verb) in ("arrive", "travel", "fly", "come") and any(
                c.dep_ == "nsubj" and self.lex.object_class(c.lemma_) == "troops" for c in verb.children):
            relation = "DEPLOY_TO"  # "Kenyan police officers arrived in Haiti": sent there, not a visit
        rescues = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                   if p.dep_ == "pobj" and _lemma(p) in RESCUES] if relation == "MEET" and _lemma(verb) in TRAVELLING else []
        if rescues:
            relation = "SUPPORT"  # "came to Iran's aid", "rushed to the defence of Kyiv": backing, not a visit
        if relation == "MEET" and _lemma(verb) == "fly" and (r.is_passive(verb) or any(
                c.dep_ == "dobj" and c.i not in r.by_token for c in verb.children)):
            return  # "they were flown to Juba", "India flew tents and food to Afghanistan": carried, not visiting
        if relation == "MEET" and _lemma(verb) == "return" and not all(a.kind == "person" for a in r.agents(verb)):
            return  # "Modi returned from Kyiv" was a visit; troops returning from a war were not
        if relation == "MEET" and _lemma(verb) == "receive" and any(
                c.dep_ == "dobj" and self.lex.object_class(c.lemma_) in ("troops", "weapons", "aid")
                for c in verb.children):
            return  # "received Russian troops": a deployment (read as a transfer), not a visit
        if relation == "SUPPORT" and _lemma(verb) in ("welcome", "invite") and not r.is_passive(verb):
            arrivals = [c for c in verb.children if c.dep_ == "dobj" and self.lex.object_class(c.lemma_) == "troops"]
            if arrivals:  # "Niger welcomed Russian military instructors": Russia deploys there
                yield from self._emit([a for c in arrivals for a in r.makers_of(c)], "DEPLOY_TO",
                                      _unique([r._state_of(a) for a in r.agents(verb)]), verb, _phrase(verb))
                return
        if relation == "MEET" and _lemma(verb) == "host":
            stationed = [c for c in verb.children if c.dep_ == "dobj" and
                         (self.lex.object_class(c.lemma_) in ("troops", "weapons") or _lemma(c) in ("engineer", "base"))
                         and not (c.lemma_.lower() in self.lex.container_nouns and any(  # "five rounds of talks"
                             p.dep_ == "prep" and p.lower_ == "of" for p in c.children))]
            if stationed:  # "Mauritius has hosted Indian military engineers": India deploys there
                yield from self._emit([a for c in stationed for a in r.makers_of(c)], "DEPLOY_TO",
                                      _unique([r._state_of(a) for a in r.agents(verb)]),  # "thanked Rahmon for hosting"
                                      verb, _phrase(verb))
                return
        if relation == "MEET" and _lemma(verb) == "meet" and any(
                c.dep_ == "dobj" and _lemma(c) in GOALS_MET for c in verb.children):
            return  # "works to meet NATO's force targets", "met Washington's demands": fulfilled, not a meeting
        if relation == "MEET" and "dobj" in slots and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.lex.nouns
                and not any(rel == "MEET" for rel, _ in self.lex.nouns[c.lemma_.lower()]) for c in verb.children):
            slots = tuple(s for s in slots if s != "dobj")  # "received Russia's demands" is no visit by Russia
        if relation == "ATTACK" and any(c.dep_ == "nsubj" and any(rel in ("SANCTION", "CRITICIZE") for rel, _ in
                                                                  self.lex.nouns.get(c.lemma_.lower(), ()))
                                        for c in verb.children):
            return  # "US sanctions hit Iran's economy", "the criticism struck a nerve": no strike
        if relation == "ALLY" and _lemma(verb) == "link" and any(c.dep_ == "dobj" for c in verb.children):
            return  # "agencies link APT28 to Russia's GRU": an attribution by the agencies, no alliance of theirs
        if relation == "MOBILIZE" and any(c.dep_ == "dobj" and c.lemma_.lower() in NETWORKS for c in verb.children):
            relation = "ATTACK"  # "Chinese hackers penetrated a Dutch military network": a cyberattack
        if relation == "COOPERATE" and self._exchanged(verb):
            return  # "traded artillery fire", "traded accusations": fighting and quarrelling, not trade
        if relation == "AID" and _lemma(verb) == "pay":
            slots = ()  # "paid for Russian gas" is trade: whom paying helps is worked out by _funded
        if "with" in slots and any(c.dep_ == "dobj" and c.lemma_.lower() in BORDER_HEADS and any(
                w.dep_ == "prep" and w.lower_ == "with" and w.i > c.i for w in [*verb.children, *c.children])
                                   for c in verb.children):
            slots = tuple(s for s in slots if s != "with")  # "patrol Armenia's frontiers with Iran": the border's
        passive = r.is_passive(verb)
        if passive:
            sources = r.by_agent(verb)
            if not sources and relation == "ATTACK":  # "Nasrallah was killed in an Israeli air strike"
                sources = [a for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
                           for p in c.children if p.dep_ == "pobj" and any(
                               rel == "ATTACK" for rel, _ in self.lex.nouns.get(p.lemma_.lower(), ()))
                           for a in r.makers_of(p)]
            holder = first_conjunct(verb)  # "which is armed and funded by Iran": the subject of the first conjunct
            targets = [a for c in holder.children if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and (
                holder is not verb or (c.lower_ in ("which", "who", "that") and any(
                    x.dep_ == "auxpass" for x in holder.children))))  # "which UN experts say is supported by"
                       for a in r.actors_of(c)] if "dobj" in slots else []  # "flew to Moscow and was received by Putin"
            if not targets and verb.dep_ == "acl" and "dobj" in slots:
                targets = r.actors_of(verb.head) or self._hosted(verb, verb.head)
            if not set(targets) - set(sources) and verb.dep_ == "acl" and relation in SUMMING_UP and \
                    self._sums_up(verb.head):  # "…, a move condemned by Israel": who moved
                targets = [a for a in self._summed_up_doers(verb.head) if a not in sources]
            described = r.participle_head(verb) if not targets and "dobj" in slots else None
            if described is not None:  # "Hamas, funded by Qatar and armed by Iran"; "The Houthis, armed by Iran, fired"
                targets = r.actors_of(described)
            if not targets and holder.dep_ == "relcl" and "dobj" in slots and any(
                    c.dep_ == "nsubjpass" and c.lower_ in ("which", "who", "that") for c in holder.children):
                targets = r.actors_of(holder.head)  # "the Houthis, who are backed by Iran"
            if not targets:  # "talks between A and B were hosted by X"
                targets = [a for c in verb.children if c.dep_ == "nsubjpass" for a in self._hosted(verb, c)]
            if not sources and self.vocabulary[relation].symmetric and "dobj" not in slots and \
                    any(r.slot_actors(verb, slot) for slot in slots):
                # "Kataib Hezbollah is aligned with Iran", "the group, which is linked to al-Qaeda"
                sources = [a for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ not in ("which", "that", "who")
                           for a in r.actors_of(c)] or (r.actors_of(verb.head) if verb.dep_ == "relcl" else [])
        else:
            sources = r.agents(verb)
            targets = []
        for slot in slots:
            if slot != "dobj" or not passive:
                targets += [a for a in r.slot_actors(verb, slot) if a not in targets]
        targets += [a for p in rescues for a in r._pobj_actors(p, ("of",), 0) if a not in targets]  # "the aid of Assad"
        if _lemma(verb) == "summon":  # "summoned China's ambassador, Zheng Zeguang": China is protested to
            envoy_states = [r.by_token[m.i].actor for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower()
                            in RECALLED for m in c.children if m.dep_ in ("poss", "amod", "compound")
                            and m.i in r.by_token and r.by_token[m.i].actor.kind == "country"]
            if envoy_states:
                targets = self._envoys_to_states(targets, envoy_states)
        if relation == "REJECT" and not passive:  # "vetoed a UN resolution put forward by the US and Japan"
            drafters = [a for c in verb.children if c.dep_ == "dobj" and c.i not in r.by_token for a in r._doers(c, 0)]
            targets = [a for a in drafters if a not in sources] or targets
        if relation == "SUPPORT" and not [a for a in targets if a not in sources] and not passive:
            backed = [c for c in verb.children if c.dep_ == "dobj" and c.i not in r.by_token and any(
                x.dep_ == "relcl" and _lemma(x) in PROPOSING for x in c.children)]
            targets = [a for c in backed for a in self._relative_clause_agents(c) if a not in sources] or targets
            # "fully supported the initiative, which Rabat launched in 2023", "pledged to support the elections
            # Nepal will hold": its author (not "a deployment the EU funded", "the deal Lima signed with Beijing")
        if relation == "REJECT" and not [a for a in targets if a not in sources] and not passive:
            rejected = [c for c in verb.children if c.dep_ == "dobj"] + [  # "voted against the Mercosur accord"
                p for c in verb.children if c.dep_ == "prep" and c.lower_ == "against" for p in c.children
                if p.dep_ == "pobj"]
            made = [a for c in rejected if c.i not in r.by_token
                    for a in self._relative_clause_agents(c) if a not in sources]
            # "dismissed the ceasefire Putin had declared", "rejected the truce that Moscow announced";
            # "rejected a protest from Beijing"
            targets = made or [a for c in rejected for a in r._pobj_actors(
                c, ("from", "for", "to") if c.lemma_.lower() in SALES else ("from", "for"), 0)  # "blocked the sale to X"
                       or r._doers(c, 0) or [r.by_token[x.i].actor for m in c.subtree  # "the Russian memorandum",
                                             if m.dep_ in ("amod", "compound", "poss") and m.i < c.i  # "U.S. sovereignty
                                             and m.i in r.by_token for x in self.r.hyphen_group(m)]  # claims",
                       or (r._pobj_actors(c, ("with",), 0) if self._gathering(c) or  # "talks with the NUG",
                           self.lex.object_class(c.lemma_) == "agreement" else [])]  # "any deal with Ankara"
            if not targets and any(self.lex.object_class(c.lemma_) == "agreement" for c in rejected):
                targets = [a for a in r._pobj_actors(verb, ("with",), 0) if a not in sources]  # "with" on the verb
        if relation in ("SANCTION", "CRITICIZE") and not passive:  # "expelled / summoned its ambassador, X": X and X's state
            for c in verb.children:
                if c.dep_ == "dobj" and c.lemma_.lower() in self.lex.expelled_nouns:
                    targets = self._envoys_to_states(targets, [a for m in c.children if m.dep_ in (
                        "poss", "amod", "compound") for a in r.actors_of(m) if a.kind != "person"])
        if _lemma(verb) in SHELTERING and any(c.dep_ == "dobj" and c.lemma_.lower() in PEOPLE_IN_NEED
                                              for c in verb.children):
            return  # "Turkey shelters three million Syrian refugees" backs no state; "harbours TTP fighters" does
        if relation == "CRITICIZE" and not targets and not passive and "dobj" in slots:
            targets = [a for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() not in self.lex.nouns
                       and c.lemma_.lower() not in self.lex.person_role_words and c.lemma_.lower() not in self.lex.agent_nouns
                       for p in c.children if p.dep_ == "poss" for a in r.actors_of(p) if a not in sources]
            # "condemned Dodik's laws", "criticised Beijing's response": what X made or did; not "Ukraine's allies"
        freed = [a for c in verb.children if c.dep_ == "dobj" and _lemma(c) in RELEASES
                 for a in r._pobj_actors(c, ("of",), 0)] if relation == "REQUEST" and not passive else []
        if freed:  # "urge the release of Riek Machar" asks his jailers, not Machar: whom the visit was to
            targets = [a for a in targets if a not in freed] or (
                r.slot_actors(verb.head, "dobj") if verb.dep_ in ("advcl", "xcomp") and _lemma(verb.head) in
                PURPOSEFUL_VISITS else [])  # "met President Salva Kiir to urge the release of …"
        if relation == "REQUEST" and _lemma(verb) == "call" and targets and all(a.kind == "person" for a in targets) \
                and not any(c.dep_ in ("xcomp", "ccomp", "advcl", "dobj") or (c.dep_ == "prep" and c.lower_ == "for")
                            for c in verb.children):
            relation = "MEET"  # "Dar called on Muhammad Yunus in Dhaka": a visit; "called on Yunus to resign" asks
        if relation == "SUPPORT" and _lemma(verb) in ("embrace", "hug") and targets and \
                all(a.kind == "person" for a in targets + sources):
            relation = "MEET"  # "embraced Zelensky in Kyiv": met him; "embraced the plan" is support
        if _lemma(verb) == "flank":
            if passive and not set(targets) - set(sources) and verb.dep_ == "acl" and verb.head.ent_type_ in TIMES:
                clause = next((t for t in verb.head.ancestors if t.pos_ in ("VERB", "AUX")), None)  # "opened the
                targets = r.agents(clause) if clause is not None else []  # forum on May 13, flanked by Lula"
            if not all(a.kind == "person" for a in targets + sources):
                return  # "flanked by Lula and Petro" is standing beside them; "a border flanked by NATO states" is not
        if _lemma(verb) == "tell" and not (targets and sources and all(a.kind == "person" for a in targets + sources)):
            return  # "Xi told Pezeshkian that …": they spoke; "told reporters", "told Moscow" (by what?) are no meeting
        if not targets and not passive and "dobj" in slots:  # "condemned what it called a campaign by Russia"
            labels = [p for c in verb.children if c.dep_ == "ccomp" and _lemma(c) in self.lex.label_verbs
                      and any(x.dep_ == "dobj" and x.lower_ == "what" for x in c.children)
                      for p in c.children if p.dep_ in ("oprd", "xcomp") or (p.dep_ == "dobj" and p.lower_ != "what")]
            targets = [a for p in labels for a in r._doers(p, 0) or r._pobj_actors(p.head, ("by",), 0) or [
                a for c in p.children if c.dep_ in ("poss", "amod", "compound") and c.i in r.by_token
                for a in r.actors_of(c)] if a not in sources]  # "by NATO" may hang on "called"
        if not targets:
            targets = self._implied_targets(verb, relation, slots, sources, passive)
        if relation in ("AID", "SUPPORT") and any(c.dep_ == "nsubj" and self.lex.object_class(c.lemma_) == "weapons"
                                                  for c in verb.children):
            relation = "SUPPLY_ARMS"  # "Turkish drones have helped Ukraine's army"
        if relation == "AID" and _lemma(verb) in FUNDING and any(
                self._object_class(t) == "weapons" for t in self._paid_for(verb)):
            relation = "SUPPLY_ARMS"  # "paying for Patriot systems for Ukraine" arms Ukraine
        if not passive and not targets and not (verb.dep_ in ("xcomp", "acl") and _lemma(verb.head) in OFFERING):
            # "X hosted talks between A and B", "talks hosted by X": the host meets each side (one that offered
            # or stood ready to host them has met nobody)
            hosted = [c for c in verb.children if c.dep_ == "dobj"] + ([verb.head] if verb.dep_ == "acl" else [])
            targets = [a for c in hosted for a in self._hosted(verb, c)]
            if targets and not sources and verb.dep_ == "acl":
                sources = r.by_agent(verb)
        if relation != "ATTACK" and verb.lemma_.lower() in ("violate", "breach", "cross", "enter", "penetrate") and not any(
                c.lemma_.lower() in BORDER_HEADS | {"territory", "zone", "airspace", "waters"}
                for c in [*(x for x in verb.children if x.dep_ == "dobj"),
                          *(p for x in verb.children if x.dep_ == "prep" for p in x.children if p.dep_ == "pobj")]):
            return  # violating a ceasefire is not a build-up
        if not targets and len(_unique(sources)) > 1 and _each_other(verb):  # "X and Y pledged to support each other"
            if relation in ("AID", "SUPPORT") and _lemma(verb) in MUTUAL_DEFENCE and not any(
                    c.dep_ in ("xcomp", "ccomp") for c in verb.children):  # not "help each other rebuild"
                # "to assist each other in the event of an attack": a mutual defence pledge
                yield from self._emit(_unique(sources), "ALLY", _unique(sources), verb, _phrase(verb),
                                      symmetric_fallback=_unique(sources))
                return
            yield from self._both_ways(_unique(sources), relation, verb)
            return
        if relation == "DEPLOY_TO" and _lemma(verb) == "fight":
            targets, fought = self._fought_beside(verb, sources, targets)
            yield from self._emit(sources, "ATTACK", fought, verb, _phrase(verb))
            beside = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "alongside"
                      for p in c.children if p.dep_ == "pobj"]  # "alongside X against Y", "against" hung on X
            enemies = [a for h in [verb, *beside] for a in r.slot_actors(h, "against") if a not in sources
                       and a not in targets]
            yield from self._emit(_unique(sources + targets), "ATTACK", enemies, verb, _phrase(verb))
            # "fighting alongside Congolese forces against the M23": both sides fight the M23
        if relation in ("SUPPORT", "AID") and _lemma(verb) in ("help", "assist") and not targets:
            targets = [a for c in verb.children if c.dep_ in ("ccomp", "xcomp") and _lemma(c) in DEVELOPING
                       for s in c.children if s.dep_ == "nsubj" for a in r.actors_of(s) if a not in sources]
            # "helped Iran rebuild its missile lines"; not "helped Iran evade sanctions", "help Moscow fight"
        if relation in ("SUPPORT", "AID") and _lemma(verb) in BACKING_VERBS and targets:
            means = [x for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                     for p in c.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)]
            for kind in dict.fromkeys(self._object_class(m) for m in means):  # "backed Ukraine with F-16 jets and
                moved = self.lex.object_relations.get(kind or "")  # money": arms and aid as well as backing
                if moved in ("SUPPLY_ARMS", "AID") and moved != relation:
                    yield from self._emit(sources, moved, targets, verb, _phrase(verb))
        if relation == "SUPPORT" and _lemma(verb) in BACKING_VERBS | PROPPING and any(
                c.dep_ == "dobj" and _lemma(c) in ECONOMY_NOUNS and any(x.dep_ == "poss" for x in c.children)
                for c in verb.children):
            relation = "AID"  # "1.9 billion euros to support Moldova's economy", "to shore up Pakistan's reserves"
        reciprocal = "with" in slots  # "X and Y cooperate", "X and Y met"
        yield from self._emit(sources, relation, targets, verb, _phrase(verb),
                              symmetric_fallback=sources if reciprocal else ())
        if targets and len(sources) > 1 and self.vocabulary[relation].symmetric and reciprocal and \
                _lemma(verb) != "trade":
            # "Pashinyan and Aliyev met Trump": the two met each other too; two that trade with China need not
            # trade with each other, nor two colleagues meet ("Costa and von der Leyen met Xi")
            sides = [r._state_of(a).id for a in _unique(sources)]
            if len(set(sides)) == len(sides):
                yield from self._emit(sources, relation, sources, verb, _phrase(verb), symmetric_fallback=sources)
        guests = _unique([a for a in r.slot_actors(verb, "dobj") if a not in sources]) \
            if relation == "MEET" and _lemma(verb) == "host" and not passive else []
        sides = {r._state_of(a).id for a in guests}
        if len(guests) > 1 and len(sides) > 1:
            # "X hosted A and B": the guests met each other too; not two colleagues ("hosted Costa and von der Leyen")
            yield from self._emit(guests, relation, guests, verb, _phrase(verb), symmetric_fallback=guests)

    def _envoys_to_states(self, targets: list[Actor], states: list[Actor]) -> list[Actor]:
        """An envoy summoned or expelled stands for the state: its people out of the targets, the states in."""
        kept = [a for a in targets if not any(self.r.ctx.acts_for(a, x) for x in states)]
        return kept + [a for a in states if a not in kept]

    def _implied_targets(self, verb, relation: str, slots: tuple[str, ...], sources: list[Actor],
                         passive: bool) -> list[Actor]:
        """Targets a verb's slots do not name, by relation: what is threatened, the region hit, a city
        attacked, the doer of what is condemned (first found wins)."""
        r = self.r
        targets: list[Actor] = []
        own = {a.id for a in sources} | {x.id for x in (r.ctx.state_of(a) for a in sources) if x is not None}
        if relation in ("THREATEN", "AID"):  # "threatened to cut Ukraine off", "helped rebuild X"
            for clause in [c for c in verb.children if c.dep_ == "xcomp"]:
                targets = [a for a in r.slot_actors(clause, "dobj") if a.id not in own]  # not "to cut U.S. aid"
        if relation == "AID" and not targets and not passive:
            targets = self._funded(verb, sources)
        if relation == "THREATEN" and not targets:
            # "threatened tariffs on Colombian goods", "… military action against X", "… to impose sanctions on X"
            for head in [verb, *(c for c in verb.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))]:  # "to stop …", parsed as advcl
                preps = THREAT_OBJECTS if head is verb else (*THREAT_OBJECTS, "with")  # "… to cut ties with X"
                if head is not verb and any(c.dep_ == "dobj" and (self.lex.object_class(c.lemma_) in (
                        "aid", "weapons", "troops") or c.lemma_.lower() in SALES | FLOWS) for c in head.children):
                    preps = (*preps, "to", "from")  # "threatened to cut aid to Honduras", "… to halt imports from X"
                targets = targets or [a for c in head.children if c.dep_ == "dobj" for a in r._pobj_actors(c, preps, 0)]
                if head is not verb:
                    targets = targets or r._pobj_actors(head, preps, 0)
                if head is not verb and not targets:  # "threatened to pull out of a fisheries agreement with Norway",
                    deals = [t for t in head.subtree if t.i > head.i and t.i - head.i < 8  # "… to quit the pact with X"
                             and self.lex.object_class(t.lemma_) == "agreement"]
                    targets = [a for d in deals for a in r._pobj_actors(d, ("with",), 0) if a.id not in own]
        beside = _lemma(verb) == "fight" and any(c.dep_ == "prep" and c.lower_ in ("alongside", "for", "with")
                                                  for c in verb.children)
        if relation == "ATTACK" and not targets and not beside:  # "hit a refinery in Russia's Ryazan region"
            targets = r.slot_actors(verb, "in")
        if relation in ("ATTACK", "MOBILIZE") and not targets and not passive and _lemma(verb) != "fight":
            targets = r.place_actors(verb, (*slots, "in", "on"))  # "shelled Kharkiv": Ukraine; not "fighting in Kursk"
            if {a.id for a in targets} & {r._state_of(a).id for a in sources}:
                targets = []  # "Australian and Filipino troops stormed a beach in Palawan": a drill on one's own ground
        if relation == "ATTACK" and not targets and not passive:  # "struck Iran's nuclear facilities"
            targets = [a for a in self._owners_of_sites(verb, slots) if a not in sources]
        if relation in SUMMING_UP and not targets:  # "condemned / never endorsed Moscow's war": who wages it
            targets = [a for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in WAR_EFFORTS
                       for p in c.children if p.dep_ == "poss" for a in r.actors_of(p) if a not in sources]
        if relation in SUMMING_UP and not targets:  # "welcomed the pact between Tokyo and Manila": its parties
            pacts = [c for c in verb.children if c.dep_ == "dobj"] + [  # "objected to a deal between India and China"
                p for c in verb.children if c.dep_ == "prep" and c.lower_ in slots for p in c.children if p.dep_ == "pobj"]
            for pact in [p for p in pacts if p.i not in r.by_token]:
                parties = self._between(pact) or [r.by_token[m.i].actor for m in pact.children
                                                  if m.dep_ in ("compound", "nmod", "amod") and m.i in r.by_token]
                if len(_unique(parties)) > 1:
                    targets = [a for a in _unique(parties) if a not in sources]
        events = [c for c in verb.children if c.dep_ == "dobj" and c.i not in r.by_token and (
            c.lemma_.lower() in self.lex.nouns or c.lemma_.lower() in self.lex.event_summaries)] \
            if relation in SUMMING_UP else []  # the unnamed events a criticism or backing is of
        if relation in SUMMING_UP and not targets:  # "condemned the exercises that American and Korean forces began"
            targets = [a for c in events
                       for x in c.children if x.dep_ == "relcl" and _lemma(x) in DOING_VERBS and not any(
                           y.dep_ == "nsubj" and y.lower_ in ("which", "that", "who") for y in x.children)
                       for y in x.children if y.dep_ == "nsubj" for a in r.actors_of(y) or r.makers_of(y)
                       if a not in sources]
        if relation in SUMMING_UP and not targets:  # "denounced a joint statement in which the United States, Japan
            targets = [a for c in events if any(rel == "AGREE" for rel, _ in self.lex.nouns.get(c.lemma_.lower(), ()))
                       for a in self._relative_clause_agents(c) if a not in sources]  # and South Korea reaffirmed …":
            # the parties to it; not "the deal that Washington criticised"
        if relation in SUMMING_UP and not targets and not passive:  # "condemned the drills by Washington and
            # Seoul": the parser hangs the event's "by" on the verb
            targets = [a for e in events for a in self._by_after(verb, e) if a not in sources]
        if relation in SUMMING_UP and not targets:  # "criticised what he called China's provocative conduct",
            named = [p for c in verb.children if c.dep_ == "ccomp" and _lemma(c) in NAMING_VERBS and any(
                x.dep_ == "dobj" and x.lower_ == "what" for x in c.children)  # "denounce what they call the
                     for p in c.children if p.dep_ in ("oprd", "xcomp", "attr", "dobj") and p.lower_ != "what"]
            targets = [a for p in named for a in [a for x in p.children if x.dep_ in ("poss", "compound", "amod", "nmod")
                                                  and x.i in r.by_token for a in r.actors_of(x)] or
                       r._pobj_actors(p, ("of", "by"), 0) if a not in sources]  # illegal sanctions of the US"
        if relation == "CRITICIZE" and not targets and _lemma(verb) == "blame":  # "blamed the attack on X"
            targets = [a for c in verb.children if c.dep_ == "dobj" for a in r._pobj_actors(c, ("on",), 0)]
        if relation in ("CRITICIZE", "REJECT") and not targets:  # "condemned the drills as a provocation by X"
            targets = [a for h in [verb, *(c for c in verb.children if c.dep_ == "dobj")] for c in h.children
                       if c.dep_ == "prep" and c.lower_ == "as"
                       for p in c.children if p.dep_ == "pobj" for a in r._doers(p, 0)]
        if relation in SUMMING_UP and not targets and (verb.dep_ == "relcl" or (  # or a reduced relative clause
                verb.dep_ == "acl" and (any(c.dep_ == "nsubj" for c in verb.children) or r.by_agent(verb)))) \
                and self._sums_up(verb.head):
            targets = self._summed_up_doers(verb.head)  # "X blew up the roads, a move Y condemned": Y → X
        if relation in SUMMING_UP and not targets and verb.dep_ == "conj" and len(
                [c for c in verb.children if c.dep_ == "nsubj"]) > 1 and any(
                c.dep_ == "nsubj" and self._sums_up(c) and c.left_edge.i > 0
                and r.doc[c.left_edge.i - 1].text == "," for c in verb.children):
            # "X sanctioned Y, a step Caracas denounced", parsed as a second clause with two subjects
            targets = [a for a in r.agents(verb.head) if a not in sources]
            sources = [a for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() not in
                       self.lex.relative_summaries for a in r.actors_of(c)] or sources
        if relation in SUMMING_UP and not targets and (event := self._relative_event(verb)) is not None:
            # "joint patrols that NATO has criticised", "drills which X denounced as …", "patrols near the Kola
            # Peninsula, which Moscow condemned": their doers
            targets = [a for a in self._event_doers(event) if a not in sources]
        if relation in SUMMING_UP and not targets:  # "X struck Y. Y condemned the strike": Y → X; "the
            targets = [a for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")  # agreement was
                       for a in self._event_before(c) if a not in sources]  # welcomed by Rutte": its parties
        if relation == "CRITICIZE" and not targets and not passive and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.lex.event_summaries | ACTS_CONDEMNED
                and not any(t.i in r.by_token for t in c.subtree) for c in verb.children):
            # "condemned the launch and urged North Korea to refrain": the one told to stop did it
            targets = [a for v in verb.conjuncts if v.i > verb.i and any(  # not "… urged Tokyo to respond"
                x.dep_ in ("xcomp", "ccomp") and x.lemma_.lower() in RESTRAINING for x in v.children)
                       for slot in ("dobj", "on", "upon") for a in r.slot_actors(v, slot) if a not in sources][:1]
        return targets

    def _funded(self, verb, sources: list[Actor]) -> list[Actor]:
        """Whom paying for a thing helps: its owner ('funds PNG's bid'), where it goes ('railway lines into
        Bhutan'), or the troops' state ('paying for the Rwandan troops'); not goods bought ('Russian gas')."""
        r = self.r
        found: list[Actor] = []
        for thing in self._paid_for(verb):
            cls = self.lex.object_class(thing.lemma_)
            if cls == "troops":  # whose troops, not where they serve
                found += r.makers_of(thing)
            elif cls == "weapons":  # "American weapons for Ukraine": for whom, not who makes them
                found += r._pobj_actors(thing, ("for", "to"), 0)
            elif cls != "agreement" and thing.lemma_.lower() not in self.lex.commodities:
                found += [a for c in thing.children if c.dep_ == "poss" for a in r.actors_of(c)] or \
                    r._pobj_actors(thing, ("into", "in", "for", "to"), 0) or r.place_actors(thing, ("in", "into"))
                # "Moscow's war in Ukraine" funds Moscow only
        return [a for a in _unique(found) if a not in sources and a.kind != "person"]

    def _paid_for(self, verb) -> list:
        """The things a funding verb pays for: 'paid for X', 'funds X'; not 'paid a visit to Beijing'."""
        things = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                  if p.dep_ == "pobj" and p.i not in self.r.by_token]
        if _lemma(verb) != "pay":
            things += [c for c in verb.children if c.dep_ == "dobj" and c.i not in self.r.by_token]
        return things

    def _fought_beside(self, verb, sources: list[Actor], targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
        """'fought alongside the army in Mali' (the side is Mali's army), and where the fighting was:
        'fighting alongside M23 inside Congo' attacks Congo. Returns (sides, countries attacked)."""
        r = self.r
        beside = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("alongside", "for")
                  for p in c.children if p.dep_ == "pobj"]
        if not targets and any(p.lemma_.lower() in SEATED_BODIES for p in beside
                               if p.head.lower_ == "alongside"):
            targets = r.slot_actors(verb, "in")  # "fought alongside the army in Mali": Mali's army
        if not targets:
            return targets, []
        fought = [a for a in r.slot_actors(verb, "inside") + r.slot_actors(verb, "in") +
                  [a for p in beside for a in r._pobj_actors(p, ("in", "inside"), 0)]
                  if a not in targets and a not in sources]
        return targets, fought

    def particle_frame(self, verb, particle: str, relation: str, slots) -> Iterator[Candidate]:
        """'drew closer to Egypt': the preposition hangs on the adverb."""
        r = self.r
        r.indirect = False
        adverb = next(c for c in verb.children if c.dep_ == "advmod" and c.lower_ == particle)
        targets = [a for slot in slots for head in (verb, adverb) for a in r.slot_actors(head, slot)]
        sources = r.agents(verb)
        yield from self._emit(sources, relation, targets, verb, f"{verb.text} {particle}",
                              symmetric_fallback=sources)

    def accusation(self, verb, lemma: str) -> Iterator[Candidate]:
        """'X warned Y (that …)' → X THREATEN Y; 'X warned/alleged that Y …' (an act of the vocabulary) and 'X
        complained/charged that Y …' (anything) → X CRITICIZE Y."""
        r = self.r
        r.indirect = False
        sources = r.agents(verb)
        if lemma == "warn":
            objects = r.slot_actors(verb, "dobj")
            if objects:  # "warned X of consequences / that it would respond"; "warned X against Y-ing" is a caution
                about = any(c.dep_ == "prep" and c.lower_ in ("against", "about", "over") for c in verb.children)
                yield from self._emit(sources, "CRITICIZE" if about else "THREATEN", objects, verb, _phrase(verb))
                return
            yield from self._emit(sources, "CRITICIZE", self._warned_against(verb, sources), verb, _phrase(verb))
        if any(c.dep_ == "dobj" for c in verb.children):
            return
        triggers = self.lex.trigger_lemmas()
        for clause in [c for c in verb.children if c.dep_ == "ccomp"
                       and not any(w.tag_ in ("WP", "WDT") for w in c.children)]:  # "protest what it called …"
            # "warned that X would face consequences / risks losing … unless …", "would not be safe": a threat
            consequences = lemma == "warn" and any(
                (t.dep_ == "mark" and t.lower_ in ("unless", "if")) or t.lemma_.lower() in CONSEQUENCES
                for t in clause.subtree)
            if not consequences and lemma in ("warn", "allege") and \
                    not any(t.lemma_.lower() in triggers for t in clause.subtree):
                continue  # "warned that the economy would slow" accuses nobody; "complained that X ignored …" does
            accused = [a for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for a in r.actors_of(c)]
            if consequences:  # "warned that Russian forces would keep advancing unless Ukraine withdrew": the one
                own = r.own_side(sources)  # the condition is put to
                conditioned = [a for c in clause.subtree if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children)
                    for n in c.children if n.dep_ in ("nsubj", "nsubjpass") and n.pos_ != "PRON" and not (
                        n.i in r.by_token and r.by_token[n.i].via == "coref")  # named: not "if he does not"
                    for a in r.actors_of(n) if a not in own]
                accused = conditioned or accused
            accused = [a for a in accused if a.id not in {s.id for s in sources}]
            yield from self._emit(sources, "THREATEN" if consequences else "CRITICIZE", accused, verb, _phrase(verb))

    def _warned_against(self, verb, sources: list[Actor]) -> list[Actor]:
        """'warned against any Israeli strike', 'warned against US military action in the region': the doer named
        on the act warned against; not 'warned against escalation', nor the place ('a strike on Iranian sites')."""
        r = self.r
        acts = [x for c in verb.children if c.dep_ == "prep" and c.lower_ == "against"
                for p in c.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)
                if p.i not in r.by_token and (x.lemma_.lower() in self.lex.event_summaries | ACTS_CONDEMNED
                                              or any(rel in ("ATTACK", "DEPLOY_TO", "MOBILIZE", "SANCTION")
                                                     for rel, _ in self.lex.nouns.get(x.lemma_.lower(), ())))]
        own = r.own_side(sources)
        return _unique([a for x in acts for a in r.makers_of(x) if a not in own])

    def responsibility(self, verb, lemma: str) -> Iterator[Candidate]:
        """'X held Y responsible (for …)' → X CRITICIZE Y; 'X said Y bore responsibility for …' and
        'X said Y was behind / responsible for …' → X CRITICIZE Y."""
        r = self.r
        r.indirect = False
        words = {c.lower_ for c in verb.children if c.dep_ in ("acomp", "oprd", "ccomp", "xcomp", "dobj", "prep")}
        if lemma == "hold" and words & RESPONSIBLE:
            yield from self._emit(r.agents(verb), "CRITICIZE", r.slot_actors(verb, "dobj"), verb, _phrase(verb))
            return
        blamed = (lemma == "bear" and "responsibility" in words) or (lemma == "be" and words & (RESPONSIBLE | {"behind"}))
        if not blamed or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in self.lex.reporting_verbs | \
                self.lex.criticizing_reporters:
            return
        harms = {t.lemma_.lower() for t in verb.subtree if t.dep_ == "pobj"}
        if not any(h in HARMS or any(rel == "ATTACK" for rel, _ in self.lex.nouns.get(h, ())) for h in harms):
            return  # "responsible for its own security" blames nobody
        accused = [a for c in verb.children if c.dep_ == "nsubj" for a in r.actors_of(c)]
        sources = [a for a in r.agents(verb.head) if a not in accused]
        yield from self._emit(sources, "CRITICIZE", accused, verb.head, _phrase(verb.head))

    def refusal(self, verb) -> Iterator[Candidate]:
        """'Budapest refused to send weapons to Ukraine', 'India refused to cooperate with Canada', 'Brazil
        declined to join China's Belt and Road Initiative', 'turned down an invitation to join BRICS' → REJECT the
        other side (SCHEMA.md: refusing)."""
        r = self.r
        acts = [c for c in verb.children if c.dep_ == "xcomp" and _lemma(verb) in REFUSING] + [
            c for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in OFFERS for c in o.children
            if c.dep_ == "acl" and c.lemma_.lower() == "join"]  # "turned down an invitation to join BRICS"; a
        # proposal to do something else is the proposer's plan ("rejected U.S. proposals to move Palestinians")
        for act in [c for c in acts if c.lemma_.lower() not in SAYING
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]:
            hostile = {rel for rel, _ in self.lex.verbs.get(act.lemma_.lower(), ())}
            if self.lex.reversed_negatives.get(act.lemma_.lower()) != "REJECT":  # refusing to recognise or accept
                hostile |= {rel for c in act.children if c.dep_ == "dobj"  # an annexation rejects the annexer
                            for rel, _ in self.lex.nouns.get(c.lemma_.lower(), ())}
            if any(self.vocabulary[rel].polarity < 0 for rel in hostile) or act.lemma_.lower() in self.lex.label_verbs:
                continue  # refusing to condemn or sanction X (or call it a threat) is not rejecting X;
                # refusing to recognise X is
            pronoun = any(t.pos_ == "PRON" for c in act.children if c.dep_ == "prep" for t in c.children)
            others = [] if pronoun else [a for p in ("to", "with", "for") for a in r.slot_actors(act, p)]  # not "commit to it"
            objects = [c for c in act.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
            if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in act.children):
                objects.append(verb.head)  # "China's Belt and Road Initiative, which it has refused to endorse"
            for obj in objects:
                declared = [a for c in obj.children if c.dep_ == "relcl" and _lemma(c) in DECLARING
                            for a in r.agents(c)]  # "the rival government that the RSF declared": the RSF
                others += declared or r._pobj_actors(obj, ("with",), 0) or r.actors_of(obj) or \
                    [a for c in obj.children if c.dep_ == "poss" for a in r.actors_of(c)]  # "its deal with Russia"
            agents = r.agents(verb)
            r.indirect = False
            yield from self._emit(agents, "REJECT", [a for a in _unique(others) if a not in agents], verb, _phrase(verb))

    def at_invitation(self, noun) -> Iterator[Candidate]:
        """'sent troops at the invitation of President Nyusi', 'arrived at Bamako's invitation', 'declined
        Switzerland's invitation': the host asked for what was done or refused (REQUEST), as 'at the request of'
        does. A bare invitation ('accepted an invitation to visit Seoul') is no request."""
        r = self.r
        r.indirect = False
        yield from self._asked_for(noun, noun, [a for c in noun.children if c.dep_ in ("poss", "compound")
                                                for a in r.actors_of(c)])

    def invitation_accepted(self, noun) -> Iterator[Candidate]:
        """'Kim accepted an invitation to visit Hanoi': the guest will visit (MEET, a plan)."""
        r = self.r
        r.indirect = False
        guests = r.agents(noun.head)
        own = r.own_side(guests)
        for visit in (c for c in noun.children if c.dep_ == "acl" and _lemma(c) == "visit"):
            places = [a for c in visit.children if c.dep_ == "dobj" for a in r.actors_of(c)]
            yield from self._emit(guests, "MEET", [a for a in places if a not in own], visit, _phrase(visit))

    def _asked_for(self, noun, anchor, named: list[Actor]) -> Iterator[Candidate]:
        """'arrived in Juba at the request of Kiir', "at Kyiv's request", 'at the invitation of Nyusi': the asker
        REQUEST whoever did what was asked (nothing when no verb governs the phrase)."""
        r = self.r
        done = next((a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if done is None:
            return
        askers = named or r._pobj_actors(anchor, ("of",), 0)
        doers = [a for a in r.agents(done) if a not in askers]
        yield from self._emit(askers, "REQUEST", doers, noun, _phrase(noun), presupposed=True)

    def fair_target(self, noun) -> Iterator[Candidate]:
        """'would treat any Western troops in Ukraine as legitimate targets', 'Chadian airports could become
        legitimate targets', 'would make the country a legitimate target', 'would treat any attempt by India to
        stop the water as an act of war': a threat against the owner of what is named, by whoever says so."""
        r = self.r
        r.indirect = False
        if not (any(c.dep_ == "amod" and c.lower_ == "legitimate" for c in noun.children) if _lemma(noun) == "target"
                else any(c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and p.lower_ == "war"
                                                                      for p in c.children) for c in noun.children)):
            return
        if noun.dep_ == "attr":  # "X would be / become legitimate targets"
            clause, things = noun.head, [c for c in noun.head.children if c.dep_ in ("nsubj", "csubj")]
        elif noun.dep_ == "oprd":  # "would make the country a legitimate target"
            clause, things = noun.head, [c for c in noun.head.children if c.dep_ == "dobj"]
        elif noun.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in noun.children):  # the same, parsed as a
            clause, things = noun.head, [c for c in noun.children if c.dep_ == "nsubj"]  # small clause
        elif noun.dep_ == "pobj" and noun.head.lower_ == "as":  # "would treat X as legitimate targets"
            clause, things = noun.head.head, [c for c in noun.head.head.children if c.dep_ == "dobj"]
            if clause.dep_ == "acl" and clause.head.dep_ == "dobj":  # "treat any attempt by India to stop the
                clause, things = clause.head.head, [clause.head]  # flow as an act of war", "as" hung on "stop"
        else:
            return
        if clause.pos_ not in ("VERB", "AUX"):
            return
        threatened = [a for t in things for a in r.actors_of(t) or r._doers(t, 0) or r.makers_of(t) or
                      r._pobj_actors(t, ("in",), 0)]  # "any Western aircraft in Ukraine"
        said = clause.head if clause.dep_ in ("ccomp", "advcl") and _lemma(clause.head) in \
            self.lex.reporting_verbs | self.lex.criticizing_reporters else None
        trigger = said if said is not None else clause
        speakers = r.agents(said) if said is not None else [
            a for a in r.agents(clause) if not any(a in r.actors_of(t) for t in things)]
        own = r.own_side(speakers)
        yield from self._emit(speakers, "THREATEN", [a for a in _unique(threatened) if a not in own], trigger,
                              _phrase(trigger), presupposed=said is None)  # "would treat …" is the threat itself

    def answered(self, noun) -> Iterator[Candidate]:
        """'Munir said any Indian attack would meet a swift response', 'Beijing warned that any Philippine
        provocation would be met with a firm response': a threat against the doer of what would be answered, by
        whoever says so."""
        r = self.r
        passive = noun.dep_ == "pobj" and noun.head.lower_ == "with"  # "would be met with a firm response"
        verb = noun.head.head if passive else noun.head
        if _lemma(verb) not in ANSWERING_VERBS or not (noun.dep_ == "dobj" or passive) or not any(
                c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "'d") for c in verb.children):
            return
        if verb.dep_ != "ccomp" or _lemma(verb.head) not in self.lex.reporting_verbs | self.lex.criticizing_reporters:
            return  # the answer is a threat when someone says it will come
        r.indirect = False
        acts = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "nsubj") and c.pos_ == "NOUN"]
        doers = [r.by_token[c.i].actor for t in acts for c in t.children if c.dep_ in ("amod", "compound", "poss")
                 and c.i in r.by_token] + [a for t in acts for a in r._pobj_actors(t, ("by", "from"), 0)]
        speakers = r.agents(verb.head)
        own = r.own_side(speakers)
        yield from self._emit(speakers, "THREATEN", [a for a in _unique(doers) if a not in own], verb.head,
                              _phrase(verb.head))

    def non_grata(self, persona) -> Iterator[Candidate]:
        """'Peru declared the Mexican ambassador / Lopez Obrador persona non grata' → SANCTION (an expulsion)."""
        r = self.r
        declare = next((t for t in [persona, *persona.ancestors] if _lemma(t) == "declare"), None)
        if declare is None:
            return
        r.indirect = False
        declared = [c for h in (persona, declare) for c in h.children  # "declared X persona …", "X was declared"
                    if (c.dep_ in ("nsubj", "dobj", "nsubjpass") and declare.i < c.i < persona.i)
                    or (c.dep_ == "nsubjpass" and h is declare)]
        targets = [a for c in declared for a in r.actors_of(c)] or _unique(  # "the French consul persona", one phrase
            [r.by_token[t.i].actor for t in persona.subtree if t.i < persona.i and t.i in r.by_token])
        sources = r.agents(declare) or r._pobj_actors(persona, ("by",), 0)  # "… persona non grata by Poland"
        yield from self._emit(sources, "SANCTION", targets, declare, "declared persona non grata")

    def due_in(self, word) -> Iterator[Candidate]:
        """'Next month he is due in Moscow', 'Lula is expected in Beijing': a planned visit (MEET)."""
        r = self.r
        r.indirect = False
        holder = word.head if word.dep_ == "acomp" else word
        visitors = [a for a in r.agents(holder) or [a for c in holder.children if c.dep_ == "nsubjpass"
                                                      for a in r.actors_of(c)] if a.kind == "person"]
        hosts = [a for a in r._pobj_actors(word, ("in",), 0) if a.kind == "country"]
        visitors = [v for v in visitors if not any(r.ctx.acts_for(v, h) for h in hosts)]
        yield from self._emit(visitors, "MEET", hosts, word, _phrase(word))

    def _hosting(self, verb) -> bool:
        """'welcomed Putin to Beijing', 'greeted Lula at the airport', 'welcomed Modi in Moscow': a visit, not
        praise. A place after 'at' or 'in' counts only when the one welcomed is a person or a named body."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                return True
            if c.dep_ == "prep" and c.lower_ in ("at", "in") and any(
                    p.dep_ == "pobj" and (p.ent_type_ in ("GPE", "LOC", "FAC") or p.lemma_.lower() in SETTINGS
                                          or p.lemma_.lower() in self.lex.hosted_gatherings) for p in c.children):
                return any(o.dep_ in ("dobj", "nsubjpass") and (o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or o.pos_ == "PROPN")
                           for o in verb.children)
        return False

    def arms_contract(self, contract) -> Iterator[Candidate]:
        """'signed a contract for twelve French Rafale fighters', 'a contract with Sweden for 17 Gripen jets':
        the maker (or the other party) supplies the signer."""
        r = self.r
        verb = contract.head
        if _lemma(verb) not in ("sign", "conclude", "ink", "seal", "finalize", "finalise", "award", "place"):
            return
        arms = [p for c in [*contract.subtree, *verb.children] if c.dep_ == "prep" and c.lower_ == "for"
                for p in c.children if p.dep_ == "pobj" and self._object_class(p) == "weapons"]
        # "a contract with Sweden for jets", "signed a deal … for 150 Gripens" with "for" on the verb
        if not arms:
            return
        r.indirect = False
        buyers = r.by_agent(verb) if r.is_passive(verb) else r.agents(verb)
        makers = [a for c in [*contract.subtree, verb] if c.dep_ == "prep" and c.lower_ == "with"
                  and (c.head.i == verb.i or c.i in {x.i for x in contract.subtree})
                  for p in c.children if p.dep_ == "pobj" for a in r.actors_of(p)] or \
            [a for p in arms for a in r.makers_of(p)]
        buyers = [r._state_of(a) for a in buyers]  # a signing minister buys for the state
        yield from self._emit([a for a in makers if a not in buyers], "SUPPLY_ARMS", buyers, contract,
                              _phrase(contract))

    def in_presence_of(self, presence) -> Iterator[Candidate]:
        """'signed the contract in the presence of Emmanuel Macron' → MEET between the signer and Macron."""
        r = self.r
        r.indirect = False
        verb = presence.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return
        witnesses = [a for a in r._pobj_actors(presence, ("of",), 0) if a.kind == "person"]
        doers = [a for a in r.agents(verb) if a.kind == "person"]
        yield from self._emit(doers, "MEET", witnesses, presence, _phrase(presence))

    def talks_in(self, talks) -> Iterator[Candidate]:
        """'Abdulla Khaleel held talks in Beijing': a person's talks in another state are a visit to it (MEET)."""
        r = self.r
        verb = talks.head
        if _lemma(verb) not in ("hold", "have", "conduct") or any(
                c.dep_ == "prep" and c.lower_ in ("with", "between") for c in [*talks.children, *verb.children]):
            return
        places = [a for h in (talks, verb) for a in r._pobj_actors(h, ("in",), 0) if a.kind == "country"]
        if not places:
            return
        r.indirect = False
        guests = [a for a in r.agents(verb) if a.kind == "person" and not any(r.ctx.acts_for(a, p) for p in places)]
        yield from self._emit(guests, "MEET", places, talks, _phrase(talks))

    def signed_in(self, deal) -> Iterator[Candidate]:
        """'Chernyshenko signed agreements in Havana': a person who signs in another state with no partner named
        signs with that state (AGREE) on a visit to it (MEET)."""
        r = self.r
        verb = deal.head
        if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "at") for c in [*deal.children, *verb.children]):
            return  # a partner named, or a summit's venue: "signed the declaration in Tirana at the NATO summit"
        places = [a for h in (deal, verb) for a in r._pobj_actors(h, ("in",), 0) if a.kind == "country"]
        if not places or any(t.i in r.by_token for t in deal.subtree if t.dep_ != "pobj" or t.head.lower_ != "in"):
            return  # "signed a Russia-Cuba agreement in Havana": the parties are named
        r.indirect = False
        signers = _unique(r.agents(verb))
        if len(signers) != 1 or signers[0].kind != "person" or any(r.ctx.acts_for(signers[0], p) for p in places):
            return  # "Starmer and Erdogan signed a deal in Ankara": with each other
        yield from self._emit(signers, "AGREE", places, deal, _phrase(deal))
        if not any(c.dep_ == "neg" for c in verb.children):  # "did not sign in Pyongyang": there all the same
            yield from self._emit(signers, "MEET", places, deal, _phrase(deal))

    def red_carpet(self, verb) -> Iterator[Candidate]:
        """'rolled out the red carpet for Putin' → MEET."""
        r = self.r
        r.indirect = False
        carpets = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "carpet"]
        if carpets:
            yield from self._emit(r.agents(verb), "MEET", r.slot_actors(verb, "for") or [
                a for o in carpets for a in r._pobj_actors(o, ("for",), 0)], verb, _phrase(verb))

    def elevated(self, verb) -> Iterator[Candidate]:
        """'raised America to a comprehensive strategic partnership' → ALLY."""
        r = self.r
        r.indirect = False
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        ranks = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                 if p.dep_ == "pobj" and any(rel == "ALLY" for rel, _ in self.lex.nouns.get(p.lemma_.lower(), ()))]
        if ranks:
            yield from self._emit(r.agents(verb), "ALLY", [a for o in objects for a in r.actors_of(o)], verb,
                                  _phrase(verb))

    def there_for(self, name) -> Iterator[Candidate]:
        """'Putin, in Kyrgyzstan for a summit of the CSTO, said …', 'Modi, in Washington for talks with Trump, …':
        a person's visit to the state (MEET) and, for an organization's summit, MEET with the organization."""
        r = self.r
        people = [a for a in r.actors_of(name) if a.kind == "person"]
        places = [a for c in name.children if c.dep_ == "prep" and c.lower_ == "in"
                  for p in c.children if p.dep_ == "pobj" for a in r.actors_of(p) if a.kind == "country"]
        gatherings = [p for c in name.children if c.dep_ == "prep" and c.lower_ == "for"
                      for p in c.children if p.dep_ == "pobj" and (self._gathering(p) or _lemma(p) == "visit")]
        if not people or not places or not gatherings:
            return
        r.indirect = False
        holders = [a for g in gatherings for a in self._holders(g) if a.kind == "organization"]
        partners = [a for g in gatherings for a in r._pobj_actors(g, ("with",), 0)]  # "for talks with Trump"
        yield from self._emit(people, "MEET", _unique(places + holders + partners), gatherings[0],
                              _phrase(gatherings[0]))

    def was_in(self, verb) -> Iterator[Candidate]:
        """'Carney was in Paris and London', 'Zelensky was in Washington on Friday': a person's visit (MEET).
        People only, and only a place that is a state (its own officials stay home: see extract_sentence)."""
        r = self.r
        places = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                  for p in c.children if p.dep_ == "pobj" for x in [p, *p.conjuncts] for a in r.actors_of(x)
                  if a.kind == "country"]
        people = r.agents(verb) if places else []  # every "be" comes here: the cheap test first
        if not people or not all(a.kind == "person" for a in people):
            return
        r.indirect = False
        yield from self._emit(people, "MEET", places, verb, _phrase(verb))

    def side_by_side(self, verb, lemma: str) -> Iterator[Candidate]:
        """'Xi watched the parade alongside Putin', 'standing beside Lula', 'spent three hours with Putin': two
        people together met. People only; troops fighting alongside an army are deployed (see verb)."""
        preps = ("with",) if lemma == "spend" else ("alongside", "beside") if lemma not in ("fight", "serve") else ()
        heads = [verb, *(p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
                         and p.pos_ == "NOUN")]  # "watched the parade from the tribune alongside Putin"
        others = [a for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                  for p in c.children if p.dep_ == "pobj" for a in self.r.actors_of(p)]
        if not others or not all(a.kind == "person" for a in others):
            return
        agents = self.r.agents(verb) or (self.r.agents(verb.head) if verb.dep_ in ("advcl", "xcomp") else [])
        if agents and all(a.kind == "person" for a in agents):
            self.r.indirect = False
            yield from self._emit(agents, "MEET", [a for a in others if a not in agents], verb, _phrase(verb))

    def placed_under(self, verb) -> Iterator[Candidate]:
        """'Washington placed Petro under sanctions', 'Petro, whom Washington placed under sanctions',
        'was put under an arms embargo by the UN': a sanction whose target is the verb's object."""
        r = self.r
        measures = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "under" for p in c.children
                    if p.dep_ == "pobj" and any(rel == "SANCTION" for rel, _ in self.lex.nouns.get(p.lemma_.lower(), ()))]
        if not measures:
            return
        if r.is_passive(verb):  # "placed under a UN arms embargo": the measure's maker
            sources = r.by_agent(verb) or [a for m in measures for a in r.makers_of(m)]
            targets = [a for c in verb.children if c.dep_ == "nsubjpass" for a in r.actors_of(c)]
        else:
            sources = r.agents(verb)
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            targets = [a for c in objects for a in (r.actors_of(verb.head) if c.lower_ in ("whom", "which", "who")
                                                    and verb.dep_ == "relcl" else r.actors_of(c))]
        yield from self._emit(sources, "SANCTION", targets, verb, _phrase(verb))

    def on_the_phone(self, verb) -> Iterator[Candidate]:
        """'Putin told Xi in a phone call that …', 'assured his counterpart by phone', 'congratulated Trump
        during a video call': who spoke to whom on a call met them (SCHEMA: a phone call is MEET)."""
        r = self.r
        calls = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "over", "on", "by")
                 for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in CALL_NOUNS]
        meeting_nouns = [p for p in calls if any(rel == "MEET" for rel, _ in self.lex.nouns.get(p.lemma_.lower(), ()))]
        calls = [p for p in calls if p not in meeting_nouns or not any(  # "in a call with X": the noun's own
            x.dep_ == "prep" and x.lower_ in ("with", "between") for x in p.children)]
        if not calls:
            return
        r.indirect = False
        targets = [a for slot in ("dobj", "dative", "to", "with") for a in r.slot_actors(verb, slot)]
        targets += [a for p in calls for a in r.slot_actors(p, "with")]  # "spoke by telephone with X", hung on the means
        yield from self._emit(r.agents(verb), "MEET", _unique(targets), verb, _phrase(calls[0]))

    def phoned(self, verb) -> Iterator[Candidate]:
        """'Mohammed bin Salman called Qatar's emir (to express solidarity)' → MEET; not 'called X a Y',
        'called on X', 'called for X', 'called X back'."""
        r = self.r
        named_oprd = [c for c in verb.children if c.dep_ == "oprd" and (
            c.i in r.by_token or (c.lemma_.lower() in self.lex.person_role_words and c.lemma_.lower() not in
                                  self.lex.negative_labels and any(p.dep_ == "poss" for p in c.children)))]
        if len(named_oprd) == 1 and not any(c.dep_ in ("dobj", "oprd") and c not in named_oprd for c in verb.children):
            objects = named_oprd  # "Putin called Recep Tayyip Erdogan on Tuesday": the name parsed as a predicate;
            # "called Qatar's emir, Sheikh Tamim, …": the office parsed as one
        else:
            objects = [c for c in verb.children if c.dep_ == "dobj"]
        if any((c.dep_ == "oprd" and c not in objects) or c.dep_ in ("ccomp", "attr", "acomp", "prt")
               or (c.dep_ == "prep" and c.lower_ == "for") or (
                c.dep_ == "prep" and c.lower_ in ("on", "upon") and any(p.i in r.by_token for p in c.children))
               for c in verb.children):
            return  # "called X a Y", "called for talks", "called on X to …"
        if verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ in ("on", "upon"):
            return  # "called on Algerian President X to …"
        if any(c.dep_ == "xcomp" and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in verb.children):
            return  # "called the vote unfair"
        if len(objects) != 1 or any(c.dep_ in ("appos", "oprd") and c.i not in r.by_token and (
                c.lemma_.lower() not in self.lex.person_role_words or c.lemma_.lower() in self.lex.negative_labels)
                for c in objects[0].children):  # "called Zelensky a dictator" is a label, not a call
            return
        holder = [c for c in verb.children if c.dep_ in ("npadvmod", "appos") and c.i in r.by_token
                  and c.left_edge.i == objects[0].right_edge.i + 2 and verb.doc[c.left_edge.i - 1].text == ","]
        named = objects[0].i in r.by_token or bool(holder) or \
            any(c.dep_ == "appos" and c.i in r.by_token for c in objects[0].children)
        called = [a for a in r.actors_of(holder[0] if holder else objects[0]) if a.kind in ("person", "country")] \
            if named else []
        r.indirect = False
        yield from self._emit(r.agents(verb), "MEET", called, verb, _phrase(verb))

    def displeased(self, verb) -> Iterator[Candidate]:
        """'X was very unhappy about the Israeli strike', 'X is alarmed by Y's moves' → X CRITICIZE the doer."""
        r = self.r
        feelings = [c for c in verb.children if c.dep_ == "acomp" and DISPLEASED & {c.lemma_.lower(), c.lower_}]
        if verb.lower_ in DISPLEASED and any(c.dep_ == "auxpass" for c in verb.children):
            feelings.append(verb)  # 'said that it was "concerned" about …', parsed as a passive
        for adj in feelings:
            if any(c.dep_ == "neg" for c in [*verb.children, *adj.children]):
                continue
            about = [p for c in adj.children
                     if c.dep_ in ("prep", "agent") and c.lower_ in ("about", "over", "with", "at", "by")
                     for p in c.children if p.dep_ == "pobj"]
            targets = [a for p in about for a in r.actors_of(p) or r.makers_of(p)]
            targets += [a for p in about if p.i not in r.by_token and self.lex.object_class(p.lemma_) == "agreement"
                        for a in r._pobj_actors(p, ("with", "between"), 0)]  # "concerned about Togo's agreement with Russia"
            r.indirect = False
            feeling = r.agents(verb) if adj is not verb else \
                [a for c in verb.children if c.dep_ == "nsubjpass" for a in r.actors_of(c)]
            yield from self._emit(feeling, "CRITICIZE", [a for a in _unique(targets)], adj, _phrase(adj))

    def reported_wrong(self, verb) -> Iterator[Candidate]:
        """'X said Y had committed a flagrant violation of …', 'X said Y had violated its borders' → X CRITICIZE Y."""
        r = self.r
        for clause in [c for c in verb.children if c.dep_ == "ccomp"]:
            if any(c.dep_ == "neg" for c in clause.children):
                continue
            said = [clause, *(c for c in clause.children if c.dep_ in ("dobj", "attr", "acomp", "oprd"))]
            wrongs = [t for t in said if t.lemma_.lower() in self.lex.negative_labels | WRONG_VERBS and not (
                t.dep_ == "dobj" and t.lemma_.lower() in self.lex.nouns)]  # the claim itself; "said Y launched an
            # attack" reports the attack
            wrongs += [t for t in said if t.dep_ == "attr" and _lemma(t) in ACTS and any(  # "said Warsaw's decision was a hostile act"
                c.dep_ == "amod" and c.lemma_.lower() in self.lex.negative_labels for c in t.children)]
            if _lemma(clause) in STIRRED | UNSETTLED and any(  # "said the coordination was increasing tension"
                    c.dep_ == "dobj" and _lemma(c) in ORDER for c in clause.children):
                wrongs.append(clause)
            owners = [a for t in said if t.dep_ == "dobj" and _lemma(clause) in REVEALING
                      and t.lemma_.lower() in self.lex.negative_labels and t.lemma_.lower() not in self.lex.nouns
                      for c in t.children if c.dep_ == "poss" for a in r.actors_of(c)]
            if owners:  # "said the move showed Warsaw's hypocrisy"
                r.indirect = False
                yield from self._emit([a for a in r.agents(verb) if a not in owners], "CRITICIZE", owners, verb,
                                      _phrase(verb))
                continue
            if not wrongs:
                continue
            accused = [a for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                       for a in r.actors_of(c) or (self._between(c) if c.pos_ == "NOUN" else [])]
            sources = [a for a in r.agents(verb) if a not in accused]
            r.indirect = False
            yield from self._emit(sources, "CRITICIZE", accused, verb, _phrase(verb))

    def demand(self, verb) -> Iterator[Candidate]:
        """'X demanded that Y withdraw' → X REQUEST Y."""
        r = self.r
        r.indirect = False
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and _lemma(verb) in ("demand", "request"):  # "demanded Ukraine's withdrawal from Donbas": the
            asked = [a for o in objects if _lemma(o) in DEMANDED_ACTS  # withdrawal is Ukraine's to make
                     for c in o.children if c.dep_ == "poss" for a in r.actors_of(c)]
            yield from self._emit(r.agents(verb), "REQUEST", asked, verb, _phrase(verb))
        if objects:
            return
        for clause in [c for c in verb.children if c.dep_ == "ccomp"]:
            if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and \
                    not any(c.tag_ == "VB" for c in [clause]):
                continue
            modal = any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in clause.children)
            if not modal and (clause.tag_ in ("VBD", "VBN") or (_lemma(verb) == "insist" and (
                    clause.tag_ not in ("VB", "VBP") or _lemma(clause) in ("be", "remain", "have")))):
                continue  # "insisted that China remained Russia's partner" asserts, it does not demand
            asked = [a for c in clause.children if c.dep_ == "nsubj" for a in r.actors_of(c)]
            yield from self._emit(r.agents(verb), "REQUEST", asked, verb, _phrase(verb))

    def mutual(self, verb, lemma: str) -> Iterator[Candidate]:
        """'X and Y clashed', 'X traded fire with Y': ATTACK both ways; 'traded accusations': CRITICIZE."""
        r = self.r
        r.indirect = False
        relation = self._exchanged(verb) if lemma in ("trade", "exchange") else "ATTACK"
        if relation is None:
            return
        sides = r.agents(verb) + [a for a in r.slot_actors(verb, "with")]
        for obj in (c for c in verb.children if c.dep_ == "dobj"):  # "exchanged threats with Y"
            sides += r.slot_actors(obj, "with")
        sides = _unique(sides)
        for a, b in _all_pairs(sides):
            yield from self._emit([a], relation, [b], verb, _phrase(verb))
            yield from self._emit([b], relation, [a], verb, _phrase(verb))

    def _exchanged(self, verb) -> str | None:
        """The relation of what a verb's object says two sides trade: fire (ATTACK), accusations, threats."""
        for obj in (x for c in verb.children if c.dep_ == "dobj" for x in (c, *c.conjuncts)):
            lemma = obj.lemma_.lower()  # "traded drone and artillery fire": the fire too
            if lemma in self.lex.mutual_objects:
                return "ATTACK"
            for relation, words in self.lex.mutual_exchanges.items():
                if lemma in words:
                    return relation
        return None

    def labelled(self, verb) -> Iterator[Candidate]:
        """'X called Y's statement a provocation', 'described the sale as interference', 'called the
        expulsions unfriendly': a negative label on what an actor did or said is CRITICIZE of that actor."""
        r = self.r
        r.indirect = False
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]  # "label China a threat": a dative
        predicates = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp")]
        if len(objects) > 1 and not predicates and objects[-1].pos_ == "NOUN" and any(
                d.dep_ == "det" and d.lower_ in ("a", "an") for d in objects[-1].children):
            objects, predicates = objects[:-1], objects[-1:]  # "labelled China a threat", two objects to the parser
        gapped = bool(objects) and not predicates and verb.dep_ == "relcl" and \
            self._sums_up(verb.head) and all(o.i not in r.by_token for o in objects)
        if gapped:  # "a move Netanyahu called a reward for terrorism": the move is the object, gapped
            predicates = objects + [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                                    for p in c.children if p.dep_ == "pobj"]
            objects = []
        if not objects and len(predicates) > 1 and not gapped:  # "called Ethiopia's inauguration of the dam a
            objects, predicates = predicates[:1], predicates[1:]  # unilateral act"
        if not gapped and not objects and len(predicates) == 1 and predicates[0].pos_ == "NOUN" and any(
                c.dep_ in ("acomp", "amod") and c.i > predicates[0].i for c in predicates[0].children):
            objects, predicates = predicates, []  # "called the American move unjustified", the label parsed under it
        if not gapped and not objects and len(predicates) == 1:  # 'called the U.S. decision "blackmail"', one phrase
            objects = [c for c in predicates[0].children if c.dep_ in ("nmod", "poss", "compound") and c.i < predicates[0].i
                       and c.pos_ in ("NOUN", "PROPN")]  # "called Tokyo's remarks 'confrontational'", misparsed so
        labels = predicates + \
            [c for o in objects for c in o.children if c.i > o.i and c.i not in r.by_token and (
                c.dep_ in ("amod", "appos", "acomp") or (c.dep_ in ("npadvmod", "dobj", "attr") and c.pos_ == "NOUN" and any(
                    d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)))] + \
            [p for h in [verb, *objects] for c in h.children if c.dep_ == "prep" and c.lower_ == "as"
             for p in c.children if p.dep_ == "pobj"]  # "described the sale (by X) as interference"
        def words(label) -> set[str]:  # "a provocation", "a reckless provocation", "an act of aggression"
            return {label.lemma_.lower(), *(c.lemma_.lower() for c in label.children if c.dep_ in ("amod", "compound")),
                    *(p.lemma_.lower() for c in label.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "for")
                      for p in c.children if p.dep_ == "pobj")}  # "an act of aggression", "an act in breach of …"

        negative = [label for label in labels if words(label) & self.lex.negative_labels]
        positive = [label for label in labels if words(label) & POSITIVE_LABELS]
        if not negative and not positive and not objects and verb.dep_ in ("relcl", "acl") and \
                self._sums_up(verb.head):  # "…, a move Seoul called 'very abnormal'":
            negative = [label for label in labels if _quoted_reproach(label, QUOTED_PRAISE)]  # a quoted word put
            # on another's act is a reproach, unless it praises
        if not negative and not positive and objects and all(
                o.pos_ == "NOUN" and o.i not in r.by_token and any(
                    c.dep_ in ("poss", "amod", "compound") and c.i in r.by_token for c in o.children) for o in objects):
            # 'called Beijing's travel warning "inconsistent with" …', 'called the French response "excessive"':
            # a quoted word put on what another actor did is a reproach, unless it praises
            negative = [label for label in labels
                        if label.i > objects[0].i and _quoted_reproach(label, QUOTED_PRAISE | POSITIVE_LABELS)]
        for label in labels:  # "called China a decisive enabler of Russia's war": China SUPPORT Russia (a claim)
            kinds = [rel for rel, preps in self.lex.nouns.get(label.lemma_.lower(), ()) if "of" in preps
                     and rel in ("SUPPORT", "ALLY")]  # not "a client of the West": the client buys
            ends = [a for c in label.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                    if p.dep_ == "pobj" for a in (r.actors_of(p) or [a for x in p.children if x.dep_ == "poss"
                                                                      for a in r.actors_of(x)])]
            named = [a for c in objects if c.i < label.i for a in r.actors_of(c)]
            if kinds and ends and named:
                yield from self._emit(named, kinds[0], ends, label, _phrase(label))
        if positive and _lemma(verb) in ("name", "designate") and positive[0].lemma_.lower() in ("ally", "partner"):
            positive = []  # "named Bahrain a major non-NATO ally": a designation (ALLY), not praise
        if positive and not negative:  # "calling Tajikistan a brotherly neighbour"
            named = [a for c in objects if c.i < positive[0].i for a in r.actors_of(c)]
            yield from self._emit(r.agents(verb), "SUPPORT", named, verb, _phrase(verb))
            return
        if not negative:
            return
        objects = [c for c in objects if c.i < negative[0].i] or objects  # not "…, a view echoed by X"
        clauses = [c for h in [verb, *negative] for c in h.children if c.dep_ in ("advcl", "acl", "xcomp", "ccomp", "relcl")
                   and c.i > negative[0].i and any((a.dep_ == "aux" and a.lower_ == "to") or (
                       a.lower_ == "that" and a.i == c.left_edge.i and a.dep_ != "nsubj") for a in c.children)]
        # "… that Vucic stood …"; not "a crime that shames Europe", a real relative clause
        if clauses and all(o.lower_ == "it" for o in objects):  # "called it a disappointment to see Modi embrace
            targets = [a for c in clauses for t in c.subtree if t.dep_ == "nsubj" for a in r.actors_of(t)]  # Putin"
            yield from self._emit(r.agents(verb), "CRITICIZE", targets, verb, _phrase(verb))  # not "it wrong to
            return  # abandon Ukraine": "it" stands for the clause, not for an actor
        targets = [a for c in objects for a in r.actors_of(c) or r._doers(c, 0) or (
            self._by_after(verb, c) if c.pos_ == "NOUN" else []) or (
            r._pobj_actors(c, ("from",), 0) if c.pos_ == "NOUN" else []) or [  # "the incursions from Belarus"
            a for p in c.children if p.dep_ == "poss" for a in r.actors_of(p)] or [
            a for p in c.children if p.dep_ in ("amod", "compound") and p.i in r.by_token and c.pos_ == "NOUN"
            for a in r.actors_of(p)]]  # "remarks" parsed as a verb; "the French response"
        if not targets:  # "called the episode a catastrophic failure of Albanese's diplomacy"
            targets = [a for label in negative for c in label.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj" and p.i not in r.by_token
                       for x in p.children if x.dep_ == "poss" for a in r.actors_of(x)]
        if not targets and any(o.lower_ == "what" for o in objects):  # "in response to what he calls hostile
            targets = [a for label in negative for a in r._doers(label, 0)] or \
                r._pobj_actors(verb, ("by",), 0)  # manoeuvres by Washington and Seoul"
        targets += [a for c in objects if self.lex.object_class(c.lemma_) == "agreement" or c.lemma_.lower() in
                    self.lex.ties_nouns for a in r._pobj_actors(c, ("with",), 0) if a not in targets]
        # "called Managua's deal with Moscow a threat": both parties of the deal
        if not objects and verb.dep_ in ("relcl", "acl") and self._sums_up(verb.head):
            targets = self._summed_up_doers(verb.head)  # "X filed complaints, a move Y called unfriendly"
        if not targets:  # "Finland closed its border. Moscow called the closure a hostile act": who did it,
            own = r.own_side(r.agents(verb))  # not the speaker's own side, nor "the European move" (no actor here)
            targets = [a for c in objects if c.pos_ == "NOUN" and not any(x.ent_type_ for x in c.children)
                       for a in self._event_before(c) if a not in own]
        if not targets and objects and all(o.lower_ == "which" for o in objects) and \
                (event := self._relative_event(verb)) is not None:
            targets = self._event_doers(event)  # "drills near the border, which X called a provocation": the
            # drills' doers
        yield from self._emit(r.agents(verb), "CRITICIZE", targets, verb, _phrase(verb))

    def _owners_of_sites(self, head, slots) -> list[Actor]:
        """Whose facilities, sites or plants were hit: 'struck Iran's nuclear facilities', 'bombed Iranian
        nuclear sites', 'strikes on Ukraine's gas production facilities' (no actors themselves)."""
        r = self.r
        things = [c for c in head.children if c.dep_ == "dobj" and "dobj" in slots] + [
            p for c in head.children if c.dep_ == "prep" and c.lower_ in slots for p in c.children if p.dep_ == "pobj"]
        things = [x for t in things for x in (t, *t.conjuncts) if _lemma(x) in SITES and x.i not in r.by_token]
        return _unique([a for t in things for a in [
            *(a for c in t.children if c.dep_ == "poss" for a in r.actors_of(c)), *r.makers_of(t)]
            if a.kind != "person"])

    @staticmethod
    def _to_zero(verb, thing) -> bool:
        """'cut its tariffs on American goods to zero': lowered to nothing, so lifted ('to 15%' still stands)."""
        return _lemma(verb) in LOWERING and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ in ("zero", "0", "nil") for p in c.children)
            for h in (verb, thing) for c in h.children)

    def _doers_named_by(self, governor, act) -> list[Actor]:
        """Who did the act a verb governs: its subject ('held talks'), or for 'blamed / sanctioned / thanked X
        for the act' X ('blamed Iran for the strike on …', 'sanctioned Iran for the supply of drones')."""
        if act.dep_ == "pobj" and act.head.lower_ == "for" and _lemma(governor) in CREDITING:
            return self.r.slot_actors(governor, "dobj")
        return self.r.agents(governor)

    def _by_after(self, verb, thing) -> list[Actor]:
        """'called the drills by Seoul and Washington a rehearsal', 'condemned the drills by Washington and Seoul':
        the thing's 'by' phrase, hung on the verb."""
        return [a for b in verb.children if b.dep_ in ("prep", "agent") and b.lower_ == "by"
                and b.i == thing.right_edge.i + 1 for p in b.children if p.dep_ == "pobj" for a in self.r.actors_of(p)]

    def days_of_fighting(self, gerund) -> Iterator[Candidate]:
        """'X and Y agreed to a ceasefire, ending five days of fighting along their border': the fighting (a gerund
        the parser reads as a verb) was between the clause's sides, both ways, as for the noun."""
        if any(c.dep_ in ("nsubj", "dobj") for c in gerund.children) or not _among_peacemaking(gerund):
            return
        sides = _unique(self._clause_subject(gerund))
        if len(sides) > 1:
            yield from self._both_ways(sides, "ATTACK", gerund)

    def reversed_negative(self, verb, lemma: str) -> Iterator[Candidate]:
        """'will never abandon X' → SUPPORT X; 'will not tolerate X' → THREATEN X; 'does not recognise X' →
        REJECT X (SCHEMA: refusing is REJECT, not a negated SUPPORT)."""
        if not any(c.dep_ == "neg" for c in verb.children):
            return
        r = self.r
        r.indirect = False
        if lemma in ("allow", "permit") and any(c.dep_ in ("xcomp", "ccomp") and _lemma(c) in SUFFERED
                                                for c in verb.children):
            return  # "will not allow Ukraine to lose": on its side, not against it
        targets = r.slot_actors(verb, "dobj")
        if not targets:
            targets = [a for c in verb.children if c.dep_ == "dobj" for a in r._doers(c, 0)]
        sources = r.agents(verb)
        if not targets and lemma in ("allow", "permit"):  # "would not allow Israel to annex …", parsed as a clause
            targets = [a for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"
                       for a in r.actors_of(s)]
        if not targets and lemma == "accept":  # "will not accept Turkish bases in Syria": the bases' owner
            targets = [a for c in verb.children if c.dep_ == "dobj" for a in r.makers_of(c)
                       if a not in r.own_side(sources)]
        yield from self._emit(sources, self.lex.reversed_negatives[lemma], targets, verb,
                              _phrase(verb), reverses_negation=True)

    def membership_bid(self, bid) -> Iterator[Candidate]:
        """"Sweden's NATO bid", "India's bid for a permanent seat on the Security Council", "Ukraine's
        application for EU membership" → REQUEST the body (a bid to join is request_to_join's)."""
        r = self.r
        r.indirect = False
        if any(c.dep_ == "acl" and c.lemma_.lower() == "join" for c in bid.children):
            return
        named = [c for c in bid.children if c.dep_ in ("compound", "nmod", "amod", "nsubj") and c.i < bid.i]
        bidders = [a for c in bid.children if c.dep_ == "poss" for a in r.actors_of(c)] + \
            [a for c in named for x in c.children if x.dep_ == "poss" for a in r.actors_of(x)]  # "Sweden's NATO bid"
        places = [p for c in bid.children if c.dep_ == "prep" and c.lower_ in ("for", "to")
                  for p in c.children if p.dep_ == "pobj"]  # "for a seat", "for EU membership", "to the Union"
        heads = [bid, *places]
        bodies = [r.by_token[c.i].actor for h in heads for c in (named if h is bid else h.children)
                  if c.dep_ in ("compound", "nmod", "amod", "nsubj") and c.i in r.by_token] + \
            [a for p in places for a in r.actors_of(p)] + \
            [a for p in places if p.lemma_.lower() in SEATS_IN for a in r._pobj_actors(p, ("on", "of", "in", "at"), 0)]
        bodies = [a for a in _unique(bodies) if a.kind == "organization" and a not in bidders]
        yield from self._emit(bidders, "REQUEST", bodies, bid, _phrase(bid), presupposed=True)

    def request_to_join(self, join) -> Iterator[Candidate]:
        """'Finland applied to join NATO', "Sweden's bid to join NATO" → REQUEST."""
        r = self.r
        r.indirect = False
        head = join.head
        if head.pos_ in ("NOUN", "PROPN"):
            sources = [a for c in head.children if c.dep_ in ("poss", "compound", "amod") for a in r.actors_of(c)]
        else:
            sources = r.agents(head)
        yield from self._emit(sources, "REQUEST", r.slot_actors(join, "dobj"), join, f"{head.text} to join")

    def participation(self, verb, lemma: str) -> Iterator[Candidate]:
        """'Swedish and Finnish troops take part in NATO's exercise' → COOPERATE among them all."""
        if lemma not in ("take", "participate", "join"):
            return
        r = self.r
        r.indirect = False
        events = _taken_part_in(verb, lemma) if lemma != "join" else \
            [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
        events += [c for c in verb.children if c.dep_ == "dobj" and lemma == "join"]
        joined = []
        if lemma == "join":  # "Japan will join the Philippines for a joint patrol"
            events += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "in")
                       for p in c.children if p.dep_ == "pobj"]
            joined = [a for c in verb.children if c.dep_ == "dobj" for a in r.actors_of(c)]
        events += [a for e in events for a in e.children if a.dep_ == "appos"]  # "Talisman Sabre, the … exercise"
        for event in events:
            if event.lemma_.lower() not in self.lex.joint_nouns:
                continue
            owners = [a for c in event.children if c.dep_ in ("poss", "compound", "amod")
                      and (c.i in r.by_token or c.dep_ == "poss")
                      for x in (r.hyphen_group(c) if c.i in r.by_token else [c]) for a in r.actors_of(x)]
            beside = [a for h in (verb, event) for c in h.children if c.dep_ == "prep" and c.lower_ in ("alongside", "with")
                      for p in c.children if p.dep_ == "pobj" for a in r.actors_of(p) or r.makers_of(p)]
            # "took part in Russia's Zapad exercise alongside Russian and Belarusian troops"
            parties = _unique(r.agents(verb) + owners + joined + beside)
            yield from self._emit(parties, "COOPERATE", parties, verb, _phrase(verb), parties)

    def attendance(self, verb, lemma: str) -> Iterator[Candidate]:
        """'Xi attended the BRICS summit' → MEET BRICS; 'skipped the summit of the African Union' (negated
        by the verb); 'took part in the NATO summit'. The summit's owner is named before it or by 'of'."""
        r = self.r
        r.indirect = False
        away = False
        if lemma in ("take", "participate"):
            events = _taken_part_in(verb, lemma)
        elif lemma in TRAVELLING:  # "flew to the NATO summit"; "stayed away from the NATO summit", negated
            away = lemma in ("stay", "keep") and any(c.lower_ == "away" for c in verb.children)
            if lemma in ("stay", "keep") and not away:
                return
            preps = ("from",) if away else ("to", "for")
            events = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
                      for p in c.children if p.dep_ == "pobj"]
            events += [p for a in verb.children if a.lower_ == "away" for c in a.children
                       if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
        else:
            events = [c for c in verb.children if c.dep_ == "dobj"]
        attended_by = lemma == "attend" and verb.dep_ == "acl" and bool(r.by_agent(verb))
        if attended_by:  # "pledged support at an emergency summit attended by Zelensky"
            events = [verb.head]
        owned = False
        if lemma in ("skip", "bypass"):  # "skipped Israel altogether on his tour": no visit
            places = [a for e in events if e.i in r.by_token for a in r.actors_of(e) if a.kind == "country"]
            visitors = [a for a in r.agents(verb) if a.kind == "person"]
            for cand in self._emit(visitors, "MEET", places, verb, _phrase(verb)):
                yield replace(cand, denied=True)
        own = r.own_side(r.agents(verb))
        for event in events:
            if event.i in r.by_token and r.by_token[event.i].actor.kind == "organization" and any(
                    self._gathering(t) for t in event.subtree if t.i != event.i):  # "attend the Group of 20 summit",
                owned = True  # parsed with the summit inside the name
                for cand in self._emit(r.agents(verb), "MEET", [r.by_token[event.i].actor], event, _phrase(event)):
                    yield replace(cand, denied=away)
                continue
            if not self._gathering(event):
                continue
            owners = [a for c in event.children if c.dep_ in ("compound", "poss") and c.i in r.by_token
                      for a in r.actors_of(c)] + r._pobj_actors(event, ("of",), 0)
            if not owners and attended_by and event.dep_ == "pobj" and event.head.lower_ in ("at", "during"):
                held = event.head.head if event.head.head.dep_ != "dobj" else event.head.head.head  # "support at"
                owners = [a for a in r.agents(held) if a.kind == "organization"]  # the holders' summit
            owners = [a for a in owners if a not in own]  # "attended the inauguration of the Bundeswehr's brigade in
            if owners:  # Vilnius": Germany's own event, held in Lithuania
                owned = True
                for cand in self._emit(r.agents(verb), "MEET", _unique(owners), event, _phrase(event)):
                    yield replace(cand, denied=away)
        if lemma == "attend" and not owned:  # "attended the inauguration of the brigade in Vilnius": a visit to
            # Lithuania; not "the SCO summit in Tianjin", a meeting of the SCO wherever it is held
            sites = [h for e in events for h in [e, *(p for c in e.children if c.dep_ == "prep" and c.lower_ == "of"
                                                      for p in c.children if p.dep_ == "pobj")]] + [verb]
            hosts = [a for h in sites for a in r._pobj_actors(h, ("in",), 0) + r.place_actors(h, ("in",))
                     if a.kind == "country"]
            visitors = [a for a in r.agents(verb) if a.kind == "person" and self.r.ctx.state_of(a) not in hosts]
            yield from self._emit(visitors, "MEET", _unique(hosts), verb, _phrase(verb))

    def expulsion(self, verb) -> Iterator[Candidate]:
        """'ordered French troops to leave', 'ordered the ambassador out' → SANCTION."""
        lex = self.lex
        if verb.lemma_.lower() not in ("order", "tell", "force", "give", "instruct", "demand"):
            return
        leaving = any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children) or any(
            c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in lex.leave_verbs for c in verb.children)
        if not leaving:
            return
        r = self.r
        r.indirect = False
        for obj in [c for c in verb.children if c.dep_ == "dobj"]:
            if obj.lemma_.lower() in lex.expelled_nouns or obj.i in r.by_token:
                expelled = r.actors_of(obj) or [a for a in r.makers_of(obj) if a.kind != "person"]  # "French embassy staff"
                yield from self._emit(r.agents(verb), "SANCTION", expelled, verb, _phrase(verb))

    def withdrawal(self, verb, lemma: str) -> Iterator[Candidate]:
        """'recalled its ambassador from X', 'closed its airspace to X' → SANCTION X; 'withdrew from /
        pulled out of / quit the ICC or X's initiative' → REJECT."""
        r = self.r
        lex = self.lex
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        targets: list[Actor] = []
        if lemma == "recall" and any(o.lemma_.lower() in RECALLED for o in objects):
            targets = [a for o in [verb, *objects] for a in r._pobj_actors(o, ("from", "to", "in"), 0)] + \
                r.slot_actors(verb, "to")  # "recalling its ambassadors to Mali and Niger" (a dative to the parser)
            relation = "SANCTION"
        elif lemma in ("close", "shut", "seal") and any(o.lemma_.lower() in CLOSED for o in objects):
            to = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"] + \
                 [c for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "to"]
            targets = [r.by_token[t.i].actor for c in to for t in c.subtree if t.i in r.by_token
                       and not _set_apart(t, c)]  # not "…, a move that Gideon Saar denounced"
            if not targets:  # "shut its border with Belarus", "closed the crossings on its border with X"
                borders = [t for o in objects for t in o.subtree if t.lemma_.lower() in ("border", "frontier")]
                beyond = [a for t in borders for a in r._pobj_actors(t, ("with",), 0)] or (  # "with" hung on
                    r._pobj_actors(verb, ("with",), 0) if borders else [])  # the verb: "closed its border with X"
                named = [r.by_token[t.i].actor for o in objects for t in o.subtree
                         if t.i < o.i and t.dep_ == "compound" and t.i in r.by_token]  # "shuts Belarus border"
                targets = beyond or named
            relation = "SANCTION"
        elif lemma in ("withdraw", "pull") and any(o.lemma_.lower() in RECALLED for o in objects):
            heads = [verb, *objects, *(c for c in verb.children if c.lower_ == "out")]  # "pull its diplomats out of X"
            targets = [a for h in heads for a in r._pobj_actors(h, ("from", "of"), 0)] + \
                [a for o in objects for a in r._pobj_actors(o, ("to", "in"), 0)]  # "withdrew its ambassador to X"
            relation = "SANCTION"
        elif lemma in lex.leave_verbs or (lemma == "pull" and any(c.lower_ == "out" for c in verb.children)):
            heads = [verb, *(c for c in verb.children if c.lower_ == "out")]  # "pulled out of": "of" may hang on "out"
            left = [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                    for x in [c, *c.conjuncts] for p in x.children if p.dep_ == "pobj"]
            if lemma in ("quit", "exit", "leave"):
                left += objects
            for thing in left:
                owners = [a for a in r.actors_of(thing) if a.kind in ("organization", "group")] \
                    if thing.i in r.by_token else []
                if not owners and (lex.object_class(thing.lemma_) == "agreement" or thing.lemma_.lower() in
                                   ("initiative", "format", "framework", "programme", "program", "mechanism")):
                    owners = [a for c in thing.children if c.dep_ == "poss" for a in r.actors_of(c)] + \
                        r._pobj_actors(thing, ("with",), 0)  # "China's Belt and Road Initiative"
                targets += owners
            relation = "REJECT"
        else:
            return
        r.indirect = False
        if targets:
            yield from self._emit(r.agents(verb), relation, _unique(targets), verb, _phrase(verb))

    def regarded_as(self, verb) -> Iterator[Candidate]:
        """'Algeria regards Russia as a strategic partner', 'India considers Japan a key ally', 'Russia, which
        Algiers regards as a partner' → ALLY of the one who regards and the one regarded (an ally of someone
        else named, 'as Moscow's partner', is left to the noun)."""
        r = self.r
        r.indirect = False
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        roles = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
                 if p.dep_ == "pobj"] + [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")] + \
            [c for o in objects for c in o.children if c.dep_ in ("appos", "attr", "npadvmod")]
        roles = [n for n in roles if _lemma(n) in PARTNER_NOUNS and not any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "to", "for")) for c in n.children)]
        if not roles:
            return
        regarded = [a for o in objects for a in r.actors_of(o)]
        if not regarded and verb.dep_ == "relcl":  # "Russia, which Algiers regards as a partner"
            regarded = r.actors_of(verb.head)
        sources = [a for a in r.agents(verb) if a not in regarded]
        yield from self._emit(sources, "ALLY", regarded, roles[0], _phrase(roles[0]), symmetric_fallback=())

    def shared_with(self, verb) -> Iterator[Candidate]:
        """'was sharing information with the United States and Japan', 'stop sharing intelligence with U.S.
        agencies' → COOPERATE; not 'shares a border with Russia'."""
        r = self.r
        r.indirect = False
        shared = [c for c in verb.children if c.dep_ == "dobj" and _lemma(c) in SHARED]
        partners = [a for h in [verb, *shared] for a in r._pobj_actors(h, ("with",), 0)]
        partners += [a for h in [verb, *shared] for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                     for p in c.children if p.dep_ == "pobj" and p.i not in r.by_token for a in r.makers_of(p)]
        if shared:  # "with U.S. agencies": the agencies' state
            yield from self._emit(r.agents(verb), "COOPERATE", _unique(partners), verb, _phrase(verb),
                                  symmetric_fallback=())

    def mission_closed(self, verb) -> Iterator[Candidate]:
        """'Poland shut Russia's consulate in Krakow', 'ordered the closure of Russia's consulate', 'closed its
        embassy in Kabul' → SANCTION the mission's state, or for one's own mission the state it is in."""
        r = self.r
        r.indirect = False
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        closed = [p for o in objects if o.lemma_.lower() == "closure" for c in o.children
                  if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        errand = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and _lemma(c) not in
                  self.lex.leave_verbs | CLOSING | WINDING_UP]  # "ordered its embassy to lodge a protest"
        objects = closed if _lemma(verb) == "order" and errand else objects + closed
        sources = r.agents(verb) if not r.is_passive(verb) else r.by_agent(verb)
        own = r.own_side(sources)
        if _lemma(verb) in REDUCING:  # "cutting Poland's diplomatic and consular presence in Russia"
            objects = [o for o in objects if o.lemma_.lower() == "presence" and any(
                c.lower_ in ("diplomatic", "consular") for c in o.children if c.dep_ in ("amod", "compound"))]
        for mission in [o for o in objects if o.lemma_.lower() in MISSIONS or o.lemma_.lower() == "presence"]:
            owners = [a for c in mission.children if c.dep_ in ("poss", "amod", "compound") and c.i in r.by_token
                      for a in r.actors_of(c)]
            if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in mission.children) or \
                    set(owners) & own:
                owners = [a for a in r.place_actors(mission, ("in",)) + r._pobj_actors(mission, ("in",), 0)
                          if a not in own]  # "closed its embassy in Kabul": the host
            yield from self._emit(sources, "SANCTION", _unique(owners), verb, _phrase(verb))

    def debt_relief(self, verb, lemma: str) -> Iterator[Candidate]:
        """'promised to write off $240 million of Kyrgyzstan's debt to Russia', 'paid off Syria's arrears to the
        World Bank', 'forgave Cuba's debt': relieving a side of its debt is aid to it (not to the creditor)."""
        particle = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        if lemma in ("write", "pay") and "off" not in particle:
            return
        r = self.r
        r.indirect = False
        for obj in [c for c in verb.children if c.dep_ == "dobj"]:
            debt = self._goods(obj)
            if debt.lemma_.lower() in DEBTS:
                debtors = [a for c in debt.children if c.dep_ == "poss" for a in r.actors_of(c)]
                yield from self._emit(r.agents(verb), "AID", debtors, verb, _phrase(verb))

    def angry_response(self, verb) -> Iterator[Candidate]:
        """'Wadephul drew an angry response from Beijing', 'the visit provoked a furious reaction from Moscow':
        an angry response to what someone did or said is criticism of them (SCHEMA: condemning, protesting)."""
        r = self.r
        r.indirect = False
        for reaction in [c for c in verb.children if c.dep_ == "dobj" and _lemma(c) in REACTIONS]:
            if not any(m.dep_ == "amod" and m.lower_ in ANGRY for m in reaction.children):
                continue
            sources = [a for h in (verb, reaction) for a in r.slot_actors(h, "from")] or \
                [a for c in reaction.children if c.dep_ in ("poss", "amod", "compound") for a in r.actors_of(c)]
            targets = [a for a in self._drawn_by(verb) if a not in sources]
            yield from self._emit(sources, "CRITICIZE", targets, verb, _phrase(verb))

    def thanked_for(self, verb) -> Iterator[Candidate]:
        """'Pezeshkian thanked Pakistan for its support' → Pakistan SUPPORT Iran (the thanker's side), besides the
        thanks themselves; 'thanked Kim for his support for Russia's war' / 'for their solidarity with Russia' →
        the side named in the support."""
        r = self.r
        r.indirect = False
        backing = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                   for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in BACKING]
        if not backing:
            return
        thanked = r.slot_actors(verb, "dobj")
        named = [a for p in backing for a in r._pobj_actors(p, ("for", "with", "to"), 0) +
                 [a for c in p.children if c.dep_ == "prep" and c.lower_ in ("for", "with", "to")
                  for o in c.children if o.dep_ == "pobj" for a in r.makers_of(o)]]
        thankers = [r._state_of(a) for a in r.agents(verb)]
        yield from self._emit(thanked, "SUPPORT", _unique(named) or _unique(thankers), backing[0], _phrase(backing[0]))

    def entry_ban(self, verb) -> Iterator[Candidate]:
        """'barred entry to nationals of Chad and Eritrea', 'stopped issuing visas to U.S. citizens', 'suspended
        visas for Chinese travellers', 'banned travellers from Chad' → SANCTION the travellers' states. The
        barring side is the subject, or who signed the document that bars ('the proclamation, which Trump
        signed, bars …')."""
        r = self.r
        r.indirect = False
        heads = [verb] + [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in ("issue", "grant")]
        objects = [o for h in heads for o in h.children if o.dep_ in ("dobj", "nsubjpass")]
        entry = [o for o in objects if o.lemma_.lower() in ENTRY_NOUNS]
        people = [o for o in objects if o.lemma_.lower() in TRAVELLERS]
        if not entry and not people:
            return
        for noun in [*heads, *entry]:
            people += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "of", "from", "on")
                       for p in c.children if p.dep_ == "pobj" and (p.lemma_.lower() in TRAVELLERS or (
                           p.i in r.by_token and p.ent_type_ == "NORP"))]  # "visas for Americans"
        holders = [a for o in entry if o.lemma_.lower() == "visa" for c in o.children if c.dep_ == "poss"
                   for a in r.actors_of(c)]  # "revoked Petro's visa"
        barred = _unique(holders + [a for p in people for a in (
            r._pobj_actors(p, ("of", "from"), 0) + r.makers_of(p) + (r.actors_of(p) if p.i in r.by_token else []))])
        if not barred:
            return
        sources = r.agents(verb)
        if not sources:  # "the proclamation, which Trump signed, bars …"
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            sources = [a for rel in (subject.children if subject is not None else ()) if rel.dep_ == "relcl"
                       for c in rel.children if c.dep_ == "nsubj" for a in r.actors_of(c)]
        yield from self._emit(sources, "SANCTION", [a for a in barred if a not in sources], verb, _phrase(verb))

    def designation(self, verb) -> Iterator[Candidate]:
        """'designated the cartel as a (foreign) terrorist organisation', 'lists X as a terrorist group' → SANCTION."""
        if not any(t.lemma_.lower() in TERROR_WORDS for c in verb.children
                   if c.dep_ in ("prep", "oprd", "xcomp") and c.lower_ != "by" for t in c.subtree):
            return
        r = self.r
        r.indirect = False
        yield from self._emit(r.agents(verb), "SANCTION", r.slot_actors(verb, "dobj"), verb, _phrase(verb))

    def listed(self, verb) -> Iterator[Candidate]:
        """'put Cuba back on the list of state sponsors of terrorism', 'added Chinese firms to its entity
        list' → SANCTION; not 'put the issue on the agenda'."""
        heads = [verb, *(c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "back")]  # "put X back on"
        lists = [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "to", "onto")
                 for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in ("list", "blacklist")]
        if not any(p.lemma_.lower() == "blacklist" or any(
                t.lemma_.lower() in TERROR_WORDS | BLACKLISTS for t in p.subtree) for p in lists):
            return
        r = self.r
        r.indirect = False
        listed = [a for c in verb.children if c.dep_ == "dobj"  # named, not "the island" (which may be the subject)
                  for a in ([r.by_token[c.i].actor] if c.i in r.by_token else r.makers_of(c))]
        yield from self._emit(r.agents(verb), "SANCTION", listed, verb, _phrase(verb))

    def relied_on(self, verb) -> Iterator[Candidate]:
        """'relies on Moscow for half of its military hardware' → Russia SUPPLY_ARMS India; for gas: trade."""
        r = self.r
        r.indirect = False
        suppliers = r.slot_actors(verb, "on") or r.slot_actors(verb, "upon")
        goods = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                 if p.dep_ == "pobj"]
        for obj in goods:
            cls = self._object_class(obj)
            relation = self.lex.object_relations.get(cls) if cls else None
            if relation is None or cls == "troops":
                continue
            if relation == "AID" and self._goods(obj).lemma_.lower() in self.lex.commodities:
                relation = "COOPERATE"  # depending on Russia for gas is trade
            yield from self._emit(suppliers, relation, r.agents(verb), verb, _phrase(verb))

    def not_ruled_out(self, verb) -> Iterator[Candidate]:
        """'refused to rule out (using) military force against X', 'did not rule out strikes on X' → THREATEN."""
        r = self.r
        negative = any(c.dep_ == "neg" for c in verb.children) or (
            verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("refuse", "decline"))
        if not negative:
            return
        r.indirect = False
        aimed = [a for t in verb.subtree if t.dep_ == "prep" and t.lower_ in THREAT_OBJECTS
                 for p in t.children if p.dep_ == "pobj" for a in r.actors_of(p)]
        agents = r.agents(verb) or (r.agents(verb.head) if verb.dep_ == "xcomp" else [])
        yield from self._emit(agents, "THREATEN", _unique(aimed), verb, _phrase(verb), presupposed=True)

    # -- transfers -------------------------------------------------------------
    def transfer(self, verb, lemma: str) -> Iterator[Candidate]:
        """'supply X to Y', 'supply Y with X', 'send troops to', 'buy drones from'."""
        r = self.r
        r.indirect = False
        lex = self.lex
        passive = r.is_passive(verb)  # "with weapons supplied by X"
        objects = [c for c in verb.children if c.dep_ in (("nsubjpass", "nsubj") if passive else ("dobj",))]
        if not objects and not passive:  # "Iran, which armed and funded Hezbollah"
            objects = [c for v in verb.conjuncts for c in v.children if c.dep_ == "dobj"]
        if not objects and verb.dep_ == "acl":
            objects = [verb.head]
        if not passive and verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" and \
                all(o.lower_ in ("which", "that") for o in objects) and any(c.dep_ == "nsubj" for c in verb.children) \
                and not any(t.lower_ in ("which", "whom") and t.dep_ == "pobj" for t in verb.subtree):
            # "the 42 Rafales it ordered from France", "the drones which Iran sold to Russia"; not "a clause
            # under which X and Y pledge to help each other"
            objects = [verb.head]
        described = r.participle_head(verb) if passive and not objects else None
        if described is not None:  # "Hamas, funded and armed by Iran"
            objects = [described]
        if passive and not objects:  # "Ukraine was backed by the EU and armed by the US": the first conjunct's subject
            objects = [c for c in first_conjunct(verb).children if c.dep_ == "nsubjpass"]
        if passive and verb.dep_ == "relcl":  # "Hezbollah, which is armed by Iran"
            objects = [verb.head if o.lower_ in ("which", "who", "that") else o for o in objects]
        if passive and objects and all(o.lower_ in ("which", "who", "that") for o in objects) and \
                verb.dep_ == "ccomp" and verb.head.dep_ == "relcl":
            holder = verb.head.head  # "the M23, a rebel group that Kinshasa says is armed by Rwanda"
            objects = [holder.head if holder.dep_ == "appos" else holder]
        objects = [o for obj in objects for o in [obj, *obj.conjuncts] if not any(  # not "X rather than Y"
            c.dep_ == "cc" and c.lower_ in ("than", "instead") and c.i < o.i for c in obj.children)]
        slots = lex.transfer_verbs[lemma]
        if lemma == "order" and not any(c.dep_ == "prep" and c.lower_ == "from" for o in [verb, *objects]
                                        for c in o.children) and not any(
                self._object_class(o) in ("weapons", "troops") and r.makers_of(o) and not any(
                    c.dep_ in ("xcomp", "ccomp") for c in verb.children) for o in objects):
            return  # "ordered troops to leave" is no purchase; "ordered South Korean howitzers" is one
        recipients: list[Actor] = []
        moved: list[tuple[object, str]] = []
        with_objects = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                        for p in c.children if p.dep_ == "pobj"]
        direct = [o for o in objects if o.dep_ == "dobj"]
        two_objects = not passive and "dative" in slots and len(direct) > 1 and \
            direct[0].right_edge.i + 1 == direct[1].left_edge.i  # back to back: "handed Libya's coast guard two boats"
        for obj in objects:
            if two_objects and obj is objects[0]:  # "handed Libya's coast guard two patrol boats": a misparsed dative
                recipients.extend(r.actors_of(obj))
                continue
            named = obj.i in r.by_token or (with_objects and "with" in slots) or lemma == "arm" or (
                lemma == "equip" and self._object_class(obj) == "troops")  # "will equip Syria's new army"
            patient = obj.dep_ in ("dobj", "conj") or (passive and "with" in slots)  # "Hamas, armed by Iran"
            actors = r.actors_of(obj) if patient and named else []
            if actors and "with" in slots:
                recipients.extend(actors)  # "supply Y with X", "arm Serbia with drones"
                continue
            if not actors and patient and lemma in ("send", "dispatch") and obj.lemma_.lower() in lex.person_role_words:
                actors = [a for a in r.actors_of(obj) if a.kind == "person"]  # "sent its foreign minister, Fidan, to"
            if actors and all(a.kind == "person" for a in actors) and lemma in ("send", "dispatch"):
                yield from self._emit(actors, "MEET", r.slot_actors(verb, "to"), verb, _phrase(verb))
                return
            if not actors and patient and lemma in ("send", "dispatch") and obj.lemma_.lower() in DELEGATES and \
                    not passive:  # "sent negotiators to Washington": the senders' talks there
                yield from self._emit(r.agents(verb), "MEET", r.slot_actors(verb, "to"), verb, _phrase(verb))
                return
            cls = self._object_class(obj)
            if cls == "troops" and lemma in BUYING:
                cls = "weapons"  # "buy Swedish fighters" are jets, not soldiers
            if cls:
                moved.append((obj, cls))
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                moved += [(p, cls) for p in c.children if p.dep_ == "pobj"
                          for cls in [self._object_class(p)] if cls]
        if not moved and lemma in ("arm", "equip") and recipients:
            moved = [(verb, "weapons")]  # "accused Iran of arming the Houthis"
        if not moved and lemma == "supply" and not passive and recipients and all(  # an armed group, not a bloc of members
                a.kind in ("group", "organization") and not r.ctx.base.members(a.id) for a in recipients):
            moved = [(verb, "weapons")]  # "denied supplying the RSF": what an armed group is supplied with
        if "dative" in slots and not passive:  # "which sent Pakistan drones", "sold Ankara the S-400s": a dative the
            recipients += [a for obj, _ in moved for c in obj.subtree  # parser hung on the goods
                           if c.i < obj.i and c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i in r.by_token
                           and r.by_token[c.i].start == verb.i + 1
                           and c.i in r.by_token for a in r.actors_of(c) if a not in recipients and a.kind == "country"]
        if not recipients and not passive and lemma in PROVIDING:  # "supplies 80 percent of Pakistan's weapons":
            held = [g for obj, _ in moved for g in [obj, *(p for c in obj.children if c.dep_ == "prep"  # the
                                                          and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")]]
            recipients += [a for g in held for c in g.children if c.dep_ == "poss"  # holder receives them
                           for a in r.actors_of(c) if a.kind == "country"]
        if not moved:
            return
        if passive and verb.dep_ == "acl" and not recipients and lemma in PROVIDING and \
                not any(c.dep_ == "prep" and c.lower_ in ("to", "for") for c in verb.children):
            recipients = [a for a in self._clause_subject(verb.head) if a not in r.by_agent(verb)]
            # "Kyiv will keep flying the Mirage jets supplied by France": who holds them was supplied
        if passive:
            sources = r.by_agent(verb)
        elif verb.dep_ == "acl" and not any(c.dep_ == "nsubj" for c in verb.children):
            sources = [a for c in verb.head.children if c.dep_ in ("poss", "compound", "amod")
                       for a in r.actors_of(c)] or r.by_agent(verb)
            if not sources and self.lex.object_class(verb.head.lemma_) == "agreement" and verb.head.dep_ == "dobj":
                sources = r.agents(verb.head.head)  # "signed an agreement on Monday to buy jets from Britain"
            if not sources and lemma in BUYING and r._pobj_actors(verb, ("from",), 0):  # "flies jets bought from Israel",
                sources = self._clause_subject(verb.head)  # "relies on drones bought from Turkey": the holder's
            if not sources:  # "announced a plan to buy French jets", "signed a letter of intent to buy …"
                sources = r.agents(verb)
        else:
            sources = r.agents(verb)
        for obj, cls in moved:
            if not sources:  # "North Korean troops were sent to …": the troops' own country
                sources = r.makers_of(obj)
            yield from self._transfer_targets(verb, lemma, slots, sources, recipients, obj, cls)

    def _transfer_targets(self, verb, lemma, slots, sources, recipients, obj, cls) -> Iterator[Candidate]:
        r = self.r
        relation = self.lex.object_relations.get(cls)
        if relation == "SUPPLY_ARMS" and (lemma in STATIONING or (lemma in ("send", "dispatch") and
                                                                  obj.lemma_.lower() in WARSHIPS)):
            relation, cls = "DEPLOY_TO", "troops"  # "deployed a THAAD battery to Israel", "dispatched warships to
            # Cuba": arms a state keeps and crews itself where it stations them, not arms it hands over
        goods = self._goods(obj)
        if relation == "AID" and self._traded(goods) and lemma in self.lex.trade_verbs \
                and not any(c.lower_ in AID_QUALIFIERS for c in goods.children):
            relation = "COOPERATE"  # selling oil or grain is trade, not aid
        targets = list(recipients)
        for slot in slots:
            if slot in ("with", "dobj"):
                continue
            amount = obj.lemma_.lower() in self.lex.quantity_nouns or obj.like_num  # "5 billion euros in aid to X"
            inner = [p for c in obj.children if c.dep_ == "prep" and (c.lower_ == "of" or (amount and c.lower_ == "in"))
                     for p in c.children if p.dep_ == "pobj"]  # "a brigade of 5,000 troops in Lithuania"
            heads = [*self._slot_heads(verb, slot), *self._slot_heads(obj, slot),
                     *(h for o in inner for h in self._slot_heads(o, slot))]
            for head_token, found in heads:
                if head_token.lemma_.lower() in MISSION_NOUNS:  # "troops to an African Union mission in Somalia"
                    found = r._pobj_actors(head_token, ("in",), 0) or r._pobj_actors(verb, ("in",), 0) or found
                military = cls in ("troops", "weapons")
                if military and not found and head_token.head.dep_ == "prep":  # "massed troops near Kharkiv"
                    found = r.place_actors(head_token.head.head, (head_token.head.lower_,))
                near_border = any(c.dep_ == "prep" and c.lower_ in ("near", "along", "on", "off")
                                  for c in head_token.children)
                if near_border and military and head_token.lemma_.lower() in GARRISONS:
                    near_border = False  # "troops at an air base near Damascus": kept in Syria, not massed at it
                    found = found or [a for c in head_token.children if c.dep_ == "prep" and c.lower_ == "near"
                                      for p in c.children if p.dep_ == "pobj" for a in r.actors_of(p)]
                if near_border and not found:  # "moved troops to positions near the border with Eritrea"
                    found = [a for c in head_token.children if c.dep_ == "prep"
                             for p in c.children if p.dep_ == "pobj" for a in r.actors_of(p)]
                if military and (slot in ("near", "along", "toward", "towards", "off", "around")
                                 or head_token.lemma_.lower() in BORDER_HEADS or near_border):
                    yield from self._emit(sources, "MOBILIZE", found, verb, _phrase(verb))  # build-ups, incursions
                elif slot == "into" and cls == "troops":
                    yield from self._emit(sources, "ATTACK", found, verb, _phrase(verb))
                else:
                    targets.extend(a for a in found if a not in targets)
        if not targets and obj.dep_ != "dobj":  # "Hezbollah's arsenal … was supplied by Iran"
            targets = [a for c in obj.children if c.dep_ == "poss" for a in r.actors_of(c)]
        if not targets and relation in ("AID", "SUPPLY_ARMS") and lemma not in self.lex.reverse_transfer:
            targets = [a for h in (verb, obj) for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                       for p in c.children if p.dep_ == "pobj" for x in p.children
                       if x.dep_ == "poss" and x.pos_ != "PRON" for a in r.actors_of(x)
                       if a.kind == "country" and a not in sources]  # "send fuel for Cuba's power plants"
        if lemma in self.lex.reverse_transfer:  # "bought Turkish drones", "received jets from Russia"
            makers = r.slot_actors(verb, "from") or r.slot_actors(obj, "from") or r.slot_actors(goods, "from") \
                or r.makers_of(obj) or [a for c in goods.children if c.dep_ == "poss" and goods is not obj
                                        for a in r.actors_of(c)] or (  # "buys most of Iran's oil"
                    r.makers_of(goods) if goods is not obj else []) or (  # "10 million tonnes of Brazilian soybeans"
                self._deal_partners(verb) if lemma in BUYING else [])  # "signed a deal with Turkey to buy 45 jets"
            buyers = sources
            sources, targets = makers, sources
            places = [a for h in (verb, obj) for a in r._pobj_actors(h, ("in",), 0)
                      if a.kind == "country" and a not in r.own_side(buyers)] if relation == "DEPLOY_TO" else []
            if places:  # "will not accept NATO troops in Ukraine": the troops would be in Ukraine, not Russia
                targets = places
            beneficiaries = [a for h in (verb, obj) for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                             for p in c.children if p.dep_ == "pobj" and not any(x.dep_ == "poss" and x.pos_ == "PRON"
                                                                                  for x in p.children)
                             for a in r.actors_of(p) if a not in buyers and a not in makers]
            # "bought air-defence systems for Kyiv"; not "for its navy"
            if relation and lemma in BUYING and beneficiaries:
                yield from self._emit(buyers, relation, beneficiaries, verb, _phrase(verb))
        if relation:
            yield from self._emit(sources, relation, targets, verb, _phrase(verb))

    def _deal_partners(self, verb) -> list[Actor]:
        """The other party of the agreement a purchase is made under: 'signed a deal with Turkey to buy 45 jets',
        'a government-to-government agreement with Sweden to buy 17 Gripens' (the seller)."""
        r = self.r
        deals = [verb.head] if verb.dep_ == "acl" else \
            [c for c in verb.head.children if c.dep_ == "dobj"] if verb.dep_ == "advcl" else []
        deals = [d for d in deals if self.lex.object_class(d.lemma_) == "agreement"]
        return _unique([a for d in deals for h in (d, d.head) for a in r.slot_actors(h, "with")])

    def _slot_heads(self, verb, slot: str) -> Iterator[tuple[object, list[Actor]]]:
        r = self.r
        if slot == "dative":
            for c in verb.children:
                if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                    yield c, r.actors_of(c)
            return
        for c in verb.children:
            if c.dep_ in ("prep", "dative") and c.lower_ == slot:
                for p in c.children:
                    if p.dep_ == "pobj" and (slot != "at" or _garrison_or_state(p, r)):
                        yield p, r.actors_of(p)

    def _goods(self, token):
        """What an amount or portion is of: "the bulk of its coal" → coal, "90% of its oil" → oil."""
        goods = token
        while goods.lemma_.lower() in self.lex.quantity_nouns or goods.lemma_.lower() in PORTIONS or goods.text == "%" \
                or goods.lemma_.lower() in ("delivery", "shipment", "consignment"):  # "took delivery of X from Y"
            goods = _of_object(goods)
            if goods is None:
                return token
        return goods

    def _traded(self, goods) -> bool:
        """Commodities sold or bought are trade: "oil", "oil exports", "gas supplies"."""
        return goods.lemma_.lower() in self.lex.commodities or any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in self.lex.commodities for c in goods.children)

    def _object_class(self, token) -> str | None:
        """What a noun phrase moves: weapons, troops or aid (None if neither)."""
        lex = self.lex
        lemma = token.lemma_.lower()
        if lemma in PORTIONS or token.text == "%":  # "most of its gas", "90% of its oil"
            inner = _of_object(token)
            if inner is not None or lemma not in PARTS:  # "spare parts for F-16 jets": below
                return self._object_class(inner) if inner is not None else None
        if token.pos_ not in ("NOUN", "PROPN") and not (token.pos_ == "NUM" and lemma in lex.quantity_nouns):
            return None  # "$2.5 billion in weapons": the parser may tag "billion" a number
        if lemma in lex.quantity_nouns or token.like_num:  # "millions of artillery shells", "$12 billion in aid"
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "in"):
                    for p in (x for c in child.children if c.dep_ == "pobj" for x in (c, *c.conjuncts)):
                        if self._object_class(p):  # "a shipment of guidance kits and heavy bombs"
                            return self._object_class(p)
            if any(c.text in ("$", "€", "£") or c.lower_ in ("dollars", "euros") for c in token.subtree):
                weapons = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound")}
                return "weapons" if weapons & lex.weapon_modifiers else "aid"  # "a $1 billion arms package"
        if lemma in DEFENCE_WORDS and any(c.dep_ == "poss" for c in token.children) and \
                not any(c.dep_ in ("amod", "compound") for c in token.children):
            return None  # "financing Ukraine's defence": a country's defence effort, not an air-defence system
        cls = lex.object_class(lemma) or lex.object_class(token.lower_) or ("aid" if lemma in lex.commodities else None)
        if cls is None and token.pos_ == "PROPN" and token.lower_.endswith("s"):
            cls = lex.object_class(token.lower_[:-1])  # "Gripens", "Rafales", "K2s"
        modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound")}
        if cls == "aid" and modifiers & lex.weapon_modifiers:
            return "weapons"
        if lemma == "fighter" and ({"stealth", "jet", "multirole"} & modifiers or any(
                lex.object_class(m) == "weapons" for m in modifiers) or any(
                c.dep_ == "nummod" and lex.object_class(c.lower_) == "weapons" for c in token.children) or (
                token.dep_ in ("dobj", "nsubjpass") and _lemma(token.head) in lex.trade_verbs | ORDERING)):
            return "weapons"  # "its Su-57 stealth fighter", "J-10 fighters", "bought 42 fighters": planes
        if cls is None:
            for child in token.children:
                if child.dep_ == "prep" and (child.lower_ == "of" or (child.lower_ == "for" and lemma in PARTS)):
                    for p in child.children:  # "spare parts for F-16 jets" arm as the jets do
                        if p.dep_ == "pobj":
                            return self._object_class(p)
            if lemma in PARTS:  # "missile fuel components": what the parts are for may sit deeper
                modifiers |= {t.lemma_.lower() for t in token.subtree if t.i < token.i and t.dep_ == "compound"}
            classes = [lex.object_class(m) for m in modifiers]
            for wanted in ("weapons", "troops", "aid"):
                if wanted in classes:
                    return wanted
        return cls

    def weapons_aimed(self, weapon) -> Iterator[Candidate]:
        """'answered with missiles aimed at Israeli cities', 'drones fired at Kyiv' → ATTACK."""
        r = self.r
        r.indirect = False
        holders = [weapon]
        if weapon.dep_ in ("pobj", "conj") and weapon.head.lower_ == "of":  # "waves of missiles aimed at"
            holders.append(weapon.head.head)
        elif weapon.dep_ == "conj" and weapon.head.dep_ == "pobj" and weapon.head.head.lower_ == "of":
            holders.append(weapon.head.head.head)
        aimed = [c for h in holders for c in h.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in
                 AIMING_VERBS and not any(x.dep_ == "dobj" and x.lower_ not in ("which", "that") for x in c.children)]
        targets = [a for c in aimed for p in ("at", "against", "toward", "towards", "on")
                   for a in r.slot_actors(c, p)]
        shooters = [a for c in aimed if c.dep_ == "relcl" for x in c.children if x.dep_ in ("nsubj", "compound")
                    and x.lower_ not in ("which", "that") for a in r.actors_of(x)]  # "the missiles Russia fires at …"
        # ("fires" may be read as a noun with "Russia" its modifier)
        if not targets and weapon.dep_ == "dobj" and _lemma(weapon.head) in AIMING_VERBS:
            aimed = [weapon.head]  # "fired missiles at Israel", parsed with "at Israel" on the missiles
            targets = [a for p in ("at", "against", "toward", "towards") for a in r.slot_actors(weapon, p)]
        if not targets:
            return
        sources = shooters or r.makers_of(weapon)
        if not sources:
            verb = next((a for a in weapon.ancestors if a.pos_ in ("VERB", "AUX")), None)
            sources = r.agents(verb) if verb is not None else []
        trigger = aimed[0] if shooters else weapon  # the relative clause is its own fact: "can stop the missiles
        yield from self._emit(sources, "ATTACK", targets, trigger, f"{weapon.text} {aimed[0].text}")  # Russia fires"

    def stationed(self, troops) -> Iterator[Candidate]:
        """'a German brigade for Lithuania', 'U.S. troops stationed in Japan' → DEPLOY_TO."""
        r = self.r
        owners = [a for a in r.makers_of(troops) if a.kind == "country"] or \
            [a for c in troops.children if c.dep_ == "poss" for a in r.actors_of(c) if a.kind == "country"]
        held = troops.head.head if troops.dep_ == "pobj" and troops.head.lower_ == "of" and (
            troops.head.head.lemma_.lower() in self.lex.quantity_nouns or troops.head.head.like_num) else troops
        kept = held.dep_ == "dobj" and _lemma(held.head) in KEEPING  # "keeps thousands of troops in X": held
        if not owners and kept:  # "Washington keeps 2,500 troops in Iraq", "Russia maintains a base in Tajikistan"
            owners = [r._state_of(a) for a in r.agents(held.head)]
        if not owners:
            return
        hosts = r._pobj_actors(troops, ("for",), 0)
        if kept:
            hosts += r._pobj_actors(held, ("in",), 0) or r._pobj_actors(held.head, ("in",), 0) or \
                r.place_actors(held, ("in",)) or r.place_actors(held.head, ("in",))
        attacking = self.lex.verbs_by_relation.get("ATTACK", ())
        fighting = (troops.dep_ == "nsubj" and _lemma(troops.head) in attacking) or (
            troops.dep_ == "pobj" and _lemma(troops.head.head) in attacking)  # "fighting alongside Russian forces"
        if not kept and not fighting and not any(c.dep_ == "acl" for c in troops.children):  # "Turkey's troops in
            # Libya", "Rwanda's contingent in Bangui"; not "Russian troops in Ukraine advanced", an invasion
            hosts += r._pobj_actors(troops, ("in",), 0) or r.place_actors(troops, ("in",))
        if fighting and troops.dep_ == "nsubj":  # "Burundian troops are fighting alongside Congolese forces": on
            hosts += [a for c in troops.head.children if c.dep_ == "prep" and c.lower_ == "alongside"  # their side
                      for p in c.children if p.dep_ == "pobj" for a in r.makers_of(p) or r.actors_of(p)]
        predicates = [c for c in troops.children if c.dep_ == "acl"]
        if troops.dep_ in ("nsubj", "nsubjpass"):  # "U.S. troops (remain) stationed in Japan"
            predicates += [troops.head, *(c for c in troops.head.children if c.dep_ in ("acomp", "xcomp", "oprd"))]
        for acl in [c for c in predicates if c.lemma_.lower() in STATIONED]:
            places = ("in", "to", "on", "at")
            hosts += [a for a in r._pobj_actors(acl, places, 0) if a.kind == "country"] or \
                r.place_actors(acl, places) or [  # "at Ream, the Cambodian naval base": the base's owner
                    a for c in acl.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "on")
                    for p in c.children if p.dep_ == "pobj" for x in p.children if x.dep_ == "appos"
                    for a in r.makers_of(x)]
            if acl.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in acl.children):
                place = acl.head  # "Djibouti, (a country) where American troops are stationed"
                hosts += r.actors_of(place) or (r.actors_of(place.head) if place.dep_ == "appos" else [])
        hosts = [a for a in _unique(hosts) if a.kind == "country" and a not in owners]
        r.indirect = False
        said = troops.dep_ in ("nsubj", "nsubjpass") and _lemma(troops.head) in STATIONED  # the clause asserts it:
        yield from self._emit(owners, "DEPLOY_TO", hosts, troops.head if said else troops, _phrase(troops),
                              presupposed=not said)  # "denied that Chinese warships were based at Ream"

    def transfer_noun(self, noun, lemma: str) -> Iterator[Candidate]:
        """"Tehran's supply of drones to Russia", 'arms sales to Israel', 'drone transfers to Russia'."""
        r = self.r
        r.indirect = False
        moved = None
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                moved = next((self._object_class(p) for p in child.children if p.dep_ == "pobj"), None)
        if moved is None:
            modifiers = [self.lex.object_class(c.lemma_.lower()) or self.lex.object_class(c.lower_)
                         for c in noun.children if c.dep_ in ("compound", "amod")]  # "arms" lemmatized "arm"
            moved = next((m for m in ("weapons", "troops", "aid") if m in modifiers), None)
        if moved is None and noun.lemma_.lower() in ("deployment", "dispatch"):
            moved = "troops"
        relation = self.lex.object_relations.get(moved or "")
        governor = self._light_verb(noun)
        override = self.lex.verb_noun_overrides.get((_lemma(governor), lemma)) \
            if governor is not None and noun.dep_ == "dobj" else None
        halted = override == "SANCTION"  # "halted exports to Israel"
        blocked = override == "REJECT"  # "blocked the sale of Eurofighters to Turkey": another's sale, refused
        if relation is None and not (halted or blocked):
            return
        sources = [a for c in noun.children if c.dep_ == "poss" for a in r.actors_of(c)] or \
            [a for c in noun.children if c.dep_ in ("compound", "amod") and c.i in r.by_token
             for a in r.actors_of(c)] or r._doers(noun, 0)
        presupposed = bool(sources)
        if not sources:
            of = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
            sources = [a for p in of for c in p.children if c.dep_ in ("amod", "compound", "poss")
                       and c.i in r.by_token for a in r.actors_of(c)]
        if not sources and governor is not None:
            sources = self._doers_named_by(governor, noun)
        targets = [a for p in self.lex.transfer_nouns[lemma] for a in r.slot_actors(noun, p)]
        if governor is not None and not targets:
            targets = [a for p in self.lex.transfer_nouns[lemma] for a in r.slot_actors(governor, p)]
        goods = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        if not targets:  # "the purchase of 36 rocket systems from Israel": the phrase hung on the goods
            targets = [a for g in goods for p in self.lex.transfer_nouns[lemma] for a in r.slot_actors(g, p)]
        if lemma in ("purchase", "import"):  # "its imports of Russian oil": Russia sells to it
            origin = targets or [a for g in goods for a in r.makers_of(g)]
            sources, targets = origin, sources
        if halted or blocked:  # the halter cuts off the buyer, or the seller it bought from: SANCTION, not a
            halters = r.agents(governor)  # transfer; a sale blocked is the buyer refused (REJECT)
            hit = [a for a in (sources if lemma in ("purchase", "import") else targets) if a not in halters]
            yield from self._emit(halters, override, hit, governor, _phrase(governor))
            return
        if relation == "AID" and lemma in ("import", "export", "purchase", "sale") and \
                any(g.lemma_.lower() in self.lex.commodities for g in goods + [
                    c for c in noun.children if c.dep_ in ("compound", "amod")]):  # "oil exports to India"
            relation = "COOPERATE"  # trade in oil or grain
        yield from self._emit(sources, relation, targets, noun, _phrase(noun), presupposed=presupposed)

    # -- nouns -----------------------------------------------------------------
    def noun(self, noun, relation: str, preps: tuple[str, ...]) -> Iterator[Candidate]:
        """'X's support for Y', 'the alliance between X and Y', 'the X-Y pact', 'held talks with Y'."""
        r = self.r
        r.indirect = False
        lemma = noun.lemma_.lower()
        if relation == "MEET" and any(c.lower_ in ("indirect", "proximity", "shuttle") for c in noun.children):
            return  # mediated talks: the parties do not meet
        if relation == "MEET" and lemma == "consultation" and noun.dep_ == "pobj" and noun.head.lower_ == "for" and \
                not any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
            return  # "recalled their ambassadors for consultations": a purpose, not a meeting between the two
        if lemma == "journey" and not any(c.dep_ == "prep" and c.lower_ in preps for c in noun.children):
            return  # "a journey to / through X" is a visit; "to help pay for their journeys home" is not
        if lemma == "hostility" and noun.tag_ != "NNS":
            return  # "hostility toward the West" is an attitude; "hostilities" are fighting
        if relation == "REQUEST" and lemma == "call" and any(c.dep_ == "prep" and c.lower_ in ("with", "between")
                                                             for c in noun.children):
            return  # "in a call with Putin, Ortega thanked Russia for …": a phone call, no appeal
        if lemma == "force" and (noun.tag_ == "NNS" or not any(c.dep_ == "prep" and c.lower_ == "against"
                                                               for c in noun.children)):
            return  # "use force against X" is an attack; "special forces", "its air force" are troops
        if relation == "ATTACK" and lemma in ("campaign", "operation") and not any(
                c.lower_ in MILITARY_MODIFIERS for c in noun.children if c.dep_ in ("amod", "compound")) and not any(
                p.lemma_.lower() in MILITARY_MODIFIERS | {"bombing", "strike", "attack"} for c in noun.children
                if c.dep_ == "prep" and c.lower_ == "of" for p in c.children):  # "a campaign of sabotage against X"
            return  # "an air campaign / military operation against X"; not "a campaign against corruption"
        anchor = self._anchor(noun)
        sources, targets = [], []
        adjunct = done_by = False
        retyped_by = governor = None
        modifiers = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        if anchor is not noun:
            modifiers += [c for c in anchor.children if c.dep_ in ("poss", "amod") and c.i < noun.i]
        modifier_actors = []
        for c in modifiers:
            if c.dep_ == "compound" and c.i not in r.by_token:  # "Israeli drone strikes": "Israeli" sits deeper
                for a in r.makers_of(c) if relation not in ("ALLY", "AGREE") else []:
                    if a not in modifier_actors:
                        modifier_actors.append(a)
                continue
            named = c.i in r.by_token
            if c.dep_ == "compound" and named and relation in ("ALLY", "AGREE") and \
                    r.by_token[c.i].actor.kind == "organization" and (lemma not in ROLE_NOUNS or noun.tag_ == "NNS"):
                continue  # "the AUKUS partnership" names the pact, "NATO allies" its members; "a Hezbollah ally"
            for a in r.actors_of(c) if (named or c.dep_ == "poss") else []:
                if a not in modifier_actors:
                    modifier_actors.append(a)
        if not modifier_actors and anchor.dep_ == "conj" and relation in GIVEN_IN_LISTS:
            first = first_conjunct(anchor)  # "Chinese investment, loans and grants": the loans are Chinese too
            modifier_actors = [r.by_token[c.i].actor for c in first.children
                               if c.dep_ in ("amod", "compound") and c.i in r.by_token]
        giver = anchor.head if anchor.dep_ == "dobj" and _lemma(anchor.head) in GIVING else None
        if giver is not None and relation in ("SUPPORT", "AID") and not any(c.dep_ == "dative" for c in giver.children):
            given = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i in r.by_token
                     and c.left_edge.i == anchor.left_edge.i]  # "offered Caracas sympathy": Caracas is given it
            if given:
                yield from self._emit(r.agents(giver), relation, [a for c in given for a in r.actors_of(c)], noun,
                                      _phrase(noun))
                return
        if relation == "AGREE" and {c.lemma_.lower() for c in noun.children} & {"arms", "weapon", "arm"}:
            relation = "SUPPLY_ARMS"  # "arms deals with Myanmar"
        if relation in ("SUPPORT", "AID") and {c.lemma_.lower() for c in noun.children} & self.lex.weapon_modifiers:
            relation = "SUPPLY_ARMS"  # "military support for", "military aid to"
        elif relation == "SUPPORT" and {c.lemma_.lower() for c in noun.children} & MONEY_MODIFIERS:
            relation = "AID"  # "economic support for Damascus", "budgetary support"
        if relation == "REQUEST" and anchor.dep_ == "pobj" and anchor.head.lower_ in ("at", "upon", "on") and \
                lemma != "call" and any(a.pos_ in ("VERB", "AUX") for a in anchor.ancestors):
            yield from self._asked_for(noun, anchor, modifier_actors)  # "at the request of Kiir": asked to do it
            return
        received = self._received_from(anchor, relation, modifier_actors)
        if received:  # "won the backing of Washington", "was elected with strong backing from Riyadh"
            yield from self._emit(received[0], relation, received[1], noun, _phrase(noun))
            return
        # "drills between X and Y" are joint drills, aimed at neither
        between = (self._between(noun) or self._between(anchor)) if relation != "MOBILIZE" else []
        from_governor = False
        if between and (lemma in self.lex.mutual_fights or (lemma == "war" and relation == "ATTACK")):
            # "clashes between X and Y", "the war between Israel and Iran": each side attacks the other
            yield from self._both_ways(_unique(between), relation, noun, presupposed=True)
            return
        if between:
            sources, targets = between[:1], between[1:]
            if len(between) > 2 and self.vocabulary[relation].symmetric:
                yield from self._emit(between, relation, between, noun, _phrase(noun), between, presupposed=True)
                return
        elif lemma in ROLE_NOUNS:
            named = [a for c in anchor.children if c.dep_ in ("appos", "nmod") and c.i in r.by_token
                     for a in r.actors_of(c)]  # "its allies Russia, China and Iran"
            named += [a for a in r.examples(anchor) if a not in named]  # "its allies, including X"
            if lemma in ("ally", "partner") and noun.tag_ == "NNS":  # "its allies in Seoul and Tokyo"
                named += [a for a in r._pobj_actors(anchor, ("in",), 0) if a.kind == "country" and a not in named]
            sources = named or self._predicated_of(anchor)
            targets = [a for a in modifier_actors if a not in named] + \
                [a for p in preps for a in r.slot_actors(anchor, p)]
            if not targets and sources and anchor.dep_ in ("oprd", "dobj") and anchor.head.pos_ == "VERB" and any(
                    c.dep_ == "dobj" and c.i < anchor.i for c in anchor.head.children):
                targets = [a for a in r.agents(anchor.head) if a not in sources]  # "Washington named X an ally"
            if anchor.dep_ == "pobj" and anchor.head.lower_ == "as" and anchor.head.head.pos_ == "VERB" and \
                    any(c.dep_ == "poss" and c.pos_ == "PRON" for c in anchor.children):
                targets = r.agents(anchor.head.head)  # "Pakistan counts China as its closest partner"
            if lemma == "partner" and {c.lemma_.lower() for c in noun.children} & TRADE_WORDS:
                relation = "COOPERATE"  # "Australia's largest trading partner"
            if not targets and anchor.dep_ == "attr":  # "For Moscow, Pyongyang has become a key supplier"
                targets = r.slot_actors(anchor.head, "for")
            if lemma == "supplier" and relation == "SUPPLY_ARMS":
                goods = [p for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                         if p.dep_ == "pobj"] + [c for c in anchor.children if c.dep_ in ("compound", "amod")]
                if any(self._traded(g) for g in goods) and not any(self._object_class(g) == "weapons" for g in goods):
                    relation = "COOPERATE"  # "Cuba's largest supplier of crude oil", "its main gas supplier": trade
        elif lemma in BUYER_NOUNS:  # "India remains Russia's largest arms customer": Russia supplies India
            sources = [a for a in modifier_actors] + [a for p in preps for a in r.slot_actors(anchor, p)]
            targets = self._predicated_of(anchor)
            bought = [self._object_class(p) for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]  # "a buyer of French jets"
            if relation == "SUPPLY_ARMS" and "weapons" not in bought and \
                    not {c.lemma_.lower() for c in noun.children} & (self.lex.weapon_modifiers | {"arm", "weapon"}):
                relation = "COOPERATE"  # "China, Iran's biggest oil customer": trade
        else:
            governor = self._light_verb(anchor)
            pronoun_owner = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in anchor.children)
            if pronoun_owner and governor is not None and anchor.dep_ == "dobj" and \
                    governor.lemma_.lower() in self.lex.light_verbs and any(c.dep_ == "nsubj" and c.pos_ != "PRON"
                                                              for c in governor.children):
                # "EU leaders held their first summit with …": the subject, not a guess at "their"
                modifier_actors = [a for a in modifier_actors if a in r.agents(governor)] or r.agents(governor)
            sources = modifier_actors or r._doers(anchor, 0)
            # "the annexation of Crimea by Russia" names its doer as "Russia's annexation" does
            done_by = bool(sources) and not modifier_actors and any(
                c.dep_ == "det" and c.lower_ == "the" for c in anchor.children)
            if not sources and relation in WORDS_FROM:  # "a protest from Beijing", "a request from Kyiv"
                sources = r._pobj_actors(anchor, ("from",), 0)
                if not sources and governor is not None and _lemma(governor) in RECEIVING | ANSWERING:
                    sources = r.slot_actors(governor, "from")  # "received support from Paris"
            inner = [x for c in modifiers if c.dep_ == "compound" and c.i not in r.by_token  # "the X-Y defence pact"
                     for x in c.children if x.dep_ in ("compound", "amod", "nmod")]
            named_modifiers = [r.by_token[m.i].actor for c in [*modifiers, *inner] if c.dep_ != "poss" and c.i in r.by_token
                               for m in self.r.hyphen_group(c)]
            if len(named_modifiers) >= 2 and relation == "MOBILIZE":
                return  # "Russian-Belarusian exercises" are joint, aimed at neither
            if len(named_modifiers) >= 2 and not any(
                    any(c.dep_ == "prep" and c.lower_ == p for c in anchor.children) for p in preps):
                # "the Russia-North Korea pact", "US-China talks"
                sources, targets = named_modifiers[:1], named_modifiers[1:]
            else:
                listed = [anchor, *anchor.conjuncts] if relation in GIVEN_IN_LISTS \
                    and not any(c.dep_ == "prep" and c.lower_ in preps for c in anchor.children) else [anchor]
                for p in preps:  # "Chinese investment, loans and grants for Bangladesh": all of them for it
                    targets += [a for h in listed for a in r.slot_actors(h, p) if a not in targets]
                    for inner in [x for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for x in c.children if x.dep_ == "pobj"]:  # "memorandum of understanding with X"
                        targets += [a for a in r.slot_actors(inner, p) if a not in targets]
                if not targets:  # "the sanctions imposed on Russia", "aid sent to Gaza"
                    targets = [a for c in anchor.children if c.dep_ == "acl" and c.tag_ == "VBN"
                               for p in preps for a in r.slot_actors(c, p) if a not in targets]
                if not targets and anchor.dep_ == "dobj" and _lemma(anchor.head) == "withhold":
                    # "withheld recognition from the Taliban": the recognition not given (negated)
                    targets = r.slot_actors(anchor.head, "from") or r.slot_actors(anchor, "from")
                    sources = sources or r.agents(anchor.head)
                short = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" else None
                if not sources and short is not None and short.lower_ == "short" and \
                        _lemma(short.head) in ("stop", "fall", "come"):  # "stopped short of formal recognition"
                    sources = r.agents(short.head)
                if relation == "AGREE" and not targets:  # "signed an agreement to buy jets from Britain"
                    purposes = [c for c in anchor.children if c.dep_ == "acl"] + \
                        ([c for c in anchor.head.children if c.dep_ == "advcl"] if anchor.dep_ == "dobj" else [])
                    targets = [a for c in purposes if _lemma(c) in TRADING
                               and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
                               for a in r.slot_actors(c, "from") + r.slot_actors(c, "to")]
                if relation == "AGREE" and not targets:  # "signed deals to supply France and the US"
                    targets = [a for c in anchor.children if c.dep_ in ("acl", "relcl") and not any(
                        x.dep_ == "nsubj" for x in c.children)  # "a pact that alarmed Australia": no party; "a
                               for a in r.slot_actors(c, "dobj")]  # statement in which X and Y reaffirmed Z's …"
                held = governor is not None and anchor.dep_ == "dobj" and r.agents(governor) and \
                    _lemma(governor) in self.lex.agreement_verbs | self.lex.light_verbs
                if not sources and not held:  # not "X and Y reached an agreement under which X will deliver …"
                    sources = self._relative_clause_agents(anchor)
                    if sources:  # "the tariff that Washington has imposed on Nigerian goods"
                        targets += [a for c in anchor.children if c.dep_ == "relcl"
                                    for h in [c, *(x for x in c.children if x.dep_ == "xcomp")] for p in preps
                                    for a in r.slot_actors(h, p) if a not in targets]
                if not sources and anchor.dep_ == "pobj" and anchor.head.head.lemma_.lower() in self.lex.agency_nouns:
                    sources = self._agency(anchor.head.head)  # "denied any involvement in the attack on X"
                override = self.lex.verb_noun_overrides.get((governor.lemma_.lower(), lemma), relation) \
                    if governor is not None else relation
                if override is None or (relation == "SANCTION" and governor is not None and self._to_zero(governor, anchor)):
                    return  # "sanctions were lifted", "support was withdrawn", "cut its tariffs on US goods to zero"
                retyped_by = governor if override != relation else None  # the verb is now the trigger
                relation = override  # "cut off all trade with Israel" → SANCTION
                if governor is not None and _lemma(governor) == "join" and relation == "SANCTION" and \
                        anchor.dep_ == "dobj" and r.agents(governor):  # "India declined to join Western sanctions"
                    if sources:  # the West's sanctions, as they are (India's joining has its own modality)
                        yield from self._emit(sources, relation, targets, noun, _phrase(noun), presupposed=True)
                    sources, from_governor = r.agents(governor), True
                if governor is not None and _lemma(governor) == "threaten" and anchor.dep_ == "dobj" and \
                        self.vocabulary[relation].polarity < 0:
                    return  # "threatened sanctions on X" is a threat (the verb's), not a sanction
                if governor is not None and relation == "CRITICIZE" and _lemma(governor) in DRAWING:
                    # "the pact took effect, drawing a Chinese rebuke", "the raid drew condemnation from X"
                    of = [p for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                          if p.dep_ == "pobj"]  # "a rebuke of Brown from Luxon", "from" hung on Brown
                    sources = sources or [a for h in (governor, anchor, *of) for p in ("from", "by")
                                          for a in r.slot_actors(h, p)]
                    targets = [a for a in targets or self._drawn_by(governor) if a not in sources]  # "a rebuke of X"
                elif relation == "AGREE" and not sources and not any(
                        c.dep_ == "poss" or c.lower_ in ("that", "this", "those", "these") for c in anchor.children) and (
                        (anchor.dep_ == "pobj" and anchor.head.lower_ == "under") or any(
                            c.dep_ == "acl" and c.tag_ == "VBN" and _lemma(c) in self.lex.agreement_verbs and
                            r.slot_actors(c, "with") for c in anchor.children)):
                    # "deployed troops under a deal with Trump", "left with an agreement signed with Trump": the
                    # clause's doer made the deal
                    sources = self._clause_subject(anchor)
                    targets += [a for c in anchor.children if c.dep_ == "acl" for a in r.slot_actors(c, "with")
                                if a not in targets]
                    adjunct = True
                elif governor is not None:
                    if not sources:
                        verbs = self.lex.agreement_verbs if relation == "AGREE" else self.lex.light_verbs
                        if relation == "AGREE" and any(c.lower_ in JOINT_WORDS for c in anchor.children):
                            verbs = verbs | ISSUING  # "issued a joint statement": the two agreed its text
                        purpose = anchor.dep_ == "pobj" and (anchor.head.lower_ in ("for", "in", "into") or
                                                             anchor.head.head.lemma_.lower() in OPENNESS)
                        retyped = (governor.lemma_.lower(), "ties" if lemma in self.lex.ties_nouns else lemma) \
                            in self.lex.verb_noun_overrides
                        if _lemma(governor) not in verbs and not purpose and not retyped:
                            return  # "the UN condemned the attack": the condemner did not attack
                        sources = self._doers_named_by(governor, anchor)
                        from_governor = True
                        if not sources and relation == "AGREE":  # "talks between X, Y and Z produced no agreement"
                            subjects = [c for c in governor.children if c.dep_ == "nsubj"]
                            subjects += [p for c in subjects for x in c.children if x.dep_ == "prep" and x.lower_ == "of"
                                         for p in x.children if p.dep_ == "pobj"]  # "years of talks between …"
                            sources = [a for c in subjects for a in self._between(c)]
                    for p in preps:
                        if anchor.dep_ == "pobj" and anchor.head.lower_ == p and anchor.head.head.i == governor.i:
                            continue  # "wounded in a Russian attack on Kharkiv": the attack is no target of itself
                        targets += [a for a in r.slot_actors(governor, p) if a not in targets]
                    if _lemma(governor) in GIVING and anchor.dep_ == "dobj" and relation in ("SUPPORT", "AID"):
                        targets += [a for a in r.slot_actors(governor, "dative") if a not in targets]
                        # "offered India its full support": given to the dative
                elif not sources and lemma in MEET_NOUNS_WITH_CLAUSE_SOURCE and \
                        not any(c.dep_ == "poss" for c in anchor.children):
                    sources = self._clause_subject(anchor)
                elif not sources and relation == "MEET" and anchor.dep_ == "pobj" and \
                        anchor.head.lower_ in MEETING_TIMES and not any(
                            c.dep_ == "poss" or c.lower_ in ("that", "this", "those", "these") for c in anchor.children):
                    sources = self._clause_subject(anchor)  # "agreed during talks in Jakarta", "said after talks with X"
                    adjunct = anchor.head.lower_ != "in"  # what was said after the talks is reported, not the talks

        if not targets and noun.dep_ == "pobj" and noun.head.dep_ == "agent":
            participle = noun.head.head  # "Isolated by Western sanctions, Moscow ..."
            if participle.dep_ == "advcl":
                targets = r.agents(participle.head)
            elif participle.dep_ == "acl":  # not the sanctions' own makers, found as the participle's doers
                doers = {a.id for a in r.actors_of(noun)}
                targets = [a for a in r.actors_of(participle.head) if a.id not in doers]
        if relation in ("ATTACK", "MOBILIZE") and not targets and sources and not between:
            targets = r.place_actors(anchor, preps)  # "Russian strikes on Kharkiv": Ukraine
            if not targets and relation == "ATTACK":  # "Israeli strikes on Iran's nuclear facilities"
                targets = [a for a in self._owners_of_sites(anchor, preps) if a not in sources]
            if not targets and anchor.dep_ == "dobj":  # "condemned the Iranian strikes on Haifa", the place
                targets = [a for a in r.place_actors(anchor.head, preps) if a not in sources]  # hung on the verb
        if relation in ("SANCTION", "ATTACK") and not targets and sources and anchor.dep_ == "nsubj" and \
                anchor.head.pos_ == "VERB":  # "Western sanctions shut Moscow out of Europe": who they hit
            targets = [a for a in r.slot_actors(anchor.head, "dobj") if a not in sources]
        if relation == "SANCTION" and not targets and sources:  # "tariffs on Indian goods", "a ban on Russian oil"
            goods = [p for h in (anchor, governor) if h is not None for c in h.children
                     if c.dep_ == "prep" and c.lower_ in preps for p in c.children
                     if p.dep_ == "pobj" and p.i not in r.by_token]
            targets = [a for p in goods for c in p.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                       and c.i in r.by_token for a in r.actors_of(c) if a not in sources]  # not "Hong Kong-based firms"
        if relation == "MEET" and not targets:  # "talks on Iran's programme with X": "with" hung on the topic
            targets = [a for c in anchor.children if c.dep_ == "prep" and c.lower_ in ("on", "about", "over")
                       for p in c.children if p.dep_ == "pobj" for a in r.slot_actors(p, "with") if a not in sources]
        if relation == "CRITICIZE" and not targets:  # "concern about Pakistan's nuclear programme": its owner
            targets = [a for c in anchor.children if c.dep_ == "prep" and c.lower_ in ("over", "about")
                       for p in c.children if p.dep_ == "pobj" for o in p.children if o.dep_ == "poss"
                       for a in r.actors_of(o)]
        if relation == "CRITICIZE" and not targets:  # "concern over what it called dangerous Chinese manoeuvres"
            targets = [a for c in anchor.children if c.dep_ == "prep" and c.lower_ in ("over", "about", "at")
                       for v in c.children if v.dep_ == "pcomp" and _lemma(v) in NAMING_VERBS and any(
                           x.dep_ == "dobj" and x.lower_ == "what" for x in v.children)
                       for o in v.children if o.dep_ in ("oprd", "xcomp", "attr")
                       for a in r.makers_of(o) + [a for x in o.children if x.dep_ == "poss" for a in r.actors_of(x)]
                       if a not in sources]
        if relation in ("CRITICIZE", "REJECT") and not targets and anchor.dep_ == "pobj" and \
                anchor.head.lower_ in ("despite", "over") and anchor.head.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ == "prep" and c.lower_ in ("of", "over", "about", "from") and p.i not in r.by_token
                for c in anchor.children for p in c.children if p.dep_ == "pobj"):  # "from rights groups of …"
            # "hosts drills despite U.S. objections", "flew in despite objections from the EU", "signed over the
            # objections of Poland": the doer's act; not "despite criticism of X's crackdown", a topic of its own
            sources = sources or [r.by_token[p.i].actor for c in anchor.children if c.dep_ == "prep" and
                                  c.lower_ == "of" for p in c.children if p.dep_ == "pobj" and p.i in r.by_token]
            targets = [a for a in r.agents(anchor.head.head) if a not in sources] if sources else []
        if not sources and targets and relation in ("COOPERATE", "MEET", "AGREE", "ALLY") and \
                anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.dep_ == "ccomp" and \
                _lemma(anchor.head.head) in self.lex.reporting_verbs and _lemma(anchor.head.head) != "warn" and \
                not any(c.dep_ in ("poss", "det") for c in anchor.children):  # not "the deals with X", another's
            # "Germany stressed that military cooperation with Israel would continue": the speaker's own ties
            sources = [a for a in r.agents(anchor.head.head) if a not in targets]
        if lemma == "visit" and not targets and sources and all(a.kind == "person" for a in sources) and \
                anchor.dep_ == "pobj" and anchor.head.lower_ in ("during", "on", "after", "before", "ahead"):
            # "Belgrade agreed to buy jets during Emmanuel Macron's visit": the visit was to the host
            own = {x.id for x in (r.ctx.state_of(a) for a in sources) if x is not None}
            targets = [h for a in self._clause_subject(anchor) for h in [r.ctx.state_of(a) or a]
                       if h.kind == "country" and h.id not in own]
        if lemma in self.lex.mutual_fights and not targets and not modifier_actors and _among_peacemaking(anchor):
            sides = _unique(sources) if len(sources) > 1 else _unique(self._clause_subject(anchor))
            if len(sides) > 1:  # "X and Y agreed to a truce, ending days of fighting"
                yield from self._both_ways(sides, relation, noun)
                return
        answer = anchor.head if anchor.dep_ in ("dobj", "nsubjpass") and anchor.head.pos_ == "VERB" else None
        if sources and answer is not None and ((relation in ("CRITICIZE", "REQUEST") and _lemma(answer) in ANSWERING)
                                               or (relation in WORDS_FROM and _lemma(answer) in RECEIVING)):
            if not targets and not any(t.i in r.by_token and r.by_token[t.i].actor not in sources and t.dep_ != "amod"
                                       for t in anchor.subtree):  # "X's request to join NATO": to NATO; not
                # "Washington's request to halt strikes on Russian refineries"
                # "Norway rejected a Russian complaint": Russia complained to Norway
                targets = [a for a in (r.by_agent(answer) if anchor.dep_ == "nsubjpass" else r.agents(answer))
                           if a not in sources]
            adjunct = True  # said, whatever the answer: not negated by "rejected"
        presupposed = bool(between or adjunct or done_by or (modifier_actors and lemma not in ROLE_NOUNS)) \
            and not from_governor and retyped_by is None  # "threatened to cut U.S. aid": the cut is the verb's
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in anchor.children)
        fallback = sources if len(sources) > 1 and not (from_governor and definite and lemma not in self.lex.joint_nouns) \
            else ()  # "X and Y held the latest Freedom Edge exercise": theirs, named or not
        if relation == "ALLY" and not sources and lemma in ROLE_NOUNS and noun.tag_ == "NNS":
            owners = [a for c in noun.children if c.dep_ == "poss" for a in r.actors_of(c)]
            if owners and set(targets) - set(owners):  # "Moscow's Tajik allies", "our Chinese friends"
                sources, targets = owners, [a for a in targets if a not in owners]
        yield from self._emit(sources, relation, targets, retyped_by or noun, _phrase(noun),
                              symmetric_fallback=fallback, presupposed=presupposed)
        if relation == "MEET" and len(_unique(targets)) > 1 and any(
                c.lower_ in MULTI_PARTY for c in noun.children if c.dep_ in ("amod", "compound")):
            yield from self._both_ways(_unique(targets), relation, noun, presupposed=presupposed)
            # "held three-way talks with A and B": A and B met too

    def _received_from(self, anchor, relation: str, modifier_actors: list[Actor]):
        """(givers, receivers) of support, aid or criticism someone won, relied on or came in for: 'won the backing
        of X', 'was elected with backing from X', 'drew praise from X', 'won a loan from X'; None otherwise."""
        if relation not in ("SUPPORT", "CRITICIZE", "AID", "SUPPLY_ARMS") or modifier_actors:
            return None
        r = self.r
        if anchor.dep_ == "dobj" and _lemma(anchor.head) in RECEIVING:
            holder = anchor.head
        elif anchor.dep_ == "pobj" and anchor.head.lower_ in ("with", "under") and anchor.head.head.pos_ == "VERB":
            holder = anchor.head.head  # "came under criticism from X"
        elif anchor.dep_ == "pobj" and anchor.head.lower_ == "on" and _lemma(anchor.head.head) in RELYING:
            holder = anchor.head.head  # "has relied on financial support from the Gulf"
        else:
            return None
        givers = r._pobj_actors(anchor, ("of", "from"), 0) or [  # "won a loan from China", the parser hanging
            a for c in holder.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > anchor.i  # "from" on
            for p in c.children if p.dep_ == "pobj" for a in r.actors_of(p)]  # the verb
        receivers = r.agents(holder) or [a for c in holder.children if c.dep_ == "nsubjpass" for a in r.actors_of(c)]
        receivers = [a for a in receivers if a not in givers]
        return (givers, receivers) if givers and receivers else None

    def ties(self, noun) -> Iterator[Candidate]:
        """'ties'/'relations' typed by the verb: strengthen ties → ALLY, cut ties → SANCTION."""
        governor = self._light_verb(noun) or (noun.head if noun.head.pos_ == "VERB" else None)
        overrides = self.lex.verb_noun_overrides
        lemma = noun.lemma_.lower()
        key = (governor.lemma_.lower(), "ties") if governor is not None else None
        if key in overrides:
            relation = overrides[key]
            if relation is None:
                return
        elif lemma == "tie":
            relation = "ALLY"
        else:
            return  # a plain "relationship" is not an alliance
        yield from self.noun(noun, relation, ("with", "between", "to"))

    def hyphen_participle(self, noun) -> Iterator[Candidate]:
        """'the Iran-backed Houthis' → Iran SUPPORT Houthis; 'Iran-aligned Houthi movement' → ALLY."""
        r = self.r
        doc = noun.doc
        for c in noun.children:
            if c.dep_ != "amod" or c.i >= noun.i:
                continue
            word = c.lower_.split("-")[-1]
            relation = HYPHEN_PARTICIPLES.get(word)
            if relation is None:
                continue
            first = c.i - 2 if c.text.lower() == word and c.i >= 2 and doc[c.i - 1].text == "-" else None
            makers = []
            if first is not None and first in r.by_token:
                makers = [r.by_token[first].actor]
            elif c.i in r.by_token:
                makers = [r.by_token[c.i].actor]
            else:
                makers = [a for t in c.children if t.i in r.by_token for a in [r.by_token[t.i].actor]]
            r.indirect = False
            receivers = r.actors_of(noun) or self._described(noun)
            receivers = [a for a in receivers if a.id not in {m.id for m in makers}]
            yield from self._emit(makers, relation, receivers, c, c.text, presupposed=True)

    def accepted_offer(self, verb) -> Iterator[Candidate]:
        """'Ukraine accepted a U.S. proposal for a ceasefire', 'accepted Beijing's offer': AGREE with its maker."""
        r = self.r
        offers = [c for c in verb.children if c.dep_ == "dobj" and _lemma(c) in ACCEPTABLE]
        makers = [a for o in offers for c in o.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                  and c.i in r.by_token for a in r.actors_of(c)] + \
                 [a for o in offers for a in r._pobj_actors(o, ("from", "by"), 0)]
        if makers:
            r.indirect = False
            yield from self._emit(r.agents(verb), "AGREE", _unique(makers), verb, _phrase(verb))

    def founded_bloc(self, verb) -> Iterator[Candidate]:
        """'Mali, Burkina Faso and Niger formed the Alliance of Sahel States', 'the AES that Mali formed with
        Burkina Faso and Niger': founding a named alliance allies its founders with each other."""
        r = self.r

        def bloc(token) -> bool:  # a named alliance: "the Alliance of Sahel States", not a bank or a forum
            mention = r.by_token.get(token.i)
            return mention is not None and mention.actor.kind == "organization" and bool(BLOC_NAME.search(mention.text))

        founded = [c for c in verb.children if c.dep_ == "dobj"] + ([verb.head] if verb.dep_ == "relcl" else [])
        if not any(bloc(t) for t in founded):
            return
        founders = _unique([a for a in r.agents(verb) + r.slot_actors(verb, "with") if a.kind == "country"])
        yield from self._both_ways(founders, "ALLY", verb)

    def courtesy_call(self, verb) -> Iterator[Candidate]:
        """'The ambassador called on Kast in Santiago': a visit (MEET), unless the one called on is asked to act
        ('called on Putin to end the war', 'called on Iran for restraint')."""
        r = self.r
        if any(c.dep_ in ("xcomp", "ccomp", "advcl", "dobj") for c in verb.children) or \
                any(t.dep_ in ("xcomp", "acl", "relcl") or (t.dep_ == "prep" and t.lower_ == "for")
                    for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for t in c.subtree):
            return
        called = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children
                  if p.dep_ == "pobj" and p.i in r.by_token and r.by_token[p.i].actor.kind == "person"]
        if not called:
            return
        r.indirect = False
        visitors = r.agents(verb)
        if not visitors and verb.dep_ == "acl":  # "China's ambassador, Niu Qingbao, called on Kast", misparsed
            visitors = r.actors_of(verb.head)
        yield from self._emit(visitors, "MEET", [a for p in called for a in r.actors_of(p)], verb, _phrase(verb))

    def demand_noun(self, noun) -> Iterator[Candidate]:
        """'revived his demand that Seoul pay far more', 'Washington's call that Tehran halt enrichment': the
        demander (the noun's owner, or the subject of the verb that voices it) REQUEST the clause's subject."""
        r = self.r
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.left_edge.lower_ == "that"
                   and (c.tag_ in ("VB", "VBP") or any(x.dep_ == "aux" and x.lower_ in ("should", "must")
                                                       for x in c.children))]
        if not clauses:
            return
        r.indirect = False
        owners = [a for c in noun.children if c.dep_ == "poss" for a in r.actors_of(c)]
        governor = self._light_verb(noun)
        if not owners and governor is not None:
            owners = r.agents(governor)
        asked = [a for c in clauses for x in c.children if x.dep_ == "nsubj" for a in r.actors_of(x)]
        owned = any(c.dep_ == "poss" for c in noun.children)  # "rejected Trump's demand that …": it was made
        yield from self._emit(owners, "REQUEST", asked, noun, _phrase(noun), presupposed=owned)

    def _war_with(self, noun, found: list[Candidate]) -> Iterator[Candidate]:
        """'Israel's war with Hezbollah': each side fights the other, so the noun's attacks run both ways; not a
        war sought or avoided ('seeking a war with Iran')."""
        wanted = noun.dep_ == "dobj" and _lemma(noun.head) not in ("fight", "wage", "end", "win", "lose")
        if not wanted and any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
            for cand in found:
                yield replace(cand, source=cand.target, target=cand.source)

    def under_sanctions(self, noun) -> Iterator[Candidate]:
        """'Iran is under US sanctions', 'North Korea remains under UN Security Council sanctions': the imposer
        named before the noun sanctions the clause's subject."""
        r = self.r
        if noun.dep_ != "pobj" or noun.head.lower_ != "under" or noun.head.head.pos_ not in ("VERB", "AUX"):
            return
        r.indirect = False
        imposers = [a for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i in r.by_token
                    for a in r.actors_of(c)]
        yield from self._emit(imposers, "SANCTION", r.agents(noun.head.head), noun, _phrase(noun))

    def joint(self, noun) -> Iterator[Candidate]:
        """'joint drills by X and Y', 'X and Y held joint patrols' → COOPERATE among the parties."""
        r = self.r
        r.indirect = False
        anchor = self._anchor(noun)
        parties = r._doers(anchor, 0) or [a for c in anchor.children if c.dep_ in ("poss", "compound", "amod")
                                         and (c.i in r.by_token or c.dep_ == "poss") for a in r.actors_of(c)]
        parties += [r.by_token[t.i].actor for c in anchor.children if c.dep_ in ("compound", "amod") and c.i in r.by_token
                    for t in c.subtree if t.i < c.i and t.i in r.by_token and t.dep_ in ("nmod", "compound", "amod")
                    and r.doc[r.by_token[t.i].end].text == "-"]  # "a joint U.S.-South Korean-Japanese exercise"
        parties += self._relative_clause_agents(anchor)
        governor = self._light_verb(anchor)
        if governor is not None and len(parties) < 2 and _lemma(governor) in self.lex.light_verbs | {"be", "take", "set"}:
            parties += r.agents(governor) + r.slot_actors(governor, "with")
        partners = r.slot_actors(anchor, "with")
        parties += partners
        named = {r.by_token[t.i].actor.id for c in anchor.children if c.dep_ == "prep" and c.lower_ == "with"
                 for t in c.subtree if t.i in r.by_token and r.by_token[t.i].via != "coref"}
        if len(_unique(parties)) < 2 and any(a.id in named for a in partners) and anchor.dep_ == "pobj" and \
                anchor.head.lower_ in ("in", "during", "through", "under"):
            parties += self._clause_subject(anchor)  # "Kenyan police killed gang members in a joint operation with
            # Haitian police": the doers of the clause the operation frames
        parties = _unique(parties)
        if len(parties) >= 2:
            yield from self._emit(parties, "COOPERATE", parties, noun, _phrase(noun), parties, presupposed=False)

    # -- helpers ---------------------------------------------------------------
    def _described(self, noun) -> list[Actor]:
        """The actor a descriptive noun stands beside: 'Kataib Hezbollah, the Iran-backed militia' and
        'the Houthis, an Iran-aligned movement' (the parse may hang the apposition anywhere)."""
        r = self.r
        if noun.dep_ == "appos" and noun.head.i in r.by_token:
            return [r.by_token[noun.head.i].actor]
        before = noun.left_edge.i - (noun.left_edge.text != ",")  # the comma may hang on the noun itself
        if before >= 1 and noun.doc[before].text == "," and before - 1 in r.by_token:
            mention = r.by_token[before - 1]
            if mention.end == before and mention.actor.kind != "person":
                last = noun.doc[before - 1]
                if noun.tag_ == "NNS" and last.dep_ == "conj":  # "Saudi Arabia and the UAE, Cairo's main bankrollers"
                    listed = [t for t in (first_conjunct(last), *first_conjunct(last).conjuncts) if t.i in r.by_token]
                    return _unique([r.by_token[t.i].actor for t in listed])
                return [mention.actor]
        return []

    def _anchor(self, noun):
        """The phrase a compound trigger heads: 'aid' in 'an aid package for Ukraine' → 'package';
        'sanctions' in 'its 14th package of sanctions' → 'package'."""
        anchor = noun
        while anchor.dep_ == "compound" and anchor.head.pos_ in ("NOUN", "PROPN"):
            anchor = anchor.head
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and (
                anchor.head.head.lemma_.lower() in self.lex.container_nouns | QUANTITIES or (
                    anchor.head.head.lemma_.lower() in TIME_SPANS and noun.lemma_.lower() not in self.lex.mutual_fights)):
            anchor = anchor.head.head  # "11 days of joint drills"; not "ending years of skirmishes" (both sides')
        return anchor

    def _light_verb(self, noun):
        head = noun.head
        if noun.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            return head
        if noun.dep_ == "pobj" and head.dep_ == "prep" and (head.head.pos_ == "VERB" or (
                head.head.lemma_.lower() == "be" and head.lower_ in ("in", "for"))) and \
                head.lower_ in ("in", "into", "for", "to", "with") and not (
                head.lower_ == "for" and _lemma(head.head) in REPRISALS):  # "retaliated for the strike": a cause
            return head.head
        if noun.dep_ == "conj":
            return self._light_verb(noun.head)
        if noun.dep_ == "pobj" and head.lower_ in ("to", "for") and head.head.lemma_.lower() in OPENNESS and \
                head.head.dep_ in ("acomp", "oprd") and head.head.head.pos_ in ("VERB", "AUX"):
            return head.head.head  # "Quito was open to talks with Bogota", "remains ready for dialogue with X"
        return None

    def _event_before(self, noun) -> list[Actor]:
        """Who did what a definite event noun with no actor of its own refers back to: the doers of the
        previous sentence's relation of that kind ('the strike' an ATTACK; 'the move' any)."""
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
            return []
        if any(c.dep_ in ("poss", "compound", "amod", "prep", "relcl", "acl") and
               any(t.i in self.r.by_token or t.pos_ == "PRON" for t in c.subtree) for c in noun.children):
            return []
        lemma = noun.lemma_.lower()
        kinds = {relation for relation, _ in self.lex.nouns.get(lemma, ())}
        if not kinds and lemma in self.lex.transfer_nouns and lemma not in ("deployment", "dispatch"):
            kinds = {"SUPPLY_ARMS", "AID"}  # "Seoul sold jets to Manila. Washington welcomed the sales"
        if not kinds and lemma not in self.lex.event_summaries:
            return []
        prior = [c for c in self.r.ctx.events if not kinds or c.relation in kinds]
        if not prior:
            return []
        self.r.indirect = True
        last = prior[-1].trigger
        return _unique([a for c in prior if c.trigger == last  # both parties of a deal, the doer of a strike
                        for a in ((c.source, c.target) if self.vocabulary[c.relation].symmetric else (c.source,))])

    def _agency(self, noun) -> list[Actor]:
        """Whose 'involvement', 'role', 'responsibility' it is: its owner, else the subject of its verb."""
        r = self.r
        owners = [a for c in noun.children if c.dep_ == "poss" for a in r.actors_of(c)]
        if owners:
            return owners
        head = noun.head
        if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            r.indirect = True
            return r.agents(head)
        return []

    def _event_doers(self, head) -> list[Actor]:
        """Who did the event ``head`` names: "joint Chinese-Russian patrols", "drills by X", "X held drills"."""
        r = self.r
        if head.pos_ == "VERB":
            return _unique(r.agents(head))
        doers = [r.by_token[t.i].actor for t in head.subtree if t.i < head.i and t.i in r.by_token] or \
            r._doers(head, 0) or ([] if head.dep_ == "dobj" and any(  # not "China welcomed the deal that Washington
                rel in SUMMING_UP for rel, _ in self.lex.verbs.get(_lemma(head.head), ())) else  # criticised": China
                self._summed_up_doers(head))
        return _unique(doers)

    def _relative_event(self, verb):
        """The event a relative clause is about, a relation noun or a verb's clause, or None."""
        if verb.dep_ != "relcl":
            return None
        head = self._relative_antecedent(verb)
        return head if head.pos_ == "VERB" or head.lemma_.lower() in self.lex.nouns else None

    def _relative_antecedent(self, verb):
        """The noun a relative clause is about. The parser hangs "…, which Moscow condemned" on the nearest noun:
        in "patrols near Russia's Kola Peninsula, which …" it is the place; climb from a noun in a prepositional
        phrase to the event noun the phrase belongs to (only for a "which" set off by a comma)."""
        head = verb.head
        if verb.dep_ != "relcl" or head.lemma_.lower() in self.lex.nouns or verb.left_edge.lower_ != "which" or \
                verb.left_edge.i == 0 or self.r.doc[verb.left_edge.i - 1].text != ",":
            return head
        node = head
        while node.dep_ == "pobj" and node.head.dep_ == "prep":
            if node.head.head.pos_ == "VERB" and node.head.lower_ in PLACE_PREPOSITIONS:
                return node.head.head  # "X held drills in Uttarakhand, which Y condemned": what X did there
            if node.head.head.pos_ not in ("NOUN", "PROPN"):
                break
            node = node.head.head  # "drills in the Sea of Japan, which …": Japan, the Sea, the drills
            if node.lemma_.lower() in self.lex.nouns:
                return node
        return head

    def _sums_up(self, noun) -> bool:
        """A noun summing up the clause before it: "a move", "a decision" anywhere; "a sale", "a deal" only set
        off by a comma ("sold jets to X, a sale Y condemned"; not "welcomed the deal that Y criticised")."""
        lemma = noun.lemma_.lower()
        if lemma in self.lex.event_summaries:
            return True
        edge = noun.left_edge.i
        return lemma in self.lex.clause_summaries and edge > 0 and self.r.doc[edge - 1].text == ","

    def _summed_up_doers(self, noun) -> list[Actor]:
        """Who did what ``noun`` ("a move", "a decision") sums up: the doers of the clause it is attached to."""
        head = noun.head
        while (head.pos_ not in ("VERB", "AUX") or head.dep_ == "acl") and head.head.i != head.i:
            head = head.head  # "closed its ports to ships carrying arms for Israel, a move …": not the participle
        return self.r.agents(head) if head.pos_ in ("VERB", "AUX") and head.i != noun.i else []

    def _gathering(self, noun) -> bool:
        """Talks, a summit, a meeting (a MEET noun), or another gathering a host holds ("a ceremony")."""
        lemma = noun.lemma_.lower()
        return lemma in self.lex.hosted_gatherings or \
            any(relation == "MEET" for relation, _ in self.lex.nouns.get(lemma, ()))

    def _hosted(self, verb, noun) -> list[Actor]:
        """The sides of talks a host held ("hosted talks between A and B", "a meeting between A and B
        hosted by X"); none for another verb or object."""
        if verb.lemma_.lower() != "host":
            return []
        if noun.lemma_.lower() in self.lex.container_nouns:  # "hosted five rounds of talks between A and B"
            noun = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj"), noun)
        sides = self._between(noun)
        meeting = self._gathering(noun)
        if sides or not meeting:
            return sides
        # "A and B held talks hosted by X", "A and B agreed to a truce at talks hosted by X": the doers
        # of the clause the talks belong to
        head = noun.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        return self.r.agents(head) if head.pos_ in ("VERB", "AUX") and head.i != verb.i else []

    def _both_ways(self, sides: list[Actor], relation: str, noun, presupposed: bool = False) -> Iterator[Candidate]:
        """Each side to each other side (a symmetric relation once a pair)."""
        if self.vocabulary[relation].symmetric:
            yield from self._emit(sides, relation, sides, noun, _phrase(noun), sides, presupposed=presupposed)
            return
        for source in sides:
            yield from self._emit([source], relation, [s for s in sides if s != source], noun, _phrase(noun),
                                  presupposed=presupposed)

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

    def _drawn_by(self, verb) -> list[Actor]:
        """Who or what drew a reaction: the subject of 'X drew condemnation', or of the clause a participle
        hangs on ('the pact took effect, drawing a rebuke'), a thing standing for its parties."""
        r = self.r
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and verb.dep_ in ("advcl", "acl", "conj", "xcomp"):
            head = verb.head
            subjects = [head] if head.pos_ in ("NOUN", "PROPN") else \
                [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        found: list[Actor] = []
        for s in subjects:
            found += r.actors_of(s) or self._between(s) or [
                r.by_token[m.i].actor for m in s.subtree if m.i < s.i and m.i in r.by_token]
        return _unique(found)

    def _relative_clause_agents(self, noun) -> list[Actor]:
        """'the drills that China and Russia held' → China, Russia."""
        attitudes = self.lex.verbs_by_relation
        return [a for c in noun.children if c.dep_ == "relcl"  # not "… that NATO criticised"
                and not any(c.lemma_.lower() in attitudes.get(rel, ()) for rel in SUMMING_UP)
                for s in c.children if s.dep_ == "nsubj" and s.lower_ not in ("which", "that", "who")
                for a in self.r.actors_of(s)]

    def _clause_subject(self, noun) -> list[Actor]:
        """'Modi visited Kyiv, six weeks after a trip to Moscow' → Modi."""
        first = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if first is not None and first.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in first.head.children):
            self.r.indirect = True  # "asked the Commission to hold it back until after talks with X": the Commission's
            return self.r.agents(first)
        for ancestor in noun.ancestors:
            if ancestor.pos_ in ("VERB", "AUX") and (any(c.dep_ == "nsubj" for c in ancestor.children) or
                                                     self.r.misparsed_subject(ancestor) is not None):
                self.r.indirect = True
                return self.r.agents(ancestor)
        return []

    def _predicated_of(self, noun) -> list[Actor]:
        """'China, North Korea's lifeline' → China; 'Russia is a key partner of X' → Russia."""
        r = self.r
        if noun.dep_ == "conj" and noun.head.lemma_.lower() in ROLE_NOUNS | BUYER_NOUNS | {"one"}:
            noun = noun.head  # "… one of Moscow's partners and a major buyer of Russian weapons"
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
            noun = noun.head.head  # "Algeria has been one of Moscow's closest partners"
        if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ == "VERB" and \
                any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):  # "counts X as its partner",
            return [a for c in noun.head.head.children if c.dep_ == "dobj" for a in r.actors_of(c)]  # not a label
        if noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.head.pos_ in ("AUX", "VERB"):
            return [a for c in noun.head.head.children if c.dep_ == "nsubj" for a in r.actors_of(c)]
        if noun.dep_ == "appos":
            return r.actors_of(noun.head)
        set_off = "," in (noun.left_edge.text, noun.doc[max(noun.left_edge.i - 1, 0)].text)
        if noun.dep_ in ("npadvmod", "dep", "attr") and set_off:
            described = self._described(noun)  # an apposition the parser hung elsewhere: "… the price of ties with
            if described:  # Saudi Arabia and the UAE, Cairo's main bankrollers"
                return described
        if noun.dep_ in ("oprd", "dobj") and any(c.dep_ == "dobj" and c.i < noun.i for c in noun.head.children):
            return [a for c in noun.head.children if c.dep_ == "dobj" and c.i < noun.i
                    for a in r.actors_of(c)]  # "made X Y's partner", "designated Doha a major ally"
        if (noun.dep_ in ("attr", "oprd") or (noun.dep_ == "dobj" and _lemma(noun.head) in COPULAS)) and \
                noun.head.pos_ in ("AUX", "VERB"):  # "X remained Y's ally"; not "Russian drones struck a NATO ally"
            described = described_by_relative(noun.head)
            if described is not None:  # "Russia, which is its main arms supplier"
                return r.actors_of(described)
            return [a for c in noun.head.children if c.dep_ in ("nsubj",) for a in r.actors_of(c)]
        if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in ("be", "remain", "become"):
            return [a for c in noun.head.children if c.dep_ == "attr" for a in r.actors_of(c)]  # "X's partner is Y"
        return []


# the small English model lemmatizes a few news verbs wrongly
def _garrison_or_state(token, r) -> bool:
    """'stationed at the T4 air base', 'at Ream' only as a state's: a place forces are kept in, not 'at
    Trump's request' nor a base the actor base does not know."""
    if token.lemma_.lower() in GARRISONS:
        return True
    mention = r.by_token.get(token.i)
    return mention is not None and mention.actor.kind == "country"


def _set_apart(token, top) -> bool:
    """Whether ``token`` sits, below ``top`` and not after itself, in a relative clause or an apposition ("ships
    carrying arms for Israel, a move that Saar denounced": Saar is no part of the phrase the move is set beside)."""
    node = token
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "appos") and node.i <= token.i:
            return True
        node = node.head
    return False


def _taken_part_in(verb, lemma: str) -> list:
    """What 'took part in' or 'participated in' names (nothing for a 'take' without 'part')."""
    if lemma == "take" and not any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children):
        return []
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]


def _follows(verb) -> bool:
    """'Niger followed suit', '… but India has not followed', 'Japan followed later': a follower of what was said
    before; not 'the bombing that followed' nor 'followed the talks'."""
    if _lemma(verb) != "follow" or verb.pos_ != "VERB":
        return False
    if any(c.dep_ == "dobj" and c.lower_ == "suit" for c in verb.children):
        return True
    return verb.dep_ in ("ROOT", "conj") and not any(
        c.dep_ in ("dobj", "agent", "auxpass", "nsubjpass", "prep", "xcomp", "ccomp") for c in verb.children)


def _quoted_reproach(label, praise) -> bool:
    """A label in quotation marks ('called it "regrettable"') that says none of the ``praise`` words."""
    doc = label.doc
    return any(t.is_quote for t in [*label.subtree, doc[max(label.left_edge.i - 1, 0)]]) and \
        not {t.lemma_.lower() for t in label.subtree} & praise


def _pro_verb(verb) -> bool:
    """A 'do'/'have' standing for the verb before it: 'as did Jordan', 'as have France and Germany',
    'and so did Jordan', 'Jordan did the same' / 'did likewise', 'but Jordan did not' (not 'did the talking')."""
    if verb.lemma_.lower() not in ("do", "have") or verb.pos_ not in ("VERB", "AUX") or verb.dep_ == "aux":
        return False
    kids = [c for c in verb.children if c.dep_ not in ("nsubj", "punct", "aux", "cc")
            and not (c.dep_ in ("ccomp", "parataxis") and c.i < verb.i)]  # "X condemned Y; Jordan did the same"
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    marks = {(c.dep_, c.lower_) for c in kids}
    if verb.dep_ == "conj" and marks in ({("neg", "not")}, {("neg", "n't")}):
        return True  # "Egypt condemned Israel, but Jordan did not": a negated copy
    if any(c.dep_ == "neg" for c in kids):
        return False
    if verb.dep_ == "advcl" and marks == {("mark", "as")}:
        return True
    if verb.dep_ == "conj" and marks == {("advmod", "so")}:
        return True
    return marks in ({("dobj", "same")}, {("advmod", "likewise")})


def _each_other(verb) -> bool:
    """'each other' or 'one another' as the verb's object or the object of its preposition."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] + \
        [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    objects += [p for o in objects for p in o.children if p.dep_ == "poss"]  # "expel each other's diplomats"
    doc = verb.doc
    return any(o.lower_ in ("other", "another") and o.i > 0 and doc[o.i - 1].lower_ in ("each", "one")
               for o in objects)


def _of_object(token):
    """The noun after a portion's 'of' ("most of its gas" → gas), or None."""
    return next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"), None)


_lemma = lemma_of


def _phrase(token) -> str:
    """The words that carry the relation: the trigger with its particles and object head."""
    words = [token]
    for c in token.children:
        if c.dep_ in ("prt", "neg") or (c.dep_ == "dobj" and c.pos_ == "NOUN"):
            words.append(c)
        if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN") and token.pos_ == "NOUN":
            words.append(c)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))
