"""Reading a DOCX package into the document model (model.py): the body, headers and footers walked
in reading order, each run with the formatting Word resolves for it."""
from __future__ import annotations

import re

from lxml import etree

from .numbering import Numbering
from .vntext import nfc
from .package import RT_HEADER, RT_FOOTER, RT_NUMBERING, RT_STYLES, RT_THEME, Package, R, W
from .styles import Styles, parse_ppr, parse_rpr, wa
from .model import Cell, Document, Para, Section, Story, Table

_W = "{" + W + "}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, RUN, T, TBL, TR, TC, SDT, SDTC = (_W + n for n in ("p", "r", "t", "tbl", "tr", "tc", "sdt", "sdtContent"))
PPR, RPR, SECTPR, TXBX = _W + "pPr", _W + "rPr", _W + "sectPr", _W + "txbxContent"
TRPR, TCPR, GRID_SPAN, GRID_BEFORE = _W + "trPr", _W + "tcPr", _W + "gridSpan", _W + "gridBefore"
TABS, BREAKS = {_W + "tab", _W + "ptab"}, {_W + "br", _W + "cr"}
NB_HYPHEN, SYM, FLD_CHAR, INSTR = _W + "noBreakHyphen", _W + "sym", _W + "fldChar", _W + "instrText"
_INLINE_CONTAINERS = {_W + n for n in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "dir", "bdo")}
_BLOCK_CONTAINERS = {_W + n for n in ("customXml", "ins", "moveTo")}
_DRAWINGS = {_W + "drawing", _W + "pict", _W + "object", MC + "AlternateContent"}
_FIELD_WORD = re.compile(r"^\s*([A-Z]+)")
_NO_FIELDS: frozenset[str] = frozenset()


