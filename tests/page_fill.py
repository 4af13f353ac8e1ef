"""How empty each page's body is, measured from the PDF (#21, item 7). No tests here.

The body frame runs from the document-control footer zone up to below the band (page
1) or the running header (later pages). A page's reference footer, if it has one,
starts at its short rule: the body may use the space down to ``RULE_GAP`` above it.
The empty space is what is left between the lowest body baseline and that bottom.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTCurve, LTTextContainer, LTTextLine

from msc_leaflet.layout.footnotes import RULE_GAP
from msc_leaflet.layout.pages import FOOTER_ZONE
from msc_leaflet.theme.theme import load_theme

MM = 72 / 25.4


@dataclass(frozen=True)
class PageFill:
    page: int  # from 1
    empty: float  # points between the lowest body baseline and the body's bottom
    body: float  # the height of the body frame (its reference footer included)
    first_line: str  # the first body line of the page (what the page starts with)

    @property
    def share(self) -> float:
        return self.empty / self.body


@cache
def page_fill(path: Path, paper: str) -> tuple[PageFill, ...]:
    theme = load_theme(paper=paper)
    width, height = theme.page_size
    margins = theme.margins
    frame_bottom = margins["bottom"] + FOOTER_ZONE
    out = []
    for number, layout in enumerate(_pages(path), 1):
        top = (
            height - theme.spacing["band-height"] * MM - 10 * MM
            if number == 1
            else height - margins["top"] - 8 * MM
        )
        bottom = frame_bottom
        rules = [
            item.y0
            for item in _walk(layout)
            if isinstance(item, LTCurve)
            and abs(item.x0 - margins["left"]) < 1
            and abs(item.width - min(60.0, width - margins["left"] - margins["right"])) < 1
            and item.height < 1
        ]
        if rules:
            bottom = max(rules) + RULE_GAP
        lines = _lines_between(layout, bottom, top)
        lowest = min(y for y, _ in lines)
        first = max(lines)[1]
        out.append(PageFill(number, lowest - bottom, top - frame_bottom, first))
    return tuple(out)


def _lines_between(layout: object, bottom: float, top: float) -> list[tuple[float, str]]:
    """(baseline, text) of every text line of ``layout`` whose baseline is between
    ``bottom`` and ``top``: pdfminer's lines, a line of each column apart."""
    return [
        (chars[0].matrix[5], line.get_text().strip())
        for line in _walk(layout)
        if isinstance(line, LTTextLine)
        for chars in [[c for c in line if isinstance(c, LTChar)]]
        if chars and bottom - 1 < chars[0].matrix[5] < top + 1
    ]


@cache
def body_rows(path: Path, paper: str) -> tuple[tuple[str, ...], ...]:
    """The text of each page's body, one string per baseline (the columns of a parallel
    row read as one), between the running header and the document-control footer,
    reference footer included: what a page holds for a reader."""
    theme = load_theme(paper=paper)
    height = theme.page_size[1]
    margins = theme.margins
    bottom = margins["bottom"] + FOOTER_ZONE
    out = []
    for layout in _pages(path):
        top = height - margins["top"] - theme.sizes["small"] - 2  # below the running header
        rows: dict[int, list[str]] = {}
        for y, text in _lines_between(layout, bottom, top):
            if text:
                rows.setdefault(round(y), []).append(text)
        out.append(tuple(" | ".join(rows[y]) for y in sorted(rows, reverse=True)))
    return tuple(out)


@cache
def _pages(path: Path) -> tuple[object, ...]:
    """pdfminer's layout of every page, read once per file (slow on Thai text)."""
    return tuple(extract_pages(str(path)))


def _walk(item: object) -> list[object]:
    found = []
    stack = [item]
    while stack:
        node = stack.pop()
        found.append(node)
        if isinstance(node, LTTextContainer) or hasattr(node, "_objs"):
            stack.extend(cast("Iterable[object]", node))
    return found


def text_outside_boxes(path: Path) -> list[str]:
    """Text lines that cross the bottom edge of a shaded box, or sit just below it,
    while lying across it: a box split inside a parallel row drew its last line below
    its shading (#21). Each as "page N: text"."""
    from pdfminer.layout import LTRect

    found = []
    for number, layout in enumerate(_pages(path), 1):
        items = _walk(layout)
        shaded = [
            (item.x0, item.y0, item.x1, item.y1)
            for item in items
            if isinstance(item, LTRect) and item.fill and item.width > 40 and item.height > 12
        ]
        boxes = [_Edges(*box) for box in joined(shaded)]
        for line in items:
            if not isinstance(line, LTTextLine) or not line.get_text().strip():
                continue
            for box in boxes:
                across = box.x0 - 1 <= line.x0 <= box.x1 and line.x1 <= box.x1 + 1
                crosses = line.y0 < box.y0 - 1 < line.y1 and line.y1 <= box.y1 + 1
                below = box.y0 - 4 < line.y1 <= box.y0 - 1
                if across and (crosses or below):
                    found.append(f"page {number}: {line.get_text().strip()}")
    return found


