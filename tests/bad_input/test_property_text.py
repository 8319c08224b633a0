"""Property: any Unicode string in any text field of any document kind either renders into a DOCX
whose text holds it exactly, after the documented normalisation, or is refused with a clear message
naming that field. And no shape of data, however wrong, makes the program fail in its own code.

A new document kind is added to KINDS by listing a valid document and its text fields, each with
how the field's (cleaned) value is printed.
"""
from __future__ import annotations

import copy
import os
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from badinput import docx_text
from tdkt_docs import starters, title_lines, vn
from tdkt_docs import build as pipeline
from tdkt_docs.build import stages
from tdkt_docs.input.encoding import legacy_font
from tdkt_docs.errors import LayoutError, TdktError
from tdkt_docs.kinds.markup import plain
from tdkt_docs.input.loader import load_yaml

# 60 examples keep the suite quick on a shared machine; TDKT_EXAMPLES=5000 searches harder. The
# default run uses the same examples every time, so CI's verdict does not depend on the draw; a
# harder search draws afresh.
SETTINGS = settings(max_examples=int(os.environ.get("TDKT_EXAMPLES", "60")), deadline=None,
                    derandomize="TDKT_EXAMPLES" not in os.environ, database=None,
                    suppress_health_check=list(HealthCheck))


# --- The documented normalisation (tdkt_docs/sanitize.py), written out again from its description --

