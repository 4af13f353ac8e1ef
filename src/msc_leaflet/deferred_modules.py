"""Library modules a library imports at its top, run when first used instead.

``reportlab.lib.utils`` (imported whenever ReportLab is) imports ``PIL.Image`` for its
``ImageReader``, and Pillow's image module builds its EXIF and TIFF tag tables as it
loads: 13-15 ms of every cold build, a leaflet with no picture included, which never
reads it. ``reportlab.platypus.paragraph`` imports ``pyphen`` at its top too, for a
paragraph of its own given a hyphenation language (ours never are), and Pyphen lists
and sorts the 84 files of its dictionary folder as it loads (through
``importlib.resources``, which brings in ``zipfile``), though a leaflet whose words
all fit their lines needs none hyphenated (`typeset.hyphenation` asks for it when one
does). `defer_modules` (run
when ``msc_leaflet`` is imported, before anything can import ReportLab) makes each
import bind the module and run it when first used: Pillow's when a picture is drawn or
read, Pyphen's when a word is first hyphenated. Nothing here imports the libraries.
"""

from __future__ import annotations

from .import_hooks import run_when_used

#: Each module run on first use, and why waiting changes nothing.
WHEN_USED = {
    "PIL.Image": "its import defines Pillow's image API and tag tables, nothing else; "
    "ReportLab binds the name at import and reads it only to draw a picture",
    "pyphen": "its import lists its dictionaries, nothing else; ReportLab binds the name "
    "at import and reads it only to hyphenate a paragraph given a hyphenation language, "
    "typeset.hyphenation when a word must be hyphenated",
}


def defer_modules() -> None:
    """Run the `WHEN_USED` modules not imported yet when first used."""
    run_when_used(WHEN_USED)
