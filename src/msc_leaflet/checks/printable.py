"""TEXT002: a character no font of the theme has, found before anything is laid out;
TEXT003: a text longer than the PDF string it is carried in may be.

`build` stops at such a character (`typeset.MissingGlyphError`): it would print as an
empty box. `msc-leaflet check` reads the same fact from the same place, the face
`typeset.fonts.font_spans` sets each character in (`typeset.fonts.first_missing`), so
an emoji, a Korean word in a Thai leaflet or a symbol is reported with the other
findings, at the line (or the .po entry) to change. A translation into a language
whose script no family sets (`typeset.fonts.locale_font`: Korean with the bundled
theme) is reported once, at its catalog, as `build` refuses it before a word of it is
translated. The page's own words (``ui.po``) and the organisation's printed fields are
set with every leaflet: a character there is one finding, at its entry or its line.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.model import texts
from ..errors import Location
from ..files import Stamp, file_stamp
from .claims import page_word_texts, profile_map, profile_texts
from .registry import CheckContext, Issue, check, msgstr_entry
from .source import po_locate

if TYPE_CHECKING:
    from ..theme.fonts import FontConfig


@check(
    "TEXT002",
    "error",
    "A character no font of the theme has prints as an empty box, and the build refuses it.",
    scope="locale",
)
def unprintable_character(ctx: CheckContext) -> Iterator[Issue]:
    from ..typeset.fonts import first_missing, locale_font, register_fonts

    fonts = project_fonts(ctx)
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
        message, hint = _unprintable(char, font, text.value)
        entry = ctx.msgstr_of(text, char)
        location = ctx.sources.locate(text.line, "" if ctx.is_translation else char)
        fix = f"; change {entry}" if entry else ""
        yield Issue(location, prefix + message, hint + fix, entry=ctx.entry_of(text, char))
    yield from _in_page_words(ctx, font)
    if not ctx.is_translation:  # the same band on every language's pages: once
        yield from _in_profile(ctx, font)


def _unprintable(char: str, font: str, value: str) -> tuple[str, str]:
    """The message and hint `build` stops with at ``char`` of ``value``."""
    from ..typeset.errors import MissingGlyphError, of_a_script

    message, hint = MissingGlyphError(char, font, value).for_reader()
    if of_a_script(char):
        hint = f"write the text without {char!r}, or {hint}"
    return message, hint


def _in_page_words(ctx: CheckContext, font: str) -> Iterator[Issue]:
    """TEXT002 in the words the page prints itself from ``ui.po`` ("Contact us"): the
    build stops at such a character with every leaflet in the language, so it is one
    finding, at the catalog entry (`run_checks` keeps one of each)."""
    from ..typeset.fonts import first_missing

    for text in page_word_texts(ctx):
        assert text.origin is not None
        char = first_missing(text.value, font, ctx.locale)
        if char is not None:
            message, hint = _unprintable(char, font, text.value)
            yield Issue(
                text.origin,
                f"[{ctx.locale}] {message}, in a word the page prints itself ('{text.context}')",
                f"{hint}; change {msgstr_entry(text, char)}",
                entry=po_locate(text.origin, char),
            )


def _in_profile(ctx: CheckContext, font: str) -> Iterator[Issue]:
    """TEXT002 in the organisation's printed fields (the band on every page): the build
    stops at such a character in every leaflet of the organisation. Each text is set in
    the language it is written for (`Text.comment`), else the leaflet's."""
    from ..typeset.fonts import first_missing

    path = ctx.leaflet.organisation.path
    lines = profile_map(path)
    for text in profile_texts(ctx):
        char = first_missing(text.value, font, text.comment or ctx.leaflet.language)
        if char is not None:
            message, hint = _unprintable(char, font, text.value)
            yield Issue(
                lines.locate(text.line, char) if lines else Location(path),
                f"{message}, in the organisation's {text.context}, printed on every leaflet",
                hint,
            )


def project_fonts(ctx: CheckContext) -> FontConfig | None:
    """The font table of the project's theme, None when the theme does not load."""
    path = ctx.project.theme_path
    return _theme_fonts(path, file_stamp(path.stat()) if path.is_file() else None)


@lru_cache(maxsize=4)
def _theme_fonts(path: Path, stamp: Stamp | None) -> FontConfig | None:
    """`theme.theme_fonts`, read once per version of the file (``stamp``): asked for
    every locale of every leaflet checked."""
    from ..theme.theme import theme_fonts

    return theme_fonts(path)


@check(
    "TEXT003",
    "error",
    "A title, alt text or keywords longer than a PDF string may be: the build refuses them.",
    scope="locale",
)
def too_long_for_a_pdf(ctx: CheckContext) -> Iterator[Issue]:
    """The build's own refusal (`content.pdf_strings.overlong_strings`), each text at
    its place: a translation's at the leaflet's line, its msgstr in the hint."""
    from ..content.pdf_strings import overlong_strings

    prefix = f"[{ctx.locale}] " if ctx.is_translation else ""
    for problem in overlong_strings(ctx.leaflet):
        yield Issue(problem.location, prefix + problem.message, problem.hint or "")
