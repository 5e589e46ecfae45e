"""The stages end to end: documents → parsed sentences → evidence → graph → files.

Documents stream through in batches. For each batch the sentence filter
(``prefilter``) keeps the sentences that can hold a relation, ``nlp.pipe``
parses only those, and the extractor reads them with the document's context
intact; ``parallel`` runs batches in worker processes or on a Dask cluster
and hands results back in document order; ``cache`` remembers each
document's evidence by content hash so an unchanged corpus is never parsed
twice. Evidence is written as it comes and aggregated into edges on the way,
so memory does not grow with the corpus beyond the graph itself.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import sys
import threading
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graphkit.actors import ActorBase
from graphkit.extract import extract_document
from graphkit.graph import (
    EvidenceSpill,
    assemble_graph,
    build_graph,
    count_names,
    edge_key,
    summarize,
    write_graph,
)
from graphkit.headlines import is_headline, name_checker, sentence_case
from graphkit.lexicon import load_lexicon
from graphkit.mentions import LINE_ENDS, dateline_length
from graphkit.nlp import load_pipeline
from graphkit.output import OutputRecord, atomic_open, ensure_folder, package_signature
from graphkit.types import Document, Evidence

MAX_CHUNK = 20_000  # characters per parsed piece; longer paragraphs are cut at sentence ends
BATCH_SIZE = 64  # texts per nlp.pipe batch
CACHE_FOLDER = ".graphkit-cache"


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each non-empty line, long lines cut near sentence ends.

    Lines end where ``str.splitlines`` ends them; the text is never copied whole
    (a document may be one line of 100 MB).
    """
    start = 0
    for match in itertools.chain(_LINE_END.finditer(text), [None]):
        stop = match.end() if match else len(text)
        end = stop
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        if _SOMETHING.search(text, start, end):
            yield from _chunks(text, start, end)
        start = stop


_LINE_END = re.compile(f"\r\n|[{LINE_ENDS}]")  # as str.splitlines
_SOMETHING = re.compile(r"\S")


def _past_dateline(piece: tuple[int, str]) -> tuple[int, str]:
    """A paragraph without its wire dateline ("RABAT — ", "MOSCOW, June 19 (Reuters) - "): the parser reads
    the dateline as the sentence's subject. ``extract_document`` gives the first sentence its dateline back."""
    offset, text = piece
    cut = dateline_length(text)
    return (offset + cut, text[cut:]) if cut and cut < len(text) else piece


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    while end - start > MAX_CHUNK:
        cut = text.rfind(". ", start, start + MAX_CHUNK)
        cut = cut + 2 if cut > start else start + MAX_CHUNK
        yield start, text[start:cut]
        start = cut
    if _SOMETHING.search(text, start, end):
        yield start, text[start:end]


def default_jobs() -> int:
    """Worker processes by default: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class RunStats:
    documents: int = 0
    sentences: int = 0
    evidence: int = 0
    seconds: float = 0.0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    cached: int = 0  # documents answered by the cache
    parsed_sentences: int = 0  # sentences the parser saw (the rest were filtered out)


@dataclass(frozen=True)
class DocumentResult:
    """What extraction gives for one document: its evidence and its number of sentences."""

    evidence: tuple[Evidence, ...]
    sentences: int
    parsed_sentences: int = 0


# -- one batch of documents, in whatever process runs it ------------------------------------

_readers: dict[tuple[str | None, bool], tuple] = {}
_readers_lock = threading.Lock()


def _reader(model: str | None, prefilter: bool):
    """(nlp, sentence filter or None, placeholder Doc) for this process, made once."""
    key = (model, prefilter)
    with _readers_lock:
        if key not in _readers:
            from spacy.tokens import Doc

            nlp = load_pipeline(model)
            sentence_filter = None
            if prefilter:
                from graphkit.prefilter import SentenceFilter

                sentence_filter = SentenceFilter(nlp, ActorBase.default(), load_lexicon())
            gap = Doc(nlp.vocab, words=["."], spaces=[False], sent_starts=[True])
            _readers[key] = (nlp, sentence_filter, gap)
        return _readers[key]


LONG_RUN = re.compile(r"\S{101,}")


OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s(\[\u2014\u2013]))'(?=[A-Za-z])")


def _open_quotes(text: str) -> str:
    """A straight single quote that opens a quotation, as a curly one: the tagger reads "called the incursions
    from Belarus 'a hybrid attack'" with the quote as a possessive of Belarus. Same length, so offsets hold."""
    return OPENING_QUOTE.sub("\u2018", text) if "'" in text else text


