"""Documents typed the way clerks type them in Word, built with python-docx for `tdkt nhap`: the
header in a borderless table or laid out with tabs, numbers typed by hand or drawn by Word's own
multi-level list (numPr), the Nơi nhận and the signature side by side in a table, text in NFD."""
from __future__ import annotations

import io
import unicodedata

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

W = nsdecls("w")
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


class Typist:
    """Writes paragraphs into a document or a cell; `nfd` decomposes every letter as some Mac and
    web sources do (e.g. 'ệ' as 'e' + two combining marks)."""

    def __init__(self, nfd: bool = False):
        self.doc = Document()
        self.nfd = nfd

    def t(self, text: str) -> str:
        return unicodedata.normalize("NFD", text) if self.nfd else text

    def par(self, text: str = "", bold: bool = False, italic: bool = False, align=JUSTIFY, where=None,
            parts: list[tuple[str, bool, bool]] | None = None):
        container = where if where is not None else self.doc
        par = container.add_paragraph()
        par.alignment = align
        par.paragraph_format.space_after = Pt(0)
        for chunk, b, i in parts or [(text, bold, italic)]:
            if chunk:
                run = par.add_run(self.t(chunk))
                run.font.size = Pt(14)
                run.bold, run.italic = b or None, i or None
        return par

    def cell(self, cell, lines: list[tuple[str, bool]], align=CENTER) -> None:
        first = cell.paragraphs[0]
        for i, (text, bold) in enumerate(lines):
            par = first if i == 0 else cell.add_paragraph()
            par.alignment = align
            if text:
                run = par.add_run(self.t(text))
                run.bold = bold or None

    def table(self, rows: list[list[str]], bold_first: bool = True) -> None:
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            if len(row) > 2 and len(set(row[1:])) == 1 and row[1]:
                # A group row ("I | Tập thể"): the clerk merges the cells after the number.
                self.cell(table.cell(r, 0), [(row[0], True)])
                merged = table.cell(r, 1).merge(table.cell(r, len(row) - 1))
                self.cell(merged, [(row[1], True)], align=WD_ALIGN_PARAGRAPH.LEFT)
                continue
            for c, text in enumerate(row):
                self.cell(table.cell(r, c), [(text, bold_first and r == 0)])

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def header_table(ty: Typist, left: list[tuple[str, bool]], right: list[tuple[str, bool]]) -> None:
    table = ty.doc.add_table(rows=1, cols=2)
    ty.cell(table.cell(0, 0), left)
    ty.cell(table.cell(0, 1), right)


def closing_table(ty: Typist, recipients: list[str], signature: list[tuple[str, bool]]) -> None:
    table = ty.doc.add_table(rows=1, cols=2)
    left = [("Nơi nhận:", True)] + [(f"- {r};" if i < len(recipients) - 1 else f"- {r}.", False)
                                    for i, r in enumerate(recipients)]
    ty.cell(table.cell(0, 0), left, align=WD_ALIGN_PARAGRAPH.LEFT)
    ty.cell(table.cell(0, 1), signature)


def word_list(ty: Typist) -> dict[int, int]:
    """A Word multi-level list: I. / 1. / a) / - / +, as a clerk picks it in Word's list gallery.
    Returns {level: numId} (one list, the level in each paragraph's ilvl)."""
    numbering = ty.doc.part.numbering_part.element
    levels = (("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "-"), ("bullet", "+"))
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:suff w:val="space"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {W} w:abstractNumId="77"><w:multiLevelType w:val="multilevel"/>'
                         f'{lvls}</w:abstractNum>')
    nums = numbering.findall(qn("w:num"))
    if nums:
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {W} w:numId="177"><w:abstractNumId w:val="77"/></w:num>'))
    return {i: 177 for i in range(len(levels))}


def listed(ty: Typist, level: int, text: str, bold: bool = False) -> None:
    par = ty.par(text, bold=bold)
    ppr = par._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="177"/></w:numPr>'))


HEADER_LEFT = [("UBND HUYỆN TAM ĐƯỜNG", False), ("ỦY BAN NHÂN DÂN", True), ("XÃ BẢN GIANG", True),
               ("", False), ("Số: 08/KH-UBND", False)]
HEADER_RIGHT = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True), ("", False),
                ("Bản Giang, ngày 14 tháng 02 năm 2025", False)]
