"""Next year's plan from this year's: `tdkt rollover FILE --nam 2027`.

The new file is this year's text with a few values rewritten in place, so comments, key order,
quoting and line breaks stay exactly as the clerk left them (the YAML is never dumped again):
- `ngay` becomes a draft date in the new year: the day is cleared, the month kept (2027-03);
- `so` is cleared (the văn thư gives the number when the plan is issued);
- the campaign's dates (`phong_trao.tu_ngay`, `phong_trao.den_ngay`) move by the same number of
  years; text that uses them through {{ tu_ngay }}, {{ den_ngay }} or {{ nam }} follows by itself;
- the `# yaml-language-server: $schema=` line and `dung_chung` names are corrected when the new file
  lives in another folder.
Years written literally in the text are not changed: each one near the plan's year is listed as a
warning with its line, for the clerk to look at (a 2023 anniversary plan whose campaign ends
"19/4/2022" is exactly that mistake).
"""
from __future__ import annotations

import calendar
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tdkt_docs.errors import InputError, OutputError, Problem
from tdkt_docs.input.loader import display_path, dotted, load_yaml_text, read_text
from tdkt_docs.model import Ngay, parse_ngay

DATE_FIELDS = (("phong_trao", "tu_ngay"), ("phong_trao", "den_ngay"))
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")
_MODELINE = re.compile(r"^(#\s*yaml-language-server:\s*\$schema=)(\S+)(.*)$")


@dataclass
class Rollover:
    text: str
    target: Path
    old_year: int
    new_year: int
    changes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # For each warning, the edit its advice asks for in `text` (start, end, new), None when there is none.
    fixes: list[tuple[int, int, str] | None] = field(default_factory=list)


def default_target(source: Path, old_year: int, new_year: int) -> Path:
    """`ke-hoach-2026.yaml` → `ke-hoach-2027.yaml`; `2026/ke-hoach.yaml` → `2027/ke-hoach.yaml` (and
    `2026/ke-hoach-2026.yaml` → `2027/ke-hoach-2027.yaml`); otherwise `ke-hoach-2027.yaml` beside the source."""
    old, new = str(old_year), str(new_year)
    folder = source.parent.parent / new if source.parent.name == old else source.parent
    if old in source.stem:
        return folder / source.name.replace(old, new)
    if folder != source.parent:
        return folder / source.name
    return source.with_name(f"{source.stem}-{new}{source.suffix}")


def rollover(source: Path, new_year: int, target: Path | None = None) -> Rollover:
    source = Path(source)
    shown = display_path(source)
    return _roll(read_text(source, shown), shown, source, new_year, target)


def roll_text(text: str, target: Path, new_year: int) -> Rollover:
    """The rollover of a text not yet on disk that will be written at `target` (`tdkt nhap --nam`)."""
    return _roll(text, display_path(target), Path(target), new_year, Path(target), same_file=True)


def _roll(text: str, shown: str, source: Path, new_year: int, target: Path | None,
          same_file: bool = False) -> Rollover:
    loaded = load_yaml_text(text, shown)  # refuses anything the builder would refuse
    data = loaded.data
    if not isinstance(data, dict) or "ngay" not in data:
        raise InputError(Problem(shown, "không thấy 'ngay' (ngày ký) trong tệp; cần có để biết kế hoạch của năm nào",
                                 line=1))
    try:
        old = parse_ngay(data["ngay"])
    except Exception:
        _, line, col = loaded.locate(("ngay",))
        raise InputError(Problem(shown, "'ngay' không đúng dạng; hãy sửa trước (chạy `tdkt validate`)",
                                 line, col, "ngay")) from None
    if not 1900 <= new_year <= 2200:
        raise InputError(Problem(shown, f"năm {new_year} không hợp lệ"))
    if new_year == old.nam:
        raise InputError(Problem(shown, f"kế hoạch này đã là của năm {new_year}; hãy ghi năm mới, ví dụ --nam {new_year + 1}"))
    delta = new_year - old.nam
    target = Path(target) if target is not None else default_target(source, old.nam, new_year)
    if not same_file and target.resolve() == source.resolve():
        raise OutputError(Problem(display_path(target), "tệp mới trùng với tệp gốc; hãy chọn tên khác bằng -o"))

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    nodes = _scalars(root)
    edits: list[tuple[int, int, str]] = []
    result = Rollover("", target, old.nam, new_year)

    node = nodes.get(("ngay",))
    if node is not None:
        new_date = _draft(node.value, old, new_year)
        edits.append((node.start_mark.index, node.end_mark.index, _requote(text, node, new_date)))
        result.changes.append(f"ngay: {node.value} → {new_date} (dự thảo, chưa có ngày)")
    node = nodes.get(("so",))
    if node is not None and node.value not in ("", "~", "null", "Null", "NULL"):
        edits.append((node.start_mark.index, node.end_mark.index, ""))
        result.changes.append(f"so: {node.value} → để trống (văn thư ghi số khi ban hành)")
    for path in DATE_FIELDS:
        node = nodes.get(path)
        if node is None or node.value in ("", "~", "null"):
            continue
        try:
            moved = _moved(node.value, delta)
        except ValueError:
            continue  # an invalid date is the validator's to report, with its own message
        edits.append((node.start_mark.index, node.end_mark.index, _requote(text, node, moved)))
        result.changes.append(f"{dotted(path)}: {node.value} → {moved}")
    edits.extend(_dung_chung_edits(nodes, source, target, result))
    edits.extend(_modeline_edit(text, source, target, result))

    new_text = _apply(text, edits)
    result.text = new_text
    changed = {("ngay",), ("so",), *DATE_FIELDS}
    result.warnings, result.fixes = _literal_years(new_text, display_path(target), old.nam, changed)
    return result


