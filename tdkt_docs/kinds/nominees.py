"""The nominees of a tờ trình or a council meeting: typed once, counted and worded by the program.

A nominee's award is its own `hinh_thuc` or the list's; counts said in words ("05 tập thể và 12 cá
nhân") are computed from the list, so words and list cannot disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

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


def nominees(ds: DanhSach, loaded: Loaded | None, path: tuple, required: bool = True) -> list[Nominee]:
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
    if not out and not problems and required and not ds.tong_hop:
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
    return counted({key: sum(n.group == key for n in items) for key, _, _ in GROUPS})


def counted(numbers: dict[str, int]) -> str:
    return vn.liet_ke([vn.dem(numbers[key], noun) for key, noun, _ in GROUPS if numbers.get(key)])


VERBS = {"tang": "tặng", "cong_nhan": "công nhận", "truy_tang": "truy tặng", "trinh_cap_tren": "trình {cap_tren} xét tặng"}


def verb(cach: str = "tang", cap_tren: str | None = None) -> str:
    return VERBS[cach].format(cap_tren=cap_tren)


def request(items: list[Nominee], totals: list["Total"] = (), cach: str = "tang", cap_tren: str | None = None,
            notes: bool = True) -> str:
    """`tặng Giấy khen cho 05 tập thể và 12 cá nhân; tặng danh hiệu ... cho 01 cá nhân`; the awards given
    as totals count by their numbers."""
    parts = []
    word = verb(cach, cap_tren)
    for award in awards(items):
        those = [n for n in items if n.hinh_thuc == award]
        parts.append(f"{word} {vn.danh_hieu(award)} cho {counts(those)}")
    for t in totals:
        parts.append(f"{word} {vn.danh_hieu(t.hinh_thuc)} cho {counted(t.counts)}"
                     + (f" ({t.kem_theo})" if t.kem_theo and notes else ""))
    return "; ".join(parts)


@dataclass
class Total:
    """An award given as numbers (50 cá nhân Lao động tiên tiến), with the nominees named for it, if any."""

    path: tuple
    hinh_thuc: str
    counts: dict[str, int]
    kem_theo: str | None
    dong_y: int | None
    bieu_quyet: str | None
    named: list[Nominee]
    vote: rules.Vote | None = None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def totals(ds: DanhSach, items: list[Nominee], loaded: Loaded | None, path: tuple) -> tuple[list[Total], list[Nominee]]:
    """The awards given as totals, each with the nominees named for it, and the nominees left case by case.
    A total that differs from the names given for it is an error naming both lines."""
    out: list[Total] = []
    problems: list[Problem] = []
    covered: set[int] = set()
    for i, t in enumerate(ds.tong_hop):
        here = path + ("tong_hop", i)
        named = [n for n in items if _same(n.hinh_thuc, t.hinh_thuc)]
        covered.update(id(n) for n in named)
        numbers: dict[str, int] = {}
        for key, noun, _ in GROUPS:
            given = getattr(t, key)
            listed = [n for n in named if n.group == key]
            if given is None:
                if listed:
                    numbers[key] = len(listed)
                continue
            numbers[key] = given
            if listed and len(listed) != given:
                line = loaded.locate(listed[0].path)[1] if loaded is not None else None
                where = f" (từ dòng {line})" if line else ""
                problems.append(at(loaded, here + (key,),
                                   f"{t.hinh_thuc}: ghi {key}: {given} nhưng danh sách '{key}'{where} có "
                                   f"{vn.dem(len(listed), noun)} {t.hinh_thuc}; hãy sửa số này hoặc danh sách "
                                   "cho khớp nhau"))
        if not any(numbers.values()) and not problems:
            problems.append(at(loaded, here, f"{t.hinh_thuc}: chưa ghi số lượng; hãy thêm 'ca_nhan: <số>' "
                               "(hoặc 'tap_the', 'ho_gia_dinh')"))
        kem = "có danh sách kèm theo" if t.kem_theo is True else (t.kem_theo or None)
        out.append(Total(here, t.hinh_thuc, numbers, kem, t.dong_y, t.bieu_quyet, named))
    if problems:
        raise InputError(problems)
    return out, [n for n in items if id(n) not in covered]


def cap_warnings(items: list[Nominee], given: list[Total], caps, loaded: Loaded | None, path: tuple) -> list[Problem]:
    """The caps a council puts on one award against another, counted on individuals; warnings only."""
    found: list[Problem] = []
    for cap in caps:
        def count(word: str) -> tuple[int, tuple | None]:
            n, first = 0, None
            for x in items:
                if x.group == "ca_nhan" and word.casefold() in x.hinh_thuc.casefold():
                    n, first = n + 1, first or x.path
            for t in given:
                if word.casefold() in t.hinh_thuc.casefold() and t.counts.get("ca_nhan"):
                    n, first = n + t.counts["ca_nhan"], first or t.path
            return n, first
        capped, where = count(cap.award)
        base, _ = count(cap.base)
        if where is None or not rules.over_cap(capped, base, cap):
            continue
        most = cap.share.numerator * base // cap.share.denominator
        most_text = vn.dem(most, "cá nhân") if most else "không cá nhân nào"
        problem = at(loaded, where, f"{vn.dem(capped, 'cá nhân')} {cap.award} trên {vn.dem(base, 'cá nhân')} "
                     f"{cap.base} ({vn.percent(capped, base)}), vượt tỷ lệ tối đa {rules.shown(cap.share)} "
                     f"(tối đa {most_text}) theo {cap.source}; hãy xem lại danh sách, hoặc ghi giới "
                     "hạn của Hội đồng trong quy_che.gioi_han")
        found.append(replace(problem, severity="warning"))
    return found


def caps_of(given) -> tuple:
    """The council's caps (quy_che.gioi_han), or the default one when it wrote none."""
    if given is None:
        return rules.DEFAULT_CAPS
    return tuple(rules.Cap(g.hinh_thuc, g.so_voi, rules.fraction(g.toi_da), g.nguon) for g in given)


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
