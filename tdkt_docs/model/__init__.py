"""The schema of the YAML a clerk writes. Keys are plain ASCII Vietnamese; descriptions feed the
JSON Schema that editors use for completion, so they are written for the clerk."""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, Union

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StringConstraints, Tag,
                      WithJsonSchema, field_validator, model_validator)
from pydantic_core import PydanticCustomError

from tdkt_docs.model import voting_rules as rules


class Base(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


def _not_blank(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise PydanticCustomError("blank", "đang để trống; hãy điền nội dung")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


# Numbers are accepted where text is expected (they are turned into text), so the JSON Schema says so too.
CHU_SCHEMA = {"type": ["string", "number"], "pattern": r"\S", "patternErrorMessage": "đang để trống; hãy điền nội dung"}
Chu = Annotated[Text, BeforeValidator(_not_blank), WithJsonSchema(CHU_SCHEMA)]


# --- Dates -----------------------------------------------------------------------------------

class Ngay(BaseModel):
    """A signing date that may still be partly blank in a draft (day, or day and month)."""

    model_config = ConfigDict(frozen=True)
    nam: int
    thang: int | None = None
    ngay: int | None = None

    @property
    def full(self) -> date | None:
        if self.ngay is None or self.thang is None:
            return None
        return date(self.nam, self.thang, self.ngay)


_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_VN = re.compile(r"^(?:(\d{1,2})/)?(\d{1,2})/(\d{4})$")


def parse_ngay(value: Any) -> Ngay:
    if isinstance(value, Ngay):
        return value
    if isinstance(value, date):
        return Ngay(nam=value.year, thang=value.month, ngay=value.day)
    if isinstance(value, bool):
        raise PydanticCustomError("date", _DATE_HELP)
    if isinstance(value, int):
        year, month, day = value, None, None
    elif isinstance(value, str):
        text = value.strip()
        if m := _ISO.match(text):
            year, month, day = int(m[1]), int(m[2]), (int(m[3]) if m[3] else None)
        elif m := _VN.match(text):
            day, month, year = (int(m[1]) if m[1] else None), int(m[2]), int(m[3])
        elif re.fullmatch(r"\d{4}", text):
            year, month, day = int(text), None, None
        else:
            raise PydanticCustomError("date", _DATE_HELP)
    elif isinstance(value, dict):
        try:
            return Ngay(**value)
        except Exception:
            raise PydanticCustomError("date", _DATE_HELP) from None
    else:
        raise PydanticCustomError("date", _DATE_HELP)
    if not 1900 <= year <= 2200:
        raise PydanticCustomError("date", "năm {year} không hợp lệ", {"year": year})
    if month is not None and not 1 <= month <= 12:
        raise PydanticCustomError(
            "date", "tháng {month} không có; tháng chỉ từ 1 đến 12 (ngày viết theo thứ tự năm-tháng-ngày, "
            "ví dụ 2026-03-05, hoặc ngày/tháng/năm, ví dụ 05/3/2026)", {"month": month})
    if day is not None:
        try:
            date(year, month, day)
        except ValueError:
            raise PydanticCustomError(
                "date", "ngày {shown} không có trên lịch (tháng {month} năm {year} không có ngày {day}); "
                "hãy kiểm tra lại ngày", {"shown": f"{day:02d}/{month:02d}/{year}", "day": day, "month": month,
                                          "year": year}) from None
    return Ngay(nam=year, thang=month, ngay=day)


_DATE_HELP = ("ngày không đúng dạng; viết 2026-01-05 (năm-tháng-ngày) hoặc 05/01/2026, "
              "bản dự thảo chưa có ngày viết 2026-01 hoặc chỉ năm 2026")

# What an editor can check of a date before the program sees it: its shape, not the calendar.
DATE_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": r"^\s*(\d{4}(-\d{1,2}(-\d{1,2})?)?|(\d{1,2}/)?\d{1,2}/\d{4})\s*$",
         "patternErrorMessage": "viết ngày dạng 2026-01-05 (năm-tháng-ngày) hoặc 05/01/2026; "
                                "dự thảo chưa có ngày: 2026-01 hoặc 2026"},
        {"type": "integer", "minimum": 1900, "maximum": 2200},
        {"type": "object", "required": ["nam"], "additionalProperties": False, "properties": {
            "nam": {"type": "integer", "description": "Năm.", "examples": [2026]},
            "thang": {"type": "integer", "minimum": 1, "maximum": 12, "description": "Tháng (bỏ trống nếu chưa có).",
                      "examples": [3]},
            "ngay": {"type": "integer", "minimum": 1, "maximum": 31, "description": "Ngày (bỏ trống nếu chưa có).",
                     "examples": [5]}}},
    ],
}

