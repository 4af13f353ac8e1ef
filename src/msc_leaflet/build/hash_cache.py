"""SHA-256 of large input files (fonts), kept between processes.

Every output records the hash of every font of the theme, and every process used to
compute them again: 20 MB, of which the CJK font is 17 MB, 35-45 ms of each cold build,
of ``list`` and of a no-op rebuild (issue #20). The hash of a file at least
`MIN_BYTES` long, or of a font of any size (`KEPT_SUFFIXES`), is kept in the user's
cache folder under its path, with its size, inode and modification and change times,
and reused while all four are unchanged (what ``git status`` trusts too; the change
time cannot be set back by ``touch`` or ``cp -p``). A hash taken within
`SETTLE_SECONDS` of the file's last change is not kept: the file may still be being
written within the same timestamp.

The hash of a part of a file (`parts`: the words of a ``ui.po`` that a PDF prints) is
kept too, under the file's content hash: a no-op rebuild would otherwise parse every
language's catalog.

The stores are derived data: unreadable or unwritable, they are ignored.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from pathlib import Path

from ..files import Stamp, file_stamp, user_cache_dir

MIN_BYTES = 256_000
#: Files kept whatever their size: fonts. The theme's eight fonts under `MIN_BYTES`
#: (Sarabun, Myanmar, Lao: 0.8 MB) were hashed again by every process, 23 M (0.6 %)
#: of the instructions of a cold EN+TH build (#20). A theme names ~20 fonts, which change
#: rarely, so they neither crowd the store nor rewrite it; a catalog or a leaflet,
#: edited all day and numbering thousands in a batch, would do both.
KEPT_SUFFIXES = (".ttf",)
SETTLE_SECONDS = 2.0
#: Entries kept: a project's fonts are ~20 files; the store is rewritten whole.
MAX_ENTRIES = 256

_loaded: dict[str, tuple[Stamp, str]] | None = None


def store_path(name: str = "file-hashes.json") -> Path | None:
    cache = user_cache_dir()
    return cache / name if cache is not None else None


PARTS_FILE = "part-hashes.json"
_parts: dict[str, str] | None = None


def _part_entries() -> dict[str, str]:
    global _parts
    if _parts is None:
        _parts = {}
        path = store_path(PARTS_FILE)
        with contextlib.suppress(OSError, ValueError, TypeError, AttributeError, RecursionError):
            if path is not None:
                data = json.loads(path.read_text(encoding="utf-8"))
                _parts = {str(key): str(digest) for key, digest in data.items()}
    return _parts


def stored_part(key: str) -> str | None:
    """The kept hash of the part ``key`` names (its file's content hash among it)."""
    return _part_entries().get(key)


def keep_part(key: str, digest: str) -> None:
    """Remember ``digest`` for the part ``key`` names."""
    entries = _part_entries()
    if entries.get(key) == digest:
        return
    entries[key] = digest
    while len(entries) > MAX_ENTRIES:
        del entries[next(iter(entries))]
    _write(store_path(PARTS_FILE), entries)


def _entries() -> dict[str, tuple[Stamp, str]]:
    global _loaded
    if _loaded is None:
        _loaded = {}
        path = store_path()
        try:
            if path is None:  # no home folder: nothing kept
                return _loaded
            data = json.loads(path.read_text(encoding="utf-8"))
            for name, (size, inode, mtime, ctime, digest) in data.items():
                _loaded[name] = ((int(size), int(inode), int(mtime), int(ctime)), str(digest))
        except (OSError, ValueError, TypeError, AttributeError, RecursionError):
            pass  # missing or damaged: start again
    return _loaded


def stored_hash(path: Path, stat: os.stat_result) -> str | None:
    """The kept hash of ``path`` if the file has not changed since it was taken."""
    if not _kept(path, stat):
        return None
    found = _entries().get(str(path))
    return found[1] if found and found[0] == file_stamp(stat) else None


def _kept(path: Path, stat: os.stat_result) -> bool:
    """Whether the hash of ``path`` is kept between processes: large, or a font."""
    return stat.st_size >= MIN_BYTES or path.suffix.lower() in KEPT_SUFFIXES


def keep_hash(path: Path, stat: os.stat_result, digest: str) -> None:
    """Remember ``digest`` for ``path`` as it was at ``stat`` (large files and fonts,
    settled)."""
    if not _kept(path, stat) or time.time() - max(stat.st_mtime, stat.st_ctime) < SETTLE_SECONDS:
        return
    entries = _entries()
    entries[str(path)] = (file_stamp(stat), digest)
    while len(entries) > MAX_ENTRIES:
        del entries[next(iter(entries))]
    data = {name: [*stamped, digest] for name, (stamped, digest) in entries.items()}
    _write(store_path(), data)


def _write(target: Path | None, data: object) -> None:
    """``data`` as JSON at ``target``, written aside and renamed."""
    if target is None:
        return
    scratch = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: parallel workers may write it at the same time.
        handle, scratch = tempfile.mkstemp(dir=target.parent, suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, sort_keys=True)
        os.replace(scratch, target)
    except OSError:  # no writable cache, a full disk: hash again next time
        if scratch is not None:
            with contextlib.suppress(OSError):
                os.unlink(scratch)
