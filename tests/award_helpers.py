"""What the award-document tests share: build a file, read its DOCX, edit a fixture, run the CLI."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
from click.testing import CliRunner

from helpers import blocks
from tdkt_docs.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def copy_fixture(name: str, folder: Path, as_name: str | None = None) -> Path:
    target = folder / (as_name or name)
    shutil.copy(FIXTURES / name, target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def effective(paragraph, attr):
    """A font attribute as Word resolves it: run, then the paragraph style chain."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    if runs and all(getattr(r.font, attr) is not None for r in runs):
        values = {getattr(r.font, attr) for r in runs}
        if len(values) == 1:
            return values.pop()
    style = paragraph.style
    while style is not None:
        value = getattr(style.font, attr)
        if value is not None:
            return value
        style = style.base_style
    return None


def paragraphs(path: Path) -> list:
    """Body paragraphs outside tables, in order."""
    return [b for b in blocks(docx.Document(str(path))) if not hasattr(b, "rows")]


def tables(path: Path) -> list:
    return [b for b in blocks(docx.Document(str(path))) if hasattr(b, "rows")]


def cell_texts(table) -> list[list[str]]:
    """Rows of a table as text, a merged cell counted once."""
    out = []
    for row in table.rows:
        texts, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            texts.append("\n".join(p.text for p in cell.paragraphs))
        out.append(texts)
    return out
