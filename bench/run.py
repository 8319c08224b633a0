#!/usr/bin/env python3
"""Benchmark: tdkt-docs against what a developer would write by hand with docxtpl.

Run with `make bench` (or `.venv/bin/python bench/run.py`). Every figure is measured in the same
run on the same machine and is the median of several runs, each in a fresh process. The baseline
renders the same templates with the same values as tdkt (`DocxTemplate(path).render(ctx,
autoescape=True)` then `.save(...)` per document); the values are built by tdkt's own code, outside
the baseline's timing, so both sides put the same text into the same template.

`--write FILE` also writes the figures as Markdown (bench/RESULTS.md is the one the README quotes).
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


# --- what is measured ------------------------------------------------------------------------

def _big_ke_hoach(sample: dict, rows: int) -> dict:
    """A kế hoạch whose first table (the task table) has `rows` rows."""
    table = _first(sample, "bang")
    width = len(table["cot"]) - (1 if table.get("so_thu_tu") else 0)
    cells = ["Tổ chức phát động phong trào thi đua, tổng hợp kết quả và đề nghị khen thưởng",
             "Trưởng Cụm", "Các đơn vị thành viên", "Tháng 12/2026", ""]
    table["dong"] = [[f"{cells[0]} (nội dung {i + 1})"] + (cells[1:] + [""] * width)[:width - 1] for i in range(rows)]
    return sample


# Names, posts and units a province's lists are made of, combined by row number so that a long list
# reads like a real one (no two rows alike next to each other) and is the same in every run.
_HO = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Lường", "Tẩn", "Vàng",
       "Giàng", "Sùng", "Hà", "Lý", "Mùa", "Đinh", "Phan"]
_DEM = ["Văn", "Thị", "Đức", "Thị Thu", "Quang", "Thị Ngọc", "A", "Minh", "Thị Hồng", "Xuân"]
_TEN = ["An", "Bình", "Chiến", "Dung", "Giang", "Hà", "Hải", "Hằng", "Hiền", "Hùng", "Hương", "Khánh",
        "Lan", "Linh", "Long", "Mai", "Minh", "Nga", "Páo", "Phong", "Phương", "Sinh", "Sơn", "Thảo",
        "Thắng", "Tuấn", "Vân", "Yến", "Dế", "Chư"]
_CHUC_VU = ["Chuyên viên", "Giáo viên", "Kế toán", "Trưởng thôn", "Cán bộ", "Nhân viên", "Phó Trưởng phòng",
            "Bác sĩ", "Công chức Văn hóa - Xã hội", "Chi hội trưởng Chi hội Phụ nữ"]
_DON_VI = ["Phòng Tổ chức - Hành chính", "Trường Tiểu học Tam Đường", "Trạm Y tế xã Bản Bo",
           "Phòng Thi đua - Khen thưởng", "Văn phòng Sở", "Trường Trung học cơ sở Bình Lư",
           "thôn Nà Cà", "Ban Chỉ huy quân sự xã", "Phòng Kinh tế", "bản Hồ Ta"]
_TAP_THE = ["Thôn", "Trường Mầm non", "Trường Tiểu học", "Chi hội Nông dân thôn", "Bản", "Tổ dân phố",
            "Chi đoàn thôn", "Tổ hợp tác chè"]
_NOI = ["Nà Cà", "Hồ Ta", "Bình Lư", "Sơn Bình", "Bản Bo", "Khun Há", "Nà Tăm", "Thèn Sin", "Giang Ma", "Tả Lèng",
        "Phìn Hồ", "Sì Thâu Chải"]
_XA = ["Tam Đường", "Bình Lư", "Bản Bo", "Nà Tăm", "Khun Há", "Sơn Bình"]


def _person(i: int) -> dict:
    return {"ten": f"{_HO[i % len(_HO)]} {_DEM[i // 7 % len(_DEM)]} {_TEN[i // 3 % len(_TEN)]}",
            "chuc_vu_don_vi": f"{_CHUC_VU[i % len(_CHUC_VU)]}, {_DON_VI[i // 11 % len(_DON_VI)]}"}


def _group(i: int) -> dict:
    place = i // len(_TAP_THE)
    return {"ten": f"{_TAP_THE[i % len(_TAP_THE)]} {_NOI[place % len(_NOI)]}, xã {_XA[place // len(_NOI) % len(_XA)]}"}


def _nominees(rows: int, vote: Callable[[int, dict], dict] | None = None) -> dict:
    """`rows` nominees, one in ten a collective (tập thể), the rest individuals (cá nhân)."""
    groups = max(1, rows // 10)
    out = {"tap_the": [_group(i) for i in range(groups)],
           "ca_nhan": [_person(i) for i in range(rows - groups)]}
    if vote is not None:
        for key in ("tap_the", "ca_nhan"):
            out[key] = [vote(i, n) for i, n in enumerate(out[key])]
    return out


# The council of the long biên bản: nine members, one absent. It is written into the document rather
# than taken from the sample, whose members may sit in a spreadsheet the bench cannot count from here.
_HOI_DONG = [
    {"ho_ten": "Đinh Văn Tài", "chuc_vu": "Giám đốc Sở", "vai_tro": "Chủ tịch Hội đồng"},
    {"ho_ten": "Hà Thị Yến", "chuc_vu": "Phó Giám đốc Sở", "vai_tro": "Phó Chủ tịch Hội đồng"},
    {"ho_ten": "Chu Văn Bằng", "chuc_vu": "Chánh Văn phòng Sở", "vai_tro": "Ủy viên"},
    {"ho_ten": "Lê Thị Thảo", "chuc_vu": "Trưởng phòng Tổ chức - Hành chính", "vai_tro": "Ủy viên"},
    {"ho_ten": "Nguyễn Quang Huy", "chuc_vu": "Chủ tịch Công đoàn cơ sở", "vai_tro": "Ủy viên", "vang": "nghỉ phép"},
    {"ho_ten": "Mùa A Sinh", "chuc_vu": "Bí thư Chi đoàn", "vai_tro": "Ủy viên"},
    {"ho_ten": "Lò Văn Khánh", "chuc_vu": "Trưởng phòng Kinh tế", "vai_tro": "Ủy viên"},
    {"ho_ten": "Tẩn Thị Mẩy", "chuc_vu": "Chủ tịch Hội Liên hiệp Phụ nữ", "vai_tro": "Ủy viên"},
    {"ho_ten": "Phan Thị Nga", "chuc_vu": "Trưởng phòng Thi đua - Khen thưởng", "vai_tro": "Ủy viên - Thư ký"},
]


def _big_bien_ban(sample: dict, rows: int) -> dict:
    """A biên bản whose vote table (Kết quả biểu quyết) has `rows` nominees: most get every vote of
    the eight members present, many one fewer, a few too few to pass."""
    present = len([m for m in _HOI_DONG if "vang" not in m])
    for key in ("bat_dau", "ket_thuc"):
        # A plain YAML reader (yaml.safe_load, not large_document's) reads `ket_thuc: 10:15` as 615.
        if isinstance(sample.get(key), int):
            sample[key] = f"{sample[key] // 60}:{sample[key] % 60:02d}"
    sample["thanh_vien"] = [dict(m) for m in _HOI_DONG]
    for key in ("chu_toa", "thu_ky", "quy_che"):  # the sample's own council's chair, secretary and rules
        sample.pop(key, None)

    def vote(i: int, n: dict) -> dict:
        if "chuc_vu_don_vi" not in n:
            n["hinh_thuc"] = "Tập thể lao động tiên tiến"
        elif i % 13 == 5:
            n.update(hinh_thuc="Chiến sĩ thi đua cơ sở", bieu_quyet="bỏ phiếu kín")
        else:
            n["hinh_thuc"] = "Lao động tiên tiến"
        n["dong_y"] = present - (0 if i % 4 else 1) - (3 if i % 37 == 11 else 0)
        return n
    sample["de_nghi"] = _nominees(rows, vote)
    return sample


def _big_to_trinh(sample: dict, rows: int) -> dict:
    """A tờ trình whose annex (DANH SÁCH kèm theo) lists `rows` nominees under the sample's award."""
    award = sample["de_nghi"].get("hinh_thuc") or "Giấy khen của Chủ tịch Ủy ban nhân dân xã"
    sample["de_nghi"] = {"hinh_thuc": award, **_nominees(rows)}
    sample["danh_sach_kem_theo"] = True
    return sample


