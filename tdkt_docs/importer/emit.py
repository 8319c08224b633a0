"""The imported data as a YAML file a clerk can read: the keys in the model's order, a Vietnamese
comment above each part saying what it is and what the program writes by itself, and the places
the import was unsure of listed at the top."""
from __future__ import annotations

import yaml

from tdkt_docs.importer.notes import Note

_COMMENTS = {
    "co_quan": "Cơ quan ban hành (phần đầu bên trái); \\n là chỗ xuống dòng.",
    "so": "Số văn bản; để trống khi còn là dự thảo (văn thư ghi số).",
    "ngay": "Ngày ký: năm-tháng-ngày; dự thảo chưa có ngày: chỉ năm-tháng.",
    "trich_yeu": "Trích yếu (dòng dưới tên loại văn bản).",
    "kinh_gui": "Nơi nhận trên dòng 'Kính gửi:'.",
    "can_cu": "Các dòng căn cứ, mỗi dòng một căn cứ.",
    "mo_dau": "Các đoạn mở đầu, trước mục I.",
    "noi_dung": "Nội dung: số thứ tự I., 1., a) và dấu -, + do chương trình tự viết; **đậm**, *nghiêng*.",
    "ket_thuc": "Đoạn kết; dấu './.' do chương trình thêm.",
    "noi_nhan": "Nơi nhận, mỗi dòng một nơi; dấu '-' và ';' do chương trình thêm.",
    "nguoi_ky": "Người ký.",
    "de_nghi": "Danh sách đề nghị khen thưởng.",
    "thanh_vien": "Thành viên Hội đồng; người vắng mặt ghi 'vang' (lý do).",
    "dia_danh": "Địa danh đứng trước ngày tháng.",
    "tham_quyen": "Người có thẩm quyền khen thưởng trong câu 'kính đề nghị ... xem xét'.",
    "danh_sach_kem_theo": "true: danh sách in thành trang riêng kèm theo; false: bảng in ngay trong tờ trình.",
    "bao_cao_thanh_tich": "true: có dòng '(Có báo cáo thành tích kèm theo)'.",
    "hoi_dong": "Tên Hội đồng như viết trong câu văn.",
    "dia_diem": "Địa điểm họp.",
    "khach_moi": "Khách mời dự họp.",
    "chu_toa": "Người chủ trì (một thành viên có mặt).",
    "thu_ky": "Thư ký, người ghi biên bản.",
    "quy_che": "Quy chế biểu quyết, khi khác mặc định (2/3 có mặt; 70% đồng ý).",
    "so_thanh_vien": "Số thành viên: tổng số, số có mặt, người vắng (hoặc 'ly_do_vang'); câu điểm danh do chương trình viết.",
    "thanh_phan": "Thành phần tự viết thêm, in ngay sau phần điểm danh.",
    "ky_hieu": "Ký hiệu sau dấu '/' như đơn vị vẫn viết.",
    "dong_so": "false: không in dòng 'Số:'.",
    "cach_de_nghi": "Động từ của câu đề nghị: tặng, công nhận, truy tặng, đề nghị cấp trên xét tặng.",
    "cap_tren": "Cấp trên được trình xét tặng.",
    "cau_de_nghi": "Câu đề nghị tự viết (tờ trình không có danh sách): in đúng như gõ.",
}
# Where a key means something else in a kind: in a biên bản 'ket_thuc' is the closing time.
_KIND_COMMENTS = {
    "bien_ban": {"ket_thuc": "Giờ kết thúc cuộc họp (cùng ngày), hoặc ngày và giờ.",
                 "bat_dau": "Ngày và giờ bắt đầu cuộc họp.",
                 "noi_dung": "Diễn biến cuộc họp; câu về quy chế, bảng kết quả và câu kết luận do chương trình viết "
                             "('- tu_dong: <tên>' là chỗ đặt khối đó).",
                 "ngay": "Ngày của dòng địa danh, ngày tháng dưới Quốc hiệu.",
                 "ket_luan": "Kết luận thêm của chủ tọa (câu kết luận về danh sách do chương trình viết).",
                 "ten_cuoc_hop": "Tên cuộc họp (dòng dưới chữ BIÊN BẢN).",
                 "de_nghi": "Các trường hợp Hội đồng xét, kèm số phiếu đồng ý ('dong_y')."},
    "to_trinh": {"chu_the": "Cơ quan trình, như viết trong câu 'kính đề nghị'.",
                 "ket_thuc": "Đoạn kết; bỏ trống thì chương trình viết câu 'kính trình ... xem xét, quyết định'.",
                 "noi_nhan": "Nơi nhận; dòng 'Như trên' do chương trình thêm ở đầu."},
    "de_cuong": {"ngay": "Tháng báo cáo, ví dụ 2026-06 (ngày để trống cho đơn vị điền).",
                 "noi_dung": "Dàn ý: các mục I., 1., a) (số do chương trình đánh); 'goi_y' là dòng gợi ý in nghiêng."},
}
_KIND_NAMES = {"ke_hoach": "Kế hoạch", "de_cuong": "Đề cương báo cáo", "bao_cao": "Báo cáo",
               "to_trinh": "Tờ trình", "bien_ban": "Biên bản"}


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str):
    # "ỦY BAN NHÂN DÂN\nXÃ TAM ĐƯỜNG": written as the starters write it, with \n in double quotes.
    style = '"' if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _none(dumper: yaml.SafeDumper, _value):
    return dumper.represent_scalar("tag:yaml.org,2002:null", "")


_Dumper.add_representer(type(None), _none)


def dump(value) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000,
                     default_flow_style=False, indent=2)


def emit(data: dict, source: str, notes: list[Note]) -> str:
    kind = data.get("loai", "")
    out = [f"# {_KIND_NAMES.get(kind, kind)} lấy từ tệp Word «{source}» bằng lệnh tdkt nhap.",
           "# Sửa nội dung nếu cần rồi tạo lại văn bản bằng: tdkt build <tên tệp này>."]
    if notes:
        out.append(f"# Cần xem lại {len(notes)} chỗ chương trình chưa chắc chắn (số đoạn tính trong tệp Word):")
        out.extend(f"#   - {note}" for note in notes)
    for key, value in data.items():
        if value == [] and key not in ("noi_dung",):
            continue
        comment = _KIND_COMMENTS.get(kind, {}).get(key, _COMMENTS.get(key))
        text = dump({key: value}).rstrip("\n")
        if comment:
            out.append("")
            out.append(f"# {comment}")
        out.append(text)
    return "\n".join(out) + "\n"
