"""A document divided into parts (Phần I / Phần thứ nhất) above its I., II. sections, as báo cáo tổng kết are."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tdkt_docs.cli import main
from tdkt_docs.kinds.normalise import Numbering
from tdkt_docs.model import KeHoach

FIXTURE = Path(__file__).parent / "fixtures" / "shapes" / "bao-cao-tong-ket.yaml"
BASE = {
    "loai": "ke_hoach", "co_quan": {"ten": "ỦY BAN NHÂN DÂN XÃ A", "viet_tat": "UBND"},
    "dia_danh": "A", "ngay": "2026-01-05", "trich_yeu": "Thử", "noi_nhan": ["Lưu: VT"],
    "nguoi_ky": {"chuc_vu": "Chủ tịch", "ho_ten": "Nguyễn Văn A"},
}


def numbered(body):
    doc = KeHoach.model_validate({**BASE, "noi_dung": body})
    n = Numbering()
    n.walk(doc.noi_dung, ("noi_dung",))
    return [(b.kieu, b.text) for b in n.blocks], [p.message for p in n.problems]


def run(*args):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_parts_label_in_roman_and_restart_section_numbers():
    out, problems = numbered([
        {"phan": "Kết quả năm 2025", "noi_dung": [{"tieu_de": "Chỉ đạo"}, {"tieu_de": "Khen thưởng",
                                                                         "noi_dung": [{"tieu_de": "Tập thể"}]}]},
        "Một đoạn văn giữa hai phần.",
        {"phan": "Phương hướng năm 2026", "noi_dung": [{"tieu_de": "Nhiệm vụ"}]},
    ])
    assert not problems
    assert out == [("phan", "Phần I"), ("phan_td", "KẾT QUẢ NĂM 2025"), ("muc", "I. CHỈ ĐẠO"),
                   ("muc", "II. KHEN THƯỞNG"), ("khoan_td", "1. Tập thể"), ("doan", "Một đoạn văn giữa hai phần."),
                   ("phan", "Phần II"), ("phan_td", "PHƯƠNG HƯỚNG NĂM 2026"), ("muc", "I. NHIỆM VỤ")]


def test_parts_in_words_and_a_typed_label_dropped():
    out, _ = numbered([{"phan": "PHẦN THỨ NHẤT: Kết quả", "danh_so": "thu_nhat", "noi_dung": ["Đoạn."]},
                       {"phan": "Phương hướng", "danh_so": "thu_nhat"}, {"phan": "Kiến nghị", "danh_so": "thu_nhat"},
                       {"phan": "Phụ lục", "danh_so": "thu_nhat"}])
    assert [t for k, t in out if k in ("phan", "phan_td")] == [
        "Phần thứ nhất", "KẾT QUẢ", "Phần thứ hai", "PHƯƠNG HƯỚNG", "Phần thứ ba", "KIẾN NGHỊ", "Phần thứ tư", "PHỤ LỤC"]


def test_a_part_cannot_sit_inside_a_section_nor_beside_sections():
    _, problems = numbered([{"phan": "Một", "noi_dung": [{"tieu_de": "Mục", "noi_dung": [{"phan": "Lồng"}]}]}])
    assert problems == ["'phan' chỉ dùng ở cấp ngoài cùng của 'noi_dung' (phần chứa các mục I., II.); "
                        "ở cấp này hãy dùng 'tieu_de'"]
    _, problems = numbered([{"phan": "Một"}, {"tieu_de": "Mục lạc chỗ"}])
    assert problems == ["nội dung đã chia thành phần ('phan') thì mục này cũng phải nằm trong 'noi_dung' của một "
                        "phần; hãy chuyển nó vào phần trước hoặc sau nó"]


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURE, tmp_path / "bc.yaml")
    return tmp_path


def test_built_report_prints_parts_centred_bold_and_passes_the_checker(work):
    code, out = run("build", "bc.yaml", "-o", "out")
    assert code == 0, out
    assert "cảnh báo" not in out
    document = docx.Document(str(work / "out" / "bc.docx"))
    body = [p for p in document.paragraphs if p.text.strip()]
    texts = [p.text for p in body]
    start = texts.index("Phần thứ nhất")
    assert texts[start:start + 3] == ["Phần thứ nhất", "KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2025",
                                      "I. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC PHONG TRÀO THI ĐUA"]
    second = texts.index("Phần thứ hai")
    assert texts[second + 1:second + 3] == ["PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "I. PHƯƠNG HƯỚNG"]
    for p in (body[start], body[start + 1], body[second]):
        style = p.style
        assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert style.font.bold and style.paragraph_format.keep_with_next
    code, out = run("check", "out/bc.docx")
    assert code == 0, out


def test_part_errors_name_the_yaml_line(work):
    text = (work / "bc.yaml").read_text(encoding="utf-8")
    text = text.replace("      - tieu_de: Công tác khen thưởng\n",
                        "      - tieu_de: Công tác khen thưởng\n        phan: Lạc chỗ\n")
    (work / "bc.yaml").write_text(text, encoding="utf-8")
    code, out = run("validate", "bc.yaml")
    assert code != 0
    assert ("bc.yaml:20:9: noi_dung[1].noi_dung[2]: một phần ('phan') chỉ có tiêu đề và 'noi_dung'; "
            "hãy chuyển 'tieu_de' vào 'noi_dung' của phần") in out, out
