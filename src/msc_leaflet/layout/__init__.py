"""Layout: a localised leaflet → flowables → pages → PDF bytes (ReportLab platypus)."""

from .document import LayoutResult, layout_leaflet

__all__ = ["LayoutResult", "layout_leaflet"]
