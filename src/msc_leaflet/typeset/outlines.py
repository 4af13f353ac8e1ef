"""Glyph outlines as PDF path operators, for glyphs drawn outside the text layer.

Thai marks (tone marks, upper and lower vowels, nikhahit), the second glyph of a
decomposed sara am, and the visible digits of a raised citation are painted as filled
paths: exactly the font's outlines at HarfBuzz's positions, but invisible to text
extractors, whose heuristics (sort by x, new line at a raised glyph) would otherwise
scramble them. The text they belong to is carried by the base glyph of their cluster.
"""

from __future__ import annotations

from functools import lru_cache

from .shaping import harfbuzz_font


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


class _PathPen:
    """A fontTools-style pen (HarfBuzz calls it) that writes PDF path operators."""

    def __init__(self) -> None:
        self.ops: list[str] = []
        self.current = (0.0, 0.0)

    def moveTo(self, p: tuple[float, float]) -> None:
        self.ops.append(f"{_n(p[0])} {_n(p[1])} m")
        self.current = p

    def lineTo(self, p: tuple[float, float]) -> None:
        self.ops.append(f"{_n(p[0])} {_n(p[1])} l")
        self.current = p

    def curveTo(self, *points: tuple[float, float]) -> None:
        (x1, y1), (x2, y2), (x3, y3) = points[-3:]
        self.ops.append(f"{_n(x1)} {_n(y1)} {_n(x2)} {_n(y2)} {_n(x3)} {_n(y3)} c")
        self.current = points[-1]

    def qCurveTo(self, *points: tuple[float, float]) -> None:
        # TrueType quadratic segments, as cubic Béziers (PDF has no quadratic operator).
        control, end = points[-2], points[-1]
        x0, y0 = self.current
        c1 = (x0 + 2 / 3 * (control[0] - x0), y0 + 2 / 3 * (control[1] - y0))
        c2 = (end[0] + 2 / 3 * (control[0] - end[0]), end[1] + 2 / 3 * (control[1] - end[1]))
        self.curveTo(c1, c2, end)

    def closePath(self) -> None:
        self.ops.append("h")

    def endPath(self) -> None:
        pass


@lru_cache(maxsize=4096)
def glyph_path(font_name: str, gid: int) -> str:
    """Path operators for a glyph's outline in font units (origin at the pen), filled
    with the nonzero rule that TrueType outlines use."""
    pen = _PathPen()
    harfbuzz_font(font_name).font.draw_glyph_with_pen(gid, pen)
    return " ".join(pen.ops) + " f" if pen.ops else ""


def units_per_em(font_name: str) -> float:
    return 1000 / harfbuzz_font(font_name).scale
