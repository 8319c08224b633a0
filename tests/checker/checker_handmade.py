"""Documents built with python-docx the way a clerk makes them in Word: Word's default template
(theme fonts, Normal style), direct formatting in a borderless layout table, Word's own numbering
(numbering.xml), a header made with tabs, a header drawn in a text box, a biên bản."""
from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

W = nsdecls("w")
TNR = "Times New Roman"
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT


def _run(par, text, size=14, bold=False, italic=False, style=None):
    r = par.add_run(text, style=style)
    r.font.size = Pt(size)
    if bold:
        r.bold = True
    if italic:
        r.italic = True
    return r


def _par(container, text="", size=14, bold=False, italic=False, align=None, style=None):
    par = container.add_paragraph(style=style)
    if align is not None:
        par.alignment = align
    par.paragraph_format.space_after = Pt(0)
    if text:
        _run(par, text, size, bold, italic)
    return par


def _cell(cell):
    # A new cell holds one empty paragraph: reuse it for the first line, as Word does.
    first = cell.paragraphs[0]
    first.paragraph_format.space_after = Pt(0)

    def add(text="", size=14, bold=False, italic=False, align=CENTER):
        nonlocal first
        if first is not None:
            par, first = first, None
            par.alignment = align
            if text:
                _run(par, text, size, bold, italic)
            return par
        return _par(cell, text, size, bold, italic, align)
    return add


def _numbering(doc, fmt: str, text: str) -> int:
    """A one-level Word list (abstractNum + num) as Word writes it; returns its numId."""
    numbering = doc.part.numbering_part.element
    aid = 90 + len(numbering.findall(qn("w:abstractNum")))
    abstract = parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="{aid}"><w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        '<w:lvlJc w:val="left"/><w:suff w:val="space"/><w:pPr><w:ind w:left="0" w:firstLine="720"/></w:pPr></w:lvl>'
        '</w:abstractNum>')
    nums = numbering.findall(qn("w:num"))
    first_num = nums[0] if nums else None
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return _num_for(doc, aid)


def _num_for(doc, aid: int, restart: bool = False) -> int:
    numbering = doc.part.numbering_part.element
    nid = 200 + len(numbering.findall(qn("w:num")))
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    numbering.append(parse_xml(f'<w:num {W} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{override}</w:num>'))
    return nid


def _abstract_of(doc, nid: int) -> int:
    numbering = doc.part.numbering_part.element
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == str(nid):
            return int(num.find(qn("w:abstractNumId")).get(qn("w:val")))
    raise KeyError(nid)


def _numbered(doc, text: str, nid: int, style) -> None:
    par = doc.add_paragraph(style=style)
    ppr = par._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="{nid}"/></w:numPr>'))
    _run(par, text)


def _page_number_header(section) -> None:
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    par = header.paragraphs[0]
    par.alignment = CENTER
    for inner in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                  '<w:fldChar w:fldCharType="separate"/>', '<w:t>2</w:t>', '<w:fldChar w:fldCharType="end"/>'):
        par._p.append(parse_xml(f'<w:r {W}><w:rPr><w:sz w:val="28"/></w:rPr>{inner}</w:r>'))


def _theme_minor(doc, font: str) -> None:
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/theme"):
            part = rel.target_part
            xml = part.blob.decode("utf-8")
            start = xml.index("<a:minorFont>")
            i = xml.index('typeface="', start) + len('typeface="')
            j = xml.index('"', i)
            part._blob = (xml[:i] + font + xml[j:]).encode("utf-8")
            return
    raise AssertionError("no theme part")


