"""Lists kept in a spreadsheet go through the same checks as the YAML: a cell pasted from Word is
cleaned with a warning naming the cell, a spreadsheet that is not one is named for what it is."""
from __future__ import annotations

from pathlib import Path

import pytest

from badinput import ROOT, docx_text, run_cli, snapshot
from tdkt_docs import starters

REMOVED = "mà văn bản Word không chứa được — thường do dán chữ từ Word, PDF hoặc e-mail; hãy xem lại chỗ này"


@pytest.fixture
def to_trinh(tmp_path, monkeypatch):
    """tt.yaml, a tờ trình whose list of individuals is read from ds.csv."""
    monkeypatch.chdir(tmp_path)
    text = (Path(starters.__file__).parent / "to_trinh.yaml").read_text(encoding="utf-8")
    start, end = text.index("  ca_nhan:"), text.index("noi_nhan:")
    (tmp_path / "tt.yaml").write_text(text[:start] + "  ca_nhan: {tep: ds.csv}\n\n" + text[end:], encoding="utf-8")
    return tmp_path


def test_control_character_in_a_cell(to_trinh):
    (to_trinh / "ds.csv").write_text("Họ và tên,Chức vụ\nNguyễn\x0bVăn An,Giáo viên\n", encoding="utf-8")
    result = run_cli("build", "tt.yaml", "-o", "out")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"ds.csv:2:1: de_nghi.ca_nhan[1].ten: cảnh báo: ô A2 (cột 'Họ và tên'): đã bỏ 1 ký tự không in được (U+000B) {REMOVED}"]
    assert "\nNguyễn Văn An\nGiáo viên\n" in docx_text(to_trinh / "out" / "tt.docx")


def test_spreadsheet_in_windows_1258(to_trinh):
    (to_trinh / "ds.csv").write_bytes("Họ và tên,Chức vụ\nNguyễn Văn An,Giáo viên\n".encode("cp1258", "replace"))
    result = run_cli("build", "tt.yaml", "-o", "out")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        "ds.csv:1: tệp được lưu bằng bảng mã Windows-1258 (ANSI), không phải UTF-8; hãy mở tệp bằng Notepad "
        "hoặc VS Code và lưu lại với bảng mã UTF-8", "✗ tt.yaml: 1 lỗi, chưa tạo văn bản."]


def test_word_file_named_csv(to_trinh):
    built = run_cli("build", "tt.yaml", "-o", "out")  # no list yet: fails, writes nothing
    assert built.exit_code == 1
    before = snapshot(to_trinh / "out") if (to_trinh / "out").exists() else {}
    (to_trinh / "ds.csv").write_bytes((ROOT / "tdkt_docs" / "kinds" / "templates" / "ke_hoach.docx").read_bytes())
    result = run_cli("build", "tt.yaml", "-o", "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "ds.csv:1: đây là tệp Word/Excel (.docx/.xlsx) hoặc tệp nén (.zip) bị đổi tên, không phải tệp văn bản; "
        "hãy mở bằng chương trình đã tạo ra nó và lưu lại đúng dạng (bảng tính: .xlsx hoặc CSV UTF-8)",
        "✗ tt.yaml: 1 lỗi, chưa tạo văn bản."]
    assert (snapshot(to_trinh / "out") if (to_trinh / "out").exists() else {}) == before
