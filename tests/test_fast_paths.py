"""The faster paths give exactly what the plain ones gave: the same data and positions from the YAML
parser, the same message for a broken file, a valid and reproducible DOCX container."""
from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
import yaml

from tdkt_docs import loader
from tdkt_docs.errors import InputError
from tdkt_docs.kinds import TEMPLATES
from tdkt_docs.pipeline import collect, prepare, render_all

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
    return render_all(renderings)[0][1].data


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
    from tdkt_docs.render import CompiledTemplate

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
    from tdkt_docs.render import CompiledTemplate

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


def test_resolving_with_folders_remembered_gives_what_path_resolve_gives(tmp_path, monkeypatch):
    from tdkt_docs.loader import resolved

    real = tmp_path / "that" / "thu-muc"
    real.mkdir(parents=True)
    (real / "a.yaml").write_text("x")
    (tmp_path / "link").symlink_to(real)
    (real / "b.yaml").symlink_to(real / "a.yaml")
    monkeypatch.chdir(tmp_path)
    for given in ["link/a.yaml", "link/b.yaml", str(tmp_path / "link" / "a.yaml"), "that/thu-muc/../thu-muc/a.yaml",
                  "a.yaml", ".", "link/..", "link/chua-co.yaml", str(real / "b.yaml")]:
        assert resolved(given) == Path(given).resolve(), given


def test_a_folder_relinked_is_resolved_afresh_once_forgotten(tmp_path, monkeypatch):
    from tdkt_docs.loader import forget_folders, resolved

    for name in ("cu", "moi"):
        (tmp_path / name).mkdir()
    (tmp_path / "dang-dung").symlink_to(tmp_path / "cu")
    monkeypatch.chdir(tmp_path)
    assert resolved("dang-dung/a.yaml") == tmp_path / "cu" / "a.yaml"
    (tmp_path / "dang-dung").unlink()
    (tmp_path / "dang-dung").symlink_to(tmp_path / "moi")
    forget_folders()  # what tdkt watch does before each round
    assert resolved("dang-dung/a.yaml") == Path("dang-dung/a.yaml").resolve() == tmp_path / "moi" / "a.yaml"


@pytest.mark.parametrize("source", [p for p in DATA_FILES if not p.name.startswith("_")],
                         ids=lambda p: p.relative_to(ROOT / "data").as_posix())
def test_a_document_is_let_go_as_soon_as_it_is_made(source, tmp_path):
    """Nothing of a document outlives its making by a reference cycle, which only the cycle
    collector could free: a 2,000-row table would stay in memory, and collecting it cost 15 ms."""
    import gc

    from tdkt_docs.dung_chung import Document
    from tdkt_docs.loader import Loaded
    from tdkt_docs.pipeline import Job, make_one

    make_one(Job(source, "warm-up"), tmp_path)  # templates and caches made once per process
    gc.collect()
    gc.disable()
    try:
        made = make_one(Job(source, "van-ban"), tmp_path)
        assert made.outcome.error is None
        left = [o for o in gc.get_objects() if isinstance(o, (Loaded, Document))]
    finally:
        gc.enable()
    assert left == []


# --- compiled templates kept between runs (jinja_cache) ------------------------------------------

@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    from tdkt_docs import jinja_cache

    folder = tmp_path / "cache"
    monkeypatch.setenv("TDKT_CACHE_DIR", str(folder))
    jinja_cache.folder.cache_clear()
    yield folder / "mau-v1"
    jinja_cache.folder.cache_clear()


def _rendered(template_path: Path, source: Path) -> bytes:
    from tdkt_docs.render import CompiledTemplate

    _, _, renderings, _ = prepare(source)
    return CompiledTemplate(template_path).render(renderings[0].context)


def test_a_template_compiled_once_is_read_back_and_renders_the_same(cache_dir, monkeypatch):
    import jinja2

    source = ROOT / "data" / "2026" / "ke-hoach-thi-dua-2026.yaml"
    first = _rendered(TEMPLATES / "ke_hoach.docx", source)
    assert len(list(cache_dir.glob("*.bin"))) == 1  # the one part with tags: word/document.xml

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(jinja2.Environment, "compile", no_compiling)
    assert _rendered(TEMPLATES / "ke_hoach.docx", source) == first


