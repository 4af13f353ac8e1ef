"""Paragraph styles and box paddings as data: the theme's entries → plain style records.

Every entry of ``styles:`` says only what it changes from its ``parent`` (``body``
unless it names another), as a stylesheet would. Its size and leading are names from
the theme's ``sizes:``, its spacing names from ``spacing:``, its colour a name from
``colours:`` (or points, where a number is written), so a theme that changes
``sizes: body`` changes every style set in the body size. ``box-padding:`` entries
inherit the same way, from a ``parent`` only when they name one.

A project theme lays its entries over the bundled ones, field by field (`layered`):
it names only what it changes, and a theme written before a style existed still gets it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

FONTS = ("regular", "bold", "italic", "bold-italic")  # the faces of the leaflet's font family
ALIGNMENTS = ("left", "justify", "centre", "right")

Entries = Mapping[str, Mapping[str, Any]]

# "small", "small + 0.5": a named length, optionally offset by points.
_NAMED = re.compile(r"([a-z][a-z0-9-]*)(?:\s*([+-])\s*(\d+(?:\.\d+)?))?")
_EM = re.compile(r"(\d+(?:\.\d+)?)\s*em")  # "1.3em": a leading of 1.3 × the style's size


@dataclass(frozen=True)
class TextStyle:
    """How one kind of paragraph is set. Lengths in points; `colour` names a theme colour.
    The defaults are the typesetter's own, so an entry states only what it means."""

    font: str  # regular | bold | italic | bold-italic
    size: float
    leading: float  # before the language's leading scale (`Theme.leading_for`)
    colour: str
    align: str = "left"
    space_before: float = 0
    space_after: float = 0
    left_indent: float = 0
    first_line_indent: float = 0  # negative: a hanging first line (numbered references)
    keep_with_next: bool = False
    allow_widows: bool = True
    allow_orphans: bool = False
    # A line narrower than this (points; 0: none) breaks Japanese and Chinese between
    # phrases, not between any two characters: a table's label column. A phrase wider
    # than the line is still cut.
    keep_phrases_below: float = 0


@dataclass(frozen=True)
class BoxPadding:
    """Room between a box's edge and its text, in points."""

    left: float
    right: float
    top: float  # above the first row, and above the first row of each section of the box
    bottom: float  # below the last row
    between: float  # above and below every other row: rows are 2 × between apart


_TEXT_FIELDS = {f.name for f in fields(TextStyle)}
_PADDING_FIELDS = {f.name for f in fields(BoxPadding)}


def layered(bundled: Entries, own: Entries | None, what: str) -> dict[str, dict[str, Any]]:
    """The ``bundled`` entries with a project theme's ``own`` laid over them, field by
    field. A name the bundled theme does not have is a typo: nothing would print it."""
    own = _mapping(own, what)
    unknown = [name for name in own if name not in bundled]
    if unknown:
        raise ValueError(f"unknown {what} {unknown[0]!r}; the {what}s are {', '.join(bundled)}")
    return {
        name: {**_mapping(entry, name), **_mapping(own.get(name), name)}
        for name, entry in bundled.items()
    }


def inherit(entries: Entries, root: str | None = None) -> dict[str, dict[str, Any]]:
    """Every entry with what it inherits filled in: its ``parent``'s fields (``root``'s
    when it names no parent), then its own."""
    resolved: dict[str, dict[str, Any]] = {}

    def resolve(name: str, chain: tuple[str, ...]) -> dict[str, Any]:
        if name in chain:
            raise ValueError(f"{' → '.join((*chain, name))}: an entry cannot inherit from itself")
        if name not in resolved:
            own = dict(_mapping(entries[name], name))
            parent = own.pop("parent", None if name == root else root)
            if parent is not None and parent not in entries:
                raise ValueError(f"{name!r} inherits from {parent!r}, which does not exist")
            inherited = resolve(parent, (*chain, name)) if parent is not None else {}
            resolved[name] = {**inherited, **own}
        return resolved[name]

    for name in entries:
        resolve(name, ())
    return resolved


def text_style(
    name: str,
    entry: Mapping[str, Any],
    sizes: Mapping[str, float],
    spacing: Mapping[str, float],
    colours: Mapping[str, object],
) -> TextStyle:
    """The style of an inherited ``styles:`` entry, every name looked up."""
    values = {key.replace("-", "_"): value for key, value in entry.items()}
    unknown = [key for key in entry if key.replace("-", "_") not in _TEXT_FIELDS]
    missing = [key for key in ("font", "size", "leading", "colour") if key not in values]
    if unknown or missing:
        problem = f"has no field {unknown[0]!r}" if unknown else f"needs {', '.join(missing)}"
        raise ValueError(f"style {name!r} {problem}")
    size = _points(values["size"], sizes, f"style {name!r}: size")
    values["size"] = size
    em = _EM.fullmatch(str(values["leading"]).strip())
    values["leading"] = (
        size * float(em[1]) if em else _points(values["leading"], sizes, f"style {name!r}: leading")
    )
    for key in ("space_before", "space_after", "left_indent", "first_line_indent"):
        if key in values:
            values[key] = _points(values[key], spacing, f"style {name!r}: {key.replace('_', '-')}")
    for key, allowed in (("font", FONTS), ("align", ALIGNMENTS), ("colour", tuple(colours))):
        if key in values and values[key] not in allowed:
            raise ValueError(
                f"style {name!r}: {key} {values[key]!r} is not one of {', '.join(allowed)}"
            )
    if "keep_phrases_below" in values:
        below = _EM.fullmatch(str(values["keep_phrases_below"]).strip())
        values["keep_phrases_below"] = (
            size * float(below[1])
            if below
            else _points(values["keep_phrases_below"], {}, f"style {name!r}: keep-phrases-below")
        )
    for key in ("keep_with_next", "allow_widows", "allow_orphans"):
        if key in values and not isinstance(values[key], bool):
            raise ValueError(f"style {name!r}: {key.replace('_', '-')} must be true or false")
    return TextStyle(**values)


def box_padding(name: str, entry: Mapping[str, Any]) -> BoxPadding:
    """The padding of an inherited ``box-padding:`` entry."""
    if set(entry) != _PADDING_FIELDS:
        raise ValueError(f"box-padding {name!r} needs exactly {', '.join(sorted(_PADDING_FIELDS))}")
    return BoxPadding(
        **{key: _points(value, {}, f"box-padding {name!r}: {key}") for key, value in entry.items()}
    )


def _points(value: Any, names: Mapping[str, float], what: str) -> float:
    """A length: a number of points, kept as written (an int stays an int, so ReportLab
    gets exactly what it got when these were constants), a name from ``names``, or a
    name ± points."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    match = _NAMED.fullmatch(str(value).strip())
    if not match or match[1] not in names:
        known = f" or one of {', '.join(names)}" if names else ""
        raise ValueError(f"{what} {value!r} is not a number{known}")
    base = names[match[1]]
    if match[2] is None:
        return base
    offset = float(match[3])
    return base + offset if match[2] == "+" else base - offset


def _mapping(entry: object, name: str) -> Mapping[str, Any]:
    if entry is None:
        return {}
    if not isinstance(entry, Mapping):
        raise ValueError(f"{name!r} must be a mapping, not {entry!r}")
    return entry
