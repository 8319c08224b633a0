"""Giấy khen: one page per awardee of a decision, A4 landscape unless the clerk sets the size.

Either the whole certificate (Quốc hiệu, the issuer, GIẤY KHEN, the name, the achievement, the
decision's number, the place and date, the signer), or, for blanks printed in advance, only the
lines that change, each in a frame at the position the clerk measured in millimetres.
A name too long for its line is set smaller, down to 2/3 of its size; longer, it is an error at the
line where the name was typed.
"""
from __future__ import annotations

import math

from markupsafe import Markup

from tdkt_docs import vn
from tdkt_docs.errors import InputError
from tdkt_docs.input.loader import Loaded
from tdkt_docs.kinds.markup import Fragment, escape, strip_bad_xml
from tdkt_docs.kinds.nominees import Nominee, at, verb
from tdkt_docs.kinds.quyet_dinh import Decision
from tdkt_docs.kinds.rendering import Rendering
from tdkt_docs.model import GiayKhen, ViTri
from tdkt_docs.model.quyet_dinh import KHO
from tdkt_docs.vn import text_width_cm

TWIPS_PER_MM = 56.693
MARGIN_MM = 15
# A double frame round the page, 8 mm in from its edge: on plain paper the certificate looks like one.
BORDER = Markup('<w:pgBorders w:offsetFrom="page">' + "".join(
    f'<w:{side} w:val="double" w:sz="12" w:space="24" w:color="000000"/>' for side in ("top", "left", "bottom", "right"))
    + "</w:pgBorders>")
SMALLEST_SHARE = 2 / 3  # a name is never set below this share of its size
LINE_SIZE_PT = 15


def page_size(gk: GiayKhen) -> tuple[float, float]:
    """(width, height) in mm."""
    if gk.rong_mm and gk.cao_mm:
        return gk.rong_mm, gk.cao_mm
    short, long_ = KHO[gk.kho_giay]
    return (long_, short) if gk.huong == "ngang" else (short, long_)


def name_size(name: str, width_mm: float, size: float, loaded: Loaded | None, path: tuple) -> float:
    """The largest size (by half points) at which the name fits its line, not below 2/3 of `size`."""
    room_cm = width_mm / 10 * 0.95  # the width estimate may be a little short of the font's
    needed = text_width_cm(name, size, True)
    if needed <= room_cm:
        return size
    fitted = math.floor(size * room_cm / needed * 2) / 2
    smallest = math.ceil(size * SMALLEST_SHARE * 2) / 2
    if fitted < smallest:
        raise InputError(at(loaded, path + ("ten",), (
            f"'{name}' quá dài cho dòng tên trên giấy khen: ở cỡ chữ nhỏ nhất {_pt(smallest)} pt tên cần "
            f"{text_width_cm(name, smallest, True) * 10:.0f} mm, dòng tên chỉ rộng {room_cm * 10:.0f} mm; hãy viết "
            "tên ngắn hơn (phần đơn vị, địa danh chuyển sang 'chuc_vu_don_vi'), hoặc trong 'giay_khen' giảm "
            "'co_chu_ten' hay chọn khổ giấy lớn hơn (kho_giay: A3)")))
    return fitted


def _pt(size: float) -> str:
    return f"{size:g}".replace(".", ",")


def _para(style: str, text: str, size: float | None = None, extra: str = "", bold: bool = False,
          italic: bool = False) -> str:
    props = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    if size:
        half = int(round(size * 2))
        props += f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    # Word shows a raw line feed or tab inside <w:t> as a space: they become <w:br/> and <w:tab/>.
    lines = strip_bad_xml(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>'.replace(
        "\t", '</w:t><w:tab/><w:t xml:space="preserve">') for line in lines)
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr><w:r>{rpr}{body}</w:r></w:p>'


def _capital(text: str) -> str:
    text = text.strip().rstrip(";,")
    return text[:1].upper() + text[1:]


def _numbers(decision: Decision, gk: GiayKhen, index: int) -> str:
    book = str(gk.so_vao_so + index) if gk.so_vao_so is not None else vn.BLANK_NUMBER * 2
    return f"Số QĐ: {decision.number} {decision.date}\nSố vào sổ: {book}"


