"""A table row with more cells than the table has columns, told with the row rewritten.

YAML splits a one-line row `- [Tổng kết, khen thưởng, Tháng 12/2027]` at every comma, so a cell
holding a comma becomes two. The clerk is shown the row with the cell quoted. Which cells go
together is guessed: a cell that starts with a small letter most likely continues the one before
it ("khen thưởng" after "Tổng kết"); when the guess does not give exactly the cells too many, the
message says it is not sure and shows one way, for the clerk to choose.

The row is then read as the guess has it, so the schema check does not tell the same row again;
the document is still not built, because this is an error.
"""
from __future__ import annotations

import json
from typing import Any

from tdkt_docs.errors import Problem
from tdkt_docs.input.loader import Key, Loaded, dotted


def check_tables(loaded: Loaded, node: Any, path: Key, errors: list[Problem]) -> None:
    if isinstance(node, dict):
        table = node.get("bang")
        if isinstance(table, dict):
            _rows(loaded, table, path + ("bang",), errors)
        for key, value in node.items():
            check_tables(loaded, value, path + (key,), errors)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            check_tables(loaded, value, path + (i,), errors)


def _rows(loaded: Loaded, table: dict, path: Key, errors: list[Problem]) -> None:
    cot, dong = table.get("cot"), table.get("dong")
    if not isinstance(cot, list) or not cot or not isinstance(dong, list):
        return
    width = len(cot) - (1 if table.get("so_thu_tu") is True else 0)
    for r, row in enumerate(dong):
        if isinstance(row, list) and width > 0 and len(row) > width:
            here = path + ("dong", r)
            quoted = {j for j in range(len(row)) if (loaded.spans.get(here + (j,)) or (0, 0, None))[2] in ("'", '"')}
            joins, sure = _guess(row, width, quoted)
            errors.append(_problem(loaded, here, row, width, joins, sure, table.get("so_thu_tu") is True))
            dong[r] = _joined(loaded, here, row, joins)[0]


def _starts_small(value: Any) -> bool:
    text = str(value).lstrip()
    return bool(text) and text[0].islower()


def _guess(row: list, width: int, quoted: set[int]) -> tuple[set[int], bool]:
    """The boundaries (between cell j and j+1) that are commas inside a cell, and whether that is clear.
    A quoted cell is a cell of its own; a small letter, or a number after a number ('Tháng 12, 2027'),
    most likely continues the cell before it."""
    extra = len(row) - width
    free = [j for j in range(len(row) - 1) if j not in quoted and j + 1 not in quoted]

    def continues(j: int) -> bool:
        before, after = str(row[j]).rstrip(), str(row[j + 1]).lstrip()
        return _starts_small(after) or (after[:1].isdigit() and before[-1:].isdigit())

    likely = [j for j in free if continues(j)]
    if len(likely) == extra:
        return set(likely), True
    if len(likely) > extra:
        return set(likely[:extra]), False
    others = [j for j in free if j not in likely] + [j for j in range(len(row) - 1) if j not in free]
    return set(likely + others[:extra - len(likely)]), False


def _typed(loaded: Loaded, path: Key, value: Any) -> str:
    """A cell as the clerk typed it, quotes included."""
    span = loaded.spans.get(path)
    if span is not None and loaded.locate(path)[0] == loaded.file:
        return loaded.text[span[0]:span[1]]
    return "" if value is None else str(value)


def _joined(loaded: Loaded, path: Key, row: list, joins: set[int]) -> tuple[list, list[str], list[str]]:
    """The row read with `joins` as commas inside cells: its values, each cell as typed, the merged ones."""
    values: list = []
    typed: list[str] = []
    merged: list[str] = []
    j = 0
    while j < len(row):
        end = j
        while end in joins:
            end += 1
        if end == j:
            values.append(row[j])
            typed.append(_typed(loaded, path + (j,), row[j]))
        else:
            text = ", ".join("" if v is None else str(v) for v in row[j:end + 1])
            values.append(text)
            typed.append(json.dumps(text, ensure_ascii=False))
            merged.append(text)
        j = end + 1
    return values, typed, merged


def _problem(loaded: Loaded, path: Key, row: list, width: int, joins: set[int], sure: bool,
             numbered: bool) -> Problem:
    file, line, col = loaded.locate(path)
    _, typed, merged = _joined(loaded, path, row, joins)
    shown = ", ".join(f"«{m}»" for m in merged)
    head = (f"dòng {path[-1] + 1} của bảng có {len(row)} ô, cần {width} ô (theo số cột"
            f"{', không kể cột số thứ tự' if numbered else ''}): YAML tách ô ở mỗi dấu phẩy")
    flow = _is_flow(loaded, path)
    fixed = f"- [{', '.join(typed)}]"
    if sure:
        cells = "các ô" if len(merged) > 1 else "ô"
        advice = f", nên có lẽ {cells} {shown} có dấu phẩy; hãy đặt riêng {cells} đó trong ngoặc kép"
        advice += f", tức là sửa dòng thành: {fixed}" if flow else ", ví dụ \"Xây dựng, ban hành kế hoạch\""
    else:
        advice = ("; không rõ ô nào có dấu phẩy: hãy đặt trong ngoặc kép từng ô có dấu phẩy"
                  + (f", ví dụ nếu {shown} là một ô thì sửa dòng thành: {fixed}" if flow else ""))
    return Problem(file, head + advice, line, col, dotted(path))


def _is_flow(loaded: Loaded, path: Key) -> bool:
    first = loaded.spans.get(path + (0,))
    if first is None or loaded.locate(path)[0] != loaded.file:
        return False
    start = loaded.text.rfind("\n", 0, first[0]) + 1
    end = loaded.text.find("\n", first[0])
    line = loaded.text[start:end if end >= 0 else len(loaded.text)]
    return line.lstrip().startswith("- [") and line.rstrip().endswith("]")
