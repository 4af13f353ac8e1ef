"""Dates, numbers and language names in the reader's own conventions (via Babel/CLDR).

Two things CLDR's defaults do not give a Thai patient leaflet, handled here:
Thai dates use the Buddhist Era year (2026 CE → 2569 BE), which Babel's Gregorian
formatter cannot produce; and a bare ``en`` is formatted as British English (day
before month, "22 November 2026"), the variety the bundled leaflets are written in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from babel import Locale
from babel.core import UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import get_date_format
from babel.numbers import format_decimal

from ..errors import LeafletError, Location

ERA_YEAR_OFFSET = {"th": 543}  # Buddhist Era, the calendar of everyday Thai dates
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
    """The long date, e.g. "22 November 2026", "22 พฤศจิกายน 2569"."""
    where = _formatting_locale(locale)
    offset = ERA_YEAR_OFFSET.get(where.language)
    if offset is None:
        return str(babel_format_date(date, format="long", locale=where))
    pattern = _with_era_year(get_date_format("long", locale=where).pattern, date.year + offset)
    return str(babel_format_date(date, format=pattern, locale=where))


def format_number(number: float | int, locale: str) -> str:
    """A number with the locale's digit grouping and decimal sign."""
    return str(format_decimal(number, locale=_formatting_locale(locale)))


def language_name(locale: str) -> str:
    """The language's name in that language ("ไทย", "English"), for language switchers."""
    where = babel_locale(locale)
    return str(where.get_language_name(where) or locale)
