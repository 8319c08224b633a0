"""Find the ND30 elements of a document by what they say, not by which style or table they sit in,
so a file typed by hand in Word (layout tables, tabs, Word's numbering) is read like ours.

The header is what comes before the tên loại; in it each line (a paragraph, a line break or a
tab-separated column) is recognised as Quốc hiệu, Tiêu ngữ, Số, date, or taken as the issuing body
when it stands in the left column before the Số. The closing part starts at "Nơi nhận" or at the
signature; what lies between the trích yếu and it is the body.
"""
from __future__ import annotations

import re

from .conventions import kind_of, type_name, type_of_key
from .model import Document, Para
from .vntext import fold, fold_starts, is_line_art, key
from .closing import _closing, _content_end
from .layout import HEADER_SCAN, Layout, Span, _NOTICES, _column_no, _first_line, _lines, _pieces, _qh_key, _tn_key, is_date, is_kinh_gui, is_so, is_vv


def locate(doc: Document) -> Layout:
    lay = Layout()
    flow: list[Para] = []
    boxes: list[Para] = []
    for p in doc.paras:
        (boxes if p.textbox else flow).append(p)

    appendix_from = _appendix(lay, flow)
    if appendix_from is not None:
        _finish(doc, lay, flow, appendix_from)
        return lay

    ten_idx = _ten_loai(lay, flow, boxes)
    ordered, found_any = _header(lay, flow, ten_idx)
    so_index = lay.so.para.index if lay.so is not None else None
    candidates = [s for s, left in ordered if left and (so_index is None or s.para.index < so_index
                                                        or (s.para.index == so_index and s.start < lay.so.start))]
    _split_bodies(lay, candidates)
    _header_in_textboxes(lay, boxes, found_any)

    # The trích yếu follows the tên loại.
    body_from = (lay.header_end + 1) if ten_idx is None else flow[ten_idx].index + 1
    if lay.ten_loai is not None:
        rest = _lines(lay, lay.ten_loai.para)[1:]
        lay.trich_yeu.extend(rest)
        if not rest:
            body_from = _trich_yeu(lay, flow, ten_idx + 1)
    if lay.so is not None and _LEGAL_NUMBER.search(lay.so.text):
        lay.legal = True
    _finish(doc, lay, flow, body_from)
    return lay


def _ten_loai(lay: Layout, flow: list[Para], boxes: list[Para]) -> int | None:
    """The tên loại (KẾ HOẠCH, TỜ TRÌNH...): its place in the flow, or None (a công văn has none)."""
    ten_idx = None
    for pos, para in enumerate(flow[:HEADER_SCAN + 40]):
        first = _first_line(lay, para)
        if first is None:
            continue
        k = key(first.text)
        if _qh_key(k) or _tn_key(k):
            continue
        name = type_of_key(k)
        if name is not None and name != "CÔNG VĂN":
            lay.ten_loai, lay.type_name, ten_idx = first, name, pos
            break
    for para in boxes:
        first = _first_line(lay, para)
        if first is not None and type_name(first.text) and lay.ten_loai is None:
            lay.in_textbox.add("ten_loai")

    return ten_idx


def _header(lay: Layout, flow: list[Para], ten_idx: int | None) -> tuple[list[tuple[Span, bool]], bool]:
    """The header's elements; the pieces not recognised, with whether each is in the left column
    (where the issuing body stands), and whether any element was found."""
    header = flow[:ten_idx] if ten_idx is not None else flow[:HEADER_SCAN]
    found_any = False
    ordered: list[tuple[Span, bool]] = []  # (piece, left column)
    for para in header:
        for piece in _pieces(lay, para):
            text = piece.text
            k = key(text)
            left = (para.cell is None or para.cell.col == 0) and _column_no(piece) == 0
            if lay.quoc_hieu is None and _qh_key(k):
                lay.quoc_hieu = piece
            elif lay.tieu_ngu is None and _tn_key(k):
                lay.tieu_ngu = piece
            elif lay.so is None and is_so(text):
                lay.so = piece
            elif lay.date is None and is_date(text):
                lay.date = piece
            elif lay.vv is None and is_vv(text):
                lay.vv = piece
            elif is_line_art(text) or k in _NOTICES or not k:
                continue
            else:
                ordered.append((piece, left))
                continue
            found_any = True
            lay.header_end = max(lay.header_end, para.index)
    if ten_idx is None:
        # Without a tên loại the header ends with the last element found.
        ordered = [(s, left) for s, left in ordered if s.para.index <= lay.header_end]
        if lay.vv is not None:
            lay.kind, lay.type_name = "cong_van", "CÔNG VĂN"
    else:
        lay.header_end = flow[ten_idx].index - 1
        lay.kind = kind_of(lay.type_name)
    if ten_idx is None and lay.quoc_hieu is None and lay.tieu_ngu is None and lay.so is None:
        # Without a Quốc hiệu, Tiêu ngữ or Số, a line that reads like a date is a sentence of the
        # content ("… ngày 15 tháng 3 năm 2024"), not the date line of a header.
        lay.date, lay.vv, found_any, lay.header_end = None, None, False, 0
    if not found_any:
        ordered = []  # no Quốc hiệu, Số or date: nothing tells where the issuing body is
    return ordered, found_any


