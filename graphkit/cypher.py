"""All Cypher in one place: the loader's statements, the schema, the query library.

A relationship type cannot be a Cypher parameter, so each statement that
writes an actor-to-actor relationship is built per type, and the type comes
only from the relation vocabulary (``relation_vocabulary()``): nothing the user
typed is ever put into a statement. Every value goes in as a parameter.

Files: ``cypher/schema.cypher`` (indexes and constraints, Neo4j 5 syntax) and
``cypher/queries/*.cypher`` (the query library). Each library query starts
with a header comment: its purpose, then one line per parameter::

    // Allies and adversaries of an actor.
    // param: actor = "North Korea"  -- name or id of the actor

The value after ``=`` is a JSON literal (the default).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from graphkit.errors import InputError, StoreError
from graphkit.types import relation_vocabulary

CYPHER_DIR_ENV = "GRAPHKIT_CYPHER_DIR"
# where an installed package keeps its copy of cypher/: the symlink
# graphkit/data/cypher -> ../../cypher, which the wheel stores as files
PACKAGED_CYPHER = ("graphkit", "data/cypher")

_IDENTIFIER = re.compile(r"^[A-Z][A-Z0-9_]*$")
_PARAM_LINE = re.compile(r"^param:\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*(?:--\s*(.*))?$")


# ---------------------------------------------------------------- files


def cypher_folder() -> Path:
    """The ``cypher/`` folder: $GRAPHKIT_CYPHER_DIR, the package's copy, or the source checkout."""
    override = os.environ.get(CYPHER_DIR_ENV)
    candidates = [Path(override)] if override else []
    try:
        packaged = resources.files(PACKAGED_CYPHER[0]).joinpath(PACKAGED_CYPHER[1])
        candidates.append(Path(str(packaged)))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - zipped installs
        pass
    candidates.append(Path(__file__).resolve().parent.parent / "cypher")
    for folder in candidates:
        if (folder / "schema.cypher").is_file() and (folder / "queries").is_dir():
            return folder
    raise StoreError(
        "cannot find the cypher/ folder (schema.cypher, queries/); "
        f"set {CYPHER_DIR_ENV} to its path"
    )


def _literal_end(text: str, start: int) -> int:
    """The index just past the string literal (or backticked name) that opens at ``start``."""
    quote, j, n = text[start], start + 1, len(text)
    while j < n and text[j] != quote:
        j += 2 if text[j] == "\\" and quote != "`" else 1
    return min(j + 1, n)


def strip_comments(text: str) -> str:
    """Remove ``//`` and ``/* */`` comments, leaving string literals alone."""
    out, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "'\"`":
            j = _literal_end(text, i)
            out.append(text[i:j])
            i = j
        elif text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        else:
            out.append(ch)
            i += 1
    return "".join(out)


@lru_cache(maxsize=256)
def compact(statement: str) -> str:
    """One line, no comments, single spaces outside string literals.

    Statements travel in this form: FalkorDB's Bolt endpoint counts the
    statement text against a ~4 KB limit it shares with the parameters.
    """
    text = strip_comments(statement)
    out, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "'\"`":
            j = _literal_end(text, i)
            out.append(text[i:j])
            i = j
        elif ch.isspace():
            while i < n and text[i].isspace():
                i += 1
            out.append(" ")
        else:
            out.append(ch)
            i += 1
    return "".join(out).strip().rstrip(";").strip()


def split_statements(text: str) -> list[str]:
    """Statements of a ``.cypher`` file, separated by ``;`` (comments removed)."""
    return [s for s in (compact(part) for part in strip_comments(text).split(";")) if s]


def schema_statements() -> list[str]:
    return split_statements((cypher_folder() / "schema.cypher").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- query library


@dataclass(frozen=True)
class QueryParam:
    name: str
    default: object
    description: str = ""


@dataclass(frozen=True)
class LibraryQuery:
    """A Cypher file with its header: purpose and parameters with defaults."""

    name: str
    path: Path
    text: str
    purpose: str = ""
    params: tuple[QueryParam, ...] = field(default_factory=tuple)

    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params}

    def bind(self, given: dict) -> dict:
        """Defaults overlaid with ``given``; string values take the type of the default."""
        declared = {p.name: p for p in self.params}
        if declared:
            unknown = sorted(set(given) - set(declared))
            if unknown:
                raise InputError(
                    f"query {self.name!r} has no parameter {', '.join(unknown)} "
                    f"(it takes: {', '.join(declared)})"
                )
        bound = self.defaults()
        for name, value in given.items():
            default = declared[name].default if name in declared else None
            bound[name] = _coerce(value, default, name)
        return bound


