"""The header (PL I.II.1–4): Quốc hiệu, Tiêu ngữ, issuing body, Số and ký hiệu, place and date."""
from __future__ import annotations

import re
from datetime import date

from ..conventions import ABBREVIATIONS, MIXED_CASE_ISSUERS, expected_abbr
from ..layout import Layout
from ..vntext import fold, is_upper, key, nfc, squash
from . import Report
from .common import check_size, check_style, size_of

QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TN = "Độc lập - Tự do - Hạnh phúc"
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
_TEXTBOX = ("nằm trong khung văn bản (text box) hoặc hình vẽ, chương trình không đọc được định dạng ở đó; "
            "hãy kiểm tra bằng mắt, hoặc trình bày phần đầu văn bản bằng bảng 2 cột không viền")


def _missing(rep: Report, rule: str, lay: Layout, element: str, what: str, hint: str = "") -> None:
    if element in lay.in_textbox:
        rep.unevaluable(rule, f"{what} {_TEXTBOX}")
    else:
        rep.unevaluable(rule, f"không tìm thấy {what}{hint}")


def _accents(text: str) -> str:
    # Old and new tone placement are the same word: HOÀ = HÒA (the decree's own table writes HOÀ).
    return nfc(text).replace("OÀ", "ÒA").replace("oà", "òa").replace("OÁ", "ÓA").replace("oá", "óa")


def quoc_hieu(lay: Layout, rep: Report) -> None:
    span = lay.quoc_hieu
    if span is None:
        _missing(rep, "ND30.QUOC_HIEU.PRESENT", lay, "quoc_hieu", f"dòng Quốc hiệu «{QH}»",
                 " ở đầu văn bản (thiếu, hoặc được vẽ bằng hình)")
        return
    text = squash(span.text)
    if key(text) != key(QH) or _accents(text.upper()) != _accents(QH):
        rep.add("ND30.QUOC_HIEU.TEXT", span.para, f"Quốc hiệu viết sai: «{text}»", QH, text, text=text)
    elif not is_upper(text):
        rep.add("ND30.QUOC_HIEU.CASE", span.para, "Quốc hiệu phải in hoa toàn bộ", "chữ in hoa", text, text=text)
    check_size(rep, "ND30.QUOC_HIEU.SIZE", span, 12, 13, "Quốc hiệu")
    check_style(rep, "ND30.QUOC_HIEU.STYLE", span, "Quốc hiệu", bold=True, italic=False)


def tieu_ngu(lay: Layout, rep: Report) -> None:
    span = lay.tieu_ngu
    if span is None:
        _missing(rep, "ND30.TIEU_NGU.PRESENT", lay, "tieu_ngu", f"dòng Tiêu ngữ «{TN}»", " dưới Quốc hiệu")
        return
    text = squash(span.text)
    plain = text.translate(_DASHES)
    if _accents(plain.lower()) != _accents(TN.lower()):
        if _accents(re.sub(r"\s*-\s*", " - ", plain).lower()) == _accents(TN.lower()):
            msg = "giữa các cụm từ của Tiêu ngữ là gạch nối có cách chữ hai bên: « - »"
        else:
            msg = f"Tiêu ngữ viết sai: «{text}»"
        rep.add("ND30.TIEU_NGU.TEXT", span.para, msg, TN, text, text=text)
    elif plain != text:
        rep.add("ND30.TIEU_NGU.TEXT", span.para, "giữa các cụm từ của Tiêu ngữ dùng gạch nối (-), không dùng dấu "
                "gạch dài (– hoặc —) mà Word tự đổi khi gõ", TN, text, severity="warning", text=text)
    if _accents(plain.lower()) == _accents(TN.lower()) and _accents(plain) != _accents(TN):
        rep.add("ND30.TIEU_NGU.CASE", span.para, "Tiêu ngữ in thường, chỉ viết hoa chữ cái đầu mỗi cụm từ",
                TN, text, text=text)
    check_size(rep, "ND30.TIEU_NGU.SIZE", span, 13, 14, "Tiêu ngữ")
    check_style(rep, "ND30.TIEU_NGU.STYLE", span, "Tiêu ngữ", bold=True, italic=False)


