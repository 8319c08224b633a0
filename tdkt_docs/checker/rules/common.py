"""Checks shared by the elements: size ranges, bold/italic, case."""
from __future__ import annotations

from ..layout import Span
from ..vntext import num
from . import Report


def _sizes(fmts) -> list[float]:
    return sorted({round(f.size * 2) / 2 for f in fmts})


def size_text(sizes: list[float]) -> str:
    return ", ".join(num(s) for s in sizes) + " pt"


def range_text(lo: float, hi: float) -> str:
    return f"{num(lo)} pt" if lo == hi else f"{num(lo)}–{num(hi)} pt"


def check_size(rep: Report, rule: str, span: Span, lo: float, hi: float, what: str,
               group: bool = False, fmts: list | None = None) -> bool:
    """True when every visible character of the span is between lo and hi pt. `fmts`: span.fmts(),
    when the caller has read them already."""
    fmts = [f for f in (span.fmts() if fmts is None else fmts) if f.vert_align not in ("superscript", "subscript")]
    if not fmts:
        return True
    sizes = _sizes(fmts)
    bad = [s for s in sizes if not lo - 0.01 <= s <= hi + 0.01]
    if not bad:
        return True
    found = size_text(sizes)
    rep.add(rule, span.para, f"{what} cỡ chữ {found}, cần {range_text(lo, hi)}", range_text(lo, hi), found,
            group=(found,) if group else None, text=span.text)
    return False


def size_of(span: Span) -> float | None:
    """The one size of a span, or None when it mixes sizes or has no text."""
    sizes = _sizes(span.fmts())
    return sizes[0] if len(sizes) == 1 else None


def check_style(rep: Report, rule: str, span: Span, what: str, bold: bool | None = None,
                italic: bool | None = None, group: bool = False) -> bool:
    fmts = span.fmts()
    if not fmts:
        return True
    problems, expected = [], []
    if bold is not None:
        expected.append("đậm" if bold else "không đậm")
        values = {f.bold for f in fmts}
        if values != {bold}:
            problems.append(("không đậm" if bold else "in đậm") if len(values) == 1 else
                            ("có chỗ không đậm" if bold else "có chỗ in đậm"))
    if italic is not None:
        expected.append("nghiêng" if italic else "đứng (không nghiêng)")
        values = {f.italic for f in fmts}
        if values != {italic}:
            problems.append(("không nghiêng" if italic else "in nghiêng") if len(values) == 1 else
                            ("có chỗ không nghiêng" if italic else "có chỗ in nghiêng"))
    if not problems:
        return True
    found = ", ".join(problems)
    rep.add(rule, span.para, f"{what} {found}", ", ".join(expected), found,
            group=(found,) if group else None, text=span.text)
    return False
