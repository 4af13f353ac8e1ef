"""Which of the page's own words (`labels.UI_MESSAGES`) a leaflet handed out prints.

The build learns it as it lays the pages out (`Labels.printed_in_source`); the desk
must know before anything is laid out whether a language is ready, and counted every
word of ``ui.po``: a leaflet that titles each callout was "not ready" because the
callout label nobody prints was untranslated. This is the list the layout prints from
(`layout.story`, `layout.editions`, `layout.pages`); `tests/test_i18n_printed_labels.py`
builds every edition and checks it against what the build reports.
"""

from __future__ import annotations

from ..content.citations import number_citations
from ..content.inline import parse_inline, tel_link
from ..content.model import Callout, Leaflet, texts

# Every page's footer ("Page 1 of 4", version, review date), the title block's
# publication line, the closing box's disclaimer and contact headings.
EVERY_LEAFLET = ("page-of", "version", "published", "review-date", "disclaimer", "contact")
# "Notes" heads the ruled page a booklet is padded with: no other paper prints it.
BOOKLET_ONLY = ("notes",)
# The organisation's contacts, each printed with its label when it has one.
CONTACTS = ("address", "phone", "line", "whatsapp", "web")
# The labels the closing box prints before a value, "Web: example.org" (`layout.story`):
# the typesetter keeps each, as the leaflet prints it, with its value's first character.
BEFORE_A_VALUE = (*CONTACTS, "more-online")


def printed_labels(
    leaflet: Leaflet, *, footer_approval: bool = False, booklet: bool = False
) -> frozenset[str]:
    """The `UI_MESSAGES` keys ``leaflet`` prints in any edition on a sheet of paper
    (A4, A5, the theme's), or with ``booklet`` as a booklet too, a proof's own words
    aside. ``footer_approval``: the theme prints "Thai translation approved …" in the
    footer (`theme.footer_approval`)."""
    words = set(EVERY_LEAFLET + (BOOKLET_ONLY if booklet else ()))
    words.update(key for key in CONTACTS if getattr(leaflet.organisation, key))
    words.update(
        f"callout.{block.kind}"
        for block in leaflet.blocks
        if isinstance(block, Callout) and block.title is None
    )
    # A callout split by a page break opens its part on the next page with its label
    # and "(continued)"; whether one splits is known only when laid out.
    if any(isinstance(block, Callout) for block in leaflet.blocks):
        words.add("continued")
    if leaflet.references:
        words.add("references")
    if number_citations(leaflet):  # heard, not printed: each citation's link names its entry
        words.add("reference-link")
    words.update(_link_words(leaflet))
    if leaflet.url:
        words.add("more-online")
    if footer_approval:
        words.add("translation-approved")
    return frozenset(words)


def _link_words(leaflet: Leaflet) -> set[str]:
    """The words heard, not printed, for the leaflet's phone and mail links ("Call …",
    "Email …": `typeset.link_words`): the closing box links each phone number it prints,
    and a text may link one or a mailbox."""
    org = leaflet.organisation
    targets = {tel_link(number) for number in (org.phone, org.whatsapp) if number}
    targets.update(span.link for text in texts(leaflet) for span in parse_inline(text.value))
    schemes = {target.split(":", 1)[0].lower() for target in targets if ":" in target}
    return {
        key for scheme, key in (("tel", "call-link"), ("mailto", "email-link")) if scheme in schemes
    }
