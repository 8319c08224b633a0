"""Nominees, the council meeting (biên bản), the tờ trình and the dossier (hồ sơ) that writes both."""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from tdkt_docs.model import voting_rules as rules
from tdkt_docs.model.award_shapes import (BieuQuyet, CachDeNghi, GioiHan, SoThanhVien, TongHop, VangMat,  # noqa: F401
                                          _count)
from tdkt_docs.model.quyet_dinh import GiayKhen, GiayKhenBat, QuyetDinhBat, QuyetDinhPhan
from tdkt_docs.model.fields import (Base, CHU_SCHEMA, Chu, CoQuan, Item, ListOrSheet, NgayBanHanh, Paragraphs, VanBan,
                                    _not_blank, parse_ngay)


# --- Nominees ---------------------------------------------------------------------------------------------

class DeNghi(Base):
    ten: Chu = Field(description="Họ và tên cá nhân, hoặc tên tập thể, hộ gia đình — viết một lần, "
                     "dùng cho cả biên bản và tờ trình.", examples=["Nguyễn Thị Hoa"])
    chuc_vu_don_vi: Chu | None = Field(None, description="Chức vụ, đơn vị công tác (cột 'Chức vụ, đơn vị').",
                                       examples=["Giáo viên, Trường Tiểu học Tam Đường"])
    hinh_thuc: Chu | None = Field(None, description="Hình thức khen thưởng, danh hiệu đề nghị; bỏ trống: "
                                  "dùng 'hinh_thuc' chung của danh sách.", examples=["Giấy khen"])
    dong_y: Annotated[int, BeforeValidator(_count), Field(ge=0)] | None = Field(
        None, description="Số thành viên Hội đồng đồng ý (chỉ dùng trong biên bản và hồ sơ).", examples=[9])
    bieu_quyet: BieuQuyet | None = Field(
        None, description="Giơ tay hoặc bỏ phiếu kín; bỏ trống: theo quy chế (bỏ phiếu kín cho Chiến sĩ thi đua "
        "cấp tỉnh trở lên, giơ tay cho các hình thức khác).", examples=["bỏ phiếu kín"])


class DanhSach(Base):
    hinh_thuc: Chu | None = Field(None, description="Hình thức khen thưởng chung cho mọi người trong danh sách "
                                  "(người nào khác thì ghi riêng 'hinh_thuc').",
                                  examples=["Giấy khen của Chủ tịch Ủy ban nhân dân xã"])
    tap_the: list[DeNghi] = ListOrSheet("Các tập thể được đề nghị.", [[{"ten": "Thôn Nà Cà", "dong_y": 9}]])
    ca_nhan: list[DeNghi] = ListOrSheet("Các cá nhân được đề nghị.", [
        [{"ten": "Nguyễn Thị Hoa", "chuc_vu_don_vi": "Giáo viên", "dong_y": 8}], {"tep": "ca-nhan.xlsx"}])
    ho_gia_dinh: list[DeNghi] = ListOrSheet("Các hộ gia đình được đề nghị (nếu có).",
                                            [[{"ten": "Hộ ông Lò Văn Minh, thôn Nà Cà"}]])
    tong_hop: list[TongHop] = Field(default_factory=list, description=(
        "Kết quả theo từng hình thức khi không xét từng người: số lượng, số phiếu đồng ý, danh sách kèm theo. "
        "Nếu cũng liệt kê tên người có hình thức đó ở trên, số lượng phải khớp với danh sách."),
        examples=[[{"hinh_thuc": "Lao động tiên tiến", "ca_nhan": 50, "dong_y": 49, "kem_theo": True}]])


# --- The council meeting ------------------------------------------------------------------------------------

