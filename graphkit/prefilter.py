"""Which sentences can hold a relation: a cheap pass before the parser.

spaCy's tokenizer is some forty times faster than its tagger, parser and NER.
``SentenceFilter`` tokenizes a document, splits it into sentences with
punctuation rules, and looks in each for what the extractor needs: actor
names (the gazetteer's own phrase matcher, plus capitalized names NER may
find), references ("it", "the two countries", "the secretary") and relation
triggers (the lexicon's lemmas, matched through the lemmatizer's suffix rules
and exceptions, so no tagger is needed). Only the sentences that can yield
evidence, or that later kept sentences lean on (the previous sentence of a
reference, a full name whose surname comes back, a title whose role word
comes back), are parsed.

The rules are conservative: a dropped sentence is one the extractor would
have read without finding a relation or changing what later sentences
resolve to. ``plan`` returns parse units (runs of kept sentences at their
exact offsets, with a few tokens of context either side, since the tagger,
parser and NER look past a sentence end) and ``GAP`` where sentences were
dropped: the pipeline hands the extractor a one-token placeholder Doc there,
so that its "previous sentence" is the same as in a full parse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from graphkit import extract, mentions, relations
from graphkit.actors import RULER_NAME, ActorBase
from graphkit.lexicon import Lexicon, load_lexicon

SENTENCE_END = frozenset({".", "!", "?", "...", "…", "?!", "!?"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
OPENERS = frozenset({'"', "'", "“", "‘", "(", "[", "«"})
# words that join the parts of one name: "Bank of England", "Trinidad and Tobago"
NAME_JOINERS = frozenset({"of", "the", "and", "for", "de", "du", "al", "bin", "van", "von", "&", "-", "'s", "’s"})
CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov
dec jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.""".split())
DEFINITE = relations.DEFINITE
PRONOUNS = mentions.PRONOUNS_STATE | mentions.PRONOUNS_PLURAL | mentions.PRONOUNS_PERSON
PLURALS = frozenset(mentions.PRONOUNS_PLURAL)
# words that make a reference stand for two or more actors: "the two countries", "both sides"
PAIR_WORDS = frozenset({"pair", "duo", *getattr(mentions, "NUMBER_WORDS", {"two": 2, "both": 2})})
REFERENCE_LEMMAS = PAIR_WORDS | frozenset({"country", "nation", "power", "side", "leader", "ally", "neighbour",
                                           "neighbor", "rival", "partner", "capital"}) | \
    frozenset(getattr(mentions, "ORG_DESCRIPTIONS", ()))
# trigger words the extractor reads besides the lexicon's trigger lemmas: expulsions ("ordered X to
# leave"), participation ("took part in joint drills"), joint activities, "Iran-backed" participles
EXTRA_TRIGGERS = frozenset({"order", "tell", "force", "give", "instruct", "demand", "take", "participate", "join",
                            "joint"}) | frozenset(getattr(relations, "HYPHEN_PARTICIPLES", ())) | \
    frozenset(getattr(relations, "RULE_WORDS", ()))
CLAIM_NOUNS = frozenset(getattr(extract, "CLAIM_NOUNS", ())) | {"accusation", "claim", "allegation", "report",
                                                                  "charge", "suggestion", "assertion"}
# tokens of context parsed on either side of kept sentences: the tok2vec layers see 4 tokens
# each way, the parser and NER a few more through their state
CONTEXT_TOKENS = 8
OPINION_AUX = frozenset({"should", "must", "ought"})


@dataclass
class Sentence:
    """What the filter saw in one sentence: character span and the words that matter."""

    start: int  # character offsets in the piece
    end: int
    names: int = 0  # actor names and capitalized names (possible NER actors)
    known: set[str] = field(default_factory=set)  # gazetteer actor ids
    references: int = 0
    trigger: bool = False
    claim: bool = False
    person_words: set[str] = field(default_factory=set)  # words of full person names
    surnames: set[str] = field(default_factory=set)  # bare capitalized words (surname candidates)
    roles: set[str] = field(default_factory=set)
    event: bool = False  # "the strike", "the move": may refer back to the previous sentence's relation
    keep: bool = False


