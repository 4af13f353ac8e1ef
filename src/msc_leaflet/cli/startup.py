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
from types import FrameType

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


def guard_start() -> None:
    """Until a command's `errors.run` takes over (and again once it is done), Ctrl-C and
    SIGTERM end the command with one line and the usual status."""
    if started_as_the_command():
        for sig in ENDINGS:
            signal.signal(sig, _end)
