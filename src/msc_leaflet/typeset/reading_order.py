"""Lines with right-to-left text: their text layer, written in reading order (#16).

Such a line is drawn as it is set: every cluster at its visual position, right-to-left
runs reversed (``bidi.visual_order``). Its glyphs go into the content stream in reading
(logical) order instead, each at that same position, and this module decides that
order and the few invisible marks that go with it. Extractors rebuild reading order in
different ways, and each needs something of the stream:

pdfminer.six  has no bidi pass: it reads glyphs in stream order, and ends a line where
              two consecutive glyphs are further apart than twice the wider one
              (``LAParams.char_margin``).
pypdf         reads glyphs in stream order and puts each right-to-left character in
              front of the text gathered since the last font selection (``Tf``).
pdfium        sorts a line's text objects (one per text-showing operator) by x, then
              runs a simple bidi pass over them: right-to-left segments are reversed
              and their mirrored characters (brackets) mirrored.
poppler       (pdftotext) sorts a line's words by x and reorders them with a greedy
              two-direction pass; a neutral beside a left-to-right run joins that run.
              The pass runs in one direction for the whole page, from the count of
              its letters; on a left-to-right page it ends a right-to-left stretch at
              every digit, full stop, comma or colon, so a page with right-to-left
              lines is made a right-to-left page (`page_direction`).
pdf.js        starts a text item wherever the pen moves back and runs bidi on each
              item; it drops whitespace glyphs (spaces are gaps to it), skips format
              characters without advancing, and appends a glyph whose text holds a
              nonspacing mark to the current item, wherever that glyph is.

Hence, in a line with right-to-left text:

* Each right-to-left glyph is a text-showing operator of its own, after its font is
  selected again: pdfium orders them by position, pypdf reads each on its own.
  Within a cluster they go right to left (the base letter before its marks).
* A glyph whose text holds a nonspacing mark is a marked-content sequence of its own,
  so pdf.js keeps it apart from its neighbours.
* A right-to-left space carries a right-to-left mark before it: text that starts with
  a format character is not whitespace to pdf.js, so the space stays in its text.
  (Firefox's find bar, which wants U+0020 alone between words, then finds no phrase;
  without the mark pdf.js reads no space at all: docs/scripts.md.)
  One other than U+0020 (a no-break space before a unit, "٥ ملغ"; a thin or em space)
  is drawn by an invisible glyph with ink: alone in its text object a space glyph has
  no box, and pdfium skipped it and read the gap, as U+0020 or, for a thin space,
  nothing ("500ملغ").
* A mirrored character (a bracket; or a curly quotation mark, which only pdfium
  mirrors: `PDFIUM_MIRRORS`) in right-to-left text carries its own character
  (shaping keys it so) with a right-to-left mark before it, and a left-to-right mark
  goes just right of it (or on a glyph of its own at the line's right end): pdfium
  then reads the bracket in a left-to-right context and does not mirror it, and
  poppler keeps it out of a left-to-right run beside it.
* A left-to-right run in a right-to-left line starts with a right-to-left mark (see
  `RIGHT_TO_LEFT_MARK`), and a line without one ends with one, just left of it.
  pdfium reads such a mark after the run (or the line), and its search, which allows
  only spaces between words, found no "10 mg": where a space follows the run (and at
  a line's end), the mark is a text object without a box, which pdfium skips
  (`_unseen_marks`).
* So does a separator (bidi class CS or ES: a hyphen, slash, colon, full stop, comma,
  plus sign, the Arabic comma) at a right-to-left level: pdfium reads such characters
  as part of the digits beside them and poppler as part of a number, and both joined
  them to the run on their left: "2026-12-05", drawn 05-12-2026, read "202612-05-",
  and "120/min" read "120min/". With a mark on each side, each is a stretch of its
  own. Between Arabic words, poppler took the space after an Arabic comma or full stop
  (drawn left of it) into the comma's stretch and read it first: "التسريب ،قد".
* In a left-to-right line, the text after a right-to-left run starts with a
  left-to-right mark: poppler took the space after an Arabic word quoted in
  English, Thai or Japanese into the word's stretch and read it before the word
  ("greeting  مرحبا بكمmeans").
* A mark just right of a bracket or left of a line is a glyph of its own, written
  after the letter it stands beside (`_mark_after`): as part of the letter's text, the
  readers that read text as written put it inside the word. Before a space, it is
  part of the space's text.
* Where two consecutive glyphs are too far apart for pdfminer (entering and leaving a
  left-to-right run), or the pen moves right far enough for it to read a space
  (entering a right-to-left word from its left), an invisible glyph that no reader
  reads as a space bridges them (`_bridge`), and an invisible space ends the line on
  its left (`_line_end`).

Each glyph goes exactly where a line written left to right puts it
(``render._drawn_positions``), so the page looks the same; a renderer that reaches a
position along another path may round it differently (docs/accessibility.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from .bidi import visual_order
from .citation_text import CLOSE
from .fonts import shaping_font
from .placed import Placed, any_piece, carriers
from .reportlab_overrides import ShapingTTFont
from .segmentation import holds_typed_space
from .shaping import Glyph, harfbuzz_font
from .units import Piece

#: Before each left-to-right run of a right-to-left line, and on the leftmost glyph of
#: a line without one, in the text layer only. pdfium and pdftotext read a neutral
#: beside a Latin word or digits as part of that left-to-right run: "(MSCs) عن" came
#: out "MSCs )عن", "بالرقم 1669." as ".1669" (#16). A right-to-left mark there, a format
#: character no reader sees, ends the run for both, and gives pdfium's bidi pass its
#: direction (it takes the direction of most segments). On a page pdftotext reads left
#: to right (a page without `page_direction`'s marks, whose letters are mostly Latin), a
#: line that starts (on the left) with a right-to-left character is still reversed as a
#: whole.
RIGHT_TO_LEFT_MARK = "\u200f"
#: Just right of a mirrored character in right-to-left text, and before the text after a
#: right-to-left run of a left-to-right line: see the module docstring.
LEFT_TO_RIGHT_MARK = "\u200e"

#: pdfminer.six's default ``LAParams.char_margin``.
PDFMINER_CHAR_MARGIN = 2.0
#: pdfminer.six's default ``LAParams.word_margin``: it reads a space wherever the pen
#: moves right past the last glyph by more than this times the next glyph's size.
PDFMINER_WORD_MARGIN = 0.1
#: How much narrower (points) than pdfminer's limit a gap is still bridged: a jump back
#: over two digits is exactly twice the width of one, and pdfminer, reading widths and
#: moves as rounded in the file, put the rest of "120/min" and "+66 2 000" on lines of
#: their own.
BRIDGE_SLACK = 0.05

#: How far (points) left of a left-to-right run of one glyph its marks sit. pdfium
#: gives a text object whose glyphs all start at one point no direction, and then ends
#: no line before it: a page number after its zero-width mark joined the line above.
#: The marks have no outline, so nothing drawn moves.
MARK_LEAD = 0.001


#: Where each text-carrying glyph of a line goes (points), by ``id`` of its cluster.
Positions = dict[int, list[float]]


@dataclass(slots=True)  # not frozen: one is made per glyph written (see Placed)
class Shown:
    """One glyph of a line's text layer, in the order it is written."""

    placed: Placed  # its cluster: font, size, colour, rise, the element it belongs to
    glyph: Glyph  # its key holds the text written for it; its width is the key's /Widths
    x: float  # where its origin goes (points, relative to the canvas origin)
    advance: float  # how far it moves the pen (points)
    alone: bool = False  # starts a text-showing operator, after its font is selected again
    invisible: bool = False  # text render mode 3
    enclosed: bool = False  # in a marked-content sequence of its own
    bridge: bool = False  # spans a gap for pdfminer, read by no reader (`_bridge`)


