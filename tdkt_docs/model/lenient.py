"""Read a clerk's plain sentence the way it was meant.

In YAML a line such as `- Sở Nội vụ ban hành Kế hoạch như sau:` is a mapping with one key and no
value, not the sentence the clerk typed. Schema keys never contain spaces, so a one-key mapping whose
key has a space and whose value is empty is taken back as the text `key:`. (With a value after the
colon the intent is less certain, and validation asks the clerk to quote the line instead.)
"""
from __future__ import annotations

from typing import Any


def as_typed(data: Any) -> Any:
    if isinstance(data, list):
        return [as_typed(item) for item in data]
    if isinstance(data, dict):
        if len(data) == 1:
            (key, value), = data.items()
            if isinstance(key, str) and " " in key.strip() and value is None:
                return f"{key}:"
        return {key: as_typed(value) for key, value in data.items()}
    return data