def _coerce(value, default, name: str):
    if isinstance(default, bool) and isinstance(value, str):
        if value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise InputError(f"parameter {name} takes true or false, not {value!r}")
    if isinstance(default, str) and not isinstance(value, str) and value is not None:
        return json.dumps(value) if isinstance(value, (list, dict)) else str(value)
    if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(default, (int, float)) and not isinstance(default, bool) and isinstance(value, str):
        raise InputError(f"parameter {name} takes a number, not {value!r}")
    return value


def parse_param_value(text: str):
    """A ``--param`` value: a JSON literal (number, true, ["a"], "x"), else the text itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_query_file(path: Path, name: str | None = None) -> LibraryQuery:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"query file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read query file {path}: {exc}") from None
    purpose, params = [], []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            break
        comment = stripped[2:].strip()
        match = _PARAM_LINE.match(comment)
        if match:
            pname, literal, description = match.groups()
            try:
                default = json.loads(literal)
            except ValueError:
                raise InputError(f"{path}: bad default for parameter {pname}: {literal}") from None
            params.append(QueryParam(pname, default, description or ""))
        elif not params:
            purpose.append(comment)
    return LibraryQuery(
        name=name or Path(path).stem, path=Path(path), text=text,
        purpose=" ".join(p for p in purpose if p), params=tuple(params),
    )


@lru_cache(maxsize=4)
def _library(folder: str) -> dict[str, LibraryQuery]:
    queries = {}
    for path in sorted(Path(folder, "queries").glob("*.cypher")):
        queries[path.stem] = parse_query_file(path)
    return queries


def library_queries() -> dict[str, LibraryQuery]:
    """The queries of ``cypher/queries``, by name (file name without extension)."""
    return dict(_library(str(cypher_folder())))


def load_query(name_or_path: str) -> LibraryQuery:
    """A query from a file path, or by name from the library."""
    path = Path(name_or_path)
    if path.suffix == ".cypher" or path.exists() or os.sep in name_or_path:
        if path.is_file():
            return parse_query_file(path)
        raise InputError(f"query file not found: {name_or_path}")
    library = library_queries()
    if name_or_path not in library:
        raise InputError(
            f"no query named {name_or_path!r}; the library has: {', '.join(sorted(library))}"
        )
    return library[name_or_path]


# ---------------------------------------------------------------- loader statements


def relationship_type(relation: str) -> str:
    """``relation`` as a relationship type, if it is in the vocabulary (else StoreError)."""
    if relation not in relation_vocabulary() or not _IDENTIFIER.match(relation):
        raise StoreError(f"relation {relation!r} is not in the relation vocabulary")
    return relation


PROBE = "RETURN $probe AS probe"

ACTORS_MERGE = """
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name, a.kind = row.kind, a.affiliation = row.affiliation,
    a.aliases = [x IN coalesce(a.aliases, []) WHERE NOT x IN row.aliases] + row.aliases
"""

DOCUMENTS_MERGE = """
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = coalesce(row.title, d.title), d.date = coalesce(row.date, d.date),
    d.url = coalesce(row.url, d.url)
"""

# evidence nodes and their documents; the links to actors come with the relationship.
# A row is a list (the heaviest rows travel without their keys): [id, doc, date,
# sentence, start, end, predicate, negated, hedged, attributed_to, confidence,
# relation], the order of graphkit.store.EVIDENCE_PROPERTIES after the id.
EVIDENCE_MERGE = """
UNWIND $rows AS row
MERGE (e:Evidence {id: row[0]})
SET e.doc = row[1], e.date = row[2], e.sentence = row[3], e.start = row[4], e.end = row[5],
    e.predicate = row[6], e.negated = row[7], e.hedged = row[8], e.attributed_to = row[9],
    e.confidence = row[10], e.relation = row[11]