def has_right_to_left(items: Sequence[Placed]) -> bool:
    return any_piece(items, _right_to_left)


def _right_to_left(piece: Piece) -> bool:
    return piece.level % 2 == 1


def reading_order(
    items: Sequence[Placed], positions: Positions, space: Placed | None = None
) -> list[Shown]:
    """The text layer of a line with right-to-left text, glyph by glyph in reading
    order. ``items``: the line's clusters in reading order, each at its visual position
    (``render.place_units``); ``positions``: where each of their text-carrying glyphs
    goes, by ``id`` of the cluster; ``space``: the space the line ends in, if it was
    broken at one (``render.end_space``)."""
    levels = [placed.piece.level for placed in items]
    odd = [level % 2 for level in levels]  # 1: right to left
    rtl = min(levels) % 2 == 1
    order = visual_order(levels)
    drawn = [items[i] for i in order]
    marks = _marks(drawn, [odd[i] for i in order], rtl and 0 not in odd)
    names = {placed.piece.run.font for placed in items}
    fonts = {name: shaping_font(name) for name in names}
    rightmost = drawn[-1]
    leftmost = drawn[0]
    unseen = _unseen_marks(items, odd)
    shown: list[Shown] = []
    append = shown.append
    count = len(items)
    start = 0
    while start < count:
        # A stretch of clusters in one direction: where the other begins, found in C.
        try:
            end = odd.index(1 - odd[start], start)
        except ValueError:
            end = count
        placed = items[start]
        if not odd[start]:
            run_marks = marks.get(id(placed), "") + (
                RIGHT_TO_LEFT_MARK if rtl else LEFT_TO_RIGHT_MARK if start else ""
            )
            run = items[start:end]
            _left_to_right(shown, run, positions, fonts, run_marks, unseen=start in unseen)
            start = end
            continue
        piece: Piece | None = None
        font_name = ""
        size = 0.0
        for placed in islice(items, start, end):
            # A right-to-left cluster: each glyph a text-showing operator, right to
            # left, its marks before the text of the leftmost. Once per cluster drawn.
            if placed.piece is not piece:
                piece = placed.piece
                font_name = piece.run.font
                size = piece.size
            cluster = placed.cluster
            # As `carriers` says, without a call for each cluster.
            glyphs = carriers(placed, fonts[font_name]) if placed.stretch else cluster.carriers
            key = id(placed)
            xs = positions[key]
            mark = marks.get(key, "")
            if placed is rightmost and glyphs and _mirrored(placed):
                append(_closing_mark(placed, glyphs, xs))
            after = mark and _letter(cluster.text)
            prefix = "" if after else mark
            found = _WRITTEN_SHARED.get((font_name, id(glyphs), prefix))
            if found is not None and found[0] is glyphs:
                written = found[1]
            elif glyphs is cluster.carriers:  # a justified space's are its line's
                written = _written_shared(font_name, glyphs, prefix)
            else:
                written = _written(font_name, glyphs, prefix)
            for glyph, index, invisible, enclosed in written:
                advance = glyph.width * size / 1000
                append(Shown(placed, glyph, xs[index], advance, True, invisible, enclosed))
            if after:
                # On the leftmost letter, only the mark of a line without a
                # left-to-right run, for pdftotext: pdfium read it before the next
                # line's first word, and found no phrase across the line end.
                boxed = placed is not leftmost
                append(_mark_after(placed, glyphs[0], xs[0], mark, boxed))
        start = end
    if rtl and shown:
        shown.append(_line_end(leftmost, positions, space))
    elif space is not None and shown:  # at the right end, as wide as on a line without
        rightmost = drawn[-1]  # right-to-left text (``render.end_space``)
        right = rightmost.x + rightmost.cluster.advance * rightmost.piece.size / 1000
        shown.append(_end_space(space, right, 0.0))
    return _bridged(shown)


