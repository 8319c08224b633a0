"""Every document the pipeline makes from data/ checks clean (an error there is a template bug)."""
from __future__ import annotations

import pytest

from checker_corpus import ROOT
from tdkt_docs.checker import check_docx, to_json
from tdkt_docs.checker.package import Package
from tdkt_docs.pipeline import collect, prepare, render_all

JOBS = collect([ROOT / "data"])
# Real ND30 defects that example data may carry as typed in an original document (none today: seed
# 001's "- Lưu: VP-UBND." without VT is refused by validation and corrected in its YAML).
KNOWN_DATA_DEFECTS: dict[str, set[str]] = {}


def test_there_is_data_to_check():
    assert JOBS


@pytest.mark.parametrize("job", JOBS, ids=[j.stem for j in JOBS])
def test_generated_document_has_no_error(job):
    _, _, renderings, _ = prepare(job.source)
    for suffix, document in render_all(renderings):
        errors = [f for f in check_docx(document.data) if f.severity == "error"]
        expected = KNOWN_DATA_DEFECTS.get(job.stem + suffix, set())
        assert {f.rule for f in errors} == expected, [f.line(job.stem + suffix) for f in errors]


@pytest.mark.parametrize("job", JOBS, ids=[j.stem for j in JOBS])
def test_checking_in_memory_finds_what_checking_the_written_file_finds(job):
    """The build checks each document's parts before they are zipped (and shares the parsed parts
    of a template between documents): the findings must be those of the DOCX as written."""
    _, _, renderings, _ = prepare(job.source)
    for suffix, document in render_all(renderings):
        in_memory = check_docx(Package.from_parts(document.parts, "x.docx", document.trees, document.shared))
        written = check_docx(document.data, name="x.docx")
        assert to_json(in_memory) == to_json(written), job.stem + suffix
