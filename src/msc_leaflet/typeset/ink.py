"""How far apart two lines must be set so that no mark of one touches the other's ink.

A style's leading is a pitch for the script's letters, not for the marks stacked on
them: a Thai tone mark over an upper vowel (ที่, ปั๊) stands 1.2 em over its baseline,
and a vowel under a letter (ผู้, รุ) hangs a third of an em under its own. A title
(24 pt on 28 pt, × Thai's 1.1) or a footer set them 1.28-1.34 em apart, and where
such a pair stood one above the other their ink met (รุนแรง over น้ำ: ุ and ้ one blot).
Lao (ຜູ້ over ນ້ຳ) did the same.

TeX's answer (``\\lineskiplimit``) is to set two lines farther apart only where their
boxes would come too close; here the boxes are the glyphs' own ink, so a pair that
does not stand one above the other changes nothing, and nearly every paragraph keeps
its style's leading. A paragraph takes the largest pitch any two of its lines need,
so its lines stay evenly spaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from .placed import Placed
from .shaping import Cluster, harfbuzz_font
from .units import Piece, Unit

#: Ink of two lines comes no closer than this many font sizes (0.6 pt in a 10.5 pt
#: line): what a press's ink spread and a reader's eye still see as a gap.
CLEARANCE_EM = 0.06

# (left, right, bottom, top) of a glyph's ink relative to its line's pen and baseline,
# in points; bottom is negative below the baseline.
Ink = tuple[float, float, float, float]


@lru_cache(maxsize=8192)
def glyph_ink(font_name: str, gid: int) -> Ink:
    """The ink box of a glyph in 1/1000 em (left, right, bottom, top); all zero for
    a glyph without an outline (a space)."""
    hbf = harfbuzz_font(font_name)
    extents = hbf.font.get_glyph_extents(gid)
    if extents is None or not (extents.width and extents.height):
        return (0.0, 0.0, 0.0, 0.0)
    scale = hbf.scale
    left = extents.x_bearing * scale
    top = extents.y_bearing * scale
    return (left, left + extents.width * scale, top + extents.height * scale, top)


def line_ink(placed: Sequence[Placed]) -> list[Ink]:
    """The ink box of every glyph of a placed line, in points from its baseline."""
    boxes: list[Ink] = []
    for item in placed:
        piece = item.piece
        size = piece.size / 1000
        font = piece.run.font
        for glyph in item.cluster.glyphs:
            left, right, bottom, top = glyph_ink(font, glyph.gid)
            if right == left:
                continue
            x = item.x + glyph.x * size
            y = piece.rise + glyph.y * size
            boxes.append((x + left * size, x + right * size, y + bottom * size, y + top * size))
    return boxes


def pitch_between(
    above: Sequence[Ink], below: Sequence[Ink], clearance: float, pitch: float
) -> float:
    """The least distance, at least ``pitch``, between the baselines of two lines at
    which no glyph of ``below`` comes within ``clearance`` of a glyph of ``above`` it
    stands under."""
    deepest = -min(box[2] for box in above)
    tallest = max(box[3] for box in below)
    # Only the glyphs that could need more than ``pitch`` are compared, pair by pair.
    hanging = [box for box in above if tallest - box[2] + clearance > pitch]
    rising = [box for box in below if deepest + box[3] + clearance > pitch]
    for left, right, bottom, _ in hanging:
        for other_left, other_right, _, top in rising:
            if other_left < right and left < other_right:
                pitch = max(pitch, top - bottom + clearance)
    return pitch


class ReachFrom:
    """For every unit of a paragraph, a bound on how far the ink of it and of all the
    units after it rises over the baseline and hangs under it (points, from each
    piece's clusters' reach, `cluster_reach`). Shared by the parts of a paragraph split
    across pages: each part's `may_touch` reads its bound here instead of walking the
    rest of the paragraph, which made every page of one long paragraph cost the pages
    still to come (a 256,000-letter paragraph: 4 s of 12)."""

    def __init__(self, units: Sequence[Unit]) -> None:
        tallest = deepest = 0.0
        self.bounds: list[tuple[float, float]] = [(0.0, 0.0)] * (len(units) + 1)
        for at in range(len(units) - 1, -1, -1):
            for piece in units[at].pieces:
                top, depth = _piece_reach(piece, piece.size / 1000)
                tallest, deepest = max(tallest, top), max(deepest, depth)
            self.bounds[at] = (tallest, deepest)


def may_touch(
    units: Sequence[Unit],
    leading: float,
    size: float,
    reach: tuple[float, float] | None = None,
) -> bool:
    """Whether any two lines of ``units`` set ``leading`` apart could come within the
    clearance: the deepest ink of any glyph and the tallest of any, one line apart. An
    English paragraph never can, and need not be placed to be measured. ``reach``: a
    bound on their ink (`ReachFrom`); when even it leaves the room, no glyph is looked
    at, and the answer is the same, since each glyph's ink is within it."""
    room = leading - CLEARANCE_EM * size
    if reach is not None and reach[0] + reach[1] + 2 * _REACH_SLACK <= room:
        return False
    deepest = tallest = 0.0
    for unit in units:
        for piece in unit.pieces:
            scale = piece.size / 1000
            if _stays_within(piece, scale, tallest, deepest):
                continue  # the ink of its glyphs can raise neither extreme
            font = piece.run.font
            for cluster in piece.clusters:
                for glyph in cluster.glyphs:
                    _, _, bottom, top = glyph_ink(font, glyph.gid)
                    y = piece.rise + glyph.y * scale
                    if y + top * scale > tallest:
                        tallest = y + top * scale
                    if -(y + bottom * scale) > deepest:
                        deepest = -(y + bottom * scale)
            if deepest + tallest > room:  # a Thai paragraph: known by its first words
                return True
    return False