#: The width (1/1000 em) of `_line_end`'s space.
LINE_END_SPACE = 250.0


def _line_end(leftmost: Placed, positions: Positions, space: Placed | None = None) -> Shown:
    """An invisible space just left of a right-to-left line, written last: pypdf reads
    text further left on the same baseline (a running header's clinic name, the next
    table cell) as going on the same word, because the pen moves left there as it does
    between the line's own glyphs ("الخلايا<RLM>Test Clinic"). pypdf and pdfminer read the
    space; the others skip it (pdfium a text object without a box, poppler a lone space
    glyph, pdf.js a whitespace glyph it moves past). ``leftmost``: the line's leftmost
    cluster.

    A line broken at a space (``space``) ends in that space instead, which every reader
    reads (`_end_space`): the tree reads a paragraph's lines as one text."""
    size = (space or leftmost).piece.size
    advance = LINE_END_SPACE * size / 1000
    x = min(positions[id(leftmost)], default=leftmost.x) - advance
    if space is not None:
        return _end_space(space, x, LINE_END_SPACE)
    glyph = mark_glyph(leftmost.piece.run.font, " ", LINE_END_SPACE)
    return Shown(leftmost, glyph, x, advance, alone=True)


def _end_space(space: Placed, x: float, width: float) -> Shown:
    """The space a line broken at one ends in (``render.end_space``), ``width`` wide
    (1/1000 em) from ``x``, written last. A text object of its own, so invisible, on a
    glyph with ink: pdfium skips a text object without a box, and the tree read the
    line's last word and the next line's first as one. Its text is a plain space, which
    pdftotext and pdf.js drop at a line end, as they do on a left-to-right line (with a
    right-to-left mark before it, as the line's other spaces have, pdftotext read the
    mark and moved the line a column to the right)."""
    font_name = space.piece.run.font
    gid = inked(font_name, space.cluster.carriers[0].gid)
    glyph = mark_glyph(font_name, " ", width, gid)
    return Shown(space, glyph, x, width * space.piece.size / 1000, alone=True, invisible=True)


