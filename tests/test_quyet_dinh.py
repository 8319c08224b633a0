"""The decision: from the dossier that voted, exactly the nominees who passed, counted, rewarded and
written per ND30 Mẫu 1.2, with its list per Mẫu 2.1; and on its own, from a typed list."""
from __future__ import annotations

import io
import re
import zipfile

import pytest

from award_helpers import cell_texts, copy_fixture, edit, line_of, paragraphs, run, tables
from tdkt_docs.checker import check_docx

PASSED = ["Văn phòng HĐND và UBND xã An Bình", "Trường Mầm non An Bình", "Nguyễn Thị Đạt", "Trịnh Văn Đủ",
          "Quách Văn Giỏi"]
FAILED = ["Mai Thị Thiếu", "Tạ Văn Suýt"]
DECISION = "out/ho-so.quyet-dinh.docx"


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_fixture("ho-so-quyet-dinh.yaml", tmp_path, "ho-so.yaml")
    return tmp_path


def build(work):
    return run("build", "ho-so.yaml", "-o", "out")


def texts(path) -> list[str]:
    return [p.text for p in paragraphs(path)]


def annexed_rows(path) -> list[list[str]]:
    table = next(t for t in tables(path) if cell_texts(t)[0][:2] == ["STT", "Họ và tên / Tên tập thể"])
    return cell_texts(table)[1:]


def test_the_dossier_writes_four_documents(work):
    code, out = build(work)
    assert code == 0, out
    assert out.splitlines() == ["✓ ho-so.yaml → out/ho-so.bien-ban.docx", "✓ ho-so.yaml → out/ho-so.to-trinh.docx",
                                "✓ ho-so.yaml → out/ho-so.quyet-dinh.docx", "✓ ho-so.yaml → out/ho-so.giay-khen.docx"]


def test_decision_text_and_structure_follow_mau_1_2(work):
    build(work)
    text = texts(work / DECISION)
    start = text.index("QUYẾT ĐỊNH")
    assert text[start:start + 11] == [
        "QUYẾT ĐỊNH",
        "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\nvà danh hiệu Chiến sĩ thi đua cấp tỉnh",
        "",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số "
        "điều của Luật Thi đua, khen thưởng;",
        "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng xã An Bình ngày 08 tháng 01 năm 2026;",
        "Theo đề nghị của Ủy ban nhân dân xã An Bình tại Tờ trình số 05/TTr-UBND ngày 09 tháng 01 năm 2026.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể và 02 cá nhân; tặng danh hiệu "
        "Chiến sĩ thi đua cấp tỉnh cho 01 cá nhân đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025 "
        "(có danh sách kèm theo).",
        "Điều 2. Kèm theo Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, mỗi tập thể được thưởng 4.680.000 đồng, "
        "mỗi cá nhân được thưởng 2.340.000 đồng; kèm theo danh hiệu Chiến sĩ thi đua cấp tỉnh, mỗi cá nhân được "
        "thưởng 7.020.000 đồng. Tổng số tiền thưởng là 21.060.000 đồng (Bằng chữ: Hai mươi mốt triệu không trăm "
        "sáu mươi nghìn đồng), chi từ Quỹ thi đua, khen thưởng của tỉnh."]
    assert text[start + 11] == (
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, "
        "Chủ tịch Ủy ban nhân dân xã An Bình và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành "
        "Quyết định này./.")
    header = cell_texts(tables(work / DECISION)[0])
    assert header[1] == ["Số: 12/QĐ-UBND", "An Giang, ngày 20 tháng 01 năm 2026"]
    closing = cell_texts(tables(work / DECISION)[1])[0]
    assert closing[0].splitlines() == ["Nơi nhận:", "- Như Điều 3;", "- Sở Nội vụ;", "- Lưu: VT, NC."]
    assert closing[1].splitlines()[0] == "CHỦ TỊCH" and closing[1].splitlines()[-1] == "Nguyễn Văn Tỉnh"
    # The list, annexed, says which decision it goes with.
    assert "(Kèm theo Quyết định số 12/QĐ-UBND ngày 20 tháng 01 năm 2026\ncủa Chủ tịch Ủy ban nhân dân tỉnh An " \
           "Giang)" in text


