"""Incremental builds: a second build with nothing changed renders nothing and touches nothing."""
from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import tdkt_docs.output.build_cache as cache
import tdkt_docs.build as pipeline
from tdkt_docs.build import stages
from tdkt_docs.kinds import rendering
from clerk_support import MINIMAL, ROOT, docx_text, run, write

SHARED = "dia_danh: Tân Lập\nnguoi_ky:\n  chuc_vu: CHỦ TỊCH\n  ho_ten: Hoàng Văn Bình\n"
USES_SHARED = MINIMAL.replace("dia_danh: Tân Lập\n", "dung_chung: _chung.yaml\n").replace(
    "nguoi_ky:\n  quyen_han: TM. ỦY BAN NHÂN DÂN\n  chuc_vu: CHỦ TỊCH\n  ho_ten: Nguyễn Văn An\n", "")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "data/_chung.yaml", SHARED)
    write(tmp_path, "data/a.yaml", USES_SHARED)
    write(tmp_path, "data/b.yaml", MINIMAL.replace("so: 12", "so: 13"))
    result = run("build", "data", "-o", "out")
    assert result.exit_code == 0, result.output
    return tmp_path


def snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted((root / "out").glob("*.docx"))}


def no_rendering(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("rendered although nothing changed")
    monkeypatch.setattr(stages, "render_all", refuse)
    monkeypatch.setattr(stages, "prepare", refuse)


def test_second_build_with_nothing_changed_renders_nothing(folder, monkeypatch):
    before = snapshot(folder)
    assert set(before) == {"a.docx", "b.docx"}
    no_rendering(monkeypatch)
    result = run("build", "data", "-o", "out")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["✓ 2 tệp không đổi"]  # summed up, not one line each
    assert snapshot(folder) == before


def test_only_the_changed_document_is_rendered_again(folder):
    before = snapshot(folder)
    write(folder, "data/b.yaml", MINIMAL.replace("so: 12", "so: 14"))
    result = run("build", "data", "-o", "out")
    assert result.stdout.splitlines() == ["✓ data/b.yaml → out/b.docx", "✓ data/a.yaml: không đổi"]
    after = snapshot(folder)
    assert after["a.docx"] == before["a.docx"]
    assert "Số: 14/KH-UBND" in docx_text(folder / "out" / "b.docx")


def test_a_change_in_a_shared_file_renders_the_documents_that_use_it(folder):
    write(folder, "data/_chung.yaml", SHARED.replace("Hoàng Văn Bình", "Đinh Thị Mai"))
    result = run("build", "data", "-o", "out")
    assert result.stdout.splitlines() == ["✓ data/a.yaml → out/a.docx", "✓ data/b.yaml: không đổi"]
    assert "Đinh Thị Mai" in docx_text(folder / "out" / "a.docx")


def test_saving_a_file_without_changing_it_renders_nothing(folder, monkeypatch):
    path = folder / "data" / "a.yaml"
    path.write_bytes(path.read_bytes())  # a new modification time, the same content
    no_rendering(monkeypatch)
    assert run("build", "data", "-o", "out").stdout.splitlines() == ["✓ 2 tệp không đổi"]


def test_a_changed_template_renders_everything_made_from_it(folder, monkeypatch, tmp_path):
    templates = tmp_path / "mau"
    shutil.copytree(ROOT / "tdkt_docs" / "kinds" / "templates", templates)
    monkeypatch.setattr(rendering, "TEMPLATES", templates)
    assert run("build", "data", "-o", "out", "--tat-ca").exit_code == 0
    assert "không đổi" in run("build", "data", "-o", "out").stdout
    with zipfile.ZipFile(templates / "ke_hoach.docx", "a") as z:
        z.comment = b"restyled in Word"
    result = run("build", "data", "-o", "out")
    assert result.stdout.splitlines() == ["✓ data/a.yaml → out/a.docx", "✓ data/b.yaml → out/b.docx"]


def test_a_new_program_renders_everything(folder, monkeypatch):
    monkeypatch.setattr(cache, "program_hash", lambda: "another version")
    result = run("build", "data", "-o", "out")
    assert "không đổi" not in result.stdout and result.stdout.count("→") == 2


def test_the_program_hash_follows_the_package_source(tmp_path, monkeypatch):
    package = tmp_path / "tdkt_docs"
    shutil.copytree(ROOT / "tdkt_docs", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", package)
    cache.program_hash.cache_clear()
    try:
        first = cache.program_hash()
        (package / "vn.py").write_text((package / "vn.py").read_text(encoding="utf-8") + "\n# x\n", encoding="utf-8")
        cache.program_hash.cache_clear()
        second = cache.program_hash()
        assert second != first
        # a new base salary in the shipped rules changes the amounts of every decision
        rules = package / "rules" / "tien-thuong.yaml"
        rules.write_text(rules.read_text(encoding="utf-8") + "\n# x\n", encoding="utf-8")
        cache.program_hash.cache_clear()
        assert cache.program_hash() != second
    finally:
        cache.program_hash.cache_clear()


def test_force_renders_everything(folder):
    result = run("build", "data", "-o", "out", "--tat-ca")
    assert result.stdout.splitlines() == ["✓ data/a.yaml → out/a.docx", "✓ data/b.yaml → out/b.docx"]


@pytest.mark.parametrize("damage", ["delete", "edit"])
def test_an_output_deleted_or_edited_by_hand_is_made_again(folder, damage):
    target = folder / "out" / "b.docx"
    original = target.read_bytes()
    if damage == "delete":
        target.unlink()
    else:
        target.write_bytes(b"edited")
    result = run("build", "data", "-o", "out")
    assert "✓ data/b.yaml → out/b.docx" in result.stdout
    assert target.read_bytes() == original


def test_a_document_with_errors_is_checked_again_every_time(folder):
    write(folder, "data/b.yaml", MINIMAL.replace("noi_nhan:", "noi_nhân:"))
    for _ in range(2):
        result = run("build", "data", "-o", "out")
        assert result.exit_code == 1
        assert "data/b.yaml:13:1: noi_nhân: 'noi_nhân' không có trong mẫu; có phải 'noi_nhan'?" in result.stderr


def test_a_damaged_manifest_means_a_full_build(folder):
    (folder / "out" / cache.MANIFEST).write_text("{not json", encoding="utf-8")
    result = run("build", "data", "-o", "out")
    assert result.exit_code == 0 and result.stdout.count("→") == 2
    saved = json.loads((folder / "out" / cache.MANIFEST).read_text(encoding="utf-8"))
    assert sorted(saved["documents"]) == ["a", "b"]


def test_make_documents_twice_renders_nothing_the_second_time(tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    write(tmp_path, "data/_chung.yaml", SHARED)
    write(tmp_path, "data/a.yaml", USES_SHARED)
    tdkt = str(Path(ROOT / ".venv" / "bin" / "tdkt"))
    if not Path(tdkt).exists():
        tdkt = shutil.which("tdkt") or pytest.skip("tdkt is not installed")
    args = ["make", "-s", "documents", f"TDKT={tdkt}", "STAMP=", "BYTES="]
    first = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "✓ data/a.yaml → output/a.docx"
    mtime = (tmp_path / "output" / "a.docx").stat().st_mtime_ns
    second = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True)
    assert second.stdout.strip() == "✓ data/a.yaml: không đổi"
    assert (tmp_path / "output" / "a.docx").stat().st_mtime_ns == mtime
    subprocess.run(["make", "-s", "clean"], cwd=tmp_path, check=True)
    assert not (tmp_path / "output").exists()


def test_old_warnings_of_unchanged_documents_are_counted_not_repeated(folder):
    write(folder, "data/a.yaml", MINIMAL.replace("quyen_han: TM. ỦY BAN NHÂN DÂN", "quyen_han: THAY MẶT"))
    first = run("build", "data", "-o", "out")
    assert first.exit_code == 0 and "cảnh báo: 'THAY MẶT'" in first.stderr
    again = run("build", "data", "-o", "out")
    assert again.exit_code == 0
    assert again.stderr == ""
    assert again.stdout.splitlines() == [
        "✓ 2 tệp không đổi (1 cảnh báo từ lần tạo trước; xem lại bằng: tdkt validate data/a.yaml)"]
    checked = run("validate", "data/a.yaml")
    assert "cảnh báo: 'THAY MẶT'" in checked.stderr
