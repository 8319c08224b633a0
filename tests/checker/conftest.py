from __future__ import annotations

import pytest

from checker_corpus import HERE, render


@pytest.fixture(scope="session")
def good_docx() -> bytes:
    """A kế hoạch rendered by the pipeline that breaks no rule."""
    return render(HERE / "data" / "ke-hoach-sach.yaml")
