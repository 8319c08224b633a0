"""Administrative documents typed in Word the many ways clerks type them, for the corpus test.
Their shapes follow public công văn, quyết định, kế hoạch, tờ trình, biên bản, báo cáo, hướng dẫn and
phụ lục; the words are our own. `make(**options)` builds one; CORPUS names the ones the test reads."""
from __future__ import annotations

from .parts import CENTER, JUSTIFY, LEFT, Builder

QH, TN = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
DATE = "Tam Đường, ngày 15 tháng 02 năm 2024"
RECIPIENTS = ["- Ban Thi đua - Khen thưởng tỉnh;", "- Thường trực Huyện ủy;", "- Các phòng, ban, ngành huyện;",
              "- Lưu: VT, VP."]
SIGN = (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn An")

KE_HOACH = [("cc", "Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022;"),
            ("cc", "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ."),
            ("p", "Ủy ban nhân dân huyện ban hành Kế hoạch tổ chức phong trào thi đua năm 2024 như sau:"),
            ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("p", "1. Phát động phong trào thi đua sâu rộng trong cán bộ, công chức, viên chức và nhân dân."),
            ("p", "2. Khen thưởng kịp thời, chính xác, công khai các tập thể, cá nhân tiêu biểu."),
            ("h", "II. NỘI DUNG"),
            ("p", "1. Các phòng, ban, ngành đăng ký thi đua trước ngày 15 tháng 3 năm 2024."),
            ("p", "a) Tổ chức ký kết giao ước thi đua giữa các cụm, khối;"),
            ("p", "b) Sơ kết, tổng kết phong trào theo đúng thời gian quy định."),
            ("p", "Các cơ quan, đơn vị căn cứ Kế hoạch này tổ chức thực hiện./.")]
QUYET_DINH = [("center_b", "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG"),
              ("cc", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
              ("cc", "Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022;"),
              ("cc", "Theo đề nghị của Trưởng phòng Nội vụ huyện;"),
              ("center_b", "QUYẾT ĐỊNH:"),
              ("h", "Điều 1. Tặng Giấy khen cho 05 tập thể và 12 cá nhân có thành tích xuất sắc."),
              ("p", "Điều 2. Kèm theo Giấy khen là tiền thưởng theo quy định hiện hành."),
              ("p", "Điều 3. Chánh Văn phòng, Trưởng phòng Nội vụ và các cá nhân có tên tại Điều 1 chịu trách "
                    "nhiệm thi hành Quyết định này./.")]
CONG_VAN = [("p", "Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2024 của Ủy ban nhân dân huyện, Ủy ban "
                  "nhân dân huyện đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:"),
            ("p", "1. Rà soát, tổng hợp danh sách đề nghị khen thưởng năm 2024."),
            ("p", "2. Gửi hồ sơ về Phòng Nội vụ trước ngày 30 tháng 3 năm 2024."),
            ("p", "Đề nghị các cơ quan, đơn vị triển khai thực hiện./.")]
TO_TRINH = [("p", "Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022, Ủy ban nhân dân huyện kính trình "
                  "Ủy ban nhân dân tỉnh xem xét, khen thưởng như sau:"),
            ("h", "I. TÓM TẮT THÀNH TÍCH"),
            ("p", "Năm 2023, các tập thể, cá nhân đã hoàn thành xuất sắc nhiệm vụ được giao."),
            ("h", "II. ĐỀ NGHỊ"),
            ("p", "Ủy ban nhân dân huyện kính trình Ủy ban nhân dân tỉnh xem xét, quyết định./.")]
BAO_CAO = [("h0", "PHẦN I"), ("center_b", "KẾT QUẢ THỰC HIỆN"),
           ("h", "I. CÔNG TÁC CHỈ ĐẠO"),
           ("p", "Ủy ban nhân dân huyện đã ban hành các văn bản chỉ đạo, hướng dẫn kịp thời."),
           ("h", "II. KẾT QUẢ"),
           ("p", "Toàn huyện có 35 tập thể, 120 cá nhân được khen thưởng trong năm."),
           ("h0", "PHẦN II"), ("center_b", "PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024"),
           ("p", "Tiếp tục đổi mới công tác thi đua, khen thưởng, bảo đảm thực chất, hiệu quả./.")]
HUONG_DAN = [("p", "Thực hiện Kế hoạch số 12/KH-UBND, Phòng Nội vụ hướng dẫn việc lập hồ sơ như sau:"),
             ("h", "1. Hồ sơ đề nghị khen thưởng"),
             ("p", "a) Tờ trình đề nghị khen thưởng của cơ quan, đơn vị;"),
             ("p", "b) Báo cáo thành tích của tập thể, cá nhân."),
             ("h0", "DANH MỤC HỒ SƠ KÈM THEO"),
             ("p", "Danh mục hồ sơ theo mẫu tại Phụ lục kèm theo Hướng dẫn này."),
             ("h", "2. Thời gian nộp hồ sơ"),
             ("p", "Hồ sơ gửi về Phòng Nội vụ trước ngày 30 tháng 3 năm 2024./.")]
BIEN_BAN = [("p", "Thời gian bắt đầu: 08 giờ 00, ngày 05 tháng 3 năm 2024."),
            ("p", "Địa điểm: Hội trường Ủy ban nhân dân huyện Tam Đường."),
            ("p", "Thành phần tham dự: 09/11 thành viên Hội đồng có mặt."),
            ("p", "Chủ trì (chủ tọa): ông Nguyễn Văn An, Chủ tịch Hội đồng."),
            ("p", "Thư ký (người ghi biên bản): bà Lê Thị Bình."),
            ("p", "Cuộc họp kết thúc vào 11 giờ 00 cùng ngày./.")]


def _header(b: Builder, o: dict) -> None:
    how, rule = o.get("header", "table"), o.get("rule", "border")
    parent, issuer, so, date = o.get("chu_quan", "UBND TỈNH LAI CHÂU"), o.get("co_quan", "ỦY BAN NHÂN DÂN\nHUYỆN TAM ĐƯỜNG"), \
        o.get("so", "Số: 12/KH-UBND"), o.get("date", DATE)
    if how == "tabs":
        b.tabs(parent or "", QH, (13, 13), (False, True))
        b.tabs(issuer.replace("\n", " "), TN, (13, 14), (True, True))
        lines = b.par()  # both short rules drawn as line shapes anchored to one empty paragraph
        b.rule(lines, "shape")
        b.rule(lines, "shape")
        b.tabs(so, date, (13, 14), (False, False), (False, True))
        return
    table = b.table(2 if how == "table2" else 1, 2)
    left, right = b.cell(table.cell(0, 0)), b.cell(table.cell(0, 1))
    if parent:
        left(parent, 13)
    left(issuer, 13, bold=True)
    b.rule(left, o.get("rule_cq", rule))
    if how == "textbox":
        b.textbox(right(""), [(QH, 13, True), (TN, 14, True)])
    else:
        right(QH, 13, bold=True)
        right(TN, 14, bold=True, underline=rule == "underline")
        b.rule(right, o.get("rule_tn", rule), 6)
    lower = (b.cell(table.cell(1, 0)), b.cell(table.cell(1, 1))) if how == "table2" else (left, right)
    lower[0](so, 13)
    if o.get("vv"):
        lower[0](o["vv"], o.get("vv_size", 12))
    if date:
        lower[1](date, 14, italic=True, align=LEFT if o.get("date_align") == "left" else CENTER)


def _title(b: Builder, o: dict) -> None:
    if o.get("type"):
        b.par(None, o["type"], 14, bold=True, align=CENTER, before=12)
        if o.get("trich"):
            b.par(None, o["trich"], 14, bold=True, align=CENTER)
            b.rule(b.par(align=CENTER), o.get("rule_ty", o.get("rule", "border")), 4)
    for name in o.get("kinh_gui", []):
        b.par(None, name, 14, align=CENTER if len(o["kinh_gui"]) == 1 else LEFT, left=None if len(
            o["kinh_gui"]) == 1 else 2.5, before=6)


def _body(b: Builder, o: dict) -> None:
    auto = o.get("auto_numbering") and b.numbering("decimal", "%1.")
    for kind, text in o.get("body", KE_HOACH):
        if auto and kind == "h" and o["auto_numbering"] == "per-heading":
            auto = b.numbering("decimal", "%1.")  # a new list under each heading, numbered from 1
        if auto and kind == "p" and text[:3] in ("1. ", "2. "):
            b.numbered(auto, text[3:])
        elif kind == "cc":
            b.body(text, italic=True)
        elif kind == "h":
            b.body(text, bold=True)
        elif kind == "center_b":
            b.par(None, text, 14, bold=True, align=CENTER, before=6)
        elif kind == "h0":  # a heading typed flush left, without the body's indent
            b.par(None, text, 14, bold=True, align=LEFT, before=6)
        elif kind == "cc_upright":
            b.body(text)
        else:
            b.body(text)
    if o.get("annex_table"):
        b.landscape_table(["TT", "Họ và tên", "Chức vụ, đơn vị"], [["1", "Lê Thị Bình", "Chuyên viên Phòng Nội vụ"],
                                                                  ["2", "Trần Văn Cường", "Ngày 15 tháng 3 năm 2024"]])


def _recipient_lines(b: Builder, o: dict, add) -> None:
    add("Nơi nhận:", 12, bold=True, italic=True, align=LEFT)
    for entry in o.get("recipients", RECIPIENTS):
        if isinstance(entry, tuple):  # a recipient wrapping: Shift+Enter ("br") or Enter ("par")
            how, *pieces = entry
            if how == "br":
                add("\n".join(pieces), 11, align=LEFT)
            else:
                for piece in pieces:
                    add(piece, 11, align=LEFT)
        else:
            add(entry, 11, align=LEFT)
    if o.get("o12"):
        add(o["o12"], 11, align=LEFT)


def _sign_lines(o: dict, add) -> None:
    titles, name = o.get("sign", SIGN)
    for title in titles:
        add(title, 14, bold=o.get("title_bold", True))
    for _ in range(3):
        add("", 14)
    add(name, 14, bold=True)


def _closing(b: Builder, o: dict) -> None:
    how = o.get("closing", "table")
    if how == "bien_ban":  # THƯ KÝ left, CHỦ TỌA right, Nơi nhận below them
        table = b.table(1, 2, (8, 8))
        for col, (title, name) in enumerate((("THƯ KÝ", "Lê Thị Bình"), ("CHỦ TỌA", "Nguyễn Văn An"))):
            _sign_lines({"sign": ([title], name)}, b.cell(table.cell(0, col)))
        b.par()
        how = "below_plain"
    if how == "table":
        table = b.table(1, 2)
        _recipient_lines(b, o, b.cell(table.cell(0, 0)))
        _sign_lines(o, b.cell(table.cell(0, 1)))
        return
    if how == "table_above":  # the signature in a table of its own, Nơi nhận typed below it
        table = b.table(1, 2)
        b.cell(table.cell(0, 0))("")
        _sign_lines(o, b.cell(table.cell(0, 1)))
        _recipient_lines(b, o, lambda text, size, bold=False, italic=False, align=LEFT: b.par(
            None, text, size, bold, italic, align))
        return

    def right(text, size, bold=False, italic=False, align=CENTER):
        return b.par(None, text, size, bold, italic, CENTER, left=7.5)

    def left(text, size, bold=False, italic=False, align=LEFT):
        return b.par(None, text, size, bold, italic, LEFT)
    if how == "above":
        _sign_lines(o, right)
        b.par()
        _recipient_lines(b, o, left)
    elif how == "below_plain":
        _recipient_lines(b, o, left)
    else:
        _recipient_lines(b, o, left)
        _sign_lines(o, right)


def _appendix(b: Builder, o: dict) -> None:
    b.par(None, o.get("appendix_label", "Phụ lục I"), 14, bold=True, align=CENTER)
    b.par(None, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG", 14, bold=True, align=CENTER)
    b.par(None, "(Kèm theo Quyết định số 07/QĐ-UBND ngày 15 tháng 02 năm 2024 của Ủy ban nhân dân huyện)", 14,
          italic=True, align=CENTER)
    b.rule(b.par(align=CENTER), "border", 4)
    for kind, text in o.get("body", []):
        b.par(None, text, 14, bold=True, align=CENTER if kind == "center_b" else JUSTIFY, first=None if
              kind == "center_b" else 1.27, before=6)
    b.landscape_table(["TT", "Tên tập thể, cá nhân", "Thành tích"],
                      [["1", "Phòng Nội vụ", "Hoàn thành xuất sắc nhiệm vụ"],
                       ["2", "Trường Tiểu học Bình Lư", "Ngày 15 tháng 3 năm 2024"]])


def make(**o) -> bytes:
    b = Builder(nfd=o.get("nfd", False))
    if o.get("appendix"):
        _appendix(b, o)
        return b.save()
    _header(b, o)
    _title(b, o)
    _body(b, o)
    _closing(b, o)
    return b.save()
