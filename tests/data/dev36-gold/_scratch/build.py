import json, re, os
BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IDS = {
 "South Korea":"KOR","United States":"USA","North Korea":"PRK","Japan":"JPN","Russia":"RUS","China":"CHN",
 "Ukraine":"UKR","European Union":"EU","Taiwan":"TWN","Paraguay":"PRY","Guatemala":"GTM","Belize":"BLZ",
 "Australia":"AUS","New Zealand":"NZL","Vietnam":"VNM","UN Security Council":"UNSC","Philippines":"PHL",
 "Indonesia":"IDN","Malaysia":"MYS","India":"IND","Israel":"ISR","United Kingdom":"GBR","Belarus":"BLR",
 "Fiji":"FJI","Canada":"CAN",
}
def slug(n): return re.sub(r"[^a-z0-9]+","-",n.lower()).strip("-")
docs=[]; cur=None
for line in open(os.path.join(os.path.dirname(__file__),"data.txt"),encoding="utf-8"):
    line=line.rstrip("\n")
    if line.startswith("=== "):
        stem,date,style,topic=[x.strip() for x in line[4:].split("|",3)]
        cur={"stem":stem,"date":date,"style":style,"topic":topic,"paras":[[]]}; docs.append(cur)
    elif line=="P": cur["paras"].append([])
    elif line.startswith("S: "): cur["paras"][-1].append([line[3:],[]])
    elif line.startswith("T: "):
        f=line[3:].split("|")+["",""]
        s,r,t,flag,acc=f[:5]
        tr={"source":s,"relation":r,"target":t,"negated":flag=="n","hedged":flag=="h",
            "source_id":IDS.get(s,slug(s)),"target_id":IDS.get(t,slug(t))}
        if acc: tr["accept"]=acc.split(",")
        cur["paras"][-1][-1][1].append(tr)
    elif line.strip(): raise SystemExit("bad line: "+line)
os.makedirs(os.path.join(BASE,"articles"),exist_ok=True)
out=[]
for d in docs:
    text="\n".join(" ".join(s for s,_ in p) for p in d["paras"] if p)+"\n"
    open(os.path.join(BASE,"articles",d["stem"]+".txt"),"w",encoding="utf-8").write(text)
    n=0
    for p in d["paras"]:
        for s,trs in p:
            n+=1
            out.append({"id":f"{d['stem']}-s{n:02d}","doc":d["stem"]+".txt","text":s,"triples":trs})
with open(os.path.join(BASE,"dev36.gold.jsonl"),"w",encoding="utf-8") as f:
    for r in out: f.write(json.dumps(r,ensure_ascii=False)+"\n")
json.dump([{k:d[k] for k in ("stem","date","style","topic")} for d in docs],open(os.path.join(os.path.dirname(__file__),"meta.json"),"w"),indent=1)
print(len(out),"records")
