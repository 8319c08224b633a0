"""Vietnamese number words, as a decision writes its total in words."""
from __future__ import annotations

import pytest

from tdkt_docs.vn_numbers import so_thanh_chu, tien, tien_bang_chu


@pytest.mark.parametrize("n, words", [
    (0, "không"), (1, "một"), (5, "năm"), (10, "mười"), (11, "mười một"), (14, "mười bốn"), (15, "mười lăm"),
    (20, "hai mươi"), (21, "hai mươi mốt"), (24, "hai mươi tư"), (25, "hai mươi lăm"), (55, "năm mươi lăm"),
    (100, "một trăm"), (101, "một trăm linh một"), (104, "một trăm linh bốn"), (105, "một trăm linh năm"),
    (110, "một trăm mười"), (115, "một trăm mười lăm"), (121, "một trăm hai mươi mốt"),
    (1000, "một nghìn"), (1005, "một nghìn không trăm linh năm"), (1015, "một nghìn không trăm mười lăm"),
    (15_000, "mười lăm nghìn"), (21_000, "hai mươi mốt nghìn"), (105_000, "một trăm linh năm nghìn"),
    (702_000, "bảy trăm linh hai nghìn"), (1_000_000, "một triệu"),
    (1_000_005, "một triệu không trăm linh năm"), (2_340_000, "hai triệu ba trăm bốn mươi nghìn"),
    (1_404_000, "một triệu bốn trăm linh bốn nghìn"), (10_530_000, "mười triệu năm trăm ba mươi nghìn"),
    (1_000_000_000, "một tỷ"), (1_000_001_000, "một tỷ không trăm linh một nghìn"),
    (1_200_000_000, "một tỷ hai trăm triệu"), (5_000_105_000, "năm tỷ một trăm linh năm nghìn"),
    (2_000_000_000_000, "hai nghìn tỷ"),
    (999_999_999, "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"),
])
def test_words(n, words):
    assert so_thanh_chu(n) == words


def test_money_in_words_and_figures():
    assert tien_bang_chu(702_000) == "Bảy trăm linh hai nghìn đồng"
    assert tien_bang_chu(0) == "Không đồng"
    assert tien(702_000) == "702.000"
    assert tien(2_340_000) == "2.340.000"
    assert tien(5) == "5"


def test_negative_is_refused():
    with pytest.raises(ValueError):
        so_thanh_chu(-1)
