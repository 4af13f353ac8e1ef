"""Library modules a library imports at its top, run when first used instead.

``reportlab.lib.utils`` (imported whenever ReportLab is) imports ``PIL.Image`` for its
``ImageReader``, and Pillow's image module builds its EXIF and TIFF tag tables as it
loads: 13-15 ms of every cold build, a leaflet with no picture included, which never
reads it. `defer_modules` (run when ``msc_leaflet`` is imported, before anything can
import ReportLab) makes that import bind the module and run it when a picture is first
drawn or read. Nothing here imports the libraries.
"""

from __future__ import annotations

from .import_hooks import run_when_used

#: Each module run on first use, and why waiting changes nothing.
WHEN_USED = {
    "PIL.Image": "its import defines Pillow's image API and tag tables, nothing else; "
    "ReportLab binds the name at import and reads it only to draw a picture",
}


def defer_modules() -> None:
    """Run the `WHEN_USED` modules not imported yet when first used."""
    run_when_used(WHEN_USED)
