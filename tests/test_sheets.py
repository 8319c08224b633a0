"""Nominee and member lists read from a spreadsheet beside the YAML, and what a clerk is told when the
spreadsheet is not right: the file, the row and the column."""
from __future__ import annotations

import pytest
from openpyxl import Workbook

from award_helpers import cell_texts, copy_fixture, edit, line_of, run, tables

HEADER = ["STT", "Họ và tên", "Chức vụ, đơn vị", "Hình thức khen thưởng", "Số phiếu đồng ý", "Ghi chú"]
ROWS = [
    [1, "Nguyễn Thị Đạt", "Công chức Tư pháp - Hộ tịch", None, 9, None],
    [2, "Trịnh Văn Đủ", "Trưởng thôn Đông", None, 7.0, "số thập phân từ Excel"],
    [None, None, None, None, None, None],  # a blank row in the middle: skipped
    [3, "Quách Văn Giỏi", "Phó Chủ tịch UBND xã", "Chiến sĩ thi đua cấp tỉnh", 9, None],
    [4, None, None, None, None, None],  # only a pre-numbered STT: not a nominee
]


def workbook(path, header=HEADER, rows=ROWS, title=True, sheet="Danh sách"):
    book = Workbook()
    ws = book.active
    ws.title = sheet
    if title:
        ws.append(["DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG"])
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = copy_fixture("ho-so.yaml", tmp_path)
    text = path.read_text(encoding="utf-8")
    start = text.index("  ca_nhan:")
    path.write_text(text[:start] + "  ca_nhan: {tep: ca-nhan.xlsx}\n", encoding="utf-8")
    return tmp_path


def build():
    return run("build", "ho-so.yaml", "-o", "out")


