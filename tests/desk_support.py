"""Shared by the desk's tests: a copy of the bundled project, and the app over it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OVERDUE_DAY = dt.date(2028, 1, 2)  # after every bundled leaflet's review date (2027-11-01)


def copy_library(tmp_path: Path) -> Path:
    """The bundled leaflets, catalogs and organisations in a project of the test's own."""
    root = tmp_path / "project"
    for folder in ("leaflets", "locales", "organisations"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under ``root`` except the build folder, with mtime and bytes."""
    return {
        str(p.relative_to(root)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file() and "build" not in p.relative_to(root).parts
    }
