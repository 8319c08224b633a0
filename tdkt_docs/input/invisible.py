"""Characters that look like others, or like nothing, in the YAML text: made plain before parsing.

Text pasted from the web, Word or a chat carries non-breaking and other odd spaces, zero-width
characters, a byte order mark in the middle of the file, and letters of another alphabet that look
Latin (Cyrillic 'а', Greek 'ο'). YAML reads a non-breaking space in an indentation as part of the
text, a Cyrillic letter in a key as another key, and says something about a missing ':' that the
clerk cannot see on the screen. Each such character is made plain with a warning naming it, its
line and column, and what it was taken as, so the clerk is never left with an invisible mystery:
- odd spaces in a line's indentation, after '- ' or after 'key:' become ordinary spaces (inside a
  text they are kept: a non-breaking space between words is good typography);
- zero-width characters and a byte order mark are removed wherever they are;
- the Unicode line and paragraph separators (U+2028, U+2029) become spaces, since YAML would break
  the line there without the clerk seeing a line end;
- a Cyrillic or Greek letter that looks Latin becomes that Latin letter in a key (keys are plain
  ASCII); in a word that is otherwise Latin (Vietnamese) it is only named, since a name is the
  clerk's to retype; a word wholly in another alphabet is left alone.
Every change keeps one character for one, except removals, so lines never move.
"""
from __future__ import annotations

import re
import unicodedata

from tdkt_docs.errors import Problem

SPACES = {"\u00a0": "dấu cách không ngắt", "\u2007": "dấu cách chữ số", "\u202f": "dấu cách hẹp không ngắt",
          "\u3000": "dấu cách toàn khổ", "\u205f": "dấu cách toán học", "\u1680": "dấu cách Ogham",
          **{chr(c): "dấu cách Unicode" for c in range(0x2000, 0x200B) if c != 0x2007}}
ZERO_WIDTH = {"\u200b": "dấu cách độ rộng 0", "\u200c": "ký tự không nối độ rộng 0",
              "\u200d": "ký tự nối độ rộng 0", "\u2060": "ký tự nối từ vô hình", "\u180e": "ký tự tách Mông Cổ",
              "\ufeff": "dấu BOM (dấu thứ tự byte) giữa tệp"}
SEPARATORS = {"\u2028": "ký tự xuống dòng Unicode", "\u2029": "ký tự ngắt đoạn Unicode"}
# Letters of other alphabets that a Vietnamese keyboard or font shows as these Latin ones.
LOOK_ALIKE = dict(zip("АВЕКМНОРСТХаеорсухіјѕԁӏΑΒΕΗΙΚΜΝΟΡΤΥΧΖοικνρτυχ",
                      "ABEKMHOPCTXaeopcyxijsdlABEHIKMNOPTYXZoikvptux"))

_SPACE_SET = "".join(SPACES)
_ALIKE_SET = "".join(LOOK_ALIKE)
# Only keys of our schema (plain ASCII, maybe with a look-alike letter): in 'Lưu:\u00a0VT' the
# non-breaking space is text, and making it a space would turn the line into a key.
_KEY_TOKEN = rf"[A-Za-z0-9_{_ALIKE_SET}]+"
_PREFIX = re.compile(rf"^[ {_SPACE_SET}]*(?:-[ {_SPACE_SET}]+)*(?:{_KEY_TOKEN}[ {_SPACE_SET}]*:(?:[ {_SPACE_SET}]+|$))?")
_KEY = re.compile(rf"^([ ]*(?:-[ ]+)*)({_KEY_TOKEN})(?=[ ]*:(?:[ ]|$))")
_WORD = re.compile(r"\w+")
# Most files hold none of these: one search says so, and the text is left as it is.
_ANY = re.compile("[" + re.escape("".join({**SPACES, **ZERO_WIDTH, **SEPARATORS, **LOOK_ALIKE})) + "]")


def plain(text: str, shown: str) -> tuple[str, list[Problem]]:
    """The text with look-alike and invisible characters made plain, and a warning for each kind per line."""
    if text.isascii() or not _ANY.search(text):
        return text, []
    warnings: list[Problem] = []
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if line.isascii() or not _ANY.search(line):
            continue
        lines[number - 1] = _line(line, number, shown, warnings)
    return "\n".join(lines), warnings


