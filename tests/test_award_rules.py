"""Conventions and voting rules of the award documents, as pure functions."""
from __future__ import annotations

from fractions import Fraction

import pytest

from tdkt_docs import vn

from tdkt_docs.model import voting_rules as rules
from tdkt_docs.model import KINDS


def test_percentages_written_the_vietnamese_way():
    assert vn.percent(10, 11) == "90,9%"
    assert vn.percent(7, 10) == "70%"
    assert vn.percent(2, 3) == "66,7%"
    assert vn.percent(9, 9) == "100%"


def test_counts_and_ratios():
    assert vn.ti_so(9, 11) == "09/11"
    assert vn.ti_so(10, 12) == "10/12"
    assert vn.dem(5, "tập thể") == "05 tập thể"
    assert vn.liet_ke(["05 tập thể", "12 cá nhân"]) == "05 tập thể và 12 cá nhân"
    assert vn.liet_ke(["a", "b", "c"]) == "a, b và c"
    assert vn.gio_phut(8, 5) == "08 giờ 05 phút"


def test_kinh_gui_and_nhu_tren():
    assert vn.kinh_gui_lines(["Bộ Nội vụ"]) == ["Kính gửi: Bộ Nội vụ"]
    assert vn.kinh_gui_lines(["Bộ Nội vụ", "- Bộ Tài chính;"]) == ["Kính gửi:", "- Bộ Nội vụ;", "- Bộ Tài chính."]
    assert vn.noi_nhan_nhu_tren(["Bộ Nội vụ", "- Như trên;", "Lưu: VT"], ["Bộ Nội vụ"]) == ["- Như trên;", "- Lưu: VT."]


def test_award_names_in_prose():
    assert vn.danh_hieu("Giấy khen của Chủ tịch UBND xã") == "Giấy khen của Chủ tịch UBND xã"
    assert vn.danh_hieu("Chiến sĩ thi đua cấp tỉnh") == "danh hiệu Chiến sĩ thi đua cấp tỉnh"
    assert vn.danh_hieu("danh hiệu Lao động tiên tiến") == "danh hiệu Lao động tiên tiến"
    assert vn.danh_hieu("Cờ thi đua của Ủy ban nhân dân tỉnh") == "Cờ thi đua của Ủy ban nhân dân tỉnh"


def test_placeholder_keeps_its_dots_before_the_end_mark():
    assert vn.end_mark("...") == ".../."
    assert vn.end_mark("Hết.") == "Hết./."


@pytest.mark.parametrize("text, share", [("2/3", Fraction(2, 3)), ("70", Fraction(7, 10)), ("90%", Fraction(9, 10)),
                                         ("66,7%", Fraction(667, 1000)), (" 3 / 4 ", Fraction(3, 4))])
def test_shares(text, share):
    assert rules.fraction(text) == share


@pytest.mark.parametrize("text", ["0", "101", "4/3", "1/0", "hai phần ba", ""])
def test_bad_shares(text):
    with pytest.raises(ValueError):
        rules.fraction(text)


def test_exact_edges():
    two_thirds = Fraction(2, 3)
    assert rules.at_least(6, 9, two_thirds) and not rules.at_least(5, 9, two_thirds)
    assert rules.minimum(11, two_thirds) == 8 and rules.minimum(9, two_thirds) == 6
    assert rules.at_least(7, 10, Fraction(7, 10)) and not rules.at_least(6, 10, Fraction(7, 10))
    assert rules.shown(two_thirds) == "2/3" and rules.shown(Fraction(7, 10)) == "70%"


def test_strict_awards_by_default():
    default = rules.Threshold(Fraction(7, 10), False, rules.PRESENT)
    strict = rules.Rule(rules.STRICT_AWARDS, rules.Threshold(Fraction(9, 10), True, rules.PRESENT))
    assert rules.threshold_for("Chiến sĩ thi đua cấp tỉnh", [strict], default).secret
    assert rules.threshold_for("Danh hiệu Chiến sĩ thi đua toàn quốc", [strict], default).share == Fraction(9, 10)
    assert rules.threshold_for("Chiến sĩ thi đua cơ sở", [strict], default) == default
    assert rules.threshold_for("Bằng khen", [strict], default) == default


def test_every_kind_has_a_json_schema():
    for loai, model in KINDS.items():
        schema = model.model_json_schema()
        assert schema["properties"]["loai"]["const"] == loai or loai in str(schema["properties"]["loai"])
