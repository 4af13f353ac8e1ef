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


def _lut8(inputs: int, outputs: int, clut: bytes, points: int = 2) -> bytes:
    identity = bytes(range(256))
    matrix = b"".join(_s15(1.0 if i % 4 == 0 else 0.0) for i in range(9))
    return (
        b"mft1"
        + bytes(4)
        + bytes([inputs, outputs, points, 0])
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
    return _output_profile(a2b, b2a, description, device_class, colour_space)


def _output_profile(
    a2b: bytes,
    b2a: bytes,
    description: str,
    device_class: bytes,
    colour_space: bytes,
    b2a_points: int = 2,
) -> bytes:
    """An output profile of the lookup tables ``a2b`` (CMYK → Lab, on a 2-point grid)
    and ``b2a`` (on a grid of ``b2a_points``)."""
    gamut = bytes(8)  # every colour is in gamut
    white = b"XYZ " + bytes(4) + b"".join(_s15(v) for v in D50)
    tables = [
        (b"desc", _desc(description)),
        (b"cprt", b"text" + bytes(4) + b"No copyright, test data\0"),
        (b"wtpt", white),
        (b"A2B0", _lut8(4, 3, a2b)),
        (b"A2B1", _lut8(4, 3, a2b)),
        (b"A2B2", _lut8(4, 3, a2b)),
        (b"B2A0", _lut8(3, 4, b2a, b2a_points)),
        (b"B2A1", _lut8(3, 4, b2a, b2a_points)),
        (b"B2A2", _lut8(3, 4, b2a, b2a_points)),
        (b"gamt", _lut8(3, 1, gamut)),
    ]
    return _assemble(tables, device_class, colour_space, b"Lab ")


#: Each process ink's share of red, green and blue light it lets through (linear), and
#: black's: a rough coated-offset press, enough for a profile whose colours are not the
#: naive rule's (cyan C100 is a mid blue-green, not #00ffff).
PROCESS_INKS = ((0.05, 0.45, 0.85), (0.85, 0.1, 0.45), (0.95, 0.85, 0.05), (0.03, 0.03, 0.03))
#: Linear sRGB → XYZ (D50, Bradford-adapted), IEC 61966-2.1 as the ICC publishes it.
SRGB_TO_XYZ_D50 = (
    (0.4360747, 0.3850649, 0.1430804),
    (0.2225045, 0.7168786, 0.0606169),
    (0.0139322, 0.0971045, 0.7141733),
)


def _lab8(linear_rgb: tuple[float, ...]) -> bytes:
    """CIE L*a*b* (D50) of a linear sRGB colour, in the 8-bit encoding of an 'mft1'."""
    x, y, z = (sum(m * c for m, c in zip(row, linear_rgb, strict=True)) for row in SRGB_TO_XYZ_D50)

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x / D50[0]), f(y / D50[1]), f(z / D50[2])
    lab = (116 * fy - 16) * 255 / 100, 500 * (fx - fy) + 128, 200 * (fy - fz) + 128
    return bytes(max(0, min(255, round(v))) for v in lab)


def coated_cmyk_profile(description: str = "Test coated press") -> bytes:
    """A CMYK output profile of another press than `cmyk_profile`'s, and of colour: its
    inks (`PROCESS_INKS`) filter light as a press's do, so cyan is a blue-green, as a
    picture separated for a real press (a "U.S. Web Coated (SWOP)" file) is tagged; and
    it separates colours into colour inks, so a press of it prints what a green is."""

    def corner(inks: tuple[int, ...]) -> bytes:
        light = [1.0, 1.0, 1.0]
        for used, filters in zip(inks, PROCESS_INKS, strict=True):
            light = [v * (f if used else 1.0) for v, f in zip(light, filters, strict=True)]
        return _lab8(tuple(light))

    def separation(lab: tuple[int, ...]) -> bytes:
        """Inks of a Lab grid point (each 0, ½, 1 of its range): black from lightness,
        cyan and yellow for green, magenta and yellow for red, cyan and magenta for blue."""
        lightness, a, b = lab[0] / 2, lab[1] - 1, lab[2] - 1
        inks = (max(0, -a) + max(0, -b), max(0, a) + max(0, -b), max(0, b) + max(0, -a))
        return bytes(min(255, 255 * ink) for ink in inks) + bytes([round(255 * (1 - lightness))])

    a2b = b"".join(corner(inks) for inks in product((0, 1), repeat=4))
    b2a = b"".join(separation(lab) for lab in product((0, 1, 2), repeat=3))
    return _output_profile(a2b, b2a, description, b"prtr", b"CMYK", b2a_points=3)


def grey_profile(gamma: float) -> bytes:
    """A grey profile (ICC v2) of one tone curve, as a scanner or an image editor embeds
    it in a greyscale picture: gamma 1.0 ("linear grey", light as measured) or 2.2."""
    curve = b"curv" + bytes(4) + struct.pack(">IH", 1, round(gamma * 256))
    tables = [
        (b"desc", _desc(f"Grey gamma {gamma}")),
        (b"cprt", b"text" + bytes(4) + b"No copyright, test data\0"),
        (b"wtpt", b"XYZ " + bytes(4) + b"".join(_s15(v) for v in D50)),
        (b"kTRC", curve),
    ]
    return _assemble(tables, b"mntr", b"GRAY", b"XYZ ")


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
