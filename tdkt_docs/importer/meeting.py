"""The sentences of a biên bản read back into the meeting's fields: time and place, the members
present and absent (each "Họ tên, chức vụ, vai trò"), guests, chair and secretary, the clerk's own
account of the meeting, the voting rules and the closing time. Sentences the program writes from
these fields (the rules, the conclusion) are recognised and dropped, since it writes them again."""
from __future__ import annotations

import re

from tdkt_docs.checker.vntext import fold, fold_starts
from tdkt_docs.importer import blocks, structure
from tdkt_docs.importer.notes import Notes
from tdkt_docs.importer.read import Line

_TIME = re.compile(r"(\d{1,2})\s*(?:giờ|h|:)\s*(\d{1,2})?\s*(?:phút)?[\s,]*(?:ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})"
                   r"\s*năm\s*(\d{4})|ngày\s*(\d{1,2})/(\d{1,2})/(\d{4}))?", re.IGNORECASE)
_REASON = re.compile(r"\s*\((?:lý do:\s*(?P<why>[^)]*)|(?P<none>không có lý do))\)\s*$")
# A line's opening words → the part of the minutes it starts.
_HEADS = (("THOI GIAN BAT DAU", "bat_dau"), ("THOI GIAN", "bat_dau"), ("DIA DIEM", "dia_diem"),
          ("THANH PHAN", "co_mat"), ("VANG MAT", "vang"), ("KHACH MOI", "khach"), ("CHU TRI", "chu_toa"),
          ("CHU TOA", "chu_toa"), ("THU KY", "thu_ky"), ("NGUOI GHI BIEN BAN", "thu_ky"), ("NOI DUNG", "noi_dung"),
          ("SO THANH VIEN DU HOP", "quy_che"), ("KET QUA BIEU QUYET", "ket_qua"),
          ("DANH SACH DE NGHI", "ket_qua"), ("KET LUAN", "ket_luan"),
          ("KHONG DE NGHI", "ket_luan_sinh"), ("CUOC HOP KET THUC", "ket_thuc"), ("BUOI HOP KET THUC", "ket_thuc"))
# The sentences the program writes itself from the votes (kinds/bien_ban.py): dropped, not copied.
_WRITTEN = re.compile(r"^(Kết luận: Hội đồng thống nhất đề nghị |Kết luận: không có trường hợp nào đạt|"
                      r"Không đề nghị .* chưa đạt tỷ lệ phiếu đồng ý theo quy chế)")
_OPENING = {"bat_dau", "dia_diem", "co_mat", "vang", "khach", "chu_toa", "thu_ky", "noi_dung"}
_BEFORE_ACCOUNT = (_OPENING - {"noi_dung"}) | {"mo_dau"}
_ROLES = ("CHU TICH", "PHO CHU TICH", "UY VIEN", "THU KY", "THANH VIEN")


def head(line: Line) -> str | None:
    if line.label is not None or line.is_table:
        return None
    for words, part in _HEADS:
        if fold_starts(line.plain, words):
            return part
    return None


def when(text: str, notes: Notes, index: int, day: str | None = None) -> tuple[str, str | None]:
    """'08 giờ 00 phút, ngày 12 tháng 01 năm 2026' → ('2026-01-12 08:00', '2026-01-12')."""
    m = _TIME.search(text)
    if not m:
        notes.warn(index, text, "không đọc được giờ; hãy sửa lại")
        return "08:00" if day is None else f"{day} 08:00", day
    hour, minute = int(m[1]), int(m[2] or 0)
    d, mo, y = (m[3], m[4], m[5]) if m[3] else (m[6], m[7], m[8])
    found = f"{y}-{int(mo):02d}-{int(d):02d}" if y else None
    clock = f"{hour:02d}:{minute:02d}"
    if found is None or found == day:
        return (clock if day is not None else f"{found or '2026-01-01'} {clock}"), day or found
    return f"{found} {clock}", found


def member(text: str, absent: bool) -> dict:
    """'Họ tên, chức vụ, vai trò' (as the program writes it) back into its fields."""
    text = text.strip().rstrip(";.").strip()
    reason = _REASON.search(text)
    if reason:
        text = text[:reason.start()]
    parts = [p.strip() for p in text.split(",") if p.strip()]
    found = {"ho_ten": parts[0] if parts else text}
    role = parts.pop() if len(parts) > 1 and any(fold(parts[-1]).startswith(r) for r in _ROLES) else "Ủy viên"
    if len(parts) > 1:
        found["chuc_vu"] = ", ".join(parts[1:])
    found["vai_tro"] = role
    if absent:
        found["vang"] = (reason["why"].strip() if reason and reason["why"] else True)
    return found


def meeting(lines: list[Line], notes: Notes) -> dict:
    parts: dict[str, list[Line]] = {}
    order: list[str] = []
    current = "mo_dau"
    for line in lines:
        part = head(line)
        if part in _OPENING and current not in _BEFORE_ACCOUNT:
            part = None  # "Thành phần hồ sơ...", "Nội dung..." inside the account are its text
        if part is not None:
            current = part
            order.append(part)
        parts.setdefault(current, []).append(line)
    return _fields(parts, notes)


