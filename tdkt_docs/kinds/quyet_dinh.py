"""Quyết định khen thưởng (ND30 Mẫu 1.2, its list per Mẫu 2.1).

Điều 1 names the awardees and counts them, Điều 2 gives the reward computed from the rules
(kinds/tien_thuong.py), the last article says who carries it out, and Nơi nhận begins with
'- Như Điều 3;' (the number of that article): all computed from the one list of awardees.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from tdkt_docs import title_lines, vn
from tdkt_docs.errors import InputError
from tdkt_docs.input.loader import Loaded
from tdkt_docs.kinds import normalise, tien_thuong
from tdkt_docs.kinds.markup import plain, runs
from tdkt_docs.kinds.nominees import GROUPS, NOUN, Nominee, Total, at, awards, groups_present, request, sections, verb
from tdkt_docs.kinds.rendering import Rendering
from tdkt_docs.kinds.tables import grouped
from tdkt_docs.model import QuyetDinhPhan
from tdkt_docs.typography import rule_under
from tdkt_docs.vn_numbers import tien

TEXT_WIDTH_CM = 16.5
INLINE_AT_MOST = 3  # more awardees than this: the list goes to an annexed page


@dataclass
class Decision:
    """The decision made, and what its certificates print."""

    rendering: Rendering
    awardees: list[Nominee]
    number: str
    date: str  # "ngày 15 tháng 01 năm 2026"
    authority: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TAM ĐƯỜNG"
    doc: QuyetDinhPhan


_PLACES = re.compile(r"\b(xã|phường|thị trấn|đặc khu|tỉnh|thành phố|huyện|quận|thị xã)\b")


def in_sentence(name: str) -> str:
    """'ỦY BAN NHÂN DÂN XÃ TAM ĐƯỜNG' → 'Ủy ban nhân dân xã Tam Đường': the words after the
    administrative unit are its proper name."""
    low = " ".join(name.split()).lower()
    for body in ("ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân"):
        low = low.replace(body, body[:1].upper() + body[1:])
    m = _PLACES.search(low)
    if m is None:
        return low[:1].upper() + low[1:]
    head, tail = low[:m.end()], low[m.end():]
    return head[:1].upper() + head[1:] + " ".join(w[:1].upper() + w[1:] for w in tail.split(" "))


def authority(doc: QuyetDinhPhan) -> str:
    """Mẫu 1.2 ô 6: the office of the person who decides, or the collective body's name."""
    if doc.tham_quyen:
        return vn.upper(doc.tham_quyen)
    issuer = vn.upper(" ".join(doc.co_quan.ten.split()))
    lines = doc.nguoi_ky.quyen_han_lines
    if lines and lines[0].upper().startswith("TM."):
        return issuer
    office = lines[0][3:].strip() if lines and lines[0].upper().startswith("KT.") else doc.nguoi_ky.chuc_vu
    return f"{vn.upper(office)} {issuer}"


def check_named(given: list[Total], loaded: Loaded | None) -> None:
    """A decision names every awardee: a total with fewer names than its number cannot be decided."""
    problems = []
    for t in given:
        for key, count in t.counts.items():
            named = sum(n.group == key for n in t.named)
            if named < count:
                problems.append(at(loaded, t.path + (key,), (
                    f"{t.hinh_thuc}: quyết định khen thưởng phải ghi tên từng {NOUN[key]}, nhưng ở đây ghi {key}: "
                    f"{count} mà chỉ có tên {vn.dem(named, NOUN[key])}; hãy liệt kê đủ tên trong '{key}' (với "
                    f"'hinh_thuc: {t.hinh_thuc}')" + (", hoặc ghi quyet_dinh: false để chưa làm quyết định"
                                                      if t.path[0] == "de_nghi" else ""))))
    normalise.raise_if(problems)


