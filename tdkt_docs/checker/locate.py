"""Find the ND30 elements of a document by what they say, not by which style or table they sit in,
so a file typed by hand in Word (layout tables, tabs, Word's numbering) is read like ours.

The header is what comes before the tên loại; in it each line (a paragraph, a line break or a
tab-separated column) is recognised as Quốc hiệu, Tiêu ngữ, Số, date, or taken as the issuing body
when it stands in the left column before the Số. The closing part starts at "Nơi nhận" or at the
signature; what lies between the trích yếu and it is the body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .conventions import kind_of, type_name, type_of_key
from .model import Document, Para
from .vntext import fold, fold_starts, is_line_art, key, key_starts

QH_KEY = key("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
TN_KEY = key("Độc lập - Tự do - Hạnh phúc")
HEADER_SCAN = 60  # paragraphs searched for the header when no tên loại is found
_SO = re.compile(r"^\s*s[ốôoóồổ]\s*[:.;]?", re.IGNORECASE)
_NOTICES = {key(t) for t in ("LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI", "MẬT", "TỐI MẬT", "TUYỆT MẬT", "KHẨN",
                             "THƯỢNG KHẨN", "HỎA TỐC", "HOẢ TỐC", "DỰ THẢO", "BẢN DỰ THẢO")}
_PLACEHOLDER_SIGN = re.compile(r"^\(.*\)$")


@dataclass
class Span:
    """A stretch of one paragraph: a line, or one column of a tab-separated line."""

    para: Para
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.para.text[self.start:self.end]

    def fmts(self):
        return self.para.fmts(self.start, self.end)


GAP = None  # marks the signature space in a signature column


@dataclass
class Layout:
    type_name: str | None = None
    kind: str | None = None
    quoc_hieu: Span | None = None
    tieu_ngu: Span | None = None
    co_quan: list[Span] = field(default_factory=list)
    chu_quan: list[Span] = field(default_factory=list)
    so: Span | None = None
    date: Span | None = None
    vv: Span | None = None
    ten_loai: Span | None = None
    trich_yeu: list[Span] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    kinh_gui: set[int] = field(default_factory=set)
    noi_nhan: Span | None = None
    noi_nhan_lines: list[Span] = field(default_factory=list)
    signature: list[Span | None] = field(default_factory=list)
    signers: dict[str, list[Span | None]] = field(default_factory=dict)  # biên bản: "THƯ KÝ", "CHỦ TỌA"
    signer_sides: dict[str, str] = field(default_factory=dict)  # "left" / "right" / "?"
    in_textbox: set[str] = field(default_factory=set)  # elements seen only inside text boxes
    appendix_label: Span | None = None  # a phụ lục file: its "Phụ lục I" line
    appendix_title: list[Span] = field(default_factory=list)
    legal: bool = False  # a legal document (văn bản quy phạm pháp luật): the year is part of its number
    header_end: int = 0  # last paragraph index of the header
    closing_start: int | None = None
    # During locate(): the pieces of each paragraph, cut once whichever part of the search asks
    # first; keyed by id() since a Para is not hashable (the document keeps its paragraphs, so ids
    # stay unique while it lasts).
    _cuts: dict = field(default_factory=dict, repr=False, compare=False)


_RUNS = {True: re.compile(r"[^\t\n]+"), False: re.compile(r"[^\n]+")}


def pieces(para: Para, tabs: bool = True) -> list[Span]:
    """The non-blank lines of a paragraph; with tabs=True each tab-separated column is its own piece."""
    text = para.text
    out = []
    if "\n" not in text and not (tabs and "\t" in text):
        # Most paragraphs are one line without tabs: one piece, the text without its outer spaces.
        end = len(text.rstrip())
        if end:
            out.append(Span(para, len(text) - len(text.lstrip()), end))
        return out
    for m in _RUNS[tabs].finditer(text):
        run = m.group()
        end = len(run.rstrip())
        if end:
            out.append(Span(para, m.start() + len(run) - len(run.lstrip()), m.start() + end))
    # A numbering label ends with a tab: keep it with its text.
    if tabs and para.label is not None and out and out[0].end <= len(para.label.text) and len(out) > 1:
        out[1] = Span(para, out[0].start, out[1].end)
        out.pop(0)
    return out


def _pieces(lay: Layout, para: Para, tabs: bool = True) -> tuple[Span, ...]:
    """pieces(), cut once per paragraph for the whole search; shared, so never changed in place."""
    cut = lay._cuts.get((id(para), tabs))
    if cut is None:
        cut = lay._cuts[(id(para), tabs)] = tuple(pieces(para, tabs))
    return cut


def _column_no(piece: Span) -> int:
    """0 for a piece that starts its line (leading tabs aside), 1 for the next tab column…"""
    text = piece.para.text
    line_start = text.rfind("\n", 0, piece.start) + 1
    before = text[line_start:piece.start]
    return sum(1 for part in before.split("\t") if part.strip())


def _label_pieces(lay: Layout, para: Para, limit: int, initials: str) -> tuple[Span, ...]:
    """The pieces of a paragraph that may be a short label (at most `limit` long, starting with one of
    `initials`), for the searches through the whole closing part, a long table included: a one-line
    paragraph (most of them) is one piece, its text without the outer spaces, so one that cannot be
    the label is passed over without being cut. Callers still test each piece in full."""
    text = para.text
    if "\t" not in text and "\n" not in text:
        line = text.strip()
        if len(line) > limit or line[:1] not in initials or not line:
            return ()
    return _pieces(lay, para)


def _lines(lay: Layout, para: Para) -> tuple[Span, ...]:
    return _pieces(lay, para, tabs=False)


# The tests on a line's key (vntext.key) take the key, so that a line tested for several elements
# is folded once.
def _qh_key(k: str) -> bool:
    return (k == QH_KEY or "CHUNGHIAVIETNAM" in k or k.startswith("CONGHOAXAHOI")) and len(k) <= len(QH_KEY) + 8


def _tn_key(k: str) -> bool:
    return k == TN_KEY or (k.startswith("DOCLAP") and "HANHPHUC" in k and len(k) <= len(TN_KEY) + 6)


def is_qh(text: str) -> bool:
    return _qh_key(key(text))


def is_tn(text: str) -> bool:
    return _tn_key(key(text))


def is_so(text: str) -> bool:
    return bool(_SO.match(text)) and "/" in text and len(text) < 80


# The line ends with the year (or the blank a draft leaves for it): not a sentence quoting a date.
_DATE_WORDS = re.compile(r"NGAY\b.*\bTHANG\b.*\bNAM\s*(\d{4}|[\s.…_]*)$")
_DATE_DIGITS = re.compile(r",\s*(ngày\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*$", re.IGNORECASE)


def is_date(text: str) -> bool:
    if _DATE_WORDS.search(fold(text)) and len(text) < 90:
        return True
    return bool(_DATE_DIGITS.search(text)) and len(text) < 70


def is_vv(text: str) -> bool:
    return fold(text).replace(" ", "").startswith("V/V")


NOI_NHAN_MAX = 20  # longest "Nơi nhận" label recognised
SIGNER_MAX = 12  # longest "THƯ KÝ" / "CHỦ TỌA" line recognised
O12_MAX = 40  # longest ô-12 line (drafter's initials, number of copies) under the Lưu line


def is_noi_nhan(text: str) -> bool:
    return len(text) <= NOI_NHAN_MAX and text[:1] in "Nn" and key(text) == "NOINHAN"


def is_kinh_gui(text: str) -> bool:
    return key_starts(text, "KINHGUI")


def _first_line(lay: Layout, para: Para) -> Span | None:
    lines = _lines(lay, para)
    return lines[0] if lines else None


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

    # --- tên loại ------------------------------------------------------------------------------
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

    # --- header -------------------------------------------------------------------------------
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
    so_index = lay.so.para.index if lay.so is not None else None
    candidates = [s for s, left in ordered if left and (so_index is None or s.para.index < so_index
                                                        or (s.para.index == so_index and s.start < lay.so.start))]
    _split_bodies(lay, candidates)
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

    # --- trích yếu ----------------------------------------------------------------------------
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


def _content_end(paras: list[Para]) -> int:
    """Without a closing part, the content ends with its './.' (or with the document)."""
    last = None
    for p in paras:
        if p.cell is None and p.stripped.endswith("/."):
            last = p.index
    if last is not None:
        return last + 1
    return (paras[-1].index + 1) if paras else 1


def _closing(doc: Document, lay: Layout, after: list[Para]) -> None:
    # Biên bản signers and any signature table come before or beside "Nơi nhận".
    label = None
    for para in after:
        for piece in _label_pieces(lay, para, NOI_NHAN_MAX, "Nn"):
            if is_noi_nhan(piece.text):
                label = piece
                break
        if label is not None:
            break
    lay.noi_nhan = label
    starts = []
    signer_table = _signers(doc, lay, after)
    if signer_table is not None:
        starts.append(doc.tables[signer_table].first)
    if label is not None:
        para = label.para
        starts.append(doc.tables[para.cell.table].first if para.cell is not None else para.index)
        if para.cell is not None:
            _closing_in_table(doc, lay, label)
        else:
            _closing_in_flow(doc, lay, label, after)
            if not any(s is not None for s in lay.signature):
                _signature_before(doc, lay, label.para, after)
    elif lay.kind not in ("bien_ban", "phu_luc"):
        _signature_without_label(doc, lay, after)
    if lay.signature:
        first_sig = next((s.para.index for s in lay.signature if s is not None), None)
        if first_sig is not None:
            sig_para = doc.paras[first_sig - 1]
            starts.append(doc.tables[sig_para.cell.table].first if sig_para.cell is not None else first_sig)
    lay.closing_start = min(starts) if starts else None


def _cell_paras(doc: Document, table: int, row: int, col: int) -> list[Para]:
    t = doc.tables[table]
    for c, indices in t.rows[row]:
        if c == col:
            return [doc.paras[i - 1] for i in indices]
    return []


def _column(lay: Layout, paras: list[Para]) -> list[Span | None]:
    """Lines of a signature column, with GAP where the signature goes."""
    out: list[Span | None] = []
    for para in paras:
        lines = _lines(lay, para)
        if not lines or para.drawing:
            if out and out[-1] is not GAP:
                out.append(GAP)
            continue
        for line in lines:
            if _PLACEHOLDER_SIGN.match(line.text.strip()):
                if out and out[-1] is not GAP:
                    out.append(GAP)
                continue
            out.append(line)
        if para.fmt.line_rule == "exact" and para.fmt.line >= 600 and out and out[-1] is not GAP:
            out.append(GAP)
    while out and out[-1] is GAP:
        out.pop()
    return out


def _closing_in_table(doc: Document, lay: Layout, label: Span) -> None:
    para = label.para
    cell = para.cell
    table = doc.tables[cell.table]
    own = _cell_paras(doc, cell.table, cell.row, cell.col)
    after_label = False
    for p in own:
        if p is para:
            after_label = True
            for line in _lines(lay, p):
                if line.start >= label.end:
                    lay.noi_nhan_lines.append(line)
            continue
        if after_label:
            lay.noi_nhan_lines.extend(_lines(lay, p))
    if lay.kind == "bien_ban" and lay.signers:
        return
    for r in range(cell.row, len(table.rows)):
        others = [c for c, _ in table.rows[r] if c != cell.col]
        column: list[Span | None] = []
        for c in others:
            column.extend(_column(lay, _cell_paras(doc, cell.table, r, c)))
        if column:
            lay.signature = column
            return


def _closing_in_flow(doc: Document, lay: Layout, label: Span, after: list[Para]) -> None:
    """Nơi nhận typed as paragraphs: its lines run to the one that ends with '.' (the Lưu line);
    what follows, or stands centred, indented or after tabs, is the signature."""
    para = label.para
    for piece in _pieces(lay, para)[1:]:
        lay.signature.append(piece)
    sig_paras: list[Para] = []
    closed = o12 = False
    for p in after:
        if p.index < para.index:
            continue
        if p is para:
            for line in _lines(lay, p):
                if line.start >= label.end:
                    lay.noi_nhan_lines.append(_left_piece(line, lay))
            continue
        if p.cell is not None:
            if not any(s is not None for s in lay.signature) and not sig_paras:
                _signature_table(doc, lay, p)
            break
        text = p.stripped
        if not sig_paras and not closed:
            last = lay.noi_nhan_lines[-1].text.rstrip() if lay.noi_nhan_lines else ""
            closed = last.endswith(".") and not text.startswith(("-", "–"))
        if not text:
            if sig_paras or closed:
                sig_paras.append(p)
            continue
        if closed and not sig_paras and not o12 and not _signs_aside(p) and len(text) <= O12_MAX:
            o12 = True  # ô 12 under the Lưu line: the drafter's initials and the number of copies
        elif sig_paras or closed or _signs_aside(p):
            sig_paras.append(p)
            continue
        for line in _lines(lay, p):
            lay.noi_nhan_lines.append(_left_piece(line, lay))
    if sig_paras:
        lay.signature.extend(_column(lay, sig_paras))


def _left_piece(line: Span, lay: Layout) -> Span:
    """A Nơi nhận line that carries a signature line after tabs: keep the left part."""
    text = line.text
    if "\t" in text:
        parts = _pieces(lay, line.para)
        inside = [s for s in parts if line.start <= s.start < line.end]
        if len(inside) >= 2:
            lay.signature.extend(inside[1:])
            return inside[0]
    return line


def _signature_table(doc: Document, lay: Layout, para: Para) -> None:
    cell = para.cell
    table = doc.tables[cell.table]
    for r in range(len(table.rows)):
        for c, _ in table.rows[r]:
            if c == 0 and table.ncols > 1:
                continue
            column = _column(lay, _cell_paras(doc, cell.table, r, c))
            if column:
                lay.signature = column
                return


def _signs_aside(p: Para) -> bool:
    """A paragraph set to the right half, where the signature stands when typed without a table."""
    return p.cell is None and (p.fmt.jc in ("center", "right") or p.fmt.left > 2000 or p.text.startswith("\t"))


def _signature_before(doc: Document, lay: Layout, label: Para, after: list[Para]) -> None:
    """The signature standing above "Nơi nhận" (a common layout): the right-hand lines, or the table,
    just before the label, back to the content's end."""
    before = [p for p in after if p.index < label.index]
    block: list[Para] = []
    for p in reversed(before):
        if p.cell is not None:
            if not any(q.stripped for q in block):
                _signature_table(doc, lay, p)
            break
        if p.stripped and (not _signs_aside(p) or p.stripped.endswith("/.")):
            break
        block.insert(0, p)
    if not lay.signature and any(p.stripped for p in block):
        lay.signature = _column(lay, block)


