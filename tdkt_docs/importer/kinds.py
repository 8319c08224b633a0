"""One mapping per kind: the located parts and the body lines into the fields of its YAML model.
Each takes (doc, lay, lines, notes) and returns the data, keys in the order a clerk reads them."""
from __future__ import annotations

from typing import Callable

from tdkt_docs.checker.layout import Layout
from tdkt_docs.checker.model import Document
from tdkt_docs.importer import header, structure
from tdkt_docs.importer.notes import Notes
from tdkt_docs.importer.read import Line

Mapper = Callable[[Document, Layout, list[Line], Notes], dict]


def common(lay: Layout, notes: Notes, kind: str) -> dict:
    """loai, co_quan, so, dia_danh, ngay, trich_yeu: the header every kind shares."""
    data: dict = {"loai": kind, "co_quan": header.co_quan(lay, notes)}
    number, _issuer = header.so_ky_hieu(lay)
    data["so"] = number
    place, when = header.dia_danh_ngay(lay, notes)
    if place is None:
        notes.warn(lay.header_end or 1, "", "không thấy địa danh trước ngày tháng; hãy ghi 'dia_danh'")
        place = "Địa danh"
    data["dia_danh"] = place
    if when is None:
        notes.warn(lay.header_end or 1, "", "không thấy ngày tháng năm ban hành; hãy ghi 'ngay'")
        when = str(_year_guess(lay))
    data["ngay"] = when
    trich = header.trich_yeu(lay)
    if trich is None:
        notes.warn(lay.ten_loai.para.index if lay.ten_loai else 1, "", "không thấy trích yếu dưới tên loại "
                   "văn bản; hãy ghi 'trich_yeu'")
        trich = "Trích yếu nội dung"
    data["trich_yeu"] = trich
    return data


def _year_guess(lay: Layout) -> int:
    """A document without its date: the year its trích yếu names ("... năm 2025"), else this year."""
    import re
    from datetime import date

    years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", " ".join(header.texts(lay.trich_yeu)))
    return int(years[-1]) if years else date.today().year


def closing(lay: Layout, notes: Notes, data: dict, kind: str) -> None:
    """noi_nhan and nguoi_ky, filled in where the document has them."""
    lines = header.noi_nhan(lay, notes)
    if not lines:
        notes.warn(lay.closing_start or 0, "", "không thấy 'Nơi nhận'; đã ghi 'Lưu: VT', hãy sửa 'noi_nhan'")
        lines = ["Lưu: VT"]
    data["noi_nhan"] = lines
    signer = header.nguoi_ky(lay.signature)
    if "chuc_vu" not in signer:
        if kind in ("de_cuong", "bao_cao"):
            return
        notes.warn(lay.closing_start or 0, "", "không thấy chức vụ người ký; hãy sửa 'nguoi_ky'")
        signer["chuc_vu"] = "CHỨC VỤ"
    if "ho_ten" not in signer and kind not in ("de_cuong", "bao_cao"):
        notes.warn(lay.closing_start or 0, "", "không thấy họ tên người ký; hãy sửa 'nguoi_ky.ho_ten'")
        signer["ho_ten"] = "Họ và tên"
    data["nguoi_ky"] = signer


def body(lines: list[Line], notes: Notes, data: dict, *, closing_key: str | None = "ket_thuc") -> None:
    """can_cu, mo_dau, noi_dung and ket_thuc from the body lines."""
    structure.strip_end_mark(lines)
    can_cu, mo_dau, rest = structure.split_opening(lines)
    rest, ket_thuc = structure.split_closing(rest) if closing_key else (rest, [])
    data["can_cu"] = can_cu
    data["mo_dau"] = mo_dau
    data["noi_dung"] = structure.content(rest, notes)
    if closing_key:
        data[closing_key] = ket_thuc


def ke_hoach(doc: Document, lay: Layout, lines: list[Line], notes: Notes) -> dict:
    data = common(lay, notes, "ke_hoach")
    body(lines, notes, data)
    if not data["noi_dung"]:
        _no_content(data, notes)
    closing(lay, notes, data, "ke_hoach")
    return data


