"""The Neo4j store: a graph written over Bolt in batches, and Cypher queries.

``load_graph(graph, uri, user, password)`` is the library entry point of
``graphkit load`` and ``graphkit build --neo4j-uri``. Loading is

- batched: ``UNWIND $rows`` statements, ``batch_size`` evidence rows per
  transaction (one transaction per batch);
- idempotent: every node is MERGEd by a stable id (evidence: a hash of its
  document, offsets, actors, relation and predicate), so loading the same
  graph twice changes nothing;
- incremental: a graph built from new documents adds their evidence; each
  touched relationship's aggregates are then recomputed from all the
  evidence stored for it, so a document loaded twice is not counted twice.

Neo4j 5 (and Aura) is the target. FalkorDB and Memgraph speak Bolt too; the
store detects a server that renders parameters into the query text
(FalkorDB) and adapts: it escapes strings and keeps each statement under the
size that server accepts (see docs/neo4j.md).
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import networkx as nx

from graphkit import cypher
from graphkit.errors import StoreError
from graphkit.store import EVIDENCE_PROPERTIES, EdgeRow, GraphRows, LoadReport, QueryRows

SENTENCE = 1 + EVIDENCE_PROPERTIES.index("sentence")  # position in an evidence row

DEFAULT_BATCH_SIZE = 5000
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
# FalkorDB 4.16 copies the statement and its parameters, rendered as text, into
# a 4 KB buffer and crashes past it; stay well under
TEXT_PARAMETER_STATEMENT_LIMIT = 3500
PROBE_VALUE = "\\'"  # a server that parses parameters from text reads this as "'"


@dataclass(frozen=True)
class Dialect:
    """How a Bolt server takes parameters."""

    name: str
    text_parameters: bool = False  # parameters are rendered into the query text
    max_statement_bytes: int | None = None  # statement text plus rendered parameters

    def prepare(self, value):
        """A parameter value as this server must receive it to read it back intact."""
        if not self.text_parameters:
            return value
        return _escape_strings(value)


NEO4J = Dialect("neo4j")
TEXT_PARAMETERS = Dialect("text-parameters", True, TEXT_PARAMETER_STATEMENT_LIMIT)


def _escape_strings(value):
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, dict):
        return {k: _escape_strings(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_escape_strings(v) for v in value]
    return value


def rendered_size(value) -> int:
    """Bytes a value takes when a server renders it as Cypher text (an upper estimate)."""
    if value is None:
        return 4
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return len(str(value))
    if isinstance(value, float):
        return max(len(f"{value:f}"), len(repr(value))) + 1
    if isinstance(value, str):
        return len(value.encode("utf-8")) + value.count("\\") + value.count("'") + 2
    if isinstance(value, dict):
        return 2 + sum(len(str(k)) + 2 + rendered_size(v) + 2 for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return 2 + sum(rendered_size(v) + 2 for v in value)
    return len(str(value)) + 2


def statement_size(statement: str, params: dict) -> int:
    return len("CYPHER ") + len(statement.encode("utf-8")) + sum(
        len(name) + 2 + rendered_size(value) for name, value in params.items()
    )


def quiet_driver_logs() -> None:
    """Keep the driver's retry warnings off stderr unless the application logs them."""
    logger = logging.getLogger("neo4j")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())


def check_uri(uri: str) -> None:
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError as exc:
        raise StoreError(f"invalid Neo4j URI {uri!r}: {exc}") from None
    if parts.scheme not in URI_SCHEMES or not parts.hostname:
        raise StoreError(
            f"invalid Neo4j URI {uri!r}: expected bolt://HOST:PORT or neo4j://HOST:PORT "
            "(also bolt+s, neo4j+s, bolt+ssc, neo4j+ssc)"
        )
    if port == 0:
        raise StoreError(f"invalid Neo4j URI {uri!r}: port 0")


# ---------------------------------------------------------------- errors


def _neo4j():
    import neo4j
    import neo4j.exceptions

    return neo4j


