"""PDF copies of the written documents, made by LibreOffice.

LibreOffice takes about a second to start and a fraction of that per document, so the whole batch
goes to one headless process. That process gets a profile of its own (a clerk's open LibreOffice
window must neither block it nor be disturbed by it), a time limit, and one retry for documents it
did not convert. Each PDF is checked before it replaces an older one next to its DOCX.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tdkt_docs.errors import OutputError, PdfError, Problem
from tdkt_docs.input.loader import display_path
from tdkt_docs.output.write import atomic_write

INSTALL_HINT = (
    "không tìm thấy LibreOffice (lệnh soffice), cần có để tạo PDF. Hãy cài LibreOffice rồi chạy lại: "
    "trên Ubuntu/Debian chạy `sudo apt-get install libreoffice-writer-nogui`; trên Windows hoặc macOS "
    "tải tại https://www.libreoffice.org/download. Nếu đã cài ở chỗ khác, đặt biến môi trường "
    "TDKT_SOFFICE là đường dẫn tới tệp soffice. Các tệp DOCX vẫn được tạo bình thường.")

_CANDIDATES = ("soffice", "libreoffice")
_ELSEWHERE = ("/Applications/LibreOffice.app/Contents/MacOS/soffice", "/opt/libreoffice/program/soffice",
              r"C:\Program Files\LibreOffice\program\soffice.exe")
START_SECONDS = 60.0
SECONDS_PER_DOCUMENT = 10.0


@dataclass
class Converted:
    """The PDF made from one DOCX, or why there is none."""

    source: Path
    pdf: Path | None = None
    pages: int = 0
    problem: Problem | None = None


def find_soffice() -> str | None:
    given = os.environ.get("TDKT_SOFFICE")
    if given:
        return given if Path(given).is_file() else None
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _ELSEWHERE if Path(p).is_file()), None)


def time_limit(count: int) -> float:
    return START_SECONDS + SECONDS_PER_DOCUMENT * count


def convert_all(documents: list[Path], soffice: str | None = None,
                timeout: float | None = None) -> list[Converted]:
    """Convert `documents` in one LibreOffice process; each PDF lands next to its DOCX.

    Raises PdfError when LibreOffice is not installed; otherwise every document gets a result,
    in the order given.
    """
    soffice = soffice or find_soffice()
    if soffice is None:
        given = os.environ.get("TDKT_SOFFICE")
        if given:
            raise PdfError(Problem("", f"biến môi trường TDKT_SOFFICE chỉ tới '{given}' nhưng không có tệp đó; "
                                   "hãy sửa lại đường dẫn tới tệp soffice của LibreOffice, hoặc bỏ biến này"))
        raise PdfError(Problem("", INSTALL_HINT))
    results = [Converted(Path(d)) for d in documents]
    if not results:
        return results
    # Beside the documents, so that they can be linked rather than copied into it.
    staging = Path(tempfile.mkdtemp(prefix=".tdkt-pdf-", dir=results[0].source.parent))
    try:
        # Numbered names: two documents called ke-hoach.docx in different folders must not collide
        # in LibreOffice's single output folder.
        inputs = staging / "vao"
        inputs.mkdir()
        names = {}
        for i, result in enumerate(results):
            name = f"{i + 1:05d}.docx"
            _link(result.source, inputs / name)
            names[i] = name
        pending = list(range(len(results)))
        failure = ""
        for attempt in (1, 2):
            out = staging / f"ra{attempt}"
            failure = _run(soffice, [f"vao/{names[i]}" for i in pending], staging, out, attempt,
                           timeout if timeout is not None else time_limit(len(pending)))
            still = []
            for i in pending:
                made = out / (Path(names[i]).stem + ".pdf")
                pages, why = check_pdf(made)
                if why is None:
                    target = results[i].source.with_suffix(".pdf")
                    try:
                        atomic_write(target, made.read_bytes())
                    except OutputError as exc:
                        results[i].problem = exc.problems[0]
                        continue
                    results[i].pdf, results[i].pages, results[i].problem = target, pages, None
                else:
                    still.append(i)
                    results[i].problem = Problem(display_path(results[i].source), why)
            pending = still
            if not pending:
                break
        for i in pending:
            problem = results[i].problem
            results[i].problem = Problem(problem.file, f"không tạo được PDF: {problem.message}{failure}")
        return results
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _link(source: Path, link: Path) -> None:
    try:
        os.link(source, link)
    except OSError:
        shutil.copyfile(source, link)


def _run(soffice: str, inputs: list[str], cwd: Path, out: Path, attempt: int, timeout: float) -> str:
    """Run one LibreOffice conversion; returns a note on what went wrong, '' when it exited cleanly."""
    profile = cwd / f"ho-so-{attempt}"  # a fresh profile each time: a killed run may leave one broken
    command = [soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--invisible",
               "--norestore", "--nolockcheck", "--nologo", "--nodefault",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out), *inputs]
    try:
        process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    except OSError as exc:
        return f" (không chạy được LibreOffice: {exc.strerror})"
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        # LibreOffice starts helper processes of its own; they share its new session.
        _kill_group(process)
        process.communicate()
        return f" (LibreOffice chạy quá {timeout:.0f} giây và đã bị dừng)"
    if process.returncode != 0:
        last = output.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        return f" (LibreOffice báo lỗi, mã {process.returncode}: {last[0][:200]})"
    return ""


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()


_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_PAGE_TREE = re.compile(rb"/Type\s*/Pages(?![A-Za-z])")
_COUNT = re.compile(rb"/Count\s+(\d+)")
_START_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_OBJECT_AT = re.compile(rb"\d+\s+\d+\s+obj\b")
_PAGES = re.compile(rb"Pages:\s+(\d+)")


def check_pdf(path: Path, use_pdfinfo: bool = True) -> tuple[int, str | None]:
    """(page count, None) for a complete PDF, else (0, what is wrong in Vietnamese).

    A PDF as LibreOffice writes it is read here: its table of objects and its page tree. Only one
    that this reading cannot settle goes to pdfinfo (when `use_pdfinfo` and it is installed), which
    costs a process per file, a tenth of a batch's time.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return 0, "LibreOffice không tạo ra tệp PDF"
    except OSError as exc:
        return 0, f"không đọc được tệp PDF ({exc.strerror})"
    if not data.startswith(b"%PDF-"):
        return 0, "tệp tạo ra không phải PDF"
    if b"%%EOF" not in data[-1024:]:
        return 0, "tệp PDF bị cắt dở (thiếu phần kết thúc)"
    pages = _pages_read(data)
    if pages is None and use_pdfinfo:
        pages = _pages_pdfinfo(path)
    if pages is None:
        pages = len(_PAGE.findall(data))
    if pages <= 0:
        return 0, "tệp PDF không có trang nào"
    return pages, None