def _ty_le(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("share", _SHARE_HELP)
    try:
        share = rules.fraction(str(value))
    except ValueError:
        raise PydanticCustomError("share", _SHARE_HELP) from None
    return f"{share.numerator}/{share.denominator}"


_SHARE_HELP = "tỷ lệ không đúng dạng; viết 2/3, hoặc phần trăm như 70 hay 90%"
SHARE_SCHEMA = {"anyOf": [
    {"type": "string", "pattern": r"^\s*(\d+\s*/\s*\d+|\d+([.,]\d+)?\s*%?)\s*$", "patternErrorMessage": _SHARE_HELP},
    {"type": "number", "exclusiveMinimum": 0, "maximum": 100},
]}
TyLe = Annotated[str, BeforeValidator(_ty_le), WithJsonSchema(SHARE_SCHEMA)]
TinhTren = Literal["co_mat", "tong_so"]


class NguongRieng(Base):
    hinh_thuc: Annotated[list[Chu], BeforeValidator(lambda v: [v] if isinstance(v, str) else v),
                         WithJsonSchema({"anyOf": [{"type": "array", "items": CHU_SCHEMA, "minItems": 1},
                                                   CHU_SCHEMA]})] = Field(
        description="Áp dụng cho hình thức khen thưởng có tên chứa một trong các cụm từ này.",
        examples=[["Bằng khen"]])
    dong_y: TyLe = Field(description="Tỷ lệ đồng ý tối thiểu, ví dụ 90 (%).", examples=[90])
    bo_phieu_kin: bool = Field(False, description="true: bắt buộc bỏ phiếu kín.", examples=[True])
    tinh_tren: TinhTren | None = Field(None, description="co_mat: tính trên số thành viên có mặt; "
                                       "tong_so: trên tổng số thành viên Hội đồng.", examples=["tong_so"])


class QuyChe(Base):
    co_mat_toi_thieu: TyLe = Field(rules.QUORUM, description="Cuộc họp hợp lệ khi số thành viên có mặt đạt "
                                   "tỷ lệ này (mặc định 2/3).", examples=["2/3"])
    dong_y: TyLe = Field(rules.SHARE, description="Tỷ lệ đồng ý tối thiểu để được đề nghị (mặc định 70%).",
                         examples=[70, "70%"])
    tinh_tren: TinhTren = Field(rules.PRESENT, description="co_mat (mặc định): tỷ lệ tính trên số thành viên "
                                "có mặt; tong_so: trên tổng số thành viên Hội đồng.", examples=["co_mat"])
    rieng: list[NguongRieng] = Field(default_factory=list, description=(
        "Ngưỡng riêng cho một số hình thức, xét trước ngưỡng chung. Mặc định đã có: Chiến sĩ thi đua cấp tỉnh "
        "trở lên cần 90%, bỏ phiếu kín."), examples=[[{"hinh_thuc": "Bằng khen", "dong_y": 80}]])
    gioi_han: list[GioiHan] | None = Field(None, description=(
        "Giới hạn tỷ lệ giữa các danh hiệu, cảnh báo khi vượt. Bỏ trống: Chiến sĩ thi đua cơ sở không quá 15% "
        "số cá nhân đạt Lao động tiên tiến; [] : không kiểm tra."), examples=[[{
            "hinh_thuc": "Chiến sĩ thi đua cơ sở", "so_voi": "Lao động tiên tiến", "toi_da": 15,
            "nguon": "Quy chế thi đua, khen thưởng của Sở"}]])


class ThoiGian(Base):
    ngay: date | None = None
    gio: int
    phut: int = 0


_TIME = re.compile(r"(\d{1,2})\s*(?::|h|giờ)\s*(\d{1,2})?(?::\d{2})?\s*(?:phút|p)?", re.IGNORECASE)
_DATE = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})|(\d{1,2}/\d{1,2}/\d{4})")


def parse_thoi_gian(value: Any) -> Any:
    if isinstance(value, (ThoiGian, dict)):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("time", _TIME_HELP)
    text = value.strip()
    day = None
    if m := _DATE.search(text):
        day = parse_ngay(m.group(0)).full
        text = (text[:m.start()] + " " + text[m.end():]).replace(",", " ").replace("ngày", " ")
    m = _TIME.fullmatch(text.strip().rstrip(",").strip())
    if not m:
        raise PydanticCustomError("time", _TIME_HELP)
    hour, minute = int(m[1]), int(m[2] or 0)
    if hour > 23 or minute > 59:
        raise PydanticCustomError("time", "giờ {shown} không có; giờ từ 0 đến 23, phút từ 0 đến 59",
                                  {"shown": f"{hour}:{minute:02d}"})
    return ThoiGian(ngay=day, gio=hour, phut=minute)


