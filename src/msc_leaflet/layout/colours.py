"""Theme colours (plain RGB and CMYK values) → the ReportLab colours the canvas draws with.

The theme stays free of any drawing engine (`theme/colours.py`); this is the one place
the layout turns its colours into ReportLab objects.
"""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor, Color

from ..theme.colours import CMYK, Colour
from ..theme.theme import OPTIONAL_COLOURS, Theme


def reportlab_colour(colour: Colour) -> Color:
    if isinstance(colour, CMYK):
        return CMYKColor(colour.cyan, colour.magenta, colour.yellow, colour.black)
    return Color(colour.red, colour.green, colour.blue)


def theme_colour(theme: Theme, name: str) -> Color:
    """The theme's colour ``name`` (``"accent"``, ``"rule"``, …), ready to draw with."""
    return reportlab_colour(theme.colour(name))


def small_text_colours(theme: Theme) -> dict[Color, Color]:
    """Each theme colour meant for large text → its colour for small text (`accent` →
    `accent-text`, `theme.OPTIONAL_COLOURS`), for text the layout sets smaller than the
    paragraph it is in: a citation's superscript. A quote is 12 pt in `accent`, on three
    plates in print (C91 M5 K55), as large text may be; its citation, 9 pt in the same
    ink, printed small text on three plates, which misregistration blurs (docs/print.md,
    "Text on one plate"). On screen the two are the same teal, so nothing changes."""
    return {
        theme_colour(theme, large): theme_colour(theme, small)
        for small, large in OPTIONAL_COLOURS.items()
    }
