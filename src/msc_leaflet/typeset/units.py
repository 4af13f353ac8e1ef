"""Runs → shaped, unbreakable units: the plain data the line breaker works on.

A `Unit` is the text between two break opportunities (a Thai word, an English word
with its trailing space, a term from the word list), shaped run by run. Lines are
whole units; units are never split, so a line can only end at a word boundary.
In a ``keep-phrases-below`` paragraph (a table cell) a Japanese or Chinese unit is a whole
phrase: the opportunities inside it are kept as its ``soft_breaks``, where the line
breaker cuts it only when it is wider than the line (`linebreak.fit_units`).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter

from ..content.composition import composed
from ..languages import right_to_left
from .bidi import ISOLATE_CONTROLS, levels
from .citation_text import bracketed, meets_number
from .fonts import font_spans
from .kept_groups import address_spans
from .left_to_right import isolate_left_to_right
from .runs import Run
from .segmentation import (
    BREAKING_SPACES,
    ZERO_WIDTH_SPACE,
    WordList,
    default_word_list,
    line_breaks_and_terms,
    phrase_breaks,
)
from .shaping import NO_CONTEXT, ZERO_WIDTH_JOINER, Cluster, joining_context, shape
from .squeeze import halved_punctuation
from .syllables import STACKERS

#: A cluster's advance: ``map`` with it sums a piece's clusters without a generator.
_ADVANCE: Callable[[Cluster], float] = attrgetter("advance")
SUPERSCRIPT_SCALE = 0.68
SUPERSCRIPT_RISE = 0.38  # of the body size
# The EU readability guideline for patient leaflets allows no printed text below 9 pt;
# citation numbers are text a reader must match to the footer, so they obey it too.
SUPERSCRIPT_MIN_SIZE = 9.0


@dataclass(frozen=True, slots=True)
class Piece:
    """The clusters of one run inside one unit."""

    run: Run
    clusters: tuple[Cluster, ...]
    size: float  # the size glyphs are drawn at (superscripts are smaller)
    rise: float  # baseline shift in points
    # The clusters' text, joined once: a paragraph reads it for its ReportLab fragments,
    # its plain text and every line's text (joining each time was a quarter of the
    # time it took to make a paragraph).
    text: str
    level: int = 0  # bidi embedding level: odd runs right to left (``bidi``)

    def width(self) -> float:
        return sum(map(_ADVANCE, self.clusters)) * self.size / 1000


@dataclass(frozen=True, slots=True)
class Unit:
    """Text between two break opportunities, shaped; never split across lines."""

    pieces: tuple[Piece, ...]
    width: float  # points, without the trailing spaces
    space_width: float  # points taken by trailing spaces (dropped at a line end)
    trailing_spaces: int  # number of trailing space clusters
    # Offsets in ``text`` of the line-break opportunities inside a phrase kept whole:
    # a cut there, when the phrase is wider than the line, splits no word a reader
    # would not split (Japanese and Chinese break between characters).
    soft_breaks: tuple[int, ...] = ()
    # (start, end) offsets in ``text`` of the word-list terms it holds (or part of one,
    # clipped to it): `linebreak.fit_units` cuts a unit wider than the line inside one
    # only when the term alone is wider than the line, and reports the cut.
    listed: tuple[tuple[int, int], ...] = ()
    # Part of a web or e-mail address or a DOI (`kept_groups.address_spans`): it breaks
    # at the Chicago rule's points (`address_breaks`), and a unit of it wider than the
    # line is cut with no hyphen, which a reader would type (verylongmailbox-name@…).
    address: bool = False

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @property
    def ends_with_space(self) -> bool:
        """Whether it ends in a U+0020, which a justified line stretches; after an
        ideographic or thin space, which keep their width, the boundary stretches."""
        if not self.trailing_spaces:
            return False
        clusters = self.pieces[-1].clusters
        return bool(clusters) and clusters[-1].text == " "

    @property
    def stretched_trailing_spaces(self) -> int:
        """How many of its trailing spaces are U+0020 (`ends_with_space`)."""
        count = 0
        seen = 0
        for piece in reversed(self.pieces):
            for cluster in reversed(piece.clusters):
                if seen == self.trailing_spaces:
                    return count
                seen += 1
                count += cluster.text == " "
        return count


# A piece and a unit are made for every word of every paragraph laid out (~3,700 per
# output). A frozen dataclass's ``__init__`` stores each field with a call to
# ``object.__setattr__``, which finds the field's slot descriptor and stores through
# it: 4 % of a build. `_new_piece` and `_new_unit` store through the descriptors
# directly. What they make is what ``Piece(...)`` and ``Unit(...)`` make (equal,
# hashed alike, as frozen to all other code); the unpacking below fails at import
# if a field is added and they were not told.
_PIECE_RUN, _PIECE_CLUSTERS, _PIECE_SIZE, _PIECE_RISE, _PIECE_TEXT, _PIECE_LEVEL = (
    vars(Piece)[field.name].__set__ for field in fields(Piece)
)
_UNIT_PIECES, _UNIT_WIDTH, _UNIT_SPACE, _UNIT_SPACES, _UNIT_SOFT, _UNIT_LISTED, _UNIT_ADDRESS = (
    vars(Unit)[field.name].__set__ for field in fields(Unit)
)
_new = object.__new__


def _new_piece(
    run: Run, clusters: tuple[Cluster, ...], size: float, rise: float, text: str, level: int
) -> Piece:
    """``Piece(run, clusters, size, rise, text, level)``, made faster."""
    piece: Piece = _new(Piece)
    _PIECE_RUN(piece, run)
    _PIECE_CLUSTERS(piece, clusters)
    _PIECE_SIZE(piece, size)
    _PIECE_RISE(piece, rise)
    _PIECE_TEXT(piece, text)
    _PIECE_LEVEL(piece, level)
    return piece


def _new_unit(
    pieces: tuple[Piece, ...],
    width: float,
    space_width: float,
    trailing_spaces: int,
    soft_breaks: tuple[int, ...],
    listed: tuple[tuple[int, int], ...],
    address: bool = False,
) -> Unit:
    """``Unit(pieces, width, space_width, trailing_spaces, soft_breaks, listed,
    address)``, made faster."""
    unit: Unit = _new(Unit)
    _UNIT_PIECES(unit, pieces)
    _UNIT_WIDTH(unit, width)
    _UNIT_SPACE(unit, space_width)
    _UNIT_SPACES(unit, trailing_spaces)
    _UNIT_SOFT(unit, soft_breaks)
    _UNIT_LISTED(unit, listed)
    _UNIT_ADDRESS(unit, address)
    return unit


def prepare_runs(runs: Sequence[Run]) -> list[Run]:
    """Normalise run text: composed (`content.composition`), line ends as spaces,
    combining marks kept with their base.

    A style change inside a grapheme cluster (bold on a tone mark only) cannot be
    shaped: the mark moves into the run of its base consonant. So does a consonant a
    Khmer coeng, the Burmese stacker or an Indic virama ends the run before with
    (ក្|លី, ကမ္|ဘာ, क्|ष), with its own marks: shaped apart, it stood in full beside
    the consonant it is written under or joined to, the coeng or virama drawn alone.
    """
    out: list[Run] = []
    for run in runs:
        text = composed(run.text).replace("\r\n", " ")
        if "\n" in text or "\t" in text or "\r" in text:  # translating reads every character
            text = text.translate({ord("\n"): " ", ord("\t"): " ", ord("\r"): " "})
        if out and text and not run.superscript:
            lead = _cluster_lead(out[-1].text, text)
            if lead:
                prev = out[-1]
                out[-1] = _with_text(prev, prev.text + text[:lead])
                text = text[lead:]
        if text:
            out.append(_with_text(run, text))
    return out


def _cluster_lead(before: str, text: str) -> int:
    """How many characters at the start of ``text`` belong to the cluster ``before``
    ends in: its marks, and a letter after a stacker with the marks and stacked
    letters after it (ស្ + ត្រី: all of ត្រី)."""
    lead = 0
    last = before[-1:]
    while lead < len(text):
        char = text[lead]
        if unicodedata.category(char) not in ("Mn", "Mc", "Me") and not (
            last and last in STACKERS and char.isalpha()
        ):
            break
        last = char
        lead += 1
    return lead


def _with_text(run: Run, text: str, font: str | None = None) -> Run:
    font = font or run.font
    return Run(
        text, font, run.size, run.color, run.link, run.superscript, run.cites, run.label, run.lang
    )


def runs_by_font(runs: Sequence[Run], lang: str) -> list[Run]:
    """``runs`` split where the face changes: each character in its script's face."""
    out: list[Run] = []
    for run in runs:
        spans = font_spans(run.text, run.font, lang)
        if len(spans) == 1 and spans[0][2] == run.font:
            out.append(run)
            continue
        out.extend(_with_text(run, run.text[a:b], face) for a, b, face in spans)
    return out


