"""Units → lines: greedy line filling and the extra advances that justify a line.

Justification never stretches inside a grapheme cluster (Thai: never inside a
syllable). It first gives each word boundary without a space a small extra advance,
capped at `BOUNDARY_STRETCH_EM` of the font size — small enough that no text
extractor reads it as a space (pdfminer inserts one above 0.1 em, poppler a little
above that) — and puts the rest into the spaces the author wrote. A line with no space
whose slack exceeds the boundary budget stays short rather than spreading a syllable,
and spaces grow by at most `SPACE_STRETCH_EM` (a very loose line stays a little short).

A unit wider than the line (a word in a narrow table column, a 5,000-character Thai
run the dictionary cannot split, a long URL) would run past the margin and off the
page. `fit_units` cuts such a unit, preferably where a reader accepts it: an English
word at a hyphenation point (Pyphen's dictionaries, a visible hyphen added), Thai or Lao
between syllables, a Japanese or Chinese phrase between its characters (its
``soft_breaks``: `units`), never between a number and its unit, after เ, before ะ or
ๆ, before a citation, or inside a word of the word lists (`Unit.listed`) unless it
alone is wider than the line. A word that fits a line by itself is never cut: the line
ends before it (`_WholeWords`: "๒๕๔๙ |บทความ", not "๒๕๔๙ บท|ความ"), a number parted from
it there if need be. Only when no such point fits is it an emergency cut, at the
last grapheme-cluster boundary of the line that keeps the line rules, preferably at a
space ("1669 |at", not "1669 a|t") or between syllables (`_emergency_cut`), else at any
that parts no written syllable (`orthographic`: a Thai consonant never loses its vowel
or tone marks, a Burmese syllable never its killed final, သော|က်ပါ).
The added hyphen is drawn as an outline and carries no text (`hyphen_cluster`): every
extractor must give back exactly what was written, and none joins a hyphenated word.
"""

from __future__ import annotations

import math
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from itertools import pairwise, takewhile

from .address_breaks import identifier_breaks
from .hyphenation import emergency_points, hyphenating, hyphenation_points
from .kept_groups import (
    address_spans,
    bound_prefix_ends,
    labelled_number_ends,
    number_units,
)
from .orthographic import parts_a_syllable
from .scripts import CJK_NO_LINE_END, CLOSING_PUNCTUATION, HANGING, runt_letters, script_of
from .scripts import HANGING_IN_AN_EMERGENCY as LETTERS_HANGING_IN_AN_EMERGENCY
from .segmentation import (
    IDENTIFIER_HYPHENS,
    NUMBER_SEPARATORS,
    SPACES,
    UNIT_SYMBOLS,
    allowed_break,
    ascii_forms,
    between_known_syllables,
    icu_breaks,
    inside_number,
    keeps_number,
    keeps_syllable,
    kept_breaks,
    parts_number_and_word,
    word_ends,
)
from .shaping import Cluster, shape
from .squeeze import CLOSING, closing_marks, opening_marks
from .units import Piece, Unit, clipped, unit_of
from .whole_words import word_edges, word_spans

BOUNDARY_STRETCH_EM = 0.04
# A justified space grows by at most this much: poppler reads wider gaps in a narrow
# column as a column gutter and splits the line (and readers lose the line anyway).
SPACE_STRETCH_EM = 0.6
FUZZ = 1e-6


@dataclass(frozen=True, slots=True)
class Line:
    """Units ``start:end`` of a paragraph, set on one line."""

    start: int
    end: int
    width: float  # width in points, without the last unit's trailing spaces
    # Points the closing mark the line ends in gives up, set on half an em so the line
    # fits (`end_squeeze`); ``width`` is without them. 0.0: every mark keeps its em.
    squeeze: float = 0.0
    # Points the opening bracket the line starts with gives up, its ink at the line's
    # start (`start_squeeze`); ``width`` is without them.
    lead: float = 0.0


def break_lines(
    units: Sequence[Unit],
    first_width: float,
    width: float,
    *,
    avoid_runts: bool = True,
    lang: str = "",
    continued: bool = False,
    cut_words: Collection[int] = (),
) -> list[Line]:
    """Fill lines greedily; a unit wider than a whole line gets a line of its own.
    ``avoid_runts``: a last line that is a runt (`is_runt`: "ลง", "out.", 院。) takes
    company from the line before (`_without_runt`), never at a unit of ``cut_words``
    (the parts after the first of a word `fit_units` cut); a justified paragraph says
    False, its line before could not be spread to the margin again. A unit that ends in a
    closing mark (``lang``'s: `squeeze.closing_marks`) and fits only with the mark set
    on half an em ends its line so (`end_squeeze`); an opening bracket that starts a
    line after the first (and the first too when ``continued``: the rest of a paragraph
    split across frames) is set on half an em, its ink at the line's start
    (`start_squeeze`)."""
    lines: list[Line] = []
    start = 0
    used = 0.0  # width of the line so far, trailing spaces of its last unit excluded
    pending = 0.0  # trailing spaces of the line's last unit, kept if another unit follows
    hyphen = 0.0  # the hyphen the line's last unit ends in if the line ends there
    lead = 0.0  # what the opening bracket that starts the line gives up
    for i, unit in enumerate(units):
        available = first_width if not lines else width
        ends = soft_hyphen_width(unit)
        if i > start and used + pending + unit.width + ends > available + FUZZ:
            with_it = used + pending + unit.width
            squeezed = _squeezed_line(
                units, start, i + 1, with_it, available, lang, lead, hanging=False
            )
            if squeezed.squeeze:  # …飲みます。 ends this line, its stop on half an em
                lines.append(squeezed)
                start, used, pending, hyphen = i + 1, 0.0, 0.0, 0.0
                continue
            lines.append(_squeezed_line(units, start, i, used + hyphen, available, lang, lead))
            start, used, pending = i, 0.0, 0.0
        if i == start:
            lead = start_squeeze(unit, lang) if lines or continued else 0.0
            used = -lead
        used += pending + unit.width
        pending, hyphen = unit.space_width, ends
    if start < len(units):
        available = first_width if not lines else width
        last = _squeezed_line(units, start, len(units), used + hyphen, available, lang, lead)
        lines.append(last)
    if avoid_runts and len(lines) > 1:
        before_width = first_width if len(lines) == 2 else width
        lines[-2:] = _without_runt(
            units, lines[-2], lines[-1], before_width, width, lang, cut_words
        )
    return lines


def _squeezed_line(
    units: Sequence[Unit],
    start: int,
    end: int,
    natural: float,
    available: float,
    lang: str,
    lead: float = 0.0,
    *,
    hanging: bool = True,
) -> Line:
    """Units ``start:end`` on a line ``natural`` points wide (``lead`` taken off already):
    with its last closing mark on half an em when the line is wider than ``available``
    and fits so, else as it is. ``hanging``: a line that is wider than ``available``
    even so (a unit wider than the line whose stop hangs past it, 5678。 in a cell two
    characters wide) sets its mark on half an em too, so the mark's empty half does
    not run past the margin; False where `break_lines` asks whether a unit fits."""
    if natural > available + FUZZ:
        squeeze = end_squeeze(units[end - 1], lang)
        if squeeze and (hanging or natural - squeeze <= available + FUZZ):
            return Line(start, end, natural - squeeze, squeeze, lead)
    return Line(start, end, natural, 0.0, lead)


def start_squeeze(unit: Unit, lang: str) -> float:
    """The points ``unit`` gives up when it starts a line after a paragraph's first: the
    half of the em of the opening bracket it starts with (「（『“…, `squeeze.opening_marks`)
    that is space before its ink, as the font's ``halt`` sets it (JLREQ §3.1.5, 天付き;
    CSS ``text-spacing-trim: space-first``): the bracket's ink stands where every other
    line's first character's does. 0.0 for any other unit."""
    return _half_em_given(_mark_at(unit, 0), opening_marks(lang), lang)


def squeezed_at_start(unit: Unit, lang: str) -> Unit:
    """``unit`` with the opening bracket it starts with set on half an em
    (`start_squeeze`), as a line whose `Line.lead` says so draws it."""
    return _with_halved(unit, _mark_at(unit, 0), lang)


def end_squeeze(unit: Unit, lang: str) -> float:
    """The points ``unit`` gives up when a line ending after it needs them: the half of
    the em of the closing mark it ends in (、。，．」）…, `squeeze.closing_marks`) that is
    space, as the font's ``halt`` sets it (JLREQ §3.8, clreq; CSS ``text-spacing-trim:
    normal``). 0.0 for any other unit, and for a mark already halved (。」)."""
    return _half_em_given(_mark_at(unit, -1), closing_marks(lang), lang)


def _half_em_given(
    found: tuple[int, tuple[Piece, Cluster]] | None, marks: Collection[str], lang: str
) -> float:
    """The points the mark ``found`` (`_mark_at`) gives up set on half an em, if it is one
    of ``marks``; 0.0 otherwise."""
    if found is None:
        return 0.0
    piece, cluster = found[1]
    if cluster.text not in marks:
        return 0.0
    half = _halved_mark(piece.run.font, cluster.text, lang)
    return max(0.0, (cluster.advance - half.advance) * piece.size / 1000)


