"""A PNG's cICP chunk: the colours it states by coding-independent code points.

PNG 3rd edition lets a file state its colours as video does (ITU-T H.273): a code for
its primaries, one for its transfer function, a matrix (0, RGB, for every PNG) and
whether it spans the full range of its samples. Browsers read it before any iCCP, sRGB,
gAMA or cHRM chunk (PNG 3rd ed., 4.3). Pillow ignores it, so a Display P3 screenshot
printed as if it were sRGB (its reds and greens dull) and an HDR picture (PQ or HLG)
printed grey and flat, where the reviewer saw it bright.

A picture whose code points describe a display the build can convert from exactly is
converted (`theme/png_chunks.py` makes its profile); any other is refused where the
leaflet names it (`content/loader.py`): no SDR print can show an HDR picture as a
viewer shows it on an HDR screen, and a guess would print wrong colours silently.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Primaries by H.273 code: white x, y, then red, green and blue x, y.
PRIMARIES: dict[int, tuple[float, ...]] = {
    1: (0.3127, 0.3290, 0.64, 0.33, 0.30, 0.60, 0.15, 0.06),  # BT.709, sRGB's
    9: (0.3127, 0.3290, 0.708, 0.292, 0.170, 0.797, 0.131, 0.046),  # BT.2020
    12: (0.3127, 0.3290, 0.680, 0.320, 0.265, 0.690, 0.150, 0.060),  # P3-D65, Display P3
}
#: Transfer functions read, by H.273 code: the exponent from light to sample (as a
#: gAMA states it), or "srgb" for IEC 61966-2-1's curve.
TRANSFERS: dict[int, float | str] = {4: 1 / 2.2, 5: 1 / 2.8, 8: 1.0, 13: "srgb"}
#: High dynamic range transfers, which no print shows as an HDR screen does.
HDR_TRANSFERS = {16: "PQ transfer (SMPTE ST 2084)", 18: "HLG transfer (ARIB STD-B67)"}


@dataclass(frozen=True)
class CodePoints:
    """The four bytes of a cICP chunk."""

    primaries: int
    transfer: int
    matrix: int
    full_range: int

    def refusal(self) -> str | None:
        """Why the picture cannot print as a viewer shows it, or None if it can."""
        if self.transfer in HDR_TRANSFERS:
            return (
                "it is a high dynamic range picture: its cICP chunk states the "
                f"{HDR_TRANSFERS[self.transfer]}, which no print shows as an HDR screen does"
            )
        if self.matrix != 0 or self.full_range != 1:
            return (
                f"its cICP chunk states video-coded samples (matrix {self.matrix}, "
                f"full range {self.full_range}), which a PNG may not hold"
            )
        if self.primaries not in PRIMARIES or self.transfer not in TRANSFERS:
            return (
                f"its cICP chunk states colours this build cannot convert (primaries "
                f"{self.primaries}, transfer {self.transfer})"
            )
        return None


def read_cicp(path: Path) -> CodePoints | None:
    """The code points of the PNG at ``path``, None for a file that is not a PNG or
    states none. Only the chunks before the pixels are read: cICP must precede them."""
    with path.open("rb") as file:
        if file.read(8) != PNG_SIGNATURE:
            return None
        while len(head := file.read(8)) == 8:
            length, kind = struct.unpack(">I4s", head)
            if kind in (b"IDAT", b"IEND"):
                return None
            if kind == b"cICP" and length == 4:
                data = file.read(4)
                return CodePoints(*data) if len(data) == 4 else None
            file.seek(length + 4, 1)  # the data and its CRC
    return None
