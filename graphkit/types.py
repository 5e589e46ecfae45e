"""The types every stage speaks: documents, actors, mentions, evidence.

The relation vocabulary itself lives in ``data/relations.csv`` (see SCHEMA.md);
this module reads it once, lazily, and exposes it as ``relation_vocabulary()``.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources

ACTOR_KINDS = ("country", "organization", "person", "group")
STRUCTURAL_RELATIONS = ("LEADS", "REPRESENTS", "MEMBER_OF")


@dataclass(frozen=True)
class Document:
    """One input text with where it came from."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Actor:
    """A canonical actor: a country, organization, person or group (SCHEMA.md, Actors)."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        return d


@dataclass(frozen=True)
class RelationType:
    """One entry of the relation vocabulary."""

    name: str
    symmetric: bool
    polarity: int
    plover: str
    cameo: str
    weight: float
    description: str

    @property
    def structural(self) -> bool:
        return self.name in STRUCTURAL_RELATIONS


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: a typed triple found in one sentence of one document.

    Field names and order are the ``graphkit extract`` JSON Lines contract.
    """

    doc: str
    sentence: str
    start: int
    end: int
    date: str | None
    source: str
    source_id: str
    relation: str
    target: str
    target_id: str
    polarity: int
    weight: float
    predicate: str
    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict:
        """The fields in order (every value is a plain scalar: a copy of the instance dict, not asdict's
        deep copy, which costs the main process seconds on a big run)."""
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, row: dict) -> "Evidence":
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in row.items() if k in names})


@dataclass
class ExtractionStats:
    """Counts a run reports in its summary."""

    documents: int = 0
    sentences: int = 0
    evidence: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)


@lru_cache(maxsize=1)
def relation_vocabulary() -> dict[str, RelationType]:
    """The relation vocabulary of SCHEMA.md, keyed by relation name."""
    text = resources.files("graphkit").joinpath("data/relations.csv").read_text(encoding="utf-8")
    vocabulary = {}
    for row in csv.DictReader(text.splitlines()):
        vocabulary[row["relation"]] = RelationType(
            name=row["relation"],
            symmetric=row["symmetric"] == "yes",
            polarity=int(row["polarity"]),
            plover=row["plover"],
            cameo=row["cameo"],
            weight=float(row["weight"]),
            description=row["description"],
        )
    return vocabulary


def event_relations() -> tuple[str, ...]:
    """Relation names that are events (everything but the structural edges)."""
    return tuple(n for n, r in relation_vocabulary().items() if not r.structural)
