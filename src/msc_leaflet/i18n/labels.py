"""The words the layout itself prints (the gettext ``ui`` domain).

Each entry is ``key: English source``; the key becomes the ``msgctxt`` so two labels
with the same English text can be translated differently. Placeholders use
``str.format`` names and must survive translation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..content.model import Text

UI_MESSAGES: dict[str, str] = {
    "page-of": "Page {page} of {pages}",
    "references": "References",
    "reference-link": "Reference {number}",
    "call-link": "Call {number}",
    "email-link": "Email {address}",
    "faq": "Frequently asked questions",
    "version": "Version",
    "published": "Published",
    "review-date": "Review date",
    "document-code": "Document",
    "callout.key-answer": "The short answer",
    "callout.plain-terms": "In plain terms",
    "callout.warning": "Safety",
    # Atop the part of a callout that a page break carries to the next page.
    "continued": "{label} (continued)",
    "contact": "Contact us",
    "phone": "Phone",
    "line": "LINE",
    "whatsapp": "WhatsApp",
    "web": "Web",
    "address": "Address",
    "disclaimer": "Please note",
    "more-online": "This leaflet online",
    "audience": "For",
    "notes": "Notes",
    "proof-watermark": "PROOF – not for distribution",
    "proof-heading": "Proof: text not yet translated",
    "proof-intro": "These entries are printed in the source language. Do not approve the "
    "translation until each one is translated and reviewed.",
    "proof-complete": "Every entry is translated.",
    "proof-findings": "Proof: what the checks found",
    "proof-no-findings": "No findings.",
    # Theme option footer-approval: the date of the translation's last required sign-off.
    "translation-approved": "{language} translation approved {date}",
}

# The words a reader hears but no page prints, and what says them: the translator's
# comment (`extract.ui_template`) names where each is heard instead of printed.
HEARD_NOT_PRINTED: dict[str, str] = {
    "reference-link": "Said by a screen reader of a citation's link to its reference entry",
    "call-link": "Said by a screen reader of a link that dials a phone number (a verb: "
    "the link calls the number)",
    "email-link": "Said by a screen reader of a link that writes an email to an address "
    "(a verb: the link opens a new email)",
}

# The words only a proof prints (`layout.proof`): a leaflet handed out never shows them.
PROOF_WORDS = frozenset({
    "proof-watermark", "proof-heading", "proof-intro", "proof-complete", "proof-findings",
    "proof-no-findings",
})  # fmt: skip

# The language UI_MESSAGES are written in: the language a label is printed in when
# its catalog has no translation of it.
UI_LANGUAGE = "en"

UiLookup = Callable[[str, str], str]  # (msgctxt, msgid) -> translation


@dataclass(frozen=True)
class Fallback:
    """Why a label is printed in its English source: its ``ui.po`` entry (``line``, 0
    when there is none) is missing or empty, fuzzy, or its translation fails a check
    (``reason`` says which, and ``column`` where on ``line`` the mistake is typed, 0
    when it is about the whole text)."""

    kind: Literal["untranslated", "fuzzy", "rejected"]
    line: int = 0
    reason: str = ""
    column: int = 0


class Labels:
    """UI strings for one locale; ``lookup`` is the ``ui`` catalog's pgettext.

    ``fallbacks`` are the labels the catalog cannot give, and why; those the layout
    actually prints are collected in `printed_in_source`, so a build names exactly the
    page words a reader sees in English (a proof's watermark is not reported for a
    leaflet that prints none). ``translated`` are the catalog's words the page prints,
    each with its msgstr as ``origin``: a refusal of one names ui.po, not the leaflet."""

    def __init__(
        self,
        lookup: UiLookup | None = None,
        fallbacks: Mapping[str, Fallback] | None = None,
        translated: tuple[Text, ...] = (),
    ) -> None:
        self._lookup = lookup or (lambda _context, message: message)
        self._fallbacks = fallbacks or {}
        self.translated = translated
        self.printed_in_source: dict[str, Fallback] = {}

    def __call__(self, key: str, **values: object) -> str:
        source = UI_MESSAGES[key]
        if key in self._fallbacks:
            self.printed_in_source[key] = self._fallbacks[key]
        text = self._lookup(key, source)
        try:
            return text.format(**values) if values else text
        except (KeyError, IndexError, ValueError):
            return source.format(**values)  # a broken translation must not break the page

    def word(self, key: str) -> str:
        """The word printed for ``key`` (its translation, or its English source where it
        falls back), without counting it as printed: for a stage that must know it
        before the page prints it (the typesetter keeps "เว็บไซต์:" with its address)."""
        return self._lookup(key, UI_MESSAGES[key])

    def will_print(self, *keys: str) -> None:
        """Record ``keys`` as printed before they are drawn: the page furniture draws
        "Page 1 of 4" once the page count is known, after the story (a proof's last
        page) is made, and the proof watermark as each page begins."""
        for key in keys:
            if key in self._fallbacks:
                self.printed_in_source[key] = self._fallbacks[key]

    def falls_back(self, key: str) -> bool:
        """Whether ``key`` is printed in English (`Fallback`) when it is printed."""
        return key in self._fallbacks

    def untranslated(self) -> frozenset[str]:
        """The labels printed as their English source (no translation, or a translation
        the same as the source): a tagged PDF marks them English (`UI_LANGUAGE`).
        Labels with placeholders are left out: they are printed filled in."""
        return frozenset(
            source
            for key, source in UI_MESSAGES.items()
            if "{" not in source and self._lookup(key, source) == source
        )
