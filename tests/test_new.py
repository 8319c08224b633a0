"""`tdkt new`: a commented starting YAML for each kind, that builds as it is."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from award_helpers import run
from helpers import ROOT, lines

KINDS = {"ke-hoach": ("ke_hoach", [""]), "de-cuong": ("de_cuong", [""]), "bao-cao": ("bao_cao", [""]),
         "to-trinh": ("to_trinh", [""]), "bien-ban": ("bien_ban", [""]),
         "ho-so": ("ho_so", [".bien-ban", ".to-trinh", ".quyet-dinh", ".giay-khen"]),
         "quyet-dinh": ("quyet_dinh", ["", ".giay-khen"])}


@pytest.mark.parametrize("word", sorted(KINDS))
def test_starter_builds_as_it_is(word, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hoso" / "2026").mkdir(parents=True)
    target = tmp_path / "hoso" / "2026" / f"{word}.yaml"
    code, out = run("new", word, "-o", target)
    assert code == 0, out
    assert out == f"✓ Đã tạo hoso/2026/{word}.yaml. Sửa nội dung rồi chạy: tdkt build hoso/2026/{word}.yaml\n"
    loai, suffixes = KINDS[word]
    text = target.read_text(encoding="utf-8")
    first, *rest = text.splitlines()
    schema = os.path.relpath(ROOT / "tdkt_docs" / "schemas" / f"{loai}.schema.json", target.parent)
    assert first == f"# yaml-language-server: $schema={schema}"
    assert (target.parent / schema).resolve() == (ROOT / "tdkt_docs" / "schemas" / f"{loai}.schema.json").resolve()
    assert f"loai: {loai}" in rest
    assert sum(line.lstrip().startswith("#") or " # " in line for line in rest) >= 5  # explained for the clerk
    code, out = run("build", target, "-o", "out")
    assert code == 0, out
    assert "cảnh báo" not in out
    for suffix in suffixes:
        assert lines(tmp_path / "out" / f"{word}{suffix}.docx")


def test_default_name_and_no_overwrite_without_ghi_de(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("new", "to-trinh")[0] == 0
    path = tmp_path / "to-trinh.yaml"
    path.write_text("loai: to_trinh\n# đã sửa\n", encoding="utf-8")
    code, out = run("new", "to-trinh")
    assert code == 1
    assert out == ("to-trinh.yaml: tệp đã có; chọn tên khác bằng -o, hoặc thêm --ghi-de để ghi đè (nội dung cũ sẽ mất)\n")
    assert path.read_text(encoding="utf-8") == "loai: to_trinh\n# đã sửa\n"
    assert run("new", "to-trinh", "--ghi-de")[0] == 0
    assert "loai: to_trinh" in path.read_text(encoding="utf-8").splitlines()


def test_wrong_usage(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out = run("new", "giay-khen")
    assert code == 2 and "giay-khen" in out
    code, out = run("new", "to-trinh", "-o", "to-trinh.docx")
    assert code == 1 and "tên tệp cần có đuôi .yaml" in out
    code, out = run("new", "bao-cao", "--tu", "khong-co.yaml")
    assert code == 2 and "không tìm thấy 'khong-co.yaml'" in out
    code, out = run("new", "to-trinh", "--tu", ROOT / "data" / "mau" / "004-cao-bang-75-nam-thi-dua-ai-quoc.yaml")
    assert code == 1 and "--tu chỉ dùng với 'tdkt new bao-cao'" in out
    assert not list(tmp_path.iterdir())


def test_the_kind_is_accepted_as_loai_spells_it_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out = run("new", "ke_hoach", "-o", "kh.yaml")
    assert code == 0, out
    assert "loai: ke_hoach" in (tmp_path / "kh.yaml").read_text(encoding="utf-8").splitlines()


def test_the_next_command_it_prints_can_be_typed_as_it_is(tmp_path):
    import subprocess
    import sys

    tdkt = Path(sys.executable).parent / "tdkt"
    if not tdkt.exists():
        pytest.skip("the tdkt command is not installed beside this Python")
    env = {k: v for k, v in os.environ.items() if k != "PATH"} | {"PATH": "/usr/bin:/bin"}
    done = subprocess.run([str(tdkt), "new", "to-trinh", "-o", "tt.yaml"], cwd=tmp_path, capture_output=True,
                          text=True, env=env)
    assert done.returncode == 0, done.stderr
    advice = done.stdout.strip().split("Sửa nội dung rồi chạy: ", 1)[1]
    assert advice == f"{os.path.relpath(tdkt, tmp_path)} build tt.yaml"
    built = subprocess.run(advice.split(" "), cwd=tmp_path, capture_output=True, text=True, env=env)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "output" / "tt.docx").is_file()
