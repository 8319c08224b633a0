"""Starting YAML files for `tdkt new`: one commented example per kind that builds as it is, and a
báo cáo started from an outline (same headings, ready to fill).

Each written file begins with the line that tells an editor (VS Code with the YAML extension)
where the JSON Schema of its kind is, so the clerk gets completion and checks while typing.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tdkt_docs.errors import InputError, OutputError, Problem
from tdkt_docs.input.loader import display_path

HERE = Path(__file__).resolve().parent

# Command word → document kind (`loai`).
KINDS = {"ke-hoach": "ke_hoach", "de-cuong": "de_cuong", "bao-cao": "bao_cao", "to-trinh": "to_trinh",
         "bien-ban": "bien_ban", "ho-so": "ho_so", "quyet-dinh": "quyet_dinh"}


def schema_line(loai: str, target: Path) -> str:
    from tdkt_docs.model.json_schema import modeline

    return modeline(loai, target) + "\n"


def starter(loai: str) -> str:
    return (HERE / f"{loai}.yaml").read_text(encoding="utf-8")


def write_new(word: str, target: Path | None = None, overwrite: bool = False, source: Path | None = None) -> Path:
    """Write the starting YAML for `word` (ke-hoach, ..., ho-so); refuse to replace an existing file."""
    from tdkt_docs.output.write import atomic_write

    loai = KINDS[word]
    target = Path(target) if target is not None else Path(f"{word}.yaml")
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise OutputError(Problem(display_path(target), "tên tệp cần có đuôi .yaml, ví dụ -o to-trinh.yaml"))
    if target.exists() and not overwrite:
        raise OutputError(Problem(display_path(target), "tệp đã có; chọn tên khác bằng -o, hoặc thêm --ghi-de "
                                  "để ghi đè (nội dung cũ sẽ mất)"))
    if source is not None:
        if loai != "bao_cao":
            raise InputError(Problem(display_path(source), "--tu chỉ dùng với 'tdkt new bao-cao' (báo cáo viết theo "
                                     "đề cương)"))
        body = bao_cao_from(source)
    else:
        body = starter(loai)
    atomic_write(target, (schema_line(loai, target) + body).encode("utf-8"))
    return target


# --- A báo cáo from an outline ------------------------------------------------------------------

def _q(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: safe for any text a clerk wrote.
    return json.dumps(text, ensure_ascii=False)


def outline_of(source: Path):
    """The outline in a đề cương file, or sent with a kế hoạch (its `de_cuong`), with its defaults filled."""
    from tdkt_docs.input.variables import expand
    from tdkt_docs.input.shared_files import load_document
    from tdkt_docs.model import DeCuong, KeHoach
    from tdkt_docs.model.validate import kind_of, validate

    loaded = load_document(source)
    kind = kind_of(loaded)
    if kind not in ("de_cuong", "ke_hoach"):
        raise InputError(Problem(loaded.file, f"tệp là '{kind}', không phải đề cương; --tu cần một tệp "
                                 "'loai: de_cuong' hoặc kế hoạch có mục 'de_cuong'", line=loaded.locate(("loai",))[1]))
    doc, _ = validate(loaded)
    doc, _ = expand(doc, loaded)
    if isinstance(doc, KeHoach):
        if doc.de_cuong is None:
            raise InputError(Problem(loaded.file, "kế hoạch này không có mục 'de_cuong' (đề cương gửi kèm)"))
        return doc.de_cuong.model_copy(update={"dia_danh": doc.de_cuong.dia_danh or doc.dia_danh,
                                               "ngay": doc.de_cuong.ngay or doc.ngay})
    assert isinstance(doc, DeCuong)
    return doc


def _month(ngay) -> str:
    return f"{ngay.nam}" if ngay.thang is None else f"{ngay.nam}-{ngay.thang:02d}"


def _headings(nodes: list[Any], indent: int) -> list[str]:
    pad = " " * indent
    out = []
    for node in nodes:
        title = node if isinstance(node, str) else node.tieu_de
        out.append(f"{pad}- tieu_de: {_q(title)}")
        out.append(f"{pad}  noi_dung:")
        children = [] if isinstance(node, str) else node.noi_dung
        hints = [] if isinstance(node, str) else node.goi_y
        for hint in hints:
            out.append(f"{pad}    # Gợi ý: {' '.join(hint.split())}")
        if children:
            out.extend(_headings(children, indent + 4))
        else:
            out.append(f'{pad}    - "..."              # thay bằng nội dung')
    return out


def bao_cao_from(source: Path) -> str:
    outline = outline_of(source)
    unit = outline.co_quan
    lines = [
        f"# Báo cáo viết theo đề cương \"{' '.join(outline.trich_yeu.split())}\" ({display_path(source)}).",
        "# Hãy điền: tên đơn vị, chữ viết tắt, ngày ký, nội dung từng mục (thay các dòng \"...\"), nơi nhận, người ký.",
        "# Các tiêu đề giữ nguyên như đề cương; số I., 1. do chương trình đánh.",
        "loai: bao_cao",
        "",
        "co_quan:",
        f"  chu_quan: {_q(unit.chu_quan)}" if unit.chu_quan else "  chu_quan:                # cơ quan chủ quản (nếu có)",
        f"  ten: {_q(unit.ten)}        # tên đơn vị báo cáo; xuống dòng viết \\n",
        f"  viet_tat: {_q(unit.viet_tat)}            # chữ viết tắt trong ký hiệu: BC-...",
        "so:                          # để trống: văn thư ghi số",
        f"dia_danh: {_q(outline.dia_danh)}",
        f"ngay: {_month(outline.ngay)}                # ngày ký, ví dụ {_month(outline.ngay)}-15",
        "",
        f"trich_yeu: {_q(outline.trich_yeu)}",
        "# kinh_gui: Sở Nội vụ          # báo cáo gửi cấp trên: dòng \"Kính gửi:\"",
        "",
        "noi_dung:",
    ]
    lines += _headings(outline.noi_dung, 2)
    recipients = list(outline.noi_nhan)
    if not recipients or not recipients[-1].lstrip("- ").startswith("Lưu"):
        recipients.append("Lưu: VT")
    lines += ["", "noi_nhan:                    # '...': điền nơi nhận"] + [f"  - {_q(r)}" for r in recipients]
    signer = outline.nguoi_ky
    lines += ["", "nguoi_ky:"]
    for q in signer.quyen_han_lines:
        lines.append(f"  quyen_han: {_q(q)}")
    lines.append(f"  chuc_vu: {_q(signer.chuc_vu)}")
    lines.append(f"  ho_ten: {_q(signer.ho_ten)}" if signer.ho_ten else "  ho_ten:                    # họ và tên người ký")
    return "\n".join(lines) + "\n"
