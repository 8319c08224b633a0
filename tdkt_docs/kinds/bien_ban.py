"""Biên bản họp Hội đồng Thi đua - Khen thưởng (ND30 Mẫu 1.9).

Everything a clerk would count by hand is counted here: members present out of all, who was absent
and why, each nominee's votes (or each award's, when results are given as totals) against the
council's rules, and the conclusion. Each computed block (attendance, quorum sentence, vote table,
conclusion...) may be placed by the clerk among their own sections (`- tu_dong: ket_qua`), or left out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from tdkt_docs import title_lines, vn
from tdkt_docs.errors import InputError, Problem
from tdkt_docs.input.loader import Loaded
from tdkt_docs.kinds import bien_ban_people as people
from tdkt_docs.kinds import normalise
from tdkt_docs.kinds.markup import plain, runs
from tdkt_docs.kinds.nominees import (METHOD, Nominee, Total, at, awards, cap_warnings, caps_of, counted, counts, nominees,
                                      request, totals, vote_table)
from tdkt_docs.kinds.rendering import Rendering
from tdkt_docs.kinds.tables import grid
from tdkt_docs.model import BienBanPhan, DanhSach, QuyChe
from tdkt_docs.model import voting_rules as rules
from tdkt_docs.typography import rule_under


@dataclass
class Outcome:
    """What the meeting decided: the nominees case by case and the awards given as totals, voted."""

    items: list[Nominee] = field(default_factory=list)
    totals: list[Total] = field(default_factory=list)
    named: list[Nominee] = field(default_factory=list)  # every nominee named, in the order typed

    @property
    def passed(self) -> list[Nominee]:
        return [n for n in self.items if n.vote.passed]

    @property
    def passed_totals(self) -> list[Total]:
        return [t for t in self.voted_totals if t.vote.passed]

    @property
    def voted_totals(self) -> list[Total]:
        return [t for t in self.totals if t.vote is not None]

    @property
    def unvoted(self) -> list[Total]:
        """Awards a biên bản lists with their numbers only ("38 cá nhân, danh sách kèm theo"): no vote given."""
        return [t for t in self.totals if t.vote is None]


def thresholds(q: QuyChe) -> tuple[list[rules.Rule], rules.Threshold]:
    """The council's own rules first, then the default strict rule for Chiến sĩ thi đua cấp tỉnh and above."""
    default = rules.Threshold(rules.fraction(q.dong_y), False, q.tinh_tren)
    own = [rules.Rule(tuple(r.hinh_thuc), rules.Threshold(rules.fraction(r.dong_y), r.bo_phieu_kin,
                                                          r.tinh_tren or q.tinh_tren)) for r in q.rieng]
    strict = rules.Rule(rules.STRICT_AWARDS, rules.Threshold(rules.fraction(rules.STRICT_SHARE), True, q.tinh_tren))
    return own + [strict], default


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", ":", ";")) else text + "."


