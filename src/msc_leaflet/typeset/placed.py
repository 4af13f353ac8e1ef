"""A cluster at its position on a line, and the glyphs it puts into the text layer.

`render.place_units` makes them; `render` writes them in drawing order and
`reading_order` in reading order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from .reportlab_overrides import ShapingTTFont
from .shaping import Cluster, Glyph
from .units import Piece


@dataclass(slots=True)  # not frozen: one is made per character drawn, and a frozen
class Placed:  # dataclass costs 2.5x as much to create (1.4 ms of an English page)
    """A cluster at an x position (points, relative to the canvas origin)."""

    piece: Piece
    cluster: Cluster
    x: float
    stretch: float = 0.0  # justification: extra width of a space (points)


def any_piece(items: Iterable[Placed], test: Callable[[Piece], object]) -> bool:
    """Whether ``test`` holds for the piece of any of ``items``, asked once per piece:
    a line's clusters come piece by piece, and a cluster whose piece is the one
    before's has the answer already given (a line's ~70 clusters are ~12 pieces)."""
    piece = None
    for placed in items:
        if placed.piece is not piece:
            piece = placed.piece
            if test(piece):
                return True
    return False


def carriers(placed: Placed, font: ShapingTTFont) -> tuple[Glyph, ...]:
    """The glyphs of ``placed`` that go into the text layer."""
    cluster = placed.cluster
    if placed.stretch and cluster.is_space:
        # A justified space is one wider space glyph, not a space plus a gap:
        # pdfminer would read the gap as a second space.
        space = cluster.carriers[0]
        width = round(space.width + placed.stretch * 1000 / placed.piece.size)
        return (replace(space, key=font.glyph_key(space.gid, " ", width), width=width),)
    return cluster.carriers