def size_pair(lay: Layout, rep: Report) -> None:
    if lay.quoc_hieu is None or lay.tieu_ngu is None:
        return
    qh, tn = size_of(lay.quoc_hieu), size_of(lay.tieu_ngu)
    # Only when each size is in its own range; otherwise SIZE has said it already.
    if qh is None or tn is None or not 12 <= qh <= 13 or not 13 <= tn <= 14:
        return
    if tn != qh + 1:
        found = f"Quốc hiệu {qh:g} pt, Tiêu ngữ {tn:g} pt"
        rep.add("ND30.TIEU_NGU.SIZE_PAIR", lay.tieu_ngu.para, f"{found}: Quốc hiệu cỡ 12 thì Tiêu ngữ cỡ 13, "
                "Quốc hiệu cỡ 13 thì Tiêu ngữ cỡ 14", "12/13 hoặc 13/14", found, text=lay.tieu_ngu.text)


def co_quan(lay: Layout, rep: Report) -> None:
    if not lay.co_quan:
        _missing(rep, "ND30.CO_QUAN.PRESENT", lay, "co_quan", "tên cơ quan ban hành",
                 " ở góc trên bên trái, phía trên dòng «Số:»")
        return
    for span in lay.co_quan:
        text = squash(span.text)
        if not is_upper(text):
            rep.add("ND30.CO_QUAN.CASE", span.para, "tên cơ quan ban hành phải in hoa", "chữ in hoa", text, text=text)
        check_size(rep, "ND30.CO_QUAN.SIZE", span, 12, 13, "Tên cơ quan ban hành", group=True)
        check_style(rep, "ND30.CO_QUAN.STYLE", span, "Tên cơ quan ban hành", bold=True, italic=False, group=True)
    for span in lay.chu_quan:
        text = squash(span.text)
        if not is_upper(text):
            rep.add("ND30.CHU_QUAN.CASE", span.para, "tên cơ quan chủ quản phải in hoa", "chữ in hoa", text,
                    text=text)
        check_size(rep, "ND30.CHU_QUAN.SIZE", span, 12, 13, "Tên cơ quan chủ quản", group=True)
        check_style(rep, "ND30.CHU_QUAN.STYLE", span, "Tên cơ quan chủ quản", italic=False, group=True)


_BLANK = re.compile(r"^[\s.…_]*$")
_GROUP = re.compile(r"^[0-9A-ZĐÀ-Ỹa-zđà-ỹ&]+$")


def so_ky_hieu(lay: Layout, rep: Report) -> None:
    span = lay.so
    if span is None and lay.kind == "bien_ban":
        return  # Mẫu 1.9 has the line, but a unit's own biên bản often goes without one
    if span is None:
        _missing(rep, "ND30.SO_KY_HIEU.PRESENT", lay, "so", "dòng «Số: …/…»", " dưới tên cơ quan ban hành")
        return
    text = nfc(span.text.strip())
    shown = squash(text)
    para = span.para

    def fmt_error(msg: str, expected: str = "Số: 05/KH-UBND") -> None:
        rep.add("ND30.SO_KY_HIEU.FORMAT", para, msg, expected, shown, text=shown)

    word = re.match(r"^[^\s:.;\d/]*", text).group(0)
    after = text[len(word):]
    colon = after.lstrip().startswith(":")
    rest = after.lstrip()[1:] if colon else after
    if not text.startswith("Số:"):
        if word != "Số" and fold(word) == "SO":
            fmt_error("chữ «Số» viết thường (chỉ «S» hoa), liền sau là dấu hai chấm: «Số:»")
        elif not colon:
            fmt_error("sau chữ «Số» phải có dấu hai chấm (:)")
        else:
            fmt_error("viết «Số:» liền, không cách trước dấu hai chấm")
    if "/" not in rest:
        fmt_error("thiếu dấu gạch chéo (/) giữa số và ký hiệu")
        return
    number, symbol = rest.split("/", 1)
    _number(rep, para, number, shown, fmt_error)
    symbol = symbol.rstrip()
    if symbol != symbol.lstrip() or re.search(r"\s", symbol.strip()):
        fmt_error("ký hiệu viết liền, không cách chữ (ví dụ KH-UBND)")
        symbol = re.sub(r"\s+", "", symbol)
    if re.match(r"^\d{4}/", symbol) and lay.legal:
        symbol = symbol[5:]  # a legal document's number carries its year (Luật Ban hành VBQPPL)
    elif re.match(r"^\d{4}/", symbol):
        rep.add("ND30.SO_KY_HIEU.FORMAT", para, "văn bản hành chính không ghi năm trong số, ký hiệu",
                "Số: 05/KH-UBND", shown, severity="warning", text=shown)
        symbol = symbol[5:]
    groups = symbol.split("-")
    # A form to be filled may leave the issuer blank: "Số:   /BC-".
    if len(groups) > 1 and _BLANK.match(groups[-1]):
        groups = groups[:-1]
        issuer_blank = True
    else:
        issuer_blank = False
    if not groups or not groups[0]:
        fmt_error("thiếu ký hiệu văn bản sau dấu gạch chéo")
        return
    for g in groups:
        if not _GROUP.match(g):
            fmt_error(f"nhóm chữ «{g}» trong ký hiệu chỉ gồm chữ và số, các nhóm nối bằng gạch nối (-)")
            return
    first = groups[0]
    expected = _type_abbreviation(lay, rep, para, first, shown)
    if len(groups) == 1 and not issuer_blank:
        fmt_error("ký hiệu gồm chữ viết tắt tên loại và tên cơ quan ban hành, nối bằng gạch nối: ví dụ KH-UBND")
    for g in groups[1:]:
        if g != g.upper() and g not in MIXED_CASE_ISSUERS:
            fmt_error(f"chữ viết tắt tên cơ quan «{g}» phải in hoa")
            break
    if first not in ABBREVIATIONS and first != first.upper() and expected == set():
        fmt_error(f"ký hiệu «{first}» phải in hoa")
    check_size(rep, "ND30.SO_KY_HIEU.SIZE", span, 13, 13, "Số, ký hiệu")
    check_style(rep, "ND30.SO_KY_HIEU.STYLE", span, "Số, ký hiệu", italic=False)


