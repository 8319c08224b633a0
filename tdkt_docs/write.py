"""Write output files so that an existing document is only ever replaced by a complete new one.

Each file is written to a temporary file beside it, flushed to disk, then renamed over the old
one: a reader (Word, a sync client) sees the old file or the new one, never half of either.
A build writes its documents in batches (`Batch`), flushed to disk together.
One build at a time writes into an output folder (a lock file in it), so two `make documents`
started together wait for each other instead of interleaving.
"""
from __future__ import annotations

import errno
import functools
import os
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Hashable

from .errors import OutputError, Problem

LOCK_NAME = ".tdkt.lock"


def _shown(path: Path) -> str:
    from .loader import display_path

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
    with Batch() as batch:
        batch.add(None, path, data)
        batch.finish()
    if None in batch.failed:
        raise batch.failed[None]


class _Staged:
    __slots__ = ("path", "tmp", "handle")

    def __init__(self, path: Path, tmp: str, handle):
        self.path, self.tmp, self.handle = path, tmp, handle

    def discard(self) -> None:
        try:
            self.handle.close()
        except OSError:
            pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


class Batch:
    """Several files written together, each replaced whole or not at all.

    Every file goes to a temporary file beside it; then all of them are flushed to disk; then each
    is renamed over its old version. Flushing a whole batch at once costs the disk about what
    flushing one file does, where one flush per file made the disk the limit of a large build.

    Files are added under a key (one job's documents): if one of them cannot be written or flushed,
    none of that key's files replaces anything, and `failed[key]` says why. Leaving the `with`
    block early (an error, Ctrl+C) removes every temporary file not yet renamed.
    """

    def __init__(self) -> None:
        self._staged: dict[Hashable, list[_Staged]] = {}
        self.failed: dict[Hashable, OutputError] = {}
        self.written: dict[Hashable, list[Path]] = {}
        self._flusher: threading.Thread | None = None
        self._flushed = False  # the whole-disk flush ran and reported no error

    def __enter__(self) -> "Batch":
        return self

    def __exit__(self, *exc) -> None:
        self.discard()

    def discard(self) -> None:
        """Remove every temporary file not yet renamed (after an error, Ctrl+C, a build stopped)."""
        self._join_flusher()
        for files in self._staged.values():
            for staged in files:
                staged.discard()
        self._staged.clear()

    def add(self, key: Hashable, path: Path, data: bytes) -> None:
        if key in self.failed:
            return
        try:
            staged = _stage(Path(path), data)
        except OutputError as exc:
            self._fail(key, exc)
            return
        self._staged.setdefault(key, []).append(staged)

    def start_flush(self) -> None:
        """Start writing the files added so far to disk in a second thread, so that the caller can
        go on (making the next documents) meanwhile; finish() waits for it. Linux only: elsewhere
        finish() flushes each file itself."""
        flush = self._whole_disk_flush()
        if flush is not None and self._flusher is None:
            # One system call that lets go of the interpreter until the disk has the data: the
            # thread never competes with the caller for it in between.
            self._flusher = threading.Thread(target=flush, name="tdkt-ghi-dia")
            self._flusher.start()

    def _whole_disk_flush(self) -> Callable[[], Any] | None:
        # One writeback of the whole disk (Linux syncfs) instead of one per file.
        everything = [s for files in self._staged.values() for s in files]
        syncfs = _syncfs()
        if len(everything) < 2 or syncfs is None:
            return None
        return functools.partial(self._syncfs, syncfs, everything[0].handle.fileno())

    def _syncfs(self, syncfs: Callable[[int], int], fd: int) -> None:
        self._flushed = syncfs(fd) == 0 and _syncfs_reports_errors()

    def _join_flusher(self) -> bool:
        if self._flusher is None:
            return False
        self._flusher.join()
        self._flusher = None
        return True

    def finish(self) -> None:
        """Flush every file to disk, then put each in place; `failed` and `written` say how it went."""
        if not self._join_flusher():
            flush = self._whole_disk_flush()
            if flush is not None:
                flush()
        # After a whole-disk flush that reported no error every file is on disk: an fsync per file
        # would only ask the disk to empty its cache once more for each. Otherwise each file is
        # flushed on its own, which also tells which file could not be written.
        each = not self._flushed
        for key, files in list(self._staged.items()):
            for staged in files:
                try:
                    if each:
                        os.fsync(staged.handle.fileno())
                    staged.handle.close()
                except OSError as exc:
                    self._fail(key, OutputError(Problem(_shown(staged.path), _why(exc))))
                    break
        folders: dict[Path, None] = {}
        for key, files in list(self._staged.items()):
            while files:
                staged = files[0]
                try:
                    os.chmod(staged.tmp, _mode_of(staged.path))
                    os.replace(staged.tmp, staged.path)
                except OSError as exc:
                    self._fail(key, OutputError(Problem(_shown(staged.path), _why(exc))))
                    break
                files.pop(0)
                self.written.setdefault(key, []).append(staged.path)
                folders[staged.path.parent] = None
            self._staged.pop(key, None)
        for folder in folders:
            _sync_folder(folder)

    def _fail(self, key: Hashable, exc: OutputError) -> None:
        self.failed.setdefault(key, exc)
        for staged in self._staged.pop(key, []):
            staged.discard()


def _stage(path: Path, data: bytes) -> _Staged:
    """`data` in a temporary file beside `path`, written but not yet flushed to disk."""
    if path.is_dir():
        raise OutputError(Problem(_shown(path),
                                  "đã có một thư mục trùng tên với văn bản cần ghi; hãy đổi tên thư mục đó"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(Problem(_shown(path), _why(exc))) from None
    try:
        handle = os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        os.unlink(tmp)
        raise
    staged = _Staged(path, tmp, handle)
    try:
        handle.write(data)
        handle.flush()
    except BaseException as exc:  # also Ctrl+C: never leave the temporary file behind
        staged.discard()
        if isinstance(exc, OSError):
            raise OutputError(Problem(_shown(path), _why(exc))) from None
        raise
    return staged


@functools.lru_cache(maxsize=1)
def _syncfs():
    from .libc import function

    return function("syncfs")


@functools.lru_cache(maxsize=1)
def _syncfs_reports_errors() -> bool:
    """Whether a failed write-back makes syncfs fail: Linux 5.8 and later. Before that syncfs
    returned 0 whatever happened, and only an fsync per file could tell."""
    try:
        major, minor = (int(part) for part in os.uname().release.split(".")[:2])
    except (AttributeError, ValueError):
        return False
    return (major, minor) >= (5, 8)


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