def test_the_list_is_exactly_the_nominees_who_passed(work):
    build(work)
    rows = annexed_rows(work / DECISION)
    decided = [r[1] for r in rows if len(r) == 5]
    proposal = [r[1] for r in cell_texts(tables(work / "out" / "ho-so.to-trinh.docx")[-1])[1:] if len(r) == 4]
    assert decided == PASSED == proposal
    for name in FAILED:
        assert not any(name in t for t in texts(work / DECISION))


def test_a_change_of_vote_changes_the_decision_and_its_sum(work):
    # Trịnh Văn Đủ loses a vote: 6 of 10 present is below 70%.
    edit(work / "ho-so.yaml", "chuc_vu_don_vi: Trưởng thôn Đông\n      dong_y: 7",
         "chuc_vu_don_vi: Trưởng thôn Đông\n      dong_y: 6")
    code, out = build(work)
    assert code == 0, out
    decided = [r[1] for r in annexed_rows(work / DECISION) if len(r) == 5]
    assert decided == [n for n in PASSED if n != "Trịnh Văn Đủ"]
    article = next(t for t in texts(work / DECISION) if t.startswith("Điều 1."))
    assert "cho 02 tập thể và 01 cá nhân;" in article
    assert annexed_rows(work / DECISION)[-1][-1] == "Tổng cộng: 18.720.000 đồng"


def test_amounts_per_awardee_and_in_total(work):
    build(work)
    table = next(t for t in tables(work / DECISION) if cell_texts(t)[0][:2] == ["STT", "Họ và tên / Tên tập thể"])
    assert cell_texts(table)[0] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Hình thức khen thưởng",
                                    "Tiền thưởng (đồng)"]
    rows = annexed_rows(work / DECISION)
    amounts = {r[1]: r[4] for r in rows if len(r) == 5}
    assert amounts == {"Văn phòng HĐND và UBND xã An Bình": "4.680.000", "Trường Mầm non An Bình": "4.680.000",
                       "Nguyễn Thị Đạt": "2.340.000", "Trịnh Văn Đủ": "2.340.000", "Quách Văn Giỏi": "7.020.000"}
    assert rows[-1] == ["", "Tổng cộng: 21.060.000 đồng"]
    total = sum(int(v.replace(".", "")) for v in amounts.values())
    assert total == 21_060_000


def test_rounding_up_to_the_clerks_step(work):
    edit(work / "ho-so.yaml", "    nguon_chi:", "    lam_tron: 100000\n    nguon_chi:")
    edit(work / "ho-so.yaml", "{ca_nhan: 1.0, tap_the: 2.0}", "{ca_nhan: 0.3, tap_the: 0.6}")
    code, out = build(work)
    assert code == 0, out
    amounts = {r[1]: r[4] for r in annexed_rows(work / DECISION) if len(r) == 5}
    # 0,3 × 2.340.000 = 702.000, rounded up to 800.000; 0,6 × = 1.404.000 → 1.500.000
    assert amounts["Nguyễn Thị Đạt"] == "800.000" and amounts["Trường Mầm non An Bình"] == "1.500.000"


def test_tdkt_check_passes_the_decision(work):
    build(work)
    code, out = run("check", DECISION)
    assert code == 0, out
    assert out == f"✓ {DECISION}: đúng thể thức Nghị định 30/2020/NĐ-CP\n"


def _docx_edit(path, old: str, new: str) -> bytes:
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert old in xml, old
    parts["word/document.xml"] = xml.replace(old, new, 1).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("old, new, rule", [
    ("- Như Điều 3;", "- Như Điều 5;", "ND30.QUYET_DINH.NHU_DIEU"),
    (">QUYẾT ĐỊNH:<", "><", "ND30.QUYET_DINH.LENH"),
])
def test_the_checker_knows_a_decision(work, old, new, rule):
    build(work)
    findings = check_docx(_docx_edit(work / DECISION, old, new))
    assert [f.rule for f in findings] == [rule], [f.line() for f in findings]


