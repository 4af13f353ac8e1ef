"""Where two lines of a right-to-left page share a baseline, pdfium reads them apart.

pdfium (Chrome's viewer, `FPDFText_GetText`) builds a page's text from its text
objects in the order they are written, but holds back every run of objects on one
baseline and sorts them by x (``CPDF_TextPage::ProcessTextObject``): the lines of two
columns or table cells on one baseline become one line, left to right, and that line
gets one direction for all of it, from the count of its stretches of right-to-left and
left-to-right letters (``CFX_BidiString``). So a parallel row whose English paragraph
and Arabic translation each hold one line read as one line of more English words than
Arabic, left to right, the Arabic words in reverse order ("لا تحمل الخلايا" read
"الخلايا تحمل لا"); a row of more Arabic words read the English words backwards; and an
Arabic table cell "2006[1]" beside "سنة نشر القواعد" was read right to left with it, its
stretches in reverse order ("[1]2006"), where alone it is a left-to-right line that
pdfium reads as written.

pdfium ends a line where a text object stands off the baseline of the one before it.
So between two lines written one after the other on one baseline, where either is a
line of a right-to-left paragraph, the text layer gets one invisible glyph where the
first line's pen stopped, raised (text rise, ``Ts``) most of an em above its baseline:
the font's full stop or another glyph with ink (`reading_order.inked`: pdfium skips a
text object with no box), carrying a space, 1 pt high, in render mode 3 and inside the
page's artifacts. pdfium reads each line apart, and the space as a line of its own;
poppler reads a lone space as nothing; pypdf, which does not read the rise, and
pdfminer.six, in whose line band the small glyph stays, read it as a space at the end
of the first line; pdf.js as whitespace between the lines. Nothing drawn changes, and
a page without right-to-left lines is left as it is (`page_direction` asks for these
where it asks for its marks). A line drawn to be read with the next (a pack cover's
number and its title, joined by `render.word_gap`) keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol


class DrawnLine(Protocol):
    """A line as `page_direction` notes it: the operators it ended with, the font and
    size of its last glyph, where its pen stopped (in the space it was drawn in), its
    paragraph's direction and its baseline on the page."""

    @property
    def anchor(self) -> str: ...
    @property
    def font(self) -> str: ...
    @property
    def size(self) -> float: ...
    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...
    @property
    def right_to_left(self) -> bool: ...
    @property
    def baseline(self) -> float: ...
    @property
    def joined(self) -> bool: ...


#: Baselines closer than this (points) are one to pdfium: its threshold is a quarter of
#: a glyph's width, and no two lines of a column stand so close.
SAME_BASELINE = 0.5
#: How far above the baseline the glyph is raised, in ems of the larger of the two
#: lines: pdfium ends a line at a text object more than half a glyph's width above the
#: one before, or three quarters of one below (a glyph of the next line is rarely
#: wider than 0.85 em); pdfminer.six keeps a glyph in a line's band while half its
#: height overlaps it (the band ends about 0.75 em up).
RISE = 0.7
#: The glyph's size (points): small, so that it stays inside the first line's band.
SIZE = 1.0


@dataclass(frozen=True, slots=True)
class LineBreak:
    """An invisible glyph to write right after ``anchor``, at (``x``, ``y``) raised by
    ``rise``, in ``font`` at `SIZE`: pdfium ends the line there."""

    anchor: str
    font: str
    x: float
    y: float
    rise: float


def line_breaks(lines: Sequence[DrawnLine]) -> list[LineBreak]:
    """The glyphs that keep apart the lines of ``lines`` (in the order written) that
    pdfium would read as one (see the module docstring)."""
    out: list[LineBreak] = []
    for first, then in pairwise(lines):
        if first.joined or abs(first.baseline - then.baseline) >= SAME_BASELINE:
            continue
        if not (first.right_to_left or then.right_to_left):
            continue
        rise = RISE * max(first.size, then.size)
        out.append(LineBreak(first.anchor, first.font, first.x, first.y, rise))
    return out
