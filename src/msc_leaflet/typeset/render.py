"""Placed clusters → PDF content: the text layer, glyph outlines, and link areas.

A line becomes one text object holding the text-carrying glyphs (see
``shaping._text_carriers``) left to right, shown with ``TJ``; HarfBuzz positions
become in-array adjustments, as extractors expect inside a word. Marks and other
outline-only glyphs follow the text object, each drawing its glyph's form
(``outlines.py``). A line with right-to-left text is drawn at the same positions but
written in reading order, glyph by glyph, as ``reading_order`` decides.

A citation superscript is written twice: as invisible text (render mode 3) on the
baseline, where every extractor reads it as part of the line, and as visible raised
outlines. Raised *text* makes pdfium start a new line before and after it. So is every
glyph of a line whose text layer is written larger than its glyphs (``layer``: a table
cell whose lines are too far apart for extractors to join them, `line_pitch`).

Everything is wrapped in ``q … Q``: the text state (font, rise, render mode) and the
fill colour are graphics state, so the canvas's own idea of them stays true.

On a tagged page (`marked_content.py`) a line drawn while an element is current is
marked inside its text object: one sequence for the element's own text, and a child
element with its own sequence for a link (with its annotation), a citation
superscript (Reference), or Latin-script words in a text of another script (a Span
with the language of the terms the translation kept from its source).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from itertools import compress, groupby
from operator import attrgetter
from typing import TypeVar, cast

from reportlab.lib.colors import CMYKColor, Color
from reportlab.pdfbase.pdfdoc import PDFString
from reportlab.pdfgen.canvas import Canvas

from ..content.inline import pdf_uri
from ..languages import LATIN_WORD, bcp47, language_of, profile
from .bidi import visual_order
from .citation_links import citation_marks, wait
from .fonts import shaping_font
from .link_words import describe_address
from .marked_content import ARTIFACT_BEGIN, END, Element, begin_marked, item_label, tagger_of
from .outlines import FormPlacer, FormsTable, form_scale, forms_table
from .overprint import BLACK, state, switch
from .page_direction import Marks, join_next, note_line, page_marks
from .pdf_numbers import NUM_CACHE_SIZE, ratio
from .pdf_numbers import num as _num
from .placed import Placed, any_piece
from .placed import carriers as _carriers
from .reading_order import (
    LINE_END_SPACE,
    RIGHT_TO_LEFT_MARK,
    Shown,
    has_right_to_left,
    inked,
    mark_glyph,
    reading_order,
)
from .reportlab_overrides import ShapingTTFont, encode_keys, subset_name
from .runs import Run
from .scripts import CJK_SCRIPTS, LATIN, is_cjk_symbol, locale_script, script_of
from .segmentation import BREAKING_SPACES, SPACES, holds_typed_space
from .shaping import Cluster, Glyph
from .shared_baselines import SIZE, LineBreak
from .to_unicode import utf16_hex
from .units import Piece, Unit

_Part = TypeVar("_Part")


#: The smallest move (points) a line written left to right makes between glyphs.
MIN_SHIFT = 0.0005


#: Pen moves `_LineWriter._show` wrote, by value: as written, and read back.
_MOVES: dict[float, tuple[str, float]] = {}


def _move(value: float) -> tuple[str, float]:
    if len(_MOVES) >= NUM_CACHE_SIZE:
        _MOVES.clear()
    text = _num(value)
    written = _MOVES[value] = (text, float(text))
    return written


def _fill(color: Color) -> str:
    if isinstance(color, CMYKColor):
        return _fill_operator((color.cyan, color.magenta, color.yellow, color.black), "k")
    return _fill_operator((color.red, color.green, color.blue), "rg")


@lru_cache(maxsize=256)
def _fill_operator(components: tuple[float, ...], operator: str) -> str:
    # Asked at every change of font in a line: a Lao line changes to Latin for each
    # full stop and digit.
    # A colour is a fraction of an ink, spelled as a scale: to three decimals a third
    # was 0.333 where ReportLab writes a box of the same colour 0.333333.
    return " ".join(map(ratio, components)) + " " + operator


#: The fill of text that overprints (`overprint.py`), as `_fill` writes it: a line
#: compares the fill it writes, not the colour it was asked for.
_BLACK_FILL = _fill(BLACK)


#: The hex string of each single code: most glyphs of a right-to-left line are shown
#: one to a ``TJ`` (`reading_order`).
_ONE_CODE = tuple(f"<{code:02X}>" for code in range(256))


def _hex_string(codes: list[int]) -> str:
    if len(codes) == 1:
        return _ONE_CODE[codes[0]]
    return "<" + bytes(codes).hex().upper() + ">"


class _LineWriter:
    """Accumulates the operators of one line, tracking the text state."""

    def __init__(self, canvas: Canvas, x: float, y: float, layer: float = 0.0) -> None:
        self.canvas = canvas
        self.y = y
        self.layer = layer  # the smallest text-layer size (`line_pitch.layer_size`), or 0
        self.ops = ["q", "BT", f"1 0 0 1 {_num(x)} {_num(y)} Tm"]
        self.paths: list[str] = []
        self.marks = FormPlacer(self.paths)  # writes into `paths`
        self.forms: FormsTable | None = None  # of the page, once the line draws a form
        self.tx = x  # where the next glyph would be drawn without adjustment
        self.pen = x  # where it is drawn, for glyphs written one by one (`_show`)
        self.font: tuple[str, float] | None = None
        self.fill: str | None = None
        self.path_fill: str | None = None
        # Whether text, and the outlines after it, overprint (`overprint.py`); both
        # begin as the page is, knocking out: nothing leaves overprint on outside a line.
        self.overprint = False
        self.path_overprint = False
        self.rise = 0.0
        self.mode = 0
        self.scale = 100.0  # horizontal scaling (Tz), percent
        self.tj: list[str] = []
        self.codes: list[int] = []
        self.tagger = tagger_of(canvas)
        self.element = self.tagger.current if self.tagger else None
        self.links: list[Element] = []  # the Link element of each link stretch, in order
        # The Link element of each number a citation prints, by its first cluster's id.
        self.cited: dict[int, Element] = {}
        self.sizes: set[float] = set()  # every size the line selects a font at (Tf)
        self.texts: list[str] = []  # the text of the glyphs written in reading order

    def flush(self) -> None:
        self._end_codes()
        if self.tj:
            self.ops.append("[" + "".join(self.tj) + "] TJ")
            self.tj.clear()  # cleared, not replaced: `_font_run` holds on to the list

    def _end_codes(self) -> None:
        if self.codes:
            self.tj.append(_hex_string(self.codes))
            self.codes.clear()

    def _state(self, op: str) -> None:
        self.flush()
        self.ops.append(op)

    def line(self, items: Sequence[Placed]) -> None:
        """Write a line in drawing order, marked as content of the current element on a
        tagged page."""
        self._tagged(items, items, self._fonts)

    def shown(self, glyphs: Sequence[Shown]) -> None:
        """Write a line glyph by glyph in the order given (`reading_order`), marked as
        content of the current element on a tagged page."""
        # The clusters, only where the line may be content of more than one element.
        plain = self.element is None or self.element.uniform
        if plain:
            self._tagged([], glyphs, self._show)
            return
        items = [glyph.placed for glyph in glyphs]
        self._tagged(items, glyphs, self._show, _unread_end(glyphs))

    def _tagged(
        self,
        items: Sequence[Placed],
        parts: Sequence[_Part],
        write: Callable[[Sequence[_Part]], None],
        unread_end: int = 0,
    ) -> None:
        """``write`` the ``parts`` of a line (``parts[i]`` belongs to the cluster
        ``items[i]``), in one marked-content sequence per stretch of one element.
        ``items`` is read only when the current element is not `Element.uniform`.
        ``unread_end``: how many of the last parts read as nothing (`_unread_end`)."""
        element = self.element
        if element is None or self.tagger is None:
            write(parts)
            return
        if element.uniform:
            self._marked(element, parts, write)
            return
        keys = _tag_keys(items, element)
        if 0 < unread_end < len(keys) and keys[-1] != keys[-unread_end - 1]:
            # The invisible space and marks a right-to-left line ends in are tagged by the
            # cluster they are drawn beside (the leftmost), not the one they follow: after
            # a citation ending "… PDF¹" they were an English Span of their own, holding
            # nothing. They go on with the text before them, or, after a citation or a
            # link, are the element's own, as a space after one is (`_tag_keys`).
            before = keys[-unread_end - 1]
            tail = before if before[0] == "lang" else ("lang", element.effective_lang())
            keys[-unread_end:] = [tail] * unread_end
        if keys.count(keys[0]) == len(keys):  # most lines: one element, one sequence
            owner = self._stretch(element, keys[0], items, parts, write, first=True)
        else:
            start = 0
            for key, group in groupby(keys):
                end = start + len(list(group))
                stretch = items[start:end]
                owner = self._stretch(element, key, stretch, parts[start:end], write, start == 0)
                start = end
        continues = keys[-1][0] in ("link", "lang") and owner is not element
        self.tagger.line_ended(element, keys[-1], owner if continues else None)

    def _marked(
        self, owner: Element, parts: Sequence[_Part], write: Callable[[Sequence[_Part]], None]
    ) -> None:
        """``parts`` as one marked-content sequence of ``owner``."""
        assert self.tagger is not None
        self.flush()
        self.ops.append(begin_marked(owner.role, self.tagger.mark(owner)))
        write(parts)
        self.flush()
        self.ops.append(END)

    def _stretch(
        self,
        element: Element,
        key: _TagKey,
        items: Sequence[Placed],
        parts: Sequence[_Part],
        write: Callable[[Sequence[_Part]], None],
        first: bool,
    ) -> Element:
        """Mark a stretch of the line with one ``key`` (`_tag_keys`) as content of its
        element, which is returned: for a link, its Link, whose words in another
        language than its own are each a Span inside it (a Khmer label ending in
        "ClinicalTrials.gov" is read in Khmer, then the name in English)."""
        if key[0] == "cites":
            return self._citation(element, key, items, parts, write)
        if key[0] != "link":
            owner = self._owner(element, key, items, first)
            self._marked(owner, parts, write)
            return owner
        langs = _tag_keys(items, element, links=False)
        link = self._link(element, key[1], langs, first)
        start = 0
        for (kind, value), group in groupby(langs):
            end = start + len(list(group))
            inside = kind == "lang" and value != link.effective_lang()
            owner = link.add("Span", lang=value) if inside else link
            self._marked(owner, parts[start:end], write)
            start = end
        return link

    def _citation(
        self,
        element: Element,
        key: _TagKey,
        items: Sequence[Placed],
        parts: Sequence[_Part],
        write: Callable[[Sequence[_Part]], None],
    ) -> Element:
        """Mark a citation superscript as a Reference holding a Link per number it
        prints: a screen reader follows each to its entry (`citation_links`)."""
        reference = self._owner(element, key, items, first=False)
        marks = citation_marks(items)
        if not marks:  # no digit to link (never printed by the layout): the whole
            self._marked(reference, parts, write)
            return reference
        for _number, start, end in marks:
            link = reference.add("Link")
            self._marked(link, parts[start:end], write)
            self.cited[id(items[start])] = link
        return reference

    def _link(
        self, element: Element, target: str, langs: Sequence[_TagKey], first: bool
    ) -> Element:
        """The Link a stretch of a line to ``target`` is content of: the one the line
        before ended in (``first``: the stretch begins the line), or a new one in the
        language of its first word (a URL reads as Latin)."""
        assert self.tagger is not None
        link = self.tagger.continued(element, ("link", target)) if first else None
        if link is None:
            lang = next((value for kind, value in langs if kind == "lang"), "")
            link = element.add("Link", lang=lang or element.effective_lang())
        self.links.append(link)
        return link

    def _owner(
        self, element: Element, key: _TagKey, items: Sequence[Placed], first: bool
    ) -> Element:
        """The element a stretch of the line with ``key`` (not a link) is content of: a
        term in another language that the line before ended in goes on (``first``: the
        stretch begins the line)."""
        kind, value = key
        own = element.effective_lang()
        if kind == "cites":  # in the leaflet's digits: in an English text, "၁" is Burmese
            return element.add("Reference", lang=_number_lang(items, element))
        if kind == "label":
            label = item_label(element)
            number = _number_lang(items, element)
            if label is element and number != own:  # a page's Note: "၁. " + its entry
                return element.add("Span", lang=number)
            if number != own:
                label.lang = number
            return label
        if value != own:
            assert self.tagger is not None
            span = self.tagger.continued(element, key) if first else None
            return span or element.add("Span", lang=value)
        return element

    def _fonts(self, items: Sequence[Placed]) -> None:
        """Write clusters as runs in one font.

        ReportLab numbers a subset's codes in order of first use, so encoding a whole
        font run in one call assigns the codes cluster-by-cluster calls would, at a
        fraction of the cost (this is the hottest loop of a build). A piece is in one
        face, so the face is read once per piece, not once per cluster.
        """
        if not items:
            return
        start = 0
        piece = items[0].piece
        font_name = piece.run.font
        for index, placed in enumerate(items):
            if placed.piece is not piece:
                piece = placed.piece
                if piece.run.font != font_name:
                    self._font_run(shaping_font(font_name), items[start:index])
                    start, font_name = index, piece.run.font
        self._font_run(shaping_font(font_name), items[start:])

    def _font_run(self, font: ShapingTTFont, items: Sequence[Placed]) -> None:
        # `_carriers`, without a call for each cluster: only a justified one differs.
        carried = [
            _carriers(placed, font) if placed.stretch else placed.cluster.carriers
            for placed in items
        ]
        keys = [g.key for carriers in carried for g in carriers if g.key is not None]
        encoded = encode_keys(font, keys, self.canvas)
        stand_ins = _stand_ins(font, items, carried, encoded, self.canvas, self.layer)
        codes = iter(encoded)
        index = -1  # of the glyph in ``encoded``
        names: dict[int, str] = {}
        piece: Piece | None = None
        color: Color | None = None
        fill = ""
        size = 0.0
        written = 0.0  # the size the piece's text is written at (``Tf``)
        shown = 0  # the render mode of the piece's text
        outlined = False  # every glyph of the piece drawn as an outline
        subset_now = -1  # the subset of the previous glyph; -1: check the font
        # The loop below runs once per glyph drawn: state lives in locals (the render
        # mode and rise are written back at the end; nothing called here reads them).
        tj, out = self.tj, self.codes
        tx = self.tx
        mode_now, rise_now = self.mode, self.rise
        low, high = -MIN_SHIFT, MIN_SHIFT
        layer = self.layer
        spans = _typed_space_spans(items)
        span_end = -1  # the cluster the open /ActualText span ends with
        for position, (placed, carriers) in enumerate(zip(items, carried, strict=True)):
            if spans and position in spans:
                span_end, actual = spans[position]
                self._state(_actual_text_begin(actual))
            if placed.piece is not piece:
                piece = placed.piece
                size = piece.size
                subset_now = -1
                if piece.run.color is not color:  # every word is a piece; runs share one
                    color = piece.run.color
                    fill = _fill(color)
                if fill != self.fill:
                    self._state(self._text_fill(fill))
                    self.fill = fill
                written = self._written(size)
                outlined = bool(piece.rise) or layer > size  # `_outlined`
                shown = 3 if outlined else 0
            x = placed.x
            for glyph in carriers:
                subset, code = next(codes)
                index += 1
                mode = shown
                if stand_ins and index in stand_ins:
                    subset, code = stand_ins[index]
                    mode = 3
                if mode != mode_now:
                    self._state(f"{mode} Tr")
                    mode_now = mode
                if subset != subset_now:
                    subset_now = subset
                    name = names.get(subset)
                    if name is None:
                        name = names[subset] = subset_name(font, subset, self.canvas)
                    if self.font != (name, written):
                        self._state(f"{name} {_num(written)} Tf")
                        self.font = (name, written)
                        self.sizes.add(written)
                if glyph.y or rise_now:
                    rise = glyph.y * size / 1000
                    if abs(rise - rise_now) > 0.001:
                        self._state(f"{_num(rise)} Ts")
                        rise_now = rise
                gx = x + glyph.x * size / 1000
                shift = gx - tx
                if shift > high or shift < low:  # abs(shift) > MIN_SHIFT
                    if out:  # `_end_codes`
                        tj.append(_hex_string(out))
                        out.clear()
                    tj.append(_num(-shift * 1000 / size))
                out.append(code)
                tx = gx + glyph.width * size / 1000
            if outlined or placed.cluster.outlined:
                self._outlines(placed, fill, outlined)
            if position == span_end:
                self._state(END)
        self.tx = tx
        self.mode, self.rise = mode_now, rise_now

    def _outlined(self, piece: Piece) -> bool:
        """Whether every glyph of ``piece`` is drawn as an outline over invisible text: a
        superscript (its text on the baseline, its glyphs raised), or text whose layer
        is written larger than it is drawn (`_written`)."""
        return bool(piece.rise) or self.layer > piece.size

    def _written(self, size: float) -> float:
        """The size text of ``size`` points is written at, with the horizontal scaling
        that keeps its glyphs' widths set: moves and advances stay in points. The
        scale is of the size as ``Tf`` writes it, and is written as a scale
        (`pdf_numbers.ratio`): ``Tf`` × ``Tz`` is then the size, where 10.857 × 87.5 %
        set 9.5 pt text at 9.49988 and moved its layer off its glyphs along the line."""
        written, scale = size, 100.0
        if self.layer > size:
            written = float(_num(self.layer))
            scale = 100 * size / written
        if scale != self.scale:
            self._state(f"{ratio(scale)} Tz")
            self.scale = scale
        return written

    def _show(self, glyphs: Sequence[Shown]) -> None:
        """Write glyphs one by one, each at its own position (``reading_order``).

        The loop runs once per glyph of a right-to-left line, most of them a ``TJ`` of
        their own after a ``Tf``: text state lives in locals, what depends on the piece
        (size, fill, render mode) is worked out once per piece, each font selection
        once per line, and ``flush`` is written out where most glyphs need it.
        """
        fonts, encoded, text = _encode(glyphs, self.canvas)
        self.texts.append(text)
        selections: dict[tuple[str, int, float], tuple[tuple[str, float], str]] = {}
        ops, tj, codes = self.ops, self.tj, self.codes
        font_now, fill_now, mode_now = self.font, self.fill, self.mode
        pen = self.pen
        piece: Piece | None = None
        color: Color | None = None
        fill = ""
        size = 0.0
        written = 0.0  # the size the piece's text is written at (``Tf``)
        raised = 0  # the render mode of the piece's text
        # The font selection of the glyph before, and what it was for.
        selection = (("", 0.0), "")
        selected_font: ShapingTTFont | None = None
        selected_subset = -1
        selected_size = 0.0
        rise_now = self.rise
        moves = _MOVES
        for shown, font, (subset, code) in zip(glyphs, fonts, encoded, strict=True):
            if shown.placed.piece is not piece:
                piece = shown.placed.piece
                size = piece.size
                if piece.run.color is not color:
                    color = piece.run.color
                    fill = _fill(color)
                written = self._written(size)
                raised = 3 if self._outlined(piece) else 0
            if shown.alone:  # `flush`, most often of one move and one code
                if codes:
                    strings = _ONE_CODE[codes[0]] if len(codes) == 1 else _hex_string(codes)
                    codes.clear()
                    if tj:
                        strings = "".join(tj) + strings
                        tj.clear()
                    ops.append("[" + strings + "] TJ")
                elif tj:
                    ops.append("[" + "".join(tj) + "] TJ")
                    tj.clear()
                font_now = None  # selected again: pypdf reads the text since a Tf as one
            enclosed = shown.enclosed
            if enclosed:
                self._state(ENCLOSED_BEGIN)
            elif shown.bridge:
                self._state(BRIDGE_BEGIN)
            if fill != fill_now:
                self._state(self._text_fill(fill))
                fill_now = fill
            mode = 3 if shown.invisible else raised
            if mode != mode_now:
                self._state(f"{mode} Tr")
                mode_now = mode
            if font is not selected_font or subset != selected_subset or written != selected_size:
                selected_font, selected_subset, selected_size = font, subset, written
                found = selections.get((font.fontName, subset, written))
                if found is None:
                    name = subset_name(font, subset, self.canvas)
                    found = ((name, written), f"{name} {_num(written)} Tf")
                    selections[font.fontName, subset, written] = found
                    self.sizes.add(written)
                selection = found
            if font_now is None or font_now != selection[0]:
                if codes or tj:
                    self.flush()
                ops.append(selection[1])
                font_now = selection[0]
            glyph = shown.glyph
            if glyph.y or rise_now:
                rise = glyph.y * size / 1000
                if abs(rise - rise_now) > 0.001:
                    self._state(f"{_num(rise)} Ts")
                    rise_now = rise
            # The pen as written: rounding each move once, it never drifts.
            value = (pen - shown.x) * 1000 / size
            move, read = moves.get(value) or _move(value)
            if move != "0":
                if codes:
                    tj.append(_ONE_CODE[codes[0]] if len(codes) == 1 else _hex_string(codes))
                    codes.clear()
                tj.append(move)
                pen -= read * size / 1000
            codes.append(code)
            pen += shown.advance
            if enclosed:
                self._state(END)
            elif shown.bridge:
                self._state(END)
                pen = float(_num(pen))
                self._state(BRIDGE_END.format(x=_num(pen), y=_num(self.y)))
        self.rise = rise_now
        self.font, self.fill, self.mode, self.pen = font_now, fill_now, mode_now, pen

    def outlines(self, drawn: Sequence[Placed]) -> None:
        """The outlines of a line written glyph by glyph (`shown`), in drawing order as
        `_font_run` draws them: `_outlines`, with what depends on the piece (its font,
        size, scale and baseline) read once per piece, for a cluster of an Arabic line
        most often has a mark to draw (Noto Sans Arabic draws dots as marks)."""
        color: Color | None = None
        fill = ""
        piece: Piece | None = None
        every = False
        table = self.forms
        canvas, marks = self.canvas, self.marks
        font_name, size, scale, baseline = "", 0.0, "", 0.0
        for placed in drawn:  # once per cluster of a right-to-left line
            if placed.piece is not piece:
                piece = placed.piece
                every = self._outlined(piece)
                font_name, size = piece.run.font, piece.size
                scale = form_scale(font_name, size)
                baseline = self.y + piece.rise
            if not every and not placed.cluster.outlined:
                continue
            if piece.run.color is not color:
                color = piece.run.color
                fill = _fill(color)
            if table is None:
                table = self.forms = forms_table(canvas)
            forms = table.forms(canvas, font_name, placed.cluster, every)
            if not forms:
                continue
            if fill != self.path_fill:
                marks.add(self._path_fill(fill))
            x = placed.x
            for form, gx, gy in forms:
                marks.place(form, scale, x + gx * size / 1000, baseline + gy * size / 1000)

    def _outlines(self, placed: Placed, fill: str, every: bool) -> None:
        """Marks (``every`` glyph: of a superscript, or of text written invisibly) as
        filled paths."""
        piece = placed.piece
        table = self.forms
        if table is None:
            table = self.forms = forms_table(self.canvas)
        forms = table.forms(self.canvas, piece.run.font, placed.cluster, every)
        if not forms:
            return
        if fill != self.path_fill:
            self.marks.add(self._path_fill(fill))
        size = piece.size
        scale = form_scale(piece.run.font, size)
        baseline = self.y + piece.rise
        x = placed.x
        for form, gx, gy in forms:
            self.marks.place(form, scale, x + gx * size / 1000, baseline + gy * size / 1000)

    def _text_fill(self, fill: str) -> str:
        """The operators that fill the text after this in ``fill``, in the overprint
        it takes: overprinting in 100 % black, knocking out in any other colour."""
        ops, self.overprint = switch(self.canvas, fill, fill == _BLACK_FILL, self.overprint)
        return ops

    def _path_fill(self, fill: str) -> str:
        """`_text_fill`, for the outlines drawn after the text object."""
        self.path_fill = fill
        ops, self.path_overprint = switch(
            self.canvas, fill, fill == _BLACK_FILL, self.path_overprint
        )
        return ops

    def _outlines_after_text(self) -> list[str]:
        """The outlines as drawn right after the text object, in the overprint the text
        left (they were written for a state that knocks out: held, they are drawn in a
        ``q … Q`` of their own, at the page's state)."""
        paths = self.paths
        if not self.overprint or not paths:
            return paths
        begin = f"{state(self.canvas, True)}\n"
        if paths[0].startswith(begin):  # in effect already
            return [paths[0].removeprefix(begin), *paths[1:]]
        return [state(self.canvas, False) or "", *paths]

    def finish(self) -> str:
        """End the line on the canvas; returns the last operators it added (the line's
        marks for pdftotext go right after them: `finish_page`)."""
        self.flush()
        self.marks.close()
        logged = getattr(self.canvas, TEXT_SIZES, None)
        if logged is not None:
            logged.update(float(_num(size)) for size in self.sizes)  # as written
        held = getattr(self.canvas, HELD_MARKS, None)
        if held is not None and self.paths:  # see `draw.hold_marks`
            chain = getattr(self.canvas, CM_CHAIN, ())
            held.append((chain, "\n".join(["q", *self.paths, "Q"])))
            self.paths.clear()
        self.ops.append("ET")
        after = [*self._outlines_after_text(), "Q"]
        if self.element is not None:  # out of the page's artifact sequence and back
            self.ops.insert(0, END)
            after.insert(0, ARTIFACT_BEGIN)
        # Two literals, the same bytes (the page joins them with a newline): the page's
        # text-size log scans only the text object, not the outlines of every mark. The
        # second goes in as is: ``addLiteral`` would copy it to a plain str.
        self.canvas.addLiteral("\n".join(self.ops))
        last = LineEnd("\n".join(after))
        self.canvas._code.append(last)
        return last


class LineEnd(str):
    """The last operators a line adds to its page: an object of its own, even when it
    is a lone ``Q`` (CPython would share that one), so `finish_page` finds the line's
    place in the page again by identity."""

    __slots__ = ()


def _typed_space(placed: Placed) -> bool:
    """Whether ``placed`` is a space drawn as a glyph (not a line's `end_space`)."""
    text = placed.cluster.text
    return bool(text) and all(char in SPACES for char in text) and not is_end_space(placed)


def _typed_space_spans(items: Sequence[Placed]) -> dict[int, tuple[int, str]]:
    """The stretches of ``items`` written inside an /ActualText span: first index →
    (last index, the text they stand for).

    Poppler throws away a glyph whose text is one space character, whichever, and reads
    the gap it leaves: an em space or an ideographic space (an em) is a gap between
    columns, and pdftotext read "Dose", a blank line, "Amount"; a thin or no-break
    space became U+0020, a hair space nothing. It keeps the text of an /ActualText
    span whole, over the span's glyphs, so a stretch of spaces holding one other than
    U+0020 is written in a span with the cluster before it (at the start of what is
    written in one face: the one after it), and pdftotext reads it as typed. pdfium
    reads the span's text; pypdf, pdfminer.six and pdf.js read the glyphs' own text,
    which is the same.
    """
    spans: dict[int, tuple[int, str]] = {}
    if not holds_typed_space("".join(item.cluster.text for item in items)):
        return spans  # nearly every line: a plain space is read back as typed
    last = len(items) - 1
    index = 0
    while index <= last:
        if not _typed_space(items[index]):
            index += 1
            continue
        end = index
        while end < last and _typed_space(items[end + 1]):
            end += 1
        if any(holds_typed_space(items[k].cluster.text) for k in range(index, end + 1)):
            start = index
            if index > 0 and not is_end_space(items[index - 1]):
                start = index - 1
            elif end < last and not is_end_space(items[end + 1]):
                end += 1
            _add_span(spans, start, end)
        index = end + 1
    return {
        start: (end, "".join(items[k].cluster.text for k in range(start, end + 1)))
        for start, (end, _) in spans.items()
    }


def _add_span(spans: dict[int, tuple[int, str]], start: int, end: int) -> None:
    """Add the span ``start``..``end``, joined to the span before when they share a
    cluster (a space, a word, a space: ``\u3000注\u3000``)."""
    if spans:
        first = max(spans)
        if spans[first][0] >= start:
            spans[first] = (max(end, spans[first][0]), "")
            return
    spans[start] = (end, "")


def _actual_text_begin(text: str) -> str:
    """The operator opening a marked-content span that reads ``text``."""
    return f"/Span <</ActualText <FEFF{utf16_hex(text)}>>> BDC"


#: Around a glyph that bridges a gap for pdfminer (`reading_order._bridge`): an empty
#: /ActualText, which poppler reads instead of the glyph's text.
BRIDGE_BEGIN = _actual_text_begin("")
#: After it, the pen placed anew where the glyph left it: pdf.js skips the glyph's text
#: (a format character) without moving its pen, and put every glyph after it on the
#: line that far to the left, over the one before ("123-4567" read "123-67").
BRIDGE_END = "1 0 0 1 {x} {y} Tm"

#: Around a glyph whose text holds a nonspacing mark, in a line written in reading
#: order: pdf.js appends such a glyph to the text item before it wherever it is drawn,
#: and starts a new item at every marked-content boundary (see `reading_order`).
ENCLOSED_BEGIN = "/Span BMC"


def _encode(
    glyphs: Sequence[Shown], canvas: Canvas
) -> tuple[list[ShapingTTFont], list[tuple[int, int]], str]:
    """The font of each glyph, and its (subset, code); codes are assigned per font in
    order of first use, as ReportLab does, with one call per font. And the text the
    glyphs carry (a key below the glyph keys is a character's own), for the page's
    direction (`note_line`): read here from the keys this reads anyway."""
    names = [shown.placed.piece.run.font for shown in glyphs]
    keys = [shown.glyph.key for shown in glyphs]
    if None in keys:
        raise ValueError("a glyph written in reading order carries no text")
    own = cast(list[int], keys)
    fonts = {name: shaping_font(name) for name in dict.fromkeys(names)}
    # A bridge's text is left out: poppler reads its span's empty /ActualText instead,
    # and the 39 right-to-left marks of a parallel page's bridges, counted, left its
    # Latin column's letters outnumbering the marks that turn the page.
    read = [not shown.bridge for shown in glyphs]
    if len(fonts) == 1:  # most lines
        font = fonts[names[0]]
        text = "".join(compress(map(font.glyph_texts.get, own, map(chr, own)), read))
        return [font] * len(glyphs), encode_keys(font, own, canvas), text
    codes = {}
    for name, font in fonts.items():
        mine = cast(list[int], list(compress(keys, map(name.__eq__, names))))
        codes[name] = iter(encode_keys(font, mine, canvas))
    texts = [
        fonts[name].glyph_texts.get(key, chr(key)) for name, key in zip(names, own, strict=True)
    ]
    text = "".join(compress(texts, read))
    return [fonts[name] for name in names], [next(codes[name]) for name in names], text


_TagKey = tuple[str, str]  # ("link", url) | ("cites", "") | ("lang", BCP 47)


def _unread_end(glyphs: Sequence[Shown]) -> int:
    """How many of the last ``glyphs`` of a line written in reading order read as
    nothing (their text only spaces and direction marks: `reading_order._line_end`,
    a mark left of the line), the line's first glyph never counted."""
    count = 0
    for shown in reversed(glyphs[1:]):
        key = shown.glyph.key
        if key is None:
            break
        text = shaping_font(shown.placed.piece.run.font).glyph_texts.get(key, "x")
        if any(not char.isspace() and unicodedata.category(char) != "Cf" for char in text):
            break
        count += 1
    return count


def _tag_keys(items: Sequence[Placed], element: Element, links: bool = True) -> list[_TagKey]:
    """What each cluster of a line is, for marking: a link, a citation, or text in a
    language (`_letters_key`: a kept source term, a word in another script). Spaces,
    digits and punctuation take the language of the text before them, so a kept term's
    brackets do not split it from the words around it; after a link or a citation,
    which is an element of its own and so ends the term, they are the element's own
    again: the space in "(stem cells)² ในปี" was a `Span` in English holding nothing
    but a space."""
    own = element.effective_lang()
    terms = element.terms_lang if locale_script(own) != LATIN else ""
    context = element.letters_lang
    digits = _digits_language(element)
    own_key: _TagKey = ("lang", own)
    keys: list[_TagKey] = []
    append = keys.append
    key = own_key
    last = None
    latin = terms
    special: _TagKey | None = None
    letters: _TagKey | None = None
    per_cluster = False
    tail = ""  # the last two characters read, for a number per cluster
    # A number read in the sentence's language after a term (`_number_key`) from this
    # index of ``keys``, and the term's key: letters of the term again after it make it
    # the term's ("Quận 1, Thành phố" of a Vietnamese address in an English text).
    number_at: int | None = None
    term_key = own_key
    for placed in items:  # once per glyph cluster drawn: the work is done per piece
        piece = placed.piece
        if piece is not last:
            tail = last.text[-2:] if last is not None else ""
            last = piece
            run = piece.run
            special = ("link", run.link) if run.link and links else None
            special = ("cites", "") if run.cites and not special else special
            special = ("label", "") if run.label and not special else special
            special = ("lang", run.lang) if run.lang and not special else special
            latin = _named_language(piece.text, element.latin_names) or terms
            letters = _letters_key(piece.text, own, latin, context, digits)
            # A number of its own in or after a term is the sentence's (`_number_key`).
            per_cluster = letters is _MIXED or (
                (letters or key) != own_key and _SHARED_DIGIT.search(piece.text) is not None
            )
            if letters is not _MIXED and letters is not None:
                if number_at is not None and not per_cluster:
                    _term_goes_on(keys, number_at, term_key, letters)
                    number_at = None
                key = letters
        if special is not None:
            append(special)
            key = own_key
            number_at = None
            continue
        if per_cluster:  # letters of two languages, or a number after a term
            text = placed.cluster.text
            cluster = _letters_key(text, own, latin, context, digits)
            if cluster is None:
                number = _number_key(text, tail, key, own_key)
                if number != key and number_at is None:
                    number_at, term_key = len(keys), key
                key = number
            elif cluster is not _MIXED:
                if number_at is not None:
                    _term_goes_on(keys, number_at, term_key, cluster)
                    number_at = None
                key = cluster
            tail = (tail + text)[-2:]
        append(key)
    return keys


def _term_goes_on(keys: list[_TagKey], start: int, term: _TagKey, letters: _TagKey) -> None:
    """Letters in ``letters`` follow the number read from ``keys[start]`` on: where they
    are the term's before it, the number is inside the term, and is the term's."""
    if letters == term:
        keys[start:] = [term] * (len(keys) - start)


#: A digit a number is written in in every language: the Latin (ASCII) ones, and their
#: full-width forms, which Chinese and Japanese text sets (２００６年). Unicode gives
#: both no script; left out, a Khmer text's "ISCT ２００６" (its digits set by another
#: font, a piece of their own) read its year in the term's English voice.
_SHARED_DIGIT = re.compile("[0-9\uff10-\uff19]")
# What joins a number to the term before it: "IL-6", "COVID‑19", "v.2", and their
# full-width forms ("IL－６").
_NUMBER_JOINERS = frozenset("-\u2010\u2011._/\uff0d\uff0e\uff0f\uff3f")


def _number_key(text: str, tail: str, key: _TagKey, own_key: _TagKey) -> _TagKey:
    """The key of a cluster with no letters (``text``) after ``tail`` (the last two
    characters before it), while ``key`` is in force: a number written as a word of its
    own is read in the language of its sentence (``own_key``), a year after an English
    label ("Published 2026年11月1日": the Chinese voice reads 2026年 as one date) or
    after a kept term ("MSCs 2006"); digits joined to the term ("CD34", "IL-6") are the
    term's, and spaces and punctuation go with the text before them."""
    if key == own_key or _SHARED_DIGIT.match(text) is None:
        return key
    before = tail[-1:]
    if before.isalnum() or (before in _NUMBER_JOINERS and tail[:1].isalnum()):
        return key
    return own_key


def uniform_text(runs: Sequence[Run], element: Element) -> bool:
    """Whether every line of ``runs`` set as ``element`` is plain text of the element in
    its own language (`_tag_keys` would give every cluster the same key)."""
    if any(run.link or run.cites or run.label or run.lang for run in runs):
        return False
    if element.latin_names:  # a Vietnamese name in it is a Span
        return False
    own = element.effective_lang()
    terms = element.terms_lang if locale_script(own) != LATIN else ""
    context = element.letters_lang
    digits = _digits_language(element)
    return all(
        _letters_key(run.text, own, terms, context, digits) in (None, ("lang", own)) for run in runs
    )


def foreign_language(runs: Sequence[Run], element: Element) -> str:
    """The language the letters of ``runs`` that are not ``element``'s own show taken
    together (`languages.language_of`), for the letters several languages are written
    in: the Han of "病院ですか" in English text is Japanese, as its kana say, not
    Chinese. "" when there are none."""
    own = element.effective_lang()
    terms = element.terms_lang if locale_script(own) != LATIN else ""
    foreign = {c for run in runs for c in _split_letters(run.text, own, terms)[1]}
    return bcp47(language_of("".join(sorted(foreign)), own)) if foreign else ""


def _named_language(text: str, names: dict[str, str]) -> str:
    """The language a piece's Latin words name something in (`Element.latin_names`:
    "Chợ Rẫy" is Vietnamese in any other text), "" for none."""
    if not names:
        return ""
    return next((names[word] for word in LATIN_WORD.findall(text) if word in names), "")


def _number_lang(items: Sequence[Placed], element: Element) -> str:
    """The language of a number the layout prints (a citation, a list's label) inside
    ``element``: the one its digits are written in when they are another script's
    (Burmese digits in an English reference entry of a Burmese leaflet), else the
    element's own."""
    own = element.effective_lang()
    text = "".join(placed.cluster.text for placed in items)
    key = _letters_key(text, own, "", "", _digits_language(element))
    return key[1] if key is not None and key is not _MIXED else own


def _digits_language(element: Element) -> str:
    """The language of the nearest of ``element`` and the elements around it whose
    locale writes its numbers in digits of its own script (a Persian leaflet's ۱۲۳),
    "" if none does: a number in those digits is in that language, though another
    language shares the script (Arabic) and the text around it is English."""
    around: Element | None = element
    while around is not None:
        if around.lang and not _own_digits(around.lang).isascii():
            return around.lang
        around = around.parent
    return ""


@cache
def _own_digits(lang: str) -> str:
    """The ten digits a locale (a BCP 47 tag) writes its numbers in (CLDR, via Babel:
    imported on the first tagged line, not with the text stage)."""
    from ..i18n.formatting import locale_digits

    return locale_digits(lang.replace("-", "_"))


# What `_letters_key` says of a text with letters of two languages: decide per cluster.
_MIXED: _TagKey = ("mixed", "")


@lru_cache(maxsize=8192)
def _letters_key(
    text: str, own: str, terms: str, context: str = "", digits: str = ""
) -> _TagKey | None:
    """The language the letters of ``text`` are in, inside an element in ``own``: its
    own letters (and Latin ones in a Latin-script language) are ``own``'s; Latin letters
    in another script's text are a term kept from the source, in ``terms``; letters of
    another described script are that script's language (`languages.language_of`:
    a Thai word quoted in English, a Burmese one in a Khmer text), which a screen reader
    must be told to read them in; ``context`` (`foreign_language` of the whole
    element), when they are its letters. A script's own digits and punctuation count
    as its letters (`_script_digit`, `_script_sign`). None: no letters (Latin digits,
    spaces, shared punctuation); `_MIXED`: letters of two languages. ``digits``
    (`_digits_language`): the language whose own digits these are, whatever other
    language shares their script."""
    langs, foreign = _split_letters(text, own, terms)
    if foreign and digits:
        ours = _own_digits(digits)
        rest = "".join(char for char in foreign if char not in ours)
        if rest != foreign:
            langs, foreign = langs | {digits}, rest
    if foreign:
        if context and all(profile(context).has_letters(c) for c in foreign):
            langs = langs | {context}
        else:
            langs = langs | {bcp47(language_of(foreign, own))}
    if not langs:
        return None
    return ("lang", next(iter(langs))) if len(langs) == 1 else _MIXED


@lru_cache(maxsize=1024)  # `_letters_key` keeps its answers
def _split_letters(text: str, own: str, terms: str) -> tuple[frozenset[str], str]:
    """The languages of the letters of ``text`` that are ``own``'s or kept terms
    (`_letters_key`), and its letters of other scripts, in code point order."""
    if text.isascii():  # most pieces of a Latin-script leaflet, and its kept terms
        letters = any(map(str.isalpha, text))
        return (frozenset((_latin_language(own, terms),)) if letters else frozenset()), ""
    langs: set[str] = set()
    foreign = []
    for char in set(text):
        language = _letter_language(char, own, terms)
        if language:
            langs.add(language)
        elif language is not None:
            foreign.append(char)
    return frozenset(langs), "".join(sorted(foreign))


@lru_cache(maxsize=16384)
def _letter_language(char: str, own: str, terms: str) -> str | None:
    """The language ``char`` is read in inside text in ``own`` (`_split_letters`): ""
    for a letter of another script, None for no letter (a space, a mark, a Latin digit,
    punctuation scripts share).
    Asked per distinct character of every piece a line draws."""
    if not (char.isalpha() or _script_digit(char) or _script_sign(char)):
        return own if _own_cjk_sign(char, own) else None
    if script_of(char) == LATIN:
        return _latin_language(own, terms)
    if locale_script(own) != LATIN and profile(own).has_letters(char):
        return own
    return ""


def _latin_language(own: str, terms: str) -> str:
    """Latin letters are ``terms``' (a kept source term's language, in a text of another
    script; a name's, `_named_language`), else ``own``'s."""
    return terms or own


def _script_digit(char: str) -> bool:
    """A digit of a script's own (Burmese ၁, Thai ๒, Arabic-Indic ٣): it is read in
    that script's language, as its letters are; Latin digits are every language's."""
    return char.isdigit() and script_of(char) not in (None, LATIN)


def _script_sign(char: str) -> bool:
    """A punctuation mark or sign only one script writes (Unicode's Script property:
    Khmer ។ ៖, Burmese ။ ၊, Thai ๚): read in that script's language, as its letters
    are. Right after a Latin term ("ហៅថា MSCs។", "LINE៖") it was read in the term's
    English voice, which cannot say it. Marks scripts share (a full stop, a bracket,
    the 。 of Chinese and Japanese, Arabic ؟) are Common and take the text's language,
    but for Chinese and Japanese full-width marks in their own text (`_own_cjk_sign`)."""
    if char.isspace() or unicodedata.category(char)[0] not in "PS":
        return False
    from fontTools.unicodedata import script as unicode_script

    return str(unicode_script(char)) not in ("Zyyy", "Zinh", "Zzzz", "Latn")


def _own_cjk_sign(char: str, own: str) -> bool:
    """A full-width mark of Chinese and Japanese (。、，：（）「」, `is_cjk_symbol`) in a
    text of either (``own``): the text's own, as its letters are. Unicode calls them
    Common, shared by the two, so they took the language of the text before them, and
    the ）。 after a kept term ("（MSCs）。") was read in the term's English voice,
    which has no word for them. In any other text they stay Common."""
    return (
        not char.isspace()
        and is_cjk_symbol(char)
        and unicodedata.category(char)[0] in "PS"
        and locale_script(own) in CJK_SCRIPTS
    )


# A canvas attribute: while it holds a list, lines leave their marks there, with the
# transformation they were drawn in, to be drawn later (`draw.hold_marks`).
HELD_MARKS = "_msc_held_marks"
#: A canvas attribute: a set to which each line adds the text sizes it writes (the
#: layout's log, `layout.pages.LayoutLog.text_sizes`, for the smallest-print check).
TEXT_SIZES = "_msc_text_sizes"
# A canvas attribute: the ``cm`` operators in effect, as written (`draw.MarkHoldingCanvas`).
CM_CHAIN = "_msc_cm_chain"


def _stand_ins(
    font: ShapingTTFont,
    items: Sequence[Placed],
    carried: Sequence[Sequence[Glyph]],
    encoded: Sequence[tuple[int, int]],
    canvas: Canvas,
    layer: float,
) -> dict[int, tuple[int, int]]:
    """(subset, code) of an invisible stand-in for each glyph without a box that would
    be a text object of its own, by index into ``encoded``; ``items``: the clusters of
    the font run, ``carried`` their glyphs, ``layer`` the line's `_LineWriter.layer`.

    A mark carrier and a line's `end_space` are space glyphs: no outline, so no box.
    Where a glyph's subset or text state (`_text_state`) differs from both neighbours',
    its ``TJ`` holds it alone, and pdfium skips a text object with an empty box (#16:
    the ំ of a Khmer ដំ, the ื of a Thai คือ were lost; so was the space a line ends in
    after a citation's number or a link, and the tree read "studies.1Ask"). There the
    glyph's text is shown on its stand-in instead, in render mode 3 (invisible).
    """
    subsets = [subset for subset, _ in encoded]
    last = len(subsets) - 1
    states = _text_states(items, layer)
    if last > 0 and states is None and subsets.count(subsets[0]) == last + 1:
        return {}  # one subset and text state, more than one glyph: none alone (most runs)
    glyphs = [glyph for carriers in carried for glyph in carriers]
    if states is None:
        groups: list[object] = list(subsets)
    else:
        glyph_states = [s for s, carriers in zip(states, carried, strict=True) for _ in carriers]
        groups = list(zip(subsets, glyph_states, strict=True))
    alone = [
        i
        for i, glyph in enumerate(glyphs)
        if glyph.stand_in is not None
        and (i == 0 or groups[i - 1] != groups[i])
        and (i == last or groups[i + 1] != groups[i])
    ]
    if not alone:
        return {}
    keys = []
    for i in alone:
        glyph = glyphs[i]
        assert glyph.stand_in is not None and glyph.key is not None
        keys.append(font.glyph_key(glyph.stand_in, font.glyph_texts[glyph.key], glyph.width))
    return dict(zip(alone, encode_keys(font, keys, canvas), strict=True))


_TextState = tuple[Color, float, bool]


def _text_state(piece: Piece, layer: float) -> _TextState:
    """What `_LineWriter._font_run` writes text state operators for (and so ends a
    ``TJ``) when a piece of the same font differs in it: its colour (the fill), its size
    (``Tf``, ``Tz``) and whether it is drawn as outlines (the render mode: `_outlined`)."""
    return (piece.run.color, piece.size, bool(piece.rise) or layer > piece.size)


def _text_states(items: Sequence[Placed], layer: float) -> list[_TextState] | None:
    """The `_text_state` of each of ``items``, or None if they all share one (most font
    runs: their pieces are the words of one run)."""
    piece = items[0].piece
    first = _text_state(piece, layer)
    mixed = False
    for placed in items:
        if placed.piece is not piece:
            piece = placed.piece
            if _text_state(piece, layer) != first:
                mixed = True
                break
    if not mixed:
        return None
    return [_text_state(placed.piece, layer) for placed in items]


def draw_placed(canvas: Canvas, y: float, placed: Iterable[Placed], layer: float = 0.0) -> None:
    """Draw clusters on the baseline ``y`` (one text object, one per line); text smaller
    than ``layer`` points is written at that size (`line_pitch.layer_size`)."""
    items = list(placed)
    if not items:
        return
    end = items.pop() if is_end_space(items[-1]) else None
    if not items:  # nothing drawn: a line of spaces
        return
    if items[-1].cluster.text == "-":
        items.append(_after_hyphen(items[-1]))
    shown: list[Shown] | None = None
    written: tuple[list[Shown], str] | None = None
    if not has_right_to_left(items):
        if end is not None:
            items.append(end)
        writer = _LineWriter(canvas, items[0].x, y, layer)
        writer.line(items)
        pen = writer.tx
    else:
        drawn = sorted(items, key=attrgetter("x"))  # drawing order
        origin = float(_num(drawn[0].x))
        writer = _LineWriter(canvas, origin, y, layer)
        shown = reading_order(items, _drawn_positions(drawn, origin), end)
        writer.shown(shown)
        writer.outlines(drawn)
        pen = writer.pen
        written = (shown, "".join(writer.texts))
    last = (shown[-1].placed if shown else items[-1]).piece
    note_line(canvas, writer.finish(), (last.run.font, last.size, pen, y), items, written)
    _links(canvas, y, items, writer.links)
    _citations(canvas, y, items, writer.cited)


def draw_shapes(canvas: Canvas, y: float, placed: Iterable[Placed]) -> None:
    """Clusters on the baseline ``y`` as filled shapes only, with no text: what decorates
    a page (a proof's watermark) stays out of what readers copy, search and hear. As text,
    a watermark turned across the page was read in scraps between the lines it crosses."""
    table = forms_table(canvas)
    ops: list[str] = []
    shapes = FormPlacer(ops)
    fill_now = ""
    for item in placed:
        piece = item.piece
        fill = _fill(piece.run.color)
        if fill != fill_now:
            shapes.add(fill)
            fill_now = fill
        size = piece.size
        scale = form_scale(piece.run.font, size)
        for form, gx, gy in table.forms(canvas, piece.run.font, item.cluster, True):
            x, baseline = item.x + gx * size / 1000, y + piece.rise + gy * size / 1000
            shapes.place(form, scale, x, baseline)
    shapes.close()
    if ops:
        canvas._code.append("\n".join(ops))


def finish_page(canvas: Canvas) -> None:
    """Write the marks that make pdftotext read the page being written right to left
    (`page_direction`), and the glyphs that keep pdfium from reading two lines on one
    baseline as one (`shared_baselines`), each text object right after the line it
    belongs to. Called once a page holds everything else, before it is shown."""
    due = page_marks(canvas)
    if not due:
        return
    after: dict[int, list[Marks | LineBreak]] = {}
    for marks in due:
        after.setdefault(id(marks.anchor), []).append(marks)
    code: list[str] = canvas._code
    out: list[str] = []
    for operators in code:
        out.append(operators)
        # A line's marks first, on its baseline, then the break after it.
        for marks in sorted(after.pop(id(operators), ()), key=_is_break):
            if isinstance(marks, LineBreak):
                out.append(_line_break_object(canvas, marks))
            else:
                out.append(_marks_object(canvas, marks))
    code[:] = out


def _is_break(marks: Marks | LineBreak) -> bool:
    return isinstance(marks, LineBreak)


def _line_break_object(canvas: Canvas, line_break: LineBreak) -> str:
    """An invisible text object of one glyph with ink carrying a space, raised where
    ``line_break`` says (`shared_baselines`)."""
    font = shaping_font(line_break.font)
    space = font.face.charToGlyph.get(ord(" "), 0)
    key = mark_glyph(line_break.font, " ", gid=inked(line_break.font, space)).key
    assert key is not None
    x, y, rise = _num(line_break.x), _num(line_break.y), _num(line_break.rise)
    ops = ["q", "BT", "3 Tr", f"1 0 0 1 {x} {y} Tm", f"{rise} Ts"]
    for subset, code in encode_keys(font, [key], canvas):
        ops.append(f"{subset_name(font, subset, canvas)} {_num(SIZE)} Tf")
        ops.append(f"<{code:02X}> Tj")
    return "\n".join([*ops, "ET", "Q"])


def _marks_object(canvas: Canvas, marks: Marks) -> str:
    """An invisible text object showing the glyphs of ``marks`` at their position, and
    then a space: pypdf joined the marks to the word after them on the same baseline
    (a running header's "الخلايا<RLM…>EDNA"); the readers that see no box in a lone space
    glyph skip it."""
    font = shaping_font(marks.font)
    texts = (*marks.texts, " ")
    keys = []
    for text in texts:
        # A glyph of many marks carries one, and the rest in an /ActualText, which
        # poppler reads instead and counts: pypdf and pdfminer.six, which read the
        # glyph's own text, gave back every mark (441 in a row on a page of references
        # in the parallel edition), pdf.js and pdfium skip it either way.
        key = mark_glyph(marks.font, text[:1]).key
        assert key is not None
        keys.append(key)
    ops = ["q", "BT", "3 Tr", f"1 0 0 1 {_num(marks.x)} {_num(marks.y)} Tm"]
    now = -1
    for text, (subset, code) in zip(texts, encode_keys(font, keys, canvas), strict=True):
        if subset != now:
            ops.append(f"{subset_name(font, subset, canvas)} {_num(marks.size)} Tf")
            now = subset
        if len(text) > 1:
            ops += [_actual_text_begin(text), f"<{code:02X}> Tj", "EMC"]
        else:
            ops.append(f"<{code:02X}> Tj")
    return "\n".join([*ops, "ET", "Q"])


def word_gap(
    canvas: Canvas,
    x: float,
    y: float,
    font_name: str,
    size: float,
    leftwards: bool,
    reach: float | None = None,
) -> None:
    """A space in the text layer only, at ``x`` on the baseline ``y`` (where the line
    just drawn stopped: its left end if it was written right to left, ``leftwards``,
    else its right end), after the first of two pieces of a right-to-left page's
    furniture that share a baseline (a running header's title and the organisation's
    name, the document-control line and the page number).

    The second piece is drawn left of the first, and pdf.js (Firefox's find bar and
    copy) finds a space only in a gap the pen jumps forward over: it read the last
    word of the first piece and the first of the second as one ("الخلاياTest",
    "2027صفحة"). Its text starts with a right-to-left mark, as a right-to-left line's
    spaces do (`reading_order`): pdf.js drops a glyph that is only whitespace. It is
    invisible and, as the font's space glyph, has no box: nothing is drawn, and pdfium,
    which finds a space in the gap itself, skips it.

    ``reach``: how far (points) it spans, where the next piece is near enough to be
    read on the same line (a pack cover's title beside its number): pdfminer.six
    joins two glyphs only across a gap under twice the wider one, and read a number
    10 mm right of its title on a line of its own, after the title."""
    width = LINE_END_SPACE if reach is None else round(reach * 1000 / size, 1)
    if reach is not None:  # one line with the next piece, to pdfium too
        join_next(canvas)
    glyph = mark_glyph(font_name, RIGHT_TO_LEFT_MARK + " ", width)
    assert glyph.key is not None
    font = shaping_font(font_name)
    start = x - width * size / 1000 if leftwards else x
    ops = ["q", "BT", "3 Tr", f"1 0 0 1 {_num(start)} {_num(y)} Tm"]
    for subset, code in encode_keys(font, [glyph.key], canvas):
        ops.append(f"{subset_name(font, subset, canvas)} {_num(size)} Tf")
        ops.append(f"<{code:02X}> Tj")
    canvas._code.append("\n".join([*ops, "ET", "Q"]))


def _drawn_positions(drawn: Sequence[Placed], origin: float) -> dict[int, list[float]]:
    """Where a line written left to right (`_LineWriter._font_run`, whose rule this
    follows) puts each glyph of ``drawn`` (its clusters, left to right), by ``id`` of
    the cluster: the pen as written, each move rounded and moves of less than
    `MIN_SHIFT` left out. A line written in reading order puts its glyphs there too:
    the order a line is written in moves no glyph, not even by a rounding."""
    pen, tx = origin, drawn[0].x
    out: dict[int, list[float]] = {}
    low, high = -MIN_SHIFT, MIN_SHIFT
    for placed in drawn:  # once per cluster of a right-to-left line, most of one glyph
        size = placed.piece.size
        xs: list[float] = []
        out[id(placed)] = xs
        x = placed.x
        if placed.stretch:
            glyphs = _carriers(placed, shaping_font(placed.piece.run.font))
        else:
            glyphs = placed.cluster.carriers
        for glyph in glyphs:
            gx = x + glyph.x * size / 1000
            shift = gx - tx
            if shift > high or shift < low:
                pen -= float(_num((tx - gx) * 1000 / size)) * size / 1000
            xs.append(pen)
            advance = glyph.width * size / 1000
            tx = gx + advance
            pen += advance
    return out


#: After a hyphen-minus that ends a line, a zero-width space in the text layer.
#: pdftotext takes any line ending in "-" for a word hyphenated across the line end: it
#: drops the hyphen and joins the next line on (#16: a Burmese paragraph ending "ပါ-"
#: ran into the list after it; "live X-" + "ray" read "live Xray"). A format character
#: after it, which no reader sees, keeps the hyphen. It is a glyph of its own: pdf.js
#: skips a glyph whose text holds a format character. Hyphens the line breaker adds
#: carry no text at all (``linebreak.hyphen_cluster``).
LINE_END_MARK = "\u200b"


def _after_hyphen(hyphen: Placed) -> Placed:
    """A zero-width glyph carrying `LINE_END_MARK`, at the end of ``hyphen``."""
    x = hyphen.x + hyphen.cluster.advance * hyphen.piece.size / 1000
    return _format_mark(hyphen, LINE_END_MARK, x)


def _format_mark(beside: Placed, mark: str, x: float) -> Placed:
    """A zero-width glyph at ``x`` carrying the format character ``mark`` (no reader
    sees it), in the face and size of ``beside``, so it joins that glyph's ``TJ``."""
    font = shaping_font(beside.piece.run.font)
    space = font.face.charToGlyph.get(ord(" "), 0)
    stand_in = beside.cluster.glyphs[0].gid if beside.cluster.glyphs else None
    glyph = Glyph(space, 0.0, 0.0, font.glyph_key(space, mark, 0.0), 0.0, stand_in)
    return Placed(beside.piece, Cluster(mark, (), 0.0, plain=False, carriers=(glyph,)), x)


def _links(canvas: Canvas, y: float, items: list[Placed], elements: list[Element]) -> None:
    """One link area per stretch of consecutive clusters with the same target; on a
    tagged page each belongs to the Link element of its stretch (``elements``)."""
    if not any_piece(items, _linked):  # most lines: nothing to group
        return
    owners = iter(elements)
    tagger = tagger_of(canvas)
    for link, run in groupby(items, key=attrgetter("piece.run.link")):
        if not link:
            continue
        stretch = list(run)  # in reading order: right to left in right-to-left text
        rect = _area(stretch, y)
        owner = next(owners, None)
        if link.startswith("#"):
            canvas.linkRect("", link[1:], rect, relative=1, thickness=0)
        else:
            canvas.linkURL(
                pdf_uri(link),
                rect,
                relative=1,
                thickness=0,
                **_described(canvas, link, stretch, owner),
            )
        if tagger is not None and owner is not None:
            tagger.annotate(owner, len(canvas._annotationrefs) - 1)


def _described(
    canvas: Canvas, link: str, stretch: list[Placed], owner: Element | None
) -> dict[str, PDFString]:
    """The /Contents of the annotation of a phone or mail link, in the language of its
    text ("Call +66 2 …": `link_words`); none for a web link, whose address describes
    it (`finishing.tagged_pdf`)."""
    lang = owner.effective_lang() if owner is not None else ""
    printed = "".join(placed.cluster.text for placed in stretch)
    said = describe_address(canvas, link, printed, lang)
    return {} if said is None else {"Contents": PDFString(said[0])}


def _linked(piece: Piece) -> str:
    return piece.run.link


def _citations(canvas: Canvas, y: float, items: list[Placed], links: dict[int, Element]) -> None:
    """Each number a citation superscript of the line prints waits for its entry in the
    page's footer (`citation_links`), with its Link element (``links``) on a tagged page."""
    if not any_piece(items, _citing):  # most lines: no citation
        return
    for cites, run in groupby(items, key=attrgetter("piece.run.cites")):
        if not cites:
            continue
        stretch = list(run)
        for number, start, end in citation_marks(stretch):
            if number in cites:
                rect = _area(stretch[start:end], y)
                wait(canvas, number, rect, links.get(id(stretch[start])))


def _citing(piece: Piece) -> tuple[int, ...]:
    return piece.run.cites


def _area(stretch: Sequence[Placed], y: float) -> tuple[float, float, float, float]:
    """The rectangle a reader taps for the clusters ``stretch`` on the baseline ``y``:
    from below the baseline to above the glyphs, raised ones (a citation's) too."""
    first = min(stretch, key=lambda placed: placed.x)
    last = max(stretch, key=lambda placed: placed.x)
    size = first.piece.run.size
    top = max(0.85 * size, max(placed.piece.rise + 0.85 * placed.piece.size for placed in stretch))
    right = last.x + last.cluster.advance * last.piece.size / 1000
    return (first.x, y - 0.25 * size, right, y + top)


def place_units(
    units: Sequence[Unit],
    x: float,
    space_extra: float = 0.0,
    boundary_extra: float = 0.0,
) -> list[Placed]:
    """Clusters of ``units`` laid left to right from ``x``. The trailing spaces of the
    last unit take no room: a line that breaks where its author wrote a space ends in
    one `end_space`, which has no width and no ink."""
    placed: list[Placed] = []
    append = placed.append
    last = len(units) - 1
    levels: set[int] = set()  # of the pieces placed
    level = -1  # of the piece placed last
    for index, unit in enumerate(units):
        pieces = unit.pieces
        count = (
            len(pieces[0].clusters) if len(pieces) == 1 else sum(len(p.clusters) for p in pieces)
        )
        if index == last:
            count -= unit.trailing_spaces
        for piece in pieces:
            if count <= 0:  # a last unit of spaces only
                break
            size = piece.size
            if piece.level != level:  # most lines: at their first piece only
                level = piece.level
                levels.add(level)
            if space_extra:
                for cluster in piece.clusters[:count]:
                    stretch = space_extra if cluster.text == " " else 0.0
                    append(Placed(piece, cluster, x, stretch))
                    x += cluster.advance * size / 1000 + stretch
            else:  # not justified (most lines): no space is wider
                for cluster in piece.clusters[:count]:
                    append(Placed(piece, cluster, x))
                    x += cluster.advance * size / 1000
            count -= len(piece.clusters)
            if count <= 0:
                break
        if index != last and not unit.ends_with_space:
            x += boundary_extra
    if any(levels):
        _visual_positions(placed, x, levels)
    if units and units[-1].trailing_spaces:
        # After the reordering: it is the line's last in reading order wherever the
        # line's direction puts its end (`reading_order` writes it there).
        append(_end_space(units[-1], x))
    return placed


def _visual_positions(placed: list[Placed], end: float, levels: set[int]) -> None:
    """Move bidi-mixed clusters, which stay in reading order, to their visual
    positions (rule L2). Each keeps its width, with any justification gap after it.
    ``levels``: the levels of their pieces.

    A line with right-to-left clusters writes its text layer in reading order
    (``reading_order``): pdfminer and pypdf read the content stream in order.
    """
    if len(levels) == 1 and max(levels) % 2:
        # One right-to-left level (most lines of an Arabic paragraph): the line reversed,
        # in one pass. The same sums as below, in the same order: x from the first
        # start, plus each width in visual order.
        x = placed[0].x
        right = end
        for item in reversed(placed):
            start = item.x
            item.x = x
            x += right - start
            right = start
        return
    starts = [p.x for p in placed]
    widths = [b - a for a, b in zip(starts, [*starts[1:], end], strict=True)]
    x = starts[0]
    for index in visual_order([p.piece.level for p in placed]):
        placed[index].x = x
        x += widths[index]


def _end_space(unit: Unit, x: float) -> Placed:
    """The space that ends ``unit``, as `end_space`, at ``x``, in the piece (font,
    language, link) of the first of the unit's trailing spaces."""
    before = sum(len(piece.clusters) for piece in unit.pieces) - unit.trailing_spaces
    for piece in unit.pieces:
        if before < len(piece.clusters):
            break
        before -= len(piece.clusters)
    char = piece.clusters[before].text
    return Placed(piece, end_space(piece.run.font, char), x)


@cache  # one per face and space
def end_space(font_name: str, char: str = " ") -> Cluster:
    """The space a line broken at an author's space ends in, in the text layer only.

    The readers that join an element's marked content without looking where it is
    drawn (a screen reader through the structure tree, pdfium's text per marked-content
    sequence, reflow) read a paragraph's lines as one text, and without it read "most"
    + "scientific" as "mostscientific" at every line end. It is the font's space glyph,
    of no width: nothing is drawn and no line is wider, so a justified line does not
    poke into the margin. pypdf and pdfminer read it as trailing whitespace; pdftotext
    and pdf.js drop a space at a line end (pdf.js says ``hasEOL`` instead,
    docs/accessibility.md). Where it would be a text object of its own (alone in its
    subset or text state, `_stand_ins`), a glyph with ink stands in for it, invisibly:
    pdfium skips a text object without a box. A right-to-left line writes it in
    `reading_order`. ``char``: the space the author wrote, so a Japanese line broken
    at an ideographic space (注意事項　) keeps it in the text layer, as every space
    inside a line is kept.
    """
    font = shaping_font(font_name)
    space = font.face.charToGlyph.get(ord(char), 0)
    if not space:  # a face without that space writes U+0020's glyph for it
        space = font.face.charToGlyph.get(ord(" "), 0)
    key = font.glyph_key(space, char, 0.0)
    glyph = Glyph(space, 0.0, 0.0, key, 0.0, inked(font_name, space))
    return Cluster(char, (), 0.0, plain=False, carriers=(glyph,))


def is_end_space(placed: Placed) -> bool:
    """Whether ``placed`` is a line's `end_space` (the only space without glyphs)."""
    cluster = placed.cluster
    return not cluster.glyphs and cluster.text in BREAKING_SPACES
