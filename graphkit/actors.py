"""The actor knowledge base: who an actor mention is (SCHEMA.md, Actors).

Surface forms (names, abbreviations, capitals, seats of power, demonyms,
aliases of people and organizations) map to canonical ``Actor`` records kept
in editable CSV files under ``graphkit/data/actors/`` (see its README.md).
``ActorBase`` reads them once, lazily, and answers four questions: which
actor a surface form names (``resolve``), who held an office on a date
(``office_holder``), which structural edges hold among a set of actors
(``structural_edges``), and which spaCy EntityRuler patterns find the forms
in text (``ruler_patterns`` / ``add_actor_ruler``).

Matching rules, shared by ``resolve`` and the ruler patterns:

* a form without lower-case letters ("US", "U.S.", "UN", "DPRK") matches
  only as written, so the pronoun "us" never names the United States;
* a one-word form with lower-case letters ("Russia", "Kremlin", "Quad")
  matches when capitalized ("Russia", "RUSSIA", not "russia");
* a multiword form matches in any case (the ruler: as written, Title Case,
  UPPER CASE and, unless it starts with "the", lower case);
* curly apostrophes, accents ("Élysée" = "Elysee") and hyphens ("Kim
  Jong-un" = "Kim Jong Un") do not matter; ``resolve`` also ignores a
  leading "the" and a trailing possessive.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from graphkit.types import Actor

DATA_DIR = "data/actors"

# NER label → actor kind, for entities the knowledge base does not know
LABEL_KINDS = {"PERSON": "person", "ORG": "organization"}
RULER_NAME = "entity_ruler"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_DASHES = re.compile(r"\s*[-‐‑‒–—]\s*")
_SPACES = re.compile(r"\s+")
_UNFOLDABLE = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L",
                             "đ": "d", "Đ": "D", "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th"})


def fold(text: str) -> str:
    """``text`` without accents: "Élysée" → "Elysee", "Erdoğan" → "Erdogan", "Støre" → "Store"."""
    text = unicodedata.normalize("NFKD", text.translate(_UNFOLDABLE))
    return "".join(c for c in text if not unicodedata.combining(c))


def slug(name: str) -> str:
    """A stable id from a name: "Kim Jong Un" → "kim-jong-un", "Gideon Sa'ar" → "gideon-saar"."""
    text = fold(name.translate(_QUOTES)).lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def form_key(text: str) -> str:
    """The lookup key of a surface form; case is kept (see the module docstring)."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip(" \t\"',;:")
    if text[:4].lower() == "the ":
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    return _SPACES.sub(" ", _DASHES.sub(" ", text)).strip()


def _has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


def _day(date: str | None) -> str | None:
    """An ISO date (or datetime, year, year-month) as YYYY-MM-DD; a bare year means its first day."""
    if not date:
        return None
    date = str(date)[:10]
    return date + "-01-01"[len(date) - 4:] if len(date) < 10 else date


def _bare_key(text: str) -> str:
    """The lookup key of a seat or body name, without a leading 'the' ("the Kremlin" → "kremlin")."""
    return form_key(re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)).lower()


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


@dataclass(frozen=True)
class Office:
    """One row of offices.csv: ``person`` held ``role`` in ``body`` from ``start`` until ``end``."""

    person: str
    body: str
    role: str
    start: str
    end: str
    paramount: bool

    def held_on(self, day: str) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day < self.end)


@dataclass(frozen=True)
class Membership:
    """One row of memberships.csv: ``member`` belongs to ``organization`` from ``since`` until ``until``."""

    organization: str
    member: str
    since: str
    until: str

    def held_on(self, day: str | None) -> bool:
        if day is None:
            return not self.until
        return (not self.since or self.since <= day) and (not self.until or day < self.until)


