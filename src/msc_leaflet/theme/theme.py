"""The visual theme (paper, margins, colours, type sizes, paragraph styles) as data.

Themes are YAML files; the default ships in ``msc_leaflet/data/theme.yaml`` and a
project may replace it with its own ``theme.yaml`` (its ``styles:`` and
``box-padding:`` entries are laid over the bundled ones instead, `styles.layered`).
Loading converts every colour to the colour model of the build and refuses a theme
below the readability floor (`floor`), so a bad theme fails before any PDF is written.

A `Theme` is plain data: colours are `RGB`/`CMYK` values and lengths are points, so
loading one needs no drawing engine; the layout converts them into ReportLab's objects.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..content.model import CALLOUT_KINDS
from ..content.yaml_source import load_data
from ..data import data_path
from ..errors import LeafletError, Location
from ..print_spec import COLOUR_MODES, PAPERS
from .colours import Colour, in_mode, parse_colour
from .floor import check_floor
from .fonts import FontConfig, font_config
from .output_intent import OutputIntent, output_intent
from .styles import BoxPadding, TextStyle, box_padding, inherit, layered, text_style

INCH = 72.0  # points
MM = INCH / 2.54 * 0.1  # ReportLab's `mm`, computed as it does, so lengths match to the bit
PAPER = dict(
    zip(PAPERS, ((210 * MM, 297 * MM), (148 * MM, 210 * MM), (8.5 * INCH, 11 * INCH)), strict=True)
)  # width, height in points


@dataclass(frozen=True)
class CalloutColours:
    fill: Colour
    edge: Colour
    label: Colour


@dataclass(frozen=True)
class Theme:
    page_size: tuple[float, float]  # points
    margins: dict[str, float]  # points
    colours: dict[str, Colour]
    callouts: dict[str, CalloutColours]
    sizes: dict[str, float]
    spacing: dict[str, float]
    leading_scale: dict[str, float]  # language → factor applied to every leading
    styles: dict[str, TextStyle]  # paragraph style name → how it is set
    box_padding: dict[str, BoxPadding]  # box (callout, closing, quote, table) → its padding
    fonts: FontConfig  # a font family per script
    paper: str = "a4"
    colour_mode: str = "rgb"
    footer_approval: bool = False  # "Thai translation approved 2 Dec 2026" in the footer
    output_intent: OutputIntent | None = None  # the print shop's press profile (PDF/X-4)
    path: Path | None = None  # the theme file, named when a print option needs its entry

    def leading_for(self, lang: str) -> float:
        return self.leading_scale.get(lang.split("-")[0].split("_")[0], 1.0)

    def colour(self, name: str) -> Colour:
        return self.colours[name]


def default_theme_path() -> Path:
    return data_path("theme.yaml")


def theme_fonts(path: Path) -> FontConfig | None:
    """The font table of the theme at ``path`` (the bundled one when there is no such
    file): which family sets which script. None if the theme is broken: `build` reports
    that with its position, so `i18n init` and `check` say nothing of it."""
    try:
        return load_theme(path if path.is_file() else None).fonts
    except LeafletError:
        return None


def load_theme(
    path: Path | None = None, paper: str | None = None, colour_mode: str = "rgb"
) -> Theme:
    """The theme at ``path`` (default: the bundled one), on ``paper`` if given, with
    every colour in ``colour_mode``."""
    bundled = default_theme_path()
    path = path or bundled
    try:
        data: Any = load_data(path.read_text(encoding="utf-8"))
        defaults = data if path == bundled else load_data(bundled.read_text(encoding="utf-8"))
        theme = _parse(data, defaults, paper, colour_mode, path)
        if path != bundled:
            from ..typeset.font_files import check_font_files  # plain paths, no ReportLab

            check_font_files(theme.fonts)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise LeafletError(Location(path), f"invalid theme: {exc}") from None
    check_floor(theme, path)
    return theme


def _parse(
    data: dict[str, Any],
    defaults: dict[str, Any],
    paper: str | None,
    colour_mode: str,
    path: Path,
) -> Theme:
    """``data`` as a `Theme`; ``defaults`` (the bundled theme) fills in the styles and
    box paddings it does not name."""
    paper = paper or data.get("paper", "a4")
    if paper not in PAPER:
        raise ValueError(f"paper {paper!r} is not one of {', '.join(PAPER)}")
    if colour_mode not in COLOUR_MODES:
        raise ValueError(f"colour mode {colour_mode!r} is not one of {', '.join(COLOUR_MODES)}")

    def colour(value: str) -> Colour:
        return in_mode(parse_colour(str(value)), colour_mode)

    plain: dict[str, Colour] = {}
    callouts: dict[str, CalloutColours] = {}
    for name, value in data["colours"].items():
        if isinstance(value, dict):
            callouts[name] = CalloutColours(*(colour(value[k]) for k in ("fill", "edge", "label")))
        else:
            plain[name] = colour(value)
    for kind in CALLOUT_KINDS:  # the layout asks for each; a plain colour has no fill and edge
        if kind not in callouts:
            raise ValueError(
                f"colours: {kind} must be a mapping of fill, edge and label colours, "
                f'e.g. {kind}: {{fill: "#e6f2f2", edge: "#0b6e74", label: "#0a5a5f"}}'
            )
    sizes = _numbers(data["sizes"], "sizes")
    spacing = _numbers(data["spacing"], "spacing")
    styles = inherit(layered(defaults["styles"], data.get("styles"), "style"), root="body")
    paddings = inherit(layered(defaults["box-padding"], data.get("box-padding"), "box-padding"))
    return Theme(
        page_size=PAPER[paper],
        margins=_margins(data.get("paper-margins", {}).get(paper, data["margins"]), paper),
        colours=plain,
        callouts=callouts,
        sizes=sizes,
        spacing=spacing,
        leading_scale=_numbers(data.get("leading-scale", {}), "leading-scale", positive=True),
        styles={
            name: text_style(name, entry, sizes, spacing, plain) for name, entry in styles.items()
        },
        box_padding={name: box_padding(name, entry) for name, entry in paddings.items()},
        fonts=font_config(data.get("fonts", {}), None if data is defaults else defaults["fonts"]),
        paper=paper,
        colour_mode=colour_mode,
        footer_approval=_flag(data.get("footer-approval", False), "footer-approval"),
        output_intent=output_intent(data.get("output-intent"), path),
        path=path,
    )


def _flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be true or false, not {value!r}")
    return value


SIDES = ("top", "bottom", "left", "right")


def _numbers(entries: Any, section: str, positive: bool = False) -> dict[str, float]:
    """A section of plain numbers (points, mm or factors): each finite and not negative
    (``positive``: above 0). A .nan or .inf margin laid out a PDF with no text in it, a
    .nan size one with "nan" operators PDF readers reject."""
    if not isinstance(entries, dict):
        raise ValueError(f"{section} must be a mapping of names to numbers")
    numbers = {}
    for key, value in entries.items():
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        if number is None or not math.isfinite(number) or number < 0 or (positive and not number):
            wanted = "a number above 0" if positive else "a number, 0 or more"
            raise ValueError(f"{section}: {key} must be {wanted}, not {value!r}")
        numbers[str(key)] = float(number)
    return numbers


def _margins(entries: Any, paper: str) -> dict[str, float]:
    """The page margins in points: all four sides, leaving at least half the page's
    width and height for the text (a 400 mm top margin left no room, and no text)."""
    mm = _numbers(entries, "margins")
    if missing := [side for side in SIDES if side not in mm]:
        raise ValueError(f"margins: {', '.join(missing)} missing; give top, bottom, left, right")
    if unknown := [side for side in mm if side not in SIDES]:
        sides = ", ".join(SIDES)
        raise ValueError(f"margins: unknown side {', '.join(unknown)}; the sides are {sides}")
    width, height = PAPER[paper]
    if (mm["top"] + mm["bottom"]) * MM > height / 2 or (mm["left"] + mm["right"]) * MM > width / 2:
        given = ", ".join(f"{side} {mm[side]:g}" for side in SIDES)
        raise ValueError(f"margins ({given} mm) leave less than half the {paper} page for text")
    return {side: value * MM for side, value in mm.items()}
