"""Tờ trình đề nghị khen thưởng: Mẫu 1.4 with 'Kính gửi', the request worked out from the list."""
from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from award_helpers import cell_texts, copy_fixture, edit, effective, line_of, paragraphs, run, tables


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_fixture("to-trinh.yaml", tmp_path)
    return tmp_path


def build(work):
    return run("build", "to-trinh.yaml", "-o", "out")


@pytest.fixture
def built(work):
    code, out = build(work)
    assert code == 0, out
    return work / "out" / "to-trinh.docx"


def texts(path):
    return [p.text for p in paragraphs(path)]


def indent_left(paragraph) -> int:
    ind = paragraph._p.pPr.find("{*}ind")
    return int(ind.get(ind.tag.replace("ind", "left")))


def test_header_title_and_one_line_kính_gửi(built):
    header = tables(built)[0]
    assert [p.text for p in header.rows[1].cells[0].paragraphs] == ["Số: 07/TTr-VHXH"]
    assert [p.text for p in header.rows[1].cells[1].paragraphs] == ["An Bình, ngày 20 tháng 12 năm 2026"]
    body = paragraphs(built)
    assert [p.text for p in body[:2]] == ["TỜ TRÌNH", "Về việc đề nghị tặng Giấy khen năm 2026"]
    kinh_gui = body[3]
    assert kinh_gui.text == "Kính gửi: Chủ tịch Ủy ban nhân dân xã An Bình"
    assert kinh_gui.alignment == 1  # centred, on one line with its recipient
    assert effective(kinh_gui, "size") == Pt(14) and not effective(kinh_gui, "bold")
    assert not effective(kinh_gui, "italic")


def test_request_with_counts_from_the_list_and_table_in_the_body(built):
    text = texts(built)
    assert ("Phòng Văn hóa - Xã hội kính đề nghị Chủ tịch Ủy ban nhân dân xã An Bình xem xét, tặng Giấy khen của Chủ "
            "tịch Ủy ban nhân dân xã cho 05 tập thể và 12 cá nhân, cụ thể như sau:") in text
    table = tables(built)[1]
    rows = cell_texts(table)
    # Every row has the same award: the request says it once, no column repeats it.
    assert rows[0] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị"]
    assert rows[1] == ["I", "Tập thể"] and rows[7] == ["II", "Cá nhân"]
    assert [r[0] for r in rows[2:7]] == ["1", "2", "3", "4", "5"]
    assert rows[19] == ["12", "Cá Nhân Mười Hai", "Người có uy tín"]
    assert len(rows) == 1 + 2 + 5 + 12
    assert table.rows[0].cells[1].paragraphs[0].style.style_id == "TdktBangTieuDe"
    assert effective(table.rows[1].cells[1].paragraphs[0], "bold") is True  # section row
    assert text[-1] == "Phòng Văn hóa - Xã hội kính trình Chủ tịch Ủy ban nhân dân xã An Bình xem xét, quyết định./."
    note = next(p for p in paragraphs(built) if p.text == "(Có báo cáo thành tích kèm theo)")
    assert effective(note, "italic") is True
    assert "DANH SÁCH" not in text


def test_nơi_nhận_begins_như_trên_and_signature_right(built):
    left, right = tables(built)[-1].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, VHXH."]
    assert [p.text for p in right.paragraphs] == ["TRƯỞNG PHÒNG", "", "Bùi Thị Hương"]


def test_several_recipients_dashes_aligned_under_the_colon(work):
    path = work / "to-trinh.yaml"
    edit(path, "kinh_gui: Chủ tịch Ủy ban nhân dân xã An Bình",
         "kinh_gui:\n  - Chủ tịch Ủy ban nhân dân xã An Bình\n  - Hội đồng Thi đua - Khen thưởng xã An Bình\n"
         "tham_quyen: Chủ tịch Ủy ban nhân dân xã An Bình")
    edit(path, '  - "Lưu: VT, VHXH"', '  - Hội đồng Thi đua - Khen thưởng xã An Bình\n  - "Lưu: VT, VHXH"')
    assert build(work)[0] == 0
    body = paragraphs(work / "out" / "to-trinh.docx")
    label, first, second = body[3:6]
    assert [label.text, first.text, second.text] == [
        "Kính gửi:", "- Chủ tịch Ủy ban nhân dân xã An Bình;", "- Hội đồng Thi đua - Khen thưởng xã An Bình."]
    assert indent_left(first) == indent_left(second) > indent_left(label)
    # the dashes start where the colon does: after the width of "Kính gửi" at 14 pt (about 2 cm)
    assert 1.6 < (indent_left(first) - indent_left(label)) / 566.93 < 2.4
    # the addressees are "Như trên": not repeated in Nơi nhận
    left = tables(work / "out" / "to-trinh.docx")[-1].rows[0].cells[0]
    assert [p.text for p in left.paragraphs] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, VHXH."]


