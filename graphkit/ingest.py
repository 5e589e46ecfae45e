"""Input files → Documents: text, Markdown, HTML, JSON Lines and CSV.

``iter_documents`` reads files and folders one file at a time and yields a
``Document`` per text (per record for JSON Lines and CSV). It never stops on
a bad file or record: it reports it and goes on, unless ``strict`` is set.

Two callbacks tell the caller what happened, each called with
``(where, message)``, where ``where`` is a file path or ``path:line``:

- ``on_skip``: a file or record was not read ("empty", "binary",
  "invalid JSON: …", "expected 3 fields, found 4", …). With ``strict=True``
  the first skip raises ``InputError("where: message")`` instead.
- ``on_warning``: it was read, but with a caveat (text that is not UTF-8 and
  was decoded from a guessed encoding, a document id seen before).

Files inside folders with other extensions, and hidden files and folders, are
passed over silently; a file named directly is read as text whatever its
extension.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

from graphkit.errors import InputError
from graphkit.types import Document

Callback = Callable[[str, str], None]

# extension → how the file is read
FORMATS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html",
           ".jsonl": "jsonl", ".csv": "csv"}
RECORD_FIELDS = ("id", "title", "date", "url")
BINARY_PROBE = 8192            # bytes searched for NUL to call a file binary
DETECT_SAMPLE = 64 * 1024      # bytes of non-UTF-8 lines given to charset detection
DETECT_SCAN = 8 * 1024 * 1024  # bytes scanned ahead to collect that sample
CSV_FIELD_LIMIT = 64 * 1024 * 1024  # one CSV field at most (a runaway quote stops here)
CSV_DELIMITERS = (",", ";", "\t", "|")
WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
             (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class InputFile(NamedTuple):
    """One file to read: where it is, the document id it gives, how to read it."""

    path: Path
    id: str
    format: str


# ---------------------------------------------------------------- listing


def iter_input_files(paths: Sequence[Path | str], on_error: Callback | None = None) -> Iterator[InputFile]:
    """The files ``iter_documents`` would read, in order. Raises InputError for a missing path.

    A file named directly gets its file name as id; a file found in a folder
    gets its path relative to that folder (forward slashes). Folders are
    walked recursively in sorted order, hidden entries and unknown
    extensions left out. A file reached twice is listed once.
    """
    roots = [Path(p) for p in paths]
    for root in roots:
        if not os.path.exists(root):
            raise InputError(f"input not found: {root}")
    return _walk(roots, on_error)


def _walk(roots: list[Path], on_error: Callback | None) -> Iterator[InputFile]:
    seen: set[str] = set()
    for root in roots:
        if root.is_dir():
            found = []
            for folder, subfolders, names in os.walk(root, onerror=_walk_error(on_error)):
                subfolders[:] = [d for d in subfolders if not d.startswith(".")]
                for name in names:
                    fmt = FORMATS.get(os.path.splitext(name)[1].lower())
                    if fmt and not name.startswith("."):
                        path = Path(folder, name)
                        found.append(InputFile(path, path.relative_to(root).as_posix(), fmt))
            entries: Iterable[InputFile] = sorted(found, key=lambda f: f.id)
        else:
            entries = [InputFile(root, root.name, FORMATS.get(root.suffix.lower(), "text"))]
        for entry in entries:
            real = os.path.realpath(entry.path)
            if real not in seen:
                seen.add(real)
                yield entry


def _walk_error(on_error: Callback | None) -> Callable[[OSError], None]:
    def report(exc: OSError) -> None:
        if on_error:
            on_error(str(exc.filename), f"cannot read folder: {exc.strerror or exc}")
    return report


def count_inputs(paths: Sequence[Path | str]) -> int:
    """How many files ``iter_documents(paths)`` will open (for a progress total; records not counted)."""
    return sum(1 for _ in iter_input_files(paths))


# ---------------------------------------------------------------- documents


def iter_documents(
    paths: Sequence[Path | str],
    date: str | None = None,
    on_skip: Callback | None = None,
    strict: bool = False,
    on_warning: Callback | None = None,
) -> Iterator[Document]:
    """Yield a Document for each text in ``paths`` (files or folders), one file at a time.

    ``date`` is the date of documents that do not carry their own. Dates are
    normalized to YYYY-MM-DD when they parse, kept as given otherwise.
    A missing path raises InputError at once, before anything is read.
    """
    reporter = _Reporter(on_skip, on_warning, strict)
    files = iter_input_files(paths, on_error=reporter.skip)
    return _documents(files, normalize_date(date), reporter)


def _documents(files: Iterator[InputFile], date: str | None, reporter: "_Reporter") -> Iterator[Document]:
    seen_ids: set[str] = set()
    read = {"text": _read_text, "html": _read_html, "jsonl": _read_jsonl, "csv": _read_csv}
    for entry in files:
        try:
            for doc in read[entry.format](entry, reporter):
                if doc.id in seen_ids:
                    reporter.warn(str(entry.path), f"document id {doc.id!r} seen before")
                seen_ids.add(doc.id)
                yield doc if doc.date else replace(doc, date=date)
        except OSError as exc:
            reporter.skip(str(entry.path), f"cannot read: {exc.strerror or exc}")


class _Reporter:
    def __init__(self, on_skip: Callback | None, on_warning: Callback | None, strict: bool):
        self.on_skip, self.on_warning, self.strict = on_skip, on_warning, strict

    def skip(self, where: str, reason: str) -> None:
        if self.strict:
            raise InputError(f"{where}: {reason}")
        if self.on_skip:
            self.on_skip(where, reason)

    def warn(self, where: str, message: str) -> None:
        if self.on_warning:
            self.on_warning(where, message)


def _read_text(entry: InputFile, reporter: _Reporter) -> Iterator[Document]:
    text = _read_whole(entry, reporter)
    if text is not None:
        yield Document(id=entry.id, text=text)


def _read_html(entry: InputFile, reporter: _Reporter) -> Iterator[Document]:
    with open(entry.path, "rb") as handle:
        head = handle.read(4096)
    match = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", head, re.IGNORECASE)
    hint = match.group(1).decode("ascii") if match else None
    markup = _read_whole(entry, reporter, hint=hint)
    if markup is None:
        return
    page = html_to_text(markup)
    del markup
    if not page.text.strip():
        reporter.skip(str(entry.path), "empty")
        return
    yield Document(id=entry.id, text=page.text, title=page.title,
                   date=normalize_date(page.date), url=page.url)


def _read_whole(entry: InputFile, reporter: _Reporter, hint: str | None = None) -> str | None:
    """A whole file as text with \\n line ends, or None after reporting a skip.

    Read a piece at a time and grown in place, so that the file's bytes and
    its text are never both held: peak memory is the text and one piece.
    """
    where = str(entry.path)
    text = ""
    with open(entry.path, "rb") as handle:
        wide, unreadable = _sniff(handle)
        if unreadable:
            reporter.skip(where, unreadable)
            return None
        for number, piece in enumerate(_decoded(handle, wide, _LineDecoder(where, reporter, hint, path=entry.path))):
            text += piece.removeprefix("\ufeff") if number == 0 else piece  # a BOM goes without copying the text
    if not _SOMETHING.search(text):
        reporter.skip(where, "empty")
        return None
    return text


def _decoded(handle: io.BufferedReader, wide: str | None, decoder: _LineDecoder) -> Iterator[str]:
    """A file's text a piece at a time, with \\n line ends."""
    if wide:
        reader = io.TextIOWrapper(handle, encoding=wide, errors="replace", newline=None)
        while piece := reader.read(READ_PIECE):
            yield piece
        return
    for number, raw in _pieces(handle):
        piece = decoder.decode(raw, number)
        yield piece.replace("\r\n", "\n").replace("\r", "\n") if "\r" in piece else piece


