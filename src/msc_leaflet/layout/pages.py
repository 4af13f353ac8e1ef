"""Page templates and page furniture: the organisation band, running header, reference
footer, document-control footer ("Page X of Y") and the print finish of every page.

"Page X of Y" needs the page count before the last page exists. `DeferredCanvas`
keeps each finished page's state and draws the document-control footers once the
total is known, when the document is saved: one layout pass instead of two. The same
moment pads a booklet to a multiple of four pages with notes pages, and draws crop
marks on top of everything.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate, Spacer
from reportlab.platypus.doctemplate import ActionFlowable

from ..i18n.formatting import format_count
from ..i18n.labels import Labels
from ..languages import right_to_left
from ..theme.theme import Theme
from ..typeset import FontFamily, Run, draw_runs
from ..typeset.citation_links import CITATION_LINKS, CitationLinks
from ..typeset.draw import (
    MarkHoldingCanvas,
    draw_held_marks,
    draw_runs_beside,
    hold_marks,
    runs_depth,
    same_baseline,
)
from ..typeset.ink import CLEARANCE_EM
from ..typeset.left_to_right import isolated
from ..typeset.link_words import SayLabel, set_link_words
from ..typeset.marked_content import ARTIFACT_BEGIN, END, TAGGER, Tagger, pagination
from ..typeset.render import TEXT_SIZES, finish_page
from ..typeset.reportlab_overrides import codes_shown
from ..typeset.segmentation import line_breaks
from ..typeset.units import runs_width
from .back_cover import opens_ending, padded_order
from .band import HEADER_GAP, LOGO_GAP, Band, band_problem, logo_size
from .colours import theme_colour
from .footnotes import PageReferences, ReferenceFrame
from .images import PICTURES, draw_picture, drawable
from .print_marks import PageGeometry
from .proof import NOTES_BEGIN, MovedNotes, draw_proof_marks
from .unprintable import block_of

FOOTER_ZONE = 9 * mm  # the document-control footer, below the body frame
APPROVAL_LINE = 1.45  # the approval line's baseline below the control line's, in sizes

FooterPainter = Callable[[Canvas, int, int], None]  # canvas, page in its part, pages in part
PagePainter = Callable[[Canvas], None]


@dataclass
class LayoutLog:
    """What the layout saw, for the layout-derived checks (`checks/layout.py`)."""

    page_kinds: list[list[str]] = field(default_factory=list)  # what each page starts
    # The leaflet line of the first block each page starts (0: none), where a page's
    # finding (LAYOUT002, LAYOUT003) sends the author.
    page_lines: list[int] = field(default_factory=list)
    # Whether each page opens with the leaflet's ending (`back_cover.opens_ending`).
    opens_ending: list[bool] = field(default_factory=list)
    text_sizes: set[float] = field(default_factory=set)  # every size text was set in
    # Each unit cut inside a word → the markup of the text it is in ("" if the layout's).
    emergency_breaks: dict[str, str] = field(default_factory=dict)
    # Each picture drawn → (lowest ppi it was printed at, its width then in points).
    pictures: dict[Path, tuple[float, float]] = field(default_factory=dict)
    # Proof pages whose block contexts the left margin could not hold (LAYOUT009).
    margin_notes_moved: list[MovedNotes] = field(default_factory=list)

    def emergency_break(self, text: str, source: str = "") -> None:
        self.emergency_breaks.setdefault(text, source)

    def new_page(self) -> None:
        self.page_kinds.append([])
        self.page_lines.append(0)
        self.opens_ending.append(False)

    def place(self, flowable: Flowable) -> None:
        if isinstance(flowable, (Spacer, ActionFlowable)) or not self.page_kinds:
            return
        if not self.page_kinds[-1]:
            self.opens_ending[-1] = opens_ending(flowable)
        if not self.page_lines[-1]:
            block = block_of(flowable)
            self.page_lines[-1] = getattr(block, "line", 0)
        # A parallel row (`editions._Row`) is one flowable holding several blocks, the
        # title row a heading and the paragraphs under it: log what it holds, or a page
        # holding only that row would read as a page holding only a heading (LAYOUT002).
        held = getattr(flowable, "held_blocks", None)
        for block in held() if held is not None else (flowable,):
            heading = getattr(block, "outline_title", None)
            self.page_kinds[-1].append("heading" if heading else type(block).__name__.lower())


@dataclass
class PageFinish:
    """What happens to each page once the page count is known."""

    geometry: PageGeometry
    colour_mode: str
    footers: list[FooterPainter]  # one per part of the document (sequential edition: two)
    pad_to: int = 1  # a booklet needs a multiple of 4 pages
    paint_notes: PagePainter | None = None  # body of a padding page
    pages: int = 0  # pages written, padding included; known once the document is saved
    log: LayoutLog = field(default_factory=LayoutLog)
    tagger: Tagger | None = None  # a tagged PDF's marking state (`marked_content.py`)
    # The codes each font subset shows, by resource name; known once the document is saved.
    codes_shown: dict[str, frozenset[int]] = field(default_factory=dict)
    # The citations' links and the named destinations, made as pages are drawn.
    links: CitationLinks = field(default_factory=CitationLinks)


def canvas_class(finish: PageFinish) -> type[DeferredCanvas]:
    """A canvas class for ``doc.build(canvasmaker=...)``, which wants a class."""
    return type("LeafletCanvas", (DeferredCanvas,), {"finish": finish})


class DeferredCanvas(MarkHoldingCanvas):
    """A canvas that finishes each page (footer, padding, crop marks) at save time."""

    finish: PageFinish
    part = 0  # which part of the document the page belongs to; set by the page template

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._bookmarks: list[tuple[str, dict[str, Any]]] = []
        self.finish.geometry.set_boxes(self)
        setattr(self, TAGGER, self.finish.tagger)
        setattr(self, CITATION_LINKS, self.finish.links)
        setattr(self, TEXT_SIZES, self.finish.log.text_sizes)  # each line adds its own
        setattr(self, PICTURES, self.finish.log.pictures)  # each picture drawn adds itself
        self._begin_page()

    def _begin_page(self) -> None:
        setattr(self, NOTES_BEGIN, None)  # no margin notes yet (`draw_proof_marks`)
        tagger = self.finish.tagger
        if tagger is not None:  # a page's content is an artifact unless marked otherwise
            tagger.page = len(self._pages)
            self._code.append(ARTIFACT_BEGIN)
        offset = self.finish.geometry.offset
        if offset:
            self.translate(offset, offset)  # trim coordinates from here on
        hold_marks(self)  # marks after all the page's text: pypdf reads a form as a line end

    def bookmarkPage(self, key: str, **kwargs: Any) -> None:
        # A bookmark points at "the page being generated", which only exists once the real
        # showPage runs in save(): replay it then, or every bookmark lands on page 1.
        self._bookmarks.append((key, kwargs))

    def showPage(self) -> None:
        draw_held_marks(self)
        self._pages.append(dict(self.__dict__))
        self._bookmarks = []
        self._startPage()
        self._begin_page()

    def save(self) -> None:
        finish = self.finish
        draw_held_marks(self)  # nothing: the page begun by the last showPage is blank
        blank = dict(self.__dict__)  # the fresh page showPage began: the start of a notes page
        laid_out = len(self._pages)
        padding = (-laid_out) % finish.pad_to
        ending_last = bool(finish.log.opens_ending) and finish.log.opens_ending[-1]
        order = padded_order(laid_out, padding, ending_last)
        pages = [self._pages[s] if isinstance(s, int) else _copy_state(blank) for s in order]
        last_part = self._pages[-1].get("part", 0) if self._pages else 0
        parts = [pages[i].get("part", 0) if isinstance(s, int) else last_part
                 for i, s in enumerate(order)]  # fmt: skip
        finish.pages = len(pages)
        tagger = finish.tagger
        for index, state in enumerate(pages):
            self.__dict__.update(state)
            if tagger is not None:
                tagger.page = index
            for key, kwargs in self._bookmarks:
                Canvas.bookmarkPage(self, key, **kwargs)
            if order[index] == "notes" and finish.paint_notes:
                finish.paint_notes(self)
            # The footer's marks go before its text: after them, the page ends in text.
            start = len(self._code)
            hold_marks(self)
            part = parts[index]
            number = parts[: index + 1].count(part)
            with pagination(self, "Footer"):
                finish.footers[part](self, number, parts.count(part))
            draw_held_marks(self, at=start)
            notes = getattr(self, NOTES_BEGIN, None)
            if notes is not None:  # a proof's margin notes stay the page's last text
                footer = self._code[start:]
                del self._code[start:]
                self._code[notes:notes] = footer
            finish.geometry.draw_crop_marks(self, finish.colour_mode)
            if tagger is not None:
                self._code.append(END)  # the artifact sequence the page began with
            finish_page(self)  # once the page holds all its text, footer included
            Canvas.showPage(self)
            _encode_stream(self._doc.Pages.pages[-1])
        Canvas.save(self)
        finish.codes_shown = codes_shown(self._doc)


#: Characters ReportLab's PDFDocEncoding codec refuses (it maps no character to
#: 0x18-0x1F): a stream holding one keeps ReportLab's path, and its error.
_NOT_PDFDOC = tuple(map(chr, range(0x18, 0x20)))


def _encode_stream(page: Any) -> None:
    """Encode the content stream of ``page`` (a ReportLab ``PDFPage``) now, when it is
    ASCII. ReportLab encodes it as it writes the file, with its PDFDocEncoding codec,
    which looks every character up in a dictionary: a tenth of the time of an Arabic
    build, whose pages hold ten times English's operators (each right-to-left glyph is
    one, `typeset/reading_order.py`). For ASCII, which is all our pages hold, it gives
    the same bytes as the ASCII codec."""
    stream = page.stream
    if isinstance(stream, str) and stream.isascii() and not any(c in stream for c in _NOT_PDFDOC):
        page.stream = stream.encode("ascii")


_PAGE_ACCUMULATORS = (  # what Canvas._restartAccumulators gives each new page
    "_code", "_psCommandsAfterPage", "_psCommandsBeforePage", "_formsinuse",
    "_annotationrefs", "_colorsUsed", "_shadingUsed", "_bookmarks",
)  # fmt: skip


def _copy_state(state: dict[str, Any]) -> dict[str, Any]:
    """A blank page's state with its own accumulators; the rest (fonts, destinations,
    the document) is shared by every page, as in ReportLab."""
    return {**state, **{key: copy.copy(state[key]) for key in _PAGE_ACCUMULATORS}}


@dataclass
class PageFurniture:
    """What every page of one part shows besides the body: data for the painters below."""

    theme: Theme
    family: FontFamily
    labels: Labels
    lang: str
    title: str
    band: Band  # what the band at the top of page 1 prints (its name also heads later pages)
    control: tuple[str, ...]  # ("MSC-PI-001", "Version 1.0", "Review date …")
    references: PageReferences
    part: int = 0
    bleed: float = 0.0  # backgrounds that touch the trim extend this far beyond it
    proof: bool = False
    log: LayoutLog = field(default_factory=LayoutLog)  # shared by the parts of a document
    margin_notes: list[tuple[float, str]] = field(default_factory=list)  # proof: (y, context)
    approval: str = ""  # "Thai translation approved 2 Dec 2026" (theme footer-approval)
    # What a screen reader says of a phone or mail link on its pages (`link_words`).
    link_words: SayLabel | None = None

    def run(self, text: str, size: float, colour: object, bold: bool = False) -> Run:
        return Run(text, self.family.face(bold, False), size, colour)  # type: ignore[arg-type]

    def note_placed(self, flowable: Flowable, top: float) -> None:
        self.log.place(flowable)
        if self.proof:
            contexts = getattr(flowable, "proof_contexts", ())
            self.margin_notes += [(top, context) for context in contexts]


def make_templates(doc: BaseDocTemplate, furniture: PageFurniture) -> list[PageTemplate]:
    """The templates of one part: ``first-<part>`` (with the band), then ``later-<part>``."""
    theme = furniture.theme
    width, height = theme.page_size
    m = theme.margins
    band = theme.spacing["band-height"] * mm
    body_width = width - m["left"] - m["right"]
    part = furniture.part
    if (refused := band_problem(furniture.band)) is not None:
        raise refused

    def frame(frame_id: str, top: float) -> ReferenceFrame:
        bottom = m["bottom"] + FOOTER_ZONE
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
            on_place=furniture.note_placed,
        )

    def begin(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.part = part
        set_link_words(canvas, furniture.link_words)
        furniture.log.new_page()
        furniture.references.new_page()
        furniture.margin_notes.clear()

    def end_page(canvas: Canvas, doc_: BaseDocTemplate) -> None:
        furniture.references.draw(
            canvas, m["left"], m["bottom"] + FOOTER_ZONE, theme_colour(theme, "rule")
        )
        if furniture.proof:
            draw_proof_marks(canvas, furniture)

    def first_page(canvas: Canvas, doc_: BaseDocTemplate) -> None:
        begin(canvas, doc_)
        with pagination(canvas, "Header"):
            _draw_band(canvas, furniture, width, height, band)

    def later_page(canvas: Canvas, doc_: BaseDocTemplate) -> None:
        begin(canvas, doc_)
        with pagination(canvas, "Header"):
            draw_running_header(canvas, furniture)

    first_top = height - band - 10 * mm
    later_top = height - m["top"] - 8 * mm
    return [
        PageTemplate(
            f"first-{part}",
            [frame(f"first-{part}", first_top)],
            onPage=first_page,
            onPageEnd=end_page,
            autoNextPageTemplate=f"later-{part}",
        ),
        PageTemplate(
            f"later-{part}",
            [frame(f"later-{part}", later_top)],
            onPage=later_page,
            onPageEnd=end_page,
        ),
    ]


def line_sides(f: PageFurniture, width: float) -> tuple[tuple[float, str], tuple[float, str]]:
    """(x, align) of a line's start and of its end: a right-to-left locale's page is
    mirrored, the organisation and title at the right, contacts and page number left."""
    m = f.theme.margins
    left, right = (m["left"], "left"), (width - m["right"], "right")
    return (right, left) if right_to_left(f.lang) else (left, right)


def _draw_band(canvas: Canvas, f: PageFurniture, width: float, height: float, band: float) -> None:
    """Page 1: a full-width colour band with the organisation's name and contacts. It
    touches the trim on three sides, so with bleed it runs on past it."""
    theme = f.theme
    canvas.saveState()
    canvas.setFillColor(theme_colour(theme, "accent"))
    canvas.rect(-f.bleed, height - band, width + 2 * f.bleed, band + f.bleed, stroke=0, fill=1)
    ink = theme_colour(theme, "accent-ink")
    size = theme.sizes["band"]
    baseline = height - band / 2 - size * 0.35
    (start, start_align), (end, end_align) = line_sides(f, width)
    organisation = [f.run(f.band.organisation, size, ink, bold=True)]
    note = theme.sizes["small"]  # the contact lines' (`_band_widths`)
    if f.band.logo is not None:
        start = _draw_logo(canvas, f.band.logo, theme, start, start_align, height - band / 2, band)
    room = abs(end - start) - runs_width(organisation, f.lang) - HEADER_GAP * note
    lines = band_contact_lines(f, note, room)
    with same_baseline(canvas):  # a single contact line sits on the name's baseline
        draw_runs_beside(canvas, start, baseline, organisation, f.lang, align=start_align)
        for i, line in enumerate(lines):
            if len(lines) == 1:
                y = baseline
            elif len(lines) == 2:
                y = height - band / 2 + (note * 0.9 if i == 0 else -note * 0.9) - note * 0.35
            else:  # closer, centred on the band's middle
                y = height - band / 2 + ((len(lines) - 1) / 2 - i) * note * APPROVAL_LINE
                y -= note * 0.35
            draw_runs(canvas, end, y, [f.run(line, note, ink)], f.lang, align=end_align)
    canvas.restoreState()


CONTACT_SEPARATOR = "  ·  "  # between the contacts of one line of the band


def band_contact_lines(f: PageFurniture, size: float, room: float) -> list[str]:
    """The band's contact lines: each whole when it fits in ``room`` beside the name,
    else one of its items a line ("LINE @…", "WhatsApp +66 …"): three lines at most
    (LINE, WhatsApp, web), which the band has room for. A long name at the band's
    start ran under "LINE @… · WhatsApp …" at its end."""
    colour = theme_colour(f.theme, "accent-ink")
    lines: list[str] = []
    for items in f.band.contact:
        whole = CONTACT_SEPARATOR.join(items)
        fits = runs_width([f.run(whole, size, colour)], f.lang) <= room
        lines += [whole] if fits else list(items)
    return lines


def _draw_logo(
    canvas: Canvas, logo: Path, theme: Theme, x: float, align: str, middle: float, band: float
) -> float:
    """The organisation's logo at the start side of the band (``x``, aligned ``align``),
    centred on ``middle``, its proportions kept; returns where the name starts after it.
    Drawn inside the band's artifact: page furniture, not content a screen reader reads.
    The file was checked as a figure's image when the organisation was loaded."""
    width, height = logo_size(logo, band)
    left = x if align == "left" else x - width
    picture = drawable(logo, theme)  # in the build's colour model
    draw_picture(canvas, picture, logo, (left, middle - height / 2, width, height), "auto")
    return x + width + LOGO_GAP if align == "left" else x - width - LOGO_GAP


