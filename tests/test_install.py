"""An installed copy works on its own: the wheel carries its templates, starters and schemas, and
builds every kind in an empty folder far from the repository (pip, pipx, a wheel on a USB stick)."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT, lines

WORDS = {"ke-hoach": [""], "de-cuong": [""], "bao-cao": [""], "to-trinh": [""], "bien-ban": [""],
         "ho-so": [".bien-ban", ".to-trinh", ".quyet-dinh", ".giay-khen"], "quyet-dinh": ["", ".giay-khen"]}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh environment with the wheel installed, and the tdkt command it has."""
    place = tmp_path_factory.mktemp("cai-dat")
    wheels = place / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(wheels), str(ROOT)], check=True, capture_output=True, cwd=place)
    wheel = next(wheels.glob("tdkt_docs-*.whl"))
    env_dir = place / "env"
    venv.create(env_dir, with_pip=False)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    target = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                            check=True, capture_output=True, text=True).stdout.strip()
    # The libraries come from the environment running the tests (no network needed); the program itself
    # only from the wheel, unpacked as pip would.
    with zipfile.ZipFile(wheel) as z:
        z.extractall(target)
    Path(target, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    script = bin_dir / "tdkt"
    script.write_text(f"#!{python}\nfrom tdkt_docs.cli import main\nmain()\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def test_the_wheel_carries_its_data_files(installed):
    wheel = next((installed.parent.parent.parent / "wheel").glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for template in ("ke_hoach", "de_cuong_bao_cao", "bao_cao", "to_trinh", "bien_ban", "quyet_dinh", "giay_khen"):
        assert f"tdkt_docs/kinds/templates/{template}.docx" in names
    for loai in ("ke_hoach", "de_cuong", "bao_cao", "to_trinh", "bien_ban", "ho_so", "quyet_dinh"):
        assert f"tdkt_docs/starters/{loai}.yaml" in names
    assert "tdkt_docs/rules/tien-thuong.yaml" in names  # the reward rules a decision reads
    assert not any(name.startswith("tests/") for name in names)


@pytest.mark.parametrize("word", sorted(WORDS))
def test_installed_copy_builds_every_kind_in_an_empty_folder(installed, word, tmp_path):
    def tdkt(*args):
        done = subprocess.run([str(installed), *args], cwd=tmp_path, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": ""})
        return done.returncode, done.stdout + done.stderr

    code, out = tdkt("new", word, "-o", f"{word}.yaml")
    assert code == 0, out
    first = (tmp_path / f"{word}.yaml").read_text(encoding="utf-8").splitlines()[0]
    schema = first.split("$schema=", 1)[1]
    assert (tmp_path / schema).is_file(), first  # VS Code finds the schema of the installed copy
    code, out = tdkt("build", f"{word}.yaml", "-o", "ra")
    assert code == 0, out
    for suffix in WORDS[word]:
        assert lines(tmp_path / "ra" / f"{word}{suffix}.docx")
    assert str(ROOT) not in out
