from datetime import date

import pytest

from tdkt_docs import vn


@pytest.mark.parametrize("n, label", [(1, "a"), (4, "d"), (5, "đ"), (6, "e"), (7, "g"), (8, "h"), (10, "k"),
                                      (23, "y"), (24, "aa")])
def test_letters_follow_vietnamese_order(n, label):
    assert vn.letter(n) == label


def test_roman():
    assert [vn.roman(n) for n in (1, 4, 5, 9, 14, 40)] == ["I", "IV", "V", "IX", "XIV", "XL"]


@pytest.mark.parametrize("number, expected", [(5, "05/KH-UBND"), (10, "10/KH-UBND"), (353, "353/KH-UBND"),
                                              (None, "      /KH-UBND")])
def test_so_ky_hieu(number, expected):
    assert vn.so_ky_hieu(number, "KH", "UBND") == expected


@pytest.mark.parametrize("d, m, expected", [
    (5, 1, "Tam Đường, ngày 05 tháng 01 năm 2026"),
    (29, 2, "Tam Đường, ngày 29 tháng 02 năm 2026"),
    (5, 3, "Tam Đường, ngày 05 tháng 3 năm 2026"),
    (25, 12, "Tam Đường, ngày 25 tháng 12 năm 2026"),
    (None, 3, "Tam Đường, ngày      tháng 3 năm 2026"),
])
def test_date_line_leading_zeros(d, m, expected):
    assert vn.dia_danh_ngay("Tam Đường", d, m, 2026) == expected


def test_short_date():
    assert vn.short_date(date(2019, 4, 8)) == "08/4/2019"
    assert vn.short_date(date(2022, 2, 22)) == "22/02/2022"


def test_noi_nhan_punctuation():
    assert vn.noi_nhan_lines(["Như trên", "- Ban TĐKT tỉnh;", "Lưu: VT, NV."]) == [
        "- Như trên;", "- Ban TĐKT tỉnh;", "- Lưu: VT, NV."]
    assert vn.noi_nhan_lines(["Sở Nội vụ", "..."]) == ["- Sở Nội vụ;", "- ..."]


@pytest.mark.parametrize("typed, computed", [
    # whatever ends each line, ';' on each and '.' on the last
    (["Căn cứ A", "Căn cứ B.", "Căn cứ C;"], ["Căn cứ A;", "Căn cứ B;", "Căn cứ C."]),
    (["Căn cứ A,", "Căn cứ B ; "], ["Căn cứ A;", "Căn cứ B."]),
    # the mark goes after closing emphasis, not inside it
    (["*Căn cứ A;*", "Căn cứ **B.**"], ["*Căn cứ A*;", "Căn cứ **B**."]),
    # a lead-in ending with ':' keeps it, and the căn cứ before it is the last one
    (["Căn cứ A;", "Căn cứ B, Ủy ban xây dựng Kế hoạch như sau:"], ["Căn cứ A.", "Căn cứ B, Ủy ban xây dựng Kế hoạch như sau:"]),
    # a placeholder of dots in a form is left as typed
    (["Căn cứ A", "..."], ["Căn cứ A.", "..."]),
    ([], []),
])
def test_can_cu_punctuation(typed, computed):
    assert vn.can_cu_lines(typed) == computed


@pytest.mark.parametrize("part, whole, text", [(10, 11, "90,9%"), (7, 10, "70%"), (11, 11, "100%"), (2, 3, "66,7%")])
def test_percent_vietnamese(part, whole, text):
    assert vn.percent(part, whole) == text


@pytest.mark.parametrize("given, ended", [("như sau", "như sau./."), ("xử lý.", "xử lý./."), ("xong./.", "xong./.")])
def test_end_mark(given, ended):
    assert vn.end_mark(given) == ended