TITLE_PT, TITLE_LONG_PT = 48, 30


def _title(gk: GiayKhen, n: Nominee, cach: str) -> tuple[str, str, float | None]:
    """The verb line, the title and, for a long title, its smaller size: 'TẶNG' / 'GIẤY KHEN', or for a
    danh hiệu 'TẶNG DANH HIỆU' / 'CHIẾN SĨ THI ĐUA CẤP TỈNH'."""
    word = vn.upper(verb(cach))
    if gk.tieu_de:
        title = vn.upper(gk.tieu_de)
        return word, title, TITLE_LONG_PT if len(title) > 12 else None
    if vn.danh_hieu(n.hinh_thuc) != n.hinh_thuc.strip():
        return f"{word} DANH HIỆU", vn.upper(n.hinh_thuc), TITLE_LONG_PT
    return word, ("BẰNG KHEN" if n.hinh_thuc.casefold().startswith("bằng khen") else "GIẤY KHEN"), None


def full_page(decision: Decision, gk: GiayKhen, n: Nominee, index: int, width_mm: float, size: float) -> str:
    doc = decision.doc
    page_break = "<w:pageBreakBefore/>" if index else ""
    rule_side = int((width_mm - 2 * MARGIN_MM - 64) / 2 * TWIPS_PER_MM)
    word, title, title_pt = _title(gk, n, decision.doc.cach)
    out = [_para("TdktGkQuocHieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", extra=page_break),
           _para("TdktGkQuocHieu", "Độc lập - Tự do - Hạnh phúc"),
           f'<w:p><w:pPr><w:pStyle w:val="TdktDuongKe"/><w:ind w:left="{rule_side}" w:right="{rule_side}"/></w:pPr></w:p>',
           _para("TdktGkNguoiTang", decision.authority),
           _para("TdktGkTang", word),
           _para("TdktGkTieuDe", title, size=title_pt),
           _para("TdktGkTen", n.ten, size=size)]
    if n.chuc_vu_don_vi:
        out.append(_para("TdktGkDong", n.chuc_vu_don_vi))
    out.append(_para("TdktGkThanhTich", _capital(doc.thanh_tich)))
    place = vn.dia_danh_ngay(doc.dia_danh, doc.ngay.ngay, doc.ngay.thang, doc.ngay.nam)
    signer = [vn.upper(x) for x in doc.nguoi_ky.quyen_han_lines] + [vn.upper(doc.nguoi_ky.chuc_vu)]
    left = _para("TdktGkChan", _numbers(decision, gk, index))
    right = (_para("TdktGkKy", place, italic=True, extra='<w:spacing w:before="360"/>')
             + "".join(_para("TdktGkKy", line, bold=True) for line in signer)
             + _para("TdktGkKy", "", extra='<w:spacing w:line="1300" w:lineRule="exact"/>')
             + _para("TdktGkKy", doc.nguoi_ky.ho_ten, bold=True))
    half = int((width_mm - 2 * MARGIN_MM) / 2 * TWIPS_PER_MM)
    none = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out.append(f'<w:tbl><w:tblPr><w:tblW w:w="{2 * half}" w:type="dxa"/><w:tblBorders>{none}</w:tblBorders>'
               f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="{half}"/>'
               f'<w:gridCol w:w="{half}"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>'
               f'<w:tc><w:tcPr><w:tcW w:w="{half}" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>{left}</w:tc>'
               f'<w:tc><w:tcPr><w:tcW w:w="{half}" w:type="dxa"/></w:tcPr>{right}</w:tc></w:tr></w:tbl>')
    return "".join(out)


def _framed(spot: ViTri, text: str, shift: tuple[float, float], size: float | None = None, bold: bool = False,
            italic: bool = False) -> str:
    x = int(round((spot.x_mm + shift[0]) * TWIPS_PER_MM))
    y = int(round((spot.y_mm + shift[1]) * TWIPS_PER_MM))
    w = int(round(spot.rong_mm * TWIPS_PER_MM))
    align = {"giua": "center", "trai": "left", "phai": "right"}[spot.can]
    frame = (f'<w:framePr w:w="{w}" w:wrap="around" w:hAnchor="page" w:vAnchor="page" w:x="{x}" w:y="{y}"/>'
             f'<w:spacing w:before="0" w:after="0"/><w:jc w:val="{align}"/>')
    return _para("TdktGkInSan", text, size=spot.co_chu or size, extra=frame, bold=bold, italic=italic)


