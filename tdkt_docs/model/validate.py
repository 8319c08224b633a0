"""Check loaded data against the schema; report every problem at once, in Vietnamese, with its line.

Each message names what is wrong and what to type instead, in the words of the clerk who reads it:
a misspelled key gets the nearest real one, a missing field gets the line to add (with an example
taken from the schema), a value of the wrong shape says which shape YAML saw and how to fix it.
"""
from __future__ import annotations

import difflib
import json
import re
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from tdkt_docs.errors import InputError, Problem
from tdkt_docs.input.loader import Loaded, dotted
from tdkt_docs.model import KINDS, PREFIXES, can_cu
from tdkt_docs.model.header_rules import chu_quan_warnings
from tdkt_docs.model.lookup import about, example_line, field_models, fields_at, field_info, shape_of

# Discriminator tags pydantic puts in error locations; they are not keys the clerk wrote.
_TAGS = {"chu", "muc"}
# Errors that say "this value has the wrong shape"; a union reports one per branch.
_TYPE_ERRORS = {"string_type", "list_type", "int_type", "int_parsing", "int_from_float", "float_type",
                "float_parsing", "bool_type", "bool_parsing", "model_type", "dict_type",
                "model_attributes_type"}
_SHAPE_NOUN = {
    "string_type": "một đoạn chữ",
    "list_type": "một danh sách (mỗi dòng bắt đầu bằng '- ')",
    "int_type": "một số nguyên", "int_parsing": "một số nguyên", "int_from_float": "một số nguyên",
    "float_type": "một số", "float_parsing": "một số",
    "bool_type": "true hoặc false", "bool_parsing": "true hoặc false",
    "model_type": "các mục con dạng 'ten: giá trị'", "dict_type": "các mục con dạng 'ten: giá trị'",
    "model_attributes_type": "các mục con dạng 'ten: giá trị'",
}
# Keys of our schema are plain ASCII Vietnamese; anything else in key position is text that a ':'
# turned into a key.
_KEY_LIKE = re.compile(r"^[a-z][a-z0-9_]*$")


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
    if not isinstance(kind, str) or kind not in KINDS:
        hint = _nearest(str(kind), list(KINDS))
        _, line, col = loaded.locate(("loai",))
        raise InputError(Problem(loaded.file, f"loại văn bản '{kind}' không có{hint}; các loại: {', '.join(KINDS)}",
                                 line=line, col=col, field="loai"))
    return kind


def validate(loaded: Loaded, model: type[BaseModel] | None = None) -> tuple[BaseModel, list[Problem]]:
    """The validated document and its warnings; raises InputError listing every error."""
    if model is None:
        model = KINDS[kind_of(loaded)]
    from tdkt_docs.model.lenient import as_typed

    try:
        doc = model.model_validate(as_typed(loaded.data))
    except ValidationError as exc:
        raise InputError(problems_of(loaded, model, exc.errors())) from None
    found = lint(doc, loaded)
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return doc, found