def squeezed_at_end(unit: Unit, lang: str) -> Unit:
    """``unit`` with the closing mark it ends in set on half an em (`end_squeeze`), as a
    line whose `Line.squeeze` says so draws it; the mark's text is unchanged."""
    return _with_halved(unit, _mark_at(unit, -1), lang)


def _with_halved(unit: Unit, found: tuple[int, tuple[Piece, Cluster]] | None, lang: str) -> Unit:
    """``unit`` with the mark ``found`` (`_mark_at`) set on half an em."""
    if found is None:
        return unit
    index, (piece, cluster) = found
    flat = _flat(unit)
    flat[index] = (piece, _halved_mark(piece.run.font, cluster.text, lang))
    return _part(flat, False, unit.soft_breaks, unit.listed, unit.address)


def _mark_at(unit: Unit, end: int) -> tuple[int, tuple[Piece, Cluster]] | None:
    """The index in `_flat` of ``unit``'s first cluster (``end`` 0) or its last before
    its trailing spaces (-1), with its piece and cluster, if it is one character of a
    piece on the baseline (a citation's superscript, after a stop, is the line's end
    instead). Found without flattening the unit: a line breaker asks it at every cut, and
    a 100 kB run with no break is one unit of 100,000 clusters."""
    total = sum(len(piece.clusters) for piece in unit.pieces)
    index = 0 if end == 0 else total - 1 - unit.trailing_spaces
    if not 0 <= index < total:
        return None
    at = index
    for piece in unit.pieces:
        if at < len(piece.clusters):
            cluster = piece.clusters[at]
            break
        at -= len(piece.clusters)
    if piece.rise or len(cluster.text) != 1:
        return None
    return index, (piece, cluster)


@lru_cache(maxsize=64)
def _halved_mark(font: str, mark: str, lang: str) -> Cluster:
    """``mark`` shaped alone in ``font`` on half an em, by the font's ``halt``."""
    (cluster,) = shape(font, mark, lang, halved=(0,))
    return cluster


#: A last line narrower than this share of the measure is short: a heading ending on it
#: ("Dấu hiệu cảnh báo và câu hỏi thường / gặp", "သတိပေး လက္ခဏာ / များ") is set in
#: lines of even length (`balanced_lines`).
SHORT_LAST_LINE = 1 / 3
#: Halvings of the measure `balanced_lines` tries: to a 2,000th of it.
BALANCE_STEPS = 11


def balanced_lines(
    units: Sequence[Unit],
    first_width: float,
    width: float,
    lines: Sequence[Line],
    lang: str = "",
    cut_words: Collection[int] = (),
) -> list[Line]:
    """``lines`` (`break_lines` of ``units``, its ``cut_words``), or, when the last of them is short
    (`SHORT_LAST_LINE`), the lines of the narrowest measure that sets ``units`` in as
    many: a heading of even lines rather than one ending on a lone word. The number of
    lines, so the paragraph's height, never changes, and no line is longer than before."""
    if len(lines) < 2 or lines[-1].width >= SHORT_LAST_LINE * width:
        return list(lines)
    indent = width - first_width
    low, high = max(unit.width for unit in units), width
    best = list(lines)
    for _ in range(BALANCE_STEPS):
        if high - low <= FUZZ:
            break
        middle = (low + high) / 2
        found = break_lines(units, middle - indent, middle, lang=lang, cut_words=cut_words)
        if len(found) == len(lines):
            high, best = middle, found
        else:
            low = middle
    return best


#: A last line narrower than this share of the measure is a runt, however many letters
#: it holds: a sliver under a full line ("first." under 285 pt, สึกหรอ under 415 pt).
RUNT_SHARE = 0.08
#: The line before a runt gives it a unit only while it stays at least this share of
#: its measure (and longer than the new last line): a line much shorter than the
#: others mid-paragraph reads as the paragraph's end.
KEPT_SHARE = 0.6
#: Units the line before keeps when it gives some to the last line.
KEPT_BEFORE = 2


#: The characters a reader counts in a runt: letters, digits, and the vowel signs that
#: take a place on the line (Burmese ေ ါ, Khmer េ, Devanagari ा), not those over or under
#: a letter (Thai ่, Burmese ်).
LETTER_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No", "Mc"})


def is_runt(units: Sequence[Unit], line: Line, width: float) -> bool:
    """Whether ``line``, a paragraph's last in a measure ``width`` wide, is a runt: a
    scrap of fewer letters (`LETTER_CATEGORIES`) than its script's
    `ScriptProfile.runt_letters` ("it.", ลง, Burmese ပါ။, 院。 with its stop), or a line
    narrower than `RUNT_SHARE` of the measure. It reads as a mistake and wastes a line;
    a citation's superscript counts no letter."""
    text = "".join(
        piece.text
        for unit in units[line.start : line.end]
        for piece in unit.pieces
        if not piece.rise
    )
    letters = sum(unicodedata.category(char) in LETTER_CATEGORIES for char in text)
    return letters < runt_letters(text) or line.width < RUNT_SHARE * width


def _without_runt(
    units: Sequence[Unit],
    before: Line,
    last: Line,
    before_width: float,
    width: float,
    lang: str = "",
    cut_words: Collection[int] = (),
) -> list[Line]:
    """``before`` and ``last``, or, when ``last`` is a runt (`is_runt`), the two lines
    with the fewest units of ``before`` carried down that make it none, as a
    typesetter does ("…ก็ลด" / "ลง" becomes "…ก็" / "ลดลง"), else with as many as may
    be (a word's start joins its end: Burmese ခေါ် / ပါ။ becomes ခေါ်ပါ။). A carry never
    makes the last line overflow, never leaves ``before`` (``before_width`` its
    measure) with fewer than `KEPT_BEFORE` units, shorter than `KEPT_SHARE` of its
    measure or than the last, and never ends it inside a word (before a part of
    ``cut_words``, after a hyphen or an author's soft hyphen): in ragged text the line
    before is a word short, which shows no more than any other line end. The paragraph
    keeps its number of lines. Unchanged when no carry may be made."""
    best = [before, last]
    if not is_runt(units, last, width):
        return best
    for start in range(before.end - 1, before.start + KEPT_BEFORE - 1, -1):
        if (
            start in cut_words
            or hyphenated(units[start - 1])
            or soft_hyphen_width(units[start - 1])
        ):
            continue  # a line may end here only by cutting a word
        moved = _line_of(units, start, last.end, width, lang, later=True)
        if moved.width > width + FUZZ:
            break
        kept = _line_of(units, before.start, start, lead=before.lead)
        if kept.width < max(KEPT_SHARE * before_width, moved.width) - FUZZ:
            break
        best = [kept, moved]
        if not is_runt(units, moved, width):
            break
    return best


def words_cut(whole: Sequence[Unit], parts: Sequence[Unit]) -> frozenset[int]:
    """The indices of ``parts`` (`fit_units` of ``whole``) that go on with a unit cut
    before them: a line ends there only where the word is wider than the line, never
    by choice (`_without_runt`)."""
    if len(whole) == len(parts):
        return frozenset()  # nothing cut: `fit_units` passes units that fit as they are
    found: set[int] = set()
    i = 0
    for unit in whole:
        left = len(unit.text) - len(parts[i].text)
        i += 1
        while left > 0:
            found.add(i)
            left -= len(parts[i].text)
            i += 1
    return frozenset(found)


def _kind(char: str) -> str:
    """Katakana, hiragana or ideograph (the first word of its Unicode name): a change
    of kind inside a Japanese phrase is most often a change of word (クリニック|に)."""
    name = unicodedata.name(char, "")
    if name.startswith("KATAKANA-HIRAGANA") or name.startswith("HALFWIDTH KATAKANA"):
        return "KATAKANA"  # ー, and the half-width forms
    return name.split(" ", 1)[0]


#: The scripts of a character that must not end a phrase alone (`_lone_ideograph`).
IDEOGRAPHIC = ("Hani", "Kana")


def _lone_ideograph(text: str) -> bool:
    """Whether ``text`` is one ideograph or kana with only punctuation or spaces."""
    letters = [char for char in text if not unicodedata.category(char).startswith(("P", "Z"))]
    return len(letters) == 1 and script_of(letters[0]) in IDEOGRAPHIC


def _line_of(
    units: Sequence[Unit],
    start: int,
    end: int,
    available: float = math.inf,
    lang: str = "",
    *,
    later: bool = False,
    lead: float = 0.0,
) -> Line:
    """Units ``start:end`` as `break_lines` measures a line of them in ``available``;
    ``later``: a line after the paragraph's first (`start_squeeze`), else one whose
    opening bracket gives up ``lead``."""
    if later:
        lead = start_squeeze(units[start], lang)
    used = sum(unit.width for unit in units[start:end]) - lead
    used += sum(unit.space_width for unit in units[start : end - 1])
    natural = used + soft_hyphen_width(units[end - 1])
    return _squeezed_line(units, start, end, natural, available, lang, lead)


SOFT_HYPHEN = "\u00ad"


def soft_hyphen_width(unit: Unit) -> float:
    """The width of the hyphen ``unit`` ends in when a line ends after it: the author's
    soft hyphen (U+00AD) after a letter of a script written with hyphens (Latin, Greek,
    Cyrillic) is drawn as one there, as at a hyphenation point; 0.0 for any other unit.
    Elsewhere it shows nothing: Thai, Lao, Japanese break there as at any other break."""
    if not unit.pieces or not unit.pieces[-1].text.endswith(SOFT_HYPHEN):
        return 0.0
    text = unit.text
    if len(text) < 2 or not hyphenating(text[-2]):
        return 0.0
    return _hyphen_width(unit.pieces[-1])


