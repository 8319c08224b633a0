"""Text that breaks naive DOCX writers appears in the document exactly as typed (after the
documented normalisation in tdkt_docs/sanitize.py), and the DOCX stays one Word can open."""
from __future__ import annotations

import unicodedata
import zipfile

from lxml import etree

from badinput import VALID

F = "data/van-ban.yaml"
REMOVED = ("mà văn bản Word không chứa được — thường do dán chữ từ Word, PDF hoặc e-mail; hãy xem lại chỗ này")


def well_formed(path) -> None:
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))


def with_paragraph(text_yaml: str) -> str:
    return VALID.replace("      - Đoạn một.", f"      - {text_yaml}")


def test_xml_special_characters(ws):
    result, text = ws.accepted(with_paragraph('"A & B <c> \\"trích\\" \'đơn\' &amp; <w:t>x</w:t> ]]> &#x41;"'))
    assert result.stderr == ""
    assert "\nA & B <c> \"trích\" 'đơn' &amp; <w:t>x</w:t> ]]> &#x41;./.\n" in text
    well_formed(ws.out / "van-ban.docx")


def test_template_code_in_values_is_never_run(ws):
    # Only a variable of bien.py ({{ nam }}, {{ dia_danh }}, names under bien:) is replaced; the
    # template's own names and any other code stay exactly as typed.
    typed = "{{ 7*7 }} {% for x in range(3) %}x{% endfor %} {# chú thích #} {{ ky.ho_ten }} {%p if %} {{r khoi }}"
    result, text = ws.accepted(with_paragraph(f"'{typed}'").replace(
        "ho_ten: Nguyễn Văn An", "ho_ten: \"{{ trich_yeu }}{{ self }}\""))
    assert f"\n{typed}./.\n" in text  # the last paragraph of the content gets './.'
    assert text.endswith("\n{{ trich_yeu }}{{ self }}")
    assert "49" not in text and "xxx" not in text


def test_very_long_paragraph(ws):
    words = " ".join(f"từ{i}" for i in range(40_000))  # about 280 000 characters
    _, text = ws.accepted(with_paragraph(f'"{words}"'))
    assert f"\n{words}./.\n" in text
    well_formed(ws.out / "van-ban.docx")


def test_decomposed_vietnamese_is_composed(ws):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    assert nfd != "Nguyễn Thị Hường"
    _, text = ws.accepted(VALID.replace("Nguyễn Văn An", nfd))
    assert text.endswith("\nNguyễn Thị Hường")
    assert nfd not in text


def test_decomposed_vietnamese_written_as_escapes_is_composed(ws):
    # "\u0301" in double quotes only becomes a mark after YAML has read the file.
    _, text = ws.accepted(VALID.replace("Nguyễn Văn An", '"Nguye\\u0302\\u0303n Va\\u0306n An"'))
    assert text.endswith("\nNguyễn Văn An")


def test_tabs_and_line_breaks_inside_values(ws):
    doc = with_paragraph('"Dòng một\\nDòng hai\\tcột"').replace(
        "ho_ten: Nguyễn Văn An", 'ho_ten: "Nguyễn\\tVăn\\nAn"')
    _, text = ws.accepted(doc)
    assert "\nDòng một\nDòng hai\tcột./.\n" in text
    assert text.endswith("\nNguyễn\tVăn\nAn")
    with zipfile.ZipFile(ws.out / "van-ban.docx") as z:
        xml = z.read("word/document.xml").decode()
    # Word's own break and tab elements, never a raw line feed or tab inside <w:t>.
    assert '<w:t xml:space="preserve">Nguyễn</w:t><w:tab/><w:t xml:space="preserve">Văn</w:t><w:br/>' in xml
    assert "\t" not in xml and "Dòng một\n" not in xml


def test_literal_block_keeps_its_lines(ws):
    doc = VALID.replace("      - Đoạn một.", "      - |\n        Dòng một\n        Dòng hai")
    _, text = ws.accepted(doc)
    assert "\nDòng một\nDòng hai./.\n" in text


def test_control_character_from_word_is_removed_with_a_warning(ws):
    # U+000B is how Word hands over a manual line break; YAML itself refuses to read it.
    result, text = ws.accepted(VALID.replace("Nguyễn Văn An", "Nguyễn\x0bVăn An"))
    assert result.stderr.splitlines() == [
        f"{F}:21:17: nguoi_ky.ho_ten: cảnh báo: đã bỏ 1 ký tự không in được (U+000B) {REMOVED}"]
    assert text.endswith("\nNguyễn Văn An")  # the words it separated stay apart
    well_formed(ws.out / "van-ban.docx")


