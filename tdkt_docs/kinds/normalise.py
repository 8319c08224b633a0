"""Turn a validated document into the values its template prints: numbering, Số, date, Nơi nhận,
signature lines, './.', all computed here and never typed by the clerk."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from markupsafe import Markup

from tdkt_docs import title_lines, vn
from tdkt_docs.errors import InputError, Problem
from tdkt_docs.kinds.markup import Fragment, plain, runs
from tdkt_docs.input.loader import Loaded, dotted
from tdkt_docs.model import Bang, Gach, Muc, NguoiKy, VanBan
from tdkt_docs.model.fields import TuDong

# Numbered levels of a document not divided into articles (ND30 PL I.II.6.đ, part B).
LEVELS = ("muc", "khoan", "diem")
MAX_DEPTH = len(LEVELS)


@dataclass
class Block:
    """One paragraph (or table) of the content, with the template branch that prints it."""

    kieu: str
    runs: Markup = Markup("")
    xml: Markup = Markup("")
    text: str = ""  # plain text of a paragraph, for the checks on it (a table has none: nothing reads it)
    source: str | None = None  # the marked-up text, when the block is one plain paragraph


@dataclass
class Numbering:
    """Walks the body tree and yields numbered, styled blocks."""

    loaded: Loaded | None = None
    blocks: list[Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    in_part: bool = False
    # The computed blocks this kind offers to `tu_dong:` items, by name; each appends its blocks.
    auto: dict[str, Callable[[], None]] = field(default_factory=dict)
    placed: list[str] = field(default_factory=list)

    def label(self, depth: int, index: int, parent_label: str | None, decimal: bool) -> str:
        if decimal and parent_label:
            return f"{parent_label.rstrip('.')}.{index}."
        if depth == 0:
            return f"{vn.roman(index)}."
        if depth == 1:
            return f"{index}."
        return f"{vn.letter(index)})"

    def walk(self, items: Iterable[Any], path: tuple, depth: int = 0,
             parent_label: str | None = None, decimal: bool = False, decimal_below: bool = False) -> None:
        index = 0
        parts = 0
        top = depth == 0 and not self.in_part
        has_parts = top and any(isinstance(item, Muc) and item.phan is not None for item in items)
        for i, item in enumerate(items):
            here = path + (i,)
            if isinstance(item, str):
                self.paragraph("doan", item)
            elif isinstance(item, TuDong):
                self.computed(item.tu_dong, here)
            elif isinstance(item, Muc):
                if item.phan is not None:
                    parts += 1
                    self.part(item, here, top, parts)
                elif item.gach is not None:
                    self.bullets(item.gach, 0)
                elif item.bang is not None:
                    self.table(item.bang)
                elif has_parts:
                    self.problem(here, "nội dung đã chia thành phần ('phan') thì mục này cũng phải nằm trong "
                                 "'noi_dung' của một phần; hãy chuyển nó vào phần trước hoặc sau nó")
                else:
                    index += 1
                    self.numbered(item, here, depth, index, parent_label, decimal, decimal_below)

    def numbered(self, item: Muc, path: tuple, depth: int, index: int,
                 parent_label: str | None, decimal: bool, decimal_below: bool = False) -> None:
        if depth >= MAX_DEPTH and not decimal:
            self.problem(path, "quá 3 cấp đánh số (I., 1., a)); ở cấp này hãy dùng 'gach' (gạch đầu dòng)")
            return
        label = self.label(depth, index, parent_label, decimal)
        level = LEVELS[min(depth, MAX_DEPTH - 1)]
        if item.tieu_de is not None:
            # A number typed by hand would print twice ("I. I. MỤC ĐÍCH"); validation warns of it.
            typed = vn.without_typed_number(item.tieu_de)
            title = vn.upper(typed) if level == "muc" else typed
            text = f"{label} {title}"
            if item.van_ban is not None:
                text_runs = runs(f"{label} {title}", bold=level != "diem") + runs(f": {item.van_ban}")
                self.blocks.append(Block(level, text_runs, text=plain(f"{text}: {item.van_ban}")))
            else:
                self.paragraph(level + "_td" if level != "muc" else "muc", text)
        else:
            self.paragraph(level if level != "muc" else "muc", f"{label} {item.van_ban}")
        # Children numbered 2.1., 2.2. stay at the parent's level; their own children go one deeper.
        child_decimal = item.danh_so == "thap_phan" or decimal_below
        if child_decimal and depth == 0:
            # A mục has khoản 1., 2. below it, never "II.1.": decimal numbering starts under each khoản.
            self.walk(item.noi_dung, path + ("noi_dung",), 1, label, decimal_below=True)
            return
        child_depth = depth if child_decimal else depth + 1
        if decimal:
            child_depth = depth + 1
        self.walk(item.noi_dung, path + ("noi_dung",), child_depth, label, child_decimal)

    def part(self, item: Muc, path: tuple, top: bool, index: int) -> None:
        """"Phần I" on its own line and its title below, both centred; the mục inside restart at I."""
        if not top:
            self.problem(path + ("phan",), "'phan' chỉ dùng ở cấp ngoài cùng của 'noi_dung' (phần chứa các mục "
                         "I., II.); ở cấp này hãy dùng 'tieu_de'")
            return
        self.paragraph("phan", vn.phan_label(index, item.danh_so or "la_ma"))
        self.paragraph("phan_td", vn.upper(vn.without_typed_part(item.phan)))
        self.in_part = True
        try:
            self.walk(item.noi_dung, path + ("noi_dung",), 0)
        finally:
            self.in_part = False

    def computed(self, name: str, path: tuple) -> None:
        """A `tu_dong:` item: the block the kind computes, printed where the clerk put it."""
        if name not in self.auto:
            known = ", ".join(self.auto) if self.auto else ""
            where = f"văn bản này có: {known}" if known else "loại văn bản này không có khối tự động nào"
            self.problem(path + ("tu_dong",), f"không có khối tự động '{name}' ({where}); hãy sửa tên hoặc "
                         "bỏ dòng này")
            return
        if name in self.placed:
            self.problem(path + ("tu_dong",), f"khối tự động '{name}' đã đặt ở chỗ khác; mỗi khối chỉ đặt một lần")
            return
        self.placed.append(name)
        self.auto[name]()

    def bullets(self, items: list, depth: int) -> None:
        kieu = "gach" if depth == 0 else "cong"
        mark = "-" if depth == 0 else "+"
        for item in items:
            if isinstance(item, Gach):
                self.paragraph(kieu, f"{mark} {item.van_ban}")
                self.bullets(item.gach, depth + 1)
            else:
                self.paragraph(kieu, f"{mark} {item}")

    def paragraph(self, kieu: str, text: str) -> None:
        self.blocks.append(Block(kieu, runs(text), text=plain(text), source=text))

    def can_cu(self, lines: list[str]) -> None:
        """The căn cứ lines, their end punctuation computed as Nơi nhận's is."""
        for line in vn.can_cu_lines(lines):
            self.paragraph("can_cu", line)

    def table(self, bang: Bang) -> None:
        from tdkt_docs.kinds.tables import table_xml

        self.blocks.append(Block("bang", xml=table_xml(bang)))

    def problem(self, path: tuple, message: str) -> None:
        if self.loaded is None:
            self.problems.append(Problem("", message, field=dotted(path)))
        else:
            file, line, col = self.loaded.locate(path)
            self.problems.append(Problem(file, message, line, col, dotted(path)))


