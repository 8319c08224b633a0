"""Shortcuts taken while preparing a document answer exactly as the full work they skip: the same
legacy-font verdict, the same cleaned text, the same expanded variables, the same spreadsheet rows."""
from __future__ import annotations

import itertools
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tdkt_docs.input import encoding

from tdkt_docs.input import sanitize

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))

PATTERNS = (encoding._MOJIBAKE, encoding._TCVN3, encoding._VNI)

# Text a clerk may paste: legacy fonts, damaged UTF-8, decomposed marks, control characters.
TRICKY = [
    "", "Kế hoạch", "KẾ HOẠCH THI ĐUA NĂM 2026", "Thông báo kết quả", "Nguyễn Văn Bình, Giám đốc Sở",
    "Th«ng b¸o kÕt qu¶", "KÕ ho¹ch thi ®ua", "NguyÔn V¨n B×nh", "¸ ¸", "(«ng", "x¸)",
    "Vieät Nam", "Ñöôøng loái", "Nguyeãn Vaên Bình", "Hoà Bình", "Quý, Thuỷ, Khoẻ",
    "Káº¿ hoáº¡ch", "Ä‘Æ°á»ng", "Thanh Hoá… “Đà Nẵng” – Huế",
    unicodedata.normalize("NFD", "Kế hoạch thi đua, Nguyễn Văn Bình"), "a\u0301e\u0302\u0303",
    "Dòng\x0bhai\x0cba\x00\x1f\x7f\x85\x9f\ufeff", "\ufdd0\ufffe\U0001fffe\U0010ffff", "\ud800",
    "café, naïve, Noël, Zoë, Ñandú, Ångström \u212bngstr\u00f6m", "IÕ ıõ İÕ", "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý",
    "xÂy, bÊn, aÁ, eÊ, oÕ, uÙ, yÕ", "😀 Thi đua 😀",
]


def _classes(pattern: re.Pattern) -> list[re.Pattern]:
    """Every bracketed character class of `pattern`, read with and without regard to case."""
    found = re.findall(r"\[\^?(?:\\.|[^\]\\])+\]", pattern.pattern)
    return [re.compile(c, flags) for c in found for flags in (0, re.I)]


def _representatives() -> list[str]:
    """One character for each way the patterns can tell characters apart: a text made of others
    matches where the same text made of these does."""
    classes = [c for p in PATTERNS + (encoding._MAYBE_LEGACY,) for c in _classes(p)] + [re.compile(r"\s")]
    # Every character the classes name, or that folds to one, is below U+3001; all above behave alike.
    candidates = [chr(i) for i in range(0x3001)] + ["\u4e00", "\uffff", "\U0001f600", "\U0010ffff"]
    seen: dict[tuple[bool, ...], str] = {}
    for ch in candidates:
        seen.setdefault(tuple(bool(c.fullmatch(ch)) for c in classes), ch)
    return list(seen.values())


def test_no_character_above_the_representatives_bound_is_named_by_the_patterns():
    """So every character above U+3000 is told apart from others exactly as U+4E00 is."""
    far = "".join(chr(i) for i in range(0x3001, 0x110000) if not 0xD800 <= i <= 0xDFFF)
    for c in [c for p in PATTERNS + (encoding._MAYBE_LEGACY,) for c in _classes(p)] + [re.compile(r"\s")]:
        named = re.compile("[" + c.pattern[2:], c.flags) if c.pattern.startswith("[^") else c
        assert not named.search(far), c.pattern


def test_every_legacy_match_is_found_by_the_quick_search():
    """Each pattern looks at most one character back and one ahead, so every text of up to three
    characters, over one character of each kind, covers every place a match can be."""
    reps = _representatives()
    for length in (1, 2, 3):
        for chars in itertools.product(reps, repeat=length):
            text = "".join(chars)
            if any(p.search(text) for p in PATTERNS):
                assert encoding._MAYBE_LEGACY.search(text), repr(text)
                assert not text.isascii(), repr(text)  # legacy_font answers ASCII text at once


