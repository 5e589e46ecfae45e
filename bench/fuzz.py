"""Fuzz ingest and extraction with random and mutated documents; report every crash.

    .venv/bin/python bench/fuzz.py --seconds 300 [--seed 1] [--crashes DIR] [--differential]
    .venv/bin/python bench/fuzz.py --seed 1 --replay 417 -o input.bin   # write input 417 to a file

Each input is a file of one format (.txt, .md, .html, .jsonl, .csv, or an
unknown extension named directly) made by one generator:

- ``unicode``: random code points from every plane, combining marks, bidi and
  zero-width controls, unpaired and paired emoji, NUL and C0/C1 controls;
- ``tokens``: very long tokens, long runs of punctuation and symbols, URLs,
  numbers with dots (spaCy has known slow cases here: explosion/spaCy#1768,
  #3002), mixed with actor sentences;
- ``mutated``: paragraphs of the sample articles with byte flips, deletions,
  duplications, homoglyphs, zero-width characters inside names, markup and
  line-separator injection;
- ``html``: tag soup: unclosed and misnested tags, scripts, styles, comments,
  CDATA, entities (valid, invalid, out of range), event handlers, meta charsets;
- ``jsonl``: valid, truncated and mistyped records, escapes of every kind
  (lone surrogates included), huge and nested values;
- ``csv``: quoting errors, runaway quotes, embedded newlines and NULs, other
  delimiters, BOMs, missing and extra fields;

then encoded (UTF-8, UTF-8 with BOM, UTF-16, cp1252, latin-1, or broken UTF-8).
The file goes through ``ingest.iter_documents`` and the documents through
``pipeline.extract_batch`` (the model loaded once), then ``build_graph``,
node-link JSON and the view's page data. Input ``i`` of seed ``s`` is made from
``random.Random(f"{s}:{i}")`` alone, so any finding can be replayed.

Findings:

- crash: any exception but GraphkitError, anywhere on that path;
- violation: a broken invariant (a document with a lone surrogate or a CR; an
  evidence row whose offsets do not give back its sentence, or whose doc is not
  its document's id; a row that cannot be written as UTF-8 JSON; a graph that
  does not survive its JSON form);
- slow: one input that took more than ``--slow`` seconds (default 5);
- with ``--differential``: evidence that differs with and without the sentence
  filter (``prefilter``), which is meant to change speed only.

Findings that match a known bug (``KNOWN``: each pinned by an xfail test) are
counted apart. The exit code is 1 when there is a new finding.
"""

from __future__ import annotations

import argparse
import codecs
import json
import random
import re
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

FORMATS = (".txt", ".md", ".html", ".jsonl", ".csv", ".dat")
GENERATORS = ("unicode", "tokens", "mutated", "html", "jsonl", "csv", "graph")
_SURROGATES = re.compile("[\ud800-\udfff]")
PER_INPUT_TIMEOUT = 20  # seconds before an input counts as a hang (SIGALRM)
MAX_RUN = 120  # longest run of one symbol read as text, unless --long-runs

ACTOR_SENTENCES = [
    "Russia attacked Ukraine.", "North Korea supplied artillery shells to Russia.",
    "Iran and Russia signed a defence pact in Tehran.", "China supports Russia, Beijing said.",
    "Kim Jong Un met Vladimir Putin in Pyongyang.", "NATO condemned Russia's strikes on Kyiv.",
    "The United States imposed sanctions on Iran.", "Moscow denied supplying weapons to Venezuela.",
    "South Korea reportedly sent observers to Ukraine.", "Hamas and Hezbollah threatened Israel.",
]
MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "</p><p>",
          "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xd800;", "&#x110000;", "&nbsp;", "<br/>",
          "<svg onload=alert(1)>", "</script>", "<style>", "\"'`", "{{7*7}}", "${7*7}", "%s%n", "\\u0000"]
