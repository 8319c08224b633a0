"""Variables in text: the plan's own values, in a sandbox, and literal braces left alone."""
from __future__ import annotations

import pytest

from clerk_support import MINIMAL, docx_text, run, write
from tdkt_docs.input.variables import expand
from tdkt_docs.input.shared_files import load_document
from tdkt_docs.model.validate import validate

CAMPAIGN = """\
phong_trao:
  ten: Thi đua chào mừng Đại hội năm {{ nam }}
  tu_ngay: 2026-03-05
  den_ngay: 19/4/2026
"""


def doc_with(tmp_path, monkeypatch, body_line: str, extra: str = "") -> tuple:
    """A document whose first paragraph is `body_line`; returns (result of build, text or None)."""
    monkeypatch.chdir(tmp_path)
    text = MINIMAL.replace("      - Thi đua hoàn thành nhiệm vụ năm 2026.", f"      - {body_line}") + extra
    write(tmp_path, "k.yaml", text)
    result = run("build", "k.yaml", "-o", "out", "--tat-ca")
    assert "Traceback" not in result.output
    out = tmp_path / "out" / "k.docx"
    return result, (docx_text(out) if result.exit_code == 0 else None)


def paragraph(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("a)") or line.startswith("1."))


@pytest.mark.parametrize("written, shown", [
    ("'Năm {{ nam }} và năm {{ nam - 1 }}.'", "Năm 2026 và năm 2025."),
    ("'Địa bàn {{ dia_danh }}, {{ co_quan }}.'", "Địa bàn Tân Lập, ỦY BAN NHÂN DÂN XÃ TÂN LẬP."),
    ("'Đợt “{{ ten_phong_trao }}” từ {{ tu_ngay }} đến {{ den_ngay }}.'",
     "Đợt “Thi đua chào mừng Đại hội năm 2026” từ 05/3/2026 đến 19/4/2026."),
    ("'Kỷ niệm {{ nam - nam_thanh_lap }} năm ({{ nam_thanh_lap }} - {{ nam }}) của {{ ten_xa }}.'",
     "Kỷ niệm 63 năm (1963 - 2026) của xã Tân Lập năm 2026."),
    ("'{{nam}}/{{   nam+1   }}'", "2026/2027"),
])
def test_known_names_are_replaced(tmp_path, monkeypatch, written, shown):
    extra = CAMPAIGN + "bien:\n  nam_thanh_lap: 1963\n  ten_xa: xã {{ dia_danh }} năm {{ nam }}\n"
    result, text = doc_with(tmp_path, monkeypatch, written, extra)
    assert result.exit_code == 0, result.output
    assert f"\n{shown}" in text


@pytest.mark.parametrize("written", [
    "'Giá trị {{ 7*7 }} giữ nguyên.'",          # no name at all
    "'Ông {{ ho_ten }} giữ nguyên.'",           # not a known name
    "'Khối {% if nam %}x{% endif %} giữ nguyên.'",
    "'Dấu {{ lẻ loi và }} đóng.'",              # does not parse as an expression
    "'Mở {{ nam mà không đóng.'",
    "'{{ \"\".__class__ }} giữ nguyên.'",
    "'{{ nam }}{# chú thích #} giữ {{ }}.'",
])
def test_everything_else_stays_as_typed(tmp_path, monkeypatch, written):
    result, text = doc_with(tmp_path, monkeypatch, written)
    assert result.exit_code == 0, result.output
    import yaml

    typed = yaml.safe_load(written)
    expected = typed.replace("{{ nam }}{#", "2026{#")
    assert f"\n{expected}" in text
    assert "cảnh báo" not in result.stderr


def test_a_near_miss_without_bien_stays_literal_with_a_warning(tmp_path, monkeypatch):
    result, text = doc_with(tmp_path, monkeypatch, "'Năm {{ namm }}.'")
    assert result.exit_code == 0
    assert "\nNăm {{ namm }}./." in text
    assert ("k.yaml:12:9: noi_dung[1].noi_dung[1]: cảnh báo: '{{ namm }}' được để nguyên vì 'namm' không "
            "phải biến; có phải 'nam'?") in result.stderr


def test_an_unknown_name_in_a_document_with_bien_is_an_error(tmp_path, monkeypatch):
    result, _ = doc_with(tmp_path, monkeypatch, "'Kỷ niệm {{ nam - nam_thanh_lp }} năm.'",
                         "bien:\n  nam_thanh_lap: 1963\n")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "k.yaml:12:9: noi_dung[1].noi_dung[1]: '{{ nam - nam_thanh_lp }}': biến 'nam_thanh_lp' chưa được khai báo; "
        "có phải 'nam_thanh_lap'?; hãy sửa tên hoặc khai báo trong 'bien:' (các biến có sẵn: nam, dia_danh, "
        "co_quan, ten_phong_trao, tu_ngay, den_ngay)")


