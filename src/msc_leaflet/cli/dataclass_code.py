"""Dataclass methods compiled once, not at every start of the command.

Python writes each dataclass's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and a
frozen class's ``__setattr__``/``__delattr__`` as source text and compiles it while the
class's module is imported: some 600 compilations for the 110 dataclasses a build
imports, 40-55 ms and a tenth of the instructions of a cold ``msc-leaflet build``
(issue #20). The text depends only on the class's fields, so its code object can be
kept, as ``__pycache__`` keeps a module's: the `dataclasses` module gets an ``exec``
of its own (module globals come before builtins) that looks the text up in one
marshal file in the user's cache folder (`files.user_cache_dir`, beside the hashes of
large files), read at start and rewritten at exit when a class was new. The text and
what runs it are the standard library's, unchanged. Like that folder's other files it
is derived data: missing, damaged or unwritable, it only costs the compilation.

Only the command line installs it (`msc_leaflet.cli`): a program that imports the
library keeps the interpreter as it found it.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from msc_leaflet.sealed import (  # absolute: tests load this file alone
    read_marshalled,
    seal,
    unseal,
    write_marshalled,
)

#: Texts kept at most; past it (classes edited over many versions) the file starts over.
MAX_ENTRIES = 4096


def install(cache: Path | None = None) -> None:
    """Compile dataclass methods through ``cache`` (default: `cache_file`) from now on
    in this process."""
    if "exec" in vars(dataclasses):  # installed already
        return
    kept = KeptFile(cache or cache_file())  # its module's classes are the first compiled

    def exec_cached(source: Any, globals: Any = None, locals: Any = None) -> None:
        if isinstance(source, str):
            code = kept.get(source)
            if not isinstance(code, CodeType):
                code = compile(source, "<string>", "exec")
                kept.put(source, code)
            source = code
        builtins.exec(source, globals, locals)  # dataclasses' own text

    dataclasses.exec = exec_cached  # type: ignore[attr-defined]
    kept.write_at_exit()


def cache_file() -> Path | None:
    """The kept code, per interpreter (marshal's format is version-bound); ``None`` for
    a user without a home folder. The entries' form is in the name: msc-leaflet before
    `KeptFile` kept code objects in ``dataclasses.<tag>.bin``, and would run the bytes
    kept now as source text, so the two never share a file."""
    from ..files import user_cache_dir

    cache = user_cache_dir()  # None without a home folder
    return cache / f"dataclasses.{sys.implementation.cache_tag}.2.bin" if cache else None


class KeptFile:
    """What one start of the command compiled, for the next: a marshal file of
    entries (here dataclass methods, `regex_code`'s programs), each marshalled alone,
    so that reading the file at start builds a table of bytes and only the entries
    this start asks for are read in full (a 1 MB file read whole cost 5-8 ms). The
    file is read and written by `sealed`, on the standard library alone: this module
    runs before the package's own are imported."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries = _read(path)
        self.learnt = (
            False  # an entry put since the file was read (new, or in place of a damaged one)
        )

    def get(self, key: Any) -> Any:
        """The entry kept for ``key``; ``None`` if none is, or it cannot be read (never
        run, for a damaged entry that still reads as marshal: `sealed`)."""
        raw = unseal(self.entries.get(key))
        if raw is None:
            return None
        try:
            return marshal.loads(raw)
        except (EOFError, ValueError, TypeError):  # damaged: compiled again
            return None

    def put(self, key: Any, value: Any) -> None:
        self.entries[key] = seal(marshal.dumps(value))
        self.learnt = True

    def write_at_exit(self) -> None:
        """Write the file again when this process ends, if it learnt an entry. Never
        where ``.pyc`` files may not be written, nor from a forked worker (it ends
        without atexit; the check keeps any other child quiet)."""
        if self.path is None or sys.flags.dont_write_bytecode:
            return
        parent = os.getpid()

        def write_if_new() -> None:
            if os.getpid() == parent and self.learnt and self.path:
                write_marshalled(self.path, self.entries)

        atexit.register(write_if_new)


def _read(cache: Path | None) -> dict[Any, Any]:
    """The file's entries, or none where there are too many (classes edited over many
    versions: it starts over) or they are of an older form."""
    loaded = read_marshalled(cache)
    if len(loaded) > MAX_ENTRIES:
        return {}
    if not all(isinstance(entry, bytes) for entry in loaded.values()):  # an older form
        return {}
    return loaded
