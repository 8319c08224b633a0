"""Encoders for the legacy Vietnamese encodings, to produce the bytes a clerk's old files contain.

TCVN3 (ABC, fonts .VnTime/.VnTimeH) gives each lowercase Vietnamese letter one byte; capitals with
tone marks are typed with the H fonts, which use the same bytes. VNI (VNI-Times) writes a base
letter followed by a mark byte. Windows-1258 has precomposed base letters and five combining tones.
"""
from __future__ import annotations

import unicodedata

_TCVN3_LOWER = {
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9,
    "ă": 0xA8, "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "â": 0xA9, "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB,
    "đ": 0xAE,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ê": 0xAA, "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6,
    "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
    "ô": 0xAB, "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ơ": 0xAC, "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ư": 0xAD, "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9,
    "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}
_TCVN3_UPPER = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}


def tcvn3(text: str) -> bytes:
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_UPPER:
            out.append(_TCVN3_UPPER[ch])
        elif ch.lower() in _TCVN3_LOWER:
            out.append(_TCVN3_LOWER[ch.lower()])  # capitals with a tone: same byte in .VnTimeH
        else:
            out += ch.encode("cp1252", errors="replace")
    return bytes(out)


# VNI: tone marks after a plain vowel, after a vowel with circumflex, after a vowel with breve.
_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
_PLAIN = dict(zip(_TONES, "ùøûõï"))
_HAT = dict(zip(_TONES, "áàåãä"))
_BREVE = dict(zip(_TONES, "éèúüë"))
_I = dict(zip(_TONES, "íìæóò"))


def vni(text: str) -> bytes:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        upper = base.isupper()
        tone = next((m for m in marks if m in _TONES), None)
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        if not marks or not set(marks) <= set(_TONES + "\u0302\u0306\u031b"):
            out.append(ch)
            continue
        if "\u0302" in marks:  # circumflex
            piece = base + (_HAT[tone] if tone else "â")
        elif "\u0306" in marks:  # breve
            piece = base + (_BREVE[tone] if tone else "ê")
        elif "\u031b" in marks:  # horn: ơ is ô, ư is ö
            piece = ("ô" if base.lower() == "o" else "ö") + (_PLAIN[tone] if tone else "")
        elif base.lower() == "i":
            piece = _I[tone]
        else:
            piece = base + _PLAIN[tone]
        out.append(piece.upper() if upper else piece)
    return "".join(out).encode("cp1252", errors="replace")


def cp1258(text: str) -> bytes:
    """Windows-1258 as Windows writes it: precomposed where the code page has it, else base + tone."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tone = "".join(m for m in decomposed if m in _TONES)
        base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in _TONES))
        out += base.encode("cp1258", errors="replace") + tone.encode("cp1258")
    return bytes(out)
