"""Leaflet blocks → platypus flowables, each designed to be handed to a patient.

Boxes (callouts, FAQ pairs, quotes) are wrapped in `KeepTogether`, so they move whole
to the next page when they fit on one, and split by rows only when they cannot.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, assert_never

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import NullActionFlowable, _FrameBreak
from reportlab.platypus.flowables import HRFlowable

from ..content import model as m
from ..i18n.formatting import localize_digits
from ..i18n.labels import Labels
from ..languages import profile, right_to_left
from ..theme.styles import BoxPadding
from ..theme.theme import Theme
from ..typeset import Run
from ..typeset.cell_edges import cell_break
from ..typeset.fonts import font_spans
from ..typeset.line_pitch import layer_size
from ..typeset.list_numbers import LayeredList, TaggedList
from ..typeset.marked_content import Element, page_box, tagger_of
from ..typeset.paragraph import TextParagraph
from .colours import reportlab_colour, theme_colour
from .continued import ContinuedGroup
from .footnotes import flowable_citations
from .images import draw_picture, drawable, shown_size
from .table_widths import column_widths, squeezed
from .text import Writer

SECTION_SEPARATOR = " · "
LIST_INDENT = 13.0  # points from the text edge to the item text: a hanging bullet
NUMBER_GAP = 0.4  # ems at least between a list item's number and its text
BULLET = "•"  # an unnumbered list item's mark


def make_table(
    rows: list[list[Flowable]],
    w: Writer,
    commands: list[tuple[object, ...]],
    kind: type[Table] | None = None,
    **kwargs: object,
) -> Table:
    """A table whose own cell defaults are ours. ReportLab sets its default cell font
    (Helvetica) and text colour (RGB black) even when every cell is a paragraph, leaving an
    unembedded font in the PDF and an RGB operator in a CMYK print file."""
    table = (kind or _Table)(rows, hAlign="LEFT", **kwargs)
    defaults = [
        ("FONT", (0, 0), (-1, -1), w.family.regular),
        ("TEXTCOLOR", (0, 0), (-1, -1), w.styles["body"].textColor),
    ]
    table.setStyle(TableStyle([*defaults, *commands]))
    return table


def padding_commands(
    padding: BoxPadding, sections: tuple[int, ...] = (0,)
) -> list[tuple[object, ...]]:
    """The table-style commands that pad a box: ``between`` around every row, ``top``
    above the first row of each of the ``sections`` (row numbers), ``bottom`` below the
    last row."""
    return [
        ("LEFTPADDING", (0, 0), (-1, -1), padding.left),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding.right),
        ("TOPPADDING", (0, 0), (-1, -1), padding.between),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding.between),
        *(("TOPPADDING", (0, row), (-1, row), padding.top) for row in sections),
        ("BOTTOMPADDING", (0, -1), (-1, -1), padding.bottom),
    ]


class TaggedImage(Image):  # type: ignore[misc]
    """An image drawn as the content of its Figure element in a tagged PDF."""

    structure: Element | None = None
    # What to draw in place of the file, made when drawn and dropped after (a print
    # build's CMYK copy, a deep grey picture's 8-bit one: `layout/images.py`); None
    # draws the file as ReportLab reads it.
    source: Callable[[], str | ImageReader] | None = None

    def draw(self) -> None:
        tagger = tagger_of(self.canv)
        if tagger is None or self.structure is None:
            self._draw_picture()
            return
        self.canv.addLiteral(tagger.content_begin(self.structure))
        self._draw_picture()
        self.canv.addLiteral(tagger.content_end)
        # Where it is on the page: ISO 32000-1 (Table 343) requires the bounding box of
        # a Figure drawn on a page, in the page's default coordinates.
        x, y = getattr(self, "_offs_x", 0), getattr(self, "_offs_y", 0)
        self.structure.attributes.update(
            O="Layout", BBox=page_box(self.canv, x, y, self.drawWidth, self.drawHeight)
        )

    def _draw_picture(self) -> None:
        x, y = getattr(self, "_offs_x", 0), getattr(self, "_offs_y", 0)
        source = self.filename if self.source is None else self.source()
        box = (x, y, self.drawWidth, self.drawHeight)
        draw_picture(self.canv, source, Path(self.filename), box, self._mask)


class SplitTable(Table):  # type: ignore[misc]
    """A table whose split always gives none or two parts.

    ReportLab's ``Table.split`` returns ``[self]`` when the whole table fits the height
    asked for; a row split in a parallel column (``splitInRow``) measures its cells with
    their space before and after and may ask a table that does fit, then reads a second
    part that is not there (IndexError in ``Table._splitCell``, A5 parallel editions).
    """

    #: The rows that start a section (the closing box: its notice, its contacts): a
    #: box splits only there (`splits_well`). None: anywhere its rules allow.
    sections: tuple[int, ...] | None = None
    #: The rows below its header a split must leave on each side (a data table's
    #: `TABLE_ROWS_APART`); 0: any split ReportLab finds.
    rows_apart = 0
    #: What the first row (a callout's label) reads on a part a split carries to the
    #: next page ("Safety (continued)"), in place of a copy of it; None: a copy.
    continued: Flowable | None = None
    #: The height of what goes on with its last row (a caption: `Box._split_rows`).
    after = 0.0
    #: The top of the row whose cell was drawn last (`_drawCell`).
    _row_drawn: float | None = None

    def _drawCell(
        self, cellval: Any, cellstyle: Any, pos: tuple[float, float], size: tuple[float, float]
    ) -> None:
        """Draw a cell, after an invisible space above it where it follows another cell
        of its row in the content stream: pdfminer.six read a cell of one line on one
        line with the first line of the cell drawn next (`cell_edges.cell_break`)."""
        top = pos[1] + size[1]
        if self._row_drawn == top:
            cell_break(self.canv, pos[0], top, cellstyle.fontname, cellstyle.fontsize)
        self._row_drawn = top
        super()._drawCell(cellval, cellstyle, pos, size)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", 0))
        return self.split_in(availWidth, availHeight, at_top, getattr(frame, "_height", None))

    def split_in(
        self, availWidth: float, availHeight: float, at_top: bool, page: float | None = None
    ) -> list[Flowable]:
        """The split, ``at_top`` when the room offered is a whole page's (the table does
        not fit one): then a data table splits however it can, moving it gains nothing.
        ``page``: the height of the frame's page, where known (`_scrap`)."""
        parts = self._split_keeping_rows(availWidth, availHeight, at_top, page)
        if len(parts) == 1:
            return [parts[0], Spacer(0, 0)]
        if len(parts) == 2 and self.repeatRows:
            _repeat_untagged(parts[1], self.repeatRows)
        if len(parts) == 2 and self.continued is not None:
            _say_continued(parts[1], self.continued)
        if len(parts) == 2 and self.sections is not None:
            _carry_sections(self, parts)
        for part in parts:  # ReportLab's parts are new tables: the rest may split again
            part.rows_apart = self.rows_apart
            part.continued = self.continued
            part.after = self.after
        return parts

    def _split_keeping_rows(
        self, availWidth: float, availHeight: float, at_top: bool, page: float | None = None
    ) -> list[Flowable]:
        """The split with the box's edges, as a typesetter splits a data table: moved a
        row higher until the next page has `rows_apart` rows under the header it
        repeats, and none (the table moves on) when this page would then keep fewer (so
        a table of three rows or fewer moves whole; one of four may split two and two,
        which keeps the page a whole table would leave empty). A header and one row at a
        page's foot (what-msc-can-do, Thai single A5), or a last row alone at the top of
        the next, is a scrap a reader must turn the page for, as a paragraph's widow.
        ``at_top``, the table does not fit a page: ReportLab's split when no other is.

        Fewer rows are no scrap when they take a good part of the ``page`` (`_scrap`): a
        row of a long cell, the last of a table, went on alone anyway, and moving a row
        of the page before to its side left that page mostly empty.

        The rest is judged as the next page will split it (`_scrap_next`): two short
        rows and a tall last row that does not fit with them leave one short row alone
        on that page, between the split and the tall row (a parallel edition's full-width
        table, A5). The split moves a row higher so it goes on with company, and the
        table moves whole when this page would then keep a scrap."""
        first = parts = self._split_with_edges(availWidth, availHeight)
        if not self.rows_apart or len(parts) != 2:
            return parts
        while len(parts) == 2:
            kept, rest = (len(part._cellvalues) - self.repeatRows for part in parts)
            if kept < self.rows_apart and self._scrap(0, kept, page):
                return first if at_top else []
            alone = rest < self.rows_apart and self._scrap(kept, kept + rest, page)
            if not alone and not self._scrap_next(kept, page):
                return parts
            parts = self._split_with_edges(availWidth, self._rows_height(kept - 1))
        return parts

    def _scrap_next(self, kept: int, page: float | None) -> bool:
        """Whether the rows after the first ``kept`` under the header, taller than a
        ``page`` under the header it repeats, leave a scrap alone at the top of the next
        page: the rows that fit there are fewer than `rows_apart` and short (`_scrap`),
        the row after them too tall to join them. The last row takes what goes on with
        it (`after`: a caption)."""
        if page is None:
            return False
        heights = [float(h) for h in self._rowHeights]
        room = page - sum(heights[: self.repeatRows])
        rows = heights[self.repeatRows + kept :]
        if rows:
            rows[-1] += self.after
        if sum(rows) <= room:
            return False
        fit, used = 0, 0.0
        while fit < len(rows) and used + rows[fit] <= room:
            used += rows[fit]
            fit += 1
        return 0 < fit < self.rows_apart and self._scrap(kept, kept + fit, page)

    def _scrap(self, start: int, end: int, page: float | None) -> bool:
        """Whether the rows ``start`` to ``end`` under the header, fewer than a split
        leaves on a side (`rows_apart`), are a scrap, short rows a reader turns the page
        for: less than `SCRAP_SHARE` of a ``page`` (any, where its height is unknown)."""
        if page is None:
            return True
        heights = self._rowHeights[self.repeatRows + start : self.repeatRows + end]
        return float(sum(heights)) < SCRAP_SHARE * page

    def _rows_height(self, rows: int) -> float:
        """The height of the header and the first ``rows`` rows under it, as the last
        split measured them: room for those rows and not one more."""
        heights = self._rowHeights[: self.repeatRows + rows]
        return float(sum(heights)) + 1e-6

    def _split_with_edges(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """ReportLab's split, each part with the box's edges (`_give_edges`), the first
        split higher where its bottom padding would make it taller than the room."""
        trial = availHeight
        while True:
            parts = self._split_at(availWidth, trial)
            if len(parts) != 2 or not _give_edges(self, parts):
                return parts
            over = parts[0].wrap(availWidth, availHeight)[1] - availHeight
            if over <= 1e-6:
                return parts
            trial -= over

    def _split_at(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if not parts and self._short_by_less_than_a_split(availHeight):
            # ReportLab cuts a row at the height asked and refuses a cut that leaves
            # less than ``splitInRow`` points below it: a parallel row a fraction of a
            # point too tall for the page moved whole, though its columns could split
            # lines earlier. Cut it that much higher; its lines break where they can.
            parts = super().split(availWidth, self._height - self.splitInRow)
        return parts

    def _short_by_less_than_a_split(self, availHeight: float) -> bool:
        """Whether this table, split inside its rows, is taller than ``availHeight`` by
        less than the least part ReportLab splits off (``splitInRow`` points)."""
        return bool(self.splitInRow) and 0 < self._height - availHeight < self.splitInRow

    def _splitCell(
        self, value: Any, style: Any, oldHeight: float, newHeight: float, width: float
    ) -> Any:
        """Split a cell's flowables (``splitInRow``) at the width they are drawn at.

        ReportLab measures a cell's flowables at its width less its padding but splits
        them at its whole width: a paragraph's kept part was broken for a wider line
        than it is drawn on, and drawn, its last word fell onto a line of its own
        ("But" alone at the foot of a parallel column, "the body can still notice…"
        on the next page). Here the cell is split at its inner width, with no padding
        left to take off again."""
        inner = style.copy()
        inner.leftPadding = inner.rightPadding = 0
        width -= style.leftPadding + style.rightPadding
        return super()._splitCell(value, inner, oldHeight, newHeight, width)


_Table = SplitTable


def _carry_sections(whole: SplitTable, parts: Sequence[Flowable]) -> None:
    """Give each part of ``whole`` the sections it holds, counted from its own first
    row. ReportLab's parts are new tables: the rest of a closing box split between its
    notice and its contacts had no sections left, so it split again between its phone
    and its web rows, and "Web" stood alone at the top of the last page (journey10b,
    Burmese single A5). The rest opens with the header it repeats, and with the end of
    a row split inside it (``splitInRow``), which the first part also holds."""
    first, rest = parts
    if not (isinstance(first, SplitTable) and isinstance(rest, SplitTable)):
        return
    sections = whole.sections or ()
    kept, repeat = len(first._cellvalues), whole.repeatRows or 0
    shared = len(first._cellvalues) + len(rest._cellvalues) - repeat - len(whole._cellvalues)
    offset = kept - shared - repeat  # the whole's row shown as the rest's row 0
    first.sections = tuple(row for row in sections if row < kept)
    own = kept - shared  # the whole's first row the rest shows as its own
    rest.sections = tuple(sorted({0, *(row - offset for row in sections if row >= own)}))


def _give_edges(whole: Table, parts: Sequence[Flowable]) -> bool:
    """Give the parts of ``whole``, split between its rows, the edges of the whole box:
    the first part closes with the bottom padding of its last row, the rest opens with
    the top padding of its first (a data table's rest opens with the header it repeats).
    ReportLab keeps each row's own padding: a callout's continued part drew its first
    line 1 point under its shading (the padding between two paragraphs, not the box's
    8), and the tall Thai ไ and โ rose above it (infusion-safety, Thai parallel A4).
    Whether a part changed: it is measured again, taller."""
    first, rest = parts
    if not (isinstance(first, Table) and isinstance(rest, Table)):
        return False
    closing = [style.bottomPadding for style in whole._cellStyles[-1]]
    opening = [style.topPadding for style in whole._cellStyles[0]]
    closed = _pad_row(first, -1, "bottomPadding", closing)
    # A data table's rest opens with its header, padded as a header is; a callout's with
    # its "(continued)" label (`_say_continued`), which ReportLab pads as a row between.
    opens = not rest.repeatRows or getattr(whole, "continued", None) is not None
    opened = opens and _pad_row(rest, 0, "topPadding", opening)
    return closed or opened


def _pad_row(table: Table, row: int, side: str, least: Sequence[float]) -> bool:
    """Pad each cell of ``table``'s ``row`` on ``side`` by at least ``least`` (a value per
    column), and have the row measured again. Its styles are copies: ReportLab shares
    them with the whole table, which may be split again at another height."""
    styles = table._cellStyles[row]
    if all(getattr(style, side) >= pad for style, pad in zip(styles, least, strict=False)):
        return False
    padded = []
    for style, pad in zip(styles, least, strict=False):
        copied = style.copy()
        setattr(copied, side, max(getattr(style, side), pad))
        padded.append(copied)
    table._cellStyles[row] = padded
    table._argH = list(table._argH)
    table._argH[row] = None
    return True


class RightToLeftTable(SplitTable):
    """A table whose rows are drawn from their right cell, where a right-to-left
    table's first column stands (`Blocks._table_cells`).

    pdf.js (Firefox's find and copy) and pypdf read a row's cells in the order they are
    drawn: ReportLab draws left to right, and they read an Arabic row "what to do" first,
    then the sign it is for. The cells of a row are held as ReportLab asks for them and
    drawn in reverse once the row ends (a cell of the next row, or the lines after the
    last); where and how each is drawn does not change."""

    _held: list[tuple[Any, Any, tuple[float, float], tuple[float, float]]]

    def _drawCell(
        self, cellval: Any, cellstyle: Any, pos: tuple[float, float], size: tuple[float, float]
    ) -> None:
        held = self.__dict__.setdefault("_held", [])
        if held and held[0][2][1] != pos[1]:  # a row further down
            self._draw_held()
        held.append((cellval, cellstyle, pos, size))

    def _drawLines(self) -> None:
        self._draw_held()  # the last row
        super()._drawLines()

    def _draw_held(self) -> None:
        held = self.__dict__.get("_held") or []
        for cell in reversed(held):
            super()._drawCell(*cell)
        held.clear()


def _repeat_untagged(table: Flowable, rows: int) -> None:
    """The header rows a split table repeats on the next page are drawn again as copies
    outside the structure: a screen reader reads a table's header once."""
    for index in range(rows):
        table._cellvalues[index] = [_untagged(cell) for cell in table._cellvalues[index]]


def _say_continued(rest: Flowable, label: Flowable) -> None:
    """Open ``rest``, the part of a split callout on the next page, with ``label`` ("Safety
    (continued)") where ReportLab repeated the box's label (`BlockBuilder.callout`): the
    reader of that page knows what box they are in, and that it started before. Its row
    is measured again: the longer label may take another line."""
    if not isinstance(rest, Table):
        return
    rest._cellvalues[0] = [_untagged(label)]
    rest._argH = list(rest._argH)
    rest._argH[0] = None


def _untagged(cell: object) -> object:
    if isinstance(cell, (list, tuple)):
        return [_untagged(item) for item in cell]
    if getattr(cell, "structure", None) is None:
        return cell
    clone: Any = copy.copy(cell)
    clone.structure = None
    return clone


class BlockBuilder:
    def __init__(
        self,
        writer: Writer,
        theme: Theme,
        labels: Labels,
        numbered: bool,
        width: float,
        items_apart: bool = False,
    ) -> None:
        self.w = writer
        self.theme = theme
        self.labels = labels
        self.numbered = numbered
        self.width = width  # of the column the blocks are set in (half a page when paired)
        self.section = 0
        self.items_apart = items_apart  # a list as one flowable per item (`bullet_list`)
        # The headings the next one may be under: (level written, level in the outline).
        self._outline: list[tuple[int, int]] = [(m.TITLE_LEVEL, m.TITLE_LEVEL)]

    def build(self, block: m.Block) -> list[Flowable]:
        match block:
            case m.Heading():
                return [self.heading(block)]
            case m.Paragraph():
                return [self.w.paragraph(block.text.value, "body")]
            case m.ListBlock():
                return self.bullet_list(block)
            case m.Callout():
                return [self.callout(block)]
            case m.Quote():
                return [self.quote(block)]
            case m.Faq():
                return self.faq(block)
            case m.Table():
                return [self.table(block)]
            case m.Figure():
                return [self.figure(block)]
            case _:
                assert_never(block)

    def heading(self, block: m.Heading) -> Flowable:
        """A section heading (level 2), numbered when the leaflet numbers its sections;
        a part of a section (level 3, 4) in the smaller ``subheading`` style, unnumbered,
        its bookmark nested under its section's (``outline_level``)."""
        prefix: list[Run] = []
        section = block.level == m.SECTION_LEVEL
        name = "heading" if section else "subheading"
        if section:
            self.section += 1
        if section and self.numbered:
            number = self.w.number(f"{self.section:02d}") + SECTION_SEPARATOR
            size = self.w.styles[name].fontSize
            prefix = [Run(number, self.w.family.bold, size, theme_colour(self.theme, "accent"))]
        # A heading that prints nothing (its markup holds no word: A11Y008) is in no
        # heading list or outline, so the parts under it are the section it leads.
        prints = bool(prefix) or _prints_anything(block.text.value)
        level = self._outline_level(block.level, outlined=prints)
        flowable = self.w.paragraph(block.text.value, name, prefix=prefix, role=f"H{level}")
        flowable.outline_title = "".join(r.text for r in prefix) + _plain(block.text.value)
        flowable.outline_level = level - m.SECTION_LEVEL
        return flowable

    def _outline_level(self, written: int, outlined: bool = True) -> int:
        """The level of a heading written at level ``written`` in the document's outline
        (its H tag and its bookmark): one below the heading it is under, so a level
        written too deep (a level 4 right under the title, which check A11Y003 reports)
        skips none — a screen reader's list of headings and PDF/UA allow no gap — and
        headings written at one level stay siblings. Its style keeps the level written.
        A heading not ``outlined`` (it prints nothing) is under none of those after it."""
        while self._outline[-1][0] >= written:
            self._outline.pop()
        level = min(written, self._outline[-1][1] + 1)
        if outlined:
            self._outline.append((written, level))
        return level

    def bullet_list(self, block: m.ListBlock) -> list[Flowable]:
        """The list; with ``items_apart``, one list per item (numbered on from the one
        before): a parallel row splits its cells between flowables, and ReportLab
        cannot split a list inside a table cell, so a long list moved whole (#21)."""
        style = self.w.styles["list-item"]
        marker = "Decimal" if block.numbered else "Disc"
        rtl = right_to_left(self.w.lang)
        items = []
        with self.w.group("L", attributes={"O": "List", "ListNumbering": marker}):
            for count, text in enumerate(block.items, 1):
                with self.w.group("LI"):
                    # A right-to-left number is drawn in visual order, the stop first
                    # (`list_number`), and its text layer carries the marks extractors
                    # need (`list_numbers`): its Lbl says it, or the bullet, as read.
                    said = list_number(self.w.lang, False)(str(count)) if block.numbered else BULLET
                    self.w.label(said if rtl else "", drawn=said, item=text.value)
                    items.append(ListItem(self.w.list_item(text.value, "list-item")))
        common = dict(
            leftIndent=LIST_INDENT,
            bulletFontName=self.w.family.bold,
            bulletColor=theme_colour(self.theme, "accent-text"),
            bulletFontSize=style.fontSize,
        )
        if rtl:  # bullets hang at the right, where the lines start
            common.update(leftIndent=0, rightIndent=LIST_INDENT, bulletDir="rtl")
        if block.numbered:
            number = list_number(self.w.lang, rtl)
            # ReportLab draws the number in one face: the one with the locale's digits
            # (the Latin face has no Burmese ၁).
            face = font_spans(number("0123456789"), self.w.family.bold, self.w.lang)[0][2]
            common.update(bulletType="1", bulletFormat=number, bulletFontName=face)
            # The item text starts no nearer than a gap after the widest number (a
            # left-to-right list's number starts at the indent's start: Burmese "၁။"
            # is wider than the indent).
            widest = stringWidth(number(str(len(items))), face, style.fontSize)
            indent = max(LIST_INDENT, widest + NUMBER_GAP * style.fontSize)
            common["rightIndent" if rtl else "leftIndent"] = indent
        else:
            common.update(bulletType="bullet", start=BULLET)
        after = self.theme.spacing["paragraph"]
        # Beside other text (a parallel column), an item's number is written just before
        # its text (`list_numbers`): hanging an indent before it, the number made the
        # first line of a wrapped item a block of its own for pdfminer, read before the
        # first line of the item beside it in the other column. Items of a tall script
        # write their text layer larger, and their numbers with it.
        layer = (
            layer_size(style.fontSize, style.leading) or style.fontSize if self.w.beside else 0.0
        )
        # A right-to-left list's numbers too: drawn left to right (".3"), they are
        # written in reading order ("3.") beside their outlines (`list_numbers`).
        if rtl and not layer:
            layer = style.fontSize
        kind: Any = partial(LayeredList, layer=layer) if layer else TaggedList
        if not self.items_apart:
            return [kind(items, spaceAfter=after, **common)]
        out: list[Flowable] = []
        for n, item in enumerate(items):
            last = n == len(items) - 1
            numbering = {"start": n + 1} if block.numbered else {}
            space = after if last else style.spaceAfter
            out.append(kind([item], spaceAfter=space, **{**common, **numbering}))
        return out

    def callout(self, block: m.Callout) -> Flowable:
        colours = self.theme.callouts[block.kind]
        label = block.title.value if block.title else self.labels(f"callout.{block.kind}")
        colour = reportlab_colour(colours.label)
        with self.w.group("Div"):
            rows: list[list[Flowable]] = [[self.w.paragraph(label, "callout-label", colour=colour)]]
            rows += [[self.w.paragraph(t.value, "callout")] for t in block.paragraphs]
        continued = self._continued(label, "callout-label", colour)
        table = make_table(rows, self.w, [
            ("BACKGROUND", (0, 0), (-1, -1), reportlab_colour(colours.fill)),
            (self._bar_side(), (0, 0), (0, -1), 3, reportlab_colour(colours.edge)),
            *padding_commands(self._padding("callout")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ], repeatRows=1, colWidths=["100%"])  # fmt: skip
        table.continued = continued
        return Box([Spacer(1, 4), table, Spacer(1, self.theme.spacing["block"])])

    def _continued(
        self, label: str, style: str, colour: Any, width: float | None = None
    ) -> Flowable:
        """What the part of a box a page break carried to the next page opens with:
        "Safety (continued)" (a callout, `SplitTable.continued`), "Is it safe?
        (continued)" (an FAQ pair, `ContinuedGroup`), in the box's ``style`` for its
        label; an artifact (untagged), as a data table's repeated header is: a screen
        reader reads the box once, its label once.

        Given the ``width`` it is set in, it is one line: a question repeated whole
        above its answer's rest took three lines and could cost a page, where the
        reader needs only a reminder. A label too long for the line is cut after its
        last word (a Thai, Lao, Khmer or Burmese word or syllable, a Chinese
        character: a unit the line breaker never cuts) that leaves room for "…" and
        "(continued)"; a label whose first word is too long is printed whole."""
        with self.w.untagged():
            whole = self.w.paragraph(self.labels("continued", label=label), style, colour=colour)
            if width is None or _lines(whole, width) <= 1:
                return whole
            units = self.w.paragraph(label, style).units
            ends = [i for i in range(1, len(units)) if not units[i - 1].text.isspace()]
            best, low, high = whole, 0, len(ends) - 1
            while low <= high:  # the longest cut that keeps the label one line
                middle = (low + high) // 2
                # As printed, its markup read (**safe**: safe), literal from here on;
                # without its citations, whose notes are the answer's, not a reminder's.
                text = "".join(
                    piece.text
                    for unit in units[: ends[middle]]
                    for piece in unit.pieces
                    if not piece.run.cites
                ).rstrip()
                said = self.labels("continued", label=_closed(text.rstrip(_CUT_PUNCTUATION) + "…"))
                shortened = self.w.plain(said, style, colour=colour)
                if _lines(shortened, width) <= 1:
                    best, low = shortened, middle + 1
                else:
                    high = middle - 1
            return best

    def quote(self, block: m.Quote) -> Flowable:
        # In the marks of the language the quote is printed in (its source's, when its
        # translation is missing): 「」 in Japanese, ” “ in Arabic (`languages.yaml`).
        marks = profile(self.w.language_of(block.text.value) or self.w.lang).quotes
        if _in_quotes(block.text.value):
            marks = ("", "")  # typed in its own: 「「…」」 printed them twice
        with self.w.group("BlockQuote"):
            rows: list[list[Flowable]] = [
                [self.w.paragraph(block.text.value, "quote", around=marks)]
            ]
            if block.attribution:
                attribution = block.attribution.value
                rows.append([self.w.paragraph(attribution, "attribution", around=("— ", ""))])
        table = make_table(rows, self.w, [
            (self._bar_side(), (0, 0), (0, -1), 2, theme_colour(self.theme, "accent")),
            *padding_commands(self._padding("quote")),
        ], colWidths=["100%"])  # fmt: skip
        return Box([Spacer(1, 4), table, Spacer(1, self.theme.spacing["block"])])

    def _bar_side(self) -> str:
        """A box's edge bar is on the side its lines start: the right, right to left."""
        return "LINEAFTER" if right_to_left(self.w.lang) else "LINEBEFORE"

    def _padding(self, box: str) -> BoxPadding:
        """The theme's padding of ``box``, its sides swapped for right-to-left text."""
        padding = self.theme.box_padding[box]
        if right_to_left(self.w.lang):
            return replace(padding, left=padding.right, right=padding.left)
        return padding

    def faq(self, block: m.Faq) -> list[Flowable]:
        out: list[Flowable] = []
        for entry in block.entries:
            with self.w.group("Div"):
                out.append(self._faq_pair(entry))
        out.append(Spacer(1, self.theme.spacing["block"] - 4))
        return out

    def _faq_pair(self, entry: m.FaqEntry) -> Flowable:
        """The rule, the question and its answer, kept together; an answer taller than
        a page goes on under its question and "(continued)" (`ContinuedGroup`)."""
        colour = theme_colour(self.theme, "accent-text")
        pair: list[Flowable] = [
            HRFlowable(
                width="100%",
                thickness=0.5,
                color=theme_colour(self.theme, "rule"),
                spaceBefore=2,
                spaceAfter=5,
            ),
            self.w.paragraph(entry.question.value, "faq-question", colour=colour),
        ]
        pair += [self.w.paragraph(t.value, "faq-answer") for t in entry.answer]
        label = partial(self._continued, entry.question.value, "faq-question", colour)
        return ContinuedGroup(pair, label, keep=len(pair) - len(entry.answer))

    def table(self, block: m.Table) -> Flowable:
        """The table, its columns fitted to their content (`column_widths`). When they
        cannot fit even with hyphenation, the columns share the width by their widest
        words and the line breaker cuts those, Thai between syllables (a parallel
        edition sets such a table at full width instead: `table_fits`)."""
        with self.w.group("Table"):
            cells = self._table_cells(block)
            caption = block.caption and self.w.paragraph(block.caption.value, "caption")
        if caption:
            caption.keep_whole = True  # a parallel row never splits it (`editions._whole`)
        padding = self.theme.box_padding["table"]
        widths = column_widths(cells, self.width, padding.left + padding.right)
        if widths is None:
            widths = squeezed(cells, self.width, padding.left + padding.right)
        table = self._data_table(cells, widths)
        parts: list[Flowable] = [table]
        if caption:
            parts.append(caption)
        parts.append(Spacer(1, self.theme.spacing["block"]))
        return Box(parts) if len(block.rows) <= 12 else _Sequence(parts)

    def _data_table(self, cells: list[list[Flowable]], widths: list[float]) -> Table:
        """The table of ``cells`` in columns of ``widths``, as a data table looks."""
        kind = RightToLeftTable if right_to_left(self.w.lang) else None
        table = make_table(cells, self.w, [
            ("BACKGROUND", (0, 0), (-1, 0), theme_colour(self.theme, "table-head")),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, theme_colour(self.theme, "accent")),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, theme_colour(self.theme, "rule")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *padding_commands(self.theme.box_padding["table"]),
        ], kind, repeatRows=1, colWidths=widths)  # fmt: skip
        table.rows_apart = TABLE_ROWS_APART
        return table

    def table_fits(self, block: m.Table, page_height: float | None = None) -> bool:
        """Whether ``block``'s columns fit this builder's width with no word cut except
        an English word at a hyphenation point, and, given the body's ``page_height``,
        whether its rows, set in those columns, split onto pages of it (`_fits_pages`).

        A row cannot split across pages: a cell that fits a page at the full width may
        not in half of it (a Thai translation of a few sentences, in a parallel A5
        edition), and the build was refused with "shorten the cell"."""
        padding = self.theme.box_padding["table"]
        cells = self._table_cells(block)
        widths = column_widths(cells, self.width, padding.left + padding.right)
        if widths is None:
            return False
        if page_height is None:
            return True
        return _fits_pages(self._data_table(cells, widths), self.width, page_height)

    def _table_cells(self, block: m.Table) -> list[list[Flowable]]:
        """The cells, in the reading order of the table's structure (rows of a TR each,
        header cells TH with a column scope) and in the order the columns are printed."""
        with self.w.group("TR"):
            header = [self.w.paragraph(t.value, "table-head", role="TH") for t in block.header]
        for cell in header:
            if cell.structure is not None:
                cell.structure.attributes = {"O": "Table", "Scope": "Column"}
        rows = []
        for row in block.rows:
            with self.w.group("TR"):
                rows.append([self.w.paragraph(t.value, "table-cell", role="TD") for t in row])
        for cell in [*header, *(cell for row in rows for cell in row)]:
            if isinstance(cell, TextParagraph):
                cell.in_cell = True  # beside other cells: its lines must read as a block
        if right_to_left(self.w.lang):  # the first column is where the lines start: at the right
            for cell in (cell for row in [header, *rows] for cell in row[:-1]):
                if isinstance(cell, TextParagraph):
                    cell.gap_after = True  # the next cell reads a word apart (pdf.js)
            return [header[::-1], *(row[::-1] for row in rows)]
        return [header, *rows]

    def figure(self, block: m.Figure) -> Flowable:
        px_w, px_h = shown_size(block.path)  # the way up a viewer shows it; checked when loading
        width = min(self.width, px_w * 72 / 150)  # print images at no less than 150 dpi
        height = width * px_h / px_w
        if height > 110 * mm:
            height, width = 110 * mm, 110 * mm * px_w / px_h
        # lazy=2: decoded when drawn and released at once, so a leaflet holds one decoded
        # image at a time however many it shows (the loader bounds each one's size).
        # A figure stands where its language's lines start, under its caption's first
        # words: at the right in a right-to-left leaflet, as its callout bars and bullets.
        side = "RIGHT" if right_to_left(self.w.lang) else "LEFT"
        image = TaggedImage(str(block.path), width=width, height=height, hAlign=side, lazy=2)
        # The file, or a copy in the build's colour model or in 8-bit greys (images.py).
        image.source = partial(drawable, block.path, self.theme)
        alt = None if block.decorative else block.alt  # a decorative image is an artifact
        if alt:
            # An untranslated description is read in its own language: the source's.
            self.w.tagged(image, "Figure", self.w.language_of(alt.value))
            if image.structure is not None:
                image.structure.alt = _plain(alt.value)
        parts: list[Flowable] = [image]
        if block.caption:
            # Beside an artifact a Caption would caption nothing a reader can find: its
            # words are read as a paragraph of their own.
            role = "" if alt else "P"
            caption = self.w.paragraph(block.caption.value, "caption", role=role)
            caption.keep_whole = True  # a parallel row never splits it (`editions._whole`)
            parts.append(caption)
            # A parallel row unwraps this group (a table cell cannot hold one) and splits
            # only after what is not kept with its next (`_lead_in_at`): the image moves
            # on with its caption instead of ending a page without it.
            image.keepWithNext = True
        parts.append(Spacer(1, self.theme.spacing["block"]))
        return KeepTogether(parts)


def keep_headings_with_boxes(story: list[Flowable]) -> list[Flowable]:
    """Put a heading, or a run of headings, in one `Box` with the block that follows it.

    ReportLab's keepWithNext cannot keep a heading with a `KeepTogether` (a box, a table,
    an FAQ pair): that flowable reports an unbounded height when wrapped, so the pair
    never fits and the heading is left alone at the foot of the page. And the group
    keepWithNext makes of a heading and its paragraph moves whole, leaving a page a
    third empty where the heading and the paragraph's first lines would fit: a `Box`
    splits then (#21). A section heading straight above a subheading goes with it and
    the subheading's block: boxed as a pair of headings, it split between them, and the
    section's heading ended a page with nothing of its section under it.
    """
    out: list[Flowable] = []
    headings: list[Flowable] = []  # headings not yet given the block they lead
    for flowable in story:
        if getattr(flowable, "outline_title", None):
            headings.append(flowable)
        elif not headings:
            out.append(flowable)
        elif isinstance(flowable, _Sequence):
            # A long table: its heading with the header and first rows, the rest split
            # as a box splits. Kept together whole, as a group, the heading and the
            # whole table moved to the next page, leaving this one half empty.
            out.append(Box([*headings, *flowable._content], empty_share=0.0))
            headings = []
        elif isinstance(flowable, KeepTogether):
            content = [*headings, *flowable._content]
            box = isinstance(flowable, Box)
            out.append(Box(content, flowable.empty_share) if box else KeepTogether(content))
            headings = []
        elif isinstance(flowable, (Paragraph, ListFlowable)):
            # A heading with the first lines of its paragraph or list, as a book sets
            # it: never moved whole when they fit (the paragraph keeps two lines).
            out.append(Box([*headings, flowable], empty_share=0.0))
            headings = []
        else:
            out += [*headings, flowable]
            headings = []
    for heading in headings:
        # The body ends under it (an empty section, A11Y012): kept with what follows,
        # the reference list or the closing box, which report no height that fits, it
        # went with them to a page of their own however much room this one had.
        heading.keepWithNext = False
    return out + headings


#: A box moved whole to the next page may leave at most this share of the frame empty;
#: beyond it, the box splits between its rows (#21: 45 mm left empty on an A5 page).
#: Less than the quarter a page may show empty: the room a box is offered excludes
#: the space after the last line above it (padding, space after: about 30 points).
EMPTY_SHARE = 0.15
SPLIT_STEP = 4.0  # points: how much less room each try at splitting a box offers
#: A data table split across pages keeps at least this many rows under its header on
#: each side, as a paragraph keeps two lines at a page's foot and at its head.
TABLE_ROWS_APART = 2
#: Rows under this share of a page, fewer than `TABLE_ROWS_APART`, are a scrap when a
#: split leaves them alone on a page: a row as tall as a quarter of a page is not.
SCRAP_SHARE = 0.25


class Box(KeepTogether):  # type: ignore[misc]
    """A box (callout, quote, data table, with the heading before it): kept together,
    unless moving it whole would leave more than `EMPTY_SHARE` of the frame empty.
    Then it splits where the reader loses nothing: between the rows of its table, with
    at least the label (or header) and one row on this page, so no label, header or
    heading is left alone at the foot of the page.
    """

    MIN_ROWS = 2

    def __init__(self, flowables: list[Flowable], empty_share: float = EMPTY_SHARE) -> None:
        super().__init__(flowables)
        self.empty_share = empty_share

    def split(self, aW: float, aH: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if frame is None or aH >= self._H or aH <= self.empty_share * frame._height:
            return self._moved(list(super().split(aW, aH)))
        return self._split_rows(aW, aH) or self._moved(list(super().split(aW, aH)))

    def _moved(self, parts: list[Flowable]) -> list[Flowable]:
        """ReportLab's split of a box that goes to the next frame: a frame break and the
        content, loose. Kept a box there, so that it splits by its own rules if it does
        not fit that page either (a table's caption with its last row); loose, a table
        that filled the page left its caption alone on the one after. A box already at
        the top of its frame is given up loose (a `NullActionFlowable` first), as before."""
        if parts and isinstance(parts[0], _FrameBreak) and len(parts) > 2:
            return [parts[0], Box(parts[1:], self.empty_share)]
        return parts

    def _split_rows(self, aW: float, aH: float) -> list[Flowable] | None:
        content = list(self._content)
        index = next(
            (i for i, f in enumerate(content) if isinstance(f, (Table, ListFlowable, Paragraph))
             and not getattr(f, "outline_title", None)),
            None,
        )  # fmt: skip
        if index is None:
            return None
        above = 0.0
        for flowable in content[:index]:
            above += flowable.getSpaceBefore() + flowable.wrap(aW, aH)[1]
            above += flowable.getSpaceAfter()
        body = content[index]
        room = aH - above - body.getSpaceBefore()
        # The frame offered room above a footer listing every reference the box cites;
        # the part kept on this page adds only the entries its own citations need:
        # try less and less room until the part and its footer fit.
        refs = getattr(getattr(self, "_frame", None), "references", None)
        footer = lead = 0.0
        if refs is not None:
            lead = refs.height(refs.on_page | _citations(content[:index]))
            footer = refs.height(refs.on_page | flowable_citations(self))
        total = room + footer - lead  # for the part and the footer it adds
        # What follows the table in the box (its caption) goes with its last row: a
        # table that fits whole "splits" into itself and nothing (`SplitTable`), which
        # left the caption alone at the top of the next page.
        follows = any(not isinstance(f, Spacer) for f in content[index + 1 :])
        if follows and isinstance(body, SplitTable):  # the box moves whole, or splits
            body.after = sum(
                f.getSpaceBefore() + f.wrap(aW, aH)[1] + f.getSpaceAfter()
                for f in content[index + 1 :]
            )
        parts: list[Flowable] = []
        trial = total
        frame = getattr(self, "_frame", None)
        at_top, page = bool(getattr(frame, "_atTop", 0)), getattr(frame, "_height", None)
        while trial > 0:
            parts = (
                body.split_in(aW, trial, at_top, page)
                if isinstance(body, SplitTable)
                else body.split(aW, trial)
            )
            if len(parts) < 2:
                return None
            if (follows and _whole(parts[0], body)) or not splits_well(body, parts):
                trial -= SPLIT_STEP
                continue
            if refs is None:
                break
            needed = refs.height(refs.on_page | _citations([*content[:index], parts[0]]))
            if parts[0].wrap(aW, trial)[1] + needed - lead <= total + 1e-6:
                break
            trial -= SPLIT_STEP
        else:
            return None
        # Flat: the frame must be able to add the first flowable as it is (a
        # KeepTogether never reports a height that fits). The rest is a box again, so
        # the caption stays with the last row however many pages the rows take: flat,
        # rows that filled the next page exactly left the caption alone on the one after.
        # And a table's rows keep the box's rules (`splits_well`): flat, the frame split
        # the rest again below the first part, by ReportLab's rules, and carried the
        # closing box's last line alone to a page of its own.
        rest = [*parts[1:], *content[index + 1 :]]
        boxes = follows or isinstance(body, Table)
        boxed: list[Flowable] = [Box(rest, self.empty_share)] if boxes else rest
        return [*content[:index], parts[0], *boxed]


#: A part of a split box shows at least this many lines of its own text: not its label
#: alone at the foot of a page, nor its last line alone at the top of the next (#21: the
#: closing box's "Web: https://…" was the only line of a parallel edition's last page).
MIN_LINES = 2


def splits_well(box: Flowable, parts: Sequence[Flowable]) -> bool:
    """Whether ``parts``, a split of ``box`` between the rows of its table, fall where a
    reader loses nothing: each part shows `MIN_LINES` lines of its own at least, the
    first keeps `Box.MIN_ROWS` rows (a label or header and a row), and the split is at
    the start of one of the box's ``sections`` when it names them (the closing box
    splits only between its notice and its contacts). Anything but a table's split
    (a paragraph's keeps its own widow and orphan rules) is not judged here."""
    if not isinstance(box, Table) or len(parts) != 2:
        return True
    first, rest = parts
    if not isinstance(rest, Table):  # the whole box fits: nothing is split off
        return True
    kept = len(getattr(first, "_cellvalues", ()))
    sections = getattr(box, "sections", None)
    if kept < Box.MIN_ROWS or (sections is not None and kept not in sections):
        return False
    return min(_lines_shown(first), _lines_shown(rest, rest.repeatRows)) >= MIN_LINES


def _lines_shown(table: Table, skip: int = 0) -> int:
    """The lines of text the rows of ``table`` after its first ``skip`` (a header it
    repeats) show, a row counting its tallest cell; anything but text (a picture)
    counts as enough."""
    rows = table._cellvalues[skip:]
    return sum(max((_cell_lines(cell) for cell in row), default=0) for row in rows)


def _cell_lines(cell: object) -> int:
    flowables = cell if isinstance(cell, (list, tuple)) else [cell]
    lines = 0
    for flowable in flowables:
        if isinstance(flowable, TextParagraph):
            lines += len(flowable.lines_for(getattr(flowable, "width", 0) or flowable.minWidth()))
        elif isinstance(flowable, Flowable) and not isinstance(flowable, Spacer):
            lines += MIN_LINES
    return lines


def _fits_pages(table: Table, width: float, page_height: float) -> bool:
    """Whether ``table``, set ``width`` wide, is placed on pages ``page_height`` tall
    whatever the page it starts on: whole on one page, or with its header and any
    `TABLE_ROWS_APART` + 1 consecutive rows on one. A part that starts a page then
    fits it whole (three rows or fewer) or splits leaving two rows on each side, the
    least a data table keeps (`SplitTable._split_keeping_rows`).

    Its header with its tallest row is not enough: in a column of the parallel edition
    a table is never told it stands at the top of a page, where a single edition's
    splits anyhow, so the last three rows of a Japanese table, each fitting a page
    under its header but not together, could split neither two and one nor one and two,
    and the build was refused ("this table cell (…) makes its row taller than a page")."""
    table.wrap(width, 1e9)
    header, *rows = (float(height) for height in table._rowHeights)
    if header + sum(rows) <= page_height:
        return True
    window = TABLE_ROWS_APART + 1
    return all(
        header + sum(rows[start : start + window]) <= page_height
        for start in range(max(len(rows) - window, 0) + 1)
    )


def _whole(part: Flowable, body: Flowable) -> bool:
    """Whether ``part`` of a split of the table ``body`` holds every row of it."""
    rows = getattr(body, "_cellvalues", None)
    return rows is not None and len(getattr(part, "_cellvalues", ())) >= len(rows)


def _citations(flowables: Sequence[Flowable]) -> set[int]:
    return {n for flowable in flowables for n in flowable_citations(flowable)}


class _Sequence(KeepTogether):  # type: ignore[misc]
    """A list of flowables placed in order with no keep-together rule (long tables).

    Its split leads with a `NullActionFlowable`, as ReportLab's own `KeepTogether` does
    when it gives up: the document then places each flowable on its own, splitting the
    table between its rows. Without it, ReportLab takes the first part of a split to fit
    where it is: a long table that did not fit whole below the block before it (a
    figure, a paragraph) failed to build, reported as a cell taller than a page.
    """

    keeps_apart = True  # its members split on their own (`ReferenceFrame.split`)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return [NullActionFlowable(), *self._content]


def list_number(lang: str, rtl: bool) -> Callable[[str], str]:
    """A list item's number as ReportLab draws it, a plain string set left to right:
    in the locale's digits with its stop ("၁။"), and in right-to-left text in visual
    order, the stop at the left of the number, where the reader meets it."""
    stop = profile(lang).list_stop

    def number(value: str) -> str:
        digits = localize_digits(value, lang)
        return stop + digits if rtl else digits + stop

    return number


def _prints_anything(source: str) -> bool:
    """Whether inline-markup ``source`` prints a character or a citation ("** **" does
    not)."""
    from ..content.inline import parse_inline

    return any(span.cites or span.text.strip() for span in parse_inline(source))


def _plain(source: str) -> str:
    from ..content.inline import plain_text

    return plain_text(source)


def _in_quotes(text: str) -> bool:
    """Whether the words of ``text`` (its markup and citations aside) are all inside
    one pair of quotation marks the author typed: a pull quote written 「…」 or “…”
    prints as typed, where the language's own marks around it printed two of each."""
    from ..checks.text import plain, quoted_ranges  # what the claim checks call quoted

    words = plain(text).text.strip()
    return len(words) > 2 and quoted_ranges(words) == ((1, len(words) - 1),)


#: What a cut label's last word loses before its "…": "Before, …" reads as "Before…".
_CUT_PUNCTUATION = " ,;:、，；：،"


#: The marks a cut question may have opened and not closed, with their closing marks.
_PAIRED_MARKS = (
    ("“", "”"),
    ("‘", "’"),
    ("(", ")"),
    ("（", "）"),
    ("「", "」"),
    ("『", "』"),
    ("«", "»"),
)


def _closed(cut: str) -> str:
    """``cut`` with the marks it opened closed after its "…": a question cut inside a
    quotation (ทำไมไม่เรียกว่า “เซลล์ส่ง…) left the quote open; “เซลล์ส่ง…” reads as a
    quotation cut short."""
    for opening, closing in _PAIRED_MARKS:
        cut += closing * max(cut.count(opening) - cut.count(closing), 0)
    return cut + '"' * (cut.count('"') % 2)


def _lines(paragraph: Flowable, width: float) -> int:
    """How many lines ``paragraph`` takes at ``width``."""
    return len(paragraph.lines_for(width)) if isinstance(paragraph, TextParagraph) else 1
