"""Render a context through a DOCX template into the bytes of a new DOCX.

A template is read and compiled once per process and reused for every document: docxtpl's own
preprocessing turns the Word XML into Jinja source (so templates keep docxtpl's tag syntax and
survive editing in Word), then each document costs one Jinja render and one zip write.
The zip is written with fixed timestamps and properties, so the same input gives the same bytes.
"""
from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import zipwrite
from .errors import Problem, TemplateError
from .inline import escape

_BODY = re.compile(r"<w:body\b.*</w:body>", re.DOTALL)
_PARTS_WITH_TAGS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")


class _Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox keeps a template edited by anyone from reaching Python internals.

    Jinja's checks depend only on the object's type and the attribute's name, never on the value,
    so each decision is remembered: a template reads `b.kieu` a dozen times per paragraph.
    """

    def __init__(self, **options: Any):
        super().__init__(**options)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return safe


def _env() -> jinja2.Environment:
    return _Sandbox(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


@dataclass
class _Part:
    name: str
    prefix: str
    template: jinja2.Template
    suffix: str


class CompiledTemplate:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.name = self.path.name
        try:
            with zipfile.ZipFile(self.path) as z:
                self.entries = [(info, z.read(info.filename)) for info in z.infolist()]
                # Parts that no document changes keep the template's own compressed bytes.
                self.fixed = {info.filename: zipwrite.copied(z, info, data) for info, data in self.entries}
        except FileNotFoundError:
            raise TemplateError(Problem(str(self.path), "không tìm thấy mẫu văn bản (template); "
                                        "hãy khôi phục tệp này từ bản gốc")) from None
        except zipfile.BadZipFile:
            raise TemplateError(Problem(str(self.path), "tệp mẫu không phải DOCX hợp lệ (bị hỏng?); "
                                        "hãy khôi phục tệp này từ bản gốc")) from None
        self.parts: dict[str, _Part] = {}
        from docxtpl import DocxTemplate

        patcher = DocxTemplate.__new__(DocxTemplate)  # only its XML preprocessing is used
        for info, data in self.entries:
            if not _PARTS_WITH_TAGS.match(info.filename):
                continue
            xml = data.decode("utf-8")
            if "{{" not in xml and "{%" not in xml:
                continue
            m = _BODY.search(xml) if info.filename == "word/document.xml" else None
            if m:
                prefix, src, suffix = xml[:m.start()], m.group(0), xml[m.end():]
            else:
                prefix, src, suffix = "", xml, ""
            src = DocxTemplate.patch_xml(patcher, src)
            src = re.sub(r"<w:p([ >])", r"\n<w:p\1", src)
            try:
                compiled = _env().from_string(src)
            except jinja2.TemplateSyntaxError as exc:
                near = _visible_text(src.splitlines()[max(exc.lineno - 1, 0)]) if exc.lineno else ""
                raise TemplateError(Problem(
                    f"{self.path}", f"lỗi cú pháp trong mẫu ({info.filename}), gần đoạn «{near[:80]}»: {exc.message}",
                    line=None)) from None
            self.parts[info.filename] = _Part(info.filename, prefix, compiled, suffix)
        if "word/document.xml" not in self.parts:
            raise TemplateError(Problem(str(self.path), "mẫu không có chỗ điền dữ liệu nào ({{ ... }})"))

    def render(self, context: dict[str, Any], properties: dict[str, str] | None = None) -> bytes:
        rendered: dict[str, bytes] = {}
        for name, part in self.parts.items():
            try:
                out = part.template.render(context)
            except jinja2.UndefinedError as exc:
                raise TemplateError(Problem(str(self.path), f"mẫu dùng một trường không có trong dữ liệu: {exc.message}")) from None
            except jinja2.TemplateError as exc:
                raise TemplateError(Problem(str(self.path), f"lỗi khi điền mẫu ({name}): {exc}")) from None
            out = out.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
            rendered[name] = (part.prefix + out + part.suffix).encode("utf-8")
        rendered["docProps/core.xml"] = _core_xml(properties or {})
        entries = []
        for info, _ in self.entries:
            data = rendered.pop(info.filename, None)
            entries.append(self.fixed[info.filename] if data is None else zipwrite.compress(info.filename, data))
        entries += [zipwrite.compress(name, data) for name, data in rendered.items()]
        return zipwrite.build(entries)


def _visible_text(xml_line: str) -> str:
    return re.sub(r"<[^>]+>", "", xml_line)


def _core_xml(props: dict[str, str]) -> bytes:
    stamp = props.get("date", "2000-01-01") + "T00:00:00Z"
    title = escape(props.get("title", ""))
    creator = escape(props.get("creator", ""))
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
        raise TemplateError(Problem(str(path), "không tìm thấy mẫu văn bản (template); "
                                    "hãy khôi phục tệp này từ bản gốc")) from None
    cached = _CACHE.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    compiled = CompiledTemplate(path)
    _CACHE[path] = (mtime, compiled)
    return compiled
