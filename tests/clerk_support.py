"""Small helpers shared by the tests of the clerk's daily and yearly loop."""
from __future__ import annotations

import textwrap
from pathlib import Path

from click.testing import CliRunner

from tdkt_docs.cli import main

ROOT = Path(__file__).resolve().parent.parent

# A complete, valid kế hoạch: every test changes one thing in it.
MINIMAL = textwrap.dedent("""\
    loai: ke_hoach
    co_quan:
      ten: "ỦY BAN NHÂN DÂN\\nXÃ TÂN LẬP"
      viet_tat: UBND
    so: 12
    dia_danh: Tân Lập
    ngay: 2026-03-05
    trich_yeu: Tổ chức phong trào thi đua năm 2026
    noi_dung:
      - tieu_de: Mục đích, yêu cầu
        noi_dung:
          - Thi đua hoàn thành nhiệm vụ năm 2026.
    noi_nhan:
      - UBND tỉnh
      - "Lưu: VT, VP"
    nguoi_ky:
      quyen_han: TM. ỦY BAN NHÂN DÂN
      chuc_vu: CHỦ TỊCH
      ho_ten: Nguyễn Văn An
    """)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str):
    """Run the CLI in-process; the result has .exit_code, .stdout, .stderr."""
    return CliRunner().invoke(main, list(args), catch_exceptions=True)


def docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)
