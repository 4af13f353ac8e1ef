"""A patient pack: a cover page (clinic, date, contents) and the chosen leaflets' PDFs,
joined into one document — the handout a patient takes home.

The leaflets are the build's own outputs, copied page for page with their structure
trees (`finishing/join.py`), so the pack is a tagged PDF a screen reader reads as it
reads the leaflets. The cover is set in the project's theme with the same text stage
as the leaflets, so Thai on it is shaped and searchable too, and tagged the same way:
a heading, the clinic and date, the contents as a numbered list; its accent band is an
artifact.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..build.build import project_theme
from ..finishing.final_pass import final_pass
from ..finishing.font_widths import match_font_widths
from ..finishing.join import JoinedPart, join_tagged
from ..finishing.tagged_pdf import tag_structure
from ..languages import bcp47, right_to_left
from ..layout.blocks import list_number
from ..layout.structure import Structure
from ..print_spec import PrintSpec
from ..project import Project
from ..typeset import default_family, draw_runs
from ..typeset.marked_content import ARTIFACT_BEGIN, END, TAGGER, Element, drawing
from ..typeset.render import finish_page, word_gap
from ..typeset.runs import Run
from ..typeset.scripts import kept_terms_language
from ..typeset.units import runs_width

MIN_SIZE = 8.0  # pt: a title too long for the line is set smaller, never cut


@dataclass(frozen=True)
class CoverEntry:
    """A leaflet on the cover's contents: its title in the pack's language, then, when
    the pack holds its source version too, its title in ``source_language`` (the
    leaflet's; also the language of a Latin-script term a translated title keeps)."""

    titles: tuple[str, ...]
    source_language: str


@dataclass(frozen=True)
class Cover:
    language: str
    heading: str
    clinic: str  # "Given by …"
    date: str  # "Date: …"
    contents_heading: str
    contents: tuple[CoverEntry, ...]


@dataclass(frozen=True)
class PackItem:
    pdf: Path | bytes  # the bytes the desk built: the file may be replaced meanwhile
    title: str  # the outline entry that leads to the leaflet's first page


def cover_page(root: Path, cover: Cover) -> bytes:
    """One A4 page, tagged: heading on the accent band, clinic and date, numbered contents."""
    theme = project_theme(Project(root), PrintSpec(paper="a4"))
    family = default_family()
    width, height = theme.page_size
    left, right = theme.margins["left"], width - theme.margins["right"]
    # Right to left (Arabic), every line starts at the right margin and each number
    # stands right of its title, where the reader starts; the indent is measured from it.
    rtl = right_to_left(cover.language)
    start, indent = (right, -10 * mm) if rtl else (left, 10 * mm)
    number = list_number(cover.language, rtl=False)  # in reading order: drawn by bidi
    lang = bcp47(cover.language)
    source = cover.contents[0].source_language if cover.contents else ""
    structure = Structure(lang, bcp47(source) if source else "")
    buffer = io.BytesIO()
    # ReportLab selects its initial font on every page: the family's, embedded, not a
    # base-14 Helvetica with no Unicode map (which PDF/A and PDF/UA refuse).
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1, lang=lang,
                    initialFontName=family.regular)  # fmt: skip
    canvas.setTitle(cover.heading)
    canvas.setAuthor(cover.clinic)
    canvas.setCreator("msc-leaflet desk")
    setattr(canvas, TAGGER, structure.tagger)
    canvas._code.append(ARTIFACT_BEGIN)  # what no element draws: the band
    band = 42 * mm
    canvas.setFillColor(theme.colour("accent"))
    canvas.rect(0, height - band, width, band, stroke=0, fill=1)

    def line(  # one line of the cover, as content of its element, starting at ``x``;
        # ``gap``: ending in a space that reaches the indent (a right-to-left number's)
        element: Element, y: float, text: str, font: str, size: float, colour: str,
        x: float = start, gap: bool = False,
    ) -> None:  # fmt: skip
        room = x - left if rtl else right - x
        while size > MIN_SIZE and runs_width([Run(text, font, size, theme.colour(colour))],
                                             cover.language) > room:  # fmt: skip
            size -= 0.5
        with drawing(canvas, element):
            run = Run(text, font, size, theme.colour(colour))
            drawn = draw_runs(canvas, x, y, [run], cover.language, "right" if rtl else "left")
            if gap:
                end = x - drawn
                word_gap(canvas, end, y, font, size, True, end - (start + indent))

    line(structure.element("H1"), height - band + 16 * mm, cover.heading, family.bold, 26,
         "accent-ink")  # fmt: skip
    y = height - band - 14 * mm
    line(structure.element("P"), y, cover.clinic, family.regular, 14, "ink")
    line(structure.element("P"), y - 8 * mm, cover.date, family.regular, 14, "ink")
    y -= 24 * mm
    line(structure.element("H2"), y, cover.contents_heading, family.bold, 18, "accent")
    y -= 12 * mm
    with structure.group("L", attributes={"O": "List", "ListNumbering": "Decimal"}):
        for count, entry in enumerate(cover.contents, start=1):
            terms = bcp47(kept_terms_language(entry.source_language))
            with structure.group("LI", terms_lang=terms):
                # The leaflets' own numbers: the locale's digits and stop ("၁။").
                # Right to left, the title starts left of its number, where pdf.js
                # sees no gap ("1.بعد"): the number ends in a space of the text layer
                # reaching to the title (`render.word_gap`), which pdfminer.six needs
                # to read the two on one line.
                label = number(str(count))
                line(structure.element("Lbl"), y, label, family.bold, 14, "accent",
                     gap=rtl)  # fmt: skip
                body = structure.element("LBody")
                for index, title in enumerate(entry.titles):
                    # The pack's language first; the source language below it, smaller.
                    if index == 0:
                        line(body, y, title, family.bold, 14, "ink", start + indent)
                    else:
                        other = body.add("P", lang=terms)
                        line(other, y, title, family.regular, 12, "muted", start + indent)
                    y -= 7 * mm
            y -= 4 * mm
    canvas._code.append(END)
    finish_page(canvas)  # a cover in Arabic: read right to left by pdftotext too
    canvas.showPage()
    canvas.save()
    # Shaped text sets its own /Widths (a Thai mark, an Arabic join): the programs are
    # given glyphs of those advances, as a leaflet's are (PDF/UA-1 7.21.5).
    return final_pass(buffer.getvalue(), [tag_structure(structure.tagger), match_font_widths])


def make_pack(root: Path, cover: Cover, items: list[PackItem]) -> bytes:
    """The cover, then each leaflet's pages, with one bookmark per leaflet: one tagged
    PDF in the cover's language."""
    parts = [
        JoinedPart(cover_page(root, cover), cover.heading, inline=True),
        *(JoinedPart(item.pdf, item.title) for item in items),
    ]
    return join_tagged(parts, title=cover.heading, author=cover.clinic,
                       lang=bcp47(cover.language))  # fmt: skip
