"""Page templates and page furniture: the organisation band, running header, reference
footer and document-control footer ("Page X of Y").

"Page X of Y" needs the page count before the last page exists. `DeferredCanvas`
keeps each finished page's state and draws the document-control footers once the
total is known, when the document is saved: one layout pass instead of two.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, PageTemplate

from ..labels import Labels
from ..theme import Theme
from ..typeset import FontFamily, Run, draw_runs
from .footnotes import PageReferences, ReferenceFrame

FooterPainter = Callable[[Canvas, int, int], None]


class DeferredCanvas(Canvas):  # type: ignore[misc]
    """A canvas that draws each page's final footer after the page count is known."""

    paint_footer: FooterPainter | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._bookmarks: list[tuple[str, dict[str, Any]]] = []

    def bookmarkPage(self, key: str, **kwargs: Any) -> None:
        # A bookmark points at "the page being generated", which only exists once the real
        # showPage runs in save(): replay it then, or every bookmark lands on page 1.
        self._bookmarks.append((key, kwargs))

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._bookmarks = []
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            for key, kwargs in self._bookmarks:
                Canvas.bookmarkPage(self, key, **kwargs)
            if self.paint_footer:
                self.paint_footer(self, number, total)
            Canvas.showPage(self)
        Canvas.save(self)


@dataclass
class PageFurniture:
    """What every page shows besides the body: data for the painters below."""

    theme: Theme
    family: FontFamily
    labels: Labels
    lang: str
    title: str
    organisation: str
    contact: list[str]
    control: str  # "MSC-PI-001 · Version 1.0 · Review date …"
    references: PageReferences

    def run(self, text: str, size: float, colour: object, bold: bool = False) -> Run:
        return Run(text, self.family.face(bold, False), size, colour)  # type: ignore[arg-type]


def make_templates(doc: BaseDocTemplate, furniture: PageFurniture) -> list[PageTemplate]:
    theme = furniture.theme
    width, height = theme.page_size
    m = theme.margins
    footer_zone = 9 * mm  # document-control footer, below the body frame
    band = theme.spacing["band-height"] * mm
    body_width = width - m["left"] - m["right"]

    def frame(frame_id: str, top: float) -> ReferenceFrame:
        bottom = m["bottom"] + footer_zone
        return ReferenceFrame(
            m["left"],
            bottom,
            body_width,
            top - bottom,
            id=frame_id,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            references=furniture.references,
        )

    def begin(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        furniture.references.on_page = set()

    def end_page(canvas: Canvas, doc_: BaseDocTemplate) -> None:
        furniture.references.draw(
            canvas, m["left"], m["bottom"] + footer_zone, theme.colour("rule")
        )

    def first_page(canvas: Canvas, doc_: BaseDocTemplate) -> None:
        begin(canvas, doc_)
        _draw_band(canvas, furniture, width, height, band)

    def later_page(canvas: Canvas, doc_: BaseDocTemplate) -> None:
        begin(canvas, doc_)
        _draw_running_header(canvas, furniture, width, height)

    first_top = height - band - 10 * mm
    later_top = height - m["top"] - 8 * mm
    return [
        PageTemplate(
            "first",
            [frame("first", first_top)],
            onPage=first_page,
            onPageEnd=end_page,
            autoNextPageTemplate="later",
        ),
        PageTemplate("later", [frame("later", later_top)], onPage=later_page, onPageEnd=end_page),
    ]


def _draw_band(canvas: Canvas, f: PageFurniture, width: float, height: float, band: float) -> None:
    """Page 1: a full-width colour band with the organisation's name and contacts."""
    theme = f.theme
    m = theme.margins
    canvas.saveState()
    canvas.setFillColor(theme.colour("accent"))
    canvas.rect(0, height - band, width, band, stroke=0, fill=1)
    ink = theme.colour("accent-ink")
    size = theme.sizes["band"]
    baseline = height - band / 2 - size * 0.35
    draw_runs(canvas, m["left"], baseline, [f.run(f.organisation, size, ink, bold=True)], f.lang)
    note = theme.sizes["small"]
    for i, line in enumerate(f.contact[:2]):
        y = height - band / 2 + (note * 0.9 if i == 0 else -note * 0.9) - note * 0.35
        if len(f.contact) == 1:
            y = baseline
        draw_runs(canvas, width - m["right"], y, [f.run(line, note, ink)], f.lang, align="right")
    canvas.restoreState()


def _draw_running_header(canvas: Canvas, f: PageFurniture, width: float, height: float) -> None:
    theme = f.theme
    m = theme.margins
    size = theme.sizes["small"]
    y = height - m["top"] - size
    muted = theme.colour("muted")
    canvas.saveState()
    draw_runs(
        canvas, m["left"], y, [f.run(f.title, size, theme.colour("accent"), bold=True)], f.lang
    )
    draw_runs(
        canvas, width - m["right"], y, [f.run(f.organisation, size, muted)], f.lang, align="right"
    )
    canvas.setStrokeColor(theme.colour("rule"))
    canvas.setLineWidth(0.5)
    canvas.line(m["left"], y - 4, width - m["right"], y - 4)
    canvas.restoreState()


def footer_painter(f: PageFurniture) -> FooterPainter:
    """Draws the document-control line once the total page count is known."""
    theme = f.theme
    width, _ = theme.page_size
    m = theme.margins

    def paint(canvas: Canvas, page: int, pages: int) -> None:
        size = theme.sizes["note"]
        y = m["bottom"]
        muted = theme.colour("muted")
        canvas.saveState()
        canvas.setStrokeColor(theme.colour("rule"))
        canvas.setLineWidth(0.5)
        canvas.line(m["left"], y + size + 3, width - m["right"], y + size + 3)
        draw_runs(canvas, m["left"], y, [f.run(f.control, size, muted)], f.lang)
        page_text = f.labels("page-of", page=page, pages=pages)
        draw_runs(
            canvas,
            width - m["right"],
            y,
            [f.run(page_text, size, muted, bold=True)],
            f.lang,
            align="right",
        )
        canvas.restoreState()

    return paint
