"""Localisation: leaflet model × gettext catalog → localised leaflet, and the catalogs' life.

The package follows the data: `extract` (model → template) → `merge` (template ×
translation → updated translation) → `pofile`/`mofile` (files; `wrapping`: GNU's line
wrapping, for a file a tool wrapped) → `translation_checks`
(is a translation safe to print?) → `localizer` (model × catalog → model in the
locale); `labels` are the words the layout itself prints (the ``ui`` domain); `stats`
and `formatting` (dates, numbers, language names) serve the build and the CLI;
`workflow` is the library behind the ``msc-leaflet i18n`` commands (`msc_leaflet.cli.i18n`);
`coverage` tells a catalog that is not its leaflet's (contexts lost, another leaflet's
file), `signoff` records reviews and approvals, `xliff_export` and `xliff_import`
exchange catalogs with agencies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .catalog import catalog_locales
    from .formatting import format_date, format_number, language_name
    from .localizer import (
        localize,
        localize_with_fallbacks,
        page_words,
        reads_fuzzy,
        refused_page_words,
        refused_texts,
        ui_findings,
        ui_labels,
    )

# Imported on first use, so `msc_leaflet.cli.i18n` (and `msc-leaflet --help`) do not
# load Babel's locale data and the catalog machinery.
_HOMES = {
    "catalog_locales": ".catalog",
    "format_date": ".formatting",
    "format_number": ".formatting",
    "language_name": ".formatting",
    "localize": ".localizer",
    "localize_with_fallbacks": ".localizer",
    "page_words": ".localizer",
    "reads_fuzzy": ".localizer",
    "refused_page_words": ".localizer",
    "refused_texts": ".localizer",
    "ui_findings": ".localizer",
    "ui_labels": ".localizer",
}


__getattr__ = lazy_exports(__name__, globals(), _HOMES)


__all__ = [
    "catalog_locales",
    "format_date",
    "format_number",
    "language_name",
    "localize",
    "localize_with_fallbacks",
    "page_words",
    "reads_fuzzy",
    "refused_page_words",
    "refused_texts",
    "ui_findings",
    "ui_labels",
]
