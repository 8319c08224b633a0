"""Kế hoạch: the plan, with the movement it launches and, optionally, its đề cương."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from tdkt_docs.model.fields import Base, Chu, Item, NgayBanHanh, Paragraphs, VanBan
from tdkt_docs.model.de_cuong import DeCuongKem


class PhongTrao(Base):
    """The campaign a kế hoạch launches: its name and dates, typed once and used in the text."""

    ten: Chu = Field(description="Tên phong trào, đợt thi đua; dùng trong nội dung bằng {{ ten_phong_trao }}.",
                     examples=["Đoàn kết, sáng tạo, thi đua lập thành tích chào mừng kỷ niệm 60 năm thành lập huyện"])
    tu_ngay: NgayBanHanh | None = Field(None, description="Ngày bắt đầu; dùng bằng {{ tu_ngay }}.",
                                        examples=["2026-03-01"])
    den_ngay: NgayBanHanh | None = Field(None, description="Ngày kết thúc; dùng bằng {{ den_ngay }}. "
                                         "Khi lập kế hoạch năm sau bằng 'tdkt rollover', ngày này tự lùi sang năm mới.",
                                         examples=["2026-04-19"])


class KeHoach(VanBan):
    loai: Literal["ke_hoach"] = Field(description="Loại văn bản: ke_hoach.", examples=["ke_hoach"])
    phong_trao: PhongTrao | None = Field(None, description="Phong trào, đợt thi đua mà kế hoạch phát động (tùy chọn).",
                                         examples=[{"ten": "Thi đua lập thành tích chào mừng Đại hội",
                                                    "den_ngay": "2026-04-19"}])
    can_cu: Paragraphs = Field(default_factory=list, description="Các dòng căn cứ, mỗi dòng một căn cứ.",
                               examples=[["Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;"]])
    mo_dau: Paragraphs = Field(default_factory=list, description="Các đoạn mở đầu (sau căn cứ, trước phần I).",
                               examples=[["Ủy ban nhân dân xã ban hành Kế hoạch như sau:"]])
    noi_dung: list[Item] = Field(min_length=1, description="Nội dung kế hoạch: các phần I., II., ... và mục con.",
                                 examples=[[{"tieu_de": "Mục đích, yêu cầu", "noi_dung": ["Nội dung."]}]])
    ket_thuc: Paragraphs = Field(default_factory=list, description="Đoạn kết; dấu './.' do chương trình thêm.",
                                 examples=[["Trên đây là Kế hoạch của Ủy ban nhân dân xã."]])
    de_cuong: DeCuongKem | None = Field(
        None, description="Đề cương báo cáo gửi kèm kế hoạch (\"theo đề cương gửi kèm\"); "
        "cùng một lần tạo sẽ có thêm tệp .de-cuong.docx.",
        examples=[{"ngay": "2026-12", "trich_yeu": "Kết quả phong trào thi đua năm 2026",
                   "noi_dung": ["Kết quả thực hiện", "Đề xuất, kiến nghị"]}])
