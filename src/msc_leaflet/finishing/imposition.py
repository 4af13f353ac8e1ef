"""Impose a finished leaflet as a saddle-stitched booklet: reading order → sheet order.

A booklet of n pages is printed on n/4 sheets, two pages per side, then the stack is
folded and stapled in the middle. Sheet i (0-based) carries pages n-2i and 2i+1 on its
front and 2i+2 and n-2i-1 on its back (left, right; 1-based), so that after folding
the pages read 1, 2, …, n. A right-to-left booklet (Arabic, Persian) is bound on the
right and opens the other way: every pair is swapped.

Each page becomes a Form XObject whose /BBox is the page's trim box, and the sheets
draw those forms side by side. The /BBox clips by definition of the format, so
bleed or crop marks outside one page's trim never land on its neighbour; and fonts
and images are shared between sheets instead of being copied per placement, as
`PageObject.merge_page` would.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from typing import Literal

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    RectangleObject,
    StreamObject,
    TextStringObject,
)

from ..typeset.pdf_numbers import decimals

#: Said to whoever builds a booklet (`cli.app`'s build): its sheets carry the pages'
#: text but no structure tree, and a patient given this file with a screen reader
#: meets untagged content in sheet order (docs/accessibility.md). The unimposed PDF of
#: the same leaflet is the tagged reading edition.
UNTAGGED_NOTE = (
    "note: booklet sheets are for printing and are not tagged for screen readers; "
    "give readers the PDF built without --imposition"
)

Flip = Literal["short-edge", "long-edge"]
FLIPS: tuple[Flip, ...] = ("short-edge", "long-edge")

# Page sizes within this many points count as equal: rounding in PDF writers
# (ReportLab writes A5 as 419.5276 × 595.2756) must not fail a real A5 booklet.
SIZE_TOLERANCE = 0.01


def sheet_order(pages: int, right_to_left: bool = False) -> list[tuple[int, int]]:
    """1-based (left, right) page pairs in output order: front 1, back 1, front 2, …"""
    if pages <= 0 or pages % 4:
        raise ValueError(
            f"a saddle-stitched booklet needs a multiple of 4 pages, got {pages}; "
            "pad the leaflet with blank or notes pages first"
        )
    order: list[tuple[int, int]] = []
    for i in range(pages // 4):
        order.append((pages - 2 * i, 2 * i + 1))  # front
        order.append((2 * i + 2, pages - 2 * i - 1))  # back
    if right_to_left:  # the spine on the right: page 1 on the left of the first front
        return [(right, left) for left, right in order]
    return order


def impose_booklet(
    pdf: bytes,
    *,
    flip: str = "short-edge",
    right_to_left: bool = False,
    sheet: tuple[float, float] | None = None,
) -> bytes:
    """Return a PDF of booklet sheets, each twice as wide as one page of ``pdf``.

    ``flip`` is the printer's duplex setting. "short-edge" (the usual one for
    booklets) prints everything upright; with "long-edge" the printer turns every
    back side over the other axis, so backs are drawn rotated 180° to come out
    upright. ``right_to_left``: the booklet is bound on the right (`sheet_order`).
    ``sheet`` (width, height in points): the paper the sheets print on, when two pages
    side by side are not a paper of their own (two ISO A5 pages are 296 mm wide, A4 is
    297): the pages meet in its middle, where it is folded, and the TrimBox is the
    spread they make. By default the sheet is the spread.
    The output is a function of the input alone (no timestamps, /ID from
    a hash of the input), so rebuilding an unchanged leaflet changes no bytes.
    """
    if flip not in FLIPS:
        raise ValueError(f"flip must be one of {', '.join(FLIPS)}, got {flip!r}")
    reader = PdfReader(io.BytesIO(pdf))
    order = sheet_order(len(reader.pages), right_to_left)
    trims = [_trim_box(page, number) for number, page in enumerate(reader.pages, start=1)]
    width, height = _common_size(trims)
    paper = _sheet(sheet, (width, height))

    writer = PdfWriter()
    forms = [_page_form(writer, page, trim) for page, trim in zip(reader.pages, trims, strict=True)]
    for side, (left, right) in enumerate(order):
        upside_down = flip == "long-edge" and side % 2 == 1
        _add_sheet(writer, forms, trims, (left, right), (width, height), paper, upside_down)

    _copy_document_info(reader, writer)
    # pypdf writes no /ID unless asked, and random ones when asked; a hash of what
    # was imposed is stable across rebuilds and still differs between documents.
    imposed = pdf + flip.encode() + (b"R2L" if right_to_left else b"") + repr(paper).encode()
    file_id = ByteStringObject(hashlib.sha256(imposed).digest()[:16])
    writer._ID = ArrayObject([file_id, file_id])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _trim_box(page: PageObject, number: int) -> RectangleObject:
    """The finished page: TrimBox where the producer set one, else the MediaBox.

    pypdf's `page.trimbox` falls back to the CropBox, which is a viewer setting, not
    the size of the paper after cutting. Rotated pages are refused rather than
    guessed at: the leaflet builder never writes /Rotate.
    """
    if page.rotation % 360:
        raise ValueError(
            f"page {number} has /Rotate {page.rotation}; booklet imposition expects upright pages"
        )
    box: RectangleObject = page.trimbox if "/TrimBox" in page else page.mediabox
    return box


def _common_size(trims: Sequence[RectangleObject]) -> tuple[float, float]:
    width, height = float(trims[0].width), float(trims[0].height)
    for number, trim in enumerate(trims, start=1):
        if (
            abs(float(trim.width) - width) > SIZE_TOLERANCE
            or abs(float(trim.height) - height) > SIZE_TOLERANCE
        ):
            raise ValueError(
                f"page {number} is {float(trim.width):.1f}×{float(trim.height):.1f} pt but "
                f"page 1 is {width:.1f}×{height:.1f} pt; a booklet needs one page size"
            )
    return width, height


def _sheet(sheet: tuple[float, float] | None, page: tuple[float, float]) -> tuple[float, float]:
    """The sheet's width and height: ``sheet``, which must hold two pages side by side,
    or the spread of two pages."""
    spread = (2 * page[0], page[1])
    if sheet is None:
        return spread
    if sheet[0] < spread[0] - SIZE_TOLERANCE or sheet[1] < spread[1] - SIZE_TOLERANCE:
        raise ValueError(
            f"a sheet of {sheet[0]:.1f}×{sheet[1]:.1f} pt cannot hold two pages of "
            f"{page[0]:.1f}×{page[1]:.1f} pt side by side"
        )
    return sheet


def _page_form(writer: PdfWriter, page: PageObject, trim: RectangleObject) -> IndirectObject:
    """The page's content as a Form XObject clipped to ``trim``, added to ``writer``."""
    contents = page.get("/Contents")
    streams = [] if contents is None else contents.get_object()
    if isinstance(streams, StreamObject):
        streams = [streams]
    # Streams of one page may split anywhere between operators; a newline keeps
    # the last operator of one from running into the first of the next.
    data = b"\n".join(stream.get_object().get_data() for stream in streams)

    form = DecodedStreamObject()
    form.set_data(data)
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(
        FloatObject(v) for v in (trim.left, trim.bottom, trim.right, trim.top)
    )
    resources = page.get("/Resources")
    form[NameObject("/Resources")] = (
        resources.clone(writer) if resources is not None else DictionaryObject()
    )
    if "/Group" in page:  # transparency group: blending must stay as on the page
        form[NameObject("/Group")] = page["/Group"].clone(writer)
    return writer._add_object(form.flate_encode())


