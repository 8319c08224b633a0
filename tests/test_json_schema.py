"""Editor support: the JSON Schemas accept every file in data/ and reject the usual mistakes."""
from __future__ import annotations

import re
from typing import Literal

import jsonschema
import pytest
import yaml
from pydantic import Field

from clerk_support import MINIMAL, ROOT, run
from tdkt_docs import model as models
from tdkt_docs.model import json_schema as schema
from tdkt_docs.errors import InputError
from tdkt_docs.input.loader import load_yaml, load_yaml_text
from tdkt_docs.model.validate import validate

DATA = sorted(p for p in (ROOT / "data").rglob("*") if p.suffix in (".yaml", ".yml"))
SCHEMAS = schema.schemas()
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\s*$")


def validator(name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(SCHEMAS[name])


def test_committed_schemas_are_up_to_date_with_the_models():
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "tdkt_docs" / "schemas").glob("*.schema.json")}
    generated = {name: schema.render(s) for name, s in SCHEMAS.items()}
    assert sorted(committed) == sorted(generated), "chạy `tdkt schema` để cập nhật thư mục schemas/"
    for name in generated:
        assert committed[name] == generated[name], f"schemas/{name} đã cũ: chạy `tdkt schema`"


def test_one_schema_per_kind_and_one_for_shared_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("schema", "-o", "ra")
    assert result.exit_code == 0, result.output
    expected = sorted([f"{kind}.schema.json" for kind in models.KINDS] + ["dung_chung.schema.json"])
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == expected
    assert result.stdout.splitlines() == [f"✓ ra/{name}" for name in
                                          [f"{k}.schema.json" for k in models.KINDS] + ["dung_chung.schema.json"]]


def test_a_new_kind_gets_its_schema_without_further_work(monkeypatch):
    class ToTrinh(models.VanBan):
        loai: Literal["to_trinh"] = Field(description="Loại văn bản: tờ trình.", examples=["to_trinh"])

    monkeypatch.setitem(models.KINDS, "to_trinh", ToTrinh)
    made = schema.schemas()
    assert "to_trinh.schema.json" in made
    assert made["to_trinh.schema.json"]["properties"]["loai"]["const"] == "to_trinh"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schemas_are_valid_draft_07(name):
    jsonschema.Draft7Validator.check_schema(SCHEMAS[name])
    assert SCHEMAS[name]["$schema"] == "http://json-schema.org/draft-07/schema#"


