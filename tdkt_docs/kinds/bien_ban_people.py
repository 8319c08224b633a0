"""Who was at the council meeting: the members one by one or as totals, the chair and the secretary.

A meeting below quorum cannot vote, so it is an error rather than a document; totals that
contradict the member list are errors naming both lines.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from tdkt_docs import vn
from tdkt_docs.errors import InputError, Problem
from tdkt_docs.input.loader import Loaded
from tdkt_docs.kinds import normalise
from tdkt_docs.kinds.nominees import at
from tdkt_docs.model import BienBanPhan, NguoiGhi, ThanhVien
from tdkt_docs.model import voting_rules as rules


@dataclass
class Attendance:
    total: int
    present: int
    members: list[ThanhVien] = field(default_factory=list)  # empty when given as totals
    quorum: object = None

    @property
    def present_members(self) -> list[ThanhVien]:
        return [m for m in self.members if m.co_mat]

    @property
    def absent_members(self) -> list[ThanhVien]:
        return [m for m in self.members if not m.co_mat]


def key(name: str) -> str:
    return " ".join(name.split()).casefold()


def describe(member: ThanhVien | NguoiGhi) -> str:
    parts = [member.ho_ten, member.chuc_vu, getattr(member, "vai_tro", None)]
    return ", ".join(p for p in parts if p)


def attendance(doc: BienBanPhan, loaded: Loaded | None, prefix: tuple, also: str) -> Attendance:
    """Who is present and who is not; a meeting without quorum makes no document at all."""
    members = doc.thanh_vien
    members_path = prefix + ("thanh_vien",)
    given = doc.so_thanh_vien
    if not members and given is None:
        raise InputError(at(loaded, members_path, "chưa có thành viên Hội đồng nào; hãy liệt kê tất cả thành viên "
                            "('thanh_vien'), hoặc ghi số lượng: so_thanh_vien: {tong_so: ..., co_mat: ...}"))
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, m in enumerate(members):
        if key(m.ho_ten) in seen:
            problems.append(at(loaded, members_path + (i, "ho_ten"),
                               f"'{m.ho_ten}' có hai lần trong danh sách thành viên (lần đầu là thành viên thứ "
                               f"{seen[key(m.ho_ten)] + 1}); mỗi thành viên chỉ ghi một lần"))
        seen.setdefault(key(m.ho_ten), i)
    if given is not None:
        problems += _totals_agree(doc, loaded, prefix)
    normalise.raise_if(problems)
    if members:
        result = Attendance(len(members), sum(m.co_mat for m in members), members)
        path = members_path
    else:
        result = Attendance(given.tong_so, given.co_mat)
        path = prefix + ("so_thanh_vien", "co_mat")
    result.quorum = quorum = rules.fraction(doc.quy_che.co_mat_toi_thieu)
    total, present = result.total, result.present
    if not rules.at_least(present, total, quorum):
        need = rules.minimum(total, quorum)
        stopped = "biên bản" + (f" và {also}" if also else "")
        raise InputError(at(loaded, path,
                            f"cuộc họp không đủ số thành viên để biểu quyết: có mặt {vn.ti_so(present, total)} "
                            f"thành viên, quy chế cần ít nhất {rules.shown(quorum)} số thành viên "
                            f"({vn.ti_so(need, total)}); {stopped} chưa được tạo"))
    return result


def _line(loaded: Loaded | None, path: tuple) -> str:
    line = loaded.locate(path)[1] if loaded is not None else None
    return f" (dòng {line})" if line else ""


def _totals_agree(doc: BienBanPhan, loaded: Loaded | None, prefix: tuple) -> list[Problem]:
    given = doc.so_thanh_vien
    here = prefix + ("so_thanh_vien",)
    found: list[Problem] = []
    if given.co_mat > given.tong_so:
        found.append(at(loaded, here + ("co_mat",), f"có mặt {given.co_mat} nhiều hơn tổng số {given.tong_so}"
                        f"{_line(loaded, here + ('tong_so',))}; hãy kiểm tra lại hai số này"))
        return found
    if given.vang and len(given.vang) != given.tong_so - given.co_mat:
        found.append(at(loaded, here + ("vang",), f"danh sách vắng mặt có {vn.dem(len(given.vang), 'người')}, nhưng "
                        f"tổng số {given.tong_so}{_line(loaded, here + ('tong_so',))} trừ có mặt {given.co_mat}"
                        f"{_line(loaded, here + ('co_mat',))} là {vn.dem(given.tong_so - given.co_mat, 'người')}; "
                        "hãy sửa cho khớp"))
    members = doc.thanh_vien
    if members:
        listed = prefix + ("thanh_vien",)
        if len(members) != given.tong_so:
            found.append(at(loaded, here + ("tong_so",), f"tổng số {given.tong_so} khác danh sách thành viên"
                            f"{_line(loaded, listed)} có {vn.dem(len(members), 'người')}; hãy sửa cho khớp"))
        elif sum(m.co_mat for m in members) != given.co_mat:
            found.append(at(loaded, here + ("co_mat",), f"có mặt {given.co_mat} khác danh sách thành viên"
                            f"{_line(loaded, listed)} có {vn.dem(sum(m.co_mat for m in members), 'người')} có "
                            "mặt; hãy sửa cho khớp"))
    return found


def _suggest(name: str, members: list[ThanhVien]) -> str:
    best = difflib.get_close_matches(name, [m.ho_ten for m in members], n=1, cutoff=0.6)
    return f"; có phải '{best[0]}'?" if best else ""


def _find(name: str, members: list[ThanhVien]) -> ThanhVien | None:
    return next((m for m in members if key(m.ho_ten) == key(name)), None)


def _by_role(members: list[ThanhVien], word: str, exclude: str | None = None) -> ThanhVien | None:
    for m in members:
        role = m.vai_tro.casefold()
        if word in role and (exclude is None or exclude not in role):
            return m
    return None


_NOBODY = NguoiGhi(ho_ten="-")  # stands in while the problem found is reported


def chair(doc, att: Attendance, loaded, prefix, problems) -> ThanhVien | NguoiGhi:
    present, members = att.present_members, att.members
    if isinstance(doc.chu_toa, NguoiGhi):
        return doc.chu_toa
    if not members:
        if doc.chu_toa is None:
            problems.append(at(loaded, prefix + ("so_thanh_vien",), "không liệt kê thành viên nên cần ghi người chủ "
                               "trì: 'chu_toa: <họ tên>' (hoặc chu_toa: {ho_ten: ..., chuc_vu: ...})"))
            return _NOBODY
        return NguoiGhi(ho_ten=doc.chu_toa)
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


def secretary(doc, att: Attendance, loaded, prefix, problems) -> ThanhVien | NguoiGhi:
    present, members = att.present_members, att.members
    if isinstance(doc.thu_ky, NguoiGhi):
        return doc.thu_ky
    if not members:
        if doc.thu_ky is None:
            problems.append(at(loaded, prefix + ("so_thanh_vien",), "không liệt kê thành viên nên cần ghi thư ký: "
                               "'thu_ky: <họ tên>' (hoặc thu_ky: {ho_ten: ..., chuc_vu: ...})"))
            return _NOBODY
        return NguoiGhi(ho_ten=doc.thu_ky)
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
