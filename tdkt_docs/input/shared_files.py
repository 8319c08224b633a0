"""Shared parts typed once: a document names the files it takes common values from.

    dung_chung: _co-quan.yaml          # or a list: [_tinh.yaml, _co-quan.yaml]

A shared file holds any top-level values of a document (the issuing body, its signer, its usual
Nơi nhận, the place name...). The document starts from them and its own values win: mappings are
merged key by key (a document may change only `nguoi_ky.ho_ten`), everything else (text, lists) is
replaced whole. With several shared files, a later one wins over an earlier one. A shared file may
itself name shared files. Names are looked up beside the document first, then in each parent
folder, so `data/2027/ke-hoach.yaml` finds `data/_co-quan.yaml`.

Files whose name starts with '_' are not built as documents (pipeline.is_document). Every merged
value keeps the place where it was written, so a problem in a shared value names the shared file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tdkt_docs.errors import InputError, Problem
from tdkt_docs.input.loader import Key, Loaded, dotted, load_yaml

KEY = "dung_chung"


@dataclass
class Document(Loaded):
    """A document's data after its shared files are merged in; `uses` are those files."""

    uses: list[Path] = field(default_factory=list)


def load_document(path: Path | str) -> Document:
    path = Path(path)
    return with_shared(load_yaml(path), path)


def with_shared(loaded: Loaded, path: Path, _chain: tuple[Path, ...] = ()) -> Document:
    data = loaded.data
    if not isinstance(data, dict) or KEY not in data:
        return Document(loaded.data, loaded.file, dict(loaded.where), loaded.text, dict(loaded.spans),
                        notes=list(loaded.notes))
    chain = _chain + (path.resolve(),)
    refs = _references(loaded)
    base_data: dict = {}
    base_where: dict[Key, tuple[str, int, int]] = {}
    uses: list[Path] = []
    notes = list(loaded.notes)
    problems: list[Problem] = []
    for ref, ref_path in refs:
        file, line, col = loaded.locate(ref_path)
        found = find_shared(ref, path.parent)
        if found is None:
            problems.append(Problem(file, f"không tìm thấy tệp dùng chung '{ref}' (đã tìm bên cạnh tệp này và ở "
                                    "các thư mục cha); hãy kiểm tra tên tệp", line, col, dotted(ref_path)))
            continue
        if found.resolve() in chain:
            problems.append(Problem(file, f"tệp dùng chung '{ref}' lại dẫn ngược về tệp này (vòng lặp); "
                                    "hãy bỏ dòng này", line, col, dotted(ref_path)))
            continue
        try:
            shared = with_shared(load_yaml(found), found, chain)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if not isinstance(shared.data, dict):
            problems.append(Problem(shared.file, "tệp dùng chung phải gồm các mục dạng 'ten: giá trị'",
                                    shared.locate(())[1]))
            continue
        if "loai" in shared.data:
            _, sline, scol = shared.locate(("loai",))
            problems.append(Problem(shared.file, "tệp dùng chung không ghi 'loai'; loại văn bản do từng văn bản "
                                    "ghi; hãy xóa dòng này", sline, scol, "loai"))
            continue
        uses.extend(p for p in [found.resolve(), *shared.uses] if p not in uses)
        notes.extend(shared.notes)
        base_data, base_where = merge(base_data, base_where, shared.data, shared.where)
    if problems:
        raise InputError(problems)
    own = {k: v for k, v in data.items() if k != KEY}
    own_where = {p: w for p, w in loaded.where.items() if not (p and p[0] == KEY)}
    merged, where = merge(base_data, base_where, own, own_where)
    # Spans point into this file's text: only the document's own values keep theirs.
    own_spans = {p: s for p, s in loaded.spans.items() if not (p and p[0] == KEY)}
    return Document(merged, loaded.file, where, loaded.text, own_spans, notes=notes, uses=uses)


def _references(loaded: Loaded) -> list[tuple[str, Key]]:
    value = loaded.data[KEY]
    if isinstance(value, str) and value.strip():
        return [(value.strip(), (KEY,))]
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return [(v.strip(), (KEY, i)) for i, v in enumerate(value)]
    file, line, col = loaded.locate((KEY,))
    raise InputError(Problem(file, "cần tên một tệp dùng chung, ví dụ 'dung_chung: _co-quan.yaml', "
                             "hoặc danh sách tệp, mỗi dòng bắt đầu bằng '- '", line, col, KEY))


def find_shared(name: str, folder: Path) -> Path | None:
    candidate = Path(name)
    if candidate.is_absolute():
        return candidate if candidate.is_file() else None
    for parent in [folder.resolve(), *folder.resolve().parents]:
        if (parent / candidate).is_file():
            return parent / candidate
    return None


def merge(base: dict, base_where: dict, over: dict, over_where: dict) -> tuple[dict, dict]:
    """`over` on top of `base`, mappings merged key by key, with the place of every value kept."""
    replaced: set[Key] = set()
    merged = _merged(base, over, (), replaced)
    where: dict[Key, tuple[str, int, int]] = {}
    for path, place in base_where.items():
        if not any(path[:n] in replaced for n in range(1, len(path) + 1)):
            where[path] = place
    where.update(over_where)  # a mapping written in both files is located in the later one
    return merged, where


def _merged(base: dict, over: dict, path: Key, replaced: set[Key]) -> dict:
    # Not nested in merge: a nested function calling itself is a reference cycle (see sheets._walk).
    out = dict(base)
    for key, value in over.items():
        here = path + (key,)
        if isinstance(out.get(key), dict) and isinstance(value, dict):
            out[key] = _merged(out[key], value, here, replaced)
        else:
            out[key] = value
            replaced.add(here)
    return out