def at_line_end(unit: Unit) -> Unit:
    """``unit`` as a line ending after it draws it: its soft hyphen (`soft_hyphen_width`)
    replaced by the hyphen the line breaker adds, drawn and carrying no text, so every
    extractor reads the word as at a hyphenation point ("pre" + "infusion"), never a
    soft hyphen pdfium turns into U+FFFE. Any other unit as it is."""
    if not soft_hyphen_width(unit):
        return unit
    flat = _flat(unit)[:-1]
    end = len(unit.text) - 1
    soft, listed = _within(unit.soft_breaks, 0, end), clipped(unit.listed, 0, end)
    return _part(flat, True, soft, listed, unit.address)


def fit_units(
    units: Sequence[Unit],
    width: float,
    lang: str = "en",
    on_forced: Callable[[Unit], None] | None = None,
) -> list[Unit]:
    """``units``, with every unit wider than ``width`` cut into parts that fit.

    ``on_forced`` is told each unit that had to be cut somewhere no reader accepts
    (no hyphenation point or syllable boundary fitted). Linear in the number of
    clusters; units that fit are returned as they are (the same objects), so calling
    it again on its own result changes nothing.
    """
    if not any(unit.width > width + FUZZ for unit in units):
        return list(units)
    out: list[Unit] = []
    for index, unit in enumerate(units):
        # A unit that fits with its closing mark on half an em fits (`end_squeeze`).
        if unit.width <= width + FUZZ or unit.width - end_squeeze(unit, lang) <= width + FUZZ:
            out.append(unit)
            continue
        # A unit wider than the line starts one; only the first may start the first.
        parts, forced = _recut(unit, width, lang, later=index > 0)
        if forced and on_forced:
            on_forced(unit)
        out.extend(parts)
    return out


def _recut(unit: Unit, width: float, lang: str, later: bool) -> tuple[list[Unit], bool]:
    """`_cut`, for a part of a word already cut at a hyphen too (a line narrower than
    "Bện-", set again where a paragraph splits across frames): the hyphen, which holds
    no text, is taken off, the rest cut, and the last part ends in it again. Cut with
    it, the hyphen was one more place to cut, past the text's end, and the build
    stopped with an IndexError (Vietnamese in a column 24 pt wide)."""
    if not hyphenated(unit):
        return _cut(unit, width, lang, later)
    bare = _part(_flat(unit)[:-1], False, unit.soft_breaks, unit.listed, unit.address)
    parts, forced = _cut(bare, width, lang, later)
    last = parts[-1]
    parts[-1] = _part(_flat(last), True, last.soft_breaks, last.listed, last.address)
    return parts, forced


def narrowest_width(unit: Unit, lang: str = "en", *, syllables: bool = True) -> float:
    """The width of the widest part left when ``unit`` is cut at every point a reader
    accepts (`fit_units`'s preferred cuts), its hyphen included: the narrowest line
    it can be set in without an emergency cut. ``syllables=False``: Thai and Lao words
    stay whole (only English words are hyphenated)."""
    flat = _flat(unit)
    points = _cut_points(
        flat, unit.trailing_spaces, lang, unit.soft_breaks, unit.listed, unit.address
    )
    if not syllables:
        text = unit.text
        offsets = _offsets(flat)
        points = {
            i: hyphen
            for i, hyphen in points.items()
            if not between_known_syllables(text, offsets[i])
        }
    widest = 0.0
    used = 0.0
    for i in range(len(flat) - unit.trailing_spaces):
        if i in points:
            widest = max(widest, used + (_hyphen_width(flat[i - 1][0]) if points[i] else 0.0))
            used = 0.0
        used += _advance(flat[i])
    return max(widest, used + soft_hyphen_width(unit))


def hyphenated(unit: Unit) -> bool:
    """Whether ``unit`` is the first part of a word cut at a hyphenation point."""
    clusters = unit.pieces[-1].clusters if unit.pieces else ()
    return bool(clusters) and is_hyphen(clusters[-1])


def is_hyphen(cluster: Cluster) -> bool:
    """The hyphen `fit_units` adds: drawn, but no text (see `hyphen_cluster`)."""
    return not cluster.text and bool(cluster.glyphs)


Flat = list[tuple[Piece, Cluster]]


def _flat(unit: Unit) -> Flat:
    return [(piece, cluster) for piece in unit.pieces for cluster in piece.clusters]


def _offsets(flat: Flat) -> list[int]:
    """The text offset of each cluster of ``flat``, and of its end."""
    offsets = [0]
    for _, cluster in flat:
        offsets.append(offsets[-1] + len(cluster.text))
    return offsets


def _advance(item: tuple[Piece, Cluster]) -> float:
    piece, cluster = item
    return cluster.advance * piece.size / 1000


def _cut_points(
    flat: Flat,
    trailing_spaces: int,
    lang: str,
    soft: Sequence[int] = (),
    listed: Sequence[tuple[int, int]] = (),
    address: bool = False,
) -> dict[int, bool]:
    """Cluster indices a cut may fall before, each with whether it needs a hyphen;
    ``soft``: text offsets of the unit's own line-break opportunities (no hyphen);
    ``listed``: spans of word-list terms (`Unit.listed`), cut only in an emergency,
    and whose edges are word boundaries (the list's: มี|พยาธิ, เกียรติ|ยศ);
    ``address``: the unit is part of an address (`Unit.address`), hyphenated nowhere."""
    text = ascii_forms("".join(cluster.text for _, cluster in flat))
    offsets = _offsets(flat)
    hyphens: Collection[int] = () if address else hyphenation_points(text, lang)
    edges = {i for span in listed for i in span}
    words = word_edges(text, lang)
    kept = kept_breaks(text, lang)  # a date or "Dr. Somchai" wider than the line
    # An address wider than the line (a kept group in Chinese) is cut where the Chicago
    # rule breaks it, though a line then starts with "." or "?".
    inside_address = identifier_breaks(text) if kept else frozenset()
    kept |= labelled_number_ends(text, lang)  # "No. 5 |before", not "No." / "5 before"
    cited = _cited(flat, offsets)  # a citation counts nothing: "cells¹|move" may part
    points: dict[int, bool] = {}
    for i in range(1, len(flat) - trailing_spaces):
        at = offsets[i]
        if flat[i][0].rise or _inside(listed, at):
            continue
        if at in edges and allowed_break(text, at) and keeps_number(text, at, cited):
            points[i] = False  # a listed word's edge, no syllable rule's guess
            continue
        if at in words:
            points[i] = False  # a word's edge in the piece read alone: การ|รักษา
            continue
        syllable = keeps_syllable(text, at, syllable_list=True)  # สอด|คล้อง, not สอดค|ล้อง
        # A date's part's word after the number before it (`kept_breaks`: 12 tháng 5 |
        # năm 2027) is no unit of that number, though `keeps_number` reads it as one.
        number = at in kept or keeps_number(text, at, cited)
        allowed = allowed_break(text, at) or at in inside_address
        if not (allowed and syllable and number):
            continue
        if between_known_syllables(text, at):
            points[i] = False  # between syllables (keeps_syllable)
        elif at in soft or at in kept:
            # between the characters of a phrase (units.build_units), or at a space of
            # a date or an abbreviation's group: where the line would break without it
            points[i] = False
        elif at in hyphens:
            points[i] = True
        # Anything else inside a unit (digits, punctuation, a number and its unit,
        # other scripts) was refused as a break: only an emergency cuts there.
    return points


def _cited(flat: Flat, offsets: Sequence[int]) -> frozenset[int]:
    """The text offsets of the characters of ``flat`` set as a citation's superscript."""
    return frozenset(
        at
        for j, (piece, _) in enumerate(flat)
        if piece.rise
        for at in range(offsets[j], offsets[j + 1])
    )


def _inside(spans: Sequence[tuple[int, int]], at: int) -> bool:
    """Whether offset ``at`` falls strictly inside one of ``spans``."""
    return any(start < at < end for start, end in spans)


