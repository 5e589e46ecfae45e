import json, re, os, sys
from collections import Counter, defaultdict
BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
schema = open("/work/shared/SCHEMA.md", encoding="utf-8").read()
table = schema.split("## Relations (edges)")[1].split("Structural edges")[0]
VOCAB = set(re.findall(r"^\| `([A-Z_]+)` \|", table, re.M))
assert len(VOCAB) == 15, VOCAB
SYM = {"ALLY","AGREE","MEET","COOPERATE"}
aff = json.load(open(os.path.join(BASE,"affiliations.json")))
recs = [json.loads(l) for l in open(os.path.join(BASE,"dev36.gold.jsonl"), encoding="utf-8")]
errors = []
bydoc = defaultdict(list)
for r in recs: bydoc[r["doc"]].append(r)
arts = sorted(os.listdir(os.path.join(BASE,"articles")))
assert sorted(bydoc) == arts, (sorted(bydoc), arts)
PEOPLE_KIND = set()
COUNTRY_LIKE = {"South Korea","United States","North Korea","Japan","Russia","China","Ukraine","European Union","Taiwan",
 "Paraguay","Guatemala","Belize","Australia","New Zealand","Vietnam","UN Security Council","Philippines","Indonesia",
 "Malaysia","India","Israel","United Kingdom","Belarus","Fiji","Canada"}
for doc, rs in bydoc.items():
    stem = doc[:-4]
    text = open(os.path.join(BASE,"articles",doc), encoding="utf-8").read()
    words = len(text.split())
    if not 320 <= words <= 450: errors.append(f"{doc}: {words} words")
    pos = 0
    for i, r in enumerate(rs, 1):
        if r["id"] != f"{stem}-s{i:02d}": errors.append(f"bad id {r['id']}")
        if r["text"] not in text: errors.append(f"not verbatim {r['id']}")
        skip = re.match(r"\s*", text[pos:]).end()
        if not text.startswith(r["text"], pos + skip): errors.append(f"order/coverage {r['id']}")
        pos = pos + skip + len(r["text"])
        for t in r["triples"]:
            if t["relation"] not in VOCAB: errors.append(f"relation {r['id']} {t}")
            for a in t.get("accept", []):
                if a not in VOCAB: errors.append(f"accept {r['id']} {a}")
            if not isinstance(t["negated"], bool) or not isinstance(t["hedged"], bool): errors.append(f"bool {r['id']}")
            if t["negated"] and t["hedged"]: errors.append(f"both {r['id']}")
            for k in ("source","target","source_id","target_id"):
                if not t.get(k): errors.append(f"missing {k} {r['id']}")
            for side in ("source","target"):
                n = t[side]
                if n not in COUNTRY_LIKE and n not in aff: errors.append(f"person not in affiliations: {n} ({r['id']})")
            if t["source"] == t["target"]: errors.append(f"self {r['id']}")
    if text[pos:].strip(): errors.append(f"{doc}: leftover text {text[pos:][:60]!r}")
    # accept collisions (actor and state level, both directions)
    st = lambda n: aff.get(n, n) if aff.get(n, n) != "none" else n
    for lvl in (lambda n: n, st):
        golds = set()
        for r in rs:
            for t in r["triples"]:
                golds.add((lvl(t["source"]), t["relation"], lvl(t["target"])))
        for r in rs:
            for t in r["triples"]:
                for a in t.get("accept", []):
                    s, g = lvl(t["source"]), lvl(t["target"])
                    if (s, a, g) in golds or (g, a, s) in golds:
                        errors.append(f"accept collision {r['id']} {t['source']} {a} {t['target']}")
    # same key negated and non-negated in a doc (actor level)
    def key(t):
        s, rel, g = t["source"], t["relation"], t["target"]
        return (min(s,g), rel, max(s,g)) if rel in SYM else (s, rel, g)
    neg = {key(t) for r in rs for t in r["triples"] if t["negated"]}
    pos_ = {key(t) for r in rs for t in r["triples"] if not t["negated"]}
    if neg & pos_: errors.append(f"{doc}: negated and asserted share {neg & pos_}")
    # duplicate keys within a record
    for r in rs:
        ks = [key(t) for t in r["triples"]]
        if len(ks) != len(set(ks)): errors.append(f"dup key in {r['id']}")
print("\n".join(errors) if errors else "OK: no errors")
print(len(recs), "records,", sum(len(r["triples"]) for r in recs), "triples")
