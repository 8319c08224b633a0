"""The C library's own functions, for the two calls Python's os module does not offer: syncfs
(write) and mallopt (parallel). Linux only: elsewhere there is no such call to make."""
from __future__ import annotations

import sys
from typing import Callable


def function(name: str) -> Callable[..., int] | None:
    """The C function `name` (errno kept for ctypes.get_errno), or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return getattr(ctypes.CDLL(None, use_errno=True), name)
    except (OSError, AttributeError, TypeError):  # no such function in this C library (musl...)
        return None
