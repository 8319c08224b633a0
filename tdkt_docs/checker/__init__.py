"""An ND30 layout checker for any DOCX: ours, or one typed by hand in Word.

    from tdkt_docs.checker import check_docx, to_json
    findings = check_docx("van-ban.docx")          # or the bytes of a DOCX
    errors = [f for f in findings if f.severity == "error"]

The names are loaded on first use, so that registering `tdkt check` costs the CLI nothing at start.
"""
from __future__ import annotations

import importlib

_WHERE = {
    "check_docx": "check", "Finding": "findings", "to_json": "findings", "as_problems": "findings",
    "ERROR": "findings", "WARNING": "findings", "UNEVALUABLE": "findings", "DocxError": "package",
    "RULES": "rules", "Rule": "rules",
}
__all__ = list(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
