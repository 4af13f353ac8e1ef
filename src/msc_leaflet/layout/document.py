"""Lay out one leaflet edition (one or two languages) into PDF bytes.

The edition (`editions.py`) gives the parts and their stories; this module puts them
in one ReportLab document: page templates per part (`pages.py`), the print geometry
(`print_marks.py`), bookmarks as headings are placed, and the page finish when the
page count is known.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import assert_never

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, NextPageTemplate, PageBreak
from reportlab.platypus.doctemplate import LayoutError

from ..content import model as m
from ..content.inline import plain_text
from ..content.pdf_strings import KEYWORD_SEPARATOR
from ..languages import bcp47
from ..print_spec import SINGLE, Edition, PrintSpec
from ..theme.theme import Theme
from ..typeset import MissingGlyphError, draw_runs, register_fonts
from ..typeset.citation_links import Destination
from ..typeset.kept_groups import keeping_labels
from ..typeset.marked_content import Tagger, pagination
from .colours import theme_colour
from .editions import Part, Setting, outline_entries, parallel_part, single_part
from .pages import (
    PageFinish,
    PageFurniture,
    PagePainter,
    canvas_class,
    draw_running_header,
    footer_painter,
    line_sides,
    make_templates,
)
from .print_marks import PageGeometry
from .proof import MovedNotes, draw_proof_marks
from .qr_symbol import AddressTooLong, address_too_long
from .story import DateFormatter, Localised, labels_before_values
from .structure import Structure
from .unprintable import (
    block_of,
    does_not_fit,
    missing_glyph,
    raised_by_reportlab,
    split_fault,
    tag_block,
    too_large,
    too_wide,
)

BOOKLET_PAGES = 4  # a saddle-stitched booklet is folded sheets of four pages


@dataclass(frozen=True)
class LayoutResult:
    pdf: bytes
    pages: int
    footer_overflows: tuple[int, ...]  # pages whose reference footer crowds out the body
    page_kinds: tuple[tuple[str, ...], ...] = ()  # what was placed on each page, in order
    text_sizes: tuple[float, ...] = ()  # every text size printed, smallest first
    # Units with no break opportunity, cut to fit, each with the markup of the leaflet
    # text it is in ("" for what the layout wrote itself), for the check to name it.
    emergency_breaks: tuple[tuple[str, str], ...] = ()
    tagger: Tagger | None = None  # the structure tree and where its content was drawn
    # The codes each font subset shows, by resource name (`finishing/font_subset.py`).
    codes_shown: Mapping[str, frozenset[int]] = field(default_factory=dict)
    page_lines: tuple[int, ...] = ()  # the leaflet line of the first block of each page
    # Each picture drawn, with the lowest ppi it printed at and its width then (points).
    pictures: tuple[tuple[Path, float, float], ...] = ()
    # The title and the audience (Info /Subject) in each language printed, as (BCP 47,
    # text): the XMP states them per language (`finishing/xmp.py`).
    titles: tuple[tuple[str, str], ...] = ()
    subjects: tuple[tuple[str, str], ...] = ()
    # Each named destination (a reference entry's, `citation_links`) and where it leads.
    destinations: Mapping[str, Destination] = field(default_factory=dict)
    # The keywords of each language printed, the main one's first, each once: Info
    # /Keywords joins them, XMP dc:subject lists them one by one.
    keywords: tuple[str, ...] = ()
    # Proof pages whose left margin could not hold their block contexts (LAYOUT009).
    margin_notes_moved: tuple[MovedNotes, ...] = ()


class _LeafletDocument(BaseDocTemplate):  # type: ignore[misc]
    leaflet_path = Path()  # the source, named when a block fits on no page
    last_block: m.Block | None = None  # the block placed last, named when ReportLab fails

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        flowable = flowables[0] if flowables else None
        block = block_of(flowable)
        self.last_block = block or self.last_block
        waiting = len(flowables) - 1
        try:
            super().handle_flowable(flowables)
        except LayoutError as error:
            # ReportLab's "Splitting error": the first part a flowable split off did not
            # fit where the flowable asked to go, a fault in our flowable's split, not
            # content too large for a page (it was reported as a table cell too tall).
            if str(error).startswith("Splitting error"):
                raise split_fault(block, self.leaflet_path) from error
            raise too_large(block, flowable, self.frame, self.leaflet_path) from None
        except ValueError as error:
            # A table cell given a negative width: "raised by class Box(…)@0x… wrap
            # <SplitTable@0x…>" was the whole message.
            if isinstance(error, MissingGlyphError) or not raised_by_reportlab(error):
                raise
            raise too_wide(block, self.leaflet_path) from error
        # What ReportLab put back in front (a split's remainder) sets the same block.
        for remainder in flowables[: len(flowables) - waiting]:
            if block is not None and block_of(remainder) is None:
                tag_block([remainder], block)

    outline_depth = 0  # the level of the last bookmark added
    outline_base = 0  # the level of a part's top bookmarks: 1 under a part's bookmark
    part_bookmark = ""  # a part's bookmark, added where its first flowable is placed

    def handle_partBookmark(self, title: str) -> None:
        """A part begins (`editions.PartBookmark`): its bookmarks go under ``title``."""
        self.part_bookmark = title

    def afterFlowable(self, flowable: Flowable) -> None:
        entries = outline_entries(flowable)
        if self.part_bookmark:
            self._bookmark(self.part_bookmark, 0)
            self.part_bookmark, self.outline_base = "", 1
        for title, level in entries:
            self._bookmark(title, self.outline_base + level)

    def _bookmark(self, title: str, level: int) -> None:
        key = f"section-{self.seq.nextf('outline')}"
        self.canv.bookmarkPage(key)
        # A bookmark nests at most one level below the one before: ReportLab refuses
        # a jump (`BlockBuilder.heading` gives headings their levels without one).
        level = min(level, self.outline_depth + 1)
        self.outline_depth = level
        self.canv.addOutlineEntry(title, key, level=level, closed=False)


def layout_leaflet(
    versions: Sequence[Localised],
    theme: Theme,
    format_date: DateFormatter,
    *,
    edition: Edition = SINGLE,
    spec: PrintSpec | None = None,
    tagged: bool = True,
) -> LayoutResult:
    """PDF bytes of the localised ``versions`` (two for a bilingual edition, the
    translation first) in ``edition``, finished for print as ``spec`` asks; ``tagged``
    (the default): with the structure tree of a tagged PDF, in ``result.tagger``."""
    # Each label the closing box prints before a value stays with it, in the words of
    # the catalog the leaflet prints (a project's own ui.po), not the bundled one's.
    printed = {v.leaflet.language: labels_before_values(v.labels) for v in versions}
    try:
        with keeping_labels(printed):
            return _layout(versions, theme, format_date, edition, spec, tagged)
    except MissingGlyphError as error:
        words = [t for v in versions for t in v.labels.translated]
        raise missing_glyph(error, [v.leaflet for v in versions], words) from None
    except AddressTooLong as error:
        raise address_too_long(error, versions[-1].leaflet) from None


def _layout(
    versions: Sequence[Localised],
    theme: Theme,
    format_date: DateFormatter,
    edition: Edition,
    spec: PrintSpec | None,
    tagged: bool,
) -> LayoutResult:
    spec = spec or PrintSpec()
    source = versions[-1].source_language
    structure = None
    if tagged:
        structure = Structure(bcp47(versions[0].leaflet.language), bcp47(source) if source else "")
    setting = Setting(
        theme,
        register_fonts(theme.fonts),
        format_date,
        spec.bleed,
        spec.proof,
        structure=structure,
    )
    match edition.arrangement:
        case "side-by-side":
            parts = [parallel_part(versions[0], versions[1], setting)]
        case "stacked":
            two = len(versions) > 1
            parts = [single_part(v, setting, i, of_two=two) for i, v in enumerate(versions)]
        case _:
            assert_never(edition.arrangement)
    geometry = PageGeometry(theme.page_size, spec.bleed, spec.crop_marks)
    leaflets = [v.leaflet for v in versions]
    keywords = _keywords(versions)
    buffer = io.BytesIO()
    doc = _LeafletDocument(
        buffer,
        pagesize=geometry.media,
        title=" / ".join(dict.fromkeys(p.furniture.title for p in parts)),
        author=leaflets[0].organisation.name,
        subject=" / ".join(_subjects(versions)),
        keywords=KEYWORD_SEPARATOR.join(keywords),
        creator="msc-leaflet",
        producer="msc-leaflet (ReportLab)",
        invariant=1,
        # Streams are written plain and compressed once, at zlib's best level, when the
        # final pass saves the file (finishing/final_pass.py): not twice, and smaller.
        pageCompression=0,
        lang=bcp47(leaflets[0].language),  # PDF /Lang is BCP 47: zh-Hans, not zh_Hans
        initialFontName=setting.family.regular,
    )
    doc.leaflet_path = leaflets[0].path
    story: list[Flowable] = []
    for part in parts:
        doc.addPageTemplates(make_templates(doc, part.furniture))
        if part.furniture.part:
            story += [NextPageTemplate(f"first-{part.furniture.part}"), PageBreak()]
        story += part.story
    last = parts[-1].furniture
    finish = PageFinish(
        geometry=geometry,
        colour_mode=theme.colour_mode,
        footers=[footer_painter(p.furniture) for p in parts],
        pad_to=BOOKLET_PAGES if spec.imposition == "booklet" else 1,
        paint_notes=_notes_painter(last),
        log=setting.log,
        tagger=structure.tagger if structure else None,
    )
    try:
        doc.build(story, canvasmaker=canvas_class(finish))
    except LayoutError as error:  # raised outside a block's placing: no block to blame
        raise does_not_fit(doc.last_block, doc.leaflet_path) from error
    except ValueError as error:
        if isinstance(error, MissingGlyphError) or not raised_by_reportlab(error):
            raise
        raise does_not_fit(doc.last_block, doc.leaflet_path) from error
    overflows = [n for p in parts for n in p.furniture.references.overflows]
    log = setting.log
    return LayoutResult(
        buffer.getvalue(),
        finish.pages,
        tuple(overflows),
        tuple(tuple(kinds) for kinds in log.page_kinds),
        tuple(sorted(log.text_sizes)),
        tuple(log.emergency_breaks.items()),
        structure.tagger if structure else None,
        finish.codes_shown,
        tuple(log.page_lines),
        tuple((path, ppi, width) for path, (ppi, width) in log.pictures.items()),
        _in_languages(versions, lambda leaflet: leaflet.title),
        _in_languages(versions, lambda leaflet: leaflet.audience),
        dict(finish.links.named),
        keywords=keywords,
        margin_notes_moved=tuple(log.margin_notes_moved),
    )


def _in_languages(
    versions: Sequence[Localised], text_of: Callable[[m.Leaflet], m.Text | None]
) -> tuple[tuple[str, str], ...]:
    """``text_of`` each version, as plain text in its language (BCP 47): where it is
    translated, for a text still printed in the source language is not the
    translation's."""
    found: list[tuple[str, str]] = []
    for version in versions:
        text = text_of(version.leaflet)
        if text is not None and text.value not in {t.value for t in version.fallbacks}:
            found.append((bcp47(version.leaflet.language), plain_text(text.value)))
    return tuple(found)


