"""The corpus: one good document, changed in exactly one way per rule; the checker must report that
rule and nothing else."""
from __future__ import annotations

import pytest
from lxml import etree

from checker_corpus import (edit, frag, map_text, para, para_prop, qn, run_prop, sect, set_text, style_ppr,
                            style_rpr, table_with, text_of)
from tdkt_docs.checker import RULES, check_docx

DOC, STYLES, THEME = "word/document.xml", "word/styles.xml", "word/theme/theme1.xml"
HEADER_DEFAULT, HEADER_FIRST = "word/header1.xml", "word/header2.xml"
BODY = "Tiếp tục đẩy mạnh"  # a long body paragraph
LAST = "Các cơ quan, đơn vị căn cứ"  # the last body paragraph, ending ./.


def _pg(**attrs):
    def fn(root):
        for k, v in attrs.items():
            sect(root).find(qn("w:pgSz")).set(qn(f"w:{k}"), v)
    return fn


def _mar(side, value):
    def fn(root):
        sect(root).find(qn("w:pgMar")).set(qn(f"w:{side}"), value)
    return fn


def _text(start, new):
    return lambda root: set_text(para(root, start), new)


def _run(start, xml):
    return lambda root: run_prop(para(root, start), xml)


def _ppr(start, xml):
    return lambda root: para_prop(para(root, start), xml)


def _style_r(sid, xml):
    return lambda root: style_rpr(root, sid, xml)


def _style_p(sid, xml):
    return lambda root: style_ppr(root, sid, xml)


def _landscape_without_table(root):
    tbl = table_with(root, "TT")
    tbl.getparent().remove(tbl)
    _pg(w="16838", h="11906", orient="landscape")(root)


def _landscape_annex(root):
    """A nominee list after the signature, in a landscape section of its own: allowed (PL I.I.2)."""
    body = root.find(qn("w:body"))
    final = body.find(qn("w:sectPr"))
    portrait = etree.fromstring(etree.tostring(final))
    closing = para(root, "Vũ Văn Đức")
    while closing.getparent() is not body:
        closing = closing.getparent()
    holder = frag('<w:p><w:pPr/></w:p>')
    holder.find(qn("w:pPr")).append(portrait)
    closing.addnext(holder)
    annex = etree.fromstring(etree.tostring(table_with(root, "TT")))
    holder.addnext(annex)
    size = final.find(qn("w:pgSz"))
    size.set(qn("w:w"), "16838")
    size.set(qn("w:h"), "11906")
    size.set(qn("w:orient"), "landscape")


def _theme_minor(font):
    def fn(root):
        root.find(f".//{qn('a:minorFont')}/{qn('a:latin')}").set("typeface", font)
    return fn


def _noi_dung_theme(root):
    style_rpr(root, "TdktNoiDung", '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>')


def _normal_arial_inherited(root):
    style_rpr(root, "Normal", '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>')
    rpr = [st for st in root.iter(qn("w:style")) if st.get(qn("w:styleId")) == "TdktNoiDung"][0].find(qn("w:rPr"))
    rpr.remove(rpr.find(qn("w:rFonts")))


def _no_title_pg(root):
    s = sect(root)
    s.remove(s.find(qn("w:titlePg")))