def _marks(drawn: Sequence[Placed], odd: Sequence[int], all_right_to_left: bool) -> dict[int, str]:
    """The marks written just left of each cluster (`_mark_after`), by ``id`` of the
    cluster (none for most); ``drawn``: the line's clusters left to right, and ``odd``
    whether each is right to left (its level's parity)."""
    marks: dict[int, str] = {}
    kinds = _KINDS
    last = len(drawn) - 1
    for index, placed in enumerate(drawn):  # once per cluster of a right-to-left line
        if not odd[index]:
            continue
        text = placed.cluster.text
        kind = kinds.get(text)
        if kind is None:
            kind = _kind(text)
        if kind == _PLAIN:  # most clusters: a letter
            continue
        if index < last and kind == _MIRRORED:
            right = id(drawn[index + 1])
            marks[right] = marks.get(right, "") + LEFT_TO_RIGHT_MARK
        marks[id(placed)] = marks.get(id(placed), "") + RIGHT_TO_LEFT_MARK
    # The leftmost glyph of a line with no left-to-right run (not of the other lines:
    # pdfium takes the direction of most segments, and their Latin would then be read
    # right to left, word by word).
    leftmost = marks.get(id(drawn[0]), "")
    if all_right_to_left and not leftmost.endswith(RIGHT_TO_LEFT_MARK):
        marks[id(drawn[0])] = leftmost + RIGHT_TO_LEFT_MARK
    return marks


#: What a right-to-left cluster's text asks of `_marks`: nothing, a right-to-left mark
#: before it (a space, U+0020 or a thin, em or other one, a character of bidi class ET
#: such as a percent sign, or a separator of bidi class CS or ES, see the module
#: docstring; not a neutral such as a quotation mark, which pdfium would then mirror:
#: “ read ”), or that and a left-to-right mark just right of it (a character pdfium
#: mirrors: Unicode's mirrored ones and `PDFIUM_MIRRORS`).
_PLAIN, _SPACED, _MIRRORED = 0, 1, 2
#: Characters that are not mirrored in Unicode (Bidi_Mirrored=No: drawn as they are in
#: right-to-left text) but that pdfium's own table mirrors there: it read
#: “اشرب الماء” as ”اشرب الماء“ and ‘MSC’ as ’MSC‘. Found by setting every quotation mark
#: the fonts cover between Arabic words: „ ‚ " ' and the mirrored ‹ › « » read as
#: written. Marked as a bracket is, each reads as written to every reader.
PDFIUM_MIRRORS = frozenset("“”‘’")
#: `_kind` by cluster text: two Unicode lookups a cluster were a fifth of the time
#: `reading_order` took. Few texts recur (the letters of a script); it starts over
#: when full.
_KINDS: dict[str, int] = {}
KINDS_SIZE = 4096


