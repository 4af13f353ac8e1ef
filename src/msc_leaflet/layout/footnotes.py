"""Reference footers: each page lists, at its foot, the references cited on it.

ReportLab has no footnotes. `ReferenceFrame` reserves room at the bottom of the body
frame *before* placing each flowable: the footer height for the references already
on the page plus those the flowable cites. If the flowable does not fit above that,
it goes to the next page (or is split, each part again reporting only its own
citations), so body text and footer can never overlap, in one layout pass. Nor may a
flowable below the top of a page make the footer taller than `MAX_SHARE` of it.

Each entry drawn is where the page's citations of it link to (`citation_links`), and
each entry of the reference list at the end, placed in a frame here, is named too.

A page that prints an entry of the reference list whole has no note for that work:
the note would print the same entry a second time, a few lines below the first, and
take the room of body text (what-msc-can-do, Thai parallel A4: 40 pt, and a sixth
page). The page's citations of it link to the list's entry instead, on their page.
A list entry cut by the page (its rest on the next) is not printed whole: its work
keeps its note.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepTogether, Table
from reportlab.platypus.frames import _FUZZ

from ..i18n.labels import UI_LANGUAGE
from ..languages import bcp47
from ..typeset import cited_numbers
from ..typeset.citation_links import (
    Describe,
    footer_entry_name,
    link_citations,
    link_entry,
    list_entry_name,
    name_destination,
    page_ended,
)
from ..typeset.marked_content import drawing, tagger_of

RULE_GAP = 5.0  # points between the body and the footer rule, and rule to first entry
# A footer may grow past this share of the frame only for the first flowable of a page
# (it is then reported, LAYOUT003); any later one that would push it past starts the next.
MAX_SHARE = 0.45


def flowable_citations(flowable: Flowable) -> set[int]:
    """Citation numbers anywhere inside ``flowable`` (paragraphs, tables, containers)."""
    # cited_numbers, not hasattr(flowable, "frags"): that makes the fragments of every
    # remainder of a long paragraph, once per page.
    found = cited_numbers(flowable)
    children: list[object] = []
    if isinstance(flowable, Table):
        for row in flowable._cellvalues:
            for cell in row:
                children.extend(cell if isinstance(cell, (list, tuple)) else [cell])
    children.extend(getattr(flowable, "_content", []) or [])
    for child in children:
        if isinstance(child, Flowable):
            found |= flowable_citations(child)
    return found


def _reference_number(number: int, _lang: str) -> tuple[str, str]:
    return f"Reference {number}", UI_LANGUAGE


class PageReferences:
    """The footer entries of the current page, and their measured heights.

    ``describe`` names a citation's link to entry *n* for a screen reader, in the
    language (BCP 47) of the text it is in ("Reference 3": the ui catalog's
    ``reference-link``)."""

    def __init__(
        self,
        entries: dict[int, Flowable],
        width: float,
        describe: Describe = _reference_number,
    ) -> None:
        self.entries = entries
        self.width = width
        self.describe = describe
        self.on_page: set[int] = set()
        self.listed: set[int] = set()  # works the page's reference list prints whole
        self._numbers = {getattr(e, "reference_key", ""): n for n, e in entries.items()}
        self._heights: dict[int, float] = {}
        self.overflows: list[int] = []  # page numbers whose footer was taller than MAX_SHARE

    def new_page(self) -> None:
        """A page begins: no work is cited on it, nor listed."""
        self.on_page = set()
        self.listed = set()

    def list_printed(self, key: str) -> None:
        """The reference list prints reference ``key``'s entry whole on this page: the
        page needs no note for it (see the module's docstring)."""
        if key in self._numbers:
            self.listed.add(self._numbers[key])

    def height_once_listed(self, numbers: Iterable[int], keys: Iterable[str]) -> float:
        """`height` once the reference list has printed the entries of ``keys`` whole
        on this page too: the room a list's entries give back below them."""
        saved = self.listed
        self.listed = saved | {self._numbers[key] for key in keys if key in self._numbers}
        try:
            return self.height(numbers)
        finally:
            self.listed = saved

    def notes(self, numbers: Iterable[int]) -> list[int]:
        """Those of ``numbers`` this page's footer prints: every work that has an
        entry, but one its reference list prints."""
        return sorted(n for n in set(numbers) if n in self.entries and n not in self.listed)

    def height(self, numbers: Iterable[int]) -> float:
        chosen = self.notes(numbers)
        if not chosen:
            return 0.0
        return 2 * RULE_GAP + sum(self._height_of(n) for n in chosen)

    def _height_of(self, number: int) -> float:
        if number not in self._heights:
            entry = self.entries[number]
            _, h = entry.wrap(self.width, 10_000)
            self._heights[number] = h + entry.getSpaceAfter()
        return self._heights[number]

    def draw(self, canvas: Canvas, x: float, y: float, rule_colour: object) -> None:
        """Draw this page's entries upward from ``y`` (the frame's bottom), each the
        destination of the page's citations of it."""
        try:
            self._draw(canvas, x, y, rule_colour)
            self._link_listed(canvas)
        finally:
            page_ended(canvas)

    def _link_listed(self, canvas: Canvas) -> None:
        """The page's citations of a work its reference list prints lead to the list's
        entry, named for this page as a footer's entry is (`ReferenceFrame._name_entry`)."""
        page = canvas.getPageNumber()
        for n in sorted(self.listed):
            key = self.entries[n].reference_key
            link_citations(canvas, n, footer_entry_name(key, page), self.describe)

    def _draw(self, canvas: Canvas, x: float, y: float, rule_colour: object) -> None:
        numbers = self.notes(self.on_page)
        if not numbers:
            return
        top = y + self.height(numbers) - RULE_GAP
        canvas.saveState()
        canvas.setStrokeColor(rule_colour)
        canvas.setLineWidth(0.5)
        canvas.line(x, top, x + min(60.0, self.width), top)
        canvas.restoreState()
        cursor = top - RULE_GAP
        tagger = tagger_of(canvas)
        for n in numbers:
            entry = self.entries[n]
            _, h = entry.wrap(self.width, 10_000)
            note = None
            if tagger is not None:  # a Note, read after the body of its page
                lang = bcp47(getattr(entry, "lang", ""))
                note = tagger.part.add("Note", lang=lang, element_id=f"note-{tagger.page + 1}-{n}")
            with drawing(canvas, note):
                entry.drawOn(canvas, x, cursor - h)
            link_entry(canvas, n, entry.reference_key, x, cursor, self.describe)
            cursor -= self._height_of(n)


class ReferenceFrame(Frame):  # type: ignore[misc]
    """A body frame whose usable bottom rises with the page's reference footer."""

    _y1p: float  # Frame's usable bottom (frame bottom + padding), which Frame._add reads

    def __init__(
        self,
        *args: object,
        references: PageReferences,
        on_place: Callable[[Flowable, float], None] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.references = references
        self.on_place = on_place  # told of each flowable placed, with the y of its top

    def __deepcopy__(self, memo: dict[int, object]) -> ReferenceFrame:
        # ReportLab deep-copies the current frame to measure KeepTogether groups; a
        # default deep copy would also copy the footer entries and, through the bound
        # ``on_place``, the page furniture. A measuring copy never places anything.
        clone = copy.copy(self)
        clone.__dict__.update(
            {
                k: copy.deepcopy(v, memo)
                for k, v in self.__dict__.items()
                if k not in ("references", "on_place")
            }
        )
        return clone

    def _bottom_for(self, numbers: set[int]) -> float:
        base = self._y1 + self._bottomPadding
        return float(base + self.references.height(self.references.on_page | numbers))

    def _crowds(self, numbers: set[int]) -> bool:
        """Whether notes for ``numbers`` would push a page that already holds something
        past `MAX_SHARE`: the flowable citing them then starts the next page. Forty short
        paragraphs citing a study each filled a page's foot with notes, and LAYOUT003's
        hint (cite fewer, split the paragraph) could not help. At the top of a page the
        flowable is placed (another page would not give it more room) and reported."""
        if self._atTop or not set(self.references.notes(numbers)) - self.references.on_page:
            return False
        footer = self.references.height(self.references.on_page | numbers)
        return bool(footer > MAX_SHARE * self._height)

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        numbers = flowable_citations(flowable)
        if self._crowds(numbers):
            return 0
        saved = self._y1p
        self._y1p = self._bottom_for(numbers)
        top = self._y
        if Frame._add(self, flowable, canv, trySplit):
            self.references.on_page |= numbers
            self._name_entry(flowable, canv, top)
            self._note_overflow(canv)
            if self.on_place:
                self.on_place(flowable, top)
            return 1
        self._y1p = saved
        return 0

    def _name_entry(self, flowable: Flowable, canv: Canvas, top: float) -> None:
        """An entry of the reference list placed with its top at ``top`` is where its
        name leads (`citation_links`): ``leaflet.pdf#ref-smith2019``. Only the first
        part of an entry split over two pages carries its key. Placed whole, it is
        also where this page's citations of it lead, in place of a note."""
        key = getattr(flowable, "reference_key", "")
        if not key:
            return
        name_destination(canv, list_entry_name(key), self._x, top)
        if not getattr(flowable, "entry_cut", False):
            name_destination(canv, footer_entry_name(key, canv.getPageNumber()), self._x, top)
            self.references.list_printed(key)

    def _note_overflow(self, canv: Canvas) -> None:
        """A footer may take most of a page (nothing is lost), but it crowds out the body:
        report the page so the author can spread the citations."""
        page = canv.getPageNumber()
        footer = self.references.height(self.references.on_page)
        if footer > MAX_SHARE * self._height and page not in self.references.overflows:
            self.references.overflows.append(page)

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        """Split ``flowable`` above the footer its first part needs.

        The first part is sized to the footer of the works *it* cites, mid-page as at
        the top of one: room kept for the works only the rest cites was left empty on
        this page, their notes printed on the next (stromal-or-stem, Thai parallel A5:
        a page 27 % empty; an evidence table citing a study per row, whose 40 entries
        are taller than any page, could not split at all). Only a group kept together,
        or the rest of a part split off on this page (`_parts_cite_alone`), keeps room
        for every work the whole flowable cites. Nor may the part split off add notes
        that would crowd the page (`_crowds`): the flowable then starts the next one."""
        saved = self._y1p
        page = canv.getPageNumber()
        cited = flowable_citations(flowable)
        alone = self._parts_cite_alone(flowable, page)
        if not alone and self._crowds(cited):
            return []  # a group kept together: its notes would crowd the page
        try:
            every = self._bottom_for(cited)
            if alone:
                parts = self._split_above_own_notes(flowable, canv, every)
            else:
                parts = self._split_above(flowable, canv, every) or []
            if parts and self._crowds(flowable_citations(parts[0])):
                return []  # the part split off cites what would crowd the page
            if len(parts) == 2:  # a first part and the rest (a group gives its members)
                parts[1].split_on_page = page
            return parts
        finally:
            self._y1p = saved

    def _split_above_own_notes(
        self, flowable: Flowable, canv: Canvas, every: float
    ) -> list[Flowable]:
        """``flowable`` split at the lowest bottom, between the page's own footer and
        ``every`` (the whole flowable's), at which the part split off fits above its
        own footer. A higher bottom gives a shorter part citing no more works, so the
        search is a bisection; most parts cite nothing new and fit at the lowest."""
        low = self._bottom_for(set())
        parts = self._split_above(flowable, canv, low)
        if parts is not None or low >= every:
            return parts or []
        high = every  # the whole flowable's footer: any part split off there fits above it
        while high - low > 0.5:
            middle = (low + high) / 2
            if self._split_above(flowable, canv, middle) is None:
                low = middle  # the part split off there is taller than its room
            else:
                high = middle
        return self._split_above(flowable, canv, high) or []

    @staticmethod
    def _parts_cite_alone(flowable: Flowable, page: int) -> bool:
        """Whether ``flowable``'s first part may be sized to its own footer: not the
        rest of a part split off on this page (sized to its own footer, the part can
        leave room for another part of the same table, its header again and a row,
        mid-page), nor a group kept together (its first member, a heading, would be
        placed alone at the foot of the page, its text on the next)."""
        if getattr(flowable, "split_on_page", 0) == page:
            return False
        return not isinstance(flowable, KeepTogether) or getattr(flowable, "keeps_apart", False)

    def _split_above(
        self, flowable: Flowable, canv: Canvas, bottom: float
    ) -> list[Flowable] | None:
        """``flowable`` split with ``bottom`` as the body's bottom: the parts (none when
        nothing fits), or None when the first part's own footer reaches above ``bottom``."""
        self._y1p = bottom
        parts = list(Frame.split(self, flowable, canv))
        if parts and self._bottom_for(flowable_citations(parts[0])) > bottom + _FUZZ:
            return None
        return parts