# The template style of each kind of paragraph (tools/make_templates.py, BODY_KINDS).
STYLES = {"can_cu": "TdktCanCu", "doan": "TdktNoiDung", "muc": "TdktMuc", "khoan_td": "TdktKhoanTieuDe",
          "khoan": "TdktKhoan", "diem_td": "TdktDiemTieuDe", "diem": "TdktDiem", "gach": "TdktGach",
          "cong": "TdktCong", "nghieng": "TdktDoanNghieng", "dan": "TdktDoanDan"}
# A closing paragraph longer than this many characters (about eight lines) may break across pages:
# kept whole it would leave most of a page empty.
KEEP_WHOLE_CHARS = 640


def close_content(blocks: list[Block]) -> None:
    """Append './.' to the last paragraph of the content (PL III templates), and keep that paragraph
    with Nơi nhận and the signature: a page holding only them is sent back by the văn thư."""
    if blocks and blocks[-1].kieu == "bang":
        # Content ending with a table: the mark goes after it, not on the line that leads into it,
        # and the table's last row goes with it to the signature's page.
        blocks[-1].xml = _last_row_kept_with_next(blocks[-1].xml)
        blocks.append(Block("doan", runs("./."), text="./.", source="./."))
    for block in reversed(blocks):
        if block.kieu == "bang":
            continue
        if block.source is not None:
            block.runs = runs(vn.end_mark(block.source))
        elif not block.text.rstrip().endswith("./."):
            block.runs = block.runs + runs("./." if not block.text.rstrip().endswith(".") else "/.")
        block.text = vn.end_mark(block.text)
        keep_with_signature(block)
        return


