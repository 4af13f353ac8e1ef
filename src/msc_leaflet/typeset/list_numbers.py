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
of the item beside it (a layer of the printed size then). So is every right-to-left
list: ReportLab draws its number left to right (".3"), and its text layer must read
"3." and then a space before the item's first word (`_layer_text`), and reach the place
the item's first line is first written (`_bridge_to_line`). Elsewhere a list is a
`TaggedList`. In a left-to-right list the number's outlines are drawn before its text
layer, which then comes right before the item's text: pypdf ends a line at every form
it draws (right to left, drawn so, it read a bullet into the item's first word).

Either way a screen reader reads the number (or bullet) with its item: what the list
draws of it as text is the content of the item's ``Lbl`` element (made by the layout
before the item's body, `Writer.label`); the outlines of a layered number are an
artifact, as every outline is.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ListFlowable
from reportlab.platypus.flowables import BulletDrawer, _bulletFormat

from .fonts import shaping_font
from .marked_content import Element, content_of
from .outlines import FormPlacer, form_scale, glyph_form
from .overprint import overprint_glyphs
from .page_direction import note_text
from .paragraph import TextParagraph
from .reading_order import RIGHT_TO_LEFT_MARK, inked, mark_glyph
from .render import BRIDGE_BEGIN
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
        rtl = self._bulletDir == "rtl"
        if not rtl:
            # The drawn number first, its text layer right before the item's text: pypdf
            # ends a line at every form it meets (``Do``), and read each number as a line
            # of its own ("1. " then "Were these cells tested …"). Not right to left,
            # where pypdf then read a bullet, neutral to it, into the item ("•ا شرب").
            self._draw_forms(canv, text, font, size, left, baseline)
        # The text layer ends where the item's text starts, squeezed to at most
        # `LAYER_WIDTH`: pdfminer joins the first line to the next ones only if both
        # start within half a line height of each other, and a hanging number starts a
        # whole indent before them. A space after it keeps the number a word apart.
        number, space = _layer_text(text, label_of(indenter), font, rtl)
        layer_size = _item_layer(indenter) or self.layer
        natural = stringWidth(number + space, font, layer_size)
        squeezed = min(natural * size / layer_size, LAYER_WIDTH)
        scale_x = squeezed / natural
        if rtl:
            # The item's text starts at its right edge and runs left: the space goes
            # between the two, written after the number it ends (see `_layer_text`).
            start = indenter.width - indenter._rightIndent
            gap = stringWidth(space, font, layer_size) * scale_x
            reach = _leading_run(indenter)
            layer = canv.beginText(start + gap, baseline)
        else:
            layer = canv.beginText(indenter._leftIndent - squeezed, baseline)
        layer.setFont(font, layer_size)
        layer.setHorizScale(100 * scale_x)
        layer.setTextRenderMode(3)
        if rtl:
            layer.textOut(number)
            layer.moveCursor(-gap, 0)
            layer.textOut(space)
            if reach:
                _bridge_to_line(layer, font, layer_size, reach)
        else:
            layer.textOut(number + space)
        with content_of(canv, label_of(indenter)):  # the text a screen reader reads
            canv.drawText(layer)
        note_text(canv, number)  # "၁": letters to pdftotext, which gives the page a direction
        if rtl:
            self._draw_forms(canv, text, font, size, left, baseline)
        canv.restoreState()

    def _draw_forms(
        self, canv: Canvas, text: str, font: str, size: float, left: float, baseline: float
    ) -> None:
        """The number's glyphs as outline forms at the printed size, from ``left``."""
        canv.saveState()
        canv.setFillColor(self._bulletColor)
        overprint_glyphs(canv, self._bulletColor)
        scale = form_scale(font, size)
        doc = document_of(canv)
        glyphs = shaping_font(font).face.charToGlyph
        digits = FormPlacer(canv._code)
        pen = left
        for char in text:
            gid = glyphs.get(ord(char))
            form = glyph_form(canv, doc, font, gid) if gid is not None else None
            if form is not None:
                digits.place(form, scale, pen, baseline)
            pen += stringWidth(char, font, size)
        digits.close()
        canv.restoreState()


def _bridge_to_line(layer: Any, font: str, size: float, reach: float) -> None:
    """After the space of a right-to-left item's number, the glyph that bridges the
    ``reach`` (points) left to where the item's first line is first written: there
    when the line starts (at its right) with a left-to-right run, which its text layer
    writes from the run's left end (`reading_order`). pdfminer.six ends a line at a
    jump wider than twice its widest glyph, and read the number ("2.") as a line of
    its own after "MSC ليست علاجًا مثبتًا.". It is `reading_order`'s bridge: a
    right-to-left mark on the font's space glyph, in a span whose /ActualText is empty,
    so that no reader reads it as a space or anything else."""
    layer.moveCursor(-reach, 0)
    layer.setHorizScale(100)
    bridge = mark_glyph(font, RIGHT_TO_LEFT_MARK, round(reach * 1000 / size, 1))
    assert bridge.key is not None
    layer._code.append(BRIDGE_BEGIN)
    layer.textOut(chr(bridge.key))
    layer._code.append("EMC")


def _leading_run(indenter: Any) -> float:
    """How far left of its right edge the left-to-right run that starts the first line
    of the right-to-left item ReportLab's ``indenter`` draws ends (0: none)."""
    item = getattr(indenter, "_flowable", None)
    if not isinstance(item, TextParagraph):
        return 0.0
    left = None
    for placed in sorted(item.first_line(), key=attrgetter("x"), reverse=True):
        if placed.piece.level % 2:
            break
        left = placed.x
    return 0.0 if left is None else max(0.0, item.width - left)


def _item_layer(indenter: Any) -> float:
    """The size the text layer of the item ReportLab's ``indenter`` draws is written at,
    read when it is drawn (0: not known): its marks can set its lines farther apart than
    its style's leading, and its layer larger than the list was made with (`ink`)."""
    item = getattr(indenter, "_flowable", None)
    return item.layer_size() if isinstance(item, TextParagraph) else 0.0


def _layer_text(drawn: str, label: Element | None, font: str, rtl: bool) -> tuple[str, str]:
    """The text layer of a number or bullet ``drawn`` (as ReportLab draws it, left to
    right), and the space that keeps it a word apart from its item.

    Right to left, the item's first line starts left of its number, and the readers
    that find a space only in a gap the pen moves forward over (pdf.js, pdfminer) read
    none there: "•سعال", ".3سعال". So the number is written in reading order (its
    ``Lbl``'s actual text: "3." where ".3" is drawn), and the space, drawn between it
    and the line, is a glyph of its own whose text starts with a right-to-left mark
    (pdf.js keeps a space only after a format character, `reading_order`). It has ink,
    invisibly (pdfium skips a glyph without a box), and is as wide as the number
    (pdfminer ends a line at a gap wider than twice its widest glyph). A mark of no
    width before the number keeps pdftotext from taking the space into the number's
    left-to-right run ("‪ 3.‬")."""
    if not rtl:
        return drawn, " "
    reading = label.actual_text if label is not None and label.actual_text else drawn
    shaping = shaping_font(font)
    space = shaping.face.charToGlyph.get(ord(" "), 0)
    width = max(stringWidth(" ", font, 1000), stringWidth(reading, font, 1000))
    gap = shaping.glyph_key(inked(font, space), RIGHT_TO_LEFT_MARK + " ", width)
    mark = shaping.glyph_key(space, RIGHT_TO_LEFT_MARK, 0.0)
    return chr(mark) + reading, chr(gap)
