"""The direction pdftotext reads a page in: right to left wherever the page holds lines
of a right-to-left paragraph, whatever else it holds (#16).

poppler (pdftotext) gives a whole page one direction, counted from its letters: left
to right unless strong right-to-left characters outnumber strong left-to-right ones
(``TextPage::coalesce`` in TextOutputDev.cc: ``primaryLR = lrCount >= 0``). Each line
is then reordered by a greedy pass over its characters in x order (``reorderText``):

* On a left-to-right page it keeps the stretches of the line in left-to-right order,
  reversing each right-to-left one, and a right-to-left stretch ends at any character
  poppler types as a number: digits, but also the full stop, comma, colon, slash and
  the Arabic comma (UnicodeTypeTable.cc types them "#"). An Arabic line "A. B" reads
  "B. A" there, and no order of the text layer changes that: the disclaimer on A4
  page 2 (the Latin references) and most of the Arabic column of the parallel edition
  (beside English) were read so.
* On a right-to-left page it reads each line from its right end, keeping each
  left-to-right stretch (Latin words, digits, with the neutrals inside them) in order:
  Arabic lines and Latin lines both read in source order, with one exception. A
  neutral character at the right end of a left-to-right stretch ("?", ")") joins
  the right-to-left stretch on its right, or, at the end of the line, is read first:
  "Is it normal?" read "?Is it normal".

So, when a page that holds lines of a right-to-left paragraph ends
(`render.finish_page`), its text layer gets, each written after the line it belongs
to and where that line's pen stopped (a line of a right-to-left paragraph: just left of
its leftmost glyph):

* after each left-to-right line that ends in a neutral, a left-to-right mark;
* if its right-to-left letters do not outnumber its left-to-right ones (those marks
  included), enough right-to-left marks (`ARABIC_LETTER_MARK` among them), after the
  first line of a right-to-left paragraph, to outnumber them, by one or more (the marks
  come `MARKS_PER_GLYPH` to a glyph).

Letters are counted as poppler counts them, with its own, older table
(`poppler_letters`): the Burmese asat is a left-to-right letter to it, an Arabic
Extended-A letter none. Counted as Unicode has them, with a margin of 16 marks, a page
of Burmese beside Arabic was read left to right. Besides the lines, the page's text
holds the numbers of its numbered lists (`note_text`): in Burmese, Thai or Khmer digits,
left-to-right letters too.

The marks are format characters no reader shows, on glyphs without width or outline
in text objects of their own, in render mode 3: nothing drawn changes, pdfium skips a
text object without a box and pdf.js skips format characters. A glyph of many marks
holds them in an /ActualText, which poppler reads instead of its text, one mark
(`render._marks_object`), so pypdf and pdfminer.six give back one a glyph. A page without such a
line (every page of a left-to-right document) is left as it is.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from reportlab.pdfgen.canvas import Canvas

from .citation_text import CLOSE, ends_in_close
from .placed import Placed
from .poppler_letters import letters
from .reading_order import LEFT_TO_RIGHT_MARK, MARK_LEAD, RIGHT_TO_LEFT_MARK, Shown
from .shared_baselines import LineBreak, line_breaks

#: Marks one glyph carries at most: poppler reads a ToUnicode value as one token of at
#: most 255 characters, "<" and ">" around 4 hex digits a mark (CharCodeToUnicode.cc).
MARKS_PER_GLYPH = 63
#: Right to left to poppler, and a format character to every reader, like the
#: right-to-left mark: glyphs carrying the page's marks mix the two, each in its own
#: pattern, because poppler drops a word that repeats the text of another at its
#: place (fake boldface).
ARABIC_LETTER_MARK = "\u061c"

#: A canvas attribute: the lines drawn on the page being written (`_PageLines`).
_PAGE_LINES = "_msc_page_lines"


@dataclass(slots=True)
class _Line:
    """A line drawn on the page, as `page_marks` needs it."""

    anchor: str  # the last operators the line added to the page: its marks go after them
    font: str  # the font and size of its last glyph written, and where the pen stopped
    size: float
    x: float
    y: float
    # Its text layer's text. Only text is kept: the clusters of every line of every page,
    # kept alive until the document is saved, cost English builds 8% more instructions
    # (the garbage collector scans them again and again); a str it does not scan.
    text: str
    reading_order: bool  # written in reading order (`reading_order`): not left to right
    right_to_left: bool  # a line of a right-to-left paragraph
    baseline: float  # its y on the page (``y`` is in the space it was drawn in)
    joined: bool = False  # read as one line with the next (`join_next`)


@dataclass(slots=True)
class _PageLines:
    """The lines drawn on one page: ``code`` is the page's list of operators."""

    code: list[str]
    lines: list[_Line] = field(default_factory=list)
    right_to_left: bool = False
    others: list[str] = field(default_factory=list)  # text written outside lines


def _page_lines(canvas: Canvas) -> _PageLines:
    """The lines noted so far on the page being written on ``canvas``."""
    page: _PageLines | None = canvas.__dict__.get(_PAGE_LINES)
    code: list[str] = canvas._code
    if page is None or page.code is not code:  # a page begun since
        page = _PageLines(code)
        canvas.__dict__[_PAGE_LINES] = page
    return page


