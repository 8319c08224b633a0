"""A DOCX read into what a reader sees: paragraphs in reading order with their displayed text
(numbering labels included, hidden and deleted text left out, field results shown), each stretch of
text with the formatting Word resolves for it; the tables they sit in; sections; headers and footers.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .numbering import Label
from .styles import ParaFmt, RunFmt, Styles



@dataclass(slots=True)  # thousands per long table: slots make them cheaper to create
class Cell:
    table: int  # table number in document order, 0-based
    row: int
    col: int  # grid column, 0-based
    ncols: int
    depth: int  # 1 for a table in the body, 2 for a table inside a cell…


@dataclass(slots=True)
class Para:
    index: int  # 1-based, in reading order (0 for headers and footers)
    text: str  # what is displayed, numbering label included
    segs: list[tuple[int, int, RunFmt | None]]
    style: str | None
    fmt: ParaFmt
    base: RunFmt  # the paragraph style's own run formatting (for empty paragraphs)
    cell: Cell | None = None
    textbox: bool = False
    section: int = 0
    label: Label | None = None
    drawing: bool = False
    fields: frozenset[str] = frozenset()  # field words (PAGE...); most paragraphs have none
    story: str = "body"

    @property
    def stripped(self) -> str:
        return self.text.strip()

    def fmts(self, start: int = 0, end: int | None = None) -> list[RunFmt]:
        """Formats of the visible, non-blank text in [start, end)."""
        end = len(self.text) if end is None else end
        out = []
        for a, b, fmt in self.segs:
            if fmt is None or b <= start or a >= end:
                continue
            if self.text[max(a, start):min(b, end)].strip():
                out.append(fmt)
        return out


@dataclass
class Table:
    index: int
    depth: int
    ncols: int
    rows: list[list[tuple[int, list[int]]]] = field(default_factory=list)  # [(grid col, [para index…])]
    first: int = 0  # first and last paragraph index inside
    last: int = 0


@dataclass
class Section:
    index: int
    width: float | None = None  # twips
    height: float | None = None
    orient: str | None = None
    top: float | None = None
    bottom: float | None = None
    left: float | None = None
    right: float | None = None
    gutter: float = 0.0
    title_page: bool = False
    headers: dict[str, str] = field(default_factory=dict)  # type -> part name
    footers: dict[str, str] = field(default_factory=dict)
    first: int = 0  # paragraph range
    last: int = 0


@dataclass
class Story:
    """A header or footer part."""

    part: str
    kind: str  # "header" or "footer"
    paras: list[Para] = field(default_factory=list)

    @property
    def page_fields(self) -> list[Para]:
        return [p for p in self.paras if "PAGE" in p.fields]


@dataclass
class Document:
    name: str
    paras: list[Para]
    tables: list[Table]
    sections: list[Section]
    stories: dict[str, Story]
    styles: Styles

    def story(self, part: str | None) -> Story | None:
        return self.stories.get(part) if part else None
