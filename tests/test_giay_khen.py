"""The certificates: one page per awardee of the decision, A4 landscape or the size set, whole or only
the lines that change on a pre-printed blank, at the millimetres the clerk measured. Pages are read
from the PDF LibreOffice prints (one LibreOffice run for all of them)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from award_helpers import copy_fixture, edit, line_of, run
from test_pages import soffice_or_skip
from tdkt_docs.output import pdf

AWARDEES = ["Văn phòng HĐND và UBND xã An Bình", "Trường Mầm non An Bình", "Nguyễn Thị Đạt", "Trịnh Văn Đủ",
            "Quách Văn Giỏi"]
PT_PER_MM = 72 / 25.4
BLANK = """  in_san:
    ten: {x_mm: 50, y_mm: 92, rong_mm: 197}
    chuc_vu_don_vi: {x_mm: 50, y_mm: 108, rong_mm: 197}
    thanh_tich: {x_mm: 40, y_mm: 120, rong_mm: 217}
    ngay: {x_mm: 160, y_mm: 140, rong_mm: 110}
    so_quyet_dinh: {x_mm: 25, y_mm: 170, rong_mm: 100, can: trai}
    lech_x_mm: 2
    lech_y_mm: -3
"""


def make(folder: Path, name: str, giay_khen: str = "") -> Path:
    source = copy_fixture("ho-so-quyet-dinh.yaml", folder, f"{name}.yaml")
    if giay_khen:
        edit(source, "giay_khen:\n  so_vao_so: 101\n", "giay_khen:\n  so_vao_so: 101\n" + giay_khen)
    code, out = run("build", source, "-o", folder / "out")
    assert code == 0, out
    return folder / "out" / f"{name}.giay-khen.docx"


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, Path]:
    """The PDFs of the three kinds of certificate, made in one LibreOffice run."""
    soffice = soffice_or_skip()
    folder = tmp_path_factory.mktemp("gk")
    made = {"full": make(folder, "full"), "blank": make(folder, "blank", BLANK),
            "a5": make(folder, "a5", "  kho_giay: A5\n  huong: doc\n  co_chu_ten: 20\n")}
    made["decision"] = folder / "out" / "full.quyet-dinh.docx"
    results = pdf.convert_all(list(made.values()), soffice)
    assert all(r.problem is None for r in results), [str(r.problem) for r in results]
    return {key: path.with_suffix(".pdf") for key, path in made.items()}


def test_the_decision_prints_on_its_page_and_its_list_on_the_next(printed):
    first, annex = [[line.strip() for line in p.splitlines() if line.strip()] for p in page_texts(printed["decision"])]
    # Điều 3, Nơi nhận and the signature on the decision's page; no page number on a first page
    assert first[0].startswith("ỦY BAN NHÂN DÂN") and first[-1] == "Nguyễn Văn Tỉnh"
    assert any(line.startswith("Nơi nhận:") for line in first)
    assert any(line.startswith("Điều 3.") for line in first)
    # the list, per Mẫu 2.1, numbered on its own: its first page shows no number
    assert annex[0] == "DANH SÁCH"
    assert annex[-1] == "Tổng cộng: 21.060.000 đồng"
    assert "(Kèm theo Quyết định số 12/QĐ-UBND ngày 20 tháng 01 năm 2026" in annex


def page_texts(path: Path) -> list[str]:
    text = subprocess.run([shutil.which("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def page_size_pt(path: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    return float(m[1]), float(m[2])


def words(path: Path, page: int) -> list[tuple[float, float, str]]:
    """(x, y of the top) in mm and the text of each word on a page."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(float(x) / PT_PER_MM, float(y) / PT_PER_MM, w) for x, y, w in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)]


def squash(text: str) -> str:
    return " ".join(text.split())


def test_one_page_per_awardee_in_the_decisions_order(printed):
    pages = page_texts(printed["full"])
    assert len(pages) == len(AWARDEES)
    for page, name in zip(pages, AWARDEES):
        assert name in squash(page)
        assert sum(other in squash(page) for other in AWARDEES) == 1
    width, height = page_size_pt(printed["full"])
    assert (round(width), round(height)) == (842, 595)  # A4 landscape


def test_a_certificate_says_who_gives_what_to_whom(printed):
    pages = [squash(p) for p in page_texts(printed["full"])]
    assert pages[2] == squash("""CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
        CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG TẶNG BẰNG KHEN Nguyễn Thị Đạt Công chức Tư pháp - Hộ tịch
        Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025 An Giang, ngày 20 tháng 01 năm 2026 CHỦ TỊCH
        Số QĐ: 12/QĐ-UBND ngày 20 tháng 01 năm 2026 Số vào sổ: 103 Nguyễn Văn Tỉnh""")
    # a danh hiệu is given as one
    assert "TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH Quách Văn Giỏi" in pages[4]
    assert [re.search(r"Số vào sổ: (\d+)", p)[1] for p in pages] == ["101", "102", "103", "104", "105"]