def _after_colon(line: Line) -> str:
    return line.plain.split(":", 1)[1].strip() if ":" in line.plain else ""


def _fields(parts: dict[str, list[Line]], notes: Notes) -> dict:
    data: dict = {}
    first = parts.get("co_mat", [None])[0]
    council = re.search(r"thành viên (.+?), có mặt", first.plain) if first else None
    data["hoi_dong"] = council[1] if council else "Hội đồng Thi đua - Khen thưởng"
    if not council:
        notes.warn(first.index if first else 0, first.plain if first else "", "không đọc được tên Hội đồng; hãy sửa 'hoi_dong'")
    _times(parts, notes, data)
    counted = _counted(parts)
    if counted is not None:
        data["so_thanh_vien"] = counted
        for key in ("chu_toa", "thu_ky"):
            line = parts.get(key, [None])[0]
            if line is not None and _after_colon(line):
                data[key] = blocks.person(_after_colon(line))
    else:
        members = _members(parts, first, notes)
        data["thanh_vien"] = members
        _chair_and_secretary(parts, members, data)
    guests = [line.text.rstrip(";.") for line in parts.get("khach", [])[1:] if _listed(line)]
    if guests:
        data["khach_moi"] = guests
    _account(parts, notes, data)
    return data


def _times(parts: dict[str, list[Line]], notes: Notes, data: dict) -> None:
    """Mẫu 1.9's order always prints the start and the place: a placeholder, said, where the document
    has none; the closing time only where it has one."""
    start = parts.get("bat_dau", [None])[0]
    data["bat_dau"], day = when(start.plain, notes, start.index) if start else ("2026-01-01 08:00", None)
    place = parts.get("dia_diem", [None])[0]
    data["dia_diem"] = _after_colon(place).rstrip(".") if place else "Hội trường"
    if start is None or place is None:
        notes.warn(0, "", "không thấy dòng thời gian bắt đầu hoặc địa điểm cuộc họp; hãy sửa 'bat_dau', 'dia_diem'")
    end = parts.get("ket_thuc", [None])[0]
    if end is not None:
        data["ket_thuc"] = when(end.plain, notes, end.index, day or data["bat_dau"][:10])[0]


def _counted(parts: dict[str, list[Line]]) -> dict | None:
    """so_thanh_vien, for minutes that give the attendance as numbers ("có mặt 49/50 thành viên.")."""
    from tdkt_docs.importer.blocks import Block, attendance

    first = parts.get("co_mat", [None])[0]
    if first is None or first.plain.rstrip().endswith(":"):
        return None
    return attendance(Block("diem_danh", parts.get("co_mat", [])[:1] + parts.get("vang", [])))[1]


def _members(parts: dict[str, list[Line]], first: Line | None, notes: Notes) -> list[dict]:
    members = [member(_TITLE.sub("", line.plain), False) for line in parts.get("co_mat", [])[1:] if _listed(line)]
    members += [m for line in parts.get("co_mat", [])[1:] if line.is_table for m in member_table(line.rows)]
    members += [member(_TITLE.sub("", line.plain), True) for line in parts.get("vang", [])[1:] if _listed(line)]
    if not members:
        members = _from_chair_and_secretary(parts)
        notes.warn(first.index if first else 0, first.plain if first else "",
                   "không có danh sách từng thành viên Hội đồng: đã ghi chủ tọa và thư ký, hãy liệt kê đủ "
                   "thành viên (cả người vắng mặt) trong 'thanh_vien'")
    return members


_MEMBER_COLUMNS = (("HO VA TEN", "ho_ten"), ("HO TEN", "ho_ten"), ("CHUC VU", "chuc_vu"), ("VAI TRO", "vai_tro"),
                   ("NHIEM VU", "vai_tro"), ("THANH VIEN", "vai_tro"))


def member_table(rows: list[list[str]]) -> list[dict]:
    """Members listed in a table (STT | Họ và tên | Chức vụ | Vai trò trong Hội đồng)."""
    from tdkt_docs.importer.nominees import plain

    if not rows:
        return []
    cols: dict[int, str] = {}
    for i, cell in enumerate(rows[0]):
        name = fold(plain(cell))
        key = next((k for words, k in _MEMBER_COLUMNS if words in name and k not in cols.values()), None)
        if key is not None:
            cols[i] = key
    if "ho_ten" not in cols.values():
        return []
    found = []
    for row in rows[1:]:
        item = {k: _TITLE.sub("", plain(row[i])) for i, k in cols.items() if i < len(row) and plain(row[i])}
        if item.get("ho_ten"):
            item.setdefault("vai_tro", "Ủy viên")
            found.append({k: item[k] for k in ("ho_ten", "chuc_vu", "vai_tro") if k in item})
    return found