def test_several_recipients_need_the_authority(work):
    path = work / "to-trinh.yaml"
    edit(path, "kinh_gui: Chủ tịch Ủy ban nhân dân xã An Bình", "kinh_gui: [Chủ tịch UBND xã, Hội đồng TĐKT xã]")
    code, out = build(work)
    assert code == 1
    assert out.splitlines()[0] == (
        f"to-trinh.yaml:{line_of(path, 'kinh_gui:')}:1: kinh_gui: 'kinh_gui' có nhiều nơi nhận; hãy thêm 'tham_quyen: ...' "
        "là người có thẩm quyền khen thưởng trong câu đề nghị (ví dụ: Chủ tịch Ủy ban nhân dân tỉnh)")


def test_list_as_an_annex_with_its_own_heading(work):
    edit(work / "to-trinh.yaml", "danh_sach_kem_theo: false", "danh_sach_kem_theo: true")
    assert build(work)[0] == 0
    path = work / "out" / "to-trinh.docx"
    body = paragraphs(path)
    text = [p.text for p in body]
    assert any(t.endswith("cho 05 tập thể và 12 cá nhân (có danh sách kèm theo).") for t in text)
    i = text.index("DANH SÁCH")
    heading = body[i]
    # The tờ trình's section ends before the list: the list starts a page of its own, numbered from 1.
    ending = body[i - 1]._p.pPr.find(qn("w:sectPr"))
    assert ending is not None and ending.find(qn("w:type")).get(qn("w:val")) == "nextPage"
    last = docx.Document(str(path)).sections[-1]._sectPr
    assert last.find(qn("w:pgNumType")).get(qn("w:start")) == "1" and last.find(qn("w:titlePg")) is not None
    assert effective(heading, "bold") and heading.style.paragraph_format.alignment == 1
    # the title in even lines, as a clerk breaks it by hand
    assert text[i + 1] == "Tập thể và cá nhân được đề nghị tặng Giấy khen\ncủa Chủ tịch Ủy ban nhân dân xã"
    assert text[i + 2] == "(Kèm theo Tờ trình số 07/TTr-VHXH\nngày 20 tháng 12 năm 2026 của Phòng Văn hóa - Xã hội)"
    assert effective(body[i + 2], "italic") is True
    annex = tables(path)[-1]
    assert cell_texts(annex)[0] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị"]
    # the signature table comes before the annex
    assert cell_texts(tables(path)[-2])[0][0].startswith("Nơi nhận:")


def test_several_awards_in_one_request(work):
    edit(work / "to-trinh.yaml", "- {ten: Cá Nhân Mười Hai, chuc_vu_don_vi: Người có uy tín}",
         "- {ten: Cá Nhân Mười Hai, chuc_vu_don_vi: Người có uy tín, hinh_thuc: Chiến sĩ thi đua cơ sở}")
    assert build(work)[0] == 0
    assert ("Phòng Văn hóa - Xã hội kính đề nghị Chủ tịch Ủy ban nhân dân xã An Bình xem xét, tặng Giấy khen của Chủ "
            "tịch Ủy ban nhân dân xã cho 05 tập thể và 11 cá nhân; tặng danh hiệu Chiến sĩ thi đua cơ sở cho 01 cá "
            "nhân, cụ thể như sau:") in texts(work / "out" / "to-trinh.docx")
    rows = cell_texts(tables(work / "out" / "to-trinh.docx")[1])
    assert rows[0][3] == "Danh hiệu, hình thức khen thưởng đề nghị"
    assert rows[-1] == ["12", "Cá Nhân Mười Hai", "Người có uy tín", "Chiến sĩ thi đua cơ sở"]


def test_nominee_without_award_leaves_the_old_document(work):
    assert build(work)[0] == 0
    before = (work / "out" / "to-trinh.docx").read_bytes()
    path = work / "to-trinh.yaml"
    edit(path, "  hinh_thuc: Giấy khen của Chủ tịch Ủy ban nhân dân xã\n", "")
    edit(path, "    - ten: Thôn Hai\n", "    - ten: Thôn Hai\n      hinh_thuc: Giấy khen của Chủ tịch Ủy ban nhân dân xã\n")
    code, out = build(work)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (f"to-trinh.yaml:{line_of(path, 'ten: Thôn Một')}:7: de_nghi.tap_the[1].hinh_thuc: Thôn Một: chưa "
                        "ghi hình thức khen thưởng; hãy thêm 'hinh_thuc: ...' cho tập thể này, hoặc 'hinh_thuc' chung "
                        "ở đầu danh sách")
    assert lines[-1] == "✗ to-trinh.yaml: 16 lỗi, chưa tạo văn bản."
    assert (work / "out" / "to-trinh.docx").read_bytes() == before


def test_empty_list(work):
    path = work / "to-trinh.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("  tap_the:"), text.index("noi_nhan:")
    path.write_text(text[:start] + "\n" + text[end:], encoding="utf-8")
    code, out = build(work)
    assert code == 1
    assert out.splitlines()[0] == (f"to-trinh.yaml:{line_of(path, 'de_nghi:')}:1: de_nghi: danh sách đề nghị đang rỗng; "
                                   "cần ít nhất một tập thể hoặc cá nhân trong 'tap_the', 'ca_nhan' hoặc 'ho_gia_dinh'")
