"""How the checker reads text: lines and tab columns of a paragraph, Vietnamese text compared
without accents, case or punctuation, a signature found past a long table, repeated findings
gathered into one."""
from __future__ import annotations

import os
import unicodedata
from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from checker_corpus import W, edit, qn, table_with
from checker_handmade import make
from tdkt_docs.checker import check_docx
from tdkt_docs.checker.check import analyse
from tdkt_docs.checker.layout import pieces
from tdkt_docs.checker.rules import Report
from tdkt_docs.checker.vntext import fold, fold_starts, key, key_starts

SETTINGS = settings(max_examples=int(os.environ.get("TDKT_EXAMPLES", "200")), deadline=None,
                    derandomize="TDKT_EXAMPLES" not in os.environ, database=None,
                    suppress_health_check=list(HealthCheck))


def documented_fold(text: str) -> str:
    """vntext.fold as its docstring says, one character at a time: Đ/đ -> D, accents dropped, capitals."""
    base = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in base if not unicodedata.combining(ch)).upper()


def test_fold_and_key_read_vietnamese_whatever_its_accents_case_and_spacing():
    assert fold("Cộng hòa xã hội chủ nghĩa Việt Nam") == "CONG HOA XA HOI CHU NGHIA VIET NAM"
    assert fold("Đề cương") == fold("ĐỀ CƯƠNG") == "DE CUONG"
    decomposed = unicodedata.normalize("NFD", "Nơi nhận")
    assert fold(decomposed) == fold("Nơi nhận") == "NOI NHAN"
    assert key("Nơi  nhận :") == key("NƠI NHẬN") == key("Noi-nhan") == "NOINHAN"
    assert key("Độc lập – Tự do – Hạnh phúc") == "DOCLAPTUDOHANHPHUC"
    # Marks outside the Latin block go too; the grapheme joiner (not a mark for Unicode) stays.
    assert fold("a\u20d7e\u1ab0") == "AE" and fold("a\u034fb") == "A\u034fB"
    assert key("a\u034fb") == "AB" and key("x² Ω") == "X²Ω"


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
       | st.text(alphabet="aăâeêioôơuưyAĂÂEÊIOÔƠUƯYĐđ \t\n–…«»\u0300\u0301\u0303\u0309\u0323\u034f\u20d7", max_size=30))
def test_fold_and_key_are_the_documented_transformations(text):
    assert fold(text) == documented_fold(text)
    assert key(text) == "".join(ch for ch in documented_fold(text) if ch.isalnum())


_OPENINGS = st.sampled_from(["", "Kính gửi", "KÍNH GỬI:", "Căn cứ", "Căn  cứ", "Điều ", "PHẦN "])
# Runs of what the key leaves out, long enough to push the words past any first look.
_FILLER = st.tuples(st.sampled_from([" ", "\t", "-", ".", "\u0301", "\u00a0"]), st.integers(0, 150)).map(
    lambda t: t[0] * t[1])


@SETTINGS
@given(_FILLER, _OPENINGS, st.text(alphabet=" \u00a0-:;.\u0301\u0323\u034fKkinhgửiCăcứuĐđPHẦNđiều", max_size=40),
       st.text(max_size=200))
def test_a_paragraph_s_opening_is_told_from_its_beginning_as_from_the_whole(filler, opening, middle, rest):
    text = filler + opening + middle + rest
    for prefix in ("KINHGUI", "CAN CU", ("PHAN ", "CHUONG ", "DIEU ")):
        assert fold_starts(text, prefix) == documented_fold(text).startswith(prefix)
        assert key_starts(text, prefix) == "".join(ch for ch in documented_fold(text) if ch.isalnum()).startswith(prefix)


def _para(text: str, label: str | None = None):
    return SimpleNamespace(text=text, label=SimpleNamespace(text=label) if label is not None else None)


def test_a_paragraph_is_cut_into_lines_and_tab_columns_without_their_outer_spaces():
    para = _para("  Nơi nhận:\tTM. ỦY BAN \n- Như trên;\n\n \u00a0")
    assert [s.text for s in pieces(para)] == ["Nơi nhận:", "TM. ỦY BAN", "- Như trên;"]
    assert [s.text for s in pieces(para, tabs=False)] == ["Nơi nhận:\tTM. ỦY BAN", "- Như trên;"]
    assert [(s.start, s.end) for s in pieces(_para(" \tCHỦ TỊCH\t "))] == [(2, 10)]
    assert pieces(_para(" \t\n ")) == [] and pieces(_para("")) == []


def test_a_numbering_label_stays_with_its_text():
    assert [s.text for s in pieces(_para("1.\tPhát động\tthi đua", "1.\t"))] == ["1.\tPhát động", "thi đua"]
    assert [s.text for s in pieces(_para("a)\t", "a)\t"))] == ["a)"]


def test_without_nơi_nhận_the_signature_is_found_in_a_table_after_a_long_list_table():
    def listing_before_closing(root):
        closing = table_with(root, "Nơi nhận")
        for t in closing.find(qn("w:tr")).find(qn("w:tc")).iter(qn("w:t")):
            t.text = ""
        rows = "".join(f"<w:tr><w:tc><w:p><w:r><w:t>Đơn vị {n}</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc>"
                       "<w:tc><w:p/></w:tc></w:tr>" for n in range(1, 41))
        closing.addprevious(etree.fromstring(
            f'<w:tbl xmlns:w="{W}"><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>{rows}</w:tbl>'))

    data = edit(make(), "word/document.xml", listing_before_closing)
    _, lay = analyse(data)
    assert [s.text if s is not None else None for s in lay.signature] == [
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", None, "Nguyễn Văn An"]
    assert [f.rule for f in check_docx(data)] == ["ND30.NOI_NHAN.PRESENT"]


def test_a_finding_repeated_on_many_paragraphs_is_one_finding_naming_each_paragraph_once():
    rep = Report()
    paras = {n: SimpleNamespace(index=n, text=f"Đoạn {n}", story="body") for n in range(1, 13)}
    for n in (3, 5, 5, 3, 7, 5, 8, 9, 10, 11, 12, 1, 12):
        rep.add("ND30.NOI_DUNG.SIZE", paras[n], "Nội dung văn bản cỡ chữ 12 pt, cần 13–14 pt", "13–14 pt", "12 pt",
                group=("12 pt",))
    (finding,) = rep.done()
    assert finding.paragraph == 3 and finding.also == [5, 7, 8, 9, 10, 11, 12, 1]
    assert finding.message.endswith("(cùng lỗi ở 8 đoạn khác: 5, 7, 8, 9, 10, 11, 12, 1)")
