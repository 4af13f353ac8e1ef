"""An entry of derived data kept in the user's cache, sealed by its checksum.

The cache keeps compiled code (`cli.dataclass_code`), regular expression programs
(`cli.regex_code`) and parsed data files (`content.yaml_source`) as marshal bytes. A
file damaged inside (a failing disk, a copy cut short and patched) can still read as
marshal: a code object then crashed Python, a program passed `_sre`'s check and
matched wrongly, a data file's words changed, with no word said. Each entry is
therefore kept behind the CRC-32 of its bytes, and one whose bytes no longer match is
a miss, made again. CRC-32 finds every burst of up to 32 flipped bits and all but one
in 4 billion other damages; the cache is no defence against a user's own writes.

The files themselves are read and written here too (`read_marshalled`,
`write_marshalled`), for all three. Standard library only: `dataclass_code` reads its
entries before the package's modules (and their dataclasses) are imported.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from pathlib import Path
from typing import Any
from zlib import crc32

_CHECKSUM = 4  # bytes: the CRC-32 before the entry, big-endian


def seal(data: bytes) -> bytes:
    """``data`` behind its checksum, as kept in a cache file."""
    return crc32(data).to_bytes(_CHECKSUM, "big") + data


def unseal(kept: object) -> bytes | None:
    """The bytes `seal` kept, or ``None`` for anything else: not bytes, an entry of a
    form kept before checksums, or one damaged since."""
    if not isinstance(kept, bytes) or len(kept) < _CHECKSUM:
        return None
    data = kept[_CHECKSUM:]
    return data if crc32(data).to_bytes(_CHECKSUM, "big") == kept[:_CHECKSUM] else None


def read_marshalled(path: Path | None) -> dict[Any, Any]:
    """The values a `write_marshalled` file keeps by name, or none: no file yet, no
    home folder, or a damaged or foreign file. Derived data: a miss only costs the work
    it saves."""
    if path is None:
        return {}
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def write_marshalled(path: Path, values: dict[Any, Any]) -> None:
    """Replace ``path`` whole with ``values`` (marshal's format, bound to this Python:
    name the file by ``sys.implementation.cache_tag``), so that a reader never sees half
    of it. A folder that cannot be written is left as it is: the next run works again."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps(values))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
