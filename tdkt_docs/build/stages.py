"""The stages of one data file, top to bottom: load → validate → normalise → render → check.
Nothing here writes a file; `tdkt_docs.build` writes what these stages made."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from tdkt_docs.errors import InputError, LayoutError, Problem
from tdkt_docs.input.loader import Loaded, display_path
from tdkt_docs.kinds import rendering
from tdkt_docs.kinds.rendering import Rendering


@dataclass
class Made:
    """The documents of one data file, rendered and checked, not yet written."""

    documents: list[tuple[str, bytes]]  # (file suffix, DOCX bytes): "" for the main document
    warnings: list[Problem] = field(default_factory=list)
    loaded: Loaded | None = None
    templates: list[Path] = field(default_factory=list)


def prepare(source: Path) -> tuple[BaseModel, list[Problem], list[Rendering], Loaded]:
    """Load, validate and normalise: the validated model, its warnings and what to render."""
    from tdkt_docs.input.sanitize import sanitize
    from tdkt_docs.input.shared_files import load_document
    from tdkt_docs.input.sheet_cells import merge, tell
    from tdkt_docs.input.spreadsheets import read_sheets
    from tdkt_docs.input.variables import expand
    from tdkt_docs.kinds.registry import BUILDERS
    from tdkt_docs.model.validate import kind_of, validate

    loaded = load_document(source)
    kind = kind_of(loaded)
    # A spreadsheet's problems are told with the YAML's, at their cells, in one report.
    from_sheets = read_sheets(loaded, Path(source).parent)
    cleaned = sanitize(loaded)
    try:
        doc, warnings = validate(loaded)
    except InputError as exc:
        if not cleaned.errors and not from_sheets and not cleaned.warnings:
            raise InputError(tell(loaded, exc.problems)) from None
        # The characters cleaned before the check are said with its errors: they may be their cause.
        raise InputError(_in_order(loaded, merge(loaded, from_sheets, cleaned.errors + exc.problems
                                                 + cleaned.warnings))) from None
    if cleaned.errors or from_sheets:
        raise InputError(_in_order(loaded, merge(loaded, from_sheets, cleaned.errors + cleaned.warnings)))
    if cleaned.warnings:
        warnings = _in_order(loaded, cleaned.warnings + warnings)
    try:
        doc, more = expand(doc, loaded)
        renderings = BUILDERS[kind](doc, loaded)
    except InputError as exc:
        # What validation found is said along with what stopped the build, not lost with it.
        raise InputError(_in_order(loaded, tell(loaded, warnings + exc.problems))) from None
    found = [w for r in renderings for w in r.warnings]
    return doc, tell(loaded, warnings + more + found), renderings, loaded


def _in_order(loaded: Loaded, problems: list[Problem]) -> list[Problem]:
    """The document's own problems first, then those of its shared files, each by line."""
    return sorted(problems, key=lambda p: (p.file != loaded.file, p.file, p.line or 0, p.col or 0))


def render_all(renderings: list[Rendering]) -> list[tuple[str, bytes]]:
    from tdkt_docs.output.render import load_template

    out = []
    for r in renderings:
        template = load_template(rendering.TEMPLATES / r.template)
        out.append((r.suffix, template.render(r.context, {"title": r.title, "date": r.date, "creator": r.creator})))
    return out


def check_rendered(name: str, data: bytes, loaded: Loaded | None = None, within: tuple = ()) -> list[Problem]:
    """Run the ND30 checker on a document about to be written, from its bytes as Word would read them.

    A finding on text the clerk typed (an all-caps trích yếu) is the clerk's to fix or keep: a
    warning at the YAML line (trace.py). Any other error means our template or normaliser produced
    a layout ND30 forbids, and the document is not written. "Không đánh giá được" findings are not
    passed on, since forms to fill in (a đề cương) lack parts on purpose.
    """
    from tdkt_docs.build.trace import traced
    from tdkt_docs.checker.check import analyse, findings_of
    from tdkt_docs.checker.findings import ERROR, WARNING

    doc, lay = analyse(data, Path(name).name)
    errors, warnings = [], []
    for f in findings_of(doc, lay):
        if f.severity not in (ERROR, WARNING) or f.rule in _LINTED:
            continue
        text = doc.paras[f.paragraph - 1].text if f.paragraph else ""
        problem = traced(f, text, loaded, within)
        if problem is not None:
            warnings.append(problem)
        elif f.severity == ERROR:
            errors.append(Problem(name, "văn bản chưa đạt thể thức Nghị định 30 nên chưa được ghi: "
                                  + f.line(mark_warning=False)))
        else:
            warnings.append(Problem(name, f.line(mark_warning=False), severity="warning"))
    if errors:
        raise LayoutError(errors)
    return warnings


# Rules the validation stage already reports, with the YAML line, before rendering.
_LINTED = {"ND30.CHU_KY.PREFIX"}


def _within(loaded: Loaded, suffix: str) -> tuple:
    """The part of the YAML a companion document is written from (".bien-ban" → bien_ban)."""
    key = suffix.lstrip(".").replace("-", "_")
    return (key,) if key and isinstance(loaded.data, dict) and key in loaded.data else ()


def make(source: Path, target_of) -> Made:
    """Every stage but writing, for one data file; `target_of(suffix)` is where a document will go."""
    _, warnings, renderings, loaded = prepare(source)
    documents = render_all(renderings)
    # Every document of a file is rendered and checked before any is written: all or nothing.
    errors: list[Problem] = []
    for r, (suffix, data) in zip(renderings, documents):
        if not r.nd30:
            continue  # a certificate is not an ND30 document
        try:
            warnings = warnings + check_rendered(display_path(target_of(suffix)), data, loaded, _within(loaded, suffix))
        except LayoutError as exc:  # every document of the file is checked, and all is said at once
            errors += exc.problems
    if errors:
        raise LayoutError(warnings + errors)
    return Made(documents, warnings, loaded, [rendering.TEMPLATES / r.template for r in renderings])
