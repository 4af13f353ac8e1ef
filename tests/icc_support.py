"""A minimal ICC v2 CMYK output profile, made for tests: no press profile may be shipped.

It is a real profile, as small as ICC.1:2001-04 allows for an output device: header,
description, copyright, white point, the three A2B/B2A lookup tables (one shared
8-bit table each, on a 2-point grid) and the gamut table. LittleCMS opens it, so it is
what `theme/icc.py` must accept, and the header fields are the ones it checks.
"""

from __future__ import annotations

import struct
from itertools import product

D50 = (0.9642, 1.0, 0.8249)


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _lut8(inputs: int, outputs: int, clut: bytes) -> bytes:
    identity = bytes(range(256))
    matrix = b"".join(_s15(1.0 if i % 4 == 0 else 0.0) for i in range(9))
    return (
        b"mft1"
        + bytes(4)
        + bytes([inputs, outputs, 2, 0])
        + matrix
        + identity * inputs
        + clut
        + identity * outputs
    )


def _desc(text: str) -> bytes:
    ascii_text = text.encode("ascii") + b"\0"
    return (
        b"desc"
        + bytes(4)
        + struct.pack(">I", len(ascii_text))
        + ascii_text
        + struct.pack(">II", 0, 0)  # no Unicode description
        + struct.pack(">HB", 0, 0)
        + bytes(67)  # no ScriptCode description
    )


def cmyk_profile(
    device_class: bytes = b"prtr", colour_space: bytes = b"CMYK", description: str = "Test CMYK"
) -> bytes:
    """The profile's bytes; other classes or colour spaces make the profiles to refuse."""
    # CMYK → Lab: lighter the less ink (L in 0..255), neutral a and b.
    a2b = b"".join(
        bytes([max(0, 255 - 60 * sum(ink)), 128, 128]) for ink in product((0, 1), repeat=4)
    )
    # Lab → CMYK: black from lightness, no colour.
    b2a = b"".join(bytes([0, 0, 0, 255 - 255 * lab[0]]) for lab in product((0, 1), repeat=3))
    gamut = bytes(8)  # every colour is in gamut
    white = b"XYZ " + bytes(4) + b"".join(_s15(v) for v in D50)
    tables = [
        (b"desc", _desc(description)),
        (b"cprt", b"text" + bytes(4) + b"No copyright, test data\0"),
        (b"wtpt", white),
        (b"A2B0", _lut8(4, 3, a2b)),
        (b"A2B1", _lut8(4, 3, a2b)),
        (b"A2B2", _lut8(4, 3, a2b)),
        (b"B2A0", _lut8(3, 4, b2a)),
        (b"B2A1", _lut8(3, 4, b2a)),
        (b"B2A2", _lut8(3, 4, b2a)),
        (b"gamt", _lut8(3, 1, gamut)),
    ]
    return _assemble(tables, device_class, colour_space, b"Lab ")


#: Colorants (D50) and tone curve of two wide-gamut RGB spaces a photo may be tagged with:
#: Adobe RGB (1998), and Display P3 (an iPhone's photos), its sRGB-like curve taken as
#: gamma 2.2 for brevity.
ADOBE_RGB = ((0.6097, 0.3111, 0.0195), (0.2053, 0.6257, 0.0609), (0.1492, 0.0632, 0.7446))
DISPLAY_P3 = ((0.5151, 0.2412, -0.0011), (0.2920, 0.6922, 0.0419), (0.1571, 0.0666, 0.7841))
WIDE_GAMUTS = {"adobe-rgb": (ADOBE_RGB, 563 / 256), "display-p3": (DISPLAY_P3, 2.2)}


def rgb_profile(name: str) -> bytes:
    """A matrix/TRC RGB display profile (ICC v2) of one of `WIDE_GAMUTS`, as a camera
    or phone embeds it in a photo."""
    colorants, gamma = WIDE_GAMUTS[name]

    def xyz(values: tuple[float, ...]) -> bytes:
        return b"XYZ " + bytes(4) + b"".join(_s15(v) for v in values)

    curve = b"curv" + bytes(4) + struct.pack(">IH", 1, round(gamma * 256))
    tables = [
        (b"desc", _desc(name)),
        (b"cprt", b"text" + bytes(4) + b"No copyright, test data\0"),
        (b"wtpt", xyz(D50)),
        *((tag, xyz(c)) for tag, c in zip((b"rXYZ", b"gXYZ", b"bXYZ"), colorants, strict=True)),
        *((tag, curve) for tag in (b"rTRC", b"gTRC", b"bTRC")),
    ]
    return _assemble(tables, b"mntr", b"RGB ", b"XYZ ")


def _assemble(tables: list[tuple[bytes, bytes]], device_class: bytes, colour_space: bytes,
              connection: bytes) -> bytes:  # fmt: skip
    """A profile of ``tables`` (signature, data) behind its header and tag directory."""
    directory_size = 4 + 12 * len(tables)
    offset = 128 + directory_size
    directory = struct.pack(">I", len(tables))
    body = b""
    for signature, data in tables:
        data += bytes(-len(data) % 4)
        directory += signature + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = 128 + directory_size + len(body)
    header = (
        struct.pack(">I", size)
        + b"lcms"
        + bytes([2, 0x10, 0, 0])  # version 2.1
        + device_class
        + colour_space
        + connection
        + struct.pack(">6H", 2026, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"APPL"
        + bytes(4)  # flags
        + bytes(8)  # manufacturer, model
        + bytes(8)  # attributes
        + struct.pack(">I", 0)  # perceptual
        + b"".join(_s15(v) for v in D50)
        + b"test"
        + bytes(44)
    )
    assert len(header) == 128
    return header + directory + body
