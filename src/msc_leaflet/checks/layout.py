"""Layout-derived checks: problems only a finished page shows.

These read a `LayoutReport`: plain data the build fills in after laying out each PDF
(`build.build.check_layout`: every text size the canvas printed, what each page holds, which
reference footers crowd their page, which runs the text stage had to cut) and hands to
`run_layout_checks`. `msc-leaflet
check` alone has no layout, so it does not run them; every build does.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.model import Figure, Text
from ..errors import Location
from ..print_spec import PRINT_PPI, InkLimit
from .registry import CheckContext, Issue, check

if TYPE_CHECKING:
    from ..layout.proof import MovedNotes
    from ..layout.unprintable import Outside

MIN_TEXT_SIZE_PT = 9.0  # body text for older readers; RNIB and NHS print guidance: 12 pt


@dataclass(frozen=True)
class PageSummary:
    number: int
    block_kinds: tuple[str, ...]  # kinds of the blocks that start on the page, in order
    footer_overflow: bool = False
    line: int = 0  # leaflet line of the first block the page starts (0: unknown)


@dataclass(frozen=True)
class TextSize:
    size_pt: float
    line: int  # source line of the text drawn at this size
    context: str = ""


@dataclass(frozen=True)
class LineBreakViolation:
    line: int  # source line
    text: str  # the two characters around the break
    rule: str  # e.g. "break before ะ"
    # The leaflet text cut (its .po entry in a translation, ``Text.origin``): None when
    # the layout wrote the text itself or it is not found.
    written: Text | None = None
    # Where a cut text no leaflet holds is written: a ui.po word's msgstr, the
    # organisation profile's line (`layout.unprintable.written_outside`).
    outside: Outside | None = None


@dataclass(frozen=True)
class PlacedPicture:
    """A picture as printed: a figure's or the organisation's logo."""

    path: Path
    ppi: float  # the lowest it was printed at: pixels across over inches across
    width_pt: float  # its printed width then
    as_filed: bool = True  # its file's inks go to press (`layout.images.printed_as_filed`)


@dataclass(frozen=True)
class LayoutReport:
    """What a build saw; every field is plain data so a test can build one by hand."""

    pages: tuple[PageSummary, ...] = ()
    text_sizes: tuple[TextSize, ...] = ()
    line_breaks: tuple[LineBreakViolation, ...] = ()
    min_text_size_pt: float = MIN_TEXT_SIZE_PT
    pdf: str = ""  # the PDF path, for messages
    pictures: tuple[PlacedPicture, ...] = ()
    for_paper: bool = False  # a print build (`PrintSpec.for_paper`): pictures are judged
    # The press's ink limit in a CMYK build (CMYK pictures are printed as filed); None in
    # a screen build, which shows them in RGB.
    ink_limit: InkLimit | None = None
    # Proof pages whose block contexts the first margin could not hold at 9 pt.
    margin_notes: tuple[MovedNotes, ...] = ()


def _report(ctx: CheckContext) -> LayoutReport | None:
    return ctx.layout


def _at(ctx: CheckContext, line: int = 0) -> Location:
    return ctx.sources.locate(line, "") if line else Location(ctx.leaflet.path)


@check(
    "LAYOUT001",
    "error",
    "Text below the minimum size cannot be read by many older patients.",
    scope="layout",
)
def small_text(ctx: CheckContext) -> Iterator[Issue]:
    report = _report(ctx)
    if report is None:
        return
    for item in report.text_sizes:
        if item.size_pt < report.min_text_size_pt:
            yield Issue(
                _at(ctx, item.line),
                f"[{ctx.locale}] text printed at {item.size_pt:g} pt, below "
                f"{report.min_text_size_pt:g} pt" + (f" ({item.context})" if item.context else ""),
                "shorten the text or raise the size in the theme",
            )


@check(
    "LAYOUT002",
    "warning",
    "A page with only a heading separates the heading from its text.",
    scope="layout",
)
def lonely_heading(ctx: CheckContext) -> Iterator[Issue]:
    report = _report(ctx)
    if report is None:
        return
    for page in report.pages:
        if page.block_kinds == ("heading",):
            yield Issue(
                _at(ctx, page.line),
                f"[{ctx.locale}] page {page.number} holds only a heading",
                "shorten the previous section or move the heading",
            )


@check(
    "LAYOUT003",
    "error",
    "An overflowing reference footer drops sources from the page that cites them.",
    scope="layout",
)
def footer_overflow(ctx: CheckContext) -> Iterator[Issue]:
    report = _report(ctx)
    if report is None:
        return
    for page in report.pages:
        if page.footer_overflow:
            yield Issue(
                _at(ctx, page.line),
                f"[{ctx.locale}] the reference footer of page {page.number} overflowed",
                # The layout moves any later block whose notes would crowd the page
                # (`layout.footnotes`): only the block the page starts with cites so many.
                "split this block into several, or cite fewer references in it",
            )


@check(
    "LAYOUT004",
    "error",
    "A Thai line broken inside a word or before a combining mark is misread.",
    scope="layout",
)
def thai_line_break(ctx: CheckContext) -> Iterator[Issue]:
    report = _report(ctx)
    if report is None:
        return
    for item in report.line_breaks:
        if item.outside is not None:  # the same on every leaflet: at the file holding it
            yield Issue(
                item.outside.location,
                f"[{ctx.locale}] line break {item.rule}: “{item.text}”, in {item.outside.what}",
                break_point_hint(ctx.locale),
            )
            continue
        entry = ctx.msgstr_of(item.written) if item.written is not None else ""
        yield Issue(
            _at(ctx, item.line),
            f"[{ctx.locale}] line break {item.rule}: “{item.text}”",
            break_point_hint(ctx.locale) + (f"; change {entry}" if entry else ""),
        )


@check(
    "LAYOUT005",
    "warning",
    "A picture under 300 ppi at its printed size looks soft or jagged on paper, and the "
    "print shop's preflight flags it by a name no one can trace.",
    scope="layout",
)
def coarse_picture(ctx: CheckContext) -> Iterator[Issue]:
    report = _report(ctx)
    if report is None or not report.for_paper:
        return
    for picture in report.pictures:
        if picture.ppi >= PRINT_PPI - 0.5:  # rounding of the printed width
            continue
        if (placed := _picture_place(ctx, picture.path)) is None:
            continue
        where, what = placed
        needed = math.ceil(picture.width_pt / 72 * PRINT_PPI)
        yield Issue(
            where,
            f"[{ctx.locale}] {what} {picture.path.name} prints at {picture.ppi:.0f} ppi, "
            f"under the {PRINT_PPI:.0f} ppi print shops ask for",
            f"use a picture at least {needed:,} px wide",
        )


@check(
    "LAYOUT006",
    "warning",
    "A CMYK picture is printed as filed: one holding more ink than the press lays down "
    "smears and will not dry.",
    scope="layout",
)
def inky_picture(ctx: CheckContext) -> Iterator[Issue]:
    from ..layout.images import picture_ink

    report = _report(ctx)
    if report is None or report.ink_limit is None:
        return
    limit = report.ink_limit
    for picture in report.pictures:
        ink = picture_ink(picture.path) if picture.as_filed else None  # else converted
        if ink is None or ink <= limit.percent + 0.5:  # a pixel's rounding
            continue
        if (placed := _picture_place(ctx, picture.path)) is None:
            continue
        where, what = placed
        yield Issue(
            where,
            f"[{ctx.locale}] {what} {picture.path.name} is CMYK with up to {ink:.0f} % total "
            f"ink, more than the press lays down ({limit})",
            "convert it with the print shop's profile, or give the picture in RGB: a print "
            "build converts RGB within the limit",
        )


def _picture_place(ctx: CheckContext, path: Path) -> tuple[Location, str] | None:
    """Where a picture the layout placed is given, and what it is there: a figure's
    line in the leaflet, or the logo's organisation file; None for one neither gives."""
    for block in ctx.leaflet.blocks:
        if isinstance(block, Figure) and block.path == path:
            return _at(ctx, block.line), "figure"
    if path == ctx.leaflet.organisation.logo:
        return Location(ctx.leaflet.organisation.path), "logo"
    return None


