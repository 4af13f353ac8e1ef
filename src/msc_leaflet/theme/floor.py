"""The floor every theme must meet before anything is printed with it.

Patient leaflets follow the EU readability guideline for package leaflets: no text
below 9 pt, body leading at least 1.2 × the size; and WCAG 2.x contrast (4.5:1) for
every text colour against the background it is printed on. A theme below the floor
is refused when it is loaded, so no PDF is ever laid out with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LeafletError, Location
from .colours import WHITE, Colour, contrast_ratio

if TYPE_CHECKING:
    from .theme import Theme

MIN_TEXT_SIZE = 9.0
MIN_LEADING_RATIO = 1.2
MIN_CONTRAST = 4.5
READING_TEXT = ("body", "lede", "small", "note")  # display sizes (title, headings) may be tighter


def text_on_background(theme: Theme) -> list[tuple[str, Colour, Colour]]:
    """Every (description, text colour, background) pair the layout prints."""
    c = theme.colour
    pairs = [
        ("ink on paper", c("ink"), WHITE),
        ("muted on paper", c("muted"), WHITE),
        ("accent on paper", c("accent"), WHITE),
        ("accent-ink on the accent band", c("accent-ink"), c("accent")),
        ("ink on table-head", c("ink"), c("table-head")),
        ("ink on quiet-fill", c("ink"), c("quiet-fill")),
        ("muted on quiet-fill", c("muted"), c("quiet-fill")),
    ]
    for name, box in theme.callouts.items():
        pairs.append((f"{name} label on its fill", box.label, box.fill))
        pairs.append((f"ink on the {name} fill", c("ink"), box.fill))
    return pairs


def floor_problems(theme: Theme) -> list[str]:
    s = theme.sizes
    problems = []
    smallest = min(v for k, v in s.items() if not k.endswith("leading"))
    if smallest < MIN_TEXT_SIZE:
        problems.append(f"a text size of {smallest:g} pt is below {MIN_TEXT_SIZE:g} pt")
    for name in READING_TEXT:
        size, leading = s[name], s[f"{name}-leading"]
        if leading < MIN_LEADING_RATIO * size:
            problems.append(
                f"{name}-leading {leading:g} is below {MIN_LEADING_RATIO} × {size:g} pt"
            )
    for description, text, background in text_on_background(theme):
        ratio = contrast_ratio(text, background)
        if ratio < MIN_CONTRAST:
            problems.append(f"{description}: contrast {ratio:.2f}:1 is below {MIN_CONTRAST}:1")
    return problems


def check_floor(theme: Theme, path: Path) -> None:
    problems = floor_problems(theme)
    if problems:
        raise LeafletError(
            Location(path),
            "theme is below the readability floor: " + "; ".join(problems),
            f"patient leaflets need text ≥ {MIN_TEXT_SIZE:g} pt, leading ≥ "
            f"{MIN_LEADING_RATIO} × size and text contrast ≥ {MIN_CONTRAST}:1 (WCAG AA)",
        )
