"""Build the DOCX templates in tdkt_docs/kinds/templates/ (run: python tools/make_templates.py).

The templates are ordinary Word files: paragraph styles carry every format (so restyling a style in
Word restyles every document), and Jinja tags (docxtpl syntax) mark where the data goes. This
script is how they were first made; after that a clerk may edit them in Word directly.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
FONT = "Times New Roman"
W = nsdecls("w")

# Column widths (cm) of the header and signature tables: Mẫu 1.4 uses about 6.75 | 10 on 16.5 cm.
LEFT_CM, RIGHT_CM = 6.5, 10.0
TW = 566.93

# (style id, Vietnamese name, based on, size pt, bold, italic, alignment, first-line cm, before pt, after pt, extra)
# A name has no comma: Word reads what follows a comma as another name (an alias) of the style, and
# the schema forbids it, so "Số, ký hiệu" of ND30 is "Số và ký hiệu" here.
STYLES = [
    ("TdktCoQuanChuQuan", "TĐKT Cơ quan chủ quản", None, 13, False, False, "center", 0, 0, 0, ""),
    ("TdktCoQuan", "TĐKT Tên cơ quan ban hành", None, 13, True, False, "center", 0, 0, 0, ""),
    ("TdktQuocHieu", "TĐKT Quốc hiệu", None, 13, True, False, "center", 0, 0, 0, ""),
    ("TdktTieuNgu", "TĐKT Tiêu ngữ", None, 14, True, False, "center", 0, 0, 0, ""),
    ("TdktDuongKe", "TĐKT Đường kẻ", None, 1, False, False, "center", 0, 0, 0, "rule"),
    ("TdktSoKyHieu", "TĐKT Số và ký hiệu", None, 13, False, False, "center", 0, 6, 0, ""),
    ("TdktNgayThang", "TĐKT Địa danh và ngày tháng", None, 14, False, True, "center", 0, 6, 0, ""),
    # Mẫu 1.4 leaves about two lines between the header block and the tên loại.
    ("TdktTenLoai", "TĐKT Tên loại văn bản", None, 14, True, False, "center", 0, 30, 0, "keep"),
    ("TdktTrichYeu", "TĐKT Trích yếu", None, 14, True, False, "center", 0, 0, 0, "keep"),
    ("TdktNoiDung", "TĐKT Nội dung", None, 14, False, False, "both", 1.27, 6, 0, ""),
    ("TdktCanCu", "TĐKT Căn cứ", "TdktNoiDung", 14, False, True, "both", 1.27, 6, 0, ""),
    ("TdktPhan", "TĐKT Phần (Phần I)", "TdktNoiDung", 14, True, False, "center", 0, 12, 0, "keep"),
    ("TdktPhanTieuDe", "TĐKT Tiêu đề phần", "TdktNoiDung", 14, True, False, "center", 0, 0, 6, "keep"),
    ("TdktMuc", "TĐKT Mục (I.)", "TdktNoiDung", 14, True, False, "both", 1.27, 6, 0, "keep"),
    ("TdktKhoanTieuDe", "TĐKT Khoản có tiêu đề (1.)", "TdktNoiDung", 14, True, False, "both", 1.27, 6, 0, "keep"),
    ("TdktKhoan", "TĐKT Khoản (1.)", "TdktNoiDung", 14, False, False, "both", 1.27, 6, 0, ""),
    ("TdktDiemTieuDe", "TĐKT Điểm có tiêu đề (a))", "TdktNoiDung", 14, False, False, "both", 1.27, 6, 0, "keep"),
    ("TdktDiem", "TĐKT Điểm (a))", "TdktNoiDung", 14, False, False, "both", 1.27, 6, 0, ""),
    ("TdktGach", "TĐKT Gạch đầu dòng (-)", "TdktNoiDung", 14, False, False, "both", 1.27, 6, 0, ""),
    ("TdktCong", "TĐKT Dấu cộng (+)", "TdktNoiDung", 14, False, False, "both", 1.27, 6, 0, ""),
    ("TdktBangTieuDe", "TĐKT Bảng - tiêu đề cột", None, 13, True, False, "center", 0, 3, 3, ""),
    ("TdktBangChu", "TĐKT Bảng - nội dung", None, 13, False, False, "left", 0, 3, 3, ""),
    ("TdktBangSo", "TĐKT Bảng - số thứ tự", None, 13, False, False, "center", 0, 3, 3, ""),
    ("TdktNoiNhan", "TĐKT Nơi nhận", None, 12, True, True, "left", 0, 12, 0, ""),
    ("TdktNoiNhanDong", "TĐKT Nơi nhận - dòng", None, 11, False, False, "left", 0, 0, 0, ""),
    ("TdktQuyenHan", "TĐKT Thẩm quyền và chức vụ người ký", None, 14, True, False, "center", 0, 12, 0, "keep"),
    ("TdktKhoangKy", "TĐKT Khoảng chữ ký", None, 14, False, False, "center", 0, 0, 0, "sign"),
    ("TdktHoTen", "TĐKT Họ tên người ký", None, 14, True, False, "center", 0, 0, 0, ""),
    ("TdktSoTrang", "TĐKT Số trang", None, 14, False, False, "center", 0, 0, 0, ""),
    ("TdktPhuLuc", "TĐKT Phụ lục", None, 14, True, False, "center", 0, 12, 0, "keep"),
    ("TdktGhiChu", "TĐKT Ghi chú nghiêng", None, 14, False, True, "center", 0, 0, 0, ""),
    # "(Có báo cáo thành tích kèm theo)" goes with the closing paragraph after it.
    ("TdktDoanNghieng", "TĐKT Đoạn nghiêng", "TdktNoiDung", 14, False, True, "both", 1.27, 6, 0, "keep"),
    ("TdktKinhGui", "TĐKT Kính gửi", None, 14, False, False, "left", 0, 6, 0, "keep"),
    ("TdktDoanDan", "TĐKT Đoạn dẫn (liền với đoạn sau)", "TdktNoiDung", 14, False, False, "both", 1.27, 6, 0, "keep"),
    # The closing paragraph goes to the page of Nơi nhận and the signature, never split from them.
    ("TdktDoanKet", "TĐKT Đoạn kết (liền với chữ ký)", "TdktNoiDung", 14, False, False, "both", 1.27, 6, 0, "keepall"),
]


def _fonts_xml() -> str:
    return f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'


# Word rejects pPr children out of the schema's order, so insert by position.
_PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange"]


def _insert_ppr(ppr, element) -> None:
    name = element.tag.split("}")[1]
    later = _PPR_ORDER[_PPR_ORDER.index(name) + 1:]
    ppr.insert_element_before(element, *[f"w:{n}" for n in later])


def _by_id(styles, style_id: str):
    return next(s for s in styles if s.style_id == style_id)


KEEP_BUILTIN = {"Normal", "Default Paragraph Font", "Normal Table", "No List", "Table Grid", "Header", "Footer"}


def setup_styles(doc, more: tuple = ()) -> None:
    styles = doc.styles
    # Only the styles these documents use: a clerk restyling the template sees ours, not Word's 160.
    for style in list(styles):
        if style.name not in KEEP_BUILTIN:
            style.element.getparent().remove(style.element)
    # Document defaults: Times New Roman everywhere, no theme fonts, 14 pt, single spacing.
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        styles.element.remove(defaults)
    styles.element.insert(0, parse_xml(
        f'<w:docDefaults {W}><w:rPrDefault><w:rPr>{_fonts_xml()}<w:color w:val="000000"/>'
        '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        '</w:pPr></w:pPrDefault></w:docDefaults>'))
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    rpr.insert(0, parse_xml(f"<w:rFonts {W} w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:cs=\"{FONT}\" w:eastAsia=\"{FONT}\"/>"))
    for sid, name, based, size, bold, italic, align, first, before, after, extra in STYLES + list(more):
        style = styles.add_style(sid, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), sid)
        style.name = name
        style.base_style = _by_id(styles, based) if based else normal
        style.quick_style = True
        f = style.font
        f.name = FONT
        f.size = Pt(size)
        f.bold = bold
        f.italic = italic
        pf = style.paragraph_format
        pf.alignment = {"center": 1, "both": 3, "left": 0}[align]
        pf.first_line_indent = Cm(first) if first else Cm(0)
        pf.left_indent = Cm(0)
        pf.right_indent = Cm(0)
        pf.space_before = Pt(before)
        pf.space_after = Pt(after)
        if extra in ("keep", "keepall"):
            pf.keep_with_next = True
        if extra == "keepall":
            pf.keep_together = True
        if sid == "TdktQuyenHan":
            # Lines of the same style do not add space between them: only the first is pushed down,
            # level with "Nơi nhận:".
            _insert_ppr(style.element.get_or_add_pPr(), parse_xml(f"<w:contextualSpacing {W}/>"))
        if extra == "rule":
            _insert_ppr(style.element.get_or_add_pPr(), parse_xml(
                f'<w:pBdr {W}><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:pBdr>'))
            # An empty paragraph 8 pt high: its bottom border draws a thin line about 10 pt under the
            # baseline of the text above, where Mẫu 1.4 draws it (0.5 pt: its 0.75 pt drawn lines
            # print lighter than a border of the same width).
            pf.line_spacing = Pt(8)
            pf.line_spacing_rule = 4  # exactly
        if extra == "sign":
            pf.line_spacing = Pt(60)
            pf.line_spacing_rule = 4
            pf.keep_with_next = True
    table = styles.add_style("TdktBang", WD_STYLE_TYPE.TABLE)
    table.element.set(qn("w:styleId"), "TdktBang")
    table.name = "TĐKT Bảng"
    tblpr = parse_xml(
        f'<w:tblPr {W}><w:tblBorders>'
        + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + '</w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        '</w:tblCellMar></w:tblPr>')
    table.element.append(tblpr)


def p(style: str, content: str = "", ppr_extra: str = "") -> str:
    run = f'<w:r><w:t xml:space="preserve">{content}</w:t></w:r>' if content else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr_extra}</w:pPr>{run}</w:p>'


def layout_table(left: str, right: str, rows: int = 1, cells: list[tuple[str, str]] | None = None,
                 keep: bool = False) -> str:
    """A borderless two-column table with fixed widths, as the PL III sample forms use. `keep`: its
    rows never split across pages (Nơi nhận and the signature stay on one page)."""
    lw, rw = int(LEFT_CM * TW), int(RIGHT_CM * TW)
    none = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    cells = cells or [(left, right)]
    rows_xml = ""
    for lc, rc in cells:
        trpr = "<w:trPr><w:cantSplit/></w:trPr>" if keep else ""
        rows_xml += (f'<w:tr>{trpr}<w:tc><w:tcPr><w:tcW w:w="{lw}" w:type="dxa"/></w:tcPr>{lc}</w:tc>'
                     f'<w:tc><w:tcPr><w:tcW w:w="{rw}" w:type="dxa"/></w:tcPr>{rc}</w:tc></w:tr>')
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{lw + rw}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
            f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="{lw}"/><w:gridCol w:w="{rw}"/></w:tblGrid>'
            f'{rows_xml}</w:tbl>')


def tieu_ngu_rule() -> str:
    # "Độc lập - Tự do - Hạnh phúc" at 14 pt bold measures about 6.3 cm; the line is as long as the text.
    side = int((RIGHT_CM - 6.3) / 2 * TW)
    return p("TdktDuongKe", ppr_extra=f'<w:ind w:left="{side}" w:right="{side}"/>')


def header_block(date_line: bool = True) -> str:
    left_top = (p("TdktCoQuanChuQuan", "{%p if chu_quan %}") + p("TdktCoQuanChuQuan", "{{ chu_quan }}")
                + p("TdktCoQuanChuQuan", "{%p endif %}")
                + p("TdktCoQuan", "{{r co_quan }}") + p("TdktDuongKe", "{{p ke_co_quan }}"))
    right_top = (p("TdktQuocHieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + p("TdktTieuNgu", "Độc lập - Tự do - Hạnh phúc")
                 + tieu_ngu_rule())
    so = p("TdktSoKyHieu", "Số: {{ so_ky_hieu }}")
    date = p("TdktNgayThang", "{{ dia_danh_ngay }}") if date_line else p("TdktNgayThang")
    return layout_table("", "", cells=[(left_top, right_top), (so, date)])


def content_loop(kinds: list[tuple[str, str]]) -> str:
    out = [p("TdktNoiDung", "{%p for b in khoi %}")]
    for i, (kieu, style) in enumerate(kinds):
        word = "if" if i == 0 else "elif"
        out.append(p(style, f'{{%p {word} b.kieu == "{kieu}" %}}'))
        if kieu in ("bang", "ket"):
            out.append(p(style, "{{p b.xml }}"))
        else:
            out.append(p(style, "{{r b.runs }}"))
    out.append(p("TdktNoiDung", "{%p endif %}"))
    out.append(p("TdktNoiDung", "{%p endfor %}"))
    return "".join(out)


BODY_KINDS = [("can_cu", "TdktCanCu"), ("doan", "TdktNoiDung"), ("phan", "TdktPhan"), ("phan_td", "TdktPhanTieuDe"),
              ("muc", "TdktMuc"),
              ("khoan_td", "TdktKhoanTieuDe"), ("khoan", "TdktKhoan"), ("diem_td", "TdktDiemTieuDe"),
              ("diem", "TdktDiem"), ("gach", "TdktGach"), ("cong", "TdktCong"), ("bang", "TdktNoiDung"),
              # The closing paragraph in the style of its kind, kept with the signature (normalise.py).
              ("ket", "TdktDoanKet")]


def noi_nhan_cell() -> str:
    return (p("TdktNoiNhan", "Nơi nhận:") + p("TdktNoiNhanDong", "{%p for dong in noi_nhan %}")
            + p("TdktNoiNhanDong", "{{ dong }}") + p("TdktNoiNhanDong", "{%p endfor %}"))


def signer_cell() -> str:
    return (p("TdktQuyenHan", "{%p for dong in ky.quyen_han %}") + p("TdktQuyenHan", "{{ dong }}")
            + p("TdktQuyenHan", "{%p endfor %}") + p("TdktQuyenHan", "{{ ky.chuc_vu }}")
            + p("TdktKhoangKy") + p("TdktHoTen", "{%p if ky.chuc_vu_khac %}")
            + p("TdktHoTen", "{{ ky.chuc_vu_khac }}") + p("TdktHoTen", "{%p endif %}")
            + p("TdktHoTen", "{{ ky.ho_ten }}"))


def section_xml(header_rid: str, first_rid: str, next_page: bool = False) -> str:
    # A4, margins top 20, bottom 20, left 30, right 15 mm; page number in the header from page 2,
    # counted from 1 in each section: an annex is numbered on its own (PL I.III.1.đ).
    kind = '<w:type w:val="nextPage"/>' if next_page else ""
    return (f'<w:sectPr {nsdecls("w", "r")}><w:headerReference w:type="default" r:id="{header_rid}"/>'
            f'<w:headerReference w:type="first" r:id="{first_rid}"/>{kind}'
            '<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>'
            '<w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="381"/></w:sectPr>')


def section_break(header_rid: str, first_rid: str) -> str:
    """An empty paragraph 1 pt high that ends the document's section: the annex after it starts on a
    page of its own, numbered from 1. So small that it never takes a page of its own."""
    return (f'<w:p><w:pPr><w:pStyle w:val="TdktNoiDung"/><w:spacing w:before="0" w:after="0" w:line="20" '
            f'w:lineRule="exact"/><w:ind w:firstLine="0"/><w:rPr><w:sz w:val="2"/></w:rPr>'
            f'{section_xml(header_rid, first_rid, next_page=True)}</w:pPr></w:p>')


def add_headers(doc) -> tuple[str, str]:
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    hp = header.paragraphs[0]
    hp.style = _by_id(doc.styles, "TdktSoTrang")
    hp._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>'))
    hp._p.append(parse_xml(f'<w:r {W}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'))
    hp._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>'))
    hp._p.append(parse_xml(f'<w:r {W}><w:t>2</w:t></w:r>'))
    hp._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>'))
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = _by_id(doc.styles, "TdktSoTrang")
    rid_default = section._sectPr.xpath('./w:headerReference[@w:type="default"]')[0].get(qn("r:id"))
    rid_first = section._sectPr.xpath('./w:headerReference[@w:type="first"]')[0].get(qn("r:id"))
    return rid_default, rid_first


# Parts python-docx's blank document carries that no document needs: a copy of the styles for
# Word 2010 (438 KB unzipped, ignored by later versions, which read styles.xml) and a thumbnail of
# an empty page. Without them each document is half the size on disk.
_UNNEEDED = ("/stylesWithEffects", "/metadata/thumbnail")


def _drop_unneeded(doc) -> None:
    for rels in (doc.part.package.rels, doc.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(_UNNEEDED):
                rels.pop(rid)


def build(path: Path, make, title: str, styles: tuple = ()) -> None:
    doc = Document()
    _drop_unneeded(doc)
    setup_styles(doc, styles)
    rid_default, rid_first = add_headers(doc)
    doc.core_properties.title = title
    doc.core_properties.author = ""
    doc.core_properties.comments = ""
    body_el = doc.element.body
    for child in list(body_el):
        body_el.remove(child)
    body = make(lambda: section_break(rid_default, rid_first))
    xml = f'<w:body {nsdecls("w", "r")}>{body}{section_xml(rid_default, rid_first)}</w:body>'
    new_body = parse_xml(xml)
    for child in list(new_body):
        body_el.append(child)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


def ke_hoach(section_break=None) -> str:
    return (header_block()
            + p("TdktTenLoai", "KẾ HOẠCH") + p("TdktTrichYeu", "{{r trich_yeu }}") + p("TdktDuongKe", "{{p ke_trich_yeu }}")
            + content_loop(BODY_KINDS)
            + layout_table("", "", cells=[(noi_nhan_cell(), signer_cell())], keep=True))


# The award documents add italic paragraphs ("(Có báo cáo thành tích kèm theo)") and lead-ins.
# A lead-in ("..., gồm:", "Kết quả biểu quyết:") stays on the page of the list or table it introduces.
AWARD_KINDS = BODY_KINDS + [("nghieng", "TdktDoanNghieng"), ("dan", "TdktDoanDan")]


def mau_1_4(ten_loai: str, kinh_gui: bool = False, section_break=None) -> str:
    """Mẫu 1.4 "Văn bản có tên loại", optionally with 'Kính gửi' (ô 9a) and a list annexed after it."""
    body = (header_block()
            + p("TdktTenLoai", ten_loai) + p("TdktTrichYeu", "{{r trich_yeu }}") + p("TdktDuongKe", "{{p ke_trich_yeu }}"))
    if kinh_gui:
        body += p("TdktKinhGui", "{{p kinh_gui }}")
    body += content_loop(AWARD_KINDS) + layout_table("", "", cells=[(noi_nhan_cell(), signer_cell())], keep=True)
    if section_break:
        body += annex(section_break)
    return body


def annex(section_break) -> str:
    """The list annexed in a section of its own (Mẫu 2.1), printed when the document has one."""
    return (p("TdktPhuLuc", "{%p if phu_luc %}")
            + section_break()
            + p("TdktPhuLuc", "{{ phu_luc.tieu_de }}", '<w:spacing w:before="0"/>')
            + p("TdktTrichYeu", "{{r phu_luc.trich_yeu }}")
            + p("TdktGhiChu", "{{ phu_luc.kem_theo }}", '<w:spacing w:after="60"/>')
            + p("TdktDuongKe", "{{p phu_luc.ke }}")
            + p("TdktNoiDung")
            + p("TdktNoiDung", "{{p phu_luc.bang }}")
            + p("TdktNoiDung")
            + p("TdktPhuLuc", "{%p endif %}"))


def de_cuong_bao_cao(section_break=None) -> str:
    return mau_1_4("ĐỀ CƯƠNG BÁO CÁO")


def bao_cao(section_break=None) -> str:
    return mau_1_4("BÁO CÁO", kinh_gui=True)


def to_trinh(section_break=None) -> str:
    return mau_1_4("TỜ TRÌNH", kinh_gui=True, section_break=section_break)


def bien_ban(section_break=None) -> str:
    """Mẫu 1.9: no place and date under the national motto unless the unit writes one; THƯ KÝ signs
    left, CHỦ TỌA right, and Nơi nhận goes below the secretary's signature."""
    # Nơi nhận stands in the left cell under THƯ KÝ, where Mẫu 1.9 shows it: in the signatures' row,
    # which never splits, it stays on their page (LibreOffice keeps no table with the paragraph after it).
    signers = layout_table("", "", keep=True, cells=[(
        p("TdktQuyenHan", "THƯ KÝ") + p("TdktKhoangKy") + p("TdktHoTen", "{{ thu_ky }}") + noi_nhan_cell(),
        p("TdktQuyenHan", "CHỦ TỌA") + p("TdktKhoangKy") + p("TdktHoTen", "{{ chu_toa }}"))])
    # A unit may drop the Số line and may add a place-and-date line, as many real biên bản do:
    # both are whole lines the program fills or leaves empty.
    header = header_block()
    assert "Số: {{ so_ky_hieu }}" in header
    header = header.replace("Số: {{ so_ky_hieu }}", "{{ so_dong }}")
    return (header
            + p("TdktTenLoai", "BIÊN BẢN") + p("TdktTrichYeu", "{{r trich_yeu }}") + p("TdktDuongKe", "{{p ke_trich_yeu }}")
            + content_loop(AWARD_KINDS) + signers)


TEMPLATES = {"ke_hoach.docx": (ke_hoach, "Kế hoạch"),
             "de_cuong_bao_cao.docx": (de_cuong_bao_cao, "Đề cương báo cáo"),
             "bao_cao.docx": (bao_cao, "Báo cáo"),
             "to_trinh.docx": (to_trinh, "Tờ trình"),
             "bien_ban.docx": (bien_ban, "Biên bản")}


def main(argv: list[str]) -> None:
    import award_templates  # the decision and the certificates, in a module of their own

    out = ROOT / "tdkt_docs" / "kinds" / "templates"
    for name, (make, title) in TEMPLATES.items():
        if argv and name not in argv:
            continue
        build(out / name, make, title)
        print(out / name)
    award_templates.main(argv, out)


if __name__ == "__main__":
    main(sys.argv[1:])
