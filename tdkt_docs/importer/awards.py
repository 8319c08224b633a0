"""Tờ trình and biên bản: most of their text is written by the program from the lists (the request
sentence, the attendance, the vote results), so those sentences are read back into the fields they
come from, and only the clerk's own paragraphs are kept as text."""
from __future__ import annotations

import re

from tdkt_docs.checker.layout import Layout
from tdkt_docs.checker.model import Document
from tdkt_docs.checker.vntext import fold
from tdkt_docs.importer import header, kinds, minutes, structure
from tdkt_docs.importer.meeting import meeting
from tdkt_docs.importer.nominees import award_said, de_nghi, is_nominee_table
from tdkt_docs.importer.notes import Notes
from tdkt_docs.importer.read import Line, table_rows

_ASK = re.compile(r"^(?P<who>.+?) kính đề nghị (?P<to>.+?) xem xét,")
_SUBMIT = re.compile(r"^(?P<who>.+?) kính trình (?P<to>.+?) xem xét, quyết định\.?$")
_ACHIEVEMENTS = "(CO BAO CAO THANH TICH KEM THEO)"


def nominee_table(doc: Document) -> tuple[int, list[list[str]]] | None:
    """The first table of the document whose header names the nominees and their awards."""
    for table in doc.tables:
        if table.depth != 1:
            continue
        rows = table_rows(doc, table.index)
        if is_nominee_table(rows):
            return table.first, rows
    return None


def to_trinh(doc: Document, lay: Layout, lines: list[Line], notes: Notes) -> dict:
    data = kinds.common(lay, notes, "to_trinh")
    recipients = header.kinh_gui({p.index: p for p in doc.paras}, lay)
    if not recipients:
        notes.warn(lay.header_end or 1, "", "không thấy dòng 'Kính gửi:'; hãy ghi 'kinh_gui'")
        recipients = ["Chủ tịch Ủy ban nhân dân"]
    data["kinh_gui"] = recipients[0] if len(recipients) == 1 else recipients
    lines = [line for line in lines if line.index not in lay.kinh_gui]
    found = nominee_table(doc)
    lines = [line for line in lines if not (line.is_table and found and is_nominee_table(line.rows))]
    structure.strip_end_mark(lines)
    ask = next((i for i, line in enumerate(lines) if line.label is None and _ASK.match(line.plain)), None)
    own = _own_request(lines) if found is None else None
    if own is not None:
        ask = None  # the clerk's own sentence, printed as typed: no list to count
    before, after = (lines, []) if ask is None else (lines[:ask], lines[ask + 1:])
    if own is not None:
        # the paragraphs between the request and "(Có báo cáo thành tích kèm theo)" are printed with it
        mark = next((i for i in range(own, len(lines)) if fold(lines[i].plain) == _ACHIEVEMENTS), own + 1)
        asked, before, after = lines[own:mark], lines[:own], lines[mark:]
        who, to = _own_who(lines[own], after, data, recipients)
    elif ask is None:
        notes.warn(0, "", "không thấy câu '... kính đề nghị ... xem xét, ...': chương trình sẽ tự viết câu này "
                   "trước danh sách đề nghị; hãy xem lại 'chu_the', 'de_nghi'")
        submit = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].label is None
                       and _SUBMIT.match(lines[i].plain)), None)
        if submit is not None:
            before, after = lines[:submit], lines[submit:]
            m = _SUBMIT.match(lines[submit].plain)
            who, to = m["who"].strip(), m["to"].strip()
        else:
            who, to = _chu_the(data), recipients[0]
    else:
        m = _ASK.match(lines[ask].plain)
        who, to = m["who"].strip(), m["to"].strip()
    data["chu_the"] = who
    if ask is not None:
        data.update(_verb(lines[ask].plain))
    if len(recipients) > 1 or to != recipients[0]:
        data["tham_quyen"] = to
    kinds.body(before, notes, data, closing_key=None)
    if not data["noi_dung"]:
        data.pop("noi_dung")
    given = _totals_asked(asked[0].plain, who, to) if own is not None and len(asked) == 1 else None
    if given is not None:
        data.update(given[0])
        data["de_nghi"] = {"tong_hop": given[1]}
    elif own is not None:
        data["cau_de_nghi"] = [_flat(line, notes) for line in asked]
    if own is None:
        data["danh_sach_kem_theo"] = (found is not None and found[0] > (lay.closing_start or 0) if ask is None
                                      else "kèm theo)" in lines[ask].plain)
    _closing_lines(after, who, to, data, notes)
    if own is None:
        said = award_said(lines[ask].plain) if ask is not None else None
        data["de_nghi"] = de_nghi(found[1], found[0], notes, said) if found else de_nghi([[]], 0, notes)
    kinds.closing(lay, notes, data, "to_trinh")
    data["noi_nhan"] = [n for n in data["noi_nhan"] if fold(n) != "NHU TREN"] or ["Lưu: VT"]
    return data


