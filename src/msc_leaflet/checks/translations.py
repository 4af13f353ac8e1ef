"""I18N: translations that cannot be used, and the translation rules of `i18n check`.

A text whose translation is missing, fuzzy or rejected is printed in the source
language; `run_checks` relays what `msc_leaflet.i18n.localize` reports under I18N001.

I18N002–I18N012 are the rules of `msc_leaflet.i18n.translation_checks`, one code each.
They judge one catalog entry (or one catalog), not a leaflet, so nothing here runs them:
`msc-leaflet i18n check` reports them, and `localize` keeps a translation that fails an
error rule off the page. They are declared here so the one registry, ``check --list``
and docs/checks.md name every code the tool prints.
"""

from __future__ import annotations

from ..i18n.translation_checks import RULES
from .registry import declare

declare(
    "I18N001",
    "warning",
    "A translation that cannot be used prints source text; "
    "`msc-leaflet i18n check` has the details.",
    "runner",
    refused_for_print=True,
)
for rule in RULES:
    declare(rule.code, rule.severity, rule.rationale, "catalog")
