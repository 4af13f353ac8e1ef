"""The header that names a PDF the desk hands out (``Content-Disposition``, RFC 6266).

A browser saves a download under the name this header gives; the name itself is
`files.download_name`'s. Old browsers read only the ASCII ``filename``; current ones
prefer ``filename*`` (RFC 5987), the name in UTF-8, so both are sent.
"""

from __future__ import annotations

import re
from urllib.parse import quote

#: Characters a file name keeps in the ASCII ``filename``: nothing that closes the
#: quoted string (``"``, ``\\``), separates parameters (``;``) or ends the header line.
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
#: The stem of a name whose letters were all outside ASCII (a Thai id, one day).
FALLBACK_STEM = "download"


def content_disposition(name: str) -> str:
    """``inline; filename="…"; filename*=UTF-8''…`` for ``name``: shown in the browser's
    PDF viewer (the nurse prints from there), saved under ``name``."""
    return f"inline; filename=\"{ascii_name(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


def ascii_name(name: str) -> str:
    """``name`` with each run of characters outside ASCII letters, digits and ``._-``
    made one ``_``; a stem left without a letter or digit is `FALLBACK_STEM`, so the
    file is never called ``_.pdf`` or ``.pdf`` (hidden on Linux and macOS)."""
    stem, dot, rest = name.partition(".")
    safe_stem = _UNSAFE.sub("_", stem)
    if not re.search(r"[A-Za-z0-9]", safe_stem):
        safe_stem = FALLBACK_STEM
    return safe_stem + dot + _UNSAFE.sub("_", rest)