def _cut(unit: Unit, width: float, lang: str, later: bool = False) -> tuple[list[Unit], bool]:
    """Parts of one oversized unit, each as wide as ``width`` allows (at least a
    cluster), and whether some cut fell where no reader accepts it. ``later``: the unit
    starts a line after the paragraph's first, where the opening bracket it starts with
    gives up half an em (`start_squeeze`): 〔注 fits an em and a half, not 〔|注〕."""
    flat = _flat(unit)
    lead = start_squeeze(unit, lang) if later else 0.0
    content = len(flat) - unit.trailing_spaces  # trailing spaces stay with the last part
    points = _cut_points(
        flat, unit.trailing_spaces, lang, unit.soft_breaks, unit.listed, unit.address
    )
    text = "".join(cluster.text for _, cluster in flat)
    offsets = _offsets(flat)
    bound = _after_bound_prefixes(text, offsets, points, lang)  # ผู้|: an emergency's
    for j in bound:
        del points[j]

    def fits(start: int, end: int, hyphen: bool | None = None) -> bool:
        """Clusters start:end on a line, with a hyphen if cut at a hyphenation point
        (or if ``hyphen`` says so)."""
        hyphen = bool(points.get(end)) if hyphen is None else hyphen
        extra = _hyphen_width(flat[end - 1][0]) if hyphen else 0.0
        extra -= lead if start == 0 else 0.0
        return sum(_advance(flat[j]) for j in range(start, end)) + extra <= width + FUZZ

    hyphens = {i for i, hyphen in points.items() if hyphen}
    # Cuts a line ends at only when no other fits: 受|け, 痛|み (`_kana_endings`).
    last_resort = _kana_endings(text, offsets, points, lang)
    # Cuts preferred to any other that fits: a word's edge (การ|รักษา, not การรัก|ษา).
    edges = word_edges(text, lang)
    words = _word_points(text, offsets, points, unit.listed, lang, edges)
    terms_words = _words_inside_terms(text, unit.listed, lang)
    largest = max((piece.size for piece in unit.pieces), default=0.0)
    word_cuts = _WordCuts(text)
    # A word that fits a line by itself is never cut: ๒๕๔๙ |บทความ, not ๒๕๔๙ บท|ความ.
    cited = _cited(flat, offsets)
    spans = word_spans(text, lang, unit.listed, edges, cited)
    whole = _WholeWords(text, flat, spans, width)
    groups: tuple[tuple[int, int, int], ...] | None = None  # found at the first cut

    def number_groups() -> tuple[tuple[int, int, int], ...]:
        nonlocal groups
        groups = _number_groups(text, lang) if groups is None else groups
        return groups

    def overhang(start: int) -> _Overhang:
        lead_here = lead if start == 0 else 0.0
        return _Overhang(flat, width, lead_here, largest, end_squeeze(unit, lang))

    cuts = [0]
    forced = False
    used = -lead
    i = 0
    while i < content:
        if i > cuts[-1] and used + _advance(flat[i]) > width + FUZZ:
            cut = whole.start(i, cuts[-1], points)
            if cut is not None:
                ink = whole.before_spaces(cut, cuts[-1])  # its spaces take no room at the end
                cut = cut if ink > cuts[-1] and fits(cuts[-1], ink, hyphen=False) else None
            if cut is None and flat[i][0].rise:  # ความ¹ past the line, never ความ|¹ทบ
                over = _Overhang(flat, width, lead if cuts[-1] == 0 else 0.0, largest)
                cut = _after_citation(flat, cuts[-1], i, content, over)
            if cut is None:
                cut = next(
                    (j for j in range(i, cuts[-1], -1) if j in words and fits(cuts[-1], j)),
                    None,
                )
            if cut is None:
                cut = next(
                    (
                        j
                        for j in range(i, cuts[-1], -1)
                        if j in points and j not in last_resort and fits(cuts[-1], j)
                    ),
                    None,
                )
            if cut is None and last_resort:
                cut = next(
                    (j for j in range(i, cuts[-1], -1) if j in points and fits(cuts[-1], j)),
                    None,
                )
            if cut is None and _hangs(flat[i][1].text, HANGING_STOPS):
                cut = _after_hanging(points, i, content)  # burasagari: no emergency
            if cut is None:
                avoided = {offsets[j] for j in bound}  # ผู้|ตรวจทาน: ผู้ตรวจ|ทาน
                cut = _emergency_cut(
                    text,
                    offsets,
                    cuts[-1],
                    i,
                    unit.listed,
                    overhang(cuts[-1]),
                    terms_words,
                    avoided,
                    cited,
                    number_groups(),
                )
                forced = True
                hyphens.discard(cut)  # no room for the hyphen a point there would get
                inside = _inside_word(text, offsets[cut])
                address = unit.address or word_cuts.in_address(offsets[cut])
                if cut <= i and inside and not address:  # chloroqu|ine
                    with_hyphen = partial(fits, cuts[-1], hyphen=True)
                    cut = _hyphenated_cut(word_cuts, offsets, cuts[-1], i, cut, with_hyphen)
                    hyphens.add(cut)
            parted = _parted_group(offsets, cuts[-1], cut, number_groups()) if cut <= i else None
            if parted is not None:  # ၃ လ a little past the line's end, or နေ့ / ၂ ကြိမ်
                first, after = parted
                if overhang(cuts[-1])(cuts[-1], after) and (
                    after >= content or points.get(after) is not None
                ):
                    cut = after
                elif first > cuts[-1] and _may_end_before(text, offsets[first], points.get(first)):
                    cut = first
            if cut > i:  # the line took what hangs past its end
                i = cut
                used = 0.0
            else:
                used = sum(_advance(flat[j]) for j in range(cut, i))
            if cut < content:
                cuts.append(cut)
            continue
        used += _advance(flat[i])
        i += 1
    if len(cuts) > 1 and points.get(cuts[-1]) is False:
        cuts = _company_for_last(text, offsets, points, cuts, content, fits, lang, last_resort)
    cuts.append(len(flat))
    return _split(unit, flat, cuts, hyphens), forced


def _after_citation(
    flat: Flat, start: int, i: int, content: int, overhang: _Overhang
) -> int | None:
    """Where a line of clusters from ``start`` ends whose cluster ``i``, a citation's
    superscript, does not fit: after the citation, which hangs past the line's end
    within `HANG_EM` as a closing mark does, if it may; else None. A cut before it left
    the citation at the next line's start, parted from the word it cites (ความ / ¹ทบ)."""
    end = i
    while end < content and flat[end][0].rise:
        end += 1
    return end if overhang(start, end) else None


def _inside_word(text: str, at: int) -> bool:
    """Whether offset ``at`` falls between two letters of a word written with hyphens
    (`hyphenation.hyphenating`): a cut there needs one, or the reader sees two words."""
    return 0 < at < len(text) and hyphenating(text[at - 1]) and hyphenating(text[at])


class _WordCuts:
    """Where the words written with hyphens of one unit's text may be cut in an
    emergency (`hyphenation.emergency_points`) and where each of them ends, found once
    for the unit when its first word is cut. Found again for each line a word is cut
    into, a word of n letters cost n²: a 16,000-letter word (a pasted sequence, a
    msgstr of one "word") took 12 s to set, 64,000 letters more than a minute."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._allowed: set[int] | None = None
        self._ends: list[int] | None = None
        self._addresses: list[tuple[int, int]] | None = None

    def in_address(self, at: int) -> bool:
        """Whether offset ``at`` falls inside a web or e-mail address or a DOI: cut
        there with no hyphen, which a reader would type (`kept_groups.address_spans`)."""
        if self._addresses is None:
            self._addresses = address_spans(self.text)
        return any(start < at < end for start, end in self._addresses)

    @property
    def allowed(self) -> set[int]:
        if self._allowed is None:
            self._allowed = emergency_points(self.text)
        return self._allowed

    def word_end(self, at: int) -> int:
        """The first offset from ``at`` on that is not a letter of a word written with
        hyphens (`hyphenating`), or the text's end."""
        if self._ends is None:
            text = self.text
            ends = [len(text)] * (len(text) + 1)
            for k in range(len(text) - 1, -1, -1):
                ends[k] = ends[k + 1] if hyphenating(text[k]) else k
            self._ends = ends
        return self._ends[at]


def _hyphenated_cut(
    words: _WordCuts,
    offsets: Sequence[int],
    start: int,
    end: int,
    cut: int,
    fits: Callable[[int], bool],
) -> int:
    """Where an emergency cut at cluster ``cut``, inside a word written with hyphens, falls
    instead so that its hyphen fits the line of clusters ``start:end`` and the word keeps
    its least letters on each side (`hyphenation.emergency_points`): the last such point
    that fits, else, in a line narrower than two letters and a hyphen, the first after
    ``start`` in the word (the line runs a little past its end), else ``cut``."""
    allowed = words.allowed
    found = next((j for j in range(end, start, -1) if offsets[j] in allowed and fits(j)), None)
    if found is not None:
        return found
    word_end = words.word_end(offsets[cut])
    after = takewhile(lambda j: offsets[j] <= word_end, range(start + 1, len(offsets)))
    return next((j for j in after if offsets[j] in allowed), cut)


def _word_points(
    text: str,
    offsets: Sequence[int],
    points: Collection[int],
    listed: Sequence[tuple[int, int]],
    lang: str,
    edges: Collection[int],
) -> set[int]:
    """The cluster indices of ``points`` at a word's edge in a piece of Thai, Lao, Khmer
    or Burmese read alone (`word_edges`), a listed term's or a kept group's
    (`kept_breaks`: "6 |December 2027", "Dr. |Somchai"): a line ends there rather
    than between two syllables of one word or at a hyphen inside it, as it would have
    without the group, though the line is shorter for it. ``edges``: `word_edges`."""
    found = {at for span in listed for at in span} | kept_breaks(text, lang)
    found |= labelled_number_ends(text, lang)
    return {i for i in points if offsets[i] in edges or offsets[i] in found}


def _words_inside_terms(text: str, listed: Sequence[tuple[int, int]], lang: str) -> set[int]:
    """Offsets inside the listed terms ``listed`` of ``text`` where ICU's dictionary,
    reading the term alone, ends a word the syllable rules agree with, or another listed
    term inside it starts or ends (ไข|กระดูก): where a term wider than its line is cut
    (โรง|พยาบาล, การ|ปลูกถ่าย). The lists keep the term whole because ICU cuts it in
    some sentences; its own words are still words."""
    found = {at for span in listed for at in span if _inside(listed, at)}
    for start, end in listed:
        for at in icu_breaks(text[start:end], lang):
            at += start
            if allowed_break(text, at) and keeps_syllable(text, at, dictionary=True):
                found.add(at)
    return found - bound_prefix_ends(text, lang)  # ผู้|เชี่ยวชาญ: a prefix, no word


