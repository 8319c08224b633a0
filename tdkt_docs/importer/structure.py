"""Lines into the nested content of the YAML models: the labels become the nesting (I. → 1. → a),
"2.1." under "2.", "-" and "+" as bullets), text under a heading goes into its noi_dung, tables
become `bang`. The program numbers the result itself, so no label is kept as text."""
from __future__ import annotations

import re

from tdkt_docs.checker.vntext import fold_starts
from tdkt_docs.importer.notes import Notes
from tdkt_docs.importer.read import Line

MAX_DEPTH = 3  # I., 1., a): what the renderer numbers
_RANK = {"roman": 0, "arabic": 1, "letter": 10}
_END_MARK = re.compile(r"\s*\.?/\.\s*$")
# Numbers the program does not write ("PHẦN I", "Chương 2", "A.", "1/", "I -"): kept as typed, and said.
_UNNUMBERED = re.compile(r"^(?:(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?:[IVXLC]+|\d+|thứ)\b|[A-ZĐ][.)]\s|\d{1,2}\s*/\s|"
                         r"[IVXLC]+\s*[-–/]\s|\d{1,2}\s*[-–]\s)")
_STT = re.compile(r"^(s\s*)?tt\.?$", re.IGNORECASE)
# A part's label alone on its line, its title on the next ("Phần thứ nhất" / "KẾT QUẢ ..."), as the
# program prints a `phan`: the mục under it restart at I. Typed in capitals ("PHẦN I") the label is
# kept as typed, since the program would print it "Phần I".
_PART = re.compile(r"^Phần\s+(?:(?P<roman>[IVXLC]+)|thứ\s+\w+)$")


def rank(line: Line) -> int:
    if line.label == "multi":
        return 1 + line.label_text.count(".")
    return _RANK[line.label]


class Tree:
    """Builds the noi_dung list; `stack` holds the open numbered items with their ranks."""

    def __init__(self, notes: Notes):
        self.root: list = []
        self.stack: list[tuple[int, dict]] = []
        self.notes = notes
        self.said: set[tuple] = set()

    def container(self) -> list:
        return self.stack[-1][1].setdefault("noi_dung", []) if self.stack else self.root

    def add(self, line: Line) -> None:
        if line.is_table:
            self.container().append({"bang": bang(line, self.notes)})
        elif line.label in ("dash", "plus"):
            self.bullet(line)
        elif line.label is None:
            if _UNNUMBERED.match(line.plain):
                self.notes.warn(line.index, line.plain, "số thứ tự kiểu này chương trình không đánh: giữ thành "
                                "đoạn văn thường, số gõ tay giữ nguyên")
            self.container().append(line.styled)
        else:
            self.numbered(line)

    def numbered(self, line: Line) -> None:
        r = rank(line)
        while self.stack and self.stack[-1][0] >= r:
            self.stack.pop()
        decimal = line.label == "multi" and self.stack and self.stack[-1][0] == r - 1
        if line.label == "multi" and not decimal:
            r = 1
            while self.stack and self.stack[-1][0] >= r:
                self.stack.pop()
        depth = sum(1 for _r, node in self.stack if not _decimal_child(node, self.stack))
        if depth >= MAX_DEPTH and not decimal:
            self.notes.warn(line.index, line.plain, "quá 3 cấp đánh số (I., 1., a)): giữ thành đoạn văn "
                            "thường, số gõ tay giữ nguyên")
            self.container().append(f"{line.label_text}{')' if line.label == 'letter' else '.'} {line.text}")
            return
        if decimal:
            self.stack[-1][1]["danh_so"] = "thap_phan"
        else:
            self.relabelled(line, depth)
        item = _item(line)
        self.container().append(item)
        self.stack.append((r, item))

    def relabelled(self, line: Line, depth: int) -> None:
        """The program numbers level 1 I., level 2 1., level 3 a): a typed number of another kind at
        that level is printed differently; said once for each kind and level."""
        shown = _SHOWN[depth]
        if line.label == shown or (line.label == "multi" and shown == "arabic"):
            return
        key = (line.label, depth)
        if key not in self.said:
            self.said.add(key)
            self.notes.warn(line.index, line.plain, f"số thứ tự «{line.label_text}» ở cấp {depth + 1}: chương trình "
                            f"đánh số cấp này kiểu {_SHOWN_AS[depth]}")

    def bullet(self, line: Line) -> None:
        items = self.container()
        group = items[-1] if items and isinstance(items[-1], dict) and "gach" in items[-1] else None
        if line.label == "plus" and group is not None and group["gach"]:
            last = group["gach"][-1]
            if isinstance(last, str):
                last = group["gach"][-1] = {"van_ban": last, "gach": []}
            last["gach"].append(line.styled)
            return
        if line.label == "plus":
            self.notes.warn(line.index, line.plain, "dòng '+' không đứng sau dòng '-': in thành dòng '-'")
        if group is None:
            group = {"gach": []}
            items.append(group)
        group["gach"].append(line.styled)