def _retryable(exc: Exception) -> bool:
    """A transient error or a lost connection: worth running the transaction again.

    The driver does not retry a connection lost during COMMIT (IncompleteCommit:
    the commit may or may not have happened). Every transaction the store runs
    is idempotent (MERGE by id, aggregates recounted from the stored evidence,
    reads), so running it again is safe and this one is retried too.
    """
    if isinstance(exc, _neo4j().exceptions.IncompleteCommit):
        return True
    check = getattr(exc, "is_retryable", None)
    return bool(check and check())


def _error_text(exc: Exception) -> str:
    code = getattr(exc, "code", None)
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    message = " ".join(str(message).split())
    return f"{message} [{code}]" if code else message


def _unreachable_reason(exc: Exception) -> str:
    """The useful part of the driver's message for a server it cannot reach."""
    text = " ".join(str(exc).split())
    if "Connection refused" in text:
        return "connection refused (is the server running, and is this its Bolt port?)"
    if "DNS resolve" in text or "Name or service not known" in text:
        return "unknown host"
    if "timed out" in text.lower():
        return "timed out"
    if "defunct connection" in text or "Failed to write data" in text:
        return "the connection was lost (did the server stop?)"
    if "routing information" in text:
        return "no routing information (for a single server, try bolt:// instead of neo4j://)"
    return text or type(exc).__name__


def translate_error(exc: Exception, uri: str, user: str, database: str | None,
                    during: str) -> StoreError:
    """One clear line for a driver or server error."""
    errors = _neo4j().exceptions
    where = f"{uri}" + (f" (database {database!r})" if database else "")
    code = getattr(exc, "code", None) or ""
    if isinstance(exc, errors.AuthError) or code.startswith("Neo.ClientError.Security"):
        return StoreError(f"{where} refused the login of user {user!r}: {_error_text(exc)}")
    if code == "Neo.ClientError.Database.DatabaseNotFound":
        return StoreError(f"database {database!r} does not exist on {uri}")
    if isinstance(exc, (errors.ServiceUnavailable, errors.SessionExpired)):
        return StoreError(f"cannot reach a Bolt server at {uri} while {during}: "
                          f"{_unreachable_reason(exc)}")
    if isinstance(exc, errors.ConfigurationError):
        return StoreError(f"cannot connect to {uri}: {_error_text(exc)}")
    if isinstance(exc, errors.Neo4jError):
        return StoreError(f"{where} failed while {during}: {_error_text(exc)}")
    return StoreError(f"{where}: {during} failed: {_error_text(exc)}")


# ---------------------------------------------------------------- values


def plain_value(value):
    """A driver value as plain Python: nodes and relationships become property dicts."""
    graph = _neo4j().graph
    if isinstance(value, (graph.Node, graph.Relationship)):
        return {k: plain_value(v) for k, v in value.items()}
    if isinstance(value, graph.Path):
        return {"nodes": [plain_value(n) for n in value.nodes],
                "relationships": [plain_value(r) for r in value.relationships]}
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


# ---------------------------------------------------------------- the store


@dataclass
class _Batch:
    """One transaction's worth of the load: evidence rows and the edges they belong to."""

    evidence: list[dict]
    edges: list[EdgeRow]


def plan_batches(rows: GraphRows, batch_size: int) -> list[_Batch]:
    """Group event edges into batches of about ``batch_size`` evidence rows.

    An edge's evidence stays in one batch unless it alone exceeds the size.
    """
    by_id = {e["id"]: e for e in rows.evidence}
    batches, evidence, edges = [], [], []
    for edge in rows.event_edges:
        for start in range(0, len(edge.evidence), batch_size):
            ids = edge.evidence[start : start + batch_size]
            if evidence and len(evidence) + len(ids) > batch_size:
                batches.append(_Batch(evidence, edges))
                evidence, edges = [], []
            evidence.extend(by_id[i] for i in ids)
            edges.append(EdgeRow(edge.source, edge.target, edge.relation, tuple(ids)))
    if evidence:
        batches.append(_Batch(evidence, edges))
    return batches