_TIME_HELP = "thời gian không đúng dạng; viết 2026-01-08 14:00 (ngày và giờ) hoặc chỉ giờ 16:30"
TIME_SCHEMA = {"type": "string", "pattern": r"\d{1,2}\s*(:|h|giờ)", "patternErrorMessage": _TIME_HELP}
ThoiDiem = Annotated[ThoiGian, BeforeValidator(parse_thoi_gian), WithJsonSchema(TIME_SCHEMA)]


class ThanhVien(Base):
    ho_ten: Chu = Field(description="Họ và tên thành viên Hội đồng.", examples=["Nguyễn Văn An"])
    chuc_vu: Chu | None = Field(None, description="Chức vụ công tác, ví dụ 'Chủ tịch UBND xã'.",
                                examples=["Chủ tịch UBND xã"])
    vai_tro: Chu = Field(description="Vai trò trong Hội đồng: Chủ tịch Hội đồng, Phó Chủ tịch Hội đồng, "
                         "Ủy viên, Ủy viên - Thư ký.", examples=["Ủy viên"])
    vang: Chu | bool | None = Field(None, description="Thành viên vắng mặt: ghi lý do (ví dụ 'đi công tác'); "
                                    "vắng không rõ lý do: true.", examples=["đi công tác", True])

    @field_validator("vang", mode="before")
    @classmethod
    def _absent(cls, value: Any) -> Any:
        return None if value is False else _not_blank(value)

    @property
    def co_mat(self) -> bool:
        return self.vang is None


class NguoiGhi(Base):
    ho_ten: Chu = Field(description="Họ và tên người ghi biên bản.", examples=["Lê Văn Ghi"])
    chuc_vu: Chu | None = Field(None, description="Chức vụ, đơn vị của người ghi biên bản.",
                                examples=["Chuyên viên Văn phòng"])


_MEMBERS_EXAMPLE = [{"ho_ten": "Nguyễn Văn An", "chuc_vu": "Chủ tịch UBND xã", "vai_tro": "Chủ tịch Hội đồng"},
                    {"ho_ten": "Lê Văn Cường", "vai_tro": "Ủy viên", "vang": "đi công tác"}]


