"""Open a DOCX (a path or its bytes) and hand out its XML parts, refusing anything that is not one
with a message a clerk understands (a .doc, a PDF, a password-protected or damaged file)."""
from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from tdkt_docs.errors import Problem, TdktError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
RT_STYLES = R + "/styles"
RT_NUMBERING = R + "/numbering"
RT_THEME = R + "/theme"
RT_HEADER = R + "/header"
RT_FOOTER = R + "/footer"
RT_OFFICE_DOCUMENT = R + "/officeDocument"

# A document part bigger than this is not a letter from a clerk but a zip bomb.
MAX_PART_BYTES = 256 * 1024 * 1024

# collect_ids=False: OOXML has no xml:id to look up, and indexing them costs a tenth of a parse.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True,
                         collect_ids=False)


class DocxError(TdktError):
    """The file given to the checker cannot be read as a Word document."""


def _refuse(name: str, message: str) -> DocxError:
    return DocxError(Problem(name, message))


def _sniff(data: bytes, name: str) -> None:
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _refuse(name, "đây là tệp Word cũ (.doc) hoặc tệp DOCX có đặt mật khẩu; hãy mở bằng Word, "
                            "bỏ mật khẩu nếu có, rồi Lưu thành (Save As) dạng Word Document (.docx)")
    if data[:5] == b"%PDF-":
        raise _refuse(name, "đây là tệp PDF, không phải DOCX; chương trình chỉ kiểm tra được tệp Word (.docx)")
    if data[:5] == b"{\\rtf":
        raise _refuse(name, "đây là tệp RTF, không phải DOCX; hãy mở bằng Word và lưu lại dạng .docx")
    if not data:
        raise _refuse(name, "tệp rỗng (0 byte), không phải văn bản Word")


class Package:
    """The parts of one DOCX, parsed on demand."""

    zip: zipfile.ZipFile | None
    _parts: dict[str, bytes] | None = None
    _shared: dict[str, etree._Element | None] | None = None

    @classmethod
    def from_parts(cls, parts: dict[str, bytes], name: str, parsed: dict[str, etree._Element] | None = None,
                   shared: dict[str, etree._Element | None] | None = None) -> "Package":
        """A document that is still in memory: the parts as they are about to be zipped.

        `parsed` holds parts already parsed (the ones just filled in, parsed once to make sure Word
        can open them); `shared` is where parts common to many documents (those a template never
        changes) are parsed once and kept. The checker only reads the trees, never changes them.
        """
        pkg = cls.__new__(cls)
        pkg.name = name
        pkg.zip = None
        pkg._parts = parts
        pkg._shared = shared
        pkg.names = set(parts)
        pkg._cache = dict(parsed or {})
        pkg._open()
        return pkg

    def __init__(self, source: bytes | str | Path, name: str | None = None):
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            self.name = name or "<bytes>"
        else:
            path = Path(source)
            self.name = name or str(path)
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                raise _refuse(self.name, "không tìm thấy tệp; hãy kiểm tra lại đường dẫn") from None
            except IsADirectoryError:
                raise _refuse(self.name, "đây là thư mục, không phải tệp DOCX") from None
            except OSError as exc:
                raise _refuse(self.name, f"không đọc được tệp ({exc.strerror})") from None
        _sniff(data, self.name)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise _refuse(self.name, "không phải tệp DOCX (không mở được như một tệp Word); tệp có thể bị hỏng "
                                     "hoặc chỉ được đổi đuôi thành .docx") from None
        self.names = set(self.zip.namelist())
        self._cache: dict[str, etree._Element | None] = {}
        self._open()

    def _open(self) -> None:
        self.main = self._main_part()
        root = self.xml(self.main)
        if root is None:
            raise _refuse(self.name, "tệp không có phần nội dung văn bản (word/document.xml)")
        if root.tag.startswith("{" + STRICT_W + "}"):
            raise _refuse(self.name, "tệp được lưu dạng «Strict Open XML», chương trình chưa đọc được; hãy mở bằng "
                                     "Word và Lưu thành (Save As) dạng Word Document (.docx)")
        if root.tag != f"{{{W}}}document":
            raise _refuse(self.name, "không phải văn bản Word (có thể là tệp Excel, PowerPoint hoặc OpenDocument "
                                     "đổi đuôi thành .docx)")
        self.document = root
        self.main_rels = self.rels(self.main)

    def _main_part(self) -> str:
        rels = self.rels("")
        for _, (rtype, target) in rels.items():
            if rtype == RT_OFFICE_DOCUMENT:
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        if "content.xml" in self.names:
            raise _refuse(self.name, "đây là tệp OpenDocument (.odt) đổi đuôi thành .docx; hãy mở bằng Word hoặc "
                                     "LibreOffice và lưu lại dạng Word (.docx)")
        raise _refuse(self.name, "không phải văn bản Word: trong tệp không có word/document.xml")

    def read(self, part: str) -> bytes | None:
        if part not in self.names:
            return None
        if self._parts is not None:
            return self._parts[part]
        info = self.zip.getinfo(part)
        if info.file_size > MAX_PART_BYTES:
            raise _refuse(self.name, f"phần {part} quá lớn ({info.file_size // 1_000_000} MB); tệp không bình thường")
        try:
            return self.zip.read(part)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
            raise _refuse(self.name, f"tệp bị hỏng, không giải nén được {part} ({exc})") from None

    def xml(self, part: str) -> etree._Element | None:
        if part in self._cache:
            return self._cache[part]
        if self._shared is not None:
            if part not in self._shared:
                self._shared[part] = self._parse(part)
            return self._shared[part]
        self._cache[part] = self._parse(part)
        return self._cache[part]

    def _parse(self, part: str) -> etree._Element | None:
        data = self.read(part)
        root = None
        if data is not None:
            try:
                root = etree.fromstring(data, PARSER)
            except etree.XMLSyntaxError as exc:
                raise _refuse(self.name, f"tệp bị hỏng: {part} không phải XML hợp lệ ({exc.msg})") from None
        return root

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, target part name) of a part ('' for the package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels") if part else "_rels/.rels"
        root = self.xml(rels_name)
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        for rel in root.iterchildren(f"{{{REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            if target.startswith("/"):
                full = target.lstrip("/")
            else:
                full = posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", ""), full)
        return out

    def related(self, rtype: str) -> etree._Element | None:
        target = self.related_part(rtype)
        return self.xml(target) if target is not None else None

    def related_part(self, rtype: str) -> str | None:
        for _, (t, target) in self.main_rels.items():
            if t == rtype:
                return target
        return None
