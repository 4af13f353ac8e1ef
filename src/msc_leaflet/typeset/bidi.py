"""Right-to-left text: the Unicode Bidirectional Algorithm (UAX #9), levels and order.

A paragraph of an Arabic leaflet runs right to left, and the numbers, Latin drug
names and citation markers inside it run left to right within it. The algorithm
resolves an embedding level per character (even: left to right, odd: right to left);
shaping then sets each run in its direction (HarfBuzz mirrors brackets in right-to-left
runs and joins Arabic letters), and each printed line shows its clusters in visual
order (rule L2: reverse every run at or above each odd level). The PDF text layer keeps
the logical order: glyphs are written in reading order at their visual positions.

Levels come from python-bidi's reference implementation (``bidi.algorithm``); ICU's,
the better-kept one, is not exposed by icu4py. Lines break on logical text first, as
UAX #9 requires (levels are resolved per paragraph, reordering is per line).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import groupby

# Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, presentation
# forms) and explicit right-to-left controls: without any, a left-to-right paragraph
# has every level 0 and needs no work at all.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u202b\u202e\u2067]")


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


@lru_cache(maxsize=1024)
def levels(text: str, rtl: bool) -> tuple[int, ...]:
    """The resolved embedding level of each character of the paragraph ``text``;
    ``rtl``: the paragraph runs right to left (base level 1)."""
    if not rtl and not has_rtl(text):
        return (0,) * len(text)
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    base = 1 if rtl else 0
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    algorithm.get_embedding_levels(text, storage, False, False)
    algorithm.explicit_embed_and_overrides(storage, False)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    resolved = iter(char["level"] for char in storage["chars"])
    out: list[int] = []
    for char in text:
        # Embedding controls and boundary neutrals are removed by rule X9: they take
        # the level of the character before them.
        removed = unicodedata.bidirectional(char) in algorithm.X9_REMOVED
        out.append((out[-1] if out else base) if removed else next(resolved))
    return tuple(out)


def visual_order(line_levels: Sequence[int]) -> list[int]:
    """Indices of a line's items in left-to-right display order (rule L2)."""
    order = list(range(len(line_levels)))
    present = set(line_levels)
    if not present:
        return order
    highest = max(present)
    lowest_odd = min((level for level in present if level % 2), default=highest + 1)
    # Once per right-to-left line drawn, so the line is read once, as stretches of one
    # level, and reversed stretch by stretch. A stretch at a level or higher is a run
    # of such stretches of the line as given: reversals at higher levels stay inside it.
    stretches = []
    start = 0
    for level, same in groupby(line_levels):
        end = start + len(list(same))
        stretches.append((level, start, end))
        start = end
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(stretches):
            if stretches[i][0] < level:
                i += 1
                continue
            j = i
            while j < len(stretches) and stretches[j][0] >= level:
                j += 1
            first, last = stretches[i][1], stretches[j - 1][2]
            order[first:last] = order[first:last][::-1]
            i = j
    return order
