"""`tdkt watch`: saving a file rebuilds what uses it and says what changed or what is wrong."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import tdkt_docs.build.watch as watch
from clerk_support import MINIMAL, docx_text, run, write
from tdkt_docs.build import shown
from tdkt_docs.build.watch import Watcher, rounds

SHARED = "dia_danh: Tân Lập\nnguoi_ky:\n  chuc_vu: CHỦ TỊCH\n  ho_ten: Hoàng Văn Bình\n"
USES_SHARED = MINIMAL.replace("dia_danh: Tân Lập\n", "dung_chung: _chung.yaml\n").replace(
    "nguoi_ky:\n  quyen_han: TM. ỦY BAN NHÂN DÂN\n  chuc_vu: CHỦ TỊCH\n  ho_ten: Nguyễn Văn An\n", "")


def save(path: Path, text: str | None = None) -> None:
    """Save as an editor does; the modification time moves on even on coarse file systems."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    if text is not None:
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(path.read_bytes())
    later = max(path.stat().st_mtime_ns, before + 1_000_000_000)
    os.utime(path, ns=(later, later))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "data/_chung.yaml", SHARED)
    write(tmp_path, "data/a.yaml", USES_SHARED)
    write(tmp_path, "data/b.yaml", MINIMAL)
    return tmp_path


def drive(actions: list) -> list:
    """Run the watch loop with one scripted action per look, no real waiting."""
    steps = iter(actions)

    def sleep(_interval):
        action = next(steps)
        if action is not None:
            action()

    return list(rounds(Watcher([Path("data")], Path("out")), interval=0, limit=len(actions), sleep=sleep))


def summary(found) -> dict:
    return {
        "changed": [shown(p) for p in found.changed],
        "removed": [shown(p) for p in found.removed],
        "built": [(shown(o.job.source), "lỗi" if o.error else "ok") for o in found.built],
        "unchanged": [shown(o.job.source) for o in found.unchanged],
    }


def test_saving_a_document_rebuilds_it_and_only_it(folder):
    found = drive([None, lambda: save(folder / "data" / "b.yaml", MINIMAL.replace("so: 12", "so: 21")), None])
    assert len(found) == 2  # the first build, then one round for the one save; quiet looks yield nothing
    assert summary(found[0])["built"] == [("data/a.yaml", "ok"), ("data/b.yaml", "ok")]
    assert summary(found[1]) == {"changed": ["data/b.yaml"], "removed": [], "built": [("data/b.yaml", "ok")],
                                 "unchanged": []}
    assert "Số: 21/KH-UBND" in docx_text(folder / "out" / "b.docx")


def test_saving_a_shared_file_rebuilds_the_documents_that_use_it(folder):
    found = drive([lambda: save(folder / "data" / "_chung.yaml", SHARED.replace("Hoàng Văn Bình", "Đinh Thị Mai"))])
    assert summary(found[1]) == {"changed": ["data/_chung.yaml"], "removed": [],
                                 "built": [("data/a.yaml", "ok")], "unchanged": []}
    assert "Đinh Thị Mai" in docx_text(folder / "out" / "a.docx")


def test_a_mistake_is_reported_and_the_fix_is_picked_up(folder):
    b = folder / "data" / "b.yaml"
    found = drive([lambda: save(b, MINIMAL.replace("noi_nhan:", "noi_nhân:")), lambda: save(b, MINIMAL)])
    broken = found[1].built[0]
    assert [str(p) for p in broken.error.problems] == [
        "data/b.yaml:13:1: noi_nhân: 'noi_nhân' không có trong mẫu; có phải 'noi_nhan'?"]
    assert summary(found[2])["built"] == [("data/b.yaml", "ok")]


def test_a_broken_shared_file_and_its_fix(folder):
    shared = folder / "data" / "_chung.yaml"
    found = drive([lambda: save(shared, SHARED + "dia_danh: lặp lại\n"), lambda: save(shared, SHARED)])
    assert summary(found[1])["built"] == [("data/a.yaml", "lỗi")]
    assert str(found[1].built[0].error.problems[0]).startswith(
        "data/_chung.yaml:5:1: dia_danh: 'dia_danh' bị khai báo hai lần")
    assert summary(found[2])["built"] == [("data/a.yaml", "ok")]


def test_saving_without_a_change_renders_nothing(folder):
    found = drive([lambda: save(folder / "data" / "a.yaml")])
    assert summary(found[1]) == {"changed": ["data/a.yaml"], "removed": [], "built": [],
                                 "unchanged": ["data/a.yaml"]}


def test_new_and_removed_documents(folder):
    found = drive([lambda: write(folder, "data/c.yaml", MINIMAL.replace("so: 12", "so: 30")),
                   lambda: (folder / "data" / "b.yaml").unlink()])
    assert summary(found[1])["built"] == [("data/c.yaml", "ok")]
    assert summary(found[2]) == {"changed": [], "removed": ["data/b.yaml"], "built": [], "unchanged": []}
    assert (folder / "out" / "b.docx").exists()  # what was made is kept


def test_the_command_reports_and_stops_cleanly_on_ctrl_c(folder, monkeypatch):
    script = iter([lambda: save(folder / "data" / "b.yaml", MINIMAL.replace("ho_ten: Nguyễn Văn An", "ho_ten:")),
                   None])

    def sleep(_interval):
        action = next(script)
        if action is None:
            raise KeyboardInterrupt
        action()

    monkeypatch.setattr(watch.time, "sleep", sleep)
    result = run("watch", "data", "-o", "out")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines()]
    assert lines[0] == "Đang theo dõi data → out. Bấm Ctrl+C để dừng."
    assert lines[1:3] == ["✓ data/a.yaml → out/a.docx", "✓ data/b.yaml → out/b.docx"]
    assert lines[3].endswith("] Đã lưu: data/b.yaml") and lines[3].startswith("[")
    assert lines[4:] == [
        "data/b.yaml:19:3: nguoi_ky.ho_ten: đang để trống; hãy điền nội dung, ví dụ 'ho_ten: Nguyễn Văn An'",
        "✗ data/b.yaml: 1 lỗi, chưa tạo văn bản.",
        "Đã dừng theo dõi.",
    ]
    assert "Traceback" not in result.output
