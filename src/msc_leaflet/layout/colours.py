"""Theme colours (plain RGB and CMYK values) → the ReportLab colours the canvas draws with.

The theme stays free of any drawing engine (`theme/colours.py`); this is the one place
the layout turns its colours into ReportLab objects.
"""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor, Color

from ..theme.colours import CMYK, Colour
from ..theme.theme import Theme


def reportlab_colour(colour: Colour) -> Color:
    if isinstance(colour, CMYK):
        return CMYKColor(colour.cyan, colour.magenta, colour.yellow, colour.black)
    return Color(colour.red, colour.green, colour.blue)


def theme_colour(theme: Theme, name: str) -> Color:
    """The theme's colour ``name`` (``"accent"``, ``"rule"``, …), ready to draw with."""
    return reportlab_colour(theme.colour(name))
