"""LAYOUT007–008: what `build` refuses as too large for its page, found before a page
is laid out.

A clean `check` should mean that `build` succeeds. Two refusals of the build depend on
the content and on fixed sizes alone, so `check` asks the build's own functions:

- the band at the top of page 1 prints the organisation's name (after its logo) beside
  its contact lines; a name or a contact too wide for the paper stops every build of
  the language (`layout.band.band_problem`, on `layout.band.leaflet_band`);
- a leaflet's `url:` no QR code a phone reads can hold stops its build
  (`layout.qr_symbol.qr_symbol`).

What needs the laid-out pages (a block taller than a page, text under 9 pt, a heading
alone on a page …) is judged by the build alone (LAYOUT001–006, docs/checks.md).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..errors import LeafletError
from .registry import CheckContext, Issue, check

if TYPE_CHECKING:
    from ..layout.band import Band
    from ..theme.theme import Theme


@check(
    "LAYOUT007",
    "error",
    "An organisation name or contact line too wide for the band at the top of page 1 stops "
    "every build of the language.",
    scope="locale",
)
def band_too_wide(ctx: CheckContext) -> Iterator[Issue]:
    band = _band(ctx)
    if band is None:  # an invalid theme: LOAD004 names it (`checks.runner`)
        return
    prefix = f"[{ctx.locale}] " if ctx.is_translation else ""
    refused = _refused(band)
    if refused is not None:
        yield Issue(refused.location, prefix + refused.message, refused.hint)
        return
    for paper, theme in _other_papers(ctx):
        refused = _refused(dataclasses.replace(band, theme=theme))
        if refused is not None:  # fits the theme's paper: only a build on this one stops
            hint = (
                f"{refused.hint}; `build --paper {paper}` refuses this (so does a booklet, "
                "printed on A5 pages unless --paper names another)"
            )
            yield Issue(refused.location, prefix + refused.message, hint, severity="warning")
            return


def _refused(band: Band) -> LeafletError | None:
    """`band_problem`, or None for a band with a character no font has: it cannot be
    measured, and TEXT002 names the character, as the build stops at it first."""
    from ..layout.band import band_problem
    from ..typeset.errors import MissingGlyphError

    try:
        return band_problem(band)
    except MissingGlyphError:
        return None


@check(
    "LAYOUT008",
    "error",
    "A leaflet's web address too long for a QR code a phone can read stops its build.",
)
def address_too_long_for_a_code(ctx: CheckContext) -> Iterator[Issue]:
    url = ctx.source.url
    if not url:
        return
    from ..layout.qr_symbol import AddressTooLong, address_too_long, qr_symbol

    try:
        qr_symbol(url)
    except AddressTooLong as error:
        refused = address_too_long(error, ctx.source)
        yield Issue(refused.location, refused.message, refused.hint)


def _band(ctx: CheckContext) -> Band | None:
    """The band the build prints on page 1 of ``ctx.leaflet`` on the theme's paper: its
    name and the contact labels in the leaflet's language (its ui catalog's words)."""
    from ..i18n import ui_labels
    from ..layout.band import leaflet_band
    from ..typeset.fonts import register_fonts

    theme = _theme(ctx, None)
    if theme is None:
        return None
    labels = ui_labels(ctx.leaflet.language, ctx.project)
    return leaflet_band(ctx.leaflet, labels, theme, register_fonts(theme.fonts))


def _other_papers(ctx: CheckContext) -> Iterator[tuple[str, Theme]]:
    """The project theme on each paper `build --paper` may name besides its own."""
    from ..theme.theme import PAPER

    own = _theme(ctx, None)
    for paper in PAPER:
        if own is not None and paper != own.paper and (theme := _theme(ctx, paper)):
            yield paper, theme


def _theme(ctx: CheckContext, paper: str | None) -> Theme | None:
    """The project's theme (or the bundled one) on ``paper`` (None: its own), as `build`
    reads it (`build.build.project_theme`); None if it does not load (LOAD004)."""
    from ..theme.theme import load_theme

    path = ctx.project.theme_path
    try:
        return load_theme(path if path.is_file() else None, paper)
    except LeafletError:
        return None