@dataclass(frozen=True)
class Word:
    """What a word form can be: a reference (1, or 2 for a plural), a trigger, a role word, …"""

    reference: int
    trigger: bool
    roles: frozenset[str]
    claim: bool
    opinion: bool
    reporting: bool
    negating: bool
    joiner: bool
    common: bool  # a calendar word or "I": capitalized but no name
    stop: bool  # a stop word: capitalized at a sentence start, no name
    event: bool = False  # a relation noun or a summing-up noun ("strike", "deal", "move")


@dataclass
class _Piece:
    """A tokenized paragraph: token texts, lower-case forms, character offsets, white space, gazetteer."""

    text: str
    texts: list[str]
    lowers: list[str]
    starts: list[int]
    spaces: list[bool]
    matches: dict[int, tuple[str | None, int]]


class GapDoc:
    """Marker of dropped sentences in a plan (see ``SentenceFilter.plan``)."""


GAP = GapDoc()


class SentenceFilter:
    """Decides, per document, which sentences are worth parsing (see the module docstring)."""

    def __init__(self, nlp, base: ActorBase | None = None, lexicon: Lexicon | None = None,
                 context: int = CONTEXT_TOKENS):
        from spacy.lang.en.stop_words import STOP_WORDS

        self.nlp = nlp
        self.context = context
        self.tokenizer = nlp.tokenizer
        self.base = base or ActorBase.default()
        lex = lexicon or load_lexicon()
        if RULER_NAME in nlp.pipe_names:
            self.ruler = nlp.get_pipe(RULER_NAME)
        else:  # a pipeline without the gazetteer: build one that is never run
            from graphkit.actors import add_actor_ruler
            import spacy

            blank = spacy.blank("en", vocab=nlp.vocab)
            self.ruler = add_actor_ruler(blank, self.base)
        self.stop_words = STOP_WORDS
        self.triggers = lex.trigger_lemmas() | lex.criticizing_reporters | lex.person_role_words | EXTRA_TRIGGERS | \
            frozenset(getattr(lex, "joint_nouns", ())) | lex.leave_verbs | lex.object_classes_of("troops")
        self.reporting = lex.reporting_verbs
        self.negating = lex.negating_verbs
        self.role_words = lex.person_role_words
        self.references = lex.state_descriptions | lex.person_role_words | REFERENCE_LEMMAS
        self.events = frozenset(lex.nouns) | lex.event_summaries | frozenset(lex.transfer_nouns)  # "welcomed the sales"
        self._rules, self._exceptions = _lemma_tables(nlp)
        self._words: dict[str, Word] = {}

    # -- words ------------------------------------------------------------------------------
    def lemmas(self, lower: str) -> frozenset[str]:
        """Every lemma the lemmatizer could give ``lower`` under any part of speech."""
        candidates = {lower}
        for rules in self._rules:
            for old, new in rules:
                if lower.endswith(old) and len(lower) > len(old):
                    candidates.add(lower[: len(lower) - len(old)] + new)
        for table in self._exceptions:
            candidates.update(table.get(lower, ()))
        return frozenset(candidates)

    def word(self, lower: str) -> Word:
        """What a word can be, by its lower-case form (remembered)."""
        found = self._words.get(lower)
        if found is None:
            lemmas = self.lemmas(lower)
            reference = 0
            if lower in PRONOUNS or not lemmas.isdisjoint(self.references):
                reference = 2 if lower in PLURALS or not lemmas.isdisjoint(PAIR_WORDS) else 1
            found = self._words[lower] = Word(
                reference=reference, trigger=not lemmas.isdisjoint(self.triggers),
                roles=frozenset(lemmas & self.role_words), claim=not lemmas.isdisjoint(CLAIM_NOUNS),
                opinion=lower in OPINION_AUX, reporting=not lemmas.isdisjoint(self.reporting),
                negating=not lemmas.isdisjoint(self.negating), joiner=lower in NAME_JOINERS,
                common=lower in CALENDAR or lower == "i", stop=lower in self.stop_words,
                event=not lemmas.isdisjoint(self.events))
        return found

    # -- sentences ----------------------------------------------------------------------------
    def split(self, texts: list[str], spaces: list[bool]) -> list[tuple[int, int]]:
        """Token spans of sentences: cut after . ! ? (and closing quotes) before a capital or quote.

        ``texts`` are the tokens' texts, ``spaces`` whether each is white space. Conservative:
        where in doubt it does not cut, so a piece may hold more than one of the parser's
        sentences but a parser sentence is never cut in two.
        """
        spans = []
        start = 0
        n = len(texts)
        i = 0
        while i < n:
            if texts[i] in SENTENCE_END and i > start:
                j = i + 1
                while j < n and (texts[j] in CLOSERS or spaces[j]):
                    j += 1
                if j < n and _starts_sentence(texts, j):
                    spans.append((start, j))
                    start = j
                    i = j
                    continue
            i += 1
        if start < n:
            spans.append((start, n))
        return spans

    def read(self, piece: _Piece, span: tuple[int, int]) -> Sentence:
        """What the sentence at token ``span`` of ``piece`` holds."""
        start, end = span
        texts, lowers, matches = piece.texts, piece.lowers, piece.matches
        sentence = Sentence(start=piece.starts[start], end=piece.starts[end] if end < len(texts) else len(piece.text))
        covered: set[int] = set()
        for s in range(start, end):
            if s not in matches:
                continue
            actor_id, e = matches[s]
            covered.update(range(s, e))
            if actor_id is None:  # a shadowing non-actor form ("South China Sea")
                continue
            sentence.names += 1
            sentence.known.add(actor_id)
            actor = self.base.get(actor_id)
            if actor is not None and actor.kind == "person":
                sentence.person_words.update(w.lower() for w in lowers[s:e])
                sentence.person_words.update(w.lower() for w in actor.name.replace("-", " ").split())
        run: list[int] = []
        opinion = reporting = negating = claim = False
        for i in range(start, end):
            word = self.word(lowers[i])
            capital = texts[i][:1].isupper() and i not in covered and not word.common and \
                not (i == start and word.stop)
            if capital or (run and word.joiner and i not in covered):
                run.append(i)
            elif run:
                self._close(run, piece, sentence)
                run = []
            sentence.references += word.reference
            if word.event and any(lowers[j] in DEFINITE for j in range(max(start, i - 3), i)):
                sentence.event = True
            if word.trigger:
                sentence.trigger = True
            if word.roles:
                sentence.roles.update(word.roles)
            claim = claim or word.claim
            opinion = opinion or word.opinion
            reporting = reporting or word.reporting
            negating = negating or word.negating
        if run:
            self._close(run, piece, sentence)
        if opinion and reporting:
            sentence.trigger = True  # "'X should …,' he said": a reported request
        sentence.claim = claim and negating
        return sentence

    def gazetteer(self, doc) -> dict[int, tuple[str | None, int]]:
        """The spans the EntityRuler would set in ``doc``: start token → (actor id or None, end)."""
        strings = doc.vocab.strings
        sep = self.ruler.ent_id_sep
        seen: set[int] = set()
        found = {}
        found_by = [self.ruler.phrase_matcher(doc)]
        if len(self.ruler.matcher):  # token patterns, if someone added any
            found_by.append(self.ruler.matcher(doc))
        matches = {(m, s, e) for group in found_by for m, s, e in group if s != e}
        # the ruler's own order (EntityRuler.match): longest first, then leftmost
        for match_id, s, e in sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True):
            if s in seen or e - 1 in seen:
                continue
            seen.update(range(s, e))
            label = strings[match_id]
            found[s] = (label.rsplit(sep, 1)[1] if sep in label else None, e)
        return found

    @staticmethod
    def _close(run: list[int], piece: _Piece, sentence: Sentence) -> None:
        lowers = piece.lowers
        while run and lowers[run[-1]] in NAME_JOINERS:
            run.pop()
        while run and lowers[run[0]] in NAME_JOINERS:
            run.pop(0)
        if not run:
            return
        sentence.names += 1
        words = [lowers[i] for i in run if lowers[i] not in NAME_JOINERS]
        if len(words) == 1:
            sentence.surnames.add(words[0])
        else:
            sentence.person_words.update(words)

    # -- the decision ---------------------------------------------------------------------------
    def decide(self, sentences: list[Sentence]) -> None:
        """Set ``keep`` on each sentence of one document (in order)."""
        previous_names = 0
        previous_relation = False
        for sentence in sentences:
            references = sentence.references if (sentence.names or previous_names) else 0
            actors = sentence.names + references
            sentence.keep = (sentence.trigger and actors >= 2) or len(sentence.known) >= 2 or \
                (sentence.claim and actors >= 1) or \
                (sentence.trigger and sentence.event and actors >= 1 and previous_relation)  # "Y condemned the strike"
            previous_names = sentence.names
            previous_relation = sentence.keep and sentence.trigger
        needed_surnames: set[str] = set()
        needed_roles: set[str] = set()
        following: Sentence | None = None
        for sentence in reversed(sentences):
            if not sentence.keep and sentence.names:
                if following is not None and following.keep and following.references:
                    sentence.keep = True  # the next sentence's "it", "they", "the two countries"
                elif sentence.person_words & needed_surnames:
                    sentence.keep = True  # a later bare surname needs the full name first
                elif sentence.person_words and sentence.roles & needed_roles:
                    sentence.keep = True  # a later "the secretary" needs the title given here
            if sentence.keep:
                needed_surnames |= sentence.surnames
                needed_roles |= sentence.roles
            following = sentence

    def plan(self, pieces: Iterable[tuple[int, str]]) -> tuple[list[Unit | GapDoc], int]:
        """Parse units of one document's paragraphs, and how many sentences were left out.

        Consecutive kept sentences of a paragraph make one ``Unit``, with up to
        ``context`` tokens of the paragraph on either side (the tagger, parser and
        NER look a few tokens past a sentence end); ``GAP`` stands where sentences
        were left out.
        """
        read = []
        for offset, text in pieces:
            doc = self.tokenizer(text)
            columns = zip(*[(t.text, t.lower_, t.idx, t.is_space) for t in doc]) if len(doc) else ((), (), (), ())
            texts, lowers, starts, spaces = (list(c) for c in columns)
            piece = _Piece(text, texts, lowers, starts, spaces, self.gazetteer(doc))
            for span in self.split(piece.texts, piece.spaces):
                if not all(piece.spaces[span[0]:span[1]]):
                    read.append((offset, text, piece, span, self.read(piece, span)))
        self.decide([entry[4] for entry in read])
        units: list[Unit | GapDoc] = []
        run = None  # [offset, text, piece, first token, end token]
        for offset, text, piece, span, sentence in read:
            if sentence.keep and run is not None and run[2] is piece and run[4] == span[0]:
                run[4] = span[1]
                continue
            if run is not None:
                units.append(self._unit(*run))
                run = None
            if sentence.keep:
                run = [offset, text, piece, span[0], span[1]]
            elif not units or units[-1] is not GAP:
                units.append(GAP)
        if run is not None:
            units.append(self._unit(*run))
        return units, sum(1 for entry in read if not entry[4].keep)

    def _unit(self, offset: int, text: str, piece: _Piece, first: int, end: int) -> Unit:
        starts, n = piece.starts, len(piece.texts)
        begin = starts[max(0, first - self.context)] if first > 0 else 0
        start = starts[first] if first > 0 else 0
        stop = starts[end] if end < n else len(text)
        after = end + self.context
        finish = len(text) if after >= n else starts[after - 1] + len(piece.texts[after - 1])
        return Unit(offset + begin, text[begin:finish], start - begin, stop - begin)


@dataclass(frozen=True)
class Unit:
    """Text to parse at ``offset`` in the document; its kept sentences are ``text[start:end]``."""

    offset: int
    text: str
    start: int
    end: int

    @property
    def whole(self) -> bool:
        return self.start == 0 and self.end >= len(self.text.rstrip())


def _starts_sentence(texts: list[str], j: int) -> bool:
    first = texts[j][:1]
    if texts[j] in OPENERS and j + 1 < len(texts):
        first = texts[j + 1][:1]
    return first.isupper() or first.isdigit()


def _lemma_tables(nlp) -> tuple[list[list[tuple[str, str]]], list[dict[str, list[str]]]]:
    """The rule lemmatizer's suffix rules and exceptions for every part of speech (or none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return [], []
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_rules"):
        return [], []
    rules = [[(old, new) for old, new in table] for table in lookups.get_table("lemma_rules").values()]
    exceptions = list(lookups.get_table("lemma_exc").values()) if lookups.has_table("lemma_exc") else []
    return rules, exceptions
