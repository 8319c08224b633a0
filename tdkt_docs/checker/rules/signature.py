"""The signature block (PL I.II.7, Điều 13): authority prefix, uppercase bold title, bold name not in
capitals; for a biên bản THƯ KÝ signs on the left and CHỦ TỌA on the right (PL III Mẫu 1.9)."""
from __future__ import annotations

import re

from ..conventions import ACADEMIC, OLD_PREFIXES, PREFIXES
from ..layout import GAP, Layout, Span
from ..vntext import is_upper, squash
from . import Report
from .common import check_size, check_style

_PREFIX = re.compile(r"^([A-ZĐa-zđ/]{1,4}\.?)\s+\S")


def _split(column: list[Span | None]) -> tuple[list[Span], list[Span], Span | None]:
    """(title lines, other lines above the name, name) of a signature column."""
    if GAP in column:
        gap = column.index(GAP)
        titles = [s for s in column[:gap] if s is not None]
        below = [s for s in column[gap + 1:] if s is not None]
        if not below:
            return titles, [], None
        return titles, below[:-1], below[-1]
    lines = [s for s in column if s is not None]
    titles = []
    for s in lines:
        if is_upper(s.text):
            titles.append(s)
        else:
            break
    rest = lines[len(titles):]
    if not rest:
        return titles, [], None
    return titles, rest[:-1], rest[-1]


def _titles(rep: Report, spans: list[Span]) -> None:
    for span in spans:
        text = squash(span.text)
        if not is_upper(text):
            rep.add("ND30.CHU_KY.TITLE_CASE", span.para, "quyền hạn, chức vụ người ký phải in hoa", text.upper(), text,
                    text=text)
        check_size(rep, "ND30.CHU_KY.TITLE_SIZE", span, 13, 14, "Quyền hạn, chức vụ người ký")
        check_style(rep, "ND30.CHU_KY.TITLE_STYLE", span, "Quyền hạn, chức vụ người ký", bold=True, italic=False)


def _name(rep: Report, name: Span | None, who: str = "người ký") -> None:
    if name is None:
        rep.unevaluable("ND30.CHU_KY.PRESENT", f"không tìm thấy họ tên {who} (dưới khoảng ký); nếu đây là "
                        "mẫu để điền thì bỏ qua")
        return
    text = squash(name.text)
    if is_upper(text) and len(text.split()) >= 2:
        rep.add("ND30.CHU_KY.NAME_CASE", name.para, f"họ tên {who} viết chữ in thường (hoa chữ cái đầu), không in "
                "hoa cả", text.title(), text, text=text)
    check_size(rep, "ND30.CHU_KY.NAME_SIZE", name, 13, 14, f"Họ tên {who}")
    check_style(rep, "ND30.CHU_KY.NAME_STYLE", name, f"Họ tên {who}", bold=True, italic=False)
    first = text.split()[0] if text.split() else ""
    if first in ACADEMIC or first.rstrip(".") + "." in ACADEMIC:
        rep.add("ND30.CHU_KY.NAME_TITLE", name.para, f"không ghi học hàm, học vị «{first}» trước họ tên người ký",
                "chỉ họ và tên", first, text=text)


def _prefix(rep: Report, titles: list[Span]) -> None:
    if not titles:
        return
    first = titles[0]
    text = squash(first.text)
    m = _PREFIX.match(text)
    word = m.group(1) if m else ""
    if word in PREFIXES:
        return
    if word in OLD_PREFIXES or word.upper() in OLD_PREFIXES:
        right = OLD_PREFIXES.get(word, OLD_PREFIXES.get(word.upper()))
        rep.add("ND30.CHU_KY.PREFIX", first.para, f"viết tắt quyền hạn là «{right}» (có dấu chấm), không viết "
                f"«{word}»", right, word, severity="error", text=text)
    elif word.endswith(".") and word[:-1].isalpha() and word.upper() == word:
        rep.add("ND30.CHU_KY.PREFIX", first.para, f"«{word}» không phải một quyền hạn ký của Điều 13 (TM., KT., Q., "
                "TL., TUQ.); hãy kiểm tra lại", "TM., KT., Q., TL. hoặc TUQ.", word, text=text)
    elif len(titles) >= 2 and not m:
        rep.add("ND30.CHU_KY.PREFIX", first.para, "dòng trên chức vụ người ký thường bắt đầu bằng TM., KT., Q., "
                "TL. hoặc TUQ. (ví dụ «TM. ỦY BAN NHÂN DÂN»); hãy kiểm tra lại", "TM., KT., Q., TL. hoặc TUQ.",
                text[:20], text=text)


def check(lay: Layout, rep: Report) -> None:
    if lay.kind == "bien_ban":
        _bien_ban(lay, rep)
        return
    if not lay.signature:
        if lay.kind == "phu_luc":
            return  # an appendix is signed with the document it goes with
        rep.unevaluable("ND30.CHU_KY.PRESENT", "không tìm thấy phần chữ ký (quyền hạn, chức vụ, họ tên người ký) "
                        "ở cuối văn bản, bên phải")
        return
    titles, others, name = _split(lay.signature)
    _prefix(rep, titles)
    _titles(rep, titles + [s for s in others if is_upper(s.text)])
    _name(rep, name)


def _bien_ban(lay: Layout, rep: Report) -> None:
    if not lay.signers:
        rep.unevaluable("ND30.BIEN_BAN.SIGNERS", "không tìm thấy chữ ký «THƯ KÝ» và «CHỦ TỌA» ở cuối biên bản")
        return
    for name in ("THƯ KÝ", "CHỦ TỌA"):
        if name not in lay.signers:
            other = next(iter(lay.signers.values()))
            para = next((s.para for s in other if s is not None), None)
            rep.add("ND30.BIEN_BAN.SIGNERS", para, f"biên bản thiếu chữ ký {name}", "THƯ KÝ bên trái, CHỦ TỌA bên phải",
                    f"thiếu {name}")
    want = {"THƯ KÝ": "left", "CHỦ TỌA": "right"}
    side_vn = {"left": "bên trái", "right": "bên phải", "?": "không rõ bên nào"}
    for name, column in lay.signers.items():
        side = lay.signer_sides.get(name, "?")
        head = next((s for s in column if s is not None), None)
        if side == "?":
            rep.unevaluable("ND30.BIEN_BAN.SIGNERS", f"không xác định được {name} ký bên nào; hãy đặt chữ ký trong "
                            "bảng 2 cột: THƯ KÝ bên trái, CHỦ TỌA bên phải", head.para if head else None)
        elif side != want[name]:
            rep.add("ND30.BIEN_BAN.SIGNERS", head.para if head else None, f"{name} ký {side_vn[side]}; biên bản: "
                    "THƯ KÝ bên trái, CHỦ TỌA bên phải", side_vn[want[name]], side_vn[side],
                    text=head.text if head else None)
        titles, others, person = _split(column)
        _titles(rep, titles + [s for s in others if is_upper(s.text)])
        _name(rep, person, "người ký")
