"""Turn the bytes of a data file into text, recognising what a clerk may have saved by mistake.

Clerks still meet text from the 1990s font encodings (TCVN3/ABC with .VnTime, VNI with VNI-Times)
and files saved by old Windows tools as Windows-1258. Such text is not wrong bytes, it is wrong
letters, so it must be caught here rather than printed into an official document. A Word or PDF
file renamed to .yaml is named for what it is.
"""
from __future__ import annotations

import re
import unicodedata

from tdkt_docs.errors import InputError, Problem

HOW_TO_SAVE = "hãy mở tệp bằng Notepad hoặc VS Code và lưu lại với bảng mã UTF-8"
CONVERT = "hãy chuyển sang Unicode bằng Unikey (Công cụ chuyển mã, đích: Unicode) rồi lưu lại dạng UTF-8"

# Files that are not text at all, by their first bytes.
_MAGIC = [
    (b"PK\x03\x04", "tệp Word/Excel (.docx/.xlsx) hoặc tệp nén (.zip)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "tệp Word/Excel đời cũ (.doc/.xls)"),
    (b"%PDF", "tệp PDF"),
    (b"{\\rtf", "tệp RTF (WordPad/Word)"),
    (b"\x89PNG", "tệp ảnh PNG"),
    (b"\xff\xd8\xff", "tệp ảnh JPEG"),
]

# What the legacy fonts look like once their bytes are read as Windows Latin letters.
# TCVN3 keeps Vietnamese letters in 0xA1-0xFE: "Th«ng b¸o" is "Thông báo", "KÕ ho¹ch" is "Kế hoạch",
# "NguyÔn V¨n" is "Nguyễn Văn". A symbol ¡..¿ inside a word, or a capital accented letter between
# small letters, never happens in Vietnamese typed in Unicode. (Ì Ò Þ Ð Õ Ý Ã are left out: they are
# what Windows-1258 text looks like when misread, which is a different mistake.)
_SYMBOL = r"\u00a1-\u00bf"
_CAPITAL = r"\u00c0-\u00c2\u00c4-\u00cb\u00cd-\u00cf\u00d1\u00d3\u00d4\u00d6-\u00d8\u00dc"
_TCVN3 = re.compile(rf"(?<=[A-Za-z{_SYMBOL}])[{_SYMBOL}](?=[A-Za-z\u00a1-\u00ff])"
                    rf"|(?<=[A-Za-z])[{_SYMBOL}](?=[\s,.;:)]|$)|(?<![^\s(])[{_SYMBOL}](?=[a-z])"
                    rf"|(?<=[a-z])[{_CAPITAL}](?=[a-z])")
# VNI writes a base letter followed by a mark from Latin-1: "Vieät Nam", "Ñöôøng", "Nguyeãn Vaên".
# Vietnamese typed in Unicode never puts a marked vowel after 'a' or 'e', nor these marks after
# 'o', 'u', 'i', 'y'; and ñ, ö are not Vietnamese letters at all.
_AFTER_AE, _AFTER_O, _AFTER_UIY = "âáàåãäêéèúüëùøûõïöô", "âäåùøûõïö", "ùøûõïäåö"
_VNI = re.compile(rf"[aeAE][{_AFTER_AE}]|[oO][{_AFTER_O}]|[uiyUIY][{_AFTER_UIY}]"
                  r"|(?<=[A-Za-z])[öÖ]|[ñÑ](?=[a-zA-Zöô])", re.I)
# UTF-8 read as Windows Latin and saved again (an e-mail client, an old editor): "Kế hoạch" becomes
# "Káº¿ hoáº¡ch", "đường" becomes "Ä‘Æ°á»ng". The lead letters á Ã Ä Æ followed by a symbol or a
# Windows punctuation mark never meet in real text.
_LEAD = "áÃÄÆÅ"
_WINDOWS = (r"\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
            r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
_MOJIBAKE = re.compile(rf"[{_LEAD}][{_WINDOWS}]")
# Almost every text is Vietnamese typed in Unicode, in which the three patterns above find nothing;
# running them costs as much as the rest of the cleaning. Each of their matches holds one of these
# characters: a symbol ¡..¿, ñ or ö alone, or one of these pairs (VNI's without regard to case, as
# _VNI reads them). A text without any is answered at once; one with any is looked at in full, so
# the answer is the same either way. The first class lists every character a pair can end with,
# so the search skips everything else in one pass.
_ENDS = _AFTER_AE + _AFTER_O + _AFTER_UIY
_MAYBE_LEGACY = re.compile(
    rf"[{_SYMBOL}ñÑöÖ{_WINDOWS}{_CAPITAL}{_ENDS}{_ENDS.upper()}\u212b]"  # U+212B Å folds to å
    rf"(?:(?<=[{_SYMBOL}ñÑöÖ])|(?<=[{_LEAD}][{_WINDOWS}])|(?<=[a-z][{_CAPITAL}])"
    rf"|(?<=(?i:[aeAE][{_AFTER_AE}]))|(?<=(?i:[oO][{_AFTER_O}]))|(?<=(?i:[uiyUIY][{_AFTER_UIY}])))")
_VIET = re.compile(r"[ạảãàáâậầấẩẫăắằặẳẵẹẻẽèéêềếểễệịỉĩìíọỏõòóôồốổỗộơờớởỡợụủũùúưừứửữựỳýỵỷỹđ]", re.I)
# Enough evidence that a piece of text is a legacy encoding rather than a foreign name or a symbol.
MIN_HITS = 2


def _scores(text: str) -> tuple[int, int]:
    return len(_TCVN3.findall(text)), len(_VNI.findall(text))


def legacy_font(text: str) -> str | None:
    """'TCVN3', 'VNI' or 'UTF8' (UTF-8 misread as Windows Latin) when `text` is Vietnamese in the
    wrong letters, else None."""
    if text.isascii() or _MAYBE_LEGACY.search(text) is None:
        return None
    return _counted(text)


def _counted(text: str) -> str | None:
    """legacy_font by counting every match of the three patterns."""
    if len(_MOJIBAKE.findall(text)) >= MIN_HITS:
        return "UTF8"
    tcvn, vni = _scores(text)
    if tcvn >= MIN_HITS and tcvn >= vni:
        return "TCVN3"
    if vni >= MIN_HITS:
        return "VNI"
    return None


LEGACY_NAME = {"TCVN3": "TCVN3 (phông .VnTime, .VnArial)", "VNI": "VNI (phông VNI-Times)"}


def legacy_message(kind: str, text: str = "") -> str:
    if kind == "UTF8":
        return ("chữ Việt bị hỏng vì tệp UTF-8 đã bị mở và lưu lại bằng bảng mã khác"
                f"{_repaired(text)}; hãy lấy lại bản gốc, hoặc chuyển mã bằng Unikey rồi lưu lại dạng UTF-8")
    return f"chữ Việt được gõ bằng bảng mã {LEGACY_NAME[kind]} nên sẽ hiện sai dấu trong văn bản; {CONVERT}"


def _repaired(text: str) -> str:
    """What the damaged text said, when it can be read back, to show the clerk it is the same text."""
    m = _MOJIBAKE.search(text)
    if not m:
        return ""
    start = max(text.rfind(" ", 0, max(m.start() - 12, 0)) + 1, 0)
    piece = text[start:start + 40]
    for end in range(len(piece), 0, -1):
        try:
            fixed = piece[:end].encode("cp1252").decode("utf-8")
        except UnicodeError:
            continue
        if fixed.strip():
            return f" («{piece[:end].strip()}» là «{fixed.strip()}»)"
    return ""


def decode(raw: bytes, shown: str) -> str:
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            if shown.lower().endswith((".yaml", ".yml")):
                advice = "bị đổi tên thành tệp YAML, không phải văn bản YAML; hãy mở tệp mẫu .yaml và chép nội dung vào đó"
            else:
                advice = ("bị đổi tên, không phải tệp văn bản; hãy mở bằng chương trình đã tạo ra nó và lưu lại "
                          "đúng dạng (bảng tính: .xlsx hoặc CSV UTF-8)")
            raise InputError(Problem(shown, f"đây là {what} {advice}", line=1))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Notepad's "Unicode": UTF-16 with a byte order mark.
        try:
            return _text_only(raw.decode("utf-16"), shown)
        except UnicodeDecodeError:
            pass
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(_not_utf8(raw, exc.start, shown)) from None
    return _text_only(text, shown)


def _text_only(text: str, shown: str) -> str:
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError(Problem(shown, f"tệp chứa ký tự rỗng (NUL), không phải văn bản YAML; {HOW_TO_SAVE}",
                                 line=line))
    return text


def _not_utf8(raw: bytes, start: int, shown: str) -> Problem:
    line = raw[:start].count(b"\n") + 1
    controls = sum(raw.count(bytes([c])) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
    if b"\x00" in raw or controls > len(raw) // 100:
        return Problem(shown, f"tệp không phải văn bản (có thể là tệp Word/Excel đổi đuôi?); {HOW_TO_SAVE}")
    # A legacy font's bytes shown as Windows Latin letters, exactly as Word shows them without the
    # font; Windows-1258 read the same way shows a few chance matches, so the counts are weighed
    # against how Vietnamese the Windows-1258 reading is.
    latin = raw.decode("cp1252", errors="replace")
    viet = len(_VIET.findall(unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace"))))
    tcvn, vni = _scores(latin)
    kind = None
    if tcvn >= MIN_HITS and tcvn >= vni and tcvn * 10 >= viet:
        kind = "TCVN3"
    elif vni >= MIN_HITS and vni * 10 >= viet:
        kind = "VNI"
    if kind:
        return Problem(shown, f"tệp không lưu dạng UTF-8 và {legacy_message(kind)}", line=_first_line(latin, kind))
    if viet >= MIN_HITS:
        return Problem(shown, f"tệp được lưu bằng bảng mã Windows-1258 (ANSI), không phải UTF-8; {HOW_TO_SAVE}",
                       line=line)
    return Problem(shown, f"tệp không phải văn bản UTF-8 (bảng mã khác, hoặc tệp Word/Excel đổi đuôi?); {HOW_TO_SAVE}",
                   line=line)


def _first_line(text: str, kind: str) -> int:
    pattern = _TCVN3 if kind == "TCVN3" else _VNI
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else 1
