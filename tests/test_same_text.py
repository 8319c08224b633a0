"""Every document that data/ builds keeps its words: the text of each DOCX (paragraphs, then table
cells row by row) equals the text recorded in tests/fixtures/data-text. A change that moves a word
shows here; a change meant to alter the text records it anew with TDKT_RECORD_TEXT=1."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from award_helpers import run
from helpers import ROOT, lines

RECORDED = ROOT / "tests" / "fixtures" / "data-text"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ra")
    code, text = run("build", ROOT / "data", "-o", out, "--tat-ca")
    assert code == 0, text
    return out


def documents() -> list[str]:
    return sorted(p.name[:-len(".txt")] for p in RECORDED.glob("*.txt"))


def test_data_builds_exactly_the_recorded_documents(built):
    made = sorted(p.relative_to(built).with_suffix("").as_posix().replace("/", "__") for p in built.rglob("*.docx"))
    if os.environ.get("TDKT_RECORD_TEXT"):
        RECORDED.mkdir(parents=True, exist_ok=True)
        for old in RECORDED.glob("*.txt"):
            old.unlink()
        for name in made:
            text = "".join(f"{line}\n".replace("\n", "\\n", line.count("\n")) for line in
                           lines(built / (name.replace("__", "/") + ".docx")))
            (RECORDED / f"{name}.txt").write_text(text, encoding="utf-8")
    assert made == documents()


@pytest.mark.parametrize("name", documents())
def test_each_document_keeps_its_text(built, name):
    # One paragraph a line; a line break inside a paragraph is recorded as \\n.
    expected = [line.replace("\\n", "\n") for line in
                (RECORDED / f"{name}.txt").read_text(encoding="utf-8").splitlines()]
    assert lines(built / (name.replace("__", "/") + ".docx")) == expected
