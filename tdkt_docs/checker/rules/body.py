"""Body text (PL I.II.6): 13–14 pt, justified, first line indented 1–1.27 cm, at least 6 pt between
paragraphs, single to 1.5 line spacing; căn cứ in italic; content ending with './.'."""
from __future__ import annotations

import re

from ..layout import Layout, Span
from ..model import Document, Para
from ..styles import RunFmt
from tdkt_docs.vn import text_width_cm

from ..vntext import cm, fold_starts, is_line_art, is_upper, num, pt, squash
from . import Report
from .common import check_size, check_style

TWIPS_PER_CM = 566.929
INDENT_MIN, INDENT_MAX = 1.0 * TWIPS_PER_CM - 15, 1.27 * TWIPS_PER_CM + 15
_CENTRED_HEADING = re.compile(r"^(phần|chương|mục|tiểu mục|phụ lục)\s+\S+$", re.IGNORECASE)
# Headings in capitals that stand on their own line, whatever their alignment: "PHẦN I", "PHỤ LỤC I",
# "DANH MỤC …", "DANH SÁCH …" (PL I.II.6.đ sets the layout of phần/chương/mục, not the body's indent).
_CAPS_HEADING = ("DANH MUC", "DANH SACH", "PHAN ", "PHU LUC", "CHUONG ", "MUC LUC", "BIEU ", "MAU ")
_JC = {"left": "canh trái", "right": "canh phải", "center": "canh giữa", "both": "canh đều"}


def _text_width(doc: Document, para: Para) -> float:
    sec = doc.sections[min(para.section, len(doc.sections) - 1)]
    width = (sec.width or 11906) - (sec.left or 1440) - (sec.right or 1440) - sec.gutter
    return (width - para.fmt.left - para.fmt.right) / TWIPS_PER_CM


def one_line(doc: Document, para: Para, fmts: list[RunFmt] | None = None) -> bool:
    """Whether the paragraph fits on one line (estimated with Times New Roman widths)."""
    if fmts is None:
        fmts = para.fmts()
    size = max((f.size for f in fmts), default=para.base.size)
    bold = any(f.bold for f in fmts)
    text = squash(para.text)
    return text_width_cm(text, size, bold) * 1.02 <= _text_width(doc, para) - max(para.fmt.first, 0) / TWIPS_PER_CM


def _exempt(para: Para, lay: Layout, fmts: list[RunFmt]) -> bool:
    """Paragraphs with a layout of their own: centred headings and notes, the Kính gửi block."""
    text = para.stripped
    if para.index in lay.kinh_gui:
        return True
    if len(text) < 200 and is_upper(text) and (_CENTRED_HEADING.match(squash(text)) or fold_starts(text, _CAPS_HEADING)):
        return True
    if para.fmt.jc == "center":
        if _CENTRED_HEADING.match(squash(text)) or (text.startswith("(") and text.endswith(")")):
            return True
        if fmts and all(f.bold for f in fmts) and (is_upper(text) or len(text) < 100):
            return True
    return False


def _dominant_size(para: Para, fmts: list[RunFmt]) -> float:
    return max((f.size for f in fmts), default=para.base.size)


def check(doc: Document, lay: Layout, rep: Report) -> None:
    paras = [p for p in lay.body if p.stripped and not is_line_art(p.text)]
    prev: Para | None = None
    prev_index = None
    prev_exempt = False
    for para in paras:
        # The formats of the whole paragraph, read once for every check below.
        fmts = para.fmts()
        span = Span(para, 0, len(para.text))
        check_size(rep, "ND30.NOI_DUNG.SIZE", span, 13, 14, "Nội dung văn bản", group=True, fmts=fmts)
        exempt = _exempt(para, lay, fmts)
        if not exempt:
            _align(doc, para, rep, fmts)
            _indent(doc, para, rep, fmts)
        _line_spacing(para, rep, fmts)
        if prev is not None and prev_index == para.index - 1 and not exempt and not prev_exempt:
            _spacing(prev, para, rep)
        prev, prev_index, prev_exempt = para, para.index, exempt
    _can_cu(paras, lay, rep)
    _end_mark(paras, lay, rep)


def _align(doc: Document, para: Para, rep: Report, fmts: list[RunFmt]) -> None:
    jc = para.fmt.jc
    if jc == "both":
        return
    if jc == "left" and one_line(doc, para, fmts):
        return  # a one-line paragraph looks the same justified or not
    found = _JC.get(jc, jc)
    rep.add("ND30.NOI_DUNG.ALIGN", para, f"đoạn văn {found}, cần canh đều hai lề (Ctrl+J)", "canh đều hai lề", found,
            group=(found,))


