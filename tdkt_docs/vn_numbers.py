"""Vietnamese number words and amounts of money, as a decision writes its total: "702.000 đồng
(Bằng chữ: Bảy trăm linh hai nghìn đồng)". Pure functions; the reading follows the usage of state
accounting: groups of three digits, "linh" for a missing tens digit, "mười"/"mươi", "mốt", "tư",
"lăm", and "không trăm" in a group that follows a larger one."""
from __future__ import annotations

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
# Units of the three-digit groups below a tỷ; a tỷ and above repeats them ("nghìn tỷ").
GROUPS = ["", "nghìn", "triệu"]


def _units(u: int, tens: int) -> str:
    """The units digit after a tens digit: 'mốt', 'tư', 'lăm' only after 'mươi' (and 'lăm' after 'mười')."""
    if tens >= 2 and u == 1:
        return "mốt"
    if tens >= 2 and u == 4:
        return "tư"
    if tens >= 1 and u == 5:
        return "lăm"
    return DIGITS[u]


def _group(n: int, leading: bool) -> list[str]:
    """Words of a three-digit group; a group after a larger one says its hundreds even when zero."""
    h, t, u = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if h or not leading:
        words += [DIGITS[h], "trăm"]
    if t == 0:
        if u:
            words += (["linh"] if words else []) + [DIGITS[u]]
        return words
    words += ["mười"] if t == 1 else [DIGITS[t], "mươi"]
    if u:
        words.append(_units(u, t))
    return words


def _below_ty(n: int, leading: bool) -> list[str]:
    """0 < n < 10⁹; groups that are all zeros are left out ("một triệu không trăm linh năm")."""
    words: list[str] = []
    groups = [n // 1_000_000, n // 1000 % 1000, n % 1000]
    for i, g in enumerate(groups):
        if not g:
            continue
        words += _group(g, leading and not words)
        unit = GROUPS[2 - i]
        if unit:
            words.append(unit)
    return words


def _words(n: int, leading: bool = True) -> list[str]:
    if n >= 1_000_000_000:
        high, low = divmod(n, 1_000_000_000)
        words = _words(high, leading) + ["tỷ"]
        return words + (_below_ty(low, False) if low else [])
    return _below_ty(n, leading)


def so_thanh_chu(n: int) -> str:
    """702000 → 'bảy trăm linh hai nghìn'; 0 → 'không'."""
    if n < 0:
        raise ValueError(n)
    if n == 0:
        return DIGITS[0]
    return " ".join(_words(n))


def tien_bang_chu(n: int) -> str:
    """An amount as written after 'Bằng chữ:': 'Bảy trăm linh hai nghìn đồng'."""
    text = so_thanh_chu(n)
    return f"{text[:1].upper()}{text[1:]} đồng"


def tien(n: int) -> str:
    """702000 → '702.000' (dots between thousands, as Vietnamese documents write sums)."""
    if n < 0:
        raise ValueError(n)
    return f"{n:,}".replace(",", ".")
