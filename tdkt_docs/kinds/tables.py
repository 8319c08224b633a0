"""Tables inside the content (a kế hoạch's task table, a list of nominees), as WordprocessingML.

Cell text uses the template's styles 'TdktBangTieuDe' and 'TdktBangChu' and the table style
'TdktBang', so restyling them in the template restyles every table.
"""
from __future__ import annotations

from markupsafe import Markup

from tdkt_docs.kinds.markup import Fragment, runs
from tdkt_docs.typography import TWIPS_PER_CM, text_width_cm

TEXT_WIDTH_CM = 16.5


def _widths(headers: list[str], rows: list[list[str]], given: list[float] | None) -> list[int]:
    if given:
        return [int(round(w * TWIPS_PER_CM)) for w in given]
    # Share the width by how much each column has to say, with a floor so short columns stay legible.
    weights = []
    for i, head in enumerate(headers):
        longest = max([text_width_cm(head, 13, True)] + [text_width_cm(r[i], 13, False) for r in rows[:200]])
        weights.append(min(max(longest, 1.2), 12.0))
    total = sum(weights)
    return [int(round(TEXT_WIDTH_CM * TWIPS_PER_CM * w / total)) for w in weights]


def _cell(width: int, content: Markup, style: str) -> str:
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{content}</w:p></w:tc>')


def grid(headers: list[str], rows: list[list[str]], widths_cm: list[float] | None = None,
         centre_first: bool = False, centred: tuple[int, ...] = ()) -> Markup:
    widths = _widths(headers, rows, widths_cm)
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TdktBang"/><w:tblW w:w="0" w:type="auto"/>'
           '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>']
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append('</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>')
    out += [_cell(w, runs(h), "TdktBangTieuDe") for w, h in zip(widths, headers)]
    out.append("</w:tr>")
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


def grouped(headers: list[str], sections: list[tuple[str, str, list[list[str]]]], widths_cm: list[float],
            centred: tuple[int, ...] = (0,)) -> Markup:
    """A table whose rows sit under section rows ('I | Tập thể') that span the columns after the first,
    as lists of nominees are laid out: one header, numbering restarting in each section."""
    widths = _widths(headers, [], widths_cm)
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TdktBang"/><w:tblW w:w="0" w:type="auto"/>'
           '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>']
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append('</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>')
    out += [_cell(w, runs(h), "TdktBangTieuDe") for w, h in zip(widths, headers)]
    out.append("</w:tr>")
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
