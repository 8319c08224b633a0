"""Tables inside the content (a kế hoạch's task table, a list of nominees), as WordprocessingML.

Cell text uses the template's styles 'TdktBangTieuDe' and 'TdktBangChu' and the table style
'TdktBang', so restyling them in the template restyles every table.
"""
from __future__ import annotations

from markupsafe import Markup

from tdkt_docs.kinds.markup import Fragment, runs
from tdkt_docs.typography import TWIPS_PER_CM, text_width_cm

TEXT_WIDTH_CM = 16.5
CELL_MARGIN_TWIPS = 85  # left and right, table style 'TdktBang'
# A cell's text needs its two margins and some room for the width estimate being short of the font.
PADDING_CM = 2 * CELL_MARGIN_TWIPS / TWIPS_PER_CM + 0.35
SIZE_PT = 13


def _longest_word(text: str, bold: bool) -> float:
    return max((text_width_cm(w, SIZE_PT, bold) for w in text.split()), default=0.0)


def _measure(headers: list[str], rows: list[list[str]]) -> tuple[list[float], list[float], list[float]]:
    """Per column: the width of its longest line with a long header on two lines, the same with every
    header on one line, and the width of its longest word (cm, cell margins included)."""
    natural, whole, floor = [], [], []
    for i, head in enumerate(headers):
        # A cell longer than the page wraps whatever its width: its first 200 characters tell enough.
        cells = [r[i][:200] for r in rows[:300]]
        head_cm = text_width_cm(head, SIZE_PT, True)
        text_cm = max([text_width_cm(c, SIZE_PT, False) for c in cells], default=0.0)
        half = head_cm if head_cm <= 3.5 else max(head_cm / 2, _longest_word(head, True))
        natural.append(max(text_cm, half) + PADDING_CM)
        whole.append(max(text_cm, head_cm) + PADDING_CM)
        floor.append(max([_longest_word(c, False) for c in cells] + [_longest_word(head, True)]) + PADDING_CM)
    return natural, whole, floor


def fit_widths(headers: list[str], rows: list[list[str]], total_cm: float = TEXT_WIDTH_CM) -> list[float]:
    """Column widths (cm) that follow the content: each column as wide as its longest line when all
    fit (its header on one line too, if there is room); otherwise the short columns keep their width
    and the long ones share the rest, never narrower than their longest word."""
    natural, whole, floor = _measure(headers, rows)
    if sum(whole) <= total_cm:
        natural = whole
    if sum(natural) <= total_cm:
        spare = total_cm - sum(natural)
        # The room left goes to the text columns, so that numbers stay in narrow columns.
        wide = [i for i, w in enumerate(natural) if w > 2.5] or list(range(len(natural)))
        share = sum(natural[i] for i in wide)
        return [w + (spare * w / share if i in wide else 0) for i, w in enumerate(natural)]
    # Short columns keep their own width; the long ones share what is left equally (a common cap
    # found by halving), so a name and an award each wrap to as few lines as the room allows.
    low, high = 0.0, max(natural)
    for _ in range(40):
        cap = (low + high) / 2
        low, high = (cap, high) if sum(min(w, cap) for w in natural) < total_cm else (low, cap)
    widths = [min(w, low) for w in natural]
    widths[widths.index(max(widths))] += total_cm - sum(widths)
    # A column squeezed below its longest word takes the difference from the widest column.
    for i in range(len(widths)):
        lack = floor[i] - widths[i]
        if lack > 0:
            j = max(range(len(widths)), key=lambda k: widths[k] - floor[k])
            if widths[j] - floor[j] > lack:
                widths[i] += lack
                widths[j] -= lack
    return widths


def _widths(headers: list[str], rows: list[list[str]], given: list[float] | None) -> list[int]:
    if not given:
        given = fit_widths(headers, rows)
    return [int(round(w * TWIPS_PER_CM)) for w in given]