def build(doc: BienBanPhan, ds: DanhSach, loaded: Loaded | None, prefix: tuple = (),
          list_path: tuple = ("de_nghi",), also: str = "") -> tuple[Rendering, Outcome]:
    """The biên bản and what the meeting decided. `also` names the other documents that a meeting
    without quorum stops, for the message."""
    att = people.attendance(doc, loaded, prefix, also)
    problems: list[Problem] = []
    chu_toa = people.chair(doc, att, loaded, prefix, problems)
    thu_ky = people.secretary(doc, att, loaded, prefix, problems)
    start, end = _times(doc, loaded, prefix, problems)
    named = nominees(ds, loaded, list_path)
    given, single = totals(ds, named, loaded, list_path)
    outcome = Outcome(single, given, named)
    _votes(doc, outcome, loaded, att, problems, votes_needed=bool(also))
    normalise.raise_if(problems)

    numbering = normalise.Numbering(loaded)
    para = numbering.paragraph
    auto = _computed(numbering, doc, att, chu_toa, thu_ky, start, end, outcome, loaded, prefix)
    numbering.auto = auto
    if normalise.places_computed(doc.noi_dung):
        numbering.walk(doc.noi_dung, prefix + ("noi_dung",))
        if doc.thanh_phan and "diem_danh" not in numbering.placed:
            numbering.problem(prefix + ("thanh_phan",), "'thanh_phan' in cùng khối điểm danh; hãy đặt '- tu_dong: "
                              "diem_danh' trong noi_dung, hoặc viết thành phần ngay trong noi_dung")
    else:
        for name in ("thoi_gian", "diem_danh", "chu_tri"):
            auto[name]()
        para("dan", "Nội dung (theo diễn biến cuộc họp):")
        numbering.walk(doc.noi_dung, prefix + ("noi_dung",))
        for name in ("hop_le", "ket_qua", "ket_luan", "ket_thuc"):
            auto[name]()
    if doc.dia_danh and doc.ngay is None and start is None:
        numbering.problem(prefix + ("dia_danh",), "dòng địa danh cần một ngày: hãy thêm dòng 'ngay: 2026-05-25' "
                          "(ngày ghi trên dòng này), hoặc 'bat_dau: 2026-05-25 15:30' (ngày giờ họp)")
    normalise.raise_if(numbering.problems)
    normalise.close_content(numbering.blocks)

    day = start.date() if start is not None else doc.ngay.full if doc.ngay is not None else None
    rendering = Rendering("bien_ban.docx", _header(doc, start) | {
        "khoi": numbering.blocks, "thu_ky": thu_ky.ho_ten, "chu_toa": chu_toa.ho_ten,
        "noi_nhan": vn.noi_nhan_lines(doc.noi_nhan)},
        title=f"Biên bản - {doc.ten_cuoc_hop}"[:250], date=day.isoformat() if day else "2000-01-01",
        creator=doc.co_quan.ten.replace("\n", " "))
    rendering.warnings = cap_warnings(outcome.passed, outcome.passed_totals, caps_of(doc.quy_che.gioi_han), loaded,
                                      list_path)
    return rendering, outcome


def _header(doc: BienBanPhan, start: datetime | None) -> dict:
    name_lines = doc.co_quan.ten.split("\n")
    title = title_lines.balance(doc.ten_cuoc_hop)
    head = vn.BLANK_NUMBER if doc.so is None else vn.two_digits(doc.so)
    symbol = doc.ky_hieu or f"{vn.TYPE_ABBR['bien_ban']}-{doc.co_quan.viet_tat}"
    day = doc.ngay or None
    place_date = ""
    if doc.dia_danh:
        place_date = (vn.dia_danh_ngay(doc.dia_danh, day.ngay, day.thang, day.nam) if day is not None
                      else vn.dia_danh_ngay(doc.dia_danh, start.day, start.month, start.year))
    return {
        "chu_quan": normalise.chu_quan_line(doc.co_quan),
        "co_quan": runs(vn.upper(doc.co_quan.ten)),
        "ke_co_quan": rule_under(name_lines, size_pt=13, bold=True, column_cm=6.5),
        "so_dong": f"Số: {head}/{symbol}" if doc.dong_so else "",
        "dia_danh_ngay": place_date,
        "trich_yeu": runs(title),
        "ke_trich_yeu": rule_under(plain(title).split("\n"), size_pt=14, bold=True, column_cm=16.5),
    }