# "... xem xét, công nhận ..." → the verb the program writes from `cach_de_nghi`.
_VERB = re.compile(r"xem xét, (?:(?P<verb>công nhận|truy tặng|tặng)\s|trình (?P<up>.+?) xét tặng\s)")
_CACH = {"công nhận": "công nhận", "truy tặng": "truy tặng"}


def _verb(text: str) -> dict:
    m = _VERB.search(text)
    if m is None:
        return {}
    if m["up"]:
        return {"cach_de_nghi": "đề nghị cấp trên xét tặng", "cap_tren": m["up"].strip()}
    return {"cach_de_nghi": _CACH[m["verb"]]} if m["verb"] in _CACH else {}


_TOTAL_ASKED = re.compile(r"^(?P<verb>công nhận|truy tặng|tặng|trình .+? xét tặng) (?P<award>.+?) cho "
                          r"(?P<counts>\d+ (?:tập thể|cá nhân|hộ gia đình)(?:(?:, | và )\d+ (?:tập thể|cá nhân|hộ gia đình))*)"
                          r"(?: \((?P<note>[^)]*)\))?$")


def _totals_asked(text: str, who: str, to: str) -> tuple[dict, list[dict]] | None:
    """The sentence the program writes from awards given as totals ("... xem xét, tặng danh hiệu Lao
    động tiên tiến cho 38 cá nhân (có danh sách kèm theo); ..."): back into `tong_hop` and the verb."""
    from tdkt_docs import vn
    from tdkt_docs.importer.blocks import numbers

    head = f"{who} kính đề nghị {to} xem xét, "
    if not text.startswith(head) or not text.endswith("."):
        return None
    rows, verbs = [], set()
    for part in text[len(head):-1].split("; "):
        m = _TOTAL_ASKED.match(part)
        if m is None:
            return None
        award = m["award"]
        if award.startswith("danh hiệu ") and vn.danh_hieu(award[len("danh hiệu "):]) == award:
            award = award[len("danh hiệu "):]
        rows.append({"hinh_thuc": award, **numbers(m["counts"] + (f" ({m['note']})" if m["note"] else ""))})
        verbs.add(m["verb"])
    if len(verbs) != 1:
        return None
    return _verb(f"xem xét, {verbs.pop()} "), rows


_OWN_WHO = re.compile(r"(?:^|,\s*)(?P<who>[^,]+?)\s+kính đề nghị\s")


def _own_request(lines: list[Line]) -> int | None:
    """A tờ trình without a list: the paragraph that asks ("... kính đề nghị ..."), the last one that does."""
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.label is None and not line.is_table and "đề nghị" in line.plain.lower() \
                and not fold(line.plain).startswith("CAN CU"):
            return i
    return None


def _own_who(line: Line, after: list[Line], data: dict, recipients: list[str]) -> tuple[str, str]:
    submit = next((_SUBMIT.match(x.plain) for x in after if x.label is None and _SUBMIT.match(x.plain)), None)
    if submit is not None:
        return submit["who"].strip(), submit["to"].strip()
    m = _OWN_WHO.search(line.plain)
    return (m["who"].strip() if m else _chu_the(data)), recipients[0]