def _scalars(root: yaml.Node | None) -> dict[tuple, yaml.ScalarNode]:
    """Scalar value nodes by path; keys are not included."""
    found: dict[tuple, yaml.ScalarNode] = {}
    if root is not None:
        _walk_scalars(root, (), found)
    return found


def _walk_scalars(node, path: tuple, found: dict) -> None:
    # Not nested in _scalars: a nested function calling itself is a reference cycle (see sheets._walk).
    if isinstance(node, yaml.ScalarNode):
        found[path] = node
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                _walk_scalars(value, path + (key.value,), found)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _walk_scalars(value, path + (i,), found)


def _requote(text: str, node: yaml.ScalarNode, value: str) -> str:
    """`value` in the quotes the clerk used for this scalar, if any."""
    quote = text[node.start_mark.index:node.start_mark.index + 1]
    return f"{quote}{value}{quote}" if node.style in ("'", '"') and quote in ("'", '"') else value


def _draft(written: str, old: Ngay, new_year: int) -> str:
    """The new year's draft date, written the way the clerk wrote this year's."""
    if old.thang is None:
        return str(new_year)
    if "/" in written:
        return f"{old.thang}/{new_year}"
    return f"{new_year}-{old.thang:02d}"


def _moved(written: str, delta: int) -> str:
    ngay = parse_ngay(written)
    year = ngay.nam + delta
    day = ngay.ngay
    if day is not None and ngay.thang is not None:
        day = min(day, calendar.monthrange(year, ngay.thang)[1])  # 29/02 of a leap year
    if day == ngay.ngay:
        # Only the year's digits change, so the clerk's way of writing the date is kept.
        return re.sub(rf"(?<!\d){ngay.nam}(?!\d)", str(year), written, count=1)
    if "/" in written:
        return f"{day:02d}/{ngay.thang:02d}/{year}"
    return f"{year}-{ngay.thang:02d}-{day:02d}"


def _dung_chung_edits(nodes: dict, source: Path, target: Path, result: Rollover) -> list[tuple[int, int, str]]:
    from tdkt_docs.input.shared_files import find_shared

    edits = []
    for path, node in nodes.items():
        if not path or path[0] != "dung_chung" or not node.value.strip():
            continue
        found = find_shared(node.value.strip(), source.parent)
        if found is None:
            continue
        again = find_shared(node.value.strip(), target.parent)
        if again is not None and again.resolve() == found.resolve():
            continue
        relative = Path(os.path.relpath(found.resolve(), target.parent.resolve())).as_posix()
        edits.append((node.start_mark.index, node.end_mark.index, relative))
        result.changes.append(f"{dotted(path)}: {node.value} → {relative} (tệp mới ở thư mục khác)")
    return edits


def _modeline_edit(text: str, source: Path, target: Path, result: Rollover) -> list[tuple[int, int, str]]:
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    match = _MODELINE.match(first.rstrip("\r"))
    if not match:
        return []
    pointed = (source.parent / match.group(2)).resolve()
    relative = Path(os.path.relpath(pointed, target.parent.resolve())).as_posix()
    if relative == match.group(2):
        return []
    result.changes.append(f"dòng $schema: {match.group(2)} → {relative}")
    return [(match.start(2), match.end(2), relative)]


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    out = text
    for start, end, new in sorted(edits, reverse=True):
        if new == "":
            line_end = out.find("\n", end)
            line_end = len(out) if line_end < 0 else line_end
            if out[end:line_end].strip():
                # `so: 12   # ...` keeps its comment where it was: `so:       # ...`.
                out = out[:start] + " " * (end - start) + out[end:]
            else:
                # `so: 12` becomes `so:`, without a trailing space.
                gap = start
                while gap > 0 and out[gap - 1] == " ":
                    gap -= 1
                out = out[:gap] + out[end:line_end].rstrip(" \r") + out[line_end:]
        else:
            out = out[:start] + new + out[end:]
    return out


