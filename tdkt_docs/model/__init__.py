"""The schema of the YAML a clerk writes. Keys are plain ASCII Vietnamese; descriptions feed the
JSON Schema that editors use for completion, so they are written for the clerk."""
from __future__ import annotations

from pydantic import BaseModel

from tdkt_docs.model.fields import (  # noqa: F401 - one place to import the schema from
    Bang, Base, CHU_SCHEMA, Chu, CoQuan, DATE_SCHEMA, Gach, GachItem, Item, ListOrSheet, Muc, Ngay,
    NgayBanHanh, NgayDayDu, NguoiKy, PREFIXES, Paragraphs, SHEET_SCHEMA, Text, VanBan, parse_full_date,
    parse_ngay)
from tdkt_docs.model.de_cuong import (  # noqa: F401 - one place to import the schema from
    BaoCao, DeCuong, DeCuongKem, DeMuc, DeMucItem, DonViBaoCao, NguoiKyDeTrong)
from tdkt_docs.model.ke_hoach import (  # noqa: F401 - one place to import the schema from
    KeHoach, PhongTrao)
from tdkt_docs.model.awards import (  # noqa: F401 - one place to import the schema from
    BienBan, BienBanPhan, BieuQuyet, DanhSach, DeNghi, HoSo, NguoiGhi, NguongRieng, QuyChe, SHARE_SCHEMA,
    TIME_SCHEMA, ThanhVien, ThoiDiem, ThoiGian, TinhTren, ToTrinh, ToTrinhPhan, TyLe, parse_thoi_gian, QuyetDinh)
from tdkt_docs.model.quyet_dinh import (  # noqa: F401 - one place to import the schema from
    GiayKhen, HeSo, InSan, QuyetDinhPhan, TienThuong, ViTri)

KINDS: dict[str, type[BaseModel]] = {"ke_hoach": KeHoach, "de_cuong": DeCuong, "bao_cao": BaoCao,
                                     "to_trinh": ToTrinh, "bien_ban": BienBan, "ho_so": HoSo,
                                     "quyet_dinh": QuyetDinh}