def test_the_clerk_sets_the_size(printed):
    width, height = page_size_pt(printed["a5"])
    assert (round(width), round(height)) == (420, 595)  # A5 portrait
    assert len(page_texts(printed["a5"])) == len(AWARDEES)


def test_a_pre_printed_blank_gets_only_the_lines_that_change_where_measured(printed):
    pages = page_texts(printed["blank"])
    assert len(pages) == len(AWARDEES)
    for page, name in zip(pages, AWARDEES):
        assert name in squash(page)
        assert "CỘNG HÒA" not in page and "GIẤY KHEN" not in page and "BẰNG KHEN" not in page
    found = words(printed["blank"], 3)
    tops: dict[str, tuple[float, float]] = {}
    for x, y, w in found:
        tops.setdefault(w, (x, y))  # a word's first place on the page
    # the frames' top edges, moved by lech_x_mm: 2 and lech_y_mm: -3; the first line's glyphs start there
    assert tops["Nguyễn"][1] == pytest.approx(92 - 3, abs=1.5)
    assert tops["Công"][1] == pytest.approx(108 - 3, abs=1.5)
    assert tops["Đã"][1] == pytest.approx(120 - 3, abs=1.5)
    assert tops["Số"][0] == pytest.approx(25 + 2, abs=1.0)  # left-aligned: starts at the frame's left edge
    assert tops["Số"][1] == pytest.approx(170 - 3, abs=1.5)
    # centred in its 197 mm line from x = 52 mm
    name = [(x, w) for x, y, w in found if abs(y - tops["Nguyễn"][1]) < 1]
    assert name[0][0] > 52 + 40


def test_a_long_name_is_set_smaller(tmp_path):
    source = copy_fixture("ho-so-quyet-dinh.yaml", tmp_path)
    long_name = "Hợp tác xã Dịch vụ Nông nghiệp và Phát triển Nông thôn Tổng hợp Thôn Đông xã An Bình"
    edit(source, "- ten: Trường Mầm non An Bình", f"- ten: {long_name}")
    code, out = run("build", source, "-o", tmp_path / "out")
    assert code == 0, out
    document = docx.Document(str(tmp_path / "out" / "ho-so-quyet-dinh.giay-khen.docx"))
    sizes = {p.text: p.runs[0].font.size.pt for p in document.paragraphs if p.style.style_id == "TdktGkTen"}
    assert sizes["Nguyễn Thị Đạt"] == 26
    assert 26 * 2 / 3 <= sizes[long_name] < 26


def test_a_name_too_long_is_reported_at_its_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = copy_fixture("ho-so-quyet-dinh.yaml", tmp_path)
    long_name = ("Hợp tác xã Dịch vụ Nông nghiệp và Phát triển Nông thôn Tổng hợp Thôn Đông xã An Bình tỉnh An "
                 "Giang")
    edit(source, "- ten: Nguyễn Thị Đạt", f"- ten: {long_name}")
    code, out = run("build", source.name, "-o", "out")
    assert code == 1
    assert out.splitlines() == [
        f"ho-so-quyet-dinh.yaml:{line_of(source, long_name)}:7: de_nghi.ca_nhan[1].ten: '{long_name}' quá dài cho "
        "dòng tên trên giấy khen: ở cỡ chữ nhỏ nhất 17,5 pt tên cần 274 mm, dòng tên chỉ rộng 254 mm; hãy viết tên "
        "ngắn hơn (phần đơn vị, địa danh chuyển sang 'chuc_vu_don_vi'), hoặc trong 'giay_khen' giảm 'co_chu_ten' "
        "hay chọn khổ giấy lớn hơn (kho_giay: A3)",
        "✗ ho-so-quyet-dinh.yaml: 1 lỗi, chưa tạo văn bản."]
    # followed, the advice works
    edit(source, "giay_khen:\n  so_vao_so: 101", "giay_khen:\n  so_vao_so: 101\n  kho_giay: A3")
    code, out = run("build", source, "-o", tmp_path / "out")
    assert code == 0, out


def test_build_pdf_prints_every_certificate(tmp_path, monkeypatch):
    soffice_or_skip()
    monkeypatch.chdir(tmp_path)
    run("new", "quyet-dinh", "-o", "qd.yaml")
    code, out = run("build", "qd.yaml", "-o", "out", "--pdf")
    assert code == 0, out
    assert "✓ out/qd.giay-khen.docx → out/qd.giay-khen.pdf (2 trang)" in out.splitlines()
    assert [squash(p).count("GIẤY KHEN") for p in page_texts(tmp_path / "out" / "qd.giay-khen.pdf")] == [1, 1]

