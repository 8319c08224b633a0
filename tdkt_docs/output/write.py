"""Write output files so that an existing document is only ever replaced by a complete new one.

Each file is written to a temporary file beside it, flushed to disk, then renamed over the old
one: a reader (Word, a sync client) sees the old file or the new one, never half of either.
One build at a time writes into an output folder (a lock file in it), so two `make documents`
started together wait for each other instead of interleaving.
"""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from tdkt_docs.errors import OutputError, Problem

LOCK_NAME = ".tdkt.lock"


def _shown(path: Path) -> str:
    from tdkt_docs.input.loader import display_path

    return display_path(path)


def safe_join(root: Path, relative: str) -> Path:
    """`root/relative`, refusing any name that would land outside `root` (.., absolute, symlinks)."""
    root = Path(root).resolve()
    if "\x00" in relative or not relative.strip():
        raise OutputError(Problem(relative or "''", "tên tệp kết quả không hợp lệ; hãy đổi tên tệp YAML"))
    target = (root / relative).resolve()
    if target == root or root not in target.parents:
        raise OutputError(Problem(relative, f"tên tệp kết quả nằm ngoài thư mục {_shown(root)}; hãy đổi tên tệp"))
    return target


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data`, or leave it exactly as it was and raise OutputError."""
    write_together([(Path(path), data)])


def write_together(files: list[tuple[Path, bytes]]) -> list[Path]:
    """Write one job's files (a kế hoạch and its đề cương): each goes to a temporary file beside it
    and to disk first; only when all are there is each renamed over its old version. If one cannot
    be written, none replaces anything. Ctrl+C on the way leaves no temporary file behind."""
    staged: list[tuple[Path, str]] = []
    try:
        for path, data in files:
            staged.append((path, _stage(path, data)))
        for path, tmp in staged:
            try:
                os.chmod(tmp, _mode_of(path))
                os.replace(tmp, path)
            except OSError as exc:
                raise OutputError(Problem(_shown(path), _why(exc))) from None
            _sync_folder(path.parent)
        return [path for path, _ in staged]
    finally:
        for _, tmp in staged:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _stage(path: Path, data: bytes) -> str:
    """`data` in a temporary file beside `path`, on disk: its name."""
    if path.is_dir():
        raise OutputError(Problem(_shown(path),
                                  "đã có một thư mục trùng tên với văn bản cần ghi; hãy đổi tên thư mục đó"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(Problem(_shown(path), _why(exc))) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as exc:  # also Ctrl+C: never leave the temporary file behind
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(Problem(_shown(path), _why(exc))) from None
        raise
    return tmp


def _mode_of(path: Path) -> int:
    """A file written again keeps its permissions (a YAML rewritten in place); a new one is rw-r--r--."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644


def _sync_folder(folder: Path) -> None:
    # The rename itself is on disk only once the folder is; not every system can open a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _why(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ("không ghi được vào thư mục kết quả (không có quyền ghi hoặc ổ chỉ đọc); "
                "hãy chọn thư mục khác bằng -o (tệp cũ vẫn được giữ nguyên)")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "ổ đĩa đã đầy; hãy giải phóng dung lượng rồi chạy lại (tệp cũ vẫn được giữ nguyên)"
    if exc.errno == errno.ENAMETOOLONG:
        return "tên tệp quá dài; hãy đặt tên tệp YAML ngắn hơn"
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return "đường dẫn kết quả trùng với một tệp đã có (không phải thư mục); hãy chọn thư mục khác bằng -o"
    if exc.errno == errno.EISDIR:
        return "đã có một thư mục trùng tên với văn bản cần ghi; hãy đổi tên thư mục đó"
    if exc.errno == errno.EBUSY or getattr(exc, "winerror", None) == 32:
        return "tệp đang được mở trong Word; hãy đóng tệp rồi chạy lại (tệp cũ vẫn được giữ nguyên)"
    return f"không ghi được tệp ({exc.strerror or exc}); tệp cũ vẫn được giữ nguyên"


@contextmanager
def build_lock(folder: Path, on_wait: Callable[[], None] | None = None):
    """One build at a time per output folder: two `make documents` at once must not interleave.

    `on_wait` is called once if another build holds the lock, before waiting for it.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / LOCK_NAME, "a+b")
    except OSError as exc:
        raise OutputError(Problem(_shown(folder), _why(exc))) from None
    with handle:
        if not _try_lock(handle):
            if on_wait is not None:
                on_wait()
            _lock(handle)
        try:
            yield
        finally:
            _unlock(handle)


try:
    import fcntl

    def _try_lock(handle) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _lock(handle) -> None:
        fcntl.flock(handle, fcntl.LOCK_EX)

    def _unlock(handle) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)

except ImportError:  # Windows
    import msvcrt
    import time

    def _try_lock(handle) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _lock(handle) -> None:
        while not _try_lock(handle):
            time.sleep(0.2)

    def _unlock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
