"""What the ND30 check of a generated document finds in the clerk's own words is said at the YAML
line that holds them, by `build` and `validate` alike; and the căn cứ punctuation is computed."""
from __future__ import annotations

from clerk_support import MINIMAL, ROOT, run, write
from helpers import paragraphs_with_style

STARTER = ROOT / "tdkt_docs" / "starters" / "ho_so.yaml"


def test_can_cu_lines_end_as_nd30_wants_whatever_the_clerk_typed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = MINIMAL.replace("noi_dung:\n", "can_cu:\n"
                           "  - Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022\n"
                           "  - Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ.\n"
                           "  - Căn cứ Kế hoạch số 05/KH-UBND ngày 10 tháng 01 năm 2026 của UBND huyện,\n"
                           "noi_dung:\n", 1)
    write(tmp_path, "kh.yaml", text)
    result = run("build", "kh.yaml", "-o", "out")
    assert result.exit_code == 0, result.output
    assert "cảnh báo" not in result.output
    assert [p.text for p in paragraphs_with_style(tmp_path / "out" / "kh.docx", "TdktCanCu")] == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;",
        "Căn cứ Kế hoạch số 05/KH-UBND ngày 10 tháng 01 năm 2026 của UBND huyện.",
    ]


def test_a_finding_in_a_dossier_names_the_part_of_the_yaml_it_came_from(tmp_path, monkeypatch):
    # The place name is typed twice in a dossier's YAML (biên bản and tờ trình): the warning is at
    # the tờ trình's, the one that wrote the offending line.
    monkeypatch.chdir(tmp_path)
    text = STARTER.read_text(encoding="utf-8")
    assert text.count("dia_danh: Tam Đường") == 1
    text = text.replace("  dia_danh: Tam Đường", "  dia_danh: tam đường")
    path = write(tmp_path, "hs.yaml", text)
    line = next(n for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "tam đường" in t)
    result = run("validate", "hs.yaml")
    assert result.exit_code == 0, result.output
    assert (f"hs.yaml:{line}:3: to_trinh.dia_danh: cảnh báo: chữ cái đầu của địa danh phải viết hoa (thấy: tam "
            "đường, ngày 20 tháng 12 năm 2026); hãy viết hoa chữ cái đầu của mỗi tiếng trong địa danh: «Tam Đường» "
            "[ND30.NGAY_THANG.FORMAT]") in result.output.splitlines()
    assert ".docx" not in result.output


def test_a_fault_of_the_layout_itself_is_still_an_error_naming_the_document(tmp_path, monkeypatch):
    # Text no field of the YAML holds cannot be the clerk's: a title the program writes, here broken
    # on purpose by a template whose fixed "KẾ HOẠCH" is typed in lower case.
    import shutil

    import docx

    from tdkt_docs.kinds import rendering

    monkeypatch.chdir(tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(rendering.TEMPLATES, templates)
    document = docx.Document(str(templates / "ke_hoach.docx"))
    for paragraph in document.paragraphs:
        for r in paragraph.runs:
            if r.text == "KẾ HOẠCH":
                r.text = "Kế hoạch"
    document.save(str(templates / "ke_hoach.docx"))
    monkeypatch.setattr(rendering, "TEMPLATES", templates)
    write(tmp_path, "kh.yaml", MINIMAL)
    result = run("build", "kh.yaml", "-o", "out")
    assert result.exit_code == 1
    assert "out/kh.docx: văn bản chưa đạt thể thức Nghị định 30 nên chưa được ghi: [ND30.TEN_LOAI.CASE]" in result.output
    assert not (tmp_path / "out" / "kh.docx").exists()


def test_warnings_are_said_with_the_error_that_stops_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # with variables declared, an unknown one is an error (and the căn cứ dated later a warning)
    text = MINIMAL.replace("noi_dung:\n", "can_cu:\n  - Căn cứ Kế hoạch số 07/KH-UBND ngày 20/3/2026 của UBND huyện\n"
                           "bien:\n  dot: đợt 1\nnoi_dung:\n", 1).replace("Thi đua hoàn thành nhiệm vụ năm 2026.",
                                                     "Thi đua hoàn thành nhiệm vụ năm {{ nam_hoc }}.")
    write(tmp_path, "kh.yaml", text)
    for command in ("validate", "build"):
        result = run(command, "kh.yaml")
        lines = result.output.splitlines()
        assert result.exit_code == 1
        assert lines[0].startswith("kh.yaml:10:5: can_cu[1]: cảnh báo: văn bản được căn cứ ghi ngày 20/3/2026")
        assert lines[1].startswith("kh.yaml:16:") and "nam_hoc" in lines[1] and "cảnh báo" not in lines[1]
        assert lines[-1] == "✗ kh.yaml: 1 lỗi, chưa tạo văn bản."
