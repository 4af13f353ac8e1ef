"""Paragraph styles derived from the theme: the typographic hierarchy in one place."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from ..theme.theme import Theme
from ..typeset import FontFamily
from .colours import theme_colour


def build_styles(theme: Theme, family: FontFamily, lang: str) -> dict[str, ParagraphStyle]:
    s, sp = theme.sizes, theme.spacing

    def c(name: str) -> Color:
        return theme_colour(theme, name)

    scale = theme.leading_for(lang)
    body = ParagraphStyle(
        "body",
        fontName=family.regular,
        fontSize=s["body"],
        leading=s["body-leading"],
        textColor=c("ink"),
        spaceAfter=sp["paragraph"],
        alignment=TA_LEFT,
        allowWidows=0,
        allowOrphans=0,
    )

    def derive(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **changes)

    styles = {
        "body": body,
        "body-justified": derive("body-justified", alignment=TA_JUSTIFY),
        "kicker": derive(
            "kicker",
            fontName=family.bold,
            fontSize=s["kicker"],
            leading=s["kicker"] * 1.3,
            textColor=c("accent"),
            spaceAfter=4,
        ),
        "title": derive(
            "title",
            fontName=family.bold,
            fontSize=s["title"],
            leading=s["title-leading"],
            spaceAfter=4,
        ),
        "subtitle": derive(
            "subtitle",
            fontSize=s["subtitle"],
            leading=s["subtitle"] * 1.3,
            textColor=c("muted"),
            spaceAfter=8,
        ),
        "lede": derive(
            "lede",
            fontSize=s["lede"],
            leading=s["lede-leading"],
            spaceAfter=sp["block"],
        ),
        "heading": derive(
            "heading",
            fontName=family.bold,
            fontSize=s["heading"],
            leading=s["heading-leading"],
            spaceBefore=sp["heading-before"],
            spaceAfter=sp["heading-after"],
            keepWithNext=1,
        ),
        "callout-label": derive(
            "callout-label",
            fontName=family.bold,
            fontSize=s["small"],
            leading=s["small-leading"],
            spaceAfter=2,
        ),
        "callout": derive("callout", spaceAfter=3),
        "quote": derive(
            "quote",
            fontName=family.italic,
            fontSize=s["lede"],
            leading=s["lede-leading"],
            textColor=c("accent"),
            spaceAfter=2,
        ),
        "attribution": derive(
            "attribution",
            fontSize=s["small"],
            leading=s["small-leading"],
            textColor=c("muted"),
        ),
        "faq-question": derive(
            "faq-question",
            fontName=family.bold,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "faq-answer": derive("faq-answer", spaceAfter=4),
        "list-item": derive("list-item", spaceAfter=3),
        "table-head": derive(
            "table-head",
            fontName=family.bold,
            fontSize=s["small"] + 0.5,
            leading=(s["small"] + 0.5) * 1.3,
            spaceAfter=0,
        ),
        "table-cell": derive(
            "table-cell",
            fontSize=s["small"] + 0.5,
            leading=(s["small"] + 0.5) * 1.3,
            spaceAfter=0,
        ),
        "caption": derive(
            "caption",
            fontSize=s["small"],
            leading=s["small-leading"],
            textColor=c("muted"),
            spaceBefore=3,
        ),
        "reference": derive(
            "reference",
            fontSize=s["note"],
            leading=s["note-leading"],
            textColor=c("muted"),
            leftIndent=14,
            firstLineIndent=-14,
            spaceAfter=1,
        ),
        "reference-list": derive(  # a list readers look things up in: above footer size
            "reference-list",
            fontSize=s["small"] + 0.5,
            leading=(s["small"] + 0.5) * 1.3,
            leftIndent=18,
            firstLineIndent=-18,
            spaceAfter=3,
        ),
        "small": derive("small", fontSize=s["small"], leading=s["small-leading"]),
        "footer": derive(
            "footer",
            fontSize=s["note"],
            leading=s["note-leading"],
            textColor=c("muted"),
        ),
    }
    for style in styles.values():
        style.leading *= scale
    return styles
