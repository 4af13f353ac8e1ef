"""TEXT002: a character no font of the theme has, found before anything is laid out.

`build` stops at such a character (`typeset.MissingGlyphError`): it would print as an
empty box. `msc-leaflet check` reads the same fact from the same place, the face
`typeset.fonts.font_spans` sets each character in (`typeset.fonts.first_missing`), so
an emoji, a Korean word in a Thai leaflet or a symbol is reported with the other
findings, at the line (or the .po entry) to change. A translation into a language
whose script no family sets (`typeset.fonts.locale_font`: Korean with the bundled
theme) is reported once, at its catalog, as `build` refuses it before a word of it is
translated.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.model import texts
from ..errors import Location
from ..files import Stamp, file_stamp
from .registry import CheckContext, Issue, check

if TYPE_CHECKING:
    from ..theme.fonts import FontConfig


@check(
    "TEXT002",
    "error",
    "A character no font of the theme has prints as an empty box, and the build refuses it.",
    scope="locale",
)
def unprintable_character(ctx: CheckContext) -> Iterator[Issue]:
    from ..typeset.errors import MissingGlyphError, of_a_script
    from ..typeset.fonts import first_missing, locale_font, register_fonts

    path = ctx.project.theme_path
    fonts = _theme_fonts(path, file_stamp(path.stat()) if path.is_file() else None)
    if fonts is None:  # an invalid theme: LOAD004 names it (`checks.runner`)
        return
    font = register_fonts(fonts).regular
    lang = ctx.leaflet.language
    prefix = f"[{ctx.locale}] " if ctx.is_translation else ""
    if ctx.is_translation:
        found = locale_font(fonts, ctx.locale)
        if found.family is None:  # every letter would be missing: one finding, not one a text
            from ..i18n.catalog import catalog_path

            message, hint = found.unprintable(ctx.locale)
            where = Location(catalog_path(ctx.project, ctx.locale, ctx.source.id))
            yield Issue(where, prefix + message, hint, entry=where)  # the whole catalog
            return
    for text in texts(ctx.leaflet):
        char = first_missing(text.value, font, lang)
        if char is None:
            continue
        message, hint = MissingGlyphError(char, font, text.value).for_reader()
        if of_a_script(char):
            hint = f"write the text without {char!r}, or {hint}"
        entry = ctx.msgstr_of(text, char)
        location = ctx.sources.locate(text.line, "" if ctx.is_translation else char)
        fix = f"; change {entry}" if entry else ""
        yield Issue(location, prefix + message, hint + fix, entry=ctx.entry_of(text, char))


@lru_cache(maxsize=4)
def _theme_fonts(path: Path, stamp: Stamp | None) -> FontConfig | None:
    """`theme.theme_fonts`, read once per version of the file (``stamp``): asked for
    every locale of every leaflet checked."""
    from ..theme.theme import theme_fonts

    return theme_fonts(path)
