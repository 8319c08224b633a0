"""The corpus: each document's options for documents.make(); what the checker must find in each is
written in expected.yaml beside this file."""
from __future__ import annotations

from .documents import BAO_CAO, BIEN_BAN, CONG_VAN, HUONG_DAN, QUYET_DINH, TO_TRINH

KH = {"type": "KẾ HOẠCH", "trich": "Tổ chức phong trào thi đua năm 2024"}
QD = {"type": "QUYẾT ĐỊNH", "trich": "Về việc tặng Giấy khen cho các tập thể, cá nhân", "so": "Số: 07/QĐ-UBND",
      "body": QUYET_DINH, "recipients": ["- Như Điều 3;", "- Chủ tịch, các Phó Chủ tịch UBND huyện;",
                                         "- Lưu: VT, NV."], "sign": (["CHỦ TỊCH"], "Nguyễn Văn An")}
CV = {"so": "Số: 125/UBND-NV", "vv": "V/v triển khai công tác khen thưởng năm 2024", "body": CONG_VAN,
      "kinh_gui": ["Kính gửi: Các phòng, ban, ngành huyện."], "recipients": ["- Như trên;", "- Lưu: VT, NV."]}
TTR = {"type": "TỜ TRÌNH", "trich": "Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh", "so": "Số: 20/TTr-UBND",
       "kinh_gui": ["Kính gửi: Ủy ban nhân dân tỉnh Lai Châu."], "body": TO_TRINH,
       "recipients": ["- Như trên;", "- Lưu: VT, NV."]}
KT = (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Trần Văn Bình")

CASES = {
    "kh-table": {**KH},
    "kh-table-two-rows": {**KH, "header": "table2"},
    "kh-tabs": {**KH, "header": "tabs"},
    "kh-textbox": {**KH, "header": "textbox"},
    "kh-rules-underscore": {**KH, "rule": "underscore"},
    "kh-rules-shape": {**KH, "rule": "shape"},
    "kh-tn-underlined": {**KH, "rule": "underline", "rule_cq": "border", "rule_ty": "border"},
    "kh-nfd": {**KH, "nfd": True},
    "kh-auto-numbering": {**KH, "auto_numbering": "per-heading"},
    "kh-sign-above": {**KH, "closing": "above"},
    "kh-sign-below": {**KH, "closing": "below"},
    "kh-sign-table-above": {**KH, "closing": "table_above"},
    "kh-wrapped-line-break": {**KH, "recipients": [("br", "- Sở Nội vụ tỉnh Lai Châu", "(để báo cáo);"),
                                                   "- Các xã, thị trấn;", "- Lưu: VT, VP."]},
    "kh-wrapped-paragraphs": {**KH, "closing": "below", "recipients": [
        ("par", "- Ủy ban Mặt trận Tổ quốc Việt Nam", "huyện Tam Đường;"), "- Các xã, thị trấn;", "- Lưu: VT, VP."]},
    "kh-kt": {**KH, "sign": KT, "closing": "above"},
    "kh-tm-kt": {**KH, "sign": (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Trần Văn Bình")},
    "kh-nfd-sign-below": {**KH, "nfd": True, "closing": "below", "o12": "Bình.(05b)"},
    "qd-dieu": {**QD, "o12": "Sonnk/QĐ06.T9/50b"},
    "qd-sign-above": {**QD, "closing": "above"},
    "qd-ttg": {**QD, "chu_quan": None, "co_quan": "THỦ TƯỚNG CHÍNH PHỦ", "so": "Số: 15/QĐ-TTg",
               "date": "Hà Nội, ngày 05 tháng 3 năm 2024", "sign": (["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"], "Lê Minh Khái")},
    "qd-legal-year": {**QD, "so": "Số: 07/2025/QĐ-UBND", "trich": "Ban hành Quy định về công tác thi đua, khen thưởng",
                      "sign": (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn An")},
    "cv-vv": {**CV},
    "cv-vv-sign-above": {**CV, "closing": "above", "header": "table2"},
    "cv-kinh-gui-list": {**CV, "kinh_gui": ["Kính gửi:", "- Phòng Nội vụ;", "- Phòng Tài chính - Kế hoạch."]},
    "tt-to-trinh": {**TTR},
    "bc-bao-cao-phan": {**KH, "type": "BÁO CÁO", "trich": "Kết quả công tác thi đua, khen thưởng năm 2023",
                        "so": "Số: 30/BC-UBND", "body": BAO_CAO},
    "hd-huong-dan": {**KH, "type": "HƯỚNG DẪN", "trich": "Lập hồ sơ đề nghị khen thưởng năm 2024",
                     "so": "Số: 02/HD-PNV", "chu_quan": "UBND HUYỆN TAM ĐƯỜNG", "co_quan": "PHÒNG NỘI VỤ",
                     "body": HUONG_DAN, "sign": (["TRƯỞNG PHÒNG"], "Lò Văn Dũng"), "closing": "below"},
    "bb-bien-ban": {**KH, "type": "BIÊN BẢN", "trich": "Họp Hội đồng Thi đua - Khen thưởng huyện",
                    "so": "Số: 03/BB-HĐTĐKT", "date": None, "body": BIEN_BAN, "closing": "bien_ban"},
    "pl-appendix": {"appendix": True},
    "pl-appendix-phan": {"appendix": True, "appendix_label": "Phụ lục II",
                         "body": [("center_b", "PHẦN I"), ("center_b", "DANH MỤC HỒ SƠ")]},
    "kh-annex-table": {**KH, "annex_table": True},
    # Faults a clerk makes; each must be found.
    "fault-vv-14pt": {**CV, "vv_size": 14},
    "fault-date-left": {**KH, "date_align": "left"},
    "fault-no-rules": {**KH, "rule": "none"},
    "fault-date-digits": {**KH, "date": "Tam Đường, ngày 15/02/2024"},
    "fault-wrapped-no-semicolon": {**KH, "recipients": [("br", "- Sở Nội vụ tỉnh Lai Châu", "(để báo cáo)"),
                                                        "- Các xã, thị trấn;", "- Lưu: VT, VP."]},
    "fault-luu-without-vt": {**KH, "recipients": ["- Các xã, thị trấn;", "- Lưu: VP."]},
    "fault-sign-above-not-bold": {**KH, "closing": "above", "title_bold": False},
    "fault-nfd-no-semicolon": {**KH, "nfd": True, "recipients": ["- Các xã, thị trấn", "- Lưu: VT, VP."]},
    "fault-so-no-zero": {**QD, "so": "Số: 7/QĐ-UBND"},
    "fault-appendix-label-capitals": {"appendix": True, "appendix_label": "PHỤ LỤC II"},
    "fault-qd-can-cu-upright": {**QD, "body": [("cc_upright", t) if k == "cc" and t.startswith("Căn cứ Luật Thi") else (k, t)
                                                for k, t in QUYET_DINH]},
    "fault-luu-no-dash": {**KH, "recipients": ["- Các xã, thị trấn;", "Lưu: VT, VP."]},
    "fault-auto-numbering-runs-on": {**KH, "auto_numbering": "one-list"},
    "fault-year-in-plan-number": {**KH, "so": "Số: 12/2024/KH-UBND"},
}
