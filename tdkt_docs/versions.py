"""Versions of the installed libraries, for the keys of the two caches (compiled templates, and
documents left unchanged).

importlib.metadata looks through every folder of sys.path and parses a METADATA file for each
question: 11 ms a library in every process, paid even by a `make documents` with nothing to do.
pip names the folder it installs a library's records in `<name>-<version>.dist-info`, beside the
library itself: one listing of that folder answers for every library in it. A library installed
some other way is asked about through importlib.metadata, as before.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re
from pathlib import Path


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@functools.lru_cache(maxsize=None)
def _records(folder: str) -> dict[str, str]:
    try:
        names = os.listdir(folder)
    except OSError:
        return {}
    found = {}
    for name in names:
        if name.endswith(".dist-info"):
            project, _, version = name[: -len(".dist-info")].partition("-")
            if version:
                found[_normal(project)] = version
    return found


@functools.lru_cache(maxsize=None)
def installed(distribution: str, module: str) -> str:
    """The version of `distribution` (as pip knows it: "python-docx"), whose code is `module`
    ("docx"); "-" when it is not installed."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin:
        origin = Path(spec.origin)
        # A package's __init__.py sits one folder deeper than a single-file module.
        folder = origin.parent.parent if origin.name == "__init__.py" else origin.parent
        version = _records(str(folder)).get(_normal(distribution))
        if version:
            return version
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "-"
