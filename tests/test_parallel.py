"""`tdkt build -j N`: the same documents, the same report and the same exit code as one process."""
from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tdkt_docs.errors import InputError, OutputError, PdfError, Problem

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "mau" / "002-cum-thi-dua-vung-thap-2022.yaml"
TDKT = [sys.executable, "-m", "tdkt_docs.cli"]


def variant(i: int) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^so:.*$", f"so: {i}", text, count=1)
    return re.sub(r"(?m)^trich_yeu: (.*)$", rf"trich_yeu: \1 (đợt {i})", text, count=1)


def make_data(folder: Path, count: int, broken: set[int] = frozenset()) -> list[Path]:
    files = []
    for i in range(1, count + 1):
        # Two folders so that the output keeps the tree, and names that sort the same in both.
        path = folder / ("nam-2025" if i % 2 else "nam-2026") / f"ke-hoach-{i:02d}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = variant(i)
        if i in broken:
            text = text.replace("  chuc_vu: TRƯỞNG CỤM\n", "")
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*TDKT, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in {".tdkt.lock", ".tdkt-cache.json"}}


def test_two_processes_write_the_same_bytes_and_report_in_input_order(tmp_path):
    make_data(tmp_path / "data", 12)
    one = run("build", "data", "-o", "ra1", "-j", "1", cwd=tmp_path)
    two = run("build", "data", "-o", "ra2", "-j", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 0, two.stderr
    first, second = tree(tmp_path / "ra1"), tree(tmp_path / "ra2")
    assert len(first) == 12
    assert first == second
    assert two.stdout.replace("ra2/", "ra1/") == one.stdout
    assert two.stderr.replace("ra2/", "ra1/") == one.stderr
    # The report lists the files in the order they were collected: sorted by folder, then name.
    reported = re.findall(r"→ ra2/(\S+)\.docx", two.stdout)
    assert reported == sorted(reported)
    document = docx.Document(str(tmp_path / "ra2" / "nam-2026" / "ke-hoach-04.docx"))
    texts = [p.text for p in document.paragraphs]
    assert any("(đợt 4)" in t for t in texts)
    assert "Số: 04/KH-" in "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)


def test_errors_in_some_files_are_reported_with_exit_1_and_the_rest_is_built(tmp_path):
    make_data(tmp_path / "data", 6, broken={3, 6})
    one = run("build", "data", "-o", "ra1", cwd=tmp_path)
    two = run("build", "data", "-o", "ra2", "-j", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert two.stderr.replace("ra2/", "ra1/") == one.stderr
    assert "Traceback" not in two.stderr
    line = variant(3).splitlines().index("nguoi_ky:") + 1
    # the message points at the 'nguoi_ky' section or below it
    found = re.search(r"data/nam-2025/ke-hoach-03\.yaml:(\d+):3: nguoi_ky\.chuc_vu: thiếu thông tin bắt buộc; hãy thêm "
                      r"dòng 'chuc_vu: \.\.\.' trong mục 'nguoi_ky'", two.stderr)
    assert found and int(found.group(1)) >= line, two.stderr
    assert "✗ data/nam-2026/ke-hoach-06.yaml: 1 lỗi, chưa tạo văn bản." in two.stderr
    built = sorted(tree(tmp_path / "ra2"))
    assert built == ["nam-2025/ke-hoach-01.docx", "nam-2025/ke-hoach-05.docx",
                     "nam-2026/ke-hoach-02.docx", "nam-2026/ke-hoach-04.docx"]
    assert tree(tmp_path / "ra2") == tree(tmp_path / "ra1")


def test_jobs_zero_means_one_process_per_core_and_negative_is_refused(tmp_path):
    make_data(tmp_path / "data", 3)
    auto = run("build", "data", "-o", "ra", "-j", "0", cwd=tmp_path)
    assert auto.returncode == 0, auto.stderr
    assert len(tree(tmp_path / "ra")) == 3
    wrong = run("build", "data", "-o", "ra", "-j", "-1", cwd=tmp_path)
    assert wrong.returncode == 2
    assert "Traceback" not in wrong.stderr


def test_an_existing_document_is_kept_when_its_new_version_fails(tmp_path):
    make_data(tmp_path / "data", 4)
    assert run("build", "data", "-o", "ra", "-j", "2", cwd=tmp_path).returncode == 0
    before = tree(tmp_path / "ra")
    path = tmp_path / "data" / "nam-2026" / "ke-hoach-02.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("noi_nhan:", "noi_nhân:"), encoding="utf-8")
    again = run("build", "data", "-o", "ra", "-j", "2", cwd=tmp_path)
    assert again.returncode == 1
    assert "noi_nhân" in again.stderr
    assert tree(tmp_path / "ra") == before


@pytest.mark.parametrize("error", [
    InputError([Problem("a.yaml", "thiếu", 3, 5, "so"), Problem("a.yaml", "sai", 9, 1, "ngay")]),
    OutputError(Problem("ra/x.docx", "ổ đĩa đã đầy")),
    PdfError(Problem("", "không tìm thấy LibreOffice")),
])
def test_errors_keep_every_problem_when_passed_between_processes(error):
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert back.problems == error.problems
    assert str(back) == str(error)


def _probing_build(job, out_dir, strict=False):
    """Make a job, after noting whether the build lock was held by someone else at that moment."""
    import fcntl

    from tdkt_docs.build import build_one

    with open(out_dir / ".tdkt.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            state = "free"
            fcntl.flock(handle, fcntl.LOCK_UN)
        except BlockingIOError:
            state = "held"
    (out_dir.parent / "probe").mkdir(exist_ok=True)
    (out_dir.parent / "probe" / f"{Path(job.stem).name}.{os.getpid()}.{state}").touch()
    return build_one(job, out_dir, strict)


def test_workers_render_while_the_parent_holds_the_build_lock(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import tdkt_docs.build.parallel
    from tdkt_docs.cli import main

    make_data(tmp_path / "data", 6)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tdkt_docs.build.parallel, "build_one", _probing_build)
    result = CliRunner().invoke(main, ["build", "data", "-o", str(tmp_path / "ra"), "-j", "2"])
    assert result.exit_code == 0, result.output
    probes = sorted(p.name for p in (tmp_path / "probe").iterdir())
    assert len(probes) == 6
    assert all(name.endswith(".held") for name in probes), probes
    assert all(name.split(".")[1] != str(os.getpid()) for name in probes)
    assert len(tree(tmp_path / "ra")) == 6


def test_cli_help_starts_without_the_heavy_libraries():
    heavy = ["pydantic", "docxtpl", "docx", "lxml", "jinja2", "yaml", "markupsafe"]
    code = ("import atexit, sys\n"
            f"atexit.register(lambda: print(sorted(m for m in {heavy!r} if m in sys.modules), file=sys.stderr))\n"
            "from tdkt_docs.cli import main\n"
            "main(['build', '--help'])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode == 0
    assert "--jobs" in done.stdout and "--pdf" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_a_build_with_nothing_to_do_does_not_load_the_stages(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "2026", data, ignore=shutil.ignore_patterns("*-lai-chau", "xa-*"))
    stages = ["pydantic", "docxtpl", "docx", "lxml", "jinja2", "openpyxl", "tdkt_docs.build.stages",
              "tdkt_docs.output.render", "tdkt_docs.checker.check"]
    code = ("import atexit, sys\n"
            f"atexit.register(lambda: print(sorted(m for m in {stages!r} if m in sys.modules), file=sys.stderr))\n"
            "from tdkt_docs.cli import main\n"
            "main(['build', 'data', '-o', 'ra'])\n")
    first = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0 and "→ ra/ke-hoach-thi-dua-2026.docx" in first.stdout
    assert "tdkt_docs.build.stages" in first.stderr  # something to build: the stages were needed
    again = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0
    assert again.stdout.strip() == "✓ data/ke-hoach-thi-dua-2026.yaml: không đổi"
    assert again.stderr.strip().splitlines()[-1] == "[]"


def _dying_build(job, out_dir, strict=False):
    if job.stem.endswith("03"):
        os._exit(9)  # as if the process were killed
    from tdkt_docs.build import build_one

    return build_one(job, out_dir, strict)


def test_a_worker_that_dies_stops_the_build_with_a_message_instead_of_hanging(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import tdkt_docs.build.parallel
    from tdkt_docs.cli import main

    make_data(tmp_path / "data", 6)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tdkt_docs.build.parallel, "build_one", _dying_build)
    result = CliRunner().invoke(main, ["build", "data", "-o", "ra", "-j", "2"])
    assert result.exit_code == 3
    assert "Lỗi không mong đợi: BrokenProcessPool" in result.output


def test_one_process_reports_each_job_in_order_only_once_written(tmp_path, monkeypatch):
    import tdkt_docs.build.parallel as parallel
    from tdkt_docs.build import collect

    make_data(tmp_path / "data", 5, broken={3})
    jobs = collect([tmp_path / "data"])
    out = tmp_path / "ra"
    written_at_report = []
    for outcome in parallel.outcomes(jobs, out, 1):
        written_at_report.append((outcome.job.stem, outcome.error is None,
                                  [p.is_file() and p.stat().st_size > 0 for p in outcome.written]))
    assert [stem for stem, _, _ in written_at_report] == [j.stem for j in jobs]
    assert [ok for _, ok, _ in written_at_report] == [j.stem != "nam-2025/ke-hoach-03" for j in jobs]
    assert all(all(files) and (files or not ok) for _, ok, files in written_at_report)


def test_a_failed_write_is_the_outcome_of_its_own_job(tmp_path, monkeypatch):
    import tdkt_docs.build.parallel as parallel
    from tdkt_docs.build import collect

    make_data(tmp_path / "data", 4)
    jobs = collect([tmp_path / "data"])
    out = tmp_path / "ra"
    (out / "nam-2026").mkdir(parents=True)
    (out / "nam-2026" / "ke-hoach-02.docx").mkdir()  # a folder where the document should go
    results = {o.job.stem: o for o in parallel.outcomes(jobs, out, 1)}
    assert isinstance(results["nam-2026/ke-hoach-02"].error, OutputError)
    assert [s for s, o in results.items() if o.error is None] == [j.stem for j in jobs if j.stem != "nam-2026/ke-hoach-02"]


def test_a_build_left_half_way_ends_without_hanging(tmp_path):
    """Whoever stops reading the outcomes, and whenever the rest is collected, nothing waits forever."""
    code = (
        "import gc, sys, threading\n"
        "from pathlib import Path\n"
        "from tdkt_docs.build.parallel import outcomes as build_many\n"
        "from tdkt_docs.build import collect\n"
        "jobs = collect([Path(sys.argv[1])])\n"
        "outcomes = build_many(jobs, Path(sys.argv[2]), 1)\n"
        "next(outcomes)\n"
        "cycle = [outcomes]; cycle.append(cycle); del outcomes, cycle  # only the collector can free it\n"
        "t = threading.Thread(target=gc.collect); t.start(); t.join()\n"
        "print('done')\n")
    make_data(tmp_path / "data", 4)
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data"), str(tmp_path / "ra")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "done"


def test_a_job_whose_companion_cannot_be_written_keeps_its_main_document_old(tmp_path):
    """A kế hoạch and its đề cương are written together or not at all."""
    import shutil

    import tdkt_docs.build.parallel as parallel
    from tdkt_docs.build import collect

    data = tmp_path / "data"
    data.mkdir()
    seed = ROOT / "data" / "mau" / "004-cao-bang-75-nam-thi-dua-ai-quoc.yaml"
    shutil.copy(seed, data / seed.name)
    make_data(data, 2)
    out = tmp_path / "ra"
    main = out / "004-cao-bang-75-nam-thi-dua-ai-quoc.docx"
    main.parent.mkdir(parents=True)
    main.write_bytes(b"old")
    (out / "004-cao-bang-75-nam-thi-dua-ai-quoc.de-cuong.docx").mkdir()  # in the way of the companion
    results = {o.job.stem: o for o in parallel.outcomes(collect([data]), out, 1)}
    failed = results["004-cao-bang-75-nam-thi-dua-ai-quoc"]
    assert isinstance(failed.error, OutputError)
    assert failed.written == []
    assert main.read_bytes() == b"old"
    assert [o.error for s, o in results.items() if s.startswith("nam-")] == [None, None]
    assert all(p.stat().st_size > 1000 for o in results.values() for p in o.written)
    assert not list(out.rglob("*.tmp"))
