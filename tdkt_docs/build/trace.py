"""From a finding on a generated document back to the YAML the clerk typed.

The ND30 check reads the rendered DOCX, so it speaks of paragraphs ("đoạn 9 «TỔ CHỨC …»"). When the
paragraph's offending text is text the clerk typed (an all-caps trích yếu, a place name in lower
case), the place to edit is a YAML line, and it is the clerk's choice, not a fault of our templates:
such findings become warnings at that line (`--strict` makes them errors). A finding whose text is
nobody's but ours stays an error of the layout.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterator

from tdkt_docs.checker.findings import Finding
from tdkt_docs.errors import Problem
from tdkt_docs.input.loader import Loaded, dotted
from tdkt_docs.kinds.markup import plain

# Rules about what the words say (their case, their punctuation, the Số the clerk typed), which
# the clerk's own text can break. Rules about size, style, spacing, page and numbering are ours.
_CONTENT = ("CASE", "FORMAT", "TYPE", "LEADING_ZERO", "PUNCT", "PREFIX", "END_MARK", "NO_DATE_LINE")

# Where each part of the document comes from in the YAML, by the rule's part of the document:
# these are the fields searched first, so that "Tam Đường" is found in `dia_danh`, not in a căn cứ.
_FIELDS = {
    "TRICH_YEU": ("trich_yeu",),
    "NGAY_THANG": ("dia_danh",),
    "CO_QUAN": ("co_quan",),
    "CHU_QUAN": ("co_quan",),
    "SO_KY_HIEU": ("so", "so_ky_hieu", "ky_hieu", "co_quan"),
    "CHU_KY": ("nguoi_ky",),
    "CAN_CU": ("can_cu",),
    "NOI_NHAN": ("noi_nhan",),
    "BIEN_BAN": ("dia_danh",),
}



def _place(value: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in value.split(" "))


# What to do in YAML terms, by rule, with the value rewritten where the rewrite is mechanical; the
# finding's own words say what ND30 wants.
_ADVICE = {
    # No rewrite for a trích yếu: lowering it would also lower "Giấy khen", "Chủ tịch Ủy ban nhân dân".
    "ND30.TRICH_YEU.CASE": ("hãy gõ lại trích yếu bằng chữ thường, chỉ viết hoa chữ cái đầu câu, tên riêng và tên "
                            "hình thức khen thưởng (Giấy khen, Bằng khen của Chủ tịch Ủy ban nhân dân ...)", None),
    "ND30.NGAY_THANG.FORMAT": ("hãy viết hoa chữ cái đầu của mỗi tiếng trong địa danh: «{}»", _place),
}


def traced(finding: Finding, paragraph: str, loaded: Loaded | None, within: tuple = ()) -> Problem | None:
    """The finding as a warning at the YAML value that wrote the offending paragraph, if the clerk
    typed it; None when the paragraph is made of our own words."""
    if loaded is None or finding.rule.rsplit(".", 1)[-1] not in _CONTENT:
        return None
    text = _folded(paragraph or finding.quote.rstrip("…"))
    if not text:
        return None
    part = finding.rule.split(".")[1] if finding.rule.count(".") >= 2 else ""
    path = _best(loaded, text, within, _FIELDS.get(part, ()))
    if path is None:
        return None
    file, line, col = loaded.locate(path)
    message = finding.message
    if finding.found:
        message += f" (thấy: {finding.found})"
    if finding.rule in _ADVICE:
        words, rewrite = _ADVICE[finding.rule]
        message += "; " + (words.format(rewrite(_value(loaded.data, path))) if rewrite else words)
    return Problem(file, f"{message} [{finding.rule}]", line, col, dotted(path), severity="warning")


def _value(data: Any, path: tuple) -> str:
    for part in path:
        data = data[part]
    return plain(str(data)).strip()


def _best(loaded: Loaded, text: str, within: tuple, fields: tuple) -> tuple | None:
    """The path of the typed value that best explains the paragraph: one in the rule's own fields
    first, then any; the longest value wins (a paragraph holds several short ones)."""
    scored = []
    for path, value in _scalars(loaded.data, ()):
        # A dossier's nominee list (de_nghi) belongs to each of its documents.
        if within and path[:len(within)] != within and path[:1] != ("de_nghi",):
            continue
        score = _score(value, text)
        if score:
            own = any(isinstance(p, str) and p in fields for p in path)
            scored.append((own, score, path))
    if not scored:
        return None
    return max(scored, key=lambda s: (s[0], s[1]))[2]


def _score(typed: str, text: str) -> int:
    value = _folded(typed)
    if len(value) < 3:
        return 0
    if value == text:
        return 10_000 + len(value)
    if value in text:
        return len(value)
    if "{{" in value:  # a value with variables matches whatever they became
        pattern = ".+?".join(re.escape(p) for p in re.split(r"\{\{.*?\}\}", value))
        found = re.search(pattern, text)
        return len(found.group()) if found else 0
    # One line of a value typed on several lines ("HỘI ĐỒNG\nTHI ĐUA - KHEN THƯỞNG").
    if len(text) >= 3 and any(text == _folded(line) for line in typed.split("\n")):
        return len(text)
    return 0


def _scalars(data: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _scalars(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _scalars(value, path + (i,))
    elif isinstance(data, str):
        yield path, data


def _folded(text: str) -> str:
    """Text as compared: composed, without markup, one space between words, case ignored."""
    text = plain(unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", " ", text).strip().casefold()
