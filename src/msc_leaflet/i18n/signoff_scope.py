"""What a translation's sign-off covers besides its catalog's msgstrs: every other word,
number and address a reader of that translation reads on its pages.

A clinician approves a leaflet as it is printed. Its catalog holds only the texts a
translator writes; the pages also print that language's ``ui`` words ("References", a
callout's title, "Version"), the document control (code, version, dates), the clinic's
name and contacts (its phone is the emergency number), the address behind the QR code,
each reference's authors, year, journal and DOI, and the pictures: the figures and the
clinic's logo (printed on the first page, it says whose advice this is, as the clinic's
name does; one swapped for another clinic's was printed under the approval). Each of these is one
*page item* here, as (source, as printed), so the proof names the one that changed. Its
name has a colon, which no catalog context has (block ids are slugs, reference titles
``ref/<key>/title``).

Left out, because no reader reads them, so editing them must not send a clinician back:
the desk's words; the ``ui`` words this leaflet never prints; the PDF's keywords (a
catalog's ``keywords/<n>`` entries: metadata a search engine reads, which the claim
checks read in every language); a
block's ``note`` (waivers of claim checks, notes to translators); translators' comments;
the glossary (it judges texts and changes none); ``words.txt`` (it moves line breaks,
never a word: the proof shows where lines break); the theme; the word lists and checks
that judge a translation (data/numbers.yaml, data/units.yaml): what a reader reads of
them is the verdict, printed translated or in the source language, which the
translation's fingerprint holds (`signoff._translation`), so a new unit word for
another language, or one this text does not use, sends no one back.
"""

from __future__ import annotations

from ..content.model import DocumentControl, Figure, Leaflet, Organisation, Reference
from ..project import Project
from .labels import UI_MESSAGES
from .localizer import ui_labels
from .printed_labels import CONTACTS, printed_labels

PageItem = tuple[str, str]  # (what the source or the package writes, what is printed)
NOT_TRANSLATED = ""  # the printed side of an item the page prints as its source writes it
CONTACT_FIELDS = ("name", "address", "phone", "line", "whatsapp", "web")
CITATION_SEPARATOR = "\x1f"  # between a reference's parts: in no part's text
REFERENCE_ITEM = "ref:"
PAGE_WORD_ITEM = "ui:"  # a ``ui`` word: its source is the program's English, not the leaflet's
PICTURE_ITEMS = ("figure:", "organisation:logo")  # named by their file's sha256


def is_page_item(context: str) -> bool:
    """Whether ``context`` names a page item rather than a catalog entry."""
    return ":" in context


def is_translated(context: str) -> bool:
    """Whether ``context`` prints a translation (a catalog entry, a ``ui`` page word)
    rather than what its source writes (a phone number, a DOI, a picture)."""
    return not is_page_item(context) or is_page_word(context)


def is_contact_line(context: str) -> bool:
    """Whether ``context`` names a contact the page prints on a line of its own under
    its label (the clinic's address, phone, LINE, WhatsApp, web address, the leaflet's
    own web page), tagged on the page by `typeset.printed_language.contact_language`."""
    if context == "url":
        return True
    kind, _, key = context.partition(":")
    return kind == "organisation" and key in CONTACTS


def is_page_word(context: str) -> bool:
    """Whether ``context`` names a ``ui`` page word ("References"), whose source text is
    the program's English (`labels.UI_LANGUAGE`) whatever the leaflet is written in."""
    return context.startswith(PAGE_WORD_ITEM)


def page_items(project: Project, leaflet: Leaflet, locale: str) -> dict[str, PageItem]:
    """Every page item of ``leaflet`` printed in ``locale``, by name."""
    return {
        **_page_words(project, leaflet, locale),
        **_document(leaflet.document),
        **_contacts(leaflet.organisation.in_locale(locale)),
        **({"url": (leaflet.url, NOT_TRANSLATED)} if leaflet.url else {}),
        **{
            f"{REFERENCE_ITEM}{ref.key}": (_citation(ref), NOT_TRANSLATED)
            for ref in leaflet.references
        },
        **_pictures(leaflet),
    }


def _page_words(project: Project, leaflet: Leaflet, locale: str) -> dict[str, PageItem]:
    """The ``ui`` words ``leaflet`` prints in any edition (a booklet's "Notes" and the
    approval footer included: a theme setting must not decide what was approved), each
    as printed: its translation, or its English where the catalog cannot give one."""
    labels = ui_labels(locale, project)
    keys = printed_labels(leaflet, footer_approval=True, booklet=True)
    return {f"{PAGE_WORD_ITEM}{key}": (UI_MESSAGES[key], labels(key)) for key in sorted(keys)}


def _document(document: DocumentControl) -> dict[str, PageItem]:
    """The footer's and title block's document control."""
    return {
        "document:code": (document.code, NOT_TRANSLATED),
        "document:version": (document.version, NOT_TRANSLATED),
        "document:published": (document.published.isoformat(), NOT_TRANSLATED),
        "document:next-review": (document.next_review.isoformat(), NOT_TRANSLATED),
    }


def _contacts(organisation: Organisation) -> dict[str, PageItem]:
    """The clinic's name and each contact it prints, as printed in the locale it is
    given in (`Organisation.in_locale`): an edit of the English address leaves the
    Thai approval current when the Thai reader reads a Thai one."""
    return {
        f"organisation:{key}": (value, NOT_TRANSLATED)
        for key in CONTACT_FIELDS
        if (value := getattr(organisation, key))
    }


def _citation(reference: Reference) -> str:
    """What a reference list prints of ``reference`` besides its title (a catalog entry)."""
    parts = [
        *reference.authors, str(reference.year), reference.journal, reference.volume,
        reference.issue, reference.pages, reference.doi, reference.pmid, reference.url,
    ]  # fmt: skip
    return CITATION_SEPARATOR.join(parts)


def item_text(name: str, source: str) -> str:
    """What a reader of the changes is shown of page item ``name``'s ``source`` (kept as
    a sign-off's approved text): a reference's parts as a list prints them, not joined
    by a control character; a picture as the sha256 its approval was bound to (the
    proof prints the picture itself); any other as written."""
    if name.startswith(REFERENCE_ITEM):
        return ", ".join(part for part in source.split(CITATION_SEPARATOR) if part)
    if name.startswith(PICTURE_ITEMS):
        return f"picture file, sha256 {source}"
    return source


def _pictures(leaflet: Leaflet) -> dict[str, PageItem]:
    """Each image printed, by the sha256 of its file: a swapped dosing diagram is read,
    and so is the logo that says which clinic gives this advice."""
    from ..build.fingerprint import file_sha256  # the build's cached hashes, not a second

    logo = leaflet.organisation.logo
    return {
        **({"organisation:logo": (file_sha256(logo), NOT_TRANSLATED)} if logo else {}),
        **{
            f"figure:{block.context or block.id}": (file_sha256(block.path), NOT_TRANSLATED)
            for block in leaflet.blocks
            if isinstance(block, Figure)
        },
    }
