"""The paragraph flowable: shaped units broken into lines, split across frames, drawn.

`TextParagraph` is a ReportLab ``Paragraph`` (so frames, tables, ``KeepTogether`` and
the layout treat it as one) whose ``wrap``/``split``/``draw`` run on this package's
units instead of ReportLab's fragment words. ReportLab's own breaker cannot be used
for Thai: it breaks only at spaces, measures unshaped widths, and its long-word
splitter is what raises ``LayoutError: Splitting error`` on shaped paragraphs.

A paragraph longer than a page is split once per page, and each remainder is measured
again: everything a remainder costs must be proportional to the page it fills, not to
the text left, or one long paragraph is quadratic (a 200 kB paragraph took 10 s,
800 kB 39 s). So ``frags`` and ``text`` are made only when asked for, the remainder
inherits the greedy line breaks it already has (`_LinesFrom`), and citation numbers
are found through an index shared by all parts.
"""

from __future__ import annotations

import copy
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, overload

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer
from reportlab.platypus.paraparser import ParaFrag

from ..languages import right_to_left
from .cell_edges import inside_column
from .ink import ReachFrom, may_touch, paragraph_pitch
from .line_pitch import layer_size
from .linebreak import (
    FUZZ,
    Line,
    Stretch,
    at_line_end,
    balanced_lines,
    break_lines,
    fit_units,
    hanging_width,
    justify,
    release_phrases,
    squeezed_at_end,
    squeezed_at_start,
    words_cut,
)
from .marked_content import Element, drawing
from .placed import Placed
from .render import draw_placed, place_units, word_gap
from .runs import Run
from .segmentation import WordList, load_word_list
from .segmentation import default_word_list as default_word_list  # where it was
from .shrink import scaled_style, scaled_units, words_scale
from .units import Unit, build_units


def _frag(unit_text: str, run: Run) -> ParaFrag:
    """A ReportLab fragment describing a piece, for code that inspects ``.frags``."""
    frag = ParaFrag()
    frag.text = unit_text
    frag.fontName = run.font
    frag.fontSize = run.size
    frag.textColor = run.color
    frag.link = run.link
    frag.cites = run.cites
    return frag


class _LinesFrom(Sequence[Line]):
    """``lines[first:]`` with every unit index moved down by ``shift``: the lines of a
    split's remainder, made without copying the lines of the pages still to come."""

    lines: Sequence[Line]
    first: int
    shift: int

    def __init__(self, lines: Sequence[Line], first: int, shift: int) -> None:
        if isinstance(lines, _LinesFrom):  # a remainder of a remainder: one level only
            first, shift = lines.first + first, lines.shift + shift
            lines = lines.lines
        self.lines, self.first, self.shift = lines, first, shift

    def __len__(self) -> int:
        return len(self.lines) - self.first

    @overload
    def __getitem__(self, index: int) -> Line: ...
    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...
    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        line = self.lines[self.first + index]
        return replace(line, start=line.start - self.shift, end=line.end - self.shift)

    def __iter__(self) -> Iterator[Line]:
        return (self[i] for i in range(len(self)))


class _Citations:
    """Where a paragraph cites: (unit index, numbers) in order, shared by its parts."""

    def __init__(self, units: Sequence[Unit]) -> None:
        marks = [
            (i, piece.run.cites)
            for i, unit in enumerate(units)
            for piece in unit.pieces
            if piece.run.cites
        ]
        self.at = [i for i, _ in marks]
        self.numbers = [numbers for _, numbers in marks]

    def between(self, start: int, end: int) -> set[int]:
        first = bisect_left(self.at, start)
        last = bisect_left(self.at, end, first)
        return {n for numbers in self.numbers[first:last] for n in numbers}


def _same_units(a: Sequence[Unit], b: Sequence[Unit]) -> bool:
    """Whether ``a`` and ``b`` hold the same unit objects in the same order: units that
    fit are passed on as they are (`fit_units`), while a cut makes new parts, whose
    positions a citation index of other units does not know."""
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


class TextParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph of shaped units; each part of a split keeps only its own units."""

    # ReportLab's Paragraph attributes, set here because `__init__` skips its parser.
    caseSensitive = 1
    encoding = "utf8"
    bulletText = None
    debug = 0
    # The structure element its lines are content of, in a tagged PDF (set by the layout).
    structure: Element | None = None
    # Set in a table cell or a parallel column, beside other text (set by the layout):
    # its lines must read back as one block, however far apart a script sets them
    # (`line_pitch`).
    in_cell: bool = False
    # Right to left, a cell another cell of its row is drawn after, to its left (set by
    # the layout): its last line ends in a space of the text layer (`render.word_gap`).
    gap_after: bool = False
    # Set against its column's direction (set by the layout: English printed untranslated
    # in an Arabic column, or Arabic in an English list): it is as wide as its text, up
    # to the column, and stands at its lines' end, the column's start, where a reader
    # of the column's language looks for it (`_block_slack`, docs/scripts.md).
    block_at_end: bool = False
    # The leaflet block it sets, for error messages (set by the layout).
    leaflet_block: object = None
    # What makes the label its part carried to the next page of a parallel column opens
    # with (an FAQ answer's "question (continued)", set by the layout: `editions`).
    continues: object = None
    # The reference it is the entry of (set by the layout): where it begins is a named
    # destination (`citation_links`), so only a split's first part keeps it.
    reference_key: str = ""
    # A reference entry's first part, its rest on the next page: this page does not
    # print the entry in full, so its citations here still need their note.
    entry_cut: bool = False

    def __init__(
        self,
        units: Sequence[Unit],
        style: ParagraphStyle,
        lang: str,
        *,
        justify_last: bool = False,
        on_emergency_break: Callable[[str], None] | None = None,
    ) -> None:
        self.units = list(units)
        # The units as made, before any measure cut them: each width is fitted from
        # these, so the parts a narrower wrap cut (a probe, a narrow frame) never stay
        # cut in a wider measure, where they ended lines inside a syllable (လူနာသ|ည်).
        self._uncut: Sequence[Unit] = self.units
        # As made, before a style's ``shrinkWordsTo`` set them smaller (`shrink`).
        self._unshrunk: tuple[Sequence[Unit], ParagraphStyle] = (self.units, style)
        self.lang = lang
        # Told the text of each unit cut by an emergency break: the layout reports them
        # (LAYOUT004), because a cut inside a word is a defect the author must fix.
        self.on_emergency_break = on_emergency_break
        self.justify_last = justify_last  # the first part of a split is justified to its end
        # The rest of a paragraph split across frames: its first line is no paragraph's
        # start, and an opening bracket there sets its ink flush (`start_squeeze`).
        self.continued = False
        self.style = style
        self._frags: list[ParaFrag] | None = None
        self._text: str | None = None
        self._lines: Sequence[Line] = []
        self._widths: tuple[float, float] | None = None
        self._pitch: float = style.leading
        self._pitch_of: Sequence[Line] | None = None  # the lines ``_pitch`` is for
        # Those lines placed to measure their ink, with the width they were placed at:
        # drawing them at that width places them again for nothing.
        self._placed: tuple[Sequence[Line], float, list[list[Placed]]] | None = None
        # The citation index of the whole paragraph, and where this part starts in it.
        self._citations: _Citations | None = None
        self._offset = 0
        # The ink reach of the whole paragraph's units from each on, shared with its
        # parts like the citation index: made once it is split, from the same units.
        self._reach: tuple[Sequence[Unit], ReachFrom] | None = None
        self._reach_offset = 0

    @property
    def frags(self) -> list[ParaFrag]:
        """ReportLab fragments, for code that inspects ``.frags`` (made when asked)."""
        if self._frags is None:
            # One fragment per stretch of a run, not per piece: a Chinese paragraph has a
            # unit (and a piece) per ideograph, and a fragment costs as much as its piece.
            frags: list[ParaFrag] = []
            last: Run | None = None
            for unit in self.units:
                for piece in unit.pieces:
                    if piece.run is last:
                        frags[-1].text += piece.text
                    else:
                        frags.append(_frag(piece.text, piece.run))
                        last = piece.run
            self._frags = frags
        return self._frags

    @frags.setter
    def frags(self, value: list[ParaFrag]) -> None:
        self._frags = value

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.getPlainText()
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self._text = value

    def cited_numbers(self) -> set[int]:
        """Citation numbers in this part of the paragraph."""
        if self._citations is None:
            self._citations = _Citations(self.units)
        return self._citations.between(self._offset, self._offset + len(self.units))

    # --- measuring -------------------------------------------------------------------

    def _line_widths(self, avail_width: float) -> tuple[float, float]:
        style = self.style
        first = avail_width - style.leftIndent - style.firstLineIndent - style.rightIndent
        return first, avail_width - style.leftIndent - style.rightIndent

    def lines_for(self, avail_width: float) -> Sequence[Line]:
        widths = self._line_widths(avail_width)
        if widths != self._widths:
            # A unit wider than a line is cut (hyphenated, or as an emergency) rather
            # than drawn past the margin; the cut units replace the originals so `split`
            # and `draw`, which index ``self.units`` by line, see the same list.
            report = self.on_emergency_break
            self._shrink_words(min(widths))
            units = self._uncut
            if min(widths) >= getattr(self.style, "keepPhrasesBelow", 0):
                # A measure wide enough breaks between any two characters, as Japanese
                # and Chinese text is set; only a narrow one keeps phrases whole.
                units = release_phrases(units)
            fitted = fit_units(
                units,
                min(widths),
                self.lang,
                on_forced=(lambda unit: report(_unit_text(unit))) if report else None,
            )
            cut_words = words_cut(units, fitted)
            units = fitted
            if not _same_units(units, self.units):
                # Cut units: the shared citation index counts other ones. Asked
                # before the cut (a frame reserves the footer before it splits), it
                # would give the parts after the cut the citations of others, and a
                # part a footer no room was left for ("x¹ x¹ x¹…", issue #16).
                self._citations, self._offset = None, 0
                self._reach, self._reach_offset = None, 0
            self.units = units
            justified = self.style.alignment == TA_JUSTIFY
            lines = break_lines(
                self.units,
                *widths,
                avoid_runts=not justified,
                lang=self.lang,
                continued=self.continued,
                cut_words=cut_words,
            )
            if getattr(self.style, "balanceLines", False) and not justified:
                lines = balanced_lines(self.units, *widths, lines, self.lang, cut_words)
            self._lines = lines
            self._widths = widths
        return self._lines

    @property
    def sized_units(self) -> Sequence[Unit]:
        """Its units at the style's own size: what a table's column sizing measures
        (`layout.table_widths`), never a header set smaller for a narrower probe."""
        units, style = self._unshrunk
        return units if self.style is not style else self.units

    def _shrink_words(self, width: float) -> None:
        """With a style's ``shrinkWordsTo`` (a title, a heading): set the paragraph as
        much smaller as its widest word needs to fit ``width`` whole, down to that floor
        (`shrink.words_scale`), rather than cut the word; at its own size where it fits."""
        floor = getattr(self._unshrunk[1], "shrinkWordsTo", 0.0)
        if not floor:
            return
        units, style = self._unshrunk
        scale = words_scale(units, width, self.lang, style.fontSize, floor)
        self._uncut = scaled_units(units, scale) if scale < 1 else units
        self.style = scaled_style(style, scale) if scale < 1 else style
        self._pitch_of = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines_for(availWidth)) * self.pitch()
        return availWidth, self.height

    def minWidth(self) -> float:
        widest = max((u.width for u in self.units), default=0.0)
        return float(widest + self.style.leftIndent + self.style.rightIndent)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        self.width = availWidth  # its lines are placed in it to find their pitch
        lines = self.lines_for(availWidth)
        fit = int((availHeight + FUZZ) / self.pitch())
        if len(lines) <= fit:
            # All of it fits. A frame never asks then, but a table row split inside a
            # parallel column can (it measures with stale heights) and reads two parts.
            return [self, Spacer(0, 0)]
        allow_orphans = getattr(self.style, "allowOrphans", 0)
        if fit == 0 or (fit == 1 and not allow_orphans):
            return []
        if fit == len(lines) - 1 and not getattr(self.style, "allowWidows", 1):
            fit -= 1  # give the widow company
            if fit < 2:
                return []
        cut = lines[fit].start
        first = TextParagraph(self.units[:cut], self.style, self.lang, justify_last=True)
        rest_style = self.style
        if rest_style.firstLineIndent:
            # The continuation is not a new paragraph: no first-line indent (as ReportLab).
            rest_style = copy.copy(rest_style)
            rest_style.firstLineIndent = 0
        rest = TextParagraph(
            self.units[cut:], rest_style, self.lang, justify_last=self.justify_last
        )
        # Greedy breaking: the remainder's lines are this paragraph's lines after the
        # cut, all set at the full width (its first line has no indent), so they are
        # reused rather than broken again on every page.
        rest._lines = _LinesFrom(lines, fit, cut)
        rest._widths = (self._widths[1], self._widths[1]) if self._widths else None
        if self._citations is None:
            self._citations = _Citations(self.units)
        rest._citations, rest._offset = self._citations, self._offset + cut
        if self._reach_bound() is None:
            self._reach, self._reach_offset = (self.units, ReachFrom(self.units)), 0
        rest._reach = self._reach
        rest._reach_offset = self._reach_offset + cut
        first.continued, rest.continued = self.continued, True
        first.structure = rest.structure = self.structure  # two parts, one element
        first.in_cell = rest.in_cell = self.in_cell
        first.gap_after = rest.gap_after = self.gap_after
        first.block_at_end = rest.block_at_end = self.block_at_end
        # The leaflet block the layout tagged it with (`layout/unprintable.py`): a part
        # that fits nowhere names its own paragraph, not the heading kept with it.
        first.leaflet_block = rest.leaflet_block = self.leaflet_block
        first.continues = rest.continues = self.continues
        first.reference_key = self.reference_key
        first.entry_cut = bool(self.reference_key)
        first.wrap(availWidth, availHeight)
        return [first, rest]

    # --- drawing ----------------------------------------------------------------------

    def draw(self) -> None:
        style = self.style
        lines = self.lines_for(self.width)
        if not lines:
            return
        first_size = max(
            (
                p.run.size
                for u in self.units[lines[0].start : lines[0].end]
                for p in u.pieces
                if not p.run.superscript
            ),
            default=style.fontSize,
        )
        baseline = self.height - first_size  # ReportLab: paraFontSizeHeightOffset
        with drawing(self.canv, self.structure):
            self._draw_lines(lines, baseline)

    def _draw_lines(self, lines: Sequence[Line], baseline: float) -> None:
        pitch = self.pitch()
        layer = self.layer_size()
        placed: list[Placed] = []
        measured = self._placed
        if measured and measured[0] is lines and measured[1] == self.width:
            every: Iterable[list[Placed]] = measured[2]
        else:
            every = self._placed_lines(lines)
        for number, placed in enumerate(every):
            if self.in_cell:  # beside other cells: its text layer stays in its column
                placed = inside_column(placed, 0.0, self.width)
            draw_placed(self.canv, baseline - number * pitch, placed, layer)
        if self.gap_after and right_to_left(self.lang) and placed:
            # pdf.js reads a row's next cell, drawn left of this one, as one word with
            # this cell's last ("العلامةماذا تفعل"): a space where this line ends.
            end = min(placed, key=lambda item: item.x)
            y = baseline - (len(lines) - 1) * pitch
            word_gap(self.canv, end.x, y, end.piece.run.font, end.piece.size, leftwards=True)

    def _placed_lines(self, lines: Sequence[Line]) -> Iterator[list[Placed]]:
        """Each of ``lines`` with its clusters where they are drawn: aligned, justified,
        its end's hyphen and its squeezed brackets in place."""
        style = self.style
        first_width, later_width = self._line_widths(self.width)
        rtl = right_to_left(self.lang)
        block = self._block_slack(lines, first_width)
        for number, line in enumerate(lines):
            available = first_width if number == 0 else later_width
            x = style.leftIndent + (style.firstLineIndent if number == 0 else 0)
            if rtl:
                # Right to left, indents are measured from the right edge.
                x = self.width - x - available
            last = number == len(lines) - 1
            stretch = Stretch()
            if style.alignment == TA_JUSTIFY and (not last or self.justify_last):
                stretch = justify(self.units, line, available)
            x += self._line_offset(line, available, rtl, block)
            units = list(self.units[line.start : line.end])
            units[-1] = at_line_end(units[-1])  # the hyphen a soft hyphen becomes there
            if line.lead:  # its opening bracket's ink at the line's start
                units[0] = squeezed_at_start(units[0], self.lang)
            if line.squeeze:  # its closing mark on half an em, so the line fits
                units[-1] = squeezed_at_end(units[-1], self.lang)
            yield place_units(units, x, stretch.space, stretch.boundary)

    def first_line(self) -> list[Placed]:
        """The clusters of its first line where they are drawn, as wrapped last (none
        before): a right-to-left list item's number is written beside it
        (`list_numbers`)."""
        lines = self._lines
        return next(iter(self._placed_lines(lines)), []) if lines else []

    def pitch(self) -> float:
        """How far apart its lines' baselines are: the style's leading, or more where
        a mark under one line would touch a mark over the next (`ink`). Worked out
        once for each set of lines (a new width or a split's part has its own)."""
        lines = self._lines
        if self._pitch_of is not lines:
            leading = float(self.style.leading)
            size = self.style.fontSize
            self._pitch = leading
            reach = self._reach_bound()
            if len(lines) > 1 and may_touch(self.units, leading, size, reach):
                placed = list(self._placed_lines(lines))
                self._placed = (lines, self.width, placed)
                self._pitch = paragraph_pitch(placed, leading, size)
            self._pitch_of = lines
        return self._pitch

    def _reach_bound(self) -> tuple[float, float] | None:
        """The shared bound on the ink of this part's units (`ink.ReachFrom`), if it
        was made from them: a wrap at another width cuts other units."""
        if self._reach is None:
            return None
        units, reach = self._reach
        at = self._reach_offset
        if at < len(units) and self.units and units[at] is self.units[0]:
            return reach.bounds[at]
        return None

    def layer_size(self) -> float:
        """The size its text layer is written at beside other text (`line_pitch`), 0
        where that is the drawn size. Read from its pitch, not its style's leading: a
        pitch widened for its marks (`ink`) writes a larger layer, and the gap beside
        it and its list number must follow (`editions._gap_for`, `list_numbers`)."""
        return layer_size(self.style.fontSize, self.pitch()) if self.in_cell else 0.0

    def _slack(self, line: Line, available: float) -> float:
        """Points of ``available`` that ``line`` leaves empty, not counting the marks
        that hang past its end (`hanging_width`); less than 0 when it runs past it."""
        last = self.units[line.end - 1]
        if line.squeeze:  # the mark hangs on the half em it is drawn on
            last = squeezed_at_end(last, self.lang)
        hang = hanging_width(last, line.width - available)
        return available - (line.width - hang)

    def _block_slack(self, lines: Sequence[Line], first_width: float) -> float | None:
        """For a paragraph set as a block at its lines' end (`block_at_end`): how far
        its lines start from their start, so that the block ends at the column's
        start; None for any other. The block is as wide as its text, up to the column
        (CSS `width: fit-content`): a paragraph that wraps fills the column, its lines
        flush at their own start as any of its language, and only a paragraph of one
        line moves. Sized by its longest line, a page of English paragraphs on an
        Arabic page started each at its own distance from the column's left edge."""
        if not self.block_at_end or self.style.alignment in (TA_CENTER, TA_RIGHT):
            return None
        if len(lines) != 1 or self.continued:
            return None
        return max(0.0, self._slack(lines[0], first_width))

    def _line_offset(
        self, line: Line, available: float, rtl: bool, block: float | None = None
    ) -> float:
        """How far right of the left edge of its ``available`` width ``line`` is drawn.
        Its alignment places the line's letters: marks that hang past its end
        (`hanging_width`) are not measured, and a line wider than the column (a
        syllable cut in an emergency runs past it) starts at the column's start and
        runs past its end, never past its start, where a centred or right-aligned one
        went into the cell's padding or the column beside it. ``block``: the offset
        from their start of the lines of a block set at its end (`_block_slack`)."""
        if block is None:
            # "left" and "right" mean the start and end of the line: a right-to-left
            # paragraph set "left" is flush right, its last justified line too.
            share = {TA_CENTER: 0.5, TA_RIGHT: 1.0}.get(self.style.alignment, 0.0)
            block = max(0.0, self._slack(line, available) * share)
        start = block  # from the line's start: its right end if rtl
        return available - start - line.width if rtl else start

    # --- inspecting -------------------------------------------------------------------

    def getPlainText(self, identify: Any = None) -> str:
        return "".join(u.text for u in self.units)

    def line_texts(self) -> list[str]:
        """The text each line shows after the last wrap (trailing spaces dropped)."""
        return [
            "".join(u.text for u in self.units[line.start : line.end]).rstrip(" ")
            for line in self._lines
        ]

    def __deepcopy__(self, memo: dict[int, Any]) -> TextParagraph:
        # Units are immutable; ReportLab deep-copies flowables before trial splits.
        clone = copy.copy(self)
        clone.units = list(self.units)
        return clone

    def __repr__(self) -> str:
        return f"TextParagraph({self.getPlainText()[:40]!r}, {len(self.units)} units)"


