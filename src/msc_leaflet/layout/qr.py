"""The "this leaflet online" note: a QR code and the short address, at the foot of the
last page, where a patient looks for what to do next.

It is the story's last flowable and takes whatever height is left on the page, so it
sits on the bottom of the body frame, just above the page's reference footer and the
document-control line.
"""

from __future__ import annotations

from itertools import groupby

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ..i18n.labels import Labels
from ..languages import right_to_left
from ..theme.theme import Theme
from ..typeset import Run, draw_runs
from ..typeset.marked_content import Element, drawing
from .colours import theme_colour
from .story import short_url
from .text import Writer

QR_SIZE = 20 * mm  # scans from arm's length; 10 mm is the usual minimum
GAP = 4 * mm


class OnlineNote(Flowable):  # type: ignore[misc]
    structure: Element | None = None  # the P its two lines are, in a tagged PDF

    def __init__(self, url: str, label: Run, address: Run, lang: str, ink: object) -> None:
        super().__init__()
        self.url = url
        self.label = label
        self.address = address
        self.lang = lang
        self.ink = ink
        self.need = QR_SIZE + GAP

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        # Fill the rest of the page so the note lands on its foot; on a page too full
        # for it, ask for more than there is and move to the next one.
        self.height = max(self.need, available_height)
        return self.width, self.height

    def draw(self) -> None:
        # Only the module matrix is taken from ReportLab's QR widget: its renderer
        # (renderPDF) opens an empty text object in Helvetica for the drawing's default
        # font state, leaving an unembedded font in every PDF with a `url:` (#21).
        # ReportLab's barcode module takes 14 ms to import; most leaflets never need it.
        from reportlab.graphics.barcode.qr import QrCodeWidget

        canvas: Canvas = self.canv
        code = QrCodeWidget(self.url, barLevel="M", barBorder=0).qr
        code.make()
        rows = code.modules
        module = QR_SIZE / len(rows)
        # Page furniture is mirrored for a right-to-left language, as the band is: the
        # code at the right, its lines ending against it.
        mirrored = right_to_left(self.lang)
        code_x = self.width - QR_SIZE if mirrored else 0.0
        canvas.saveState()
        canvas.setFillColor(self.ink)
        path = canvas.beginPath()
        for r, row in enumerate(rows):
            y = QR_SIZE - (r + 1) * module
            c = 0
            for dark, run in groupby(bool(cell) for cell in row):
                count = len(list(run))
                if dark:
                    path.rect(code_x + c * module, y, count * module, module)
                c += count
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()
        text_x = code_x - GAP if mirrored else QR_SIZE + GAP
        align = "right" if mirrored else "left"
        # The code is an artifact: the address beside it, a tagged link, says the same.
        with drawing(canvas, self.structure):
            for runs, y in (
                ([self.label], QR_SIZE - self.label.size),
                ([self.address], QR_SIZE - self.label.size * 2.5),
            ):
                draw_runs(canvas, text_x, y, runs, self.lang, align)


def online_note(url: str, w: Writer, theme: Theme, labels: Labels) -> Flowable:
    style = w.styles["small"]
    muted = theme_colour(theme, "muted")
    label = Run(labels("more-online"), w.family.bold, style.fontSize, muted)
    address = Run(
        short_url(url),
        w.family.regular,
        style.fontSize,
        theme_colour(theme, "accent-text"),
        link=url,
    )
    return w.tagged(OnlineNote(url, label, address, w.lang, theme_colour(theme, "ink")), "P")
