"""ReportLab as ReportLab ships it, on every machine.

ReportLab reads what it is told by the machine when it is first imported: the package
runs ``reportlab_mods`` (a module anywhere on the import path, or
``~/.reportlab_mods``), code that may change anything; its settings
(``reportlab.rl_config``) take a ``reportlab_settings`` module on the import path (the
current folder under ``python -m``) or ``~/.reportlab_settings``, then ``RL_<name>``
environment variables. Some settings change what a leaflet's PDF holds
(``ttfAsciiReadable = 0``: other font subsets; ``uriWasteReduce``: other line breaks in
a reference's address), so a print shop's machine set up for another ReportLab program
made other bytes from the same project. `install` makes the first import of both in
this process see ReportLab's own defaults alone. It is called when ``msc_leaflet`` is
imported, before any part of it imports ReportLab, and costs nothing until ReportLab is
needed. A program that imported ReportLab before ``msc_leaflet`` keeps what it loaded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import Any

#: The modules that read the machine's ReportLab files and variables when imported.
READERS = ("reportlab", "reportlab.rl_config")
#: The modules they look for: never found while they are imported.
MACHINE_MODULES = (
    "reportlab_mods",
    "reportlab.local_rl_mods",
    "reportlab_settings",
    "reportlab.local_rl_settings",
)
#: Where ``~`` leads (POSIX, Windows) meanwhile: a folder that does not exist (Debian
#: keeps /nonexistent for users without a home), so ``~/.reportlab_mods``,
#: ``~/.reportlab_settings`` and ``~/fonts`` are not found.
HOME_VARIABLES = ("HOME", "USERPROFILE")
NO_HOME = os.path.join(os.path.abspath(os.sep), "nonexistent", "msc-leaflet")
ENVIRONMENT_PREFIX = "RL_"


class _Loader:
    """Runs ReportLab's loader with the machine's ReportLab files and variables out of
    its sight (`defaults_only`)."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def __getattr__(self, name: str) -> Any:  # get_source, get_filename, … as ReportLab's
        return getattr(self.loader, name)

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        module: ModuleType | None = self.loader.create_module(spec)
        return module

    def exec_module(self, module: ModuleType) -> None:
        with defaults_only():
            self.loader.exec_module(module)


class _Finder:
    """A ``sys.meta_path`` entry for the `READERS`; removes itself once used."""

    def __init__(self) -> None:
        self.waiting = {name for name in READERS if name not in sys.modules}

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name not in self.waiting:
            return None
        self.waiting.discard(name)
        if not self.waiting and self in sys.meta_path:
            sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)  # type: ignore[assignment]
        return spec


def install() -> None:
    """Import ReportLab, when it is first imported, with its own defaults alone."""
    if any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    finder = _Finder()
    if finder.waiting:
        sys.meta_path.insert(0, finder)  # type: ignore[arg-type]


@contextmanager
def defaults_only() -> Iterator[None]:
    """While the block runs: no ``RL_`` variable, no machine module, a home folder that
    does not exist. Everything is put back afterwards."""
    environ = os.environ
    saved = {
        key: value
        for key, value in environ.items()
        if key.startswith(ENVIRONMENT_PREFIX) or key in HOME_VARIABLES
    }
    modules = {name: sys.modules.get(name) for name in MACHINE_MODULES}
    try:
        for key in saved:
            del environ[key]
        for key in HOME_VARIABLES:
            environ[key] = NO_HOME
        for name in MACHINE_MODULES:
            sys.modules[name] = None  # type: ignore[assignment]  # importing it fails
        yield
    finally:
        for key in HOME_VARIABLES:
            environ.pop(key, None)
        environ.update(saved)
        for name, module in modules.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
