"""What a clerk reads after the usual mistakes: the file, the line, the field and what to do."""
from __future__ import annotations

import pytest

from clerk_support import MINIMAL, run, write


def check(tmp_path, monkeypatch, text: str):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "k.yaml", text)
    result = run("build", "k.yaml", "-o", "out")
    assert "Traceback" not in result.output
    return result


def errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("k.yaml:")]


def test_misspelled_key_suggests_the_real_one_and_nothing_else(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, MINIMAL.replace("noi_nhan:", "noi_nhân:"))
    assert result.exit_code == 1
    # The missing 'noi_nhan' is the same mistake: one message, not two.
    assert errors(result) == ["k.yaml:13:1: noi_nhân: 'noi_nhân' không có trong mẫu; có phải 'noi_nhan'?"]
    assert "✗ k.yaml: 1 lỗi, chưa tạo văn bản." in result.stderr
    assert not (tmp_path / "out" / "k.docx").exists()


def test_misspelled_nested_key(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, MINIMAL.replace("    noi_dung:\n", "    noi_dug:\n"))
    assert errors(result) == ["k.yaml:11:5: noi_dung[1].noi_dug: 'noi_dug' không có trong mẫu; có phải 'noi_dung'?"]


def test_unknown_key_without_a_near_one_lists_the_keys(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, MINIMAL.replace("  ho_ten: Nguyễn Văn An\n",
                                                          "  ho_ten: Nguyễn Văn An\n  sdt: 0912\n"))
    assert errors(result) == [
        "k.yaml:20:3: nguoi_ky.sdt: 'sdt' không có trong mẫu; "
        "các mục được dùng ở đây: quyen_han, chuc_vu, chuc_vu_khac, ho_ten"]


def test_missing_signer_title_names_the_line_to_add(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, MINIMAL.replace("  chuc_vu: CHỦ TỊCH\n", ""))
    assert errors(result) == [
        "k.yaml:16:3: nguoi_ky.chuc_vu: thiếu thông tin bắt buộc; hãy thêm dòng 'chuc_vu: ...' trong mục "
        "'nguoi_ky' (Chức vụ người ký, ví dụ CHỦ TỊCH, PHÓ CHỦ TỊCH), ghi theo văn bản của đơn vị mình, ví dụ "
        "'chuc_vu: CHỦ TỊCH'"]


def test_a_missing_block_inside_a_switchable_one_is_one_problem(tmp_path, monkeypatch):
    # `quyet_dinh:` may be `false` or a block: a block missing a line is not also "not false".
    monkeypatch.chdir(tmp_path)
    from click.testing import CliRunner
    from tdkt_docs.cli import main

    assert CliRunner().invoke(main, ["new", "ho-so", "-o", "hs.yaml"]).exit_code == 0
    text = (tmp_path / "hs.yaml").read_text(encoding="utf-8")
    signer = text.index("ho_ten:", text.index("quyet_dinh:"))
    (tmp_path / "hs.yaml").write_text(text[:signer] + "# " + text[signer:], encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "hs.yaml"])
    lines = result.output.splitlines()
    assert result.exit_code == 1 and lines[-1] == "✗ hs.yaml: 1 lỗi, chưa tạo văn bản.", result.output
    assert "quyet_dinh.nguoi_ky.ho_ten: thiếu thông tin bắt buộc; hãy thêm dòng 'ho_ten: ...'" in lines[0]


def test_missing_signer_block_lists_what_it_needs(tmp_path, monkeypatch):
    text = MINIMAL[:MINIMAL.index("nguoi_ky:")]
    result = check(tmp_path, monkeypatch, text)
    assert errors(result) == [
        "k.yaml:1:1: nguoi_ky: thiếu thông tin bắt buộc; hãy thêm mục 'nguoi_ky:' (Người ký văn bản), "
        "bên dưới thụt vào 2 dấu cách các dòng 'chuc_vu: ...', 'ho_ten: ...'"]


def test_missing_list_says_how_a_list_is_written(tmp_path, monkeypatch):
    text = MINIMAL.replace('noi_nhan:\n  - UBND tỉnh\n  - "Lưu: VT, VP"\n', "")
    result = check(tmp_path, monkeypatch, text)
    assert errors(result) == [
        "k.yaml:1:1: noi_nhan: thiếu thông tin bắt buộc; hãy thêm mục 'noi_nhan:' (Nơi nhận, mỗi dòng một nơi, "
        "không cần gạch đầu dòng và dấu ';'. Dòng cuối là 'Lưu: VT, ...'), bên dưới mỗi dòng một ý, bắt đầu bằng '- '"]


