"""Numbering without gaps or repeats at every level (PL I.II.6.đ): Phần/Chương I, II…; Mục 1, 2…;
Điều 1, 2…; I, II, III…; 1, 2, 3…; 2.1, 2.2…; a, b, c, d, đ, e, g… in the Vietnamese alphabet.

Labels are read from what is displayed, typed by hand or drawn by Word's numbering. A list may
start again at its first value (a new list); any other value must follow the previous one.
"""
from __future__ import annotations

import re

from ..layout import Layout
from ..model import Para
from ..numbering import roman
from ..vntext import NOT_VIETNAMESE, letter_at, letter_index, roman_value
from . import Report

RULE = "ND30.DANH_SO.SEQUENCE"
_PATTERNS = [
    ("phan", re.compile(r"^(?:Phần|PHẦN)\s+([IVXLC]+)\b")),
    ("chuong", re.compile(r"^(?:Chương|CHƯƠNG)\s+([IVXLC]+)\b")),
    ("muc_so", re.compile(r"^(?:Mục|MỤC)\s+(\d{1,3})\b")),
    ("dieu", re.compile(r"^(?:Điều|ĐIỀU)\s+(\d{1,3})\s*\.")),
    ("roman", re.compile(r"^([IVXLC]{1,8})\.\s")),
    ("dotted", re.compile(r"^(\d{1,3}(?:\.\d{1,3})+)\.?\s")),
    ("arabic", re.compile(r"^(\d{1,3})\.\s")),
    ("letter", re.compile(r"^([a-zđ]{1,2})[).]\s")),
]
# Every pattern is anchored and its first character is one of a few: each paragraph is tried only
# against the patterns that can start with its first character (most body text starts with none).
_DIGIT = re.compile(r"\d")
_FIRST = {"P": "phan", "C": "chuong roman", "M": "muc_so", "Đ": "dieu", "I": "roman", "V": "roman", "X": "roman",
          "L": "roman", "đ": "letter", **{ch: "letter" for ch in "abcdefghijklmnopqrstuvwxyz"}}
_BY_FIRST = {ch: [(level, pattern) for level, pattern in _PATTERNS if level in names.split()]
             for ch, names in _FIRST.items()}
_DIGIT_PATTERNS = [(level, pattern) for level, pattern in _PATTERNS if level in ("dotted", "arabic")]
ORDER = ["phan", "chuong", "muc_so", "dieu", "roman", "arabic", "dotted", "letter"]
# Điều runs on through chapters and sections (ND30: numbered across the whole document).
NOT_RESET_BY = {"dieu": {"phan", "chuong", "muc_so"}}


def parse(text: str, next_roman: int | None = None) -> tuple[str, object, str] | None:
    """(level, value, label as shown) of a paragraph's leading number, or None. `next_roman` is the
    heading number that would come next: "L." after XLIX. is 50, not an initial."""
    text = text.lstrip()
    first = text[:1]
    patterns = _BY_FIRST.get(first)
    if patterns is None:
        patterns = _DIGIT_PATTERNS if first and _DIGIT.match(first) else ()
    padded = text + " "
    for level, pattern in patterns:
        m = pattern.match(padded)
        if not m:
            continue
        raw = m.group(1)
        label = text[:m.end()].strip() if m.end() <= len(text) else text.strip()
        if level in ("phan", "chuong", "roman"):
            value = roman_value(raw)
            # "C. Mác", "D. Trump": a lone C, D, L or M is an initial, not a number.
            initial = len(raw) == 1 and raw not in "IVX" and value != next_roman
            if value is None or (level == "roman" and (value > 99 or initial)):
                continue
            return level, value, label
        if level == "dotted":
            return level, tuple(int(x) for x in raw.split(".")), label
        if level == "letter":
            if len(raw) == 2 and raw[0] != raw[1]:
                continue
            return level, raw, label
        value = int(raw)
        if level == "arabic" and value > 300:
            continue
        return level, value, label
    return None


def _show(level: str, value) -> str:
    if level == "roman":
        return f"{roman(value)}."
    if level in ("phan", "chuong"):
        return f"{'Phần' if level == 'phan' else 'Chương'} {roman(value)}"
    if level == "muc_so":
        return f"Mục {value}"
    if level == "dieu":
        return f"Điều {value}."
    if level == "arabic":
        return f"{value}."
    if level == "letter":
        return f"{value})"
    return ".".join(str(v) for v in value) + "."


