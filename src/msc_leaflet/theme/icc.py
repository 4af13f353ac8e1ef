"""ICC profiles for output intents: the sRGB profile of the screen edition, and the
print shop's CMYK profile of the print edition, checked before it is embedded.

An output intent says which device the colours of a PDF were meant for. PDF/A asks
for one so that an archive can reproduce the colours decades later; PDF/X asks for the
press's profile so that the printer can check and proof against it. The sRGB profile
is LittleCMS's (as WeasyPrint's PDF/A uses, made through Pillow; "No copyright, use
freely", it says), kept as ``data/srgb.icc`` (588 bytes) because making it costs every
process 10-15 ms of importing ``PIL.ImageCms``; the tests check that it converts colours
as LittleCMS's own sRGB does. No CMYK profile is free to ship (FOGRA's and GRACoL's
may not be redistributed), so the print shop supplies one and we only check its header:
a wrong file (an RGB monitor profile, a PNG renamed .icc) would otherwise give a PDF/X
that every preflight rejects, or worse, one proofed against the wrong press.

It sits with the theme, which names the print shop's profile (``output-intent``),
because two later stages read it: the layout converts pictures with it
(`layout/images.py`) and the final pass embeds it (`finishing/conformance.py`).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from ..data import data_path
from ..errors import LeafletError, Location
from ..files import read_input
from .colours import CMYK, RGB

if TYPE_CHECKING:
    from PIL.ImageCms import ImageCmsProfile, ImageCmsTransform

HEADER_SIZE = 128  # ICC.1:2010 §7.2: every profile starts with this header
MAX_PROFILE_BYTES = 64 * 1024 * 1024  # press profiles are 0.5–8 MB; more is not a profile
COMPONENTS = {b"RGB ": 3, b"CMYK": 4, b"GRAY": 1}  # colour space signature → /N
# LittleCMS stamps the time of creation into the header (bytes 24–35): a fixed one keeps
# builds byte-identical run to run. The profile ID (84–99) is zero, "not computed", so
# no checksum covers the date.
FIXED_DATE = struct.pack(">6H", 2000, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class IccHeader:
    """What the 128-byte header says about a profile."""

    size: int  # bytes, as the header declares
    device_class: str  # 'prtr' output, 'mntr' display, 'scnr' input, …
    colour_space: str  # 'CMYK', 'RGB ', 'GRAY', …
    version: str  # e.g. "2.1", "4.4"

    @property
    def components(self) -> int | None:
        return COMPONENTS.get(self.colour_space.encode("latin-1"))


def read_header(data: bytes) -> IccHeader:
    """The header of ``data``; `ValueError` saying why it is not an ICC profile."""
    if len(data) < HEADER_SIZE:
        raise ValueError(f"{len(data)} bytes is shorter than an ICC profile's header")
    if data[36:40] != b"acsp":
        raise ValueError("it has no ICC signature ('acsp' at byte 36): not an ICC profile")
    (size,) = struct.unpack(">I", data[0:4])
    if size != len(data):
        raise ValueError(f"its header declares {size} bytes but the file has {len(data)}")
    major, minor = data[8], data[9] >> 4
    return IccHeader(
        size,
        data[12:16].decode("latin-1"),
        data[16:20].decode("latin-1"),
        f"{major}.{minor}",
    )


@dataclass(frozen=True)
class Profile:
    """A profile ready to embed: its Flate-compressed bytes (compressed once per process,
    since a press profile of several MB would otherwise be compressed for every PDF)."""

    compressed: bytes
    components: int


def cmyk_output_profile(path: Path, theme_path: Path) -> Profile:
    """The CMYK output profile at ``path`` (named by the theme at ``theme_path``),
    refused with the file and the reason if it is not one."""
    return _compress(_cmyk_output_data(path, theme_path), 4)


def press_transform(path: Path, theme_path: Path) -> ImageCmsTransform:
    """LittleCMS's transform from sRGB pictures to the press's CMYK profile at ``path``
    (checked as `cmyk_output_profile` checks it): relative colorimetric with black point
    compensation, what prepress tools convert pictures with, so white stays paper and
    black the press's darkest."""
    from PIL import ImageCms

    data = _cmyk_output_data(path, theme_path)
    try:
        return _transform(data)
    except ImageCms.PyCMSError:
        raise LeafletError(
            Location(path),
            "this CMYK profile cannot convert the pictures: its colour tables are unreadable",
            "ask the print shop for the ICC profile of their press and paper again",
        ) from None