def _subjects(versions: Sequence[Localised]) -> list[str]:
    audiences = (v.leaflet.audience for v in versions)
    return list(dict.fromkeys(plain_text(a.value) for a in audiences if a))


def _keywords(versions: Sequence[Localised]) -> tuple[str, ...]:
    """The keywords of every version as plain text, each once, the first version's
    (the translation's) first: a Thai reader's search finds the Thai PDF by Thai words,
    and a two-language edition by the words of either language, as its title and
    subject state both. A keyword still in the source language is its source's."""
    found = (plain_text(k.value) for v in versions for k in v.leaflet.keywords)
    return tuple(dict.fromkeys(found))


def _notes_painter(f: PageFurniture) -> PagePainter:
    """A padding page of a booklet: a running header, "Notes" and ruled lines to write on,
    so the blank page reads as intended rather than as a printing fault."""
    theme = f.theme

    def paint(canvas: Canvas) -> None:
        width, height = theme.page_size
        m = theme.margins
        f.references.new_page()
        f.margin_notes.clear()
        with pagination(canvas, "Header"):
            draw_running_header(canvas, f)
        top = height - m["top"] - 8 * mm
        heading = theme.sizes["heading"]
        # At the line's start, as every heading: the right margin on a right-to-left page.
        (start, align), _ = line_sides(f, width)
        draw_runs(
            canvas,
            start,
            top - heading,
            [f.run(f.labels("notes"), heading, theme_colour(theme, "accent"), bold=True)],
            f.lang,
            align=align,
        )
        canvas.saveState()
        canvas.setStrokeColor(theme_colour(theme, "rule"))
        canvas.setLineWidth(0.5)
        y = top - heading - 12 * mm
        while y > m["bottom"] + 14 * mm:
            canvas.line(m["left"], y, width - m["right"], y)
            y -= 9 * mm
        canvas.restoreState()
        if f.proof:
            draw_proof_marks(canvas, f)

    return paint


__all__ = ["LayoutResult", "Localised", "Part", "layout_leaflet"]
