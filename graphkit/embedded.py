"""An embedded, read-only Cypher engine over the graph.json property graph.

``graphkit query --graph graph.json`` runs the query library without a
server. The graph is first put in the same property-graph model the Neo4j
store writes (``GraphRows``: Actor, Document and Evidence nodes, typed
actor-to-actor relationships with aggregates derived from their evidence), so
a query gives the same rows on both.

The engine covers the subset the library uses, with Neo4j 5 semantics:
MATCH / OPTIONAL MATCH with labels, relationship types (``:A|B``), property
maps, directions, variable-length relationships with bounds and named paths;
WHERE; WITH; UNWIND; RETURN with aliases and DISTINCT; ORDER BY, SKIP,
LIMIT; UNION; aggregates (count, sum, avg, min, max, collect, with DISTINCT);
CASE, list comprehensions, ``all/any/none/single``, ``reduce``; parameters;
null-aware comparisons; and the common scalar, list and string functions.
Write clauses and procedures are refused with a clear error.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

import networkx as nx

from graphkit.errors import StoreError
from graphkit.store import GraphRows, aggregate_evidence


class CypherError(StoreError):
    """A query the embedded engine cannot parse or run."""


# ---------------------------------------------------------------- the property graph


class Node:
    __slots__ = ("labels", "properties")

    def __init__(self, labels, properties):
        self.labels, self.properties = tuple(labels), properties


class Relationship:
    __slots__ = ("type", "start", "end", "properties")

    def __init__(self, rel_type, start, end, properties):
        self.type, self.start, self.end, self.properties = rel_type, start, end, properties


class Path:
    __slots__ = ("nodes", "relationships")

    def __init__(self, nodes, relationships):
        self.nodes, self.relationships = list(nodes), list(relationships)


class PropertyGraph:
    """Nodes with labels and relationships with types, indexed for matching."""

    def __init__(self):
        self.nodes: list[Node] = []
        self.by_label: dict[str, list[Node]] = defaultdict(list)
        # node -> relationship type -> relationships
        self.outgoing: dict[Node, dict[str, list[Relationship]]] = defaultdict(lambda: defaultdict(list))
        self.incoming: dict[Node, dict[str, list[Relationship]]] = defaultdict(lambda: defaultdict(list))

    def add_node(self, labels, properties) -> Node:
        node = Node(labels, {k: v for k, v in properties.items() if v is not None})
        self.nodes.append(node)
        for label in node.labels:
            self.by_label[label].append(node)
        return node

    def add_relationship(self, rel_type, start, end, properties) -> Relationship:
        rel = Relationship(rel_type, start, end, {k: v for k, v in properties.items() if v is not None})
        self.outgoing[start][rel_type].append(rel)
        self.incoming[end][rel_type].append(rel)
        return rel

    @classmethod
    def from_rows(cls, rows: GraphRows) -> "PropertyGraph":
        from graphkit.types import relation_vocabulary

        vocabulary = relation_vocabulary()
        graph = cls()
        actors = {a["id"]: graph.add_node(("Actor",), a) for a in rows.actors}
        documents = {d["id"]: graph.add_node(("Document",), d) for d in rows.documents}
        evidence = {}
        for row in rows.evidence:
            doc = row["properties"]["doc"]
            if doc not in documents:
                documents[doc] = graph.add_node(("Document",), {"id": doc})
            node = graph.add_node(("Evidence",), {"id": row["id"], **row["properties"]})
            graph.add_relationship("IN", node, documents[doc], {})
            evidence[row["id"]] = (node, row["properties"])
        for edge in rows.event_edges:
            source, target = actors[edge.source], actors[edge.target]
            rel = vocabulary[edge.relation]
            items = []
            for evidence_id in dict.fromkeys(edge.evidence):
                node, properties = evidence[evidence_id]
                node.properties["edge"] = edge.key
                graph.add_relationship("SOURCE", node, source, {})
                graph.add_relationship("TARGET", node, target, {})
                items.append(properties)
            graph.add_relationship(edge.relation, source, target, {
                "polarity": rel.polarity, "weight": rel.weight, "symmetric": rel.symmetric,
                **aggregate_evidence(items)})
        for edge in rows.plain_edges:
            graph.add_relationship(edge.relation, actors[edge.source], actors[edge.target],
                                   edge.properties)
        return graph


# ---------------------------------------------------------------- lexer

_TOKEN = re.compile(r"""
    (?P<space>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<float>\d+\.\d+(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+|\.\d+)
  | (?P<int>0x[0-9a-fA-F]+|\d+)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<qname>`(?:[^`]|``)*`)
  | (?P<param>\$(?:[A-Za-z_][A-Za-z0-9_]*|\d+))
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<sym><>|!=|<=|>=|=~|\.\.|[-+*/%^=<>(){}\[\]:,.|;])
""", re.VERBOSE | re.DOTALL)

_ESCAPES = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}


class Token:
    __slots__ = ("kind", "value", "start", "end")

    def __init__(self, kind, value, start, end):
        self.kind, self.value, self.start, self.end = kind, value, start, end

    def keyword(self, *words) -> bool:
        return self.kind == "name" and self.value.upper() in words


def _unescape(body: str) -> str:
    out, i = [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt == "u" and i + 5 < len(body) + 1:
                out.append(chr(int(body[i + 2 : i + 6], 16)))
                i += 6
                continue
            out.append(_ESCAPES.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def tokenize(text: str) -> list[Token]:
    tokens, pos = [], 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match:
            raise CypherError(f"cannot read the query at {_where(text, pos)}: {text[pos:pos + 20]!r}")
        kind, value = match.lastgroup, match.group()
        if kind == "string":
            tokens.append(Token("string", _unescape(value[1:-1]), pos, match.end()))
        elif kind == "qname":
            tokens.append(Token("qname", value[1:-1].replace("``", "`"), pos, match.end()))
        elif kind == "int":
            tokens.append(Token("int", int(value, 0), pos, match.end()))
        elif kind == "float":
            tokens.append(Token("float", float(value), pos, match.end()))
        elif kind == "param":
            tokens.append(Token("param", value[1:], pos, match.end()))
        elif kind != "space":
            tokens.append(Token(kind, value, pos, match.end()))
        pos = match.end()
    tokens.append(Token("eof", None, len(text), len(text)))
    return tokens


def _where(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {column}"


# ---------------------------------------------------------------- parser

AGGREGATES = {"count", "sum", "avg", "min", "max", "collect"}
_WRITE_CLAUSES = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "LOAD", "CALL",
                  "USE", "DROP", "SHOW", "GRANT", "DENY", "REVOKE", "ALTER", "START", "STOP"}
_CLAUSE_END = {"MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "UNWIND", "ORDER", "SKIP",
               "LIMIT", "UNION"} | _WRITE_CLAUSES


