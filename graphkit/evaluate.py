"""Scoring system triples against a gold set (SCHEMA.md, "Gold files").

The figures are those of the project's shared scorer (tools/score.py); the
tests run both on the same inputs and compare. In short:

- Names are compared after ``canonical_name``: whitespace collapsed, lower
  case, one leading "the " dropped, ’ read as ', then the spellings in
  ``data/eval_aliases.json`` mapped to the gold's names ("dprk" → "north korea").
- Documents are matched by file stem (``doc_key``): "a/b/story.txt" is "story".
- Only event relations count (system rows with a structural or unknown
  relation are dropped before anything else, and are not in ``system_triples``).
  Symmetric relations match in either direction.
- Negated triples (either side) are left out of precision and recall; a self-loop
  (source == target after mapping) is dropped. A gold triple's ``accept`` list
  names system relations that count as the gold relation for that actor pair.
- Views: unique typed triples per document (``doc_typed``), unordered actor
  pairs (``doc_pair``), (source, polarity, target) (``doc_polarity``), and
  typed triples per gold sentence (``sent_typed``), a system row being aligned
  to a gold sentence by its ``sentence`` text (exact, else containment within
  the same document).
- The ``state`` level maps people and bodies to the country they act for
  (``affiliations``; the value "none" means independent) on both sides.
- ``negation_recall``: the share of negated gold (doc, triple) pairs that the
  system also gives, marked negated (names canonical, no state mapping).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path, PurePath
from typing import NamedTuple

from graphkit.errors import InputError
from graphkit.types import event_relations, relation_vocabulary

LEVELS = ("actor", "state")
VIEWS = ("doc_typed", "doc_pair", "doc_polarity", "sent_typed")
UNALIGNED = "unmatched:"  # unit of a system sentence that is not in the gold


class Mention(NamedTuple):
    """One triple as scored: canonical names, its document and sentence unit, its sentence text."""

    doc: str
    sentence: str
    source: str
    relation: str
    target: str
    text: str
    aligned: bool = True  # a system sentence found in the gold (or no sentence view needed)


# ---------------------------------------------------------------- names and keys


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Spellings a system may emit → the gold's canonical name (lower case)."""
    text = resources.files("graphkit").joinpath("data/eval_aliases.json").read_text(encoding="utf-8")
    return json.loads(text)


def canonical_name(name: object) -> str:
    """The name as the scorer compares it: "The  DPRK" → "north korea"."""
    text = re.sub(r"\s+", " ", str(name or "")).strip().lower()
    text = text.removeprefix("the ").replace("\u2019", "'")
    return aliases().get(text, text)


def doc_key(doc: object) -> str:
    """The document a triple belongs to, for matching: its file stem."""
    return PurePath(str(doc)).stem


def is_symmetric(relation: str) -> bool:
    known = relation_vocabulary().get(relation)
    return bool(known and known.symmetric)


def triple_key(source: str, relation: str, target: str) -> tuple[str, str, str]:
    """(source, relation, target), symmetric relations with the ends in sorted order."""
    if is_symmetric(relation) and target < source:
        source, target = target, source
    return source, relation, target


def polarity_key(source: str, relation: str, target: str) -> tuple[str, int, str]:
    if is_symmetric(relation):  # every symmetric relation is positive
        return min(source, target), 1, max(source, target)
    known = relation_vocabulary().get(relation)
    return source, known.polarity if known else 0, target


def state_table(affiliations: dict[str, str] | None) -> dict[str, str]:
    """Canonical actor → canonical country; entries with the value "none" (or empty) left out."""
    return {canonical_name(k): canonical_name(v)
            for k, v in (affiliations or {}).items() if v and v != "none"}


# ---------------------------------------------------------------- loading


