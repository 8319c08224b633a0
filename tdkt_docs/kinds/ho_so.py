"""The award dossier (hồ sơ): one description of a council meeting and its nominees writes the
biên bản and the tờ trình. The tờ trình proposes exactly the nominees whose vote passed, with the
very names typed in the list, so the two documents cannot disagree."""
from __future__ import annotations

from tdkt_docs.kinds import bien_ban

from tdkt_docs.kinds import to_trinh
from tdkt_docs.kinds.nominees import at, cap_warnings, caps_of, nominees, totals
from tdkt_docs.errors import InputError
from tdkt_docs.kinds.rendering import Rendering
from tdkt_docs.input.loader import Loaded
from tdkt_docs.model import BienBan, HoSo, ToTrinh


def ho_so(doc: HoSo, loaded: Loaded | None) -> list[Rendering]:
    minutes, outcome = bien_ban.build(doc.bien_ban, doc.de_nghi, loaded, prefix=("bien_ban",), also="tờ trình")
    passed_totals = outcome.passed_totals
    listed = {id(n) for n in outcome.passed} | {id(n) for t in passed_totals for n in t.named}
    # The names in the order the clerk typed them, whether voted one by one or under a total.
    passed = [n for n in outcome.named if id(n) in listed]
    if not passed and not passed_totals:
        raise InputError(at(loaded, ("de_nghi",), "không trường hợp nào đạt tỷ lệ phiếu đồng ý theo quy chế, nên "
                            "không có ai để đề nghị trong tờ trình; hãy kiểm tra lại số phiếu 'dong_y'"))
    met = doc.bien_ban.bat_dau.ngay if doc.bien_ban.bat_dau is not None else None
    signed = doc.to_trinh.ngay.full
    if signed is not None and met is not None and signed < met:
        raise InputError(at(loaded, ("to_trinh", "ngay"),
                            f"tờ trình ký ngày {signed:%d/%m/%Y}, trước cuộc họp Hội đồng ngày {met:%d/%m/%Y}; "
                            "tờ trình phải ký cùng ngày hoặc sau cuộc họp"))
    submission = to_trinh.build(doc.to_trinh, passed, loaded, prefix=("to_trinh",), given=passed_totals)
    minutes.suffix = ".bien-ban"
    submission.suffix = ".to-trinh"
    return [minutes, submission]


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
