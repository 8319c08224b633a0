"""`tdkt nhap`: a DOCX (made by the program or typed in Word) read back into a YAML of its kind.

    from tdkt_docs.importer import import_docx
    result = import_docx(Path("ke-hoach-2025.docx"))   # result.text: the YAML, result.notes: warnings

read.py turns the checker's reading of the document into lines with their labels and marks,
structure.py nests them, kinds.py and awards.py map them per kind, emit.py writes the YAML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tdkt_docs.errors import InputError, Problem
from tdkt_docs.importer.notes import Note, Notes


@dataclass
class Imported:
    kind: str
    data: dict
    text: str
    notes: list[Note] = field(default_factory=list)


def mappers() -> dict:
    from tdkt_docs.importer.awards import MAPPERS as AWARDS
    from tdkt_docs.importer.kinds import MAPPERS

    return {**MAPPERS, **AWARDS}


def import_docx(source: Path | bytes, name: str | None = None) -> Imported:
    """Raises DocxError for a file that is not a readable DOCX, InputError for one whose kind cannot be told."""
    from tdkt_docs.checker.check import analyse
    from tdkt_docs.importer.emit import emit
    from tdkt_docs.importer.read import body_lines

    shown = name or (Path(source).name if not isinstance(source, bytes) else "văn bản")
    doc, lay = analyse(source, shown)
    mapper = mappers().get(lay.kind or "")
    if mapper is None:
        raise InputError(Problem(shown, _unknown(lay.type_name)))
    notes = Notes()
    data = mapper(doc, lay, body_lines(doc, lay), notes)
    _keep_leftovers(doc, lay, data, notes)
    return Imported(lay.kind, data, emit(data, shown, notes.items), notes.items)


def _keep_leftovers(doc, lay, data: dict, notes: Notes) -> None:
    """Text after the signature or in text boxes: kept at the end of the content, and named."""
    from tdkt_docs.importer.read import leftovers
    from tdkt_docs.importer.structure import content

    if data.get("danh_sach_kem_theo"):
        return  # the pages after a tờ trình's signature are its list, which the program writes again
    lines = leftovers(doc, lay)
    if not lines:
        return
    first = lines[0]
    if data["loai"] == "de_cuong":
        notes.warn(first.index, first.plain, f"{len(lines)} đoạn sau phần chữ ký hoặc trong khung chữ không "
                   "có chỗ trong đề cương: chưa đưa vào tệp YAML, hãy chép tay nếu cần")
        return
    notes.warn(first.index, first.plain, f"{len(lines)} đoạn sau phần chữ ký hoặc trong khung chữ (text box): "
               "đã chuyển vào cuối 'noi_dung', hãy xem lại chỗ đặt")
    data["noi_dung"] = list(data.get("noi_dung") or []) + content(lines, notes)


def _unknown(type_name: str | None) -> str:
    kinds = "KẾ HOẠCH, ĐỀ CƯƠNG BÁO CÁO, BÁO CÁO, TỜ TRÌNH hoặc BIÊN BẢN"
    if type_name:
        return (f"đây là văn bản loại «{type_name}», chương trình chỉ nhập được {kinds}; "
                "hãy chọn văn bản thuộc một trong các loại đó")
    return (f"không nhận ra đây là văn bản loại nào: không thấy dòng tên loại ({kinds}) đứng riêng một dòng, "
            "in hoa, dưới phần Quốc hiệu và số, ký hiệu; hãy kiểm tra đây có đúng là văn bản hành chính không")
