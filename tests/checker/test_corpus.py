"""Documents typed the ways Word users type them (real_corpus/): the checker finds every listed
fault and at most 1 finding in 20 is a false alarm (issue 15)."""
from __future__ import annotations

from real_corpus.cases import CASES
from real_corpus.score import score
from tdkt_docs.checker import check_docx


def test_the_corpus_holds_at_least_30_documents():
    assert len(CASES) >= 30


def test_no_fault_is_missed_and_false_alarms_stay_under_5_percent():
    result = score(check_docx)
    assert result.findings > 0
    assert not result.misses, result.report()
    assert not result.forbidden, result.report()
    assert not result.wrong_fix, result.report()
    assert result.rate <= 0.05, result.report()
