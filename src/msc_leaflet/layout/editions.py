"""Editions: how the languages of a leaflet share one PDF. Each edition in
`print_spec.EDITIONS` names one of two arrangements (`layout_leaflet` dispatches on it):

* stacked — the whole leaflet in one language, then in the other: one `Part` per
  language (`single_part`), each with its own title block and page numbering.
* side-by-side — two columns, aligned block by block so each translated paragraph sits
  beside its source; one `Part` (`parallel_part`), its reference footers shared by both
  columns (the citation numbers are the same in both).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import pairwise

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, ListFlowable, Spacer, Table
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import HRFlowable

from ..content import model as m
from ..content.citations import number_citations, with_published_titles
from ..content.inline import plain_text
from ..errors import LeafletError, Location
from ..i18n.formatting import language_name
from ..i18n.labels import UI_LANGUAGE, Labels
from ..languages import bcp47, right_to_left
from ..theme.theme import Theme
from ..typeset import FontFamily
from ..typeset.citation_links import Describe
from ..typeset.left_to_right import isolated
from ..typeset.link_words import SayLabel
from ..typeset.paragraph import TextParagraph
from .back_cover import mark_ending
from .band import leaflet_band
from .blocks import (
    EMPTY_SHARE,
    SPLIT_STEP,
    BlockBuilder,
    Box,
    SplitTable,
    keep_headings_with_boxes,
    make_table,
    splits_well,
)
from .colours import small_text_colours, theme_colour
from .continued import ContinuedGroup
from .footnotes import PageReferences
from .last_lines import introduces, with_last_lines
from .pages import FOOTER_ZONE, LayoutLog, PageFurniture
from .proof import findings_page, proof_page, signoff_page, tag_context
from .qr import ClosingWithCode, code_beside_contacts, online_note
from .story import (
    DateFormatter,
    Localised,
    TightenedToFit,
    block_flowables,
    closing_box,
    label_before_value,
    reference_entries,
    reference_list,
    title_block,
)
from .structure import Structure
from .styles import build_styles
from .text import Writer
from .unprintable import tag_block

COLUMN_GAP = 6 * mm
#: The gap between the columns of a row, in sizes of its largest text, at least
#: (`_gap_for`): poppler reads columns closer than one size apart as one.
SEPARATE_COLUMNS = 1.2


@dataclass(frozen=True)
class Setting:
    """What every part of one document shares."""

    theme: Theme
    family: FontFamily
    format_date: DateFormatter
    bleed: float = 0.0
    proof: bool = False
    log: LayoutLog = field(default_factory=LayoutLog)
    structure: Structure | None = None  # the tagged PDF's structure tree, being built

    @property
    def text_width(self) -> float:
        margins = self.theme.margins
        return float(self.theme.page_size[0] - margins["left"] - margins["right"])

    def writer(self, version: Localised, numbers: dict[str, int], beside: bool = False) -> Writer:
        lang = version.leaflet.language
        styles = build_styles(self.theme, self.family, lang)
        accent = theme_colour(self.theme, "accent-text")
        return Writer(
            self.family,
            styles,
            numbers,
            lang,
            accent,
            version.words,
            self.log.emergency_break,
            structure=self.structure,
            source_lang=version.source_language,
            fallbacks=frozenset(text.value for text in version.fallbacks),
            untranslated_labels=version.labels.untranslated(),
            beside=beside,
            small_colours=small_text_colours(self.theme),
        )


@dataclass
class Part:
    """A run of pages with its own furniture and page numbering."""

    furniture: PageFurniture
    story: list[Flowable]


def single_part(version: Localised, s: Setting, index: int = 0, *, of_two: bool = False) -> Part:
    """The whole leaflet in one language; ``of_two``: one language of the sequential
    edition, a section of its own (`language_part`)."""
    leaflet, labels = version.leaflet, version.labels
    numbers = number_citations(leaflet)
    w = s.writer(version, numbers)
    furniture = _furniture(version, s, w, numbers, index)
    with language_part(w) if of_two else nullcontext():
        story = title_block(leaflet, w, s.theme, labels, s.format_date)
        builder = BlockBuilder(w, s.theme, labels, leaflet.numbered_sections, s.text_width)
        body = [f for block in leaflet.blocks for f in block_flowables(builder, block)]
        story += keep_headings_with_boxes(body)
        story += reference_list(leaflet, w, numbers, labels("references"))
        story = with_last_lines(story, _closing(version, w, s))
        # The sequential edition's source (its second part) has nothing untranslated
        # and no sign-off of its own: its proof pages said "Every entry is translated."
        # of the original, a page a reviewer and a screen reader met for nothing.
        story = _ending(story, version, w, s, note=False, proof=index == 0)
    if of_two:
        story.insert(0, PartBookmark(language_name(leaflet.language)))
    return Part(furniture, story)


@contextmanager
def language_part(w: Writer) -> Iterator[None]:
    """Tagged, what ``w`` writes inside is one `Sect` in its language: a screen reader
    finds where each language's version starts and reads it in its own voice, as the
    parallel edition's rows and the patient pack's leaflets are grouped."""
    if w.structure is None:
        yield
        return
    with w.structure.part(w.tag_lang, w.terms_tag):
        yield


class PartBookmark(ActionFlowable):  # type: ignore[misc]
    """Where a language's version starts: a bookmark named ``title`` (the language's
    name in that language), and the version's own bookmarks nested under it
    (`_LeafletDocument.handle_partBookmark`)."""

    def __init__(self, title: str) -> None:
        super().__init__(("partBookmark", title))


def parallel_part(left: Localised, right: Localised, s: Setting) -> Part:
    """``left`` (the translation) beside ``right`` (its source), block by block."""
    if len(left.leaflet.blocks) != len(right.leaflet.blocks):
        raise LeafletError(
            Location(left.leaflet.path), "the two languages have different blocks"
        )  # cannot happen: both are localised from the same source
    numbers = number_citations(left.leaflet)
    for key in number_citations(right.leaflet):
        numbers.setdefault(key, len(numbers) + 1)
    # One reference list and one footer serve both columns' readers.
    references = with_published_titles(left.leaflet, right.leaflet)
    left = replace(left, leaflet=replace(left.leaflet, references=references))
    lw, rw = s.writer(left, numbers, beside=True), s.writer(right, numbers, beside=True)
    column = (s.text_width - COLUMN_GAP) / 2
    theme = s.theme
    margins = theme.margins
    body = theme.page_size[1] - margins["top"] - margins["bottom"] - FOOTER_ZONE - 8 * mm
    room = EMPTY_SHARE * body  # less than this left on a page: a box moves whole
    columns = ((left, lw), (right, rw))
    furniture = _furniture(left, s, lw, numbers, 0, _describe_citation(*columns), columns)

    writers, versions = (lw, rw), (left, right)

    def title_of(side: int) -> list[Flowable]:
        version = versions[side]
        return title_block(version.leaflet, writers[side], theme, version.labels, s.format_date)

    title = side_by_side(*_pair(writers, title_of), column, lw)
    title.outline_title = plain_text(left.leaflet.title.value)
    story: list[Flowable] = [title]
    builders = [
        BlockBuilder(w, theme, v.labels, v.leaflet.numbered_sections, column, items_apart=True)
        for w, v in ((lw, left), (rw, right))
    ]
    wide = [
        BlockBuilder(w, theme, v.labels, v.leaflet.numbered_sections, s.text_width)
        for w, v in ((lw, left), (rw, right))
    ]
    blocks = list(zip(left.leaflet.blocks, right.leaflet.blocks, strict=True))
    i = 0
    below = 0.0  # the space the row before leaves under itself
    while i < len(blocks):
        # A heading shares its row with the block after it, so it is never left alone;
        # so does a run of headings (a section's, then a subheading's): a row of the
        # two headings alone ended a page, their table on the next.
        end = i
        while end < len(blocks) - 1 and isinstance(blocks[end][0], m.Heading):
            end += 1
        group = blocks[i : end + 1]
        last = group[-1]
        if isinstance(last[0], m.Table) and not all(
            isinstance(block, m.Table) and builder.table_fits(block, body)
            for block, builder in zip(last, builders, strict=True)
        ):
            story += _tables_one_after_the_other(group, builders, wide, column, lw, theme)
            below = theme.spacing["block"]
            i += len(group)
            continue
        halves = _pair(writers, partial(_built, builders, group))
        opens_section = isinstance(group[0][0], m.Heading)
        # A cell drops its first flowable's space-before and its last one's space-after
        # (ReportLab measures a cell from the first top to the last bottom): give them to
        # the row, collapsed as a frame collapses them (the larger of the two).
        top = max(theme.spacing["heading-before"] - below, 0.0) if opens_section else 0.0
        below = max(_space_after(half) for half in halves)
        row = side_by_side(halves[0], halves[1], column, lw, top, below, room)
        if opens_section:
            bookmark_headings(row, halves[0])
        tag_context([row], *(left.context for left, _ in group))
        tag_block([row], group[-1][0])  # a heading's row is too tall for its block
        story.append(row)
        i += len(group)
    heading, source_heading = left.labels("references"), right.labels("references")
    both = source_heading if source_heading != heading else ""
    story += reference_list(left.leaflet, lw, numbers, heading, both)
    closing = TightenedToFit(*(_closing_row(versions, writers, s, column, room, tight)
                               for tight in (False, True)))  # fmt: skip
    story = with_last_lines(story, closing)
    return Part(furniture, _ending(story, left, lw, s))


def _closing_row(
    versions: Sequence[Localised],
    writers: Sequence[Writer],
    s: Setting,
    column: float,
    room: float,
    tight: bool,
) -> Table:
    """The two closing boxes side by side, ``tight``: with the theme's least padding."""

    def box(side: int) -> list[Flowable]:
        version = versions[side]
        labels = version.labels
        return [closing_box(version.leaflet, writers[side], s.theme, labels, tight=tight)]

    return mark_ending(side_by_side(*_pair(writers, box), column, writers[0], room=room))


