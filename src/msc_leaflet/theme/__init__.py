"""The theme: how a leaflet looks (paper, margins, colours, type sizes, paragraph
styles, box padding), as data.

`theme` loads a theme YAML file (the bundled ``data/theme.yaml`` or a project's own)
into a `Theme`; `colours` parses and converts its colours between RGB and CMYK; `styles`
turns its style entries into plain style records; `floor` refuses a theme below the
readability floor (type size, leading, contrast) before any page is laid out with it.
The layout stage reads a `Theme`, never the YAML; a `Theme` holds plain values (colours
as `RGB`/`CMYK`, lengths in points), so none of this needs ReportLab.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .theme import PAPER, Theme, load_theme

# Imported on first use: loading a theme needs PyYAML, which --help does not.
__getattr__ = lazy_exports(
    __name__, globals(), {"PAPER": ".theme", "Theme": ".theme", "load_theme": ".theme"}
)

__all__ = ["PAPER", "Theme", "load_theme"]