def test_a_known_name_without_a_value_is_an_error(tmp_path, monkeypatch):
    result, _ = doc_with(tmp_path, monkeypatch, "'Hạn chót {{ den_ngay }}.'")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "k.yaml:12:9: noi_dung[1].noi_dung[1]: '{{ den_ngay }}': biến 'den_ngay' (ngày kết thúc phong trào "
        "(phong_trao.den_ngay)) chưa có giá trị trong văn bản này; hãy điền mục đó hoặc viết thẳng nội dung")


def test_a_variable_may_not_take_a_builtin_name(tmp_path, monkeypatch):
    result, _ = doc_with(tmp_path, monkeypatch, "'{{ nam }}'", "bien:\n  nam: 2020\n")
    assert result.stderr.splitlines()[0] == (
        "k.yaml:21:3: bien.nam: 'nam' là biến có sẵn (năm của ngày ký (ngay)); hãy đặt tên khác")


def test_a_variable_name_must_be_plain(tmp_path, monkeypatch):
    result, _ = doc_with(tmp_path, monkeypatch, "'x'", "bien:\n  Tên xã: Tân Lập\n")
    assert result.stderr.splitlines()[0] == (
        "k.yaml:20:1: bien: tên biến 'Tên xã' không hợp lệ; chỉ dùng chữ thường không dấu, số và '_', ví dụ ten_xa")


@pytest.mark.parametrize("written, message", [
    ("'{{ nam.__class__ }}'", "'{{ nam.__class__ }}' không được phép"),
    ("'{{ dia_danh * 100000 }}'", "'{{ dia_danh * 100000 }}' không được phép (kết quả quá dài)"),
    ("'{{ nam ** 5000 }}'", "'{{ nam ** 5000 }}' không được phép (lũy thừa quá lớn)"),
    ("'{{ nam / 0 }}'", "không tính được '{{ nam / 0 }}' (ZeroDivisionError)"),
    ("'{{ dia_danh - 1 }}'", "không tính được '{{ dia_danh - 1 }}' (TypeError)"),
])
def test_the_sandbox_refuses_anything_but_simple_values(tmp_path, monkeypatch, written, message):
    result, _ = doc_with(tmp_path, monkeypatch, written)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith(f"k.yaml:12:9: noi_dung[1].noi_dung[1]: {message}")


def test_variables_in_table_cells_and_shared_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "_chung.yaml", "noi_nhan:\n  - UBND tỉnh (báo cáo năm {{ nam }})\n  - 'Lưu: VT'\n")
    text = MINIMAL.replace('noi_nhan:\n  - UBND tỉnh\n  - "Lưu: VT, VP"\n', "dung_chung: _chung.yaml\n").replace(
        "      - Thi đua hoàn thành nhiệm vụ năm 2026.",
        "      - bang:\n          cot: [Việc, Hạn]\n          dong:\n            - [Tổng kết, 'Tháng 12/{{ nam }}']")
    write(tmp_path, "k.yaml", text)
    document = load_document(tmp_path / "k.yaml")
    doc, _ = validate(document)
    doc, warnings = expand(doc, document)
    assert warnings == []
    assert doc.noi_nhan[0] == "UBND tỉnh (báo cáo năm 2026)"
    assert doc.noi_dung[0].noi_dung[0].bang.dong[0] == ["Tổng kết", "Tháng 12/2026"]


def test_an_error_in_a_shared_value_names_the_shared_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "_chung.yaml", "noi_nhan:\n  - UBND tỉnh\n  - 'Lưu: VT {{ nam_truoc }}'\n")
    text = MINIMAL.replace('noi_nhan:\n  - UBND tỉnh\n  - "Lưu: VT, VP"\n', "dung_chung: _chung.yaml\n")
    write(tmp_path, "k.yaml", text + "bien:\n  ke_hoach: x\n")
    result = run("build", "k.yaml", "-o", "out")
    assert result.stderr.splitlines()[0].startswith(
        "_chung.yaml:3:5: noi_nhan[2]: '{{ nam_truoc }}': biến 'nam_truoc' chưa được khai báo")


def test_values_are_inserted_once_never_evaluated_again(tmp_path, monkeypatch):
    result, text = doc_with(tmp_path, monkeypatch, "'Tên: {{ goc }}'", "bien:\n  goc: '{{ 7*7 }} và {% x %}'\n")
    assert result.exit_code == 0, result.output
    assert "\nTên: {{ 7*7 }} và {% x %}./." in text
