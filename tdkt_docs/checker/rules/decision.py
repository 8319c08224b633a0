"""A decision (PL III Mẫu 1.2, 1.3): 'QUYẾT ĐỊNH:' on a line of its own, centred and bold, between the
căn cứ and the articles; the content in articles 'Điều 1.', 'Điều 2.' (their sequence is checked
with the other numbering, sequence.py); a '- Như Điều N;' in Nơi nhận names an article it has."""
from __future__ import annotations

import re

from ..layout import Layout
from ..vntext import squash
from . import Report

_DIEU = re.compile(r"^Điều\s+(\d{1,3})\s*\.", re.IGNORECASE)
_LENH = re.compile(r"^QUYẾT\s+ĐỊNH\s*:?$")
_NHU = re.compile(r"^[-–]\s*Như\s+Điều\s+(\d{1,3})\b", re.IGNORECASE)


def check(lay: Layout, rep: Report) -> None:
    if lay.kind != "quyet_dinh":
        return
    texts = [(p, squash(p.text)) for p in lay.body]
    articles = [(p, int(m[1])) for p, t in texts if (m := _DIEU.match(t))]
    lenh = next((p for p, t in texts if _LENH.match(t)), None)
    where = lay.ten_loai.para if lay.ten_loai is not None else None
    if not articles:
        rep.add("ND30.QUYET_DINH.DIEU", where, "nội dung quyết định chia thành các điều «Điều 1.», «Điều 2.»… "
                "(Mẫu 1.2); chưa thấy «Điều 1.»", "Điều 1. …", "không có")
        return
    first = articles[0][0]
    if lenh is None or lenh.index > first.index:
        rep.add("ND30.QUYET_DINH.LENH", first, "trước «Điều 1.» là dòng «QUYẾT ĐỊNH:» riêng, canh giữa, chữ đậm "
                "(Mẫu 1.2)", "QUYẾT ĐỊNH:", "không có")
    elif lenh.fmt.jc != "center" or not all(f.bold for f in lenh.fmts()):
        rep.add("ND30.QUYET_DINH.LENH", lenh, "dòng «QUYẾT ĐỊNH:» canh giữa, chữ đậm (Mẫu 1.2)",
                "canh giữa, đậm", "khác")
    numbers = {n for _, n in articles}
    for span in lay.noi_nhan_lines:
        m = _NHU.match(squash(span.text))
        if m and int(m[1]) not in numbers:
            rep.add("ND30.QUYET_DINH.NHU_DIEU", span.para, f"«Như Điều {m[1]}» nhưng quyết định chỉ có Điều "
                    f"{min(numbers)}–{max(numbers)}; hãy ghi đúng điều giao thi hành (thường là điều cuối)",
                    f"Như Điều {max(numbers)}", f"Như Điều {m[1]}")
