"""What the machine lacks, said as one message: memory, or an install whole enough to
load its native libraries (HarfBuzz, ICU, FreeType, pypdfium2, libyaml).

These are neither a mistake in the input nor a bug to report with a traceback: under
~100 MB of memory (a container's limit, ``ulimit -v``) ICU's shared object could not be
mapped and a build said ``internal error: ImportError: libicuuc….so: failed to map
segment from shared object``. The build's jobs and every command's `cli.errors.run`
ask `system_failure` first, so both say the same words.
"""

from __future__ import annotations

from pathlib import Path

from .errors import LeafletError, Location

#: What a build's job does, in its messages.
BUILD = "making this PDF"

#: What the dynamic loader says when the memory to map a library is not there.
_NO_MEMORY_WORDS = ("failed to map segment", "cannot allocate memory", "out of memory")

#: How a broken install is mended: the README's install command, for a checkout and
#: for a clinic's wheel.
REINSTALL_HINT = (
    "reinstall with the README's command (in a checkout: pip install --require-hashes "
    "-r requirements.lock && pip install --no-deps --no-build-isolation -e .; else pip "
    "install --force-reinstall with the wheel), in a fresh virtual environment"
)

#: What to do when memory runs out; a build is told to run fewer jobs at once too.
MEMORY_HINT = (
    "close other programs, or raise the memory limit (a container's, or ulimit -v);"
    " docs/hardening.md lists what each size of leaflet needs"
)


def memory_hint(what: str) -> str:
    """`MEMORY_HINT`, with the advice on parallel jobs for a build."""
    if what != BUILD:
        return MEMORY_HINT
    return MEMORY_HINT.replace(
        "close other programs,", "close other programs, build one PDF at a time (-j 1),"
    )


def out_of_memory(where: Path, what: str = BUILD) -> LeafletError:
    """The system gave ``what`` too little memory: the computer's limit, not a fault to
    report with a traceback, as ``internal error: MemoryError:`` (with nothing after
    it) said. ``where``: the file being made (or the command's project)."""
    message = f"out of memory: {what} needed more memory than the system gives this process"
    if what == BUILD:
        message += "; no PDF was written"
    return LeafletError(Location(where), message, memory_hint(what))


def system_failure(exc: BaseException, where: Path, what: str = BUILD) -> LeafletError | None:
    """``exc`` as what the machine lacks, or None when it is something else (a bug).

    A `MemoryError`, or an `ImportError` whose loader ran out of memory, is
    `out_of_memory`; any other `ImportError` is a library of the install that cannot
    be loaded (a file missing or from another build), whichever command needed it."""
    if isinstance(exc, MemoryError):
        return out_of_memory(where, what)
    if not isinstance(exc, ImportError):
        return None
    said = " ".join(str(exc).split())  # the loader's words, on one line
    if any(words in said.lower() for words in _NO_MEMORY_WORDS):
        return LeafletError(
            Location(where),
            f"out of memory: a library {what} needs could not be loaded ({said})",
            memory_hint(what),
        )
    return LeafletError(
        Location(where),
        f"the install is broken: a library {what} needs could not be loaded ({said})",
        REINSTALL_HINT,
    )
