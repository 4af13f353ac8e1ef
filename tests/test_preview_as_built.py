"""`preview` draws an output as it was built: a print file (CMYK, bleed, crop marks, a
paper of its own, --strict) is never replaced by a screen build for a look at it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from msc_leaflet.cli.app import app

PRINT = ["--colour", "cmyk", "--bleed", "3mm", "--crop-marks", "--paper", "a5"]


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout + result.stderr


@pytest.fixture
def root(make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    return make_project()


def build(root: Path, out: Path, *options: str) -> bytes:
    code, said = invoke("build", "sample", "-l", "en", "-p", str(root), "-o", str(out), *options)
    assert code == 0, said
    return (out / "en" / "sample.pdf").read_bytes()


def test_preview_keeps_the_print_file_it_draws(root: Path, tmp_path: Path) -> None:
    """A print shop's file built with --colour cmyk --bleed 3mm was rebuilt as an RGB
    screen PDF by `preview`, and the file about to be sent to the press was gone."""
    out = tmp_path / "out"
    printed = build(root, out, *PRINT)
    code, said = invoke("preview", "sample", "-l", "en", "-p", str(root), "-o", str(out))
    assert code == 0, said
    assert (out / "en" / "sample.pdf").read_bytes() == printed
    assert "--colour cmyk" in said and "--bleed 3mm" in said and "--paper a5" in said
    assert (out / "preview" / "en" / "sample" / "page-01.png").is_file()
    # Out of date, it is built again as it was built: still the print file.
    leaflet = root / "leaflets" / "sample.yaml"
    leaflet.write_text(leaflet.read_text(encoding="utf-8").replace("A sample", "The sample"))
    code, said = invoke("preview", "sample", "-l", "en", "-p", str(root), "-o", str(out))
    assert code == 0, said
    clean = build(root, tmp_path / "clean", *PRINT)
    assert (out / "en" / "sample.pdf").read_bytes() == clean


def test_preview_of_a_screen_build_says_nothing_of_options(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    screen = build(root, out)
    code, said = invoke("preview", "sample", "-l", "en", "-p", str(root), "-o", str(out))
    assert code == 0, said
    assert "--" not in said
    assert (out / "en" / "sample.pdf").read_bytes() == screen


def test_options_not_recorded_are_not_guessed(root: Path, tmp_path: Path) -> None:
    """A record written before the options were kept: a file the default options would
    replace is refused, and kept, with what to do; one they would not is drawn."""
    out = tmp_path / "out"
    printed = build(root, out, *PRINT)
    manifest = out / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    del data["outputs"]["en/sample.pdf"]["options"]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    code, said = invoke("preview", "sample", "-l", "en", "-p", str(root), "-o", str(out))
    assert code == 1, said
    assert "sample.pdf" in said and "msc-leaflet build" in said and "Traceback" not in said
    assert (out / "en" / "sample.pdf").read_bytes() == printed
    assert not (out / "preview").exists()


def test_a_file_never_built_is_built_with_the_default_options(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, said = invoke("preview", "sample", "-l", "en", "-p", str(root), "-o", str(out))
    assert code == 0, said
    assert (out / "en" / "sample.pdf").read_bytes() == build(root, tmp_path / "clean")


def test_a_file_the_manifest_does_not_record_is_not_replaced(root: Path, tmp_path: Path) -> None:
    """A PDF whose record is gone (the manifest deleted, or dropped when a --strict
    rebuild of it failed) has options no one knows: `preview` rebuilt it as a screen
    file. It is kept, and the user told what to do."""
    out = tmp_path / "out"
    printed = build(root, out, *PRINT)
    (out / "manifest.json").unlink()
    code, said = invoke("preview", "sample", "-l", "en", "-p", str(root), "-o", str(out))
    assert code == 1, said
    assert "sample.pdf" in said and "msc-leaflet build" in said and "Traceback" not in said
    assert (out / "en" / "sample.pdf").read_bytes() == printed
    # Deleted, it is built for the preview with the default options.
    (out / "en" / "sample.pdf").unlink()
    code, said = invoke("preview", "sample", "-l", "en", "-p", str(root), "-o", str(out))
    assert code == 0, said