def _listed(line: Line) -> bool:
    """A line of a list of people: "- Name, ..." or "1. Name, ..."."""
    return line.label is not None and not line.is_table


def _unused(parts: dict, thanh_phan: list[Line]) -> list[Line]:
    """Lines of the opening parts that are neither their first line nor a person of their list; the
    paragraphs under the attendance go to `thanh_phan`, printed there."""
    out = []
    for key in ("bat_dau", "dia_diem", "co_mat", "vang", "khach", "chu_toa", "thu_ky"):
        for line in parts.get(key, [])[1:]:
            if key in ("co_mat", "vang", "khach") and _listed(line):
                continue
            if key == "co_mat" and line.is_table and member_table(line.rows):
                continue
            if key in ("co_mat", "vang", "khach") and line.label is None and not line.is_table:
                thanh_phan.append(line)
                continue
            out.append(line)
    return out


def _results(parts: dict) -> tuple[list[dict], list[Line]]:
    """The awards given as totals (their table, the unvoted 'Danh sách đề nghị:'), and the lines left."""
    lines = parts.get("ket_qua", [])
    given = [row for line in lines if line.is_table and blocks.is_totals_table(line.rows)
             for row in blocks.totals_table(line.rows)]
    given += blocks.unvoted(blocks.Block("ket_qua", lines))
    unvoted = False
    rest = []
    for line in lines[1:]:
        if line.label is None and not line.is_table:
            unvoted = fold_starts(line.plain, "DANH SACH DE NGHI")
            if unvoted or head(line) == "ket_qua":
                continue
        if (line.is_table and blocks.is_totals_table(line.rows)) or (unvoted and line.label in ("dash", "plus")):
            continue
        rest.append(line)
    return given, rest


_TITLE = re.compile(r"^(ông|bà|đồng chí|đ/c)\s+", re.IGNORECASE)


def _from_chair_and_secretary(parts: dict) -> list[dict]:
    """Members as far as the minutes name them: the chair and the secretary."""
    found = []
    for key, role in (("chu_toa", "Chủ tịch Hội đồng"), ("thu_ky", "Ủy viên - Thư ký")):
        line = parts.get(key, [None])[0]
        if line is None or not _after_colon(line):
            continue
        who = member(_TITLE.sub("", _after_colon(line)), False)
        if who["vai_tro"] == "Ủy viên":
            who["vai_tro"] = role
        found.append(who)
    return found or [{"ho_ten": "Họ và tên", "vai_tro": "Chủ tịch Hội đồng"},
                     {"ho_ten": "Họ và tên thư ký", "vai_tro": "Ủy viên - Thư ký"}]


def _chair_and_secretary(parts: dict, members: list[dict], data: dict) -> None:
    names = {fold(m["ho_ten"]) for m in members if "vang" not in m}
    for key in ("chu_toa", "thu_ky"):
        line = parts.get(key, [None])[0]
        if line is None:
            continue
        who = member(_TITLE.sub("", _after_colon(line)), False)
        if fold(who["ho_ten"]) in names:
            data[key] = who["ho_ten"]
        elif key == "thu_ky":
            # A secretary who is not a member: a person of their own, with their post.
            name, _, role = _TITLE.sub("", _after_colon(line)).rstrip(".").partition(",")
            if name.strip():
                data[key] = {"ho_ten": name.strip(), **({"chuc_vu": role.strip()} if role.strip() else {})}


def _account(parts: dict, notes: Notes, data: dict) -> None:
    told: list[Line] = []
    thanh_phan: list[Line] = []
    given, rest = _results(parts)
    if given:
        data["tong_hop"] = given
    for line in parts.get("mo_dau", []) + _unused(parts, thanh_phan) + rest:
        notes.warn(line.index, line.plain, "đoạn này không thuộc phần nào của biên bản: đưa vào 'noi_dung'")
        told.append(line)
    if thanh_phan:
        data["thanh_phan"] = [line.styled for line in thanh_phan]
    data["noi_dung"] = structure.content(told + parts.get("noi_dung", [])[1:], notes)
    conclusion = [line for key in ("ket_luan", "ket_luan_sinh") for line in parts.get(key, [])
                  if not _WRITTEN.match(line.plain)] + parts.get("ket_thuc", [])[1:]
    data["ket_luan"] = []
    for line in conclusion:
        if line.label is not None or line.is_table:
            notes.warn(line.index, line.plain, "kết luận chỉ giữ được đoạn văn thường: đã chép thành đoạn văn")
        text = line.styled if not line.is_table else "; ".join(" | ".join(r) for r in line.rows)
        if fold_starts(line.plain, "KET LUAN"):
            text = text.split(":", 1)[1].strip() if ":" in text else text
        if text:
            data["ket_luan"].append(text)
    rules = " ".join(line.plain for line in parts.get("quy_che", []))
    quy_che = blocks.quy_che(rules)
    if quy_che:
        data["quy_che"] = quy_che
    if parts.get("quy_che"):
        blocks.special_rules(rules, parts["quy_che"][0].index, notes)
