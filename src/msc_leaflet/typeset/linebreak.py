"""Units → lines: greedy line filling and the extra advances that justify a line.

Justification never stretches inside a grapheme cluster (Thai: never inside a
syllable). It first gives each word boundary without a space a small extra advance,
capped at `BOUNDARY_STRETCH_EM` of the font size — small enough that no text
extractor reads it as a space (pdfminer inserts one above 0.1 em, poppler a little
above that) — and puts the rest into the spaces the author wrote. A line with no space
whose slack exceeds the boundary budget stays short rather than spreading a syllable,
and spaces grow by at most `SPACE_STRETCH_EM` (a very loose line stays a little short).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .units import Unit

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
