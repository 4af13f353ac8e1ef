"""Register the bundled font faces with ReportLab, once per process.

Sarabun (from the ``fontpkg-sarabun`` wheel) covers Latin and Thai, so one family
serves every bundled locale and nothing depends on fonts installed on the machine.
Registering is global ReportLab state: it is idempotent and cached per process, so
pool workers each register once. Fonts are `ShapingTTFont` objects, the one font class
that can embed HarfBuzz output with an exact text layer (see ``reportlab_overrides``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from .font_files import SARABUN_FACES, sarabun_dir
from .reportlab_overrides import ShapingTTFont


@dataclass(frozen=True)
class FontFamily:
    """Registered ReportLab font names for the four faces a paragraph may use."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    files: tuple[Path, ...]

    def face(self, bold: bool, italic: bool) -> str:
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        return self.italic if italic else self.regular

    @property
    def names(self) -> tuple[str, str, str, str]:
        return (self.regular, self.bold, self.italic, self.bold_italic)


@cache
def default_family() -> FontFamily:
    """Sarabun, registered under stable names (the names end up in the PDF)."""
    folder = sarabun_dir()
    names: dict[str, str] = {}
    files = []
    for role, filename in SARABUN_FACES.items():
        name = f"Sarabun-{role.replace('_', '')}"
        path = folder / filename
        files.append(path)
        pdfmetrics.registerFont(ShapingTTFont(name, str(path)))
        names[role] = name
    family = FontFamily(**names, files=tuple(files))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping("Sarabun", bold, italic, family.face(bool(bold), bool(italic)))
    return family


def shaping_font(name: str) -> ShapingTTFont:
    """The registered font ``name``; only fonts registered here can carry shaped text."""
    font = pdfmetrics.getFont(name)
    if not isinstance(font, ShapingTTFont):
        raise ValueError(f"font {name!r} was not registered by msc_leaflet.typeset.fonts")
    return font
