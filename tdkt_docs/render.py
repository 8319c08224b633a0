"""Render a context through a DOCX template into the bytes of a new DOCX.

A template is read and compiled once per process and reused for every document: docxtpl's own
preprocessing turns the Word XML into Jinja source (so templates keep docxtpl's tag syntax and
survive editing in Word), then each document costs one Jinja render and one zip write. The
compiled code is also kept on disk between runs (jinja_cache), until the template changes.
The zip is written with fixed timestamps and properties, so the same input gives the same bytes.
"""
from __future__ import annotations

import dataclasses
import os
import re
import zipfile
import zlib
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape as html_escape

from . import jinja_cache, zipwrite
from .checker.package import PARSER
from .errors import Problem, TemplateError
from .inline import Fragment, escape, strip_bad_xml

_BODY = re.compile(r"<w:body\b.*</w:body>", re.DOTALL)
_PARTS_WITH_TAGS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_EMPTY_RUN = '<w:r><w:t xml:space="preserve"></w:t></w:r>'


_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


# The fragments (inline.Fragment) printed by the render under way, each replaced in the output by a
# placeholder until the template's own XML is checked.
_HELD: ContextVar[list[str] | None] = ContextVar("tdkt_fragments", default=None)
_PLACEHOLDER = "<w:p w:tdktFragment=\"{}\"/>"
_PLACEHOLDERS = re.compile(r'<w:p w:tdktFragment="(\d+)"/>')


