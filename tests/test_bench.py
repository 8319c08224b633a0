"""The benchmark script runs and reports every figure (its numbers are not judged here: speed is
measured by `make bench`, never asserted in tests)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_runs_in_quick_mode_and_writes_its_table(tmp_path):
    results = tmp_path / "RESULTS.md"
    readme = tmp_path / "README.md"
    readme.write_text("## Tốc độ\n\nTrước.\n\n<!-- bench:start -->\n| bảng cũ |\n<!-- bench:end -->\n\nSau.\n",
                      encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--no-pdf",
                           "--write", str(results), "--readme", str(readme)],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for label in ["Văn bản/giây, một tiến trình", "Văn bản của tdkt và của docxtpl có cùng nội dung: có", "-j 1", "-j 2",
                  "Bộ nhớ đỉnh, 8 văn bản", "Một kế hoạch, bảng 50 dòng",
                  "Một biên bản, bảng kết quả bỏ phiếu 50 dòng", "Một tờ trình, phụ lục 50 dòng",
                  "Biên bản, bảng kết quả bỏ phiếu 50 dòng: văn bản của tdkt và của docxtpl có cùng nội dung: có",
                  "Tờ trình, phụ lục 50 dòng: văn bản của tdkt và của docxtpl có cùng nội dung: có", "Khởi động `tdkt --help`",
                  "Dựng lại data/ khi không có gì thay đổi", "bỏ qua PDF: --no-pdf"]:
        assert label in out, label
    table = [line for line in results.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    assert table[0].startswith("| Số đo | tdkt | Đối chứng |")
    assert len(table) >= 11
    assert "make bench" in results.read_text(encoding="utf-8")
    # The README gets the same table between its markers, and keeps everything around them.
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("## Tốc độ\n\nTrước.\n\n<!-- bench:start -->\nLần đo: ")
    assert text.endswith("<!-- bench:end -->\n\nSau.\n")
    assert "| bảng cũ |" not in text
    assert [line for line in text.splitlines() if line.startswith("| ")] == table
