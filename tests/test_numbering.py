"""Numbering is computed from the structure: I., 1., a) in Vietnamese order, then - and +."""
from tdkt_docs.model import KeHoach
from tdkt_docs.kinds.normalise import Numbering

BASE = {
    "loai": "ke_hoach", "co_quan": {"ten": "ỦY BAN NHÂN DÂN XÃ A", "viet_tat": "UBND"},
    "dia_danh": "A", "ngay": "2026-01-05", "trich_yeu": "Thử", "noi_nhan": ["Lưu: VT"],
    "nguoi_ky": {"chuc_vu": "Chủ tịch", "ho_ten": "Nguyễn Văn A"},
}


def numbered(body):
    doc = KeHoach.model_validate({**BASE, "noi_dung": body})
    n = Numbering()
    n.walk(doc.noi_dung, ("noi_dung",))
    assert not n.problems, n.problems
    return [(b.kieu, b.text) for b in n.blocks]


def test_three_levels_and_bullets():
    body = [{"tieu_de": "Mục đích, yêu cầu", "noi_dung": [
        {"tieu_de": "Mục đích", "noi_dung": ["Đoạn văn."] + [{"tieu_de": f"Điểm {i}"} for i in range(1, 9)]},
        {"van_ban": "Nội dung không có tiêu đề.", "noi_dung": [
            {"gach": ["Ý một", {"van_ban": "Ý hai:", "gach": ["chi tiết"]}]}]},
    ]}]
    out = numbered(body)
    assert out[0] == ("muc", "I. MỤC ĐÍCH, YÊU CẦU")
    assert out[1] == ("khoan_td", "1. Mục đích")
    assert out[2] == ("doan", "Đoạn văn.")
    assert [t.split(")")[0] for k, t in out[3:11]] == ["a", "b", "c", "d", "đ", "e", "g", "h"]
    assert out[11] == ("khoan", "2. Nội dung không có tiêu đề.")
    assert out[12:] == [("gach", "- Ý một"), ("gach", "- Ý hai:"), ("cong", "+ chi tiết")]


def test_decimal_numbering_by_hand_scheme():
    body = [{"tieu_de": "Khen thưởng", "noi_dung": [
        {"tieu_de": "Đối tượng"},
        {"tieu_de": "Danh hiệu", "danh_so": "thap_phan", "noi_dung": [
            {"tieu_de": "Cấp tỉnh", "noi_dung": [{"tieu_de": "Cờ thi đua"}, {"tieu_de": "Bằng khen"}]},
            {"tieu_de": "Cấp huyện"},
        ]},
    ]}]
    texts = [t for _, t in numbered(body)]
    assert texts == ["I. KHEN THƯỞNG", "1. Đối tượng", "2. Danh hiệu", "2.1. Cấp tỉnh", "a) Cờ thi đua",
                     "b) Bằng khen", "2.2. Cấp huyện"]


def test_title_with_text_on_one_line():
    texts = [t for _, t in numbered([{"tieu_de": "Nội dung", "noi_dung": [
        {"tieu_de": "Thời gian thi đua", "van_ban": "Thực hiện từ nay đến ngày 30/4/2020."}]}])]
    assert texts[1] == "1. Thời gian thi đua: Thực hiện từ nay đến ngày 30/4/2020."


def test_fourth_numbered_level_is_refused():
    doc = KeHoach.model_validate({**BASE, "noi_dung": [{"tieu_de": "A", "noi_dung": [
        {"tieu_de": "B", "noi_dung": [{"tieu_de": "C", "noi_dung": [{"tieu_de": "D"}]}]}]}]})
    n = Numbering()
    n.walk(doc.noi_dung, ("noi_dung",))
    assert [p.message for p in n.problems] == [
        "quá 3 cấp đánh số (I., 1., a)); ở cấp này hãy dùng 'gach' (gạch đầu dòng)"]


def test_a_number_typed_in_a_heading_is_not_printed_twice_and_is_pointed_at(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import docx

    from tdkt_docs.cli import main

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["new", "ke-hoach", "-o", "kh.yaml"]).exit_code == 0
    text = (tmp_path / "kh.yaml").read_text(encoding="utf-8")
    text = text.replace("  - tieu_de: Mục đích, yêu cầu", "  - tieu_de: I. Mục đích, yêu cầu", 1)
    text = text.replace("      - tieu_de: Mục đích\n", "      - tieu_de: 1. Mục đích\n", 1)
    (tmp_path / "kh.yaml").write_text(text, encoding="utf-8")
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines, 1) if "I. Mục đích, yêu cầu" in line)
    second = next(i for i, line in enumerate(lines, 1) if "1. Mục đích" in line)
    result = runner.invoke(main, ["build", "kh.yaml", "-o", "ra"])
    assert result.exit_code == 0, result.output
    assert (f"kh.yaml:{first}:5: noi_dung[1].tieu_de: cảnh báo: đã bỏ số thứ tự gõ tay «I.» ở đầu tiêu đề "
            "(chương trình tự đánh số I., 1., a)); hãy xóa nó khỏi tệp YAML") in result.stderr
    assert f"kh.yaml:{second}:9: noi_dung[1].noi_dung[1].tieu_de: cảnh báo: đã bỏ số thứ tự gõ tay «1.»" in result.stderr
    texts = [p.text for p in docx.Document(str(tmp_path / "ra" / "kh.docx")).paragraphs]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts and "1. Mục đích" in texts
    assert not any(t.startswith(("I. I.", "1. 1.")) for t in texts)


def test_decimal_numbering_asked_on_a_muc_starts_under_its_khoan():
    # "II.1." is not a number a văn thư accepts: a mục keeps 1., 2. below it, and 1.1., 1.2. under those.
    out = numbered([{"tieu_de": "Khen thưởng", "danh_so": "thap_phan", "noi_dung": [
        {"tieu_de": "Danh hiệu", "noi_dung": [{"tieu_de": "Cấp tỉnh", "noi_dung": [{"tieu_de": "Cờ"}]},
                                              {"tieu_de": "Cấp xã"}]},
        {"tieu_de": "Hình thức"}]}])
    assert out == [("muc", "I. KHEN THƯỞNG"), ("khoan_td", "1. Danh hiệu"), ("khoan_td", "1.1. Cấp tỉnh"),
                   ("diem_td", "a) Cờ"), ("khoan_td", "1.2. Cấp xã"), ("khoan_td", "2. Hình thức")]
