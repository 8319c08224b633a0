"""The closing part of a document: Nơi nhận (as logical entries, with the ô-12 line under Lưu) and the
signature block, wherever ND30 lets them stand (beside, above or below each other, in a table or
in paragraphs)."""
from __future__ import annotations

from .model import Document, Para
from .vntext import key
from .layout import GAP, Layout, NOI_NHAN_MAX, O12_MAX, SIGNER_MAX, Span, _PLACEHOLDER_SIGN, _label_pieces, _lines, _pieces, is_noi_nhan


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
            # Nơi nhận may stand in the same cell under THƯ KÝ (Mẫu 1.9 puts it there): not a signer's line.
            signer_paras = paras + below
            label = next((i for i, q in enumerate(signer_paras) if q.stripped.startswith("Nơi nhận")), None)
            column = _column(lay, signer_paras[:label])
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
