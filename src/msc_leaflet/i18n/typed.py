"""Where a translation's characters are typed in its catalog: the place a finding
about a msgstr names, so a translator's editor opens on the mistake.

An entry's ``line`` is its first (a ``#:`` comment, a msgctxt), two or more lines
above the msgstr the translator edits; a wrapped msgstr holds its words on
continuation lines below that. The catalog is read again with each character's place
(`pofile.parse_po_lines`), once per entry and version of the file, and only when a
finding needs it: the entry's own lines, not the whole file's.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..errors import LeafletError, Location
from ..files import Stamp, file_stamp
from .catalog import Entry
from .pofile import parse_po_lines, read_po_text, read_po_version, split_po_lines
from .translation_checks import Problem


def typed_entry(origin: Location) -> Entry | None:
    """The active entry of the catalog at ``origin`` whose lines hold ``origin.line``
    (its first line, or its msgstr's), read with its places (`Entry.sources`), or None
    when the file cannot be read."""
    try:
        stamp = file_stamp(origin.path.stat())
        _, active, _ = _entry_starts(origin.path, stamp)
    except (OSError, LeafletError):
        return None
    held = bisect_right(active, origin.line) - 1
    if held < 0:
        return None
    first = active[held]
    try:
        return _placed_entry(origin.path, stamp, first)
    except (OSError, LeafletError):
        return None


def msgstr_place(origin: Location, offset: int | None = None, form: int = 0) -> Location:
    """Where character ``offset`` of the msgstr (``msgstr[form]`` of a plural entry) of
    the entry at ``origin`` is typed: its line (a continuation line of a wrapped msgstr)
    and column. The msgstr's own line when ``offset`` is None or not placed; ``origin``
    when the catalog cannot be read again."""
    entry = typed_entry(origin)
    if entry is None:
        return origin
    name = "msgstr" if entry.msgid_plural is None else f"msgstr[{form}]"
    source = entry.sources.get(name)
    if source is None:
        return origin
    if offset is None or not 0 <= offset < len(source.chars):
        return Location(origin.path, source.line)
    line, column = source.chars[offset]
    return Location(origin.path, line, column)


def problem_place(msgstr: Location, problems: Iterable[Problem]) -> Location:
    """Where the first of ``problems`` that names a character of the msgstr at
    ``msgstr`` is typed (`msgstr_place`), in the plural form (msgstr[n]) it names; else
    the line of the first that names a form; else the msgstr's line. The build's
    warning and `i18n check` name a refused translation so, the same place."""
    problems = list(problems)
    placed = next((p for p in problems if p.offset is not None), None)
    placed = placed or next((p for p in problems if p.form is not None), None)
    if placed is None:
        return msgstr
    return msgstr_place(msgstr, placed.offset, placed.form or 0)


@lru_cache(maxsize=4)
def _entry_starts(path: Path, stamp: Stamp) -> tuple[list[int], list[int], list[str]]:
    """The first line of each entry of the catalog at ``path`` and of each active one,
    in order, and the file's lines, read once per version of the file (``stamp``): a
    check run names many entries of one catalog. The entries are the parse the build's
    localisation read (`read_po_version`), not a second one."""
    text = read_po_text(path)[1]
    entries = [entry for entry in read_po_version(path, stamp).entries if entry.line]
    starts = sorted(entry.line for entry in entries)
    active = sorted(entry.line for entry in entries if not entry.obsolete)
    return starts, active, split_po_lines(text)


@lru_cache(maxsize=64)
def _placed_entry(path: Path, stamp: Stamp, first: int) -> Entry | None:
    """The entry whose first line is ``first`` in the catalog at ``path``, with its
    places. Read from the entry before it (whose end no entry records) up to the one
    after it: the comments between the two are this entry's, as in the whole file."""
    starts, _, lines = _entry_starts(path, stamp)
    at = bisect_left(starts, first)
    begin = starts[at - 1] if at else 1
    end = starts[at + 1] - 1 if at + 1 < len(starts) else len(lines)
    catalog = parse_po_lines(lines[begin - 1 : end], begin, path)
    return next((entry for entry in catalog.entries if entry.line == first), None)
