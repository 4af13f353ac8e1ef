"""Paragraph flowables built from runs, never from ReportLab's XML markup parser."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaFrag

from .runs import Run

SUPERSCRIPT_SCALE = 0.68
SUPERSCRIPT_RISE = 0.38  # of the body size


def _frag(run: Run, link_index: int) -> ParaFrag:
    frag = ParaFrag()
    frag.text = run.text
    frag.fontName = run.font
    frag.fontSize = run.size * SUPERSCRIPT_SCALE if run.superscript else run.size
    frag.textColor = run.color
    frag.rise = run.size * SUPERSCRIPT_RISE if run.superscript else 0
    frag.link = [(link_index, run.link)] if run.link else []
    frag.us_lines = []
    frag.greek = 0
    frag.bold = frag.italic = 0
    frag.cites = run.cites
    return frag


class TextParagraph(Paragraph):  # type: ignore[misc]
    """A ReportLab paragraph whose fragments come from the text stage."""


def make_paragraph(runs: Sequence[Run], style: ParagraphStyle, lang: str) -> TextParagraph:
    frags = [_frag(run, n) for n, run in enumerate(runs) if run.text]
    return TextParagraph(None, style, frags=frags)


def cited_numbers(paragraph: Paragraph) -> set[int]:
    """Citation numbers in this paragraph (or in this part of a split paragraph)."""
    found: set[int] = set()
    stack: list[object] = list(paragraph.frags)
    while stack:
        item = stack.pop()
        found.update(getattr(item, "cites", ()))
        words = getattr(item, "words", None)  # split paragraphs hold line/word structures
        if isinstance(words, list):
            stack.extend(words)
        if isinstance(item, (list, tuple)):
            stack.extend(item)
    return found
