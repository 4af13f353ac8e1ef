"""Same project, same bytes: what the machine a build runs on may not change in a PDF."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import leaflet_yaml


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


BUILD = [sys.executable, "-m", "msc_leaflet", "build"]


def manifest_of(root: Path, out: Path, cwd: Path, *args: str) -> dict[str, Any]:
    """The manifest of ``build -l th`` of the sample leaflet, run in ``cwd``: Thai has
    no catalog there, so each output records warnings naming files that do not exist."""
    subprocess.run(
        [*BUILD, "-q", "-l", "th", "-p", str(root), "-o", str(out), *args],
        cwd=cwd,
        env=os.environ,
        check="--strict" not in args,  # refused: no catalog
    )
    loaded: dict[str, Any] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return loaded


def test_the_manifest_names_missing_files_from_the_project_wherever_it_ran(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A print shop compares the manifest of its rebuild with the clinic's. A warning
    about a catalog that does not exist yet named it from the folder the build ran in
    (``project/locales/th/...`` from one, ``../locales/th/...`` from another), so the
    same project gave two manifests, and a later build read the record from its own
    folder as a file that is not there."""
    root = make_project()
    above = manifest_of(root, tmp_path / "out-above", tmp_path)
    inside = manifest_of(root, tmp_path / "out-inside", root / "leaflets")
    assert (tmp_path / "out-above" / "manifest.json").read_bytes() == (
        tmp_path / "out-inside" / "manifest.json"
    ).read_bytes()
    warnings = above["outputs"]["th/sample.pdf"]["warnings"]
    assert warnings[0].startswith("locales/th/LC_MESSAGES/sample.po: warning: no th catalog")
    assert inside == above
    # Refused by --strict, the problems listed in the refusal name their files so too.
    for cwd in (tmp_path, root / "leaflets"):
        strict = manifest_of(root, tmp_path / f"strict-{cwd.name}", cwd, "--strict")
        message = strict["failures"]["th/sample.pdf"]["message"]
        assert message.startswith("leaflets/sample.yaml: error: --strict:")
        assert "\n  locales/th/LC_MESSAGES/sample.po: warning: no th catalog" in message
    # Up to date, read back from yet another folder: the record still names the file.
    done = subprocess.run(
        [*BUILD, "--json", "-l", "th", "-p", str(root), "-o", str(tmp_path / "out-above")],
        cwd=root / "organisations",
        capture_output=True,
        text=True,
        check=True,
    )
    (output,) = json.loads(done.stdout)["outputs"]
    assert output["status"] == "skipped"
    assert output["warnings"][0]["file"] == "locales/th/LC_MESSAGES/sample.po"


def test_pictures_do_not_carry_the_projects_folder_into_the_pdf(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """ReportLab names a picture drawn from its file after the file's path, and writes
    that name into the page: the same project copied to another folder (the print
    shop's checkout, a path with spaces and Thai letters) gave other bytes. A PNG with
    transparency, a JPEG and the organisation's logo, each as a screen build draws them
    from the file."""
    import shutil

    from PIL import Image

    from msc_leaflet.build import build_leaflet
    from msc_leaflet.project import Project

    blocks = (
        "- figure: pictures/chart.png\n  alt: A chart.\n"
        "- figure: pictures/room.jpg\n  alt: A room.\n- paragraph: After the pictures.\n"
    )
    root = make_project({"sample": leaflet_yaml(blocks)})
    (root / "pictures").mkdir()
    Image.new("RGBA", (40, 30), (0, 128, 128, 100)).save(root / "pictures" / "chart.png")
    Image.new("RGB", (40, 30), "teal").save(root / "pictures" / "room.jpg")
    Image.new("RGB", (20, 20), "navy").save(root / "pictures" / "logo.png")
    organisation = root / "organisations" / "test-clinic.yaml"
    organisation.write_text(
        organisation.read_text(encoding="utf-8") + "logo: pictures/logo.png\n", encoding="utf-8"
    )
    copy = tmp_path / "print shop" / "ร้านพิมพ์"
    shutil.copytree(root, copy)
    built = [
        build_leaflet(Project.at(folder), "sample", "en", tmp_path / f"out-{n}").path.read_bytes()
        for n, folder in enumerate((root, copy))
    ]
    assert built[0] == built[1]
