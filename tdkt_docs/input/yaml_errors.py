"""Why a YAML file does not parse, said in the clerk's words: the line and column to look at, with a
caret under it, and what to type instead (quotes, a space after ':', a closing bracket)."""
from __future__ import annotations

import json
import re

import yaml

from tdkt_docs.errors import Problem


def syntax_problem(exc: yaml.MarkedYAMLError, shown: str, text: str) -> Problem:
    lines = text.splitlines()
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    col = mark.column + 1 if mark else None
    diagnosis = _diagnose(exc, lines)
    if diagnosis:
        line, col, reason = diagnosis
    else:
        reason = _explain(exc.problem or "", exc.context or "")
    caret = ""
    if line is not None and 0 < line <= len(lines):
        src = lines[line - 1]
        caret = f"\n    {src}\n    {' ' * (col - 1)}^"
    return Problem(shown, f"lỗi cú pháp YAML: {reason}{caret}", line=line, col=col)


_QUOTE = "hãy đặt cả đoạn trong ngoặc kép \"...\""
# What a value may not start with unquoted, and what YAML takes it for.
_STARTS = {
    "*": "dấu '*' (chữ nghiêng/đậm) ở đầu đoạn bị YAML hiểu là bí danh",
    "&": "dấu '&' ở đầu đoạn bị YAML hiểu là tên bí danh",
    "{": "dấu '{' ở đầu đoạn bị YAML hiểu là một nhóm mục",
    "[": "dấu '[' ở đầu đoạn bị YAML hiểu là một danh sách",
    "%": "dấu '%' không được đứng đầu đoạn",
    "@": "dấu '@' không được đứng đầu đoạn",
    "`": "dấu '`' không được đứng đầu đoạn",
    "|": "dấu '|' ở đầu đoạn bị YAML hiểu là khối chữ nhiều dòng",
    ">": "dấu '>' ở đầu đoạn bị YAML hiểu là khối chữ nhiều dòng",
    '"': "đoạn mở đầu bằng ngoặc kép thì phải kết thúc bằng ngoặc kép",
    "'": "đoạn mở đầu bằng ngoặc đơn thì phải kết thúc bằng ngoặc đơn",
}
_VALUE_START = re.compile(r"^(\s*(?:-\s+)*)(?:[A-Za-z_][A-Za-z0-9_]*:\s+)?(?=\S)")
_NO_SPACE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*:(?=[^\s:/])")


def _value_start(src: str) -> int | None:
    """0-based column where the value on a YAML line starts (after '- ' and 'key: ')."""
    m = _VALUE_START.match(src)
    return m.end() if m and m.end() < len(src) else None


