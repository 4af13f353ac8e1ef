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
from collections.abc import Iterator
from contextlib import contextmanager

from .import_hooks import around_first_import

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


def install() -> None:
    """Import ReportLab, when it is first imported, with its own defaults alone."""
    around_first_import(_CONTEXTS)


#: The context each of the `READERS` is first imported in.
_CONTEXTS = dict.fromkeys(READERS, defaults_only)
