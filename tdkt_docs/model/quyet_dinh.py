"""The decision (Quyết định khen thưởng) and the certificates (Giấy khen) that close an award cycle.

In a dossier (`ho_so`) the decision names exactly the nominees the council passed, so its part here
holds only what the dossier does not know: who issues it, who carries it out, the reward rules.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from tdkt_docs.model.award_shapes import _cach
from tdkt_docs.model.fields import Base, Chu, Paragraphs, VanBan

CachQuyetDinh = Annotated[Literal["tang", "cong_nhan", "truy_tang"], BeforeValidator(_cach),
                          WithJsonSchema({"type": "string", "enum": ["tặng", "công nhận", "truy tặng", "tang",
                                                                     "cong_nhan", "truy_tang"]})]
HeSoSo = Annotated[float, Field(ge=0, le=1000)]


class HeSo(Base):
    ca_nhan: HeSoSo | None = Field(None, description="Hệ số tiền thưởng cho mỗi cá nhân (lần mức lương cơ sở).",
                                   examples=[0.3])
    tap_the: HeSoSo | None = Field(None, description="Hệ số cho mỗi tập thể.", examples=[0.6])
    ho_gia_dinh: HeSoSo | None = Field(None, description="Hệ số cho mỗi hộ gia đình.", examples=[0.3])
    nguon: Chu | None = Field(None, description="Điều, khoản của văn bản quy định hệ số này.",
                              examples=["Nghị định 152/2025/NĐ-CP, Điều ..."])


class TienThuong(Base):
    luong_co_so: Annotated[int, Field(ge=1)] | None = Field(
        None, description="Mức lương cơ sở (đồng/tháng) dùng tính tiền thưởng; bỏ trống: theo quy định mặc định "
        "của chương trình (nếu đã có).", examples=[2340000])
    he_so: dict[Chu, HeSo] = Field(default_factory=dict, description=(
        "Hệ số tiền thưởng theo hình thức khen thưởng: tên hình thức (hoặc phần đầu của tên, ví dụ 'Giấy khen') → "
        "hệ số cho cá nhân, tập thể, hộ gia đình. Ghi ở đây thay cho quy định mặc định."),
        examples=[{"Giấy khen của Chủ tịch Ủy ban nhân dân xã": {"ca_nhan": 0.3, "tap_the": 0.6}}])
    lam_tron: Annotated[int, Field(ge=1)] | None = Field(
        None, description="Làm tròn lên số tiền của mỗi người đến bội số này (đồng), ví dụ 10000; bỏ trống: "
        "không làm tròn.", examples=[10000])
    nguon_chi: Chu | None = Field(None, description="Nguồn chi tiền thưởng, in trong Điều 2.",
                                  examples=["Quỹ thi đua, khen thưởng của xã"])


def _switch(value: Any) -> Any:
    # `quyet_dinh: false` turns a document off; `true` is not a description of one.
    if value is True:
        raise PydanticCustomError("switch", "ghi false để không làm văn bản này, hoặc viết các mục của nó bên dưới")
    return value


class QuyetDinhPhan(VanBan):
    trich_yeu: Chu | None = Field(None, description="Trích yếu; bỏ trống: 'Về việc tặng <hình thức khen thưởng>'.",
                                  examples=["Về việc tặng Giấy khen năm 2025"])
    tham_quyen: Chu | None = Field(None, description=(
        "Dòng thẩm quyền ban hành in hoa dưới trích yếu; bỏ trống: chức vụ người ký và tên cơ quan, ví dụ "
        "'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TAM ĐƯỜNG'."), examples=["CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TAM ĐƯỜNG"])
    chu_the: Chu | None = Field(None, description=(
        "Người (cơ quan) ban hành như viết trong câu văn, cho dòng '(Kèm theo Quyết định số ... của ...)'; bỏ "
        "trống: viết từ dòng thẩm quyền (đúng với Chủ tịch, Ủy ban nhân dân các cấp)."),
        examples=["Giám đốc Sở Nội vụ tỉnh Lai Châu"])
    can_cu: Paragraphs = Field(default_factory=list, description=(
        "Các dòng căn cứ; bỏ trống: Luật Thi đua, khen thưởng và nghị định quy định chi tiết (theo quy định mặc "
        "định), kèm biên bản họp Hội đồng khi có hồ sơ."),
        examples=[["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"]])
    theo_de_nghi: Chu | None = Field(None, description=(
        "Dòng 'Theo đề nghị của ...'; trong hồ sơ bỏ trống: chương trình viết từ tờ trình."),
        examples=["Theo đề nghị của Trưởng phòng Văn hóa - Xã hội xã."])
    cach: CachQuyetDinh = Field("tang", description="Động từ của Điều 1: tặng (mặc định), công nhận, truy tặng.",
                                examples=["công nhận"])
    thanh_tich: Chu = Field(description="Thành tích, in sau danh sách ở Điều 1 và trên giấy khen.",
                            examples=["đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"])
    thi_hanh: list[Chu] = Field(min_length=1, description=(
        "Người, cơ quan chịu trách nhiệm thi hành (Điều cuối); 'các tập thể, cá nhân có tên tại Điều 1' do "
        "chương trình thêm."), examples=[["Chánh Văn phòng HĐND và UBND xã", "Trưởng phòng Văn hóa - Xã hội xã"]])
    danh_sach_kem_theo: bool | None = Field(None, description=(
        "true: danh sách in thành trang 'DANH SÁCH' kèm theo; false: ghi tên ngay trong Điều 1; bỏ trống: kèm "
        "theo khi có hơn 3 tập thể, cá nhân."), examples=[True])
    tien_thuong: Annotated[TienThuong | Literal[False], BeforeValidator(_switch)] = Field(
        default_factory=TienThuong, description=(
            "Tiền thưởng (Điều 2): hệ số × mức lương cơ sở; ghi ở đây những gì khác quy định mặc định, hoặc "
            "false khi quyết định không kèm tiền thưởng."), examples=[{"luong_co_so": 2340000}, False])
    noi_nhan: list[Chu] = Field(min_length=1, description="Nơi nhận; dòng '- Như Điều 3;' do chương trình thêm ở "
                                "đầu. Dòng cuối là 'Lưu: VT, ...'.", examples=[["Lưu: VT, VHXH"]])

    @field_validator("thi_hanh")
    @classmethod
    def _no_dots(cls, value: list[str]) -> list[str]:
        return [v.rstrip(" ;,.") for v in value]


class ViTri(Base):
    x_mm: Annotated[float, Field(ge=0, le=1000)] = Field(description="Cách mép trái tờ giấy (mm).", examples=[60])
    y_mm: Annotated[float, Field(ge=0, le=1000)] = Field(description="Cách mép trên tờ giấy (mm).", examples=[95])
    rong_mm: Annotated[float, Field(gt=0, le=1000)] = Field(180, description="Độ rộng dòng chữ (mm).",
                                                           examples=[180])
    co_chu: Annotated[float, Field(ge=6, le=72)] | None = Field(None, description="Cỡ chữ (pt); bỏ trống: mặc định.",
                                                                examples=[16])
    can: Literal["giua", "trai", "phai"] = Field("giua", description="Căn lề: giua, trai, phai.", examples=["trai"])


class InSan(Base):
    """Where each variable line goes on a pre-printed blank, measured from its top-left corner."""

    ten: ViTri = Field(description="Tên tập thể, cá nhân.", examples=[{"x_mm": 50, "y_mm": 92, "rong_mm": 197}])
    chuc_vu_don_vi: ViTri | None = Field(None, description="Chức vụ, đơn vị (bỏ trống: không in).",
                                         examples=[{"x_mm": 50, "y_mm": 106, "rong_mm": 197}])
    thanh_tich: ViTri | None = Field(None, description="Thành tích (bỏ trống: không in).",
                                     examples=[{"x_mm": 40, "y_mm": 118, "rong_mm": 217}])
    ngay: ViTri | None = Field(None, description="Địa danh, ngày tháng năm.", examples=[{"x_mm": 150, "y_mm": 142,
                                                                                            "rong_mm": 110}])
    so_quyet_dinh: ViTri | None = Field(None, description="Số quyết định và số vào sổ.",
                                        examples=[{"x_mm": 25, "y_mm": 160, "rong_mm": 100, "can": "trai"}])
    ho_ten_ky: ViTri | None = Field(None, description="Họ tên người ký.",
                                    examples=[{"x_mm": 150, "y_mm": 185, "rong_mm": 110}])
    lech_x_mm: float = Field(0, description="Dời tất cả sang phải (mm, âm: sang trái), để căn theo máy in.",
                             examples=[1.5])
    lech_y_mm: float = Field(0, description="Dời tất cả xuống dưới (mm, âm: lên trên).", examples=[-2])


KHO = {"A4": (210, 297), "A3": (297, 420), "A5": (148, 210)}


class GiayKhen(Base):
    kho_giay: Literal["A4", "A3", "A5"] = Field("A4", description="Khổ giấy: A4 (mặc định), A3, A5.", examples=["A3"])
    huong: Literal["ngang", "doc"] = Field("ngang", description="Hướng giấy: ngang (mặc định) hoặc doc.",
                                           examples=["doc"])
    rong_mm: Annotated[float, Field(ge=80, le=600)] | None = Field(None, description=(
        "Khổ tự chọn: chiều rộng tờ giấy (mm), thay cho kho_giay và huong."), examples=[280])
    cao_mm: Annotated[float, Field(ge=80, le=600)] | None = Field(None, description="Khổ tự chọn: chiều cao (mm).",
                                                                  examples=[200])
    tieu_de: Chu | None = Field(None, description="Chữ lớn giữa trang; bỏ trống: GIẤY KHEN (BẰNG KHEN khi hình "
                                "thức là Bằng khen).", examples=["GIẤY KHEN"])
    so_vao_so: Annotated[int, Field(ge=1)] | None = Field(None, description=(
        "Số vào sổ của người đầu tiên; người sau tăng dần. Bỏ trống: để chỗ trống ghi tay."), examples=[125])
    co_chu_ten: Annotated[float, Field(ge=12, le=48)] = Field(26, description="Cỡ chữ tên (pt); tên dài được thu "
                                                              "nhỏ dần, không dưới 2/3 cỡ này.", examples=[24])
    in_san: InSan | None = Field(None, description=(
        "In lên phôi giấy khen in sẵn: chỉ in các dòng thay đổi, tại vị trí đo bằng mm từ góc trên bên trái."),
        examples=[{"ten": {"x_mm": 50, "y_mm": 92, "rong_mm": 197}}])


GiayKhenBat = Annotated[GiayKhen | Literal[False], BeforeValidator(_switch)]
QuyetDinhBat = Annotated[QuyetDinhPhan | Literal[False], BeforeValidator(_switch)]
