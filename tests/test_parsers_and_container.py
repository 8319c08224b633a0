"""libyaml and the pure-Python parser give the same data, positions and messages; the DOCX
container is valid and reproducible; a template cannot reach Python internals."""
from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
import yaml

from tdkt_docs.input import loader
from tdkt_docs.errors import InputError
from tdkt_docs.kinds.rendering import TEMPLATES
from tdkt_docs.build import collect
from tdkt_docs.build.stages import prepare, render_all

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = sorted(p for p in (ROOT / "data").rglob("*.y*ml"))

TRICKY = """\
loai: ke_hoach
a: [Nội dung, "Cơ quan ở", Đơn vị]
b: {ờ: 1, c: "ấ\\u1ea0"}
c: &x [010, 2.5, yes, "yes", no, ~, 2026-01-05]
d: *x
e: |
  Dòng một
    thụt vào
f: >-
  gập
  lại
'g h': 'ý'
h: [1, "1", 1, "1", ~, "~", true, "true"]
"""


def slow_load(text: str, monkeypatch) -> loader.Loaded:
    monkeypatch.setattr(loader, "_CSafeLoader", None)
    return loader.load_yaml_text(text, "tep.yaml")


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml")
@pytest.mark.parametrize("text", [TRICKY] + [p.read_text(encoding="utf-8") for p in DATA_FILES],
                         ids=["tricky"] + [p.name for p in DATA_FILES])
def test_libyaml_gives_the_same_values_and_positions(text, monkeypatch):
    assert loader._fast_compose(text) is not loader._SLOW
    fast = loader.load_yaml_text(text, "tep.yaml")
    slow = slow_load(text, monkeypatch)
    assert fast.data == slow.data
    assert fast.where == slow.where


def test_tricky_values_are_read_as_a_clerk_means_them():
    data = loader.load_yaml_text(TRICKY, "tep.yaml").data
    # '010' stays as typed: the schema reads it as ten where it wants a number (never octal eight)
    assert data["c"] == ["010", 2.5, "yes", "yes", "no", None, "2026-01-05"]
    assert data["d"] == data["c"]
    assert data["b"] == {"ờ": 1, "c": "ấẠ"}
    assert data["e"] == "Dòng một\n  thụt vào\n"
    # The same value typed with and without quotes, again and again (libyaml's path decides the
    # type of each distinct value once): quotes still make it text.
    assert data["h"] == [1, "1", 1, "1", None, "~", True, "true"]


@pytest.mark.parametrize("text, expected", [
    ("loai: ke_hoach\nso: 5: 6\n", "tep.yaml:2:6: lỗi cú pháp YAML: có dấu ':' không hợp lệ"),
    ("loai: ke_hoach\ntrich_yeu: \"chưa đóng\n", "tep.yaml:2:22: lỗi cú pháp YAML: thiếu dấu ngoặc kép \" đóng"),
    # libyaml would take a tab inside a line; the file must get the same answer without libyaml
    ("loai: ke_hoach\ndia_danh:\tTam Đường\n", "tep.yaml:2:10: lỗi cú pháp YAML: có ký tự Tab"),
])
def test_broken_files_get_the_messages_of_the_explained_parser(text, expected, monkeypatch):
    with pytest.raises(InputError) as fast:
        loader.load_yaml_text(text, "tep.yaml")
    with pytest.raises(InputError) as slow:
        slow_load(text, monkeypatch)
    assert str(fast.value) == str(slow.value)
    assert str(fast.value).startswith(expected), str(fast.value)


def _render_example() -> bytes:
    job = collect([ROOT / "data" / "mau" / "002-cum-thi-dua-vung-thap-2022.yaml"])[0]
    _, _, renderings, _ = prepare(job.source)
    return render_all(renderings)[0][1]


def test_the_docx_container_is_valid_ordered_and_reproducible(tmp_path):
    data = _render_example()
    assert data == _render_example()
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as made, zipfile.ZipFile(TEMPLATES / "ke_hoach.docx") as template:
        assert made.testzip() is None
        assert [i.filename for i in made.infolist()] == [i.filename for i in template.infolist()]
        for info in made.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.compress_type == zipfile.ZIP_DEFLATED
            if info.filename not in {"word/document.xml", "docProps/core.xml"}:
                # Parts without data are the template's, unchanged.
                assert made.read(info.filename) == template.read(info.filename), info.filename
        body = made.read("word/document.xml").decode("utf-8")
        core = made.read("docProps/core.xml").decode("utf-8")
    assert "{{" not in body and "{%" not in body
    assert "<dc:title>Kế hoạch - Triển khai, thực hiện công tác thi đua" in core
    document = docx.Document(str(path))
    assert any(p.text == "KẾ HOẠCH" for p in document.paragraphs)


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.docx")), ids=lambda p: p.name)
def test_templates_carry_no_part_word_does_not_need(template):
    """The Word 2010 copy of the styles (438 KB unzipped) and the blank thumbnail python-docx's
    default package brings would double every document's size; nothing refers to them."""
    with zipfile.ZipFile(template) as z:
        names = z.namelist()
        rels = z.read("word/_rels/document.xml.rels").decode() + z.read("_rels/.rels").decode()
    assert not [n for n in names if "stylesWithEffects" in n or n.endswith(".jpeg")], names
    assert "stylesWithEffects" not in rels and "thumbnail" not in rels
    assert template.stat().st_size < 20_000


def test_a_template_stored_without_compression_still_gives_a_valid_docx(tmp_path):
    from tdkt_docs.output.render import CompiledTemplate

    stored = tmp_path / "ke_hoach.docx"
    with zipfile.ZipFile(TEMPLATES / "ke_hoach.docx") as source, \
            zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
    job = collect([ROOT / "data" / "mau" / "002-cum-thi-dua-vung-thap-2022.yaml"])[0]
    _, _, renderings, _ = prepare(job.source)
    r = renderings[0]
    data = CompiledTemplate(stored).render(r.context, {"title": r.title})
    out = tmp_path / "ra.docx"
    out.write_bytes(data)
    with zipfile.ZipFile(out) as made, zipfile.ZipFile(TEMPLATES / "ke_hoach.docx") as template:
        assert made.testzip() is None
        assert made.read("word/styles.xml") == template.read("word/styles.xml")


@pytest.mark.parametrize("reach", ["b.__class__.__mro__", "b.__dict__", "b.runs.__class__", "khoi.__class__",
                                   "b.__class__.__init__.__globals__"])
def test_a_template_edited_to_reach_python_internals_is_refused(tmp_path, reach):
    """The shortcut for reading fields in templates must not open what the sandbox closes."""
    from tdkt_docs.errors import TemplateError
    from tdkt_docs.output.render import CompiledTemplate

    edited = tmp_path / "ke_hoach.docx"
    with zipfile.ZipFile(TEMPLATES / "ke_hoach.docx") as source, zipfile.ZipFile(edited, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"{{r b.runs }}", ("{{ " + reach + " }}").encode(), 1)
            target.writestr(info, data)
    job = collect([ROOT / "data" / "mau" / "002-cum-thi-dua-vung-thap-2022.yaml"])[0]
    _, _, renderings, _ = prepare(job.source)
    try:
        data = CompiledTemplate(edited).render(renderings[0].context)
    except TemplateError:
        return
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    for leaked in ("class '", "mappingproxy", "built-in", "__builtins__", "function ", "method "):
        assert leaked not in body, reach
