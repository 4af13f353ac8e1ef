"""A list's numbers and bullets beside items whose text layer is written apart.

An item of a table cell or a parallel column in a tall script writes its text layer
invisibly at a larger size (`line_pitch`), so that pdftotext and pdfminer.six read its
lines as one block. ReportLab draws the item's number as text of the printed size on
the item's first line, and both readers then take that line for one of another block:
in the Thai parallel edition, every numbered item's first line was read apart from the
rest of the item, across the English column.

`LayeredList` draws each number the way its item's lines are drawn: its glyphs as
outline forms (`outlines.glyph_form`) at the printed size, where ReportLab would have
drawn them, and its text invisibly at the layer size, squeezed (horizontal scaling)
into the few points just before the item's text, so that the first line starts where
the others do. Every list of a parallel column is one, whatever its script: a number
hanging an indent before its text made the first line of a wrapped English, Vietnamese,
Chinese or Arabic item a block of its own for pdfminer too, read before the first line
of the item beside it (a layer of the printed size then). Elsewhere a list is a
`TaggedList`.

Either way a screen reader reads the number (or bullet) with its item: what the list
draws of it as text is the content of the item's ``Lbl`` element (made by the layout
before the item's body, `Writer.label`); the outlines of a layered number are an
artifact, as every outline is.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ListFlowable
from reportlab.platypus.flowables import BulletDrawer, _bulletFormat

from .fonts import shaping_font
from .marked_content import Element, content_of
from .outlines import glyph_form, units_per_em
from .reportlab_overrides import document_of

#: The widest a number's text layer is drawn (points): under half the line height of
#: the smallest layered text, pdfminer's tolerance for lines that start together.
LAYER_WIDTH = 4.0


def label_of(indenter: Any) -> Element | None:
    """The ``Lbl`` of the item ReportLab's ``indenter`` draws: the first kid of the
    ``LI`` its body's element is in (None when untagged)."""
    body = getattr(indenter._flowable, "structure", None)
    item = body.parent if isinstance(body, Element) else None
    kids = item.kids if item is not None else []
    return next((k for k in kids if isinstance(k, Element) and k.role == "Lbl"), None)


class TaggedList(ListFlowable):  # type: ignore[misc]
    """A ``ListFlowable`` whose numbers and bullets are their items' ``Lbl``s."""

    def _makeBullet(self, value: Any, params: Any = None) -> BulletDrawer:
        return _TaggedBullet(super()._makeBullet(value, params))


class _TaggedBullet(BulletDrawer):  # type: ignore[misc]
    def __init__(self, drawer: BulletDrawer) -> None:
        self.__dict__.update(drawer.__dict__)

    def drawOn(self, indenter: Any, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        with content_of(canv, label_of(indenter)):
            super().drawOn(indenter, canv, x, y, _sW)


class LayeredList(ListFlowable):  # type: ignore[misc]
    """A list whose numbers are written like its items' lines, with a text layer of
    ``layer`` points (`line_pitch.layer_size`)."""

    def __init__(self, *args: Any, layer: float, **kwargs: Any) -> None:
        self.layer = layer
        super().__init__(*args, **kwargs)

    def _makeBullet(self, value: Any, params: Any = None) -> BulletDrawer:
        return _LayeredBullet(super()._makeBullet(value, params), self.layer)


class _LayeredBullet(BulletDrawer):  # type: ignore[misc]
    def __init__(self, drawer: BulletDrawer, layer: float) -> None:
        self.__dict__.update(drawer.__dict__)
        self.layer = layer

    def drawOn(self, indenter: Any, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if not self.value:
            return
        size = self._bulletFontSize
        font = self._bulletFontName
        text = _bulletFormat(self.value, self._bulletType, self._bulletFormat)
        # Where ReportLab's BulletDrawer puts the text (its bulletAlign left, right or
        # centre: the list styles use no other).
        left = (
            indenter.width - indenter._rightIndent + self._bulletDedent
            if self._bulletDir == "rtl"
            else indenter._leftIndent - self._bulletDedent
        )
        width = stringWidth(text, font, size)
        left -= {"right": width, "center": width / 2, "centre": width / 2}.get(
            self._bulletAlign, 0.0
        )
        baseline = indenter.height - size + self._bulletOffsetY
        canv.saveState()
        canv.translate(x, y)
        # The text layer ends where the item's text starts, squeezed to at most
        # `LAYER_WIDTH`: pdfminer joins the first line to the next ones only if both
        # start within half a line height of each other, and a hanging number starts a
        # whole indent before them. A space after it keeps the number a word apart.
        layered = f"{text} "
        natural = stringWidth(layered, font, self.layer)
        squeezed = min(natural * size / self.layer, LAYER_WIDTH)
        start = indenter.width - indenter._rightIndent if self._bulletDir == "rtl" else None
        layer = canv.beginText(
            start if start is not None else indenter._leftIndent - squeezed, baseline
        )
        layer.setFont(font, self.layer)
        layer.setHorizScale(100 * squeezed / natural)
        layer.setTextRenderMode(3)
        layer.textOut(layered)
        with content_of(canv, label_of(indenter)):  # the text a screen reader reads
            canv.drawText(layer)
        canv.setFillColor(self._bulletColor)
        scale = size / units_per_em(font)
        doc = document_of(canv)
        glyphs = shaping_font(font).face.charToGlyph
        pen = left
        for char in text:
            gid = glyphs.get(ord(char))
            form = glyph_form(canv, doc, font, gid) if gid is not None else None
            if form is not None:
                canv._code.append(f"q {scale:g} 0 0 {scale:g} {pen:g} {baseline:g} cm /{form} Do Q")
            pen += stringWidth(char, font, size)
        canv.restoreState()
