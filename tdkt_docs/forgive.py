"""Read a clerk's plain sentence the way it was meant.

In YAML a line such as `- Sở Nội vụ ban hành Kế hoạch như sau:` is a mapping with one key and no
value, not the sentence the clerk typed. Schema keys never contain spaces, so a one-key mapping whose
key has a space and whose value is empty or a plain value is taken back as the text `key: value`.
"""
from __future__ import annotations

from typing import Any


def as_typed(data: Any) -> Any:
    if isinstance(data, list):
        return [as_typed(item) for item in data]
    if isinstance(data, dict):
        if len(data) == 1:
            (key, value), = data.items()
            if isinstance(key, str) and " " in key.strip() and (value is None or isinstance(value, (str, int, float))):
                return f"{key}:" if value is None else f"{key}: {value}"
        return {key: as_typed(value) for key, value in data.items()}
    return data
