"""Ctrl-C or SIGTERM while the command is still loading: one line, not a traceback.

`errors.run` turns an interrupt into a short message once a command runs. Before that,
while Python imports the command's modules (0.2 s, more on a busy machine), Ctrl-C
printed a KeyboardInterrupt traceback through the import machinery and SIGTERM ended
the process without a word. Nothing is written while modules load, so the process
ends there with the message and status `errors.run` gives. Only the ``msc-leaflet``
process itself does this: a program that imports the package keeps its own handlers.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from types import FrameType, TracebackType

INTERRUPTED = "interrupted; no partial files were left behind"
TERMINATED = "terminated; no partial files were left behind"
#: What each signal says and the status it ends with (128 + the signal's number).
ENDINGS = {signal.SIGINT: (INTERRUPTED, 130), signal.SIGTERM: (TERMINATED, 143)}


def started_as_the_command() -> bool:
    """Whether this process is ``msc-leaflet`` (the console script, or
    ``python -m msc_leaflet``), not a program or test runner importing the package."""
    argv = getattr(sys, "orig_argv", sys.argv)
    if "-m" in argv:
        return argv[argv.index("-m") + 1 : argv.index("-m") + 2] == ["msc_leaflet"]
    return Path(sys.argv[0]).stem == "msc-leaflet"


def _end(signum: int, frame: FrameType | None) -> None:
    message, status = ENDINGS[signal.Signals(signum)]
    print(message, file=sys.stderr)
    # SystemExit, not os._exit: it leaves through the import machinery without a
    # traceback, and still flushes what the command printed if it has finished.
    raise SystemExit(status)


def _unloadable(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """An uncaught `ImportError` or `MemoryError` outside `errors.run`, while the command's
    own modules load: under ~30 MB (``ulimit -v``) Python's ``unicodedata`` could not be
    mapped, or a dependency is missing, and a traceback through the import machinery
    was printed. Said as `errors.run` says it (`system_limits`); the interpreter then
    exits with status 1. With ``--debug``, or if even that cannot load, the traceback."""
    if isinstance(value, (ImportError, MemoryError)) and "--debug" not in sys.argv:
        try:
            from ..system_limits import system_failure

            lack = system_failure(value, Path("msc-leaflet"), "this command")
        except BaseException:
            lack = None
        if lack is not None:
            print(str(lack), file=sys.stderr)
            return
    sys.__excepthook__(kind, value, tb)


def guard_start() -> None:
    """Until a command's `errors.run` takes over (and again once it is done), Ctrl-C and
    SIGTERM end the command with one line and the usual status, and so does a library
    that cannot load (`_unloadable`)."""
    if started_as_the_command():
        for sig in ENDINGS:
            signal.signal(sig, _end)
        sys.excepthook = _unloadable
