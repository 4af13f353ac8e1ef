"""Read a QR code back from a rendered page, as a phone's camera would see it. No tests.

No QR decoder is in the lock (zxing-cpp and pyzbar are not), so the code is read
geometrically: found in pypdfium2's rendering, its module grid sampled at each module's
centre and compared with the matrix the address encodes. The same matrix, drawn with a
light quiet zone all round at a printable size, scans as that address.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from PIL import Image, ImageFilter

SCALE = 4  # pixels per point: a 0.8 mm module is about 9 pixels wide
DARK = 128
QUIET_MODULES = 4  # ISO/IEC 18004: the light margin all round a code


@dataclass(frozen=True)
class FoundCode:
    page: int  # from 0
    left: float  # points, from the page's left edge
    bottom: float  # points, from the page's foot
    size: float  # points: its side, quiet zone not included
    matches: bool  # the rendered modules are the address's matrix
    quiet: bool  # no ink within `QUIET_MODULES` modules of it


def expected_matrix(url: str) -> list[list[bool]]:
    """The module matrix of ``url`` as the leaflet encodes it (error correction M)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    code = QrCodeWidget(url, barLevel="M", barBorder=0).qr
    code.make()
    return [[bool(cell) for cell in row] for row in code.modules]


def find_code(pdf: Path, page: int, url: str) -> FoundCode | None:
    """The QR code of ``url`` on ``page``, read from its rendering; None if no code."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        height = document[page].get_height()
        image = document[page].render(scale=SCALE).to_pil().convert("L")
    finally:
        document.close()
    matrix = expected_matrix(url)
    box = _code_box(image)
    if box is None:
        return None
    left, top, right, bottom = box
    side = (right - left + bottom - top) / 2
    module = side / len(matrix)
    sampled = [
        [image.getpixel((round(left + (c + 0.5) * module), round(top + (r + 0.5) * module))) < DARK
         for c in range(len(matrix))]
        for r in range(len(matrix))
    ]  # fmt: skip
    quiet = _blank_ring(image, box, QUIET_MODULES * module)
    return FoundCode(
        page, left / SCALE, height - bottom / SCALE, side / SCALE, sampled == matrix, quiet
    )


def _code_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) pixels of the code: where solid dark areas no text
    stroke makes are (the finder patterns' 3 × 3 centres, 7 points wide), grown to the
    dark pixels next to them, up to the code's edge (2 modules from a finder's centre)."""
    step = SCALE // 2  # a coarse image of 2 pixels a point
    coarse = image.resize((image.width // step, image.height // step), Image.Resampling.BOX)
    solid = coarse.filter(ImageFilter.MaxFilter(9))  # erodes 2 points off every dark edge
    found = solid.point(lambda value: 255 if value < DARK else 0).getbbox()
    if found is None:
        return None
    reach = 8 * SCALE  # points: 2 modules and the 2 eroded, less than the quiet zone
    left, top, right, bottom = (step * edge for edge in found)
    window = (left - reach, top - reach, right + reach, bottom + reach)
    inked = image.crop(window).point(lambda value: 255 if value < DARK else 0).getbbox()
    if inked is None:
        return None
    return (window[0] + inked[0], window[1] + inked[1], window[0] + inked[2], window[1] + inked[3])


def _blank_ring(image: Image.Image, box: tuple[int, int, int, int], width: float) -> bool:
    """Whether nothing dark lies within ``width`` pixels around ``box``."""
    left, top, right, bottom = box
    margin = round(width)
    around = image.crop((left - margin, top - margin, right + margin, bottom + margin))
    inner = (margin, margin, margin + right - left, margin + bottom - top)
    around.paste(255, inner)
    return around.point(lambda value: 255 if value < DARK else 0).getbbox() is None