class ActorBase:
    """Canonical actors and the surface forms, offices and memberships that point at them."""

    _default: ActorBase | None = None

    def __init__(self, directory: str | Path | Traversable | None = None):
        root = resources.files("graphkit").joinpath(DATA_DIR) if directory is None else directory
        self._root = Path(root) if isinstance(root, str) else root
        self._actors: dict[str, Actor] = {}
        self._forms: list[tuple[str, str, str]] = []  # (surface form, NER label, actor id)
        self._excluded: dict[str, set[str]] = {}
        self._exact: dict[str, set[str]] = defaultdict(set)
        self._cased: dict[str, set[str]] = defaultdict(set)
        self._demonyms: dict[str, set[str]] = defaultdict(set)
        self._offices: list[Office] = []
        self._memberships: list[Membership] = []
        self._roles: dict[str, str] = {}
        self._role_edges: dict[str, str] = {}
        self._surnames: dict[str, list[Actor]] = {}
        self._body_heads: tuple[str, ...] = ()
        self._non_actors: list[tuple[str, str]] = []
        self._standing_in: dict[str, set[str]] = {}  # an organization's seats and bodies, not names of it
        self._seats: set[str] = set()  # countries' seats of power: "white house", "kremlin", "elysee palace"
        self._bodies: set[str] = set()  # countries' state bodies: "foreign office", "state duma", "idf"
        self._patterns: list[dict] | None = None
        self._load()

    @classmethod
    def default(cls) -> ActorBase:
        """The knowledge base of the packaged data files, loaded on first use."""
        if cls._default is None:
            cls._default = cls()
        return cls._default

    # -- loading ----------------------------------------------------------------------------

    def _rows(self, name: str) -> list[dict]:
        with self._root.joinpath(name).open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    def _add_actor(self, actor_id: str, name: str, kind: str, forms: list[tuple[str, str]],
                   affiliation: str | None = None, exclude: Iterable[str] = ()) -> None:
        """Add an actor; ``forms`` are its (surface form, NER label) pairs, its name first."""
        excluded = {e.lower() for e in exclude}
        kept: list[tuple[str, str]] = []
        for text, label in forms:
            if text.lower() not in excluded and (text, label) not in kept:
                kept.append((text, label))
        aliases = tuple(dict.fromkeys(t for t, _ in kept if t != name))
        self._actors[actor_id] = Actor(actor_id, name, kind, aliases, affiliation or None)
        self._excluded[actor_id] = excluded
        self._forms.extend((text, label, actor_id) for text, label in kept)

    def _load(self) -> None:
        curated = {row["id"]: row for row in self._rows("country_forms.csv")}
        for row in self._rows("countries.csv"):
            cur = curated.get(row["id"], {})
            name = cur.get("name") or row["name"]
            gpe = [name, row["name"], row["official_name"], *_split(row["aliases"]), *_split(cur.get("aliases")),
                   *_split(cur.get("capitals")), *_split(cur.get("seats"))]
            forms = [(t, "GPE") for t in gpe] + [(t, "ORG") for t in _split(cur.get("bodies"))]
            forms += [(t, "NORP") for t in _demonym_forms(_split(cur.get("demonyms")))]
            self._add_actor(row["id"], name, "country", forms, exclude=_split(cur.get("exclude")))
            self._seats |= {form_key(t).lower() for t in _split(cur.get("seats"))}
            self._bodies |= {form_key(t).lower() for t in _split(cur.get("bodies"))}
        for row in self._rows("organizations.csv"):
            forms = [(t, "ORG") for t in _split(row["aliases"]) + _split(row.get("bodies"))] + \
                [(t, "GPE") for t in _split(row["seats"])]
            forms = [(row["name"], "ORG")] + forms + [(t, "NORP") for t in _split(row.get("demonyms"))]
            self._add_actor(row["id"], row["name"], row["kind"], forms, row["affiliation"])
            standing_in = _split(row["seats"]) + _split(row.get("bodies"))
            self._standing_in[row["id"]] = {form_key(t).lower() for t in standing_in}
        for row in self._rows("people.csv"):
            forms = [(t, "PERSON") for t in [row["name"], *_split(row["aliases"])]]
            self._add_actor(row["id"], row["name"], "person", forms, row["affiliation"])
        for text, label, actor_id in self._forms:
            self._index_form(text, label, actor_id)
        for row in self._rows("roles.csv"):
            self._role_edges[row["role"]] = row["edge"]
            for synonym in [row["role"], *_split(row["synonyms"])]:
                self._roles[_role_key(synonym)] = row["role"]
        self._offices = [Office(r["person"], r["body"], r["role"], r["start"], r["end"], r["paramount"] == "yes")
                         for r in self._rows("offices.csv")]
        self._memberships = [Membership(r["organization"], r["member"], r["since"], r["until"])
                             for r in self._rows("memberships.csv")]
        self._memberships += [Membership("UN", r["id"], "", "") for r in self._rows("countries.csv")
                              if r["un_member"] == "yes"]
        heads = [r["head"].lower() for r in self._rows("state_bodies.csv")]
        self._body_heads = tuple(sorted(heads, key=len, reverse=True))
        self._non_actors = [(r["form"], r["label"]) for r in self._rows("non_actors.csv")]
        self._surnames = self._build_surnames(self._rows("people.csv"))

    def _index_form(self, text: str, label: str, actor_id: str) -> None:
        excluded = self._excluded[actor_id]
        for key in dict.fromkeys((form_key(text), fold(form_key(text)))):
            if not key or key.lower() in excluded:
                continue
            if not _has_lower(key):
                self._exact[key].add(actor_id)
            elif label == "NORP":
                self._demonyms[key.lower()].add(actor_id)
            else:
                self._cased[key.lower()].add(actor_id)

    def _build_surnames(self, people: list[dict]) -> dict[str, list[Actor]]:
        latest: dict[str, str] = defaultdict(str)
        for office in self._offices:
            latest[office.person] = max(latest[office.person], office.end or "9999")
        index: dict[str, list[Actor]] = defaultdict(list)
        for order, row in sorted(enumerate(people), key=lambda p: (latest[p[1]["id"]], -p[0]), reverse=True):
            for surname in _split(row["surnames"]):
                for key in dict.fromkeys((surname, fold(surname))):
                    if self._actors[row["id"]] not in index[key]:
                        index[key].append(self._actors[row["id"]])
        return dict(index)

    # -- lookups ----------------------------------------------------------------------------

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return self._actors.get(actor_id)

    def is_seat(self, text: str) -> bool:
        """Whether ``text`` names a country's seat of power ("the White House", "the Kremlin")."""
        return _bare_key(text) in self._seats

    def is_body(self, text: str) -> bool:
        """Whether ``text`` names a state body of a country ("Foreign Office", "State Duma", "IDF")."""
        return _bare_key(text) in self._bodies

    def stands_in(self, actor_id: str, text: str) -> bool:
        """Whether ``text`` is a seat or body that acts for an organization ("European Commission" for the
        EU), which a document naming it does not use as the organization's name."""
        return form_key(text).lower() in self._standing_in.get(actor_id, ())

    def actors(self) -> Iterable[Actor]:
        """Every actor, countries first, then organizations and groups, then people."""
        return self._actors.values()

    def ambiguous_forms(self) -> dict[str, set[str]]:
        """Lookup keys that name more than one actor; ``resolve`` answers None for them."""
        tables = (self._exact, self._cased, self._demonyms)
        return {k: ids for table in tables for k, ids in table.items() if len(ids) > 1}

    def _lookup(self, key: str, table: dict[str, set[str]]) -> Actor | None:
        ids = table.get(key) or table.get(fold(key))
        return self._actors[next(iter(ids))] if ids and len(ids) == 1 else None

    def _direct(self, key: str) -> Actor | None:
        if not key:
            return None
        actor = self._lookup(key, self._exact)
        if actor is None and (" " in key or key[0].isupper()):
            actor = self._lookup(key.lower(), self._cased) or self._lookup(key.lower(), self._demonyms)
        return actor

    def resolve(self, text: str, date: str | None = None) -> Actor | None:
        """The actor a surface form names: "the DPRK", "Pyongyang", "Kim Jong-un", "U.S.", "North Korean".

        Besides names and aliases, a state body named by a country, demonym or
        person resolves to the country it acts for ("the Russian government",
        "Russia's foreign ministry", "the government of Japan", "Kim Jong-un's
        regime", "the Biden administration"); ``date`` picks among people who
        share a surname there. Role phrases ("the president") are not resolved.
        """
        key = form_key(text)
        return self._direct(key) or self._state_body(key, date)

    def demonym(self, word: str) -> Actor | None:
        """The country a demonym or adjective names: "North Korean" → North Korea; "Korean" → None."""
        key = form_key(word)
        if not key or (" " not in key and not key[0].isupper()):
            return None
        return self._lookup(key.lower(), self._demonyms)

    def _state_body(self, key: str, date: str | None) -> Actor | None:
        lower = key.lower()
        for head in self._body_heads:
            if lower.endswith(" " + head):
                owner = form_key(key[: -len(head) - 1])
            elif lower.startswith(head + " of "):
                owner = form_key(key[len(head) + 4:])
            else:
                continue
            actor = self._direct(owner) or self._by_surname(owner, date)
            if actor is not None and actor.kind == "person":
                return self.get(actor.affiliation) if actor.affiliation else None
            return actor
        return None

    def _by_surname(self, surname: str, date: str | None) -> Actor | None:
        people = self._surnames.get(surname) or self._surnames.get(fold(surname)) or []
        day = _day(date)
        if day:
            in_office = {o.person for o in self._offices if o.held_on(day)}
            people = [p for p in people if p.id in in_office] or people
        return people[0] if people else None

    def surname_index(self) -> dict[str, list[Actor]]:
        """Surname → people who bear it, most recently in office first ("Kim" → [Kim Jong Un, …]).

        Surnames are never aliases: a bare "Kim" or "Lee" names someone only
        after a full name in the same document, which is the caller's call.
        Keys come as written and without accents ("Erdoğan", "Erdogan"). The
        dict is shared between calls: do not modify it.
        """
        return self._surnames

    # -- offices and structure ----------------------------------------------------------------

    def role(self, phrase: str) -> str | None:
        """The canonical role of a role phrase ("premier" → "prime minister"), or None."""
        return self._roles.get(_role_key(phrase))

    def office_holder(self, country_id: str, role: str, date: str | None = None) -> Actor | None:
        """Who held ``role`` in ``country_id`` (a country or organization) on ``date``; None → the latest holder.

        "leader" means the body's paramount office (Germany's chancellor,
        North Korea's supreme leader, NATO's secretary-general).
        """
        body = country_id if country_id in self._actors else getattr(self.resolve(country_id), "id", None)
        canonical = self.role(role)
        if body is None or canonical is None:
            return None
        offices = [o for o in self._offices if o.body == body
                   and (o.paramount if canonical == "leader" else o.role == canonical)]
        day = _day(date)
        if day:
            offices = [o for o in offices if o.held_on(day)]
            best = max(offices, key=lambda o: o.start, default=None)
        else:
            best = max(offices, key=lambda o: (o.end or "9999", o.start), default=None)
        return self._actors.get(best.person) if best else None

    def offices(self, person_id: str) -> list[Office]:
        """The offices a person held, in file order."""
        return [o for o in self._offices if o.person == person_id]

    def members(self, organization_id: str, date: str | None = None) -> list[str]:
        """Ids of the members of an organization on ``date`` (None: today's members)."""
        day = _day(date)
        return [m.member for m in self._memberships if m.organization == organization_id and m.held_on(day)]

    def structural_edges(self, actor_ids: Iterable[str], date: str | None = None) -> list[tuple[str, str, str]]:
        """(source_id, relation, target_id) edges of SCHEMA.md's structural relations for ``actor_ids``.

        LEADS and REPRESENTS go from each person or state body in the set to
        the country or organization it leads or acts for, which may be outside
        the set (an office whose role leads gives LEADS; a person without
        offices, or a body, REPRESENTS its affiliation). MEMBER_OF goes between
        members of the set. ``date`` takes the offices and memberships held
        that day; without it, a person's current offices (their last ones if
        out of office) and today's memberships.
        """
        ids = set(actor_ids)
        day = _day(date)
        edges: dict[tuple[str, str], str] = {}
        for actor_id in sorted(ids):
            actor = self._actors.get(actor_id)
            if actor is None:
                continue
            offices = self._offices_on(actor_id, day) if actor.kind == "person" else []
            for office in offices:
                if edges.get((actor_id, office.body)) != "LEADS":
                    edges[(actor_id, office.body)] = self._role_edges.get(office.role, "REPRESENTS")
            if not offices and actor.affiliation:
                edges[(actor_id, actor.affiliation)] = "REPRESENTS"
        result = [(source, relation, target) for (source, target), relation in edges.items()]
        result += sorted({(m.member, "MEMBER_OF", m.organization) for m in self._memberships
                          if m.member in ids and m.organization in ids and m.held_on(day)})
        return result

    def _offices_on(self, person_id: str, day: str | None) -> list[Office]:
        offices = self.offices(person_id)
        if day:
            return [o for o in offices if o.held_on(day)]
        last = max((o.end or "9999" for o in offices), default=None)
        return [o for o in offices if (o.end or "9999") == last]

    # -- spaCy ------------------------------------------------------------------------------

    def ruler_patterns(self) -> list[dict]:
        """EntityRuler phrase patterns for every form: {"label", "pattern", "id"}.

        Labels: countries, capitals and seats of power GPE; state bodies,
        organizations and groups ORG; people PERSON; demonyms NORP. Phrase
        patterns (strings) run on the ruler's PhraseMatcher, which stays fast
        with thousands of them; case variants are spelled out (see
        ``surface_variants``). Forms in non_actors.csv ("South China Sea")
        come without an id, so that they shadow the actor names inside them.
        """
        if self._patterns is None:
            seen: set[tuple[str, str, str]] = set()
            patterns: list[dict] = []
            for text, label, actor_id in self._forms:
                excluded = self._excluded[actor_id]
                for variant in surface_variants(text):
                    entry = (label, variant, actor_id)
                    if variant.lower() not in excluded and entry not in seen:
                        seen.add(entry)
                        patterns.append({"label": label, "pattern": variant, "id": actor_id})
            forms = {v for _, v, _ in seen}
            for surname, people in self.surname_index().items():
                # a surname only one known person bears: "Lavrov", "Erdogan" (never "Kim", "Lee")
                if len(people) == 1 and len(surname) > 2 and surname[0].isupper() and surname not in forms \
                        and surname.lower() not in COMMON_WORD_SURNAMES:
                    patterns.append({"label": "PERSON", "pattern": surname, "id": people[0].id})
                elif len(people) == 1 and surname[0].islower() and " " in surname:  # "von der Leyen", "Von der Leyen"
                    patterns += [{"label": "PERSON", "pattern": v, "id": people[0].id}
                                 for v in (surname, surname[0].upper() + surname[1:]) if v not in forms]
            for text, label in self._non_actors:
                patterns += [{"label": label, "pattern": v} for v in surface_variants(text)]
            self._patterns = patterns
        return list(self._patterns)


