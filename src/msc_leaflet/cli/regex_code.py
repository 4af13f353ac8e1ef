"""Regular expressions compiled once, not at every start of the command.

A cold ``msc-leaflet build`` compiles some 260 regular expressions (ours, ReportLab's,
PyYAML's, PyThaiNLP's): Python parses each pattern and writes its matching program
again in every process, about an eighth of the instructions of a cold build
(issue #20), most of it in character classes of non-Latin letters. The program
depends only on the pattern, its flags and the interpreter, so it can be kept, as
`dataclass_code` keeps dataclass methods: `re`'s compiler hands its finished program
to ``_sre.compile``; that call is watched and its arguments kept, by pattern and
flags, in one marshal file a command (`command_of`) in the user's cache folder, read
at start and rewritten at exit when a pattern was new. A kept pattern goes to
``_sre.compile`` straight away, with the arguments the compiler gave it before: the
same object, without the parse.

The file is the interpreter's own (its version and ``_sre.MAGIC`` name it), so no
other Python reads it. Like the folder's other files it is derived data: missing,
damaged or unwritable, it only costs the compilation. Only the command line installs
it (`msc_leaflet.cli`): a program that imports the library keeps ``re`` as it found it.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .dataclass_code import KeptFile

# Where _sre refuses a kept program (a damaged file that still reads as marshal).
_REFUSED = (RuntimeError, TypeError, ValueError, OverflowError)


class _Watched:
    """``_sre`` as `re`'s compiler sees it, but for ``compile``, whose arguments after
    the pattern are noted in ``last``: the compiler reads its other names
    (``MAXREPEAT``, ``unicode_iscased``…) through here at every use."""

    def __init__(self, module: Any) -> None:
        self._module = module
        self.last: tuple[Any, ...] = ()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)

    def compile(self, pattern: Any, flags: int, code: list[int], *names: Any) -> Any:
        # The program's opcodes are named ints, which marshal cannot write: plain ints.
        self.last = (int(flags), [int(word) for word in code], *names)
        return self._module.compile(pattern, flags, code, *names)


def install(cache: Path | None = None) -> None:
    """Compile regular expressions through ``cache`` (default: `cache_file`) from now
    on in this process."""
    compiler = re._compiler  # type: ignore[attr-defined]
    if isinstance(compiler._sre, _Watched):  # installed already
        return
    kept = KeptFile(cache or cache_file(sys.argv))
    real = compiler._sre
    watched = compiler._sre = _Watched(real)
    parse = compiler.compile
    one_at_a_time = threading.Lock()  # ``last`` is the program of the pattern parsed

    def compile_kept(pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
            return parse(pattern, flags)
        key = (pattern, int(flags))
        program = kept.get(key)
        if isinstance(program, tuple):
            try:
                return real.compile(pattern, *program)
            except _REFUSED:
                pass
        with one_at_a_time:
            compiled = parse(pattern, flags)
            kept.put(key, watched.last)
        return compiled

    compiler.compile = compile_kept
    kept.write_at_exit()


def cache_file(argv: Sequence[str] = ()) -> Path | None:
    """The kept programs, per interpreter and ``_sre`` version (a program is written
    for them) and per command (`command_of`); ``None`` for a user without a home
    folder."""
    from ..files import user_cache_dir

    cache = user_cache_dir()
    if cache is None:
        return None
    magic = getattr(re._compiler._sre, "MAGIC", 0)  # type: ignore[attr-defined]
    interpreter = f"{sys.implementation.cache_tag}.{sys.version_info.micro}.{magic}"
    return cache / f"regex.{interpreter}.{command_of(argv)}.bin"


#: A command's name as a file name may hold it.
_COMMAND = re.compile(r"[a-z][a-z0-9-]{0,31}")


def command_of(argv: Sequence[str]) -> str:
    """The command ``argv`` runs (its first word that is no option: the command line's
    options before it are flags), or ``other``. Each command keeps its own programs:
    ``check`` builds patterns for each text it reads (some 9 MB of programs for the
    bundled library), which a ``build`` sharing its file read and held at every start,
    13 MB more at its peak and some 25 ms."""
    word = next((arg for arg in argv[1:] if not arg.startswith("-")), "")
    return word if _COMMAND.fullmatch(word) else "other"
