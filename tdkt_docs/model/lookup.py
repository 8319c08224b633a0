"""Where a path of the YAML lands in the schema: the models and fields it may name, their shape and
an example line, for the messages of validate.py."""
from __future__ import annotations

import json
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from tdkt_docs.model import Base


def models_in(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in typing.get_args(annotation):
        found.extend(models_in(arg))
    return found


def field_models(field: FieldInfo) -> list[type[BaseModel]]:
    found = models_in(field.annotation)
    for meta in field.metadata:
        found.extend(models_in(meta))
    return found


def models_at(model: type[BaseModel], loc: tuple) -> list[type[BaseModel]]:
    """The models that describe the mapping at `loc`."""
    current: list[type[BaseModel]] = [model]
    for part in loc:
        if isinstance(part, int):
            continue
        nxt: list[type[BaseModel]] = []
        for m in current:
            field = m.model_fields.get(part)
            if field is not None:
                nxt.extend(field_models(field))
        current = nxt
        if not current:
            return []
    return current


def fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the model at `loc`, so an unknown key can be matched to a real one."""
    names: list[str] = []
    for m in models_at(model, loc):
        names.extend(n for n in m.model_fields if n not in names)
    return names


def field_info(model: type[BaseModel], loc: tuple) -> FieldInfo | None:
    """The schema's description of the field at `loc` (the last key in it), if there is one."""
    keys = [p for p in loc if not isinstance(p, int)]
    if not keys:
        return None
    parent = loc[:max(i for i, p in enumerate(loc) if p == keys[-1] and not isinstance(p, int))]
    for m in models_at(model, parent):
        if keys[-1] in m.model_fields:
            return m.model_fields[keys[-1]]
    return None


def unwrap(annotation: Any) -> Any:
    """The first non-empty type of an optional or union annotation, without its metadata."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = [a for a in typing.get_args(annotation) if a is not type(None)][0]
        else:
            return annotation


def shape_of(field: FieldInfo) -> str:
    """'muc' for a mapping of sub-fields, 'danh_sach' for a list, 'chu' for a single value."""
    first = unwrap(field.annotation)
    if typing.get_origin(first) is list:
        return "danh_sach"
    if isinstance(first, type) and issubclass(first, Base):
        return "muc"
    return "chu"


def yaml_value(value: Any) -> str:
    """A value as a clerk would type it after 'key: '."""
    if isinstance(value, str):
        if "\n" in value or ": " in value or value[:1] in "-*&!|>'\"%@`#{[" or value != value.strip():
            return json.dumps(value, ensure_ascii=False)
        return value
    return json.dumps(value, ensure_ascii=False)


def example_line(key: str, field: FieldInfo | None) -> str | None:
    if field is None or not field.examples:
        return None
    example = field.examples[0]
    if isinstance(example, (dict, list)):
        return None
    return f"{key}: {yaml_value(example)}"


def about(field: FieldInfo | None) -> str:
    if field is None or not field.description:
        return ""
    return f" ({field.description.rstrip('.')})"
