"""Vietnamese administrative writing conventions, as pure functions (ND30 PL I, Phụ lục III)."""
from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date

# Vietnamese alphabet order for điểm: ND30 uses đ and never f, j, w, z.
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]

# Phụ lục III.I: abbreviations of the document types this tool writes.
TYPE_ABBR = {"ke_hoach": "KH", "bao_cao": "BC", "to_trinh": "TTr", "bien_ban": "BB", "de_cuong": "BC"}

BLANK_NUMBER = "      "  # a draft leaves room for the văn thư to write the number by hand
BLANK_DAY = "    "


def roman(n: int) -> str:
    if n <= 0:
        raise ValueError(n)
    out = ""
    for value, sym in ROMAN:
        while n >= value:
            out += sym
            n -= value
    return out


def letter(n: int) -> str:
    """1 -> a, 5 -> đ, 6 -> e, 7 -> g; past y, double letters (aa, bb) as long Vietnamese lists do."""
    if n <= 0:
        raise ValueError(n)
    count = len(LETTERS)
    return LETTERS[(n - 1) % count] * ((n - 1) // count + 1)


_ORDINALS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"]


def phan_label(n: int, style: str = "la_ma") -> str:
    """The label of a part (ND30 PL I.II.6.đ): 'Phần I', or as many báo cáo write it, 'Phần thứ nhất'."""
    if style == "thu_nhat":
        return f"Phần thứ {_ORDINALS[n - 1]}" if 1 <= n <= len(_ORDINALS) else f"Phần thứ {n}"
    return f"Phần {roman(n)}"


# A part's label typed by hand before its title: "Phần I:", "PHẦN THỨ NHẤT.", "Phần 2 -".
_TYPED_PART = re.compile(r"^\s*phần\s+(?:thứ\s+\w+|[IVXLC]+|\d+)\s*[.:\-–]*\s+(?=\S)", re.IGNORECASE)


def typed_part(title: str) -> str | None:
    m = _TYPED_PART.match(title)
    return m.group(0).strip() if m else None


def without_typed_part(title: str) -> str:
    return _TYPED_PART.sub("", title, count=1)


# The issuing date of a cited document: "ngày 15 tháng 6 năm 2022", "ngày 15/6/2022", "ngày 15-6-2022".
_CITED_DATE = re.compile(r"ngày\s+(\d{1,2})(?:\s+tháng\s+|\s*[/.-]\s*)(\d{1,2})(?:\s+năm\s+|\s*[/.-]\s*)(\d{4})",
                         re.IGNORECASE)


def cited_date(text: str) -> date | None:
    """The first date written after 'ngày' in a line, the way a căn cứ gives the date of what it cites."""
    for m in _CITED_DATE.finditer(text):
        try:
            return date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            continue
    return None


def two_digits(n: int) -> str:
    """Numbers below 10 get a leading zero: 5 -> '05' (số văn bản, ngày, counts in prose)."""
    return f"{n:02d}" if 0 <= n < 10 else str(n)


def so_ky_hieu(number: int | None, type_abbr: str, issuer_abbr: str) -> str:
    """`05/KH-UBND`; a draft without a number leaves the space blank: `      /KH-UBND`."""
    symbol = f"{type_abbr}-{issuer_abbr}"
    head = BLANK_NUMBER if number is None else two_digits(number)
    return f"{head}/{symbol}"


def month_text(month: int) -> str:
    # ND30 PL I.II.4: months 1 and 2 take a leading zero, 3 to 12 do not.
    return f"{month:02d}" if month in (1, 2) else str(month)


def ngay_thang_nam(day: int | None, month: int | None, year: int) -> str:
    d = BLANK_DAY if day is None else two_digits(day)
    m = BLANK_DAY if month is None else month_text(month)
    return f"ngày {d} tháng {m} năm {year}"


def dia_danh_ngay(place: str, day: int | None, month: int | None, year: int) -> str:
    return f"{place}, {ngay_thang_nam(day, month, year)}"


def short_date(d: date) -> str:
    """The short form used in running text: 08/4/2019 (day padded, month as written in dates)."""
    return f"{d.day:02d}/{month_text(d.month)}/{d.year}"


def count_text(n: int) -> str:
    """Counts in prose as clerks write them: 05 tập thể, 12 cá nhân."""
    return two_digits(n)


def percent(part: int, whole: int, digits: int = 1) -> str:
    """90,9% — a decimal comma, trailing ',0' dropped (100%, 70%)."""
    if whole <= 0:
        raise ValueError("whole must be positive")
    value = round(part * 100 / whole + 1e-12, digits)
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def upper(text: str) -> str:
    """Vietnamese uppercase; str.upper() handles the precomposed letters correctly."""
    return text.upper()


_TRAILING = re.compile(r"[\s;.,]+$")


def noi_nhan_lines(items: list[str]) -> list[str]:
    """`- X;` for each line, `- Lưu: ...` last ending with '.'; '...' placeholders left as typed."""
    lines = []
    for i, item in enumerate(items):
        text = item.strip()
        if text.startswith("-"):
            text = text[1:].strip()
        if text in {"...", "…"}:
            lines.append(f"- {text}")
            continue
        text = _TRAILING.sub("", text)
        end = "." if i == len(items) - 1 else ";"
        lines.append(f"- {text}{end}")
    return lines


# Markup closing a line ("*...;*"): the end mark goes after it, the punctuation inside it is dropped.
_CLOSING_MARKUP = re.compile(r"^(.*?)([\s;.,]*)(\**)\s*$", re.S)


def can_cu_lines(items: list[str]) -> list[str]:
    """Each căn cứ ends with ';', the last with '.' (PL I.II.6.a), whatever was typed at its end.

    A line ending with ':' opens what follows ("Căn cứ ..., Ủy ban ... xây dựng Kế hoạch như sau:")
    and keeps its colon; a placeholder of dots is left as typed.
    """
    kept = [text.endswith(":") or not text.strip(" .…") for text in (item.rstrip() for item in items)]
    last = max((i for i, k in enumerate(kept) if not k), default=-1)
    lines = []
    for i, item in enumerate(items):
        if kept[i]:
            lines.append(item.rstrip())
            continue
        body, _, stars = _CLOSING_MARKUP.match(item.rstrip()).groups()
        lines.append(_TRAILING.sub("", body) + stars + ("." if i == last else ";"))
    return lines


def end_mark(text: str) -> str:
    """The content of a document ends with './.' (PL III templates)."""
    stripped = text.rstrip()
    if stripped and not stripped.strip(".…"):
        return stripped + "/."  # a placeholder of dots keeps them, as the forms print '........./.'
    if stripped.endswith("./."):
        return stripped
    if stripped.endswith("/."):
        return stripped[:-2] + "./."
    return stripped.rstrip(".") + "./."


# An Ủy ban nhân dân or Hội đồng nhân dân heads its documents with its own name only: ND30 gives
# no cơ quan chủ quản above a local government (Mẫu 1.1-1.4 show "ỦY BAN NHÂN DÂN / TỈNH, XÃ ...").
_COUNCILS = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")


def is_council(name: str, abbreviation: str = "") -> bool:
    """The issuer is a UBND or HĐND (its name, or its abbreviation in the Số/ký hiệu)."""
    text = " ".join(unicodedata.normalize("NFC", name).upper().split())
    return text.startswith(_COUNCILS) or abbreviation.upper() in ("UBND", "HĐND")


# --- Conventions of the award documents (tờ trình, biên bản) ------------------------------------

def ngay_day_du(d: date) -> str:
    """`ngày 08 tháng 01 năm 2026`, the long form used in running text of a biên bản."""
    return ngay_thang_nam(d.day, d.month, d.year)


def gio_phut(hour: int, minute: int) -> str:
    """`14 giờ 00 phút`, `08 giờ 30 phút`: hours padded like days, minutes always two digits."""
    return f"{two_digits(hour)} giờ {minute:02d} phút"


def ti_so(part: int, whole: int) -> str:
    """`09/11`: members present out of all members, votes for out of voters."""
    return f"{two_digits(part)}/{two_digits(whole)}"


def dem(n: int, noun: str) -> str:
    """`05 tập thể`, `12 cá nhân`."""
    return f"{count_text(n)} {noun}"


def liet_ke(parts: list[str]) -> str:
    """`a`, `a và b`, `a, b và c`."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " và " + parts[-1]


def kinh_gui_lines(recipients: list[str]) -> list[str]:
    """ND30 PL I.II.9a: one recipient stays on the 'Kính gửi:' line; several go one per line as
    '- X;' with the last ending '.'."""
    cleaned = [_TRAILING.sub("", r.strip().lstrip("-").strip()) for r in recipients]
    if len(cleaned) == 1:
        return [f"Kính gửi: {cleaned[0]}"]
    return ["Kính gửi:"] + [f"- {r}{'.' if i == len(cleaned) - 1 else ';'}" for i, r in enumerate(cleaned)]


def noi_nhan_nhu_tren(items: list[str], addressees: list[str] = ()) -> list[str]:
    """Nơi nhận of a document with 'Kính gửi': the addressees are '- Như trên;', written once, first."""
    def key(text: str) -> str:
        return " ".join(_TRAILING.sub("", text.strip().lstrip("-").strip()).split()).casefold()

    skip = {"như trên"} | {key(a) for a in addressees}
    return noi_nhan_lines(["Như trên"] + [i for i in items if key(i) not in skip])


# Danh hiệu thi đua take the word 'danh hiệu' in prose ("tặng danh hiệu Chiến sĩ thi đua cơ sở");
# hình thức khen thưởng (Bằng khen, Giấy khen, Huân chương...) do not.
DANH_HIEU_PREFIXES = ("chiến sĩ thi đua", "lao động tiên tiến", "chiến sĩ tiên tiến", "tập thể lao động",
                      "đơn vị quyết thắng", "đơn vị tiên tiến", "cờ thi đua", "gia đình văn hóa", "thôn văn hóa",
                      "tổ dân phố văn hóa", "bản văn hóa", "xóm văn hóa")


def danh_hieu(award: str) -> str:
    """How an award is named after 'tặng': `Giấy khen ...` as is, `danh hiệu Lao động tiên tiến`."""
    text = award.strip()
    low = text.lower()
    if low.startswith("danh hiệu") or low.startswith("cờ thi đua") or not low.startswith(DANH_HIEU_PREFIXES):
        return text
    return f"danh hiệu {text}"


# A heading's own number typed by hand: "I. ", "2. ", "2.1. ", "a) " (the program numbers headings).
_TYPED_NUMBER = re.compile(r"^\s*((?:[IVXLC]+|\d+(?:\.\d+)*)\.|[a-zđ]\))\s+(?=\S)")


def typed_number(title: str) -> str | None:
    """The number typed at the start of a heading ("I.", "2.1.", "a)"), or None."""
    m = _TYPED_NUMBER.match(title)
    return m.group(1) if m else None


def without_typed_number(title: str) -> str:
    return _TYPED_NUMBER.sub("", title, count=1)


# Approximate Times New Roman advance widths, in ems: enough to tell whether a line fits (the rules
# under the header, and the checker's judgement of them).
_NARROW = set("ilIjtf.,;:'!|()[]")
_WIDE = set("mwMW")


@functools.lru_cache(maxsize=4096)  # asked letter by letter, and texts repeat the same few letters
def _em(ch: str, bold: bool) -> float:
    base = unicodedata.normalize("NFD", ch)[0]
    if base in " \u00a0":
        return 0.25
    if base in _NARROW:
        return 0.3
    if base in _WIDE:
        return 0.95 if base.isupper() else 0.75
    if base.isdigit():
        return 0.5
    if base.isupper() or base == "Đ":
        return 0.74 if bold else 0.69
    if base.isalpha():
        return 0.5 if bold else 0.46
    return 0.35


def text_width_cm(text: str, size_pt: float, bold: bool) -> float:
    ems = sum(_em(ch, bold) for ch in text)
    return ems * size_pt / 72 * 2.54