def test_empty_signer_name(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, MINIMAL.replace("ho_ten: Nguyễn Văn An", "ho_ten:"))
    assert errors(result) == [
        "k.yaml:19:3: nguoi_ky.ho_ten: đang để trống; hãy điền nội dung, ví dụ 'ho_ten: Nguyễn Văn An'"]


@pytest.mark.parametrize("written, message", [
    ("2026-02-30", "ngày 30/02/2026 không có trên lịch (tháng 2 năm 2026 không có ngày 30); hãy kiểm tra lại ngày"),
    ("2026-13-05", "tháng 13 không có; tháng chỉ từ 1 đến 12 (ngày viết theo thứ tự năm-tháng-ngày, "
                   "ví dụ 2026-03-05, hoặc ngày/tháng/năm, ví dụ 05/3/2026)"),
    ("05-03-2026", "ngày không đúng dạng; viết 2026-01-05 (năm-tháng-ngày) hoặc 05/01/2026, "
                   "bản dự thảo chưa có ngày viết 2026-01 hoặc chỉ năm 2026"),
    ("ngày 5 tháng 3", "ngày không đúng dạng; viết 2026-01-05 (năm-tháng-ngày) hoặc 05/01/2026, "
                       "bản dự thảo chưa có ngày viết 2026-01 hoặc chỉ năm 2026"),
])
def test_wrong_date(tmp_path, monkeypatch, written, message):
    result = check(tmp_path, monkeypatch, MINIMAL.replace("ngay: 2026-03-05", f"ngay: {written}"))
    assert errors(result) == [f"k.yaml:7:1: ngay: {message}"]


def test_number_where_text_is_needed(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, MINIMAL.replace("viet_tat: UBND", "viet_tat: 123"))
    assert errors(result) == [
        'k.yaml:4:3: co_quan.viet_tat: cần chữ nhưng đang là số 123; nếu đúng là vậy, hãy đặt trong ngoặc kép: "123"']


def test_list_where_text_is_needed(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, MINIMAL.replace("dia_danh: Tân Lập", "dia_danh:\n  - Tân Lập"))
    assert errors(result) == [
        "k.yaml:6:1: dia_danh: cần một đoạn chữ, không phải danh sách; hãy viết nội dung ngay sau dấu ':' "
        "trên cùng một dòng, không dùng '- '"]


def test_text_where_a_list_is_needed(tmp_path, monkeypatch):
    text = MINIMAL.replace('noi_nhan:\n  - UBND tỉnh\n  - "Lưu: VT, VP"\n', "noi_nhan: UBND tỉnh\n")
    result = check(tmp_path, monkeypatch, text)
    assert errors(result) == [
        "k.yaml:13:1: noi_nhan: cần một danh sách: xuống dòng và viết mỗi ý trên một dòng bắt đầu bằng '- ' "
        "(đang ghi: UBND tỉnh)"]


def test_unquoted_colon_in_a_list_line(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, MINIMAL.replace('  - "Lưu: VT, VP"', "  - Lưu: VT, VP"))
    assert errors(result) == [
        "k.yaml:15:5: noi_nhan[2]: dòng này có dấu ':' nên bị hiểu thành mục con; "
        'hãy đặt cả dòng trong ngoặc kép: "Lưu: VT, VP"']


def test_unquoted_colon_in_body_text(tmp_path, monkeypatch):
    text = MINIMAL.replace("      - Thi đua hoàn thành nhiệm vụ năm 2026.",
                           "      - Lưu ý: nộp báo cáo trước ngày 15/7.")
    result = check(tmp_path, monkeypatch, text)
    assert errors(result) == [
        "k.yaml:12:9: noi_dung[1].noi_dung[1].Lưu ý: dòng này có dấu ':' nên bị hiểu thành tên mục 'Lưu ý'; "
        'nếu đây là nội dung, hãy đặt cả dòng trong ngoặc kép: "Lưu ý: nộp báo cáo trước ngày 15/7."']