def _indent(doc: Document, para: Para, rep: Report, fmts: list[RunFmt]) -> None:
    f = para.fmt
    start = f.left + f.first
    ok_first = INDENT_MIN <= start <= INDENT_MAX
    ok_left = abs(f.left) <= 30 or one_line(doc, para, fmts)
    if ok_first and ok_left:
        return
    if not ok_first:
        found = f"dòng đầu lùi {cm(start)}" if start >= 0 else f"dòng đầu thò ra {cm(-start)}"
        msg = f"{found}; chữ đầu dòng lùi vào 1 cm hoặc 1,27 cm (Đoạn › Thụt lề đặc biệt › Dòng đầu tiên)"
    else:
        found = f"cả đoạn lùi {cm(f.left)}"
        msg = f"{found} so với lề; chỉ dòng đầu lùi vào 1–1,27 cm, các dòng sau sát lề"
    rep.add("ND30.NOI_DUNG.INDENT", para, msg, "dòng đầu lùi 1–1,27 cm", found, group=(found,))


def _spacing(prev: Para, para: Para, rep: Report) -> None:
    after = prev.fmt.after
    before = para.fmt.before
    if prev.style == para.style:
        if prev.fmt.contextual:
            after = 0.0
        if para.fmt.contextual:
            before = 0.0
    gap = (after + before) / 20
    if gap + 0.05 >= 6:
        return
    found = pt(gap)
    rep.add("ND30.NOI_DUNG.SPACING", para, f"khoảng cách với đoạn trên {found}, cần tối thiểu 6 pt "
            "(Đoạn › Khoảng cách › Trước/Sau)", "tối thiểu 6 pt", found, group=(found,))


def _line_spacing(para: Para, rep: Report, fmts: list[RunFmt]) -> None:
    f = para.fmt
    size = _dominant_size(para, fmts)
    single = size * 1.15  # Times New Roman's line height
    if f.line_rule == "auto":
        lines = f.line / 240
        if 0.99 <= lines <= 1.51:
            return
        found = f"{num(lines, 2)} dòng"
    else:
        value = f.line / 20
        if f.line_rule == "atLeast" and value <= single * 1.5 + 0.5:
            return
        if f.line_rule == "exact" and size * 0.99 <= value <= single * 1.5 + 0.5:
            return
        found = f"{'chính xác' if f.line_rule == 'exact' else 'tối thiểu'} {pt(value)}"
    rep.add("ND30.NOI_DUNG.LINE_SPACING", para, f"khoảng cách dòng {found}, cần từ dòng đơn đến 1,5 dòng",
            "dòng đơn – 1,5 dòng", found, group=(found,))


# A quyết định's preamble goes on after its căn cứ with "Theo đề nghị của …;" (Mẫu 1.1): the last
# căn cứ then ends with ";" and the preamble's own last line carries its end mark.
_PROPOSAL = ("THEO DE NGHI", "XET DE NGHI")


def _can_cu(paras: list[Para], lay: Layout, rep: Report) -> None:
    block = []
    proposal = False
    for para in paras:
        if para.index in lay.kinh_gui or (not block and _heading_of_preamble(para)):
            continue
        if block and fold_starts(para.stripped, _PROPOSAL):
            proposal = True
            break
        # "Căn cứ …, Ủy ban nhân dân … xây dựng Kế hoạch như sau:" opens the content; it is not a căn cứ line.
        if not fold_starts(para.stripped, "CAN CU") or para.stripped.endswith(":"):
            break
        block.append(para)
    for n, para in enumerate(block):
        check_style(rep, "ND30.CAN_CU.STYLE", Span(para, 0, len(para.text)), "Căn cứ", italic=True, group=True)
        last = n == len(block) - 1 and not proposal
        text = para.stripped
        want = "." if last else ";"
        if not text.endswith(want):
            rep.add("ND30.CAN_CU.PUNCT", para, f"căn cứ {'cuối cùng kết thúc bằng dấu chấm (.)' if last else 'kết thúc bằng dấu chấm phẩy (;)'}",
                    f"cuối dòng «{want}»", f"cuối dòng «{text[-1:]}»")


def _heading_of_preamble(para: Para) -> bool:
    """The authority line above a quyết định's căn cứ ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN …"), centred."""
    return para.fmt.jc == "center" and is_upper(para.stripped)


def _end_mark(paras: list[Para], lay: Layout, rep: Report) -> None:
    # A đề cương is an outline of headings for others to fill in: ND30 has no form for it and the
    # seeds' outline carries no './.'.
    if not paras or lay.closing_start is None or lay.kind == "de_cuong":
        return
    last = paras[-1]
    if not last.stripped.endswith("/."):
        rep.add("ND30.NOI_DUNG.END_MARK", last, "nội dung văn bản kết thúc bằng «./.»", "./.",
                f"«{last.stripped[-3:]}»")