_REMOVED = set(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r")
_REMOVED |= set(chr(c) for c in range(0x7F, 0xA0) if c != 0x85)
_REMOVED |= {"\ufeff", "\ufffe", "\uffff"} | set(chr(c) for c in range(0xFDD0, 0xFDF0))
_REMOVED |= {chr((plane << 16) | low) for plane in range(1, 17) for low in (0xFFFE, 0xFFFF)}


def documented_clean(text: str) -> str:
    # Zero-width characters go before the YAML is read (tdkt_docs/input/invisible.py).
    text = "".join(c for c in text if c not in "\u200b\u200c\u200d\u2060\u180e")
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    out, i = [], 0
    while i < len(text):
        if text[i] not in _REMOVED:
            out.append(text[i])
            i += 1
            continue
        j = i
        while j < len(text) and text[j] in _REMOVED:
            j += 1
        run = text[i:j]
        before = text[i - 1] if i else " "
        after = text[j] if j < len(text) else " "
        if ({"\x0b", "\x0c"} & set(run)) and not before.isspace() and not after.isspace():
            out.append(" ")
        i = j
    return unicodedata.normalize("NFC", "".join(out))


# --- Kinds and their text fields ---------------------------------------------------------------

@dataclass
class Field:
    where: str  # as messages name it: "noi_dung[1].tieu_de"
    shown: Callable[[str], str | tuple[str, ...]]  # the cleaned value -> what the document shows (any of)
    strip: bool = True  # the schema trims white space at both ends
    # A rule of the kind may leave the value out given the others (cleaned values by field).
    left_out: Callable[[dict], bool] = lambda values: False

    @property
    def path(self) -> tuple:
        parts: list = []
        for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", self.where):
            parts.append(int(index) - 1 if index else name)
        return tuple(parts)

    def __str__(self) -> str:
        return self.where


def marked(prefix: str = "", upper: bool = False) -> Callable[[str], str]:
    return lambda v: plain(prefix + (vn.upper(v) if upper else v))


# How a field is printed: the documented conventions, nothing else.
MARKUP = marked()  # **đậm**, *nghiêng* become formatting
# A long title is broken into even lines (title_lines.balance): its words, one line break between some.
TITLE = lambda v: (plain(v), plain(title_lines.balance(v)))  # noqa: E731
LITERAL = lambda v: v  # noqa: E731 - printed as typed, marks and all
UPPER = lambda v: vn.upper(v)  # noqa: E731
UPPER_MARKUP = marked(upper=True)
EITHER = lambda v: (plain(v), v)  # noqa: E731 - printed in two places, one with formatting, one without
END = lambda v: plain(vn.end_mark(v))  # noqa: E731 - the last paragraph of the content takes './.'


def COMPOSED(v: str) -> str:
    # Put into one sentence with other fields ("- Tên, chức vụ, vai trò;") before formatting marks are
    # read, so a lone '*' here may pair with one in the next field: compared without asterisks.
    return "\x00" + plain(v).replace("*", "")


def CAN_CU(v: str) -> str:
    # Its end mark (';' or '.') is computed (vn.can_cu_lines), and what was typed before it goes:
    # compared without that last mark.
    return plain(vn.can_cu_lines([v])[0])[:-1]


def NOI_NHAN(v: str) -> str:
    # '- X;' or '- X.' by its place in the list: compared without that last mark.
    line = vn.noi_nhan_lines([v])[0]
    return line if v.strip() in {"...", "…"} else line[:-1]


KE_HOACH = {
    "loai": "ke_hoach",
    "co_quan": {"chu_quan": "UBND HUYỆN TAM ĐƯỜNG", "ten": "ỦY BAN NHÂN DÂN", "viet_tat": "UBND"},
    "so": 5, "dia_danh": "Tam Đường", "ngay": "2026-01-05",
    "trich_yeu": "Trích yếu", "can_cu": ["Căn cứ"], "mo_dau": ["Mở đầu"],
    "noi_dung": [{"tieu_de": "Mục", "noi_dung": [
        "Đoạn", {"gach": ["Gạch"]}, {"bang": {"cot": ["Cột A", "Cột B"], "dong": [["Ô", "Ô khác"]]}}]}],
    "ket_thuc": ["Kết thúc"],
    "noi_nhan": ["Nơi nhận", "Lưu: VT"],
    "nguoi_ky": {"quyen_han": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Họ tên"},
}


def starter(kind: str) -> dict:
    """The document `tdkt new` writes for a kind: valid as it stands. Its Nơi nhận gets a first line
    of its own, so a generated one never takes the place of the closing 'Lưu: VT' that ND30 requires."""
    data = load_yaml(Path(starters.__file__).parent / f"{kind}.yaml").data
    for part in (data, data.get("bien_ban") or {}, data.get("to_trinh") or {}):
        if isinstance(part.get("noi_nhan"), list) and len(part["noi_nhan"]) == 1:
            part["noi_nhan"].insert(0, "Nơi nhận")
    return data


BIEN_BAN = [
    ("co_quan.chu_quan", UPPER), ("co_quan.ten", UPPER_MARKUP), ("ten_cuoc_hop", TITLE), ("hoi_dong", COMPOSED),
    ("dia_diem", COMPOSED), ("thanh_vien[1].ho_ten", COMPOSED), ("thanh_vien[1].chuc_vu", COMPOSED),
    ("thanh_vien[2].ho_ten", COMPOSED), ("thanh_vien[2].vai_tro", COMPOSED), ("thanh_vien[3].vang", COMPOSED),
    ("thanh_vien[4].chuc_vu", COMPOSED), ("thanh_vien[5].ho_ten", COMPOSED), ("noi_dung[1]", MARKUP),
    ("noi_dung[2]", MARKUP),
]
DE_NGHI = [("de_nghi.hinh_thuc", COMPOSED), ("de_nghi.tap_the[1].ten", LITERAL), ("de_nghi.ca_nhan[1].ten", LITERAL)]

# kind: (a valid document, its text fields and how each is printed)
KINDS: dict[str, tuple[dict, list[Field]]] = {
    "ke_hoach": (KE_HOACH, [Field(w, f, *rest) for w, f, *rest in [
        ("co_quan.chu_quan", UPPER), ("co_quan.ten", UPPER_MARKUP),
        ("dia_danh", lambda v: f"{v}, ngày 05 tháng 01 năm 2026"),
        ("trich_yeu", TITLE), ("can_cu[1]", CAN_CU), ("mo_dau[1]", MARKUP),
        ("noi_dung[1].tieu_de", marked("I. ", upper=True)), ("noi_dung[1].noi_dung[1]", MARKUP),
        ("noi_dung[1].noi_dung[2].gach[1]", marked("- ")), ("noi_dung[1].noi_dung[3].bang.cot[2]", MARKUP),
        ("noi_dung[1].noi_dung[3].bang.dong[1][1]", MARKUP, False),
        ("ket_thuc[1]", END), ("noi_nhan[1]", lambda v: vn.noi_nhan_lines([v, "Lưu: VT"])[0]),
        ("nguoi_ky.chuc_vu", UPPER), ("nguoi_ky.ho_ten", LITERAL),
    ]]),
    "de_cuong": (starter("de_cuong"), [Field(w, f) for w, f in [
        ("co_quan.chu_quan", UPPER), ("co_quan.ten", UPPER_MARKUP), ("dia_danh", LITERAL), ("trich_yeu", TITLE),
        ("noi_dung[1].tieu_de", UPPER_MARKUP), ("noi_dung[1].noi_dung[1]", MARKUP),
        ("noi_dung[1].noi_dung[2].tieu_de", MARKUP), ("noi_dung[1].noi_dung[2].goi_y", LITERAL),
        ("noi_dung[2].noi_dung[2]", MARKUP), ("noi_dung[3]", UPPER_MARKUP), ("noi_nhan[1]", NOI_NHAN),
        ("nguoi_ky.chuc_vu", UPPER),
    ]]),
    "bao_cao": (starter("bao_cao"), [Field(w, f) for w, f in [
        ("co_quan.ten", UPPER_MARKUP), ("dia_danh", LITERAL), ("trich_yeu", TITLE),
        ("noi_dung[1].tieu_de", UPPER_MARKUP), ("noi_dung[1].noi_dung[1]", MARKUP),
        ("noi_dung[2].noi_dung[1]", END), ("noi_nhan[1]", NOI_NHAN), ("nguoi_ky.quyen_han", UPPER),
        ("nguoi_ky.chuc_vu", UPPER), ("nguoi_ky.ho_ten", LITERAL),
    ]]),
    "to_trinh": (starter("to_trinh"), [Field(w, f) for w, f in [
        ("co_quan.chu_quan", UPPER), ("co_quan.ten", UPPER_MARKUP), ("dia_danh", LITERAL), ("trich_yeu", TITLE),
        ("kinh_gui", EITHER), ("chu_the", COMPOSED), ("can_cu[1]", CAN_CU), *DE_NGHI,
        ("de_nghi.ca_nhan[1].chuc_vu_don_vi", LITERAL), ("nguoi_ky.chuc_vu", UPPER), ("nguoi_ky.ho_ten", LITERAL),
    ]] + [
        # '- Như trên;' already names the addressee: a Nơi nhận line equal to Kính gửi is not repeated.
        Field("noi_nhan[1]", NOI_NHAN, left_out=lambda values: values["noi_nhan[1]"] == values["kinh_gui"]),
    ]),
    "bien_ban": (starter("bien_ban"), [Field(w, f) for w, f in [*BIEN_BAN, *DE_NGHI, ("noi_nhan[1]", NOI_NHAN)]]),
    "ho_so": (starter("ho_so"), [Field(w, f) for w, f in [
        *[(f"bien_ban.{w}", f) for w, f in BIEN_BAN], *DE_NGHI, ("de_nghi.ca_nhan[1].chuc_vu_don_vi", LITERAL),
        ("to_trinh.co_quan.ten", UPPER_MARKUP), ("to_trinh.trich_yeu", TITLE), ("to_trinh.chu_the", COMPOSED),
        ("to_trinh.tham_quyen", COMPOSED), ("to_trinh.can_cu[1]", CAN_CU), ("to_trinh.nguoi_ky.ho_ten", LITERAL),
    ]]),
    # Điều 1 and the certificates print the names and the achievement as typed, marks and all; the
    # article's sentence drops the punctuation a clerk ends them with.
    "quyet_dinh": (starter("quyet_dinh"), [Field(w, f) for w, f in [
        ("co_quan.ten", UPPER_MARKUP), ("dia_danh", LITERAL), ("thanh_tich", lambda v: v.rstrip(" .;,")),
        ("thi_hanh[1]", lambda v: v.rstrip(" ;,.")), ("khen_thuong.tap_the[1].ten", LITERAL),
        ("khen_thuong.ca_nhan[1].ten", LITERAL), ("khen_thuong.ca_nhan[1].chuc_vu_don_vi", LITERAL),
        ("nguoi_ky.ho_ten", LITERAL),
    ]]),
}


def _council(base: dict, prefix: str) -> Callable[[dict], bool]:
    """No chủ quản line is printed above a UBND or HĐND the clerk did not ask to keep it for."""
    part = base
    for key in filter(None, prefix.rstrip(".").split(".")):
        part = part[key]
    given = part.get("co_quan") or {}

    def left_out(values: dict) -> bool:
        name = values.get(f"{prefix}co_quan.ten", given.get("ten") or "")
        return vn.is_council(name, given.get("viet_tat") or "") and not given.get("giu_chu_quan")
    return left_out


for _kind, (_base, _fields) in KINDS.items():
    _fields[:] = [replace(f, left_out=_council(_base, f.where[:-len("co_quan.chu_quan")]))
                  if f.where.endswith("co_quan.chu_quan") else f for f in _fields]


def put(data: Any, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


NASTY = ["&amp; <b> \"x\" 'y'", "{{ ky.ho_ten }}", "{% for x in y %}", "]]>", "\x0b", "a\x0cb", "\r\n",
         "\t", "\u0301", "e\u0302\u0301", "\ufeff", "\x85", "\u2028", "**đậm**", "*", "\\*", "🏅", "\U0010fffd",
         "\ufdd0", "\U0001fffe", "- ", ": ", " #", "---", "…", "./.", "   "]
TEXT = st.one_of(st.text(), st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=4)), max_size=8).map("".join))
# Mostly text with something to print, so most examples reach the document; now and then one field
# is left with nothing but spaces or removed characters, to see it refused.
FILLED = st.tuples(TEXT, st.characters(categories=("L", "N")), TEXT).map("".join)
BLANK = st.lists(st.sampled_from([" ", "\t", "\n", "\u00a0", "\u3000", "\x0b", "\ufeff", "\r\n"]), max_size=4).map("".join)


