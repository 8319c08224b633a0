"""The parts every kind of YAML shares: text, dates, the issuing agency, the signer, the numbered
content and its tables, lists that may come from a spreadsheet."""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StringConstraints, Tag, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError


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
    giu_chu_quan: bool = Field(False, description=(
        "Ủy ban nhân dân, Hội đồng nhân dân không có dòng cơ quan chủ quản phía trên (Nghị định 30); "
        "ghi true nếu vẫn muốn in dòng 'chu_quan'."), examples=[True])

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
                # YAML splits a row at every comma: a cell "Xây dựng, ban hành kế hoạch" becomes two.
                hint = ("; nếu trong một ô có dấu phẩy, hãy đặt riêng ô đó trong ngoặc kép, ví dụ "
                        "[\"Xây dựng, ban hành kế hoạch\", Tháng 3]" if len(row) > width else
                        "; hãy thêm ô còn thiếu (ô để trống viết \"\")")
                raise PydanticCustomError(
                    "table", "dòng {i} của bảng có {n} ô, cần {w} ô (theo số cột{tt}){hint}",
                    {"i": i, "n": len(row), "w": width, "tt": ", không kể cột số thứ tự" if self.so_thu_tu else "",
                     "hint": hint})
        if self.do_rong is not None and len(self.do_rong) != len(self.cot):
            raise PydanticCustomError("table", "do_rong cần {w} số, một số cho mỗi cột", {"w": len(self.cot)})
        return self


class Gach(Base):
    van_ban: Chu = Field(description="Nội dung dòng gạch đầu dòng.", examples=["Tổ chức sơ kết 6 tháng đầu năm."])
    gach: list["GachItem"] = Field(default_factory=list, description="Các ý nhỏ hơn (dấu +).",
                                   examples=[["Báo cáo trước ngày 15/7."]])


def _kind(value: Any) -> str:
    return "chu" if isinstance(value, str) else "muc"


# The blocks a kind computes (attendance, vote table, request sentence...), each placed by the clerk
# where it belongs among their own sections; which names a kind knows is checked when it is built.
TU_DONG = {
    "thoi_gian": "biên bản: thời gian bắt đầu và địa điểm",
    "diem_danh": "biên bản: thành phần tham dự, có mặt, vắng mặt, khách mời",
    "chu_tri": "biên bản: chủ trì (chủ tọa) và thư ký",
    "hop_le": "biên bản: số thành viên dự họp đủ điều kiện biểu quyết và tỷ lệ phiếu cần đạt",
    "ket_qua": "biên bản: kết quả biểu quyết (bảng)",
    "ket_luan": "biên bản: kết luận về danh sách đề nghị",
    "ket_thuc": "biên bản: giờ kết thúc cuộc họp",
    "de_nghi": "tờ trình: câu đề nghị",
    "danh_sach": "tờ trình: bảng danh sách đề nghị",
    "bao_cao_thanh_tich": "tờ trình: dòng '(Có báo cáo thành tích kèm theo)'",
}


class TuDong(Base):
    tu_dong: Annotated[str, WithJsonSchema({"type": "string", "enum": list(TU_DONG)})] = Field(
        description="Khối chương trình tự viết, đặt tại chỗ này: " + "; ".join(f"{k} ({v})" for k, v in TU_DONG.items())
        + ". Khi đã đặt một khối tu_dong, chương trình chỉ in những khối được đặt.", examples=["diem_danh"])


def _item_kind(value: Any) -> str:
    if isinstance(value, str):
        return "chu"
    if isinstance(value, TuDong) or (isinstance(value, dict) and "tu_dong" in value):
        return "tu_dong"
    return "muc"


GachItem = Annotated[Union[Annotated[Chu, Tag("chu")], Annotated[Gach, Tag("muc")]], Discriminator(_kind)]


class Muc(Base):
    phan: Chu | None = Field(None, description="Tiêu đề của một phần (Phần I, Phần II...) chứa các mục I., II.; "
                             "chỉ dùng ở cấp ngoài cùng, khi văn bản (thường là báo cáo tổng kết) chia thành phần.",
                             examples=["Kết quả thực hiện phong trào thi đua năm 2025"])
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
    danh_so: Literal["thap_phan", "la_ma", "thu_nhat"] | None = Field(
        None, description="Mục có tiêu đề: 'thap_phan' đánh số các mục con 2.1., 2.2. thay cho a), b). "
        "Phần: 'la_ma' (mặc định) ghi 'Phần I', 'thu_nhat' ghi 'Phần thứ nhất'.", examples=["thap_phan", "thu_nhat"])

    @model_validator(mode="after")
    def _one_kind(self) -> "Muc":
        if self.phan is not None:
            return self._part()
        numbered = self.tieu_de is not None or self.van_ban is not None
        kinds = sum([numbered, self.gach is not None, self.bang is not None])
        if kinds == 0:
            raise PydanticCustomError(
                "node", "mục trống: cần 'tieu_de' hoặc 'van_ban' (mục có đánh số), 'gach' (gạch đầu dòng), "
                "'bang' hoặc 'phan' (một phần của văn bản)")
        if kinds > 1:
            raise PydanticCustomError(
                "node", "'gach' và 'bang' phải là một mục riêng trong danh sách, không đi cùng 'tieu_de'/'van_ban'")
        if not numbered and (self.noi_dung or self.danh_so):
            raise PydanticCustomError("node", "'noi_dung' và 'danh_so' chỉ dùng cho mục có 'tieu_de' hoặc 'van_ban'")
        if self.danh_so in ("la_ma", "thu_nhat"):
            raise PydanticCustomError("node", "danh_so '{v}' chỉ dùng cho một phần ('phan'); mục có tiêu đề "
                                      "chỉ có danh_so: thap_phan", {"v": self.danh_so})
        return self

    def _part(self) -> "Muc":
        others = [k for k in ("tieu_de", "van_ban", "gach", "bang") if getattr(self, k) is not None]
        if others:
            raise PydanticCustomError(
                "node", "một phần ('phan') chỉ có tiêu đề và 'noi_dung'; hãy chuyển '{k}' vào 'noi_dung' của phần",
                {"k": others[0]})
        if self.danh_so == "thap_phan":
            raise PydanticCustomError("node", "phần chỉ có danh_so: la_ma (Phần I) hoặc thu_nhat (Phần thứ nhất)")
        return self


Item = Annotated[Union[Annotated[Chu, Tag("chu")], Annotated[Muc, Tag("muc")], Annotated[TuDong, Tag("tu_dong")]],
                 Discriminator(_item_kind)]
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
