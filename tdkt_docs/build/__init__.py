"""The build service: the one way a data file becomes documents.

`run(jobs, options)` takes each job through the stages (stages.py: load → validate → normalise →
render → check) and writes its documents atomically, skipping what has not changed since the last
build (output/build_cache.py), in one process or several (parallel.py). `tdkt build`, `tdkt
validate` (the same, writing nothing), `tdkt watch` and `make documents` all call it; it prints
nothing, and yields one Outcome per job in the order of the jobs.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

from tdkt_docs.build.files import YAML_SUFFIXES, Job, collect, is_document, shown  # noqa: F401 - the service's API

from tdkt_docs.errors import InputError, Problem, TdktError
from tdkt_docs.input.loader import resolved


@dataclass
class Options:
    out_dir: Path = Path("output")
    force: bool = False  # also documents that did not change (--tat-ca)
    processes: int = 1
    write: bool = True  # False: every stage but writing (tdkt validate)
    strict: bool = False  # a warning stops the document like an error (--strict)


@dataclass
class Outcome:
    job: Job
    written: list[Path] = field(default_factory=list)
    warnings: list[Problem | str] = field(default_factory=list)  # str: recorded by an earlier build
    error: TdktError | None = None
    inputs: list[Path] = field(default_factory=list)  # every file the document was made of (cache, watch)
    digests: dict[str, str] = field(default_factory=dict)  # sha256 of each output and input, by path
    unchanged: bool = False  # nothing it is made of changed since the last build: nothing was done


def build(paths: list[Path], options: Options, on_wait: Callable[[], None] | None = None) -> Iterator[Outcome]:
    return run(collect(paths), options, on_wait)


def run(jobs: list[Job], options: Options, on_wait: Callable[[], None] | None = None) -> Iterator[Outcome]:
    """One Outcome per job, in order. `on_wait` is called if another build holds the output folder."""
    from tdkt_docs.build.parallel import outcomes

    if not options.write:
        yield from outcomes(jobs, None, options.processes, options.strict)
        return
    from tdkt_docs.output.build_cache import BuildCache
    from tdkt_docs.output.write import build_lock

    out = Path(options.out_dir)
    with build_lock(out, on_wait=on_wait):
        cache = BuildCache(out)
        recorded = {id(job): None if options.force else cache.unchanged(job.source, job.stem) for job in jobs}
        if options.strict:  # a document kept with warnings must now be refused
            recorded = {k: None if v and v.get("warnings") else v for k, v in recorded.items()}
        made = outcomes([job for job in jobs if recorded[id(job)] is None], out, options.processes, options.strict)
        try:
            for job in jobs:
                entry = recorded[id(job)]
                if entry is not None:
                    yield Outcome(job, warnings=list(entry.get("warnings", [])), unchanged=True,
                                  inputs=[Path(p) for p in entry.get("inputs", {})],
                                  written=[Path(p) for p in entry.get("outputs", {})])
                    continue
                outcome = next(made)
                cache.record(job.source, job.stem, outcome.inputs, outcome.written,
                             [str(w) for w in outcome.warnings], failed=outcome.error is not None,
                             digests=outcome.digests)
                yield outcome
        finally:
            made.close()
            cache.save()


def build_one(job: Job, out_dir: Path | None, strict: bool = False) -> Outcome:
    """Make one job's documents and, with an output folder, write them (no build cache)."""
    from tdkt_docs.build.stages import make
    from tdkt_docs.output.build_cache import file_hash, inputs_of
    from tdkt_docs.output.write import safe_join, write_together

    outcome = Outcome(job)
    try:
        target_of = (lambda suffix: safe_join(out_dir, f"{job.stem}{suffix}.docx")) if out_dir is not None \
            else (lambda suffix: Path(f"{job.stem}{suffix}.docx"))
        made = make(job.source, target_of)
        if strict and made.warnings:
            raise InputError([replace(w, severity="error") for w in made.warnings])
        outcome.warnings = made.warnings
        outcome.inputs = inputs_of(job.source, made.loaded, made.templates)
        if out_dir is not None:
            files = [(target_of(suffix), data) for suffix, data in made.documents]
            outcome.written = write_together(files)
            for target, data in files:
                outcome.digests[str(target)] = hashlib.sha256(data).hexdigest()
            for path in outcome.inputs:
                outcome.digests[str(path)] = file_hash(path)
    except TdktError as exc:
        outcome.error = exc
        # A broken shared file is still one to watch: the files named by the problems are inputs too.
        named = [Path(p.file) for p in exc.problems if p.file and Path(p.file).is_file()]
        outcome.inputs = list(dict.fromkeys(inputs_of(job.source) + [resolved(p) for p in named]))
    return outcome


def validate_one(job: Job, strict: bool = False) -> Outcome:
    """Every stage of `tdkt build`, the ND30 check of the rendered document included, writing nothing."""
    return build_one(job, None, strict)
