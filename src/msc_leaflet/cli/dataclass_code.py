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
import contextlib
import dataclasses
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

#: Texts kept at most; past it (classes edited over many versions) the file starts over.
MAX_ENTRIES = 4096


def install(cache: Path | None = None) -> None:
    """Compile dataclass methods through ``cache`` (default: `cache_file`) from now on
    in this process."""
    if "exec" in vars(dataclasses):  # installed already
        return
    codes: dict[str, CodeType] = {}

    def exec_cached(source: Any, globals: Any = None, locals: Any = None) -> None:
        if isinstance(source, str):
            code = codes.get(source)
            if code is None:
                code = codes[source] = compile(source, "<string>", "exec")
            source = code
        builtins.exec(source, globals, locals)  # dataclasses' own text

    dataclasses.exec = exec_cached  # type: ignore[attr-defined]
    cache = cache or cache_file()  # its module's dataclasses are the first compiled here
    known = _read(cache)
    codes.update(known)
    if cache is None or sys.flags.dont_write_bytecode:  # read only, as .pyc files are then
        return
    target, parent = cache, os.getpid()

    def write_if_new() -> None:
        # A forked worker ends without atexit; the check keeps any other child quiet.
        if os.getpid() == parent and len(codes) > len(known):
            _write(target, codes)

    atexit.register(write_if_new)


def cache_file() -> Path | None:
    """The kept code, per interpreter (marshal's format is version-bound); ``None`` for
    a user without a home folder."""
    from ..files import user_cache_dir

    cache = user_cache_dir()  # None without a home folder
    return cache / f"dataclasses.{sys.implementation.cache_tag}.bin" if cache else None


def _read(cache: Path | None) -> dict[str, CodeType]:
    """The kept code. Like `files.read_marshalled`, written again here: this module runs
    before the package's own are imported, on the standard library alone."""
    if cache is None:
        return {}
    try:
        loaded = marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):  # none yet, unreadable, damaged
        return {}
    if not isinstance(loaded, dict) or len(loaded) > MAX_ENTRIES:
        return {}
    # Marshal reads any value: a dictionary of other things (another version's format)
    # would reach `exec` and stop every start. Every entry is checked, as `exec` trusts it.
    if not all(isinstance(k, str) and isinstance(v, CodeType) for k, v in loaded.items()):
        return {}
    return loaded


def _write(cache: Path, codes: dict[str, CodeType]) -> None:
    """Replace the file whole, so a reader never sees half of it. Where the folder
    cannot be written, the next start compiles again."""
    temporary = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps(codes))
        os.replace(temporary, cache)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
