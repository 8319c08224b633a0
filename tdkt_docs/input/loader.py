"""Read a YAML file safely into plain Python data, remembering where every value came from.

Only the plain YAML types are built (mapping, list, text, true/false, empty; numbers are kept as
the text that was typed and become numbers in the schema): no tag can make the loader run code, an
alias cannot make a file grow without bound, and every problem is reported with its line.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tdkt_docs.errors import InputError, Problem
from tdkt_docs.input.yaml_errors import syntax_problem

# A path into the data: ("noi_dung", 2, "tieu_de").
Key = tuple
MAX_FILE_BYTES = 5 * 1024 * 1024
# An alias expands the node it names; these bound how much a file may make by aliases
# ("billion laughs") while leaving room for honest reuse: items, and characters of text.
MAX_NODES = 200_000
MAX_CHARS = 4 * MAX_FILE_BYTES
# Real documents nest about a dozen levels; the parser and every later stage recurse per level.
MAX_DEPTH = 40
# The same words whichever parser meets the nesting first (the builder, with its line, or a parser's
# own recursion limit, without one), so the answer does not depend on whether libyaml is installed.
TOO_DEEP = (f"các mục lồng nhau quá sâu (quá {MAX_DEPTH} cấp) hoặc bí danh tự tham chiếu; hãy kiểm tra "
            "các dấu ngoặc [ ] { } và thụt lề")

# Characters the YAML reader refuses outright (control characters pasted from Word, U+FFFE/U+FFFF).
# Each is swapped for a noncharacter of its own before parsing, so the file still parses and the
# sanitising pass (sanitize.py) can say in which field each one was, then remove it.
_UNREADABLE = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + \
    [chr(c) for c in range(0x7F, 0xA0) if c != 0x85] + ["\ufffe", "\uffff"]
_NONCHARACTERS = [chr(c) for c in range(0xFDD0, 0xFDF0)] + \
    [chr((plane << 16) | low) for plane in range(1, 17) for low in (0xFFFE, 0xFFFF)]
PLACEHOLDER = dict(zip(_UNREADABLE, _NONCHARACTERS))
ORIGINAL = {v: k for k, v in PLACEHOLDER.items()}
_UNREADABLE_RE = re.compile("[" + "".join(re.escape(c) for c in _UNREADABLE) + "]")

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
    # The text that was parsed, and where each scalar value lies in it (start, end, style):
    # the sanitising pass uses them to point at a character inside a long value.
    text: str = ""
    spans: dict[Key, tuple[int, int, str | None]] = field(default_factory=dict)
    # The lists read from a spreadsheet, by their dotted path: how to name a cell of theirs.
    sheets: dict[str, Any] = field(default_factory=dict)
    # Warnings about the text itself (invisible or look-alike characters made plain before parsing).
    notes: list[Problem] = field(default_factory=list)

    def position(self, index: int) -> tuple[int, int]:
        """1-based (line, column) of a character index in `text`."""
        line = self.text.count("\n", 0, index) + 1
        return line, index - (self.text.rfind("\n", 0, index) + 1) + 1

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
        return str(resolved(p).relative_to(_resolved_cwd()))
    except ValueError:
        return str(p)


def resolved(path: Path | str) -> Path:
    return Path(path).resolve()


def _resolved_cwd() -> Path:
    return Path.cwd().resolve()


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
    from tdkt_docs.input.encoding import decode

    return decode(raw, shown)


def load_yaml(path: Path | str) -> Loaded:
    path = Path(path)
    shown = display_path(path)
    text = read_text(path, shown)
    return load_yaml_text(text, shown)


def load_yaml_text(text: str, shown: str) -> Loaded:
    # Unicode normalisation is done value by value after parsing (sanitize.py): done on the whole
    # text it could merge an escape such as "\N" with a combining mark after it, and would shift
    # every column after a decomposed letter.
    if not text.strip():
        raise InputError(Problem(shown, "tệp rỗng; hãy bắt đầu từ mẫu do `tdkt new` tạo ra", line=1))
    tab = _leading_tab(text)
    if tab:
        raise InputError(Problem(
            shown, "dòng thụt vào bằng phím Tab; YAML chỉ cho phép dấu cách — hãy thay Tab bằng dấu cách",
            line=tab, col=1))
    from tdkt_docs.input.invisible import plain

    text, notes = plain(text, shown)
    try:
        return _parse(text, shown, notes)
    except InputError as exc:
        # An odd character made plain may be what the parser stumbles on (a full-width space is one
        # space where the clerk meant two): said with the error, so the cause is not invisible.
        if not notes:
            raise
        raise InputError([_with_notes(p, notes) for p in exc.problems]) from None


def _with_notes(problem: Problem, notes: list[Problem]) -> Problem:
    here = [n.message for n in notes if n.line == problem.line]
    if not here:
        return problem
    from dataclasses import replace

    return replace(problem, message=problem.message + "".join(f"\n    lưu ý (cột {n.col}): {n.message}"
                                                               for n in notes if n.line == problem.line))


def _parse(text: str, shown: str, notes: list[Problem]) -> Loaded:
    text = _UNREADABLE_RE.sub(lambda m: PLACEHOLDER[m.group()], text)
    node = _compose(text, shown)
    if node is None:
        raise InputError(Problem(shown, "tệp không có nội dung (chỉ có chú thích)", line=1))
    builder = _Builder(shown, text)
    data = builder.build(node, ())
    if builder.problems:
        raise InputError(builder.problems)
    return Loaded(data, shown, builder.where, text, builder.spans, notes=notes)


_SAVE_AGAIN = "hãy mở tệp bằng Notepad hoặc VS Code và lưu lại với bảng mã UTF-8"


def _compose(text: str, shown: str):
    node = _fast_compose(text)
    if node is not _SLOW:
        return node
    loader = yaml.SafeLoader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise InputError(syntax_problem(exc, shown, text)) from None
    except yaml.YAMLError as exc:  # the reader's own errors carry no mark
        raise InputError(Problem(shown, f"tệp không đọc được như YAML ({exc}); {_SAVE_AGAIN}")) from None
    except RecursionError:
        raise InputError(Problem(shown, TOO_DEEP)) from None
    finally:
        loader.dispose()


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
    except (yaml.YAMLError, RecursionError):
        return _SLOW
    finally:
        loader.dispose()


def _leading_tab(text: str) -> int | None:
    if "\t" not in text:
        return None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t") and stripped.strip() and not stripped.strip().startswith("#"):
            return number
    return None


class _Builder:
    """Builds Python values from composed nodes, recording positions and refusing anything exotic."""

    def __init__(self, shown: str, text: str):
        self.shown = shown
        self.text = text
        self.where: dict[Key, tuple[str, int, int]] = {}
        self.spans: dict[Key, tuple[int, int, str | None]] = {}
        self.problems: list[Problem] = []
        self.count = 0
        self.chars = 0
        self.stopped = False
        self.constructor = yaml.constructor.SafeConstructor()

    def _stop(self, node: yaml.Node, message: str) -> None:
        # One message is enough; everything after it is skipped, so a bomb costs no more than the limit.
        if not self.stopped:
            self.stopped = True
            self.problems.append(Problem(self.shown, message, line=node.start_mark.line + 1))

    def build(self, node: yaml.Node, path: Key, depth: int = 0) -> Any:
        if self.stopped:
            return None
        self.count += 1
        if self.count > MAX_NODES:
            limit = f"{MAX_NODES:,}".replace(",", ".")
            self._stop(node, f"tệp tạo ra quá nhiều mục (hơn {limit}) qua bí danh (&tên, *tên) lồng nhau; "
                       "tệp bị từ chối")
            return None
        if depth > MAX_DEPTH:
            self._stop(node, TOO_DEEP)
            return None
        # Paid for every value of the file: each attribute is looked up once.
        mark = node.start_mark
        start = mark.index
        self.where[path] = (self.shown, mark.line + 1, mark.column + 1)
        tag = node.tag
        if tag not in _PLAIN_TAGS or self.text.startswith("!", start):
            self.problems.append(Problem(
                self.shown, _tag_message(tag, self.text.startswith("!!", start)), line=mark.line + 1,
                col=mark.column + 1, field=_dotted(path) or None))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            build = self.build
            depth += 1
            return [build(child, path + (i,), depth) for i, child in enumerate(node.value)]
        value = self._scalar(node)
        if isinstance(value, str):
            self.chars += len(value)
            if self.chars > MAX_CHARS:
                self._stop(node, f"tệp tạo ra quá nhiều chữ (hơn {MAX_CHARS // 1_000_000} triệu ký tự) qua bí danh "
                           "(&tên, *tên); tệp bị từ chối")
                return None
        # libyaml marks a plain scalar with style "" where the pure-Python parser says None
        self.spans[path] = (start, node.end_mark.index, node.style or None)
        return value

    def _not_a_key(self, key_node: yaml.Node) -> Problem:
        # `- {{ nam }}: ...` — the braces opened a group of items, which then became a key.
        mark = key_node.start_mark
        src = self.text.split("\n")[mark.line] if mark.line < self.text.count("\n") + 1 else ""
        message = "tên mục phải là chữ"
        if src[mark.column:mark.column + 1] in "{[":
            from tdkt_docs.input.yaml_errors import rewritten

            message = (f"dấu '{src[mark.column]}' ở đầu đoạn bị YAML hiểu là một nhóm mục, rồi thành tên mục; "
                       f"hãy đặt cả đoạn trong ngoặc kép \"...\"{rewritten(src, mark.column)}")
        return Problem(self.shown, message, line=mark.line + 1, col=mark.column + 1)

    def _mapping(self, node: yaml.MappingNode, path: Key, depth: int) -> dict:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(Problem(
                    self.shown, "không dùng '<<' để gộp mục; hãy viết đầy đủ",
                    line=key_node.start_mark.line + 1, col=key_node.start_mark.column + 1))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(self._not_a_key(key_node))
                continue
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in first_line:
                self.problems.append(Problem(
                    self.shown, f"'{key}' bị khai báo hai lần (lần đầu ở dòng {first_line[key]}); hãy xóa một lần",
                    line=line, col=key_node.start_mark.column + 1, field=_dotted(path + (key,))))
                continue
            first_line[key] = line
            result[key] = self.build(value_node, path + (key,), depth + 1)
            # The key's position is the more useful one for messages about the value.
            self.where[path + (key,)] = (self.shown, line, key_node.start_mark.column + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == "tag:yaml.org,2002:str":
            return node.value  # what the constructor returns, without its bookkeeping
        if tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates are parsed by the schema, which can say what is wrong with them
        if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            # A number stays a number only when it reads back as typed; otherwise the text is kept and
            # the schema turns it into a number where it wants one. So a table cell "1.000", "7:30",
            # "0123" or "1e3" is never printed as 1.0, 450, 123 or 1000.0 (YAML 1.1 would), and
            # "so: 010" is still ten, never octal eight.
            try:
                number = int(node.value) if tag.endswith("int") else float(node.value)
            except ValueError:
                return node.value
            return number if repr(number) == node.value else node.value
        if tag == "tag:yaml.org,2002:bool" and not node.style and node.value.lower() in {"yes", "no", "on", "off", "y", "n"}:
            return node.value
        return self.constructor.construct_object(node)


def _tag_message(tag: str, explicit: bool) -> str:
    if "python/" in tag:
        return f"thẻ '{_short_tag(tag)}' dùng để chạy mã lệnh trên máy nên không được phép; tệp bị từ chối"
    if explicit:
        return (f"thẻ kiểu dữ liệu '{_short_tag(tag)}' không được phép; chỉ dùng chữ, số, danh sách và mục")
    return ("đoạn bắt đầu bằng dấu '!' nên YAML hiểu là thẻ kiểu dữ liệu, không phải nội dung; "
            "hãy đặt cả đoạn trong ngoặc kép \"...\"")


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _dotted(path: Key) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


dotted = _dotted