def test_an_edited_template_is_compiled_again(cache_dir, tmp_path):
    source = ROOT / "data" / "2026" / "ke-hoach-thi-dua-2026.yaml"
    _rendered(TEMPLATES / "ke_hoach.docx", source)
    edited = tmp_path / "ke_hoach.docx"
    with zipfile.ZipFile(TEMPLATES / "ke_hoach.docx") as src, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace("KẾ HOẠCH".encode(), "KẾ HOẠCH SỬA".encode(), 1)
            out.writestr(info, data)
    document = docx.Document(io.BytesIO(_rendered(edited, source)))
    assert any(p.text == "KẾ HOẠCH SỬA" for p in document.paragraphs)
    assert len(list(cache_dir.glob("*.bin"))) == 2


def test_a_damaged_or_unwritable_cache_is_passed_by(cache_dir):
    source = ROOT / "data" / "2026" / "ke-hoach-thi-dua-2026.yaml"
    first = _rendered(TEMPLATES / "ke_hoach.docx", source)
    (kept,) = cache_dir.glob("*.bin")
    kept.write_bytes(b"\x00 not marshal")
    assert _rendered(TEMPLATES / "ke_hoach.docx", source) == first
    shutil.rmtree(cache_dir)
    cache_dir.write_text("a file where the cache folder should be")  # cannot be written, even by root
    assert _rendered(TEMPLATES / "ke_hoach.docx", source) == first


def test_an_empty_cache_setting_turns_the_cache_off(tmp_path, monkeypatch):
    from tdkt_docs import jinja_cache

    monkeypatch.setenv("TDKT_CACHE_DIR", "")
    jinja_cache.folder.cache_clear()
    try:
        source = ROOT / "data" / "2026" / "ke-hoach-thi-dua-2026.yaml"
        _rendered(TEMPLATES / "ke_hoach.docx", source)
        assert jinja_cache.folder() is None
    finally:
        jinja_cache.folder.cache_clear()


def test_the_cache_key_follows_the_installed_jinja_and_docxtpl(cache_dir, monkeypatch):
    from tdkt_docs import jinja_cache, versions

    source = ROOT / "data" / "2026" / "ke-hoach-thi-dua-2026.yaml"
    _rendered(TEMPLATES / "ke_hoach.docx", source)
    # An upgraded docxtpl: the code compiled by the old one is not reused.
    real = versions.installed
    monkeypatch.setattr(versions, "installed", lambda name, module: "99.0" if name == "docxtpl" else real(name, module))
    jinja_cache._salt.cache_clear()
    try:
        _rendered(TEMPLATES / "ke_hoach.docx", source)
        assert len(list(cache_dir.glob("*.bin"))) == 2
    finally:
        jinja_cache._salt.cache_clear()


def test_library_versions_are_read_from_the_folder_pip_installed_them_in():
    from importlib import metadata

    from tdkt_docs import cache, versions

    for name, module in cache._LIBRARIES:
        assert versions.installed(name, module) == metadata.version(name)


def test_a_library_without_pip_records_beside_it_is_asked_of_importlib(tmp_path, monkeypatch):
    from tdkt_docs import versions

    (tmp_path / "goi_thu").mkdir()
    (tmp_path / "goi_thu" / "__init__.py").write_text("X = 1\n", encoding="utf-8")
    (tmp_path / "mot_tep.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    versions.installed.cache_clear()
    versions._records.cache_clear()
    try:
        asked = []
        monkeypatch.setattr("importlib.metadata.version", lambda name: asked.append(name) or "7.7")
        assert versions.installed("goi-thu", "goi_thu") == "7.7" and asked == ["goi-thu"]
        # pip's records, named the way pip names them, for a package and for a one-file module
        (tmp_path / "goi_thu-1.2.3.dist-info").mkdir()
        (tmp_path / "Mot.Tep-0.5.dist-info").mkdir()
        versions.installed.cache_clear()
        versions._records.cache_clear()
        assert versions.installed("goi-thu", "goi_thu") == "1.2.3"
        assert versions.installed("mot-tep", "mot_tep") == "0.5"
        assert asked == ["goi-thu"]
    finally:
        monkeypatch.undo()
        versions.installed.cache_clear()
        versions._records.cache_clear()
    assert versions.installed("khong-co-goi-nay", "khong_co_goi_nay") == "-"
