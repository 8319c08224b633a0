"""Variables in text: `{{ nam }}`, `{{ nam - 1 }}`, `{{ ten_phong_trao }}` written inside any text
field are replaced by the document's own values before the document is numbered and rendered.

Known names:
- built in: `nam` (the year of `ngay`), `dia_danh`, `co_quan` (the issuing body's name on one line),
  and for a kế hoạch with `phong_trao:` also `ten_phong_trao`, `tu_ngay`, `den_ngay` (written as
  19/4/2026);
- declared by the document (or a shared file) under `bien:`, e.g. `bien: {nam_thanh_lap: 1963}`.
  A `bien:` value may itself use the built-in names.

The rule for `{{`: a `{{ ... }}` is replaced only when it is a single Jinja expression that names
at least one known name and nothing else (`{{ nam }}`, `{{ nam - 1 }}`, `{{ nam - nam_thanh_lap }}`).
Everything else stays exactly as typed: `{{ 7*7 }}` (no name), `{{ ho_ten }}` (not a known name),
`{% if %}`, a lone `{{`, an expression that does not parse. One exception makes a typo visible: in
a document that declares `bien:` the clerk is using variables, so `{{ some_name }}` with an unknown
name is an error naming the file, line and field (with the nearest known name); without `bien:`
it stays literal, with a warning when the name is close to a known one. A known name that has no
value in this document (`{{ den_ngay }}` without `phong_trao.den_ngay`) is an error too.

Expressions run in Jinja's immutable sandbox with only these values: no attribute of Python
objects, no file, no import; repetition and powers are bounded so text cannot explode in size.
"""
from __future__ import annotations

import functools
import re
from typing import Any, Callable

import jinja2
from jinja2 import meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pydantic import BaseModel

from tdkt_docs import vn
from tdkt_docs.errors import InputError, Problem
from tdkt_docs.input.loader import Loaded, dotted
from tdkt_docs.model import Ngay

BUILTINS = {
    "nam": "năm của ngày ký (ngay)",
    "dia_danh": "địa danh (dia_danh)",
    "co_quan": "tên cơ quan ban hành (co_quan.ten)",
    "ten_phong_trao": "tên phong trào (phong_trao.ten)",
    "tu_ngay": "ngày bắt đầu phong trào (phong_trao.tu_ngay)",
    "den_ngay": "ngày kết thúc phong trào (phong_trao.den_ngay)",
}
_EXPR = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
MAX_EXPR = 200
MAX_TEXT = 10_000


class _Sandbox(ImmutableSandboxedEnvironment):
    # Intercepting these also stops Jinja from folding constant expressions at compile time.
    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context, operator, left, right):
        if operator == "**":
            if not isinstance(right, (int, float)) or abs(right) > 64 or (isinstance(left, (int, float))
                                                                        and abs(left) > 10**6):
                raise SecurityError("lũy thừa quá lớn")
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int) and len(seq) * count > MAX_TEXT:
                    raise SecurityError("kết quả quá dài")
        return super().call_binop(context, operator, left, right)


_ENV = _Sandbox(undefined=jinja2.StrictUndefined, autoescape=False)


def short(ngay: Ngay) -> str:
    """19/4/2026, 4/2026 or 2026: a date written in running text, as complete as it is known."""
    if ngay.ngay is not None and ngay.thang is not None:
        return f"{vn.two_digits(ngay.ngay)}/{vn.month_text(ngay.thang)}/{ngay.nam}"
    if ngay.thang is not None:
        return f"{vn.month_text(ngay.thang)}/{ngay.nam}"
    return str(ngay.nam)


def builtins_of(doc: BaseModel) -> dict[str, Any]:
    values: dict[str, Any] = {}
    ngay = getattr(doc, "ngay", None)
    if isinstance(ngay, Ngay):
        values["nam"] = ngay.nam
    if getattr(doc, "dia_danh", None):
        values["dia_danh"] = doc.dia_danh
    co_quan = getattr(doc, "co_quan", None)
    if co_quan is not None and getattr(co_quan, "ten", None):
        values["co_quan"] = " ".join(co_quan.ten.split())
    phong_trao = getattr(doc, "phong_trao", None)
    if phong_trao is not None:
        values["ten_phong_trao"] = phong_trao.ten
        if phong_trao.tu_ngay is not None:
            values["tu_ngay"] = short(phong_trao.tu_ngay)
        if phong_trao.den_ngay is not None:
            values["den_ngay"] = short(phong_trao.den_ngay)
    return values


