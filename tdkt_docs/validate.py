"""Check loaded data against the schema; report every problem at once, in Vietnamese, with its line."""
from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import InputError, Problem
from .loader import Loaded, dotted
from .models import KINDS, PREFIXES

# Discriminator tags pydantic puts in error locations; they are not keys the clerk wrote.
_TAGS = {"chu", "muc"}


def kind_of(loaded: Loaded) -> str:
    data = loaded.data
    if not isinstance(data, dict):
        found = "một danh sách" if isinstance(data, list) else "một giá trị đơn"
        raise InputError(Problem(loaded.file, f"tệp phải gồm các mục dạng 'ten: giá trị', nhưng lại là {found}",
                                 line=loaded.locate(())[1]))
    kind = data.get("loai")
    if kind is None:
        raise InputError(Problem(loaded.file, "thiếu 'loai' (loại văn bản); hãy thêm dòng đầu tiên, ví dụ "
                                 f"'loai: ke_hoach'. Các loại: {', '.join(KINDS)}", line=1, field="loai"))
    if kind not in KINDS:
        hint = _nearest(str(kind), list(KINDS))
        _, line, col = loaded.locate(("loai",))
        raise InputError(Problem(loaded.file, f"loại văn bản '{kind}' không có{hint}; các loại: {', '.join(KINDS)}",
                                 line=line, col=col, field="loai"))
    return kind


def validate(loaded: Loaded, model: type[BaseModel] | None = None) -> tuple[BaseModel, list[Problem]]:
    """The validated document and its warnings; raises InputError listing every error."""
    if model is None:
        model = KINDS[kind_of(loaded)]
    from .forgive import as_typed

    try:
        doc = model.model_validate(as_typed(loaded.data))
    except ValidationError as exc:
        errors = _explained_missing(exc.errors(), model)
        problems = [_problem(loaded, model, err) for err in errors]
        raise InputError(_dedupe(problems)) from None
    return doc, lint(doc, loaded)


