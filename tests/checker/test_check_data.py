"""Every document the pipeline makes from data/ checks clean (an error there is a template bug)."""
from __future__ import annotations

import pytest

from checker_corpus import ROOT
from tdkt_docs.checker import check_docx
from tdkt_docs.build import collect
from tdkt_docs.build.stages import prepare, render_all

JOBS = collect([ROOT / "data"])
# Real ND30 defects that example data may carry as typed in an original document (none today: seed
# 001's "- Lưu: VP-UBND." without VT is refused by validation and corrected in its YAML).
KNOWN_DATA_DEFECTS: dict[str, set[str]] = {}


def test_there_is_data_to_check():
    assert JOBS


@pytest.mark.parametrize("job", JOBS, ids=[j.stem for j in JOBS])
def test_generated_document_has_no_error(job):
    _, _, renderings, _ = prepare(job.source)
    for rendering, (suffix, document) in zip(renderings, render_all(renderings)):
        if not rendering.nd30:
            continue  # a certificate (giấy khen) is not an ND30 document; tests/test_giay_khen.py checks it
        errors = [f for f in check_docx(document) if f.severity == "error"]
        expected = KNOWN_DATA_DEFECTS.get(job.stem + suffix, set())
        assert {f.rule for f in errors} == expected, [f.line(job.stem + suffix) for f in errors]


