"""The one clock of reproducible output: ``SOURCE_DATE_EPOCH`` (reproducible-builds.org).

Set, it dates every PDF (ReportLab reads it too) and every template, so the same inputs
give the same bytes. It comes from the environment, so a bad value is the user's to fix
and must be one clear message, not ReportLab's ``int()`` error or an ``OverflowError``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from pathlib import Path

from .errors import LeafletError, Location

LATEST = 253_402_300_799  # 9999-12-31 23:59:59 UTC: PDF dates have four-digit years


def source_date_epoch() -> int | None:
    """The value of ``SOURCE_DATE_EPOCH`` in seconds, or None when it is unset or empty."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit() or int(raw) > LATEST:
        shown = raw if len(raw) <= 24 else raw[:24] + "…"
        raise LeafletError(
            Location(Path("SOURCE_DATE_EPOCH")),
            f"{shown!r} is not a time: it must be whole seconds since 1970-01-01, at most {LATEST}",
            "unset it, or set it to the time of your last change, e.g. $(git log -1 --format=%ct)",
        )
    return int(raw)


def source_moment() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a moment in UTC, or None when it is unset."""
    epoch = source_date_epoch()
    return None if epoch is None else dt.datetime.fromtimestamp(epoch, tz=dt.UTC)


def record_date() -> dt.date:
    """The date a record written now carries (a sign-off): ``SOURCE_DATE_EPOCH``'s day
    when set, so a record written twice is the same bytes, else the machine's."""
    moment = source_moment()
    return dt.date.today() if moment is None else moment.date()


def today() -> dt.date:
    """The day the checks judge review dates by (and --strict refuses an overdue leaflet
    on): the machine's, looked up here only, so a batch and the checks agree on it."""
    return dt.date.today()


def iso_date(text: str) -> dt.date:
    """The date ``text`` writes as YYYY-MM-DD, the one form the tool reads (a
    `ValueError` otherwise). Python's ``fromisoformat`` also takes 20261101 and
    2026W441: a reader of the file would not take them for a review date."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"{text!r} is not written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:  # Python's words ("day is out of range for month") named no date
        raise ValueError(f"{text!r} is no day of the calendar{_why_no_day(text)}") from None


def _why_no_day(text: str) -> str:
    """Why the well-formed ``text`` names no day, for `iso_date`'s message."""
    year, month, _ = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        return f": a year has 12 months, not {month}"
    if year == 0:
        return ": the years start at 1"
    days = calendar.monthrange(year, month)[1]
    return f": {_MONTHS[month - 1]} {year} has {days} days"


#: In English whatever the process's locale (`calendar.month_name` follows LC_TIME).
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
