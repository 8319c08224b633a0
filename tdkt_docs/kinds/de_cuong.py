"""Đề cương báo cáo (an outline a kế hoạch sends out) and the báo cáo a unit writes from it.

An outline is headings only, numbered I., 1., a) by the program; its header leaves the reporting
unit ('ĐƠN VỊ...'), the number and the day for each unit to fill in. The báo cáo has the same
headings with content under them, laid out as Mẫu 1.4.
"""
from __future__ import annotations

from typing import Any

from tdkt_docs import vn

from tdkt_docs.kinds import normalise
from tdkt_docs.kinds.nominees import at
from tdkt_docs.errors import Problem
from tdkt_docs.kinds.rendering import Rendering
from tdkt_docs.input.loader import Loaded
from tdkt_docs.model import BaoCao, DeCuong, DeCuongKem, DeMuc, KeHoach, Muc
from tdkt_docs.kinds.to_trinh import kinh_gui_xml, recipients


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*")


def as_items(outline: list[Any]) -> list[Muc]:
    """The outline as body items: every line a heading, hints as italic paragraphs under it."""
    out = []
    for node in outline:
        if isinstance(node, str):
            out.append(Muc(tieu_de=node))
        else:
            hints = [f"*{_escape(line)}*" for line in node.goi_y]
            out.append(Muc(tieu_de=node.tieu_de, noi_dung=hints + as_items(node.noi_dung)))
    return out


def _too_deep(outline: list[Any], path: tuple, depth: int, loaded: Loaded | None) -> list[Problem]:
    problems = []
    for i, node in enumerate(outline):
        if depth >= normalise.MAX_DEPTH:
            problems.append(at(loaded, path + (i,), "đề cương chỉ có 3 cấp mục (I., 1., a)); hãy gộp mục này "
                               "vào mục trên"))
        elif isinstance(node, DeMuc):
            problems += _too_deep(node.noi_dung, path + (i, "noi_dung"), depth + 1, loaded)
    return problems


# How deep a heading is; a heading followed by one as deep or shallower has nothing under it.
DEPTH = {"muc": 0, "khoan_td": 1, "khoan": 1, "diem_td": 2, "diem": 2}


def _render(doc: DeCuongKem, loaded: Loaded | None, prefix: tuple, suffix: str = "") -> Rendering:
    normalise.raise_if(_too_deep(doc.noi_dung, prefix + ("noi_dung",), 0, loaded))
    numbering = normalise.Numbering(loaded)
    numbering.walk(as_items(doc.noi_dung), prefix + ("noi_dung",))
    normalise.raise_if(numbering.problems)
    # An outline is not a finished text: no './.' after its last heading (seed 004); that heading
    # still goes with Nơi nhận and the signature.
    blocks = numbering.blocks
    for block, after in zip(blocks, blocks[1:]):
        if DEPTH.get(block.kieu, 9) <= DEPTH.get(after.kieu, 9) < 9:
            normalise.free_from_next(block)
    if blocks:
        normalise.keep_with_signature(blocks[-1])
    context = normalise.header(doc, vn.TYPE_ABBR["bao_cao"])
    context["ky"]["ho_ten"] = doc.nguoi_ky.ho_ten or ""
    context["khoi"] = numbering.blocks
    n = doc.ngay
    return Rendering("de_cuong_bao_cao.docx", context, suffix=suffix,
                     title=f"Đề cương báo cáo - {doc.trich_yeu}"[:250],
                     date=f"{n.nam:04d}-{(n.thang or 1):02d}-{(n.ngay or 1):02d}",
                     creator=doc.co_quan.ten.replace("\n", " "))


def de_cuong(doc: DeCuong, loaded: Loaded | None) -> list[Rendering]:
    return [_render(doc, loaded, ())]


def de_cuong_kem(plan: KeHoach, loaded: Loaded | None) -> Rendering:
    """The outline sent with a kế hoạch: written beside it as '<tên>.de-cuong.docx'."""
    outline = plan.de_cuong
    filled = outline.model_copy(update={"dia_danh": outline.dia_danh or plan.dia_danh,
                                        "ngay": outline.ngay or plan.ngay})
    return _render(filled, loaded, ("de_cuong",), suffix=".de-cuong")


def bao_cao(doc: BaoCao, loaded: Loaded | None) -> list[Rendering]:
    blocks = normalise.content_blocks(doc, loaded)
    context = normalise.header(doc, vn.TYPE_ABBR["bao_cao"])
    context["ky"]["ho_ten"] = doc.nguoi_ky.ho_ten or ""
    context["khoi"] = blocks
    to = recipients(doc)
    context["kinh_gui"] = kinh_gui_xml(to)
    if to:
        context["noi_nhan"] = vn.noi_nhan_nhu_tren(doc.noi_nhan, to)
    n = doc.ngay
    return [Rendering("bao_cao.docx", context, title=f"Báo cáo - {doc.trich_yeu}"[:250],
                      date=f"{n.nam:04d}-{(n.thang or 1):02d}-{(n.ngay or 1):02d}",
                      creator=doc.co_quan.ten.replace("\n", " "))]
