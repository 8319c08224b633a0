"""The reading underneath the rules: Word's numbering labels, style resolution, text as displayed."""
from __future__ import annotations

from lxml import etree

from tdkt_docs.checker.numbering import Numbering, format_number
from tdkt_docs.checker.rules.sequence import parse
from tdkt_docs.checker.vntext import letter_at, letter_index

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def numbering(body: str) -> Numbering:
    return Numbering(etree.fromstring(f'<w:numbering xmlns:w="{W}">{body}</w:numbering>'))


ABSTRACT = ('<w:abstractNum w:abstractNumId="1">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/>'
            '<w:isLgl/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/>'
            '<w:suff w:val="space"/></w:lvl></w:abstractNum>')


def test_word_formats():
    assert [format_number(n, "lowerLetter") for n in (1, 5, 6, 26, 27)] == ["a", "e", "f", "z", "aa"]
    assert format_number(14, "upperRoman") == "XIV" and format_number(4, "lowerRoman") == "iv"
    assert format_number(3, "decimalZero") == "03"


def test_multi_level_labels_restart_below_and_legal_numbering():
    n = numbering(ABSTRACT + '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')
    got = [n.next_label("5", lvl).text for lvl in (0, 1, 1, 2, 2, 0, 1, 2)]
    assert got == ["I.\t", "1.1.\t", "1.2.\t", "a) ", "b) ", "II.\t", "2.1.\t", "a) "]


def test_instances_of_one_list_continue_unless_restarted():
    n = numbering(ABSTRACT + '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
                  '<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>'
                  '<w:num w:numId="7"><w:abstractNumId w:val="1"/>'
                  '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    assert [n.next_label(i, 0).text for i in ("5", "5", "6", "7", "7")] == ["I.\t", "II.\t", "III.\t", "I.\t",
                                                                            "II.\t"]
    assert n.next_label("0", 0) is None and n.next_label("99", 0) is None


def test_vietnamese_letters():
    assert [letter_at(i) for i in range(1, 9)] == list("abcdđegh")
    assert letter_index("đ") == 5 and letter_index("f") is None and letter_at(24) == "aa"


def test_labels_read_from_text():
    assert parse("II. NỘI DUNG") == ("roman", 2, "II.")
    assert parse("2.1. Công tác") == ("dotted", (2, 1), "2.1.")
    assert parse("đ) Thi đua") == ("letter", "đ", "đ)")
    assert parse("Điều 3. Hiệu lực") == ("dieu", 3, "Điều 3.")
    assert parse("XXXVIII. TỔ CHỨC") == ("roman", 38, "XXXVIII.") and parse("XLIV. A")[1] == 44
    assert parse("L. Tôn") is None and parse("V. Lê") == ("roman", 5, "V.")
    assert parse("Mục đích") is None and parse("2022 là năm") is None and parse("C. Mác") is None
    # right after XLIX. a lone L. is the next heading, not an initial
    assert parse("L. TỔNG KẾT", next_roman=50) == ("roman", 50, "L.") and parse("L. Tôn", next_roman=12) is None


def test_a_plan_with_fifty_headings_passes_the_numbering_rule(tmp_path):
    import textwrap

    from tdkt_docs.build import Job, build_one
    from tdkt_docs.checker import check_docx

    sections = "".join(f"  - tieu_de: Nhiệm vụ số {n}\n    noi_dung: [Thực hiện nhiệm vụ.]\n" for n in range(1, 53))
    (tmp_path / "kh.yaml").write_text(textwrap.dedent("""\
        loai: ke_hoach
        co_quan: {ten: "ỦY BAN NHÂN DÂN\\nXÃ TÂN LẬP", viet_tat: UBND}
        so: 12
        dia_danh: Tân Lập
        ngay: 2026-03-05
        trich_yeu: Tổ chức phong trào thi đua năm 2026
        noi_nhan: [UBND tỉnh, "Lưu: VT"]
        nguoi_ky: {quyen_han: TM. ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn An}
        noi_dung:
        """) + sections, encoding="utf-8")
    outcome = build_one(Job(tmp_path / "kh.yaml", "kh"), tmp_path)
    assert outcome.error is None, outcome.error
    assert [f.line() for f in check_docx(tmp_path / "kh.docx") if f.rule == "ND30.DANH_SO.SEQUENCE"] == []


def test_findings_as_project_problems(good_docx):
    from checker_corpus import edit, para, set_text
    from tdkt_docs.checker import as_problems, check_docx

    data = edit(good_docx, "word/document.xml", lambda r: set_text(para(r, "TM. ỦY BAN"), "TT. ỦY BAN NHÂN DÂN"))
    (problem,) = as_problems(check_docx(data), "ke-hoach.docx")
    assert problem.severity == "warning"
    # paragraph 51: the table of the kế hoạch keeps 6 pt from the text above with an empty paragraph
    assert str(problem) == ("ke-hoach.docx: cảnh báo: [ND30.CHU_KY.PREFIX] (Điều 13) đoạn 51 «TT. ỦY BAN NHÂN DÂN»: "
                            "«TT.» không phải một quyền hạn ký của Điều 13 (TM., KT., Q., TL., TUQ.); hãy kiểm tra lại"
                            " — cần: TM., KT., Q., TL. hoặc TUQ.; thấy: TT.")