class _Walker:
    def __init__(self, styles: Styles, numbering: Numbering, story: str, caches: tuple[dict, dict]):
        self.styles = styles
        self.numbering = numbering
        self.story = story
        self.paras: list[Para] = []
        self.tables: list[Table] = []
        self.fields: list[dict] = []  # open complex fields of this story
        self.cell_stack: list[tuple[Cell, str | None]] = []
        self.section = 0
        self.sect_elements: list = []
        self._boxes: list = []
        # Formats by property shape: pure given the styles and the numbering definitions, so shared
        # by every document of the same template (only the numbering counters are per document).
        self._ppr_cache, self._rpr_cache = caches

    # --- blocks -------------------------------------------------------------------------------

    def blocks(self, parent, textbox: bool = False) -> None:
        for child in parent:
            tag = child.tag
            if tag == P:
                self.paragraph(child, textbox)
            elif tag == TBL:
                self.table(child, textbox)
            elif tag == SDT:
                content = child.find(SDTC)
                if content is not None:
                    self.blocks(content, textbox)
            elif tag in _BLOCK_CONTAINERS:
                self.blocks(child, textbox)
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    self.blocks(choice, textbox)

    def table(self, tbl, textbox: bool) -> None:
        depth = len(self.cell_stack) + 1
        grid = tbl.find(_W + "tblGrid")
        ncols = len(grid.findall(_W + "gridCol")) if grid is not None else 0
        tpr = tbl.find(_W + "tblPr")
        style_el = tpr.find(_W + "tblStyle") if tpr is not None else None
        t_style = wa(style_el, "val") if style_el is not None else self.styles.default_table
        table = Table(len(self.tables), depth, ncols, first=len(self.paras) + 1)
        self.tables.append(table)
        stack, paras, paragraph = self.cell_stack, self.paras, self.paragraph
        for r, tr in enumerate(_rows(tbl)):
            col = 0
            trpr = _child(tr, TRPR)
            if trpr is not None:
                gb = _child(trpr, GRID_BEFORE)
                if gb is not None and (wa(gb, "val") or "").isdecimal():
                    col = int(wa(gb, "val"))
            row: list[tuple[int, list[int]]] = []
            for tc in _cells(tr):
                span = 1
                tcpr = _child(tc, TCPR)
                if tcpr is not None:
                    gs = _child(tcpr, GRID_SPAN)
                    if gs is not None and (wa(gs, "val") or "").isdecimal():
                        span = max(int(wa(gs, "val")), 1)
                cell = Cell(table.index, r, col, max(ncols, col + span), depth)
                stack.append((cell, t_style))
                before = len(paras)
                for child in tc:
                    tag = child.tag
                    if tag == P:  # nearly always, and nearly always the only block of its cell
                        paragraph(child, textbox)
                    elif tag != TCPR:
                        self.blocks((child,), textbox)
                stack.pop()
                after = len(paras)
                row.append((col, [after] if after == before + 1 else list(range(before + 1, after + 1))))
                col += span
            table.rows.append(row)
        table.ncols = max([ncols] + [c + 1 for row in table.rows for c, _ in row])
        table.last = len(self.paras)

    # --- paragraphs ---------------------------------------------------------------------------

    def paragraph(self, p, textbox: bool) -> None:
        ppr_el = _child(p, PPR)
        cell, t_style = self.cell_stack[-1] if self.cell_stack else (None, None)
        # Paragraphs repeat the same few pPr (a 2,000-row table has a handful): resolve each once.
        # Only the numbering counters change from one paragraph to the next.
        key = (None if ppr_el is None else _shape(ppr_el), t_style)
        hit = self._ppr_cache.get(key)
        if hit is None:
            hit = self._ppr_cache[key] = self._resolve_ppr(ppr_el, t_style)
        p_style, base, fmt, num_id, ilvl_i, has_sect = hit
        label = self.numbering.next_label(num_id, ilvl_i) if num_id else None
        para = Para(0, "", [], p_style, fmt, base, cell, textbox, self.section, label, False, _NO_FIELDS, self.story)
        parts: list[str] = []
        pos = 0
        if label is not None and label.text.strip():
            parts.append(label.text)
            para.segs.append((0, len(label.text), None))
            pos = len(label.text)
        self._boxes = boxes = []
        pos = self.inline(p, para, p_style, t_style, parts, pos)
        para.text = parts[0] if len(parts) == 1 else "".join(parts)
        if self.story == "body":
            para.index = len(self.paras) + 1
        self.paras.append(para)
        if has_sect and not self.cell_stack and not textbox:
            self.sect_elements.append((_child(ppr_el, SECTPR), para.index))
            self.section += 1
        for box in boxes:
            saved = self.cell_stack
            self.cell_stack = []
            self.blocks(box, textbox=True)
            self.cell_stack = saved

    def _resolve_ppr(self, ppr_el, t_style: str | None) -> tuple:
        direct = parse_ppr(ppr_el)
        p_style = self.styles.para_style(direct.pop("pStyle", None))
        base = self.styles.run(p_style, t_style, None, {})
        num_id, ilvl = direct.get("numId"), direct.get("ilvl")
        if num_id is None:
            s_num, s_ilvl = self.styles.style_numbering(p_style)
            num_id = s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
        ilvl_i = int(ilvl) if ilvl and str(ilvl).isdecimal() else 0
        num_ppr = self.numbering.ppr(num_id, ilvl_i)
        fmt = self.styles.para(p_style, t_style, num_ppr, direct, base.size)
        # The shape of the pPr (the cache key) says whether it holds a sectPr.
        has_sect = ppr_el is not None and _child(ppr_el, SECTPR) is not None
        return p_style, base, fmt, num_id, ilvl_i, has_sect

    def inline(self, parent, para: Para, p_style, t_style, parts: list[str], pos: int) -> int:
        for child in parent:
            tag = child.tag
            if tag == RUN:
                if len(child) == 1 and not self.fields:
                    # Nearly every run of a long table: one piece of text, no properties of its own.
                    only = child[0]
                    if only.tag == T:
                        fmt = self._rpr_cache.get((None, p_style, t_style))
                        if fmt is not None and not fmt.vanish and not fmt.caps:
                            text = nfc(only.text or "")
                            parts.append(text)
                            end = pos + len(text)
                            para.segs.append((pos, end, fmt))
                            pos = end
                            continue
                pos = self.run(child, para, p_style, t_style, parts, pos)
            elif tag in _INLINE_CONTAINERS:
                pos = self.inline(child, para, p_style, t_style, parts, pos)
            elif tag == SDT:
                content = child.find(SDTC)
                if content is not None:
                    pos = self.inline(content, para, p_style, t_style, parts, pos)
            elif tag == _W + "fldSimple":
                word = _field_word(child.get(_W + "instr") or "")
                if word:
                    para.fields = para.fields | {word}
                pos = self.inline(child, para, p_style, t_style, parts, pos)
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    pos = self.inline(choice, para, p_style, t_style, parts, pos)
        return pos

    def _showing(self) -> bool:
        return all(f["phase"] == "result" for f in self.fields)

    def run(self, r, para: Para, p_style, t_style, parts: list[str], pos: int) -> int:
        if len(r) == 1 and not self.fields:
            # Nearly every run of a long table: one piece of text, no properties of its own.
            only = r[0]
            if only.tag == T:
                return self._text(only.text or "", None, para, p_style, t_style, parts, pos)
        rpr = None
        buf: list[str] = []
        showing = not self.fields or self._showing()
        for child in r:
            tag = child.tag
            if tag == T:
                if showing:
                    buf.append(child.text or "")
            elif tag == RPR:
                if rpr is None:
                    rpr = child
            elif tag in TABS:
                if showing:
                    buf.append("\t")
            elif tag in BREAKS:
                if showing:
                    buf.append("\n")
            elif tag == NB_HYPHEN:
                if showing:
                    buf.append("-")
            elif tag == SYM:
                try:
                    buf.append(chr(int(wa(child, "char") or "", 16)))
                except ValueError:
                    pass
            elif tag == FLD_CHAR:
                kind = wa(child, "fldCharType")
                if kind == "begin":
                    self.fields.append({"phase": "instr", "instr": ""})
                elif kind == "separate" and self.fields:
                    self.fields[-1]["phase"] = "result"
                    self._note_field(para)
                elif kind == "end" and self.fields:
                    if self.fields[-1]["phase"] == "instr":
                        self._note_field(para)
                    self.fields.pop()
                showing = not self.fields or self._showing()
            elif tag == INSTR:
                if self.fields and self.fields[-1]["phase"] == "instr":
                    self.fields[-1]["instr"] += child.text or ""
            elif tag in _DRAWINGS:
                para.drawing = True
                self._collect_boxes(child)
        if not buf:
            return pos
        return self._text("".join(buf), rpr, para, p_style, t_style, parts, pos)

    def _text(self, text: str, rpr, para: Para, p_style, t_style, parts: list[str], pos: int) -> int:
        # Runs repeat the same few formats: resolve each distinct rPr once per paragraph and table style.
        key = (None if rpr is None else _shape(rpr), p_style, t_style)
        fmt = self._rpr_cache.get(key)
        if fmt is None:
            direct = parse_rpr(rpr)
            fmt = self._rpr_cache[key] = self.styles.run(p_style, t_style, direct.pop("rStyle", None), direct)
        if fmt.vanish:
            return pos
        if fmt.caps:
            text = text.upper()
        # Unikey's "Unicode tổ hợp" types each mark as its own character: compare every text composed.
        text = nfc(text)
        parts.append(text)
        para.segs.append((pos, pos + len(text), fmt))
        return pos + len(text)

    def _note_field(self, para: Para) -> None:
        word = _field_word(self.fields[-1]["instr"])
        if word:
            para.fields = para.fields | {word}

    def _collect_boxes(self, el) -> None:
        for box in el.iter(TXBX):
            if _inside(box, MC + "Fallback", el) or _inside(box, TXBX, el):
                continue
            self._boxes.append(box)


