"""The dossier: one YAML, one build, a biên bản and a tờ trình that agree with each other."""
from __future__ import annotations

import re

import pytest

from award_helpers import cell_texts, copy_fixture, edit, line_of, paragraphs, run, tables

PASSED = {"tap_the": ["Văn phòng HĐND và UBND xã An Bình", "Trường Mầm non An Bình"],
          "ca_nhan": ["Nguyễn Thị Đạt", "Trịnh Văn Đủ", "Quách Văn Giỏi"]}
FAILED = ["Mai Thị Thiếu", "Tạ Văn Suýt"]


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_fixture("ho-so.yaml", tmp_path)
    return tmp_path


def build(work):
    code, out = run("build", "ho-so.yaml", "-o", "out")
    return code, out


def vote_rows(path):
    table = next(t for t in tables(path) if cell_texts(t)[0][:2] == ["STT", "Họ và tên / Tên tập thể"])
    return [r for r in cell_texts(table)[1:] if len(r) > 2]


def list_rows(path):
    # Bằng khen and a danh hiệu in one list: the column is headed for both.
    table = next(t for t in tables(path) if cell_texts(t)[0] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị",
                                                                  "Danh hiệu, hình thức khen thưởng đề nghị"])
    return cell_texts(table)[1:]


def test_one_build_writes_the_biên_bản_and_the_tờ_trình(work):
    code, out = build(work)
    assert code == 0, out
    assert out.splitlines() == ["✓ ho-so.yaml → out/ho-so.bien-ban.docx", "✓ ho-so.yaml → out/ho-so.to-trinh.docx"]


def test_names_typed_once_appear_identically_in_both(work):
    build(work)
    minutes = {r[1]: r for r in vote_rows(work / "out" / "ho-so.bien-ban.docx")}
    proposal = [r[1] for r in list_rows(work / "out" / "ho-so.to-trinh.docx") if len(r) == 4]
    passed = PASSED["tap_the"] + PASSED["ca_nhan"]
    assert proposal == passed
    for name in passed:
        assert minutes[name][-1] == "Đạt"
    for name in FAILED:
        assert minutes[name][-1] == "Không đạt"
        assert name not in proposal


def test_counts_in_words_equal_the_lists(work):
    build(work)
    rows = list_rows(work / "out" / "ho-so.to-trinh.docx")
    sections = {}
    current = None
    for row in rows:
        if len(row) == 2:
            current = row[1]
            sections[current] = []
        else:
            sections[current].append(row)
    assert {k: len(v) for k, v in sections.items()} == {"Tập thể": 2, "Cá nhân": 3}
    text = [p.text for p in paragraphs(work / "out" / "ho-so.to-trinh.docx")]
    ask = next(t for t in text if "kính đề nghị" in t)
    assert ask == ("Ủy ban nhân dân xã An Bình kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng Bằng khen của "
                   "Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể và 02 cá nhân; tặng danh hiệu Chiến sĩ thi đua cấp "
                   "tỉnh cho 01 cá nhân (có danh sách kèm theo).")
    # the same counts, per award, as the rows of the list
    said = {award: sum(int(n) for n in re.findall(r"(\d+) (?:tập thể|cá nhân)", part))
            for award, part in [("Bằng khen", ask.split(";")[0]), ("Chiến sĩ", ask.split(";")[1])]}
    assert said == {"Bằng khen": sum(r[3].startswith("Bằng khen") for r in rows if len(r) == 4),
                    "Chiến sĩ": sum(r[3].startswith("Chiến sĩ") for r in rows if len(r) == 4)}
    minutes = [p.text for p in paragraphs(work / "out" / "ho-so.bien-ban.docx")]
    assert ("Kết luận: Hội đồng thống nhất đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể và "
            "02 cá nhân; tặng danh hiệu Chiến sĩ thi đua cấp tỉnh cho 01 cá nhân.") in minutes
    assert ("Không đề nghị 02 cá nhân chưa đạt tỷ lệ phiếu đồng ý theo quy chế: Mai Thị Thiếu (60%); "
            "Tạ Văn Suýt (80%).") in minutes


def test_threshold_edges(work):
    build(work)
    rows = {r[1]: r[3:] for r in vote_rows(work / "out" / "ho-so.bien-ban.docx")}
    # exactly 70% of the members present passes; one vote short does not
    assert rows["Trường Mầm non An Bình"] == ["Giơ tay", "07/10", "70%", "Đạt"]
    assert rows["Mai Thị Thiếu"] == ["Giơ tay", "06/10", "60%", "Không đạt"]
    # Chiến sĩ thi đua cấp tỉnh: secret ballot and 90%, by default
    assert rows["Quách Văn Giỏi"] == ["Bỏ phiếu kín", "09/10", "90%", "Đạt"]
    assert rows["Tạ Văn Suýt"] == ["Bỏ phiếu kín", "08/10", "80%", "Không đạt"]


