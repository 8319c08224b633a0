"""Tờ trình đề nghị khen thưởng (ND30 Mẫu 1.4 with 'Kính gửi').

The request sentence, the counts in it, the list (in the body or as an annexed 'DANH SÁCH') and the
Nơi nhận beginning '- Như trên;' are all computed from the nominees, so they agree by construction.
"""
from __future__ import annotations

from markupsafe import Markup

from tdkt_docs import title_lines, vn

from tdkt_docs.kinds import normalise
from tdkt_docs.kinds.nominees import Nominee, Total, at, awards, groups_present, list_table, request, verb
from tdkt_docs.errors import InputError
from tdkt_docs.kinds.markup import runs
from tdkt_docs.kinds.rendering import Rendering
from tdkt_docs.typography import TWIPS_PER_CM, rule_under, text_width_cm
from tdkt_docs.input.loader import Loaded
from tdkt_docs.model import ToTrinhPhan

TEXT_WIDTH_CM = 16.5
KINH_GUI_PT = 14


def kinh_gui_xml(recipients: list[str]) -> Markup:
    """ô 9a: one recipient on the 'Kính gửi:' line, centred; several one per line, their dashes aligned
    under the colon, the block centred on the page as Mẫu 1.5 shows it."""
    if not recipients:
        return Markup("")
    lines = vn.kinh_gui_lines(recipients)
    if len(lines) == 1:
        return Markup('<w:p><w:pPr><w:pStyle w:val="TdktKinhGui"/><w:jc w:val="center"/></w:pPr>'
                      f'{runs(lines[0], markup=False)}</w:p>')
    label = text_width_cm("Kính gửi", KINH_GUI_PT, False)
    widest = max(text_width_cm(line, KINH_GUI_PT, False) for line in lines[1:])
    indent = TEXT_WIDTH_CM / 2 + label / 2 - widest / 2
    indent = max(label + 1.0, min(indent, TEXT_WIDTH_CM - 4.0))
    out = [f'<w:p><w:pPr><w:pStyle w:val="TdktKinhGui"/><w:ind w:left="{_tw(indent - label)}"/></w:pPr>'
           f'{runs(lines[0], markup=False)}</w:p>']
    for line in lines[1:]:
        out.append(f'<w:p><w:pPr><w:pStyle w:val="TdktKinhGui"/><w:spacing w:before="0"/>'
                   f'<w:ind w:left="{_tw(indent)}"/></w:pPr>{runs(line, markup=False)}</w:p>')
    return Markup("".join(out))


def _tw(cm: float) -> int:
    return int(round(cm * TWIPS_PER_CM))


