"""Standard output and error that can print every message, whatever they were opened with.

Messages quote the user's text: a Thai title, a Burmese key, an Arabic translation. A
stream opened in an encoding that lacks those letters raised `UnicodeEncodeError` for
each (``internal error``, exit 70) wherever the text was printed without Click: the
progress bar on an ASCII terminal (``LC_ALL=C`` with Python's UTF-8 mode off), ``list``
redirected to a file on Windows (cp1252). Click already writes UTF-8 to a stream that
claims ASCII (it takes that for a misconfigured locale); both streams now do the same,
and any other encoding writes what it lacks as ``\\uXXXX`` escapes instead of failing.
"""

from __future__ import annotations

import codecs
import io
import sys


def tolerant_streams() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` unable to fail on a character."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if not isinstance(stream, io.TextIOWrapper):
            continue  # replaced by a test runner or an embedding program: theirs
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
