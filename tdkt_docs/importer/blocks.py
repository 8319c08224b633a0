"""The blocks a biên bản's program writes by itself (kinds/bien_ban.py: attendance, chair, quorum
sentence, results, conclusion, closing time), told by their fixed wording, wherever the clerk placed
them among their own sections, and read back into the fields they are written from."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tdkt_docs.checker.vntext import fold
from tdkt_docs.importer.read import Line

# Each block by the words its lines open with; the colon keeps "Thư ký Hội đồng báo cáo..." the clerk's.
_STARTS = (
    ("thoi_gian", re.compile(r"^(Thời gian(?: bắt đầu)?|Địa điểm)\s*:", re.IGNORECASE)),
    ("diem_danh", re.compile(r"^(Thành phần tham dự|Vắng mặt|Khách mời)\s*:", re.IGNORECASE)),
    ("chu_tri", re.compile(r"^(Chủ trì|Chủ tọa|Thư ký|Người ghi biên bản)[^:]{0,30}:", re.IGNORECASE)),
    ("hop_le", re.compile(r"^Số thành viên dự họp\s+\d", re.IGNORECASE)),
    ("ket_qua", re.compile(r"^(Kết quả biểu quyết[^:]*:|Danh sách đề nghị\s*:)\s*$", re.IGNORECASE)),
    ("ket_luan", re.compile(r"^(Kết luận: Hội đồng thống nhất đề nghị |Kết luận: không có trường hợp nào đạt|"
                            r"Không đề nghị .* chưa đạt tỷ lệ phiếu đồng ý theo quy chế)")),
    ("ket_thuc", re.compile(r"^(Cuộc|Buổi) họp kết thúc", re.IGNORECASE)),
)
_PRESENT = re.compile(r"thành viên (?P<council>.+?), có mặt (?P<present>\d+)\s*/\s*(?P<total>\d+) thành viên")
_SHARE_TYPED = re.compile(r"(?P<present>\d+)\s*/\s*(?P<total>\d+)")
_ABSENT = re.compile(r"^Vắng mặt:\s*(?P<n>\d+) thành viên\s*(?:\((?P<why>[^)]*)\))?\s*[.,]?", re.IGNORECASE)
_REASON = re.compile(r"\s*\((?:lý do:\s*(?P<why>[^)]*)|(?P<none>không có lý do))\)\s*$")
_COUNT = re.compile(r"(\d+)\s+(tập thể|cá nhân|hộ gia đình)")
_KEYS = {"tập thể": "tap_the", "cá nhân": "ca_nhan", "hộ gia đình": "ho_gia_dinh"}
_QUORUM = re.compile(r"đạt từ (\S+) số thành viên", re.IGNORECASE)
_NEED = re.compile(r"phải được từ (\S+) số thành viên (có mặt|Hội đồng)", re.IGNORECASE)


@dataclass
class Block:
    name: str
    lines: list[Line] = field(default_factory=list)
    thanh_phan: list[Line] = field(default_factory=list)  # the clerk's lines printed inside diem_danh


def start_of(line: Line) -> str | None:
    if line.label is not None or line.is_table:
        return None
    for name, pattern in _STARTS:
        if pattern.match(line.plain):
            return name
    return None


def group(lines: list[Line]) -> list[Line | Block]:
    """The lines with each computed block's lines gathered into one Block, where it stood."""
    out: list[Line | Block] = []
    pos = 0
    while pos < len(lines):
        line = lines[pos]
        name = start_of(line)
        if name is None:
            out.append(line)
            pos += 1
            continue
        last = out[-1] if out and isinstance(out[-1], Block) else None
        block = last if last is not None and last.name == name and not last.thanh_phan else Block(name)
        if block is not last:
            out.append(block)
        block.lines.append(line)
        pos += 1
        if line.plain.rstrip().endswith(":"):
            while pos < len(lines) and lines[pos].label in ("dash", "plus"):
                block.lines.append(lines[pos])
                pos += 1
            if name == "ket_qua" and pos < len(lines) and lines[pos].is_table:
                block.lines.append(lines[pos])
                pos += 1
        if name == "diem_danh":
            while (pos < len(lines) and lines[pos].label is None and not lines[pos].is_table
                   and start_of(lines[pos]) is None):
                block.thanh_phan.append(lines[pos])
                pos += 1
    return out


def after_colon(text: str) -> str:
    return text.split(":", 1)[1].strip() if ":" in text else ""


def _bullet(line: Line) -> str:
    return line.plain.strip().rstrip(";.").strip()


def person(text: str) -> dict:
    """'Lê Thị Thu, Hiệu trưởng' (a chair, secretary or absentee named without the member list)."""
    text = re.sub(r"^(ông|bà|đồng chí|đ/c)\s+", "", text.strip().rstrip(".").strip(), flags=re.IGNORECASE)
    name, _, post = text.partition(",") if "," in text else text.partition(" - ")  # "Vũ Thị Mai - Hiệu trưởng"
    return {"ho_ten": name.strip(), **({"chuc_vu": post.strip()} if post.strip() else {})}


