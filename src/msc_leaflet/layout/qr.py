"""The "this leaflet online" note: a QR code and the short address, at the foot of the
last page, where a patient looks for what to do next.

It follows the closing box and takes whatever height is left on the page, so it sits on
the bottom of the body frame, just above the page's reference footer and the
document-control line. Where the page has no room for it below the box, the code alone
is drawn inside the box, beside the contacts, whose "This leaflet online: …" line gives
the address it holds (`ClosingWithCode`): the note on a page of its own cost a sheet
of paper for two lines.

The code's size and error correction are the address's (`qr_symbol.Symbol`): 20 mm,
or larger for a long address, so that no module is smaller than a phone resolves.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import NullActionFlowable

from ..i18n.labels import Labels
from ..languages import right_to_left
from ..theme.theme import Theme
from ..typeset import Run, draw_runs, runs_width
from ..typeset.marked_content import Element, drawing
from .band import as_written, short_url
from .colours import theme_colour
from .last_lines import whole_height
from .pages import ELLIPSIS
from .qr_symbol import QR_SIZE, Symbol, qr_data, qr_symbol
from .text import Writer

#: ISO/IEC 18004: the light margin, in modules, a reader needs all round a code. The
#: widest module is a 20 mm version 1 code's (21 modules): this is the most any code
#: needs (a code grown past 20 mm has the smallest modules, `qr_symbol`).
QUIET_ZONE = 4 * QR_SIZE / 21
GAP = 4 * mm  # between the code and its lines: its quiet zone and more
#: Where the note may cut an address too long for its line: after a path's "/", before
#: a query's "?", "&" and a fragment's "#".
ADDRESS_PARTS = "/?&#"


class OnlineNote(Flowable):  # type: ignore[misc]
    structure: Element | None = None  # the P its two lines are, in a tagged PDF

    def __init__(self, url: str, label: Run, address: Run, lang: str, ink: object) -> None:
        super().__init__()
        self.url = url
        self.label = label
        self.address = address
        self.lang = lang
        self.ink = ink
        self.side = qr_symbol(url).side
        self.need = self.side + GAP

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        # Fill the rest of the page so the note lands on its foot; on a page too full
        # for it, ask for more than there is and move to the next one.
        self.height = max(self.need, available_height)
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        # Page furniture is mirrored for a right-to-left language, as the band is: the
        # code at the right, its lines ending against it.
        mirrored = right_to_left(self.lang)
        side = self.side
        code_x = self.width - side if mirrored else 0.0
        draw_code(canvas, self.url, code_x, 0.0, self.ink)
        text_x = code_x - GAP if mirrored else side + GAP
        align = "right" if mirrored else "left"
        address = shown_address(self.address, self.width - side - GAP, self.lang)
        # The code is an artifact: the address beside it, a tagged link, says the same.
        # The label's line ends in a space of the text layer only (`render.end_space`,
        # no width, no ink), as a line broken at a space does: the P reads its two
        # lines as one text, and a screen reader read "This leaflet onlinewww.….com".
        label = replace(self.label, text=self.label.text.rstrip() + " ")
        with drawing(canvas, self.structure):
            for runs, y in (
                ([label], side - self.label.size),
                ([address], side - self.label.size * 2.5),
            ):
                draw_runs(canvas, text_x, y, runs, self.lang, align)


def shown_address(address: Run, room: float, lang: str) -> Run:
    """``address`` as the note's one line of ``room`` points shows it, in the order it
    was written in a right-to-left line (`as_written`): whole when it fits, else cut
    before a query's ``?``, ``&`` or ``#`` or after a ``/``, the last that leaves room
    for "…" (before any character, for a host wider than the line). A campaign's
    query string ran past the margin and off the page; the closing box above prints
    the address whole, and the code and the link still hold all of it."""
    text = address.text
    cuts = [i + (c == "/") for i, c in enumerate(text) if c in ADDRESS_PARTS]
    shown = [text, *(text[:cut] + ELLIPSIS for cut in reversed(cuts) if cut)]
    shown += [text[:cut] + ELLIPSIS for cut in range(len(text) - 1, 0, -1)]
    runs = (replace(address, text=as_written(piece, lang)) for piece in shown)
    return next((run for run in runs if runs_width([run], lang) <= room), address)


def draw_code(canvas: Canvas, url: str, x: float, y: float, ink: object) -> None:
    """The QR code of ``url`` (`qr_symbol`), its lower left corner at (x, y)."""
    symbol = qr_symbol(url)
    rows = _modules(url, symbol)
    module = symbol.side / len(rows)
    canvas.saveState()
    canvas.setFillColor(ink)
    path = canvas.beginPath()
    for r, row in enumerate(rows):
        top = y + symbol.side - (r + 1) * module
        c = 0
        for dark, run in groupby(bool(cell) for cell in row):
            count = len(list(run))
            if dark:
                path.rect(x + c * module, top, count * module, module)
            c += count
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _modules(url: str, symbol: Symbol) -> list[list[bool]]:
    """The module matrix of ``url`` at ``symbol``'s level, its rows from the top."""
    # Only the module matrix is taken from ReportLab's QR widget: its renderer
    # (renderPDF) opens an empty text object in Helvetica for the drawing's default
    # font state, leaving an unembedded font in every PDF with a `url:` (#21).
    # ReportLab's barcode module takes 14 ms to import; most leaflets never need it.
    from reportlab.graphics.barcode.qr import QrCodeWidget

    code = QrCodeWidget(qr_data(url), barLevel=symbol.level, barBorder=0).qr
    code.make()
    rows: list[list[bool]] = code.modules
    assert len(rows) == symbol.modules  # one count of the code's modules, `qr_symbol`
    return rows


