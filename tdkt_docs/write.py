"""Write output files so that an existing document is only ever replaced by a complete new one."""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError, Problem


def safe_join(root: Path, relative: str) -> Path:
    """`root/relative`, refusing any name that would land outside `root`."""
    root = root.resolve()
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise OutputError(Problem(relative, f"tên tệp kết quả nằm ngoài thư mục {root}; hãy đổi tên tệp"))
    return target


def atomic_write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(Problem(str(path), _why(exc))) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(Problem(str(path), _why(exc))) from None


def _why(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "không ghi được vào thư mục kết quả (không có quyền ghi hoặc chỉ đọc); hãy chọn thư mục khác bằng -o"
    if exc.errno == errno.ENOSPC:
        return "ổ đĩa đã đầy; hãy giải phóng dung lượng rồi chạy lại (tệp cũ vẫn được giữ nguyên)"
    if exc.errno == errno.ENAMETOOLONG:
        return "tên tệp quá dài; hãy đặt tên tệp YAML ngắn hơn"
    return f"không ghi được tệp: {exc.strerror}"


@contextmanager
def build_lock(folder: Path):
    """One build at a time per output folder: two `make documents` at once must not interleave."""
    import fcntl

    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / ".tdkt.lock", "w")
    except OSError as exc:
        raise OutputError(Problem(str(folder), _why(exc))) from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
