"""Templates compiled once per change, not once per run: the Jinja code of each part of a template
is kept in the user's cache folder, under a hash of the part's bytes.

Compiling a template (docxtpl's preprocessing, then Jinja) takes about 10 ms; a clerk who runs
`make documents` for three documents pays it for every template on every run. The key also holds
what shapes the compiled code besides the part: the renderer's own source, the Jinja and docxtpl
versions and the Python version, so an upgrade never reuses old code. A file that cannot be read
back is compiled again; a folder that cannot be written is simply not used.

The folder is $TDKT_CACHE_DIR when set (empty: no cache), else the usual cache folder of the
system (~/.cache/tdkt-docs on Linux). What is in it runs as code when a document is rendered, as
Python's own .pyc files do: it must be writable by its user only, which the usual folder is.
"""
from __future__ import annotations

import functools
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

_KIND = "mau-v1"


@functools.lru_cache(maxsize=1)
def folder() -> Path | None:
    given = os.environ.get("TDKT_CACHE_DIR")
    if given is not None:
        return Path(given) / _KIND if given else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        root = Path(base) if base else Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Caches"
    else:
        base = os.environ.get("XDG_CACHE_HOME")
        root = Path(base) if base else Path.home() / ".cache"
    return root / "tdkt-docs" / _KIND


@functools.lru_cache(maxsize=1)
def _salt() -> bytes:
    from .versions import installed

    digest = hashlib.sha256(sys.version.encode())
    digest.update((Path(__file__).parent / "render.py").read_bytes())
    for name in ("jinja2", "docxtpl"):
        digest.update(f"{name}={installed(name, name)}".encode())
    return digest.digest()


def _file(part: str, data: bytes) -> Path | None:
    where = folder()
    if where is None:
        return None
    key = hashlib.sha256(_salt() + part.encode() + b"\0" + data).hexdigest()
    return where / f"{key}.bin"


def load(part: str, data: bytes) -> tuple[str, str, str, Any] | None:
    """(prefix, Jinja source, suffix, code) compiled earlier from these bytes, or None."""
    path = _file(part, data)
    if path is None:
        return None
    try:
        value = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if isinstance(value, tuple) and len(value) == 4 and all(isinstance(v, str) for v in value[:3]):
        return value
    return None


def save(part: str, data: bytes, value: tuple[str, str, str, Any]) -> None:
    path = _file(part, data)
    if path is None:
        return
    from .errors import OutputError
    from .write import atomic_write

    try:
        atomic_write(path, marshal.dumps(value))
    except OutputError:
        pass  # a cache only: the next run compiles again