#: Points by which a piece's ink bound (`_stays_within`) must stay under the extremes
#: found so far: far more than the rounding by which it can differ from the glyph by
#: glyph sums (a few units in the 15th digit), far less than any ink a press prints.
_REACH_SLACK = 1e-9


def _stays_within(piece: Piece, scale: float, tallest: float, deepest: float) -> bool:
    """Whether no glyph of ``piece`` can reach over ``tallest`` or under ``deepest``
    (points from the baseline), judged by its clusters' ink (`cluster_reach`). Most
    words of a paragraph reach no further than the tallest and deepest letters before
    them, and so `may_touch` looks one reach up per cluster instead of one ink box per
    glyph (2 % of a warm batch); a word that may reach further is measured glyph by
    glyph as before, so the extremes, and the answer, are exactly the same."""
    top, depth = _piece_reach(piece, scale)
    return top + _REACH_SLACK <= tallest and depth + _REACH_SLACK <= deepest


def _piece_reach(piece: Piece, scale: float) -> tuple[float, float]:
    """How far the ink of ``piece`` may rise over the baseline and hang under it
    (points), from its clusters' reach: each glyph's, worked out glyph by glyph, is
    within `_REACH_SLACK` of it."""
    font = piece.run.font
    top = depth = 0.0
    for cluster in piece.clusters:
        reach = cluster.reach
        if reach is None or reach[0] != font:
            reach = cluster_reach(font, cluster)
        if reach[1] > top:
            top = reach[1]
        if reach[2] > depth:
            depth = reach[2]
    return piece.rise + top * scale, -piece.rise + depth * scale


def cluster_reach(font: str, cluster: Cluster) -> tuple[str, float, float]:
    """``font`` and how far the ink of ``cluster`` in it rises over its baseline and
    hangs under it, at least 0 (1/1000 em, its glyphs' offsets included). Kept on the
    cluster, which shaping shares among all the texts of one face: worked out once
    (the font is kept with it, so a cluster ever set in another is measured again)."""
    top = depth = 0.0
    for glyph in cluster.glyphs:
        _, _, bottom, ink_top = glyph_ink(font, glyph.gid)
        top = max(top, glyph.y + ink_top)
        depth = max(depth, -(glyph.y + bottom))
    reach = (font, top, depth)
    object.__setattr__(cluster, "reach", reach)  # frozen: a cache, no part of its value
    return reach


def paragraph_pitch(lines: Sequence[Sequence[Placed]], leading: float, size: float) -> float:
    """The pitch a paragraph's lines are set at: its style's ``leading``, or more
    where two of its lines would otherwise touch (``size``: its font size)."""
    if len(lines) < 2:
        return leading
    clearance = CLEARANCE_EM * size
    inks = [line_ink(line) for line in lines]
    pitch = leading
    for above, below in pairwise(inks):
        if not above or not below:
            continue
        # Most pairs of lines: even the deepest and the tallest glyph leave the gap.
        if -min(box[2] for box in above) + max(box[3] for box in below) + clearance <= pitch:
            continue
        pitch = pitch_between(above, below, clearance, pitch)
    return pitch
