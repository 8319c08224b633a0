"""Page numbers (PL I.I.7): none on page 1, centred in the top margin, 13–14 pt upright."""
from __future__ import annotations

from ..layout import Span
from ..model import Document
from . import Report
from .common import check_size, check_style


def check(doc: Document, rep: Report) -> None:
    if not doc.sections:
        return
    first = doc.sections[0]
    kind = "first" if first.title_page else "default"
    for refs, where in ((first.headers, "đầu trang"), (first.footers, "chân trang")):
        story = doc.story(refs.get(kind))
        if story is None or not story.page_fields:
            continue
        para = story.page_fields[0]
        if first.title_page:
            how = (f"{where} riêng của trang đầu có số trang; hãy xóa số trang ở {where} trang 1")
        else:
            how = ("số trang hiện cả ở trang 1; hãy chọn «Trang đầu khác» (Different First Page) trong "
                   "Đầu trang & Chân trang và để trống đầu trang của trang 1")
        rep.add("ND30.PAGE_NUMBER.FIRST_PAGE", para, how, "không có số trang ở trang 1", f"có số trang ({where})")
    seen: set[str] = set()
    for sec in doc.sections:
        for part in list(sec.headers.values()) + list(sec.footers.values()):
            if part in seen:
                continue
            seen.add(part)
            story = doc.story(part)
            if story is None:
                continue
            for para in story.page_fields:
                if story.kind == "footer":
                    rep.add("ND30.PAGE_NUMBER.POSITION", para, "số trang đặt ở chân trang; cần đặt ở đầu trang "
                            "(lề trên), canh giữa", "đầu trang, canh giữa", "chân trang", group=("footer",))
                elif para.fmt.jc != "center":
                    found = {"left": "canh trái", "right": "canh phải", "both": "canh đều"}.get(para.fmt.jc, para.fmt.jc)
                    rep.add("ND30.PAGE_NUMBER.POSITION", para, f"số trang {found}; cần canh giữa ở đầu trang",
                            "canh giữa", found, group=(found,))
                span = Span(para, 0, len(para.text))
                if not para.text.strip():
                    continue
                check_size(rep, "ND30.PAGE_NUMBER.FORMAT", span, 13, 14, "Số trang", group=True)
                check_style(rep, "ND30.PAGE_NUMBER.FORMAT", span, "Số trang", italic=False, group=True)
