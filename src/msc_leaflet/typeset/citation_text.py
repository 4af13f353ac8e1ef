"""A citation superscript's text in the text layer: in brackets where it meets a number.

A citation number is drawn raised and small, but its text sits on the baseline, the
size of the superscript (`render`), and no extractor keeps it apart: pdftotext, pypdf,
pdfminer.six, pdfium and pdf.js all read it as the next characters of the word it is
set against. After a word that is harmless ("cells1": the reader still finds "cells"),
but after a number it changes the number: "CD34¹" read "CD341", "in 2018.²" read
"2018.2", "IL-6¹,²" read "IL-61,2", and "研究¹3项" read "研究13项". There the number's text
is written in square brackets, "CD34[1]", as a citation is written in plain text (and
as Wikipedia's copy gives it), so a reader who copies or searches gets the number
unchanged. The brackets are carried by the number's own glyphs (their ToUnicode
text), so nothing drawn moves: the page looks the same, and the number's `Reference`
and `Link` elements hold its brackets.

The bracket is a neutral to the readers' bidi passes: in a line of a right-to-left
paragraph, and in a left-to-right line of a page pdftotext reads right to left,
pdftotext gave the closing one to the right-to-left text beside it ("]2018[2"); a
left-to-right mark after it keeps it with its number (`reading_order`,
`page_direction`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .fonts import shaping_font
from .reportlab_overrides import ShapingTTFont
from .shaping import Cluster

if TYPE_CHECKING:  # placed imports units, which imports this
    from .placed import Placed

#: Around a citation's numbers in the text layer where they meet a number.
OPEN, CLOSE = "[", "]"


def meets_number(text: str, start: int, end: int, superscripts: Collection[int]) -> bool:
    """Whether the citation superscript ``text[start:end]`` would be read as part of a
    number of the text around it: a digit (any script's, or a superscript one: "10⁶")
    just after it, or just before it with nothing but punctuation between ("5.",
    "(n = 12)", "Phase 2”"). A superscript's own digits are none: "[@a], [@b]" reads
    "cells1,2" as it prints."""
    after = text[end : end + 1]
    if after and _numeric(after):
        return True
    index = start - 1
    while index >= 0 and index not in superscripts:
        category = unicodedata.category(text[index])
        if category[0] == "N":
            return True
        if category[0] not in "PS":
            return False
        index -= 1
    return False


def _numeric(char: str) -> bool:
    return unicodedata.category(char)[0] == "N"


def bracketed(
    clusters: tuple[Cluster, ...], font_name: str, opens: bool, closes: bool
) -> tuple[Cluster, ...]:
    """``clusters`` (of one piece of a citation superscript) with `OPEN` before the
    text of the first one's first carrier (``opens``: the piece starts the citation)
    and `CLOSE` after the last one's last (``closes``). Each carrier keeps its glyph
    and width, so only the text it carries changes."""
    if not clusters or not (opens or closes):
        return clusters
    font = shaping_font(font_name)
    out = list(clusters)
    if opens:
        out[0] = _with_carrier(out[0], 0, lambda text: OPEN + text, font)
    if closes:
        out[-1] = _with_carrier(out[-1], -1, lambda text: text + CLOSE, font)
    return tuple(out)


def _with_carrier(
    cluster: Cluster, index: int, change: Callable[[str], str], font: ShapingTTFont
) -> Cluster:
    """``cluster`` with its carrier ``index`` carrying ``change(its text)``; shaped
    clusters are shared, so it is a new one."""
    if not cluster.carriers:
        return cluster
    old = cluster.carriers[index]
    assert old.key is not None  # a carrier has a key
    text = font.glyph_texts.get(old.key, chr(old.key))
    new = replace(old, key=font.glyph_key(old.gid, change(text), old.width))
    carriers = tuple(new if glyph is old else glyph for glyph in cluster.carriers)
    glyphs = tuple(new if glyph is old else glyph for glyph in cluster.glyphs)
    return replace(cluster, glyphs=glyphs, carriers=carriers, plain=False, reach=None)


def ends_in_close(items: Sequence[Placed]) -> bool:
    """Whether the last of a line's clusters ``items`` (left to right) that is not a
    space carries a citation's `CLOSE`: the line's text layer ends in a neutral that
    its clusters' own text does not show (`page_direction`)."""
    for placed in reversed(items):
        if placed.cluster.text.isspace():
            continue
        carriers = placed.cluster.carriers
        if not placed.piece.run.cites or not carriers or carriers[-1].key is None:
            return False
        texts = shaping_font(placed.piece.run.font).glyph_texts
        return texts.get(carriers[-1].key, "").endswith(CLOSE)
    return False