MERGE (d:Document {id: row[1]})
MERGE (e)-[:IN]->(d)
"""

# a sentence too long for one statement on a server with a statement-size limit
EVIDENCE_SENTENCE_APPEND = """
MATCH (e:Evidence {id: $id})
SET e.sentence = e.sentence + $part
"""

# one statement links a relationship's evidence and recomputes its aggregates
# from all the evidence linked to it, so counts are always derived from evidence.
# Linked evidence carries the relationship's key (``edge``, indexed): the
# recount is an index lookup, not a walk over every sentence about an actor.
_EVENT_RELATIONSHIP_MERGE = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
MATCH (b:Actor {id: row.target})
MERGE (a)-[r:%(type)s]->(b)
SET r.polarity = $polarity, r.weight = $weight, r.symmetric = $symmetric
WITH a, b, r, row
UNWIND row.evidence AS evidence_id
MATCH (e:Evidence {id: evidence_id})
SET e.edge = row.key
MERGE (e)-[:SOURCE]->(a)
MERGE (e)-[:TARGET]->(b)
WITH DISTINCT r, row.key AS key
MATCH (x:Evidence {edge: key})
WITH r, count(x) AS total, count(CASE WHEN NOT x.negated THEN 1 END) AS asserted,
     count(CASE WHEN x.hedged AND NOT x.negated THEN 1 END) AS hedged,
     collect(DISTINCT x.doc) AS documents, min(x.date) AS first_seen,
     max(x.date) AS last_seen, max(x.confidence) AS confidence
SET r.count = asserted, r.negated_count = total - asserted, r.hedged_count = hedged,
    r.sources = size(documents), r.documents = documents,
    r.first_seen = first_seen, r.last_seen = last_seen,
    r.confidence = round(confidence * 1000) / 1000.0
"""

# structural edges (LEADS, REPRESENTS, MEMBER_OF) and event edges without evidence
_PLAIN_RELATIONSHIP_MERGE = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
MATCH (b:Actor {id: row.target})
MERGE (a)-[r:%(type)s]->(b)
SET r += row.properties
"""


def event_relationship_merge(relation: str) -> str:
    return _EVENT_RELATIONSHIP_MERGE % {"type": relationship_type(relation)}


def plain_relationship_merge(relation: str) -> str:
    return _PLAIN_RELATIONSHIP_MERGE % {"type": relationship_type(relation)}


# the unbatched way, kept for the benchmark: one transaction per edge
NAIVE_EDGE_MERGE = """
MERGE (a:Actor {id: $source})
MERGE (b:Actor {id: $target})
MERGE (a)-[r:%(type)s]->(b)
SET r += $properties
"""

NAIVE_EVIDENCE_MERGE = """
MATCH (a:Actor {id: $source})
MATCH (b:Actor {id: $target})
MERGE (e:Evidence {id: $id})
SET e += $properties
MERGE (d:Document {id: $doc})
MERGE (e)-[:IN]->(d)
MERGE (e)-[:SOURCE]->(a)
MERGE (e)-[:TARGET]->(b)
"""


def naive_edge_merge(relation: str) -> str:
    return NAIVE_EDGE_MERGE % {"type": relationship_type(relation)}


CLEAR_BATCH = """
MATCH (n)
WHERE n:Actor OR n:Document OR n:Evidence
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
"""

# schema statements a server may not support: a uniqueness constraint or a
# named index; the fallback is the one index form every Bolt server tried accepts
_SCHEMA_TARGET = re.compile(
    r"^CREATE\s+(?:CONSTRAINT|INDEX)\b.*?\bFOR\s*\(\s*(\w+)\s*:\s*(\w+)\s*\)\s*"
    r"(?:REQUIRE\s+\1\.(\w+)\s+IS\s+UNIQUE|ON\s*\(\s*\1\.(\w+)\s*\))\s*$",
    re.IGNORECASE | re.DOTALL,
)


def schema_fallback(statement: str) -> tuple[str, str, str, bool] | None:
    """For a schema statement: (fallback index statement, label, property, is_constraint)."""
    match = _SCHEMA_TARGET.match(statement.strip())
    if not match:
        return None
    var, label, unique_prop, index_prop = match.groups()
    prop = unique_prop or index_prop
    return (f"CREATE INDEX FOR ({var}:{label}) ON ({var}.{prop})", label, prop,
            unique_prop is not None)


def run_query(store, name_or_path: str, params: dict | None = None):
    """Run a library query (by name) or a .cypher file on a store: (query, rows).

    ``params`` overlay the defaults of the query's header; strings are converted
    to the type of the default (``--param limit=5``).
    """
    query = load_query(name_or_path)
    rows = store.query(query.text, query.bind(params or {}))
    return query, rows
