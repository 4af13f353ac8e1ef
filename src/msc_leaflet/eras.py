"""Years written in another calendar where the tool reads the Common Era.

A Thai writer dates in the Buddhist Era (2570 is 2027, `LanguageProfile.era_year_offset`).
Such a date is no typing mistake to be reported as "not a date" or "centuries ahead":
the loader, the checks and ``check --today`` all say which calendar it seems written
in, and give the Common Era date to type instead.
"""

from __future__ import annotations

import datetime as dt
import re

from .languages import profiles

#: A date this many years ahead is no review or publication date, but a typing mistake
#: or a year of another calendar.
YEARS_AHEAD = 100


def another_era(year: int, today: dt.date) -> tuple[str, int] | None:
    """The calendar ``year`` seems written in, and its Common Era year."""
    for language in profiles():
        offset = language.era_year_offset
        if offset and 1900 <= year - offset <= today.year + YEARS_AHEAD // 10:
            return language.name, year - offset
    return None


def common_era_date(text: str, today: dt.date) -> tuple[str, dt.date] | None:
    """The calendar a YYYY-MM-DD ``text`` that is no Common Era date seems written in,
    and the day it names: 29 February of the Buddhist year 2571 is 2028-02-29, though
    2571 itself is no leap year."""
    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text)
    era = another_era(int(match[1]), today) if match else None
    if match is None or era is None:
        return None
    name, year = era
    try:
        return name, dt.date(year, int(match[2]), int(match[3]))
    except ValueError:
        return None