def _escaped_json(value) -> str:
    """``value`` as JSON whose strings carry the escapes a text-parameter server needs."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("\\\\", "\\\\\\\\").replace("'", "\\\\'")


# bytes a loader row may take beyond its JSON size when rendered as Cypher text:
# JSON is longer for keys, quotes and escapes; only a float renders longer
# ("%f": 0.1 -> 0.100000), and a loader row holds at most one
_ROW_SLACK = 10


class _Statements:
    """Runs statements in one transaction, split to fit the server, counting what they did."""

    def __init__(self, tx, dialect: Dialect):
        self.tx, self.dialect = tx, dialect
        self.statements = self.nodes_created = self.relationships_created = 0
        self.last_keys: list[str] = []

    def run(self, statement: str, **params) -> list:
        """One statement; parameters prepared for the server and checked against its limit."""
        statement = cypher.compact(statement)
        prepared = {k: self.dialect.prepare(v) for k, v in params.items()}
        limit = self.dialect.max_statement_bytes
        if limit is not None and statement_size(statement, prepared) > limit:
            raise StoreError(
                f"a statement of {statement_size(statement, prepared)} bytes (text and parameters) "
                f"is over this server's limit of {limit} bytes per statement"
            )
        return self._send(statement, prepared)

    def _send(self, statement: str, prepared: dict) -> list:
        result = self.tx.run(statement, prepared)
        self.last_keys = list(result.keys())
        records = list(result)
        counters = result.consume().counters
        self.statements += 1
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        return records

    def run_rows(self, statement: str, rows: list, oversize: Callable | None = None,
                 **params) -> None:
        """``statement`` with ``$rows``: all at once, or in chunks the server accepts."""
        if not rows:
            return
        limit = self.dialect.max_statement_bytes
        if limit is None:
            self._send(cypher.compact(statement), {"rows": rows, **params})
            return
        text = cypher.compact(statement)
        prepared_params = {k: self.dialect.prepare(v) for k, v in params.items()}
        base = statement_size(text, prepared_params) + len(" rows=[]")
        chunk, size = [], base
        for row in rows:
            encoded = _escaped_json(row)
            row_size = len(encoded.encode("utf-8")) + _ROW_SLACK
            if base + row_size > limit:
                if oversize is None:
                    raise StoreError(
                        f"a row of {row_size} bytes does not fit this server's limit of {limit} "
                        "bytes per statement"
                    )
                oversize(self, row, limit - base - _ROW_SLACK)
                continue
            if chunk and size + row_size > limit:
                self._send(text, {"rows": chunk, **prepared_params})
                chunk, size = [], base
            chunk.append(json.loads(encoded))
            size += row_size
        if chunk:
            self._send(text, {"rows": chunk, **prepared_params})


def evidence_row(evidence: dict) -> list:
    """An evidence row as the loader sends it: ``[id, EVIDENCE_PROPERTIES...]`` (see EVIDENCE_MERGE)."""
    properties = evidence["properties"]
    return [evidence["id"]] + [properties.get(name) for name in EVIDENCE_PROPERTIES]


def _long_evidence(statements: _Statements, row: list, room: int) -> None:
    """Write an evidence row whose sentence is too long for one statement, in parts."""
    sentence = row[SENTENCE] or ""
    head = list(row)
    head[SENTENCE] = ""
    head_room = room - len(_escaped_json(head).encode("utf-8"))
    append_room = statements.dialect.max_statement_bytes - statement_size(
        cypher.compact(cypher.EVIDENCE_SENTENCE_APPEND), {"id": row[0], "part": ""}) - _ROW_SLACK
    if head_room < 64 or append_room < 64:
        raise StoreError(f"evidence {row[0]} does not fit this server's statement limit")
    parts, rest, first = [], sentence, True
    while rest or first:
        budget = (head_room if first else append_room) // 4  # worst case: escapes, UTF-8
        parts.append(rest[:budget])
        rest, first = rest[budget:], False
    head[SENTENCE] = parts[0]
    statements.run_rows(cypher.EVIDENCE_MERGE, [head])
    for part in parts[1:]:
        statements.run(cypher.EVIDENCE_SENTENCE_APPEND, id=row[0], part=part)


def _split_evidence_ids(edges: Iterable[EdgeRow], room: int | None) -> Iterator[dict]:
    """Edge rows for the relationship statement; evidence lists split to fit ``room`` bytes."""
    for edge in edges:
        ids = list(edge.evidence)
        row = {"source": edge.source, "target": edge.target, "key": edge.key, "evidence": ids}
        if room is None:
            yield row
            continue
        fixed = len(_escaped_json(dict(row, evidence=[])).encode("utf-8")) + _ROW_SLACK + 8
        step = max(1, (room - fixed) // 26)  # an id takes 24 bytes in a list
        for start in range(0, len(ids), step):
            yield dict(row, evidence=ids[start : start + step])


class Neo4jStore:
    """A graph in Neo4j (or another Bolt server), written in batches and queried with Cypher."""

    backend = "neo4j"

    def __init__(
        self,
        uri: str,
        user: str = "neo4j",
        password: str = "",
        database: str | None = None,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_retries: int = 5,
        retry_delay: float = 0.5,
        connection_timeout: float = 15.0,
        driver=None,
        dialect: Dialect | None = None,
    ):
        if batch_size < 1:
            raise StoreError("batch size must be at least 1")
        self.uri, self.user, self.database = uri, user, database or None
        self.batch_size, self.max_retries, self.retry_delay = batch_size, max_retries, retry_delay
        self.retries = 0
        quiet_driver_logs()
        self._owns_driver = driver is None
        if driver is None:
            check_uri(uri)
            neo4j = _neo4j()
            try:
                driver = neo4j.GraphDatabase.driver(
                    uri, auth=(user, password), connection_timeout=connection_timeout,
                    max_transaction_retry_time=0, user_agent="graphkit",
                )
            except (neo4j.exceptions.DriverError, ValueError) as exc:
                raise StoreError(f"cannot connect to {uri}: {_error_text(exc)}") from None
        self.driver = driver
        try:
            self._connect()
            self.dialect = dialect or self._probe()
        except BaseException:
            self.close()
            raise

    @property
    def target(self) -> str:
        return self.uri + (f" (database {self.database})" if self.database else "")

    # -- connection

    def _connect(self) -> None:
        neo4j = _neo4j()
        try:
            self.driver.verify_connectivity()
        except neo4j.exceptions.ServiceUnavailable as exc:
            raise translate_error(exc, self.uri, self.user, self.database, "connecting") from None
        except neo4j.exceptions.Neo4jError as exc:
            # the connection opened but the login did not: FalkorDB answers a wrong
            # password with a bare DatabaseError, Neo4j with an AuthError
            if isinstance(exc, neo4j.exceptions.AuthError) or not getattr(exc, "code", "").startswith(
                    "Neo.ClientError.Database"):
                raise StoreError(
                    f"{self.uri} refused the login of user {self.user!r} "
                    f"(check the user and password): {_error_text(exc)}"
                ) from None
            raise translate_error(exc, self.uri, self.user, self.database, "connecting") from None
        except neo4j.exceptions.DriverError as exc:
            raise translate_error(exc, self.uri, self.user, self.database, "connecting") from None

    def _probe(self) -> Dialect:
        """Check the database answers, and how it takes string parameters."""
        records = self._transaction(
            lambda tx: list(tx.run(cypher.PROBE, probe=PROBE_VALUE)), "opening the database",
            write=False,
        )
        echoed = records[0]["probe"] if records else None
        return TEXT_PARAMETERS if echoed == "'" else NEO4J

    def _transaction(self, work: Callable, during: str, write: bool = True):
        """Run ``work(tx)`` in one transaction; retry transient failures with backoff."""
        neo4j = _neo4j()
        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        attempt = 0
        while True:
            try:
                with self.driver.session(database=self.database, default_access_mode=mode) as session:
                    tx = session.begin_transaction()
                    try:
                        result = work(tx)
                        tx.commit()
                    finally:
                        tx.close()
                    return result
            except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
                if not _retryable(exc) or attempt >= self.max_retries:
                    raise translate_error(exc, self.uri, self.user, self.database, during) from None
                attempt += 1
                self.retries += 1
                time.sleep(self.retry_delay * 2 ** (attempt - 1) * random.uniform(0.75, 1.25))

    # -- schema

    def apply_schema(self) -> list[str]:
        """Apply cypher/schema.cypher; return notices for what the server does not support."""
        indexed, listed = None, False
        notices = []
        for statement in cypher.schema_statements():
            fallback = cypher.schema_fallback(statement)
            try:
                self._transaction(lambda tx, s=statement: _Statements(tx, self.dialect).run(s),
                                  "creating the schema")
                continue
            except StoreError as exc:
                failure = str(exc)
            if fallback is None:
                notices.append(f"skipped a schema statement the server refused: {statement} ({failure})")
                continue
            index, label, prop, is_constraint = fallback
            if not listed:  # only a server that refused something is asked for its indexes
                indexed, listed = self._existing_indexes(), True
            if indexed is None or (label, prop) not in indexed:
                try:
                    self._transaction(lambda tx: _Statements(tx, self.dialect).run(index),
                                      "creating an index")
                except StoreError:
                    notices.append(f"skipped a schema statement the server refused: {statement}")
                    continue
                if indexed is not None:
                    indexed.add((label, prop))
            if is_constraint:
                notices.append(f"this server does not support uniqueness constraints; "
                               f":{label}({prop}) has a plain index instead")
        return notices

    def _existing_indexes(self) -> set[tuple[str, str]] | None:
        """(label, property) pairs with an index, where the server lists them with db.indexes()."""
        try:
            records = self._transaction(
                lambda tx: list(tx.run("CALL db.indexes() YIELD label, properties "
                                       "RETURN label, properties")), "listing indexes", write=False)
        except StoreError:
            return None
        return {(r["label"], p) for r in records for p in (r["properties"] or [])}

    # -- writing

    def write(self, graph: nx.MultiDiGraph,
              progress: Callable[[int, int], None] | None = None) -> LoadReport:
        """Load ``graph``: schema, actors, documents, then evidence and relationships in batches."""
        started = time.perf_counter()
        retries_before = self.retries
        rows = GraphRows.from_graph(graph)
        notices = self.apply_schema()
        totals = {"statements": 0, "nodes": 0, "relationships": 0}

        def add(statements: _Statements) -> None:
            totals["statements"] += statements.statements
            totals["nodes"] += statements.nodes_created
            totals["relationships"] += statements.relationships_created

        for start in range(0, len(rows.actors), self.batch_size):
            add(self._write_nodes(cypher.ACTORS_MERGE, rows.actors[start : start + self.batch_size],
                                  "loading actors"))
        for start in range(0, len(rows.documents), self.batch_size):
            add(self._write_nodes(cypher.DOCUMENTS_MERGE,
                                  rows.documents[start : start + self.batch_size],
                                  "loading documents"))
        batches = plan_batches(rows, self.batch_size)
        for done, batch in enumerate(batches, 1):
            add(self._load_batch(batch))
            if progress:
                progress(done, len(batches))
        plain: dict[str, list[dict]] = {}
        for edge in rows.plain_edges:
            plain.setdefault(edge.relation, []).append(
                {"source": edge.source, "target": edge.target, "properties": edge.properties})
        for relation, edge_rows in sorted(plain.items()):
            for start in range(0, len(edge_rows), self.batch_size):
                add(self._write_nodes(cypher.plain_relationship_merge(relation),
                                      edge_rows[start : start + self.batch_size],
                                      "loading relationships"))
        return LoadReport(
            backend=self.backend, target=self.target, actors=len(rows.actors),
            documents=len(rows.document_ids()), evidence=len(rows.evidence),
            relationships=rows.relationships, seconds=time.perf_counter() - started,
            notices=tuple(notices), batches=len(batches), statements=totals["statements"],
            retries=self.retries - retries_before, nodes_created=totals["nodes"],
            relationships_created=totals["relationships"],
        )

    def _write_nodes(self, statement: str, rows: list[dict], during: str) -> _Statements:
        def work(tx):
            statements = _Statements(tx, self.dialect)
            statements.run_rows(statement, rows)
            return statements

        return self._transaction(work, during)

    def _load_batch(self, batch: _Batch) -> _Statements:
        """One transaction: the batch's evidence, then its relationships with fresh aggregates."""
        from graphkit.types import relation_vocabulary

        vocabulary = relation_vocabulary()
        by_relation: dict[str, list[EdgeRow]] = {}
        for edge in batch.edges:
            by_relation.setdefault(edge.relation, []).append(edge)

        def work(tx):
            statements = _Statements(tx, self.dialect)
            statements.run_rows(cypher.EVIDENCE_MERGE, [evidence_row(e) for e in batch.evidence],
                                oversize=_long_evidence)
            for relation, edges in sorted(by_relation.items()):
                rel = vocabulary[relation]
                statement = cypher.event_relationship_merge(relation)
                params = dict(relation=relation, polarity=rel.polarity, weight=rel.weight,
                              symmetric=rel.symmetric)
                room = None
                if self.dialect.max_statement_bytes is not None:
                    room = self.dialect.max_statement_bytes - statement_size(
                        cypher.compact(statement), {k: self.dialect.prepare(v)
                                                    for k, v in params.items()})
                statements.run_rows(statement, list(_split_evidence_ids(edges, room)), **params)
            return statements

        return self._transaction(work, "loading evidence")

    # -- reading

    def query(self, cypher_text: str, params: dict | None = None) -> QueryRows:
        """Run a read-only query; rows of plain Python values."""

        def work(tx):
            statements = _Statements(tx, self.dialect)
            records = statements.run(cypher_text, **(params or {}))
            columns = statements.last_keys
            return columns, [{k: plain_value(v) for k, v in r.items()} for r in records]

        columns, rows = self._transaction(work, "running the query", write=False)
        return QueryRows(rows, columns)

    def counts(self) -> dict[str, int]:
        """Nodes by label and actor-to-actor relationships: a quick look at what is stored."""
        result = {}
        for key, statement in (
            ("actors", "MATCH (n:Actor) RETURN count(n) AS n"),
            ("documents", "MATCH (n:Document) RETURN count(n) AS n"),
            ("evidence", "MATCH (n:Evidence) RETURN count(n) AS n"),
            ("relationships", "MATCH (:Actor)-[r]->(:Actor) RETURN count(r) AS n"),
        ):
            result[key] = self.query(statement)[0]["n"]
        return result

    def clear(self, batch_size: int = 10000) -> int:
        """Delete every Actor, Document and Evidence node (and their relationships)."""
        deleted = 0
        while True:
            n = self._transaction(
                lambda tx: _Statements(tx, self.dialect).run(cypher.CLEAR_BATCH, limit=batch_size),
                "clearing the graph")[0]["deleted"]
            deleted += n
            if n < batch_size:
                return deleted

    def close(self) -> None:
        if self._owns_driver and self.driver is not None:
            self.driver.close()
        self.driver = None

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def load_graph(
    graph: nx.MultiDiGraph,
    uri: str,
    user: str = "neo4j",
    password: str = "",
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> LoadReport:
    """Load a graph into Neo4j over Bolt (idempotent and incremental); see the module doc."""
    with Neo4jStore(uri, user, password, database, batch_size=batch_size) as store:
        return store.write(graph, progress=progress)
