"""The content stage: a leaflet YAML file → the typed `Leaflet` model, validated.

One module per step, in the order the data flows: `yaml_source` (YAML text → nodes
that remember file:line:col; untrusted input, so aliases and duplicate keys are
refused) → `loader` (nodes → `model`, every rule of the leaflet format checked) →
`inline` (the inline markup inside a `Text` → styled spans) → `citations` (citation
numbers in reading order, Vancouver entries). Later stages read the model only,
never the YAML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .loader import load_leaflet
    from .model import Leaflet

# Imported on first use: PyYAML is not needed to show `msc-leaflet --help`.
__getattr__ = lazy_exports(__name__, globals(), {"load_leaflet": ".loader", "Leaflet": ".model"})

__all__ = ["Leaflet", "load_leaflet"]