def _read_jsonl(path: Path | str, what: str) -> Iterator[tuple[int, dict]]:
    try:
        handle = open(path, encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{what} file not found: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {what} file {path}: {exc.strerror or exc}") from None
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{number}: invalid JSON: {exc.msg}") from None
                if not isinstance(record, dict):
                    raise InputError(f"{path}:{number}: not a JSON object")
                yield number, record
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text") from None


def load_gold(path: Path | str) -> list[dict]:
    """Gold sentences from a JSON Lines file; raises InputError, with the line, on a bad record."""
    gold = []
    for number, record in _read_jsonl(path, "gold"):
        missing = [f for f in ("id", "doc", "text", "triples") if f not in record]
        if missing:
            raise InputError(f"{path}:{number}: missing {', '.join(repr(f) for f in missing)}")
        if not isinstance(record["triples"], list) or not isinstance(record["text"], str):
            raise InputError(f"{path}:{number}: 'triples' must be a list and 'text' a string")
        for triple in record["triples"]:
            if not isinstance(triple, dict) or not {"source", "relation", "target"} <= triple.keys():
                raise InputError(f"{path}:{number}: a triple needs source, relation and target")
            if not isinstance(triple.get("accept", []), list):
                raise InputError(f"{path}:{number}: 'accept' must be a list of relations")
        gold.append(record)
    return gold


def load_system(path: Path | str) -> list[dict]:
    """System triples from a JSON Lines file (``graphkit extract`` output or any rows with
    doc, source, relation, target; optional sentence, negated)."""
    return [record for _, record in _read_jsonl(path, "system")]


def load_affiliations(path: Path | str) -> dict[str, str]:
    try:
        with open(path, encoding="utf-8") as handle:
            table = json.load(handle)
    except FileNotFoundError:
        raise InputError(f"affiliations file not found: {path}") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read affiliations file {path}: {exc}") from None
    if not isinstance(table, dict):
        raise InputError(f"{path}: affiliations must be a JSON object of name → country")
    return table


# ---------------------------------------------------------------- mentions


class SentenceIndex:
    """Aligns a system sentence to a gold sentence id.

    Exact text first (in any document: when two gold sentences share a text,
    the later one holds it); else the first gold sentence of the same
    document that contains the system sentence or is contained in it.
    """

    def __init__(self, gold: Iterable[dict]):
        self._by_text: dict[str, tuple[str, object]] = {}
        for record in gold:
            self._by_text[record["text"].strip()] = (doc_key(record["doc"]), record["id"])
        self._cache: dict[tuple[str, str], object] = {}

    def align(self, doc: str, sentence: str) -> object | None:
        hit = self._by_text.get(sentence)
        if hit is not None:
            return hit[1]
        if not sentence:
            return None
        if (doc, sentence) not in self._cache:
            self._cache[doc, sentence] = next(
                (sid for text, (d, sid) in self._by_text.items()
                 if d == doc and (text in sentence or sentence in text)), None)
        return self._cache[doc, sentence]


def gold_mentions(gold: Iterable[dict], actor_of: Callable[[str], str]) -> Iterator[Mention]:
    """Asserted (non-negated) gold triples."""
    for record in gold:
        doc = doc_key(record["doc"])
        for triple in record["triples"]:
            if not triple.get("negated"):
                yield Mention(doc, record["id"], actor_of(canonical_name(triple["source"])),
                              triple["relation"], actor_of(canonical_name(triple["target"])),
                              record["text"].strip())


def accepted_relations(gold: Iterable[dict], actor_of: Callable[[str], str]) -> dict[tuple, str]:
    """(doc, source, target, system relation) → the gold relation it stands for, both directions.

    Built from every gold triple, negated ones too; where two gold triples of
    one pair accept the same relation, the later one wins.
    """
    table = {}
    for record in gold:
        doc = doc_key(record["doc"])
        for triple in record["triples"]:
            source = actor_of(canonical_name(triple["source"]))
            target = actor_of(canonical_name(triple["target"]))
            for relation in triple.get("accept") or []:
                table[doc, source, target, relation] = triple["relation"]
                table[doc, target, source, relation] = triple["relation"]
    return table


def system_mentions(system: Iterable[dict], actor_of: Callable[[str], str],
                    accepted: dict[tuple, str], index: SentenceIndex) -> list[Mention]:
    """Asserted system triples (event relations only), relations rewritten by ``accept``,
    each in the gold sentence it aligns to or in an ``unmatched:…`` unit."""
    mentions = []
    for row in system:
        if row.get("negated"):
            continue
        doc = doc_key(row.get("doc", ""))
        source = actor_of(canonical_name(row["source"]))
        target = actor_of(canonical_name(row["target"]))
        relation = accepted.get((doc, source, target, row["relation"]), row["relation"])
        sentence = str(row.get("sentence") or "").strip()
        unit = index.align(doc, sentence)
        aligned = unit is not None
        if not aligned:
            unit = UNALIGNED + sentence[:60]
        mentions.append(Mention(doc, unit, source, relation, target, sentence, aligned))
    return mentions


# ---------------------------------------------------------------- scoring


def prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 3), "r": round(recall, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def view_sets(mentions: Iterable[Mention], view: str) -> dict[object, set]:
    """Unit (document or sentence) → the set of keys of one view; self-loops left out."""
    sets: dict[object, set] = defaultdict(set)
    for m in mentions:
        if m.source == m.target:
            continue
        if view == "doc_pair":
            sets[m.doc].add(tuple(sorted((m.source, m.target))))
        elif view == "doc_polarity":
            sets[m.doc].add(polarity_key(m.source, m.relation, m.target))
        else:
            unit = m.sentence if view == "sent_typed" else m.doc
            sets[unit].add(triple_key(m.source, m.relation, m.target))
    return sets


def compare(gold_sets: dict[object, set], system_sets: dict[object, set]) -> dict:
    tp = fp = fn = 0
    for unit in gold_sets.keys() | system_sets.keys():
        g, s = gold_sets.get(unit, set()), system_sets.get(unit, set())
        tp, fp, fn = tp + len(g & s), fp + len(s - g), fn + len(g - s)
    return prf(tp, fp, fn)


def _event_rows(system: Iterable[dict]) -> list[dict]:
    """The rows that are scored: those with an event relation. Raises InputError for a row without ends."""
    events = set(event_relations())
    rows = []
    for number, row in enumerate(system, 1):
        if row.get("relation") in events:
            for name in ("source", "target"):
                if name not in row:
                    raise InputError(f"system row {number}: missing {name!r}")
            rows.append(row)
    return rows


def _level_mentions(gold: list[dict], system: list[dict], states: dict[str, str],
                    level: str, index: SentenceIndex) -> tuple[list[Mention], list[Mention]]:
    actor_of = (lambda name: states.get(name, name)) if level == "state" else (lambda name: name)
    accepted = accepted_relations(gold, actor_of)
    return list(gold_mentions(gold, actor_of)), system_mentions(system, actor_of, accepted, index)


def score(gold: list[dict], system: list[dict], affiliations: dict[str, str] | None = None) -> dict:
    """Precision, recall and F1 of ``system`` rows against ``gold`` sentences, per level and view."""
    system = _event_rows(system)
    states = state_table(affiliations)
    index = SentenceIndex(gold)
    report: dict = {"gold_sentences": len(gold), "system_triples": len(system)}
    for level in LEVELS:
        gold_m, system_m = _level_mentions(gold, system, states, level, index)
        report[level] = {view: compare(view_sets(gold_m, view), view_sets(system_m, view)) for view in VIEWS}
        report[level]["system_sentences_unaligned"] = sum(not m.aligned for m in system_m)
    negated_gold = {(doc_key(record["doc"]), triple_key(canonical_name(t["source"]), t["relation"],
                                                        canonical_name(t["target"])))
                    for record in gold for t in record["triples"] if t.get("negated")}
    negated_system = {(doc_key(row.get("doc", "")), triple_key(canonical_name(row["source"]), row["relation"],
                                                               canonical_name(row["target"])))
                      for row in system if row.get("negated")}
    found = len(negated_gold & negated_system)
    report["negation_recall"] = round(found / len(negated_gold), 3) if negated_gold else None
    report["negated_gold"] = len(negated_gold)
    return report


def confidence_ranking(gold: list[dict], system: list[dict], affiliations: dict[str, str] | None = None) -> dict:
    """Does ``confidence`` rank correct triples above wrong ones?

    Unique asserted document-level typed triples (actor level), each with the
    highest confidence of its rows, sorted by it; precision of the upper and
    the lower half against the gold.
    """
    system = _event_rows(system)
    index = SentenceIndex(gold)
    gold_m, system_m = _level_mentions(gold, system, state_table(affiliations), "actor", index)
    truth = view_sets(gold_m, "doc_typed")
    best: dict[tuple, float] = {}
    for row, mention in zip((r for r in system if not r.get("negated")), system_m):
        if mention.source == mention.target:
            continue
        key = (mention.doc, triple_key(mention.source, mention.relation, mention.target))
        best[key] = max(best.get(key, 0.0), float(row.get("confidence") or 0.0))
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    half = (len(ranked) + 1) // 2

    def precision(items: list) -> float | None:
        if not items:
            return None
        return round(sum(1 for (doc, key), _ in items if key in truth.get(doc, set())) / len(items), 3)

    return {"triples": len(ranked), "top_half_precision": precision(ranked[:half]),
            "bottom_half_precision": precision(ranked[half:])}


# ---------------------------------------------------------------- error analysis


def error_analysis(gold: list[dict], system: list[dict], affiliations: dict[str, str] | None = None,
                   level: str = "actor") -> dict:
    """What ``doc_typed`` got wrong at one level, triple by triple.

    ``false_positives``: system triples not in the gold of their document, with
    the system sentences that gave them; ``misses``: gold triples the system
    did not give, with the gold sentences that carry them. Each also lists, as
    ``same_pair``, what the other side has for the same two actors in that
    document (a wrong relation or direction shows up there). ``relations``:
    tp/fp/fn/p/r/f1 per relation; their sums are the ``doc_typed`` figures.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
    system = _event_rows(system)
    gold_m, system_m = _level_mentions(gold, system, state_table(affiliations), level, SentenceIndex(gold))
    gold_sets, system_sets = view_sets(gold_m, "doc_typed"), view_sets(system_m, "doc_typed")
    gold_texts, system_texts = _texts_by_key(gold_m), _texts_by_key(system_m)
    false_positives, misses = [], []
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for doc in sorted(gold_sets.keys() | system_sets.keys(), key=str):
        g, s = gold_sets.get(doc, set()), system_sets.get(doc, set())
        for key in g & s:
            counts[key[1]][0] += 1
        for key in sorted(s - g):
            counts[key[1]][1] += 1
            false_positives.append(_error(doc, key, system_texts, g))
        for key in sorted(g - s):
            counts[key[1]][2] += 1
            misses.append(_error(doc, key, gold_texts, s))
    order = {name: i for i, name in enumerate(relation_vocabulary())}
    relations = {name: prf(*counts[name]) for name in sorted(counts, key=lambda n: (order.get(n, len(order)), n))}
    return {"level": level, "false_positives": false_positives, "misses": misses, "relations": relations}


def _texts_by_key(mentions: Iterable[Mention]) -> dict[tuple, set[str]]:
    texts: dict[tuple, set[str]] = defaultdict(set)
    for m in mentions:
        if m.text:
            texts[m.doc, triple_key(m.source, m.relation, m.target)].add(m.text)
    return texts


def _error(doc: str, key: tuple, texts: dict[tuple, set[str]], other_side: set[tuple]) -> dict:
    pair = {key[0], key[2]}
    return {
        "doc": doc,
        "triple": list(key),
        "sentences": sorted(texts.get((doc, key), ())),
        "same_pair": [list(k) for k in sorted(other_side) if {k[0], k[2]} == pair],
    }


# ---------------------------------------------------------------- report


VIEW_LABELS = {"doc_typed": "doc typed", "doc_pair": "doc pair", "doc_polarity": "doc polarity",
               "sent_typed": "sentence typed"}


def _table(header: tuple[str, ...], rows: list[tuple]) -> list[str]:
    cells = [header] + [tuple(str(c) for c in row) for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return ["  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()
            for row in cells]


def _figures(scores: dict) -> tuple:
    return (f"{scores['p']:.3f}", f"{scores['r']:.3f}", f"{scores['f1']:.3f}", scores["tp"], scores["fp"], scores["fn"])


def _shorten(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_report(report: dict, errors: dict | None = None) -> str:
    """``score``'s report (and optionally ``error_analysis``'s) as plain text for a terminal."""
    lines = [f"gold sentences: {report['gold_sentences']}   system triples: {report['system_triples']}", ""]
    rows = [(level, VIEW_LABELS[view], *_figures(report[level][view])) for level in LEVELS for view in VIEWS]
    lines += _table(("level", "view", "P", "R", "F1", "TP", "FP", "FN"), rows)
    lines.append("")
    lines.append("system triples whose sentence is not in the gold: "
                 + ", ".join(f"{level} {report[level]['system_sentences_unaligned']}" for level in LEVELS))
    recall = report["negation_recall"]
    lines.append(f"negated gold triples: {report['negated_gold']}   negation recall: "
                 + ("n/a" if recall is None else f"{recall:.3f}"))
    ranking = report.get("confidence")
    if ranking:
        def shown(value):
            return "n/a" if value is None else f"{value:.3f}"
        lines.append(f"confidence ranking ({ranking['triples']} triples): precision of the top half "
                     f"{shown(ranking['top_half_precision'])}, bottom half {shown(ranking['bottom_half_precision'])}")
    if errors:
        lines += ["", f"per relation ({errors['level']} level, doc typed):"]
        lines += _table(("relation", "", "P", "R", "F1", "TP", "FP", "FN"),
                        [(name, "", *_figures(s)) for name, s in errors["relations"].items()])
        for title, items in (("false positives", errors["false_positives"]), ("misses", errors["misses"])):
            lines += ["", f"{title} ({len(items)}):"]
            for item in items:
                source, relation, target = item["triple"]
                lines.append(f"  {item['doc']}: {source} {relation} {target}")
                for other in item["same_pair"]:
                    lines.append(f"      {'gold' if title == 'false positives' else 'system'} has: {' '.join(other)}")
                for sentence in item["sentences"]:
                    lines.append(f"      \u201c{_shorten(sentence)}\u201d")
    return "\n".join(lines) + "\n"
