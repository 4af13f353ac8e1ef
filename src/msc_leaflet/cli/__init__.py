"""The command line: argument parsing and rendering over the library, nothing else.

`app` is the ``msc-leaflet`` command (``main`` is the console script) with ``build``,
``preview``, ``list``, ``new``, ``init`` and ``manifest merge``; `check` and `i18n` are
the commands of those stages. `errors` renders every error once, at this edge, and
owns Ctrl-C and SIGTERM; `streams` lets stdout and stderr print any text; `options`
holds the options several commands share; `progress` prints what a batch build did.
`list` and `new` are the small libraries behind ``msc-leaflet list`` and
``new``/``init``.

Every module here stays cheap to import (``msc-leaflet --help`` loads them all): the
pipeline's modules (ReportLab, HarfBuzz, ICU, Babel) are imported inside the commands.
This package deliberately re-exports nothing: ``msc_leaflet.cli.app`` is a module, and
a re-exported Typer ``app`` of the same name would be replaced by it on first import.
`startup` guards the seconds while the modules load; `dataclass_code` and
`regex_code` are installed next, so that the dataclasses the commands import reuse
their compiled methods, and their regular expressions their compiled programs.
"""

from .startup import guard_start

guard_start()  # first: an interrupt while the rest loads is one line, not a traceback

from . import dataclass_code, regex_code  # noqa: E402 (after the guard, on purpose)

dataclass_code.install()  # before the commands import the pipeline's dataclasses
regex_code.install()  # and before they compile their regular expressions