def _computed(numbering: normalise.Numbering, doc: BienBanPhan, att, chu_toa, thu_ky, start, end,
              outcome: Outcome, loaded, prefix) -> dict:
    """The blocks the program writes, by the names a clerk places them with (`tu_dong:`)."""
    para = numbering.paragraph

    def thoi_gian() -> None:
        # Asked for here, where they are printed: a biên bản that does not print them needs neither.
        if start is None:
            numbering.problem(prefix + ("bat_dau",), "biên bản in dòng «Thời gian bắt đầu» nên cần ngày giờ họp: "
                              "hãy thêm dòng 'bat_dau: 2026-05-25 15:30'")
        else:
            para("doan", f"Thời gian bắt đầu: {vn.gio_phut(start.hour, start.minute)}, {vn.ngay_day_du(start.date())}.")
        if doc.dia_diem is None:
            numbering.problem(prefix + ("dia_diem",), "biên bản in dòng «Địa điểm» nên cần địa điểm họp: hãy thêm "
                              "dòng 'dia_diem: Phòng họp Hội đồng sư phạm nhà trường'")
        else:
            para("doan", f"Địa điểm: {_sentence(doc.dia_diem)}")

    def diem_danh() -> None:
        _who(numbering, doc, att)
        if doc.khach_moi:
            para("dan", "Khách mời:")
            _bullets(numbering, doc.khach_moi)
        numbering.walk(doc.thanh_phan, prefix + ("thanh_phan",))

    def chu_tri() -> None:
        para("doan", f"Chủ trì (chủ tọa): {people.describe(chu_toa)}.")
        para("doan", f"Thư ký (người ghi biên bản): {people.describe(thu_ky)}.")

    def ket_thuc() -> None:
        # the closing line keeps the signatures company on their page
        if end is not None:
            para("dan", f"Cuộc họp kết thúc vào {vn.gio_phut(end.hour, end.minute)}, {vn.ngay_day_du(end.date())}")

    return {"thoi_gian": thoi_gian, "diem_danh": diem_danh, "chu_tri": chu_tri,
            "hop_le": lambda: para("doan", _rules_text(outcome, att)),
            "ket_qua": lambda: _results(numbering, outcome),
            "ket_luan": lambda: _conclusion(numbering, doc, outcome), "ket_thuc": ket_thuc}


def _votes(doc: BienBanPhan, outcome: Outcome, loaded: Loaded | None, att, problems: list[Problem],
           votes_needed: bool) -> None:
    """Each nominee (or each award given as a total) with its vote counted by the council's rule. A
    total may come without its vote in a biên bản alone; a dossier's tờ trình needs every vote."""
    own, default = thresholds(doc.quy_che)
    present, total = att.present, att.total
    by_award: dict[str, rules.Threshold] = {}  # a long list names a few awards many times
    for n in outcome.items + outcome.totals:
        t = by_award.get(n.hinh_thuc)
        if t is None:
            t = by_award[n.hinh_thuc] = rules.threshold_for(n.hinh_thuc, own, default)
        who = n.ten if isinstance(n, Nominee) else n.hinh_thuc
        if n.dong_y is None and not isinstance(n, Nominee) and not votes_needed:
            continue
        if n.bieu_quyet is None:
            n.bieu_quyet = "bo_phieu_kin" if t.secret else "gio_tay"
        elif t.secret and n.bieu_quyet != "bo_phieu_kin":
            problems.append(at(loaded, n.path + ("bieu_quyet",),
                               f"{who}: {n.hinh_thuc} phải bỏ phiếu kín theo quy chế; hãy sửa thành "
                               "'bieu_quyet: bỏ phiếu kín' (hoặc bỏ dòng này)"))
        if n.dong_y is None:
            problems.append(at(loaded, n.path, f"{who}: chưa ghi số phiếu đồng ý; hãy thêm 'dong_y: <số thành "
                               "viên đồng ý>'"))
            continue
        if n.dong_y > present:
            problems.append(at(loaded, n.path + ("dong_y",),
                               f"{who}: {n.dong_y} phiếu đồng ý nhiều hơn số thành viên có mặt "
                               f"({vn.ti_so(present, total)}); hãy kiểm tra lại số phiếu"))
            continue
        base = present if t.base == rules.PRESENT else total
        n.vote = rules.Vote(n.dong_y, base, t)


