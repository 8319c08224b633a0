"""A biên bản asks only for what it prints: no meeting time or place when no line shows them, no
vote when the results are only listed; and the advice given for what is missing works as written."""
from __future__ import annotations

import shutil

import pytest

from award_helpers import FIXTURES, paragraphs, run, tables

SCHOOL = FIXTURES / "shapes" / "truong-binh-xet.yaml"


@pytest.fixture
def school(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SCHOOL, tmp_path / "bb.yaml")
    return tmp_path / "bb.yaml"


def rewrite(path, *pairs) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def line_with(path, start: str) -> int:
    return next(n for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if t.startswith(start))


def texts(path) -> list[str]:
    return [p.text for p in paragraphs(path) if p.text.strip()]


def test_no_time_or_place_needed_when_no_line_prints_them(school):
    rewrite(school, ("bat_dau: 2026-05-28 14:00\n", ""), ("ket_thuc: 16:15\n", ""),
            ("dia_diem: Phòng họp Hội đồng sư phạm nhà trường\n", ""), ("      - tu_dong: ket_thuc\n", ""))
    code, out = run("build", "bb.yaml", "-o", "out")
    # the place-and-date line still needs a day, and says how to give it
    assert code == 1
    assert out.splitlines()[0] == (f"bb.yaml:{line_with(school, 'dia_danh')}:1: dia_danh: dòng địa danh cần một ngày: "
                                   "hãy thêm dòng 'ngay: 2026-05-25' (ngày ghi trên dòng này), hoặc 'bat_dau: "
                                   "2026-05-25 15:30' (ngày giờ họp)")
    rewrite(school, ("dia_danh: Đông Phong\n", "dia_danh: Đông Phong\nngay: 2026-05-25\n"))
    code, out = run("build", "bb.yaml", "-o", "out")
    assert code == 0, out
    lines = texts("out/bb.docx")
    assert "Đông Phong, ngày 25 tháng 5 năm 2026" in [c.text for t in tables("out/bb.docx")[:1]
                                                        for r in t.rows for c in r.cells]
    assert not any(t.startswith(("Thời gian", "Địa điểm", "Cuộc họp kết thúc")) for t in lines)


def test_a_printed_time_line_asks_for_the_time_in_its_one_line_form(school):
    rewrite(school, ("bat_dau: 2026-05-28 14:00\n", ""),
            ("      - tu_dong: chu_tri\n", "      - tu_dong: thoi_gian\n      - tu_dong: chu_tri\n"),
            ("      - tu_dong: ket_thuc\n", ""), ("ket_thuc: 16:15\n", ""))
    code, out = run("build", "bb.yaml", "-o", "out")
    assert code == 1
    assert out.splitlines()[0].endswith("bat_dau: biên bản in dòng «Thời gian bắt đầu» nên cần ngày giờ họp: hãy "
                                        "thêm dòng 'bat_dau: 2026-05-25 15:30'")
    rewrite(school, ("dia_danh: Đông Phong\n", "dia_danh: Đông Phong\nbat_dau: 2026-05-25 15:30\n"))
    code, out = run("build", "bb.yaml", "-o", "out")
    assert code == 0, out
    assert "Thời gian bắt đầu: 15 giờ 30 phút, ngày 25 tháng 5 năm 2026." in texts("out/bb.docx")


def test_results_listed_without_a_vote_are_printed_as_a_list_and_nothing_is_concluded_for_them(school):
    rewrite(school, ("{hinh_thuc: Lao động tiên tiến, ca_nhan: 38, dong_y: 8, kem_theo: danh sách tại Phụ lục}",
                     "{hinh_thuc: Lao động tiên tiến, ca_nhan: 38, kem_theo: danh sách tại Phụ lục}"))
    code, out = run("build", "bb.yaml", "-o", "out")
    assert code == 0, out
    lines = texts("out/bb.docx")
    at = lines.index("Danh sách đề nghị:")
    assert lines[at + 1] == "- Lao động tiên tiến: 38 cá nhân (danh sách tại Phụ lục)."
    rows = [[c.text for c in r.cells] for r in tables("out/bb.docx")[1].rows]
    assert [r[1] for r in rows] == ["Hình thức khen thưởng", "Tập thể lao động tiên tiến", "Chiến sĩ thi đua cơ sở"]
    conclusion = next(t for t in lines if t.startswith("Kết luận:"))
    assert "Lao động tiên tiến cho" not in conclusion.replace("Tập thể lao động tiên tiến", "")


def test_a_dossier_still_needs_every_vote(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = (FIXTURES.parent.parent / "tdkt_docs" / "starters" / "ho_so.yaml").read_text(encoding="utf-8")
    text = text.replace("      dong_y: 3\n", "")
    (tmp_path / "hs.yaml").write_text(text, encoding="utf-8")
    code, out = run("build", "hs.yaml", "-o", "out")
    assert code == 1 and "Lò Văn Minh: chưa ghi số phiếu đồng ý; hãy thêm 'dong_y: <số thành viên đồng ý>'" in out


def test_content_ending_with_a_table_ends_with_the_mark_after_it(school):
    rewrite(school, ("  - tieu_de: Kết luận\n    noi_dung:\n      - tu_dong: ket_luan\n"
                     "      - Biên bản được thông qua trước Hội đồng, các thành viên nhất trí.\n"
                     "      - tu_dong: ket_thuc\n", ""))
    code, out = run("build", "bb.yaml", "-o", "out")
    assert code == 0, out
    lines = texts("out/bb.docx")
    assert lines[lines.index("Kết quả biểu quyết:") + 1] == "./."