SIGNATURE = [("TM. ỦY BAN NHÂN DÂN", True), ("CHỦ TỊCH", True), ("", False), ("", False), ("", False),
             ("Lò Văn Thành", True)]
RECIPIENTS = ["UBND huyện Tam Đường", "Phòng Nội vụ huyện", "Các thôn, bản", "Lưu: VT"]

BODY_TYPED = [
    ("", "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", False),
    ("", "Ủy ban nhân dân xã Bản Giang xây dựng Kế hoạch tổ chức phong trào thi đua năm 2025 như sau:", False),
    ("I. ", "MỤC ĐÍCH, YÊU CẦU", True),
    ("1. ", "Mục đích", True),
    ("- ", "Động viên cán bộ, công chức và Nhân dân thi đua hoàn thành nhiệm vụ năm 2025.", False),
    ("+ ", "Các thôn, bản đăng ký danh hiệu thi đua trước ngày 15 tháng 3.", False),
    ("2. ", "Yêu cầu", True),
    ("", "Phong trào thi đua phải **thiết thực, hiệu quả**, tránh *hình thức*.", False),
    ("II. ", "NỘI DUNG THI ĐUA", True),
    ("1. ", "Thi đua thực hiện thắng lợi các chỉ tiêu kinh tế - xã hội của xã.", False),
    ("a) ", "Phát triển sản xuất nông nghiệp gắn với xây dựng nông thôn mới.", False),
    ("b) ", "Giữ vững quốc phòng, an ninh trên địa bàn.", False),
    ("2. ", "Thi đua xây dựng đời sống văn hóa ở khu dân cư.", False),
    ("III. ", "TỔ CHỨC THỰC HIỆN", True),
    ("", "Công chức Văn hóa - Xã hội tham mưu, theo dõi và tổng hợp kết quả thực hiện Kế hoạch.", False),
]
TABLE = [["TT", "Nội dung công việc", "Thời gian"], ["1", "Phát động phong trào thi đua", "Tháng 02/2025"],
         ["2", "Sơ kết 6 tháng", "Tháng 7/2025"]]
CLOSING = "Trên đây là Kế hoạch tổ chức phong trào thi đua năm 2025 của Ủy ban nhân dân xã Bản Giang./."


def _marks(text: str, bold: bool) -> list[tuple[str, bool, bool]]:
    """'a **b** *c*' as runs: what the clerk made bold or italic with Ctrl+B, Ctrl+I."""
    import re

    out = []
    for piece in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", text):
        if piece.startswith("**"):
            out.append((piece[2:-2], True, False))
        elif piece.startswith("*") and len(piece) > 1:
            out.append((piece[1:-1], bold, True))
        elif piece:
            out.append((piece, bold, False))
    return out


def _title(ty: Typist) -> None:
    ty.par("KẾ HOẠCH", bold=True, align=CENTER)
    ty.par("Tổ chức phong trào thi đua yêu nước năm 2025", bold=True, align=CENTER)