def _who(numbering: normalise.Numbering, doc: BienBanPhan, att) -> None:
    para = numbering.paragraph
    ti_so = vn.ti_so(att.present, att.total)
    if att.members:
        para("dan", f"Thành phần tham dự: thành viên {doc.hoi_dong}, có mặt {ti_so} thành viên, gồm:")
        _bullets(numbering, [people.describe(m) for m in att.present_members])
        absent = att.absent_members
        if absent:
            para("dan", f"Vắng mặt: {vn.dem(len(absent), 'thành viên')}, gồm:")
            _bullets(numbering, [people.describe(m) + (f" (lý do: {m.vang})" if isinstance(m.vang, str) else
                                                       " (không có lý do)") for m in absent])
        return
    given = doc.so_thanh_vien
    para("doan", f"Thành phần tham dự: thành viên {doc.hoi_dong}, có mặt {ti_so} thành viên.")
    missing = att.total - att.present
    if not missing:
        return
    if given.vang:
        para("dan", f"Vắng mặt: {vn.dem(missing, 'thành viên')}, gồm:")
        _bullets(numbering, [people.describe(v) + (f" (lý do: {v.ly_do})" if v.ly_do else "") for v in given.vang])
    else:
        para("doan", f"Vắng mặt: {vn.dem(missing, 'thành viên')}" + (f" ({given.ly_do_vang})." if given.ly_do_vang
                                                                      else "."))


TOTAL_HEADERS = ["STT", "Hình thức khen thưởng", "Số lượng", "Biểu quyết", "Đồng ý", "Tỷ lệ", "Kết quả"]
TOTAL_WIDTHS = [1.2, 4.4, 3.5, 2.1, 1.8, 1.6, 1.9]


def _results(numbering: normalise.Numbering, outcome: Outcome) -> None:
    if outcome.items:
        # One award for every row is said here once, and the table has no column repeating it.
        only = awards(outcome.items)
        numbering.paragraph("dan", f"Kết quả biểu quyết đề nghị tặng {vn.danh_hieu(only[0])}:" if len(only) == 1
                            else "Kết quả biểu quyết:")
        numbering.blocks.append(normalise.Block("bang", xml=vote_table(outcome.items)))
    voted = outcome.voted_totals
    if voted:
        numbering.paragraph("dan", "Kết quả biểu quyết theo từng hình thức:" if outcome.items else "Kết quả biểu quyết:")
        rows = [[str(i), t.hinh_thuc, _numbers(t), METHOD[t.bieu_quyet], vn.ti_so(t.vote.votes, t.vote.base),
                 vn.percent(t.vote.votes, t.vote.base), "Đạt" if t.vote.passed else "Không đạt"]
                for i, t in enumerate(voted, 1)]
        numbering.blocks.append(normalise.Block("bang", xml=grid(TOTAL_HEADERS, rows, TOTAL_WIDTHS, centred=(0, 3, 4, 5, 6))))
    if outcome.unvoted:
        numbering.paragraph("dan", "Danh sách đề nghị:")
        _bullets(numbering, [f"{t.hinh_thuc}: {_numbers(t)}" for t in outcome.unvoted])


def _numbers(t: Total) -> str:
    return counted(t.counts) + (f" ({t.kem_theo})" if t.kem_theo else "")


def _conclusion(numbering: normalise.Numbering, doc: BienBanPhan, outcome: Outcome) -> None:
    para = numbering.paragraph
    passed, failed = outcome.passed, [n for n in outcome.items if not n.vote.passed]
    passed_totals = outcome.passed_totals
    failed_totals = [t for t in outcome.voted_totals if not t.vote.passed]
    if not outcome.items and not outcome.voted_totals:
        pass  # nothing was voted: the conclusion is the clerk's own (ket_luan)
    elif passed or passed_totals:
        para("doan", f"Kết luận: Hội đồng thống nhất đề nghị {request(passed, passed_totals)}.")
    else:
        para("doan", "Kết luận: không có trường hợp nào đạt tỷ lệ phiếu đồng ý theo quy chế để đề nghị khen thưởng.")
    if failed and (passed or passed_totals):
        names = "; ".join(f"{n.ten} ({vn.percent(n.vote.votes, n.vote.base)})" for n in failed)
        para("doan", f"Không đề nghị {counts(failed)} chưa đạt tỷ lệ phiếu đồng ý theo quy chế: {names}.")
    if failed_totals and (passed or passed_totals):
        names = "; ".join(f"{t.hinh_thuc} ({vn.percent(t.vote.votes, t.vote.base)})" for t in failed_totals)
        para("doan", f"Không đề nghị các hình thức chưa đạt tỷ lệ phiếu đồng ý theo quy chế: {names}.")
    for line in doc.ket_luan:
        para("doan", line)


