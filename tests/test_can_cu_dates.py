"""A căn cứ cannot cite a document newer than the one citing it: a văn thư sends such a tờ trình back."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from tdkt_docs import vn
from tdkt_docs.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "shapes" / "to-trinh-can-cu-sau.yaml"


def test_cited_date_reads_the_forms_clerks_write():
    assert vn.cited_date("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;") == date(2022, 6, 15)
    assert vn.cited_date("Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2026 của UBND xã;") == date(2026, 1, 5)
    assert vn.cited_date("Căn cứ Kế hoạch số 3/KH-UBND Ngày 5-2-2026 về ... đến ngày 31/12/2026") == date(2026, 2, 5)
    assert vn.cited_date("Căn cứ Nghị định số 98/2023/NĐ-CP") is None
    assert vn.cited_date("ngày 31/02/2026, ngày 01/3/2026") == date(2026, 3, 1)


def test_a_later_can_cu_is_a_warning_at_its_line_and_the_file_still_builds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURE, tmp_path / "tt.yaml")
    result = CliRunner().invoke(main, ["build", "tt.yaml", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert ("tt.yaml:12:5: can_cu[2]: cảnh báo: văn bản được căn cứ ghi ngày 25/5/2025, sau ngày ký của chính văn bản "
            "này (ngày 20/5/2025); chỉ căn cứ văn bản đã ban hành: hãy kiểm tra lại ngày trong dòng căn cứ hoặc ngày "
            "ký ('ngay')") in result.output
    assert "can_cu[1]" not in result.output
    # Following the advice (the meeting was held before the tờ trình was signed) silences it.
    text = (tmp_path / "tt.yaml").read_text(encoding="utf-8").replace("ngày 25/5/2025", "ngày 18/5/2025")
    (tmp_path / "tt.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "tt.yaml"])
    assert result.exit_code == 0 and "can_cu[" not in result.output, result.output


def test_a_draft_dated_by_month_only_compares_by_month(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = FIXTURE.read_text(encoding="utf-8").replace("ngay: 2025-05-20", "ngay: 2025-05")
    (tmp_path / "tt.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "tt.yaml"])
    assert "can_cu[" not in result.output, result.output
    (tmp_path / "tt.yaml").write_text(text.replace("ngay: 2025-05", "ngay: 2025-04"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "tt.yaml"])
    assert "sau ngày ký của chính văn bản này (tháng 4/2025)" in result.output, result.output
