"""A patient pack: a cover page (clinic, date, contents) and the chosen leaflets' PDFs,
joined into one document — the handout a patient takes home.

The leaflets are the build's own outputs, copied page for page (pypdf keeps their text
layer, fonts and links). The cover is set in the project's theme with the same text
stage as the leaflets, so Thai on it is shaped and searchable too.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfWriter
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..build.build import project_theme
from ..print_spec import PrintSpec
from ..project import Project
from ..typeset import default_family, draw_runs
from ..typeset.draw import runs_width
from ..typeset.render import finish_page
from ..typeset.runs import Run

MIN_SIZE = 8.0  # pt: a title too long for the line is set smaller, never cut


@dataclass(frozen=True)
class Cover:
    language: str
    heading: str
    clinic: str  # "Given by …"
    date: str  # "Date: …"
    contents_heading: str
    contents: tuple[tuple[str, ...], ...]  # per leaflet: its title in each language given


@dataclass(frozen=True)
class PackItem:
    path: Path
    title: str  # the outline entry that leads to the leaflet's first page


def cover_page(root: Path, cover: Cover) -> bytes:
    """One A4 page: heading on the accent band, clinic and date, numbered contents."""
    theme = project_theme(Project(root), PrintSpec(paper="a4"))
    family = default_family()
    width, height = theme.page_size
    left, right = theme.margins["left"], width - theme.margins["right"]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1, lang=cover.language)
    canvas.setTitle(cover.heading)
    canvas.setAuthor(cover.clinic)
    canvas.setCreator("msc-leaflet desk")
    band = 42 * mm
    canvas.setFillColor(theme.colour("accent"))
    canvas.rect(0, height - band, width, band, stroke=0, fill=1)

    def line(y: float, text: str, font: str, size: float, colour: str, x: float = left) -> None:
        while size > MIN_SIZE and runs_width([Run(text, font, size, theme.colour(colour))],
                                             cover.language) > right - x:  # fmt: skip
            size -= 0.5
        draw_runs(canvas, x, y, [Run(text, font, size, theme.colour(colour))], cover.language)

    line(height - band + 16 * mm, cover.heading, family.bold, 26, "accent-ink")
    y = height - band - 14 * mm
    line(y, cover.clinic, family.regular, 14, "ink")
    line(y - 8 * mm, cover.date, family.regular, 14, "ink")
    y -= 24 * mm
    line(y, cover.contents_heading, family.bold, 18, "accent")
    y -= 12 * mm
    for number, titles in enumerate(cover.contents, start=1):
        line(y, f"{number}.", family.bold, 14, "accent")
        for index, title in enumerate(titles):
            # The pack's language first; the source language below it, smaller.
            style = (family.bold, 14, "ink") if index == 0 else (family.regular, 12, "muted")
            line(y, title, *style, left + 10 * mm)
            y -= 7 * mm
        y -= 4 * mm
    finish_page(canvas)  # a cover in Arabic: read right to left by pdftotext too
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def make_pack(root: Path, cover: Cover, items: list[PackItem]) -> bytes:
    """The cover, then each leaflet's pages, with one bookmark per leaflet."""
    writer = PdfWriter()
    writer.append(io.BytesIO(cover_page(root, cover)), outline_item=cover.heading)
    for item in items:
        writer.append(item.path, outline_item=item.title)
    writer.add_metadata({"/Title": cover.heading, "/Author": cover.clinic})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