def build_units(
    runs: Sequence[Run], lang: str, words: WordList, *, phrases: bool = False
) -> list[Unit]:
    """Shape ``runs`` into units split at the allowed break opportunities; ``phrases``:
    only at those that end a phrase (`segmentation.phrase_breaks`), the others kept
    as each unit's ``soft_breaks``."""
    runs = runs_by_font(prepare_runs(runs), lang)
    texts: list[str] = []
    forced: list[int] = []  # an author's zero-width space: a break hint, never drawn
    superscripts: set[int] = set()
    bounds: list[tuple[int, int, Run]] = []
    # The text with its isolates (U+2066–U+2069): they order the text around them and
    # are then taken out, as the zero-width space is, so no glyph or text layer holds
    # them (pdftotext moved a "+" to another line round one).
    isolated: list[str] = []
    position = 0
    for run in runs:
        text = run.text
        if ZERO_WIDTH_SPACE in text:
            parts = text.split(ZERO_WIDTH_SPACE)
            offset = position
            for part in parts[:-1]:
                offset += len(part)
                forced.append(offset)
            text = "".join(parts)
        isolated.append(text)
        text = ISOLATE_CONTROLS.sub("", text)
        if not text:
            continue
        if run.superscript:
            # A citation stays with the word it follows: no break before or inside it.
            superscripts.update(range(position, position + len(text)))
        bounds.append((position, position + len(text), run))
        texts.append(text)
        position += len(text)
    full = "".join(texts)
    breaks, listed = line_breaks_and_terms(full, lang, words, superscripts, forced)
    addresses = address_spans(full)
    rtl = right_to_left(lang)
    with_isolates = "".join(isolated)
    if rtl:  # numbers with their units, codes: each one left-to-right stretch
        with_isolates = isolate_left_to_right(with_isolates)
    if len(with_isolates) == len(full):
        bidi = levels(full, rtl)
    else:
        resolved = levels(with_isolates, rtl)
        bidi = tuple(
            level
            for char, level in zip(with_isolates, resolved, strict=True)
            if not ISOLATE_CONTROLS.match(char)
        )
    # One level throughout (every paragraph without right-to-left text): no change.
    if bidi.count(bidi[0] if bidi else 0) == len(bidi):
        changes: list[int] = []
    else:
        changes = [i for i in range(1, len(full)) if bidi[i] != bidi[i - 1]]
    # Shaped between every two opportunities, phrases or not: a phrase's characters
    # get the advances they have in a paragraph that breaks between them.
    cuts = sorted({0, len(full), *breaks, *changes, *(start for start, _, _ in bounds)})
    unit_ends = set(phrase_breaks(full, lang, breaks) if phrases else breaks) | {len(full)}
    soft = sorted(set(breaks) - unit_ends)
    # Letters that join (`joining_context`) are right to left, or a zero-width joiner: a
    # paragraph with neither (every English and Thai one) needs no context, nor the
    # two look-ups per piece that would find none.
    joins = ZERO_WIDTH_JOINER in full or max(bidi, default=0) > 0
    # Full-width marks side by side ("。」", "、「"), set on half an em (`squeeze`).
    halved = halved_punctuation(full, lang)

    opening, closing = _bracketed_citations(full, superscripts)

    units: list[Unit] = []
    pieces: list[Piece] = []
    run_index = 0
    start = 0
    first_listed = 0  # no term before it ends after ``start``: none reaches a later unit
    for a, b in pairwise(cuts):
        while bounds[run_index][1] <= a:
            run_index += 1
        run = bounds[run_index][2]
        context = joining_context(full, a, b) if joins else NO_CONTEXT
        own: tuple[int, ...] = ()
        if halved:
            own = tuple(i - a for i in halved[bisect_left(halved, a) : bisect_left(halved, b)])
        piece = _piece(run, full[a:b], lang, bidi[a] if full else 0, context, own)
        if (
            pieces
            and piece.run.font != pieces[-1].run.font
            and _is_mark(full[a])
            and piece.level % 2 == 0
        ):
            piece = _centred_on_base(pieces[-1], piece)
        if run.superscript and (a in opening or b in closing):
            clusters = bracketed(piece.clusters, run.font, a in opening, b in closing)
            piece = _new_piece(run, clusters, piece.size, piece.rise, piece.text, piece.level)
        pieces.append(piece)
        if b in unit_ends:
            inner = soft[bisect_right(soft, start) : bisect_left(soft, b)] if soft else ()
            held: tuple[tuple[int, int], ...] = ()
            if listed:
                while first_listed < len(listed) and listed[first_listed][1] <= start:
                    first_listed += 1
                held = clipped(listed, start, b, first_listed)
            own = tuple([i - start for i in inner]) if inner else ()
            address = bool(addresses) and any(a <= start < b for a, b in addresses)
            units.append(unit_of(pieces, own, held, address))
            pieces = []
            start = b
    return units


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


