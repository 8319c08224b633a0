"""Nơi nhận (PL I.II.9.b): 'Nơi nhận:' 12 pt bold italic; lines 11 pt upright, '-' … ';', the last
'- Lưu: VT, …' ending '.'. A '- ...' placeholder line of a form to fill stays as it is.

A recipient is a logical entry: it starts with '-' and runs on over the lines (wrapped with Enter or
Shift+Enter) until the next '-'. Below the Lưu entry, a short line without '-' is ô 12 (the drafter's
initials and the number of copies, e.g. "Sonnk/QĐ06.T9/50b", "PL.(300)"), not a recipient."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..layout import O12_MAX, Layout, Span
from ..vntext import squash
from . import Report
from .common import check_size, check_style

_PLACEHOLDER = re.compile(r"^[-–]?\s*(\.{2,}|…+)\s*[;.]?$")
_LUU = re.compile(r"^[-–]?\s*Lưu\s*:?\s*", re.IGNORECASE)
_LUU_VT = re.compile(r"^[-–]?\s*Lưu\s*:\s*VT\b")
_DASHES = ("-", "–", "+")


@dataclass
class Entry:
    spans: list[Span] = field(default_factory=list)

    @property
    def text(self) -> str:
        return squash(" ".join(s.text for s in self.spans))

    @property
    def first(self) -> Span:
        return self.spans[0]


def entries(lines: list[Span]) -> tuple[list[Entry], list[Span]]:
    """(recipient entries, ô-12 lines) of the Nơi nhận lines."""
    out: list[Entry] = []
    o12: list[Span] = []
    for span in lines:
        line = squash(span.text)
        dash = line.startswith(_DASHES)
        after_luu = bool(out) and bool(_LUU.match(out[-1].text)) and out[-1].text.endswith(".")
        if not dash and after_luu and len(line) <= O12_MAX:
            o12.append(span)
        elif dash or not out or o12 or out[-1].text.endswith((";", ".")):
            # An entry that ends with ";" is complete: a line after it is the next recipient, dash or not.
            out.append(Entry([span]))
        else:
            out[-1].spans.append(span)
    return out, o12


def check(lay: Layout, rep: Report) -> None:
    label = lay.noi_nhan
    if label is None:
        if lay.kind != "phu_luc":
            rep.unevaluable("ND30.NOI_NHAN.PRESENT", "không tìm thấy «Nơi nhận:» ở cuối văn bản (bên trái, ngang dòng "
                            "chức vụ người ký); nếu văn bản thiếu phần này, hãy bổ sung")
        return
    text = squash(label.text)
    if text != "Nơi nhận:":
        rep.add("ND30.NOI_NHAN.LABEL", label.para, "viết «Nơi nhận:» chữ in thường, dấu hai chấm liền sau",
                "Nơi nhận:", text, text=text)
    check_size(rep, "ND30.NOI_NHAN.LABEL_SIZE", label, 12, 12, "Chữ «Nơi nhận:»")
    check_style(rep, "ND30.NOI_NHAN.LABEL_STYLE", label, "Chữ «Nơi nhận:»", bold=True, italic=True)
    lines = [s for s in lay.noi_nhan_lines if squash(s.text)]
    if not lines:
        rep.add("ND30.NOI_NHAN.LUU", label.para, "dưới «Nơi nhận:» chưa có nơi nhận nào; dòng cuối là "
                "«- Lưu: VT, …»", "- Lưu: VT, …", "không có dòng nào")
        return
    for span in lines:
        check_size(rep, "ND30.NOI_NHAN.LINE_SIZE", span, 11, 11, "Dòng nơi nhận", group=True)
        check_style(rep, "ND30.NOI_NHAN.LINE_STYLE", span, "Dòng nơi nhận", italic=False, group=True)
    items, _ = entries(lines)
    for n, entry in enumerate(items):
        _entry(rep, entry, n == len(items) - 1)
    _luu(rep, items)


def _entry(rep: Report, entry: Entry, last: bool) -> None:
    line = entry.text
    if _PLACEHOLDER.match(line):
        return
    if not line.startswith(_DASHES):
        rep.add("ND30.NOI_NHAN.DASH", entry.first.para, "mỗi nơi nhận một dòng, đầu dòng có gạch đầu dòng (-) sát lề "
                "trái", "- …", line[:20], group=("dash",), text=line)
    want = "." if last else ";"
    if not line.endswith(want):
        found = f"cuối dòng «{line[-1]}»" if line[-1] in ".;,:" else "không có dấu cuối dòng"
        msg = "dòng cuối cùng kết thúc bằng dấu chấm (.)" if last else "cuối mỗi dòng nơi nhận có dấu chấm phẩy (;)"
        rep.add("ND30.NOI_NHAN.PUNCT", entry.spans[-1].para, msg, f"cuối dòng «{want}»", found, text=line)


def _luu(rep: Report, items: list[Entry]) -> None:
    last_line = items[-1].text
    if _PLACEHOLDER.match(last_line):
        return  # a form: the clerk fills in the rest, the archive line included
    luu_at = next((n for n, e in enumerate(items) if _LUU_VT.match(e.text)), None)
    if luu_at is None:
        m = _LUU.match(last_line)
        rest = last_line[m.end():].rstrip(".").strip() if m else ""
        if m and rest:
            fixed = f"- Lưu: VT, {rest}." if not rest.upper().startswith("VT") else \
                f"- Lưu: VT, {rest[2:].lstrip(' ,')}."
            msg = f"sau «Lưu:» là «VT» (văn thư), dấu phẩy, rồi chữ viết tắt đơn vị soạn thảo; sửa thành «{fixed}»"
        else:
            fixed, msg = "- Lưu: VT, …", "dòng cuối của nơi nhận là «- Lưu: VT, {đơn vị soạn thảo}.»"
        rep.add("ND30.NOI_NHAN.LUU", items[-1].first.para, msg, fixed, last_line, text=last_line)
    elif luu_at != len(items) - 1:
        entry = items[luu_at]
        rep.add("ND30.NOI_NHAN.LUU", entry.first.para, "dòng «- Lưu: VT, …» phải là dòng cuối cùng của nơi nhận",
                "dòng cuối", f"dòng {luu_at + 1}/{len(items)}", text=entry.text)