#: Points between the running header's baseline and the rule under it, where no
#: letter hangs deeper (`header_baseline`).
HEADER_RULE_GAP = 4.0
RULE_WIDTH = 0.5  # points: the rules under the running header and over the footer
CONTROL_SEPARATOR = " · "  # between the items of the document-control line
ELLIPSIS = "\u2026"


def header_title(f: PageFurniture, size: float, room: float) -> list[Run]:
    """The running header's title, cut with "…" where a line may break (between words
    or syllables, `line_breaks`) when it is wider than ``room``. A Burmese or Khmer
    title is often two or three times its English, and a long one ran into the
    organisation's name and past the page's edge. The header is an artifact that
    screen readers skip; the whole title is page 1's heading."""
    colour = theme_colour(f.theme, "accent-text")

    def runs(text: str) -> list[Run]:
        return [f.run(text, size, colour, bold=True)]

    whole = runs(f.title)
    if runs_width(whole, f.lang) <= room:
        return whole
    cuts = [i for i in line_breaks(f.title, f.lang) if f.title[:i].strip()]
    shortened = [runs(f.title[:i].rstrip() + ELLIPSIS) for i in reversed(cuts)]
    fitting = (cut for cut in shortened if runs_width(cut, f.lang) <= room)
    return next(fitting, shortened[-1] if shortened else whole)


