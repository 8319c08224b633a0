"""Files that are not what they seem: each is refused with its exact message, exit code 1, no
traceback, the other document still built and every earlier output byte for byte as it was."""
from __future__ import annotations

import tracemalloc

import pytest

from badinput import FAILED, ROOT, VALID

from legacy_encodings import cp1258, tcvn3, vni

CONVERT = "hãy chuyển sang Unicode bằng Unikey (Công cụ chuyển mã, đích: Unicode) rồi lưu lại dạng UTF-8"
SAVE = "hãy mở tệp bằng Notepad hoặc VS Code và lưu lại với bảng mã UTF-8"
RENAMED = "bị đổi tên thành tệp YAML, không phải văn bản YAML; hãy mở tệp mẫu .yaml và chép nội dung vào đó"
QUOTE = 'hãy đặt cả đoạn trong ngoặc kép "..."'
F = "data/van-ban.yaml"


def test_windows_1258(ws):
    assert ws.refused(cp1258(VALID)) == [
        f"{F}:3: tệp được lưu bằng bảng mã Windows-1258 (ANSI), không phải UTF-8; {SAVE}", FAILED]


def test_tcvn3_bytes(ws):
    # The file as an old editor saves text typed with .VnTime: one byte per Vietnamese letter.
    raw = tcvn3(VALID)
    assert "KÕ ho¹ch".encode("cp1252") not in raw and "ho¹ch".encode("cp1252") in raw  # "kế hoạch"
    assert ws.refused(raw) == [
        f"{F}:3: tệp không lưu dạng UTF-8 và chữ Việt được gõ bằng bảng mã TCVN3 (phông .VnTime, .VnArial) "
        f"nên sẽ hiện sai dấu trong văn bản; {CONVERT}", FAILED]


def test_vni_bytes(ws):
    raw = vni(VALID)
    assert "Ñoaïn moät".encode("cp1252") in raw  # "Đoạn một"
    assert ws.refused(raw) == [
        f"{F}:3: tệp không lưu dạng UTF-8 và chữ Việt được gõ bằng bảng mã VNI (phông VNI-Times) "
        f"nên sẽ hiện sai dấu trong văn bản; {CONVERT}", FAILED]


def test_tcvn3_pasted_into_utf8(ws):
    # A paragraph copied from an old .VnTime document into a Unicode file: right bytes, wrong letters.
    garbled = tcvn3("Thông báo kết quả thi đua").decode("cp1252")
    assert garbled == "Th«ng b¸o kÕt qu¶ thi ®ua"
    assert ws.refused(VALID.replace("Đoạn một.", garbled)) == [
        f"{F}:14:9: noi_dung[1].noi_dung[1]: chữ Việt được gõ bằng bảng mã TCVN3 (phông .VnTime, .VnArial) "
        f"nên sẽ hiện sai dấu trong văn bản; {CONVERT}", FAILED]


def test_vni_pasted_into_utf8(ws):
    garbled = vni("Thông báo kết quả thi đua").decode("cp1252")
    assert garbled == "Thoâng baùo keát quaû thi ñua"
    assert ws.refused(VALID.replace("Nguyễn Văn An", garbled)) == [
        f"{F}:21:3: nguoi_ky.ho_ten: chữ Việt được gõ bằng bảng mã VNI (phông VNI-Times) "
        f"nên sẽ hiện sai dấu trong văn bản; {CONVERT}", FAILED]


def test_utf8_misread_and_saved_again(ws):
    # A Unicode file opened as Windows Latin by an old tool and saved: every letter turned into two.
    garbled = "Kế hoạch thi đua".encode("utf-8").decode("cp1252")
    assert garbled == "Káº¿ hoáº¡ch thi Ä‘ua"
    assert ws.refused(VALID.replace("Đoạn một.", garbled)) == [
        f"{F}:14:9: noi_dung[1].noi_dung[1]: chữ Việt bị hỏng vì tệp UTF-8 đã bị mở và lưu lại bằng bảng mã khác "
        "(«Káº¿ hoáº¡ch thi Ä‘ua» là «Kế hoạch thi đua»); hãy lấy lại bản gốc, hoặc chuyển mã bằng Unikey rồi "
        "lưu lại dạng UTF-8", FAILED]


