"""Helpers of the bad-input suite: a folder with documents already built, a way to run the
command line on a bad file, and a snapshot of the output folder to prove nothing was touched."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import docx
from click.testing import CliRunner

from tdkt_docs.output.build_cache import MANIFEST
from tdkt_docs.cli import main

ROOT = Path(__file__).resolve().parents[2]
TDKT = Path(sys.executable).parent / "tdkt"

VALID = """\
loai: ke_hoach
co_quan:
  ten: "ỦY BAN NHÂN DÂN\\nXÃ TAM ĐƯỜNG"
  viet_tat: UBND
so: 5
dia_danh: Tam Đường
ngay: 2026-01-05
trich_yeu: Tổ chức phong trào thi đua năm 2026
mo_dau:
  - "Ủy ban nhân dân xã xây dựng kế hoạch, cụ thể như sau:"
noi_dung:
  - tieu_de: Mục đích, yêu cầu
    noi_dung:
      - Đoạn một.
noi_nhan:
  - UBND huyện
  - "Lưu: VT"
nguoi_ky:
  quyen_han: TM. ỦY BAN NHÂN DÂN
  chuc_vu: Chủ tịch
  ho_ten: Nguyễn Văn An
"""


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (hidden ones too) and a hash of its bytes; the build cache's manifest
    is left out: it is bookkeeping that rightly forgets a document that failed."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MANIFEST}


def docx_text(path: Path) -> str:
    """All paragraph text of a DOCX in document order, tables included, one paragraph per line."""
    document = docx.Document(str(path))
    body = document.element.body
    paragraphs = [docx.text.paragraph.Paragraph(p, document) for p in body.iter(docx.oxml.ns.qn("w:p"))]
    return "\n".join(p.text for p in paragraphs)


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(*args: str) -> Run:
    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # an exception escaping the command line is itself a failure
    return Run(result.exit_code, result.stdout, result.stderr)


def run_process(*args: str, cwd: Path, env: dict | None = None) -> Run:
    proc = subprocess.run([str(TDKT), *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    return Run(proc.returncode, proc.stdout, proc.stderr)


class Workspace:
    """tmp/data/{khac,van-ban}.yaml, already built into tmp/output; the working folder is tmp."""

    def __init__(self, root: Path):
        self.root = root
        self.data = root / "data"
        self.out = root / "output"
        self.data.mkdir()
        (self.data / "khac.yaml").write_text(VALID.replace("Đoạn một.", "Đoạn của văn bản khác."), encoding="utf-8")
        (self.data / "van-ban.yaml").write_text(VALID, encoding="utf-8")
        first = run_cli("build", "data", "-o", "output")
        assert first.exit_code == 0, first.output
        self.before = snapshot(self.out)
        assert "van-ban.docx" in self.before and "khac.docx" in self.before

    def build_bad(self, content: bytes | str, name: str = "van-ban.yaml") -> Run:
        """Replace one data file with `content`, build the whole folder, and check the common promises:
        no traceback, the other document still built, every earlier output file byte for byte as before."""
        path = self.data / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        result = run_cli("build", "data", "-o", "output")
        assert "Traceback" not in result.output
        assert "Lỗi không mong đợi" not in result.output
        # The other document is built again, or found unchanged since the first build.
        assert ("✓ data/khac.yaml → output/khac.docx" in result.stdout
                or "✓ data/khac.yaml: không đổi" in result.stdout), result.output
        after = snapshot(self.out)
        changed = {k for k in set(after) | set(self.before) if after.get(k) != self.before.get(k)}
        # khac.docx is rebuilt from the same input: the same bytes.
        assert changed == set(), f"output changed: {sorted(changed)}"
        return result

    def refused(self, content: bytes | str, name: str = "van-ban.yaml") -> list[str]:
        """Every line printed on stderr for a bad file; exit code 1 is checked here."""
        result = self.build_bad(content, name)
        assert result.exit_code == 1, result.output
        return result.stderr.splitlines()

    def accepted(self, content: bytes | str, name: str = "van-ban.yaml") -> tuple[Run, str]:
        """Build a file that must be accepted; the run and the text of its document."""
        path = self.data / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        result = run_cli("build", str(path.relative_to(self.root)), "-o", "output")
        assert "Traceback" not in result.output
        assert result.exit_code == 0, result.output
        return result, docx_text(self.out / Path(name).with_suffix(".docx").name)


FAILED = "✗ data/van-ban.yaml: 1 lỗi, chưa tạo văn bản."