class BienBanPhan(Base):
    co_quan: CoQuan = Field(description="Cơ quan ghi biên bản, ví dụ chủ quản 'UBND XÃ TAM ĐƯỜNG', tên "
                            "'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', viết tắt 'HĐTĐKT'.",
                            examples=[{"chu_quan": "UBND XÃ TAM ĐƯỜNG", "ten": "HỘI ĐỒNG\nTHI ĐUA - KHEN THƯỞNG",
                                       "viet_tat": "HĐTĐKT"}])
    so: Annotated[int, Field(ge=1, le=99999)] | None = Field(None, description="Số biên bản; bỏ trống khi chưa có số.",
                                                             examples=[1])
    ky_hieu: Chu | None = Field(None, description="Ký hiệu như đơn vị vẫn viết, sau dấu '/': ví dụ 'BBTĐ-THCS'; "
                                "bỏ trống: BB-<viet_tat>.", examples=["BBTĐ-THCS"])
    dong_so: bool = Field(True, description="false: không in dòng 'Số: .../...'.", examples=[False])
    dia_danh: Chu | None = Field(None, description="Địa danh của dòng 'địa danh, ngày ... tháng ... năm ...' dưới "
                                 "Quốc hiệu (Mẫu 1.9 không có dòng này; nhiều đơn vị vẫn ghi); bỏ trống: không in.",
                                 examples=["Mỹ Hưng"])
    ngay: NgayBanHanh | None = Field(None, description="Ngày của dòng địa danh; bỏ trống: ngày họp.",
                                     examples=["2021-05-25"])
    ten_cuoc_hop: Chu = Field(description="Tên cuộc họp, dòng dưới 'BIÊN BẢN'.",
                              examples=["Họp Hội đồng Thi đua - Khen thưởng xã xét đề nghị khen thưởng năm 2025"])
    hoi_dong: Chu = Field(description="Tên Hội đồng như viết trong câu văn.",
                          examples=["Hội đồng Thi đua - Khen thưởng xã Tam Đường"])
    bat_dau: ThoiDiem | None = Field(None, description="Ngày và giờ bắt đầu: 2026-01-08 14:00; cần khi biên bản in "
                                     "dòng «Thời gian bắt đầu» hoặc giờ kết thúc.", examples=["2026-01-08 14:00"])
    ket_thuc: ThoiDiem | None = Field(None, description="Giờ kết thúc: 16:30 (cùng ngày) hoặc 2026-01-09 08:30; "
                                      "bỏ trống: không in dòng giờ kết thúc.", examples=["16:30"])
    dia_diem: Chu | None = Field(None, description="Địa điểm họp; cần khi biên bản in dòng «Địa điểm».",
                                 examples=["Hội trường Ủy ban nhân dân xã Tam Đường"])
    thanh_vien: list[ThanhVien] = ListOrSheet(
        "Tất cả thành viên Hội đồng, có mặt và vắng mặt (vắng thì ghi 'vang'); hoặc chỉ ghi 'so_thanh_vien'.",
        [_MEMBERS_EXAMPLE, {"tep": "thanh-vien.xlsx"}])
    so_thanh_vien: SoThanhVien | None = Field(None, description=(
        "Thành phần ghi theo số lượng thay cho danh sách từng người: tổng số, có mặt, người vắng (nếu nêu tên)."),
        examples=[{"tong_so": 50, "co_mat": 49, "ly_do_vang": "có lý do"}])
    thanh_phan: list[Item] = Field(default_factory=list, description=(
        "Thành phần tham dự do người ghi tự viết (đoạn văn, gạch đầu dòng), in sau phần điểm danh."),
        examples=[[{"gach": ["Đ/c Nguyễn Thị Lan - Hiệu trưởng - Chủ tịch Hội đồng"]}]])
    khach_moi: Paragraphs = Field(default_factory=list, description="Khách mời dự họp (nếu có), mỗi dòng một người.",
                                  examples=[["Đại diện Ủy ban Mặt trận Tổ quốc Việt Nam xã"]])
    chu_toa: Chu | NguoiGhi | None = Field(
        None, description="Họ tên người chủ trì (một thành viên có mặt), hoặc {ho_ten, chuc_vu} khi không liệt kê "
        "thành viên; bỏ trống: Chủ tịch Hội đồng.", examples=["Nguyễn Văn An"])
    thu_ky: Chu | NguoiGhi | None = Field(
        None, description="Họ tên thư ký (một thành viên có mặt), hoặc người ghi biên bản không phải thành viên "
        "{ho_ten, chuc_vu}; bỏ trống: thành viên có vai trò Thư ký.",
        examples=["Bùi Thị Hương", {"ho_ten": "Lê Văn Ghi", "chuc_vu": "Chuyên viên Văn phòng"}])
    noi_dung: list[Item] = Field(default_factory=list, description=(
        "Diễn biến cuộc họp: các ý kiến, nội dung đã thảo luận. Có thể tự chia mục (I. Thành phần, II. Nội "
        "dung...) và đặt các khối tự động vào chỗ của chúng: '- tu_dong: diem_danh', 'ket_qua', 'ket_luan'..."),
                                 examples=[["Thư ký Hội đồng báo cáo tóm tắt thành tích các trường hợp."]])
    ket_luan: Paragraphs = Field(default_factory=list, description="Kết luận thêm của chủ tọa (nếu có); câu kết "
                                 "luận về danh sách đề nghị do chương trình viết từ kết quả biểu quyết.",
                                 examples=[["Giao Văn phòng hoàn thiện hồ sơ trình cấp trên."]])
    noi_nhan: list[Chu] = Field(default_factory=lambda: ["Lưu: VT, Hồ sơ"],
                                description="Nơi nhận, dưới chữ ký; mặc định '- Lưu: VT, Hồ sơ.'.",
                                examples=[["Thành viên Hội đồng", "Lưu: VT, Hồ sơ"]])
    quy_che: QuyChe = Field(default_factory=QuyChe, description="Quy chế biểu quyết: số thành viên tối thiểu, "
                            "tỷ lệ đồng ý. Bỏ trống: 2/3 có mặt; 70%; Chiến sĩ thi đua cấp tỉnh trở lên 90%.",
                            examples=[{"co_mat_toi_thieu": "2/3", "dong_y": 70}])


