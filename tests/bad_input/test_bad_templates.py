"""A broken template is reported with the template's name and the place in it; no document is
written from it, and every earlier output stays as it was."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from badinput import ROOT, run_cli, snapshot
from tdkt_docs import build as pipeline
from tdkt_docs.kinds import rendering
from tdkt_docs.output import render

ORIGINAL = ROOT / "tdkt_docs" / "kinds" / "templates" / "ke_hoach.docx"
T = "mau-sua/ke_hoach.docx"
RESTORE = "hãy sửa chỗ này trong Word hoặc khôi phục mẫu từ bản gốc"


@pytest.fixture
def edited(ws, monkeypatch):
    """Returns a function making tmp/mau-sua/ke_hoach.docx from the real one with one text replaced,
    used as the template folder for the build."""
    folder = ws.root / "mau-sua"
    folder.mkdir()
    monkeypatch.setattr(rendering, "TEMPLATES", folder)
    render._CACHE.clear()

    def make(old: str | None = None, new: str = "") -> Path:
        target = folder / "ke_hoach.docx"
        if old is None:
            shutil.copy(ORIGINAL, target)
            return target
        with zipfile.ZipFile(ORIGINAL) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for info in src.infolist():
                data = src.read(info.filename)
                if info.filename == "word/document.xml":
                    xml = data.decode("utf-8")
                    assert old in xml
                    data = xml.replace(old, new, 1).encode("utf-8")
                out.writestr(info, data)
        return target

    yield make
    render._CACHE.clear()


def build_with_template(ws) -> list[str]:
    before = snapshot(ws.out)
    # --tat-ca: the build cache cannot know that the test swapped the template folder.
    result = run_cli("build", "data", "-o", "output", "--tat-ca")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "Lỗi không mong đợi" not in result.output
    assert result.stdout == ""
    assert snapshot(ws.out) == before
    lines = result.stderr.splitlines()
    # The same template fails for both documents: the same message for each.
    assert lines[1] == "✗ data/khac.yaml: 1 lỗi, chưa tạo văn bản."
    assert lines[2:] == [lines[0], "✗ data/van-ban.yaml: 1 lỗi, chưa tạo văn bản."]
    return lines[0]


def test_unchanged_copy_works(ws, edited):
    edited()
    result = run_cli("build", "data", "-o", "output", "--tat-ca")
    assert result.exit_code == 0, result.output


def test_jinja_syntax_error(ws, edited):
    edited("{{ ky.ho_ten }}", "{{ ky.ho_ten }")
    assert build_with_template(ws) == (
        f"{T}: lỗi cú pháp trong mẫu, phần word/document.xml, đoạn thứ 27 «{{{{ ky.ho_ten }}»: "
        f"thẻ {{{{ ... }}}} hoặc {{% ... %}} viết thiếu hoặc thừa dấu ngoặc; {RESTORE}")


def test_unknown_tag(ws, edited):
    edited("{%p endfor %}", "{%p endfr %}")
    assert build_with_template(ws) == (
        f"{T}: lỗi cú pháp trong mẫu, phần word/document.xml, đoạn thứ 20 "
        "«{{ b.runs }}{% elif b.kieu == \"bang\" %}{{ b.xml }}{% elif b.kieu == \"ket\" %}{{ b»: "
        f"thẻ 'endfr' không có hoặc không khớp với thẻ mở; {RESTORE}")


def test_unclosed_block(ws, edited):
    edited("{%p endif %}", "")
    # Jinja notices at the end of the template, so the place is the last tag it read.
    assert build_with_template(ws) == (
        f"{T}: lỗi cú pháp trong mẫu, phần word/document.xml, đoạn thứ 28 «{{{{ ky.ho_ten }}}}»: "
        f"thiếu thẻ đóng {{% endif %}}; {RESTORE}")


def test_unknown_filter(ws, edited):
    edited("{{ dia_danh_ngay }}", "{{ dia_danh_ngay | in_hoa }}")
    assert build_with_template(ws) == (
        f"{T}: lỗi cú pháp trong mẫu, phần word/document.xml, đoạn thứ 7 «{{{{ dia_danh_ngay | in_hoa }}}}»: "
        f"bộ lọc 'in_hoa' không có; {RESTORE}")


def test_field_the_data_does_not_have(ws, edited):
    edited("{{ ky.ho_ten }}", "{{ ky.ho_va_ten }}")
    assert build_with_template(ws) == (
        f"{T}: mẫu dùng một trường không có trong dữ liệu, phần word/document.xml, đoạn thứ 27 "
        "«{{ ky.ho_va_ten }}»: không có trường 'ho_va_ten'; hãy sửa tên trường trong mẫu hoặc khôi phục mẫu từ bản gốc")


def test_top_level_field_the_data_does_not_have(ws, edited):
    edited("Số: {{ so_ky_hieu }}", "Số: {{ so_hieu }}")
    assert build_with_template(ws) == (
        f"{T}: mẫu dùng một trường không có trong dữ liệu, phần word/document.xml, đoạn thứ 6 "
        "«Số: {{ so_hieu }}»: không có trường 'so_hieu'; hãy sửa tên trường trong mẫu hoặc khôi phục mẫu từ bản gốc")


def test_formatted_field_in_a_plain_tag_would_corrupt_the_document(ws, edited):
    # {{r trich_yeu }} holds runs; printed with {{ }} they would land inside a <w:t>: Word refuses that.
    edited("{{r trich_yeu }}", "{{ trich_yeu }}")
    assert build_with_template(ws) == (
        f"{T}: mẫu tạo ra văn bản hỏng (word/document.xml, gần «Tổ chức phong trào thi đua năm 2026»): "
        "một trường nhiều đoạn hoặc có định dạng được đặt bằng {{ ... }}; hãy dùng {{r ... }} hoặc {{p ... }} "
        "như mẫu gốc, hoặc khôi phục mẫu từ bản gốc")


def test_missing_template(ws, edited):
    assert build_with_template(ws) == (
        f"{T}: không tìm thấy mẫu văn bản (template); hãy khôi phục tệp này từ bản gốc")


def test_template_that_is_not_a_docx(ws, edited):
    (ws.root / T).write_text("đây không phải tệp Word", encoding="utf-8")
    assert build_with_template(ws) == (
        f"{T}: tệp mẫu không phải DOCX hợp lệ (bị hỏng?); hãy khôi phục tệp này từ bản gốc")


def test_truncated_template(ws, edited):
    (ws.root / T).write_bytes(ORIGINAL.read_bytes()[:5000])
    assert build_with_template(ws) == (
        f"{T}: tệp mẫu không phải DOCX hợp lệ (bị hỏng?); hãy khôi phục tệp này từ bản gốc")


def test_template_without_any_field(ws, edited):
    with zipfile.ZipFile(ws.root / T, "w") as z:
        with zipfile.ZipFile(ORIGINAL) as src:
            for info in src.infolist():
                data = src.read(info.filename)
                if info.filename == "word/document.xml":
                    data = data.replace(b"{{", b"(").replace(b"{%", b"(")
                z.writestr(info, data)
    assert build_with_template(ws) == f"{T}: mẫu không có chỗ điền dữ liệu nào ({{{{ ... }}}})"


TABLE = """\
      - bang:
          cot: [Nội dung, Thời gian]
          dong:
            - [Phát động phong trào, Tháng 3]
            - [Tổng kết, Tháng 12]
"""


def _with_table(ws) -> None:
    for name in ("khac.yaml", "van-ban.yaml"):
        path = ws.data / name
        path.write_text(path.read_text(encoding="utf-8").replace("noi_nhan:\n", TABLE + "noi_nhan:\n"),
                        encoding="utf-8")


@pytest.mark.parametrize("tag", ["{{ b.xml }}", "{{r b.xml }}"])
def test_a_table_put_inside_a_paragraph_would_corrupt_the_document(ws, edited, tag):
    # A table is checked as one piece where the template puts it; inside a text or a run, Word refuses it.
    _with_table(ws)
    edited()
    assert run_cli("build", "data", "-o", "output").exit_code == 0
    edited("{{p b.xml }}", tag)
    assert build_with_template(ws) == (
        f"{T}: mẫu tạo ra văn bản hỏng (word/document.xml, gần «Nội dung Thời gian Phát động phong trào Tháng 3 Tổng kết Tháng 12»): "
        "một trường nhiều đoạn hoặc có định dạng được đặt bằng {{ ... }}; hãy dùng {{r ... }} hoặc {{p ... }} "
        "như mẫu gốc, hoặc khôi phục mẫu từ bản gốc")