def _centred_on_base(base: Piece, marks: Piece) -> Piece:
    """``marks``, a piece that opens with marks whose base ends ``base`` in another
    face, with those marks centred over the base's ink, as HarfBuzz's fallback places
    a mark its font has no anchor for. Only a base no face of the marks' script has
    is set apart from them: U+25CC DOTTED CIRCLE, which the text policy's hint offers
    for showing a mark by itself (◌ั, ◌่), is in Noto Sans Khmer but not in Sarabun,
    and the Thai mark, shaped alone, stood at the circle's right where its bearing
    put it, a tone mark beside the circle rather than over it. Its height is the
    font's, made for a consonant's."""
    from .ink import glyph_ink  # ink measures units: imported when a mark needs it

    last = base.clusters[-1] if base.clusters else None
    if last is None or not last.glyphs:
        return marks
    ink = [(g, glyph_ink(base.run.font, g.gid)) for g in last.glyphs]
    drawn = [(g.x + left, g.x + right) for g, (left, right, _, _) in ink if right > left]
    if not drawn:
        return marks
    scale = base.size / marks.size
    # The base's ink centre, from the pen where the marks start (the base's end).
    centre = ((min(x for x, _ in drawn) + max(x for _, x in drawn)) / 2 - last.advance) * scale
    clusters = list(marks.clusters)
    for index, cluster in enumerate(clusters):
        if not all(map(_is_mark, cluster.text)):
            break
        inks = [
            (g.x + left, g.x + right)
            for g in cluster.glyphs
            for left, right, _, _ in [glyph_ink(marks.run.font, g.gid)]
            if right > left
        ]
        if not inks:
            continue
        shift = centre - (min(x for x, _ in inks) + max(x for _, x in inks)) / 2
        clusters[index] = replace(
            cluster,
            glyphs=tuple(replace(g, x=g.x + shift) for g in cluster.glyphs),
            carriers=tuple(replace(g, x=g.x + shift) for g in cluster.carriers),
        )
    return _new_piece(marks.run, tuple(clusters), marks.size, marks.rise, marks.text, marks.level)