@pytest.mark.parametrize("text", TRICKY)
def test_legacy_font_with_and_without_the_shortcut(text):
    assert encoding.legacy_font(text) == encoding._counted(text)


def test_the_legacy_fonts_are_still_named():
    assert encoding.legacy_font("Th«ng b¸o kÕt qu¶") == "TCVN3"
    assert encoding.legacy_font("Vieät Nam, Nguyeãn Vaên") == "VNI"
    assert encoding.legacy_font("Káº¿ hoáº¡ch") == "UTF8"
    assert encoding.legacy_font("Thông báo kết quả") is None


_ALPHABET = st.sampled_from(sorted(set("".join(TRICKY)) | set(_representatives()) | set("aeiouy AEIOUY(),.\n\t")
                                   | {chr(c) for c in range(0x300, 0x324)}))


@SETTINGS
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_legacy_font_with_and_without_the_shortcut_on_drawn_text(text):
    assert encoding.legacy_font(text) == encoding._counted(text)
    nfc = unicodedata.normalize("NFC", text)
    assert encoding.legacy_font(nfc) == encoding._counted(nfc)


def test_every_removed_character_is_found_by_the_quick_search():
    for i in range(0x110000):
        ch = chr(i)
        if sanitize._REMOVED.match(ch):
            assert sanitize._MAYBE_REMOVED.match(ch), hex(i)


def _clean_in_full(text: str, monkeypatch) -> tuple[str, list[str]]:
    with monkeypatch.context() as m:
        m.setattr(sanitize, "_MAYBE_REMOVED", re.compile(".", re.S))
        return sanitize._clean(text)


@pytest.mark.parametrize("text", TRICKY)
def test_clean_with_and_without_the_shortcut(text, monkeypatch):
    assert sanitize._clean(text) == _clean_in_full(text, monkeypatch)


@SETTINGS
@given(st.text(alphabet=_ALPHABET | st.characters(), max_size=40))
def test_clean_with_and_without_the_shortcut_on_drawn_text(text):
    with pytest.MonkeyPatch.context() as m:
        assert sanitize._clean(text) == _clean_in_full(text, m)


def _expanded_first_line(tmp_path, name: str, date: str, line: str, extra: str = "") -> tuple[str, list[str]]:
    from clerk_support import MINIMAL, write
    from tdkt_docs.input.variables import expand
    from tdkt_docs.input.shared_files import load_document
    from tdkt_docs.errors import InputError
    from tdkt_docs.model.validate import validate

    text = MINIMAL.replace("ngay: 2026-03-05", f"ngay: {date}").replace(
        "      - Thi đua hoàn thành nhiệm vụ năm 2026.", f"      - {line}") + extra
    loaded = load_document(write(tmp_path, name, text))
    doc, _ = validate(loaded)
    try:
        new, warnings = expand(doc, loaded)
    except InputError as exc:
        return "", [p.message for p in exc.problems]
    return new.noi_dung[0].noi_dung[0], [p.message for p in warnings]


def test_an_expression_met_again_takes_the_values_of_its_own_document(tmp_path):
    line = "'Năm {{ nam }}, năm trước {{ nam - 1 }}, {{ 7*7 }}, {{ nam + }}, {{ ho_ten }}.'"
    first = _expanded_first_line(tmp_path, "a.yaml", "2025-03-05", line)
    second = _expanded_first_line(tmp_path, "b.yaml", "2026-03-05", line)
    assert first == ("Năm 2025, năm trước 2024, {{ 7*7 }}, {{ nam + }}, {{ ho_ten }}.", [])
    assert second == ("Năm 2026, năm trước 2025, {{ 7*7 }}, {{ nam + }}, {{ ho_ten }}.", [])
    # the same expression is still refused where its values make it too long, and named where unknown
    big = _expanded_first_line(tmp_path, "c.yaml", "2026-03-05", "'{{ x * nam }}'", "bien:\n  x: abcdef\n")
    assert big[0] == "" and "kết quả quá dài" in big[1][0]
    small = _expanded_first_line(tmp_path, "d.yaml", "2026-03-05", "'{{ x * 2 }}'", "bien:\n  x: abcdef\n")
    assert small == ("abcdefabcdef", [])
    strict = _expanded_first_line(tmp_path, "e.yaml", "2026-03-05", line, "bien:\n  x: 1\n")
    assert strict[0] == "" and "'ho_ten' chưa được khai báo" in strict[1][0]


