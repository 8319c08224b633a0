"""The same input gives byte-identical DOCX files, in one process or in two, whenever it runs,
so a clerk's version control shows real changes only."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile

from badinput import ROOT, TDKT, VALID, run_cli, snapshot

DATA = ROOT / "data"


def test_build_twice_in_one_process(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_cli("build", str(DATA), "-o", "mot").exit_code in (0, 1)
    assert run_cli("build", str(DATA), "-o", "hai").exit_code in (0, 1)
    first, second = snapshot(tmp_path / "mot"), snapshot(tmp_path / "hai")
    assert [k for k in first if k.endswith(".docx")], "no document was built from data/"
    assert first == second


def test_build_in_two_processes_with_different_hash_seeds(tmp_path):
    outs = []
    for seed, folder in (("1", "mot"), ("2", "hai")):
        proc = subprocess.run([str(TDKT), "build", str(DATA), "-o", folder], cwd=tmp_path, capture_output=True,
                              text=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert "Traceback" not in proc.stderr
        outs.append(snapshot(tmp_path / folder))
    assert outs[0] == outs[1]


def test_no_clock_in_the_file(tmp_path, monkeypatch):
    """Zip entry times are fixed and the document properties carry the document's own date."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.yaml").write_text(VALID, encoding="utf-8")
    assert run_cli("build", "x.yaml", "-o", "out").exit_code == 0
    with zipfile.ZipFile(tmp_path / "out" / "x.docx") as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
        names = z.namelist()
    stamps = re.findall(r"<dcterms:(created|modified)[^>]*>([^<]*)<", core)
    assert stamps == [("created", "2026-01-05T00:00:00Z"), ("modified", "2026-01-05T00:00:00Z")]
    assert "<dc:title>Kế hoạch - Tổ chức phong trào thi đua năm 2026</dc:title>" in core
    # Entries in the template's order, each once.
    with zipfile.ZipFile(ROOT / "tdkt_docs" / "kinds" / "templates" / "ke_hoach.docx") as t:
        assert names == t.namelist()


def test_timestamp_of_the_run_does_not_matter(tmp_path, monkeypatch):
    """Run with the clock set far apart (time.time and time.localtime patched inside the process)."""
    script = (
        "import sys, time\n"
        "offset = float(sys.argv[1])\n"
        "real_time, real_local = time.time, time.localtime\n"
        "time.time = lambda: real_time() + offset\n"
        "time.localtime = lambda t=None: real_local((real_time() if t is None else t) + offset)\n"
        "from tdkt_docs.cli import main\n"
        "main(['build', 'x.yaml', '-o', sys.argv[2]])\n")
    (tmp_path / "x.yaml").write_text(VALID, encoding="utf-8")
    for offset, folder in (("0", "nay"), ("315360000", "muoi-nam-sau")):
        proc = subprocess.run([sys.executable, "-c", script, offset, folder], cwd=tmp_path, capture_output=True,
                              text=True)
        assert proc.returncode == 0, proc.stderr
    assert snapshot(tmp_path / "nay") == snapshot(tmp_path / "muoi-nam-sau")
