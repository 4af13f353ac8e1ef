"""The hot loop's shortcuts write what the long way writes.

Each shortcut of the text stage's hottest loops (reading per piece what holds for a
whole piece, skipping a call where its answer is known) is checked here against the
long way it replaces, on lines of every script: mixed faces (a Lao line changes face
at each digit), justified spaces, superscripts, links, right-to-left text.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence
from itertools import groupby

import pytest
from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas

from msc_leaflet.typeset import Run, default_family, syllables
from msc_leaflet.typeset import render as render_module
from msc_leaflet.typeset import units as units_module
from msc_leaflet.typeset.fonts import shaping_font
from msc_leaflet.typeset.placed import Placed, any_piece
from msc_leaflet.typeset.reading_order import has_right_to_left
from msc_leaflet.typeset.render import draw_placed, place_units
from msc_leaflet.typeset.segmentation import (
    EMPTY_WORD_LIST,
    line_breaks,
    line_breaks_and_terms,
    listed_spans,
    load_word_list,
)
from msc_leaflet.typeset.units import Piece, Unit, build_units
from scripts_samples import SAMPLES
from typeset_support import LINK, THAI_PARAGRAPHS, WORDS, runs_for, source_text


def _runs(text: str, lang: str) -> list[Run]:
    """``text`` as plain, bold, superscript and link runs in turn, a few words each."""
    family = default_family()
    words = text.split(" ")
    runs = []
    for n in range(0, len(words), 3):
        chunk = " ".join(words[n : n + 3]) + " "
        kind = (n // 3) % 4
        if kind == 2:
            runs.append(Run("12", family.regular, 11, black, superscript=True, cites=(12,)))
        runs.append(
            Run(
                chunk,
                family.face(bold=kind == 1, italic=False),
                11,
                LINK if kind == 3 else black,
                link="tel:021234567" if kind == 3 else "",
            )
        )
    return runs


def _lines(units: Sequence[Unit], per_line: int = 4) -> list[list[Unit]]:
    return [list(units[n : n + per_line]) for n in range(0, len(units), per_line)]


def _drawn(lang: str) -> list[str]:
    """The operators lines of every sample in ``lang`` add to a page, set plain and
    justified (every space wider)."""
    canvas = Canvas(io.BytesIO())
    for text in SAMPLES[lang]:
        units = build_units(_runs(text, lang), lang, EMPTY_WORD_LIST)
        for number, line in enumerate(_lines(units)):
            extra = 1.5 if number % 2 else 0.0
            draw_placed(canvas, 700.0 - 14 * number, place_units(line, 40.0, extra, extra))
    return [str(operators) for operators in canvas._code]


def _fonts_cluster_by_cluster(self: render_module._LineWriter, items: Sequence[Placed]) -> None:
    """`_LineWriter._fonts` the long way: the face read at every cluster."""
    for font_name, run in groupby(items, key=lambda placed: placed.piece.run.font):
        self._font_run(shaping_font(font_name), list(run))


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_font_runs_found_per_piece_are_those_found_per_cluster(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Splitting a line where the face changes, piece by piece, writes the very
    operators splitting it cluster by cluster writes."""
    fast = _drawn(lang)
    monkeypatch.setattr(render_module._LineWriter, "_fonts", _fonts_cluster_by_cluster)
    assert fast == _drawn(lang)


def _clipped_from_all(
    spans: Sequence[tuple[int, int]], start: int, end: int, first: int = 0
) -> tuple[tuple[int, int], ...]:
    """`units.clipped` the long way: every term of the paragraph read for every unit."""
    return tuple(
        (max(a, start) - start, min(b, end) - start)
        for a, b in spans
        if min(b, end) - max(a, start) > 1
    )


def _all_units(phrases: bool) -> list[list[Unit]]:
    """The units of Thai paragraphs with the word list, and of every sample."""
    words = load_word_list(WORDS)
    made = [build_units(runs_for(p), "th", words, phrases=phrases) for p in THAI_PARAGRAPHS]
    for lang, texts in sorted(SAMPLES.items()):
        made += [build_units(_runs(text, lang), lang, words, phrases=phrases) for text in texts]
    return made