def test_one_vote_moves_a_nominee_between_the_documents(work):
    edit(work / "ho-so.yaml", "      dong_y: 6", "      dong_y: 7")
    build(work)
    assert "Mai Thị Thiếu" in [r[1] for r in list_rows(work / "out" / "ho-so.to-trinh.docx")]
    text = [p.text for p in paragraphs(work / "out" / "ho-so.to-trinh.docx")]
    assert any("cho 02 tập thể và 03 cá nhân; tặng danh hiệu" in t for t in text)


def test_quorum_not_met_is_an_error_and_nothing_is_written(work):
    assert build(work)[0] == 0
    before = {p.name: p.read_bytes() for p in (work / "out").iterdir() if p.suffix == ".docx"}
    path = work / "ho-so.yaml"
    for name in ("Phạm Văn Ba", "Hoàng Thị Bốn", "Vũ Văn Năm"):
        edit(path, f"{{ho_ten: {name}, vai_tro: Ủy viên}}", f"{{ho_ten: {name}, vai_tro: Ủy viên, vang: ốm}}")
    code, out = build(work)
    assert code == 1
    assert out.splitlines() == [
        f"ho-so.yaml:{line_of(path, 'thanh_vien:')}:3: bien_ban.thanh_vien: cuộc họp không đủ số thành viên để biểu "
        "quyết: có mặt 07/11 thành viên, quy chế cần ít nhất 2/3 số thành viên (08/11); biên bản và tờ trình chưa "
        "được tạo",
        "✗ ho-so.yaml: 1 lỗi, chưa tạo văn bản.",
    ]
    after = {p.name: p.read_bytes() for p in (work / "out").iterdir() if p.suffix == ".docx"}
    assert after == before


def test_quorum_is_configuration(work):
    path = work / "ho-so.yaml"
    edit(path, "  noi_dung:\n    - Thư ký", "  quy_che:\n    co_mat_toi_thieu: 100%\n  noi_dung:\n    - Thư ký")
    code, out = build(work)
    assert code == 1 and "quy chế cần ít nhất 100% số thành viên (11/11)" in out
    edit(path, "co_mat_toi_thieu: 100%", "co_mat_toi_thieu: 10/11\n    dong_y: 80")
    assert build(work)[0] == 0
    rows = {r[1]: r[-1] for r in vote_rows(work / "out" / "ho-so.bien-ban.docx")}
    assert rows["Trường Mầm non An Bình"] == "Không đạt" and rows["Nguyễn Thị Đạt"] == "Đạt"


def test_tờ_trình_dated_before_the_meeting(work):
    path = work / "ho-so.yaml"
    edit(path, "ngay: 2026-01-09", "ngay: 2026-01-07")
    code, out = build(work)
    assert code == 1
    assert out.splitlines()[0] == (
        f"ho-so.yaml:{line_of(path, 'ngay: 2026-01-07')}:3: to_trinh.ngay: tờ trình ký ngày 07/01/2026, trước cuộc "
        "họp Hội đồng ngày 08/01/2026; tờ trình phải ký cùng ngày hoặc sau cuộc họp")


def test_nobody_passed(work):
    path = work / "ho-so.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"dong_y: \d+", "dong_y: 1", text), encoding="utf-8")
    code, out = build(work)
    assert code == 1
    assert (f"ho-so.yaml:{line_of(path, 'de_nghi:')}:1: de_nghi: không trường hợp nào đạt tỷ lệ phiếu đồng ý theo "
            "quy chế") in out


def test_every_problem_of_the_list_at_once(work):
    path = work / "ho-so.yaml"
    edit(path, "      dong_y: 10\n", "      dong_y: 12\n")
    edit(path, "  hinh_thuc: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\n", "")
    code, out = build(work)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (f"ho-so.yaml:{line_of(path, 'Văn phòng HĐND')}:7: de_nghi.tap_the[1].hinh_thuc: Văn phòng "
                        "HĐND và UBND xã An Bình: chưa ghi hình thức khen thưởng; hãy thêm 'hinh_thuc: ...' cho tập "
                        "thể này, hoặc 'hinh_thuc' chung ở đầu danh sách")
    assert len([line for line in lines if "chưa ghi hình thức khen thưởng" in line]) == 5
    assert lines[-1] == "✗ ho-so.yaml: 5 lỗi, chưa tạo văn bản."


def test_votes_above_members_present(work):
    path = work / "ho-so.yaml"
    edit(path, "      dong_y: 10\n", "      dong_y: 11\n")
    code, out = build(work)
    assert code == 1
    assert out.splitlines()[0] == (
        f"ho-so.yaml:{line_of(path, 'dong_y: 11')}:7: de_nghi.tap_the[1].dong_y: Văn phòng HĐND và UBND xã An Bình: "
        "11 phiếu đồng ý nhiều hơn số thành viên có mặt (10/11); hãy kiểm tra lại số phiếu")