def attendance(block: Block) -> tuple[str | None, dict | None]:
    """The council's name and, when its members are not listed one by one, `so_thanh_vien`."""
    first = next((x for x in block.lines if x.label is None and fold(x.plain).startswith("THANH PHAN")), None)
    m = _PRESENT.search(first.plain) if first else None
    council = m["council"] if m else None
    if first is None or first.plain.rstrip().endswith(":"):
        return council, None  # "..., gồm:" and the members: the list, read as thanh_vien
    # typed by hand: "Thành phần tham dự: 09/11 thành viên Hội đồng có mặt."
    m = m or _SHARE_TYPED.search(first.plain)
    if m is None:
        return council, None
    given: dict = {"tong_so": int(m["total"]), "co_mat": int(m["present"])}
    absent = [x for x in block.lines if x.label is None and fold(x.plain).startswith("VANG MAT")]
    if absent:
        a = _ABSENT.match(absent[0].plain)
        pos = block.lines.index(absent[0])
        listed = [x for x in block.lines[pos + 1:] if x.label in ("dash", "plus")]
        if listed:
            given["vang"] = [_absentee(_bullet(x)) for x in listed]
        elif a and a["why"]:
            given["ly_do_vang"] = a["why"].strip()
    return council, given


def _absentee(text: str) -> dict:
    reason = _REASON.search(text)
    who = person(text[:reason.start()] if reason else text)
    if reason and reason["why"]:
        who["ly_do"] = reason["why"].strip()
    return who


def guests(block: Block) -> list[str]:
    out: list[str] = []
    inside = False
    for line in block.lines:
        if line.label is None:
            inside = fold(line.plain).startswith("KHACH MOI")
        elif inside:
            out.append(_bullet(line))
    return out


def quy_che(text: str) -> dict:
    """The voting rules as far as the quorum sentence says them, where they differ from the defaults."""
    found: dict = {}
    quorum, need = _QUORUM.search(text), _NEED.search(text)
    if quorum and quorum[1] != "2/3":
        found["co_mat_toi_thieu"] = quorum[1]
    if need:
        if need[1] != "70%":
            found["dong_y"] = need[1]
        if fold(need[2]) == "HOI DONG":
            found["tinh_tren"] = "tong_so"
    return found


def special_rules(text: str, index: int, notes) -> None:
    """A council's own thresholds ("riêng ...: từ 80% ...") are not read back: said, when not the default."""
    special = text.split("riêng", 1)[1] if "riêng" in text else ""
    if special and set(re.findall(r"\d+(?:[.,]\d+)?%", special)) - {"90%"}:
        notes.warn(index, text, "ngưỡng riêng của quy chế không đọc lại được; nếu khác mặc định (Chiến sĩ thi đua "
                   "cấp tỉnh trở lên 90%, bỏ phiếu kín) hãy ghi 'quy_che.rieng'")


def is_totals_table(rows: list[list[str]]) -> bool:
    head = [fold(c.replace("*", "")) for c in rows[0]] if rows else []
    return any("HINH THUC" in h for h in head) and any("SO LUONG" in h for h in head)


def numbers(text: str) -> dict:
    """'50 cá nhân (có danh sách kèm theo)' → {'ca_nhan': 50, 'kem_theo': True}."""
    found: dict = {}
    note = re.search(r"\(([^)]*)\)\s*$", text)
    for count, noun in _COUNT.findall(text[:note.start()] if note else text):
        found[_KEYS[noun]] = int(count)
    if note:
        found["kem_theo"] = True if note[1].strip() == "có danh sách kèm theo" else note[1].strip()
    return found


def totals_table(rows: list[list[str]]) -> list[dict]:
    """The rows of 'STT | Hình thức khen thưởng | Số lượng | Biểu quyết | Đồng ý | Tỷ lệ | Kết quả'."""
    head = [fold(c.replace("*", "")) for c in rows[0]]

    def col(word: str) -> int | None:
        return next((i for i, h in enumerate(head) if word in h), None)

    award, count, method, votes = col("HINH THUC"), col("SO LUONG"), col("BIEU QUYET"), col("DONG Y")
    out = []
    for row in rows[1:]:
        cells = [c.replace("*", "").strip() for c in row]
        if award is None or award >= len(cells) or not cells[award]:
            continue
        item: dict = {"hinh_thuc": cells[award]}
        extra = numbers(cells[count]) if count is not None and count < len(cells) else {}
        item.update({k: v for k, v in extra.items() if k != "kem_theo"})
        m = re.match(r"\s*(\d+)", cells[votes]) if votes is not None and votes < len(cells) else None
        if m:
            item["dong_y"] = int(m[1])
        if method is not None and method < len(cells) and "KIN" in fold(cells[method]):
            item["bieu_quyet"] = "bỏ phiếu kín"
        if "kem_theo" in extra:
            item["kem_theo"] = extra["kem_theo"]
        out.append(item)
    return out


def unvoted(block: Block) -> list[dict]:
    """'Danh sách đề nghị:' and its lines 'Lao động tiên tiến: 38 cá nhân (danh sách kèm theo)'."""
    out: list[dict] = []
    inside = False
    for line in block.lines:
        if line.is_table:
            continue
        if line.label is None:
            inside = fold(line.plain).startswith("DANH SACH DE NGHI")
            continue
        if inside:
            award, _, rest = _bullet(line).rpartition(": ")
            if award and _COUNT.search(rest):
                out.append({"hinh_thuc": award.strip(), **numbers(rest)})
    return out
