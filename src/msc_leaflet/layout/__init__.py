"""Layout: localised leaflets → flowables → pages → PDF bytes (ReportLab platypus)."""

from .document import LayoutResult, layout_leaflet
from .story import Localised

__all__ = ["LayoutResult", "Localised", "layout_leaflet"]