def _child(el, tag: str):
    """The first child with this tag, several times cheaper than el.find(), which was paid for every
    paragraph, run and cell. Property elements (pPr, tcPr...) come first: that case costs one look."""
    n = len(el)
    if n:
        first = el[0]
        if first.tag == tag:
            return first
        if n > 1:
            for child in el:
                if child.tag == tag:
                    return child
    return None


def _shape(el) -> tuple:
    """What a property element says, as a key: its children's tags and attributes, all the way down.
    (etree.tostring would also carry every namespace the document declares, ten times longer.)"""
    # A loop rather than a generator, and items() of the element itself: paid for every paragraph.
    out = []
    for c in el:
        out.append((c.tag, tuple(c.items()), _shape(c) if len(c) else ()))
    return tuple(out)


def _inside(node, tag: str, stop) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _rows(tbl):
    for child in tbl:
        if child.tag == TR:
            yield child
        elif child.tag in (SDT, _W + "customXml"):
            inner = child.find(SDTC) if child.tag == SDT else child
            if inner is not None:
                yield from _rows(inner)


def _cells(tr):
    for child in tr:
        if child.tag == TC:
            yield child
        elif child.tag in (SDT, _W + "customXml"):
            inner = child.find(SDTC) if child.tag == SDT else child
            if inner is not None:
                yield from _cells(inner)