def note_text(canvas: Canvas, text: str) -> None:
    """Count ``text``, written on the page of ``canvas`` outside a line (a numbered
    list's number, `list_numbers`), among the page's letters."""
    if any(letters(text)):
        _page_lines(canvas).others.append(text)


def note_line(
    canvas: Canvas,
    anchor: str,
    pen: tuple[str, float, float, float],
    items: list[Placed],
    shown: tuple[list[Shown], str] | None,
) -> None:
    """Remember a line just drawn on ``canvas`` for `page_marks`: ``anchor``, the last
    operators it added; ``pen``, the font and size of its last glyph written and where
    the pen stopped (x, baseline); its clusters (left to right) or, for a line written
    in reading order, its glyphs and the text they carry (as the line writer read it
    from their keys, encoding them)."""
    page = _page_lines(canvas)
    _, b, _, d, _, f = canvas._currentMatrix
    baseline = b * pen[2] + d * pen[3] + f
    if shown is None:
        text = "".join([placed.cluster.text for placed in items])
        if text and ends_in_close(items):  # "CD34[1]": its layer ends in a bracket
            text += CLOSE
        page.lines.append(_Line(anchor, *pen, text, False, False, baseline))
        return
    glyphs, text = shown
    right_to_left = min(placed.piece.level for placed in items) % 2 == 1
    if right_to_left:
        # Its pen stopped inside its last (leftmost) word: marks there are read inside
        # that word ("بیمارا<RLM…>ن"). Just left of the line, they are read after it.
        font, size, _, y = pen
        pen = (font, size, min(map(_X, glyphs)) - MARK_LEAD, y)
    page.lines.append(_Line(anchor, *pen, text, True, right_to_left, baseline))
    page.right_to_left = page.right_to_left or right_to_left


_X = attrgetter("x")


def join_next(canvas: Canvas) -> None:
    """The line last drawn on ``canvas`` is read as one line with the one drawn next on
    its baseline (a pack cover's number and its title): no `shared_baselines` glyph
    comes between them."""
    page = _page_lines(canvas)
    if page.lines:
        page.lines[-1].joined = True


@dataclass(frozen=True, slots=True)
class Marks:
    """Glyphs of marks to write right after ``anchor``, at the pen position where its
    line stopped, in the font and size of its last glyph: the text of each glyph."""

    anchor: str
    font: str
    size: float
    x: float
    y: float
    texts: tuple[str, ...]


def page_marks(canvas: Canvas) -> list[Marks | LineBreak]:
    """The marks that make pdftotext read the page being written on ``canvas`` right to
    left, if it holds lines of a right-to-left paragraph (see the module docstring), and
    forget its lines. Asked once, when everything else is on the page
    (`render.finish_page` writes them). With them, the glyphs that keep pdfium from
    reading two lines on one baseline as one (`shared_baselines`)."""
    page: _PageLines | None = canvas.__dict__.pop(_PAGE_LINES, None)
    if page is None or page.code is not canvas._code or not page.right_to_left:
        return []
    out: list[Marks | LineBreak] = [*line_breaks(page.lines)]
    left, right = letters("".join(page.others))
    for line in page.lines:
        strong = letters(line.text)
        left += strong[0]
        right += strong[1]
        if not line.reading_order and _ends_in_neutral(line.text):
            out.append(_marks(line, LEFT_TO_RIGHT_MARK))
            left += 1
    if right <= left:  # poppler: left to right unless outnumbered
        first = next(line for line in page.lines if line.right_to_left)
        out.insert(0, _marks(first, RIGHT_TO_LEFT_MARK, left - right + 1))
    return out


#: Bidi classes poppler types as a letter or a number ("L", "R", "#"); the others are
#: neutral to its reordering pass.
_NOT_NEUTRAL = frozenset(("L", "R", "AL", "EN", "ES", "ET", "AN", "CS"))


def _ends_in_neutral(text: str) -> bool:
    """Whether the last character of a left-to-right line that a reader sees is neutral
    to poppler (format characters, like the mark after a line-end hyphen, aside)."""
    for char in reversed(text):
        if unicodedata.category(char) != "Cf" and not char.isspace():
            return unicodedata.bidirectional(char) not in _NOT_NEUTRAL
    return False


def _marks(line: _Line, mark: str, count: int = 1) -> Marks:
    """At least ``count`` of ``mark`` (right-to-left marks: `ARABIC_LETTER_MARK` too)
    where ``line``'s pen stopped."""
    if mark != RIGHT_TO_LEFT_MARK:
        return Marks(line.anchor, line.font, line.size, line.x, line.y, (mark * count,))
    glyphs = -(-count // MARKS_PER_GLYPH)
    return Marks(line.anchor, line.font, line.size, line.x, line.y, _right_to_left(glyphs))


@lru_cache(maxsize=64)
def _right_to_left(glyphs: int) -> tuple[str, ...]:
    """The texts of ``glyphs`` glyphs of `MARKS_PER_GLYPH` right-to-left marks, no two
    alike: glyph i mixes in `ARABIC_LETTER_MARK` where the bits of i are set. The same
    texts on every page, so a document needs few glyph keys."""
    return tuple(
        "".join(
            ARABIC_LETTER_MARK if index >> bit & 1 else RIGHT_TO_LEFT_MARK
            for bit in range(MARKS_PER_GLYPH)
        )
        for index in range(glyphs)
    )