def bao_cao(doc: Document, lay: Layout, lines: list[Line], notes: Notes) -> dict:
    data = common(lay, notes, "bao_cao")
    recipients = header.kinh_gui({p.index: p for p in doc.paras}, lay)
    if recipients:
        data["kinh_gui"] = recipients[0] if len(recipients) == 1 else recipients
    lines = [line for line in lines if line.index not in lay.kinh_gui]
    body(lines, notes, data)
    if not data["noi_dung"]:
        _no_content(data, notes)
    closing(lay, notes, data, "bao_cao")
    return data


def _no_content(data: dict, notes: Notes) -> None:
    """A body without any heading: its paragraphs are the content (noi_dung needs one item)."""
    paragraphs = data.pop("mo_dau") + data.pop("ket_thuc", [])
    data["mo_dau"], data["ket_thuc"] = [], []
    if not paragraphs:
        notes.warn(0, "", "văn bản không có nội dung; đã ghi một đoạn mẫu vào 'noi_dung'")
        paragraphs = ["Nội dung văn bản."]
    data["noi_dung"] = paragraphs


def de_cuong(doc: Document, lay: Layout, lines: list[Line], notes: Notes) -> dict:
    data = common(lay, notes, "de_cuong")
    data["co_quan"].setdefault("ten", "ĐƠN VỊ...")
    if not data["co_quan"].get("viet_tat"):
        data["co_quan"].pop("viet_tat")
    data["noi_dung"] = outline(lines, notes)
    data.pop("so")
    closing(lay, notes, data, "de_cuong")
    return data


def outline(lines: list[Line], notes: Notes) -> list:
    """Headings only, with the italic hints under them (goi_y)."""
    tree = structure.Tree(notes)
    orphans: list[str] = []
    for line in lines:
        if line.label in ("roman", "arabic", "multi", "letter"):
            line.bold = True  # every numbered line of an outline is a heading
            tree.numbered(line)
            if orphans:
                tree.stack[-1][1]["goi_y"] = orphans
                orphans = []
            continue
        text = _as_hint(line, notes)
        if tree.stack:
            tree.stack[-1][1].setdefault("goi_y", []).append(text)
        else:
            notes.warn(line.index, line.plain, "đoạn đứng trước mục đầu tiên của đề cương: đưa vào gợi ý "
                       "của mục đầu tiên")
            orphans.append(text)
    if not tree.root:
        notes.warn(0, "", "đề cương không có mục nào; đã ghi một mục mẫu")
        tree.root.append({"tieu_de": "Kết quả thực hiện", "goi_y": orphans} if orphans else "Kết quả thực hiện")
    return [_outline_node(node) for node in tree.root]


def _as_hint(line: Line, notes: Notes) -> str:
    if line.is_table:
        notes.warn(line.index, "", "đề cương không có bảng: các ô của bảng giữ thành dòng gợi ý")
        return "; ".join(" | ".join(row) for row in line.rows)
    text = line.plain
    if line.label in ("dash", "plus"):
        text = ("- " if line.label == "dash" else "+ ") + text
    if not line.italic:
        notes.warn(line.index, line.plain, "đoạn văn trong đề cương: in nghiêng như một dòng gợi ý")
    return text


def _outline_node(node) -> object:
    if isinstance(node, str):
        return node
    title = node.get("tieu_de") or node.get("van_ban")
    children = [_outline_node(n) for n in node.get("noi_dung", []) if not isinstance(n, str)]
    hints = node.get("goi_y", []) + [n for n in node.get("noi_dung", []) if isinstance(n, str)]
    if not children and not hints:
        return title
    out: dict = {"tieu_de": title}
    if hints:
        out["goi_y"] = hints
    if children:
        out["noi_dung"] = children
    return out


MAPPERS: dict[str, Mapper] = {"ke_hoach": ke_hoach, "bao_cao": bao_cao, "de_cuong": de_cuong}