def test_control_characters_inside_a_word_are_removed(ws):
    result, text = ws.accepted(VALID.replace("Đoạn một.", "Đoạn\x01\x02 m\x1fột.\x7f"))
    assert result.stderr.splitlines() == [
        f"{F}:14:13: noi_dung[1].noi_dung[1]: cảnh báo: đã bỏ 4 ký tự không in được "
        f"(U+0001, U+0002, U+001F, U+007F) {REMOVED}"]
    assert "\nĐoạn một./.\n" in text


def test_control_character_written_as_escape(ws):
    result, text = ws.accepted(VALID.replace("Tam Đường", '"Tam\\x0cĐường"'))
    assert result.stderr.splitlines() == [
        f"{F}:6:1: dia_danh: cảnh báo: đã bỏ 1 ký tự không in được (U+000C) {REMOVED}"]
    assert "\nTam Đường, ngày 05 tháng 01 năm 2026\n" in text


def test_byte_order_mark_inside_text_is_removed(ws):
    result, text = ws.accepted(VALID.replace("Đoạn một.", "Đoạn\ufeff một."))
    assert result.stderr.splitlines() == [
        f"{F}:14:13: noi_dung[1].noi_dung[1]: cảnh báo: đã bỏ ký tự vô hình: dấu BOM (dấu thứ tự byte) giữa tệp "
        "(U+FEFF) — thường dính vào khi dán chữ từ trang web, Word hoặc tin nhắn; không cần làm gì, muốn tệp sạch "
        "hẳn thì xóa rồi gõ lại chữ ở chỗ này"]
    assert "\nĐoạn một./.\n" in text


def test_noncharacter_and_surrogate_escapes_are_removed(ws):
    result, text = ws.accepted(VALID.replace("Đoạn một.", '"Đoạn\\uFFFE một\\uFFFF.\\uD800"'))
    assert result.stderr.splitlines() == [
        f"{F}:14:9: noi_dung[1].noi_dung[1]: cảnh báo: đã bỏ 3 ký tự không in được (U+FFFE, U+FFFF, U+D800) {REMOVED}"]
    assert "\nĐoạn một./.\n" in text


def test_carriage_returns_become_line_breaks(ws):
    _, text = ws.accepted(with_paragraph('"Dòng một\\r\\nDòng hai\\rDòng ba"'))
    assert "\nDòng một\nDòng hai\nDòng ba./.\n" in text


def test_emoji_and_rare_scripts_survive(ws):
    typed = "Khen thưởng 🏅 — “tập thể” ‘xuất sắc’ … №5 ½ 中文 ꦗꦮ 𝔄"
    _, text = ws.accepted(with_paragraph(f'"{typed}"'))
    assert f"\n{typed}./.\n" in text


def test_markup_is_the_documented_exception(ws):
    # **đậm** and *nghiêng* are formatting; an escaped \* and a lone '* ' stay as typed.
    _, text = ws.accepted(with_paragraph('"**Hạn chót** ngày *05/01*, ghi chú \\\\* và * mục"'))
    assert "\nHạn chót ngày 05/01, ghi chú * và * mục./.\n" in text


def test_control_character_in_a_key(ws):
    result, text = ws.accepted(VALID.replace("  ho_ten: Nguyễn Văn An", "  ho_ten\x0b: Nguyễn Văn An"))
    assert result.stderr.splitlines() == [
        f"{F}:21:3: nguoi_ky.ho_ten: cảnh báo: đã bỏ 1 ký tự không in được (U+000B) {REMOVED}"]
    assert text.endswith("\nNguyễn Văn An")


def test_two_keys_equal_once_cleaned(ws):
    bad = VALID.replace("  ho_ten: Nguyễn Văn An", "  ho_ten: Nguyễn Văn An\n  ho_ten\ufeff: Trần Văn Bình")
    assert ws.refused(bad) == [
        f"{F}:22:3: nguoi_ky.ho_ten: 'ho_ten' bị khai báo hai lần (lần đầu ở dòng 21); hãy xóa một lần",
        # The invisible character that made two keys look different is named with the error.
        "    lưu ý (cột 9): đã bỏ ký tự vô hình: dấu BOM (dấu thứ tự byte) giữa tệp (U+FEFF) — thường dính vào khi "
        "dán chữ từ trang web, Word hoặc tin nhắn; không cần làm gì, muốn tệp sạch hẳn thì xóa rồi gõ lại chữ ở "
        "chỗ này",
        "✗ data/van-ban.yaml: 1 lỗi, chưa tạo văn bản."]
