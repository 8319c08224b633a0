"""A clerk's usual slips in a plan made by `tdkt new`: each is told at its line and column with the
line to type, and typing exactly that line makes the plan build. Invisible and look-alike characters
are named, never left as a mystery."""
from __future__ import annotations

from pathlib import Path

import pytest

from badinput import docx_text, run_cli

TABLE = """\
      - bang:
          cot: [TT, Nội dung, Thời gian]
          so_thu_tu: true
          dong:
            - [Xây dựng kế hoạch, Tháng 3/2026]
            - ROW
"""


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    assert run_cli("new", "ke-hoach", "-o", "kh.yaml").exit_code == 0
    return tmp_path / "kh.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def with_row(plan: Path, row: str) -> None:
    edit(plan, "      - Các cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 15/12/2026.\n",
         "      - Các cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 15/12/2026.\n" + TABLE.replace("ROW", row))


def refused(plan: Path) -> list[str]:
    result = run_cli("build", plan.name, "-o", "out")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.stdout == ""
    return result.stderr.splitlines()


def built(plan: Path) -> str:
    result = run_cli("build", plan.name, "-o", "out")
    assert result.exit_code == 0, result.output
    return result.stderr


def follow(plan: Path, message: str) -> None:
    """Do what the message says: replace its line by the one after 'sửa dòng thành: ', indentation kept."""
    number = int(message.split(":")[1])
    typed = message.split("sửa dòng thành: ", 1)[1]
    lines = plan.read_text(encoding="utf-8").split("\n")
    old = lines[number - 1]
    lines[number - 1] = old[:len(old) - len(old.lstrip())] + typed
    plan.write_text("\n".join(lines), encoding="utf-8")


def test_a_comma_inside_a_table_cell(plan):
    with_row(plan, "[Tổng kết, khen thưởng, Tháng 12/2026]")
    line = line_of(plan, "[Tổng kết, khen")
    said = refused(plan)
    assert said == [
        f"kh.yaml:{line}:15: noi_dung[2].noi_dung[2].bang.dong[2]: dòng 2 của bảng có 3 ô, cần 2 ô (theo số cột, "
        "không kể cột số thứ tự): YAML tách ô ở mỗi dấu phẩy, nên có lẽ ô «Tổng kết, khen thưởng» có dấu phẩy; hãy "
        "đặt riêng ô đó trong ngoặc kép, tức là sửa dòng thành: - [\"Tổng kết, khen thưởng\", Tháng 12/2026]",
        "✗ kh.yaml: 1 lỗi, chưa tạo văn bản."]
    follow(plan, said[0])
    built(plan)
    assert "\nTổng kết, khen thưởng\nTháng 12/2026\n" in docx_text(plan.parent / "out" / "kh.docx")


def test_a_comma_row_where_the_cells_that_go_together_are_not_clear(plan):
    with_row(plan, "[Tổng kết, Khen thưởng, Tháng 12/2026]")
    said = refused(plan)
    assert said[0].endswith(
        "YAML tách ô ở mỗi dấu phẩy; không rõ ô nào có dấu phẩy: hãy đặt trong ngoặc kép từng ô có dấu phẩy, ví dụ "
        "nếu «Tổng kết, Khen thưởng» là một ô thì sửa dòng thành: - [\"Tổng kết, Khen thưởng\", Tháng 12/2026]")
    follow(plan, said[0])
    built(plan)


def test_a_variable_in_a_table_cell_quotes_the_cell_not_the_row(plan):
    with_row(plan, "[Tổng kết năm {{ nam }}, Tháng 12/2026]")
    line = line_of(plan, "{{ nam }}")
    said = refused(plan)
    assert said[0] == (
        f"kh.yaml:{line}:16: lỗi cú pháp YAML: trong dòng bảng [ ... ], ô «Tổng kết năm {{{{ nam }}}}» có dấu mà "
        "YAML hiểu là ký hiệu ({ } [ ] ':' hoặc ' #'); hãy đặt riêng ô đó trong ngoặc kép, không đặt cả dòng, tức "
        "là sửa dòng thành: - [\"Tổng kết năm {{ nam }}\", Tháng 12/2026]")
    follow(plan, said[0])
    built(plan)
    assert "\nTổng kết năm 2026\nTháng 12/2026\n" in docx_text(plan.parent / "out" / "kh.docx")