def _kind(text: str) -> int:
    kind = _KINDS.get(text)
    if kind is not None:
        return kind
    if len(_KINDS) >= KINDS_SIZE:
        _KINDS.clear()
    if len(text) == 1 and (unicodedata.mirrored(text) == 1 or text in PDFIUM_MIRRORS):
        kind = _MIRRORED
    elif text.isspace() or unicodedata.bidirectional(text[0]) in ("ET", "CS", "ES"):
        kind = _SPACED
    else:
        kind = _PLAIN
    _KINDS[text] = kind
    return kind


def _mirrored(placed: Placed) -> bool:
    """A character pdfium would mirror in right-to-left text (a bracket, a curly
    quotation mark)."""
    text = placed.cluster.text
    return placed.piece.level % 2 == 1 and _kind(text) == _MIRRORED


def _left_to_right(
    shown: list[Shown],
    run: Sequence[Placed],
    positions: Positions,
    fonts: dict[str, ShapingTTFont],
    marks: str,
    unseen: bool = False,
) -> None:
    """A left-to-right run: one text-showing operator, left to right, ``marks`` first
    (a zero-width glyph: written before a Latin letter or digit, they would make pypdf
    take it for a neutral); ``unseen``: the marks in a text object of their own without
    a box, which pdfium skips (`_unseen_marks`). A run of Arabic-Indic digits (۲۰۲۶, a
    Persian date) is a text-showing operator per glyph: pypdf takes them for
    right-to-left letters and read a run of them backwards ("۶۲۰۲")."""
    first = len(shown)
    for placed in run:
        size = placed.piece.size
        glyphs = carriers(placed, fonts[placed.piece.run.font])
        for glyph, x in zip(glyphs, positions[id(placed)], strict=True):
            shown.append(Shown(placed, glyph, x, glyph.width * size / 1000))
    if len(shown) == first:
        return
    _close_citation(shown[-1], shown)
    alone = any(_PYPDF_RIGHT_TO_LEFT.search(placed.cluster.text) for placed in run)
    if marks:
        start = shown[first]
        font_name = start.placed.piece.run.font
        lead = MARK_LEAD if len(shown) - first == 1 else 0.0
        if alone:
            # A text object of its own: pdfium skips one without a box, and read
            # "(الجدول ١)" as "(الجدول ١(" and "١،" as "،١" without the marks. Before a
            # space it skips them (`unseen`): read, they hid "٣ أقراص" from its search.
            gid = None if unseen else inked(font_name, start.glyph.gid)
            mark = mark_glyph(font_name, marks, 0.0, gid)
            shown.insert(first, Shown(start.placed, mark, start.x - lead, 0.0, invisible=True))
        else:
            mark = mark_glyph(font_name, marks)
            shown.insert(first, Shown(start.placed, mark, start.x - lead, 0.0, alone=unseen))
            shown[first + 1].alone = unseen
    shown[first].alone = True
    if alone:
        for written in islice(shown, first + 1, None):
            written.alone = True


def _close_citation(last: Shown, shown: list[Shown]) -> None:
    """After a left-to-right run ending in a citation's closing bracket
    (`citation_text`), a left-to-right mark: pdftotext gave the bracket, a neutral
    between the run and the right-to-left text after it, to that text, and read it
    before the run ("]2018[2" for "2018[2]"). A glyph of its own, as `_closing_mark`:
    inside the bracket's text, pdf.js dropped the glyph's text whole."""
    if not last.placed.piece.run.cites:
        return
    key = last.glyph.key
    assert key is not None
    if shaping_font(last.placed.piece.run.font).glyph_texts.get(key, "").endswith(CLOSE):
        size = last.placed.piece.size
        mark = mark_glyph(last.placed.piece.run.font, LEFT_TO_RIGHT_MARK)
        x = last.x + last.glyph.width * size / 1000
        shown.append(Shown(last.placed, mark, x, 0.0, alone=True, invisible=True))


