"""The floor every theme must meet before anything is printed with it.

Patient leaflets follow the EU readability guideline for package leaflets: no text
below 9 pt, leading at least 1.2 × the size for reading text; and WCAG 2.x contrast
(4.5:1) for every text colour against the background it is printed on. Every
paragraph style is checked, as are the sizes the page furniture uses directly (band,
header, footer). A theme below the floor is refused when it is loaded, so no PDF is
ever laid out with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import LeafletError, Location
from .colours import WHITE, Colour, contrast_ratio

if TYPE_CHECKING:
    from .theme import Theme

MIN_TEXT_SIZE = 9.0
MIN_LEADING_RATIO = 1.2
MIN_CONTRAST = 4.5
DISPLAY_STYLES = ("kicker", "title", "subtitle", "heading")  # display type may be set tighter


def text_on_background(theme: Theme) -> list[tuple[str, Colour, Colour]]:
    """Every (description, text colour, background) pair the layout prints."""
    c = theme.colour
    # The page furniture prints ink, muted and accent on paper; the styles their own colours.
    on_paper = dict.fromkeys(["ink", "muted", "accent", *(s.colour for s in theme.styles.values())])
    pairs: list[tuple[str, Colour, Colour]] = [
        (f"{name} on paper", c(name), WHITE) for name in on_paper
    ]
    pairs += [
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
    problems += [
        f"{names}: {problem}" for problem, names in _grouped(_style_problems(theme)).items()
    ]
    for description, text, background in text_on_background(theme):
        ratio = contrast_ratio(text, background)
        if ratio < MIN_CONTRAST:
            problems.append(f"{description}: contrast {ratio:.2f}:1 is below {MIN_CONTRAST}:1")
    return problems


def _style_problems(theme: Theme) -> Iterator[tuple[str, str]]:
    """(problem, style name) for every paragraph style below the floor."""
    for name, style in theme.styles.items():
        if style.size < MIN_TEXT_SIZE:
            yield f"{style.size:g} pt is below {MIN_TEXT_SIZE:g} pt", name
        if name not in DISPLAY_STYLES and style.leading < MIN_LEADING_RATIO * style.size:
            yield (
                f"leading {style.leading:g} is below {MIN_LEADING_RATIO} × {style.size:g} pt",
                name,
            )


def _grouped(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Style names by what they share, so one fault in ``sizes:`` is one message that
    names every style it reaches ("styles body, callout, list-item: …")."""
    names: dict[str, list[str]] = {}
    for key, name in pairs:
        names.setdefault(key, []).append(name)
    return {key: ("styles " if len(n) > 1 else "style ") + ", ".join(n) for key, n in names.items()}


def check_floor(theme: Theme, path: Path) -> None:
    problems = floor_problems(theme)
    if problems:
        raise LeafletError(
            Location(path),
            "theme is below the readability floor: " + "; ".join(problems),
            f"patient leaflets need text ≥ {MIN_TEXT_SIZE:g} pt, leading ≥ "
            f"{MIN_LEADING_RATIO} × size and text contrast ≥ {MIN_CONTRAST}:1 (WCAG AA)",
        )
