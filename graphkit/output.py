"""Atomic output: every file graphkit writes appears whole or not at all; and a build's record of what it
wrote, so that re-running it on unchanged input leaves its files alone."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO

from graphkit.errors import StoreError


@contextlib.contextmanager
def atomic_open(path: Path, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Open a temporary file beside ``path``; on success rename it over ``path``.

    On any error (or Ctrl-C) the temporary file is removed and ``path`` keeps
    its old content.
    """
    path = Path(path)
    if path.exists() and not path.is_file() and not path.is_dir():  # a named pipe, /dev/null, a device
        try:
            with open(path, "w", encoding=encoding, newline="") as handle:
                yield handle
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from None
        return
    if path.is_dir():
        raise StoreError(f"cannot write {path}: it is a folder")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StoreError(f"output folder does not exist: {folder}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StoreError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual permissions
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str) -> None:
    with atomic_open(path) as handle:
        handle.write(text)


def ensure_folder(folder: Path) -> Path:
    """Create an output folder, or fail with one clear line."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create output folder {folder}: {exc.strerror or exc}") from None
    if not os.access(folder, os.W_OK):
        raise StoreError(f"output folder is not writable: {folder}")
    return folder


# -- up to date ---------------------------------------------------------------------------------

RECORD_FILE = ".graphkit-build.json"


def library_versions(*names: str) -> str:
    """"\0name version" for each installed library ("-" for one that is not), for signatures."""
    from importlib import metadata

    parts = []
    for name in names:
        try:
            parts.append(f"\0{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"\0{name} -")
    return "".join(parts)


@lru_cache(maxsize=1)
def package_signature() -> str:
    """A hash of every file of graphkit (code, data, templates) and of the libraries that write its files."""
    import graphkit

    digest = hashlib.sha256(f"graphkit {graphkit.__version__}".encode())
    digest.update(library_versions("networkx", "pyvis", "jinja2").encode())
    root = Path(graphkit.__file__).parent
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(b"\0" + path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


class OutputRecord:
    """What a build last wrote in its folder (``.graphkit-build.json``): the fingerprint of its inputs
    (evidence, documents, options, graphkit itself) and a hash of each file written.

    A build whose fingerprint matches, with every file still as written, would
    write the same bytes again, so it may leave them; a file edited or removed
    by hand, or a different fingerprint, means writing them anew.
    """

    def __init__(self, folder: Path):
        self.path = Path(folder) / RECORD_FILE

    def unchanged(self, fingerprint: str, files: dict[str, Path]) -> dict | None:
        """The summary saved with ``fingerprint`` when every file is as that build wrote it, else None."""
        try:
            record = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(record, dict) or record.get("fingerprint") != fingerprint:
            return None
        hashes = record.get("files")
        if not isinstance(hashes, dict) or set(hashes) != set(files):
            return None
        if any(hashes[name] != file_digest(path) for name, path in files.items()):
            return None
        summary = record.get("summary")
        return summary if isinstance(summary, dict) else None

    def save(self, fingerprint: str, files: dict[str, Path], summary: dict) -> None:
        record = {"fingerprint": fingerprint, "files": {name: file_digest(path) for name, path in files.items()},
                  "summary": summary}
        atomic_write_text(self.path, json.dumps(record, ensure_ascii=False, indent=1) + "\n")

    def forget(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()