SPECIAL = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u000d", "\u001b", "\u001c", "\u001f",
           "\u007f", "\u0085", "\u00a0", "\u00ad", "\u034f", "\u061c", "\u200b", "\u200c", "\u200d", "\u200e",
           "\u200f", "\u2028", "\u2029", "\u202a", "\u202e", "\u2060", "\u2066", "\u2069", "\ufeff", "\ufffc",
           "\ufffd", "\ufffe", "\uffff", "\U0001f600", "\U0001f1f7\U0001f1fa", "\U000e0001", "\U0010ffff",
           "\u0301", "\u0489", "\u3000", "\u1680", "\u180e"]
HOMOGLYPHS = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "i": "\u0456",
              "R": "\u0420", "K": "\u039a", "N": "\u039d"}
PUNCTUATION = "!?.,;:-_*#$%&()[]{}<>\"'/\\|~^`=+@"
CHARSETS = ["utf-8", "latin-1", "windows-1252", "utf-16", "x-bogus", "", "koi8-r", "shift_jis", "ascii", "utf-7",
            "base64", "hex", "rot13", "zlib", "idna", "punycode", "unicode_escape", "raw_unicode_escape"]
DATES = [None, "2024-06-19", "June 5, 2024", "2024-02-30", "x", 20240619, "", "Wed, 05 Jun 2024 10:00:00 GMT",
         "Wed, 05 Jun 99999999999 10:00:00 GMT", "31 Dec 9999 23:59:59 -2359", "9999-12-31T23:59:59-23:59",
         "0000-00-00", "1e400", "\u0000"]

# known bugs, each pinned by an xfail test in tests/test_faults.py: (kind, text in the finding, test)
KNOWN: list[tuple[str, tuple[str, ...], str]] = [
    # (kind, texts that all appear in "message at where", the xfail test that pins it). Empty: every
    # bug the runs found (lone surrogates, <meta charset> codecs, JSON lines Python cannot load,
    # out-of-range dates, damaged graph files, CSV header CRs, symbol runs) is fixed.
]


@dataclass
class Finding:
    kind: str  # crash, violation, slow, differential
    index: int
    generator: str
    fmt: str
    message: str
    where: str = ""
    known: str | None = None

    def signature(self) -> tuple:
        """What findings of one cause share: kind, message without its names and numbers, place."""
        message = re.sub(r"\\u[0-9a-fA-F]{4}", "_", self.message)
        message = re.sub(r"'[^']*'|\"[^\"]*\"|\d+(\.\d+)?", "_", message)
        return self.kind, message[:60], self.where

    def line(self) -> str:
        where = f" at {self.where}" if self.where else ""
        known = f" [known: {self.known}]" if self.known else ""
        return f"{self.kind} #{self.index} {self.generator}{self.fmt}: {self.message}{where}{known}"


@dataclass
class Report:
    seed: int
    inputs: int = 0
    documents: int = 0
    evidence: int = 0
    skipped: int = 0
    seconds: float = 0.0
    by_generator: Counter = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)

    @property
    def new(self) -> list[Finding]:
        return [f for f in self.findings if not f.known]

    def summary(self) -> str:
        kinds = Counter(f.kind for f in self.findings)
        unique: dict[tuple, Finding] = {}
        seen: Counter = Counter()
        for finding in self.findings:
            unique.setdefault(finding.signature(), finding)
            seen[finding.signature()] += 1
        lines = [f"fuzz seed {self.seed}: {self.inputs} inputs in {self.seconds:.0f} s "
                 f"({', '.join(f'{g} {n}' for g, n in sorted(self.by_generator.items()))}); "
                 f"{self.documents} documents, {self.skipped} skips, {self.evidence} evidence rows",
                 f"findings: {len(self.findings)} "
                 f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items())) or 'none'}), "
                 f"{len(self.new)} new, {len(unique)} distinct"]
        lines += [f"  {seen[key]:>4} × {f.line()}" for key, f in unique.items()]
        return "\n".join(lines)


# ---------------------------------------------------------------- generators


