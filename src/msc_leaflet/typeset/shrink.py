"""A title's units → the same units set smaller, so that no word of it is cut.

A title, a heading or a table's header is read at a glance, and the line breaker cuts
a unit wider than its line (`linebreak.fit_units`): in the A5 parallel edition's half
column, a Burmese title at 24 pt printed သွေး|ကြော ("blood vessel") across two lines, a
Khmer or German-like English compound ("Stammzellentransplantation") was cut where no
reader cuts it. A style with ``shrink-words-to`` (`theme.styles`) sets the whole
paragraph smaller instead, as much as its widest word needs to fit the line whole (at
its hyphenation points only, for an English word), but never below that floor: below
it the line breaker cuts as before, and reports the cut (LAYOUT004).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import replace

from reportlab.lib.styles import ParagraphStyle

from .linebreak import narrowest_width
from .units import Unit, unit_of

#: A shrink smaller than this is no shrink (float noise of a word that just fits).
_SLACK = 0.999


def words_scale(units: Sequence[Unit], width: float, lang: str, size: float, floor: float) -> float:
    """The factor (at most 1) ``units`` set at ``size`` must be scaled by so that the
    widest word fits ``width`` whole, never below ``floor`` (points). Words are cut
    only at hyphenation points (`narrowest_width` without syllables): a Thai, Lao,
    Khmer or Burmese word counts whole."""
    if not units or width <= 0 or size <= 0 or floor >= size:
        return 1.0
    wide = [unit for unit in units if unit.width > width]  # a unit that fits needs no cut
    if not wide:
        return 1.0  # measured first: finding hyphenation points loads Pyphen's patterns
    widest = max(narrowest_width(unit, lang, syllables=False) for unit in wide)
    if widest <= width:
        return 1.0
    scale = max(width / widest, floor / size)
    return scale if scale < _SLACK else 1.0


def scaled_units(units: Sequence[Unit], scale: float) -> list[Unit]:
    """``units`` with every piece drawn ``scale`` times its size (and its rise)."""
    return [
        unit_of(
            tuple(replace(p, size=p.size * scale, rise=p.rise * scale) for p in unit.pieces),
            unit.soft_breaks,
            unit.listed,
            unit.address,
        )
        for unit in units
    ]


def scaled_style(style: ParagraphStyle, scale: float) -> ParagraphStyle:
    """``style`` with its size and leading scaled: the lines as far apart, for their size."""
    smaller = copy.copy(style)
    smaller.fontSize = style.fontSize * scale
    smaller.leading = style.leading * scale
    return smaller
