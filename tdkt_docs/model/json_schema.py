"""JSON Schemas of the YAML a clerk writes, for editors: one file per document kind
(`<loai>.schema.json`) and one for shared files (`dung_chung.schema.json`).

With the first line `# yaml-language-server: $schema=<path to the file>` in a YAML file, VS Code
with the YAML extension completes keys, shows each field's Vietnamese description and examples,
and underlines mistakes while the clerk types. The schemas follow draft-07, the version that
extension implements; they are made from the pydantic models, so they cannot drift from what the
program accepts (a test compares the committed files with a fresh generation).

What the program accepts and a schema has to spell out:
- a document that names shared files (`dung_chung:`) may leave out any field those files give,
  and may give only part of a mapping (`nguoi_ky: {ho_ten: ...}`): required fields are enforced
  only when there is no `dung_chung`;
- numbers are accepted where text is expected; dates are text (2026-01-05, 05/01/2026, 2026-03)
  or a bare year.
"""
from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from tdkt_docs.model import KINDS

DRAFT = "http://json-schema.org/draft-07/schema#"
SHARED = "dung_chung"
# Package data, so that an installed copy (pip, pipx, a wheel) points editors at schemas it carries.
FOLDER = Path(__file__).resolve().parent.parent / "schemas"
_NAMES = {"ke_hoach": "Kế hoạch"}