def _literal_years(text: str, shown: str, old_year: int,
                   skip: set[tuple]) -> tuple[list[Problem], list[tuple[int, int, str] | None]]:
    """Every year near the plan's year written literally in a value, with its line and column, and the
    edit that makes it follow the plan's year ({{ nam }}), checked to read back as that text."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    near = {old_year - 1, old_year, old_year + 1}
    warnings, fixes = [], []
    for path, node in _scalars(root).items():
        if path in skip or (path and path[0] in ("loai", "dung_chung")):
            continue
        raw = text[node.start_mark.index:node.end_mark.index]
        for m in _YEAR.finditer(raw):
            year = int(m.group())
            if year not in near:
                continue
            absolute = node.start_mark.index + m.start()
            line = text.count("\n", 0, absolute) + 1
            col = absolute - (text.rfind("\n", 0, absolute) + 1) + 1
            excerpt = _excerpt(raw, m.start(), m.end())
            fix, advice = _year_fix(text, path, node, m, year - old_year)
            warnings.append(Problem(shown, f"năm {year} viết thẳng: «{excerpt}»{advice}", line, col, dotted(path),
                                    severity="warning"))
            fixes.append(fix)
    return warnings, fixes


_EXPRESSIONS = {0: "{{ nam }}", -1: "{{ nam - 1 }}", 1: "{{ nam + 1 }}"}


def _year_fix(text: str, path: tuple, node: yaml.ScalarNode, m: re.Match,
              offset: int) -> tuple[tuple[int, int, str] | None, str]:
    """The edit that writes this year as {{ nam }} (± 1), and the advice that says it. In place when
    the value still reads the same way; else the whole value in double quotes (a plain value cannot
    start with '{', nor hold one inside a table row [ ... ])."""
    expr = _EXPRESSIONS[offset]
    start, end = node.start_mark.index, node.end_mark.index
    raw = text[start:end]
    wanted = _nth_replaced(node.value, m.group(), raw[:m.start()].count(m.group()), expr)
    if wanted is None:
        return None, ""
    in_place = raw[:m.start()] + expr + raw[m.end():]
    if _reads_as(text, start, end, in_place, path, wanted):
        shown = _excerpt(in_place, m.start(), m.start() + len(expr))
        return ((start + m.start(), start + m.end(), expr),
                f"; nếu năm này theo năm của kế hoạch, hãy viết {expr} thay cho {m.group()}: «{shown}»")
    quoted = json.dumps(wanted, ensure_ascii=False)
    if "\n" in raw or not _reads_as(text, start, end, quoted, path, wanted):
        return None, f"; nếu năm này theo năm của kế hoạch, hãy viết {expr} thay cho {m.group()}, cả đoạn trong ngoặc kép"
    return ((start, end, quoted),
            f"; nếu năm này theo năm của kế hoạch, hãy viết {expr} thay cho {m.group()} và đặt cả ô/đoạn này trong "
            f"ngoặc kép (dấu '{{' không đứng trần được ở đây), tức là: {quoted}")


def _nth_replaced(value: str, year: str, n: int, expr: str) -> str | None:
    parts = value.split(year)
    if len(parts) <= n + 1:
        return None
    return year.join(parts[:n + 1]) + expr + year.join(parts[n + 1:])


def _reads_as(text: str, start: int, end: int, new: str, path: tuple, wanted: str) -> bool:
    try:
        node = _scalars(yaml.compose(text[:start] + new + text[end:], Loader=yaml.SafeLoader)).get(path)
    except yaml.YAMLError:
        return False
    return node is not None and node.value == wanted and node.tag == "tag:yaml.org,2002:str"


def _excerpt(raw: str, start: int, end: int, width: int = 30) -> str:
    left = raw[max(0, start - width):start]
    right = raw[end:end + width]
    # Whole words only, so the clerk can search for the excerpt.
    if start > width and " " in left:
        left = left.split(" ", 1)[1]
    if end + width < len(raw) and " " in right:
        right = right.rsplit(" ", 1)[0]
    text = left + raw[start:end] + right
    # A block of text (| or >) shows as the words of its lines, not its indicator and indentation.
    if start <= width and raw[:1] in "|>" and "\n" in text:
        text = text.split("\n", 1)[1]
    text = re.sub(r"\s+", " ", text).strip(" \"'")
    return ("…" if start > width else "") + text + ("…" if end + width < len(raw) else "")


def write_new(result: Rollover) -> None:
    from tdkt_docs.output.write import atomic_write

    if result.target.exists():
        raise OutputError(Problem(display_path(result.target), "đã có tệp này; hãy chọn tên khác bằng -o "
                                  "hoặc xóa tệp cũ nếu muốn làm lại"))
    atomic_write(result.target, result.text.encode("utf-8"))