def recipients(doc) -> list[str]:
    value = doc.kinh_gui
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def build(doc: ToTrinhPhan, items: list[Nominee], loaded: Loaded | None, prefix: tuple = (),
          given: list[Total] = ()) -> Rendering:
    """`items`: every nominee named (the list printed); `given`: the awards given as totals, each
    covering the nominees named for it, so that the request sentence counts every award once."""
    to = recipients(doc)
    if doc.tham_quyen is not None:
        authority = doc.tham_quyen
    elif len(to) == 1:
        authority = to[0]
    else:
        raise InputError(at(loaded, prefix + ("kinh_gui",),
                            "'kinh_gui' có nhiều nơi nhận; hãy thêm 'tham_quyen: ...' là người có thẩm quyền khen "
                            "thưởng trong câu đề nghị (ví dụ: Chủ tịch Ủy ban nhân dân tỉnh)"))
    if doc.cach_de_nghi == "trinh_cap_tren" and not doc.cap_tren and not doc.cau_de_nghi:
        raise InputError(at(loaded, prefix + ("cach_de_nghi",), "đề nghị cấp trên xét tặng: hãy thêm 'cap_tren: ...' "
                            "(ví dụ: Thủ tướng Chính phủ), hoặc tự viết câu trong 'cau_de_nghi'"))
    if not items and not given and not doc.cau_de_nghi:
        raise InputError(at(loaded, prefix + ("de_nghi",), "tờ trình chưa có danh sách đề nghị ('de_nghi') và chưa có "
                            "câu đề nghị tự viết; hãy thêm một trong hai, ví dụ cau_de_nghi: \"... kính đề nghị ... "
                            "xem xét, công nhận ...\""))
    annex = doc.danh_sach_kem_theo and bool(items)
    table = list_table(items) if items else None
    numbering = normalise.Numbering(loaded)
    numbering.can_cu(doc.can_cu)
    for line in doc.mo_dau:
        numbering.paragraph("doan", line)
    numbering.auto = _computed(numbering, doc, authority, items, given, annex, table)
    if normalise.places_computed(doc.noi_dung):
        numbering.walk(doc.noi_dung, prefix + ("noi_dung",))
    else:
        numbering.walk(doc.noi_dung, prefix + ("noi_dung",))
        for name in ("de_nghi", "danh_sach", "bao_cao_thanh_tich"):
            numbering.auto[name]()
    normalise.raise_if(numbering.problems)
    for line in doc.ket_thuc or [f"{doc.chu_the} kính trình {authority} xem xét, quyết định."]:
        numbering.paragraph("doan", line)
    normalise.close_content(numbering.blocks)

    context = normalise.header(doc, vn.TYPE_ABBR["to_trinh"])
    context["khoi"] = numbering.blocks
    context["kinh_gui"] = kinh_gui_xml(to)
    context["noi_nhan"] = vn.noi_nhan_nhu_tren(doc.noi_nhan, to)
    context["phu_luc"] = _annex(doc, items, table) if annex else None
    n = doc.ngay
    return Rendering("to_trinh.docx", context, title=f"Tờ trình - {doc.trich_yeu}"[:250],
                     date=f"{n.nam:04d}-{(n.thang or 1):02d}-{(n.ngay or 1):02d}",
                     creator=doc.co_quan.ten.replace("\n", " "))


def _computed(numbering: normalise.Numbering, doc: ToTrinhPhan, authority: str, items: list[Nominee],
              given: list[Total], annex: bool, table: Markup | None) -> dict:
    """The blocks the program writes, by the names a clerk places them with (`tu_dong:`)."""
    def de_nghi() -> None:
        if doc.cau_de_nghi:
            for line in doc.cau_de_nghi:
                numbering.paragraph("doan", line)
            return
        covered = {id(n) for t in given for n in t.named}
        single = [n for n in items if id(n) not in covered]
        ask = (f"{doc.chu_the} kính đề nghị {authority} xem xét, "
               # the list printed here or annexed is the one a total's "(có danh sách kèm theo)" meant
               f"{request(single, list(given), doc.cach_de_nghi, doc.cap_tren, notes=table is None)}")
        if table is None:
            numbering.paragraph("doan", ask + ".")
        else:
            numbering.paragraph("doan" if annex else "dan",
                                ask + (" (có danh sách kèm theo)." if annex else ", cụ thể như sau:"))

    def danh_sach() -> None:
        if table is not None and not annex:
            numbering.blocks.append(normalise.Block("bang", xml=table))

    def bao_cao() -> None:
        if doc.bao_cao_thanh_tich:
            numbering.paragraph("nghieng", "(Có báo cáo thành tích kèm theo)")

    return {"de_nghi": de_nghi, "danh_sach": danh_sach, "bao_cao_thanh_tich": bao_cao}


def _annex(doc: ToTrinhPhan, items: list[Nominee], table: Markup) -> dict:
    who = vn.liet_ke(groups_present(items))
    word = "xét tặng" if doc.cach_de_nghi == "trinh_cap_tren" else verb(doc.cach_de_nghi)
    title = title_lines.balance(
        f"{who[:1].upper()}{who[1:]} được đề nghị {word} {vn.liet_ke([vn.danh_hieu(a) for a in awards(items)])}")
    number = vn.so_ky_hieu(doc.so, vn.TYPE_ABBR["to_trinh"], doc.co_quan.viet_tat)
    when = vn.ngay_thang_nam(doc.ngay.ngay, doc.ngay.thang, doc.ngay.nam)
    return {
        "tieu_de": "DANH SÁCH",
        "trich_yeu": runs(title, markup=False),
        "ke": rule_under(title.split("\n"), size_pt=14, bold=True, column_cm=TEXT_WIDTH_CM),
        "kem_theo": title_lines.balance(f"(Kèm theo Tờ trình số {number} {when} của {doc.chu_the})", bold=False),
        "bang": table,
    }
