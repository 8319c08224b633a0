"""check_docx: read a DOCX and report where it departs from Nghị định 30/2020 layout rules."""
from __future__ import annotations

from pathlib import Path

from .findings import Finding
from .layout import Layout
from .locate import locate
from .model import Document
from .reader import read_document
from .package import Package
from .rules import Report
from .rules import body, decision, fonts, header, page, page_number, placement, recipients, sequence, signature, title


def analyse(source: bytes | str | Path | Package, name: str | None = None) -> tuple[Document, Layout]:
    doc = read_document(source if isinstance(source, Package) else Package(source, name))
    return doc, locate(doc)


# A certificate is printed on its own form (Luật Thi đua, khen thưởng and the awarding body's rules),
# not laid out as an administrative document: ND30's rules do not apply to it.
_CERTIFICATES = ("GIẤY KHEN", "BẰNG KHEN", "GIẤY CHỨNG NHẬN", "BẰNG CHỨNG NHẬN")


def not_nd30(doc: Document) -> str | None:
    """Why the document is not one ND30 lays out (a Giấy khen), or None."""
    lines = [p.stripped for p in doc.paras if p.stripped]
    if any(line.startswith("Số:") for line in lines):
        return None
    found = next((line for line in lines if line in _CERTIFICATES), None)
    if found is None:
        return None
    return (f"đây là {found[:1] + found[1:].lower()} in theo mẫu riêng, không phải văn bản hành chính "
            "theo Nghị định 30/2020/NĐ-CP, nên không kiểm tra thể thức")


def check_docx(source: bytes | str | Path | Package, name: str | None = None) -> list[Finding]:
    """Findings for one DOCX (a path, its bytes, or a Package already open), in document order.

    Raises DocxError (a TdktError) with a Vietnamese message when the file is not a readable DOCX.
    """
    return findings_of(*analyse(source, name))


def findings_of(doc: Document, lay: Layout) -> list[Finding]:
    """Every rule run on a document already read, in document order."""
    rep = Report()
    page.check(doc, lay, rep)
    fonts.check(doc, rep)
    page_number.check(doc, rep)
    header.check(lay, rep)
    placement.check(doc, lay, rep)
    title.check(lay, rep)
    body.check(doc, lay, rep)
    sequence.check(lay, rep)
    recipients.check(lay, rep)
    signature.check(lay, rep)
    decision.check(lay, rep)
    return rep.done()
