"""Debian's translate-toolkit, the XLIFF reader and writer of Pootle, Virtaal and
Weblate, as the XLIFF tests run it: its commands, and its Python library in the Python
those commands run under (not this venv's). ``None`` when it is not installed; the
tests then skip and say so (`apt-get install translate-toolkit`, on .ci/run's list)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., str]


def toolkit(command: str) -> Run | None:
    """``command`` (xliff2po, po2xliff, pretranslate…) as a function of its arguments,
    returning what it printed; it must succeed."""
    path = shutil.which(command)
    if path is None:
        return None

    def run(*args: str) -> str:
        done = subprocess.run(
            [path, "--progress=none", *args], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout + done.stderr

    return run


def toolkit_python() -> Run | None:
    """A function running a script with translate-toolkit's library importable."""
    command = shutil.which("xliff2po")
    if command is None:
        return None
    first = Path(command).read_text(encoding="utf-8", errors="replace").splitlines()[0]
    python = first.removeprefix("#!").strip().split()[0] if first.startswith("#!") else ""
    if not python or not Path(python).is_file():
        return None

    def run(script: str) -> str:
        done = subprocess.run([python, "-c", script], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    return run
