"""A biên bản laid out in the clerk's own sections (I. THÀNH PHẦN, II. NỘI DUNG, III. KẾT LUẬN...)
with the program's blocks among them: each block read back into its fields and a `- tu_dong: <name>`
left where it stood, so that the rebuilt biên bản prints the same sections in the same order."""
from __future__ import annotations

from tdkt_docs.checker.vntext import fold
from tdkt_docs.importer import blocks, structure
from tdkt_docs.importer.blocks import Block
from tdkt_docs.importer.meeting import _TITLE, _chair_and_secretary, member, when
from tdkt_docs.importer.nominees import award_said, de_nghi, is_nominee_table
from tdkt_docs.importer.notes import Notes
from tdkt_docs.importer.read import Line

_MARK = "\x00tu_dong:"


def is_placed(lines: list[Line]) -> bool:
    """Whether the blocks stand in the clerk's sections: Mẫu 1.9's order has the line leading into
    the account of the meeting ("Nội dung (theo diễn biến cuộc họp):"), a placed layout has not; a
    minutes typed with "Nội dung:" and no section I., II. is read in Mẫu 1.9's order too. That order
    always prints the start and the place: without either, the blocks are placed as they stand."""
    plain = [line for line in lines if line.label is None and not line.is_table]
    if not any(blocks.start_of(line) for line in plain):
        return False  # nothing the program writes: read in Mẫu 1.9's order, with what is missing said
    if not all(any(fold(line.plain).startswith(words) for line in plain) for words in ("THOI GIAN", "DIA DIEM")):
        return True
    if any(fold(line.plain).startswith("NOI DUNG (THEO DIEN BIEN") for line in plain):
        return False
    if any(line.label == "roman" for line in lines):
        return True
    return not any(fold(line.plain).startswith("NOI DUNG") and line.plain.rstrip().endswith(":") for line in plain)


def placed(lines: list[Line], notes: Notes, day: str | None = None) -> dict:
    """`day`: the date of the place-and-date line, for an end time typed without its day."""
    found: dict[str, Block] = {}
    kept: list[Line] = []
    for item in blocks.group(lines):
        if isinstance(item, Line):
            kept.append(item)
        elif item.name in found:
            first = item.lines[0]
            notes.warn(first.index, first.plain, "khối này đã có ở phần trước của biên bản: giữ thành đoạn văn "
                       "trong 'noi_dung', hãy xem lại")
            kept.extend(item.lines + item.thanh_phan)
        else:
            found[item.name] = item
            kept.append(Line(item.lines[0].index, _MARK + item.name, _MARK + item.name))
    data: dict = {}
    _times(found, notes, data, day)
    _people(found, notes, data)
    if "hop_le" in found:
        text = " ".join(x.plain for x in found["hop_le"].lines)
        rules = blocks.quy_che(text)
        if rules:
            data["quy_che"] = rules
        blocks.special_rules(text, found["hop_le"].lines[0].index, notes)
    data["noi_dung"] = _marks(structure.content(kept, notes))
    data["ket_luan"] = []
    data["de_nghi"] = _results(found.get("ket_qua"), notes)
    return data


def _marks(items: list) -> list:
    out = []
    for item in items:
        if isinstance(item, str) and item.startswith(_MARK):
            out.append({"tu_dong": item[len(_MARK):]})
        elif isinstance(item, dict):
            out.append({k: (_marks(v) if k in ("noi_dung", "gach") and isinstance(v, list) else v)
                        for k, v in item.items()})
        else:
            out.append(item)
    return out


def _times(found: dict[str, Block], notes: Notes, data: dict, dated: str | None) -> None:
    """Start, place and end; a time typed without its day takes the day of the place-and-date line."""
    day = None
    for line in found["thoi_gian"].lines if "thoi_gian" in found else []:
        if fold(line.plain).startswith("THOI GIAN"):
            data["bat_dau"], day = _dated(line, notes, None, dated)
        elif fold(line.plain).startswith("DIA DIEM"):
            data["dia_diem"] = blocks.after_colon(line.plain).rstrip(".")
    if "ket_thuc" in found:
        line = found["ket_thuc"].lines[0]
        data["ket_thuc"] = when(line.plain, notes, line.index, day)[0] if day else _dated(line, notes, None, dated)[0]


