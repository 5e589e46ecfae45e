"""Peak memory of ``graphkit build`` at 1,000 and 10,000 documents: does it grow with the corpus?

    .venv/bin/python bench/bench_memory.py [--sizes 1000 10000] [--jobs N] [--keep DIR]

For each size, generates the mixed news corpus of bench/corpus.py, runs
``graphkit build`` on it (a fresh output folder, so nothing is cached) and
samples the resident set size of the command and every process under it
(worker processes) four times a second with psutil. Prints the peak RSS of
the main process, of the largest worker, and of all of them together, and
``ru_maxrss`` of the finished children as reported by the kernel (what
``/usr/bin/time -v`` calls "Maximum resident set size": the largest single
process). The target: less than 20% growth from the first size to the last.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

PYTHON = sys.executable
GRAPHKIT = str(Path(PYTHON).parent / "graphkit")
MB = 1024 * 1024


def watch(process: subprocess.Popen, peaks: dict, stop: threading.Event) -> None:
    import psutil

    root = psutil.Process(process.pid)
    while not stop.is_set():
        try:
            main = root.memory_info().rss
            children = []
            for child in root.children(recursive=True):
                try:
                    children.append(child.memory_info().rss)
                except psutil.Error:
                    pass
        except psutil.Error:
            break
        peaks["main"] = max(peaks.get("main", 0), main)
        peaks["worker"] = max(peaks.get("worker", 0), max(children, default=0))
        peaks["total"] = max(peaks.get("total", 0), main + sum(children))
        stop.wait(0.25)


def measure(size: int, work: Path, jobs: int | None) -> dict:
    corpus = work / f"corpus-{size}"
    corpus.mkdir(exist_ok=True)
    write_corpus(corpus / "corpus.jsonl", size)
    out = work / f"out-{size}"
    command = [GRAPHKIT, "build", str(corpus), "-o", str(out), "-q", *(["-j", str(jobs)] if jobs else [])]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peaks: dict = {}
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(process, peaks, stop), daemon=True)
    watcher.start()
    _, err = process.communicate()
    stop.set()
    watcher.join()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"graphkit build failed: {err[-2000:]}")
    maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB; the largest child so far
    rows = sum(1 for _ in open(out / "triples.jsonl", encoding="utf-8"))
    return {"size": size, "seconds": seconds, "rows": rows, "maxrss": maxrss * 1024 if maxrss > before else None,
            **peaks, "graph_bytes": (out / "graph.json").stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=None, help="-j for graphkit build (default: its own)")
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="graphkit-mem-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    results = [measure(size, work, args.jobs) for size in args.sizes]
    print(f"{'documents':>9} {'seconds':>8} {'evidence':>9} {'graph.json':>10} {'main':>8} {'worker':>8} "
          f"{'all':>8} {'ru_maxrss':>9}  (peak RSS, MB)")
    for r in results:
        maxrss = f"{r['maxrss'] / MB:9.0f}" if r["maxrss"] else f"{'-':>9}"
        print(f"{r['size']:>9,} {r['seconds']:8.1f} {r['rows']:>9,} {r['graph_bytes'] / MB:9.1f}M "
              f"{r['main'] / MB:8.0f} {r['worker'] / MB:8.0f} {r['total'] / MB:8.0f} {maxrss}")
    first, last = results[0], results[-1]
    for key in ("main", "worker", "total"):
        if first.get(key):
            print(f"growth {first['size']:,} → {last['size']:,} documents, {key}: "
                  f"{(last[key] / first[key] - 1) * 100:+.1f}%")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.keep is None:
        import shutil

        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
