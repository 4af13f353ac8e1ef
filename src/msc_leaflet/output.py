"""Write files so that an interrupted run never leaves a half-written one behind.

Every file the tool produces goes to a temporary file in the same directory, is
flushed to disk, then atomically renamed over the target: readers see the old file
or the new one, never a mixture, and a crash leaves the previous version intact.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import LeafletError, Location


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path``; returns False (and leaves the file alone) if unchanged.

    Temp file in the same directory (same filesystem, so ``os.replace`` is atomic),
    flushed and fsynced before the rename, then the directory fsynced so the rename
    itself survives a power cut. Skipping identical content keeps mtimes (and diffs) quiet.
    """
    if path.is_file() and path.read_bytes() == data:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise LeafletError(Location(path), f"cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return True


def output_path(out_dir: Path, locale: str, leaflet_id: str, suffix: str = ".pdf") -> Path:
    """``out_dir/<locale>/<id>.pdf``; ids and locales are validated slugs, so this stays inside."""
    path = (out_dir / locale / f"{leaflet_id}{suffix}").resolve()
    if not path.is_relative_to(out_dir.resolve()):
        raise LeafletError(
            Location(out_dir), f"output name {leaflet_id!r} leaves the output folder"
        )
    return path
