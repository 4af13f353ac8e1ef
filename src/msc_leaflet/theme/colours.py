"""Theme colours: how they are written, converted between RGB and CMYK, and compared.

A theme colour is written either for screens (``"#0b6e74"``) or for print
(``"cmyk(90, 20, 40, 10)"``, percentages as a print shop quotes them), or as both:
``{screen: "#1f2a30", print: "cmyk(0, 0, 0, 85)"}`` (`ThemeColour`), because the
conversion cannot know what a print shop wants of small text: black ink alone, not a
dark grey on three plates that misregistration blurs. A build draws in one colour model
only: a print edition with ``--colour cmyk`` must carry no RGB operator at all, so every
colour is converted once, when the theme is loaded.

Colours are plain values (`RGB`, `CMYK`: named tuples, each channel 0–1); the layout
turns them into the drawing engine's own colour objects (`layout/colours.py`). The
arithmetic is ReportLab's (``HexColor``, ``cmyk2rgb``), so a PDF comes out exactly as
when the theme held ReportLab colours.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from PIL.Image import Image

_CMYK = re.compile(r"cmyk\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)")


class RGB(NamedTuple):
    """A screen colour: red, green and blue, each 0–1."""

    red: float
    green: float
    blue: float


class CMYK(NamedTuple):
    """A print colour: the share of each ink, 0–1."""

    cyan: float
    magenta: float
    yellow: float
    black: float

    def rgb(self) -> RGB:
        """How a screen shows it (the PostScript reference's naive conversion)."""
        return RGB(
            1.0 - min(1.0, self.cyan + self.black),
            1.0 - min(1.0, self.magenta + self.black),
            1.0 - min(1.0, self.yellow + self.black),
        )


Colour = RGB | CMYK

WHITE = RGB(1.0, 1.0, 1.0)  # the paper


def parse_colour(text: str) -> Colour:
    """``#rrggbb`` → RGB colour; ``cmyk(c, m, y, k)`` in percent → CMYK colour."""
    match = _CMYK.fullmatch(text.strip().lower())
    if match:
        c, m, y, k = (float(v) / 100 for v in match.groups())
        if max(c, m, y, k) > 1:
            raise ValueError(f"colour {text!r}: CMYK percentages must be 0–100")
        return CMYK(c, m, y, k)
    if re.fullmatch(r"#[0-9a-fA-F]{6}", text.strip()):
        value = int(text.strip()[1:], 16)
        return RGB(*(((value >> shift) & 0xFF) / 255.0 for shift in (16, 8, 0)))
    raise ValueError(f"colour {text!r} is neither #rrggbb nor cmyk(c, m, y, k)")


#: A press profile's conversion of a screen colour (`theme/icc.py`, `press_colour`).
Press = Callable[[RGB], CMYK]


class ThemeColour(NamedTuple):
    """A theme entry's colour: what screens show, and what print builds print if the
    theme names it (device CMYK, used as written, press profile or not)."""

    screen: Colour
    print: CMYK | None = None

    def in_mode(self, mode: str, press: Press | None = None) -> Colour:
        """The colour a build in ``mode`` (``rgb`` or ``cmyk``) draws with; ``press``:
        the print shop's profile, which converts a screen colour as it converts the
        pictures, so the band and a logo of one colour print in the same inks. A grey
        is kept on black alone, as prepress tools keep K-only greys: through a profile
        it would print in four inks (its grey balance), and text or a rule in it fringed."""
        if mode == "cmyk" and self.print is not None:
            return self.print
        screen = self.screen
        if mode == "cmyk" and press is not None and isinstance(screen, RGB) and not _grey(screen):
            return press(screen)
        return in_mode(screen, mode)


def _grey(colour: RGB) -> bool:
    return colour.red == colour.green == colour.blue


def in_mode(colour: Colour, mode: str) -> Colour:
    """``colour`` in the colour model ``mode`` draws with (``rgb`` or ``cmyk``)."""
    if mode == "cmyk":
        return colour if isinstance(colour, CMYK) else _rgb_to_cmyk(colour)
    return colour.rgb() if isinstance(colour, CMYK) else colour


def _rgb_to_cmyk(colour: RGB) -> CMYK:
    """The device-naive conversion (full black generation). Exact print colours should be
    written as cmyk(...) in the theme; this keeps screen-only themes printable."""
    r, g, b = colour.red, colour.green, colour.blue
    k = 1 - max(r, g, b)
    if k >= 1:
        return CMYK(0, 0, 0, 1)
    c, m, y = (round((1 - v - k) / (1 - k), 4) for v in (r, g, b))
    return CMYK(c, m, y, round(k, 4))


#: Rows of a picture `rgb_pixels_to_cmyk` converts at a time: its 32-bit working copies
#: of a 12-megapixel photo took 265 MB at once (#20); of a band, a few MB.
CMYK_BAND_ROWS = 256


def rgb_pixels_to_cmyk(image: Image) -> Image:
    """An 8-bit RGB picture in CMYK by the same rule as `_rgb_to_cmyk`, pixel by pixel:
    black is 1 − max(r, g, b), each ink the rest of its channel over 1 − black (to the
    nearest of 256 levels). A print build without a press profile converts its pictures
    so, and they match its vector colours; with a profile, see `layout/images.py`.
    Converted `CMYK_BAND_ROWS` rows at a time: the rule is pixel by pixel."""
    from PIL import Image as PILImage

    rgb = image.convert("RGB")
    if rgb.height <= CMYK_BAND_ROWS:
        return _band_to_cmyk(rgb)
    converted = PILImage.new("CMYK", rgb.size)
    for top in range(0, rgb.height, CMYK_BAND_ROWS):
        band = rgb.crop((0, top, rgb.width, min(top + CMYK_BAND_ROWS, rgb.height)))
        converted.paste(_band_to_cmyk(band), (0, top))
    return converted


def _band_to_cmyk(rgb: Image) -> Image:
    from PIL import Image as PILImage
    from PIL import ImageChops, ImageMath

    red, green, blue = rgb.split()
    top = ImageChops.lighter(ImageChops.lighter(red, green), blue)  # max(r, g, b) = 1 − k
    most = top.convert("I")

    def ink(channel: Image) -> Image:  # (1 − v − k) / (1 − k) = (max − v) / max, rounded
        share = ImageMath.lambda_eval(
            lambda a: ((a["top"] - a["v"]) * 255 + a["top"] / 2) / a["top"],  # 0 where max is 0
            top=most,
            v=channel.convert("I"),
        )
        assert isinstance(share, PILImage.Image)
        return share.convert("L")

    inks = (ink(red), ink(green), ink(blue), ImageChops.invert(top))
    return PILImage.merge("CMYK", inks)


def most_ink(picture: Image) -> float:
    """The most total ink (percent of C + M + Y + K, 0–400) any pixel of a CMYK
    ``picture`` holds: what a press's ink limit is judged by, for a picture the build
    prints as filed (LAYOUT006) and for one inside any PDF (`preflight`)."""
    from PIL import Image as PILImage
    from PIL import ImageMath

    width, height = picture.size
    rows = max(1, INK_STRIP_PIXELS // max(1, width))  # summed a strip at a time: the sums
    high = 0.0  # are 32-bit pixels, 5 bytes of sums for every byte of a 48 MB photo
    for top in range(0, height, rows):
        strip = picture.crop((0, top, width, min(height, top + rows)))
        c, m, y, k = strip.split()
        total = ImageMath.lambda_eval(
            lambda a: a["c"] + a["m"] + a["y"] + a["k"], c=c, m=m, y=y, k=k
        )
        assert isinstance(total, PILImage.Image)
        _, most = total.getextrema()  # a one-band picture: its least and its most
        assert isinstance(most, int | float)
        high = max(high, float(most))
    return high * 100 / 255


#: Pixels of a picture summed at once by `most_ink`.
INK_STRIP_PIXELS = 1 << 20


def cmyk_pixels_to_rgb(image: Image) -> Image:
    """A CMYK picture in RGB by the rule `CMYK.rgb` shows a theme's cmyk(...) colours on
    screen: each channel is 1 − min(1, ink + black). A screen build shows its CMYK
    pictures so (`layout/images.py`); it is also Pillow's own conversion."""
    return image.convert("RGB")


def relative_luminance(colour: Colour) -> float:
    """WCAG 2.x relative luminance of the colour as a screen shows it."""
    rgb = colour.rgb() if isinstance(colour, CMYK) else colour

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(rgb.red) + 0.7152 * linear(rgb.green) + 0.0722 * linear(rgb.blue)


def contrast_ratio(text: Colour, background: Colour) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    a, b = sorted((relative_luminance(text), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
