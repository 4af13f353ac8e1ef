"""The one place where errors become what a user sees on the command line.

`LeafletError` → its message with file:line:col and hint, exit 1; Ctrl-C → a short
note, exit 130; ``kill`` (SIGTERM) → the same, exit 143; anything else is an internal
error: one line and a hint to rerun with ``--debug`` (which shows the traceback), exit
70. Usage errors are Typer's (exit 2).

SIGTERM's default action ends the process on the spot: no ``finally`` runs, so a
temporary file being written stays behind, and the workers of ``build -j N`` were left
running with nobody to talk to. While a command runs, SIGTERM therefore raises
`Terminated` (a `KeyboardInterrupt`), exactly like Ctrl-C: ``write_atomic`` removes
its temporary file, the worker pool shuts down, and the manifest records what was built.

Pool workers are forked from this process and inherit the handler. Ctrl-C in a terminal
reaches the whole process group: a worker running a job stops it the same way (the
pool hands the exception back to the parent, silently), but an *idle* worker, waiting
in the pool's own code for the next job, ignores the signal: raising there printed a
traceback per worker. A signal sent to the parent alone (``kill PID``) lets the
running jobs finish, then the pool's shutdown ends the workers.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TypeVar

import typer

from ..errors import LeafletError, Location
from ..files import file_error
from ..system_limits import system_failure
from .startup import INTERRUPTED, TERMINATED

T = TypeVar("T")
_debug = {"on": False}


def set_debug(on: bool) -> None:
    _debug["on"] = on


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that cleanup runs on the way out."""


# The process that installed `_on_signal` (forks inherit it), a worker that has already
# been stopped once, and a signal waiting to be raised (see `_on_signal`).
_state = {"pid": 0, "worker_stopped": 0, "pending": 0}
_RETRY_SECONDS = 0.002


def _on_signal(signum: int, frame: FrameType | None) -> None:
    if signum == signal.SIGALRM:  # the retry of a signal deferred below
        signum, _state["pending"] = _state["pending"], 0
        if not signum:
            return
    worker = os.getpid() != _state["pid"]
    if worker and (not _in_a_job(frame) or _state["worker_stopped"] == os.getpid()):
        return  # idle, or already stopping: a second Ctrl-C must not cut its cleanup
    if _swallows_exceptions(frame):
        # Raised there, the interrupt would be printed as "Exception ignored in …" with
        # a traceback and then lost. Try again a moment later, once that code returned.
        _state["pending"] = signum
        signal.setitimer(signal.ITIMER_REAL, _RETRY_SECONDS)
        return
    if worker:
        _state["worker_stopped"] = os.getpid()
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def _in_a_job(frame: FrameType | None) -> bool:
    """Whether a pool worker was interrupted inside this package's code (a job) rather
    than in the pool's loop. The walk stops at the pool's frame: below it lie the frames
    of the parent's call that forked the worker, which are this package's too."""
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("msc_leaflet"):
            return True
        if module == "concurrent.futures.process":
            return False
        frame = frame.f_back
    return False


def _swallows_exceptions(frame: FrameType | None) -> bool:
    """Whether ``frame`` runs where Python or a library prints and drops an exception:
    HarfBuzz (C) calling the glyph-outline pen (``typeset.outlines``), which then also
    finishes the outline without that segment (a broken glyph would be cached); a
    weak reference's callback (a `weakref.WeakKeyDictionary` dropping a collected
    document's entry); an object's ``__del__``."""
    while frame is not None:
        module = frame.f_globals.get("__name__")
        name = frame.f_code.co_qualname
        if module == "msc_leaflet.typeset.outlines" and name.startswith("_PathPen."):
            return True
        if module in ("weakref", "_weakrefset") or name.endswith("__del__"):
            return True
        frame = frame.f_back
    return False


@contextmanager
def interrupts_as_exceptions() -> Iterator[None]:
    """SIGINT and SIGTERM raise in this process, and in forked workers running a job."""
    _state["pid"] = os.getpid()
    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGALRM)
    try:
        previous = {sig: signal.signal(sig, _on_signal) for sig in signals}
    except ValueError:  # not the main thread (a test runner, an embedding app): leave as is
        yield
        return
    try:
        yield
    finally:
        if _state["pending"]:  # a retry we armed; any other timer is not ours to cancel
            signal.setitimer(signal.ITIMER_REAL, 0)
            _state["pending"] = 0
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def working_folder() -> None:
    """Refuse to start in a folder that is gone: a terminal left in a folder another
    command deleted or moved (``rm -rf``, a ``git checkout`` of another branch, a CI
    cleanup). Every relative path is read from it: each command failed as ``internal
    error: FileNotFoundError`` somewhere inside, and ``list`` printed a traceback."""
    try:
        os.getcwd()
    except FileNotFoundError:
        shown = os.environ.get("PWD") or "."
        raise LeafletError(
            Location(Path(shown)),
            "the folder this command runs in no longer exists"
            " (it was deleted or moved after the terminal went into it)",
            "go into the project folder again (cd with its full path), then run the command again",
        ) from None


def run(action: Callable[[], T]) -> T:
    """Run a command body, turning user errors and crashes into one short message."""
    try:
        with interrupts_as_exceptions():
            working_folder()
            return action()
    except LeafletError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1) from None
    except BrokenPipeError:  # the reader went away (`… | head`): not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (Python's documented recipe)
        raise typer.Exit(0) from None
    except Terminated:
        typer.echo(TERMINATED, err=True)
        raise typer.Exit(143) from None
    except KeyboardInterrupt:
        typer.echo(INTERRUPTED, err=True)
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort, typer.BadParameter):
        raise
    except (MemoryError, ImportError) as exc:  # what the machine lacks, not a bug
        lack = system_failure(exc, Path("msc-leaflet"), "this command")  # no file is at fault
        if _debug["on"] or lack is None:
            traceback.print_exc()
            raise typer.Exit(70) from None
        typer.echo(str(lack), err=True)
        raise typer.Exit(1) from None
    except Exception as exc:  # internal error: short report, traceback only on request
        if isinstance(exc, OSError) and output_failed(exc):
            raise typer.Exit(1) from None
        if _debug["on"]:
            traceback.print_exc()
        else:
            typer.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
            typer.echo("  hint: rerun with --debug for the traceback, and report it", err=True)
        raise typer.Exit(70) from None


#: Why writing the command's own output can fail: what a full disk, a quota or a
#: broken device say (`… > report.json` on a full disk, or onto /dev/full).
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def output_failed(exc: OSError) -> bool:
    """Report ``exc`` in one line if it is a failed write of the command's own output,
    and silence that output for the rest of the run; False if it is something else.

    It was ``internal error: OSError: [Errno 28] No space left on device`` (exit 70),
    or a traceback from a command that prints after its `run`. The library's own file
    errors arrive as `LeafletError` naming their file, so an `OSError` without a file
    name and with one of these causes is the stream's. Its descriptor is then pointed at
    the null device, so Python's flush at exit does not fail a second time.
    """
    if exc.filename is not None or exc.errno not in _OUTPUT_ERRNOS:
        return False
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    problem = file_error(Path("standard output"), exc, "write")
    with contextlib.suppress(OSError):  # stderr may be on the same full disk
        typer.echo(str(problem), err=True)
    return True