def _after_bound_prefixes(
    text: str, offsets: Sequence[int], points: Collection[int], lang: str
) -> set[int]:
    """The cluster indices of ``points`` right after a bound prefix (`bound_prefix_ends`:
    Thai ผู้): the prefix and its word are one word, cut there only in an emergency
    with nowhere else to fall, for ผู้ alone at a line's end reads "one who" and the
    next line starts on a bare verb: ผู้เชี่ยว|ชาญ fills the line, not ผู้|เชี่ยวชาญ, and
    ผู้ตรวจ|ทาน is cut at the listed word's own word edge, not ผู้|ตรวจทาน."""
    ends = bound_prefix_ends(text, lang)
    return {i for i in points if offsets[i] in ends} if ends else set()


def _company_for_last(
    text: str,
    offsets: Sequence[int],
    points: dict[int, bool],
    cuts: list[int],
    content: int,
    fits: Callable[[int, int], bool],
    lang: str = "ja",
    last_resort: Collection[int] = (),
) -> list[int]:
    """``cuts`` (0 first), or, when the last part they leave is one Japanese or Chinese
    character (アセトアミノフェ|ン, イブプ|ロフェ|ン), the cuts moved back between the
    characters before it, part by part, until no part is one character and each still
    fits (アセトアミノ|フェン, イブ|プロ|フェン): a word read one character at a time
    down a column misreads as two words. Only a character of the word of the one
    before it is held: ICU's word (受け付|け, 申し込|み), or, as ICU cuts loanwords
    and names it does not know into pieces, a katakana after katakana or an
    ideograph after an ideograph. A particle ends a phrase alone as a word of its own
    (クリ|ニック|に, not ニッ|クに; 受け|て, not 受|けて). A cut is never moved to one of
    ``last_resort`` (`_kana_endings`). Unchanged when that cannot be done."""

    def lone(start: int, end: int) -> bool:  # and of the same word as the one before
        part = text[offsets[start] : offsets[end]]
        before = text[offsets[start] - 1] if start else ""
        if not before or not _lone_ideograph(part):
            return False
        kind = _kind(part[0])
        if _kind(before) == kind != "HIRAGANA":
            return True  # ICU's word ends inside unknown loanwords and names
        return offsets[start] not in word_ends(text, lang)

    moved = list(cuts)
    k, end = len(moved) - 1, content
    while lone(moved[k], end):
        if k == 0 or points.get(moved[k]) is not False:
            return cuts
        j = next(
            (
                j
                for j in range(moved[k] - 1, moved[k - 1], -1)
                if points.get(j) is False and j not in last_resort
            ),
            None,
        )
        if j is None or not fits(j, end):
            return cuts
        moved[k], end, k = j, j, k - 1
    return moved


def _kana_endings(
    text: str, offsets: Sequence[int], points: Collection[int], lang: str
) -> set[int]:
    """The cluster indices of ``points`` that fall between a kanji and the hiragana of
    its ending in one word by ICU's dictionary (受|け付け, 痛|みが, 激|しい): a phrase
    wider than its line is cut there only when no other cut fits. The okurigana is
    part of the word's spelling, and a line ending on the bare kanji reads as another
    word. Where ICU puts a word's end (胸|の), the kana is a particle, a word of its own."""
    if not any(_kind(char) == "HIRAGANA" for char in text):
        return set()
    ends = word_ends(text, lang)
    return {
        i
        for i in points
        if offsets[i] not in ends
        and _kind(text[offsets[i]]) == "HIRAGANA"
        and _kind(text[offsets[i] - 1]) == "CJK"
    }


#: Stops that may hang past a line's end (burasagari, JIS X 4051 §3.1.11): in a cell
#: one or two characters wide, 胸の痛み。 keeps its 。 rather than start a line with it;
#: so do the repeat marks and stops of Thai, Lao, Burmese and Khmer (ไปๆ, not ไป|ๆ;
#: ဆရာဝန်။, `ScriptProfile.hanging`).
HANGING_STOPS = "、。，．｡､" + HANGING
#: In an emergency (a cut no reader accepts, reported), closing brackets and the other
#: closing punctuation too: 〔注〕 in a line two characters wide ends 〔注〕 a little past
#: the line, not 〔注|〕, and 样： or များ) not 样|： or များ|); and a Thai or Lao vowel
#: written after its consonant (ม|า in a line narrower than มา).
HANGING_IN_AN_EMERGENCY = (
    HANGING_STOPS
    + "」』）〕］｝〉》】〙〗〟：；？！"
    + CLOSING_PUNCTUATION
    + LETTERS_HANGING_IN_AN_EMERGENCY
)
#: The punctuation of those: what ends a word wider than its line by a little ("CD105,",
#: "(CD105)") hangs past the line before the word is cut (CD|105,).
HANGING_PUNCTUATION = "".join(
    mark for mark in HANGING_IN_AN_EMERGENCY if unicodedata.category(mark).startswith("P")
)
#: Marks that may hang together in an emergency: a bracket and its stop, 〕。
MOST_HANGING = 2


def _hangs(text: str, marks: str) -> bool:
    """Whether a cluster of ``text`` is one of the ``marks`` that may hang."""
    return len(text) == 1 and text in marks


def hanging_width(unit: Unit, overflow: float) -> float:
    """Points taken by the marks that end ``unit`` and hang past the end of a line
    ``overflow`` points too wide for its column: the fewest of its last clusters that
    may hang (`HANGING_IN_AN_EMERGENCY`, at most `MOST_HANGING`; its trailing spaces
    are no part of a line) that take up the overflow, or as many as there are. A line
    is aligned without them (CSS `hanging-punctuation`): centred or set right, it moved
    its start past the column's edge, into a table cell's padding, and its letters
    stood off centre."""
    flat = _flat(unit)
    end = len(flat) - unit.trailing_spaces
    start, hung = end, 0.0
    while (
        hung < overflow - FUZZ
        and start > max(0, end - MOST_HANGING)
        and _hangs(flat[start - 1][1].text, HANGING_IN_AN_EMERGENCY)
    ):
        start -= 1
        hung += _advance(flat[start])
    return hung


def _after_hanging(points: dict[int, bool], i: int, content: int) -> int | None:
    """Where a line ends whose cluster ``i`` hangs past its end: after it, if a line may
    end there without a hyphen (or the unit ends), else None."""
    after = i + 1
    return after if after >= content or points.get(after) is False else None


#: The most, in ems, the end of a syllable may run past a line too narrow for it in an
#: emergency (ປ່ວ|ຍ, ចា|រ្យ, チェ|ック): one letter of Lao, Thai or Khmer, whose ink
#: stays under a table cell's padding (6 pt, its text 9.5 pt).
HANG_EM = 0.65


@dataclass(frozen=True, slots=True)
class _Overhang:
    """Whether a line of ``flat``'s clusters ``a:b`` (its opening bracket giving up
    ``lead``) runs past ``width`` by at most `HANG_EM` of their size; ``largest``: the
    largest size in the unit, which bounds how far any line may run past."""

    flat: Flat
    width: float
    lead: float
    largest: float
    # What the unit's last closing mark gives up at a line's end (`end_squeeze`): a line
    # that runs to the unit's end may take it (mg/kg）。 with 。 on half an em).
    spare: float = 0.0

    def fits(self, a: int, b: int) -> bool:
        """Whether clusters ``a:b`` fit the line without running past it."""
        used = sum(_advance(self.flat[j]) for j in range(a, b)) - (self.lead if a == 0 else 0.0)
        return used <= self.width + FUZZ

    def __call__(self, a: int, b: int) -> bool:
        flat = self.flat
        room = HANG_EM * max((flat[j][0].size for j in range(a, b)), default=0.0)
        used = sum(_advance(flat[j]) for j in range(a, b)) - (self.lead if a == 0 else 0.0)
        used -= self.spare if b == len(flat) else 0.0
        return used <= self.width + room + FUZZ

    def within_reach(self, a: int, first: int, last: int) -> Iterator[int]:
        """The ends ``first`` up to ``last`` (excluded) of lines from cluster ``a``,
        stopping at the first too wide for any size's overhang: no later one can fit.
        A search for an end past the line's own stops there, where it went on to the
        unit's end and made a long word's cuts cost its length each."""
        limit = self.width + HANG_EM * self.largest + FUZZ + (self.lead if a == 0 else 0.0)
        used = sum(_advance(self.flat[k]) for k in range(a, first))
        for j in range(first, last):
            if used > limit:
                return
            yield j
            used += _advance(self.flat[j])