def _tables_one_after_the_other(
    group: Sequence[tuple[m.Block, m.Block]],
    builders: Sequence[BlockBuilder],
    wide: Sequence[BlockBuilder],
    column: float,
    w: Writer,
    theme: Theme,
) -> list[Flowable]:
    """A table too wide for half a page, or with a row that half a page's width makes
    taller than a page (a row cannot split), each language's at the full width, the
    translation first (#21: a half-width column cut words at any character). Its
    headings, if it has any, stay in two columns and on the page of the first table."""
    *headings, (left, right) = group
    tables = [flowable for side, block in ((0, left), (1, right)) for flowable in
              wide[side].build(block)]  # fmt: skip
    tag_context(tables, left.context)
    tag_block(tables, left)
    if not headings:
        return tables

    def built(side: int) -> list[Flowable]:
        return [f for pair in headings for f in builders[side].build(pair[side])]

    halves = _pair([b.w for b in builders], built)
    top = theme.spacing["heading-before"]
    row = side_by_side(halves[0], halves[1], column, w, top, _space_after(halves[0]))
    bookmark_headings(row, halves[0])
    tag_context([row], *(pair[0].context for pair in headings))
    tag_block([row], headings[0][0])
    # The heading row with the first table's header and first rows, the rest split as
    # a box splits: kept together whole, a table as tall as a page (a long cell) went
    # with its heading to the next page and left this one half empty.
    return [Box([row, *_unwrap(tables[:1])], empty_share=0.0), *tables[1:]]


