"""What a kind hands to the renderer: one DOCX to make, its template and its values."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass
class Rendering:
    """One DOCX to write: its template, the values to fill it with, and its file suffix."""

    template: str
    context: dict
    suffix: str = ""  # "" for the main document, e.g. ".de-cuong" for a companion
    title: str = ""
    date: str = "2000-01-01"
    creator: str = ""
    # What a văn thư would query though the document can be made (a share cap exceeded): Problems.
    warnings: list = field(default_factory=list)
    # False for what is not an ND30 document (a certificate): the ND30 checker does not judge it.
    nd30: bool = True


def iso_date(doc) -> str:
    """The document's date for the file's properties; a draft without a day takes the 1st."""
    n = doc.ngay
    return f"{n.nam:04d}-{(n.thang or 1):02d}-{(n.ngay or 1):02d}"
