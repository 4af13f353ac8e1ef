"""Single lines of text drawn straight on the canvas (running headers, footers)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .runs import Run


def runs_width(runs: Sequence[Run], lang: str) -> float:
    return sum(stringWidth(run.text, run.font, run.size) for run in runs)


def draw_runs(canvas: Canvas, x: float, y: float, runs: Sequence[Run], lang: str, align: str = "left") -> float:
    """Draw ``runs`` on one baseline; ``align`` positions them relative to ``x``. Returns width."""
    width = runs_width(runs, lang)
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    for run in runs:
        canvas.setFont(run.font, run.size)
        canvas.setFillColor(run.color)
        canvas.drawString(x, y, run.text)
        x += stringWidth(run.text, run.font, run.size)
    return width
