"""Biên bản họp Hội đồng Thi đua - Khen thưởng (ND30 Mẫu 1.9).

Everything a clerk would count by hand is counted here: members present out of all, who was absent
and why, each nominee's votes and percentage against the council's rules, and the conclusion. A
meeting below quorum cannot vote, so it is an error rather than a document.
"""
from __future__ import annotations

import difflib
from datetime import datetime

from tdkt_docs import title_lines, vn

from tdkt_docs.kinds import normalise

from tdkt_docs.model import voting_rules as rules
from tdkt_docs.kinds.nominees import METHOD, Nominee, at, awards, counts, nominees, request, vote_table
from tdkt_docs.errors import InputError, Problem
from tdkt_docs.kinds.markup import plain, runs
from tdkt_docs.kinds.rendering import Rendering
from tdkt_docs.typography import rule_under
from tdkt_docs.input.loader import Loaded
from tdkt_docs.model import BienBanPhan, DanhSach, NguoiGhi, QuyChe, ThanhVien


def thresholds(q: QuyChe) -> tuple[list[rules.Rule], rules.Threshold]:
    """The council's own rules first, then the default strict rule for Chiến sĩ thi đua cấp tỉnh and above."""
    default = rules.Threshold(rules.fraction(q.dong_y), False, q.tinh_tren)
    own = [rules.Rule(tuple(r.hinh_thuc), rules.Threshold(rules.fraction(r.dong_y), r.bo_phieu_kin,
                                                          r.tinh_tren or q.tinh_tren)) for r in q.rieng]
    strict = rules.Rule(rules.STRICT_AWARDS, rules.Threshold(rules.fraction(rules.STRICT_SHARE), True, q.tinh_tren))
    return own + [strict], default


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _describe(member: ThanhVien | NguoiGhi) -> str:
    parts = [member.ho_ten, member.chuc_vu, getattr(member, "vai_tro", None)]
    return ", ".join(p for p in parts if p)


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", ":", ";")) else text + "."


def _find(name: str, members: list[ThanhVien]) -> ThanhVien | None:
    return next((m for m in members if _key(m.ho_ten) == _key(name)), None)


def _suggest(name: str, members: list[ThanhVien]) -> str:
    best = difflib.get_close_matches(name, [m.ho_ten for m in members], n=1, cutoff=0.6)
    return f"; có phải '{best[0]}'?" if best else ""


def _by_role(members: list[ThanhVien], word: str, exclude: str | None = None) -> ThanhVien | None:
    for m in members:
        role = m.vai_tro.casefold()
        if word in role and (exclude is None or exclude not in role):
            return m
    return None


