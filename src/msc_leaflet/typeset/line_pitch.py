"""The font size a paragraph's text layer is written at, so extractors join its lines.

Text extractors that build lines across the whole page put consecutive lines in one
block (a paragraph, a table cell) only when their baselines are at most 1.5 × the font
size apart: pdfminer.six joins lines whose gap is under ``LAParams.line_margin`` (0.5)
× their height, which is the font size (`LTTextLineHorizontal.find_neighbors`), and
poppler's pdftotext adds a line to a block within ``maxLineSpacingDelta`` (1.5) × the
font size of the baseline before (`TextPage::coalesce`). Both measure the size as
written (``Tf`` through the text matrix): no text state decouples it from the glyphs.

Lines farther apart are blocks of one line each, and both extractors then order the
blocks of a table row by row: two neighbouring cells that wrap are read line by line
across both (#16: a Burmese table cell at 1.3 em × Myanmar's 1.3 leading scale = 1.69
em, Khmer's 1.56 em). Thai (1.43 em), Lao (1.495 em) and Latin (1.3 em) stay within.
The columns of the parallel edition are cells of one row, with body text set farther
apart still (Thai 1.57 em): every paragraph there is such a cell's.

Such a paragraph writes its text layer invisibly (render mode 3) at the size whose
1.4 × reaches the line pitch, squeezed back to the glyphs' widths with horizontal
scaling (``Tz``), and draws its glyphs as outlines, as a citation superscript is
drawn (`render`): on paper nothing changes, and every extractor reads the cell's lines
as one block.
"""

from __future__ import annotations

#: Baselines at most this many font sizes apart are joined into one block by
#: pdfminer.six and poppler (see the module docstring).
JOINED_PITCH = 1.5

#: The pitch, in font sizes of the text layer, at which a paragraph whose lines are
#: farther apart than `JOINED_PITCH` writes its text layer: under the limit with room
#: for rounding.
LAYER_PITCH = 1.4


def layer_size(size: float, pitch: float) -> float:
    """The smallest font size at which extractors join lines ``pitch`` points apart;
    0 when lines of ``size`` points are joined already (the text layer is the drawn
    text then)."""
    if pitch <= JOINED_PITCH * size:
        return 0.0
    return pitch / LAYER_PITCH
