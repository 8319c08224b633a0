"""Next year's plan in one command: only what must change changes, years in the text are listed."""
from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from clerk_support import ROOT, docx_text, run, write
from tdkt_docs.input.loader import load_yaml
from tdkt_docs.model import parse_ngay
from tdkt_docs.rollover import default_target, rollover

PLANS = sorted(p for p in (ROOT / "data").rglob("*.yaml")
               if not p.name.startswith("_") and load_yaml(p).data.get("loai") == "ke_hoach")
CHANGED_KEYS = {("ngay",), ("so",), ("phong_trao", "tu_ngay"), ("phong_trao", "den_ngay")}


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "tdkt_docs" / "schemas", tmp_path / "tdkt_docs" / "schemas")
    return tmp_path / "data"


def paragraphs(path: Path) -> list[str]:
    return [line for line in docx_text(path).splitlines() if line.strip()]


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_rollover_of_every_plan_builds_and_changes_only_what_it_should(data, plan):
    source = data / plan.relative_to(ROOT / "data")
    old_year = parse_ngay(load_yaml(source).data["ngay"]).nam
    new_year = old_year + 1
    result = run("rollover", str(source.relative_to(data.parent)), "--nam", str(new_year))
    assert result.exit_code == 0, result.output
    target = default_target(source, old_year, new_year)
    assert target.is_file()

    # The YAML: same lines, comments and order; only the lines of the changed values differ.
    old_lines = source.read_text(encoding="utf-8").splitlines()
    new_lines = target.read_text(encoding="utf-8").splitlines()
    assert len(new_lines) == len(old_lines)
    before = load_yaml(source)
    allowed = {before.where[k][1] for k in CHANGED_KEYS if k in before.where}
    allowed.add(1)  # the $schema line, when the new file sits in another folder
    for key in before.where:
        if key and key[0] == "dung_chung":
            allowed.add(before.where[key][1])
    differing = {i + 1 for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b}
    assert differing <= allowed
    assert before.where[("ngay",)][1] in differing
    after = load_yaml(target)
    assert parse_ngay(after.data["ngay"]).nam == new_year and parse_ngay(after.data["ngay"]).ngay is None
    assert after.data.get("so") is None
    strip = lambda d: {k: v for k, v in d.items() if k not in ("ngay", "so", "phong_trao", "dung_chung")}
    assert strip(after.data) == strip(before.data)

    # The documents: the same text but for the number, the date and what the variables compute.
    assert run("build", str(source), "-o", "cu", "--tat-ca").exit_code == 0
    built = run("build", str(target), "-o", "moi", "--tat-ca")
    assert built.exit_code == 0, built.output
    # One file of data/ goes where building the whole folder would put it.
    old_text = paragraphs(data.parent / "cu" / source.relative_to(data).with_suffix(".docx"))
    new_text = paragraphs(data.parent / "moi" / target.relative_to(data).with_suffix(".docx"))
    assert len(new_text) == len(old_text)
    for old, new in zip(old_text, new_text):
        if old == new:
            continue
        if old.startswith("Số:"):
            so, _, date = old.partition("\t")
            new_so, _, new_date = new.partition("\t")
            assert new_so == "Số:       /" + so.split("/", 1)[1].strip()
            place = date.split(", ngày")[0]
            assert new_date.startswith(f"{place}, ngày      tháng ") and new_date.endswith(f"năm {new_year}")
            continue
        # Text made from {{ nam }} or the campaign's dates: the new year where the old one was, and
        # nothing else (a year typed literally stays as typed).
        old_parts, new_parts = re.split(r"(\d{4})", old), re.split(r"(\d{4})", new)
        assert len(old_parts) == len(new_parts), (old, new)
        for a, b in zip(old_parts, new_parts):
            assert a == b or (a, b) == (str(old_year), str(new_year)), (old, new)