def _decimal_child(node: dict, stack: list) -> bool:
    # A "2.1." item stays at its parent's level: it does not count as one more level.
    for i, (_r, other) in enumerate(stack):
        if other is node and i > 0:
            return stack[i - 1][1].get("danh_so") == "thap_phan"
    return False


_SHOWN = ("roman", "arabic", "letter")
_SHOWN_AS = ("I., II.", "1., 2.", "a), b)")
_LEAD = re.compile(r"^\*\*(?P<title>[^*]+?)(?P<in>:?)\*\*(?P<out>:?)\s*(?P<rest>\S.*)$", re.DOTALL)


def _item(line: Line) -> dict:
    """A numbered line: a title (all bold), a title and its text ("**Mục đích:** text"), or text."""
    if not line.bold:
        m = _LEAD.match(line.text)
        if m and (m["in"] or m["out"]) and "**" not in m["rest"]:
            return {"tieu_de": m["title"].strip(), "van_ban": m["rest"]}
    return {"tieu_de": line.text} if _is_title(line) else {"van_ban": line.text}


def _is_title(line: Line) -> bool:
    if line.label == "roman":
        return True
    if line.label == "letter":
        return line.bold or line.italic
    return line.bold


def bang(line: Line, notes: Notes) -> dict:
    rows = [[c for c in row] for row in line.rows if any(c.strip() for c in row)]
    width = max((len(r) for r in rows), default=1)
    rows = [r + [""] * (width - len(r)) for r in rows]
    if not rows:
        return {"cot": [""]}
    head, body = rows[0], rows[1:]
    head = [h or " " for h in head]
    found: dict = {"cot": head}
    if body and _STT.match(head[0].replace("*", "").strip()) and all(
            r[0].strip() == str(i) for i, r in enumerate(body, 1)):
        found["so_thu_tu"] = True
        body = [r[1:] for r in body]
    found["dong"] = body
    if len({len(r) for r in line.rows}) > 1:
        notes.warn(line.index, " ".join(head), "bảng có ô gộp: đã tách lại thành ô thường, hãy xem lại")
    return found


def is_part(lines: list[Line], pos: int) -> bool:
    """A part label ("Phần I", "Phần thứ hai") alone on its line with a title line after it."""
    line = lines[pos]
    return (line.label is None and not line.is_table and bool(_PART.match(line.plain))
            and pos + 1 < len(lines) and lines[pos + 1].label is None and not lines[pos + 1].is_table)


def split_opening(lines: list[Line]) -> tuple[list[str], list[str], list[Line]]:
    """The căn cứ lines and the opening paragraphs before the first heading, part, list or table."""
    can_cu: list[str] = []
    mo_dau: list[str] = []
    pos = 0
    while (pos < len(lines) and lines[pos].label is None and not lines[pos].is_table
           and not is_part(lines, pos)):
        line = lines[pos]
        if not mo_dau and fold_starts(line.plain, "CAN CU"):
            can_cu.append(line.text)  # the program sets căn cứ in italics itself
        else:
            mo_dau.append(line.styled)
        pos += 1
    return can_cu, mo_dau, lines[pos:]


def split_closing(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """The closing paragraphs ('Trên đây là...' to the end) and what comes before."""
    cut = None
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.label is not None or line.is_table:
            break
        if fold_starts(line.plain, ("TREN DAY", "NOI DUNG TREN")):
            cut = i
    if cut is None:
        return lines, []
    return lines[:cut], [line.styled for line in lines[cut:]]


def without_end_mark(text: str) -> str:
    """The './.' the program writes after the last paragraph, taken off."""
    return _END_MARK.sub(".", text) if _END_MARK.search(text) else text


def strip_end_mark(lines: list[Line]) -> None:
    """The './.' taken off the last paragraph; a './.' on its own line (after a closing table) dropped."""
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.is_table:
            continue
        if _END_MARK.fullmatch(line.plain):
            del lines[i]
            return
        line.text = without_end_mark(line.text)
        return


def content(lines: list[Line], notes: Notes) -> list:
    """The nested noi_dung; a part label and its title start a `phan` holding what follows."""
    root: list = []
    tree = Tree(notes)
    tree.root = root
    pos = 0
    while pos < len(lines):
        if is_part(lines, pos):
            m = _PART.match(lines[pos].plain)
            tree = Tree(notes)
            root.append({"phan": lines[pos + 1].text, **({} if m["roman"] else {"danh_so": "thu_nhat"}),
                         "noi_dung": tree.root})
            pos += 2
            continue
        tree.add(lines[pos])
        pos += 1
    return root