_NOMINEES_EXAMPLE = {"hinh_thuc": "Giấy khen", "ca_nhan": [{"ten": "Nguyễn Thị Hoa", "dong_y": 9}]}


class BienBan(BienBanPhan):
    loai: Literal["bien_ban"] = Field(description="Loại văn bản: biên bản họp Hội đồng Thi đua - Khen thưởng.",
                                      examples=["bien_ban"])
    de_nghi: DanhSach = Field(description="Các trường hợp Hội đồng xét, kèm số phiếu đồng ý.",
                              examples=[_NOMINEES_EXAMPLE])


# --- The tờ trình -------------------------------------------------------------------------------------------

class ToTrinhPhan(VanBan):
    kinh_gui: Chu | list[Chu] = Field(description="Nơi nhận tờ trình (dòng 'Kính gửi:'); nhiều nơi thì viết "
                                      "danh sách, mỗi dòng một nơi.",
                                      examples=["Chủ tịch Ủy ban nhân dân xã Tam Đường",
                                                ["Chủ tịch Ủy ban nhân dân tỉnh Lai Châu", "Sở Nội vụ tỉnh Lai Châu"]])
    tham_quyen: Chu | None = Field(None, description="Người có thẩm quyền khen thưởng trong câu 'kính đề nghị ... "
                                   "xem xét'; bỏ trống khi 'kinh_gui' chỉ có một nơi.",
                                   examples=["Chủ tịch Ủy ban nhân dân tỉnh Lai Châu"])
    chu_the: Chu = Field(description="Tên cơ quan trình như viết trong câu văn.",
                         examples=["Ủy ban nhân dân xã Tam Đường"])
    can_cu: Paragraphs = Field(default_factory=list, description="Các dòng căn cứ, mỗi dòng một căn cứ.",
                               examples=[["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"]])
    mo_dau: Paragraphs = Field(default_factory=list, description="Các đoạn trước câu đề nghị.",
                               examples=[["Năm 2025, nhiều tập thể, cá nhân có thành tích xuất sắc."]])
    noi_dung: list[Item] = Field(default_factory=list, description="Các mục nội dung thêm (nếu có).",
                                 examples=[[{"tieu_de": "Tóm tắt thành tích", "noi_dung": ["Nội dung."]}]])
    cach_de_nghi: CachDeNghi = Field("tang", description="Động từ của câu đề nghị: tặng (mặc định), công nhận, "
                                     "truy tặng, hoặc đề nghị cấp trên xét tặng (ghi thêm 'cap_tren').",
                                     examples=["công nhận", "truy tặng"])
    cap_tren: Chu | None = Field(None, description="Cấp trên được trình xét tặng, khi cach_de_nghi là 'đề nghị cấp "
                                 "trên xét tặng'.", examples=["Thủ tướng Chính phủ"])
    cau_de_nghi: Paragraphs = Field(default_factory=list, description=(
        "Câu đề nghị tự viết, thay cho câu chương trình viết từ danh sách."),
        examples=[["Trường Tiểu học Kim Đồng kính đề nghị Chủ tịch Ủy ban nhân dân xã xem xét, công nhận "
                   "Liên đội đạt danh hiệu Liên đội mạnh năm học 2024 - 2025."]])
    danh_sach_kem_theo: bool = Field(True, description="true: danh sách in thành trang 'DANH SÁCH' kèm theo; "
                                     "false: in bảng ngay trong tờ trình.", examples=[False])
    bao_cao_thanh_tich: bool = Field(True, description="true: ghi '(Có báo cáo thành tích kèm theo)'.",
                                     examples=[True])
    ket_thuc: Paragraphs = Field(default_factory=list, description="Đoạn kết; bỏ trống: '<chu_the> kính trình "
                                 "<tham_quyen> xem xét, quyết định./.'.",
                                 examples=[["Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định."]])
    noi_nhan: list[Chu] = Field(min_length=1, description="Nơi nhận; dòng '- Như trên;' do chương trình thêm "
                                "ở đầu. Dòng cuối là 'Lưu: VT, ...'.", examples=[["Lưu: VT, VHXH"]])


