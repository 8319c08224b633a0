"""Documents made the way Word saves them: theme fonts, styles, Word's numbering, layout tables,
a header made with tabs or drawn in a text box, and a biên bản."""
from __future__ import annotations

from checker_corpus import edit, qn, sect
from checker_handmade import make
from tdkt_docs.checker import check_docx
from tdkt_docs.checker.check import analyse


def rules(findings) -> set[str]:
    return {f.rule for f in findings}


def test_a_clean_hand_made_plan_has_no_finding():
    assert check_docx(make()) == []


def test_a_header_made_with_tabs_is_read_like_a_table():
    data = make(header="tabs")
    assert check_docx(data) == []
    _, lay = analyse(data)
    assert lay.quoc_hieu.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert [s.text for s in lay.co_quan] == ["ỦY BAN NHÂN DÂN", "HUYỆN TAM ĐƯỜNG"]
    assert lay.so.text == "Số: 12/KH-UBND"
    assert lay.date.text == "Tam Đường, ngày 05 tháng 3 năm 2024"


def test_a_header_in_a_text_box_is_not_evaluable_never_passed():
    findings = check_docx(make(header="textbox"))
    assert rules(findings) == {"ND30.QUOC_HIEU.PRESENT", "ND30.TIEU_NGU.PRESENT"}
    for f in findings:
        assert f.severity == "unevaluable"
        assert f.message.startswith("không đánh giá được: ") and "khung văn bản (text box)" in f.message


def test_theme_font_resolving_to_calibri_is_reported_with_its_origin():
    findings = check_docx(make(normal_font=None, theme_minor="Calibri"))
    assert rules(findings) == {"ND30.FONT.FAMILY"}
    (f,) = findings
    assert f.found == "Calibri"
    assert "chủ đề (theme)" in f.message and "minorHAnsi" in f.message
    assert len(f.also) > 10  # one finding for the whole document, listing the paragraphs


def test_theme_font_times_new_roman_is_fine():
    # No font named anywhere but in the theme: Word shows the theme's Times New Roman.
    assert check_docx(make(normal_font=None, theme_minor="Times New Roman")) == []


def test_word_default_theme_font_is_cambria_in_python_docx_template():
    findings = check_docx(make(normal_font=None))
    assert {f.found for f in findings} == {"Cambria"}


def test_word_lower_letter_numbering_breaks_the_vietnamese_alphabet():
    data = make(letters=6)
    doc, lay = analyse(data)
    labels = [p.text.split(" ")[0] for p in lay.body if p.label is not None and p.label.fmt == "lowerLetter"]
    assert labels == ["a)", "b)", "c)", "d)", "e)", "f)"]  # what Word draws
    findings = check_docx(data)
    assert rules(findings) == {"ND30.DANH_SO.SEQUENCE"}
    assert [(f.found, f.expected) for f in findings] == [("e)", "đ)"), ("f)", "g)")]
    assert all("đánh số tự động" in f.message for f in findings)


def test_word_numbering_with_four_letters_is_fine_and_decimal_labels_are_computed():
    doc, lay = analyse(make(letters=4))
    texts = [p.text for p in lay.body if p.label is not None]
    assert texts[:3] == ["1. Phát động phong trào thi đua sâu rộng trong cán bộ, công chức và nhân dân.",
                         "2. Khen thưởng kịp thời, chính xác các tập thể, cá nhân tiêu biểu.",
                         "1. Các phong trào thi đua:"]


def test_a_word_list_that_continues_under_the_next_heading_is_reported():
    # Without "Restart numbering", Word goes on 3. under II. after 1., 2. under I.
    findings = check_docx(make(continue_list=True))
    assert rules(findings) == {"ND30.DANH_SO.SEQUENCE"}
    (f,) = findings
    assert f.found == "3." and f.expected == "1."


def test_typed_letters_with_the_slip_of_seed_003_and_a_closing_typed_without_table():
    data = make(typed_letters="abcdefhg", closing="flow")
    _, lay = analyse(data)
    assert [s.text for s in lay.noi_nhan_lines] == ["- Ban Thi đua - Khen thưởng tỉnh;", "- Các cơ quan, đơn vị;",
                                                    "- Lưu: VT, NV."]
    assert [s.text if s else None for s in lay.signature] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", None,
                                                              "Nguyễn Văn An"]
    findings = check_docx(data)
    assert rules(findings) == {"ND30.DANH_SO.SEQUENCE"}
    assert [f.found for f in findings] == ["e)", "f)", "h)", "g)"]
    assert "không có trong bảng chữ cái tiếng Việt" in findings[1].message
    assert check_docx(make(typed_letters="abcdđegh", closing="flow")) == []