@pytest.mark.parametrize("phrases", [False, True])
def test_units_read_the_terms_near_them_as_they_read_all(
    phrases: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit that reads only the word-list terms near it (and skips the soft-break
    and bidi-level scans a paragraph has nothing for) is the unit reading them all
    makes: the same pieces, widths, soft breaks and terms."""
    fast = _all_units(phrases)
    assert any(unit.listed for units in fast for unit in units)
    monkeypatch.setattr(units_module, "clipped", _clipped_from_all)
    assert fast == _all_units(phrases)


def test_pieces_and_units_made_fast_are_those_the_classes_make() -> None:
    """The pieces and units `build_units` makes without their classes' ``__init__``
    are those it would make with it: the same fields, equal, and frozen."""
    units = [unit for made in _all_units(True) for unit in made]
    for unit in units:
        pieces = tuple(
            Piece(p.run, p.clusters, p.size, p.rise, p.text, p.level) for p in unit.pieces
        )
        made = Unit(
            pieces,
            unit.width,
            unit.space_width,
            unit.trailing_spaces,
            unit.soft_breaks,
            unit.listed,
        )
        assert made == unit
        assert repr(made) == repr(unit)
    with pytest.raises(dataclasses.FrozenInstanceError):
        units[0].width = 0.0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        units[0].pieces[0].size = 0.0  # type: ignore[misc]


def _is_lone_by_union(run: str, start: int, end: int) -> bool:
    """`syllables._is_lone` the long way: both ends looked up in the run's cluster
    ends joined with 0."""
    return (
        0 <= start < len(run)
        and run[start] in syllables.THAI_CONSONANTS
        and (start == 0 or run[start - 1] not in syllables.LEADING_VOWELS)
        and {start, end} <= syllables.cluster_ends(run) | {0}
        and not any(c in syllables.VOWEL_MARKS for c in run[start + 1 : end])
    )


def test_a_lone_consonant_is_found_as_the_long_way_finds_it() -> None:
    """Looking up a stretch's two ends one by one answers what the union did, for
    every stretch of up to three characters of Thai prose (and ends off the run)."""
    runs = [
        run
        for pieces in THAI_PARAGRAPHS
        for text, _ in pieces
        for run in text.split(" ")
        if run and syllables.is_thai(run[0])
    ]
    assert runs
    for run in runs:
        for start in range(-1, len(run) + 1):
            for end in range(start - 1, start + 4):
                assert syllables._is_lone(run, start, end) == _is_lone_by_union(run, start, end)


def test_terms_found_while_breaking_are_those_found_alone() -> None:
    """The word-list terms `line_breaks_and_terms` finds on its way to the breaks are
    the `listed_spans` of the text, and its breaks are `line_breaks`'s."""
    words = load_word_list(WORDS)
    texts = [("th", source_text(p)) for p in THAI_PARAGRAPHS]
    texts += [(lang, text) for lang, samples in sorted(SAMPLES.items()) for text in samples]
    found = [line_breaks_and_terms(text, lang, words) for lang, text in texts]
    assert any(terms for _, terms in found)
    for (lang, text), (breaks, terms) in zip(texts, found, strict=True):
        assert terms == listed_spans(text, lang, words)
        assert breaks == line_breaks(text, lang, words)


def test_a_line_asked_per_piece_answers_as_asked_per_cluster() -> None:
    """Whether a line holds right-to-left text or a link, asked of each piece once,
    is what asking each of its clusters says."""
    answers = set()
    for lang, texts in sorted(SAMPLES.items()):
        for text in texts:
            units = build_units(_runs(text, lang), lang, EMPTY_WORD_LIST)
            for line in _lines(units, 3):
                placed = place_units(line, 40.0)
                right_to_left = any(p.piece.level % 2 for p in placed)
                linked = any(p.piece.run.link for p in placed)
                assert has_right_to_left(placed) == right_to_left
                assert any_piece(placed, lambda piece: piece.run.link) == linked
                answers.add((right_to_left, linked))
    assert answers == {(False, False), (False, True), (True, False), (True, True)}
