"""The body of a DOCX as a flat list of lines, each with the number or bullet it starts with (typed
by the clerk or drawn by Word's numbering) taken off and named, and its bold and italic stretches
written as ** and * marks; tables as rows of cell texts. The checker's reader does the reading."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tdkt_docs.checker.layout import Layout
from tdkt_docs.checker.model import Document, Para
from tdkt_docs.checker.vntext import is_line_art

# What a line starts with, in the order tried. "2.1." before "2." so the longer label wins.
_LABELS = (
    ("roman", re.compile(r"^([IVXLC]+)\s*[.)]\s*(?=\S)")),
    ("multi", re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)")),
    ("arabic", re.compile(r"^(\d{1,2})\s*[.)]\s*(?=\D)")),
    ("letter", re.compile(r"^([a-zđ])\)\s*(?=\S)")),
    ("dash", re.compile(r"^[-–—•●▪◦]\s*(?=\S)")),
    ("plus", re.compile(r"^\+\s*(?=\S)")),
)
_BULLET_CHARS = "-–—•●▪◦o§\uf0b7\uf0a7\uf0d8\uf076\uf0fc"


@dataclass
class Line:
    index: int  # paragraph number, as the checker counts them (1-based, reading order)
    text: str  # with ** and * marks; the label taken off
    plain: str  # what is displayed, without the label
    label: str | None = None  # "roman", "arabic", "multi", "letter", "dash", "plus"
    label_text: str = ""  # "I", "2.1", "a"...
    bold: bool = False  # every visible letter is bold
    italic: bool = False
    rows: list[list[str]] | None = None  # a table: its rows of cell texts
    extra: dict = field(default_factory=dict)

    @property
    def is_table(self) -> bool:
        return self.rows is not None

    @property
    def styled(self) -> str:
        """The text of a paragraph that is not a heading: a paragraph all in bold or italic keeps it
        as marks (the program makes only headings bold by itself)."""
        mark = ("**" if self.bold else "") + ("*" if self.italic else "")
        return f"{mark}{self.text}{mark[::-1]}" if mark and self.text else self.text


def escape(text: str) -> str:
    """Text as a YAML value the renderer prints as typed: its own asterisks and backslashes escaped."""
    return text.replace("\\", "\\\\").replace("*", "\\*")


def marked(para: Para, start: int) -> tuple[str, bool, bool]:
    """The text of `para` from `start` with bold and italic marks, and whether all of it is bold /
    italic (a heading: then no marks, the renderer makes it bold itself)."""
    pieces: list[tuple[str, bool, bool]] = []
    for a, b, fmt in para.segs:
        a, b = max(a, start), b
        if b <= a:
            continue
        chunk = para.text[a:b]
        bold = bool(fmt and fmt.bold)
        italic = bool(fmt and fmt.italic)
        if pieces and pieces[-1][1:] == (bold, italic):
            pieces[-1] = (pieces[-1][0] + chunk, bold, italic)
        else:
            pieces.append((chunk, bold, italic))
    visible = [p for p in pieces if p[0].strip()]
    all_bold = bool(visible) and all(p[1] for p in visible)
    all_italic = bool(visible) and all(p[2] for p in visible)
    out = []
    for chunk, bold, italic in pieces:
        mark = ("**" if bold and not all_bold else "") + ("*" if italic and not all_italic else "")
        core = chunk.strip()
        if not mark or not core:
            out.append(escape(chunk))
            continue
        lead = chunk[:len(chunk) - len(chunk.lstrip())]
        tail = chunk[len(chunk.rstrip()):]
        out.append(f"{lead}{mark}{escape(core)}{mark[::-1]}{tail}")
    text = "".join(out).replace("****", "").strip()
    return text, all_bold, all_italic


def label_of(para: Para) -> tuple[str | None, str, int]:
    """The kind of label the paragraph starts with, its text, and where its own text starts."""
    text = para.text
    start = 0
    if para.label is not None and text.startswith(para.label.text):
        start = len(para.label.text)
        shown = para.label.text.strip()
        if para.label.fmt in ("bullet", "none") or (shown and shown[0] in _BULLET_CHARS):
            kind = "dash" if para.label.ilvl == 0 or shown.startswith("-") else "plus"
            if shown.startswith("+"):
                kind = "plus"
            return (kind, "", start) if shown else (None, "", start)
        text = shown + " " + text[start:].lstrip()
        found = _match(text)
        if found is not None:
            return found[0], found[1], start
        return None, "", start
    lead = len(text) - len(text.lstrip())
    found = _match(text[lead:])
    if found is None:
        return None, "", 0
    return found[0], found[1], lead + found[2]


def _match(text: str) -> tuple[str, str, int] | None:
    for kind, pattern in _LABELS:
        m = pattern.match(text)
        if m:
            return kind, (m.group(1) if m.groups() else ""), m.end()
    return None


def line_of(para: Para) -> Line | None:
    if not para.stripped or is_line_art(para.text):
        return None
    kind, label_text, start = label_of(para)
    text, bold, italic = marked(para, start)
    plain = para.text[start:].strip()
    if not plain:
        return None
    return Line(para.index, text, plain, kind, label_text, bold, italic)


def table_rows(doc: Document, table: int) -> list[list[str]]:
    t = doc.tables[table]
    rows = []
    for row in t.rows:
        cells = []
        for _col, indices in row:
            texts = [marked(doc.paras[i - 1], 0)[0] for i in indices
                     if doc.paras[i - 1].cell is not None and doc.paras[i - 1].cell.table == table]
            cells.append("\n".join(x for x in texts if x))
        rows.append(cells)
    return rows


def body_lines(doc: Document, lay: Layout) -> list[Line]:
    """The lines between the trích yếu (or Kính gửi) and the closing part, tables in place."""
    start = _body_start(lay)
    end = lay.closing_start if lay.closing_start is not None else len(doc.paras) + 1
    out: list[Line] = []
    seen_tables: set[int] = set()
    for para in doc.paras:
        if para.index < start or para.index >= end or para.textbox or para.story != "body":
            continue
        if para.cell is not None:
            top = _top_table(doc, para)
            if top not in seen_tables:
                seen_tables.add(top)
                out.append(Line(para.index, "", "", rows=table_rows(doc, top)))
            continue
        line = line_of(para)
        if line is not None:
            out.append(line)
    return out


def _top_table(doc: Document, para: Para) -> int:
    # A table inside a cell belongs to the outer table: its text is read with that cell's.
    table = para.cell.table
    while doc.tables[table].depth > 1 and table > 0:
        table -= 1
    return table


def _body_start(lay: Layout) -> int:
    last = 0
    for span in [lay.ten_loai, *lay.trich_yeu]:
        if span is not None:
            last = max(last, span.para.index)
    if last == 0:
        last = lay.header_end
    return last + 1


def leftovers(doc: Document, lay: Layout, skip_tables: set[int] = frozenset()) -> list[Line]:
    """What lies after the closing part (an appendix typed below the signature) and what stands in
    text boxes: not part of any field, so kept as lines for the end of the content."""
    used = _closing_paras(lay)
    start = _body_start(lay)
    end = lay.closing_start if lay.closing_start is not None else len(doc.paras) + 1
    out: list[Line] = []
    seen: set[int] = set()
    for para in doc.paras:
        if para.story != "body" or para.index in used or (para.index < end and not para.textbox):
            continue
        if para.textbox and para.index < start:
            continue  # a header drawn in text boxes: the checker has read what it could of it
        if para.cell is not None:
            top = _top_table(doc, para)
            if top in seen or top in skip_tables or _is_closing_table(doc, top, used):
                continue
            seen.add(top)
            out.append(Line(para.index, "", "", rows=table_rows(doc, top)))
            continue
        line = line_of(para)
        if line is not None:
            out.append(line)
    return out


def _closing_paras(lay: Layout) -> set[int]:
    spans = [lay.noi_nhan, *lay.noi_nhan_lines, *lay.signature]
    for column in lay.signers.values():
        spans.extend(column)
    return {s.para.index for s in spans if s is not None}


def _is_closing_table(doc: Document, table: int, used: set[int]) -> bool:
    # The table that holds the Nơi nhận and the signature side by side.
    t = doc.tables[table]
    return any(t.first <= i <= t.last for i in used)