def test_list_read_from_xlsx(work):
    workbook(work / "ca-nhan.xlsx")
    code, out = build()
    assert code == 0, out
    rows = cell_texts(tables(work / "out" / "ho-so.to-trinh.docx")[-1])
    assert rows[4:] == [
        ["II", "Cá nhân"],
        ["1", "Nguyễn Thị Đạt", "Công chức Tư pháp - Hộ tịch", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"],
        ["2", "Trịnh Văn Đủ", "Trưởng thôn Đông", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"],
        ["3", "Quách Văn Giỏi", "Phó Chủ tịch UBND xã", "Chiến sĩ thi đua cấp tỉnh"],
    ]
    votes = {r[1]: r[4] for r in cell_texts(tables(work / "out" / "ho-so.bien-ban.docx")[1]) if len(r) > 2}
    assert votes["Trịnh Văn Đủ"] == "07/10"


def test_two_columns_for_one_field_and_header_names_as_clerks_write_them(work):
    workbook(work / "ca-nhan.xlsx", header=["TT", "Họ tên", "Chức vụ", "Đơn vị", "Đồng ý"], title=False,
             rows=[[1, "Nguyễn Thị Đạt", "Công chức", "UBND xã An Bình", 10]])
    code, out = build()
    assert code == 0, out
    rows = cell_texts(tables(work / "out" / "ho-so.to-trinh.docx")[-1])
    # One award for the whole list: said in the request, not repeated in a column.
    assert rows[-1] == ["1", "Nguyễn Thị Đạt", "Công chức, UBND xã An Bình"]


def test_missing_spreadsheet_named_at_its_yaml_line(work):
    code, out = build()
    assert code == 1
    assert out.splitlines()[0] == (
        f"ho-so.yaml:{line_of(work / 'ho-so.yaml', 'ca_nhan:')}:13: de_nghi.ca_nhan.tep: không tìm thấy tệp bảng tính "
        "'ca-nhan.xlsx' (tìm tại ca-nhan.xlsx); hãy đặt tệp cạnh tệp YAML hoặc sửa lại tên")
    assert not (work / "out").exists() or not list((work / "out").glob("*.docx"))


def test_missing_column(work):
    workbook(work / "ca-nhan.xlsx", header=["STT", "Tên người", "Chức vụ, đơn vị", "Số phiếu đồng ý"],
             rows=[[1, "Nguyễn Thị Đạt", "Công chức", 9]])
    code, out = build()
    assert code == 1
    assert out.splitlines()[0] == (
        "ca-nhan.xlsx:3: de_nghi.ca_nhan: trang 'Danh sách': thiếu cột 'Họ và tên / Tên tập thể' (hoặc 'Họ và tên', 'Họ tên', "
        "'Tên tập thể', 'Tên đơn vị', 'Tên hộ', 'Chủ hộ', 'Tên'); dòng tên cột (dòng 3) đang có: 'STT', 'Tên người', "
        "'Chức vụ, đơn vị', 'Số phiếu đồng ý'")


def test_row_with_an_empty_name(work):
    rows = [list(r) for r in ROWS]
    rows[1][1] = None
    workbook(work / "ca-nhan.xlsx", rows=rows)
    code, out = build()
    assert code == 1
    assert out.splitlines()[0] == ("ca-nhan.xlsx:5:2: de_nghi.ca_nhan[2].ten: trang 'Danh sách', ô B5 (cột 'Họ và tên') đang để trống; "
                                   "hãy điền, hoặc xóa cả dòng nếu dòng này thừa")


def test_bad_cell_points_at_the_spreadsheet(work):
    rows = [list(r) for r in ROWS]
    rows[0][4] = "chín"
    rows[3][4] = 12
    workbook(work / "ca-nhan.xlsx", rows=rows)
    code, out = build()
    assert code == 1
    assert out.splitlines()[0] == ("ca-nhan.xlsx:4:5: de_nghi.ca_nhan[1].dong_y: trang 'Danh sách', ô E4 (cột 'Số "
                                   "phiếu đồng ý') đang ghi 'chín', không phải một số; hãy gõ số phiếu bằng chữ số, "
                                   "ví dụ 9")
    rows[0][4] = 9
    workbook(work / "ca-nhan.xlsx", rows=rows)
    code, out = build()
    assert code == 1
    assert out.splitlines()[0] == ("ca-nhan.xlsx:7:5: de_nghi.ca_nhan[3].dong_y: trang 'Danh sách', ô E7 (cột 'Số "
                                   "phiếu đồng ý'): Quách Văn Giỏi: 12 phiếu đồng ý nhiều "
                                   "hơn số thành viên có mặt (10/11); hãy kiểm tra lại số phiếu")


def test_nominee_without_award_in_a_spreadsheet(work):
    edit(work / "ho-so.yaml", "  hinh_thuc: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\n", "")
    edit(work / "ho-so.yaml", "      dong_y: 10\n", "      dong_y: 10\n      hinh_thuc: Bằng khen\n")
    edit(work / "ho-so.yaml", "      dong_y: 7\n", "      dong_y: 7\n      hinh_thuc: Bằng khen\n")
    workbook(work / "ca-nhan.xlsx")
    code, out = build()
    assert code == 1
    assert out.splitlines()[:2] == [
        "ca-nhan.xlsx:4:4: de_nghi.ca_nhan[1].hinh_thuc: trang 'Danh sách', ô D4 (cột 'Hình thức khen thưởng'): "
        "Nguyễn Thị Đạt: chưa ghi hình thức khen thưởng; hãy gõ hình thức khen thưởng vào ô này, hoặc ghi "
        "'hinh_thuc: ...' chung ở đầu danh sách trong tệp ho-so.yaml",
        "ca-nhan.xlsx:5:4: de_nghi.ca_nhan[2].hinh_thuc: trang 'Danh sách', ô D5 (cột 'Hình thức khen thưởng'): "
        "Trịnh Văn Đủ: chưa ghi hình thức khen thưởng; hãy gõ hình thức khen thưởng vào ô này, hoặc ghi "
        "'hinh_thuc: ...' chung ở đầu danh sách trong tệp ho-so.yaml"]


def test_csv_with_semicolons_and_a_byte_order_mark(work):
    (work / "ca-nhan.csv").write_bytes(
        "\ufeffSTT;Họ và tên;Chức vụ, đơn vị;Số phiếu đồng ý\n1;Nguyễn Thị Đạt;Công chức, UBND xã;10\n".encode("utf-8"))
    edit(work / "ho-so.yaml", "ca-nhan.xlsx", "ca-nhan.csv")
    code, out = build()
    assert code == 0, out
    rows = cell_texts(tables(work / "out" / "ho-so.to-trinh.docx")[-1])
    assert rows[-1] == ["1", "Nguyễn Thị Đạt", "Công chức, UBND xã"]


def test_named_sheet_and_old_formats(work):
    workbook(work / "ca-nhan.xlsx", sheet="Cá nhân")
    edit(work / "ho-so.yaml", "{tep: ca-nhan.xlsx}", "{tep: ca-nhan.xlsx, trang: Tập thể}")
    code, out = build()
    assert code == 1
    assert out.splitlines()[0] == (f"ho-so.yaml:{line_of(work / 'ho-so.yaml', 'trang:')}:32: de_nghi.ca_nhan.trang: "
                                   "tệp ca-nhan.xlsx không có trang tính 'Tập thể'; các trang: Cá nhân")
    edit(work / "ho-so.yaml", "trang: Tập thể", "trang: Cá nhân")
    assert build()[0] == 0
    (work / "cu.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    edit(work / "ho-so.yaml", "ca-nhan.xlsx", "cu.xls")
    code, out = build()
    assert code == 1 and "tệp 'cu.xls' là định dạng Excel cũ (.xls); hãy mở bằng Excel" in out
    (work / "hong.xlsx").write_bytes(b"not a zip")
    edit(work / "ho-so.yaml", "cu.xls", "hong.xlsx")
    code, out = build()
    assert code == 1 and out.splitlines()[0].startswith(
        "hong.xlsx: không đọc được tệp như bảng tính Excel (.xlsx): tệp bị hỏng hoặc không phải .xlsx")


def test_only_lists_of_people_come_from_a_spreadsheet(work):
    workbook(work / "ca-nhan.xlsx")
    edit(work / "ho-so.yaml", "  can_cu:\n", "  can_cu: {tep: ca-nhan.xlsx}\n  mo_dau:\n")
    code, out = build()
    assert code == 1
    assert ("to_trinh.can_cu: chỉ các danh sách tap_the, ca_nhan, ho_gia_dinh, thanh_vien lấy được từ bảng tính"
            in out)


def test_a_changed_spreadsheet_rebuilds_the_dossier(work):
    workbook(work / "ca-nhan.xlsx")
    assert build()[0] == 0
    code, out = build()
    assert code == 0 and out.splitlines() == ["✓ ho-so.yaml: không đổi"]
    rows = [list(r) for r in ROWS]
    rows[1][4] = 6  # Trịnh Văn Đủ falls below 70%
    workbook(work / "ca-nhan.xlsx", rows=rows)
    code, out = build()
    assert code == 0 and "→ out/ho-so.to-trinh.docx" in out
    names = [r[1] for r in cell_texts(tables(work / "out" / "ho-so.to-trinh.docx")[-1]) if len(r) == 4]
    assert "Trịnh Văn Đủ" not in names


BAD_ROWS = [
    [1, "Nguyễn Thị Đạt", "Công chức Tư pháp - Hộ tịch", None, 9, None],
    [2, None, "Trưởng thôn Đông", None, 7, None],            # no name
    [3, "Quách Văn Giỏi", "Phó Chủ tịch UBND xã", None, "tám", None],  # a vote in words
    [4, "Lò Thị Xuân", "Trưởng thôn Nà Cà", None, None, None],   # no vote
]


def _three_cells(sheet: str) -> list[str]:
    where = "trang 'Danh sách', " if sheet == "xlsx" else ""
    return [
        f"ca-nhan.{sheet}:5:2: de_nghi.ca_nhan[2].ten: {where}ô B5 (cột 'Họ và tên') đang để trống; hãy điền, "
        "hoặc xóa cả dòng nếu dòng này thừa",
        f"ca-nhan.{sheet}:6:5: de_nghi.ca_nhan[3].dong_y: {where}ô E6 (cột 'Số phiếu đồng ý') đang ghi 'tám', không "
        "phải một số; hãy gõ số phiếu bằng chữ số, ví dụ 8",
        f"ca-nhan.{sheet}:7:5: de_nghi.ca_nhan[4].dong_y: {where}ô E7 (cột 'Số phiếu đồng ý') đang để trống; hãy gõ "
        "số thành viên Hội đồng đồng ý, ví dụ 9"]


@pytest.mark.parametrize("sheet", ["xlsx", "csv"])
def test_every_bad_cell_of_a_sheet_told_at_once_with_the_yaml_problems(work, sheet):
    rows = [list(r) for r in BAD_ROWS]
    if sheet == "xlsx":
        workbook(work / "ca-nhan.xlsx", rows=rows)
    else:
        edit(work / "ho-so.yaml", "ca-nhan.xlsx", "ca-nhan.csv")
        lines = ["DANH SÁCH", ""] + [";".join("" if c is None else str(c) for c in r) for r in [HEADER] + rows]
        (work / "ca-nhan.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    edit(work / "ho-so.yaml", "  dia_diem:", "  dia_diiem:")
    code, out = build()
    assert code == 1 and "Traceback" not in out
    yaml_line = line_of(work / "ho-so.yaml", "dia_diiem")
    assert out.splitlines() == [
        f"ho-so.yaml:{yaml_line}:3: bien_ban.dia_diiem: 'dia_diiem' không có trong mẫu; có phải 'dia_diem'?",
        *_three_cells(sheet), "✗ ho-so.yaml: 4 lỗi, chưa tạo văn bản."]
    # Doing what the messages say, in the spreadsheet, makes the dossier.
    edit(work / "ho-so.yaml", "  dia_diiem:", "  dia_diem:")
    rows[1][1], rows[2][4], rows[3][4] = "Trịnh Văn Đủ", 8, 9
    if sheet == "xlsx":
        workbook(work / "ca-nhan.xlsx", rows=rows)
    else:
        lines = [";".join("" if c is None else str(c) for c in r) for r in [HEADER] + rows]
        (work / "ca-nhan.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = build()
    assert code == 0, out


def test_a_council_list_without_a_vote_column_is_told_once(work):
    workbook(work / "ca-nhan.xlsx", header=["STT", "Họ và tên", "Chức vụ, đơn vị"],
             rows=[[1, "Nguyễn Thị Đạt", "Công chức"], [2, "Trịnh Văn Đủ", "Trưởng thôn"]])
    code, out = build()
    assert code == 1
    assert out.splitlines() == [
        "ca-nhan.xlsx:3: de_nghi.ca_nhan: trang 'Danh sách': bảng tính chưa có cột 'Số phiếu đồng ý' mà biên bản cần "
        "số phiếu của từng trường hợp; hãy thêm cột 'Số phiếu đồng ý' vào dòng tên cột (dòng 3) rồi gõ số phiếu cho "
        "từng dòng", "✗ ho-so.yaml: 1 lỗi, chưa tạo văn bản."]
    workbook(work / "ca-nhan.xlsx", header=["STT", "Họ và tên", "Chức vụ, đơn vị", "Số phiếu đồng ý"],
             rows=[[1, "Nguyễn Thị Đạt", "Công chức", 9], [2, "Trịnh Văn Đủ", "Trưởng thôn", 8]])
    assert build()[0] == 0


def test_a_sheet_that_cannot_be_read_is_told_with_the_yaml_problems_and_nothing_more(work):
    workbook(work / "ca-nhan.xlsx", header=["STT", "Tên người", "Số phiếu đồng ý"], rows=[[1, "Nguyễn Thị Đạt", 9]])
    edit(work / "ho-so.yaml", "  dia_diem:", "  dia_diiem:")
    code, out = build()
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"ho-so.yaml:{line_of(work / 'ho-so.yaml', 'dia_diiem')}:3: bien_ban.dia_diiem: ")
    assert lines[1].startswith("ca-nhan.xlsx:3: de_nghi.ca_nhan: trang 'Danh sách': thiếu cột 'Họ và tên / Tên tập thể'")
    assert lines[2:] == ["✗ ho-so.yaml: 2 lỗi, chưa tạo văn bản."]


def test_an_award_missing_where_the_sheet_has_no_award_column(work):
    edit(work / "ho-so.yaml", "  hinh_thuc: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\n", "")
    edit(work / "ho-so.yaml", "      dong_y: 10\n", "      dong_y: 10\n      hinh_thuc: Bằng khen\n")
    edit(work / "ho-so.yaml", "      dong_y: 7\n", "      dong_y: 7\n      hinh_thuc: Bằng khen\n")
    workbook(work / "ca-nhan.xlsx", header=["STT", "Họ và tên", "Số phiếu đồng ý"], rows=[[1, "Nguyễn Thị Đạt", 9]])
    code, out = build()
    assert code == 1
    assert out.splitlines()[0] == (
        "ca-nhan.xlsx:4:2: de_nghi.ca_nhan[1].hinh_thuc: trang 'Danh sách': dòng 4: Nguyễn Thị Đạt: chưa ghi hình "
        "thức khen thưởng; hãy gõ hình thức khen thưởng vào cột 'Hình thức khen thưởng' của dòng này (bảng tính "
        "chưa có cột này: hãy thêm vào dòng tên cột, dòng 3), hoặc ghi 'hinh_thuc: ...' chung ở đầu danh sách "
        "trong tệp ho-so.yaml")
    workbook(work / "ca-nhan.xlsx", header=["STT", "Họ và tên", "Số phiếu đồng ý", "Hình thức khen thưởng"],
             rows=[[1, "Nguyễn Thị Đạt", 9, "Bằng khen"]])
    assert build()[0] == 0
