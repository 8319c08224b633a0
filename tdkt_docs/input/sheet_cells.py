"""How a problem of a row read from a spreadsheet is told: at its cell, in the words of the sheet.

A clerk who keeps the list in Excel fixes it in Excel. The message names the sheet, the cell (E5) and
the column as its header reads, and says what to type in the cell — never which YAML line to add, which
is the advice the schema check and the builders give for a list written in the YAML itself.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from tdkt_docs.errors import Problem

# The kinds whose lists go to a council meeting, where every nominee needs a vote count.
VOTING = {"ho_so", "bien_ban"}


@dataclass(frozen=True)
class Column:
    key: str
    labels: tuple[str, ...]
    required: bool = False

    @property
    def shown(self) -> str:
        return self.labels[0]


@dataclass
class Sheet:
    """One list read from a spreadsheet: where it is and which column holds which field."""

    shown: str
    title: str | None  # the sheet's name in a workbook; None for a .csv
    spec: tuple[Column, ...]
    header_at: int = 0
    columns: dict[str, tuple[int, str]] = field(default_factory=dict)  # key → (1-based column, header as typed)
    failed: bool = False  # the list could not be read at all (no file, no header row...)

    def named(self) -> str:
        return f"trang '{self.title}': " if self.title else ""

    def cell(self, key: str, row: int) -> str:
        col, header = self.columns[key]
        where = f"ô {column_letter(col)}{row} (cột '{header}')"
        return f"trang '{self.title}', {where}" if self.title else where

    def label(self, key: str) -> str:
        return next((c.shown for c in self.spec if c.key == key), key)


def column_letter(index: int) -> str:
    """1 → A, 27 → AA, as Excel names columns."""
    out = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


_WORDS = {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
          "tám": 8, "chín": 9, "mười": 10}


def spelled_number(value: Any) -> int | None:
    """The number a vote cell meant ('tám' → 8, '9 phiếu' → 9), to show in the advice; None if unsure."""
    text = unicodedata.normalize("NFC", str(value)).strip().casefold()
    if text in _WORDS:
        return _WORDS[text]
    digits = re.fullmatch(r"(\d+)\s*(phiếu|người|thành viên)?", text)
    return int(digits.group(1)) if digits else None


def _same(a: Any, b: Any) -> bool:
    return " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


def votes_missing(loaded, path: tuple, records: list[dict], sheet: Sheet, problems: list[Problem]) -> list[Problem]:
    """Rows of a council's list with no vote count: told here, with the sheet's other problems, since the
    meeting's own check only runs once the whole file is right."""
    if not isinstance(loaded.data, dict) or loaded.data.get("loai") not in VOTING or path[-1] == "thanh_vien":
        return []
    parent: Any = loaded.data
    for part in path[:-1]:
        parent = parent[part]
    if not isinstance(parent, dict):
        return []
    totals = [t.get("hinh_thuc") for t in parent.get("tong_hop") or [] if isinstance(t, dict)]
    told = {p.field for p in problems}
    from tdkt_docs.input.loader import dotted

    need = [i for i, r in enumerate(records) if "dong_y" not in r
            and not any(_same(r.get("hinh_thuc") or parent.get("hinh_thuc") or "", t) for t in totals)
            and dotted(path + (i, "dong_y")) not in told]
    if not need:
        return []
    if "dong_y" not in sheet.columns:
        return [Problem(sheet.shown, f"{sheet.named()}bảng tính chưa có cột 'Số phiếu đồng ý' mà biên bản cần số "
                        f"phiếu của từng trường hợp; hãy thêm cột 'Số phiếu đồng ý' vào dòng tên cột (dòng "
                        f"{sheet.header_at}) rồi gõ số phiếu cho từng dòng", sheet.header_at, field=dotted(path))]
    out = []
    for i in need:
        _, row, _ = loaded.where[path + (i,)]
        out.append(Problem(sheet.shown, f"{sheet.cell('dong_y', row)} đang để trống; hãy gõ số thành viên Hội đồng "
                           "đồng ý, ví dụ 9", row, sheet.columns["dong_y"][0], dotted(path + (i, "dong_y"))))
    return out


def merge(loaded, first: list[Problem], later: list[Problem]) -> list[Problem]:
    """The sheets' own problems, then those found later, told at their cells. A later problem of a cell
    (or row) the sheet check already told is the same mistake seen again and is left out."""
    told = [(p.file, p.line, p.field) for p in first if p.field]
    unread = [name for name, sheet in loaded.sheets.items() if sheet.failed]

    def again(p: Problem) -> bool:
        if p.field and any(p.field == name or p.field.startswith((name + "[", name + ".")) for name in unread):
            return True
        return bool(p.field) and any(f == p.file and line == p.line and (name == p.field or name.startswith(p.field + "."))
                                     for f, line, name in told)

    return tell(loaded, first + [p for p in later if not again(p)])


def tell(loaded, problems: list[Problem]) -> list[Problem]:
    """Each problem that lies in a spreadsheet row said as the cell to fix; the others as they are."""
    if not getattr(loaded, "sheets", None):
        return list(problems)
    return [_at_cell(loaded, p) for p in problems]


def _sheet_of(loaded, p: Problem) -> tuple[Sheet | None, str | None]:
    for name, sheet in loaded.sheets.items():
        if p.field and p.file == sheet.shown and p.field.startswith(name + "["):
            rest = p.field[len(name):].partition("].")[2]
            keys = {c.key for c in sheet.spec}
            key = rest.split(".")[0] if rest.split(".")[0] in keys else None
            if key is None:
                named = [k for k in keys if f"'{k}: " in p.message or f"'{k}:" in p.message]
                key = named[0] if len(named) == 1 else None
            return sheet, key
    return None, None


def _at_cell(loaded, p: Problem) -> Problem:
    sheet, key = _sheet_of(loaded, p)
    if sheet is None or p.line is None or p.line <= sheet.header_at or p.message.startswith(("trang '", "ô ")):
        return p
    row = p.line
    if key is None:
        return replace(p, message=f"{sheet.named()}dòng {row}: {p.message}")
    if key in sheet.columns:
        col, header = sheet.columns[key]
        message = _advice(p.message, key, header.casefold(), "vào ô này", loaded.file)
        return replace(p, col=col, message=f"{sheet.cell(key, row)}: {message}")
    label = sheet.label(key)
    message = _advice(p.message, key, label.casefold(), f"vào cột '{label}' của dòng này (bảng tính chưa có cột "
                      f"này: hãy thêm vào dòng tên cột, dòng {sheet.header_at})", loaded.file)
    return replace(p, message=f"{sheet.named()}dòng {row}: {message}")


def _advice(message: str, key: str, noun: str, into: str, yaml_file: str) -> str:
    """YAML advice ('hãy thêm \\'dong_y: 9\\'') turned into what to type in the cell."""
    def value(match: re.Match) -> str:
        text = match.group(1).strip()
        if text in ("", "...", "…"):
            return noun
        return text[1:-1] if text.startswith("<") and text.endswith(">") else text

    message = re.sub(rf"hãy thêm '{key}: ([^']*)'(?: cho [^,;]*? này)?", lambda m: f"hãy gõ {value(m)} {into}", message)
    message = re.sub(rf"'{key}: ([^']*)'", lambda m: f"'{value(m)}'", message)
    message = message.replace("(hoặc bỏ dòng này)", "(hoặc xóa chữ trong ô)")
    return re.sub(r"hoặc '(\w+)' chung ở đầu danh sách",
                  rf"hoặc ghi '\1: ...' chung ở đầu danh sách trong tệp {yaml_file}", message)
