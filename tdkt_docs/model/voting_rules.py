"""The council's voting rules: when a meeting may decide, and when a nominee's vote passes.

The rules belong to each council's own regulation (quy chế), so they are data with defaults, never
constants in the documents: a meeting is valid with at least 2/3 of the members present; an award
passes with at least 70% of the members present voting for it; Chiến sĩ thi đua cấp tỉnh and above
need at least 90%, by secret ballot. Shares are exact fractions: 7 of 10 is 70% and passes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

QUORUM = "2/3"
SHARE = "7/10"
# Awards whose name contains one of these take the stricter rule unless the council says otherwise.
STRICT_AWARDS = ("chiến sĩ thi đua cấp tỉnh", "chiến sĩ thi đua cấp bộ", "chiến sĩ thi đua bộ",
                 "chiến sĩ thi đua ban, ngành", "chiến sĩ thi đua toàn quốc", "chiến sĩ thi đua toàn lực lượng")
STRICT_SHARE = "9/10"

PRESENT = "co_mat"  # the share is counted on members present
ALL = "tong_so"     # ... or on all members of the council


def fraction(text: str) -> Fraction:
    """'2/3' → 2/3, '70' or '70%' → 7/10, '66,7%' → 667/1000; raises ValueError on anything else."""
    value = str(text).strip().replace(",", ".")
    if m := re.fullmatch(r"(\d+)\s*/\s*(\d+)", value):
        if int(m[2]) == 0 or int(m[1]) > int(m[2]):
            raise ValueError(text)
        return Fraction(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)\s*%?", value):
        share = Fraction(m[1]) / 100
        if not 0 < share <= 1:
            raise ValueError(text)
        return share
    raise ValueError(text)


def shown(share: Fraction) -> str:
    """2/3 stays '2/3'; 7/10 is '70%'; 667/1000 is '66,7%'."""
    percent = share * 100
    if percent.denominator == 1:
        return f"{percent.numerator}%"
    if (percent * 10).denominator == 1:
        return f"{float(percent):.1f}".replace(".", ",") + "%"
    return f"{share.numerator}/{share.denominator}"


def at_least(part: int, whole: int, share: Fraction) -> bool:
    # part/whole >= n/d, multiplied out (whole and d are positive): no Fraction made per vote
    return whole > 0 and part * share.denominator >= share.numerator * whole


def minimum(whole: int, share: Fraction) -> int:
    """The smallest count that reaches `share` of `whole`."""
    need = share * whole
    return need.numerator // need.denominator + (0 if need.denominator == 1 else 1)


@dataclass(frozen=True)
class Threshold:
    share: Fraction
    secret: bool
    base: str  # PRESENT or ALL


@dataclass(frozen=True)
class Rule:
    """A stricter (or looser) threshold for the awards whose name contains one of `awards`."""

    awards: tuple[str, ...]
    threshold: Threshold


def matches(award: str, rule: Rule) -> bool:
    low = award.casefold()
    return any(name.casefold() in low for name in rule.awards)


def threshold_for(award: str, rules: list[Rule], default: Threshold) -> Threshold:
    for rule in rules:
        if matches(award, rule):
            return rule.threshold
    return default


@dataclass(frozen=True)
class Vote:
    votes: int
    base: int
    threshold: Threshold

    @property
    def passed(self) -> bool:
        return at_least(self.votes, self.base, self.threshold.share)


@dataclass(frozen=True)
class Cap:
    """At most `share` of the individuals holding `base` may hold `award` (both matched by words)."""

    award: str
    base: str
    share: Fraction
    source: str


# The one cap whose text could be traced (thuvienphapluat.vn, citing it): "Tỷ lệ cá nhân được công
# nhận danh hiệu Chiến sĩ thi đua cơ sở ... không quá 15% tổng số cá nhân đạt danh hiệu Lao động
# tiên tiến", khoản 3 Điều 9 Nghị định 91/2017/NĐ-CP, as Thông tư 07/2014/TT-BNV had it before. A
# council under a later decree or its own quy chế writes its caps in quy_che.gioi_han.
DEFAULT_CAPS = (Cap("Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", Fraction(15, 100),
                    "khoản 3 Điều 9 Nghị định 91/2017/NĐ-CP"),)


def over_cap(count: int, base: int, cap: Cap) -> bool:
    return base > 0 and count * cap.share.denominator > cap.share.numerator * base