def _unseen_marks(items: Sequence[Placed], odd: Sequence[int]) -> frozenset[int]:
    """Where (an index into ``items``) each left-to-right run starts whose marks pdfium
    is not to read. pdfium reads a run's right-to-left mark after the run, and its
    search allows nothing but spaces between a query's words: it found no "10 mg" and
    no "خلايا MSC في" ("10<RLM> mg"). A run followed by a space needs no mark to end it
    for pdfium (the space does); but pdfium reads a line right to left only if it has
    at least as many right-to-left stretches as left-to-right ones (letters only), each
    such mark one of them, so as many marks as that takes stay ("MSC و HSC" alone on a
    line keeps them): `_stretches` counts so as never to leave too few."""
    count = len(items)
    spaced = [
        start
        for start, end in _left_to_right_runs(odd)
        if end < count and items[end].cluster.text == " "
    ]
    if not spaced:
        return frozenset()
    right, left = _stretches(items, odd)
    kept = max(left, 1) - right
    return frozenset(spaced[max(kept, 0) :])


def _left_to_right_runs(odd: Sequence[int]) -> list[tuple[int, int]]:
    """(start, end) of each left-to-right run of a line's clusters in reading order."""
    runs = []
    start: int | None = None
    for index, right_to_left in enumerate(odd):
        if not right_to_left and start is None:
            start = index
        elif right_to_left and start is not None:
            runs.append((start, index))
            start = None
    if start is not None:
        runs.append((start, len(odd)))
    return runs


def _stretches(items: Sequence[Placed], odd: Sequence[int]) -> tuple[int, int]:
    """(right-to-left, left-to-right) stretches pdfium's bidi pass finds in a line
    (``CFX_BidiString``), at most and at least as many: a right-to-left word (it may cut
    one at a mark), and each stretch of letters of class L (a run's digits and signs
    are neither)."""
    right = left = 0
    in_word = in_letters = False
    for placed, right_to_left in zip(items, odd, strict=True):
        text = placed.cluster.text
        if right_to_left:
            in_letters = False
            if text.isspace():
                in_word = False
            elif not in_word and unicodedata.bidirectional(text[0]) in ("R", "AL"):
                right += 1
                in_word = True
            continue
        in_word = False
        for char in text:
            letter = unicodedata.bidirectional(char) == "L"
            left += letter and not in_letters
            in_letters = letter
    return right, left


#: The characters pypdf reads as right to left (``pypdf._utils.RTL_CHARACTER_RANGES``):
#: the Arabic block's digits and signs among them, which bidi runs left to right.
_PYPDF_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def _closing_mark(placed: Placed, glyphs: tuple[Glyph, ...], xs: Sequence[float]) -> Shown:
    """The left-to-right mark after a bracket at the right end of a line (see the module
    docstring), where no glyph right of it can carry it: a glyph of its own, invisible,
    but with a box (pdfium skips a text object without one)."""
    size = placed.piece.size
    right = max(x + g.width * size / 1000 for g, x in zip(glyphs, xs, strict=True))
    mark = mark_glyph(placed.piece.run.font, LEFT_TO_RIGHT_MARK, 0.0, glyphs[0].gid)
    return Shown(placed, mark, right, 0.0, alone=True, invisible=True)


@lru_cache(maxsize=4096)
def _letter(text: str) -> bool:
    """Whether a cluster's text is part of a word (a letter, or marks on one)."""
    return unicodedata.category(text[0])[0] in "LM"


def _mark_after(placed: Placed, leftmost: Glyph, x: float, marks: str, boxed: bool = True) -> Shown:
    """``marks`` just left of a right-to-left cluster whose ``leftmost`` glyph goes at
    ``x``, written after it: invisible, without width, but with a box (pdfium skips a
    text object without one), so every reader reads them after the cluster. As a prefix
    of the cluster's own text they were read after it by the readers that reverse a
    right-to-left glyph's text (pdfium, pdftotext), but inside the word by those that
    read text as written (pypdf, pdfminer): "أ<RLM>ن" (#16). Not ``boxed``: on the
    font's space glyph, which has no box, so that pdfium skips them."""
    font_name = placed.piece.run.font
    gid = leftmost.stand_in if leftmost.stand_in is not None else leftmost.gid
    mark = mark_glyph(font_name, marks, 0.0, inked(font_name, gid) if boxed else None)
    return Shown(placed, mark, x - MARK_LEAD, 0.0, alone=True, invisible=True)


