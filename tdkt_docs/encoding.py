"""Turn the bytes of a data file into text, recognising the legacy Vietnamese encodings.

Clerks still meet text from the 1990s font encodings (TCVN3/ABC with .VnTime, VNI with VNI-Times)
and files saved by old Windows tools as Windows-1258. Such text is not wrong bytes, it is wrong
letters, so it must be caught here rather than printed into an official document.
"""
from __future__ import annotations

import re

from .errors import InputError, Problem

_HOW_TO_SAVE = "hãy mở tệp bằng Notepad hoặc VS Code và lưu lại với bảng mã UTF-8"
_CONVERT = ("hãy chuyển sang Unicode bằng Unikey (Công cụ chuyển mã, đích: Unicode) rồi lưu lại dạng UTF-8")

# Characters TCVN3 puts where Unicode has Vietnamese letters (á = ¸, à = µ, đ = ®, ư = ­ ...).
_TCVN3 = set("¸µ¶·¹¨»¾¼½Æ©ÊÇÈÉËªÐÌÎÏÑ«ãßáâä¬íêëìî®­øõö÷ñ¡¢£¤¥¦§")
# VNI writes a base letter followed by a mark from Latin-1: "Vieät Nam", "Ñoàng".
_VNI = re.compile(r"[aeiouyAEIOUY][øùûõïäåéèëêâ]|[ÑñÔô][aeiouAEIOU]?[øùûõïäå]")
_VIET = re.compile(r"[ạảãàáâậầấẩẫăắằặẳẵẹẻẽèéêềếểễệịỉĩìíọỏõòóôồốổỗộơờớởỡợụủũùúưừứửữựỳýỵỷỹđ]", re.I)


def decode(raw: bytes, shown: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_legacy(raw.decode("utf-16"), shown)
        except UnicodeDecodeError:
            pass
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        try:
            guess = raw.decode("cp1258")
        except UnicodeDecodeError:
            guess = ""
        if guess and (_VIET.search(guess) or re.search(r"[\u0300-\u0323]", guess)):
            raise InputError(Problem(
                shown, f"tệp được lưu bằng bảng mã Windows-1258, không phải UTF-8; {_HOW_TO_SAVE}",
                line=line)) from None
        if guess and sum(ch in _TCVN3 for ch in guess) >= 3:
            raise InputError(Problem(
                shown, f"tệp được gõ bằng bảng mã TCVN3 (phông .VnTime) và không lưu dạng UTF-8; {_CONVERT}",
                line=line)) from None
        raise InputError(Problem(
            shown, f"tệp không phải văn bản UTF-8 (có thể là tệp Word/Excel đổi đuôi?); {_HOW_TO_SAVE}",
            line=line)) from None
    if "\x00" in text:
        raise InputError(Problem(shown, f"tệp chứa ký tự rỗng (NUL), không phải văn bản YAML; {_HOW_TO_SAVE}"))
    return _check_legacy(text, shown)


def _check_legacy(text: str, shown: str) -> str:
    if _VIET.search(text):
        return text
    tcvn = [i for i, ch in enumerate(text) if ch in _TCVN3]
    if len(tcvn) >= 3:
        line = text.count("\n", 0, tcvn[0]) + 1
        raise InputError(Problem(
            shown, f"chữ Việt được gõ bằng bảng mã TCVN3 (phông .VnTime), văn bản sẽ hiện sai dấu; {_CONVERT}",
            line=line))
    vni = list(_VNI.finditer(text))
    if len(vni) >= 3:
        line = text.count("\n", 0, vni[0].start()) + 1
        raise InputError(Problem(
            shown, f"chữ Việt được gõ bằng bảng mã VNI (phông VNI-Times), văn bản sẽ hiện sai dấu; {_CONVERT}",
            line=line))
    return text
