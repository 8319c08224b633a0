"""The labels Word draws for automatically numbered paragraphs (numbering.xml).

Counters belong to the abstract list, as in Word: two list instances (w:num) over the same
abstract list continue each other unless an instance restarts a level with w:startOverride.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .package import W
from .styles import parse_ppr, parse_rpr, wa

_W = "{" + W + "}"
LATIN = "abcdefghijklmnopqrstuvwxyz"


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # restart after this (1-based) level is used; 0: never
    legal: bool = False
    suffix: str = "\t"
    ppr: dict = field(default_factory=dict)
    rpr: dict = field(default_factory=dict)


@dataclass
class Label:
    text: str  # as drawn, with its suffix ("a)\t")
    fmt: str  # numFmt of the level: decimal, lowerLetter, upperRoman, bullet...
    ilvl: int
    ppr: dict
    rpr: dict


def _level(el) -> Level:
    lvl = Level()
    for child in el:
        if not isinstance(child.tag, str):
            continue
        name = child.tag[len(_W):] if child.tag.startswith(_W) else ""
        val = wa(child, "val")
        # isdecimal, not isdigit: "²" is a digit that int() refuses, and "--1" is no number at all;
        # a value Word would not write is ignored rather than stopping the check.
        if name == "start" and val and val.removeprefix("-").isdecimal():
            lvl.start = int(val)
        elif name == "numFmt" and val:
            lvl.fmt = val
        elif name == "lvlText":
            lvl.text = val or ""
        elif name == "lvlRestart" and val and val.isdecimal():
            lvl.restart = int(val)
        elif name == "isLgl":
            lvl.legal = val is None or val not in ("0", "false", "off")
        elif name == "suff":
            lvl.suffix = {"tab": "\t", "space": " ", "nothing": ""}.get(val or "tab", "\t")
        elif name == "pPr":
            lvl.ppr = parse_ppr(child)
        elif name == "rPr":
            lvl.rpr = parse_rpr(child)
    return lvl


def roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        r = roman(n)
        return r if fmt == "upperRoman" else r.lower()
    if fmt in ("lowerLetter", "upperLetter"):
        # Word's letters: a..z, then aa..zz, aaa… (the Latin alphabet, with f, j, w, z).
        if n <= 0:
            return str(n)
        letter = LATIN[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    def __init__(self, root, styles=None):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.abstract_link: dict[str, str] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        self.styles = styles
        if root is None:
            return
        for ab in root.iterchildren(_W + "abstractNum"):
            aid = wa(ab, "abstractNumId")
            levels = {}
            for lvl in ab.iterchildren(_W + "lvl"):
                ilvl = wa(lvl, "ilvl")
                if ilvl and ilvl.isdecimal():
                    levels[int(ilvl)] = _level(lvl)
            self.abstract[aid] = levels
            link = ab.find(_W + "numStyleLink")
            if link is not None and wa(link, "val"):
                self.abstract_link[aid] = wa(link, "val")
        for num in root.iterchildren(_W + "num"):
            nid = wa(num, "numId")
            ab = num.find(_W + "abstractNumId")
            if ab is None:
                continue
            starts: dict[int, int] = {}
            overrides: dict[int, Level] = {}
            for ov in num.iterchildren(_W + "lvlOverride"):
                ilvl = wa(ov, "ilvl")
                if not (ilvl and ilvl.isdecimal()):
                    continue
                so = ov.find(_W + "startOverride")
                if so is not None and (wa(so, "val") or "").isdecimal():
                    starts[int(ilvl)] = int(wa(so, "val"))
                lvl = ov.find(_W + "lvl")
                if lvl is not None:
                    overrides[int(ilvl)] = _level(lvl)
            self.nums[nid] = (wa(ab, "val"), starts, overrides)

    def fresh(self) -> "Numbering":
        """The same lists with their counters at the start: a new document made from the same
        numbering.xml shares the definitions, read once, and counts for itself."""
        twin = Numbering.__new__(Numbering)
        twin.abstract, twin.abstract_link, twin.nums, twin.styles = self.abstract, self.abstract_link, self.nums, self.styles
        twin.counters, twin.started = {}, set()
        return twin

    def _abstract_id(self, num_id: str) -> str | None:
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        aid = entry[0]
        # A list defined by a numbering style points at the style, whose numPr names the real list.
        seen = set()
        while aid in self.abstract_link and aid not in seen and self.styles is not None:
            seen.add(aid)
            style_num, _ = self.styles.style_numbering(self.abstract_link[aid])
            if style_num is None or style_num not in self.nums:
                break
            aid = self.nums[style_num][0]
        return aid

    def level(self, num_id: str, ilvl: int) -> Level | None:
        aid = self._abstract_id(num_id)
        if aid is None:
            return None
        override = self.nums[num_id][2].get(ilvl)
        if override is not None:
            return override
        return self.abstract.get(aid, {}).get(ilvl)

    def ppr(self, num_id: str | None, ilvl: int) -> dict:
        if not num_id or num_id == "0":
            return {}
        lvl = self.level(num_id, ilvl)
        return lvl.ppr if lvl else {}

    def next_label(self, num_id: str | None, ilvl: int) -> Label | None:
        """Advance the list and return the label of this paragraph (None: not numbered)."""
        if not num_id or num_id == "0":
            return None
        aid = self._abstract_id(num_id)
        lvl = self.level(num_id, ilvl)
        if aid is None or lvl is None:
            return None
        counters = self.counters.setdefault(aid, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in self.nums[num_id][1].items():
                if 0 <= level < 9:
                    counters[level] = start - 1
                    for deeper in range(level + 1, 9):
                        counters[deeper] = None
        if lvl.fmt == "bullet":
            return Label(lvl.text + lvl.suffix, "bullet", ilvl, lvl.ppr, lvl.rpr)
        if not 0 <= ilvl < 9:
            return None
        current = counters[ilvl]
        counters[ilvl] = lvl.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            dl = self.level(num_id, deeper)
            if dl is not None and dl.restart == 0:
                continue
            # lvlRestart n: the level restarts only when a level above n (1-based) is used.
            if dl is not None and dl.restart is not None and ilvl > dl.restart - 1:
                continue
            counters[deeper] = None
        text = lvl.text
        for k in range(9, 0, -1):
            token = f"%{k}"
            if token not in text:
                continue
            ref = self.level(num_id, k - 1)
            value = counters[k - 1]
            if value is None:
                value = ref.start if ref else 1
            fmt = "decimal" if (lvl.legal and k - 1 < ilvl) else (ref.fmt if ref else "decimal")
            text = text.replace(token, format_number(value, fmt))
        return Label(text + lvl.suffix, lvl.fmt, ilvl, lvl.ppr, lvl.rpr)