def test_many_legacy_paragraphs_are_summed_up(ws):
    lines = "".join(f"      - {tcvn3(f'Đoạn thứ {i} của kế hoạch').decode('cp1252')}\n" for i in range(8))
    out = ws.refused(VALID.replace("      - Đoạn một.\n", lines))
    assert len(out) == 7 and out[-1] == FAILED.replace("1 lỗi", "6 lỗi")
    assert out[5] == f"{F}:19: còn 3 đoạn khác cũng sai bảng mã như vậy; hãy chuyển mã cả tệp"


def test_word_file_renamed(ws):
    docx_bytes = (ROOT / "tdkt_docs" / "kinds" / "templates" / "ke_hoach.docx").read_bytes()
    assert ws.refused(docx_bytes) == [f"{F}:1: đây là tệp Word/Excel (.docx/.xlsx) hoặc tệp nén (.zip) {RENAMED}", FAILED]


def test_old_word_file_renamed(ws):
    assert ws.refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)) == [
        f"{F}:1: đây là tệp Word/Excel đời cũ (.doc/.xls) {RENAMED}", FAILED]


def test_pdf_renamed(ws):
    assert ws.refused(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") == [f"{F}:1: đây là tệp PDF {RENAMED}", FAILED]


def test_binary_bytes(ws):
    assert ws.refused(bytes(range(256)) * 4) == [
        f"{F}: tệp không phải văn bản (có thể là tệp Word/Excel đổi đuôi?); {SAVE}", FAILED]


def test_nul_character(ws):
    assert ws.refused(VALID.replace("Nguyễn Văn An", "Nguyễn\x00Văn An")) == [
        f"{F}:21: tệp chứa ký tự rỗng (NUL), không phải văn bản YAML; {SAVE}", FAILED]


def test_empty_file(ws):
    assert ws.refused(b"") == [f"{F}:1: tệp rỗng; hãy bắt đầu từ mẫu do `tdkt new` tạo ra", FAILED]


def test_blank_lines_only(ws):
    assert ws.refused("  \n\n   \n") == [f"{F}:1: tệp rỗng; hãy bắt đầu từ mẫu do `tdkt new` tạo ra", FAILED]


def test_comments_only(ws):
    assert ws.refused("# Kế hoạch năm 2026\n# (chưa viết)\n") == [
        f"{F}:1: tệp không có nội dung (chỉ có chú thích)", FAILED]


def test_list_instead_of_mapping(ws):
    assert ws.refused("- loai: ke_hoach\n- so: 5\n") == [
        f"{F}:1: tệp phải gồm các mục dạng 'ten: giá trị', nhưng lại là một danh sách", FAILED]


def test_single_value_instead_of_mapping(ws):
    assert ws.refused("Kế hoạch thi đua năm 2026\n") == [
        f"{F}:1: tệp phải gồm các mục dạng 'ten: giá trị', nhưng lại là một giá trị đơn", FAILED]


def test_duplicate_key_is_an_error_not_an_overwrite(ws):
    assert ws.refused(VALID + "so: 6\n") == [
        f"{F}:22:1: so: 'so' bị khai báo hai lần (lần đầu ở dòng 5); hãy xóa một lần", FAILED]


def test_duplicate_nested_key(ws):
    bad = VALID.replace("  viet_tat: UBND\n", "  viet_tat: UBND\n  viet_tat: UBTV\n")
    assert ws.refused(bad) == [
        f"{F}:5:3: co_quan.viet_tat: 'viet_tat' bị khai báo hai lần (lần đầu ở dòng 4); hãy xóa một lần", FAILED]


def test_tab_indentation(ws):
    assert ws.refused(VALID.replace("  viet_tat: UBND", "\tviet_tat: UBND")) == [
        f"{F}:4:1: dòng thụt vào bằng phím Tab; YAML chỉ cho phép dấu cách — hãy thay Tab bằng dấu cách", FAILED]


def test_python_tag_is_refused_and_never_run(ws):
    marker = ws.root / "da-chay"
    bad = VALID.replace("ho_ten: Nguyễn Văn An", f'ho_ten: !!python/object/apply:os.system ["touch {marker}"]')
    assert ws.refused(bad) == [
        f"{F}:21:11: nguoi_ky.ho_ten: thẻ '!!python/object/apply:os.system' dùng để chạy mã lệnh trên máy "
        "nên không được phép; tệp bị từ chối", FAILED]
    assert not marker.exists()


def test_python_name_tag(ws):
    assert ws.refused(VALID.replace("so: 5", "so: !!python/name:os.system")) == [
        f"{F}:5:5: so: thẻ '!!python/name:os.system' dùng để chạy mã lệnh trên máy nên không được phép; "
        "tệp bị từ chối", FAILED]


def test_other_yaml_tag(ws):
    assert ws.refused(VALID.replace("so: 5", "so: !!binary NQ==")) == [
        f"{F}:5:5: so: thẻ kiểu dữ liệu '!!binary' không được phép; chỉ dùng chữ, số, danh sách và mục", FAILED]


def test_text_starting_with_exclamation_mark(ws):
    # "! Lưu ý" would silently lose its '!' as a YAML tag.
    assert ws.refused(VALID.replace("trich_yeu: Tổ chức", "trich_yeu: ! Tổ chức")) == [
        f"{F}:8:12: trich_yeu: đoạn bắt đầu bằng dấu '!' nên YAML hiểu là thẻ kiểu dữ liệu, không phải nội dung; "
        f"{QUOTE}", FAILED]


BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n" for p, c in zip("abcdefgh", "bcdefghi"))


def test_alias_bomb(ws):
    assert ws.refused(BILLION_LAUGHS) == [
        f"{F}:1: tệp tạo ra quá nhiều mục (hơn 200.000) qua bí danh (&tên, *tên) lồng nhau; tệp bị từ chối", FAILED]


def test_alias_bomb_stops_at_the_limit_and_stays_small(monkeypatch):
    """9^9 items on paper; the loader builds no more than its limit, in bounded memory."""
    from tdkt_docs.input import loader
    from tdkt_docs.errors import InputError

    calls = 0
    real = loader._Builder.build

    def counting(self, node, path, depth=0):
        nonlocal calls
        calls += 1
        return real(self, node, path, depth)

    monkeypatch.setattr(loader._Builder, "build", counting)
    tracemalloc.start()
    with pytest.raises(InputError):
        loader.load_yaml_text(BILLION_LAUGHS, "bom.yaml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Once stopped, each remaining sibling costs one call that returns at once.
    assert calls <= loader.MAX_NODES + 9 * 10
    assert peak < 200 * 1024 * 1024


def test_alias_text_bomb(ws):
    # Few items, but each alias repeats a long text: bounded by characters, not only by items.
    big = "x" * 1_000_000
    bomb = f'a: &a "{big}"\nb: [' + ", ".join(["*a"] * 30) + "]\n"
    assert ws.refused(bomb) == [
        f"{F}:1: tệp tạo ra quá nhiều chữ (hơn 20 triệu ký tự) qua bí danh (&tên, *tên); tệp bị từ chối", FAILED]


DEEP = "các mục lồng nhau quá sâu (quá 40 cấp) hoặc bí danh tự tham chiếu; hãy kiểm tra các dấu ngoặc [ ] { } và thụt lề"


def test_recursive_alias(ws):
    assert ws.refused("a: &a [*a]\n") == [f"{F}:1: {DEEP}", FAILED]


def test_nesting_too_deep_is_refused_with_its_line(ws):
    # Fifty levels: every YAML parser reads them; the loader refuses them, at the line they start on.
    assert ws.refused("a: " + "[" * 50 + "]" * 50 + "\n") == [f"{F}:1: {DEEP}", FAILED]


def test_nesting_too_deep_for_any_parser_gets_the_same_words(ws, monkeypatch):
    # Two thousand levels: libyaml may read them or stop at its own limit, Python's parser stops at the
    # interpreter's; whichever answers, the clerk reads the same message.
    from tdkt_docs.input import loader

    answers = [ws.refused("a: " + "[" * 2000 + "]" * 2000 + "\n")]
    monkeypatch.setattr(loader, "_CSafeLoader", None)
    answers.append(ws.refused("a: " + "[" * 2000 + "]" * 2000 + "\n"))
    for answer in answers:
        assert [answer[0].replace(f"{F}:1:", f"{F}:"), answer[1]] == [f"{F}: {DEEP}", FAILED]


def test_honest_alias_reuse_still_works(ws):
    good = VALID.replace("dia_danh: Tam Đường", "dia_danh: &noi Tam Đường").replace("  - UBND huyện", "  - *noi")
    _, text = ws.accepted(good)
    assert "- Tam Đường;" in text


def test_very_large_file(ws):
    assert ws.refused(VALID + "# " + "x" * (6 * 1024 * 1024) + "\n") == [
        f"{F}: tệp quá lớn (6144 KB, tối đa 5 MB); hãy tách danh sách dài ra tệp .xlsx hoặc .csv", FAILED]


def test_yaml_syntax_error_with_line_and_caret(ws):
    assert ws.refused(VALID.replace("  viet_tat: UBND", '  viet_tat: "UBND')) == [
        f"{F}:4:18: lỗi cú pháp YAML: thiếu dấu ngoặc kép \" đóng ở cuối dòng này",
        '      viet_tat: "UBND',
        "                     ^", FAILED]


def test_indentation_error(ws):
    assert ws.refused(VALID.replace("  viet_tat: UBND", "   viet_tat: UBND")) == [
        f"{F}:4:4: lỗi cú pháp YAML: thụt lề không khớp với các dòng cùng cấp; hãy kiểm tra số dấu cách đầu dòng",
        "       viet_tat: UBND",
        "       ^", FAILED]


def test_missing_space_after_colon(ws):
    assert ws.refused(VALID.replace("so: 5", "so:5")) == [
        f"{F}:5:4: lỗi cú pháp YAML: thiếu dấu cách sau dấu ':' (viết 'ten: giá trị')",
        "    so:5",
        "       ^", FAILED]


def test_two_documents_in_one_file(ws):
    assert ws.refused(VALID + "---\nloai: ke_hoach\n") == [
        f"{F}:22:1: lỗi cú pháp YAML: tệp có dòng '---' chia thành nhiều văn bản; mỗi tệp YAML chỉ chứa một văn bản "
        "— hãy xóa dòng '---'",
        "    ---",
        "    ^", FAILED]


# --- Text that YAML reads differently from how it looks --------------------------------------

def test_list_paragraph_ending_with_colon_is_taken_as_typed(ws):
    # YAML reads it as a name with no value; forgive.py gives the clerk the sentence back.
    good = VALID.replace('  - "Ủy ban nhân dân xã xây dựng kế hoạch, cụ thể như sau:"',
                         "  - Ủy ban nhân dân xã xây dựng kế hoạch, cụ thể như sau:")
    _, text = ws.accepted(good)
    assert "\nỦy ban nhân dân xã xây dựng kế hoạch, cụ thể như sau:\n" in text


def test_body_paragraph_ending_with_colon_is_taken_as_typed(ws):
    _, text = ws.accepted(VALID.replace("      - Đoạn một.", "      - Các nội dung cụ thể như sau:"))
    assert "\nCác nội dung cụ thể như sau:./.\n" in text


def test_body_line_ending_with_colon_over_sub_items(ws):
    bad = VALID.replace("      - Đoạn một.", "      - Các nội dung như sau:\n          - Một.\n          - Hai.")
    assert ws.refused(bad) == [
        f"{F}:14:9: noi_dung[1].noi_dung[1].Các nội dung như sau: dòng này kết thúc bằng dấu ':' và các dòng dưới "
        "thụt vào, nên bị hiểu thành tên mục có mục con; nếu đây là tiêu đề có các ý con, hãy viết "
        "'tieu_de: \"Các nội dung như sau:\"' rồi đặt các ý con dưới 'noi_dung:'; nếu là một đoạn chữ, hãy đặt cả "
        "dòng trong ngoặc kép: \"Các nội dung như sau:\" và bỏ thụt lề các dòng dưới", FAILED]


def test_field_value_ending_with_colon(ws):
    bad = VALID.replace("trich_yeu: Tổ chức phong trào thi đua năm 2026", "trich_yeu: Tổ chức thi đua như sau:")
    assert ws.refused(bad) == [
        f"{F}:8:35: lỗi cú pháp YAML: dòng kết thúc bằng dấu ':' nên YAML hiểu nhầm là tên một mục; {QUOTE}, "
        "ví dụ: \"... cụ thể như sau:\"",
        "    trich_yeu: Tổ chức thi đua như sau:",
        "                                      ^", FAILED]


def test_colon_inside_a_list_line(ws):
    assert ws.refused(VALID.replace('  - "Lưu: VT"', "  - Lưu: VT")) == [
        f"{F}:17:5: noi_nhan[2]: dòng này có dấu ':' nên bị hiểu thành mục con; hãy đặt cả dòng trong ngoặc kép: "
        "\"Lưu: VT\"", FAILED]


def test_colon_inside_a_body_line(ws):
    assert ws.refused(VALID.replace("      - Đoạn một.", "      - Thời gian: tháng 3")) == [
        f"{F}:14:9: noi_dung[1].noi_dung[1].Thời gian: dòng này có dấu ':' nên bị hiểu thành tên mục 'Thời gian'; "
        "nếu đây là nội dung, hãy đặt cả dòng trong ngoặc kép: \"Thời gian: tháng 3\"", FAILED]


def test_colon_and_other_errors_reported_together(ws):
    bad = VALID.replace('  - "Lưu: VT"', "  - Lưu: VT").replace("so: 5", "so: năm")
    assert ws.refused(bad) == [
        f"{F}:5:1: so: cần một số, ví dụ 'so: 5'; bản dự thảo chưa có số thì để trống 'so:' (đang ghi: năm)",
        f"{F}:17:5: noi_nhan[2]: dòng này có dấu ':' nên bị hiểu thành mục con; hãy đặt cả dòng trong ngoặc kép: "
        "\"Lưu: VT\"", FAILED.replace("1 lỗi", "2 lỗi")]


def test_italic_mark_at_the_start(ws):
    assert ws.refused(VALID.replace("      - Đoạn một.", "      - *Ghi chú*: đoạn một.")) == [
        f"{F}:14:9: lỗi cú pháp YAML: dấu '*' (chữ nghiêng/đậm) ở đầu đoạn bị YAML hiểu là bí danh; {QUOTE}, tức là "
        "sửa dòng thành: - \"*Ghi chú*: đoạn một.\"",
        "          - *Ghi chú*: đoạn một.",
        "            ^", FAILED]


def test_template_braces_at_the_start(ws):
    assert ws.refused(VALID.replace("trich_yeu: Tổ chức", "trich_yeu: {{ ten }} Tổ chức")) == [
        f"{F}:8:12: lỗi cú pháp YAML: dấu '{{' ở đầu đoạn bị YAML hiểu là một nhóm mục; {QUOTE}, tức "
        "là sửa dòng thành: trich_yeu: \"{{ ten }} Tổ chức phong trào thi đua năm 2026\"",
        "    trich_yeu: {{ ten }} Tổ chức phong trào thi đua năm 2026",
        "               ^", FAILED]


def test_quoted_start_followed_by_more_text(ws):
    bad = VALID.replace("trich_yeu: Tổ chức phong trào thi đua năm 2026", 'trich_yeu: "Thi đua" là phong trào')
    assert ws.refused(bad) == [
        f"{F}:8:12: lỗi cú pháp YAML: đoạn mở đầu bằng ngoặc kép thì phải kết thúc bằng ngoặc kép, nhưng sau dấu "
        "đóng còn chữ; hãy đặt cả đoạn trong ngoặc đơn '...'",
        '    trich_yeu: "Thi đua" là phong trào',
        "               ^", FAILED]


def test_comment_cutting_a_value_is_a_warning(ws):
    result, text = ws.accepted(VALID.replace("năm 2026", "năm 2026 #5 mục"))
    assert result.stderr.splitlines() == [
        f"{F}:8:48: trich_yeu: cảnh báo: phần '#5 mục' sau dấu cách và '#' là chú thích nên không có trong văn bản; "
        f"nếu đó là nội dung, {QUOTE}"]
    assert "Tổ chức phong trào thi đua năm 2026\n" in text


# --- Values of the wrong kind ----------------------------------------------------------------

def test_text_field_left_empty(ws):
    assert ws.refused(VALID.replace("ho_ten: Nguyễn Văn An", "ho_ten:")) == [
        f"{F}:21:3: nguoi_ky.ho_ten: đang để trống; hãy điền nội dung, ví dụ 'ho_ten: Nguyễn Văn An'", FAILED]


def test_text_field_true(ws):
    assert ws.refused(VALID.replace("ho_ten: Nguyễn Văn An", "ho_ten: true")) == [
        f"{F}:21:3: nguoi_ky.ho_ten: YAML hiểu 'true' là đúng/sai, không phải chữ; hãy đặt trong ngoặc kép: \"true\"",
        FAILED]


def test_number_field_with_words(ws):
    assert ws.refused(VALID.replace("so: 5", "so: năm")) == [
        f"{F}:5:1: so: cần một số, ví dụ 'so: 5'; bản dự thảo chưa có số thì để trống 'so:' (đang ghi: năm)", FAILED]


def test_date_not_on_the_calendar(ws):
    assert ws.refused(VALID.replace("ngay: 2026-01-05", "ngay: 2026-02-30")) == [
        f"{F}:7:1: ngay: ngày 30/02/2026 không có trên lịch (tháng 2 năm 2026 không có ngày 30); hãy kiểm tra lại ngày",
        FAILED]


def test_missing_kind(ws):
    assert ws.refused(VALID.replace("loai: ke_hoach\n", "")) == [
        f"{F}:1: loai: thiếu 'loai' (loại văn bản); hãy thêm dòng đầu tiên, ví dụ 'loai: ke_hoach'. "
        "Các loại: ke_hoach, de_cuong, bao_cao, to_trinh, bien_ban, ho_so, quyet_dinh", FAILED]


def test_a_folder_of_bad_files_in_a_real_process(tmp_path):
    """The installed command, not the test runner, on many bad files at once: each named, the good
    one built, exit code 1, no traceback."""
    from badinput import run_process

    data = tmp_path / "data"
    data.mkdir()
    bad = {
        "bom.yaml": BILLION_LAUGHS, "de-quy.yaml": "a: &a [*a]\n", "sau.yaml": "a: " + "[" * 3000 + "]" * 3000,
        "word.yaml": (ROOT / "tdkt_docs" / "kinds" / "templates" / "ke_hoach.docx").read_bytes(), "rong.yaml": "",
        "tcvn3.yaml": tcvn3(VALID), "the.yaml": "a: !!python/object/apply:os.system ['true']\n",
        "dieu-khien.yaml": VALID.replace("Đoạn một.", "Đoạn\x00một."), "danh-sach.yaml": "- a\n",
    }
    for name, content in bad.items():
        (data / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    (data / "tot.yaml").write_text(VALID, encoding="utf-8")
    result = run_process("build", "data", "-o", "output", cwd=tmp_path)
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "Lỗi không mong đợi" not in result.output
    assert result.stdout == "✓ data/tot.yaml → output/tot.docx\n"
    for name in bad:
        assert f"✗ data/{name}: 1 lỗi, chưa tạo văn bản." in result.stderr.splitlines()
    assert sorted(p.name for p in (tmp_path / "output").glob("*.docx")) == ["tot.docx"]
