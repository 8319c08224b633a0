"""The names and abbreviations the checker recognises (ND30 Điều 7 and Phụ lục III.I)."""
from __future__ import annotations

from .vntext import key

# Tên loại (as printed) -> abbreviation in the ký hiệu (Phụ lục III.I). Công văn and thư công have none.
TYPES = {
    "NGHỊ QUYẾT": "NQ", "QUYẾT ĐỊNH": "QĐ", "CHỈ THỊ": "CT", "QUY CHẾ": "QC", "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC", "THÔNG BÁO": "TB", "HƯỚNG DẪN": "HD", "CHƯƠNG TRÌNH": "CTr", "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA", "ĐỀ ÁN": "ĐA", "DỰ ÁN": "DA", "BÁO CÁO": "BC", "BIÊN BẢN": "BB", "TỜ TRÌNH": "TTr",
    "HỢP ĐỒNG": "HĐ", "CÔNG ĐIỆN": "CĐ", "BẢN GHI NHỚ": "BGN", "BẢN THỎA THUẬN": "BTT",
    "GIẤY ỦY QUYỀN": "GUQ", "GIẤY MỜI": "GM", "GIẤY GIỚI THIỆU": "GGT", "GIẤY NGHỈ PHÉP": "GNP",
    "PHIẾU GỬI": "PG", "PHIẾU CHUYỂN": "PC", "PHIẾU BÁO": "PB",
}
COPY_ABBR = {"SY", "TrS", "SL"}
# Issuer abbreviations written in mixed case by the decree's own examples: "QĐ-TTg" (Thủ tướng Chính phủ).
MIXED_CASE_ISSUERS = {"TTg"}
ABBREVIATIONS = set(TYPES.values()) | COPY_ABBR

# The kind names used in findings and in the project (models.KINDS).
KIND_OF_TYPE = {"KẾ HOẠCH": "ke_hoach", "BÁO CÁO": "bao_cao", "TỜ TRÌNH": "to_trinh", "BIÊN BẢN": "bien_ban",
                "QUYẾT ĐỊNH": "quyet_dinh"}
# "Đề cương" is not an ND30 type: a đề cương báo cáo carries the báo cáo symbol (BC).
DE_CUONG = "ĐỀ CƯƠNG"

_BY_KEY = {key(name): name for name in TYPES}
_BY_KEY[key(DE_CUONG)] = DE_CUONG
_BY_KEY[key("ĐỀ CƯƠNG BÁO CÁO")] = DE_CUONG
_BY_KEY[key("CÔNG VĂN")] = "CÔNG VĂN"
# Older spellings of the same words (tone mark placement).
_BY_KEY[key("BẢN THOẢ THUẬN")] = "BẢN THỎA THUẬN"


def type_name(text: str) -> str | None:
    """The tên loại a line spells, whatever its case and accents; None if it is not one."""
    return _BY_KEY.get(key(text))


def type_of_key(line_key: str) -> str | None:
    """type_name() of a line whose key (vntext.key) the caller has already."""
    return _BY_KEY.get(line_key)


def kind_of(type_: str | None) -> str | None:
    if type_ is None:
        return None
    if type_ == DE_CUONG:
        return "de_cuong"
    return KIND_OF_TYPE.get(type_, "khac")


def expected_abbr(type_: str | None) -> set[str] | None:
    """Abbreviations acceptable for a tên loại; None when any ND30 abbreviation will do."""
    if type_ is None or type_ == DE_CUONG:
        return None
    if type_ == "CÔNG VĂN":
        return set()
    return {TYPES[type_]}


PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
# Forms of the prefixes from before ND30 that clerks still type.
OLD_PREFIXES = {"T/M": "TM.", "K/T": "KT.", "T/L": "TL.", "TM": "TM.", "KT": "KT.", "TL": "TL.", "TUQ": "TUQ.",
                "TỪQ.": "TUQ.", "Q": "Q."}
# Academic titles ND30 keeps out of the signature (PL I.II.7; sector rules may allow them).
ACADEMIC = ("GS.", "PGS.", "TS.", "ThS.", "TSKH.", "BS.", "KS.", "CN.", "GS.TS.", "PGS.TS.", "GS.TSKH.")
