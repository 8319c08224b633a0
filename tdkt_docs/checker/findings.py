"""Findings: what the checker reports about one document, and how it is printed."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

ERROR, WARNING, UNEVALUABLE = "error", "warning", "unevaluable"
SEVERITIES = (ERROR, WARNING, UNEVALUABLE)
UNEVALUABLE_PREFIX = "không đánh giá được: "


@dataclass
class Finding:
    rule: str  # e.g. "ND30.PAGE.MARGIN_LEFT"
    ref: str  # where the decree says so, e.g. "PL I.I.3"
    severity: str  # "error" | "warning" | "unevaluable"
    paragraph: int | None  # 1-based, in reading order (table cells and empty paragraphs count)
    quote: str  # the start of that paragraph's text
    expected: str
    found: str
    message: str  # Vietnamese, for a clerk
    also: list[int] = field(default_factory=list)  # other paragraphs with the same finding

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self, file: str = "", mark_warning: bool = True) -> str:
        """`file: [RULE] (ref) đoạn N «quote…»: message — cần: expected; thấy: found`"""
        where = ""
        if self.paragraph is not None:
            where = f" đoạn {self.paragraph}"
            if self.quote:
                where += f" «{self.quote}»"
        elif self.quote:
            where = f" «{self.quote}»"
        prefix = "cảnh báo: " if self.severity == WARNING and mark_warning else ""
        text = f"[{self.rule}] ({self.ref}){where}: {prefix}{self.message}"
        details = []
        if self.expected:
            details.append(f"cần: {self.expected}")
        if self.found:
            details.append(f"thấy: {self.found}")
        if details:
            text += " — " + "; ".join(details)
        return f"{file}: {text}" if file else text


def to_json(findings: list[Finding], file: str | None = None, indent: int | None = 2) -> str:
    """The findings as a JSON list (each with 'file' when one is given)."""
    items = []
    for f in findings:
        item = f.to_dict()
        if file is not None:
            item = {"file": file, **item}
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=indent)


def count(findings: list[Finding], severity: str) -> int:
    return sum(1 for f in findings if f.severity == severity)


def as_problems(findings: list[Finding], file: str) -> list:
    """Findings as the project's Problems (errors.py), e.g. to raise LayoutError from the pipeline."""
    from tdkt_docs.errors import Problem

    return [Problem(file, f.line(mark_warning=False), severity="warning" if f.severity != ERROR else "error")
            for f in findings]