def _bullets(numbering: normalise.Numbering, lines: list[str]) -> None:
    for i, line in enumerate(lines):
        numbering.paragraph("gach", f"- {line}{'.' if i == len(lines) - 1 else ';'}")


def _times(doc, loaded, prefix, problems) -> tuple[datetime | None, datetime | None]:
    b, e = doc.bat_dau, doc.ket_thuc
    if b is None:
        if e is not None and e.ngay is None:
            problems.append(at(loaded, prefix + ("ket_thuc",), "giờ kết thúc cần ngày họp: hãy thêm dòng 'bat_dau: "
                               "2026-05-25 15:30' (ngày giờ bắt đầu), hoặc ghi cả ngày: 'ket_thuc: 2026-05-25 17:00'"))
            return None, None
        return None, None if e is None else datetime(e.ngay.year, e.ngay.month, e.ngay.day, e.gio, e.phut)
    if b.ngay is None:
        problems.append(at(loaded, prefix + ("bat_dau",), "cần cả ngày và giờ bắt đầu, ví dụ 2026-01-08 14:00"))
        raise InputError(problems)
    start = datetime(b.ngay.year, b.ngay.month, b.ngay.day, b.gio, b.phut)
    if e is None:
        return start, None
    day = e.ngay or b.ngay
    end = datetime(day.year, day.month, day.day, e.gio, e.phut)
    if end <= start:
        problems.append(at(loaded, prefix + ("ket_thuc",),
                           f"giờ kết thúc ({vn.gio_phut(end.hour, end.minute)}, {vn.short_date(end.date())}) không sau "
                           f"giờ bắt đầu ({vn.gio_phut(start.hour, start.minute)}, {vn.short_date(start.date())})"))
    return start, end


def _rules_text(outcome: Outcome, att) -> str:
    """The quorum as found and the thresholds the nominees were held to, in one sentence."""
    used: dict[rules.Threshold, list[str]] = {}
    seen: set[tuple[str, int]] = set()
    for n in outcome.items + outcome.voted_totals:
        # A nominee whose award and threshold were met already adds nothing, and the threshold's
        # Fraction is slow to hash: a long list is looked up by its few distinct pairs.
        if (n.hinh_thuc, id(n.vote.threshold)) in seen:
            continue
        seen.add((n.hinh_thuc, id(n.vote.threshold)))
        awards = used.setdefault(n.vote.threshold, [])
        if n.hinh_thuc not in awards:
            awards.append(n.hinh_thuc)

    def need(t: rules.Threshold) -> str:
        base = "số thành viên có mặt" if t.base == rules.PRESENT else "tổng số thành viên Hội đồng"
        return f"từ {rules.shown(t.share)} {base} đồng ý trở lên" + (", bỏ phiếu kín" if t.secret else "")

    text = (f"Số thành viên dự họp {vn.ti_so(att.present, att.total)}, đạt từ {rules.shown(att.quorum)} số thành "
            f"viên Hội đồng trở lên, đủ điều kiện biểu quyết theo quy chế.")
    if not used:
        return text
    ordered = sorted(used, key=lambda t: (t.secret, t.share))
    main, others = ordered[0], ordered[1:]
    text = text[:-1] + f". Trường hợp được đề nghị phải được {need(main)}"
    if others:
        text += "; riêng " + "; ".join(f"{vn.liet_ke(used[t])}: {need(t)}" for t in others)
    return text + "."
