"""The colours a PNG states in its gAMA and cHRM chunks, as an ICC profile.

A PNG need not embed a profile to say what its samples mean: gAMA gives the exponent
they were encoded with (1.0 from scientific and medical software: linear light), cHRM
the chromaticities of its white and primaries. Browsers (Chrome, Firefox) show a PNG
by them when it has neither an sRGB nor an iCCP chunk, which take precedence (PNG 3rd
ed., 11.3.2). A linear PNG read as sRGB printed its mid grey 128 as 128, where every
browser shows about 188: the clinician approved a lighter picture than printed.

So the chunks are turned into the profile they describe, a minimal ICC v2 matrix/TRC
profile (a grey one for a grey picture: primaries mean nothing to it), and the picture
goes through the path every tagged picture takes (`layout/images.py`, `theme/icc.py`).
LittleCMS cannot make an RGB profile from primaries through Pillow, hence the bytes
here. The profile is made the same way every time, so the build stays byte-identical.

A gAMA of 1/2.2 (45455) with no cHRM, or with sRGB's, is what most tools write for a
file they mean as sRGB, and browsers in practice show it as sRGB: it is left as it is,
not converted by a pure 2.2 power (which would darken its shadows by up to 8 levels).
"""

from __future__ import annotations

import struct
from collections.abc import Mapping, Sequence
from typing import Any

from ..content.cicp import PRIMARIES, TRANSFERS, CodePoints
from .icc import FIXED_DATE

Matrix = tuple[tuple[float, ...], ...]  # 3 × 3, by rows

#: The PCS white of every ICC profile (D50), and Bradford's cone response matrix, by
#: which ICC profiles adapt a colorant from their own white to it (ICC.1 Annex E).
D50 = (0.9642, 1.0, 0.8249)
BRADFORD: Matrix = (
    (0.8951, 0.2664, -0.1614),
    (-0.7502, 1.7135, 0.0367),
    (0.0389, -0.0685, 1.0296),
)
#: sRGB's white and primaries (IEC 61966-2.1) as a cHRM holds them: white x, y, then
#: red, green and blue.
SRGB_CHROMATICITIES = (0.3127, 0.3290, 0.64, 0.33, 0.30, 0.60, 0.15, 0.06)
#: The gAMA most tools write for an sRGB-ish file (1/2.2, as PNG holds it, 45455).
SRGB_GAMMA = 1 / 2.2
#: How far a chunk may be from sRGB's values and still say sRGB: a unit or two of the
#: 100,000ths they are written in (45454, 45455 and 45456 are all 1/2.2 rounded).
SRGB_GAMMA_TOLERANCE = 2e-5
SRGB_CHROMATICITY_TOLERANCE = 1e-3
#: The gAMA values read (the exponent from light to sample): outside them is 0, which
#: the PNG specification forbids, or a value no picture is encoded with: a broken
#: chunk, which would print the picture all but black or white.
GAMMA_RANGE = (0.1, 10.0)


def chunk_profile(info: Mapping[Any, object], grey: bool) -> bytes | None:
    """The ICC profile of what a PNG's chunks state, as Pillow gives them in ``info``
    (``gamma``, ``chromaticity``, ``srgb``, ``icc_profile``, and ``cicp``, which
    `layout/images.py` adds: Pillow does not read it); a grey profile for a ``grey``
    picture. None where the picture is read as sRGB, as before: it states sRGB (an
    sRGB chunk, or a gAMA of 1/2.2 with no other primaries), embeds a profile of its
    own (read instead), or states no gamma that can be read (without it, cHRM says
    nothing of how light its samples are). A cICP chunk overrules them all, as in a
    browser (`cicp_profile`)."""
    points = info.get("cicp")
    if isinstance(points, CodePoints):
        return cicp_profile(points, grey)
    if "srgb" in info or isinstance(info.get("icc_profile"), bytes):
        return None
    gamma = info.get("gamma")
    if not isinstance(gamma, int | float) or not GAMMA_RANGE[0] <= gamma <= GAMMA_RANGE[1]:
        return None
    if grey:
        return None if _near(gamma, SRGB_GAMMA, SRGB_GAMMA_TOLERANCE) else _grey_profile(gamma)
    primaries = _primaries(info.get("chromaticity"))
    if primaries is None and _near(gamma, SRGB_GAMMA, SRGB_GAMMA_TOLERANCE):
        return None
    return _rgb_profile(_curve(gamma), primaries or _srgb_to_xyz(), "PNG gAMA and cHRM")


