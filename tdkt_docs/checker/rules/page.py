"""Page setup (PL I.I.1–3): A4, portrait unless tables need landscape, margins."""
from __future__ import annotations

from ..layout import Layout
from ..model import Document
from ..vntext import num
from . import Report

A4 = (11906, 16838)  # twips
TOLERANCE = 57  # 1 mm
TWIPS_PER_MM = 56.6929
WORD_DEFAULT_MARGIN = 1440.0  # 1 inch, what Word assumes when the file names no margin
MARGINS = [  # rule, attribute, Vietnamese name, low, high (mm)
    ("ND30.PAGE.MARGIN_TOP", "top", "Lề trên", 20, 25),
    ("ND30.PAGE.MARGIN_BOTTOM", "bottom", "Lề dưới", 20, 25),
    ("ND30.PAGE.MARGIN_LEFT", "left", "Lề trái", 30, 35),
    ("ND30.PAGE.MARGIN_RIGHT", "right", "Lề phải", 15, 20),
]
HOW = "Bố cục (Layout) › Lề (Margins) › Lề tùy chỉnh (Custom Margins)"


def _mm(twips: float) -> float:
    return round(abs(twips) / TWIPS_PER_MM, 1)


def _content_tables(doc: Document, lay: Layout) -> list[int]:
    """First paragraphs of the tables with content (a list, a vote count, an annex), leaving out the
    borderless tables that lay out the header and the signatures."""
    layout = set()
    for span in [lay.quoc_hieu, lay.tieu_ngu, lay.so, lay.date, lay.noi_nhan, *lay.co_quan, *lay.signature,
                 *(s for column in lay.signers.values() for s in column)]:
        if span is not None and span.para.cell is not None:
            layout.add(span.para.cell.table)
    return [t.first for t in doc.tables if t.depth == 1 and t.index not in layout]


def check(doc: Document, lay: Layout, rep: Report) -> None:
    tables = _content_tables(doc, lay)
    many = len(doc.sections) > 1
    for sec in doc.sections:
        # In a file of several sections, each finding points at the first paragraph of its section.
        para = doc.paras[sec.first - 1] if many and 0 < sec.first <= len(doc.paras) else None
        prefix = f"phần (section) {sec.index + 1} của văn bản: " if many else ""
        if sec.width is None or sec.height is None:
            rep.unevaluable("ND30.PAGE.SIZE", f"{prefix}tệp không ghi khổ giấy", para)
        else:
            short, long_ = sorted((sec.width, sec.height))
            if abs(short - A4[0]) > TOLERANCE or abs(long_ - A4[1]) > TOLERANCE:
                found = f"{num(_mm(short), 0)} × {num(_mm(long_), 0)} mm"
                rep.add("ND30.PAGE.SIZE", para, f"{prefix}khổ giấy {found}, cần A4; chọn Bố cục (Layout) › "
                        "Khổ giấy (Size) › A4", "A4 (210 × 297 mm)", found)
            if sec.width > sec.height + TOLERANCE and not any(sec.first <= t <= sec.last for t in tables):
                rep.add("ND30.PAGE.ORIENTATION", para, f"{prefix}trang khổ ngang nhưng không có bảng, biểu; "
                        "văn bản trình bày theo chiều dài khổ A4 (Bố cục › Hướng › Dọc)", "khổ dọc",
                        "khổ ngang")
        for rule, attr, name, lo, hi in MARGINS:
            value = getattr(sec, attr)
            note = ""
            if value is None:
                value, note = WORD_DEFAULT_MARGIN, " (tệp không ghi, Word dùng mặc định)"
            if attr == "left":
                value = abs(value) + sec.gutter
            mm = _mm(value)
            if not lo <= mm <= hi:
                found = f"{num(mm)} mm{note}"
                rep.add(rule, para, f"{prefix}{name.lower() if prefix else name} {found}, cần {lo}–{hi} mm; "
                        f"sửa ở {HOW}", f"{lo}–{hi} mm", found)