class _Quoted(yaml.SafeDumper):
    """Every text in double quotes, where YAML escapes what it would otherwise read differently
    (U+0085, U+2028, U+2029 are line breaks to YAML, and a break in other styles folds to a space)."""


_Quoted.add_representer(str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"'))


def build(document: dict) -> tuple[str | None, TdktError | None]:
    """The DOCX text, or the error, for a document given as data."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "van-ban.yaml"
        source.write_text(yaml.dump(document, Dumper=_Quoted, allow_unicode=True, sort_keys=False, width=10**9),
                          encoding="utf-8")
        try:
            _, _, renderings, _ = stages.prepare(source)
            documents = stages.render_all(renderings)
        except TdktError as exc:
            return None, exc
        texts, refused = [], None
        for i, (_, document) in enumerate(documents):  # a dossier is several documents
            target = Path(folder) / f"van-ban-{i}.docx"
            try:
                stages.check_rendered(str(target), document)  # as build_one does before writing
            except LayoutError as exc:
                refused = refused or exc  # not written; its text is still checked below
            target.write_bytes(document)
            with zipfile.ZipFile(target) as z:
                xml = z.read("word/document.xml").decode("utf-8")
            # Word shows a raw line feed or tab inside <w:t> as a space: they must be <w:br/> and <w:tab/>.
            raw = re.search(r"<w:t(?: [^>]*)?>[^<]*[\n\t\r][^<]*</w:t>", xml)
            assert raw is None, raw.group()
            texts.append(docx_text(target))
        return "\n".join(texts), refused


def check_kind(kind: str, values: list[str], record: bool = True) -> None:
    base, fields = KINDS[kind]
    document = copy.deepcopy(base)
    for f, value in zip(fields, values):
        put(document, f.path, value)
    text, error = build(document)
    cleaned = {str(f): documented_clean(v).strip() if f.strip else documented_clean(v) for f, v in zip(fields, values)}
    if record:
        event(f"{kind}: built" if error is None or isinstance(error, LayoutError) else f"refused: {error.problems[0].message[:40]}")
    if isinstance(error, LayoutError):
        # The ND30 checker read the rendered document and refused to write it (a place name that does
        # not read as one, a signer's title not in capitals...): the message quotes the paragraph.
        # The rendered text must still hold every value, checked below.
        for problem in (p for p in error.problems if p.severity == "error"):  # warnings are said with them
            assert problem.message.startswith("văn bản chưa đạt thể thức Nghị định 30 nên chưa được ghi"), str(problem)
    elif error is not None:
        for problem in (p for p in error.problems if p.severity == "error"):
            assert problem.file.endswith("van-ban.yaml") and problem.line, str(problem)
            assert problem.field in cleaned, f"refused for a field not generated: {problem}"
            value = cleaned[problem.field]
            # Refused only for a documented reason: nothing left to print, a legacy font, or a rule of the
            # kind about a value given twice (two members with one name).
            twice = list(cleaned.values()).count(value) > 1
            # ... or a name longer than a certificate's line, even set at 2/3 of its size.
            too_long = "quá dài cho dòng tên trên giấy khen" in problem.message
            assert value == "" or legacy_font(value) or twice or too_long, f"{problem} for {value!r}"
            if too_long:
                continue
            if twice and value and not legacy_font(value):
                assert "hai lần" in problem.message, str(problem)
            elif value == "":
                assert problem.message.startswith("đang để trống; hãy điền nội dung"), str(problem)
            else:
                assert problem.message.startswith(("chữ Việt được gõ bằng bảng mã", "chữ Việt bị hỏng")), str(problem)
        return
    for f in fields:
        assert cleaned[str(f)] or not f.strip, f"{f}: empty value was accepted"
        if f.left_out(cleaned):
            continue
        expected = f.shown(cleaned[str(f)])
        choices = expected if isinstance(expected, tuple) else (expected,)
        seen = text
        if choices[0].startswith("\x00"):  # COMPOSED
            choices, seen = (choices[0][1:],), text.replace("*", "")
        assert any(choice in seen for choice in choices), f"{kind} {f}: {expected!r} not in the document"


@SETTINGS
@given(st.data())
def test_any_text_in_any_field(data):
    for kind, (_, fields) in KINDS.items():
        values = [data.draw(FILLED, label=str(f)) for f in fields]
        if data.draw(st.integers(0, 9), label="blank one field") == 0:
            which = data.draw(st.integers(0, len(fields) - 1), label="which")
            values[which] = data.draw(BLANK, label="blank")
        check_kind(kind, values)


def test_property_check_can_fail():
    """The check above notices a value that did not reach the document."""
    base, fields = KINDS["ke_hoach"]
    broken = Field(fields[0].where, lambda v: v + " (không có)")
    KINDS["hong"] = (base, [broken])
    try:
        try:
            check_kind("hong", ["Tên"], record=False)
        except AssertionError as exc:
            assert "không có" in str(exc)
        else:
            raise AssertionError("a missing value went unnoticed")
    finally:
        del KINDS["hong"]


# --- Any shape of data: a clear refusal or a document, never a failure of the program ---------------

YAML_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
              st.sampled_from(["2026-02-30", "2026-13-01", "0", "-1", "99999999999", "", " ", "ke_hoach",
                               "thap_phan", "TM. X", "Lưu: VT"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(["tieu_de", "van_ban", "noi_dung", "gach", "bang",
                                                             "cot", "dong", "so_thu_tu", "do_rong", "danh_so",
                                                             "x", "Nội dung"]), inner, max_size=4)),
    max_leaves=12)


def all_paths(value: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out += all_paths(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += all_paths(item, path + (i,))
    return out


@SETTINGS
@given(st.data())
def test_any_shape_of_data_is_refused_clearly_or_built(data):
    for kind, (base, _) in KINDS.items():
        document = copy.deepcopy(base)
        for _ in range(data.draw(st.integers(1, 3), label="changes")):
            paths = [p for p in all_paths(document) if p]
            path = data.draw(st.sampled_from(paths), label="where")
            try:
                if data.draw(st.booleans(), label="delete"):
                    parent = document
                    for part in path[:-1]:
                        parent = parent[part]
                    del parent[path[-1]]
                else:
                    put(document, path, data.draw(YAML_VALUES, label="value"))
            except (KeyError, IndexError, TypeError):
                continue  # the path went away with an earlier change
        text, error = build(document)  # anything but TdktError propagates and fails the test
        if isinstance(error, LayoutError):
            assert all(p.message.startswith("văn bản chưa đạt thể thức") for p in error.problems)
        elif error is not None:
            assert error.problems
            for problem in error.problems:
                assert problem.message and not re.search(r"[A-Za-z]+Error|Traceback|pydantic", problem.message), \
                    str(problem)
                assert problem.file.endswith("van-ban.yaml"), str(problem)
        else:
            assert text
