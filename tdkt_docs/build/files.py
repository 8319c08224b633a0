"""What a build is asked to make: the data files found under the given paths, each with the place
of its documents in the output folder. Kept apart from the stages so that a build with nothing
to do (every document unchanged) never imports the renderer, the schema or the checker."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tdkt_docs.input.loader import display_path

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Job:
    """A data file and where its documents go, relative to the output folder."""

    source: Path
    stem: str  # e.g. "2026/ke-hoach"


def is_document(path: Path) -> bool:
    """Data files whose name starts with '_' are shared parts, not documents of their own."""
    return path.suffix.lower() in YAML_SUFFIXES and not path.name.startswith(("_", "."))


def collect(paths: list[Path]) -> list[Job]:
    jobs: list[Job] = []
    for given in paths:
        if given.is_dir():
            for path in sorted(given.rglob("*")):
                if path.is_file() and is_document(path) and not any(p.startswith(".") for p in path.relative_to(given).parts):
                    rel = path.relative_to(given).with_suffix("")
                    jobs.append(Job(path, rel.as_posix()))
        else:
            jobs.append(Job(given, _stem_of_file(given)))
    return jobs


def _stem_of_file(path: Path) -> str:
    """A file inside a `data` folder keeps its place below it, as when the whole folder is built:
    `tdkt build data/2027/x.yaml` writes output/2027/x.docx, where `make documents` puts it too."""
    absolute = path.resolve()
    for folder in absolute.parents:
        if folder.name == "data":
            return absolute.relative_to(folder).with_suffix("").as_posix()
    return path.with_suffix("").name


def shown(path: Path) -> str:
    return display_path(path)
