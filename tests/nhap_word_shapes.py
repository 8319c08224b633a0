"""The biên bản and tờ trình shapes schools write, typed in Word (python-docx): a biên bản of the
council's meeting in the clerk's own sections I., II., III. with the attendance and the results as
totals, and a tờ trình asking to recognise the school itself, without a list."""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from nhap_word import CENTER, HEADER_RIGHT, Typist, closing_table, header_table, listed, word_list

SCHOOL = [("UBND XÃ ĐÔNG PHONG", False), ("TRƯỜNG THCS ĐÔNG PHONG", True), ("", False)]
PLACE_DATE = ("Đông Phong, ngày 28 tháng 5 năm 2026", False)
TOTALS = [["STT", "Hình thức khen thưởng", "Số lượng", "Biểu quyết", "Đồng ý", "Tỷ lệ", "Kết quả"],
          ["1", "Tập thể lao động tiên tiến", "04 tập thể", "Giơ tay", "08/08", "100%", "Đạt"],
          ["2", "Lao động tiên tiến", "38 cá nhân (có danh sách kèm theo)", "Giơ tay", "08/08", "100%", "Đạt"],
          ["3", "Chiến sĩ thi đua cơ sở", "05 cá nhân", "Bỏ phiếu kín", "07/08", "87,5%", "Đạt"]]
CONCLUSION = ("Kết luận: Hội đồng thống nhất đề nghị tặng danh hiệu Tập thể lao động tiên tiến cho 04 tập thể; "
              "tặng danh hiệu Lao động tiên tiến cho 38 cá nhân (có danh sách kèm theo); tặng danh hiệu Chiến sĩ "
              "thi đua cơ sở cho 05 cá nhân.")


def _section(ty: Typist, numbering: str, level: int, label: str, text: str, bold: bool = False) -> None:
    if numbering == "word":
        listed(ty, level, text, bold)
    else:
        ty.par(label + text, bold=bold)


