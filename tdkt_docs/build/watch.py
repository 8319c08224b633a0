"""`tdkt watch`: rebuild a document as soon as its YAML, or a file it uses, is saved.

Polling modification times twice a second is enough for a person saving a file and needs nothing
beyond the standard library. Each round compares the files under the watched folders and the
files the documents were last made of (shared files, templates) with the previous round, then
rebuilds:
- a document whose own file changed, or which is new;
- a document one of whose inputs changed (a shared file, a template);
- a document that failed last time, when anything changed (its inputs may be the missing piece).
The build itself is the build service's (tdkt_docs.build.run), as for `tdkt build`: the same cache,
so saving a file without changing it renders nothing, and the same messages. The loop is a generator of rounds and takes its `sleep`, so a
caller (or a test) decides how many rounds run and what happens between them.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from tdkt_docs.build import Job, Options, Outcome, collect, run

INTERVAL = 0.5
Stamp = tuple[int, int]


@dataclass
class Round:
    """What one look at the files found and did."""

    changed: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    built: list[Outcome] = field(default_factory=list)
    unchanged: list[Outcome] = field(default_factory=list)


class Watcher:
    def __init__(self, paths: list[Path], out_dir: Path, force: bool = False):
        self.paths = [Path(p) for p in paths]
        self.out_dir = Path(out_dir)
        self.force = force
        self.inputs: dict[Path, set[Path]] = {}
        self.failed: set[Path] = set()
        self.stamps: dict[Path, Stamp] = {}

    def _files(self, jobs: list[Job]) -> dict[Path, Stamp]:
        out = self.out_dir.resolve()
        files: set[Path] = set()
        for given in self.paths:
            if given.is_dir():
                for path in given.rglob("*"):
                    resolved = path.resolve()
                    if path.is_file() and out not in resolved.parents and not any(
                            part.startswith(".") for part in path.relative_to(given).parts):
                        files.add(resolved)
            elif given.is_file():
                files.add(given.resolve())
        for job in jobs:
            files.add(job.source.resolve())
        for used in self.inputs.values():
            files.update(used)
        stamps = {}
        for path in files:
            try:
                st = path.stat()
            except OSError:
                continue
            stamps[path] = (st.st_mtime_ns, st.st_size)
        return stamps

    def first(self) -> Round:
        """Build everything (what did not change since the last build is reported as such)."""
        jobs = collect([p for p in self.paths if p.exists()])
        self.stamps = self._files(jobs)
        result = self._build(jobs, Round(), force=self.force)
        self._watch_new_inputs(jobs)
        return result

    def _watch_new_inputs(self, jobs: list[Job]) -> None:
        # Inputs found by the build (templates, shared files elsewhere) are watched from now on; a
        # file already watched keeps the stamp it had before the build, so a save made during the
        # build is still seen by the next look.
        for path, stamp in self._files(jobs).items():
            self.stamps.setdefault(path, stamp)

    def poll(self) -> Round | None:
        """One look: None when nothing changed, else what was rebuilt."""
        jobs = collect([p for p in self.paths if p.exists()])
        stamps = self._files(jobs)
        changed = {p for p, s in stamps.items() if self.stamps.get(p) != s}
        removed = {p for p in self.stamps if p not in stamps}
        if not changed and not removed:
            return None
        self.stamps = stamps
        result = Round(sorted(changed), sorted(removed))
        todo = []
        for job in jobs:
            source = job.source.resolve()
            if (source in changed or source not in self.inputs or self.inputs[source] & (changed | removed)
                    or source in self.failed):
                todo.append(job)
        for source in removed:
            self.inputs.pop(source, None)
            self.failed.discard(source)
        result = self._build(todo, result, force=False)
        self._watch_new_inputs(jobs)
        return result

    def _build(self, jobs: list[Job], result: Round, force: bool) -> Round:
        if not jobs:
            return result
        for outcome in run(jobs, Options(self.out_dir, force=force)):
            source = outcome.job.source.resolve()
            self.inputs[source] = set(outcome.inputs) | {source}
            if outcome.error is not None:
                self.failed.add(source)
            else:
                self.failed.discard(source)
            (result.unchanged if outcome.unchanged else result.built).append(outcome)
        return result


def rounds(watcher: Watcher, interval: float = INTERVAL, limit: int | None = None,
           sleep: Callable[[float], None] | None = None) -> Iterator[Round]:
    """The first full build, then every round in which something changed; `limit` bounds the looks."""
    sleep = sleep or time.sleep
    yield watcher.first()
    looks = 0
    while limit is None or looks < limit:
        sleep(interval)
        looks += 1
        found = watcher.poll()
        if found is not None:
            yield found
