"""Read a YAML file safely into plain Python data, remembering where every value came from.

Only the plain YAML types are built (mapping, list, text, number, true/false, empty):
no tag can make the loader run code, and every problem is reported with its line.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem

# A path into the data: ("noi_dung", 2, "tieu_de").
Key = tuple
MAX_FILE_BYTES = 5 * 1024 * 1024
# An alias expands the node it names; this bounds how much a file may make by aliases
# ("billion laughs") while leaving room for honest reuse.
MAX_NODES = 200_000

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass
class Loaded:
    """Data of one YAML file and the (file, line, column) of each value, 1-based."""

    data: Any
    file: str
    where: dict[Key, tuple[str, int, int]] = field(default_factory=dict)

    def locate(self, path: Key) -> tuple[str, int | None, int | None]:
        """The place of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if path in self.where:
                return self.where[path]
            if not path:
                return (self.file, None, None)
            path = path[:-1]


def display_path(path: Path | str) -> str:
    """Paths in messages are relative to the working folder when they can be."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(_resolved_cwd()))
    except ValueError:
        return str(p)


_CWD: dict[str, Path] = {}


def _resolved_cwd() -> Path:
    # A build names thousands of paths; the working folder is resolved once, not for each.
    cwd = os.getcwd()
    resolved = _CWD.get(cwd)
    if resolved is None:
        resolved = _CWD[cwd] = Path(cwd).resolve()
    return resolved


def read_text(path: Path, shown: str) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(shown, "không tìm thấy tệp; kiểm tra lại tên và đường dẫn")) from None
    except IsADirectoryError:
        raise InputError(Problem(shown, "đây là thư mục, không phải tệp YAML")) from None
    except PermissionError:
        raise InputError(Problem(shown, "không có quyền đọc tệp này")) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(Problem(
            shown, f"tệp quá lớn ({len(raw) // 1024} KB, tối đa {MAX_FILE_BYTES // 1024 // 1024} MB); "
            "hãy tách danh sách dài ra tệp .xlsx hoặc .csv"))
    from .encoding import decode

    return decode(raw, shown)


def load_yaml(path: Path | str) -> Loaded:
    path = Path(path)
    shown = display_path(path)
    text = read_text(path, shown)
    return load_yaml_text(text, shown)


def load_yaml_text(text: str, shown: str) -> Loaded:
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise InputError(Problem(shown, "tệp rỗng; hãy bắt đầu từ mẫu do `tdkt new` tạo ra", line=1))
    tab = _leading_tab(text)
    if tab:
        raise InputError(Problem(
            shown, "dòng thụt vào bằng phím Tab; YAML chỉ cho phép dấu cách — hãy thay Tab bằng dấu cách",
            line=tab, col=1))
    node = _fast_compose(text)
    if node is _SLOW:
        try:
            loader = yaml.SafeLoader(text)
        except yaml.reader.ReaderError as exc:
            # Raised while the parser is made, before any line is read: control characters.
            line = text.count("\n", 0, exc.position) + 1
            raise InputError(Problem(
                shown, f"lỗi cú pháp YAML: có ký tự điều khiển không in được (mã #x{exc.character:04X}); "
                "hãy xóa ký tự này (thường lẫn vào khi dán chữ từ tệp khác)", line=line)) from None
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise InputError(_syntax_problem(exc, shown, text)) from None
        except yaml.YAMLError as exc:  # pragma: no cover - pyyaml raises marked errors for text input
            raise InputError(Problem(shown, f"lỗi cú pháp YAML: {exc}")) from None
        finally:
            loader.dispose()
    if node is None:
        raise InputError(Problem(shown, "tệp không có nội dung (chỉ có chú thích)", line=1))
    builder = _Builder(shown)
    data = builder.build(node, ())
    if builder.problems:
        raise InputError(builder.problems)
    return Loaded(data, shown, builder.where)


_SLOW = object()
_CSafeLoader = getattr(yaml, "CSafeLoader", None)


def _fast_compose(text: str):
    """The node tree parsed by libyaml, or _SLOW when the pure-Python parser must read the file.

    libyaml parses about twenty times faster, but its error messages are not the ones explained to
    the clerk: a file it rejects is parsed again by the pure-Python parser for the message. It also
    accepts a few things the pure-Python parser refuses (a tab inside a line, a byte-order mark or a
    control character in the middle); files containing those always take the pure-Python path, so
    a file gets the same answer whether or not libyaml is installed.
    """
    if _CSafeLoader is None or "\t" in text or "\ufeff" in text or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return _SLOW
    loader = _CSafeLoader(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        return _SLOW
    finally:
        loader.dispose()


def _leading_tab(text: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t") and stripped.strip() and not stripped.strip().startswith("#"):
            return number
    return None


def _syntax_problem(exc: yaml.MarkedYAMLError, shown: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    col = mark.column + 1 if mark else None
    reason = _explain(exc.problem or "", exc.context or "")
    caret = ""
    if line is not None:
        lines = text.splitlines()
        if 0 < line <= len(lines):
            src = lines[line - 1]
            caret = f"\n    {src}\n    {' ' * (col - 1)}^"
    return Problem(shown, f"lỗi cú pháp YAML: {reason}{caret}", line=line, col=col)


_EXPLAIN = [
    ("found character '\\t'", "có ký tự Tab; YAML chỉ cho phép dấu cách để thụt dòng"),
    ("mapping values are not allowed", "có dấu ':' không hợp lệ — nếu nội dung có dấu ':', hãy đặt cả đoạn trong ngoặc kép \"...\""),
    ("could not find expected ':'", "thiếu dấu ':' sau tên mục, hoặc dòng trên chưa đóng ngoặc kép"),
    ("found undefined alias", "dùng bí danh (*tên) chưa được định nghĩa bằng &tên"),
    ("expected <block end>, but found '<block sequence start>'", "dòng gạch đầu '-' thụt lề không khớp với các dòng cùng cấp"),
    ("expected <block end>", "thụt lề không khớp với các dòng cùng cấp; hãy kiểm tra số dấu cách đầu dòng"),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép đóng \" ở cuối đoạn"),
    ("found unknown escape character", "có ký tự '\\' không hợp lệ trong ngoặc kép; dùng ngoặc đơn '...' hoặc viết '\\\\'"),
    ("did not find expected key", "thụt lề không khớp; các mục cùng cấp phải thẳng hàng"),
    ("did not find expected '-' indicator", "dòng gạch đầu '-' thụt lề không khớp với các dòng cùng cấp"),
    ("found character '@'", "không được bắt đầu nội dung bằng '@'; hãy đặt trong ngoặc kép"),
    ("found character '`'", "không được bắt đầu nội dung bằng '`'; hãy đặt trong ngoặc kép"),
    ("found duplicate anchor", "tên bí danh '&' bị trùng"),
    ("while scanning a quoted scalar", "thiếu dấu ngoặc kép đóng"),
]


def _explain(problem: str, context: str) -> str:
    for needle, message in _EXPLAIN:
        if needle in problem or needle in context:
            return message
    return "cấu trúc không hợp lệ (" + (problem or context) + ")"


class _Builder:
    """Builds Python values from composed nodes, recording positions and refusing anything exotic."""

    def __init__(self, shown: str):
        self.shown = shown
        self.where: dict[Key, tuple[str, int, int]] = {}
        self.problems: list[Problem] = []
        self.count = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def _mark(self, node: yaml.Node, path: Key) -> None:
        self.where[path] = (self.shown, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: Key) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            if not any(p.message.startswith("tệp tạo ra quá nhiều") for p in self.problems):
                self.problems.append(Problem(
                    self.shown, "tệp tạo ra quá nhiều mục (bí danh lồng nhau?); tệp bị từ chối",
                    line=node.start_mark.line + 1))
            return None
        self._mark(node, path)
        if node.tag not in _PLAIN_TAGS:
            self.problems.append(Problem(
                self.shown, f"thẻ YAML '{node.tag}' không được phép; chỉ dùng chữ, số, danh sách và mục",
                line=node.start_mark.line + 1, col=node.start_mark.column + 1, field=_dotted(path) or None))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Key) -> dict:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(Problem(
                    self.shown, "không dùng '<<' để gộp mục; hãy viết đầy đủ",
                    line=key_node.start_mark.line + 1, col=key_node.start_mark.column + 1))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(
                    self.shown, "tên mục phải là chữ", line=key_node.start_mark.line + 1))
                continue
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in first_line:
                self.problems.append(Problem(
                    self.shown, f"'{key}' bị khai báo hai lần (lần đầu ở dòng {first_line[key]}); hãy xóa một lần",
                    line=line, col=key_node.start_mark.column + 1, field=_dotted(path + (key,))))
                continue
            first_line[key] = line
            result[key] = self.build(value_node, path + (key,))
            # The key's position is the more useful one for messages about the value.
            self.where[path + (key,)] = (self.shown, line, key_node.start_mark.column + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == "tag:yaml.org,2002:str":
            return node.value  # what the constructor returns, without its bookkeeping
        if tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates are parsed by the schema, which can say what is wrong with them
        if tag == "tag:yaml.org,2002:int":
            # "010" must stay ten, never octal eight: clerks pad numbers with zeros.
            if re.fullmatch(r"[-+]?[0-9]+", node.value):
                return int(node.value)
        if tag == "tag:yaml.org,2002:bool" and not node.style and node.value.lower() in {"yes", "no", "on", "off", "y", "n"}:
            return node.value
        return self.constructor.construct_object(node)


def _dotted(path: Key) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


dotted = _dotted
