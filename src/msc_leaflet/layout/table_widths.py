"""Table cells → column widths: how an automatic table shares the frame's width.

As a browser lays out a table whose columns have no set width: every column at least
as wide as what it cannot break, the rest shared by how much more each would take.
Only the widths are decided here; `blocks.table` builds the table with them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from ..typeset.linebreak import narrowest_width, release_phrases
from ..typeset.paragraph import TextParagraph


@dataclass(frozen=True, slots=True)
class _Column:
    """What a column's cells need, in points."""

    natural: float  # its longest cell set on one line
    word: float  # its widest unbreakable unit (Japanese and Chinese: a character)
    part: float  # its widest part of a unit once English words are hyphenated
    # Its widest Japanese or Chinese phrase (0 without one): a narrow line keeps it
    # whole (`keep-phrases-below`), so the column should hold it when others can spare it.
    phrase: float


def column_widths(cells: list[list[Flowable]], width: float, padding: float) -> list[float] | None:
    """Column widths (points, padding included) that share ``width``, or None when the
    columns cannot be that narrow.

    As a browser lays out an automatic table: each column is at least as wide as its
    widest unbreakable unit (a Thai word, an English word, a number with its unit);
    when that cannot fit, at least as wide as the widest part left when English words
    are hyphenated (Thai words stay whole: cutting one between syllables is the last
    resort, left to the line breaker when no other layout fits). What is left is shared
    by how much wider each column's longest cell would be set on one line — a column of
    short labels is not widened at the cost of the column of sentences. Last, a column
    too narrow for its widest Japanese or Chinese phrase takes what it lacks from the
    columns that can spare it (`_hold_phrases`).
    """
    columns = [_measure(column) for column in zip(*cells, strict=True)]
    room = width - padding * len(columns)
    for minimums in ([c.word for c in columns], [c.part for c in columns]):
        if sum(minimums) <= room + 1e-6:
            return [share + padding for share in _share(columns, minimums, room)]
    return None


def _share(columns: Sequence[_Column], minimums: Sequence[float], room: float) -> list[float]:
    """``room`` shared by columns at least ``minimums`` wide (their sum fits in it)."""
    naturals = [column.natural for column in columns]
    if sum(naturals) <= room:
        return [n + (room - sum(naturals)) * n / sum(naturals) for n in naturals]
    wants = [max(n - low, 0.0) for n, low in zip(naturals, minimums, strict=True)]
    slack = room - sum(minimums)
    shares = [low + slack * want / sum(wants) for low, want in zip(minimums, wants, strict=True)]
    phrases = [column.phrase for column in columns]
    return _hold_phrases(shares, phrases, minimums)


def _hold_phrases(
    widths: Sequence[float], phrases: Sequence[float], minimums: Sequence[float]
) -> list[float]:
    """``widths`` with each column narrower than its widest phrase widened to hold it,
    taken from the other columns in proportion to what each can spare above its own
    phrase and minimum. When they cannot spare it all, each short column gets its part
    of what they can (アセトアミノフェン in a five-column table beside two addresses was
    left two characters wide, アセ|トア|ミノ|フェ|ン, though the addresses could give
    it five more). The shares are not
    recomputed from the phrases: a label column of Japanese (胸の痛み, 発熱, または)
    needs three characters, and the column of sentences beside it keeps the rest, so
    the table is no taller than before (widening the label column by its share pushed
    the A5 parallel table to the next page, #16)."""
    short = [max(p - w, 0.0) for w, p in zip(widths, phrases, strict=True)]
    need = sum(short)
    if need <= 1e-6:
        return list(widths)
    spare = [
        0.0 if lack else max(w - max(p, low), 0.0)
        for w, p, low, lack in zip(widths, phrases, minimums, short, strict=True)
    ]
    given = min(need, sum(spare))
    if given <= 1e-6:
        return list(widths)
    return [
        w + lack * given / need - given * give / sum(spare)
        for w, lack, give in zip(widths, short, spare, strict=True)
    ]


def squeezed(cells: list[list[Flowable]], width: float, padding: float) -> list[float]:
    """Widths for a table whose words cannot all fit.

    One column whose widest word alone is what cannot fit (a code, a URL, a run with no
    break) is given up: that word is cut wherever its column ends, and reported
    (LAYOUT004), so the other columns keep their widest words whole, and the given-up
    column its own ordinary words, when the table holds them (`_give_up`). Else the
    columns share the width by their widest words, so each is cut as little as the
    others: sharing so with one hopeless word starved every other column below its
    longest word, and cut ordinary words there too."""
    columns = [_measure(column) for column in zip(*cells, strict=True)]
    room = width - padding * len(columns)
    given_up = _give_up(list(zip(*cells, strict=True)), columns, room)
    if given_up is not None:
        return [share + padding for share in given_up]
    parts = [max(column.part, 1.0) for column in columns]
    return [room * part / sum(parts) + padding for part in parts]


def _give_up(
    cells: Sequence[Sequence[Flowable]], columns: Sequence[_Column], room: float
) -> list[float] | None:
    """Shares of ``room`` with the column of the widest word given up, or None when the
    other columns' widest words (whole, else hyphenated) do not fit beside it."""
    hopeless = max(range(len(columns)), key=lambda n: columns[n].part)
    for kind in ("word", "part"):
        minimums = [getattr(column, kind) for column in columns]
        others = sum(minimums) - minimums[hopeless]
        if others > room + 1e-6:
            continue
        # What the given-up column can still hold whole: its words that fit what is left.
        minimums[hopeless] = _widest_fitting(cells[hopeless], room - others)
        return _share(columns, minimums, room)
    return None


def _widest_fitting(column: Sequence[Flowable], limit: float) -> float:
    """The widest part of a unit of ``column`` no wider than ``limit`` (0 if none)."""
    widest = 0.0
    for cell in column:
        if isinstance(cell, TextParagraph):
            indent = cell.style.leftIndent + cell.style.rightIndent
            for unit in cell.sized_units:
                part = narrowest_width(unit, cell.lang, syllables=False) + indent
                if part <= limit:
                    widest = max(widest, part)
    return widest


def _measure(column: Sequence[Flowable]) -> _Column:
    natural = word = part = phrase = 0.0
    for cell in column:
        if not isinstance(cell, TextParagraph):
            continue  # cells are paragraphs; anything else leaves the column's share alone
        units = cell.sized_units
        indent = cell.style.leftIndent + cell.style.rightIndent
        line = sum(u.width + u.space_width for u in units) - (units[-1].space_width if units else 0)
        natural = max(natural, line + indent)
        # A phrase kept whole in a narrow line may still be cut between its characters.
        word = max(word, *(u.width + indent for u in release_phrases(units)), 0.0)
        phrase = max(phrase, *(u.width + indent for u in units if u.soft_breaks), 0.0)
        part = max(
            part, *(narrowest_width(u, cell.lang, syllables=False) + indent for u in units), 0.0
        )
    return _Column(natural, word, part, phrase)
