"""The stages end to end: documents → parsed paragraphs → evidence → graph → files.

Documents stream through: paragraphs of many documents are parsed in batches
by ``nlp.pipe`` and regrouped per document, so memory stays flat.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graphkit.actors import ActorBase
from graphkit.extract import extract_document
from graphkit.graph import build_graph, summarize, write_graph
from graphkit.lexicon import load_lexicon
from graphkit.nlp import load_pipeline
from graphkit.output import atomic_open, ensure_folder
from graphkit.types import Document, Evidence

MAX_CHUNK = 20_000  # characters per parsed piece; longer paragraphs are cut at sentence ends
BATCH_SIZE = 64


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each non-empty line, long lines cut near sentence ends."""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if stripped.strip():
            yield from _chunks(offset, stripped)
        offset += len(line)


def _chunks(offset: int, text: str) -> Iterator[tuple[int, str]]:
    start = 0
    while len(text) - start > MAX_CHUNK:
        cut = text.rfind(". ", start, start + MAX_CHUNK)
        cut = cut + 2 if cut > start else start + MAX_CHUNK
        yield offset + start, text[start:cut]
        start = cut
    if text[start:].strip():
        yield offset + start, text[start:]


@dataclass
class RunStats:
    documents: int = 0
    sentences: int = 0
    evidence: int = 0
    seconds: float = 0.0
    skipped: list[tuple[str, str]] = field(default_factory=list)


def extract_evidence(
    documents: Iterable[Document],
    model: str | None = None,
    stats: RunStats | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> Iterator[Evidence]:
    """Evidence from every document, in document order."""
    nlp = load_pipeline(model)
    base = ActorBase.default()
    lexicon = load_lexicon()
    stats = stats if stats is not None else RunStats()
    held: dict[int, Document] = {}

    def stream() -> Iterator[tuple[str, tuple[int, int]]]:
        for number, document in enumerate(documents):
            held[number] = document
            pieces = list(paragraphs(document.text))
            if not pieces:
                yield "", (number, -1)
            for offset, piece in pieces:
                yield piece, (number, offset)

    parsed = nlp.pipe(stream(), as_tuples=True, batch_size=BATCH_SIZE)
    for number, group in itertools.groupby(parsed, key=lambda item: item[1][0]):
        document = held.pop(number)
        docs = [(offset, doc) for doc, (_, offset) in group if offset >= 0]
        stats.documents += 1
        stats.sentences += sum(1 for _, doc in docs for _ in doc.sents)
        for evidence in extract_document(document, docs, base, lexicon):
            stats.evidence += 1
            yield evidence
        if on_document:
            on_document(document)


def write_evidence(evidence: Iterable[Evidence], path: Path) -> int:
    """Write evidence as JSON Lines atomically; returns the number of rows."""
    count = 0
    with atomic_open(Path(path)) as handle:
        for row in evidence:
            handle.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def read_evidence(path: Path) -> list[Evidence]:
    from graphkit.errors import InputError

    rows = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        rows.append(Evidence.from_dict(json.loads(line)))
                    except (json.JSONDecodeError, TypeError) as exc:
                        raise InputError(f"{path}:{number}: not an evidence row ({exc})") from None
    except FileNotFoundError:
        raise InputError(f"triples file not found: {path}") from None
    return rows


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    evidence: list[Evidence]
    stats: RunStats
    outputs: dict[str, Path]

    def summary(self) -> dict:
        out = {"documents": self.stats.documents, "sentences": self.stats.sentences,
               "evidence": self.stats.evidence, **summarize(self.graph),
               "seconds": round(self.stats.seconds, 2)}
        if self.stats.skipped:
            out["skipped"] = len(self.stats.skipped)
        return out


def graph_from_evidence(evidence: list[Evidence], documents: Iterable[Document] = ()) -> nx.MultiDiGraph:
    """Aggregate evidence and add the knowledge base's structural edges among its actors."""
    base = ActorBase.default()
    ids = {e.source_id for e in evidence} | {e.target_id for e in evidence}
    actors = [a for a in (base.get(i) for i in ids) if a is not None]
    structural = [e for e in evidence if e.relation in ("LEADS", "REPRESENTS", "MEMBER_OF")]
    events = [e for e in evidence if e.relation not in ("LEADS", "REPRESENTS", "MEMBER_OF")]
    kb_edges = base.structural_edges(ids)
    extra = [a for a in (base.get(i) for s, _, t in kb_edges for i in (s, t)) if a is not None]
    graph = build_graph(events + structural, actors + extra, documents, kb_edges)
    return graph


def build(
    inputs: Iterable[Path | str],
    outdir: Path | str,
    model: str | None = None,
    date: str | None = None,
    strict: bool = False,
    title: str | None = None,
    view_options: dict | None = None,
    on_document: Callable[[Document], None] | None = None,
    on_skip: Callable[[str, str], None] | None = None,
) -> BuildResult:
    """Extract, aggregate and write ``triples.jsonl``, ``graph.json`` and ``graph.html`` in ``outdir``."""
    from graphkit.ingest import iter_documents
    from graphkit.render import render_html

    started = time.perf_counter()
    folder = ensure_folder(Path(outdir))
    stats = RunStats()
    seen: list[Document] = []

    def skipped(where: str, reason: str) -> None:
        stats.skipped.append((where, reason))
        if on_skip:
            on_skip(where, reason)

    def remember(document: Document) -> None:
        seen.append(Document(id=document.id, text="", title=document.title, date=document.date, url=document.url))
        if on_document:
            on_document(document)

    documents = iter_documents([Path(p) for p in inputs], date=date, on_skip=skipped, strict=strict)
    evidence: list[Evidence] = []

    def collect() -> Iterator[Evidence]:
        for row in extract_evidence(documents, model=model, stats=stats, on_document=remember):
            evidence.append(row)
            yield row

    outputs = {"triples": folder / "triples.jsonl", "graph": folder / "graph.json", "view": folder / "graph.html"}
    write_evidence(collect(), outputs["triples"])
    graph = graph_from_evidence(evidence, seen)
    write_graph(graph, outputs["graph"])
    render_html(graph, outputs["view"], title=title, **(view_options or {}))
    stats.seconds = time.perf_counter() - started
    return BuildResult(graph=graph, evidence=evidence, stats=stats, outputs=outputs)