def cicp_profile(points: CodePoints, grey: bool) -> bytes | None:
    """The profile of the display a cICP chunk's code points name, None for sRGB's
    (BT.709 primaries, sRGB's curve: drawn as filed). The loader has refused any it
    cannot state (`CodePoints.refusal`); a grey picture reads the transfer alone."""
    if points.refusal() is not None:
        raise ValueError(f"cICP code points the loader refuses: {points}")
    transfer = TRANSFERS[points.transfer]
    if grey:
        return None if transfer == "srgb" else _grey_profile(float(transfer))
    if transfer == "srgb" and points.primaries == 1:
        return None
    curve = _srgb_curve() if transfer == "srgb" else _curve(float(transfer))
    to_xyz = _rgb_to_xyz(PRIMARIES[points.primaries])
    assert to_xyz is not None  # the table's primaries are all real colours
    return _rgb_profile(curve, to_xyz, "PNG cICP")


def _near(value: float, target: float, tolerance: float) -> bool:
    return abs(value - target) <= tolerance


def _primaries(chromaticity: object) -> Matrix | None:
    """The matrix from the file's linear RGB to XYZ its cHRM states, or None where it
    states sRGB's, none, or a broken one (a coordinate outside 0–1, or a white outside
    its primaries' triangle), which libpng too reports as invalid and ignores."""
    if not isinstance(chromaticity, Sequence) or len(chromaticity) != 8:
        return None
    values = [float(v) for v in chromaticity if isinstance(v, int | float)]
    if len(values) != 8 or any(not 0 <= v <= 1 for v in values):
        return None
    if all(
        _near(v, s, SRGB_CHROMATICITY_TOLERANCE)
        for v, s in zip(values, SRGB_CHROMATICITIES, strict=True)
    ):
        return None
    return _rgb_to_xyz(tuple(values))


def _srgb_to_xyz() -> Matrix:
    """sRGB's primaries, for a picture that states a gamma and no primaries of its own."""
    matrix = _rgb_to_xyz(SRGB_CHROMATICITIES)
    assert matrix is not None
    return matrix


def _rgb_to_xyz(chromaticities: Sequence[float]) -> Matrix | None:
    """Linear RGB of these primaries → XYZ (its white's Y is 1), the standard
    derivation (SMPTE RP 177): each primary's XYZ scaled so the three sum to white."""
    xy = [chromaticities[i : i + 2] for i in range(0, 8, 2)]
    if any(y <= 0 or x + y > 1 for x, y in xy):
        return None
    white, *columns = ((x / y, 1.0, (1 - x - y) / y) for x, y in xy)
    primaries: Matrix = tuple(tuple(c[row] for c in columns) for row in range(3))
    scale = _solve(primaries, white)
    if scale is None or min(scale) <= 0:
        return None
    return tuple(tuple(v * s for v, s in zip(row, scale, strict=True)) for row in primaries)


def _determinant(m: Matrix) -> float:
    return (
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    )


def _solve(m: Matrix, v: Sequence[float]) -> tuple[float, float, float] | None:
    """``x`` with ``m`` · x = ``v`` (Cramer's rule), None when ``m`` is singular."""
    whole = _determinant(m)
    if abs(whole) < 1e-12:
        return None

    def replaced(i: int) -> Matrix:
        return tuple(tuple(v[r] if c == i else m[r][c] for c in range(3)) for r in range(3))

    x, y, z = (_determinant(replaced(i)) / whole for i in range(3))
    return x, y, z


def _times(m: Matrix, v: Sequence[float]) -> tuple[float, float, float]:
    x, y, z = (sum(a * b for a, b in zip(row, v, strict=True)) for row in m)
    return x, y, z


def _adapted_to_d50(to_xyz: Matrix) -> Matrix:
    """The colorants of ``to_xyz`` adapted from its white to D50 by Bradford, as an ICC
    profile records them: so its white is the PCS white and shows as paper, as a
    browser shows a file's white as the screen's (relative colorimetric)."""
    white = _times(to_xyz, (1.0, 1.0, 1.0))
    gain = [d / s for d, s in zip(_times(BRADFORD, D50), _times(BRADFORD, white), strict=True)]
    columns = []
    for i in range(3):
        cone = _times(BRADFORD, [row[i] for row in to_xyz])
        adapted = _solve(BRADFORD, [c * g for c, g in zip(cone, gain, strict=True)])
        assert adapted is not None  # Bradford's matrix is invertible
        columns.append(adapted)
    return tuple(tuple(c[row] for c in columns) for row in range(3))