class _WholeWords:
    """The words of one unit (`whole_words.word_spans`) by cluster, and where a line that
    runs out of room inside one of them ends instead: before the word, when it fits a
    line by itself. A cut inside it would leave a reader two words (๒๕๔๙ บท|ความ) where
    the next line holds the word whole; the cut is the line's to take, before it."""

    def __init__(
        self, text: str, flat: Flat, spans: Sequence[tuple[int, int]], width: float
    ) -> None:
        self.text, self.flat, self.width = text, flat, width
        self.offsets = _offsets(flat)
        index = {at: j for j, at in enumerate(self.offsets)}
        found = [(index[a], index[b]) for a, b in spans if a in index and b in index]
        self.starts = [a for a, _ in found]
        self.ends = [b for _, b in found]

    def start(self, i: int, line_start: int, points: Collection[int]) -> int | None:
        """The first cluster of the word cluster ``i`` belongs to, if that word starts
        after ``line_start``, fits a line by itself and a line may end before it: at a
        cut point (`_cut_points`), or where only a number's hold on the word after it
        keeps a line from ending ("๒๕๔๙ |บทความ", "1669 |at": `parts_number_and_word`;
        no emergency, as a date too wide for its line parts at its spaces). Else None."""
        k = bisect_right(self.starts, i) - 1
        if k < 0 or self.ends[k] <= i:  # at a space: the word after it, the spaces trailing
            k += 1
            if k == len(self.starts) or not self._spaces(i, self.starts[k]):
                return None
        first, end = self.starts[k], self.ends[k]
        if first <= line_start or self.flat[first][0].rise or not self._fits_alone(first, end):
            return None
        if first in points:
            return first
        text, at = self.text, self.offsets[first]
        if allowed_break(text, at) and not _parts_a_sign(text, at):
            return first if parts_number_and_word(text, at) else None
        return None

    def _spaces(self, first: int, end: int) -> bool:
        """Whether clusters ``first:end`` are all spaces."""
        return all(self.flat[j][1].text in SPACES for j in range(first, end))

    def before_spaces(self, cut: int, line_start: int) -> int:
        """``cut`` moved back past the spaces before it: where the line's ink ends."""
        while cut > line_start and self.flat[cut - 1][1].text in SPACES:
            cut -= 1
        return cut

    def _fits_alone(self, first: int, end: int) -> bool:
        """Whether clusters ``first:end`` fit a line, the closing marks they end in
        (at most `MOST_HANGING`) and a citation after them hanging past it by at most
        `HANG_EM`, as a unit's do (`_after_citation`)."""
        flat = self.flat
        widths = [_advance(flat[j]) for j in range(first, end)]
        if sum(widths) <= self.width + FUZZ:
            return True
        bare, marks = end, 0
        while bare > first + 1:
            if flat[bare - 1][0].rise:
                bare -= 1
            elif marks < MOST_HANGING and _hangs(flat[bare - 1][1].text, HANGING_PUNCTUATION):
                bare, marks = bare - 1, marks + 1
            else:
                break
        room = HANG_EM * max(flat[j][0].size for j in range(first, end))
        return (
            bare < end
            and sum(widths[: bare - first]) <= self.width + FUZZ
            and sum(widths) <= self.width + room + FUZZ
        )


def _emergency_cut(
    text: str,
    offsets: Sequence[int],
    start: int,
    end: int,
    listed: Sequence[tuple[int, int]] = (),
    overhang: _Overhang | None = None,
    terms_words: Collection[int] = (),
    avoided: Collection[int] = (),
    cited: Collection[int] = (),
    number_groups: Sequence[tuple[int, int, int]] = (),
) -> int:
    """The cluster an emergency cut of the line of clusters ``start:end`` falls before,
    ``end`` being the first that did not fit: after the stops or closing brackets that
    end the unit from ``end`` on, if ``overhang`` lets them hang ("CD105," whole, not
    CD|105,); else after an identifier's hyphen a little past the line's end (COVID-|19);
    else the last boundary outside a word that
    keeps a number and the line rules whole (after the "/" of an address), else the last
    after a space (a number and its word: 1669 |at, not 1669 a|t; a phone number wider
    than the line: +66 2 |000 0000, not 000 00|00), else the last that keeps a syllable
    whole (a Burmese ဆေးခ|န်း, a Thai โรงพย|าบาล or a CJK 勺）|。 misreads worse than a
    cut between two syllables or characters), else the first after ``end`` that keeps
    a syllable whole when ``overhang`` lets the line up to it run past its end (a Lao
    ປ່ວຍ in a cell narrower than it, not ປ່ວ|ຍ; チェッ|ク, not チェ|ック), else the same for
    the end of a number (30～60|分), else the last outside a number, else the last at a
    space, though a symbol starts the next line (38.5 |℃, not 38.|5 ℃), else the last
    before a symbol written onto its number (－２０|℃, not －２|０℃), else the last
    after a number's group comma or point (12,|500.50, not 12,50|0.50, whose next line
    reads "0.50"), else the last that keeps the line rules and a Thai, Lao or Khmer
    syllable whole (`keeps_syllable` by the syllable list: ความ|รู้, never ควา|ม with
    a line starting on the final of ความ), else after ``end`` if it
    is a stop, closing bracket or following vowel that never starts a line
    (`HANGING_IN_AN_EMERGENCY`), which then
    hangs past the line's end, else ``end`` (any cluster boundary). Each rule is first tried
    outside the word-list terms of ``listed``: one is cut only when it alone is wider
    than the line, at the edge of a word inside it (``terms_words``: โรง|พยาบาล, not
    โรงพยา|บาล) before any other rule that cuts a word; the offsets of ``avoided`` (after
    a bound prefix: ผู้|) are tried only with the terms, or before a cut that parts a
    syllable (ຜູ້|ປ່ວຍ, not ຜູ້ປ່|ວຍ). No rule but the last starts a line with an
    identifier's hyphen or parts ° from its scale (`_parts_a_sign`: COVID|-19, 38.5°|C).
    A cut at a space falls after it, so each rule is judged where the next line would
    start."""
    text = ascii_forms(text)  # ＣＯＶＩＤ－|１９ and １，０００ as COVID-|19 and 1,000

    def breaks(at: int) -> bool:  # the line rules, where the next line starts
        return (
            allowed_break(text, at)
            and _starts_after_spaces(text, at)
            and not _parts_a_sign(text, at)
            and at not in cited  # ความ|¹: a citation never leaves what it cites
        )

    def syllabic(at: int) -> bool:  # ทุก|ๆ, ความ|รู้: never ทุ|กๆ, ควา|ม (a final first)
        return keeps_syllable(text, at, syllable_list=True)

    def whole(at: int) -> bool:
        return breaks(at) and keeps_syllable(text, at) and keeps_number(text, at, cited)

    def outside_words(at: int) -> bool:  # after "/" or "-" of an address, not in a word
        return whole(at) and not (_letter(text[at - 1]) and _letter(text[at]))

    def after_space(at: int) -> bool:  # between the groups of "+66 2 000 0000", not in one
        return text[at - 1] in SPACES and breaks(at) and keeps_syllable(text, at)

    def likely(at: int) -> bool:  # a Thai มีค|วาม or มี|ความ: the syllable list decides
        return breaks(at) and syllabic(at) and not inside_number(text, at)

    def number_whole(at: int) -> bool:  # 30～60|分, not 30～6|0分 ("30 to 6", "0 minutes")
        return breaks(at) and syllabic(at) and not inside_number(text, at)

    def at_a_space(at: int) -> bool:  # 38.5 |℃ starts a line with its symbol, not 38.|5 ℃
        return text[at] in SPACES and text[at - 1] not in SPACES

    def before_symbol(at: int) -> bool:  # －２０|℃ starts a line with its symbol, not －２|０℃
        return (
            text[at] in UNIT_SYMBOLS and text[at - 1].isdigit() and _starts_after_spaces(text, at)
        )

    def between_syllables(at: int) -> bool:  # the line rules, and no syllable parted
        return breaks(at) and syllabic(at)

    def term_word(at: int) -> bool:  # โรง|พยาบาล, a listed compound wider than the line
        return at in terms_words

    def after_prefix(at: int) -> bool:  # ຜູ້|ປ່ວຍ wider than the line, not ຜູ້ປ່|ວຍ
        return at in avoided and whole(at)

    def group_seam(at: int) -> bool:  # 12,|500.50, 12,500.|50 or 12:|30, never 12,50|0.50
        return (
            breaks(at) and at > 1 and text[at - 1] in NUMBER_SEPARATORS and text[at - 2].isdigit()
        )

    def after_hyphen(at: int) -> bool:  # COVID-|19, its hyphen a little past the line
        return text[at - 1] in IDENTIFIER_HYPHENS and whole(at)

    unit_starts = frozenset(at for _, at, _ in number_groups)

    def unit_start(at: int) -> bool:  # 500|毫克 wider than the line, not 500毫|克
        return at in unit_starts and breaks(at)

    # A word that ends in a stop or bracket too wide for the line hangs it (CD105, and
    # (CD105) whole, their stop or bracket past the line), as the unit's last marks.
    hung = _hung_marks(text, offsets, end, HANGING_PUNCTUATION)
    ends_unit = hung is not None and not text[offsets[hung] :].strip()
    if hung is not None and ends_unit and overhang is not None and overhang(start, hung):
        return hung
    if overhang is not None:  # "(" then "CD105)", not (CD|105)
        opened = _after_opening_marks(text, offsets, start, end, overhang)
        if opened is not None:
            return opened
    if overhang is not None:  # COVID-|19 with its hyphen past the line, not COVID|-19
        past = overhang.within_reach(start, end + 1, len(offsets) - 1)
        hyphen = next((j for j in past if after_hyphen(offsets[j]) and overhang(start, j)), None)
        if hyphen is not None:
            return hyphen
        parted = _parted_group(offsets, start, end, number_groups)
        kept = parted[1] if parted is not None and overhang(start, parted[1]) else None
        if kept is not None and (kept == len(offsets) - 1 or breaks(offsets[kept])):
            return kept

    # A number and the word after it ("1669 at", "500 mg") part at their space before a
    # word is cut between two letters: "1669 a|t", "1669 ف|وراً" misread worse. A number
    # is never cut inside while anything else may be: the line runs a little past its
    # end first (30～60|分), then a line rule gives way (38.5 |℃). Each rule, and
    # whether the line may run past its end up to the cut it finds.
    rules: tuple[tuple[Callable[[int], bool], bool], ...] = (
        (outside_words, False),
        (after_space, False),
        (unit_start, False),
        (term_word, False),
        (whole, False),
        (likely, False),
        (whole, True),  # a syllable's end a little past the line's end
        (after_prefix, False),  # a bound prefix's end before a cut inside a syllable
        (number_whole, True),  # a number's end a little past the line's end
        (number_whole, False),
        (at_a_space, False),
        (before_symbol, False),
        (group_seam, False),  # a number wider than the line, after a group's mark
        (between_syllables, False),
    )
    for outside in (True, False) if listed or avoided else (False,):
        for rule, runs_past in rules:

            def cuts(j: int, rule: Callable[[int], bool] = rule, outside: bool = outside) -> bool:
                at = offsets[j]
                shunned = at in avoided and rule is not after_prefix
                return rule(at) and not (outside and (_inside(listed, at) or shunned))

            if runs_past:
                found = _syllable_end(offsets, start, end, overhang, cuts)
            else:
                found = next((j for j in range(end, start, -1) if cuts(j)), None)
            if found is not None:
                return _past_spaces(text, offsets, found)  # "60 |minutes", not "60| minutes"

    def last_resort(at: int) -> bool:  # ความ¹ whole past the line: never ควา|ม¹, ความ|¹
        return syllabic(at) and at not in cited

    hung = _hung_marks(text, offsets, end)
    if hung is not None and (hung == len(offsets) - 1 or last_resort(offsets[hung])):
        return hung  # 〔注〕 a little past the line, not 〔注|〕
    whole_syllable = _syllable_whole(text, offsets, end, last_resort)
    return _kinsoku_kept(text, offsets, start, whole_syllable, overhang, last_resort)


