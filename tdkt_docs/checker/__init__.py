"""An ND30 layout checker for any DOCX: ours, or one typed by hand in Word.

    from tdkt_docs.checker import check_docx, to_json
    findings = check_docx("van-ban.docx")          # or the bytes of a DOCX
    errors = [f for f in findings if f.severity == "error"]
"""
from .check import check_docx
from .findings import ERROR, UNEVALUABLE, WARNING, Finding, to_json
from .package import DocxError
from .rules import RULES, Rule

__all__ = ["check_docx", "to_json", "Finding", "DocxError", "RULES", "Rule", "ERROR", "WARNING", "UNEVALUABLE"]
