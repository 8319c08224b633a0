"""The title's lines and the chủ quản line, as the generated DOCX holds them (the pages themselves are
in test_pages.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from award_helpers import copy_fixture, edit, line_of, run
from helpers import lines
from tdkt_docs.title_lines import balance
from tdkt_docs.vn import text_width_cm


@pytest.mark.parametrize("title, expected", [
    ("Tổ chức phong trào thi đua năm 2026", ["Tổ chức phong trào thi đua năm 2026"]),
    ("Về việc đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã Tân Lập năm 2025",
     ["Về việc đề nghị tặng Giấy khen", "của Chủ tịch Ủy ban nhân dân xã Tân Lập năm 2025"]),
    ("Tổ chức phong trào thi đua yêu nước và công tác thi đua, khen thưởng xã Tân Lập năm 2026",
     ["Tổ chức phong trào thi đua yêu nước", "và công tác thi đua, khen thưởng xã Tân Lập năm 2026"]),
    ("Họp Hội đồng Thi đua - Khen thưởng xã Tân Lập xét đề nghị khen thưởng năm 2025",
     ["Họp Hội đồng Thi đua - Khen thưởng xã Tân Lập", "xét đề nghị khen thưởng năm 2025"]),
    ("Kết quả công tác thi đua, khen thưởng 6 tháng đầu năm và phương hướng nhiệm vụ 6 tháng cuối năm 2026",
     ["Kết quả công tác thi đua, khen thưởng 6 tháng đầu năm", "và phương hướng nhiệm vụ 6 tháng cuối năm 2026"]),
])
def test_a_long_title_breaks_into_even_lines_between_names(title, expected):
    assert balance(title).split("\n") == expected


def test_no_line_of_a_balanced_title_is_one_word_or_too_wide():
    title = ("Về việc đề nghị tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc trong phong trào "
             "“Toàn dân đoàn kết xây dựng đời sống văn hóa” trên địa bàn xã Tân Lập năm 2026")
    for count in range(8, len(title.split()) + 1):
        shown = balance(" ".join(title.split()[:count]))
        for line in shown.split("\n"):
            assert len(line.split()) > 1, shown
            assert text_width_cm(line, 14, True) <= 16.5 * 0.95, shown
        assert "Tân\nLập" not in shown and "năm\n2026" not in shown and "cá\nnhân" not in shown


def test_a_title_the_clerk_broke_by_hand_keeps_its_lines():
    assert balance("Kết quả công tác thi đua\nnăm 2026") == "Kết quả công tác thi đua\nnăm 2026"


def test_no_chu_quan_line_above_a_ubnd_and_a_warning_where_it_was_typed(tmp_path: Path):
    source = copy_fixture("ke-hoach.yaml", tmp_path)
    edit(source, "  ten: SỞ NỘI VỤ\n  viet_tat: SNV", '  ten: "ỦY BAN NHÂN DÂN\\nXÃ TÂN LẬP"\n  viet_tat: UBND')
    code, text = run("build", source, "-o", tmp_path / "ra")
    assert code == 0, text
    line = line_of(source, "chu_quan:")
    assert f"ke-hoach.yaml:{line}:3: co_quan.chu_quan: cảnh báo: dòng cơ quan chủ quản 'UBND TỈNH LAI CHÂU' " \
           "không được in" in text
    assert "thêm 'giu_chu_quan: true' trong 'co_quan'" in text
    header = lines(tmp_path / "ra" / "ke-hoach.docx")[:3]
    assert header[:2] == ["ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP", ""], header


def test_the_clerk_can_keep_the_chu_quan_line(tmp_path: Path):
    source = copy_fixture("ke-hoach.yaml", tmp_path)
    edit(source, "  ten: SỞ NỘI VỤ\n  viet_tat: SNV",
         '  ten: "ỦY BAN NHÂN DÂN\\nXÃ TÂN LẬP"\n  viet_tat: UBND\n  giu_chu_quan: true')
    code, text = run("build", source, "-o", tmp_path / "ra")
    assert code == 0 and "chu_quan: cảnh báo" not in text, text
    assert lines(tmp_path / "ra" / "ke-hoach.docx")[:2] == ["UBND TỈNH LAI CHÂU", "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP"]


def test_a_department_keeps_its_chu_quan_line(tmp_path: Path):
    source = copy_fixture("ke-hoach.yaml", tmp_path)
    code, text = run("build", source, "-o", tmp_path / "ra")
    assert code == 0 and "chu_quan: cảnh báo" not in text, text
    assert lines(tmp_path / "ra" / "ke-hoach.docx")[:2] == ["UBND TỈNH LAI CHÂU", "SỞ NỘI VỤ"]
