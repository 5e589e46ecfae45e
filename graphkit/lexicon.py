"""The relation lexicon: triggers (verbs, nouns, frames) read from ``data/lexicon/*.json``.

People edit the JSON files; this module only indexes them for the extractor.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from importlib import resources

from graphkit.types import relation_vocabulary

# the small model's lemmatizer errors: by lemma ("staged" → "stag") and by surface form ("bases" → "basis")
LEMMA_FIXES = {"stag": "stage", "ink": "ink", "wag": "wage"}
SURFACE_LEMMAS = {"bases": "base"}


def lemma_of(token) -> str:
    """A token's lower-case lemma, with the lemmatizer's known errors mended."""
    lemma = SURFACE_LEMMAS.get(token.lower_) or token.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma)


# a weapon's model number: "S-400", "Su-57", "MiG-29", "J-10C", "HQ-9B", "MQ-9" (not "G-20", "COVID-19")
WEAPON_DESIGNATION = re.compile(r"^(?!g-|covid)[a-z]{1,3}-\d{1,3}[a-z]?$")


@dataclass(frozen=True)
class Lexicon:
    # lemma -> ((relation, slots), ...)
    verbs: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    # lemma -> ((relation, preps), ...)
    nouns: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    transfer_verbs: dict[str, tuple[str, ...]]
    reverse_transfer: frozenset[str]
    object_classes: dict[str, str]  # word -> class name
    object_relations: dict[str, str]  # class name -> relation
    weapon_modifiers: frozenset[str]
    light_verbs: frozenset[str]
    verb_noun_overrides: dict[tuple[str, str], str | None]
    ties_nouns: frozenset[str]
    negating_verbs: frozenset[str]
    negating_adjectives: frozenset[str]
    negating_words: frozenset[str]
    hedge_words: frozenset[str]
    hedge_modals: frozenset[str]
    hedge_governors: frozenset[str]
    reporting_verbs: frozenset[str]
    criticizing_reporters: frozenset[str]
    agent_nouns: frozenset[str]
    place_nouns: frozenset[str]
    non_actor_heads: frozenset[str]
    pair_descriptions: tuple[tuple[str, ...], ...]
    state_descriptions: frozenset[str]
    person_role_words: frozenset[str]
    leading_roles: frozenset[str]
    transfer_nouns: dict[str, tuple[str, ...]]
    quantity_nouns: frozenset[str]
    container_nouns: frozenset[str]
    joint_nouns: frozenset[str]
    agreement_verbs: frozenset[str]
    expelled_nouns: frozenset[str]
    leave_verbs: frozenset[str]
    mutual_verbs: dict[str, tuple[str, ...]]
    mutual_objects: frozenset[str]  # what two sides trade when they fight ("fire")
    mutual_exchanges: dict[str, tuple[str, ...]]  # relation -> what two sides trade ("accusations")
    join_heads: frozenset[str]
    requesting_reporters: frozenset[str]
    reversed_negatives: dict[str, str]
    commodities: frozenset[str]
    trade_verbs: frozenset[str]
    event_summaries: frozenset[str]  # "a move X condemned": nouns that sum up the clause they follow
    clause_summaries: frozenset[str]  # "a sale X condemned": such nouns only before a relative clause, never
    # referred back to ("the sale" is the thing sold, not the last sentence's act)
    mutual_fights: frozenset[str]  # ATTACK nouns of fighting between two sides, both ways ("clashes between X and Y")
    label_verbs: frozenset[str]  # "called X a provocation": verbs that put a label on something
    negative_labels: frozenset[str]  # labels that make such a verb CRITICIZE ("a mistake", "unfriendly")
    attend_verbs: frozenset[str]  # "attended / skipped the BRICS summit": MEET with whose summit it is
    cooperation_purposes: frozenset[str]  # "agreed / signed a deal to build …": the deal is cooperation too
    control_nouns: frozenset[str]  # "X has no intention of going to war", "X made a decision to supply": X does it
    agency_nouns: frozenset[str]  # "denied any involvement in the attack": the doer of what it is in
    hosted_gatherings: frozenset[str]  # besides talks: what a host holds for two sides ("a ceremony hosted by X")

    def object_classes_of(self, name: str) -> frozenset[str]:
        """Every word of one object class ("agreement": pact, treaty, deal, …)."""
        return frozenset(w for w, c in self.object_classes.items() if c == name)

    def object_class(self, lemma: str) -> str | None:
        key = lemma.lower()
        found = self.object_classes.get(key)
        if found is None and WEAPON_DESIGNATION.match(key):
            return "weapons"  # "S-400", "Su-57", "J-10C", "MQ-9B": a model number names a weapon
        return found

    @cached_property
    def _trigger_lemmas(self) -> frozenset[str]:
        phrasal = frozenset(k.split()[0] for k in self.verbs if " " in k)
        return (frozenset(self.verbs) | frozenset(self.nouns) | frozenset(self.transfer_verbs) | self.ties_nouns
                | phrasal | frozenset(self.transfer_nouns) | frozenset(self.mutual_verbs)
                | frozenset(self.reversed_negatives) | self.criticizing_reporters | self.requesting_reporters
                | self.join_heads | {"join", "order", "trade", "exchange"})

    @cached_property
    def relative_summaries(self) -> frozenset[str]:
        """Nouns that sum up the clause they follow when a relative clause hangs on them ("a move X condemned",
        "a sale X condemned")."""
        return self.event_summaries | self.clause_summaries

    @cached_property
    def verb_lemmas(self) -> frozenset[str]:
        """Every verb that carries a relation or moves something (for the parse repair in graphkit.nlp)."""
        return frozenset(self.verbs) | frozenset(self.transfer_verbs)

    @cached_property
    def verbs_by_relation(self) -> dict[str, frozenset[str]]:
        """Relation → the verb lemmas (phrasal keys included) that trigger it; computed once."""
        found: dict[str, set[str]] = {}
        for lemma, entries in self.verbs.items():
            for relation, _ in entries:
                found.setdefault(relation, set()).add(lemma)
        return {relation: frozenset(lemmas) for relation, lemmas in found.items()}

    def trigger_lemmas(self) -> frozenset[str]:
        """Every lemma that can carry a relation (for pre-filtering sentences); computed once."""
        return self._trigger_lemmas


def _read(name: str) -> dict:
    text = resources.files("graphkit").joinpath(f"data/lexicon/{name}").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def _by_lemma(table: dict[str, dict[str, list[str]]]) -> dict[str, tuple]:
    vocabulary = relation_vocabulary()
    index: dict[str, list] = {}
    for relation, entries in table.items():
        if relation not in vocabulary:
            raise ValueError(f"lexicon names unknown relation {relation!r}")
        for lemma, slots in entries.items():
            index.setdefault(lemma.lower(), []).append((relation, tuple(slots)))
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    verbs, nouns, frames = _read("verbs.json"), _read("nouns.json"), _read("frames.json")
    classes = {}
    for name, words in frames["object_classes"].items():
        for word in words:
            classes.setdefault(word.lower(), name)
    overrides = {}
    for pair, relation in frames["verb_noun_overrides"].items():
        verb, noun = pair.split(":")
        overrides[(verb, noun)] = relation

    special = {
        "verbs": _by_lemma(verbs),
        "nouns": _by_lemma(nouns),
        "object_classes": classes,
        "object_relations": dict(frames["object_relations"]),
        "verb_noun_overrides": overrides,
        "pair_descriptions": tuple(tuple(p) for p in frames["pair_descriptions"]),
        "reversed_negatives": dict(frames["reversed_negatives"]),
    }
    # every other field is a word list (lower-cased) or a table of word lists, named as in frames.json
    return Lexicon(**special, **{f.name: _READERS[f.type](frames[f.name])
                                 for f in fields(Lexicon) if f.name not in special})


_READERS = {
    "frozenset[str]": lambda words: frozenset(w.lower() for w in words),
    "dict[str, tuple[str, ...]]": lambda table: {k: tuple(v) for k, v in table.items()},
}