def side_by_side(
    translation: Sequence[Flowable],
    source: Sequence[Flowable],
    column: float,
    w: Writer,
    top: float = 0.0,
    bottom: float = 0.0,
    room: float = 0.0,
) -> Table:
    """Two columns in one table row; the row splits across pages when it must, a box
    in it only where at least ``room`` is left on the page (`Whole`).

    The translation (written by ``w``) stands where its readers start a line: at the
    left, or at the right for a right-to-left language, as on bilingual Arabic and
    English forms, on a page whose furniture is mirrored for it too.

    ``top`` and ``bottom`` are the row's space above and below: a cell shows no space
    before its first flowable nor after its last, so without ``bottom`` the taller column
    ran into the next row (#21: consecutive Thai paragraphs with no space between them).
    ``bottom`` is the row's space after, not a padding, so a frame drops it at the foot
    of a page as it drops a paragraph's: as a padding, a row whose lines all fitted
    moved to the next page for want of the space below it, a third of the page left
    empty (what-research-says, Thai parallel A5).
    """
    half_gap = COLUMN_GAP / 2
    halves = [_unwrap(half) for half in (translation, source)]
    if right_to_left(w.lang):
        halves.reverse()
    # Large text beside large text needs a wider gap (`_gap_for`): the first column
    # gives it up at its end, so both columns still start where every other row's do.
    gap, widths = _gap_and_widths(halves, column)
    cells = [_whole(half, width, room) for half, width in zip(halves, widths, strict=True)]
    return make_table(
        [cells],
        w,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), top),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), gap - half_gap),
            ("LEFTPADDING", (1, 0), (1, -1), half_gap),
        ],
        colWidths=[column + COLUMN_GAP / 2, column + COLUMN_GAP / 2],
        splitInRow=1,
        spaceAfter=bottom,
        kind=_Row,
    )


