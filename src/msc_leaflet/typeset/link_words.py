"""What a screen reader says of a link to a phone or a mailbox (its annotation's /Contents).

A link's /Contents is the description assistive technology reads for the link
(PDF/UA-1 7.18.5). For a web address the address is a fair description, and
`finishing.tagged_pdf` writes it; but the raw target of a phone link, "tel:+66645055599",
was read as "tel colon plus six billion…", in English on a Thai page. A phone link is
described as what it does, in the language of the text it is in, "Call +66 (0) 64 505
5599" ("โทร …"; the ui catalog's ``call-link``), with the number as the page prints it
(a screen reader reads its groups as a reader does); a mail link "Email clinic@…"
(``email-link``); where ``ui.po`` has no translation of the words, the number or the
address alone. The words come from the layout (`layout.editions`), which knows each
language's catalog; the line being drawn asks for them here (`render`), through the
canvas, as a citation's link asks `citation_links` for its words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from ..content.inline import mailto_address, phone_number, tel_link

#: The words for a link of the text of language *lang* (BCP 47): (ui label key, lang,
#: its placeholders' values) → the words, and the language (BCP 47) they are in.
SayLabel = Callable[[str, str, dict[str, str]], tuple[str, str]]

# A canvas attribute: the `SayLabel` of the part of the document being drawn.
LINK_WORDS = "_msc_link_words"


def address_label(url: str, printed: str) -> tuple[str, dict[str, str]] | None:
    """The ui label that describes a link to ``url`` whose text is ``printed``, with its
    values, or None for a link its address describes (a web page). A phone number is
    said as printed where the printed text dials it ("+66 (0) 64 505 5599", and of
    "call the nurse on 02 123 4567" its number), else as dialled (a label that prints
    no number, or a number wrapped over two lines, which prints half on each)."""
    lowered = url.lower()
    if lowered.startswith("tel:"):
        # The direction marks and isolates a right-to-left line sets around the number
        # are no part of what is said.
        shown = "".join(c for c in printed if unicodedata.category(c) != "Cf").strip()
        number = phone_number(shown) if tel_link(shown) == url else url[len("tel:") :]
        return "call-link", {"number": number}
    if lowered.startswith("mailto:"):
        return "email-link", {"address": mailto_address(url)}
    return None


def set_link_words(canvas: object, say: SayLabel | None) -> None:
    """The pages drawn next on ``canvas`` describe their links with ``say``."""
    setattr(canvas, LINK_WORDS, say)


def describe_address(canvas: object, url: str, printed: str, lang: str) -> tuple[str, str] | None:
    """What a screen reader says of the link to ``url`` printed as ``printed`` in a text
    of language ``lang``, and the language of those words; None when the address is its
    own description, or the canvas has no words to say (a page no edition laid out)."""
    say: SayLabel | None = getattr(canvas, LINK_WORDS, None)
    label = address_label(url, printed)
    if say is None or label is None:
        return None
    key, values = label
    words, words_lang = say(key, lang, values)
    if lang and words_lang != lang:
        # No words in the link's language (its ui.po leaves the label untranslated): the
        # number or address alone, which any voice reads, rather than English words in
        # the voice of the line the number is read in, as its label is.
        return values[next(iter(values))], lang
    return words, words_lang
