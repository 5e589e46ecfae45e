"""A document's evidence, remembered by content hash: unchanged documents are never parsed twice.

The key of a document is a SHA-256 over the extractor's signature (graphkit's
version, the source of its modules but the downstream ones (graph, render,
stores…), the actor and lexicon data files, the spaCy pipeline's name and version, the sentence filter setting)
and the document's date and text. The id is not part of it: a renamed file
is a hit, and its rows get the new id. Change any of these and the old
entries are simply never asked for again.

Entries live in one SQLite file (``evidence.sqlite``) in the cache folder,
in WAL mode with a busy timeout, so several graphkit processes may share a
folder. Only the process that runs ``extract_evidence`` reads and writes it;
worker processes and Dask workers never touch it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from graphkit.errors import StoreError
from graphkit.output import library_versions
from graphkit.types import Document, Evidence

CACHE_FILE = "evidence.sqlite"
# modules whose code cannot change a document's evidence; every other graphkit module is hashed
DOWNSTREAM_MODULES = frozenset({"__init__", "api", "cache", "cypher", "embedded", "errors", "evaluate", "export",
                                "graph", "ingest", "neo4j_store", "output", "parallel", "render", "store"})
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY,
    sentences INTEGER NOT NULL,
    parsed INTEGER NOT NULL,
    evidence TEXT NOT NULL
)
"""


def model_signature(model: str | None) -> str:
    """The pipeline's name and version, read from its package metadata or meta.json (no spaCy import)."""
    from graphkit.nlp import DEFAULT_MODEL

    name = model or DEFAULT_MODEL
    path = Path(name)
    if path.exists():
        meta_path = path / "meta.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        digest = hashlib.sha256(meta_path.read_bytes()).hexdigest()[:16] if meta_path.is_file() else "unknown"
        return f"{path.resolve()}@{meta.get('version', '?')}#{digest}"
    for candidate in (name, name.replace("_", "-")):
        try:
            return f"{name}@{metadata.version(candidate)}"
        except metadata.PackageNotFoundError:
            continue
    return f"{name}@unknown"


@lru_cache(maxsize=8)
def extractor_signature(model: str | None = None, prefilter: bool = True) -> str:
    """A hash naming everything that decides a document's evidence, besides the document."""
    from graphkit import __version__

    digest = hashlib.sha256()
    digest.update(f"graphkit {__version__}\0{model_signature(model)}\0prefilter={prefilter}\0".encode())
    digest.update(library_versions("pycountry").encode())  # the countries extraction reads
    package = resources.files("graphkit")
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py") and entry.name[:-3] not in DOWNSTREAM_MODULES:
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    for folder in ("data/actors", "data/lexicon", "data/places"):
        for entry in sorted(package.joinpath(folder).iterdir(), key=lambda e: e.name):
            if entry.is_file():
                digest.update(f"{folder}/{entry.name}\0".encode() + entry.read_bytes())
    digest.update(package.joinpath("data/relations.csv").read_bytes())
    return digest.hexdigest()


def document_key(signature: str, document: Document) -> str:
    digest = hashlib.sha256(f"{signature}\0{document.date or ''}\0".encode())
    digest.update(document.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class EvidenceCache:
    """Evidence per document in ``folder/evidence.sqlite``, under ``signature``."""

    def __init__(self, folder: Path, signature: str):
        self.folder = Path(folder)
        self.signature = signature
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.folder / CACHE_FILE, timeout=60, isolation_level=None)
            self._prepare()
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the cache in {self.folder}: {exc}") from None

    def _prepare(self, attempts: int = 100) -> None:
        """WAL mode and the table. Switching a new file to WAL while another process opens it can fail
        at once with "database is locked" (SQLite does not wait there), so that step is tried again."""
        import time

        for attempt in range(attempts):
            try:
                if self.db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    self.db.execute("PRAGMA journal_mode=WAL")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == attempts - 1:
                    raise
                time.sleep(0.05)
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(SCHEMA)

    def key(self, document: Document) -> str:
        return document_key(self.signature, document)

    def get(self, document: Document):
        """The cached DocumentResult of ``document`` (its rows carrying its id), or None."""
        from graphkit.pipeline import DocumentResult

        row = self.db.execute("SELECT sentences, parsed, evidence FROM documents WHERE key = ?",
                              (self.key(document),)).fetchone()
        if row is None:
            return None
        sentences, _parsed, rows = row
        evidence = tuple(Evidence.from_dict({"doc": document.id, **item}) for item in json.loads(rows))
        return DocumentResult(evidence, sentences, 0)  # nothing parsed this time

    def put_many(self, items) -> None:
        """Store (document, DocumentResult) pairs in one transaction."""
        rows = []
        for document, result in items:
            evidence = [{k: v for k, v in e.to_dict().items() if k != "doc"} for e in result.evidence]
            rows.append((self.key(document), result.sentences, result.parsed_sentences,
                         json.dumps(evidence, ensure_ascii=False)))
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write the cache in {self.folder}: {exc}") from None

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def close(self) -> None:
        self.db.close()
