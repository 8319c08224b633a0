"""The templates of the decision (quyet_dinh.docx, ND30 Mẫu 1.2 with its list per Mẫu 2.1) and of the
certificates (giay_khen.docx); run through tools/make_templates.py."""
from __future__ import annotations

from pathlib import Path

from make_templates import (AWARD_KINDS, annex, Document, _drop_unneeded, build, content_loop, header_block, layout_table,
                            noi_nhan_cell, p, setup_styles, signer_cell)

# (style id, name, based on, size pt, bold, italic, alignment, first-line cm, before pt, after pt, extra)
DECISION_STYLES = (
    # "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ...": Mẫu 1.2 ô 6, a line apart under the trích yếu's rule.
    ("TdktThamQuyenBanHanh", "TĐKT Thẩm quyền ban hành", None, 14, True, False, "center", 0, 12, 6, "keep"),
    # "QUYẾT ĐỊNH:" between the căn cứ and Điều 1.
    ("TdktQuyetDinhLenh", "TĐKT Quyết định (trước Điều 1)", None, 14, True, False, "center", 0, 12, 6, "keep"),
)
DECISION_KINDS = AWARD_KINDS + [("tham_quyen", "TdktThamQuyenBanHanh"), ("quyet", "TdktQuyetDinhLenh")]

CERTIFICATE_STYLES = (
    # Sized and spaced so that the certificate fills an A4 landscape page (180 mm of height inside
    # the 15 mm margins) without running onto a second one.
    ("TdktGkQuocHieu", "TĐKT Giấy khen - Quốc hiệu", None, 15, True, False, "center", 0, 0, 0, ""),
    ("TdktGkNguoiTang", "TĐKT Giấy khen - Người tặng", None, 16, True, False, "center", 0, 24, 0, ""),
    ("TdktGkTang", "TĐKT Giấy khen - TẶNG", None, 16, False, False, "center", 0, 10, 0, ""),
    ("TdktGkTieuDe", "TĐKT Giấy khen - Tiêu đề", None, 48, True, False, "center", 0, 14, 14, ""),
    ("TdktGkTen", "TĐKT Giấy khen - Tên", None, 26, True, False, "center", 0, 6, 4, ""),
    ("TdktGkDong", "TĐKT Giấy khen - Chức vụ và đơn vị", None, 16, False, False, "center", 0, 4, 4, ""),
    ("TdktGkThanhTich", "TĐKT Giấy khen - Thành tích", None, 16, False, True, "center", 0, 10, 0, ""),
    ("TdktGkChan", "TĐKT Giấy khen - Số quyết định", None, 12, False, False, "left", 0, 0, 0, ""),
    ("TdktGkKy", "TĐKT Giấy khen - Ngày và người ký", None, 15, False, False, "center", 0, 0, 0, ""),
    ("TdktGkInSan", "TĐKT Giấy khen - Dòng in trên phôi", None, 16, False, False, "center", 0, 0, 0, ""),
)


def quyet_dinh(section_break=None) -> str:
    """Mẫu 1.2: header, QUYẾT ĐỊNH and its trích yếu, the issuer's authority, căn cứ, 'QUYẾT ĐỊNH:',
    the articles (all in `khoi`), Nơi nhận and signature; the list of awardees annexed (Mẫu 2.1)."""
    body = (header_block()
            + p("TdktTenLoai", "QUYẾT ĐỊNH") + p("TdktTrichYeu", "{{r trich_yeu }}") + p("TdktDuongKe", "{{p ke_trich_yeu }}")
            + content_loop(DECISION_KINDS)
            + layout_table("", "", cells=[(noi_nhan_cell(), signer_cell())], keep=True))
    return body + annex(section_break)


def giay_khen(path: Path) -> None:
    """Every page is computed (kinds/giay_khen.py); the template holds the styles and the page size,
    which the YAML sets, so the section's size and margins are fields too."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = Document()
    _drop_unneeded(doc)
    setup_styles(doc, CERTIFICATE_STYLES)
    doc.core_properties.title = "Giấy khen"
    doc.core_properties.author = ""
    body_el = doc.element.body
    for child in list(body_el):
        body_el.remove(child)
    # The page's size depends on the YAML: the program writes the whole section (`trang.khuon`),
    # so that the template itself stays valid Open XML for Word.
    xml = (f'<w:body {nsdecls("w", "r")}>{p("TdktGkDong", "{{p trang.noi_dung }}")}'
           f'{p("TdktGkDong", "{{p trang.khuon }}")}</w:body>')
    for child in list(parse_xml(xml)):
        body_el.append(child)
    doc.save(str(path))


def main(argv: list[str], out: Path) -> None:
    if not argv or "quyet_dinh.docx" in argv:
        build(out / "quyet_dinh.docx", quyet_dinh, "Quyết định", DECISION_STYLES)
        print(out / "quyet_dinh.docx")
    if not argv or "giay_khen.docx" in argv:
        giay_khen(out / "giay_khen.docx")
        print(out / "giay_khen.docx")
