"""msc-leaflet: multilingual, print-ready patient leaflets from YAML and gettext catalogs.

The pipeline, one module (or package) per stage:
``yaml_source``/``content`` (YAML → `Leaflet`) → ``i18n`` (leaflet × catalog → localised
leaflet) → ``typeset`` (script-aware text) → ``layout`` (flowables and pages) →
``output`` (atomic, reproducible PDF files). ``build`` ties them together; ``cli`` is a
thin Typer layer over it.
"""

from __future__ import annotations

__version__ = "0.1.0"