def test_a_workbook_read_again_gives_its_rows_and_an_edited_one_its_new_rows(tmp_path):
    from openpyxl import Workbook

    from tdkt_docs.input import spreadsheets as sheets
    from tdkt_docs.errors import InputError
    from tdkt_docs.input.loader import load_yaml_text

    def save(names: list[str]) -> None:
        book = Workbook()
        book.active.title = "Danh sách"
        book.active.append(["STT", "Họ và tên", "Chức vụ, đơn vị"])
        for i, name in enumerate(names, 1):
            book.active.append([i, name, "Giáo viên"])
        book.save(tmp_path / "ds.xlsx")

    def read(sheet: str = "") -> list:
        loaded = load_yaml_text(f"de_nghi:\n  ca_nhan: {{tep: ds.xlsx{sheet}}}\n", "a.yaml")
        sheets.expand(loaded, tmp_path)
        return [p["ten"] for p in loaded.data["de_nghi"]["ca_nhan"]]

    save(["Lò Văn Minh", "Tẩn Thị Mẩy"])
    assert read() == read() == read(", trang: Danh sách") == ["Lò Văn Minh", "Tẩn Thị Mẩy"]
    with pytest.raises(InputError) as exc:
        read(", trang: Trang 2")
    assert "không có trang tính 'Trang 2'; các trang: Danh sách" in exc.value.problems[0].message
    save(["Vàng A Páo"])
    assert read() == ["Vàng A Páo"]
    sheets._BOOKS.clear()
    assert read() == ["Vàng A Páo"]
    (tmp_path / "ds.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(InputError) as exc:
        read()
    assert "không đọc được tệp như bảng tính Excel (.xlsx): tệp bị hỏng" in exc.value.problems[0].message


def _run_by_pieces(text: str, bold: bool, italic: bool) -> str:
    """inline._run as it was written first: the text split at every line break and tab."""
    from tdkt_docs.kinds.markup import escape

    props = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    parts = []
    for piece in re.split(r"(\n|\t)", text):
        if piece == "\n":
            parts.append("<w:br/>")
        elif piece == "\t":
            parts.append("<w:tab/>")
        elif piece:
            parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{''.join(parts)}</w:r>"


@pytest.mark.parametrize("text", TRICKY + ["a & b < c > d", "\n", "\t", "Dòng một\nDòng hai\tcột", "&amp;"])
def test_a_run_without_breaks_is_written_as_the_pieces_were(text):
    from markupsafe import Markup

    from tdkt_docs.kinds.markup import _run

    for bold, italic in itertools.product((False, True), repeat=2):
        assert _run(text, bold, italic) == _run_by_pieces(text, bold, italic)
    assert _run(Markup(text), False, False) == _run_by_pieces(text, False, False)


def test_shares_compared_in_whole_numbers_as_fractions_compare():
    from fractions import Fraction

    from tdkt_docs.model import voting_rules as rules

    for share in [Fraction(2, 3), Fraction(7, 10), Fraction(9, 10), Fraction(1, 2), Fraction(1), Fraction(667, 1000)]:
        for whole in range(0, 31):
            for part in range(0, whole + 2):
                assert rules.at_least(part, whole, share) == (whole > 0 and Fraction(part, whole) >= share)