def make_paragraph(
    runs: Sequence[Run],
    style: ParagraphStyle,
    lang: str,
    *,
    words: WordList | Path | str | None = None,
    on_emergency_break: Callable[[str], None] | None = None,
) -> TextParagraph:
    """A paragraph flowable for ``runs``; ``words`` overrides the default word list.
    A style with ``keepPhrasesBelow`` (a table cell) makes each Japanese or Chinese
    phrase one unit (`units.build_units`), released when the line is wide enough."""
    if words is None:
        word_list = default_word_list()
    elif isinstance(words, WordList):
        word_list = words
    else:
        word_list = load_word_list(words)
    phrases = getattr(style, "keepPhrasesBelow", 0) > 0
    units = build_units(runs, lang, word_list, phrases=phrases)
    return TextParagraph(units, style, lang, on_emergency_break=on_emergency_break)


def _unit_text(unit: Unit) -> str:
    return "".join(cluster.text for piece in unit.pieces for cluster in piece.clusters)


def cited_numbers(flowable: Any) -> set[int]:
    """Citation numbers in this paragraph (or in this part of a split paragraph)."""
    if isinstance(flowable, TextParagraph):
        # Asked for every flowable placed and measured, and for every remainder of a
        # long paragraph: through the shared index, not a walk over its units.
        return flowable.cited_numbers()
    found: set[int] = set()
    for frag in getattr(flowable, "frags", ()):
        found.update(getattr(frag, "cites", ()))
    return found
