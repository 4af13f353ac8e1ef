"""Standard output and error that can print every message, whatever they were opened with.

Messages quote the user's text: a Thai title, a Burmese key, an Arabic translation. A
stream opened in an encoding that lacks those letters raised `UnicodeEncodeError` for
each (``internal error``, exit 70) wherever the text was printed without Click: the
progress bar on an ASCII terminal (``LC_ALL=C`` with Python's UTF-8 mode off), ``list``
redirected to a file on Windows (cp1252). Click already writes UTF-8 to a stream that
claims ASCII (it takes that for a misconfigured locale); both streams now do the same,
and any other encoding writes what it lacks as ``\\uXXXX`` escapes instead of failing.

Nor can a reader that goes away stop a command. ``msc-leaflet build | head -1`` closes
the pipe once head has its line: the next progress line raised `BrokenPipeError`, which
ended the build with most PDFs never made, and exit 0; ``check | head`` ended 0 with
errors found. A stream into a pipe or socket now points itself at the null device when
its reader has gone, and the command finishes its work and ends with its own status.
A stream closed before the command started (``>&-``) is the null device.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import stat
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


class _UntilReaderGone(io.RawIOBase):
    """A pipe's write end that, once its reader has gone, writes to the null device."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        return False

    def write(self, data: ReadableBuffer) -> int:
        """All of ``data``, as a buffered stream would: an unbuffered one (``python -u``,
        ``PYTHONUNBUFFERED``) writes through this directly."""
        view = memoryview(data).cast("B")
        try:
            done = 0
            while done < len(view):
                done += os.write(self.fd, view[done:])
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.fd)  # the descriptor too: a worker's print, Python's exit
            os.close(devnull)
        return len(view)


def _into_a_pipe(stream: io.TextIOWrapper) -> bool:
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def _reader_may_go(stream: io.TextIOWrapper) -> io.TextIOWrapper:
    """``stream`` as one that outlives the reader of its pipe (`_UntilReaderGone`)."""
    stream.flush()
    raw = _UntilReaderGone(stream.fileno())
    # Unbuffered under ``python -u`` (PYTHONUNBUFFERED), as the stream it replaces.
    layer: io.BufferedIOBase | io.RawIOBase = raw
    if isinstance(stream.buffer, io.BufferedWriter):
        layer = io.BufferedWriter(raw)
    return io.TextIOWrapper(
        layer, encoding=stream.encoding, errors=stream.errors,  # type: ignore[arg-type]
        line_buffering=stream.line_buffering, write_through=stream.write_through,
    )  # fmt: skip


def _closed_descriptors_filled() -> None:
    """Point standard input, output and error at the null device where they are closed
    (``msc-leaflet build >&-``, a service manager or cron set up so). Python then has no
    ``sys.stdout``: the build ended ``internal error: AttributeError: 'NoneType' object
    has no attribute 'isatty'``, no PDF made. Worse, the next file opened takes the
    lowest free descriptor, 1, so a PDF being written would be standard output for
    whatever prints next. Daemons fill these three descriptors for the same reason."""
    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if getattr(sys, name) is None:
            setattr(sys, name, open(fd, mode, encoding="utf-8", closefd=False))  # noqa: SIM115


def tolerant_streams() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` unable to fail on a character, or on a
    reader that has gone, or on a descriptor closed before the command started."""
    _closed_descriptors_filled()
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if not isinstance(stream, io.TextIOWrapper):
            continue  # replaced by a test runner or an embedding program: theirs
        if _into_a_pipe(stream):
            stream = _reader_may_go(stream)
            setattr(sys, name, stream)
        try:
            encoding = codecs.lookup(stream.encoding).name
        except LookupError:
            encoding = ""
        if encoding.startswith("utf-"):
            continue
        if encoding == "ascii":
            # Keep the error handler (surrogateescape gives undecodable file names back
            # as their bytes); only a strict one could still fail.
            errors = "backslashreplace" if stream.errors == "strict" else stream.errors
            stream.reconfigure(encoding="utf-8", errors=errors)
        elif stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(document: object) -> str:
    """``document`` as the JSON text a command prints: every character as itself (Thai
    is Thai), except a file name's bytes that are no UTF-8 (``\\xff.pdf``, which Python
    holds as the lone surrogate U+DCFF). Printed as themselves, those made the
    document no UTF-8, so no JSON for ``jq`` or ``json.loads``; they are written as
    ``\\udcff`` escapes, which Python's json reads back as `os.fsdecode` gives them."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
