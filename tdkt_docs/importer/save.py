"""Writing an import to disk: the target's name, --nam through the rollover, never over an existing
file unless asked, and atomically (a file is there whole, or not at all)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tdkt_docs.errors import InputError, OutputError, Problem
from tdkt_docs.importer.notes import Note


@dataclass
class Saved:
    target: Path
    kind: str
    notes: list[Note] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # years written literally, after --nam


def default_target(source: Path) -> Path:
    return source.with_suffix(".yaml")


def import_file(source: Path, target: Path | None, year: int | None, overwrite: bool) -> Saved:
    from tdkt_docs.input.loader import display_path
    from tdkt_docs.output.write import atomic_write

    imported = None
    if target is None:
        target = default_target(source)
        if year is not None:
            imported = _import(source)
            target = _year_target(target, imported.data, year)
    target = Path(target)
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise OutputError(Problem(display_path(target), "tên tệp ghi ra cần có đuôi .yaml, ví dụ ke-hoach-2027.yaml"))
    if target.exists() and not overwrite:
        raise OutputError(Problem(display_path(target), "đã có tệp này; thêm --ghi-de để ghi đè, hoặc chọn tên "
                                  "khác bằng -o"))
    imported = imported or _import(source)
    saved = Saved(target, imported.kind, imported.notes)
    text = _modeline(target, imported.kind) + imported.text
    if year is not None:
        if "ngay" not in imported.data:
            raise InputError(Problem(source.name, "biên bản không có ngày ký để chuyển sang năm mới; hãy chạy lại "
                                     "không có --nam, rồi sửa ngày giờ họp ('bat_dau', 'ket_thuc') trong tệp YAML"))
        text = _rolled(text, target, year, saved)
    atomic_write(target, text.encode("utf-8"))
    return saved


def _modeline(target: Path, kind: str) -> str:
    """The first line that lets VS Code check the file as it is typed, pointing at the schema of its
    kind from where the file will be (as the files of data/ and `tdkt new` do)."""
    import os

    from tdkt_docs.model.json_schema import FOLDER

    schema = FOLDER / f"{kind}.schema.json"
    try:
        relative = Path(os.path.relpath(schema, target.parent.resolve())).as_posix()
    except ValueError:  # another drive on Windows: no relative path
        relative = schema.as_uri()
    return f"# yaml-language-server: $schema={relative}\n"


def _import(source: Path):
    from tdkt_docs.importer import import_docx

    return import_docx(source.read_bytes(), source.name)


def _year_target(target: Path, data: dict, year: int) -> Path:
    """With --nam and no -o, the new year in the name as `tdkt rollover` names it:
    ke-hoach-2025.docx → ke-hoach-2026.yaml, 2025/ke-hoach.docx → 2026/ke-hoach.yaml."""
    from tdkt_docs.rollover import default_target as rolled_name

    when = str(data.get("ngay") or data.get("bat_dau") or "")[:4]
    if not when.isdecimal() or int(when) == year:
        return target
    return rolled_name(target, int(when), year)


def _rolled(text: str, target: Path, year: int, saved: Saved) -> str:
    """The rollover of the imported text, as `tdkt rollover` would roll the file once written."""
    from tdkt_docs.rollover import roll_text

    result = roll_text(text, target, year)
    saved.changes = result.changes
    saved.warnings = result.warnings
    return result.text