def _header_tabs(ty: Typist) -> None:
    lines = [("UBND HUYỆN TAM ĐƯỜNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False),
             ("ỦY BAN NHÂN DÂN\tĐộc lập - Tự do - Hạnh phúc", True), ("XÃ BẢN GIANG", True), ("", False),
             ("Số: 08/KH-UBND\tBản Giang, ngày 14 tháng 02 năm 2025", False)]
    for text, bold in lines:
        ty.par(text, bold=bold, align=WD_ALIGN_PARAGRAPH.LEFT)


def plan(header: str = "table", numbering: str = "typed", nfd: bool = False,
         closing: str = "table") -> bytes:
    """A kế hoạch as a clerk types it; `header` table|tabs, `numbering` typed|word."""
    ty = Typist(nfd)
    (header_table(ty, HEADER_LEFT, HEADER_RIGHT) if header == "table" else _header_tabs(ty))
    _title(ty)
    levels = {"I. ": 0, "II. ": 0, "III. ": 0, "1. ": 1, "2. ": 1, "a) ": 2, "b) ": 2, "- ": 3, "+ ": 4}
    if numbering == "word":
        word_list(ty)
    for label, text, bold in BODY_TYPED:
        if label and numbering == "word":
            listed(ty, levels[label], text.replace("*", ""), bold)
        else:
            ty.par(parts=_marks(label + text, bold))
        if text.startswith("Phong trào thi đua phải"):
            ty.table(TABLE)
    ty.par(CLOSING)
    if closing == "table":
        closing_table(ty, RECIPIENTS, SIGNATURE)
    else:
        ty.par("Nơi nhận:", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        for i, r in enumerate(RECIPIENTS):
            ty.par(f"- {r}{';' if i < len(RECIPIENTS) - 1 else '.'}", align=WD_ALIGN_PARAGRAPH.LEFT)
        for text, bold in SIGNATURE:
            ty.par(text, bold=bold, align=CENTER)
    return ty.bytes()


def petition() -> bytes:
    """A tờ trình typed in Word: Kính gửi, căn cứ, the request, the nominee table, the signature table."""
    ty = Typist()
    header_table(ty, [("UBND XÃ BẢN GIANG", False), ("TRƯỜNG TIỂU HỌC BẢN GIANG", True), ("", False),
                      ("Số: 03/TTr-TH", False)], HEADER_RIGHT[:3] + [("Bản Giang, ngày 20 tháng 5 năm 2025", False)])
    ty.par("TỜ TRÌNH", bold=True, align=CENTER)
    ty.par("Về việc đề nghị tặng Giấy khen năm học 2024 - 2025", bold=True, align=CENTER)
    ty.par("Kính gửi: Chủ tịch Ủy ban nhân dân xã Bản Giang", align=CENTER)
    ty.par("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")
    ty.par("Năm học 2024 - 2025, tập thể giáo viên nhà trường đã hoàn thành xuất sắc nhiệm vụ.")
    ty.par("Trường Tiểu học Bản Giang kính đề nghị Chủ tịch Ủy ban nhân dân xã Bản Giang xem xét, tặng Giấy khen "
           "cho 01 tập thể và 02 cá nhân, cụ thể như sau:")
    ty.table([["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Hình thức khen thưởng"],
              ["I", "Tập thể", "Tập thể", "Tập thể"], ["1", "Tổ chuyên môn khối 5", "", "Giấy khen"],
              ["II", "Cá nhân", "Cá nhân", "Cá nhân"], ["1", "Nguyễn Thị Lan", "Giáo viên", "Giấy khen"],
              ["2", "Hoàng Văn Minh", "Tổng phụ trách Đội", "Giấy khen"]])
    ty.par("(Có báo cáo thành tích kèm theo)", italic=True, align=CENTER)
    ty.par("Trường Tiểu học Bản Giang kính trình Chủ tịch Ủy ban nhân dân xã Bản Giang xem xét, quyết định./.")
    closing_table(ty, ["Như trên", "Lưu: VT"], [("HIỆU TRƯỞNG", True), ("", False), ("", False), ("Vũ Thị Hạnh", True)])
    return ty.bytes()


def minutes(members_in_table: bool = False) -> bytes:
    """A biên bản typed in Word: members numbered by hand with "Ông"/"Bà" (or in a table), a vote
    table of its own."""
    ty = Typist()
    header_table(ty, [("UBND XÃ BẢN GIANG", False), ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", True), ("", False),
                      ("Số: 01/BB-HĐTĐKT", False)], HEADER_RIGHT[:2])
    ty.par("BIÊN BẢN", bold=True, align=CENTER)
    ty.par("Họp Hội đồng Thi đua - Khen thưởng xã xét khen thưởng năm 2024", bold=True, align=CENTER)
    for text in ["Thời gian bắt đầu: 14 giờ 00 phút, ngày 10 tháng 01 năm 2025.",
                 "Địa điểm: Hội trường Ủy ban nhân dân xã Bản Giang.",
                 "Thành phần tham dự: thành viên Hội đồng Thi đua - Khen thưởng xã Bản Giang, có mặt 03/03 "
                 "thành viên, gồm:",
                 "MEMBERS",
                 "Chủ trì (chủ tọa): Ông Lò Văn Thành, Chủ tịch UBND xã, Chủ tịch Hội đồng.",
                 "Thư ký (người ghi biên bản): Ông Tẩn A Sử, Công chức Văn hóa - Xã hội, Ủy viên - Thư ký.",
                 "Nội dung (theo diễn biến cuộc họp):",
                 "Ông Tẩn A Sử báo cáo thành tích của các trường hợp được đề nghị; Hội đồng thảo luận và biểu "
                 "quyết giơ tay.",
                 "Kết quả biểu quyết:"]:
        if text != "MEMBERS":
            ty.par(text)
        elif members_in_table:
            ty.table([["STT", "Họ và tên", "Chức vụ", "Vai trò trong Hội đồng"],
                      ["1", "Ông Lò Văn Thành", "Chủ tịch UBND xã", "Chủ tịch Hội đồng"],
                      ["2", "Bà Vũ Thị Hạnh", "Hiệu trưởng Trường Tiểu học", "Ủy viên"],
                      ["3", "Ông Tẩn A Sử", "Công chức Văn hóa - Xã hội", "Ủy viên - Thư ký"]])
        else:
            for line in ("- Ông Lò Văn Thành, Chủ tịch UBND xã, Chủ tịch Hội đồng;",
                         "- Bà Vũ Thị Hạnh, Hiệu trưởng Trường Tiểu học, Ủy viên;",
                         "- Ông Tẩn A Sử, Công chức Văn hóa - Xã hội, Ủy viên - Thư ký."):
                ty.par(line)
    ty.table([["STT", "Họ và tên / Tên tập thể", "Hình thức khen thưởng", "Biểu quyết", "Đồng ý", "Tỷ lệ", "Kết quả"],
              ["I", "Cá nhân", "Cá nhân", "Cá nhân", "Cá nhân", "Cá nhân", "Cá nhân"],
              ["1", "Nguyễn Thị Lan", "Giấy khen", "Giơ tay", "03/03", "100%", "Đạt"]])
    ty.par("Kết luận: Hội đồng thống nhất đề nghị tặng Giấy khen cho 01 cá nhân.")
    ty.par("Giao công chức Văn hóa - Xã hội hoàn thiện hồ sơ.")
    ty.par("Cuộc họp kết thúc vào 15 giờ 30 phút, ngày 10 tháng 01 năm 2025./.")
    table = ty.doc.add_table(rows=1, cols=2)
    ty.cell(table.cell(0, 0), [("THƯ KÝ", True), ("", False), ("", False), ("Tẩn A Sử", True)])
    ty.cell(table.cell(0, 1), [("CHỦ TỌA", True), ("", False), ("", False), ("Lò Văn Thành", True)])
    ty.par("Nơi nhận:", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    ty.par("- Thành viên Hội đồng;", align=WD_ALIGN_PARAGRAPH.LEFT)
    ty.par("- Lưu: VT, Hồ sơ.", align=WD_ALIGN_PARAGRAPH.LEFT)
    return ty.bytes()
