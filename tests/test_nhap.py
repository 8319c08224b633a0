"""`tdkt nhap`: every document data/ builds, and documents typed in Word, come back from DOCX to
YAML to DOCX with their words; the YAML has the structure, not the typed characters."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import nhap_word as word
from award_helpers import run
from helpers import ROOT
from nhap_helpers import added, kept, round_trip, without, words


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("data")
    code, text = run("build", ROOT / "data", "-o", out, "--tat-ca")
    assert code == 0, text
    return out


# `tdkt nhap` reads back the kinds a clerk starts from; a decision and its certificates are made from
# the dossier that holds their names, never imported.
DATA_DOCS = sorted(p.relative_to(ROOT / "tests" / "fixtures" / "data-text").stem
                   for p in (ROOT / "tests" / "fixtures" / "data-text").glob("*.txt")
                   if not p.stem.endswith((".quyet-dinh", ".giay-khen")))


@pytest.mark.parametrize("name", DATA_DOCS)
def test_every_data_document_comes_back_with_its_words(built, tmp_path, name):
    docx = built / (name.replace("__", "/") + ".docx")
    yaml_path, rebuilt, _ = round_trip(docx, tmp_path)
    recall, added = kept(words(docx), words(rebuilt))
    assert recall >= 0.99 and added <= 0.01, (recall, added, yaml_path.read_text(encoding="utf-8"))


TYPED = {
    "header-table-typed-numbers": lambda: word.plan("table", "typed"),
    "header-tabs-word-numbering": lambda: word.plan("tabs", "word", closing="flow"),
    "nfd-text": lambda: word.plan("table", "typed", nfd=True),
    "word-numbering-signature-table": lambda: word.plan("table", "word"),
    "to-trinh": word.petition,
}


@pytest.mark.parametrize("name", sorted(TYPED))
def test_documents_typed_in_word_come_back_with_95_percent(tmp_path, name):
    docx = tmp_path / f"{name}.docx"
    docx.write_bytes(TYPED[name]())
    yaml_path, rebuilt, _ = round_trip(docx, tmp_path)
    # The award every row shares is said once in the request sentence, not in a column of its own.
    recall, added = kept(without(words(docx), "Hình thức khen thưởng", "Giấy khen"), without(words(rebuilt), "Giấy khen"))
    assert recall >= 0.95 and added <= 0.05, (recall, added, yaml_path.read_text(encoding="utf-8"))


def _imported(tmp_path: Path, data: bytes, name: str = "ke-hoach.docx") -> dict:
    docx = tmp_path / name
    docx.write_bytes(data)
    yaml_path, _, _ = round_trip(docx, tmp_path)
    return yaml.safe_load(yaml_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("numbering", ["typed", "word"])
def test_numbers_become_nesting_and_marks_become_markup(tmp_path, numbering):
    data = _imported(tmp_path, word.plan("tabs", numbering))
    assert data["loai"] == "ke_hoach"
    assert data["co_quan"] == {"chu_quan": "UBND HUYỆN TAM ĐƯỜNG", "ten": "ỦY BAN NHÂN DÂN\nXÃ BẢN GIANG",
                               "viet_tat": "UBND"}
    assert (data["so"], data["dia_danh"], data["ngay"]) == (8, "Bản Giang", "2025-02-14")
    assert data["can_cu"] == ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"]
    first, second, third = data["noi_dung"]
    assert first["tieu_de"] == "MỤC ĐÍCH, YÊU CẦU"  # "I." is the program's to write
    purpose, demands = first["noi_dung"]
    assert purpose["tieu_de"] == "Mục đích"
    assert purpose["noi_dung"] == [{"gach": [{
        "van_ban": "Động viên cán bộ, công chức và Nhân dân thi đua hoàn thành nhiệm vụ năm 2025.",
        "gach": ["Các thôn, bản đăng ký danh hiệu thi đua trước ngày 15 tháng 3."]}]}]
    if numbering == "typed":
        assert demands["noi_dung"][0] == "Phong trào thi đua phải **thiết thực, hiệu quả**, tránh *hình thức*."
    assert demands["noi_dung"][1]["bang"] == {
        "cot": ["TT", "Nội dung công việc", "Thời gian"], "so_thu_tu": True,
        "dong": [["Phát động phong trào thi đua", "Tháng 02/2025"], ["Sơ kết 6 tháng", "Tháng 7/2025"]]}
    assert [item["van_ban"] for item in second["noi_dung"][0]["noi_dung"]] == [
        "Phát triển sản xuất nông nghiệp gắn với xây dựng nông thôn mới.", "Giữ vững quốc phòng, an ninh trên địa bàn."]
    assert third["tieu_de"] == "TỔ CHỨC THỰC HIỆN"
    assert data["ket_thuc"] == ["Trên đây là Kế hoạch tổ chức phong trào thi đua năm 2025 của Ủy ban nhân dân xã "
                                "Bản Giang."]
    assert data["noi_nhan"] == ["UBND huyện Tam Đường", "Phòng Nội vụ huyện", "Các thôn, bản", "Lưu: VT"]
    assert data["nguoi_ky"] == {"quyen_han": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Lò Văn Thành"}


def test_nfd_text_is_read_as_the_letters_word_shows(tmp_path):
    data = _imported(tmp_path, word.plan(nfd=True))
    assert data["co_quan"]["ten"] == "ỦY BAN NHÂN DÂN\nXÃ BẢN GIANG"
    assert data["dia_danh"] == "Bản Giang"


def test_a_petition_keeps_its_nominees_as_lists(tmp_path):
    data = _imported(tmp_path, word.petition(), "to-trinh.docx")
    assert data["loai"] == "to_trinh"
    assert data["kinh_gui"] == "Chủ tịch Ủy ban nhân dân xã Bản Giang"
    assert data["chu_the"] == "Trường Tiểu học Bản Giang"
    assert data["de_nghi"] == {"hinh_thuc": "Giấy khen", "tap_the": [{"ten": "Tổ chuyên môn khối 5"}],
                               "ca_nhan": [{"ten": "Nguyễn Thị Lan", "chuc_vu_don_vi": "Giáo viên"},
                                           {"ten": "Hoàng Văn Minh", "chuc_vu_don_vi": "Tổng phụ trách Đội"}]}
    assert data["danh_sach_kem_theo"] is False and data["bao_cao_thanh_tich"] is True
    assert data["noi_nhan"] == ["Lưu: VT"]  # "Như trên" is written by the program
    assert "ket_thuc" not in data  # the closing sentence is the one the program writes


def _small_plan(body) -> bytes:
    ty = word.Typist()
    word.header_table(ty, word.HEADER_LEFT, word.HEADER_RIGHT)
    ty.par("KẾ HOẠCH", bold=True, align=word.CENTER)
    ty.par("Tổ chức phong trào thi đua năm 2025", bold=True, align=word.CENTER)
    body(ty)
    word.closing_table(ty, ["Lưu: VT"], word.SIGNATURE)
    return ty.bytes()


def test_a_bold_lead_becomes_title_and_text(tmp_path):
    data = _imported(tmp_path, _small_plan(lambda ty: (
        ty.par("I. MỤC ĐÍCH", bold=True),
        ty.par(parts=[("1. ", False, False), ("Mục đích:", True, False), (" động viên cán bộ thi đua.", False, False)]))))
    # The program writes "1. Mục đích: động viên..." back, with the colon after the bold title.
    assert data["noi_dung"][0]["noi_dung"] == [{"tieu_de": "Mục đích", "van_ban": "động viên cán bộ thi đua."}]


def test_numbers_of_another_kind_at_a_level_are_named(tmp_path):
    docx = tmp_path / "ke-hoach.docx"
    docx.write_bytes(_small_plan(lambda ty: (ty.par("1. MỤC ĐÍCH", bold=True), ty.par("2. YÊU CẦU", bold=True))))
    code, said = run("nhap", docx, "-o", tmp_path / "ke-hoach.yaml")
    assert code == 0, said
    assert "đoạn 12 «MỤC ĐÍCH»: số thứ tự «1» ở cấp 1: chương trình đánh số cấp này kiểu I., II." in said
    assert said.count("số thứ tự") == 1  # once for the kind and level, not for every heading


@pytest.mark.parametrize("members_in_table", [False, True], ids=["members-listed", "members-in-a-table"])
def test_minutes_typed_in_word_come_back_with_members_and_votes(tmp_path, members_in_table):
    docx = tmp_path / "bien-ban.docx"
    docx.write_bytes(word.minutes(members_in_table))
    yaml_path, rebuilt, _ = round_trip(docx, tmp_path)
    data = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))
    assert [(m["ho_ten"], m["vai_tro"]) for m in data["thanh_vien"]] == [
        ("Lò Văn Thành", "Chủ tịch Hội đồng"), ("Vũ Thị Hạnh", "Ủy viên"), ("Tẩn A Sử", "Ủy viên - Thư ký")]
    assert (data["bat_dau"], data["ket_thuc"]) == ("2025-01-10 14:00", "15:30")
    assert data["de_nghi"] == {"hinh_thuc": "Giấy khen", "ca_nhan": [
        {"ten": "Nguyễn Thị Lan", "bieu_quyet": "giơ tay", "dong_y": 3}]}
    assert data["ket_luan"] == ["Giao công chức Văn hóa - Xã hội hoàn thiện hồ sơ."]
    # The award every row shares is said once, before the vote table ("... đề nghị tặng Giấy khen:"),
    # not in a column; Nơi nhận stands under THƯ KÝ, so CHỦ TỌA is read after it.
    moved = ("Hình thức khen thưởng", "Giấy khen", "CHỦ TỌA Lò Văn Thành", "đề nghị tặng")
    original, again = without(words(docx), *moved), without(words(rebuilt), *moved)
    if members_in_table:
        # The program lists the members as lines ("- Name, post, role;"), punctuated by itself, in
        # place of the table's header row, numbers and "Ông"/"Bà": its words without punctuation.
        recall, _ = kept(without(words(docx, bare=True), *moved), without(words(rebuilt, bare=True), *moved))
        assert recall >= 0.9, recall
        return
    recall, _ = kept(original, again)
    assert recall >= 0.95, recall
    # What comes back added is the sentence on the voting rules, which the program always writes,
    # and nothing else.
    rules = ("Số thành viên dự họp 03/03, đạt từ 2/3 số thành viên Hội đồng trở lên, đủ điều kiện biểu quyết "
             "theo quy chế. Trường hợp được đề nghị phải được từ 70% số thành viên có mặt đồng ý trở lên.").split()
    # ("Số: 01/BB-HĐTĐKT" also moves: typed in the right column, the program prints it on the left.)
    # (and "Kết quả biểu quyết:" became "Kết quả biểu quyết [đề nghị tặng Giấy khen]:", its colon moved)
    assert added(original, again) == ["Số:", "01/BB-HĐTĐKT"] + rules + ["quyết", "Giấy", "khen:"]


def test_a_paragraph_all_in_bold_stays_bold_and_unknown_numbers_are_named(tmp_path):
    import docx as python_docx

    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(_small_plan(lambda ty: (
        ty.par("I. MỤC ĐÍCH", bold=True),
        ty.par("Khẩu hiệu thi đua: Đoàn kết, sáng tạo.", bold=True),
        ty.par("PHẦN I. PHỤ LỤC"))))
    yaml_path, rebuilt, said = round_trip(source, tmp_path)
    data = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))
    assert data["noi_dung"][0]["noi_dung"][0] == "**Khẩu hiệu thi đua: Đoàn kết, sáng tạo.**"
    shown = [p for p in python_docx.Document(str(rebuilt)).paragraphs if p.text.startswith("Khẩu hiệu")]
    assert shown and all(run.bold for run in shown[0].runs if run.text.strip())
    assert "«PHẦN I. PHỤ LỤC»: số thứ tự kiểu này chương trình không đánh: giữ thành đoạn văn thường" in said
