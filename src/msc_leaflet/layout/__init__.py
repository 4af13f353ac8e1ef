"""Layout: localised leaflets → flowables → pages → PDF bytes (ReportLab platypus)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .document import LayoutResult, layout_leaflet
    from .story import Localised

# Imported on first use: `check` reads the band's rule (`band`) and the QR code's
# (`qr_symbol`) without loading the layout of the body.
__getattr__ = lazy_exports(
    __name__,
    globals(),
    {"LayoutResult": ".document", "layout_leaflet": ".document", "Localised": ".story"},
)

__all__ = ["LayoutResult", "Localised", "layout_leaflet"]
