"""LOAD: the loader's own errors and warnings, shown with the check results.

`run_checks` loads each leaflet before checking it; what the loader reports is relayed
here under a code, so a project can set its severity and `--list` names it.
"""

from __future__ import annotations

from .registry import declare

declare("LOAD001", "error", "A leaflet that does not load cannot be checked or printed.", "runner")
declare("LOAD002", "warning", "Warnings from the loader, shown with the check results.", "runner")
declare(
    "LOAD003",
    "error",
    "A folder under locales/ not named after a language is no locale to check or print.",
    "runner",
)
declare(
    "LOAD004",
    "error",
    "A project theme that does not load: no leaflet can be printed with it.",
    "runner",
)
