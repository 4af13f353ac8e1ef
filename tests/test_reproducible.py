"""Same project, same bytes: what the machine a build runs on may not change in a PDF."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest


def build(root: Path, out: Path, cwd: Path, **env: str) -> bytes:
    """The PDF of the sample leaflet built by ``python -m msc_leaflet`` in ``cwd``."""
    subprocess.run(
        [sys.executable, "-m", "msc_leaflet", "build", "-q", "-p", str(root), "-o", str(out)],
        cwd=cwd,
        env={**os.environ, **env},
        check=True,
    )
    return (out / "en" / "sample.pdf").read_bytes()


def test_reportlab_settings_of_the_machine_do_not_change_the_bytes(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """ReportLab reads settings from RL_* variables, ~/.reportlab_settings and a
    reportlab_settings module on the import path (the current folder under ``-m``): a
    print shop whose machine is set up for another ReportLab program must still get the
    bytes every other machine makes from the project."""
    root = make_project()
    plain = tmp_path / "plain"
    plain.mkdir()
    expected = build(root, tmp_path / "out-plain", plain)
    home = tmp_path / "home"
    home.mkdir()
    (home / ".reportlab_settings").write_text("ttfAsciiReadable = 0\n", encoding="utf-8")
    here = tmp_path / "here"
    here.mkdir()
    (here / "reportlab_settings.py").write_text("ttfAsciiReadable = 0\n", encoding="utf-8")
    assert build(root, tmp_path / "out-env", plain, RL_ttfAsciiReadable="0") == expected
    assert build(root, tmp_path / "out-home", plain, HOME=str(home)) == expected
    assert build(root, tmp_path / "out-here", here) == expected


@pytest.mark.parametrize("umask", [0o002, 0o077])
def test_new_outputs_take_the_users_umask(
    make_project: Callable[..., Path], tmp_path: Path, umask: int
) -> None:
    """A clinic's shared folder (umask 002: the group may replace what a colleague
    built) or a private one (077): new PDFs and the manifest get the permissions every
    other program gives new files, not 644 whatever the user asked."""
    from msc_leaflet.build.batch import run_batch
    from msc_leaflet.project import Project

    project = Project.at(make_project())
    old = os.umask(umask)
    try:
        run_batch(project, out_dir=tmp_path / "out")
    finally:
        os.umask(old)
    for name in ("en/sample.pdf", "manifest.json"):
        assert (tmp_path / "out" / name).stat().st_mode & 0o777 == 0o666 & ~umask, name