def draw_running_header(canvas: Canvas, f: PageFurniture) -> None:
    theme = f.theme
    width, height = theme.page_size
    m = theme.margins
    size = theme.sizes["small"]
    rule = height - m["top"] - size - HEADER_RULE_GAP
    muted = theme_colour(theme, "muted")
    canvas.saveState()
    (start, start_align), (end, end_align) = line_sides(f, width)
    organisation = [f.run(f.band.organisation, size, muted)]
    room = width - m["left"] - m["right"] - runs_width(organisation, f.lang) - HEADER_GAP * size
    title = header_title(f, size, room)
    y = header_baseline(rule, [title, organisation], f.lang, size)
    with same_baseline(canvas):
        draw_runs_beside(canvas, start, y, title, f.lang, align=start_align)
        draw_runs(canvas, end, y, organisation, f.lang, align=end_align)
    canvas.setStrokeColor(theme_colour(theme, "rule"))
    canvas.setLineWidth(RULE_WIDTH)
    canvas.line(m["left"], rule, width - m["right"], rule)
    canvas.restoreState()


def header_baseline(rule: float, lines: list[list[Run]], lang: str, size: float) -> float:
    """The running header's baseline over its ``rule``: `HEADER_RULE_GAP` above it, or
    higher where a letter hangs deeper (`runs_depth`) than that less the clearance
    lines keep (`ink.CLEARANCE_EM`). The rule stays where the page's frame expects it;
    a Burmese title's ျ and ြ stood on it."""
    hang = max(runs_depth(runs, lang) for runs in lines)
    return rule + max(HEADER_RULE_GAP, RULE_WIDTH / 2 + hang + CLEARANCE_EM * size)


