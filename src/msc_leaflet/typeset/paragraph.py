"""The paragraph flowable: shaped units broken into lines, split across frames, drawn.

`TextParagraph` is a ReportLab ``Paragraph`` (so frames, tables, ``KeepTogether`` and
the layout treat it as one) whose ``wrap``/``split``/``draw`` run on this package's
units instead of ReportLab's fragment words. ReportLab's own breaker cannot be used
for Thai: it breaks only at spaces, measures unshaped widths, and its long-word
splitter is what raises ``LayoutError: Splitting error`` on shaped paragraphs.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer
from reportlab.platypus.paraparser import ParaFrag

from .linebreak import FUZZ, Line, Stretch, break_lines, fit_units, justify
from .render import draw_placed, place_units
from .runs import Run
from .segmentation import EMPTY_WORD_LIST, WordList, load_word_list
from .units import Unit, build_units

_default_words: WordList = EMPTY_WORD_LIST


def set_default_word_list(path: Path | str | None) -> WordList:
    """Use the word list at ``path`` (a project's ``locales/<lang>/words.txt``) for
    paragraphs made without an explicit one; None means no word list. Per process:
    call it in each worker."""
    global _default_words
    _default_words = load_word_list(path) if path is not None else EMPTY_WORD_LIST
    return _default_words


def default_word_list() -> WordList:
    """The word list set by `set_default_word_list` in this process (empty by default)."""
    return _default_words


def _frag(unit_text: str, run: Run) -> ParaFrag:
    """A ReportLab fragment describing a piece, for code that inspects ``.frags``."""
    frag = ParaFrag()
    frag.text = unit_text
    frag.fontName = run.font
    frag.fontSize = run.size
    frag.textColor = run.color
    frag.link = run.link
    frag.cites = run.cites
    return frag


class TextParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph of shaped units; each part of a split keeps only its own units."""

    def __init__(
        self,
        units: Sequence[Unit],
        style: ParagraphStyle,
        lang: str,
        *,
        justify_last: bool = False,
        on_emergency_break: Callable[[str], None] | None = None,
    ) -> None:
        self.units = list(units)
        self.lang = lang
        # Told the text of each unit cut by an emergency break: the layout reports them
        # (LAYOUT004), because a cut inside a word is a defect the author must fix.
        self.on_emergency_break = on_emergency_break
        self.justify_last = justify_last  # the first part of a split is justified to its end
        frags = [_frag(p.text, p.run) for u in self.units for p in u.pieces]
        super().__init__(None, style, frags=frags)
        self.text = self.getPlainText()
        self._lines: list[Line] = []
        self._widths: tuple[float, float] | None = None

    # --- measuring -------------------------------------------------------------------

    def _line_widths(self, avail_width: float) -> tuple[float, float]:
        style = self.style
        first = avail_width - style.leftIndent - style.firstLineIndent - style.rightIndent
        return first, avail_width - style.leftIndent - style.rightIndent

    def lines_for(self, avail_width: float) -> list[Line]:
        widths = self._line_widths(avail_width)
        if widths != self._widths:
            # A unit wider than a line is cut (hyphenated, or as an emergency) rather
            # than drawn past the margin; the cut units replace the originals so `split`
            # and `draw`, which index ``self.units`` by line, see the same list.
            report = self.on_emergency_break
            self.units = fit_units(
                self.units,
                min(widths),
                self.lang,
                on_forced=(lambda unit: report(_unit_text(unit))) if report else None,
            )
            self._lines = break_lines(self.units, *widths)
            self._widths = widths
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines_for(availWidth)) * self.style.leading
        return availWidth, self.height

    def minWidth(self) -> float:
        widest = max((u.width for u in self.units), default=0.0)
        return float(widest + self.style.leftIndent + self.style.rightIndent)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        lines = self.lines_for(availWidth)
        fit = int((availHeight + FUZZ) / self.style.leading)
        if len(lines) <= fit:
            # All of it fits. A frame never asks then, but a table row split inside a
            # parallel column can (it measures with stale heights) and reads two parts.
            return [self, Spacer(0, 0)]
        allow_orphans = getattr(self.style, "allowOrphans", 0)
        if fit == 0 or (fit == 1 and not allow_orphans):
            return []
        if fit == len(lines) - 1 and not getattr(self.style, "allowWidows", 1):
            fit -= 1  # give the widow company
            if fit < 2:
                return []
        cut = lines[fit].start
        first = TextParagraph(self.units[:cut], self.style, self.lang, justify_last=True)
        rest_style = self.style
        if rest_style.firstLineIndent:
            # The continuation is not a new paragraph: no first-line indent (as ReportLab).
            rest_style = copy.copy(rest_style)
            rest_style.firstLineIndent = 0
        rest = TextParagraph(
            self.units[cut:], rest_style, self.lang, justify_last=self.justify_last
        )
        first.wrap(availWidth, availHeight)
        return [first, rest]

    # --- drawing ----------------------------------------------------------------------

    def draw(self) -> None:
        style = self.style
        lines = self.lines_for(self.width)
        if not lines:
            return
        first_width, later_width = self._line_widths(self.width)
        first_size = max(
            (
                p.run.size
                for u in self.units[lines[0].start : lines[0].end]
                for p in u.pieces
                if not p.run.superscript
            ),
            default=style.fontSize,
        )
        baseline = self.height - first_size  # ReportLab: paraFontSizeHeightOffset
        for number, line in enumerate(lines):
            available = first_width if number == 0 else later_width
            x = style.leftIndent + (style.firstLineIndent if number == 0 else 0)
            last = number == len(lines) - 1
            stretch = Stretch()
            slack = available - line.width
            if style.alignment == TA_JUSTIFY and (not last or self.justify_last):
                stretch = justify(self.units, line, available)
            elif style.alignment == TA_RIGHT:
                x += slack
            elif style.alignment == TA_CENTER:
                x += slack / 2
            units = self.units[line.start : line.end]
            placed = place_units(units, x, stretch.space, stretch.boundary)
            draw_placed(self.canv, baseline - number * style.leading, placed)

    # --- inspecting -------------------------------------------------------------------

    def getPlainText(self, identify: Any = None) -> str:
        return "".join(u.text for u in self.units)

    def line_texts(self) -> list[str]:
        """The text each line shows after the last wrap (trailing spaces dropped)."""
        return [
            "".join(u.text for u in self.units[line.start : line.end]).rstrip(" ")
            for line in self._lines
        ]

    def __deepcopy__(self, memo: dict[int, Any]) -> TextParagraph:
        # Units are immutable; ReportLab deep-copies flowables before trial splits.
        clone = copy.copy(self)
        clone.units = list(self.units)
        return clone

    def __repr__(self) -> str:
        return f"TextParagraph({self.getPlainText()[:40]!r}, {len(self.units)} units)"


def make_paragraph(
    runs: Sequence[Run],
    style: ParagraphStyle,
    lang: str,
    *,
    words: WordList | Path | str | None = None,
    on_emergency_break: Callable[[str], None] | None = None,
) -> TextParagraph:
    """A paragraph flowable for ``runs``; ``words`` overrides the default word list."""
    if words is None:
        word_list = _default_words
    elif isinstance(words, WordList):
        word_list = words
    else:
        word_list = load_word_list(words)
    units = build_units(runs, lang, word_list)
    return TextParagraph(units, style, lang, on_emergency_break=on_emergency_break)


def _unit_text(unit: Unit) -> str:
    return "".join(cluster.text for piece in unit.pieces for cluster in piece.clusters)


def cited_numbers(flowable: Any) -> set[int]:
    """Citation numbers in this paragraph (or in this part of a split paragraph)."""
    if isinstance(flowable, TextParagraph):
        # Asked for every flowable placed and measured: no set per unit on the way.
        return {n for unit in flowable.units for piece in unit.pieces for n in piece.run.cites}
    found: set[int] = set()
    for frag in getattr(flowable, "frags", ()):
        found.update(getattr(frag, "cites", ()))
    return found
