"""Shared by the desk's tests: a copy of the bundled project, and the app over it."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from starlette.testclient import TestClient

from msc_leaflet.desk.builds import Builds

REPO = Path(__file__).resolve().parents[1]
OVERDUE_DAY = dt.date(2028, 1, 2)  # after every bundled leaflet's review date (2027-11-01)


def copy_library(tmp_path: Path) -> Path:
    """The bundled leaflets, catalogs and organisations in a project of the test's own."""
    root = tmp_path / "project"
    for folder in ("leaflets", "locales", "organisations"):
        shutil.copytree(REPO / folder, root / folder)
    return root


LOCAL = "http://127.0.0.1"


@contextmanager
def desk_client(project: Path) -> Iterator[TestClient]:
    """The desk over ``project``, on the day every bundled leaflet is overdue. One thread
    builds: the test client shares this process (`serve` uses processes)."""
    from msc_leaflet.desk.app import create_app

    app = create_app(
        project, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"],
        today=lambda: OVERDUE_DAY,
    )  # fmt: skip
    with TestClient(app, base_url=LOCAL) as client:
        yield client


def snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under ``root`` except the build folder, with mtime and bytes."""
    return {
        str(p.relative_to(root)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file() and "build" not in p.relative_to(root).parts
    }


def builds(client: TestClient) -> Builds:
    """The desk's build queue, as a test waits on it."""
    desk_builds: Builds = client.app.state.desk.builds  # type: ignore[attr-defined]
    return desk_builds