def test_full_symbol_typed_in_the_number(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, MINIMAL.replace("so: 12", "so: 12/KH-UBND"))
    assert errors(result) == [
        "k.yaml:5:1: so: chỉ ghi số văn bản, ví dụ 'so: 5'; phần ký hiệu (/KH-UBND) do chương trình tự ghép "
        "(đang ghi: 12/KH-UBND)"]


def test_text_or_list_field_given_a_mapping(tmp_path, monkeypatch):
    text = MINIMAL.replace("  quyen_han: TM. ỦY BAN NHÂN DÂN", "  quyen_han:\n    tm: ỦY BAN NHÂN DÂN")
    result = check(tmp_path, monkeypatch, text)
    assert errors(result) == [
        "k.yaml:17:3: nguoi_ky.quyen_han: cần một đoạn chữ hoặc một danh sách (mỗi dòng bắt đầu bằng '- ')"]


def test_every_problem_of_a_file_at_once_in_line_order(tmp_path, monkeypatch):
    text = (MINIMAL.replace("noi_nhan:", "noi_nhân:").replace("ngay: 2026-03-05", "ngay: 2026-02-30")
            .replace("  chuc_vu: CHỦ TỊCH\n", "").replace("viet_tat: UBND", "viet_tat: 123"))
    result = check(tmp_path, monkeypatch, text)
    assert result.exit_code == 1
    lines = errors(result)
    assert [line.split(":")[1] for line in lines] == ["4", "7", "13", "16"]
    assert "✗ k.yaml: 4 lỗi, chưa tạo văn bản." in result.stderr


def test_yaml_syntax_error_shows_the_line_and_a_caret(tmp_path, monkeypatch):
    text = MINIMAL.replace("trich_yeu: Tổ chức phong trào thi đua năm 2026",
                           "trich_yeu: Về việc: tổ chức phong trào thi đua")
    result = check(tmp_path, monkeypatch, text)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:3] == [
        "k.yaml:8:19: lỗi cú pháp YAML: có dấu ':' không hợp lệ — nếu nội dung có dấu ':', "
        "hãy đặt cả đoạn trong ngoặc kép \"...\"",
        "    trich_yeu: Về việc: tổ chức phong trào thi đua",
        "                      ^",
    ]


def test_misindented_line_shows_a_caret(tmp_path, monkeypatch):
    text = MINIMAL.replace("  viet_tat: UBND", "   viet_tat: UBND")
    result = check(tmp_path, monkeypatch, text)
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith("k.yaml:4:") and "lỗi cú pháp YAML" in first
    assert result.stderr.splitlines()[2].strip() == "^"


def _explode(*args, **kwargs):
    raise RuntimeError("hỏng bên trong")


def test_an_unexpected_failure_shows_no_traceback(tmp_path, monkeypatch):
    from tdkt_docs.build import stages

    monkeypatch.setattr(stages, "prepare", _explode)
    result = check(tmp_path, monkeypatch, MINIMAL)
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert "Lỗi không mong đợi: RuntimeError: hỏng bên trong" in result.stderr
    assert "--debug" in result.stderr


def test_debug_shows_the_traceback_to_developers(tmp_path, monkeypatch):
    import subprocess
    import sys

    monkeypatch.chdir(tmp_path)
    write(tmp_path, "k.yaml", MINIMAL)
    # A real process, so the traceback is what a developer would see in the terminal.
    code = ("import sys, tdkt_docs.build.stages as p\n"
            "def boom(*a, **k): raise RuntimeError('hỏng bên trong')\n"
            "p.prepare = boom\n"
            "from tdkt_docs.cli import main\n"
            "sys.argv = ['tdkt'] + sys.argv[1:]\n"
            "main()\n")
    plain = subprocess.run([sys.executable, "-c", code, "build", "k.yaml", "-o", "out"],
                           capture_output=True, text=True)
    debug = subprocess.run([sys.executable, "-c", code, "--debug", "build", "k.yaml", "-o", "out"],
                           capture_output=True, text=True)
    assert plain.returncode == 3 and "Traceback" not in plain.stderr
    assert debug.returncode != 0
    assert "Traceback (most recent call last)" in debug.stderr
    assert "RuntimeError: hỏng bên trong" in debug.stderr


