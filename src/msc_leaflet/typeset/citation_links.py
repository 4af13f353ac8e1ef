"""Citation superscripts → link annotations to the reference entries they number.

A reader who taps a citation's "3" (pdf.js, Chrome's pdfium) should land on entry 3
of the reference footer of the same page, or, on the page that prints the reference
list and entry 3 whole, on that entry of the list (the page has no note for it:
`layout.footnotes`); a screen reader should find the citation as a link it can
follow. A line is drawn before its page's footer, and only the footer knows which
entries it prints and where, so a line leaves each number it prints here, waiting
(`wait`), and the footer, as it draws an entry, makes the entry's destination and the
link areas of the numbers citing it (`link_entry`).

A number whose entry its page does not print (there is none to go to) gets no
annotation, and its ``Link`` element becomes a ``Span``: a screen reader reads the
number without offering a link that goes nowhere.

Destinations are *named*, so an address can name them as it names a part of a web
page (``leaflet.pdf#ref-smith2019``, or ``#nameddest=…``; pdf.js and Chrome both read
both): each entry of a page's footer is ``ref-<key>@p<page>``, where that page's
citations of it link to (on the list's page, the list's entry has that name too),
and each entry of the reference list at the end is ``ref-<key>``. A key never holds
"@" (the loader takes ``[A-Za-z0-9_:.-]``), so no footer's name is ever a list
entry's. Names are recorded here, with their page and position, and written as the
catalog's name tree once the pages exist (`finishing/destinations.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfdoc import LinkAnnotation, PDFArray, PDFString
from reportlab.pdfgen.canvas import Canvas

from .marked_content import Element, tagger_of
from .placed import Placed

#: What a screen reader says of the link of citation *n* in a text of language *lang*
#: (BCP 47): the words ("Reference 3"), and the language (BCP 47) they are in.
Describe = Callable[[int, str], tuple[str, str]]

# A canvas attribute: the document's `CitationLinks`.
CITATION_LINKS = "_msc_citation_links"

Rect = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class WaitingLink:
    """A number a citation prints on the page being drawn: where (default user space),
    and its ``Link`` element (None on an untagged canvas)."""

    number: int
    rect: Rect
    link: Element | None


@dataclass(frozen=True, slots=True)
class Destination:
    """Where a name leads: a page (its index) and the top left of what is there, in
    default user space."""

    page: int
    left: float
    top: float


@dataclass
class CitationLinks:
    """The numbers the page being drawn prints and waiting for their entries, and the
    document's named destinations, in the order they were made."""

    waiting: list[WaitingLink] = field(default_factory=list)
    named: dict[str, Destination] = field(default_factory=dict)


def list_entry_name(key: str) -> str:
    """The name of reference ``key``'s entry in the list at the end: what an address
    names (``leaflet.pdf#ref-smith2019``)."""
    return f"ref-{key}"


def footer_entry_name(key: str, page: int) -> str:
    """The name of reference ``key``'s entry in the footer of page ``page`` (from 1),
    where that page's citations of it link to."""
    return f"ref-{key}@p{page}"


def name_destination(canvas: Canvas, name: str, x: float, top: float) -> None:
    """Name the point ``x, top`` (the canvas's current coordinates) of the page being
    drawn. A name is given once: the sequential edition prints its reference list in
    each language, and the first (the translation's) keeps the names."""
    named = links_of(canvas).named
    if name not in named:
        left, y = canvas.absolutePosition(x, top)
        named[name] = Destination(canvas.getPageNumber() - 1, left, y)


def citation_marks(items: Sequence[Placed]) -> list[tuple[int, int, int]]:
    """The numbers a citation superscript's clusters ``items`` print, in order, each as
    ``(number, start, end)``: ``items[start:end]`` prints it and the separator after it
    ("1,2" links "1," to entry 1 and "2" to entry 2; "1–3" prints, and links, 1 and 3).
    The digits are the leaflet's own (๓, ၃, ٣): ``int`` reads every decimal digit."""
    marks: list[tuple[int, int, int]] = []
    digits, start, in_number = "", 0, False
    for index, placed in enumerate(items):
        own = "".join(c for c in placed.cluster.text if c.isdecimal())
        if own and not in_number and digits:  # a new number begins: close the last
            marks.append((int(digits), start, index))
            digits, start = "", index
        digits += own
        in_number = bool(own)
    if digits:
        marks.append((int(digits), start, len(items)))
    return marks


def links_of(canvas: object) -> CitationLinks:
    """The document's `CitationLinks`, made on first use."""
    links: CitationLinks | None = getattr(canvas, CITATION_LINKS, None)
    if links is None:
        links = CitationLinks()
        setattr(canvas, CITATION_LINKS, links)
    return links


def wait(canvas: Canvas, number: int, rect: Rect, link: Element | None) -> None:
    """Number ``number``, printed in ``rect`` (the canvas's current coordinates), waits
    for its page's footer to print its entry."""
    absolute = tuple(canvas._absRect(rect, 1))
    links_of(canvas).waiting.append(WaitingLink(number, absolute, link))  # type: ignore[arg-type]


def link_entry(
    canvas: Canvas,
    number: int,
    key: str,
    x: float,
    top: float,
    describe: Describe,
) -> None:
    """Entry ``number`` (of reference ``key``) is printed with its top left at ``x,
    top``: name it, and link each waiting number citing it there. ``describe`` gives
    what a screen reader says of a link, in the language of the text it is in (a
    parallel edition's two columns): "Reference 3"."""
    name = footer_entry_name(key, canvas.getPageNumber())
    name_destination(canvas, name, x, top)
    link_citations(canvas, number, name, describe)


def link_citations(canvas: Canvas, number: int, name: str, describe: Describe) -> None:
    """Link each number waiting on this page that cites entry ``number`` to the
    destination ``name``, and stop it waiting."""
    links = links_of(canvas)
    tagger = tagger_of(canvas)
    for waiting in links.waiting:
        if waiting.number != number:
            continue
        lang = waiting.link.effective_lang() if waiting.link is not None else ""
        words, words_lang = describe(number, lang)
        if waiting.link is not None and words_lang and words_lang != lang:
            # No words in the text's own language (an untranslated sentence's, which no
            # catalog of the build gives): the link is read in the language its
            # description is in, as its number is written in digits any voice reads.
            waiting.link.lang = words_lang
        _link(canvas, words, name, waiting.rect)
        if tagger is not None and waiting.link is not None:
            tagger.annotate(waiting.link, len(canvas._annotationrefs) - 1)
    links.waiting = [waiting for waiting in links.waiting if waiting.number != number]


def _link(canvas: Canvas, contents: str, name: str, rect: Rect) -> None:
    """A link annotation over ``rect`` (default user space) to the destination
    ``name``, with no border. ReportLab's `linkAbsolute` writes every destination out
    explicitly (page and position), which no address can name."""
    annotation = LinkAnnotation(rect, contents, PDFString(name), Border=PDFArray([0, 0, 0]))
    canvas._addAnnotation(annotation)


def page_ended(canvas: object) -> None:
    """The page's footer is drawn: a number still waiting has no entry on its page, and
    so no link; its element is a plain ``Span`` of its citation."""
    links = links_of(canvas)
    for waiting in links.waiting:
        if waiting.link is not None:
            waiting.link.role = "Span"
    links.waiting = []