def school_minutes(numbering: str = "typed", numbered: bool = True, named_absent: bool = False,
                   short_forms: bool = False) -> bytes:
    """`numbering` typed|word; `numbered`: a 'Số: 05/BBTĐ-THCSĐP' line (else none); `named_absent`:
    the absent member named with the reason (else 'Vắng mặt: 01 thành viên (có lý do).'); `short_forms`:
    'Thời gian: 14 giờ 00.', 'Chủ tọa: Bà Vũ Thị Mai - Hiệu trưởng.', 'Thư ký: Hà Văn Long.', '... kết
    thúc vào 16 giờ 15 phút cùng ngày' as many clerks type them."""
    ty = Typist()
    if numbering == "word":
        word_list(ty)
    left = SCHOOL + ([("Số: 05/BBTĐ-THCSĐP", False)] if numbered else [])
    header_table(ty, left, HEADER_RIGHT[:3] + [PLACE_DATE])
    ty.par("BIÊN BẢN", bold=True, align=CENTER)
    ty.par("Họp Hội đồng bình xét thi đua năm học 2025 - 2026", bold=True, align=CENTER)
    _section(ty, numbering, 0, "I. ", "THÀNH PHẦN", bold=True)
    if short_forms:
        ty.par("Thời gian: 14 giờ 00.")
        ty.par("Địa điểm: Phòng họp nhà trường.")
        ty.par("Chủ tọa: Bà Vũ Thị Mai - Hiệu trưởng.")
        ty.par("Thư ký: Hà Văn Long.")
    else:
        ty.par("Chủ trì (chủ tọa): Vũ Thị Mai, Hiệu trưởng - Chủ tịch Hội đồng.")
        ty.par("Thư ký (người ghi biên bản): Hà Văn Long, Giáo viên - Thư ký Hội đồng.")
    ty.par("Thành phần tham dự: thành viên Hội đồng Thi đua - Khen thưởng Trường THCS Đông Phong, có mặt 08/09 "
           "thành viên.")
    if named_absent:
        ty.par("Vắng mặt: 01 thành viên, gồm:")
        ty.par("- Trần Thị Ngọc, Giáo viên (lý do: nghỉ thai sản).")
    else:
        ty.par("Vắng mặt: 01 thành viên (có lý do).")
    ty.par("Cùng các thành viên Hội đồng trường, Hội đồng Thi đua - Khen thưởng.")
    _section(ty, numbering, 0, "II. ", "NỘI DUNG", bold=True)
    _section(ty, numbering, 1, "1. ", "Đồng chí Chủ tịch Hội đồng thông qua các văn bản hướng dẫn công tác thi "
             "đua, khen thưởng.")
    _section(ty, numbering, 1, "2. ", "Thư ký Hội đồng đọc danh sách đề nghị của các tổ chuyên môn.")
    _section(ty, numbering, 1, "3. ", "Hội đồng biểu quyết:")
    ty.par("Kết quả biểu quyết:")
    ty.table(TOTALS)
    _section(ty, numbering, 0, "III. ", "KẾT LUẬN", bold=True)
    ty.par(CONCLUSION)
    ty.par("Biên bản được thông qua trước Hội đồng, các thành viên nhất trí.")
    ty.par("Cuộc họp kết thúc vào 16 giờ 15 phút cùng ngày./." if short_forms else
           "Cuộc họp kết thúc vào 16 giờ 15 phút, ngày 28 tháng 5 năm 2026./.")
    table = ty.doc.add_table(rows=1, cols=2)
    ty.cell(table.cell(0, 0), [("THƯ KÝ", True), ("", False), ("", False), ("Hà Văn Long", True)])
    ty.cell(table.cell(0, 1), [("CHỦ TỌA", True), ("", False), ("", False), ("Vũ Thị Mai", True)])
    ty.par("Nơi nhận:", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    ty.par("- Lưu: VT, Hồ sơ thi đua.", align=WD_ALIGN_PARAGRAPH.LEFT)
    return ty.bytes()


def recognition_petition(numbering: str = "typed", sections: bool = False) -> bytes:
    """A tờ trình asking to recognise the school as "Trường học hạnh phúc": no list, the school's own
    request sentence; `sections`: the self-assessment in numbered sections, with the line on the
    report of achievements."""
    ty = Typist()
    if numbering == "word":
        word_list(ty)
    header_table(ty, [("UBND XÃ ĐỒNG KHO", False), ("TRƯỜNG TIỂU HỌC ĐỒNG KHO", True), ("", False),
                      ("Số: 14/TTr-THĐK", False)],
                 HEADER_RIGHT[:3] + [("Đồng Kho, ngày 20 tháng 5 năm 2026", False)])
    ty.par("TỜ TRÌNH", bold=True, align=CENTER)
    ty.par("Về việc đề nghị công nhận trường đạt danh hiệu \"Trường học hạnh phúc\" năm học 2025 - 2026",
           bold=True, align=CENTER)
    ty.par("Kính gửi: Chủ tịch Ủy ban nhân dân xã Đồng Kho", align=CENTER)
    ty.par("Căn cứ Kế hoạch số 35/KH-UBND ngày 12 tháng 9 năm 2025 của Ủy ban nhân dân xã về phong trào xây "
           "dựng \"Trường học hạnh phúc\";", italic=True)
    ty.par("Căn cứ kết quả tự đánh giá của nhà trường năm học 2025 - 2026.", italic=True)
    ty.par("Trường Tiểu học Đồng Kho đã tự đánh giá các tiêu chí của phong trào như sau:" if sections else
           "Trường Tiểu học Đồng Kho đã tự đánh giá các tiêu chí của phong trào; tổng số điểm tự đánh giá đạt "
           "92/100 điểm.")
    if sections:
        _section(ty, numbering, 0, "I. ", "KẾT QUẢ TỰ ĐÁNH GIÁ", bold=True)
        _section(ty, numbering, 1, "1. ", "Môi trường học tập an toàn, thân thiện: đạt 46/50 điểm.")
        _section(ty, numbering, 1, "2. ", "Mối quan hệ trong nhà trường: đạt 46/50 điểm.")
    ty.par("Với kết quả nêu trên, Trường Tiểu học Đồng Kho kính đề nghị Chủ tịch Ủy ban nhân dân xã kiểm tra, "
           "công nhận Trường Tiểu học Đồng Kho đạt danh hiệu \"Trường học hạnh phúc\" năm học 2025 - 2026.")
    if sections:
        ty.par("(Có báo cáo thành tích kèm theo)", italic=True, align=CENTER)
    ty.par("Trân trọng kính trình./.")
    closing_table(ty, ["Như trên", "Lưu: VT"], [("HIỆU TRƯỞNG", True), ("", False), ("", False),
                                                  ("Cao Văn Thành", True)])
    return ty.bytes()


def minutes_without_time() -> bytes:
    """The council's minutes of nhap_word.minutes() in Mẫu 1.9's order, typed without the lines
    'Thời gian bắt đầu' and 'Địa điểm'."""
    import io

    import docx

    from nhap_word import minutes

    document = docx.Document(io.BytesIO(minutes()))
    for par in list(document.paragraphs):
        if par.text.startswith(("Thời gian bắt đầu", "Địa điểm")):
            par._p.getparent().remove(par._p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
