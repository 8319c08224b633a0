"""The reward that goes with an award: a coefficient per award and group times the base salary.

The defaults are data (tdkt_docs/rules/tien-thuong.yaml, each figure with the article it comes from);
the clerk's `tien_thuong:` replaces any of them. A figure nobody has given is an error that says
where to write it: the program never guesses an amount of money.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml

from tdkt_docs.errors import InputError, Problem
from tdkt_docs.input.loader import Loaded
from tdkt_docs.kinds.nominees import NOUN, at
from tdkt_docs.model import TienThuong
from tdkt_docs.vn_numbers import tien, tien_bang_chu

RULES_FILE = Path(__file__).resolve().parent.parent / "rules" / "tien-thuong.yaml"
GROUP_KEYS = ("tap_the", "ca_nhan", "ho_gia_dinh")


@dataclass
class Rule:
    name: str
    coefficients: dict[str, Decimal | None]
    source: str | None
    clerk: bool = False


@dataclass
class Rules:
    base: int | None
    base_source: str
    rounding: int | None
    rules: list[Rule]
    can_cu: list[str] = field(default_factory=list)
    decree: str = ""


@dataclass
class Line:
    """One award to one group: how many, how much each."""

    award: str
    group: str
    count: int
    each: int

    @property
    def subtotal(self) -> int:
        return self.count * self.each


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@lru_cache(maxsize=1)
def defaults() -> Rules:
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8")) or {}
    rules = [Rule(name, {g: _decimal((body or {}).get(g)) for g in GROUP_KEYS}, (body or {}).get("nguon"))
             for name, body in (data.get("he_so") or {}).items()]
    return Rules(data.get("luong_co_so"), data.get("luong_co_so_nguon") or "", data.get("lam_tron"), rules,
                 list(data.get("can_cu") or []), data.get("nghi_dinh") or "")


def merged(clerk: TienThuong) -> Rules:
    base = defaults()
    own = [Rule(name, {g: _decimal(getattr(h, g)) for g in GROUP_KEYS}, h.nguon, clerk=True)
           for name, h in clerk.he_so.items()]
    return Rules(clerk.luong_co_so or base.base, base.base_source, clerk.lam_tron or base.rounding,
                 own + base.rules, base.can_cu, base.decree)


def rule_for(rules: Rules, award: str, group: str) -> Rule | None:
    """The clerk's rule before the defaults; among them the longest name the award begins with or
    contains ('Giấy khen' covers 'Giấy khen của Chủ tịch UBND xã'), given for that group."""
    wanted = _key(award)
    for clerk in (True, False):
        found = [r for r in rules.rules if r.clerk is clerk and _key(r.name) in wanted
                 and r.coefficients.get(group) is not None]
        if found:
            return max(found, key=lambda r: len(r.name))
    return None


def amount(coefficient: Decimal, base: int, rounding: int | None) -> int:
    exact = coefficient * base
    whole = math.ceil(exact)
    if rounding:
        whole = math.ceil(exact / rounding) * rounding
    return int(whole)


def compute(counts: list[tuple[str, str, int]], clerk: TienThuong, loaded: Loaded | None, path: tuple) -> list[Line]:
    """Each (award, group, count) with its amount; every missing figure reported at once."""
    rules = merged(clerk)
    where = path + ("tien_thuong",) if loaded is not None and path + ("tien_thuong",) in loaded.where else path
    problems: list[Problem] = []
    if rules.base is None:
        problems.append(at(loaded, where, (
            "chưa có mức lương cơ sở để tính tiền thưởng (quy định mặc định để trống vì chưa đối chiếu được văn bản); "
            "hãy ghi trong 'tien_thuong' của quyết định: luong_co_so: <số đồng>, theo nghị định quy định mức lương "
            "cơ sở đang có hiệu lực, hoặc tien_thuong: false nếu quyết định không kèm tiền thưởng")))
    lines: list[Line] = []
    for award, group, count in counts:
        rule = rule_for(rules, award, group)
        if rule is None:
            problems.append(at(loaded, where, (
                f"chưa có hệ số tiền thưởng của '{award}' cho {NOUN[group]} (quy định mặc định để trống vì chưa "
                f"đối chiếu được điều, khoản của {_short(rules.decree)}); hãy ghi trong 'tien_thuong' của quyết "
                f"định: he_so: {{\"{award}\": {{{group}: <hệ số>}}}}, hoặc tien_thuong: false nếu quyết định không "
                "kèm tiền thưởng")))
            continue
        if rules.base is not None:
            lines.append(Line(award, group, count, amount(rule.coefficients[group], rules.base, rules.rounding)))
    if problems:
        raise InputError(list(dict.fromkeys(problems)))
    return lines


def _short(decree: str) -> str:
    return decree.split(" ngày ")[0] if decree else "nghị định quy định chi tiết Luật Thi đua, khen thưởng"


def sentence(lines: list[Line], award_words, source: str | None) -> str:
    """Điều 2: 'Kèm theo Giấy khen, mỗi tập thể được thưởng 1.404.000 đồng, mỗi cá nhân được thưởng
    702.000 đồng. Tổng số tiền thưởng là ... đồng (Bằng chữ: ...), chi từ ...'."""
    parts = []
    for award in dict.fromkeys(line.award for line in lines):
        each = ", ".join(f"mỗi {NOUN[line.group]} được thưởng {tien(line.each)} đồng"
                         for line in lines if line.award == award)
        parts.append(f"kèm theo {award_words(award)}, {each}")
    text = "; ".join(parts)
    total = sum(line.subtotal for line in lines)
    tail = f", chi từ {source}" if source else ""
    return (f"{text[:1].upper()}{text[1:]}. Tổng số tiền thưởng là {tien(total)} đồng "
            f"(Bằng chữ: {tien_bang_chu(total)}){tail}.")