class ToTrinh(ToTrinhPhan):
    loai: Literal["to_trinh"] = Field(description="Loại văn bản: tờ trình đề nghị khen thưởng.",
                                      examples=["to_trinh"])
    de_nghi: DanhSach = Field(default_factory=DanhSach, description="Danh sách đề nghị khen thưởng; bỏ trống "
                              "khi tờ trình không kèm danh sách (khi đó viết 'cau_de_nghi').",
                              examples=[{"hinh_thuc": "Giấy khen", "tap_the": [{"ten": "Thôn Nà Cà"}]}])
    gioi_han: list[GioiHan] | None = Field(None, description="Giới hạn tỷ lệ giữa các danh hiệu (như trong "
                                           "quy_che của biên bản); bỏ trống: Chiến sĩ thi đua cơ sở không quá 15% "
                                           "Lao động tiên tiến; []: không kiểm tra.", examples=[[]])


class HoSo(Base):
    loai: Literal["ho_so"] = Field(description="Hồ sơ đề nghị khen thưởng: biên bản họp Hội đồng và tờ trình.",
                                   examples=["ho_so"])
    bien_ban: BienBanPhan = Field(description="Cuộc họp Hội đồng Thi đua - Khen thưởng.", examples=[{
        "ten_cuoc_hop": "Họp Hội đồng Thi đua - Khen thưởng xã", "bat_dau": "2026-01-08 14:00", "ket_thuc": "16:30"}])
    to_trinh: ToTrinhPhan = Field(description="Tờ trình đề nghị khen thưởng; chỉ gồm các trường hợp đạt.",
                                  examples=[{"trich_yeu": "Về việc đề nghị khen thưởng năm 2025",
                                             "kinh_gui": "Chủ tịch Ủy ban nhân dân tỉnh"}])
    de_nghi: DanhSach = Field(description="Các trường hợp Hội đồng xét, viết một lần cho cả hai văn bản.",
                              examples=[_NOMINEES_EXAMPLE])
    quyet_dinh: QuyetDinhBat | None = Field(None, description=(
        "Quyết định khen thưởng những trường hợp đạt (.quyet-dinh.docx): cơ quan ban hành, người ký, thành tích, "
        "người thi hành; bỏ trống hoặc false: không làm quyết định."),
        examples=[{"co_quan": {"ten": "ỦY BAN NHÂN DÂN\nXÃ TAM ĐƯỜNG", "viet_tat": "UBND"}, "dia_danh": "Tam Đường",
                   "ngay": "2026-01-15", "thanh_tich": "đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025",
                   "thi_hanh": ["Chánh Văn phòng HĐND và UBND xã"], "noi_nhan": ["Lưu: VT, VHXH"],
                   "nguoi_ky": {"chuc_vu": "CHỦ TỊCH", "ho_ten": "Hoàng Văn Thắng"}}, False])
    giay_khen: GiayKhenBat = Field(default_factory=GiayKhen, description=(
        "Giấy khen của những người trong quyết định (.giay-khen.docx, mỗi người một trang); false: không in."),
        examples=[{"kho_giay": "A4", "huong": "ngang"}, False])


class QuyetDinh(QuyetDinhPhan):
    loai: Literal["quyet_dinh"] = Field(description="Loại văn bản: quyết định khen thưởng.", examples=["quyet_dinh"])
    theo_de_nghi: Chu = Field(description="Dòng 'Theo đề nghị của ...' (cuối phần căn cứ).",
                              examples=["Theo đề nghị của Trưởng phòng Văn hóa - Xã hội xã."])
    khen_thuong: DanhSach = Field(description="Các tập thể, cá nhân được khen thưởng.",
                                  examples=[{"hinh_thuc": "Giấy khen", "ca_nhan": [{"ten": "Nguyễn Thị Hoa"}]}])
    giay_khen: GiayKhenBat = Field(default_factory=GiayKhen, description=(
        "Giấy khen in kèm (.giay-khen.docx, mỗi người một trang); false: không in."),
        examples=[{"kho_giay": "A4", "huong": "ngang"}, False])
