"""The stages, top to bottom: load → validate → normalise → render → check → write."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from .errors import InputError, Problem, TdktError
from .jobs import YAML_SUFFIXES, Job, collect, is_document, shown  # noqa: F401 - where callers look
from .kinds import BUILDERS, TEMPLATES, Rendering
from .loader import Loaded, collector_paused, display_path, resolved
from .render import Rendered, load_template
from .sanitize import sanitize
from .sheets import expand as expand_sheets
from .validate import kind_of, validate
from .write import safe_join


@dataclass
class Outcome:
    job: Job
    written: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    error: TdktError | None = None
    inputs: list[Path] = field(default_factory=list)  # every file the document was made of (cache, watch)
    digests: dict[str, str] = field(default_factory=dict)  # sha256 of each output and input, by path


def prepare(source: Path) -> tuple[BaseModel, list[Problem], list[Rendering], Loaded]:
    from .bien import expand
    from .dung_chung import load_document

    loaded = load_document(source)
    kind = kind_of(loaded)
    expand_sheets(loaded, Path(source).parent)
    cleaned = sanitize(loaded)
    try:
        doc, warnings = validate(loaded)
    except InputError as exc:
        if not cleaned.errors:
            raise
        raise InputError(_in_order(loaded, cleaned.errors + exc.problems)) from None
    if cleaned.errors:
        raise InputError(cleaned.errors)
    if cleaned.warnings:
        warnings = _in_order(loaded, cleaned.warnings + warnings)
    doc, more = expand(doc, loaded)
    renderings = BUILDERS[kind](doc, loaded)
    return doc, warnings + more, renderings, loaded


def _in_order(loaded: Loaded, problems: list[Problem]) -> list[Problem]:
    """The document's own problems first, then those of its shared files, each by line."""
    return sorted(problems, key=lambda p: (p.file != loaded.file, p.file, p.line or 0, p.col or 0))


def render_all(renderings: list[Rendering]) -> list[tuple[str, Rendered]]:
    out = []
    for r in renderings:
        template = load_template(TEMPLATES / r.template)
        out.append((r.suffix, template.render_document(r.context, {"title": r.title, "date": r.date,
                                                                    "creator": r.creator})))
    return out


def check_rendered(target: Path, document: Rendered) -> list[Problem]:
    """Run the ND30 checker on a document about to be written.

    What the clerk types is validated before rendering, so an error here almost always means our
    template or normaliser produced a layout ND30 forbids: the build refuses to write such a document. Warnings
    (e.g. an unusual signing authority the clerk chose) are passed on; "không đánh giá được"
    findings are not, since forms to fill in (a đề cương) lack parts on purpose.
    """
    from .checker import check_docx
    from .checker.findings import ERROR
    from .errors import LayoutError

    from .checker.package import Package

    # The parts are checked as they go into the zip, without unzipping and parsing them again.
    findings = check_docx(Package.from_parts(document.parts, target.name, document.trees, document.shared))
    shown_name = display_path(target)
    errors = [f for f in findings if f.severity == ERROR]
    if errors:
        problems = [Problem(shown_name, "văn bản chưa đạt thể thức Nghị định 30 nên chưa được ghi: "
                            + f.line(mark_warning=False)) for f in errors]
        raise LayoutError(problems)
    return [Problem(shown_name, f.line(mark_warning=False), severity="warning")
            for f in findings if f.severity == "warning" and f.rule not in _LINTED]


# Rules the validation stage already reports, with the YAML line, before rendering.
_LINTED = {"ND30.CHU_KY.PREFIX"}


@dataclass
class Made:
    """A job whose documents are rendered and checked, and not yet written."""

    outcome: Outcome
    targets: list[tuple[Path, bytes]] = field(default_factory=list)  # each output and its DOCX bytes


def build_one(job: Job, out_dir: Path) -> Outcome:
    return write_all([make_one(job, out_dir)])[0]


def make_one(job: Job, out_dir: Path) -> Made:
    """Everything but writing: read, validate, render and check every document of the job."""
    with collector_paused():
        made = Made(Outcome(job))
        try:
            made.targets = _make(made.outcome, out_dir)
        except TdktError as exc:
            _failed(made.outcome, exc)
        return made


def _make(outcome: Outcome, out_dir: Path) -> list[tuple[Path, bytes]]:
    from .cache import inputs_of

    job = outcome.job
    _, warnings, renderings, loaded = prepare(job.source)
    outcome.warnings = warnings
    outcome.inputs = inputs_of(job.source, loaded, [TEMPLATES / r.template for r in renderings])
    documents = render_all(renderings)
    # Every document of a file is rendered and checked before any is written: all or nothing.
    targets = [(safe_join(out_dir, f"{job.stem}{suffix}.docx"), document) for suffix, document in documents]
    for target, document in targets:
        outcome.warnings = outcome.warnings + check_rendered(target, document)
    # Only the bytes wait to be written; the parsed parts are let go now.
    return [(target, document.data) for target, document in targets]


def write_all(made: list[Made]) -> list[Outcome]:
    """Write the documents of jobs made by make_one, flushed to disk together; the outcome of each
    job says what was written. If one of a job's documents cannot be written or flushed, none of
    them replaces its old version."""
    writing = Writing(made)
    try:
        return writing.finish()
    finally:
        writing.discard()


class Writing:
    """The documents of several jobs on their way to disk: in temporary files from the start,
    flushed (in the background once `flush_in_background` is called), put in place by `finish`.
    `discard` removes whatever is not in place yet (a build stopped half-way)."""

    def __init__(self, made: list[Made]):
        from .write import Batch

        self.made = made
        self.batch = Batch()
        try:
            for number, one in enumerate(made):
                if one.outcome.error is None:
                    for target, data in one.targets:
                        self.batch.add(number, target, data)
        except BaseException:  # Ctrl+C while writing the temporary files
            self.discard()
            raise

    def flush_in_background(self) -> None:
        self.batch.start_flush()

    def finish(self) -> list[Outcome]:
        from .cache import file_hash

        batch = self.batch
        batch.finish()
        for number, one in enumerate(self.made):
            outcome = one.outcome
            if outcome.error is not None:
                continue
            outcome.written = batch.written.get(number, [])
            if number in batch.failed:
                _failed(outcome, batch.failed[number])
                continue
            # Hashed here, from the bytes in memory, rather than read back from disk by the build cache
            # (in the parent process, one document after another, when -j runs several workers).
            for target, data in one.targets:
                outcome.digests[str(target)] = hashlib.sha256(data).hexdigest()
            for path in outcome.inputs:
                outcome.digests[str(path)] = file_hash(path)
        return [one.outcome for one in self.made]

    def discard(self) -> None:
        self.batch.discard()


def _failed(outcome: Outcome, exc: TdktError) -> None:
    from .cache import inputs_of

    outcome.error = exc
    # A broken shared file is still one to watch: the files named by the problems are inputs too.
    named = [Path(p.file) for p in exc.problems if p.file and Path(p.file).is_file()]
    outcome.inputs = inputs_of(outcome.job.source, None, []) + [resolved(p) for p in named]


def validate_one(job: Job) -> Outcome:
    outcome = Outcome(job)
    try:
        _, warnings, _, _ = prepare(job.source)
        outcome.warnings = warnings
    except TdktError as exc:
        outcome.error = exc
    return outcome