def build(doc: QuyetDinhPhan, items: list[Nominee], given: list[Total], loaded: Loaded | None, prefix: tuple,
          theo_de_nghi: str, extra_can_cu: list[str] = ()) -> Decision:
    if not items:
        raise InputError(at(loaded, prefix, "không có tập thể, cá nhân nào được khen thưởng nên không làm quyết "
                            "định; hãy kiểm tra danh sách và số phiếu đồng ý"))
    check_named(given, loaded)
    rules = tien_thuong.merged(doc.tien_thuong) if doc.tien_thuong is not False else None
    lines = _reward_lines(doc, items, loaded, prefix)
    annex = doc.danh_sach_kem_theo if doc.danh_sach_kem_theo is not None else len(items) > INLINE_AT_MOST
    trich_yeu = doc.trich_yeu or f"Về việc {verb(doc.cach)} {vn.liet_ke([vn.danh_hieu(a) for a in awards(items)])}"
    shown = doc.model_copy(update={"trich_yeu": trich_yeu})
    numbering = normalise.Numbering(loaded)
    numbering.paragraph("tham_quyen", authority(doc))
    can_cu = list(doc.can_cu) or (rules or tien_thuong.defaults()).can_cu + list(extra_can_cu)
    # "Theo đề nghị của ..." closes the preamble: the căn cứ before it end with ';', it with '.'.
    numbering.can_cu(can_cu + [theo_de_nghi])
    numbering.paragraph("quyet", "QUYẾT ĐỊNH:")
    _article_one(numbering, doc, items, annex)
    last = 2
    if lines:
        _article(numbering, 2, tien_thuong.sentence(lines, vn.danh_hieu, doc.tien_thuong.nguon_chi))
        last = 3
    who = vn.liet_ke(list(doc.thi_hanh) + [f"các {', '.join(groups_present(items))} có tên tại Điều 1"])
    _article(numbering, last, f"Quyết định này có hiệu lực kể từ ngày ký. {who} chịu trách nhiệm thi hành "
                              "Quyết định này.")
    normalise.close_content(numbering.blocks)

    context = normalise.header(shown, "QĐ")
    context["khoi"] = numbering.blocks
    context["noi_nhan"] = vn.noi_nhan_lines([f"Như Điều {last}"] + [
        n for n in doc.noi_nhan if not re.fullmatch(r"\s*-?\s*như điều \d+\s*[;.]?\s*", n, re.IGNORECASE)])
    number = vn.so_ky_hieu(doc.so, "QĐ", doc.co_quan.viet_tat)
    date = vn.ngay_thang_nam(doc.ngay.ngay, doc.ngay.thang, doc.ngay.nam)
    issuer = doc.chu_the or in_sentence(authority(doc))
    context["phu_luc"] = _annex(items, lines, number, date, issuer, doc.cach) if annex else None
    rendering = Rendering("quyet_dinh.docx", context, title=f"Quyết định - {trich_yeu}"[:250],
                          date=f"{doc.ngay.nam:04d}-{(doc.ngay.thang or 1):02d}-{(doc.ngay.ngay or 1):02d}",
                          creator=doc.co_quan.ten.replace("\n", " "))
    return Decision(rendering, items, number, date, authority(doc), doc)


def _reward_lines(doc: QuyetDinhPhan, items: list[Nominee], loaded: Loaded | None,
                  prefix: tuple) -> list[tien_thuong.Line]:
    if doc.tien_thuong is False:
        return []
    counts = [(award, key, n) for award in awards(items) for key, _, _ in GROUPS
              if (n := sum(x.hinh_thuc == award and x.group == key for x in items))]
    return tien_thuong.compute(counts, doc.tien_thuong, loaded, prefix)


def _article(numbering: normalise.Numbering, n: int, text: str, kieu: str = "doan") -> None:
    label = f"Điều {n}."
    numbering.blocks.append(normalise.Block(kieu, runs(label, bold=True) + runs(" " + text, markup=False),
                                            text=f"{label} {plain(text)}"))


def _article_one(numbering: normalise.Numbering, doc: QuyetDinhPhan, items: list[Nominee], annex: bool) -> None:
    ask = request(items, [], doc.cach, notes=False)
    ask = ask[:1].upper() + ask[1:]
    achievement = doc.thanh_tich.rstrip(" .;,")
    if annex:
        _article(numbering, 1, f"{ask} {achievement} (có danh sách kèm theo).")
        return
    _article(numbering, 1, f"{ask} {achievement}, gồm:", kieu="dan")
    several = len(awards(items)) > 1
    for i, n in enumerate(items):
        text = n.ten + (f", {n.chuc_vu_don_vi}" if n.chuc_vu_don_vi else "") + (f" ({n.hinh_thuc})" if several else "")
        numbering.blocks.append(normalise.Block("gach", runs(f"- {text}" + (";" if i < len(items) - 1 else "."),
                                                             markup=False), text=f"- {text}"))


def _annex(items: list[Nominee], lines: list[tien_thuong.Line], number: str, date: str, issuer: str,
           cach: str) -> dict:
    who = vn.liet_ke(groups_present(items))
    title = title_lines.balance(f"{who[:1].upper()}{who[1:]} được {verb(cach)} "
                                f"{vn.liet_ke([vn.danh_hieu(a) for a in awards(items)])}")
    return {
        "tieu_de": "DANH SÁCH",
        "trich_yeu": runs(title, markup=False),
        "ke": rule_under(title.split("\n"), size_pt=14, bold=True, column_cm=TEXT_WIDTH_CM),
        "kem_theo": title_lines.balance(f"(Kèm theo Quyết định số {number} {date} của {issuer})", bold=False),
        "bang": award_table(items, lines),
    }


def award_table(items: list[Nominee], lines: list[tien_thuong.Line]) -> Markup:
    """The awardees by group, with each one's reward and the total when there is one."""
    each = {(line.award, line.group): line.each for line in lines}
    several = len(awards(items)) > 1
    headers = ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị"] + (["Hình thức khen thưởng"] if several else [])

    def row(n: Nominee) -> list[str]:
        cells = [n.ten, n.chuc_vu_don_vi or ""] + ([n.hinh_thuc] if several else [])
        return cells + ([tien(each[n.hinh_thuc, n.group])] if lines else [])
    parts = sections(items, row)
    if not lines:
        return grouped(headers, parts)
    headers.append("Tiền thưởng (đồng)")
    parts.append(("", f"Tổng cộng: {tien(sum(line.subtotal for line in lines))} đồng", []))
    # Fitted to their text, the amounts would take the room the names need.
    widths = [1.2, 4.8, 4.4, 3.6, 2.5] if several else [1.2, 6.3, 6.3, 2.7]
    return grouped(headers, parts, widths_cm=widths, centred=(0, len(headers) - 1))

