"""The desk as a screen-reader or keyboard user meets it (WCAG 2.2 AA), read from its
HTML and CSS with the standard library alone: contrast, languages, labels and errors,
links to PDFs, and a form that keeps what was chosen when it is refused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from starlette.testclient import TestClient

from desk_support import OVERDUE_DAY, copy_library
from msc_leaflet.desk.app import HERE, create_app

LOCAL = "http://127.0.0.1"
CSS = re.sub(
    r"/\*.*?\*/", "", (HERE / "static" / "desk.css").read_text(encoding="utf-8"), flags=re.S
)
# The header and buttons: their text sits on their own background (checked below),
# and a ring drawn around them sits on what is behind them.
CONTROL_RULES = {".top", "button, .button", "button:hover, .button:hover"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    project = copy_library(tmp_path_factory.mktemp("access"))
    app = create_app(
        project, pool=ThreadPoolExecutor(1), warm=False, hosts=["127.0.0.1"],
        today=lambda: OVERDUE_DAY,
    )  # fmt: skip
    with TestClient(app, base_url=LOCAL) as test_client:
        yield test_client


def _rules() -> list[tuple[str, dict[str, str]]]:
    rules = []
    for selector, body in re.findall(r"([^{}@]+)\{([^{}]*)\}", CSS):
        declarations = dict(
            (name.strip(), value.strip())
            for name, value in re.findall(r"([\w-]+)\s*:\s*([^;]+)", body)
        )
        rules.append((" ".join(selector.split()), declarations))
    return rules


def _colour(value: str, variables: dict[str, str]) -> str | None:
    """A colour as #rrggbb, through var(--name); None for anything else."""
    if match := re.fullmatch(r"var\((--[\w-]+)\)", value):
        value = variables.get(match.group(1), "")
    value = {"#fff": "#ffffff", "#000": "#000000"}.get(value, value)
    return value if re.fullmatch(r"#[0-9a-fA-F]{6}", value) else None


def _contrast(one: str, two: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_and_focus_rings_contrast_with_what_they_sit_on() -> None:
    """The focus ring (#b35c00) was 4.3:1 on the grey of the library's search box and
    4.0:1 on the red-tinted error box: a keyboard user lost track of the search field,
    the language list and the Show button. Every text colour and every focus ring is
    now at least 4.5:1 on every background the stylesheet paints under it."""
    rules = _rules()
    variables = next(d for s, d in rules if s == ":root")
    variables = {k: v for k, v in variables.items() if k.startswith("--")}
    grounds = {
        colour
        for selector, d in rules
        if selector not in CONTROL_RULES
        for name in ("background", "background-color")
        if name in d and (colour := _colour(d[name], variables))
    }
    texts = {
        colour
        for selector, d in rules
        if selector not in CONTROL_RULES and not selector.startswith(".top") and "color" in d
        if (colour := _colour(d["color"], variables))
    }
    rings = {
        colour
        for selector, d in rules
        if ":focus" in selector and not selector.startswith(".top")
        for name in ("outline", "outline-color")
        if name in d
        for word in d[name].split()
        if (colour := _colour(word, variables))
    }
    assert rings and grounds and texts
    low = [
        f"{fg} on {bg}: {_contrast(fg, bg):.2f}"
        for fg in sorted(texts | rings)
        for bg in sorted(grounds)
        if _contrast(fg, bg) < 4.5
    ]
    assert low == []
    # On the coloured header, text and its ring are white; so is a button's text.
    by_selector = dict(rules)
    top, button = by_selector[".top"], by_selector["button, .button"]
    top_ring = by_selector[".top a:focus-visible"]["outline-color"]
    for text, ground in ((top["color"], top["background"]), (top_ring, top["background"]),
                         (button["color"], button["background"])):  # fmt: skip
        one, two = _colour(text, variables), _colour(ground, variables)
        assert one and two and _contrast(one, two) >= 4.5