def _page_field_in_first(root):
    p = root.find(qn("w:p"))
    for kind, body in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        if kind == "instr":
            el = frag(f'<w:r><w:instrText xml:space="preserve">{body}</w:instrText></w:r>')
        elif kind == "text":
            el = frag(f"<w:r><w:t>{body}</w:t></w:r>")
        else:
            el = frag(f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>')
        p.append(el)


def _relabel_letters(labels):
    def fn(root):
        items = [p for p in root.iter(qn("w:p")) if text_of(p)[:3] in {f"{c}) " for c in "abcdđegh"}]
        assert len(items) == len(labels)
        for p, new in zip(items, labels):
            map_text(p, lambda t, new=new: new + t[1:] if t[1:3] == ") " else t)
    return fn


def _clear_signer(root):
    tbl = table_with(root, "Nơi nhận:")
    cell = tbl.findall(f".//{qn('w:tc')}")[1]
    for p in cell.findall(qn("w:p")):
        for r in p.findall(qn("w:r")):
            p.remove(r)


def _remove_date(root):
    set_text(para(root, "Tuần Giáo, ngày"), "")


def _remove_rule(n):
    """Take away the n-th short rule (0: under the issuing body, 1: the Tiêu ngữ, 2: the trích yếu)."""
    def fn(root):
        rules = [p for p in root.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None
                 and p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "TdktDuongKe"]
        rules[n].getparent().remove(rules[n])
    return fn


def _remove_noi_nhan_label(root):
    set_text(para(root, "Nơi nhận:"), "")


CASES = [
    # id, the rule it must raise (alone), edits [(part, fn)]
    ("letter-paper", "ND30.PAGE.SIZE", [(DOC, _pg(w="12240", h="15840"))]),
    ("landscape-without-table", "ND30.PAGE.ORIENTATION", [(DOC, _landscape_without_table)]),
    ("landscape-annex-with-table", None, [(DOC, _landscape_annex)]),
    ("margin-top-30", "ND30.PAGE.MARGIN_TOP", [(DOC, _mar("top", "1701"))]),
    ("margin-bottom-17", "ND30.PAGE.MARGIN_BOTTOM", [(DOC, _mar("bottom", "964"))]),
    ("margin-left-25", "ND30.PAGE.MARGIN_LEFT", [(DOC, _mar("left", "1417"))]),
    ("margin-right-25", "ND30.PAGE.MARGIN_RIGHT", [(DOC, _mar("right", "1417"))]),
    ("font-run-arial", "ND30.FONT.FAMILY", [(DOC, _run(BODY, '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'))]),
    ("font-hansi-arial", "ND30.FONT.FAMILY",
     [(DOC, _run(BODY, '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Arial"/>'))]),
    ("font-basedon-normal-arial", "ND30.FONT.FAMILY", [(STYLES, _normal_arial_inherited)]),
    ("font-theme-calibri", "ND30.FONT.FAMILY", [(STYLES, _noi_dung_theme), (THEME, _theme_minor("Calibri"))]),
    ("font-page-number-arial", "ND30.FONT.FAMILY",
     [(HEADER_DEFAULT, lambda root: run_prop(root.find(qn("w:p")), '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'))]),
    ("color-red", "ND30.FONT.COLOR", [(DOC, _run(BODY, '<w:color w:val="FF0000"/>'))]),
    ("page-number-on-page-1", "ND30.PAGE_NUMBER.FIRST_PAGE", [(DOC, _no_title_pg)]),
    ("page-number-in-first-header", "ND30.PAGE_NUMBER.FIRST_PAGE", [(HEADER_FIRST, _page_field_in_first)]),
    ("page-number-right", "ND30.PAGE_NUMBER.POSITION",
     [(HEADER_DEFAULT, lambda root: para_prop(root.find(qn("w:p")), '<w:jc w:val="right"/>'))]),
    ("page-number-10pt", "ND30.PAGE_NUMBER.FORMAT",
     [(HEADER_DEFAULT, lambda root: run_prop(root.find(qn("w:p")), '<w:sz w:val="20"/>'))]),
    ("qh-misspelt", "ND30.QUOC_HIEU.TEXT", [(DOC, _text("CỘNG HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM"))]),
    ("qh-lowercase", "ND30.QUOC_HIEU.CASE", [(DOC, _text("CỘNG HÒA", "Cộng hòa xã hội chủ nghĩa Việt Nam"))]),
    ("qh-14pt", "ND30.QUOC_HIEU.SIZE", [(STYLES, _style_r("TdktQuocHieu", '<w:sz w:val="28"/>'))]),
    ("qh-not-bold", "ND30.QUOC_HIEU.STYLE", [(DOC, _run("CỘNG HÒA", '<w:b w:val="0"/>'))]),
    ("tn-no-spaces", "ND30.TIEU_NGU.TEXT", [(DOC, _text("Độc lập", "Độc lập-Tự do-Hạnh phúc"))]),
    ("tn-uppercase", "ND30.TIEU_NGU.CASE", [(DOC, _text("Độc lập", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"))]),
    ("tn-12pt", "ND30.TIEU_NGU.SIZE", [(STYLES, _style_r("TdktTieuNgu", '<w:sz w:val="24"/>'))]),
    ("tn-italic", "ND30.TIEU_NGU.STYLE", [(DOC, _run("Độc lập", "<w:i/>"))]),
    ("qh12-tn14", "ND30.TIEU_NGU.SIZE_PAIR", [(STYLES, _style_r("TdktQuocHieu", '<w:sz w:val="24"/>'))]),
    ("issuer-lowercase", "ND30.CO_QUAN.CASE", [(DOC, lambda root: map_text(para(root, "ỦY BAN"), str.lower))]),
    ("issuer-14pt", "ND30.CO_QUAN.SIZE", [(STYLES, _style_r("TdktCoQuan", '<w:sz w:val="28"/>'))]),
    ("issuer-not-bold", "ND30.CO_QUAN.STYLE", [(DOC, _run("ỦY BAN", '<w:b w:val="0"/>'))]),
    ("parent-lowercase", "ND30.CHU_QUAN.CASE", [(DOC, _text("UBND TỈNH", "Ubnd tỉnh Điện Biên"))]),
    ("parent-11pt", "ND30.CHU_QUAN.SIZE", [(DOC, _run("UBND TỈNH", '<w:sz w:val="22"/>'))]),
    ("parent-italic", "ND30.CHU_QUAN.STYLE", [(DOC, _run("UBND TỈNH", "<w:i/>"))]),
    ("so-no-colon", "ND30.SO_KY_HIEU.FORMAT", [(DOC, _text("Số:", "Số 05/KH-UBND"))]),
    ("so-spaces", "ND30.SO_KY_HIEU.FORMAT", [(DOC, _text("Số:", "Số: 05/KH - UBND"))]),
    ("so-no-leading-zero", "ND30.SO_KY_HIEU.LEADING_ZERO", [(DOC, _text("Số:", "Số: 5/KH-UBND"))]),
    ("so-wrong-type", "ND30.SO_KY_HIEU.TYPE", [(DOC, _text("Số:", "Số: 05/BC-UBND"))]),
    ("so-14pt", "ND30.SO_KY_HIEU.SIZE", [(DOC, _run("Số:", '<w:sz w:val="28"/>'))]),
    ("so-italic", "ND30.SO_KY_HIEU.STYLE", [(DOC, _run("Số:", "<w:i/>"))]),
    ("so-left", "ND30.SO_KY_HIEU.ALIGN", [(DOC, _ppr("Số:", '<w:jc w:val="left"/>'))]),
    ("date-left", "ND30.NGAY_THANG.ALIGN", [(DOC, _ppr("Tuần Giáo, ngày", '<w:jc w:val="left"/>'))]),
    ("issuer-no-rule", "ND30.CO_QUAN.LINE", [(DOC, _remove_rule(0))]),
    ("tn-no-rule", "ND30.TIEU_NGU.LINE", [(DOC, _remove_rule(1))]),
    ("summary-no-rule", "ND30.TRICH_YEU.LINE", [(DOC, _remove_rule(2))]),
    ("date-missing", "ND30.NGAY_THANG.PRESENT", [(DOC, _remove_date)]),
    ("date-no-comma", "ND30.NGAY_THANG.FORMAT",
     [(DOC, _text("Tuần Giáo, ngày", "Tuần Giáo ngày 05 tháng 3 năm 2022"))]),
    ("date-short-form", "ND30.NGAY_THANG.FORMAT", [(DOC, _text("Tuần Giáo, ngày", "Tuần Giáo, 05/3/2022"))]),
    ("date-day-no-zero", "ND30.NGAY_THANG.LEADING_ZERO",
     [(DOC, _text("Tuần Giáo, ngày", "Tuần Giáo, ngày 5 tháng 3 năm 2022"))]),
    ("date-month-03", "ND30.NGAY_THANG.LEADING_ZERO",
     [(DOC, _text("Tuần Giáo, ngày", "Tuần Giáo, ngày 05 tháng 03 năm 2022"))]),
    ("date-month-1", "ND30.NGAY_THANG.LEADING_ZERO",
     [(DOC, _text("Tuần Giáo, ngày", "Tuần Giáo, ngày 15 tháng 1 năm 2022"))]),
    ("date-12pt", "ND30.NGAY_THANG.SIZE", [(STYLES, _style_r("TdktNgayThang", '<w:sz w:val="24"/>'))]),
    ("date-upright", "ND30.NGAY_THANG.STYLE", [(DOC, _run("Tuần Giáo, ngày", '<w:i w:val="0"/>'))]),
    ("type-lowercase", "ND30.TEN_LOAI.CASE", [(DOC, _text("KẾ HOẠCH", "Kế hoạch"))]),
    ("type-12pt", "ND30.TEN_LOAI.SIZE", [(DOC, _run("KẾ HOẠCH", '<w:sz w:val="24"/>'))]),
    ("type-not-bold", "ND30.TEN_LOAI.STYLE", [(DOC, _run("KẾ HOẠCH", '<w:b w:val="0"/>'))]),
    ("type-left", "ND30.TEN_LOAI.ALIGN", [(DOC, _ppr("KẾ HOẠCH", '<w:jc w:val="left"/>'))]),
    ("kind-bao-cao-with-kh-symbol", "ND30.SO_KY_HIEU.TYPE", [(DOC, _text("KẾ HOẠCH", "BÁO CÁO"))]),
    ("kind-to-trinh-symbol-case", "ND30.SO_KY_HIEU.TYPE",
     [(DOC, _text("KẾ HOẠCH", "TỜ TRÌNH")), (DOC, _text("Số:", "Số: 05/TTR-UBND"))]),
    ("kind-to-trinh-ok", None, [(DOC, _text("KẾ HOẠCH", "TỜ TRÌNH")), (DOC, _text("Số:", "Số: 05/TTr-UBND"))]),
    ("kind-de-cuong-any-abbreviation", None, [(DOC, _text("KẾ HOẠCH", "ĐỀ CƯƠNG BÁO CÁO"))]),
    ("draft-blank-number-and-day", None, [(DOC, _text("Số:", "Số:       /KH-UBND")),
                                          (DOC, _text("Tuần Giáo, ngày", "Tuần Giáo, ngày      tháng 3 năm 2022"))]),
    ("form-blank-issuer", None, [(DOC, _text("KẾ HOẠCH", "ĐỀ CƯƠNG BÁO CÁO")), (DOC, _text("Số:", "Số:   /BC-"))]),
    ("summary-uppercase", "ND30.TRICH_YEU.CASE", [(DOC, lambda root: map_text(para(root, "Triển khai"), str.upper))]),
    ("summary-12pt", "ND30.TRICH_YEU.SIZE", [(DOC, _run("Triển khai", '<w:sz w:val="24"/>'))]),
    ("summary-not-bold", "ND30.TRICH_YEU.STYLE", [(DOC, _run("Triển khai", '<w:b w:val="0"/>'))]),
    ("summary-left", "ND30.TRICH_YEU.ALIGN", [(DOC, _ppr("Triển khai", '<w:jc w:val="left"/>'))]),
    ("basis-upright", "ND30.CAN_CU.STYLE", [(DOC, _run("Căn cứ Luật", '<w:i w:val="0"/>'))]),
    ("basis-comma", "ND30.CAN_CU.PUNCT",
     [(DOC, lambda root: map_text(para(root, "Căn cứ Luật"), lambda t: t.replace("2022;", "2022,")))]),
    ("body-12pt", "ND30.NOI_DUNG.SIZE", [(DOC, _run(BODY, '<w:sz w:val="24"/>'))]),
    ("body-left", "ND30.NOI_DUNG.ALIGN", [(DOC, _ppr(BODY, '<w:jc w:val="left"/>'))]),
    ("body-no-indent", "ND30.NOI_DUNG.INDENT", [(DOC, _ppr(BODY, '<w:ind w:firstLine="0"/>'))]),
    ("body-hanging", "ND30.NOI_DUNG.INDENT", [(DOC, _ppr(BODY, '<w:ind w:left="720" w:hanging="360"/>'))]),
    ("body-no-spacing", "ND30.NOI_DUNG.SPACING", [(STYLES, _style_p("TdktNoiDung", '<w:spacing w:before="0" w:after="0"/>'))]),
    ("body-double-spaced", "ND30.NOI_DUNG.LINE_SPACING",
     [(DOC, _ppr(BODY, '<w:spacing w:before="120" w:line="480" w:lineRule="auto"/>'))]),
    ("content-no-end-mark", "ND30.NOI_DUNG.END_MARK",
     [(DOC, lambda root: map_text(para(root, LAST), lambda t: t.replace("./.", ".")))]),
    ("roman-gap", "ND30.DANH_SO.SEQUENCE", [(DOC, lambda root: map_text(para(root, "III."), lambda t: t.replace("III.", "IV.")))]),
    ("arabic-repeat", "ND30.DANH_SO.SEQUENCE", [(DOC, _text("2. Các nhiệm vụ", "1. Các nhiệm vụ"))]),
    ("decimal-gap", "ND30.DANH_SO.SEQUENCE", [(DOC, lambda root: map_text(para(root, "2.2."), lambda t: t.replace("2.2.", "2.3.")))]),
    ("letters-seed-003", "ND30.DANH_SO.SEQUENCE", [(DOC, _relabel_letters("abcdefhg"))]),
    ("letters-latin", "ND30.DANH_SO.SEQUENCE", [(DOC, _relabel_letters("abcdefgh"))]),
    ("recipients-label-space", "ND30.NOI_NHAN.LABEL", [(DOC, _text("Nơi nhận:", "Nơi nhận :"))]),
    ("recipients-label-13pt", "ND30.NOI_NHAN.LABEL_SIZE", [(DOC, _run("Nơi nhận:", '<w:sz w:val="26"/>'))]),
    ("recipients-label-upright", "ND30.NOI_NHAN.LABEL_STYLE", [(DOC, _run("Nơi nhận:", '<w:i w:val="0"/>'))]),
    ("recipients-line-12pt", "ND30.NOI_NHAN.LINE_SIZE", [(DOC, _run("- TT Huyện ủy", '<w:sz w:val="24"/>'))]),
    ("recipients-line-italic", "ND30.NOI_NHAN.LINE_STYLE", [(DOC, _run("- TT Huyện ủy", "<w:i/>"))]),
    ("recipients-no-dash", "ND30.NOI_NHAN.DASH", [(DOC, _text("- TT Huyện ủy", "TT Huyện ủy, TT HĐND huyện;"))]),
    ("recipients-no-semicolon", "ND30.NOI_NHAN.PUNCT", [(DOC, _text("- TT Huyện ủy", "- TT Huyện ủy, TT HĐND huyện"))]),
    ("recipients-last-semicolon", "ND30.NOI_NHAN.PUNCT", [(DOC, _text("- Lưu:", "- Lưu: VT, NV;"))]),
    ("recipients-no-archive", "ND30.NOI_NHAN.LUU", [(DOC, _text("- Lưu:", "- VT, NV."))]),
    ("recipients-placeholder-line", None, [(DOC, _text("- Các cơ quan, đơn vị", "- ..."))]),
    ("recipients-form-ends-with-placeholder", None, [(DOC, _text("- Lưu:", "- ..."))]),
    ("recipients-missing", "ND30.NOI_NHAN.PRESENT", [(DOC, _remove_noi_nhan_label)]),
    ("signer-unknown-prefix", "ND30.CHU_KY.PREFIX", [(DOC, _text("TM. ỦY BAN", "TT. ỦY BAN NHÂN DÂN"))]),
    ("signer-old-prefix", "ND30.CHU_KY.PREFIX", [(DOC, _text("TM. ỦY BAN", "T/M ỦY BAN NHÂN DÂN"))], "error"),
    ("signer-title-lowercase", "ND30.CHU_KY.TITLE_CASE", [(DOC, _text("CHỦ TỊCH", "Chủ tịch"))]),
    ("signer-title-12pt", "ND30.CHU_KY.TITLE_SIZE", [(DOC, _run("CHỦ TỊCH", '<w:sz w:val="24"/>'))]),
    ("signer-title-not-bold", "ND30.CHU_KY.TITLE_STYLE", [(DOC, _run("CHỦ TỊCH", '<w:b w:val="0"/>'))]),
    ("signer-name-uppercase", "ND30.CHU_KY.NAME_CASE", [(DOC, _text("Vũ Văn Đức", "VŨ VĂN ĐỨC"))]),
    ("signer-name-12pt", "ND30.CHU_KY.NAME_SIZE", [(DOC, _run("Vũ Văn Đức", '<w:sz w:val="24"/>'))]),
    ("signer-name-not-bold", "ND30.CHU_KY.NAME_STYLE", [(DOC, _run("Vũ Văn Đức", '<w:b w:val="0"/>'))]),
    ("signer-name-degree", "ND30.CHU_KY.NAME_TITLE", [(DOC, _text("Vũ Văn Đức", "TS. Vũ Văn Đức"))]),
    ("signer-missing", "ND30.CHU_KY.PRESENT", [(DOC, _clear_signer)]),
]


# The severity each case must have, when it is not the rule's usual one.
SEVERITY = {c[0]: c[3] for c in CASES if len(c) > 3}
CASES = [c[:3] for c in CASES]


def _apply(data: bytes, edits) -> bytes:
    for part, fn in edits:
        data = edit(data, part, fn)
    return data


def test_the_good_document_has_no_finding(good_docx):
    assert check_docx(good_docx) == []


@pytest.mark.parametrize("case_id, rule, edits", CASES, ids=[c[0] for c in CASES])
def test_one_change_one_rule(good_docx, case_id, rule, edits):
    findings = check_docx(_apply(good_docx, edits))
    if rule is None:  # a change the rules allow
        assert findings == [], [f.line() for f in findings]
        return
    assert {f.rule for f in findings} == {rule}, [f.line() for f in findings]
    severity = SEVERITY.get(case_id, RULES[rule].severity)
    assert all(f.severity == severity for f in findings), [f.line() for f in findings]
    for f in findings:
        assert f.ref == RULES[rule].ref and f.message


def test_every_rule_but_the_biên_bản_ones_is_in_the_corpus():
    covered = {rule for _, rule, _ in CASES if rule}
    others = {"ND30.QUOC_HIEU.PRESENT", "ND30.TIEU_NGU.PRESENT", "ND30.CO_QUAN.PRESENT",
              "ND30.SO_KY_HIEU.PRESENT", "ND30.TEN_LOAI.PRESENT", "ND30.TRICH_YEU.PRESENT",
              "ND30.BIEN_BAN.NO_DATE_LINE", "ND30.BIEN_BAN.SIGNERS",  # tested in test_made_by_hand.py
              # A công văn's V/v line and a phụ lục file: tested in test_corpus.py.
              "ND30.TRICH_YEU.VV_SIZE", "ND30.TRICH_YEU.VV_STYLE", "ND30.TRICH_YEU.VV_ALIGN",
              "ND30.PHU_LUC.LABEL", "ND30.PHU_LUC.TITLE",
              # A decision's own rules: tested on a generated decision in tests/test_quyet_dinh.py.
              "ND30.QUYET_DINH.DIEU", "ND30.QUYET_DINH.LENH", "ND30.QUYET_DINH.NHU_DIEU"}
    assert set(RULES) - covered == others