def _finalize(value: Any) -> Any:
    """A plain value printed by `{{ x }}` sits inside a <w:t>: escape it, drop what XML cannot hold,
    and turn its line breaks and tabs into Word's, as `{{r x }}` values get from inline.runs."""
    if isinstance(value, Fragment):
        held = _HELD.get()
        if held is None:
            return value
        held.append(value)
        # A paragraph stands in for it: if the template puts it where a paragraph cannot be (inside
        # a run, a text or another paragraph), the check of the template's XML sees that.
        return Markup(_PLACEHOLDER.format(len(held) - 1))
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    text = str(html_escape(strip_bad_xml(value)))
    if "\n" in text or "\t" in text or "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", _BREAK).replace("\t", _TAB)
    return Markup(text)


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox keeps a template edited by anyone from reaching Python internals.

    Jinja's checks depend only on the object's type and the attribute's name, never on the value,
    so each decision is remembered: a template reads `b.kieu` a dozen times per paragraph.
    """

    def __init__(self, **options: Any):
        super().__init__(**options)
        self._safe: dict[tuple[type, str], bool] = {}
        self._fields: dict[type, frozenset[str]] = {}

    def getattr(self, obj: Any, attribute: str) -> Any:
        # A template reads `b.kieu` hundreds of times per document. The field of a dataclass and the
        # key of a dict (that no dict method shadows) are plain data: nothing for the sandbox to check.
        kind = type(obj)
        if kind is dict:
            if attribute not in _DICT_ATTRIBUTES:
                try:
                    return obj[attribute]
                except KeyError:
                    pass
        else:
            fields = self._fields.get(kind)
            if fields is None:
                fields = self._fields[kind] = frozenset(
                    f.name for f in dataclasses.fields(kind) if not f.name.startswith("_")
                ) if dataclasses.is_dataclass(kind) else frozenset()
            if attribute in fields:
                return getattr(obj, attribute)
        return super().getattr(obj, attribute)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return safe


def _env() -> jinja2.Environment:
    # Values are printed once and never read as template code, so '{{' typed in the YAML stays as typed.
    return _Sandbox(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                    finalize=_finalize)


@dataclass
class _Part:
    name: str
    prefix: str
    template: jinja2.Template
    suffix: str
    source: str = ""  # the Jinja source, to point at the place of an error


class CompiledTemplate:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.name = self.path.name
        self.shown = _shown(self.path)
        try:
            with zipfile.ZipFile(self.path) as z:
                self.entries = [(info, z.read(info.filename)) for info in z.infolist()]
                # Parts that no document changes keep the template's own compressed bytes.
                self.fixed = {info.filename: zipwrite.copied(z, info, data) for info, data in self.entries}
        except FileNotFoundError:
            raise TemplateError(Problem(self.shown, "không tìm thấy mẫu văn bản (template); "
                                        "hãy khôi phục tệp này từ bản gốc")) from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError):
            raise TemplateError(Problem(self.shown, "tệp mẫu không phải DOCX hợp lệ (bị hỏng?); "
                                        "hãy khôi phục tệp này từ bản gốc")) from None
        self.parts: dict[str, _Part] = {}
        self.trees: dict[str, etree._Element | None] = {}
        patcher = None
        for info, data in self.entries:
            if not _PARTS_WITH_TAGS.match(info.filename):
                continue
            try:
                xml = data.decode("utf-8")
            except UnicodeDecodeError:
                raise TemplateError(Problem(self.shown, f"phần {info.filename} của mẫu không đọc được (bị hỏng?); "
                                            "hãy khôi phục tệp mẫu từ bản gốc")) from None
            if "{{" not in xml and "{%" not in xml:
                continue
            env = _env()
            kept = jinja_cache.load(info.filename, data)
            if kept is not None:
                prefix, src, suffix, code = kept
            else:
                m = _BODY.search(xml) if info.filename == "word/document.xml" else None
                if m:
                    prefix, src, suffix = xml[:m.start()], m.group(0), xml[m.end():]
                else:
                    prefix, src, suffix = "", xml, ""
                if patcher is None:
                    from docxtpl import DocxTemplate

                    patcher = DocxTemplate.__new__(DocxTemplate)  # only its XML preprocessing is used
                src = type(patcher).patch_xml(patcher, src)
                src = re.sub(r"<w:p([ >])", r"\n<w:p\1", src)
                try:
                    code = env.compile(src)
                except jinja2.TemplateSyntaxError as exc:
                    raise TemplateError(Problem(
                        self.shown, f"lỗi cú pháp trong mẫu, {_place(info.filename, src, exc.lineno)}: "
                        f"{_jinja_message(exc)}; hãy sửa chỗ này trong Word hoặc khôi phục mẫu từ bản gốc")) from None
                jinja_cache.save(info.filename, data, (prefix, src, suffix, code))
            compiled = env.template_class.from_code(env, code, env.make_globals(None))
            self.parts[info.filename] = _Part(info.filename, prefix, compiled, suffix, src)
        if "word/document.xml" not in self.parts:
            raise TemplateError(Problem(self.shown, "mẫu không có chỗ điền dữ liệu nào ({{ ... }})"))

    def render(self, context: dict[str, Any], properties: dict[str, str] | None = None) -> bytes:
        return self.render_document(context, properties).data

    def render_document(self, context: dict[str, Any], properties: dict[str, str] | None = None) -> "Rendered":
        rendered: dict[str, bytes] = {}
        trees: dict[str, etree._Element] = {}
        for name, part in self.parts.items():
            held: list[str] = []
            holding = _HELD.set(held)
            try:
                out = part.template.render(context)
            except jinja2.UndefinedError as exc:
                raise TemplateError(Problem(
                    self.shown, f"mẫu dùng một trường không có trong dữ liệu, {_place(name, part.source, _lineno(exc))}: "
                    f"{_undefined_name(exc)}; hãy sửa tên trường trong mẫu hoặc khôi phục mẫu từ bản gốc")) from None
            except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
                raise TemplateError(Problem(
                    self.shown, f"lỗi khi điền mẫu, {_place(name, part.source, _lineno(exc))}: {exc}; "
                    "hãy kiểm tra chỗ này trong mẫu hoặc khôi phục mẫu từ bản gốc")) from None
            finally:
                _HELD.reset(holding)
            out = _tidy(out)
            data = (part.prefix + out + part.suffix).encode("utf-8")
            if not held:
                trees[name] = _check_xml(self.shown, name, data)
            else:
                # What the template wrote is checked with each fragment still a placeholder: the
                # fragments are most of a long document, and they are already right.
                _misplaced(self.shown, name, _parse(self.shown, name, data), held)
                out = _PLACEHOLDERS.sub(lambda m: _tidy(held[int(m.group(1))]), out)
                data = (part.prefix + out + part.suffix).encode("utf-8")
                trees[name] = _parse(self.shown, name, data)
            rendered[name] = data
        rendered["docProps/core.xml"] = _core_xml(properties or {})
        parts = {info.filename: data for info, data in self.entries}
        parts.update(rendered)
        entries = []
        for info, _ in self.entries:
            data = rendered.pop(info.filename, None)
            entries.append(self.fixed[info.filename] if data is None else zipwrite.compress(info.filename, data))
        entries += [zipwrite.compress(name, data) for name, data in rendered.items()]
        return Rendered(zipwrite.build(entries), parts, trees, self.trees)


@dataclass
class Rendered:
    """A filled-in document: the DOCX bytes, and the same parts still in memory so that the ND30
    check reads them without unzipping and parsing again."""

    data: bytes
    parts: dict[str, bytes]  # every part, uncompressed
    trees: dict[str, etree._Element]  # the filled-in parts, parsed
    shared: dict[str, etree._Element | None]  # the template's unchanged parts, parsed once per template


def _shown(path: Path) -> str:
    from .loader import display_path

    return display_path(path)


def _place(part: str, source: str, lineno: int | None) -> str:
    """Where in a template: its part, the paragraph's number and its visible text with the tags."""
    if not lineno:
        return f"phần {part}"
    lines = source.splitlines()
    lineno = min(max(lineno, 1), len(lines))
    paragraph = sum(1 for line in lines[:lineno] if re.match(r"<w:p[ >]", line))
    near = _visible_text(lines[lineno - 1]).strip()
    where = f"phần {part}, đoạn thứ {paragraph}" if paragraph else f"phần {part}"
    return f"{where} «{near[:80]}»" if near else where


def _lineno(exc: BaseException) -> int | None:
    """The template line a render error happened on, from the traceback Jinja rewrites to template lines."""
    tb = exc.__traceback__
    found = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def _undefined_name(exc: jinja2.UndefinedError) -> str:
    m = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", exc.message or "")
    if m:
        return f"không có trường '{m.group(1) or m.group(2)}'"
    return exc.message or "trường không xác định"


