"""Throughput of ``graphkit extract`` against spaCy alone, the -j speedup, and the cache.

    .venv/bin/python bench/bench_extract.py [--docs 2000] [--jobs N] [--full] [--keep DIR]

Generates a mixed news corpus (bench/corpus.py: world news among sports,
markets, weather, technology, culture and local news), then times whole
processes, wall clock, one after another in the same run:

1. spaCy alone: ``nlp.pipe`` over the documents' texts with the same model
   (``spacy.load``, its default components), in one process;
2. ``graphkit extract`` with default settings (``-j`` = the machine's cores,
   sentence pre-filter on, a fresh cache folder);
3. ``graphkit extract -j 1`` (the -j speedup is 3 against this);
4. with ``--full``: ``graphkit extract -j 1 --no-prefilter`` (every sentence parsed);
5. ``graphkit build`` on a fresh folder, the same build again (everything
   from the cache, and the outputs up to date, so left as they are), again
   with another ``--title`` (everything from the cache, but graph.json and
   graph.html written anew), and again with 10 new documents added.

Tokens are spaCy's tokens of the documents (counted by run 1); tokens/s is
that count over each run's wall time. The evidence of runs 2–4 must be
identical; the script says so. Other processes on the machine slow every run
alike; the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

PYTHON = sys.executable
GRAPHKIT = [PYTHON, "-m", "graphkit.cli"] if not (Path(PYTHON).parent / "graphkit").exists() \
    else [str(Path(PYTHON).parent / "graphkit")]

SPACY_ALONE = """
import json, sys, spacy
from graphkit.nlp import DEFAULT_MODEL
nlp = spacy.load(DEFAULT_MODEL)
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
tokens = sentences = 0
for doc in nlp.pipe(texts, batch_size=64):
    tokens += len(doc)
    sentences += sum(1 for _ in doc.sents)
print(json.dumps({"tokens": tokens, "sentences": sentences, "pipes": nlp.pipe_names}))
"""


def timed(command: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr[-2000:]}")
    return seconds, done


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents in the corpus (default 2000)")
    parser.add_argument("--jobs", type=int, default=None, help="-j of the default run (default: graphkit's own)")
    parser.add_argument("--full", action="store_true", help="also time -j 1 --no-prefilter")
    parser.add_argument("--no-build", action="store_true", help="skip the cache runs")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="graphkit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = write_corpus(work / "corpus.jsonl", args.docs)
    print(f"corpus: {args.docs} documents, {corpus.stat().st_size / 1e6:.1f} MB ({corpus})")
    print(f"load average before: {load()}")

    seconds, done = timed([PYTHON, "-c", SPACY_ALONE, str(corpus)])
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    tokens = counts["tokens"]
    spacy_s = seconds
    print(f"tokens {tokens:,}, sentences {counts['sentences']:,} (spaCy: {', '.join(counts['pipes'])})")
    print(f"spaCy alone, nlp.pipe, 1 process           {seconds:7.1f} s  {tokens / seconds:8,.0f} tokens/s")

    def extract(name: str, *options: str) -> tuple[float, Path]:
        out = work / name
        out.mkdir(exist_ok=True)
        seconds, _ = timed([*GRAPHKIT, "extract", str(corpus), "-o", str(out / "triples.jsonl"), "-q", *options])
        return seconds, out / "triples.jsonl"

    default_options = ["-j", str(args.jobs)] if args.jobs else []
    label = f"-j {args.jobs}" if args.jobs else "defaults"
    default_s, default_out = extract("default", *default_options)
    print(f"graphkit extract ({label:<8})                {default_s:7.1f} s  {tokens / default_s:8,.0f} tokens/s"
          f"   ratio to spaCy {spacy_s / default_s:.2f}")
    one_s, one_out = extract("j1", "-j", "1")
    print(f"graphkit extract -j 1                      {one_s:7.1f} s  {tokens / one_s:8,.0f} tokens/s"
          f"   ratio to spaCy {spacy_s / one_s:.2f}   {label} is {one_s / default_s:.2f}x faster")
    outputs = [default_out, one_out]
    if args.full:
        full_s, full_out = extract("full", "-j", "1", "--no-prefilter")
        outputs.append(full_out)
        print(f"graphkit extract -j 1 --no-prefilter       {full_s:7.1f} s  {tokens / full_s:8,.0f} tokens/s"
              f"   ratio to spaCy {spacy_s / full_s:.2f}")
    texts = [p.read_text(encoding="utf-8") for p in outputs]
    rows = texts[0].count("\n")
    print(f"evidence rows {rows:,}; identical across runs: {'yes' if len(set(texts)) == 1 else 'NO'}")

    if not args.no_build:
        inputs = work / "inputs"
        inputs.mkdir(exist_ok=True)
        (inputs / "corpus.jsonl").write_bytes(corpus.read_bytes())
        out = work / "build"
        first, _ = timed([*GRAPHKIT, "build", str(inputs), "-o", str(out), "-q", *default_options])
        again, _ = timed([*GRAPHKIT, "build", str(inputs), "-o", str(out), "-q", *default_options])
        redrawn, _ = timed([*GRAPHKIT, "build", str(inputs), "-o", str(out), "-q", "--title", "Another title",
                            *default_options])
        write_corpus(inputs / "new.jsonl", 10, seed=99)
        added, _ = timed([*GRAPHKIT, "build", str(inputs), "-o", str(out), "-q", *default_options])
        print(f"graphkit build, cold cache                 {first:7.1f} s")
        print(f"graphkit build again, all cached           {again:7.1f} s   {first / again:.1f}x faster"
              "   (outputs up to date: left as they are)")
        print(f"  … with another --title                   {redrawn:7.1f} s   {first / redrawn:.1f}x faster"
              "   (graph.json and graph.html written again)")
        print(f"graphkit build with 10 new documents       {added:7.1f} s   (+{added - again:.1f} s over all cached)")
    print(f"load average after: {load()}")
    if args.keep is None:
        import shutil

        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