def _signature_without_label(doc: Document, lay: Layout, after: list[Para]) -> None:
    """No "Nơi nhận": the signature is the last table after the content, or the centred lines after './.'."""
    end = _content_end(after)
    tail = [p for p in after if p.index >= end]
    tried: set[int] = set()
    for p in tail:
        # A table is searched whole from any of its paragraphs: once per table, not once per cell
        # (a long table with nothing to sign in it would otherwise be searched row by row, squared).
        if p.cell is not None and p.cell.table not in tried:
            tried.add(p.cell.table)
            _signature_table(doc, lay, p)
            if lay.signature:
                return
    flowing = [p for p in tail if p.cell is None and (_signs_aside(p) or not p.stripped)]
    if any(p.stripped for p in flowing):
        lay.signature = _column(lay, flowing)


def _signers(doc: Document, lay: Layout, after: list[Para]) -> int | None:
    """Biên bản: where THƯ KÝ and CHỦ TỌA sign; returns their table, if any."""
    if lay.kind != "bien_ban":
        return None
    found: dict[str, Span] = {}
    for para in after:
        for piece in _label_pieces(lay, para, SIGNER_MAX, "TtCc"):
            if ":" in piece.text or len(piece.text) > SIGNER_MAX or piece.text[:1] not in "TtCc":
                continue  # "Thư ký: bà …" in the body names the clerk; it is not where she signs
            k = key(piece.text)
            name = "THƯ KÝ" if k == "THUKY" else "CHỦ TỌA" if k in ("CHUTOA", "CHUTRI") else None
            if name:
                found[name] = piece  # the last one: signatures close the document
    if not found:
        return None
    table_no = None
    for name, piece in found.items():
        para = piece.para
        if para.cell is not None:
            table_no = para.cell.table
            cell = para.cell
            t = doc.tables[cell.table]
            side = "left" if cell.col == 0 else "right" if cell.col >= t.ncols - 1 else "?"
            paras = _cell_paras(doc, cell.table, cell.row, cell.col)
            below: list[Para] = []
            for r in range(cell.row + 1, len(t.rows)):
                below.extend(_cell_paras(doc, cell.table, r, cell.col))
            column = _column(lay, paras + below)
            start = next((i for i, s in enumerate(column) if s is not None and s.para is para
                          and s.start <= piece.start), 0)
            lay.signers[name] = column[start:]
        else:
            ps = _pieces(lay, para)
            if len(ps) >= 2:
                side = "left" if ps[0].start == piece.start else "right"
            else:
                side = {"left": "left", "both": "left", "right": "right"}.get(para.fmt.jc, "?")
            lay.signers[name] = [piece]
        lay.signer_sides[name] = side
    return table_no


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