class _State:
    def __init__(self, rep: Report):
        self.rep = rep
        self.last: dict[str, object] = {}
        self.dotted: dict[tuple, int] = {}

    def reset_below(self, level: str) -> None:
        for deeper in ORDER[ORDER.index(level) + 1:]:
            if level in NOT_RESET_BY.get(deeper, ()):
                continue
            self.last.pop(deeper, None)
            if deeper == "dotted":
                self.dotted.clear()

    def restart_ok(self, level: str, value: int, last) -> bool:
        """Starting again at 1 is a new list only where no higher level frames it; under a heading it
        repeats a number of the same list."""
        if value != 1 or last is None:
            return False
        return not any(higher in self.last for higher in ORDER[:ORDER.index(level)]
                       if higher not in NOT_RESET_BY.get(level, ()))

    def report(self, para: Para, found: str, expected: str, message: str) -> None:
        if para.label is not None and para.label.fmt == "lowerLetter":
            message += (" (đánh số tự động a, b, c… của Word theo bảng chữ cái tiếng Anh, có f, j, w, z và không có "
                        "đ; hãy gõ tay a), b), c), d), đ), e), g)…)")
        self.rep.add(RULE, para, message, expected, found)

    def see(self, para: Para, level: str, value, label: str) -> None:
        if level == "letter":
            self.letter(para, value, label)
        elif level == "dotted":
            self.dotted_label(para, value, label)
        else:
            self.number(para, level, value)
        self.reset_below(level)

    def number(self, para: Para, level: str, value: int) -> None:
        last = self.last.get(level)
        expected = 1 if last is None else last + 1
        if value != expected and not self.restart_ok(level, value, last):
            shown, want = _show(level, value), _show(level, expected)
            if last is None:
                msg = f"số thứ tự bắt đầu bằng {shown}, cần bắt đầu từ {want}"
            elif value == last or value == 1:
                msg = f"{shown} bị lặp lại" if value == last else f"{shown} bắt đầu lại từ đầu trong cùng một mục"
            elif value > expected:
                missing = _show(level, expected) if value == expected + 1 else \
                    f"{_show(level, expected)} đến {_show(level, value - 1)}"
                msg = f"sau {_show(level, last)} là {shown}: thiếu {missing}"
            else:
                msg = f"sau {_show(level, last)} lại là {shown}: số thứ tự đi lùi"
            self.report(para, shown, want, msg)
        self.last[level] = value

    def dotted_label(self, para: Para, parts: tuple, label: str) -> None:
        parent, value = parts[:-1], parts[-1]
        arabic = self.last.get("arabic")
        shown = ".".join(str(p) for p in parts) + "."
        if len(parent) == 1 and arabic is not None and parent[0] != arabic:
            self.report(para, shown, f"{arabic}.{value}.", f"{shown} nằm dưới {arabic}., cần {arabic}.{value}.")
        last = self.dotted.get(parent)
        expected = 1 if last is None else last + 1
        if value != expected:
            want = ".".join(str(p) for p in parent + (expected,)) + "."
            if last is None:
                msg = f"số thứ tự bắt đầu bằng {shown}, cần {want}"
            elif value == last:
                msg = f"{shown} bị lặp lại"
            elif value > expected:
                msg = f"thiếu {want} trước {shown}"
            else:
                msg = f"{shown} đi lùi so với số trước"
            self.report(para, shown, want, msg)
        self.dotted[parent] = value
        self.last.pop("letter", None)

    def letter(self, para: Para, raw: str, label: str) -> None:
        shown = f"{raw})"
        last = self.last.get("letter")
        if raw[0] in NOT_VIETNAMESE:
            want = letter_at(last + 1) + ")" if isinstance(last, int) else "a)"
            self.report(para, shown, want, f"chữ «{raw}» không có trong bảng chữ cái tiếng Việt; "
                        "các điểm theo thứ tự a, b, c, d, đ, e, g, h, i, k…")
            return
        value = letter_index(raw)
        if value is None:
            return
        expected = 1 if last is None else last + 1
        if value != expected and not self.restart_ok("letter", value, last):
            want = letter_at(expected) + ")"
            if last is None:
                msg = f"các điểm bắt đầu bằng {shown}, cần bắt đầu từ a)"
            elif value == last:
                msg = f"{shown} bị lặp lại"
            elif value > expected:
                msg = f"sau {letter_at(last)}) là {shown}: thiếu {want} (thứ tự a, b, c, d, đ, e, g, h, i, k…)"
            else:
                msg = f"sau {letter_at(last)}) lại là {shown}: sai thứ tự bảng chữ cái (a, b, c, d, đ, e, g, h…)"
            self.report(para, shown, want, msg)
        self.last["letter"] = value


def check(lay: Layout, rep: Report) -> None:
    state = _State(rep)
    for para in lay.body:
        if para.index in lay.kinh_gui or not para.stripped:
            continue
        if para.label is not None and para.label.fmt == "bullet":
            continue
        last = state.last.get("roman")
        parsed = parse(para.text, last + 1 if isinstance(last, int) else None)
        if parsed is None:
            continue
        state.see(para, *parsed)
