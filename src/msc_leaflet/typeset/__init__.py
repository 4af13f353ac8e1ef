"""The script-aware text stage: styled runs in, ReportLab paragraphs and lines out.

Everything that prints text (body paragraphs, headings, callouts, footers, reference
entries) goes through this package, so segmentation, shaping and the PDF text layer
are handled in one place for every script.
"""

from .draw import draw_runs, runs_width
from .fonts import FontFamily, default_family
from .paragraph import TextParagraph, cited_numbers, make_paragraph
from .runs import Run

__all__ = [
    "FontFamily",
    "Run",
    "TextParagraph",
    "cited_numbers",
    "default_family",
    "draw_runs",
    "make_paragraph",
    "runs_width",
]