def test_the_yaml_is_edited_in_place(data):
    write(data, "ke-hoach-2022.yaml", textwrap.dedent("""\
        # Kế hoạch năm 2022 của xã
        loai: ke_hoach    # loại văn bản
        so: "05"          # số do văn thư cấp
        ngay: 10/3/2022
        dung_chung: 2026/_co-quan.yaml
        phong_trao:
          ten: 'Thi đua chào mừng'
          den_ngay: "19/4/2022"   # ngày kỷ niệm
          tu_ngay: 2020-02-29
        trich_yeu: Thi đua năm {{ nam }}
        noi_dung:
          - Phát động đợt thi đua đến ngày 19/4/2022 và chào mừng năm 1963.
        """))
    result = run("rollover", "data/ke-hoach-2022.yaml", "--nam", "2023")
    assert result.exit_code == 0, result.output
    assert (data / "ke-hoach-2023.yaml").read_text(encoding="utf-8") == textwrap.dedent("""\
        # Kế hoạch năm 2022 của xã
        loai: ke_hoach    # loại văn bản
        so:               # số do văn thư cấp
        ngay: 3/2023
        dung_chung: 2026/_co-quan.yaml
        phong_trao:
          ten: 'Thi đua chào mừng'
          den_ngay: "19/4/2023"   # ngày kỷ niệm
          tu_ngay: 2021-02-28
        trich_yeu: Thi đua năm {{ nam }}
        noi_dung:
          - Phát động đợt thi đua đến ngày 19/4/2022 và chào mừng năm 1963.
        """)
    assert result.stdout.splitlines()[:5] == [
        "✓ data/ke-hoach-2022.yaml → data/ke-hoach-2023.yaml",
        "  ngay: 10/3/2022 → 3/2023 (dự thảo, chưa có ngày)",
        "  so: 05 → để trống (văn thư ghi số khi ban hành)",
        "  phong_trao.tu_ngay: 2020-02-29 → 2021-02-28",
        "  phong_trao.den_ngay: 19/4/2022 → 19/4/2023",
    ]
    # The seed's mistake: a campaign date left in last year's text.
    assert result.stderr.splitlines() == [
        "Cần xem lại 1 chỗ có năm viết thẳng trong nội dung (sửa tay, hoặc viết {{ nam }}, {{ nam - 1 }} "
        "để năm tự đổi theo ngày ký):",
        "data/ke-hoach-2023.yaml:12:41: noi_dung[1]: cảnh báo: năm 2022 viết thẳng: "
        "«…đợt thi đua đến ngày 19/4/2022 và chào mừng năm 1963.»; nếu năm này theo năm của kế hoạch, hãy viết "
        "{{ nam }} thay cho 2022: «…đợt thi đua đến ngày 19/4/{{ nam }} và chào mừng năm 1963.»",
    ]


def test_a_plan_in_a_year_folder_goes_to_the_next_year_folder(data):
    source = data / "2026" / "ke-hoach-thi-dua-2026.yaml"
    moved = data / "2026" / "ke-hoach.yaml"
    source.rename(moved)
    result = run("rollover", "data/2026/ke-hoach.yaml", "--nam", "2027")
    assert result.exit_code == 0, result.output
    target = data / "2027" / "ke-hoach.yaml"
    text = target.read_text(encoding="utf-8")
    # Links to the schema and to the shared file still work from the new folder.
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../tdkt_docs/schemas/ke_hoach.schema.json"
    assert "dung_chung: ../2026/_co-quan.yaml\n" in text
    assert "  dung_chung: _co-quan.yaml → ../2026/_co-quan.yaml (tệp mới ở thư mục khác)" in result.stdout
    assert run("build", "data/2027/ke-hoach.yaml", "-o", "out").exit_code == 0


def test_modeline_follows_a_file_written_elsewhere(data, tmp_path):
    result = run("rollover", "data/2026/ke-hoach-thi-dua-2026.yaml", "--nam", "2027", "-o", "moi.yaml")
    assert result.exit_code == 0, result.output
    first = (tmp_path / "moi.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=tdkt_docs/schemas/ke_hoach.schema.json"
    assert "  dòng $schema: ../../tdkt_docs/schemas/ke_hoach.schema.json → tdkt_docs/schemas/ke_hoach.schema.json" in result.stdout


@pytest.mark.parametrize("name, parent, expected", [
    ("ke-hoach-2026.yaml", "data", "data/ke-hoach-2027.yaml"),
    ("ke-hoach.yaml", "data/2026", "data/2027/ke-hoach.yaml"),
    ("ke-hoach.yaml", "data", "data/ke-hoach-2027.yaml"),
    # A year in both the folder and the name: next year's plan goes into next year's folder.
    ("ke-hoach-thi-dua-2026.yaml", "data/2026", "data/2027/ke-hoach-thi-dua-2027.yaml"),
])
def test_default_names(name, parent, expected):
    assert default_target(Path(parent) / name, 2026, 2027) == Path(expected)


def test_an_existing_file_is_never_overwritten(data):
    target = data / "2027" / "ke-hoach-thi-dua-2027.yaml"
    target.parent.mkdir()
    target.write_text("# của tôi\n", encoding="utf-8")
    result = run("rollover", "data/2026/ke-hoach-thi-dua-2026.yaml", "--nam", "2027")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "data/2027/ke-hoach-thi-dua-2027.yaml: đã có tệp này; hãy chọn tên khác bằng -o hoặc xóa tệp cũ nếu muốn làm lại"]
    assert target.read_text(encoding="utf-8") == "# của tôi\n"


def test_the_same_year_is_refused(data):
    result = run("rollover", "data/2026/ke-hoach-thi-dua-2026.yaml", "--nam", "2026")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "data/2026/ke-hoach-thi-dua-2026.yaml: kế hoạch này đã là của năm 2026; hãy ghi năm mới, ví dụ --nam 2027")


def test_a_file_with_a_syntax_error_is_refused_with_its_line(data):
    write(data, "hong.yaml", "loai: ke_hoach\nngay: 2026-03\ntrich_yeu: Về việc: sai\n")
    result = run("rollover", "data/hong.yaml", "--nam", "2027")
    assert result.exit_code == 1
    assert result.stderr.startswith("data/hong.yaml:3:19: lỗi cú pháp YAML:")
    assert not (data / "hong-2027.yaml").exists()