def _number(rep: Report, para, number: str, shown: str, fmt_error) -> None:
    """The number before the '/': Arabic digits, a leading zero below 10, or left blank in a draft."""
    if _BLANK.match(number):
        return
    number_s = number.strip()
    if not number_s.isdigit():
        fmt_error(f"số văn bản «{number_s}» phải là chữ số Ả Rập")
    elif number.rstrip() != number:
        fmt_error("không cách chữ giữa số và dấu gạch chéo (/)")
    elif len(number_s) == 1:
        rep.add("ND30.SO_KY_HIEU.LEADING_ZERO", para, f"số {number_s} nhỏ hơn 10 phải có số 0 phía trước",
                f"0{number_s}", number_s, text=shown)


def _type_abbreviation(lay: Layout, rep: Report, para, first: str, shown: str):
    """The first group of the ký hiệu names the document's type (Phụ lục III); the abbreviations
    the tên loại allows (an empty set for a công văn, None when the type is unknown)."""
    expected = expected_abbr(lay.type_name)
    if expected is None and lay.type_name is None:
        pass  # no tên loại: the type cannot be told
    elif expected == set():
        pass  # công văn: the symbol is issuer + unit, no type abbreviation
    elif expected is None:
        if first not in ABBREVIATIONS:
            rep.add("ND30.SO_KY_HIEU.TYPE", para, f"«{first}» không phải chữ viết tắt tên loại văn bản trong Phụ lục III",
                    "một chữ viết tắt của Phụ lục III (BC, KH, TTr…)", first, text=shown)
    elif first not in expected and any(first.startswith(e) for e in expected):
        # "BBTĐ", "KHTĐ": the unit's own longer form of the abbreviation; a văn thư may ask for the short one.
        want = "/".join(sorted(expected))
        rep.add("ND30.SO_KY_HIEU.TYPE", para, f"{lay.type_name.lower()} có ký hiệu theo Phụ lục III là «{want}»; "
                f"«{first}» là cách viết riêng của đơn vị", want, first, severity="warning", text=shown)
    elif first not in expected:
        want = "/".join(sorted(expected))
        name = lay.type_name.lower()
        note = f" (Phụ lục III viết đúng «{want}»)" if first.upper() == want.upper() else ""
        rep.add("ND30.SO_KY_HIEU.TYPE", para, f"{name} có ký hiệu bắt đầu bằng «{want}», không phải «{first}»{note}",
                want, first, text=shown)
    return expected


