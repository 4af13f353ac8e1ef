"""The words a reader sees inside one unit, so a unit too wide for its line is never
cut inside a word that fits a line by itself.

A unit (`units.Unit`) may hold several words: a number keeps the word after it
("๒๕๔๙ บทความ", "1669 at", "500 mg"), a date or a title keeps its parts ("6 ธันวาคม
2570", "Dr. Somchai"), and ICU fits a run of Thai, Lao, Khmer or Burmese to one piece.
In a column too narrow for the unit, `linebreak.fit_units` cuts it; the cut at the last
acceptable place that fitted fell inside the word after the number, at the edge of a
listed word ICU's dictionary reads as part of a longer one: "๒๕๔๙ บท|ความ", though
บทความ ("article") alone fits the column easily. A reader sees two words there.

The words here are the unit's runs of characters between breaking spaces, parted
again at the word edges of a dictionary-broken script read alone (`word_edges`): not
after a bound prefix (ผู้, which is no word on its own: `kept_groups.bound_prefix_ends`),
not inside a listed term (`Unit.listed`), whose edges are its own; and where a number
meets a letter of a script written without spaces between words (ปี|๒๕๔๙|บทความ).
A citation's superscript belongs to the word before it. Chinese and Japanese
have no words here: their lines break between characters and phrases
(`linebreak._company_for_last`, `_kana_endings`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .kept_groups import bound_prefix_ends, number_units
from .scripts import CJK_SCRIPTS, UNSPACED_SCRIPTS, script_of
from .segmentation import BREAKING_SPACES, holds_syllable_letters, line_breaks, unit_ends


def word_edges(text: str, lang: str) -> frozenset[int]:
    """Offsets between two letters of a dictionary-broken script (Thai, Lao, Khmer,
    Burmese) where ``text``, a piece too wide for its line read alone, has a line-break
    opportunity (`line_breaks`: ICU's word edges, the word lists', the syllable rules).
    In its sentence ICU fitted these letters to the words around them, or the rules
    could not tell a break there from one inside a syllable; alone, its words show, and
    a cut there (การ|รักษา, โรง|พยาบาล) reads better than one between two syllables
    of a word (การรัก|ษา, โรงพยา|บาล)."""
    if not holds_syllable_letters(text):
        return frozenset()
    return frozenset(
        at
        for at in line_breaks(text, lang)
        if holds_syllable_letters(text[at - 1]) and holds_syllable_letters(text[at])
    )


def _unspaced_letter(char: str) -> bool:
    """A letter or mark of a script written without spaces between words."""
    return not char.isdigit() and script_of(char) in UNSPACED_SCRIPTS


def _number_edges(text: str) -> frozenset[int]:
    """Offsets where a number meets a letter of a script written without spaces between
    words, either way round: ปี|๒๕๔๙|บทความ is three words, though no space parts them
    and UAX #14 breaks between neither. "5mg" and "CD34" stay one word each, and so
    does a Devanagari word, whose script puts spaces between words."""
    if not holds_syllable_letters(text):
        return frozenset()
    return frozenset(
        at
        for at in range(1, len(text))
        if (text[at - 1].isdigit() and text[at].isalpha() and _unspaced_letter(text[at]))
        or (text[at].isdigit() and _unspaced_letter(text[at - 1]))
    )


def word_spans(
    text: str,
    lang: str,
    listed: Sequence[tuple[int, int]] = (),
    edges: Collection[int] | None = None,
    superscripts: Collection[int] = (),
) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of the words of ``text``, a unit's: its runs between
    breaking spaces (a no-break space keeps its two sides one word, as its author
    asked), parted at `word_edges` and where a number meets such a script's letters
    (`_number_edges`), if that falls after no bound prefix and inside no term of
    ``listed``. A run holding a Chinese or Japanese character is left out. ``edges``:
    `word_edges` of ``text``, if the caller has them; ``superscripts``: the offsets
    of a citation's characters, which belong to the word they follow (บทความ¹ is one
    word, its ¹ no number starting another)."""
    edges = word_edges(text, lang) if edges is None else edges
    inner = (frozenset(edges) | _number_edges(text) | unit_ends(text, lang)) - bound_prefix_ends(
        text, lang
    )
    # A number and its unit are one word where no space parts them (៥០០មីលីក្រាម,
    # ๕๐๐มิลลิกรัม): a line too narrow for both ends before the number, not after it.
    units = [(start, end) for start, _, end in number_units(text, lang)]
    inner = frozenset(
        at
        for at in inner
        if at not in superscripts and not any(a < at < b for a, b in (*listed, *units))
    )
    spans: list[tuple[int, int]] = []
    start = None
    for at, char in enumerate(text):
        if char in BREAKING_SPACES:
            if start is not None:
                spans.append((start, at))
            start = None
        elif start is None:
            start = at
        elif at in inner:
            spans.append((start, at))
            start = at
    if start is not None:
        spans.append((start, len(text)))
    return tuple(
        (a, b) for a, b in spans if not any(script_of(c) in CJK_SCRIPTS for c in text[a:b])
    )