@pytest.mark.parametrize("old, new, col, typed, shown", [
    ("          - Đẩy mạnh", "          - {{ nam }} là năm đẩy mạnh", 13,
     "- \"{{ nam }} là năm đẩy mạnh các phong trào thi đua yêu nước, góp phần hoàn thành các chỉ tiêu phát triển "
     "kinh tế - xã hội năm 2026.\"", "\n2026 là năm đẩy mạnh các phong trào thi đua yêu nước"),
    ("trich_yeu: Tổ chức", "trich_yeu: {{ nam }}: tổ chức", 12,
     "trich_yeu: \"{{ nam }}: tổ chức phong trào thi đua năm 2026\"", "\n2026: tổ chức phong trào thi đua năm 2026\n"),
], ids=["list item", "value of a key"])
def test_a_variable_at_the_start_of_a_text_quotes_that_text(plan, old, new, col, typed, shown):
    edit(plan, old, new)
    line = line_of(plan, "{{ nam }}")
    said = refused(plan)
    assert said[0].startswith(f"kh.yaml:{line}:{col}: ")
    assert said[0].endswith(f"; hãy đặt cả đoạn trong ngoặc kép \"...\", tức là sửa dòng thành: {typed}")
    follow(plan, said[0])
    built(plan)
    assert shown in docx_text(plan.parent / "out" / "kh.docx")


def test_curly_quotes_in_a_list_item(plan):
    edit(plan, '  - "Lưu: VT, VHXH"', "  - “Lưu: VT, VHXH”")
    line = line_of(plan, "“Lưu")
    said = refused(plan)
    assert said == [
        f"kh.yaml:{line}:5: noi_nhan[2]: dấu ngoặc cong “ ” (Word tự đổi) không phải dấu ngoặc kép của YAML; hãy gõ "
        "dấu ngoặc kép thẳng \" trên bàn phím, tức là sửa dòng thành: - \"Lưu: VT, VHXH\"",
        "✗ kh.yaml: 1 lỗi, chưa tạo văn bản."]
    follow(plan, said[0])
    built(plan)
    assert "\n- Lưu: VT, VHXH.\n" in docx_text(plan.parent / "out" / "kh.docx")


def test_curly_quotes_around_a_value_with_a_colon(plan):
    edit(plan, "trich_yeu: Tổ chức phong trào thi đua năm 2026", "trich_yeu: “Về việc: tổ chức phong trào”")
    said = refused(plan)
    assert said[0] == (
        f"kh.yaml:{line_of(plan, 'trich_yeu')}:12: lỗi cú pháp YAML: dấu ngoặc cong “ ” (Word tự đổi) không phải dấu "
        "ngoặc kép của YAML; hãy gõ dấu ngoặc kép thẳng \" trên bàn phím, tức là sửa dòng thành: trich_yeu: \"Về "
        "việc: tổ chức phong trào\"")
    follow(plan, said[0])
    built(plan)


def test_non_breaking_spaces_in_an_indentation_are_made_plain(plan):
    edit(plan, "  chuc_vu: CHỦ TỊCH", "\u00a0\u00a0chuc_vu:\u00a0CHỦ TỊCH")
    line = line_of(plan, "CHỦ TỊCH")
    assert built(plan).splitlines() == [
        f"kh.yaml:{line}:1: nguoi_ky.chuc_vu: cảnh báo: đã coi 3 dấu cách không ngắt (U+00A0) ở đầu dòng (phần thụt "
        "lề, sau '- ' hoặc sau ':') là dấu cách thường: YAML chỉ nhận dấu cách thường ở đó — hãy xóa các khoảng trắng "
        "này rồi gõ lại bằng phím cách"]
    assert "\nCHỦ TỊCH\n" in docx_text(plan.parent / "out" / "kh.docx")
    edit(plan, "\u00a0\u00a0chuc_vu:\u00a0CHỦ TỊCH", "  chuc_vu: CHỦ TỊCH")
    assert built(plan) == ""


def test_a_non_breaking_space_that_leaves_the_indentation_wrong_is_named_with_the_error(plan):
    edit(plan, "  chuc_vu: CHỦ TỊCH", "\u00a0chuc_vu: CHỦ TỊCH")
    line = line_of(plan, "CHỦ TỊCH")
    said = refused(plan)
    assert said[0] == f"kh.yaml:{line}:2: lỗi cú pháp YAML: thụt lề không khớp với các dòng cùng cấp; hãy kiểm tra số dấu cách đầu dòng"
    assert said[3] == (
        "    lưu ý (cột 1): đã coi dấu cách không ngắt (U+00A0) ở đầu dòng (phần thụt lề, sau '- ' hoặc sau ':') là "
        "dấu cách thường: YAML chỉ nhận dấu cách thường ở đó — hãy xóa các khoảng trắng này rồi gõ lại bằng phím cách")
    edit(plan, "\u00a0chuc_vu: CHỦ TỊCH", "  chuc_vu: CHỦ TỊCH")
    built(plan)


