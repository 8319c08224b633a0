"""`tdkt check` as a clerk runs it: output lines, JSON, exit codes, files that are not DOCX."""
from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker_corpus import edit, para, qn, set_text
from tdkt_docs.cli import main


@pytest.fixture()
def files(tmp_path, good_docx):
    good = tmp_path / "tot.docx"
    good.write_bytes(good_docx)
    bad = tmp_path / "loi.docx"
    bad.write_bytes(edit(good_docx, "word/document.xml", lambda r: set_text(para(r, "Số:"), "Số: 5/KH-UBND")))
    warn = tmp_path / "canh-bao.docx"
    warn.write_bytes(edit(good_docx, "word/document.xml",
                          lambda r: set_text(para(r, "TM. ỦY BAN"), "TT. ỦY BAN NHÂN DÂN")))
    return good, bad, warn


def run(*args):
    result = CliRunner().invoke(main, ["check", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def test_clean_document_exit_0(files):
    good, _, _ = files
    result = run(good)
    assert result.exit_code == 0
    assert result.output.strip().endswith("đúng thể thức Nghị định 30/2020/NĐ-CP")


def test_error_is_one_line_with_rule_ref_paragraph_quote_expected_found(files):
    _, bad, _ = files
    result = run(bad)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == (f"{bad}: [ND30.SO_KY_HIEU.LEADING_ZERO] (PL I.II.3.c) đoạn 7 «Số: 5/KH-UBND»: số 5 nhỏ hơn "
                        "10 phải có số 0 phía trước — cần: 05; thấy: 5")
    assert lines[-1] == f"✗ {bad}: 1 lỗi"


def test_warnings_pass_unless_strict(files):
    _, _, warn = files
    result = run(warn)
    assert result.exit_code == 0
    assert "cảnh báo: «TT.» không phải một quyền hạn ký" in result.output
    assert run("--strict", warn).exit_code == 1


def test_json_lists_every_finding_of_every_file(files):
    good, bad, warn = files
    result = run("--json", good, bad, warn)
    assert result.exit_code == 1
    items = json.loads(result.output)
    assert [(i["file"].endswith(name), i["rule"], i["severity"]) for i, name in
            zip(items, ["loi.docx", "canh-bao.docx"])] == [
        (True, "ND30.SO_KY_HIEU.LEADING_ZERO", "error"), (True, "ND30.CHU_KY.PREFIX", "warning")]
    assert set(items[0]) == {"file", "rule", "ref", "severity", "paragraph", "quote", "expected", "found", "message",
                             "also"}
    assert items[0]["paragraph"] == 7 and items[0]["expected"] == "05"


def test_a_folder_is_checked_file_by_file(files, tmp_path):
    result = run(tmp_path)
    assert result.exit_code == 1
    assert sum(line.startswith(("✓", "✗")) for line in result.output.splitlines()) == 3


@pytest.mark.parametrize("name, data, words", [
    ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Word cũ (.doc)"),
    ("scan.docx", b"%PDF-1.7\n...", "tệp PDF"),
    ("rong.docx", b"", "tệp rỗng"),
    ("chu.docx", "Kế hoạch năm 2026".encode(), "không phải tệp DOCX"),
    ("bang.docx", None, "không phải văn bản Word"),
    ("hong.docx", None, "không phải XML hợp lệ"),
])
def test_unreadable_files_get_a_clear_message_and_exit_1(tmp_path, name, data, words):
    if name == "bang.docx":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("xl/workbook.xml", "<workbook/>")
        data = buf.getvalue()
    elif name == "hong.docx":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("word/document.xml", "<w:document")
        data = buf.getvalue()
    path = tmp_path / name
    path.write_bytes(data)
    result = run(path)
    assert result.exit_code == 1
    assert words in result.output
    assert result.output.startswith(f"✗ {path}: ")


def test_unreadable_file_in_json_is_an_entry(tmp_path):
    path = tmp_path / "x.docx"
    path.write_bytes(b"%PDF-1.4")
    result = run("--json", path)
    assert result.exit_code == 1
    (item,) = json.loads(result.output)
    assert item["rule"] == "DOCX.UNREADABLE" and "PDF" in item["message"]


def test_missing_file_and_usage_errors():
    assert run("khong-co.docx").exit_code == 1
    assert "không tìm thấy tệp" in run("khong-co.docx").output
    assert run().exit_code == 2
    assert run("--khong-co-tuy-chon", "a.docx").exit_code == 2


def _set_all(tag: str, attr: str, value: str):
    def change(root):
        for el in root.iter(qn(tag)):
            el.set(qn(attr), value)
    return change


@pytest.mark.parametrize("part, tag, attr, value", [
    ("word/numbering.xml", "w:start", "w:val", "--1"),
    ("word/numbering.xml", "w:start", "w:val", "²"),
    ("word/numbering.xml", "w:lvl", "w:ilvl", "²"),
    ("word/styles.xml", "w:sz", "w:val", "--24"),
    ("word/styles.xml", "w:sz", "w:val", "²"),
])
def test_numbers_word_would_never_write_do_not_stop_the_check(good_docx, tmp_path, part, tag, attr, value):
    """"²" passes str.isdigit() and "--1" passes lstrip("-"): both once reached int() or float()
    and stopped `tdkt check` with an internal error instead of checking the document."""
    changed = edit(good_docx, part, _set_all(tag, attr, value))
    assert f'="{value}"'.encode() in zipfile.ZipFile(io.BytesIO(changed)).read(part)
    path = tmp_path / "so-la.docx"
    path.write_bytes(changed)
    result = run(path)
    assert result.exit_code in (0, 1), result.output
    assert "không mong đợi" not in result.output


def test_a_yaml_file_is_sent_to_validate_with_a_command_that_works(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(Path(__file__).parent.parent / "fixtures" / "ke-hoach.yaml", tmp_path / "kh.yaml")
    result = run("kh.yaml")
    assert result.exit_code == 1
    assert result.output == ("✗ kh.yaml: đây là tệp YAML (dữ liệu để tạo văn bản), không phải văn bản Word; lệnh "
                             "check kiểm tra tệp .docx. Để kiểm tra tệp YAML, cả thể thức văn bản sẽ tạo ra, hãy "
                             "chạy: tdkt validate kh.yaml\n")
    advised = CliRunner().invoke(main, ["validate", "kh.yaml"])
    assert advised.exit_code == 0, advised.output


def test_a_certificate_is_not_judged_as_an_administrative_document(tmp_path, monkeypatch):
    # The dossier's certificates (Bằng khen of the province in the starter) are printed on their own form: check says so, and the folder still passes.
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["new", "ho-so", "-o", "hs.yaml"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["build", "hs.yaml", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "hs.giay-khen.docx").exists()
    result = run("--strict", "out")
    code, out = result.exit_code, result.output
    assert code == 0, out
    assert ("– out/hs.giay-khen.docx: đây là Bằng khen in theo mẫu riêng, không phải văn bản hành chính theo "
            "Nghị định 30/2020/NĐ-CP, nên không kiểm tra thể thức") in out.splitlines()
    assert "✓ out/hs.quyet-dinh.docx: đúng thể thức Nghị định 30/2020/NĐ-CP" in out.splitlines()