def _bracketed_citations(full: str, superscripts: set[int]) -> tuple[set[int], set[int]]:
    """Where each citation superscript whose text the text layer brackets
    (`citation_text.meets_number`) starts, and where it ends, as offsets in ``full``."""
    opening: set[int] = set()
    closing: set[int] = set()
    for start in sorted(superscripts):
        if start - 1 in superscripts:
            continue
        end = start + 1
        while end in superscripts:
            end += 1
        if meets_number(full, start, end, superscripts):
            opening.add(start)
            closing.add(end)
    return opening, closing


def _piece(
    run: Run,
    text: str,
    lang: str,
    level: int = 0,
    context: tuple[str, str] = ("", ""),
    halved: tuple[int, ...] = (),
) -> Piece:
    clusters = shape(run.font, text, lang, level % 2 == 1, context, halved)
    if run.superscript:
        size = max(run.size * SUPERSCRIPT_SCALE, min(run.size, SUPERSCRIPT_MIN_SIZE))
        return _new_piece(run, clusters, size, run.size * SUPERSCRIPT_RISE, text, level)
    return _new_piece(run, clusters, run.size, 0.0, text, level)


def clipped(
    spans: Sequence[tuple[int, int]], start: int, end: int, first: int = 0
) -> tuple[tuple[int, int], ...]:
    """The parts of ``spans`` (in order of their starts, as the word list finds them)
    inside ``start:end`` that hold a place a cut could fall (two characters or more),
    counted from ``start``. ``first``: the spans before it end before ``start``.

    A paragraph's units ask in turn for its terms: the scan stops at the first span
    that starts at ``end`` or later (it, and every one after it, lies outside), so a
    unit reads the few terms near it, not all of the paragraph's."""
    held = []
    for index in range(first, len(spans)):
        a, b = spans[index]
        if a >= end:
            break
        if min(b, end) - max(a, start) > 1:
            held.append((max(a, start) - start, min(b, end) - start))
    return tuple(held)


