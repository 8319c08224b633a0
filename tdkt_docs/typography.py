"""The short solid lines of the ND30 header: under the issuing body and under the trích yếu,
1/3 to 1/2 of the text's length and centred (PL I.II.2, 5.a).

A line is an empty paragraph with a top border (style 'TdktDuongKe' in the template), narrowed by
indents, so a clerk can still restyle it in Word and no drawing object is needed.
"""
from __future__ import annotations

from markupsafe import Markup

from tdkt_docs.vn import text_width_cm

TWIPS_PER_CM = 566.93
RULE_SHARE = 0.4  # of the text's width: inside ND30's 1/3 to 1/2

def rule_under(lines: list[str], size_pt: float, bold: bool, column_cm: float) -> Markup:
    widest = max((text_width_cm(line, size_pt, bold) for line in lines), default=0.0)
    widest = min(widest, column_cm)
    rule = max(widest * RULE_SHARE, 1.0)
    side = max((column_cm - rule) / 2, 0)
    twips = int(round(side * TWIPS_PER_CM))
    return Markup(
        f'<w:p><w:pPr><w:pStyle w:val="TdktDuongKe"/><w:ind w:left="{twips}" w:right="{twips}"/></w:pPr></w:p>')
