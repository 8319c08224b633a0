"""What a line of a document is: the pieces of a paragraph (split at tabs and line breaks, with
their column), the Layout that locate() fills in, and the words that mark each ND30 element."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .conventions import type_name
from .model import Para
from .vntext import fold, key, key_starts

QH_KEY = key("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
TN_KEY = key("Độc lập - Tự do - Hạnh phúc")
HEADER_SCAN = 60  # paragraphs searched for the header when no tên loại is found
_SO = re.compile(r"^\s*s[ốôoóồổ]\s*[:.;]?", re.IGNORECASE)
_NOTICES = {key(t) for t in ("LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI", "MẬT", "TỐI MẬT", "TUYỆT MẬT", "KHẨN",
                             "THƯỢNG KHẨN", "HỎA TỐC", "HOẢ TỐC", "DỰ THẢO", "BẢN DỰ THẢO")}
_PLACEHOLDER_SIGN = re.compile(r"^\(.*\)$")


@dataclass
class Span:
    """A stretch of one paragraph: a line, or one column of a tab-separated line."""

    para: Para
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.para.text[self.start:self.end]

    def fmts(self):
        return self.para.fmts(self.start, self.end)


GAP = None  # marks the signature space in a signature column


@dataclass
class Layout:
    type_name: str | None = None
    kind: str | None = None
    quoc_hieu: Span | None = None
    tieu_ngu: Span | None = None
    co_quan: list[Span] = field(default_factory=list)
    chu_quan: list[Span] = field(default_factory=list)
    so: Span | None = None
    date: Span | None = None
    vv: Span | None = None
    ten_loai: Span | None = None
    trich_yeu: list[Span] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    kinh_gui: set[int] = field(default_factory=set)
    noi_nhan: Span | None = None
    noi_nhan_lines: list[Span] = field(default_factory=list)
    signature: list[Span | None] = field(default_factory=list)
    signers: dict[str, list[Span | None]] = field(default_factory=dict)  # biên bản: "THƯ KÝ", "CHỦ TỌA"
    signer_sides: dict[str, str] = field(default_factory=dict)  # "left" / "right" / "?"
    in_textbox: set[str] = field(default_factory=set)  # elements seen only inside text boxes
    appendix_label: Span | None = None  # a phụ lục file: its "Phụ lục I" line
    appendix_title: list[Span] = field(default_factory=list)
    legal: bool = False  # a legal document (văn bản quy phạm pháp luật): the year is part of its number
    header_end: int = 0  # last paragraph index of the header
    closing_start: int | None = None
    # During locate(): the pieces of each paragraph, cut once whichever part of the search asks
    # first; keyed by id() since a Para is not hashable (the document keeps its paragraphs, so ids
    # stay unique while it lasts).
    _cuts: dict = field(default_factory=dict, repr=False, compare=False)


_RUNS = {True: re.compile(r"[^\t\n]+"), False: re.compile(r"[^\n]+")}


def pieces(para: Para, tabs: bool = True) -> list[Span]:
    """The non-blank lines of a paragraph; with tabs=True each tab-separated column is its own piece."""
    text = para.text
    out = []
    if "\n" not in text and not (tabs and "\t" in text):
        # Most paragraphs are one line without tabs: one piece, the text without its outer spaces.
        end = len(text.rstrip())
        if end:
            out.append(Span(para, len(text) - len(text.lstrip()), end))
        return out
    for m in _RUNS[tabs].finditer(text):
        run = m.group()
        end = len(run.rstrip())
        if end:
            out.append(Span(para, m.start() + len(run) - len(run.lstrip()), m.start() + end))
    # A numbering label ends with a tab: keep it with its text.
    if tabs and para.label is not None and out and out[0].end <= len(para.label.text) and len(out) > 1:
        out[1] = Span(para, out[0].start, out[1].end)
        out.pop(0)
    return out


def _pieces(lay: Layout, para: Para, tabs: bool = True) -> tuple[Span, ...]:
    """pieces(), cut once per paragraph for the whole search; shared, so never changed in place."""
    cut = lay._cuts.get((id(para), tabs))
    if cut is None:
        cut = lay._cuts[(id(para), tabs)] = tuple(pieces(para, tabs))
    return cut


def _column_no(piece: Span) -> int:
    """0 for a piece that starts its line (leading tabs aside), 1 for the next tab column…"""
    text = piece.para.text
    line_start = text.rfind("\n", 0, piece.start) + 1
    before = text[line_start:piece.start]
    return sum(1 for part in before.split("\t") if part.strip())


def _label_pieces(lay: Layout, para: Para, limit: int, initials: str) -> tuple[Span, ...]:
    """The pieces of a paragraph that may be a short label (at most `limit` long, starting with one of
    `initials`), for the searches through the whole closing part, a long table included: a one-line
    paragraph (most of them) is one piece, its text without the outer spaces, so one that cannot be
    the label is passed over without being cut. Callers still test each piece in full."""
    text = para.text
    if "\t" not in text and "\n" not in text:
        line = text.strip()
        if len(line) > limit or line[:1] not in initials or not line:
            return ()
    return _pieces(lay, para)


def _lines(lay: Layout, para: Para) -> tuple[Span, ...]:
    return _pieces(lay, para, tabs=False)


# The tests on a line's key (vntext.key) take the key, so that a line tested for several elements
# is folded once.
def _qh_key(k: str) -> bool:
    return (k == QH_KEY or "CHUNGHIAVIETNAM" in k or k.startswith("CONGHOAXAHOI")) and len(k) <= len(QH_KEY) + 8


def _tn_key(k: str) -> bool:
    return k == TN_KEY or (k.startswith("DOCLAP") and "HANHPHUC" in k and len(k) <= len(TN_KEY) + 6)


def is_qh(text: str) -> bool:
    return _qh_key(key(text))


def is_tn(text: str) -> bool:
    return _tn_key(key(text))


def is_so(text: str) -> bool:
    return bool(_SO.match(text)) and "/" in text and len(text) < 80


# The line ends with the year (or the blank a draft leaves for it): not a sentence quoting a date.
_DATE_WORDS = re.compile(r"NGAY\b.*\bTHANG\b.*\bNAM\s*(\d{4}|[\s.…_]*)$")
_DATE_DIGITS = re.compile(r",\s*(ngày\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*$", re.IGNORECASE)


def is_date(text: str) -> bool:
    if _DATE_WORDS.search(fold(text)) and len(text) < 90:
        return True
    return bool(_DATE_DIGITS.search(text)) and len(text) < 70


def is_vv(text: str) -> bool:
    return fold(text).replace(" ", "").startswith("V/V")


NOI_NHAN_MAX = 20  # longest "Nơi nhận" label recognised
SIGNER_MAX = 12  # longest "THƯ KÝ" / "CHỦ TỌA" line recognised
O12_MAX = 40  # longest ô-12 line (drafter's initials, number of copies) under the Lưu line


def is_noi_nhan(text: str) -> bool:
    return len(text) <= NOI_NHAN_MAX and text[:1] in "Nn" and key(text) == "NOINHAN"


def is_kinh_gui(text: str) -> bool:
    return key_starts(text, "KINHGUI")


def _first_line(lay: Layout, para: Para) -> Span | None:
    lines = _lines(lay, para)
    return lines[0] if lines else None


