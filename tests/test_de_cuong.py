"""Đề cương báo cáo: seed 004's outline word for word, sent with its kế hoạch or on its own, and the
báo cáo a unit starts from it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from docx.shared import Pt

from award_helpers import effective, line_of, paragraphs, run, tables
from helpers import ROOT, first_difference, lines, squash
from tdkt_docs.build import Job, build_one

SEED = next((ROOT / "tests" / "fixtures" / "seeds").glob("004_*.txt"))
PLAN = ROOT / "data" / "mau" / "004-cao-bang-75-nam-thi-dua-ai-quoc.yaml"


def seed_outline() -> str:
    text = SEED.read_text(encoding="utf-8")
    return squash(text[text.index("Hoàng Xuân Ánh") + len("Hoàng Xuân Ánh"):])


@pytest.fixture(scope="module")
def outline(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    outcome = build_one(Job(PLAN, "004"), out)
    assert outcome.error is None, outcome.error
    assert [p.name for p in outcome.written] == ["004.docx", "004.de-cuong.docx"]
    return out / "004.de-cuong.docx"


def test_seed_004_outline_word_for_word(outline):
    expected = seed_outline()
    actual = squash("\n".join(lines(outline)))
    assert actual == expected, first_difference(expected, actual)


def test_standalone_outline_is_the_same_document(outline, tmp_path):
    plan = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    standalone = {"loai": "de_cuong", "dia_danh": plan["dia_danh"], **plan["de_cuong"]}
    source = tmp_path / "de-cuong.yaml"
    source.write_text(yaml.safe_dump(standalone, allow_unicode=True, sort_keys=False), encoding="utf-8")
    outcome = build_one(Job(source, "dc"), tmp_path)
    assert outcome.error is None, outcome.error
    assert lines(tmp_path / "dc.docx") == lines(outline)


def test_header_left_for_the_unit_to_fill(outline):
    header = tables(outline)[0]
    left = header.rows[0].cells[0].paragraphs
    assert [p.text for p in left] == ["UBND TỈNH CAO BẰNG", "ĐƠN VỊ...", ""]
    assert not effective(left[0], "bold") and effective(left[1], "bold") is True
    assert [p.text for p in header.rows[1].cells[0].paragraphs] == ["Số:       /BC-"]
    date = header.rows[1].cells[1].paragraphs[0]
    assert date.text == "Cao Bằng, ngày      tháng 7 năm 2023" and effective(date, "italic") is True


def test_outline_headings_numbered_and_styled(outline):
    body = paragraphs(outline)
    assert body[0].text == "ĐỀ CƯƠNG BÁO CÁO" and effective(body[0], "bold") and effective(body[0], "size") == Pt(14)
    headings = {p.text: p for p in body}
    first = headings["I. KẾT QUẢ THỰC HIỆN ĐỢT THI ĐUA"]
    assert first.style.style_id == "TdktMuc" and effective(first, "bold")
    assert headings["1. Ưu điểm"].style.style_id == "TdktKhoanTieuDe"
    assert [p.text for p in body if p.text.startswith(("I", "V"))] == [
        "I. KẾT QUẢ THỰC HIỆN ĐỢT THI ĐUA", "II. ĐÁNH GIÁ CHUNG", "III. BÀI HỌC KINH NGHIỆM", "IV. ĐỀ XUẤT, KIẾN NGHỊ"]
    # an outline is not a finished text: no './.'
    assert not any(p.text.endswith("./.") for p in body)


def test_signed_by_the_head_of_the_unit_without_a_name(outline):
    left, right = tables(outline)[-1].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["Nơi nhận:", "- Sở Nội vụ;", "- ..."]
    assert [p.text for p in right.paragraphs] == ["THỦ TRƯỞNG ĐƠN VỊ", "", ""]
    assert effective(right.paragraphs[0], "bold") is True


def test_hints_are_italic_under_their_heading(tmp_path):
    source = tmp_path / "dc.yaml"
    source.write_text("loai: de_cuong\ndia_danh: Lai Châu\nngay: 2026-06\ntrich_yeu: Sơ kết\nnoi_dung:\n"
                      "  - tieu_de: Kết quả\n    goi_y: Nêu số liệu *cụ thể*.\n    noi_dung: [Ưu điểm]\n",
                      encoding="utf-8")
    outcome = build_one(Job(source, "dc"), tmp_path)
    assert outcome.error is None, outcome.error
    body = paragraphs(tmp_path / "dc.docx")
    texts = [p.text for p in body]
    i = texts.index("I. KẾT QUẢ")
    assert texts[i + 1:i + 3] == ["Nêu số liệu *cụ thể*.", "1. Ưu điểm"]
    assert all(r.italic for r in body[i + 1].runs)
    header = tables(tmp_path / "dc.docx")[0]
    assert [p.text for p in header.rows[0].cells[0].paragraphs] == ["ĐƠN VỊ...", ""]  # defaults


def test_outline_deeper_than_three_levels(tmp_path):
    source = tmp_path / "dc.yaml"
    source.write_text("loai: de_cuong\ndia_danh: Lai Châu\nngay: 2026-06\ntrich_yeu: Sơ kết\nnoi_dung:\n"
                      "  - tieu_de: A\n    noi_dung:\n      - tieu_de: B\n        noi_dung:\n"
                      "          - tieu_de: C\n            noi_dung: [D]\n", encoding="utf-8")
    outcome = build_one(Job(source, "dc"), tmp_path)
    assert [str(p) for p in outcome.error.problems] == [
        f"{source}:{line_of(source, 'noi_dung: [D]')}:24: noi_dung[1].noi_dung[1].noi_dung[1].noi_dung[1]: đề cương "
        "chỉ có 3 cấp mục (I., 1., a)); hãy gộp mục này vào mục trên"]


def test_báo_cáo_started_from_the_outline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out = run("new", "bao-cao", "--tu", PLAN, "-o", "bc.yaml")
    assert code == 0, out
    text = (tmp_path / "bc.yaml").read_text(encoding="utf-8")
    schema = os.path.relpath(ROOT / "tdkt_docs" / "schemas" / "bao_cao.schema.json", tmp_path)
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={schema}"
    assert "loai: bao_cao" in text
    code, out = run("build", "bc.yaml", "-o", "out")
    assert code == 0, out
    body = [p.text for p in paragraphs(tmp_path / "out" / "bc.docx")]
    assert body[0] == "BÁO CÁO"
    assert body[1].startswith("Kết quả phong trào thi đua lập thành tích")
    headings = [t for t in body if t[:2] in {"I.", "II", "1.", "2.", "3.", "4.", "5.", "IV"} or t.startswith("III.")]
    outline_headings = [t for t in lines(build_outline(tmp_path)) if t[:2] in {"I.", "II", "1.", "2.", "3.", "4.",
                                                                                "5.", "IV"} or t.startswith("III.")]
    assert headings == outline_headings
    # one paragraph to fill under each last-level heading; the last keeps its dots before '/.'
    assert body.count("...") == 9 and body[-1] == ".../."
    header = tables(tmp_path / "out" / "bc.docx")[0]
    assert [p.text for p in header.rows[1].cells[0].paragraphs] == ["Số:       /BC-"]


def build_outline(folder: Path) -> Path:
    outcome = build_one(Job(PLAN, "outline"), folder)
    assert outcome.error is None
    return folder / "outline.de-cuong.docx"


def test_báo_cáo_from_a_plan_without_outline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out = run("new", "bao-cao", "--tu", ROOT / "data" / "mau" / "002-cum-thi-dua-vung-thap-2022.yaml")
    assert code == 1
    assert out.strip().endswith("kế hoạch này không có mục 'de_cuong' (đề cương gửi kèm)")
    assert not (tmp_path / "bao-cao.yaml").exists()


def test_báo_cáo_sent_upward(tmp_path):
    source = tmp_path / "bc.yaml"
    source.write_text(
        "loai: bao_cao\nco_quan: {ten: \"ỦY BAN NHÂN DÂN\\nXÃ AN BÌNH\", viet_tat: UBND}\nso: 12\ndia_danh: An Bình\n"
        "ngay: 2026-06-20\ntrich_yeu: Sơ kết 6 tháng\nkinh_gui: Sở Nội vụ\nnoi_dung:\n  - tieu_de: Kết quả\n"
        "    noi_dung: [Đạt kế hoạch.]\nnoi_nhan: [Sở Nội vụ, \"Lưu: VT\"]\n"
        "nguoi_ky: {quyen_han: TM. ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Trần Văn Một}\n", encoding="utf-8")
    outcome = build_one(Job(source, "bc"), tmp_path)
    assert outcome.error is None, outcome.error
    body = [p.text for p in paragraphs(tmp_path / "bc.docx")]
    assert body[:5] == ["BÁO CÁO", "Sơ kết 6 tháng", "", "Kính gửi: Sở Nội vụ", "I. KẾT QUẢ"]
    assert body[-1] == "Đạt kế hoạch./."
    header = tables(tmp_path / "bc.docx")[0]
    assert [p.text for p in header.rows[1].cells[0].paragraphs] == ["Số: 12/BC-UBND"]
    left = tables(tmp_path / "bc.docx")[-1].rows[0].cells[0]
    assert [p.text for p in left.paragraphs] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
