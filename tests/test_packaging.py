"""The wheel works outside the repository: a clinic installs it and starts its own project.

Builds the sdist, then the wheel from that sdist (so a file missing from either is
caught), installs the wheel with the locked dependencies into a fresh virtual
environment outside the source tree, and builds every bundled leaflet in every locale
from `msc-leaflet init --library msc`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

from conftest import REPO


def run(*args: str | Path, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_the_wheel_installs_and_builds_a_clinics_project(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", dist, REPO, cwd=tmp_path)
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    names = zipfile.ZipFile(wheel).namelist()
    library = "msc_leaflet/data/library/msc/"
    assert f"{library}leaflets/infusion-safety.yaml" in names
    assert f"{library}locales/th/LC_MESSAGES/ui.po" in names
    fonts = "msc_leaflet/data/fonts/"  # the OFL fonts PyPI has no package for, with licence
    assert f"{fonts}noto-sans-cjk/NotoSansCJKsc-Regular.ttf" in names
    assert f"{fonts}noto-sans-myanmar/OFL.txt" in names
    assert not [n for n in names if n.startswith(("tests/", "leaflets/", "locales/"))]

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    lock = REPO / "requirements.lock"
    run(python, "-m", "pip", "install", "-q", "--require-hashes", "-r", lock, cwd=tmp_path)
    run(python, "-m", "pip", "install", "-q", "--no-deps", wheel, cwd=tmp_path)
    tool = env_dir / "bin" / "msc-leaflet"

    home = tmp_path / "clinic-home"
    home.mkdir()
    assert run(tool, "--version", cwd=home).startswith("msc-leaflet ")
    where = run(python, "-c", "import msc_leaflet; print(msc_leaflet.__file__)", cwd=home)
    assert str(env_dir) in where  # the installed wheel, not the source tree
    run(tool, "init", "my-clinic", "--library", "msc", cwd=home)
    summary = run(tool, "build", "-j", "2", cwd=home / "my-clinic")
    pdfs = sorted(p.relative_to(home / "my-clinic" / "build") for p in home.rglob("*.pdf"))
    assert len(pdfs) == 10, summary
    assert {p.parts[0] for p in pdfs} == {"en", "th"}
    assert "10 built, 0 skipped, 0 failed" in summary
    assert sdist.stat().st_size > 0
