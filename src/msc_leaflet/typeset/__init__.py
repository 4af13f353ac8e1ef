"""The script-aware text stage: styled runs in, ReportLab paragraphs and lines out.

Everything that prints text (body paragraphs, headings, callouts, footers, reference
entries) goes through this package, so segmentation, shaping and the PDF text layer
are handled in one place for every script.

Why stock ReportLab 5.1 fails on Thai
-------------------------------------
* Without shaping it draws tone marks on top of upper vowels (ที่ looks like ที).
  With ``shaping=1`` the glyphs look right but the text layer loses marks: shaped
  glyphs without a cmap entry (``uni0E48.small``, the nikhahit+tone ligature) are
  mapped to invented private-use code points, and sara am comes out as ํ + า.
* It breaks lines only at spaces; Thai has none between words, so lines are ragged
  or, in a narrow column, words are cut by the long-word splitter, which measures
  unshaped widths and raises ``LayoutError: Splitting error`` on page splits.
* Its ToUnicode writer (``'<%02X> <%04X>'``) cannot map a glyph to several
  characters or to text above U+FFFF, so "fi" extracts as U+FB01.
* ``canvas.drawString(..., shaping=True)`` does nothing without ``rlbidi``.

What this stage does (one module per step)
------------------------------------------
``segmentation``  ICU line-break opportunities, minus breaks inside terms of the
                  project word list (``locales/<lang>/words.txt``) and Thai line rules.
``orthographic``  where a break would part a written syllable by the script's signs
                  alone (a killed Burmese final, a leading vowel, a conjunct): never,
                  not even in an emergency.
``shaping``       HarfBuzz, per same-font run, cached per (font, text); grapheme
                  clusters that know their source text; `MissingGlyphError` for .notdef.
``units``         runs → shaped units between break opportunities.
``linebreak``     greedy line filling; justification at spaces and (a little) at
                  word boundaries, never inside a cluster.
``render``        the text layer (spacing glyphs carry the text through glyph keys)
                  plus marks as outlines (``outlines``), links; ``paragraph`` and
                  ``draw`` are the flowable and the single-line API.
``ink``           how far apart a paragraph's lines are set so no mark touches
                  the line above or below it (the style's leading, or more).
``line_pitch``    the size a table cell's or parallel column's text layer is written
                  at when its lines are too far apart for extractors to read them as
                  one block; ``list_numbers`` writes its list numbers the same way.
``cell_edges``    a table cell's or parallel column's text layer kept inside its
                  column and apart from the cell drawn before it, so no extractor
                  reads two cells as one line or block.
``reading_order`` a line with right-to-left text: its text layer written in reading
                  order, with what each PDF text extractor needs to read it so.
``page_direction`` a page with right-to-left lines: marks that make pdftotext read it
                  right to left, however much Latin it holds.
``reportlab_overrides``  the only code touching ReportLab internals (ToUnicode CMaps
                  with exact text), guarded by a version and source fingerprint test.

Adding another complex script (Lao, Khmer, Myanmar)
---------------------------------------------------
1. Add a row to ``scripts.SCRIPTS``: Unicode block, ISO 15924 tag, the characters that
   may not start a line (e.g. Khmer's ៗ, Lao's ໆ) or end one (Lao leading vowels ເ ແ ໂ ໃ ໄ).
2. Register a font covering it in ``fonts.py`` (HarfBuzz shapes any OpenType script).
3. ICU already segments Lao, Khmer and Myanmar by dictionary; list the terms it
   splits in ``locales/<lang>/words.txt``.
4. Run the tests with a sample text: glyphs vs HarfBuzz, breaks at boundaries, and
   the four extractors. Scripts whose marks sit on the baseline with advance (Myanmar
   medials) need no change in ``render``: only zero-advance or shifted glyphs are drawn
   as outlines.
"""

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .draw import draw_runs, draw_runs_as_shapes
    from .errors import MissingGlyphError
    from .fonts import FontFamily, default_family, register_fonts
    from .paragraph import TextParagraph, cited_numbers, make_paragraph
    from .runs import Run
    from .segmentation import WordList, default_word_list, load_word_list, set_default_word_list
    from .units import runs_width

# Loaded on first use: planning a no-op batch build needs only font paths, not
# ReportLab, HarfBuzz and ICU.
__getattr__ = lazy_exports(
    __name__,
    globals(),
    {
        "draw_runs": ".draw",
        "draw_runs_as_shapes": ".draw",
        "runs_width": ".units",
        "MissingGlyphError": ".errors",
        "FontFamily": ".fonts",
        "default_family": ".fonts",
        "register_fonts": ".fonts",
        "TextParagraph": ".paragraph",
        "cited_numbers": ".paragraph",
        "default_word_list": ".segmentation",
        "make_paragraph": ".paragraph",
        "set_default_word_list": ".segmentation",
        "Run": ".runs",
        "WordList": ".segmentation",
        "load_word_list": ".segmentation",
    },
)

__all__ = [
    "FontFamily",
    "MissingGlyphError",
    "Run",
    "TextParagraph",
    "WordList",
    "cited_numbers",
    "default_family",
    "default_word_list",
    "draw_runs",
    "draw_runs_as_shapes",
    "load_word_list",
    "make_paragraph",
    "register_fonts",
    "runs_width",
    "set_default_word_list",
]
