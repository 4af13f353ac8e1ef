"""The theme's paragraph styles (`theme.styles.TextStyle`, plain data) → ReportLab's
`ParagraphStyle`s, in one leaflet's font family and language."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ..theme.styles import TextStyle
from ..theme.theme import Theme
from ..typeset import FontFamily
from .colours import theme_colour

ALIGNMENT = {"left": TA_LEFT, "justify": TA_JUSTIFY, "centre": TA_CENTER, "right": TA_RIGHT}


def build_styles(theme: Theme, family: FontFamily, lang: str) -> dict[str, ParagraphStyle]:
    """Every style of the theme, its leading scaled for ``lang``'s script."""
    scale = theme.leading_for(lang)
    return {
        name: paragraph_style(name, style, theme, family, scale)
        for name, style in theme.styles.items()
    }


def paragraph_style(
    name: str, style: TextStyle, theme: Theme, family: FontFamily, leading_scale: float
) -> ParagraphStyle:
    # ParagraphStyle has no keepWithNext of its own; a style without one leaves it unset.
    keep = {"keepWithNext": 1} if style.keep_with_next else {}
    return ParagraphStyle(
        name,
        fontName=family.face(bold="bold" in style.font, italic="italic" in style.font),
        fontSize=style.size,
        leading=style.leading * leading_scale,
        textColor=theme_colour(theme, style.colour),
        alignment=ALIGNMENT[style.align],
        spaceBefore=style.space_before,
        spaceAfter=style.space_after,
        leftIndent=style.left_indent,
        firstLineIndent=style.first_line_indent,
        allowWidows=int(style.allow_widows),
        allowOrphans=int(style.allow_orphans),
        keepPhrasesBelow=style.keep_phrases_below,  # read by `typeset.paragraph`
        balanceLines=style.balance,  # read by `typeset.paragraph`
        shrinkWordsTo=style.shrink_words_to,  # read by `typeset.paragraph`
        **keep,
    )
