"""Run the checker over the corpus and compare with expected.yaml: misses (a listed fault not
reported), false alarms (a finding whose rule the document is not expected to break), and
must_not rules reported. `python -m real_corpus.score` from tests/checker prints the table."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .cases import CASES
from .documents import make

EXPECTED = Path(__file__).with_name("expected.yaml")


@dataclass
class Score:
    findings: int = 0
    false_alarms: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    wrong_fix: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return len(self.false_alarms) / self.findings if self.findings else 0.0

    def report(self) -> str:
        lines = [f"{self.findings} phát hiện, {len(self.false_alarms)} báo nhầm ({self.rate:.1%}), "
                 f"{len(self.misses)} lỗi bị bỏ sót"]
        for title, items in (("báo nhầm", self.false_alarms), ("bỏ sót", self.misses),
                             ("không được báo", self.forbidden), ("gợi ý sai", self.wrong_fix)):
            lines += [f"  {title}: {item}" for item in items]
        return "\n".join(lines)


def score(check) -> Score:
    expected = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    assert set(expected) == set(CASES), set(expected) ^ set(CASES)
    out = Score()
    for name, options in CASES.items():
        want = expected[name]
        must = set(want.get("must") or [])
        findings = check(make(**options), name + ".docx")
        out.findings += len(findings)
        seen = {f.rule for f in findings}
        out.misses += [f"{name}: {rule}" for rule in sorted(must - seen)]
        out.false_alarms += [f"{name}: {f.line()}" for f in findings if f.rule not in must]
        out.forbidden += [f"{name}: {rule}" for rule in want.get("must_not") or [] if rule in seen]
        for rule, text in (want.get("expected") or {}).items():
            out.wrong_fix += [f"{name}: {f.line()}" for f in findings if f.rule == rule and f.expected != text]
    return out


if __name__ == "__main__":
    from tdkt_docs.checker import check_docx

    print(score(check_docx).report())