def _last_row_kept_with_next(xml: Fragment) -> Fragment:
    start = xml.rfind("<w:tr>") if "<w:tr>" in xml else xml.rfind("<w:tr ")
    if start < 0:
        return xml
    row = re.sub(r'(<w:pPr>(?:<w:pStyle w:val="[^"]*"/>)?)', r"\1<w:keepNext/>", str(xml[start:]))
    return Fragment(str(xml[:start]) + row)  # still whole, every text in it escaped


def keep_with_signature(block: Block) -> None:
    """The paragraph printed in its own style, kept with the next (the signature) and, when short,
    not broken across pages."""
    whole = "<w:keepLines/>" if len(block.text) <= KEEP_WHOLE_CHARS else ""
    _own_paragraph(block, "<w:keepNext/>" + whole)


def free_from_next(block: Block) -> None:
    """A heading with nothing under it (a line of an outline) in its style but not kept with the
    next: an outline whose every line is kept with the next cannot break anywhere, and LibreOffice
    then breaks it anywhere, the signature's page included."""
    _own_paragraph(block, '<w:keepNext w:val="0"/>')


def _own_paragraph(block: Block, properties: str) -> None:
    # The template prints a 'ket' block's paragraph as it is.
    style = STYLES.get(block.kieu)
    if style is None:
        return
    block.xml = Markup(f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{properties}</w:pPr>{block.runs}</w:p>')
    block.kieu = "ket"


def signature(nguoi_ky: NguoiKy) -> dict:
    return {
        "quyen_han": [vn.upper(line) for line in nguoi_ky.quyen_han_lines],
        "chuc_vu": vn.upper(nguoi_ky.chuc_vu),
        "chuc_vu_khac": vn.upper(nguoi_ky.chuc_vu_khac) if nguoi_ky.chuc_vu_khac else None,
        "ho_ten": nguoi_ky.ho_ten,
    }


def chu_quan_line(co_quan) -> str | None:
    """The line above the issuer's name; none above a UBND or HĐND unless the clerk keeps it
    (validation warns at the 'chu_quan' line that it is left out)."""
    if not co_quan.chu_quan:
        return None
    if vn.is_council(co_quan.ten, co_quan.viet_tat) and not co_quan.giu_chu_quan:
        return None
    return vn.upper(co_quan.chu_quan)


def header(doc: VanBan, type_abbr: str) -> dict:
    from tdkt_docs.typography import rule_under

    name_lines = doc.co_quan.ten.split("\n")
    title = title_lines.balance(doc.trich_yeu)  # the rule under it is as long as its lines say
    return {
        "chu_quan": chu_quan_line(doc.co_quan),
        "co_quan": runs(vn.upper(doc.co_quan.ten)),
        "ke_co_quan": rule_under(name_lines, size_pt=13, bold=True, column_cm=6.5),
        "so_ky_hieu": vn.so_ky_hieu(doc.so, type_abbr, doc.co_quan.viet_tat),
        "dia_danh_ngay": vn.dia_danh_ngay(doc.dia_danh, doc.ngay.ngay, doc.ngay.thang, doc.ngay.nam),
        "trich_yeu": runs(title),
        "ke_trich_yeu": rule_under(plain(title).split("\n"), size_pt=14, bold=True, column_cm=16.5),
        "noi_nhan": vn.noi_nhan_lines(doc.noi_nhan),
        "ky": signature(doc.nguoi_ky),
    }


def content_blocks(doc: Any, loaded: Loaded | None) -> list[Block]:
    """Căn cứ, opening, numbered body and closing of a Mẫu 1.4 document, ending with './.'."""
    numbering = Numbering(loaded)
    numbering.can_cu(doc.can_cu)
    for line in doc.mo_dau:
        numbering.paragraph("doan", line)
    numbering.walk(doc.noi_dung, ("noi_dung",))
    for line in doc.ket_thuc:
        numbering.paragraph("doan", line)
    raise_if(numbering.problems)
    close_content(numbering.blocks)
    return numbering.blocks


def raise_if(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)


def places_computed(items: Iterable[Any]) -> bool:
    """Whether the clerk placed any computed block (`tu_dong:`) in this body, at any depth."""
    for item in items:
        if isinstance(item, TuDong):
            return True
        if isinstance(item, Muc) and places_computed(item.noi_dung):
            return True
    return False
