"""The parts around the body, from what the checker located: the issuing body, Số and ký hiệu,
place and date, trích yếu, Kính gửi, Nơi nhận and the signature."""
from __future__ import annotations

import re

from tdkt_docs.checker.layout import GAP, Layout, Span
from tdkt_docs.checker.vntext import fold

from tdkt_docs.importer.notes import Notes

_SO = re.compile(r"^\s*s[ốôoóồổ]\s*[:.;]?\s*(\d*)\s*/?\s*(?:\d{4}\s*/)?\s*([^\s/]*)", re.IGNORECASE)
_DATE = re.compile(r"^(.*?)[,\s]*ng[àa]y\s*(\d{0,2})[\s.…]*th[áa]ng\s*(\d{0,2})[\s.…]*n[ăa]m\s*(\d{4})",
                   re.IGNORECASE)
_SHORT_DATE = re.compile(r"^(.*?)[,\s]*ng[àa]y\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.IGNORECASE)
_PREFIX = re.compile(r"^(TM|KT|Q|TL|TUQ)\s*\.", re.IGNORECASE)
_DASH = re.compile(r"^\s*[-–—•+]\s*")
_END = re.compile(r"[\s;.,]+$")


def texts(spans: list[Span]) -> list[str]:
    return [s.text.strip() for s in spans if s is not None and s.text.strip()]


def co_quan(lay: Layout, notes: Notes) -> dict:
    names = texts(lay.co_quan)
    parents = texts(lay.chu_quan)
    found: dict = {}
    if parents:
        found["chu_quan"] = " ".join(parents)
    if names:
        found["ten"] = "\n".join(names)
    else:
        found["ten"] = "CƠ QUAN BAN HÀNH"
        notes.warn(lay.header_end or 1, "", "không thấy tên cơ quan ban hành ở phần đầu văn bản; "
                   "hãy ghi 'co_quan.ten'")
    found["viet_tat"] = so_ky_hieu(lay)[1]
    return found


def so_ky_hieu(lay: Layout) -> tuple[int | None, str]:
    """The number and the issuer's abbreviation from "Số: 15/KH-UBND" ("", None when absent)."""
    if lay.so is None:
        return None, ""
    m = _SO.match(lay.so.text)
    if not m:
        return None, ""
    number = int(m.group(1)) if m.group(1) and 0 < int(m.group(1)) <= 99999 else None
    symbol = m.group(2)
    issuer = symbol.split("-", 1)[1] if "-" in symbol else ""
    return number, re.sub(r"[^\wĐđ.&-]", "", issuer)


def ky_hieu(lay: Layout) -> str:
    """The whole symbol after the number: "BBTĐ-MNHT" from "Số:   /BBTĐ-MNHT"."""
    m = _SO.match(lay.so.text) if lay.so is not None else None
    return re.sub(r"[^\wĐđ.&-]", "", m.group(2)) if m else ""


def dia_danh_ngay(lay: Layout, notes: Notes) -> tuple[str | None, str | None]:
    """Place and date ("2026-02-10", "2026-02" for a draft, "2026"), or None for what is missing."""
    if lay.date is None:
        return None, None
    m = _DATE.match(lay.date.text.strip()) or _SHORT_DATE.match(lay.date.text.strip())
    if not m:
        notes.warn(lay.date.para.index, lay.date.text, "không đọc được ngày tháng; hãy ghi lại 'ngay'")
        return None, None
    place = m.group(1).strip(" ,")
    day, month, year = m.group(2), m.group(3), m.group(4)
    if month and 1 <= int(month) <= 12:
        if day and 1 <= int(day) <= 31:
            return place or None, f"{year}-{int(month):02d}-{int(day):02d}"
        return place or None, f"{year}-{int(month):02d}"
    return place or None, year


def trich_yeu(lay: Layout) -> str | None:
    lines = texts(lay.trich_yeu)
    return " ".join(lines) if lines else None


def noi_nhan(lay: Layout, notes: Notes | None = None) -> list[str]:
    """The Nơi nhận lines without their '-' and ';' (the program writes them). A line under the Lưu
    line (ô 12: the drafter's initials, the number of copies) has no field: it is named, not kept."""
    out = []
    after_luu = False
    for span in lay.noi_nhan_lines:
        raw = span.text.strip()
        if after_luu and not _DASH.match(raw):
            if notes is not None:
                notes.warn(span.para.index, raw, "dòng dưới dòng 'Lưu' (ký hiệu người soạn thảo, số bản) chưa "
                           "có chỗ trong tệp YAML: đã bỏ, hãy ghi tay vào văn bản nếu cần")
            continue
        after_luu = after_luu or fold(_DASH.sub("", raw)).startswith("LUU")
        text = _DASH.sub("", raw)
        if text in ("...", "…"):
            out.append(text)
            continue
        text = _END.sub("", text)
        if text:
            out.append(text)
    return out


def nguoi_ky(column: list[Span | None]) -> dict:
    """quyen_han, chuc_vu and ho_ten from a signature column (lines, GAP where the signature goes)."""
    above: list[str] = []
    below: list[str] = []
    gap = False
    for span in column:
        if span is GAP:
            gap = gap or bool(above)
            continue
        text = span.text.strip()
        if not text or text.startswith("("):
            continue
        (below if gap else above).append(text)
    if not gap and len(above) > 1 and not above[-1].isupper():
        below = [above.pop()]
    found: dict = {}
    prefixes = [t for t in above[:-1] if _PREFIX.match(t)]
    rest = [t for t in above[:-1] if not _PREFIX.match(t)]
    if prefixes or rest:
        lines = prefixes + rest
        found["quyen_han"] = lines[0] if len(lines) == 1 else lines
    if above:
        found["chuc_vu"] = above[-1]
    if below:
        found["ho_ten"] = " ".join(below)
    return found


def kinh_gui(doc_paras: dict, lay: Layout) -> list[str]:
    out = []
    for index in sorted(lay.kinh_gui):
        text = doc_paras[index].stripped
        if fold(text).startswith("KINH GUI"):
            text = text.split(":", 1)[1] if ":" in text else text[len("Kính gửi"):]
        text = _END.sub("", _DASH.sub("", text.strip()))
        if text:
            out.append(text)
    return out
