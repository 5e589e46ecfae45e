#!/usr/bin/env python3
"""Check dev3-gold without graphkit: format, vocabulary, ids, verbatim texts, coverage, word counts.

usage: python3 check_gold.py [--score]   (--score also flattens the gold to system rows and runs
/work/shared/tools/score.py with the gold as both gold and system file)
"""
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMA = Path("/work/shared/SCHEMA.md")
SCORE = Path("/work/shared/tools/score.py")


def vocabulary():
    rels = set()
    in_table = False
    for line in SCHEMA.read_text(encoding="utf-8").splitlines():
        if line.startswith("| relation |"):
            in_table = True
            continue
        if in_table:
            m = re.match(r"\|\s*`([A-Z_]+)`\s*\|", line)
            if m:
                rels.add(m.group(1))
            elif not line.startswith("|---"):
                break
    return rels


def main():
    errors = []
    vocab = vocabulary()
    assert len(vocab) == 15, vocab
    aff = json.loads((HERE / "affiliations.json").read_text(encoding="utf-8"))
    recs = []
    for i, line in enumerate((HERE / "dev3.gold.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            errors.append(f"line {i}: empty line")
            continue
        try:
            recs.append(json.loads(line))
        except json.JSONDecodeError as e:
            errors.append(f"line {i}: {e}")
    by_doc = defaultdict(list)
    order = []
    for r in recs:
        for k in ("id", "doc", "text", "triples"):
            if k not in r:
                errors.append(f"{r.get('id')}: missing {k}")
        if r["doc"] not in by_doc:
            order.append(r["doc"])
        by_doc[r["doc"]].append(r)
        for t in r["triples"]:
            for k in ("source", "relation", "target", "negated", "hedged", "source_id", "target_id"):
                if k not in t:
                    errors.append(f"{r['id']}: triple missing {k}")
            if t["relation"] not in vocab:
                errors.append(f"{r['id']}: relation {t['relation']} not in vocabulary")
            for a in t.get("accept", []):
                if a not in vocab or a == t["relation"]:
                    errors.append(f"{r['id']}: bad accept {a}")
            if not isinstance(t["negated"], bool) or not isinstance(t["hedged"], bool):
                errors.append(f"{r['id']}: negated/hedged not boolean")
            if t["negated"] and t["hedged"]:
                errors.append(f"{r['id']}: negated and hedged both true")
            if t["source"] == t["target"]:
                errors.append(f"{r['id']}: self loop")
            for side in ("source", "target"):
                name, ident = t[side], t[side + "_id"]
                person = ident.islower()
                if person and name not in aff:
                    errors.append(f"{r['id']}: person {name} not in affiliations.json")
                if not person and not re.fullmatch(r"[A-Z]{2,8}|G20", ident):
                    errors.append(f"{r['id']}: odd id {ident}")
    # an accept must not name a relation the document's gold already holds for the pair (actor or state level),
    # or score.py would rewrite a correct system row
    state = {k: v for k, v in aff.items() if v != "none"}
    for lvl, f in (("actor", lambda n: n), ("state", lambda n: state.get(n, n))):
        held = defaultdict(set)
        for r in recs:
            for t in r["triples"]:
                if not t["negated"]:
                    held[(r["doc"], frozenset((f(t["source"]), f(t["target"]))))].add(t["relation"])
        for r in recs:
            for t in r["triples"]:
                for a in t.get("accept", []):
                    if a in held[(r["doc"], frozenset((f(t["source"]), f(t["target"]))))]:
                        errors.append(f"{r['id']}: accept {a} collides with gold at {lvl} level")
    arts = sorted((HERE / "articles").glob("*.txt"))
    if sorted(a.name for a in arts) != sorted(order):
        errors.append(f"articles {sorted(a.name for a in arts)} != gold docs {sorted(order)}")
    for docname in order:
        stem = Path(docname).stem
        rs = by_doc[docname]
        for n, r in enumerate(rs, 1):
            if r["id"] != f"{stem}-s{n:02d}":
                errors.append(f"{docname}: id {r['id']} out of order (expected {stem}-s{n:02d})")
        text = (HERE / "articles" / docname).read_text(encoding="utf-8")
        words = len(text.split())
        if not 320 <= words <= 450:
            errors.append(f"{docname}: {words} words")
        paras = [p for p in text.split("\n") if p.strip()]
        k = 0
        for pi, para in enumerate(paras):
            pos = 0
            while pos < len(para):
                if k >= len(rs):
                    errors.append(f"{docname}: paragraph {pi + 1} not covered from {para[pos:pos + 50]!r}")
                    break
                sent = rs[k]["text"]
                if sent not in text:
                    errors.append(f"{rs[k]['id']}: text not verbatim in article")
                if not para.startswith(sent, pos):
                    errors.append(f"{rs[k]['id']}: expected at paragraph {pi + 1} offset {pos}: {para[pos:pos + 60]!r}")
                    break
                pos += len(sent)
                k += 1
                if pos < len(para):
                    if para[pos] != " ":
                        errors.append(f"{rs[k - 1]['id']}: sentence does not end at a space")
                    pos += 1
        if k != len(rs):
            errors.append(f"{docname}: {len(rs) - k} records left over")
    print(f"{len(recs)} records, {len(order)} docs, {sum(len(r['triples']) for r in recs)} triples")
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print("format OK")
    if "--score" in sys.argv:
        rows = []
        for r in recs:
            for t in r["triples"]:
                rows.append({"doc": r["doc"], "sentence": r["text"], "source": t["source"], "relation": t["relation"],
                             "target": t["target"], "negated": t["negated"], "hedged": t["hedged"]})
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            f.write("\n".join(json.dumps(x) for x in rows) + "\n")
        try:
            subprocess.run([sys.executable, str(SCORE), str(HERE / "dev3.gold.jsonl"), f.name,
                            "--affiliations", str(HERE / "affiliations.json")], check=True)
        finally:
            Path(f.name).unlink()


if __name__ == "__main__":
    main()