def _kinsoku_kept(
    text: str,
    offsets: Sequence[int],
    start: int,
    cut: int,
    overhang: _Overhang | None,
    syllabic: Callable[[int], bool],
) -> int:
    """``cut``, the last resort of an emergency, moved off a boundary that ends a line
    on a Chinese or Japanese opening mark or starts one on a closing mark (kinsoku,
    JIS X 4051 §3.1.7): to the nearest boundary before it that keeps them (a line of
    its own clusters at least), else the nearest after it that ``overhang`` lets run
    past the line, else as it was; each a boundary ``syllabic`` says parts no syllable.
    In a cell two ems wide, 「（注）」。 was cut 「（|注）」。, and a reader met "「（"
    alone, then a line starting with "注）"."""
    last = len(offsets) - 1
    if cut >= last or _kinsoku_keeps(text, offsets[cut]):
        return cut

    def keeps(j: int) -> bool:
        return _kinsoku_keeps(text, offsets[j]) and syllabic(offsets[j])

    before = next((j for j in range(cut - 1, start, -1) if keeps(j)), None)
    if before is not None:
        return before
    reach = overhang.within_reach(start, cut + 1, last) if overhang is not None else ()
    after = next((j for j in reach if keeps(j) and overhang), None)
    return after if after is not None and overhang is not None and overhang(start, after) else cut


def _kinsoku_keeps(text: str, at: int) -> bool:
    """Whether a line may end before offset ``at`` of ``text`` by Chinese and Japanese
    rules: not after an opening bracket (（「), not before a closing mark (。、）」), and
    not inside a written syllable of the text around them (`parts_a_syllable`)."""
    return (
        text[at - 1] not in CJK_NO_LINE_END
        and text[at] not in CLOSING
        and not parts_a_syllable(text, at)
    )


def _number_groups(text: str, lang: str) -> tuple[tuple[int, int, int], ...]:
    """Each number of ``text`` with the unit or counter after it (start, the unit's
    start, end: `kept_groups.number_units`): a number and its unit wider than the line
    run past its end a little together (`_parted_group`), else part where the
    unit starts, not inside it (500 / 毫克, not 500毫 / 克)."""
    return number_units(ascii_forms(text), lang)


def _may_end_before(text: str, at: int, point: bool | None) -> bool:
    """Whether a line may end before offset ``at``, where a number starts: a cut point
    of its unit (``point`` not None), or, in a unit with none there (ဆေး၂တောင့်, the
    number glued to the word before it), a place the line rules and the syllables
    allow; never inside a range (30～|60分钟, whose 60 starts the group, reads "30 to"
    / "60 minutes")."""
    text = ascii_forms(text)  # －２０℃ as -20℃: its sign stays with its digits
    if not keeps_number(text, at) or inside_number(text, at):
        return False
    return point is not None or (allowed_break(text, at) and keeps_syllable(text, at))


def _parted_group(
    offsets: Sequence[int], start: int, end: int, groups: Sequence[tuple[int, int, int]]
) -> tuple[int, int] | None:
    """The first cluster of the number and unit of ``groups`` that a cut before cluster
    ``end`` of a line from ``start`` would part, and the cluster after them; else None.
    Burmese ၃ လ ("3 months") in a column two ems wide printed ၃ alone, its counter on
    the next line, and နေ့ ၂ / ကြိမ် ("day 2" / "times") a line ending on the number
    that counts the next: the line runs past its end to the group's end if it may,
    else ends before the number."""
    cut = offsets[end]
    for first, _, last in groups:
        if offsets[start] <= first < cut < last:
            return bisect_right(offsets, first - 1), bisect_right(offsets, last - 1)
    return None


def _syllable_whole(
    text: str, offsets: Sequence[int], end: int, syllabic: Callable[[int], bool]
) -> int:
    """``end``, or the next cluster after it a cut may fall before (or the unit's end)
    when a cut at ``end`` would part a written syllable (`orthographic.parts_a_syllable`):
    a Devanagari conjunct, a Khmer subscript cluster, a Burmese stack, kinzi or killed
    final, a Thai leading vowel and its consonant, wider than the line and its overhang,
    runs past the line's end whole, as the emergency reports. Cut, it printed other
    letters: स्|वा shows a halant the word does not have, अ|र्द्ध a bare र्, အ|င်္ဂ a kinzi
    over nothing, သော|က်ပါ a line starting with a final, ไ|ม่ a vowel with no consonant.
    A stop after the syllable hangs with it (`_hung_marks`): ဆရာဝန်။ in a line an em
    wide ends ဝန်။, not ဝန် with ။ alone on the next line. So does a syllable whose end
    ``syllabic`` reads (a Thai, Lao or Khmer final: ความ, ทุกๆ, ផ្សេងៗ, not ควา|ม,
    ทุ|กๆ, ផ្សេ|ងៗ, each a line starting with the final of the syllable before)."""
    last = len(offsets) - 1

    def parts(j: int) -> bool:
        return parts_a_syllable(text, offsets[j]) or not syllabic(offsets[j])

    if end >= last or not parts(end):
        return end
    whole = next((j for j in range(end + 1, last) if not parts(j)), last)
    return _hung_marks(text, offsets, whole, HANGING_STOPS) or whole


def _after_opening_marks(
    text: str, offsets: Sequence[int], start: int, end: int, overhang: _Overhang
) -> int | None:
    """The cluster after the opening brackets or quotation marks the line of clusters
    ``start:end`` starts with, if what follows them to the unit's end fits the next line
    whole, its closing marks hanging past it as a unit's may (`HANGING_PUNCTUATION`);
    else None. "(CD105)" in a cell that holds CD105 but not its brackets was cut
    (CD|105), which reads as two names, as CD|105, did before its comma hung: the line
    ends after "(" instead, the cut a reader takes for what it is. So does a full-width
    one before a Latin word or number, a unit in Chinese or Japanese brackets: in a cell
    too narrow for （mg/kg）。 the line ends "（" and the next holds "mg/kg）。", where it
    was cut "（mg" / "/kg）。", a dose in mg and something per kg."""
    after = start
    while after < end and (
        _opens(text[offsets[after] : offsets[after + 1]])
        or _opens_latin(text, offsets[after], offsets[after + 1])
    ):
        after += 1
    if after in (start, end):
        return None
    last = len(offsets) - 1
    while last > after and text[offsets[last - 1]] in SPACES:
        last -= 1
    bare = last
    while (
        bare > after
        and last - bare < MOST_HANGING
        and _hangs(text[offsets[bare - 1] : offsets[bare]], HANGING_PUNCTUATION)
    ):
        bare -= 1
    if bare > after and overhang.fits(after, bare) and overhang(after, last):
        # A full-width bracket never ends a line (kinsoku): with its word, the line runs
        # a little past its end where the overhang allows (（MSC） in two ems and a bit).
        if _opens_latin(text, offsets[start], offsets[start + 1]) and overhang(start, last):
            return last
        return after
    return None