def build(doc: BienBanPhan, ds: DanhSach, loaded: Loaded | None, prefix: tuple = (),
          list_path: tuple = ("de_nghi",), also: str = "") -> tuple[Rendering, list[Nominee]]:
    """The biên bản and the nominees with their votes. `also` names the other documents that a
    meeting without quorum stops, for the message."""
    present, absent, quorum = _attendance(doc, loaded, prefix, also)
    total = len(doc.thanh_vien)
    problems: list[Problem] = []
    chu_toa = _chair(doc, present, doc.thanh_vien, loaded, prefix, problems)
    thu_ky = _secretary(doc, present, doc.thanh_vien, loaded, prefix, problems)
    start, end = _times(doc, loaded, prefix, problems)
    items = _votes(doc, ds, loaded, list_path, len(present), total, problems)
    normalise.raise_if(problems)

    numbering = normalise.Numbering(loaded)
    para = numbering.paragraph
    para("doan", f"Thời gian bắt đầu: {vn.gio_phut(start.hour, start.minute)}, {vn.ngay_day_du(start.date())}.")
    para("doan", f"Địa điểm: {_sentence(doc.dia_diem)}")
    _who(numbering, doc, present, absent, chu_toa, thu_ky)
    para("dan", "Nội dung (theo diễn biến cuộc họp):")
    numbering.walk(doc.noi_dung, prefix + ("noi_dung",))
    normalise.raise_if(numbering.problems)
    _results(numbering, doc, items, len(present), total, quorum)
    # the closing line keeps the signatures company on their page
    para("dan", f"Cuộc họp kết thúc vào {vn.gio_phut(end.hour, end.minute)}, {vn.ngay_day_du(end.date())}")
    normalise.close_content(numbering.blocks)

    name_lines = doc.co_quan.ten.split("\n")
    title = title_lines.balance(doc.ten_cuoc_hop)
    context = {
        "chu_quan": normalise.chu_quan_line(doc.co_quan),
        "co_quan": runs(vn.upper(doc.co_quan.ten)),
        "ke_co_quan": rule_under(name_lines, size_pt=13, bold=True, column_cm=6.5),
        "so_ky_hieu": vn.so_ky_hieu(doc.so, vn.TYPE_ABBR["bien_ban"], doc.co_quan.viet_tat),
        "trich_yeu": runs(title),
        "ke_trich_yeu": rule_under(plain(title).split("\n"), size_pt=14, bold=True, column_cm=16.5),
        "khoi": numbering.blocks,
        "thu_ky": thu_ky.ho_ten,
        "chu_toa": chu_toa.ho_ten,
        "noi_nhan": vn.noi_nhan_lines(doc.noi_nhan),
    }
    rendering = Rendering("bien_ban.docx", context, title=f"Biên bản - {doc.ten_cuoc_hop}"[:250],
                          date=start.date().isoformat(), creator=doc.co_quan.ten.replace("\n", " "))
    return rendering, items


def _attendance(doc: BienBanPhan, loaded: Loaded | None, prefix: tuple, also: str):
    """Who is present and who is not; a meeting without quorum makes no document at all."""
    members = doc.thanh_vien
    members_path = prefix + ("thanh_vien",)
    if not members:
        raise InputError(at(loaded, members_path, "chưa có thành viên Hội đồng nào; hãy liệt kê tất cả thành viên"))
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, m in enumerate(members):
        if _key(m.ho_ten) in seen:
            problems.append(at(loaded, members_path + (i, "ho_ten"),
                               f"'{m.ho_ten}' có hai lần trong danh sách thành viên (lần đầu là thành viên thứ "
                               f"{seen[_key(m.ho_ten)] + 1}); mỗi thành viên chỉ ghi một lần"))
        seen.setdefault(_key(m.ho_ten), i)
    normalise.raise_if(problems)
    present = [m for m in members if m.co_mat]
    absent = [m for m in members if not m.co_mat]
    total = len(members)
    quorum = rules.fraction(doc.quy_che.co_mat_toi_thieu)
    if not rules.at_least(len(present), total, quorum):
        need = rules.minimum(total, quorum)
        stopped = "biên bản" + (f" và {also}" if also else "")
        raise InputError(at(loaded, members_path,
                            f"cuộc họp không đủ số thành viên để biểu quyết: có mặt {vn.ti_so(len(present), total)} "
                            f"thành viên, quy chế cần ít nhất {rules.shown(quorum)} số thành viên "
                            f"({vn.ti_so(need, total)}); {stopped} chưa được tạo"))
    return present, absent, quorum


