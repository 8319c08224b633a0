"""The shapes real biên bản and tờ trình take besides the member-by-member, case-by-case one:
attendance given as totals, results given as totals per award, the proposal's verb, and the caps a
council puts on one award against another (Chiến sĩ thi đua cơ sở against Lao động tiên tiến)."""
from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from tdkt_docs.model import voting_rules as rules
from tdkt_docs.model.fields import Base, Chu


_BIEU_QUYET = {"gio_tay": "gio_tay", "giơ tay": "gio_tay", "biểu quyết giơ tay": "gio_tay",
               "bo_phieu_kin": "bo_phieu_kin", "bỏ phiếu kín": "bo_phieu_kin", "phiếu kín": "bo_phieu_kin"}


def _bieu_quyet(value: Any) -> Any:
    if isinstance(value, str):
        key = re.sub(r"\s+", " ", value.strip().lower())
        if key in _BIEU_QUYET:
            return _BIEU_QUYET[key]
        raise PydanticCustomError("vote", "hình thức biểu quyết '{v}' không có; ghi 'giơ tay' hoặc 'bỏ phiếu kín'",
                                  {"v": value})
    return value


BieuQuyet = Annotated[Literal["gio_tay", "bo_phieu_kin"], BeforeValidator(_bieu_quyet),
                      WithJsonSchema({"type": "string", "enum": ["giơ tay", "bỏ phiếu kín", "gio_tay", "bo_phieu_kin"]})]


def _count(value: Any) -> Any:
    # Spreadsheets hand over 9.0 for 9.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


SoLuong = Annotated[int, BeforeValidator(_count), Field(ge=0, le=100000)]


class VangMat(Base):
    ho_ten: Chu = Field(description="Họ và tên thành viên vắng mặt.", examples=["Nguyễn Thị Bình"])
    chuc_vu: Chu | None = Field(None, description="Chức vụ (nếu muốn ghi).", examples=["Giáo viên"])
    ly_do: Chu | None = Field(None, description="Lý do vắng (nếu có).", examples=["nghỉ ốm"])


class SoThanhVien(Base):
    tong_so: Annotated[int, BeforeValidator(_count), Field(ge=1, le=100000)] = Field(
        description="Tổng số thành viên (hoặc người được triệu tập).", examples=[50])
    co_mat: SoLuong = Field(description="Số người có mặt.", examples=[49])
    vang: list[VangMat] = Field(default_factory=list, description="Những người vắng mặt, ghi tên và lý do (nếu "
                                "muốn nêu tên); số người phải bằng tong_so trừ co_mat.",
                                examples=[[{"ho_ten": "Nguyễn Thị Bình", "ly_do": "nghỉ ốm"}]])
    ly_do_vang: Chu | None = Field(None, description="Lý do vắng khi không nêu tên, ví dụ 'có lý do'.",
                                   examples=["có lý do"])


class TongHop(Base):
    hinh_thuc: Chu = Field(description="Hình thức khen thưởng, danh hiệu.", examples=["Lao động tiên tiến"])
    tap_the: SoLuong | None = Field(None, description="Số tập thể.", examples=[3])
    ca_nhan: SoLuong | None = Field(None, description="Số cá nhân.", examples=[50])
    ho_gia_dinh: SoLuong | None = Field(None, description="Số hộ gia đình.", examples=[12])
    dong_y: SoLuong | None = Field(None, description="Số thành viên đồng ý (biên bản).", examples=[49])
    bieu_quyet: BieuQuyet | None = Field(None, description="Giơ tay hoặc bỏ phiếu kín; bỏ trống: theo quy chế (bỏ phiếu kín nếu quy chế buộc, còn lại in «Giơ tay»).",
                                         examples=["giơ tay"])
    kem_theo: Chu | bool | None = Field(
        None, description="true: ghi '(có danh sách kèm theo)'; hoặc tự ghi, ví dụ 'danh sách tại Phụ lục I'.",
        examples=[True, "danh sách tại Phụ lục I"])


_CACH = {"tang": "tang", "tặng": "tang", "cong_nhan": "cong_nhan", "công nhận": "cong_nhan",
         "truy_tang": "truy_tang", "truy tặng": "truy_tang", "trinh_cap_tren": "trinh_cap_tren",
         "đề nghị cấp trên xét tặng": "trinh_cap_tren", "trình cấp trên": "trinh_cap_tren"}


def _cach(value: Any) -> Any:
    if isinstance(value, str):
        key = re.sub(r"\s+", " ", value.strip().lower())
        if key in _CACH:
            return _CACH[key]
        raise PydanticCustomError("verb", "cách đề nghị '{v}' không có; ghi 'tặng', 'công nhận', 'truy tặng' hoặc "
                                  "'đề nghị cấp trên xét tặng' (hoặc tự viết câu trong 'cau_de_nghi')", {"v": value})
    return value


CachDeNghi = Annotated[Literal["tang", "cong_nhan", "truy_tang", "trinh_cap_tren"], BeforeValidator(_cach),
                       WithJsonSchema({"type": "string", "enum": ["tặng", "công nhận", "truy tặng",
                                                                  "đề nghị cấp trên xét tặng", "tang", "cong_nhan",
                                                                  "truy_tang", "trinh_cap_tren"]})]


def _ty_le(value: Any) -> Any:
    try:
        share = rules.fraction(str(value))
    except ValueError:
        raise PydanticCustomError("share", "tỷ lệ không đúng dạng; viết 15 (%) hoặc 15%") from None
    return f"{share.numerator}/{share.denominator}"


class GioiHan(Base):
    hinh_thuc: Chu = Field(description="Danh hiệu bị giới hạn (tên chứa cụm từ này).",
                           examples=["Chiến sĩ thi đua cơ sở"])
    so_voi: Chu = Field(description="Danh hiệu làm cơ sở tính tỷ lệ (tên chứa cụm từ này).",
                        examples=["Lao động tiên tiến"])
    toi_da: Annotated[str, BeforeValidator(_ty_le), WithJsonSchema({"type": ["string", "number"]})] = Field(
        description="Tỷ lệ tối đa so với số cá nhân đạt 'so_voi', ví dụ 15 (%).", examples=[15])
    nguon: Chu = Field(description="Căn cứ của giới hạn, in trong cảnh báo.",
                       examples=["Quy chế thi đua, khen thưởng của cơ quan"])
