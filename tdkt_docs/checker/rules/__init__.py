"""Every rule the checker knows: its id, where ND30 states it, its usual severity and what it checks.

"PL I.II.3" reads Phụ lục I, Phần I, Mục II, khoản 3 of Nghị định 30/2020/NĐ-CP; "PL III" the sample
forms; "Điều 13" the article on signing.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..findings import ERROR, UNEVALUABLE, UNEVALUABLE_PREFIX, WARNING, Finding
from ..model import Para
from ..vntext import quote


@dataclass(frozen=True)
class Rule:
    id: str
    ref: str
    severity: str
    what: str  # Vietnamese, one line


_RULES = [
    ("ND30.PAGE.SIZE", "PL I.I.1", ERROR, "Khổ giấy A4 (210 × 297 mm)"),
    ("ND30.PAGE.ORIENTATION", "PL I.I.2", ERROR, "Trình bày theo chiều dài trang A4 (khổ ngang chỉ khi có bảng, biểu)"),
    ("ND30.PAGE.MARGIN_TOP", "PL I.I.3", ERROR, "Lề trên 20–25 mm"),
    ("ND30.PAGE.MARGIN_BOTTOM", "PL I.I.3", ERROR, "Lề dưới 20–25 mm"),
    ("ND30.PAGE.MARGIN_LEFT", "PL I.I.3", ERROR, "Lề trái 30–35 mm"),
    ("ND30.PAGE.MARGIN_RIGHT", "PL I.I.3", ERROR, "Lề phải 15–20 mm"),
    ("ND30.FONT.FAMILY", "PL I.I.4", ERROR, "Phông chữ Times New Roman trong toàn văn bản"),
    ("ND30.FONT.COLOR", "PL I.I.4", WARNING, "Chữ màu đen"),
    ("ND30.PAGE_NUMBER.FIRST_PAGE", "PL I.I.7", ERROR, "Không hiển thị số trang ở trang thứ nhất"),
    ("ND30.PAGE_NUMBER.POSITION", "PL I.I.7", ERROR, "Số trang canh giữa trong phần lề trên (đầu trang)"),
    ("ND30.PAGE_NUMBER.FORMAT", "PL I.I.7", ERROR, "Số trang cỡ chữ 13–14, kiểu chữ đứng"),
    ("ND30.QUOC_HIEU.PRESENT", "PL I.II.1.a", UNEVALUABLE, "Có dòng Quốc hiệu"),
    ("ND30.QUOC_HIEU.TEXT", "PL I.II.1.a", ERROR, "Quốc hiệu đúng chữ «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»"),
    ("ND30.QUOC_HIEU.CASE", "PL I.II.1.a", ERROR, "Quốc hiệu chữ in hoa"),
    ("ND30.QUOC_HIEU.SIZE", "PL I.II.1.a", ERROR, "Quốc hiệu cỡ chữ 12–13"),
    ("ND30.QUOC_HIEU.STYLE", "PL I.II.1.a", ERROR, "Quốc hiệu kiểu chữ đứng, đậm"),
    ("ND30.TIEU_NGU.PRESENT", "PL I.II.1.b", UNEVALUABLE, "Có dòng Tiêu ngữ"),
    ("ND30.TIEU_NGU.TEXT", "PL I.II.1.b", ERROR, "Tiêu ngữ đúng chữ «Độc lập - Tự do - Hạnh phúc»"),
    ("ND30.TIEU_NGU.CASE", "PL I.II.1.b", ERROR, "Tiêu ngữ chữ in thường, viết hoa chữ cái đầu mỗi cụm từ"),
    ("ND30.TIEU_NGU.SIZE", "PL I.II.1.b", ERROR, "Tiêu ngữ cỡ chữ 13–14"),
    ("ND30.TIEU_NGU.STYLE", "PL I.II.1.b", ERROR, "Tiêu ngữ kiểu chữ đứng, đậm"),
    ("ND30.TIEU_NGU.LINE", "PL I.II.1.b", ERROR, "Dưới Tiêu ngữ có đường kẻ ngang, nét liền, dài bằng dòng chữ"),
    ("ND30.TIEU_NGU.SIZE_PAIR", "PL I.II.1", ERROR, "Cặp cỡ chữ Quốc hiệu/Tiêu ngữ: 12/13 hoặc 13/14"),
    ("ND30.CO_QUAN.PRESENT", "PL I.II.2", UNEVALUABLE, "Có tên cơ quan ban hành"),
    ("ND30.CO_QUAN.CASE", "PL I.II.2.b", ERROR, "Tên cơ quan ban hành chữ in hoa"),
    ("ND30.CO_QUAN.SIZE", "PL I.II.2.b", ERROR, "Tên cơ quan ban hành cỡ chữ 12–13"),
    ("ND30.CO_QUAN.STYLE", "PL I.II.2.b", ERROR, "Tên cơ quan ban hành kiểu chữ đứng, đậm"),
    ("ND30.CO_QUAN.LINE", "PL I.II.2.b", ERROR, "Dưới tên cơ quan ban hành có đường kẻ ngang, nét liền, dài 1/3–1/2 dòng chữ"),
    ("ND30.CHU_QUAN.CASE", "PL I.II.2.b", ERROR, "Tên cơ quan chủ quản chữ in hoa"),
    ("ND30.CHU_QUAN.SIZE", "PL I.II.2.b", ERROR, "Tên cơ quan chủ quản cỡ chữ 12–13"),
    ("ND30.CHU_QUAN.STYLE", "PL I.II.2.b", ERROR, "Tên cơ quan chủ quản kiểu chữ đứng"),
    ("ND30.SO_KY_HIEU.PRESENT", "PL I.II.3", UNEVALUABLE, "Có số, ký hiệu văn bản"),
    ("ND30.SO_KY_HIEU.FORMAT", "PL I.II.3.c", ERROR, "«Số:» rồi số/ký hiệu: gạch chéo (/), gạch nối (-), không cách chữ"),
    ("ND30.SO_KY_HIEU.LEADING_ZERO", "PL I.II.3.c", ERROR, "Số nhỏ hơn 10 có số 0 phía trước"),
    ("ND30.SO_KY_HIEU.TYPE", "PL III.I", ERROR, "Ký hiệu bắt đầu bằng chữ viết tắt tên loại theo Phụ lục III"),
    ("ND30.SO_KY_HIEU.SIZE", "PL I.II.3.c", ERROR, "Số, ký hiệu cỡ chữ 13"),
    ("ND30.SO_KY_HIEU.STYLE", "PL I.II.3.c", ERROR, "Số, ký hiệu kiểu chữ đứng"),
    ("ND30.SO_KY_HIEU.ALIGN", "PL I.II.3.c", ERROR, "Số, ký hiệu canh giữa dưới tên cơ quan ban hành"),
    ("ND30.NGAY_THANG.PRESENT", "PL I.II.4", UNEVALUABLE, "Có địa danh, ngày tháng năm ban hành"),
    ("ND30.NGAY_THANG.FORMAT", "PL I.II.4", ERROR, "«Địa danh, ngày … tháng … năm …» viết đầy đủ"),
    ("ND30.NGAY_THANG.LEADING_ZERO", "PL I.II.4.b", ERROR, "Ngày dưới 10 và tháng 1, 2 có số 0 phía trước; tháng 3–12 không"),
    ("ND30.NGAY_THANG.SIZE", "PL I.II.4.c", ERROR, "Địa danh, ngày tháng cỡ chữ 13–14"),
    ("ND30.NGAY_THANG.STYLE", "PL I.II.4.c", ERROR, "Địa danh, ngày tháng kiểu chữ nghiêng"),
    ("ND30.NGAY_THANG.ALIGN", "PL I.II.4.c", ERROR, "Địa danh, ngày tháng canh giữa dưới Quốc hiệu và Tiêu ngữ"),
    ("ND30.TEN_LOAI.PRESENT", "PL I.II.5", UNEVALUABLE, "Có tên loại văn bản"),
    ("ND30.TEN_LOAI.CASE", "PL I.II.5.b", ERROR, "Tên loại chữ in hoa"),
    ("ND30.TEN_LOAI.SIZE", "PL I.II.5.b", ERROR, "Tên loại cỡ chữ 13–14"),
    ("ND30.TEN_LOAI.STYLE", "PL I.II.5.b", ERROR, "Tên loại kiểu chữ đứng, đậm"),
    ("ND30.TEN_LOAI.ALIGN", "PL I.II.5.b", ERROR, "Tên loại canh giữa"),
    ("ND30.TRICH_YEU.PRESENT", "PL I.II.5", UNEVALUABLE, "Có trích yếu nội dung"),
    ("ND30.TRICH_YEU.CASE", "PL I.II.5.b", ERROR, "Trích yếu chữ in thường"),
    ("ND30.TRICH_YEU.SIZE", "PL I.II.5.b", ERROR, "Trích yếu cỡ chữ 13–14"),
    ("ND30.TRICH_YEU.STYLE", "PL I.II.5.b", ERROR, "Trích yếu kiểu chữ đứng, đậm"),
    ("ND30.TRICH_YEU.ALIGN", "PL I.II.5.b", ERROR, "Trích yếu canh giữa"),
    ("ND30.TRICH_YEU.LINE", "PL I.II.5.b", ERROR, "Dưới trích yếu có đường kẻ ngang, nét liền, dài 1/3–1/2 dòng chữ"),
    ("ND30.TRICH_YEU.VV_SIZE", "PL I.II.5.b", ERROR, "Trích yếu công văn (V/v) cỡ chữ 12–13"),
    ("ND30.TRICH_YEU.VV_STYLE", "PL I.II.5.b", ERROR, "Trích yếu công văn (V/v) kiểu chữ đứng"),
    ("ND30.TRICH_YEU.VV_ALIGN", "PL I.II.5.b", ERROR, "Trích yếu công văn (V/v) canh giữa dưới số, ký hiệu"),
    ("ND30.PHU_LUC.LABEL", "PL I.III.1.b", ERROR, "«Phụ lục» và số thứ tự một dòng riêng, canh giữa, cỡ 14, đứng, đậm"),
    ("ND30.PHU_LUC.TITLE", "PL I.III.1.b", ERROR, "Tên phụ lục canh giữa, chữ in hoa, cỡ 13–14, đứng, đậm"),
    ("ND30.CAN_CU.STYLE", "PL I.II.6.a", ERROR, "Căn cứ kiểu chữ nghiêng"),
    ("ND30.CAN_CU.PUNCT", "PL I.II.6.a", WARNING, "Mỗi căn cứ một dòng, cuối dòng «;», dòng cuối «.»"),
    ("ND30.NOI_DUNG.SIZE", "PL I.II.6.e", ERROR, "Nội dung cỡ chữ 13–14"),
    ("ND30.NOI_DUNG.ALIGN", "PL I.II.6.e", ERROR, "Nội dung canh đều hai lề"),
    ("ND30.NOI_DUNG.INDENT", "PL I.II.6.e", ERROR, "Đầu dòng lùi vào 1–1,27 cm"),
    ("ND30.NOI_DUNG.SPACING", "PL I.II.6.e", ERROR, "Khoảng cách giữa các đoạn tối thiểu 6 pt"),
    ("ND30.NOI_DUNG.LINE_SPACING", "PL I.II.6.e", ERROR, "Khoảng cách dòng từ dòng đơn đến 1,5 dòng"),
    ("ND30.NOI_DUNG.END_MARK", "PL III", WARNING, "Nội dung kết thúc bằng «./.»"),
    ("ND30.DANH_SO.SEQUENCE", "PL I.II.6.đ", ERROR, "Số thứ tự liên tục, không trùng, điểm theo bảng chữ cái tiếng Việt"),
    ("ND30.NOI_NHAN.PRESENT", "PL I.II.9.b", UNEVALUABLE, "Có phần Nơi nhận"),
    ("ND30.NOI_NHAN.LABEL", "PL I.II.9.b", ERROR, "Chữ «Nơi nhận:» in thường, dấu hai chấm liền sau"),
    ("ND30.NOI_NHAN.LABEL_SIZE", "PL I.II.9.b", ERROR, "«Nơi nhận:» cỡ chữ 12"),
    ("ND30.NOI_NHAN.LABEL_STYLE", "PL I.II.9.b", ERROR, "«Nơi nhận:» nghiêng, đậm"),
    ("ND30.NOI_NHAN.LINE_SIZE", "PL I.II.9.b", ERROR, "Các dòng nơi nhận cỡ chữ 11"),
    ("ND30.NOI_NHAN.LINE_STYLE", "PL I.II.9.b", ERROR, "Các dòng nơi nhận kiểu chữ đứng"),
    ("ND30.NOI_NHAN.DASH", "PL I.II.9.b", ERROR, "Mỗi dòng nơi nhận bắt đầu bằng gạch đầu dòng (-)"),
    ("ND30.NOI_NHAN.PUNCT", "PL I.II.9.b", ERROR, "Cuối mỗi dòng «;», dòng cuối «.»"),
    ("ND30.NOI_NHAN.LUU", "PL I.II.9.b", ERROR, "Dòng cuối «- Lưu: VT, …»"),
    ("ND30.CHU_KY.PRESENT", "PL I.II.7", UNEVALUABLE, "Có phần chữ ký (thẩm quyền, chức vụ, họ tên)"),
    ("ND30.CHU_KY.PREFIX", "Điều 13", WARNING, "Quyền hạn ký: TM., KT., Q., TL., TUQ."),
    ("ND30.CHU_KY.TITLE_CASE", "PL I.II.7.đ", ERROR, "Quyền hạn, chức vụ người ký chữ in hoa"),
    ("ND30.CHU_KY.TITLE_SIZE", "PL I.II.7.đ", ERROR, "Quyền hạn, chức vụ người ký cỡ chữ 13–14"),
    ("ND30.CHU_KY.TITLE_STYLE", "PL I.II.7.đ", ERROR, "Quyền hạn, chức vụ người ký kiểu chữ đứng, đậm"),
    ("ND30.CHU_KY.NAME_CASE", "PL I.II.7.e", ERROR, "Họ tên người ký chữ in thường (không in hoa cả)"),
    ("ND30.CHU_KY.NAME_SIZE", "PL I.II.7.e", ERROR, "Họ tên người ký cỡ chữ 13–14"),
    ("ND30.CHU_KY.NAME_STYLE", "PL I.II.7.e", ERROR, "Họ tên người ký kiểu chữ đứng, đậm"),
    ("ND30.CHU_KY.NAME_TITLE", "PL I.II.7.e", WARNING, "Không ghi học hàm, học vị trước họ tên"),
    ("ND30.BIEN_BAN.NO_DATE_LINE", "PL III Mẫu 1.9", WARNING, "Biên bản: Mẫu 1.9 không có dòng địa danh, ngày tháng"),
    ("ND30.BIEN_BAN.SIGNERS", "PL III Mẫu 1.9", ERROR, "Biên bản: THƯ KÝ ký bên trái, CHỦ TỌA ký bên phải"),
    ("ND30.QUYET_DINH.DIEU", "PL III Mẫu 1.2", ERROR, "Quyết định: nội dung chia thành Điều 1., Điều 2., …"),
    ("ND30.QUYET_DINH.LENH", "PL III Mẫu 1.2", ERROR, "Quyết định: dòng «QUYẾT ĐỊNH:» canh giữa, đậm, trước Điều 1"),
    ("ND30.QUYET_DINH.NHU_DIEU", "PL III Mẫu 1.2", ERROR, "Quyết định: «- Như Điều …;» ở Nơi nhận chỉ đúng một điều"),
]
RULES: dict[str, Rule] = {r[0]: Rule(*r) for r in _RULES}


class Report:
    """Collects findings; repeats of one finding on many paragraphs become one finding with `also`."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self._groups: dict[tuple, Finding] = {}
        # The paragraphs of each group's `also`, as a set: a finding repeated on every row of a long
        # table would otherwise search the list once per row.
        self._also: dict[tuple, set[int]] = {}

    def add(self, rule: str, para: Para | None, message: str, expected: str = "", found: str = "",
            severity: str | None = None, group: tuple | None = None, text: str | None = None) -> None:
        r = RULES[rule]
        sev = severity or r.severity
        index = para.index if para is not None and para.index else None
        if group is not None:
            gkey = (rule, sev) + tuple(group)
            first = self._groups.get(gkey)
            if first is not None:
                seen = self._also[gkey]
                if index is not None and index != first.paragraph and index not in seen:
                    seen.add(index)
                    first.also.append(index)
                return
        shown = quote(text if text is not None else (para.text if para is not None else ""))
        if para is not None and para.story != "body":
            shown = f"{'đầu trang' if para.story == 'header' else 'chân trang'}: {shown}" if shown else (
                "đầu trang" if para.story == "header" else "chân trang")
        finding = Finding(rule, r.ref, sev, index, shown, expected, found, message)
        self.findings.append(finding)
        if group is not None:
            self._groups[gkey] = finding
            self._also[gkey] = set()

    def unevaluable(self, rule: str, why: str, para: Para | None = None) -> None:
        self.add(rule, para, UNEVALUABLE_PREFIX + why, severity=UNEVALUABLE)

    def done(self) -> list[Finding]:
        for f in self.findings:
            if f.also:
                shown = ", ".join(str(i) for i in f.also[:8]) + (", …" if len(f.also) > 8 else "")
                f.message += f" (cùng lỗi ở {len(f.also)} đoạn khác: {shown})"
        order = {rid: n for n, rid in enumerate(RULES)}
        return sorted(self.findings, key=lambda f: (f.paragraph if f.paragraph is not None else 0,
                                                    order.get(f.rule, 0)))
