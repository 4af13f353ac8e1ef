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


def write_atomic(path: Path, data: bytes) -> None:
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
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def output_path(out_dir: Path, locale: str, leaflet_id: str, suffix: str = ".pdf") -> Path:
    """``out_dir/<locale>/<id>.pdf``; ids and locales are validated slugs, so this stays inside."""
    path = (out_dir / locale / f"{leaflet_id}{suffix}").resolve()
    if not path.is_relative_to(out_dir.resolve()):
        raise LeafletError(
            Location(out_dir), f"output name {leaflet_id!r} leaves the output folder"
        )
    return path
