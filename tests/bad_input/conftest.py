"""Fixtures of the bad-input suite; the helpers live in badinput.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from badinput import Workspace


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.chdir(tmp_path)
    return Workspace(tmp_path)