def _properties(node, where=""):
    """Every field an editor describes: the entries of each 'properties' (the 'else' branch only
    repeats required keys)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("examples", "default", "else", "if"):
                continue
            if key == "properties":
                for name, prop in value.items():
                    yield f"{where}.{name}", prop
                    yield from _properties(prop, f"{where}.{name}")
            else:
                yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for item in node:
            yield from _properties(item, where)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_field_has_a_vietnamese_description_and_examples_that_fit(name):
    whole = SCHEMAS[name]
    fields = list(_properties(whole))
    assert len(fields) > (20 if name == "de_cuong.schema.json" else 30)  # an outline has few fields
    # the fields of nested definitions (co_quan, nguoi_ky...) are checked too
    assert any(w.startswith(("/definitions/CoQuan.", "/definitions/DonViBaoCao.")) for w, _ in fields)
    for where, prop in fields:
        assert re.search(r"[^\x00-\x7f]", prop.get("description", "")), f"{where}: thiếu mô tả tiếng Việt"
        assert prop.get("examples"), f"{where}: thiếu ví dụ"
        check = jsonschema.Draft7Validator({**prop, "definitions": whole.get("definitions", {})})
        for example in prop["examples"]:
            assert not list(check.iter_errors(example)), f"{where}: ví dụ {example!r} không hợp lệ"


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_file_in_data_fits_its_schema(path):
    loaded = load_yaml(path)
    name = "dung_chung.schema.json" if path.name.startswith("_") else f"{loaded.data['loai']}.schema.json"
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(loaded.data)]
    assert errors == []


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_first_line_links_the_right_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first)
    if match is None:
        pytest.skip("no schema line")
    target = (path.parent / match.group(1)).resolve()
    assert target.parent == (ROOT / "tdkt_docs" / "schemas").resolve() and target.is_file()
    loaded = load_yaml(path)
    expected = "dung_chung" if path.name.startswith("_") else loaded.data["loai"]
    assert target.name == f"{expected}.schema.json"
    assert first == (schema.modeline(expected, path))


def test_the_example_files_carry_the_schema_line():
    for path in (ROOT / "data" / "2026").glob("*.yaml"):
        assert MODELINE.match(path.read_text(encoding="utf-8").splitlines()[0]), path


MISTAKES = {
    "misspelled key": MINIMAL.replace("noi_nhan:", "noi_nhân:"),
    "misspelled nested key": MINIMAL.replace("  ho_ten:", "  ho_tn:"),
    "text instead of a list": MINIMAL.replace('noi_nhan:\n  - UBND tỉnh\n  - "Lưu: VT, VP"', "noi_nhan: UBND tỉnh"),
    "text instead of a mapping": MINIMAL.replace('co_quan:\n  ten: "ỦY BAN NHÂN DÂN\\nXÃ TÂN LẬP"\n  viet_tat: UBND',
                                                 "co_quan: UBND xã Tân Lập"),
    "list instead of text": MINIMAL.replace("dia_danh: Tân Lập", "dia_danh:\n  - Tân Lập"),
    "text instead of a number": MINIMAL.replace("so: 12", "so: mười hai"),
    "missing signer": MINIMAL[:MINIMAL.index("nguoi_ky:")],
    "missing signer name": MINIMAL.replace("  ho_ten: Nguyễn Văn An\n", ""),
    "missing body": MINIMAL.replace("noi_dung:\n  - tieu_de: Mục đích, yêu cầu\n    noi_dung:\n"
                                    "      - Thi đua hoàn thành nhiệm vụ năm 2026.\n", ""),
    "wrong date shape": MINIMAL.replace("ngay: 2026-03-05", "ngay: 05-03-2026"),
    "blank text": MINIMAL.replace("chuc_vu: CHỦ TỊCH", "chuc_vu: ' '"),
    "unknown kind": MINIMAL.replace("loai: ke_hoach", "loai: ke_hoach_nam"),
    "misspelled key with shared files": MINIMAL.replace("noi_nhan:", "dung_chung: _co-quan.yaml\nnoi_nhn:"),
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_the_usual_mistakes_are_rejected_by_the_schema_and_by_the_program(mistake):
    data = load_yaml_text(MISTAKES[mistake], "k.yaml").data
    assert list(validator("ke_hoach.schema.json").iter_errors(data)), f"{mistake}: the schema accepts it"
    if "shared" not in mistake:
        with pytest.raises(InputError):
            validate(load_yaml_text(MISTAKES[mistake], "k.yaml"))


def test_the_minimal_document_is_accepted_by_both():
    data = load_yaml_text(MINIMAL, "k.yaml").data
    assert list(validator("ke_hoach.schema.json").iter_errors(data)) == []
    validate(load_yaml_text(MINIMAL, "k.yaml"))


def test_with_shared_files_fields_and_parts_of_mappings_may_come_from_them():
    text = ("loai: ke_hoach\ndung_chung: _co-quan.yaml\nngay: 2026-03\ntrich_yeu: Kế hoạch\n"
            "nguoi_ky:\n  ho_ten: Lê Thị Hoa\nnoi_dung:\n  - Một đoạn.\n")
    data = yaml.safe_load(text)
    assert list(validator("ke_hoach.schema.json").iter_errors(data)) == []
    shared = yaml.safe_load("co_quan:\n  ten: UBND\nnguoi_ky:\n  chuc_vu: CHỦ TỊCH\n")
    assert list(validator("dung_chung.schema.json").iter_errors(shared)) == []
    assert list(validator("dung_chung.schema.json").iter_errors({"loai": "ke_hoach"}))
    assert list(validator("dung_chung.schema.json").iter_errors({"nguoi_kyy": {}}))