def press_colour(path: Path, theme_path: Path) -> Callable[[RGB], CMYK]:
    """A theme's screen colour → CMYK through the press's profile at ``path``, as
    `press_transform` converts the pictures (to the nearest of 256 levels an ink, as a
    picture's pixels are), so a colour and a picture of it print alike."""
    from PIL import Image

    transform = press_transform(path, theme_path)

    def convert(colour: RGB) -> CMYK:
        pixel = Image.new("RGB", (1, 1), tuple(round(255 * v) for v in colour))
        inks = transform.apply(pixel).getpixel((0, 0))
        assert isinstance(inks, tuple)
        return CMYK(*(round(ink / 255, 4) for ink in inks))

    return convert


def _cmyk_output_data(path: Path, theme_path: Path) -> bytes:
    data = read_input(path, MAX_PROFILE_BYTES, "use the ICC profile your print shop sent")
    try:
        header = read_header(data)
    except ValueError as exc:
        raise LeafletError(
            Location(path),
            f"not an ICC profile: {exc}",
            f"output-intent in {theme_path.name} must name the .icc file your print shop sent",
        ) from None
    if header.device_class != "prtr" or header.colour_space != "CMYK":
        raise LeafletError(
            Location(path),
            f"not a CMYK output profile: its device class is {header.device_class!r} and "
            f"its colour space {header.colour_space.strip()!r} (PDF/X-4 needs 'prtr' and 'CMYK')",
            "ask the print shop for the ICC profile of their press and paper, e.g. "
            "ISOcoated_v2 (FOGRA39) or GRACoL2013 (CRPC6)",
        )
    return data


@cache
def srgb_profile() -> Profile:
    """LittleCMS's sRGB (IEC 61966-2.1) profile, dated `FIXED_DATE`."""
    return _compress(data_path("srgb.icc").read_bytes(), 3)


@cache
def _transform(data: bytes) -> ImageCmsTransform:
    """One transform per profile and process: building it reads the whole profile."""
    from PIL import ImageCms

    return ImageCms.buildTransform(
        ImageCms.createProfile("sRGB"),
        ImageCms.ImageCmsProfile(BytesIO(data)),
        "RGB",
        "CMYK",
        ImageCms.Intent.RELATIVE_COLORIMETRIC,
        ImageCms.Flags.BLACKPOINTCOMPENSATION,
    )


#: The colour space a picture's own profile must describe, by the Pillow mode of the
#: pixels it is applied to (a profile of another space is ignored, as an unreadable one).
#: "I;16" is a deep grey's 16 bits (`layout/images.py` scales every deeper grey to them).
PICTURE_SPACES = {"RGB": "RGB ", "RGBA": "RGB ", "CMYK": "CMYK", "L": "GRAY", "I;16": "GRAY"}


@cache
def picture_to_srgb(profile: bytes, mode: str) -> ImageCmsTransform | None:
    """LittleCMS's transform of a picture's own profile (embedded in the file: Adobe RGB
    or Display P3 by a camera or phone, a press's CMYK profile by a designer's separation,
    linear or gamma-2.2 grey by a scanner) to sRGB, for pixels of ``mode`` (RGB, RGBA,
    CMYK, L or 16-bit I;16; RGBA is given as RGBA, the others as RGB), as viewers and
    browsers show it. None where nothing is to be done: an RGB or grey profile that is
    sRGB in all but a level of rounding (most photos say so; their JPEG is then still
    embedded as filed), one of another colour space than ``mode``'s, or an unreadable one
    (the picture is read as every picture was before profiles were read). Once per
    profile and process: a logo is drawn on every page."""
    from PIL import ImageCms

    own = _picture_profile(profile, mode)
    if own is None:
        return None
    try:
        transform = ImageCms.buildTransform(
            own, ImageCms.createProfile("sRGB"), mode, "RGBA" if mode == "RGBA" else "RGB"
        )
    except ImageCms.PyCMSError:
        return None
    if mode == "CMYK":  # always shown in RGB: by the profile, not the naive rule
        return transform
    return transform if _moved(transform, mode) > SRGB_ROUNDING else None


