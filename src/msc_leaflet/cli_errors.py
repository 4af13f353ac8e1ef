"""The one place where errors become what a user sees on the command line.

`LeafletError` → its message with file:line:col and hint, exit 1; Ctrl-C → a short
note, exit 130; anything else is an internal error: one line and a hint to rerun with
``--debug`` (which shows the traceback), exit 70. Usage errors are Typer's (exit 2).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from typing import TypeVar

import typer

from .errors import LeafletError

T = TypeVar("T")
_debug = {"on": False}


def set_debug(on: bool) -> None:
    _debug["on"] = on


def run(action: Callable[[], T]) -> T:
    """Run a command body, turning user errors and crashes into one short message."""
    try:
        return action()
    except LeafletError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1) from None
    except BrokenPipeError:  # the reader went away (`… | head`): not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (Python's documented recipe)
        raise typer.Exit(0) from None
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