def _dated(line: Line, notes: Notes, day: str | None, dated: str | None) -> tuple[str, str | None]:
    text, found = when(line.plain, notes, line.index, day)
    if found is not None:
        return text, found
    if dated is not None:
        return f"{dated} {text[-5:]}", dated
    notes.warn(line.index, line.plain, "không thấy ngày họp; đã ghi ngày 2026-01-01, hãy sửa lại")
    return text, None


def _people(found: dict[str, Block], notes: Notes, data: dict) -> None:
    block = found.get("diem_danh")
    members: list[dict] = []
    if block is not None:
        council, given = blocks.attendance(block)
        if council:
            data["hoi_dong"] = council
        if given is not None:
            data["so_thanh_vien"] = given
        else:
            members = _members(block)
            data["thanh_vien"] = members
        guests = blocks.guests(block)
        if guests:
            data["khach_moi"] = guests
        if block.thanh_phan:
            data["thanh_phan"] = [line.styled for line in block.thanh_phan]
    if "hoi_dong" not in data:
        notes.warn(block.lines[0].index if block else 0, "", "không đọc được tên Hội đồng; hãy sửa 'hoi_dong'")
        data["hoi_dong"] = "Hội đồng Thi đua - Khen thưởng"
    if not members and "so_thanh_vien" not in data:
        notes.warn(0, "", "không thấy số thành viên có mặt ('Thành phần tham dự: ..., có mặt .../... thành "
                   "viên'); hãy ghi so_thanh_vien: {tong_so: ..., co_mat: ...}")
        data["so_thanh_vien"] = {"tong_so": 1, "co_mat": 1}
    chair = {}
    for line in found["chu_tri"].lines if "chu_tri" in found else []:
        key = "thu_ky" if fold(line.plain).startswith(("THU KY", "NGUOI GHI")) else "chu_toa"
        chair[key] = [line]
    if members:
        _chair_and_secretary(chair, members, data)
    else:
        for key in ("chu_toa", "thu_ky"):
            if key in chair:
                data[key] = blocks.person(blocks.after_colon(chair[key][0].plain))
    for key, said in (("chu_toa", "chủ trì (chủ tọa)"), ("thu_ky", "thư ký")):
        if key not in data and not members:
            notes.warn(0, "", f"không thấy dòng {said}; hãy ghi '{key}: {{ho_ten: ..., chuc_vu: ...}}'")
            data[key] = {"ho_ten": "Họ và tên"}


def _members(block: Block) -> list[dict]:
    members: list[dict] = []
    absent = False
    for line in block.lines:
        if line.label is None:
            absent = fold(line.plain).startswith("VANG MAT")
            if fold(line.plain).startswith("KHACH MOI"):
                break
        else:
            members.append(member(_TITLE.sub("", line.plain), absent))
    return members


def _results(block: Block | None, notes: Notes) -> dict:
    found: dict = {}
    said = None
    for line in block.lines if block is not None else []:
        if not line.is_table:
            said = said or award_said(line.plain)
        elif is_nominee_table(line.rows):
            found.update(de_nghi(line.rows, line.index, notes, said))
        elif blocks.is_totals_table(line.rows):
            found.setdefault("tong_hop", []).extend(blocks.totals_table(line.rows))
    unvoted = blocks.unvoted(block) if block is not None else []
    if unvoted:
        found.setdefault("tong_hop", []).extend(unvoted)
    if not found:
        notes.warn(block.lines[0].index if block else 0, "", "không thấy kết quả biểu quyết nào; đã ghi một dòng "
                   "mẫu, hãy sửa 'de_nghi'")
        found = {"tong_hop": [{"hinh_thuc": "Lao động tiên tiến", "ca_nhan": 1}]}
    return found
