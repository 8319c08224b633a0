"""Pieces of a Word document put together the ways clerks do it in Word: a header in a borderless
table, on tab stops or in a text box; short rules drawn as a bordered empty paragraph, a line shape,
underscores or underlining; Word's own numbering; Nơi nhận and signature in a table or in paragraphs."""
from __future__ import annotations

import io
import unicodedata

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

W = nsdecls("w")
TNR = "Times New Roman"
CENTER, JUSTIFY, LEFT, RIGHT = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.RIGHT)


class Builder:
    """One document being typed. `nfd`: every text decomposed, as Unikey's "Unicode tổ hợp" types it."""

    def __init__(self, nfd: bool = False) -> None:
        self.nfd = nfd
        self.doc = Document()
        normal = self.doc.styles["Normal"]
        normal.font.name = TNR
        normal.font.size = Pt(14)
        normal.paragraph_format.space_after = Pt(0)
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.top_margin = sec.bottom_margin = Cm(2)
        sec.left_margin, sec.right_margin = Cm(3), Cm(2)
        self._page_number(sec)
        self._nums = 0

    def t(self, text: str) -> str:
        return unicodedata.normalize("NFD", text) if self.nfd else text

    def run(self, par, text, size=14, bold=False, italic=False, underline=False):
        r = par.add_run(self.t(text))
        r.font.size = Pt(size)
        r.bold = bold or None
        r.italic = italic or None
        if underline:
            r.underline = True
        return r

    def par(self, container=None, text="", size=14, bold=False, italic=False, align=None, first=None,
            left=None, before=None, underline=False):
        container = container if container is not None else self.doc
        par = container.add_paragraph()
        if align is not None:
            par.alignment = align
        pf = par.paragraph_format
        if first is not None:
            pf.first_line_indent = Cm(first)
        if left is not None:
            pf.left_indent = Cm(left)
        if before is not None:
            pf.space_before = Pt(before)
        for n, piece in enumerate(text.split("\n") if text else []):
            if n:
                par.add_run().add_break()
            self.run(par, piece, size, bold, italic, underline)
        return par

    def body(self, text, bold=False, italic=False, size=14):
        """A body paragraph as ND30 wants it: justified, first line 1.27 cm, 6 pt before."""
        return self.par(None, text, size, bold, italic, JUSTIFY, first=1.27, before=6)

    def cell(self, cell):
        """add(text, …) into a cell, reusing the empty paragraph a new cell holds, as Word does."""
        first = [cell.paragraphs[0]]

        def add(text="", size=14, bold=False, italic=False, align=CENTER, underline=False):
            if first:
                par = first.pop()
                par.alignment = align
                for n, piece in enumerate(text.split("\n") if text else []):
                    if n:
                        par.add_run().add_break()
                    self.run(par, piece, size, bold, italic, underline)
                return par
            return self.par(cell, text, size, bold, italic, align, underline=underline)
        return add

    def rule(self, par_or_adder, how: str, width_cm: float = 2.5):
        """A short solid line under an element: a bordered empty paragraph, a line shape, underscores."""
        if how == "none" or how == "underline":
            return
        par = par_or_adder("", 6) if callable(par_or_adder) else par_or_adder
        if how == "border":
            ppr = par._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:pBdr {W}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/>'
                                 '</w:pBdr>'))
            side = max((6.5 - width_cm) / 2, 0)
            par.paragraph_format.left_indent = par.paragraph_format.right_indent = Cm(side)
        elif how == "shape":
            par._p.append(parse_xml(
                f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:line id="l{id(par)}" from="60pt,2pt" to="140pt,2pt" '
                'strokeweight=".5pt"/></w:pict></w:r>'))
        elif how == "underscore":
            self.run(par, "_" * 14, 13)

    def numbering(self, fmt: str, text: str) -> int:
        """A one-level Word list; returns its numId."""
        numbering = self.doc.part.numbering_part.element
        self._nums += 1
        aid, nid = 80 + self._nums, 300 + self._nums
        abstract = parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="{aid}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="0" w:firstLine="720"/></w:pPr></w:lvl></w:abstractNum>')
        nums = numbering.findall(qn("w:num"))
        if nums:
            nums[0].addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(parse_xml(f'<w:num {W} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
        return nid

    def numbered(self, nid: int, text: str, container=None, size=14, align=JUSTIFY, bold=False):
        par = self.par(container, "", align=align, before=6 if container is None else None)
        par._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="{nid}"/>'
                                                  '</w:numPr>'))
        self.run(par, text, size, bold)
        return par

    def tabs(self, left: str, right: str, sizes=(13, 13), bold=(True, True), italic=(False, False)):
        par = self.par(align=LEFT)
        par.paragraph_format.tab_stops.add_tab_stop(Cm(3.2), WD_TAB_ALIGNMENT.CENTER)
        par.paragraph_format.tab_stops.add_tab_stop(Cm(11.5), WD_TAB_ALIGNMENT.CENTER)
        self.run(par, "\t" + left, sizes[0], bold[0], italic[0])
        self.run(par, "\t" + right, sizes[1], bold[1], italic[1])
        return par

    def textbox(self, par, lines):
        inner = "".join(
            f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr>{"<w:b/>" if bold else ""}'
            f'<w:sz w:val="{size * 2}"/></w:rPr><w:t>{self.t(text)}</w:t></w:r></w:p>' for text, size, bold in lines)
        par._p.append(parse_xml(
            f'<w:r {nsdecls("w", "wp", "a")} xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
            'wordprocessingShape"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>2600000</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="3600000" cy="600000"/><wp:wrapNone/><wp:docPr id="7" name="Text Box 7"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:spPr/><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/>'
            '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'))

    def table(self, rows: int, cols: int, widths=(6.5, 9.5)):
        table = self.doc.add_table(rows=rows, cols=cols)
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = Cm(width)
        return table

    def landscape_table(self, header, rows):
        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = "Table Grid"
        for r, values in enumerate([header] + rows):
            for c, value in enumerate(values):
                self.cell(table.cell(r, c))(value, 13, bold=r == 0)
        return table

    def _page_number(self, section) -> None:
        section.different_first_page_header_footer = True
        header = section.header
        header.is_linked_to_previous = False
        par = header.paragraphs[0]
        par.alignment = CENTER
        for inner in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                      '<w:fldChar w:fldCharType="separate"/>', '<w:t>2</w:t>', '<w:fldChar w:fldCharType="end"/>'):
            par._p.append(parse_xml(f'<w:r {W}><w:rPr><w:sz w:val="28"/></w:rPr>{inner}</w:r>'))

    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()