Written = tuple[tuple[Glyph, int, bool, bool], ...]

#: Clusters' glyphs `_written_shared` keeps; it starts over when full.
WRITTEN_SHARED_SIZE = 8192
#: `_written` by font, ``id`` of the glyphs and marks, with the glyphs (so the ``id``
#: is not reused while it is a key): the cache of `_written` hashes every glyph, each
#: a dataclass's hash in Python, a tenth of the time an Arabic line took to draw.
_WRITTEN_SHARED: dict[tuple[str, int, str], tuple[tuple[Glyph, ...], Written]] = {}


def _written_shared(font_name: str, glyphs: tuple[Glyph, ...], marks: str) -> Written:
    """`_written` for the glyphs of a cluster, which are shared by each time the
    cluster is drawn, kept to be looked up by identity."""
    key = (font_name, id(glyphs), marks)
    if len(_WRITTEN_SHARED) >= WRITTEN_SHARED_SIZE:
        _WRITTEN_SHARED.clear()
    written = _written(font_name, glyphs, marks)
    _WRITTEN_SHARED[key] = (glyphs, written)
    return written


@lru_cache(maxsize=8192)
def _written(font_name: str, glyphs: tuple[Glyph, ...], marks: str) -> Written:
    """How a right-to-left cluster's ``glyphs`` are written, right to left: each glyph
    with the text it carries (``marks`` before the text of the leftmost), its index in
    ``glyphs``, whether it is invisible and whether it is enclosed (see `Shown`).
    Clusters recur: this is cached."""
    font = shaping_font(font_name)
    out = []
    for index in range(len(glyphs) - 1, -1, -1):
        glyph = glyphs[index]
        assert glyph.key is not None
        key, gid = glyph.key, glyph.gid
        text = font.glyph_texts.get(key, chr(key))
        if index == 0 and marks:
            text = marks + text
            if LEFT_TO_RIGHT_MARK in marks:
                gid = inked(font_name, gid)
        if holds_typed_space(text):  # see the module docstring
            gid = inked(font_name, gid)
        if glyph.stand_in is not None:  # a mark carrier has no box of its own: see Glyph
            gid = glyph.stand_in
        if gid != glyph.gid or text != font.glyph_texts.get(key, chr(key)):
            key = font.glyph_key(gid, text, glyph.width)
        enclosed = any(unicodedata.category(c) == "Mn" for c in text)
        out.append(
            (Glyph(gid, glyph.x, glyph.y, key, glyph.width), index, gid != glyph.gid, enclosed)
        )
    return tuple(out)


@lru_cache(maxsize=4096)
def _has_ink(font_name: str, gid: int) -> bool:
    extents = harfbuzz_font(font_name).font.get_glyph_extents(gid)
    return extents is not None and extents.width != 0 and extents.height != 0


def inked(font_name: str, gid: int) -> int:
    """``gid`` if it has an outline, else a glyph of the font that has one, to stand in
    for it invisibly: pdfium skips a glyph without an outline (``gid`` itself only if
    the font has no glyph with an outline at all)."""
    if _has_ink(font_name, gid):
        return gid
    stand_in = _stand_in(font_name)
    return gid if stand_in is None else stand_in


#: The glyphs tried first as a stand-in (`_stand_in`): small, and in most fonts.
STAND_IN_CHARACTERS = ".-|"


