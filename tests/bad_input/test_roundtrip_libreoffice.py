"""Every generated document opened by a real reader: LibreOffice converts the whole batch to text in
one headless run, python-docx reads the same files, and both must show what the YAML said.

Comparison after the documented normalisation: the YAML's text values as the pipeline cleaned them
(tdkt_docs/sanitize.py) and filled in its variables (tdkt_docs/bien.py), that is the validated
document, markup removed (tdkt_docs/inline.py), then for both sides: case folded
(headings are printed in capitals), runs of white space made one space; list punctuation the
pipeline adds (a leading '- ', a trailing ';' '.' ',' ':' or './.') is not part of the comparison.
Values that are codes, or only digits and signs (loai: ke_hoach, ngay: 2026-01-05, so: 5, a voting
rule 7/10) are printed in another form or not at all, and are checked by the layout tests instead.

Without LibreOffice the test is skipped, unless TDKT_REQUIRE_LIBREOFFICE=1 (set by .ci/run), where
a missing LibreOffice is a failure.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from badinput import ROOT, VALID, docx_text
from tdkt_docs import build as pipeline
from tdkt_docs.build import stages
from tdkt_docs.kinds.markup import plain
from tdkt_docs.input.loader import dotted

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("TDKT_REQUIRE_LIBREOFFICE") == "1"

# Documents that exercise what naive writers get wrong, next to every real one in data/.
CORPUS = {
    "ky-tu-dac-biet": VALID.replace("      - Đoạn một.", "\n".join([
        '      - "A & B <c> \\"trích\\" \'đơn\' &amp; ]]> {{ 7*7 }} {% if x %} {# y #}"',
        '      - "Dòng một\\nDòng hai\\tcột — “ngoặc” … 🏅 №5 ½"',
        '      - "' + unicodedata.normalize("NFD", "Tiếng Việt gõ dạng tổ hợp: Nguyễn Thị Hường") + '"',
        '      - "Ký tự điều khiển\x0bdán từ Word\x01 bị bỏ"',
        "      - **Đậm** và *nghiêng* ở giữa câu, dấu \\\\* giữ nguyên".replace("- **", '- "**') + '"',
    ])).replace("ho_ten: Nguyễn Văn An", 'ho_ten: "Nguyễn\\tVăn\\nAn"'),
    "doan-rat-dai": VALID.replace("Đoạn một.", " ".join(f"câu{i}" for i in range(6000))),
    "bang": VALID.replace("noi_nhan:", """\
  - tieu_de: Bảng
    noi_dung:
      - bang:
          so_thu_tu: true
          cot: [TT, "Nội dung & <ghi chú>", Số tiền]
          dong:
            - ["Việc \\"một\\"", 1.000]
            - ["{{ hai }}", "7:30"]
noi_nhan:""", 1),
}


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _expected(value: str) -> str:
    text = _norm(plain(value))
    text = re.sub(r"^(- )+", "", text)
    return re.sub(r"[\s;.,:/]+$", "", text)


def _is_code(value: str) -> bool:
    return bool(re.fullmatch(r"[a-z_]+|[\d\s.,:/%-]+", value.strip()))


# Texts a document prints for some entries only, by the rules of its kind: a nominee the vote turned
# down is named among those not proposed, without a position and unit.
NOT_ALWAYS_PRINTED = [re.compile(r"de_nghi\.\w+\[\d+\]\.chuc_vu_don_vi"),
                      # the paper size of the certificates is their page's size, not a text on it
                      re.compile(r"giay_khen\.kho_giay")]


def _leaves(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, path + (key,))


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """{yaml source: (cleaned data, python-docx text, LibreOffice text)} for every document built."""
    if not SOFFICE:
        if REQUIRED:
            pytest.fail("TDKT_REQUIRE_LIBREOFFICE=1 but LibreOffice (soffice) is not installed")
        pytest.skip("LibreOffice (soffice) is not installed")
    work = tmp_path_factory.mktemp("roundtrip")
    corpus = work / "corpus"
    corpus.mkdir()
    for name, text in CORPUS.items():
        (corpus / f"{name}.yaml").write_text(text, encoding="utf-8")
    jobs = pipeline.collect([ROOT / "data"]) + pipeline.collect([corpus])
    assert len(jobs) > len(CORPUS), "no document in data/"
    built: dict[Path, tuple[object, list[Path]]] = {}
    for i, job in enumerate(jobs):
        job.stem = f"{i:03d}-{Path(job.stem).name}"  # one flat folder for one soffice call
        outcome = pipeline.build_one(job, work / "docx")
        assert outcome.error is None, f"{job.source}: {outcome.error}"
        doc, _, _, _ = stages.prepare(job.source)
        built[job.source] = (doc.model_dump(), outcome.written)
    documents = sorted((work / "docx").glob("*.docx"))
    profile = (work / "profile").as_uri()
    proc = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(work / "txt"), *map(str, documents)],
        capture_output=True, text=True, timeout=900)
    result = {}
    for source, (data, written) in built.items():
        ours, theirs = [], []
        for path in written:
            txt = work / "txt" / path.with_suffix(".txt").name
            assert txt.exists(), f"LibreOffice did not convert {path.name}: {proc.stdout}{proc.stderr}"
            ours.append(docx_text(path))
            theirs.append(txt.read_text(encoding="utf-8-sig"))
        result[source] = (data, "\n".join(ours), "\n".join(theirs))
    return result


def test_every_document_was_converted(converted):
    names = {p.stem for p in converted}
    assert set(CORPUS) <= names


def test_libreoffice_reads_the_same_text_as_python_docx(converted):
    for source, (_, ours, theirs) in converted.items():
        assert _norm(theirs) == _norm(ours), source


def test_every_text_of_the_yaml_is_in_the_document(converted):
    for source, (data, ours, theirs) in converted.items():
        seen_ours, seen_theirs = _norm(ours), _norm(theirs)
        for path, value in _leaves(data):
            if _is_code(value) or any(rule.fullmatch(dotted(path)) for rule in NOT_ALWAYS_PRINTED):
                continue
            expected = _expected(value)
            assert expected in seen_theirs, f"{source} {path}: LibreOffice does not show {expected[:80]!r}"
            assert expected in seen_ours, f"{source} {path}: python-docx does not show {expected[:80]!r}"


def test_corpus_shows_the_hard_characters(converted):
    texts = {p.stem: theirs for p, (_, _, theirs) in converted.items()}
    special = texts["ky-tu-dac-biet"]
    assert "A & B <c> \"trích\" 'đơn' &amp; ]]> {{ 7*7 }} {% if x %} {# y #}" in special
    assert "Dòng một\nDòng hai\tcột — “ngoặc” … 🏅 №5 ½" in special
    assert "Nguyễn Thị Hường" in special
    assert "Ký tự điều khiển dán từ Word bị bỏ" in special
    assert "Đậm và nghiêng ở giữa câu, dấu * giữ nguyên" in special
    assert "Nguyễn\tVăn\nAn" in special
    assert "\n1\nViệc \"một\"\n1.000\n" in texts["bang"]