def _diagnose(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, int, str] | None:
    """Name the usual causes in a clerk's words, at the line where the cause is, not where YAML gave up."""
    problem, context = exc.problem or "", exc.context or ""
    if "found another document" in problem or "single document" in context:
        return (exc.problem_mark.line + 1, 1,
                "tệp có dòng '---' chia thành nhiều văn bản; mỗi tệp YAML chỉ chứa một văn bản — hãy xóa dòng '---'")
    marks = [m for m in (exc.context_mark, exc.problem_mark) if m is not None]
    for mark in marks:
        if mark.line >= len(lines):
            continue
        src = lines[mark.line]
        start = _value_start(src)
        if start is None:
            continue
        first = src[start]
        row = _flow_row(src, start) if first == "[" else None
        if row is not None:
            return mark.line + 1, row[0], row[1]
        if first in _CURLY:
            return mark.line + 1, start + 1, curly_advice(src, start)
        if first in _STARTS and first not in "\"'":
            return mark.line + 1, start + 1, f"{_STARTS[first]}; {_QUOTE}{rewritten(src, start)}"
        if first in "\"'":
            close = src.find(first, start + 1)
            rest = src[close + 1:].strip() if close > 0 else ""
            if close > 0 and rest and not rest.startswith("#"):
                other = "'" if first == '"' else '"'
                return (mark.line + 1, start + 1,
                        f"{_STARTS[first]}, nhưng sau dấu đóng còn chữ; hãy đặt cả đoạn trong "
                        f"ngoặc {'đơn' if other == chr(39) else 'kép'} {other}...{other}")
    if exc.problem_mark is not None:
        number = exc.problem_mark.line
        for back in (number, number - 1, number - 2):
            if 0 <= back < len(lines) and _NO_SPACE.match(lines[back]):
                return back + 1, lines[back].index(":") + 2, "thiếu dấu cách sau dấu ':' (viết 'ten: giá trị')"
        unclosed = _unclosed_quote(lines[:number + 1])
        if unclosed is not None and "mapping values" not in problem:
            quote = lines[unclosed][_value_start(lines[unclosed])]
            name = "ngoặc kép" if quote == '"' else "ngoặc đơn"
            return unclosed + 1, len(lines[unclosed].rstrip()) + 1, f"thiếu dấu {name} {quote} đóng ở cuối dòng này"
    if "mapping values are not allowed" in problem and exc.problem_mark is not None:
        number = exc.problem_mark.line
        src = lines[number] if number < len(lines) else ""
        code = src.split(" #")[0].rstrip()
        if code.endswith(":"):
            return (number + 1, len(code),
                    f"dòng kết thúc bằng dấu ':' nên YAML hiểu nhầm là tên một mục; {_QUOTE}, "
                    "ví dụ: \"... cụ thể như sau:\"")
    return None


# Quotes Word and phones type in place of the straight ones; YAML reads them as letters.
_CURLY = {"“": "”", "‘": "’", "«": "»", "„": "“"}


def _code_end(src: str, start: int) -> int:
    """Where the value ends: before a ' #' comment."""
    comment = src.find(" #", start)
    return len(src.rstrip()) if comment < 0 else len(src[:comment].rstrip())


def rewritten(src: str, start: int) -> str:
    """The line with its value in straight double quotes, as the advice to copy."""
    end = _code_end(src, start)
    line = f"{src[:start].strip()} {json.dumps(src[start:end], ensure_ascii=False)}{src[end:]}".strip()
    return f", tức là sửa dòng thành: {line}"


def curly_advice(src: str, start: int) -> str:
    end = _code_end(src, start)
    value = src[start:end]
    close = _CURLY[value[0]]
    inner = value[1:-1] if value.endswith(close) or value.endswith("”") else value[1:]
    line = f"{src[:start].strip()} {json.dumps(inner, ensure_ascii=False)}".strip()
    return (f"dấu ngoặc cong {value[0]} {close} (Word tự đổi) không phải dấu ngoặc kép của YAML; hãy gõ dấu "
            f"ngoặc kép thẳng \" trên bàn phím, tức là sửa dòng thành: {line}")


# What a cell of a one-line table row [a, b, c] may not hold unquoted.
_CELL_BAD = re.compile(r"[{}\[\]]|: |:$| #|^[&*!|>%@`]")


def _flow_cells(inner: str) -> list[str] | None:
    """The cells of `[a, "b, c", d]` as typed (quotes kept); None when a quote is left open."""
    cells, cell, quote = [], "", None
    for ch in inner:
        if quote:
            cell += ch
            if ch == quote:
                quote = None
        elif ch in "\"'" and not cell.strip():
            quote, cell = ch, cell + ch
        elif ch == ",":
            cells.append(cell.strip())
            cell = ""
        else:
            cell += ch
    if quote:
        return None
    return cells + [cell.strip()]