def _line(line: str, number: int, shown: str, warnings: list[Problem]) -> str:
    found: dict[str, list[tuple[int, str]]] = {}
    # Columns are those of the line as the clerk sees it in an editor, before anything is removed.
    kept, cols = [], []
    for col, ch in enumerate(line, 1):
        if ch in ZERO_WIDTH and not (number == 1 and col == 1 and ch == "\ufeff"):
            found.setdefault("zero", []).append((col, ch))
            continue
        if ch in SEPARATORS:
            found.setdefault("sep", []).append((col, ch))
            ch = " "
        kept.append(ch)
        cols.append(col)
    line = "".join(kept)
    prefix = _PREFIX.match(line)
    if prefix:
        odd = [(cols[i], ch) for i, ch in enumerate(line[:prefix.end()]) if ch in SPACES]
        if odd:
            found["space"] = odd
            # A full-width space shows as two columns: it stands where the clerk meant two spaces.
            line = "".join(("  " if ch == "\u3000" else " ") if ch in SPACES else ch
                           for ch in line[:prefix.end()]) + line[prefix.end():]
    line = _look_alikes(line, cols, found)
    for kind, chars in found.items():
        warnings.append(_warning(kind, chars, number, shown))
    return line


def _look_alikes(line: str, cols: list[int], found: dict) -> str:
    key = _KEY.match(line)
    chars = list(line)
    if key:
        for i in range(key.start(2), key.end(2)):
            if chars[i] in LOOK_ALIKE:
                found.setdefault("alike", []).append((cols[i], chars[i]))
                chars[i] = LOOK_ALIKE[chars[i]]
    start = key.end(2) if key else 0
    for m in _WORD.finditer(line, start):
        word = m.group()
        if any(c in LOOK_ALIKE for c in word) and any(_latin(c) for c in word):
            found.setdefault("mixed", []).extend((cols[m.start() + i], c) for i, c in enumerate(word)
                                                 if c in LOOK_ALIKE)
    return "".join(chars)


def _latin(ch: str) -> bool:
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")


def _code(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _warning(kind: str, chars: list[tuple[int, str]], number: int, shown: str) -> Problem:
    col, first = chars[0]
    count = f"{len(chars)} " if len(chars) > 1 else ""
    if kind == "zero":
        names = ", ".join(dict.fromkeys(f"{ZERO_WIDTH[ch]} ({_code(ch)})" for _, ch in chars))
        message = (f"đã bỏ {count}ký tự vô hình: {names} — thường dính vào khi dán chữ từ trang web, Word "
                   "hoặc tin nhắn; không cần làm gì, muốn tệp sạch hẳn thì xóa rồi gõ lại chữ ở chỗ này")
    elif kind == "sep":
        message = (f"đã thay {count}{SEPARATORS[first]} ({_code(first)}) bằng dấu cách: YAML coi ký tự này là "
                   "xuống dòng dù trên màn hình không thấy; muốn xuống dòng thật thì gõ Enter")
    elif kind == "space":
        names = ", ".join(dict.fromkeys(f"{SPACES[ch]} ({_code(ch)})" for _, ch in chars))
        wide = " (mỗi dấu cách toàn khổ là hai dấu cách)" if any(ch == "\u3000" for _, ch in chars) else ""
        message = (f"đã coi {count}{names} ở đầu dòng (phần thụt lề, sau '- ' hoặc sau ':') là dấu cách thường{wide}: "
                   "YAML chỉ nhận dấu cách thường ở đó — hãy xóa các khoảng trắng này rồi gõ lại bằng phím cách")
    elif kind == "alike":
        shown_chars = ", ".join(dict.fromkeys(
            f"'{ch}' ({_alphabet(ch)}, {_code(ch)}) thành '{LOOK_ALIKE[ch]}'" for _, ch in chars))
        message = (f"tên mục có chữ trông giống chữ Latinh nhưng thuộc bảng chữ khác; đã đổi {shown_chars} — "
                   "thường do bộ gõ hoặc dán chữ; hãy xóa chữ đó rồi gõ lại bằng bàn phím tiếng Việt")
    else:
        shown_chars = ", ".join(dict.fromkeys(
            f"'{ch}' ({_alphabet(ch)}, {_code(ch)}, trông như chữ '{LOOK_ALIKE[ch]}')" for _, ch in chars))
        message = (f"trong chữ có {shown_chars} — văn bản in ra trông đúng nhưng tìm kiếm, sắp xếp sẽ sai; hãy "
                   f"xóa chữ đó rồi gõ lại chữ '{LOOK_ALIKE[first]}' bằng bàn phím tiếng Việt")
    return Problem(shown, message, number, col, severity="warning")


def _alphabet(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return "chữ Kirin" if "CYRILLIC" in name else "chữ Hy Lạp" if "GREEK" in name else "chữ khác"