NgayBanHanh = Annotated[Ngay, BeforeValidator(parse_ngay), WithJsonSchema(DATE_SCHEMA)]


def parse_full_date(value: Any) -> date:
    ngay = parse_ngay(value)
    if ngay.full is None:
        raise PydanticCustomError("date", "cần đủ ngày, tháng, năm, ví dụ 2026-01-05")
    return ngay.full


NgayDayDu = Annotated[date, BeforeValidator(parse_full_date), WithJsonSchema(DATE_SCHEMA)]


# --- Header and signature ----------------------------------------------------------------------

class CoQuan(Base):
    chu_quan: Chu | None = Field(None, description="Tên cơ quan, tổ chức chủ quản trực tiếp (nếu có), chữ in hoa.",
                                 examples=["UBND TỈNH CAO BẰNG"])
    ten: Chu = Field(description="Tên cơ quan ban hành văn bản. Xuống dòng ở đâu thì viết \\n ở đó.",
                     examples=["ỦY BAN NHÂN DÂN\nXÃ TAM ĐƯỜNG"])
    viet_tat: str = Field(description="Chữ viết tắt tên cơ quan trong ký hiệu văn bản (KH-UBND).",
                          examples=["UBND"])

    @field_validator("viet_tat")
    @classmethod
    def _symbol(cls, value: str) -> str:
        if re.search(r"\s", value):
            raise PydanticCustomError("symbol", "chữ viết tắt không được có dấu cách, ví dụ UBND")
        return value


PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")


class NguoiKy(Base):
    quyen_han: Chu | list[Chu] | None = Field(
        None, description="Dòng thẩm quyền ký đứng trên chức vụ: 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'... "
        "Có thể là một danh sách khi có hai dòng.", examples=["TM. ỦY BAN NHÂN DÂN"])
    chuc_vu: Chu = Field(description="Chức vụ người ký, ví dụ CHỦ TỊCH, PHÓ CHỦ TỊCH.", examples=["CHỦ TỊCH"])
    chuc_vu_khac: Chu | None = Field(None, description="Chức vụ khác ghi trên họ tên (nếu có).",
                                     examples=["CHỦ TỊCH UBND HUYỆN TUẦN GIÁO"])
    ho_ten: Chu = Field(description="Họ và tên người ký, không ghi học hàm, học vị.", examples=["Nguyễn Văn An"])

    @property
    def quyen_han_lines(self) -> list[str]:
        if self.quyen_han is None:
            return []
        return [self.quyen_han] if isinstance(self.quyen_han, str) else list(self.quyen_han)


# --- Body --------------------------------------------------------------------------------------

