"""Helpers the tests share: read a generated DOCX the way a reader would."""
from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent


def blocks(document) -> list:
    """Body paragraphs and tables in document order."""
    out = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            out.append(Paragraph(child, document))
        elif child.tag.endswith("}tbl"):
            out.append(Table(child, document))
    return out


def lines(path: Path | str) -> list[str]:
    """Every paragraph's text in reading order; table cells row by row, left to right."""
    document = docx.Document(str(path))
    out: list[str] = []
    for block in blocks(document):
        if isinstance(block, Paragraph):
            out.append(block.text)
        else:
            for row in block.rows:
                for cell in row.cells:
                    out.extend(p.text for p in cell.paragraphs)
    return out


def squash(text: str) -> str:
    """White space folded, no space before closing punctuation or after an opening bracket."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r" +([;:,.)/])", r"\1", text)
    text = re.sub(r"([(/]) +", r"\1", text)
    return text


def first_difference(expected: str, actual: str, context: int = 60) -> str:
    for i, (a, b) in enumerate(zip(expected, actual)):
        if a != b:
            return (f"first difference at character {i}:\n  seed:   …{expected[max(0, i - context):i + context]}…\n"
                    f"  output: …{actual[max(0, i - context):i + context]}…")
    if len(expected) != len(actual):
        i = min(len(expected), len(actual))
        return (f"one text is longer, from character {i}:\n  seed:   …{expected[i - context:i + context]}…\n"
                f"  output: …{actual[i - context:i + context]}…")
    return "identical"


def paragraphs_with_style(path: Path | str, style_id: str) -> list[Paragraph]:
    document = docx.Document(str(path))
    found = []
    for block in blocks(document):
        paragraphs = [block] if isinstance(block, Paragraph) else [p for r in block.rows for c in r.cells for p in c.paragraphs]
        found.extend(p for p in paragraphs if p.style is not None and p.style.style_id == style_id)
    return found
