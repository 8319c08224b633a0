"""Build many documents in several processes (`tdkt build -j N`).

Each worker makes and writes whole jobs; the parent keeps the build lock and reports the outcomes
in the order of the input, so the output of `-j 4` reads exactly like the output of `-j 1`.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Iterator

from tdkt_docs.build import Job, Outcome, build_one


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _quiet_worker() -> None:
    # Ctrl+C reaches every process of the terminal; only the parent should answer it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def outcomes(jobs: list[Job], out_dir: Path | None, processes: int = 1, strict: bool = False) -> Iterator[Outcome]:
    """The outcome of every job, in the order of `jobs`, made by up to `processes` processes
    (0: one per core); without `out_dir` nothing is written."""
    processes = max(1, min(processes or cpu_count(), len(jobs)))
    if processes == 1:
        for job in jobs:
            yield build_one(job, out_dir, strict)
        return
    # concurrent.futures rather than multiprocessing.Pool: if a worker dies (killed, out of memory)
    # the build stops with an error instead of waiting for it forever.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context(method), initializer=_quiet_worker)
    # Chunks of a few jobs: passing each job between processes costs less, and both stay busy to the end.
    chunk = max(1, min(16, len(jobs) // (processes * 4)))
    try:
        yield from pool.map(partial(build_one, out_dir=out_dir, strict=strict), jobs, chunksize=chunk)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
