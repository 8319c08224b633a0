"""`tdkt build --pdf`: one LibreOffice process for the batch, checked PDFs next to the DOCX files.

Tests marked `libreoffice` run the real LibreOffice; they are skipped where it is missing, unless
TDKT_REQUIRE_LIBREOFFICE=1 (as in CI), where a missing LibreOffice is a failure. The others drive a
stand-in `soffice` to show the time limit, the retry and the checks.
"""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tdkt_docs.output import pdf
from tdkt_docs.errors import PdfError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "mau" / "002-cum-thi-dua-vung-thap-2022.yaml"
TDKT = [sys.executable, "-m", "tdkt_docs.cli"]


@pytest.fixture
def soffice() -> str:
    found = pdf.find_soffice()
    if found is None:
        if os.environ.get("TDKT_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice is required here (TDKT_REQUIRE_LIBREOFFICE=1) but soffice was not found")
        pytest.skip("LibreOffice is not installed")
    return found


def pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        if os.environ.get("TDKT_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("pdftotext (poppler-utils) is required here")
        pytest.skip("pdftotext is not installed")
    return subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def minimal_pdf(pages: int = 1) -> bytes:
    """A small well-formed PDF with `pages` empty pages, offsets and all."""
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode()]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def fake_soffice(folder: Path, plan: list[str]) -> Path:
    """A stand-in for soffice. Call n follows plan[n]: 'ok' writes a PDF per input, 'hang' sleeps,
    'truncated' writes cut PDFs, 'nothing' exits with an error, 'half' converts every other file."""
    script = folder / "soffice"
    log = folder / "calls"
    script.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import sys, time
        from pathlib import Path
        log = Path({str(log)!r})
        calls = log.read_text().splitlines() if log.exists() else []
        plan = {plan!r}
        step = plan[min(len(calls), len(plan) - 1)]
        log.write_text("\\n".join(calls + [" ".join(sys.argv[1:])]) + "\\n")
        args = sys.argv[1:]
        out = Path(args[args.index("--outdir") + 1])
        inputs = [a for a in args if a.endswith(".docx")]
        good = {minimal_pdf(2)!r}
        if step == "hang":
            time.sleep(60)
        if step == "nothing":
            print("Error: source file could not be loaded"); sys.exit(1)
        out.mkdir(parents=True, exist_ok=True)
        for i, name in enumerate(inputs):
            if step == "half" and i % 2:
                continue
            target = out / (Path(name).stem + ".pdf")
            target.write_bytes(good[:200] if step == "truncated" else good)
        """), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def docx_files(folder: Path, names: list[str]) -> list[Path]:
    files = []
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"PK not really a docx, the stand-in does not read it")
        files.append(path)
    return files


def calls(folder: Path) -> list[str]:
    return (folder / "calls").read_text().splitlines()


# --- the stand-in ----------------------------------------------------------------------------

def test_one_process_converts_the_whole_batch_with_a_private_profile(tmp_path):
    script = fake_soffice(tmp_path, ["ok"])
    docs = docx_files(tmp_path / "ra", ["2025/ke-hoach.docx", "2026/ke-hoach.docx", "bao-cao.docx"])
    results = pdf.convert_all(docs, soffice=str(script))
    assert len(calls(tmp_path)) == 1
    call = calls(tmp_path)[0]
    assert call.startswith("-env:UserInstallation=file:///") and "--headless" in call
    assert "--convert-to pdf" in call
    for doc, result in zip(docs, results):
        assert result.problem is None
        assert result.pdf == doc.with_suffix(".pdf")
        assert result.pages == 2
        assert result.pdf.read_bytes() == minimal_pdf(2)
    # Nothing of the work is left behind.
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == ["2025", "2026", "bao-cao.docx", "bao-cao.pdf"]


def test_a_hung_libreoffice_is_stopped_and_the_batch_retried_once(tmp_path):
    script = fake_soffice(tmp_path, ["hang", "ok"])
    docs = docx_files(tmp_path / "ra", ["a.docx", "b.docx"])
    results = pdf.convert_all(docs, soffice=str(script), timeout=1.5)
    assert [r.problem for r in results] == [None, None]
    assert len(calls(tmp_path)) == 2
    first, second = (c.split()[0] for c in calls(tmp_path))
    assert first != second  # the retry starts from a fresh profile


def test_the_retry_converts_only_what_is_missing(tmp_path):
    script = fake_soffice(tmp_path, ["half", "ok"])
    docs = docx_files(tmp_path / "ra", ["a.docx", "b.docx", "c.docx", "d.docx"])
    results = pdf.convert_all(docs, soffice=str(script))
    assert all(r.problem is None for r in results)
    retried = calls(tmp_path)[1]
    assert retried.count(".docx") == 2


def test_after_two_failures_the_old_pdf_is_kept_and_the_reason_given(tmp_path):
    script = fake_soffice(tmp_path, ["truncated", "nothing"])
    docs = docx_files(tmp_path / "ra", ["a.docx"])
    old = tmp_path / "ra" / "a.pdf"
    old.write_bytes(b"%PDF-1.4 the previous good copy %%EOF")
    [result] = pdf.convert_all(docs, soffice=str(script))
    assert result.pdf is None
    assert "không tạo được PDF: LibreOffice không tạo ra tệp PDF" in result.problem.message
    assert "LibreOffice báo lỗi, mã 1: Error: source file could not be loaded" in result.problem.message
    assert old.read_bytes() == b"%PDF-1.4 the previous good copy %%EOF"
    assert len(calls(tmp_path)) == 2


def test_a_timeout_on_both_attempts_says_so(tmp_path):
    script = fake_soffice(tmp_path, ["hang"])
    [result] = pdf.convert_all(docx_files(tmp_path / "ra", ["a.docx"]), soffice=str(script), timeout=1)
    assert result.problem.message.endswith("(LibreOffice chạy quá 1 giây và đã bị dừng)")


@pytest.mark.parametrize("data, message", [
    (b"", "tệp tạo ra không phải PDF"),
    (b"<html>error</html>", "tệp tạo ra không phải PDF"),
    (minimal_pdf(1)[:-40], "tệp PDF bị cắt dở (thiếu phần kết thúc)"),
    (minimal_pdf(0), "tệp PDF không có trang nào"),
])
def test_incomplete_pdfs_are_recognised(tmp_path, data, message):
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    for use_pdfinfo in (True, False):
        assert pdf.check_pdf(path, use_pdfinfo) == (0, message)


def test_pages_are_counted_with_or_without_pdfinfo(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(minimal_pdf(3))
    assert pdf.check_pdf(path, use_pdfinfo=False) == (3, None)
    assert pdf.check_pdf(path, use_pdfinfo=True) == (3, None)


def _pdfinfo_says(monkeypatch, pages: int) -> list[Path]:
    asked: list[Path] = []
    monkeypatch.setattr(pdf, "_pages_pdfinfo", lambda path: (asked.append(path), pages)[1])
    return asked


def test_a_pdf_that_reads_clearly_is_not_given_to_pdfinfo(tmp_path, monkeypatch):
    # One pdfinfo process per file cost a tenth of a batch of 50.
    asked = _pdfinfo_says(monkeypatch, 99)
    path = tmp_path / "x.pdf"
    path.write_bytes(minimal_pdf(3))
    assert pdf.check_pdf(path) == (3, None)
    assert asked == []


def _shifted_xref(data: bytes) -> bytes:
    head, offset = data.rsplit(b"startxref\n", 1)
    return head + b"startxref\n" + str(int(offset.split(b"\n")[0]) + 7).encode() + b"\n%%EOF\n"


@pytest.mark.parametrize("doubt", [
    # Objects packed in compressed streams: the page objects cannot be seen.
    lambda data: data.replace(b"/Type /Catalog", b"/Type /Catalog /Extra /ObjStm"),
    # The table of objects is not where the file says.
    _shifted_xref,
    # The page tree counts more pages than the file holds.
    lambda data: data.replace(b"/Count 3", b"/Count 4"),
])
def test_a_pdf_that_does_not_read_clearly_is_given_to_pdfinfo(tmp_path, monkeypatch, doubt):
    asked = _pdfinfo_says(monkeypatch, 5)
    path = tmp_path / "x.pdf"
    path.write_bytes(doubt(minimal_pdf(3)))
    assert pdf.check_pdf(path) == (5, None)
    assert asked == [path]
    # Without pdfinfo the page objects are counted.
    assert pdf.check_pdf(path, use_pdfinfo=False) == (3, None)


def test_without_libreoffice_the_clerk_is_told_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.delenv("TDKT_SOFFICE", raising=False)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.setattr(pdf, "_ELSEWHERE", ())
    with pytest.raises(PdfError) as caught:
        pdf.convert_all(docx_files(tmp_path, ["a.docx"]))
    assert "apt-get install libreoffice-writer-nogui" in caught.value.problems[0].message


def test_a_wrong_tdkt_soffice_is_named_in_the_message(tmp_path, monkeypatch):
    monkeypatch.setenv("TDKT_SOFFICE", str(tmp_path / "khong-co" / "soffice"))
    with pytest.raises(PdfError) as caught:
        pdf.convert_all(docx_files(tmp_path, ["a.docx"]))
    assert caught.value.problems[0].message.startswith(
        f"biến môi trường TDKT_SOFFICE chỉ tới '{tmp_path / 'khong-co' / 'soffice'}' nhưng không có tệp đó")


def test_build_pdf_without_libreoffice_still_writes_the_docx_and_exits_1(tmp_path):
    if any(Path(p).is_file() for p in pdf._ELSEWHERE):
        pytest.skip("LibreOffice is installed outside the PATH here")
    # No soffice anywhere on the PATH given to the command (the interpreter is named in full).
    env = {**{k: v for k, v in os.environ.items() if k != "TDKT_SOFFICE"}, "PATH": str(tmp_path / "trong")}
    done = subprocess.run([*TDKT, "build", str(EXAMPLE), "-o", "ra", "--pdf"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "✗ PDF: không tìm thấy LibreOffice (lệnh soffice), cần có để tạo PDF." in done.stderr
    assert "sudo apt-get install libreoffice-writer-nogui" in done.stderr
    assert (tmp_path / "ra" / "mau" / EXAMPLE.with_suffix(".docx").name).is_file()  # its place below data/
    assert not list((tmp_path / "ra").rglob("*.pdf"))


# --- the real LibreOffice --------------------------------------------------------------------

def test_build_pdf_puts_a_complete_pdf_next_to_each_docx(tmp_path, soffice):
    data = tmp_path / "data"
    for folder, number in (("2025", 3), ("2026", 7)):
        # The same file name in two folders: each PDF must hold its own document.
        target = data / folder / "ke-hoach.yaml"
        target.parent.mkdir(parents=True)
        target.write_text(EXAMPLE.read_text(encoding="utf-8").replace("\nso:", f"\nso: {number} #", 1),
                          encoding="utf-8")
    # A folder name with spaces and Vietnamese letters, as clerks name them.
    done = subprocess.run([*TDKT, "build", "data", "-o", "văn bản ra", "--pdf"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    for folder, number in (("2025", "03"), ("2026", "07")):
        made = tmp_path / "văn bản ra" / folder / "ke-hoach.pdf"
        pages, problem = pdf.check_pdf(made)
        assert problem is None and pages >= 2
        assert (f"✓ văn bản ra/{folder}/ke-hoach.docx → văn bản ra/{folder}/ke-hoach.pdf ({pages} trang)"
                in done.stdout)
        text = pdf_text(made)
        assert f"Số: {number}/KH-" in text
        assert "KẾ HOẠCH" in text
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert sorted(p.name for p in (tmp_path / "văn bản ra").iterdir()) == [".tdkt-cache.json", ".tdkt.lock", "2025",
                                                                          "2026"]


def test_real_pdf_pages_counted_the_same_with_and_without_pdfinfo(tmp_path, soffice):
    from tdkt_docs.build import Job, build_one

    outcome = build_one(Job(EXAMPLE, "ke-hoach"), tmp_path)
    [result] = pdf.convert_all(outcome.written, soffice=soffice)
    assert result.problem is None
    assert pdf.check_pdf(result.pdf, use_pdfinfo=False) == pdf.check_pdf(result.pdf, use_pdfinfo=True)
    assert result.pages == pdf.check_pdf(result.pdf)[0] > 0
    # LibreOffice's PDF is read without pdfinfo, and pdfinfo agrees with what was read.
    if shutil.which("pdfinfo"):
        assert pdf._pages_read(result.pdf.read_bytes()) == pdf._pages_pdfinfo(result.pdf) == result.pages


def test_a_pdf_that_cannot_be_written_is_reported_and_the_others_still_made(tmp_path):
    script = fake_soffice(tmp_path, ["ok"])
    docs = docx_files(tmp_path / "ra", ["a.docx", "b.docx"])
    (tmp_path / "ra" / "a.pdf").mkdir()  # a folder where the PDF should go
    first, second = pdf.convert_all(docs, soffice=str(script))
    assert first.pdf is None and "đã có một thư mục trùng tên với văn bản cần ghi" in first.problem.message
    assert second.problem is None and second.pdf.read_bytes() == minimal_pdf(2)
