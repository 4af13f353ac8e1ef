"""Where the trimmed page sits on the printed sheet: PDF page boxes and crop marks.

Everything is laid out in *trim* coordinates (origin at the trim's lower-left corner).
The sheet (MediaBox) adds the bleed, and with crop marks a slug for them, on every
side; the canvas shifts each page by `PageGeometry.offset` before anything is drawn,
so link areas and bookmarks move with the content. Print shops read TrimBox and
BleedBox to position and cut the sheet: without bleed they equal the MediaBox.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import CMYKColorSep, Color, black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

MARK_GAP = 3 * mm  # marks start this far from the trim (or at the bleed, if further)
MARK_LENGTH = 5 * mm
MARK_WIDTH = 0.25  # points: a hairline, as printers expect
SLUG_PAD = 1 * mm
# The Registration colour: the Separation /All prints on every plate a RIP makes, spot
# colours' included, at equal weight, so each plate's marks align with the others'. Its
# alternate, for a composite proof or a screen, is C, M, Y and K at the tint (all four
# in full: black), as prepress tools write it. Device CMYK 100/100/100/100 instead gave a
# spot plate no marks.
REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All")

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class PageGeometry:
    trim: tuple[float, float]  # width, height of the finished page (points)
    bleed: float = 0.0
    crop_marks: bool = False

    @property
    def mark_gap(self) -> float:
        return float(max(MARK_GAP, self.bleed))

    @property
    def offset(self) -> float:
        """Distance from the sheet's edge to the trim, on every side."""
        if self.crop_marks:
            return float(self.mark_gap + MARK_LENGTH + SLUG_PAD)
        return self.bleed

    @property
    def media(self) -> tuple[float, float]:
        return (self.trim[0] + 2 * self.offset, self.trim[1] + 2 * self.offset)

    def trim_box(self) -> Box:
        o = self.offset
        return (o, o, o + self.trim[0], o + self.trim[1])

    def bleed_box(self) -> Box:
        x0, y0, x1, y1 = self.trim_box()
        b = self.bleed
        return (x0 - b, y0 - b, x1 + b, y1 + b)

    def set_boxes(self, canvas: Canvas) -> None:
        canvas.setTrimBox(self.trim_box())
        canvas.setBleedBox(self.bleed_box())

    def draw_crop_marks(self, canvas: Canvas, colour_mode: str) -> None:
        """Eight hairlines at the corners of the trim, outside the bleed; drawn in trim
        coordinates like everything else."""
        if not self.crop_marks:
            return
        w, h = self.trim
        gap, end = self.mark_gap, self.mark_gap + MARK_LENGTH
        colour: Color = REGISTRATION if colour_mode == "cmyk" else black
        canvas.saveState()
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(MARK_WIDTH)
        for x in (0.0, w):
            canvas.line(x, -gap, x, -end)
            canvas.line(x, h + gap, x, h + end)
        for y in (0.0, h):
            canvas.line(-gap, y, -end, y)
            canvas.line(w + gap, y, w + end, y)
        canvas.restoreState()
