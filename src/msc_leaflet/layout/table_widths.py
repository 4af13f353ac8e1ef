"""Table cells → column widths: how an automatic table shares the frame's width.

As a browser lays out a table whose columns have no set width: every column at least
as wide as what it cannot break, the rest shared by how much more each would take.
Only the widths are decided here; `blocks.table` builds the table with them.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from ..typeset.linebreak import narrowest_width
from ..typeset.paragraph import TextParagraph


def column_widths(cells: list[list[Flowable]], width: float, padding: float) -> list[float] | None:
    """Column widths (points, padding included) that share ``width``, or None when the
    columns cannot be that narrow.

    As a browser lays out an automatic table: each column is at least as wide as its
    widest unbreakable unit (a Thai word, an English word, a number with its unit);
    when that cannot fit, at least as wide as the widest part left when English words
    are hyphenated (Thai words stay whole: cutting one between syllables is the last
    resort, left to the line breaker when no other layout fits). What is left is shared by how
    much wider each column's longest cell would be set on one line — a column of short
    labels is not widened at the cost of the column of sentences.
    """
    columns = [_measure(column) for column in zip(*cells, strict=True)]
    room = width - padding * len(columns)
    naturals = [natural for natural, _, _ in columns]
    for minimums in ([word for _, word, _ in columns], [part for _, _, part in columns]):
        if sum(minimums) > room + 1e-6:
            continue
        if sum(naturals) <= room:
            return [n + (room - sum(naturals)) * n / sum(naturals) + padding for n in naturals]
        wants = [max(n - low, 0.0) for n, low in zip(naturals, minimums, strict=True)]
        slack = room - sum(minimums)
        return [
            low + slack * want / sum(wants) + padding
            for low, want in zip(minimums, wants, strict=True)
        ]
    return None


def squeezed(cells: list[list[Flowable]], width: float, padding: float) -> list[float]:
    """Widths for a table whose words cannot all fit: shared by the columns' widest
    words, so each is cut as little as the others."""
    columns = [_measure(column) for column in zip(*cells, strict=True)]
    parts = [max(part, 1.0) for _, _, part in columns]
    room = width - padding * len(columns)
    return [room * part / sum(parts) + padding for part in parts]


def _measure(column: Sequence[Flowable]) -> tuple[float, float, float]:
    """A column's (one-line width of its longest cell, widest unbreakable unit, widest
    part of a unit once English words are hyphenated), in points."""
    natural = word = part = 0.0
    for cell in column:
        if not isinstance(cell, TextParagraph):
            continue  # cells are paragraphs; anything else leaves the column's share alone
        units = cell.units
        indent = cell.style.leftIndent + cell.style.rightIndent
        line = sum(u.width + u.space_width for u in units) - (units[-1].space_width if units else 0)
        natural = max(natural, line + indent)
        word = max(word, cell.minWidth())
        part = max(part, *(narrowest_width(u, cell.lang, thai=False) + indent for u in units), 0.0)
    return natural, word, part
