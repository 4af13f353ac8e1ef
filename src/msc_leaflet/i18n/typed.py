"""Where a translation's characters are typed in its catalog: the place a finding
about a msgstr names, so a translator's editor opens on the mistake.

An entry's ``line`` is its first (a ``#:`` comment, a msgctxt), two or more lines
above the msgstr the translator edits; a wrapped msgstr holds its words on
continuation lines below that. The catalog is read again with each character's place
(`pofile.read_po` with ``sources``), once per version of the file, and only when a
finding needs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..errors import LeafletError, Location
from ..files import Stamp, file_stamp
from .catalog import Catalog, Entry
from .pofile import read_po
from .translation_checks import Problem


def typed_entry(origin: Location) -> Entry | None:
    """The active entry of the catalog at ``origin`` whose lines hold ``origin.line``
    (its first line, or its msgstr's), or None when the file cannot be read."""
    try:
        catalog = _placed_catalog(origin.path, file_stamp(origin.path.stat()))
    except (OSError, LeafletError):
        return None
    found = None
    for entry in catalog.entries:
        if entry.obsolete or not entry.line or entry.line > origin.line:
            continue
        if found is None or entry.line > found.line:
            found = entry
    return found


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
def _placed_catalog(path: Path, stamp: Stamp) -> Catalog:
    """The catalog at ``path`` with its characters' places, read once per version of
    the file (``stamp``): a check run names many entries of one catalog."""
    return read_po(path, sources=True)
