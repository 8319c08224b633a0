"""Render a context through a DOCX template into the bytes of a new DOCX.

A template is read and compiled once per process and reused for every document: docxtpl's own
preprocessing turns the Word XML into Jinja source (so templates keep docxtpl's tag syntax and
survive editing in Word), then each document costs one Jinja render and one zip write.
The zip is written with fixed timestamps and properties, so the same input gives the same bytes.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape as html_escape

from tdkt_docs.errors import Problem, TemplateError
from tdkt_docs.kinds.markup import Fragment, escape, strip_bad_xml

_BODY = re.compile(r"<w:body\b.*</w:body>", re.DOTALL)
_PARTS_WITH_TAGS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_EMPTY_RUN = '<w:r><w:t xml:space="preserve"></w:t></w:r>'


_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


def _finalize(value: Any) -> Any:
    """A plain value printed by `{{ x }}` sits inside a <w:t>: escape it, drop what XML cannot hold,
    and turn its line breaks and tabs into Word's, as `{{r x }}` values get from markup.runs."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    text = str(html_escape(strip_bad_xml(value)))
    if "\n" in text or "\t" in text or "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", _BREAK).replace("\t", _TAB)
    return Markup(text)


def _env() -> jinja2.Environment:
    # Values are printed once and never read as template code, so '{{' typed in the YAML stays as typed.
    # The sandbox keeps a template edited by anyone from reaching Python internals.
    return ImmutableSandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
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
                self.entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
        except FileNotFoundError:
            raise TemplateError(Problem(self.shown, "không tìm thấy mẫu văn bản (template); "
                                        "hãy khôi phục tệp này từ bản gốc")) from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError):
            raise TemplateError(Problem(self.shown, "tệp mẫu không phải DOCX hợp lệ (bị hỏng?); "
                                        "hãy khôi phục tệp này từ bản gốc")) from None
        self.parts: dict[str, _Part] = {}
        for name, data in self.entries:
            if _PARTS_WITH_TAGS.match(name):
                part = self._compile(name, data)
                if part is not None:
                    self.parts[name] = part
        if "word/document.xml" not in self.parts:
            raise TemplateError(Problem(self.shown, "mẫu không có chỗ điền dữ liệu nào ({{ ... }})"))

    def _compile(self, name: str, data: bytes) -> "_Part | None":
        from docxtpl import DocxTemplate

        try:
            xml = data.decode("utf-8")
        except UnicodeDecodeError:
            raise TemplateError(Problem(self.shown, f"phần {name} của mẫu không đọc được (bị hỏng?); "
                                        "hãy khôi phục tệp mẫu từ bản gốc")) from None
        if "{{" not in xml and "{%" not in xml:
            return None
        m = _BODY.search(xml) if name == "word/document.xml" else None
        prefix, src, suffix = (xml[:m.start()], m.group(0), xml[m.end():]) if m else ("", xml, "")
        # docxtpl's own preprocessing (tags split across runs, {%p %}, {{r }}), so that templates keep
        # its syntax and survive editing in Word; the rest of docxtpl is not needed.
        patcher = DocxTemplate.__new__(DocxTemplate)
        src = DocxTemplate.patch_xml(patcher, src)
        src = re.sub(r"<w:p([ >])", r"\n<w:p\1", src)  # one paragraph a line, so an error names its paragraph
        try:
            template = _env().from_string(src)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(Problem(
                self.shown, f"lỗi cú pháp trong mẫu, {_place(name, src, exc.lineno)}: "
                f"{_jinja_message(exc)}; hãy sửa chỗ này trong Word hoặc khôi phục mẫu từ bản gốc")) from None
        return _Part(name, prefix, template, suffix, src)

    def render(self, context: dict[str, Any], properties: dict[str, str] | None = None) -> bytes:
        """The DOCX bytes: every part of the template, the parts with tags filled in."""
        rendered = {name: self._fill(part, context) for name, part in self.parts.items()}
        rendered["docProps/core.xml"] = _core_xml(properties or {})
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            names = [name for name, _ in self.entries] + [n for n in rendered if n not in dict(self.entries)]
            template_parts = dict(self.entries)
            for name in names:
                # A fixed date: the same input gives the same bytes.
                z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)),
                           rendered.get(name, template_parts.get(name)), zipfile.ZIP_DEFLATED)
        return buffer.getvalue()

    def _fill(self, part: "_Part", context: dict[str, Any]) -> bytes:
        name = part.name
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
        data = (part.prefix + _tidy(out) + part.suffix).encode("utf-8")
        _check_xml(self.shown, name, data)
        return data


def _shown(path: Path) -> str:
    from tdkt_docs.input.loader import display_path

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
# Generated XML is ours: no entities to resolve, no network, and long tables allowed.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_MISPLACED = etree.XPath("//w:t[*] | //w:r/w:r | //w:r/w:p | //w:p/w:p | //w:r/w:tbl | //w:p/w:tbl", namespaces={"w": _W})


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
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(Problem(
            shown, f"mẫu tạo ra văn bản hỏng ({part}, dòng {exc.lineno}: {exc.msg}); văn bản không được ghi — "
            "hãy khôi phục mẫu từ bản gốc")) from None


def _misplaced(shown: str, part: str, root: etree._Element) -> None:
    wrong = _MISPLACED(root)
    if wrong:
        element = wrong[0]
        paragraph = next((a for a in element.iterancestors(f"{{{_W}}}p")), element)
        # Each paragraph (a table's cells too) apart, so that its words do not run together.
        words = [t.text or "" for t in paragraph.iter(f"{{{_W}}}t")]
        near = " ".join(" ".join(words).split())[:80]
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
