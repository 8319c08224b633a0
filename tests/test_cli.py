"""The command line as a clerk meets it: messages, exit codes, and files left safe."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tdkt_docs import __version__
from tdkt_docs.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "ke-hoach.yaml"


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURE, tmp_path / "kh.yaml")
    return tmp_path


def run(*args):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_build_writes_docx_and_mirrors_folders(work):
    (work / "data" / "2026").mkdir(parents=True)
    shutil.copy(FIXTURE, work / "data" / "2026" / "ke-hoach.yaml")
    code, out = run("build", "data", "-o", "output")
    assert code == 0, out
    assert "✓ data/2026/ke-hoach.yaml → output/2026/ke-hoach.docx" in out
    assert (work / "output" / "2026" / "ke-hoach.docx").read_bytes()[:2] == b"PK"


def test_version_and_help():
    assert run("--version") == (0, f"tdkt {__version__}\n")
    code, out = run("--help")
    assert code == 0 and "Tạo văn bản DOCX" in out and "Kiểm tra các tệp YAML" in out


def test_wrong_usage_exits_2(work):
    assert run("build")[0] == 2
    code, out = run("build", "khong-co.yaml")
    assert code == 2 and "không tìm thấy 'khong-co.yaml'" in out


@pytest.fixture
def built(work):
    """A good document already built: bad input afterwards must leave it byte for byte."""
    code, out = run("build", "kh.yaml", "-o", "out")
    assert code == 0, out
    before = (work / "out" / "kh.docx").read_bytes()
    yield work
    assert (work / "out" / "kh.docx").read_bytes() == before


def _assert_untouched_after(work, *args):
    return run(*args)


def test_all_problems_at_once_with_lines_and_fields(built):
    work = built
    path = work / "kh.yaml"
    edit(path, "noi_nhan:", "noi_nhân:")
    edit(path, "ngay: 2026-01-05", "ngay: 2026-02-30")
    edit(path, "  chuc_vu: phó giám đốc", "  chuc_vu:")
    edit(path, "so: 5", "so: năm")
    code, out = _assert_untouched_after(work, "build", "kh.yaml", "-o", "out")
    assert code == 1
    assert out.splitlines() == [
        "kh.yaml:6:1: so: cần một số, ví dụ 'so: 5'; bản dự thảo chưa có số thì để trống 'so:' (đang ghi: năm)",
        "kh.yaml:8:1: ngay: ngày 30/02/2026 không có trên lịch (tháng 2 năm 2026 không có ngày 30); "
        "hãy kiểm tra lại ngày",
        "kh.yaml:28:1: noi_nhân: 'noi_nhân' không có trong mẫu; có phải 'noi_nhan'?",
        "kh.yaml:34:3: nguoi_ky.chuc_vu: đang để trống; hãy điền nội dung, ví dụ 'chuc_vu: CHỦ TỊCH'",
        "✗ kh.yaml: 4 lỗi, chưa tạo văn bản.",
    ]


def test_missing_signer(built):
    work = built
    path = work / "kh.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("nguoi_ky:")], encoding="utf-8")
    code, out = _assert_untouched_after(work, "build", "kh.yaml", "-o", "out")
    assert code == 1
    assert out.splitlines()[0] == (
        "kh.yaml:1:1: nguoi_ky: thiếu thông tin bắt buộc; hãy thêm mục 'nguoi_ky:' (Người ký văn bản), bên dưới "
        "thụt vào 2 dấu cách các dòng 'chuc_vu: ...', 'ho_ten: ...'")


def test_wrong_type(work):
    edit(work / "kh.yaml", "ho_ten: Lò Văn Minh", "ho_ten: [Lò Văn Minh]")
    code, out = run("validate", "kh.yaml")
    assert code == 1
    assert out.splitlines()[0] == (
        "kh.yaml:35:3: nguoi_ky.ho_ten: cần một đoạn chữ, không phải danh sách; hãy viết nội dung ngay sau dấu ':' "
        "trên cùng một dòng, không dùng '- '")


def test_yaml_syntax_error_shows_line_and_caret(built):
    work = built
    edit(work / "kh.yaml", "trich_yeu: Tổ chức", 'trich_yeu: "Tổ chức')
    code, out = _assert_untouched_after(work, "build", "kh.yaml", "-o", "out")
    assert code == 1
    # The line whose quote is not closed, not the line 16 lines down where YAML gave up.
    lines = out.splitlines()[:3]
    assert lines[0] == "kh.yaml:9:48: lỗi cú pháp YAML: thiếu dấu ngoặc kép \" đóng ở cuối dòng này"
    assert lines[1].startswith('    trich_yeu: "Tổ chức') and lines[2] == " " * 51 + "^"
    assert len(lines[1]) == 51


def test_unknown_kind_and_misspelled_nested_key(work):
    edit(work / "kh.yaml", "  ho_ten:", "  ho_ten_:")
    code, out = run("validate", "kh.yaml")
    assert code == 1
    assert "kh.yaml:35:3: nguoi_ky.ho_ten_: 'ho_ten_' không có trong mẫu; có phải 'ho_ten'?" in out
    edit(work / "kh.yaml", "loai: ke_hoach", "loai: ke_hoac")
    code, out = run("validate", "kh.yaml")
    assert out.splitlines()[0].startswith(
        "kh.yaml:1:1: loai: loại văn bản 'ke_hoac' không có; có phải 'ke_hoach'?; các loại: ke_hoach")
    assert code == 1


def test_one_bad_file_does_not_stop_the_others(work):
    (work / "data").mkdir()
    shutil.copy(FIXTURE, work / "data" / "a.yaml")
    (work / "data" / "b.yaml").write_text("loai: ke_hoach\n", encoding="utf-8")
    code, out = run("build", "data", "-o", "out")
    assert code == 1
    assert (work / "out" / "a.docx").exists() and not (work / "out" / "b.docx").exists()
    assert "✗ data/b.yaml:" in out


def test_no_traceback_reaches_the_clerk_but_debug_shows_it(work):
    (work / "kh.yaml").write_text("loai: [\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "tdkt_docs.cli", "build", "kh.yaml", "-o", "out"],
                          capture_output=True, text=True, cwd=work)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "kh.yaml:2:1: lỗi cú pháp YAML" in proc.stderr


def test_draft_without_number_and_day(work, tmp_path):
    edit(work / "kh.yaml", "so: 5\n", "")
    edit(work / "kh.yaml", "ngay: 2026-01-05", "ngay: 2026-03")
    assert run("build", "kh.yaml", "-o", "out")[0] == 0
    from helpers import lines

    text = lines(work / "out" / "kh.docx")
    assert "Số:       /KH-SNV" in text
    assert "Lai Châu, ngày      tháng 3 năm 2026" in text


def test_unclosed_bracket_at_the_end_of_the_file(work):
    (work / "kh.yaml").write_text("loai: ke_hoach\nco_quan: [\n", encoding="utf-8")
    code, out = run("validate", "kh.yaml")
    assert code == 1
    assert out.splitlines()[0] == ("kh.yaml:3:1: lỗi cú pháp YAML: tệp hết giữa chừng: có dấu '[' hoặc '{' chưa "
                                   "được đóng bằng ']' hoặc '}'")


def test_validate_runs_every_stage_of_build_and_says_the_same(work):
    # The ND30 check of the rendered document is part of validate too, and a finding on the clerk's
    # own words is said at the YAML line, by both commands alike; --strict refuses it in both.
    text = (work / "kh.yaml").read_text(encoding="utf-8")
    (work / "kh.yaml").write_text(re.sub(r"(?m)^trich_yeu: .*$", "trich_yeu: TRIỂN KHAI CÔNG TÁC THI ĐUA NĂM 2026",
                                         text), encoding="utf-8")
    line = next(n for n, t in enumerate((work / "kh.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if t.startswith("trich_yeu:"))
    warning = (f"kh.yaml:{line}:1: trich_yeu: cảnh báo: trích yếu viết chữ in thường (không in hoa cả dòng) "
               "(thấy: TRIỂN KHAI CÔNG TÁC THI ĐUA NĂM 2026); hãy gõ lại trích yếu bằng chữ thường, chỉ viết hoa "
               "chữ cái đầu câu, tên riêng và tên hình thức khen thưởng (Giấy khen, Bằng khen của Chủ tịch Ủy ban "
               "nhân dân ...) [ND30.TRICH_YEU.CASE]")
    checked, said = run("validate", "kh.yaml")
    built, told = run("build", "kh.yaml", "-o", "out")
    assert (checked, built) == (0, 0)
    assert said.splitlines() == [warning, "✓ kh.yaml: hợp lệ"]
    assert told.splitlines() == [warning, "✓ kh.yaml → out/kh.docx"]
    (work / "out" / "kh.docx").unlink()
    checked, said = run("validate", "--strict", "kh.yaml")
    built, told = run("build", "--strict", "kh.yaml", "-o", "out")
    refused = [warning.replace("cảnh báo: ", ""), "✗ kh.yaml: 1 lỗi, chưa tạo văn bản."]
    assert (checked, said.splitlines()) == (1, refused)
    assert (built, told.splitlines()) == (1, refused)
    assert not (work / "out" / "kh.docx").exists()


def test_following_the_advice_at_the_yaml_line_clears_the_warning(work):
    text = (work / "kh.yaml").read_text(encoding="utf-8")
    (work / "kh.yaml").write_text(text.replace("dia_danh: Lai Châu", "dia_danh: lai châu"), encoding="utf-8")
    code, said = run("build", "--strict", "kh.yaml", "-o", "out")
    assert code == 1
    assert "dia_danh: chữ cái đầu của địa danh phải viết hoa" in said
    advised = re.search(r"trong địa danh: «(.+?)»", said).group(1)
    assert advised == "Lai Châu"
    (work / "kh.yaml").write_text(text.replace("dia_danh: Lai Châu", f"dia_danh: {advised}"), encoding="utf-8")
    assert run("build", "--strict", "kh.yaml", "-o", "out") == (0, "✓ kh.yaml → out/kh.docx\n")


def test_one_file_of_a_data_folder_goes_where_the_whole_folder_would(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "2027").mkdir(parents=True)
    # one warning to be counted, not repeated, by the second build
    (tmp_path / "data" / "2027" / "kh.yaml").write_text(FIXTURE.read_text(encoding="utf-8").replace(
        "dia_danh: Lai Châu", "dia_danh: lai châu"), encoding="utf-8")
    code, out = run("build", "data/2027/kh.yaml")
    assert code == 0, out
    assert out.splitlines()[-1] == "✓ data/2027/kh.yaml → output/2027/kh.docx"
    code, out = run("build", "data")
    assert (code, out.splitlines()[-1]) == (0, "✓ data/2027/kh.yaml: không đổi (1 cảnh báo từ lần tạo trước; "
                                                "xem lại bằng: tdkt validate data/2027/kh.yaml)")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "output").rglob("*.docx")) == [
        "output/2027/kh.docx"]  # the same document, not a second copy


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["validate", "--help"], ["new", "--help"],
                                  ["check", "--help"], ["watch", "--help"], ["rollover", "--help"],
                                  ["schema", "--help"], ["build"], ["buil", "x"], ["build", "--khong", "x"],
                                  ["new", "giay-khen"], ["build", "-j", "-1", "x"]])
def test_the_command_line_speaks_vietnamese_only(args, work):
    code, out = run(*args)
    assert code in (0, 2), out
    for english in ("Usage", "Options", "Show this message", "Error:", "Try '", "Missing", "No such",
                    "Invalid value", "is not", "[OPTIONS]", "COMMAND", "[ARGS]", "Did you mean"):
        assert english not in out, (english, out)
    assert "Cách dùng: " in out
