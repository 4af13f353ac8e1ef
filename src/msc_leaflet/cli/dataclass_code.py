"""Dataclass methods compiled once per installation instead of at every start.

Python writes each dataclass's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and a
frozen class's ``__setattr__``/``__delattr__`` as source text and compiles it while the
class's module is imported: some 600 compilations for the 110 dataclasses a build
imports, 40-55 ms and a tenth of the instructions of a cold ``msc-leaflet build``
(issue #20). The text depends only on the class's fields, so its code object can be
kept, as ``__pycache__`` keeps a module's: the `dataclasses` module gets an ``exec``
of its own (module globals come before builtins) that looks the text up in one
marshal file beside the package's bytecode, read at start and rewritten at exit when
a class was new. The text and what runs it are the standard library's, unchanged.

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

#: Where the code objects are kept, per interpreter (marshal's format is version-bound).
CACHE = Path(__file__).parent / "__pycache__" / f"dataclasses.{sys.implementation.cache_tag}.bin"
#: Texts kept at most; past it (classes edited over many versions) the file starts over.
MAX_ENTRIES = 4096


def install(cache: Path = CACHE) -> None:
    """Compile dataclass methods through ``cache`` from now on in this process."""
    if "exec" in vars(dataclasses):  # installed already
        return
    codes = _read(cache)
    known = len(codes)

    def exec_cached(source: Any, globals: Any = None, locals: Any = None) -> None:
        if isinstance(source, str):
            code = codes.get(source)
            if code is None:
                code = codes[source] = compile(source, "<string>", "exec")
            source = code
        builtins.exec(source, globals, locals)  # dataclasses' own text

    dataclasses.exec = exec_cached  # type: ignore[attr-defined]
    if sys.flags.dont_write_bytecode:  # PYTHONDONTWRITEBYTECODE: read only, as for .pyc
        return
    parent = os.getpid()

    def write_if_new() -> None:
        # A forked worker ends without atexit; the check keeps any other child quiet.
        if os.getpid() == parent and len(codes) > known:
            _write(cache, codes)

    atexit.register(write_if_new)


def _read(cache: Path) -> dict[str, CodeType]:
    try:
        loaded = marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):  # none yet, unreadable, damaged
        return {}
    if not isinstance(loaded, dict) or len(loaded) > MAX_ENTRIES:
        return {}
    return loaded


def _write(cache: Path, codes: dict[str, CodeType]) -> None:
    """Replace the file whole, so a reader never sees half of it. Where the package's
    folder cannot be written (a system install), the next start compiles again."""
    temporary = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(exist_ok=True)
        temporary.write_bytes(marshal.dumps(codes))
        os.replace(temporary, cache)
    except OSError:
        temporary.unlink(missing_ok=True)
