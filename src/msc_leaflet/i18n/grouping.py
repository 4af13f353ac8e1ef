"""Where a translation groups the digits of a number its source writes unbroken, for
check I18N007.

`numbers.read` reads a number's value as its language writes it: Vietnamese 1.669 is
1669, Thai ๑,๖๖๙ and Arabic ١٬٦٦٩ are too. For an amount that is right (1.000 mg is
how a Vietnamese reader writes a thousand milligrams), but a year, a hotline or a
code is never grouped: "gọi 1.669" is no number a patient dials, "năm 1.991" no year
a reader recognises, and a clinician searching PMID 12.345.678 finds nothing. So a
number the source writes as one run of digits where its own language would group an
amount of that size (CLDR: English groups 1669 as 1,669), and writes with no unit or
counter after it, keeps its run unbroken in the translation, unless it counts a thing
with its noun ("1000 people": `number_kinds`), which its reader groups as an amount.
A number of five digits or more is held so only where it is plainly no amount: after
an identifier's name (PMID, ISO: `identifiers`) or with a leading zero (a phone
number, 0812345678); a count of 100000 cells may be grouped as its reader groups it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..languages import profile
from . import numbers

#: A year, a hotline or a short code: four digits, where a count of four digits is
#: rarer and written unbroken in every language too (`numbers.written_as`).
_CODE_DIGITS = 4
# What `numbers` reads between a number's digits and may group them: a point, a comma,
# the Arabic thousands separator ٬ or a full-width comma (１，０００; the Arabic decimal
# sign ٫ makes no whole number).
_SEPARATORS = frozenset(",.\u066c\uff0c")


# Digits in groups of three after a space (1 669, 10 000, ๑ ๖๖๙): a number typed as
# French or Russian write it. `numbers` reads two numbers there ("2 100 mg tablets"),
# which is what the page's reader reads too.
_SPACED = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d|[.,]\d)")


@dataclass(frozen=True)
class Spaced:
    """A number the translation types with spaces between groups of its digits
    (``written``: 1 669), its value read whole (``value``: 1669) and the values of its
    groups, which the page's reader reads as numbers apart (``parts``: 1, 669)."""

    written: str
    value: str
    parts: tuple[str, ...]
    groups: tuple[str, ...]  # as typed: 1, 000


def spaced(translated: str) -> Iterator[Spaced]:
    """Each number ``translated`` writes with spaces between groups of three digits."""
    for match in _SPACED.finditer(translated):
        groups = re.split(r"[ \u00a0\u202f\u2009]", match.group())
        values = tuple(str(int("".join(str(unicodedata.digit(c)) for c in g))) for g in groups)
        whole = str(int("".join(str(unicodedata.digit(c)) for g in groups for c in g)))
        yield Spaced(match.group(), whole, values, tuple(groups))


def ways_to_write(
    value: str,
    source: numbers.Numbers,
    source_language: str,
    language: str,
    identified: frozenset[str] = frozenset(),
    counted: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """How the translation may write the source's ``value`` so its reader reads it:
    unbroken where the source holds it so (a year, a number to call, a code), else as
    ``language`` groups an amount, or unbroken (`numbers.written_as`)."""
    typed = next((typed for v, typed in source.written if v == value), value)
    if _held(value, typed, source_language, identified, counted) and not any(
        pair.value == value and pair.unit for pair in source.pairs
    ):
        return ("".join(str(unicodedata.digit(c)) for c in typed),)
    return numbers.written_as(value, language)


@dataclass(frozen=True)
class Regrouped:
    """A number the translation writes grouped (``written``: 1.669, ๑,๖๖๙) that the
    source writes unbroken (``source``: 1669), and how to type it (``meant``: the
    translation's own digits, unbroken: 1669, ๑๖๖๙)."""

    written: str
    source: str
    meant: str


def regrouped(
    source: numbers.Numbers,
    source_language: str,
    translation: numbers.Numbers,
    language: str,
    identified: frozenset[str] = frozenset(),
    counted: frozenset[str] = frozenset(),
) -> Iterator[Regrouped]:
    """Each value the translation groups more often than the source groups it or
    gives it as an amount, where the source writes it unbroken as a year, a number to
    call or a code (the module's rule). ``identified``: the values the source writes
    after an identifier's name (PMID 12345678), whatever their length; ``counted``: the
    values of four digits it gives as a count of things (`number_kinds.counts`: "1000
    people"), which the translation may group as an amount."""
    unbroken: dict[str, str] = {}
    allowed: Counter[str] = Counter()
    for value, typed in source.written:
        if _grouped(typed):
            allowed[value] += 1
        elif _held(value, typed, source_language, identified, counted) and value not in unbroken:
            unbroken[value] = typed
    if not unbroken:
        return
    allowed += Counter(pair.value for pair in source.pairs if pair.unit)
    years = _same_years(source_language, language)
    told: set[str] = set()
    grouped = Counter(
        _meant_value(value, unbroken, years)
        for value, typed in translation.written
        if _grouped(typed)
    )
    for value, typed in translation.written:
        meant = _meant_value(value, unbroken, years)
        if meant in unbroken and _grouped(typed) and grouped[meant] > allowed[meant]:
            if meant in told:
                continue
            told.add(meant)
            yield Regrouped(typed, unbroken[meant], "".join(c for c in typed if c.isdigit()))


def _held(
    value: str,
    typed: str,
    language: str,
    identified: frozenset[str],
    counted: frozenset[str] = frozenset(),
) -> bool:
    """Whether the source's ``typed``, read as ``value``, is a run of digits its
    language would group as an amount, and a year, a number to call or a code: not a
    count of things (``counted``: "1000 people")."""
    if not typed.isdigit() or len(typed) < _CODE_DIGITS:
        return False
    if value in identified or unicodedata.digit(typed[0]) == 0:  # PMID 12345678, 0812345678
        return True
    grouped = numbers.written_as(value, language)[0]
    return len(typed) == _CODE_DIGITS and grouped != value and value not in counted


def _grouped(typed: str) -> bool:
    """Whether the number ``typed`` is written with a separator between its digits
    (1.669, 1,669, ١٬٦٦٩; a decimal 0.5 too, whose value no run of digits has)."""
    return any(char in _SEPARATORS for char in typed) and typed[-1].isdigit()


def _same_years(source_language: str, language: str) -> int:
    """The years between the eras of the two languages (543: a Thai text may give a
    year in the Buddhist Era, 2569 for 2026), or 0."""
    return profile(source_language or "en").era_year_offset or profile(language).era_year_offset


def _meant_value(value: str, unbroken: dict[str, str], offset: int) -> str:
    """The source's value that the translation's ``value`` gives: itself, or the same
    year in the other era."""
    if value in unbroken or not offset or not value.isdigit():
        return value
    for other in (int(value) - offset, int(value) + offset):
        if str(other) in unbroken:
            return str(other)
    return value
