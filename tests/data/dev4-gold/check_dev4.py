#!/usr/bin/env python3
"""Sanity checks for dev4-gold (does not import graphkit)."""
import json, re, sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMA = Path("/work/shared/SCHEMA.md").read_text(encoding="utf-8")
# event relations: first column of the relations table in SCHEMA.md
VOCAB = set(re.findall(r"^\| `([A-Z_]+)` \|", SCHEMA, re.M))
assert {"ALLY", "ATTACK", "MOBILIZE"} <= VOCAB, VOCAB
errors = []
recs = []
for n, line in enumerate(open(HERE / "dev4.gold.jsonl", encoding="utf-8"), 1):
    try:
        recs.append(json.loads(line))
    except Exception as e:
        errors.append(f"line {n}: {e}")
aff = json.load(open(HERE / "affiliations.json", encoding="utf-8"))
by_doc = defaultdict(list)
for r in recs:
    by_doc[r["doc"]].append(r)
    for t in r["triples"]:
        for k in ("source", "relation", "target", "negated", "hedged", "source_id", "target_id"):
            if k not in t:
                errors.append(f"{r['id']}: missing {k}")
        if t["relation"] not in VOCAB:
            errors.append(f"{r['id']}: bad relation {t['relation']}")
        for a in t.get("accept", []):
            if a not in VOCAB or a == t["relation"]:
                errors.append(f"{r['id']}: bad accept {a}")
        if not isinstance(t["negated"], bool) or not isinstance(t["hedged"], bool):
            errors.append(f"{r['id']}: flags not boolean")
        if t["negated"] and t["hedged"]:
            errors.append(f"{r['id']}: negated and hedged")
        if t["source"] == t["target"]:
            errors.append(f"{r['id']}: self loop")
        for side in ("source", "target"):
            nm, i = t[side], t[side + "_id"]
            if re.fullmatch(r"[a-z0-9-]+", i) and nm not in aff:
                errors.append(f"{r['id']}: person {nm} not in affiliations.json")
arts = sorted((HERE / "articles").glob("*.txt"))
if {a.name for a in arts} != set(by_doc):
    errors.append(f"docs mismatch: {sorted(a.name for a in arts)} vs {sorted(by_doc)}")
SPLIT = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["\u201d]))\s+(?=["\u201c]?[A-Z])')
ABBR = re.compile(r"(?:\b(?:U\.S|U\.N|Jan|Feb|Nov|Dec|Mr|Dr|St|No)\.)$")
def split(par):
    out = []
    for piece in SPLIT.split(par):
        if out and ABBR.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out
for a in arts:
    text = a.read_text(encoding="utf-8")
    words = len(text.split())
    if not 320 <= words <= 450:
        errors.append(f"{a.name}: {words} words")
    rs = by_doc.get(a.name, [])
    stem = a.stem
    for i, r in enumerate(rs, 1):
        if r["id"] != f"{stem}-s{i:02d}":
            errors.append(f"{r['id']}: expected {stem}-s{i:02d}")
        if r["text"] not in text:
            errors.append(f"{r['id']}: text not verbatim in article")
    # coverage: records, in order, rebuild the article paragraph by paragraph
    natural = [s for p in text.splitlines() if p.strip() for s in split(p.strip())]
    gold = [r["text"] for r in rs]
    if natural != gold:
        for k, (x, y) in enumerate(zip(natural, gold)):
            if x != y:
                errors.append(f"{a.name}: sentence {k+1} differs:\n  split: {x[:90]}\n  gold:  {y[:90]}")
                break
        else:
            errors.append(f"{a.name}: {len(natural)} split sentences vs {len(gold)} records")
    pos = 0
    for r in rs:
        j = text.find(r["text"], pos)
        if j < 0:
            errors.append(f"{r['id']}: out of order")
            break
        if text[pos:j].strip():
            errors.append(f"{r['id']}: uncovered text before it: {text[pos:j]!r}")
        pos = j + len(r["text"])
    if text[pos:].strip():
        errors.append(f"{a.name}: uncovered text at end")
# ids in file order
ids = [r["id"] for r in recs]
if len(ids) != len(set(ids)):
    errors.append("duplicate ids")
triples = [t for r in recs for t in r["triples"]]
print(f"{len(recs)} records, {sum(1 for r in recs if r['triples'])} with triples, {len(triples)} triples,",
      f"{sum(t['negated'] for t in triples)} negated, {sum(t['hedged'] for t in triples)} hedged,",
      f"{sum(1 for t in triples if 'accept' in t)} with accept")
print(dict(Counter(t["relation"] for t in triples).most_common()))
print("\n".join(errors) if errors else "OK")
sys.exit(1 if errors else 0)