def _textbox(paragraph, lines: list[tuple[str, int, bool]]) -> None:
    """A floating text box holding lines (text, size, bold), as Word draws one (wps:txbx)."""
    inner = "".join(
        f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="{TNR}" w:hAnsi="{TNR}"/>'
        f'{"<w:b/>" if bold else ""}<w:sz w:val="{size * 2}"/></w:rPr><w:t>{text}</w:t></w:r></w:p>'
        for text, size, bold in lines)
    drawing = parse_xml(
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>3000000</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="3600000" cy="600000"/><wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:spPr/><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
    paragraph._p.append(drawing)


def make(kind: str = "ke_hoach", *, normal_font: str | None = TNR, theme_minor: str | None = None,
         header: str = "table", letters: int = 4, continue_list: bool = False, toggle_qh: bool = False,
         swap_signers: bool = False, date_in_bien_ban: bool = False, typed_letters: str | None = None,
         closing: str = "table") -> bytes:
    doc = Document()
    normal = doc.styles["Normal"]
    if normal_font:
        normal.font.name = normal_font
    normal.font.size = Pt(14)
    if theme_minor:
        _theme_minor(doc, theme_minor)
    body_style = doc.styles.add_style("Noi dung VB", 1)
    body_style.base_style = normal
    pf = body_style.paragraph_format
    pf.alignment = JUSTIFY
    pf.first_line_indent = Cm(1.27)
    pf.space_before = Pt(6)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    _page_number_header(section)

    bien_ban = kind == "bien_ban"
    so = "Số: 03/BB-HĐTĐKT" if bien_ban else "Số: 12/KH-UBND"
    date = "Tam Đường, ngày 05 tháng 3 năm 2024"
    if header == "tabs":
        for left, right, lsize, rsize, rbold, ritalic, lbold in (
                ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, 13, True, False, True),
                ("HUYỆN TAM ĐƯỜNG", "Độc lập - Tự do - Hạnh phúc", 13, 14, True, False, True),
                (so, date, 13, 14, False, True, False)):
            par = _par(doc, align=LEFT)
            par.paragraph_format.tab_stops.add_tab_stop(Cm(3.2), WD_TAB_ALIGNMENT.CENTER)
            par.paragraph_format.tab_stops.add_tab_stop(Cm(11.5), WD_TAB_ALIGNMENT.CENTER)
            _run(par, "\t" + left, lsize, bold=lbold)
            _run(par, "\t" + right, rsize, bold=rbold, italic=ritalic)
            if left == "HUYỆN TAM ĐƯỜNG":
                # The short rules under the issuing body and the Tiêu ngữ: line shapes in a paragraph
                # of their own, as Word draws them (Insert › Shapes › Line).
                _par(doc, align=LEFT)._p.append(parse_xml(
                    f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:line id="l1" '
                    'from="40pt,2pt" to="110pt,2pt"/></w:pict></w:r>'))
    else:
        table = doc.add_table(rows=2, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        left, right = _cell(table.cell(0, 0)), _cell(table.cell(0, 1))
        left("ỦY BAN NHÂN DÂN" if not bien_ban else "UBND HUYỆN TAM ĐƯỜNG", 13, bold=not bien_ban)
        left("HUYỆN TAM ĐƯỜNG" if not bien_ban else "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", 13, bold=True)
        left("__________", 13)
        if header == "textbox":
            _textbox(table.cell(0, 1).paragraphs[0], [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True),
                                                       ("Độc lập - Tự do - Hạnh phúc", 14, True)])
        else:
            qh = right("", 13)
            if toggle_qh:
                qh_style = doc.styles.add_style("Quoc hieu", 1)
                qh_style.base_style = normal
                qh_style.font.bold = True
                qh_style.font.size = Pt(13)
                qh.style = qh_style
                # The character style "Strong" is bold too: bold on bold shows as not bold in Word.
                _run(qh, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, style="Strong")
            else:
                _run(qh, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True)
            right("Độc lập - Tự do - Hạnh phúc", 14, bold=True)
            right("_________________________", 14)
        _cell(table.cell(1, 0))(so, 13)
        if not bien_ban or date_in_bien_ban:
            _cell(table.cell(1, 1))(date, 14, italic=True)

    _par(doc, "BIÊN BẢN" if bien_ban else "KẾ HOẠCH", 14, bold=True, align=CENTER).paragraph_format.space_before = Pt(12)
    _par(doc, "Họp Hội đồng Thi đua - Khen thưởng huyện" if bien_ban else "Tổ chức phong trào thi đua năm 2024",
         14, bold=True, align=CENTER)
    _par(doc, "__________", 14, align=CENTER)

    style = body_style
    if bien_ban:
        for text in ("Thời gian bắt đầu: 08 giờ 00, ngày 05 tháng 3 năm 2024.",
                     "Địa điểm: Hội trường Ủy ban nhân dân huyện Tam Đường.",
                     "Thành phần tham dự: 09/11 thành viên Hội đồng có mặt.",
                     "Chủ trì (chủ tọa): ông Nguyễn Văn An, Chủ tịch Hội đồng.",
                     "Thư ký (người ghi biên bản): bà Lê Thị Bình.",
                     "Nội dung: Hội đồng xét đề nghị khen thưởng năm 2024; kết quả biểu quyết 09/09 phiếu đồng ý, "
                     "đạt 100%.",
                     "Cuộc họp kết thúc vào 11 giờ 00, ngày 05 tháng 3 năm 2024./."):
            _run(doc.add_paragraph(style=style), text)
    else:
        _run(doc.add_paragraph(style=style), "Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022.", italic=True)
        _run(doc.add_paragraph(style=style), "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
        khoan = _numbering(doc, "decimal", "%1.")
        _numbered(doc, "Phát động phong trào thi đua sâu rộng trong cán bộ, công chức và nhân dân.", khoan, style)
        _numbered(doc, "Khen thưởng kịp thời, chính xác các tập thể, cá nhân tiêu biểu.", khoan, style)
        _run(doc.add_paragraph(style=style), "II. NỘI DUNG", bold=True)
        second = khoan if continue_list else _num_for(doc, _abstract_of(doc, khoan), restart=True)
        _numbered(doc, "Các phong trào thi đua:", second, style)
        if typed_letters is not None:
            for n, letter in enumerate(typed_letters):
                _run(doc.add_paragraph(style=style), f"{letter}) Phong trào thi đua số {n + 1} của huyện Tam Đường;")
        else:
            diem = _numbering(doc, "lowerLetter", "%1)")
            for n in range(letters):
                _numbered(doc, f"Phong trào thi đua số {n + 1} của huyện Tam Đường;", diem, style)
        _run(doc.add_paragraph(style=style), "Các cơ quan, đơn vị tổ chức thực hiện Kế hoạch này./.")

    def noi_nhan(add):
        add("Nơi nhận:", 12, bold=True, italic=True, align=LEFT)
        for line in ("- Ban Thi đua - Khen thưởng tỉnh;", "- Các cơ quan, đơn vị;", "- Lưu: VT, NV."):
            add(line, 11, align=LEFT)

    if bien_ban:
        sign = doc.add_table(rows=1, cols=2)
        left, right = _cell(sign.cell(0, 0)), _cell(sign.cell(0, 1))
        a, b = ("CHỦ TỌA", "THƯ KÝ") if swap_signers else ("THƯ KÝ", "CHỦ TỌA")
        name_a, name_b = ("Nguyễn Văn An", "Lê Thị Bình") if swap_signers else ("Lê Thị Bình", "Nguyễn Văn An")
        for add, title, name in ((left, a, name_a), (right, b, name_b)):
            add(title, 14, bold=True)
            add("", 14)
            add("", 14)
            add(name, 14, bold=True)

        def flow(text, size, bold=False, italic=False, align=LEFT):
            return _par(doc, text, size, bold, italic, align)
        flow("", 12)
        noi_nhan(flow)
    elif closing == "flow":
        # Typed without a table: Nơi nhận at the left, then the signature centred in the right half.
        def flow_left(text, size, bold=False, italic=False, align=LEFT):
            return _par(doc, text, size, bold, italic, align)
        noi_nhan(flow_left)
        for text, bold in (("TM. ỦY BAN NHÂN DÂN", True), ("CHỦ TỊCH", True), ("", False), ("", False),
                           ("Nguyễn Văn An", True)):
            par = _par(doc, text, 14, bold, align=CENTER)
            par.paragraph_format.left_indent = Cm(8)
    else:
        closing = doc.add_table(rows=1, cols=2)
        noi_nhan(_cell(closing.cell(0, 0)))
        right = _cell(closing.cell(0, 1))
        right("TM. ỦY BAN NHÂN DÂN", 14, bold=True)
        right("CHỦ TỊCH", 14, bold=True)
        right("", 14)
        right("", 14)
        right("Nguyễn Văn An", 14, bold=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
