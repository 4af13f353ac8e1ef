"""Single lines of text drawn straight on the canvas (running headers, footers).

They go through the same units, shaping and text-layer path as paragraphs:
ReportLab's ``canvas.drawString(..., shaping=True)`` does nothing without ``rlbidi``,
and a plain ``drawString`` would print Thai marks unshaped and lose them in the text layer.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas

from .paragraph import default_word_list
from .render import draw_placed, place_units
from .runs import Run
from .units import Unit, build_units


def _units(runs: Sequence[Run], lang: str) -> list[Unit]:
    return build_units(runs, lang, default_word_list())


def _width(units: Sequence[Unit]) -> float:
    if not units:
        return 0.0
    return sum(u.width + u.space_width for u in units) - units[-1].space_width


def runs_width(runs: Sequence[Run], lang: str) -> float:
    """Width in points of ``runs`` set on one line (trailing spaces excluded)."""
    return _width(_units(runs, lang))


def draw_runs(
    canvas: Canvas, x: float, y: float, runs: Sequence[Run], lang: str, align: str = "left"
) -> float:
    """Draw ``runs`` on one baseline; ``align`` positions them relative to ``x``. Returns width."""
    units = _units(runs, lang)
    width = _width(units)
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    draw_placed(canvas, y, place_units(units, x))
    return width
