"""The leaflet a batch job builds from, loaded once for the jobs of one leaflet.

A batch builds each leaflet in every locale (and edition), one job after the other in a
worker, and each job loaded the same file again (#20: a 60-leaflet en+th batch loaded
180 times for 120 outputs, 4 % of its CPU). The last leaflet loaded is kept, and the
next job takes it when nothing it was made from has changed since: the leaflet's bytes
(by the hash the job takes before loading, as every job records it), and the files the
loader opened beside it (the organisation profile, the logo, the figures) by their
`file_stamp`, read just after loading, where a job hashes them for the manifest. One
leaflet at a time, so memory stays flat.
"""

from __future__ import annotations

from pathlib import Path

from ..content.model import Leaflet
from ..errors import Finding
from ..files import Stamp, file_stamp
from ..project import Project
from .fingerprint import source_files

_Key = tuple[str, str, str]  # project root, leaflet file, its sha256
_Opened = tuple[tuple[Path, Stamp | None], ...]

_last: tuple[_Key, _Opened, Leaflet, tuple[Finding, ...]] | None = None


def job_leaflet(path: Path, project: Project, sha256: str) -> tuple[Leaflet, list[Finding]]:
    """`load_leaflet` of ``path`` (whose content hashes to ``sha256``), or the leaflet
    the previous job loaded from the same bytes and files. Raises `LeafletError`."""
    from ..content.loader import load_leaflet  # YAML: not for `list`, which imports batch

    global _last
    key = (str(project.root), str(path), sha256)
    if _last is not None:
        last_key, opened, leaflet, findings = _last
        if last_key == key and _stamps([p for p, _ in opened]) == opened:
            return leaflet, list(findings)
    _last = None  # a leaflet that fails to load leaves nothing behind
    leaflet, found = load_leaflet(path, project)
    _last = (key, _stamps(source_files(leaflet)[1:]), leaflet, tuple(found))
    return leaflet, found


def _stamps(paths: list[Path]) -> _Opened:
    """Each file's `file_stamp`, None for one that cannot be read (gone, or not yet)."""
    found: list[tuple[Path, Stamp | None]] = []
    for path in paths:
        try:
            found.append((path, file_stamp(path.stat())))
        except OSError:
            found.append((path, None))
    return tuple(found)
