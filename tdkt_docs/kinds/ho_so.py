"""The award dossier (hồ sơ): one description of a council meeting and its nominees writes the
biên bản and the tờ trình. The tờ trình proposes exactly the nominees whose vote passed, with the
very names typed in the list, so the two documents cannot disagree."""
from __future__ import annotations

from tdkt_docs.kinds import bien_ban

from tdkt_docs.kinds import to_trinh
from tdkt_docs.kinds.nominees import at, nominees
from tdkt_docs.errors import InputError
from tdkt_docs.kinds.rendering import Rendering
from tdkt_docs.input.loader import Loaded
from tdkt_docs.model import BienBan, HoSo, ToTrinh


def ho_so(doc: HoSo, loaded: Loaded | None) -> list[Rendering]:
    minutes, voted = bien_ban.build(doc.bien_ban, doc.de_nghi, loaded, prefix=("bien_ban",), also="tờ trình")
    passed = [n for n in voted if n.vote.passed]
    if not passed:
        raise InputError(at(loaded, ("de_nghi",), "không trường hợp nào đạt tỷ lệ phiếu đồng ý theo quy chế, nên "
                            "không có ai để đề nghị trong tờ trình; hãy kiểm tra lại số phiếu 'dong_y'"))
    met = doc.bien_ban.bat_dau.ngay
    signed = doc.to_trinh.ngay.full
    if signed is not None and met is not None and signed < met:
        raise InputError(at(loaded, ("to_trinh", "ngay"),
                            f"tờ trình ký ngày {signed:%d/%m/%Y}, trước cuộc họp Hội đồng ngày {met:%d/%m/%Y}; "
                            "tờ trình phải ký cùng ngày hoặc sau cuộc họp"))
    submission = to_trinh.build(doc.to_trinh, passed, loaded, prefix=("to_trinh",))
    minutes.suffix = ".bien-ban"
    submission.suffix = ".to-trinh"
    return [minutes, submission]


def bien_ban_rieng(doc: BienBan, loaded: Loaded | None) -> list[Rendering]:
    minutes, _ = bien_ban.build(doc, doc.de_nghi, loaded)
    return [minutes]


def to_trinh_rieng(doc: ToTrinh, loaded: Loaded | None) -> list[Rendering]:
    return [to_trinh.build(doc, nominees(doc.de_nghi, loaded, ("de_nghi",)), loaded)]
