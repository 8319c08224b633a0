"""The nominee table of a tờ trình or a biên bản back into `de_nghi`: the group rows (I Tập thể,
II Cá nhân) tell the list, the header row tells the columns, a vote cell "06/06" gives dong_y."""
from __future__ import annotations

import re

from tdkt_docs.checker.vntext import fold
from tdkt_docs.importer.notes import Notes

_GROUPS = (("TAP THE", "tap_the"), ("CA NHAN", "ca_nhan"), ("HO GIA DINH", "ho_gia_dinh"))
_COLUMNS = (("HO VA TEN", "ten"), ("TEN", "ten"), ("CHUC VU", "chuc_vu_don_vi"), ("DON VI", "chuc_vu_don_vi"),
            ("HINH THUC", "hinh_thuc"), ("DANH HIEU", "hinh_thuc"), ("BIEU QUYET", "bieu_quyet"),
            ("DONG Y", "dong_y"), ("SO PHIEU", "dong_y"))
_VOTES = re.compile(r"^\s*(\d+)\s*(?:/\s*\d+)?")
_ROMAN = re.compile(r"^[IVX]+\.?$")


def plain(cell: str) -> str:
    return cell.replace("**", "").replace("\\*", "*").replace("*", "").strip()


def columns(head: list[str]) -> dict[int, str] | None:
    """Column number → field, or None when the row is not a nominee table's header."""
    found: dict[int, str] = {}
    for i, cell in enumerate(head):
        name = fold(plain(cell))
        for words, key in _COLUMNS:
            if words in name and key not in found.values():
                found[i] = key
                break
    # A table whose every row has the same award names it only in the sentence above: a name and one
    # more column of a nominee list (chức vụ, đơn vị, votes) is enough.
    if any("VAI TRO" in fold(plain(cell)) for cell in head):
        return None  # the council's members (Họ và tên, Chức vụ, Vai trò), not nominees
    return found if "ten" in found.values() and len(found) >= 2 else None


def is_nominee_table(rows: list[list[str]]) -> bool:
    return bool(rows) and columns(rows[0]) is not None


# The award said once, in the sentence before the list: "... xem xét, tặng Giấy khen ... cho 03 tập thể",
# "Kết quả biểu quyết đề nghị tặng danh hiệu Lao động tiên tiến:".
_SAID = re.compile(r"(?:xem xét,|đề nghị)\s+(?:trình .+? )?(?:xét tặng|truy tặng|tặng|công nhận)\s+(?P<award>.+?)"
                   r"(?:\s+cho\s+\d|:\s*$)")


def award_said(text: str) -> str | None:
    m = _SAID.search(text)
    if not m:
        return None
    award = m["award"].strip()
    return award[len("danh hiệu "):] if award.lower().startswith("danh hiệu ") else award


def de_nghi(rows: list[list[str]], index: int, notes: Notes, award: str | None = None) -> dict:
    cols = columns(rows[0]) or {}
    groups: dict[str, list[dict]] = {}
    current = "ca_nhan"
    for row in rows[1:]:
        cells = [plain(c) for c in row]
        group = _group_row(cells)
        if group is not None:
            current = group
            continue
        item = {key: cells[i] for i, key in cols.items() if i < len(cells) and cells[i]}
        if not item.get("ten"):
            continue
        if "dong_y" in item:
            m = _VOTES.match(item["dong_y"])
            if m:
                item["dong_y"] = int(m.group(1))
            else:
                del item["dong_y"]
        if "bieu_quyet" in item:
            vote = fold(item["bieu_quyet"])
            item["bieu_quyet"] = "bỏ phiếu kín" if "KIN" in vote else "giơ tay"
        groups.setdefault(current, []).append(item)
    if award and "hinh_thuc" not in cols.values():
        for items in groups.values():
            for item in items:
                item["hinh_thuc"] = award
    return _shared_award(groups, index, notes)


def _group_row(cells: list[str]) -> str | None:
    texts = [c for c in cells if c]
    if not texts:
        return None
    label = [t for t in texts if not _ROMAN.match(t)]
    if label and len(set(label)) == 1:
        name = fold(label[0])
        for words, key in _GROUPS:
            if name == words:
                return key
    return None


def _shared_award(groups: dict[str, list[dict]], index: int, notes: Notes) -> dict:
    everyone = [item for items in groups.values() for item in items]
    out: dict = {}
    if not everyone:
        notes.warn(index, "", "không đọc được ai trong bảng danh sách đề nghị; đã ghi một dòng mẫu, hãy sửa 'de_nghi'")
        return {"ca_nhan": [{"ten": "Họ và tên", "hinh_thuc": "Giấy khen"}]}
    awards = {item.get("hinh_thuc") for item in everyone}
    if len(awards) == 1 and None not in awards:
        out["hinh_thuc"] = awards.pop()
        for item in everyone:
            del item["hinh_thuc"]
    elif None in awards:
        notes.warn(index, "", "có dòng trong danh sách đề nghị chưa ghi hình thức khen thưởng; hãy thêm 'hinh_thuc'")
    for key in ("tap_the", "ca_nhan", "ho_gia_dinh"):
        if key in groups:
            out[key] = groups[key]
    return out