class _Expander:
    def __init__(self, loaded: Loaded | None, values: dict[str, Any], declared: set[str], strict: bool):
        self.loaded = loaded
        self.values = values
        self.known = set(BUILTINS) | declared
        self.strict = strict
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def place(self, path: tuple) -> tuple[str, int | None, int | None]:
        if self.loaded is None:
            return ("", None, None)
        return self.loaded.locate(path)

    def report(self, path: tuple, message: str, warning: bool = False) -> None:
        file, line, col = self.place(path)
        problem = Problem(file, message, line, col, dotted(path) or None,
                          severity="warning" if warning else "error")
        (self.warnings if warning else self.problems).append(problem)

    def text(self, value: str, path: tuple) -> str:
        if "{{" not in value:
            return value
        return _EXPR.sub(lambda m: self.one(m, path), value)

    def one(self, match: re.Match, path: tuple) -> str:
        source = match.group(0)
        inner = match.group(1)
        if len(inner) > MAX_EXPR or "{{" in inner or "{%" in inner or "{#" in inner:
            return source
        names = _names(inner)
        if not names:
            return source
        unknown = sorted(names - self.known)
        if unknown:
            if self.strict:
                hint = _nearest(unknown[0], sorted(self.known))
                self.report(path, f"'{source}': biến '{unknown[0]}' chưa được khai báo{hint}; hãy sửa tên hoặc "
                            f"khai báo trong 'bien:' (các biến có sẵn: {', '.join(BUILTINS)})")
            else:
                hint = _nearest(unknown[0], sorted(self.known))
                if hint:
                    self.report(path, f"'{source}' được để nguyên vì '{unknown[0]}' không phải biến{hint}",
                                warning=True)
            return source
        missing = sorted(n for n in names if n not in self.values)
        if missing:
            self.report(path, f"'{source}': biến '{missing[0]}' ({BUILTINS.get(missing[0], 'biến')}) chưa có giá trị "
                        "trong văn bản này; hãy điền mục đó hoặc viết thẳng nội dung")
            return source
        try:
            result = _template(inner).render(self.values)
        except SecurityError as exc:
            self.report(path, f"'{source}' không được phép ({exc}); chỉ dùng tên biến và phép tính đơn giản")
            return source
        except jinja2.UndefinedError:
            self.report(path, f"'{source}' dùng một thuộc tính không có; chỉ dùng tên biến và phép tính đơn "
                        "giản, ví dụ {{ nam - 1 }}")
            return source
        except Exception as exc:  # noqa: BLE001 - any failure of the clerk's expression is theirs to fix
            self.report(path, f"không tính được '{source}' ({exc.__class__.__name__}); hãy kiểm tra lại phép "
                        "tính, ví dụ {{ nam - 1 }}")
            return source
        if len(result) > MAX_TEXT:
            self.report(path, f"'{source}' cho kết quả quá dài")
            return source
        return result


# A batch repeats the same few expressions ({{ nam }}, {{ nam - 1 }}) in document after document;
# parsing and compiling one costs far more than rendering it, and neither depends on the values.
@functools.lru_cache(maxsize=1024)
def _names(inner: str) -> frozenset[str]:
    """The names `{{inner}}` uses when it is a single expression, else none (it stays as typed)."""
    try:
        tree = _ENV.parse("{{" + inner + "}}")
    except jinja2.TemplateSyntaxError:
        return frozenset()
    if not (len(tree.body) == 1 and isinstance(tree.body[0], nodes.Output) and len(tree.body[0].nodes) == 1):
        return frozenset()
    return frozenset(meta.find_undeclared_variables(tree))


@functools.lru_cache(maxsize=1024)
def _template(inner: str) -> jinja2.Template:
    return _ENV.from_string("{{" + inner + "}}")


def _nearest(word: str, choices: list[str]) -> str:
    import difflib

    best = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; có phải '{best[0]}'?" if best else ""


def walk(value: Any, path: tuple, fn: Callable[[str, tuple], str], skip: set[tuple] = frozenset()) -> Any:
    """`value` with every text inside it passed through `fn(text, path)`; unchanged parts are reused."""
    if path in skip:
        return value
    if isinstance(value, str):
        return fn(value, path)
    if isinstance(value, list):
        new = [_item(item, path + (i,), fn, skip) for i, item in enumerate(value)]
        return new if any(a is not b for a, b in zip(new, value)) else value
    if isinstance(value, Ngay):
        return value
    if isinstance(value, BaseModel):
        updates = {}
        for name in _field_names(type(value)):
            old = getattr(value, name)
            new = _item(old, path + (name,), fn, skip)
            if new is not old:
                updates[name] = new
        return value.model_copy(update=updates) if updates else value
    return value


def _item(value: Any, path: tuple, fn: Callable[[str, tuple], str], skip: set[tuple]) -> Any:
    # Most of a document is texts in lists and fields: they go to `fn` here rather than through
    # another call of walk, and what cannot hold text is passed back at once.
    if type(value) is str:
        return value if path in skip else fn(value, path)
    if value is None or type(value) in (int, bool, float):
        return value
    return walk(value, path, fn, skip)


@functools.lru_cache(maxsize=None)
def _field_names(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(model.model_fields)


def expand(doc: BaseModel, loaded: Loaded | None = None) -> tuple[BaseModel, list[Problem]]:
    """The document with its variables replaced, and warnings; raises InputError for bad variables."""
    declared: dict[str, Any] = dict(getattr(doc, "bien", None) or {})
    problems: list[Problem] = []
    for name in declared:
        if name in BUILTINS:
            file, line, col = loaded.locate(("bien", name)) if loaded else ("", None, None)
            problems.append(Problem(file, f"'{name}' là biến có sẵn ({BUILTINS[name]}); hãy đặt tên khác",
                                    line, col, f"bien.{name}"))
    if problems:
        raise InputError(problems)
    base = builtins_of(doc)
    # Values the built-ins and `bien:` are made of may use the built-ins, never each other.
    first = _Expander(loaded, {k: v for k, v in base.items() if k != "ten_phong_trao"}, set(), strict=bool(declared))
    if "ten_phong_trao" in base:
        base["ten_phong_trao"] = first.text(base["ten_phong_trao"], ("phong_trao", "ten"))
    values = dict(base)
    for name, value in declared.items():
        values[name] = first.text(value, ("bien", name)) if isinstance(value, str) else value
    second = _Expander(loaded, values, set(declared), strict=bool(declared))
    skip = {("loai",), ("bien",), ("phong_trao", "ten")}
    new = walk(doc, (), second.text, skip)
    if "ten_phong_trao" in base and base["ten_phong_trao"] != new.phong_trao.ten:
        new = new.model_copy(update={"phong_trao": new.phong_trao.model_copy(update={"ten": base["ten_phong_trao"]})})
    problems = first.problems + second.problems
    if problems:
        raise InputError(problems)
    return new, first.warnings + second.warnings
