"""Shared parts typed once: the issuing body, the signer and the usual Nơi nhận in one file."""
from __future__ import annotations

import textwrap

from clerk_support import MINIMAL, docx_text, run, write
from tdkt_docs.input.shared_files import load_document

SHARED = textwrap.dedent("""\
    co_quan:
      ten: "ỦY BAN NHÂN DÂN\\nXÃ TÂN LẬP"
      viet_tat: UBND
    dia_danh: Tân Lập
    nguoi_ky:
      quyen_han: TM. ỦY BAN NHÂN DÂN
      chuc_vu: CHỦ TỊCH
      ho_ten: Hoàng Văn Bình
    noi_nhan:
      - Sở Nội vụ tỉnh
      - "Lưu: VT, VP"
    """)

DOC = textwrap.dedent("""\
    loai: ke_hoach
    dung_chung: _co-quan.yaml
    so: 3
    ngay: 2026-03-05
    trich_yeu: Tổ chức phong trào thi đua năm 2026
    noi_dung:
      - tieu_de: Mục đích, yêu cầu
    """)


def build(tmp_path, *paths):
    result = run("build", *paths, "-o", "out", "--tat-ca")
    assert "Traceback" not in result.output
    return result


def test_document_takes_the_shared_values(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "_co-quan.yaml", SHARED)
    write(tmp_path, "k.yaml", DOC)
    result = build(tmp_path, "k.yaml")
    assert result.exit_code == 0, result.output
    text = docx_text(tmp_path / "out" / "k.docx")
    assert "XÃ TÂN LẬP" in text and "Tân Lập, ngày 05 tháng 3 năm 2026" in text
    assert "Hoàng Văn Bình" in text and "- Sở Nội vụ tỉnh;" in text and "- Lưu: VT, VP." in text


def test_own_values_win_mappings_merge_key_by_key_lists_are_replaced(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "_co-quan.yaml", SHARED)
    write(tmp_path, "k.yaml", DOC + textwrap.dedent("""\
        nguoi_ky:
          quyen_han: KT. CHỦ TỊCH
          chuc_vu: PHÓ CHỦ TỊCH
          ho_ten: Lê Thị Hoa
        co_quan:
          viet_tat: HĐTĐKT
        noi_nhan:
          - Các thôn
          - "Lưu: VT"
        """))
    document = load_document(tmp_path / "k.yaml")
    assert document.data["co_quan"] == {"ten": "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP", "viet_tat": "HĐTĐKT"}
    assert document.data["noi_nhan"] == ["Các thôn", "Lưu: VT"]
    assert "dung_chung" not in document.data
    # Every value is located where it was written.
    assert document.where[("co_quan", "ten")] == ("_co-quan.yaml", 2, 3)
    assert document.where[("co_quan", "viet_tat")] == ("k.yaml", 13, 3)
    assert document.where[("nguoi_ky", "ho_ten")] == ("k.yaml", 11, 3)
    assert document.where[("noi_nhan", 0)] == ("k.yaml", 15, 5)
    assert ("noi_nhan", 1) in document.where and document.where[("noi_nhan", 1)][0] == "k.yaml"
    assert document.where[("dia_danh",)] == ("_co-quan.yaml", 4, 1)
    assert [p.name for p in document.uses] == ["_co-quan.yaml"]
    result = build(tmp_path, "k.yaml")
    text = docx_text(tmp_path / "out" / "k.docx")
    assert "Số: 03/KH-HĐTĐKT" in text
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in text and "Lê Thị Hoa" in text and "Hoàng Văn Bình" not in text
    assert "- Các thôn;" in text and "Sở Nội vụ" not in text


def test_a_mistake_in_the_shared_file_names_the_shared_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "_co-quan.yaml", SHARED.replace("  ho_ten: Hoàng Văn Bình", "  ho_tn: Hoàng Văn Bình")
          .replace("viet_tat: UBND", "viet_tat: 12"))
    write(tmp_path, "k.yaml", DOC)
    result = build(tmp_path, "k.yaml")
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("_co-quan")] == [
        '_co-quan.yaml:3:3: co_quan.viet_tat: cần chữ nhưng đang là số 12; nếu đúng là vậy, hãy đặt trong '
        'ngoặc kép: "12"',
        "_co-quan.yaml:8:3: nguoi_ky.ho_tn: 'ho_tn' không có trong mẫu; có phải 'ho_ten'?",
    ]