def _closing_lines(after: list[Line], who: str, to: str, data: dict, notes: Notes) -> None:
    data["bao_cao_thanh_tich"] = any(fold(line.plain) == _ACHIEVEMENTS for line in after)
    closing = [line for line in after if fold(line.plain) != _ACHIEVEMENTS]
    default = f"{who} kính trình {to} xem xét, quyết định."
    texts = [line.text for line in closing]
    if texts != [default] and texts != [default[:-1]]:
        data["ket_thuc"] = [_flat(line, notes) for line in closing]


def _flat(line: Line, notes: Notes) -> str:
    if line.is_table or line.label is not None:
        notes.warn(line.index, line.plain, "sau câu đề nghị chỉ giữ được đoạn văn thường: đã chép thành đoạn văn")
    return line.styled if not line.is_table else "; ".join(" | ".join(r) for r in line.rows)


def _chu_the(data: dict) -> str:
    name = data["co_quan"]["ten"].replace("\n", " ")
    return name[:1] + name[1:].lower()


def bien_ban(doc: Document, lay: Layout, lines: list[Line], notes: Notes) -> dict:
    data: dict = {"loai": "bien_ban", "co_quan": header.co_quan(lay, notes)}
    data.update(_minutes_header(lay, data["co_quan"], notes))
    name = header.trich_yeu(lay)
    if name is None:
        notes.warn(1, "", "không thấy tên cuộc họp dưới chữ BIÊN BẢN; hãy ghi 'ten_cuoc_hop'")
        name = "Họp Hội đồng Thi đua - Khen thưởng"
    data["ten_cuoc_hop"] = name
    structure.strip_end_mark(lines)
    if minutes.is_placed(lines):
        data.update(minutes.placed(lines, notes, data.get("ngay")))
    else:
        found = nominee_table(doc)
        lines = [line for line in lines if not (line.is_table and found and is_nominee_table(line.rows))]
        said = next((award_said(line.plain) for line in lines
                     if fold(line.plain).startswith("KET QUA BIEU QUYET")), None)
        data.update(meeting(lines, notes))
        given = data.pop("tong_hop", [])
        if found is not None or not given:
            data["de_nghi"] = de_nghi(found[1], found[0], notes, said) if found else de_nghi([[]], 0, notes)
        else:
            data["de_nghi"] = {}
        if given:
            data["de_nghi"]["tong_hop"] = given
        if found is None and not given:  # the sample row needs its votes to build: everyone present agreed
            data["de_nghi"]["ca_nhan"][0]["dong_y"] = sum(1 for m in data["thanh_vien"] if "vang" not in m)
    data["noi_nhan"] = header.noi_nhan(lay, notes) or ["Lưu: VT, Hồ sơ"]
    return {key: data[key] for key in sorted(data, key=lambda k: _ORDER.index(k) if k in _ORDER else len(_ORDER))}


_ORDER = ["loai", "co_quan", "so", "ky_hieu", "dong_so", "dia_danh", "ngay", "ten_cuoc_hop", "hoi_dong", "bat_dau",
          "ket_thuc", "dia_diem", "thanh_vien", "so_thanh_vien", "chu_toa", "thu_ky", "khach_moi", "thanh_phan",
          "quy_che", "noi_dung", "ket_luan", "de_nghi", "noi_nhan"]


def _minutes_header(lay: Layout, co_quan: dict, notes: Notes) -> dict:
    """so, ky_hieu as the document writes it (BBTĐ-MNHT), no Số line at all, and the place-and-date line."""
    found: dict = {}
    number, _issuer = header.so_ky_hieu(lay)
    symbol = header.ky_hieu(lay)
    if lay.so is None:
        found["dong_so"] = False
    else:
        found["so"] = number
        if symbol and symbol != f"BB-{co_quan.get('viet_tat', '')}":
            found["ky_hieu"] = symbol
    if lay.date is not None:
        place, when = header.dia_danh_ngay(lay, notes)
        if place and when and len(when) == 10:
            found["dia_danh"], found["ngay"] = place, when
    return found


MAPPERS = {"to_trinh": to_trinh, "bien_ban": bien_ban}
