"""Build many documents in several processes (`tdkt build -j N`).

Each worker process compiles the templates it needs once and then renders and writes its share of
the documents; the parent keeps the build lock and reports the outcomes in the order of the input,
so the output of `-j 4` reads exactly like the output of `-j 1`.
"""
from __future__ import annotations

import functools
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Iterator

from .pipeline import Job, Made, Outcome, Writing, make_one, write_all


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _quiet_worker() -> None:
    # Ctrl+C reaches every process of the terminal; only the parent should answer it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# Imported by a build on first use, not at start, so that `tdkt --help` starts fast.
# (openpyxl is left out: only documents with a spreadsheet need it, and it is slow to import;
# docxtpl too: it only compiles a template, and compiled templates are kept on disk.)
FIRST_USE = ("tdkt_docs.bien", "tdkt_docs.cache", "tdkt_docs.dung_chung", "tdkt_docs.forgive",
              "tdkt_docs.checker.check")


def import_for_build(*more: str) -> None:
    import importlib

    for name in FIRST_USE + more:
        importlib.import_module(name)


@functools.lru_cache(maxsize=1)
def keep_freed_memory() -> bool:
    """Ask glibc to keep memory a build frees for the next document, instead of handing it back
    to the system and asking again.

    By default every block of 128 kB or more (the text of a document, its zip, a parsed table) is
    mapped fresh and unmapped when freed, and the first touch of each fresh page is a page fault:
    about 3 µs on a virtual machine. A 2,000-row document made 17,000 of them; with these settings
    13,000, and it was made 3-6 % faster. What a build holds at its peak then stays with the
    process (`tdkt watch` included) rather than going back to the system: some tens of MB.
    Linux with glibc only; elsewhere nothing changes."""
    from .libc import function

    mallopt = function("mallopt")
    if mallopt is None:
        return False
    # M_TRIM_THRESHOLD (-1), M_MMAP_THRESHOLD (-3): setting them also stops glibc moving them.
    return bool(mallopt(-3, 64 << 20)) and bool(mallopt(-1, 128 << 20))


def build_many(jobs: list[Job], out_dir: Path, processes: int = 1) -> Iterator[Outcome]:
    """The outcome of every job, in the order of `jobs`, made by up to `processes` processes."""
    keep_freed_memory()  # before the workers are forked: they inherit it
    processes = max(1, min(processes, len(jobs)))
    if processes == 1:
        yield from batched(jobs, out_dir)
        return
    # fork shares the modules already imported here; spawn (macOS, Windows) imports them again.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        # What a build imports on first use is imported once here, before the workers are made,
        # instead of once in each of them.
        import_for_build()
    # Small chunks keep both processes busy to the end and the report flowing; larger ones save
    # the cost of passing each job between processes, and let a process write one part of its
    # chunk while it makes the next (see _chunk).
    size = max(1, min(2 * BATCH_JOBS, len(jobs) // (processes * 8)))
    # The last jobs go out in smaller chunks, so that no process is left making a whole chunk
    # alone while the others have finished.
    tail = min(len(jobs) // 4, processes * size)
    head = len(jobs) - tail
    small = max(1, size // 4)
    chunks = ([jobs[i:min(i + size, head)] for i in range(0, head, size)]
              + [jobs[i:i + small] for i in range(head, len(jobs), small)])
    # concurrent.futures rather than multiprocessing.Pool: if a worker dies (killed, out of
    # memory) the build stops with an error instead of waiting for it forever.
    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context(method), initializer=_quiet_worker)
    try:
        for outcomes in pool.map(partial(_chunk, out_dir=out_dir), chunks):
            yield from outcomes
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _chunk(jobs: list[Job], out_dir: Path) -> list[Outcome]:
    # Batches of the same size as in one process: a full chunk is two, the first going to disk
    # while the second is made. (Four smaller ones meant twice the flushes of the whole disk, each
    # also writing what the other process had staged, for no time gained.)
    return list(batched(jobs, out_dir))


# A batch is written once this many jobs or bytes are made: enough to share one flush to disk
# among many documents, few enough that outcomes keep flowing and memory stays small.
BATCH_JOBS = 16
BATCH_BYTES = 32 * 1024 * 1024


def batched(jobs: list[Job], out_dir: Path, batch_jobs: int = BATCH_JOBS) -> Iterator[Outcome]:
    """Make jobs and write them in batches; the outcomes, in the order of `jobs`, each given once
    its documents are written (or have failed).

    A batch goes to disk while the next one is made: waiting for the disk costs a build nothing
    as long as making a batch takes longer than writing one.
    """
    made: list[Made] = []
    size = 0
    flushing: Writing | None = None  # the batch before, on its way to disk
    try:
        for job in jobs:
            made.append(make_one(job, out_dir))
            size += sum(len(data) for _, data in made[-1].targets)
            if len(made) >= batch_jobs or size >= BATCH_BYTES:
                if flushing is not None:
                    yield from flushing.finish()
                flushing = Writing(made)
                flushing.flush_in_background()
                made, size = [], 0
        if flushing is not None:
            yield from flushing.finish()
            flushing = None
        if made:
            yield from write_all(made)
    finally:
        if flushing is not None:  # stopped half-way: nothing of the unfinished batch is left behind
            flushing.discard()