_DATE = re.compile(r"^(?P<place>.*?)\s*(?P<comma>,?)\s*(?P<ngay>ngày)\s*(?P<d>\S*?)\s*(?P<thang>tháng)\s*(?P<m>\S*?)"
                   r"\s*(?P<nam>năm)\s*(?P<y>\S*?)\s*$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"^[.…_]*$")


def ngay_thang(lay: Layout, rep: Report) -> None:
    span = lay.date
    if lay.kind == "bien_ban":
        if span is None:
            return
        # Mẫu 1.9 shows none, but many units write one: a warning, and the line is checked as any other.
        rep.add("ND30.BIEN_BAN.NO_DATE_LINE", span.para, "Mẫu 1.9 không có dòng địa danh, ngày tháng dưới Quốc "
                "hiệu (thời gian ghi trong nội dung biên bản); nhiều đơn vị vẫn ghi, văn thư có thể yêu cầu bỏ",
                "không có", squash(span.text), text=span.text)
    if span is None:
        _missing(rep, "ND30.NGAY_THANG.PRESENT", lay, "date", "dòng địa danh, ngày tháng năm",
                 " dưới Quốc hiệu và Tiêu ngữ")
        return
    text = nfc(squash(span.text))
    para = span.para

    def fmt_error(msg: str) -> None:
        rep.add("ND30.NGAY_THANG.FORMAT", para, msg, "Hà Nội, ngày 05 tháng 01 năm 2020", text, text=text)

    m = _DATE.match(text)
    if m is None:
        fmt_error("ngày tháng phải viết đầy đủ «Địa danh, ngày … tháng … năm …», không viết tắt kiểu 05/01/2020")
    else:
        place = m.group("place").strip()
        problems = []
        if not place:
            problems.append("thiếu địa danh trước chữ «ngày»")
        elif not place[0].isupper():
            problems.append("chữ cái đầu của địa danh phải viết hoa")
        if place and not m.group("comma"):
            problems.append("sau địa danh phải có dấu phẩy (,)")
        words = {"ngay": "ngày", "thang": "tháng", "nam": "năm"}
        for g, w in words.items():
            if m.group(g) != w:
                problems.append(f"chữ «{m.group(g)}» viết thường: «{w}»")
                break
        d, mo, y = m.group("d"), m.group("m"), m.group("y")
        day = month = year = None
        for value, name, low, high in ((d, "ngày", 1, 31), (mo, "tháng", 1, 12)):
            if _PLACEHOLDER.match(value):
                continue
            if not value.isdigit() or not low <= int(value) <= high:
                problems.append(f"{name} «{value}» không hợp lệ")
        if d.isdigit():
            day = int(d)
        if mo.isdigit():
            month = int(mo)
        if y and not _PLACEHOLDER.match(y):
            if not (y.isdigit() and len(y) == 4):
                problems.append(f"năm «{y}» phải viết đủ bốn chữ số")
            else:
                year = int(y)
        if day and month and year and 1 <= month <= 12:
            try:
                date(year, month, day)
            except ValueError:
                problems.append(f"không có ngày {day}/{month}/{year}")
        if problems:
            fmt_error("; ".join(problems))
        _leading_zeros(rep, para, text, d, mo, day, month)
    check_size(rep, "ND30.NGAY_THANG.SIZE", span, 13, 14, "Địa danh, ngày tháng")
    check_style(rep, "ND30.NGAY_THANG.STYLE", span, "Địa danh, ngày tháng", italic=True)


def _leading_zeros(rep: Report, para, text: str, d: str, mo: str, day: int | None, month: int | None) -> None:
    """ND30 PL I.II.4.b: a day below 10 and months 1 and 2 take a leading zero; months 3 to 12 do not."""
    zero = []
    if day is not None and 1 <= day < 10 and len(d) == 1:
        zero.append((f"ngày {d}", f"ngày 0{d}", f"ngày {d} phải viết 0{d}"))
    if month is not None and month in (1, 2) and len(mo) == 1:
        zero.append((f"tháng {mo}", f"tháng 0{mo}", f"tháng {mo} phải viết 0{mo}"))
    if month is not None and 3 <= month <= 12 and mo.startswith("0"):
        zero.append((f"tháng {mo}", f"tháng {month}", f"tháng {month} không ghi số 0 phía trước"))
    if zero:
        rep.add("ND30.NGAY_THANG.LEADING_ZERO", para, "; ".join(z[2] for z in zero) +
                " (ngày dưới 10 và tháng 1, 2 có số 0 phía trước; tháng 3 đến 12 thì không)",
                ", ".join(z[1] for z in zero), ", ".join(z[0] for z in zero), text=text)


def check(lay: Layout, rep: Report) -> None:
    if lay.kind == "phu_luc":
        return  # an appendix carries no header of its own (PL I.III.1)
    quoc_hieu(lay, rep)
    tieu_ngu(lay, rep)
    size_pair(lay, rep)
    co_quan(lay, rep)
    so_ky_hieu(lay, rep)
    ngay_thang(lay, rep)
