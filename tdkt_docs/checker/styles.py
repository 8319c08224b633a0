"""What Word shows: run and paragraph properties resolved through direct formatting, character style,
paragraph style (and its basedOn chain), numbering, table style, document defaults and theme fonts.

Precedence follows ECMA-376 §17.7.2. Toggle properties (bold, italic, caps…) set in more than one
kind of style flip each other (a bold character style on a bold paragraph style is not bold), as
Word does; direct formatting always wins.
"""
from __future__ import annotations

from dataclasses import dataclass
from lxml import etree

from .package import W

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_W = "{" + W + "}"
DEFAULT_FONT = "Times New Roman"  # what Word uses when no font is named anywhere
DEFAULT_SIZE = 10.0  # pt, ECMA-376 default when no w:sz is given

TOGGLES = ("b", "i", "caps", "smallCaps", "vanish", "strike")
_FALSE = {"0", "false", "off", "none"}
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}


def wa(el, name: str) -> str | None:
    return el.get(_W + name)


def on(el) -> bool:
    val = el.get(_W + "val")
    return val is None or val.lower() not in _FALSE


def parse_rpr(rpr) -> dict:
    """The properties an rPr element sets, and only those."""
    out: dict = {}
    if rpr is None:
        return out
    for child in rpr:
        tag = child.tag
        if not isinstance(tag, str) or not tag.startswith(_W):
            continue
        name = tag[len(_W):]
        if name in TOGGLES:
            out[name] = on(child)
        elif name == "sz":
            val = wa(child, "val")
            if val and val.removeprefix("-").replace(".", "", 1).isdecimal():
                out["sz"] = float(val) / 2
        elif name == "rFonts":
            for slot in FONT_SLOTS:
                theme = wa(child, _THEME_ATTR[slot])
                if theme:
                    out["font." + slot] = ("theme", theme)
                else:
                    name_ = wa(child, slot)
                    if name_:
                        out["font." + slot] = ("name", name_)
        elif name == "color":
            out["color"] = (wa(child, "val") or "auto", wa(child, "themeColor"))
        elif name == "vertAlign":
            out["vertAlign"] = wa(child, "val")
        elif name == "rStyle":
            out["rStyle"] = wa(child, "val")
        elif name == "u":
            out["u"] = (wa(child, "val") or "single") != "none"
    return out


def _twips(val: str | None) -> float | None:
    if val is None:
        return None
    try:
        return float(val)
    except ValueError:
        return None


def parse_ppr(ppr) -> dict:
    out: dict = {}
    if ppr is None:
        return out
    for child in ppr:
        tag = child.tag
        if not isinstance(tag, str) or not tag.startswith(_W):
            continue
        name = tag[len(_W):]
        if name == "jc":
            out["jc"] = wa(child, "val")
        elif name == "ind":
            left = _twips(wa(child, "left") or wa(child, "start"))
            right = _twips(wa(child, "right") or wa(child, "end"))
            if left is not None:
                out["ind.left"] = left
            if right is not None:
                out["ind.right"] = right
            hanging, first = _twips(wa(child, "hanging")), _twips(wa(child, "firstLine"))
            hc, fc = _twips(wa(child, "hangingChars")), _twips(wa(child, "firstLineChars"))
            # Within one element, hanging beats firstLine and the *Chars forms beat both (Word).
            if hc:
                out["ind.firstChars"] = -hc
            elif fc:
                out["ind.firstChars"] = fc
            elif hanging is not None:
                out["ind.first"] = -hanging
            elif first is not None:
                out["ind.first"] = first
        elif name == "spacing":
            for attr in ("before", "after", "line"):
                val = _twips(wa(child, attr))
                if val is not None:
                    out["sp." + attr] = val
            rule = wa(child, "lineRule")
            if rule:
                out["sp.lineRule"] = rule
            for attr in ("beforeAutospacing", "afterAutospacing"):
                val = wa(child, attr)
                if val is not None:
                    out["sp." + attr] = val.lower() not in _FALSE
        elif name == "contextualSpacing":
            out["contextual"] = on(child)
        elif name == "numPr":
            ilvl = child.find(_W + "ilvl")
            num = child.find(_W + "numId")
            if num is not None:
                out["numId"] = wa(num, "val")
            if ilvl is not None:
                out["ilvl"] = wa(ilvl, "val")
        elif name == "pStyle":
            out["pStyle"] = wa(child, "val")
        elif name == "pBdr":
            # A short rule under the Tiêu ngữ or the trích yếu is often an empty paragraph with a border.
            for side in ("top", "bottom"):
                edge = child.find(_W + side)
                if edge is not None:
                    out["bdr." + side] = (wa(edge, "val") or "none") not in ("none", "nil")
    return out