def _samples() -> list[str]:
    paragraphs = []
    for path in sorted(SAMPLES.glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    return paragraphs or ACTOR_SENTENCES


_SAMPLE_PARAGRAPHS: list[str] = []


def sample_paragraphs() -> list[str]:
    if not _SAMPLE_PARAGRAPHS:
        _SAMPLE_PARAGRAPHS.extend(_samples())
    return _SAMPLE_PARAGRAPHS


def random_unicode(rng: random.Random, size: int) -> str:
    parts = []
    while sum(map(len, parts)) < size:
        roll = rng.random()
        if roll < 0.3:
            parts.append(rng.choice(ACTOR_SENTENCES) + rng.choice([" ", "\n", "", "\u2028"]))
        elif roll < 0.5:
            parts.append("".join(rng.choice(SPECIAL) for _ in range(rng.randint(1, 8))))
        elif roll < 0.8:
            block = rng.choice([(0x20, 0x7e), (0xa0, 0x24f), (0x370, 0x3ff), (0x400, 0x4ff), (0x590, 0x6ff),
                                (0x900, 0x97f), (0x3040, 0x30ff), (0x4e00, 0x4fff), (0xac00, 0xacff),
                                (0x1f300, 0x1f6ff), (0x0, 0x10ffff)])
            chars = []
            for _ in range(rng.randint(1, 40)):
                point = rng.randint(*block)
                if not 0xd800 <= point <= 0xdfff:
                    chars.append(chr(point))
            parts.append("".join(chars))
        else:
            parts.append(" ".join(rng.choice(["the", "said", "and", "of", "Moscow", "Kyiv", "Beijing", "Putin",
                                              "Kim", "troops", "drones", "sanctions", ".", ","])
                                  for _ in range(rng.randint(1, 20))))
    return "".join(parts)[:size]


def long_tokens(rng: random.Random, size: int, max_run: int = 400) -> str:
    """Long tokens and runs of symbols (``make_input`` cuts runs of one symbol to MAX_RUN unless
    ``long_runs``: longer ones are the known quadratic case, test_punctuation_runs_take_linear_time)."""
    parts = []
    while sum(map(len, parts)) < size:
        roll = rng.random()
        if roll < 0.25:
            parts.append(rng.choice(ACTOR_SENTENCES))
        elif roll < 0.45:
            parts.append(rng.choice("abcxyzRussia") * rng.randint(100, 20_000))
        elif roll < 0.6:
            parts.append(rng.choice(PUNCTUATION) * rng.randint(2, max_run))
        elif roll < 0.7:
            parts.append("".join(rng.choice(PUNCTUATION) for _ in range(rng.randint(2, max_run))))
        elif roll < 0.8:
            parts.append("https://example.org/" + "/".join("x" * rng.randint(1, 30) for _ in range(rng.randint(1, 30)))
                         + "?q=" + "a%20" * rng.randint(1, 50))
        elif roll < 0.9:
            parts.append(".".join(str(rng.randint(0, 999)) for _ in range(rng.randint(2, 12))))
        else:
            parts.append(rng.choice(ACTOR_SENTENCES).replace(" ", rng.choice(["", "\u00a0", "  ", "\t", "-"])))
        parts.append(rng.choice([" ", "\n", "", "\n\n", ". "]))
    return "".join(parts)[:size]


def mutated_article(rng: random.Random, size: int) -> str:
    paragraphs = sample_paragraphs()
    start = rng.randrange(len(paragraphs))
    text = "\n".join(paragraphs[start:start + rng.randint(1, 4)])
    chars = list(text)
    for _ in range(rng.randint(1, 12)):
        if not chars:
            break
        roll, at = rng.random(), rng.randrange(len(chars))
        if roll < 0.15:
            chars[at] = chr(rng.randint(0, 0x2ff))
        elif roll < 0.25:
            del chars[at:at + rng.randint(1, 30)]
        elif roll < 0.35:
            chars[at:at] = chars[at:at + rng.randint(1, 200)]
        elif roll < 0.5:
            chars[at] = HOMOGLYPHS.get(chars[at], chars[at])
        elif roll < 0.65:
            chars.insert(at, rng.choice(SPECIAL))
        elif roll < 0.8:
            chars[at:at] = list(rng.choice(MARKUP))
        elif roll < 0.9:
            chars[at:at] = list(rng.choice(ACTOR_SENTENCES))
        else:
            chars[at:at] = list(rng.choice(["\r\n", "\r", "\n\n\n", "\u2028", "\x0b", "\x0c", "\x85"]))
    return "".join(chars)[:size]


def random_html(rng: random.Random, size: int) -> str:
    tags = ["p", "div", "span", "b", "a", "script", "style", "noscript", "template", "svg", "title", "head",
            "body", "html", "pre", "br", "td", "tr", "table", "li", "ul", "h1", "meta", "link", "iframe", "math",
            "textarea", "xmp", "plaintext", "select", "option"]
    parts = []
    if rng.random() < 0.5:
        parts.append(rng.choice(["<!doctype html>", "<?xml version='1.0'?>", "<html>", ""]))
    if rng.random() < 0.3:
        parts.append(f'<meta charset="{rng.choice(CHARSETS)}">')
    while sum(map(len, parts)) < size:
        roll = rng.random()
        tag = rng.choice(tags)
        if roll < 0.3:
            attrs = rng.choice(["", " onclick=\"alert(1)\"", " class=x", " href='javascript:alert(1)'",
                                ' property="article:published_time" content="2024-13-45"',
                                ' rel="canonical" href="' + "x" * rng.randint(0, 50) + '"', " a" * rng.randint(0, 20)])
            parts.append(f"<{tag}{attrs}{rng.choice(['>', '/>', ' ', ''])}")
        elif roll < 0.45:
            parts.append(f"</{tag}{rng.choice(['>', '', ' >'])}")
        elif roll < 0.7:
            parts.append(rng.choice(ACTOR_SENTENCES + sample_paragraphs()[:30]))
        elif roll < 0.85:
            parts.append(rng.choice(MARKUP + ["&#" + str(rng.randint(0, 0x11ffff)) + ";",
                                              "&#x" + format(rng.randint(0, 0x11ffff), "x") + ";", "&bogus;", "&"]))
        else:
            parts.append(random_unicode(rng, rng.randint(1, 60)))
    return "".join(parts)[:size]


def random_jsonl(rng: random.Random, size: int) -> str:
    lines = []
    while sum(map(len, lines)) < size:
        roll = rng.random()
        text = rng.choice([rng.choice(ACTOR_SENTENCES), mutated_article(rng, 600), random_unicode(rng, 80)])
        record: object = {"text": text}
        if roll < 0.5:
            record = {"id": rng.choice([None, "a", 7, "", "dup", [1], {"x": 1}, "x" * 300]),
                      "title": rng.choice([None, "T", 3.5, True, "<b>t</b>"]),
                      "date": rng.choice(DATES),
                      "url": rng.choice([None, "javascript:alert(1)", "https://e.org"]),
                      "text": rng.choice([text, text, None, 42, "", "   ", ["a"], {"t": 1}])}
        line = json.dumps(record, ensure_ascii=rng.random() < 0.5)
        roll = rng.random()
        if roll < 0.08:
            line = line[:rng.randrange(len(line) + 1)]  # truncated
        elif roll < 0.14:
            point = rng.choice(["\\ud800", "\\udfff", "\\ud83d", "\\ude00", "\\ud83d\\ude00", "\\u0000", "\\uFFFF"])
            line = line.replace('"text": "', f'"text": "{point}', 1)  # escapes, lone surrogates included
        elif roll < 0.18:
            line = rng.choice(["[]", "null", "42", '"text"', "{", "{}", '{"text": "a", "text": 5}', "\ufeff{}"])
        elif roll < 0.2:
            line = json.dumps({"text": {"deep": [[[[[[["x"]]]]]]]}, "id": "n"})
        elif roll < 0.21:
            line = "[" * rng.randint(1_000, 100_000)  # deeper than Python's recursion limit
        elif roll < 0.22:
            line = '{"text": "Russia attacked Ukraine.", "id": ' + "9" * rng.randint(10, 6000) + "}"
        lines.append(line + rng.choice(["\n", "\r\n", "\n\n", "\n"]))
    return "".join(lines)


def random_csv(rng: random.Random, size: int) -> str:
    delimiter = rng.choice([",", ",", ";", "\t", "|"])
    header = rng.choice([["id", "text"], ["text"], ["ID", " Text ", "title"], ["id", "body"], ["text", "text"],
                         ["id", "title", "date", "text"]])
    rows = [delimiter.join(header)]
    while sum(map(len, rows)) < size:
        cells = []
        for name in header:
            value = rng.choice([rng.choice(ACTOR_SENTENCES), mutated_article(rng, 300), str(rng.randint(0, 9)),
                                "", random_unicode(rng, 30)]) if name.strip().lower() == "text" else rng.choice(
                                    ["1", "x", "", "2024-06-19", "a\nb", str(rng.choice(DATES))])
            roll = rng.random()
            if roll < 0.6:
                value = '"' + value.replace('"', '""') + '"'
            elif roll < 0.68:
                value = '"' + value  # runaway quote
            elif roll < 0.72:
                value = value + "\0"
            cells.append(value)
        if rng.random() < 0.1:
            cells = cells[:-1] if rng.random() < 0.5 else cells + ["extra"]
        rows.append(delimiter.join(cells))
    return rng.choice(["", "\ufeff"]) + rng.choice(["\n", "\r\n"]).join(rows) + rng.choice(["", "\n"])


def _base_graph() -> dict:
    from graphkit.graph import build_graph, to_node_link
    from graphkit.types import Actor, Document, Evidence, relation_vocabulary

    vocabulary = relation_vocabulary()
    actors = [Actor("RUS", "Russia", "country", ("Moscow",)), Actor("UKR", "Ukraine", "country"),
              Actor("vladimir-putin", "Vladimir Putin", "person", ("Putin",), "RUS"),
              Actor("PRK", "North Korea", "country", ("Pyongyang",))]
    rows = []
    for number, (source, relation, target) in enumerate([("RUS", "ATTACK", "UKR"), ("PRK", "SUPPLY_ARMS", "RUS"),
                                                          ("RUS", "ALLY", "PRK"), ("vladimir-putin", "MEET", "PRK")]):
        sentence = f"Sentence {number} <b>x</b>."
        rel = vocabulary[relation]
        rows.append(Evidence(doc="a.txt", sentence=sentence, start=number * 40, end=number * 40 + len(sentence),
                             date="2024-06-19", source=source, source_id=source, relation=relation, target=target,
                             target_id=target, polarity=rel.polarity, weight=rel.weight, predicate="p",
                             hedged=number == 1, negated=number == 2, confidence=0.8))
    graph = build_graph(rows, actors, [Document(id="a.txt", text="", title="T", date="2024-06-19")],
                        [("vladimir-putin", "LEADS", "RUS")])
    return to_node_link(graph)


_BASE_GRAPH: list[dict] = []
ODD_VALUES = [None, "", "x", "many", 0, -1, 10**30, 1.5, float("inf"), True, [], ["a"], [1, [2]], {}, {"x": 1},
              "<script>alert(1)</script>", "\u202e", "2024-13-45", "LEADS", "NOPE"]


def random_graph_file(rng: random.Random, size: int) -> str:
    """A graph.json with a few fields given odd values or removed: what ``graphkit render`` may be given."""
    if not _BASE_GRAPH:
        _BASE_GRAPH.append(_base_graph())
    data = json.loads(json.dumps(_BASE_GRAPH[0]))
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        links = data.get("links") if isinstance(data.get("links"), list) else []
        nodes = data.get("nodes") if isinstance(data.get("nodes"), list) else []
        links = [link for link in links if isinstance(link, dict)]
        nodes = [node for node in nodes if isinstance(node, dict) and node]
        if roll < 0.35 and links:
            link = rng.choice(links)
            items = [i for i in link.get("evidence") or () if isinstance(i, dict) and i] \
                if isinstance(link.get("evidence"), list) else []
            if items and rng.random() < 0.5:
                item = rng.choice(items)
                item[rng.choice(list(item))] = rng.choice(ODD_VALUES)
            elif link:
                name = rng.choice(list(link))
                if rng.random() < 0.2:
                    del link[name]
                else:
                    link[name] = rng.choice(ODD_VALUES)
        elif roll < 0.6 and nodes:
            node = rng.choice(nodes)
            name = rng.choice(list(node))
            if rng.random() < 0.2:
                del node[name]
            else:
                node[name] = rng.choice(ODD_VALUES)
        elif roll < 0.75 and isinstance(data.get("graph"), dict):
            data["graph"][rng.choice(["documents", "format", "view"])] = rng.choice(ODD_VALUES)
        elif roll < 0.85:
            data[rng.choice(["nodes", "links", "graph", "directed", "multigraph"])] = rng.choice(ODD_VALUES)
        elif isinstance(data.get("links"), list):
            data["links"].append(dict(rng.choice(links or [{}]), source=rng.choice(ODD_VALUES)))
    text = json.dumps(data, ensure_ascii=False)
    return text[:rng.randrange(len(text))] if rng.random() < 0.05 else text


MAKERS = {"unicode": random_unicode, "tokens": long_tokens, "mutated": mutated_article, "html": random_html,
          "jsonl": random_jsonl, "csv": random_csv, "graph": random_graph_file}
NATURAL_FORMAT = {"html": ".html", "jsonl": ".jsonl", "csv": ".csv"}


def encode(rng: random.Random, text: str) -> bytes:
    roll = rng.random()
    if roll < 0.6:
        return text.encode("utf-8", "surrogatepass")
    if roll < 0.7:
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    if roll < 0.78:
        return text.encode("utf-16", "surrogatepass")
    if roll < 0.9:
        return text.encode(rng.choice(["cp1252", "latin-1"]), "replace")
    data = bytearray(text.encode("utf-8", "surrogatepass"))  # broken UTF-8: stray bytes, cut sequences
    for _ in range(rng.randint(1, 5)):
        if data:
            data[rng.randrange(len(data))] = rng.choice([0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xf0, 0xff, 0xfe])
    return bytes(data)


def make_input(seed: int, index: int, max_size: int = 4096, long_runs: bool = False) -> tuple[str, str, bytes]:
    """(generator, file extension, bytes) of input ``index``."""
    rng = random.Random(f"{seed}:{index}")
    generator = GENERATORS[index % len(GENERATORS)]
    size = rng.choice([rng.randint(0, 200), rng.randint(0, max_size), max_size * rng.randint(1, 8)])
    text = MAKERS[generator](rng, size)
    if generator == "graph":
        return generator, ".json", text.encode("utf-8", "surrogatepass")
    fmt = NATURAL_FORMAT.get(generator) if rng.random() < 0.85 else None
    fmt = fmt or rng.choice(FORMATS)
    if fmt != ".jsonl" and not long_runs:  # runs of one symbol stay short unless asked for (see long_tokens)
        text = re.sub(r"([^\w\s])\1{%d,}" % MAX_RUN, lambda m: m.group(0)[:MAX_RUN], text)
    if fmt in (".html", ".jsonl", ".csv") and generator not in NATURAL_FORMAT:
        text = {".html": lambda t: "<p>" + t.replace("\n", "</p><p>") + "</p>",
                ".jsonl": lambda t: json.dumps({"id": f"i{index}", "text": t}) + "\n",
                ".csv": lambda t: 'id,text\n1,"' + t.replace('"', '""') + '"\n'}[fmt](text)
    return generator, fmt, encode(rng, text)


# ---------------------------------------------------------------- running one input


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    frame = next((f for f in reversed(frames) if "/graphkit/" in f.filename), frames[-1] if frames else None)
    return f"{Path(frame.filename).name}:{frame.lineno} {frame.name}" if frame else ""


def check_documents(documents, found) -> None:
    for doc in documents:
        if any(0xd800 <= ord(c) <= 0xdfff for c in doc.text + (doc.id or "") + (doc.title or "")):
            found("violation", f"lone surrogate in document {doc.id!r}")
        if "\r" in doc.text:
            found("violation", f"CR left in the text of {doc.id!r}")
        if not doc.text.strip():
            found("violation", f"empty document {doc.id!r} was not skipped")


def check_evidence(documents, results, found) -> list:
    rows = []
    for doc, result in zip(documents, results):
        for e in result.evidence:
            rows.append(e)
            if e.doc != doc.id:
                found("violation", f"evidence doc {e.doc!r} is not {doc.id!r}")
            if not (0 <= e.start < e.end <= len(doc.text)) or doc.text[e.start:e.end] != e.sentence:
                found("violation", f"offsets {e.start}:{e.end} of {doc.id!r} do not give the sentence "
                      f"{e.sentence[:60]!r}")
            try:
                json.dumps(e.to_dict(), ensure_ascii=False).encode("utf-8")
            except (UnicodeError, TypeError, ValueError) as exc:
                found("violation", f"evidence row cannot be written: {exc}")
    return rows


def check_graph(rows, documents, found, render: bool) -> None:
    from graphkit.graph import build_graph, from_node_link, to_node_link

    graph = build_graph(rows, (), documents)
    data = json.loads(json.dumps(to_node_link(graph), ensure_ascii=False))
    if to_node_link(from_node_link(data)) != data:
        found("violation", "graph does not survive its JSON form")
    if render:
        from graphkit.render import page_data, select_view

        json.dumps(page_data(select_view(graph), title="fuzz"), default=str)


def run_graph_file(path: Path, found) -> None:
    """``graphkit render``'s path: read a graph file, select a view, draw the page."""
    from graphkit.errors import GraphkitError
    from graphkit.graph import read_graph
    from graphkit.render import render_page

    try:
        render_page(read_graph(path), title="fuzz")
    except GraphkitError:
        pass
    except _Timeout:
        raise
    except Exception as exc:
        found("graph-crash", f"{type(exc).__name__}: {exc}"[:300], _where(exc))


def run_one(path: Path, found, *, differential: bool, render: bool, counts: Counter) -> None:
    from graphkit.errors import GraphkitError
    from graphkit.ingest import iter_documents
    from graphkit.pipeline import extract_batch

    if path.suffix == ".json":
        run_graph_file(path, found)
        return
    try:
        skips = []
        documents = list(iter_documents([path], on_skip=lambda w, r: skips.append((w, r)),
                                        on_warning=lambda w, r: None))
        counts["skipped"] += len(skips)
        counts["documents"] += len(documents)
        check_documents(documents, found)
        if not documents:
            return
        # go on as if lone surrogates were replaced at ingest (the known bug's fix), to look further
        documents = [replace(d, **{name: _SURROGATES.sub("\ufffd", getattr(d, name)) for name in
                                   ("id", "text", "title", "date", "url") if getattr(d, name)}) for d in documents]
        results = extract_batch(documents)
        rows = check_evidence(documents, results, found)
        counts["evidence"] += len(rows)
        if differential:
            plain = extract_batch(documents, prefilter=False)
            for doc, a, b in zip(documents, results, plain):
                if a.evidence != b.evidence:
                    only_a = {(e.start, e.source_id, e.relation, e.target_id) for e in a.evidence} - {
                        (e.start, e.source_id, e.relation, e.target_id) for e in b.evidence}
                    only_b = {(e.start, e.source_id, e.relation, e.target_id) for e in b.evidence} - {
                        (e.start, e.source_id, e.relation, e.target_id) for e in a.evidence}
                    found("differential", f"prefilter changes the evidence of {doc.id!r}: "
                          f"only with {sorted(only_a)[:3]}, only without {sorted(only_b)[:3]}")
        check_graph(rows, documents, found, render)
    except GraphkitError:
        pass
    except _Timeout:
        raise
    except Exception as exc:  # a crash: what this harness is for
        found("crash", f"{type(exc).__name__}: {exc}"[:300], _where(exc))


def classify(finding: Finding) -> Finding:
    seen = f"{finding.message} at {finding.where}"
    for kind, texts, test in KNOWN:
        if finding.kind == kind and all(text in seen for text in texts):
            finding.known = test
    return finding


def fuzz(seconds: float, seed: int = 1, *, max_size: int = 4096, slow: float = 5.0, differential: bool = False,
         render_every: int = 25, crashes: Path | None = None, start: int = 0, limit: int | None = None,
         long_runs: bool = False, log=None) -> Report:
    """Try inputs ``start, start+1, ...`` for ``seconds`` (or ``limit`` inputs); return what was found."""
    from graphkit.pipeline import extract_batch
    from graphkit.types import Document

    extract_batch([Document(id="warm-up", text=ACTOR_SENTENCES[0])])  # load the model before the clock starts
    report = Report(seed=seed)
    counts: Counter = Counter()
    began = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _alarm) if hasattr(signal, "SIGALRM") else None
    index = start
    with tempfile.TemporaryDirectory(prefix="graphkit-fuzz-") as folder:
        try:
            while time.monotonic() - began < seconds and (limit is None or index < start + limit):
                generator, fmt, data = make_input(seed, index, max_size, long_runs)
                path = Path(folder, f"input{fmt}")
                path.write_bytes(data)
                here: list[Finding] = []

                def found(kind, message, where="", _g=generator, _f=fmt, _i=index):
                    here.append(classify(Finding(kind, _i, _g, _f, message, where)))

                started = time.monotonic()
                if previous is not None:
                    signal.alarm(PER_INPUT_TIMEOUT)
                try:
                    run_one(path, found, differential=differential, render=index % render_every == 0,
                            counts=counts)
                except _Timeout:
                    found("slow", f"no answer after {PER_INPUT_TIMEOUT} s ({_longest_run(data)})")
                finally:
                    if previous is not None:
                        signal.alarm(0)
                took = time.monotonic() - started
                if took > slow and not any(f.kind == "slow" for f in here):
                    found("slow", f"{took:.1f} s for {len(data)} bytes ({_longest_run(data)})")
                report.by_generator[generator] += 1
                report.inputs += 1
                for finding in here:
                    report.findings.append(finding)
                    if log:
                        log(finding.line())
                    if crashes is not None and not finding.known:
                        crashes.mkdir(parents=True, exist_ok=True)
                        (crashes / f"seed{seed}-{index}{fmt}").write_bytes(data)
                index += 1
        finally:
            if previous is not None:
                signal.signal(signal.SIGALRM, previous)
    report.documents, report.evidence, report.skipped = counts["documents"], counts["evidence"], counts["skipped"]
    report.seconds = time.monotonic() - began
    return report


