"""Where the header's elements stand and the short rules drawn under them: Số centred under the
issuing body (PL I.II.3.c), the date centred under the Quốc hiệu (PL I.II.4.c), the công văn's
"V/v" line 12–13 pt upright, centred under the Số (PL I.II.5.b); a solid line under the Tiêu ngữ
(PL I.II.1.b), the issuing body (PL I.II.2.b) and the trích yếu (PL I.II.5.b).

A line counts however Word users draw it: an empty paragraph with a border, a line shape, a row of
underscores, or the text underlined."""
from __future__ import annotations

from ..layout import Layout, Span
from ..model import Document, Para
from ..vntext import is_line_art, squash
from . import Report
from .common import check_size, check_style

_JC = {"left": "canh trái", "right": "canh phải", "both": "canh đều hai lề", "center": "canh giữa"}
LOOK_AHEAD = 2  # paragraphs after an element searched for its line


def _same_place(a: Para, b: Para) -> bool:
    if a.cell is None or b.cell is None:
        return a.cell is None and b.cell is None
    return (a.cell.table, a.cell.row, a.cell.col) == (b.cell.table, b.cell.row, b.cell.col)


def _is_rule(p: Para) -> bool:
    if is_line_art(p.text):
        return True
    return not p.stripped and (p.drawing or p.fmt.border_bottom or p.fmt.border_top)


def ruled(doc: Document, span: Span) -> bool:
    """Whether a solid line is drawn under the element (or as near it as Word lets a clerk put it)."""
    para = span.para
    fmts = span.fmts()
    if para.drawing or para.fmt.border_bottom or (fmts and all(f.underline for f in fmts)):
        return True
    if any(is_line_art(line) for line in para.text[span.end:].split("\n")):
        return True
    for nxt in doc.paras[para.index:para.index + LOOK_AHEAD]:
        if nxt.textbox or not _same_place(para, nxt):
            break
        if _is_rule(nxt) or nxt.fmt.border_top:
            return True
        if nxt.stripped:
            break
    if para.cell is not None:
        # A line shape floats: Word anchors it to whichever paragraph of the cell was clicked.
        return any(p.drawing for p in doc.paras if p.cell is not None and _same_place(para, p))
    return False


def _rule(doc: Document, rep: Report, rule: str, span: Span | None, what: str, length: str) -> None:
    if span is None or ruled(doc, span):
        return
    rep.add(rule, span.para, f"thiếu đường kẻ ngang, nét liền dưới {what} (dài {length})", f"đường kẻ dưới {what}",
            "không có", text=span.text)


def _tabbed(span: Span) -> bool:
    """A header line set on tab stops: its place is the tab's, which is not read here."""
    return "\t" in span.para.text


def _centred(rep: Report, rule: str, span: Span | None, what: str, where: str) -> None:
    if span is None or _tabbed(span) or span.para.fmt.jc == "center":
        return
    found = _JC.get(span.para.fmt.jc, span.para.fmt.jc)
    rep.add(rule, span.para, f"{what} {found}, cần canh giữa {where}", "canh giữa", found, text=span.text)


def _vv(rep: Report, span: Span) -> None:
    check_size(rep, "ND30.TRICH_YEU.VV_SIZE", span, 12, 13, "Trích yếu công văn (V/v)")
    check_style(rep, "ND30.TRICH_YEU.VV_STYLE", span, "Trích yếu công văn (V/v)", italic=False)
    _centred(rep, "ND30.TRICH_YEU.VV_ALIGN", span, "dòng «V/v …»", "dưới số, ký hiệu văn bản")


def check(doc: Document, lay: Layout, rep: Report) -> None:
    if lay.kind == "phu_luc":
        return
    _centred(rep, "ND30.SO_KY_HIEU.ALIGN", lay.so, "số, ký hiệu", "dưới tên cơ quan ban hành")
    if lay.kind != "bien_ban":
        _centred(rep, "ND30.NGAY_THANG.ALIGN", lay.date, "địa danh, ngày tháng", "dưới Quốc hiệu và Tiêu ngữ")
    if lay.vv is not None:
        _vv(rep, lay.vv)
    _rule(doc, rep, "ND30.TIEU_NGU.LINE", lay.tieu_ngu, "Tiêu ngữ", "bằng dòng chữ")
    _rule(doc, rep, "ND30.CO_QUAN.LINE", lay.co_quan[-1] if lay.co_quan else None, "tên cơ quan ban hành",
          "1/3 đến 1/2 dòng chữ")
    if lay.trich_yeu and squash(lay.trich_yeu[-1].text):
        _rule(doc, rep, "ND30.TRICH_YEU.LINE", lay.trich_yeu[-1], "trích yếu", "1/3 đến 1/2 dòng chữ")