class _Row(SplitTable):  # type: ignore[misc]
    """A parallel row: it splits between the flowables of its cells, and only where
    this page keeps something of each column (not just the space above a box), and
    never after a heading, a question or a rule."""

    def held_blocks(self) -> list[Flowable]:
        """The flowables of the first column that holds any (the second part of a split
        row may hold only the second language's), as the page log counts them."""
        for cell in self._cellvalues[0]:
            held = [f.inner if isinstance(f, Whole) else f for f in cell]
            if held := [f for f in held if not isinstance(f, Spacer)]:
                return held
        return []

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = self._split_between_flowables(availWidth, availHeight)
        _keep_bookmarks(self, parts)
        _say_continued_in_columns(parts)
        return parts

    def _split_between_flowables(self, availWidth: float, availHeight: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", 0))
        for cell in self._cellvalues[0]:
            for flowable in cell:
                if isinstance(flowable, Whole):
                    flowable.at_top = at_top
                    flowable.page = getattr(frame, "_height", None)
        holds = [any(not isinstance(f, Spacer) for f in cell) for cell in self._cellvalues[0]]
        trial = availHeight
        alone: list[Flowable] | None = None  # a split leaving a box to go on alone
        while trial > 0:
            parts: list[Flowable] = super().split(availWidth, trial)
            if not parts:
                break
            if len(parts) != 2 or not isinstance(parts[0], Table):
                return parts
            cells = [
                [f for f in cell if not isinstance(f, Spacer)] for cell in parts[0]._cellvalues[0]
            ]
            if not any(cells):
                return []  # nothing but the space above a box
            if not all(kept for kept, has in zip(cells, holds, strict=True) if has):
                # One language's box fitted here and the other's moved on: the reader
                # would find the translation a page away from its source. The row moves
                # whole; on the next page, with room to split, both columns keep a part.
                break
            if isinstance(parts[1], Table) and _box_goes_on_alone(parts[1], holds):
                alone = alone or parts
                trial -= SPLIT_STEP
                continue
            if not isinstance(parts[1], Table):  # the whole row fits
                if not any(_lead_in_at(cell) < len(cell) for cell in cells):
                    return parts
            elif _carry_lead_ins(parts, holds):
                return _filling(parts, availHeight)
            # A column would keep nothing but a heading, a question or a rule: less
            # room, until it moves on with its text and the text before it stays.
            trial -= SPLIT_STEP
        # At the top of a page, moving on gains no room: a box goes on alone rather
        # than the build be refused (a Burmese table split above the notes of the
        # works it cites, beside its Vietnamese source whole, was "a cell taller than
        # a page").
        if at_top and alone is not None:
            _carry_lead_ins(alone, holds)  # where a column keeps text before them
            return _filling(alone, availHeight)
        return []


def _keep_bookmarks(row: Flowable, parts: Sequence[Flowable]) -> None:
    """Give the bookmarks of a split ``row`` (`bookmark_headings`) to its first part,
    which prints the headings (a split never leaves a heading alone at a page's foot,
    nor moves one from a row's start). ReportLab's parts are new tables: the document
    bookmarks what it places, so a section whose row split lost its bookmark (Thai
    parallel A4: "06 · คำถามที่พบบ่อย" of what-research-says, 05 and 06 of
    infusion-safety), and a screen reader's list of them skipped the section."""
    if not parts or parts[0] is row:
        return
    for name in _BOOKMARK_ATTRIBUTES:
        if (value := getattr(row, name, None)) is not None:
            setattr(parts[0], name, value)


# What `outline_entries` reads a flowable's bookmarks from (the title row has only a title).
_BOOKMARK_ATTRIBUTES = ("outline_title", "outline_level", "outline_entries")


def _carry_lead_ins(parts: Sequence[Table], holds: Sequence[bool]) -> bool:
    """Move what ends each column of the first part of a split row and introduces the
    text after it (`_lead_in_at`) to the start of that column in the rest, column by
    column: offering the whole row less room instead cost the other column lines that
    fitted (what-msc-can-do, Thai parallel A4: two lines of a Thai answer went with an
    English question). False, with nothing moved, when a column that holds text would
    then keep none."""
    kept, rest = (list(part._cellvalues[0]) for part in parts)
    starts = [_lead_in_at(cell) for cell in kept]
    for cell, start, has in zip(kept, starts, holds, strict=True):
        text = [f for f in cell[:start] if not isinstance(f, (Spacer, HRFlowable))]
        if has and not text:
            return False
    if all(start == len(cell) for cell, start in zip(kept, starts, strict=True)):
        return True
    parts[0]._cellvalues[0] = [cell[:start] for cell, start in zip(kept, starts, strict=True)]
    parts[1]._cellvalues[0] = [
        [*cell[start:], *after] for cell, start, after in zip(kept, starts, rest, strict=True)
    ]
    parts[1]._argH = [None] * len(parts[1]._argH)  # measured again, with what it gained
    return True


def _box_goes_on_alone(rest: Table, holds: Sequence[bool]) -> bool:
    """Whether one column's box (or the rest of one) goes on to the next page while
    another column, its counterpart, ends on this one: the translation's contacts stood
    alone on a last page, a page after the source's (what-msc-can-do, Thai parallel A4,
    once the list's page printed no notes its list printed: the Thai closing box split
    between its sections, the English one fitted whole). Less room moves both on."""
    cells = [[f for f in cell if not isinstance(f, Spacer)] for cell in rest._cellvalues[0]]
    ended = any(has and not cell for cell, has in zip(cells, holds, strict=True))
    return ended and any(cell and isinstance(cell[0], Whole) for cell in cells)


def _lead_in_at(cell: Sequence[Flowable]) -> int:
    """Where the run of flowables that ends ``cell`` and introduces the text after it
    starts (``len(cell)`` if none): headings, keep-with-next paragraphs (a FAQ question,
    a figure kept with its caption), the rule a FAQ pair opens with, and the space
    between them. Kept at a page's foot, they would stand there without their text: a
    heading above the rule of the pair under it, or that rule alone."""
    start = len(cell)
    while start and isinstance(cell[start - 1], Spacer):
        start -= 1  # space at the end stays: it would only push the next page down
    end = start
    while start and (
        introduces(cell[start - 1]) or (start < end and isinstance(cell[start - 1], Spacer))
    ):
        start -= 1
    return start if start < end else len(cell)


def _filling(parts: list[Flowable], height: float) -> list[Flowable]:
    """``parts`` of a split row, the first as tall as the room it was offered (``height``),
    so the rest starts the next page. Split lower than the room (its lead-ins moved on,
    or offered less room), the rest was split again in what was left, the two parts of
    a column's paragraph drawn one under the other with a gap between them."""
    first = parts[0]
    first._argH = first._rowHeights = [
        *first._argH[:-1],
        height - sum(first._argH[:-1]),
    ]
    return parts


class Whole(Flowable):  # type: ignore[misc]
    """A box or list item in a parallel cell, split only by its own rules.

    A table row split inside a cell (``splitInRow``) split a cell's flowables with
    ReportLab's cell splitter: a callout kept only its label on the page and its last
    line was drawn below its shaded box, a list item lost its bullet (#21). Here a box
    splits between its rows where `splits_well` allows (two lines at least on each
    side, the closing box only between its sections), and only when at least
    ``room`` is left (less is left empty rather than split); anything else
    moves whole, unless it is taller than ``limit`` (it could never fit a page).
    """

    def __init__(
        self, inner: Flowable, column: float, room: float, limit: float = 150 * mm
    ) -> None:
        super().__init__()
        self.inner = inner
        self.column = column
        self.room = room
        self.limit = limit
        #: Whether the row holding it starts a page (`_Row`): a data table inside is
        #: never told so by a frame, and at the top of a page it splits however it
        #: can, as in the single edition (`SplitTable.split_in`). Without it, a table
        #: that fitted the bare page but not above the notes of the works it cites
        #: could split nowhere, and was refused as a cell taller than a page.
        self.at_top = False
        #: The height of the page the row holding it is placed on (`_Row`), as a
        #: frame tells a table of the single edition: a data table's short row is a
        #: scrap only beside a page (`SplitTable._scrap`). Without it, every row was,
        #: and a short row moved from a page to keep a long row company on the next,
        #: leaving half the page empty (a Thai table in a parallel A5 column).
        self.page: float | None = None
        self._content = [inner]  # where the page's reference footer finds citations
        self.outline_title = getattr(inner, "outline_title", None)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Always the column's width: ReportLab's cell splitter splits a cell's
        # flowables at the cell's width *with* its padding (`SplitTable._splitCell`
        # now takes it off), so a box split there set its text wider than it is
        # drawn, and the last line fell below the box.
        # A table splits its cells with no canvas given (``canv`` unset): pass None.
        canvas = getattr(self, "canv", None)
        self.width, self.height = self.inner.wrapOn(canvas, self.column, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        _, height = self.wrap(availWidth, availHeight)
        if height <= availHeight:
            return [self, Spacer(0, 0)]
        if height > self.limit:  # a page is too short for it: it splits however it can
            if isinstance(self.inner, SplitTable):
                return list(self.inner.split_in(self.column, availHeight, True, self.page))
            return list(self.inner.split(self.column, availHeight))
        if not isinstance(self.inner, Table) or availHeight < self.room:
            return []
        trial = availHeight
        while trial > 0:  # less and less room, until the split leaves no lone line
            if isinstance(self.inner, SplitTable):
                parts = self.inner.split_in(self.column, trial, self.at_top, self.page)
            else:
                parts = self.inner.split(self.column, trial)
            if len(parts) != 2:
                return []
            if isinstance(parts[1], Spacer):
                return [self, parts[1]]
            if splits_well(self.inner, parts):
                return [Whole(part, self.column, self.room, self.limit) for part in parts]
            trial -= SPLIT_STEP
        return []


def _gap_and_widths(
    halves: Sequence[Sequence[Flowable]], column: float
) -> tuple[float, tuple[float, float]]:
    """The gap between a row's columns (`_gap_for`) and the two columns' widths, the
    first narrowed by what the gap takes beyond `COLUMN_GAP`. A narrower first column
    can break its lines elsewhere, at another pitch, so the gap is measured again at
    the widths it gives (a few times at most: a pitch widens by a mark's depth at most)."""
    gap = COLUMN_GAP
    for _ in range(3):
        widths = (column - (gap - COLUMN_GAP), column)
        wider = _gap_for(halves, widths)
        if wider <= gap:
            break
        gap = wider
    return gap, (column - (gap - COLUMN_GAP), column)


def _gap_for(halves: Sequence[Sequence[Flowable]], widths: Sequence[float]) -> float:
    """The gap between the two columns of a row, set ``widths`` wide: `COLUMN_GAP`, or
    `SEPARATE_COLUMNS` × the largest text of the row where that is wider (a title).

    pdftotext joins words on one baseline into one line when the space between them is
    under their font size and the sizes are within a fifth of each other, so a title
    of two lines beside another was read line by line across both columns ("After your
    cell ဆဲလ်များကို", then "သွေးကြောထဲ သွင်းပြီး infusion"). A paragraph whose text layer
    is written at another size (`TextParagraph.layer_size`: from its pitch, which its
    marks can widen past its style's leading at the width it is set) counts at that size.
    """
    sizes = [
        max(f.style.fontSize, _layer_at(f, width))
        for half, width in zip(halves, widths, strict=True)
        for f in half
        if isinstance(f, TextParagraph)
    ]
    return float(max(COLUMN_GAP, SEPARATE_COLUMNS * max(sizes, default=0.0)))


def _layer_at(paragraph: TextParagraph, width: float) -> float:
    """The size ``paragraph``'s text layer is written at when set ``width`` wide."""
    paragraph.wrap(width, 1e9)
    return paragraph.layer_size()


def _whole(flowables: list[Flowable], column: float, room: float) -> list[Flowable]:
    """``flowables`` with each box, list and caption made `Whole`. A caption is one
    short unit, never split in the single edition (its figure or table is kept
    together): loose in a parallel cell, a Thai figure's caption of four lines left its
    last two alone at the top of the next page, under no picture, beside nothing."""
    boxes = (Table, ListFlowable)
    cell = [
        Whole(f, column, room) if isinstance(f, boxes) or getattr(f, "keep_whole", False) else f
        for f in flowables
    ]
    # A table's caption goes on with its last row (`_lead_in_at`), as in the single
    # edition: the row split before it, and the caption stood alone atop the next page.
    for table, after in pairwise(cell):
        if isinstance(table, Whole) and getattr(getattr(after, "inner", None), "keep_whole", False):
            table.keepWithNext = True
    return cell


def _space_after(flowables: Sequence[Flowable]) -> float:
    """The space after the last flowable of a cell (0 for an empty one)."""
    cell = _unwrap(flowables)
    return float(cell[-1].getSpaceAfter()) if cell else 0.0


def _unwrap(flowables: Sequence[Flowable]) -> list[Flowable]:
    """Table cells cannot hold a `KeepTogether` (it wraps to an unbounded height): use its
    contents; the row itself keeps them together."""
    out: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, ContinuedGroup):  # its answer goes on under its label
            inner = _unwrap(flowable._content)
            for part in inner[flowable.keep :]:
                part.continues = flowable.label
            out += inner
        elif isinstance(flowable, KeepTogether):
            out += _unwrap(flowable._content)
        else:
            out.append(flowable)
    return out


def _say_continued_in_columns(parts: Sequence[Flowable]) -> None:
    """Open each column of the rest of a split row whose first flowable goes on from
    the page before (an FAQ answer, `ContinuedGroup`) with the label it continues
    ("Is it safe? (continued)"), as the single edition's `ContinuedGroup` does."""
    if len(parts) != 2 or not isinstance(parts[1], Table):
        return
    rest = parts[1]
    cells = rest._cellvalues[0]
    for index, cell in enumerate(cells):
        shown = [f for f in cell if not isinstance(f, Spacer)]
        label = shown and getattr(shown[0], "continues", None)
        if callable(label):
            padding = rest._cellStyles[0][index]
            width = rest._colWidths[index] - padding.leftPadding - padding.rightPadding
            cells[index] = [label(width), *cell]
            rest._argH = [None] * len(rest._argH)


def bookmark_headings(row: Flowable, half: Sequence[Flowable]) -> None:
    """Bookmark, where ``row`` is placed, every heading its translated ``half`` holds: a
    section heading and the subheading right under it share a row, and each has its
    bookmark (the subheading once had none)."""
    row.outline_title = getattr(half[0], "outline_title", "")
    row.outline_entries = [
        (title, getattr(flowable, "outline_level", 0))
        for flowable in half
        if (title := getattr(flowable, "outline_title", None))
    ]


def outline_entries(flowable: Flowable) -> list[tuple[str, int]]:
    """The bookmarks, title and level, to add where ``flowable`` is placed."""
    entries: list[tuple[str, int]] | None = getattr(flowable, "outline_entries", None)
    if entries is not None:
        return entries
    title = getattr(flowable, "outline_title", None)
    return [(title, getattr(flowable, "outline_level", 0))] if title else []


def _built(
    builders: Sequence[BlockBuilder], group: Sequence[tuple[m.Block, m.Block]], side: int
) -> list[Flowable]:
    """The flowables of one side of a parallel row of ``group``'s blocks."""
    return [f for pair in group for f in builders[side].build(pair[side])]


def _pair(
    writers: Sequence[Writer], make: Callable[[int], list[Flowable]]
) -> tuple[list[Flowable], list[Flowable]]:
    """The flowables of each side of a parallel row, made by ``make(side)``. Tagged, the
    row is a Div holding a Div per language, the translation's first: a screen reader
    reads each translated block and then its source, whichever side it is printed on."""
    halves: list[list[Flowable]] = []
    with writers[0].group("Div"):
        for side, writer in enumerate(writers):
            with writer.group("Div"):
                halves.append(make(side))
    return halves[0], halves[1]


def _approval(version: Localised, s: Setting) -> str:
    """The footer's "Thai translation approved 2 Dec 2026" when the theme asks for it."""
    if not s.theme.footer_approval or version.approval is None:
        return ""
    language, approved = version.approval
    date = s.format_date(approved, version.leaflet.language)
    return version.labels("translation-approved", language=language, date=date)


def _furniture(
    version: Localised,
    s: Setting,
    w: Writer,
    numbers: dict[str, int],
    index: int,
    describe: Describe | None = None,
    links: tuple[tuple[Localised, Writer], ...] = (),
) -> PageFurniture:
    leaflet, labels = version.leaflet, version.labels
    with w.untagged():  # each page's footer is tagged as its notes when drawn
        footer = reference_entries(leaflet, w, numbers, "reference")
    describe = describe or _describe_citation((version, w))
    link_words = _link_words(*links) if links else _link_words((version, w))
    said = partial(label_before_value, labels, w.lang)
    # The code, Latin, is isolated on a right-to-left page too: else the digits after
    # a label printed in English take its direction, and the line reads "Review date 1"
    # before its month ("T-001 · Version 2.1 · Review date 1 يناير 2027").
    code = leaflet.document.code
    control = (
        isolated(code) if right_to_left(w.lang) else code,
        f"{said('version')} {leaflet.document.version}",
        f"{said('review-date')} {s.format_date(leaflet.document.next_review, leaflet.language)}",
    )  # fmt: skip
    band = leaflet_band(leaflet, labels, s.theme, s.family)
    return PageFurniture(
        theme=s.theme, family=s.family, labels=labels, lang=leaflet.language,
        title=plain_text(leaflet.title.value), band=band, control=control,
        references=PageReferences(footer, s.text_width, describe),
        part=index, bleed=s.bleed,
        proof=s.proof, log=s.log, approval=_approval(version, s), link_words=link_words,
    )  # fmt: skip


def _describe_citation(*versions: tuple[Localised, Writer]) -> Describe:
    """What a screen reader says of a citation's link, in the language of the text it is
    in ("Reference 3"; "เอกสารอ้างอิง 3"), with that text's digits: the parallel
    edition's source column is read in its own language (`_link_words`). The language
    of the words is returned with them, and the link is tagged so
    (`citation_links.link_citations`)."""
    say = _link_words(*versions)
    by_lang = {bcp47(v.leaflet.language): w for v, w in versions}
    first = by_lang[bcp47(versions[0][0].leaflet.language)]

    def describe(number: int, lang: str) -> tuple[str, str]:
        if lang not in by_lang and lang == bcp47(UI_LANGUAGE):
            return say("reference-link", lang, {"number": str(number)})
        return say("reference-link", lang, {"number": by_lang.get(lang, first).number(str(number))})

    return describe


def _link_words(*versions: tuple[Localised, Writer]) -> SayLabel:
    """The words of the ui catalog a screen reader hears for a link ("Reference 3",
    "Call +66 2 …") in the language of the text it is in: a text in a language none of
    ``versions`` is in (printed untranslated) is described in English when it is
    English, as the program's own words are; else in the first's words. A label
    ``ui.po`` leaves untranslated is English where its values are (ASCII digits), and
    is returned so: the link is then tagged in English."""
    by_lang = {bcp47(v.leaflet.language): (v.labels, w) for v, w in versions}
    first = by_lang[bcp47(versions[0][0].leaflet.language)]

    def say(key: str, lang: str, values: dict[str, str]) -> tuple[str, str]:
        if lang not in by_lang and lang == bcp47(UI_LANGUAGE):
            return Labels()(key, **values), lang
        labels, w = by_lang.get(lang, first)
        if labels.falls_back(key) and all(value.isascii() for value in values.values()):
            return labels(key, **values), bcp47(UI_LANGUAGE)
        return labels(key, **values), w.tag_lang

    return say


def _closing(version: Localised, w: Writer, s: Setting) -> Flowable:
    """The closing box and, for a leaflet with a `url:`, its QR code: below the box on
    the foot of the page, or inside it beside the contacts where the page has no room
    below it (`qr.ClosingWithCode`): never alone on a page of its own."""
    leaflet, labels = version.leaflet, version.labels
    box = closing_box(leaflet, w, s.theme, labels)
    if not leaflet.url:
        return TightenedToFit(box, closing_box(leaflet, w, s.theme, labels, tight=True))
    note = online_note(leaflet.url, w, s.theme, labels)
    beside = (
        closing_box(
            leaflet, w, s.theme, labels, code_beside_contacts(leaflet.url, s.theme), tight=tight
        )
        for tight in (False, True)
    )
    return ClosingWithCode(box, note, *beside)


def _ending(
    story: list[Flowable],
    version: Localised,
    w: Writer,
    s: Setting,
    *,
    note: bool = True,
    proof: bool = True,
) -> list[Flowable]:
    """The QR code at the foot of the last page (``note``: not given with the closing
    box, `_closing`); a proof's list of untranslated text and sign-off record (``proof``:
    this version's, where it has them)."""
    if note and version.leaflet.url:
        story.append(online_note(version.leaflet.url, w, s.theme, version.labels))
    if s.proof and proof:
        story += proof_page(w, version.labels, version.fallbacks, version.findings)
        story += findings_page(w, version.labels, version.checked)
        story += signoff_page(w, version.signoffs, version.changed)
    return story


__all__ = ["Part", "PartBookmark", "Setting", "parallel_part", "side_by_side", "single_part"]