def _longest_run(data: bytes) -> str:
    """The longest run of one punctuation byte: what makes spaCy's tokenizer slow."""
    best, char, length, last = 0, "", 0, None
    for byte in data:
        length = length + 1 if byte == last else 1
        last = byte
        if length > best and chr(byte) in PUNCTUATION:
            best, char = length, chr(byte)
    return f"longest run of {char!r}: {best}" if best else "no punctuation run"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="how long to run (default 60)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="first input index")
    parser.add_argument("--limit", type=int, help="stop after this many inputs")
    parser.add_argument("--max-size", type=int, default=4096, help="typical input size in characters")
    parser.add_argument("--slow", type=float, default=5.0, help="seconds for one input to count as slow")
    parser.add_argument("--differential", action="store_true",
                        help="also extract without the sentence filter and compare")
    parser.add_argument("--crashes", type=Path, help="folder to save inputs with new findings")
    parser.add_argument("--long-runs", action="store_true",
                        help="let runs of one symbol be long (finds the known quadratic tokenizer case)")
    parser.add_argument("--replay", type=int, help="write input REPLAY to -o and exit")
    parser.add_argument("-o", "--output", type=Path, help="where --replay writes the input")
    parser.add_argument("-q", "--quiet", action="store_true", help="no line per finding")
    args = parser.parse_args(argv)
    if args.replay is not None:
        generator, fmt, data = make_input(args.seed, args.replay, args.max_size, args.long_runs)
        target = args.output or Path(f"fuzz-{args.seed}-{args.replay}{fmt}")
        target.write_bytes(data)
        print(f"{generator} input {args.replay} ({len(data)} bytes) → {target}")
        return 0
    report = fuzz(args.seconds, args.seed, max_size=args.max_size, slow=args.slow, differential=args.differential,
                  crashes=args.crashes, start=args.start, limit=args.limit, long_runs=args.long_runs,
                  log=None if args.quiet else lambda line: print(line, file=sys.stderr, flush=True))
    print(report.summary())
    return 1 if report.new else 0


if __name__ == "__main__":
    sys.exit(main())
