"""The short solid lines of the ND30 header: under the issuing body and under the trích yếu,
1/3 to 1/2 of the text's length and centred (PL I.II.2, 5.a).

A line is an empty paragraph with a top border (style 'TdktDuongKe' in the template), narrowed by
indents, so a clerk can still restyle it in Word and no drawing object is needed.
"""
from __future__ import annotations

import functools
import unicodedata

from markupsafe import Markup

TWIPS_PER_CM = 566.93
RULE_SHARE = 0.4  # of the text's width: inside ND30's 1/3 to 1/2

# Approximate Times New Roman advance widths, in ems.
_NARROW = set("ilIjtf.,;:'!|()[]")
_WIDE = set("mwMW")


@functools.lru_cache(maxsize=4096)  # asked letter by letter, and texts repeat the same few letters
def _em(ch: str, bold: bool) -> float:
    base = unicodedata.normalize("NFD", ch)[0]
    if base == " ":
        return 0.25
    if base in _NARROW:
        return 0.3
    if base in _WIDE:
        return 0.95 if base.isupper() else 0.75
    if base.isdigit():
        return 0.5
    if base.isupper() or base == "Đ":
        return 0.74 if bold else 0.69
    if base.isalpha():
        return 0.5 if bold else 0.46
    return 0.35


def text_width_cm(text: str, size_pt: float, bold: bool) -> float:
    ems = sum(_em(ch, bold) for ch in text)
    return ems * size_pt / 72 * 2.54


def rule_under(lines: list[str], size_pt: float, bold: bool, column_cm: float) -> Markup:
    widest = max((text_width_cm(line, size_pt, bold) for line in lines), default=0.0)
    widest = min(widest, column_cm)
    rule = max(widest * RULE_SHARE, 1.0)
    side = max((column_cm - rule) / 2, 0)
    twips = int(round(side * TWIPS_PER_CM))
    return Markup(
        f'<w:p><w:pPr><w:pStyle w:val="TdktDuongKe"/><w:ind w:left="{twips}" w:right="{twips}"/></w:pPr></w:p>')
