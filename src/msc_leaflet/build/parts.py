"""The part of a file an output reads, hashed instead of the whole file.

The settings file is read in part by every build: [checks] (and [i18n] where it reads
sign-offs). Hashed whole, a comment in the settings, or the roles a sign-off needs,
rebuilt every PDF of a print shop's batch into the same bytes.

A part's hash covers all the build takes from the file, and whether the file can be
read at all. A file the build would refuse (a section nothing reads) is hashed whole,
so every edit to it is built, and refused, as a clean build is.

A manifest names a part as its file, ``#`` and the part (``msc-leaflet.toml#checks``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import LeafletError
from ..project import Project, project_settings

SEPARATOR = "#"


@dataclass(frozen=True)
class Part:
    """The part ``name`` (one of `PARTS`) of the file at ``path``."""

    path: Path
    name: str


def _section(name: str) -> Callable[[Project, Path], str]:
    """How the settings' [name] is hashed: every build reads the whole file (a section
    or setting nothing reads is refused), and takes [name] from it."""

    def digest(project: Project, path: Path) -> str:
        try:
            settings = project_settings(project)
        except LeafletError:
            return ""  # refused: the file is hashed whole
        return _sha({name: settings.get(name)})

    return digest


#: Each part, by name, and how its file's part is hashed ("" for a file the build
#: refuses).
PARTS: dict[str, Callable[[Project, Path], str]] = {
    "checks": _section("checks"),
    "i18n": _section("i18n"),
}


def _sha(data: object) -> str:
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def split(recorded: str) -> tuple[str, str | None]:
    """A recorded input's file and part (None: the whole file)."""
    name, separator, part = recorded.rpartition(SEPARATOR)
    return (name, part) if separator and part in PARTS else (recorded, None)


_cache: dict[tuple[str, str, str], str] = {}
CACHE_SIZE = 1024


def part_sha256(project: Project, path: Path, part: str, whole: str) -> str:
    """The hash of ``part`` of the file at ``path``, whose content hash is ``whole``
    (a file the build refuses: ``whole`` itself, marked). Cached by ``whole``, so a
    part is worked out once per content."""
    from .fingerprint import ABSENT, file_sha256  # which imports this

    if whole == ABSENT:
        return ABSENT
    key = (part, str(path), whole)
    found = _cache.get(key)
    if found is None:
        found = PARTS[part](project, path) or f"refused:{whole}"
        if file_sha256(path) != whole:
            return found  # saved while it was read: not the part of ``whole``
        if len(_cache) >= CACHE_SIZE:
            _cache.clear()
        _cache[key] = found
    return found
