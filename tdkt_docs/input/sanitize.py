"""Clean the loaded data before the schema sees it, saying where anything was changed or is wrong.

Text pasted from Word, PDF or e-mail carries characters an XML document cannot hold, Vietnamese in
decomposed form, old font encodings, and lines that YAML reads differently from how they look.
The documented normalisation of every text value, in order:

- Unicode NFC (a letter and its marks become one character, as Word writes them);
- line ends CR LF and CR become LF;
- characters a DOCX cannot hold are removed, with a warning naming file, line and field:
  control characters (U+0000-U+001F except tab and line break, U+007F-U+009F except U+0085),
  U+FFFE, U+FFFF, the other noncharacters (U+FDD0-U+FDEF, U+nFFFE, U+nFFFF) and the byte order
  mark U+FEFF. Where a removed line or page break (U+000B, U+000C, as Word pastes them) stood
  between two words, a space takes its place so the words stay apart.

Errors (the document is not built): Vietnamese in the wrong letters (typed with a legacy font,
TCVN3 or VNI, or UTF-8 misread and saved again). A line that YAML split at ': ' is taken back or
explained by forgive.py and validate.py.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from tdkt_docs.input.encoding import legacy_font, legacy_message
from tdkt_docs.errors import Problem
from tdkt_docs.input.loader import ORIGINAL, Key, Loaded, dotted

_REMOVED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufdd0-\ufdef\ufffe\uffff"
                      "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
                      "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
                      "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
                      "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff"
                      "\ud800-\udfff]+")
# Searching for _REMOVED costs as much as the rest of the cleaning: its astral noncharacters make
# the engine test each character against a list of ranges. This class holds all of _REMOVED's
# characters and every other astral one, so it is tested at once; a text it finds nothing in has
# nothing to remove, and one it finds something in is searched with _REMOVED itself.
_MAYBE_REMOVED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufdd0-\ufdef\ufffe\uffff"
                            "\ud800-\udfff\U00010000-\U0010ffff]")
_BREAKS = {"\x0b", "\x0c"}
_COMMENT = re.compile(r" #(\S.*)")
MAX_LEGACY_REPORTS = 5


@dataclass
class Sanitized:
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)


def clean_text(text: str) -> str:
    """The documented normalisation of one text value (see the module's description)."""
    return _clean(text)[0]


def _clean(text: str) -> tuple[str, list[str]]:
    """The cleaned text and the characters removed from it (as typed, before the loader's swap)."""
    if text.isascii() and text.isprintable():  # keys, numbers, dates: nothing to compose or remove
        return text, []
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    removed: list[str] = []

    def drop(m: re.Match) -> str:
        chars = [ORIGINAL.get(ch, ch) for ch in m.group()]
        removed.extend(chars)
        before = text[m.start() - 1] if m.start() > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if _BREAKS.intersection(chars) and not before.isspace() and not after.isspace():
            return " "
        return ""

    if _MAYBE_REMOVED.search(text) and _REMOVED.search(text):
        text = _REMOVED.sub(drop, text)
        # Removing marks between a letter and its accent can leave text that composes further.
        text = unicodedata.normalize("NFC", text)
    return text, removed


def sanitize(loaded: Loaded) -> Sanitized:
    """Clean `loaded.data` in place; warnings for what was changed, errors for what cannot be built."""
    result = Sanitized()
    legacy: list[tuple[Key, str]] = []
    loaded.data = _walk(loaded, loaded.data, (), result, legacy)
    _report_legacy(loaded, legacy, result)
    from tdkt_docs.input.table_rows import check_tables

    check_tables(loaded, loaded.data, (), result.errors)
    result.warnings.extend(_placed(loaded, getattr(loaded, "notes", [])))
    result.warnings.sort(key=lambda p: (p.line or 0, p.col or 0))
    result.errors.sort(key=lambda p: (p.line or 0, p.col or 0))
    return result


def _placed(loaded: Loaded, notes: list[Problem]) -> list[Problem]:
    """The loader's notes on characters of the text, each with the field of the value on its line."""
    if not notes:
        return []
    by_line: dict[int, Key] = {}
    for path, (start, _, _) in loaded.spans.items():
        line = loaded.text.count("\n", 0, start) + 1
        if line not in by_line or start < loaded.spans[by_line[line]][0]:
            by_line[line] = path
    return [replace(n, field=dotted(by_line[n.line])) if n.field is None and n.line in by_line and n.file == loaded.file
            else n for n in notes]


def _walk(loaded: Loaded, value: Any, path: Key, result: Sanitized, legacy: list) -> Any:
    if isinstance(value, str):
        return _text(loaded, value, path, result, legacy)
    if isinstance(value, list):
        for i, item in enumerate(value):
            value[i] = _walk(loaded, item, path + (i,), result, legacy)
        return value
    if isinstance(value, dict):
        curly = _curly_quoted(loaded, value, path, result)
        if curly is not None:
            return _text(loaded, curly, path, result, legacy)
        out: dict[str, Any] = {}
        for key, item in value.items():
            clean_key = key
            if isinstance(key, str):
                clean_key, removed = _clean(key)
                if removed or clean_key != key:
                    _move(loaded, path + (key,), path + (clean_key,))
                    if removed:
                        _removed_warning(loaded, path + (clean_key,), removed, None, result)
            if clean_key in out:
                # Two keys that differ only by invisible characters are the same key.
                file, line, col = loaded.locate(path + (clean_key,))
                result.errors.append(Problem(file, f"'{clean_key}' bị khai báo hai lần; hãy xóa một lần",
                                             line, col, dotted(path + (clean_key,))))
                continue
            out[clean_key] = _walk(loaded, item, path + (clean_key,), result, legacy)
        return out
    return value


_OPENING = "“‘«„"
_CLOSING = "”’»“"


def _curly_quoted(loaded: Loaded, value: dict, path: Key, result: Sanitized) -> str | None:
    """`- “Lưu: VT, VHXH”`: curly quotes Word typed for straight ones, so YAML split the text at ': '.
    An error (the clerk may have meant the curly quotes to be printed), with the line to type; the
    text is kept whole so that the schema check does not tell the same mistake again."""
    if len(value) != 1:
        return None
    key, item = next(iter(value.items()))
    if not (isinstance(key, str) and key[:1] in _OPENING and isinstance(item, str) and item[-1:] in _CLOSING):
        return None
    file, line, col = loaded.locate(path + (key,))
    lines = loaded.text.split("\n")
    if file != loaded.file or line is None or col is None or line > len(lines):
        return None
    from tdkt_docs.input.yaml_errors import curly_advice

    result.errors.append(Problem(file, curly_advice(lines[line - 1], col - 1), line, col, dotted(path)))
    return f"{key[1:]}: {item[:-1]}"


def _text(loaded: Loaded, value: str, path: Key, result: Sanitized, legacy: list) -> str:
    clean, removed = _clean(value)
    if removed:
        _removed_warning(loaded, path, removed, value, result)
    kind = legacy_font(clean)
    if kind:
        legacy.append((path, kind, clean))
    _comment_warning(loaded, path, result)
    return clean


def _describe(chars: list[str]) -> str:
    names = []
    for ch in chars:
        code = f"U+{ord(ch):04X}"
        if code not in names:
            names.append(code)
    shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
    return f"{len(chars)} ký tự không in được ({shown})"


def _removed_warning(loaded: Loaded, path: Key, removed: list[str], raw: str | None, result: Sanitized) -> None:
    file, line, col = loaded.locate(path)
    span = loaded.spans.get(path)
    if span and loaded.text:
        # Point at the first removed character itself when it was typed in the file (not an escape).
        start, end, _ = span
        pattern = _REMOVED.search(loaded.text, start, end)
        if pattern:
            line, col = loaded.position(pattern.start())
    message = (f"đã bỏ {_describe(removed)} mà văn bản Word không chứa được — thường do dán chữ từ Word, "
               "PDF hoặc e-mail; hãy xem lại chỗ này")
    result.warnings.append(Problem(file, message, line, col, dotted(path) or None, severity="warning"))


def _comment_warning(loaded: Loaded, path: Key, result: Sanitized) -> None:
    """` #` after a value starts a comment in YAML, silently cutting off the rest of the line."""
    span = loaded.spans.get(path)
    if not span or span[2] is not None or not loaded.text:
        return
    end = span[1]
    if not loaded.text.startswith(" #", end):  # what _COMMENT needs first; most values end their line
        return
    line_end = loaded.text.find("\n", end)
    rest = loaded.text[end: line_end if line_end >= 0 else len(loaded.text)]
    m = _COMMENT.match(rest)
    if m:
        file, line, col = loaded.locate(path)
        line, col = loaded.position(end + 1)
        cut = "#" + m.group(1).strip()
        result.warnings.append(Problem(
            file, f"phần '{cut[:40]}' sau dấu cách và '#' là chú thích nên không có trong văn bản; "
            "nếu đó là nội dung, hãy đặt cả đoạn trong ngoặc kép \"...\"",
            line, col, dotted(path) or None, severity="warning"))


def _move(loaded: Loaded, old: Key, new: Key) -> None:
    """Positions recorded under `old` (and below it) now belong to `new`."""
    if old == new:
        return
    n = len(old)
    for table in (loaded.where, loaded.spans):
        for key in [k for k in table if k[:n] == old]:
            table[new + key[n:]] = table.pop(key)


def _report_legacy(loaded: Loaded, found: list[tuple[Key, str, str]], result: Sanitized) -> None:
    for path, kind, text in found[:MAX_LEGACY_REPORTS]:
        file, line, col = loaded.locate(path)
        result.errors.append(Problem(file, legacy_message(kind, text), line, col, dotted(path) or None))
    if len(found) > MAX_LEGACY_REPORTS:
        file, line, _ = loaded.locate(found[MAX_LEGACY_REPORTS][0])
        result.errors.append(Problem(
            file, f"còn {len(found) - MAX_LEGACY_REPORTS} đoạn khác cũng sai bảng mã như vậy; hãy chuyển mã cả tệp",
            line))