def control_lines(f: PageFurniture, size: float, first: float, others: float) -> list[str]:
    """The document-control line as printed: whole when it fits in ``first`` points
    beside the page number, else parted between its items, never inside one, onto lines
    of ``others`` points below. Its labels are the translation's, and Burmese
    "ပြန်လည်သုံးသပ်မည့်နေ့" (review date) ran the A5 line of a long document code
    under the page number."""
    colour = theme_colour(f.theme, "muted")
    lines: list[str] = []
    for item in f.control:
        joined = f"{lines[-1]}{CONTROL_SEPARATOR}{item}" if lines else item
        room = first if len(lines) <= 1 else others
        if lines and runs_width([f.run(joined, size, colour)], f.lang) > room:
            lines.append(item)
        else:
            lines[-1:] = [joined]
    return lines


def footer_painter(f: PageFurniture) -> FooterPainter:
    """Draws the document-control line once the total page count is known."""
    theme = f.theme
    width, _ = theme.page_size
    m = theme.margins

    def paint(canvas: Canvas, page: int, pages: int) -> None:
        size = theme.sizes["note"]
        y = m["bottom"]
        muted = theme_colour(theme, "muted")
        canvas.saveState()
        canvas.setStrokeColor(theme_colour(theme, "rule"))
        canvas.setLineWidth(RULE_WIDTH)
        canvas.line(m["left"], y + size + 3, width - m["right"], y + size + 3)
        (start, start_align), (end, end_align) = line_sides(f, width)
        page_text = f.labels(
            "page-of", page=format_count(page, f.lang), pages=format_count(pages, f.lang)
        )
        if f.labels.falls_back("page-of") and right_to_left(f.lang):
            # English around Arabic-Indic digits (ar_EG), which the bidi algorithm
            # orders as Arabic: "Page ١ of ٣" was drawn "٣ of ١ Page". One left-to-right
            # isolate, it reads as the English it is, at the line's end.
            page_text = isolated(page_text)
        page_runs = [f.run(page_text, size, muted, bold=True)]
        line_width = width - m["left"] - m["right"]
        beside = line_width - runs_width(page_runs, f.lang) - HEADER_GAP * size
        first, *rest = control_lines(f, size, beside, line_width)
        with same_baseline(canvas):
            first_runs = [f.run(first, size, muted)]
            draw_runs_beside(canvas, start, y, first_runs, f.lang, align=start_align)
            draw_runs(canvas, end, y, page_runs, f.lang, align=end_align)
        # Below: what did not fit beside the page number, then the approval, each on a
        # line of its own (on A5 the control line has no room left for it).
        for n, text in enumerate([*rest, *([f.approval] if f.approval else [])], start=1):
            below = y - n * size * APPROVAL_LINE
            draw_runs(canvas, start, below, [f.run(text, size, muted)], f.lang, align=start_align)
        canvas.restoreState()

    return paint