# surnames that are also ordinary English words or common names: matched only with a first name
COMMON_WORD_SURNAMES = {"rice", "bush", "king", "young", "brown", "black", "white", "green", "long", "may", "bird",
                        "lord", "hill", "wood", "price", "bolton", "power", "costa", "ali", "khan", "singh",
                        "kumar", "shah", "sharif", "abbas", "hassan", "mohammed", "ahmed", "sanchez", "garcia",
                        "lopez", "martin", "li", "liu", "chen", "zhang", "wang", "park", "lee"}


def _role_key(phrase: str) -> str:
    text = _SPACES.sub(" ", phrase.translate(_QUOTES).lower()).strip()
    return text[4:] if text.startswith("the ") else text


def _demonym_forms(demonyms: list[str]) -> list[str]:
    """Demonyms with their plural nouns: "Russian" → "Russians", "Israeli" → "Israelis"."""
    forms = list(demonyms)
    for word in demonyms:
        if word[-1] in "ni" and not word.endswith("ese") and word + "s" not in forms:
            forms.append(word + "s")
    return forms


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def surface_variants(text: str) -> list[str]:
    """The spellings of a form the ruler looks for.

    Spelling variants: as written, without accents, with straight and curly
    apostrophes, with hyphens as spaces. Case variants of each (only for
    forms with lower-case letters): UPPER CASE; a capital first letter for a
    form that starts in lower case; for multiword forms also Title Case and,
    unless the form starts with "the", lower case.
    """
    spellings = [text, fold(text)]
    spellings += [s.replace("'", "’") for s in spellings if "'" in s]
    spellings += [s.replace("’", "'") for s in spellings if "’" in s]
    spellings += [re.sub(r"(?<=\w)-(?=\w)", " ", s) for s in spellings if "-" in s]
    variants: list[str] = []
    for spelling in spellings:
        variants.append(spelling)
        if not _has_lower(spelling):
            continue
        variants.append(spelling.upper())
        if spelling[:1].islower():  # "von der Leyen" opening a sentence: "Von der Leyen"
            variants.append(spelling[:1].upper() + spelling[1:])
        if " " in spelling or "-" in spelling:
            variants.append(_title(spelling))
            if not spelling.lower().startswith("the "):
                variants.append(spelling.lower())
    return list(dict.fromkeys(variants))


