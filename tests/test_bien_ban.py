"""Biên bản họp Hội đồng Thi đua - Khen thưởng: Mẫu 1.9 read back from the DOCX, counts and votes."""
from __future__ import annotations

import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from award_helpers import cell_texts, copy_fixture, edit, effective, line_of, paragraphs, run, tables


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_fixture("bien-ban.yaml", tmp_path)
    return tmp_path


def build(work):
    return run("build", "bien-ban.yaml", "-o", "out")


@pytest.fixture
def built(work):
    code, out = build(work)
    assert code == 0, out
    return work / "out" / "bien-ban.docx"


def texts(path):
    return [p.text for p in paragraphs(path)]


def test_header_has_số_and_no_place_and_date(built):
    header = tables(built)[0]
    (left1, right1), (left2, right2) = [row.cells for row in header.rows]
    assert [p.text for p in left1.paragraphs] == ["UBND TỈNH LAI CHÂU", "SỞ NỘI VỤ\nHỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", ""]
    assert [p.text for p in right1.paragraphs][:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert [p.text for p in left2.paragraphs] == ["Số: 03/BB-HĐTĐKT"]
    assert [p.text for p in right2.paragraphs] == [""]  # Mẫu 1.9: no địa danh, ngày tháng
    assert not any("ngày" in p.text for row in header.rows for c in row.cells for p in c.paragraphs)
    so = left2.paragraphs[0]
    assert effective(so, "size") == Pt(13) and not effective(so, "bold")


def test_title_and_body_formats(built):
    body = paragraphs(built)
    title, name = body[0], body[1]
    assert title.text == "BIÊN BẢN" and effective(title, "bold") and effective(title, "size") == Pt(14)
    assert title.style.paragraph_format.alignment == 1
    assert name.text == "Họp Hội đồng Thi đua - Khen thưởng Sở xét danh hiệu thi đua năm 2025"
    assert effective(name, "bold") is True
    start = next(p for p in body if p.text.startswith("Thời gian bắt đầu:"))
    assert effective(start, "size") == Pt(14) and not effective(start, "bold")
    fmt = start.style.paragraph_format
    assert fmt.alignment == 3 and round(fmt.first_line_indent.cm, 2) == 1.27


def test_fields_of_mẫu_1_9_with_counts_worked_out(built):
    text = texts(built)
    assert text[3:6] == [
        "Thời gian bắt đầu: 08 giờ 00 phút, ngày 12 tháng 01 năm 2026.",
        "Địa điểm: Phòng họp Sở Nội vụ.",
        "Thành phần tham dự: thành viên Hội đồng Thi đua - Khen thưởng Sở Nội vụ, có mặt 09/11 thành viên, gồm:",
    ]
    present = text[6:text.index("Vắng mặt: 02 thành viên, gồm:")]
    assert len(present) == 9 and all(t.startswith("- ") for t in present)
    assert present[0] == "- Đinh Văn Tài, Giám đốc Sở, Chủ tịch Hội đồng;"
    assert len(present) == 9 and present[-1] == "- Phan Thị Nga, Trưởng phòng Thi đua - Khen thưởng, Ủy viên - Thư ký."
    i = text.index("Vắng mặt: 02 thành viên, gồm:")
    assert text[i + 1:i + 3] == ["- Nguyễn Quang Huy, Ủy viên (lý do: nghỉ phép);", "- Lò Văn Ánh, Ủy viên (không có lý do)."]
    assert "Chủ trì (chủ tọa): Hà Thị Yến, Phó Giám đốc Sở, Phó Chủ tịch Hội đồng." in text
    assert "Thư ký (người ghi biên bản): Phan Thị Nga, Trưởng phòng Thi đua - Khen thưởng, Ủy viên - Thư ký." in text
    assert "Nội dung (theo diễn biến cuộc họp):" in text
    assert text[-1] == "Cuộc họp kết thúc vào 10 giờ 15 phút, ngày 12 tháng 01 năm 2026./."


def test_vote_table_percentages_computed(built):
    table = tables(built)[1]
    rows = cell_texts(table)
    # Two danh hiệu, each on its row; a column of danh hiệu is headed as such.
    assert rows[0] == ["STT", "Họ và tên / Tên tập thể", "Danh hiệu đề nghị", "Biểu quyết", "Đồng ý", "Tỷ lệ",
                       "Kết quả"]
    assert rows[1:] == [["I", "Cá nhân"],
                        ["1", "Phan Thị Nga", "Chiến sĩ thi đua cơ sở", "Giơ tay", "08/09", "88,9%", "Đạt"],
                        ["2", "Lý Thị Chiên", "Lao động tiên tiến", "Giơ tay", "07/09", "77,8%", "Đạt"]]
    lead = next(p for p in paragraphs(built) if p.text == "Kết quả biểu quyết:")
    assert lead.style.paragraph_format.keep_with_next is True  # never left alone at the foot of a page
    head = table.rows[0].cells[0].paragraphs[0]
    assert effective(head, "bold") and effective(head, "size") == Pt(13)
    assert table.rows[2].cells[4].paragraphs[0].style.style_id == "TdktBangSo"


def test_percentage_written_the_vietnamese_way(work):
    path = work / "bien-ban.yaml"
    edit(path, ", vang: nghỉ phép}", "}")
    edit(path, ", vang: true}", "}")
    edit(path, "dong_y: 8", "dong_y: 10")
    assert build(work)[0] == 0
    rows = cell_texts(tables(work / "out" / "bien-ban.docx")[1])
    assert rows[2][4:] == ["10/11", "90,9%", "Đạt"]
    assert "có mặt 11/11 thành viên" in texts(work / "out" / "bien-ban.docx")[5]


def test_share_counted_on_all_members_when_configured(work):
    edit(work / "bien-ban.yaml", "noi_dung:\n  - Thư ký", "quy_che:\n  tinh_tren: tong_so\nnoi_dung:\n  - Thư ký")
    assert build(work)[0] == 0
    rows = cell_texts(tables(work / "out" / "bien-ban.docx")[1])
    assert rows[2][4:] == ["08/11", "72,7%", "Đạt"] and rows[3][4:] == ["07/11", "63,6%", "Không đạt"]


def test_signatures_thư_ký_left_chủ_tọa_right_then_nơi_nhận_below(built):
    signatures = tables(built)[-1]
    left, right = signatures.rows[0].cells
    # Nơi nhận under THƯ KÝ in the same cell, as Mẫu 1.9 shows it: a row that never splits keeps the
    # signatures and Nơi nhận on one page.
    assert [p.text for p in left.paragraphs] == ["THƯ KÝ", "", "Phan Thị Nga", "Nơi nhận:", "- Thành viên Hội đồng;",
                                                 "- Lưu: VT, Hồ sơ."]
    assert [p.text for p in right.paragraphs] == ["CHỦ TỌA", "", "Hà Thị Yến"]
    assert signatures.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    assert round(signatures.columns[0].width.cm, 1) == 6.5
    for names in (left.paragraphs[:3], right.paragraphs):
        assert effective(names[0], "bold") and effective(names[-1], "bold")
        assert names[0].style.paragraph_format.alignment == 1
    label = left.paragraphs[3]
    assert effective(label, "size") == Pt(12) and effective(label, "bold") and effective(label, "italic")
    assert label.style.paragraph_format.alignment in (0, None)
    assert effective(left.paragraphs[-1], "size") == Pt(11)
    assert paragraphs(built)[-1].text.endswith("./.")  # nothing after the signatures' table


def test_members_from_a_csv_file(work):
    (work / "tv.csv").write_text(
        "\ufeffSTT;Họ và tên;Chức vụ;Vai trò;Lý do vắng\n1;Đinh Văn Tài;Giám đốc Sở;Chủ tịch Hội đồng;\n"
        "2;Hà Thị Yến;Phó Giám đốc Sở;Phó Chủ tịch Hội đồng;\n3;Phan Thị Nga;;Ủy viên - Thư ký;\n;;;;\n",
        encoding="utf-8")
    path = work / "bien-ban.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("thanh_vien:"), text.index("chu_toa:")
    path.write_text(text[:start] + "thanh_vien: {tep: tv.csv}\n" + text[end:], encoding="utf-8")
    edit(path, "dong_y: 8", "dong_y: 3")
    edit(path, "dong_y: 7", "dong_y: 2")
    assert build(work)[0] == 0
    text = texts(work / "out" / "bien-ban.docx")
    assert "có mặt 03/03 thành viên" in text[5]
    assert "- Phan Thị Nga, Ủy viên - Thư ký." in text


def test_chair_must_be_a_member_present(work):
    path = work / "bien-ban.yaml"
    edit(path, "chu_toa: Hà Thị Yến", "chu_toa: Hà Thi Yến")
    code, out = build(work)
    assert code == 1
    assert out.splitlines()[0] == (f"bien-ban.yaml:{line_of(path, 'chu_toa:')}:1: chu_toa: 'Hà Thi Yến' không có trong "
                                   "danh sách thành viên; có phải 'Hà Thị Yến'?")
    edit(path, "chu_toa: Hà Thi Yến", "chu_toa: Nguyễn Quang Huy")
    code, out = build(work)
    assert code == 1 and "chu_toa: Nguyễn Quang Huy vắng mặt nên không thể chủ trì cuộc họp" in out


def test_secretary_not_a_member(work):
    path = work / "bien-ban.yaml"
    edit(path, "chu_toa: Hà Thị Yến", "chu_toa: Hà Thị Yến\nthu_ky: {ho_ten: Lê Văn Ghi, chuc_vu: Chuyên viên Văn phòng}")
    assert build(work)[0] == 0
    text = texts(work / "out" / "bien-ban.docx")
    assert "Thư ký (người ghi biên bản): Lê Văn Ghi, Chuyên viên Văn phòng." in text
    assert [p.text for p in tables(work / "out" / "bien-ban.docx")[-1].rows[0].cells[0].paragraphs][2] == "Lê Văn Ghi"


def test_secret_ballot_required_for_chiến_sĩ_thi_đua_cấp_tỉnh(work):
    path = work / "bien-ban.yaml"
    edit(path, "hinh_thuc: Chiến sĩ thi đua cơ sở", "hinh_thuc: Chiến sĩ thi đua cấp tỉnh\n      bieu_quyet: giơ tay")
    code, out = build(work)
    assert code == 1
    assert out.splitlines()[0] == (
        f"bien-ban.yaml:{line_of(path, 'bieu_quyet: giơ tay')}:7: de_nghi.ca_nhan[1].bieu_quyet: Phan Thị Nga: Chiến sĩ "
        "thi đua cấp tỉnh phải bỏ phiếu kín theo quy chế; hãy sửa thành 'bieu_quyet: bỏ phiếu kín' (hoặc bỏ dòng này)")


def test_missing_votes_end_before_start_and_duplicate_member(work):
    path = work / "bien-ban.yaml"
    edit(path, "      dong_y: 7\n", "")
    edit(path, "ket_thuc: 10:15", "ket_thuc: 07:30")
    edit(path, "{ho_ten: Sùng A Dế,", "{ho_ten: Mùa A Sinh,")
    code, out = build(work)
    assert code == 1
    second = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "Mùa A Sinh" in line][1]
    assert out.splitlines()[0] == (f"bien-ban.yaml:{second}:6: thanh_vien[9].ho_ten: 'Mùa A Sinh' có hai lần trong "
                                   "danh sách thành viên (lần đầu là thành viên thứ 6); mỗi thành viên chỉ ghi một lần")
    assert "'Mùa A Sinh' có hai lần trong danh sách thành viên (lần đầu là thành viên thứ 6)" in out
    edit(path, "{ho_ten: Mùa A Sinh, vai_tro: Ủy viên}\n  - {ho_ten: Triệu", "{ho_ten: Sùng A Dế, vai_tro: Ủy viên}\n  - {ho_ten: Triệu")
    code, out = build(work)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (f"bien-ban.yaml:{line_of(path, 'ket_thuc:')}:1: ket_thuc: giờ kết thúc (07 giờ 30 phút, "
                        "12/01/2026) không sau giờ bắt đầu (08 giờ 00 phút, 12/01/2026)")
    assert lines[1] == (f"bien-ban.yaml:{line_of(path, 'ten: Lý Thị Chiên')}:7: de_nghi.ca_nhan[2]: Lý Thị Chiên: chưa ghi "
                        "số phiếu đồng ý; hãy thêm 'dong_y: <số thành viên đồng ý>'")


@pytest.mark.parametrize("value, message", [
    ("2026-01-12", "thời gian không đúng dạng; viết 2026-01-08 14:00 (ngày và giờ) hoặc chỉ giờ 16:30"),
    ("08:00", "cần cả ngày và giờ bắt đầu, ví dụ 2026-01-08 14:00"),
    ("2026-01-12 25:00", "giờ 25:00 không có; giờ từ 0 đến 23, phút từ 0 đến 59"),
])
def test_bad_start_time(work, value, message):
    path = work / "bien-ban.yaml"
    edit(path, "bat_dau: 2026-01-12 08:00", f"bat_dau: {value}")
    code, out = build(work)
    assert code == 1
    assert out.splitlines()[0] == f"bien-ban.yaml:{line_of(path, 'bat_dau:')}:1: bat_dau: {message}"
