"""Build many documents in several processes (`tdkt build -j N`).

Each worker process compiles the templates it needs once and then renders and writes its share of
the documents; the parent keeps the build lock and reports the outcomes in the order of the input,
so the output of `-j 4` reads exactly like the output of `-j 1`.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Iterator

from .pipeline import Job, Outcome, make_one, write_made


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _quiet_worker() -> None:
    # Ctrl+C reaches every process of the terminal; only the parent should answer it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# Imported by a build on first use, not at start, so that `tdkt --help` starts fast.
# (openpyxl is left out: only documents with a spreadsheet need it, and it is slow to import.)
FIRST_USE = ("docxtpl", "tdkt_docs.bien", "tdkt_docs.cache", "tdkt_docs.dung_chung", "tdkt_docs.forgive",
              "tdkt_docs.checker.check")


def import_for_build(*more: str) -> None:
    import importlib

    for name in FIRST_USE + more:
        importlib.import_module(name)


def build_many(jobs: list[Job], out_dir: Path, processes: int = 1) -> Iterator[Outcome]:
    """The outcome of every job, in the order of `jobs`, made by up to `processes` processes."""
    processes = max(1, min(processes, len(jobs)))
    if processes == 1:
        yield from overlapped(jobs, out_dir)
        return
    # fork shares the modules already imported here; spawn (macOS, Windows) imports them again.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        # What a build imports on first use is imported once here, before the workers are made,
        # instead of once in each of them.
        import_for_build()
    # Small chunks keep both processes busy to the end and the report flowing; larger ones save
    # the cost of passing each job between processes and let a worker write one job while it
    # makes the next.
    size = max(1, min(16, len(jobs) // (processes * 8)))
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    # concurrent.futures rather than multiprocessing.Pool: if a worker dies (killed, out of
    # memory) the build stops with an error instead of waiting for it forever.
    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context(method), initializer=_quiet_worker)
    try:
        for outcomes in pool.map(partial(_chunk, out_dir=out_dir), chunks):
            yield from outcomes
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _chunk(jobs: list[Job], out_dir: Path) -> list[Outcome]:
    return list(overlapped(jobs, out_dir))


def overlapped(jobs: list[Job], out_dir: Path) -> Iterator[Outcome]:
    """Make each job while the documents of the one before are written by a second thread.

    Writing waits for the disk (each document is flushed to disk before it replaces the old one)
    and lets go of the interpreter meanwhile, so the next job is read, rendered and checked in that
    time. An outcome is given only once its documents are written, in the order of `jobs`.
    """
    writing: _Writing | None = None
    for job in jobs:
        made = make_one(job, out_dir)
        if writing is not None:
            yield writing.outcome()
        writing = _Writing(made)
    if writing is not None:
        yield writing.outcome()


class _Writing:
    """One job's documents being written by a thread of their own.

    A plain thread per job rather than a pool: nothing is left to shut down if the caller stops
    reading outcomes half-way, and a write that has started always finishes (the thread is not a
    daemon), so no document is left half-written.
    """

    def __init__(self, made):
        self._result: Outcome | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(made,), name="tdkt-ghi")
        self._thread.start()

    def _run(self, made) -> None:
        try:
            self._result = write_made(made)
        except BaseException as exc:  # handed to the thread that reads the outcome
            self._error = exc

    def outcome(self) -> Outcome:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result