_SOMETHING = re.compile(r"\S")
READ_PIECE = 1 << 20  # characters or bytes read at a time from a whole text file


def _pieces(handle: io.BufferedReader) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) for each line of a file, a line longer than READ_PIECE in several pieces.

    A long line is cut at a UTF-8 character boundary and never between \\r and \\n.
    """
    number, rest = 1, b""
    while True:
        chunk = handle.read(READ_PIECE)
        buffer = rest + chunk if rest else chunk
        if not buffer:
            return
        lines = buffer.splitlines(True)
        # more may follow a chunk: its last line may be cut short, or end in the "\r" of a "\r\n"
        rest = lines.pop() if chunk and not lines[-1].endswith(b"\n") else b""
        for line in lines:
            yield number, line
            number += 1
        if not chunk:
            return
        if len(rest) >= READ_PIECE:
            cut = _char_boundary(rest, len(rest) - 4)  # a UTF-8 character is at most 4 bytes
            yield number, rest[:cut]
            rest = rest[cut:]


def _char_boundary(data: bytes, at: int) -> int:
    """The nearest index at or before ``at`` that starts a UTF-8 character (not a continuation byte)."""
    at = min(max(at, 1), len(data) - 1)
    for index in range(at, max(at - 4, 0), -1):
        if data[index] & 0xC0 != 0x80:
            return index
    return at


# ---------------------------------------------------------------- records


def _read_jsonl(entry: InputFile, reporter: _Reporter) -> Iterator[Document]:
    where = str(entry.path)
    for number, line in _stream_lines(entry, reporter):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            reporter.skip(f"{where}:{number}", f"invalid JSON: {exc.msg}")
            continue
        except (ValueError, RecursionError) as exc:  # nesting too deep, an integer too long
            reporter.skip(f"{where}:{number}", f"invalid JSON: {type(exc).__name__}")
            continue
        if not isinstance(record, dict):
            reporter.skip(f"{where}:{number}", "not a JSON object")
            continue
        doc = _record_document(record, entry, number, reporter)
        if doc:
            yield doc


def _read_csv(entry: InputFile, reporter: _Reporter) -> Iterator[Document]:
    where = str(entry.path)
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)  # process-wide; the default 128 KB is too small for articles
    lines = iter(_stream_lines(entry, reporter))
    first = next(lines, None)
    if first is None:
        return
    delimiter = _csv_delimiter(first[1])
    reader = csv.reader(itertools.chain([first[1]], (line for _, line in lines)), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except csv.Error as exc:
        reporter.skip(where, f"malformed CSV header: {exc}")
        return
    if "text" not in header:
        reporter.skip(where, "no 'text' column")
        return
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reporter.skip(f"{where}:{start}", f"malformed CSV: {exc}")
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != len(header):
            reporter.skip(f"{where}:{start}", f"expected {len(header)} fields, found {len(row)}")
            continue
        doc = _record_document(dict(zip(header, row)), entry, start, reporter)
        if doc:
            yield doc


def _csv_delimiter(header_line: str) -> str:
    """The delimiter that makes a ``text`` column appear in the header (comma when none does)."""
    for delimiter in CSV_DELIMITERS:
        try:
            names = next(csv.reader([header_line], delimiter=delimiter), [])
        except csv.Error:  # a lone carriage return in the header
            continue
        if "text" in (n.strip().lower() for n in names):
            return delimiter
    return ","


def _record_document(record: dict, entry: InputFile, number: int, reporter: _Reporter) -> Document | None:
    where = f"{entry.path}:{number}"
    text = record.get("text")
    if text is None:
        reporter.skip(where, "missing 'text'")
        return None
    if not isinstance(text, str):
        reporter.skip(where, "'text' is not a string")
        return None
    if not text.strip():
        reporter.skip(where, "empty text")
        return None
    fields = {name: _no_surrogates(_field(record.get(name))) for name in RECORD_FIELDS}
    return Document(
        id=fields["id"] or f"{entry.id}#{number}",
        text=_no_surrogates(text.replace("\r\n", "\n").replace("\r", "\n")),
        title=fields["title"],
        date=normalize_date(fields["date"]),
        url=fields["url"],
    )


def _no_surrogates(text: str | None) -> str | None:
    """JSON's \\ud800 escapes give lone surrogates no encoder accepts: U+FFFD instead (same length)."""
    if text is None:
        return None
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _field(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    value = str(value).strip()
    return value or None


# ---------------------------------------------------------------- decoding


def _stream_lines(entry: InputFile, reporter: _Reporter) -> Iterator[tuple[int, str]]:
    """(line number, text) for each line of a file, read line by line; line ends kept."""
    where = str(entry.path)
    with open(entry.path, "rb") as handle:
        wide, unreadable = _sniff(handle)
        if unreadable:
            reporter.skip(where, unreadable)
            return
        if wide:
            text = io.TextIOWrapper(handle, encoding=wide, errors="replace", newline="")
            yield from enumerate(text, 1)
            return
        decoder = _LineDecoder(where, reporter, path=entry.path)
        for number, raw in enumerate(handle, 1):
            line = decoder.decode(raw, number)
            yield number, line.removeprefix("\ufeff") if number == 1 else line


def _sniff(handle: io.BufferedReader) -> tuple[str | None, str | None]:
    """(wide encoding named by a UTF-16/32 byte order mark, why the file cannot be read) from its head."""
    head = handle.peek(BINARY_PROBE)[:BINARY_PROBE]
    if not head:
        return None, "empty"
    wide = next((enc for bom, enc in WIDE_BOMS if head.startswith(bom)), None)
    return wide, "binary" if not wide and b"\0" in head else None


class _LineDecoder:
    """Decodes lines as UTF-8; lines that are not are decoded from one guessed encoding.

    The guess is made once per file, at the first bad line, from a sample of
    the bad lines (``sample``: the whole content, or else re-read from ``path``).
    """

    def __init__(self, where: str, reporter: _Reporter, hint: str | None = None,
                 sample: bytes | None = None, path: Path | None = None):
        self.where, self.reporter, self.hint = where, reporter, hint
        self.sample, self.path = sample, path
        self.fallback: str | None = None
        self.offset = 0

    def decode(self, raw: bytes, number: int) -> str:
        start, self.offset = self.offset, self.offset + len(raw)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        if self.fallback is None:
            self.fallback = choose_encoding(self._bad_lines(raw, start), self.hint)
            self.reporter.warn(self.where, f"not valid UTF-8 (from line {number}); decoded as {self.fallback}")
        try:
            return raw.decode(self.fallback)
        except UnicodeDecodeError:
            return raw.decode(self.fallback, errors="replace")

    def _bad_lines(self, raw: bytes, start: int) -> bytes:
        if self.sample is not None:
            lines: Iterable[bytes] = io.BytesIO(self.sample[start:start + DETECT_SCAN])
            return _collect_bad(lines)
        try:
            with open(self.path, "rb") as handle:
                handle.seek(start)
                return _collect_bad(_limited(handle, DETECT_SCAN))
        except (OSError, TypeError):
            return raw


def _limited(handle: io.BufferedReader, limit: int) -> Iterator[bytes]:
    total = 0
    for line in handle:
        yield line
        total += len(line)
        if total >= limit:
            return


def _collect_bad(lines: Iterable[bytes]) -> bytes:
    bad, size = [], 0
    for line in lines:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(line)
            size += len(line)
            if size >= DETECT_SAMPLE:
                break
    return b"".join(bad)


def _is_text_codec(name: str) -> bool:
    """A codec that turns bytes into text the way a browser's charset would (not base64, rot13, idna…)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return False
    if not getattr(info, "_is_text_encoding", True) or name in ("idna", "punycode", "unicode-escape",
                                                                    "raw-unicode-escape", "utf-7"):
        return False
    try:
        b"abc".decode(name)
    except (UnicodeError, LookupError, TypeError):
        return False
    return True


def choose_encoding(sample: bytes, hint: str | None = None) -> str:
    """The encoding of non-UTF-8 bytes: a declared charset, else charset-normalizer's guess.

    Western text is ambiguous between the Windows code pages (charset-normalizer
    often says cp1250 for French); when cp1252 reads the sample as well as the
    best guess does, cp1252 wins.
    """
    if hint:
        try:
            name = codecs.lookup(hint).name
        except LookupError:
            name = None
        if name in ("ascii", "latin-1", "iso8859-1"):
            return "cp1252"  # what browsers do with these labels
        if name and name != "utf-8" and _is_text_codec(name):
            return name
    from charset_normalizer import from_bytes  # slow import; only for files that need it

    try:
        as_cp1252: str | None = sample.decode("cp1252")
    except UnicodeDecodeError:
        as_cp1252 = None
    matches = list(from_bytes(sample))
    if not matches:
        return "cp1252" if as_cp1252 is not None else "latin-1"
    best = min(matches, key=lambda m: m.chaos)
    if as_cp1252 is not None and (
        str(best) == as_cp1252
        or any(m.encoding == "cp1252" and m.chaos <= best.chaos + 0.01 for m in matches)
    ):
        return "cp1252"
    return best.encoding


# ---------------------------------------------------------------- HTML


class Page(NamedTuple):
    text: str
    title: str | None
    date: str | None
    url: str | None


SKIPPED_ELEMENTS = {"script", "style", "noscript", "head", "template", "svg"}
BLOCK_ELEMENTS = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "br",
}
DATE_META = ("article:published_time", "og:published_time", "datepublished", "date",
             "dc.date", "dcterms.date", "pubdate", "publish-date", "sailthru.date")


def html_to_text(markup: str) -> Page:
    """The visible text of an HTML page, one line per block, with its title, date and URL."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    parser.end_line()
    meta = parser.meta
    title = " ".join("".join(parser.title).split()) or meta.get("og:title")
    date = next((meta[name] for name in DATE_META if meta.get(name)), None)
    return Page("\n".join(parser.lines), title or None, date, parser.canonical or meta.get("og:url"))


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self._line: list[str] = []
        self._skipping: list[str] = []  # open elements whose content is not shown
        self._in_title = False
        self._pre = 0

    def end_line(self) -> None:
        line = " ".join("".join(self._line).split())
        if line:
            self.lines.append(line)
        self._line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "meta":
            name = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "")
            if name and attributes.get("content") and name.lower() not in self.meta:
                self.meta[name.lower()] = attributes["content"].strip()
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical = self.canonical or attributes.get("href") or None
        elif tag == "title" and "svg" not in self._skipping and not self.title:
            self._in_title = True
        if tag == "body" and "head" in self._skipping:
            self._skipping.clear()  # </head> left out
        if tag in SKIPPED_ELEMENTS:
            self._skipping.append(tag)
        elif not self._skipping:
            if tag in BLOCK_ELEMENTS:
                self.end_line()
            elif tag in ("td", "th"):
                self._line.append(" ")
            if tag == "pre":
                self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in SKIPPED_ELEMENTS:  # a self-closed <script/> hides nothing
            super().handle_startendtag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._skipping:
            while self._skipping.pop() != tag:
                pass
        elif not self._skipping:
            if tag in BLOCK_ELEMENTS:
                self.end_line()
            if tag == "pre" and self._pre:
                self._pre -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        if self._skipping:
            return
        if self._pre:
            first, *rest = data.split("\n")
            self._line.append(first)
            for part in rest:
                self.end_line()
                self._line.append(part)
        else:
            self._line.append(data)


