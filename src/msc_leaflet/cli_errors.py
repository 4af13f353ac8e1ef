"""The one place where errors become what a user sees on the command line.

`LeafletError` → its message with file:line:col and hint, exit 1; Ctrl-C → a short
note, exit 130; ``kill`` (SIGTERM) → the same, exit 143; anything else is an internal
error: one line and a hint to rerun with ``--debug`` (which shows the traceback), exit
70. Usage errors are Typer's (exit 2).

SIGTERM's default action ends the process on the spot: no ``finally`` runs, so a
temporary file being written stays behind, and the workers of ``build -j N`` were left
running with nobody to talk to. While a command runs, SIGTERM therefore raises
`Terminated` (a `KeyboardInterrupt`), exactly like Ctrl-C: ``write_atomic`` removes
its temporary file, the worker pool finishes the jobs it started and shuts down, and
the manifest records what was built.

Pool workers are forked from this process and inherit the handler. In a worker it does
nothing: Ctrl-C in a terminal reaches the whole process group, and a worker raising
`KeyboardInterrupt` while idle printed a traceback per worker. The parent decides; the
job a worker is running completes (its PDF is written atomically) and the pool's
shutdown then ends the worker.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TypeVar

import typer

from .errors import LeafletError

T = TypeVar("T")
_debug = {"on": False}


def set_debug(on: bool) -> None:
    _debug["on"] = on


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that cleanup runs on the way out."""


_handler_owner = {"pid": 0}  # the process that installed `_on_signal`; forks inherit it


def _on_signal(signum: int, frame: FrameType | None) -> None:
    if os.getpid() != _handler_owner["pid"]:
        return  # a forked pool worker: the parent handles it (see the module docstring)
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


@contextmanager
def interrupts_as_exceptions() -> Iterator[None]:
    """SIGINT and SIGTERM raise in this process, and are ignored by forked workers."""
    _handler_owner["pid"] = os.getpid()
    try:
        previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread (a test runner, an embedding app): leave as is
        yield
        return
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run(action: Callable[[], T]) -> T:
    """Run a command body, turning user errors and crashes into one short message."""
    try:
        with interrupts_as_exceptions():
            return action()
    except LeafletError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1) from None
    except BrokenPipeError:  # the reader went away (`… | head`): not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (Python's documented recipe)
        raise typer.Exit(0) from None
    except Terminated:
        typer.echo("terminated; no partial files were left behind", err=True)
        raise typer.Exit(143) from None
    except KeyboardInterrupt:
        typer.echo("interrupted; no partial files were left behind", err=True)
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort, typer.BadParameter):
        raise
    except Exception as exc:  # internal error: short report, traceback only on request
        if _debug["on"]:
            traceback.print_exc()
        else:
            typer.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
            typer.echo("  hint: rerun with --debug for the traceback, and report it", err=True)
        raise typer.Exit(70) from None
