"""Numbers as content streams write them: a position to the thousandth of a point, a
scale or ratio to seven significant digits.

One place for how a number is spelled, so the text layer (`render.py`) and the marks
drawn beside it (`outlines.FormPlacer`) put a glyph at the same written position.
"""

from __future__ import annotations

import math

#: Numbers `num` keeps written; it starts over when full.
NUM_CACHE_SIZE = 16_384
#: Each number written, by value. A page writes few distinct ones (an Arabic line
#: moves the pen by the same glyph widths again and again: 1,700 values in 19,000
#: numbers), and writing a float with three decimals costs forty dict lookups.
_NUMS: dict[float, str] = {}


def num(value: float) -> str:
    """``value`` to three decimals, without trailing zeros (a thousandth of a point is
    a fiftieth of a pixel at 1200 dpi)."""
    text = _NUMS.get(value)
    if text is None:
        if len(_NUMS) >= NUM_CACHE_SIZE:
            _NUMS.clear()
        text = _NUMS[value] = decimals(value, 3)
    return text


#: Significant digits of a scale (`ratio`): half a unit of the last is at most 5e-7 of
#: it, a thousandth of a point over a 2,000 pt line.
RATIO_DIGITS = 7
#: The most decimals a scale is written with: less than a trillionth is nothing.
RATIO_PLACES = 12


def ratio(value: float) -> str:
    """A dimensionless ``value`` (a scale, a colour component, a percentage of one) to
    `RATIO_DIGITS` significant digits, never in exponent form (no PDF number has one).
    Not `num`'s three decimals, which are thousandths of a point for a position but of
    the whole for a scale: a mark's 0.0105 became 0.011 (4.8 % too big), a text layer's
    87.4976 % became 87.498, a third of an ink 0.333."""
    if not value:
        return "0"
    places = RATIO_DIGITS - 1 - math.floor(math.log10(abs(value)))
    return decimals(value, min(max(places, 0), RATIO_PLACES))


def decimals(value: float, places: int) -> str:
    """``value`` to ``places`` decimals, without trailing zeros and never ``-0``."""
    text = f"{value:.{places}f}"
    if places == 0 or text[-1] != "0":  # most numbers (once per mark drawn): nothing to strip
        return "0" if text == "-0" else text
    text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
