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
from typing import TYPE_CHECKING

from .colours import WHITE, Colour, contrast_ratio
from .entries import Keys, ThemeError

if TYPE_CHECKING:
    from .theme import Theme

MIN_TEXT_SIZE = 9.0
MIN_LEADING_RATIO = 1.2
MIN_CONTRAST = 4.5
DISPLAY_STYLES = ("kicker", "title", "subtitle", "heading")  # display type may be set tighter


def text_on_background(theme: Theme) -> list[tuple[str, Colour, Colour, Keys]]:
    """Every (description, text colour, background, the colour entry to change) the
    layout prints."""
    c = theme.colour
    # The page furniture prints ink, muted and accent (and its small text) on paper; the
    # styles their own colours.
    on_paper = dict.fromkeys(
        ["ink", "muted", "accent", "accent-text", *(s.colour for s in theme.styles.values())]
    )
    pairs: list[tuple[str, Colour, Colour, Keys]] = [
        (f"{name} on paper", c(name), WHITE, ("colours", name)) for name in on_paper
    ]
    pairs += [
        ("accent-ink on the accent band", c("accent-ink"), c("accent"), ("colours", "accent-ink")),
        ("ink on table-head", c("ink"), c("table-head"), ("colours", "table-head")),
        ("ink on quiet-fill", c("ink"), c("quiet-fill"), ("colours", "quiet-fill")),
        ("muted on quiet-fill", c("muted"), c("quiet-fill"), ("colours", "quiet-fill")),
    ]
    for name, box in theme.callouts.items():
        pairs.append((f"{name} label on its fill", box.label, box.fill, ("colours", name, "label")))
        pairs.append((f"ink on the {name} fill", c("ink"), box.fill, ("colours", name, "fill")))
    # And each style in its own colour on the fill the layout prints it on: a style
    # that passes on paper can vanish into a box (the callout's text grey on a grey fill
    # printed nothing a reader could see, while a screen reader read it out).
    on_fills = [
        (f"callout on the {name} fill", "callout", box.fill) for name, box in theme.callouts.items()
    ]
    on_fills += [
        ("table-head on table-head", "table-head", c("table-head")),
        ("small on quiet-fill", "small", c("quiet-fill")),  # the closing box
    ]
    pairs += [
        (description, c(theme.styles[style].colour), fill, ("styles", style, "colour"))
        for description, style, fill in on_fills
    ]
    return pairs


def floor_problems(theme: Theme) -> list[tuple[Keys, str]]:
    """Each problem, with the entry of the theme that causes it."""
    s = theme.sizes
    problems: list[tuple[Keys, str]] = []
    smallest = min((v, k) for k, v in s.items() if not k.endswith("leading"))
    if smallest[0] < MIN_TEXT_SIZE:
        problems.append(
            (
                ("sizes", smallest[1]),
                f"a text size of {smallest[0]:g} pt is below {MIN_TEXT_SIZE:g} pt",
            )
        )
    problems += [
        (keys, f"{names}: {problem}")
        for problem, (keys, names) in _grouped(_style_problems(theme)).items()
    ]
    for description, text, background, keys in text_on_background(theme):
        ratio = contrast_ratio(text, background)
        if ratio < MIN_CONTRAST:
            problems.append(
                (keys, f"{description}: contrast {ratio:.2f}:1 is below {MIN_CONTRAST}:1")
            )
    return problems


def _style_problems(theme: Theme) -> Iterator[tuple[str, str, str]]:
    """(problem, style name, its field at fault) for every paragraph style below the floor."""
    for name, style in theme.styles.items():
        if style.size < MIN_TEXT_SIZE:
            yield f"{style.size:g} pt is below {MIN_TEXT_SIZE:g} pt", name, "size"
        if name not in DISPLAY_STYLES and style.leading < MIN_LEADING_RATIO * style.size:
            yield (
                f"leading {style.leading:g} is below {MIN_LEADING_RATIO} × {style.size:g} pt",
                name,
                "leading",
            )


def _grouped(problems: Iterable[tuple[str, str, str]]) -> dict[str, tuple[Keys, str]]:
    """Style names by what they share, so one fault in ``sizes:`` is one message that
    names every style it reaches ("styles body, callout, list-item: …"); with the
    entry of the first."""
    names: dict[str, list[str]] = {}
    fields: dict[str, str] = {}
    for key, name, field in problems:
        names.setdefault(key, []).append(name)
        fields.setdefault(key, field)
    return {
        key: (
            ("styles", n[0], fields[key]),
            ("styles " if len(n) > 1 else "style ") + ", ".join(n),
        )
        for key, n in names.items()
    }


def check_floor(theme: Theme, printed: bool = False) -> None:
    """A `ThemeError` at the entry of the first problem, naming them all; ``printed``:
    ``theme`` is a print build's view of a theme that names print values, so the problem
    is in what is printed (a colour's ``print:``, where it names one)."""
    problems = floor_problems(theme)
    if problems:
        keys = problems[0][0]
        if printed and keys[0] == "colours":
            keys = (*keys, "print")  # its line, where the entry names a print value
        where = " in print (--colour cmyk)" if printed else ""
        raise ThemeError(
            keys,
            f"theme is below the readability floor{where}: " + "; ".join(p for _, p in problems),
            f"patient leaflets need text ≥ {MIN_TEXT_SIZE:g} pt, leading ≥ "
            f"{MIN_LEADING_RATIO} × size and text contrast ≥ {MIN_CONTRAST}:1 (WCAG AA)",
        )