@dataclass
class LargeCase:
    kind: str       # the `loai` of the sample it starts from, taken from data/
    label: str
    make: Callable[[dict, int], dict]
    needs: str = "bang"  # a key the sample must have somewhere for `make` to grow it


# Documents with a long table, each with the function that grows its table.
LARGE = [
    LargeCase("ke_hoach", "kế hoạch, bảng {rows} dòng", _big_ke_hoach),
    LargeCase("bien_ban", "biên bản, bảng kết quả bỏ phiếu {rows} dòng", _big_bien_ban, needs="de_nghi"),
    LargeCase("to_trinh", "tờ trình, phụ lục {rows} dòng", _big_to_trinh, needs="de_nghi"),
]


# --- workers: each timing runs in a fresh process ----------------------------------------------

def worker(kind: str, source: Path, out: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from tdkt_docs.build import collect
    from tdkt_docs.build.stages import prepare

    jobs = collect([source])
    if kind == "tdkt":
        # Modules are imported before the clock starts, as the baseline imports docxtpl before its
        # clock: start-up is measured on its own (`tdkt --help`). Compiling the templates, reading
        # the styles and everything else done once per process stays inside the timing.
        import docxtpl  # noqa: F401 - compiles a template
        import openpyxl  # noqa: F401 - the data/ mix has a spreadsheet

        import tdkt_docs.build.stages  # noqa: F401
        import tdkt_docs.checker.check  # noqa: F401
        from tdkt_docs.build.parallel import outcomes

        start = time.perf_counter()
        count = 0
        # What `tdkt build -j 1` runs, without the report and the build cache: each job is read,
        # rendered, checked against ND30 (its cost is counted) and written, one process.
        for outcome in outcomes(jobs, out, 1):
            if outcome.error is not None:
                raise SystemExit(f"{outcome.job.source}: {outcome.error}")
            count += len(outcome.written)
        return {"seconds": time.perf_counter() - start, "count": count, "checked": True}
    if kind == "docxtpl":
        from docxtpl import DocxTemplate

        from tdkt_docs.kinds.rendering import TEMPLATES

        work = [(i, r) for i, job in enumerate(jobs) for r in prepare(job.source)[2]]
        out.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        for i, r in work:
            document = DocxTemplate(str(TEMPLATES / r.template))
            document.render(r.context, autoescape=True)
            document.save(str(out / f"{i:05d}{r.suffix}.docx"))
        return {"seconds": time.perf_counter() - start, "count": len(work)}
    if kind == "pdf":
        from tdkt_docs.output.pdf import convert_all

        documents = sorted(source.glob("*.docx"))
        start = time.perf_counter()
        results = convert_all(documents)
        failed = [str(r.problem) for r in results if r.problem is not None]
        if failed:
            raise SystemExit("\n".join(failed))
        return {"seconds": time.perf_counter() - start, "count": len(results)}
    raise SystemExit(f"unknown worker {kind}")


def set_aside(folder: Path) -> None:
    """Moves what an earlier run wrote out of the way, so that the next run starts from an empty
    folder, without deleting it. On ext4 without a journal (the disk of the machine these figures
    were first taken on) the kernel, for a minute or more after files are deleted, steps over each
    of them when it makes a new file: after a few thousand deletions one new file cost 0.3 ms
    instead of 0.02 ms, and in a -j run the processes queued behind each other on the folder.
    That would measure what the bench deleted, not tdkt, so nothing is deleted before the end."""
    if folder.exists():
        aside = folder.parent / "da-dung"
        aside.mkdir(exist_ok=True)
        folder.rename(aside / str(len(os.listdir(aside))))


def run_worker(kind: str, source: Path, out: Path) -> dict:
    set_aside(out)
    done = subprocess.run([PY, __file__, "--worker", kind, str(source), str(out)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"worker {kind} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


_MEASURE = """
import os, resource, subprocess, sys, time
def ticks():
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
        return sum(fields), fields[3] + fields[4]
    except (OSError, ValueError, IndexError):
        return None
before = ticks()
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - start
after = ticks()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
others = -1.0
if before and after:
    hz = os.sysconf("SC_CLK_TCK")
    total = (after[0] - before[0]) / hz
    busy = total - (after[1] - before[1]) / hz
    others = max(0.0, busy - usage.ru_utime - usage.ru_stime) / max(total, 1e-9)
print(seconds, usage.ru_maxrss, code, others)
"""


@dataclass
class Timing:
    seconds: float
    megabytes: float
    others: float  # share of the processors' time taken by other work meanwhile; -1 if unknown


def timed(command: list[str]) -> Timing:
    """Wall seconds and peak resident memory of `command`, measured by a process of its own so
    that the peak is that command's and no earlier one's, and how busy other work kept the
    processors meanwhile."""
    done = subprocess.run([PY, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
    seconds, kilobytes, code, others = done.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(command)} exited with {code}")
    return Timing(float(seconds), int(kilobytes) / 1024, float(others))


# On a shared machine other work can take a processor in the middle of a -j measurement, which
# says nothing about tdkt. A pair of runs (-j 1, -j N) counts only when other work took at most
# this share of the processors during both; the figures say how many pairs were set aside.
QUIET = 0.10


def quiet_pairs(first: list[str], second: list[str], wanted: int, reset: Callable[[], None],
                tries: int) -> tuple[list[tuple[Timing, Timing]], int]:
    kept, seen = [], []
    while len(kept) < wanted and len(seen) < tries:
        reset()
        a = timed(first)
        reset()
        b = timed(second)
        seen.append((a, b))
        if max(a.others, b.others) <= QUIET:
            kept.append((a, b))
    return (kept or seen), len(seen) - len(kept)


def _empty_files(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        os.close(os.open(folder / f"{i}", os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o644))


def file_creation_ms(folder: Path, count: int = 200) -> float:
    """What creating one empty file costs on the disk the documents are written to."""
    probe = folder / "tao-tep"
    start = time.perf_counter()
    _empty_files(probe, count)
    seconds = time.perf_counter() - start
    set_aside(probe)
    return seconds / count * 1000


def creation_after_deleting_ms(folder: Path, count: int = 2000) -> float:
    """What creating a file costs a moment after `count` files were deleted (see set_aside)."""
    doomed = folder / "xoa"
    _empty_files(doomed, count)
    shutil.rmtree(doomed)
    time.sleep(1.1)  # the kernel counts a file as just deleted from the next second on
    return file_creation_ms(folder)


_SPIN = """
import sys, time
from concurrent.futures import ProcessPoolExecutor
def spin(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total
if __name__ == "__main__":
    n, processes = int(sys.argv[1]), int(sys.argv[2])
    with ProcessPoolExecutor(processes) as pool:
        list(pool.map(spin, [1000] * processes))  # the processes are started before the clock
        start = time.perf_counter()
        list(pool.map(spin, [n] * processes))
        print(time.perf_counter() - start)
"""


def machine_scaling(processes: int, runs: int, work: Path) -> float:
    """How much faster `processes` processes of pure computation (no files, nothing shared) do the
    work of one on this machine: the most any -j figure can reach here."""
    script = work / "spin.py"
    script.write_text(_SPIN, encoding="utf-8")
    n = 6_000_000
    ratios = []
    for _ in range(runs):
        one = float(subprocess.run([PY, str(script), str(n * processes), "1"], capture_output=True, text=True,
                                   check=True).stdout)
        many = float(subprocess.run([PY, str(script), str(n), str(processes)], capture_output=True, text=True,
                                    check=True).stdout)
        ratios.append(one / many)
    return median(ratios)


def others_busy(seconds: float = 2.0) -> str:
    """How busy the machine's processors are while this script does nothing: other people's
    work shares the processors with the measurements."""
    def sample() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return sum(fields), fields[3] + fields[4]  # all, idle + iowait
    try:
        total0, idle0 = sample()
        time.sleep(seconds)
        total1, idle1 = sample()
    except (OSError, ValueError, IndexError):
        return "?"
    return f"{100 * (1 - (idle1 - idle0) / max(total1 - total0, 1)):.0f} %"


def quiet_note(pairs: list[tuple[Timing, Timing]], dropped: int) -> str:
    busiest = max(max(a.others, b.others) for a, b in pairs)
    if busiest > QUIET:
        return f" [máy bận việc khác tới {busiest:.0%} trong mọi lần đo: số này không đáng tin]"
    return f" [bỏ {dropped} lần đo vì máy bận việc khác]" if dropped else ""


def count(n: int) -> str:
    """1000 written the Vietnamese way: 1.000."""
    return f"{n:,}".replace(",", ".")


def median(values: list[float]) -> float:
    return statistics.median(values)


# --- set-up ------------------------------------------------------------------------------------

def _first(data, key: str):
    if isinstance(data, dict):
        if key in data:
            return data[key]
        values = data.values()
    elif isinstance(data, list):
        values = data
    else:
        return None
    for value in values:
        found = _first(value, key)
        if found is not None:
            return found
    return None


def large_document(case: LargeCase, sources: list[Path], data: Path, workspace: Path, rows: int) -> Path | None:
    """A copy of data/ whose one document is the first sample of `case.kind` grown to `rows` rows by
    `case.make`, or None when data/ has no such sample. The sample is read by tdkt's own loader,
    which keeps every value as typed: a plain YAML reader would turn `ket_thuc: 10:15` into 615."""
    import yaml

    from tdkt_docs.input.loader import load_yaml

    base = next((s for s in sources if (d := load_yaml(s).data).get("loai") == case.kind
                 and _first(d, case.needs)), None)
    if base is None:
        return None
    folder = isolated(workspace, f"lon-{case.kind}", data)
    sample = case.make(load_yaml(base).data, rows)
    (folder / base.relative_to(data)).write_text(
        yaml.safe_dump(sample, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return folder


def tdkt_command() -> list[str]:
    script = Path(PY).parent / "tdkt"
    return [str(script)] if script.exists() else [PY, "-m", "tdkt_docs.cli"]


def samples(data: Path) -> list[Path]:
    """The documents in data/ that build: the mix the per-document figures are made of."""
    sys.path.insert(0, str(ROOT))
    from tdkt_docs.build import build_one, collect

    good = []
    with tempfile.TemporaryDirectory() as scratch:
        for job in collect([data]):
            if build_one(job, Path(scratch)).error is None:
                good.append(job.source)
    if not good:
        raise SystemExit("no document in data/ builds; nothing to measure")
    return good


def copies(sources: list[Path], data: Path, folder: Path, count: int, tag: str) -> None:
    """`count` documents cycled from `sources` (files in `data`), written into `folder` (a copy of
    `data`), each where its original sits so that any shared file it refers to is found."""
    for i in range(count):
        source = sources[i % len(sources)]
        target = folder / source.relative_to(data)
        shutil.copyfile(source, target.with_name(f"{source.stem}-{tag}-{i:05d}{source.suffix}"))


def isolated(workspace: Path, name: str, data: Path) -> Path:
    """A copy of data/ holding only its shared parts and nothing to build yet."""
    from tdkt_docs.build import is_document

    target = workspace / name
    shutil.copytree(data, target, ignore=lambda folder, names: [
        n for n in names if (Path(folder) / n).is_file() and is_document(Path(folder) / n)])
    return target


def same_text(ours: Path, theirs: Path) -> bool:
    import docx

    def text(path: Path) -> list[str]:
        d = docx.Document(str(path))
        body = [p.text for p in d.paragraphs]
        cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
        return body + cells
    return text(ours) == text(theirs)


# --- the figures -------------------------------------------------------------------------------

@dataclass
class Figure:
    name: str
    value: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the median is kept)")
    parser.add_argument("--docs", type=int, default=200, help="documents for the per-document and -j figures")
    parser.add_argument("--many", type=int, default=1000, help="documents for the peak memory figure")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the -j figure")
    parser.add_argument("--rows", type=int, default=2000, help="rows of the long tables")
    parser.add_argument("--pdf-batch", type=int, default=50)
    parser.add_argument("--pdf-single", type=int, default=5, help="files converted one call each")
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to check the script itself")
    parser.add_argument("--write", type=Path, help="also write the figures as Markdown to this file")
    parser.add_argument("--readme", type=Path, help="with --write: also put the table into this README, "
                        f"between the lines {README_START} and {README_END}")
    parser.add_argument("--worker", nargs=3, metavar=("KIND", "SOURCE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        kind, source, out = args.worker
        print(json.dumps(worker(kind, Path(source), Path(out))))
        return
    if args.quick:
        args.runs, args.docs, args.many, args.rows, args.pdf_batch, args.pdf_single = 1, 6, 8, 50, 2, 1
    sys.path.insert(0, str(ROOT))
    figures: list[Figure] = []
    tdkt = tdkt_command()

    def show(f: Figure) -> None:
        figures.append(f)
        mark = "" if f.met is None else ("  ĐẠT" if f.met else "  CHƯA ĐẠT")
        extra = (f"  | đối chứng: {f.baseline}  | tỉ lệ: {f.ratio}  | mục tiêu: {f.target}" if f.baseline
                 else f"tỉ lệ {f.ratio}" if f.ratio else "")  # the machine's own ceiling has a ratio only
        print(f"{f.name}: {f.value}{extra}{mark}", flush=True)

    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp:
        work = Path(tmp)
        data = ROOT / "data"
        sources = samples(data)
        print(f"Mẫu đo: {len(sources)} văn bản trong data/, chạy {args.runs} lần mỗi số đo, lấy trung vị.", flush=True)
        args.load_before = others_busy()
        args.create_ms = file_creation_ms(work)

        # 1. Per document, one process.
        batch = isolated(work, "mot-tien-trinh", data)
        copies(sources, data, batch, args.docs, "b")
        ours, theirs = [], []
        for _ in range(args.runs):
            a = run_worker("tdkt", batch, work / "ra-tdkt")
            b = run_worker("docxtpl", batch, work / "ra-docxtpl")
            ours.append(a["count"] / a["seconds"])
            theirs.append(b["count"] / b["seconds"])
        first_ours = sorted((work / "ra-tdkt").rglob("*.docx"))[0]
        first_theirs = sorted((work / "ra-docxtpl").glob("*.docx"))[0]
        identical = same_text(first_ours, first_theirs)
        checked = "có" if a.get("checked") else "chưa"
        ratio = median(ours) / median(theirs)
        show(Figure("Văn bản/giây, một tiến trình (đọc YAML, kiểm tra, đánh số, điền mẫu, ghi tệp)",
                    f"{median(ours):.0f}", f"{median(theirs):.1f}", f"{ratio:.1f}×", "≥ 2×", ratio >= 2))
        args.notes = [f"Văn bản của tdkt và của docxtpl có cùng nội dung: {'có' if identical else 'KHÔNG'}; "
                      f"kiểm tra thể thức ND30 tính vào thời gian của tdkt: {checked}."]
        print("  " + args.notes[0])

        # 2. -j N and peak memory, on many documents, through the command a clerk runs.
        many = isolated(work, "nhieu", data)
        copies(sources, data, many, args.docs, "m")
        runs = max(3, args.runs) if not args.quick else 1
        out = work / "ra-nhieu"
        command = [*tdkt, "build", str(many), "-o", str(out), "-j"]
        pairs, dropped = quiet_pairs([*command, "1"], [*command, str(args.jobs)], runs,
                                     lambda: set_aside(out), runs * 8)
        one = median([args.docs / a.seconds for a, _ in pairs])
        par = median([args.docs / b.seconds for _, b in pairs])
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        note = quiet_note(pairs, dropped)
        show(Figure(f"`tdkt build` {count(args.docs)} văn bản, văn bản/giây, -j 1", f"{one:.0f}"))
        show(Figure(f"`tdkt build` {count(args.docs)} văn bản, văn bản/giây, -j {args.jobs} ({cores} lõi){note}",
                    f"{par:.0f}", f"{one:.0f} (-j 1)", f"{par / one:.2f}×", "≥ 1.3×", par / one >= 1.3))
        ram = Path("/dev/shm")
        if ram.is_dir() and os.access(ram, os.W_OK):
            # The same, writing into memory: what the processes gain when the disk is not the limit.
            target = Path(tempfile.mkdtemp(prefix="tdkt-bench-", dir=ram))
            try:
                command = [*tdkt, "build", str(many), "-o", str(target / "ra"), "-j"]
                in_ram, dropped = quiet_pairs([*command, "1"], [*command, str(args.jobs)], runs,
                                              lambda: shutil.rmtree(target / "ra", ignore_errors=True), runs * 8)
            finally:
                shutil.rmtree(target, ignore_errors=True)
            r1 = median([args.docs / a.seconds for a, _ in in_ram])
            rj = median([args.docs / b.seconds for _, b in in_ram])
            show(Figure(f"  như trên, ghi vào RAM (/dev/shm), -j {args.jobs}{quiet_note(in_ram, dropped)}",
                        f"{rj:.0f}", f"{r1:.0f} (-j 1)", f"{rj / r1:.2f}×"))
        ceiling = machine_scaling(args.jobs, runs, work)
        show(Figure(f"  giới hạn của máy: {args.jobs} tiến trình chỉ tính toán (không đọc ghi tệp) so với một",
                    "", "", f"{ceiling:.2f}×"))
        print(f"  (trên ổ đĩa của máy đo, tạo một tệp mới mất {args.create_ms:.2f} ms)")
        thousand = isolated(work, "mot-nghin", data)
        copies(sources, data, thousand, args.many, "k")
        memory = timed([*tdkt, "build", str(thousand), "-o", str(work / "ra-mot-nghin"), "-j", "1"]).megabytes
        show(Figure(f"Bộ nhớ đỉnh, {count(args.many)} văn bản trong một lần `tdkt build` (-j 1)", f"{memory:.0f} MB",
                    "", "", "< 300 MB", memory < 300))
        show(Figure(f"Bộ nhớ đỉnh của tiến trình lớn nhất, -j {args.jobs}",
                    f"{median([b.megabytes for _, b in pairs]):.0f} MB"))

        # 3. Long tables.
        for case in LARGE:
            folder = large_document(case, sources, data, work, args.rows)
            if folder is None:
                print(f"  (bỏ qua {case.kind}: không có văn bản mẫu loại này trong data/)")
                continue
            ours, theirs = [], []
            for _ in range(args.runs):
                ours.append(run_worker("tdkt", folder, work / "ra-lon")["seconds"])
                theirs.append(run_worker("docxtpl", folder, work / "ra-lon-docxtpl")["seconds"])
            r = median(theirs) / median(ours)
            show(Figure(f"Một {case.label.format(rows=count(args.rows))}, giây", f"{median(ours):.3f}",
                        f"{median(theirs):.3f}", f"nhanh hơn {r:.2f}×" if r >= 1 else f"chậm hơn {1 / r:.2f}×"))
            ours_doc = sorted((work / "ra-lon").rglob("*.docx"))
            theirs_doc = sorted((work / "ra-lon-docxtpl").glob("*.docx"))
            alike = len(ours_doc) == len(theirs_doc) and all(map(same_text, ours_doc, theirs_doc))
            args.notes.append(f"{case.label.format(rows=count(args.rows)).capitalize()}: văn bản của tdkt và của "
                              f"docxtpl có cùng nội dung: {'có' if alike else 'KHÔNG'}.")
            print("  " + args.notes[-1])

        # 4. Start-up.
        n = 20 if not args.quick else 2
        help_times = [timed([*tdkt, "--help"]).seconds for _ in range(n)]
        pass_times = [timed([PY, "-c", "pass"]).seconds for _ in range(n)]
        r = median(help_times) / median(pass_times)
        show(Figure("Khởi động `tdkt --help`, mili giây", f"{median(help_times) * 1000:.0f}",
                    f"{median(pass_times) * 1000:.0f} (`python -c pass`)", f"{r:.1f}×", "< 3×", r < 3))

        # 5. Rebuilding data/ when nothing changed (the build cache skips every document), against a
        # forced rebuild of everything (--tat-ca).
        rebuild = work / "ra-data"
        timed([*tdkt, "build", str(data), "-o", str(rebuild)])
        again = [timed([*tdkt, "build", str(data), "-o", str(rebuild)]).seconds for _ in range(args.runs)]
        full = [timed([*tdkt, "build", str(data), "-o", str(rebuild), "--tat-ca"]).seconds for _ in range(args.runs)]
        show(Figure(f"Dựng lại data/ khi không có gì thay đổi ({len(sources)} văn bản), mili giây",
                    f"{median(again) * 1000:.0f}", f"{median(full) * 1000:.0f} (--tat-ca, dựng lại toàn bộ)",
                    f"{median(full) / median(again):.1f}×"))

        # 6. PDF.
        from tdkt_docs.output.pdf import find_soffice
        soffice = find_soffice()
        if args.no_pdf or soffice is None:
            print("  (bỏ qua PDF: " + ("--no-pdf" if args.no_pdf else "không có LibreOffice") + ")")
        else:
            pdf_figures(work, soffice, sorted((work / "ra-nhieu").rglob("*.docx")), args, show)

        # Last, because it deletes files: what set_aside keeps the figures above clear of.
        args.create_after_ms = creation_after_deleting_ms(work)
        print(f"  (tạo một tệp mới ngay sau khi xóa 2.000 tệp: {args.create_after_ms:.2f} ms)")

    args.load_after = others_busy()
    print(f"Bộ xử lý bận vì việc khác: {args.load_before} trước khi đo, {args.load_after} sau khi đo")
    if args.write:
        write_markdown(args, figures, args.write)
        print(f"Đã ghi {args.write}")


def pdf_figures(work: Path, soffice: str, documents: list[Path], args, show) -> None:
    batch = work / "pdf"
    batch.mkdir()
    for i in range(args.pdf_batch):
        shutil.copyfile(documents[i % len(documents)], batch / f"vb-{i:03d}.docx")
    profile = (work / "lo-profile").as_uri()
    raw = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir"]
    timed([*raw, str(work / "pdf-warm"), str(batch / "vb-000.docx")])  # first start makes the profile
    ours, whole, single = [], [], []
    for _ in range(max(3, args.runs) if not args.quick else 1):
        for p in batch.glob("*.pdf"):
            p.unlink()
        ours.append(run_worker("pdf", batch, work / "unused")["seconds"] / args.pdf_batch)
        shutil.rmtree(work / "pdf-raw", ignore_errors=True)
        whole.append(timed([*raw, str(work / "pdf-raw"), *map(str, sorted(batch.glob("*.docx")))]).seconds
                     / args.pdf_batch)
    for path in sorted(batch.glob("*.docx"))[:args.pdf_single]:
        single.append(timed([*raw, str(work / "pdf-single"), str(path)]).seconds)
    o, w, s = median(ours), median(whole), median(single)
    show(Figure(f"PDF, giây/văn bản, `tdkt build --pdf` lô {args.pdf_batch} văn bản", f"{o:.3f}",
                f"{w:.3f} (một lệnh soffice cho cả lô)", f"{o / w:.2f}×", "≤ 1.2×", o / w <= 1.2))
    show(Figure("PDF, giây/văn bản, mỗi tệp một lệnh soffice", f"{s:.3f}", f"{o:.3f} (tdkt, theo lô)",
                f"tdkt nhanh hơn {s / o:.1f}×", "≥ 5×", s / o >= 5))


README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


def into_readme(readme: Path, table: list[str]) -> None:
    """Put the figures between the README's two markers, so that it always shows the last run."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise SystemExit(f"{readme}: không thấy hai dòng {README_START} và {README_END} để ghi số đo vào giữa")
    text = text[:start + len(README_START)] + "\n" + "\n".join(table) + "\n" + text[end:]
    readme.write_text(text, encoding="utf-8")


def write_markdown(args, figures: list[Figure], path: Path) -> None:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "?"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or "?"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    office = subprocess.run([shutil.which("soffice") or "soffice", "--version"], capture_output=True,
                            text=True).stdout.strip() if shutil.which("soffice") else "không có"
    import docxtpl
    table = [
        f"Lần đo: {datetime.date.today().isoformat()}, mã nguồn {commit}; máy: {cpu}, {cores} lõi dùng được, "
        f"Python {platform.python_version()}, docxtpl {docxtpl.__version__}, {office}.",
        "",
        "| Số đo | tdkt | Đối chứng | Tỉ lệ | Mục tiêu | Kết quả |",
        "|---|---:|---:|---:|---|---|",
    ]
    for f in figures:
        result = "" if f.met is None else ("đạt" if f.met else "**chưa đạt**")
        table.append(f"| {cell(f.name)} | {cell(f.value)} | {cell(f.baseline)} | {cell(f.ratio)} | {cell(f.target)} | {result} |")
    if getattr(args, "readme", None):
        into_readme(args.readme, table)
    lines = [
        "# Số đo tốc độ (`make bench`)",
        "",
        table[0],
        f"Mỗi số là trung vị của {args.runs} lần chạy (bộ nhớ và -j: ít nhất 3), mỗi lần một tiến trình mới.",
        f"Bộ xử lý bận vì việc khác: {args.load_before} trước khi đo, {args.load_after} sau khi đo; "
        f"tạo một tệp mới trên ổ đĩa của máy đo mất {args.create_ms:.2f} ms, "
        f"ngay sau khi xóa 2.000 tệp mất {args.create_after_ms:.2f} ms (xem dưới).",
        *table[1:],
    ]
    lines += [""] + getattr(args, "notes", []) + [
        "",
        "Đối chứng là cách tự viết bằng docxtpl: `DocxTemplate(mẫu).render(giá_trị, autoescape=True)` rồi "
        "`.save(...)` cho từng văn bản, cùng mẫu và cùng giá trị (giá trị do chính tdkt tính sẵn, không tính vào "
        "thời gian của đối chứng). Thời gian của tdkt gồm cả đọc YAML, kiểm tra dữ liệu, đánh số, điền mẫu, kiểm "
        "tra thể thức và ghi tệp (ghi hẳn xuống đĩa), và cả những việc chỉ làm một lần trong mỗi tiến trình (đọc "
        "mẫu, đọc kiểu chữ của mẫu). Mẫu đã dịch sang mã Jinja được giữ trong thư mục đệm (~/.cache/tdkt-docs) từ "
        "lần chạy trước, như với mọi lần `make documents` sau lần đầu; docxtpl thì dịch lại mẫu cho từng văn bản. "
        "Việc nạp thư viện (import) thì cả hai bên đều làm trước khi bấm giờ; thời gian khởi động được đo riêng ở "
        "hàng `tdkt --help`.",
        "",
        "Hàng «ghi vào RAM» đo cùng việc đó nhưng ghi kết quả vào /dev/shm: chênh lệch với hàng trên là thời gian "
        "chờ ổ đĩa. Mỗi văn bản được ghi hẳn xuống đĩa trước khi thay tệp cũ, để mất điện giữa chừng cũng không làm "
        "hỏng văn bản đã có; các văn bản được ghi xuống đĩa theo từng đợt (tối đa 16 tệp YAML), mỗi đợt một lần. "
        "Hàng «giới hạn của máy» cho biết hai tiến trình chỉ tính toán, không đọc ghi gì, nhanh hơn một tiến trình "
        "bao nhiêu lần trên chính máy đo: không số -j nào vượt được số đó. Lần đo -j nào mà việc khác trên máy "
        "chiếm quá 10 % bộ xử lý thì bị bỏ, và bảng ghi rõ số lần bỏ.",
        "",
        "Mỗi lần chạy ghi vào một thư mục trống mới; kết quả của lần trước được dời sang chỗ khác chứ không "
        "xóa, cho đến khi đo xong. Lý do: trên ổ ext4 không có nhật ký (journal), như ổ của máy đo, trong một "
        "lúc sau khi tệp bị xóa, mỗi lần tạo tệp mới hệ điều hành phải bước qua từng tệp vừa xóa đó (số ở đầu "
        "trang). Khi hai tiến trình cùng tạo tệp trong một thư mục, tiến trình này phải chờ tiến trình kia bước "
        "xong: số -j khi ấy đo việc xóa của lần chạy trước chứ không đo tdkt. Ổ ext4 có nhật ký (mặc định khi "
        "cài Linux) không kiểm tra tệp vừa xóa như vậy.",
        "",
        "Đo lại trên máy của bạn:",
        "",
        "```",
        "make bench            # in số đo và ghi vào bench/RESULTS.md",
        ".venv/bin/python bench/run.py --help   # số văn bản, số lần chạy, bỏ PDF...",
        "```",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