class CodeBesideContacts(Flowable):  # type: ignore[misc]
    """The QR code alone, for the closing box's contacts section, with its quiet zone
    all round inside its own size: no neighbouring cell's text or padding can reach it.
    An artifact, as in the note: the box's "This leaflet online" line is the tagged link."""

    def __init__(self, url: str, ink: object) -> None:
        super().__init__()
        self.url = url
        self.ink = ink
        self.width = self.height = qr_symbol(url).side + 2 * QUIET_ZONE

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_code(self.canv, self.url, QUIET_ZONE, QUIET_ZONE, self.ink)


class ClosingWithCode(Flowable):  # type: ignore[misc]
    """The closing box and the QR code: the box with the note below it, on the foot of
    the page, where the page has room for both; else the box with the code inside it
    (``beside``), or that box with the theme's least padding (``tight``,
    `story.TightenedToFit`) where only that one fits; else the box and the note, the
    box splitting or moving by its own rules (its contacts then open a page with room
    for the note below them).

    Like ReportLab's `KeepTogether` it reports more height than any page has, so the
    frame asks it to split: it then knows the room left and gives the one it chose,
    after a `NullActionFlowable`, so the document places each by its own rules."""

    def __init__(self, box: Flowable, note: Flowable, beside: Flowable, tight: Flowable) -> None:
        super().__init__()
        self.box = box
        self.note = note
        self.beside = beside
        self.tight = tight

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, 0xFFFFFF  # always split (see the class docstring)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        box, beside, tight = (
            whole_height(f, self.canv, available_width, available_height)
            for f in (self.box, self.beside, self.tight)
        )
        if box + self.note.need <= available_height:
            return [NullActionFlowable(), self.box, self.note]
        if tight <= available_height < beside:
            return [NullActionFlowable(), self.tight]
        if box <= available_height:
            return [NullActionFlowable(), self.beside]
        return [NullActionFlowable(), self.box, self.note]


#: The dark modules of a print build's code: black ink alone, solid.
SOLID_BLACK = CMYKColor(0, 0, 0, 1)


def module_colour(theme: Theme) -> Color:
    """The colour of the code's dark modules: the theme's ink on screen; in print solid
    black. The bundled ink prints as K 85, a tint, which a press prints as a halftone
    screen: each module's edge is a row of dots, not the clean edge a phone's camera
    finds a module by, and the code's contrast falls by the paper showing through."""
    return SOLID_BLACK if theme.colour_mode == "cmyk" else theme_colour(theme, "ink")


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
    return w.tagged(OnlineNote(url, label, address, w.lang, module_colour(theme)), "P")


def code_beside_contacts(url: str, theme: Theme) -> Flowable:
    """The code for the closing box, where the note has no room below it."""
    return CodeBesideContacts(url, module_colour(theme))