class Bang(Base):
    cot: list[Chu] = Field(min_length=1, description="Tiêu đề các cột của bảng.",
                           examples=[["TT", "Nội dung", "Thời gian thực hiện"]])
    dong: list[list[Any]] = Field(default_factory=list, description="Các dòng của bảng, mỗi dòng là một danh sách ô.",
                                  examples=[[["Xây dựng kế hoạch", "Tháng 3/2026"]]])
    so_thu_tu: bool = Field(False, description="true: cột đầu là số thứ tự, chương trình tự đánh số 1, 2, 3...",
                            examples=[True])
    do_rong: list[float] | None = Field(None, description="Độ rộng từng cột tính bằng cm (tùy chọn).",
                                        examples=[[1.0, 11.5, 4.0]])

    @model_validator(mode="after")
    def _shape(self) -> "Bang":
        width = len(self.cot) - (1 if self.so_thu_tu else 0)
        for i, row in enumerate(self.dong, 1):
            if len(row) != width:
                raise PydanticCustomError(
                    "table", "dòng {i} của bảng có {n} ô, cần {w} ô (theo số cột{tt})",
                    {"i": i, "n": len(row), "w": width, "tt": ", không kể cột số thứ tự" if self.so_thu_tu else ""})
        if self.do_rong is not None and len(self.do_rong) != len(self.cot):
            raise PydanticCustomError("table", "do_rong cần {w} số, một số cho mỗi cột", {"w": len(self.cot)})
        return self


class Gach(Base):
    van_ban: Chu = Field(description="Nội dung dòng gạch đầu dòng.", examples=["Tổ chức sơ kết 6 tháng đầu năm."])
    gach: list["GachItem"] = Field(default_factory=list, description="Các ý nhỏ hơn (dấu +).",
                                   examples=[["Báo cáo trước ngày 15/7."]])


def _kind(value: Any) -> str:
    return "chu" if isinstance(value, str) else "muc"


GachItem = Annotated[Union[Annotated[Chu, Tag("chu")], Annotated[Gach, Tag("muc")]], Discriminator(_kind)]


class Muc(Base):
    tieu_de: Chu | None = Field(None, description="Tiêu đề của mục; số thứ tự (I., 1., a)) do chương trình đánh.",
                                examples=["Mục đích, yêu cầu"])
    van_ban: Chu | None = Field(None, description="Nội dung của mục khi mục không có tiêu đề riêng.",
                                examples=["Phòng Nội vụ tham mưu tổ chức thực hiện kế hoạch này."])
    noi_dung: list["Item"] = Field(default_factory=list, description="Các đoạn văn và mục con, theo thứ tự.",
                                   examples=[["Một đoạn văn.", {"tieu_de": "Mục con"}]])
    gach: list[GachItem] | None = Field(None, description="Các dòng gạch đầu dòng (-); ý nhỏ hơn dùng 'gach' lồng bên trong (+).",
                                        examples=[["Ý thứ nhất.", {"van_ban": "Ý có ý nhỏ:", "gach": ["Ý nhỏ."]}]])
    bang: Bang | None = Field(None, description="Một bảng.",
                              examples=[{"cot": ["TT", "Nội dung", "Thời gian"], "so_thu_tu": True,
                                         "dong": [["Xây dựng kế hoạch", "Tháng 3/2026"]]}])
    danh_so: Literal["thap_phan"] | None = Field(
        None, description="'thap_phan': các mục con đánh số 2.1., 2.2. thay cho a), b).", examples=["thap_phan"])

    @model_validator(mode="after")
    def _one_kind(self) -> "Muc":
        numbered = self.tieu_de is not None or self.van_ban is not None
        kinds = sum([numbered, self.gach is not None, self.bang is not None])
        if kinds == 0:
            raise PydanticCustomError(
                "node", "mục trống: cần 'tieu_de' hoặc 'van_ban' (mục có đánh số), 'gach' (gạch đầu dòng) hoặc 'bang'")
        if kinds > 1:
            raise PydanticCustomError(
                "node", "'gach' và 'bang' phải là một mục riêng trong danh sách, không đi cùng 'tieu_de'/'van_ban'")
        if not numbered and (self.noi_dung or self.danh_so):
            raise PydanticCustomError("node", "'noi_dung' và 'danh_so' chỉ dùng cho mục có 'tieu_de' hoặc 'van_ban'")
        return self


Item = Annotated[Union[Annotated[Chu, Tag("chu")], Annotated[Muc, Tag("muc")]], Discriminator(_kind)]
Gach.model_rebuild()
Muc.model_rebuild()


