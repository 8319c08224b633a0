"""Vietnamese text helpers for recognising elements whatever their accents, case or spacing."""
from __future__ import annotations

import re
import unicodedata

# The one module the checker shares with the generator: pure Vietnamese conventions, no stage.
from tdkt_docs.vn import LETTERS as VN_LETTERS

_SPACE = re.compile(r"\s+")
# Lines drawn with characters: "______", "--------", "———".
_LINE_ART = re.compile(r"^[\s_\-‐‑‒–—―=~.·•*]+$")
_ROMAN = re.compile(r"^(M{0,3})(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class _Table(dict):
    """A str.translate table filled in on first sight of each character: the check runs in C for
    every character, and only the characters a document uses are ever classified."""

    def __init__(self, keep) -> None:
        super().__init__()
        self._keep = keep

    def __missing__(self, code: int) -> int | None:
        value = code if self._keep(chr(code)) else None  # None deletes the character
        self[code] = value
        return value


_NO_MARKS = _Table(lambda ch: not unicodedata.combining(ch))
_ALNUM = _Table(str.isalnum)


def fold(text: str) -> str:
    """Uppercase without accents: 'Cộng hòa' -> 'CONG HOA'; Đ/đ -> D."""
    base = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return base.translate(_NO_MARKS).upper()


def key(text: str) -> str:
    """Letters and digits only, folded: for matching an element whatever its spacing and punctuation."""
    return fold(text).translate(_ALNUM)


def fold_starts(text: str, prefixes: str | tuple[str, ...]) -> bool:
    """fold(text).startswith(prefixes), folding only as much of the text as that takes."""
    return _starts(fold, text, prefixes)


def key_starts(text: str, prefixes: str | tuple[str, ...]) -> bool:
    """key(text).startswith(prefixes), keying only as much of the text as that takes."""
    return _starts(key, text, prefixes)


def _starts(transform, text: str, prefixes: str | tuple[str, ...]) -> bool:
    # Whether a paragraph opens with "Căn cứ" or "Kính gửi" is told by its first words: a long
    # paragraph need not be folded whole. Each character folds on its own (NFD moves only combining
    # marks, which fold drops; upper() has no context), so the fold of the beginning of a text is the
    # beginning of its fold: once it is as long as the longest prefix, it tells.
    longest = max(map(len, prefixes)) if isinstance(prefixes, tuple) else len(prefixes)
    size = 4 * longest + 16
    while True:
        head = transform(text[:size])
        if len(head) >= longest or size >= len(text):
            return head.startswith(prefixes)
        size *= 4


def squash(text: str) -> str:
    """One space between words, none at the ends (tabs and line breaks count as spaces)."""
    return _SPACE.sub(" ", text).strip()


def is_line_art(text: str) -> bool:
    return bool(text.strip()) and bool(_LINE_ART.match(text))


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def is_upper(text: str) -> bool:
    """Every letter is a capital (what ND30 calls 'chữ in hoa')."""
    return has_letters(text) and text == text.upper()


def is_lower_words(text: str) -> bool:
    return has_letters(text) and not is_upper(text)


def roman_value(text: str) -> int | None:
    if not text or not _ROMAN.match(text):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        v = values[a]
        total += -v if b != " " and values.get(b, 0) > v else v
    return total or None


# The checker keeps its own alphabet: it judges the generator, so it does not borrow from it.
NOT_VIETNAMESE = set("fjwz")


def letter_index(label: str) -> int | None:
    """Position (1-based) of a Vietnamese letter label: a -> 1, đ -> 5, e -> 6; aa -> 24 + 1…"""
    if not label:
        return None
    first = label[0]
    if any(ch != first for ch in label) or first not in VN_LETTERS:
        return None
    return VN_LETTERS.index(first) + 1 + len(VN_LETTERS) * (len(label) - 1)


def letter_at(index: int) -> str:
    count = len(VN_LETTERS)
    return VN_LETTERS[(index - 1) % count] * ((index - 1) // count + 1)


def quote(text: str, limit: int = 40) -> str:
    text = squash(text)
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def cm(twips: float) -> str:
    return num(twips / 566.929, 2) + " cm"


def mm(twips: float) -> str:
    return num(twips / 56.6929, 1) + " mm"


def num(value: float, digits: int = 1) -> str:
    """A number the Vietnamese way: 1,27 and 13 (no trailing ',0')."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def pt(value: float) -> str:
    return num(value, 1) + " pt"
