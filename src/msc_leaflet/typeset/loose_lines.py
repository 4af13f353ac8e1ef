"""Units → units with the word after a very loose line hyphenated onto it.

Lines are filled greedily with whole units; a word of a script written with hyphens
is cut only when it is wider than the line (`linebreak.fit_units`). In a narrow column
(a table cell, a parallel column on A5) a long word then left the line before it
mostly empty: "Take" alone, and "500 milligrams" on the next line, for a number keeps
its unit. Here a line filled to less than `LOOSE` of its width takes the first part
of the next line's first unit, cut at a hyphenation point (`hyphenation`: the
package's medical list, then Pyphen) where that part and its hyphen fit: "Take 500
milli-" / "grams twice a day". A line that is loose only at the paragraph's end, or
before a unit with no such point (Thai, a number, a short word), stays as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from .linebreak import break_lines, hyphenated_head
from .units import Unit

#: A line filled to less than this share of its width, before a word that could be
#: hyphenated onto it, reads as a hole in the column (TeX's "very loose" is a
#: badness; a ragged column's reader sees the empty share).
LOOSE = 0.6
#: A word shorter than this is never cut to fill a line: its parts read as two words
#: ("dam-" / "aged"); a long one ("inflamma-" / "tion") reads as one.
SHORTEST = 8


def hyphenate_loose(
    units: Sequence[Unit], first_width: float, width: float, lang: str, continued: bool = False
) -> list[Unit]:
    """``units`` with the first unit after each line filled to less than `LOOSE` cut at
    a hyphenation point, its first part on that line (`hyphenated_head`). The units
    that fit as they were are returned as they are (the same objects)."""
    out = list(units)
    done = 0  # lines before this one are final: greedy breaking never changes them
    while True:
        lines = break_lines(out, first_width, width, avoid_runts=False, lang=lang,
                            continued=continued)  # fmt: skip
        for n in range(done, len(lines) - 1):
            line = lines[n]
            available = first_width if n == 0 else width
            if line.width >= LOOSE * available:
                continue
            # A part no wider than the narrower line: `fit_units` never cuts it again.
            room = min(available - line.width - out[line.end - 1].space_width, first_width, width)
            parts = hyphenated_head(out[line.end], room, lang, SHORTEST)
            if parts is not None:
                out[line.end : line.end + 1] = parts
                done = n + 1
                break
        else:
            return out