def _field_word(instr: str) -> str:
    m = _FIELD_WORD.match(instr.upper())
    return m.group(1) if m else ""


def _num(el, name: str) -> float | None:
    if el is None:
        return None
    val = wa(el, name)
    try:
        return float(val) if val is not None else None
    except ValueError:
        return None


def _section(el, index: int, rels: dict) -> Section:
    s = Section(index)
    if el is None:
        return s
    size = el.find(_W + "pgSz")
    s.width, s.height = _num(size, "w"), _num(size, "h")
    s.orient = wa(size, "orient") if size is not None else None
    mar = el.find(_W + "pgMar")
    if mar is not None:
        s.top, s.bottom = _num(mar, "top"), _num(mar, "bottom")
        s.left, s.right = _num(mar, "left"), _num(mar, "right")
        s.gutter = _num(mar, "gutter") or 0.0
    tp = el.find(_W + "titlePg")
    s.title_page = tp is not None and (wa(tp, "val") or "1").lower() not in ("0", "false", "off")
    for kind, target in (("headerReference", s.headers), ("footerReference", s.footers)):
        for ref in el.iterchildren(_W + kind):
            rid = ref.get(f"{{{R}}}id")
            if rid in rels:
                target[wa(ref, "type") or "default"] = rels[rid][1]
    return s


class _Resolved:
    """What is pure in reading one family of documents: the styles resolved, and the formats of the
    property shapes met so far (for paragraphs with and without a numbering part)."""

    def __init__(self, styles: Styles, numbering: Numbering):
        self.styles = styles
        self.numbering = numbering  # the definitions; each document counts with numbering.fresh()
        self.caches: dict[bool, tuple[dict, dict]] = {True: ({}, {}), False: ({}, {})}


# By the bytes of styles.xml, theme1.xml and numbering.xml: every document made from one template
# carries the same three parts, so a style chain or a property shape is resolved once per template.
_RESOLVED: dict[tuple[bytes | None, ...], _Resolved] = {}
_RESOLVED_KEPT = 16


def _resolved(pkg: Package) -> _Resolved:
    parts = (pkg.related_part(RT_STYLES), pkg.related_part(RT_THEME), pkg.related_part(RT_NUMBERING))
    key = tuple(pkg.read(part) if part else None for part in parts)
    found = _RESOLVED.get(key)
    if found is None:
        styles = Styles(*(pkg.xml(part) if part else None for part in parts[:2]))
        found = _Resolved(styles, Numbering(pkg.xml(parts[2]) if parts[2] else None, styles))
        if len(_RESOLVED) >= _RESOLVED_KEPT:
            _RESOLVED.pop(next(iter(_RESOLVED)))
        _RESOLVED[key] = found
    return found


def read_document(pkg: Package) -> Document:
    resolved = _resolved(pkg)
    styles = resolved.styles
    numbering = resolved.numbering.fresh()
    body = pkg.document.find(_W + "body")
    walker = _Walker(styles, numbering, "body", resolved.caches[True])
    if body is not None:
        walker.blocks(body)
    paras = walker.paras
    rels = pkg.main_rels
    sect_els = list(walker.sect_elements)
    final = body.find(SECTPR) if body is not None else None
    sections: list[Section] = []
    start = 1
    for i, (el, last_index) in enumerate(sect_els):
        s = _section(el, i, rels)
        s.first, s.last = start, last_index
        sections.append(s)
        start = last_index + 1
    s = _section(final, len(sect_els), rels)
    s.first, s.last = start, len(paras)
    sections.append(s)
    # A section without its own header of a kind shows the previous section's.
    for prev, cur in zip(sections, sections[1:]):
        for kind in ("default", "first", "even"):
            for mine, theirs in ((cur.headers, prev.headers), (cur.footers, prev.footers)):
                if kind not in mine and kind in theirs:
                    mine[kind] = theirs[kind]
    stories: dict[str, Story] = {}
    for rid, (rtype, target) in rels.items():
        if rtype not in (RT_HEADER, RT_FOOTER) or target in stories:
            continue
        root = pkg.xml(target)
        if root is None:
            continue
        kind = "header" if rtype == RT_HEADER else "footer"
        w = _Walker(styles, Numbering(None), kind, resolved.caches[False])
        w.blocks(root)
        stories[target] = Story(target, kind, w.paras)
    return Document(pkg.name, paras, walker.tables, sections, stories, styles)