def _votes(doc: BienBanPhan, ds: DanhSach, loaded: Loaded | None, list_path: tuple, present: int, total: int,
           problems: list[Problem]) -> list[Nominee]:
    """Each nominee with its vote counted by the council's rule for its award."""
    items = nominees(ds, loaded, list_path)
    own, default = thresholds(doc.quy_che)
    by_award: dict[str, rules.Threshold] = {}  # a long list names a few awards many times
    for n in items:
        t = by_award.get(n.hinh_thuc)
        if t is None:
            t = by_award[n.hinh_thuc] = rules.threshold_for(n.hinh_thuc, own, default)
        if n.bieu_quyet is None:
            n.bieu_quyet = "bo_phieu_kin" if t.secret else "gio_tay"
        elif t.secret and n.bieu_quyet != "bo_phieu_kin":
            problems.append(at(loaded, n.path + ("bieu_quyet",),
                               f"{n.ten}: {n.hinh_thuc} phải bỏ phiếu kín theo quy chế; hãy sửa thành "
                               "'bieu_quyet: bỏ phiếu kín' (hoặc bỏ dòng này)"))
        if n.dong_y is None:
            problems.append(at(loaded, n.path, f"{n.ten}: chưa ghi số phiếu đồng ý; hãy thêm 'dong_y: <số thành "
                               "viên đồng ý>'"))
            continue
        if n.dong_y > present:
            problems.append(at(loaded, n.path + ("dong_y",),
                               f"{n.ten}: {n.dong_y} phiếu đồng ý nhiều hơn số thành viên có mặt "
                               f"({vn.ti_so(present, total)}); hãy kiểm tra lại số phiếu"))
            continue
        base = present if t.base == rules.PRESENT else total
        n.vote = rules.Vote(n.dong_y, base, t)
    return items


def _who(numbering: normalise.Numbering, doc: BienBanPhan, present, absent, chu_toa, thu_ky) -> None:
    para = numbering.paragraph
    para("dan", f"Thành phần tham dự: thành viên {doc.hoi_dong}, có mặt {vn.ti_so(len(present), len(doc.thanh_vien))} "
         "thành viên, gồm:")
    _bullets(numbering, [_describe(m) for m in present])
    if absent:
        para("dan", f"Vắng mặt: {vn.dem(len(absent), 'thành viên')}, gồm:")
        _bullets(numbering, [_describe(m) + (f" (lý do: {m.vang})" if isinstance(m.vang, str) else
                                             " (không có lý do)") for m in absent])
    if doc.khach_moi:
        para("dan", "Khách mời:")
        _bullets(numbering, doc.khach_moi)
    para("doan", f"Chủ trì (chủ tọa): {_describe(chu_toa)}.")
    para("doan", f"Thư ký (người ghi biên bản): {_describe(thu_ky)}.")


def _results(numbering: normalise.Numbering, doc: BienBanPhan, items: list[Nominee], present: int, total: int,
             quorum) -> None:
    para = numbering.paragraph
    para("doan", _rules_text(items, present, total, quorum))
    # One award for every row is said here once, and the table has no column repeating it.
    only = awards(items)
    para("dan", f"Kết quả biểu quyết đề nghị tặng {vn.danh_hieu(only[0])}:" if len(only) == 1 else "Kết quả biểu quyết:")
    numbering.blocks.append(normalise.Block("bang", xml=vote_table(items)))
    passed = [n for n in items if n.vote.passed]
    failed = [n for n in items if not n.vote.passed]
    if passed:
        para("doan", f"Kết luận: Hội đồng thống nhất đề nghị {request(passed)}.")
    else:
        para("doan", "Kết luận: không có trường hợp nào đạt tỷ lệ phiếu đồng ý theo quy chế để đề nghị khen thưởng.")
    if failed and passed:
        names = "; ".join(f"{n.ten} ({vn.percent(n.vote.votes, n.vote.base)})" for n in failed)
        para("doan", f"Không đề nghị {counts(failed)} chưa đạt tỷ lệ phiếu đồng ý theo quy chế: {names}.")
    for line in doc.ket_luan:
        para("doan", line)


def _bullets(numbering: normalise.Numbering, lines: list[str]) -> None:
    for i, line in enumerate(lines):
        numbering.paragraph("gach", f"- {line}{'.' if i == len(lines) - 1 else ';'}")


