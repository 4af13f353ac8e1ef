"""Single lines of text drawn straight on the canvas (running headers, footers).

They go through the same units, shaping and text-layer path as paragraphs:
ReportLab's ``canvas.drawString(..., shaping=True)`` does nothing without ``rlbidi``,
and a plain ``drawString`` would print Thai marks unshaped and lose them in the text layer.

Marks are drawn by invoking a form (``outlines.py``), and pypdf ends a line of text at
every form it meets: marks drawn right after their line would split a table row or a
footer whose parts share a baseline. A page canvas holds them (``hold_marks``) and
draws them all after the page's text (``draw_held_marks``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import groupby

from reportlab.pdfgen.canvas import Canvas

from ..languages import right_to_left
from .ink import cluster_reach
from .overprint import OverprintingCanvas
from .render import CM_CHAIN, HELD_MARKS, draw_placed, draw_shapes, place_units, word_gap
from .runs import Run
from .units import shaped_line, units_width


def runs_depth(runs: Sequence[Run], lang: str) -> float:
    """How far the ink of ``runs`` set on one line hangs under its baseline, in points
    (0 for none). A line drawn straight on the page has no leading to keep it clear of
    a rule under it, and Burmese ျ and ြ hang nearly half an em: whatever is drawn
    under such a line must stand at least this far down."""
    depth = 0.0
    for unit in shaped_line(runs, lang):
        for piece in unit.pieces:
            scale = piece.size / 1000
            for cluster in piece.clusters:
                hang = cluster_reach(piece.run.font, cluster)[2]
                depth = max(depth, hang * scale - piece.rise)
    return depth


def draw_runs(
    canvas: Canvas, x: float, y: float, runs: Sequence[Run], lang: str, align: str = "left"
) -> float:
    """Draw ``runs`` on one baseline; ``align`` positions them relative to ``x``. Returns width."""
    units = shaped_line(runs, lang)
    width = units_width(units)
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    draw_placed(canvas, y, place_units(units, x))
    return width


def draw_runs_beside(
    canvas: Canvas, x: float, y: float, runs: Sequence[Run], lang: str, align: str = "left"
) -> float:
    """`draw_runs` for the first of two pieces sharing a baseline (a running header's
    title, then the organisation's name). On a right-to-left page the next piece is
    drawn left of this one, and this one ends in a space of the text layer only
    (`render.word_gap`), so that the next reads a word apart. Returns the width drawn."""
    width = draw_runs(canvas, x, y, runs, lang, align)
    if not runs or not right_to_left(lang):
        return width
    units = shaped_line(runs, lang)
    left = x - {"right": width, "center": width / 2}.get(align, 0.0)
    # Written right to left (`reading_order`) if any of it is: it stops at its left end.
    leftwards = any(piece.level % 2 for unit in units for piece in unit.pieces)
    last = runs[-1]
    word_gap(canvas, left if leftwards else left + width, y, last.font, last.size, leftwards)
    return width


def draw_runs_as_shapes(
    canvas: Canvas, x: float, y: float, runs: Sequence[Run], lang: str, align: str = "left"
) -> None:
    """`draw_runs`, drawn as shapes with no text (`render.draw_shapes`): decoration."""
    units = shaped_line(runs, lang)
    width = units_width(units)
    x -= {"right": width, "center": width / 2}.get(align, 0.0)
    draw_shapes(canvas, y, place_units(units, x))


def hold_marks(canvas: Canvas) -> None:
    """Lines drawn on ``canvas`` from now on leave their marks for ``draw_held_marks``."""
    if getattr(canvas, HELD_MARKS, None) is None:
        setattr(canvas, HELD_MARKS, [])


def draw_held_marks(canvas: Canvas, at: int | None = None) -> None:
    """Draw the marks held since ``hold_marks``, each in the transformation its line was
    drawn in, and stop holding. ``at``: where in the page's operators to draw them
    (default: the end); before a page's last text, so pypdf reads no line end after it.

    A transformation is replayed as the very ``cm`` operators its line was drawn under
    (``MarkHoldingCanvas``), not as one matrix: pdfium multiplies in single precision,
    and a product taken in another order moves antialiased pixels by a level.
    """
    held: list[tuple[tuple[str, ...], str]] = canvas.__dict__.pop(HELD_MARKS, None) or []
    now: tuple[str, ...] = getattr(canvas, CM_CHAIN, ())
    ops: list[str] = []
    for chain, run in groupby(held, key=lambda item: item[0]):
        blocks = [block for _, block in run]
        if chain[: len(now)] != now:  # drawn inside a transformation since undone
            raise ValueError("marks held across a restoreState that undid their transform")
        extra = chain[len(now) :]
        ops += ["q", *extra, *blocks, "Q"] if extra else blocks
    if ops:
        code: list[str] = canvas._code
        code.insert(len(code) if at is None else at, "\n".join(ops))


class MarkHoldingCanvas(OverprintingCanvas):
    """A canvas that knows the ``cm`` operators in effect, for ``draw_held_marks`` (and
    whose thin 100 % black rules overprint: `OverprintingCanvas`)."""

    def _startPage(self) -> None:
        super()._startPage()
        setattr(self, CM_CHAIN, ())
        self.__dict__["_cm_saved"] = []  # the chains saveState saved, per page

    def transform(self, a: float, b: float, c: float, d: float, e: float, f: float) -> None:
        code = self._code
        merged = bool(code) and code[-1][-3:] == " cm"  # ReportLab folds it into that one
        super().transform(a, b, c, d, e, f)
        chain: tuple[str, ...] = getattr(self, CM_CHAIN, ())
        written = " ".join(code[-1].split()[-7:])
        setattr(self, CM_CHAIN, (*chain[:-1], written) if merged and chain else (*chain, written))

    def saveState(self) -> None:
        super().saveState()
        self.__dict__.setdefault("_cm_saved", []).append(getattr(self, CM_CHAIN, ()))

    def restoreState(self) -> None:
        super().restoreState()
        saved = self.__dict__.get("_cm_saved")
        setattr(self, CM_CHAIN, saved.pop() if saved else ())


@contextmanager
def same_baseline(canvas: Canvas) -> Iterator[None]:
    """Runs drawn inside share a baseline: their marks are drawn after all their text
    (on a canvas that does not hold its marks already)."""
    if getattr(canvas, HELD_MARKS, None) is not None:
        yield
        return
    hold_marks(canvas)
    try:
        yield
    finally:
        draw_held_marks(canvas)