def test_the_decision_can_be_turned_off(work):
    edit(work / "ho-so.yaml", "quyet_dinh:\n  co_quan:", "quyet_dinh: false\nkhong_dung:\n  co_quan:")
    text = (work / "ho-so.yaml").read_text(encoding="utf-8")
    (work / "ho-so.yaml").write_text(text[:text.index("khong_dung:")] + text[text.index("giay_khen:"):],
                                     encoding="utf-8")
    code, out = build(work)
    assert code == 0, out
    assert out.splitlines() == ["✓ ho-so.yaml → out/ho-so.bien-ban.docx", "✓ ho-so.yaml → out/ho-so.to-trinh.docx"]


def test_certificates_can_be_turned_off(work):
    edit(work / "ho-so.yaml", "giay_khen:\n  so_vao_so: 101", "giay_khen: false")
    code, out = build(work)
    assert code == 0, out
    assert out.splitlines()[-1] == "✓ ho-so.yaml → out/ho-so.quyet-dinh.docx"
    assert not (work / "out" / "ho-so.giay-khen.docx").exists()


def test_nobody_passed_means_no_decision(work):
    yaml_file = work / "ho-so.yaml"
    text = re.sub(r"dong_y: \d+", "dong_y: 2", yaml_file.read_text(encoding="utf-8"))
    yaml_file.write_text(text, encoding="utf-8")
    code, out = build(work)
    assert code == 1
    assert out.splitlines() == [
        f"ho-so.yaml:{line_of(yaml_file, 'de_nghi:')}:1: de_nghi: không trường hợp nào đạt tỷ lệ phiếu đồng ý theo "
        "quy chế, nên không có ai để đề nghị trong tờ trình và quyết định khen thưởng; hãy kiểm tra lại số phiếu "
        "'dong_y'",
        "✗ ho-so.yaml: 1 lỗi, chưa tạo văn bản."]
    assert not (work / "out").exists() or not list((work / "out").glob("*.docx"))


def test_a_coefficient_nobody_confirmed_is_asked_for(work):
    yaml_file = work / "ho-so.yaml"
    edit(yaml_file, "      Chiến sĩ thi đua cấp tỉnh: {ca_nhan: 3.0}\n", "")
    edit(yaml_file, "    luong_co_so: 2340000\n", "")
    code, out = build(work)
    assert code == 1
    where = f"ho-so.yaml:{line_of(yaml_file, '  tien_thuong:')}:3: quyet_dinh.tien_thuong:"
    assert out.splitlines() == [
        f"{where} chưa có mức lương cơ sở để tính tiền thưởng (quy định mặc định để trống vì chưa đối chiếu được văn "
        "bản); hãy ghi trong 'tien_thuong' của quyết định: luong_co_so: <số đồng>, theo nghị định quy định mức lương "
        "cơ sở đang có hiệu lực, hoặc tien_thuong: false nếu quyết định không kèm tiền thưởng",
        f"{where} chưa có hệ số tiền thưởng của 'Chiến sĩ thi đua cấp tỉnh' cho cá nhân (quy định mặc định để trống "
        "vì chưa đối chiếu được điều, khoản của Nghị định số 152/2025/NĐ-CP); hãy ghi trong 'tien_thuong' của quyết "
        "định: he_so: {\"Chiến sĩ thi đua cấp tỉnh\": {ca_nhan: <hệ số>}}, hoặc tien_thuong: false nếu quyết định "
        "không kèm tiền thưởng",
        "✗ ho-so.yaml: 2 lỗi, chưa tạo văn bản."]


def test_the_advice_works_when_followed(work):
    yaml_file = work / "ho-so.yaml"
    edit(yaml_file, "      Chiến sĩ thi đua cấp tỉnh: {ca_nhan: 3.0}\n", "")
    edit(yaml_file, "    he_so:\n", "    he_so: {\"Chiến sĩ thi đua cấp tỉnh\": {ca_nhan: 3.0},\n"
                                    "      \"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\": {ca_nhan: 1.0, tap_the: 2.0}}\n"
                                    "    khong_dung:\n")
    edit(yaml_file, "    khong_dung:\n      Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: {ca_nhan: 1.0, tap_the: 2.0}\n",
         "")
    code, out = build(work)
    assert code == 0, out