@lru_cache(maxsize=64)
def _stand_in(font_name: str) -> int | None:
    """The glyph that stands in for a glyph without ink (`inked`): a full stop, hyphen
    or bar, or else the narrowest glyph with ink of a character the font maps (not a
    combining mark, whose outline sits outside its advance). Noto Sans Lao and Noto
    Sans Myanmar have none of the three (they borrow Latin punctuation), and a Lao or
    Burmese line's end space alone in its text object was skipped by pdfium."""
    font = harfbuzz_font(font_name).font
    for char in STAND_IN_CHARACTERS:
        inked = font.get_nominal_glyph(ord(char))
        if inked is not None and _has_ink(font_name, inked):
            return int(inked)
    narrowest: tuple[int, int] | None = None  # (ink width, glyph)
    for code, gid in sorted(shaping_font(font_name).face.charToGlyph.items()):
        if unicodedata.category(chr(code))[0] in "MCZ" or not _has_ink(font_name, gid):
            continue
        extents = font.get_glyph_extents(gid)
        assert extents is not None  # it has ink
        if narrowest is None or abs(extents.width) < narrowest[0]:
            narrowest = (abs(extents.width), gid)
    return None if narrowest is None else narrowest[1]


def _bridged(shown: list[Shown]) -> list[Shown]:
    """``shown`` with an invisible glyph between consecutive glyphs that pdfminer
    would put on different lines: one spanning the gap, written as a text-showing
    operator of its own (`_bridge`)."""
    if not shown:
        return []
    out = [shown[0]]
    append = out.append
    x, advance = shown[0].x, shown[0].advance  # of the glyph before (once per glyph)
    for after in islice(shown, 1, None):
        after_x, after_advance = after.x, after.advance
        forward = x < after_x
        if forward:
            start, end = x + advance, after_x
        else:
            start, end = after_x + after_advance, x
        widest = after_advance if after_advance > advance else advance
        # Two glyphs without width (marks) are on one line only where they touch.
        gap = end - start
        if gap > 2 * MARK_LEAD and (
            gap >= PDFMINER_CHAR_MARGIN * widest - BRIDGE_SLACK
            or (forward and gap >= _word_margin(after) - BRIDGE_SLACK)
        ):
            append(_bridge(after, start, end))
        append(after)
        x, advance = after_x, after_advance
    return out


def _word_margin(after: Shown) -> float:
    """The least move right (points) before ``after`` that pdfminer reads as a space
    (its glyph box is at least the font size high). A left-to-right line enters a
    right-to-left word at its right end: after "アラビア語の " the pen jumps over شكرا
    to its first letter, too short a jump to cut the line but read as a second space
    ("アラビア語の  شكرا")."""
    return PDFMINER_WORD_MARGIN * after.placed.piece.size


def _bridge(after: Shown, start: float, end: float) -> Shown:
    """An invisible glyph from ``start`` to ``end`` (points), written before ``after``,
    that no reader reads as a space: the gap it spans is the jump between the two
    directions of a line, never a space of the text. As a space, pypdf and pdfminer
    read it beside the typed one ("500  ملغ", "خلايا  MSC") and inside what had none
    ("( MSCs )", "و 2024"), and a search for the text found nothing.

    Its text is a right-to-left mark, which pdf.js skips (without moving its pen: the
    glyph after it is placed anew, ``render.BRIDGE_END``); pdfium skips its text
    object, which has no box (the font's space glyph). Poppler reads a glyph other than
    a lone space where it is drawn, and one across a left-to-right run cut the line in
    pieces: the glyph is in a marked-content span whose /ActualText is empty, which
    poppler reads instead (``render.BRIDGE_BEGIN``)."""
    size = after.placed.piece.size
    width = round((end - start) * 1000 / size, 1)
    glyph = mark_glyph(after.placed.piece.run.font, RIGHT_TO_LEFT_MARK, width)
    return Shown(after.placed, glyph, start, width * size / 1000, alone=True, bridge=True)


@lru_cache(maxsize=1024)
def mark_glyph(font_name: str, text: str, width: float = 0.0, gid: int | None = None) -> Glyph:
    """A glyph carrying ``text``, ``width`` wide (1/1000 em): the font's space glyph,
    which has no outline, unless ``gid`` is given."""
    font = shaping_font(font_name)
    if gid is None:
        gid = font.face.charToGlyph.get(ord(" "), 0)
    return Glyph(gid, 0.0, 0.0, font.glyph_key(gid, text, width), width)