def picture_to_press(
    profile: bytes, mode: str, path: Path, theme_path: Path
) -> ImageCmsTransform | None:
    """LittleCMS's transform of a picture's own profile (RGB or CMYK ``mode``, as
    `picture_to_srgb` reads it) straight to the press's CMYK profile at ``path``, as
    `press_transform` converts sRGB: one transform, so a wide-gamut photo's greens the
    press can print are not clipped to sRGB's on the way, and a picture separated for
    another press prints its colours, not its inks. None for a picture already in the
    press's colours (its profile is the press's own) or whose profile is unreadable."""
    data = _cmyk_output_data(path, theme_path)
    if _same_profile(profile, data):
        return None
    return _picture_press_transform(profile, mode, data)


@cache
def _picture_press_transform(profile: bytes, mode: str, press: bytes) -> ImageCmsTransform | None:
    from PIL import ImageCms

    own = _picture_profile(profile, mode)
    if own is None:
        return None
    try:
        return ImageCms.buildTransform(
            own,
            ImageCms.ImageCmsProfile(BytesIO(press)),
            mode,
            "CMYK",
            ImageCms.Intent.RELATIVE_COLORIMETRIC,
            ImageCms.Flags.BLACKPOINTCOMPENSATION,
        )
    except ImageCms.PyCMSError:
        return None


def _picture_profile(profile: bytes, mode: str) -> ImageCmsProfile | None:
    """A picture's embedded ``profile`` opened, if it is readable and of ``mode``'s space."""
    from PIL import ImageCms

    try:
        if read_header(profile).colour_space != PICTURE_SPACES.get(mode):
            return None
        return ImageCms.ImageCmsProfile(BytesIO(profile))
    except (ValueError, OSError, ImageCms.PyCMSError):
        return None


def _moved(transform: ImageCmsTransform, mode: str) -> int:
    """The most levels of 255 ``transform`` moves a colour of a grid (greys for L)."""
    from PIL import Image

    levels = range(0, 256, 15)
    if mode in ("L", "I;16"):
        grid = Image.new("L", (len(levels), 1))
        grid.putdata(list(levels))
        given = grid if mode == "L" else grid.convert("I").point(lambda v: v * 257)
        shown = transform.apply(given.convert(mode)).convert("L")
    else:
        grid = Image.new("RGB", (len(levels) ** 3, 1))
        grid.putdata([(r, g, b) for r in levels for g in levels for b in levels])
        shown = transform.apply(grid.convert(mode)).convert("RGB")
    return max(abs(a - b) for a, b in zip(grid.tobytes(), shown.tobytes(), strict=True))


def _same_profile(one: bytes, other: bytes) -> bool:
    """Whether two profiles are one: byte for byte but for the header's date of creation
    (bytes 24–35) and profile ID (84–99), which a tool may stamp anew when it embeds
    the profile in a picture, with no colour changed."""

    def colours(data: bytes) -> bytes:
        return data[:24] + data[36:84] + data[100:]

    return len(one) == len(other) and colours(one) == colours(other)


#: Levels of 255 an sRGB profile's transform to LittleCMS's own sRGB may move a colour:
#: profiles of sRGB differ in how finely they table its curve (LittleCMS's is exact,
#: HP's of 1998 has 1024 steps), not in what they show.
SRGB_ROUNDING = 2


@cache
def _compress(data: bytes, components: int) -> Profile:
    return Profile(zlib.compress(data, 9), components)
