"""Theme colours: how they are written, converted between RGB and CMYK, and compared.

A theme colour is written either for screens (``"#0b6e74"``) or for print
(``"cmyk(90, 20, 40, 10)"``, percentages as a print shop quotes them). A build draws
in one colour model only: a print edition with ``--colour cmyk`` must carry no RGB
operator at all, so every colour is converted once, when the theme is loaded.
"""

from __future__ import annotations

import re

from reportlab.lib.colors import CMYKColor, Color, HexColor

_CMYK = re.compile(r"cmyk\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)")


def parse_colour(text: str) -> Color:
    """``#rrggbb`` → RGB colour; ``cmyk(c, m, y, k)`` in percent → CMYK colour."""
    match = _CMYK.fullmatch(text.strip().lower())
    if match:
        values = [float(v) / 100 for v in match.groups()]
        if any(v > 1 for v in values):
            raise ValueError(f"colour {text!r}: CMYK percentages must be 0–100")
        return CMYKColor(*values)
    if re.fullmatch(r"#[0-9a-fA-F]{6}", text.strip()):
        return HexColor(text.strip())
    raise ValueError(f"colour {text!r} is neither #rrggbb nor cmyk(c, m, y, k)")


def in_mode(colour: Color, mode: str) -> Color:
    """``colour`` in the colour model ``mode`` draws with (``rgb`` or ``cmyk``)."""
    if mode == "cmyk":
        return colour if isinstance(colour, CMYKColor) else _rgb_to_cmyk(colour)
    if isinstance(colour, CMYKColor):
        r, g, b = colour.rgb()
        return Color(r, g, b)
    return colour


def _rgb_to_cmyk(colour: Color) -> CMYKColor:
    """The device-naive conversion (full black generation). Exact print colours should be
    written as cmyk(...) in the theme; this keeps screen-only themes printable."""
    r, g, b = colour.red, colour.green, colour.blue
    k = 1 - max(r, g, b)
    if k >= 1:
        return CMYKColor(0, 0, 0, 1)
    return CMYKColor(
        *(round((1 - v - k) / (1 - k), 4) for v in (r, g, b)),
        round(k, 4),
    )


def relative_luminance(colour: Color) -> float:
    """WCAG 2.x relative luminance of the colour as a screen shows it."""
    r, g, b = in_mode(colour, "rgb").rgb()

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(text: Color, background: Color) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    a, b = sorted((relative_luminance(text), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