def _pages_read(data: bytes) -> int | None:
    """The page count when the file itself settles it, else None: the table of objects is where
    the file says, and the pages found agree with the count of the page tree. Objects packed in
    compressed streams (never in LibreOffice's PDFs so far) cannot be read this way."""
    if b"/ObjStm" in data:
        return None
    end = _START_XREF.search(data, max(0, len(data) - 1024))
    if end is None:
        return None
    table = int(end.group(1))
    if not (data.startswith(b"xref", table) or _OBJECT_AT.match(data, table)):
        return None
    counts = []
    for tree in _PAGE_TREE.finditer(data):
        start = data.rfind(b"obj", 0, tree.start())
        stop = data.find(b"endobj", tree.end())
        count = _COUNT.search(data, start, stop if stop >= 0 else len(data))
        if start < 0 or count is None:
            return None
        counts.append(int(count.group(1)))
    pages = len(_PAGE.findall(data))
    # The root of the page tree counts every page; a tree of several levels has smaller counts too.
    return pages if counts and max(counts) == pages else None


def _pages_pdfinfo(path: Path) -> int | None:
    tool = shutil.which("pdfinfo")
    if tool is None:
        return None
    try:
        done = subprocess.run([tool, str(path)], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return 0  # pdfinfo cannot read it: broken
    m = _PAGES.search(done.stdout)
    return int(m.group(1)) if m else None