def problems_of(loaded: Loaded, model: type[BaseModel], errors: list[dict]) -> list[Problem]:
    """Pydantic's errors as the clerk's problems: one per place, sorted by line."""
    groups: dict[tuple, list[dict]] = {}
    for err in errors:
        loc = _clean_loc(loaded.data, err["loc"], keep_last=err["type"] == "missing")
        groups.setdefault((loc, err["type"] == "missing"), []).append(err)
    # A mapping given where a switch (`quyet_dinh: false`) or a block is allowed was meant as the block:
    # what is wrong inside it is the clerk's problem, not that it is not `false`.
    deeper = {loc for (loc, _) in groups}
    groups = {k: v for k, v in groups.items()
              if not (all(e["type"] == "literal_error" for e in v)
                      and any(d[:len(k[0])] == k[0] and len(d) > len(k[0]) for d in deeper))}
    misspelt = _misspelt_keys(loaded, model, groups)
    problems = []
    for (loc, missing), errs in groups.items():
        if missing:
            if (loc[:-1], loc[-1]) in misspelt:
                continue  # the unknown key's message already names this one
            problems.append(_missing(loaded, model, loc))
        elif errs[0]["type"] == "extra_forbidden":
            problems.append(_extra(loaded, model, loc, errs[0]["input"]))
        else:
            problems.append(_wrong(loaded, model, loc, errs))
    return _dedupe(problems)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in sorted(problems, key=lambda p: (p.file, p.line or 0, p.col or 0)):
        key = (p.file, p.line, p.field, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _clean_loc(data: Any, loc: tuple, keep_last: bool) -> tuple:
    """The error's place as keys and indexes of the data, without pydantic's union branch labels."""
    out: list = []
    current = data
    for i, part in enumerate(loc):
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            out.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            out.append(part)
            current = current[part]
        elif i == len(loc) - 1 and keep_last and part not in _TAGS:
            out.append(part)
    return tuple(out)


def _value_at(data: Any, loc: tuple) -> Any:
    for part in loc:
        data = data[part]
    return data


# --- Messages -----------------------------------------------------------------------------------

def _missing(loaded: Loaded, model: type[BaseModel], loc: tuple) -> Problem:
    key, parent = str(loc[-1]), loc[:-1]
    file, line, col = _missing_place(loaded, parent)
    field = field_info(model, loc)
    inside = f" trong mục '{dotted(parent)}'" if parent else ""
    shape = shape_of(field) if field is not None else "chu"
    # A value written on one line when it may be ("bat_dau: 2026-01-08 14:00"): the simplest advice.
    if shape == "muc" and example_line(key, field):
        shape = "chu"
    if shape == "muc":
        required = [n for m in field_models(field) for n, f in m.model_fields.items() if f.is_required()]
        todo = f"hãy thêm mục '{key}:'{inside}{about(field)}"
        if required:
            todo += ", bên dưới thụt vào 2 dấu cách các dòng " + ", ".join(f"'{n}: ...'" for n in required)
    elif shape == "danh_sach":
        todo = (f"hãy thêm mục '{key}:'{inside}{about(field)}, bên dưới mỗi dòng một ý, "
                "bắt đầu bằng '- '")
    else:
        # The example is another unit's (a name, a place): the clerk writes their own, and is told so.
        example = example_line(key, field)
        todo = f"hãy thêm dòng '{key}: ...'{inside}{about(field)}"
        if example:
            todo += f", ghi theo văn bản của đơn vị mình, ví dụ '{example}'"
    return Problem(file, f"thiếu thông tin bắt buộc; {todo}", line, col, dotted(loc))


def _missing_place(loaded: Loaded, parent: tuple) -> tuple[str, int | None, int | None]:
    """Where a missing key belongs: the parent's line, at the column of its other keys."""
    file, line, col = loaded.locate(parent)
    if not parent:
        return file, line, col
    try:
        value = _value_at(loaded.data, parent)
    except (KeyError, IndexError, TypeError):
        return file, line, col
    if isinstance(value, dict) and value and not isinstance(parent[-1], int):
        first = loaded.where.get(parent + (next(iter(value)),))
        if first is not None and first[0] == file:
            col = first[2]
    return file, line, col


def _misspelt_keys(loaded: Loaded, model: type[BaseModel], groups: dict) -> set[tuple]:
    """(parent, missing key) pairs explained by an unknown key: one close to it at the same level,
    or the same key at the wrong level (indented too much or too little)."""
    out = set()
    for (loc, missing), errs in groups.items():
        if missing or errs[0]["type"] != "extra_forbidden":
            continue
        near = _nearest_name(str(loc[-1]), fields_at(model, loc[:-1]))
        if near is not None:
            out.add((loc[:-1], near))
        for home in _homes(model, str(loc[-1])):
            out.add((home, str(loc[-1])))
    return out


def _homes(model: type[BaseModel], key: str) -> list[tuple]:
    """Where `key` belongs among the mappings reached from the top through mappings only
    (the top itself, co_quan, nguoi_ky...): the usual places of an indentation mistake."""
    found: list[tuple] = []
    todo: list[tuple[tuple, type[BaseModel]]] = [((), model)]
    seen: set = set()
    while todo:
        path, current = todo.pop(0)
        if (path, current) in seen or len(path) > 3:
            continue
        seen.add((path, current))
        if key in current.model_fields:
            found.append(path)
        for name, field in current.model_fields.items():
            if shape_of(field) == "muc":
                for sub in field_models(field):
                    todo.append((path + (name,), sub))
    return found


def _written(data: Any, path: tuple) -> bool:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return isinstance(data, dict)


def _extra(loaded: Loaded, model: type[BaseModel], loc: tuple, value: Any) -> Problem:
    file, line, col = loaded.locate(loc)
    key = str(loc[-1])
    if not _KEY_LIKE.match(key) and not isinstance(value, (dict, list)) and _nearest_name(
            key, fields_at(model, loc[:-1])) is None:
        text = f"{key}: {'' if value is None else value}".strip()
        return Problem(file, f"dòng này có dấu ':' nên bị hiểu thành tên mục '{key}'; nếu đây là nội dung, "
                       f"hãy đặt cả dòng trong ngoặc kép: {json.dumps(text, ensure_ascii=False)}",
                       line, col, dotted(loc))
    if " " in key.strip() and isinstance(value, (dict, list)) and _nearest_name(key, fields_at(model, loc[:-1])) is None:
        # `- Các nội dung như sau:` with lines indented under it: a sentence read as a section name.
        heading = json.dumps(f"{key}:", ensure_ascii=False)
        return Problem(file, "dòng này kết thúc bằng dấu ':' và các dòng dưới thụt vào, nên bị hiểu thành tên mục "
                       f"có mục con; nếu đây là tiêu đề có các ý con, hãy viết 'tieu_de: {heading}' rồi đặt các ý con "
                       f"dưới 'noi_dung:'; nếu là một đoạn chữ, hãy đặt cả dòng trong ngoặc kép: {heading} và bỏ "
                       "thụt lề các dòng dưới", line, col, dotted(loc))
    allowed = fields_at(model, loc[:-1])
    hint = _nearest(key, allowed)
    homes = [h for h in _homes(model, key) if h != loc[:-1]]
    # A key may belong to several mappings (nguoi_ky, de_cuong.nguoi_ky): point to those the file has,
    # else to the nearest one.
    homes = [h for h in homes if _written(loaded.data, h)] or homes[:1]
    if not hint and homes:
        if homes == [()]:
            return Problem(file, f"'{key}' là mục chính, không nằm trong '{dotted(loc[:-1])}'; hãy xóa các dấu cách "
                           "đầu dòng để dòng này thẳng hàng với 'loai:'", line, col, dotted(loc))
        names = " hoặc ".join(f"'{dotted(h)}'" for h in homes)
        return Problem(file, f"'{key}' không nằm ở đây mà là mục con của {names}; hãy chuyển dòng này vào dưới "
                       f"{names}, thụt vào 2 dấu cách", line, col, dotted(loc))
    if not hint and allowed:
        hint = "; các mục được dùng ở đây: " + ", ".join(allowed)
    return Problem(file, f"'{key}' không có trong mẫu{hint}", line, col, dotted(loc))


def _wrong(loaded: Loaded, model: type[BaseModel], loc: tuple, errs: list[dict]) -> Problem:
    file, line, col = loaded.locate(loc)
    types = [e for e in errs if e["type"] in _TYPE_ERRORS]
    if len(types) > 1:
        nouns = []
        for e in types:
            if _SHAPE_NOUN[e["type"]] not in nouns:
                nouns.append(_SHAPE_NOUN[e["type"]])
        message = "cần " + " hoặc ".join(nouns) + _given(errs[0].get("input"))
    else:
        message = _message(errs[0], loc, field_info(model, loc))
    return Problem(file, message, line, col, dotted(loc) or None)


def _nearest_name(word: str, choices: list[str]) -> str | None:
    # Clerks type Vietnamese letters where keys are plain ASCII (noi_nhân for noi_nhan): compare
    # both without diacritics.
    from unicodedata import normalize

    def plain(s: str) -> str:
        s = s.replace("Đ", "D").replace("đ", "d")
        return normalize("NFD", s).encode("ascii", "ignore").decode().lower().replace(" ", "_")

    by_plain = {plain(c): c for c in choices}
    best = difflib.get_close_matches(plain(word), list(by_plain), n=1, cutoff=0.6)
    return by_plain[best[0]] if best else None


def _nearest(word: str, choices: list[str]) -> str:
    best = _nearest_name(word, choices)
    return f"; có phải '{best}'?" if best else ""


def _example_hint(loc: tuple, field: FieldInfo | None) -> str:
    key = next((p for p in reversed(loc) if isinstance(p, str)), None)
    line = example_line(key, field) if key and not isinstance(loc[-1], int) else None
    return f", ví dụ '{line}'" if line else ""


def _blank(kind: str, loc: tuple, field: FieldInfo | None) -> str:
    if loc and isinstance(loc[-1], int):
        return "dòng '- ' này đang để trống; hãy viết nội dung ngay sau '- ' hoặc xóa dòng"
    if kind == "list_type":
        return "đang để trống; hãy viết bên dưới mỗi dòng một ý, bắt đầu bằng '- '"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return "đang để trống; hãy viết các mục con bên dưới, thụt vào 2 dấu cách"
    return "đang để trống; hãy điền nội dung" + _example_hint(loc, field)


def _not_text(given: Any) -> str:
    """Text was expected: say what YAML read instead, and how to make it text."""
    if isinstance(given, dict):
        if len(given) == 1:
            k, v = next(iter(given.items()))
            if not isinstance(v, (dict, list)):
                text = f"{k}: {'' if v is None else v}".strip()
                return ("dòng này có dấu ':' nên bị hiểu thành mục con; hãy đặt cả dòng trong ngoặc kép: "
                        + json.dumps(text, ensure_ascii=False))
        return "cần một đoạn chữ, không phải các mục con"
    if isinstance(given, list):
        return ("cần một đoạn chữ, không phải danh sách; hãy viết nội dung ngay sau dấu ':' "
                "trên cùng một dòng, không dùng '- '")
    if isinstance(given, bool):
        return (f"YAML hiểu '{str(given).lower()}' là đúng/sai, không phải chữ; "
                f"hãy đặt trong ngoặc kép: \"{str(given).lower()}\"")
    if isinstance(given, (int, float)):
        return f"cần chữ nhưng đang là số {given}; nếu đúng là vậy, hãy đặt trong ngoặc kép: \"{given}\""
    return "cần một đoạn chữ" + _given(given)


def _message(err: dict, loc: tuple, field: FieldInfo | None) -> str:
    kind, ctx, given = err["type"], err.get("ctx") or {}, err.get("input")
    if given is None and kind in _TYPE_ERRORS:
        return _blank(kind, loc, field)
    if kind == "string_type":
        return _not_text(given)
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        if loc and loc[-1] == "so" and isinstance(given, str):
            if "/" in given:
                return ("chỉ ghi số văn bản, ví dụ 'so: 5'; phần ký hiệu (/KH-UBND) do chương trình tự ghép"
                        + _given(given))
            return "cần một số, ví dụ 'so: 5'; bản dự thảo chưa có số thì để trống 'so:'" + _given(given)
        return "cần một số nguyên" + (_example_hint(loc, field) or ", ví dụ 5") + _given(given)
    if kind in {"float_type", "float_parsing"}:
        return "cần một số; số thập phân viết bằng dấu chấm, ví dụ 2,5 viết là 2.5" + _given(given)
    if kind in {"bool_type", "bool_parsing"}:
        return "cần true (có) hoặc false (không)" + _given(given)
    if kind == "list_type":
        if isinstance(given, str):
            return ("cần một danh sách: xuống dòng và viết mỗi ý trên một dòng bắt đầu bằng '- '"
                    + _given(given))
        if isinstance(given, dict):
            return "cần một danh sách, mỗi ý một dòng bắt đầu bằng '- ', không phải các mục con 'ten: giá trị'"
        return "cần một danh sách, mỗi ý một dòng bắt đầu bằng '- '" + _given(given)
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        names = []
        if field is not None:
            names = [n for m in field_models(field) for n, f in m.model_fields.items() if f.is_required()]
        need = (" (" + ", ".join(names) + ")") if names else ""
        if isinstance(given, list):
            return f"cần các mục con dạng 'ten: giá trị'{need}, không phải danh sách '- '"
        return f"cần các mục con dạng 'ten: giá trị'{need} ở các dòng dưới, thụt vào 2 dấu cách" + _given(given)
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        choices = re.findall(r"'([^']*)'", expected)
        return f"giá trị '{given}' không hợp lệ{_nearest(str(given), choices)}; chọn một trong: {expected}"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"phải từ {ctx.get('ge', ctx.get('gt'))} trở lên" + _given(given)
    if kind in {"less_than_equal", "less_than"}:
        return f"không được lớn hơn {ctx.get('le', ctx.get('lt'))}" + _given(given)
    if kind == "too_short":
        return "danh sách đang rỗng; cần ít nhất một dòng bắt đầu bằng '- '"
    if kind in {"string_too_short", "blank"}:
        return "đang để trống; hãy điền nội dung" + _example_hint(loc, field)
    if kind == "union_tag_invalid":
        return "cần một đoạn chữ hoặc một mục con"
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        return "ngày không hợp lệ; viết 2026-01-05"
    msg = err.get("msg", "")
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    return msg


def _given(value: Any) -> str:
    if isinstance(value, (dict, list)) or value is None:
        return ""
    if isinstance(value, bool):
        value = "true" if value else "false"
    text = str(value)
    return f" (đang ghi: {text[:40]}{'…' if len(text) > 40 else ''})"


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
    warnings += _typed_numbers(getattr(doc, "noi_dung", None) or [], ("noi_dung",), loaded)
    warnings += can_cu.dated_after(doc, loaded)
    if getattr(doc, "to_trinh", None) is not None:
        warnings += can_cu.dated_after(doc.to_trinh, loaded, ("to_trinh",))
    warnings += chu_quan_warnings(doc, loaded)
    noi_nhan = getattr(doc, "noi_nhan", None)
    if noi_nhan:
        last = noi_nhan[-1].lstrip("- ").strip()
        m = re.match(r"Lưu\s*:?\s*(.*?)[.;]?$", last)
        if m and not re.match(r"VT\b", m.group(1)):
            path = ("noi_nhan", len(noi_nhan) - 1)
            file, ln, col = loaded.locate(path)
            rest = f", {m.group(1)}" if m.group(1) else ", ..."
            # PL I.II.9.b: the archive line names the văn thư (VT) first; the văn thư sends it back otherwise.
            warnings.append(Problem(file, f"dòng Lưu phải ghi văn thư (VT) trước đơn vị soạn thảo; "
                                    f"hãy sửa thành 'Lưu: VT{rest}' (Nghị định 30, Phụ lục I, mục II.9.b)",
                                    ln, col, dotted(path)))
    if noi_nhan and not noi_nhan[-1].lstrip("- ").startswith("Lưu") and noi_nhan[-1].strip() not in {"...", "…"}:
        path = ("noi_nhan", len(noi_nhan) - 1)
        file, ln, col = loaded.locate(path)
        warnings.append(Problem(file, "dòng cuối của Nơi nhận phải là 'Lưu: VT, <đơn vị soạn thảo>'; hãy thêm "
                                "dòng đó vào cuối (Nghị định 30, Phụ lục I, mục II.9.b)", ln, col, dotted(path)))
    return warnings


def _typed_numbers(items: list, path: tuple, loaded: Loaded) -> list[Problem]:
    """Headings whose number was typed by hand: the program drops it and numbers them itself."""
    from tdkt_docs import vn

    found: list[Problem] = []
    for i, item in enumerate(items):
        title = getattr(item, "tieu_de", None)
        here = path + (i,)
        if isinstance(title, str) and vn.typed_number(title):
            file, ln, col = loaded.locate(here + ("tieu_de",))
            found.append(Problem(file, f"đã bỏ số thứ tự gõ tay «{vn.typed_number(title)}» ở đầu tiêu đề (chương "
                                 "trình tự đánh số I., 1., a)); hãy xóa nó khỏi tệp YAML", ln, col,
                                 dotted(here + ("tieu_de",)), severity="warning"))
        part = getattr(item, "phan", None)
        if isinstance(part, str) and vn.typed_part(part):
            file, ln, col = loaded.locate(here + ("phan",))
            found.append(Problem(file, f"đã bỏ «{vn.typed_part(part)}» gõ tay ở đầu tên phần (chương trình tự ghi "
                                 "Phần I, Phần II... hoặc Phần thứ nhất với danh_so: thu_nhat); hãy xóa nó khỏi tệp YAML",
                                 ln, col, dotted(here + ("phan",)), severity="warning"))
        found += _typed_numbers(getattr(item, "noi_dung", None) or [], here + ("noi_dung",), loaded)
    return found
