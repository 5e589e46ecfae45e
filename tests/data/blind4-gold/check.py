#!/usr/bin/env python3
"""Sanity checks for blind4-gold (does not import graphkit).

usage: python3 check.py   (run from anywhere)
"""
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMA = Path("/work/shared/SCHEMA.md")
STRUCTURAL = {"LEADS", "REPRESENTS", "MEMBER_OF"}

vocab = set(re.findall(r"^\| `([A-Z_]+)` \|", SCHEMA.read_text(), re.M)) - STRUCTURAL
assert len(vocab) == 15, vocab
errors = []
recs = []
for n, line in enumerate((HERE / "blind4.gold.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    try:
        recs.append(json.loads(line))
    except json.JSONDecodeError as e:
        errors.append(f"line {n}: {e}")

by_doc = defaultdict(list)
for r in recs:
    by_doc[r["doc"]].append(r)
    for t in r["triples"]:
        if t["relation"] not in vocab:
            errors.append(f"{r['id']}: relation {t['relation']}")
        for a in t.get("accept", []):
            if a not in vocab or a == t["relation"]:
                errors.append(f"{r['id']}: accept {a}")
        if not isinstance(t["negated"], bool) or not isinstance(t["hedged"], bool):
            errors.append(f"{r['id']}: flags not boolean")
        if t["negated"] and t["hedged"]:
            errors.append(f"{r['id']}: negated and hedged")
        for k in ("source", "target", "source_id", "target_id"):
            if not t.get(k):
                errors.append(f"{r['id']}: missing {k}")
        if t["source"] == t["target"]:
            errors.append(f"{r['id']}: self loop")

# one id per canonical name and one name per id
name_ids = defaultdict(set)
id_names = defaultdict(set)
for r in recs:
    for t in r["triples"]:
        for nk, ik in (("source", "source_id"), ("target", "target_id")):
            name_ids[t[nk]].add(t[ik])
            id_names[t[ik]].add(t[nk])
for k, v in list(name_ids.items()) + list(id_names.items()):
    if len(v) > 1:
        errors.append(f"inconsistent ids: {k} -> {v}")

# naive splitter: split after . ? ! (optionally followed by a closing quote) + space + capital or quote,
# but not after common abbreviations
ABBR = re.compile(r"(U\.S|U\.N|U\.K|Mr|Mrs|Dr|St|Jan|Feb|Dec|No|Gen)\.$")
def split(par):
    out, start = [], 0
    for m in re.finditer(r"[.?!][\"”]?(?= [A-Z\"“])", par):
        if ABBR.search(par[start:m.end()]):
            continue
        out.append(par[start:m.end()].strip())
        start = m.end() + 1
    out.append(par[start:].strip())
    return [s for s in out if s]

arts = sorted((HERE / "articles").glob("*.txt"))
docs_in_gold = list(dict.fromkeys(r["doc"] for r in recs))
if sorted(docs_in_gold) != sorted(a.name for a in arts):
    errors.append(f"docs mismatch: {docs_in_gold} vs {[a.name for a in arts]}")
stats = {}
for art in arts:
    text = art.read_text(encoding="utf-8")
    rs = by_doc[art.name]
    stem = art.stem
    for i, r in enumerate(rs, 1):
        if r["id"] != f"{stem}-s{i:02d}":
            errors.append(f"id order: {r['id']} expected {stem}-s{i:02d}")
        if r["text"] not in text:
            errors.append(f"{r['id']}: text not verbatim in article")
    # coverage: paragraphs == concatenation of the records' texts, in order
    paras = [p for p in text.split("\n") if p.strip()]
    sents = [s for p in paras for s in split(p)]
    texts = [r["text"] for r in rs]
    if sents != texts:
        for a, b in zip(sents, texts):
            if a != b:
                errors.append(f"{stem}: split mismatch\n  split: {a[:90]}\n  gold:  {b[:90]}")
                break
        if len(sents) != len(texts):
            errors.append(f"{stem}: {len(sents)} split sentences vs {len(texts)} records")
    pos = 0
    for r in rs:
        j = text.find(r["text"], pos)
        gap = text[pos:j] if j >= 0 else None
        if j < 0 or gap.strip():
            errors.append(f"{r['id']}: not in order / leftover text {gap!r:.60}")
            break
        pos = j + len(r["text"])
    if text[pos:].strip():
        errors.append(f"{stem}: leftover text at end")
    words = len(text.split())
    if not 320 <= words <= 450:
        errors.append(f"{stem}: {words} words")
    tr = [t for r in rs for t in r["triples"]]
    stats[stem] = dict(words=words, sentences=len(rs), with_triples=sum(1 for r in rs if r["triples"]),
                       triples=len(tr), negated=sum(t["negated"] for t in tr), hedged=sum(t["hedged"] for t in tr))

for k, v in stats.items():
    print(k, v)
allt = [t for r in recs for t in r["triples"]]
print("total", dict(words=sum(v["words"] for v in stats.values()), sentences=len(recs),
      with_triples=sum(1 for r in recs if r["triples"]), triples=len(allt),
      negated=sum(t["negated"] for t in allt), hedged=sum(t["hedged"] for t in allt)))
print("by relation", Counter(t["relation"] for t in allt).most_common())
print("accept", [(r["id"], t["source"], t["relation"], t["target"], t["accept"]) for r in recs for t in r["triples"] if t.get("accept")])
if errors:
    print("\n".join(["ERRORS:"] + errors))
    sys.exit(1)
print("OK")
