"""The language a text printed as written is tagged and read in: a reference entry,
cited as published, and an organisation's contact, as the clinic wrote it.

Neither is translated, so neither is simply in the page's language: an English
reference in an Arabic leaflet runs left to right, a Thai address on an English page is
Thai, a web address on a Thai page English. One rule for each, which the page (the
reference list, the contact lines) and every view of its changes (the proof's list of
changes, the desk, `i18n review`: `i18n/signoff_changes.written_in`) read, so that a
contact is never tagged one way on the page and another beside its change.
"""

from __future__ import annotations

from ..languages import language_of, profile
from .scripts import LATIN, kept_terms_language, script_of


def reference_language(text: str, source_lang: str) -> str:
    """The language a reference entry's ``text`` is printed and tagged in: the
    leaflet's source language, which it is cited in, unless the entry has no letter of
    that language and has Latin letters: a work published in English. An Arabic
    leaflet's English reference then runs left to right, its full stop after its page
    range, as in a leaflet translated from English. A title translated into a third
    script (the Thai translation of an Arabic leaflet, `ref/<key>/title`) does not make
    the entry the source's: it was laid out right to left and read in an Arabic voice,
    though no word of it was Arabic; its own words are a `Span` in their language."""
    if profile(source_lang).has_letters(text):
        return source_lang
    if any(script_of(char) == LATIN for char in text if char.isalpha()):
        return kept_terms_language(source_lang)
    return source_lang


def contact_language(value: str, written_for: str, page_lang: str) -> str:
    """The language an organisation's contact ``value`` is tagged in on a ``page_lang``
    page: by the contact as published, as a reference entry is (`reference_language`).
    The locale the profile writes it for (`Organisation.printed`: the ``en:`` address a
    Thai leaflet prints for want of a ``th:`` one is English), else the language its
    letters show: a Thai address is Thai on an English page, a Vietnamese one
    Vietnamese (`languages.language_of`), a web address, a LINE id or an English address
    in Latin letters English on a Thai or Arabic page (`kept_terms_language`). A phone
    number, digits alone, is read in the language of its line, as its label is."""
    if written_for:  # zh for a zh_Hans page is the page's own language
        same = profile(written_for).tag == profile(page_lang).tag
        return page_lang if same else written_for
    shown = language_of(value, page_lang)
    return shown if shown != page_lang else reference_language(value, page_lang)