def _chair(doc, present, members, loaded, prefix, problems) -> ThanhVien:
    if doc.chu_toa is None:
        found = _by_role(present, "chủ tịch", exclude="phó")
        if found is None:
            problems.append(at(loaded, prefix + ("thanh_vien",),
                               "không xác định được chủ tọa: không có thành viên có mặt với vai trò Chủ tịch Hội đồng; "
                               "hãy ghi 'chu_toa: <họ tên thành viên chủ trì>'"))
            return present[0]
        return found
    found = _find(doc.chu_toa, members)
    if found is None:
        problems.append(at(loaded, prefix + ("chu_toa",), f"'{doc.chu_toa}' không có trong danh sách thành viên"
                           f"{_suggest(doc.chu_toa, members)}"))
        return present[0]
    if not found.co_mat:
        problems.append(at(loaded, prefix + ("chu_toa",), f"{found.ho_ten} vắng mặt nên không thể chủ trì cuộc họp"))
    return found


def _secretary(doc, present, members, loaded, prefix, problems) -> ThanhVien | NguoiGhi:
    if isinstance(doc.thu_ky, NguoiGhi):
        return doc.thu_ky
    if doc.thu_ky is None:
        found = _by_role(present, "thư ký")
        if found is None:
            problems.append(at(loaded, prefix + ("thanh_vien",),
                               "không xác định được thư ký: không có thành viên có mặt với vai trò Thư ký; hãy ghi "
                               "'thu_ky: <họ tên>' (hoặc người ghi biên bản: thu_ky: {ho_ten: ..., chuc_vu: ...})"))
            return present[0]
        return found
    found = _find(doc.thu_ky, members)
    if found is None:
        problems.append(at(loaded, prefix + ("thu_ky",), f"'{doc.thu_ky}' không có trong danh sách thành viên"
                           f"{_suggest(doc.thu_ky, members)}; người ghi biên bản không phải thành viên thì viết "
                           "thu_ky: {ho_ten: ..., chuc_vu: ...}"))
        return present[0]
    if not found.co_mat:
        problems.append(at(loaded, prefix + ("thu_ky",), f"{found.ho_ten} vắng mặt nên không thể làm thư ký cuộc họp"))
    return found


def _times(doc, loaded, prefix, problems) -> tuple[datetime, datetime]:
    b, e = doc.bat_dau, doc.ket_thuc
    if b.ngay is None:
        problems.append(at(loaded, prefix + ("bat_dau",), "cần cả ngày và giờ bắt đầu, ví dụ 2026-01-08 14:00"))
        raise InputError(problems)
    start = datetime(b.ngay.year, b.ngay.month, b.ngay.day, b.gio, b.phut)
    day = e.ngay or b.ngay
    end = datetime(day.year, day.month, day.day, e.gio, e.phut)
    if end <= start:
        problems.append(at(loaded, prefix + ("ket_thuc",),
                           f"giờ kết thúc ({vn.gio_phut(end.hour, end.minute)}, {vn.short_date(end.date())}) không sau "
                           f"giờ bắt đầu ({vn.gio_phut(start.hour, start.minute)}, {vn.short_date(start.date())})"))
    return start, end


def _rules_text(items: list[Nominee], present: int, total: int, quorum) -> str:
    """The quorum as found and the thresholds the nominees were held to, in one sentence."""
    used: dict[rules.Threshold, list[str]] = {}
    seen: set[tuple[str, int]] = set()
    for n in items:
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

    ordered = sorted(used, key=lambda t: (t.secret, t.share))
    main, others = ordered[0], ordered[1:]
    text = (f"Số thành viên dự họp {vn.ti_so(present, total)}, đạt từ {rules.shown(quorum)} số thành viên Hội đồng "
            f"trở lên, đủ điều kiện biểu quyết theo quy chế. Trường hợp được đề nghị phải được {need(main)}")
    if others:
        text += "; riêng " + "; ".join(f"{vn.liet_ke(used[t])}: {need(t)}" for t in others)
    return text + "."
