"""Đề cương báo cáo (an outline for units to report by) and the báo cáo written from it."""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Discriminator, Field, Tag

from tdkt_docs.model.fields import Base, Chu, CoQuan, Item, NgayBanHanh, NguoiKy, Paragraphs, VanBan, _kind


# --- Đề cương báo cáo and báo cáo ----------------------------------------------------------------------

class DonViBaoCao(CoQuan):
    """The reporting unit: an outline leaves its name for each unit to fill in."""

    ten: Chu = Field("ĐƠN VỊ...", description="Tên đơn vị báo cáo; đề cương để 'ĐƠN VỊ...' cho đơn vị tự điền.",
                     examples=["ĐƠN VỊ...", "ỦY BAN NHÂN DÂN\nXÃ TAM ĐƯỜNG"])
    viet_tat: str = Field("", description="Chữ viết tắt tên đơn vị trong ký hiệu (BC-UBND); đề cương để trống.",
                          examples=["", "UBND"])


class NguoiKyDeTrong(NguoiKy):
    """A signer whose name the reporting unit writes in: 'THỦ TRƯỞNG ĐƠN VỊ'."""

    chuc_vu: Chu = Field("THỦ TRƯỞNG ĐƠN VỊ", description="Chức vụ người ký.",
                         examples=["THỦ TRƯỞNG ĐƠN VỊ", "CHỦ TỊCH"])
    ho_ten: Chu | None = Field(None, description="Họ và tên người ký; đề cương để trống.", examples=["Nguyễn Văn An"])


class DeMuc(Base):
    """A heading of an outline; its children are headings too."""

    tieu_de: Chu = Field(description="Tiêu đề của mục; số thứ tự (I., 1., a)) do chương trình đánh.",
                         examples=["Kết quả thực hiện đợt thi đua"])
    goi_y: Paragraphs = Field(default_factory=list,
                              description="Gợi ý nội dung cần báo cáo ở mục này (in nghiêng dưới tiêu đề).",
                              examples=[["Nêu số liệu, mô hình, điển hình tiêu biểu."]])
    noi_dung: list["DeMucItem"] = Field(
        default_factory=list, description="Các mục con. Mỗi dòng chữ là một tiêu đề mục con.",
        examples=[["Ưu điểm", "Hạn chế, nguyên nhân"]])


DeMucItem = Annotated[Union[Annotated[Chu, Tag("chu")], Annotated[DeMuc, Tag("muc")]], Discriminator(_kind)]
DeMuc.model_rebuild()

_OUTLINE_EXAMPLE = [{"tieu_de": "Kết quả thực hiện", "noi_dung": ["Công tác chỉ đạo", "Công tác khen thưởng"]},
                    "Đề xuất, kiến nghị"]


class DeCuongKem(Base):
    """An outline sent with a kế hoạch; place and date default to the kế hoạch's."""

    co_quan: DonViBaoCao = Field(default_factory=DonViBaoCao,
                                 description="Phần đầu bên trái: cơ quan chủ quản và 'ĐƠN VỊ...' để đơn vị tự điền.",
                                 examples=[{"chu_quan": "UBND TỈNH CAO BẰNG", "ten": "ĐƠN VỊ..."}])
    so: Annotated[int, Field(ge=1, le=99999)] | None = Field(None, description="Số báo cáo; đề cương để trống.",
                                                             examples=[12])
    dia_danh: Chu | None = Field(None, description="Địa danh; bỏ trống: lấy địa danh của kế hoạch.",
                                 examples=["Cao Bằng"])
    ngay: NgayBanHanh | None = Field(None, description="Tháng báo cáo, ví dụ 2023-07 (để trống ngày cho đơn vị điền).",
                                     examples=["2023-07"])
    trich_yeu: Chu = Field(description="Tên báo cáo, dòng dưới 'ĐỀ CƯƠNG BÁO CÁO'.",
                           examples=["Kết quả công tác thi đua, khen thưởng năm 2026"])
    noi_dung: list[DeMucItem] = Field(min_length=1, description=(
        "Dàn ý: các mục I., II. và mục con 1., 2.; chỉ có tiêu đề. Mỗi dòng chữ là một tiêu đề; "
        "mục có mục con viết 'tieu_de:' và 'noi_dung:'."), examples=[_OUTLINE_EXAMPLE])
    noi_nhan: list[Chu] = Field(default_factory=lambda: ["Sở Nội vụ", "..."],
                                description="Nơi nhận của báo cáo, mỗi dòng một nơi; '...' để đơn vị tự điền.",
                                examples=[["Sở Nội vụ", "..."]])
    nguoi_ky: NguoiKyDeTrong = Field(default_factory=NguoiKyDeTrong,
                                     description="Người ký: mặc định 'THỦ TRƯỞNG ĐƠN VỊ', không ghi tên.",
                                     examples=[{"chuc_vu": "THỦ TRƯỞNG ĐƠN VỊ"}])


class DeCuong(DeCuongKem):
    loai: Literal["de_cuong"] = Field(description="Loại văn bản: đề cương báo cáo.", examples=["de_cuong"])
    dia_danh: Chu = Field(description="Địa danh, ví dụ 'Cao Bằng'.", examples=["Cao Bằng"])
    ngay: NgayBanHanh = Field(description="Tháng báo cáo: 2023-07 (ngày để trống cho đơn vị điền).",
                              examples=["2023-07"])


class BaoCao(VanBan):
    loai: Literal["bao_cao"] = Field(description="Loại văn bản: báo cáo.", examples=["bao_cao"])
    co_quan: DonViBaoCao = Field(description="Đơn vị báo cáo.",
                                 examples=[{"ten": "ỦY BAN NHÂN DÂN\nXÃ TAM ĐƯỜNG", "viet_tat": "UBND"}])
    nguoi_ky: NguoiKyDeTrong = Field(default_factory=NguoiKyDeTrong, description="Người ký báo cáo.",
                                     examples=[{"quyen_han": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH",
                                                "ho_ten": "Nguyễn Văn An"}])
    kinh_gui: Chu | list[Chu] | None = Field(
        None, description="Nơi nhận báo cáo gửi lên cấp trên (dòng 'Kính gửi:'); nhiều nơi thì viết danh sách.",
        examples=["Sở Nội vụ tỉnh Lai Châu"])
    can_cu: Paragraphs = Field(default_factory=list, description="Các dòng căn cứ (nếu có).",
                               examples=[["Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2026 của UBND tỉnh;"]])
    mo_dau: Paragraphs = Field(default_factory=list, description="Các đoạn mở đầu.",
                               examples=[["Ủy ban nhân dân xã báo cáo kết quả như sau:"]])
    noi_dung: list[Item] = Field(min_length=1, description="Nội dung báo cáo theo các mục của đề cương.",
                                 examples=[[{"tieu_de": "Kết quả thực hiện", "noi_dung": ["Nội dung."]}]])
    ket_thuc: Paragraphs = Field(default_factory=list, description="Đoạn kết; dấu './.' do chương trình thêm.",
                                 examples=[["Trên đây là báo cáo của Ủy ban nhân dân xã."]])