def add_actor_ruler(nlp, base: ActorBase | None = None, name: str = RULER_NAME):
    """Add an EntityRuler with the knowledge base's patterns before "ner" (or last), once.

    The ruler overwrites NER entities it overlaps, so a known actor's span
    carries ``ent.ent_id_`` = its actor id. Returns the ruler.
    """
    if name in nlp.pipe_names:
        return nlp.get_pipe(name)
    base = base or ActorBase.default()
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=name, config={"overwrite_ents": True, "validate": False}, **where)
    with nlp.select_pipes(enable=[name]):  # tokenize the patterns only, without the tagger or parser
        ruler.add_patterns(base.ruler_patterns())
    return ruler


def make_actor(name: str, label: str) -> Actor:
    """An actor for an entity the knowledge base lacks: id = slug(name), kind from its NER label.

    A GPE that pycountry knows by name ("Greenland") becomes a country with
    its ISO alpha-3 id; other GPE, NORP and LOC entities become groups.
    """
    name = _SPACES.sub(" ", name).strip()
    if label == "GPE":
        import pycountry

        key = form_key(name).lower()
        for record in pycountry.countries:
            names = (record.name, getattr(record, "official_name", ""), getattr(record, "common_name", ""))
            if key in (n.lower() for n in names if n):
                return Actor(record.alpha_3, getattr(record, "common_name", record.name), "country", (name,))
    return Actor(slug(name), name, LABEL_KINDS.get(label, "group"))