def _flow_row(src: str, start: int) -> tuple[int, str] | None:
    """A one-line table row with a cell YAML cannot read unquoted ('{{ nam }}', ':'): that cell, quoted."""
    end = _code_end(src, start)
    if not src[start:end].endswith("]"):
        return None
    cells = _flow_cells(src[start + 1:end - 1])
    if not cells:
        return None
    bad = [i for i, c in enumerate(cells) if c[:1] not in "\"'" and _CELL_BAD.search(c)]
    if not bad:
        return None
    fixed = [json.dumps(c, ensure_ascii=False) if i in bad else c for i, c in enumerate(cells)]
    line = f"{src[:start].strip()} [{', '.join(fixed)}]".strip()
    named = ", ".join(f"«{cells[i]}»" for i in bad)
    col = src.index(cells[bad[0]], start) + 1
    return col, (f"trong dòng bảng [ ... ], ô {named} có dấu mà YAML hiểu là ký hiệu ({{ }} [ ] ':' hoặc ' #'); "
                 f"hãy đặt riêng ô đó trong ngoặc kép, không đặt cả dòng, tức là sửa dòng thành: {line}")


def _unclosed_quote(lines: list[str]) -> int | None:
    """The last line whose value opens a quote that the line does not close."""
    for number in range(len(lines) - 1, -1, -1):
        src = lines[number]
        start = _value_start(src)
        if start is None or src[start] not in "\"'":
            continue
        quote = src[start]
        rest = src[start + 1:]
        if quote == '"':
            rest = re.sub(r'\\.', "", rest)
        else:
            rest = rest.replace("''", "")
        if quote not in rest:
            return number
    return None


_EXPLAIN = [
    ("found character '\\t'", "có ký tự Tab; YAML chỉ cho phép dấu cách để thụt dòng"),
    ("mapping values are not allowed", "có dấu ':' không hợp lệ — nếu nội dung có dấu ':', hãy đặt cả đoạn trong ngoặc kép \"...\""),
    ("could not find expected ':'", "thiếu dấu ':' sau tên mục, hoặc dòng trên chưa đóng ngoặc kép"),
    ("found undefined alias", "dùng bí danh (*tên) chưa được định nghĩa bằng &tên"),
    ("expected <block end>, but found '<block sequence start>'", "dòng gạch đầu '-' thụt lề không khớp với các dòng cùng cấp"),
    ("expected <block end>", "thụt lề không khớp với các dòng cùng cấp; hãy kiểm tra số dấu cách đầu dòng"),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép đóng \" ở cuối đoạn"),
    ("found unknown escape character", "có ký tự '\\' không hợp lệ trong ngoặc kép; dùng ngoặc đơn '...' hoặc viết '\\\\'"),
    ("expected escape sequence", "có ký tự '\\' không hợp lệ trong ngoặc kép; dùng ngoặc đơn '...' hoặc viết '\\\\'"),
    ("did not find expected key", "thụt lề không khớp; các mục cùng cấp phải thẳng hàng"),
    ("did not find expected '-' indicator", "dòng gạch đầu '-' thụt lề không khớp với các dòng cùng cấp"),
    ("expected ',' or ']'", "danh sách trong [ ] chưa đóng, hoặc một phần tử có dấu ':' hay ',' — hãy đặt phần tử đó trong ngoặc kép"),
    ("expected ',' or '}'", "nhóm mục trong { } chưa đóng, hoặc có dấu ':' hay ',' — hãy đặt nội dung trong ngoặc kép"),
    ("that cannot start any token", f"có ký tự không được đứng đầu nội dung; {_QUOTE}"),
    ("found duplicate anchor", "tên bí danh '&' bị trùng"),
    ("while scanning a quoted scalar", "thiếu dấu ngoặc kép đóng"),
    ("while scanning a block scalar", "sau dấu '|' hoặc '>' phải xuống dòng rồi mới viết nội dung"),
    ("expected the node content", "tệp hết giữa chừng: có dấu '[' hoặc '{' chưa được đóng bằng ']' hoặc '}'"),
]


def _explain(problem: str, context: str) -> str:
    for needle, message in _EXPLAIN:
        if needle in problem or needle in context:
            return message
    return "cấu trúc không hợp lệ (" + (problem or context) + ")"
