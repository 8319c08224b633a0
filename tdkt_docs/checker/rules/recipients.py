"""Nơi nhận (PL I.II.9.b): 'Nơi nhận:' 12 pt bold italic; lines 11 pt upright, '-' … ';', the last
'- Lưu: VT, …' ending '.'. A '- ...' placeholder line of a form to fill stays as it is."""
from __future__ import annotations

import re

from ..locate import Layout
from ..vntext import squash
from . import Report
from .common import check_size, check_style

_PLACEHOLDER = re.compile(r"^[-–]?\s*(\.{2,}|…+)\s*[;.]?$")
_LUU = re.compile(r"^[-–]\s*Lưu\s*:\s*VT\b")
_DASHES = ("-", "–")


def check(lay: Layout, rep: Report) -> None:
    label = lay.noi_nhan
    if label is None:
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
    luu_at = None
    for n, span in enumerate(lines):
        line = squash(span.text)
        last = n == len(lines) - 1
        placeholder = bool(_PLACEHOLDER.match(line))
        check_size(rep, "ND30.NOI_NHAN.LINE_SIZE", span, 11, 11, "Dòng nơi nhận", group=True)
        check_style(rep, "ND30.NOI_NHAN.LINE_STYLE", span, "Dòng nơi nhận", italic=False, group=True)
        if _LUU.match(line):
            luu_at = n
        if placeholder:
            continue
        if not line.startswith(_DASHES):
            rep.add("ND30.NOI_NHAN.DASH", span.para, "mỗi nơi nhận một dòng, đầu dòng có gạch đầu dòng (-) sát lề "
                    "trái", "- …", line[:20], group=("dash",), text=line)
        want = "." if last else ";"
        if not line.endswith(want):
            found = f"cuối dòng «{line[-1]}»" if line[-1] in ".;,:" else "không có dấu cuối dòng"
            msg = "dòng cuối cùng kết thúc bằng dấu chấm (.)" if last else "cuối mỗi dòng nơi nhận có dấu chấm phẩy (;)"
            rep.add("ND30.NOI_NHAN.PUNCT", span.para, msg, f"cuối dòng «{want}»", found, text=line)
    last_line = squash(lines[-1].text)
    if _PLACEHOLDER.match(last_line):
        return  # a form: the clerk fills in the rest, the archive line included
    if luu_at is None:
        m = re.match(r"^[-–]?\s*Lưu\s*:?\s*(.*?)\.?$", last_line)
        if m and m.group(1):
            fixed = f"- Lưu: VT, {m.group(1)}."
            msg = (f"sau «Lưu:» là «VT» (văn thư), dấu phẩy, rồi chữ viết tắt đơn vị soạn thảo; sửa thành «{fixed}»")
        else:
            fixed, msg = "- Lưu: VT, …", "dòng cuối của nơi nhận là «- Lưu: VT, {đơn vị soạn thảo}.»"
        rep.add("ND30.NOI_NHAN.LUU", lines[-1].para, msg, fixed, last_line, text=last_line)
    elif luu_at != len(lines) - 1:
        span = lines[luu_at]
        rep.add("ND30.NOI_NHAN.LUU", span.para, "dòng «- Lưu: VT, …» phải là dòng cuối cùng của nơi nhận",
                "dòng cuối", f"dòng {luu_at + 1}/{len(lines)}", text=span.text)
