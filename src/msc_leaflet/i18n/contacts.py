"""The organisation's name and address in the reader's language: the profile × locale.

A profile writes its worded fields once for every language or per language
(`content.wordings`); a leaflet printed in a locale carries the texts its reader reads
(`Organisation.in_locale`). Where that text is not one written for the reader's
language (the plain form, or the leaflet's own language's) and is in another script
than the reader's, the reader cannot read where the clinic is: a Thai clinic's English
leaflet printed its Thai address, an Arabic clinic's Thai leaflet its Arabic name. That
is a warning at the profile's line, read with the translation's own rule
(`written_script.strays`: a kept name such as "EDNA Wellness" is no sentence), but
without what the project declares (`kept_terms`): those are the profile's own names,
the very texts judged here for a reader who may not read their script.
"""

from __future__ import annotations

from ..content.model import WORDED_FIELDS, Organisation, Wording
from ..errors import Finding, Location
from ..project import parent_locales, same_language
from .formatting import english_language_name
from .written_script import strays


def organisation_in(organisation: Organisation, locale: str) -> tuple[Organisation, list[Finding]]:
    """``organisation`` as a ``locale`` reader reads it, and a warning for each worded
    field it prints in another script than the reader's."""
    printed = organisation.in_locale(locale)
    findings = []
    for field in WORDED_FIELDS:
        wording = organisation.printed(field, locale)
        if wording is not None and not _written_for(wording, locale):
            findings += _unreadable(organisation, wording, locale)
    return printed, findings


def _written_for(wording: Wording, locale: str) -> bool:
    """Whether the profile wrote ``wording`` for ``locale``'s readers (or its language's)."""
    return bool(wording.locale) and any(
        same_language(wording.locale, own) for own in [locale, *parent_locales(locale)]
    )


def _unreadable(organisation: Organisation, wording: Wording, locale: str) -> list[Finding]:
    stray = next(strays(wording.value, locale), None)
    if stray is None:
        return []
    key = f"{wording.locale}: text" if wording.locale else "text for every language"
    return [
        Finding(
            Location(organisation.path, wording.line),
            "warning",
            f"the {english_language_name(locale)} ({locale}) leaflets print the "
            f"organisation's {wording.field} in {stray.written_in} (its {key}), "
            "which their readers may not read",
            f"add a line '{locale}: ...' under '{wording.field}' in {organisation.path.name} "
            "with the text its readers read",
        )
    ]
