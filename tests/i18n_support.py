"""Shared by the translator-workflow tests: the CLI runner and a copy of the bundled project."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from msc_leaflet.cli.app import app

ROOT = Path(__file__).parent.parent
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    """Exit code and everything printed (stdout, then stderr)."""
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout + result.stderr


def copy_bundled(tmp_path: Path) -> Path:
    """A copy of the repository's own project (leaflets, catalogs, organisations)."""
    for folder in ("leaflets", "locales", "organisations"):
        shutil.copytree(ROOT / folder, tmp_path / "p" / folder)
    return tmp_path / "p"
