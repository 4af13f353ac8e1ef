"""TEXT004: emphasis a reader never sees, as the face that sets it has no such style.

A theme declares the faces a family lacks as substitutes (``bold: regular`` for the
one-weight CJK font, ``italic: regular`` for Khmer, Lao, Burmese, Arabic, Devanagari),
and the build sets such text in the face it names, without faking a weight. So a
translator's ``**不要**停药`` ("do **not** stop your medicine") prints plain, and the
clinician approving the translation cannot tell. The check reads the project's own
theme and the faces the build gives each character (`typeset.fonts.unshown_emphasis`):
a theme that adds a bold CJK face hears nothing of it, and an English word inside
Chinese bold, set in the Latin family's bold, is no finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..content.inline import InlineError, parse_inline
from ..content.model import Figure, Leaflet, Text, texts
from ..errors import shown_value
from ..theme.fonts import role_of
from .printable import project_fonts
from .registry import CheckContext, Issue, check

if TYPE_CHECKING:
    from ..theme.fonts import FontFamilySpec


@check(
    "TEXT004",
    "warning",
    "Bold or italic in a script whose font the theme declares without that style prints "
    "plain: the emphasis of a warning is lost, and its reviewer cannot see it.",
    scope="locale",
)
def unshown_emphasis(ctx: CheckContext) -> Iterator[Issue]:
    from ..typeset.errors import script_tag_name
    from ..typeset.fonts import unshown_emphasis

    fonts = project_fonts(ctx)
    if fonts is None:  # an invalid theme: LOAD004 names it (`checks.runner`)
        return
    lang = ctx.leaflet.language
    prefix = f"[{ctx.locale}] " if ctx.is_translation else ""
    for text in printed_texts(ctx.leaflet):
        try:
            spans = parse_inline(text.value)
        except InlineError:  # the loader, or I18N's rules, report broken markup
            continue
        for span in spans:
            if not (span.bold or span.italic) or not span.text.strip():
                continue
            seen: set[str] = set()
            for found in unshown_emphasis(span.text, fonts, lang, span.bold, span.italic):
                if found.family.name in seen:
                    continue  # one finding per span and family
                seen.add(found.family.name)
                words = span.text[found.start : found.end].strip()
                styles = " and ".join(found.styles)
                script = script_tag_name(found.script) or found.script
                role = role_of(span.bold, span.italic)
                face = found.family.own_role(role)
                message = (
                    f"{prefix}{shown_value(words, 40)} is marked {styles} and prints in "
                    f"the {face} face: the {script} font ({found.family.name}) has no "
                    f"{role} face in the theme"
                )
                entry = ctx.msgstr_of(text, words)
                fix = f"; change {entry}" if entry else ""
                yield Issue(
                    ctx.sources.locate(text.line, "" if ctx.is_translation else words),
                    message,
                    _hint(found.family, role) + fix,
                    entry=ctx.entry_of(text, words),
                )


def printed_texts(leaflet: Leaflet) -> Iterator[Text]:
    """The texts the page prints: not a figure's alt text, which a screen reader speaks
    with its markup dropped (a translator's bold there printed nothing to lose, and was
    warned of as if it did), nor the keywords, which only the PDF's metadata holds."""
    spoken = {id(b.alt) for b in leaflet.blocks if isinstance(b, Figure) and b.alt}
    for text in texts(leaflet):
        if id(text) not in spoken and not text.is_keyword:
            yield text


def _hint(family: FontFamilySpec, role: str) -> str:
    """What to do: bold where the family has it and the text is italic (in a script
    with no italic, bold is the usual emphasis), else say it in words, or add the face
    to the theme."""
    add = (
        f"add {'an' if role[0] == 'i' else 'a'} {role} face under "
        f"`fonts: families: {family.name}` in theme.yaml (docs/scripts.md)"
    )
    if role == "italic" and not family.unshown("bold"):
        return f"use bold (**…**), which it has, or {add}"
    return f"say it in the words themselves, or {add}"
