"""Render a finished PDF to PNG pictures: one per page, and a contact sheet of all pages.

For reviewers who would rather look than open a PDF (a chat message, a pull request,
a clinic manager's phone). Pages are rendered by PDFium, the engine in Chrome's PDF
viewer, so the pictures show what most readers' viewers show: the crop box, fonts as
embedded. Every PNG is encoded in memory and written atomically; unchanged pages keep
their files (and mtimes) untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from ..errors import LeafletError, Location
from ..files import file_error, folder_locked, write_atomic

# 120 dpi keeps Thai tone marks and vowels above/below the line legible at body size
# (10.5 pt ≈ 17 px) while an A5 page stays near 700×1000 px, fine for a chat message.
DEFAULT_DPI = 120.0
DEFAULT_THUMB_WIDTH = 240

CONTACT_COLUMNS = 4
GAP = 16  # px around and between thumbnails
LABEL_SIZE = 14  # px, the page number under each thumbnail
BACKGROUND = (235, 235, 235)
BORDER = (170, 170, 170)  # so a white page stands out from the grey
INK = (60, 60, 60)

CONTACT_SHEET = "contact-sheet.png"
PAGE_NAME = re.compile(r"page-\d+\.png")


@dataclass(frozen=True)
class PreviewResult:
    """The files a preview run produced, pages in reading order."""

    pages: list[Path]
    contact_sheet: Path


def page_name(number: int) -> str:
    """``page-01.png``: zero-padded so a folder listing sorts in reading order."""
    return f"page-{number:02d}.png"


def write_previews(
    pdf: Path,
    out_dir: Path,
    *,
    dpi: float = DEFAULT_DPI,
    thumb_width: int = DEFAULT_THUMB_WIDTH,
    data: bytes | None = None,
) -> PreviewResult:
    """Write ``out_dir/page-NN.png`` for each page and ``out_dir/contact-sheet.png``.

    Page pictures left over from an earlier, longer version of the document are
    removed, so the folder always shows exactly the current pages. ``dpi`` sets the
    size of the page pictures, ``thumb_width`` (pixels) that of each contact-sheet
    thumbnail. ``data``: the PDF's bytes, read already (by a caller that checked them),
    drawn instead of the file at ``pdf``, which only names them in messages.
    """
    if not (dpi > 0 and thumb_width > 0):  # NaN too: it is no size
        raise ValueError(f"dpi and thumb_width must be positive, got {dpi} and {thumb_width}")
    pages = []
    thumbs = []
    # The folder is locked while its pictures are written: a second preview of another
    # version (another terminal, the desk) waits, then writes all of its own, instead
    # of leaving some pages of each.
    # One page picture at a time: a 470-page leaflet at 600 dpi would be ~50 GB at once.
    drawn = render_pages(pdf, dpi, data)  # a file that is no PDF is refused before any folder
    with folder_locked(out_dir):
        for number, image in enumerate(drawn, start=1):
            path = out_dir / page_name(number)
            write_atomic(path, _png(image))
            thumbs.append(_thumbnail(image, thumb_width))
            pages.append(path)
        _remove_stale_pages(out_dir, {path.name for path in pages})
        contact_sheet = out_dir / CONTACT_SHEET
        write_atomic(contact_sheet, _png(contact_sheet_image(thumbs, thumb_width)))
    return PreviewResult(pages, contact_sheet)


def render_pages(pdf: Path, dpi: float, data: bytes | None = None) -> Iterator[Image.Image]:
    """Each page as an RGB image, one at a time; unreadable input becomes a
    `LeafletError` (before the first page for a file that is no PDF)."""
    if data is None and not pdf.is_file():
        raise LeafletError(
            Location(pdf), "PDF not found", "build the leaflet first, or check the path"
        )
    try:
        document = pdfium.PdfDocument(pdf if data is None else data)
    except pdfium.PdfiumError as exc:
        raise LeafletError(
            Location(pdf),
            f"cannot read this file as a PDF ({exc})",
            "rebuild it with `msc-leaflet build`; the file may be truncated or not a PDF",
        ) from None
    if len(document) == 0:
        document.close()
        raise LeafletError(Location(pdf), "the PDF has no pages", "rebuild the leaflet")
    return _rendered(pdf, document, dpi)


def _rendered(pdf: Path, document: pdfium.PdfDocument, dpi: float) -> Iterator[Image.Image]:
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                yield page.render(scale=dpi / 72).to_pil().convert("RGB")
            except pdfium.PdfiumError as exc:
                raise LeafletError(
                    Location(pdf), f"cannot render page {index + 1} ({exc})", "rebuild the leaflet"
                ) from None
            finally:
                page.close()
    finally:
        document.close()


def contact_sheet_image(thumbs: list[Image.Image], thumb_width: int) -> Image.Image:
    """All pages, as their ``thumb_width`` thumbnails, in rows of four, numbered
    underneath."""
    font = ImageFont.load_default(size=LABEL_SIZE)
    label_height = LABEL_SIZE + GAP // 2
    columns = min(CONTACT_COLUMNS, len(thumbs))
    rows = [thumbs[i : i + columns] for i in range(0, len(thumbs), columns)]
    row_heights = [max(thumb.height for thumb in row) + label_height for row in rows]
    width = GAP + columns * (thumb_width + GAP)
    height = GAP + sum(row_height + GAP for row_height in row_heights)

    sheet = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    top = GAP
    number = 0
    for row, row_height in zip(rows, row_heights, strict=True):
        for column, thumb in enumerate(row):
            number += 1
            left = GAP + column * (thumb_width + GAP)
            sheet.paste(thumb, (left, top))
            draw.rectangle(
                (left - 1, top - 1, left + thumb.width, top + thumb.height), outline=BORDER
            )
            draw.text(
                (left + thumb.width / 2, top + thumb.height + GAP // 2),
                str(number),
                fill=INK,
                font=font,
                anchor="mt",
            )
        top += row_height + GAP
    return sheet


def _thumbnail(image: Image.Image, width: int) -> Image.Image:
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS)


def _png(image: Image.Image) -> bytes:
    """PNG bytes with no timestamp or text chunks, so equal pictures are equal files."""
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _remove_stale_pages(out_dir: Path, keep: set[str]) -> None:
    for path in out_dir.glob("page-*.png"):
        if PAGE_NAME.fullmatch(path.name) and path.name not in keep:
            try:
                path.unlink()
            except FileNotFoundError:  # removed by a concurrent run: the goal is met
                pass
            except OSError as exc:
                raise file_error(path, exc, "remove an outdated preview") from None