@pytest.mark.parametrize("typed, col, said", [
    ("  chuc\u200b_vu: CHỦ TỊCH", 7, "đã bỏ ký tự vô hình: dấu cách độ rộng 0 (U+200B) — thường dính vào khi dán chữ "
     "từ trang web, Word hoặc tin nhắn; không cần làm gì, muốn tệp sạch hẳn thì xóa rồi gõ lại chữ ở chỗ này"),
    ("\ufeff  chuc_vu: CHỦ TỊCH", 1, "đã bỏ ký tự vô hình: dấu BOM (dấu thứ tự byte) giữa tệp (U+FEFF) — thường dính "
     "vào khi dán chữ từ trang web, Word hoặc tin nhắn; không cần làm gì, muốn tệp sạch hẳn thì xóa rồi gõ lại chữ ở "
     "chỗ này"),
    ("  сhuc_vu: CHỦ TỊCH", 3, "tên mục có chữ trông giống chữ Latinh nhưng thuộc bảng chữ khác; đã đổi 'с' (chữ "
     "Kirin, U+0441) thành 'c' — thường do bộ gõ hoặc dán chữ; hãy xóa chữ đó rồi gõ lại bằng bàn phím tiếng Việt"),
    ("  chuc_vu: CHỦ TỊCH\u2028", 20, "đã thay ký tự xuống dòng Unicode (U+2028) bằng dấu cách: YAML coi ký tự này là "
     "xuống dòng dù trên màn hình không thấy; muốn xuống dòng thật thì gõ Enter"),
], ids=["zero-width space in a key", "byte order mark mid-file", "Cyrillic letter in a key", "line separator"])
def test_an_invisible_or_look_alike_character_is_named_where_it_is(plan, typed, col, said):
    edit(plan, "  chuc_vu: CHỦ TỊCH", typed)
    line = line_of(plan, "TỊCH")
    assert built(plan).splitlines() == [f"kh.yaml:{line}:{col}: nguoi_ky.chuc_vu: cảnh báo: {said}"]
    assert "\nCHỦ TỊCH\n" in docx_text(plan.parent / "out" / "kh.docx")


def test_a_look_alike_letter_in_a_name_is_named_and_kept(plan):
    edit(plan, "ho_ten: Nguyễn Văn An", "ho_ten: Nguyễn Văn Аn")  # a Cyrillic А
    line = line_of(plan, "ho_ten:")
    assert built(plan).splitlines() == [
        f"kh.yaml:{line}:22: nguoi_ky.ho_ten: cảnh báo: trong chữ có 'А' (chữ Kirin, U+0410, trông như chữ 'A') — văn "
        "bản in ra trông đúng nhưng tìm kiếm, sắp xếp sẽ sai; hãy xóa chữ đó rồi gõ lại chữ 'A' bằng bàn phím tiếng "
        "Việt"]
    edit(plan, "Văn Аn", "Văn An")
    assert built(plan) == ""
    assert docx_text(plan.parent / "out" / "kh.docx").endswith("\nNguyễn Văn An")


def test_a_character_made_plain_is_said_with_the_errors_of_the_file(plan):
    edit(plan, "  chuc_vu: CHỦ TỊCH", "\u00a0\u00a0chuc_vu: CHỦ TỊCH")
    edit(plan, "\ntrich_yeu:", "\ntrich_yeuu:")
    said = refused(plan)
    assert said[0].startswith(f"kh.yaml:{line_of(plan, 'trich_yeuu')}:1: trich_yeuu: ")
    assert said[1] == (
        f"kh.yaml:{line_of(plan, 'CHỦ TỊCH')}:1: nguoi_ky.chuc_vu: cảnh báo: đã coi 2 dấu cách không ngắt (U+00A0) ở "
        "đầu dòng (phần thụt lề, sau '- ' hoặc sau ':') là dấu cách thường: YAML chỉ nhận dấu cách thường ở đó — hãy "
        "xóa các khoảng trắng này rồi gõ lại bằng phím cách")
    assert said[-1] == "✗ kh.yaml: 1 lỗi, chưa tạo văn bản."
