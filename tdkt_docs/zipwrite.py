"""Write the zip container of a DOCX from parts that are mostly the same for every document.

Most of a template (styles, theme, fonts: about 800 KB of XML) never changes between documents, so
it is compressed once when the template is loaded and its compressed bytes are copied into every
document; only the parts filled with data are compressed per document. The standard library's
zipfile cannot take bytes that are already compressed, hence this small writer. Timestamps and
attributes are fixed so the same parts always give the same bytes.
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass

# 1980-01-01 00:00:00 in MS-DOS date and time fields: the earliest a zip can say.
_DOS_DATE = (0 << 9) | (1 << 5) | 1
_DOS_TIME = 0
_UTF8_NAME = 0x0800
_DEFLATED = 8
_VERSION = 20  # 2.0: deflate
_MADE_BY = (3 << 8) | _VERSION  # Unix, so the external attributes below mean rw-r--r--
_FILE_MODE = 0o100644 << 16

# Parts written per document are compressed quickly: level 1 takes a fifth of the time of the
# default level on a page of text and half on a 2,000-row table, and the whole file grows by 2 to 5
# per cent (most of a DOCX is the template's styles, copied as they are).
PER_DOCUMENT_LEVEL = 1
ONCE_LEVEL = 6


@dataclass(frozen=True)
class Entry:
    name: bytes
    crc: int
    size: int
    data: bytes  # raw deflate stream

    @property
    def flags(self) -> int:
        return _UTF8_NAME if not self.name.isascii() else 0


def compress(name: str, data: bytes, level: int = PER_DOCUMENT_LEVEL) -> Entry:
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    deflated = packer.compress(data) + packer.flush()
    return Entry(name.encode("utf-8"), zlib.crc32(data), len(data), deflated)


def copied(archive: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes) -> Entry:
    """The part as the template holds it: its compressed bytes are reused rather than compressed
    again, unless they are stored uncompressed or encrypted."""
    if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1:
        return compress(info.filename, data, ONCE_LEVEL)
    handle = archive.fp
    handle.seek(info.header_offset)
    header = handle.read(30)
    if header[:4] != b"PK\x03\x04":
        return compress(info.filename, data, ONCE_LEVEL)
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    handle.seek(info.header_offset + 30 + name_length + extra_length)
    deflated = handle.read(info.compress_size)
    return Entry(info.filename.encode("utf-8"), info.CRC, info.file_size, deflated)


def build(entries: list[Entry]) -> bytes:
    """The bytes of a zip archive holding `entries` in this order."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for e in entries:
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, _VERSION, e.flags, _DEFLATED, _DOS_TIME, _DOS_DATE,
                             e.crc, len(e.data), e.size, len(e.name), 0)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, _MADE_BY, _VERSION, e.flags, _DEFLATED,
                                   _DOS_TIME, _DOS_DATE, e.crc, len(e.data), e.size, len(e.name), 0, 0, 0, 0,
                                   _FILE_MODE, offset) + e.name)
        out += (header, e.name, e.data)
        offset += len(header) + len(e.name) + len(e.data)
        if offset >= 0xFFFFFFFF:
            raise ValueError("document larger than 4 GB")
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join(out) + directory + end
