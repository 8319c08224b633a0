"""What a new user tries without reading the manual: odd but honest files are accepted and mean
what they look like; odd commands get a clear answer."""
from __future__ import annotations

from badinput import VALID, docx_text, run_cli

TABLE = """\
  - tieu_de: Kinh phí
    noi_dung:
      - bang:
          cot: [Khoản, Số tiền, Giờ, Mã]
          dong:
            - [Tiền thưởng, 1.000, 7:30, 0123]
            - [Khen thưởng, 2.50, 1e3, 0x1F]
            - [Khác, 1_000, .inf, 010]
"""


def test_byte_order_mark(ws):
    _, text = ws.accepted(b"\xef\xbb\xbf" + VALID.encode())
    assert text.startswith("ỦY BAN NHÂN DÂN\nXÃ TAM ĐƯỜNG")


def test_windows_line_endings(ws):
    _, text = ws.accepted(VALID.replace("\n", "\r\n").encode())
    assert "\nSố: 05/KH-UBND\n" in text and "\r" not in text


def test_notepad_unicode_utf16(ws):
    _, text = ws.accepted(VALID.encode("utf-16"))
    assert text.endswith("\nNguyễn Văn An")


def test_upper_case_extension_and_vietnamese_file_name(ws):
    (ws.data / "KE-HOACH.YAML").write_text(VALID, encoding="utf-8")
    (ws.data / "kế hoạch 2026.yml").write_text(VALID, encoding="utf-8")
    (ws.data / "ghi-chu.txt").write_text("không phải văn bản", encoding="utf-8")
    (ws.data / "~$ke-hoach.docx").write_bytes(b"lock file of Word")
    (ws.data / "van-ban.yaml~").write_text("bản sao lưu của trình soạn thảo", encoding="utf-8")
    result = run_cli("build", "data", "-o", "output")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in ws.out.glob("*.docx")) == [
        "KE-HOACH.docx", "khac.docx", "kế hoạch 2026.docx", "van-ban.docx"]


def test_no_final_newline_and_trailing_spaces(ws):
    _, text = ws.accepted(VALID.replace("\n", "   \n").rstrip())
    assert text.endswith("\nNguyễn Văn An")


def test_number_where_text_is_expected(ws):
    _, text = ws.accepted(VALID.replace("ho_ten: Nguyễn Văn An", "ho_ten: 123"))
    assert text.endswith("\n123")


def test_number_with_leading_zero_in_quotes(ws):
    _, text = ws.accepted(VALID.replace("so: 5", 'so: "05"'))
    assert "\nSố: 05/KH-UBND\n" in text


def test_number_with_leading_zero_is_decimal_not_octal(ws):
    _, text = ws.accepted(VALID.replace("so: 5", "so: 010"))
    assert "\nSố: 10/KH-UBND\n" in text


def test_number_written_as_decimal(ws):
    _, text = ws.accepted(VALID.replace("so: 5", "so: 12.0"))
    assert "\nSố: 12/KH-UBND\n" in text


def test_numbers_in_a_table_stay_as_typed(ws):
    # YAML 1.1 would make these 1.0, 450, 123, 2.5, 1000.0, 31, 1000, inf and 8.
    _, text = ws.accepted(VALID.replace("noi_nhan:", TABLE + "noi_nhan:", 1))
    assert "\nTiền thưởng\n1.000\n7:30\n0123\n" in text
    assert "\nKhen thưởng\n2.50\n1e3\n0x1F\n" in text
    assert "\nKhác\n1_000\n.inf\n010\n" in text


def test_date_written_the_vietnamese_way(ws):
    _, text = ws.accepted(VALID.replace("ngay: 2026-01-05", "ngay: 05/01/2026"))
    assert "\nTam Đường, ngày 05 tháng 01 năm 2026\n" in text


def test_date_without_leading_zeros(ws):
    _, text = ws.accepted(VALID.replace("ngay: 2026-01-05", "ngay: 2026-3-9"))
    assert "\nTam Đường, ngày 09 tháng 3 năm 2026\n" in text


def test_yes_no_stay_words(ws):
    # YAML 1.1 reads yes/no/on/off as true/false; a clerk means the word.
    _, text = ws.accepted(VALID.replace("Đoạn một.", "yes"))
    assert "\nyes./.\n" in text


def test_empty_folder(ws):
    (ws.root / "trong").mkdir()
    result = run_cli("build", "trong", "-o", "output")
    assert (result.exit_code, result.stderr) == (1, "Không có tệp YAML nào để tạo văn bản.\n")


def test_path_that_does_not_exist(ws):
    result = run_cli("build", "khong-co.yaml")
    assert result.exit_code == 2
    assert result.stderr.endswith("Lỗi: không tìm thấy 'khong-co.yaml'; hãy kiểm tra lại đường dẫn\n")


def test_output_folder_is_a_file(ws):
    (ws.root / "ket-qua").write_text("tệp thường", encoding="utf-8")
    result = run_cli("build", "data/van-ban.yaml", "-o", "ket-qua")
    assert (result.exit_code, result.stderr) == (
        1, "ket-qua: đường dẫn kết quả trùng với một tệp đã có (không phải thư mục); hãy chọn thư mục khác bằng -o\n")


def test_validate_does_not_write(ws):
    before = sorted(p.name for p in ws.out.iterdir())
    result = run_cli("validate", "data")
    assert result.exit_code == 0
    assert result.stdout == "✓ data/khac.yaml: hợp lệ\n✓ data/van-ban.yaml: hợp lệ\n"
    assert sorted(p.name for p in ws.out.iterdir()) == before
    assert docx_text(ws.out / "van-ban.docx")