class NodePattern:
    __slots__ = ("var", "labels", "properties")

    def __init__(self, var, labels, properties):
        self.var, self.labels, self.properties = var, labels, properties


class RelPattern:
    __slots__ = ("var", "types", "properties", "direction", "length")

    def __init__(self, var, types, properties, direction, length):
        self.var, self.types, self.properties = var, types, properties
        self.direction, self.length = direction, length  # length: None or (min, max)


class PathPattern:
    __slots__ = ("var", "elements")

    def __init__(self, var, elements):
        self.var, self.elements = var, elements


class Item:
    __slots__ = ("expr", "name")

    def __init__(self, expr, name):
        self.expr, self.name = expr, name


class Projection:
    __slots__ = ("kind", "items", "star", "distinct", "order", "skip", "limit", "where")

    def __init__(self, kind):
        self.kind, self.items, self.star, self.distinct = kind, [], False, False
        self.order, self.skip, self.limit, self.where = [], None, None, None


class Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self._anonymous = 0

    # -- token helpers

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def peek(self, n=1) -> Token:
        return self.tokens[min(self.i + n, len(self.tokens) - 1)]

    def advance(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def error(self, message: str) -> CypherError:
        tok = self.tok
        found = "the end of the query" if tok.kind == "eof" else repr(self.text[tok.start:tok.end])
        return CypherError(f"{message} at {_where(self.text, tok.start)} (found {found})")

    def sym(self, value) -> bool:
        return self.tok.kind == "sym" and self.tok.value == value

    def expect_sym(self, value) -> Token:
        if not self.sym(value):
            raise self.error(f"expected {value!r}")
        return self.advance()

    def keyword(self, *words) -> bool:
        return self.tok.keyword(*words)

    def expect_keyword(self, word) -> Token:
        if not self.keyword(word):
            raise self.error(f"expected {word}")
        return self.advance()

    def name(self) -> str:
        if self.tok.kind in ("name", "qname"):
            return self.advance().value
        raise self.error("expected a name")

    def anonymous(self) -> str:
        self._anonymous += 1
        return f"  anon{self._anonymous}"

    # -- query structure

    def parse(self):
        parts, all_flags = [self.single_query()], []
        while self.keyword("UNION"):
            self.advance()
            all_flags.append(bool(self.keyword("ALL")) and bool(self.advance()))
            parts.append(self.single_query())
        while self.sym(";"):
            self.advance()
        if self.tok.kind != "eof":
            raise self.error("unexpected text after the query")
        return parts, all_flags

    def single_query(self):
        clauses = []
        while True:
            tok = self.tok
            if tok.keyword("MATCH"):
                self.advance()
                clauses.append(self.match_clause(False))
            elif tok.keyword("OPTIONAL"):
                self.advance()
                self.expect_keyword("MATCH")
                clauses.append(self.match_clause(True))
            elif tok.keyword("UNWIND"):
                self.advance()
                expr = self.expression()
                self.expect_keyword("AS")
                clauses.append(("unwind", expr, self.name()))
            elif tok.keyword("WITH"):
                self.advance()
                clauses.append(("with", self.projection("with")))
            elif tok.keyword("RETURN"):
                self.advance()
                clauses.append(("return", self.projection("return")))
                return clauses
            elif tok.kind == "name" and tok.value.upper() in _WRITE_CLAUSES:
                raise CypherError(
                    f"the embedded engine runs read-only queries: {tok.value.upper()} is not "
                    f"supported ({_where(self.text, tok.start)}); use a Neo4j server for it")
            elif tok.kind == "eof":
                raise self.error("a query must end with RETURN")
            else:
                raise self.error("expected MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN")

    def match_clause(self, optional: bool):
        patterns = [self.path_pattern()]
        while self.sym(","):
            self.advance()
            patterns.append(self.path_pattern())
        where = None
        if self.keyword("WHERE"):
            self.advance()
            where = self.expression()
        return ("match", optional, patterns, where)

    def projection(self, kind: str) -> Projection:
        proj = Projection(kind)
        if self.keyword("DISTINCT"):
            self.advance()
            proj.distinct = True
        if self.sym("*"):
            self.advance()
            proj.star = True
            if self.sym(","):
                self.advance()
            else:
                return self._projection_tail(proj)
        while True:
            start = self.tok.start
            expr = self.expression()
            end = self.tokens[self.i - 1].end
            if self.keyword("AS"):
                self.advance()
                name = self.name()
            else:
                name = self.text[start:end].strip()
                if kind == "with" and expr[0] != "var":
                    raise CypherError(
                        f"an expression in WITH must be aliased with AS ({_where(self.text, start)})")
            proj.items.append(Item(expr, name))
            if not self.sym(","):
                break
            self.advance()
        return self._projection_tail(proj)

    def _projection_tail(self, proj: Projection) -> Projection:
        if self.keyword("ORDER"):
            self.advance()
            self.expect_keyword("BY")
            while True:
                expr = self.expression()
                descending = False
                if self.keyword("DESC", "DESCENDING"):
                    self.advance()
                    descending = True
                elif self.keyword("ASC", "ASCENDING"):
                    self.advance()
                proj.order.append((expr, descending))
                if not self.sym(","):
                    break
                self.advance()
        if self.keyword("SKIP"):
            self.advance()
            proj.skip = self.expression()
        if self.keyword("LIMIT"):
            self.advance()
            proj.limit = self.expression()
        if proj.kind == "with" and self.keyword("WHERE"):
            self.advance()
            proj.where = self.expression()
        return proj

    # -- patterns

    def path_pattern(self) -> PathPattern:
        var = None
        if self.tok.kind in ("name", "qname") and self.peek().kind == "sym" and self.peek().value == "=":
            var = self.name()
            self.advance()
        if self.tok.kind == "name" and self.tok.value.lower() in ("shortestpath", "allshortestpaths"):
            raise self.error("shortestPath is not supported by the embedded engine; "
                             "use a bounded variable-length pattern")
        elements = [self.node_pattern()]
        while self.sym("-") or self.sym("<"):
            elements.append(self.rel_pattern())
            elements.append(self.node_pattern())
        return PathPattern(var, elements)

    def node_pattern(self) -> NodePattern:
        self.expect_sym("(")
        var = self.name() if self.tok.kind in ("name", "qname") else None
        labels = []
        while self.sym(":"):
            self.advance()
            labels.append(self.name())
        properties = self.map_literal() if self.sym("{") else None
        self.expect_sym(")")
        return NodePattern(var, labels, properties)

    def rel_pattern(self) -> RelPattern:
        left = False
        if self.sym("<"):
            self.advance()
            left = True
        self.expect_sym("-")
        var, types, properties, length = None, [], None, None
        if self.sym("["):
            self.advance()
            if self.tok.kind in ("name", "qname"):
                var = self.name()
            if self.sym(":"):
                self.advance()
                types.append(self.name())
                while self.sym("|"):
                    self.advance()
                    if self.sym(":"):
                        self.advance()
                    types.append(self.name())
            if self.sym("*"):
                self.advance()
                low, high = 1, None
                if self.tok.kind == "int":
                    low = high = self.advance().value
                if self.sym(".."):
                    self.advance()
                    high = self.advance().value if self.tok.kind == "int" else None
                length = (low, high)
            if self.sym("{"):
                properties = self.map_literal()
            self.expect_sym("]")
        self.expect_sym("-")
        right = False
        if self.sym(">"):
            self.advance()
            right = True
        if left and right:
            raise self.error("a relationship cannot point both ways")
        direction = "in" if left else "out" if right else "both"
        return RelPattern(var, types, properties, direction, length)

    def map_literal(self):
        self.expect_sym("{")
        entries = []
        while not self.sym("}"):
            key = self.name()
            self.expect_sym(":")
            entries.append((key, self.expression()))
            if not self.sym(","):
                break
            self.advance()
        self.expect_sym("}")
        return entries

    # -- expressions

    def expression(self):
        return self.or_expr()

    def or_expr(self):
        left = self.xor_expr()
        while self.keyword("OR"):
            self.advance()
            left = ("or", left, self.xor_expr())
        return left

    def xor_expr(self):
        left = self.and_expr()
        while self.keyword("XOR"):
            self.advance()
            left = ("xor", left, self.and_expr())
        return left

    def and_expr(self):
        left = self.not_expr()
        while self.keyword("AND"):
            self.advance()
            left = ("and", left, self.not_expr())
        return left

    def not_expr(self):
        if self.keyword("NOT"):
            self.advance()
            return ("not", self.not_expr())
        return self.comparison()

    def comparison(self):
        left = self.additive()
        while True:
            tok = self.tok
            if tok.kind == "sym" and tok.value in ("=", "<>", "!=", "<", ">", "<=", ">=", "=~"):
                self.advance()
                op = "<>" if tok.value == "!=" else tok.value
                left = ("cmp", op, left, self.additive())
            elif tok.keyword("IN"):
                self.advance()
                left = ("in", left, self.additive())
            elif tok.keyword("STARTS", "ENDS"):
                self.advance()
                self.expect_keyword("WITH")
                left = ("str", tok.value.upper(), left, self.additive())
            elif tok.keyword("CONTAINS"):
                self.advance()
                left = ("str", "CONTAINS", left, self.additive())
            elif tok.keyword("IS"):
                self.advance()
                negate = False
                if self.keyword("NOT"):
                    self.advance()
                    negate = True
                self.expect_keyword("NULL")
                left = ("isnull", left, negate)
            else:
                return left

    def additive(self):
        left = self.multiplicative()
        while self.tok.kind == "sym" and self.tok.value in ("+", "-"):
            op = self.advance().value
            left = ("arith", op, left, self.multiplicative())
        return left

    def multiplicative(self):
        left = self.power()
        while self.tok.kind == "sym" and self.tok.value in ("*", "/", "%"):
            op = self.advance().value
            left = ("arith", op, left, self.power())
        return left

    def power(self):
        left = self.unary()
        while self.sym("^"):
            self.advance()
            left = ("arith", "^", left, self.unary())
        return left

    def unary(self):
        if self.sym("-"):
            self.advance()
            return ("neg", self.unary())
        if self.sym("+"):
            self.advance()
            return self.unary()
        return self.postfix(self.atom())

    def postfix(self, expr):
        while True:
            if self.sym("."):
                self.advance()
                expr = ("prop", expr, self.name())
            elif self.sym("["):
                self.advance()
                start = None if self.sym("..") else self.expression()
                if self.sym(".."):
                    self.advance()
                    end = None if self.sym("]") else self.expression()
                    self.expect_sym("]")
                    expr = ("slice", expr, start, end)
                else:
                    self.expect_sym("]")
                    expr = ("index", expr, start)
            elif self.sym(":") and self.peek().kind in ("name", "qname") and expr[0] == "var":
                labels = []
                while self.sym(":"):
                    self.advance()
                    labels.append(self.name())
                expr = ("haslabels", expr, labels)
            else:
                return expr

    def atom(self):
        tok = self.tok
        if tok.kind in ("int", "float", "string"):
            self.advance()
            return ("lit", tok.value)
        if tok.kind == "param":
            self.advance()
            return ("param", tok.value)
        if tok.kind == "qname":
            self.advance()
            return ("var", tok.value)
        if tok.kind == "sym":
            if tok.value == "(":
                self.advance()
                expr = self.expression()
                self.expect_sym(")")
                return expr
            if tok.value == "[":
                return self.list_expression()
            if tok.value == "{":
                return ("map", self.map_literal())
            raise self.error("expected an expression")
        if tok.kind == "name":
            word = tok.value.upper()
            if word in ("TRUE", "FALSE"):
                self.advance()
                return ("lit", word == "TRUE")
            if word == "NULL":
                self.advance()
                return ("lit", None)
            if word == "CASE":
                return self.case_expression()
            if self.peek().kind == "sym" and self.peek().value == "(":
                return self.function_call()
            if word in _CLAUSE_END or word in ("AS", "AND", "OR", "XOR", "NOT", "IN"):
                raise self.error("expected an expression")
            self.advance()
            return ("var", tok.value)
        raise self.error("expected an expression")

    def list_expression(self):
        self.expect_sym("[")
        if (self.tok.kind in ("name", "qname") and self.peek().keyword("IN")):
            var = self.name()
            self.advance()
            source = self.expression()
            where = proj = None
            if self.keyword("WHERE"):
                self.advance()
                where = self.expression()
            if self.sym("|"):
                self.advance()
                proj = self.expression()
            self.expect_sym("]")
            return ("listcomp", var, source, where, proj)
        items = []
        while not self.sym("]"):
            items.append(self.expression())
            if not self.sym(","):
                break
            self.advance()
        self.expect_sym("]")
        return ("list", items)

    def case_expression(self):
        self.advance()
        subject = None if self.keyword("WHEN") else self.expression()
        branches = []
        while self.keyword("WHEN"):
            self.advance()
            when = self.expression()
            self.expect_keyword("THEN")
            branches.append((when, self.expression()))
        default = None
        if self.keyword("ELSE"):
            self.advance()
            default = self.expression()
        self.expect_keyword("END")
        if not branches:
            raise self.error("CASE needs at least one WHEN")
        return ("case", subject, branches, default)

    def function_call(self):
        name = self.advance().value.lower()
        self.expect_sym("(")
        if name in ("all", "any", "none", "single"):
            var = self.name()
            self.expect_keyword("IN")
            source = self.expression()
            self.expect_keyword("WHERE")
            where = self.expression()
            self.expect_sym(")")
            return ("quant", name, var, source, where)
        if name == "reduce":
            acc = self.name()
            self.expect_sym("=")
            init = self.expression()
            self.expect_sym(",")
            var = self.name()
            self.expect_keyword("IN")
            source = self.expression()
            self.expect_sym("|")
            body = self.expression()
            self.expect_sym(")")
            return ("reduce", acc, init, var, source, body)
        if name in ("shortestpath", "allshortestpaths", "exists"):
            raise self.error(f"{name}() is not supported by the embedded engine")
        distinct = False
        if self.keyword("DISTINCT"):
            self.advance()
            distinct = True
        if name == "count" and self.sym("*"):
            self.advance()
            self.expect_sym(")")
            return ("agg", "count", False, None)
        args = []
        while not self.sym(")"):
            args.append(self.expression())
            if not self.sym(","):
                break
            self.advance()
        self.expect_sym(")")
        if name in AGGREGATES:
            if len(args) != 1:
                raise CypherError(f"{name}() takes one argument")
            return ("agg", name, distinct, args[0])
        if name not in FUNCTIONS:
            raise CypherError(f"unknown function {name}() (the embedded engine supports: "
                              f"{', '.join(sorted(FUNCTIONS | AGGREGATES))})")
        return ("call", name, args)


# ---------------------------------------------------------------- values and comparison

_TYPE_RANK = {dict: 0, Node: 1, Relationship: 2, list: 3, Path: 4, str: 5, bool: 6}


def _rank(value) -> int:
    if value is None:
        return 9
    if isinstance(value, bool):
        return 6
    if isinstance(value, (int, float)):
        return 7
    return _TYPE_RANK.get(type(value), 8)


def order_key(value):
    """Neo4j's total order for ORDER BY: maps, nodes, rels, lists, paths, strings, booleans, numbers, null."""
    rank = _rank(value)
    if rank == 7:
        return (7, (1, 0) if isinstance(value, float) and math.isnan(value) else (0, value))
    if rank == 3:
        return (3, tuple(order_key(v) for v in value))
    if rank in (5, 6):
        return (rank, value)
    if rank == 0:
        return (0, tuple(sorted((k, order_key(v)) for k, v in value.items())))
    if rank == 4:
        return (4, tuple(id(x) for x in value.nodes))
    if rank == 9:
        return (9, 0)
    return (rank, id(value))


def group_key(value):
    """A hashable stand-in for a value, equal where Cypher's DISTINCT sees equal values."""
    if value is None:
        return ("null",)
    if isinstance(value, bool):
        return ("b", value)
    if isinstance(value, (int, float)):
        return ("n", value)
    if isinstance(value, str):
        return ("s", value)
    if isinstance(value, list):
        return ("l", tuple(group_key(v) for v in value))
    if isinstance(value, dict):
        return ("m", tuple(sorted((k, group_key(v)) for k, v in value.items())))
    if isinstance(value, Path):
        return ("p", tuple(id(n) for n in value.nodes), tuple(id(r) for r in value.relationships))
    return ("e", id(value))


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def cypher_equals(a, b):
    if a is None or b is None:
        return None
    if _is_number(a) and _is_number(b):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return False
        result = True
        for x, y in zip(a, b):
            eq = cypher_equals(x, y)
            if eq is False:
                return False
            if eq is None:
                result = None
        return result
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            return False
        return cypher_equals([a[k] for k in sorted(a)], [b[k] for k in sorted(b)])
    if type(a) is not type(b):
        return False
    if isinstance(a, (Node, Relationship)):
        return a is b
    if isinstance(a, Path):
        return a.nodes == b.nodes and a.relationships == b.relationships
    return a == b


def cypher_compare(op: str, a, b):
    if op == "=":
        return cypher_equals(a, b)
    if op == "<>":
        eq = cypher_equals(a, b)
        return None if eq is None else not eq
    if a is None or b is None:
        return None
    comparable = ((_is_number(a) and _is_number(b)) or (isinstance(a, str) and isinstance(b, str))
                  or (isinstance(a, bool) and isinstance(b, bool)))
    if isinstance(a, list) and isinstance(b, list):
        return cypher_compare(op, order_key(a), order_key(b)) if a and b else None
    if not comparable:
        if isinstance(a, tuple) and isinstance(b, tuple):
            comparable = True
        else:
            return None
    if op == "<":
        return a < b
    if op == ">":
        return a > b
    if op == "<=":
        return a <= b
    return a >= b


def _truth(value):
    if value is None or isinstance(value, bool):
        return value
    raise CypherError(f"expected a boolean, got {type_name(value)} {value!r}")


def type_name(value) -> str:
    return {Node: "a node", Relationship: "a relationship", Path: "a path", list: "a list",
            dict: "a map", str: "a string", bool: "a boolean"}.get(
        type(value), "a number" if _is_number(value) else "null" if value is None else "a value")


def _half_up(value: float, digits: int = 0) -> float:
    if math.isnan(value) or math.isinf(value):
        return value
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def _to_integer(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            try:
                return int(float(value.strip()))
            except ValueError:
                return None
    raise CypherError(f"toInteger() cannot take {type_name(value)}")


def _to_float(value):
    if value is None:
        return None
    if _is_number(value):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    raise CypherError(f"toFloat() cannot take {type_name(value)}")


def _to_string(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else f"{value:.1f}"
    if isinstance(value, (int, str)):
        return str(value)
    raise CypherError(f"toString() cannot take {type_name(value)}")


def _nullsafe(function):
    def wrapper(*args):
        if args and args[0] is None:
            return None
        return function(*args)
    return wrapper


def _length(value):
    if isinstance(value, Path):
        return len(value.relationships)
    if isinstance(value, (list, str)):
        return len(value)
    raise CypherError(f"length() cannot take {type_name(value)}")


def _size(value):
    if isinstance(value, (list, str)):
        return len(value)
    raise CypherError(f"size() cannot take {type_name(value)}")


def _properties(value):
    if isinstance(value, (Node, Relationship)):
        return dict(value.properties)
    if isinstance(value, dict):
        return dict(value)
    raise CypherError(f"properties() cannot take {type_name(value)}")


def _range(start, end, step=1):
    if step == 0:
        raise CypherError("range() step cannot be 0")
    stop = end + (1 if step > 0 else -1)
    return list(range(start, stop, step))


def _substring(text, start, length=None):
    return text[start:] if length is None else text[start : start + length]


def _round(value, digits=None):
    if digits is None:
        return float(math.floor(value + 0.5)) if not (math.isnan(value) or math.isinf(value)) else value
    return _half_up(float(value), int(digits))


FUNCTION_TABLE = {
    "type": _nullsafe(lambda r: r.type),
    "labels": _nullsafe(lambda n: list(n.labels)),
    "keys": _nullsafe(lambda v: list(v.properties) if isinstance(v, (Node, Relationship)) else list(v)),
    "properties": _nullsafe(_properties),
    "startnode": _nullsafe(lambda r: r.start),
    "endnode": _nullsafe(lambda r: r.end),
    "nodes": _nullsafe(lambda p: list(p.nodes)),
    "relationships": _nullsafe(lambda p: list(p.relationships)),
    "length": _nullsafe(_length),
    "size": _nullsafe(_size),
    "head": _nullsafe(lambda xs: xs[0] if xs else None),
    "last": _nullsafe(lambda xs: xs[-1] if xs else None),
    "tail": _nullsafe(lambda xs: xs[1:]),
    "reverse": _nullsafe(lambda xs: xs[::-1]),
    "range": _range,
    "isempty": _nullsafe(lambda xs: len(xs) == 0),
    "tolower": _nullsafe(lambda s: s.lower()),
    "toupper": _nullsafe(lambda s: s.upper()),
    "trim": _nullsafe(lambda s: s.strip()),
    "ltrim": _nullsafe(lambda s: s.lstrip()),
    "rtrim": _nullsafe(lambda s: s.rstrip()),
    "replace": _nullsafe(lambda s, a, b: s.replace(a, b)),
    "split": _nullsafe(lambda s, sep: s.split(sep)),
    "substring": _nullsafe(_substring),
    "left": _nullsafe(lambda s, n: s[:n]),
    "right": _nullsafe(lambda s, n: s[len(s) - n:] if n else ""),
    "tostring": _to_string,
    "tointeger": _to_integer,
    "tofloat": _to_float,
    "toboolean": _nullsafe(lambda v: v if isinstance(v, bool) else
                           {"true": True, "false": False}.get(str(v).strip().lower())),
    "abs": _nullsafe(abs),
    "ceil": _nullsafe(lambda x: float(math.ceil(x))),
    "floor": _nullsafe(lambda x: float(math.floor(x))),
    "round": _nullsafe(_round),
    "sign": _nullsafe(lambda x: (x > 0) - (x < 0)),
    "sqrt": _nullsafe(lambda x: math.sqrt(x) if x >= 0 else float("nan")),
    "exp": _nullsafe(math.exp),
    "log": _nullsafe(lambda x: math.log(x) if x > 0 else float("nan")),
    "log10": _nullsafe(lambda x: math.log10(x) if x > 0 else float("nan")),
}
FUNCTIONS = set(FUNCTION_TABLE) | {"coalesce"}


# ---------------------------------------------------------------- evaluation


class _Group:
    """The rows behind one output row of an aggregating projection."""

    __slots__ = ("rows",)

    def __init__(self, rows):
        self.rows = rows


def has_aggregate(expr) -> bool:
    if not isinstance(expr, tuple):
        return False
    if expr[0] == "agg":
        return True
    return any(has_aggregate(part) for part in _children(expr))


def _children(expr):
    for part in expr[1:]:
        if isinstance(part, tuple):
            yield part
        elif isinstance(part, list):
            for item in part:
                if isinstance(item, tuple):
                    if item and isinstance(item[0], str):
                        yield item
                    else:
                        yield from (x for x in item if isinstance(x, tuple))


def free_variables(expr, bound=frozenset()) -> set[str]:
    """Variables an expression reads (minus those its comprehensions bind)."""
    kind = expr[0]
    if kind == "var":
        return set() if expr[1] in bound else {expr[1]}
    if kind in ("listcomp", "quant"):
        var = expr[1] if kind == "listcomp" else expr[2]
        source = expr[2] if kind == "listcomp" else expr[3]
        inner = bound | {var}
        result = free_variables(source, bound)
        for part in (expr[3:5] if kind == "listcomp" else expr[4:5]):
            if part is not None:
                result |= free_variables(part, inner)
        return result
    if kind == "reduce":
        _, acc, init, var, source, body = expr
        return (free_variables(init, bound) | free_variables(source, bound)
                | free_variables(body, bound | {acc, var}))
    result = set()
    for part in _children(expr):
        result |= free_variables(part, bound)
    return result


def conjuncts(expr) -> list:
    if expr is None:
        return []
    if expr[0] == "and":
        return conjuncts(expr[1]) + conjuncts(expr[2])
    return [expr]


class Evaluator:
    def __init__(self, params: dict):
        self.params = params
        self._methods = {name[1:]: getattr(self, name) for name in dir(self)
                         if name.startswith("_") and not name.startswith("__")}

    def eval(self, expr, row, group: _Group | None = None):
        return self._methods[expr[0]](expr, row, group)

    def test(self, expr, row) -> bool:
        return _truth(self.eval(expr, row)) is True

    def _lit(self, expr, row, group):
        return expr[1]

    def _param(self, expr, row, group):
        if expr[1] not in self.params:
            raise CypherError(f"missing parameter ${expr[1]}")
        return self.params[expr[1]]

    def _var(self, expr, row, group):
        try:
            return row[expr[1]]
        except KeyError:
            raise CypherError(f"variable {expr[1]!r} is not defined") from None

    def _prop(self, expr, row, group):
        value = self.eval(expr[1], row, group)
        if value is None:
            return None
        if isinstance(value, (Node, Relationship)):
            return value.properties.get(expr[2])
        if isinstance(value, dict):
            return value.get(expr[2])
        raise CypherError(f"cannot read property {expr[2]!r} of {type_name(value)}")

    def _index(self, expr, row, group):
        value, index = self.eval(expr[1], row, group), self.eval(expr[2], row, group)
        if value is None or index is None:
            return None
        if isinstance(value, list):
            if not _is_number(index):
                raise CypherError("a list index must be a number")
            index = int(index)
            return value[index] if -len(value) <= index < len(value) else None
        if isinstance(value, (dict, Node, Relationship)):
            props = value if isinstance(value, dict) else value.properties
            return props.get(index)
        raise CypherError(f"cannot index {type_name(value)}")

    def _slice(self, expr, row, group):
        value = self.eval(expr[1], row, group)
        start = self.eval(expr[2], row, group) if expr[2] is not None else None
        end = self.eval(expr[3], row, group) if expr[3] is not None else None
        if value is None or (expr[2] is not None and start is None) or (expr[3] is not None and end is None):
            return None
        return value[start:end]

    def _list(self, expr, row, group):
        return [self.eval(item, row, group) for item in expr[1]]

    def _map(self, expr, row, group):
        return {key: self.eval(value, row, group) for key, value in expr[1]}

    def _haslabels(self, expr, row, group):
        value = self.eval(expr[1], row, group)
        if value is None:
            return None
        if isinstance(value, Node):
            return all(label in value.labels for label in expr[2])
        if isinstance(value, Relationship):
            return all(label == value.type for label in expr[2])
        raise CypherError(f"a label test needs a node, not {type_name(value)}")

    def _and(self, expr, row, group):
        a = _truth(self.eval(expr[1], row, group))
        if a is False:
            return False
        b = _truth(self.eval(expr[2], row, group))
        if b is False:
            return False
        return None if a is None or b is None else True

    def _or(self, expr, row, group):
        a = _truth(self.eval(expr[1], row, group))
        if a is True:
            return True
        b = _truth(self.eval(expr[2], row, group))
        if b is True:
            return True
        return None if a is None or b is None else False

    def _xor(self, expr, row, group):
        a, b = _truth(self.eval(expr[1], row, group)), _truth(self.eval(expr[2], row, group))
        return None if a is None or b is None else a != b

    def _not(self, expr, row, group):
        a = _truth(self.eval(expr[1], row, group))
        return None if a is None else not a

    def _cmp(self, expr, row, group):
        op, a, b = expr[1], self.eval(expr[2], row, group), self.eval(expr[3], row, group)
        if op == "=~":
            if a is None or b is None:
                return None
            if not isinstance(a, str) or not isinstance(b, str):
                return None
            return re.fullmatch(b, a) is not None
        return cypher_compare(op, a, b)

    def _in(self, expr, row, group):
        value, items = self.eval(expr[1], row, group), self.eval(expr[2], row, group)
        if items is None:
            return None
        if not isinstance(items, list):
            raise CypherError(f"IN needs a list, not {type_name(items)}")
        unknown = False
        for item in items:
            eq = cypher_equals(value, item)
            if eq is True:
                return True
            if eq is None:
                unknown = True
        return None if unknown else False

    def _str(self, expr, row, group):
        op, a, b = expr[1], self.eval(expr[2], row, group), self.eval(expr[3], row, group)
        if not isinstance(a, str) or not isinstance(b, str):
            return None
        if op == "STARTS":
            return a.startswith(b)
        if op == "ENDS":
            return a.endswith(b)
        return b in a

    def _isnull(self, expr, row, group):
        is_null = self.eval(expr[1], row, group) is None
        return not is_null if expr[2] else is_null

    def _neg(self, expr, row, group):
        value = self.eval(expr[1], row, group)
        if value is None:
            return None
        if not _is_number(value):
            raise CypherError(f"cannot negate {type_name(value)}")
        return -value

    def _arith(self, expr, row, group):
        op, a, b = expr[1], self.eval(expr[2], row, group), self.eval(expr[3], row, group)
        if a is None or b is None:
            return None
        if op == "+":
            if isinstance(a, list):
                return a + b if isinstance(b, list) else a + [b]
            if isinstance(b, list):
                return [a] + b
            if isinstance(a, str) or isinstance(b, str):
                if isinstance(a, (str, int, float)) and isinstance(b, (str, int, float)) \
                        and not isinstance(a, bool) and not isinstance(b, bool):
                    return _to_string(a) + _to_string(b)
                raise CypherError(f"cannot add {type_name(a)} and {type_name(b)}")
        if not (_is_number(a) and _is_number(b)):
            raise CypherError(f"cannot apply {op} to {type_name(a)} and {type_name(b)}")
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "^":
            return float(a) ** float(b)
        if isinstance(a, int) and isinstance(b, int):
            if b == 0:
                raise CypherError("/ by zero")
            quotient = abs(a) // abs(b)
            if op == "/":
                return quotient if (a >= 0) == (b >= 0) else -quotient
            return int(math.fmod(a, b))
        if op == "/":
            if b == 0:
                return math.copysign(math.inf, a) if a else math.nan
            return a / b
        return math.fmod(a, b) if b else math.nan

    def _case(self, expr, row, group):
        _, subject, branches, default = expr
        if subject is not None:
            value = self.eval(subject, row, group)
            for when, then in branches:
                if cypher_equals(value, self.eval(when, row, group)) is True:
                    return self.eval(then, row, group)
        else:
            for when, then in branches:
                if _truth(self.eval(when, row, group)) is True:
                    return self.eval(then, row, group)
        return self.eval(default, row, group) if default is not None else None

    def _iterate(self, source, row, group):
        items = self.eval(source, row, group)
        if items is None:
            return None
        if not isinstance(items, list):
            raise CypherError(f"expected a list, got {type_name(items)}")
        return items

    def _listcomp(self, expr, row, group):
        _, var, source, where, proj = expr
        items = self._iterate(source, row, group)
        if items is None:
            return None
        out = []
        for item in items:
            scope = dict(row)
            scope[var] = item
            if where is not None and _truth(self.eval(where, scope, group)) is not True:
                continue
            out.append(self.eval(proj, scope, group) if proj is not None else item)
        return out

    def _quant(self, expr, row, group):
        _, kind, var, source, where = expr
        items = self._iterate(source, row, group)
        if items is None:
            return None
        trues = unknowns = 0
        for item in items:
            scope = dict(row)
            scope[var] = item
            value = _truth(self.eval(where, scope, group))
            if value is True:
                trues += 1
            elif value is None:
                unknowns += 1
        falses = len(items) - trues - unknowns
        if kind == "all":
            return False if falses else (None if unknowns else True)
        if kind == "any":
            return True if trues else (None if unknowns else False)
        if kind == "none":
            return False if trues else (None if unknowns else True)
        if trues > 1:
            return False
        return None if unknowns else trues == 1

    def _reduce(self, expr, row, group):
        _, acc, init, var, source, body = expr
        value = self.eval(init, row, group)
        items = self._iterate(source, row, group)
        if items is None:
            return None
        for item in items:
            scope = dict(row)
            scope[acc], scope[var] = value, item
            value = self.eval(body, scope, group)
        return value

    def _call(self, expr, row, group):
        name, args = expr[1], [self.eval(a, row, group) for a in expr[2]]
        if name == "coalesce":
            return next((a for a in args if a is not None), None)
        try:
            return FUNCTION_TABLE[name](*args)
        except CypherError:
            raise
        except (TypeError, ValueError, AttributeError, IndexError, KeyError) as exc:
            raise CypherError(f"{name}() cannot take these arguments: {exc}") from None

    def _agg(self, expr, row, group):
        _, name, distinct, arg = expr
        if group is None:
            raise CypherError(f"{name}() is an aggregate and cannot be used here")
        if arg is None:  # count(*)
            return len(group.rows)
        values = [self.eval(arg, r) for r in group.rows]
        values = [v for v in values if v is not None]
        if distinct:
            seen, unique = set(), []
            for v in values:
                key = group_key(v)
                if key not in seen:
                    seen.add(key)
                    unique.append(v)
            values = unique
        if name == "count":
            return len(values)
        if name == "collect":
            return values
        if name in ("min", "max"):
            if not values:
                return None
            pick = min if name == "min" else max
            return pick(values, key=order_key)
        if any(not _is_number(v) for v in values):
            raise CypherError(f"{name}() needs numbers")
        if name == "sum":
            return sum(values) if values else 0
        return sum(values) / len(values) if values else None


# ---------------------------------------------------------------- matching


class _Matcher:
    """Finds the bindings of one MATCH clause for one input row."""

    def __init__(self, graph: PropertyGraph, evaluator: Evaluator, patterns, where, row):
        self.graph, self.ev, self.patterns = graph, evaluator, patterns
        self.row = row
        new_vars = set()
        for pattern in patterns:
            if pattern.var:
                new_vars.add(pattern.var)
            for element in pattern.elements:
                if element.var and element.var not in row:
                    new_vars.add(element.var)
        self.pending = [(c, free_variables(c) & new_vars) for c in conjuncts(where)]

    @staticmethod
    def all_done(done) -> bool:
        return all(done)

    def run(self):
        binding = dict(self.row)
        done = self._ready(binding, [False] * len(self.pending))
        if done is not None:
            yield from self._patterns(0, binding, frozenset(), done)

    def _ready(self, binding, done):
        """Evaluate the WHERE conjuncts whose variables are all bound; None if one fails."""
        if self.all_done(done):
            return done
        newly = []
        for i, (conjunct, needs) in enumerate(self.pending):
            if not done[i] and all(v in binding for v in needs):
                if _truth(self.ev.eval(conjunct, binding)) is not True:
                    return None
                newly.append(i)
        if not newly:
            return done
        done = list(done)
        for i in newly:
            done[i] = True
        return done

    def _patterns(self, index, binding, used, done):
        if index == len(self.patterns):
            if all(done) or self._ready(binding, done) is not None:
                yield binding
            return
        pattern = self.patterns[index]
        elements = pattern.elements
        reverse = (elements[0].var not in binding and elements[-1].var is not None
                   and elements[-1].var in binding and len(elements) > 1)
        if reverse:
            elements = list(reversed(elements))
        for binding2, used2, done2, nodes, rels in self._path(elements, binding, used, done, reverse):
            if pattern.var:
                if reverse:
                    nodes, rels = nodes[::-1], rels[::-1]
                binding3 = dict(binding2)
                binding3[pattern.var] = Path(nodes, rels)
                done3 = self._ready(binding3, done2)
                if done3 is None:
                    continue
                yield from self._patterns(index + 1, binding3, used2, done3)
            else:
                yield from self._patterns(index + 1, binding2, used2, done2)

    def _node_ok(self, node: Node, pattern: NodePattern, binding) -> bool:
        if any(label not in node.labels for label in pattern.labels):
            return False
        for key, expr in pattern.properties or ():
            if cypher_equals(node.properties.get(key), self.ev.eval(expr, binding)) is not True:
                return False
        return True

    def _bind_node(self, pattern: NodePattern, node: Node, binding, done):
        if pattern.var is None:
            return binding, done
        if pattern.var in binding:
            return (binding, done) if binding[pattern.var] is node else (None, None)
        binding = dict(binding)
        binding[pattern.var] = node
        done = self._ready(binding, done)
        return (binding, done) if done is not None else (None, None)

    def _start_nodes(self, pattern: NodePattern, binding):
        if pattern.var is not None and pattern.var in binding:
            value = binding[pattern.var]
            if value is None:
                return []
            if not isinstance(value, Node):
                raise CypherError(f"variable {pattern.var!r} is not a node")
            return [value]
        if pattern.labels:
            return self.graph.by_label.get(pattern.labels[0], [])
        return self.graph.nodes

    def _path(self, elements, binding, used, done, reverse):
        first = elements[0]
        for node in self._start_nodes(first, binding):
            if not self._node_ok(node, first, binding):
                continue
            binding2, done2 = self._bind_node(first, node, binding, done)
            if binding2 is None:
                continue
            yield from self._extend(elements, 1, node, binding2, used, done2, [node], [], reverse)

    def _steps(self, node: Node, rel_pattern: RelPattern, reverse: bool):
        direction = rel_pattern.direction
        if reverse and direction != "both":
            direction = "in" if direction == "out" else "out"
        if direction in ("out", "both"):
            for rels in self._by_type(self.graph.outgoing, node, rel_pattern.types):
                for rel in rels:
                    yield rel, rel.end
        if direction in ("in", "both"):
            for rels in self._by_type(self.graph.incoming, node, rel_pattern.types):
                for rel in rels:
                    if not (direction == "both" and rel.start is rel.end):
                        yield rel, rel.start

    @staticmethod
    def _by_type(index, node: Node, types):
        by_type = index.get(node)
        if not by_type:
            return ()
        if not types:
            return by_type.values()
        return [by_type[t] for t in types if t in by_type]

    def _rel_ok(self, rel: Relationship, pattern: RelPattern, binding) -> bool:
        for key, expr in pattern.properties or ():
            if cypher_equals(rel.properties.get(key), self.ev.eval(expr, binding)) is not True:
                return False
        return True

    def _extend(self, elements, index, node, binding, used, done, nodes, rels, reverse):
        if index >= len(elements):
            yield binding, used, done, nodes, rels
            return
        rel_pattern, node_pattern = elements[index], elements[index + 1]
        if rel_pattern.length is None:
            for rel, other in self._steps(node, rel_pattern, reverse):
                if id(rel) in used or not self._rel_ok(rel, rel_pattern, binding):
                    continue
                if rel_pattern.var is not None:
                    if rel_pattern.var in binding:
                        if binding[rel_pattern.var] is not rel:
                            continue
                        binding2, done2 = binding, done
                    else:
                        binding2 = dict(binding)
                        binding2[rel_pattern.var] = rel
                        done2 = self._ready(binding2, done)
                        if done2 is None:
                            continue
                else:
                    binding2, done2 = binding, done
                if not self._node_ok(other, node_pattern, binding2):
                    continue
                binding3, done3 = self._bind_node(node_pattern, other, binding2, done2)
                if binding3 is None:
                    continue
                yield from self._extend(elements, index + 2, other, binding3, used | {id(rel)},
                                        done3, nodes + [other], rels + [rel], reverse)
            return
        low, high = rel_pattern.length
        for trail, end, trail_nodes in self._var_length(node, rel_pattern, binding, used, low, high,
                                                        reverse):
            if not self._node_ok(end, node_pattern, binding):
                continue
            binding2, done2 = binding, done
            if rel_pattern.var is not None:
                binding2 = dict(binding)
                binding2[rel_pattern.var] = trail[::-1] if reverse else list(trail)
                done2 = self._ready(binding2, done)
                if done2 is None:
                    continue
            binding3, done3 = self._bind_node(node_pattern, end, binding2, done2)
            if binding3 is None:
                continue
            yield from self._extend(elements, index + 2, end, binding3,
                                    used | {id(r) for r in trail}, done3,
                                    nodes + trail_nodes, rels + trail, reverse)

    def _var_length(self, start, rel_pattern, binding, used, low, high, reverse):
        """(relationships, end node, nodes after start) of each trail of low..high hops."""
        stack = [(start, [], [])]
        while stack:
            node, trail, trail_nodes = stack.pop()
            if len(trail) >= low:
                yield trail, node, trail_nodes
            if high is not None and len(trail) >= high:
                continue
            steps = [(rel, other) for rel, other in self._steps(node, rel_pattern, reverse)
                     if id(rel) not in used and rel not in trail
                     and self._rel_ok(rel, rel_pattern, binding)]
            for rel, other in reversed(steps):
                stack.append((other, trail + [rel], trail_nodes + [other]))


# ---------------------------------------------------------------- the engine


def plain_value(value):
    """An engine value as plain Python: nodes and relationships become property dicts."""
    if isinstance(value, (Node, Relationship)):
        return {k: plain_value(v) for k, v in value.properties.items()}
    if isinstance(value, Path):
        return {"nodes": [plain_value(n) for n in value.nodes],
                "relationships": [plain_value(r) for r in value.relationships]}
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    return value


class CypherEngine:
    """Runs read-only Cypher over a ``PropertyGraph``."""

    def __init__(self, graph: PropertyGraph):
        self.graph = graph

    @classmethod
    def from_graph(cls, graph: nx.MultiDiGraph) -> "CypherEngine":
        return cls(PropertyGraph.from_rows(GraphRows.from_graph(graph)))

    def run(self, query: str, params: dict | None = None) -> tuple[list[str], list[dict]]:
        """(columns, rows) of ``query``; values are plain Python (nodes as property dicts)."""
        parts, all_flags = Parser(query).parse()
        evaluator = Evaluator(params or {})
        columns, rows = self._single(parts[0], evaluator)
        for part, keep_all in zip(parts[1:], all_flags):
            more_columns, more_rows = self._single(part, evaluator)
            if more_columns != columns:
                raise CypherError("all parts of a UNION must return the same columns")
            rows = rows + more_rows
            if not keep_all:
                rows = _distinct(rows, columns)
        return columns, [{c: plain_value(r[c]) for c in columns} for r in rows]

    def _single(self, clauses, ev: Evaluator):
        rows = [{}]
        for clause in clauses:
            kind = clause[0]
            if kind == "match":
                rows = self._match(clause, rows, ev)
            elif kind == "unwind":
                _, expr, var = clause
                out = []
                for row in rows:
                    value = ev.eval(expr, row)
                    for item in ([] if value is None else value if isinstance(value, list) else [value]):
                        new = dict(row)
                        new[var] = item
                        out.append(new)
                rows = out
            elif kind == "with":
                columns, rows = self._project(clause[1], rows, ev)
                rows = [{c: r[c] for c in columns} for r in rows]
                if clause[1].where is not None:
                    rows = [r for r in rows if ev.test(clause[1].where, r)]
            else:
                columns, rows = self._project(clause[1], rows, ev)
                return columns, rows
        raise CypherError("a query must end with RETURN")  # pragma: no cover

    def _match(self, clause, rows, ev: Evaluator):
        _, optional, patterns, where = clause
        new_vars = []
        for pattern in patterns:
            for var in [pattern.var] + [e.var for e in pattern.elements]:
                if var and var not in new_vars:
                    new_vars.append(var)
        out = []
        for row in rows:
            matched = list(_Matcher(self.graph, ev, patterns, where, row).run())
            if matched:
                out.extend(matched)
            elif optional:
                filled = dict(row)
                for var in new_vars:
                    filled.setdefault(var, None)
                out.append(filled)
        return out

    def _project(self, proj: Projection, rows, ev: Evaluator):
        items = list(proj.items)
        if proj.star:
            visible = sorted({k for r in rows for k in r if not k.startswith("  ")})
            items = [Item(("var", k), k) for k in visible] + items
        names = [item.name for item in items]
        if len(set(names)) != len(names):
            raise CypherError(f"duplicate column names in {proj.kind.upper()}: {', '.join(names)}")
        aggregating = any(has_aggregate(item.expr) for item in items)
        output = []  # (projected row, scope for ORDER BY, group)
        if aggregating:
            keys = [item for item in items if not has_aggregate(item.expr)]
            groups: dict[tuple, list] = {}
            for row in rows:
                key = tuple(group_key(ev.eval(item.expr, row)) for item in keys)
                groups.setdefault(key, []).append(row)
            if not groups and not keys:
                groups[()] = []
            for group_rows in groups.values():
                group = _Group(group_rows)
                first = group_rows[0] if group_rows else {}
                projected = {item.name: ev.eval(item.expr, first, group) for item in items}
                output.append((projected, {**first, **projected}, group))
        else:
            for row in rows:
                projected = {item.name: ev.eval(item.expr, row) for item in items}
                output.append((projected, {**row, **projected}, None))
        if proj.distinct:
            seen, unique = set(), []
            for entry in output:
                key = tuple(group_key(entry[0][n]) for n in names)
                if key not in seen:
                    seen.add(key)
                    unique.append(entry)
            output = unique
        if proj.order:
            def sort_key(entry):
                keys = []
                for expr, descending in proj.order:
                    value = ev.eval(expr, entry[1], entry[2])
                    keys.append(_Descending(order_key(value)) if descending else order_key(value))
                return keys
            output.sort(key=sort_key)
        skip = self._count(proj.skip, ev, "SKIP")
        limit = self._count(proj.limit, ev, "LIMIT")
        if skip:
            output = output[skip:]
        if limit is not None:
            output = output[:limit]
        return names, [entry[0] for entry in output]

    @staticmethod
    def _count(expr, ev: Evaluator, what: str):
        if expr is None:
            return None
        value = ev.eval(expr, {})
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise CypherError(f"{what} needs a non-negative integer, not {value!r}")
        return value


class _Descending:
    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key

    def __lt__(self, other):
        return other.key < self.key

    def __eq__(self, other):
        return self.key == other.key


def _distinct(rows, columns):
    seen, out = set(), []
    for row in rows:
        key = tuple(group_key(row[c]) for c in columns)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def run_query(graph: nx.MultiDiGraph, query: str, params: dict | None = None) -> list[dict]:
    """Run ``query`` over ``graph`` (a graphkit MultiDiGraph); rows of plain values."""
    return CypherEngine.from_graph(graph).run(query, params)[1]
