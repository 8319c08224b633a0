"""Tên loại and trích yếu (PL I.II.5.b): uppercase bold name, bold lowercase summary, both centred."""
from __future__ import annotations

from ..layout import Layout
from ..vntext import is_upper, squash
from . import Report
from .common import check_size, check_style

_JC = {"left": "canh trái", "right": "canh phải", "both": "canh đều hai lề", "center": "canh giữa"}


def _appendix(lay: Layout, rep: Report) -> None:
    """PL I.III.1.b: "Phụ lục I" on its own line, centred, lowercase, 14 pt, upright, bold; the title
    centred, in capitals, 13–14 pt, upright, bold."""
    label = lay.appendix_label
    text = squash(label.text)
    if is_upper(text):
        rep.add("ND30.PHU_LUC.LABEL", label.para, "từ «Phụ lục» viết chữ in thường (chỉ hoa chữ cái đầu)",
                "Phụ lục " + " ".join(text.split()[2:]), text, text=text)
    check_size(rep, "ND30.PHU_LUC.LABEL", label, 14, 14, "Dòng «Phụ lục»")
    check_style(rep, "ND30.PHU_LUC.LABEL", label, "Dòng «Phụ lục»", bold=True, italic=False)
    if label.para.fmt.jc != "center":
        rep.add("ND30.PHU_LUC.LABEL", label.para, "dòng «Phụ lục» canh giữa", "canh giữa",
                _JC.get(label.para.fmt.jc, label.para.fmt.jc), text=text)
    for s in lay.appendix_title:
        if not is_upper(s.text):
            rep.add("ND30.PHU_LUC.TITLE", s.para, "tên phụ lục viết chữ in hoa", "chữ in hoa", squash(s.text),
                    text=s.text)
        check_size(rep, "ND30.PHU_LUC.TITLE", s, 13, 14, "Tên phụ lục", group=True)
        check_style(rep, "ND30.PHU_LUC.TITLE", s, "Tên phụ lục", bold=True, italic=False, group=True)


def check(lay: Layout, rep: Report) -> None:
    if lay.kind == "phu_luc":
        _appendix(lay, rep)
        return
    span = lay.ten_loai
    if span is None:
        if lay.kind == "cong_van":
            return
        if "ten_loai" in lay.in_textbox:
            rep.unevaluable("ND30.TEN_LOAI.PRESENT", "tên loại văn bản nằm trong khung văn bản (text box); hãy kiểm "
                            "tra bằng mắt")
        else:
            rep.unevaluable("ND30.TEN_LOAI.PRESENT", "không tìm thấy tên loại văn bản (KẾ HOẠCH, BÁO CÁO, TỜ TRÌNH, "
                            "BIÊN BẢN…) trên một dòng riêng dưới phần đầu; các quy tắc theo loại văn bản không được "
                            "kiểm tra")
        return
    text = squash(span.text)
    if not is_upper(text):
        rep.add("ND30.TEN_LOAI.CASE", span.para, "tên loại văn bản phải in hoa", text.upper(), text, text=text)
    check_size(rep, "ND30.TEN_LOAI.SIZE", span, 13, 14, "Tên loại văn bản")
    check_style(rep, "ND30.TEN_LOAI.STYLE", span, "Tên loại văn bản", bold=True, italic=False)
    if span.para.fmt.jc != "center":
        found = _JC.get(span.para.fmt.jc, span.para.fmt.jc)
        rep.add("ND30.TEN_LOAI.ALIGN", span.para, f"tên loại văn bản {found}, cần canh giữa", "canh giữa", found,
                text=text)
    if not lay.trich_yeu:
        rep.unevaluable("ND30.TRICH_YEU.PRESENT", "không tìm thấy trích yếu nội dung ngay dưới tên loại văn bản",
                        span.para)
        return
    whole = squash(" ".join(s.text for s in lay.trich_yeu))
    first = lay.trich_yeu[0]
    if is_upper(whole) and len(whole.split()) >= 3:
        rep.add("ND30.TRICH_YEU.CASE", first.para, "trích yếu viết chữ in thường (không in hoa cả dòng)",
                "chữ in thường", whole, text=whole)
    done = set()
    for s in lay.trich_yeu:
        check_size(rep, "ND30.TRICH_YEU.SIZE", s, 13, 14, "Trích yếu", group=True)
        check_style(rep, "ND30.TRICH_YEU.STYLE", s, "Trích yếu", bold=True, italic=False, group=True)
        if s.para.index in done:
            continue
        done.add(s.para.index)
        if s.para.fmt.jc != "center":
            found = _JC.get(s.para.fmt.jc, s.para.fmt.jc)
            rep.add("ND30.TRICH_YEU.ALIGN", s.para, f"trích yếu {found}, cần canh giữa", "canh giữa", found,
                    group=(found,))
