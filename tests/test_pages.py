"""What is on each rendered page: documents go through LibreOffice to PDF and each page's text is
read with pdftotext, as a văn thư would see the printed pages.

Every kind is grown from its `tdkt new` starter one line of body (a tờ trình also one nominee) at a
time, over the lengths where the page break passes through the closing paragraph, Nơi nhận and the
signature, twice: at each length they must stand on one page. Titles must not leave one word on a line, award
table rows fit on one line, and an annexed list is numbered from 1. All documents go through one
LibreOffice run per phase (skipped without LibreOffice, a failure with TDKT_REQUIRE_LIBREOFFICE=1).
"""
from __future__ import annotations

import itertools
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
import yaml

from award_helpers import run
from helpers import ROOT, lines
from tdkt_docs.output import pdf

STARTERS = ROOT / "tdkt_docs" / "starters"
# to_trinh_ds: a tờ trình grown one nominee (one row of its table) at a time.
KINDS = ("ke_hoach", "to_trinh", "to_trinh_ds", "bien_ban", "bao_cao", "de_cuong")
TEN_LOAI = {"ke_hoach": "KẾ HOẠCH", "to_trinh": "TỜ TRÌNH", "to_trinh_ds": "TỜ TRÌNH", "bien_ban": "BIÊN BẢN",
            "bao_cao": "BÁO CÁO", "de_cuong": "ĐỀ CƯƠNG BÁO CÁO"}
# Titles of real documents, of every length, with the names a line must not split.
TITLES = [
    "Tổ chức phong trào thi đua năm 2026",
    "Về việc đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã Tân Lập năm 2025",
    "Tổ chức các hoạt động kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc",
    "Kết quả công tác thi đua, khen thưởng 6 tháng đầu năm và phương hướng nhiệm vụ 6 tháng cuối năm 2026",
    "Phát động phong trào thi đua “Toàn dân đoàn kết xây dựng đời sống văn hóa” trên địa bàn xã Tân Lập năm 2026",
    "Họp Hội đồng Thi đua - Khen thưởng xã Tân Lập xét đề nghị khen thưởng năm 2025",
]
LINE = "Các cơ quan, đơn vị tiếp tục đẩy mạnh phong trào thi đua yêu nước, hoàn thành tốt nhiệm vụ được giao; "
COARSE = range(0, 103, 6)  # lines of body added: every starter grows by two pages
WINDOW = 15  # lines: the closing paragraph and the signature block are shorter than this


def soffice_or_skip() -> str:
    found = pdf.find_soffice()
    pdftotext = shutil.which("pdftotext")
    if found is None or pdftotext is None:
        if os.environ.get("TDKT_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice and pdftotext are required here (TDKT_REQUIRE_LIBREOFFICE=1)")
        pytest.skip("LibreOffice or pdftotext is not installed")
    return found


def filler(n_lines: int) -> str:
    """A paragraph about `n_lines` lines long (one line of 14 pt text is about 90 characters)."""
    text = "".join(itertools.islice(itertools.cycle([LINE]), n_lines + 1))[:90 * n_lines]
    return text.rstrip(" ,;") + "."


def starter(kind: str) -> dict:
    data = yaml.safe_load((STARTERS / f"{kind}.yaml").read_text(encoding="utf-8"))
    for key, value in data.items():
        if key in ("bat_dau", "ket_thuc") and isinstance(value, int):  # YAML 1.1 reads 16:00 as 960
            data[key] = f"{value // 60:02d}:{value % 60:02d}"
    return data