def unit_of(
    pieces: Sequence[Piece],
    soft_breaks: tuple[int, ...] = (),
    listed: tuple[tuple[int, int], ...] = (),
    address: bool = False,
) -> Unit:
    """A unit of ``pieces`` (``address``: `Unit.address`), the spaces that end it
    counted as its trailing spaces: any space a line may end at
    (`segmentation.BREAKING_SPACES`), so an ideographic space after 注意事項 or a thin
    space takes no room at a line's end, as U+0020 does."""
    width = sum(map(Piece.width, pieces))
    spaces = 0
    space_width = 0.0
    for piece in reversed(pieces):
        for cluster in reversed(piece.clusters):
            if cluster.text not in BREAKING_SPACES:  # a set: no call per cluster
                break
            spaces += 1
            space_width += cluster.advance * piece.size / 1000
        else:
            continue
        break
    return _new_unit(
        tuple(pieces), width - space_width, space_width, spaces, soft_breaks, listed, address
    )


def shaped_line(runs: Sequence[Run], lang: str) -> tuple[Unit, ...]:
    """``runs`` shaped as one line's units, with the process's word list; kept."""
    return _line_units(tuple(runs), lang, default_word_list())


#: Lines kept shaped: a page's furniture (its running header, footer lines, page
#: number words) is measured and drawn again on every page of a document.
LINE_CACHE_SIZE = 64


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _line_units(runs: tuple[Run, ...], lang: str, words: WordList) -> tuple[Unit, ...]:
    return tuple(build_units(runs, lang, words))


def units_width(units: Sequence[Unit]) -> float:
    """Width in points of ``units`` set on one line (the last one's space excluded)."""
    if not units:
        return 0.0
    return sum(u.width + u.space_width for u in units) - units[-1].space_width


def runs_width(runs: Sequence[Run], lang: str) -> float:
    """Width in points of ``runs`` set on one line (trailing spaces excluded)."""
    return units_width(shaped_line(runs, lang))
