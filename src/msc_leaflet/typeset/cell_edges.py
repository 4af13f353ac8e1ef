"""A table cell's text layer kept apart from the cells beside it, so extractors read
each cell whole.

Two readers join text across neighbouring cells by rules of their own, whatever the
lines' pitch (`line_pitch` handles that):

* pdftotext (poppler's ``TextPage::coalesce``) grows a block from a word, pulling in
  the words to its right or left, on the lines it holds, whose box starts less than
  1.0 × its font size away (``minColSpacing2``) when at most three of its lines have
  one (a Chinese or Japanese line is one "word": it has no spaces), and any word less
  than 0.7 × away (``minColSpacing1``). Two cells are the table's padding apart
  (12 pt, above a cell's 9.5 pt), but a glyph's *box* may run into that padding: a
  Chinese or Japanese closing mark set on half an em at a line's end (、。，) still has
  a box an em wide, and an opening bracket set on half an em at a line's start (（「)
  has its glyph, and its box, start half an em before the line does. A cell of three
  lines beside one ending "印刷の設定" was read line by line across both.
  `inside_column` writes such a box inside the column: a box running past the end
  is narrowed (its /Widths entry: the glyph is drawn as before), and one starting
  before the line's start is carried by an invisible glyph from the line's start,
  its own glyph drawn as an outline.

* pdfminer.six reads two glyphs as one line when they follow each other in the
  content stream on one baseline less than twice the wider one apart
  (``LAParams.char_margin``): a cell of one line ("အတည်ပြုချက်") was read with the
  first line of the next cell, drawn right after it, and that cell's other lines
  came after the next cell. `cell_break` writes, before each cell that follows another
  of its row (`layout.blocks.SplitTable`), an invisible space above the cell: pdfminer
  ends the line there, reads the space as a line of its own and drops it (a line of
  whitespace), and poppler, pdfium and pdf.js skip it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportlab.pdfgen.canvas import Canvas

from .fonts import shaping_font
from .pdf_numbers import num
from .placed import Placed
from .reading_order import LINE_END_SPACE, mark_glyph
from .reportlab_overrides import FIRST_GLYPH_KEY, ShapingTTFont, encode_keys, subset_name
from .shaping import Glyph

#: Points a box may run past its column unchanged: rounding, not a glyph.
FUZZ = 0.01


def inside_column(line: Sequence[Placed], left: float, right: float) -> list[Placed]:
    """``line`` (its clusters where they are drawn) with every text-layer box that runs
    past ``left`` or ``right`` (the column's edges) written inside them; what is drawn
    does not move."""
    out = [_kept_inside(item, left, right) if _written(item) else item for item in line]
    _carry_hanging(out, right)
    return out


def _written(item: Placed) -> bool:
    """Whether ``item`` puts a glyph into the text layer that an extractor measures
    gaps from: not a space (no extractor joins words by them)."""
    return not item.cluster.is_space and bool(item.cluster.carriers)


def _boxes(line: Sequence[Placed]) -> list[tuple[float, float, int, Glyph]]:
    """(start, end, index in ``line``, carrier) of every text-layer box of ``line``."""
    out = []
    for index, item in enumerate(line):
        if _written(item):
            size = item.piece.size
            for glyph in item.cluster.carriers:
                start = item.x + glyph.x * size / 1000
                out.append((start, start + glyph.width * size / 1000, index, glyph))
    return out


def _carry_hanging(line: list[Placed], right: float) -> None:
    """Write the glyphs of ``line`` that hang past ``right``, its end, whole (a stop
    set past the end of a cell one or two characters wide, ไปๆ's ๆ, a Burmese
    syllable's last letters) inside the box of the last glyph before them: that
    glyph's box is narrowed (its drawing does not move), and each hanging glyph is
    carried by an invisible glyph in the room it gives up, its own glyph drawn as an
    outline."""
    boxes = _boxes(line)
    hanging = [box for box in boxes if box[0] >= right - FUZZ]
    inside = [box for box in boxes if box[0] < right - FUZZ]
    if not hanging or not inside:
        return  # none, or a line of hanging marks only
    start, end, host_index, last = max(inside, key=lambda box: box[0])
    end = min(end, right)
    share = (end - start) / (len(hanging) + 1)
    host = line[host_index]
    font = shaping_font(host.piece.run.font)
    width = round(share * 1000 / host.piece.size, 1)
    key = font.glyph_key(last.gid, _key_text(font, last.key), width)
    line[host_index] = _with_carrier(host, last, replace(last, key=key, width=width), None)
    for n, (_, _, index, glyph) in enumerate(hanging, start=1):
        item = line[index]
        size = item.piece.size
        text = _key_text(shaping_font(item.piece.run.font), glyph.key)
        carrier = mark_glyph(item.piece.run.font, text, round(share * 1000 / size, 1))
        stand_in = glyph.stand_in if glyph.stand_in is not None else glyph.gid
        x = (start + n * share - item.x) * 1000 / size
        carrier = replace(carrier, x=x, stand_in=stand_in)
        outline = None if glyph.stand_in is not None else replace(glyph, key=None)
        line[index] = _with_carrier(item, glyph, carrier, outline)


def _with_carrier(item: Placed, old: Glyph, carrier: Glyph, outline: Glyph | None) -> Placed:
    """``item`` with its carrier ``old`` written as ``carrier``; ``outline``: ``old``'s
    glyph drawn as an outline, where ``carrier`` no longer draws it."""
    cluster = item.cluster
    carriers = tuple(carrier if g is old else g for g in cluster.carriers)
    glyphs = [(carrier if outline is None else outline) if g is old else g for g in cluster.glyphs]
    if outline is not None:
        glyphs.append(carrier)
    outlined = any(glyph.key is None for glyph in glyphs)
    kept = replace(cluster, glyphs=tuple(glyphs), carriers=carriers, plain=False, outlined=outlined)
    return Placed(item.piece, kept, item.x, item.stretch)


def _kept_inside(item: Placed, left: float, right: float) -> Placed:
    """``item`` with its carriers' boxes that cross ``left`` or ``right`` written
    inside them (one past an edge whole is `_carry_hanging`'s, or left as it is)."""
    size = item.piece.size
    for glyph in item.cluster.carriers:
        start = item.x + glyph.x * size / 1000
        end = start + glyph.width * size / 1000
        if start >= left - FUZZ and end <= right + FUZZ:
            continue
        if start >= right - FUZZ or end <= left + FUZZ:
            continue
        font = shaping_font(item.piece.run.font)
        text = _key_text(font, glyph.key)
        new_start, new_end = max(start, left), min(end, right)
        width = round((new_end - new_start) * 1000 / size, 1)
        if new_start == start:  # the box runs past the end only: a narrower /Widths entry
            narrowed = replace(glyph, key=font.glyph_key(glyph.gid, text, width), width=width)
            item = _with_carrier(item, glyph, narrowed, None)
            continue
        # Its glyph starts before the line: an invisible carrier from the line's start,
        # the glyph drawn as an outline (a stand-in where the carrier would be alone).
        carrier = mark_glyph(item.piece.run.font, text, width)
        stand_in = glyph.stand_in if glyph.stand_in is not None else glyph.gid
        carrier = replace(carrier, x=(new_start - item.x) * 1000 / size, stand_in=stand_in)
        outline = None if glyph.stand_in is not None else replace(glyph, key=None)
        item = _with_carrier(item, glyph, carrier, outline)
    return item


def _key_text(font: ShapingTTFont, key: int | None) -> str:
    """The text a carrier's key stands for: a code point, or a glyph key's text."""
    assert key is not None
    return font.glyph_texts[key] if key >= FIRST_GLYPH_KEY else chr(key)


def cell_break(canvas: Canvas, x: float, top: float, font_name: str, size: float) -> None:
    """An invisible space of ``size`` points at ``x``, its box above ``top`` (a cell's
    top edge): written before a cell that follows another of its row, it stands
    between the two in the content stream, so pdfminer.six never reads them on one
    line.

    Its box touches nothing of the cell's first line (pdfminer joins glyphs whose
    boxes overlap by half their height); a space glyph has no outline, so nothing is
    drawn, and drawn outside every line it is an artifact of a tagged page."""
    glyph = mark_glyph(font_name, " ", LINE_END_SPACE)
    assert glyph.key is not None
    font = shaping_font(font_name)
    ops = ["q", "BT", "3 Tr", f"1 0 0 1 {num(x)} {num(top + size)} Tm"]
    for subset, code in encode_keys(font, [glyph.key], canvas):
        ops.append(f"{subset_name(font, subset, canvas)} {num(size)} Tf")
        ops.append(f"<{code:02X}> Tj")
    canvas._code.append("\n".join([*ops, "ET", "Q"]))