def _explained_missing(errors: list[dict], model: type[BaseModel]) -> list[dict]:
    """A misspelled key also makes the real one 'missing': say it once, at the misspelling."""
    def clean(loc):
        return tuple(part for part in loc if part not in _TAGS)

    extras = {clean(e["loc"]) for e in errors if e["type"] == "extra_forbidden"}
    explained = set()
    for loc in extras:
        allowed = _fields_at(model, loc[:-1])
        hint = _nearest(str(loc[-1]), allowed)
        if hint:
            explained.add(loc[:-1] + (hint.split("'")[1],))
    return [e for e in errors if not (e["type"] == "missing" and clean(e["loc"]) in explained)]


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in sorted(problems, key=lambda p: (p.line or 0, p.col or 0)):
        key = (p.line, p.field, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _problem(loaded: Loaded, model: type[BaseModel], err: dict) -> Problem:
    loc = tuple(part for part in err["loc"] if part not in _TAGS)
    kind = err["type"]
    if kind == "missing":
        file, line, col = loaded.locate(loc[:-1])
        key = loc[-1]
        return Problem(file, f"thiếu thông tin bắt buộc; hãy thêm '{key}: ...'", line, col, dotted(loc))
    file, line, col = loaded.locate(loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _fields_at(model, loc[:-1])
        hint = _nearest(key, allowed)
        if not hint and allowed:
            hint = "; các mục được dùng ở đây: " + ", ".join(allowed)
        return Problem(file, f"'{key}' không có trong mẫu{hint}", line, col, dotted(loc))
    return Problem(file, _message(err), line, col, dotted(loc) or None)


def _nearest(word: str, choices: list[str]) -> str:
    # Clerks type Vietnamese diacritics into keys ('noi_nhân'); compare without them too.
    from unicodedata import normalize

    def plain(s: str) -> str:
        return normalize("NFD", s).encode("ascii", "ignore").decode().replace("đ", "d").lower()

    by_plain = {plain(c): c for c in choices}
    best = difflib.get_close_matches(plain(word.replace("Đ", "D").replace("đ", "d")), list(by_plain), n=1, cutoff=0.6)
    return f"; có phải '{by_plain[best[0]]}'?" if best else ""


def _message(err: dict) -> str:
    kind, ctx, given = err["type"], err.get("ctx") or {}, err.get("input")
    if given is None and kind.endswith("_type"):
        return "đang để trống; hãy điền nội dung"
    if kind in {"string_type"}:
        return "cần một đoạn chữ" + _given(given)
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return "cần một số nguyên, ví dụ 5" + _given(given)
    if kind in {"float_type", "float_parsing"}:
        return "cần một số, ví dụ 2,5 viết là 2.5" + _given(given)
    if kind in {"bool_type", "bool_parsing"}:
        return "cần true (có) hoặc false (không)" + _given(given)
    if kind == "list_type":
        return "cần một danh sách, mỗi phần tử một dòng bắt đầu bằng '- '" + _given(given)
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return "cần các mục con dạng 'ten: giá trị'" + _given(given)
    if kind == "literal_error":
        return f"giá trị '{given}' không hợp lệ; chọn một trong: {ctx.get('expected', '')}".replace("'", "'")
    if kind in {"greater_than_equal", "greater_than"}:
        return f"phải từ {ctx.get('ge', ctx.get('gt'))} trở lên" + _given(given)
    if kind in {"less_than_equal", "less_than"}:
        return f"không được lớn hơn {ctx.get('le', ctx.get('lt'))}" + _given(given)
    if kind == "too_short":
        return "danh sách đang rỗng; cần ít nhất một dòng"
    if kind == "string_too_short":
        return "đang để trống; hãy điền nội dung"
    if kind == "union_tag_invalid":
        return "cần một đoạn chữ hoặc một mục con"
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        return "ngày không hợp lệ; viết 2026-01-05"
    msg = err.get("msg", "")
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    return msg


def _given(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return ""
    text = str(value)
    return f" (đang ghi: {text[:40]}{'…' if len(text) > 40 else ''})"


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in typing.get_args(annotation):
        found.extend(_models_in(arg))
    return found


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the model at `loc`, so an unknown key can be matched to a real one."""
    current: list[type[BaseModel]] = [model]
    for part in loc:
        if isinstance(part, int):
            continue
        nxt: list[type[BaseModel]] = []
        for m in current:
            field = m.model_fields.get(part)
            if field is not None:
                nxt.extend(_models_in(field.annotation))
                for meta in field.metadata:
                    nxt.extend(_models_in(meta))
        current = nxt
        if not current:
            return []
    names: list[str] = []
    for m in current:
        names.extend(n for n in m.model_fields if n not in names)
    return names


def lint(doc: BaseModel, loaded: Loaded) -> list[Problem]:
    """Warnings: the document can be built, but a văn thư would likely send it back."""
    warnings: list[Problem] = []
    nguoi_ky = getattr(doc, "nguoi_ky", None)
    if nguoi_ky is not None:
        for i, line in enumerate(nguoi_ky.quyen_han_lines):
            if not line.upper().startswith(PREFIXES):
                path = ("nguoi_ky", "quyen_han") + ((i,) if isinstance(nguoi_ky.quyen_han, list) else ())
                file, ln, col = loaded.locate(path)
                warnings.append(Problem(
                    file, f"'{line}' không bắt đầu bằng TM., KT., Q., TL. hoặc TUQ. (Điều 13 Nghị định 30)",
                    ln, col, dotted(path), severity="warning"))
    noi_nhan = getattr(doc, "noi_nhan", None)
    if noi_nhan and not noi_nhan[-1].lstrip("- ").startswith("Lưu") and noi_nhan[-1].strip() not in {"...", "…"}:
        path = ("noi_nhan", len(noi_nhan) - 1)
        file, ln, col = loaded.locate(path)
        warnings.append(Problem(file, "dòng cuối của Nơi nhận nên là 'Lưu: VT, ...' (Nghị định 30, Phụ lục I)",
                                ln, col, dotted(path), severity="warning"))
    return warnings