def test_in_memory_result_lists_the_changes(data):
    result = rollover(data / "2026" / "ke-hoach-thi-dua-2026.yaml", 2028, data / "2026" / "x.yaml")
    assert result.old_year == 2026 and result.new_year == 2028
    assert "ngay: 2028-02\n" in result.text and "  den_ngay: 2028-06-11\n" in result.text
    assert [w.line for w in result.warnings] == [16, 26]


# The year of the plan in every place a clerk writes it: a paragraph, a list item that starts with it,
# quoted values, a block of text, cells of a one-line table row, a heading.
EVERY_PLACE = """\
loai: ke_hoach
co_quan:
  ten: "ỦY BAN NHÂN DÂN\\nXÃ TAM ĐƯỜNG"
  viet_tat: UBND
dia_danh: Tam Đường
ngay: 2026-02-10
trich_yeu: 'Tổ chức phong trào thi đua năm 2026'
can_cu:
  - Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022.
noi_dung:
  - tieu_de: Kế hoạch năm 2026
    noi_dung:
      - 2026 là năm đẩy mạnh phong trào thi đua.
      - "Tổng kết phong trào năm 2025, triển khai năm 2026."
      - |
        Báo cáo năm 2026
        trước ngày 15/12/2026.
      - bang:
          cot: [Nội dung, Thời gian]
          dong:
            - [Tổng kết năm 2026, Tháng 12/2026]
            - [2026, "Năm 2027"]
ket_thuc:
  - Trên đây là Kế hoạch năm 2026.
noi_nhan:
  - "Lưu: VT"
nguoi_ky:
  quyen_han: TM. ỦY BAN NHÂN DÂN
  chuc_vu: CHỦ TỊCH
  ho_ten: Nguyễn Văn An
"""


def test_following_the_year_advice_literally_gives_a_plan_that_builds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "kh.yaml", EVERY_PLACE)
    assert run("build", "kh.yaml", "-o", "out").exit_code == 0
    result = rollover(tmp_path / "kh.yaml", 2027)
    said = [str(w) for w in result.warnings]
    assert said[2] == (
        "kh-2027.yaml:13:9: noi_dung[1].noi_dung[1]: cảnh báo: năm 2026 viết thẳng: «2026 là năm đẩy mạnh phong "
        "trào…»; nếu năm này theo năm của kế hoạch, hãy viết {{ nam }} thay cho 2026 và đặt cả ô/đoạn này trong "
        "ngoặc kép (dấu '{' không đứng trần được ở đây), tức là: \"{{ nam }} là năm đẩy mạnh phong trào thi đua.\"")
    assert said[3] == (
        "kh-2027.yaml:14:34: noi_dung[1].noi_dung[2]: cảnh báo: năm 2025 viết thẳng: «Tổng kết phong trào năm 2025, "
        "triển khai năm 2026.»; nếu năm này theo năm của kế hoạch, hãy viết {{ nam - 1 }} thay cho 2025: «Tổng kết "
        "phong trào năm {{ nam - 1 }}, triển khai năm 2026.»")
    assert said[5] == (
        "kh-2027.yaml:16:21: noi_dung[1].noi_dung[3]: cảnh báo: năm 2026 viết thẳng: «Báo cáo năm 2026 trước ngày…»; "
        "nếu năm này theo năm của kế hoạch, hãy viết {{ nam }} thay cho 2026: «Báo cáo năm {{ nam }} trước ngày…»")
    assert said[7] == (
        "kh-2027.yaml:21:29: noi_dung[1].noi_dung[4].bang.dong[1][1]: cảnh báo: năm 2026 viết thẳng: «Tổng kết năm "
        "2026»; nếu năm này theo năm của kế hoạch, hãy viết {{ nam }} thay cho 2026 và đặt cả ô/đoạn này trong "
        "ngoặc kép (dấu '{' không đứng trần được ở đây), tức là: \"Tổng kết năm {{ nam }}\"")
    assert len(said) == len(result.fixes) == 12 and None not in result.fixes
    # Do what every warning says, each value once (two years of one value: one edit after the other).
    text = result.text
    for start, end, new in sorted(result.fixes, reverse=True):
        text = text[:start] + new + text[end:]
    write(tmp_path, "kh-2027.yaml", text)
    built = run("build", "kh-2027.yaml", "-o", "out")
    assert built.exit_code == 0, built.output
    shown = docx_text(tmp_path / "out" / "kh-2027.docx")
    assert "2026" not in shown.replace("năm 2026, triển khai", "")
    for line in ("2027 là năm đẩy mạnh phong trào thi đua.", "Tổng kết phong trào năm 2026, triển khai năm 2027.",
                 "Tổng kết năm 2027", "Tháng 12/2027", "Năm 2028", "Trên đây là Kế hoạch năm 2027."):
        assert line in shown, line
