"""The generated kế hoạch follows Mẫu 1.4 and the ND30 layout rules, read from the DOCX itself."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Cm, Pt

from helpers import ROOT, blocks, lines
from tdkt_docs.build import Job, build_one

FIXTURE = Path(__file__).parent / "fixtures" / "ke-hoach.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    outcome = build_one(Job(FIXTURE, "kh"), out)
    assert outcome.error is None, outcome.error
    return out / "kh.docx"


def style_of(paragraph):
    return paragraph.style.style_id if paragraph.style is not None else None


def effective(paragraph, attr):
    """A font attribute as Word resolves it: run, then the paragraph style chain, then defaults."""
    style = paragraph.style
    while style is not None:
        value = getattr(style.font, attr)
        if value is not None:
            return value
        style = style.base_style
    return None


def test_page_is_a4_with_nd30_margins(built):
    section = docx.Document(str(built)).sections[0]
    assert (section.page_width, section.page_height) == (Cm(21.0) + 6, Cm(29.7) - 2) or \
        (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert 2.0 <= section.top_margin.cm <= 2.5 and 2.0 <= section.bottom_margin.cm <= 2.5
    assert 3.0 <= section.left_margin.cm <= 3.5 and 1.5 <= section.right_margin.cm <= 2.0


def test_times_new_roman_everywhere(built):
    document = docx.Document(str(built))
    rpr = document.styles.element.find(".//{*}docDefaults//{*}rFonts")
    fonts = {rpr.get(f"{{{rpr.nsmap['w']}}}{k}") for k in ("ascii", "hAnsi", "cs", "eastAsia")}
    assert fonts == {"Times New Roman"}
    assert not [k for k in rpr.keys() if "Theme" in k]
    for style in document.styles:
        if style.type == 1 and style.font.name is not None:
            assert style.font.name == "Times New Roman", style.name


def test_header_table_two_fixed_columns_so_level_with_date(built):
    document = docx.Document(str(built))
    header = blocks(document)[0]
    assert len(header.columns) == 2
    widths = [round(c.width.cm, 1) for c in header.columns]
    assert widths == [6.5, 10.0]
    borders = header._tbl.tblPr.find("{*}tblBorders")
    assert all(b.get(b.tag.replace(b.tag.split('}')[1], 'val')) == "nil" for b in borders)
    row1 = [[p.text for p in c.paragraphs] for c in header.rows[0].cells]
    row2 = [[p.text for p in c.paragraphs] for c in header.rows[1].cells]
    assert row1[0] == ["UBND TỈNH LAI CHÂU", "SỞ NỘI VỤ", ""]
    assert row1[1] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""]
    assert row2 == [["Số: 05/KH-SNV"], ["Lai Châu, ngày 05 tháng 01 năm 2026"]]


def test_header_formats(built):
    document = docx.Document(str(built))
    cells = blocks(document)[0].rows
    chu_quan, co_quan, rule = cells[0].cells[0].paragraphs
    qh, tn, tn_rule = cells[0].cells[1].paragraphs
    so, = cells[1].cells[0].paragraphs
    date, = cells[1].cells[1].paragraphs
    assert effective(chu_quan, "bold") is False and effective(chu_quan, "size") == Pt(13)
    assert effective(co_quan, "bold") is True and effective(co_quan, "size") == Pt(13)
    assert effective(qh, "bold") is True and effective(qh, "size") == Pt(13)
    assert effective(tn, "bold") is True and effective(tn, "size") == Pt(14)
    assert effective(so, "size") == Pt(13) and not effective(so, "bold")
    assert effective(date, "italic") is True and effective(date, "size") == Pt(14)
    # the short lines: a bottom border on an empty paragraph, narrowed by indents and centred
    for line, column in ((rule, 6.5), (tn_rule, 10.0)):
        assert line.text == "" and style_of(line) == "TdktDuongKe"
        ind = line._p.pPr.find("{*}ind") if line._p.pPr.find("{*}ind") is not None else line.style.element.pPr.find("{*}ind")
        left = int(ind.get(ind.tag.replace("ind", "left")))
        right = int(ind.get(ind.tag.replace("ind", "right")))
        assert left == right and 0 < column - (left + right) / 566.93 < column
    bdr = document.styles.get_by_id("TdktDuongKe", 1).element.pPr.find("{*}pBdr/{*}bottom")
    assert bdr.get(bdr.tag.replace("bottom", "val")) == "single"


def test_title_trich_yeu_and_body(built):
    document = docx.Document(str(built))
    paragraphs = [b for b in blocks(document) if not hasattr(b, "rows")]
    title, trich_yeu, line = paragraphs[:3]
    assert title.text == "KẾ HOẠCH" and effective(title, "bold") and title.style.paragraph_format.alignment == 1
    assert trich_yeu.text == "Tổ chức phong trào thi đua năm 2026" and effective(trich_yeu, "bold")
    assert style_of(line) == "TdktDuongKe"
    body = {p.text: p for p in paragraphs[3:]}
    can_cu = body["Căn cứ Luật Thi đua, khen thưởng năm 2022."]  # the only căn cứ, so the last
    assert effective(can_cu, "italic") is True
    muc = body["I. MỤC ĐÍCH, YÊU CẦU"]
    assert effective(muc, "bold") and style_of(muc) == "TdktMuc"
    assert effective(body["1. Mục đích"], "bold") is True
    assert not effective(body["2. Yêu cầu thiết thực."], "bold")
    para = body["Động viên toàn thể cán bộ (kể cả hợp đồng)."]
    fmt = para.style.paragraph_format
    base = para.style.base_style.paragraph_format if fmt.first_line_indent is None else fmt
    assert round(base.first_line_indent.cm, 2) == 1.27 and base.alignment == 3  # justified
    assert effective(para, "size") == Pt(14)
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in para.runs] == [
        ("Động viên ", False, False), ("toàn thể", True, False), (" cán bộ (", False, False),
        ("kể cả hợp đồng", False, True), (").", False, False)]
    assert "- Văn phòng Sở" in body and "+ Phòng Tổ chức" in body
    assert paragraphs[-1].text == "Trên đây là Kế hoạch của Sở Nội vụ./."


def test_noi_nhan_and_signature(built):
    document = docx.Document(str(built))
    table = blocks(document)[-1]
    left, right = table.rows[0].cells
    texts = [p.text for p in left.paragraphs]
    assert texts == ["Nơi nhận:", "- UBND tỉnh (b/c);", "- Các phòng thuộc Sở;", "- Lưu: VT, TCCB."]
    label = left.paragraphs[0]
    assert effective(label, "size") == Pt(12) and effective(label, "bold") and effective(label, "italic")
    assert all(effective(p, "size") == Pt(11) for p in left.paragraphs[1:])
    signer = [p.text for p in right.paragraphs]
    assert signer == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Lò Văn Minh"]
    assert all(effective(p, "bold") for p in right.paragraphs if p.text)
    assert all(p.style.paragraph_format.alignment == 1 for p in right.paragraphs)
    assert round(table.columns[0].width.cm, 1) == 6.5


def test_page_number_in_header_from_page_two(built):
    section = docx.Document(str(built)).sections[0]
    assert section.different_first_page_header_footer is True
    assert "".join(p.text for p in section.first_page_header.paragraphs) == ""
    instr = section.header._element.xpath(".//w:instrText")
    assert [i.text.strip() for i in instr] == ["PAGE"]
    assert section.header.paragraphs[0].style.style_id == "TdktSoTrang"


def test_every_data_file_builds(tmp_path):
    from tdkt_docs.build import collect

    jobs = collect([ROOT / "data"])
    assert jobs
    for job in jobs:
        outcome = build_one(job, tmp_path)
        assert outcome.error is None, (job.source, outcome.error)
        assert lines(outcome.written[0])


def test_template_is_a_plain_docx_with_named_styles():
    document = docx.Document(str(ROOT / "tdkt_docs" / "kinds" / "templates" / "ke_hoach.docx"))
    names = {s.name for s in document.styles}
    assert {"TĐKT Mục (I.)", "TĐKT Nội dung", "TĐKT Nơi nhận", "TĐKT Quốc hiệu"} <= names