def _as_list(value: Any) -> Any:
    # A key left empty in a starting file ("mo_dau:") means "none", not a mistake.
    if value is None:
        return []
    return [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value


Paragraphs = Annotated[list[Chu], BeforeValidator(_as_list), WithJsonSchema({"anyOf": [
    {"type": "array", "items": CHU_SCHEMA},
    CHU_SCHEMA,
    {"type": "null"},
]})]



_VAR_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


class VanBan(Base):
    """Fields every document of Mẫu 1.4 shares."""

    co_quan: CoQuan = Field(description="Cơ quan ban hành.",
                            examples=[{"chu_quan": "UBND TỈNH PHÚ THỌ", "ten": "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP",
                                       "viet_tat": "UBND"}])
    so: Annotated[int, Field(ge=1, le=99999)] | None = Field(
        None, description="Số văn bản. Bỏ trống khi còn là dự thảo (văn thư sẽ ghi số).", examples=[5])
    dia_danh: Chu = Field(description="Địa danh nơi cơ quan đóng trụ sở, ví dụ 'Tam Đường'.", examples=["Tam Đường"])
    ngay: NgayBanHanh = Field(description="Ngày ký: 2026-01-05; dự thảo chưa có ngày: 2026-01 hoặc 2026.",
                              examples=["2026-01-05", "2026-03"])
    trich_yeu: Chu = Field(description="Trích yếu nội dung văn bản (dòng dưới tên loại).",
                           examples=["Tổ chức phong trào thi đua yêu nước và công tác thi đua, khen thưởng năm 2026"])
    noi_nhan: list[Chu] = Field(min_length=1, description="Nơi nhận, mỗi dòng một nơi, không cần gạch đầu dòng và dấu ';'. "
                                "Dòng cuối là 'Lưu: VT, ...'.", examples=[["UBND tỉnh", "Lưu: VT, VP"]])
    nguoi_ky: NguoiKy = Field(description="Người ký văn bản.",
                              examples=[{"quyen_han": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH",
                                         "ho_ten": "Nguyễn Văn An"}])
    bien: dict[str, Union[int, float, Chu]] = Field(
        default_factory=dict,
        description="Biến dùng trong nội dung: khai báo 'ten_bien: giá trị' rồi viết {{ ten_bien }} trong chữ. "
        "Có sẵn: {{ nam }} (năm của ngày ký), {{ dia_danh }}, {{ co_quan }}, và với kế hoạch có 'phong_trao': "
        "{{ ten_phong_trao }}, {{ tu_ngay }}, {{ den_ngay }}. Ví dụ {{ nam - 1 }} là năm trước.",
        examples=[{"ten_xa": "Tân Lập", "nam_thanh_lap": 1963}])

    @field_validator("bien")
    @classmethod
    def _names(cls, value: dict) -> dict:
        for name in value:
            if not _VAR_NAME.match(str(name)):
                raise PydanticCustomError(
                    "var_name", "tên biến '{name}' không hợp lệ; chỉ dùng chữ thường không dấu, số và '_', "
                    "ví dụ ten_xa", {"name": name})
        return value


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
    de_cuong: "DeCuongKem | None" = Field(
        None, description="Đề cương báo cáo gửi kèm kế hoạch (\"theo đề cương gửi kèm\"); "
        "cùng một lần tạo sẽ có thêm tệp .de-cuong.docx.",
        examples=[{"ngay": "2026-12", "trich_yeu": "Kết quả phong trào thi đua năm 2026",
                   "noi_dung": ["Kết quả thực hiện", "Đề xuất, kiến nghị"]}])


# The other documents of a TĐKT cycle: đề cương báo cáo and báo cáo, tờ trình đề nghị khen thưởng,
# biên bản họp Hội đồng Thi đua - Khen thưởng, and the dossier (hồ sơ) that writes the biên bản and the
# tờ trình from one description of the meeting and its nominees.

# --- A list that may come from a spreadsheet ----------------------------------------------------------

SHEET_SCHEMA = {
    "type": "object",
    "description": "Lấy danh sách từ bảng tính đặt cạnh tệp YAML: {tep: danh-sach.xlsx} (hoặc .csv). "
                   "Dòng tên cột có thể nằm dưới một dòng tên bảng.",
    "properties": {"tep": {"type": "string", "pattern": r"\.(xlsx|xlsm|csv)$",
                           "description": "Tên tệp .xlsx hoặc .csv, tính từ thư mục của tệp YAML.",
                           "examples": ["ca-nhan.xlsx"]},
                   "trang": {"type": "string", "description": "Tên trang tính (sheet) trong tệp .xlsx; "
                             "bỏ trống: trang đầu tiên.", "examples": ["Cá nhân"]}},
    "required": ["tep"],
    "additionalProperties": False,
}


def _or_sheet(schema: dict) -> None:
    array = {k: schema.pop(k) for k in ("type", "items", "minItems") if k in schema}
    schema["anyOf"] = [array, SHEET_SCHEMA]


def ListOrSheet(description: str, examples: list) -> Any:  # noqa: N802 - reads as a type in the models below
    return Field(default_factory=list, description=description, examples=examples, json_schema_extra=_or_sheet)


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


# --- Nominees ---------------------------------------------------------------------------------------------

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
    ten_cuoc_hop: Chu = Field(description="Tên cuộc họp, dòng dưới 'BIÊN BẢN'.",
                              examples=["Họp Hội đồng Thi đua - Khen thưởng xã xét đề nghị khen thưởng năm 2025"])
    hoi_dong: Chu = Field(description="Tên Hội đồng như viết trong câu văn.",
                          examples=["Hội đồng Thi đua - Khen thưởng xã Tam Đường"])
    bat_dau: ThoiDiem = Field(description="Ngày và giờ bắt đầu: 2026-01-08 14:00.", examples=["2026-01-08 14:00"])
    ket_thuc: ThoiDiem = Field(description="Giờ kết thúc: 16:30 (cùng ngày) hoặc 2026-01-09 08:30.",
                               examples=["16:30"])
    dia_diem: Chu = Field(description="Địa điểm họp.", examples=["Hội trường Ủy ban nhân dân xã Tam Đường"])
    thanh_vien: list[ThanhVien] = ListOrSheet(
        "Tất cả thành viên Hội đồng, có mặt và vắng mặt (vắng thì ghi 'vang').",
        [_MEMBERS_EXAMPLE, {"tep": "thanh-vien.xlsx"}])
    khach_moi: Paragraphs = Field(default_factory=list, description="Khách mời dự họp (nếu có), mỗi dòng một người.",
                                  examples=[["Đại diện Ủy ban Mặt trận Tổ quốc Việt Nam xã"]])
    chu_toa: Chu | None = Field(None, description="Họ tên người chủ trì (một thành viên có mặt); bỏ trống: "
                                "Chủ tịch Hội đồng.", examples=["Nguyễn Văn An"])
    thu_ky: Chu | NguoiGhi | None = Field(
        None, description="Họ tên thư ký (một thành viên có mặt), hoặc người ghi biên bản không phải thành viên "
        "{ho_ten, chuc_vu}; bỏ trống: thành viên có vai trò Thư ký.",
        examples=["Bùi Thị Hương", {"ho_ten": "Lê Văn Ghi", "chuc_vu": "Chuyên viên Văn phòng"}])
    noi_dung: list[Item] = Field(default_factory=list,
                                 description="Diễn biến cuộc họp: các ý kiến, nội dung đã thảo luận.",
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
    de_nghi: DanhSach = Field(description="Danh sách đề nghị khen thưởng.",
                              examples=[{"hinh_thuc": "Giấy khen", "tap_the": [{"ten": "Thôn Nà Cà"}]}])


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



KeHoach.model_rebuild()

KINDS: dict[str, type[BaseModel]] = {"ke_hoach": KeHoach, "de_cuong": DeCuong, "bao_cao": BaoCao,
                                     "to_trinh": ToTrinh, "bien_ban": BienBan, "ho_so": HoSo}
