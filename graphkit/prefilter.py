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
resolve to. ``plan`` returns parse units of whole sentences at their exact
offsets, and gaps where dropped sentences were; ``GAP`` stands in for the
dropped sentences so the extractor's "previous sentence" stays the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

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
PRONOUNS = frozenset("""it its itself they their them themselves theirs he his him himself she her hers
herself""".split())
REFERENCE_LEMMAS = frozenset({"pair", "duo", "two", "both", "country", "nation", "power", "side"})
CLAIM_NOUNS = frozenset({"accusation", "claim", "allegation", "report", "charge", "suggestion", "assertion",
                         "rumor", "rumour"})
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
    keep: bool = False


class GapDoc:
    """Marker of dropped sentences in a plan (see ``SentenceFilter.plan``)."""


GAP = GapDoc()


class SentenceFilter:
    """Decides, per document, which sentences are worth parsing (see the module docstring)."""

    def __init__(self, nlp, base: ActorBase | None = None, lexicon: Lexicon | None = None):
        from spacy.lang.en.stop_words import STOP_WORDS

        self.nlp = nlp
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
        self.triggers = lex.trigger_lemmas() | lex.criticizing_reporters | lex.person_role_words
        self.reporting = lex.reporting_verbs
        self.negating = lex.negating_verbs
        self.role_words = lex.person_role_words
        self.references = lex.state_descriptions | lex.person_role_words | REFERENCE_LEMMAS
        self._rules, self._exceptions = _lemma_tables(nlp)
        self._lemmas: dict[str, frozenset[str]] = {}

    # -- words ------------------------------------------------------------------------------
    def lemmas(self, lower: str) -> frozenset[str]:
        """Every lemma the lemmatizer could give ``lower`` under any part of speech."""
        found = self._lemmas.get(lower)
        if found is None:
            candidates = {lower}
            for rules in self._rules:
                for old, new in rules:
                    if lower.endswith(old) and len(lower) > len(old):
                        candidates.add(lower[: len(lower) - len(old)] + new)
            for table in self._exceptions:
                candidates.update(table.get(lower, ()))
            found = self._lemmas[lower] = frozenset(candidates)
        return found

    # -- sentences ----------------------------------------------------------------------------
    def split(self, doc) -> list[tuple[int, int]]:
        """Token spans of sentences: cut after . ! ? (and closing quotes) before a capital or quote.

        Conservative: where in doubt it does not cut, so a piece may hold more than one of the
        parser's sentences but a parser sentence is never cut in two.
        """
        spans = []
        start = 0
        n = len(doc)
        i = 0
        while i < n:
            if doc[i].text in SENTENCE_END and i > start:
                j = i + 1
                while j < n and (doc[j].text in CLOSERS or doc[j].is_space):
                    j += 1
                if j < n and _starts_sentence(doc, j):
                    spans.append((start, j))
                    start = j
                    i = j
                    continue
            i += 1
        if start < n:
            spans.append((start, n))
        return spans

    def read(self, doc, span: tuple[int, int], matches: dict[int, tuple[str | None, int]]) -> Sentence:
        """The sentence at token ``span`` of ``doc``; ``matches``: start token → (actor id, end)."""
        start, end = span
        tokens = doc[start:end]
        sentence = Sentence(start=doc[start].idx, end=tokens[-1].idx + len(tokens[-1].text_with_ws))
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
                sentence.person_words.update(w.lower() for w in doc[s:e].text.split())
                sentence.person_words.update(w.lower() for w in actor.name.replace("-", " ").split())
        run: list = []
        opinion = reporting = negating = False
        for token in tokens:
            text = token.text
            lower = token.lower_
            capital = text[:1].isupper() and token.i not in covered and lower not in CALENDAR and text != "I"
            if capital and token.i == start and lower in self.stop_words:
                capital = False
            if capital or (run and lower in NAME_JOINERS and token.i not in covered):
                run.append(token)
            else:
                self._close(run, sentence)
                run = []
            lemmas = self.lemmas(lower)
            if lower in PRONOUNS or not lemmas.isdisjoint(self.references):
                sentence.references += 1
            if not lemmas.isdisjoint(self.triggers):
                sentence.trigger = True
            roles = lemmas & self.role_words
            if roles:
                sentence.roles.update(roles)
            if not lemmas.isdisjoint(CLAIM_NOUNS):
                sentence.claim = True
            opinion = opinion or lower in OPINION_AUX
            reporting = reporting or not lemmas.isdisjoint(self.reporting)
            negating = negating or not lemmas.isdisjoint(self.negating)
        self._close(run, sentence)
        if opinion and reporting:
            sentence.trigger = True  # "'X should …,' he said": a reported request
        sentence.claim = sentence.claim and negating
        return sentence

    def gazetteer(self, doc) -> dict[int, tuple[str | None, int]]:
        """The spans the EntityRuler would set in ``doc``: start token → (actor id or None, end)."""
        strings = doc.vocab.strings
        sep = self.ruler.ent_id_sep
        seen: set[int] = set()
        found = {}
        for match_id, s, e in self.ruler.match(doc):
            if s in seen or e - 1 in seen:
                continue
            seen.update(range(s, e))
            label = strings[match_id]
            found[s] = (label.rsplit(sep, 1)[1] if sep in label else None, e)
        return found

    @staticmethod
    def _close(run: list, sentence: Sentence) -> None:
        while run and run[-1].lower_ in NAME_JOINERS:
            run.pop()
        while run and run[0].lower_ in NAME_JOINERS:
            run.pop(0)
        if not run:
            return
        sentence.names += 1
        words = [t.text for t in run if t.lower_ not in NAME_JOINERS]
        if len(words) == 1:
            sentence.surnames.add(words[0].lower())
        else:
            sentence.person_words.update(w.lower() for w in words)

    # -- the decision ---------------------------------------------------------------------------
    def decide(self, sentences: list[Sentence]) -> None:
        """Set ``keep`` on each sentence of one document (in order)."""
        previous_names = 0
        for sentence in sentences:
            references = sentence.references if (sentence.names or previous_names) else 0
            actors = sentence.names + references
            sentence.keep = (sentence.trigger and actors >= 2) or len(sentence.known) >= 2 or \
                (sentence.claim and actors >= 1)
            previous_names = sentence.names
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

    def plan(self, pieces: Iterable[tuple[int, str]]) -> tuple[list[tuple[int, str | GapDoc]], int]:
        """Parse units of one document's paragraphs, and how many sentences were left out.

        Each unit is (offset, text) — consecutive kept sentences of a paragraph at their
        offset in the document — or (offset, GAP) where sentences were dropped.
        """
        read = []
        for offset, text in pieces:
            doc = self.tokenizer(text)
            matches = self.gazetteer(doc)
            for span in self.split(doc):
                if not all(t.is_space for t in doc[span[0]:span[1]]):
                    read.append((offset, text, self.read(doc, span, matches)))
        self.decide([s for _, _, s in read])
        units: list[tuple[int, str | GapDoc]] = []
        run: tuple[int, str, int, int] | None = None  # offset, text, start, end
        for offset, text, sentence in read:
            if sentence.keep:
                if run is not None and run[0] == offset and run[3] == sentence.start:
                    run = (offset, text, run[2], sentence.end)
                    continue
                if run is not None:
                    units.append((run[0] + run[2], run[1][run[2]:run[3]]))
                run = (offset, text, sentence.start, sentence.end)
            else:
                if run is not None:
                    units.append((run[0] + run[2], run[1][run[2]:run[3]]))
                    run = None
                if not units or units[-1][1] is not GAP:
                    units.append((offset + sentence.start, GAP))
        if run is not None:
            units.append((run[0] + run[2], run[1][run[2]:run[3]]))
        return units, sum(1 for _, _, s in read if not s.keep)


def _starts_sentence(doc, j: int) -> bool:
    token = doc[j]
    first = token.text[:1]
    if token.text in OPENERS and j + 1 < len(doc):
        first = doc[j + 1].text[:1]
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