def test_a_syntax_error_in_the_shared_file_names_the_shared_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "_co-quan.yaml", SHARED.replace("dia_danh: Tân Lập", "dia_danh: Tân Lập: xã"))
    write(tmp_path, "k.yaml", DOC)
    result = build(tmp_path, "k.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith("_co-quan.yaml:4:18: lỗi cú pháp YAML:")


def test_missing_shared_file_names_the_referring_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "k.yaml", DOC.replace("_co-quan.yaml", "_co-quan.yml"))
    result = build(tmp_path, "k.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "k.yaml:2:1: dung_chung: không tìm thấy tệp dùng chung '_co-quan.yml' (đã tìm bên cạnh tệp này và "
        "ở các thư mục cha); hãy kiểm tra tên tệp")


def test_shared_file_is_found_in_a_parent_folder_and_not_built_itself(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "data/_co-quan.yaml", SHARED)
    write(tmp_path, "data/2027/k.yaml", DOC)
    result = build(tmp_path, "data")
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.docx")) == [
        "2027/k.docx"]


def test_several_shared_files_later_ones_win(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "_tinh.yaml", "co_quan:\n  chu_quan: UBND TỈNH PHÚ THỌ\ndia_danh: Việt Trì\n")
    write(tmp_path, "_co-quan.yaml", SHARED)
    write(tmp_path, "k.yaml", DOC.replace("dung_chung: _co-quan.yaml", "dung_chung:\n  - _tinh.yaml\n  - _co-quan.yaml"))
    document = load_document(tmp_path / "k.yaml")
    assert document.data["co_quan"]["chu_quan"] == "UBND TỈNH PHÚ THỌ"
    assert document.data["dia_danh"] == "Tân Lập"
    assert document.where[("co_quan", "chu_quan")] == ("_tinh.yaml", 2, 3)


def test_shared_files_that_refer_to_each_other_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "_a.yaml", "dung_chung: _b.yaml\ndia_danh: A\n")
    write(tmp_path, "_b.yaml", "dung_chung: _a.yaml\n")
    write(tmp_path, "k.yaml", DOC.replace("_co-quan.yaml", "_a.yaml"))
    result = build(tmp_path, "k.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "_b.yaml:1:1: dung_chung: tệp dùng chung '_a.yaml' lại dẫn ngược về tệp này (vòng lặp); hãy bỏ dòng này")


def test_shared_file_does_not_say_which_kind(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "_co-quan.yaml", "loai: ke_hoach\n" + SHARED)
    write(tmp_path, "k.yaml", DOC)
    result = build(tmp_path, "k.yaml")
    assert result.stderr.splitlines()[0] == (
        "_co-quan.yaml:1:1: loai: tệp dùng chung không ghi 'loai'; loại văn bản do từng văn bản ghi; hãy xóa dòng này")


def test_wrong_shape_of_the_reference(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "k.yaml", DOC.replace("dung_chung: _co-quan.yaml", "dung_chung:\n  tep: _co-quan.yaml"))
    result = build(tmp_path, "k.yaml")
    assert result.stderr.splitlines()[0] == (
        "k.yaml:2:1: dung_chung: cần tên một tệp dùng chung, ví dụ 'dung_chung: _co-quan.yaml', hoặc danh sách "
        "tệp, mỗi dòng bắt đầu bằng '- '")


def test_a_change_in_the_shared_file_reaches_every_document(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "data/_co-quan.yaml", SHARED)
    write(tmp_path, "data/ke-hoach-a.yaml", DOC)
    write(tmp_path, "data/ke-hoach-b.yaml", DOC.replace("so: 3", "so: 4"))
    write(tmp_path, "data/khac.yaml", MINIMAL)  # does not use the shared file
    assert run("build", "data", "-o", "out").exit_code == 0
    write(tmp_path, "data/_co-quan.yaml", SHARED.replace("Hoàng Văn Bình", "Đinh Thị Mai"))
    result = run("build", "data", "-o", "out")  # incremental: the shared file is one of their inputs
    assert result.exit_code == 0, result.output
    for name in ("ke-hoach-a", "ke-hoach-b"):
        text = docx_text(tmp_path / "out" / f"{name}.docx")
        assert "Đinh Thị Mai" in text and "Hoàng Văn Bình" not in text
    assert "data/khac.yaml: không đổi" in result.stdout