def _header_in_textboxes(lay: Layout, boxes: list[Para], found_any: bool) -> None:
    """Header elements drawn in text boxes cannot be judged: they are named as such."""
    for para in boxes:
        for piece in _pieces(lay, para):
            k = key(piece.text)
            if _qh_key(k) and lay.quoc_hieu is None:
                lay.in_textbox.add("quoc_hieu")
            if _tn_key(k) and lay.tieu_ngu is None:
                lay.in_textbox.add("tieu_ngu")
            if is_so(piece.text) and lay.so is None:
                lay.in_textbox.add("so")
            if is_date(piece.text) and lay.date is None:
                lay.in_textbox.add("date")
    if not found_any and lay.in_textbox & {"quoc_hieu", "tieu_ngu", "so", "date"}:
        lay.in_textbox.add("co_quan")


# "Số: 07/2025/QĐ-UBND", "30/2020/NĐ-CP", "45/2019/QH14": legal documents carry their year.
_LEGAL_NUMBER = re.compile(r"/\s*\d{4}\s*/\s*(NQ|NĐ|QĐ|TT|TTLT|NQLT|CT|QH|PL|L)\b")
_APPENDIX = re.compile(r"^PHU LUC(\s+[IVXLC]+|\s+\d+)?\s*[.:]?$")


def _appendix(lay: Layout, flow: list[Para]) -> int | None:
    """A phụ lục file opens with "Phụ lục I" on a line of its own, then its title and the line
    "(Kèm theo … số … ngày …)": it has no header, tên loại or Nơi nhận of its own. Returns where its
    content starts, or None when the document is not an appendix."""
    first = next((p for p in flow[:5] if p.stripped and not is_line_art(p.text)), None)
    if first is None or first.cell is not None or not _APPENDIX.match(fold(first.stripped)):
        return None
    lay.kind, lay.type_name = "phu_luc", "PHỤ LỤC"
    lay.appendix_label = _first_line(lay, first)
    pos = flow.index(first) + 1
    while pos < len(flow):
        p = flow[pos]
        if p.cell is not None or (p.stripped and p.fmt.jc != "center"):
            break
        pos += 1
        if not p.stripped or is_line_art(p.text):
            continue
        if p.stripped.startswith("("):
            while pos < len(flow) and (not flow[pos].stripped or is_line_art(flow[pos].text)):
                pos += 1
            break  # the reference to the document ends the appendix's heading
        lay.appendix_title.extend(_lines(lay, p))
    return flow[pos].index if pos < len(flow) else (flow[-1].index + 1 if flow else 1)


def _finish(doc: Document, lay: Layout, flow: list[Para], body_from: int) -> None:
    """The closing part, then the body between the heading and it."""
    after = [p for p in flow if p.index >= body_from]
    _closing(doc, lay, after)
    end = lay.closing_start if lay.closing_start is not None else _content_end(after)
    lay.body = [p for p in after if p.index < end and p.cell is None]
    _kinh_gui(lay)
    lay._cuts.clear()  # the search is over: the layout keeps only what it found


def _split_bodies(lay: Layout, candidates: list[Span]) -> None:
    """The issuing body is the last line(s) before the Số; a line above it that is not bold is the
    parent body (cơ quan chủ quản). A bold line above is the issuing body's name wrapping. Lines of
    one paragraph (a name broken with Shift+Enter) stay together."""
    units: list[list[Span]] = []
    for span in candidates:
        if units and units[-1][-1].para is span.para:
            units[-1].append(span)
        else:
            units.append([span])
    if not units:
        return
    i = len(units) - 1
    while i > 0 and all(_all_bold(s) for s in units[i - 1]):
        i -= 1
    lay.co_quan = [s for unit in units[i:] for s in unit]
    lay.chu_quan = [s for unit in units[:i] for s in unit]


def _all_bold(span: Span) -> bool:
    fmts = span.fmts()
    return bool(fmts) and all(f.bold for f in fmts)


def _trich_yeu(lay: Layout, flow: list[Para], start: int) -> int:
    """Collect the trích yếu after the tên loại; return the index where the body starts."""
    pos = start
    while pos < len(flow) and not flow[pos].stripped:
        pos += 1
    if pos >= len(flow):
        return flow[-1].index + 1 if flow else 1
    first = flow[pos]
    text = first.stripped
    if first.cell is not None or is_kinh_gui(text) or fold_starts(text, "CAN CU") or _numbered(text):
        return first.index
    lay.trich_yeu.extend(_lines(lay, first))
    pos += 1
    # A trích yếu on several paragraphs is centred; a paragraph that is not is the body.
    while pos < len(flow) and first.fmt.jc == "center":
        nxt = flow[pos]
        if not nxt.stripped or is_line_art(nxt.text) or nxt.cell is not None:
            break
        if nxt.fmt.jc != first.fmt.jc or _all_bold(Span(nxt, 0, len(nxt.text))) != _all_bold(
                Span(first, 0, len(first.text))) or is_kinh_gui(nxt.stripped) or _numbered(nxt.stripped):
            break
        lay.trich_yeu.extend(_lines(lay, nxt))
        pos += 1
    return flow[pos].index if pos < len(flow) else flow[-1].index + 1


_NUMBERED = re.compile(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))\s")


def _numbered(text: str) -> bool:
    return bool(_NUMBERED.match(text)) or fold_starts(text, ("PHAN ", "CHUONG ", "DIEU "))


def _kinh_gui(lay: Layout) -> None:
    """The 'Kính gửi' block (ô 9a) has its own layout: not body text for indent and alignment."""
    for i, para in enumerate(lay.body[:8]):
        if is_kinh_gui(para.stripped):
            lay.kinh_gui.add(para.index)
            if para.stripped.rstrip().endswith("."):
                break
            for nxt in lay.body[i + 1:i + 40]:
                text = nxt.stripped
                if not text or not text.lstrip().startswith(("-", "–")):
                    break
                lay.kinh_gui.add(nxt.index)
                if text.endswith("."):
                    break
            break
