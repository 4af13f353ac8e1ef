"""Dates, numbers and language names in the reader's own conventions (via Babel/CLDR).

Every number the tool prints itself (page numbers, dates, section and citation
numbers) is written in the locale's *default numbering system* from CLDR: Myanmar
digits (၁၂၃) for ``my``, Arabic-Indic (١٢٣) for ``ar_EG``, Latin for ``th``, ``ar``,
``km``, ``lo``, ``vi``, ``zh_Hans`` and ``ja`` (CLDR 46/47 as shipped with Babel 2.19).
Numbers an author wrote in the text are the author's and stay as written.

Two things CLDR's defaults do not give a Thai patient leaflet, handled here:
Thai dates use the Buddhist Era year (2026 CE → 2569 BE; the year offset is the
language profile's ``era-year-offset``), which Babel's Gregorian formatter cannot
produce; and a bare ``en`` is formatted as British English (day before month,
"22 November 2026"), the variety the bundled leaflets are written in.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from pathlib import Path

from babel import Locale
from babel.core import UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import get_date_format
from babel.numbers import format_decimal

from ..alternation import longest_first
from ..errors import LeafletError, Location
from ..languages import profile

LATIN_DIGITS = "0123456789"
# CLDR numbering systems (numberingSystems.xml) → the Unicode name of their digit zero;
# the other nine follow it in Unicode. Babel knows each locale's default system but
# not its digits. Every system a CLDR locale defaults to is listed (the tests ask
# Babel for each locale's), as are the digits of the languages a theme can set: a
# system missing here would print Latin digits in a Tibetan or Santali leaflet.
DIGIT_ZERO = {
    "latn": "DIGIT ZERO",
    "adlm": "ADLAM DIGIT ZERO",  # ff_Adlm
    "arab": "ARABIC-INDIC DIGIT ZERO",
    "arabext": "EXTENDED ARABIC-INDIC DIGIT ZERO",
    "beng": "BENGALI DIGIT ZERO",
    "cakm": "CHAKMA DIGIT ZERO",  # ccp
    "deva": "DEVANAGARI DIGIT ZERO",
    "hmnp": "NYIAKENG PUACHUE HMONG DIGIT ZERO",  # hnj
    "khmr": "KHMER DIGIT ZERO",
    "laoo": "LAO DIGIT ZERO",
    "mtei": "MEETEI MAYEK DIGIT ZERO",  # mni_Mtei
    "mymr": "MYANMAR DIGIT ZERO",
    "nkoo": "NKO DIGIT ZERO",  # nqo
    "olck": "OL CHIKI DIGIT ZERO",  # sat
    "thai": "THAI DIGIT ZERO",
    "tibt": "TIBETAN DIGIT ZERO",  # dz
}
DEFAULT_REGION = {"en": "en_GB"}  # a bare language tag → the variety we print


def babel_locale(locale: str) -> Locale:
    """Parse a BCP 47 / gettext tag; an unknown one is the user's error, not a crash."""
    try:
        return Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise LeafletError(
            Location(Path(locale)),
            f"unknown locale {locale!r}",
            "use a language tag Babel knows, such as th, en, de or pt_BR",
        ) from None


def _formatting_locale(locale: str) -> Locale:
    return babel_locale(DEFAULT_REGION.get(locale, locale))


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _with_era_year(pattern: str, year: int) -> str:
    """``pattern`` with the era dropped and ``y`` replaced by a literal ``year``."""
    out: list[str] = []
    i, quoted = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "'":
            quoted = not quoted
            out.append(ch)
            i += 1
            continue
        if not quoted and ch in "Gy":
            run = i
            while run < len(pattern) and pattern[run] == ch:
                run += 1
            out.append(_literal(str(year)) if ch == "y" else "")
            i = run
            continue
        out.append(ch)
        i += 1
    return " ".join("".join(out).split())


def format_date(date: dt.date, locale: str) -> str:
    """The long date in the locale's digits, e.g. "22 November 2026", "22 พฤศจิกายน
    2569", "၂၀၂၆ ဒီဇင်ဘာ ၂", "7 tháng 12 năm 2026"."""
    where = _formatting_locale(locale)
    pattern = long_date_pattern(locale)
    offset = profile(locale).era_year_offset
    if offset:
        pattern = _with_era_year(pattern, date.year + offset)
    text = str(babel_format_date(date, format=pattern, locale=where))
    # Babel formats dates in Latin digits whatever the locale's numbering system.
    return localize_digits(text, locale)


def long_date_pattern(locale: str) -> str:
    """The pattern of the long date `format_date` prints: the language profile's
    ``long-date`` where CLDR's is not what its reader writes (Vietnamese "d MMMM 'năm'
    y", where CLDR's "d MMMM, y" gives "7 tháng 12, 2026"), else CLDR's."""
    own = profile(locale).long_date
    return own or str(get_date_format("long", locale=_formatting_locale(locale)).pattern)


@cache
def date_words(locale: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The month names (wide and abbreviated, in a date and standing alone) and the
    marks written right after a date's year or day (Japanese and Chinese 年 and 日:
    "y年M月d日") of the locale `format_date` prints dates in: the line breaker keeps a
    date as it prints it on one line (`typeset.kept_groups`)."""
    where = _formatting_locale(locale)
    months: set[str] = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            months.update(str(name) for name in where.months[context][width].values())
    pattern = long_date_pattern(locale)
    marks = set(re.findall(r"[yd]+([^\x00-\x7f\s،၊]+)", pattern)) - {""}
    return tuple(longest_first(months)), tuple(sorted(marks))


def format_number(number: float | int, locale: str) -> str:
    """A number with the locale's digit grouping, decimal sign and digits."""
    where = _formatting_locale(locale)
    text = str(format_decimal(number, locale=where, numbering_system="default"))
    return localize_digits(text, locale)


def format_count(number: int, locale: str) -> str:
    """A page, section or citation number: the locale's digits, no grouping ("12", "၁၂")."""
    return localize_digits(str(number), locale)


def localize_digits(text: str, locale: str) -> str:
    """``text`` with the Latin digits 0–9 written in the locale's default digits."""
    digits = locale_digits(locale)
    if digits == LATIN_DIGITS:
        return text
    return text.translate(str.maketrans(LATIN_DIGITS, digits))


@cache
def locale_digits(locale: str) -> str:
    """The ten digits of the locale's default numbering system (CLDR), 0 to 9."""
    name = DIGIT_ZERO.get(_formatting_locale(locale).default_numbering_system or "latn")
    if name is None:
        return LATIN_DIGITS
    zero = ord(unicodedata.lookup(name))
    return "".join(chr(zero + n) for n in range(10))


def english_language_name(locale: str) -> str:
    """The language's name in English ("Thai", "Chinese"), for the command line's messages."""
    return str(babel_locale(locale).get_language_name("en") or locale)


def language_name(locale: str) -> str:
    """The language's name in that language ("ไทย", "English"), for language switchers."""
    where = babel_locale(locale)
    return str(where.get_language_name(where) or locale)