def test_a_key_indented_too_little_is_sent_to_its_place(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, MINIMAL.replace("  ho_ten: Nguyễn Văn An", "ho_ten: Nguyễn Văn An"))
    # One message: the missing nguoi_ky.ho_ten is the same mistake.
    assert errors(result) == [
        "k.yaml:19:1: ho_ten: 'ho_ten' không nằm ở đây mà là mục con của 'nguoi_ky'; hãy chuyển dòng này vào "
        "dưới 'nguoi_ky', thụt vào 2 dấu cách"]


def test_a_main_key_indented_too_much_is_sent_back(tmp_path, monkeypatch):
    text = MINIMAL.replace('noi_nhan:\n  - UBND tỉnh\n  - "Lưu: VT, VP"\n', "").replace(
        "  ho_ten: Nguyễn Văn An", '  ho_ten: Nguyễn Văn An\n  noi_nhan:\n    - "Lưu: VT"')
    result = check(tmp_path, monkeypatch, text)
    assert errors(result) == [
        "k.yaml:17:3: nguoi_ky.noi_nhan: 'noi_nhan' là mục chính, không nằm trong 'nguoi_ky'; hãy xóa các dấu "
        "cách đầu dòng để dòng này thẳng hàng với 'loai:'"]


def test_an_empty_list_line(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, MINIMAL.replace("      - Thi đua hoàn thành nhiệm vụ năm 2026.", "      -"))
    assert errors(result) == [
        "k.yaml:12:8: noi_dung[1].noi_dung[1]: dòng '- ' này đang để trống; hãy viết nội dung ngay sau '- ' "
        "hoặc xóa dòng"]


def test_a_person_instead_of_the_signer_block(tmp_path, monkeypatch):
    text = MINIMAL[:MINIMAL.index("nguoi_ky:")] + "nguoi_ky: Nguyễn Văn An\n"
    result = check(tmp_path, monkeypatch, text)
    assert errors(result) == [
        "k.yaml:16:1: nguoi_ky: cần các mục con dạng 'ten: giá trị' (chuc_vu, ho_ten) ở các dòng dưới, thụt vào "
        "2 dấu cách (đang ghi: Nguyễn Văn An)"]


def test_a_draft_number_written_as_words(tmp_path, monkeypatch):
    result = check(tmp_path, monkeypatch, MINIMAL.replace("so: 12", "so: dự thảo"))
    assert errors(result) == [
        "k.yaml:5:1: so: cần một số, ví dụ 'so: 5'; bản dự thảo chưa có số thì để trống 'so:' (đang ghi: dự thảo)"]


TABLE = """loai: ke_hoach
co_quan:
  ten: "ỦY BAN NHÂN DÂN\\nXÃ TAM ĐƯỜNG"
  viet_tat: UBND
so: 5
dia_danh: Tam Đường
ngay: 2026-01-05
trich_yeu: Tổ chức phong trào thi đua năm 2026
noi_dung:
  - tieu_de: Tổ chức thực hiện
    noi_dung:
      - bang:
          cot: [Nội dung, Thời gian]
          dong:
            - [Xây dựng, ban hành kế hoạch, Tháng 3/2026]
noi_nhan:
  - Ban TĐKT tỉnh
  - "Lưu: VT, NV"
nguoi_ky:
  quyen_han: TM. ỦY BAN NHÂN DÂN
  chuc_vu: CHỦ TỊCH
  ho_ten: Nguyễn Văn An
"""


def test_a_comma_inside_a_table_cell_gets_advice_that_works(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "kh.yaml", TABLE)
    result = run("validate", "kh.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "kh.yaml:15:15: noi_dung[1].noi_dung[1].bang.dong[1]: dòng 1 của bảng có 3 ô, cần 2 ô (theo số cột): YAML "
        "tách ô ở mỗi dấu phẩy, nên có lẽ ô «Xây dựng, ban hành kế hoạch» có dấu phẩy; hãy đặt riêng ô đó trong ngoặc "
        "kép, tức là sửa dòng thành: - [\"Xây dựng, ban hành kế hoạch\", Tháng 3/2026]")
    write(tmp_path, "kh.yaml", TABLE.replace("[Xây dựng, ban hành kế hoạch,", "[\"Xây dựng, ban hành kế hoạch\","))
    assert run("validate", "kh.yaml").exit_code == 0
