"""The nominees of a tờ trình or a council meeting: typed once, counted and worded by the program.

A nominee's award is its own `hinh_thuc` or the list's; counts said in words ("05 tập thể và 12 cá
nhân") are computed from the list, so words and list cannot disagree.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from tdkt_docs import vn

from tdkt_docs.model import voting_rules as rules
from tdkt_docs.errors import InputError, Problem
from tdkt_docs.input.loader import Loaded, dotted
from tdkt_docs.model import DanhSach
from tdkt_docs.kinds.tables import grouped

# (YAML key, noun in prose, section title in tables)
GROUPS = (("tap_the", "tập thể", "Tập thể"), ("ca_nhan", "cá nhân", "Cá nhân"),
          ("ho_gia_dinh", "hộ gia đình", "Hộ gia đình"))
NOUN = {key: noun for key, noun, _ in GROUPS}


def at(loaded: Loaded | None, path: tuple, message: str) -> Problem:
    """A problem placed at `path` of the YAML (or of the spreadsheet row it came from)."""
    if loaded is None:
        return Problem("", message, field=dotted(path))
    file, line, col = loaded.locate(path)
    return Problem(file, message, line, col, dotted(path))


@dataclass
class Nominee:
    group: str
    path: tuple
    ten: str
    chuc_vu_don_vi: str | None
    hinh_thuc: str
    dong_y: int | None
    bieu_quyet: str | None
    vote: rules.Vote | None = None


def nominees(ds: DanhSach, loaded: Loaded | None, path: tuple) -> list[Nominee]:
    """Every nominee with its award resolved; a nominee without an award is an error at its line."""
    out: list[Nominee] = []
    problems: list[Problem] = []
    for key, noun, _ in GROUPS:
        for i, item in enumerate(getattr(ds, key)):
            here = path + (key, i)
            award = item.hinh_thuc or ds.hinh_thuc
            if award is None:
                problems.append(at(loaded, here + ("hinh_thuc",),
                                   f"{item.ten}: chưa ghi hình thức khen thưởng; hãy thêm 'hinh_thuc: ...' cho "
                                   f"{noun} này, hoặc 'hinh_thuc' chung ở đầu danh sách"))
                continue
            out.append(Nominee(key, here, item.ten, item.chuc_vu_don_vi, award, item.dong_y, item.bieu_quyet))
    if not out and not problems:
        problems.append(at(loaded, path, "danh sách đề nghị đang rỗng; cần ít nhất một tập thể hoặc cá nhân "
                           "trong 'tap_the', 'ca_nhan' hoặc 'ho_gia_dinh'"))
    if problems:
        raise InputError(problems)
    return out


def awards(items: list[Nominee]) -> list[str]:
    """Distinct awards in the order they first appear."""
    seen: list[str] = []
    for n in items:
        if n.hinh_thuc not in seen:
            seen.append(n.hinh_thuc)
    return seen


def counts(items: list[Nominee]) -> str:
    """`05 tập thể và 12 cá nhân`."""
    return vn.liet_ke([vn.dem(k, noun) for key, noun, _ in GROUPS if (k := sum(n.group == key for n in items))])


def request(items: list[Nominee]) -> str:
    """`tặng Giấy khen cho 05 tập thể và 12 cá nhân; tặng danh hiệu ... cho 01 cá nhân`."""
    parts = []
    for award in awards(items):
        those = [n for n in items if n.hinh_thuc == award]
        parts.append(f"tặng {vn.danh_hieu(award)} cho {counts(those)}")
    return "; ".join(parts)


def groups_present(items: list[Nominee]) -> list[str]:
    return [noun for key, noun, _ in GROUPS if any(n.group == key for n in items)]


def sections(items: list[Nominee], row) -> list[tuple[str, str, list[list[str]]]]:
    out = []
    for key, _, title in GROUPS:
        rows = [n for n in items if n.group == key]
        if rows:
            out.append((vn.roman(len(out) + 1), title, [[str(i)] + row(n) for i, n in enumerate(rows, 1)]))
    return out


def award_header(items: list[Nominee]) -> str:
    """A column of danh hiệu thi đua is headed as such; of hình thức khen thưởng, as those."""
    titles = [vn.danh_hieu(a).lower().startswith(("danh hiệu", "cờ thi đua")) for a in awards(items)]
    if all(titles):
        return "Danh hiệu đề nghị"
    if any(titles):
        return "Danh hiệu, hình thức khen thưởng đề nghị"
    return "Hình thức khen thưởng đề nghị"


def said_once(items: list[Nominee]) -> bool:
    """Every row has the same award: the sentence before the table names it, the table does not
    repeat it on each row."""
    return len(awards(items)) == 1


def list_table(items: list[Nominee]) -> Markup:
    headers = ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị"]
    if said_once(items):
        return grouped(headers, sections(items, lambda n: [n.ten, n.chuc_vu_don_vi or ""]))
    return grouped(headers + [award_header(items)],
                   sections(items, lambda n: [n.ten, n.chuc_vu_don_vi or "", n.hinh_thuc]))


METHOD = {"gio_tay": "Giơ tay", "bo_phieu_kin": "Bỏ phiếu kín"}


def vote_table(items: list[Nominee]) -> Markup:
    once = said_once(items)

    def row(n: Nominee) -> list[str]:
        v = n.vote
        award = [] if once else [n.hinh_thuc]
        return [n.ten] + award + [METHOD[n.bieu_quyet], vn.ti_so(v.votes, v.base), vn.percent(v.votes, v.base),
                                  "Đạt" if v.passed else "Không đạt"]
    headers = ["STT", "Họ và tên / Tên tập thể"] + ([] if once else [award_header(items)])
    headers += ["Biểu quyết", "Đồng ý", "Tỷ lệ", "Kết quả"]
    first_number = 2 if once else 3
    return grouped(headers, sections(items, row), centred=(0,) + tuple(range(first_number, len(headers))))
