"""Property: any plan the program can build, imported back from its DOCX, builds the same
document again, paragraph for paragraph (headings, numbered items, bullets, tables, bold and italic)."""
from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from tdkt_docs.build import build_one
from tdkt_docs.build.files import Job
from tdkt_docs.checker.check import analyse
from tdkt_docs.importer import import_docx

WORDS = ["thi", "đua", "khen", "thưởng", "năm", "xã", "Tân", "Lập", "cán", "bộ", "hoàn", "thành", "nhiệm", "vụ",
         "kế", "hoạch", "Nhân", "dân", "(đợt", "1)", "“Dân", "vận", "khéo”", "2026", "15/6/2022;", "-", "các", "thôn"]
word = st.sampled_from(WORDS)


def _sentence(words: list[str], marks: list[int]) -> str:
    # Some words made bold or italic, the way a clerk marks them.
    out = []
    for i, w in enumerate(words):
        mark = marks[i % len(marks)]
        out.append(f"**{w}**" if mark == 1 and i else f"*{w}*" if mark == 2 and i else w)
    text = " ".join(out)
    return text[:1].upper() + text[1:] + "."


# A sentence does not start with what reads as a number or a bullet ("1)", "-"): in a Word file
# such a start is the label, and the import takes it so.
first_word = st.sampled_from([w for w in WORDS if w not in ("1)", "-")])
sentence = st.builds(lambda first, rest, marks: _sentence([first] + rest, marks), first_word,
                     st.lists(word, min_size=1, max_size=6), st.lists(st.sampled_from([0, 0, 0, 1, 2]),
                                                                                min_size=1, max_size=4))
title = st.builds(lambda first, rest: " ".join([first] + rest).capitalize(), first_word,
                  st.lists(word, max_size=4))
sub_bullet = st.one_of(sentence, st.builds(lambda v, g: {"van_ban": v, "gach": g}, sentence,
                                           st.lists(sentence, min_size=1, max_size=2)))
bullets = st.builds(lambda g: {"gach": g}, st.lists(sub_bullet, min_size=1, max_size=3))
table = st.integers(1, 3).flatmap(lambda n: st.builds(
    lambda cot, dong: {"bang": {"cot": cot, "dong": dong}},
    st.lists(title, min_size=n, max_size=n), st.lists(st.lists(title, min_size=n, max_size=n), max_size=3)))
diem = st.builds(lambda v: {"van_ban": v}, sentence)
khoan = st.one_of(
    st.builds(lambda v: {"van_ban": v}, sentence),
    st.builds(lambda t, c: {"tieu_de": t, "noi_dung": c}, title,
              st.lists(st.one_of(sentence, diem, bullets), max_size=3)))
muc = st.builds(lambda t, c: {"tieu_de": t, "noi_dung": c}, title,
                st.lists(st.one_of(sentence, khoan, bullets, table), max_size=4))


def plan(noi_dung: list, mo_dau: list[str], can_cu: list[str]) -> dict:
    return {"loai": "ke_hoach", "co_quan": {"chu_quan": "UBND TỈNH PHÚ THỌ", "ten": "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP",
                                            "viet_tat": "UBND"},
            "so": 3, "dia_danh": "Tân Lập", "ngay": "2026-02-10", "trich_yeu": "Kế hoạch thi đua năm 2026",
            "can_cu": can_cu, "mo_dau": mo_dau, "noi_dung": noi_dung,
            "ket_thuc": ["Trên đây là Kế hoạch thi đua năm 2026."], "noi_nhan": ["UBND tỉnh", "Lưu: VT"],
            "nguoi_ky": {"quyen_han": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Hoàng Văn Bình"}}


def _build(folder: Path, name: str, text: str) -> Path:
    source = folder / f"{name}.yaml"
    source.write_text(text, encoding="utf-8")
    outcome = build_one(Job(source, name), folder / "ra")
    assert outcome.error is None, (outcome.error.problems, text)
    return outcome.written[0]


def _paragraphs(path: Path) -> list[str]:
    doc, _ = analyse(path.read_bytes(), path.name)
    return [p.text for p in doc.paras if p.stripped]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(muc, min_size=1, max_size=3), st.lists(sentence, max_size=2),
       st.lists(st.just("Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;"), max_size=1))
def test_a_built_plan_imported_builds_the_same_document(noi_dung, mo_dau, can_cu):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first = _build(folder, "goc", yaml.safe_dump(plan(noi_dung, mo_dau, can_cu), allow_unicode=True))
        imported = import_docx(first.read_bytes(), first.name)
        assert imported.notes == [], imported.text
        again = _build(folder, "nhap", imported.text)
        assert _paragraphs(again) == _paragraphs(first), imported.text