def _add_sheet(
    writer: PdfWriter,
    forms: Sequence[IndirectObject],
    trims: Sequence[RectangleObject],
    pair: tuple[int, int],
    page_size: tuple[float, float],
    paper: tuple[float, float],
    upside_down: bool,
) -> None:
    """Append one sheet side showing ``pair`` (1-based: left, right), the two pages
    meeting in the middle of a sheet of ``paper``."""
    width, height = page_size
    sheet_width, sheet_height = paper
    # A page as tall as the sheet but for the writer's rounding starts at its edge.
    x0, y0 = (
        max(0.0, round(room / 2, 4)) for room in (sheet_width - 2 * width, sheet_height - height)
    )
    sheet = writer.add_blank_page(sheet_width, sheet_height)
    # Within the sheet, exactly: an A5 page as ReportLab writes it (595.2756 pt tall) is
    # a hundred-thousandth of a point taller than the A4 sheet (595.275591 pt), and a
    # TrimBox past the MediaBox by any amount fails a strict preflight.
    spread = (x0, y0, min(sheet_width, x0 + 2 * width), min(sheet_height, y0 + height))
    sheet[NameObject("/TrimBox")] = RectangleObject(spread)
    if x0 or y0:  # the paper round the spread is cut off, and is no bleed
        sheet[NameObject("/BleedBox")] = RectangleObject(spread)

    ops = [b"q"]
    if upside_down:
        ops.append(f"-1 0 0 -1 {_num(sheet_width)} {_num(sheet_height)} cm".encode())
    xobjects = DictionaryObject()
    for slot, number in enumerate(pair):
        trim = trims[number - 1]
        name = f"/P{number}"
        xobjects[NameObject(name)] = forms[number - 1]
        dx = x0 + slot * width - float(trim.left)
        dy = y0 - float(trim.bottom)
        # The explicit clip repeats the form's /BBox on purpose: some RIPs have
        # ignored /BBox, and a stray bleed over the fold is visible on every copy.
        ops.append(
            f"q {_num(x0 + slot * width)} {_num(y0)} {_num(width)} {_num(height)} re W n "
            f"1 0 0 1 {_num(dx)} {_num(dy)} cm {name} Do Q".encode()
        )
    ops.append(b"Q")

    content = DecodedStreamObject()
    content.set_data(b"\n".join(ops))
    sheet[NameObject("/Contents")] = writer._add_object(content.flate_encode())
    sheet[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})


#: Decimals of a sheet's positions: a ten-thousandth of a point, without float noise,
#: so equal geometry writes equal bytes (as written since booklets were first made).
SHEET_PLACES = 4


def _num(value: float) -> str:
    """A position on the sheet as a PDF number, spelled by the one place that spells
    content-stream numbers (`pdf_numbers.decimals`)."""
    return decimals(value, SHEET_PLACES)


def _copy_document_info(reader: PdfReader, writer: PdfWriter) -> None:
    """Title, author, dates and language of the leaflet carry over to the booklet.

    Only text entries of /Info are copied: `add_metadata` would turn a name such as
    ``/Trapped /False`` into the string "/False", which is invalid; without it the
    booklet's trapping is "unknown", which is what it honestly is.
    """
    info = {key: value.get_object() for key, value in (reader.metadata or {}).items()}
    writer.add_metadata(
        {key: value for key, value in info.items() if isinstance(value, TextStringObject)}
    )
    catalog = reader.root_object
    for key in ("/Lang", "/Metadata", "/ViewerPreferences"):
        if key in catalog:
            writer.root_object[NameObject(key)] = catalog[key].clone(writer)