# ---------------------------------------------------------------- dates

_DATE_FORMATS = (
    "%Y/%m/%d", "%Y.%m.%d", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%d %B, %Y", "%B %d, %Y",
    "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%A, %d %B %Y", "%a, %d %b %Y", "%A, %B %d, %Y",
    "%a, %b %d, %Y", "%A %d %B %Y",
)
_ISO_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")
_ORDINAL = re.compile(r"(?<=\d)(st|nd|rd|th)\b", re.IGNORECASE)
_ABBREVIATION = re.compile(r"\b(Sept\b\.?|[A-Z][a-z]{2}\.)")  # "Sept." → "Sep", "Jun." → "Jun"


def normalize_date(value: str | None) -> str | None:
    """``value`` as YYYY-MM-DD when it reads as a date, else as given (stripped); None stays None.

    Reads ISO 8601 (with or without a time), RFC 2822 ("Wed, 05 Jun 2024
    10:00:00 GMT"), "2024/06/05", "05.06.2024" (day first), and English
    "5 June 2024", "June 5, 2024", "5th June 2024". Slash dates with the year
    last ("06/05/2024") are ambiguous and kept as given. A time zone does not
    shift the day: the date is the one written.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    match = _ISO_PREFIX.match(text)
    if match:
        try:
            return datetime(*map(int, match.groups())).date().isoformat()
        except ValueError:
            return text
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    plain = _ABBREVIATION.sub(lambda m: m.group(1)[:3], _ORDINAL.sub("", text))
    plain = " ".join(plain.split())
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(plain, fmt).date().isoformat()
        except ValueError:
            continue
    return text
