"""Output: every file is replaced whole or not at all, a failure in one document leaves the others
written and its own earlier version untouched, two builds wait for each other, and no name can
write outside the output folder."""
from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from badinput import TDKT, VALID, run_cli, run_process, snapshot
from tdkt_docs.output import write
from tdkt_docs.errors import OutputError

FULL = "ổ đĩa đã đầy; hãy giải phóng dung lượng rồi chạy lại (tệp cũ vẫn được giữ nguyên)"
READ_ONLY = ("không ghi được vào thư mục kết quả (không có quyền ghi hoặc ổ chỉ đọc); "
             "hãy chọn thư mục khác bằng -o (tệp cũ vẫn được giữ nguyên)")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


# --- atomic_write ------------------------------------------------------------------------------

def test_atomic_write_replaces_whole_file(tmp_path):
    target = tmp_path / "a" / "b.docx"
    write.atomic_write(target, b"first")
    write.atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert oct(target.stat().st_mode & 0o777) == "0o644"
    assert leftovers(tmp_path) == []


def test_atomic_write_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "ke-hoach.yaml"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write.atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and oct(target.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("where", ["replace", "fsync", "write"])
def test_atomic_write_failure_keeps_the_old_file(tmp_path, monkeypatch, where):
    target = tmp_path / "b.docx"
    target.write_bytes(b"old version")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if where == "write":
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, handle):
                self.handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

            def close(self):
                self.handle.close()

            def write(self, data):
                self.handle.write(data[:10])  # half written, then the disk is full
                full()

        monkeypatch.setattr(write.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(write.os, where, full)
    with pytest.raises(OutputError) as caught:
        write.atomic_write(target, b"new version " * 1000)
    assert [str(p) for p in caught.value.problems] == [f"{target}: {FULL}"]
    assert target.read_bytes() == b"old version"
    assert leftovers(tmp_path) == []


def test_atomic_write_interrupted_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "b.docx"
    target.write_bytes(b"old version")

    def interrupt(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(write.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write.atomic_write(target, b"new")
    assert target.read_bytes() == b"old version"
    assert leftovers(tmp_path) == []


def test_atomic_write_onto_a_folder(tmp_path):
    (tmp_path / "b.docx").mkdir()
    with pytest.raises(OutputError) as caught:
        write.atomic_write(tmp_path / "b.docx", b"x")
    assert caught.value.problems[0].message == (
        "đã có một thư mục trùng tên với văn bản cần ghi; hãy đổi tên thư mục đó")


# --- the documents of one job written together (write.write_together) ------------------------------

def _old_files(folder: Path, names: list[str]) -> None:
    for name in names:
        (folder / name).write_bytes(b"old " + name.encode())


def test_together_every_file_replaced(tmp_path):
    _old_files(tmp_path, ["a.docx", "b.docx"])
    written = write.write_together([(tmp_path / n, b"new " + n.encode()) for n in ["a.docx", "b.docx", "c.docx"]])
    assert written == [tmp_path / "a.docx", tmp_path / "b.docx", tmp_path / "c.docx"]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {
        "a.docx": b"new a.docx", "b.docx": b"new b.docx", "c.docx": b"new c.docx"}


def test_together_a_file_the_disk_cannot_take_keeps_every_file_old(tmp_path, monkeypatch):
    _old_files(tmp_path, ["a.docx", "b.docx"])
    real_fsync = os.fsync
    calls = []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:  # the second document
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(write.os, "fsync", fsync)
    with pytest.raises(OutputError) as caught:
        write.write_together([(tmp_path / "a.docx", b"new a"), (tmp_path / "b.docx", b"new b")])
    assert [str(p) for p in caught.value.problems] == [f"{tmp_path / 'b.docx'}: {FULL}"]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {"a.docx": b"old a.docx", "b.docx": b"old b.docx"}
    assert leftovers(tmp_path) == []


def test_together_a_file_that_cannot_be_created_keeps_the_others_old(tmp_path):
    _old_files(tmp_path, ["b1.docx"])
    (tmp_path / "b2.docx").mkdir()
    with pytest.raises(OutputError) as caught:
        write.write_together([(tmp_path / "b1.docx", b"new b1"), (tmp_path / "b2.docx", b"new b2"),
                              (tmp_path / "b3.docx", b"new b3")])
    assert caught.value.problems[0].message.startswith("đã có một thư mục trùng tên")
    assert (tmp_path / "b1.docx").read_bytes() == b"old b1.docx"
    assert not (tmp_path / "b3.docx").exists()
    assert leftovers(tmp_path) == []


def test_together_interrupted_while_renaming_leaves_whole_files_and_no_temporary_file(tmp_path, monkeypatch):
    _old_files(tmp_path, ["a.docx", "b.docx", "c.docx"])
    real_replace = os.replace
    done = []

    def replace(src, dst):
        if done:
            raise KeyboardInterrupt
        done.append(dst)
        return real_replace(src, dst)

    monkeypatch.setattr(write.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        write.write_together([(tmp_path / n, b"new " + n.encode()) for n in ["a.docx", "b.docx", "c.docx"]])
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {
        "a.docx": b"new a.docx", "b.docx": b"old b.docx", "c.docx": b"old c.docx"}
    assert leftovers(tmp_path) == []


# --- a failure in the middle of a build ----------------------------------------------------------

@pytest.fixture
def three(tmp_path, monkeypatch):
    """data/{a,b,c}.yaml built once into output/, then each changed so a new build differs."""
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    for name in "abc":
        (data / f"{name}.yaml").write_text(VALID.replace("Đoạn một.", f"Văn bản {name}, bản 1."), encoding="utf-8")
    assert run_cli("build", "data", "-o", "output").exit_code == 0
    old = snapshot(tmp_path / "output")
    for name in "abc":
        (data / f"{name}.yaml").write_text(VALID.replace("Đoạn một.", f"Văn bản {name}, bản 2."), encoding="utf-8")
    return tmp_path, old


def fail_for(monkeypatch, name: str, error: OSError) -> None:
    real = os.replace

    def replace(src, dst):
        if Path(dst).name == name:
            raise error
        return real(src, dst)

    monkeypatch.setattr(write.os, "replace", replace)


def test_disk_full_for_one_document_keeps_its_old_version_and_writes_the_others(three, monkeypatch):
    root, old = three
    fail_for(monkeypatch, "b.docx", OSError(errno.ENOSPC, "No space left on device"))
    result = run_cli("build", "data", "-o", "output")
    assert result.exit_code == 1
    assert result.stdout == "✓ data/a.yaml → output/a.docx\n✓ data/c.yaml → output/c.docx\n"
    assert result.stderr == f"output/b.docx: {FULL}\n✗ data/b.yaml: 1 lỗi, chưa tạo văn bản.\n"
    new = snapshot(root / "output")
    assert new["b.docx"] == old["b.docx"]
    assert new["a.docx"] != old["a.docx"] and new["c.docx"] != old["c.docx"]
    assert leftovers(root) == []


def test_read_only_output_folder(three, monkeypatch):
    root, old = three

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(write.tempfile, "mkstemp", refuse)
    result = run_cli("build", "data", "-o", "output")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"output/a.docx: {READ_ONLY}", "✗ data/a.yaml: 1 lỗi, chưa tạo văn bản.",
        f"output/b.docx: {READ_ONLY}", "✗ data/b.yaml: 1 lỗi, chưa tạo văn bản.",
        f"output/c.docx: {READ_ONLY}", "✗ data/c.yaml: 1 lỗi, chưa tạo văn bản.",
        f"output/.tdkt-cache.json: {READ_ONLY}"]
    assert snapshot(root / "output") == old


def test_rename_refused(three, monkeypatch):
    root, old = three
    fail_for(monkeypatch, "c.docx", PermissionError(errno.EACCES, "Permission denied"))
    result = run_cli("build", "data", "-o", "output")
    assert result.exit_code == 1
    assert result.stderr == f"output/c.docx: {READ_ONLY}\n✗ data/c.yaml: 1 lỗi, chưa tạo văn bản.\n"
    assert snapshot(root / "output")["c.docx"] == old["c.docx"]
    assert leftovers(root) == []


def test_output_folder_cannot_be_created(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.yaml").write_text(VALID, encoding="utf-8")

    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    result = run_cli("build", "x.yaml", "-o", "moi")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"moi: {READ_ONLY}\n"


def test_bad_document_keeps_its_old_version(three):
    root, old = three
    (root / "data" / "b.yaml").write_text("loai: ke_hoach\nso: [\n", encoding="utf-8")
    result = run_cli("build", "data", "-o", "output")
    assert result.exit_code == 1
    new = snapshot(root / "output")
    assert new["b.docx"] == old["b.docx"] and new["a.docx"] != old["a.docx"]


# --- names ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["../ngoai.docx", "a/../../ngoai.docx", "/etc/ngoai.docx", "a/../..",
                                  "../output-khac/x.docx"])
def test_safe_join_refuses_names_outside(tmp_path, name):
    root = tmp_path / "output"
    root.mkdir()
    with pytest.raises(OutputError) as caught:
        write.safe_join(root, name)
    assert caught.value.problems[0].message.startswith("tên tệp kết quả nằm ngoài thư mục")


def test_safe_join_allows_names_inside(tmp_path):
    root = tmp_path / "output"
    assert write.safe_join(root, "2026/ke-hoach.docx") == (root / "2026" / "ke-hoach.docx").resolve()
    assert write.safe_join(root, "a/../b.docx") == (root / "b.docx").resolve()


def test_symlink_inside_output_cannot_lead_outside(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "mau").mkdir(parents=True)
    (tmp_path / "data" / "mau" / "x.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "output").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "output" / "mau").symlink_to(tmp_path / "elsewhere")
    result = run_cli("build", "data", "-o", "output")
    assert result.exit_code == 1
    assert result.stderr == ("mau/x.docx: tên tệp kết quả nằm ngoài thư mục output; hãy đổi tên tệp\n"
                             "✗ data/mau/x.yaml: 1 lỗi, chưa tạo văn bản.\n")
    assert list((tmp_path / "elsewhere").iterdir()) == []


# --- two builds at once ---------------------------------------------------------------------------

HOLD_LOCK = """
import sys
from pathlib import Path
from tdkt_docs.output.write import build_lock
with build_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.readline()
"""


def test_second_build_waits_for_the_first(tmp_path):
    (tmp_path / "x.yaml").write_text(VALID, encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, "output"], cwd=tmp_path,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        second = subprocess.Popen([str(TDKT), "build", "x.yaml", "-o", "output"], cwd=tmp_path,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # It says it waits, and has written nothing while the other build holds the folder.
        assert second.stderr.readline() == "Đang chờ một lần tạo văn bản khác ghi xong vào output ...\n"
        assert not (tmp_path / "output" / "x.docx").exists()
        assert second.poll() is None
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.wait() == 0
        out, err = second.communicate()
        assert second.returncode == 0, err
        assert out == "✓ x.yaml → output/x.docx\n" and err == ""
    finally:
        holder.kill()
    assert (tmp_path / "output" / "x.docx").exists()


def test_two_builds_started_together_give_the_same_files(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for i in range(6):
        (data / f"v{i}.yaml").write_text(VALID.replace("Đoạn một.", f"Văn bản số {i}."), encoding="utf-8")
    alone = run_process("build", "data", "-o", "rieng", cwd=tmp_path)
    assert alone.exit_code == 0
    procs = [subprocess.Popen([str(TDKT), "build", "data", "-o", "chung"], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for proc in procs:
        out, err = proc.communicate()
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    together = snapshot(tmp_path / "chung")
    assert together == snapshot(tmp_path / "rieng")
    assert leftovers(tmp_path) == []


def test_file_name_too_long_for_the_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "k" * 240
    (tmp_path / f"{name}.yaml").write_text(VALID, encoding="utf-8")
    result = run_cli("build", f"{name}.yaml", "-o", "output")
    assert result.exit_code == 1
    assert result.stderr == (f"output/{name}.docx: tên tệp quá dài; hãy đặt tên tệp YAML ngắn hơn\n"
                             f"✗ {name}.yaml: 1 lỗi, chưa tạo văn bản.\n")
    assert leftovers(tmp_path) == []
