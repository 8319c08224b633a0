"""What a văn thư checks in the căn cứ lines: nothing cited can be newer than the document citing it."""
from __future__ import annotations

from typing import Any

from tdkt_docs import vn
from tdkt_docs.errors import Problem
from tdkt_docs.input.loader import Loaded, dotted


def dated_after(doc: Any, loaded: Loaded, prefix: tuple = ()) -> list[Problem]:
    """A căn cứ whose date falls after the document's own signing date (as far as that date is known)."""
    ngay = getattr(doc, "ngay", None)
    lines = getattr(doc, "can_cu", None) or []
    if ngay is None or not hasattr(ngay, "nam"):
        return []
    own = (ngay.nam, ngay.thang or 12, ngay.ngay or 31)
    found = []
    for i, line in enumerate(lines):
        cited = vn.cited_date(line)
        if cited is None or (cited.year, cited.month, cited.day) <= own:
            continue
        path = prefix + ("can_cu", i)
        file, ln, col = loaded.locate(path)
        found.append(Problem(
            file, f"văn bản được căn cứ ghi ngày {vn.short_date(cited)}, sau ngày ký của chính văn bản này "
            f"({_signed(ngay)}); "
            "chỉ căn cứ văn bản đã ban hành: hãy kiểm tra lại ngày trong dòng căn cứ hoặc ngày ký ('ngay')",
            ln, col, dotted(path), severity="warning"))
    return found


def _signed(ngay: Any) -> str:
    if ngay.full is not None:
        return "ngày " + vn.short_date(ngay.full)
    return f"tháng {ngay.thang}/{ngay.nam}" if ngay.thang else f"năm {ngay.nam}"