def test_without_reward_the_last_article_is_2(work):
    yaml_file = work / "ho-so.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    start, end = text.index("  tien_thuong:"), text.index("  noi_nhan:\n    - Sở Nội vụ")
    yaml_file.write_text(text[:start] + "  tien_thuong: false\n" + text[end:], encoding="utf-8")
    code, out = build(work)
    assert code == 0, out
    articles = [t for t in texts(work / DECISION) if t.startswith("Điều ")]
    assert [a[:8] for a in articles] == ["Điều 1. ", "Điều 2. "]
    assert cell_texts(tables(work / DECISION)[1])[0][0].splitlines()[1] == "- Như Điều 2;"
    assert all("Tổng cộng" not in "".join(r) for r in annexed_rows(work / DECISION))


def test_quyet_dinh_true_is_not_a_decision(work):
    edit(work / "ho-so.yaml", "quyet_dinh:\n  co_quan:", "quyet_dinh: true\nkhong:\n  co_quan:")
    code, out = build(work)
    assert code == 1
    assert out.splitlines()[0] == (f"ho-so.yaml:{line_of(work / 'ho-so.yaml', 'quyet_dinh: true')}:1: quyet_dinh: ghi "
                                   "false để không làm văn bản này, hoặc viết các mục của nó bên dưới")


# --- A decision on its own -----------------------------------------------------------------------------

@pytest.fixture
def alone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out = run("new", "quyet-dinh", "-o", "qd.yaml")
    assert code == 0, out
    return tmp_path / "qd.yaml"


def test_a_decision_on_its_own_lists_a_few_names_inline(alone):
    code, out = run("build", alone, "-o", "out")
    assert code == 0, out
    assert out.splitlines() == ["✓ qd.yaml → out/qd.docx", "✓ qd.yaml → out/qd.giay-khen.docx"]
    text = texts(alone.parent / "out" / "qd.docx")
    start = text.index("QUYẾT ĐỊNH:")
    assert text[start + 1:start + 5] == [
        "Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã cho 01 tập thể và 01 cá nhân đã có thành tích xuất "
        "sắc trong thực hiện nhiệm vụ năm 2026, gồm:",
        "- Thôn Nà Cà;",
        "- Nguyễn Thị Hoa, Giáo viên, Trường Tiểu học Tam Đường.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND xã, Trưởng phòng Văn hóa - "
        "Xã hội xã và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."]
    assert text[text.index("QUYẾT ĐỊNH") + 1] == "Về việc tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã"
    code, out = run("check", "out/qd.docx")
    assert code == 0, out


def test_a_total_without_names_cannot_be_decided(alone):
    edit(alone, "  ca_nhan:                   # danh sách dài",
         "  tong_hop:\n    - {hinh_thuc: Lao động tiên tiến, ca_nhan: 20}\n  ca_nhan:                   # danh sách dài")
    code, out = run("build", alone, "-o", "out")
    assert code == 1
    assert out.splitlines()[0] == (
        f"qd.yaml:{line_of(alone, 'Lao động tiên tiến, ca_nhan: 20')}:39: khen_thuong.tong_hop[1].ca_nhan: Lao động "
        "tiên tiến: quyết định khen thưởng phải ghi tên từng cá nhân, nhưng ở đây ghi ca_nhan: 20 mà chỉ có tên 00 cá "
        "nhân; hãy liệt kê đủ tên trong 'ca_nhan' (với 'hinh_thuc: Lao động tiên tiến')")


def test_a_decision_signed_before_the_request_is_refused(work):
    edit(work / "ho-so.yaml", "  ngay: 2026-01-20", "  ngay: 2026-01-05")
    code, out = build(work)
    assert code == 1
    assert out.splitlines()[0] == (
        f"ho-so.yaml:{line_of(work / 'ho-so.yaml', 'ngay: 2026-01-05')}:3: quyet_dinh.ngay: quyết định ký ngày "
        "05/01/2026, trước tờ trình đề nghị ngày 09/01/2026; quyết định phải ký cùng ngày hoặc sau tờ trình")
