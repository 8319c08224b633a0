"""Build many documents in several processes (`tdkt build -j N`).

Each worker process compiles the templates it needs once and then renders and writes its share of
the documents; the parent keeps the build lock and reports the outcomes in the order of the input,
so the output of `-j 4` reads exactly like the output of `-j 1`.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

from .pipeline import Job, Outcome, build_one


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
_FIRST_USE = ("docxtpl", "tdkt_docs.bien", "tdkt_docs.cache", "tdkt_docs.dung_chung", "tdkt_docs.forgive",
              "tdkt_docs.checker.check")


def _import_for_build() -> None:
    import importlib

    for name in _FIRST_USE:
        importlib.import_module(name)


def build_many(jobs: list[Job], out_dir: Path, processes: int = 1,
               build: Callable[[Job, Path], Outcome] | None = None) -> Iterator[Outcome]:
    """The outcome of every job, in the order of `jobs`, rendered by up to `processes` processes."""
    build = build or build_one
    processes = max(1, min(processes, len(jobs)))
    if processes == 1:
        for job in jobs:
            yield build(job, out_dir)
        return
    # fork shares the modules already imported here; spawn (macOS, Windows) imports them again.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        # What a build imports on first use is imported once here, before the workers are made,
        # instead of once in each of them.
        _import_for_build()
    # Small chunks keep both processes busy to the end and the report flowing; larger ones save
    # the cost of passing each job between processes.
    chunk = max(1, min(16, len(jobs) // (processes * 8)))
    # concurrent.futures rather than multiprocessing.Pool: if a worker dies (killed, out of
    # memory) the build stops with an error instead of waiting for it forever.
    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context(method), initializer=_quiet_worker)
    try:
        yield from pool.map(partial(build, out_dir=out_dir), jobs, chunksize=chunk)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