def blank_page(decision: Decision, gk: GiayKhen, n: Nominee, index: int, size: float) -> str:
    """Only the lines that change, each where the blank leaves room for it."""
    spots = gk.in_san
    doc = decision.doc
    shift = (spots.lech_x_mm, spots.lech_y_mm)
    # A paragraph one point high before the frames breaks the page (Word places a frame on the page
    # where it flows), one after them anchors them (LibreOffice anchors a frame to the paragraph
    # that follows it): so both put each awardee's lines on that awardee's page.
    tiny = '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    out = [f'<w:p><w:pPr><w:pStyle w:val="TdktGkInSan"/><w:pageBreakBefore/>{tiny}</w:pPr></w:p>' if index else "",
           _framed(spots.ten, n.ten, shift, size=size, bold=True)]
    if spots.chuc_vu_don_vi and n.chuc_vu_don_vi:
        out.append(_framed(spots.chuc_vu_don_vi, n.chuc_vu_don_vi, shift))
    if spots.thanh_tich:
        out.append(_framed(spots.thanh_tich, _capital(doc.thanh_tich), shift, italic=True))
    if spots.ngay:
        out.append(_framed(spots.ngay, vn.dia_danh_ngay(doc.dia_danh, doc.ngay.ngay, doc.ngay.thang, doc.ngay.nam),
                           shift, italic=True))
    if spots.so_quyet_dinh:
        out.append(_framed(spots.so_quyet_dinh, _numbers(decision, gk, index), shift, size=12))
    if spots.ho_ten_ky:
        out.append(_framed(spots.ho_ten_ky, doc.nguoi_ky.ho_ten, shift, bold=True))
    out.append(f'<w:p><w:pPr><w:pStyle w:val="TdktGkInSan"/>{tiny}</w:pPr></w:p>')
    return "".join(out)


def build(decision: Decision, gk: GiayKhen, loaded: Loaded | None) -> Rendering:
    width, height = page_size(gk)
    line_mm = gk.in_san.ten.rong_mm if gk.in_san else width - 2 * MARGIN_MM
    problems, pages = [], []
    for i, n in enumerate(decision.awardees):
        try:
            size = name_size(n.ten, line_mm, (gk.in_san.ten.co_chu if gk.in_san and gk.in_san.ten.co_chu
                                              else gk.co_chu_ten), loaded, n.path)
        except InputError as exc:
            problems += exc.problems
            continue
        pages.append(blank_page(decision, gk, n, i, size) if gk.in_san else full_page(decision, gk, n, i, width, size))
    if problems:
        raise InputError(problems)
    trang = {"noi_dung": Fragment("".join(pages)), "khuon": _section(width, height, "" if gk.in_san else BORDER)}
    doc = decision.doc
    return Rendering("giay_khen.docx", {"trang": trang}, suffix=".giay-khen", title="Giấy khen",
                     date=f"{doc.ngay.nam:04d}-{(doc.ngay.thang or 1):02d}-{(doc.ngay.ngay or 1):02d}",
                     creator=doc.co_quan.ten.replace("\n", " "), nd30=False)


def _section(width: float, height: float, border: str) -> Fragment:
    """The page: its size and orientation in twips, margins, and the frame unless printing on a blank."""
    margin = int(MARGIN_MM * TWIPS_PER_MM)
    orient = "landscape" if width > height else "portrait"
    return Fragment(f'<w:sectPr><w:pgSz w:w="{int(round(width * TWIPS_PER_MM))}" w:h="{int(round(height * TWIPS_PER_MM))}" '
                    f'w:orient="{orient}"/><w:pgMar w:top="{margin}" w:right="{margin}" w:bottom="{margin}" '
                    f'w:left="{margin}" w:header="0" w:footer="0" w:gutter="0"/>{border}<w:cols w:space="720"/>'
                    '<w:docGrid w:linePitch="360"/></w:sectPr>')
