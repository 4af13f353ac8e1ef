"""The visual theme (paper, margins, colours, type sizes) as data, with its readability floor.

Themes are YAML files; the default ships in ``msc_leaflet/data/theme.yaml``. Loading
refuses a theme below the floor patient leaflets need (EU readability guideline:
generous size and leading), so a bad theme fails before any PDF is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5, LETTER
from reportlab.lib.units import mm

from .data import data_path
from .errors import LeafletError, Location

PAPER = {"a4": A4, "a5": A5, "letter": LETTER}
MIN_BODY_SIZE = 10.0
MIN_NOTE_SIZE = 8.0
MIN_LEADING_RATIO = 1.2
READING_TEXT = ("body", "lede", "small", "note")


@dataclass(frozen=True)
class CalloutColours:
    fill: colors.Color
    edge: colors.Color
    label: colors.Color


@dataclass(frozen=True)
class Theme:
    page_size: tuple[float, float]
    margins: dict[str, float]  # points
    colours: dict[str, colors.Color]
    callouts: dict[str, CalloutColours]
    sizes: dict[str, float]
    spacing: dict[str, float]
    leading_scale: dict[str, float]  # language → factor applied to every leading

    def leading_for(self, lang: str) -> float:
        return self.leading_scale.get(lang.split("-")[0].split("_")[0], 1.0)

    def colour(self, name: str) -> colors.Color:
        return self.colours[name]


def default_theme_path() -> Path:
    return data_path("theme.yaml")


def load_theme(path: Path | None = None, paper: str | None = None) -> Theme:
    path = path or default_theme_path()
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        theme = _parse(data, paper)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise LeafletError(Location(path), f"invalid theme: {exc}") from None
    _check_floor(theme, path)
    return theme


def _parse(data: dict[str, Any], paper: str | None) -> Theme:
    paper = paper or data.get("paper", "a4")
    if paper not in PAPER:
        raise ValueError(f"paper {paper!r} is not one of {', '.join(PAPER)}")
    plain: dict[str, colors.Color] = {}
    callouts: dict[str, CalloutColours] = {}
    for name, value in data["colours"].items():
        if isinstance(value, dict):
            callouts[name] = CalloutColours(
                *(colors.HexColor(value[k]) for k in ("fill", "edge", "label"))
            )
        else:
            plain[name] = colors.HexColor(value)
    return Theme(
        page_size=PAPER[paper],
        margins={side: float(v) * mm for side, v in data["margins"].items()},
        colours=plain,
        callouts=callouts,
        sizes={k: float(v) for k, v in data["sizes"].items()},
        spacing={k: float(v) for k, v in data["spacing"].items()},
        leading_scale={k: float(v) for k, v in data.get("leading-scale", {}).items()},
    )


def _check_floor(theme: Theme, path: Path) -> None:
    s = theme.sizes
    problems = []
    if s["body"] < MIN_BODY_SIZE:
        problems.append(f"body size {s['body']} pt is below {MIN_BODY_SIZE} pt")
    small = min(v for k, v in s.items() if not k.endswith("leading"))
    if small < MIN_NOTE_SIZE:
        problems.append(f"a text size of {small} pt is below {MIN_NOTE_SIZE} pt")
    for name in READING_TEXT:  # display sizes (title, headings) may be set tighter
        size, leading = s[name], s[f"{name}-leading"]
        if leading < MIN_LEADING_RATIO * size:
            problems.append(f"{name}-leading {leading} is below {MIN_LEADING_RATIO} × {size}")
    if problems:
        raise LeafletError(
            Location(path),
            "theme is below the readability floor: " + "; ".join(problems),
            "patient leaflets need body ≥ 10 pt, notes ≥ 8 pt and leading ≥ 1.2 × size",
        )
