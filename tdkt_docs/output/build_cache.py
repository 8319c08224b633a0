"""Incremental builds: a document is rendered again only when something it is made of changed.

The manifest `<output>/.tdkt-cache.json` records, for each document built without error, the
content hash of every input (its YAML, the shared files and other files it used, its templates)
and of every output, plus a hash of the program itself (the source of the tdkt_docs package and the
versions of the libraries that shape the DOCX). A document is "không đổi" when all of these still
match: nothing is read but the files' bytes, and no DOCX is rendered or touched. Hashes, not
modification times, so copying a folder or checking it out again does not trigger a rebuild, and
an output edited or deleted by hand is made again.
"""
from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any, Iterable

from tdkt_docs.input.loader import resolved

MANIFEST = ".tdkt-cache.json"
FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent.parent
# Each library whose version can change a rendered document.
_LIBRARIES = ("docxtpl", "jinja2", "pydantic", "pyyaml", "python-docx", "markupsafe", "openpyxl")


def file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


@functools.lru_cache(maxsize=1)
def program_hash() -> str:
    """Changes whenever the program that renders could render differently."""
    from importlib import metadata

    digest = hashlib.sha256(f"format {FORMAT}\n".encode())
    # The code and the rules shipped with it (tien-thuong.yaml: a new base salary changes the amounts).
    for path in sorted([*_PACKAGE.rglob("*.py"), *(_PACKAGE / "rules").glob("*.yaml")]):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for name in _LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "?"
        digest.update(f"{name}={version}\n".encode())
    return digest.hexdigest()


def inputs_of(source: Path, loaded: Any = None, templates: Iterable[Path] = ()) -> list[Path]:
    """Every file a document was made of: its YAML, the files its values came from, its templates."""
    found: list[Path] = [resolved(source)]
    for path in getattr(loaded, "uses", None) or []:
        found.append(resolved(path))
    # Values read from other files (a spreadsheet, a shared file) are located in them. Every value
    # names its file, so a 2,000-row table names the same few files thousands of times: each
    # distinct name is looked at once.
    named = dict.fromkeys(file for file, _, _ in (getattr(loaded, "where", None) or {}).values())
    for file in named:
        candidate = Path(file)
        if candidate.is_file():
            found.append(resolved(candidate))
    found.extend(resolved(t) for t in templates)
    return list(dict.fromkeys(found))


class BuildCache:
    """The manifest of one output folder."""

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / MANIFEST
        self.entries: dict[str, dict] = {}
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = None
        # Another version of the program renders differently: nothing it recorded can be trusted.
        if isinstance(saved, dict) and saved.get("program") == program_hash() and isinstance(saved.get("documents"), dict):
            self.entries = saved["documents"]
        self.changed = False

    def unchanged(self, source: Path, stem: str) -> dict | None:
        """The recorded entry when nothing the document is made of has changed, else None."""
        entry = self.entries.get(stem)
        if not isinstance(entry, dict) or entry.get("source") != str(resolved(source)):
            return None
        for group in ("inputs", "outputs"):
            recorded = entry.get(group)
            if not isinstance(recorded, dict) or not recorded:
                return None
            for path, digest in recorded.items():
                if file_hash(Path(path)) != digest:
                    return None
        return entry

    def record(self, source: Path, stem: str, inputs: Iterable[Path], outputs: Iterable[Path],
               warnings: Iterable[str] = (), failed: bool = False, digests: dict[str, str] | None = None) -> None:
        """`digests`: hashes already known, by path (taken by the process that made the document)."""
        self.changed = True
        if failed:
            self.entries.pop(stem, None)
            return
        self.entries[stem] = {
            "source": str(resolved(source)),
            "inputs": {str(p): (digests or {}).get(str(p)) or file_hash(p) for p in inputs},
            "outputs": {str(resolved(p)): (digests or {}).get(str(p)) or file_hash(p) for p in outputs},
            "warnings": list(warnings),
        }

    def save(self) -> None:
        if not self.changed:
            return
        from tdkt_docs.output.write import atomic_write

        data = {"program": program_hash(), "documents": dict(sorted(self.entries.items()))}
        atomic_write(self.path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