DUNG_CHUNG_PROPERTY = {
    "description": "Tệp dùng chung (cơ quan, người ký, Nơi nhận... gõ một lần cho mọi văn bản): tên một tệp, "
                   "hoặc danh sách tệp. Tìm bên cạnh tệp này rồi ở các thư mục cha. Giá trị ghi trong văn bản "
                   "được ưu tiên hơn giá trị trong tệp dùng chung.",
    "examples": ["_co-quan.yaml", ["_tinh.yaml", "_co-quan.yaml"]],
    "anyOf": [
        {"type": "string", "pattern": r"\S"},
        {"type": "array", "items": {"type": "string", "pattern": r"\S"}, "minItems": 1},
    ],
}


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def modeline(kind: str, yaml_path: Path) -> str:
    """The first line that links a YAML file to its schema, relative to the file's folder."""
    target = FOLDER / file_name(kind)
    try:
        link = Path(os.path.relpath(target, Path(yaml_path).resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        link = target.as_uri()
    return f"# yaml-language-server: $schema={link}"


def schemas() -> dict[str, dict]:
    """File name → schema, for every kind in model.KINDS and for shared files."""
    from pydantic.json_schema import models_json_schema

    models: list[tuple[type[BaseModel], str]] = [(m, "validation") for m in KINDS.values()]
    _, top = models_json_schema(models, ref_template="#/definitions/{model}")
    definitions: dict[str, Any] = _tidy(top.get("$defs", {}))
    roots = {kind: definitions[model.__name__] for kind, model in KINDS.items()}
    mapping_defs = set()
    for root in roots.values():
        for prop in root.get("properties", {}).values():
            _collect_mapping_defs(prop, definitions, mapping_defs)
    relaxed = {name: _without_required(d) if name in mapping_defs else d for name, d in definitions.items()}
    out = {file_name(kind): _kind_schema(kind, roots[kind], definitions, relaxed) for kind in KINDS}
    out[file_name(SHARED)] = _shared_schema(roots, relaxed)
    return out


def _kind_schema(kind: str, root: dict, definitions: dict, relaxed: dict) -> dict:
    properties = _ordered(root.get("properties", {}))
    properties[SHARED] = copy.deepcopy(DUNG_CHUNG_PROPERTY)
    full = {"required": [r for r in root.get("required", []) if r != "loai"]}
    nested = {name: n for name, prop in root.get("properties", {}).items()
              if (n := _nested_required(prop, definitions, set()))}
    if nested:
        full["properties"] = nested
    schema = {
        "$schema": DRAFT,
        "title": f"{_NAMES.get(kind, kind)} (loai: {kind})",
        "description": f"Nội dung một văn bản loại '{kind}' cho tdkt. Các mục bắt buộc có thể lấy từ "
                       "tệp dùng chung (dung_chung).",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "required": ["loai"],
        # Without shared files every required field must be in the document itself.
        "if": {"required": [SHARED]},
        "else": full,
    }
    schema["definitions"] = _used_definitions(schema, relaxed)
    return schema


def _shared_schema(roots: dict, relaxed: dict) -> dict:
    """A shared file may hold any field of any kind; a field that differs between kinds takes any of them."""
    shared_props: dict[str, Any] = {}
    for root in roots.values():
        for name, prop in root.get("properties", {}).items():
            if name == "loai":
                continue
            if name not in shared_props:
                shared_props[name] = prop
            elif shared_props[name] != prop:
                variants = shared_props[name].get("anyOf") if "_variants" in shared_props[name] else [shared_props[name]]
                if prop not in variants:
                    variants.append(prop)
                examples = [e for v in variants for e in v.get("examples", [])]
                shared_props[name] = {"description": variants[0].get("description", ""), "anyOf": variants,
                                      "_variants": True, **({"examples": examples} if examples else {})}
    for prop in shared_props.values():
        prop.pop("_variants", None)
    shared_props[SHARED] = copy.deepcopy(DUNG_CHUNG_PROPERTY)
    shared = {
        "$schema": DRAFT,
        "title": "Phần dùng chung của các văn bản (tệp _....yaml)",
        "description": "Các giá trị dùng chung cho nhiều văn bản (cơ quan, người ký, địa danh, Nơi nhận...). "
                       "Văn bản dùng tệp này bằng dòng 'dung_chung: <tên tệp>'. Không ghi 'loai'.",
        "type": "object",
        "properties": shared_props,
        "additionalProperties": False,
    }
    shared["definitions"] = _used_definitions(shared, relaxed)
    return shared


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_all(folder: Path) -> list[Path]:
    from tdkt_docs.output.write import atomic_write

    written = []
    for name, schema in schemas().items():
        target = Path(folder) / name
        data = render(schema).encode("utf-8")
        try:
            same = target.read_bytes() == data
        except OSError:
            same = False
        if not same:
            atomic_write(target, data)
        written.append(target)
    return written


# --- Shaping pydantic's output for draft-07 editors ----------------------------------------------

def _tidy(node: Any, parent_key: str | None = None) -> Any:
    """Drop pydantic's English titles; keep `$ref` alone in its object as draft-07 requires."""
    if isinstance(node, list):
        return [_tidy(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "title" and isinstance(value, str) and parent_key != "properties":
            continue
        if key == "default" and value is None and parent_key != "properties":
            continue  # an editor would insert 'null'; an absent key says the same
        out[key] = _tidy(value, key) if key != "examples" and key != "default" else value
    if "$ref" in out and len(out) > 1 and parent_key != "properties":
        ref = out.pop("$ref")
        out = {"allOf": [{"$ref": ref}], **out}
    return out


def _ordered(properties: dict) -> dict:
    first = [k for k in ("loai",) if k in properties]
    return {k: copy.deepcopy(properties[k]) for k in first + [k for k in properties if k not in first]}


def _object_def(prop: dict, definitions: dict) -> str | None:
    """The definition a property's value is a mapping of (through allOf/anyOf with null), if any."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        d = definitions.get(name, {})
        return name if d.get("type") == "object" and "properties" in d else None
    for key in ("allOf", "anyOf"):
        options = [o for o in prop.get(key, []) if o.get("type") != "null"]
        if len(options) == 1:
            return _object_def(options[0], definitions)
    return None


def _collect_mapping_defs(prop: dict, definitions: dict, found: set) -> None:
    name = _object_def(prop, definitions)
    if name is None or name in found:
        return
    found.add(name)
    for sub in definitions[name].get("properties", {}).values():
        _collect_mapping_defs(sub, definitions, found)


def _nested_required(prop: dict, definitions: dict, seen: set) -> dict | None:
    name = _object_def(prop, definitions)
    if name is None or name in seen:
        return None
    target = definitions[name]
    out: dict[str, Any] = {}
    if target.get("required"):
        out["required"] = list(target["required"])
    nested = {k: n for k, sub in target.get("properties", {}).items()
              if (n := _nested_required(sub, definitions, seen | {name}))}
    if nested:
        out["properties"] = nested
    return out or None


def _without_required(definition: dict) -> dict:
    return {k: v for k, v in definition.items() if k != "required"}


def _used_definitions(schema: dict, definitions: dict) -> dict:
    used: dict[str, Any] = {}
    todo = [schema]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/definitions/"):
                name = ref.rsplit("/", 1)[-1]
                if name not in used:
                    used[name] = definitions[name]
                    todo.append(definitions[name])
            todo.extend(v for k, v in node.items() if k not in ("examples", "default"))
        elif isinstance(node, list):
            todo.extend(node)
    return dict(sorted(used.items()))
