"""Where batches of documents are extracted: this process, worker processes, or a Dask cluster.

``ordered_results`` reads documents lazily, answers what it can from the
cache, sends the rest in batches to a runner, and yields every document's
result in input order. At most a few batches per worker are in flight, so
memory stays flat however long the input. A runner (and so the spaCy model)
is started only when the first document misses the cache.

Runners share one small interface: ``submit(batch) -> future``, ``slots``
(batches to keep in flight), ``close()``.

- ``InlineRunner``: this process (``jobs=1``).
- ``ProcessRunner``: ``jobs`` processes from a forkserver; each imports
  spaCy and loads the model once, when it starts (in parallel). As with any
  multiprocessing, a script that calls graphkit with ``jobs > 1`` needs an
  ``if __name__ == "__main__":`` guard.
- ``DaskRunner``: a dask.distributed cluster (``dask="tcp://host:8786"``), or
  a LocalCluster (``dask="local"``); each worker process loads the model
  once, on its first batch.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass

from graphkit.errors import GraphkitError
from graphkit.types import Document

BATCH_DOCUMENTS = 24  # documents per batch at most
BATCH_CHARACTERS = 120_000  # and about this much text
SLOTS_PER_WORKER = 3  # batches in flight per worker
DASK_CONNECT_TIMEOUT = 30  # seconds to reach a scheduler
# native thread pools (BLAS, OpenMP) in each worker: one thread, the processes are the parallelism
WORKER_THREADS = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class InlineRunner:
    """Extracts each batch right here, when it is submitted."""

    slots = 1

    def __init__(self, model: str | None, prefilter: bool):
        self.model, self.prefilter = model, prefilter

    def submit(self, batch: list[Document]) -> Future:
        from graphkit.pipeline import extract_batch

        future: Future = Future()
        future.set_result(extract_batch(batch, self.model, self.prefilter))
        return future

    def close(self) -> None:
        pass


def _start_worker(model: str | None, prefilter: bool, owner: int | None = None) -> None:
    """Load the model as the worker starts; a model that fails to load fails the first batch instead
    (so the error reaches the user as itself, not as a broken pool).

    A worker ignores Ctrl-C (the graphkit process stops it) and exits by itself
    when the graphkit process ``owner`` is gone, even killed with SIGKILL.
    """
    import signal
    import threading

    from graphkit.pipeline import _reader

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if owner is not None:
        threading.Thread(target=_exit_with, args=(owner,), daemon=True, name="graphkit-owner").start()
    try:
        _reader(model, prefilter)
    except GraphkitError:
        pass


def _exit_with(owner: int) -> None:
    import time

    while True:
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:
            pass
        time.sleep(0.5)


class ProcessRunner:
    """``jobs`` worker processes, each with the model loaded once."""

    def __init__(self, model: str | None, prefilter: bool, jobs: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        for name, value in WORKER_THREADS.items():  # inherited by the forkserver and its children
            os.environ.setdefault(name, value)
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["graphkit.pipeline"])  # spaCy itself: imported by each worker, in parallel
        self.model, self.prefilter = model, prefilter
        self.slots = jobs * SLOTS_PER_WORKER
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker,
                                        initargs=(model, prefilter, os.getpid()))

    def submit(self, batch: list[Document]) -> Future:
        from graphkit.pipeline import extract_batch

        return self.pool.submit(extract_batch, batch, self.model, self.prefilter)

    def close(self, abort: bool = False) -> None:
        if abort:  # Ctrl-C: stop the workers now rather than finish the queued batches
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.terminate()
            self.pool.shutdown(wait=False, cancel_futures=True)
            return
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner:
    """Batches as tasks on a dask.distributed cluster; ``address`` "local" starts a LocalCluster."""

    def __init__(self, model: str | None, prefilter: bool, address: str, jobs: int | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise GraphkitError("--dask needs dask.distributed: pip install 'graphkit[cluster]'") from None
        self.model, self.prefilter = model, prefilter
        self.cluster = None
        try:
            if address == "local":
                self.cluster = LocalCluster(n_workers=jobs or None, threads_per_worker=1, processes=True,
                                            dashboard_address=None, host="127.0.0.1")
                self.client = Client(self.cluster)
            else:
                self.client = Client(address, timeout=DASK_CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            if self.cluster is not None:
                self.cluster.close()
            raise GraphkitError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        threads = sum(self.client.nthreads().values()) or 1
        self.slots = threads * SLOTS_PER_WORKER

    def submit(self, batch: list[Document]):
        from graphkit.pipeline import extract_batch

        return self.client.submit(extract_batch, batch, self.model, self.prefilter, pure=False)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_runner(model: str | None, prefilter: bool, jobs: int = 1, dask: str | None = None):
    """The runner for these settings (see the module docstring)."""
    if dask:
        return DaskRunner(model, prefilter, dask, jobs if dask == "local" and jobs > 1 else None)
    if jobs > 1:
        return ProcessRunner(model, prefilter, jobs)
    return InlineRunner(model, prefilter)


@dataclass
class _Batch:
    future: object
    remaining: int


@dataclass
class _Entry:
    document: Document
    result: object = None  # DocumentResult once known
    cached: bool = False
    batch: _Batch | None = None  # the batch it went in, and its index there
    index: int = 0


def ordered_results(documents: Iterable[Document], model: str | None = None, prefilter: bool = True,
                    jobs: int = 1, dask: str | None = None, cache=None) -> Iterator[tuple[Document, object, bool]]:
    """(document, DocumentResult, came from the cache) for each document, in input order."""
    runner = None
    pending: deque[_Entry] = deque()  # read, not yet yielded
    waiting: list[_Entry] = []  # cache misses not yet submitted
    waiting_chars = 0
    in_flight = 0  # batches submitted and not yet fully yielded
    to_store: list[tuple[Document, object]] = []
    window = BATCH_DOCUMENTS * 8  # documents read ahead at most (besides batches in flight)

    def submit(last: bool = False) -> None:
        nonlocal runner, waiting, waiting_chars, in_flight
        if not waiting:
            return
        if runner is None:  # all the work in one batch: no point starting workers for it
            runner = InlineRunner(model, prefilter) if last and not dask else make_runner(model, prefilter, jobs, dask)
        batch = _Batch(runner.submit([e.document for e in waiting]), len(waiting))
        for index, entry in enumerate(waiting):
            entry.batch, entry.index = batch, index
        in_flight += 1
        waiting, waiting_chars = [], 0

    def resolve(entry: _Entry, wait: bool) -> bool:
        if entry.result is not None:
            return True
        if entry.batch is None:
            if not wait:
                return False
            submit()
        if not wait and not entry.batch.future.done():
            return False
        entry.result = entry.batch.future.result()[entry.index]
        if cache is not None:
            to_store.append((entry.document, entry.result))
        return True

    def pop() -> tuple[Document, object, bool]:
        nonlocal in_flight
        head = pending.popleft()
        if head.batch is not None:
            head.batch.remaining -= 1
            if head.batch.remaining == 0:
                in_flight -= 1
                head.batch = None
        if to_store and (len(to_store) >= 64 or not pending):
            cache.put_many(to_store)
            to_store.clear()
        return head.document, head.result, head.cached

    try:
        for document in documents:
            entry = _Entry(document)
            if cache is not None:
                hit = cache.get(document)
                if hit is not None:
                    entry.result, entry.cached = hit, True
            pending.append(entry)
            if entry.result is None:
                waiting.append(entry)
                waiting_chars += len(document.text)
                if len(waiting) >= BATCH_DOCUMENTS or waiting_chars >= BATCH_CHARACTERS:
                    while runner is not None and in_flight >= runner.slots and resolve(pending[0], True):
                        yield pop()
                    submit()
            while pending and resolve(pending[0], wait=len(pending) > window):
                yield pop()
        submit(last=True)
        while pending and resolve(pending[0], wait=True):
            yield pop()
    except BaseException:
        if runner is not None and hasattr(runner, "close"):
            try:
                runner.close(abort=True)
            except TypeError:
                runner.close()
            runner = None
        raise
    finally:
        if to_store:
            cache.put_many(to_store)
        if runner is not None:
            runner.close()
