"""I18N: translations that cannot be used, as `run_checks` sees them through `localize`.

A text whose translation is missing, fuzzy or rejected is printed in the source
language; `run_checks` relays what `msc_leaflet.i18n.localize` reports under I18N001.
"""

from __future__ import annotations

from .registry import declare

declare(
    "I18N001",
    "warning",
    "A translation that cannot be used prints source text; "
    "`msc-leaflet i18n check` has the details.",
    "runner",
)
