"""The award dossier (hồ sơ): one description of a council meeting and its nominees writes the
biên bản and the tờ trình. The tờ trình proposes exactly the nominees whose vote passed, with the
very names typed in the list, so the two documents cannot disagree."""
from __future__ import annotations

from tdkt_docs.kinds import bien_ban

from tdkt_docs import vn
from tdkt_docs.kinds import giay_khen, quyet_dinh, to_trinh
from tdkt_docs.kinds.nominees import at, cap_warnings, caps_of, nominees, totals
from tdkt_docs.errors import InputError
from tdkt_docs.kinds.rendering import Rendering
from tdkt_docs.input.loader import Loaded
from tdkt_docs.model import BienBan, HoSo, QuyetDinh, ToTrinh


def ho_so(doc: HoSo, loaded: Loaded | None) -> list[Rendering]:
    minutes, outcome = bien_ban.build(doc.bien_ban, doc.de_nghi, loaded, prefix=("bien_ban",), also="tờ trình")
    passed_totals = outcome.passed_totals
    listed = {id(n) for n in outcome.passed} | {id(n) for t in passed_totals for n in t.named}
    # The names in the order the clerk typed them, whether voted one by one or under a total.
    passed = [n for n in outcome.named if id(n) in listed]
    if not passed and not passed_totals:
        also = " và quyết định khen thưởng" if doc.quyet_dinh else ""
        raise InputError(at(loaded, ("de_nghi",), "không trường hợp nào đạt tỷ lệ phiếu đồng ý theo quy chế, nên "
                            f"không có ai để đề nghị trong tờ trình{also}; hãy kiểm tra lại số phiếu 'dong_y'"))
    met = doc.bien_ban.bat_dau.ngay if doc.bien_ban.bat_dau is not None else None
    signed = doc.to_trinh.ngay.full
    if signed is not None and met is not None and signed < met:
        raise InputError(at(loaded, ("to_trinh", "ngay"),
                            f"tờ trình ký ngày {signed:%d/%m/%Y}, trước cuộc họp Hội đồng ngày {met:%d/%m/%Y}; "
                            "tờ trình phải ký cùng ngày hoặc sau cuộc họp"))
    submission = to_trinh.build(doc.to_trinh, passed, loaded, prefix=("to_trinh",), given=passed_totals)
    minutes.suffix = ".bien-ban"
    submission.suffix = ".to-trinh"
    if not doc.quyet_dinh:
        return [minutes, submission]
    return [minutes, submission] + decision_of(doc, passed, passed_totals, loaded)


def decision_of(doc: HoSo, passed: list, passed_totals: list, loaded: Loaded | None) -> list[Rendering]:
    """The decision on exactly the nominees the tờ trình proposes, and their certificates."""
    tt, qd = doc.to_trinh, doc.quyet_dinh
    asked_on, decided_on = tt.ngay.full, qd.ngay.full
    if asked_on is not None and decided_on is not None and decided_on < asked_on:
        raise InputError(at(loaded, ("quyet_dinh", "ngay"),
                            f"quyết định ký ngày {decided_on:%d/%m/%Y}, trước tờ trình đề nghị ngày "
                            f"{asked_on:%d/%m/%Y}; quyết định phải ký cùng ngày hoặc sau tờ trình"))
    number = vn.so_ky_hieu(tt.so, vn.TYPE_ABBR["to_trinh"], tt.co_quan.viet_tat)
    asked = qd.theo_de_nghi or (f"Theo đề nghị của {tt.chu_the} tại Tờ trình số {number} "
                                f"{vn.ngay_thang_nam(tt.ngay.ngay, tt.ngay.thang, tt.ngay.nam)}")
    met = doc.bien_ban.bat_dau.ngay if doc.bien_ban.bat_dau is not None else None
    minutes = [f"Căn cứ Biên bản họp {doc.bien_ban.hoi_dong} {vn.ngay_thang_nam(met.day, met.month, met.year)};"] \
        if met else []
    made = quyet_dinh.build(qd, passed, passed_totals, loaded, ("quyet_dinh",), asked, minutes)
    made.rendering.suffix = ".quyet-dinh"
    if doc.giay_khen is False:
        return [made.rendering]
    return [made.rendering, giay_khen.build(made, doc.giay_khen, loaded)]


def bien_ban_rieng(doc: BienBan, loaded: Loaded | None) -> list[Rendering]:
    minutes, _ = bien_ban.build(doc, doc.de_nghi, loaded)
    return [minutes]


def to_trinh_rieng(doc: ToTrinh, loaded: Loaded | None) -> list[Rendering]:
    # A list begun and left empty is a mistake; a tờ trình without one says its request in cau_de_nghi.
    required = "de_nghi" in doc.model_fields_set and not doc.cau_de_nghi
    named = nominees(doc.de_nghi, loaded, ("de_nghi",), required=required)
    given, _ = totals(doc.de_nghi, named, loaded, ("de_nghi",))
    rendering = to_trinh.build(doc, named, loaded, given=given)
    covered = {id(n) for t in given for n in t.named}
    rendering.warnings = cap_warnings([n for n in named if id(n) not in covered], given,
                                      caps_of(doc.gioi_han), loaded, ("de_nghi",))
    return [rendering]


def quyet_dinh_rieng(doc: QuyetDinh, loaded: Loaded | None) -> list[Rendering]:
    """A decision without a dossier: the list is typed in `khen_thuong` (no votes)."""
    named = nominees(doc.khen_thuong, loaded, ("khen_thuong",))
    given, _ = totals(doc.khen_thuong, named, loaded, ("khen_thuong",))
    made = quyet_dinh.build(doc, named, given, loaded, ("khen_thuong",), doc.theo_de_nghi)
    if doc.giay_khen is False:
        return [made.rendering]
    return [made.rendering, giay_khen.build(made, doc.giay_khen, loaded)]