@dataclass(frozen=True)
class RunFmt:
    """The formatting Word shows for a run."""

    ascii: str
    hansi: str
    ascii_src: str  # how the font was chosen, for messages: "", "theme minorHAnsi", "default"
    hansi_src: str
    size: float
    bold: bool
    italic: bool
    caps: bool
    small_caps: bool
    vanish: bool
    color: str  # "auto" or RRGGBB
    vert_align: str | None
    underline: bool = False


@dataclass(frozen=True)
class ParaFmt:
    jc: str  # left, center, right, both
    left: float  # twips
    right: float
    first: float  # first-line offset in twips: positive indent, negative hanging
    before: float
    after: float
    line: float  # twips (exact/atLeast) or 240ths of a line (auto)
    line_rule: str
    contextual: bool
    num_id: str | None
    ilvl: int
    border_top: bool = False
    border_bottom: bool = False


_JC = {"start": "left", "left": "left", "end": "right", "right": "right", "center": "center", "both": "both",
       "distribute": "both", "mediumKashida": "both", "highKashida": "both", "lowKashida": "both",
       "thaiDistribute": "both"}


class Styles:
    def __init__(self, styles_root, theme_root):
        self.by_id: dict[str, etree._Element] = {}
        self.default_para: str | None = None
        self.default_table: str | None = None
        self.defaults_r: dict = {}
        self.defaults_p: dict = {}
        self.theme = _theme_fonts(theme_root)
        if styles_root is not None:
            dd = styles_root.find(_W + "docDefaults")
            if dd is not None:
                self.defaults_r = parse_rpr(dd.find(f"{_W}rPrDefault/{_W}rPr"))
                self.defaults_p = parse_ppr(dd.find(f"{_W}pPrDefault/{_W}pPr"))
            for st in styles_root.iterchildren(_W + "style"):
                sid = wa(st, "styleId")
                if sid is None:
                    continue
                self.by_id[sid] = st
                if st.get(_W + "default") in ("1", "true", "on"):
                    kind = wa(st, "type")
                    if kind == "paragraph" and self.default_para is None:
                        self.default_para = sid
                    elif kind == "table" and self.default_table is None:
                        self.default_table = sid
        self._r_cache: dict = {}
        self._p_cache: dict = {}
        self._run_cache: dict = {}
        self._para_cache: dict = {}

    # --- style chains -------------------------------------------------------------------------

    def _chain(self, sid: str | None) -> list[etree._Element]:
        """The style and its basedOn ancestors, most general first; loops are cut."""
        chain, seen = [], set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            st = self.by_id[sid]
            chain.append(st)
            based = st.find(_W + "basedOn")
            sid = wa(based, "val") if based is not None else None
        return chain[::-1]

    def style_r(self, sid: str | None) -> dict:
        if sid not in self._r_cache:
            merged: dict = {}
            for st in self._chain(sid):
                merged.update(parse_rpr(st.find(_W + "rPr")))
            self._r_cache[sid] = merged
        return self._r_cache[sid]

    def style_p(self, sid: str | None) -> dict:
        if sid not in self._p_cache:
            merged: dict = {}
            for st in self._chain(sid):
                merged.update(parse_ppr(st.find(_W + "pPr")))
            self._p_cache[sid] = merged
        return self._p_cache[sid]

    def name(self, sid: str | None) -> str:
        st = self.by_id.get(sid or "")
        if st is None:
            return sid or ""
        n = st.find(_W + "name")
        return wa(n, "val") if n is not None else sid

    def para_style(self, sid: str | None) -> str | None:
        if sid and sid in self.by_id:
            return sid
        return self.default_para

    def font_of(self, ref: tuple[str, str] | None) -> tuple[str, str]:
        if ref is None:
            return DEFAULT_FONT, "default"
        kind, value = ref
        if kind == "theme":
            return self.theme.get(value, DEFAULT_FONT), f"theme {value}"
        return value, ""

    # --- resolution ---------------------------------------------------------------------------

    def run(self, p_style: str | None, t_style: str | None, r_style: str | None, direct: dict) -> RunFmt:
        key = (p_style, t_style, r_style, tuple(sorted(direct.items())))
        hit = self._run_cache.get(key)
        if hit is not None:
            return hit
        layers = [self.defaults_r, self.style_r(t_style) if t_style else {}, self.style_r(p_style),
                  self.style_r(r_style) if r_style else {}]

        def plain(name: str, default=None):
            if name in direct:
                return direct[name]
            for layer in reversed(layers):
                if name in layer:
                    return layer[name]
            return default

        def toggle(name: str) -> bool:
            if name in direct:
                return direct[name]
            value = bool(self.defaults_r.get(name, False))
            for layer in layers[1:]:
                if layer.get(name) is True:
                    value = not value
            return value

        ascii_, ascii_src = self.font_of(plain("font.ascii"))
        hansi, hansi_src = self.font_of(plain("font.hAnsi"))
        color = plain("color", ("auto", None))
        fmt = RunFmt(ascii=ascii_, hansi=hansi, ascii_src=ascii_src, hansi_src=hansi_src,
                     size=plain("sz", DEFAULT_SIZE), bold=toggle("b"), italic=toggle("i"), caps=toggle("caps"),
                     small_caps=toggle("smallCaps"), vanish=toggle("vanish"), color=color[0] or "auto",
                     vert_align=plain("vertAlign"), underline=bool(plain("u", False)))
        self._run_cache[key] = fmt
        return fmt

    def para(self, p_style: str | None, t_style: str | None, numbering: dict, direct: dict,
             size_pt: float) -> ParaFmt:
        key = (p_style, t_style, tuple(sorted(numbering.items())), tuple(sorted(direct.items())), size_pt)
        hit = self._para_cache.get(key)
        if hit is not None:
            return hit
        layers = [self.defaults_p, self.style_p(t_style) if t_style else {}, self.style_p(p_style), numbering,
                  direct]

        def get(name: str, default=None):
            for layer in reversed(layers):
                if name in layer:
                    return layer[name]
            return default

        # The first-line offset: a *Chars value at a layer beats the twips value of that layer.
        first = 0.0
        for layer in layers:
            if "ind.firstChars" in layer:
                first = layer["ind.firstChars"] / 100 * size_pt * 20
            elif "ind.first" in layer:
                first = layer["ind.first"]
        ilvl = get("ilvl", "0")
        fmt = ParaFmt(jc=_JC.get(get("jc", "left") or "left", "left"), left=get("ind.left", 0.0),
                      right=get("ind.right", 0.0), first=first,
                      before=0.0 if get("sp.beforeAutospacing") else get("sp.before", 0.0),
                      after=0.0 if get("sp.afterAutospacing") else get("sp.after", 0.0),
                      line=get("sp.line", 240.0), line_rule=get("sp.lineRule", "auto"),
                      contextual=bool(get("contextual", False)),
                      num_id=get("numId"), ilvl=int(ilvl) if str(ilvl).isdecimal() else 0,
                      border_top=bool(get("bdr.top", False)), border_bottom=bool(get("bdr.bottom", False)))
        self._para_cache[key] = fmt
        return fmt

    def style_numbering(self, p_style: str | None) -> tuple[str | None, str | None]:
        """(numId, ilvl) a paragraph style brings, if any."""
        props = self.style_p(p_style)
        return props.get("numId"), props.get("ilvl")


def _theme_fonts(theme_root) -> dict[str, str]:
    """minorHAnsi -> Cambria and so on, from theme1.xml."""
    out: dict[str, str] = {}
    if theme_root is None:
        return out
    for kind in ("major", "minor"):
        font = theme_root.find(f".//{{{A}}}{kind}Font")
        if font is None:
            continue
        latin = font.find(f"{{{A}}}latin")
        ea = font.find(f"{{{A}}}ea")
        cs = font.find(f"{{{A}}}cs")
        if latin is not None and latin.get("typeface"):
            out[f"{kind}HAnsi"] = latin.get("typeface")
            out[f"{kind}Ascii"] = latin.get("typeface")
        if ea is not None and ea.get("typeface"):
            out[f"{kind}EastAsia"] = ea.get("typeface")
        if cs is not None and cs.get("typeface"):
            out[f"{kind}Bidi"] = cs.get("typeface")
    return out