#: How far below a shaded box's top edge its text's ink must stay, in points: half the
#: data table's top padding, the least of a shaded box's. A whole box's first line,
#: its tall marks included, stays farther in (a callout's label: 8 points).
INK_INSET = 2.0


def ink_at_box_tops(path: Path) -> list[str]:
    """Characters of a shaded box's text whose ink rises within `INK_INSET` of the box's
    top edge, or above it: the first line of a callout's continued part was drawn 1
    point under the edge, and its Thai ไ and โ rose above it. Ink from pdfium's tight
    character boxes; a character belongs to the box its baseline is in. Each as
    "page N: top of box, top of ink, character"."""
    found = []
    document = pypdfium2.PdfDocument(path)
    try:
        for number, page in enumerate(document, 1):
            text = page.get_textpage()
            chars = [
                (text.get_text_range(i, 1), _origin(text, i), text.get_charbox(i))
                for i in range(text.count_chars())
            ]
            for left, bottom, right, top in _shaded_boxes(page):
                for char, (x, y), (_, _, _, ink) in chars:
                    inside = left <= x <= right and bottom < y < top
                    if inside and char.strip() and ink > top - INK_INSET:
                        found.append(f"page {number}: box {top:.2f}, ink {ink:.2f} {char}")
    finally:
        document.close()
    return found


def _origin(text: pypdfium2.PdfTextPage, index: int) -> tuple[float, float]:
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(text.raw, index, ctypes.byref(x), ctypes.byref(y))
    return x.value, y.value


def _shaded_boxes(page: pypdfium2.PdfPage) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of each filled light rectangle wider than a glyph: a
    box's shading (not a glyph drawn as an outline, nor a rule)."""
    boxes = []
    for item in page.get_objects(max_depth=0):
        if item.type != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        left, bottom, right, top = item.get_bounds()
        mode, stroke = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDFPath_GetDrawMode(item.raw, ctypes.byref(mode), ctypes.byref(stroke))
        rgba = [ctypes.c_uint() for _ in range(4)]
        pdfium_c.FPDFPageObj_GetFillColor(item.raw, *(ctypes.byref(c) for c in rgba))
        light = all(180 <= c.value < 255 for c in rgba[:3])
        if mode.value and light and right - left > 40 and top - bottom > 8:
            boxes.append((left, bottom, right, top))
    return joined(boxes)


Box = tuple[float, float, float, float]


def joined(boxes: Iterable[Box]) -> list[Box]:
    """(left, bottom, right, top) of each shaded box a reader sees: rectangles of the
    same width that touch, one above the other, are one box. A split callout's rest is
    drawn as two, its "(continued)" label's row and its text's (ReportLab shades the
    header a table repeats apart), and the line under the first is inside the box."""
    out: list[Box] = []
    for left, bottom, right, top in sorted(boxes, key=lambda box: -box[3]):
        above = next(
            (n for n, (a, b, c, _) in enumerate(out)
             if abs(a - left) < 0.5 and abs(c - right) < 0.5 and abs(b - top) < 0.5),
            None,
        )  # fmt: skip
        if above is None:
            out.append((left, bottom, right, top))
        else:
            a, _, c, d = out[above]
            out[above] = (a, bottom, c, d)
    return out


@dataclass(frozen=True)
class _Edges:
    """A joined box, read as pdfminer's rectangles are."""

    x0: float
    y0: float
    x1: float
    y1: float


#: The width of the rule under a data table's header and under each of its other rows
#: (`BlockBuilder._data_table`): how a drawn table is told from the page's other rules.
HEADER_RULE, ROW_RULE = 0.8, 0.4


@dataclass(frozen=True)
class TablePart:
    """A data table's part as drawn on a page: its header and the rows under it."""

    page: int  # from 1
    left: float  # the table's left edge: a parallel page draws two tables side by side
    top: float  # the header's rule
    rows: int  # body rows, counted by the rule under each


@cache
def table_parts(path: Path) -> tuple[TablePart, ...]:
    """Every part of a data table drawn in ``path``, page by page, top to bottom: a
    header's rule and the row rules of the same width under it, down to the next
    header's (a split table repeats its header on each page)."""
    out = []
    for number, layout in enumerate(_pages(path), 1):
        rules = [
            (round(item.linewidth, 2), round(item.x0), round(item.x1), item.y0)
            for item in _walk(layout)
            if isinstance(item, LTCurve) and item.height < 0.01 and item.width > 1
        ]
        for width, x0, x1, top in sorted(rules, key=lambda rule: -rule[3]):
            if width != HEADER_RULE:
                continue
            below = [y for w, a, b, y in rules if (w, a, b) == (HEADER_RULE, x0, x1) and y < top]
            end = max(below, default=float("-inf"))
            rows = {
                round(y, 1)
                for w, a, b, y in rules
                if (w, a, b) == (ROW_RULE, x0, x1) and end < y < top - 0.5
            }
            out.append(TablePart(number, x0, top, len(rows)))
    return tuple(out)