def _cell(width: int, content: Markup, style: str, head: bool = False) -> str:
    # A header cell's text is centred vertically: a one-line header beside a two-line one.
    centre = '<w:vAlign w:val="center"/>' if head else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{centre}</w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{content}</w:p></w:tc>')


# A table keeps a little space (6 pt) from the paragraph above it: an empty paragraph that high,
# kept with the table. The table's borders sit on the text margins: indented by a cell margin, as
# wide as the text.
_SPACER = ('<w:p><w:pPr><w:pStyle w:val="TdktNoiDung"/><w:keepNext/><w:spacing w:before="0" w:after="0" '
           'w:line="120" w:lineRule="exact"/><w:ind w:firstLine="0"/></w:pPr></w:p>')


def _open(widths: list[int]) -> list[str]:
    out = [_SPACER, '<w:tbl><w:tblPr><w:tblStyle w:val="TdktBang"/>'
           f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblInd w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/>'
           '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>']
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append('</w:tblGrid>')
    return out


def _head(widths: list[int], headers: list[str]) -> list[str]:
    out = ['<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>']
    out += [_cell(w, runs(h), "TdktBangTieuDe", head=True) for w, h in zip(widths, headers)]
    out.append("</w:tr>")
    return out


def grid(headers: list[str], rows: list[list[str]], widths_cm: list[float] | None = None,
         centre_first: bool = False, centred: tuple[int, ...] = ()) -> Markup:
    widths = _widths(headers, rows, widths_cm)
    out = _open(widths) + _head(widths, headers)
    cells: dict[tuple[int, str], str] = {}  # see grouped()
    for row in rows:
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for i, (w, value) in enumerate(zip(widths, row)):
            xml = cells.get((i, value))
            if xml is None:
                style = "TdktBangSo" if (i == 0 and centre_first) or i in centred else "TdktBangChu"
                xml = cells[i, value] = _cell(w, runs(value), style)
            out.append(xml)
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return Fragment("".join(out))


def table_xml(bang) -> Markup:
    headers = list(bang.cot)
    rows = [["" if v is None else str(v) for v in row] for row in bang.dong]
    if bang.so_thu_tu:
        rows = [[str(i)] + row for i, row in enumerate(rows, 1)]
    return grid(headers, rows, bang.do_rong, centre_first=bang.so_thu_tu)


def grouped(headers: list[str], sections: list[tuple[str, str, list[list[str]]]], widths_cm: list[float] | None = None,
            centred: tuple[int, ...] = (0,)) -> Markup:
    """A table whose rows sit under section rows ('I | Tập thể') that span the columns after the first,
    as lists of nominees are laid out: one header, numbering restarting in each section."""
    widths = _widths(headers, [row for _, _, rows in sections for row in rows], widths_cm)
    out = _open(widths) + _head(widths, headers)
    rest = sum(widths[1:])
    # A cell's XML depends only on its column and its text, and long lists repeat their texts (the
    # award, the way of voting, the count, the result), so each is written once.
    cells: dict[tuple[int, str], str] = {}
    for mark, title, rows in sections:
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        out.append(_cell(widths[0], runs(mark, bold=True), "TdktBangSo"))
        out.append(f'<w:tc><w:tcPr><w:tcW w:w="{rest}" w:type="dxa"/><w:gridSpan w:val="{len(widths) - 1}"/></w:tcPr>'
                   f'<w:p><w:pPr><w:pStyle w:val="TdktBangChu"/></w:pPr>{runs(title, bold=True)}</w:p></w:tc>')
        out.append("</w:tr>")
        for row in rows:
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for i, (w, value) in enumerate(zip(widths, row)):
                xml = cells.get((i, value))
                if xml is None:
                    style = "TdktBangSo" if i in centred else "TdktBangChu"
                    xml = cells[i, value] = _cell(w, runs(value, markup=False), style)
                out.append(xml)
            out.append("</w:tr>")
    out.append("</w:tbl>")
    return Fragment("".join(out))
