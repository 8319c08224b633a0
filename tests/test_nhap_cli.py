"""`tdkt nhap` as a clerk meets it: bad files refused with a Vietnamese message and no traceback,
an existing YAML kept unless --ghi-de, --nam rolling the plan forward, the unsure places listed."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
import yaml

import nhap_word as word
from award_helpers import line_of, run


def _docx(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _zip_without_document() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return out.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512  # a .doc, or a DOCX Word encrypted with a password
BAD = {
    "not-a-docx": ("van-ban.docx", b"Ke hoach thi dua", "không phải tệp DOCX"),
    "old-doc": ("van-ban.doc", OLE, "Lưu thành (Save As) dạng Word Document (.docx)"),
    "encrypted": ("co-mat-khau.docx", OLE, "bỏ mật khẩu"),
    "no-document-part": ("van-ban.docx", _zip_without_document(), "không có word/document.xml"),
    "no-structure": ("thu.docx", _docx(["Xin chào", "Hẹn gặp lại"]), "không nhận ra đây là văn bản loại nào"),
    "other-kind": ("qd.docx", _docx(["QUYẾT ĐỊNH", "Về việc khen thưởng"]), "loại «QUYẾT ĐỊNH»"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_gets_a_vietnamese_message_and_writes_nothing(tmp_path, case):
    name, data, expected = BAD[case]
    source = tmp_path / name
    source.write_bytes(data)
    target = tmp_path / "ra.yaml"
    code, said = run("nhap", source, "-o", target)
    assert code == 1
    assert said.startswith(f"{source}: ") or said.startswith(f"{name}: "), said
    assert expected in said
    assert "Traceback" not in said
    assert not target.exists()


def test_an_existing_yaml_is_kept_unless_ghi_de(tmp_path):
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(word.plan())
    target = tmp_path / "ke-hoach.yaml"
    target.write_text("# của tôi\n", encoding="utf-8")
    code, said = run("nhap", source)  # the default name: beside the DOCX, .yaml
    assert code == 1 and "đã có tệp này; thêm --ghi-de" in said
    assert target.read_text(encoding="utf-8") == "# của tôi\n"
    code, said = run("nhap", source, "--ghi-de")
    assert code == 0, said
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["loai"] == "ke_hoach"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_nam_rolls_the_imported_plan_forward(tmp_path):
    source = tmp_path / "ke-hoach-2025.docx"
    source.write_bytes(word.plan())
    target = tmp_path / "ke-hoach-2026.yaml"
    code, said = run("nhap", source, "-o", target, "--nam", "2026")
    assert code == 0, said
    text = target.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["ngay"] == "2026-02" and data["so"] is None
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")  # VS Code checks the file as it is typed
    schema = (target.parent / first.split("=", 1)[1]).resolve()
    assert schema.name == "ke_hoach.schema.json" and schema.is_file()
    assert "ngay: 2025-02-14 → 2026-02 (dự thảo, chưa có ngày)" in said
    assert "Cần xem lại 6 chỗ có năm viết thẳng" in said
    line = line_of(target, "trich_yeu:")
    assert f"{target}:{line}:52: trich_yeu: cảnh báo: năm 2025 viết thẳng: «…trào thi đua yêu nước năm 2025»" in said
    assert "✓ Tệp mới hợp lệ" in said


def test_what_is_unsure_is_listed_with_paragraph_and_first_words(tmp_path):
    ty = word.Typist()
    word.header_table(ty, word.HEADER_LEFT, word.HEADER_RIGHT)
    ty.par("KẾ HOẠCH", bold=True, align=word.CENTER)
    ty.par("Tổ chức phong trào thi đua năm 2025", bold=True, align=word.CENTER)
    ty.par("I. MỤC ĐÍCH", bold=True)
    ty.par("+ Một ý nhỏ không có dòng gạch đầu dòng đứng trước")
    ty.par("1. Mục một")
    ty.par("a) Điểm một")
    ty.par("- Ý một")
    word.closing_table(ty, ["Lưu: VT"], word.SIGNATURE)
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(ty.bytes())
    code, said = run("nhap", source, "-o", tmp_path / "ke-hoach.yaml")
    assert code == 0, said
    text = (tmp_path / "ke-hoach.yaml").read_text(encoding="utf-8")
    # Paragraphs counted as the checker counts them: the 9 of the header table, the 2 of the title, then the body.
    note = "đoạn 13 «Một ý nhỏ không có dòng gạch đầu …»: dòng '+' không đứng sau dòng '-': in thành dòng '-'"
    assert f"ke-hoach.docx: {note}" in said
    assert f"#   - {note}" in text  # also at the top of the YAML
    assert "Cần xem lại 1 chỗ" in said


def test_help_is_vietnamese():
    code, said = run("nhap", "--help")
    assert code == 0
    assert "Đọc một văn bản Word (.docx) và ghi ra tệp YAML" in said and "--ghi-de" in said


def test_an_appendix_below_the_signature_is_kept_and_named(tmp_path):
    source = tmp_path / "ke-hoach.docx"
    ty = word.Typist()
    word.header_table(ty, word.HEADER_LEFT, word.HEADER_RIGHT[:3] + [("Bản Giang, ngày 14/02/2025", False)])
    ty.par("KẾ HOẠCH", bold=True, align=word.CENTER)
    ty.par("Tổ chức phong trào thi đua năm 2025", bold=True, align=word.CENTER)
    ty.par("I. MỤC ĐÍCH", bold=True)
    ty.par("Động viên cán bộ thi đua.")
    word.closing_table(ty, ["Lưu: VT"], word.SIGNATURE)
    ty.par("Phụ lục: Lịch tổ chức các hoạt động", bold=True, align=word.CENTER)
    ty.table([["TT", "Hoạt động"], ["1", "Phát động"]])
    source.write_bytes(ty.bytes())
    code, said = run("nhap", source, "-o", tmp_path / "ke-hoach.yaml")
    assert code == 0, said
    data = yaml.safe_load((tmp_path / "ke-hoach.yaml").read_text(encoding="utf-8"))
    assert data["ngay"] == "2025-02-14"
    assert data["noi_dung"][-2:] == ["**Phụ lục: Lịch tổ chức các hoạt động**",
                                     {"bang": {"cot": ["TT", "Hoạt động"], "so_thu_tu": True, "dong": [["Phát động"]]}}]
    assert "«Phụ lục: Lịch tổ chức các hoạt động»: 2 đoạn sau phần chữ ký" in said


def test_a_plan_without_its_date_line_takes_the_year_of_its_title(tmp_path):
    ty = word.Typist()
    word.header_table(ty, word.HEADER_LEFT, word.HEADER_RIGHT[:2])
    ty.par("KẾ HOẠCH", bold=True, align=word.CENTER)
    ty.par("Tổ chức phong trào thi đua năm 2024", bold=True, align=word.CENTER)
    ty.par("I. MỤC ĐÍCH", bold=True)
    ty.par("Động viên cán bộ thi đua.")
    word.closing_table(ty, ["Lưu: VT"], word.SIGNATURE)
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(ty.bytes())
    code, said = run("nhap", source, "-o", tmp_path / "ke-hoach.yaml")
    assert code == 0, said
    data = yaml.safe_load((tmp_path / "ke-hoach.yaml").read_text(encoding="utf-8"))
    assert data["ngay"] == "2024"  # a draft of that year, for the clerk to date
    assert "không thấy ngày tháng năm ban hành; hãy ghi 'ngay'" in said


def test_nam_on_minutes_says_what_to_do_instead(tmp_path):
    source = tmp_path / "bien-ban.docx"
    source.write_bytes(word.minutes())
    code, said = run("nhap", source, "--nam", "2026")
    assert code == 1
    assert "biên bản không có ngày ký để chuyển sang năm mới; hãy chạy lại không có --nam" in said
    assert not (tmp_path / "bien-ban.yaml").exists()