def test_bold_character_style_on_bold_paragraph_style_shows_not_bold():
    findings = check_docx(make(toggle_qh=True))
    assert rules(findings) == {"ND30.QUOC_HIEU.STYLE"}
    assert findings[0].found == "không đậm"


def test_page_number_on_page_one_of_a_hand_made_document():
    def no_title_page(root):
        s = sect(root)
        s.remove(s.find(qn("w:titlePg")))
    findings = check_docx(edit(make(), "word/document.xml", no_title_page))
    assert rules(findings) == {"ND30.PAGE_NUMBER.FIRST_PAGE"}


def test_a_good_bien_ban():
    data = make("bien_ban")
    _, lay = analyse(data)
    assert lay.kind == "bien_ban"
    assert lay.signer_sides == {"THƯ KÝ": "left", "CHỦ TỌA": "right"}
    assert check_docx(data) == []


def test_bien_ban_with_chu_toa_on_the_left():
    findings = check_docx(make("bien_ban", swap_signers=True))
    assert rules(findings) == {"ND30.BIEN_BAN.SIGNERS"}
    assert {f.found for f in findings} == {"bên trái", "bên phải"}


def test_bien_ban_with_a_date_line_under_the_national_title():
    findings = check_docx(make("bien_ban", date_in_bien_ban=True))
    assert rules(findings) == {"ND30.BIEN_BAN.NO_DATE_LINE"}


def test_biên_bản_rules_do_not_apply_to_a_plan():
    # A kế hoạch must have the date line, and its signature is checked as TM./title/name.
    findings = check_docx(edit(make(), "word/document.xml", _drop_date))
    assert rules(findings) == {"ND30.NGAY_THANG.PRESENT"}


def _drop_date(root):
    for t in root.iter(qn("w:t")):
        if t.text and t.text.startswith("Tam Đường, ngày"):
            t.text = ""


def test_a_clerks_document_with_common_mistakes():
    """Word's default margins, the body in the theme font, 'Nơi nhận :', a day without its zero."""
    def mistakes(root):
        mar = sect(root).find(qn("w:pgMar"))
        for side in ("top", "bottom", "left", "right"):
            mar.set(qn(f"w:{side}"), "1440")
        for t in root.iter(qn("w:t")):
            if t.text == "Nơi nhận:":
                t.text = "Nơi nhận :"
            elif t.text and t.text.startswith("Tam Đường, ngày 05"):
                t.text = t.text.replace("ngày 05", "ngày 5")
    data = edit(make(normal_font=None), "word/document.xml", mistakes)
    findings = check_docx(data)
    assert rules(findings) == {"ND30.PAGE.MARGIN_TOP", "ND30.PAGE.MARGIN_BOTTOM", "ND30.PAGE.MARGIN_LEFT",
                               "ND30.PAGE.MARGIN_RIGHT", "ND30.FONT.FAMILY", "ND30.NOI_NHAN.LABEL",
                               "ND30.NGAY_THANG.LEADING_ZERO"}
    lines = {f.rule: f.line("van-ban.docx") for f in findings}
    assert lines["ND30.PAGE.MARGIN_LEFT"] == (
        "van-ban.docx: [ND30.PAGE.MARGIN_LEFT] (PL I.I.3): Lề trái 25,4 mm, cần 30–35 mm; sửa ở Bố cục (Layout) › "
        "Lề (Margins) › Lề tùy chỉnh (Custom Margins) — cần: 30–35 mm; thấy: 25,4 mm")
    assert "«Nơi nhận :»" in lines["ND30.NOI_NHAN.LABEL"] and "cần: Nơi nhận:" in lines["ND30.NOI_NHAN.LABEL"]
    assert "ngày 5 phải viết 05" in lines["ND30.NGAY_THANG.LEADING_ZERO"]
    assert "thấy: Cambria" in lines["ND30.FONT.FAMILY"]