def _opens_latin(text: str, at: int, end: int) -> bool:
    """Whether the cluster ``text[at:end]`` is a full-width opening bracket before a
    Latin word (its text read in `segmentation.ascii_forms`), Latin to its closing
    marks: （mg/kg）, （ＣＯＶＩＤ－１９）. Kinsoku keeps it from a line's end, but a word
    cut inside, as its emergency, misreads worse. Not before a number with a Chinese or
    Japanese unit (（24小时, （３８℃): that parts at its unit (24|小时, ３８|℃), as a
    reader accepts, where the line ended "（" after other text (発熱（ / ３８℃)."""
    cluster = text[at:end]
    word = text[end:].rstrip().rstrip(HANGING_IN_AN_EMERGENCY + CLOSING)
    return (
        len(cluster) == 1
        and unicodedata.category(cluster) == "Ps"
        and unicodedata.east_asian_width(cluster) in ("W", "F")
        and word[:1].isalnum()
        and word.isascii()
    )


def _opens(cluster: str) -> bool:
    """Whether ``cluster`` is an opening bracket or quotation mark of proportional
    text: ( [ « “. Not a full-width one (〔 「 （): Chinese and Japanese never end a line
    on it (kinsoku), and their emergency is the closing mark hung past the line's end
    (〔注〕 in a line two characters wide: "〔注" and 〕 hanging, not "〔" alone)."""
    return (
        len(cluster) == 1
        and unicodedata.category(cluster) in ("Ps", "Pi")
        and unicodedata.east_asian_width(cluster) not in ("W", "F")
    )


def _hung_marks(
    text: str, offsets: Sequence[int], end: int, marks: str = HANGING_IN_AN_EMERGENCY
) -> int | None:
    """The cluster after the ``marks`` from cluster ``end`` on that may hang past a
    line's end in an emergency (at most `MOST_HANGING`: a stop, a closing bracket),
    where a line may end after them; else None."""
    after = end
    while after - end < MOST_HANGING and after + 1 < len(offsets):
        if not _hangs(text[offsets[after] : offsets[after + 1]], marks):
            break
        after += 1
        if after + 1 == len(offsets) or allowed_break(text, offsets[after]):
            return after
    return None


def _parts_a_sign(text: str, at: int) -> bool:
    """Whether a line starting at ``at`` parts what reads as one sign: a degree sign
    and its scale (38.5°|C reads as an angle and a letter C), or a hyphen of an
    identifier from the letters or digits after it (COVID|-19, HLA|-DR: the next line
    starts "-19", a minus, or "-DR", a suffix). Ended after its hyphen, the line reads
    as a word to be continued."""
    before, after = text[at - 1], text[at]
    if before == "°" and after.isalpha():
        return True
    return (
        after in IDENTIFIER_HYPHENS
        and text[at + 1 : at + 2].isalnum()
        and before.isalnum()
        and hyphenating(before)
    )


def _syllable_end(
    offsets: Sequence[int],
    start: int,
    end: int,
    overhang: _Overhang | None,
    cuts: Callable[[int], bool],
) -> int | None:
    """The first cluster after ``end`` a cut before ``cuts`` allows (one that keeps a
    syllable or a number whole), or the unit's end, if ``overhang`` lets the line of
    clusters ``start`` up to it run past its end; else None."""
    if overhang is None:
        return None
    last = len(offsets) - 1
    for j in range(end + 1, last + 1):
        if not overhang(start, j):
            return None
        if j == last or cuts(j):
            return j
    return None


def _letter(char: str) -> bool:
    """A letter or a mark on one: a cut between two of them falls inside a word."""
    return char.isalpha() or unicodedata.category(char) in ("Mn", "Mc")


def _starts_after_spaces(text: str, at: int) -> bool:
    """Whether a cut at text offset ``at``, moved past the spaces there (`_past_spaces`),
    starts the next line where the line rules allow: they judged the break before the
    spaces ("38.5| ℃"), and the line would start after them, with a ℃ or ） that never
    starts one."""
    past = at
    while past < len(text) and text[past] in SPACES:
        past += 1
    return past in (at, len(text)) or allowed_break(text, past)


def _past_spaces(text: str, offsets: Sequence[int], at: int) -> int:
    """The cluster a cut before cluster ``at`` falls before once the spaces there end
    the line instead of starting the next one: a number and the word after it are one
    unit ("4567 or", "500 mg"), and a cut between them before the space set the next
    line one space in from the column's edge (" or email"). The spaces end the part
    before, trailing, as at any break at a space."""
    while at + 1 < len(offsets) and text[offsets[at] : offsets[at + 1]] in SPACES:
        at += 1
    return at


def release_phrases(units: Sequence[Unit]) -> list[Unit]:
    """``units`` with every phrase kept whole (`Unit.soft_breaks`) split at its own
    line-break opportunities, for a line wide enough to break between any two
    characters. Units without soft breaks are returned as they are."""
    if not any(unit.soft_breaks for unit in units):
        return list(units)
    out: list[Unit] = []
    for unit in units:
        if not unit.soft_breaks:
            out.append(unit)
            continue
        flat = _flat(unit)
        at = {offset: i for i, offset in enumerate(_offsets(flat))}
        inner = [at[offset] for offset in unit.soft_breaks if offset in at]
        out.extend(_split(unit, flat, [0, *inner, len(flat)]))
    return out


def _split(
    unit: Unit, flat: Flat, cuts: Sequence[int], hyphens: Collection[int] = ()
) -> list[Unit]:
    """``unit`` cut before the clusters ``cuts`` (0 first, ``len(flat)`` last): a hyphen
    ends each part cut at one of ``hyphens``, the last part keeps the trailing spaces
    (`_part` counts them, as `units.unit_of` counted the unit's)."""
    offsets = _offsets(flat)
    return [
        _part(
            flat[a:b],
            b in hyphens,
            _within(unit.soft_breaks, offsets[a], offsets[b]),
            clipped(unit.listed, offsets[a], offsets[b]),
            unit.address,
        )
        for a, b in pairwise(cuts)
    ]


def _within(soft: Sequence[int], start: int, end: int) -> tuple[int, ...]:
    """The offsets of ``soft`` strictly inside ``start:end``, counted from ``start``: a
    part keeps its phrase's breaks, so a narrower line can cut it again."""
    return tuple(i - start for i in soft if start < i < end)


def _hyphen_width(piece: Piece) -> float:
    return hyphen_cluster(piece.run.font).advance * piece.size / 1000


@lru_cache(maxsize=64)
def hyphen_cluster(font: str) -> Cluster:
    """A hyphen in ``font`` that carries no text: its glyphs have no text-layer key,
    so the renderer draws them as outlines (as it draws Thai marks)."""
    (cluster,) = shape(font, "-", "en")
    glyphs = tuple(replace(glyph, key=None) for glyph in cluster.glyphs)
    return Cluster("", glyphs, cluster.advance, False, (), outlined=True)


def _part(
    flat: Sequence[tuple[Piece, Cluster]],
    hyphen: bool = False,
    soft: tuple[int, ...] = (),
    listed: tuple[tuple[int, int], ...] = (),
    address: bool = False,
) -> Unit:
    """A unit from consecutive clusters, regrouped into pieces by the piece they came
    from; ``hyphen``: the word goes on, so a hyphen ends the part; ``soft``, ``listed``
    and ``address``: its `Unit.soft_breaks`, `Unit.listed` and `Unit.address`."""
    pieces: list[Piece] = []
    group: list[Cluster] = []
    for n, (piece, cluster) in enumerate(flat):
        group.append(cluster)
        if n + 1 == len(flat) or flat[n + 1][0] is not piece:
            if hyphen and n + 1 == len(flat):
                group.append(hyphen_cluster(piece.run.font))
            text = "".join(c.text for c in group)
            pieces.append(Piece(piece.run, tuple(group), piece.size, piece.rise, text, piece.level))
            group = []
    # A part cut after a space (an emergency cut between the groups of a phone number)
    # ends in it: trailing, so the line's end stands where its last digit does.
    return unit_of(pieces, soft, listed, address)


@dataclass(frozen=True, slots=True)
class Stretch:
    """Extra advance (points) after each inner space and each spaceless word boundary."""

    space: float = 0.0
    boundary: float = 0.0


def justify(units: Sequence[Unit], line: Line, available: float) -> Stretch:
    """How to spread a line's slack over its word boundaries and spaces."""
    slack = available - line.width
    if slack <= FUZZ:
        return Stretch()
    spaces = 0
    boundaries = 0
    size = 0.0
    for unit in units[line.start : line.end - 1]:
        if not unit.ends_with_space:
            boundaries += 1
    for unit in units[line.start : line.end]:
        spaces += sum(c.is_space for p in unit.pieces for c in p.clusters)
        size = max([size, *(p.size for p in unit.pieces)])
    # The spaces the line ends in are not drawn; an ideographic or thin one never grows.
    spaces -= units[line.end - 1].stretched_trailing_spaces
    if not spaces and not boundaries:
        return Stretch()
    boundary = min(slack / (spaces + boundaries), BOUNDARY_STRETCH_EM * size)
    if not spaces:
        return Stretch(0.0, boundary)
    space = min((slack - boundary * boundaries) / spaces, SPACE_STRETCH_EM * size)
    return Stretch(space, boundary)