def break_point_hint(locale: str) -> str:
    """What gives a run of ``locale`` a break point. Only the languages ICU breaks by
    dictionary (Thai, Lao, Khmer, Burmese: no spaces between words) have a zero-width
    space as a word's end and a word list; an English or Vietnamese author was sent to
    locales/th/words.txt."""
    from ..languages import language_subtag, profile

    language = profile(locale)
    if not language.phrase_spaces:
        return "shorten the run or give it a break point: a space"
    return (
        "shorten the run or give it a break point: a space, or a zero-width space "
        f"(U+200B) where a {language.name} word may end; a {language.name} term split "
        f"wrongly belongs in locales/{language_subtag(locale)}/words.txt"
    )


@check(
    "LAYOUT009",
    "warning",
    "A proof page with more block contexts than the margin its lines start at holds "
    "continues them in the other margin, smaller: a reviewer looks for them there.",
    scope="layout",
)
def crowded_margin(ctx: CheckContext) -> Iterator[Issue]:
    from ..layout.proof import MARGIN_NOTE_SIZE  # laid out already: the report is its

    report = _report(ctx)
    if report is None:
        return
    lines = {page.number: page.line for page in report.pages}
    for moved in report.margin_notes:
        where = _at(ctx, lines.get(moved.page, 0))
        first, other = moved.margins
        said = f"[{ctx.locale}] proof page {moved.page}: the {first} margin holds too few of its "
        said += f"block contexts; {moved.facing} continue in the {other} margin"
        said += f", all set at {moved.size:g} pt" if moved.size < MARGIN_NOTE_SIZE else ""
        if moved.lost:
            said += f"; no margin holds {', '.join(moved.lost)}"
        yield Issue(
            where,
            said,
            f"look for them in the {other} margin; the page holds many short blocks: join "
            "some, or give the page fewer",
        )