def grown(kind: str, n_lines: int, title: str) -> dict:
    """The starter of `kind` with about `n_lines` more lines of body and the given title."""
    data = starter("to_trinh" if kind == "to_trinh_ds" else kind)
    key = "ten_cuoc_hop" if kind == "bien_ban" else "trich_yeu"
    data[key] = title
    if n_lines:
        if kind == "to_trinh_ds":
            data["de_nghi"]["ca_nhan"] += [{"ten": f"Nguyễn Văn {i + 1}", "chuc_vu_don_vi": "Trưởng thôn"}
                                           for i in range(n_lines)]
        elif kind == "de_cuong":  # an outline has headings only: one heading is about one line
            data["noi_dung"] = data["noi_dung"] + [{"tieu_de": "Nội dung khác", "noi_dung": [
                f"Nội dung đề nghị thứ {i + 1}" for i in range(n_lines)]}]
        elif kind == "bien_ban":
            data["noi_dung"] = [filler(n_lines)] + data["noi_dung"]
        else:
            data["mo_dau"] = [filler(n_lines)]
    return data


def convert(folder: Path, documents: list[dict[str, dict]]) -> dict[str, list[str]]:
    """Build every YAML, convert all DOCX in one LibreOffice run; each document's pages' text."""
    source = folder / "vao"
    source.mkdir()
    for name, data in documents:
        (source / f"{name}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                             encoding="utf-8")
    out = folder / "ra"
    code, text = run("build", source, "-o", out)
    assert code == 0, text
    made = sorted(out.rglob("*.docx"))
    results = pdf.convert_all(made, soffice=soffice_or_skip())
    pages = {}
    for result in results:
        assert result.problem is None, result.problem
        raw = subprocess.run(["pdftotext", "-layout", str(result.pdf), "-"], capture_output=True, text=True,
                             check=True).stdout
        pages[result.source.stem] = raw.split("\f")[:result.pages]
    return pages, {p.stem: p for p in made}


def squash(text: str) -> str:
    return " ".join(text.split())


def closing_and_block(path: Path) -> tuple[str, list[str]]:
    """The closing paragraph (ending './.') and every line after it, as the DOCX holds them, up to an
    annexed list."""
    text = lines(path)
    marked = [i for i, line in enumerate(text) if line.rstrip().endswith("/.")]
    # An outline (đề cương) has no './.': its last heading stands before Nơi nhận.
    end = max(marked) if marked else text.index("Nơi nhận:") - 1
    after = []
    for line in text[end + 1:]:
        if line.strip() == "DANH SÁCH":
            break
        after.extend(part for part in line.split("\n") if part.strip())
    return squash(text[end]), [squash(line) for line in after]


def page_of_closing(pages: list[str], closing: str) -> int:
    tail = " ".join(closing.split()[-3:])
    found = [i for i, page in enumerate(pages) if tail in squash(page)]
    assert found, f"the closing paragraph «{closing[:60]}…» is on no page"
    return found[0]


def assert_block_on_one_page(name: str, pages: list[str], path: Path) -> int:
    closing, block = closing_and_block(path)
    at = page_of_closing(pages, closing)
    page = squash(pages[at])
    head = " ".join(closing.split()[:4])
    assert head in page, f"{name}: the closing paragraph starts on page {at}, ends on page {at + 1}"
    # A line of Nơi nhận may wrap in its column: its first words stand on the page.
    missing = [line for line in block if " ".join(line.split()[:3]) not in page]
    assert not missing, f"{name}: page {at + 1} lacks {missing}; the signature block is split"
    return at


def title_lines(page: str, ten_loai: str, title: str) -> list[list[str]]:
    """The lines of the title under the tên loại on page 1, as words."""
    rows = [row.split() for row in page.splitlines()]
    start = next(i for i, row in enumerate(rows) if " ".join(row) == ten_loai) + 1
    want, got, out = len(title.split()), 0, []
    for row in rows[start:]:
        if not row:
            continue
        out.append(row)
        got += len(row)
        if got >= want:
            break
    assert [w for row in out for w in row] == title.split(), (out, title)
    return out


def coarse_documents():
    return [(f"{kind}-{n:03d}", grown(kind, n, TITLES[i % len(TITLES)]))
            for kind in KINDS for i, n in enumerate(COARSE)]


@pytest.fixture(scope="module")
def coarse(tmp_path_factory):
    soffice_or_skip()
    return convert(tmp_path_factory.mktemp("tho"), coarse_documents())


@pytest.fixture(scope="module")
def fine(coarse, tmp_path_factory):
    """One line at a time over the lengths where the page count grows from 1 to 2 and from 2 to 3."""
    pages, _ = coarse
    documents = []
    for kind in KINDS:
        counts = [(n, len(pages[f"{kind}-{n:03d}"])) for n in COARSE]
        for wanted in (counts[0][1] + 1, counts[0][1] + 2):
            first = next(n for n, count in counts if count >= wanted)
            for n in range(max(first - WINDOW, 0), first + 3):
                documents.append((f"{kind}-{n:03d}-{wanted}", grown(kind, n, TITLES[n % len(TITLES)])))
    return convert(tmp_path_factory.mktemp("min"), documents), documents


@pytest.mark.parametrize("kind", KINDS)
def test_the_signature_block_is_never_split(fine, kind):
    (pages, paths), documents = fine
    seen_pages = set()
    for name, _ in documents:
        if name.startswith(kind + "-"):
            at = assert_block_on_one_page(name, pages[name], paths[name])
            assert at == len(pages[name]) - 1, f"{name}: a page after the signature"
            seen_pages.add(at)
    # The lengths carried the block across two page breaks: it stood on three pages in turn.
    assert len(seen_pages) == 3 and max(seen_pages) - min(seen_pages) == 2, (kind, seen_pages)


def test_no_title_line_holds_a_single_word(coarse):
    pages, _ = coarse
    for name, data in coarse_documents():
        kind = name.rsplit("-", 1)[0]
        title = data["ten_cuoc_hop" if kind == "bien_ban" else "trich_yeu"]
        rows = title_lines(pages[name][0], TEN_LOAI[kind], title)
        assert all(len(row) > 1 for row in rows), (name, rows)
        if len(rows) > 1:
            # "năm 2026" and "xã Tân Lập" are never split across lines
            for a, b in zip(rows, rows[1:]):
                assert (a[-1], b[0]) not in {("năm", "2026"), ("năm", "2025"), ("Tân", "Lập"), ("nhân", "dân")}, rows


NOMINEES = [("Lò Văn Minh", "Trưởng thôn Nà Cà"), ("Nguyễn Thị Hoa", "Giáo viên, Trường Tiểu học Tam Đường"),
            ("Tẩn Thị Mẩy", "Chi hội trưởng Chi hội Phụ nữ thôn Hồ Ta"), ("Vàng A Páo", "Người có uy tín bản Bình Lư"),
            ("Hoàng Văn Thắng", "Công chức Văn phòng - Thống kê xã")]


def award_documents() -> list:
    base = starter("to_trinh")
    people = [{"ten": f"{name} {i + 1}", "chuc_vu_don_vi": job}
              for i, (name, job) in enumerate(NOMINEES * 9)]
    in_body = dict(base, de_nghi=dict(base["de_nghi"], ca_nhan=people[:8]))
    annexed = dict(base, so=5, danh_sach_kem_theo=True, de_nghi=dict(base["de_nghi"], ca_nhan=people))
    mixed = dict(base, de_nghi={"tap_the": [{"ten": "Thôn Nà Cà", "hinh_thuc": "Tập thể lao động tiên tiến"}],
                                "ca_nhan": [dict(p, hinh_thuc="Lao động tiên tiến") for p in people[:6:3]]})
    vote = starter("bien_ban")
    return [("trong-than", in_body, people[:8]), ("kem-theo", annexed, people), ("danh-hieu", mixed, people[:6:3]),
            ("bieu-quyet", vote, [])]


@pytest.fixture(scope="module")
def awards(tmp_path_factory):
    soffice_or_skip()
    documents = award_documents()
    return convert(tmp_path_factory.mktemp("khen"), [(n, d) for n, d, _ in documents]), documents


def test_award_rows_fit_on_one_line_and_the_award_is_said_once(awards):
    (pages, paths), documents = awards
    for name, _, people in documents:
        rows = [squash(row) for page in pages[name] for row in page.splitlines()]
        for person in people:
            row = next(r for r in rows if person["ten"] in r)
            assert person["chuc_vu_don_vi"] in row, f"{name}: the row of {person['ten']} wraps: «{row}»"
    # One award for all: the sentence names it, the table has no column repeating it on each row.
    body = "\n".join(pages["trong-than"])
    assert body.count("Giấy khen của Chủ tịch Ủy ban nhân dân xã") == 1
    assert "Hình thức khen thưởng" not in body
    mixed = "\n".join(pages["danh-hieu"])
    assert "Danh hiệu đề nghị" in squash(mixed)
    vote = [squash(r) for page in pages["bieu-quyet"] for r in page.splitlines()]
    for person in ("Nguyễn Thị Hoa", "Lò Văn Minh", "Thôn Nà Cà"):
        row = next((r for r in vote if person in r), f"{person} is on no line: {vote}")
        assert "Giơ tay" in row and "%" in row, row


def test_the_annexed_list_is_numbered_on_its_own(awards):
    (pages, paths), _ = awards
    doc = pages["kem-theo"]
    first = next(i for i, page in enumerate(doc) if "DANH SÁCH" in squash(page))
    assert first >= 1 and len(doc) >= first + 2, "the list should take two pages after the tờ trình"
    annex = squash(doc[first])
    assert "(Kèm theo Tờ trình số 05/TTr-VHXH ngày 20 tháng 12 năm 2026" in annex
    # Page 1 of the list shows no number, its page 2 shows "2", whatever the tờ trình's length.
    assert doc[first].split()[0] == "DANH"
    assert doc[first + 1].split()[0] == "2"
    # The tờ trình itself ends with its signature before the list.
    assert_block_on_one_page("kem-theo", doc[:first], paths["kem-theo"])


@pytest.fixture(scope="module")
def data_pages(tmp_path_factory):
    soffice_or_skip()
    out = tmp_path_factory.mktemp("data")
    code, text = run("build", ROOT / "data", "-o", out)
    assert code == 0, text
    # A certificate has no Nơi nhận nor ND30 signature block; tests/test_giay_khen.py reads its pages.
    made = sorted(p for p in out.rglob("*.docx") if not p.name.endswith(".giay-khen.docx"))
    results = pdf.convert_all(made)
    pages = {}
    for result in results:
        assert result.problem is None, result.problem
        raw = subprocess.run(["pdftotext", "-layout", str(result.pdf), "-"], capture_output=True, text=True,
                             check=True).stdout
        pages[result.source] = raw.split("\f")[:result.pages]
    return pages


def test_every_document_of_data_keeps_its_signature_block_whole(data_pages):
    for path, pages in data_pages.items():
        assert_block_on_one_page(path.name, pages, path)


def test_a_body_ending_with_a_table_takes_its_last_row_to_the_signature_page(tmp_path):
    # The mark './.' stands after the table; it never goes alone with the signature to a new page.
    def placed(n: int) -> dict:
        data = starter("bien_ban")
        data["noi_dung"] = [filler(n), {"tu_dong": "chu_tri"}, {"tu_dong": "ket_qua"}]
        return data

    documents = [(f"bang-{n:03d}", placed(n)) for n in range(0, 40, 2)]
    pages, _ = convert(tmp_path, documents)
    later = 0
    for name, _ in documents:
        at = next(i for i, page in enumerate(pages[name]) if "./." in page)
        later += at > 0
        before = pages[name][at].split("./.")[0]
        assert "Đạt" in before, f"{name}: './.' and the signature alone on page {at + 1}, the table left behind"
    assert later, "no length carried the end of the content to a second page"