def _rgb_profile(curve: bytes, to_xyz: Matrix, description: str) -> bytes:
    """A matrix/TRC RGB display profile: one tone curve for the three channels."""
    adapted = _adapted_to_d50(to_xyz)
    colorants = ((b"rXYZ", 0), (b"gXYZ", 1), (b"bXYZ", 2))
    return _assemble(
        b"RGB ",
        [
            *_common_tags(description),
            *((tag, _xyz(tuple(row[i] for row in adapted))) for tag, i in colorants),
            *((tag, curve) for tag in (b"rTRC", b"gTRC", b"bTRC")),
        ],
    )


def _grey_profile(gamma: float) -> bytes:
    """A grey display profile of one tone curve."""
    return _assemble(b"GRAY", [*_common_tags("PNG gAMA"), (b"kTRC", _curve(gamma))])


def _curve(gamma: float) -> bytes:
    """The ICC tone curve from sample to light: gAMA is the exponent from light to
    sample, so its inverse, in u8Fixed8 (within 1/512 of it, a fraction of a level)."""
    return b"curv" + bytes(4) + struct.pack(">IH", 1, round(256 / gamma))


#: Entries of the sampled sRGB tone curve (`_srgb_curve`): linear between them, the
#: curve is within a tenth of a level of 255 of IEC 61966-2-1's.
SRGB_CURVE_ENTRIES = 1024


def _srgb_curve() -> bytes:
    """IEC 61966-2-1's tone curve from sample to light, sampled: an ICC v2 profile has
    no parametric curve, and sRGB's is no power."""

    def light(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    last = SRGB_CURVE_ENTRIES - 1
    table = [round(65535 * light(i / last)) for i in range(SRGB_CURVE_ENTRIES)]
    return b"curv" + bytes(4) + struct.pack(f">I{SRGB_CURVE_ENTRIES}H", SRGB_CURVE_ENTRIES, *table)


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(values: Sequence[float]) -> bytes:
    return b"XYZ " + bytes(4) + b"".join(_s15(v) for v in values)


def _common_tags(description: str) -> list[tuple[bytes, bytes]]:
    """The tags ICC v2 asks of every display profile besides its colours."""
    text = description.encode("ascii") + b"\0"
    desc = (
        b"desc" + bytes(4) + struct.pack(">I", len(text)) + text
        + struct.pack(">IIHB", 0, 0, 0, 0) + bytes(67)  # no Unicode, no ScriptCode text
    )  # fmt: skip
    return [
        (b"desc", desc),
        (b"cprt", b"text" + bytes(4) + b"No copyright, use freely\0"),
        (b"wtpt", _xyz(D50)),
    ]


def _assemble(colour_space: bytes, tags: list[tuple[bytes, bytes]]) -> bytes:
    """A display profile (ICC v2.1, PCS XYZ) of ``tags`` behind its header and tag
    table; tags of equal data (the three tone curves) share it, as profiles do."""
    table_size = 4 + 12 * len(tags)
    table, body, placed = struct.pack(">I", len(tags)), b"", dict[bytes, int]()
    for signature, data in tags:
        if data not in placed:
            placed[data] = 128 + table_size + len(body)
            body += data + bytes(-len(data) % 4)
        table += signature + struct.pack(">II", placed[data], len(data))
    header = (
        struct.pack(">I", 128 + table_size + len(body))
        + bytes(4)  # no preferred CMM
        + bytes([2, 0x10, 0, 0])  # version 2.1
        + b"mntr" + colour_space + b"XYZ "
        + FIXED_DATE
        + b"acsp" + bytes(4 + 4 + 8 + 8)  # platform, flags, device, attributes
        + struct.pack(">I", 0)  # perceptual
        + b"".join(_s15(v) for v in D50)
        + bytes(4 + 16 + 28)  # creator, profile ID (not computed), reserved
    )  # fmt: skip
    assert len(header) == 128
    return header + table + body