def _break_runs(text: str) -> str:
    """Cut runs of 100+ characters without a space every 100 characters (the tokenizer's affix
    splitting is quadratic in a run's length). Same length, so offsets hold; evidence quotes the
    document's own text."""
    if not LONG_RUN.search(text):
        return text
    return LONG_RUN.sub(lambda m: " ".join(m.group()[i:i + 100] for i in range(0, len(m.group()), 101))
                        .ljust(len(m.group()))[:len(m.group())], text)


def _kept_part(unit, doc) -> tuple[int, object]:
    """The parser's sentences that cover the unit's kept text, as a Doc of their own, and its offset."""
    tokens = [t for t in doc if unit.start <= t.idx < unit.end and not t.is_space] or list(doc)
    first, last = tokens[0].sent, tokens[-1].sent
    span = doc[first.start:last.end]
    return unit.offset + span.start_char, span.as_doc()


WINDOW_PIECES = 64  # a longer document is planned, parsed and read window by window (bounded memory)
WINDOW_CHARACTERS = 100_000


def _windows(pieces: Iterable[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    window, size = [], 0
    for piece in pieces:
        if window and (len(window) >= WINDOW_PIECES or size + len(piece[1]) > WINDOW_CHARACTERS):
            yield window
            window, size = [], 0
        window.append(piece)
        size += len(piece[1])
    if window:
        yield window


def _plan(pieces: list[tuple[int, str]], sentence_filter) -> tuple[list, int]:
    if sentence_filter is None:
        return list(pieces), 0
    return sentence_filter.plan(pieces)


def _parsed(plans: list[tuple[list, int]], nlp, sentence_filter, gap) -> list[tuple[list, int, int]]:
    """For each plan: its (offset, Doc) pairs, the sentences parsed, the sentences left out."""
    from graphkit.prefilter import GAP

    texts = [(unit.text if sentence_filter else unit[1], (number, position))
             for number, (units, _) in enumerate(plans) for position, unit in enumerate(units) if unit is not GAP]
    parsed = {where: doc for doc, where in nlp.pipe(texts, as_tuples=True, batch_size=BATCH_SIZE)}
    out = []
    for number, (units, left_out) in enumerate(plans):
        docs, sentences = [], 0
        for position, unit in enumerate(units):
            if unit is GAP:
                docs.append((0, gap))
                continue
            doc = parsed.pop((number, position))
            if sentence_filter is None:
                offset = unit[0]
            elif unit.whole:
                offset = unit.offset
            else:
                offset, doc = _kept_part(unit, doc)
            sentences += sum(1 for _ in doc.sents)
            docs.append((offset, doc))
        out.append((docs, sentences, left_out))
    return out


def extract_batch(documents: list[Document], model: str | None = None, prefilter: bool = True) -> list[DocumentResult]:
    """Evidence of each document of a batch (the unit of work of every runner).

    With ``prefilter`` only the sentences that can hold a relation are parsed
    (see ``graphkit.prefilter``); the evidence is the same. A long document is
    read in windows of paragraphs, so memory does not grow with its length.
    """
    nlp, sentence_filter, gap = _reader(model, prefilter)
    base = ActorBase.default()
    lexicon = load_lexicon()
    names = name_checker(base)
    results: list[DocumentResult | None] = [None] * len(documents)
    short: list[tuple[int, Document, list]] = []
    for number, document in enumerate(documents):
        pieces = ((offset, _break_runs(_open_quotes(sentence_case(text, names) if is_headline(text) else text)))
                  for offset, text in map(_past_dateline, paragraphs(document.text)))
        if len(document.text) <= WINDOW_CHARACTERS:
            pieces = list(pieces)
            if len(pieces) <= WINDOW_PIECES:
                short.append((number, document, pieces))
                continue
        counts = [0, 0]

        def windows(pieces=pieces, counts=counts):
            for window in _windows(pieces):
                ((docs, parsed, left_out),) = _parsed([_plan(window, sentence_filter)], nlp, sentence_filter, gap)
                counts[0] += parsed
                counts[1] += left_out
                yield from docs

        evidence = tuple(extract_document(document, windows(), base, lexicon))
        results[number] = DocumentResult(evidence, counts[0] + counts[1], counts[0])
    plans = [_plan(pieces, sentence_filter) for _, _, pieces in short]
    for (number, document, _), (docs, parsed, left_out) in zip(short, _parsed(plans, nlp, sentence_filter, gap)):
        evidence = tuple(extract_document(document, docs, base, lexicon))
        results[number] = DocumentResult(evidence, parsed + left_out, parsed)
    return results


# -- the stream ---------------------------------------------------------------------------------


def extract_evidence(
    documents: Iterable[Document],
    model: str | None = None,
    stats: RunStats | None = None,
    on_document: Callable[[Document], None] | None = None,
    *,
    jobs: int = 1,
    prefilter: bool = True,
    cache: str | Path | None = None,
    dask: str | None = None,
) -> Iterator[Evidence]:
    """Evidence from every document, in document order.

    ``jobs`` worker processes (1: this process), or a Dask scheduler address
    (``dask``; "local" starts a LocalCluster); ``cache`` a folder where each
    document's evidence is kept by content hash; ``prefilter`` parses only
    sentences that can hold a relation. None of these changes the output.
    """
    from graphkit.parallel import ordered_results

    stats = stats if stats is not None else RunStats()
    evidence_cache = None
    if cache is not None:
        from graphkit.cache import EvidenceCache, extractor_signature

        evidence_cache = EvidenceCache(Path(cache), extractor_signature(model, prefilter))
    try:
        for document, result, cached in ordered_results(documents, model=model, prefilter=prefilter, jobs=jobs,
                                                        dask=dask, cache=evidence_cache):
            stats.documents += 1
            stats.sentences += result.sentences
            stats.parsed_sentences += result.parsed_sentences
            stats.cached += cached
            for evidence in result.evidence:
                stats.evidence += 1
                yield evidence
            if on_document:
                on_document(document)
    finally:
        if evidence_cache is not None:
            evidence_cache.close()


def output_paths(folder: Path) -> dict[str, Path]:
    """The files a build writes in its output folder, by name."""
    return {"triples": folder / "triples.jsonl", "graph": folder / "graph.json", "view": folder / "graph.html"}


def corpus_evidence(
    inputs: Iterable[Path | str],
    stats: RunStats,
    *,
    date: str | None = None,
    strict: bool = False,
    on_skip: Callable[[str, str], None] | None = None,
    on_warning: Callable[[str, str], None] | None = None,
    adjust: Callable[[Iterator[Document]], Iterable[Document]] | None = None,
    **extract,
) -> Iterator[Evidence]:
    """``extract_evidence`` over the documents of files and folders, as ``build`` reads them.

    Each input that cannot be read goes to ``stats.skipped`` and ``on_skip``; a
    missing path raises InputError at once. ``adjust`` may rewrite the documents
    on their way (the API's per-document dates); ``extract`` are the keywords of
    ``extract_evidence``.
    """
    from graphkit.ingest import iter_documents

    def skipped(where: str, reason: str) -> None:
        stats.skipped.append((where, reason))
        if on_skip:
            on_skip(where, reason)

    documents = iter_documents([Path(p) for p in inputs], date=date, on_skip=skipped, strict=strict,
                               on_warning=on_warning)
    return extract_evidence(documents if adjust is None else adjust(documents), stats=stats, **extract)


def write_evidence(evidence: Iterable[Evidence], path: Path,
                   on_row: Callable[[Evidence, str], None] | None = None) -> int:
    """Write evidence as JSON Lines atomically; returns the number of rows.

    ``on_row(row, line)`` sees each row with its JSON text as it is written.
    """
    count = 0
    with atomic_open(Path(path)) as handle:
        for row in evidence:
            line = json.dumps(row.to_dict(), ensure_ascii=False)
            handle.write(line + "\n")
            if on_row:
                on_row(row, line)
            count += 1
    return count


def iter_evidence(path: Path) -> Iterator[Evidence]:
    """Evidence rows of a triples.jsonl file, one at a time."""
    from graphkit.errors import InputError

    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        yield Evidence.from_dict(json.loads(line))
                    except (json.JSONDecodeError, TypeError) as exc:
                        raise InputError(f"{path}:{number}: not an evidence row ({exc})") from None
    except FileNotFoundError:
        raise InputError(f"triples file not found: {path}") from None


def read_evidence(path: Path) -> list[Evidence]:
    return list(iter_evidence(path))


# -- aggregation --------------------------------------------------------------------------------


class EdgeAggregator:
    """Evidence grouped by edge as it streams past, for the graph at the end.

    What grows with the corpus is not held in memory: each row goes to an
    ``EvidenceSpill`` (a temporary file) and an edge keeps the places of its
    rows; the graph's edges read their evidence from a spill when used. Held:
    a list of places per edge, the surface names of each actor, and a row per
    document (without its text); ``graph`` hands them to the graph.
    """

    def __init__(self) -> None:
        self.spill = EvidenceSpill()
        self.groups: dict[tuple[str, str, str], array] = {}
        self.surface: dict[str, dict[str, int]] = {}
        self.documents: list[Document] = []

    def add(self, evidence: Evidence, line: str | None = None) -> None:
        """Take a row; ``line`` is its JSON text when the caller has it already (``write_evidence``)."""
        count_names(self.surface, evidence)
        key = edge_key(sys.intern(evidence.source_id), sys.intern(evidence.relation), sys.intern(evidence.target_id))
        self.groups.setdefault(key, array("q")).extend(self.spill.append(line or evidence.to_dict()))

    def add_document(self, document: Document) -> None:
        self.documents.append(Document(id=document.id, text="", title=document.title, date=document.date,
                                       url=document.url))

    def graph(self) -> nx.MultiDiGraph:
        """The graph of ``graph_from_evidence`` over every row added, its evidence left in a spill: each
        edge's items are written together (in a second spill) and read back when used."""
        actors, kb_edges = _known_actors(set(self.surface))

        def groups() -> Iterator[tuple[tuple[str, str, str], list[Evidence]]]:
            for key in sorted(self.groups):
                pairs = self.groups.pop(key)
                yield key, [Evidence(**self.spill.read(offset, length))
                            for offset, length in zip(pairs[::2], pairs[1::2])]

        graph = assemble_graph(self.surface, groups(), actors, self.documents, kb_edges, keep=EvidenceSpill().keep)
        self.surface, self.documents, self.groups = {}, [], {}  # in the graph now
        self.spill.file.close()  # the rows are in the edges' spill now
        return graph


def _known_actors(ids: set[str]) -> tuple[list, list[tuple[str, str, str]]]:
    """The knowledge base's actors among ``ids`` and its structural edges among them (with their ends)."""
    base = ActorBase.default()
    kb_edges = base.structural_edges(ids)
    ends = ids | {i for s, _, t in kb_edges for i in (s, t)}
    return [a for a in (base.get(i) for i in sorted(ends)) if a is not None], kb_edges


def graph_from_evidence(evidence: Iterable[Evidence], documents: Iterable[Document] = ()) -> nx.MultiDiGraph:
    """Aggregate evidence and add the knowledge base's structural edges among its actors."""
    rows = evidence if isinstance(evidence, list) else list(evidence)
    actors, kb_edges = _known_actors({e.source_id for e in rows} | {e.target_id for e in rows})
    return build_graph(rows, actors, documents, kb_edges)


@dataclass
class BuildResult:
    """What ``build`` wrote. ``graph`` is read back from graph.json when the build left its files as they were."""

    stats: RunStats
    outputs: dict[str, Path]
    built: nx.MultiDiGraph | None = None
    counts: dict | None = None  # summarize(graph), saved by the build that wrote the files
    unchanged: bool = False  # the outputs were up to date and not written again

    @property
    def graph(self) -> nx.MultiDiGraph:
        if self.built is None:
            from graphkit.graph import read_graph

            self.built = read_graph(self.outputs["graph"])
        return self.built

    @property
    def evidence(self) -> list[Evidence]:
        """The evidence rows, read back from triples.jsonl (they are not held in memory)."""
        return read_evidence(self.outputs["triples"])

    def summary(self) -> dict:
        out = {"documents": self.stats.documents, "sentences": self.stats.sentences,
               "evidence": self.stats.evidence, **(self.counts or summarize(self.graph)),
               "seconds": round(self.stats.seconds, 2)}
        if self.stats.cached:
            out["cached"] = self.stats.cached
        if self.stats.skipped:
            out["skipped"] = len(self.stats.skipped)
        return out


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
    *,
    jobs: int = 1,
    prefilter: bool = True,
    cache: str | Path | bool | None = None,
    dask: str | None = None,
    on_warning: Callable[[str, str], None] | None = None,
) -> BuildResult:
    """Extract, aggregate and write ``triples.jsonl``, ``graph.json`` and ``graph.html`` in ``outdir``.

    ``cache``: a folder, True for ``OUTDIR/.graphkit-cache``, or None/False for none.
    ``jobs``, ``dask`` and ``prefilter`` as in ``extract_evidence``.
    """
    started = time.perf_counter()
    folder = ensure_folder(Path(outdir))
    stats = RunStats()
    aggregator = EdgeAggregator()

    def remember(document: Document) -> None:
        aggregator.add_document(document)
        if on_document:
            on_document(document)

    if cache is True:
        cache = folder / CACHE_FOLDER
    rows = corpus_evidence(inputs, stats, date=date, strict=strict, on_skip=on_skip, on_warning=on_warning,
                           on_document=remember, model=model, jobs=jobs, prefilter=prefilter,
                           cache=cache or None, dask=dask)
    outputs = output_paths(folder)
    # with a cache, an unchanged corpus leaves graph.json and graph.html as they are (they would be the same bytes)
    record = OutputRecord(folder) if cache else None
    fingerprint = hashlib.sha256()

    def take(row: Evidence, line: str) -> None:
        aggregator.add(row, line)
        fingerprint.update(line.encode("utf-8") + b"\n")

    write_evidence(rows, outputs["triples"], on_row=aggregator.add if record is None else take)
    drawn = {name: outputs[name] for name in ("graph", "view")}
    if record is not None:
        fingerprint.update(json.dumps([package_signature(), title, view_options or {},
                                       [[d.id, d.title, d.date, d.url] for d in aggregator.documents]],
                                      ensure_ascii=False, sort_keys=True, default=str).encode("utf-8"))
        counts = record.unchanged(fingerprint.hexdigest(), drawn)
        if counts is not None:
            stats.seconds = time.perf_counter() - started
            return BuildResult(stats=stats, outputs=outputs, counts=counts, unchanged=True)
        record.forget()
    from graphkit.render import render_html

    graph = aggregator.graph()
    write_graph(graph, outputs["graph"])
    render_html(graph, outputs["view"], title=title, **(view_options or {}))
    counts = summarize(graph)
    if record is not None:
        record.save(fingerprint.hexdigest(), drawn, counts)
    stats.seconds = time.perf_counter() - started
    return BuildResult(stats=stats, outputs=outputs, built=graph, counts=counts)
