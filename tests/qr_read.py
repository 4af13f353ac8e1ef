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
#: The error-correction levels a leaflet prints, the usual first (`layout/qr_symbol.py`).
LEVELS = ("M", "L")
#: Points eroded off each dark edge to leave only a finder pattern's 3 × 3 centre: 2 for
#: a 20 mm code's 2.7 pt modules (no text stroke survives), then 1 for the smallest
#: module a phone resolves (0.396 mm, 1.1 pt), whose centres 2 points would erase.
EROSIONS = (2, 1)


@dataclass(frozen=True)
class FoundCode:
    page: int  # from 0
    left: float  # points, from the page's left edge
    bottom: float  # points, from the page's foot
    size: float  # points: its side, quiet zone not included
    modules: int  # across its side
    matches: bool  # the rendered modules are the address's matrix
    quiet: bool  # no ink within `QUIET_MODULES` modules of it


def expected_matrix(url: str, level: str = "M") -> list[list[bool]]:
    """The module matrix of ``url`` at error correction ``level``."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    code = QrCodeWidget(url, barLevel=level, barBorder=0).qr
    code.make()
    return [[bool(cell) for cell in row] for row in code.modules]


def find_code(pdf: Path, page: int, url: str) -> FoundCode | None:
    """The QR code of ``url`` on ``page``, read from its rendering; None if no code. It
    matches when its modules are the address's matrix at either level a leaflet prints."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        height = document[page].get_height()
        image = document[page].render(scale=SCALE).to_pil().convert("L")
    finally:
        document.close()
    tried: FoundCode | None = None
    for erosion in EROSIONS:
        box = _code_box(image, erosion)
        if box is None:
            continue
        for level in LEVELS:
            tried = _read(image, box, expected_matrix(url, level), page, height)
            if tried.matches:
                return tried
    return tried


def _read(
    image: Image.Image,
    box: tuple[int, int, int, int],
    matrix: list[list[bool]],
    page: int,
    height: float,
) -> FoundCode:
    """The code in ``box`` sampled at each of ``matrix``'s module centres."""
    left, top, right, bottom = box
    side = (right - left + bottom - top) / 2
    module = side / len(matrix)
    if max(right - left, bottom - top) > min(right - left, bottom - top) + 2 * module:
        # Not square: a title band or a heading's strokes, not a code.
        return FoundCode(page, left / SCALE, height - bottom / SCALE, side / SCALE, len(matrix),
                         False, False)  # fmt: skip
    sampled = [
        [_dark(image, round(left + (c + 0.5) * module), round(top + (r + 0.5) * module))
         for c in range(len(matrix))]
        for r in range(len(matrix))
    ]  # fmt: skip
    quiet = _blank_ring(image, box, QUIET_MODULES * module)
    return FoundCode(
        page,
        left / SCALE,
        height - bottom / SCALE,
        side / SCALE,
        len(matrix),
        sampled == matrix,
        quiet,
    )


def _dark(image: Image.Image, x: int, y: int) -> bool:
    """Whether the grey ``image``'s pixel at (x, y) is dark."""
    value = image.getpixel((x, y))
    return isinstance(value, int) and value < DARK


def _code_box(image: Image.Image, erosion: int) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) pixels of the code: where solid dark areas no text
    stroke makes are (the finder patterns' 3 × 3 centres, 3 to 8 points wide), grown
    to the dark pixels next to them, up to the code's edge (2 modules from a finder's
    centre). ``erosion``: the points taken off every dark edge to find them."""
    step = SCALE // 2  # a coarse image of 2 pixels a point
    coarse = image.resize((image.width // step, image.height // step), Image.Resampling.BOX)
    solid = coarse.filter(ImageFilter.MaxFilter(4 * erosion + 1))
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
