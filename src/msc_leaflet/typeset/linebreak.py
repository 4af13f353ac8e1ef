"""Units → lines: greedy line filling and the extra advances that justify a line.

Justification never stretches inside a grapheme cluster (Thai: never inside a
syllable). It first gives each word boundary without a space a small extra advance,
capped at `BOUNDARY_STRETCH_EM` of the font size — small enough that no text
extractor reads it as a space (pdfminer inserts one above 0.1 em, poppler a little
above that) — and puts the rest into the spaces the author wrote. A line with no space
whose slack exceeds the boundary budget stays short rather than spreading a syllable,
and spaces grow by at most `SPACE_STRETCH_EM` (a very loose line stays a little short).

A unit wider than the line (a 5,000-character Thai run the dictionary cannot split, a
long URL) would run past the margin and off the page. `fit_units` cuts such a unit as
an emergency, at grapheme-cluster boundaries only, so a Thai consonant never loses its
vowel or tone marks (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E); where it can, the cut also
respects the line rules (not after เ, not before ะ or ๆ, not before a citation).
No hyphen is added: the text layer must give back exactly what was written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .segmentation import allowed_break, keeps_syllable
from .shaping import Cluster
from .units import Piece, Unit

BOUNDARY_STRETCH_EM = 0.04
# A justified space grows by at most this much: poppler reads wider gaps in a narrow
# column as a column gutter and splits the line (and readers lose the line anyway).
SPACE_STRETCH_EM = 0.6
FUZZ = 1e-6


@dataclass(frozen=True, slots=True)
class Line:
    """Units ``start:end`` of a paragraph, set on one line."""

    start: int
    end: int
    width: float  # natural width in points, without the last unit's trailing spaces


def break_lines(units: Sequence[Unit], first_width: float, width: float) -> list[Line]:
    """Fill lines greedily; a unit wider than a whole line gets a line of its own."""
    lines: list[Line] = []
    start = 0
    used = 0.0  # width of the line so far, trailing spaces of its last unit excluded
    pending = 0.0  # trailing spaces of the line's last unit, kept if another unit follows
    for i, unit in enumerate(units):
        available = first_width if not lines else width
        if i > start and used + pending + unit.width > available + FUZZ:
            lines.append(Line(start, i, used))
            start, used, pending = i, 0.0, 0.0
        used += pending + unit.width
        pending = unit.space_width
    if start < len(units):
        lines.append(Line(start, len(units), used))
    return lines


def fit_units(units: Sequence[Unit], width: float) -> list[Unit]:
    """``units``, with every unit wider than ``width`` cut into parts that fit.

    Linear in the number of clusters; units that fit are returned as they are (the
    same objects), so calling it again on its own result changes nothing.
    """
    if not any(unit.width > width + FUZZ for unit in units):
        return list(units)
    out: list[Unit] = []
    for unit in units:
        out.extend(_cut(unit, width) if unit.width > width + FUZZ else [unit])
    return out


def _cut(unit: Unit, width: float) -> list[Unit]:
    """Parts of one oversized unit, each as wide as ``width`` allows (at least a cluster)."""
    flat = [(piece, cluster) for piece in unit.pieces for cluster in piece.clusters]
    content = len(flat) - unit.trailing_spaces  # trailing spaces stay with the last part
    text = "".join(cluster.text for _, cluster in flat)
    offsets = [0]
    for _, cluster in flat:
        offsets.append(offsets[-1] + len(cluster.text))

    def advance(i: int) -> float:
        piece, cluster = flat[i]
        return cluster.advance * piece.size / 1000

    def preferred(i: int) -> bool:  # a cut before cluster i keeps the line rules
        at = offsets[i]
        return not flat[i][0].rise and allowed_break(text, at) and keeps_syllable(text, at)

    cuts = [0]
    used = 0.0
    i = 0
    while i < content:
        if i > cuts[-1] and used + advance(i) > width + FUZZ:
            cut = next((j for j in range(i, cuts[-1], -1) if preferred(j)), i)
            cuts.append(cut)
            used = sum(advance(j) for j in range(cut, i))
            continue
        used += advance(i)
        i += 1
    cuts.append(len(flat))
    parts = [_part(flat[a:b]) for a, b in pairwise(cuts)]
    last = parts[-1]
    parts[-1] = Unit(
        last.pieces, last.width - unit.space_width, unit.space_width, unit.trailing_spaces
    )
    return parts


def _part(flat: Sequence[tuple[Piece, Cluster]]) -> Unit:
    """A unit from consecutive clusters, regrouped into pieces by the piece they came from."""
    pieces: list[Piece] = []
    group: list[Cluster] = []
    for n, (piece, cluster) in enumerate(flat):
        group.append(cluster)
        if n + 1 == len(flat) or flat[n + 1][0] is not piece:
            text = "".join(c.text for c in group)
            pieces.append(Piece(piece.run, tuple(group), piece.size, piece.rise, text, piece.level))
            group = []
    return Unit(tuple(pieces), sum(p.width() for p in pieces), 0.0, 0)


@dataclass(frozen=True, slots=True)
class Stretch:
    """Extra advance (points) after each inner space and each spaceless word boundary."""

    space: float = 0.0
    boundary: float = 0.0


def justify(units: Sequence[Unit], line: Line, available: float) -> Stretch:
    """How to spread a line's slack over its word boundaries and spaces."""
    slack = available - line.width
    if slack <= FUZZ:
        return Stretch()
    spaces = 0
    boundaries = 0
    size = 0.0
    for unit in units[line.start : line.end - 1]:
        if unit.ends_with_space:
            spaces += unit.trailing_spaces
        else:
            boundaries += 1
    for unit in units[line.start : line.end]:
        spaces += sum(c.is_space for p in unit.pieces for c in p.clusters) - unit.trailing_spaces
        size = max([size, *(p.size for p in unit.pieces)])
    if not spaces and not boundaries:
        return Stretch()
    boundary = min(slack / (spaces + boundaries), BOUNDARY_STRETCH_EM * size)
    if not spaces:
        return Stretch(0.0, boundary)
    space = min((slack - boundary * boundaries) / spaces, SPACE_STRETCH_EM * size)
    return Stretch(space, boundary)