def _jinja_message(exc: jinja2.TemplateSyntaxError) -> str:
    message = exc.message or ""
    name = re.search(r"'([^']+)'", message)
    named = f" '{name.group(1)}'" if name else ""
    closing = re.search(r"'(end\w+)'", message)
    known = [
        ("unexpected end of template", f"thiếu thẻ đóng {{% {closing.group(1)} %}}" if closing
         else "thiếu thẻ đóng ({% endif %} hoặc {% endfor %})"),
        ("Encountered unknown tag", f"thẻ{named} không có hoặc không khớp với thẻ mở"),
        ("No filter named", f"bộ lọc{named} không có"),
        ("No test named", f"phép thử{named} không có"),
        ("expected token 'end of print statement'", "thẻ {{ ... }} chưa đóng đúng bằng }}"),
        ("expected token 'end of statement block'", "thẻ {% ... %} chưa đóng đúng bằng %}"),
        ("unexpected '}'", "thẻ {{ ... }} hoặc {% ... %} viết thiếu hoặc thừa dấu ngoặc"),
        ("unexpected char", "thẻ có ký tự lạ"),
    ]
    for needle, text in known:
        if needle.lower() in message.lower():
            return text
    return f"thẻ viết sai ({message})"


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Text holds no elements, a run no runs or paragraphs, a paragraph no paragraph: what a `{{ x }}`
# where `{{r x }}` or `{{p x }}` belongs produces, and Word refuses to open.
_FRAGMENT_ATTR = "{" + _W + "}tdktFragment"
_MISPLACED = etree.XPath("//w:t[*] | //w:r/w:r | //w:r/w:p | //w:p/w:p | //w:r/w:tbl", namespaces={"w": _W})


def _tidy(out: str) -> str:
    # The line breaks put before each paragraph of the template, so that an error can name its line.
    if "\n<w:p" in out:
        out = re.sub(r"\n<w:p([ >])", r"<w:p\1", out)
    # docxtpl leaves an empty run on each side of a {{r ...}} insertion
    if _EMPTY_RUN in out:
        out = out.replace(_EMPTY_RUN, "")
    return out


def _check_xml(shown: str, part: str, data: bytes) -> etree._Element:
    """Never write a document Word cannot open: every filled part must be well-formed and nested as Word needs."""
    root = _parse(shown, part, data)
    _misplaced(shown, part, root)
    return root


def _parse(shown: str, part: str, data: bytes) -> etree._Element:
    try:
        # The ND30 checker's own parser: the tree parsed here is the one the checker reads.
        return etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(Problem(
            shown, f"mẫu tạo ra văn bản hỏng ({part}, dòng {exc.lineno}: {exc.msg}); văn bản không được ghi — "
            "hãy khôi phục mẫu từ bản gốc")) from None


def _misplaced(shown: str, part: str, root: etree._Element, held: list[str] = ()) -> None:
    wrong = _MISPLACED(root)
    if wrong:
        element = wrong[0]
        paragraph = next((a for a in element.iterancestors(f"{{{_W}}}p")), element)
        near = "".join(paragraph.itertext()).strip()
        if not near:
            # The misplaced piece is a fragment still held back: it is named by its own text.
            number = next((e.get(_FRAGMENT_ATTR) for e in element.iter() if e.get(_FRAGMENT_ATTR)), None)
            if number is not None:
                near = " ".join(_visible_text(re.sub(r"</w:p>|</w:tc>", " ", held[int(number)])).split())
        near = near[:80]
        raise TemplateError(Problem(
            shown, f"mẫu tạo ra văn bản hỏng ({part}, gần «{near}»): một trường nhiều đoạn hoặc có định dạng "
            "được đặt bằng {{ ... }}; hãy dùng {{r ... }} hoặc {{p ... }} như mẫu gốc, hoặc khôi phục mẫu từ bản gốc")) from None


def _visible_text(xml_line: str) -> str:
    return re.sub(r"<[^>]+>", "", xml_line)


def _core_xml(props: dict[str, str]) -> bytes:
    stamp = props.get("date", "2000-01-01") + "T00:00:00Z"
    title = escape(strip_bad_xml(props.get("title", "")))
    creator = escape(strip_bad_xml(props.get("creator", "")))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator><cp:lastModifiedBy>{creator}</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>").encode("utf-8")


_CACHE: dict[Path, tuple[tuple[int, int], CompiledTemplate]] = {}


def load_template(path: Path) -> CompiledTemplate:
    """The compiled template, read again only when the file changed on disk."""
    path = Path(os.path.abspath(path))  # not resolve(): one stat per document is enough
    try:
        stat = path.stat()
        mtime = (stat.st_mtime_ns, stat.st_size)
    except FileNotFoundError:
        raise TemplateError(Problem(_shown(path), "không tìm thấy mẫu văn bản (template); "
                                    "hãy khôi phục tệp này từ bản gốc")) from None
    cached = _CACHE.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    compiled = CompiledTemplate(path)
    _CACHE[path] = (mtime, compiled)
    return compiled
