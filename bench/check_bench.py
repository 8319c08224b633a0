"""How long `check_docx` takes on a document of about 20 pages (median of several runs).

Run: .venv/bin/python bench/check_bench.py [--runs 15] [--pages 20] [--save FILE.docx]
The document is a kế hoạch rendered by the pipeline (pages counted by laying it out with LibreOffice:
`../shared/tools/docx-pages FILE.docx`).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tdkt_docs.checker import check_docx  # noqa: E402
from tdkt_docs.checker.locate import locate  # noqa: E402
from tdkt_docs.checker.reader import read_document  # noqa: E402
from tdkt_docs.checker.package import Package  # noqa: E402
from tdkt_docs.build.stages import prepare, render_all  # noqa: E402

SOURCE = ROOT / "tests" / "checker" / "data" / "ke-hoach-sach.yaml"
CHARS_PER_PAGE = 2300  # seen with LibreOffice: body text, headings and tables of this plan


def build(pages: int) -> bytes:
    """A plan of `pages` pages: six parts I.–VI., each with khoản, điểm a)–e), bullets and a table."""
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    text = ("Các cơ quan, đơn vị tổ chức quán triệt, triển khai thực hiện nghiêm túc, hiệu quả các phong trào "
            "thi đua, gắn với nhiệm vụ chính trị được giao, bảo đảm thiết thực, tránh hình thức, lãng phí.")
    per_part = max(1, round(pages / 5.5))
    body = []
    for part in range(6):
        khoan = []
        for k in range(per_part):
            khoan.append({"tieu_de": f"Nhiệm vụ trọng tâm số {k + 1}", "noi_dung": [
                text, text,
                *({"van_ban": f"{text} Điểm thứ {d + 1}."} for d in range(6)),
                {"gach": [text, text]},
            ]})
        khoan.append({"tieu_de": "Tiến độ", "noi_dung": [{"bang": {"cot": ["TT", "Nội dung", "Thời gian"],
                      "so_thu_tu": True, "dong": [[f"Việc số {r + 1}", "Quý II"] for r in range(8)]}}]})
        body.append({"tieu_de": f"Phần việc số {part + 1}", "noi_dung": khoan})
    data["noi_dung"] = body
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ke-hoach-dai.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        _, _, renderings, _ = prepare(path)
        return render_all(renderings)[0][1].data


def build_table(rows: int) -> bytes:
    """The clean plan with one table of `rows` rows (a vote count, a list of nominees)."""
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    data["noi_dung"][-1]["noi_dung"].append({"bang": {
        "cot": ["TT", "Họ và tên", "Chức vụ, đơn vị", "Số phiếu", "Tỷ lệ"], "so_thu_tu": True,
        "dong": [[f"Nguyễn Văn Bình {r + 1}", "Giáo viên Trường Tiểu học Tam Đường", "11/11", "100%"]
                 for r in range(rows)]}})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bang-lon.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        _, _, renderings, _ = prepare(path)
        return render_all(renderings)[0][1].data


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--rows", type=int, default=2000, help="rows of the large-table document")
    ap.add_argument("--save", type=Path)
    args = ap.parse_args()
    data = build(args.pages)
    if args.save:
        args.save.write_bytes(data)
    doc = read_document(Package(data))
    chars = sum(len(p.text) for p in doc.paras)
    findings = check_docx(data)
    print(f"document: {len(data) / 1024:.0f} KiB, {len(doc.paras)} paragraphs, {len(doc.tables)} tables, "
          f"{chars} characters (about {chars / CHARS_PER_PAGE:.0f} pages), {len(findings)} findings")
    read = timed(lambda: read_document(Package(data)), args.runs)
    lay = timed(lambda: locate(read_document(Package(data))), args.runs)
    full = timed(lambda: check_docx(data), args.runs)
    print(f"read (unzip, parse, resolve styles): {read * 1000:7.1f} ms  (median of {args.runs})")
    print(f"read + locate elements:              {lay * 1000:7.1f} ms")
    print(f"read + check (check_docx):           {full * 1000:7.1f} ms")
    big = build_table(args.rows)
    big_findings = check_docx(big)
    table = timed(lambda: check_docx(big), max(3, args.runs // 3))
    print(f"a plan with a {args.rows}-row table ({len(big) / 1024:.0f} KiB, {len(big_findings)} findings): "
          f"check_docx {table * 1000:.1f} ms")


if __name__ == "__main__":
    main()
