"""The most total ink a CMYK picture inside a PDF holds, for `preflight`: by the rule
the build judges a picture it prints as filed (`theme.colours.most_ink`, LAYOUT006), the
largest sum of cyan, magenta, yellow and black over its pixels. A picture over the
press's limit smears and will not dry where it is darkest, however small that part is.
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Name
from PIL import Image, ImageChops

from ..theme.colours import most_ink

#: Decoded bytes of one picture read for its ink (a 12-megapixel CMYK photo holds 48 MB);
#: a larger one is not read, as a print shop's tool gives up on a bomb.
MAX_IMAGE_BYTES = 256_000_000  # 64 megapixels
#: Filters qpdf undoes for any reader, within `decoded_size_within`'s bounds.
PLAIN_FILTERS = {"", "/FlateDecode", "/ASCII85Decode", "/ASCIIHexDecode", "/LZWDecode",
                 "/RunLengthDecode"}  # fmt: skip
INVERTED = [1, 0] * 4  # a /Decode that reads each ink the other way round
STRAIGHT = [0, 1] * 4


def pdf_image_ink(image: pikepdf.Stream) -> float | None:
    """`most_ink` of a PDF image XObject in DeviceCMYK (or an ICC-based space of four
    inks), 8 bits an ink, Flate-compressed or a JPEG; None for any other picture, or one
    too large or too damaged to read. Its /Decode is obeyed: a CMYK JPEG is commonly
    stored with its inks inverted (Adobe's way) and read back by ``/Decode [1 0 …]``."""
    try:
        width, height = int(image.Width), int(image.Height)
        if not _four_inks(image.get("/ColorSpace")) or int(image.get("/BitsPerComponent", 8)) != 8:
            return None
        decode = [float(v) for v in image.get("/Decode", STRAIGHT)]
        if decode not in (STRAIGHT, INVERTED) or not 0 < width * height * 4 <= MAX_IMAGE_BYTES:
            return None
        filters = image.get("/Filter")
        names = [str(f) for f in filters] if isinstance(filters, Array) else [str(filters or "")]
        if names[-1:] == ["/DCTDecode"]:  # ReportLab wraps its JPEGs in ASCII85
            from .content_scan import undo_filters

            data = undo_filters(image.read_raw_bytes(), names[:-1], MAX_IMAGE_BYTES)
            picture = None if data is None else _jpeg(data, width, height)
        elif set(names) <= PLAIN_FILTERS:
            from .content_scan import decoded_size_within

            if decoded_size_within(image, MAX_IMAGE_BYTES) is None:
                return None
            data = image.read_bytes()
            if len(data) < width * height * 4:
                return None
            picture = Image.frombytes("CMYK", (width, height), data[: width * height * 4])
        else:
            return None
    except (pikepdf.PdfError, OSError, ValueError, TypeError, Image.DecompressionBombError):
        return None
    if picture is None:
        return None
    return most_ink(ImageChops.invert(picture) if decode == INVERTED else picture)


def _jpeg(data: bytes, width: int, height: int) -> Image.Image | None:
    """A CMYK JPEG's samples as the PDF reads them before /Decode: as stored. Pillow
    inverts a JPEG with Adobe's marker as it reads it (Photoshop stores inverted inks),
    so that is undone."""
    picture = Image.open(io.BytesIO(data))
    if picture.mode != "CMYK" or picture.size != (width, height):
        return None
    picture.load()
    return ImageChops.invert(picture) if "adobe" in picture.info else picture


def _four_inks(space: object) -> bool:
    """DeviceCMYK, or an ICC-based space of four components (a press's profile)."""
    if space == Name.DeviceCMYK:
        return True
    if isinstance(space, Array) and len(space) == 2 and space[0] == Name.ICCBased:
        profile = space[1]
        return isinstance(profile, pikepdf.Stream) and int(profile.get("/N", 0)) == 4
    return False
