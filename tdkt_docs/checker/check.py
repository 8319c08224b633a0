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
